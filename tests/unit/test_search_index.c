/* test_search_index.c — the search index written once per transaction
 * (schema version 8: triggers note rows in hh_fts_queue, db_commit indexes
 * them). Property: after any mix of writes, in transactions of any size,
 * committed or rolled back, hh_fts holds exactly the rows a full rebuild
 * from the tables would hold, and the queue is empty. Also: a queue left by
 * a writer that committed without db_commit is indexed at the next open. */
#include "testutil.h"
#include "siks/hhlist.h"

/* The index as a full rebuild would make it (migration 6's statements). */
#define EXPECTED \
	"SELECT m.rowid, coalesce(m.nama, '') || ' ' || coalesce(m.nik, '') || ' ' || coalesce(m.no_kk, ''), l.n" \
	" FROM member m JOIN hhlist l ON l.household_id = m.household_id" \
	" UNION ALL SELECT -l.n, coalesce(h.alamat, '') || ' ' || coalesce(h.dusun, ''), l.n" \
	" FROM hhlist l JOIN household h ON h.id = l.household_id"
#define ACTUAL "SELECT rowid, body, hh FROM hh_fts"

static void assert_index_exact(siks *s)
{
	/* both directions of the difference are empty, and the counts agree */
	assert_int_equal(db_int(s, "SELECT count(*) FROM (" EXPECTED " EXCEPT " ACTUAL ")", -1), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM (" ACTUAL " EXCEPT SELECT * FROM (" EXPECTED "))", -1), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM hh_fts", -1),
			 db_int(s, "SELECT count(*) FROM (" EXPECTED ")", -2));
	assert_int_equal(db_int(s, "SELECT count(*) FROM hh_fts_queue", -1), 0);
}

static uint64_t rng = 0x9e3779b97f4a7c15u;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *names[] = { "Moh. Holis", "Siti Nur'aini", "Regapu’u", "Abd. Rahem", "Sumarni", "Busyro" };
static const char *dusuns[] = { "Krajan", "Laok", "Dajah", "Temor" };

/* One random write: add a household or a member, rename, move a member to
 * another household, change an address, or delete a member or a household. */
static void random_write(siks *s, int *nik_serial)
{
	siks_err e = { 0 };
	char id[33], other[33], sql[240];
	int k = (int)rnd(10);
	if (db_int(s, "SELECT count(*) FROM household", 0) < 3)
		k = 0;
	if (k == 0) {
		tu_household(s, dusuns[rnd(4)], 1 + (int)rnd(9), id);
		return;
	}
	snprintf(id, sizeof id, "%s", "");
	sqlite3_stmt *st;
	/* picks by the test's own generator, so every run makes the same writes */
	long nh = (long)db_int(s, "SELECT count(*) FROM household", 0);
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT id FROM household ORDER BY id LIMIT 1 OFFSET ?", -1, &st, NULL), 0);
	sqlite3_bind_int64(st, 1, rnd((unsigned)nh));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(id, sizeof id, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, rnd((unsigned)nh));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(other, sizeof other, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	char mid[33] = "";
	long nm = (long)db_int(s, "SELECT count(*) FROM member", 0);
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT id FROM member ORDER BY id LIMIT 1 OFFSET ?", -1, &st, NULL), 0);
	sqlite3_bind_int64(st, 1, nm ? rnd((unsigned)nm) : 0);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(mid, sizeof mid, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (!mid[0] || k <= 4) {
		char nik[20];
		snprintf(nik, sizeof nik, "352801010180%04u", (unsigned)++*nik_serial % 10000u);
		tu_member(s, id, nik, names[rnd(6)], 1 + (int)rnd(2), "1980-01-01", 1 + (int)rnd(4), NULL);
	} else if (k == 5) {
		assert_int_equal(rec_save_field(s, "member", mid, "nama", names[rnd(6)], &e), 0);
	} else if (k == 6) {
		assert_int_equal(rec_save_field(s, "member", mid, "household_id", other, &e), 0);
	} else if (k == 7) {
		assert_int_equal(rec_save_field(s, "household", id, "dusun", dusuns[rnd(4)], &e), 0);
	} else if (k == 8) {
		snprintf(sql, sizeof sql, "DELETE FROM member WHERE id='%s'", mid);
		assert_int_equal(db_exec(s, sql, &e), 0);
	} else {
		/* a household and its members, as a whole-record removal would */
		snprintf(sql, sizeof sql, "DELETE FROM member WHERE household_id='%s'", id);
		assert_int_equal(db_exec(s, sql, &e), 0);
		snprintf(sql, sizeof sql, "DELETE FROM household WHERE id='%s'", id);
		assert_int_equal(db_exec(s, sql, &e), 0);
	}
}

static void test_random_transactions(void **st)
{
	(void)st;
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_id_seed(20261127);
	siks_err e = { 0 };
	int serial = 0, queued = 0;
	for (int round = 0; round < 60; round++) {
		int n = 1 + (int)rnd(round % 5 == 0 ? 40 : 6), roll = rnd(4) == 0;
		assert_int_equal(db_begin(s, &e), 0);
		for (int i = 0; i < n; i++)
			random_write(s, &serial);
		/* inside the transaction the rows wait in the queue */
		queued += db_int(s, "SELECT count(*) FROM hh_fts_queue", -1) > 0;
		if (roll)
			db_rollback(s);
		else
			assert_int_equal(db_commit(s, &e), 0);
		assert_index_exact(s);
	}
	assert_true(queued > 30);
	assert_true(db_int(s, "SELECT count(*) FROM member", 0) > 20);
	siks_close(s);
}

/* What was just saved is found by search at once (no second step needed). */
static void test_saved_is_found(void **st)
{
	(void)st;
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	char h[33];
	tu_household(s, "Krajan", 3, h);
	tu_member(s, h, "3528010101800001", "Hosnawiyah Qomariyah", 2, "1980-01-01", 1, NULL);
	hh_filter f;
	hh_filter_default(&f);
	snprintf(f.search, sizeof f.search, "%s", "hosna");
	hh_row rows[4];
	siks_err e = { 0 };
	assert_int_equal(hhlist_fetch(s, &f, NULL, +1, 4, rows, &e), 1);
	assert_string_equal(rows[0].id, h);
	assert_index_exact(s);
	siks_close(s);
}

/* A writer that bypasses db_commit (the sqlite3 shell) leaves rows in the
 * queue; the next open indexes them. */
static void test_queue_flushed_at_open(void **st)
{
	(void)st;
	char path[128];
	siks *s = tu_open(SIKS_SITE_DESA, path);
	char h[33];
	tu_household(s, "Krajan", 3, h);
	siks_err e = { 0 };
	char sql[300];
	snprintf(sql, sizeof sql,
		 "BEGIN; INSERT INTO member(id, household_id, nik, nama, shdk) VALUES"
		 " ('00000000000000000000000000000abc', '%s', '3528010101800002', 'Rofiqoh Bukan Lewat', 1); COMMIT;", h);
	assert_int_equal(db_exec(s, sql, &e), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM hh_fts_queue", -1), 1);
	siks_close(s);
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	assert_index_exact(s);
	assert_int_equal(db_int(s, "SELECT count(*) FROM hh_fts WHERE hh_fts MATCH 'rofiqoh'", -1), 1);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_transactions),
		cmocka_unit_test(test_saved_is_found),
		cmocka_unit_test(test_queue_flushed_at_open),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
