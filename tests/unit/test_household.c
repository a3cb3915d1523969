/* test_household.c — a household and its members checked and saved together. */
#include "testutil.h"
#include "siks/household.h"

static void fill(siks_rec *m, const char *nik, const char *nama, int sex, const char *birth, int shdk)
{
	rec_set(m, "nik", nik);
	rec_set(m, "no_kk", "3528010101200001");
	rec_set(m, "nama", nama);
	rec_set_int(m, "jenis_kelamin", sex);
	rec_set(m, "tanggal_lahir", birth);
	rec_set_int(m, "shdk", shdk);
	rec_set_int(m, "keberadaan", 1);
}

static void new_family(siks_household *h)
{
	assert_int_equal(household_new(h), 0);
	rec_set(&h->hh, "desa", "35.28.01.2001");
	rec_set(&h->hh, "dusun", "Krajan");
	rec_set(&h->hh, "rt", "3");
	rec_set(&h->hh, "rw", "1");
	rec_set(&h->hh, "alamat", "Jl. Raya Tlanakan 12");
	fill(household_add_member(h), "3528011203800001", "Moh. Holis", 1, "1980-03-12", 1);
	fill(household_add_member(h), "3528015506850002", "Siti Nur'aini", 2, "1985-06-15", 3);
	fill(household_add_member(h), "3528010109100003", "Ach. Fauzi", 1, "2010-09-01", 4);
}

static void test_save_and_load_family(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_household h;
	siks_findings f = { 0 };
	siks_err e = { 0 };
	new_family(&h);
	int rc = household_save(s, &h, 0, &f, &e);
	for (size_t i = 0; i < f.n; i++)
		fprintf(stderr, "finding: %s %s\n", f.v[i].rule, f.v[i].msg);
	assert_int_equal(rc, 0);
	assert_int_equal(f.n, 0);
	char id[33];
	strcpy(id, h.hh.id);
	household_free(&h);
	assert_int_equal(db_int(s, "SELECT count(*) FROM member", 0), 3);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit", 0), 4);

	assert_int_equal(household_load(s, id, &h, &e), 0);
	assert_int_equal(h.n, 3);
	assert_string_equal(rec_get(&h.m[0], "nama"), "Moh. Holis"); /* head first */
	assert_string_equal(rec_get(&h.m[1], "nama"), "Siti Nur'aini");
	/* one change to one member: one more audit row */
	rec_set(&h.m[2], "pendidikan", "3");
	assert_int_equal(household_save(s, &h, 0, &f, &e), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit", 0), 5);
	household_free(&h);
	siks_findings_free(&f);
	siks_close(s);
}

static void test_errors_block_and_nothing_is_written(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_household h;
	siks_findings f = { 0 };
	siks_err e = { 0 };
	new_family(&h);
	rec_set_int(&h.m[1], "shdk", 1); /* two heads */
	rec_set(&h.m[2], "nik", "352801010910003"); /* 15 digits */
	assert_int_equal(household_save(s, &h, 1, &f, &e), SIKS_EINVAL);
	assert_true(siks_findings_count(&f, SIKS_ERROR) >= 2);
	int saw_nik = 0;
	for (size_t i = 0; i < f.n; i++)
		saw_nik |= strcmp(f.v[i].field, "nik") == 0;
	assert_true(saw_nik);
	assert_int_equal(db_int(s, "SELECT count(*) FROM household", -1), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit", -1), 0);
	household_free(&h);
	siks_findings_free(&f);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_save_and_load_family),
		cmocka_unit_test(test_errors_block_and_nothing_is_written),
	};
	return cmocka_run_group_tests_name("household", tests, NULL, NULL);
}
