/* validate.c — one field and one record, as the form checks them.
 * Every field of every table is covered by its descriptor in tables.c (kind,
 * length, code list, range, required); a few fields have rules of their own
 * (NIK, No KK, the desa code) and a member has cross-field rules (NIK against
 * sex and birth date, pregnancy, Suami/Istri against sex). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/codes.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/validate.h"
#include "siks/wilayah.h"
#include "check.h"
#include "date.h"

/* The field's translated label: looked up only when a finding is made (a
 * whole-database check leaves most fields without one). */
#define LABEL(fd) ((fd)->label ? _((fd)->label) : (fd)->name)

/* Characters (not bytes) of a UTF-8 string. */
static int utf8_chars(const char *s)
{
	int n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static int blank(const char *v)
{
	if (!v)
		return 1;
	while (*v == ' ' || *v == '\t')
		v++;
	return *v == '\0';
}

static int all_digits(const char *v)
{
	if (!*v)
		return 0;
	for (; *v; v++)
		if (!isdigit((unsigned char)*v))
			return 0;
	return 1;
}

/* Parses an integer with nothing after it. */
static int parse_int(const char *v, long long *out)
{
	char *end;
	if (!*v)
		return -1;
	*out = strtoll(v, &end, 10);
	return *end ? -1 : 0;
}

/* A number as typed: also accepts the Indonesian decimal comma. */
static int parse_num(const char *v, double *out)
{
	char b[64], *end;
	snprintf(b, sizeof b, "%s", v);
	for (char *p = b; *p; p++)
		if (*p == ',')
			*p = '.';
	if (!*b)
		return -1;
	*out = strtod(b, &end);
	return *end ? -1 : 0;
}

static void check_text(const siks_field *fd, const char *table,
		       const char *rec, const char *v, siks_findings *f)
{
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			siks_findings_add(f, SIKS_ERROR, "field.control", table, rec, fd->name,
					  _("%s: tidak boleh berisi baris baru atau tanda kendali"), LABEL(fd));
			return;
		}
	int n = utf8_chars(v);
	if (fd->len > 0 && n > fd->len)
		siks_findings_add(f, SIKS_ERROR, "field.length", table, rec, fd->name,
				  _("%s: paling banyak %d huruf (tertulis %d)"), LABEL(fd), fd->len, n);
}

/* DIGITS: text is exactly len digits; an integer (RT, RW) is 1..len digits
 * within min..max. */
static void check_digits(const siks_field *fd, const char *table,
			 const char *rec, const char *v, siks_findings *f)
{
	size_t n = strlen(v);
	if (fd->type == SIKS_T_TEXT) {
		if (!all_digits(v) || n != (size_t)fd->len)
			siks_findings_add(f, SIKS_ERROR, "field.digits", table, rec, fd->name,
					  _("%s: harus %d angka (tertulis \"%.40s\")"), LABEL(fd), fd->len, v);
		return;
	}
	if (!all_digits(v) || n > (size_t)fd->len) {
		siks_findings_add(f, SIKS_ERROR, "field.digits", table, rec, fd->name,
				  _("%s: harus 1 sampai %d angka (tertulis \"%.40s\")"), LABEL(fd), fd->len, v);
		return;
	}
	long long x = atoll(v);
	if (fd->max > 0 && (x < fd->min || x > fd->max))
		siks_findings_add(f, SIKS_ERROR, "field.range", table, rec, fd->name,
				  _("%s: harus antara %g dan %g (tertulis %s)"), LABEL(fd), fd->min, fd->max, v);
}

static void check_number(const siks_field *fd, const char *table,
			 const char *rec, const char *v, siks_findings *f)
{
	double x = 0;
	long long i = 0;
	int bad = fd->type == SIKS_T_INT ? parse_int(v, &i) : parse_num(v, &x);
	if (fd->type == SIKS_T_INT && !bad)
		x = (double)i;
	if (bad) {
		siks_findings_add(f, SIKS_ERROR, "field.number", table, rec, fd->name,
				  fd->type == SIKS_T_INT ? _("%s: harus bilangan bulat (tertulis \"%.40s\")")
							 : _("%s: harus angka (tertulis \"%.40s\")"),
				  LABEL(fd), v);
		return;
	}
	if (x < fd->min || x > fd->max)
		siks_findings_add(f, SIKS_ERROR, "field.range", table, rec, fd->name,
				  _("%s: harus antara %g dan %g (tertulis %s)"), LABEL(fd), fd->min, fd->max, v);
}

static void check_choice(siks *s, const siks_field *fd, const char *table,
			 const char *rec, const char *v, siks_findings *f)
{
	long long code;
	if (parse_int(v, &code) != 0) {
		siks_findings_add(f, SIKS_ERROR, "field.code", table, rec, fd->name,
				  _("%s: harus kode angka dari daftar (tertulis \"%.40s\")"), LABEL(fd), v);
		return;
	}
	/* A list that is not loaded cannot be checked (data folder missing):
	 * better silent than every row wrong. */
	const siks_codes *c = s ? s->codes : NULL;
	if (c && fd->codelist && codes_count(c, fd->codelist) > 0 &&
	    (code < -2147483647LL || code > 2147483647LL || !codes_valid(c, fd->codelist, (int)code)))
		siks_findings_add(f, SIKS_ERROR, "field.code", table, rec, fd->name,
				  _("%s: kode %s tidak ada dalam daftar"), LABEL(fd), v);
}

static void check_wilayah(siks *s, const siks_field *fd, const char *table,
			  const char *rec, const char *v, siks_findings *f)
{
	int level = wilayah_level(v);
	int want = strcmp(fd->name, "desa") == 0 ? WIL_DESA : 0;
	if (level == 0 || (want && level != want)) {
		siks_findings_add(f, SIKS_ERROR, "field.wilayah", table, rec, fd->name,
				  want ? _("%s: harus kode desa, misalnya 35.28.01.2001 (tertulis \"%.20s\")")
				       : _("%s: bukan kode wilayah, misalnya 35.28.01 (tertulis \"%.20s\")"),
				  LABEL(fd), v);
		return;
	}
	char name[128];
	if (s && wilayah_has_kecamatan(s) && wilayah_name(s, v, name, sizeof name) != 0)
		siks_findings_add(f, SIKS_WARN, "wilayah.unknown", table, rec, fd->name,
				  _("%s: kode %s tidak ada dalam daftar wilayah"), LABEL(fd), v);
}

/* The NIK's region part: a warning only, since a NIK keeps the kecamatan
 * code of first registration even after the kecamatan was split or renamed. */
static void check_nik_region(siks *s, const char *rec, const char *nik, siks_findings *f)
{
	if (!s || !wilayah_has_kecamatan(s))
		return;
	char kec[9], name[128];
	wilayah_from_digits(nik, kec);
	if (wilayah_name(s, kec, name, sizeof name) != 0)
		siks_findings_add(f, SIKS_WARN, "nik.region", "member", rec, "nik",
				  _("NIK: kode kecamatan %s (6 angka pertama) tidak ada dalam daftar wilayah; periksa, kecuali NIK dibuat di kecamatan lain"),
				  kec);
}

void check_field(siks *s, const siks_rec *r, int i, siks_findings *f)
{
	if (!r || !r->t || i < 0 || i >= r->t->nfields)
		return;
	const siks_field *fd = &r->t->fields[i];
	const char *table = r->t->name, *rec = r->id, *v = r->v[i];
	size_t n0 = f->n;

	if (blank(v)) {
		/* REF fields are set by the program (a new member's household has
		 * no id until it is saved). */
		if (fd->required && fd->kind != SIKS_K_REF)
			siks_findings_add(f, SIKS_ERROR, "field.required", table, rec, fd->name,
					  _("%s: wajib diisi"), LABEL(fd));
		return;
	}
	char today[11];
	switch (fd->kind) {
	case SIKS_K_TEXT:
		check_text(fd, table, rec, v, f);
		break;
	case SIKS_K_DIGITS:
		if (strcmp(fd->name, "nik") == 0) {
			plat_today(today);
			if (nik_basic(f, rec, v, today))
				check_nik_region(s, rec, v, f);
		} else if (strcmp(fd->name, "no_kk") == 0) {
			check_kk(f, rec, v);
		} else {
			check_digits(fd, table, rec, v, f);
		}
		break;
	case SIKS_K_DATE:
		plat_today(today);
		check_date(f, table, rec, fd->name, v, today);
		break;
	case SIKS_K_CHOICE:
		check_choice(s, fd, table, rec, v, f);
		break;
	case SIKS_K_YESNO:
		if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)
			siks_findings_add(f, SIKS_ERROR, "field.yesno", table, rec, fd->name,
					  _("%s: harus 1 (ya) atau 0 (tidak) (tertulis \"%.20s\")"), LABEL(fd), v);
		break;
	case SIKS_K_NUMBER:
		check_number(fd, table, rec, v, f);
		break;
	case SIKS_K_WILAYAH:
		check_wilayah(s, fd, table, rec, v, f);
		break;
	case SIKS_K_REF:
	default:
		break;
	}
	/* The pure checks do not know the table: name it here. */
	for (size_t k = n0; k < f->n; k++)
		snprintf(f->v[k].table, sizeof f->v[k].table, "%s", table);
}

/* Cross-field rules of a member. */
static void check_member(const siks_rec *r, siks_findings *f)
{
	char today[11];
	plat_today(today);
	const char *rec = r->id, *nik = rec_get(r, "nik"), *birth = rec_get(r, "tanggal_lahir");
	long long sex = rec_get_int(r, "jenis_kelamin", 0);
	if (sex != 1 && sex != 2)
		sex = 0;
	if (nik && *nik) {
		siks_findings quiet = { 0 };
		int ok = nik_basic(&quiet, rec, nik, today);
		siks_findings_free(&quiet);
		int y, m, d;
		if (birth && date_split(birth, &y, &m, &d) != 0)
			birth = NULL;
		if (ok)
			nik_cross(f, rec, nik, (int)sex, birth, today);
	}
	if (sex == 1 && rec_get_int(r, "hamil", 0) == 1)
		siks_findings_add(f, SIKS_ERROR, "hamil.sex", "member", rec, "hamil",
				  _("%s: hanya untuk perempuan, tetapi jenis kelamin laki-laki"),
				  check_label("member", "hamil"));
	long long shdk = rec_get_int(r, "shdk", 0);
	if ((shdk == 2 && sex == 2) || (shdk == 3 && sex == 1))
		siks_findings_add(f, SIKS_ERROR, "shdk.sex", "member", rec, "shdk",
				  shdk == 2 ? _("%s: Suami harus laki-laki, tetapi jenis kelamin perempuan")
					    : _("%s: Istri harus perempuan, tetapi jenis kelamin laki-laki"),
				  check_label("member", "shdk"));
}

void check_record(siks *s, const siks_rec *r, siks_findings *f)
{
	if (!r || !r->t)
		return;
	for (int i = 0; i < r->t->nfields; i++)
		check_field(s, r, i, f);
	if (strcmp(r->t->name, "member") == 0)
		check_member(r, f);
}
