/* wilayah.c — the Kemendagri region list: levels from the code's form, import
 * of a `kode,nama` CSV (the form of ../shared/data/wilayah/wilayah.csv), and
 * look-ups. The list is reference data, not the operator's data: it is
 * written straight into table wilayah, not through rec_save (no audit rows,
 * no change records: every site imports the same official file). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/auth.h"
#include "siks/charset.h"
#include "siks/csv.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/wilayah.h"

/* n decimal digits at p. */
static int digits(const char *p, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)p[i]))
			return 0;
	return 1;
}

int wilayah_level(const char *kode)
{
	/* 35 | 35.28 | 35.28.01 | 35.28.01.2001 */
	static const int part[] = { 2, 2, 2, 4 };
	if (!kode)
		return 0;
	const char *p = kode;
	for (int level = 1; level <= 4; level++) {
		int n = part[level - 1];
		if (!digits(p, n))
			return 0;
		p += n;
		if (*p == '\0')
			return level;
		if (*p != '.' || level == 4)
			return 0;
		p++;
	}
	return 0;
}

void wilayah_from_digits(const char *six, char out[9])
{
	if (!six || !digits(six, 6)) {
		out[0] = '\0';
		return;
	}
	snprintf(out, 9, "%.2s.%.2s.%.2s", six, six + 2, six + 4);
}

/* Trims spaces at both ends, in place. */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* Control characters (the reader already made the text UTF-8). */
static int text_ok(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

/* Checks and stores one row; 0 or a siks code with e naming the line. */
static int import_row(siks *s, sqlite3_stmt *st, const char *path, const csv_row *row, siks_err *e)
{
	if (row->flags & (CSV_ROW_OPEN_QUOTE | CSV_ROW_BAD_QUOTE))
		return siks_fail(e, SIKS_EFORMAT, "", _("%s baris %ld: tanda petik tidak berpasangan"), path, row->line);
	if (row->n != 2)
		return siks_fail(e, SIKS_EFORMAT, "", _("%s baris %ld: harus dua kolom kode,nama"), path, row->line);
	char *kode = trim(row->f[0]), *nama = trim(row->f[1]);
	int level = wilayah_level(kode);
	if (level == 0)
		return siks_fail(e, SIKS_EFORMAT, "kode",
				 _("%s baris %ld: kode wilayah \"%.20s\" tidak sah (bentuk 35, 35.28, 35.28.01 atau 35.28.01.2001)"),
				 path, row->line, kode);
	if (*nama == '\0' || strlen(nama) > 200 || !text_ok(nama))
		return siks_fail(e, SIKS_EFORMAT, "nama",
				 _("%s baris %ld: nama wilayah kosong, terlalu panjang atau berisi karakter kendali"),
				 path, row->line);
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, level);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(s, e, "wilayah");
	return 0;
}

int wilayah_import(siks *s, const char *path, long *count, siks_err *e)
{
	if (count)
		*count = 0;
	if (auth_allow(s, SIKS_ACT_IMPORT, e) != 0)
		return SIKS_EPERM;
	/* comma, or the semicolon a spreadsheet writes; UTF-8 or Windows-1252 */
	csv_reader *r = csv_open_file(path, CS_AUTO, 0, e);
	if (!r)
		return e && e->code ? e->code : SIKS_EIO;
	int rc = db_begin(s, e);
	if (rc != 0) {
		csv_close(r);
		return rc;
	}
	sqlite3_stmt *st = db_stmt(s, "INSERT OR REPLACE INTO wilayah(kode, nama, level) VALUES(?1, ?2, ?3)", e);
	if (!st)
		rc = SIKS_EDB;
	long rows = 0;
	csv_row row;
	int got;
	while (rc == 0 && (got = csv_next(r, &row, e)) != 0) {
		if (got < 0) {
			rc = e && e->code ? e->code : SIKS_EFORMAT;
			break;
		}
		if (row.rec == 0 && row.n == 2 && strcmp(trim(row.f[0]), "kode") == 0 &&
		    strcmp(trim(row.f[1]), "nama") == 0)
			continue; /* the header */
		rc = import_row(s, st, path, &row, e);
		if (rc == 0)
			rows++;
	}
	if (st)
		sqlite3_reset(st);
	csv_close(r);
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	rc = db_commit(s, e);
	if (rc == 0 && count)
		*count = rows;
	return rc;
}

int wilayah_name(siks *s, const char *kode, char *out, size_t n)
{
	if (n)
		out[0] = '\0';
	sqlite3_stmt *st = db_stmt(s, "SELECT nama FROM wilayah WHERE kode = ?1", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
	int found = -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
		found = 0;
	}
	sqlite3_reset(st);
	return found;
}

int wilayah_has_kecamatan(siks *s)
{
	return db_int(s, "SELECT EXISTS(SELECT 1 FROM wilayah WHERE level = 3)", 0) != 0;
}

long wilayah_count_under(siks *s, const char *kode)
{
	/* Codes below 35.28 sort between "35.28." and "35.28/" ('/' follows '.'). */
	sqlite3_stmt *st = db_stmt(s, "SELECT count(*) FROM wilayah WHERE kode > ?1 || '.' AND kode < ?1 || '/'", NULL);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
	long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return n;
}
