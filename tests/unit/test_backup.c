/* test_backup.c — backups and restore, damaged files, the network-share
 * refusal, and a second program on the same database. */
#include <fcntl.h>
#include <sys/wait.h>
#include "testutil.h"
#include "siks/auth.h"
#include "siks/backup.h"
#include "siks/history.h"
#include "siks/platform.h"
#include "siks/safety.h"
#include "siks/import.h"
#include "siks/strbuf.h"
#include "io_fixture.h"

static void fill(siks *s, int n)
{
	char hh[33];
	for (int i = 0; i < n; i++)
		tu_household(s, "Krajan", i % 20 + 1, hh);
}

static int64_t households(siks *s)
{
	return db_int(s, "SELECT count(*) FROM household", -1);
}

/* Overwrites len bytes at off with garbage: what a failing disk leaves. */
static void damage(const char *path, long off, int len)
{
	int fd = open(path, O_WRONLY);
	assert_true(fd >= 0);
	char junk[8192];
	for (int i = 0; i < (int)sizeof junk; i++)
		junk[i] = (char)(i * 37 + 11);
	assert_int_equal(pwrite(fd, junk, (size_t)len, off), len);
	close(fd);
}

static void test_round_trip(void **st)
{
	(void)st;
	char path[128], bk[1400];
	siks *s = tu_open(SIKS_SITE_DESA, path);
	siks_err e = { 0 };
	fill(s, 30);
	assert_int_equal(backup_run(s, NULL, bk, sizeof bk, &e), 0);
	assert_true(plat_file_exists(bk));
	assert_non_null(strstr(bk, "/backup/t-"));
	/* a plain file: no -wal beside it, readable on its own */
	char wal[1500];
	snprintf(wal, sizeof wal, "%s-wal", bk);
	assert_false(plat_file_exists(wal));
	backup_info in;
	assert_int_equal(backup_check_file(s, bk, &in, &e), 0);
	assert_int_equal(in.households, 30);
	assert_string_equal(in.site_id, s->site_id);
	assert_string_equal(in.kind, "manual");

	/* later changes, then the restore brings back the backed-up state */
	fill(s, 5);
	char hh[33];
	tu_household(s, "Lao'", 9, hh);
	assert_int_equal(households(s), 36);
	int64_t hlc_before = s->hlc_last;
	assert_int_equal(backup_restore(s, bk, &e), 0);
	assert_int_equal(households(s), 30);
	assert_true(s->hlc_last >= hlc_before);
	assert_string_equal(s->site_kode, "35.28.01.2001");
	/* the state before the restore was kept, and the restore is audited */
	backup_info *v;
	size_t n;
	assert_int_equal(backup_list(path, &v, &n, &e), 0);
	int pre = 0;
	for (size_t i = 0; i < n; i++)
		if (strstr(v[i].path, "-sebelum-pemulihan-")) {
			backup_info c;
			assert_int_equal(backup_check_file(s, v[i].path, &c, &e), 0);
			assert_int_equal(c.households, 36);
			pre++;
		}
	free(v);
	assert_int_equal(pre, 1);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE tbl='restore'", 0), 1);
	/* the register still works after the restore */
	tu_household(s, "Krajan", 1, hh);
	assert_int_equal(households(s), 31);
	siks_close(s);
	/* and opens again */
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	assert_int_equal(households(s), 31);
	siks_close(s);
}

static void test_backup_to_usb_is_audited(void **st)
{
	(void)st;
	char usb[64], out[1400];
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_err e = { 0 };
	fill(s, 3);
	tu_tmpdir(usb);
	assert_int_equal(backup_run(s, usb, out, sizeof out, &e), 0);
	assert_int_equal(strncmp(out, usb, strlen(usb)), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE tbl='export'", 0), 1);
	siks_close(s);
}

static void test_damaged_backup_refused(void **st)
{
	(void)st;
	char path[128], bk[1400], dir[64], other[200];
	siks *s = tu_open(SIKS_SITE_DESA, path);
	siks_err e = { 0 };
	fill(s, 200);
	assert_int_equal(backup_run(s, NULL, bk, sizeof bk, &e), 0);
	damage(bk, 4096 * 3, 4096);
	assert_int_equal(backup_restore(s, bk, &e), SIKS_EFORMAT);
	assert_non_null(strstr(e.msg, "rusak"));
	assert_int_equal(households(s), 200);
	/* not a database at all */
	tu_tmpdir(dir);
	snprintf(other, sizeof other, "%s/catatan.db", dir);
	assert_int_equal(plat_write_file_atomic(other, "bukan basis data, hanya teks biasa yang cukup panjang", 53, &e), 0);
	assert_int_equal(backup_restore(s, other, &e), SIKS_EFORMAT);
	/* an SQLite file that is not siksdesa's */
	snprintf(other, sizeof other, "%s/lain.db", dir);
	sqlite3 *d;
	assert_int_equal(sqlite3_open(other, &d), SQLITE_OK);
	sqlite3_exec(d, "CREATE TABLE x(a)", NULL, NULL, NULL);
	sqlite3_close(d);
	assert_int_equal(backup_restore(s, other, &e), SIKS_EFORMAT);
	assert_non_null(strstr(e.msg, "bukan basis data siksdesa"));
	/* a missing file */
	assert_int_equal(backup_restore(s, "/tmp/tidak/ada.db", &e), SIKS_ENOTFOUND);
	assert_int_equal(households(s), 200);
	siks_close(s);
}

static void test_other_site_refused(void **st)
{
	(void)st;
	char bk[1400];
	siks *a = tu_open(SIKS_SITE_DESA, NULL);
	siks *b = tu_open(SIKS_SITE_DESA, NULL);
	siks_err e = { 0 };
	fill(a, 2);
	fill(b, 4);
	assert_int_equal(backup_run(a, NULL, bk, sizeof bk, &e), 0);
	assert_int_equal(backup_restore(b, bk, &e), SIKS_EFORMAT);
	assert_non_null(strstr(e.msg, "situs lain"));
	assert_int_equal(households(b), 4);
	siks_close(a);
	siks_close(b);
}

static void test_restore_needs_admin(void **st)
{
	(void)st;
	char bk[1400];
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_err e = { 0 };
	fill(s, 2);
	assert_int_equal(backup_run(s, NULL, bk, sizeof bk, &e), 0);
	assert_int_equal(auth_operator_add(s, "Admin", SIKS_OP_ADMIN, "9999", &e), 0);
	assert_int_equal(auth_login(s, "Admin", "9999", &e), 0);
	assert_int_equal(auth_operator_add(s, "Siti", SIKS_OP_DESA, "1234", &e), 0);
	assert_int_equal(auth_login(s, "Siti", "1234", &e), 0);
	assert_int_equal(backup_restore(s, bk, &e), SIKS_EPERM);
	auth_logout(s);
	assert_int_equal(backup_run(s, NULL, bk, sizeof bk, &e), SIKS_EPERM);
	siks_close(s);
}

static void test_damaged_register_at_open(void **st)
{
	(void)st;
	char path[128], good[1400], aside[1200];
	siks *s = tu_open(SIKS_SITE_DESA, path);
	siks_err e = { 0 };
	fill(s, 300);
	assert_int_equal(backup_auto(s, &e), 0);
	siks_close(s);
	/* a power cut on a disk that lied about flushing */
	damage(path, 4096 * 2, 8192);
	assert_int_equal(siks_open(&s, path, 0, &e), SIKS_EFORMAT);
	assert_null(s);
	assert_non_null(strstr(e.msg, "rusak"));
	assert_int_equal(backup_newest_good(path, good, sizeof good, &e), 0);
	assert_non_null(strstr(good, "-harian-2026-11-27.db"));
	assert_int_equal(backup_restore_damaged(path, good, aside, sizeof aside, &e), 0);
	assert_true(plat_file_exists(aside)); /* the damaged file is kept */
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	assert_int_equal(households(s), 300);
	siks_close(s);
}

/* A large register is checked at open only after a session that did not
 * close; a clean one opens without reading the whole file. */
static void test_large_register_checked_after_unclean_stop(void **st)
{
	(void)st;
	char path[128], lock[200];
	siks *s = tu_open(SIKS_SITE_DESA, path);
	siks_err e = { 0 };
	fill(s, 300);
	siks_close(s);
	damage(path, 4096 * 2, 8192);
	setenv("SIKSDESA_CHECK_BYTES", "0", 1); /* every file counts as large */
	/* closed cleanly: opens (the damage is found by `check` or after a stop) */
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	siks_close(s);
	/* the last program was killed: its note is still in the lock file */
	snprintf(lock, sizeof lock, "%s.lock", path);
	FILE *f = fopen(lock, "w");
	assert_non_null(f);
	fputs("Rofiqoh\t4242\tbalai-desa\t2026-11-27 08:00:00\n", f);
	fclose(f);
	assert_int_equal(siks_open(&s, path, 0, &e), SIKS_EFORMAT);
	assert_string_equal(e.field, "integrity");
	unsetenv("SIKSDESA_CHECK_BYTES");
}

static void test_no_good_backup(void **st)
{
	(void)st;
	char path[128], good[1400], bk[1400];
	siks *s = tu_open(SIKS_SITE_DESA, path);
	siks_err e = { 0 };
	assert_int_equal(backup_newest_good(path, good, sizeof good, &e), SIKS_ENOTFOUND);
	fill(s, 200);
	assert_int_equal(backup_run(s, NULL, bk, sizeof bk, &e), 0);
	siks_close(s);
	damage(bk, 4096 * 2, 8192);
	assert_int_equal(backup_newest_good(path, good, sizeof good, &e), SIKS_ENOTFOUND);
}

static void touch(const char *dir, const char *name)
{
	char p[300];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	assert_int_equal(plat_write_file_atomic(p, "x", 1, NULL), 0);
}

static void test_rotation(void **st)
{
	(void)st;
	char dir[64], p[300];
	tu_env();
	tu_tmpdir(dir);
	/* 60 days of daily backups, 2026-09-01 .. 2026-10-30 */
	for (int d = 0; d < 60; d++) {
		char name[64];
		int month = d < 30 ? 9 : 10, day = d < 30 ? d + 1 : d - 29;
		snprintf(name, sizeof name, "t-harian-2026-%02d-%02d.db", month, day);
		touch(dir, name);
	}
	for (int i = 0; i < 8; i++) {
		char name[64];
		snprintf(name, sizeof name, "t-sebelum-impor-20261101-10000%d.db", i);
		touch(dir, name);
	}
	touch(dir, "t-sebelum-migrasi-20250101-000000.db");
	touch(dir, "t-20260101-000000.db");       /* asked for: never removed */
	touch(dir, "lain-harian-2020-01-01.db");  /* another database's */
	int removed = backup_rotate(dir, "t");
	/* 60 daily - 7 newest - 1 (last of September) = 52; 8 - 5 before-import */
	assert_int_equal(removed, 52 + 3);
	const char *kept[] = { "t-harian-2026-10-30.db", "t-harian-2026-10-24.db", "t-harian-2026-09-30.db",
			       "t-sebelum-impor-20261101-100007.db", "t-sebelum-impor-20261101-100003.db",
			       "t-sebelum-migrasi-20250101-000000.db", "t-20260101-000000.db",
			       "lain-harian-2020-01-01.db" };
	for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, kept[i]);
		if (!plat_file_exists(p))
			fail_msg("%s removed", kept[i]);
	}
	const char *gone[] = { "t-harian-2026-10-23.db", "t-harian-2026-09-29.db",
			       "t-sebelum-impor-20261101-100002.db" };
	for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, gone[i]);
		if (plat_file_exists(p))
			fail_msg("%s kept", gone[i]);
	}
	assert_int_equal(backup_rotate(dir, "t"), 0);
}

static void test_daily_once(void **st)
{
	(void)st;
	char path[128];
	siks *s = tu_open(SIKS_SITE_NONE, path);
	siks_err e = { 0 };
	backup_info *v;
	size_t n;
	/* an empty register is not backed up */
	assert_int_equal(backup_auto(s, &e), 0);
	assert_int_equal(backup_list(path, &v, &n, &e), 0);
	free(v);
	assert_int_equal(n, 0);
	fill(s, 1);
	assert_int_equal(backup_auto(s, &e), 0);
	assert_int_equal(backup_auto(s, &e), 0);
	assert_int_equal(backup_list(path, &v, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].kind, "harian");
	free(v);
	siks_close(s);
}

static void test_backup_before_migration(void **st)
{
	(void)st;
	char dir[64], path[128];
	tu_env();
	tu_tmpdir(dir);
	snprintf(path, sizeof path, "%s/lama.db", dir);
	sqlite3 *d;
	assert_int_equal(sqlite3_open(path, &d), SQLITE_OK);
	assert_int_equal(sqlite3_exec(d, db_migration_sql(1), NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(d, "PRAGMA user_version=1;"
				      "INSERT INTO household(id,dusun) VALUES('h1','Krajan');", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(d);
	siks *s;
	siks_err e = { 0 };
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	backup_info *v;
	size_t n;
	assert_int_equal(backup_list(path, &v, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_non_null(strstr(v[0].path, "lama-sebelum-migrasi-"));
	backup_info in;
	assert_int_equal(backup_check_file(NULL, v[0].path, &in, &e), 0);
	assert_int_equal(in.schema, 1);
	assert_int_equal(in.households, 1);
	free(v);
	siks_close(s);
}

static void test_network_share_refused(void **st)
{
	(void)st;
	char dir[64], path[128];
	tu_env();
	tu_tmpdir(dir);
	snprintf(path, sizeof path, "%s/t.db", dir);
	siks *s = NULL;
	siks_err e = { 0 };
	const char *fake[] = { "nfs", "cifs", "smb2" };
	for (size_t i = 0; i < 3; i++) {
		setenv("SIKSDESA_FAKE_FSTYPE", fake[i], 1);
		char fs[32];
		assert_int_equal(plat_is_network_fs(path, fs, sizeof fs), 1);
		assert_int_equal(siks_open(&s, path, SIKS_OPEN_CREATE, &e), SIKS_EPERM);
		assert_null(s);
		assert_non_null(strstr(e.msg, fake[i]));
		assert_non_null(strstr(e.msg, "disk komputer ini"));
		assert_false(plat_file_exists(path));
	}
	setenv("SIKSDESA_FAKE_FSTYPE", "local", 1);
	assert_int_equal(plat_is_network_fs(path, NULL, 0), 0);
	assert_int_equal(siks_open(&s, path, SIKS_OPEN_CREATE, &e), 0);
	siks_close(s);
	unsetenv("SIKSDESA_FAKE_FSTYPE");
	/* the real check on /tmp: a local disk here */
	assert_int_equal(plat_is_network_fs(path, NULL, 0), 0);
}

/* A second program (a real process) on the same database is told who has it. */
static void test_second_program(void **st)
{
	(void)st;
	char path[128];
	siks *s = tu_open(SIKS_SITE_DESA, path);
	siks_err e = { 0 };
	assert_int_equal(auth_operator_add(s, "Admin Desa", SIKS_OP_ADMIN, "4321", &e), 0);
	assert_int_equal(auth_login(s, "Admin Desa", "4321", &e), 0);
	int pipefd[2];
	assert_int_equal(pipe(pipefd), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		siks *t = NULL;
		siks_err te = { 0 };
		int rc = siks_open(&t, path, 0, &te);
		if (write(pipefd[1], te.msg, strlen(te.msg)) < 0)
			_exit(99);
		/* read-only opens (a report, a backup check) are not refused */
		siks *r = NULL;
		int rrc = siks_open(&r, path, SIKS_OPEN_READONLY, &te);
		siks_close(r);
		_exit(rc == SIKS_ECONFLICT && t == NULL && rrc == 0 ? 0 : 1);
	}
	close(pipefd[1]);
	char msg[600] = "";
	ssize_t k = read(pipefd[0], msg, sizeof msg - 1);
	msg[k > 0 ? k : 0] = '\0';
	close(pipefd[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_non_null(strstr(msg, "Admin Desa"));
	char pidtxt[32];
	snprintf(pidtxt, sizeof pidtxt, "%ld", (long)getpid());
	assert_non_null(strstr(msg, pidtxt));
	siks_close(s);
	/* once closed, the next program may open it */
	pid = fork();
	if (pid == 0) {
		siks *t = NULL;
		int rc = siks_open(&t, path, 0, NULL);
		siks_close(t);
		_exit(rc == 0 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* An import takes a safety copy first (a dry run does not), and needs its role. */
static void test_backup_before_import(void **st)
{
	(void)st;
	char path[128], dir[64], csv[128];
	siks *s = tu_open(SIKS_SITE_DESA, path);
	siks_err e = { 0 };
	fill(s, 3);
	tu_tmpdir(dir);
	snprintf(csv, sizeof csv, "%s/dtks.csv", dir);
	strbuf b = { 0 };
	fx_text(&b, 20, ',');
	fx_write(csv, b.p, b.n, CS_UTF8);
	sb_free(&b);
	imp_result r;
	imp_opts dry = { 1, NULL, CS_AUTO, 0 }, real = { 0, NULL, CS_AUTO, 0 };
	assert_int_equal(import_file(s, csv, &dry, &r, &e), 0);
	backup_info *v;
	size_t n;
	assert_int_equal(backup_list(path, &v, &n, &e), 0);
	free(v);
	assert_int_equal(n, 0);
	assert_int_equal(import_file(s, csv, &real, &r, &e), 0);
	assert_true(households(s) > 3);
	assert_int_equal(backup_list(path, &v, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_non_null(strstr(v[0].path, "-sebelum-impor-"));
	backup_info in;
	assert_int_equal(backup_check_file(s, v[0].path, &in, &e), 0);
	assert_int_equal(in.households, 3);
	free(v);
	assert_int_equal(auth_operator_add(s, "Admin", SIKS_OP_ADMIN, "9999", &e), 0);
	assert_int_equal(auth_login(s, "Admin", "9999", &e), 0);
	assert_int_equal(auth_operator_add(s, "Pak Guru", SIKS_OP_PELATIH, "1234", &e), 0);
	assert_int_equal(auth_login(s, "Pak Guru", "1234", &e), 0);
	assert_int_equal(import_file(s, csv, &real, &r, &e), SIKS_EPERM);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_backup_to_usb_is_audited),
		cmocka_unit_test(test_damaged_backup_refused),
		cmocka_unit_test(test_large_register_checked_after_unclean_stop),
		cmocka_unit_test(test_other_site_refused),
		cmocka_unit_test(test_restore_needs_admin),
		cmocka_unit_test(test_damaged_register_at_open),
		cmocka_unit_test(test_no_good_backup),
		cmocka_unit_test(test_rotation),
		cmocka_unit_test(test_daily_once),
		cmocka_unit_test(test_backup_before_migration),
		cmocka_unit_test(test_network_share_refused),
		cmocka_unit_test(test_second_program),
		cmocka_unit_test(test_backup_before_import),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
