/* nik.c — the pure number and date rules: NIK, No KK, dates (no database).
 *
 * NIK = 6-digit kecamatan code of first registration + birth date DDMMYY
 * (40 added to the day for women) + 4-digit serial from 0001. The two-digit
 * year is read in the century that does not put the birth in the future.
 * Messages name the field first ("NIK: ...") and say what was written. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "siks/i18n.h"
#include "siks/validate.h"
#include "check.h"
#include "date.h"

const char *check_label(const char *table, const char *field)
{
	const siks_table *t = table && *table ? siks_table_find(table) : NULL;
	const siks_field *fd = t ? siks_field_find(t, field) : NULL;
	return fd && fd->label ? _(fd->label) : field;
}

/* The length and digit rules common to NIK and No KK. Returns 1 when s is
 * exactly 16 digits. */
static int sixteen_digits(siks_findings *f, const char *rec, const char *s,
			  const char *field, const char *label, const char *prefix)
{
	char rule[24];
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i])) {
			snprintf(rule, sizeof rule, "%s.digits", prefix);
			siks_findings_add(f, SIKS_ERROR, rule, "member", rec, field,
					  _("%s: hanya boleh berisi angka, tanpa huruf, spasi atau tanda (tertulis \"%.40s\")"),
					  label, s);
			return 0;
		}
	}
	if (n != 16) {
		snprintf(rule, sizeof rule, "%s.%s", prefix, n < 16 ? "short" : "long");
		siks_findings_add(f, SIKS_ERROR, rule, "member", rec, field,
				  n < 16 ? _("%s: terlalu pendek, harus 16 angka (tertulis %d)")
					 : _("%s: terlalu panjang, harus 16 angka (tertulis %d)"),
				  label, (int)n);
		return 0;
	}
	return 1;
}

static int two(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

/* Today as numbers; a malformed today (never from plat_today) means 9999. */
static void today_split(const char *today, int *y, int *m, int *d)
{
	if (!today || date_split(today, y, m, d) != 0)
		*y = 9999, *m = 12, *d = 31;
}

int nik_birth(const char *nik, const char *today, int *y, int *m, int *d, int *female)
{
	int dd = two(nik + 6), mm = two(nik + 8), yy = two(nik + 10);
	*female = dd > 40;
	if (dd > 40)
		dd -= 40;
	int ty, tm, td;
	today_split(today, &ty, &tm, &td);
	int year = (ty / 100) * 100 + yy;
	if (date_cmp(year, mm, dd > 0 ? dd : 1, ty, tm, td) > 0)
		year -= 100;
	*y = year, *m = mm, *d = dd;
	return date_valid(year, mm, dd) ? 0 : -1;
}

/* Shape of the NIK alone: digits, length, date part, serial. Returns 1 when
 * the NIK is well formed (so the cross-field rules can read it). */
int nik_basic(siks_findings *f, const char *rec, const char *nik, const char *today)
{
	if (!nik || !*nik)
		return 0;
	if (!sixteen_digits(f, rec, nik, "nik", "NIK", "nik"))
		return 0;
	int ok = 1;
	int dd = two(nik + 6), mm = two(nik + 8);
	if (!((dd >= 1 && dd <= 31) || (dd >= 41 && dd <= 71))) {
		siks_findings_add(f, SIKS_ERROR, "nik.day", "member", rec, "nik",
				  _("NIK: tanggal lahir (angka ke-7 dan ke-8) harus 01-31, atau 41-71 untuk perempuan (tertulis %.2s)"),
				  nik + 6);
		ok = 0;
	}
	if (mm < 1 || mm > 12) {
		siks_findings_add(f, SIKS_ERROR, "nik.month", "member", rec, "nik",
				  _("NIK: bulan lahir (angka ke-9 dan ke-10) harus 01-12 (tertulis %.2s)"),
				  nik + 8);
		ok = 0;
	}
	int y, m, d, fem;
	if (ok && nik_birth(nik, today, &y, &m, &d, &fem) != 0) {
		siks_findings_add(f, SIKS_ERROR, "nik.date", "member", rec, "nik",
				  _("NIK: tanggal lahir di NIK (%02d-%02d-%.2s) bukan tanggal yang ada"),
				  d, m, nik + 10);
		ok = 0;
	}
	if (strcmp(nik + 12, "0000") == 0) {
		siks_findings_add(f, SIKS_ERROR, "nik.serial", "member", rec, "nik",
				  _("NIK: nomor urut (4 angka terakhir) tidak boleh 0000"));
		ok = 0;
	}
	return ok;
}

void nik_cross(siks_findings *f, const char *rec, const char *nik, int sex,
	       const char *birth_iso, const char *today)
{
	int y, m, d, fem;
	if (nik_birth(nik, today, &y, &m, &d, &fem) != 0)
		return;
	int dd = two(nik + 6);
	if (sex == 2 && !fem)
		siks_findings_add(f, SIKS_ERROR, "nik.sex", "member", rec, "nik",
				  _("NIK: untuk perempuan tanggal lahir di NIK ditambah 40 (tertulis %02d, seharusnya %02d)"),
				  dd, dd + 40);
	else if (sex == 1 && fem)
		siks_findings_add(f, SIKS_ERROR, "nik.sex", "member", rec, "nik",
				  _("NIK: tanggal lahir di NIK lebih dari 40, tanda perempuan, tetapi jenis kelamin laki-laki (tertulis %02d, seharusnya %02d)"),
				  dd, dd - 40);
	int by, bm, bd;
	if (birth_iso && date_split(birth_iso, &by, &bm, &bd) == 0 &&
	    (bd != d || bm != m || by % 100 != y % 100)) {
		char shown[11];
		date_format(birth_iso, shown);
		siks_findings_add(f, SIKS_ERROR, "nik.birth", "member", rec, "nik",
				  _("NIK: tanggal lahir di NIK (%02d-%02d-%.2s) tidak sama dengan tanggal lahir %s"),
				  d, m, nik + 10, shown);
	}
}

void check_nik(siks_findings *f, const char *rec, const char *nik, int sex,
	       const char *birth_iso, const char *today)
{
	if (nik_basic(f, rec, nik, today))
		nik_cross(f, rec, nik, sex, birth_iso, today);
}

void check_kk(siks_findings *f, const char *rec, const char *kk)
{
	if (!kk || !*kk)
		return;
	const char *label = _("No KK");
	if (!sixteen_digits(f, rec, kk, "no_kk", label, "kk"))
		return;
	int prov = two(kk), kab = two(kk + 2);
	if (prov < 11 || prov > 96)
		siks_findings_add(f, SIKS_ERROR, "kk.region", "member", rec, "no_kk",
				  _("%s: 2 angka pertama harus kode provinsi 11-96 (tertulis %.2s)"),
				  label, kk);
	else if (kab == 0)
		siks_findings_add(f, SIKS_ERROR, "kk.region", "member", rec, "no_kk",
				  _("%s: kode kabupaten/kota (angka ke-3 dan ke-4) tidak boleh 00"), label);
}

void check_date(siks_findings *f, const char *table, const char *rec, const char *field,
		const char *iso, const char *today)
{
	if (!iso || !*iso)
		return;
	const char *label = check_label(table, field);
	int y, m, d, ty, tm, td;
	if (date_split(iso, &y, &m, &d) != 0) {
		siks_findings_add(f, SIKS_ERROR, "date.invalid", table, rec, field,
				  _("%s: bukan tanggal yang ada (tertulis \"%.20s\")"), label, iso);
		return;
	}
	today_split(today, &ty, &tm, &td);
	if (date_cmp(y, m, d, ty, tm, td) > 0) {
		char shown[11], now[11];
		char isod[11];
		snprintf(isod, sizeof isod, "%04d-%02d-%02d", y, m, d);
		date_format(isod, shown);
		date_format(today, now);
		siks_findings_add(f, SIKS_ERROR, "date.future", table, rec, field,
				  _("%s: tidak boleh di masa depan (tertulis %s, hari ini %s)"),
				  label, shown, now);
	}
}
