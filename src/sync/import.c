/* import.c — receiving packages.
 *
 * A package is checked whole before anything is written: header, addressee,
 * enrolled origin, authentication of every byte, and a complete body. Then
 * its receipt and changes are applied in one transaction, so a crash or a
 * refusal leaves the database as it was. A package already received is
 * recognised by its number and changes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/backup.h"
#include "siks/auth.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "sync_int.h"

static int already_received(siks *s, const char *kode, int64_t seq)
{
	sqlite3_stmt *st = db_stmt(s, "SELECT 1 FROM sync_pkg WHERE dir='in' AND peer=? AND seq=?", NULL);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, seq);
	int r = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return r;
}

/* Checks who the package is from and for; fills p. */
static int check_parties(siks *s, const pkg_header *h, sync_peer *p, siks_err *e)
{
	if (strcmp(h->origin_kode, s->site_kode) == 0)
		return siks_fail(e, SIKS_EINVAL, "", _("Paket no %lld ini dibuat oleh situs ini sendiri (%s) untuk %s; bawa ke tujuannya"),
				 (long long)h->seq, h->origin_kode, h->dest_kode);
	if (strcmp(h->dest_kode, s->site_kode) != 0)
		return siks_fail(e, SIKS_EPERM, "", _("Paket dari %s ini untuk %s, bukan untuk situs ini (%s)"),
				 h->origin_kode, h->dest_kode, s->site_kode);
	if (strcmp(h->dest_id, "00000000000000000000000000000000") != 0 && strcmp(h->dest_id, s->site_id) != 0)
		return siks_fail(e, SIKS_EPERM, "",
				 _("Paket dari %s ini untuk basis data %s yang lain (mungkin basis data lama); situs ini perlu didaftarkan ulang"),
				 h->origin_kode, h->dest_kode);
	int rc = sync_peer_load(s, h->origin_kode, p, e);
	if (rc == SIKS_ENOTFOUND)
		return siks_fail(e, SIKS_EPERM, "",
				 s->site_role == SIKS_SITE_KABUPATEN
				 ? _("Paket dari %s ditolak: desa %s belum didaftarkan di kabupaten ini (siksdesa site enroll %s)")
				 : _("Paket dari %s ditolak: %s bukan kabupaten tempat desa ini terdaftar (siksdesa site join)"),
				 h->origin_kode, h->origin_kode, h->origin_kode);
	if (rc != 0)
		return rc;
	if (p->site_id[0] && strcmp(p->site_id, h->origin_id) != 0)
		return siks_fail(e, SIKS_EPERM, "",
				 _("Paket dari %s ditolak: dibuat oleh basis data lain dari yang terdaftar; daftarkan ulang desa itu"),
				 h->origin_kode);
	return 0;
}

/* The whole body must parse, end with its mark and hold the number of
 * changes the header promised. */
static int body_valid(const uint8_t *body, size_t len, const pkg_header *h)
{
	pkg_reader r;
	pkg_change c;
	pkg_receipt rc;
	pkg_reader_init(&r, body, len);
	int t, receipts = 0;
	while ((t = pkg_reader_next(&r, &c, &rc)) > 0)
		if (t == PKG_E_RECEIPT && ++receipts > 1)
			break;
	pkg_reader_free(&r);
	return t == PKG_E_END && receipts == 1 && r.count == h->nchanges ? 0 : -1;
}

static int update_peer(siks *s, const sync_peer *p, const pkg_header *h, const pkg_receipt *rc,
		       int64_t applied, int64_t conflicts, siks_err *e)
{
	/* the newest package's receipt is the truth (it may go down when the
	 * other side restored a backup: then we send again what it lost) */
	int64_t acked_change = p->acked_change, acked_pkg = p->acked_pkg;
	if (h->seq > p->in_max_seq) {
		acked_change = rc->ack_change;
		acked_pkg = rc->ack_pkg;
	}
	int64_t in_max = h->seq > p->in_max_seq ? h->seq : p->in_max_seq;
	/* we now hold its changes up to to_change, unless there is a gap */
	int64_t their = p->their_change;
	if (h->from_change <= their && h->to_change > their)
		their = h->to_change;
	char ts[20];
	plat_timestamp(ts);
	sqlite3_stmt *st = db_stmt(s,
		"UPDATE sync_peer SET site_id=?2, acked_change=?3, acked_pkg=?4, in_max_seq=?5, their_change=?6"
		" WHERE kode=?1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, p->kode, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, h->origin_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, acked_change);
	sqlite3_bind_int64(st, 4, acked_pkg);
	sqlite3_bind_int64(st, 5, in_max);
	sqlite3_bind_int64(st, 6, their);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(s, e, "sync_peer");
	st = db_stmt(s, "INSERT INTO sync_pkg(dir, peer, seq, at, created_ms, nchanges, applied, conflicts)"
			" VALUES('in',?,?,?,?,?,?,?)", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, p->kode, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, h->seq);
	sqlite3_bind_text(st, 3, ts, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, h->created_ms);
	sqlite3_bind_int64(st, 5, h->nchanges);
	sqlite3_bind_int64(st, 6, applied);
	sqlite3_bind_int64(st, 7, conflicts);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "sync_pkg");
}

static int apply_body(siks *s, const sync_peer *p, const pkg_header *h, const uint8_t *body, sync_in *r,
		      siks_err *e)
{
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	/* a district merges a whole month of villages into one big file: all
	 * the cache it may have; a village's package is small */
	db_bulk(s, s->site_role == SIKS_SITE_KABUPATEN ? (int64_t)1 << 40 : (int64_t)h->body_len * 4);
	pkg_reader rd;
	pkg_change c;
	pkg_receipt rc = { 0, 0 };
	pkg_reader_init(&rd, body, h->body_len);
	int t, err = 0;
	while (!err && (t = pkg_reader_next(&rd, &c, &rc)) > 0) {
		if (t != PKG_E_CHANGE)
			continue;
		int applied = 0, conflicts = 0;
		err = sync_apply_change(s, &c, p->kode, &applied, &conflicts, e);
		r->applied += applied;
		r->conflicts += conflicts;
	}
	pkg_reader_free(&rd);
	if (!err)
		err = update_peer(s, p, h, &rc, r->applied, r->conflicts, e);
	if (err) {
		db_rollback(s);
		db_bulk(s, -1);
		r->applied = r->conflicts = 0;
		return err;
	}
	err = db_commit(s, e);
	db_bulk(s, -1);
	return err;
}

int sync_import_buf(siks *s, const uint8_t *buf, size_t len, sync_in *r, siks_err *e)
{
	siks_err local = { 0 };
	if (!e)
		e = &local;
	r->status = -1;
	r->applied = r->conflicts = 0;
	int rc = sync_check_site(s, e);
	pkg_header h;
	if (rc == 0)
		rc = pkg_header_parse(buf, len, &h, e);
	if (rc == 0) {
		snprintf(r->peer_kode, sizeof r->peer_kode, "%s", h.origin_kode);
		r->seq = h.seq;
	}
	sync_peer p;
	if (rc == 0)
		rc = check_parties(s, &h, &p, e);
	uint8_t *body = NULL;
	if (rc == 0)
		rc = pkg_open(&h, buf, len, p.key, &body, e);
	if (rc == 0 && body_valid(body, h.body_len, &h) != 0)
		rc = siks_fail(e, SIKS_EFORMAT, "", _("Paket dari %s rusak: isinya tidak lengkap"), h.origin_kode);
	if (rc == 0 && already_received(s, p.kode, h.seq)) {
		r->status = 1;
	} else if (rc == 0) {
		rc = apply_body(s, &p, &h, body, r, e);
		if (rc == 0)
			r->status = 0;
	}
	free(body);
	if (rc != 0)
		r->err = *e;
	return rc;
}

static int import_file(siks *s, const char *path, sync_in *r, siks_err *e)
{
	memset(r, 0, sizeof *r);
	snprintf(r->path, sizeof r->path, "%s", path);
	char *buf;
	size_t len;
	int rc = plat_read_file(path, &buf, &len, e);
	if (rc != 0) {
		r->status = -1;
		r->err = *e;
		return rc;
	}
	rc = sync_import_buf(s, (const uint8_t *)buf, len, r, e);
	free(buf);
	return rc;
}

/* A package in a folder is for us when its header says so (cheap check
 * before reading the whole file: the name could be renamed). */
static int addressed_here(siks *s, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 1;
	uint8_t hb[PKG_HEADER_LEN];
	size_t n = fread(hb, 1, sizeof hb, f);
	fclose(f);
	if (n < PKG_HEADER_LEN || memcmp(hb, PKG_MAGIC, 8) != 0)
		return 1; /* let the full check say what is wrong */
	char dest[25];
	memcpy(dest, hb + 100, 24);
	dest[24] = '\0';
	return strcmp(dest, s->site_kode) == 0;
}

#define MAX_DIR_FILES 4096

int sync_import(siks *s, const char *path, sync_in **res, int *nres, siks_err *e)
{
	*res = NULL;
	*nres = 0;
	if (sync_check_site(s, e))
		return e ? e->code : SIKS_EPERM;
	/* role check, and a safety copy before anything is merged (backup.h) */
	if (auth_allow(s, SIKS_ACT_IMPORT, e) != 0 || backup_before(s, "impor", e) != 0)
		return e ? e->code : SIKS_EPERM;
	char (*names)[256] = malloc(MAX_DIR_FILES * sizeof *names);
	if (!names)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	int n = plat_list_dir(path, SYNC_EXT, names, MAX_DIR_FILES);
	int rc = 0, first = 0;
	if (n < 0) { /* a file */
		sync_in *r = calloc(1, sizeof *r);
		if (!r) {
			free(names);
			return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		}
		rc = import_file(s, path, r, e);
		*res = r;
		*nres = 1;
		free(names);
		return rc;
	}
	sync_in *r = calloc((size_t)(n ? n : 1), sizeof *r);
	if (!r) {
		free(names);
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	}
	siks_err first_err = { 0 };
	/* a folder of packages (a district's month: one per village) is searched
	 * only when all are in: index once at the end, not once per package
	 * (each package stays its own transaction; a queue left by a power cut
	 * is indexed at the next open) */
	s->search_queue = 0;
	for (int i = 0; i < n; i++) {
		char fp[1300];
		snprintf(fp, sizeof fp, "%s/%s", path, names[i]);
		if (!addressed_here(s, fp))
			continue;
		siks_err fe = { 0 };
		int frc = import_file(s, fp, &r[*nres], &fe);
		(*nres)++;
		if (frc != 0 && !first) {
			first = frc;
			first_err = fe;
		}
	}
	free(names);
	s->search_queue = 1;
	siks_err ie = { 0 };
	db_bulk(s, 0);
	int irc = db_begin(s, &ie) != 0 || db_commit(s, &ie) != 0;
	db_bulk(s, -1);
	if (irc) {
		/* the packages are in; only the index waits for the next open */
		if (!first) {
			first = ie.code ? ie.code : SIKS_EDB;
			first_err = ie;
		}
	}
	*res = r;
	if (first && e)
		*e = first_err;
	return first;
}
