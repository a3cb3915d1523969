/* usulan_list.c — reading proposals: the list by status with names, NIK and
 * address (for the usulan screen, the CLI and the BNBA report), counts by
 * status, a household's history from the audit trail, and id look-up. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/codes.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/validate.h"
#include "usulan_int.h"

/* ---- ids ------------------------------------------------------------------ */

int usulan_resolve_id(siks *s, const char *table, const char *id, char out[33], siks_err *e)
{
	/* SQL names cannot be bound: one literal per table */
	static const struct {
		const char *table, *sql;
	} q[] = {
		{ "usulan", "SELECT id FROM usulan WHERE id>=?1 AND id<?2 ORDER BY id LIMIT 2" },
		{ "musdes", "SELECT id FROM musdes WHERE id>=?1 AND id<?2 ORDER BY id LIMIT 2" },
		{ "member", "SELECT id FROM member WHERE id>=?1 AND id<?2 ORDER BY id LIMIT 2" },
		{ "household", "SELECT id FROM household WHERE id>=?1 AND id<?2 ORDER BY id LIMIT 2" },
	};
	const char *sql = NULL;
	for (size_t i = 0; i < sizeof q / sizeof *q; i++)
		if (strcmp(q[i].table, table) == 0)
			sql = q[i].sql;
	const siks_table *t = siks_table_find(table);
	if (!sql || !t)
		return siks_fail(e, SIKS_EINVAL, "", _("Tabel tidak dikenal: %s"), table);
	char lo[33], hi[34];
	size_t n = id ? strlen(id) : 0;
	if (n < 4 || n > 32)
		return siks_fail(e, SIKS_EINVAL, "id",
				 _("Id %s: tulis id lengkap (32 huruf) atau paling sedikit 4 huruf awalnya"),
				 id ? id : "");
	for (size_t i = 0; i <= n; i++)
		lo[i] = (char)(id[i] >= 'A' && id[i] <= 'F' ? id[i] - 'A' + 'a' : id[i]);
	/* ids are lowercase hex: every id starting with lo sorts below lo + "~" */
	snprintf(hi, sizeof hi, "%s~", lo);
	sqlite3_stmt *st = db_stmt(s, sql, e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_TRANSIENT);
	int found = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		if (found == 0)
			snprintf(out, 33, "%s", v);
		/* a full id wins over a longer id it happens to prefix */
		if (strcmp(v, lo) == 0) {
			snprintf(out, 33, "%s", v);
			found = 1;
			break;
		}
		found++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, e, table);
	if (found == 0)
		return siks_fail(e, SIKS_ENOTFOUND, "id", _("%s dengan id %s tidak ada"), _(t->label), id);
	if (found > 1)
		return siks_fail(e, SIKS_EINVAL, "id",
				 _("Id %s cocok dengan lebih dari satu %s; tulis lebih banyak huruf"),
				 id, _(t->label));
	return 0;
}

/* ---- the list --------------------------------------------------------------- */

/* The head: the member with SHDK 1, one still present first. */
static const char sql_list[] =
	"SELECT u.id, u.household_id, coalesce(u.member_id,''), coalesce(u.musdes_id,''),"
	" coalesce(h.desa,''), coalesce(u.tanggal,''), coalesce(md.tanggal,''),"
	" coalesce(u.jenis,0), coalesce(u.alasan,0), coalesce(u.status,0),"
	" hd.nama, m.nama, coalesce(m.nik, hd.nik), h.alamat, h.rt, h.rw, h.dusun,"
	" md.nomor_ba, u.keterangan, u.alasan_dinas"
	" FROM usulan u LEFT JOIN household h ON h.id=u.household_id"
	" LEFT JOIN member m ON m.id=u.member_id"
	" LEFT JOIN musdes md ON md.id=u.musdes_id"
	" LEFT JOIN member hd ON hd.id=(SELECT x.id FROM member x WHERE x.household_id=u.household_id"
	"   AND x.shdk=1 ORDER BY coalesce(x.keberadaan,1) IN (2,3,4), x.id LIMIT 1)"
	" WHERE (?1 IS NULL OR u.status=?1) AND (?2 IS NULL OR u.household_id=?2)"
	"   AND (?3 IS NULL OR u.musdes_id=?3) AND (?4 IS NULL OR h.desa=?4) AND (?5 IS NULL OR u.id=?5)"
	" ORDER BY u.tanggal, u.id";

static char *dup_col(sqlite3_stmt *st, int i, int *oom)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	char *p = strdup(v ? v : "");
	if (!p)
		*oom = 1;
	return p;
}

static void copy_col(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	snprintf(out, n, "%s", v ? v : "");
}

void usulan_row_clear(usulan_row *r)
{
	free(r->kepala);
	free(r->nama);
	free(r->nik);
	free(r->alamat);
	free(r->musdes_nomor);
	free(r->keterangan);
	free(r->alasan_dinas);
	r->kepala = r->nama = r->nik = r->alamat = r->musdes_nomor = r->keterangan =
		r->alasan_dinas = NULL;
}

void usulan_rows_free(usulan_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		usulan_row_clear(&rows[i]);
	free(rows);
}

static int read_row(siks *s, sqlite3_stmt *st, usulan_row *r)
{
	int oom = 0;
	memset(r, 0, sizeof *r);
	copy_col(st, 0, r->id, sizeof r->id);
	copy_col(st, 1, r->household_id, sizeof r->household_id);
	copy_col(st, 2, r->member_id, sizeof r->member_id);
	copy_col(st, 3, r->musdes_id, sizeof r->musdes_id);
	copy_col(st, 4, r->desa, sizeof r->desa);
	copy_col(st, 5, r->tanggal, sizeof r->tanggal);
	copy_col(st, 6, r->musdes_tanggal, sizeof r->musdes_tanggal);
	r->jenis = sqlite3_column_int(st, 7);
	r->alasan = sqlite3_column_int(st, 8);
	r->status = sqlite3_column_int(st, 9);
	const siks_codes *c = s->codes;
	r->jenis_label = c ? codes_label(c, "jenis_usulan", r->jenis) : NULL;
	r->alasan_label = c ? codes_label(c, "alasan_usulan", r->alasan) : NULL;
	r->status_label = c ? codes_label(c, "status_usulan", r->status) : NULL;
	if (!r->jenis_label)
		r->jenis_label = "?";
	if (!r->alasan_label)
		r->alasan_label = "?";
	if (!r->status_label)
		r->status_label = "?";
	r->kepala = dup_col(st, 10, &oom);
	r->nama = dup_col(st, 11, &oom);
	r->nik = dup_col(st, 12, &oom);
	/* "Jl. Raya 5, RT 003/RW 001, Dusun Krajan": the address as the BNBA
	 * list and the district expect to read it */
	char addr[1024];
	const char *al = (const char *)sqlite3_column_text(st, 13);
	const char *du = (const char *)sqlite3_column_text(st, 16);
	snprintf(addr, sizeof addr, "%s%sRT %03d/RW %03d%s%s", al ? al : "", al ? ", " : "",
		 sqlite3_column_int(st, 14), sqlite3_column_int(st, 15), du ? _(", Dusun ") : "",
		 du ? du : "");
	r->alamat = strdup(addr);
	if (!r->alamat)
		oom = 1;
	r->musdes_nomor = dup_col(st, 17, &oom);
	r->keterangan = dup_col(st, 18, &oom);
	r->alasan_dinas = dup_col(st, 19, &oom);
	if (oom)
		usulan_row_clear(r);
	return oom ? SIKS_ENOMEM : 0;
}

static sqlite3_stmt *list_stmt(siks *s, const usulan_filter *f, const char *id, siks_err *e)
{
	sqlite3_stmt *st = db_stmt(s, sql_list, e);
	if (!st)
		return NULL;
	if (f && f->status > 0)
		sqlite3_bind_int(st, 1, f->status);
	if (f) {
		db_bind_text_or_null(st, 2, f->household_id);
		db_bind_text_or_null(st, 3, f->musdes_id);
		db_bind_text_or_null(st, 4, f->desa);
	}
	db_bind_text_or_null(st, 5, id);
	return st;
}

int usulan_list(siks *s, const usulan_filter *f, usulan_row **out, size_t *n, siks_err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = list_stmt(s, f, NULL, e);
	if (!st)
		return SIKS_EDB;
	size_t cap = 0;
	int rc, err = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 32;
			usulan_row *p = realloc(*out, nc * sizeof *p);
			if (!p) {
				err = SIKS_ENOMEM;
				break;
			}
			*out = p;
			cap = nc;
		}
		if ((err = read_row(s, st, &(*out)[*n])) != 0)
			break;
		(*n)++;
	}
	sqlite3_reset(st);
	if (!err && rc != SQLITE_DONE)
		err = db_fail(s, e, "usulan");
	else if (err)
		siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (err) {
		usulan_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return err;
}

int usulan_get(siks *s, const char *id, usulan_row *out, siks_err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = list_stmt(s, NULL, id, e);
	if (!st)
		return SIKS_EDB;
	int rc = sqlite3_step(st), err = 0;
	if (rc == SQLITE_ROW)
		err = read_row(s, st, out) ? siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup")) : 0;
	else if (rc == SQLITE_DONE)
		err = siks_fail(e, SIKS_ENOTFOUND, "id", _("Usulan %s tidak ada"), id);
	else
		err = db_fail(s, e, "usulan");
	sqlite3_reset(st);
	return err;
}

int usulan_counts(siks *s, const char *desa, int64_t counts[USULAN_STATUS_MAX + 1], siks_err *e)
{
	memset(counts, 0, (USULAN_STATUS_MAX + 1) * sizeof *counts);
	sqlite3_stmt *st = db_stmt(s,
		"SELECT u.status, count(*) FROM usulan u LEFT JOIN household h ON h.id=u.household_id"
		" WHERE ?1 IS NULL OR h.desa=?1 GROUP BY u.status", e);
	if (!st)
		return SIKS_EDB;
	db_bind_text_or_null(st, 1, desa);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int status = sqlite3_column_int(st, 0);
		int64_t k = sqlite3_column_int64(st, 1);
		if (status >= 1 && status <= USULAN_STATUS_MAX)
			counts[status] += k;
		counts[0] += k;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(s, e, "usulan");
}

/* ---- history ------------------------------------------------------------------ */

/* Creation rows ("*") carry every value as JSON; status rows the old and new
 * code. Joined to the proposal for its kind, member and decision. */
static const char sql_history[] =
	"SELECT a.ts, coalesce(a.operator,''), a.rec, a.field, a.old,"
	" CASE WHEN a.field='*' THEN json_extract(a.new,'$.status') ELSE a.new END,"
	" coalesce(u.jenis,0), coalesce(u.alasan,0), coalesce(m.nama,''),"
	" md.nomor_ba, md.tanggal, u.alasan_dinas, u.keterangan"
	" FROM usulan u JOIN audit a ON a.rec=u.id AND a.tbl='usulan' AND a.field IN ('*','status')"
	" LEFT JOIN member m ON m.id=u.member_id LEFT JOIN musdes md ON md.id=u.musdes_id"
	" WHERE u.household_id=?1 ORDER BY a.id";

static void event_note(usulan_event *ev, sqlite3_stmt *st)
{
	const char *nomor = (const char *)sqlite3_column_text(st, 9);
	const char *tgl = (const char *)sqlite3_column_text(st, 10);
	const char *dinas = (const char *)sqlite3_column_text(st, 11);
	const char *ket = (const char *)sqlite3_column_text(st, 12);
	ev->note[0] = '\0';
	if ((ev->new_status == USULAN_SETUJU_MUSDES || ev->new_status == USULAN_TOLAK_MUSDES) && nomor) {
		char d[11] = "";
		if (tgl)
			date_format(tgl, d);
		snprintf(ev->note, sizeof ev->note, _("berita acara %s, %s"), nomor, d);
	} else if ((ev->new_status == USULAN_DITERIMA || ev->new_status == USULAN_DITOLAK_DINAS) && dinas) {
		snprintf(ev->note, sizeof ev->note, "%s", dinas);
	} else if (ev->old_status == 0 && ket) {
		snprintf(ev->note, sizeof ev->note, "%s", ket);
	}
}

int usulan_history(siks *s, const char *household_id, usulan_event **out, size_t *n, siks_err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(s, sql_history, e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, household_id, -1, SQLITE_TRANSIENT);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			usulan_event *p = realloc(*out, nc * sizeof *p);
			if (!p) {
				sqlite3_reset(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
			}
			*out = p;
			cap = nc;
		}
		usulan_event *ev = &(*out)[(*n)++];
		memset(ev, 0, sizeof *ev);
		copy_col(st, 0, ev->ts, sizeof ev->ts);
		copy_col(st, 1, ev->operator_name, sizeof ev->operator_name);
		copy_col(st, 2, ev->usulan_id, sizeof ev->usulan_id);
		int created = strcmp((const char *)sqlite3_column_text(st, 3), "*") == 0;
		ev->old_status = created ? 0 : sqlite3_column_int(st, 4);
		ev->new_status = sqlite3_column_int(st, 5);
		ev->jenis = sqlite3_column_int(st, 6);
		ev->alasan = sqlite3_column_int(st, 7);
		copy_col(st, 8, ev->nama, sizeof ev->nama);
		const siks_codes *c = s->codes;
		ev->jenis_label = c ? codes_label(c, "jenis_usulan", ev->jenis) : NULL;
		ev->old_label = ev->old_status && c ? codes_label(c, "status_usulan", ev->old_status) : NULL;
		ev->new_label = c ? codes_label(c, "status_usulan", ev->new_status) : NULL;
		if (!ev->jenis_label)
			ev->jenis_label = "?";
		if (!ev->old_label)
			ev->old_label = ev->old_status ? "?" : "";
		if (!ev->new_label)
			ev->new_label = "?";
		event_note(ev, st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(s, e, "audit");
	}
	return 0;
}
