/* bench_import.c — `make bench`, import/export part: a generated DTKS file
 * (one row a member, four a household) imported through import_file (dry
 * run and real import: cleaning, validation, grouping by No KK, rec_save
 * with audit and change rows, one transaction) beside the sqlite3 shell's
 * `.import` of the same file into a bare table, and beside bare SQLite
 * storing the same number of households and members in our own schema
 * (indexes, list and search index, no checks, no audit); then the register exported
 * to CSV and XLSX. Prints seconds and peak memory. Sizes 10,000 and 100,000
 * members; SIKS_BENCH_IMPORT_MAX=1000000 adds the million (long: not on the
 * shared machine). Each step runs in its own process so peak memory is its own. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "siks/charset.h"
#include "siks/export.h"
#include "siks/i18n.h"
#include "siks/import.h"
#include "siks/siks.h"
#include "bare_schema.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static const char *men[] = { "Moh. Holis", "Abd. Rahem", "Ach. Fauzi", "Busyro", "Slamet", "Ma'ruf" };
static const char *women[] = { "Siti Aini", "Nur Hasanah", "Sumarni", "Hosnawiyah", "Rofiqoh", "Nur'aini" };

static void write_file(const char *path, long members)
{
	FILE *f = fopen(path, "w");
	if (!f)
		exit(1);
	fputs("\xEF\xBB\xBFiddtks;nomor_kk;nomor_nik;nama;tanggal_lahir;tempat_lahir;jenis_kelamin;"
	      "nama_ibu_kandung;hubungan_keluarga;alamat;dusun;rt;rw\r\n", f);
	for (long r = 0; r < members; r++) {
		long h = r / 4;
		int k = (int)(r % 4), sex = k == 1 || k == 3 ? 2 : 1;
		int year = k < 2 ? 1960 + (int)(h % 25) : 1995 + (int)(h % 20) + k;
		int month = 1 + (int)((h + k) % 12), day = 1 + (int)((h * 7 + k) % 28);
		/* NIK serials run per kecamatan code so a million stay unique */
		fprintf(f, "DTKS-%07ld;3528%012ld;3528%02ld%02d%02d%02d%04ld;%s;%02d-%02d-%04d;Pamekasan;%d;%s;%d;"
			   "\"Jl. Raya No. %ld\";Dusun %c;%03d;%03d\r\n",
			h + 1, h + 1, 1 + (r / 9999) % 13, day + (sex == 2 ? 40 : 0), month, year % 100,
			r % 9999 + 1, sex == 1 ? men[h % 6] : women[h % 6], day, month, year, sex,
			women[(h + 3) % 6], k == 0 ? 1 : k == 1 ? 3 : 4, h + 1, 'A' + (int)(h % 5),
			1 + (int)(h % 20), 1 + (int)(h % 5));
	}
	fclose(f);
}

static siks *open_db(const char *path)
{
	siks *s;
	siks_err e = { 0 };
	char w[300];
	unlink(path);
	snprintf(w, sizeof w, "%s-wal", path);
	unlink(w);
	if (siks_open(&s, path, SIKS_OPEN_CREATE, &e) != 0 ||
	    (s->site_role == SIKS_SITE_NONE && siks_site_init(s, SIKS_SITE_DESA, "35.28.01.2001", "Dabuan", &e) != 0)) {
		fprintf(stderr, "bench_import: %s\n", e.msg);
		exit(1);
	}
	return s;
}

/* Steps, each run in a child: 0 dry run, 1 import, 2 export CSV, 3 export XLSX. */
static void step(int which, const char *csv, const char *db, double *secs, long *rows)
{
	siks_err e = { 0 };
	siks *s = which <= 1 ? open_db(db) : NULL;
	if (!s && siks_open(&s, db, 0, &e) != 0)
		exit(1);
	double t0 = now();
	int rc = 0;
	if (which <= 1) {
		imp_opts o = { which == 0, NULL, CS_AUTO, 0 };
		imp_result r;
		rc = import_file(s, csv, &o, &r, &e);
		*rows = r.mem_new;
		if (r.rows_rejected)
			fprintf(stderr, "bench_import: %ld rows rejected (first: line %ld %s)\n", r.rows_rejected,
				r.np ? r.p[0].line : 0, r.np ? r.p[0].reason : "");
		imp_result_free(&r);
	} else if (which == 2) {
		char out[300];
		snprintf(out, sizeof out, "%s.out.csv", db);
		rc = export_csv(s, out, NULL, rows, &e);
		unlink(out);
	} else {
		char out[300];
		snprintf(out, sizeof out, "%s.out.xlsx", db);
		rc = export_xlsx(s, out, NULL, rows, &e);
		unlink(out);
	}
	*secs = now() - t0;
	if (rc) {
		fprintf(stderr, "bench_import: %s\n", e.msg);
		exit(1);
	}
	siks_close(s);
}

static double child(int which, const char *csv, const char *db, double *secs, long *rows)
{
	int fds[2];
	if (pipe(fds))
		exit(1);
	pid_t pid = fork();
	if (pid == 0) {
		double r[2];
		long n = 0;
		step(which, csv, db, &r[0], &n);
		r[1] = (double)n;
		if (write(fds[1], r, sizeof r) != sizeof r)
			_exit(1);
		_exit(0);
	}
	int status;
	struct rusage ru;
	wait4(pid, &status, 0, &ru);
	double r[2] = { 0, 0 };
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || read(fds[0], r, sizeof r) != sizeof r) {
		fprintf(stderr, "bench_import: step %d failed\n", which);
		exit(1);
	}
	close(fds[0]);
	close(fds[1]);
	*secs = r[0];
	*rows = (long)r[1];
	return (double)ru.ru_maxrss / 1024.0;
}

/* The sqlite3 shell's .import of the same file into a bare table. */
static double shell_import(const char *csv, const char *db)
{
	char cmd[1200];
	unlink(db);
	snprintf(cmd, sizeof cmd, "sqlite3 '%s' -cmd '.mode csv' -cmd '.separator ;' '.import \"%s\" dtks' >/dev/null 2>&1",
		 db, csv);
	double t0 = now();
	if (system(cmd) != 0)
		return -1;
	return now() - t0;
}

int main(void)
{
	setenv("SIKSDESA_DATA", "data", 0);
	setenv("SIKSDESA_NOW", "2026-11-27", 0);
	siks_i18n_init("id");
	long max = getenv("SIKS_BENCH_IMPORT_MAX") ? atol(getenv("SIKS_BENCH_IMPORT_MAX")) : 100000;
	printf("bench_import: DTKS file -> import_file (clean, validate, group by No KK, rec_save + audit, one transaction)\n");
	printf("%9s %9s %9s %9s %7s %9s %7s %9s %9s %9s %9s\n", "members", "dry s", "import s", "sqlite3 s", "ratio",
	       "schema s", "ratio", "csv out s", "xlsx s", "imp MiB", "xlsx MiB");
	for (long n = 10000; n <= max; n *= 10) {
		char csv[256], db[256], bare[256];
		snprintf(csv, sizeof csv, "/tmp/siks-bench-import-%ld.csv", n);
		snprintf(db, sizeof db, "/tmp/siks-bench-import-%ld.db", n);
		snprintf(bare, sizeof bare, "/tmp/siks-bench-import-bare-%ld.db", n);
		write_file(csv, n);
		double dry, imp, out, xl;
		long rows;
		child(0, csv, db, &dry, &rows);
		double mi = child(1, csv, db, &imp, &rows);
		if (rows != n)
			fprintf(stderr, "bench_import: %ld of %ld members imported\n", rows, n);
		double sh = shell_import(csv, bare);
		child(2, csv, db, &out, &rows);
		double mx = child(3, csv, db, &xl, &rows);
		double bs = bare_schema(bare, n / 4); /* last: its cache stays in this process */
		printf("%9ld %9.2f %9.2f %9.2f %6.1fx %9.2f %6.1fx %9.2f %9.2f %9.1f %9.1f\n", n, dry, imp, sh,
		       sh > 0 ? imp / sh : 0, bs, bs > 0 ? imp / bs : 0, out, xl, mi, mx);
		fflush(stdout);
		unlink(csv);
		unlink(db);
		unlink(bare);
		char w[300];
		snprintf(w, sizeof w, "%s-wal", db);
		unlink(w);
		snprintf(w, sizeof w, "%s-shm", db);
		unlink(w);
	}
	return 0;
}
