/* latihan.c — the practice database: building it from the demo village,
 * restoring it from its pristine copy, the session (who, since when) and
 * progress over the exercises. See latihan.h.
 *
 * Files are copied with SQLite's online backup API rather than byte by byte:
 * it copies a consistent snapshot, replays or discards the destination's own
 * WAL correctly, and writes the destination in one transaction, so a power
 * cut during a reset leaves the old practice file or the new one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/latihan.h"
#include "siks/platform.h"
#include "latihan_int.h"

/* ---- files -------------------------------------------------------------- */

void latihan_pristine_path(const char *path, char *out, size_t n)
{
	size_t l = strlen(path);
	if (l > 3 && strcmp(path + l - 3, ".db") == 0)
		snprintf(out, n, "%.*s-awal.db", (int)(l - 3), path);
	else
		snprintf(out, n, "%s-awal", path);
}

int latihan_file_is_practice(const char *path)
{
	if (!plat_file_exists(path))
		return -1;
	sqlite3 *db = NULL;
	int yes = 0;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *st = NULL;
		sqlite3_busy_timeout(db, 2000);
		if (sqlite3_prepare_v2(db, "SELECT value FROM setting WHERE key='site.practice'", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW) {
			const char *v = (const char *)sqlite3_column_text(st, 0);
			yes = v && strcmp(v, "1") == 0;
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return yes;
}

int latihan_copy_db(const char *src, const char *dst, siks_err *e)
{
	sqlite3 *a = NULL, *b = NULL;
	int rc = SIKS_OK;
	if (sqlite3_open_v2(src, &a, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		rc = siks_fail(e, SIKS_EIO, "", _("Salinan awal %s tidak dapat dibuka: %s"), src, sqlite3_errmsg(a));
		goto out;
	}
	if (sqlite3_open_v2(dst, &b, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		rc = siks_fail(e, SIKS_EIO, "", _("Basis data latihan %s tidak dapat dibuka: %s"), dst, sqlite3_errmsg(b));
		goto out;
	}
	sqlite3_busy_timeout(a, 2000);
	sqlite3_busy_timeout(b, 2000);
	sqlite3_backup *bk = sqlite3_backup_init(b, "main", a, "main");
	if (!bk) {
		rc = siks_fail(e, SIKS_EDB, "", _("Salin basis data gagal: %s"), sqlite3_errmsg(b));
		goto out;
	}
	int st = sqlite3_backup_step(bk, -1);
	sqlite3_backup_finish(bk);
	if (st != SQLITE_DONE)
		rc = siks_fail(e, st == SQLITE_BUSY || st == SQLITE_LOCKED ? SIKS_ECONFLICT : SIKS_EDB, "",
			       _("Salin basis data gagal (%s); tutup dulu siksdesa yang memakai %s"),
			       sqlite3_errstr(st), dst);
out:
	sqlite3_close(a);
	sqlite3_close(b);
	return rc;
}

static int refuse_real(const char *path, siks_err *e)
{
	return siks_fail(e, SIKS_EPERM, "",
			 _("%s bukan basis data latihan; mode latihan tidak pernah menimpa basis data sungguhan. "
			   "Pakai berkas lain, misalnya --db latihan.db"), path);
}

/* Holds the session lock of path (safety.h) for the time of a copy, so a
 * reset never pulls the file from under a running program. */
static plat_lock *take_lock(const char *path, siks_err *e)
{
	char lk[1100], note[300], holder[400] = "", host[128], ts[20];
	snprintf(lk, sizeof lk, "%s.lock", path);
	plat_host_name(host, sizeof host);
	plat_timestamp(ts);
	snprintf(note, sizeof note, "latihan reset\t%ld\t%s\t%s\n", plat_pid(), host, ts);
	siks_err le = { 0 };
	plat_lock *l = plat_lock_take(lk, note, holder, sizeof holder, &le);
	if (!l && le.code == SIKS_ECONFLICT) {
		for (char *p = holder; *p; p++)
			if (*p == '\t' || *p == '\n')
				*p = ' ';
		siks_fail(e, SIKS_ECONFLICT, "",
			  _("Basis data latihan %s sedang dibuka oleh program lain (%s). Tutup siksdesa dulu, lalu ulangi."),
			  path, holder);
	}
	return l;
}

int latihan_reset(const char *path, siks_err *e)
{
	char awal[1100];
	latihan_pristine_path(path, awal, sizeof awal);
	int p = latihan_file_is_practice(path);
	if (p == 0)
		return refuse_real(path, e);
	int q = latihan_file_is_practice(awal);
	if (q < 0)
		return siks_fail(e, SIKS_ENOTFOUND, "",
				 _("Salinan awal %s tidak ada; hapus %s lalu buat ulang dengan: siksdesa latihan"), awal, path);
	if (q == 0)
		return refuse_real(awal, e);
	siks_err le = { 0 };
	plat_lock *l = take_lock(path, &le);
	if (!l && le.code == SIKS_ECONFLICT) {
		if (e)
			*e = le;
		return SIKS_ECONFLICT;
	}
	/* no lock file possible (read-only folder): the copy itself will say */
	int rc = latihan_copy_db(awal, path, e);
	plat_lock_release(l);
	return rc;
}

/* ---- sync --------------------------------------------------------------- */

int latihan_refuse_sync(siks *s, siks_err *e)
{
	if (!s->practice)
		return 0;
	return siks_fail(e, SIKS_EPERM, "",
			 _("Ini basis data LATIHAN: tidak dapat mengirim atau menerima paket sinkronisasi. "
			   "Data latihan tidak boleh tercampur dengan data sungguhan."));
}

int latihan_refuse_import(siks *s, const char *path, char *const *header, size_t n, siks_err *e)
{
	if (s->practice)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (header[i] && strcasecmp(header[i], LATIHAN_MARK_COL) == 0)
			return siks_fail(e, SIKS_EPERM, "",
					 _("%s diekspor dari basis data LATIHAN; data latihan tidak dapat diimpor ke "
					   "basis data sungguhan."), path);
	return 0;
}

/* ---- session and progress ----------------------------------------------- */

static int need_practice(siks *s, siks_err *e)
{
	if (s->practice)
		return 0;
	return siks_fail(e, SIKS_EPERM, "", _("%s bukan basis data latihan"), s->path);
}

int latihan_start(siks *s, siks_err *e)
{
	if (need_practice(s, e))
		return SIKS_EPERM;
	char v[32];
	if (siks_setting_get(s, "latihan.mulai", v, sizeof v) == 0 && v[0])
		return 0;
	char now[20];
	plat_timestamp(now);
	return siks_setting_set(s, "latihan.mulai", now, e);
}

int latihan_set_name(siks *s, const char *nama, siks_err *e)
{
	if (need_practice(s, e))
		return SIKS_EPERM;
	if (!nama || !*nama || strlen(nama) > 60)
		return siks_fail(e, SIKS_EINVAL, "nama", _("Nama peserta: 1 sampai 60 huruf"));
	return siks_setting_set(s, "latihan.nama", nama, e);
}

void latihan_name(siks *s, char *out, size_t n)
{
	if (siks_setting_get(s, "latihan.nama", out, n) != 0 || !out[0])
		snprintf(out, n, "%s", "");
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static long days_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Minutes since the epoch of "YYYY-MM-DD HH:MM:SS"; -1 when malformed. */
static long ts_minutes(const char *t)
{
	int y, mo, d, h, mi, sec;
	if (!t || sscanf(t, "%4d-%2d-%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) != 6)
		return -1;
	return days_civil(y, mo, d) * 1440 + h * 60 + mi;
}

int latihan_progress(siks *s, const latihan_set *set, latihan_state *st, siks_err *e)
{
	if (need_practice(s, e))
		return -1;
	char mulai[32] = "";
	siks_setting_get(s, "latihan.mulai", mulai, sizeof mulai);
	int ndone = 0;
	for (int i = 0; i < set->n; i++) {
		const latihan_ex *x = &set->v[i];
		latihan_state *t = &st[i];
		memset(t, 0, sizeof *t);
		t->minutes = -1;
		if (latihan_check(s, x, &t->done, e) != 0)
			return -1;
		char key[80];
		snprintf(key, sizeof key, "latihan.selesai.%s", x->id);
		if (siks_setting_get(s, key, t->when, sizeof t->when) != 0)
			t->when[0] = '\0';
		if (t->done && !t->when[0]) {
			plat_timestamp(t->when);
			if (siks_setting_set(s, key, t->when, e) != 0)
				return -1;
		}
		if (!t->done)
			t->when[0] = '\0';
		long a = ts_minutes(mulai), b = ts_minutes(t->when);
		if (t->done && a >= 0 && b >= a)
			t->minutes = b - a;
		ndone += t->done;
	}
	return ndone;
}
