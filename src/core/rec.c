/* rec.c — records as strings, and the one write path (see rec.h).
 * SQL here is generated from the table descriptors in tables.c (never from
 * user text) once per table, and then cached like every other statement. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "siks/strbuf.h"

/* ---- records ---------------------------------------------------------- */

int rec_init(siks_rec *r, const char *table)
{
	memset(r, 0, sizeof *r);
	r->t = siks_table_find(table);
	if (!r->t)
		return SIKS_EINVAL;
	r->v = calloc((size_t)r->t->nfields, sizeof *r->v);
	return r->v ? 0 : SIKS_ENOMEM;
}

void rec_free(siks_rec *r)
{
	if (r->v && r->t)
		for (int i = 0; i < r->t->nfields; i++)
			free(r->v[i]);
	free(r->v);
	r->v = NULL;
}

static int set_at(siks_rec *r, int i, const char *value)
{
	free(r->v[i]);
	r->v[i] = NULL;
	if (value && *value) {
		r->v[i] = strdup(value);
		if (!r->v[i])
			return SIKS_ENOMEM;
	}
	return 0;
}

int rec_set(siks_rec *r, const char *field, const char *value)
{
	int i = siks_field_index(r->t, field);
	return i < 0 ? -1 : set_at(r, i, value);
}

int rec_set_int(siks_rec *r, const char *field, long long value)
{
	char b[24];
	snprintf(b, sizeof b, "%lld", value);
	return rec_set(r, field, b);
}

const char *rec_get(const siks_rec *r, const char *field)
{
	int i = siks_field_index(r->t, field);
	return i < 0 ? NULL : r->v[i];
}

long long rec_get_int(const siks_rec *r, const char *field, long long def)
{
	const char *v = rec_get(r, field);
	if (!v)
		return def;
	char *end;
	long long x = strtoll(v, &end, 10);
	return *end ? def : x;
}

int rec_copy(siks_rec *dst, const siks_rec *src)
{
	if (rec_init(dst, src->t->name) != 0)
		return SIKS_ENOMEM;
	memcpy(dst->id, src->id, sizeof dst->id);
	for (int i = 0; i < src->t->nfields; i++)
		if (set_at(dst, i, src->v[i]) != 0)
			return SIKS_ENOMEM;
	return 0;
}

/* The stored form of a value: numbers normalised so "007" and "7", or
 * "36" and "36.0", compare equal. Returns out, or value unchanged when it
 * is not a number (validation will have said so). */
static const char *norm(const siks_field *f, const char *value, char *out, size_t n)
{
	if (!value || !*value)
		return NULL;
	char *end;
	if (f->type == SIKS_T_INT) {
		long long x = strtoll(value, &end, 10);
		if (*end == '\0') {
			snprintf(out, n, "%lld", x);
			return out;
		}
	} else if (f->type == SIKS_T_REAL) {
		double x = strtod(value, &end);
		if (*end == '\0') {
			snprintf(out, n, "%.15g", x);
			return out;
		}
	}
	return value;
}

static int same(const char *a, const char *b)
{
	if (!a || !b)
		return !a && !b;
	return strcmp(a, b) == 0;
}

/* ---- generated SQL, one set per table ---------------------------------- */

struct table_sql {
	const siks_table *t;
	char *insert, *select, *update;
};
static struct table_sql sqls[16];

static struct table_sql *sql_for(const siks_table *t)
{
	size_t i = 0;
	for (; i < sizeof sqls / sizeof *sqls && sqls[i].t; i++)
		if (sqls[i].t == t)
			return &sqls[i];
	if (i == sizeof sqls / sizeof *sqls)
		return NULL;
	strbuf ins = { 0 }, sel = { 0 }, upd = { 0 };
	sb_addf(&ins, "INSERT INTO %s(id", t->name);
	sb_add(&sel, "SELECT id");
	sb_addf(&upd, "UPDATE %s SET ", t->name);
	for (int k = 0; k < t->nfields; k++) {
		sb_addf(&ins, ",%s", t->fields[k].name);
		sb_addf(&sel, ",%s", t->fields[k].name);
		sb_addf(&upd, "%s%s=?%d", k ? "," : "", t->fields[k].name, k + 2);
	}
	sb_add(&ins, ") VALUES(?1");
	for (int k = 0; k < t->nfields; k++)
		sb_addf(&ins, ",?%d", k + 2);
	sb_add(&ins, ")");
	sb_addf(&sel, " FROM %s WHERE id=?1", t->name);
	sb_add(&upd, " WHERE id=?1");
	if (ins.oom || sel.oom || upd.oom) {
		sb_free(&ins);
		sb_free(&sel);
		sb_free(&upd);
		return NULL;
	}
	sqls[i] = (struct table_sql){ t, ins.p, sel.p, upd.p };
	return &sqls[i];
}

static void bind_value(sqlite3_stmt *st, int k, const siks_field *f, const char *v)
{
	char *end;
	if (!v || !*v) {
		sqlite3_bind_null(st, k);
	} else if (f->type == SIKS_T_INT) {
		long long x = strtoll(v, &end, 10);
		if (*end == '\0')
			sqlite3_bind_int64(st, k, x);
		else
			sqlite3_bind_text(st, k, v, -1, SQLITE_TRANSIENT);
	} else if (f->type == SIKS_T_REAL) {
		double x = strtod(v, &end);
		if (*end == '\0')
			sqlite3_bind_double(st, k, x);
		else
			sqlite3_bind_text(st, k, v, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_bind_text(st, k, v, -1, SQLITE_TRANSIENT);
	}
}

/* ---- loading ----------------------------------------------------------- */

int rec_load(siks *s, siks_rec *r, const char *table, const char *id, siks_err *e)
{
	if (rec_init(r, table) != 0)
		return siks_fail(e, SIKS_EINVAL, "", _("Tabel tidak dikenal: %s"), table);
	struct table_sql *q = sql_for(r->t);
	sqlite3_stmt *st = q ? db_stmt(s, q->select, e) : NULL;
	if (!st)
		return e ? e->code : SIKS_EDB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return siks_fail(e, SIKS_ENOTFOUND, "", _("Data %s dengan id %s tidak ada"),
					 _(r->t->label), id);
		return db_fail(s, e, table);
	}
	snprintf(r->id, sizeof r->id, "%s", (const char *)sqlite3_column_text(st, 0));
	for (int k = 0; k < r->t->nfields; k++) {
		char b[40];
		const char *v = NULL;
		switch (sqlite3_column_type(st, k + 1)) {
		case SQLITE_NULL:
			break;
		case SQLITE_FLOAT:
			snprintf(b, sizeof b, "%.15g", sqlite3_column_double(st, k + 1));
			v = b;
			break;
		default:
			v = (const char *)sqlite3_column_text(st, k + 1);
		}
		if (set_at(r, k, v) != 0) {
			sqlite3_reset(st);
			return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		}
	}
	sqlite3_reset(st);
	return 0;
}

/* ---- clock ------------------------------------------------------------- */

int64_t rec_clock_next(siks *s)
{
	/* microseconds, so a burst of writes in one millisecond stays ordered */
	int64_t now = plat_now_ms() * 1000;
	s->hlc_last = now > s->hlc_last ? now : s->hlc_last + 1;
	return s->hlc_last;
}

void rec_clock_seen(siks *s, int64_t remote)
{
	if (remote > s->hlc_last)
		s->hlc_last = remote;
}

void rec_clock_load(siks *s)
{
	char v[64];
	long long h0 = 0, q0 = 0;
	if (siks_setting_get(s, "clock.hlc", v, sizeof v) != 0 || sscanf(v, "%lld %lld", &h0, &q0) != 2)
		h0 = q0 = 0;
	sqlite3_stmt *st = db_stmt(s, "SELECT coalesce(max(hlc), 0) FROM change WHERE seq > ?1", NULL);
	int64_t h1 = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, q0);
		if (sqlite3_step(st) == SQLITE_ROW)
			h1 = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	rec_clock_seen(s, h0);
	rec_clock_seen(s, h1);
	/* the setting behind the clock: written at the next commit */
	s->hlc_saved = s->hlc_last == h0 ? h0 : -2;
}

/* ---- the write path ---------------------------------------------------- */

/* While sync applies a change made at another site (rec_remote_begin), the
 * audit and change rows carry that site, its clock and its operator. */
static struct {
	int on;
	char origin[40];
	char op[64];
	int64_t hlc;
} rmt;

void rec_remote_begin(siks *s, const char *origin, int64_t hlc, const char *op)
{
	(void)s;
	rmt.on = 1;
	snprintf(rmt.origin, sizeof rmt.origin, "%s", origin);
	snprintf(rmt.op, sizeof rmt.op, "%s", op ? op : "");
	rmt.hlc = hlc;
}

void rec_remote_end(siks *s)
{
	(void)s;
	rmt.on = 0;
}

static const char *origin_of(siks *s)
{
	if (rmt.on)
		return rmt.origin;
	return s->site_id[0] ? s->site_id : "local";
}

static const char *operator_of(siks *s)
{
	if (rmt.on && rmt.op[0])
		return rmt.op;
	return s->operator_name[0] ? s->operator_name : "sistem";
}

static int log_write(siks *s, const char *table, const char *id, const char *field,
		     const char *old, const char *new, siks_err *e)
{
	char ts[20];
	plat_timestamp(ts);
	sqlite3_stmt *a = db_stmt(s,
		"INSERT INTO audit(ts,operator,origin,tbl,rec,field,old,new) VALUES(?,?,?,?,?,?,?,?)", e);
	if (!a)
		return SIKS_EDB;
	sqlite3_bind_text(a, 1, ts, -1, SQLITE_TRANSIENT);
	db_bind_text_or_null(a, 2, operator_of(s));
	sqlite3_bind_text(a, 3, origin_of(s), -1, SQLITE_STATIC);
	sqlite3_bind_text(a, 4, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(a, 5, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(a, 6, field, -1, SQLITE_STATIC);
	db_bind_text_or_null(a, 7, old);
	db_bind_text_or_null(a, 8, new);
	if (sqlite3_step(a) != SQLITE_DONE)
		return db_fail(s, e, "audit");
	sqlite3_stmt *c = db_stmt(s,
		"INSERT INTO change(hlc,origin,tbl,rec,field,value,operator) VALUES(?,?,?,?,?,?,?)", e);
	if (!c)
		return SIKS_EDB;
	sqlite3_bind_int64(c, 1, rmt.on ? rmt.hlc : rec_clock_next(s));
	sqlite3_bind_text(c, 2, origin_of(s), -1, SQLITE_STATIC);
	sqlite3_bind_text(c, 3, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(c, 4, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(c, 5, field, -1, SQLITE_STATIC);
	db_bind_text_or_null(c, 6, new);
	db_bind_text_or_null(c, 7, operator_of(s));
	if (sqlite3_step(c) != SQLITE_DONE)
		return db_fail(s, e, "change");
	return 0;
}

static int insert_rec(siks *s, siks_rec *r, struct table_sql *q, siks_err *e)
{
	sqlite3_stmt *st = db_stmt(s, q->insert, e);
	if (!st)
		return SIKS_EDB;
	strbuf json = { 0 };
	sb_add(&json, "{");
	sqlite3_bind_text(st, 1, r->id, -1, SQLITE_STATIC);
	for (int k = 0; k < r->t->nfields; k++) {
		char b[40];
		const char *v = norm(&r->t->fields[k], r->v[k], b, sizeof b);
		bind_value(st, k + 2, &r->t->fields[k], v);
		if (v) {
			if (json.n > 1)
				sb_add(&json, ",");
			sb_add_json(&json, r->t->fields[k].name);
			sb_add(&json, ":");
			sb_add_json(&json, v);
		}
	}
	sb_add(&json, "}");
	int rc = 0;
	if (json.oom)
		rc = siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	else if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(s, e, r->t->name);
	else
		rc = log_write(s, r->t->name, r->id, "*", NULL, json.p, e);
	sqlite3_reset(st);
	sb_free(&json);
	return rc;
}

static int update_rec(siks *s, siks_rec *r, const siks_rec *old, struct table_sql *q, siks_err *e)
{
	int changed = 0;
	for (int k = 0; k < r->t->nfields; k++) {
		char b[40];
		const char *v = norm(&r->t->fields[k], r->v[k], b, sizeof b);
		if (same(v, old->v[k]))
			continue;
		if (log_write(s, r->t->name, r->id, r->t->fields[k].name, old->v[k], v, e) != 0)
			return SIKS_EDB;
		changed++;
	}
	if (!changed)
		return 0;
	sqlite3_stmt *st = db_stmt(s, q->update, e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, r->id, -1, SQLITE_STATIC);
	for (int k = 0; k < r->t->nfields; k++) {
		char b[40];
		bind_value(st, k + 2, &r->t->fields[k], norm(&r->t->fields[k], r->v[k], b, sizeof b));
	}
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, r->t->name);
	sqlite3_reset(st);
	return rc;
}

int rec_save(siks *s, siks_rec *r, siks_err *e)
{
	struct table_sql *q = sql_for(r->t);
	if (!q)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	int rc;
	if (!r->id[0]) {
		siks_id_new(r->id);
		rc = insert_rec(s, r, q, e);
	} else {
		siks_rec old;
		siks_err e2;
		rc = rec_load(s, &old, r->t->name, r->id, &e2);
		if (rc == SIKS_ENOTFOUND)
			rc = insert_rec(s, r, q, e);
		else if (rc == 0)
			rc = update_rec(s, r, &old, q, e);
		else if (e)
			*e = e2;
		rec_free(&old);
	}
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	return db_commit(s, e);
}

int rec_save_new(siks *s, siks_rec *r, siks_err *e)
{
	struct table_sql *q = sql_for(r->t);
	if (!q)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (!r->id[0])
		siks_id_new(r->id);
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	if (insert_rec(s, r, q, e) != 0) {
		db_rollback(s);
		return SIKS_EDB;
	}
	return db_commit(s, e);
}

int rec_save_field(siks *s, const char *table, const char *id, const char *field,
		   const char *value, siks_err *e)
{
	siks_rec r;
	int rc = rec_load(s, &r, table, id, e);
	if (rc == 0) {
		if (rec_set(&r, field, value) != 0)
			rc = siks_fail(e, SIKS_EINVAL, field, _("Kolom tidak dikenal: %s"), field);
		else
			rc = rec_save(s, &r, e);
	}
	rec_free(&r);
	return rc;
}
