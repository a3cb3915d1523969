/* test_core.c — the database layer and the one write path. */
#include "testutil.h"

static void test_open_sets_up_schema_and_site(void **st)
{
	char path[128];
	siks *s = tu_open(SIKS_SITE_DESA, path);
	assert_int_equal(db_int(s, "PRAGMA user_version", -1), siks_schema_version());
	assert_int_equal(db_int(s, "PRAGMA foreign_keys", -1), 1);
	assert_int_equal(s->site_role, SIKS_SITE_DESA);
	assert_string_equal(s->site_kode, "35.28.01.2001");
	assert_int_equal(strlen(s->site_id), 32);
	siks_close(s);
	/* reopening reads the site back */
	siks_err e = { 0 };
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	assert_string_equal(s->site_nama, "Dabuan");
	/* init twice is refused, naming the site */
	assert_int_not_equal(siks_site_init(s, SIKS_SITE_DESA, "35.28.01.2002", NULL, &e), 0);
	assert_non_null(strstr(e.msg, "35.28.01.2001"));
	siks_close(s);
}

static void test_site_kode_shape(void **st)
{
	siks *s = tu_open(0, NULL);
	siks_err e = { 0 };
	assert_int_equal(siks_site_init(s, SIKS_SITE_DESA, "35.28.01", NULL, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "kode");
	assert_int_equal(siks_site_init(s, SIKS_SITE_KABUPATEN, "35.28.01.2001", NULL, &e), SIKS_EINVAL);
	assert_int_equal(siks_site_init(s, SIKS_SITE_DESA, "35.28.01.20x1", NULL, &e), SIKS_EINVAL);
	assert_int_equal(siks_site_init(s, SIKS_SITE_KABUPATEN, "35.28", NULL, &e), 0);
	siks_close(s);
}

static void test_missing_file_not_created_without_flag(void **st)
{
	char dir[64], p[128];
	tu_env();
	tu_tmpdir(dir);
	snprintf(p, sizeof p, "%s/none.db", dir);
	siks *s;
	siks_err e = { 0 };
	assert_int_equal(siks_open(&s, p, 0, &e), SIKS_ENOTFOUND);
	assert_null(s);
	assert_int_equal(access(p, F_OK), -1);
}

static void test_insert_writes_one_audit_and_one_change(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	char hh[33];
	tu_household(s, "Krajan", 3, hh);
	assert_int_equal(db_int(s, "SELECT count(*) FROM household", 0), 1);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE field='*'", 0), 1);
	assert_int_equal(db_int(s, "SELECT count(*) FROM change WHERE field='*'", 0), 1);
	/* the change row carries every value as JSON, readable by SQL */
	assert_int_equal(db_int(s, "SELECT json_extract(value,'$.rt') FROM change", 0), 3);
	siks_close(s);
}

static void test_update_one_field_one_audit_row(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_set_operator(s, "op1", "Rofiqoh", SIKS_OP_DESA);
	char hh[33];
	tu_household(s, "Krajan", 3, hh);
	siks_err e = { 0 };
	siks_rec r;
	assert_int_equal(rec_load(s, &r, "household", hh, &e), 0);
	assert_string_equal(rec_get(&r, "rt"), "3");
	rec_set(&r, "rt", "007");  /* same number as 7, stored as 7 */
	assert_int_equal(rec_save(s, &r, &e), 0);
	/* saving again with nothing changed writes nothing */
	assert_int_equal(rec_save(s, &r, &e), 0);
	rec_free(&r);

	sqlite3_stmt *q = db_stmt(s, "SELECT count(*), old, new, operator, tbl, rec FROM audit WHERE field='rt'", &e);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 1);
	assert_string_equal((const char *)sqlite3_column_text(q, 1), "3");
	assert_string_equal((const char *)sqlite3_column_text(q, 2), "7");
	assert_string_equal((const char *)sqlite3_column_text(q, 3), "Rofiqoh");
	assert_string_equal((const char *)sqlite3_column_text(q, 4), "household");
	assert_string_equal((const char *)sqlite3_column_text(q, 5), hh);
	sqlite3_reset(q);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit", 0), 2);
	assert_int_equal(db_int(s, "SELECT count(*) FROM change", 0), 2);
	assert_int_equal(db_int(s, "SELECT rt FROM household", 0), 7);
	siks_close(s);
}

static void test_audit_cannot_be_changed_or_deleted(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	char hh[33];
	tu_household(s, "Krajan", 3, hh);
	siks_err e = { 0 };
	assert_int_not_equal(db_exec(s, "DELETE FROM audit", &e), 0);
	assert_non_null(strstr(e.msg, "audit"));
	assert_int_not_equal(db_exec(s, "UPDATE audit SET new='x'", &e), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit", 0), 1);
	siks_close(s);
}

static void test_failed_write_leaves_nothing(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_err e = { 0 };
	siks_rec m;
	rec_init(&m, "member");
	rec_set(&m, "household_id", "no-such-household"); /* foreign key fails */
	rec_set(&m, "nama", "Moh. Holis");
	assert_int_not_equal(rec_save(s, &m, &e), 0);
	rec_free(&m);
	assert_int_equal(db_int(s, "SELECT count(*) FROM member", -1), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit", -1), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM change", -1), 0);
	assert_int_equal(s->tx_depth, 0);
	siks_close(s);
}

static void test_nested_transaction_rolls_back_whole(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_err e = { 0 };
	char hh[33];
	assert_int_equal(db_begin(s, &e), 0);
	tu_household(s, "Krajan", 1, hh);   /* inner begin/commit */
	db_rollback(s);                     /* outermost: undo it all */
	assert_int_equal(db_int(s, "SELECT count(*) FROM household", -1), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit", -1), 0);
	/* an inner failure makes the outer commit roll back */
	assert_int_equal(db_begin(s, &e), 0);
	tu_household(s, "Krajan", 1, hh);
	assert_int_equal(db_begin(s, &e), 0);
	db_rollback(s);
	assert_int_not_equal(db_commit(s, &e), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM household", -1), 0);
	siks_close(s);
}

static void test_ids_from_two_sites_never_collide(void **st)
{
	/* two "sites" making ids in the same milliseconds */
	enum { N = 20000 };
	char (*a)[33] = malloc(2 * N * sizeof *a);
	assert_non_null(a);
	for (int i = 0; i < 2 * N; i++)
		siks_id_new(a[i]);
	for (int i = 0; i < 2 * N; i++)
		assert_int_equal(strlen(a[i]), 32);
	/* sort and look for neighbours that are equal */
	qsort(a, 2 * N, sizeof *a, (int (*)(const void *, const void *))strcmp);
	for (int i = 1; i < 2 * N; i++)
		assert_string_not_equal(a[i - 1], a[i]);
	free(a);
	/* ids are time-ordered: a later one sorts after */
	char x[33], y[33];
	siks_id_new(x);
	usleep(2000);
	siks_id_new(y);
	assert_true(strcmp(x, y) < 0);
	/* seeded ids repeat exactly (demo), and differ by seed */
	char p[33], q[33], r[33];
	siks_id_seed(42);
	siks_id_new(p);
	siks_id_seed(42);
	siks_id_new(q);
	siks_id_seed(43);
	siks_id_new(r);
	siks_id_seed(0);
	assert_string_equal(p, q);
	assert_string_not_equal(p, r);
}

static void test_migrate_from_first_version(void **st)
{
	char dir[64], p[128];
	tu_env();
	tu_tmpdir(dir);
	snprintf(p, sizeof p, "%s/v1.db", dir);
	/* a file as the first release wrote it, with data */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, db_migration_sql(1), NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"PRAGMA user_version=1;"
		"INSERT INTO household(id,desa,dusun,rt,rw,alamat) VALUES('h1','35.28.01.2001','Krajan',1,2,'Jl. Kenanga');"
		"INSERT INTO member(id,household_id,nik,nama) VALUES('m1','h1','3528014507800001','Siti Nur''aini');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	siks *s;
	siks_err e = { 0 };
	assert_int_equal(siks_open(&s, p, 0, &e), 0);
	assert_int_equal(db_int(s, "PRAGMA user_version", 0), siks_schema_version());
	siks_rec m;
	assert_int_equal(rec_load(s, &m, "member", "m1", &e), 0);
	assert_string_equal(rec_get(&m, "nama"), "Siti Nur'aini");
	rec_free(&m);
	/* the new column of version 2 is there and writable */
	assert_int_equal(rec_save_field(s, "household", "h1", "catatan", "rumah panggung", &e), 0);
	siks_close(s);
}

static void test_newer_schema_refused(void **st)
{
	char path[128];
	siks *s = tu_open(SIKS_SITE_DESA, path);
	db_exec(s, "PRAGMA user_version=999", NULL);
	siks_close(s);
	siks_err e = { 0 };
	assert_int_equal(siks_open(&s, path, 0, &e), SIKS_EFORMAT);
	assert_non_null(strstr(e.msg, "Perbarui"));
}

static void test_clock_is_monotonic(void **st)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	int64_t a = rec_clock_next(s), b = rec_clock_next(s);
	assert_true(b > a);
	rec_clock_seen(s, b + 1000000000);
	assert_true(rec_clock_next(s) > b + 1000000000);
	siks_close(s);
}

static void test_network_fs_refused(void **st)
{
	char dir[64], p[128];
	tu_env();
	tu_tmpdir(dir);
	snprintf(p, sizeof p, "%s/share.db", dir);
	setenv("SIKSDESA_FAKE_FSTYPE", "cifs", 1);
	siks *s;
	siks_err e = { 0 };
	assert_int_equal(siks_open(&s, p, SIKS_OPEN_CREATE, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "jaringan"));
	assert_int_equal(access(p, F_OK), -1);
	setenv("SIKSDESA_FAKE_FSTYPE", "local", 1);
	assert_int_equal(siks_open(&s, p, SIKS_OPEN_CREATE, &e), 0);
	siks_close(s);
	unsetenv("SIKSDESA_FAKE_FSTYPE");
}

static void test_english_messages(void **st)
{
	siks *s = tu_open(0, NULL);
	siks_err e = { 0 };
	siks_i18n_init("en");
	siks_site_init(s, SIKS_SITE_DESA, "35.28", NULL, &e);
	siks_i18n_init("id");
	assert_non_null(strstr(e.msg, "Village code"));
	siks_site_init(s, SIKS_SITE_DESA, "35.28", NULL, &e);
	assert_non_null(strstr(e.msg, "Kode desa"));
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_sets_up_schema_and_site),
		cmocka_unit_test(test_site_kode_shape),
		cmocka_unit_test(test_missing_file_not_created_without_flag),
		cmocka_unit_test(test_insert_writes_one_audit_and_one_change),
		cmocka_unit_test(test_update_one_field_one_audit_row),
		cmocka_unit_test(test_audit_cannot_be_changed_or_deleted),
		cmocka_unit_test(test_failed_write_leaves_nothing),
		cmocka_unit_test(test_nested_transaction_rolls_back_whole),
		cmocka_unit_test(test_ids_from_two_sites_never_collide),
		cmocka_unit_test(test_migrate_from_first_version),
		cmocka_unit_test(test_newer_schema_refused),
		cmocka_unit_test(test_clock_is_monotonic),
		cmocka_unit_test(test_network_fs_refused),
		cmocka_unit_test(test_english_messages),
	};
	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
