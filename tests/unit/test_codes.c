/* test_codes.c — the code lists in data/codes: every list loads, codes are
 * unique, labels are right in both languages, type-ahead finds them. */
#include "testutil.h"
#include "siks/codes.h"

static const struct {
	const char *name;
	int count, first, last;
} lists[] = {
	{ "jenis_kelamin", 2, 1, 2 },   { "shdk", 11, 1, 11 },         { "status_kawin", 4, 1, 4 },
	{ "agama", 7, 1, 7 },           { "pendidikan", 10, 1, 10 },   { "pekerjaan", 89, 1, 89 },
	{ "disabilitas", 8, 0, 7 },     { "keberadaan", 5, 1, 5 },     { "lantai", 10, 1, 10 },
	{ "dinding", 10, 1, 10 },       { "atap", 10, 1, 10 },         { "air_minum", 12, 1, 12 },
	{ "penerangan", 4, 1, 4 },      { "bahan_bakar", 10, 1, 10 },  { "fasilitas_bab", 4, 1, 4 },
	{ "jenis_usulan", 3, 1, 3 },    { "alasan_usulan", 8, 1, 8 },  { "status_usulan", 6, 1, 6 },
	{ "program", 6, 1, 6 },
};
#define NLISTS (int)(sizeof lists / sizeof *lists)

static siks_codes *load(void)
{
	siks_codes *c = NULL;
	siks_err e = { 0 };
	tu_env();
	int rc = codes_load(&c, "data", &e);
	if (rc)
		fprintf(stderr, "codes_load: %s\n", e.msg);
	assert_int_equal(rc, 0);
	return c;
}

static void every_list_loads(void **state)
{
	siks_codes *c = load();
	for (int i = 0; i < NLISTS; i++) {
		int n = codes_count(c, lists[i].name);
		if (n != lists[i].count)
			fprintf(stderr, "%s: %d codes\n", lists[i].name, n);
		assert_int_equal(n, lists[i].count);
		/* contiguous, ascending, unique codes with a label in both languages */
		for (int j = 0; j < n; j++) {
			int code = -1;
			const char *label = NULL;
			assert_int_equal(codes_item(c, lists[i].name, j, &code, &label), 0);
			assert_int_equal(code, lists[i].first + j);
			assert_non_null(label);
			assert_true(strlen(label) > 1);
			assert_null(strchr(label, ','));
		}
		assert_true(codes_valid(c, lists[i].name, lists[i].first));
		assert_true(codes_valid(c, lists[i].name, lists[i].last));
		assert_false(codes_valid(c, lists[i].name, lists[i].last + 1));
		assert_false(codes_valid(c, lists[i].name, lists[i].first - 1));
	}
	assert_int_equal(codes_count(c, "tidak_ada"), 0);
	assert_false(codes_valid(c, "tidak_ada", 1));
	codes_free(c);
}

static void labels(void **state)
{
	siks_codes *c = load();
	assert_string_equal(codes_label(c, "shdk", 1), "Kepala Keluarga");
	assert_string_equal(codes_label(c, "shdk", 11), "Lainnya");
	assert_string_equal(codes_label(c, "status_kawin", 4), "Cerai mati");
	assert_string_equal(codes_label(c, "agama", 6), "Khonghucu");
	assert_string_equal(codes_label(c, "agama", 7), "Kepercayaan terhadap Tuhan YME");
	assert_string_equal(codes_label(c, "pendidikan", 1), "Tidak/belum sekolah");
	assert_string_equal(codes_label(c, "pendidikan", 10), "Strata III");
	assert_string_equal(codes_label(c, "pekerjaan", 9), "Petani/pekebun");
	assert_string_equal(codes_label(c, "pekerjaan", 19), "Buruh harian lepas");
	assert_string_equal(codes_label(c, "pekerjaan", 88), "Wiraswasta");
	assert_string_equal(codes_label(c, "pekerjaan", 89), "Lainnya");
	assert_string_equal(codes_label(c, "disabilitas", 0), "Tidak ada");
	assert_string_equal(codes_label(c, "keberadaan", 2), "Meninggal");
	assert_string_equal(codes_label(c, "lantai", 9), "Tanah");
	assert_string_equal(codes_label(c, "program", 4), "BLT-DD");
	assert_string_equal(codes_label(c, "status_usulan", 2), "Disetujui musdes");
	assert_null(codes_label(c, "shdk", 12));
	assert_null(codes_label(c, "shdk", 0));

	siks_i18n_init("en");
	assert_string_equal(codes_label(c, "shdk", 1), "Head of family");
	assert_string_equal(codes_label(c, "lantai", 9), "Earth");
	siks_i18n_init("id");
	assert_string_equal(codes_label(c, "lantai", 9), "Tanah");
	codes_free(c);
}

static void type_ahead(void **state)
{
	siks_codes *c = load();
	assert_int_equal(codes_find_prefix(c, "pekerjaan", "pet"), 9);   /* Petani/pekebun */
	assert_int_equal(codes_find_prefix(c, "pekerjaan", "PETE"), 10); /* Peternak */
	assert_int_equal(codes_find_prefix(c, "pekerjaan", "buruh t"), 20);
	assert_int_equal(codes_find_prefix(c, "pekerjaan", "nel"), 11);
	assert_int_equal(codes_find_prefix(c, "pekerjaan", "wira"), 88);
	/* a later word of the label: "Buruh harian lepas" by "harian" */
	assert_int_equal(codes_find_prefix(c, "pekerjaan", "harian"), 19);
	assert_int_equal(codes_find_prefix(c, "shdk", "kep"), 1);
	assert_int_equal(codes_find_prefix(c, "pekerjaan", "zzz"), -1);
	assert_int_equal(codes_find_prefix(c, "tidak_ada", "pet"), -1);
	codes_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_list_loads),
		cmocka_unit_test(labels),
		cmocka_unit_test(type_ahead),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
