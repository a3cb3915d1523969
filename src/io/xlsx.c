/* xlsx.c — the XLSX export (export.h) with libxlsxwriter in constant-memory
 * mode (rows stream to temporary files, so a whole district fits in a small
 * PC's memory). NIK and No KK are written as text cells in text-formatted
 * columns: a spreadsheet then never shows them as 3,52806E+15. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "siks/auth.h"
#include "siks/colmap.h"
#include "siks/db.h"
#include "siks/export.h"
#include "siks/history.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "siks/strbuf.h"

#define SHEET_ROWS 1048576 /* the format's limit, header included */

static char *hh_sql;
static const siks_field *hh_cols[64];
static int hh_n;

/* Households: their fields, the head's No KK and name, members present. */
static int hh_setup(void)
{
	if (hh_sql)
		return 0;
	const siks_table *h = siks_table_find("household");
	strbuf b = { 0 };
	sb_add(&b, "SELECT (SELECT no_kk FROM member k WHERE k.household_id=h.id ORDER BY k.shdk, k.nik LIMIT 1),"
		   " (SELECT nama FROM member k WHERE k.household_id=h.id AND k.shdk=1 ORDER BY k.nik LIMIT 1),"
		   " (SELECT count(*) FROM member k WHERE k.household_id=h.id AND coalesce(k.keberadaan,1) NOT IN (2,3,4))");
	for (int i = 0; i < h->nfields && hh_n < 64; i++) {
		hh_cols[hh_n++] = &h->fields[i];
		sb_addf(&b, ",h.%s", h->fields[i].name);
	}
	sb_add(&b, " FROM household h WHERE (?1 IS NULL OR h.desa=?1)"
		   " AND (?2=0 OR EXISTS(SELECT 1 FROM usulan u WHERE u.household_id=h.id"
		   "   AND u.status=5 AND u.tanggal BETWEEN ?3 AND ?4))"
		   " ORDER BY h.desa, h.dusun, h.rt, h.rw, 1, h.id");
	if (b.oom) {
		sb_free(&b);
		return -1;
	}
	hh_sql = b.p;
	return 0;
}

typedef struct wctx {
	lxw_workbook *wb;
	lxw_format *head, *text;
} wctx;

static lxw_worksheet *new_sheet(wctx *w, const char *name, const char *const *heads,
				const int *kinds, int n)
{
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, name);
	if (!ws)
		return NULL;
	worksheet_freeze_panes(ws, 1, 0);
	for (int i = 0; i < n; i++) {
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
				     kinds[i] == 1 ? 19 : kinds[i] == 2 ? 8 : 22,
				     kinds[i] == 1 ? w->text : NULL);
		worksheet_write_string(ws, 0, (lxw_col_t)i, heads[i], w->head);
	}
	return ws;
}

static void cell(wctx *w, lxw_worksheet *ws, lxw_row_t r, int c, const char *v, int kind)
{
	if (!v || !*v)
		return;
	if (kind == 2) {
		char *end;
		double x = strtod(v, &end);
		if (!*end) {
			worksheet_write_number(ws, r, (lxw_col_t)c, x, NULL);
			return;
		}
	}
	worksheet_write_string(ws, r, (lxw_col_t)c, v, kind == 1 ? w->text : NULL);
}

static int field_kind(const siks_field *fd)
{
	if (fd->kind == SIKS_K_DIGITS && fd->type == SIKS_T_TEXT)
		return 1;
	return fd->type == SIKS_T_TEXT ? 0 : 2;
}

static int households(wctx *w, siks *s, const exp_filter *f, siks_err *e)
{
	const char *heads[67];
	int kinds[67], n = 0;
	heads[n] = "nomor_kk", kinds[n++] = 1;
	heads[n] = "nama_kepala", kinds[n++] = 0;
	heads[n] = "jumlah_anggota", kinds[n++] = 2;
	for (int i = 0; i < hh_n; i++) {
		heads[n] = colmap_export_name("household", hh_cols[i]->name);
		kinds[n++] = field_kind(hh_cols[i]);
	}
	lxw_worksheet *ws = new_sheet(w, _("Rumah tangga"), heads, kinds, n);
	sqlite3_stmt *st = ws ? db_stmt(s, hh_sql, e) : NULL;
	if (!st)
		return -1;
	db_bind_text_or_null(st, 1, f ? f->desa : NULL);
	sqlite3_bind_int(st, 2, f && f->accepted_only);
	sqlite3_bind_text(st, 3, f && f->from ? f->from : "0000-00-00", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, f && f->to ? f->to : "9999-99-99", -1, SQLITE_TRANSIENT);
	lxw_row_t r = 1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && r < SHEET_ROWS) {
		for (int i = 0; i < n; i++) {
			char num[32];
			const char *v = (const char *)sqlite3_column_text(st, i);
			if (sqlite3_column_type(st, i) == SQLITE_FLOAT) {
				snprintf(num, sizeof num, "%.15g", sqlite3_column_double(st, i));
				v = num;
			}
			cell(w, ws, r, i, v, kinds[i]);
		}
		r++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(s, e, "household"), -1;
	return 0;
}

static int members(wctx *w, siks *s, const exp_filter *f, long *count, siks_err *e)
{
	int n = exp_ncols();
	const char *heads[64];
	int kinds[64];
	for (int i = 0; i < n && i < 64; i++) {
		heads[i] = exp_col_name(i);
		kinds[i] = exp_col_kind(i);
	}
	exp_iter *it = exp_iter_new(s, f, e);
	if (!it)
		return -1;
	lxw_worksheet *ws = NULL;
	lxw_row_t r = SHEET_ROWS;
	int sheet = 0, got;
	const char **v;
	while ((got = exp_iter_next(it, &v, e)) == 1) {
		if (r >= SHEET_ROWS) { /* a district larger than one sheet: go on in the next */
			char name[32];
			if (sheet++ == 0)
				snprintf(name, sizeof name, "%s", _("Anggota"));
			else
				snprintf(name, sizeof name, "%s (%d)", _("Anggota"), sheet);
			ws = new_sheet(w, name, heads, kinds, n);
			if (!ws) {
				exp_iter_free(it);
				return siks_fail(e, SIKS_EIO, "", _("Lembar XLSX tidak dapat dibuat")), -1;
			}
			r = 1;
		}
		for (int i = 0; i < n; i++)
			cell(w, ws, r, i, v[i], kinds[i]);
		r++;
		(*count)++;
	}
	if (!ws)
		new_sheet(w, _("Anggota"), heads, kinds, n);
	exp_iter_free(it);
	return got < 0 ? -1 : 0;
}

int export_xlsx(siks *s, const char *path, const exp_filter *f, long *rows, siks_err *e)
{
	long n = 0;
	if (rows)
		*rows = 0;
	if (auth_allow(s, SIKS_ACT_EXPORT, e) != 0)
		return SIKS_EPERM;
	if (s->site_role == SIKS_SITE_KABUPATEN && auth_allow(s, SIKS_ACT_EXPORT_OTHER, e) != 0)
		return SIKS_EPERM;
	if (hh_setup() != 0)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	char tmp[1100];
	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, plat_pid());
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
	wctx w = { 0 };
	w.wb = workbook_new_opt(tmp, &opt);
	if (!w.wb)
		return siks_fail(e, SIKS_EIO, "", _("Tidak dapat menulis %s"), path);
	w.head = workbook_add_format(w.wb);
	format_set_bold(w.head);
	format_set_bg_color(w.head, 0xDDDDDD);
	format_set_num_format(w.head, "@");
	w.text = workbook_add_format(w.wb);
	format_set_num_format(w.text, "@");
	int rc = households(&w, s, f, e);
	if (rc == 0)
		rc = members(&w, s, f, &n, e);
	lxw_error x = workbook_close(w.wb);
	if (rc == 0 && x != LXW_NO_ERROR)
		rc = siks_fail(e, SIKS_EIO, "", _("Tidak dapat menulis %s: %s"), path, lxw_strerror(x));
	if (rc == 0 && plat_fsync_file(tmp) != 0)
		rc = siks_fail(e, SIKS_EIO, "", _("Tidak dapat menulis %s"), path);
	if (rc == 0 && plat_rename(tmp, path, e) != 0)
		rc = SIKS_EIO;
	if (rc != 0) {
		plat_remove(tmp);
		return e && e->code ? e->code : SIKS_EIO;
	}
	char what[1200];
	snprintf(what, sizeof what, "XLSX %ld %s -> %s", n, _("anggota"), path);
	audit_note_export(s, what, NULL);
	if (rows)
		*rows = n;
	return 0;
}
