/* test_export.c — export and back: CSV in every charset and separator
 * imports into an empty database as the same content (the demo village,
 * with every field); the XLSX holds NIK and No KK as text (checked with
 * LibreOffice when it is installed); files are written atomically. */
#include "testutil.h"
#include "siks/demo.h"
#include "siks/export.h"
#include "siks/import.h"
#include "siks/platform.h"
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

/* A register with everything filled: the fixture's 60 people imported, then
 * housing codes, a decimal floor area, a pregnancy, a name that looks like a
 * formula, and a member who died. */
static siks *source(void)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	strbuf b = { 0 };
	fx_text(&b, 60, ',');
	fx_write(tmp("src.csv"), b.p, b.n, CS_UTF8);
	sb_free(&b);
	imp_result r;
	siks_err e = { 0 };
	assert_int_equal(import_file(s, tmp("src.csv"), NULL, &r, &e), 0);
	assert_int_equal(r.mem_new, 60);
	imp_result_free(&r);
	assert_int_equal(db_exec(s, "SELECT 1", &e), 0);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT id FROM household ORDER BY id LIMIT 3", -1, &st, NULL), 0);
	int k = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		assert_int_equal(rec_save_field(s, "household", id, "luas_lantai", k ? "36.5" : "12", &e), 0);
		assert_int_equal(rec_save_field(s, "household", id, "lantai", "2", &e), 0);
		assert_int_equal(rec_save_field(s, "household", id, "aset_motor", "1", &e), 0);
		assert_int_equal(rec_save_field(s, "household", id, "catatan", k == 1 ? "=SUM(A1) bukan rumus" : "rumah; \"panggung\", kayu", &e), 0);
		k++;
	}
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT id FROM member WHERE shdk=3 ORDER BY nik LIMIT 2", -1, &st, NULL), 0);
	k = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		assert_int_equal(rec_save_field(s, "member", id, k ? "keberadaan" : "hamil", k ? "2" : "1", &e), 0);
		assert_int_equal(rec_save_field(s, "member", id, "pekerjaan", "3", &e), 0);
		k++;
	}
	sqlite3_finalize(st);
	return s;
}

static void test_csv_round_trip(void **state)
{
	(void)state;
	siks *s = source();
	char *want = fx_digest(s);
	static const int seps[] = { ',', ';', '\t', '|' };
	for (int cs = CS_UTF8; cs <= CS_CP1252; cs++) {
		const char *path = tmp("out.csv");
		exp_opts o = { cs, seps[cs % 4], NULL, NULL };
		siks_err e = { 0 };
		long rows;
		assert_int_equal(export_csv(s, path, &o, &rows, &e), 0);
		assert_int_equal(rows, 60);
		siks *t = tu_open(SIKS_SITE_DESA, NULL);
		imp_result r;
		assert_int_equal(import_file(t, path, NULL, &r, &e), 0);
		for (size_t i = 0; i < r.np; i++)
			fprintf(stderr, "line %ld %s: %s\n", r.p[i].line, r.p[i].column, r.p[i].reason);
		assert_int_equal(r.rows_rejected, 0);
		assert_int_equal(r.mem_new, 60);
		assert_string_equal(r.charset, charset_name(cs));
		imp_result_free(&r);
		char *got = fx_digest(t);
		assert_string_equal(got, want);
		free(got);
		siks_close(t);
	}
	/* the default: UTF-8 with BOM, comma; the formula-like note is guarded */
	const char *path = tmp("default.csv");
	siks_err e = { 0 };
	assert_int_equal(export_csv(s, path, NULL, NULL, &e), 0);
	char *text;
	size_t len;
	assert_int_equal(plat_read_file(path, &text, &len, &e), 0);
	assert_memory_equal(text, "\xEF\xBB\xBFiddtks,kode_desa,", 19);
	assert_non_null(strstr(text, ",'=SUM(A1) bukan rumus"));
	assert_null(strstr(text, ",=SUM"));
	free(text);
	/* each export leaves an audit row */
	assert_true(fx_count(s, "SELECT count(*) FROM audit WHERE tbl='export'") >= 6);
	free(want);
	siks_close(s);
}

static void test_demo_round_trip(void **state)
{
	(void)state;
	/* the demo village (with its planted mistakes the import would reject) */
	char p[128];
	siks *s = tu_open(0, p);
	siks_err e = { 0 };
	if (demo_build(s, NULL, &e) != 0) {
		fprintf(stderr, "demo: %s\n", e.msg);
		fail();
	}
	const char *path = tmp("demo.csv");
	long rows;
	assert_int_equal(export_csv(s, path, NULL, &rows, &e), 0);
	assert_int_equal(rows, fx_count(s, "SELECT count(*) FROM member"));
	siks *t = tu_open(SIKS_SITE_DESA, NULL);
	imp_result r;
	int rc = import_file(t, path, NULL, &r, &e);
	if (rc)
		fprintf(stderr, "import: %s\n", e.msg);
	assert_int_equal(rc, 0);
	/* every row comes back except the households the checks refuse */
	assert_true(r.rows == rows);
	assert_true(r.rows_rejected < rows / 20);
	assert_int_equal(r.mem_new, rows - r.rows_rejected);
	imp_result_free(&r);
	siks_close(t);
	siks_close(s);
}

static int have_soffice(void)
{
	return system("command -v soffice >/dev/null 2>&1") == 0;
}

static void test_xlsx(void **state)
{
	(void)state;
	siks *s = source();
	const char *path = tmp("out.xlsx");
	siks_err e = { 0 };
	long rows;
	assert_int_equal(export_xlsx(s, path, NULL, &rows, &e), 0);
	assert_int_equal(rows, 60);
	/* a zip, complete (the temporary name is gone) */
	char *data;
	size_t len;
	assert_int_equal(plat_read_file(path, &data, &len, &e), 0);
	assert_true(len > 2000);
	assert_memory_equal(data, "PK\3\4", 4);
	free(data);
	char probe[400];
	snprintf(probe, sizeof probe, "ls %s | grep -c tmp- >/dev/null", dir);
	assert_int_not_equal(system(probe), 0);

	if (!have_soffice()) {
		printf("test_xlsx: LibreOffice (soffice) not installed: skipped reading the XLSX back\n");
	} else {
		char cmd[1200];
		snprintf(cmd, sizeof cmd,
			 "cd %s && timeout 180 soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2' out.xlsx >/dev/null 2>&1",
			 dir);
		assert_int_equal(system(cmd), 0);
		/* sheet 2 (members) lands in out-Anggota.csv; check every NIK */
		char csvp[300];
		snprintf(csvp, sizeof csvp, "%s/out-Anggota.csv", dir);
		char *text;
		assert_int_equal(plat_read_file(csvp, &text, &len, &e), 0);
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT nik, no_kk FROM member", -1, &st, NULL), 0);
		while (sqlite3_step(st) == SQLITE_ROW) {
			assert_non_null(strstr(text, (const char *)sqlite3_column_text(st, 0)));
			assert_non_null(strstr(text, (const char *)sqlite3_column_text(st, 1)));
		}
		sqlite3_finalize(st);
		assert_null(strstr(text, "E+15"));
		free(text);
	}
	/* a folder that does not exist: an error, nothing left behind */
	assert_int_not_equal(export_xlsx(s, "/nonexistent-dir/x.xlsx", NULL, &rows, &e), 0);
	assert_int_not_equal(export_csv(s, "/nonexistent-dir/x.csv", NULL, &rows, &e), 0);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_round_trip),
		cmocka_unit_test(test_demo_round_trip),
		cmocka_unit_test(test_xlsx),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
