/* peer.c — the enrolled pairs (sync_peer) and which village each record
 * belongs to at the district (sync_home). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "sync_int.h"

int sync_check_site(siks *s, siks_err *e)
{
	if (s->practice)
		return siks_fail(e, SIKS_EPERM, "",
				 _("Ini basis data latihan: paket tidak dapat dikirim atau diterima, agar data latihan tidak tercampur dengan data sungguhan"));
	if (s->site_role != SIKS_SITE_DESA && s->site_role != SIKS_SITE_KABUPATEN)
		return siks_fail(e, SIKS_EPERM, "", _("Basis data ini belum disiapkan (siksdesa init)"));
	return 0;
}

int sync_is_dir(const char *path)
{
	char one[1][256];
	/* a suffix no file has: lists nothing, says whether it is a folder */
	return plat_list_dir(path, "\x01", one, 1) >= 0;
}

static void col_text(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	snprintf(out, n, "%s", v ? v : "");
}

int sync_peer_load(siks *s, const char *kode, sync_peer *p, siks_err *e)
{
	memset(p, 0, sizeof *p);
	sqlite3_stmt *st = db_stmt(s,
		"SELECT kode, site_id, nama, role, key, next_out, acked_change, acked_pkg, in_max_seq,"
		" their_change FROM sync_peer WHERE kode=?", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? SIKS_ENOTFOUND : db_fail(s, e, "sync_peer");
	}
	col_text(st, 0, p->kode, sizeof p->kode);
	col_text(st, 1, p->site_id, sizeof p->site_id);
	col_text(st, 2, p->nama, sizeof p->nama);
	p->role = sqlite3_column_int(st, 3);
	if (sqlite3_column_bytes(st, 4) == 32)
		memcpy(p->key, sqlite3_column_blob(st, 4), 32);
	p->next_out = sqlite3_column_int64(st, 5);
	p->acked_change = sqlite3_column_int64(st, 6);
	p->acked_pkg = sqlite3_column_int64(st, 7);
	p->in_max_seq = sqlite3_column_int64(st, 8);
	p->their_change = sqlite3_column_int64(st, 9);
	sqlite3_reset(st);
	return 0;
}

int sync_home_of(siks *s, const char *rec, char out[24])
{
	out[0] = '\0';
	sqlite3_stmt *st = db_stmt(s, "SELECT peer FROM sync_home WHERE rec=?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, rec, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		col_text(st, 0, out, 24);
	sqlite3_reset(st);
	return out[0] ? 0 : -1;
}

/* The village a record made here belongs to: the home of a record it refers
 * to, else the enrolled village named by its kode desa. */
static int home_from_fields(siks *s, const siks_rec *r, char out[24])
{
	for (int k = 0; k < r->t->nfields; k++)
		if (r->t->fields[k].kind == SIKS_K_REF && r->v[k] && sync_home_of(s, r->v[k], out) == 0)
			return 0;
	for (int k = 0; k < r->t->nfields; k++) {
		if (r->t->fields[k].kind != SIKS_K_WILAYAH || !r->v[k])
			continue;
		sqlite3_stmt *st = db_stmt(s, "SELECT kode FROM sync_peer WHERE kode=?", NULL);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, r->v[k], -1, SQLITE_STATIC);
		int found = sqlite3_step(st) == SQLITE_ROW;
		if (found)
			col_text(st, 0, out, 24);
		sqlite3_reset(st);
		if (found)
			return 0;
	}
	return -1;
}

int sync_home_assign(siks *s, siks_err *e)
{
	if (s->site_role != SIKS_SITE_KABUPATEN)
		return 0;
	char last[32] = "0";
	siks_setting_get(s, "sync.home_seq", last, sizeof last);
	int64_t from = strtoll(last, NULL, 10), upto = from;
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	/* records made here, in the order they were made, so a record's
	 * references already have their home */
	sqlite3_stmt *st = db_stmt(s,
		"SELECT seq, tbl, rec FROM change WHERE seq > ?1 AND field='*' ORDER BY seq", e);
	int rc = st ? 0 : SIKS_EDB;
	if (st)
		sqlite3_bind_int64(st, 1, from);
	/* collect first: the statement cache resets a statement on reuse */
	struct item { int64_t seq; char tbl[32], rec[33]; } *items = NULL;
	size_t n = 0, cap = 0;
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			struct item *ni = realloc(items, cap * sizeof *items);
			if (!ni) {
				rc = siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
				break;
			}
			items = ni;
		}
		items[n].seq = sqlite3_column_int64(st, 0);
		col_text(st, 1, items[n].tbl, sizeof items[n].tbl);
		col_text(st, 2, items[n].rec, sizeof items[n].rec);
		n++;
	}
	if (st)
		sqlite3_reset(st);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		upto = items[i].seq;
		char home[24];
		if (sync_home_of(s, items[i].rec, home) == 0)
			continue;
		siks_rec r;
		if (rec_load(s, &r, items[i].tbl, items[i].rec, NULL) == 0 && home_from_fields(s, &r, home) == 0) {
			sqlite3_stmt *ins = db_stmt(s, "INSERT OR IGNORE INTO sync_home(rec, peer) VALUES(?,?)", e);
			if (!ins) {
				rc = SIKS_EDB;
			} else {
				sqlite3_bind_text(ins, 1, items[i].rec, -1, SQLITE_STATIC);
				sqlite3_bind_text(ins, 2, home, -1, SQLITE_STATIC);
				if (sqlite3_step(ins) != SQLITE_DONE)
					rc = db_fail(s, e, "sync_home");
			}
		}
		rec_free(&r);
	}
	free(items);
	if (rc == 0) {
		char b[32];
		snprintf(b, sizeof b, "%lld", (long long)upto);
		rc = siks_setting_set(s, "sync.home_seq", b, e);
	}
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	return db_commit(s, e);
}
