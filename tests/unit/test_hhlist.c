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

/* the list row of household id: head, present, members */
static void row(siks *s, const char *id, char *head, int *present, int *members)
{
	hh_filter f;
	hh_filter_default(&f);
	hh_row r;
	assert_int_equal(hhlist_get(s, &f, id, &r), 0);
	strcpy(head, r.head);
	*present = r.present;
	*members = r.members;
}

static void test_list_row_follows_members(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	char a[33], m1[33], head[128];
	int present, members;
	tu_household(s, "Krajan", 1, a);
	row(s, a, head, &present, &members);
	assert_string_equal(head, "");
	assert_int_equal(members, 0);
	/* no head yet: the first member stands for the household */
	tu_member(s, a, "3528010109100003", "Ach. Fauzi", 1, "2010-09-01", 4, m1);
	row(s, a, head, &present, &members);
	assert_string_equal(head, "Ach. Fauzi");
	/* the head arrives later and takes over */
	tu_member(s, a, "3528011203800001", "Moh. Holis", 1, "1980-03-12", 1, NULL);
	tu_member(s, a, "3528015506850002", "Siti Nur'aini", 2, "1985-06-15", 3, NULL);
	row(s, a, head, &present, &members);
	assert_string_equal(head, "Moh. Holis");
	assert_int_equal(present, 3);
	assert_int_equal(members, 3);
	/* a member who died is no longer present */
	siks_err e = { 0 };
	assert_int_equal(rec_save_field(s, "member", m1, "keberadaan", "2", &e), 0);
	row(s, a, head, &present, &members);
	assert_int_equal(present, 2);
	assert_int_equal(members, 3);
	/* a member added as died counts as a member, not as present */
	siks_rec m;
	rec_init(&m, "member");
	rec_set(&m, "household_id", a);
	rec_set(&m, "nama", "Busyro");
	rec_set(&m, "shdk", "7");
	rec_set(&m, "keberadaan", "2");
	assert_int_equal(rec_save(s, &m, &e), 0);
	rec_free(&m);
	row(s, a, head, &present, &members);
	assert_int_equal(present, 2);
	assert_int_equal(members, 4);
	assert_string_equal(head, "Moh. Holis");
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_words_across_members_and_address),
		cmocka_unit_test(test_list_row_follows_members),
	};
	return cmocka_run_group_tests_name("hhlist", tests, NULL, NULL);
}
