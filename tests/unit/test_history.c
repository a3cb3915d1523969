/* test_history.c — the change history read from the audit trail: per
 * household (with its members), by date and operator, and its CSV export. */
#include "testutil.h"
#include "siks/auth.h"
#include "siks/history.h"
#include "siks/platform.h"

struct rows {
	int n;
	char fields[32][32];
	char olds[32][64];
	char news[32][64];
	char who[32][64];
	char ops[32][64];
};

static int grab(void *ctx, const history_row *r)
{
	struct rows *g = ctx;
	if (g->n < 32) {
		snprintf(g->fields[g->n], 32, "%s", r->field);
		snprintf(g->olds[g->n], 64, "%s", r->old_value);
		snprintf(g->news[g->n], 64, "%.63s", r->new_value);
		snprintf(g->who[g->n], 64, "%s", r->who);
		snprintf(g->ops[g->n], 64, "%s", r->operator_name);
	}
	g->n++;
	return 0;
}

static void test_household_history(void **st)
{
	(void)st;
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_err e = { 0 };
	assert_int_equal(auth_operator_add(s, "Admin", SIKS_OP_ADMIN, "9999", &e), 0);
	assert_int_equal(auth_login(s, "Admin", "9999", &e), 0);
	assert_int_equal(auth_operator_add(s, "Siti", SIKS_OP_DESA, "1234", &e), 0);
	assert_int_equal(auth_login(s, "Siti", "1234", &e), 0);
	char a[33], b[33], m[33];
	tu_household(s, "Krajan", 3, a);
	tu_household(s, "Lao'", 4, b);
	tu_member(s, a, "3528014501900012", "Siti Aminah", 2, "1990-01-05", 1, m);
	assert_int_equal(rec_save_field(s, "household", a, "rt", "7", &e), 0);
	assert_int_equal(rec_save_field(s, "member", m, "nama", "Siti Aminah Zahro", &e), 0);
	assert_int_equal(rec_save_field(s, "household", b, "rt", "9", &e), 0);

	struct rows g = { 0 };
	history_filter f = { .household = a };
	assert_int_equal(history_each(s, &f, grab, &g, &e), 0);
	/* new household, new member, rt 3 -> 7, nama changed; nothing of b */
	assert_int_equal(g.n, 4);
	assert_string_equal(g.fields[0], "*");
	assert_string_equal(g.fields[2], "rt");
	assert_string_equal(g.olds[2], "3");
	assert_string_equal(g.news[2], "7");
	assert_string_equal(g.fields[3], "nama");
	assert_string_equal(g.olds[3], "Siti Aminah");
	assert_string_equal(g.news[3], "Siti Aminah Zahro");
	assert_string_equal(g.who[3], "Siti Aminah Zahro");
	for (int i = 0; i < 4; i++)
		assert_string_equal(g.ops[i], "Siti");
	assert_int_equal(history_count(s, &f, &e), 4);

	/* one record */
	history_filter fr = { .record = b };
	assert_int_equal(history_count(s, &fr, &e), 2);
	/* by operator: Admin made the Siti account only */
	history_filter fo = { .operator_name = "admin" };
	assert_int_equal(history_count(s, &fo, &e), 1);
	/* by date: all today (SIKSDESA_NOW fixes only the date rules; audit
	 * rows carry the real clock), none in 2001 */
	char today[20];
	plat_timestamp(today);
	today[10] = '\0';
	history_filter fd = { .from = today, .to = today };
	assert_int_equal(history_count(s, &fd, &e), history_count(s, NULL, &e));
	history_filter old = { .from = "01-01-2001", .to = "2001-12-31" };
	assert_int_equal(history_count(s, &old, &e), 0);
	history_filter bad = { .from = "2026-02-30" };
	assert_int_equal(history_each(s, &bad, grab, &g, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "from");
	siks_close(s);
}

static void test_csv_export(void **st)
{
	(void)st;
	char dir[64], path[128];
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_err e = { 0 };
	char a[33], m[33];
	tu_household(s, "Krajan", 3, a);
	tu_member(s, a, "3528014501900012", "=HYPERLINK(\"x\")", 2, "1990-01-05", 1, m);
	assert_int_equal(rec_save_field(s, "household", a, "alamat", "Jl. Raya, No. 5", &e), 0);
	tu_tmpdir(dir);
	snprintf(path, sizeof path, "%s/riwayat.csv", dir);
	history_filter f = { .household = a };
	int64_t rows = 0;
	assert_int_equal(history_export_csv(s, &f, path, &rows, &e), 0);
	assert_int_equal(rows, 3);
	char *buf;
	size_t len;
	assert_int_equal(plat_read_file(path, &buf, &len, &e), 0);
	assert_int_equal(strncmp(buf, "waktu,operator,tabel,rekaman,nama,kolom,nilai lama,nilai baru\r\n", 63), 0);
	assert_non_null(strstr(buf, "\"Jl. Raya, No. 5\""));
	/* a cell a spreadsheet would run is kept as text */
	assert_non_null(strstr(buf, "\"'=HYPERLINK(\"\"x\"\")\""));
	free(buf);
	/* the export itself is in the audit trail */
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE tbl='export' AND new LIKE '%riwayat.csv%'", 0), 1);
	/* a folder that does not exist: nothing written, nothing audited */
	assert_int_not_equal(history_export_csv(s, &f, "/tmp/tidak/ada/x.csv", &rows, &e), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE tbl='export'", 0), 1);
	/* refused for a role without export */
	assert_int_equal(auth_operator_add(s, "Admin", SIKS_OP_ADMIN, "9999", &e), 0);
	assert_int_equal(auth_login(s, "Admin", "9999", &e), 0);
	assert_int_equal(auth_operator_add(s, "Pak Guru", SIKS_OP_PELATIH, "1234", &e), 0);
	assert_int_equal(auth_login(s, "Pak Guru", "1234", &e), 0);
	assert_int_equal(history_export_csv(s, &f, path, &rows, &e), SIKS_EPERM);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_household_history),
		cmocka_unit_test(test_csv_export),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
