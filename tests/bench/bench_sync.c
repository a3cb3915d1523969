/* bench_sync.c — `make bench`, sync part:
 *  1. the district merge of V full village packages (M members in all, four
 *     per household): seconds and peak memory of the import, and the ratio to
 *     bare SQLite inserting the same rows;
 *  2. one village's monthly package (2% of its households changed): export
 *     and import seconds.
 * Issue 4's full size is 189 villages and 1,000,000 members
 * (SIKS_BENCH_VILLAGES=189 SIKS_BENCH_MEMBERS=1000000); the default is small
 * because the machine is shared. Villages are built through rec_save; the
 * pairs are set up directly (no Argon2 per village). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/rec.h"
#include "siks/sync.h"
#include "bare_schema.h"

static uint64_t rng = 88172645463325252u;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void die(const char *what, const siks_err *e)
{
	fprintf(stderr, "bench_sync: %s: %s\n", what, e ? e->msg : "");
	exit(1);
}


static siks *open_site(const char *path, int role, const char *kode)
{
	siks *s;
	siks_err e = { 0 };
	bare_rm(path);
	if (siks_open(&s, path, SIKS_OPEN_CREATE, &e) || siks_site_init(s, role, kode, NULL, &e))
		die("open", &e);
	return s;
}

static void add_peer(siks *s, const char *kode, const char *site_id, int role, const uint8_t key[32])
{
	sqlite3_stmt *st;
	sqlite3_prepare_v2(s->db, "INSERT INTO sync_peer(kode, site_id, role, key, enrolled_at) VALUES(?,?,?,?, '2026-11-01')",
			   -1, &st, NULL);
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_STATIC);
	if (site_id)
		sqlite3_bind_text(st, 2, site_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, role);
	sqlite3_bind_blob(st, 4, key, 32, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		fprintf(stderr, "bench_sync: peer: %s\n", sqlite3_errmsg(s->db));
		exit(1);
	}
	sqlite3_finalize(st);
}

/* households of a village through the core's write path */
static void fill_village(siks *s, const char *kode, long households, long serial0)
{
	siks_err e = { 0 };
	for (long h = 0; h < households; h++) {
		if (h % 1000 == 0 && db_begin(s, &e))
			die("begin", &e);
		siks_rec hh;
		rec_init(&hh, "household");
		rec_set(&hh, "desa", kode);
		rec_set(&hh, "dusun", "Krajan");
		rec_set_int(&hh, "rt", 1 + rnd(20));
		rec_set_int(&hh, "rw", 1 + rnd(5));
		rec_set(&hh, "alamat", "Jl. Raya Tlanakan");
		rec_set_int(&hh, "luas_lantai", 20 + rnd(80));
		if (rec_save(s, &hh, &e))
			die("household", &e);
		for (int k = 0; k < 4; k++) {
			char nik[17], kk[17];
			long n = serial0 + h * 4 + k;
			snprintf(nik, sizeof nik, "3528%02ld%02u%02u%02u%04ld", n / 9999 % 13 + 1, 1 + rnd(28), 1 + rnd(12),
				 rnd(99), n % 9999 + 1);
			snprintf(kk, sizeof kk, "3528%012ld", (serial0 + h) % 1000000000000L);
			siks_rec m;
			rec_init(&m, "member");
			rec_set(&m, "household_id", hh.id);
			rec_set(&m, "nik", nik);
			rec_set(&m, "no_kk", kk);
			rec_set(&m, "nama", k ? "Siti Aminah" : "Moh. Holis");
			rec_set_int(&m, "jenis_kelamin", k ? 2 : 1);
			rec_set(&m, "tanggal_lahir", "1980-05-17");
			rec_set_int(&m, "shdk", k ? 4 : 1);
			rec_set_int(&m, "keberadaan", 1);
			if (rec_save(s, &m, &e))
				die("member", &e);
			rec_free(&m);
		}
		rec_free(&hh);
		if ((h % 1000 == 999 || h == households - 1) && db_commit(s, &e))
			die("commit", &e);
	}
}

static void export_to(siks *s, const char *dir)
{
	sync_out *o;
	int n;
	siks_err e = { 0 };
	if (sync_export(s, dir, &o, &n, &e))
		die("export", &e);
	free(o);
}

static void import_from(siks *s, const char *path)
{
	sync_in *r;
	int n;
	siks_err e = { 0 };
	if (sync_import(s, path, &r, &n, &e))
		die("import", &e);
	free(r);
}

int main(void)
{
	setenv("SIKSDESA_DATA", "data", 0);
	siks_i18n_init("id");
	long nv = getenv("SIKS_BENCH_VILLAGES") ? atol(getenv("SIKS_BENCH_VILLAGES")) : 8;
	long members = getenv("SIKS_BENCH_MEMBERS") ? atol(getenv("SIKS_BENCH_MEMBERS")) : 40000;
	if (nv < 1 || nv > 999 || members < nv * 4) {
		fprintf(stderr, "bench_sync: SIKS_BENCH_VILLAGES 1..999, SIKS_BENCH_MEMBERS >= 4 per village\n");
		return 2;
	}
	long hh_per = members / 4 / nv;
	char dir[] = "/tmp/siks-bench-sync-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	uint8_t key[32] = { 7 };
	const char *dpath = "/tmp/siks-bench-sync-d.db";
	siks *d = open_site(dpath, SIKS_SITE_KABUPATEN, "35.28");
	char did[33];
	snprintf(did, sizeof did, "%s", d->site_id);
	double t0 = bare_now();
	char vpath0[300];
	for (long v = 0; v < nv; v++) {
		char kode[24], vpath[300];
		snprintf(kode, sizeof kode, "35.28.%02ld.%04ld", v % 13 + 1, 2001 + v);
		snprintf(vpath, sizeof vpath, "/tmp/siks-bench-sync-v%ld.db", v);
		if (v == 0)
			snprintf(vpath0, sizeof vpath0, "%s", vpath);
		key[1] = (uint8_t)v;
		add_peer(d, kode, NULL, SIKS_SITE_DESA, key);
		siks *s = open_site(vpath, SIKS_SITE_DESA, kode);
		add_peer(s, "35.28", did, SIKS_SITE_KABUPATEN, key);
		fill_village(s, kode, hh_per, v * hh_per * 4);
		export_to(s, dir);
		siks_close(s);
	}
	siks_close(d);
	printf("sync: %ld villages, %ld households, %ld members built in %.1f s (not timed below)\n", nv, hh_per * nv,
	       hh_per * nv * 4, bare_now() - t0);

	/* 1. the district merge, in a child so its peak memory is its own */
	double t1 = bare_now();
	pid_t pid = fork();
	if (pid == 0) {
		siks *c;
		siks_err e = { 0 };
		if (siks_open(&c, dpath, 0, &e))
			die("open", &e);
		import_from(c, dir);
		long got = (long)db_int(c, "SELECT count(*) FROM member", -1);
		siks_close(c);
		_exit(got == hh_per * nv * 4 ? 0 : 3);
	}
	int status;
	struct rusage ru;
	wait4(pid, &status, 0, &ru);
	double merge = bare_now() - t1;
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return 1;
	double base = bare_schema("/tmp/siks-bench-sync-bare.db", hh_per * nv);
	printf("sync merge: %ld packages, %ld members: %.2f s, peak %.0f MiB; bare SQLite %.2f s; ratio %.1fx\n", nv,
	       hh_per * nv * 4, merge, ru.ru_maxrss / 1024.0, base, base > 0 ? merge / base : 0);

	/* 2. one village's monthly package: 2% of its households changed */
	siks *v0, *dd;
	siks_err e = { 0 };
	if (siks_open(&v0, vpath0, 0, &e) || siks_open(&dd, dpath, 0, &e))
		die("open", &e);
	/* the district confirms the first package, so only the month travels */
	char dir2[] = "/tmp/siks-bench-sync-XXXXXX";
	if (!mkdtemp(dir2))
		return 1;
	export_to(dd, dir2);
	import_from(v0, dir2);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(v0->db, "SELECT id FROM household ORDER BY id", -1, &st, NULL);
	long changed = 0, i = 0;
	if (db_begin(v0, &e))
		die("begin", &e);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (i++ % 50 == 0) {
			if (rec_save_field(v0, "household", (const char *)sqlite3_column_text(st, 0), "dusun", "Lembung", &e))
				die("edit", &e);
			changed++;
		}
	}
	sqlite3_finalize(st);
	if (db_commit(v0, &e))
		die("commit", &e);
	char dir3[] = "/tmp/siks-bench-sync-XXXXXX";
	if (!mkdtemp(dir3))
		return 1;
	double t2 = bare_now();
	export_to(v0, dir3);
	double ex = bare_now() - t2;
	t2 = bare_now();
	import_from(dd, dir3);
	double im = bare_now() - t2;
	printf("sync monthly: %ld of %ld households changed: export %.3f s, import at the district %.3f s\n", changed, i,
	       ex, im);
	siks_close(v0);

	/* 3. what the district dashboard reads when it opens */
	sync_peer_status *ps;
	sync_dup *dups;
	int np = 0, nd = 0;
	t2 = bare_now();
	if (sync_status(dd, &ps, &np, &e))
		die("status", &e);
	double st_s = bare_now() - t2;
	t2 = bare_now();
	if (sync_duplicates(dd, &dups, &nd, &e))
		die("duplicates", &e);
	double dup_s = bare_now() - t2;
	printf("district dashboard: status of %d villages %.3f s, cross-village duplicates (%d) %.3f s\n", np, st_s, nd,
	       dup_s);
	free(ps);
	free(dups);
	siks_close(dd);
	if (getenv("SIKS_BENCH_KEEP")) { /* to look at the district afterwards */
		printf("kept: %s\n", dpath);
		return 0;
	}
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf %s %s %s /tmp/siks-bench-sync-*.db*", dir, dir2, dir3);
	if (system(cmd) != 0)
		fprintf(stderr, "bench_sync: cleanup failed\n");
	return 0;
}
