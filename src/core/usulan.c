/* usulan.c — creating proposals, removing a member through a proposal, the
 * status machine, and the steps to and from the district (see usulan.h).
 * Every write is a rec_save inside one transaction, so the audit trail
 * records each status change with who and when. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/auth.h"
#include "siks/codes.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "usulan_int.h"

/* ---- small shared helpers ----------------------------------------------- */

size_t usulan_chars(const char *p)
{
	size_t n = 0;
	for (; p && *p; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			n++;
	return n;
}

int usulan_check_len(const char *table, const char *field, const char *v, size_t max, siks_err *e)
{
	size_t n = usulan_chars(v);
	if (n <= max)
		return 0;
	const siks_table *t = siks_table_find(table);
	const siks_field *f = t ? siks_field_find(t, field) : NULL;
	return siks_fail(e, SIKS_EINVAL, field, _("%s: paling banyak %zu huruf (tertulis %zu)"),
			 f ? _(f->label) : field, max, n);
}

const char *usulan_code_label(siks *s, const char *list, int code, char *buf, size_t n)
{
	const char *l = s && s->codes ? codes_label(s->codes, list, code) : NULL;
	if (l)
		return l;
	snprintf(buf, n, "%d", code);
	return buf;
}

int usulan_household_desa(siks *s, const char *household_id, char desa[20], siks_err *e)
{
	sqlite3_stmt *st = db_stmt(s, "SELECT coalesce(desa,'') FROM household WHERE id=?1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, household_id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(desa, 20, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return siks_fail(e, SIKS_ENOTFOUND, "household_id", _("Rumah tangga %s tidak ada"),
				 household_id);
	return db_fail(s, e, "household");
}

/* ---- the status machine ------------------------------------------------- */

int usulan_status_final(int status)
{
	return status == USULAN_TOLAK_MUSDES || status == USULAN_DITERIMA ||
	       status == USULAN_DITOLAK_DINAS;
}

int usulan_status_open(int status)
{
	return status == USULAN_DRAF || status == USULAN_SETUJU_MUSDES || status == USULAN_DIKIRIM;
}

/* The one rule that allows a step to `to`: from which status and how. */
static const struct {
	int to, from, via;
	const char *rule;
} steps[] = {
	{ USULAN_SETUJU_MUSDES, USULAN_DRAF, USULAN_VIA_MUSDES,
	  N_("hanya usulan Draf yang diputuskan, dan hanya melalui berita acara musdes") },
	{ USULAN_TOLAK_MUSDES, USULAN_DRAF, USULAN_VIA_MUSDES,
	  N_("hanya usulan Draf yang diputuskan, dan hanya melalui berita acara musdes") },
	{ USULAN_DIKIRIM, USULAN_SETUJU_MUSDES, USULAN_VIA_KIRIM,
	  N_("hanya usulan yang disetujui musdes yang dikirim ke dinas, saat paket dibuat") },
	{ USULAN_DITERIMA, USULAN_DIKIRIM, USULAN_VIA_DINAS,
	  N_("hanya usulan yang sudah dikirim yang diputuskan, dan hanya oleh dinas") },
	{ USULAN_DITOLAK_DINAS, USULAN_DIKIRIM, USULAN_VIA_DINAS,
	  N_("hanya usulan yang sudah dikirim yang diputuskan, dan hanya oleh dinas") },
};

int usulan_transition_check(siks *s, int from, int to, int via, siks_err *e)
{
	char b1[16], b2[16];
	const char *lf = usulan_code_label(s, "status_usulan", from, b1, sizeof b1);
	const char *lt = usulan_code_label(s, "status_usulan", to, b2, sizeof b2);
	if (usulan_status_final(from))
		return siks_fail(e, SIKS_EINVAL, "status",
				 _("Usulan berstatus %s tidak dapat menjadi %s: status %s sudah final"),
				 lf, lt, lf);
	if (from == to)
		return siks_fail(e, SIKS_EINVAL, "status", _("Usulan sudah berstatus %s"), lf);
	if (to == USULAN_DRAF)
		return siks_fail(e, SIKS_EINVAL, "status",
				 _("Usulan berstatus %s tidak dapat kembali menjadi %s: usulan hanya dibuat sebagai Draf"),
				 lf, lt);
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		if (steps[i].to != to)
			continue;
		if (steps[i].from == from && steps[i].via == via)
			return 0;
		return siks_fail(e, SIKS_EINVAL, "status", _("Usulan berstatus %s tidak dapat menjadi %s: %s"),
				 lf, lt, _(steps[i].rule));
	}
	return siks_fail(e, SIKS_EINVAL, "status", _("Status usulan tidak dikenal: %d"), to);
}

/* ---- creating ------------------------------------------------------------ */

/* Reasons that contradict the kind of proposal: a new recipient is not
 * proposed because someone died, and nobody leaves for being newly poor. */
static int alasan_fits(int jenis, int alasan)
{
	if (jenis == USULAN_BARU)
		return alasan != ALASAN_MENINGGAL && alasan != ALASAN_PINDAH && alasan != ALASAN_MAMPU &&
		       alasan != ALASAN_GANDA && alasan != ALASAN_TIDAK_DITEMUKAN;
	if (jenis == USULAN_KELUAR)
		return alasan != ALASAN_MISKIN_BARU;
	return 1;
}

int usulan_keberadaan_for(int alasan)
{
	switch (alasan) {
	case ALASAN_MENINGGAL:
		return KEBERADAAN_MENINGGAL;
	case ALASAN_PINDAH:
		return KEBERADAAN_PINDAH;
	case ALASAN_TIDAK_DITEMUKAN:
		return KEBERADAAN_TIDAK_DITEMUKAN;
	case ALASAN_GANDA:
		/* a second entry of a person registered elsewhere: nobody by
		 * that entry lives in this household */
		return KEBERADAAN_TIDAK_DITEMUKAN;
	default:
		return 0;
	}
}

/* "1 Baru, 2 Perbaikan, 3 Keluar" for messages. */
static void list_codes(siks *s, const char *list, char *out, size_t n)
{
	size_t o = 0;
	out[0] = '\0';
	int cnt = s->codes ? codes_count(s->codes, list) : 0;
	for (int i = 0; i < cnt && o < n; i++) {
		int code;
		const char *label;
		if (codes_item(s->codes, list, i, &code, &label) == 0)
			o += (size_t)snprintf(out + o, n - o, "%s%d %s", i ? ", " : "", code, label);
	}
}

static int check_code(siks *s, const char *list, const char *field, int code, siks_err *e)
{
	if (s->codes && codes_valid(s->codes, list, code))
		return 0;
	char all[256];
	list_codes(s, list, all, sizeof all);
	const siks_field *f = siks_field_find(siks_table_find("usulan"), field);
	return siks_fail(e, SIKS_EINVAL, field, _("%s: harus salah satu dari %s (tertulis %d)"),
			 _(f->label), all, code);
}

/* Refuses a second open proposal of the same kind for the same household
 * or member: the musdes would decide the same thing twice. With
 * accepted_too, a proposal the district accepted counts as well (a member
 * removed for good is not removed again). */
static int check_no_open(siks *s, const char *household_id, const char *member_id, int jenis,
			 int accepted_too, siks_err *e)
{
	sqlite3_stmt *st = db_stmt(s,
		"SELECT id, status FROM usulan WHERE household_id=?1 AND member_id IS ?2 AND jenis=?3"
		" AND (status IN (1,2,4) OR (?4 AND status=5)) ORDER BY status LIMIT 1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, household_id, -1, SQLITE_TRANSIENT);
	db_bind_text_or_null(st, 2, member_id);
	sqlite3_bind_int(st, 3, jenis);
	sqlite3_bind_int(st, 4, accepted_too);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char id[33], b1[16], b2[32];
		snprintf(id, sizeof id, "%s", (const char *)sqlite3_column_text(st, 0));
		int status = sqlite3_column_int(st, 1);
		sqlite3_reset(st);
		const char *jl = usulan_code_label(s, "jenis_usulan", jenis, b1, sizeof b1);
		const char *who = member_id && *member_id ? _("anggota") : _("rumah tangga");
		if (status == USULAN_DITERIMA)
			return siks_fail(e, SIKS_EINVAL, "jenis",
					 _("Usulan %s untuk %s ini sudah diterima dinas (id %s): tidak diusulkan lagi"),
					 jl, who, id);
		return siks_fail(e, SIKS_EINVAL, "jenis",
				 _("Sudah ada usulan %s yang masih terbuka untuk %s ini (id %s, status %s): satu usulan sejenis sampai diputuskan"),
				 jl, who, id, usulan_code_label(s, "status_usulan", status, b2, sizeof b2));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(s, e, "usulan");
}

/* Writes a new Draf proposal (the caller has checked everything). */
static int save_new(siks *s, const usulan_input *in, char out_id[33], siks_err *e)
{
	char today[11];
	plat_today(today);
	siks_rec r;
	if (rec_init(&r, "usulan") != 0)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	int rc = 0;
	if (rec_set(&r, "household_id", in->household_id) || rec_set(&r, "member_id", in->member_id) ||
	    rec_set_int(&r, "jenis", in->jenis) || rec_set_int(&r, "alasan", in->alasan) ||
	    rec_set(&r, "keterangan", in->keterangan) || rec_set_int(&r, "status", USULAN_DRAF) ||
	    rec_set(&r, "tanggal", today))
		rc = siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (rc == 0)
		rc = rec_save(s, &r, e);
	if (rc == 0 && out_id)
		snprintf(out_id, 33, "%s", r.id);
	rec_free(&r);
	return rc;
}

int usulan_keluar_member(siks *s, const char *member_id, int alasan, const char *keterangan,
			 char out_id[33], siks_err *e)
{
	if (!member_id || !*member_id)
		return siks_fail(e, SIKS_EINVAL, "member_id", _("Anggota: pilih anggota yang dikeluarkan"));
	if (check_code(s, "alasan_usulan", "alasan", alasan, e) != 0)
		return SIKS_EINVAL;
	int ada = usulan_keberadaan_for(alasan);
	if (!ada) {
		char b[32];
		return siks_fail(e, SIKS_EINVAL, "alasan",
				 _("Alasan %s tidak dapat dipakai untuk mengeluarkan anggota: pilih Meninggal, Pindah, Ganda atau Tidak ditemukan"),
				 usulan_code_label(s, "alasan_usulan", alasan, b, sizeof b));
	}
	if (usulan_check_len("usulan", "keterangan", keterangan, 200, e) != 0)
		return SIKS_EINVAL;
	siks_rec m;
	int rc = rec_load(s, &m, "member", member_id, e);
	if (rc != 0) {
		rec_free(&m);
		if (rc == SIKS_ENOTFOUND)
			return siks_fail(e, SIKS_ENOTFOUND, "member_id", _("Anggota %s tidak ada"), member_id);
		return rc;
	}
	/* A member already recorded as died or moved (typed in the form before
	 * anyone proposed the removal) still gets the proposal; the presence is
	 * then written only when the reason says otherwise. */
	char hh[33];
	snprintf(hh, sizeof hh, "%s", rec_get(&m, "household_id") ? rec_get(&m, "household_id") : "");
	rec_free(&m);
	char desa[20];
	if ((rc = usulan_household_desa(s, hh, desa, e)) != 0)
		return rc;
	if (auth_allow_village(s, SIKS_ACT_EDIT, desa, e) != 0)
		return SIKS_EPERM;
	if ((rc = check_no_open(s, hh, member_id, USULAN_KELUAR, 1, e)) != 0)
		return rc;

	/* one transaction: the proposal and the member's presence together */
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	usulan_input in = { hh, member_id, USULAN_KELUAR, alasan, keterangan };
	char ids[33];
	rc = save_new(s, &in, ids, e);
	if (rc == 0) {
		char v[8];
		snprintf(v, sizeof v, "%d", ada);
		rc = rec_save_field(s, "member", member_id, "keberadaan", v, e);
	}
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	if ((rc = db_commit(s, e)) != 0)
		return rc;
	if (out_id)
		snprintf(out_id, 33, "%s", ids);
	return 0;
}

int usulan_add(siks *s, const usulan_input *in, char out_id[33], siks_err *e)
{
	if (!in || !in->household_id || !*in->household_id)
		return siks_fail(e, SIKS_EINVAL, "household_id", _("Rumah tangga: pilih rumah tangga yang diusulkan"));
	if (check_code(s, "jenis_usulan", "jenis", in->jenis, e) != 0 ||
	    check_code(s, "alasan_usulan", "alasan", in->alasan, e) != 0)
		return SIKS_EINVAL;
	if (!alasan_fits(in->jenis, in->alasan)) {
		char b1[32], b2[32];
		return siks_fail(e, SIKS_EINVAL, "alasan", _("Alasan %s tidak cocok untuk usulan %s"),
				 usulan_code_label(s, "alasan_usulan", in->alasan, b1, sizeof b1),
				 usulan_code_label(s, "jenis_usulan", in->jenis, b2, sizeof b2));
	}
	const char *member = in->member_id && *in->member_id ? in->member_id : NULL;
	char desa[20];
	int rc = usulan_household_desa(s, in->household_id, desa, e);
	if (rc != 0)
		return rc;
	if (member) {
		siks_rec m;
		rc = rec_load(s, &m, "member", member, e);
		int other = rc == 0 && (!rec_get(&m, "household_id") ||
					strcmp(rec_get(&m, "household_id"), in->household_id) != 0);
		rec_free(&m);
		if (rc == SIKS_ENOTFOUND)
			return siks_fail(e, SIKS_ENOTFOUND, "member_id", _("Anggota %s tidak ada"), member);
		if (rc != 0)
			return rc;
		if (other)
			return siks_fail(e, SIKS_EINVAL, "member_id",
					 _("Anggota %s bukan anggota rumah tangga %s"), member, in->household_id);
		/* removing a member always changes the member's presence too */
		if (in->jenis == USULAN_KELUAR)
			return usulan_keluar_member(s, member, in->alasan, in->keterangan, out_id, e);
	}
	if (usulan_check_len("usulan", "keterangan", in->keterangan, 200, e) != 0)
		return SIKS_EINVAL;
	if (auth_allow_village(s, SIKS_ACT_EDIT, desa, e) != 0)
		return SIKS_EPERM;
	if ((rc = check_no_open(s, in->household_id, member, in->jenis, 0, e)) != 0)
		return rc;
	usulan_input copy = *in;
	copy.member_id = member;
	return save_new(s, &copy, out_id, e);
}

/* ---- status steps ------------------------------------------------------- */

/* Moves proposal id to status `to` by via, setting field/value as well
 * (musdes_id or alasan_dinas; NULL for none), in one rec_save. */
static int step(siks *s, const char *id, int to, int via, const char *field, const char *value,
		siks_err *e)
{
	siks_rec r;
	int rc = rec_load(s, &r, "usulan", id, e);
	if (rc == SIKS_ENOTFOUND)
		rc = siks_fail(e, SIKS_ENOTFOUND, "id", _("Usulan %s tidak ada"), id);
	if (rc == 0)
		rc = usulan_transition_check(s, (int)rec_get_int(&r, "status", 0), to, via, e);
	if (rc == 0 && (rec_set_int(&r, "status", to) != 0 || (field && rec_set(&r, field, value) != 0)))
		rc = siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (rc == 0)
		rc = rec_save(s, &r, e);
	rec_free(&r);
	return rc;
}

int usulan_step_musdes(siks *s, const char *id, const char *musdes_id, int agree, siks_err *e)
{
	return step(s, id, agree ? USULAN_SETUJU_MUSDES : USULAN_TOLAK_MUSDES, USULAN_VIA_MUSDES,
		    "musdes_id", musdes_id, e);
}

int usulan_mark_sent(siks *s, int64_t *n, siks_err *e)
{
	if (n)
		*n = 0;
	/* at the district, agreed proposals are the villages' to send */
	if (s->site_role == SIKS_SITE_KABUPATEN)
		return 0;
	/* ids first: the loop below rewrites the rows the query walks */
	sqlite3_stmt *st = db_stmt(s, "SELECT id FROM usulan WHERE status=2 ORDER BY id", e);
	if (!st)
		return SIKS_EDB;
	char (*ids)[33] = NULL;
	size_t cnt = 0;
	int rc = db_collect(s, st, sizeof *ids, db_read_id, (void **)&ids, &cnt, "usulan", e);
	if (rc != 0)
		return rc;
	rc = db_begin(s, e);
	for (size_t i = 0; rc == 0 && i < cnt; i++)
		rc = step(s, ids[i], USULAN_DIKIRIM, USULAN_VIA_KIRIM, NULL, NULL, e);
	free(ids);
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	if ((rc = db_commit(s, e)) != 0)
		return rc;
	if (n)
		*n = (int64_t)cnt;
	return 0;
}

int usulan_result_apply(siks *s, const char *usulan_id, int accepted, const char *alasan_dinas,
			siks_err *e)
{
	const char *why = alasan_dinas && *alasan_dinas ? alasan_dinas : NULL;
	if (!accepted && !why)
		return siks_fail(e, SIKS_EINVAL, "alasan_dinas",
				 _("Alasan dinas: wajib diisi bila usulan ditolak dinas"));
	if (usulan_check_len("usulan", "alasan_dinas", why, 200, e) != 0)
		return SIKS_EINVAL;
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	int rc = step(s, usulan_id, accepted ? USULAN_DITERIMA : USULAN_DITOLAK_DINAS, USULAN_VIA_DINAS,
		      "alasan_dinas", why, e);
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	return db_commit(s, e);
}

int usulan_result(siks *s, const char *usulan_id, int accepted, const char *alasan_dinas,
		  siks_err *e)
{
	if (s->site_role != SIKS_SITE_KABUPATEN)
		return siks_fail(e, SIKS_EPERM, "status",
				 _("Hasil verifikasi dinas hanya dicatat di basis data dinas (kabupaten); di desa hasil itu datang lewat paket dari dinas"));
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
	if (auth_allow_village(s, SIKS_ACT_DISTRICT_RESULT, desa, e) != 0)
		return SIKS_EPERM;
	return usulan_result_apply(s, usulan_id, accepted, alasan_dinas, e);
}
