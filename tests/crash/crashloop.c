/* crashloop.c — kill -9 at random moments during saves, imports and
 * backups, then check that nothing the program reported as saved is lost.
 *
 *   crashloop [ROUNDS] [SEED]      (default 500 rounds, seed from the clock)
 *
 * Each round forks a worker that opens the register and works until it is
 * killed at a random moment (0..40 ms after it starts):
 *   saves:   one household (with two members) per transaction; after each
 *            commit returns it reports the id on a pipe;
 *   import:  batches of 60 households in one transaction, all tagged with the
 *            batch name (an import is all or nothing); reported after commit;
 *   backups: saves interleaved with backup_before() copies; each finished
 *            copy is reported.
 * Then the parent opens the register as the program would and checks:
 * PRAGMA integrity_check is ok; every reported household is there; every
 * batch has all or none of its households; every backup file with a final
 * name passes integrity_check (no half-written copy under a real name).
 * Prints "crash: N passed, N failed" and exits 1 on any failure. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "siks/backup.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "siks/safety.h"
#include "siks/siks.h"

#define BATCH 60

static uint64_t rng;
static uint32_t rnd(void)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng >> 33);
}

static void report(int fd, const char *line)
{
	size_t n = strlen(line);
	while (n > 0) {
		ssize_t k = write(fd, line, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			_exit(3);
		line += k;
		n -= (size_t)k;
	}
}

static int save_household(siks *s, const char *tag, int rt, char id[33], siks_err *e)
{
	siks_rec h;
	rec_init(&h, "household");
	rec_set(&h, "desa", "35.28.01.2001");
	rec_set(&h, "dusun", tag);
	rec_set_int(&h, "rt", rt);
	rec_set_int(&h, "rw", 1);
	rec_set(&h, "alamat", "Jl. Raya Tlanakan");
	int rc = rec_save(s, &h, e);
	snprintf(id, 33, "%s", h.id);
	rec_free(&h);
	return rc;
}

static int save_member(siks *s, const char *hh, int k, siks_err *e)
{
	siks_rec m;
	rec_init(&m, "member");
	rec_set(&m, "household_id", hh);
	rec_set(&m, "nama", k ? "Siti Aminah" : "Moh. Hasan");
	rec_set_int(&m, "jenis_kelamin", k ? 2 : 1);
	rec_set(&m, "tanggal_lahir", k ? "1985-03-12" : "1980-07-01");
	rec_set_int(&m, "shdk", k ? 3 : 1);
	int rc = rec_save(s, &m, e);
	rec_free(&m);
	return rc;
}

/* One saved household with two members, in one transaction. */
static int one_save(siks *s, int fd, int round, siks_err *e)
{
	char id[33], line[64];
	if (db_begin(s, e) != 0)
		return -1;
	if (save_household(s, "simpan", round % 999 + 1, id, e) || save_member(s, id, 0, e) ||
	    save_member(s, id, 1, e)) {
		db_rollback(s);
		return -1;
	}
	if (db_commit(s, e) != 0)
		return -1;
	snprintf(line, sizeof line, "S %s\n", id);
	report(fd, line);
	return 0;
}

static void worker(const char *path, int mode, int round, int fd)
{
	siks *s = NULL;
	siks_err e = { 0 };
	/* the parent may still be closing its handle: wait for the lock */
	for (int i = 0; i < 200 && siks_open(&s, path, 0, &e) == SIKS_ECONFLICT; i++)
		usleep(5000);
	if (!s) {
		fprintf(stderr, "worker: %s\n", e.msg);
		_exit(2);
	}
	for (int b = 0;; b++) {
		if (mode == 0) {
			if (one_save(s, fd, round, &e) != 0)
				break;
		} else if (mode == 1) {
			char tag[32], id[33], line[64];
			snprintf(tag, sizeof tag, "impor-%d-%d", round, b);
			if (db_begin(s, &e) != 0)
				break;
			int bad = 0;
			for (int i = 0; i < BATCH && !bad; i++)
				bad = save_household(s, tag, i + 1, id, &e);
			if (bad) {
				db_rollback(s);
				break;
			}
			snprintf(line, sizeof line, "T %s\n", tag); /* started: all or none */
			report(fd, line);
			if (db_commit(s, &e) != 0)
				break;
			snprintf(line, sizeof line, "I %s\n", tag);
			report(fd, line);
		} else {
			if (one_save(s, fd, round, &e) != 0 || backup_before(s, "crash", &e) != 0)
				break;
			report(fd, "B\n");
		}
	}
	fprintf(stderr, "worker stopped: %s\n", e.msg);
	_exit(4);
}

static int check_backups(const char *path, char *why, size_t n)
{
	backup_info *v;
	size_t k;
	if (backup_list(path, &v, &k, NULL) != 0)
		return -1;
	int bad = 0;
	for (size_t i = 0; i < k && !bad; i++) {
		sqlite3 *d = NULL;
		if (sqlite3_open_v2(v[i].path, &d, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
		    safety_check_db(d, 1, why, n) != 0) {
			bad = 1;
			snprintf(why, n, "backup %.200s damaged", v[i].path);
		}
		sqlite3_close(d);
	}
	free(v);
	return bad ? -1 : 0;
}

/* Reads what the worker reported and checks it against the register. */
static int verify(const char *path, const char *log, char *why, size_t n)
{
	siks *s = NULL;
	siks_err e = { 0 };
	if (siks_open(&s, path, 0, &e) != 0) {
		snprintf(why, n, "open: %.250s", e.msg);
		return -1;
	}
	int bad = 0;
	if (safety_check_db(s->db, 1, why, n) != 0)
		bad = 1;
	char line[128];
	const char *p = log;
	while (!bad && *p) {
		const char *nl = strchr(p, '\n');
		if (!nl)
			break; /* a line cut by the kill: not reported */
		snprintf(line, sizeof line, "%.*s", (int)(nl - p), p);
		p = nl + 1;
		if (line[0] == 'S') {
			sqlite3_stmt *st = db_stmt(s, "SELECT count(*) FROM member WHERE household_id=?", &e);
			sqlite3_bind_text(st, 1, line + 2, -1, SQLITE_TRANSIENT);
			int have = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
			sqlite3_reset(st);
			if (have != 2) {
				bad = 1;
				snprintf(why, n, "saved household %s has %d of 2 members", line + 2, have);
			}
		} else if (line[0] == 'T' || line[0] == 'I') {
			sqlite3_stmt *st = db_stmt(s, "SELECT count(*) FROM household WHERE dusun=?", &e);
			sqlite3_bind_text(st, 1, line + 2, -1, SQLITE_TRANSIENT);
			int have = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
			sqlite3_reset(st);
			if ((line[0] == 'I' && have != BATCH) || (have != 0 && have != BATCH)) {
				bad = 1;
				snprintf(why, n, "import %s has %d of %d households", line + 2, have, BATCH);
			}
		}
	}
	siks_close(s);
	if (!bad && check_backups(path, why, n) != 0)
		bad = 1;
	return bad ? -1 : 0;
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 500;
	uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 10) : (uint64_t)time(NULL);
	rng = seed;
	if (!getenv("SIKSDESA_DATA"))
		setenv("SIKSDESA_DATA", "data", 1);
	siks_i18n_init("id");
	char dir[] = "/tmp/siks-crash-XXXXXX", path[128];
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(path, sizeof path, "%s/crash.db", dir);
	siks *s = NULL;
	siks_err e = { 0 };
	if (siks_open(&s, path, SIKS_OPEN_CREATE, &e) != 0 ||
	    siks_site_init(s, SIKS_SITE_DESA, "35.28.01.2001", "Dabuan", &e) != 0) {
		fprintf(stderr, "setup: %s\n", e.msg);
		return 1;
	}
	siks_close(s);
	printf("crash loop: %d rounds, seed %llu, %s\n", rounds, (unsigned long long)seed, path);
	int passed = 0, failed = 0;
	size_t cap = 1 << 20, alen = 0, acap = 1 << 20;
	char *log = malloc(cap), *all = malloc(acap);
	for (int r = 0; r < rounds; r++) {
		int mode = r % 3;
		int fds[2];
		if (!log || pipe(fds) != 0) {
			perror("pipe");
			return 1;
		}
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			close(fds[0]);
			worker(path, mode, r, fds[1]);
		}
		close(fds[1]);
		usleep(rnd() % 40000);
		kill(pid, SIGKILL);
		size_t len = 0;
		ssize_t k;
		while (len + 1 < cap && (k = read(fds[0], log + len, cap - 1 - len)) > 0)
			len += (size_t)k;
		log[len] = '\0';
		close(fds[0]);
		int status;
		waitpid(pid, &status, 0);
		char why[300] = "";
		if (WIFEXITED(status)) {
			/* the worker gave up by itself: its own report says why */
			snprintf(why, sizeof why, "worker exited %d", WEXITSTATUS(status));
			failed++;
		} else if (verify(path, log, why, sizeof why) != 0) {
			failed++;
		} else {
			passed++;
		}
		/* every complete line reported so far, checked again at the end */
		char *end = strrchr(log, '\n');
		size_t keep = end ? (size_t)(end - log) + 1 : 0;
		if (alen + keep + 1 > acap) {
			char *p2 = realloc(all, (acap = (alen + keep) * 2 + 1));
			if (!p2)
				return 1;
			all = p2;
		}
		if (all) {
			memcpy(all + alen, log, keep);
			alen += keep;
			all[alen] = '\0';
		}
		if (why[0])
			printf("round %d (%s): FAIL %s\n", r, mode == 0 ? "saves" : mode == 1 ? "import" : "backup", why);
	}
	free(log);
	/* everything reported in every round is still there at the end */
	char why[300] = "";
	if (all && verify(path, all, why, sizeof why) != 0) {
		printf("final check: FAIL %s\n", why);
		failed++;
	}
	free(all);
	siks_open(&s, path, 0, &e);
	if (s) {
		printf("households %lld, members %lld\n", (long long)db_int(s, "SELECT count(*) FROM household", 0),
		       (long long)db_int(s, "SELECT count(*) FROM member", 0));
		siks_close(s);
	}
	printf("crash: %d passed, %d failed\n", passed, failed);
	if (failed == 0 && !getenv("CRASH_KEEP")) {
		char cmd[200];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", dir);
	}
	return failed ? 1 : 0;
}
