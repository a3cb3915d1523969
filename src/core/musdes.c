/* musdes.c — village deliberations (musyawarah desa/kelurahan): recording
 * one, and deciding proposals at it. A Draf proposal is agreed or refused
 * only here, so every decision names the minutes (berita acara) it was
 * taken in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/auth.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "siks/validate.h"
#include "usulan_int.h"

static int required(const char *field, const char *v, siks_err *e)
{
	if (v && *v)
		return 0;
	const siks_field *f = siks_field_find(siks_table_find("musdes"), field);
	return siks_fail(e, SIKS_EINVAL, field, _("%s: wajib diisi"), _(f->label));
}

/* The minutes number names one musdes of the village: a second musdes with
 * the same number is almost always the same meeting typed twice. */
static int check_nomor_unique(siks *s, const char *nomor, siks_err *e)
{
	sqlite3_stmt *st = db_stmt(s,
		"SELECT tanggal FROM musdes WHERE desa=?1 AND trim(nomor_ba)=?2 COLLATE NOCASE LIMIT 1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, s->site_kode, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, nomor, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	char when[11] = "";
	if (rc == SQLITE_ROW)
		date_format((const char *)sqlite3_column_text(st, 0), when);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return siks_fail(e, SIKS_EINVAL, "nomor_ba",
				 _("Nomor berita acara: %s sudah dipakai musdes tanggal %s; satu nomor untuk satu musdes"),
				 nomor, when);
	return rc == SQLITE_DONE ? 0 : db_fail(s, e, "musdes");
}

static int check_input(siks *s, const musdes_input *in, char iso[11], siks_err *e)
{
	if (required("tanggal", in->tanggal, e) || required("tempat", in->tempat, e) ||
	    required("nomor_ba", in->nomor_ba, e))
		return SIKS_EINVAL;
	if (date_parse(in->tanggal, iso) != 0)
		return siks_fail(e, SIKS_EINVAL, "tanggal",
				 _("Tanggal musdes: bukan tanggal yang ada (tertulis \"%.20s\"); tulis DD-MM-YYYY"),
				 in->tanggal);
	char today[11];
	plat_today(today);
	siks_findings f = { 0 };
	check_date(&f, "musdes", "", "tanggal", iso, today);
	if (f.n) {
		siks_fail(e, SIKS_EINVAL, "tanggal", "%s", f.v[0].msg);
		siks_findings_free(&f);
		return SIKS_EINVAL;
	}
	siks_findings_free(&f);
	if (usulan_check_len("musdes", "tempat", in->tempat, 60, e) ||
	    usulan_check_len("musdes", "nomor_ba", in->nomor_ba, 40, e) ||
	    usulan_check_len("musdes", "pimpinan", in->pimpinan, 60, e) ||
	    usulan_check_len("musdes", "catatan", in->catatan, 200, e))
		return SIKS_EINVAL;
	if (in->jumlah_hadir < -1 || in->jumlah_hadir > 9999)
		return siks_fail(e, SIKS_EINVAL, "jumlah_hadir",
				 _("Jumlah hadir: 0 sampai 9999 (tertulis %d)"), in->jumlah_hadir);
	return check_nomor_unique(s, in->nomor_ba, e);
}

/* Copies v without the spaces around it into out (n bytes); NULL stays NULL. */
static const char *trimmed(const char *v, char *out, size_t n)
{
	if (!v)
		return NULL;
	while (*v == ' ' || *v == '\t')
		v++;
	size_t k = strlen(v);
	while (k && (v[k - 1] == ' ' || v[k - 1] == '\t' || v[k - 1] == '\n' || v[k - 1] == '\r'))
		k--;
	if (k >= n)
		k = n - 1;
	memcpy(out, v, k);
	out[k] = '\0';
	return out;
}

int musdes_find(siks *s, const char *nomor_ba, char out_id[33], siks_err *e)
{
	char nomor[256];
	if (!trimmed(nomor_ba, nomor, sizeof nomor) || !nomor[0])
		return required("nomor_ba", NULL, e);
	sqlite3_stmt *st = db_stmt(s,
		"SELECT id FROM musdes WHERE desa=?1 AND trim(nomor_ba)=?2 COLLATE NOCASE"
		" ORDER BY tanggal DESC, id LIMIT 1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, s->site_kode, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, nomor, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out_id, 33, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return siks_fail(e, SIKS_ENOTFOUND, "nomor_ba",
				 _("Belum ada musdes dengan nomor berita acara %s"), nomor);
	return db_fail(s, e, "musdes");
}

int musdes_add(siks *s, const musdes_input *given, char out_id[33], siks_err *e)
{
	/* "BA-1 " and "BA-1" are the same minutes */
	char tempat[1024], nomor[1024], pimpinan[1024];
	musdes_input copy = *given;
	const musdes_input *in = &copy;
	copy.tempat = trimmed(given->tempat, tempat, sizeof tempat);
	copy.nomor_ba = trimmed(given->nomor_ba, nomor, sizeof nomor);
	copy.pimpinan = trimmed(given->pimpinan, pimpinan, sizeof pimpinan);
	if (auth_allow(s, SIKS_ACT_MUSDES, e) != 0)
		return SIKS_EPERM;
	if (s->site_role != SIKS_SITE_DESA)
		return siks_fail(e, SIKS_EPERM, "",
				 _("Musdes dicatat di basis data desa; dinas menerima catatan musdes lewat paket desa"));
	char iso[11];
	int rc = check_input(s, in, iso, e);
	if (rc != 0)
		return rc;
	siks_rec r;
	if (rec_init(&r, "musdes") != 0)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (rec_set(&r, "desa", s->site_kode) || rec_set(&r, "tanggal", iso) ||
	    rec_set(&r, "tempat", in->tempat) || rec_set(&r, "nomor_ba", in->nomor_ba) ||
	    (in->jumlah_hadir >= 0 && rec_set_int(&r, "jumlah_hadir", in->jumlah_hadir)) ||
	    rec_set(&r, "pimpinan", in->pimpinan) || rec_set(&r, "catatan", in->catatan))
		rc = siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (rc == 0)
		rc = rec_save(s, &r, e);
	if (rc == 0 && out_id)
		snprintf(out_id, 33, "%s", r.id);
	rec_free(&r);
	return rc;
}

/* ---- decisions ------------------------------------------------------------ */

static int decide_one(siks *s, const char *usulan_id, const musdes_row *m, int agree, siks_err *e)
{
	char hh[33] = "", desa[20];
	sqlite3_stmt *st = db_stmt(s, "SELECT household_id FROM usulan WHERE id=?1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, usulan_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(hh, sizeof hh, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (!hh[0])
		return siks_fail(e, SIKS_ENOTFOUND, "id", _("Usulan %s tidak ada"), usulan_id);
	int rc = usulan_household_desa(s, hh, desa, e);
	if (rc != 0)
		return rc;
	if (strcmp(desa, m->desa) != 0)
		return siks_fail(e, SIKS_EINVAL, "musdes_id",
				 _("Usulan dari desa %s tidak dapat diputuskan di musdes desa %s: musdes hanya memutus usulan desanya sendiri"),
				 desa, m->desa);
	return usulan_step_musdes(s, usulan_id, m->id, agree, e);
}

int usulan_decide(siks *s, const char *usulan_id, const char *musdes_id, int agree, siks_err *e)
{
	const char *one[] = { usulan_id };
	return agree ? musdes_decide(s, musdes_id, one, 1, NULL, 0, e)
		     : musdes_decide(s, musdes_id, NULL, 0, one, 1, e);
}

/* Prefixes the message of a failed decision with the proposal it is about. */
static void name_usulan(siks_err *e, const char *id)
{
	if (!e)
		return;
	char msg[sizeof e->msg];
	snprintf(msg, sizeof msg, "%s", e->msg);
	snprintf(e->msg, sizeof e->msg, _("Usulan %s: %s"), id, msg);
}

int musdes_decide(siks *s, const char *musdes_id, const char *const *setuju, size_t nsetuju,
		  const char *const *tolak, size_t ntolak, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_MUSDES, e) != 0)
		return SIKS_EPERM;
	/* the decisions are the village's: the district sees them by package */
	if (s->site_role == SIKS_SITE_KABUPATEN)
		return siks_fail(e, SIKS_EPERM, "",
				 _("Keputusan musdes dicatat di basis data desa; dinas menerimanya lewat paket desa"));
	if (!musdes_id || !*musdes_id)
		return siks_fail(e, SIKS_EINVAL, "musdes_id",
				 _("Musdes: keputusan disetujui atau ditolak hanya melalui berita acara musdes; catat musdesnya dulu"));
	musdes_row m;
	int rc = musdes_get(s, musdes_id, &m, e);
	if (rc != 0)
		return rc;
	if (nsetuju + ntolak == 0)
		return siks_fail(e, SIKS_EINVAL, "", _("Tidak ada usulan yang diputuskan"));
	for (size_t i = 0; i < nsetuju; i++)
		for (size_t j = 0; j < ntolak; j++)
			if (strcmp(setuju[i], tolak[j]) == 0)
				return siks_fail(e, SIKS_EINVAL, "status",
						 _("Usulan %s: tidak dapat disetujui dan ditolak sekaligus"),
						 setuju[i]);
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	for (size_t i = 0; rc == 0 && i < nsetuju + ntolak; i++) {
		const char *id = i < nsetuju ? setuju[i] : tolak[i - nsetuju];
		rc = decide_one(s, id, &m, i < nsetuju, e);
		if (rc != 0)
			name_usulan(e, id);
	}
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	return db_commit(s, e);
}

/* ---- reading ---------------------------------------------------------------- */

#define MUSDES_COLS \
	"SELECT m.id, coalesce(m.desa,''), coalesce(m.tanggal,''), coalesce(m.tempat,'')," \
	" coalesce(m.nomor_ba,''), coalesce(m.jumlah_hadir,-1)," \
	" (SELECT count(*) FROM usulan u WHERE u.musdes_id=m.id AND u.status<>3)," \
	" (SELECT count(*) FROM usulan u WHERE u.musdes_id=m.id AND u.status=3) FROM musdes m"

static void read_row(sqlite3_stmt *st, musdes_row *r)
{
	memset(r, 0, sizeof *r);
	snprintf(r->id, sizeof r->id, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(r->desa, sizeof r->desa, "%s", (const char *)sqlite3_column_text(st, 1));
	snprintf(r->tanggal, sizeof r->tanggal, "%s", (const char *)sqlite3_column_text(st, 2));
	snprintf(r->tempat, sizeof r->tempat, "%s", (const char *)sqlite3_column_text(st, 3));
	snprintf(r->nomor_ba, sizeof r->nomor_ba, "%s", (const char *)sqlite3_column_text(st, 4));
	r->jumlah_hadir = sqlite3_column_int(st, 5);
	r->setuju = sqlite3_column_int64(st, 6);
	r->tolak = sqlite3_column_int64(st, 7);
}

int musdes_get(siks *s, const char *id, musdes_row *out, siks_err *e)
{
	sqlite3_stmt *st = db_stmt(s, MUSDES_COLS " WHERE m.id=?1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return siks_fail(e, SIKS_ENOTFOUND, "musdes_id", _("Musdes %s tidak ada"), id);
	return db_fail(s, e, "musdes");
}

/* read_row in db_collect's shape */
static void read_any(sqlite3_stmt *st, void *row)
{
	read_row(st, row);
}

int musdes_list(siks *s, musdes_row **out, size_t *n, siks_err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(s, MUSDES_COLS " ORDER BY m.tanggal DESC, m.id DESC", e);
	if (!st)
		return SIKS_EDB;
	return db_collect(s, st, sizeof **out, read_any, (void **)out, n, "musdes", e);
}
