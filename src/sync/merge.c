/* merge.c — applying a change made at another site.
 *
 * Every field of every record has a version: the (hlc, origin) of the last
 * change row that wrote it (a new record's "*" row writes all its fields).
 * An incoming change wins when its version is greater (hlc first, then the
 * origin's site id), so each site picks the same winner whatever the order
 * packages arrive in. Each change also carries its base: the version of the
 * field at its origin just before it. When this site holds a version of
 * another origin that the sender had not seen (local version differs from
 * the base and is newer), both sites changed the field since they last
 * exchanged: the loser's value goes into sync_conflict for a person.
 *
 * Winning changes are written through rec_save (rec.h) under
 * rec_remote_begin, so the row, its audit row and its change row are one
 * write with the remote origin and clock, and never sent back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "sync_int.h"

typedef struct fver {
	int64_t hlc;
	char origin[40];
	char op[64];
	int found;
} fver;

static int ver_cmp(int64_t h1, const char *o1, int64_t h2, const char *o2)
{
	if (h1 != h2)
		return h1 < h2 ? -1 : 1;
	int c = strcmp(o1 ? o1 : "", o2 ? o2 : "");
	return c < 0 ? -1 : c > 0;
}

int sync_is_id(const char *s)
{
	if (!s || strlen(s) != 32)
		return 0;
	for (int i = 0; i < 32; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

static int field_version(siks *s, const char *tbl, const char *rec, const char *field, fver *v, siks_err *e)
{
	memset(v, 0, sizeof *v);
	sqlite3_stmt *st = db_stmt(s,
		"SELECT hlc, origin, operator FROM change WHERE tbl=?1 AND rec=?2 AND (field=?3 OR field='*')"
		" ORDER BY hlc DESC, origin DESC LIMIT 1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, rec, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, field, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		v->found = 1;
		v->hlc = sqlite3_column_int64(st, 0);
		snprintf(v->origin, sizeof v->origin, "%s", (const char *)sqlite3_column_text(st, 1));
		const char *op = (const char *)sqlite3_column_text(st, 2);
		snprintf(v->op, sizeof v->op, "%s", op ? op : "");
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(s, e, "change");
}

/* A change row with nothing else: the field already holds the value (or it
 * is a conflict decision), but the version must be known here. */
static int meta_change(siks *s, const pkg_change *c, siks_err *e)
{
	sqlite3_stmt *st = db_stmt(s,
		"INSERT INTO change(hlc,origin,tbl,rec,field,value,operator) VALUES(?,?,?,?,?,?,?)", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_int64(st, 1, c->hlc);
	sqlite3_bind_text(st, 2, c->origin, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->rec, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->field, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 6, c->value);
	db_bind_text_or_null(st, 7, c->op);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "change");
}

static void conflict_key(const char *rec, const char *field, int64_t wh, const char *wo, int64_t lh,
			 const char *lo, char out[33])
{
	char buf[256];
	int n = snprintf(buf, sizeof buf, "%s|%s|%lld|%s|%lld|%s", rec, field, (long long)wh, wo,
			 (long long)lh, lo);
	uint8_t h[16];
	crypto_generichash(h, sizeof h, (const uint8_t *)buf, (size_t)n, NULL, 0);
	sodium_bin2hex(out, 33, h, sizeof h);
}

static int set_home(siks *s, const char *rec, const char *peer, siks_err *e)
{
	if (s->site_role != SIKS_SITE_KABUPATEN)
		return 0;
	sqlite3_stmt *st = db_stmt(s, "INSERT OR IGNORE INTO sync_home(rec, peer) VALUES(?,?)", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, rec, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, peer, -1, SQLITE_STATIC);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "sync_home");
}

static int add_conflict(siks *s, const char *tbl, const char *rec, const char *field,
			const char *wv, int64_t wh, const char *wo, const char *wop,
			const char *lv, int64_t lh, const char *lo, const char *lop, int *n, siks_err *e)
{
	char key[33], ts[20];
	conflict_key(rec, field, wh, wo, lh, lo, key);
	plat_timestamp(ts);
	sqlite3_stmt *st = db_stmt(s,
		"INSERT OR IGNORE INTO sync_conflict(key,tbl,rec,field,win_value,win_hlc,win_origin,win_op,"
		"lose_value,lose_hlc,lose_origin,lose_op,found_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, rec, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, field, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 5, wv);
	sqlite3_bind_int64(st, 6, wh);
	sqlite3_bind_text(st, 7, wo, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 8, wop);
	db_bind_text_or_null(st, 9, lv);
	sqlite3_bind_int64(st, 10, lh);
	sqlite3_bind_text(st, 11, lo, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 12, lop);
	sqlite3_bind_text(st, 13, ts, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(s, e, "sync_conflict");
	*n += sqlite3_changes(s->db);
	/* at the district, the decision on it goes to the record's village */
	char home[24];
	if (s->site_role == SIKS_SITE_KABUPATEN && sync_home_of(s, rec, home) == 0)
		return set_home(s, key, home, e);
	return 0;
}

static int same_value(const char *a, const char *b)
{
	if (!a || !*a || !b || !*b)
		return (!a || !*a) && (!b || !*b);
	return strcmp(a, b) == 0;
}

/* Writes value into one field through rec_save, as the remote site. */
static int write_field(siks *s, const pkg_change *c, siks_rec *cur, const char *field,
		       const char *value, siks_err *e)
{
	if (rec_set(cur, field, value) != 0)
		return siks_fail(e, SIKS_EFORMAT, field, _("Paket berisi kolom %s.%s yang tidak dikenal program ini: perbarui program"),
				 c->tbl, field);
	rec_remote_begin(s, c->origin, c->hlc, c->op);
	int rc = rec_save(s, cur, e);
	rec_remote_end(s);
	return rc;
}

/* One field of a stored record against an incoming version. */
static int merge_field(siks *s, const pkg_change *c, siks_rec *cur, const char *field,
		       const char *value, int *applied, int *conflicts, siks_err *e)
{
	fver L;
	if (field_version(s, c->tbl, c->rec, field, &L, e) != 0)
		return SIKS_EDB;
	int cmp = L.found ? ver_cmp(c->hlc, c->origin, L.hlc, L.origin) : 1;
	if (cmp == 0)
		return 0; /* already here: importing again changes nothing */
	const char *have = rec_get(cur, field);
	/* concurrent: the local version is another site's that the sender had not
	 * seen when it made this change */
	int concurrent = L.found && c->base_origin && strcmp(L.origin, c->origin) != 0 &&
			 ver_cmp(L.hlc, L.origin, c->base_hlc, c->base_origin) > 0 && !same_value(have, value);
	if (cmp < 0) {
		if (concurrent)
			return add_conflict(s, c->tbl, c->rec, field, have, L.hlc, L.origin, L.op, value, c->hlc,
					    c->origin, c->op, conflicts, e);
		return 0;
	}
	if (concurrent && add_conflict(s, c->tbl, c->rec, field, value, c->hlc, c->origin, c->op, have, L.hlc,
				       L.origin, L.op, conflicts, e) != 0)
		return SIKS_EDB;
	if (same_value(have, value)) {
		/* nothing to write, but this version is now the field's */
		pkg_change m = *c;
		m.field = field;
		return meta_change(s, &m, e);
	}
	*applied = 1;
	return write_field(s, c, cur, field, value, e);
}

/* A conflict decision made at the other site. */
static int apply_decision(siks *s, const pkg_change *c, siks_err *e)
{
	sqlite3_stmt *st = db_stmt(s, "SELECT 1 FROM change WHERE tbl=?1 AND rec=?2 AND hlc=?3 AND origin=?4", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, c->tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->rec, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, c->hlc);
	sqlite3_bind_text(st, 4, c->origin, -1, SQLITE_STATIC);
	int have = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	if (have)
		return 0;
	if (!c->value || (strcmp(c->value, "tetap") != 0 && strcmp(c->value, "ganti") != 0))
		return siks_fail(e, SIKS_EFORMAT, "", _("Paket rusak: keputusan konflik tidak sah"));
	char ts[20];
	plat_timestamp(ts);
	st = db_stmt(s, "UPDATE sync_conflict SET status=?2, resolved_by=?3, resolved_at=?4"
			" WHERE key=?1 AND status='terbuka'", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, c->rec, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->value, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 3, c->op);
	sqlite3_bind_text(st, 4, ts, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(s, e, "sync_conflict");
	return meta_change(s, c, e);
}

int sync_apply_change(siks *s, const pkg_change *c, const char *from_peer, int *applied,
		      int *conflicts, siks_err *e)
{
	*applied = 0;
	rec_clock_seen(s, c->hlc);
	if (!sync_is_id(c->rec) || !*c->field || !*c->origin)
		return siks_fail(e, SIKS_EFORMAT, "", _("Paket rusak: perubahan tanpa id yang sah"));
	if (strcmp(c->tbl, SYNC_CONFLICT_TBL) == 0)
		return apply_decision(s, c, e);
	const siks_table *t = siks_table_find(c->tbl);
	if (!t)
		return siks_fail(e, SIKS_EFORMAT, "", _("Paket berisi tabel %s yang tidak dikenal program ini: perbarui program"),
				 c->tbl);
	siks_rec cur;
	siks_err e2;
	int rc = rec_load(s, &cur, c->tbl, c->rec, &e2);
	if (rc != 0 && rc != SIKS_ENOTFOUND) {
		if (e)
			*e = e2;
		rec_free(&cur);
		return rc;
	}
	int exists = rc == 0;
	if (strcmp(c->field, "*") == 0) {
		siks_rec in;
		rec_init(&in, c->tbl);
		if (!c->value || sync_json_to_rec(c->value, &in) != 0) {
			rec_free(&in);
			rec_free(&cur);
			return siks_fail(e, SIKS_EFORMAT, "", _("Paket berisi data %s yang tidak dapat dibaca: perbarui program"),
					 c->tbl);
		}
		rc = set_home(s, c->rec, from_peer, e);
		if (rc == 0 && !exists) {
			snprintf(in.id, sizeof in.id, "%s", c->rec);
			rec_remote_begin(s, c->origin, c->hlc, c->op);
			rc = rec_save_new(s, &in, e); /* just looked: not here */
			rec_remote_end(s);
			*applied = 1;
		} else {
			/* already here: each field as its own change */
			for (int k = 0; rc == 0 && k < t->nfields; k++) {
				int a = 0;
				rc = merge_field(s, c, &cur, t->fields[k].name, in.v[k], &a, conflicts, e);
				*applied |= a;
			}
		}
		rec_free(&in);
		rec_free(&cur);
		return rc;
	}
	if (!exists) {
		rec_free(&cur);
		return siks_fail(e, SIKS_EFORMAT, "",
				 _("Paket mengubah data %s (%s) yang belum ada di sini; minta paket lengkap dikirim ulang"),
				 _(t->label), c->rec);
	}
	if (siks_field_index(t, c->field) < 0) {
		rec_free(&cur);
		return siks_fail(e, SIKS_EFORMAT, "", _("Paket berisi kolom %s.%s yang tidak dikenal program ini: perbarui program"),
				 c->tbl, c->field);
	}
	rc = merge_field(s, c, &cur, c->field, c->value, applied, conflicts, e);
	rec_free(&cur);
	return rc;
}
