/* db.h — the thin SQLite layer (in the manner of Fossil's db.c).
 * Every statement is prepared with bound parameters; statements are cached
 * by their SQL text pointer, so pass string literals. Transactions nest by a
 * counter: only the outermost BEGIN IMMEDIATE / COMMIT reaches SQLite, and a
 * failure inside makes the outermost end roll back. */
#ifndef SIKS_DB_H
#define SIKS_DB_H
#include <sqlite3.h>
#include "siks/siks.h"

/* Returns a cached, reset statement for sql (a string literal) or NULL with e
 * filled. The statement stays owned by the cache: do not finalize it. */
sqlite3_stmt *db_stmt(siks *s, const char *sql, siks_err *e);
/* Runs sql (no parameters, may hold several statements). */
int db_exec(siks *s, const char *sql, siks_err *e);
/* Fills e from the connection's last error; returns SIKS_EDB. */
int db_fail(siks *s, siks_err *e, const char *what);

int db_begin(siks *s, siks_err *e);
/* Commits at the outermost level, or rolls back when any inner level failed. */
int db_commit(siks *s, siks_err *e);
/* Marks the transaction failed and ends this level (rolls back at the outermost). */
void db_rollback(siks *s);

/* Steps st to its end, appending one elem-sized row per result row, filled
 * by read(st, row). On success *out (malloc'd, the caller frees it) holds
 * *n rows; on failure *out is NULL, *n is 0 and e says why (what names the
 * table). st is reset either way. */
int db_collect(siks *s, sqlite3_stmt *st, size_t elem, void (*read)(sqlite3_stmt *st, void *row),
	       void **out, size_t *n, const char *what, siks_err *e);
/* A read for db_collect: column 0 as a 33-byte record id. */
void db_read_id(sqlite3_stmt *st, void *row);

/* Convenience: first column of the first row as integer (def when no row). */
int64_t db_int(siks *s, const char *sql, int64_t def);
/* Binds text, or NULL when v is NULL or "". */
int db_bind_text_or_null(sqlite3_stmt *st, int i, const char *v);

/* Finalizes every cached statement (siks_close). */
void db_cache_free(siks *s);

/* Applies the migrations up to the current schema version (each in one
 * transaction). Called by siks_open. */
int db_migrate(siks *s, siks_err *e);
/* A bulk write (a file import, a package merge) touches far more pages than
 * the default 2 MiB page cache holds, and spilling them in the middle of the
 * transaction cost a quarter of the time (half at a district's million
 * members, whose indexes take random inserts). db_bulk(s, grow) lets the
 * cache hold a quarter of the file as it will be (its size now plus about
 * grow bytes), from 32 MiB up to 256 MiB, for the bulk write: a village's
 * import stays small, a district's merge gets what it needs.
 * db_bulk(s, -1) gives the memory back. */
void db_bulk(siks *s, int64_t grow);
/* Indexes for search the rows the triggers noted in hh_fts_queue (schema
 * version 8), in one statement per kind. db_commit calls it before the
 * outermost COMMIT once s->search_queue is set; siks_open once at start. */
int db_search_flush(siks *s, siks_err *e);
/* Its statements, i = 0.. until NULL (benchmarks do the same work bare). */
const char *db_search_flush_sql(int i);
/* Migrations as SQL text, index 0 = version 1 (for tests). */
int db_migration_count(void);
const char *db_migration_sql(int version);
#endif
