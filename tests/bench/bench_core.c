/* bench_core.c — `make bench`, core part: builds registers of 10,000,
 * 100,000 and 1,000,000 members (four per household) through the core's own
 * write path (rec_save: row + audit + change in one transaction per
 * household), runs the whole-database check over each, and prints seconds
 * and peak memory beside bare SQLite inserting the same rows into the same
 * schema without validation or audit. Each size runs in its own process so
 * peak memory is its own. SIKS_BENCH_MAX caps the largest size. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/rec.h"
#include "siks/validate.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static uint64_t rng = 88172645463325252u;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *first[] = { "Moh.", "Abd.", "Ach.", "Siti", "Nur", "Sumarni", "Hosnawiyah", "Rofiqoh" };
static const char *last[] = { "Holis", "Rahem", "Fauzi", "Busyro", "Aini", "Hasanah", "Sholeh", "Mukarromah" };

/* One generated member, as strings in the stored form. */
struct person {
	char nik[17], kk[17], nama[64], birth[11];
	int sex, shdk;
};

static void make_person(struct person *p, long hh, int k)
{
	int year = k == 0 ? 1960 + rnd(30) : k == 1 ? 1962 + rnd(30) : 1995 + rnd(25);
	int month = 1 + rnd(12), day = 1 + rnd(28);
	p->shdk = k == 0 ? 1 : k == 1 ? 3 : 4;
	p->sex = k == 0 ? 1 : k == 1 ? 2 : 1 + rnd(2);
	snprintf(p->birth, sizeof p->birth, "%04d-%02d-%02d", year, month, day);
	snprintf(p->nik, sizeof p->nik, "352801%02d%02d%02d%04d", day + (p->sex == 2 ? 40 : 0), month,
		 year % 100, (int)((hh * 4 + k) % 9999) + 1);
	snprintf(p->kk, sizeof p->kk, "3528%012ld", hh % 1000000000000L);
	snprintf(p->nama, sizeof p->nama, "%s %s", first[rnd(8)], last[rnd(8)]);
}

static const char *tmpdb(char *buf, size_t n, const char *tag, long members)
{
	snprintf(buf, n, "/tmp/siks-bench-%s-%ld.db", tag, members);
	char w[300];
	unlink(buf);
	snprintf(w, sizeof w, "%s-wal", buf);
	unlink(w);
	snprintf(w, sizeof w, "%s-shm", buf);
	unlink(w);
	return buf;
}

/* Ours: the core's write path, one transaction per household as the form saves. */
static double build_ours(const char *path, long members, double *check_s, int *errors)
{
	siks *s;
	siks_err e = { 0 };
	if (siks_open(&s, path, SIKS_OPEN_CREATE, &e) || siks_site_init(s, SIKS_SITE_DESA, "35.28.01.2001", "Dabuan", &e)) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	rng = 88172645463325252u;
	double t0 = now();
	long households = members / 4;
	/* batches of 1,000 households per transaction, as an import would */
	for (long h = 0; h < households; h++) {
		if (h % 1000 == 0 && db_begin(s, &e))
			exit(1);
		siks_rec hh;
		rec_init(&hh, "household");
		rec_set(&hh, "desa", "35.28.01.2001");
		rec_set(&hh, "dusun", "Krajan");
		rec_set_int(&hh, "rt", 1 + rnd(20));
		rec_set_int(&hh, "rw", 1 + rnd(5));
		rec_set(&hh, "alamat", "Jl. Raya Tlanakan");
		rec_set_int(&hh, "luas_lantai", 20 + rnd(80));
		rec_set_int(&hh, "lantai", 1 + rnd(9));
		if (rec_save(s, &hh, &e)) {
			fprintf(stderr, "bench: %s\n", e.msg);
			exit(1);
		}
		for (int k = 0; k < 4; k++) {
			struct person p;
			make_person(&p, h, k);
			siks_rec m;
			rec_init(&m, "member");
			rec_set(&m, "household_id", hh.id);
			rec_set(&m, "nik", p.nik);
			rec_set(&m, "no_kk", p.kk);
			rec_set(&m, "nama", p.nama);
			rec_set_int(&m, "jenis_kelamin", p.sex);
			rec_set(&m, "tanggal_lahir", p.birth);
			rec_set_int(&m, "shdk", p.shdk);
			rec_set_int(&m, "keberadaan", 1);
			if (rec_save(s, &m, &e)) {
				fprintf(stderr, "bench: %s\n", e.msg);
				exit(1);
			}
			rec_free(&m);
		}
		rec_free(&hh);
		if ((h % 1000 == 999 || h == households - 1) && db_commit(s, &e))
			exit(1);
	}
	double t1 = now();
	*errors = check_database(s, NULL, NULL, &e);
	*check_s = now() - t1;
	siks_close(s);
	return t1 - t0;
}

/* Bare SQLite: the same rows into the same schema, no validation, no audit. */
static double build_bare(const char *path, long members)
{
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY", 0, 0, 0);
	for (int v = 1; v <= db_migration_count(); v++)
		sqlite3_exec(db, db_migration_sql(v), 0, 0, 0);
	sqlite3_stmt *h, *m;
	sqlite3_prepare_v2(db, "INSERT INTO household(id,desa,dusun,rt,rw,alamat,luas_lantai,lantai) VALUES(?,?,?,?,?,?,?,?)", -1, &h, 0);
	sqlite3_prepare_v2(db, "INSERT INTO member(id,household_id,nik,no_kk,nama,jenis_kelamin,tanggal_lahir,shdk,keberadaan) VALUES(?,?,?,?,?,?,?,?,1)", -1, &m, 0);
	rng = 88172645463325252u;
	double t0 = now();
	long households = members / 4;
	for (long i = 0; i < households; i++) {
		if (i % 1000 == 0)
			sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0);
		char hid[33];
		siks_id_new(hid);
		sqlite3_bind_text(h, 1, hid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(h, 2, "35.28.01.2001", -1, SQLITE_STATIC);
		sqlite3_bind_text(h, 3, "Krajan", -1, SQLITE_STATIC);
		sqlite3_bind_int(h, 4, 1 + (int)rnd(20));
		sqlite3_bind_int(h, 5, 1 + (int)rnd(5));
		sqlite3_bind_text(h, 6, "Jl. Raya Tlanakan", -1, SQLITE_STATIC);
		sqlite3_bind_double(h, 7, 20 + rnd(80));
		sqlite3_bind_int(h, 8, 1 + (int)rnd(9));
		sqlite3_step(h);
		sqlite3_reset(h);
		for (int k = 0; k < 4; k++) {
			struct person p;
			make_person(&p, i, k);
			char mid[33];
			siks_id_new(mid);
			sqlite3_bind_text(m, 1, mid, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(m, 2, hid, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(m, 3, p.nik, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(m, 4, p.kk, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(m, 5, p.nama, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(m, 6, p.sex);
			sqlite3_bind_text(m, 7, p.birth, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(m, 8, p.shdk);
			sqlite3_step(m);
			sqlite3_reset(m);
		}
		if (i % 1000 == 999 || i == households - 1) {
			/* the search index, as db_commit writes it */
			for (int k = 0; db_search_flush_sql(k); k++)
				sqlite3_exec(db, db_search_flush_sql(k), 0, 0, 0);
			sqlite3_exec(db, "COMMIT", 0, 0, 0);
		}
	}
	double t = now() - t0;
	sqlite3_finalize(h);
	sqlite3_finalize(m);
	sqlite3_close(db);
	return t;
}

/* Runs fn in a child and returns its peak memory in MiB. */
static double in_child(void (*fn)(long, int), long members, int fd)
{
	pid_t pid = fork();
	if (pid == 0) {
		fn(members, fd);
		_exit(0);
	}
	int status;
	struct rusage ru;
	wait4(pid, &status, 0, &ru);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench: child failed\n");
		exit(1);
	}
	return (double)ru.ru_maxrss / 1024.0;
}

static void child_ours(long members, int fd)
{
	char p[256];
	double check_s;
	int errors;
	double w = build_ours(tmpdb(p, sizeof p, "core", members), members, &check_s, &errors);
	double r[3] = { w, check_s, errors };
	if (write(fd, r, sizeof r) != sizeof r)
		_exit(1);
}

static void child_bare(long members, int fd)
{
	char p[256];
	double w = build_bare(tmpdb(p, sizeof p, "bare", members), members);
	if (write(fd, &w, sizeof w) != sizeof w)
		_exit(1);
}

int main(void)
{
	setenv("SIKSDESA_DATA", "data", 0);
	siks_i18n_init("id");
	long max = getenv("SIKS_BENCH_MAX") ? atol(getenv("SIKS_BENCH_MAX")) : 1000000;
	printf("bench_core: register built through rec_save (row + audit + change, 1,000 households a transaction)\n");
	printf("%10s %10s %10s %7s %10s %9s %10s %9s\n", "members", "ours s", "bare s", "ratio",
	       "check s", "errors", "ours MiB", "bare MiB");
	for (long n = 10000; n <= max; n *= 10) {
		int fds[2];
		if (pipe(fds))
			return 1;
		double ours[3], bare;
		double mo = in_child(child_ours, n, fds[1]);
		if (read(fds[0], ours, sizeof ours) != sizeof ours)
			return 1;
		double mb = in_child(child_bare, n, fds[1]);
		if (read(fds[0], &bare, sizeof bare) != sizeof bare)
			return 1;
		close(fds[0]);
		close(fds[1]);
		printf("%10ld %10.2f %10.2f %6.2fx %10.2f %9.0f %10.1f %9.1f\n", n, ours[0], bare,
		       ours[0] / bare, ours[1], ours[2], mo, mb);
		fflush(stdout);
		char p[256];
		unlink(tmpdb(p, sizeof p, "core", n));
		unlink(tmpdb(p, sizeof p, "bare", n));
	}
	return 0;
}
