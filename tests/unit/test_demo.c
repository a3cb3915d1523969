/* test_demo.c — the demo village is the same on every run, is written
 * through the audited write path, and `check` finds exactly the planted
 * mistakes in it: each of them, and nothing else. */
#include "testutil.h"
#include "siks/demo.h"
#include "siks/validate.h"

/* FNV-1a over every column of every row of a query. */
static uint64_t digest(siks *s, const char *sql, uint64_t h)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			const unsigned char *v = sqlite3_column_text(st, c);
			for (const unsigned char *p = v ? v : (const unsigned char *)"\1NULL"; *p; p++)
				h = (h ^ *p) * 0x100000001b3u;
			h = (h ^ 0x1f) * 0x100000001b3u;
		}
		h = (h ^ 0x1e) * 0x100000001b3u;
	}
	sqlite3_finalize(st);
	return h;
}

static uint64_t demo_digest(siks *s)
{
	uint64_t h = 0xcbf29ce484222325u;
	h = digest(s, "SELECT * FROM household ORDER BY id", h);
	h = digest(s, "SELECT * FROM member ORDER BY id", h);
	h = digest(s, "SELECT * FROM program ORDER BY id", h);
	h = digest(s, "SELECT * FROM usulan ORDER BY id", h);
	return h;
}

static siks *make_demo(demo_info *info)
{
	siks *s = tu_open(0, NULL);
	siks_err e = { 0 };
	int rc = demo_build(s, info, &e);
	if (rc)
		fprintf(stderr, "demo: %s\n", e.msg);
	assert_int_equal(rc, 0);
	return s;
}

static void test_demo_deterministic(void **st)
{
	demo_info a, b;
	siks *s1 = make_demo(&a);
	siks *s2 = make_demo(&b);
	assert_int_equal(a.households, b.households);
	assert_int_equal(a.members, b.members);
	assert_true(a.households >= 280 && a.households <= 320);
	assert_true(a.members >= 1000 && a.members <= 1200);
	assert_true(a.programs > 50);
	assert_true(a.usulan >= 5);
	assert_int_equal(db_int(s1, "SELECT count(*) FROM member", 0), a.members);
	assert_int_equal(db_int(s1, "SELECT count(*) FROM musdes", 0), 1);
	uint64_t d1 = demo_digest(s1), d2 = demo_digest(s2);
	assert_true(d1 == d2);
	/* the digest does look at the data */
	siks_err e = { 0 };
	char id[33];
	snprintf(id, sizeof id, "%s", a.planted[0].record);
	assert_int_equal(rec_save_field(s2, "member", id, "nama", "Moh. Holis", &e), 0);
	assert_true(demo_digest(s2) != d1);
	/* two demo copies are still two sites */
	assert_string_not_equal(s1->site_id, s2->site_id);
	assert_string_equal(s1->site_kode, DEMO_KODE);
	assert_int_equal(s1->site_role, SIKS_SITE_DESA);
	siks_close(s1);
	siks_close(s2);
}

static void test_demo_audited(void **st)
{
	demo_info info;
	siks *s = make_demo(&info);
	/* every record went through rec_save: one audit row and one change row each */
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE tbl='member' AND field='*'", 0),
			 info.members);
	assert_int_equal(db_int(s, "SELECT count(*) FROM change WHERE tbl='household' AND field='*'", 0),
			 info.households);
	assert_true(db_int(s, "SELECT count(*) FROM wilayah WHERE level=3", 0) >= 13);
	/* most households were asked the yes/no criteria and scored; some are poor */
	long long scored = db_int(s, "SELECT count(DISTINCT household_id) FROM indicator_score", 0);
	assert_true(scored > info.households / 2 && scored < info.households);
	assert_true(db_int(s, "SELECT count(*) FROM indicator_score WHERE met >= threshold", 0) > 10);
	assert_true(db_int(s, "SELECT count(*) FROM indicator_answer", 0) > scored);
	/* a second demo into the same database is refused, and writes nothing */
	siks_err e = { 0 };
	demo_info again;
	assert_int_equal(demo_build(s, &again, &e), SIKS_EINVAL);
	assert_int_equal(db_int(s, "SELECT count(*) FROM household", 0), info.households);
	siks_close(s);
}

struct found {
	siks_finding v[64];
	int n;
};

static void collect(const siks_finding *fd, const char *hid, void *arg)
{
	struct found *f = arg;
	if (f->n < 64)
		f->v[f->n] = *fd;
	f->n++;
}

static int planted(const demo_info *info, const siks_finding *fd)
{
	for (int i = 0; i < info->nplanted; i++)
		if (strcmp(info->planted[i].rule, fd->rule) == 0 &&
		    strcmp(info->planted[i].record, fd->record) == 0 &&
		    strcmp(info->planted[i].table, fd->table) == 0 &&
		    info->planted[i].severity == fd->severity)
			return 1;
	return 0;
}

static void test_demo_check_finds_exactly_the_planted(void **st)
{
	demo_info info;
	siks *s = make_demo(&info);
	struct found f = { .n = 0 };
	siks_err e = { 0 };
	int errors = check_database(s, collect, &f, &e);

	/* the documented handful (docs/demo.md) */
	static const char *const rules[] = { "nik.birth", "nik.sex", "nik.duplicate", "nik.duplicate",
		"hh.head_many", "hh.head_none", "hh.child_age", "kk.short", "date.future", "nik.region" };
	int nrules = (int)(sizeof rules / sizeof *rules);
	assert_int_equal(info.nplanted, nrules);
	for (int i = 0; i < nrules; i++)
		assert_string_equal(info.planted[i].rule, rules[i]);

	for (int i = 0; i < f.n && i < 64; i++)
		if (!planted(&info, &f.v[i]))
			fprintf(stderr, "not planted: %s %s %s: %s\n", f.v[i].rule, f.v[i].table,
				f.v[i].record, f.v[i].msg);
	assert_int_equal(f.n, info.nplanted);
	for (int i = 0; i < f.n; i++)
		assert_true(planted(&info, &f.v[i]));
	/* and every planted one was found (no finding counted twice) */
	for (int k = 0; k < info.nplanted; k++) {
		int hits = 0;
		for (int i = 0; i < f.n; i++)
			hits += strcmp(info.planted[k].rule, f.v[i].rule) == 0 &&
				strcmp(info.planted[k].record, f.v[i].record) == 0;
		assert_int_equal(hits, 1);
	}
	assert_int_equal(errors, info.nplanted - 1);   /* nik.region is a warning */
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_deterministic),
		cmocka_unit_test(test_demo_audited),
		cmocka_unit_test(test_demo_check_finds_exactly_the_planted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
