/* test_report.c — the printable reports over the demo village (BNBA with its
 * berita acara, household card, village summary) and the district's
 * quarterly file and summary: content, masking, A4 HTML written atomically
 * and audited. */
#include "testutil.h"
#include "siks/demo.h"
#include "siks/export.h"
#include "siks/import.h"
#include "siks/platform.h"
#include "siks/privacy.h"
#include "siks/report.h"
#include "siks/usulan.h"
#include "io_fixture.h"

static char dir[64];

static const char *tmp(const char *name)
{
	static char p[4][256];
	static int k;
	k = (k + 1) % 4;
	if (!dir[0])
		tu_tmpdir(dir);
	snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
	return p[k];
}

static siks *demo(void)
{
	siks *s = tu_open(0, NULL);
	siks_err e = { 0 };
	if (demo_build(s, NULL, &e) != 0) {
		fprintf(stderr, "demo: %s\n", e.msg);
		fail();
	}
	return s;
}

static char *read_all(const char *path)
{
	char *p;
	size_t n;
	siks_err e;
	assert_int_equal(plat_read_file(path, &p, &n, &e), 0);
	return p;
}

static void test_bnba(void **state)
{
	(void)state;
	siks *s = demo();
	strbuf t = { 0 };
	rpt_out o = { &t, NULL };
	siks_err e = { 0 };
	assert_int_equal(report_bnba(s, NULL, &o, &e), 0);
	assert_non_null(strstr(t.p, "BY NAME BY ADDRESS"));
	assert_non_null(strstr(t.p, "BERITA ACARA"));
	/* every proposal decided at that musdes is listed with its NIK */
	musdes_row *ml;
	size_t nm;
	assert_int_equal(musdes_list(s, &ml, &nm, &e), 0);
	assert_true(nm >= 1);
	usulan_filter f = { 0 };
	f.musdes_id = ml[0].id;
	usulan_row *rows;
	size_t n;
	assert_int_equal(usulan_list(s, &f, &rows, &n, &e), 0);
	assert_true(n > 0);
	long agreed = 0, refused = 0;
	for (size_t i = 0; i < n; i++) {
		assert_non_null(strstr(t.p, rows[i].nik));
		agreed += rows[i].status != USULAN_TOLAK_MUSDES;
		refused += rows[i].status == USULAN_TOLAK_MUSDES;
	}
	char want[120];
	snprintf(want, sizeof want, "menyetujui %ld usulan dan menolak %ld usulan", agreed, refused);
	assert_non_null(strstr(t.p, want));
	assert_non_null(strstr(t.p, ml[0].nomor_ba));
	/* no line wider than 80 columns */
	size_t col = 0;
	for (const char *p = t.p; *p; p++) {
		if (*p == '\n')
			col = 0;
		else if (((unsigned char)*p & 0xC0) != 0x80)
			assert_true(++col <= 80);
	}
	sb_free(&t);

	/* masked NIKs when the site says so */
	assert_int_equal(siks_mask_nik_set(s, 1, &e), 0);
	strbuf m = { 0 };
	o.text = &m;
	assert_int_equal(report_bnba(s, ml[0].id, &o, &e), 0);
	assert_null(strstr(m.p, rows[0].nik));
	char masked[40];
	siks_nik_mask(rows[0].nik, masked, sizeof masked);
	assert_non_null(strstr(m.p, masked));
	sb_free(&m);
	usulan_rows_free(rows, n);

	/* HTML for A4: written whole, audited */
	long before = (long)db_int(s, "SELECT count(*) FROM audit WHERE tbl='export'", 0);
	rpt_out h = { NULL, tmp("bnba.html") };
	assert_int_equal(report_bnba(s, ml[0].id, &h, &e), 0);
	char *html = read_all(h.html_path);
	assert_non_null(strstr(html, "<!DOCTYPE html>"));
	assert_non_null(strstr(html, "size:A4"));
	assert_non_null(strstr(html, "class=\"pb\""));
	assert_non_null(strstr(html, "class=\"sign\""));
	assert_non_null(strstr(html, "</html>"));
	assert_null(strstr(html, "<script"));
	free(html);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE tbl='export'", 0), before + 1);
	free(ml);
	/* an unknown musdes */
	assert_int_not_equal(report_bnba(s, "ffffffff", &o, &e), 0);
	siks_close(s);
}

static void test_kartu_and_ringkasan(void **state)
{
	(void)state;
	siks *s = demo();
	siks_err e = { 0 };
	char hid[33];
	snprintf(hid, sizeof hid, "%s", (const char *)"");
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT household_id FROM usulan ORDER BY id LIMIT 1", -1, &st, NULL), 0);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(hid, sizeof hid, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	strbuf t = { 0 };
	rpt_out o = { &t, NULL };
	assert_int_equal(report_kartu(s, hid, &o, &e), 0);
	assert_non_null(strstr(t.p, "KARTU RUMAH TANGGA"));
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT nama, nik FROM member WHERE household_id=?", -1, &st, NULL), 0);
	sqlite3_bind_text(st, 1, hid, -1, SQLITE_STATIC);
	int members = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		assert_non_null(strstr(t.p, (const char *)sqlite3_column_text(st, 1)));
		members++;
	}
	sqlite3_finalize(st);
	assert_true(members > 0);
	assert_non_null(strstr(t.p, "Hasil kunjungan verifikasi"));
	sb_free(&t);
	assert_int_equal(report_kartu(s, "zzzz", &o, &e), SIKS_ENOTFOUND);

	strbuf r = { 0 };
	o.text = &r;
	assert_int_equal(report_ringkasan(s, &o, &e), 0);
	/* the totals row: households and members present */
	char want[200];
	snprintf(want, sizeof want, "Jumlah             %-12ld %ld",
		 (long)db_int(s, "SELECT count(*) FROM household", 0),
		 (long)db_int(s, "SELECT count(*) FROM member WHERE coalesce(keberadaan,1) NOT IN (2,3,4)", 0));
	if (!strstr(r.p, want))
		fprintf(stderr, "want \"%s\" in:\n%s\n", want, r.p);
	assert_non_null(strstr(r.p, want));
	assert_non_null(strstr(r.p, "Disetujui musdes"));
	assert_non_null(strstr(r.p, "PKH"));
	sb_free(&r);
	rpt_out h = { NULL, tmp("ringkasan.html") };
	assert_int_equal(report_ringkasan(s, &h, &e), 0);
	char *html = read_all(h.html_path);
	assert_non_null(strstr(html, "<thead>"));
	free(html);
	siks_close(s);
}

/* At a district: two villages imported, proposals accepted in and out of
 * the quarter; the submission file holds exactly the accepted households
 * and imports back; a village site is refused. */
static void test_triwulan(void **state)
{
	(void)state;
	siks *s = tu_open(SIKS_SITE_KABUPATEN, NULL);
	strbuf b = { 0 };
	sb_add(&b, "kode_desa," FX_COLS "\n");
	char buf[FX_NCOLS][64];
	const char *v[FX_NCOLS];
	for (int r = 0; r < 24; r++) {
		fx_row(r, buf, v);
		sb_add(&b, r < 12 ? "35.28.01.2001," : "35.28.01.2002,");
		fx_add_row(&b, v, FX_NCOLS, ',');
	}
	fx_write(tmp("kab.csv"), b.p, b.n, CS_UTF8);
	sb_free(&b);
	imp_result ir;
	siks_err e = { 0 };
	assert_int_equal(import_file(s, tmp("kab.csv"), NULL, &ir, &e), 0);
	assert_int_equal(ir.mem_new, 24);
	imp_result_free(&ir);
	/* proposals as sync would bring them: accepted in Q3 for two households,
	 * accepted in Q1 for one, rejected in Q3 for one */
	static const struct { int hh; const char *date; int status; } u[] = {
		{ 0, "2026-07-10", 5 }, { 4, "2026-09-30", 5 }, { 1, "2026-02-01", 5 }, { 2, "2026-08-01", 6 },
	};
	char hids[6][33];
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT id FROM household ORDER BY iddtks", -1, &st, NULL), 0);
	int nh = 0;
	while (nh < 6 && sqlite3_step(st) == SQLITE_ROW)
		snprintf(hids[nh++], 33, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_int_equal(nh, 6);
	for (size_t i = 0; i < sizeof u / sizeof u[0]; i++) {
		siks_rec r;
		rec_init(&r, "usulan");
		rec_set(&r, "household_id", hids[u[i].hh]);
		rec_set(&r, "jenis", "1");
		rec_set(&r, "alasan", "7");
		rec_set_int(&r, "status", u[i].status);
		rec_set(&r, "tanggal", u[i].date);
		assert_int_equal(rec_save(s, &r, &e), 0);
		rec_free(&r);
	}
	strbuf t = { 0 };
	rpt_out o = { &t, tmp("triwulan.html") };
	long rows;
	const char *csv = tmp("pengajuan.csv");
	assert_int_equal(report_triwulan(s, 2026, 3, csv, &rows, &o, &e), 0);
	assert_int_equal(rows, 8); /* two households of four */
	assert_non_null(strstr(t.p, "REKAPITULASI TRIWULAN 3 TAHUN 2026"));
	assert_non_null(strstr(t.p, "35.28.01.2001"));
	assert_non_null(strstr(t.p, "35.28.01.2002"));
	sb_free(&t);
	/* the file is the delimited form: it imports into an empty district */
	siks *k = tu_open(SIKS_SITE_KABUPATEN, NULL);
	assert_int_equal(import_file(k, csv, NULL, &ir, &e), 0);
	assert_int_equal(ir.mem_new, 8);
	assert_int_equal(ir.hh_new, 2);
	imp_result_free(&ir);
	siks_close(k);
	assert_int_equal(report_triwulan(s, 2026, 5, NULL, NULL, &o, &e), SIKS_EINVAL);
	siks_close(s);

	siks *d = tu_open(SIKS_SITE_DESA, NULL);
	assert_int_equal(report_triwulan(d, 2026, 3, NULL, NULL, &o, &e), SIKS_EPERM);
	siks_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bnba),
		cmocka_unit_test(test_kartu_and_ringkasan),
		cmocka_unit_test(test_triwulan),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
