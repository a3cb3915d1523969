/* test_sync.c — packages, enrollment, exchange, idempotence, damage,
 * addressing, conflicts, practice databases (DESIGN.md, "Sync"). */
#include "synctest.h"
#include <sodium.h>

#define DESA "35.28.01.2001"
#define DESA2 "35.28.02.2005"

static void village_data(siks *v, const char *kode, int n)
{
	for (int i = 0; i < n; i++) {
		char hh[33], nik[17];
		siks_rec h;
		siks_err e = { 0 };
		rec_init(&h, "household");
		rec_set(&h, "desa", kode);
		rec_set(&h, "dusun", "Krajan");
		rec_set_int(&h, "rt", i % 7 + 1);
		rec_set_int(&h, "rw", 1);
		assert_int_equal(rec_save(v, &h, &e), 0);
		strcpy(hh, h.id);
		rec_free(&h);
		snprintf(nik, sizeof nik, "352801%02d0190%04d", 10 + i % 18, i + 1);
		tu_member(v, hh, nik, "Moh. Rofiq", 1, "1990-01-10", 1, NULL);
	}
}

/* ---- the container ---- */

static void test_pkg_tamper(void **state)
{
	(void)state;
	assert_true(sodium_init() >= 0);
	uint8_t key[32];
	randombytes_buf(key, sizeof key);
	pkg_buf b = { 0 };
	pkg_receipt rc = { 3, 77 };
	pkg_put_receipt(&b, &rc);
	pkg_change c = { 1, 1000, 0, "0123456789abcdef0123456789abcdef", "member", "0123456789abcdef0123456789abcdef",
			 "nama", "Siti Aminah", "op", NULL };
	for (int i = 0; i < 5; i++)
		pkg_put_change(&b, &c);
	pkg_put_end(&b);
	pkg_header h = { 0 };
	strcpy(h.origin_id, "0123456789abcdef0123456789abcdef");
	strcpy(h.dest_id, "00000000000000000000000000000000");
	strcpy(h.origin_kode, DESA);
	strcpy(h.dest_kode, "35.28");
	h.seq = 1;
	h.nchanges = b.count;
	uint8_t *f;
	size_t flen;
	siks_err e = { 0 };
	assert_int_equal(pkg_seal(&h, b.p, b.len, key, &f, &flen, &e), 0);
	/* the name is not readable in the file */
	assert_null(memmem(f, flen, "Siti", 4));
	pkg_header h2;
	uint8_t *body;
	assert_int_equal(pkg_header_parse(f, flen, &h2, &e), 0);
	assert_int_equal(pkg_open(&h2, f, flen, key, &body, &e), 0);
	assert_memory_equal(body, b.p, b.len);
	pkg_reader r;
	pkg_change c2;
	pkg_receipt rc2;
	pkg_reader_init(&r, body, h2.body_len);
	assert_int_equal(pkg_reader_next(&r, &c2, &rc2), PKG_E_RECEIPT);
	assert_int_equal(rc2.ack_change, 77);
	assert_int_equal(pkg_reader_next(&r, &c2, &rc2), PKG_E_CHANGE);
	assert_string_equal(c2.value, "Siti Aminah");
	assert_null(c2.base_origin);
	for (int i = 0; i < 4; i++)
		assert_int_equal(pkg_reader_next(&r, &c2, &rc2), PKG_E_CHANGE);
	assert_int_equal(pkg_reader_next(&r, &c2, &rc2), PKG_E_END);
	pkg_reader_free(&r);
	free(body);
	/* every truncation is refused */
	for (size_t l = 0; l < flen; l++) {
		int ok = pkg_header_parse(f, l, &h2, &e) == 0 && pkg_open(&h2, f, l, key, &body, &e) == 0;
		assert_false(ok);
	}
	/* one extra byte too */
	uint8_t *g = malloc(flen + 1);
	memcpy(g, f, flen);
	g[flen] = 0;
	assert_int_equal(pkg_header_parse(g, flen + 1, &h2, &e), SIKS_EFORMAT);
	/* every single bit flip is refused */
	for (size_t i = 0; i < flen; i++)
		for (int bit = 0; bit < 8; bit += 3) {
			memcpy(g, f, flen);
			g[i] ^= (uint8_t)(1 << bit);
			int ok = pkg_header_parse(g, flen, &h2, &e) == 0 && pkg_open(&h2, g, flen, key, &body, &e) == 0;
			if (ok)
				free(body);
			assert_false(ok);
		}
	/* a newer format asks for a newer program */
	memcpy(g, f, flen);
	g[8] = SYNC_FORMAT + 1;
	assert_int_equal(pkg_header_parse(g, flen, &h2, &e), SIKS_EFORMAT);
	assert_non_null(strstr(e.msg, "perbarui program"));
	/* another key cannot open it */
	key[0] ^= 1;
	assert_int_equal(pkg_open(&h, f, flen, key, &body, &e), SIKS_EFORMAT);
	free(g);
	free(f);
	pkg_buf_free(&b);
}

static void test_body_damage(void **state)
{
	(void)state;
	pkg_buf b = { 0 };
	pkg_receipt rc = { 0, 0 };
	pkg_put_receipt(&b, &rc);
	pkg_change c = { 1, 5, 0, "o", "household", "r", "*", "{}", "op", NULL };
	pkg_put_change(&b, &c);
	pkg_put_end(&b);
	/* a body cut anywhere never parses to the end mark */
	for (size_t l = 0; l < b.len; l++) {
		pkg_reader r;
		pkg_change c2;
		pkg_receipt r2;
		pkg_reader_init(&r, b.p, l);
		int t;
		while ((t = pkg_reader_next(&r, &c2, &r2)) > 0)
			;
		assert_int_equal(t, -1);
		pkg_reader_free(&r);
	}
	pkg_buf_free(&b);
}

/* ---- enrollment ---- */

static void test_enroll(void **state)
{
	(void)state;
	siks *d = st_site(SIKS_SITE_KABUPATEN, "35.28", NULL);
	siks *v = st_site(0, NULL, NULL);
	char dir[64], code[16], path[1024];
	siks_err e = { 0 };
	tu_tmpdir(dir);
	/* not a village of this district */
	assert_int_equal(sync_enroll(d, "35.29.01.2001", dir, code, path, sizeof path, &e), SIKS_EINVAL);
	assert_int_equal(sync_enroll(d, "35.28.01", dir, code, path, sizeof path, &e), SIKS_EINVAL);
	assert_int_equal(sync_enroll(d, DESA, dir, code, path, sizeof path, &e), 0);
	/* a village cannot enroll */
	siks *v2 = st_site(SIKS_SITE_DESA, DESA2, NULL);
	assert_int_equal(sync_enroll(v2, DESA, dir, code, path, sizeof path, &e), SIKS_EPERM);
	/* the key is not readable without the code */
	size_t len;
	uint8_t *f = st_read(path, &len);
	assert_null(memmem(f, len, "key=", 4));
	free(f);
	/* wrong code, and the wrong village, are refused */
	assert_int_equal(sync_join(v, path, "2222-2222-2222", &e), SIKS_EFORMAT);
	assert_int_equal(v->site_role, SIKS_SITE_NONE);
	assert_int_equal(sync_join(v2, path, code, &e), SIKS_EINVAL);
	assert_non_null(strstr(e.msg, DESA));
	/* a database without a site becomes the village */
	assert_int_equal(sync_join(v, path, code, &e), 0);
	assert_int_equal(v->site_role, SIKS_SITE_DESA);
	assert_string_equal(v->site_kode, DESA);
	assert_int_equal(st_count(v, "SELECT count(*) FROM sync_peer WHERE kode='35.28'"), 1);
	siks_close(v);
	siks_close(v2);
	siks_close(d);
}

/* ---- exchange ---- */

static void test_exchange_idempotent(void **state)
{
	(void)state;
	siks *d = st_site(SIKS_SITE_KABUPATEN, "35.28", NULL);
	siks *v = st_site(SIKS_SITE_DESA, DESA, NULL);
	st_pair(d, v, DESA);
	village_data(v, DESA, 5);
	char dir[64], pkg[1024], dv[65], dd[65], dd2[65];
	st_export(v, dir);
	assert_true(st_find_pkg(dir, "35.28", pkg, sizeof pkg));
	assert_non_null(strstr(pkg, "paket_" DESA "_ke_35.28_no0001_"));
	/* no name or NIK readable */
	size_t len;
	uint8_t *f = st_read(pkg, &len);
	assert_null(memmem(f, len, "Rofiq", 5));
	assert_null(memmem(f, len, "352801", 6));
	free(f);
	assert_int_equal(sync_unsent(v), 10); /* 5 households and 5 members */
	assert_int_equal(st_import(d, pkg), 0);
	st_digest(v, "35.28", dv);
	st_digest(d, DESA, dd);
	assert_string_equal(dv, dd);
	assert_int_equal(st_count(d, "SELECT count(*) FROM member"), 5);
	int64_t changes = st_count(d, "SELECT count(*) FROM change");
	int64_t audits = st_count(d, "SELECT count(*) FROM audit");
	/* twice: nothing changes */
	sync_in *r = NULL;
	int n = 0;
	siks_err e = { 0 };
	assert_int_equal(sync_import(d, pkg, &r, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].status, 1);
	free(r);
	assert_int_equal(st_count(d, "SELECT count(*) FROM change"), changes);
	assert_int_equal(st_count(d, "SELECT count(*) FROM audit"), audits);
	st_digest(d, DESA, dd2);
	assert_string_equal(dd, dd2);
	/* the audit rows at the district name the village's operator and site */
	assert_int_equal(st_count(d, "SELECT count(*) FROM audit WHERE origin = (SELECT site_id FROM sync_peer)"), audits);

	/* district -> village: a decision on a household and a program */
	char hh[33];
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(d->db, "SELECT id FROM household ORDER BY id LIMIT 1", -1, &st, NULL), 0);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	strcpy(hh, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_int_equal(rec_save_field(d, "household", hh, "desil", "2", &e), 0);
	siks_rec p;
	rec_init(&p, "program");
	rec_set(&p, "household_id", hh);
	rec_set_int(&p, "program", 1);
	rec_set_int(&p, "aktif", 1);
	assert_int_equal(rec_save(d, &p, &e), 0);
	rec_free(&p);
	char dir2[64], pkg2[1024];
	st_export(d, dir2);
	assert_true(st_find_pkg(dir2, DESA, pkg2, sizeof pkg2));
	assert_int_equal(st_import(v, pkg2), 0);
	assert_int_equal(st_count(v, "SELECT count(*) FROM program"), 1);
	assert_int_equal(st_count(v, "SELECT count(*) FROM household WHERE desil=2"), 1);
	st_digest(v, NULL, dv);
	st_digest(d, DESA, dd);
	assert_string_equal(dv, dd);
	/* the receipt: the village's next package confirms, and the district
	 * then sends nothing again */
	char dir3[64], pkg3[1024];
	st_export(v, dir3);
	assert_true(st_find_pkg(dir3, "35.28", pkg3, sizeof pkg3));
	assert_int_equal(st_import(d, pkg3), 0);
	assert_int_equal(st_count(d, "SELECT acked_pkg FROM sync_peer"), 1);
	assert_int_equal(sync_unsent(v), 0); /* the district's receipt confirmed them */
	sync_out *o;
	assert_int_equal(sync_export(d, dir3, &o, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(o[0].nchanges, 0);
	free(o);
	siks_close(v);
	siks_close(d);
}

static void test_refusals(void **state)
{
	(void)state;
	siks *d = st_site(SIKS_SITE_KABUPATEN, "35.28", NULL);
	siks *v = st_site(SIKS_SITE_DESA, DESA, NULL);
	siks *v2 = st_site(SIKS_SITE_DESA, DESA2, NULL);
	siks *d2 = st_site(SIKS_SITE_KABUPATEN, "35.28", NULL);
	st_pair(d, v, DESA);
	st_pair(d2, v2, DESA2);
	village_data(v, DESA, 2);
	village_data(v2, DESA2, 2);
	char dir[64], pkg[1024], before[65], after[65];
	sync_in *r = NULL;
	int n = 0;
	siks_err e = { 0 };
	/* v2 was enrolled at another district database: refused by name */
	st_export(v2, dir);
	assert_true(st_find_pkg(dir, "35.28", pkg, sizeof pkg));
	st_digest(d, NULL, before);
	assert_int_equal(sync_import(d, pkg, &r, &n, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, DESA2));
	free(r);
	/* a package for another destination */
	char dir2[64], pkg2[1024];
	st_export(v, dir2);
	assert_true(st_find_pkg(dir2, "35.28", pkg2, sizeof pkg2));
	assert_int_equal(sync_import(v2, pkg2, &r, &n, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "bukan untuk situs ini"));
	free(r);
	/* the same kode but another district database (other key) */
	assert_int_equal(sync_import(d2, pkg2, &r, &n, &e), SIKS_EPERM);
	free(r);
	/* every truncation and random damage: refused whole, digest unchanged */
	size_t len;
	uint8_t *f = st_read(pkg2, &len);
	sync_in one;
	for (size_t l = 0; l < len; l++)
		assert_int_not_equal(sync_import_buf(d, f, l, &one, &e), 0);
	uint32_t x = 12345;
	for (int i = 0; i < 300; i++) {
		x = x * 1103515245u + 12345u;
		size_t at = (x >> 8) % len;
		uint8_t old = f[at];
		f[at] ^= (uint8_t)(1u << ((x >> 4) % 8));
		assert_int_not_equal(sync_import_buf(d, f, len, &one, &e), 0);
		f[at] = old;
	}
	st_digest(d, NULL, after);
	assert_string_equal(before, after);
	assert_int_equal(st_count(d, "SELECT count(*) FROM sync_pkg WHERE dir='in'"), 0);
	/* the intact package still goes in */
	assert_int_equal(sync_import_buf(d, f, len, &one, &e), 0);
	free(f);
	/* a practice database refuses both ways */
	v->practice = 1;
	sync_out *o;
	assert_int_equal(sync_export(v, dir, &o, &n, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "latihan"));
	assert_int_equal(sync_import(v, dir, &r, &n, &e), SIKS_EPERM);
	siks_close(v);
	siks_close(v2);
	siks_close(d);
	siks_close(d2);
}

/* ---- conflicts ---- */

static void test_conflict(void **state)
{
	(void)state;
	siks *d = st_site(SIKS_SITE_KABUPATEN, "35.28", NULL);
	siks *v = st_site(SIKS_SITE_DESA, DESA, NULL);
	st_pair(d, v, DESA);
	char hh[33], dir[64], pkg[1024];
	tu_household(v, "Krajan", 1, hh);
	st_export(v, dir);
	assert_true(st_find_pkg(dir, "35.28", pkg, sizeof pkg));
	assert_int_equal(st_import(d, pkg), 0);
	siks_err e = { 0 };
	/* both change the same field before exchanging */
	assert_int_equal(rec_save_field(v, "household", hh, "dusun", "Lembung", &e), 0);
	/* the district writes later (within one millisecond the site ids
	 * would decide, which the property test covers) */
	rec_clock_seen(d, v->hlc_last + 1000);
	assert_int_equal(rec_save_field(d, "household", hh, "dusun", "Bunten", &e), 0);
	/* a field changed at one site only merges without asking */
	assert_int_equal(rec_save_field(v, "household", hh, "rt", "4", &e), 0);
	char dv[64], dd[64], pv[1024], pd[1024];
	st_export(v, dv);
	st_export(d, dd);
	assert_true(st_find_pkg(dv, "35.28", pv, sizeof pv));
	assert_true(st_find_pkg(dd, DESA, pd, sizeof pd));
	assert_int_equal(st_import(d, pv), 0);
	assert_int_equal(st_import(v, pd), 0);
	char a[65], b[65];
	st_digest(v, NULL, a);
	st_digest(d, DESA, b);
	assert_string_equal(a, b);
	/* the district wrote last: its value wins at both, the village's is kept */
	assert_int_equal(st_count(v, "SELECT count(*) FROM household WHERE dusun='Bunten' AND rt=4"), 1);
	sync_conflict *c;
	int n;
	assert_int_equal(sync_conflicts(d, 1, &c, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].field, "dusun");
	assert_string_equal(c[0].win_value, "Bunten");
	assert_string_equal(c[0].lose_value, "Lembung");
	assert_string_equal(c[0].lose_site, DESA);
	int64_t id = c[0].id;
	sync_conflicts_free(c, n);
	assert_int_equal(sync_conflicts(v, 1, &c, &n, &e), 0);
	assert_int_equal(n, 1);
	sync_conflicts_free(c, n);
	/* the district takes the village's value; the choice syncs */
	assert_int_equal(sync_conflict_resolve(d, id, 1, &e), 0);
	assert_int_equal(sync_conflicts(d, 1, &c, &n, &e), 0);
	assert_int_equal(n, 0);
	sync_conflicts_free(c, n);
	char dd2[64], pd2[1024];
	st_export(d, dd2);
	assert_true(st_find_pkg(dd2, DESA, pd2, sizeof pd2));
	assert_int_equal(st_import(v, pd2), 0);
	assert_int_equal(st_count(v, "SELECT count(*) FROM household WHERE dusun='Lembung'"), 1);
	assert_int_equal(sync_conflicts(v, 1, &c, &n, &e), 0);
	assert_int_equal(n, 0);
	sync_conflicts_free(c, n);
	st_digest(v, NULL, a);
	st_digest(d, DESA, b);
	assert_string_equal(a, b);
	siks_close(v);
	siks_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pkg_tamper),
		cmocka_unit_test(test_body_damage),
		cmocka_unit_test(test_enroll),
		cmocka_unit_test(test_exchange_idempotent),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_conflict),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
