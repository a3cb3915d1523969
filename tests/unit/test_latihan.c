/* test_latihan.c — training mode: exercise files, their checks, progress,
 * reset from the pristine copy, refusing real data, results and merge. */
#include "testutil.h"
#include <sys/stat.h>
#include "siks/latihan.h"
#include "siks/platform.h"
#include "../../src/core/latihan_int.h"

static const char *ex_text =
	"# a comment\n"
	"judul: Perbaiki NIK Ani\n"
	"tugas: Baris pertama\n"
	"  baris kedua\n"
	"\n"
	"  paragraf dua\n"
	"petunjuk: Cari nama Ani.\n"
	"jawaban: NIK yang benar :nik\n"
	"param: nik 3528014101900001\n"
	"param: nama Ani\n"
	"periksa:\n"
	"  SELECT count(*) = 1 FROM member\n"
	"   WHERE nama = :nama AND nik = :nik\n";

static void test_parse(void **state)
{
	(void)state;
	latihan_ex x;
	siks_err e = { 0 };
	assert_int_equal(latihan_ex_parse(&x, "01-ani", ex_text, &e), 0);
	assert_string_equal(x.id, "01-ani");
	assert_string_equal(x.judul, "Perbaiki NIK Ani");
	assert_string_equal(x.tugas, "Baris pertama\nbaris kedua\n\nparagraf dua");
	assert_string_equal(x.petunjuk, "Cari nama Ani.");
	assert_int_equal(x.nparam, 2);
	assert_string_equal(x.param[0].name, "nik");
	assert_string_equal(x.param[0].value, "3528014101900001");
	assert_int_equal(x.nperiksa, 1);
	assert_string_equal(x.periksa[0], "SELECT count(*) = 1 FROM member\n WHERE nama = :nama AND nik = :nik");
	latihan_ex_free(&x);
}

static void test_parse_errors(void **state)
{
	(void)state;
	latihan_ex x;
	siks_err e = { 0 };
	/* no check */
	assert_int_equal(latihan_ex_parse(&x, "a", "judul: J\ntugas: T\npetunjuk: P\njawaban: J\n", &e), SIKS_EFORMAT);
	assert_non_null(strstr(e.msg, "periksa"));
	/* unknown key, named with its line */
	assert_int_equal(latihan_ex_parse(&x, "a", "judul: J\nsoal: T\n", &e), SIKS_EFORMAT);
	assert_non_null(strstr(e.msg, "baris 2"));
	/* text at column 0 that is no key */
	assert_int_equal(latihan_ex_parse(&x, "a", "judul: J\nBapak X\n", &e), SIKS_EFORMAT);
	/* a key twice */
	assert_int_equal(latihan_ex_parse(&x, "a", "judul: J\njudul: K\n", &e), SIKS_EFORMAT);
	assert_non_null(strstr(e.msg, "dua kali"));
	/* a bad param; a param over two lines */
	assert_int_equal(latihan_ex_parse(&x, "a", "param: -x 1\n", &e), SIKS_EFORMAT);
	assert_int_equal(latihan_ex_parse(&x, "a", "param: x 1\n  2\n", &e), SIKS_EFORMAT);
	/* a last line ending in CR without LF (it looped forever once) */
	assert_int_equal(latihan_ex_parse(&x, "a", "judul: J\ntugas: T\npetunjuk: P\njawaban: J\nperiksa: SELECT 1\r", &e), 0);
	assert_string_equal(x.periksa[0], "SELECT 1");
	latihan_ex_free(&x);
}

/* A practice database made by hand (the demo is not needed here): one
 * household with Ani, whose NIK is wrong. */
static siks *practice_fixture(char *path, char hh[33], char ani[33])
{
	siks *s = tu_open(SIKS_SITE_DESA, path);
	siks_err e = { 0 };
	assert_int_equal(siks_setting_set(s, "site.practice", "1", &e), 0);
	s->practice = 1;
	tu_household(s, "Krajan", 1, hh);
	/* born 1990-01-01, a woman: the day should read 41, not 01 */
	tu_member(s, hh, "3528010101900001", "Ani", 2, "1990-01-01", 1, ani);
	return s;
}

static void test_check_red_green(void **state)
{
	(void)state;
	char path[128], hh[33], ani[33];
	siks *s = practice_fixture(path, hh, ani);
	latihan_ex x;
	siks_err e = { 0 };
	assert_int_equal(latihan_ex_parse(&x, "01-ani", ex_text, &e), 0);
	int done = -1;
	assert_int_equal(latihan_check(s, &x, &done, &e), 0);
	assert_int_equal(done, 0);
	/* wrong: another NIK, still red */
	assert_int_equal(rec_save_field(s, "member", ani, "nik", "3528010101900002", &e), 0);
	assert_int_equal(latihan_check(s, &x, &done, &e), 0);
	assert_int_equal(done, 0);
	/* right */
	assert_int_equal(rec_save_field(s, "member", ani, "nik", "3528014101900001", &e), 0);
	assert_int_equal(latihan_check(s, &x, &done, &e), 0);
	assert_int_equal(done, 1);
	latihan_ex_free(&x);
	siks_close(s);
}

static void test_check_nik_cocok(void **state)
{
	(void)state;
	char path[128], hh[33], ani[33];
	siks *s = practice_fixture(path, hh, ani);
	latihan_ex x;
	siks_err e = { 0 };
	assert_int_equal(latihan_ex_parse(&x, "n",
		"judul: J\ntugas: T\npetunjuk: P\njawaban: J\n"
		"periksa: SELECT count(*) = 0 FROM member WHERE NOT nik_cocok(nik, tanggal_lahir, jenis_kelamin)\n",
		&e), 0);
	int done = -1;
	assert_int_equal(latihan_check(s, &x, &done, &e), 0);
	assert_int_equal(done, 0);
	assert_int_equal(rec_save_field(s, "member", ani, "nik", "3528014101900001", &e), 0);
	assert_int_equal(latihan_check(s, &x, &done, &e), 0);
	assert_int_equal(done, 1);
	latihan_ex_free(&x);
	siks_close(s);
}

/* A check may only read: writes, several statements, PRAGMA, ATTACH and
 * parameters the file does not give are refused before anything runs. */
static void test_check_refuses_writes(void **state)
{
	(void)state;
	char path[128], hh[33], ani[33];
	siks *s = practice_fixture(path, hh, ani);
	static const char *bad[] = {
		"DELETE FROM member",
		"UPDATE member SET nama='x'",
		"SELECT 1; DELETE FROM member",
		"PRAGMA user_version=9",
		"ATTACH DATABASE '/tmp/x.db' AS x",
		"SELECT count(*) FROM member WHERE nik = :tidak_ada",
		"INSERT INTO setting VALUES('a','b') RETURNING 1",
		"SELECT load_extension('x')",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[400];
		snprintf(text, sizeof text, "judul: J\ntugas: T\npetunjuk: P\njawaban: J\nperiksa: %s\n", bad[i]);
		latihan_ex x;
		siks_err e = { 0 };
		assert_int_equal(latihan_ex_parse(&x, "bad", text, &e), 0);
		int done = -1;
		int rc = latihan_check(s, &x, &done, &e);
		if (rc == 0)
			fprintf(stderr, "accepted: %s\n", bad[i]);
		assert_int_not_equal(rc, 0);
		assert_int_equal(done, 0);
		latihan_ex_free(&x);
	}
	assert_int_equal(db_int(s, "SELECT count(*) FROM member", -1), 1);
	assert_int_equal(db_int(s, "PRAGMA user_version", -1), siks_schema_version());
	siks_close(s);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A folder of two exercises over the fixture. */
static void exercise_dir(char *dir)
{
	char p[200];
	tu_tmpdir(dir);
	snprintf(p, sizeof p, "%s/01-ani.txt", dir);
	write_file(p, ex_text);
	snprintf(p, sizeof p, "%s/02-rt.txt", dir);
	write_file(p, "judul: Rumah tangga kedua\ntugas: T\npetunjuk: P\njawaban: J\n"
		      "periksa: SELECT count(*) >= 2 FROM household\n");
	snprintf(p, sizeof p, "%s/README", dir);
	write_file(p, "not an exercise\n");
}

static void test_set_and_progress(void **state)
{
	(void)state;
	char path[128], hh[33], ani[33], dir[64];
	siks *s = practice_fixture(path, hh, ani);
	exercise_dir(dir);
	latihan_set set;
	siks_err e = { 0 };
	assert_int_equal(latihan_set_load(&set, dir, &e), 0);
	assert_int_equal(set.n, 2);
	assert_int_equal(set.v[1].no, 2);
	assert_string_equal(set.v[1].id, "02-rt");
	assert_int_equal(latihan_start(s, &e), 0);
	latihan_state st[2];
	assert_int_equal(latihan_progress(s, &set, st, &e), 0);
	assert_int_equal(st[0].done, 0);
	assert_string_equal(st[0].when, "");
	tu_household(s, "Laok", 2, hh);
	assert_int_equal(latihan_progress(s, &set, st, &e), 1);
	assert_int_equal(st[1].done, 1);
	assert_int_equal(strlen(st[1].when), 19);
	assert_true(st[1].minutes >= 0);
	/* the first time it was seen done is kept */
	char key[80], when[32];
	snprintf(key, sizeof key, "latihan.selesai.%s", set.v[1].id);
	assert_int_equal(siks_setting_get(s, key, when, sizeof when), 0);
	assert_string_equal(when, st[1].when);

	/* a real register is no place for exercises */
	s->practice = 0;
	assert_int_equal(latihan_progress(s, &set, st, &e), -1);
	assert_int_equal(e.code, SIKS_EPERM);
	assert_int_not_equal(latihan_start(s, &e), 0);
	latihan_set_free(&set);
	siks_close(s);
}

static void test_shipped_set_loads(void **state)
{
	(void)state;
	tu_env();
	latihan_set set;
	siks_err e = { 0 };
	int rc = latihan_set_load(&set, NULL, &e);
	if (rc)
		fprintf(stderr, "%s\n", e.msg);
	assert_int_equal(rc, 0);
	assert_true(set.n >= 4);
	for (int i = 0; i < set.n; i++) {
		/* task and hint are read at 80 columns: a line fits in 78 */
		const char *texts[] = { set.v[i].tugas, set.v[i].petunjuk, set.v[i].judul };
		for (int k = 0; k < 3; k++)
			for (const char *p = texts[k]; *p;) {
				size_t len = strcspn(p, "\n");
				if (len > 78)
					fail_msg("%s: line longer than 78: %.*s", set.v[i].id, (int)len, p);
				p += len + (p[len] == '\n');
			}
		assert_true(strlen(set.v[i].judul) > 5);
		assert_true(strlen(set.v[i].petunjuk) > 5);
		assert_true(strlen(set.v[i].jawaban) > 5);
	}
	latihan_set_free(&set);
}

static void test_refuse_sync(void **state)
{
	(void)state;
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_err e = { 0 };
	assert_int_equal(latihan_refuse_sync(s, &e), 0);
	s->practice = 1;
	assert_int_equal(latihan_refuse_sync(s, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "LATIHAN"));
	siks_close(s);
}

/* ---- files: pristine copy, reset, refusing real data --------------------- */

static void test_pristine_path(void **state)
{
	(void)state;
	char out[256];
	latihan_pristine_path("/a/latihan.db", out, sizeof out);
	assert_string_equal(out, "/a/latihan-awal.db");
	latihan_pristine_path("/a/x", out, sizeof out);
	assert_string_equal(out, "/a/x-awal");
}

static void test_reset_restores(void **state)
{
	(void)state;
	char path[128], hh[33], ani[33], awal[160];
	siks *s = practice_fixture(path, hh, ani);
	siks_err e = { 0 };
	siks_close(s);
	latihan_pristine_path(path, awal, sizeof awal);
	assert_int_equal(latihan_copy_db(path, awal, &e), 0);
	assert_int_equal(latihan_file_is_practice(path), 1);
	assert_int_equal(latihan_file_is_practice(awal), 1);

	/* the trainee works */
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	assert_int_equal(rec_save_field(s, "member", ani, "nama", "Ani Lestari", &e), 0);
	tu_household(s, "Laok", 3, hh);
	assert_int_equal(siks_setting_set(s, "latihan.nama", "Siti", &e), 0);
	siks_close(s);

	assert_int_equal(latihan_reset(path, &e), 0);
	assert_int_equal(siks_open(&s, path, 0, &e), 0);
	assert_int_equal(s->practice, 1);
	assert_int_equal(db_int(s, "SELECT count(*) FROM household", -1), 1);
	assert_int_equal(db_int(s, "SELECT count(*) FROM member WHERE nama='Ani'", -1), 1);
	char v[32] = "";
	assert_int_not_equal(siks_setting_get(s, "latihan.nama", v, sizeof v), 0);
	siks_close(s);

	/* missing practice file: made again from the pristine copy */
	assert_int_equal(remove(path), 0);
	assert_int_equal(latihan_file_is_practice(path), -1);
	assert_int_equal(latihan_reset(path, &e), 0);
	assert_int_equal(latihan_file_is_practice(path), 1);
}

static long file_size(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

/* A real register is never overwritten: not as the target, not as the source. */
static void test_reset_refuses_real(void **state)
{
	(void)state;
	char real[128], awal[160], hh[33];
	siks *s = tu_open(SIKS_SITE_DESA, real);
	tu_household(s, "Krajan", 1, hh);
	siks_close(s);
	char ppath[128], ani[33], pawal[160];
	s = practice_fixture(ppath, hh, ani);
	siks_close(s);
	latihan_pristine_path(real, awal, sizeof awal);
	siks_err e = { 0 };
	/* a pristine copy beside the real register, as if someone put one there */
	assert_int_equal(latihan_copy_db(ppath, awal, &e), 0);
	long before = file_size(real);
	assert_int_equal(latihan_file_is_practice(real), 0);
	assert_int_equal(latihan_reset(real, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "bukan basis data latihan"));
	assert_int_equal(file_size(real), before);
	assert_int_equal(siks_open(&s, real, 0, &e), 0);
	assert_int_equal(s->practice, 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM member", -1), 0);
	siks_close(s);

	/* a real register in place of the pristine copy is not copied from */
	latihan_pristine_path(ppath, pawal, sizeof pawal);
	assert_int_equal(latihan_copy_db(real, pawal, &e), 0);
	assert_int_equal(latihan_reset(ppath, &e), SIKS_EPERM);
	/* not a database at all */
	write_file(pawal, "hello");
	assert_int_equal(latihan_file_is_practice(pawal), 0);
	assert_int_not_equal(latihan_reset(ppath, &e), 0);
	assert_int_equal(latihan_file_is_practice(ppath), 1);
	/* a normal init never marks a database as practice */
	s = tu_open(SIKS_SITE_DESA, NULL);
	assert_int_equal(s->practice, 0);
	siks_close(s);
}

/* ---- results and merge -------------------------------------------------- */

static char *slurp(const char *path)
{
	char *buf = NULL;
	size_t len;
	siks_err e = { 0 };
	assert_int_equal(plat_read_file(path, &buf, &len, &e), 0);
	return buf;
}

static void test_result_and_merge(void **state)
{
	(void)state;
	char path[128], hh[33], ani[33], dir[64], usb[64], out[1400], out2[1400], csv[128];
	siks *s = practice_fixture(path, hh, ani);
	exercise_dir(dir);
	tu_tmpdir(usb);
	latihan_set set;
	siks_err e = { 0 };
	assert_int_equal(latihan_set_load(&set, dir, &e), 0);
	assert_int_equal(latihan_start(s, &e), 0);
	/* no name yet: refused, nothing written */
	assert_int_equal(latihan_result_write(s, &set, usb, out, sizeof out, &e), SIKS_EINVAL);
	assert_int_equal(latihan_set_name(s, "Siti Nur'aini", &e), 0);
	tu_household(s, "Laok", 2, hh);
	assert_int_equal(latihan_result_write(s, &set, usb, out, sizeof out, &e), 0);
	assert_non_null(strstr(out, "/latihan-hasil-siti-nur-aini-"));
	char *t = slurp(out);
	assert_non_null(strstr(t, "nama,mulai,ditulis,no,latihan,judul,selesai,waktu,menit"));
	assert_non_null(strstr(t, ",1,01-ani,Perbaiki NIK Ani,tidak,"));
	assert_non_null(strstr(t, ",2,02-rt,Rumah tangga kedua,ya,"));
	free(t);

	/* a second trainee on the same laptop after a reset: same file layout */
	assert_int_equal(siks_setting_set(s, "latihan.mulai", "2026-11-27 10:00:00", &e), 0);
	assert_int_equal(latihan_set_name(s, "Budi", &e), 0);
	assert_int_equal(rec_save_field(s, "member", ani, "nik", "3528014101900001", &e), 0);
	assert_int_equal(latihan_result_write(s, &set, usb, out2, sizeof out2, &e), 0);
	assert_string_not_equal(out, out2);

	/* a stray file on the stick is not read */
	char p[200];
	snprintf(p, sizeof p, "%s/lain.csv", usb);
	write_file(p, "a,b\n1,2\n");
	snprintf(csv, sizeof csv, "%s/rekap.csv", dir);
	const char *paths[] = { usb };
	int rows = 0;
	assert_int_equal(latihan_merge(paths, 1, csv, &rows, &e), 0);
	assert_int_equal(rows, 2);
	t = slurp(csv);
	assert_non_null(strstr(t, "nama,mulai,selesai,menit_total,1. Perbaiki NIK Ani,1 menit,2. Rumah tangga kedua,2 menit,berkas"));
	assert_non_null(strstr(t, "\r\nBudi,2026-11-27 10:00:00,2/2,"));
	assert_non_null(strstr(t, "\r\nSiti Nur'aini,"));
	assert_non_null(strstr(t, ",1/2,"));
	free(t);

	/* the same file given twice (folder and file) counts once */
	const char *twice[] = { usb, out2 };
	assert_int_equal(latihan_merge(twice, 2, csv, &rows, &e), 0);
	assert_int_equal(rows, 2);
	/* a file that is not a result is refused by name */
	const char *bad[] = { p };
	assert_int_equal(latihan_merge(bad, 1, csv, &rows, &e), SIKS_EFORMAT);
	assert_non_null(strstr(e.msg, "lain.csv"));
	/* nothing at all */
	const char *none[] = { dir };
	assert_int_equal(latihan_merge(none, 1, csv, &rows, &e), SIKS_ENOTFOUND);
	latihan_set_free(&set);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_check_red_green),
		cmocka_unit_test(test_check_nik_cocok),
		cmocka_unit_test(test_check_refuses_writes),
		cmocka_unit_test(test_set_and_progress),
		cmocka_unit_test(test_shipped_set_loads),
		cmocka_unit_test(test_refuse_sync),
		cmocka_unit_test(test_pristine_path),
		cmocka_unit_test(test_reset_restores),
		cmocka_unit_test(test_reset_refuses_real),
		cmocka_unit_test(test_result_and_merge),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
