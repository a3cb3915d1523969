/* test_import.c — import of DTKS-style files: every charset and separator
 * imports identically; re-import changes nothing; a known NIK updates its
 * member; a file with mistakes in a tenth of its rows has each one named by
 * the dry run (which changes nothing); Excel's damage is recognised. */
#include "testutil.h"
#include "siks/import.h"
#include "siks/validate.h"
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

static int do_import(siks *s, const char *path, int dry, imp_result *r)
{
	imp_opts o = { dry, NULL, CS_AUTO, 0 };
	siks_err e = { 0 };
	int rc = import_file(s, path, &o, r, &e);
	if (rc)
		fprintf(stderr, "import: %s\n", e.msg);
	/* the staging file is gone with the import, whatever its outcome */
	assert_int_equal(db_int(s, "SELECT count(*) FROM pragma_database_list WHERE name = 'imp'", -1), 0);
	for (size_t i = 0; i < r->np && getenv("IMPORT_VERBOSE"); i++)
		fprintf(stderr, "  line %ld %s: %s\n", r->p[i].line, r->p[i].column, r->p[i].reason);
	return rc;
}

static void write_fixture(const char *path, int rows, int sep, int cs)
{
	strbuf b = { 0 };
	fx_text(&b, rows, sep);
	fx_write(path, b.p, b.n, cs);
	sb_free(&b);
}

/* The same 40 people in 5 charsets x 4 separators: one digest. */
static void test_every_charset_and_separator(void **state)
{
	(void)state;
	static const int seps[] = { ',', ';', '\t', '|' };
	char *want = NULL;
	for (int cs = CS_UTF8; cs <= CS_CP1252; cs++)
		for (int k = 0; k < 4; k++) {
			const char *path = tmp("fx.csv");
			write_fixture(path, 40, seps[k], cs);
			siks *s = tu_open(SIKS_SITE_DESA, NULL);
			imp_result r;
			assert_int_equal(do_import(s, path, 0, &r), 0);
			assert_int_equal(r.rows, 40);
			assert_int_equal(r.rows_rejected, 0);
			assert_int_equal(r.errors, 0);
			assert_int_equal(r.hh_new, 10);
			assert_int_equal(r.mem_new, 40);
			assert_int_equal(r.sep, seps[k]);
			assert_string_equal(r.charset, charset_name(cs));
			imp_result_free(&r);
			char *d = fx_digest(s);
			if (!want) {
				want = d;
				/* names with apostrophes and accents arrived as written */
				assert_non_null(strstr(want, "|Moh. Ma'ruf|"));
				assert_non_null(strstr(want, "|Andr\xC3\xA9 Sebasti\xC3\xA1n|"));
				assert_non_null(strstr(want, "|Ni\xC3\xB1" "a Ros\xC3\xA1lia|"));
				assert_non_null(strstr(want, "|Kra'jan|"));
				assert_non_null(strstr(want, "Gg. \"Melati\""));
				/* stored forms: ISO dates, codes, RT as a number */
				assert_non_null(strstr(want, "|35.28.01.2001|Dusun Barat|1|1|"));
			} else {
				assert_string_equal(d, want);
				free(d);
			}
			siks_close(s);
		}
	free(want);
}

/* Re-import changes nothing; a row whose NIK exists updates that member. */
static void test_reimport_and_update(void **state)
{
	(void)state;
	const char *path = tmp("re.csv");
	write_fixture(path, 20, ';', CS_UTF8_BOM);
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	imp_result r;
	assert_int_equal(do_import(s, path, 0, &r), 0);
	assert_int_equal(r.mem_new, 20);
	imp_result_free(&r);
	char *before = fx_digest(s);
	long audit = fx_count(s, "SELECT count(*) FROM audit");
	long changes = fx_count(s, "SELECT count(*) FROM change");

	assert_int_equal(do_import(s, path, 0, &r), 0);
	assert_int_equal(r.mem_new + r.mem_changed + r.hh_new + r.hh_changed, 0);
	assert_int_equal(r.mem_same, 20);
	assert_int_equal(r.hh_same, 5);
	imp_result_free(&r);
	char *after = fx_digest(s);
	assert_string_equal(before, after);
	assert_int_equal(fx_count(s, "SELECT count(*) FROM audit"), audit);
	assert_int_equal(fx_count(s, "SELECT count(*) FROM change"), changes);
	free(after);

	/* one member renamed, with only the columns that identify and change it */
	char buf[FX_NCOLS][64];
	const char *v[FX_NCOLS];
	fx_row(5, buf, v);
	FILE *f = fopen(tmp("upd.csv"), "w");
	fprintf(f, "nomor_kk;nomor_nik;nama\n%s;%s;Nama Baru O'Neil\n", v[1], v[2]);
	fclose(f);
	assert_int_equal(do_import(s, tmp("upd.csv"), 0, &r), 0);
	assert_int_equal(r.mem_changed, 1);
	assert_int_equal(r.mem_new, 0);
	assert_int_equal(r.hh_new, 0);
	imp_result_free(&r);
	assert_int_equal(fx_count(s, "SELECT count(*) FROM member"), 20);
	assert_int_equal(fx_count(s, "SELECT count(*) FROM audit WHERE field='nama' AND new='Nama Baru O''Neil'"), 1);
	/* its other fields were kept */
	assert_int_equal(fx_count(s, "SELECT count(*) FROM member WHERE nama='Nama Baru O''Neil' AND tanggal_lahir IS NOT NULL AND shdk=3"), 1);
	free(before);
	siks_close(s);
}

struct planted {
	int row;             /* 0-based data row */
	int col;             /* column changed */
	const char *value;
	const char *column;  /* column the dry run must name */
};

/* 100 rows, a mistake in every tenth: the dry run names each one (line,
 * column) and rejects nothing else; the database is unchanged. */
static void test_mistakes_named(void **state)
{
	(void)state;
	static const struct planted p[] = {
		{ 2, 2, "35280112059", "nomor_nik" },          /* too short */
		{ 6, 2, "3,52806E+15", "nomor_nik" },          /* Excel's scientific notation */
		{ 14, 4, "31-02-2001", "tanggal_lahir" },      /* no such day */
		{ 18, 6, "X", "jenis_kelamin" },               /* not a code */
		{ 22, 3, "", "nama" },                         /* required */
		{ 26, 11, "12a", "rt" },                       /* digits */
		{ 30, 4, "01-01-2030", "tanggal_lahir" },      /* in the future */
		{ 34, 1, "3.52801E+15", "nomor_kk" },          /* Excel again, No KK */
		{ 38, 8, "99", "hubungan_keluarga" },          /* not a code */
		{ 42, 2, "3528014A01900001", "nomor_nik" },    /* a letter */
	};
	size_t np = sizeof p / sizeof p[0];
	strbuf b = { 0 };
	char buf[FX_NCOLS][64];
	const char *v[FX_NCOLS];
	char head[] = FX_COLS;
	const char *hv[FX_NCOLS];
	int n = 0;
	for (char *t = strtok(head, ","); t; t = strtok(NULL, ","))
		hv[n++] = t;
	fx_add_row(&b, hv, n, ',');
	for (int r = 0; r < 100; r++) {
		fx_row(r, buf, v);
		for (size_t i = 0; i < np; i++)
			if (p[i].row == r)
				v[p[i].col] = p[i].value;
		fx_add_row(&b, v, FX_NCOLS, ',');
	}
	const char *path = tmp("bad.csv");
	fx_write(path, b.p, b.n, CS_UTF8);
	sb_free(&b);

	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	imp_result r;
	assert_int_equal(do_import(s, path, 1, &r), 0);
	assert_int_equal(r.rows, 100);
	assert_int_equal(r.rows_rejected, (long)np);
	for (size_t i = 0; i < np; i++) {
		long line = p[i].row + 2; /* the header is line 1 */
		int found = 0;
		for (size_t k = 0; k < r.np; k++)
			if (r.p[k].line == line && r.p[k].severity == SIKS_ERROR &&
			    strcmp(r.p[k].column, p[i].column) == 0)
				found = 1;
		if (!found)
			fprintf(stderr, "planted mistake at line %ld (%s) not named\n", line, p[i].column);
		assert_true(found);
	}
	/* nothing else is an error */
	for (size_t k = 0; k < r.np; k++) {
		if (r.p[k].severity != SIKS_ERROR)
			continue;
		int planted = 0;
		for (size_t i = 0; i < np; i++)
			planted |= r.p[k].line == p[i].row + 2;
		if (!planted)
			fprintf(stderr, "unexpected: line %ld %s: %s\n", r.p[k].line, r.p[k].column, r.p[k].reason);
		assert_true(planted);
	}
	/* the scientific NIK says why, in words an operator understands */
	for (size_t k = 0; k < r.np; k++)
		if (r.p[k].line == 8)
			assert_non_null(strstr(r.p[k].reason, "notasi ilmiah"));
	/* counts as the import would do them, and the dry run changed nothing */
	assert_int_equal(r.mem_new, 90);
	assert_int_equal(r.hh_new, 25);
	assert_true(r.dry_run);
	assert_int_equal(fx_count(s, "SELECT count(*) FROM member"), 0);
	assert_int_equal(fx_count(s, "SELECT count(*) FROM household"), 0);
	assert_int_equal(fx_count(s, "SELECT count(*) FROM audit"), 0);

	/* the report, as CSV, through the same reader */
	siks_err e;
	const char *rep = tmp("report.csv");
	assert_int_equal(import_report_write(&r, rep, &e), 0);
	csv_reader *in = csv_open_file(rep, CS_AUTO, 0, &e);
	assert_non_null(in);
	assert_int_equal(csv_charset(in), CS_UTF8_BOM);
	csv_row row;
	assert_int_equal(csv_next(in, &row, &e), 1);
	assert_string_equal(row.f[0], "baris");
	size_t lines = 0;
	while (csv_next(in, &row, &e) == 1) {
		assert_int_equal(row.n, 5);
		lines++;
	}
	assert_int_equal(lines, r.np);
	csv_close(in);
	imp_result_free(&r);

	/* now for real: the 90 good rows, in one go */
	assert_int_equal(do_import(s, path, 0, &r), 0);
	assert_int_equal(r.mem_new, 90);
	imp_result_free(&r);
	assert_int_equal(fx_count(s, "SELECT count(*) FROM member"), 90);
	siks_close(s);
}

/* Household rules reject the whole household and say so on each row. */
static void test_household_rules(void **state)
{
	(void)state;
	char buf[FX_NCOLS][64];
	const char *v[FX_NCOLS];
	strbuf b = { 0 };
	sb_add(&b, FX_COLS "\n");
	for (int r = 0; r < 8; r++) {
		fx_row(r, buf, v);
		if (r == 1)
			v[8] = "1"; /* the wife made a second head */
		fx_add_row(&b, v, FX_NCOLS, ',');
	}
	const char *path = tmp("hh.csv");
	fx_write(path, b.p, b.n, CS_UTF8);
	sb_free(&b);
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	imp_result r;
	assert_int_equal(do_import(s, path, 0, &r), 0);
	assert_int_equal(r.rows_rejected, 4);
	assert_int_equal(r.hh_new, 1);
	assert_int_equal(r.mem_new, 4);
	for (long line = 2; line <= 5; line++) {
		int named = 0;
		for (size_t k = 0; k < r.np; k++)
			named |= r.p[k].line == line && r.p[k].severity == SIKS_ERROR;
		assert_true(named);
	}
	int heads = 0;
	for (size_t k = 0; k < r.np; k++)
		heads |= strstr(r.p[k].reason, "kepala keluarga") != NULL;
	assert_true(heads);
	imp_result_free(&r);
	siks_close(s);
}

/* Excel's habits: a leading apostrophe, ="..." wrappers, letters for sex,
 * labels for codes, Excel day numbers, a mapping file for other names. */
static void test_spreadsheet_habits_and_map(void **state)
{
	(void)state;
	const char *map = tmp("map.csv");
	FILE *f = fopen(map, "w");
	fprintf(f, "kolom_berkas,kolom_siksdesa\nNo. Kartu Keluarga,nomor_kk\nNIK ART,nomor_nik\nNama ART,nama\n"
		   "Tgl Lhr,tanggal_lahir\nJK,jenis_kelamin\nHub,hubungan_keluarga\n");
	fclose(f);
	const char *path = tmp("habits.csv");
	f = fopen(path, "w");
	fprintf(f, "No. Kartu Keluarga;NIK ART;Nama ART;Tgl Lhr;JK;Hub;Alamat;RT;RW;Keterangan\n"
		   "'3528010101000077;'3528011205800001;Ahmad;12/05/1980;L;Kepala Keluarga;Jl. A;'003;2;x\n"
		   "=\"3528010101000077\";=\"3528015208820002\";Siti;30175;P;Istri;Jl. A;3;2;y\n");
	fclose(f);
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	imp_result r;
	imp_opts o = { 0, map, CS_AUTO, 0 };
	siks_err e = { 0 };
	assert_int_equal(import_file(s, path, &o, &r, &e), 0);
	for (size_t k = 0; k < r.np; k++)
		fprintf(stderr, "  line %ld %s: %s\n", r.p[k].line, r.p[k].column, r.p[k].reason);
	assert_int_equal(r.rows_rejected, 0);
	assert_int_equal(r.mem_new, 2);
	assert_string_equal(r.ignored, "Keterangan");
	/* the day number is converted, with a warning to check it */
	assert_int_equal(r.warnings, 1);
	assert_int_equal(r.p[0].line, 3);
	imp_result_free(&r);
	assert_int_equal(fx_count(s, "SELECT count(*) FROM member WHERE nik='3528011205800001' AND jenis_kelamin=1 AND shdk=1 AND tanggal_lahir='1980-05-12'"), 1);
	assert_int_equal(fx_count(s, "SELECT count(*) FROM member WHERE nik='3528015208820002' AND jenis_kelamin=2 AND shdk=3 AND tanggal_lahir='1982-08-12'"), 1);
	assert_int_equal(fx_count(s, "SELECT count(*) FROM household WHERE rt=3 AND rw=2"), 1);

	/* without the map the header lacks the required columns */
	o.map_path = NULL;
	assert_int_not_equal(import_file(s, path, &o, &r, &e), 0);
	assert_int_equal(e.code, SIKS_EFORMAT);
	assert_non_null(strstr(e.msg, "nomor_nik"));
	imp_result_free(&r);
	/* a broken mapping file names its line */
	f = fopen(map, "w");
	fprintf(f, "NIK ART,nomor_nik\nNama ART,nama_panggilan\n");
	fclose(f);
	o.map_path = map;
	assert_int_not_equal(import_file(s, path, &o, &r, &e), 0);
	assert_non_null(strstr(e.msg, "baris 2"));
	imp_result_free(&r);
	siks_close(s);
}

/* Damaged structure: an unclosed quote, a row with too many columns, a
 * duplicate NIK in the file, a missing file. */
static void test_damaged_file(void **state)
{
	(void)state;
	char buf[FX_NCOLS][64];
	const char *v[FX_NCOLS];
	strbuf b = { 0 };
	sb_add(&b, FX_COLS "\n");
	for (int r = 0; r < 4; r++) {
		fx_row(r, buf, v);
		fx_add_row(&b, v, FX_NCOLS, ',');
	}
	fx_row(3, buf, v); /* the same child again, line 6 */
	fx_add_row(&b, v, FX_NCOLS, ',');
	sb_add(&b, "a,b,c,d,e,f,g,h,i,j,k,l,m,n\n"); /* line 7: 14 columns */
	sb_add(&b, "x,\"never closed\n");           /* line 8 */
	const char *path = tmp("damaged.csv");
	fx_write(path, b.p, b.n, CS_UTF8);
	sb_free(&b);
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	imp_result r;
	assert_int_equal(do_import(s, path, 0, &r), 0);
	assert_int_equal(r.rows, 7);
	assert_int_equal(r.rows_rejected, 3);
	assert_int_equal(r.mem_new, 4);
	assert_int_equal(r.np, 3);
	assert_int_equal(r.p[0].line, 6);
	assert_non_null(strstr(r.p[0].reason, "baris 5"));
	assert_int_equal(r.p[1].line, 7);
	assert_int_equal(r.p[2].line, 8);
	imp_result_free(&r);
	siks_err e;
	imp_opts o = { 0, NULL, CS_AUTO, 0 };
	assert_int_equal(import_file(s, tmp("nothing-here.csv"), &o, &r, &e), SIKS_ENOTFOUND);
	imp_result_free(&r);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_charset_and_separator),
		cmocka_unit_test(test_reimport_and_update),
		cmocka_unit_test(test_mistakes_named),
		cmocka_unit_test(test_household_rules),
		cmocka_unit_test(test_spreadsheet_habits_and_map),
		cmocka_unit_test(test_damaged_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
