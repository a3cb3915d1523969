/* backup.c — taking, rotating, checking and restoring backups (backup.h).
 * Copies are made with SQLite's online backup API: a consistent snapshot
 * while the register stays open, never a byte copy of a live file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "siks/auth.h"
#include "siks/backup.h"
#include "siks/db.h"
#include "siks/history.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "siks/safety.h"

void backup_dir_of(const char *dbpath, char *out, size_t n)
{
	const char *slash = strrchr(dbpath, '/');
	if (!slash)
		snprintf(out, n, "backup");
	else
		snprintf(out, n, "%.*s/backup", (int)(slash - dbpath), dbpath);
}

/* File name of the database without folder and ".db": the prefix of its backups. */
static void stem_of(const char *dbpath, char *out, size_t n)
{
	const char *b = strrchr(dbpath, '/');
	b = b ? b + 1 : dbpath;
	size_t len = strlen(b);
	if (len > 3 && strcmp(b + len - 3, ".db") == 0)
		len -= 3;
	snprintf(out, n, "%.*s", (int)len, b);
}

/* "YYYYMMDD-HHMMSS" from the local clock. */
static void stamp(char out[16])
{
	char ts[20];
	plat_timestamp(ts);
	snprintf(out, 16, "%.4s%.2s%.2s-%.2s%.2s%.2s", ts, ts + 5, ts + 8, ts + 11, ts + 14, ts + 17);
}

static int register_empty(siks *s)
{
	return db_int(s, "SELECT EXISTS(SELECT 1 FROM audit) OR EXISTS(SELECT 1 FROM household)", 0) == 0;
}

static void remove_tmp(const char *tmp)
{
	char j[1200];
	plat_remove(tmp);
	snprintf(j, sizeof j, "%s-journal", tmp);
	plat_remove(j);
}

int backup_to_file(siks *s, const char *path, siks_err *e)
{
	if (s->tx_depth > 0)
		return siks_fail(e, SIKS_EINVAL, "",
				 "backup inside a transaction would copy unsaved changes");
	char tmp[1100];
	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, plat_pid());
	remove_tmp(tmp);
	sqlite3 *d = NULL;
	int rc = sqlite3_open_v2(tmp, &d, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_backup *b = sqlite3_backup_init(d, "main", s->db, "main");
		if (!b) {
			rc = sqlite3_errcode(d);
		} else {
			/* all pages in one step: one read transaction, a consistent copy */
			do {
				rc = sqlite3_backup_step(b, -1);
				if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
					sqlite3_sleep(50);
			} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
			int fin = sqlite3_backup_finish(b);
			rc = rc == SQLITE_DONE ? fin : rc;
		}
	}
	char why[200] = "";
	if (rc == SQLITE_OK) {
		/* a backup is a plain one-file database: readable without -wal/-shm */
		rc = sqlite3_exec(d, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
		if (rc == SQLITE_OK && safety_check_db(d, 0, why, sizeof why) != 0)
			rc = SQLITE_CORRUPT;
	} else {
		snprintf(why, sizeof why, "%s", d ? sqlite3_errmsg(d) : sqlite3_errstr(rc));
	}
	sqlite3_close(d);
	if (rc == SQLITE_OK && plat_fsync_file(tmp) != 0)
		rc = SQLITE_IOERR;
	if (rc != SQLITE_OK) {
		remove_tmp(tmp);
		return siks_fail(e, SIKS_EIO, "", _("Cadangan %s gagal dibuat: %s"), path,
				 why[0] ? why : sqlite3_errstr(rc));
	}
	if (plat_rename(tmp, path, e) != 0) {
		remove_tmp(tmp);
		return SIKS_EIO;
	}
	return 0;
}

static int ensure_dir(const char *dir, siks_err *e)
{
	if (plat_mkdirs(dir) != 0)
		return siks_fail(e, SIKS_EIO, "", _("Folder cadangan %s tidak dapat dibuat"), dir);
	return 0;
}

int backup_run(siks *s, const char *dir, char *out, size_t n, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_BACKUP, e) != 0)
		return SIKS_EPERM;
	char own[1024], stem[256], st[16], path[1400];
	backup_dir_of(s->path, own, sizeof own);
	int outside = dir && *dir;
	if (!outside)
		dir = own;
	if (ensure_dir(dir, e) != 0)
		return SIKS_EIO;
	stem_of(s->path, stem, sizeof stem);
	stamp(st);
	snprintf(path, sizeof path, "%s/%s-%s.db", dir, stem, st);
	for (int k = 2; plat_file_exists(path) && k < 100; k++)
		snprintf(path, sizeof path, "%s/%s-%s-%d.db", dir, stem, st, k);
	if (backup_to_file(s, path, e) != 0)
		return e ? e->code : SIKS_EIO;
	if (out)
		snprintf(out, n, "%s", path);
	if (outside) {
		/* a copy leaving the backup folder carries every NIK: audited */
		char what[1500];
		snprintf(what, sizeof what, _("cadangan basis data -> %s"), path);
		return audit_note_export(s, what, e);
	}
	return 0;
}

int backup_before(siks *s, const char *why, siks_err *e)
{
	if (register_empty(s))
		return 0;
	char dir[1024], stem[256], st[16], path[1400];
	backup_dir_of(s->path, dir, sizeof dir);
	if (ensure_dir(dir, e) != 0)
		return SIKS_EIO;
	stem_of(s->path, stem, sizeof stem);
	stamp(st);
	snprintf(path, sizeof path, "%s/%s-sebelum-%s-%s.db", dir, stem, why, st);
	for (int k = 2; plat_file_exists(path) && k < 100; k++)
		snprintf(path, sizeof path, "%s/%s-sebelum-%s-%s-%d.db", dir, stem, why, st, k);
	if (backup_to_file(s, path, e) != 0)
		return e ? e->code : SIKS_EIO;
	backup_rotate(dir, stem);
	return 0;
}

int backup_auto(siks *s, siks_err *e)
{
	char dir[1024], stem[256], today[11], path[1400];
	/* a practice copy comes back from its pristine copy (latihan reset):
	 * daily copies of it would only fill the trainer's laptop */
	if (s->practice)
		return 0;
	backup_dir_of(s->path, dir, sizeof dir);
	stem_of(s->path, stem, sizeof stem);
	plat_today(today);
	snprintf(path, sizeof path, "%s/%s-harian-%s.db", dir, stem, today);
	if (plat_file_exists(path) || register_empty(s))
		return 0;
	if (ensure_dir(dir, e) != 0 || backup_to_file(s, path, e) != 0)
		return e ? e->code : SIKS_EIO;
	backup_rotate(dir, stem);
	return 0;
}

/* ---- rotation ----------------------------------------------------------- */

struct names {
	char (*v)[256];
	size_t n, cap;
	const char *prefix;
	size_t plen;
};

static int collect(void *ctx, const char *name)
{
	struct names *l = ctx;
	if (strncmp(name, l->prefix, l->plen) != 0 || strlen(name) >= 256)
		return 0;
	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 32;
		char (*p)[256] = realloc(l->v, nc * sizeof *p);
		if (!p)
			return 1;
		l->v = p;
		l->cap = nc;
	}
	snprintf(l->v[l->n++], 256, "%s", name);
	return 0;
}

static int cmp_desc(const void *a, const void *b)
{
	return -strcmp(a, b);
}

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcmp(s + a - b, suf) == 0;
}

int backup_rotate(const char *dir, const char *stem)
{
	char prefix[300];
	snprintf(prefix, sizeof prefix, "%s-", stem);
	struct names l = { NULL, 0, 0, prefix, strlen(prefix) };
	if (plat_dir_each(dir, collect, &l) != 0) {
		free(l.v);
		return -1;
	}
	qsort(l.v, l.n, sizeof *l.v, cmp_desc);
	char daily[320], before[320];
	snprintf(daily, sizeof daily, "%s-harian-", stem);
	snprintf(before, sizeof before, "%s-sebelum-", stem);
	size_t dl = strlen(daily), bl = strlen(before);
	int removed = 0, kept_daily = 0;
	char last_month[8] = "";
	for (size_t i = 0; i < l.n; i++) {
		const char *nm = l.v[i];
		char path[1400];
		snprintf(path, sizeof path, "%s/%s", dir, nm);
		const char *tmp = strstr(nm, ".db.tmp-");
		if (tmp) {
			/* left by a program that was stopped mid-backup */
			long pid = atol(tmp + 8);
			if (pid != plat_pid() && !plat_pid_alive(pid) && plat_remove(path) == 0)
				removed++;
			continue;
		}
		if (!ends_with(nm, ".db"))
			continue;
		int drop = 0;
		if (strncmp(nm, daily, dl) == 0 && strlen(nm + dl) == 13) {
			/* newest first: keep 7, and the newest of every month */
			char month[8];
			snprintf(month, sizeof month, "%.7s", nm + dl);
			int first_of_month = strcmp(month, last_month) != 0;
			snprintf(last_month, sizeof last_month, "%s", month);
			if (kept_daily < BACKUP_KEEP_DAILY)
				kept_daily++;
			else
				drop = !first_of_month;
		} else if (strncmp(nm, before, bl) == 0) {
			/* the reason is what stands before the last "-YYYYMMDD-HHMMSS" */
			const char *why = nm + bl;
			const char *end = strstr(why, "-20");
			size_t wl = end ? (size_t)(end - why) : strlen(why);
			int newer = 0;
			for (size_t j = 0; j < i; j++)
				if (strncmp(l.v[j], before, bl) == 0 && strncmp(l.v[j] + bl, why, wl) == 0 &&
				    strncmp(l.v[j] + bl + wl, "-20", 3) == 0 && ends_with(l.v[j], ".db"))
					newer++;
			drop = newer >= BACKUP_KEEP_BEFORE;
		}
		if (drop && plat_remove(path) == 0)
			removed++;
	}
	free(l.v);
	return removed;
}

/* ---- checking and restoring --------------------------------------------- */

static void text_col(sqlite3 *d, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st;
	out[0] = '\0';
	if (sqlite3_prepare_v2(d, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static int64_t int_col(sqlite3 *d, const char *sql)
{
	char b[32];
	text_col(d, sql, b, sizeof b);
	return atoll(b);
}

static void fill_when(const char *path, backup_info *in)
{
	int64_t t = plat_file_mtime(path);
	in->size = plat_file_size(path);
	in->when[0] = '\0';
	if (t >= 0) {
		time_t tt = (time_t)t;
		struct tm tm;
		localtime_r(&tt, &tm);
		strftime(in->when, sizeof in->when, "%Y-%m-%d %H:%M:%S", &tm);
	}
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	snprintf(in->kind, sizeof in->kind, "%s",
		 strstr(b, "-harian-") ? "harian" : strstr(b, "-sebelum-") ? "sebelum" : "manual");
}

int backup_check_file(siks *s, const char *path, backup_info *info, siks_err *e)
{
	backup_info tmp;
	backup_info *in = info ? info : &tmp;
	memset(in, 0, sizeof *in);
	snprintf(in->path, sizeof in->path, "%s", path);
	if (!plat_file_exists(path))
		return siks_fail(e, SIKS_ENOTFOUND, "", _("Berkas cadangan %s tidak ada"), path);
	fill_when(path, in);
	sqlite3 *d = NULL;
	char why[200] = "";
	int rc = sqlite3_open_v2(path, &d, SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK || safety_check_db(d, 1, why, sizeof why) != 0) {
		sqlite3_close(d);
		return siks_fail(e, SIKS_EFORMAT, "", _("Berkas %s rusak atau bukan basis data (%s); tidak dipakai"),
				 path, why[0] ? why : sqlite3_errstr(rc));
	}
	int tables = (int)int_col(d, "SELECT count(*) FROM sqlite_master WHERE type='table'"
				     " AND name IN ('setting','household','member','audit','change')");
	in->schema = (int)int_col(d, "PRAGMA user_version");
	if (tables != 5 || in->schema < 1) {
		sqlite3_close(d);
		return siks_fail(e, SIKS_EFORMAT, "", _("Berkas %s bukan basis data siksdesa"), path);
	}
	if (in->schema > siks_schema_version()) {
		sqlite3_close(d);
		return siks_fail(e, SIKS_EFORMAT, "",
				 _("Berkas %s dibuat oleh versi siksdesa yang lebih baru (skema %d, program ini %d)"),
				 path, in->schema, siks_schema_version());
	}
	text_col(d, "SELECT value FROM setting WHERE key='site.id'", in->site_id, sizeof in->site_id);
	text_col(d, "SELECT value FROM setting WHERE key='site.kode'", in->site_kode, sizeof in->site_kode);
	text_col(d, "SELECT value FROM setting WHERE key='site.nama'", in->site_nama, sizeof in->site_nama);
	in->households = int_col(d, "SELECT count(*) FROM household");
	in->members = int_col(d, "SELECT count(*) FROM member");
	sqlite3_close(d);
	if (s && s->site_id[0] && strcmp(s->site_id, in->site_id) != 0)
		return siks_fail(e, SIKS_EFORMAT, "",
				 _("Cadangan %s milik situs lain (%s %s), bukan basis data ini (%s %s)"),
				 path, in->site_kode[0] ? in->site_kode : "-", in->site_nama,
				 s->site_kode, s->site_nama);
	return 0;
}

static void reload_site(siks *s)
{
	char role[8] = "", prac[4] = "";
	s->site_id[0] = s->site_kode[0] = s->site_nama[0] = '\0';
	siks_setting_get(s, "site.id", s->site_id, sizeof s->site_id);
	siks_setting_get(s, "site.kode", s->site_kode, sizeof s->site_kode);
	siks_setting_get(s, "site.nama", s->site_nama, sizeof s->site_nama);
	siks_setting_get(s, "site.role", role, sizeof role);
	siks_setting_get(s, "site.practice", prac, sizeof prac);
	s->site_role = atoi(role);
	s->practice = atoi(prac);
	/* the clock never runs back, or sync would reuse stamps already sent */
	rec_clock_load(s);
}

int backup_restore(siks *s, const char *path, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_RESTORE, e) != 0)
		return SIKS_EPERM;
	if (s->tx_depth > 0)
		return siks_fail(e, SIKS_EINVAL, "", "restore inside a transaction");
	backup_info in;
	if (backup_check_file(s, path, &in, e) != 0)
		return e ? e->code : SIKS_EFORMAT;
	if (backup_before(s, "pemulihan", e) != 0)
		return e ? e->code : SIKS_EIO;
	sqlite3 *src = NULL;
	int rc = sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK) {
		/* one write transaction on the register: all pages or none */
		sqlite3_backup *b = sqlite3_backup_init(s->db, "main", src, "main");
		if (!b) {
			rc = sqlite3_errcode(s->db);
		} else {
			do {
				rc = sqlite3_backup_step(b, -1);
				if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
					sqlite3_sleep(50);
			} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
			int fin = sqlite3_backup_finish(b);
			rc = rc == SQLITE_DONE ? fin : rc;
		}
	}
	sqlite3_close(src);
	if (rc != SQLITE_OK)
		return siks_fail(e, SIKS_EDB, "", _("Pemulihan dari %s gagal; basis data tidak diubah: %s"),
				 path, sqlite3_errstr(rc));
	if (db_exec(s, "PRAGMA journal_mode=WAL", e) != 0 || db_migrate(s, e) != 0)
		return e ? e->code : SIKS_EDB;
	reload_site(s);
	char what[1200];
	snprintf(what, sizeof what, _("dipulihkan dari %s (%s)"), path, in.when);
	return audit_note(s, "restore", s->site_id[0] ? s->site_id : "local", "*", NULL, what, e);
}

static int move_aside(const char *from, const char *to, siks_err *e)
{
	if (!plat_file_exists(from))
		return 0;
	return plat_rename(from, to, e);
}

int backup_restore_damaged(const char *dbpath, const char *backup, char *aside, size_t n,
			   siks_err *e)
{
	backup_info in;
	if (backup_check_file(NULL, backup, &in, e) != 0)
		return e ? e->code : SIKS_EFORMAT;
	char st[16], side[1100], a[1200], b[1200], tmp[1100];
	stamp(st);
	snprintf(side, sizeof side, "%s.rusak-%s", dbpath, st);
	/* -wal and -shm belong to the damaged file: a fresh file beside an old
	 * WAL would be damaged again at once */
	const char *sfx[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++) {
		snprintf(a, sizeof a, "%s%s", dbpath, sfx[i]);
		snprintf(b, sizeof b, "%s%s", side, sfx[i]);
		if (move_aside(a, b, e) != 0)
			return SIKS_EIO;
	}
	if (aside)
		snprintf(aside, n, "%s", side);
	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", dbpath, plat_pid());
	sqlite3 *src = NULL, *dst = NULL;
	int rc = sqlite3_open_v2(backup, &src, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_backup *bk = sqlite3_backup_init(dst, "main", src, "main");
		rc = bk ? sqlite3_backup_step(bk, -1) : sqlite3_errcode(dst);
		int fin = bk ? sqlite3_backup_finish(bk) : rc;
		rc = rc == SQLITE_DONE ? fin : rc;
	}
	sqlite3_close(src);
	sqlite3_close(dst);
	if (rc == SQLITE_OK && plat_fsync_file(tmp) != 0)
		rc = SQLITE_IOERR;
	if (rc != SQLITE_OK || plat_rename(tmp, dbpath, NULL) != 0) {
		remove_tmp(tmp);
		return siks_fail(e, SIKS_EIO, "", _("Cadangan %s tidak dapat dipasang: %s. Berkas rusak disimpan sebagai %s"),
				 backup, sqlite3_errstr(rc), side);
	}
	return 0;
}

/* ---- listing ------------------------------------------------------------ */

static int cmp_when_desc(const void *a, const void *b)
{
	const backup_info *x = a, *y = b;
	int c = strcmp(y->when, x->when);
	return c ? c : strcmp(y->path, x->path);
}

int backup_list(const char *dbpath, backup_info **out, size_t *n, siks_err *e)
{
	*out = NULL;
	*n = 0;
	char dir[1024], stem[256], prefix[300];
	backup_dir_of(dbpath, dir, sizeof dir);
	stem_of(dbpath, stem, sizeof stem);
	snprintf(prefix, sizeof prefix, "%s-", stem);
	struct names l = { NULL, 0, 0, prefix, strlen(prefix) };
	if (plat_dir_each(dir, collect, &l) != 0) {
		free(l.v);
		return 0; /* no folder: no backups yet */
	}
	backup_info *v = calloc(l.n ? l.n : 1, sizeof *v);
	if (!v) {
		free(l.v);
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	}
	size_t k = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (!ends_with(l.v[i], ".db"))
			continue;
		snprintf(v[k].path, sizeof v[k].path, "%.700s/%.255s", dir, l.v[i]);
		fill_when(v[k].path, &v[k]);
		k++;
	}
	free(l.v);
	qsort(v, k, sizeof *v, cmp_when_desc);
	*out = v;
	*n = k;
	return 0;
}

int backup_newest_good(const char *dbpath, char *out, size_t n, siks_err *e)
{
	backup_info *v;
	size_t k;
	if (backup_list(dbpath, &v, &k, e) != 0)
		return e ? e->code : SIKS_ENOMEM;
	int found = 0;
	for (size_t i = 0; i < k && !found; i++) {
		sqlite3 *d = NULL;
		if (sqlite3_open_v2(v[i].path, &d, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
		    safety_check_db(d, 0, NULL, 0) == 0) {
			snprintf(out, n, "%s", v[i].path);
			found = 1;
		}
		sqlite3_close(d);
	}
	free(v);
	if (!found)
		return siks_fail(e, SIKS_ENOTFOUND, "", _("Tidak ada cadangan yang baik untuk %s"), dbpath);
	return 0;
}
