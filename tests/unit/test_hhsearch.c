/* test_hhsearch.c — the household search's plans give exactly what the plain
 * FTS query gives. A broad word walks the list in its sort order and tests
 * each household here; a narrow one gathers the index's matches; a walk
 * that would read too far hands over to gathering in the middle of a page.
 * Each way, every search below must list the same households in the same
 * order as the reference query (every word found in some search row of the
 * household, via hh_fts MATCH), forward and back, from any row, in each
 * sort, with each filter; the count stops past the cap. The limits are made
 * small (hhlist_tune) so that the plans switch on a register of a few
 * hundred households. Also: schema v10's member text follows renames, moves
 * and removals, and a v7 file upgrades to it. */
#include "testutil.h"
#include "siks/hhlist.h"
#include "siks/usulan.h"
#include "../../src/core/hhwords.h"

#define NH 260

static siks *db;
static char ids[NH][33];

static const char *const firsts[] = { "Siti", "Slamet", "Sri", "Ahmad", "Abdul", "Nur", "Fatimah", "Zainab",
	"Khoirul", "José", "Regapu’u", "Rofi'i", "Moh.", "Samsuri", "Bahri", "Ülfa" };
static const char *const lasts[] = { "Aminah", "Hasan", "Nur'aini", "Rahman", "Sholeh", "Syarifah", "Karim",
	"Latif", "Yusuf", "Haikal", "Arifin", "Wahid", "Maulana" };
static const char *const dusuns[] = { "Krajan", "Laok", "Dajah", "Temor" };

static void save_member(const char *hh, const char *nik, const char *kk, const char *nama, int shdk)
{
	siks_rec m;
	siks_err e = { 0 };
	assert_int_equal(rec_init(&m, "member"), 0);
	rec_set(&m, "household_id", hh);
	rec_set(&m, "nik", nik);
	rec_set(&m, "no_kk", kk);
	rec_set(&m, "nama", nama);
	rec_set_int(&m, "jenis_kelamin", shdk == 3 ? 2 : 1);
	rec_set(&m, "tanggal_lahir", "1980-01-01");
	rec_set_int(&m, "shdk", shdk);
	rec_set_int(&m, "keberadaan", 1);
	assert_int_equal(rec_save(db, &m, &e), 0);
	rec_free(&m);
}

static int setup(void **st)
{
	(void)st;
	db = tu_open(SIKS_SITE_DESA, NULL);
	siks_err e;
	unsigned seed = 11;
	assert_int_equal(db_begin(db, &e), 0);
	for (int i = 0; i < NH; i++) {
		siks_rec h;
		char addr[64], kk[48], nik[48], name[96];
		assert_int_equal(rec_init(&h, "household"), 0);
		rec_set(&h, "desa", "35.28.01.2001");
		rec_set(&h, "dusun", dusuns[i % 4]);
		rec_set_int(&h, "rt", i % 9 + 1);
		rec_set_int(&h, "rw", i % 3 + 1);
		snprintf(addr, sizeof addr, i % 17 == 0 ? "Gg. Ñangka %d" : "Jl. Mawar No. %d", i % 40 + 1);
		rec_set(&h, "alamat", addr);
		assert_int_equal(rec_save(db, &h, &e), 0);
		snprintf(ids[i], sizeof ids[i], "%s", h.id);
		rec_free(&h);
		if (i % 23 == 5) continue; /* a household without members yet */
		snprintf(kk, sizeof kk, "35280101%08d", i + 1);
		int members = 1 + i % 3;
		for (int j = 0; j < members; j++) {
			seed = seed * 1103515245u + 12345u;
			snprintf(nik, sizeof nik, "3528%02d%06u%04d", j + 1, (seed >> 12) % 1000000u, i + 1);
			/* some heads share a name: ties broken by id */
			if (j == 0 && i % 10 == 3) snprintf(name, sizeof name, "Siti Aminah");
			else snprintf(name, sizeof name, "%s %s", firsts[(seed >> 8) % 16], lasts[(seed >> 16) % 13]);
			save_member(ids[i], nik, kk, name, j == 0 ? 1 : 3);
		}
	}
	assert_int_equal(db_commit(db, &e), 0);
	/* errors, proposals and scores, for the filters and the score order
	 * (the derived list fields are set directly: the triggers that fill
	 * them are tested in test_hhlist.c) */
	for (int i = 0; i < NH; i += 7) assert_int_equal(hhlist_set_errors(db, ids[i], 1 + i % 2, &e), 0);
	for (int i = 2; i < NH; i += 11) {
		usulan_input in = { ids[i], NULL, USULAN_KELUAR, ALASAN_MAMPU, "uji" };
		assert_int_equal(usulan_add(db, &in, NULL, &e), 0);
	}
	assert_int_equal(db_exec(db, "UPDATE hhlist SET score = n % 15, total = 14, poor = (n % 15) >= 9 WHERE n % 3 <> 0", &e), 0);
	return 0;
}

static int teardown(void **st)
{
	(void)st;
	hhlist_tune(NULL);
	siks_close(db);
	return 0;
}

/* ---- the reference: the plain FTS query, every match gathered ---------- */

#define REF(SK) \
	"SELECT household_id, " SK " FROM hhlist WHERE (?1 = '' OR n IN (SELECT hh FROM json_each(?1) w" \
	" JOIN hh_fts ON hh_fts MATCH w.value GROUP BY hh HAVING count(DISTINCT w.key) = json_array_length(?1)))" \
	" AND (?3 IS NULL OR dusun = ?3) AND (?4 IS NULL OR poor = ?4) AND (?5 = 0 OR errors > 0)" \
	" AND (?6 IS NULL OR usulan_status = ?6) ORDER BY " SK ", household_id"

typedef struct idlist { int n; char id[NH][33]; } idlist;

static void ref_list(const hh_filter *f, idlist *out)
{
	static const char *const q[3] = { REF("sk_name"), REF("sk_addr"), REF("sk_score") };
	char expr[400], json[900] = "";
	hhlist_match_expr(f->search, expr, sizeof expr);
	if (expr[0]) { /* '"a"* "b"*' -> ["\"a\"*","\"b\"*"] */
		size_t o = 0;
		json[o++] = '[';
		for (const char *p = expr; *p;) {
			if (o > 1) json[o++] = ',';
			json[o++] = '"';
			for (; *p && *p != ' '; p++) {
				if (*p == '"') json[o++] = '\\';
				json[o++] = *p;
			}
			json[o++] = '"';
			while (*p == ' ') p++;
		}
		json[o++] = ']';
		json[o] = 0;
	}
	sqlite3_stmt *st = db_stmt(db, q[f->sort], NULL);
	assert_non_null(st);
	sqlite3_bind_text(st, 1, json, -1, SQLITE_TRANSIENT);
	db_bind_text_or_null(st, 3, f->dusun);
	if (f->poor >= 0) sqlite3_bind_int(st, 4, f->poor);
	else sqlite3_bind_null(st, 4);
	sqlite3_bind_int(st, 5, f->errors ? 1 : 0);
	if (f->usulan >= 0) sqlite3_bind_int(st, 6, f->usulan);
	else sqlite3_bind_null(st, 6);
	out->n = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out->id[out->n++], 33, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
}

/* ---- the checks --------------------------------------------------------- */

static void fail_at(const hh_filter *f, const char *what, int at)
{
	fail_msg("search \"%s\" sort %d dusun '%s' poor %d errors %d usulan %d: %s differs at %d", f->search, f->sort,
		 f->dusun, f->poor, f->errors, f->usulan, what, at);
}

/* Pages of k forward from the start, back from the end, and both ways from
 * a few rows in the middle: each must be the reference's slice. */
static void check_pages(const hh_filter *f, const idlist *ref, int k)
{
	hh_row page[32], from;
	siks_err e;
	int got = 0, n;
	const hh_row *at = NULL;
	while ((n = hhlist_fetch(db, f, at, +1, k, page, &e)) > 0) {
		for (int i = 0; i < n; i++)
			if (got + i >= ref->n || strcmp(page[i].id, ref->id[got + i]) != 0) fail_at(f, "forward", got + i);
		got += n;
		from = page[n - 1];
		at = &from;
	}
	if (n < 0 || got != ref->n) fail_at(f, "forward length", got);
	int left = ref->n;
	at = NULL;
	while ((n = hhlist_fetch(db, f, at, -1, k, page, &e)) > 0) {
		if (n > left) fail_at(f, "backward length", left);
		for (int i = 0; i < n; i++)
			if (strcmp(page[i].id, ref->id[left - n + i]) != 0) fail_at(f, "backward", left - n + i);
		left -= n;
		from = page[0];
		at = &from;
	}
	if (n < 0 || left != 0) fail_at(f, "backward length", left);
	/* from a row in the middle: the rows after it and before it */
	for (int r = ref->n / 3; r < ref->n; r += ref->n / 3 + 1) {
		assert_int_equal(hhlist_get(db, f, ref->id[r], &from), 0);
		n = hhlist_fetch(db, f, &from, +1, k, page, &e);
		if (n != (ref->n - r - 1 < k ? ref->n - r - 1 : k)) fail_at(f, "after a row: length", r);
		for (int i = 0; i < n; i++)
			if (strcmp(page[i].id, ref->id[r + 1 + i]) != 0) fail_at(f, "after a row", r + 1 + i);
		n = hhlist_fetch(db, f, &from, -1, k, page, &e);
		if (n != (r < k ? r : k)) fail_at(f, "before a row: length", r);
		for (int i = 0; i < n; i++)
			if (strcmp(page[i].id, ref->id[r - n + i]) != 0) fail_at(f, "before a row", r - n + i);
	}
}

static void check_count(const hh_filter *f, const idlist *ref, int cap)
{
	long c = hhlist_count(db, f);
	long want = f->search[0] && ref->n > cap ? cap + 1 : ref->n;
	if (c != want) fail_msg("search \"%s\": count %ld, want %ld (of %d)", f->search, c, want, ref->n);
}

static const char *const searches[] = {
	"s", "si", "sit", "siti", "a", "am", "k", "n", "z", "u", "3", "35", "3528", "352801", "35280101",
	"3528010100000", "3528010100000042", "mawar", "no", "krajan", "siti nur", "siti aminah", "nur'aini",
	"s a", "a s k", "siti zz", "zz", "regapu", "regapu’u", "jose", "JOSÉ", "ulfa", "ñangka", "’", "hasan 35",
	"12", "1", "sri   hasan", "q", "",
};
#define NSEARCH (int)(sizeof searches / sizeof *searches)

/* every search, sort and a filter each, under the plan and limits set */
static void check_all(int k, int cap)
{
	hh_filter f;
	static idlist reflist;
	idlist *ref = &reflist;
	for (int i = 0; i < NSEARCH; i++)
		for (int sort = 0; sort < 3; sort++)
			for (int filt = 0; filt < 4; filt++) {
				hh_filter_default(&f);
				f.sort = sort;
				snprintf(f.search, sizeof f.search, "%s", searches[i]);
				int which = filt == 0 ? -1 : (i + sort + filt) % 5;
				if (which == 0) snprintf(f.dusun, sizeof f.dusun, "%s", dusuns[i % 4]);
				if (which == 1) f.poor = (i + filt) % 2;
				if (which == 2) f.errors = 1;
				if (which == 3) f.usulan = 1;
				if (which == 4) f.usulan = 0;
				if (filt == 3) { /* two at once: each must still hold */
					snprintf(f.dusun, sizeof f.dusun, "%s", dusuns[(i + sort) % 4]);
					f.poor = (i + sort) % 2;
				}
				ref_list(&f, ref);
				check_pages(&f, ref, k);
				check_count(&f, ref, cap);
			}
}

/* The reference itself must be broad and narrow where this test needs it. */
static void test_reference_sizes(void **st)
{
	(void)st;
	hh_filter f;
	static idlist reflist;
	idlist *ref = &reflist;
	hh_filter_default(&f);
	snprintf(f.search, sizeof f.search, "s");
	ref_list(&f, ref);
	assert_true(ref->n > NH / 2);               /* broad */
	snprintf(f.search, sizeof f.search, "3528010100000042");
	ref_list(&f, ref);
	assert_int_equal(ref->n, 1);                 /* a No KK: one household */
	snprintf(f.search, sizeof f.search, "regapu’u");
	ref_list(&f, ref);
	assert_true(ref->n > 0 && ref->n < NH / 4);  /* a phrase of two tokens */
	snprintf(f.search, sizeof f.search, "jose");
	ref_list(&f, ref);
	assert_true(ref->n > 0);                     /* José, without the accent */
	snprintf(f.search, sizeof f.search, "’");
	ref_list(&f, ref);
	assert_int_equal(ref->n, 0);                 /* no token at all */
}

static void test_walk_only(void **st)
{
	(void)st;
	hhw_limits l = { 1000000, 1000000, 1, 1000000, 3000, 40, HHW_PLAN_WALK, 0 };
	hhlist_tune(&l);
	check_all(7, 40);
}

static void test_gather_only(void **st)
{
	(void)st;
	hhw_limits l = { 1500, 3000, 100, 20000, 8000, 40, HHW_PLAN_GATHER, 0 };
	hhlist_tune(&l);
	check_all(9, 40);
}

/* the walk gives up after a few rows, at different points of a page */
static void test_switching(void **st)
{
	(void)st;
	/* words of more than 20 index rows are broad: a page walks on up to 25
	 * rows before gathering by them; narrower ones are gathered at once */
	hhw_limits a = { 12, 30, 3, 25, 20, 40, HHW_PLAN_AUTO, 0 };
	hhlist_tune(&a);
	check_all(10, 40);
	hhw_limits b = { 60, 90, 5, 200, 60, 1000, HHW_PLAN_AUTO, 0 };
	hhlist_tune(&b);
	check_all(20, 1000);
	hhlist_tune(NULL);
	check_all(20, HH_COUNT_CAP);
}

/* a filter that keeps few households is read by its own index (schema v12):
 * with the limit low, some filters of check_all go that way and some walk;
 * with it high, all do; each page and count as the reference's */
static void test_few_filtered(void **st)
{
	(void)st;
	hhw_limits a = { 12, 30, 3, 25, 20, 40, HHW_PLAN_AUTO, 20 };
	hhlist_tune(&a);
	check_all(10, 40);
	hhw_limits b = { 1500, 3000, 100, 20000, 8000, HH_COUNT_CAP, HHW_PLAN_AUTO, 100000 };
	hhlist_tune(&b);
	check_all(7, HH_COUNT_CAP);
	hhw_limits c = { 1500, 3000, 100, 20000, 8000, 5, HHW_PLAN_AUTO, 100000 };
	hhlist_tune(&c);
	check_all(7, 5); /* a search's count stops past the cap here too */
	/* and it is the plan taken: a filter keeping nothing reads no list rows */
	hh_filter f;
	hh_filter_default(&f);
	f.poor = 1;
	snprintf(f.search, sizeof f.search, "s");
	assert_int_equal(db_exec(db, "UPDATE hhlist SET poor = NULL WHERE poor = 1", NULL), 0);
	hh_row page[4];
	siks_err e;
	for (sqlite3_stmt *q = sqlite3_next_stmt(db->db, NULL); q; q = sqlite3_next_stmt(db->db, q))
		sqlite3_stmt_status(q, SQLITE_STMTSTATUS_RUN, 1);
	assert_int_equal(hhlist_fetch(db, &f, NULL, +1, 4, page, &e), 0);
	assert_int_equal(hhlist_count(db, &f), 0);
	int few_runs = 0, list_runs = 0;
	for (sqlite3_stmt *q = sqlite3_next_stmt(db->db, NULL); q; q = sqlite3_next_stmt(db->db, q)) {
		int runs = sqlite3_stmt_status(q, SQLITE_STMTSTATUS_RUN, 0);
		if (strstr(sqlite3_sql(q), "INDEXED BY hhlist_poor")) few_runs += runs;
		else if (strstr(sqlite3_sql(q), "FROM hhlist WHERE")) list_runs += runs;
	}
	assert_true(few_runs >= 2);      /* the probe, the page, the count */
	assert_int_equal(list_runs, 0);  /* no walk, no gathering */
	hhlist_tune(NULL);
}

/* hhwords: typed words become the index's folded tokens; a word of no
 * token or of several (a phrase) is left to FTS5; text is scanned for
 * tokens beginning with each word. */
static void test_words(void **st)
{
	(void)st;
	hh_words w;
	char expr[400];
	hhlist_match_expr("JOSÉ ülfa 3528", expr, sizeof expr);
	assert_int_equal(hhw_open(db, expr, &w), 0);
	assert_int_equal(w.simple, 1);
	assert_int_equal(w.n, 3);
	assert_int_equal(w.len[0], 4);
	assert_memory_equal(w.tok[0], "jose", 4);
	assert_memory_equal(w.tok[1], "ulfa", 4);
	assert_string_equal(w.word[2], "\"3528\"*");
	const char *t = "Jl. Mawar  Bu Josephine Ulfah 3528010101800001";
	assert_int_equal(hhw_scan(&w, t, (int)strlen(t)), 7u);
	t = "Josh Ulfa 35";
	assert_int_equal(hhw_scan(&w, t, (int)strlen(t)), 2u);   /* "josh" is not "jose"*, "35" is short */
	t = "xjose ulfa";
	assert_int_equal(hhw_scan(&w, t, (int)strlen(t)), 2u);   /* a prefix of a token, not inside one */
	hhw_close(&w);
	hhlist_match_expr("regapu’u", expr, sizeof expr);         /* two tokens: a phrase */
	assert_int_equal(hhw_open(db, expr, &w), 0);
	assert_int_equal(w.simple, 0);
	hhw_close(&w);
	hhlist_match_expr("’", expr, sizeof expr);                /* no token */
	assert_int_equal(hhw_open(db, expr, &w), 0);
	assert_int_equal(w.simple, 0);
	hhw_close(&w);
	hhlist_match_expr("a b c d e f g h i j k l m n o p q", expr, sizeof expr);
	assert_int_equal(hhw_open(db, expr, &w), 0);
	assert_int_equal(w.simple, 0);                            /* more than HHW_MAX words */
	hhw_close(&w);
}

/* Schema v10's member text follows the members: renamed, moved to another
 * household, removed; both plans then agree with the reference. */
static void test_member_text_follows(void **st)
{
	(void)st;
	siks_err e;
	char mid[33];
	sqlite3_stmt *q = db_stmt(db, "SELECT id FROM member WHERE household_id = ?1 ORDER BY shdk DESC LIMIT 1", &e);
	sqlite3_bind_text(q, 1, ids[40], -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	snprintf(mid, sizeof mid, "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	assert_int_equal(rec_save_field(db, "member", mid, "nama", "Qomariyah Xenia", &e), 0);
	hh_filter f;
	hh_filter_default(&f);
	static idlist reflist;
	idlist *ref = &reflist;
	for (int plan = 1; plan <= 2; plan++) {
		hhw_limits l = { 1500, 3000, 100, 20000, 8000, HH_COUNT_CAP, plan, 0 };
		hhlist_tune(&l);
		snprintf(f.search, sizeof f.search, "xenia");
		ref_list(&f, ref);
		assert_int_equal(ref->n, 1);
		assert_string_equal(ref->id[0], ids[40]);
		check_pages(&f, ref, 5);
		check_count(&f, ref, HH_COUNT_CAP);
	}
	/* moved to household 41: found there, no longer in 40 */
	assert_int_equal(rec_save_field(db, "member", mid, "household_id", ids[41], &e), 0);
	for (int plan = 1; plan <= 2; plan++) {
		hhw_limits l = { 1500, 3000, 100, 20000, 8000, HH_COUNT_CAP, plan, 0 };
		hhlist_tune(&l);
		ref_list(&f, ref);
		assert_int_equal(ref->n, 1);
		assert_string_equal(ref->id[0], ids[41]);
		check_pages(&f, ref, 5);
		check_count(&f, ref, HH_COUNT_CAP);
	}
	/* removed (a sync or repair may delete a row): found nowhere; in a
	 * transaction, as the program writes (its end re-indexes hh_fts) */
	char sql[160];
	snprintf(sql, sizeof sql, "DELETE FROM member WHERE id = '%s'", mid);
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_exec(db, sql, &e), 0);
	assert_int_equal(db_commit(db, &e), 0);
	for (int plan = 1; plan <= 2; plan++) {
		hhw_limits l = { 1500, 3000, 100, 20000, 8000, HH_COUNT_CAP, plan, 0 };
		hhlist_tune(&l);
		ref_list(&f, ref);
		assert_int_equal(ref->n, 0);
		check_pages(&f, ref, 5);
		check_count(&f, ref, HH_COUNT_CAP);
	}
	/* member_text holds the household's members' text (appended as they
	 * come, rebuilt on a change: the same as gathering it anew) */
	assert_int_equal(db_int(db, "SELECT count(*) FROM hhlist WHERE member_text <> coalesce((SELECT group_concat("
				"coalesce(nama, '') || ' ' || coalesce(nik, '') || ' ' || coalesce(no_kk, ''), ' ')"
				" FROM member m WHERE m.household_id = hhlist.household_id), '')", -1), 0);
	hhlist_tune(NULL);
}

/* A file made by the previous version (schema 7) gets member_text on
 * opening, and its search answers as before. */
static void test_upgrade_from_v7(void **st)
{
	(void)st;
	char dir[64], path[128];
	tu_tmpdir(dir);
	snprintf(path, sizeof path, "%s/v7.db", dir);
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	for (int v = 1; v <= 7; v++) assert_int_equal(sqlite3_exec(raw, db_migration_sql(v), 0, 0, 0), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "PRAGMA user_version=7;"
		"INSERT INTO household(id, dusun, alamat) VALUES ('h1', 'Krajan', 'Jl. Mawar'), ('h2', 'Laok', 'Jl. Melati');"
		"INSERT INTO member(id, household_id, nik, no_kk, nama, shdk) VALUES"
		" ('m1', 'h1', '3528010101800001', '3528010101200001', 'Siti Aminah', 1),"
		" ('m2', 'h1', '3528014101800002', '3528010101200001', 'Slamet Riyadi', 4),"
		" ('m3', 'h2', '3528010101800003', '3528010101200002', 'Ahmad Sholeh', 1);", 0, 0, 0), SQLITE_OK);
	sqlite3_close(raw);
	siks *old = db;
	siks_err e;
	assert_int_equal(siks_open(&db, path, 0, &e), 0);
	assert_int_equal(db_int(db, "PRAGMA user_version", 0), db_migration_count());
	assert_int_equal(db_int(db, "SELECT count(*) FROM hhlist WHERE member_text LIKE '%Riyadi%'", 0), 1);
	hh_filter f;
	hh_filter_default(&f);
	static idlist reflist;
	idlist *ref = &reflist;
	static const char *const words[] = { "riyadi", "s", "sholeh", "352801410", "mawar slamet", "melati siti" };
	for (int plan = 1; plan <= 2; plan++)
		for (int i = 0; i < 6; i++) {
			hhw_limits l = { 1500, 3000, 100, 20000, 8000, HH_COUNT_CAP, plan, 0 };
		hhlist_tune(&l);
			snprintf(f.search, sizeof f.search, "%s", words[i]);
			ref_list(&f, ref);
			assert_int_equal(ref->n, i == 1 ? 2 : i == 5 ? 0 : 1);
			check_pages(&f, ref, 1);
			check_count(&f, ref, HH_COUNT_CAP);
		}
	hhlist_tune(NULL);
	siks_close(db);
	db = old;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_sizes),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_walk_only),
		cmocka_unit_test(test_gather_only),
		cmocka_unit_test(test_switching),
		cmocka_unit_test(test_few_filtered),
		cmocka_unit_test(test_member_text_follows),
		cmocka_unit_test(test_upgrade_from_v7),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
