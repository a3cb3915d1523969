/* siks.c — opening the register, the site it belongs to, settings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/auth.h"
#include "siks/codes.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "siks/safety.h"
#include "siks/siks.h"

#ifndef SIKS_VERSION
#define SIKS_VERSION "0.1.0"
#endif

const char *siks_version(void)
{
	return SIKS_VERSION;
}

/* Level of a kode wilayah by its shape: 35 / 35.28 / 35.28.01 / 35.28.01.2001
 * (1..4), 0 when malformed. wilayah.c owns the region list itself. */
static int kode_shape(const char *k)
{
	static const int part[] = { 2, 2, 2, 4 };
	int level = 0;
	for (;;) {
		if (level == 4)
			return 0;
		for (int i = 0; i < part[level]; i++)
			if (k[i] < '0' || k[i] > '9')
				return 0;
		k += part[level++];
		if (*k == '\0')
			return level;
		if (*k++ != '.')
			return 0;
	}
}

static int load_site(siks *s)
{
	char role[8] = "", prac[4] = "";
	siks_setting_get(s, "site.id", s->site_id, sizeof s->site_id);
	siks_setting_get(s, "site.kode", s->site_kode, sizeof s->site_kode);
	siks_setting_get(s, "site.nama", s->site_nama, sizeof s->site_nama);
	siks_setting_get(s, "site.role", role, sizeof role);
	siks_setting_get(s, "site.practice", prac, sizeof prac);
	s->site_role = atoi(role);
	s->practice = atoi(prac);
	return 0;
}

int siks_open(siks **out, const char *path, int flags, siks_err *e)
{
	*out = NULL;
	if (!(flags & SIKS_OPEN_NO_FSCHECK)) {
		char fstype[32] = "";
		if (plat_is_network_fs(path, fstype, sizeof fstype) == 1)
			return siks_fail(e, SIKS_EPERM, "",
				_("Basis data %s berada di folder jaringan (%s). Simpan basis data di disk komputer ini; "
				  "folder bersama hanya untuk paket kirim/terima."), path, fstype);
	}
	if (!(flags & SIKS_OPEN_CREATE) && !plat_file_exists(path))
		return siks_fail(e, SIKS_ENOTFOUND, "", _("Basis data %s tidak ada. Buat dengan: siksdesa init --desa KODE"), path);

	siks *s = calloc(1, sizeof *s);
	if (s)
		s->hlc_saved = -1; /* no clock to keep until the file is open (rec_clock_load) */
	if (!s)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	snprintf(s->path, sizeof s->path, "%s", path);
	if (plat_data_dir(s->datadir, sizeof s->datadir) != 0) {
		free(s);
		return siks_fail(e, SIKS_ENOTFOUND, "", _("Folder data siksdesa tidak ditemukan (atur SIKSDESA_DATA)"));
	}
	int oflags = (flags & SIKS_OPEN_READONLY) ? SQLITE_OPEN_READONLY
		     : SQLITE_OPEN_READWRITE | ((flags & SIKS_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		siks_fail(e, SIKS_EDB, "", _("Basis data %s tidak dapat dibuka: %s"), path,
			  s->db ? sqlite3_errmsg(s->db) : "?");
		siks_close(s);
		return SIKS_EDB;
	}
	sqlite3_busy_timeout(s->db, 5000);
	/* safety.h: one program at a time on a file; a damaged file is named, not used */
	if ((!(flags & SIKS_OPEN_READONLY) && safety_session_take(s, e) != 0) ||
	    safety_check_open(s, e) != 0) {
		siks_close(s);
		return e ? e->code : SIKS_EFORMAT;
	}
	/* WAL: readers never block the writer; synchronous=FULL: a transaction
	 * the program reported as saved survives a power cut. */
	if (db_exec(s, "PRAGMA foreign_keys=ON", e) != 0 ||
	    (!(flags & SIKS_OPEN_READONLY) &&
	     (db_exec(s, "PRAGMA journal_mode=WAL", e) != 0 ||
	      /* statement journals in memory: no temp files for each trigger step */
	      db_exec(s, "PRAGMA temp_store=MEMORY", e) != 0 ||
	      db_exec(s, "PRAGMA synchronous=FULL", e) != 0 ||
	      safety_before_migrate(s, e) != 0 || db_migrate(s, e) != 0))) {
		siks_close(s);
		return e ? e->code : SIKS_EDB;
	}
	if ((int)db_int(s, "PRAGMA user_version", 0) != siks_schema_version()) {
		siks_fail(e, SIKS_EFORMAT, "", _("Skema basis data %s tidak sesuai versi program"), path);
		siks_close(s);
		return SIKS_EFORMAT;
	}
	/* search rows noted by a writer that committed without db_commit */
	s->search_queue = 1;
	if (!(flags & SIKS_OPEN_READONLY) &&
	    (db_begin(s, e) != 0 || db_commit(s, e) != 0)) {
		siks_close(s);
		return e ? e->code : SIKS_EDB;
	}
	if (codes_load(&s->codes, s->datadir, e) != 0) {
		siks_close(s);
		return e ? e->code : SIKS_EIO;
	}
	load_site(s);
	rec_clock_load(s);
	snprintf(s->operator_name, sizeof s->operator_name, "sistem");
	*out = s;
	return 0;
}

void siks_close(siks *s)
{
	if (!s)
		return;
	db_cache_free(s);
	if (s->db) {
		/* a clean close leaves no -wal file beside the database */
		sqlite3_close(s->db);
	}
	safety_session_release(s);
	codes_free(s->codes);
	free(s);
}

void siks_set_operator(siks *s, const char *id, const char *name, int role)
{
	snprintf(s->operator_id, sizeof s->operator_id, "%s", id ? id : "");
	snprintf(s->operator_name, sizeof s->operator_name, "%s", name ? name : "");
	s->operator_role = role;
}

int siks_setting_get(siks *s, const char *key, char *out, size_t n)
{
	sqlite3_stmt *st = db_stmt(s, "SELECT value FROM setting WHERE key=?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	int rc = -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		snprintf(out, n, "%s", v ? v : "");
		rc = 0;
	}
	sqlite3_reset(st);
	return rc;
}

int siks_setting_set(siks *s, const char *key, const char *value, siks_err *e)
{
	sqlite3_stmt *st = db_stmt(s, "INSERT INTO setting(key,value) VALUES(?,?) "
				      "ON CONFLICT(key) DO UPDATE SET value=excluded.value", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	db_bind_text_or_null(st, 2, value);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "setting");
	sqlite3_reset(st);
	return rc;
}

int siks_site_init(siks *s, int role, const char *kode, const char *nama, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_SETTINGS, e) != 0)
		return SIKS_EPERM;
	if (s->site_role != SIKS_SITE_NONE)
		return siks_fail(e, SIKS_EINVAL, "kode",
				 _("Basis data ini sudah disiapkan untuk %s %s"), s->site_kode, s->site_nama);
	int want = role == SIKS_SITE_DESA ? 4 : 2;
	if (kode_shape(kode) != want)
		return siks_fail(e, SIKS_EINVAL, "kode",
				 role == SIKS_SITE_DESA
				 ? _("Kode desa: harus berbentuk 35.28.01.2001 (provinsi.kabupaten.kecamatan.desa), tertulis %s")
				 : _("Kode kabupaten: harus berbentuk 35.28 (provinsi.kabupaten), tertulis %s"), kode);
	char id[33], rolestr[4], name[128] = "";
	siks_id_new(id);
	snprintf(rolestr, sizeof rolestr, "%d", role);
	if (nama)
		snprintf(name, sizeof name, "%s", nama);
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	if (siks_setting_set(s, "site.id", id, e) || siks_setting_set(s, "site.kode", kode, e) ||
	    siks_setting_set(s, "site.nama", name, e) || siks_setting_set(s, "site.role", rolestr, e)) {
		db_rollback(s);
		return SIKS_EDB;
	}
	if (db_commit(s, e) != 0)
		return SIKS_EDB;
	return load_site(s);
}
