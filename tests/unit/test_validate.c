/* test_validate.c — every validation rule, passing and failing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "siks/validate.h"
#include "testutil.h"

#define TODAY "2025-06-15"

/* How many findings have rule. */
static int nrule(const siks_findings *f, const char *rule)
{
	int k = 0;
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].rule, rule) == 0)
			k++;
	return k;
}

static const siks_finding *find_rule(const siks_findings *f, const char *rule)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].rule, rule) == 0)
			return &f->v[i];
	return NULL;
}

static void dump(const siks_findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		fprintf(stderr, "  [%s] %s %s: %s\n", f->v[i].severity == SIKS_ERROR ? "E" : "W",
			f->v[i].rule, f->v[i].field, f->v[i].msg);
}

/* ---- dates ---- */

static void test_date_parse(void **st)
{
	char iso[11];
	assert_int_equal(date_parse("17-08-1945", iso), 0);
	assert_string_equal(iso, "1945-08-17");
	assert_int_equal(date_parse("7-8-1945", iso), 0);
	assert_string_equal(iso, "1945-08-07");
	assert_int_equal(date_parse("07/08/1945", iso), 0);
	assert_string_equal(iso, "1945-08-07");
	assert_int_equal(date_parse("1945-08-17", iso), 0);
	assert_string_equal(iso, "1945-08-17");
	assert_int_equal(date_parse("31-04-2000", iso), -1);  /* April has 30 days */
	assert_int_equal(date_parse("00-01-2000", iso), -1);
	assert_int_equal(date_parse("01-13-2000", iso), -1);
	assert_int_equal(date_parse("01-01-45", iso), -1);    /* year needs 4 digits */
	assert_int_equal(date_parse("1-1-2000x", iso), -1);
	assert_int_equal(date_parse("17-08/1945", iso), -1);  /* mixed separators */
	assert_int_equal(date_parse("", iso), -1);
	assert_int_equal(date_parse(NULL, iso), -1);
	assert_int_equal(date_parse("abc", iso), -1);

	char out[11];
	date_format("1945-08-17", out);
	assert_string_equal(out, "17-08-1945");
	date_format("", out);
	assert_string_equal(out, "");
}

static void test_date_leap(void **st)
{
	char iso[11];
	assert_true(date_is_leap(2024));
	assert_true(date_is_leap(2000));
	assert_false(date_is_leap(1900));
	assert_false(date_is_leap(2023));
	assert_int_equal(date_parse("29-02-2024", iso), 0);
	assert_int_equal(date_parse("29-02-2000", iso), 0);
	assert_int_equal(date_parse("29-02-2023", iso), -1);
	assert_int_equal(date_parse("29-02-1900", iso), -1);
	assert_int_equal(date_parse("30-02-2024", iso), -1);
}

static void test_check_date(void **st)
{
	siks_findings f = { 0 };
	check_date(&f, "member", "r1", "tanggal_lahir", "2025-06-15", TODAY);  /* today is fine */
	check_date(&f, "member", "r1", "tanggal_lahir", "1950-01-01", TODAY);
	check_date(&f, "member", "r1", "tanggal_lahir", NULL, TODAY);         /* empty: required is elsewhere */
	assert_int_equal(f.n, 0);

	check_date(&f, "member", "r1", "tanggal_lahir", "2025-06-16", TODAY);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "date.future");
	assert_int_equal(f.v[0].severity, SIKS_ERROR);
	assert_string_equal(f.v[0].field, "tanggal_lahir");
	assert_string_equal(f.v[0].record, "r1");
	assert_non_null(strstr(f.v[0].msg, "Tanggal lahir"));  /* names the field by its label */
	assert_non_null(strstr(f.v[0].msg, "16-06-2025"));

	siks_findings_clear(&f);
	check_date(&f, "member", "r1", "tanggal_lahir", "2023-02-29", TODAY);
	assert_int_equal(nrule(&f, "date.invalid"), 1);
	assert_non_null(strstr(find_rule(&f, "date.invalid")->msg, "bukan tanggal"));
	siks_findings_free(&f);
}

/* ---- NIK ---- */

static void test_nik_man_woman(void **st)
{
	siks_findings f = { 0 };
	/* man born 17-08-1985 in kecamatan 35.28.01 */
	check_nik(&f, "m", "3528011708850001", 1, "1985-08-17", TODAY);
	/* woman born 05-03-1990: day 05 + 40 = 45 */
	check_nik(&f, "w", "3528014503900002", 2, "1990-03-05", TODAY);
	/* woman born 31-12-2001: day 71 */
	check_nik(&f, "w", "3528017112010003", 2, "2001-12-31", TODAY);
	/* sex and birth unknown */
	check_nik(&f, "x", "3528014503900002", 0, NULL, TODAY);
	dump(&f);
	assert_int_equal(f.n, 0);

	/* a woman's NIK without +40 */
	check_nik(&f, "w", "3528010503900002", 2, "1990-03-05", TODAY);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "nik.sex");
	assert_string_equal(f.v[0].field, "nik");
	assert_non_null(strstr(f.v[0].msg, "45"));
	/* a man's NIK with +40 */
	siks_findings_clear(&f);
	check_nik(&f, "m", "3528015708850001", 1, "1985-08-17", TODAY);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "nik.sex");
	siks_findings_free(&f);
}

static void test_nik_birth_mismatch(void **st)
{
	siks_findings f = { 0 };
	check_nik(&f, "m", "3528011708850001", 1, "1985-08-18", TODAY);
	assert_int_equal(nrule(&f, "nik.birth"), 1);
	assert_non_null(strstr(f.v[0].msg, "18-08-1985"));
	siks_findings_clear(&f);
	check_nik(&f, "m", "3528011708850001", 1, "1986-08-17", TODAY);  /* year differs */
	assert_int_equal(nrule(&f, "nik.birth"), 1);
	siks_findings_clear(&f);
	check_nik(&f, "m", "3528011709850001", 1, "1985-08-17", TODAY);  /* month differs */
	assert_int_equal(nrule(&f, "nik.birth"), 1);
	siks_findings_free(&f);
}

static void test_nik_length_letters(void **st)
{
	siks_findings f = { 0 };
	check_nik(&f, "r", "352801170885001", 1, NULL, TODAY);     /* 15 */
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "nik.short");
	assert_string_equal(f.v[0].msg, "NIK: terlalu pendek, harus 16 angka (tertulis 15)");
	siks_findings_clear(&f);
	check_nik(&f, "r", "35280117088500011", 1, NULL, TODAY);   /* 17 */
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "nik.long");
	assert_non_null(strstr(f.v[0].msg, "17"));
	siks_findings_clear(&f);
	check_nik(&f, "r", "35280117O8850001", 1, NULL, TODAY);    /* letter O */
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "nik.digits");
	siks_findings_clear(&f);
	check_nik(&f, "r", "3528 0117088500", 1, NULL, TODAY);     /* space */
	assert_int_equal(nrule(&f, "nik.digits"), 1);
	siks_findings_clear(&f);
	check_nik(&f, "r", "", 1, NULL, TODAY);                    /* empty: 'required' is check_field's */
	check_nik(&f, "r", NULL, 1, NULL, TODAY);
	assert_int_equal(f.n, 0);
	siks_findings_free(&f);
}

static void test_nik_date_part(void **st)
{
	siks_findings f = { 0 };
	/* 29 February: 2004 is a leap year, 2005 is not; 00 reads as 2000 (leap) */
	check_nik(&f, "r", "3528012902040001", 1, "2004-02-29", TODAY);
	check_nik(&f, "r", "3528016902000001", 2, "2000-02-29", TODAY);
	assert_int_equal(f.n, 0);
	check_nik(&f, "r", "3528012902050001", 1, NULL, TODAY);
	assert_int_equal(nrule(&f, "nik.date"), 1);
	siks_findings_clear(&f);
	check_nik(&f, "r", "3528013104900001", 1, NULL, TODAY);     /* 31 April */
	assert_int_equal(nrule(&f, "nik.date"), 1);
	siks_findings_clear(&f);
	check_nik(&f, "r", "3528013201900001", 1, NULL, TODAY);     /* day 32 */
	assert_int_equal(nrule(&f, "nik.day"), 1);
	siks_findings_clear(&f);
	check_nik(&f, "r", "3528010001900001", 1, NULL, TODAY);     /* day 00 */
	assert_int_equal(nrule(&f, "nik.day"), 1);
	siks_findings_clear(&f);
	check_nik(&f, "r", "3528017201900001", 2, NULL, TODAY);     /* day 72 */
	assert_int_equal(nrule(&f, "nik.day"), 1);
	siks_findings_clear(&f);
	check_nik(&f, "r", "3528011713900001", 1, NULL, TODAY);     /* month 13 */
	assert_int_equal(nrule(&f, "nik.month"), 1);
	siks_findings_clear(&f);
	check_nik(&f, "r", "3528011700900001", 1, NULL, TODAY);     /* month 00 */
	assert_int_equal(nrule(&f, "nik.month"), 1);
	siks_findings_clear(&f);
	check_nik(&f, "r", "3528011708850000", 1, NULL, TODAY);     /* serial 0000 */
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "nik.serial");
	siks_findings_free(&f);
}

static void test_nik_century(void **st)
{
	/* "25" before today (2025-06-15) is 2025; after today it is 1925 */
	siks_findings f = { 0 };
	check_nik(&f, "r", "3528010101250001", 1, "2025-01-01", TODAY);
	check_nik(&f, "r", "3528010112250001", 1, "1925-12-01", TODAY);
	dump(&f);
	assert_int_equal(f.n, 0);
	/* the NIK only holds two digits of the year: 2025 and 1925 both match */
	check_nik(&f, "r", "3528010112250001", 1, "2025-12-01", TODAY);
	assert_int_equal(f.n, 0);
	siks_findings_free(&f);
}

/* ---- No KK ---- */

static void test_kk(void **st)
{
	siks_findings f = { 0 };
	check_kk(&f, "r", "3528012001150003");
	check_kk(&f, "r", "1101010101010001");
	check_kk(&f, "r", NULL);
	assert_int_equal(f.n, 0);
	check_kk(&f, "r", "352801200115000");      /* 15 */
	assert_int_equal(nrule(&f, "kk.short"), 1);
	assert_non_null(strstr(f.v[0].msg, "No KK"));
	assert_non_null(strstr(f.v[0].msg, "15"));
	check_kk(&f, "r", "35280120011500031");    /* 17 */
	assert_int_equal(nrule(&f, "kk.long"), 1);
	check_kk(&f, "r", "35280120011500A3");
	assert_int_equal(nrule(&f, "kk.digits"), 1);
	check_kk(&f, "r", "0528012001150003");     /* province 05 */
	check_kk(&f, "r", "9928012001150003");     /* province 99 */
	check_kk(&f, "r", "3500012001150003");     /* kabupaten 00 */
	assert_int_equal(nrule(&f, "kk.region"), 3);
	assert_int_equal(f.n, 6);
	for (size_t i = 0; i < f.n; i++) {
		assert_int_equal(f.v[i].severity, SIKS_ERROR);
		assert_string_equal(f.v[i].field, "no_kk");
	}
	siks_findings_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_leap),
		cmocka_unit_test(test_check_date),
		cmocka_unit_test(test_nik_man_woman),
		cmocka_unit_test(test_nik_birth_mismatch),
		cmocka_unit_test(test_nik_length_letters),
		cmocka_unit_test(test_nik_date_part),
		cmocka_unit_test(test_nik_century),
		cmocka_unit_test(test_kk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
