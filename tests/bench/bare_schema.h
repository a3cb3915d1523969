/* bare_schema.h — the "bare SQLite" baseline the benches share (bench_sync,
 * bench_import): what SQLite alone needs to store the rows in our schema;
 * with the clock and file clean-up they both use. */
#ifndef SIKS_BENCH_BARE_SCHEMA_H
#define SIKS_BENCH_BARE_SCHEMA_H
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include "siks/db.h"
#include "siks/rec.h"

static double bare_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static unsigned bare_rnd(unsigned n)
{
	static uint64_t x = 88172645463325252u;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return (unsigned)(x % n);
}

static void bare_rm(const char *p)
{
	char w[600];
	unlink(p);
	snprintf(w, sizeof w, "%s-wal", p);
	unlink(w);
	snprintf(w, sizeof w, "%s-shm", p);
	unlink(w);
}

/* Bare SQLite inserting households of four members (the same columns as the
 * benches' generated rows) into the register's own schema, with its
 * triggers, indexes and search index, in one transaction: no validation, no
 * audit or change rows. Seconds; the file at p is removed. */
static double bare_schema(const char *p, long households)
{
	bare_rm(p);
	sqlite3 *db;
	sqlite3_open(p, &db);
	sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
			" PRAGMA temp_store=MEMORY; PRAGMA cache_size=-262144", 0, 0, 0); /* as db_bulk */
	for (int v = 1; v <= db_migration_count(); v++)
		sqlite3_exec(db, db_migration_sql(v), 0, 0, 0);
	sqlite3_stmt *h, *m;
	sqlite3_prepare_v2(db, "INSERT INTO household(id,desa,dusun,rt,rw,alamat,luas_lantai) VALUES(?,?,?,?,?,?,?)", -1, &h, 0);
	sqlite3_prepare_v2(db, "INSERT INTO member(id,household_id,nik,no_kk,nama,jenis_kelamin,tanggal_lahir,shdk,keberadaan)"
			       " VALUES(?,?,?,?,?,?,?,?,1)", -1, &m, 0);
	double t0 = bare_now();
	sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0);
	for (long i = 0; i < households; i++) {
		char hid[33], nik[17], kk[17];
		siks_id_new(hid);
		sqlite3_bind_text(h, 1, hid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(h, 2, "35.28.01.2001", -1, SQLITE_STATIC);
		sqlite3_bind_text(h, 3, "Krajan", -1, SQLITE_STATIC);
		sqlite3_bind_int(h, 4, 1 + (int)bare_rnd(20));
		sqlite3_bind_int(h, 5, 1 + (int)bare_rnd(5));
		sqlite3_bind_text(h, 6, "Jl. Raya Tlanakan", -1, SQLITE_STATIC);
		sqlite3_bind_double(h, 7, 20 + bare_rnd(80));
		sqlite3_step(h);
		sqlite3_reset(h);
		for (int k = 0; k < 4; k++) {
			char mid[33];
			siks_id_new(mid);
			snprintf(nik, sizeof nik, "3528010101%02u%04ld", bare_rnd(99), (i * 4 + k) % 9999);
			snprintf(kk, sizeof kk, "3528%012ld", i % 1000000000000L);
			sqlite3_bind_text(m, 1, mid, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(m, 2, hid, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(m, 3, nik, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(m, 4, kk, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(m, 5, k ? "Siti Aminah" : "Moh. Holis", -1, SQLITE_STATIC);
			sqlite3_bind_int(m, 6, k ? 2 : 1);
			sqlite3_bind_text(m, 7, "1980-05-17", -1, SQLITE_STATIC);
			sqlite3_bind_int(m, 8, k ? 4 : 1);
			sqlite3_step(m);
			sqlite3_reset(m);
		}
	}
	/* the search index, as db_commit writes it */
	for (int k = 0; db_search_flush_sql(k); k++)
		sqlite3_exec(db, db_search_flush_sql(k), 0, 0, 0);
	sqlite3_exec(db, "COMMIT", 0, 0, 0);
	double t = bare_now() - t0;
	sqlite3_finalize(h);
	sqlite3_finalize(m);
	sqlite3_close(db);
	bare_rm(p);
	return t;
}
#endif
