/* test_sync_status.c — what the district dashboard reads from sync_status:
 * the monthly late rule (against the clock SIKSDESA_NOW fixes), per-village
 * counts with one village that sent and one that never did, cross-village
 * duplicates naming both households, and the village of a conflict. */
#include "synctest.h"

#define DESA "35.28.01.2001"
#define DESA2 "35.28.02.2005"

static void test_late_rule(void **state)
{
	(void)state;
	assert_int_equal(sync_late(NULL, "2026-11-27"), 1);
	assert_int_equal(sync_late("", "2026-11-27"), 1);
	assert_int_equal(sync_late("2026-11-01 08:00:00", "2026-11-27"), 0);
	assert_int_equal(sync_late("2026-11-27 23:59:59", "2026-11-27"), 0);
	assert_int_equal(sync_late("2026-10-31 23:59:59", "2026-11-01"), 1);
	assert_int_equal(sync_late("2025-11-30 10:00:00", "2026-11-27"), 1); /* same month, a year before */
	assert_int_equal(sync_late("2026-12-01 07:00:00", "2026-11-30"), 0); /* a clock ahead is not late */
	assert_int_equal(sync_late("2026-12-31", "2027-01-01"), 1);
}

/* A household headed by `head` with a second member of NIK nik. */
static void family(siks *v, const char *kode, const char *head, const char *head_nik, const char *nik,
		   const char *kk)
{
	siks_rec h, m;
	siks_err e = { 0 };
	rec_init(&h, "household");
	rec_set(&h, "desa", kode);
	rec_set(&h, "dusun", "Krajan");
	rec_set_int(&h, "rt", 1);
	rec_set_int(&h, "rw", 1);
	assert_int_equal(rec_save(v, &h, &e), 0);
	const char *who[2] = { head, "Siti Aminah" };
	const char *niks[2] = { head_nik, nik };
	/* the other member first: the head is found by shdk, not by order */
	for (int i = 1; i >= 0; i--) {
		rec_init(&m, "member");
		rec_set(&m, "household_id", h.id);
		rec_set(&m, "nik", niks[i]);
		rec_set(&m, "no_kk", kk);
		rec_set(&m, "nama", who[i]);
		rec_set_int(&m, "jenis_kelamin", i ? 2 : 1);
		rec_set(&m, "tanggal_lahir", i ? "1995-03-02" : "1990-01-10");
		rec_set_int(&m, "shdk", i ? 3 : 1);
		rec_set_int(&m, "keberadaan", 1);
		int rc = rec_save(v, &m, &e);
		if (rc)
			fprintf(stderr, "member: %s\n", e.msg);
		assert_int_equal(rc, 0);
		rec_free(&m);
	}
	rec_free(&h);
}

static void send(siks *from, siks *to, const char *dest)
{
	char dir[64], pkg[1024];
	st_export(from, dir);
	assert_true(st_find_pkg(dir, dest, pkg, sizeof pkg));
	assert_int_equal(st_import(to, pkg), 0);
}

static sync_peer_status *status_of(sync_peer_status *v, int n, const char *kode)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i].kode, kode) == 0)
			return &v[i];
	fail_msg("no status for %s", kode);
	return NULL;
}

static void test_dashboard_counts(void **state)
{
	(void)state;
	siks *d = st_site(SIKS_SITE_KABUPATEN, "35.28", NULL);
	siks *v1 = st_site(SIKS_SITE_DESA, DESA, NULL);
	siks *v2 = st_site(SIKS_SITE_DESA, DESA2, NULL);
	st_pair(d, v1, DESA);
	st_pair(d, v2, DESA2);
	family(v1, DESA, "Moh. Rofiq", "3528011001800001", "3528011001900001", "3528010101200001");
	family(v1, DESA, "Abd. Gani", "3528011001800002", "3528011001900002", "3528010101200002");
	send(v1, d, "35.28");

	/* "today" in the month the package was stamped (the import's own clock) */
	char now[20], today[11];
	plat_timestamp(now);
	snprintf(today, sizeof today, "%.10s", now);
	setenv("SIKSDESA_NOW", today, 1);
	sync_peer_status *v;
	int n;
	siks_err e = { 0 };
	assert_int_equal(sync_status(d, &v, &n, &e), 0);
	assert_int_equal(n, 2);
	sync_peer_status *a = status_of(v, n, DESA), *b = status_of(v, n, DESA2);
	assert_int_equal(a->last_in_seq, 1);
	assert_memory_equal(a->last_in_at, today, 10);
	assert_true(a->last_in_changes > 0);
	assert_int_equal(a->last_in_changes, st_count(d, "SELECT nchanges FROM sync_pkg WHERE dir='in'"));
	assert_int_equal(a->households, 2);
	assert_int_equal(a->members, 4);
	assert_int_equal(a->late, 0);
	assert_int_equal(b->last_in_seq, 0);
	assert_string_equal(b->last_in_at, "");
	assert_int_equal(b->households, 0);
	assert_int_equal(b->late, 1); /* never sent */
	free(v);

	/* the next month: the package of this month no longer counts */
	char next[11];
	int y = atoi(today), mo = atoi(today + 5);
	snprintf(next, sizeof next, "%04d-%02d-01", mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1);
	setenv("SIKSDESA_NOW", next, 1);
	assert_int_equal(sync_status(d, &v, &n, &e), 0);
	assert_int_equal(status_of(v, n, DESA)->late, 1);
	free(v);
	setenv("SIKSDESA_NOW", today, 1);

	/* the second village holds a NIK the first already has */
	family(v2, DESA2, "Hasan Basri", "3528021001800003", "3528011001900002", "3528020202200009");
	send(v2, d, "35.28");
	sync_dup *dup;
	int nd;
	assert_int_equal(sync_duplicates(d, &dup, &nd, &e), 0);
	assert_int_equal(nd, 1);
	assert_string_equal(dup[0].nik, "3528011001900002");
	/* both households named by their heads, whichever village sorts first */
	int first = strcmp(dup[0].desa_a, DESA) == 0;
	assert_string_equal(first ? dup[0].kepala_a : dup[0].kepala_b, "Abd. Gani");
	assert_string_equal(first ? dup[0].kepala_b : dup[0].kepala_a, "Hasan Basri");
	assert_string_equal(first ? dup[0].kk_a : dup[0].kk_b, "3528010101200002");
	assert_string_equal(first ? dup[0].kk_b : dup[0].kk_a, "3528020202200009");
	assert_string_equal(dup[0].nama_a, "Siti Aminah");
	free(dup);
	assert_int_equal(sync_status(d, &v, &n, &e), 0);
	a = status_of(v, n, DESA);
	b = status_of(v, n, DESA2);
	assert_int_equal(a->duplicates, 1);
	assert_int_equal(b->duplicates, 1);
	assert_int_equal(b->late, 0);
	assert_int_equal(b->households, 1);
	assert_int_equal(a->conflicts_open + b->conflicts_open, 0);
	free(v);

	/* a conflict on the second village's household names that village */
	char hh[33];
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(v2->db, "SELECT id FROM household", -1, &st, NULL), 0);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	strcpy(hh, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_int_equal(rec_save_field(v2, "household", hh, "dusun", "Lembung", &e), 0);
	rec_clock_seen(d, v2->hlc_last + 1000);
	assert_int_equal(rec_save_field(d, "household", hh, "dusun", "Bunten", &e), 0);
	send(v2, d, "35.28");
	assert_int_equal(sync_status(d, &v, &n, &e), 0);
	assert_int_equal(status_of(v, n, DESA2)->conflicts_open, 1);
	assert_int_equal(status_of(v, n, DESA)->conflicts_open, 0);
	free(v);
	sync_conflict *c;
	int nc;
	assert_int_equal(sync_conflicts(d, 1, &c, &nc, &e), 0);
	assert_int_equal(nc, 1);
	assert_string_equal(c[0].desa, DESA2);
	sync_conflicts_free(c, nc);
	setenv("SIKSDESA_NOW", "2026-11-27", 1);
	siks_close(v2);
	siks_close(v1);
	siks_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_late_rule),
		cmocka_unit_test(test_dashboard_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
