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
#include "siks/wilayah.h"
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

/* ---- one field (descriptors of tables.c) ---- */

static void set_field(siks_rec *r, const char *field, const char *v, siks *s, siks_findings *f)
{
	siks_findings_clear(f);
	rec_set(r, field, v);
	check_field(s, r, siks_field_index(r->t, field), f);
}

static void test_check_field(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_findings f = { 0 };
	siks_rec h;
	assert_int_equal(rec_init(&h, "household"), 0);

	set_field(&h, "rt", "3", s, &f);
	assert_int_equal(f.n, 0);
	set_field(&h, "rt", "012", s, &f);
	assert_int_equal(f.n, 0);
	set_field(&h, "rt", "1234", s, &f);           /* 4 digits */
	assert_int_equal(nrule(&f, "field.digits"), 1);
	assert_non_null(strstr(f.v[0].msg, "RT: harus 1 sampai 3 angka"));
	assert_string_equal(f.v[0].table, "household");
	set_field(&h, "rw", "1a", s, &f);
	assert_int_equal(nrule(&f, "field.digits"), 1);
	set_field(&h, "rw", "0", s, &f);
	assert_int_equal(nrule(&f, "field.range"), 1);
	set_field(&h, "rw", NULL, s, &f);             /* required */
	assert_int_equal(nrule(&f, "field.required"), 1);
	assert_string_equal(f.v[0].msg, "RW: wajib diisi");
	set_field(&h, "dusun", NULL, s, &f);          /* optional */
	assert_int_equal(f.n, 0);

	set_field(&h, "lantai", "2", s, &f);          /* Keramik */
	assert_int_equal(f.n, 0);
	set_field(&h, "lantai", "99", s, &f);
	assert_int_equal(nrule(&f, "field.code"), 1);
	assert_non_null(strstr(f.v[0].msg, "Jenis lantai"));
	set_field(&h, "lantai", "dua", s, &f);
	assert_int_equal(nrule(&f, "field.code"), 1);

	set_field(&h, "aset_motor", "1", s, &f);
	assert_int_equal(f.n, 0);
	set_field(&h, "aset_motor", "2", s, &f);
	assert_int_equal(nrule(&f, "field.yesno"), 1);

	set_field(&h, "luas_lantai", "36,5", s, &f);  /* decimal comma */
	assert_int_equal(f.n, 0);
	set_field(&h, "luas_lantai", "0", s, &f);
	assert_int_equal(nrule(&f, "field.range"), 1);
	set_field(&h, "luas_lantai", "36m", s, &f);
	assert_int_equal(nrule(&f, "field.number"), 1);
	set_field(&h, "aset_ternak", "2.5", s, &f);  /* a count is whole */
	assert_int_equal(nrule(&f, "field.number"), 1);

	char longtext[200];
	memset(longtext, 'a', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = '\0';
	set_field(&h, "alamat", longtext, s, &f);     /* 199 > 120 */
	assert_int_equal(nrule(&f, "field.length"), 1);
	/* 60 two-byte characters are 60 characters, not 120 */
	char wide[200] = "";
	for (int i = 0; i < 60; i++)
		strcat(wide, "\xc3\xa9");
	set_field(&h, "alamat", wide, s, &f);
	assert_int_equal(f.n, 0);
	set_field(&h, "alamat", "Jl. Raya\nDabuan", s, &f);
	assert_int_equal(nrule(&f, "field.control"), 1);

	set_field(&h, "desa", "35.28.01.2001", s, &f);
	assert_int_equal(f.n, 0);
	set_field(&h, "desa", "35.28.01", s, &f);     /* a kecamatan, not a desa */
	assert_int_equal(nrule(&f, "field.wilayah"), 1);
	rec_free(&h);

	/* NIK in a member: its shape is checked as the field is left */
	siks_rec m;
	assert_int_equal(rec_init(&m, "member"), 0);
	strcpy(m.id, "mem1");
	set_field(&m, "nik", "352801170885001", s, &f);
	assert_int_equal(nrule(&f, "nik.short"), 1);
	assert_string_equal(f.v[0].record, "mem1");
	assert_string_equal(f.v[0].table, "member");
	set_field(&m, "no_kk", "352801200115000", s, &f);
	assert_int_equal(nrule(&f, "kk.short"), 1);
	set_field(&m, "tanggal_lahir", "2026-11-28", s, &f); /* tu_env: today is 2026-11-27 */
	assert_int_equal(nrule(&f, "date.future"), 1);
	set_field(&m, "tanggal_lahir", "2026-11-27", s, &f);
	assert_int_equal(f.n, 0);
	rec_free(&m);
	siks_findings_free(&f);
	siks_close(s);
}

static void test_nik_region_warning(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_findings f = { 0 };
	siks_rec m;
	assert_int_equal(rec_init(&m, "member"), 0);
	/* no region list loaded: the region part cannot be checked */
	set_field(&m, "nik", "3527051708850001", s, &f);
	assert_int_equal(f.n, 0);
	long count = 0;
	siks_err e = { 0 };
	assert_int_equal(wilayah_import(s, "data/wilayah/demo.csv", &count, &e), 0);
	set_field(&m, "nik", "3528011708850001", s, &f);    /* Tlanakan */
	assert_int_equal(f.n, 0);
	set_field(&m, "nik", "3527051708850001", s, &f);    /* 35.27.05 not in the list */
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "nik.region");
	assert_int_equal(f.v[0].severity, SIKS_WARN);
	assert_non_null(strstr(f.v[0].msg, "35.27.05"));
	rec_free(&m);
	siks_findings_free(&f);
	siks_close(s);
}

/* ---- one record: NIK against sex and birth date ---- */

static void test_check_record(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_findings f = { 0 };
	siks_rec m;
	assert_int_equal(rec_init(&m, "member"), 0);
	rec_set(&m, "household_id", "h");
	rec_set(&m, "nik", "3528014503900002");
	rec_set(&m, "no_kk", "3528012001150003");
	rec_set(&m, "nama", "Siti Nur'aini");
	rec_set(&m, "jenis_kelamin", "2");
	rec_set(&m, "tanggal_lahir", "1990-03-05");
	rec_set(&m, "shdk", "3");
	rec_set(&m, "keberadaan", "1");
	rec_set(&m, "hamil", "1");
	check_record(s, &m, &f);
	dump(&f);
	assert_int_equal(f.n, 0);

	rec_set(&m, "jenis_kelamin", "1");            /* now a man: NIK, pregnancy, Istri all wrong */
	check_record(s, &m, &f);
	assert_int_equal(nrule(&f, "nik.sex"), 1);
	assert_int_equal(nrule(&f, "hamil.sex"), 1);
	assert_int_equal(nrule(&f, "shdk.sex"), 1);
	assert_int_equal(f.n, 3);

	siks_findings_clear(&f);
	rec_set(&m, "jenis_kelamin", "2");
	rec_set(&m, "tanggal_lahir", "1990-03-06");
	check_record(s, &m, &f);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "nik.birth");

	siks_findings_clear(&f);
	rec_set(&m, "nama", NULL);
	rec_set(&m, "tanggal_lahir", "1990-03-05");
	check_record(s, &m, &f);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].msg, "Nama lengkap: wajib diisi");
	rec_free(&m);
	siks_findings_free(&f);
	siks_close(s);
}

/* ---- a household ---- */

struct fam {
	siks_rec hh;
	siks_rec m[8];
	size_t n;
};

static void fam_init(struct fam *x, const char *id)
{
	memset(x, 0, sizeof *x);
	assert_int_equal(rec_init(&x->hh, "household"), 0);
	snprintf(x->hh.id, sizeof x->hh.id, "%s", id);
}

static siks_rec *fam_add(struct fam *x, const char *id, const char *nik, const char *nama, int sex,
			 const char *birth, int shdk)
{
	siks_rec *m = &x->m[x->n++];
	assert_int_equal(rec_init(m, "member"), 0);
	snprintf(m->id, sizeof m->id, "%s", id);
	rec_set(m, "nik", nik);
	rec_set(m, "nama", nama);
	rec_set_int(m, "jenis_kelamin", sex);
	rec_set(m, "tanggal_lahir", birth);
	rec_set_int(m, "shdk", shdk);
	rec_set_int(m, "keberadaan", 1);
	return m;
}

static void fam_free(struct fam *x)
{
	rec_free(&x->hh);
	for (size_t i = 0; i < x->n; i++)
		rec_free(&x->m[i]);
}

/* Moh. Holis (head), Siti Nur'aini (wife), Ach. Fauzi (son) */
static void fam_basic(struct fam *x)
{
	fam_init(x, "hh1");
	fam_add(x, "a", "3528011708850001", "Moh. Holis", 1, "1985-08-17", 1);
	fam_add(x, "b", "3528014503900002", "Siti Nur'aini", 2, "1990-03-05", 3);
	fam_add(x, "c", "3528010210120003", "Ach. Fauzi", 1, "2012-10-02", 4);
}

static void test_household_ok(void **st)
{
	struct fam x;
	siks_findings f = { 0 };
	fam_basic(&x);
	check_household(NULL, &x.hh, x.m, x.n, &f);
	dump(&f);
	assert_int_equal(f.n, 0);
	fam_free(&x);
	siks_findings_free(&f);
}

static void test_household_heads(void **st)
{
	struct fam x;
	siks_findings f = { 0 };
	fam_basic(&x);
	rec_set(&x.m[2], "shdk", "1");                    /* two heads */
	check_household(NULL, &x.hh, x.m, x.n, &f);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "hh.head_many");
	assert_string_equal(f.v[0].table, "household");
	assert_string_equal(f.v[0].record, "hh1");
	assert_int_equal(f.v[0].severity, SIKS_ERROR);
	assert_non_null(strstr(f.v[0].msg, "Moh. Holis"));
	assert_non_null(strstr(f.v[0].msg, "Ach. Fauzi"));

	/* the second head moved away, or was not found: one head present again */
	siks_findings_clear(&f);
	rec_set(&x.m[2], "keberadaan", "3");
	check_household(NULL, &x.hh, x.m, x.n, &f);
	assert_int_equal(f.n, 0);
	rec_set(&x.m[2], "keberadaan", "4");
	check_household(NULL, &x.hh, x.m, x.n, &f);
	assert_int_equal(f.n, 0);
	rec_set(&x.m[2], "keberadaan", "5");          /* "Baru" is present */
	check_household(NULL, &x.hh, x.m, x.n, &f);
	assert_int_equal(nrule(&f, "hh.head_many"), 1);
	siks_findings_clear(&f);
	rec_set(&x.m[2], "keberadaan", "3");

	/* the head died and nobody took over: no head */
	rec_set(&x.m[0], "keberadaan", "2");
	check_household(NULL, &x.hh, x.m, x.n, &f);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "hh.head_none");
	fam_free(&x);
	siks_findings_free(&f);
}

static void test_household_spouse_sex(void **st)
{
	struct fam x;
	siks_findings f = { 0 };
	fam_basic(&x);
	rec_set(&x.m[1], "jenis_kelamin", "1");           /* wife recorded as a man */
	check_household(NULL, &x.hh, x.m, x.n, &f);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "hh.spouse_sex");
	assert_string_equal(f.v[0].record, "b");
	/* a female head with a husband is fine */
	siks_findings_clear(&f);
	rec_set(&x.m[0], "jenis_kelamin", "2");
	rec_set(&x.m[1], "shdk", "2");
	check_household(NULL, &x.hh, x.m, x.n, &f);
	assert_int_equal(f.n, 0);
	fam_free(&x);
	siks_findings_free(&f);
}

static void test_household_child_age(void **st)
{
	struct fam x;
	siks_findings f = { 0 };
	fam_basic(&x);
	rec_set(&x.m[2], "tanggal_lahir", "1984-01-01");  /* child older than both parents */
	check_household(NULL, &x.hh, x.m, x.n, &f);
	assert_int_equal(nrule(&f, "hh.child_age"), 2);
	assert_string_equal(f.v[0].record, "c");
	assert_string_equal(f.v[0].field, "tanggal_lahir");
	assert_non_null(strstr(f.v[0].msg, "Ach. Fauzi"));
	siks_findings_clear(&f);
	rec_set(&x.m[2], "tanggal_lahir", "1988-01-01");  /* older than the mother only */
	check_household(NULL, &x.hh, x.m, x.n, &f);
	assert_int_equal(f.n, 1);
	assert_non_null(strstr(f.v[0].msg, "Siti Nur'aini"));
	siks_findings_clear(&f);
	rec_set(&x.m[2], "tanggal_lahir", "1990-03-05");  /* born the same day: not younger */
	check_household(NULL, &x.hh, x.m, x.n, &f);
	assert_int_equal(nrule(&f, "hh.child_age"), 1);
	fam_free(&x);
	siks_findings_free(&f);
}

static void test_household_nik_twice(void **st)
{
	struct fam x;
	siks_findings f = { 0 };
	fam_basic(&x);
	rec_set(&x.m[2], "nik", "3528011708850001");      /* the head's NIK again */
	check_household(NULL, &x.hh, x.m, x.n, &f);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "hh.nik_twice");
	assert_string_equal(f.v[0].record, "c");
	/* not when one of them died */
	siks_findings_clear(&f);
	rec_set(&x.m[2], "keberadaan", "2");
	check_household(NULL, &x.hh, x.m, x.n, &f);
	assert_int_equal(f.n, 0);
	fam_free(&x);
	siks_findings_free(&f);
}

static void test_household_nik_elsewhere(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	char other[33], mid[33];
	tu_household(s, "Krajan", 4, other);
	tu_member(s, other, "3528010101700001", "Abd. Rahem", 1, "1970-01-01", 1, NULL);
	tu_member(s, other, "3528015506950002", "Hosnawiyah", 2, "1995-06-15", 4, mid);

	struct fam x;
	siks_findings f = { 0 };
	fam_basic(&x);
	check_household(s, &x.hh, x.m, x.n, &f);
	assert_int_equal(f.n, 0);
	/* Hosnawiyah married Moh. Holis, but is still present at her father's */
	rec_set(&x.m[1], "nik", "3528015506950002");
	rec_set(&x.m[1], "nama", "Hosnawiyah");
	rec_set(&x.m[1], "tanggal_lahir", "1995-06-15");
	rec_set(&x.m[2], "tanggal_lahir", "2015-01-01");
	check_household(s, &x.hh, x.m, x.n, &f);
	dump(&f);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "nik.duplicate");
	assert_string_equal(f.v[0].record, "b");
	/* the message names the other household: its head and address */
	assert_non_null(strstr(f.v[0].msg, "Abd. Rahem"));
	assert_non_null(strstr(f.v[0].msg, "Jl. Raya Tlanakan"));
	assert_non_null(strstr(f.v[0].msg, "Krajan"));
	assert_non_null(strstr(f.v[0].msg, "RT 004/RW 001"));

	/* once she is marked as moved away there, no finding */
	siks_findings_clear(&f);
	siks_err e = { 0 };
	assert_int_equal(rec_save_field(s, "member", mid, "keberadaan", "3", &e), 0);
	check_household(s, &x.hh, x.m, x.n, &f);
	assert_int_equal(f.n, 0);
	/* the same record saved again in its own household is not a duplicate */
	rec_set(&x.m[1], "keberadaan", "1");
	snprintf(x.hh.id, sizeof x.hh.id, "%s", other);
	snprintf(x.m[1].id, sizeof x.m[1].id, "%s", mid);
	check_household(s, &x.hh, x.m, x.n, &f);
	assert_int_equal(nrule(&f, "nik.duplicate"), 0);
	fam_free(&x);
	siks_findings_free(&f);
	siks_close(s);
}

/* ---- the whole database ---- */

struct seen {
	int n, errors;
	char rules[16][24];
	char hh[16][33];
};

static void collect(const siks_finding *fd, const char *hid, void *arg)
{
	struct seen *x = arg;
	if (x->n < 16) {
		strcpy(x->rules[x->n], fd->rule);
		strcpy(x->hh[x->n], hid);
	}
	x->n++;
}

static void test_check_database(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	char h1[33], h2[33];
	tu_household(s, "Krajan", 1, h1);
	tu_member(s, h1, "3528011708850001", "Moh. Holis", 1, "1985-08-17", 1, NULL);
	tu_member(s, h1, "3528014503900002", "Siti Nur'aini", 2, "1990-03-05", 3, NULL);
	tu_household(s, "Laok", 2, h2);
	tu_member(s, h2, "3528010101700001", "Abd. Rahem", 1, "1970-01-01", 1, NULL);
	tu_member(s, h2, "3528010101700002", "Ach. Fauzi", 1, "1970-01-01", 1, NULL);  /* two heads */

	struct seen x = { 0 };
	siks_err e = { 0 };
	int errors = check_database(s, collect, &x, &e);
	assert_int_equal(errors, 1);
	assert_int_equal(x.n, 1);
	assert_string_equal(x.rules[0], "hh.head_many");
	assert_string_equal(x.hh[0], h2);
	/* a callback is optional */
	assert_int_equal(check_database(s, NULL, NULL, &e), 1);
	siks_close(s);
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
		cmocka_unit_test(test_check_field),
		cmocka_unit_test(test_nik_region_warning),
		cmocka_unit_test(test_check_record),
		cmocka_unit_test(test_household_ok),
		cmocka_unit_test(test_household_heads),
		cmocka_unit_test(test_household_spouse_sex),
		cmocka_unit_test(test_household_child_age),
		cmocka_unit_test(test_household_nik_twice),
		cmocka_unit_test(test_household_nik_elsewhere),
		cmocka_unit_test(test_check_database),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
