/* conflict.c — the conflict list (values that lost a same-field race),
 * decisions on it (which sync, as changes of the pseudo-table "_konflik"),
 * and the district's list of NIKs present in two villages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "sync_int.h"

static void col_text(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	snprintf(out, n, "%s", v ? v : "");
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	return v ? strdup(v) : NULL;
}

/* kode of the site with id origin */
static void site_kode_of(siks *s, const char *origin, char out[24])
{
	if (strcmp(origin, s->site_id) == 0) {
		snprintf(out, 24, "%s", s->site_kode);
		return;
	}
	snprintf(out, 24, "%.23s", origin);
	sqlite3_stmt *st = db_stmt(s, "SELECT kode FROM sync_peer WHERE site_id=?", NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		col_text(st, 0, out, 24);
	sqlite3_reset(st);
}

int sync_conflicts(siks *s, int open_only, sync_conflict **out, int *n, siks_err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(s,
		"SELECT id, tbl, rec, field, win_value, win_hlc, win_origin, win_op, lose_value, lose_hlc,"
		" lose_origin, lose_op, status, (SELECT peer FROM sync_home h WHERE h.rec = c.rec)"
		" FROM sync_conflict c WHERE ?1 = 0 OR status = 'terbuka' ORDER BY id", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_int(st, 1, open_only);
	sync_conflict *v = NULL;
	char (*orig)[2][40] = NULL; /* origin ids, turned into kode below */
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			sync_conflict *nv = realloc(v, (size_t)cap * sizeof *v);
			if (nv)
				v = nv;
			char (*no)[2][40] = realloc(orig, (size_t)cap * sizeof *orig);
			if (no)
				orig = no;
			if (!nv || !no) {
				sqlite3_reset(st);
				sync_conflicts_free(v, *n);
				free(orig);
				*n = 0;
				return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
			}
		}
		sync_conflict *c = &v[(*n)++];
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		col_text(st, 1, c->tbl, sizeof c->tbl);
		col_text(st, 2, c->rec, sizeof c->rec);
		col_text(st, 3, c->field, sizeof c->field);
		c->win_value = col_dup(st, 4);
		sync_fmt_time(sqlite3_column_int64(st, 5) / 1000, c->win_when);
		col_text(st, 6, orig[*n - 1][0], sizeof orig[0][0]);
		col_text(st, 7, c->win_who, sizeof c->win_who);
		c->lose_value = col_dup(st, 8);
		sync_fmt_time(sqlite3_column_int64(st, 9) / 1000, c->lose_when);
		col_text(st, 10, orig[*n - 1][1], sizeof orig[0][1]);
		col_text(st, 11, c->lose_who, sizeof c->lose_who);
		col_text(st, 12, c->status, sizeof c->status);
		col_text(st, 13, c->desa, sizeof c->desa);
	}
	sqlite3_reset(st);
	/* after the loop: site_kode_of uses another statement */
	for (int i = 0; i < *n; i++) {
		site_kode_of(s, orig[i][0], v[i].win_site);
		site_kode_of(s, orig[i][1], v[i].lose_site);
	}
	free(orig);
	*out = v;
	return rc == SQLITE_DONE ? 0 : db_fail(s, e, "sync_conflict");
}

void sync_conflicts_free(sync_conflict *c, int n)
{
	for (int i = 0; i < n; i++) {
		free(c[i].win_value);
		free(c[i].lose_value);
	}
	free(c);
}

int sync_conflict_resolve(siks *s, int64_t id, int take_loser, siks_err *e)
{
	if (sync_check_site(s, e))
		return e ? e->code : SIKS_EPERM;
	sqlite3_stmt *st = db_stmt(s, "SELECT key, tbl, rec, field, lose_value, status FROM sync_conflict WHERE id=?", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return siks_fail(e, SIKS_ENOTFOUND, "", _("Konflik nomor %lld tidak ada"), (long long)id);
	}
	char key[40], tbl[32], rec[40], field[32], status[16];
	col_text(st, 0, key, sizeof key);
	col_text(st, 1, tbl, sizeof tbl);
	col_text(st, 2, rec, sizeof rec);
	col_text(st, 3, field, sizeof field);
	char *lose = col_dup(st, 4);
	col_text(st, 5, status, sizeof status);
	sqlite3_reset(st);
	if (strcmp(status, "terbuka") != 0) {
		free(lose);
		return siks_fail(e, SIKS_EINVAL, "", _("Konflik nomor %lld sudah diputuskan"), (long long)id);
	}
	const char *choice = take_loser ? "ganti" : "tetap";
	const char *who = s->operator_name[0] ? s->operator_name : "sistem";
	char ts[20];
	plat_timestamp(ts);
	int rc = db_begin(s, e);
	if (rc == 0 && take_loser)
		rc = rec_save_field(s, tbl, rec, field, lose, e);
	free(lose);
	if (rc == 0) {
		/* the decision travels like any change, to the other site */
		st = db_stmt(s, "INSERT INTO change(hlc,origin,tbl,rec,field,value,operator) VALUES(?,?,?,?,'status',?,?)", e);
		if (!st)
			rc = SIKS_EDB;
		else {
			sqlite3_bind_int64(st, 1, rec_clock_next(s));
			sqlite3_bind_text(st, 2, s->site_id, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, SYNC_CONFLICT_TBL, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, key, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, choice, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 6, who, -1, SQLITE_STATIC);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = db_fail(s, e, "change");
		}
	}
	if (rc == 0) {
		st = db_stmt(s, "UPDATE sync_conflict SET status=?2, resolved_by=?3, resolved_at=?4 WHERE id=?1", e);
		if (!st)
			rc = SIKS_EDB;
		else {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, choice, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, who, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, ts, -1, SQLITE_STATIC);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = db_fail(s, e, "sync_conflict");
		}
	}
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	return db_commit(s, e);
}

int sync_duplicates(siks *s, sync_dup **out, int *n, siks_err *e)
{
	*out = NULL;
	*n = 0;
	if (s->site_role != SIKS_SITE_KABUPATEN)
		return 0;
	/* a person who died or moved away is not a duplicate of where they went */
	sqlite3_stmt *st = db_stmt(s,
		"SELECT m1.nik, m1.id, m2.id, h1.peer, h2.peer, m1.nama, m2.nama, m1.household_id, m2.household_id,"
		" (SELECT k.nama FROM member k WHERE k.household_id = m1.household_id ORDER BY coalesce(k.shdk, 99), k.rowid LIMIT 1),"
		" (SELECT k.nama FROM member k WHERE k.household_id = m2.household_id ORDER BY coalesce(k.shdk, 99), k.rowid LIMIT 1),"
		" m1.no_kk, m2.no_kk"
		/* NIKs held twice first: one pass along the NIK index, instead of
		 * probing it once for each of a district's million members */
		" FROM (SELECT nik FROM member WHERE length(nik) = 16 GROUP BY nik HAVING count(*) > 1) d"
		" CROSS JOIN member m1 ON m1.nik = d.nik JOIN member m2 ON m2.nik = d.nik AND m2.id > m1.id"
		" JOIN sync_home h1 ON h1.rec = m1.id JOIN sync_home h2 ON h2.rec = m2.id"
		" WHERE h1.peer <> h2.peer AND length(m1.nik) = 16"
		" AND coalesce(m1.keberadaan, 1) NOT IN (2, 3) AND coalesce(m2.keberadaan, 1) NOT IN (2, 3)"
		" ORDER BY m1.nik, h1.peer, h2.peer", e);
	if (!st)
		return SIKS_EDB;
	sync_dup *v = NULL;
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			sync_dup *nv = realloc(v, (size_t)cap * sizeof *v);
			if (!nv) {
				free(v);
				sqlite3_reset(st);
				*n = 0;
				return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
			}
			v = nv;
		}
		sync_dup *d = &v[(*n)++];
		col_text(st, 0, d->nik, sizeof d->nik);
		col_text(st, 1, d->rec_a, sizeof d->rec_a);
		col_text(st, 2, d->rec_b, sizeof d->rec_b);
		col_text(st, 3, d->desa_a, sizeof d->desa_a);
		col_text(st, 4, d->desa_b, sizeof d->desa_b);
		col_text(st, 5, d->nama_a, sizeof d->nama_a);
		col_text(st, 6, d->nama_b, sizeof d->nama_b);
		col_text(st, 7, d->hh_a, sizeof d->hh_a);
		col_text(st, 8, d->hh_b, sizeof d->hh_b);
		col_text(st, 9, d->kepala_a, sizeof d->kepala_a);
		col_text(st, 10, d->kepala_b, sizeof d->kepala_b);
		col_text(st, 11, d->kk_a, sizeof d->kk_a);
		col_text(st, 12, d->kk_b, sizeof d->kk_b);
	}
	sqlite3_reset(st);
	*out = v;
	return rc == SQLITE_DONE ? 0 : db_fail(s, e, "member");
}
