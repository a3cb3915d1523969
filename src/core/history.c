/* history.c — reading the audit trail as a change history, and writing the
 * audit rows that are not record writes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/auth.h"
#include "siks/db.h"
#include "siks/history.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "siks/validate.h"

int audit_note(siks *s, const char *table, const char *rec, const char *field,
	       const char *old, const char *new_value, siks_err *e)
{
	char ts[20];
	plat_timestamp(ts);
	sqlite3_stmt *a = db_stmt(s,
		"INSERT INTO audit(ts,operator,origin,tbl,rec,field,old,new) VALUES(?,?,?,?,?,?,?,?)", e);
	if (!a)
		return SIKS_EDB;
	sqlite3_bind_text(a, 1, ts, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(a, 2, s->operator_name[0] ? s->operator_name : "sistem", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(a, 3, s->site_id[0] ? s->site_id : "local", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(a, 4, table, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(a, 5, rec ? rec : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(a, 6, field ? field : "*", -1, SQLITE_TRANSIENT);
	db_bind_text_or_null(a, 7, old);
	db_bind_text_or_null(a, 8, new_value);
	int rc = sqlite3_step(a) == SQLITE_DONE ? 0 : db_fail(s, e, "audit");
	sqlite3_reset(a);
	return rc;
}

int audit_note_export(siks *s, const char *what, siks_err *e)
{
	return audit_note(s, "export", s->site_id[0] ? s->site_id : "local", "export", NULL, what, e);
}

static const char *nz(const char *p)
{
	return p && *p ? p : NULL;
}

#define HISTORY_COLS \
	"SELECT a.id,a.ts,a.operator,a.tbl,a.rec,a.field,a.old,a.new,m.nama" \
	" FROM audit a LEFT JOIN member m ON a.tbl='member' AND m.id=a.rec"
#define HISTORY_AND \
	" AND (?3 IS NULL OR a.ts>=?3) AND (?4 IS NULL OR a.ts<?4)" \
	" AND (?5 IS NULL OR a.operator=?5 COLLATE NOCASE) ORDER BY a.id"

/* Three statements so each uses its index: audit.rec for a household or a
 * record, the rowid order for a date range. */
static const char sql_household[] = HISTORY_COLS
	" WHERE a.rec IN (SELECT ?1 UNION ALL SELECT id FROM member WHERE household_id=?1"
	" UNION ALL SELECT id FROM indicator_answer WHERE household_id=?1"
	" UNION ALL SELECT id FROM indicator_score WHERE household_id=?1"
	" UNION ALL SELECT id FROM program WHERE household_id=?1"
	" UNION ALL SELECT id FROM usulan WHERE household_id=?1)" HISTORY_AND;
static const char sql_record[] = HISTORY_COLS " WHERE a.rec=?2" HISTORY_AND;
static const char sql_all[] = HISTORY_COLS " WHERE 1" HISTORY_AND;

static const char *col(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? t : "";
}

int history_each(siks *s, const history_filter *f,
		 int (*cb)(void *ctx, const history_row *r), void *ctx, siks_err *e)
{
	history_filter none = { 0 };
	if (!f)
		f = &none;
	/* dates typed either way (27-11-2026 or 2026-11-27); compared as ISO text */
	char from[11] = "", to[16] = "";
	if (nz(f->from) && date_parse(f->from, from) != 0)
		return siks_fail(e, SIKS_EINVAL, "from", _("Tanggal awal harus berbentuk HH-BB-TTTT atau TTTT-BB-HH, tertulis %s"), f->from);
	if (nz(f->to) && date_parse(f->to, to) != 0)
		return siks_fail(e, SIKS_EINVAL, "to", _("Tanggal akhir harus berbentuk HH-BB-TTTT atau TTTT-BB-HH, tertulis %s"), f->to);
	const char *sql = nz(f->household) ? sql_household : nz(f->record) ? sql_record : sql_all;
	sqlite3_stmt *st = db_stmt(s, sql, e);
	if (!st)
		return SIKS_EDB;
	/* a day's rows run up to "YYYY-MM-DD 23:59:59", all below "YYYY-MM-DD~" */
	if (to[0])
		strcat(to, "~");
	db_bind_text_or_null(st, 1, f->household);
	db_bind_text_or_null(st, 2, f->record);
	db_bind_text_or_null(st, 3, from);
	db_bind_text_or_null(st, 4, to);
	db_bind_text_or_null(st, 5, f->operator_name);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		history_row r = {
			.id = sqlite3_column_int64(st, 0), .ts = col(st, 1), .operator_name = col(st, 2),
			.table = col(st, 3), .rec = col(st, 4), .field = col(st, 5),
			.old_value = col(st, 6), .new_value = col(st, 7), .who = col(st, 8),
		};
		const siks_table *t = siks_table_find(r.table);
		const siks_field *fd = t ? siks_field_find(t, r.field) : NULL;
		r.field_label = strcmp(r.field, "*") == 0 ? _("(rekaman baru)")
				: fd ? _(fd->label) : r.field;
		if (cb(ctx, &r) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(s, e, "audit");
	}
	sqlite3_reset(st);
	return 0;
}

static int count_cb(void *ctx, const history_row *r)
{
	(void)r;
	++*(int64_t *)ctx;
	return 0;
}

int64_t history_count(siks *s, const history_filter *f, siks_err *e)
{
	int64_t n = 0;
	if (history_each(s, f, count_cb, &n, e) != 0)
		return -1;
	return n;
}

/* ---- CSV ---------------------------------------------------------------- */

struct csv_out {
	plat_afile *f;
	int64_t rows;
	int failed;
};

static void csv_cell(struct csv_out *o, const char *v, int last)
{
	/* a spreadsheet runs =, +, -, @ as formulas: keep text as text */
	int guard = v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@';
	int quote = guard || strpbrk(v, ",\"\r\n") != NULL;
	if (quote)
		o->failed |= plat_afile_write(o->f, "\"", 1);
	if (guard)
		o->failed |= plat_afile_write(o->f, "'", 1);
	for (const char *p = v; *p; p++) {
		if (*p == '"')
			o->failed |= plat_afile_write(o->f, "\"", 1);
		o->failed |= plat_afile_write(o->f, p, 1);
	}
	if (quote)
		o->failed |= plat_afile_write(o->f, "\"", 1);
	o->failed |= plat_afile_write(o->f, last ? "\r\n" : ",", last ? 2 : 1);
}

static int csv_cb(void *ctx, const history_row *r)
{
	struct csv_out *o = ctx;
	const char *cells[] = { r->ts, r->operator_name, r->table, r->rec, r->who,
				r->field_label, r->old_value, r->new_value };
	size_t n = sizeof cells / sizeof *cells;
	for (size_t i = 0; i < n; i++)
		csv_cell(o, cells[i], i + 1 == n);
	o->rows++;
	return o->failed;
}

int history_export_csv(siks *s, const history_filter *f, const char *path,
		       int64_t *rows, siks_err *e)
{
	if (rows)
		*rows = 0;
	if (auth_allow(s, SIKS_ACT_EXPORT, e) != 0)
		return SIKS_EPERM;
	struct csv_out o = { 0 };
	o.f = plat_afile_open(path, e);
	if (!o.f)
		return e ? e->code : SIKS_EIO;
	const char *head[] = { _("waktu"), _("operator"), _("tabel"), _("rekaman"), _("nama"),
			       _("kolom"), _("nilai lama"), _("nilai baru") };
	size_t nh = sizeof head / sizeof *head;
	for (size_t i = 0; i < nh; i++)
		csv_cell(&o, head[i], i + 1 == nh);
	/* the export is audited in the same transaction: no file without its row */
	if (db_begin(s, e) != 0) {
		plat_afile_abort(o.f);
		return SIKS_EDB;
	}
	int rc = history_each(s, f, csv_cb, &o, e);
	if (rc == 0 && o.failed)
		rc = siks_fail(e, SIKS_EIO, "", _("Berkas %s gagal ditulis"), path);
	if (rc == 0) {
		char what[1200];
		snprintf(what, sizeof what, _("riwayat perubahan (%lld baris) -> %s"), (long long)o.rows, path);
		rc = audit_note_export(s, what, e);
	}
	if (rc != 0) {
		plat_afile_abort(o.f);
		db_rollback(s);
		return rc;
	}
	if (plat_afile_commit(o.f, e) != 0) {
		db_rollback(s);
		return SIKS_EIO;
	}
	if (db_commit(s, e) != 0) {
		plat_remove(path);
		return SIKS_EDB;
	}
	if (rows)
		*rows = o.rows;
	return 0;
}
