/* test_hhlist.c — the household list core: rows kept by triggers, keyset
 * pages in each sort order (forward and back, no row lost or repeated),
 * search where any member matches (name, NIK, No KK, address), filters, and
 * the FTS query built so that no typed character is an operator. */
#include "testutil.h"
#include "siks/hhlist.h"
#include "siks/usulan.h"

#define N 57

static siks *db;
static char ids[N][33];

static void nik_of(int i, char out[17]) { snprintf(out, 17, "35280101018%05d", i + 1); }

static int setup(void **st)
{
	(void)st;
	db = tu_open(SIKS_SITE_DESA, NULL);
	siks_err e;
	assert_int_equal(db_begin(db, &e), 0);
	for (int i = 0; i < N; i++) {
		char name[64], nik[17], wife[17];
		tu_household(db, i % 3 == 0 ? "Krajan" : i % 3 == 1 ? "Laok" : "Dajah", (i * 7) % 11 + 1, ids[i]);
		snprintf(name, sizeof name, "Kepala %02d %s", (i * 31) % N, i == 5 ? "Regapu’u" : "");
		nik_of(i, nik);
		tu_member(db, ids[i], nik, name, 1, "1980-01-01", 1, NULL);
		snprintf(wife, sizeof wife, "35280141018%05d", i + 1);
		tu_member(db, ids[i], wife, i == 9 ? "Siti Nur'aini" : "Istri", 2, "1980-01-01", 3, NULL);
	}
	assert_int_equal(db_commit(db, &e), 0);
	return 0;
}

static int teardown(void **st)
{
	(void)st;
	siks_close(db);
	return 0;
}

/* Walks the whole list forward in pages of k, then backward, checking order. */
static void walk(hh_filter *f, int k, int expect)
{
	hh_row page[16], last;
	int total = 0, n;
	siks_err e;
	char seen[N] = { 0 };
	const hh_row *from = NULL;
	char prev[200] = "";
	char previd[33] = "";
	while ((n = hhlist_fetch(db, f, from, +1, k, page, &e)) > 0) {
		for (int i = 0; i < n; i++) {
			int c = strcmp(page[i].key, prev);
			assert_true(c > 0 || (c == 0 && strcmp(page[i].id, previd) > 0));
			snprintf(prev, sizeof prev, "%s", page[i].key);
			snprintf(previd, sizeof previd, "%s", page[i].id);
			for (int j = 0; j < N; j++)
				if (strcmp(ids[j], page[i].id) == 0) { assert_int_equal(seen[j], 0); seen[j] = 1; }
		}
		total += n;
		last = page[n - 1];
		from = &last;
	}
	assert_int_equal(n, 0);
	assert_int_equal(total, expect);
	assert_int_equal(hhlist_count(db, f), expect);
	/* and back from the end: the same rows in reverse */
	int back = 0;
	from = NULL;
	while ((n = hhlist_fetch(db, f, from, -1, k, page, &e)) > 0) {
		for (int i = 1; i < n; i++) assert_true(strcmp(page[i - 1].key, page[i].key) <= 0);
		back += n;
		last = page[0];
		from = &last;
	}
	assert_int_equal(back, expect);
}

static void test_pages_each_sort(void **st)
{
	(void)st;
	hh_filter f;
	hh_filter_default(&f);
	for (int sort = 0; sort < 3; sort++) {
		f.sort = sort;
		walk(&f, 1, N);
		walk(&f, 7, N);
		walk(&f, 16, N);
	}
	/* by name: "Kepala 00" first */
	hh_row r[2];
	siks_err e;
	f.sort = HH_SORT_NAME;
	assert_int_equal(hhlist_fetch(db, &f, NULL, +1, 2, r, &e), 2);
	assert_string_equal(r[0].head, "Kepala 00 ");
	assert_int_equal(r[0].present, 2);
	assert_int_equal(r[0].members, 2);
	assert_int_equal(r[0].score, -1);
	assert_int_equal(r[0].errors, -1);
	/* by address: Dajah before Krajan before Laok */
	f.sort = HH_SORT_ADDRESS;
	assert_int_equal(hhlist_fetch(db, &f, NULL, +1, 1, r, &e), 1);
	assert_string_equal(r[0].dusun, "Dajah");
	assert_int_equal(hhlist_fetch(db, &f, NULL, -1, 1, r, &e), 1);
	assert_string_equal(r[0].dusun, "Laok");
}

static int count(const char *search)
{
	hh_filter f;
	hh_filter_default(&f);
	snprintf(f.search, sizeof f.search, "%s", search);
	return (int)hhlist_count(db, &f);
}

static void test_search_any_member(void **st)
{
	(void)st;
	char nik[17];
	assert_int_equal(count("kepala"), N);
	assert_int_equal(count("nur'aini"), 1);     /* the wife's name finds the household */
	assert_int_equal(count("SITI nur"), 1);
	assert_int_equal(count("regapu"), 1);
	assert_int_equal(count("regapu’u"), 1);
	nik_of(41, nik);
	assert_int_equal(count(nik), 1);             /* a whole NIK */
	assert_int_equal(count("3528014101800004"), 1); /* a wife's NIK */
	assert_int_equal(count("352801010180"), N);  /* a prefix */
	assert_int_equal(count("3528010101200001"), N); /* the No KK */
	assert_int_equal(count("tlanakan"), N);      /* the address */
	assert_int_equal(count("laok"), N / 3 + (N % 3 > 1));
	assert_int_equal(count("zzz"), 0);
	/* FTS operators and quotes typed by the operator are just text */
	assert_int_equal(count("\"kepala"), N);
	assert_int_equal(count("kepala OR"), 0);
	assert_int_equal(count("NOT kepala"), 0);
	assert_int_equal(count("kepala*"), N);
	assert_int_equal(count("(kepala"), N);
	assert_int_equal(count("' OR 1=1 --"), 0);
	assert_int_equal(count("   "), N);         /* no words: everything */
	char q[100];
	hhlist_match_expr("siti \"nur\" OR x*", q, sizeof q);
	assert_string_equal(q, "\"siti\"* \"nur\"* \"OR\"* \"x\"*");
}

static void test_filters_and_triggers(void **st)
{
	(void)st;
	hh_filter f;
	siks_err e;
	hh_filter_default(&f);
	snprintf(f.dusun, sizeof f.dusun, "Krajan");
	assert_int_equal(hhlist_count(db, &f), (N + 2) / 3);
	char dus[8][48];
	assert_int_equal(hhlist_dusun(db, dus, 8), 3);
	assert_string_equal(dus[0], "Dajah");
	hh_filter_default(&f);
	f.errors = 1;
	assert_int_equal(hhlist_count(db, &f), 0);
	assert_int_equal(hhlist_set_errors(db, ids[3], 2, &e), 0);
	assert_int_equal(hhlist_count(db, &f), 1);
	/* a proposal shows on its household's row and in the filter */
	hh_filter_default(&f);
	f.usulan = 1;
	assert_int_equal(hhlist_count(db, &f), 0);
	usulan_input in = { ids[7], NULL, USULAN_KELUAR, ALASAN_MAMPU, "uji" };
	assert_int_equal(usulan_add(db, &in, NULL, &e), 0);
	assert_int_equal(hhlist_count(db, &f), 1);
	hh_row r;
	assert_int_equal(hhlist_get(db, &f, ids[7], &r), 0);
	assert_int_equal(r.usulan_status, 1);
	/* a member who moved is no longer present; renaming the head re-sorts */
	siks_rec m;
	char mid[33];
	sqlite3_stmt *q = db_stmt(db, "SELECT id FROM member WHERE household_id = ?1 AND shdk = 3", &e);
	sqlite3_bind_text(q, 1, ids[7], -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	snprintf(mid, sizeof mid, "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	assert_int_equal(rec_save_field(db, "member", mid, "keberadaan", "3", &e), 0);
	assert_int_equal(hhlist_get(db, &f, ids[7], &r), 0);
	assert_int_equal(r.present, 1);
	assert_int_equal(r.members, 2);
	assert_int_equal(rec_load(db, &m, "member", mid, &e), 0);
	rec_free(&m);
	q = db_stmt(db, "SELECT id FROM member WHERE household_id = ?1 AND shdk = 1", &e);
	sqlite3_bind_text(q, 1, ids[7], -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	snprintf(mid, sizeof mid, "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	assert_int_equal(rec_save_field(db, "member", mid, "nama", "Aaron Awal", &e), 0);
	hh_filter_default(&f);
	assert_int_equal(hhlist_fetch(db, &f, NULL, +1, 1, &r, &e), 1);
	assert_string_equal(r.id, ids[7]);
	assert_string_equal(r.head, "Aaron Awal");
	assert_int_equal(count("aaron"), 1);
	assert_int_equal(count("kepala"), N - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pages_each_sort),
		cmocka_unit_test(test_search_any_member),
		cmocka_unit_test(test_filters_and_triggers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
