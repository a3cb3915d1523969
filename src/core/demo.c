/* demo.c — writes the demo village (demo_plan.c) through rec_save, with its
 * programs, one musdes and the proposals that came out of it, all in one
 * transaction. Record ids come from a seeded sequence, so two runs give the
 * same rows; only the site id and the audit times differ. */
#include <stdio.h>
#include <string.h>
#include "siks/db.h"
#include "siks/demo.h"
#include "siks/i18n.h"
#include "siks/indicator.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "siks/wilayah.h"
#include "demo_data.h"

#define DEMO_HOUSEHOLDS 300

static int save(siks *s, siks_rec *r, char id[33], siks_err *e)
{
	int rc = rec_save(s, r, e);
	if (rc == 0 && id)
		snprintf(id, 33, "%s", r->id);
	rec_free(r);
	return rc;
}

static void set_date(siks_rec *r, const char *field, int y, int m, int d)
{
	char b[16];
	snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
	rec_set(r, field, b);
}

static int write_household(siks *s, dhh *h, siks_err *e)
{
	siks_rec r;
	if (rec_init(&r, "household") != 0)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	rec_set(&r, "desa", DEMO_KODE);
	rec_set(&r, "dusun", demo_dusun(h->dusun));
	rec_set_int(&r, "rt", h->rt);
	rec_set_int(&r, "rw", h->rw);
	rec_set(&r, "alamat", h->alamat);
	rec_set_int(&r, "luas_lantai", h->luas);
	rec_set_int(&r, "lantai", h->lantai);
	rec_set_int(&r, "dinding", h->dinding);
	rec_set_int(&r, "atap", h->atap);
	rec_set_int(&r, "air_minum", h->air);
	rec_set_int(&r, "penerangan", h->terang);
	rec_set_int(&r, "bahan_bakar", h->bakar);
	rec_set_int(&r, "fasilitas_bab", h->bab);
	rec_set_int(&r, "aset_gas", h->gas);
	rec_set_int(&r, "aset_kulkas", h->kulkas);
	rec_set_int(&r, "aset_motor", h->motor);
	rec_set_int(&r, "aset_lahan", h->lahan);
	rec_set_int(&r, "aset_ternak", h->ternak);
	return save(s, &r, h->id, e);
}

static int write_member(siks *s, const dhh *h, dmem *m, siks_err *e)
{
	siks_rec r;
	if (rec_init(&r, "member") != 0)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	rec_set(&r, "household_id", h->id);
	rec_set(&r, "nik", m->nik);
	rec_set(&r, "no_kk", m->kk);
	rec_set(&r, "nama", m->nama);
	rec_set_int(&r, "jenis_kelamin", m->sex);
	rec_set(&r, "tempat_lahir", m->tempat);
	set_date(&r, "tanggal_lahir", m->y, m->m, m->d);
	rec_set_int(&r, "shdk", m->shdk);
	rec_set_int(&r, "status_kawin", m->kawin);
	rec_set_int(&r, "agama", m->agama);
	rec_set_int(&r, "pendidikan", m->pend);
	rec_set_int(&r, "pekerjaan", m->kerja);
	rec_set_int(&r, "disabilitas", m->dis);
	if (m->hamil >= 0)
		rec_set_int(&r, "hamil", m->hamil);
	rec_set_int(&r, "keberadaan", m->ada);
	if (m->ibu[0])
		rec_set(&r, "nama_ibu", m->ibu);
	return save(s, &r, m->id, e);
}

static int write_program(siks *s, const char *hid, const char *mid, int program, int year,
			 demo_rng *g, long *count, siks_err *e)
{
	siks_rec r;
	if (rec_init(&r, "program") != 0)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	rec_set(&r, "household_id", hid);
	if (mid)
		rec_set(&r, "member_id", mid);
	rec_set_int(&r, "program", program);
	rec_set_int(&r, "aktif", 1);
	set_date(&r, "sejak", year, demo_int(g, 1, 12), demo_int(g, 1, 28));
	rec_set(&r, "sumber", program == 4 ? "APBDes" : "SK Kemensos");
	(*count)++;
	return save(s, &r, NULL, e);
}

static int present(const dmem *m)
{
	return m->ada == 1 || m->ada == 5;
}

/* PKH, BPNT/Sembako, PBI-JK, BLT-DD for poor households; PIP for a school
 * child; a few better-off households still holding BPNT or PBI-JK. */
static int programs(siks *s, dplan *p, long *count, siks_err *e)
{
	demo_rng g = { 0x50524f4752414dU };
	for (int k = 0; k < p->nh; k++) {
		const dhh *h = &p->h[k];
		int kids = 0, school = -1;
		for (int i = h->first; i < h->first + h->n; i++) {
			int age = demo_age(&p->m[i]);
			if (present(&p->m[i]) && age < 18)
				kids++;
			if (present(&p->m[i]) && age >= 7 && age <= 18 && school < 0)
				school = i;
		}
		int rc = 0;
		if (h->poor) {
			if (kids && demo_pct(&g, 60))
				rc |= write_program(s, h->id, NULL, 1, demo_int(&g, 2015, 2023), &g, count, e);
			if (demo_pct(&g, 75))
				rc |= write_program(s, h->id, NULL, 2, demo_int(&g, 2017, 2023), &g, count, e);
			if (demo_pct(&g, 85))
				rc |= write_program(s, h->id, NULL, 3, demo_int(&g, 2014, 2023), &g, count, e);
			if (demo_pct(&g, 15))
				rc |= write_program(s, h->id, NULL, 4, demo_int(&g, 2020, 2024), &g, count, e);
			if (school >= 0 && demo_pct(&g, 50))
				rc |= write_program(s, h->id, p->m[school].id, 5, demo_int(&g, 2019, 2023), &g, count, e);
		} else {
			if (demo_pct(&g, 6))
				rc |= write_program(s, h->id, NULL, 2, demo_int(&g, 2017, 2021), &g, count, e);
			if (demo_pct(&g, 20))
				rc |= write_program(s, h->id, NULL, 3, demo_int(&g, 2014, 2021), &g, count, e);
		}
		if (rc)
			return SIKS_EDB;
	}
	return 0;
}

static int write_usulan(siks *s, const char *hid, const char *mid, int jenis, int alasan, int status,
			const char *musdes, const char *tanggal, const char *ket, long *count, siks_err *e)
{
	siks_rec r;
	if (rec_init(&r, "usulan") != 0)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	rec_set(&r, "household_id", hid);
	if (mid)
		rec_set(&r, "member_id", mid);
	rec_set_int(&r, "jenis", jenis);
	rec_set_int(&r, "alasan", alasan);
	rec_set_int(&r, "status", status);
	if (musdes && status >= 2)   /* draft proposals have not been to a musdes */
		rec_set(&r, "musdes_id", musdes);
	rec_set(&r, "tanggal", tanggal);
	if (ket)
		rec_set(&r, "keterangan", ket);
	(*count)++;
	return save(s, &r, NULL, e);
}

/* One musdes (May 2024) and the proposals: members who died or moved,
 * newly poor households, a better-off one leaving, a correction. */
static int musdes_usulan(siks *s, dplan *p, long *count, siks_err *e)
{
	siks_rec r;
	char md[33];
	if (rec_init(&r, "musdes") != 0)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	rec_set(&r, "desa", DEMO_KODE);
	rec_set(&r, "tanggal", "2024-05-16");
	rec_set(&r, "tempat", "Balai Desa Dabuan");
	rec_set(&r, "nomor_ba", "400.9/07/432.504.01/2024");
	rec_set_int(&r, "jumlah_hadir", 38);
	rec_set(&r, "pimpinan", "H. Moh. Sahri (Kepala Desa)");
	rec_set(&r, "catatan", "Musyawarah desa pemutakhiran DTKS semester I 2024");
	if (save(s, &r, md, e) != 0)
		return SIKS_EDB;

	int died = 0, moved = 0, baru = 0, mampu = 0, rc = 0;
	for (int k = 0; k < p->nh && !rc; k++) {
		dhh *h = &p->h[k];
		for (int i = h->first; i < h->first + h->n && !rc; i++) {
			dmem *m = &p->m[i];
			if (m->ada == 2 && died < 8) {
				/* the first ones went to the musdes; later deaths are drafts */
				int early = died++ < 5;
				rc = write_usulan(s, h->id, m->id, 3, 1, early ? 2 : 1, md,
						  early ? "2024-05-02" : "2024-06-20", NULL, count, e);
			} else if (m->ada == 3 && moved < 5) {
				int sent = moved++ < 3;
				rc = write_usulan(s, h->id, m->id, 3, 2, sent ? 4 : 2, md, "2024-05-03",
						  NULL, count, e);
			}
		}
		if (!rc && h->poor && h->lantai == 9 && baru < 5) {
			int refused = baru++ == 3;
			rc = write_usulan(s, h->id, NULL, 1, 7, refused ? 3 : 2, md, "2024-05-06",
					  refused ? "Ditolak musdes: memiliki dua sepeda motor" : NULL, count, e);
		}
		if (!rc && !h->poor && h->kulkas && h->motor && h->gas && mampu < 2) {
			int draft = mampu++ > 0;
			rc = write_usulan(s, h->id, NULL, 3, 3, draft ? 1 : 2, md, "2024-05-08",
					  "Rumah permanen, usaha toko", count, e);
		}
	}
	if (!rc && p->nh > 5)
		rc = write_usulan(s, p->h[5].id, p->m[p->h[5].first].id, 2, 6, 1, NULL, "2024-06-24",
				  "Nama di KK berbeda ejaan dengan data DTKS", count, e);
	return rc ? SIKS_EDB : 0;
}

/* The yes/no criteria of bps14 asked at most households (poor ones say yes
 * more often), and a first score for each household asked. Skipped when the
 * indicator set is not in the data folder. */
static int indicators(siks *s, dplan *p, siks_err *e)
{
	siks_indset set;
	siks_err e2;
	if (indset_load(&set, s->datadir, "bps14", &e2) != 0)
		return 0;
	demo_rng g = { 0x494e44494b41544fU };
	for (int k = 0; k < p->nh; k++) {
		const dhh *h = &p->h[k];
		if (!demo_pct(&g, 85))
			continue;   /* not visited yet */
		for (int c = 0; c < set.n; c++)
			if (!set.c[c].source[0] &&
			    indicator_answer(s, &set, h->id, set.c[c].no, demo_pct(&g, h->poor ? 75 : 12), e) != 0)
				return SIKS_EDB;
		siks_score sc;
		if (indicator_score_save(s, &set, h->id, &sc, e) != 0)
			return SIKS_EDB;
	}
	return 0;
}

static void copy_plants(const dplan *p, demo_info *info)
{
	for (int k = 0; k < p->nplant && info->nplanted < DEMO_MAX_PLANTED; k++) {
		const dplant *d = &p->plant[k];
		demo_mistake *x = &info->planted[info->nplanted++];
		snprintf(x->rule, sizeof x->rule, "%s", d->rule);
		snprintf(x->table, sizeof x->table, "%s", d->m >= 0 ? "member" : "household");
		snprintf(x->record, sizeof x->record, "%s", d->m >= 0 ? p->m[d->m].id : p->h[d->h].id);
		x->severity = d->severity;
	}
}

static int write_all(siks *s, dplan *p, demo_info *info, siks_err *e)
{
	for (int k = 0; k < p->nh; k++) {
		dhh *h = &p->h[k];
		if (write_household(s, h, e) != 0)
			return SIKS_EDB;
		info->households++;
		for (int i = h->first; i < h->first + h->n; i++) {
			if (write_member(s, h, &p->m[i], e) != 0)
				return SIKS_EDB;
			info->members++;
		}
	}
	if (programs(s, p, &info->programs, e) != 0 || musdes_usulan(s, p, &info->usulan, e) != 0 ||
	    indicators(s, p, e) != 0)
		return SIKS_EDB;
	copy_plants(p, info);
	return 0;
}

int demo_build(siks *s, demo_info *out, siks_err *e)
{
	demo_info scratch, *info = out ? out : &scratch;
	memset(info, 0, sizeof *info);
	if (s->site_role != SIKS_SITE_NONE || db_int(s, "SELECT count(*) FROM household", 0) > 0)
		return siks_fail(e, SIKS_EINVAL, "",
				 _("Basis data ini sudah berisi data; demo hanya dibuat di berkas baru"));
	dplan p;
	if (demo_plan_build(&p, DEMO_HOUSEHOLDS) != 0) {
		demo_plan_free(&p);
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	}
	siks_set_operator(s, "", "demo", SIKS_OP_SYSTEM);
	int rc = db_begin(s, e);
	if (rc == 0)
		rc = siks_site_init(s, SIKS_SITE_DESA, DEMO_KODE, DEMO_NAMA, e);
	char path[1200];
	snprintf(path, sizeof path, "%s/wilayah/demo.csv", s->datadir);
	long n = 0;
	if (rc == 0 && plat_file_exists(path))
		rc = wilayah_import(s, path, &n, e);
	if (rc == 0) {
		/* after the site id, which must stay random: two demo copies are two sites */
		siks_id_seed(0x44414255414e3031u);
		rc = write_all(s, &p, info, e);
		siks_id_seed(0);
	}
	if (rc != 0) {
		db_rollback(s);
		demo_plan_free(&p);
		return rc;
	}
	demo_plan_free(&p);
	return db_commit(s, e);
}
