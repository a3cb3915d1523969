/* test_hhlist.c — the household list's search: every typed word must be
 * found in the household, in a member's name, NIK or No KK, or its address. */
#include "testutil.h"
#include "siks/hhlist.h"

static long count(siks *s, const char *typed)
{
	hh_filter f;
	hh_filter_default(&f);
	snprintf(f.search, sizeof f.search, "%s", typed);
	return hhlist_count(s, &f);
}

static void test_search_words_across_members_and_address(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	char a[33], b[33], m[33];
	tu_household(s, "Krajan", 1, a);   /* address: Jl. Raya Tlanakan */
	tu_member(s, a, "3528011203800001", "Regapu’u Hasan", 1, "1980-03-12", 1, NULL);
	tu_member(s, a, "3528015506850002", "Siti Nur'aini", 2, "1985-06-15", 3, m);
	tu_household(s, "Laok", 2, b);
	tu_member(s, b, "3528010101700003", "Moh. Holis", 1, "1970-01-01", 1, NULL);

	assert_int_equal(count(s, ""), 2);
	assert_int_equal(count(s, "hasan"), 1);
	assert_int_equal(count(s, "nur'aini hasan"), 1);   /* two members of one household */
	assert_int_equal(count(s, "holis krajan"), 0);     /* Holis lives in Laok */
	assert_int_equal(count(s, "holis laok"), 1);       /* name + dusun */
	assert_int_equal(count(s, "3528015506"), 1);       /* NIK prefix */
	assert_int_equal(count(s, "tlanakan"), 2);         /* address of both */
	assert_int_equal(count(s, "regapu"), 1);           /* non-ASCII apostrophe splits words */
	assert_int_equal(count(s, "zzz"), 0);
	assert_int_equal(count(s, "\"OR\" NEAR("), 0);     /* typed text is never an FTS operator */

	/* a renamed member is found by the new name only */
	siks_err e = { 0 };
	assert_int_equal(rec_save_field(s, "member", m, "nama", "Siti Rofiqoh", &e), 0);
	assert_int_equal(count(s, "aini"), 0);
	assert_int_equal(count(s, "rofiqoh hasan"), 1);
	/* a moved household address is searched anew */
	assert_int_equal(rec_save_field(s, "household", a, "dusun", "Dajah", &e), 0);
	assert_int_equal(count(s, "krajan"), 0);
	assert_int_equal(count(s, "dajah hasan"), 1);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_words_across_members_and_address),
	};
	return cmocka_run_group_tests_name("hhlist", tests, NULL, NULL);
}
