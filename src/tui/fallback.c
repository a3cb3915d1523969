/* fallback.c — stand-ins, linked only while the core's own validation
 * (validate.h: check_field/check_record/check_household/check_database) and
 * indicator (indicator.h) modules have not landed. They are weak symbols: the
 * real functions replace them at link time, and this file can then go.
 * The stand-in checks cover the kind rules and NIK / No KK / dates only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/i18n.h"
#include "siks/codes.h"
#include "siks/indicator.h"
#include "siks/platform.h"
#include "siks/validate.h"

#define WEAK __attribute__((weak))

WEAK void check_field(siks *s, const siks_rec *r, int i, siks_findings *f)
{
	const siks_field *d = &r->t->fields[i];
	const char *v = r->v[i];
	char today[11];
	plat_today(today);
	if (d->kind == SIKS_K_REF) return;
	if (!v || !*v) {
		if (d->required)
			siks_findings_add(f, SIKS_ERROR, "required", r->t->name, r->id, d->name,
					  _("%s: wajib diisi."), _(d->label));
		return;
	}
	if (strcmp(d->name, "nik") == 0) {
		check_nik(f, r->id, v, (int)rec_get_int(r, "jenis_kelamin", 0), NULL, today);
	} else if (strcmp(d->name, "no_kk") == 0) {
		check_kk(f, r->id, v);
	} else if (d->kind == SIKS_K_DATE) {
		check_date(f, r->t->name, r->id, d->name, v, today);
	} else if (d->kind == SIKS_K_DIGITS || d->kind == SIKS_K_NUMBER) {
		char *end;
		double x = strtod(v, &end);
		if (*end || (d->max > d->min && (x < d->min || x > d->max)))
			siks_findings_add(f, SIKS_ERROR, "range", r->t->name, r->id, d->name,
					  _("%s: harus angka %g sampai %g."), _(d->label), d->min, d->max);
	} else if (d->kind == SIKS_K_CHOICE) {
		if (!codes_valid(s->codes, d->codelist, atoi(v)))
			siks_findings_add(f, SIKS_ERROR, "code", r->t->name, r->id, d->name,
					  _("%s: kode %s tidak ada di daftar."), _(d->label), v);
	}
}

WEAK void check_record(siks *s, const siks_rec *r, siks_findings *f)
{
	for (int i = 0; i < r->t->nfields; i++) check_field(s, r, i, f);
}

WEAK void check_household(siks *s, const siks_rec *hh, const siks_rec *m, size_t n, siks_findings *f)
{
	int heads = 0;
	for (size_t i = 0; i < n; i++) if (rec_get_int(&m[i], "shdk", 0) == 1) heads++;
	if (n && heads != 1)
		siks_findings_add(f, SIKS_ERROR, "household.head", "household", hh->id, "shdk",
				  _("Rumah tangga harus punya tepat satu kepala keluarga (ada %d)."), heads);
}

WEAK int check_database(siks *s, check_fn fn, void *arg, siks_err *e)
{
	return 0;
}

WEAK int indset_load(siks_indset *set, const char *datadir, const char *name, siks_err *e)
{
	return siks_fail(e, SIKS_ENOTFOUND, "", _("Set indikator %s belum tersedia."), name);
}

WEAK int indicator_evaluate(siks *s, const siks_indset *set, const char *hid, siks_score *out, siks_err *e)
{
	return siks_fail(e, SIKS_ENOTFOUND, "", "%s", _("Penilaian indikator belum tersedia."));
}

WEAK int indicator_answer(siks *s, const siks_indset *set, const char *hid, int no, int yes, siks_err *e)
{
	return siks_fail(e, SIKS_ENOTFOUND, "", "%s", _("Penilaian indikator belum tersedia."));
}

WEAK int indicator_score_save(siks *s, const siks_indset *set, const char *hid, siks_score *out, siks_err *e)
{
	return siks_fail(e, SIKS_ENOTFOUND, "", "%s", _("Penilaian indikator belum tersedia."));
}

WEAK void indicator_class_text(const siks_score *sc, char *out, size_t n)
{
	snprintf(out, n, "%d / %d", sc->met, sc->total);
}
