/* test_clock.c — the hybrid clock survives a restart without reading the
 * whole change log (schema v13: setting clock.hlc, kept by db_commit): it
 * never goes back below any change the file holds, including one written
 * by something that bypassed db_commit, or one received from a site whose
 * clock runs ahead. */
#include "testutil.h"

static int64_t max_hlc(siks *s) { return db_int(s, "SELECT coalesce(max(hlc), 0) FROM change", -1); }

static void test_clock_after_restart(void **st)
{
	(void)st;
	char path[128], h[33];
	siks_err e = { 0 };
	siks *s = tu_open(SIKS_SITE_DESA, path);
	tu_household(s, "Krajan", 1, h);
	tu_member(s, h, "3528010101800001", "Moh. Holis", 1, "1980-01-01", 1, NULL);
	int64_t before = s->hlc_last;
	assert_true(before > 0);
	assert_int_equal(before, max_hlc(s));
	char v[64];
	assert_int_equal(siks_setting_get(s, "clock.hlc", v, sizeof v), 0);
	siks_close(s);

	/* a change from a site whose clock is far ahead, written behind the
	 * program's back (no db_commit: the setting does not know it) */
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	assert_int_equal(s->hlc_last, before);
	assert_int_equal(db_exec(s, "INSERT INTO change(hlc, origin, tbl, rec, field, value)"
				    " VALUES(9000000000000000, 'lain', 'household', 'x', 'dusun', 'Laok')", &e), 0);
	siks_close(s);
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	assert_int_equal(s->hlc_last, 9000000000000000LL);
	/* the next write goes past it, and is remembered */
	assert_int_equal(rec_save_field(s, "household", h, "dusun", "Dajah", &e), 0);
	int64_t after = s->hlc_last;
	assert_true(after > 9000000000000000LL);
	assert_int_equal(after, max_hlc(s));
	siks_close(s);
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	assert_int_equal(s->hlc_last, after);
	/* a clock that is only seen (a package's) is kept too */
	assert_int_equal(db_begin(s, &e), 0);
	rec_clock_seen(s, after + 5000000);
	assert_int_equal(db_commit(s, &e), 0);
	siks_close(s);
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	assert_int_equal(s->hlc_last, after + 5000000);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clock_after_restart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
