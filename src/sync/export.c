/* export.c — writing one package per enrolled peer.
 *
 * A package to peer P carries every change of this database with a
 * sequence number above what P last confirmed (its receipt), except those
 * that came from P itself; at the district only the changes of records
 * that belong to P's village. So a lost package is healed by the next one,
 * and confirmed changes are not sent again. It also carries our receipt:
 * the highest of P's packages received and how far P's changes reached. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/history.h"
#include "siks/auth.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/usulan.h"
#include "sync_int.h"

static void col_text(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	snprintf(out, n, "%s", v ? v : "");
}

/* The version a change overwrote at this site: its base. */
static int base_of(siks *s, int64_t seq, const char *tbl, const char *rec, const char *field,
		   int64_t *hlc, char *origin, size_t n)
{
	*hlc = 0;
	origin[0] = '\0';
	sqlite3_stmt *st = db_stmt(s,
		"SELECT hlc, origin FROM change WHERE tbl=?1 AND rec=?2 AND (field=?3 OR field='*') AND seq<?4"
		" ORDER BY hlc DESC, origin DESC LIMIT 1", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, rec, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, field, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, seq);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		*hlc = sqlite3_column_int64(st, 0);
		col_text(st, 1, origin, n);
	}
	sqlite3_reset(st);
	return found ? 0 : -1;
}

/* Appends the changes for peer p with seq in (from, to] to b. */
static int collect(siks *s, const sync_peer *p, int64_t from, int64_t to, pkg_buf *b, siks_err *e)
{
	int district = s->site_role == SIKS_SITE_KABUPATEN;
	sqlite3_stmt *st = district
		? db_stmt(s, "SELECT c.seq, c.hlc, c.origin, c.tbl, c.rec, c.field, c.value, c.operator"
			     " FROM sync_home h CROSS JOIN change c ON c.rec = h.rec AND c.seq > ?1 AND c.seq <= ?2"
			     " WHERE h.peer = ?3 AND c.origin <> ?4 ORDER BY c.seq", e)
		: db_stmt(s, "SELECT c.seq, c.hlc, c.origin, c.tbl, c.rec, c.field, c.value, c.operator"
			     " FROM change c WHERE c.seq > ?1 AND c.seq <= ?2 AND ?3 IS NOT NULL AND c.origin <> ?4"
			     " ORDER BY c.seq", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	sqlite3_bind_text(st, 3, p->kode, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->site_id, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pkg_change c = { 0 };
		char base_origin[40];
		c.seq = sqlite3_column_int64(st, 0);
		c.hlc = sqlite3_column_int64(st, 1);
		c.origin = (const char *)sqlite3_column_text(st, 2);
		c.tbl = (const char *)sqlite3_column_text(st, 3);
		c.rec = (const char *)sqlite3_column_text(st, 4);
		c.field = (const char *)sqlite3_column_text(st, 5);
		c.value = (const char *)sqlite3_column_text(st, 6);
		c.op = (const char *)sqlite3_column_text(st, 7);
		if (strcmp(c.field, "*") != 0 && strcmp(c.tbl, SYNC_CONFLICT_TBL) != 0 &&
		    base_of(s, c.seq, c.tbl, c.rec, c.field, &c.base_hlc, base_origin, sizeof base_origin) == 0)
			c.base_origin = base_origin;
		pkg_put_change(b, &c);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, e, "change");
	return b->failed ? siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup")) : 0;
}

static int export_one(siks *s, const char *dir, const char *kode, sync_out *o, siks_err *e)
{
	sync_peer p;
	int rc = sync_peer_load(s, kode, &p, e);
	if (rc != 0)
		return rc;
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	/* a village's proposals agreed at a musdes become Dikirim in the same
	 * transaction as the package that carries them (usulan.h) */
	if (s->site_role == SIKS_SITE_DESA && (rc = usulan_mark_sent(s, NULL, e)) != 0) {
		db_rollback(s);
		return rc;
	}
	int64_t to = db_int(s, "SELECT coalesce(max(seq), 0) FROM change", 0);
	int64_t from = p.acked_change < to ? p.acked_change : to;
	pkg_buf b = { 0 };
	pkg_receipt rc_ = { p.in_max_seq, p.their_change };
	pkg_put_receipt(&b, &rc_);
	rc = collect(s, &p, from, to, &b, e);
	pkg_put_end(&b);
	pkg_header h = { 0 };
	snprintf(h.origin_id, sizeof h.origin_id, "%s", s->site_id);
	snprintf(h.dest_id, sizeof h.dest_id, "%s", p.site_id[0] ? p.site_id : "00000000000000000000000000000000");
	snprintf(h.origin_kode, sizeof h.origin_kode, "%s", s->site_kode);
	snprintf(h.dest_kode, sizeof h.dest_kode, "%s", p.kode);
	h.seq = p.next_out;
	h.created_ms = plat_now_ms();
	h.from_change = from;
	h.to_change = to;
	h.nchanges = b.count;
	uint8_t *file = NULL;
	size_t flen = 0;
	if (rc == 0 && b.failed)
		rc = siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (rc == 0)
		rc = pkg_seal(&h, b.p, b.len, p.key, &file, &flen, e);
	pkg_buf_free(&b);
	char name[160];
	pkg_file_name(name, sizeof name, h.origin_kode, h.dest_kode, h.seq, h.created_ms);
	snprintf(o->path, sizeof o->path, "%s/%s", dir, name);
	snprintf(o->peer_kode, sizeof o->peer_kode, "%s", p.kode);
	o->seq = h.seq;
	o->nchanges = h.nchanges;
	if (rc == 0) {
		char ts[20];
		plat_timestamp(ts);
		sqlite3_stmt *st = db_stmt(s, "UPDATE sync_peer SET next_out = next_out + 1 WHERE kode=?", e);
		if (!st)
			rc = SIKS_EDB;
		else {
			sqlite3_bind_text(st, 1, p.kode, -1, SQLITE_STATIC);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = db_fail(s, e, "sync_peer");
		}
		st = rc ? NULL : db_stmt(s, "INSERT OR REPLACE INTO sync_pkg(dir, peer, seq, at, created_ms, nchanges, file)"
					   " VALUES('out',?,?,?,?,?,?)", e);
		if (rc == 0 && !st)
			rc = SIKS_EDB;
		if (st) {
			sqlite3_bind_text(st, 1, p.kode, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, h.seq);
			sqlite3_bind_text(st, 3, ts, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 4, h.created_ms);
			sqlite3_bind_int64(st, 5, h.nchanges);
			sqlite3_bind_text(st, 6, name, -1, SQLITE_STATIC);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = db_fail(s, e, "sync_pkg");
		}
	}
	/* the file first: should the commit fail after it, the next package
	 * carries the same changes again under the same number */
	if (rc == 0)
		rc = plat_write_file_atomic(o->path, file, flen, e);
	free(file);
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	return db_commit(s, e);
}

int sync_export(siks *s, const char *dir, sync_out **out, int *nout, siks_err *e)
{
	*out = NULL;
	*nout = 0;
	if (sync_check_site(s, e))
		return e ? e->code : SIKS_EPERM;
	if (auth_allow(s, SIKS_ACT_EXPORT, e) != 0)
		return SIKS_EPERM;
	if (!sync_is_dir(dir))
		return siks_fail(e, SIKS_ENOTFOUND, "", _("Folder %s tidak ada atau tidak dapat dibuka"), dir);
	if (sync_home_assign(s, e) != 0)
		return e ? e->code : SIKS_EDB;
	int n = (int)db_int(s, "SELECT count(*) FROM sync_peer", 0);
	if (n <= 0)
		return siks_fail(e, SIKS_ENOTFOUND, "",
				 s->site_role == SIKS_SITE_KABUPATEN
				 ? _("Belum ada desa yang terdaftar: daftarkan dulu dengan siksdesa site enroll KODE")
				 : _("Desa ini belum terdaftar di kabupaten: jalankan siksdesa site join BERKAS"));
	char (*kodes)[24] = calloc((size_t)n, sizeof *kodes);
	sync_out *o = calloc((size_t)n, sizeof *o);
	if (!kodes || !o) {
		free(kodes);
		free(o);
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	}
	sqlite3_stmt *st = db_stmt(s, "SELECT kode FROM sync_peer ORDER BY kode", e);
	int k = 0;
	while (st && k < n && sqlite3_step(st) == SQLITE_ROW)
		col_text(st, 0, kodes[k++], sizeof kodes[0]);
	if (st)
		sqlite3_reset(st);
	int rc = st ? 0 : SIKS_EDB;
	for (int i = 0; rc == 0 && i < k; i++) {
		rc = export_one(s, dir, kodes[i], &o[i], e);
		if (rc == 0)
			(*nout)++;
		/* a package carries personal data (encrypted): audited like any export */
		if (rc == 0 && o[i].nchanges > 0) {
			char what[1200];
			snprintf(what, sizeof what, "paket sinkron %s (%lld perubahan) -> %s", o[i].peer_kode,
				 (long long)o[i].nchanges, o[i].path);
			audit_note_export(s, what, NULL);
		}
	}
	free(kodes);
	*out = o;
	return rc;
}
