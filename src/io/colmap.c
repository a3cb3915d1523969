/* colmap.c — header mapping and value cleaning for delimited files
 * (colmap.h). The column names are data-like tables here because they are
 * the DTKS file format itself, not a code list that changes by year. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "siks/codes.h"
#include "siks/colmap.h"
#include "siks/csv.h"
#include "siks/charset.h"
#include "siks/i18n.h"
#include "siks/validate.h"

/* File column name -> table.field. The first name of a field is the one
 * export writes (the DTKS name where there is one). */
static const struct { const char *name; int tbl; const char *field; } known[] = {
	{ "iddtks", COL_HOUSEHOLD, "iddtks" }, { "id_dtks", COL_HOUSEHOLD, "iddtks" },
	{ "kode_desa", COL_HOUSEHOLD, "desa" }, { "kode_wilayah", COL_HOUSEHOLD, "desa" },
	{ "kd_desa", COL_HOUSEHOLD, "desa" }, { "kdwil", COL_HOUSEHOLD, "desa" },
	{ "nomor_kk", COL_MEMBER, "no_kk" }, { "no_kk", COL_MEMBER, "no_kk" },
	{ "nokk", COL_MEMBER, "no_kk" }, { "kk", COL_MEMBER, "no_kk" },
	{ "nomor_nik", COL_MEMBER, "nik" }, { "nik", COL_MEMBER, "nik" },
	{ "no_nik", COL_MEMBER, "nik" }, { "nik_art", COL_MEMBER, "nik" },
	{ "nama", COL_MEMBER, "nama" }, { "nama_art", COL_MEMBER, "nama" },
	{ "nama_lengkap", COL_MEMBER, "nama" },
	{ "tanggal_lahir", COL_MEMBER, "tanggal_lahir" }, { "tgl_lahir", COL_MEMBER, "tanggal_lahir" },
	{ "tempat_lahir", COL_MEMBER, "tempat_lahir" }, { "tmp_lahir", COL_MEMBER, "tempat_lahir" },
	{ "jenis_kelamin", COL_MEMBER, "jenis_kelamin" }, { "jk", COL_MEMBER, "jenis_kelamin" },
	{ "kelamin", COL_MEMBER, "jenis_kelamin" },
	{ "nama_ibu_kandung", COL_MEMBER, "nama_ibu" }, { "nama_ibu", COL_MEMBER, "nama_ibu" },
	{ "ibu_kandung", COL_MEMBER, "nama_ibu" },
	{ "hubungan_keluarga", COL_MEMBER, "shdk" }, { "shdk", COL_MEMBER, "shdk" },
	{ "hub_keluarga", COL_MEMBER, "shdk" }, { "hubungan", COL_MEMBER, "shdk" },
	{ "status_kawin", COL_MEMBER, "status_kawin" }, { "status_perkawinan", COL_MEMBER, "status_kawin" },
	{ "alamat", COL_HOUSEHOLD, "alamat" }, { "dusun", COL_HOUSEHOLD, "dusun" },
	{ "rt", COL_HOUSEHOLD, "rt" }, { "rw", COL_HOUSEHOLD, "rw" },
};
#define NKNOWN (sizeof known / sizeof known[0])

void colmap_norm(const char *in, char *out, size_t n)
{
	size_t k = 0;
	/* a BOM left over from files glued together */
	if (strncmp(in, "\xEF\xBB\xBF", 3) == 0)
		in += 3;
	while (*in == ' ' || *in == '\t')
		in++;
	for (; *in && k + 1 < n; in++) {
		unsigned char c = (unsigned char)*in;
		if (c == ' ' || c == '.' || c == '-' || c == '/' || c == '_') {
			if (k > 0 && out[k - 1] != '_')
				out[k++] = '_';
		} else {
			out[k++] = (char)tolower(c);
		}
	}
	while (k > 0 && out[k - 1] == '_')
		k--;
	out[k] = 0;
}

/* Resolves a normalised name to table.field; 0 found. "member.nik" works too. */
static int resolve(const char *name, int *tbl, const siks_field **fd, int *index)
{
	const char *tname = NULL, *fname = NULL;
	for (size_t i = 0; i < NKNOWN; i++)
		if (strcmp(known[i].name, name) == 0) {
			tname = known[i].tbl == COL_MEMBER ? "member" : "household";
			fname = known[i].field;
			break;
		}
	/* "member.nik" / "household.rt" (normalised to member_nik, household_rt) */
	if (!tname && strncmp(name, "member_", 7) == 0) {
		tname = "member";
		fname = name + 7;
	} else if (!tname && strncmp(name, "household_", 10) == 0) {
		tname = "household";
		fname = name + 10;
	}
	/* a "desa" column in DTKS files holds the village's name, not its code */
	if (!tname && strcmp(name, "desa") == 0)
		return -1;
	static const char *const tables[] = { "member", "household" };
	for (int t = 0; t < 2; t++) {
		if (tname && strcmp(tname, tables[t]) != 0)
			continue;
		const siks_table *tb = siks_table_find(tables[t]);
		int i = siks_field_index(tb, fname ? fname : name);
		if (i >= 0 && tb->fields[i].kind != SIKS_K_REF) {
			*tbl = t == 0 ? COL_MEMBER : COL_HOUSEHOLD;
			*fd = &tb->fields[i];
			*index = i;
			return 0;
		}
	}
	return -1;
}

const char *colmap_export_name(const char *table, const char *field)
{
	int tbl = strcmp(table, "member") == 0 ? COL_MEMBER : COL_HOUSEHOLD;
	for (size_t i = 0; i < NKNOWN; i++)
		if (known[i].tbl == tbl && strcmp(known[i].field, field) == 0)
			return known[i].name;
	return field;
}

int colmap_load_aliases(colmap *m, const char *path, siks_err *e)
{
	csv_reader *r = csv_open_file(path, CS_AUTO, 0, e);
	csv_row row;
	int rc;
	if (!r)
		return e ? e->code : SIKS_EIO;
	while ((rc = csv_next(r, &row, e)) == 1) {
		char from[64], to[64];
		int tbl, idx;
		const siks_field *fd;
		if (row.n < 2) {
			csv_close(r);
			return siks_fail(e, SIKS_EFORMAT, "map",
					 _("Berkas pemetaan %s baris %ld: harus dua kolom, \"kolom berkas,kolom siksdesa\""),
					 path, row.line);
		}
		colmap_norm(row.f[0], from, sizeof from);
		colmap_norm(row.f[1], to, sizeof to);
		if (row.rec == 0 && strcmp(to, "kolom_siksdesa") == 0)
			continue;
		if (resolve(to, &tbl, &fd, &idx) != 0) {
			siks_fail(e, SIKS_EFORMAT, "map",
				  _("Berkas pemetaan %s baris %ld: kolom siksdesa \"%s\" tidak dikenal"),
				  path, row.line, row.f[1]);
			csv_close(r); /* row's strings belong to r: after the message */
			return SIKS_EFORMAT;
		}
		if (m->nalias < (int)(sizeof m->alias / sizeof m->alias[0])) {
			snprintf(m->alias[m->nalias].from, sizeof m->alias[0].from, "%s", from);
			snprintf(m->alias[m->nalias].to, sizeof m->alias[0].to, "%s", to);
			m->nalias++;
		}
	}
	csv_close(r);
	return rc < 0 ? (e ? e->code : SIKS_EFORMAT) : 0;
}

int colmap_header(colmap *m, char **names, size_t n, siks_err *e)
{
	if (n > COLMAP_MAX)
		return siks_fail(e, SIKS_EFORMAT, "", _("Baris judul punya %zu kolom; paling banyak %d"),
				 n, COLMAP_MAX);
	m->n = (int)n;
	m->col_nik = m->col_kk = -1;
	int col_nama = -1;
	for (size_t i = 0; i < n; i++) {
		colmap_col *c = &m->c[i];
		char norm[64];
		memset(c, 0, sizeof *c);
		snprintf(c->header, sizeof c->header, "%s", names[i]);
		colmap_norm(names[i], norm, sizeof norm);
		for (int a = 0; a < m->nalias; a++)
			if (strcmp(m->alias[a].from, norm) == 0) {
				snprintf(norm, sizeof norm, "%s", m->alias[a].to);
				break;
			}
		if (!norm[0] || resolve(norm, &c->tbl, &c->fd, &c->index) != 0) {
			c->tbl = COL_NONE;
			continue;
		}
		for (size_t j = 0; j < i; j++)
			if (m->c[j].fd == c->fd)
				return siks_fail(e, SIKS_EFORMAT, c->fd->name,
						 _("Kolom \"%s\" dan \"%s\" sama-sama berisi %s; hapus salah satu atau pakai berkas pemetaan"),
						 m->c[j].header, c->header, _(c->fd->label));
		if (c->tbl == COL_MEMBER && strcmp(c->fd->name, "nik") == 0)
			m->col_nik = (int)i;
		if (c->tbl == COL_MEMBER && strcmp(c->fd->name, "no_kk") == 0)
			m->col_kk = (int)i;
		if (c->tbl == COL_MEMBER && strcmp(c->fd->name, "nama") == 0)
			col_nama = (int)i;
	}
	const char *missing = m->col_nik < 0 ? "nomor_nik" : m->col_kk < 0 ? "nomor_kk"
			    : col_nama < 0 ? "nama" : NULL;
	if (missing)
		return siks_fail(e, SIKS_EFORMAT, missing,
				 _("Baris judul tidak punya kolom %s; kolom wajib: nomor_kk, nomor_nik, nama (nama lain: pakai --map BERKAS)"),
				 missing);
	return 0;
}

void colmap_ignored(const colmap *m, char *out, size_t n)
{
	size_t k = 0;
	out[0] = 0;
	for (int i = 0; i < m->n && k + 1 < n; i++)
		if (m->c[i].tbl == COL_NONE) {
			int w = snprintf(out + k, n - k, "%s%s", k ? ", " : "", m->c[i].header);
			if (w < 0)
				break;
			k += (size_t)w;
		}
	if (k >= n)
		out[n - 1] = 0;
}

/* ---- cleaning ----------------------------------------------------------- */

static int all_digits(const char *p)
{
	if (!*p)
		return 0;
	for (; *p; p++)
		if (!isdigit((unsigned char)*p))
			return 0;
	return 1;
}

/* 3,52806E+15 / 3.52806e15 / 3E+15 */
static int scientific(const char *p)
{
	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p == ',' || *p == '.') {
		p++;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p != 'E' && *p != 'e')
		return 0;
	p++;
	if (*p == '+')
		p++;
	return all_digits(p);
}

/* Trims, control characters to spaces, runs of spaces to one. */
static void tidy(const char *raw, char *out, size_t n)
{
	size_t k = 0;
	while (*raw == ' ' || *raw == '\t' || *raw == '\r' || *raw == '\n')
		raw++;
	for (; *raw && k + 1 < n; raw++) {
		unsigned char c = (unsigned char)*raw;
		if (c < 0x20 || c == 0x7F)
			c = ' ';
		if (c == ' ' && k > 0 && out[k - 1] == ' ')
			continue;
		out[k++] = (char)c;
	}
	while (k > 0 && out[k - 1] == ' ')
		k--;
	out[k] = 0;
}

/* '3528..., ="3528..." -> 3528... (what people do to keep Excel off numbers) */
static void unwrap_number(char *v)
{
	size_t n = strlen(v);
	if (n >= 3 && v[0] == '=' && v[1] == '"' && v[n - 1] == '"') {
		memmove(v, v + 2, n - 3);
		v[n - 3] = 0;
	} else if (v[0] == '\'') {
		memmove(v, v + 1, n);
	}
}

static int excel_date(const char *v, char *out, size_t n)
{
	/* day numbers of the 1900 system: 1 = 1900-01-01; 10000..60000 covers 1927..2064 */
	if (!all_digits(v) || strlen(v) != 5)
		return -1;
	long d = atol(v);
	if (d < 10000 || d > 60000)
		return -1;
	/* days from 1899-12-30 (Excel's day 0, after its 1900 leap-year bug) */
	long z = d - 25569 + 719468; /* days since 0000-03-01 via the Unix epoch */
	long era = z / 146097, doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, day = doy - (153 * mp + 2) / 5 + 1;
	long mon = mp < 10 ? mp + 3 : mp - 9;
	snprintf(out, n, "%04ld-%02ld-%02ld", y + (mon <= 2), mon, day);
	return 0;
}

static int choice(siks *s, const siks_field *fd, const char *v)
{
	if (strcmp(fd->codelist, "jenis_kelamin") == 0) {
		if (!strcasecmp(v, "L") || !strcasecmp(v, "LK") || !strcasecmp(v, "laki") ||
		    !strcasecmp(v, "laki laki") || !strcasecmp(v, "pria"))
			return 1;
		if (!strcasecmp(v, "P") || !strcasecmp(v, "PR") || !strcasecmp(v, "wanita"))
			return 2;
	}
	if (!s || !s->codes)
		return -1;
	int n = codes_count(s->codes, fd->codelist);
	for (int i = 0; i < n; i++) {
		int code;
		const char *label;
		if (codes_item(s->codes, fd->codelist, i, &code, &label) == 0 && label &&
		    strcasecmp(label, v) == 0)
			return code;
	}
	return -1;
}

int colmap_clean(siks *s, const siks_field *fd, const char *raw, char *out, size_t n)
{
	tidy(raw ? raw : "", out, n);
	if (!out[0])
		return CLEAN_OK;
	if (fd->kind == SIKS_K_TEXT) {
		/* '0812..., or the guard export puts before =, +, -, @ (a formula) */
		if (out[0] == '\'' && (all_digits(out + 1) || (out[1] && strchr("=+-@", out[1]))))
			unwrap_number(out);
		return CLEAN_OK;
	}
	unwrap_number(out);
	switch (fd->kind) {
	case SIKS_K_DIGITS: {
		if (scientific(out))
			return CLEAN_SCIENTIFIC;
		/* "3528 0101 ..." as printed on the card */
		size_t k = 0;
		for (size_t i = 0; out[i]; i++)
			if (out[i] != ' ')
				out[k++] = out[i];
		out[k] = 0;
		break;
	}
	case SIKS_K_DATE: {
		char iso[32];
		if (date_parse(out, iso) == 0) {
			snprintf(out, n, "%s", iso);
		} else if (strlen(out) > 10 && out[10] == ' ' &&
			   (out[10] = 0, date_parse(out, iso) == 0)) { /* "1990-01-31 00:00:00" */
			snprintf(out, n, "%s", iso);
		} else if (excel_date(out, iso, sizeof iso) == 0) {
			snprintf(out, n, "%s", iso);
			return CLEAN_EXCEL_DATE;
		}
		break;
	}
	case SIKS_K_CHOICE:
		if (!all_digits(out)) {
			int code = choice(s, fd, out);
			if (code >= 0)
				snprintf(out, n, "%d", code);
		}
		break;
	case SIKS_K_YESNO:
		if (!strcasecmp(out, "ya") || !strcasecmp(out, "y") || !strcasecmp(out, "yes"))
			snprintf(out, n, "1");
		else if (!strcasecmp(out, "tidak") || !strcasecmp(out, "t") || !strcasecmp(out, "no") ||
			 !strcasecmp(out, "n"))
			snprintf(out, n, "0");
		break;
	case SIKS_K_NUMBER:
		for (char *p = out; *p; p++)
			if (*p == ',')
				*p = '.';
		break;
	case SIKS_K_WILAYAH:
		if (strlen(out) == 10 && all_digits(out)) {
			char w[16];
			snprintf(w, sizeof w, "%.2s.%.2s.%.2s.%.4s", out, out + 2, out + 4, out + 6);
			snprintf(out, n, "%s", w);
		}
		break;
	default:
		break;
	}
	return CLEAN_OK;
}
