/* export.c — the member walk shared by every writer, and the CSV writer
 * (export.h). The SELECT is generated once from the table descriptors in
 * tables.c (never from user text), like rec.c's statements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/auth.h"
#include "siks/charset.h"
#include "siks/colmap.h"
#include "siks/csv.h"
#include "siks/db.h"
#include "siks/export.h"
#include "siks/history.h"
#include "siks/i18n.h"
#include "siks/latihan.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "siks/strbuf.h"

#define MAXCOLS 64

/* The columns: the household's DTKS id and village first, then the member,
 * then the rest of the household. */
static struct col {
	int hh;                 /* 1: household column */
	const siks_field *fd;
	const char *name;
} cols[MAXCOLS];
static int ncols;
static char *select_sql;

static void add_col(int hh, const siks_field *fd)
{
	if (ncols < MAXCOLS)
		cols[ncols++] = (struct col){ hh, fd,
			colmap_export_name(hh ? "household" : "member", fd->name) };
}

static int setup(void)
{
	if (select_sql)
		return 0;
	const siks_table *h = siks_table_find("household"), *m = siks_table_find("member");
	add_col(1, siks_field_find(h, "iddtks"));
	add_col(1, siks_field_find(h, "desa"));
	for (int i = 0; i < m->nfields; i++)
		if (m->fields[i].kind != SIKS_K_REF)
			add_col(0, &m->fields[i]);
	for (int i = 0; i < h->nfields; i++)
		if (strcmp(h->fields[i].name, "iddtks") != 0 && strcmp(h->fields[i].name, "desa") != 0)
			add_col(1, &h->fields[i]);
	strbuf b = { 0 };
	sb_add(&b, "SELECT ");
	for (int i = 0; i < ncols; i++)
		sb_addf(&b, "%s%s.%s", i ? "," : "", cols[i].hh ? "h" : "m", cols[i].fd->name);
	sb_add(&b, " FROM member m JOIN household h ON h.id=m.household_id"
		   " WHERE (?1=0 OR EXISTS(SELECT 1 FROM usulan u WHERE u.household_id=h.id"
		   "   AND u.status=5 AND u.tanggal BETWEEN ?2 AND ?3))"
		   " AND (?4 IS NULL OR h.desa=?4)"
		   " ORDER BY h.desa, h.dusun, h.rt, h.rw, m.no_kk, h.id, m.shdk, m.nik, m.id");
	if (b.oom) {
		sb_free(&b);
		return -1;
	}
	select_sql = b.p;
	return 0;
}

int exp_ncols(void)
{
	setup();
	return ncols;
}

const char *exp_col_name(int i)
{
	setup();
	return i >= 0 && i < ncols ? cols[i].name : "";
}

int exp_col_kind(int i)
{
	setup();
	if (i < 0 || i >= ncols)
		return 0;
	const siks_field *fd = cols[i].fd;
	if (fd->kind == SIKS_K_DIGITS && fd->type == SIKS_T_TEXT)
		return 1;
	return fd->type == SIKS_T_TEXT ? 0 : 2;
}

struct exp_iter {
	siks *s;
	sqlite3_stmt *st;
	const char *v[MAXCOLS];
	char num[MAXCOLS][32];
};

exp_iter *exp_iter_new(siks *s, const exp_filter *f, siks_err *e)
{
	if (setup() != 0) {
		siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		return NULL;
	}
	exp_iter *it = calloc(1, sizeof *it);
	if (!it) {
		siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		return NULL;
	}
	it->s = s;
	it->st = db_stmt(s, select_sql, e);
	if (!it->st) {
		free(it);
		return NULL;
	}
	sqlite3_bind_int(it->st, 1, f && f->accepted_only);
	sqlite3_bind_text(it->st, 2, f && f->from ? f->from : "0000-00-00", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(it->st, 3, f && f->to ? f->to : "9999-99-99", -1, SQLITE_TRANSIENT);
	db_bind_text_or_null(it->st, 4, f ? f->desa : NULL);
	return it;
}

int exp_iter_next(exp_iter *it, const char ***v, siks_err *e)
{
	int rc = sqlite3_step(it->st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_fail(it->s, e, "member"), -1;
	for (int i = 0; i < ncols; i++) {
		switch (sqlite3_column_type(it->st, i)) {
		case SQLITE_NULL:
			it->v[i] = "";
			break;
		case SQLITE_FLOAT: /* as rec_load shows it */
			snprintf(it->num[i], sizeof it->num[i], "%.15g", sqlite3_column_double(it->st, i));
			it->v[i] = it->num[i];
			break;
		default:
			it->v[i] = (const char *)sqlite3_column_text(it->st, i);
		}
	}
	*v = it->v;
	return 1;
}

void exp_iter_free(exp_iter *it)
{
	if (!it)
		return;
	sqlite3_reset(it->st);
	free(it);
}

/* ---- CSV ------------------------------------------------------------------ */

/* Encodes b and writes it; empties b. */
static int flush(plat_afile *f, cs_encoder *enc, strbuf *b, char **out, size_t *cap, siks_err *e)
{
	size_t len = 0;
	if (b->oom)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (cs_encode(enc, b->p ? b->p : "", b->n, out, &len, cap, e) != 0)
		return -1;
	sb_reset(b);
	if (plat_afile_write(f, *out, len) != 0)
		return siks_fail(e, SIKS_EIO, "", _("Berkas tidak dapat ditulis (disk penuh?)"));
	return 0;
}

static void add_cell(strbuf *b, const char *v, int kind, int sep)
{
	/* a cell a spreadsheet would run as a formula: kept as text */
	if (kind == 0 && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) {
		strbuf t = { 0 };
		sb_add(&t, "'");
		sb_add(&t, v);
		csv_add_field(b, t.p ? t.p : "'", sep);
		sb_free(&t);
		return;
	}
	csv_add_field(b, v, sep);
}

int export_csv(siks *s, const char *path, const exp_opts *o, long *rows, siks_err *e)
{
	int cs = o && o->charset >= 0 ? o->charset : CS_UTF8_BOM;
	int sep = o && o->sep ? o->sep : ',';
	char sepc = (char)sep;
	long n = 0;
	if (rows)
		*rows = 0;
	if (auth_allow(s, SIKS_ACT_EXPORT, e) != 0)
		return SIKS_EPERM;
	if (s->site_role == SIKS_SITE_KABUPATEN && auth_allow(s, SIKS_ACT_EXPORT_OTHER, e) != 0)
		return SIKS_EPERM;
	cs_encoder *enc = cs_encoder_new(cs, e);
	if (!enc)
		return SIKS_EINVAL;
	exp_iter *it = exp_iter_new(s, o ? o->filter : NULL, e);
	plat_afile *f = it ? plat_afile_open(path, e) : NULL;
	if (!f) {
		exp_iter_free(it);
		cs_encoder_free(enc);
		return e ? e->code : SIKS_EIO;
	}
	strbuf b = { 0 };
	char *out = NULL;
	size_t cap = 0, len = 0;
	int rc = cs_encode_bom(enc, &out, &len, &cap, e);
	if (rc == 0 && plat_afile_write(f, out, len) != 0)
		rc = siks_fail(e, SIKS_EIO, "", _("Berkas tidak dapat ditulis (disk penuh?)"));
	for (int i = 0; i < ncols; i++) {
		if (i)
			sb_addn(&b, &sepc, 1);
		csv_add_field(&b, cols[i].name, sep);
	}
	/* the practice mark (latihan.h): a real register refuses to import it */
	if (s->practice) {
		sb_addn(&b, &sepc, 1);
		csv_add_field(&b, LATIHAN_MARK_COL, sep);
	}
	sb_add(&b, "\r\n");
	const char **v;
	int got;
	while (rc == 0 && (got = exp_iter_next(it, &v, e)) == 1) {
		for (int i = 0; i < ncols; i++) {
			if (i)
				sb_addn(&b, &sepc, 1);
			add_cell(&b, v[i], exp_col_kind(i), sep);
		}
		if (s->practice) {
			sb_addn(&b, &sepc, 1);
			csv_add_field(&b, LATIHAN_MARK, sep);
		}
		sb_add(&b, "\r\n");
		n++;
		if (b.n >= 60000)
			rc = flush(f, enc, &b, &out, &cap, e);
	}
	if (rc == 0 && got < 0)
		rc = e ? e->code : SIKS_EDB;
	if (rc == 0)
		rc = flush(f, enc, &b, &out, &cap, e);
	exp_iter_free(it);
	cs_encoder_free(enc);
	sb_free(&b);
	free(out);
	if (rc != 0) {
		plat_afile_abort(f);
		return rc;
	}
	if (plat_afile_commit(f, e) != 0)
		return e ? e->code : SIKS_EIO;
	char what[1200];
	snprintf(what, sizeof what, "%s %ld %s -> %s", o && o->what ? o->what : "CSV", n,
		 _("anggota"), path);
	audit_note_export(s, what, NULL);
	if (rows)
		*rows = n;
	return 0;
}
