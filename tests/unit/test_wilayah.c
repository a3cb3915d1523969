/* test_wilayah.c — region codes: levels, import (demo list, damaged files,
 * and the full 91,599-row list from ../shared when it is there). */
#include <time.h>
#include "testutil.h"
#include "siks/wilayah.h"

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static long rows(siks *s)
{
	return (long)db_int(s, "SELECT count(*) FROM wilayah", -1);
}

static void levels(void **state)
{
	assert_int_equal(wilayah_level("35"), WIL_PROVINSI);
	assert_int_equal(wilayah_level("35.28"), WIL_KABUPATEN);
	assert_int_equal(wilayah_level("35.28.01"), WIL_KECAMATAN);
	assert_int_equal(wilayah_level("35.28.01.2001"), WIL_DESA);
	const char *bad[] = { "", "3", "352", "35.", "35.2", "35.28.", "35.28.1", "35.28.01.201",
			      "35.28.01.20011", "35.28.01.2001.1", "35,28", "ab", "35.28.0a", " 35", "35.28.01.2001 " };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (wilayah_level(bad[i]) != 0)
			fprintf(stderr, "accepted \"%s\"\n", bad[i]);
		assert_int_equal(wilayah_level(bad[i]), 0);
	}
	assert_int_equal(wilayah_level(NULL), 0);

	char k[9];
	wilayah_from_digits("352801", k);
	assert_string_equal(k, "35.28.01");
	wilayah_from_digits("3528011205800001", k); /* a NIK: its first six digits */
	assert_string_equal(k, "35.28.01");
	wilayah_from_digits("35280", k);
	assert_string_equal(k, "");
	wilayah_from_digits("35x801", k);
	assert_string_equal(k, "");
}

static void demo_list(void **state)
{
	siks *s = tu_open(0, NULL);
	siks_err e = { 0 };
	long n = 0;
	assert_int_equal(wilayah_has_kecamatan(s), 0);
	assert_int_equal(wilayah_import(s, "data/wilayah/demo.csv", &n, &e), 0);
	/* Jawa Timur, Pamekasan, 13 kecamatan, 17 desa of Tlanakan */
	assert_int_equal(n, 32);
	assert_int_equal(rows(s), 32);
	assert_int_equal(db_int(s, "SELECT count(*) FROM wilayah WHERE level = 3", -1), 13);
	assert_int_equal(db_int(s, "SELECT count(*) FROM wilayah WHERE level = 4", -1), 17);
	assert_int_equal(wilayah_has_kecamatan(s), 1);
	char name[64];
	assert_int_equal(wilayah_name(s, "35", name, sizeof name), 0);
	assert_string_equal(name, "Jawa Timur");
	assert_int_equal(wilayah_name(s, "35.28", name, sizeof name), 0);
	assert_string_equal(name, "Kabupaten Pamekasan");
	assert_int_equal(wilayah_name(s, "35.28.01", name, sizeof name), 0);
	assert_string_equal(name, "Tlanakan");
	assert_int_equal(wilayah_name(s, "35.28.13", name, sizeof name), 0);
	assert_string_equal(name, "Pasean");
	assert_int_equal(wilayah_name(s, "35.28.01.2017", name, sizeof name), 0);
	assert_string_equal(name, "Taro'an");
	assert_int_equal(wilayah_name(s, "35.29", name, sizeof name), -1);
	assert_string_equal(name, "");
	assert_int_equal(wilayah_count_under(s, "35.28"), 30);
	assert_int_equal(wilayah_count_under(s, "35.28.01"), 17);
	assert_int_equal(wilayah_count_under(s, "35.28.02"), 0);
	assert_int_equal(wilayah_count_under(s, "35.2"), 0);
	/* importing again replaces, never duplicates */
	assert_int_equal(wilayah_import(s, "data/wilayah/demo.csv", &n, &e), 0);
	assert_int_equal(rows(s), 32);
	siks_close(s);
}

/* A damaged file is refused whole, naming its line; nothing is imported. */
static void damaged_files(void **state)
{
	siks *s = tu_open(0, NULL);
	char dir[64], path[128];
	tu_tmpdir(dir);
	snprintf(path, sizeof path, "%s/w.csv", dir);
	static const struct {
		const char *text;
		const char *line;
	} cases[] = {
		{ "kode,nama\n35,Jawa Timur\n35.2x,Salah\n", "baris 3" },
		{ "kode,nama\n35,Jawa Timur\n35.28\n", "baris 3" },
		{ "kode,nama\n35,Jawa Timur\n35.28,Pamekasan,lebih\n", "baris 3" },
		{ "kode,nama\n35,\n", "baris 2" },
		{ "kode,nama\n35,\"Jawa Timur\n", "baris 2" },
		{ "kode,nama\n35,\"Jawa\"Timur\n", "baris 2" },
		{ "35,Jawa Timur\n\n35.28.01.2001x,Dabuan\n", "baris 3" },
		{ "kode,nama\n35,Jawa\x01Timur\n", "baris 2" },
		{ "kode,nama\n35,Jawa Timur\n\n\n35.28.01.2001,Dabuan,\n", "baris 5" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		siks_err e = { 0 };
		long n = 99;
		write_file(path, cases[i].text);
		int rc = wilayah_import(s, path, &n, &e);
		assert_int_equal(rc, SIKS_EFORMAT);
		if (!strstr(e.msg, cases[i].line))
			fprintf(stderr, "case %zu: %s\n", i, e.msg);
		assert_non_null(strstr(e.msg, cases[i].line));
		assert_int_equal(n, 0);
		assert_int_equal(rows(s), 0);
		assert_int_equal(s->tx_depth, 0);
	}
	siks_err e = { 0 };
	long n = 0;
	assert_int_equal(wilayah_import(s, "/nonexistent/w.csv", &n, &e), SIKS_ENOTFOUND);

	/* quoting, CRLF, a byte-order mark, spaces and blank lines are accepted */
	write_file(path, "\xef\xbb\xbfkode,nama\r\n12.07.28.1007,\"Lubuk Pakam I,II\"\r\n\r\n"
			 "53.07.01.2021, Regapu\xe2\x80\x99u \r\n35.28.01.2017,\"Taro'an \"\"lama\"\"\"\r\n");
	assert_int_equal(wilayah_import(s, path, &n, &e), 0);
	assert_int_equal(n, 3);
	char name[64];
	assert_int_equal(wilayah_name(s, "12.07.28.1007", name, sizeof name), 0);
	assert_string_equal(name, "Lubuk Pakam I,II");
	assert_int_equal(wilayah_name(s, "53.07.01.2021", name, sizeof name), 0);
	assert_string_equal(name, "Regapu\xe2\x80\x99u");
	assert_int_equal(wilayah_name(s, "35.28.01.2017", name, sizeof name), 0);
	assert_string_equal(name, "Taro'an \"lama\"");
	assert_int_equal(wilayah_has_kecamatan(s), 0);

	/* as a spreadsheet saves it: semicolons, Windows-1252 (0x92 is a right quote) */
	write_file(path, "kode;nama\r\n35.28.01;Tlanakan\r\n35.28.01.2017;Taro\x92" "an\r\n");
	assert_int_equal(wilayah_import(s, path, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(wilayah_name(s, "35.28.01.2017", name, sizeof name), 0);
	assert_string_equal(name, "Taro\xe2\x80\x99" "an");
	assert_int_equal(wilayah_has_kecamatan(s), 1);
	siks_close(s);
}

static void full_list(void **state)
{
	const char *path = getenv("SIKSDESA_SHARED");
	char buf[512];
	if (path) {
		snprintf(buf, sizeof buf, "%s/data/wilayah/wilayah.csv", path);
		path = buf;
	} else {
		path = "../shared/data/wilayah/wilayah.csv";
	}
	if (access(path, R_OK) != 0) {
		fprintf(stderr, "skipped: %s not found (set SIKSDESA_SHARED)\n", path);
		skip();
	}
	siks *s = tu_open(0, NULL);
	siks_err e = { 0 };
	long n = 0;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = wilayah_import(s, path, &n, &e);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (rc)
		fprintf(stderr, "import: %s\n", e.msg);
	assert_int_equal(rc, 0);
	fprintf(stderr, "imported %ld regions in %.2f s (sanitizer build)\n", n,
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	assert_int_equal(n, 91599);
	assert_int_equal(rows(s), 91599);
	assert_int_equal(db_int(s, "SELECT count(*) FROM wilayah WHERE level = 1", -1), 38);
	assert_int_equal(db_int(s, "SELECT count(*) FROM wilayah WHERE level = 2", -1), 514);
	assert_int_equal(db_int(s, "SELECT count(*) FROM wilayah WHERE level = 3", -1), 7285);
	assert_int_equal(db_int(s, "SELECT count(*) FROM wilayah WHERE level = 4", -1), 83762);
	char name[128];
	assert_int_equal(wilayah_name(s, "35.28.01.2017", name, sizeof name), 0);
	assert_string_equal(name, "Taro'an");
	assert_int_equal(wilayah_name(s, "53.07.01.2021", name, sizeof name), 0);
	assert_string_equal(name, "Regapu\xe2\x80\x99u");
	assert_int_equal(wilayah_name(s, "14.02.09.2010", name, sizeof name), 0);
	assert_string_equal(name, "Lambang Sari I, II, III");
	/* Pamekasan: 13 kecamatan and 189 villages */
	assert_int_equal(wilayah_count_under(s, "35.28"), 13 + 189);
	assert_int_equal(wilayah_has_kecamatan(s), 1);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(levels),
		cmocka_unit_test(demo_list),
		cmocka_unit_test(damaged_files),
		cmocka_unit_test(full_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
