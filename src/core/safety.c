/* safety.c — start-up integrity check, the one-program-at-a-time lock and
 * the backup before a migration (safety.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/backup.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/safety.h"

int safety_check_db(sqlite3 *db, int full, char *why, size_t n)
{
	sqlite3_stmt *st = NULL;
	const char *sql = full ? "PRAGMA integrity_check(5)" : "PRAGMA quick_check(5)";
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		if (why && n)
			snprintf(why, n, "%s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	int ok = 0, rows = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		if (rows++ == 0) {
			ok = v && strcmp(v, "ok") == 0;
			if (!ok && why && n) {
				/* one line for a message: SQLite's report spans several */
				const char *t = v ? v : "?";
				if (strncmp(t, "*** ", 4) == 0 && strchr(t, '\n'))
					t = strchr(t, '\n') + 1;
				snprintf(why, n, "%.120s", t);
				for (char *p = why; *p; p++)
					if (*p == '\n')
						*p = ';';
			}
		}
	}
	if (rc != SQLITE_DONE) {
		ok = 0;
		if (why && n)
			snprintf(why, n, "%s", sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	return ok ? 0 : -1;
}

int safety_check_open(siks *s, siks_err *e)
{
	char why[256] = "";
	const char *env = getenv("SIKSDESA_CHECK_BYTES");
	long long limit = env && *env ? atoll(env) : SAFETY_CHECK_BYTES;
	if (!s->unclean_start && plat_file_size(s->path) > limit)
		return 0;
	if (safety_check_db(s->db, 0, why, sizeof why) == 0)
		return 0;
	/* field "integrity": front ends tell a damaged file from other refusals */
	return siks_fail(e, SIKS_EFORMAT, "integrity",
			 _("Basis data %s rusak (%s). Kemungkinan karena listrik padam atau disk bermasalah. "
			   "Jangan dipakai lagi; pulihkan dari cadangan terbaru yang baik."),
			 s->path, why);
}

/* The lock note: one line, fields separated by tabs. */
static void note_of(siks *s, char *out, size_t n)
{
	char host[128], ts[20];
	plat_host_name(host, sizeof host);
	plat_timestamp(ts);
	snprintf(out, n, "%s\t%ld\t%s\t%s\n", s->operator_name[0] ? s->operator_name : "-",
		 plat_pid(), host, ts);
}

int safety_session_take(siks *s, siks_err *e)
{
	char path[1100], note[400], holder[400];
	snprintf(path, sizeof path, "%s.lock", s->path);
	note_of(s, note, sizeof note);
	/* a clean close empties the lock note and removes the -wal file: finding
	 * either means the last program stopped without closing */
	char wal[1100];
	snprintf(wal, sizeof wal, "%s-wal", s->path);
	s->unclean_start = plat_file_size(path) > 0 || plat_file_size(wal) > 0;
	siks_err le = { 0 };
	s->session = plat_lock_take(path, note, holder, sizeof holder, &le);
	if (s->session)
		return 0;
	if (le.code != SIKS_ECONFLICT) {
		/* a folder where no lock file can be made: go on without (read-only media) */
		return 0;
	}
	char who[64] = "-", host[128] = "?", since[32] = "?";
	long pid = 0;
	char *f[4] = { 0 };
	int k = 0;
	for (char *p = holder, *save = NULL, *t; k < 4 && (t = strtok_r(p, "\t\n", &save)); p = NULL)
		f[k++] = t;
	if (k == 4) {
		snprintf(who, sizeof who, "%s", f[0]);
		pid = atol(f[1]);
		snprintf(host, sizeof host, "%s", f[2]);
		snprintf(since, sizeof since, "%s", f[3]);
	}
	return siks_fail(e, SIKS_ECONFLICT, "",
			 _("Basis data %s sedang dibuka oleh program lain: operator %s, program nomor %ld "
			   "di komputer %s, sejak %s. Tutup program itu dulu; dua program sekaligus pada "
			   "satu basis data tidak diizinkan."),
			 s->path, strcmp(who, "-") == 0 ? _("(belum masuk)") : who, pid, host, since);
}

void safety_session_note(siks *s)
{
	if (!s->session)
		return;
	char note[400];
	note_of(s, note, sizeof note);
	plat_lock_note(s->session, note);
}

void safety_session_release(siks *s)
{
	plat_lock_release(s->session);
	s->session = NULL;
}

int safety_before_migrate(siks *s, siks_err *e)
{
	int have = (int)db_int(s, "PRAGMA user_version", 0);
	if (have <= 0 || have >= siks_schema_version())
		return 0;
	return backup_before(s, "migrasi", e);
}
