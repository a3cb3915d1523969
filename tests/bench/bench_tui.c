/* bench_tui.c — what the operator waits for in the household list, on a
 * large register: time to the first screen (open, header count, list count,
 * first page), each keystroke of an incremental search (count + first page:
 * broad and narrow words, a NIK digit by digit, a No KK, two words, other
 * sorts, filters), and paging near the end of the list, also while
 * searching; peak memory. Beside them, bare SQLite on the same file running
 * the plain queries: the list's own for no search, and for a search the
 * plain FTS query (every match gathered, counted and sorted) that the list
 * ran before it learnt to walk (hhlist.c). The bare queries run in a child
 * process, so the peak memory shown is the list's alone.
 * Figures, not a test. SIKS_BENCH_MEMBERS (default 1000000) sets the size;
 * SIKS_BENCH_BARE=0 leaves the bare queries out (they take seconds each on
 * a large register). The database is built once and kept in /tmp (building
 * 1M members takes a minute or more): a later run reuses it, first running
 * any newer migration on it, as an upgraded village would;
 * SIKS_BENCH_FRESH=1 builds it again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "siks/db.h"
#include "siks/hhlist.h"
#include "siks/i18n.h"
#include "siks/siks.h"

#define PAGE 20

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static long peak_kb(void)
{
	struct rusage r;
	getrusage(RUSAGE_SELF, &r);
	return r.ru_maxrss;
}

static const char *first[] = { "Siti", "Moh.", "Abd.", "Nur", "Ach.", "Hj.", "Slamet", "Sri", "Ahmad", "Fatimah",
	"Rofi'i", "Romlah", "Busiri", "Marsuki", "Hosnan", "Niswati", "Khoirul", "Lailatul", "Zainab", "Samsuri" };
static const char *last[] = { "Aminah", "Hasan", "Nur'aini", "Rahman", "Hidayat", "Fauzi", "Maulana", "Qomariyah",
	"Sholeh", "Hamid", "Latif", "Wahid", "Karim", "Ulfa", "Arifin", "Syarifah", "Bahri", "Haikal", "Yusuf", "Regapu’u" };
static const char *dusun[] = { "Krajan", "Laok", "Dajah", "Temor", "Bara'" };

/* The register as migrations make it; the rows by bare inserts before the
 * household-list migration, which then fills its table and index in one go
 * (the same SQL an existing village runs on upgrade). */
static int list_version(void)
{
	int hv = 0;
	for (int v = 1; v <= db_migration_count(); v++)
		if (strstr(db_migration_sql(v), "CREATE TABLE hhlist(")) hv = v;
	return hv;
}

/* A kept database from an earlier run: brought up to this schema by the
 * migrations it lacks. 1 reused, 0 unusable (to be built again), -1 error. */
static int reuse(const char *path)
{
	sqlite3 *db;
	if (getenv("SIKS_BENCH_FRESH") || access(path, F_OK) != 0) return 0;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) { sqlite3_close(db); return 0; }
	sqlite3_stmt *st;
	int have = -1, nv = db_migration_count();
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, 0) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		have = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	int rc = have >= list_version() && have <= nv ? 1 : 0;
	for (int v = have + 1; rc == 1 && v <= nv; v++) {
		char pragma[48];
		double t = now();
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v);
		if (sqlite3_exec(db, "BEGIN", 0, 0, 0) != SQLITE_OK || sqlite3_exec(db, db_migration_sql(v), 0, 0, 0) != SQLITE_OK
		    || sqlite3_exec(db, pragma, 0, 0, 0) != SQLITE_OK || sqlite3_exec(db, "COMMIT", 0, 0, 0) != SQLITE_OK)
			rc = -1;
		else
			printf("  kept database upgraded to schema %d in %.1f s\n", v, now() - t);
		fflush(stdout); /* the child leaves by _exit */
	}
	sqlite3_close(db);
	return rc;
}

static int build(const char *path, long members)
{
	sqlite3 *db;
	int r = reuse(path);
	if (r != 0) return r > 0 ? 0 : -1;
	unlink(path);
	if (sqlite3_open(path, &db) != SQLITE_OK) return -1;
	sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY", 0, 0, 0);
	int nv = db_migration_count(), hv = list_version();
	for (int v = 1; v < hv; v++) sqlite3_exec(db, db_migration_sql(v), 0, 0, 0);
	sqlite3_stmt *h, *m;
	sqlite3_prepare_v2(db, "INSERT INTO household(id,desa,dusun,rt,rw,alamat) VALUES(?,?,?,?,?,?)", -1, &h, 0);
	sqlite3_prepare_v2(db, "INSERT INTO member(id,household_id,nik,no_kk,nama,jenis_kelamin,tanggal_lahir,shdk,keberadaan)"
			   " VALUES(?,?,?,?,?,?,?,?,1)", -1, &m, 0);
	sqlite3_exec(db, "BEGIN", 0, 0, 0);
	long made = 0, hh = 0;
	unsigned seed = 7;
	while (made < members) {
		char hid[33], kk[32], addr[64];
		snprintf(hid, sizeof hid, "%032lx", hh + 1);
		snprintf(kk, sizeof kk, "352801%010ld", hh + 1);
		snprintf(addr, sizeof addr, "Jl. Mawar No. %ld", hh % 500 + 1);
		sqlite3_bind_text(h, 1, hid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(h, 2, "35.28.01.2001", -1, SQLITE_STATIC);
		sqlite3_bind_text(h, 3, dusun[hh % 5], -1, SQLITE_STATIC);
		sqlite3_bind_int(h, 4, (int)(hh % 20) + 1);
		sqlite3_bind_int(h, 5, (int)(hh % 5) + 1);
		sqlite3_bind_text(h, 6, addr, -1, SQLITE_TRANSIENT);
		sqlite3_step(h);
		sqlite3_reset(h);
		int n = 2 + (int)(hh % 5);
		for (int i = 0; i < n && made < members; i++, made++) {
			char mid[33], nik[17], name[64];
			seed = seed * 1103515245u + 12345u;
			snprintf(mid, sizeof mid, "%032lx", made + 1 + 0x100000000L);
			snprintf(nik, sizeof nik, "3528%02d%06ld%04d", (int)(made % 13) + 1, made % 1000000, i + 1);
			snprintf(name, sizeof name, "%s %s", first[(seed >> 8) % 20], last[(seed >> 16) % 20]);
			sqlite3_bind_text(m, 1, mid, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(m, 2, hid, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(m, 3, nik, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(m, 4, kk, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(m, 5, name, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(m, 6, 1 + (int)(seed % 2));
			sqlite3_bind_text(m, 7, "1980-01-01", -1, SQLITE_STATIC);
			sqlite3_bind_int(m, 8, i == 0 ? 1 : 4);
			sqlite3_step(m);
			sqlite3_reset(m);
		}
		hh++;
	}
	sqlite3_exec(db, "COMMIT", 0, 0, 0);
	sqlite3_finalize(h);
	sqlite3_finalize(m);
	for (int v = hv; v <= nv; v++) sqlite3_exec(db, db_migration_sql(v), 0, 0, 0);
	char pragma[48];
	snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", nv);
	sqlite3_exec(db, pragma, 0, 0, 0);
	sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", 0, 0, 0);
	sqlite3_close(db);
	return 0;
}

/* ---- bare SQLite: the same queries, prepared and stepped by hand ------- */

static sqlite3 *bare;
static char bare_path[128];
static int with_bare = 1;

/* The search as hhlist.c states it: every typed word must be found in the
 * household (a member's row or its address row); ?1 is the words as a JSON
 * array of FTS5 prefix terms. */
#define BARE_SRCH " n IN (SELECT hh FROM json_each(?1) w JOIN hh_fts ON hh_fts MATCH w.value" \
	" GROUP BY hh HAVING count(DISTINCT w.key) = json_array_length(?1))"

static void to_json(const char *expr, char *out, size_t n)
{
	size_t o = 0;
	out[0] = 0;
	if (!*expr) return;
	out[o++] = '[';
	for (const char *p = expr; *p && o + 8 < n;) {
		if (o > 1) out[o++] = ',';
		out[o++] = '"';
		while (*p && *p != ' ' && o + 5 < n) {
			if (*p == '"') out[o++] = '\\';
			out[o++] = *p++;
		}
		out[o++] = '"';
		while (*p == ' ') p++;
	}
	out[o++] = ']';
	out[o] = 0;
}

static int bare_count(const char *json)
{
	sqlite3_stmt *st;
	const char *q = json && *json ? "SELECT count(*) FROM hhlist WHERE" BARE_SRCH : "SELECT count(*) FROM hhlist";
	sqlite3_prepare_v2(bare, q, -1, &st, 0);
	if (json && *json) sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	int c = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return c;
}

static int bare_page(const char *match, const char *key, const char *id, int dir)
{
	sqlite3_stmt *st;
	const char *q;
	if (match && *match)
		q = "SELECT household_id, head, sk_name FROM hhlist WHERE (sk_name, household_id) > (?2, ?3) AND"
		    BARE_SRCH " ORDER BY sk_name, household_id LIMIT 20";
	else if (dir > 0)
		q = "SELECT household_id, head, sk_name FROM hhlist WHERE (sk_name, household_id) > (?1, ?2)"
		    " ORDER BY sk_name, household_id LIMIT 20";
	else
		q = "SELECT household_id, head, sk_name FROM hhlist WHERE (sk_name, household_id) < (?1, ?2)"
		    " ORDER BY sk_name DESC, household_id DESC LIMIT 20";
	sqlite3_prepare_v2(bare, q, -1, &st, 0);
	if (match && *match) {
		sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, id, -1, SQLITE_STATIC);
	} else {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	}
	int k = 0;
	while (sqlite3_step(st) == SQLITE_ROW) k++;
	sqlite3_finalize(st);
	return k;
}

/* One bare measurement, in a child process (its memory is not the list's):
 * the count (when count) and a page; ms, or -1. */
static double bare_run(const char *match, const char *key, const char *id, int dir, int count)
{
	int fd[2];
	double ms = -1;
	if (!with_bare || pipe(fd) != 0) return -1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		if (sqlite3_open_v2(bare_path, &bare, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) _exit(1);
		double t0 = now();
		if (count) bare_count(match);
		bare_page(match, key, id, dir);
		ms = (now() - t0) * 1000;
		sqlite3_close(bare);
		_exit(write(fd[1], &ms, sizeof ms) == sizeof ms ? 0 : 1);
	}
	close(fd[1]);
	if (pid < 0 || read(fd[0], &ms, sizeof ms) != sizeof ms) ms = -1;
	close(fd[0]);
	if (pid > 0) waitpid(pid, NULL, 0);
	return ms;
}

static void show_count(char *out, size_t n, long c)
{
	if (c > HH_COUNT_CAP) snprintf(out, n, "%ld+", (long)HH_COUNT_CAP);
	else snprintf(out, n, "%ld", c);
}

/* One keystroke as the list makes it: the pane title's count and the first
 * page; with bare_ms, the bare plain query beside it. Prints a line. */
static double keystroke(siks *s, hh_filter *f, const char *text, double *bare_ms, int bare_too)
{
	hh_row page[PAGE];
	siks_err e;
	snprintf(f->search, sizeof f->search, "%s", text);
	double t0 = now();
	long c = hhlist_count(s, f);
	int k = hhlist_fetch(s, f, NULL, +1, PAGE, page, &e);
	double ms = (now() - t0) * 1000, bms = 0;
	if (bare_too && with_bare) {
		char expr[200], match[300];
		hhlist_match_expr(text, expr, sizeof expr);
		to_json(expr, match, sizeof match);
		bms = bare_run(match, "", "", +1, 1);
	}
	if (bare_ms) *bare_ms = bms;
	char cs[32];
	show_count(cs, sizeof cs, c);
	if (bare_too && with_bare)
		printf("  search %-20s %6.1f ms (bare %7.1f ms), %s households, %d shown\n", text, ms, bms, cs, k);
	else
		printf("  search %-20s %6.1f ms, %s households, %d shown\n", text, ms, cs, k);
	f->search[0] = 0;
	return ms;
}

/* Page-down near the end of the list while searching for text: End, ten
 * pages up, then ten pages down, each timed. */
static void pagedown(siks *s, hh_filter *f, const char *text, int bare_too)
{
	hh_row page[PAGE], prev;
	siks_err e;
	double worst = 0, sum = 0, bworst = 0, up = 0, t0;
	int pages = 0;
	snprintf(f->search, sizeof f->search, "%s", text);
	t0 = now();
	int k = hhlist_fetch(s, f, NULL, -1, PAGE, page, &e);
	double end_ms = (now() - t0) * 1000;
	for (int i = 0; i < 10 && k > 0; i++) {
		prev = page[0];
		t0 = now();
		k = hhlist_fetch(s, f, &prev, -1, PAGE, page, &e);
		double ms = (now() - t0) * 1000;
		if (ms > up) up = ms;
	}
	for (int i = 0; i < 10 && k > 0; i++) {
		prev = page[k - 1];
		t0 = now();
		k = hhlist_fetch(s, f, &prev, +1, PAGE, page, &e);
		double ms = (now() - t0) * 1000;
		if (bare_too && with_bare) {
			double bms = bare_run(NULL, prev.key, prev.id, +1, 0);
			if (bms > bworst) bworst = bms;
		}
		if (ms > worst) worst = ms;
		sum += ms;
		pages++;
	}
	char lab[64];
	snprintf(lab, sizeof lab, "\"%s\"", text);
	printf("  page-down near the end, search %-18s End %.1f ms, page-up worst %.1f ms, page-down mean %.2f ms, worst %.2f ms",
	       lab, end_ms, up, pages ? sum / pages : 0, worst);
	if (bare_too && with_bare) printf(" (bare worst %.2f ms)", bworst);
	printf("\n");
	f->search[0] = 0;
}

int main(void)
{
	long members = getenv("SIKS_BENCH_MEMBERS") ? atol(getenv("SIKS_BENCH_MEMBERS")) : 1000000;
	char path[128];
	siks_err e;
	setenv("SIKSDESA_DATA", "data", 0);
	siks_i18n_init("id");
	snprintf(path, sizeof path, "/tmp/siks-bench-tui-kept-%ld.db", members);
	printf("bench_tui: household list on %ld members (targets: first screen < 100 ms, keystroke and page < 30 ms, peak < 16 MB)\n",
	       members);
	double t0 = now();
	/* built in a child, so the peak memory below is the list's alone */
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) _exit(build(path, members) == 0 ? 0 : 1);
	int wst = 1;
	if (pid < 0 || waitpid(pid, &wst, 0) < 0 || !WIFEXITED(wst) || WEXITSTATUS(wst) != 0) {
		fprintf(stderr, "bench_tui: cannot build %s\n", path);
		return 1;
	}
	printf("  built in %.1f s (bare inserts, then the household-list migration)\n", now() - t0);
	long kb0 = peak_kb();

	/* first screen: open, header's unsent count, list count, first page */
	t0 = now();
	siks *s;
	if (siks_open(&s, path, 0, &e) != 0) { fprintf(stderr, "bench_tui: %s\n", e.msg); return 1; }
	double open_ms = (now() - t0) * 1000;
	hh_filter f;
	hh_row page[PAGE];
	hh_filter_default(&f);
	db_int(s, "SELECT count(*) FROM change WHERE seq > 0", 0);
	long total = hhlist_count(s, &f);
	int k = hhlist_fetch(s, &f, NULL, +1, PAGE, page, &e);
	double first_ms = (now() - t0) * 1000;
	snprintf(bare_path, sizeof bare_path, "%s", path);
	with_bare = !getenv("SIKS_BENCH_BARE") || atoi(getenv("SIKS_BENCH_BARE")) != 0;
	double first_bare = bare_run(NULL, "", "", +1, 1);
	printf("  first screen: %.1f ms (of which siks_open %.1f ms; bare SQLite %.1f ms), %ld households, %d rows shown\n",
	       first_ms, open_ms, first_bare, total, k);

	/* incremental search: every prefix of what an operator types, by name
	 * (broad first letters, then two words), then a NIK digit by digit */
	double worst = 0, worst_bare = 0, sum = 0;
	int keys = 0;
	static const char *const typed[] = { "siti nur'aini", "3528010000010001" };
	for (int t = 0; t < 2; t++)
		for (size_t i = 1; i <= strlen(typed[t]); i++) {
			char buf[64];
			snprintf(buf, sizeof buf, "%.*s", (int)i, typed[t]);
			double bms;
			double ms = keystroke(s, &f, buf, &bms, 1);
			if (ms > worst) worst = ms;
			if (bms > worst_bare) worst_bare = bms;
			sum += ms;
			keys++;
		}
	printf("  search keystroke: mean %.1f ms, worst %.1f ms (bare worst %.1f ms)\n", sum / keys, worst, worst_bare);
	printf("  (bare: the plain FTS query, every match gathered, counted and sorted; %s)\n",
	       with_bare ? "in a child process" : "left out: SIKS_BENCH_BARE=0");
	/* a No KK typed whole; two words, each broad */
	keystroke(s, &f, "3528010000012345", NULL, 1);
	keystroke(s, &f, "s a", NULL, 1);
	keystroke(s, &f, "sri hasan", NULL, 1);
	/* the other sorts and a filter with a broad search */
	for (int sort = 1; sort <= 2; sort++) {
		f.sort = sort;
		printf("  sorted by %s:\n", sort == 1 ? "address" : "score");
		keystroke(s, &f, "s", NULL, 0);
		keystroke(s, &f, "sit", NULL, 0);
	}
	f.sort = HH_SORT_NAME;
	printf("  filtered to dusun Temor:\n");
	snprintf(f.dusun, sizeof f.dusun, "Temor");
	keystroke(s, &f, "s", NULL, 0);
	keystroke(s, &f, "siti nur", NULL, 0);
	f.dusun[0] = 0;
	printf("  filtered to poor households (none scored: nothing matches):\n");
	f.poor = 1;
	keystroke(s, &f, "s", NULL, 0);
	f.poor = -1;

	/* page-down near the end: End, ten pages up, then ten pages down; with
	 * no search, a broad one and a narrow one */
	pagedown(s, &f, "", 1);
	pagedown(s, &f, "s", 0);
	pagedown(s, &f, "siti nur", 0);
	pagedown(s, &f, "3528010000012345", 0);
	printf("  peak memory: %.1f MB (%.1f MB before opening)\n", peak_kb() / 1024.0, kb0 / 1024.0);
	siks_close(s);
	return 0;
}
