/* test_usulan.c — proposals and musdes: every legal and illegal status step,
 * member removal in one transaction, musdes decisions, district results,
 * history from the audit trail, lists and counts. */
#include "testutil.h"
#include "siks/auth.h"
#include "siks/usulan.h"

#define NIK_HEAD "3528010101800001"
#define NIK_WIFE "3528014503850002"
#define NIK_CHILD "3528011007100003"

/* A village with one household of three: head, wife, child. */
typedef struct fx {
	siks *s;
	char hh[33], head[33], wife[33], child[33];
} fx;

static void fx_open(fx *f, int role)
{
	memset(f, 0, sizeof *f);
	f->s = tu_open(role, NULL);
	siks_set_operator(f->s, "op1", "Rofiqoh", SIKS_OP_SYSTEM);
	tu_household(f->s, "Krajan", 3, f->hh);
	tu_member(f->s, f->hh, NIK_HEAD, "Moh. Sahri", 1, "1980-01-01", 1, f->head);
	tu_member(f->s, f->hh, NIK_WIFE, "Siti Nur'aini", 2, "1985-03-05", 3, f->wife);
	tu_member(f->s, f->hh, NIK_CHILD, "Ahmad Fauzi", 1, "2010-07-10", 4, f->child);
}

static int status_of(siks *s, const char *id)
{
	siks_rec r;
	siks_err e = { 0 };
	assert_int_equal(rec_load(s, &r, "usulan", id, &e), 0);
	int st = (int)rec_get_int(&r, "status", -1);
	rec_free(&r);
	return st;
}

static int keberadaan_of(siks *s, const char *member)
{
	siks_rec r;
	siks_err e = { 0 };
	assert_int_equal(rec_load(s, &r, "member", member, &e), 0);
	int k = (int)rec_get_int(&r, "keberadaan", -1);
	rec_free(&r);
	return k;
}

static void add_ok(fx *f, const char *member, int jenis, int alasan, char id[33])
{
	siks_err e = { 0 };
	usulan_input in = { f->hh, member, jenis, alasan, NULL };
	int rc = usulan_add(f->s, &in, id, &e);
	if (rc)
		fprintf(stderr, "usulan_add: %s\n", e.msg);
	assert_int_equal(rc, 0);
}

static void musdes_ok(siks *s, const char *tanggal, const char *nomor, char id[33])
{
	siks_err e = { 0 };
	musdes_input in = { tanggal, "Balai Desa Dabuan", nomor, 42, "Kepala Desa", NULL };
	int rc = musdes_add(s, &in, id, &e);
	if (rc)
		fprintf(stderr, "musdes_add: %s\n", e.msg);
	assert_int_equal(rc, 0);
}

/* ---- the status machine ----------------------------------------------------- */

static void test_transition_table(void **st)
{
	(void)st;
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	int allowed = 0;
	for (int from = 1; from <= USULAN_STATUS_MAX; from++)
		for (int to = 1; to <= USULAN_STATUS_MAX; to++)
			for (int via = USULAN_VIA_MUSDES; via <= USULAN_VIA_DINAS; via++) {
				siks_err e = { 0 };
				int rc = usulan_transition_check(s, from, to, via, &e);
				int legal = (from == 1 && (to == 2 || to == 3) && via == USULAN_VIA_MUSDES) ||
					    (from == 2 && to == 4 && via == USULAN_VIA_KIRIM) ||
					    (from == 4 && (to == 5 || to == 6) && via == USULAN_VIA_DINAS);
				assert_int_equal(rc, legal ? 0 : SIKS_EINVAL);
				if (!legal) {
					assert_string_equal(e.field, "status");
					assert_true(strlen(e.msg) > 20);
				}
				allowed += legal;
			}
	assert_int_equal(allowed, 5);
	siks_err e = { 0 };
	/* messages name both statuses and the rule */
	usulan_transition_check(s, 3, 2, USULAN_VIA_MUSDES, &e);
	assert_non_null(strstr(e.msg, "Ditolak musdes"));
	assert_non_null(strstr(e.msg, "sudah final"));
	usulan_transition_check(s, 1, 4, USULAN_VIA_KIRIM, &e);
	assert_non_null(strstr(e.msg, "Draf"));
	assert_non_null(strstr(e.msg, "Dikirim"));
	assert_non_null(strstr(e.msg, "disetujui musdes"));
	usulan_transition_check(s, 4, 5, USULAN_VIA_MUSDES, &e);
	assert_non_null(strstr(e.msg, "oleh dinas"));
	usulan_transition_check(s, 1, 2, USULAN_VIA_DINAS, &e);
	assert_non_null(strstr(e.msg, "berita acara musdes"));
	usulan_transition_check(s, 2, 1, USULAN_VIA_MUSDES, &e);
	assert_non_null(strstr(e.msg, "Draf"));
	assert_int_equal(usulan_transition_check(NULL, 1, 9, USULAN_VIA_MUSDES, &e), SIKS_EINVAL);
	assert_true(usulan_status_final(3) && usulan_status_final(5) && usulan_status_final(6));
	assert_false(usulan_status_final(1) || usulan_status_final(2) || usulan_status_final(4));
	assert_true(usulan_status_open(1) && usulan_status_open(2) && usulan_status_open(4));
	siks_close(s);
}

/* ---- creating ------------------------------------------------------------------ */

static void test_add_creates_draf_with_audit(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	int64_t audit0 = db_int(f.s, "SELECT count(*) FROM audit", 0);
	char id[33];
	add_ok(&f, NULL, USULAN_BARU, ALASAN_MISKIN_BARU, id);
	assert_int_equal(strlen(id), 32);
	assert_int_equal(status_of(f.s, id), USULAN_DRAF);
	siks_rec r;
	siks_err e = { 0 };
	assert_int_equal(rec_load(f.s, &r, "usulan", id, &e), 0);
	assert_string_equal(rec_get(&r, "tanggal"), "2026-11-27");
	assert_string_equal(rec_get(&r, "household_id"), f.hh);
	assert_null(rec_get(&r, "member_id"));
	assert_null(rec_get(&r, "musdes_id"));
	rec_free(&r);
	/* written through rec_save: one audit row and one change row */
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM audit", 0), audit0 + 1);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM change WHERE tbl='usulan' AND field='*'", 0), 1);
	assert_int_equal(db_int(f.s, "SELECT json_extract(new,'$.status') FROM audit WHERE tbl='usulan'", 0), 1);
	/* a member's correction is fine alongside */
	char id2[33];
	add_ok(&f, f.wife, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, id2);
	assert_int_equal(status_of(f.s, id2), USULAN_DRAF);
	siks_close(f.s);
}

static void test_add_refusals_name_the_rule(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char id[33];
	usulan_input in = { f.hh, NULL, 9, ALASAN_LAINNYA, NULL };
	assert_int_equal(usulan_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "jenis");
	assert_non_null(strstr(e.msg, "Perbaikan"));
	in = (usulan_input){ f.hh, NULL, USULAN_BARU, 99, NULL };
	assert_int_equal(usulan_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "alasan");
	/* a new recipient is not proposed because someone died */
	in = (usulan_input){ f.hh, NULL, USULAN_BARU, ALASAN_MENINGGAL, NULL };
	assert_int_equal(usulan_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, "tidak cocok"));
	in = (usulan_input){ f.hh, NULL, USULAN_KELUAR, ALASAN_MISKIN_BARU, NULL };
	assert_int_equal(usulan_add(f.s, &in, id, &e), SIKS_EINVAL);
	in = (usulan_input){ "0123456789abcdef0123456789abcdef", NULL, USULAN_BARU, ALASAN_MISKIN_BARU, NULL };
	assert_int_equal(usulan_add(f.s, &in, id, &e), SIKS_ENOTFOUND);
	in = (usulan_input){ "", NULL, USULAN_BARU, ALASAN_MISKIN_BARU, NULL };
	assert_int_equal(usulan_add(f.s, &in, id, &e), SIKS_EINVAL);
	/* a member of another household */
	char hh2[33], other[33];
	tu_household(f.s, "Lembung", 4, hh2);
	tu_member(f.s, hh2, "3528010202900004", "Bambang", 1, "1990-02-02", 1, other);
	in = (usulan_input){ f.hh, other, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, NULL };
	assert_int_equal(usulan_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, "bukan anggota"));
	/* keterangan: 200 characters, counted as characters not bytes */
	char ket[700] = "";
	for (int i = 0; i < 200; i++)
		strcat(ket, "é");
	in = (usulan_input){ f.hh, NULL, USULAN_BARU, ALASAN_MISKIN_BARU, ket };
	add_ok(&f, NULL, USULAN_PERBAIKAN, ALASAN_LAINNYA, id);
	assert_int_equal(usulan_add(f.s, &in, id, &e), 0);
	strcat(ket, "x");
	in.jenis = USULAN_PERBAIKAN;
	in.member_id = f.child;
	assert_int_equal(usulan_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "keterangan");
	/* a second open proposal of the same kind for the same household */
	in = (usulan_input){ f.hh, NULL, USULAN_BARU, ALASAN_LAINNYA, NULL };
	assert_int_equal(usulan_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, "masih terbuka"));
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM usulan", 0), 2);
	siks_close(f.s);
}

/* ---- member removal ----------------------------------------------------------- */

static void test_keluar_member_one_proposal_and_presence(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char id[33];
	int64_t changes0 = db_int(f.s, "SELECT count(*) FROM change", 0);
	assert_int_equal(usulan_keluar_member(f.s, f.head, ALASAN_MENINGGAL, "wafat 2 November", id, &e), 0);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM usulan", 0), 1);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM usulan WHERE jenis=3 AND alasan=1 AND status=1", 0), 1);
	assert_int_equal(keberadaan_of(f.s, f.head), KEBERADAAN_MENINGGAL);
	/* nothing was deleted; both writes are audited and become changes */
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM member", 0), 3);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM audit WHERE tbl='member' AND field='keberadaan'"
				" AND old='1' AND new='2'", 0), 1);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM change", 0), changes0 + 2);
	usulan_row r;
	assert_int_equal(usulan_get(f.s, id, &r, &e), 0);
	assert_string_equal(r.member_id, f.head);
	assert_string_equal(r.nama, "Moh. Sahri");
	assert_string_equal(r.keterangan, "wafat 2 November");
	usulan_row_clear(&r);
	/* the same member cannot be removed twice */
	assert_int_equal(usulan_keluar_member(f.s, f.head, ALASAN_PINDAH, NULL, id, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, "masih terbuka"));
	assert_int_equal(keberadaan_of(f.s, f.head), KEBERADAAN_MENINGGAL);
	/* a household-level reason cannot remove a member; nothing changes */
	assert_int_equal(usulan_keluar_member(f.s, f.child, ALASAN_MAMPU, NULL, id, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "alasan");
	assert_int_equal(keberadaan_of(f.s, f.child), KEBERADAAN_ADA);
	assert_int_equal(usulan_keluar_member(f.s, "0123456789abcdef0123456789abcdef", ALASAN_PINDAH, NULL,
					      id, &e), SIKS_ENOTFOUND);
	/* each reason sets its presence */
	assert_int_equal(usulan_keberadaan_for(ALASAN_PINDAH), KEBERADAAN_PINDAH);
	assert_int_equal(usulan_keberadaan_for(ALASAN_TIDAK_DITEMUKAN), KEBERADAAN_TIDAK_DITEMUKAN);
	assert_int_equal(usulan_keberadaan_for(ALASAN_GANDA), KEBERADAAN_TIDAK_DITEMUKAN);
	assert_int_equal(usulan_keberadaan_for(ALASAN_DATA_SALAH), 0);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM usulan", 0), 1);
	siks_close(f.s);
}

static void test_keluar_of_member_already_recorded(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char a[33], b[33], md[33];
	/* died, typed in the form, never proposed: the proposal is still made */
	assert_int_equal(rec_save_field(f.s, "member", f.wife, "keberadaan", "2", &e), 0);
	int64_t audit0 = db_int(f.s, "SELECT count(*) FROM audit", 0);
	assert_int_equal(usulan_keluar_member(f.s, f.wife, ALASAN_MENINGGAL, "surat kematian 474.3/15", a, &e), 0);
	assert_int_equal(keberadaan_of(f.s, f.wife), KEBERADAAN_MENINGGAL);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM audit", 0), audit0 + 1); /* the proposal only */
	/* refused at the musdes, it may be proposed again; accepted, never again */
	musdes_ok(f.s, "20-11-2026", "BA-1", md);
	assert_int_equal(usulan_decide(f.s, a, md, 0, &e), 0);
	assert_int_equal(usulan_keluar_member(f.s, f.wife, ALASAN_MENINGGAL, NULL, b, &e), 0);
	assert_int_equal(usulan_decide(f.s, b, md, 1, &e), 0);
	assert_int_equal(usulan_mark_sent(f.s, NULL, &e), 0);
	assert_int_equal(usulan_result_apply(f.s, b, 1, NULL, &e), 0);
	assert_int_equal(usulan_keluar_member(f.s, f.wife, ALASAN_MENINGGAL, NULL, b, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, "sudah diterima dinas"));
	/* moved, then the reason says died: the presence follows the reason */
	assert_int_equal(rec_save_field(f.s, "member", f.child, "keberadaan", "3", &e), 0);
	assert_int_equal(usulan_keluar_member(f.s, f.child, ALASAN_MENINGGAL, NULL, b, &e), 0);
	assert_int_equal(keberadaan_of(f.s, f.child), KEBERADAAN_MENINGGAL);
	siks_close(f.s);
}

static void test_keluar_through_add_changes_presence(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	char id[33];
	add_ok(&f, f.child, USULAN_KELUAR, ALASAN_PINDAH, id);
	assert_int_equal(keberadaan_of(f.s, f.child), KEBERADAAN_PINDAH);
	assert_int_equal(status_of(f.s, id), USULAN_DRAF);
	/* a household leaving the register changes nobody's presence */
	add_ok(&f, NULL, USULAN_KELUAR, ALASAN_MAMPU, id);
	assert_int_equal(keberadaan_of(f.s, f.head), KEBERADAAN_ADA);
	siks_close(f.s);
}

static void test_keluar_is_one_transaction(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char id[33];
	int64_t audit0 = db_int(f.s, "SELECT count(*) FROM audit", 0);
	int64_t change0 = db_int(f.s, "SELECT count(*) FROM change", 0);
	/* the second write (presence) fails: the proposal goes too */
	assert_int_equal(db_exec(f.s, "CREATE TEMP TRIGGER no_presence BEFORE UPDATE OF keberadaan ON member"
				 " BEGIN SELECT RAISE(ABORT, 'uji gagal'); END", &e), 0);
	assert_int_not_equal(usulan_keluar_member(f.s, f.wife, ALASAN_PINDAH, NULL, id, &e), 0);
	assert_non_null(strstr(e.msg, "uji gagal"));
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM usulan", 0), 0);
	assert_int_equal(keberadaan_of(f.s, f.wife), KEBERADAAN_ADA);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM audit", 0), audit0);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM change", 0), change0);
	assert_int_equal(f.s->tx_depth, 0);
	assert_int_equal(db_exec(f.s, "DROP TRIGGER temp.no_presence", &e), 0);
	/* the first write (proposal) fails: the presence is not changed */
	assert_int_equal(db_exec(f.s, "CREATE TEMP TRIGGER no_usulan BEFORE INSERT ON usulan"
				 " BEGIN SELECT RAISE(ABORT, 'uji gagal'); END", &e), 0);
	assert_int_not_equal(usulan_keluar_member(f.s, f.wife, ALASAN_PINDAH, NULL, id, &e), 0);
	assert_int_equal(keberadaan_of(f.s, f.wife), KEBERADAAN_ADA);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM audit", 0), audit0);
	assert_int_equal(db_exec(f.s, "DROP TRIGGER temp.no_usulan", &e), 0);
	/* and inside a caller's transaction that is rolled back, neither stays */
	assert_int_equal(db_begin(f.s, &e), 0);
	assert_int_equal(usulan_keluar_member(f.s, f.wife, ALASAN_PINDAH, NULL, id, &e), 0);
	db_rollback(f.s);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM usulan", 0), 0);
	assert_int_equal(keberadaan_of(f.s, f.wife), KEBERADAAN_ADA);
	/* with the fault gone it works */
	assert_int_equal(usulan_keluar_member(f.s, f.wife, ALASAN_PINDAH, NULL, id, &e), 0);
	assert_int_equal(keberadaan_of(f.s, f.wife), KEBERADAAN_PINDAH);
	siks_close(f.s);
}

/* ---- musdes ------------------------------------------------------------------- */

static void test_musdes_add_rules(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char id[33];
	musdes_ok(f.s, "20-11-2026", "140/01/432.510.1/2026", id);
	musdes_row m;
	assert_int_equal(musdes_get(f.s, id, &m, &e), 0);
	assert_string_equal(m.tanggal, "2026-11-20");
	assert_string_equal(m.desa, "35.28.01.2001");
	assert_int_equal(m.jumlah_hadir, 42);
	musdes_input in = { "28-11-2026", "Balai Desa", "BA-2", -1, NULL, NULL };
	assert_int_equal(musdes_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "tanggal");
	assert_non_null(strstr(e.msg, "masa depan"));
	in.tanggal = "31-02-2026";
	assert_int_equal(musdes_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "tanggal");
	in.tanggal = "27-11-2026"; /* today is fine */
	in.tempat = "";
	assert_int_equal(musdes_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "tempat");
	in.tempat = "Balai Desa";
	in.nomor_ba = NULL;
	assert_int_equal(musdes_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "nomor_ba");
	in.nomor_ba = "140/01/432.510.1/2026"; /* already used */
	assert_int_equal(musdes_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, "20-11-2026"));
	in.nomor_ba = "BA-2";
	in.jumlah_hadir = 10000;
	assert_int_equal(musdes_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "jumlah_hadir");
	in.jumlah_hadir = -1;
	in.nomor_ba = " 140/01/432.510.1/2026  "; /* the same number with spaces */
	assert_int_equal(musdes_add(f.s, &in, id, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "nomor_ba");
	in.nomor_ba = "  BA-2 ";
	assert_int_equal(musdes_add(f.s, &in, id, &e), 0);
	char found[33];
	assert_int_equal(musdes_find(f.s, "ba-2", found, &e), 0);
	assert_string_equal(found, id);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM musdes WHERE nomor_ba='BA-2'", 0), 1);
	assert_int_equal(musdes_find(f.s, "BA-3", found, &e), SIKS_ENOTFOUND);
	assert_int_equal(musdes_find(f.s, "  ", found, &e), SIKS_EINVAL);
	assert_int_equal(musdes_get(f.s, id, &m, &e), 0);
	assert_int_equal(m.jumlah_hadir, -1);
	musdes_row *all;
	size_t n;
	assert_int_equal(musdes_list(f.s, &all, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(all[0].tanggal, "2026-11-27"); /* newest first */
	free(all);
	siks_close(f.s);
	/* a district does not hold musdes of its own */
	siks *k = tu_open(SIKS_SITE_KABUPATEN, NULL);
	in = (musdes_input){ "20-11-2026", "Balai Desa", "BA-9", 10, NULL, NULL };
	assert_int_equal(musdes_add(k, &in, id, &e), SIKS_EPERM);
	siks_close(k);
}

static void test_musdes_decision_records_musdes(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char a[33], b[33], md[33];
	add_ok(&f, NULL, USULAN_BARU, ALASAN_MISKIN_BARU, a);
	assert_int_equal(usulan_keluar_member(f.s, f.child, ALASAN_PINDAH, NULL, b, &e), 0);
	musdes_ok(f.s, "20-11-2026", "BA-1", md);
	const char *yes[] = { a }, *no[] = { b };
	assert_int_equal(musdes_decide(f.s, md, yes, 1, no, 1, &e), 0);
	assert_int_equal(status_of(f.s, a), USULAN_SETUJU_MUSDES);
	assert_int_equal(status_of(f.s, b), USULAN_TOLAK_MUSDES);
	usulan_row *rows;
	size_t n;
	usulan_filter flt = { .musdes_id = md };
	assert_int_equal(usulan_list(f.s, &flt, &rows, &n, &e), 0);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(rows[i].musdes_id, md);
		assert_string_equal(rows[i].musdes_tanggal, "2026-11-20");
		assert_string_equal(rows[i].musdes_nomor, "BA-1");
	}
	usulan_rows_free(rows, n);
	musdes_row m;
	assert_int_equal(musdes_get(f.s, md, &m, &e), 0);
	assert_int_equal(m.setuju, 1);
	assert_int_equal(m.tolak, 1);
	/* a decided proposal is not decided again */
	char md2[33];
	musdes_ok(f.s, "21-11-2026", "BA-2", md2);
	assert_int_equal(usulan_decide(f.s, a, md2, 0, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, a));
	assert_int_equal(usulan_decide(f.s, b, md2, 1, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, "sudah final"));
	assert_int_equal(status_of(f.s, a), USULAN_SETUJU_MUSDES);
	siks_close(f.s);
}

static void test_musdes_decide_all_or_nothing(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char a[33], b[33], c[33], md[33];
	add_ok(&f, NULL, USULAN_BARU, ALASAN_MISKIN_BARU, a);
	add_ok(&f, f.wife, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, b);
	add_ok(&f, f.child, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, c);
	musdes_ok(f.s, "20-11-2026", "BA-1", md);
	assert_int_equal(usulan_decide(f.s, c, md, 1, &e), 0);
	/* c is no longer Draf: the whole decision is refused, a and b stay Draf */
	const char *yes[] = { a, c }, *no[] = { b };
	int64_t audit0 = db_int(f.s, "SELECT count(*) FROM audit", 0);
	assert_int_equal(musdes_decide(f.s, md, yes, 2, no, 1, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, c));
	assert_int_equal(status_of(f.s, a), USULAN_DRAF);
	assert_int_equal(status_of(f.s, b), USULAN_DRAF);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM audit", 0), audit0);
	/* the same proposal agreed and refused at once */
	const char *y2[] = { a }, *n2[] = { a };
	assert_int_equal(musdes_decide(f.s, md, y2, 1, n2, 1, &e), SIKS_EINVAL);
	assert_int_equal(musdes_decide(f.s, md, NULL, 0, NULL, 0, &e), SIKS_EINVAL);
	/* only through a musdes record */
	assert_int_equal(usulan_decide(f.s, a, "0123456789abcdef0123456789abcdef", 1, &e), SIKS_ENOTFOUND);
	assert_int_equal(usulan_decide(f.s, a, NULL, 1, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, "berita acara"));
	assert_int_equal(usulan_decide(f.s, "0123456789abcdef0123456789abcdef", md, 1, &e), SIKS_ENOTFOUND);
	/* a musdes of another village (arrived by sync) cannot decide here */
	siks_rec m;
	assert_int_equal(rec_init(&m, "musdes"), 0);
	rec_set(&m, "desa", "35.28.01.2002");
	rec_set(&m, "tanggal", "2026-11-20");
	rec_set(&m, "tempat", "Balai Desa Bandaran");
	rec_set(&m, "nomor_ba", "BA-1");
	assert_int_equal(rec_save(f.s, &m, &e), 0);
	assert_int_equal(usulan_decide(f.s, a, m.id, 1, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, "desanya sendiri"));
	rec_free(&m);
	assert_int_equal(status_of(f.s, a), USULAN_DRAF);
	siks_close(f.s);
}

/* ---- to and from the district ------------------------------------------------ */

static void test_mark_sent_only_agreed(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char a[33], b[33], c[33], d[33], md[33];
	add_ok(&f, NULL, USULAN_BARU, ALASAN_MISKIN_BARU, a);
	add_ok(&f, f.head, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, b);
	add_ok(&f, f.wife, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, c);
	add_ok(&f, f.child, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, d);
	musdes_ok(f.s, "20-11-2026", "BA-1", md);
	const char *yes[] = { a, b }, *no[] = { c };
	assert_int_equal(musdes_decide(f.s, md, yes, 2, no, 1, &e), 0);
	int64_t n = -1;
	assert_int_equal(usulan_mark_sent(f.s, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(status_of(f.s, a), USULAN_DIKIRIM);
	assert_int_equal(status_of(f.s, b), USULAN_DIKIRIM);
	assert_int_equal(status_of(f.s, c), USULAN_TOLAK_MUSDES);
	assert_int_equal(status_of(f.s, d), USULAN_DRAF);
	/* each step is a change row that sync carries */
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM change WHERE tbl='usulan' AND field='status' AND value='4'", 0), 2);
	assert_int_equal(usulan_mark_sent(f.s, &n, &e), 0);
	assert_int_equal(n, 0);
	siks_close(f.s);
}

/* Brings a new proposal of f to Dikirim. */
static void to_sent(fx *f, const char *member, int jenis, int alasan, const char *nomor, char id[33])
{
	siks_err e = { 0 };
	char md[33];
	add_ok(f, member, jenis, alasan, id);
	musdes_ok(f->s, "20-11-2026", nomor, md);
	assert_int_equal(usulan_decide(f->s, id, md, 1, &e), 0);
	assert_int_equal(usulan_mark_sent(f->s, NULL, &e), 0);
	assert_int_equal(status_of(f->s, id), USULAN_DIKIRIM);
}

static void test_result_at_village_only_from_package(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char a[33], b[33], d[33];
	to_sent(&f, NULL, USULAN_BARU, ALASAN_MISKIN_BARU, "BA-1", a);
	to_sent(&f, f.wife, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, "BA-2", b);
	add_ok(&f, f.child, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, d);
	/* a village cannot record the district's verdict itself */
	assert_int_equal(usulan_result(f.s, a, 1, NULL, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "kabupaten"));
	assert_int_equal(status_of(f.s, a), USULAN_DIKIRIM);
	/* but applies it when it comes from a district package */
	assert_int_equal(usulan_result_apply(f.s, a, 1, NULL, &e), 0);
	assert_int_equal(status_of(f.s, a), USULAN_DITERIMA);
	assert_int_equal(usulan_result_apply(f.s, b, 0, NULL, &e), SIKS_EINVAL); /* no reason */
	assert_string_equal(e.field, "alasan_dinas");
	assert_int_equal(usulan_result_apply(f.s, b, 0, "NIK tidak padan dengan Dukcapil", &e), 0);
	usulan_row r;
	assert_int_equal(usulan_get(f.s, b, &r, &e), 0);
	assert_int_equal(r.status, USULAN_DITOLAK_DINAS);
	assert_string_equal(r.alasan_dinas, "NIK tidak padan dengan Dukcapil");
	assert_string_equal(r.status_label, "Ditolak dinas");
	usulan_row_clear(&r);
	/* final statuses stay; a Draf cannot skip the musdes */
	assert_int_equal(usulan_result_apply(f.s, a, 0, "salah", &e), SIKS_EINVAL);
	assert_int_equal(usulan_result_apply(f.s, d, 1, NULL, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, "sudah dikirim"));
	assert_int_equal(status_of(f.s, d), USULAN_DRAF);
	assert_int_equal(usulan_result_apply(f.s, "0123456789abcdef0123456789abcdef", 1, NULL, &e), SIKS_ENOTFOUND);
	siks_close(f.s);
}

/* A Dikirim proposal as it arrives at the district from a village package. */
static void arrived(siks *k, char hh[33], char id[33])
{
	siks_err e = { 0 };
	tu_household(k, "Krajan", 3, hh);
	siks_rec u;
	assert_int_equal(rec_init(&u, "usulan"), 0);
	rec_set(&u, "household_id", hh);
	rec_set_int(&u, "jenis", USULAN_BARU);
	rec_set_int(&u, "alasan", ALASAN_MISKIN_BARU);
	rec_set_int(&u, "status", USULAN_DIKIRIM);
	rec_set(&u, "tanggal", "2026-11-01");
	assert_int_equal(rec_save(k, &u, &e), 0);
	strcpy(id, u.id);
	rec_free(&u);
}

static void test_result_at_district_and_roles(void **st)
{
	(void)st;
	siks *k = tu_open(SIKS_SITE_KABUPATEN, NULL);
	siks_err e = { 0 };
	char hh[33], a[33], b[33], hh2[33];
	arrived(k, hh, a);
	arrived(k, hh2, b);
	/* a village's musdes arrived by package: the district cannot decide there */
	siks_rec m;
	assert_int_equal(rec_init(&m, "musdes"), 0);
	rec_set(&m, "desa", "35.28.01.2001");
	rec_set(&m, "tanggal", "2026-11-20");
	rec_set(&m, "tempat", "Balai Desa");
	rec_set(&m, "nomor_ba", "BA-1");
	assert_int_equal(rec_save(k, &m, &e), 0);
	assert_int_equal(usulan_decide(k, a, m.id, 1, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "basis data desa"));
	rec_free(&m);
	assert_int_equal(usulan_result(k, a, 1, NULL, &e), 0);
	assert_int_equal(status_of(k, a), USULAN_DITERIMA);
	assert_int_equal(usulan_result(k, a, 1, NULL, &e), SIKS_EINVAL);
	assert_int_equal(usulan_result(k, "0123456789abcdef0123456789abcdef", 1, NULL, &e), SIKS_ENOTFOUND);
	/* roles: an operator desa may not record district results; a verifier may */
	assert_int_equal(auth_operator_add(k, "Admin Dinas", SIKS_OP_ADMIN, "4321", &e), 0);
	assert_int_equal(auth_login(k, "Admin Dinas", "4321", &e), 0);
	assert_int_equal(auth_operator_add(k, "Op Desa", SIKS_OP_DESA, "1111", &e), 0);
	assert_int_equal(auth_operator_add(k, "Verif", SIKS_OP_VERIFIKATOR, "2222", &e), 0);
	assert_int_equal(auth_login(k, "Op Desa", "1111", &e), 0);
	assert_int_equal(usulan_result(k, b, 0, "tidak memenuhi kriteria", &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "operator desa"));
	assert_int_equal(status_of(k, b), USULAN_DIKIRIM);
	assert_int_equal(auth_login(k, "Verif", "2222", &e), 0);
	assert_int_equal(usulan_result(k, b, 0, "tidak memenuhi kriteria", &e), 0);
	assert_int_equal(status_of(k, b), USULAN_DITOLAK_DINAS);
	assert_int_equal(db_int(k, "SELECT count(*) FROM audit WHERE tbl='usulan' AND field='status'"
				" AND operator='Verif' AND old='4' AND new='6'", 0), 1);
	siks_close(k);
}

static void test_roles_for_proposals_and_musdes(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char id[33], md[33];
	assert_int_equal(auth_operator_add(f.s, "Admin Desa", SIKS_OP_ADMIN, "4321", &e), 0);
	auth_logout(f.s);
	/* nobody logged in: refused */
	usulan_input in = { f.hh, NULL, USULAN_BARU, ALASAN_MISKIN_BARU, NULL };
	assert_int_equal(usulan_add(f.s, &in, id, &e), SIKS_EPERM);
	assert_int_equal(auth_login(f.s, "Admin Desa", "4321", &e), 0);
	assert_int_equal(auth_operator_add(f.s, "Pelatih", SIKS_OP_PELATIH, "3333", &e), 0);
	assert_int_equal(auth_login(f.s, "Pelatih", "3333", &e), 0);
	/* a trainer only looks at real data */
	assert_int_equal(usulan_add(f.s, &in, id, &e), SIKS_EPERM);
	musdes_input mi = { "20-11-2026", "Balai Desa", "BA-1", 30, NULL, NULL };
	assert_int_equal(musdes_add(f.s, &mi, md, &e), SIKS_EPERM);
	assert_int_equal(usulan_keluar_member(f.s, f.child, ALASAN_PINDAH, NULL, id, &e), SIKS_EPERM);
	assert_int_equal(keberadaan_of(f.s, f.child), KEBERADAAN_ADA);
	assert_int_equal(db_int(f.s, "SELECT count(*) FROM usulan", 0), 0);
	siks_close(f.s);
}

/* ---- reading ----------------------------------------------------------------- */

static void test_history_lists_status_changes(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char a[33], b[33];
	to_sent(&f, f.wife, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, "BA-7", a);
	siks_set_operator(f.s, "dinas", "Verifikator Dinas", SIKS_OP_SYSTEM);
	assert_int_equal(usulan_result_apply(f.s, a, 1, NULL, &e), 0);
	/* another household's proposal is not in this history */
	char hh2[33];
	tu_household(f.s, "Lembung", 4, hh2);
	usulan_input in = { hh2, NULL, USULAN_BARU, ALASAN_MISKIN_BARU, NULL };
	assert_int_equal(usulan_add(f.s, &in, b, &e), 0);

	usulan_event *ev;
	size_t n;
	assert_int_equal(usulan_history(f.s, f.hh, &ev, &n, &e), 0);
	assert_int_equal(n, 4);
	int olds[] = { 0, 1, 2, 4 }, news[] = { 1, 2, 4, 5 };
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(ev[i].usulan_id, a);
		assert_int_equal(ev[i].old_status, olds[i]);
		assert_int_equal(ev[i].new_status, news[i]);
		assert_string_equal(ev[i].nama, "Siti Nur'aini");
		assert_int_equal(strlen(ev[i].ts), 19);
		assert_int_equal(ev[i].jenis, USULAN_PERBAIKAN);
	}
	assert_string_equal(ev[0].operator_name, "Rofiqoh");
	assert_string_equal(ev[3].operator_name, "Verifikator Dinas");
	assert_string_equal(ev[1].new_label, "Disetujui musdes");
	assert_string_equal(ev[1].old_label, "Draf");
	assert_non_null(strstr(ev[1].note, "BA-7"));
	assert_non_null(strstr(ev[1].note, "20-11-2026"));
	free(ev);
	assert_int_equal(usulan_history(f.s, hh2, &ev, &n, &e), 0);
	assert_int_equal(n, 1);
	free(ev);
	siks_close(f.s);
}

static void test_counts_and_list_rows(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char a[33], b[33], c[33], d[33], md[33];
	to_sent(&f, NULL, USULAN_BARU, ALASAN_MISKIN_BARU, "BA-1", a);
	add_ok(&f, f.wife, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, b);
	assert_int_equal(usulan_keluar_member(f.s, f.child, ALASAN_MENINGGAL, NULL, c, &e), 0);
	add_ok(&f, f.head, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, d);
	musdes_ok(f.s, "21-11-2026", "BA-2", md);
	assert_int_equal(usulan_decide(f.s, d, md, 0, &e), 0);

	int64_t k[USULAN_STATUS_MAX + 1];
	assert_int_equal(usulan_counts(f.s, NULL, k, &e), 0);
	assert_int_equal(k[0], 4);
	assert_int_equal(k[USULAN_DRAF], 2);
	assert_int_equal(k[USULAN_SETUJU_MUSDES], 0);
	assert_int_equal(k[USULAN_TOLAK_MUSDES], 1);
	assert_int_equal(k[USULAN_DIKIRIM], 1);
	assert_int_equal(k[USULAN_DITERIMA], 0);
	assert_int_equal(usulan_counts(f.s, "35.28.01.2001", k, &e), 0);
	assert_int_equal(k[0], 4);
	assert_int_equal(usulan_counts(f.s, "35.28.01.2002", k, &e), 0);
	assert_int_equal(k[0], 0);

	usulan_row *rows;
	size_t n;
	usulan_filter flt = { .status = USULAN_DRAF };
	assert_int_equal(usulan_list(f.s, &flt, &rows, &n, &e), 0);
	assert_int_equal(n, 2);
	const usulan_row *keluar = strcmp(rows[0].id, c) == 0 ? &rows[0] : &rows[1];
	assert_string_equal(keluar->id, c);
	assert_string_equal(keluar->kepala, "Moh. Sahri");
	assert_string_equal(keluar->nama, "Ahmad Fauzi");
	assert_string_equal(keluar->nik, NIK_CHILD);
	assert_string_equal(keluar->jenis_label, "Keluar");
	assert_string_equal(keluar->alasan_label, "Meninggal");
	assert_string_equal(keluar->status_label, "Draf");
	assert_string_equal(keluar->desa, "35.28.01.2001");
	assert_non_null(strstr(keluar->alamat, "Jl. Raya Tlanakan"));
	assert_non_null(strstr(keluar->alamat, "RT 003/RW 001"));
	assert_non_null(strstr(keluar->alamat, "Krajan"));
	usulan_rows_free(rows, n);
	/* a household proposal shows the head's NIK */
	flt = (usulan_filter){ .status = USULAN_DIKIRIM };
	assert_int_equal(usulan_list(f.s, &flt, &rows, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].nik, NIK_HEAD);
	assert_string_equal(rows[0].nama, "");
	usulan_rows_free(rows, n);
	assert_int_equal(usulan_list(f.s, NULL, &rows, &n, &e), 0);
	assert_int_equal(n, 4);
	usulan_rows_free(rows, n);
	flt = (usulan_filter){ .household_id = f.hh, .status = USULAN_DITERIMA };
	assert_int_equal(usulan_list(f.s, &flt, &rows, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_null(rows);
	usulan_row r;
	assert_int_equal(usulan_get(f.s, "0123456789abcdef0123456789abcdef", &r, &e), SIKS_ENOTFOUND);
	siks_close(f.s);
}

static void test_resolve_id_prefix(void **st)
{
	(void)st;
	fx f;
	fx_open(&f, SIKS_SITE_DESA);
	siks_err e = { 0 };
	char a[33], b[33], out[33];
	add_ok(&f, NULL, USULAN_BARU, ALASAN_MISKIN_BARU, a);
	add_ok(&f, f.wife, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, b);
	assert_int_equal(usulan_resolve_id(f.s, "usulan", a, out, &e), 0);
	assert_string_equal(out, a);
	/* the shortest prefix that tells them apart, and one that does not */
	size_t k = 0;
	while (a[k] == b[k])
		k++;
	char p[33];
	snprintf(p, sizeof p, "%.*s", (int)(k + 1 < 4 ? 4 : k + 1), a);
	assert_int_equal(usulan_resolve_id(f.s, "usulan", p, out, &e), 0);
	assert_string_equal(out, a);
	if (k >= 4) {
		snprintf(p, sizeof p, "%.*s", (int)k, a);
		assert_int_equal(usulan_resolve_id(f.s, "usulan", p, out, &e), SIKS_EINVAL);
		assert_non_null(strstr(e.msg, "lebih dari satu"));
	}
	/* uppercase is read as lowercase */
	for (size_t i = 0; p[i]; i++)
		if (p[i] >= 'a' && p[i] <= 'f')
			p[i] = (char)(p[i] - 'a' + 'A');
	snprintf(p, sizeof p, "%.*s", (int)(k + 1 < 4 ? 4 : k + 1), a);
	assert_int_equal(usulan_resolve_id(f.s, "usulan", p, out, &e), 0);
	assert_int_equal(usulan_resolve_id(f.s, "usulan", "abc", out, &e), SIKS_EINVAL);
	assert_int_equal(usulan_resolve_id(f.s, "usulan", "ffffffff", out, &e), SIKS_ENOTFOUND);
	assert_int_equal(usulan_resolve_id(f.s, "member", f.head, out, &e), 0);
	assert_int_equal(usulan_resolve_id(f.s, "household", f.hh, out, &e), 0);
	assert_int_equal(usulan_resolve_id(f.s, "audit", "1234", out, &e), SIKS_EINVAL);
	siks_close(f.s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_transition_table),
		cmocka_unit_test(test_add_creates_draf_with_audit),
		cmocka_unit_test(test_add_refusals_name_the_rule),
		cmocka_unit_test(test_keluar_member_one_proposal_and_presence),
		cmocka_unit_test(test_keluar_of_member_already_recorded),
		cmocka_unit_test(test_keluar_through_add_changes_presence),
		cmocka_unit_test(test_keluar_is_one_transaction),
		cmocka_unit_test(test_musdes_add_rules),
		cmocka_unit_test(test_musdes_decision_records_musdes),
		cmocka_unit_test(test_musdes_decide_all_or_nothing),
		cmocka_unit_test(test_mark_sent_only_agreed),
		cmocka_unit_test(test_result_at_village_only_from_package),
		cmocka_unit_test(test_result_at_district_and_roles),
		cmocka_unit_test(test_roles_for_proposals_and_musdes),
		cmocka_unit_test(test_history_lists_status_changes),
		cmocka_unit_test(test_counts_and_list_rows),
		cmocka_unit_test(test_resolve_id_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
