/* wilayah.c — the Kemendagri region list: levels from the code's form, import
 * of a `kode,nama` CSV (the form of ../shared/data/wilayah/wilayah.csv), and
 * look-ups. The list is reference data, not the operator's data: it is
 * written straight into table wilayah, not through rec_save (no audit rows,
 * no change records: every site imports the same official file). */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* Valid UTF-8 (no overlongs, no surrogates) without control characters. */
static int text_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if (*p < 0x20 || *p == 0x7f)
			return 0;
		if (*p < 0x80) {
			p++;
			continue;
		}
		int n = *p >= 0xf0 && *p <= 0xf4 ? 3 : *p >= 0xe0 ? (*p <= 0xef ? 2 : -1) : *p >= 0xc2 ? 1 : -1;
		if (n < 0)
			return 0;
		unsigned cp = *p & (0x3f >> n);
		for (int i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i] & 0x3f);
		}
		if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return 0;
		p += n + 1;
	}
	return 1;
}

/* Splits one CSV line in place into at most max fields (RFC 4180 quoting:
 * "a, b" and "" for a quote). Returns the field count, or -1 when a quote is
 * left open or text follows a closing quote. */
static int csv_split(char *line, char **f, int max)
{
	int n = 0;
	char *r = line, *w = line;
	for (;;) {
		if (n == max)
			return max + 1;
		f[n++] = w;
		if (*r == '"') {
			r++;
			for (;;) {
				if (*r == '\0')
					return -1;
				if (*r == '"') {
					if (r[1] == '"') {
						*w++ = '"';
						r += 2;
						continue;
					}
					r++;
					break;
				}
				*w++ = *r++;
			}
			if (*r != ',' && *r != '\0')
				return -1;
		} else {
			while (*r && *r != ',') {
				if (*r == '"')
					return -1;
				*w++ = *r++;
			}
		}
		if (*r == '\0') {
			*w = '\0';
			return n;
		}
		*w++ = '\0';
		r++;
	}
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

int wilayah_import(siks *s, const char *path, long *count, siks_err *e)
{
	if (count)
		*count = 0;
	FILE *fp = fopen(path, "r");
	if (!fp)
		return siks_fail(e, SIKS_ENOTFOUND, "", _("Berkas %s tidak dapat dibuka: %s"), path, strerror(errno));
	int rc = db_begin(s, e);
	if (rc != 0) {
		fclose(fp);
		return rc;
	}
	sqlite3_stmt *st = db_stmt(s, "INSERT OR REPLACE INTO wilayah(kode, nama, level) VALUES(?1, ?2, ?3)", e);
	if (!st)
		rc = SIKS_EDB;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0, rows = 0;
	while (rc == 0 && (len = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		char *p = line;
		if (lineno == 1 && (unsigned char)p[0] == 0xef && (unsigned char)p[1] == 0xbb &&
		    (unsigned char)p[2] == 0xbf)
			p += 3; /* a byte-order mark, as spreadsheet programs write */
		if ((size_t)len != strlen(line)) {
			rc = siks_fail(e, SIKS_EFORMAT, "", _("%s baris %ld: berisi karakter nol; bukan berkas CSV teks"),
				       path, lineno);
			break;
		}
		if (*trim(p) == '\0')
			continue;
		char *f[3];
		int nf = csv_split(p, f, 2);
		if (lineno == 1 && nf == 2 && strcmp(trim(f[0]), "kode") == 0 && strcmp(trim(f[1]), "nama") == 0)
			continue;
		if (nf != 2) {
			rc = siks_fail(e, SIKS_EFORMAT, "", _("%s baris %ld: harus dua kolom kode,nama"), path, lineno);
			break;
		}
		char *kode = trim(f[0]), *nama = trim(f[1]);
		int level = wilayah_level(kode);
		if (level == 0) {
			rc = siks_fail(e, SIKS_EFORMAT, "kode",
				       _("%s baris %ld: kode wilayah \"%.20s\" tidak sah (bentuk 35, 35.28, 35.28.01 atau 35.28.01.2001)"),
				       path, lineno, kode);
			break;
		}
		if (*nama == '\0' || strlen(nama) > 200 || !text_ok(nama)) {
			rc = siks_fail(e, SIKS_EFORMAT, "nama",
				       _("%s baris %ld: nama wilayah kosong, terlalu panjang atau bukan teks UTF-8"),
				       path, lineno);
			break;
		}
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 3, level);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = db_fail(s, e, "wilayah");
			break;
		}
		rows++;
	}
	if (rc == 0 && ferror(fp))
		rc = siks_fail(e, SIKS_EIO, "", _("Berkas %s tidak dapat dibaca: %s"), path, strerror(errno));
	if (st)
		sqlite3_reset(st);
	free(line);
	fclose(fp);
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
