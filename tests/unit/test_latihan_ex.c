/* test_latihan_ex.c — the shipped exercises (data/latihan) on a real practice
 * database built from the demo village: each check is red at the start,
 * stays red when the exercise is done wrong, and turns green when it is done
 * right through the write path (rec_save). Also: building, the practice mark
 * and accounts, reset, and the refusal of every sync operation. */
#include "testutil.h"
#include <sys/wait.h>
#include "siks/auth.h"
#include "siks/backup.h"
#include "siks/export.h"
#include "siks/import.h"
#include "siks/latihan.h"
#include "siks/platform.h"
#include "siks/sync.h"
#include "siks/usulan.h"

static char dir[64], path[128];
static latihan_set set;

static int setup(void **state)
{
	(void)state;
	siks_err e = { 0 };
	tu_env();
	tu_tmpdir(dir);
	snprintf(path, sizeof path, "%s/latihan.db", dir);
	if (latihan_build(path, &e) != 0) {
		fprintf(stderr, "build: %s\n", e.msg);
		return -1;
	}
	if (latihan_set_load(&set, NULL, &e) != 0) {
		fprintf(stderr, "load: %s\n", e.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	latihan_set_free(&set);
	return 0;
}

/* A fresh practice database for one test. */
static siks *fresh(void)
{
	siks_err e = { 0 };
	assert_int_equal(latihan_reset(path, &e), 0);
	siks *s = NULL;
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	assert_int_equal(s->practice, 1);
	assert_int_equal(auth_login(s, LATIHAN_PESERTA, LATIHAN_PESERTA_PIN, &e), 0);
	return s;
}

static const latihan_ex *ex(const char *id)
{
	for (int i = 0; i < set.n; i++)
		if (strcmp(set.v[i].id, id) == 0)
			return &set.v[i];
	fail_msg("no exercise %s", id);
	return NULL;
}

static const char *param(const latihan_ex *x, const char *name)
{
	for (int i = 0; i < x->nparam; i++)
		if (strcmp(x->param[i].name, name) == 0)
			return x->param[i].value;
	fail_msg("exercise %s has no param %s", x->id, name);
	return NULL;
}

static int done(siks *s, const latihan_ex *x)
{
	int d = -1;
	siks_err e = { 0 };
	int rc = latihan_check(s, x, &d, &e);
	if (rc)
		fprintf(stderr, "%s\n", e.msg);
	assert_int_equal(rc, 0);
	return d;
}

static void set_field(siks *s, const char *table, const char *id, const char *field, const char *v)
{
	siks_err e = { 0 };
	int rc = rec_save_field(s, table, id, field, v, &e);
	if (rc)
		fprintf(stderr, "%s.%s: %s\n", table, field, e.msg);
	assert_int_equal(rc, 0);
}

static void test_build_and_mark(void **state)
{
	(void)state;
	siks *s = fresh();
	siks_err e = { 0 };
	assert_true(db_int(s, "SELECT count(*) FROM household", 0) > 250);
	char awal[160];
	latihan_pristine_path(path, awal, sizeof awal);
	assert_int_equal(latihan_file_is_practice(awal), 1);
	/* the trainer's account is an admin, the trainee's an operator desa */
	auth_operator op;
	assert_int_equal(auth_operator_get(s, LATIHAN_PELATIH, &op, &e), 0);
	assert_int_equal(op.role, SIKS_OP_ADMIN);
	assert_int_equal(auth_operator_get(s, LATIHAN_PESERTA, &op, &e), 0);
	assert_int_equal(op.role, SIKS_OP_DESA);
	siks_close(s);
	/* no daily backups of a practice copy: reset is its way back */
	s = fresh();
	assert_int_equal(backup_auto(s, &e), 0);
	siks_close(s);
	char bdir[200];
	backup_dir_of(path, bdir, sizeof bdir);
	assert_false(plat_file_exists(bdir));
	/* a second build over it is refused */
	assert_int_equal(latihan_build(path, &e), SIKS_EINVAL);
}

static void test_all_red_at_start(void **state)
{
	(void)state;
	siks *s = fresh();
	assert_true(set.n >= 8);
	latihan_state st[LATIHAN_MAX];
	siks_err e = { 0 };
	assert_int_equal(latihan_progress(s, &set, st, &e), 0);
	for (int i = 0; i < set.n; i++)
		assert_int_equal(st[i].done, 0);
	siks_close(s);
}

static void add_member(siks *s, const char *hh, const char *kk, const char *nik, const char *nama,
		       int sex, const char *birth, int shdk)
{
	siks_rec m;
	siks_err e = { 0 };
	assert_int_equal(rec_init(&m, "member"), 0);
	rec_set(&m, "household_id", hh);
	rec_set(&m, "nik", nik);
	rec_set(&m, "no_kk", kk);
	rec_set(&m, "nama", nama);
	rec_set_int(&m, "jenis_kelamin", sex);
	rec_set(&m, "tempat_lahir", "Pamekasan");
	rec_set(&m, "tanggal_lahir", birth);
	rec_set_int(&m, "shdk", shdk);
	rec_set_int(&m, "keberadaan", 5);
	assert_int_equal(rec_save(s, &m, &e), 0);
	rec_free(&m);
}

static void test_01_new_household(void **state)
{
	(void)state;
	siks *s = fresh();
	const latihan_ex *x = ex("01-rumah-tangga-baru");
	siks_rec h;
	siks_err e = { 0 };
	assert_int_equal(rec_init(&h, "household"), 0);
	rec_set(&h, "desa", "35.28.01.2001");
	rec_set(&h, "dusun", "Laok");
	rec_set(&h, "rt", "7");
	rec_set(&h, "rw", "3");
	rec_set(&h, "alamat", "Jl. Pesantren No. 51");
	assert_int_equal(rec_save(s, &h, &e), 0);
	const char *kk = param(x, "kk");
	add_member(s, h.id, kk, param(x, "nik1"), "Moh. Rasyid", 1, "1985-03-12", 1);
	/* wrong: the wife's NIK typed without the +40 */
	add_member(s, h.id, kk, "3528011207880002", "Siti Aminah", 2, "1988-07-12", 3);
	add_member(s, h.id, kk, param(x, "nik3"), "Ahmad Fauzi", 1, "2015-01-05", 4);
	assert_int_equal(done(s, x), 0);
	char wife[33];
	sqlite3_stmt *st = db_stmt(s, "SELECT id FROM member WHERE nik='3528011207880002'", &e);
	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(wife, sizeof wife, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	set_field(s, "member", wife, "nik", param(x, "nik2"));
	assert_int_equal(done(s, x), 1);
	/* a fourth member who does not belong there: red again */
	add_member(s, h.id, kk, "3528010101200009", "Tamu", 1, "2020-01-01", 11);
	assert_int_equal(done(s, x), 0);
	rec_free(&h);
	siks_close(s);
}

static void test_02_birth_date(void **state)
{
	(void)state;
	siks *s = fresh();
	const latihan_ex *x = ex("02-tanggal-lahir");
	set_field(s, "member", param(x, "id"), "tanggal_lahir", "1993-12-05");
	assert_int_equal(done(s, x), 0);
	set_field(s, "member", param(x, "id"), "tanggal_lahir", "1933-12-05");
	assert_int_equal(done(s, x), 1);
	siks_close(s);
}

static void test_03_no_kk(void **state)
{
	(void)state;
	siks *s = fresh();
	const latihan_ex *x = ex("03-no-kk");
	set_field(s, "member", param(x, "id"), "no_kk", "3528012402218770");
	assert_int_equal(done(s, x), 0);
	set_field(s, "member", param(x, "id"), "no_kk", "3528012402218773");
	assert_int_equal(done(s, x), 1);
	siks_close(s);
}

static void test_04_nik(void **state)
{
	(void)state;
	siks *s = fresh();
	const latihan_ex *x = ex("04-nik-tidak-cocok");
	const char *a = param(x, "a"), *b = param(x, "b");
	/* wrong: the birth date bent to the mistyped NIK, the wife made a man */
	set_field(s, "member", a, "tanggal_lahir", "1950-07-17");
	set_field(s, "member", b, "jenis_kelamin", "1");
	assert_int_equal(done(s, x), 0);
	set_field(s, "member", a, "tanggal_lahir", "1950-07-16");
	set_field(s, "member", b, "jenis_kelamin", "2");
	set_field(s, "member", a, "nik", param(x, "nik_a"));
	assert_int_equal(done(s, x), 0); /* one of two */
	set_field(s, "member", b, "nik", param(x, "nik_b"));
	assert_int_equal(done(s, x), 1);
	siks_close(s);
}

static void test_05_two_heads(void **state)
{
	(void)state;
	siks *s = fresh();
	const latihan_ex *x = ex("05-dua-kepala");
	/* wrong: the father demoted instead */
	set_field(s, "member", param(x, "kepala"), "shdk", "4");
	assert_int_equal(done(s, x), 0);
	set_field(s, "member", param(x, "kepala"), "shdk", "1");
	set_field(s, "member", param(x, "anak"), "shdk", "4");
	assert_int_equal(done(s, x), 1);
	siks_close(s);
}

static void test_06_no_head(void **state)
{
	(void)state;
	siks *s = fresh();
	const latihan_ex *x = ex("06-tanpa-kepala");
	/* wrong: the dead head brought back */
	set_field(s, "member", param(x, "almarhum"), "keberadaan", "1");
	assert_int_equal(done(s, x), 0);
	set_field(s, "member", param(x, "almarhum"), "keberadaan", "2");
	set_field(s, "member", param(x, "janda"), "shdk", "1");
	assert_int_equal(done(s, x), 1);
	siks_close(s);
}

static void test_07_duplicate(void **state)
{
	(void)state;
	siks *s = fresh();
	const latihan_ex *x = ex("07-nik-ganda");
	/* wrong: removed from her husband's household */
	set_field(s, "member", param(x, "baru"), "keberadaan", "3");
	assert_int_equal(done(s, x), 0);
	set_field(s, "member", param(x, "baru"), "keberadaan", "1");
	set_field(s, "member", param(x, "lama"), "keberadaan", "3");
	assert_int_equal(done(s, x), 1);
	siks_close(s);
}

static void test_08_usulan(void **state)
{
	(void)state;
	const latihan_ex *x = ex("08-usulan-meninggal");
	const char *id = param(x, "id");
	siks_err e = { 0 };
	char u[33];
	/* wrong: removed as moved away */
	siks *s = fresh();
	assert_int_equal(usulan_keluar_member(s, id, ALASAN_PINDAH, NULL, u, &e), 0);
	assert_int_equal(done(s, x), 0);
	siks_close(s);
	/* wrong: marked dead without a proposal */
	s = fresh();
	set_field(s, "member", id, "keberadaan", "2");
	assert_int_equal(done(s, x), 0);
	siks_close(s);
	/* right: the removal the screen's F8 and `usulan keluar` make */
	s = fresh();
	assert_int_equal(usulan_keluar_member(s, id, ALASAN_MENINGGAL, "Meninggal 2 November 2026", u, &e), 0);
	assert_int_equal(done(s, x), 1);
	siks_close(s);
}

static void save_musdes(siks *s, const char *ba, const char *date, char id[33])
{
	siks_rec m;
	siks_err e = { 0 };
	assert_int_equal(rec_init(&m, "musdes"), 0);
	rec_set(&m, "desa", "35.28.01.2001");
	rec_set(&m, "tanggal", date);
	rec_set(&m, "tempat", "Balai Desa Dabuan");
	rec_set(&m, "nomor_ba", ba);
	assert_int_equal(rec_save(s, &m, &e), 0);
	snprintf(id, 33, "%s", m.id);
	rec_free(&m);
}

static void test_09_musdes(void **state)
{
	(void)state;
	siks *s = fresh();
	const latihan_ex *x = ex("09-musdes");
	char m[33], m2[33], other[33];
	save_musdes(s, param(x, "ba"), "2026-11-20", m);
	assert_int_equal(done(s, x), 0);
	static const char *const agreed[] = { "u1", "u2", "u3", "u4" };
	for (int i = 0; i < 4; i++) {
		set_field(s, "usulan", param(x, agreed[i]), "musdes_id", m);
		set_field(s, "usulan", param(x, agreed[i]), "status", "2");
	}
	/* wrong: the "mampu" proposal agreed too */
	set_field(s, "usulan", param(x, "tolak"), "musdes_id", m);
	set_field(s, "usulan", param(x, "tolak"), "status", "2");
	assert_int_equal(done(s, x), 0);
	/* wrong: refused at a musdes with another minutes number */
	save_musdes(s, "400.9/12/432.504.01/2026", "2026-11-20", other);
	set_field(s, "usulan", param(x, "tolak"), "musdes_id", other);
	set_field(s, "usulan", param(x, "tolak"), "status", "3");
	assert_int_equal(done(s, x), 0);
	/* right, the way the usulan screen records it: a second musdes row of
	 * the same date and minutes for the refusal */
	save_musdes(s, param(x, "ba"), "2026-11-20", m2);
	set_field(s, "usulan", param(x, "tolak"), "musdes_id", m2);
	assert_int_equal(done(s, x), 1);
	siks_close(s);

	/* right, the way `musdes add` and `musdes decide` record it: one musdes */
	s = fresh();
	siks_err e = { 0 };
	musdes_input in = { "20-11-2026", "Balai Desa Dabuan", param(x, "ba"), 41, "H. Moh. Sahri", NULL };
	int rc = musdes_add(s, &in, m, &e);
	if (rc)
		fprintf(stderr, "musdes_add: %s\n", e.msg);
	assert_int_equal(rc, 0);
	const char *setuju[] = { param(x, "u1"), param(x, "u2"), param(x, "u3"), param(x, "u4") };
	const char *tolak[] = { param(x, "tolak") };
	/* wrong: the "mampu" proposal among the agreed, one death refused */
	const char *setuju_bad[] = { param(x, "u1"), param(x, "u2"), param(x, "tolak"), param(x, "u4") };
	const char *tolak_bad[] = { param(x, "u3") };
	assert_int_equal(musdes_decide(s, m, setuju_bad, 4, tolak_bad, 1, &e), 0);
	assert_int_equal(done(s, x), 0);
	siks_close(s);
	s = fresh();
	assert_int_equal(musdes_add(s, &in, m, &e), 0);
	rc = musdes_decide(s, m, setuju, 4, tolak, 1, &e);
	if (rc)
		fprintf(stderr, "musdes_decide: %s\n", e.msg);
	assert_int_equal(rc, 0);
	assert_int_equal(done(s, x), 1);
	siks_close(s);
}

/* Reset takes everything back: progress, names, edits. */
static void test_reset_after_work(void **state)
{
	(void)state;
	siks *s = fresh();
	siks_err e = { 0 };
	const latihan_ex *x = ex("03-no-kk");
	set_field(s, "member", param(x, "id"), "no_kk", "3528012402218773");
	assert_int_equal(latihan_set_name(s, "Siti", &e), 0);
	latihan_state st[LATIHAN_MAX];
	assert_int_equal(latihan_progress(s, &set, st, &e), 1);
	siks_close(s);
	s = fresh();
	assert_int_equal(latihan_progress(s, &set, st, &e), 0);
	char nama[64];
	latihan_name(s, nama, sizeof nama);
	assert_string_equal(nama, "");
	siks_close(s);

	/* while another program has it open, a reset is refused, not done
	 * behind its back (the session lock is per process: fork one) */
	int p2c[2], c2p[2];
	char b = 0;
	assert_int_equal(pipe(p2c), 0);
	assert_int_equal(pipe(c2p), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		siks *c = NULL;
		int ok = siks_open(&c, path, 0, &e) == 0;
		if (write(c2p[1], ok ? "y" : "n", 1) != 1 || read(p2c[0], &b, 1) != 1)
			ok = 0;
		siks_close(c);
		_exit(ok ? 0 : 1);
	}
	assert_int_equal(read(c2p[0], &b, 1), 1);
	assert_int_equal(b, 'y');
	assert_int_equal(latihan_reset(path, &e), SIKS_ECONFLICT);
	assert_non_null(strstr(e.msg, "sedang dibuka"));
	assert_int_equal(write(p2c[1], "x", 1), 1);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(status, 0);
	assert_int_equal(latihan_reset(path, &e), 0);
	close(p2c[0]); close(p2c[1]); close(c2p[0]); close(c2p[1]);
}

/* A practice database never sends nor receives a sync package. */
static void test_practice_refuses_sync(void **state)
{
	(void)state;
	siks *s = fresh();
	siks_err e = { 0 };
	char out[32];
	tu_tmpdir(out);
	sync_out *o = NULL;
	int n = 0;
	assert_int_equal(sync_export(s, out, &o, &n, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "atihan"));
	free(o);
	sync_in *in = NULL;
	assert_int_equal(sync_import(s, out, &in, &n, &e), SIKS_EPERM);
	free(in);
	assert_int_equal(sync_join(s, "/nonexistent.daftar", "AAAA-BBBB-CCCC", &e), SIKS_EPERM);
	assert_int_equal(latihan_refuse_sync(s, &e), SIKS_EPERM);
	char files[4][256];
	assert_int_equal(plat_list_dir(out, "", files, 4), 0);
	siks_close(s);
}

/* A CSV exported from a practice database carries the mark; a real register
 * refuses to import it, a practice one takes it. */
static void test_export_marked_import_refused(void **state)
{
	(void)state;
	siks *s = fresh();
	siks_err e = { 0 };
	char out[64], csv[128];
	tu_tmpdir(out);
	snprintf(csv, sizeof csv, "%s/ekspor.csv", out);
	long rows = 0;
	int rc = export_csv(s, csv, NULL, &rows, &e);
	if (rc)
		fprintf(stderr, "export: %s\n", e.msg);
	assert_int_equal(rc, 0);
	assert_true(rows > 1000);
	siks_close(s);
	char *buf = NULL;
	size_t len = 0;
	assert_int_equal(plat_read_file(csv, &buf, &len, &e), 0);
	const char *nl = strstr(buf, "\r\n");
	assert_non_null(nl);
	assert_true(nl - buf > 9 && memcmp(nl - 8, ",latihan", 8) == 0);
	assert_non_null(strstr(nl, ",LATIHAN\r\n"));
	free(buf);

	/* a real village refuses it whole, dry run or not */
	siks *real = tu_open(SIKS_SITE_DESA, NULL);
	imp_result r;
	imp_opts o = { 0, NULL, -1, 0 };
	assert_int_equal(import_file(real, csv, &o, &r, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "LATIHAN"));
	imp_result_free(&r);
	o.dry_run = 1;
	assert_int_equal(import_file(real, csv, &o, &r, &e), SIKS_EPERM);
	imp_result_free(&r);
	assert_int_equal(db_int(real, "SELECT count(*) FROM member", -1), 0);
	siks_close(real);

	/* a practice database may take it (a dry run: nothing is new there) */
	s = fresh();
	rc = import_file(s, csv, &o, &r, &e);
	if (rc)
		fprintf(stderr, "practice import: %s\n", e.msg);
	assert_int_equal(rc, 0);
	imp_result_free(&r);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build_and_mark),
		cmocka_unit_test(test_all_red_at_start),
		cmocka_unit_test(test_01_new_household),
		cmocka_unit_test(test_02_birth_date),
		cmocka_unit_test(test_03_no_kk),
		cmocka_unit_test(test_04_nik),
		cmocka_unit_test(test_05_two_heads),
		cmocka_unit_test(test_06_no_head),
		cmocka_unit_test(test_07_duplicate),
		cmocka_unit_test(test_08_usulan),
		cmocka_unit_test(test_09_musdes),
		cmocka_unit_test(test_reset_after_work),
		cmocka_unit_test(test_practice_refuses_sync),
		cmocka_unit_test(test_export_marked_import_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
