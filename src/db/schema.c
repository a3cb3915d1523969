/* schema.c — the schema, as forward migrations. Version N is the text at
 * index N-1; PRAGMA user_version says which ones a file has. Each migration
 * runs in one transaction: a failed one leaves the file as it was.
 * Append new versions at the end; never edit a released one. */
#include <stdio.h>
#include "siks/db.h"
#include "siks/i18n.h"

static const char *const migrations[] = {
/* 1: the register */
"CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT);\n"
"CREATE TABLE wilayah(kode TEXT PRIMARY KEY, nama TEXT NOT NULL, level INTEGER NOT NULL) WITHOUT ROWID;\n"
"CREATE TABLE household(\n"
"  id TEXT PRIMARY KEY, desa TEXT, dusun TEXT, rt INTEGER, rw INTEGER, alamat TEXT,\n"
"  luas_lantai REAL, lantai INTEGER, dinding INTEGER, atap INTEGER, air_minum INTEGER,\n"
"  penerangan INTEGER, bahan_bakar INTEGER, fasilitas_bab INTEGER,\n"
"  aset_gas INTEGER, aset_kulkas INTEGER, aset_motor INTEGER, aset_lahan INTEGER,\n"
"  aset_ternak INTEGER, iddtks TEXT, desil INTEGER);\n"
"CREATE TABLE member(\n"
"  id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES household(id),\n"
"  nik TEXT, no_kk TEXT, nama TEXT, jenis_kelamin INTEGER, tempat_lahir TEXT,\n"
"  tanggal_lahir TEXT, shdk INTEGER, status_kawin INTEGER, agama INTEGER,\n"
"  pendidikan INTEGER, pekerjaan INTEGER, disabilitas INTEGER, hamil INTEGER,\n"
"  keberadaan INTEGER, nama_ibu TEXT);\n"
"CREATE INDEX member_household ON member(household_id);\n"
"CREATE INDEX member_nik ON member(nik);\n"
"CREATE INDEX member_kk ON member(no_kk);\n"
"CREATE TABLE indicator_answer(\n"
"  id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES household(id),\n"
"  set_name TEXT NOT NULL, set_version INTEGER NOT NULL, criterion INTEGER NOT NULL,\n"
"  answer INTEGER);\n"
"CREATE INDEX indicator_answer_hh ON indicator_answer(household_id, set_name, criterion);\n"
"CREATE TABLE indicator_score(\n"
"  id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES household(id),\n"
"  set_name TEXT NOT NULL, set_version INTEGER NOT NULL, met INTEGER, total INTEGER,\n"
"  threshold INTEGER, kelas TEXT, computed TEXT, answered TEXT, detail TEXT, scored_at TEXT);\n"
"CREATE INDEX indicator_score_hh ON indicator_score(household_id, set_name, scored_at);\n"
"CREATE TABLE program(\n"
"  id TEXT PRIMARY KEY, household_id TEXT REFERENCES household(id),\n"
"  member_id TEXT REFERENCES member(id), program INTEGER, aktif INTEGER, sejak TEXT,\n"
"  sumber TEXT);\n"
"CREATE INDEX program_hh ON program(household_id);\n"
"CREATE TABLE musdes(\n"
"  id TEXT PRIMARY KEY, desa TEXT, tanggal TEXT, tempat TEXT, nomor_ba TEXT,\n"
"  jumlah_hadir INTEGER, pimpinan TEXT, catatan TEXT);\n"
"CREATE TABLE usulan(\n"
"  id TEXT PRIMARY KEY, household_id TEXT REFERENCES household(id),\n"
"  member_id TEXT REFERENCES member(id), jenis INTEGER, alasan INTEGER,\n"
"  keterangan TEXT, status INTEGER, musdes_id TEXT REFERENCES musdes(id),\n"
"  tanggal TEXT, alasan_dinas TEXT);\n"
"CREATE INDEX usulan_hh ON usulan(household_id);\n"
"CREATE INDEX usulan_status ON usulan(status);\n"
/* The audit trail: append-only, refused in SQL too. */
"CREATE TABLE audit(\n"
"  id INTEGER PRIMARY KEY, ts TEXT NOT NULL, operator TEXT, origin TEXT,\n"
"  tbl TEXT NOT NULL, rec TEXT NOT NULL, field TEXT NOT NULL, old TEXT, new TEXT);\n"
"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\n"
"  BEGIN SELECT RAISE(ABORT, 'jejak audit tidak boleh diubah'); END;\n"
"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\n"
"  BEGIN SELECT RAISE(ABORT, 'jejak audit tidak boleh dihapus'); END;\n"
/* What sync reads: one row per written field (\"*\" for a new record). */
"CREATE TABLE change(\n"
"  seq INTEGER PRIMARY KEY, hlc INTEGER NOT NULL, origin TEXT NOT NULL,\n"
"  tbl TEXT NOT NULL, rec TEXT NOT NULL, field TEXT NOT NULL, value TEXT, operator TEXT);\n",

/* 2: household notes; name look-ups for the list and search */
"ALTER TABLE household ADD COLUMN catatan TEXT;\n"
"CREATE INDEX member_nama ON member(nama COLLATE NOCASE);\n"
"CREATE INDEX change_rec ON change(tbl, rec);\n",

/* 3: operator accounts (local to this site, never synced); the change
 * history of one record or household reads the audit trail by record */
"CREATE TABLE operator(\n"
"  id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, role INTEGER NOT NULL,\n"
"  pin_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, failed INTEGER NOT NULL DEFAULT 0,\n"
"  locked_until INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL, last_login TEXT);\n"
"CREATE INDEX audit_rec ON audit(rec);\n",

/* 4: sync (src/sync/): enrolled peers and their keys, packages sent and
 * received, which village each record belongs to (district), conflicts. */
"CREATE TABLE sync_peer(\n"
"  kode TEXT PRIMARY KEY, site_id TEXT, nama TEXT, role INTEGER NOT NULL, key BLOB NOT NULL,\n"
"  enrolled_at TEXT NOT NULL, next_out INTEGER NOT NULL DEFAULT 1,\n"
"  acked_change INTEGER NOT NULL DEFAULT 0, acked_pkg INTEGER NOT NULL DEFAULT 0,\n"
"  in_max_seq INTEGER NOT NULL DEFAULT 0, their_change INTEGER NOT NULL DEFAULT 0);\n"
"CREATE TABLE sync_pkg(\n"
"  dir TEXT NOT NULL, peer TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL,\n"
"  created_ms INTEGER, nchanges INTEGER, applied INTEGER, conflicts INTEGER, file TEXT,\n"
"  PRIMARY KEY(dir, peer, seq)) WITHOUT ROWID;\n"
"CREATE TABLE sync_home(rec TEXT PRIMARY KEY, peer TEXT NOT NULL) WITHOUT ROWID;\n"
"CREATE INDEX sync_home_peer ON sync_home(peer);\n"
"CREATE TABLE sync_conflict(\n"
"  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, tbl TEXT NOT NULL, rec TEXT NOT NULL,\n"
"  field TEXT NOT NULL, win_value TEXT, win_hlc INTEGER, win_origin TEXT, win_op TEXT,\n"
"  lose_value TEXT, lose_hlc INTEGER, lose_origin TEXT, lose_op TEXT, found_at TEXT,\n"
"  status TEXT NOT NULL DEFAULT 'terbuka', resolved_by TEXT, resolved_at TEXT);\n"
"CREATE INDEX sync_conflict_rec ON sync_conflict(rec, field);\n",
};

int db_migration_count(void)
{
	return (int)(sizeof migrations / sizeof *migrations);
}

const char *db_migration_sql(int version)
{
	if (version < 1 || version > db_migration_count())
		return NULL;
	return migrations[version - 1];
}

int siks_schema_version(void)
{
	return db_migration_count();
}

int db_migrate(siks *s, siks_err *e)
{
	int have = (int)db_int(s, "PRAGMA user_version", 0);
	if (have > db_migration_count())
		return siks_fail(e, SIKS_EFORMAT, "",
				 _("Basis data ini dibuat oleh versi siksdesa yang lebih baru (skema %d, program ini %d). Perbarui program."),
				 have, db_migration_count());
	for (int v = have + 1; v <= db_migration_count(); v++) {
		char pragma[48];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v);
		if (db_begin(s, e) != 0)
			return SIKS_EDB;
		if (db_exec(s, migrations[v - 1], e) != 0 || db_exec(s, pragma, e) != 0) {
			char why[sizeof e->msg];
			snprintf(why, sizeof why, "%s", e ? e->msg : "");
			db_rollback(s);
			return siks_fail(e, SIKS_EDB, "", _("Pembaruan skema ke versi %d gagal; berkas tidak diubah. %s"), v, why);
		}
		if (db_commit(s, e) != 0)
			return SIKS_EDB;
	}
	return 0;
}
