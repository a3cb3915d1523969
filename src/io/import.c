/* import.c — DTKS-style file import (import.h): pass 1 cleans, checks and
 * stages rows; pass 2 groups them by No KK and saves through rec_save. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/backup.h"
#include "siks/auth.h"
#include "siks/charset.h"
#include "siks/colmap.h"
#include "siks/csv.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/import.h"
#include "siks/latihan.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "siks/strbuf.h"
#include "siks/validate.h"

#define VAL_MAX 1024
#define GROUP_MAX 60   /* members with one No KK: more means the No KK column is wrong */
#define US "\x1f"      /* joins staged values; cleaned values never hold control characters */

typedef struct ctx {
	siks *s;
	colmap m;
	imp_result *r;
	siks_err *e;
	const siks_table *tm, *th;
} ctx;

/* ---- problems ------------------------------------------------------------- */

static void cut(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
	size_t len = strlen(dst);
	dst[charset_utf8_valid_prefix(dst, len)] = 0;
}

static void problem(ctx *c, long line, int sev, const char *column, const char *value,
		    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void problem(ctx *c, long line, int sev, const char *column, const char *value,
		    const char *fmt, ...)
{
	imp_result *r = c->r;
	if (r->np == r->capp) {
		size_t cap = r->capp ? r->capp * 2 : 64;
		imp_problem *p = realloc(r->p, cap * sizeof *p);
		if (!p)
			return;
		r->p = p;
		r->capp = cap;
	}
	imp_problem *p = &r->p[r->np];
	p->seq = (long)r->np++;
	p->line = line;
	p->severity = sev;
	cut(p->column, sizeof p->column, column);
	cut(p->value, sizeof p->value, value);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->reason, sizeof p->reason, fmt, ap);
	va_end(ap);
	p->reason[charset_utf8_valid_prefix(p->reason, strlen(p->reason))] = 0;
	if (sev == SIKS_ERROR)
		r->errors++;
	else
		r->warnings++;
}

/* The file's header for table.field, or the field name when the file has none. */
static const char *column_of(ctx *c, const char *table, const char *field)
{
	int tbl = strcmp(table, "household") == 0 ? COL_HOUSEHOLD : COL_MEMBER;
	for (int i = 0; i < c->m.n; i++)
		if (c->m.c[i].tbl == tbl && strcmp(c->m.c[i].fd->name, field) == 0)
			return c->m.c[i].header;
	/* a household rule about a member's field (one head: shdk) */
	for (int i = 0; i < c->m.n; i++)
		if (c->m.c[i].tbl != COL_NONE && strcmp(c->m.c[i].fd->name, field) == 0)
			return c->m.c[i].header;
	return field;
}

/* Adds findings as problems of line; returns the number of errors. */
static int add_findings(ctx *c, long line, const siks_findings *f, const siks_rec *rec)
{
	int errors = 0;
	for (size_t i = 0; i < f->n; i++) {
		const siks_finding *d = &f->v[i];
		const char *table = d->table[0] ? d->table : (rec ? rec->t->name : "member");
		const char *value = NULL;
		if (rec && strcmp(rec->t->name, table) == 0)
			value = rec_get(rec, d->field);
		problem(c, line, d->severity, column_of(c, table, d->field), value, "%s", d->msg);
		errors += d->severity == SIKS_ERROR;
	}
	return errors;
}

/* ---- staging (pass 1) ---------------------------------------------------- */

/* The staged rows live in a private temporary file attached for the
 * import, not in memory (temp_store is MEMORY for statement journals): a
 * district's file of a million members staged 300 MB of RAM. */
static int stage_attached(siks *s)
{
	return db_int(s, "SELECT count(*) FROM pragma_database_list WHERE name = 'imp'", 0) > 0;
}

static int stage_setup(siks *s, siks_err *e)
{
	if (!stage_attached(s) &&
	    db_exec(s, "ATTACH '' AS imp", e) != 0)
		return SIKS_EDB;
	return db_exec(s,
		"CREATE TABLE IF NOT EXISTS imp.imp_stage(line INTEGER PRIMARY KEY, kk TEXT, nik TEXT, vals TEXT);"
		"CREATE INDEX IF NOT EXISTS imp.imp_stage_kk ON imp_stage(kk);"
		"CREATE INDEX IF NOT EXISTS imp.imp_stage_nik ON imp_stage(nik);"
		"DELETE FROM imp_stage;", e);
}

/* Id of the member with this NIK ("" when none); present members first. */
static void member_by_nik(siks *s, const char *nik, char id[33])
{
	id[0] = 0;
	sqlite3_stmt *st = db_stmt(s,
		"SELECT id FROM member WHERE nik=?1"
		" ORDER BY coalesce(keberadaan,1) IN (2,3), id LIMIT 1", NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, nik, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(id, 33, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
}

/* The member as it would be saved: the stored one (when the NIK is known)
 * with the file's columns laid over it, or a new one with defaults. */
static int member_from(ctx *c, char **vals, siks_rec *m)
{
	char id[33];
	member_by_nik(c->s, vals[c->m.col_nik], id);
	siks_err e2;
	if (!id[0] || rec_load(c->s, m, "member", id, &e2) != 0) {
		if (id[0])
			rec_free(m);
		if (rec_init(m, "member") != 0)
			return -1;
		rec_set(m, "keberadaan", "1");
	}
	for (int i = 0; i < c->m.n; i++)
		if (c->m.c[i].tbl == COL_MEMBER)
			rec_set(m, c->m.c[i].fd->name, vals[i]);
	return 0;
}

static void household_defaults(ctx *c, siks_rec *h)
{
	if (!rec_get(h, "desa") && c->s->site_role == SIKS_SITE_DESA)
		rec_set(h, "desa", c->s->site_kode);
}

static int all_empty(const csv_row *row)
{
	for (size_t i = 0; i < row->n; i++)
		for (const char *p = row->f[i]; *p; p++)
			if (*p != ' ' && *p != '\t')
				return 0;
	return 1;
}

/* Cleans, checks and stages one data row. Returns -1 on a database error. */
static int pass1_row(ctx *c, const csv_row *row, char **vals)
{
	long line = row->line;
	int errors = 0;
	c->r->rows++;
	if (row->flags & CSV_ROW_OPEN_QUOTE) {
		problem(c, line, SIKS_ERROR, "", NULL,
			_("Tanda kutip dibuka tetapi tidak ditutup sampai akhir berkas"));
		goto reject;
	}
	if (row->n != (size_t)c->m.n) {
		problem(c, line, SIKS_ERROR, "", NULL,
			_("Baris ini punya %zu kolom, baris judul %d (pemisah di dalam isian tanpa tanda kutip?)"),
			row->n, c->m.n);
		goto reject;
	}
	for (int i = 0; i < c->m.n; i++) {
		const colmap_col *col = &c->m.c[i];
		vals[i][0] = 0;
		if (col->tbl == COL_NONE)
			continue;
		int k = colmap_clean(c->s, col->fd, row->f[i], vals[i], VAL_MAX);
		if (k == CLEAN_SCIENTIFIC) {
			problem(c, line, SIKS_ERROR, col->header, row->f[i],
				_("%s: ditulis Excel dalam notasi ilmiah (%s); angka aslinya hilang dan tidak dapat dipulihkan. Ketik ulang dari KK/KTP dan simpan kolom ini sebagai Teks"),
				_(col->fd->label), row->f[i]);
			errors++;
		} else if (k == CLEAN_EXCEL_DATE) {
			char shown[11];
			date_format(vals[i], shown);
			problem(c, line, SIKS_WARN, col->header, row->f[i],
				_("%s: angka tanggal Excel %s dibaca sebagai %s; periksa"),
				_(col->fd->label), row->f[i], shown);
		}
	}
	if (errors)
		goto reject;

	/* the member, checked as it would be saved */
	siks_rec m, h;
	siks_findings f = { 0 };
	if (member_from(c, vals, &m) != 0)
		return -1;
	check_record(c->s, &m, &f);
	/* household columns of this row, each on its own (the whole household in pass 2) */
	if (rec_init(&h, "household") != 0) {
		rec_free(&m);
		return -1;
	}
	for (int i = 0; i < c->m.n; i++)
		if (c->m.c[i].tbl == COL_HOUSEHOLD)
			rec_set(&h, c->m.c[i].fd->name, vals[i]);
	household_defaults(c, &h);
	for (int i = 0; i < c->m.n; i++)
		if (c->m.c[i].tbl == COL_HOUSEHOLD && vals[i][0])
			check_field(c->s, &h, c->m.c[i].index, &f);
	errors = add_findings(c, line, &f, &m);
	siks_findings_free(&f);
	rec_free(&h);
	rec_free(&m);

	/* the same NIK twice in the file */
	const char *nik = vals[c->m.col_nik];
	if (!errors && *nik) {
		sqlite3_stmt *st = db_stmt(c->s, "SELECT line FROM imp_stage WHERE nik=?1 LIMIT 1", c->e);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, nik, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			problem(c, line, SIKS_ERROR, c->m.c[c->m.col_nik].header, nik,
				_("NIK: %s sudah ada di baris %lld berkas ini"), nik,
				(long long)sqlite3_column_int64(st, 0));
			errors++;
		}
		sqlite3_reset(st);
	}
	if (errors)
		goto reject;

	strbuf b = { 0 };
	for (int i = 0; i < c->m.n; i++) {
		if (i)
			sb_add(&b, US);
		sb_add(&b, vals[i]);
	}
	sqlite3_stmt *ins = db_stmt(c->s, "INSERT INTO imp_stage(line,kk,nik,vals) VALUES(?1,?2,?3,?4)", c->e);
	int rc = 0;
	if (!ins || b.oom) {
		rc = -1;
	} else {
		sqlite3_bind_int64(ins, 1, line);
		sqlite3_bind_text(ins, 2, vals[c->m.col_kk], -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, nik, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 4, b.p, (int)b.n, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = (db_fail(c->s, c->e, "imp_stage"), -1);
		sqlite3_reset(ins);
	}
	sb_free(&b);
	return rc;
reject:
	c->r->rows_rejected++;
	return 0;
}

/* ---- households (pass 2) -------------------------------------------------- */

typedef struct grow {
	long line;
	char *vals;       /* staged values, split in place */
	char **v;         /* c->m.n pointers into vals */
	siks_rec m;
	int existing;
} grow;

static void split(char *s, char **v, int n)
{
	for (int i = 0; i < n; i++) {
		v[i] = s;
		char *sep = s ? strchr(s, '\x1f') : NULL;
		if (sep) {
			*sep = 0;
			s = sep + 1;
		} else {
			s = NULL;
			for (int k = i + 1; k < n; k++)
				v[k] = "";
			return;
		}
	}
}

/* Existing household for a group: the one whose members carry this No KK;
 * else the household of members the file lists, when the file lists all of
 * them (the family got a new KK); "" when new. */
static int others(ctx *c, const char *hid, grow *g, int n, siks_rec **out, int *nout);
static void find_household(ctx *c, grow *g, int n, const char *kk, char id[33])
{
	id[0] = 0;
	sqlite3_stmt *st = db_stmt(c->s, "SELECT household_id FROM member WHERE no_kk=?1 ORDER BY id LIMIT 1", NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, kk, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(id, 33, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (id[0])
		return;
	for (int i = 0; i < n; i++)
		if (g[i].existing) {
			char x[33];
			siks_rec *rest;
			int nrest;
			snprintf(x, sizeof x, "%s", rec_get(&g[i].m, "household_id"));
			if (others(c, x, g, n, &rest, &nrest) == 0 && nrest == 0)
				snprintf(id, 33, "%s", x);
			for (int j = 0; j < nrest; j++)
				rec_free(&rest[j]);
			free(rest);
			return;
		}
}

/* Two cleaned values the same once stored ("003" and "3" are one RT)? */
static int same_value(const siks_field *fd, const char *a, const char *b)
{
	if (fd->type != SIKS_T_TEXT && *a && *b) {
		char *ea, *eb;
		double x = strtod(a, &ea), y = strtod(b, &eb);
		if (!*ea && !*eb)
			return x == y;
	}
	return strcmp(a, b) == 0;
}

/* The row whose household columns describe the household: the head's. */
static int source_row(ctx *c, grow *g, int n)
{
	for (int i = 0; i < n; i++)
		if (rec_get_int(&g[i].m, "shdk", 0) == 1)
			return i;
	return 0;
}

/* Saves r and counts it as new, changed or unchanged. */
static int save_counted(ctx *c, siks_rec *r, int is_new, long *n_new, long *n_changed, long *n_same)
{
	int before = sqlite3_total_changes(c->s->db);
	if (rec_save(c->s, r, c->e) != 0)
		return -1;
	if (is_new)
		(*n_new)++;
	else if (sqlite3_total_changes(c->s->db) != before)
		(*n_changed)++;
	else
		(*n_same)++;
	return 0;
}

/* Members of household id that the file does not mention (for the checks). */
static int others(ctx *c, const char *hid, grow *g, int n, siks_rec **out, int *nout)
{
	*out = NULL;
	*nout = 0;
	if (!hid[0])
		return 0;
	sqlite3_stmt *st = db_stmt(c->s, "SELECT id FROM member WHERE household_id=?1 ORDER BY id", c->e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, hid, -1, SQLITE_TRANSIENT);
	char ids[GROUP_MAX * 2][33];
	int k = 0;
	while (k < GROUP_MAX * 2 && sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		int mine = 0;
		for (int i = 0; i < n && !mine; i++)
			mine = strcmp(g[i].m.id, id) == 0;
		if (!mine)
			snprintf(ids[k++], 33, "%s", id);
	}
	sqlite3_reset(st);
	if (!k)
		return 0;
	*out = calloc((size_t)k, sizeof **out);
	if (!*out)
		return -1;
	for (int i = 0; i < k; i++) {
		if (rec_load(c->s, &(*out)[i], "member", ids[i], c->e) != 0)
			return -1;
		(*nout)++;
	}
	return 0;
}

static long line_of_record(grow *g, int n, const char *id, long def)
{
	for (int i = 0; i < n; i++)
		if (id[0] && strcmp(g[i].m.id, id) == 0)
			return g[i].line;
	return def;
}

static int household_group(ctx *c, const char *kk, grow *g, int n)
{
	int rc = 0;
	siks_rec h;
	char hid[33];
	int src = source_row(c, g, n);
	find_household(c, g, n, kk, hid);
	int hh_new = !hid[0];
	if (hh_new ? rec_init(&h, "household") : rec_load(c->s, &h, "household", hid, c->e))
		return -1;
	if (hh_new)
		siks_id_new(h.id);
	for (int i = 0; i < c->m.n; i++)
		if (c->m.c[i].tbl == COL_HOUSEHOLD)
			rec_set(&h, c->m.c[i].fd->name, g[src].v[i]);
	household_defaults(c, &h);
	for (int j = 0; j < n; j++) {
		rec_set(&g[j].m, "household_id", h.id);
		if (!g[j].m.id[0])
			siks_id_new(g[j].m.id);
		if (j == src)
			continue;
		for (int i = 0; i < c->m.n; i++)
			if (c->m.c[i].tbl == COL_HOUSEHOLD &&
			    !same_value(c->m.c[i].fd, g[j].v[i], g[src].v[i])) {
				problem(c, g[j].line, SIKS_WARN, c->m.c[i].header, g[j].v[i],
					_("%s berbeda dengan baris %ld (kepala keluarga) untuk No KK %s; dipakai isian baris %ld"),
					_(c->m.c[i].fd->label), g[src].line, kk, g[src].line);
				break;
			}
	}

	/* the household as a whole, with its members the file does not list */
	siks_rec *rest;
	int nrest;
	if (others(c, hh_new ? "" : hid, g, n, &rest, &nrest) != 0) {
		rec_free(&h);
		return -1;
	}
	siks_rec *all = calloc((size_t)(n + nrest), sizeof *all);
	siks_findings f = { 0 };
	if (!all) {
		rc = -1;
		goto done;
	}
	for (int j = 0; j < n; j++)
		all[j] = g[j].m;
	for (int j = 0; j < nrest; j++)
		all[n + j] = rest[j];
	check_record(c->s, &h, &f);
	check_household(c->s, &h, all, (size_t)(n + nrest), &f);
	int errors = 0;
	size_t first_problem = c->r->np;
	for (size_t i = 0; i < f.n; i++) {
		long line = line_of_record(g, n, f.v[i].record, g[src].line);
		siks_findings one = { &f.v[i], 1, 1 };
		errors += add_findings(c, line, &one, strcmp(f.v[i].table, "household") == 0 ? &h : NULL);
	}
	if (errors) {
		/* the whole household stays out; say so on each of its rows,
		 * pointing at the first row with an error */
		long first = 0;
		for (size_t p = first_problem; p < c->r->np; p++)
			if (c->r->p[p].severity == SIKS_ERROR && (!first || c->r->p[p].line < first))
				first = c->r->p[p].line;
		for (int j = 0; j < n; j++) {
			int named = 0;
			for (size_t p = first_problem; p < c->r->np && !named; p++)
				named = c->r->p[p].line == g[j].line && c->r->p[p].severity == SIKS_ERROR;
			if (!named)
				problem(c, g[j].line, SIKS_ERROR, c->m.c[c->m.col_kk].header, kk,
					_("Rumah tangga No KK %s tidak diimpor karena kesalahan di baris %ld"),
					kk, first);
		}
		c->r->rows_rejected += n;
		goto done;
	}
	if (save_counted(c, &h, hh_new, &c->r->hh_new, &c->r->hh_changed, &c->r->hh_same) != 0) {
		rc = -1;
		goto done;
	}
	for (int j = 0; j < n; j++)
		if (save_counted(c, &g[j].m, !g[j].existing, &c->r->mem_new, &c->r->mem_changed,
				 &c->r->mem_same) != 0) {
			rc = -1;
			goto done;
		}
done:
	siks_findings_free(&f);
	free(all);
	for (int j = 0; j < nrest; j++)
		rec_free(&rest[j]);
	free(rest);
	rec_free(&h);
	return rc;
}

static int pass2(ctx *c)
{
	sqlite3_stmt *groups = db_stmt(c->s,
		"SELECT kk, min(line) AS first, count(*) FROM imp_stage GROUP BY kk ORDER BY first", c->e);
	if (!groups)
		return -1;
	int rc = 0;
	grow g[GROUP_MAX];
	while (rc == 0 && sqlite3_step(groups) == SQLITE_ROW) {
		char kk[64];
		snprintf(kk, sizeof kk, "%s", (const char *)sqlite3_column_text(groups, 0));
		long count = (long)sqlite3_column_int64(groups, 2);
		sqlite3_stmt *rows = db_stmt(c->s, "SELECT line, vals FROM imp_stage WHERE kk=?1 ORDER BY line", c->e);
		if (!rows) {
			rc = -1;
			break;
		}
		sqlite3_bind_text(rows, 1, kk, -1, SQLITE_TRANSIENT);
		if (count > GROUP_MAX) {
			while (sqlite3_step(rows) == SQLITE_ROW)
				problem(c, (long)sqlite3_column_int64(rows, 0), SIKS_ERROR,
					c->m.c[c->m.col_kk].header, kk,
					_("No KK %s dipakai %ld baris; satu KK paling banyak %d anggota. Periksa kolom No KK"),
					kk, count, GROUP_MAX);
			sqlite3_reset(rows);
			c->r->rows_rejected += count;
			continue;
		}
		int n = 0;
		while (n < GROUP_MAX && sqlite3_step(rows) == SQLITE_ROW) {
			grow *r = &g[n];
			memset(r, 0, sizeof *r);
			r->line = (long)sqlite3_column_int64(rows, 0);
			r->vals = strdup((const char *)sqlite3_column_text(rows, 1));
			r->v = calloc((size_t)c->m.n, sizeof *r->v);
			n++;
			if (!r->vals || !r->v) {
				rc = -1;
				break;
			}
			split(r->vals, r->v, c->m.n);
			if (member_from(c, r->v, &r->m) != 0) {
				rc = -1;
				break;
			}
			r->existing = r->m.id[0] != 0;
		}
		sqlite3_reset(rows);
		if (rc == 0)
			rc = household_group(c, kk, g, n);
		for (int i = 0; i < n; i++) {
			rec_free(&g[i].m);
			free(g[i].vals);
			free(g[i].v);
		}
	}
	sqlite3_reset(groups);
	return rc;
}

/* ---- the whole import ---------------------------------------------------- */

static int by_line(const void *a, const void *b)
{
	const imp_problem *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int import_file(siks *s, const char *path, const imp_opts *o, imp_result *r, siks_err *e)
{
	static const imp_opts defaults = { 0, NULL, CS_AUTO, 0 };
	ctx c = { .s = s, .r = r, .e = e };
	char **vals = NULL;
	int rc = 0, in_tx = 0;
	if (!o)
		o = &defaults;
	memset(r, 0, sizeof *r);
	r->dry_run = o->dry_run;
	if (auth_allow(s, SIKS_ACT_IMPORT, e) != 0)
		return SIKS_EPERM;
	/* a safety copy before anything is written (backup.h); a dry run writes nothing */
	if (!o->dry_run && backup_before(s, "impor", e) != 0)
		return e ? e->code : SIKS_EIO;
	if (o->map_path && colmap_load_aliases(&c.m, o->map_path, e) != 0)
		return e ? e->code : SIKS_EFORMAT;
	csv_reader *in = csv_open_file(path, o->charset, o->sep, e);
	if (!in)
		return e ? e->code : SIKS_EIO;
	snprintf(r->charset, sizeof r->charset, "%s", charset_name(csv_charset(in)));
	r->sep = (char)csv_sep(in);
	csv_row row;
	int got = csv_next(in, &row, e);
	if (got <= 0) {
		csv_close(in);
		return got < 0 ? (e ? e->code : SIKS_EFORMAT)
			       : siks_fail(e, SIKS_EFORMAT, "", _("Berkas %s kosong"), path);
	}
	/* an export of a practice database never passes for real data */
	if (latihan_refuse_import(s, path, row.f, row.n, e) != 0) {
		csv_close(in);
		return SIKS_EPERM;
	}
	if (colmap_header(&c.m, row.f, row.n, e) != 0) {
		csv_close(in);
		return e ? e->code : SIKS_EFORMAT;
	}
	colmap_ignored(&c.m, r->ignored, sizeof r->ignored);
	vals = calloc((size_t)c.m.n, sizeof *vals);
	for (int i = 0; vals && i < c.m.n; i++)
		if (!(vals[i] = malloc(VAL_MAX)))
			rc = siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (!vals)
		rc = siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (rc == 0 && stage_setup(s, e) != 0)
		rc = SIKS_EDB;
	if (rc == 0 && db_begin(s, e) != 0)
		rc = SIKS_EDB;
	in_tx = rc == 0;
	if (in_tx) /* the register grows about twelve times the file's size */
		db_bulk(s, plat_file_size(path) * 12);
	while (rc == 0 && (got = csv_next(in, &row, e)) == 1)
		if (!all_empty(&row) && pass1_row(&c, &row, vals) != 0)
			rc = e && e->code ? e->code : SIKS_EDB;
	if (rc == 0 && got < 0)
		rc = e ? e->code : SIKS_EFORMAT;
	if (rc == 0 && pass2(&c) != 0)
		rc = e && e->code ? e->code : SIKS_EDB;
	if (in_tx) {
		if (rc != 0 || o->dry_run)
			db_rollback(s);
		else if (db_commit(s, e) != 0)
			rc = SIKS_EDB;
		db_bulk(s, -1);
	}
	/* the file goes with the stage (outside the transaction, now over) */
	if (stage_attached(s))
		db_exec(s, "DETACH imp", NULL);
	csv_close(in);
	for (int i = 0; vals && i < c.m.n; i++)
		free(vals[i]);
	free(vals);
	/* pass 2 adds to rows pass 1 already passed: show them in file order */
	if (r->np > 1)
		qsort(r->p, r->np, sizeof *r->p, by_line);
	return rc;
}

void imp_result_free(imp_result *r)
{
	free(r->p);
	r->p = NULL;
	r->np = r->capp = 0;
}

int import_report_write(const imp_result *r, const char *path, siks_err *e)
{
	strbuf b = { 0 };
	sb_add(&b, "\xEF\xBB\xBF");
	sb_add(&b, "baris,tingkat,kolom,nilai,alasan\r\n");
	for (size_t i = 0; i < r->np; i++) {
		const imp_problem *p = &r->p[i];
		sb_addf(&b, "%ld,", p->line);
		csv_add_field(&b, p->severity == SIKS_ERROR ? _("ditolak") : _("peringatan"), ',');
		sb_add(&b, ",");
		csv_add_field(&b, p->column, ',');
		sb_add(&b, ",");
		/* a NIK stays text when Excel opens the report */
		csv_add_field(&b, p->value, ',');
		sb_add(&b, ",");
		csv_add_field(&b, p->reason, ',');
		sb_add(&b, "\r\n");
	}
	if (b.oom) {
		sb_free(&b);
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	}
	int rc = plat_write_file_atomic(path, b.p, b.n, e);
	sb_free(&b);
	return rc;
}
