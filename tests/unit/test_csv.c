/* test_csv.c — the delimited-text reader: separators, quoting, line ends,
 * line numbers, damaged input, streaming, and the field writer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "siks/csv.h"
#include "siks/charset.h"

static csv_reader *mem(const char *s, int sep)
{
	siks_err e;
	csv_reader *r = csv_open_mem(s, strlen(s), CS_AUTO, sep, &e);
	assert_non_null(r);
	return r;
}

/* Reads one row and checks its values (NULL-terminated list). */
static void expect_row(csv_reader *r, long line, ...)
{
	csv_row row;
	siks_err e;
	va_list ap;
	size_t i = 0;
	const char *v;
	assert_int_equal(csv_next(r, &row, &e), 1);
	assert_int_equal(row.line, line);
	va_start(ap, line);
	while ((v = va_arg(ap, const char *)) != NULL) {
		assert_true(i < row.n);
		assert_string_equal(row.f[i], v);
		assert_int_equal(row.len[i], strlen(v));
		i++;
	}
	va_end(ap);
	assert_int_equal(row.n, i);
}

static void expect_end(csv_reader *r)
{
	csv_row row;
	siks_err e;
	assert_int_equal(csv_next(r, &row, &e), 0);
	assert_int_equal(csv_next(r, &row, &e), 0);
}

static void test_separators(void **state)
{
	(void)state;
	static const char *const files[] = {
		"nama,nik,rt\nAni,1,2\n", "nama;nik;rt\nAni;1;2\n",
		"nama\tnik\trt\nAni\t1\t2\n", "nama|nik|rt\nAni|1|2\n",
	};
	static const int seps[] = { ',', ';', '\t', '|' };
	for (int i = 0; i < 4; i++) {
		csv_reader *r = mem(files[i], 0);
		assert_int_equal(csv_sep(r), seps[i]);
		expect_row(r, 1, "nama", "nik", "rt", NULL);
		expect_row(r, 2, "Ani", "1", "2", NULL);
		expect_end(r);
		csv_close(r);
	}
	/* the header's separator wins over commas inside the data */
	csv_reader *r = mem("nama;alamat\n\"Ani, S.Pd\";Jl. Raya, 5\n", 0);
	assert_int_equal(csv_sep(r), ';');
	expect_row(r, 1, "nama", "alamat", NULL);
	expect_row(r, 2, "Ani, S.Pd", "Jl. Raya, 5", NULL);
	csv_close(r);
	/* a separator inside a quoted header name does not count */
	r = mem("\"a;b;c\",d\n", 0);
	assert_int_equal(csv_sep(r), ',');
	csv_close(r);
	/* one column: comma */
	r = mem("nama\nAni\n", 0);
	assert_int_equal(csv_sep(r), ',');
	csv_close(r);
	/* told the separator: detection is skipped */
	r = mem("a;b,c\n", ',');
	expect_row(r, 1, "a;b", "c", NULL);
	csv_close(r);
	assert_int_equal(csv_sep_from_name("tab"), '\t');
	assert_int_equal(csv_sep_from_name(";"), ';');
	assert_int_equal(csv_sep_from_name("pipe"), '|');
	assert_int_equal(csv_sep_from_name("x"), 0);
}

static void test_quotes_and_line_ends(void **state)
{
	(void)state;
	csv_reader *r = mem("a,b,c\r\n"
			    "\"Nur\"\"aini\",\"x,y\",\"\"\r\n"
			    "\"two\nlines\",\"and\r\nthree\nlines\",z\r\n"
			    "last,\"\",end", 0);
	expect_row(r, 1, "a", "b", "c", NULL);
	expect_row(r, 2, "Nur\"aini", "x,y", "", NULL);
	expect_row(r, 3, "two\nlines", "and\r\nthree\nlines", "z", NULL);
	expect_row(r, 7, "last", "", "end", NULL);
	expect_end(r);
	csv_close(r);
	/* old Mac line ends, blank lines (skipped), a trailing separator */
	r = mem("a,b\r\r1,2,\r\n\n\n3,4\n\n", 0);
	expect_row(r, 1, "a", "b", NULL);
	expect_row(r, 3, "1", "2", "", NULL);
	expect_row(r, 6, "3", "4", NULL);
	expect_end(r);
	csv_close(r);
	/* a quote in the middle of an unquoted value is plain text */
	r = mem("Abdul \"Dul\" Karim,x\n", ',');
	expect_row(r, 1, "Abdul \"Dul\" Karim", "x", NULL);
	csv_close(r);
}

static void test_damaged_quotes(void **state)
{
	(void)state;
	csv_row row;
	siks_err e;
	csv_reader *r = mem("a,b\n\"x\"y,2\n\"open,3\n4,5\n", 0);
	expect_row(r, 1, "a", "b", NULL);
	assert_int_equal(csv_next(r, &row, &e), 1);
	assert_int_equal(row.flags, CSV_ROW_BAD_QUOTE);
	assert_string_equal(row.f[0], "xy");
	assert_int_equal(csv_next(r, &row, &e), 1);
	assert_int_equal(row.line, 3);
	assert_true(row.flags & CSV_ROW_OPEN_QUOTE);
	assert_int_equal(row.n, 1);
	assert_string_equal(row.f[0], "open,3\n4,5\n");
	expect_end(r);
	csv_close(r);

	/* an unclosed quote in a big file ends in a clear error, not in memory exhaustion */
	size_t n = CSV_MAX_FIELD + 1000;
	char *big = malloc(n + 1);
	memset(big, 'x', n);
	memcpy(big, "a\n\"", 3);
	big[n] = 0;
	r = mem(big, ',');
	expect_row(r, 1, "a", NULL);
	assert_int_equal(csv_next(r, &row, &e), -1);
	assert_int_equal(e.code, SIKS_EFORMAT);
	assert_non_null(strstr(e.msg, "2"));
	csv_close(r);
	free(big);

	/* too many columns */
	char *wide = malloc(CSV_MAX_FIELDS * 2 + 10);
	for (int i = 0; i < CSV_MAX_FIELDS + 1; i++)
		memcpy(wide + 2 * i, "x,", 2);
	wide[2 * (CSV_MAX_FIELDS + 1)] = 0;
	r = mem(wide, ',');
	assert_int_equal(csv_next(r, &row, &e), -1);
	assert_int_equal(e.code, SIKS_EFORMAT);
	csv_close(r);
	free(wide);
}

static void test_nul_and_bom(void **state)
{
	(void)state;
	siks_err e;
	static const char data[] = "\xEF\xBB\xBFnama,x\nA\0B,1\n";
	csv_reader *r = csv_open_mem(data, sizeof data - 1, CS_AUTO, 0, &e);
	assert_non_null(r);
	assert_int_equal(csv_charset(r), CS_UTF8_BOM);
	expect_row(r, 1, "nama", "x", NULL); /* the BOM is not part of the first name */
	expect_row(r, 2, "A\xEF\xBF\xBD" "B", "1", NULL);
	csv_close(r);
}

/* The writer quotes exactly when needed and the reader gives back the values. */
static void test_writer_round_trip(void **state)
{
	(void)state;
	static const char *const vals[] = {
		"plain", "", "with,comma", "with;semi", "quote\"inside", "two\nlines",
		" lead", "trail ", "Nur'aini", "tab\there", "pipe|x", "cr\rx",
	};
	static const int seps[] = { ',', ';', '\t', '|' };
	size_t nv = sizeof vals / sizeof vals[0];
	siks_err e;
	for (int s = 0; s < 4; s++) {
		strbuf b = { 0 };
		char sepc = (char)seps[s];
		for (int row = 0; row < 3; row++) {
			for (size_t i = 0; i < nv; i++) {
				if (i)
					sb_addn(&b, &sepc, 1);
				csv_add_field(&b, vals[i], seps[s]);
			}
			sb_addn(&b, &sepc, 1);
			csv_add_field(&b, NULL, seps[s]);
			sb_add(&b, "\r\n");
		}
		assert_false(b.oom);
		char *out = b.p;
		size_t len = b.n;
		csv_reader *r = csv_open_mem(out, len, CS_UTF8, 0, &e);
		assert_int_equal(csv_sep(r), seps[s]);
		csv_row rw;
		for (int row = 0; row < 3; row++) {
			assert_int_equal(csv_next(r, &rw, &e), 1);
			assert_int_equal(rw.n, nv + 1);
			assert_string_equal(rw.f[nv], "");
			assert_int_equal(rw.flags, 0);
			for (size_t i = 0; i < nv; i++)
				assert_string_equal(rw.f[i], vals[i]);
		}
		expect_end(r);
		csv_close(r);
		free(out);
	}
	strbuf b = { 0 };
	csv_add_field(&b, "a\"b", ',');
	csv_add_field(&b, "x", ',');
	assert_string_equal(b.p, "\"a\"\"b\"x");
	sb_free(&b);
}

static int count_rows(const csv_row *row, void *arg)
{
	long *n = arg;
	char want[32];
	snprintf(want, sizeof want, "%ld", row->rec);
	/* every row is the row number; line = rec + 1 */
	if (strcmp(row->f[0], want) != 0 || row->line != row->rec + 1 || row->n != 3)
		return 99;
	(*n)++;
	return *n == 150000 ? 7 : 0;
}

/* 200,000 rows from a file through the callback; line numbers stay right
 * across window boundaries, and a nonzero return stops the walk. */
static void test_stream_file(void **state)
{
	(void)state;
	const char *dir = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/siks_csv_XXXXXX", dir ? dir : "/tmp");
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");
	fprintf(fp, "0;nama;nik\r\n");
	for (long i = 1; i < 200000; i++)
		fprintf(fp, "%ld;\"Nama \"\"%ld\"\"\";35280101019%05ld\r\n", i, i, i % 100000);
	fclose(fp);
	siks_err e;
	csv_reader *r = csv_open_file(path, CS_AUTO, 0, &e);
	assert_non_null(r);
	long n = 0;
	assert_int_equal(csv_each(r, count_rows, &n, &e), 7);
	assert_int_equal(n, 150000);
	csv_row row;
	assert_int_equal(csv_next(r, &row, &e), 1);
	assert_string_equal(row.f[1], "Nama \"150000\"");
	csv_close(r);
	r = csv_open_file(path, CS_AUTO, 0, &e);
	n = 0;
	assert_int_equal(csv_each(r, count_rows, &n, &e), 7);
	csv_close(r);
	unlink(path);
}

/* A file of multi-byte names larger than the first window: the window is
 * filled to its last whole character, never asked for less than one. */
static void test_multibyte_window(void **state)
{
	(void)state;
	strbuf b = { 0 };
	sb_add(&b, "nama;x\n");
	for (int i = 0; i < 30000; i++)
		sb_addf(&b, "Jos\xC3\xA9 M\xC3\xBCller %d;\xE2\x82\xAC\n", i);
	for (int off = 0; off < 4; off++) {
		siks_err e;
		strbuf c = { 0 };
		for (int k = 0; k < off; k++)
			sb_add(&c, "\xC3\xA9");
		sb_addn(&c, b.p, b.n);
		csv_reader *r = csv_open_mem(c.p, c.n, CS_UTF8, 0, &e);
		assert_non_null(r);
		csv_row row;
		long n = 0;
		int rc;
		while ((rc = csv_next(r, &row, &e)) == 1)
			n++;
		assert_int_equal(rc, 0);
		assert_int_equal(n, 30001);
		csv_close(r);
		sb_free(&c);
	}
	sb_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_separators),
		cmocka_unit_test(test_quotes_and_line_ends),
		cmocka_unit_test(test_damaged_quotes),
		cmocka_unit_test(test_nul_and_bom),
		cmocka_unit_test(test_writer_round_trip),
		cmocka_unit_test(test_stream_file),
		cmocka_unit_test(test_multibyte_window),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
