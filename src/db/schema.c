/* schema.c — the schema, as forward migrations. Version N is the text at
 * index N-1; PRAGMA user_version says which ones a file has. Each migration
 * runs in one transaction: a failed one leaves the file as it was.
 * Append new versions at the end; never edit a released one. */
#include <stdio.h>
#include "siks/db.h"
#include "siks/i18n.h"

/* Refresh of one household's row in the household list (migration 5). */
#define HHL_HOUSE(X) \
"UPDATE hhlist SET (dusun, alamat, rt, rw) = (SELECT dusun, alamat, rt, rw FROM household WHERE id = " X ")" \
" WHERE household_id = " X ";\n"
#define HHL_MEMBERS(X) \
"UPDATE hhlist SET head = coalesce((SELECT nama FROM member m WHERE m.household_id = " X \
"   ORDER BY (m.shdk = 1 AND coalesce(m.keberadaan, 1) IN (1, 5)) DESC, m.shdk = 1 DESC, m.shdk, m.nama LIMIT 1), ''),\n" \
"  no_kk = (SELECT no_kk FROM member m WHERE m.household_id = " X " ORDER BY m.shdk = 1 DESC, m.shdk LIMIT 1),\n" \
"  present = (SELECT count(*) FROM member m WHERE m.household_id = " X " AND coalesce(m.keberadaan, 1) IN (1, 5)),\n" \
"  members = (SELECT count(*) FROM member m WHERE m.household_id = " X ")\n" \
" WHERE household_id = " X ";\n"
#define HHL_SCORE(X) \
"UPDATE hhlist SET (score, total, poor) = (SELECT met, total, met >= threshold FROM indicator_score s" \
" WHERE s.household_id = " X " ORDER BY s.scored_at DESC, s.rowid DESC LIMIT 1) WHERE household_id = " X ";\n"
#define HHL_USULAN(X) \
"UPDATE hhlist SET usulan_status = coalesce((SELECT status FROM usulan u WHERE u.household_id = " X \
" AND u.status IN (1, 2, 4) ORDER BY u.tanggal DESC, u.rowid DESC LIMIT 1), 0) WHERE household_id = " X ";\n"
#define HHL_FTS_BODY(X) \
"coalesce(h.alamat, '') || ' ' || coalesce(h.dusun, '') || ' ' || coalesce((SELECT group_concat(" \
"coalesce(m.nama, '') || ' ' || coalesce(m.nik, '') || ' ' || coalesce(m.no_kk, ''), ' ')" \
" FROM member m WHERE m.household_id = " X "), '')"
#define HHL_FTS(X) \
"DELETE FROM hh_fts WHERE rowid = (SELECT n FROM hhlist WHERE household_id = " X ");\n" \
"INSERT INTO hh_fts(rowid, body) SELECT l.n, " HHL_FTS_BODY("l.household_id") \
" FROM hhlist l JOIN household h ON h.id = l.household_id WHERE l.household_id = " X ";\n"

/* Version 6 indexes one search row per member (rowid = the member's rowid)
 * and one per household address (rowid = -hhlist.n), each carrying the
 * household's hhlist.n, so a write re-indexes one short row instead of the
 * whole household. Rowids are stable: the program never VACUUMs, and
 * backups copy pages. */
#define HHF_MEMBER(M) \
"INSERT INTO hh_fts(rowid, body, hh) SELECT " M ".rowid, coalesce(" M ".nama, '') || ' ' ||" \
" coalesce(" M ".nik, '') || ' ' || coalesce(" M ".no_kk, ''), l.n FROM hhlist l" \
" WHERE l.household_id = " M ".household_id;\n"
#define HHF_ADDR(X) \
"INSERT INTO hh_fts(rowid, body, hh) SELECT -l.n, coalesce(h.alamat, '') || ' ' || coalesce(h.dusun, ''), l.n" \
" FROM hhlist l JOIN household h ON h.id = l.household_id WHERE l.household_id = " X ";\n"
#define HHF_ADDR_DEL(X) \
"DELETE FROM hh_fts WHERE rowid = -(SELECT n FROM hhlist WHERE household_id = " X ");\n"

/* Versions 7, 8 and 11: a new member re-picks its household's head only
 * when it is a head itself or the household has no present head. */
#define HHL_HEAD_NEW \
"  UPDATE hhlist SET head = coalesce((SELECT nama FROM member m WHERE m.household_id = NEW.household_id" \
" ORDER BY (m.shdk = 1 AND coalesce(m.keberadaan, 1) IN (1, 5)) DESC, m.shdk = 1 DESC, m.shdk, m.nama LIMIT 1), '')," \
" no_kk = (SELECT no_kk FROM member m WHERE m.household_id = NEW.household_id ORDER BY m.shdk = 1 DESC, m.shdk LIMIT 1)" \
" WHERE household_id = NEW.household_id AND (NEW.shdk IS 1 OR NOT EXISTS (SELECT 1 FROM member m" \
" WHERE m.household_id = NEW.household_id AND m.shdk = 1 AND coalesce(m.keberadaan, 1) IN (1, 5)));\n"

/* Version 8 notes the address row of household X for re-indexing. */
#define HHQ_ADDR(X) \
"INSERT OR IGNORE INTO hh_fts_queue(k) SELECT -n FROM hhlist WHERE household_id = " X ";\n"

/* Version 10: a member's search text (the body of its hh_fts row), and a
 * household's (all its members', in any order: only the words count). */
#define HHL_MTEXT(M) \
"(coalesce(" M ".nama, '') || ' ' || coalesce(" M ".nik, '') || ' ' || coalesce(" M ".no_kk, ''))"
#define HHL_TEXT(X) \
"coalesce((SELECT group_concat(" HHL_MTEXT("m") ", ' ') FROM member m WHERE m.household_id = " X "), '')"

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

/* 5: the household list (include/siks/hhlist.h): one derived row per household
 * kept by triggers, its sort keys indexed for keyset paging, and an FTS5
 * index of every member's name, NIK and No KK and the address, for search. */
"CREATE TABLE hhlist(\n"
"  n INTEGER PRIMARY KEY, household_id TEXT NOT NULL UNIQUE,\n"
"  head TEXT NOT NULL DEFAULT '', no_kk TEXT, dusun TEXT, alamat TEXT, rt INTEGER, rw INTEGER,\n"
"  present INTEGER NOT NULL DEFAULT 0, members INTEGER NOT NULL DEFAULT 0,\n"
"  score INTEGER, total INTEGER, poor INTEGER, usulan_status INTEGER NOT NULL DEFAULT 0, errors INTEGER,\n"
"  sk_name TEXT GENERATED ALWAYS AS (lower(head)) VIRTUAL,\n"
"  sk_addr TEXT GENERATED ALWAYS AS (lower(coalesce(dusun, '')) || char(9) ||\n"
"    printf('%03d%03d', coalesce(rw, 0), coalesce(rt, 0)) || lower(coalesce(alamat, ''))) VIRTUAL,\n"
"  sk_score TEXT GENERATED ALWAYS AS (printf('%03d', 100 - coalesce(score, -1)) || lower(head)) VIRTUAL);\n"
"CREATE INDEX hhlist_name ON hhlist(sk_name, household_id);\n"
"CREATE INDEX hhlist_addr ON hhlist(sk_addr, household_id);\n"
"CREATE INDEX hhlist_score ON hhlist(sk_score, household_id);\n"
"CREATE INDEX hhlist_dusun ON hhlist(dusun);\n"
"CREATE VIRTUAL TABLE hh_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 4');\n"
"INSERT INTO hhlist(household_id) SELECT id FROM household;\n"
HHL_HOUSE("hhlist.household_id") HHL_MEMBERS("hhlist.household_id")
HHL_SCORE("hhlist.household_id") HHL_USULAN("hhlist.household_id")
"INSERT INTO hh_fts(rowid, body) SELECT l.n, " HHL_FTS_BODY("l.household_id")
" FROM hhlist l JOIN household h ON h.id = l.household_id;\n"
"CREATE TRIGGER hhl_house_ins AFTER INSERT ON household BEGIN\n"
"  INSERT OR IGNORE INTO hhlist(household_id) VALUES (NEW.id);\n"
HHL_HOUSE("NEW.id") HHL_MEMBERS("NEW.id") HHL_SCORE("NEW.id") HHL_USULAN("NEW.id") HHL_FTS("NEW.id")
"END;\n"
"CREATE TRIGGER hhl_house_upd AFTER UPDATE OF dusun, alamat, rt, rw ON household BEGIN\n"
HHL_HOUSE("NEW.id") HHL_FTS("NEW.id")
"END;\n"
"CREATE TRIGGER hhl_house_del AFTER DELETE ON household BEGIN\n"
"  DELETE FROM hh_fts WHERE rowid = (SELECT n FROM hhlist WHERE household_id = OLD.id);\n"
"  DELETE FROM hhlist WHERE household_id = OLD.id;\n"
"END;\n"
"CREATE TRIGGER hhl_member_ins AFTER INSERT ON member BEGIN\n"
HHL_MEMBERS("NEW.household_id") HHL_FTS("NEW.household_id")
"END;\n"
"CREATE TRIGGER hhl_member_upd AFTER UPDATE OF nama, nik, no_kk, shdk, keberadaan, household_id ON member BEGIN\n"
HHL_MEMBERS("NEW.household_id") HHL_FTS("NEW.household_id")
HHL_MEMBERS("OLD.household_id") HHL_FTS("OLD.household_id")
"END;\n"
"CREATE TRIGGER hhl_member_del AFTER DELETE ON member BEGIN\n"
HHL_MEMBERS("OLD.household_id") HHL_FTS("OLD.household_id")
"END;\n"
"CREATE TRIGGER hhl_score_ins AFTER INSERT ON indicator_score BEGIN\n"
HHL_SCORE("NEW.household_id")
"END;\n"
"CREATE TRIGGER hhl_usulan_ins AFTER INSERT ON usulan BEGIN\n"
HHL_USULAN("NEW.household_id")
"END;\n"
"CREATE TRIGGER hhl_usulan_upd AFTER UPDATE OF status, household_id ON usulan BEGIN\n"
HHL_USULAN("NEW.household_id") HHL_USULAN("OLD.household_id")
"END;\n",

/* 6: search rows per member and per address (see HHF_ above): a member's
 * write costs one short index row, not the whole household again */
"DROP TRIGGER hhl_house_ins; DROP TRIGGER hhl_house_upd; DROP TRIGGER hhl_house_del;\n"
"DROP TRIGGER hhl_member_ins; DROP TRIGGER hhl_member_upd; DROP TRIGGER hhl_member_del;\n"
"DROP TABLE hh_fts;\n"
"CREATE VIRTUAL TABLE hh_fts USING fts5(body, hh UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 4');\n"
"INSERT INTO hh_fts(rowid, body, hh) SELECT m.rowid, coalesce(m.nama, '') || ' ' || coalesce(m.nik, '') || ' ' ||"
" coalesce(m.no_kk, ''), l.n FROM member m JOIN hhlist l ON l.household_id = m.household_id;\n"
"INSERT INTO hh_fts(rowid, body, hh) SELECT -l.n, coalesce(h.alamat, '') || ' ' || coalesce(h.dusun, ''), l.n"
" FROM hhlist l JOIN household h ON h.id = l.household_id;\n"
"CREATE TRIGGER hhl_house_ins AFTER INSERT ON household BEGIN\n"
"  INSERT OR IGNORE INTO hhlist(household_id) VALUES (NEW.id);\n"
HHL_HOUSE("NEW.id") HHL_MEMBERS("NEW.id") HHL_SCORE("NEW.id") HHL_USULAN("NEW.id") HHF_ADDR("NEW.id")
"END;\n"
"CREATE TRIGGER hhl_house_upd AFTER UPDATE OF dusun, alamat, rt, rw ON household BEGIN\n"
HHL_HOUSE("NEW.id") HHF_ADDR_DEL("NEW.id") HHF_ADDR("NEW.id")
"END;\n"
"CREATE TRIGGER hhl_house_del AFTER DELETE ON household BEGIN\n"
HHF_ADDR_DEL("OLD.id")
"  DELETE FROM hhlist WHERE household_id = OLD.id;\n"
"END;\n"
"CREATE TRIGGER hhl_member_ins AFTER INSERT ON member BEGIN\n"
HHL_MEMBERS("NEW.household_id") HHF_MEMBER("NEW")
"END;\n"
"CREATE TRIGGER hhl_member_upd AFTER UPDATE OF nama, nik, no_kk, shdk, keberadaan, household_id ON member BEGIN\n"
HHL_MEMBERS("NEW.household_id")
"  DELETE FROM hh_fts WHERE rowid = OLD.rowid;\n"
HHF_MEMBER("NEW")
"END;\n"
"CREATE TRIGGER hhl_member_moved AFTER UPDATE OF household_id ON member"
" WHEN OLD.household_id IS NOT NEW.household_id BEGIN\n"
HHL_MEMBERS("OLD.household_id")
"END;\n"
"CREATE TRIGGER hhl_member_del AFTER DELETE ON member BEGIN\n"
HHL_MEMBERS("OLD.household_id")
"  DELETE FROM hh_fts WHERE rowid = OLD.rowid;\n"
"END;\n",

/* 7: cheaper inserts into the household list. A new household has no
 * members, scores or proposals yet (foreign keys), so its row is just its
 * address; a new member adds to the counts, and re-picks the head only when
 * it is a head itself or the household has no present head. */
"DROP TRIGGER hhl_house_ins; DROP TRIGGER hhl_member_ins;\n"
"CREATE TRIGGER hhl_house_ins AFTER INSERT ON household BEGIN\n"
"  INSERT OR IGNORE INTO hhlist(household_id, dusun, alamat, rt, rw)"
" VALUES (NEW.id, NEW.dusun, NEW.alamat, NEW.rt, NEW.rw);\n"
HHF_ADDR("NEW.id")
"END;\n"
"CREATE TRIGGER hhl_member_ins AFTER INSERT ON member BEGIN\n"
"  UPDATE hhlist SET members = members + 1, present = present + (coalesce(NEW.keberadaan, 1) IN (1, 5))"
" WHERE household_id = NEW.household_id;\n"
HHL_HEAD_NEW
HHF_MEMBER("NEW")
"END;\n",

/* 8: search rows are written once per transaction, not once per statement.
 * FTS5 flushes its pending terms into a new segment at every statement
 * savepoint once it is part of a transaction, so a trigger writing hh_fts
 * made every later statement of an import or a merge pay a flush (measured:
 * a quarter of import time). The triggers now only note which rows need
 * re-indexing (member rowid, or -hhlist.n for an address); db_commit indexes
 * the noted rows in one statement each (db_search_flush below). */
"CREATE TABLE hh_fts_queue(k INTEGER PRIMARY KEY);\n"
"DROP TRIGGER hhl_house_ins; DROP TRIGGER hhl_house_upd; DROP TRIGGER hhl_house_del;\n"
"DROP TRIGGER hhl_member_ins; DROP TRIGGER hhl_member_upd; DROP TRIGGER hhl_member_del;\n"
"CREATE TRIGGER hhl_house_ins AFTER INSERT ON household BEGIN\n"
"  INSERT OR IGNORE INTO hhlist(household_id, dusun, alamat, rt, rw)"
" VALUES (NEW.id, NEW.dusun, NEW.alamat, NEW.rt, NEW.rw);\n"
HHQ_ADDR("NEW.id")
"END;\n"
"CREATE TRIGGER hhl_house_upd AFTER UPDATE OF dusun, alamat, rt, rw ON household BEGIN\n"
HHL_HOUSE("NEW.id") HHQ_ADDR("NEW.id")
"END;\n"
"CREATE TRIGGER hhl_house_del AFTER DELETE ON household BEGIN\n"
HHQ_ADDR("OLD.id")
"  DELETE FROM hhlist WHERE household_id = OLD.id;\n"
"END;\n"
"CREATE TRIGGER hhl_member_ins AFTER INSERT ON member BEGIN\n"
"  UPDATE hhlist SET members = members + 1, present = present + (coalesce(NEW.keberadaan, 1) IN (1, 5))"
" WHERE household_id = NEW.household_id;\n"
HHL_HEAD_NEW
"  INSERT OR IGNORE INTO hh_fts_queue(k) VALUES (NEW.rowid);\n"
"END;\n"
"CREATE TRIGGER hhl_member_upd AFTER UPDATE OF nama, nik, no_kk, shdk, keberadaan, household_id ON member BEGIN\n"
HHL_MEMBERS("NEW.household_id")
"  INSERT OR IGNORE INTO hh_fts_queue(k) VALUES (NEW.rowid);\n"
"END;\n"
"CREATE TRIGGER hhl_member_del AFTER DELETE ON member BEGIN\n"
HHL_MEMBERS("OLD.household_id")
"  INSERT OR IGNORE INTO hh_fts_queue(k) VALUES (OLD.rowid);\n"
"END;\n",

/* 9: no index on member names. Search goes through hh_fts and the list
 * through hhlist; nothing read member by name, and inserting a million
 * names in random order into it was a quarter of a district merge. */
"DROP INDEX member_nama;\n",

/* 10: each household's member text (name, NIK, No KK of every member, as
 * its hh_fts rows hold them) beside its list row, so a search can read the
 * list in its sort order and test each household there (hhlist.c: the
 * walk) instead of gathering every match of a broad word first. A new
 * member appends its text; a change or removal rebuilds the household's. */
"ALTER TABLE hhlist ADD COLUMN member_text TEXT NOT NULL DEFAULT '';\n"
"UPDATE hhlist SET member_text = " HHL_TEXT("hhlist.household_id") ";\n"
"CREATE TRIGGER hhl_text_ins AFTER INSERT ON member BEGIN\n"
"  UPDATE hhlist SET member_text = CASE member_text WHEN '' THEN " HHL_MTEXT("NEW")
" ELSE member_text || ' ' || " HHL_MTEXT("NEW") " END WHERE household_id = NEW.household_id;\n"
"END;\n"
"CREATE TRIGGER hhl_text_upd AFTER UPDATE OF nama, nik, no_kk, household_id ON member BEGIN\n"
"  UPDATE hhlist SET member_text = " HHL_TEXT("NEW.household_id") " WHERE household_id = NEW.household_id;\n"
"  UPDATE hhlist SET member_text = " HHL_TEXT("OLD.household_id") " WHERE household_id = OLD.household_id"
" AND OLD.household_id IS NOT NEW.household_id;\n"
"END;\n"
"CREATE TRIGGER hhl_text_del AFTER DELETE ON member BEGIN\n"
"  UPDATE hhlist SET member_text = " HHL_TEXT("OLD.household_id") " WHERE household_id = OLD.household_id;\n"
"END;\n",

/* 11: the change log read by its keys at a district's size (a million
 * members, more change rows): a record's changes in order (merge, and a
 * village's changes read from its records, not by scanning the log), the
 * changes one site made in order (what a partner has not confirmed), and
 * the newest clock (read at every start). Each grows at its end as
 * packages arrive, so inserting costs little. */
"DROP INDEX change_rec;\n"
"CREATE INDEX change_rec ON change(rec, seq);\n"
"CREATE INDEX change_origin ON change(origin, seq);\n"
"CREATE INDEX change_hlc ON change(hlc);\n"
/* and one write of the list row per new member, not two (the counts of
 * version 7 and the text of version 10 go together) */
"DROP TRIGGER hhl_text_ins; DROP TRIGGER hhl_member_ins;\n"
"CREATE TRIGGER hhl_member_ins AFTER INSERT ON member BEGIN\n"
"  UPDATE hhlist SET members = members + 1, present = present + (coalesce(NEW.keberadaan, 1) IN (1, 5)),"
" member_text = CASE member_text WHEN '' THEN " HHL_MTEXT("NEW")
" ELSE member_text || ' ' || " HHL_MTEXT("NEW") " END WHERE household_id = NEW.household_id;\n"
HHL_HEAD_NEW
"  INSERT OR IGNORE INTO hh_fts_queue(k) VALUES (NEW.rowid);\n"
"END;\n",

/* 12: the list's filters by their own index, for a filter that keeps few
 * households (hhlist.c: "few"), so one page does not read the whole list */
"CREATE INDEX hhlist_poor ON hhlist(poor);\n"
"CREATE INDEX hhlist_errors ON hhlist(errors);\n"
"CREATE INDEX hhlist_usulan ON hhlist(usulan_status);\n",

/* 13: the start reads the clock from setting clock.hlc (siks.c: load_clock)
 * instead of the newest change by an index on every change row's clock */
"DROP INDEX change_hlc;\n",
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

/* The counterpart of migration 8's triggers: re-indexes every noted row from
 * the tables as they are now (a row deleted since has nothing to insert), in
 * a handful of statements whatever the number of rows. Called by db_commit
 * before the outermost COMMIT, so search never sees a committed write
 * unindexed. A no-op when nothing is noted. */
int db_search_flush(siks *s, siks_err *e)
{
	sqlite3_stmt *any = db_stmt(s, "SELECT 1 FROM hh_fts_queue LIMIT 1", e);
	if (!any)
		return SIKS_EDB;
	int rc = sqlite3_step(any);
	sqlite3_reset(any);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_fail(s, e, "hh_fts_queue");
	for (int i = 0; db_search_flush_sql(i); i++) {
		sqlite3_stmt *st = db_stmt(s, db_search_flush_sql(i), e);
		if (!st)
			return SIKS_EDB;
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_fail(s, e, "hh_fts");
	}
	return 0;
}

const char *db_search_flush_sql(int i)
{
	static const char *const steps[] = {
		"DELETE FROM hh_fts WHERE rowid IN (SELECT k FROM hh_fts_queue)",
		"INSERT INTO hh_fts(rowid, body, hh) SELECT m.rowid, coalesce(m.nama, '') || ' ' ||"
		" coalesce(m.nik, '') || ' ' || coalesce(m.no_kk, ''), l.n FROM hh_fts_queue q"
		" JOIN member m ON m.rowid = q.k JOIN hhlist l ON l.household_id = m.household_id WHERE q.k > 0",
		"INSERT INTO hh_fts(rowid, body, hh) SELECT -l.n, coalesce(h.alamat, '') || ' ' ||"
		" coalesce(h.dusun, ''), l.n FROM hh_fts_queue q JOIN hhlist l ON l.n = -q.k"
		" JOIN household h ON h.id = l.household_id WHERE q.k < 0",
		"DELETE FROM hh_fts_queue",
	};
	return i >= 0 && i < (int)(sizeof steps / sizeof *steps) ? steps[i] : NULL;
}
