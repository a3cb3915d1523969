/* test_usulan_sync.c — a proposal's whole road between a village and its
 * district by packages: agreed at the village's musdes, Dikirim when the
 * package is made, the district's verdict there, and back at the village. */
#include "synctest.h"
#include "siks/usulan.h"

#define DESA "35.28.01.2001"

static int status_of(siks *s, const char *id)
{
	siks_rec r;
	siks_err e = { 0 };
	assert_int_equal(rec_load(s, &r, "usulan", id, &e), 0);
	int st = (int)rec_get_int(&r, "status", -1);
	rec_free(&r);
	return st;
}

static void test_proposal_round_trip(void **state)
{
	(void)state;
	siks *d = st_site(SIKS_SITE_KABUPATEN, "35.28", NULL);
	siks *v = st_site(SIKS_SITE_DESA, DESA, NULL);
	st_pair(d, v, DESA);
	siks_set_operator(v, "op", "Rofiqoh", SIKS_OP_SYSTEM);
	siks_set_operator(d, "vf", "Verifikator Dinas", SIKS_OP_SYSTEM);
	siks_err e = { 0 };

	char hh[33], head[33], child[33], agreed[33], draft[33], md[33];
	tu_household(v, "Krajan", 3, hh);
	tu_member(v, hh, "3528010101800001", "Moh. Sahri", 1, "1980-01-01", 1, head);
	tu_member(v, hh, "3528011007100003", "Ahmad Fauzi", 1, "2010-07-10", 4, child);
	assert_int_equal(usulan_keluar_member(v, child, ALASAN_PINDAH, "ke Surabaya", agreed, &e), 0);
	usulan_input in = { hh, NULL, USULAN_PERBAIKAN, ALASAN_DATA_SALAH, NULL };
	assert_int_equal(usulan_add(v, &in, draft, &e), 0);
	musdes_input mi = { "20-11-2026", "Balai Desa", "BA-1", 40, NULL, NULL };
	assert_int_equal(musdes_add(v, &mi, md, &e), 0);
	assert_int_equal(usulan_decide(v, agreed, md, 1, &e), 0);

	/* the package to the district carries the agreed proposal as Dikirim */
	char out1[64];
	st_export(v, out1);
	assert_int_equal(status_of(v, agreed), USULAN_DIKIRIM);
	assert_int_equal(status_of(v, draft), USULAN_DRAF);
	assert_int_equal(st_import(d, out1), 0);
	assert_int_equal(status_of(d, agreed), USULAN_DIKIRIM);
	assert_int_equal(status_of(d, draft), USULAN_DRAF);
	musdes_row m;
	assert_int_equal(musdes_get(d, md, &m, &e), 0);
	assert_string_equal(m.nomor_ba, "BA-1");
	int64_t k[USULAN_STATUS_MAX + 1];
	assert_int_equal(usulan_counts(d, DESA, k, &e), 0);
	assert_int_equal(k[USULAN_DIKIRIM], 1);
	assert_int_equal(k[USULAN_DRAF], 1);

	/* the district decides what was sent, nothing else */
	assert_int_equal(usulan_result(d, draft, 1, NULL, &e), SIKS_EINVAL);
	assert_int_equal(usulan_result(d, agreed, 0, "NIK tidak padan dengan Dukcapil", &e), 0);
	assert_int_equal(status_of(d, agreed), USULAN_DITOLAK_DINAS);

	/* and the verdict comes back to the village with its reason */
	char out2[64];
	st_export(d, out2);
	assert_int_equal(st_import(v, out2), 0);
	usulan_row r;
	assert_int_equal(usulan_get(v, agreed, &r, &e), 0);
	assert_int_equal(r.status, USULAN_DITOLAK_DINAS);
	assert_string_equal(r.alasan_dinas, "NIK tidak padan dengan Dukcapil");
	usulan_row_clear(&r);
	usulan_event *ev;
	size_t n;
	assert_int_equal(usulan_history(v, hh, &ev, &n, &e), 0);
	assert_true(n >= 4);
	const usulan_event *last = &ev[n - 1];
	assert_string_equal(last->usulan_id, agreed);
	assert_int_equal(last->old_status, USULAN_DIKIRIM);
	assert_int_equal(last->new_status, USULAN_DITOLAK_DINAS);
	assert_string_equal(last->operator_name, "Verifikator Dinas");
	free(ev);

	/* the same package twice changes nothing; the next export sends no status */
	int64_t audit = st_count(v, "SELECT count(*) FROM audit");
	assert_int_equal(st_import(v, out2), 0);
	assert_int_equal(st_count(v, "SELECT count(*) FROM audit"), audit);
	int64_t sent = -1;
	assert_int_equal(usulan_mark_sent(v, &sent, &e), 0);
	assert_int_equal(sent, 0);
	siks_close(d);
	siks_close(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_proposal_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
