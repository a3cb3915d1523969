/* test_sync_prop.c — the sync properties under random use: several villages
 * and their district edit at random, packages are lost, duplicated and
 * reordered; after a full exchange each village and the district hold the
 * same records (equal digests). And kill -9 in the middle of an import
 * leaves the database as before or fully imported. */
#include "synctest.h"
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#define NV 3
static const char *const KODE[NV] = { "35.28.01.2001", "35.28.05.2010", "35.28.12.2003" };

static uint64_t rng;
static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

typedef struct world {
	siks *d, *v[NV];
	/* packages made and not yet delivered: path and receiver */
	char (*pkg)[1024];
	siks **to;
	int npkg, cap;
} world;

/* A random record id of table at site s (at the district: of village i). */
static int pick(siks *s, const char *table, const char *peer, char id[33])
{
	sqlite3_stmt *st;
	char sql[200];
	if (peer)
		snprintf(sql, sizeof sql, "SELECT t.id FROM %s t JOIN sync_home h ON h.rec=t.id WHERE h.peer=?1 ORDER BY t.id",
			 table);
	else
		snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE ?1 IS NULL ORDER BY id", table);
	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	if (peer)
		sqlite3_bind_text(st, 1, peer, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 1);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		n++;
	int found = 0;
	if (n) {
		int k = (int)rnd((uint32_t)n);
		sqlite3_reset(st);
		for (int i = 0; i <= k; i++)
			assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		strcpy(id, (const char *)sqlite3_column_text(st, 0));
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
}

static void new_household(siks *v, const char *kode, int serial)
{
	char hh[33], nik[17];
	siks_rec h;
	siks_err e = { 0 };
	rec_init(&h, "household");
	rec_set(&h, "desa", kode);
	rec_set(&h, "dusun", "Krajan");
	rec_set_int(&h, "rt", 1 + rnd(9));
	rec_set_int(&h, "rw", 1);
	assert_int_equal(rec_save(v, &h, &e), 0);
	strcpy(hh, h.id);
	rec_free(&h);
	snprintf(nik, sizeof nik, "3528%02u%02u0190%04u", (1 + rnd(13)) % 100, (10 + rnd(18)) % 100,
		 (unsigned)serial % 10000);
	tu_member(v, hh, nik, "Abd. Rahman", 1, "1990-01-10", 1, NULL);
}

static void edit(siks *s, const char *peer)
{
	static const char *const dusun[] = { "Krajan", "Lembung", "Bunten", "Tlanakan" };
	char id[33];
	siks_err e = { 0 };
	if (!pick(s, "household", peer, id))
		return;
	char v[8];
	switch (rnd(3)) {
	case 0:
		assert_int_equal(rec_save_field(s, "household", id, "dusun", dusun[rnd(4)], &e), 0);
		break;
	case 1:
		snprintf(v, sizeof v, "%u", 1 + rnd(9));
		assert_int_equal(rec_save_field(s, "household", id, "rt", v, &e), 0);
		break;
	default:
		snprintf(v, sizeof v, "%u", 1 + rnd(10));
		assert_int_equal(rec_save_field(s, "household", id, "desil", rnd(5) ? v : NULL, &e), 0);
	}
}

static void district_program(world *w, int i)
{
	char hh[33];
	siks_err e = { 0 };
	if (!pick(w->d, "household", KODE[i], hh))
		return;
	siks_rec p;
	rec_init(&p, "program");
	rec_set(&p, "household_id", hh);
	rec_set_int(&p, "program", 1 + rnd(3));
	rec_set_int(&p, "aktif", 1);
	assert_int_equal(rec_save(w->d, &p, &e), 0);
	rec_free(&p);
}

/* from exports; its package for to joins the packages in flight */
static void send(world *w, siks *from, siks *to)
{
	char dir[64];
	st_export(from, dir);
	if (w->npkg == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->pkg = realloc(w->pkg, (size_t)w->cap * sizeof *w->pkg);
		w->to = realloc(w->to, (size_t)w->cap * sizeof *w->to);
	}
	assert_true(st_find_pkg(dir, to->site_kode, w->pkg[w->npkg], sizeof w->pkg[0]));
	w->to[w->npkg++] = to;
}

/* Delivers the packages in flight in random order: when lossy, each one
 * may be lost, delivered twice, or kept for later (arriving out of order). */
static void deliver(world *w, int lossy)
{
	char tmp[1024];
	for (int i = w->npkg - 1; i > 0; i--) {
		int j = (int)rnd((uint32_t)i + 1);
		if (j == i)
			continue;
		siks *t = w->to[i];
		strcpy(tmp, w->pkg[i]);
		strcpy(w->pkg[i], w->pkg[j]);
		w->to[i] = w->to[j];
		strcpy(w->pkg[j], tmp);
		w->to[j] = t;
	}
	int keep = 0;
	for (int i = 0; i < w->npkg; i++) {
		uint32_t r = lossy ? rnd(10) : 9;
		if (r < 2)
			continue; /* lost */
		if (r < 4) { /* later */
			if (keep != i) {
				memmove(w->pkg[keep], w->pkg[i], sizeof w->pkg[0]);
				w->to[keep] = w->to[i];
			}
			keep++;
			continue;
		}
		assert_int_equal(st_import(w->to[i], w->pkg[i]), 0);
		if (r < 6)
			assert_int_equal(st_import(w->to[i], w->pkg[i]), 0); /* twice */
	}
	w->npkg = keep;
}

static void run_world(uint64_t seed)
{
	world w = { 0 };
	rng = seed;
	w.d = st_site(SIKS_SITE_KABUPATEN, "35.28", NULL);
	for (int i = 0; i < NV; i++) {
		w.v[i] = st_site(SIKS_SITE_DESA, KODE[i], NULL);
		st_pair(w.d, w.v[i], KODE[i]);
	}
	int serial = 1;
	for (int step = 0; step < 160; step++) {
		int i = (int)rnd(NV);
		uint32_t r = rnd(100);
		if (r < 25)
			new_household(w.v[i], KODE[i], serial++);
		else if (r < 50)
			edit(w.v[i], NULL);
		else if (r < 62)
			edit(w.d, KODE[i]);
		else if (r < 66)
			district_program(&w, i);
		else if (r < 78)
			send(&w, w.v[i], w.d);
		else if (r < 90)
			send(&w, w.d, w.v[i]);
		else
			deliver(&w, 1);
	}
	deliver(&w, 1);
	/* full exchange both ways, twice, with no loss */
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < NV; i++)
			send(&w, w.v[i], w.d);
		deliver(&w, 0);
		for (int i = 0; i < NV; i++)
			send(&w, w.d, w.v[i]);
		deliver(&w, 0);
	}
	for (int i = 0; i < NV; i++) {
		char a[65], b[65];
		st_digest(w.v[i], NULL, a);
		st_digest(w.d, KODE[i], b);
		if (strcmp(a, b) != 0)
			fprintf(stderr, "seed %llu village %s differs\n", (unsigned long long)seed, KODE[i]);
		assert_string_equal(a, b);
	}
	fprintf(stderr, "seed %llu: conflicts %lld, packages in %lld, households %lld, changes %lld\n",
		(unsigned long long)seed, (long long)db_int(w.d, "SELECT count(*) FROM sync_conflict", -1),
		(long long)db_int(w.d, "SELECT count(*) FROM sync_pkg WHERE dir='in'", -1),
		(long long)db_int(w.d, "SELECT count(*) FROM household", -1),
		(long long)db_int(w.d, "SELECT count(*) FROM change", -1));
	/* each village's households all at the district */
	int64_t total = 0;
	for (int i = 0; i < NV; i++)
		total += db_int(w.v[i], "SELECT count(*) FROM household", -1);
	assert_int_equal(db_int(w.d, "SELECT count(*) FROM household", -1), total);
	for (int i = 0; i < NV; i++)
		siks_close(w.v[i]);
	siks_close(w.d);
	free(w.pkg);
	free(w.to);
}

static void test_random_exchange(void **state)
{
	(void)state;
	static const uint64_t seeds[] = { 1, 0x9E3779B97F4A7C15ull, 424242, 77 };
	for (size_t k = 0; k < sizeof seeds / sizeof *seeds; k++)
		run_world(seeds[k]);
}

/* ---- kill -9 in the middle of an import ---- */

static void copy_file(const char *from, const char *to)
{
	size_t len;
	uint8_t *b = st_read(from, &len);
	FILE *f = fopen(to, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b, 1, len, f), len);
	fclose(f);
	free(b);
}

static void test_kill9_import(void **state)
{
	(void)state;
	char dpath[128], pkg[1024], dir[64];
	siks *d = st_site(SIKS_SITE_KABUPATEN, "35.28", dpath);
	siks *v = st_site(SIKS_SITE_DESA, KODE[0], NULL);
	st_pair(d, v, KODE[0]);
	rng = 5;
	db_begin(v, NULL);
	for (int i = 0; i < 600; i++)
		new_household(v, KODE[0], i + 1);
	assert_int_equal(db_commit(v, NULL), 0);
	st_export(v, dir);
	assert_true(st_find_pkg(dir, "35.28", pkg, sizeof pkg));
	char before[65], after[65];
	st_digest(d, NULL, before);
	siks_close(d);
	char base[160];
	snprintf(base, sizeof base, "%s.orig", dpath);
	copy_file(dpath, base);
	/* how long an import takes here */
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	siks_err e = { 0 };
	assert_int_equal(siks_open(&d, dpath, 0, &e), 0);
	assert_int_equal(st_import(d, pkg), 0);
	st_digest(d, NULL, after);
	siks_close(d);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long us = (t1.tv_sec - t0.tv_sec) * 1000000L + (t1.tv_nsec - t0.tv_nsec) / 1000;
	assert_string_not_equal(before, after);
	int saw_before = 0, saw_after = 0;
	for (int trial = 0; trial < 12; trial++) {
		char wal[200], shm[200];
		snprintf(wal, sizeof wal, "%s-wal", dpath);
		snprintf(shm, sizeof shm, "%s-shm", dpath);
		unlink(wal);
		unlink(shm);
		copy_file(base, dpath);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			siks *c;
			siks_err ce = { 0 };
			if (siks_open(&c, dpath, 0, &ce) != 0)
				_exit(3);
			st_import(c, pkg);
			_exit(0); /* no close: as abrupt as it gets */
		}
		usleep((useconds_t)(us * trial / 10));
		kill(pid, SIGKILL);
		int status;
		waitpid(pid, &status, 0);
		assert_int_equal(siks_open(&d, dpath, 0, &e), 0);
		char now[65];
		st_digest(d, NULL, now);
		int64_t pk = db_int(d, "SELECT count(*) FROM sync_pkg WHERE dir='in'", -1);
		siks_close(d);
		if (strcmp(now, before) == 0) {
			saw_before = 1;
			assert_int_equal(pk, 0);
		} else {
			assert_string_equal(now, after);
			assert_int_equal(pk, 1);
			saw_after = 1;
		}
	}
	assert_true(saw_before || saw_after);
	siks_close(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_exchange),
		cmocka_unit_test(test_kill9_import),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
