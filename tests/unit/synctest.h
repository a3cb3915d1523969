/* synctest.h — helpers for the sync tests: sites in temporary databases,
 * enrollment, and moving packages between mailboxes. */
#ifndef SIKS_SYNCTEST_H
#define SIKS_SYNCTEST_H
#include <dirent.h>
#include <sys/stat.h>
#include "testutil.h"
#include "siks/sync.h"
#include "siks/platform.h"

/* A site in a fresh temp folder: role DESA or KABUPATEN with kode. */
static inline siks *st_site(int role, const char *kode, char *path)
{
	char dir[64], p[128];
	tu_env();
	tu_tmpdir(dir);
	snprintf(p, sizeof p, "%s/t.db", dir);
	siks *s = NULL;
	siks_err e = { 0 };
	assert_int_equal(siks_open(&s, p, SIKS_OPEN_CREATE, &e), 0);
	if (role)
		assert_int_equal(siks_site_init(s, role, kode, NULL, &e), 0);
	if (path)
		strcpy(path, p);
	return s;
}

/* Enrolls village v (kode) at district d and joins it. */
static inline void st_pair(siks *d, siks *v, const char *kode)
{
	char dir[64], code[16], path[1024];
	siks_err e = { 0 };
	tu_tmpdir(dir);
	int rc = sync_enroll(d, kode, dir, code, path, sizeof path, &e);
	if (rc)
		fprintf(stderr, "enroll: %s\n", e.msg);
	assert_int_equal(rc, 0);
	rc = sync_join(v, path, code, &e);
	if (rc)
		fprintf(stderr, "join: %s\n", e.msg);
	assert_int_equal(rc, 0);
}

/* Exports from a into a new folder; returns the folder in dir (>= 64). */
static inline void st_export(siks *a, char *dir)
{
	sync_out *o = NULL;
	int n = 0;
	siks_err e = { 0 };
	tu_tmpdir(dir);
	int rc = sync_export(a, dir, &o, &n, &e);
	if (rc)
		fprintf(stderr, "export: %s\n", e.msg);
	assert_int_equal(rc, 0);
	free(o);
}

/* Imports path (file or folder) into b; returns the import's code. */
static inline int st_import(siks *b, const char *path)
{
	sync_in *r = NULL;
	int n = 0;
	siks_err e = { 0 };
	int rc = sync_import(b, path, &r, &n, &e);
	free(r);
	return rc;
}

static inline void st_digest(siks *s, const char *peer, char out[65])
{
	siks_err e = { 0 };
	assert_int_equal(sync_digest(s, peer, out, &e), 0);
}

/* Reads a whole file (malloc'd). */
static inline uint8_t *st_read(const char *path, size_t *len)
{
	char *b;
	siks_err e;
	assert_int_equal(plat_read_file(path, &b, len, &e), 0);
	return (uint8_t *)b;
}

/* Path of the only package in dir for dest (first match) into out. */
static inline int st_find_pkg(const char *dir, const char *dest, char *out, size_t n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char want[64];
	snprintf(want, sizeof want, "_ke_%s_", dest);
	int found = 0;
	while (d && (de = readdir(d)))
		if (strstr(de->d_name, want) && strstr(de->d_name, SYNC_EXT)) {
			snprintf(out, n, "%s/%s", dir, de->d_name);
			found = 1;
			break;
		}
	if (d)
		closedir(d);
	return found;
}

static inline int64_t st_count(siks *s, const char *sql)
{
	return db_int(s, sql, -1);
}
#endif
