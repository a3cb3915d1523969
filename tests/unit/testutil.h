/* testutil.h — shared helpers for the cmocka unit tests.
 * Each test binary includes this once. Databases live in a fresh temporary
 * folder per call; SIKSDESA_DATA points at the repository's data/ (the
 * binaries run from the repository root). */
#ifndef SIKS_TESTUTIL_H
#define SIKS_TESTUTIL_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "siks/siks.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/rec.h"

/* A new empty folder under /tmp; path written into dir (size >= 64). */
static inline void tu_tmpdir(char *dir)
{
	strcpy(dir, "/tmp/siks-test-XXXXXX");
	assert_non_null(mkdtemp(dir));
}

/* Fixes "today" and the language, so messages and date rules are stable. */
static inline void tu_env(void)
{
	setenv("SIKSDESA_NOW", "2026-11-27", 1);
	if (!getenv("SIKSDESA_DATA"))
		setenv("SIKSDESA_DATA", "data", 1);
	siks_i18n_init("id");
}

/* Opens a new database in a temp folder; role 0 leaves it without a site,
 * else it is a desa (35.28.01.2001) or kabupaten (35.28) site. The path is
 * written into path when not NULL (size >= 128). */
static inline siks *tu_open(int role, char *path)
{
	char dir[64], p[128];
	tu_env();
	tu_tmpdir(dir);
	snprintf(p, sizeof p, "%s/t.db", dir);
	siks *s = NULL;
	siks_err e = { 0 };
	int rc = siks_open(&s, p, SIKS_OPEN_CREATE, &e);
	if (rc != 0)
		fprintf(stderr, "open: %s\n", e.msg);
	assert_int_equal(rc, 0);
	if (role == SIKS_SITE_DESA)
		assert_int_equal(siks_site_init(s, role, "35.28.01.2001", "Dabuan", &e), 0);
	else if (role == SIKS_SITE_KABUPATEN)
		assert_int_equal(siks_site_init(s, role, "35.28", "Kabupaten Pamekasan", &e), 0);
	if (path)
		strcpy(path, p);
	return s;
}

/* Saves a household with the given dusun/RT and returns its id in id. */
static inline void tu_household(siks *s, const char *dusun, int rt, char id[33])
{
	siks_rec h;
	siks_err e = { 0 };
	assert_int_equal(rec_init(&h, "household"), 0);
	rec_set(&h, "desa", "35.28.01.2001");
	rec_set(&h, "dusun", dusun);
	rec_set_int(&h, "rt", rt);
	rec_set_int(&h, "rw", 1);
	rec_set(&h, "alamat", "Jl. Raya Tlanakan");
	assert_int_equal(rec_save(s, &h, &e), 0);
	strcpy(id, h.id);
	rec_free(&h);
}

/* Saves a member; returns its id in id (may be NULL). */
static inline void tu_member(siks *s, const char *hh, const char *nik, const char *nama,
			     int sex, const char *birth, int shdk, char *id)
{
	siks_rec m;
	siks_err e = { 0 };
	assert_int_equal(rec_init(&m, "member"), 0);
	rec_set(&m, "household_id", hh);
	rec_set(&m, "nik", nik);
	rec_set(&m, "no_kk", "3528010101200001");
	rec_set(&m, "nama", nama);
	rec_set_int(&m, "jenis_kelamin", sex);
	rec_set(&m, "tanggal_lahir", birth);
	rec_set_int(&m, "shdk", shdk);
	rec_set_int(&m, "keberadaan", 1);
	int rc = rec_save(s, &m, &e);
	if (rc)
		fprintf(stderr, "member: %s\n", e.msg);
	assert_int_equal(rc, 0);
	if (id)
		strcpy(id, m.id);
	rec_free(&m);
}
#endif
