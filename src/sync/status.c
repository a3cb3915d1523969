/* status.c — per enrolled peer: what came, what went, what it confirmed,
 * and (at the district) the village's register at a glance: households,
 * members, proposals by status, open conflicts and duplicates, and whether
 * this month's package is late. */
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

/* Counts for one peer; at a village every record is shared with its
 * district, so peer is NULL there. */
static int64_t count1(siks *s, const char *sql, const char *peer)
{
	sqlite3_stmt *st = db_stmt(s, sql, NULL);
	if (!st)
		return 0;
	db_bind_text_or_null(st, 1, peer);
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return v;
}

static int fill(siks *s, sync_peer_status *o, const sync_dup *dups, int ndup, siks_err *e)
{
	sync_peer p;
	int rc = sync_peer_load(s, o->kode, &p, e);
	if (rc != 0)
		return rc;
	snprintf(o->nama, sizeof o->nama, "%s", p.nama);
	o->acked_out_seq = p.acked_pkg;
	sqlite3_stmt *st = db_stmt(s, "SELECT seq, at, nchanges FROM sync_pkg WHERE dir='in' AND peer=?"
				      " ORDER BY at DESC, seq DESC LIMIT 1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, p.kode, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		o->last_in_seq = sqlite3_column_int64(st, 0);
		col_text(st, 1, o->last_in_at, sizeof o->last_in_at);
		o->last_in_changes = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	st = db_stmt(s, "SELECT seq, at FROM sync_pkg WHERE dir='out' AND peer=? ORDER BY seq DESC LIMIT 1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, p.kode, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		o->last_out_seq = sqlite3_column_int64(st, 0);
		col_text(st, 1, o->last_out_at, sizeof o->last_out_at);
	}
	sqlite3_reset(st);

	int district = s->site_role == SIKS_SITE_KABUPATEN;
	const char *peer = district ? p.kode : NULL;
	/* at the district, only its own changes can be unconfirmed by a village
	 * (a village's records change there or here): read them through the
	 * origin index, not the whole change log of every village */
	st = district
		? db_stmt(s, "SELECT count(*) FROM change c JOIN sync_home h ON h.rec = c.rec"
			     " WHERE c.origin IN (?4, 'local') AND c.seq > ?1 AND h.peer = ?2 AND c.origin <> ?3", e)
		: db_stmt(s, "SELECT count(*) FROM change c WHERE c.seq > ?1 AND ?2 IS NULL AND c.origin <> ?3", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_int64(st, 1, p.acked_change);
	db_bind_text_or_null(st, 2, peer);
	sqlite3_bind_text(st, 3, p.site_id, -1, SQLITE_STATIC);
	if (district)
		sqlite3_bind_text(st, 4, s->site_id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		o->pending = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);

	/* a village's counts start from its records in sync_home (by peer), so
	 * each village costs its own size, not the district's */
	if (district) {
		/* members from the list's count per household: one probe a household */
		sqlite3_stmt *hm = db_stmt(s, "SELECT count(*), coalesce(sum(l.members), 0) FROM sync_home h"
					      " JOIN hhlist l ON l.household_id = h.rec WHERE h.peer = ?1", e);
		if (!hm)
			return SIKS_EDB;
		sqlite3_bind_text(hm, 1, peer, -1, SQLITE_STATIC);
		if (sqlite3_step(hm) == SQLITE_ROW) {
			o->households = sqlite3_column_int64(hm, 0);
			o->members = sqlite3_column_int64(hm, 1);
		}
		sqlite3_reset(hm);
		o->conflicts_open = count1(s, "SELECT count(*) FROM sync_home h JOIN sync_conflict t ON t.rec = h.rec"
					      " WHERE h.peer = ?1 AND t.status = 'terbuka'", peer);
		st = db_stmt(s, "SELECT coalesce(t.status, 0), count(*) FROM sync_home h JOIN usulan t ON t.id = h.rec"
				" WHERE h.peer = ?1 GROUP BY 1", e);
	} else {
		o->households = count1(s, "SELECT count(*) FROM household", NULL);
		o->members = count1(s, "SELECT count(*) FROM member", NULL);
		o->conflicts_open = count1(s, "SELECT count(*) FROM sync_conflict WHERE status = 'terbuka'", NULL);
		st = db_stmt(s, "SELECT coalesce(status, 0), count(*) FROM usulan GROUP BY 1", e);
	}
	if (!st)
		return SIKS_EDB;
	if (district)
		sqlite3_bind_text(st, 1, peer, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int k = sqlite3_column_int(st, 0);
		if (k >= 0 && k < 8)
			o->usulan[k] += sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	for (int i = 0; i < ndup; i++)
		if (strcmp(dups[i].desa_a, p.kode) == 0 || strcmp(dups[i].desa_b, p.kode) == 0)
			o->duplicates++;
	/* the monthly update is due: late when nothing came this month */
	char today[11];
	plat_today(today);
	o->late = p.role == SIKS_SITE_DESA && sync_late(o->last_in_at, today);
	return 0;
}

int sync_late(const char *last_in_at, const char *today)
{
	if (!last_in_at || strlen(last_in_at) < 7)
		return 1;
	return strncmp(last_in_at, today, 7) < 0;
}

int sync_status(siks *s, sync_peer_status **out, int *n, siks_err *e)
{
	*out = NULL;
	*n = 0;
	if (sync_home_assign(s, e) != 0)
		return e ? e->code : SIKS_EDB;
	int cnt = (int)db_int(s, "SELECT count(*) FROM sync_peer", 0);
	sync_peer_status *v = calloc((size_t)(cnt > 0 ? cnt : 1), sizeof *v);
	if (!v)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	sqlite3_stmt *st = db_stmt(s, "SELECT kode FROM sync_peer ORDER BY kode", e);
	int k = 0;
	while (st && k < cnt && sqlite3_step(st) == SQLITE_ROW)
		col_text(st, 0, v[k++].kode, sizeof v[0].kode);
	if (st)
		sqlite3_reset(st);
	sync_dup *dups = NULL;
	int ndup = 0;
	int rc = st ? sync_duplicates(s, &dups, &ndup, e) : SIKS_EDB;
	for (int i = 0; rc == 0 && i < k; i++)
		rc = fill(s, &v[i], dups, ndup, e);
	free(dups);
	if (rc != 0) {
		free(v);
		return rc;
	}
	*out = v;
	*n = k;
	return 0;
}

int64_t sync_unsent(siks *s)
{
	sqlite3_stmt *st = db_stmt(s,
		"SELECT count(*) FROM change WHERE origin = ?1 AND seq >"
		" (SELECT coalesce(min(acked_change), 0) FROM sync_peer)", NULL);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, s->site_id[0] ? s->site_id : "local", -1, SQLITE_STATIC);
	int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return n;
}
