/* db.c — statement cache, nested transactions, small helpers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/db.h"
#include "siks/platform.h"
#include "siks/i18n.h"

/* Statements cached by the address of their SQL literal: a lookup is a
 * pointer hash, so a hot loop pays no prepare. */
struct stmt_cache {
	size_t cap, n;
	const char **key;
	sqlite3_stmt **st;
};

static size_t slot_of(const struct stmt_cache *c, const char *sql)
{
	uintptr_t h = (uintptr_t)sql;
	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15u;
	size_t i = (size_t)(h >> 7) & (c->cap - 1);
	while (c->key[i] && c->key[i] != sql)
		i = (i + 1) & (c->cap - 1);
	return i;
}

static int cache_grow(struct stmt_cache *c)
{
	struct stmt_cache nc = { c->cap ? c->cap * 2 : 64, c->n, NULL, NULL };
	nc.key = calloc(nc.cap, sizeof *nc.key);
	nc.st = calloc(nc.cap, sizeof *nc.st);
	if (!nc.key || !nc.st) {
		free(nc.key);
		free(nc.st);
		return -1;
	}
	for (size_t i = 0; i < c->cap; i++)
		if (c->key[i]) {
			size_t j = slot_of(&nc, c->key[i]);
			nc.key[j] = c->key[i];
			nc.st[j] = c->st[i];
		}
	free(c->key);
	free(c->st);
	*c = nc;
	return 0;
}

void db_cache_free(siks *s)
{
	struct stmt_cache *c = s->stmts;
	if (!c)
		return;
	for (size_t i = 0; i < c->cap; i++)
		if (c->st[i])
			sqlite3_finalize(c->st[i]);
	free(c->key);
	free(c->st);
	free(c);
	s->stmts = NULL;
}

int db_fail(siks *s, siks_err *e, const char *what)
{
	return siks_fail(e, SIKS_EDB, "", _("Basis data menolak (%s): %s"), what,
			 s && s->db ? sqlite3_errmsg(s->db) : "?");
}

sqlite3_stmt *db_stmt(siks *s, const char *sql, siks_err *e)
{
	if (!s->stmts) {
		s->stmts = calloc(1, sizeof *s->stmts);
		if (!s->stmts || cache_grow(s->stmts) != 0) {
			siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
			return NULL;
		}
	}
	struct stmt_cache *c = s->stmts;
	size_t i = slot_of(c, sql);
	if (c->key[i]) {
		sqlite3_reset(c->st[i]);
		sqlite3_clear_bindings(c->st[i]);
		return c->st[i];
	}
	if ((c->n + 1) * 2 > c->cap) {
		if (cache_grow(c) != 0) {
			siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
			return NULL;
		}
		i = slot_of(c, sql);
	}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(s, e, sql);
		return NULL;
	}
	c->key[i] = sql;
	c->st[i] = st;
	c->n++;
	return st;
}

int db_exec(siks *s, const char *sql, siks_err *e)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		siks_fail(e, SIKS_EDB, "", _("Basis data menolak: %s"), msg ? msg : "?");
		sqlite3_free(msg);
		return SIKS_EDB;
	}
	return 0;
}

int db_begin(siks *s, siks_err *e)
{
	if (s->tx_depth == 0) {
		if (db_exec(s, "BEGIN IMMEDIATE", e) != 0)
			return SIKS_EDB;
		s->tx_failed = 0;
	}
	s->tx_depth++;
	return 0;
}

/* The clock where the next start reads it (siks.c: load_clock), when it
 * moved: one small row with the transaction that moved it. */
static int save_clock(siks *s, siks_err *e)
{
	if (s->hlc_saved == -1 || s->hlc_saved == s->hlc_last)
		return 0;
	sqlite3_stmt *st = db_stmt(s, "INSERT INTO setting(key, value) VALUES('clock.hlc',"
				      " ?1 || ' ' || (SELECT coalesce(max(seq), 0) FROM change))"
				      " ON CONFLICT(key) DO UPDATE SET value = excluded.value", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_int64(st, 1, s->hlc_last);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "setting");
	sqlite3_reset(st);
	if (rc == 0)
		s->hlc_saved = s->hlc_last;
	return rc;
}

int db_commit(siks *s, siks_err *e)
{
	if (s->tx_depth <= 0)
		return siks_fail(e, SIKS_EDB, "", "db_commit without db_begin");
	if (--s->tx_depth > 0)
		return s->tx_failed ? SIKS_EDB : 0;
	if (s->tx_failed) {
		db_exec(s, "ROLLBACK", NULL);
		return siks_fail(e, SIKS_EDB, "", _("Perubahan dibatalkan: ada langkah yang gagal"));
	}
	if ((s->search_queue && db_search_flush(s, e) != 0) || save_clock(s, e) != 0) {
		db_exec(s, "ROLLBACK", NULL);
		return SIKS_EDB;
	}
	if (db_exec(s, "COMMIT", e) != 0) {
		db_exec(s, "ROLLBACK", NULL);
		return SIKS_EDB;
	}
	return 0;
}

void db_bulk(siks *s, int64_t grow)
{
	char pragma[48];
	int64_t kib = 2000;
	if (grow >= 0) {
		int64_t size = plat_file_size(s->path);
		kib = ((size > 0 ? size : 0) + grow) / 4 / 1024;
		kib = kib < 32768 ? 32768 : kib > 262144 ? 262144 : kib;
	}
	snprintf(pragma, sizeof pragma, "PRAGMA cache_size=-%lld", (long long)kib);
	db_exec(s, pragma, NULL);
	/* and the log copied back into the file every 64 MiB, not every 4: the
	 * index pages every package touches are copied once, not each time */
	db_exec(s, grow >= 0 ? "PRAGMA wal_autocheckpoint=16384" : "PRAGMA wal_autocheckpoint=1000", NULL);
}

void db_rollback(siks *s)
{
	if (s->tx_depth <= 0)
		return;
	s->tx_failed = 1;
	if (--s->tx_depth == 0) {
		if (!sqlite3_get_autocommit(s->db))
			db_exec(s, "ROLLBACK", NULL);
		s->tx_failed = 0;
	}
}

int db_collect(siks *s, sqlite3_stmt *st, size_t elem, void (*read)(sqlite3_stmt *st, void *row),
	       void **out, size_t *n, const char *what, siks_err *e)
{
	char *rows = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cnt == cap) {
			size_t nc = cap ? cap * 2 : 16;
			char *p = realloc(rows, nc * elem);
			if (!p) {
				sqlite3_reset(st);
				free(rows);
				*out = NULL;
				*n = 0;
				return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
			}
			rows = p;
			cap = nc;
		}
		read(st, rows + cnt++ * elem);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(rows);
		*out = NULL;
		*n = 0;
		return db_fail(s, e, what);
	}
	*out = rows;
	*n = cnt;
	return 0;
}

void db_read_id(sqlite3_stmt *st, void *row)
{
	const unsigned char *t = sqlite3_column_text(st, 0);
	snprintf(row, 33, "%s", t ? (const char *)t : "");
}

int64_t db_int(siks *s, const char *sql, int64_t def)
{
	sqlite3_stmt *st = db_stmt(s, sql, NULL);
	if (!st)
		return def;
	int64_t v = def;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

int db_bind_text_or_null(sqlite3_stmt *st, int i, const char *v)
{
	if (!v || !*v)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}
