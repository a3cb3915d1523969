/* hhlist.c — keyset-paged, searchable household list (see hhlist.h).
 * Every statement is a literal chosen from a table by sort order, direction
 * and whether a search is active; user text only ever reaches SQLite as a
 * bound parameter. */
#include <stdio.h>
#include <string.h>
#include "siks/db.h"
#include "siks/hhlist.h"
#include "siks/i18n.h"
#include "siks/validate.h"
#include "hhwords.h"

#define COLS "household_id, head, coalesce(no_kk, ''), coalesce(dusun, ''), coalesce(rt, 0)," \
	" coalesce(rw, 0), present, members, coalesce(score, -1), coalesce(total, 0)," \
	" coalesce(poor, -1), usulan_status, coalesce(errors, -1)"
/* filters: ?3 dusun (NULL any), ?4 poor (NULL any), ?5 errors only, ?6 usulan (NULL any) */
#define FILTX "(?3 IS NULL OR dusun = ?3) AND (?4 IS NULL OR poor = ?4)" \
	" AND (?5 = 0 OR errors > 0) AND (?6 IS NULL OR usulan_status = ?6)"
#define FILT " AND " FILTX
/* ?7 is a JSON array of FTS terms, one a typed word ("nur"* "hasan"*): a
 * household matches when every word is found in it, each in any of its
 * search rows (a member's name, NIK, No KK, or the address) */
#define SRCH " n IN (SELECT hh FROM json_each(?7) w JOIN hh_fts ON hh_fts MATCH w.value" \
	" GROUP BY hh HAVING count(DISTINCT w.key) = json_array_length(?7))"
/* One word (the common case while typing, and the broadest): ?7 is the term
 * itself, and no grouping is needed. */
#define SRCH1 " n IN (SELECT hh FROM hh_fts WHERE hh_fts MATCH ?7)"

/* what hh_fts holds of a household: its address row and its members' rows
 * (schema v6); the members' text is kept in member_text (v10) */
#define TEXT "coalesce(alamat, '') || ' ' || coalesce(dusun, '') || ' ' || member_text"

/* a page: the row, its sort key (column 13) and its search text (14) */
#define Q(SK, SEARCH) { \
	"SELECT " COLS ", " SK ", " TEXT " FROM hhlist WHERE (" SK ", household_id) > (?1, ?2)" SEARCH FILT \
	" ORDER BY " SK ", household_id LIMIT ?8", \
	"SELECT " COLS ", " SK ", " TEXT " FROM hhlist WHERE (" SK ", household_id) < (?1, ?2)" SEARCH FILT \
	" ORDER BY " SK " DESC, household_id DESC LIMIT ?8" }

/* [sort][search: none, one word, several][dir] */
static const char *const sql[3][3][2] = {
	{ Q("sk_name", ""), Q("sk_name", " AND" SRCH1), Q("sk_name", " AND" SRCH) },
	{ Q("sk_addr", ""), Q("sk_addr", " AND" SRCH1), Q("sk_addr", " AND" SRCH) },
	{ Q("sk_score", ""), Q("sk_score", " AND" SRCH1), Q("sk_score", " AND" SRCH) },
};

static void match_json(const char *expr, char *out, size_t n);

/* The search kind for typed text (0 none, 1 one word, 2 several) and what
 * to bind as ?7: the term of one word, or the JSON array of several. */
static int search_kind(const char *typed, char *match, size_t n)
{
	char expr[400];
	hhlist_match_expr(typed, expr, sizeof expr);
	if (!expr[0]) {
		match[0] = 0;
		return 0;
	}
	if (!strchr(expr, ' ')) {
		snprintf(match, n, "%s", expr);
		return 1;
	}
	match_json(expr, match, n);
	return 2;
}

void hh_filter_default(hh_filter *f)
{
	memset(f, 0, sizeof *f);
	f->sort = HH_SORT_NAME;
	f->poor = -1;
	f->usulan = -1;
}

void hhlist_match_expr(const char *typed, char *out, size_t n)
{
	size_t o = 0;
	const unsigned char *p = (const unsigned char *)typed;
	out[0] = 0;
	while (*p) {
		/* a word: letters and digits (any non-ASCII byte belongs to a letter) */
		while (*p && !(*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
			p++;
		const unsigned char *w = p;
		while (*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z'))
			p++;
		size_t len = (size_t)(p - w);
		if (!len) continue;
		/* "word"* — quoted, so no typed text is an FTS5 operator */
		if (o + len + 6 >= n) break;
		if (o) out[o++] = ' ';
		out[o++] = '"';
		memcpy(out + o, w, len);
		o += len;
		out[o++] = '"';
		out[o++] = '*';
		out[o] = 0;
	}
}

/* '"nur"* "hasan"*' -> '["\\"nur\\"*","\\"hasan\\"*"]': the terms as a JSON
 * array for SRCH. The terms hold only letters and digits, so no escaping. */
static void match_json(const char *expr, char *out, size_t n)
{
	size_t o = 0;
	out[0] = 0;
	if (!*expr || n < 3)
		return;
	out[o++] = '[';
	for (const char *p = expr; *p && o + 8 < n;) {
		if (o > 1)
			out[o++] = ',';
		out[o++] = '"';
		while (*p && *p != ' ' && o + 5 < n) {
			if (*p == '"')
				out[o++] = '\\';
			out[o++] = *p++;
		}
		out[o++] = '"';
		while (*p == ' ')
			p++;
	}
	out[o++] = ']';
	out[o] = 0;
}

static void copy_col(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

static void read_row(sqlite3_stmt *st, hh_row *r)
{
	copy_col(st, 0, r->id, sizeof r->id);
	copy_col(st, 1, r->head, sizeof r->head);
	copy_col(st, 2, r->no_kk, sizeof r->no_kk);
	copy_col(st, 3, r->dusun, sizeof r->dusun);
	r->rt = sqlite3_column_int(st, 4);
	r->rw = sqlite3_column_int(st, 5);
	r->present = sqlite3_column_int(st, 6);
	r->members = sqlite3_column_int(st, 7);
	r->score = sqlite3_column_int(st, 8);
	r->total = sqlite3_column_int(st, 9);
	r->poor = sqlite3_column_int(st, 10);
	r->usulan_status = sqlite3_column_int(st, 11);
	r->errors = sqlite3_column_int(st, 12);
	copy_col(st, 13, r->key, sizeof r->key);
}

static void bind_filter(sqlite3_stmt *st, const hh_filter *f, const char *match)
{
	db_bind_text_or_null(st, 3, f->dusun);
	if (f->poor >= 0) sqlite3_bind_int(st, 4, f->poor);
	else sqlite3_bind_null(st, 4);
	sqlite3_bind_int(st, 5, f->errors ? 1 : 0);
	if (f->usulan >= 0) sqlite3_bind_int(st, 6, f->usulan);
	else sqlite3_bind_null(st, 6);
	if (match) sqlite3_bind_text(st, 7, match, -1, SQLITE_TRANSIENT);
}

static void bind_from(sqlite3_stmt *st, const hh_row *from, int dir)
{
	if (from) {
		sqlite3_bind_text(st, 1, from->key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, from->id, -1, SQLITE_TRANSIENT);
	} else if (dir > 0) {
		sqlite3_bind_text(st, 1, "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, "", -1, SQLITE_STATIC);
	} else {
		/* above every UTF-8 key: U+10FFFF */
		sqlite3_bind_text(st, 1, "\xF4\x8F\xBF\xBF", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, "\xF4\x8F\xBF\xBF", -1, SQLITE_STATIC);
	}
}

/* ---- search plans ------------------------------------------------------
 * Gathering: the query above collects every household a word matches, then
 * sorts them; right for a narrow search (a NIK, a No KK, a rare name), far
 * too slow for a broad one: a word of one or two letters matches most of a
 * large register.
 * Walking: the list is read in its own order (its index), and each row that
 * passes the filters is tested for the words here (hhwords.h: the index's
 * own tokenizer over the very text the index holds), until the page is full.
 * Every search with plain words starts walking; when the rows kept so far
 * say the page would not fill soon, and the index says gathering would read
 * few rows, the walk hands over to gathering, which goes on from the last
 * row read. Several words gather by the narrowest of them and test the
 * others here, so a broad word is not gathered beside a narrow one. */
#define WALK(SK) { \
	"SELECT " COLS ", " SK ", " TEXT ", " FILTX \
	" FROM hhlist WHERE (" SK ", household_id) > (?1, ?2) ORDER BY " SK ", household_id", \
	"SELECT " COLS ", " SK ", " TEXT ", " FILTX \
	" FROM hhlist WHERE (" SK ", household_id) < (?1, ?2) ORDER BY " SK " DESC, household_id DESC" }
static const char *const walk_sql[3][2] = { WALK("sk_name"), WALK("sk_addr"), WALK("sk_score") };
/* How far a walk goes (rows read): for a page, for a count, before it
 * judges from the rows kept whether it would get there, and at most while
 * the gathering would be as slow (all words broad); how many index rows of
 * a word tell a narrow word from a broad one. Tests make them small
 * (hhlist_tune) to switch plans on a small register. */
static const hhw_limits deflim = { 1500, 3000, 100, 20000, 8000, HH_COUNT_CAP, HHW_PLAN_AUTO, 2000 };
static hhw_limits lim = { 1500, 3000, 100, 20000, 8000, HH_COUNT_CAP, HHW_PLAN_AUTO, 2000 };

void hhlist_tune(const hhw_limits *l)
{
	lim = l ? *l : deflim;
}

/* 1 when the index must merge the lists of very many words to read word i
 * (see driver) */
static int costly(const hh_words *w, int i)
{
	int len = w->len[i], digits = (int)strspn(w->tok[i], "0123456789") >= len;
	return len == 1 || (digits && (len == 3 || (len >= 5 && len <= 11)));
}

/* The word to gather by: the one the index matches least often, by a look
 * at up to lim.drive of its rows; kept in w (w->drv, w->drv_rows: more than
 * lim.drive when broad). A word whose look costs much is taken for a broad
 * one unlooked: one letter, and digits of 3 or 5 to 11 (a NIK's or No KK's
 * first digits: the index has no prefix list for those lengths, and the
 * numbers of a register mostly share them). Ties: the longer word. */
static int driver(siks *s, hh_words *w)
{
	if (w->drv >= 0) return w->drv;
	int d = 0;
	long best = -1;
	sqlite3_stmt *st = db_stmt(s, "SELECT count(*) FROM (SELECT 1 FROM hh_fts WHERE hh_fts MATCH ?1 LIMIT ?2)", NULL);
	for (int i = 0; i < w->n; i++) {
		long c = (long)lim.drive + 1;
		if (st && !costly(w, i)) {
			sqlite3_bind_text(st, 1, w->word[i], -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(st, 2, lim.drive + 1);
			if (sqlite3_step(st) == SQLITE_ROW) c = (long)sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
		}
		if (best < 0 || c < best || (c == best && w->len[i] > w->len[d])) { best = c; d = i; }
	}
	w->drv = d;
	w->drv_rows = best;
	return d;
}

/* Reads rows of the list from `from` in direction dir, keeping up to want
 * that pass the filters and hold every word (into out when not NULL).
 * Gives up once the rows kept so far say want would not be reached within
 * budget rows; when patient (a page), only if gathering would read fewer
 * rows than the walk still would, or after lim.hard rows. Returns how many
 * it kept, -1 with e; *last is the last row read (to go on from), *end 1
 * when the list ran out. */
static int walk(siks *s, const hh_filter *f, hh_words *w, const hh_row *from, int dir, int want, int budget,
		int patient, hh_row *out, hh_row *last, int *end, siks_err *e)
{
	int sort = f->sort >= 0 && f->sort <= 2 ? f->sort : 0;
	sqlite3_stmt *st = db_stmt(s, walk_sql[sort][dir > 0 ? 0 : 1], e);
	if (!st) return -1;
	bind_from(st, from, dir);
	bind_filter(st, f, NULL);
	int k = 0, rc = SQLITE_ROW;
	long read = 0;
	*end = 0;
	while (k < want && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read++;
		copy_col(st, 0, last->id, sizeof last->id);
		copy_col(st, 13, last->key, sizeof last->key);
		if (sqlite3_column_int(st, 15) /* passes the filters */
		    && hhw_scan(w, (const char *)sqlite3_column_text(st, 14), sqlite3_column_bytes(st, 14)) == w->all) {
			if (out) read_row(st, &out[k]);
			k++;
		}
		/* at this rate, the rows still wanted would take too long (a
		 * page: and gathering would read fewer rows than the walk) */
		if (read >= lim.probe && k < want && lim.plan != HHW_PLAN_WALK) {
			long ahead = k ? read * (want - k) / k : read * (want - k) * 2;
			if (ahead > budget - read
			    && (!patient || read >= lim.hard
				|| (driver(s, w), w->drv_rows <= lim.drive && w->drv_rows < ahead)))
				break;
		}
	}
	if (rc == SQLITE_DONE) *end = 1;
	else if (rc != SQLITE_ROW) { db_fail(s, e, "hhlist"); sqlite3_reset(st); return -1; }
	sqlite3_reset(st);
	return k;
}

/* The words of f's search, when they are plain enough to be tested here:
 * 1 with w open (to be closed), 0 when only the FTS query can decide. */
static int walkable(siks *s, const hh_filter *f, hh_words *w)
{
	char expr[400];
	hhlist_match_expr(f->search, expr, sizeof expr);
	if (!expr[0] || hhw_open(s, expr, w) != 0) return 0;
	if (!w->simple) { hhw_close(w); return 0; }
	return 1;
}

/* Gathering by one word of w (the others tested here), from `from` on:
 * the matches are sorted by key alone (a sort of whole rows, with their
 * text, costs three times as much), then read row by row in that order
 * until n hold every word. Appends up to n rows to out; returns how many,
 * -1 with e. */
#define ORDER(SK) { \
	"SELECT n FROM hhlist WHERE (" SK ", household_id) > (?1, ?2) AND" SRCH1 FILT \
	" ORDER BY " SK ", household_id LIMIT ?8", \
	"SELECT n FROM hhlist WHERE (" SK ", household_id) < (?1, ?2) AND" SRCH1 FILT \
	" ORDER BY " SK " DESC, household_id DESC LIMIT ?8" }
static const char *const order_sql[3][2] = { ORDER("sk_name"), ORDER("sk_addr"), ORDER("sk_score") };
static const char *const row_sql[3] = {
	"SELECT " COLS ", sk_name, " TEXT " FROM hhlist WHERE n = ?1",
	"SELECT " COLS ", sk_addr, " TEXT " FROM hhlist WHERE n = ?1",
	"SELECT " COLS ", sk_score, " TEXT " FROM hhlist WHERE n = ?1",
};

static int gather_by(siks *s, const hh_filter *f, hh_words *w, const hh_row *from, int dir, int n,
		     hh_row *out, siks_err *e)
{
	int sort = f->sort >= 0 && f->sort <= 2 ? f->sort : 0;
	int d = driver(s, w);
	sqlite3_stmt *st = db_stmt(s, order_sql[sort][dir > 0 ? 0 : 1], e);
	sqlite3_stmt *row = db_stmt(s, row_sql[sort], e);
	if (!st || !row) return -1;
	bind_from(st, from, dir);
	bind_filter(st, f, w->word[d]);
	sqlite3_bind_int(st, 8, w->n > 1 ? -1 : n);
	int k = 0, rc = SQLITE_ROW;
	while (k < n && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_bind_int64(row, 1, sqlite3_column_int64(st, 0));
		if ((rc = sqlite3_step(row)) != SQLITE_ROW) break; /* it was just there */
		if (w->n == 1 || hhw_scan(w, (const char *)sqlite3_column_text(row, 14), sqlite3_column_bytes(row, 14)) == w->all)
			read_row(row, &out[k++]);
		sqlite3_reset(row);
	}
	if (k < n && rc != SQLITE_DONE) {
		db_fail(s, e, "hhlist");
		sqlite3_reset(row);
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(row);
	sqlite3_reset(st);
	return k;
}

/* ---- a filter that keeps few households ---------------------------------
 * Walking tests each row of the list against the filters, so a filter that
 * keeps almost nothing (poor when nothing is scored yet, "has errors" on a
 * clean register) read the whole list for one page. When a filter's own
 * index says it keeps at most lim.few households, they are read by that
 * index, sorted by the list's key, and tested for the words here. The SQL
 * is made once from these parts (never from user text). */
enum { FEW_DUSUN, FEW_POOR, FEW_ERRORS, FEW_USULAN, FEW_N };
static const char *const few_cond[FEW_N] = { "dusun = ?3", "poor = ?4", "errors > 0", "usulan_status = ?6" };
static const char *const few_index[FEW_N] = { "hhlist_dusun", "hhlist_poor", "hhlist_errors", "hhlist_usulan" };
static const char *const few_key[3] = { "sk_name", "sk_addr", "sk_score" };
static char few_sql[FEW_N][3][2][640], few_probe[FEW_N][200], few_all[FEW_N][400];

static void few_make(void)
{
	if (few_probe[0][0]) return;
	for (int d = 0; d < FEW_N; d++) {
		snprintf(few_probe[d], sizeof few_probe[d], "SELECT count(*) FROM (SELECT 1 FROM hhlist INDEXED BY %s"
			 " WHERE %s AND ?1 IS ?1 AND ?2 IS ?2 AND ?7 IS ?7 LIMIT ?8)", few_index[d], few_cond[d]);
		snprintf(few_all[d], sizeof few_all[d], "SELECT " TEXT ", " FILTX " FROM hhlist INDEXED BY %s"
			 " WHERE %s AND ?1 IS ?1 AND ?2 IS ?2 AND ?7 IS ?7 AND ?8 IS ?8", few_index[d], few_cond[d]);
		for (int k = 0; k < 3; k++) {
			const char *sk = few_key[k];
			snprintf(few_sql[d][k][0], sizeof few_sql[d][k][0],
				 "SELECT " COLS ", %s, " TEXT ", " FILTX " FROM hhlist INDEXED BY %s WHERE %s"
				 " AND (%s, household_id) > (?1, ?2) AND ?7 IS ?7 AND ?8 IS ?8 ORDER BY %s, household_id",
				 sk, few_index[d], few_cond[d], sk, sk);
			snprintf(few_sql[d][k][1], sizeof few_sql[d][k][1],
				 "SELECT " COLS ", %s, " TEXT ", " FILTX " FROM hhlist INDEXED BY %s WHERE %s"
				 " AND (%s, household_id) < (?1, ?2) AND ?7 IS ?7 AND ?8 IS ?8"
				 " ORDER BY %s DESC, household_id DESC", sk, few_index[d], few_cond[d], sk, sk);
		}
	}
}

/* The filter of f that keeps fewest households, when at most lim.few: its
 * FEW_ number, else -1. */
static int few_driver(siks *s, const hh_filter *f)
{
	int on[FEW_N] = { f->dusun[0] != 0, f->poor >= 0, f->errors != 0, f->usulan >= 0 };
	if (lim.few <= 0) return -1;
	few_make();
	int best = -1;
	long best_n = 0;
	for (int d = 0; d < FEW_N; d++) {
		if (!on[d]) continue;
		sqlite3_stmt *st = db_stmt(s, few_probe[d], NULL);
		if (!st) return -1;
		bind_filter(st, f, NULL);
		sqlite3_bind_int(st, 8, lim.few + 1);
		long c = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : lim.few + 1L;
		sqlite3_reset(st);
		if (c <= lim.few && (best < 0 || c < best_n)) { best = d; best_n = c; }
	}
	return best;
}

/* A page by filter d (see above); w NULL when there is no search. */
static int few_fetch(siks *s, int d, const hh_filter *f, hh_words *w, const hh_row *from, int dir, int n,
		     hh_row *out, siks_err *e)
{
	int sort = f->sort >= 0 && f->sort <= 2 ? f->sort : 0;
	sqlite3_stmt *st = db_stmt(s, few_sql[d][sort][dir > 0 ? 0 : 1], e);
	if (!st) return -1;
	bind_from(st, from, dir);
	bind_filter(st, f, NULL);
	int k = 0, rc = SQLITE_ROW;
	while (k < n && (rc = sqlite3_step(st)) == SQLITE_ROW)
		if (sqlite3_column_int(st, 15) /* passes every filter */
		    && (!w || hhw_scan(w, (const char *)sqlite3_column_text(st, 14), sqlite3_column_bytes(st, 14)) == w->all))
			read_row(st, &out[k++]);
	sqlite3_reset(st);
	if (k < n && rc != SQLITE_DONE) return db_fail(s, e, "hhlist"), -1;
	return k;
}

/* How many households filter d and the words keep (stops past cap + 1 when
 * searching, as every search count does). */
static long few_count(siks *s, int d, const hh_filter *f, hh_words *w)
{
	sqlite3_stmt *st = db_stmt(s, few_all[d], NULL);
	if (!st) return -1;
	bind_filter(st, f, NULL);
	long c = 0;
	while ((!w || c <= lim.cap) && sqlite3_step(st) == SQLITE_ROW)
		c += sqlite3_column_int(st, 1)
		     && (!w || hhw_scan(w, (const char *)sqlite3_column_text(st, 0), sqlite3_column_bytes(st, 0)) == w->all);
	sqlite3_reset(st);
	return c;
}

int hhlist_fetch(siks *s, const hh_filter *f, const hh_row *from, int dir, int n,
		 hh_row *out, siks_err *e)
{
	char match[900];
	int srch = search_kind(f->search, match, sizeof match);
	int sort = f->sort >= 0 && f->sort <= 2 ? f->sort : 0;
	int k = 0, rc = SQLITE_DONE;
	hh_words w;
	if (n <= 0) return 0;
	int few = -1, words = srch && walkable(s, f, &w);
	if ((!srch || words) && (few = few_driver(s, f)) >= 0) {
		k = few_fetch(s, few, f, words ? &w : NULL, from, dir, n, out, e);
		if (words) hhw_close(&w);
		if (k < 0) return -1;
	} else if (words) {
		hh_row last;
		int end = 0;
		k = lim.plan == HHW_PLAN_GATHER ? 0 : walk(s, f, &w, from, dir, n, lim.page, 1, out, &last, &end, e);
		if (k >= 0 && k < n && !end) {
			/* narrow: gather the rest, from the last row read */
			int g = gather_by(s, f, &w, lim.plan == HHW_PLAN_GATHER ? from : &last, dir, n - k, out + k, e);
			k = g < 0 ? -1 : k + g;
		}
		hhw_close(&w);
		if (k < 0) return -1;
	} else {
		sqlite3_stmt *st = db_stmt(s, sql[sort][srch][dir > 0 ? 0 : 1], e);
		if (!st) return -1;
		bind_from(st, from, dir);
		bind_filter(st, f, srch ? match : NULL);
		sqlite3_bind_int(st, 8, n);
		while (k < n && (rc = sqlite3_step(st)) == SQLITE_ROW)
			read_row(st, &out[k++]);
		if (k < n && rc != SQLITE_DONE) {
			db_fail(s, e, "hhlist");
			sqlite3_reset(st);
			return -1;
		}
		sqlite3_reset(st);
	}
	if (dir < 0) /* fetched backwards: put in display order */
		for (int i = 0, j = k - 1; i < j; i++, j--) {
			hh_row t = out[i];
			out[i] = out[j];
			out[j] = t;
		}
	return k;
}

int hhlist_get(siks *s, const hh_filter *f, const char *id, hh_row *out)
{
	static const char *const one[3] = {
		"SELECT " COLS ", sk_name FROM hhlist WHERE household_id = ?1",
		"SELECT " COLS ", sk_addr FROM hhlist WHERE household_id = ?1",
		"SELECT " COLS ", sk_score FROM hhlist WHERE household_id = ?1",
	};
	int sort = f->sort >= 0 && f->sort <= 2 ? f->sort : 0;
	sqlite3_stmt *st = db_stmt(s, one[sort], NULL);
	if (!st) return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) read_row(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Counting a search goes up to HH_COUNT_CAP + 1. A broad one is counted
 * by walking (the cap comes within a few thousand rows); what the walk did
 * not reach is counted by streaming the index's matches of one word (the
 * others tested here), so a narrow search reads its few matches and stops. */
static long stream_count(siks *s, const hh_filter *f, hh_words *w, const hh_row *from, long want)
{
	/* the index's matches lead (CROSS JOIN keeps that order of the loops) */
	int d = driver(s, w);
	sqlite3_stmt *st = db_stmt(s, "SELECT " TEXT " FROM (SELECT DISTINCT hh FROM hh_fts WHERE hh_fts MATCH ?7) m"
				   " CROSS JOIN hhlist ON n = m.hh WHERE (sk_name, household_id) > (?1, ?2)" FILT, NULL);
	if (!st) return -1;
	bind_from(st, from, +1);
	bind_filter(st, f, w->word[d]);
	long c = 0;
	int rc = SQLITE_ROW;
	while (c < want && (rc = sqlite3_step(st)) == SQLITE_ROW)
		if (w->n == 1 || hhw_scan(w, (const char *)sqlite3_column_text(st, 0), sqlite3_column_bytes(st, 0)) == w->all)
			c++;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? c : -1;
}

/* Households where one search row holds every word (a member named "Siti
 * Nur'aini" for "siti nur'aini": the usual way a name is typed), up to
 * want: the index finds those by itself (its AND), and each of them holds
 * every word, so when there are more than the cap, so are the matches. */
static long together(siks *s, const hh_filter *f, hh_words *w, long want)
{
	char all[HHW_MAX * 130];
	size_t o = 0;
	for (int i = 0; i < w->n; i++)
		if (costly(w, i)) return 0; /* the index's AND would read all its lists */
	for (int i = 0; i < w->n; i++)
		o += (size_t)snprintf(all + o, sizeof all - o, "%s%s", i ? " " : "", w->word[i]);
	int filtered = f->dusun[0] || f->poor >= 0 || f->errors || f->usulan >= 0;
	sqlite3_stmt *st = filtered
		? db_stmt(s, "SELECT count(*) FROM (SELECT DISTINCT hh FROM hh_fts CROSS JOIN hhlist ON n = hh"
			  " WHERE hh_fts MATCH ?7" FILT " LIMIT ?8)", NULL)
		: db_stmt(s, "SELECT count(*) FROM (SELECT DISTINCT hh FROM hh_fts WHERE hh_fts MATCH ?7 LIMIT ?8)", NULL);
	if (!st) return -1;
	if (filtered) bind_filter(st, f, all);
	else sqlite3_bind_text(st, 7, all, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 8, want);
	long c = -1;
	if (sqlite3_step(st) == SQLITE_ROW) c = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return c;
}

long hhlist_count(siks *s, const hh_filter *f)
{
	char match[900];
	int kind = search_kind(f->search, match, sizeof match);
	hh_filter byname = *f;
	hh_words w;
	byname.sort = HH_SORT_NAME;
	int words = kind && walkable(s, &byname, &w), few;
	if ((!kind || words) && (few = few_driver(s, f)) >= 0) {
		long c = few_count(s, few, f, words ? &w : NULL);
		if (words) hhw_close(&w);
		return c;
	}
	if (words) {
		hh_row last;
		int end = 0;
		long k = lim.plan == HHW_PLAN_GATHER ? 0
			: walk(s, &byname, &w, NULL, +1, lim.cap + 1, lim.count, 0, NULL, &last, &end, NULL);
		if (k >= 0 && k <= lim.cap && !end && w.n > 1 && lim.plan != HHW_PLAN_WALK
		    && together(s, &byname, &w, lim.cap + 1) > lim.cap)
			k = lim.cap + 1;
		else if (k >= 0 && k <= lim.cap && !end) {
			long c = stream_count(s, &byname, &w, lim.plan == HHW_PLAN_GATHER ? NULL : &last, lim.cap + 1 - k);
			k = c < 0 ? -1 : k + c;
		}
		hhw_close(&w);
		return k;
	}
	/* no search (an exact count), or words only the FTS query can decide */
	if (!kind && !f->dusun[0] && f->poor < 0 && !f->errors && f->usulan < 0) /* from the smallest index */
		return (long)db_int(s, "SELECT count(*) FROM hhlist", -1);
	sqlite3_stmt *st = kind == 2
		? db_stmt(s, "SELECT count(*) FROM (SELECT 1 FROM hhlist WHERE ?1 IS ?1 AND ?2 IS ?2 AND" SRCH FILT " LIMIT ?8)", NULL)
		: kind == 1
		? db_stmt(s, "SELECT count(*) FROM (SELECT 1 FROM hhlist WHERE ?1 IS ?1 AND ?2 IS ?2 AND" SRCH1 FILT " LIMIT ?8)", NULL)
		: db_stmt(s, "SELECT count(*) FROM hhlist WHERE ?1 IS ?1 AND ?2 IS ?2" FILT " AND ?7 IS ?7 AND ?8 IS ?8", NULL);
	if (!st) return -1;
	bind_filter(st, f, match[0] ? match : NULL);
	sqlite3_bind_int(st, 8, lim.cap + 1);
	long c = -1;
	if (sqlite3_step(st) == SQLITE_ROW) c = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return c;
}

int hhlist_dusun(siks *s, char (*out)[48], int max)
{
	sqlite3_stmt *st = db_stmt(s,
		"SELECT DISTINCT dusun FROM hhlist WHERE dusun IS NOT NULL AND dusun <> '' ORDER BY dusun", NULL);
	int k = 0;
	if (!st) return 0;
	while (k < max && sqlite3_step(st) == SQLITE_ROW)
		copy_col(st, 0, out[k++], 48);
	sqlite3_reset(st);
	return k;
}

int hhlist_set_errors(siks *s, const char *household_id, int errors, siks_err *e)
{
	sqlite3_stmt *st = db_stmt(s, "UPDATE hhlist SET errors = ?2 WHERE household_id = ?1", e);
	if (!st) return SIKS_EDB;
	sqlite3_bind_text(st, 1, household_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, errors);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(s, e, "hhlist");
}

typedef struct tally { siks *s; char hid[33]; int n; long with; int failed; } tally;

static void flush(tally *t)
{
	if (t->hid[0]) {
		if (hhlist_set_errors(t->s, t->hid, t->n, NULL) != 0) t->failed = 1;
		if (t->n) t->with++;
	}
}

static void count_finding(const siks_finding *fd, const char *household_id, void *arg)
{
	tally *t = arg;
	if (!household_id) return;
	if (strcmp(t->hid, household_id) != 0) {
		flush(t);
		snprintf(t->hid, sizeof t->hid, "%s", household_id);
		t->n = 0;
	}
	if (fd->severity == SIKS_ERROR) t->n++;
}

long hhlist_check_all(siks *s, siks_err *e)
{
	tally t = { s, "", 0, 0, 0 };
	if (db_begin(s, e) != 0) return -1;
	/* a household with no finding has no errors: start from zero */
	if (db_exec(s, "UPDATE hhlist SET errors = 0", e) != 0) { db_rollback(s); return -1; }
	if (check_database(s, count_finding, &t, e) < 0) { db_rollback(s); return -1; }
	flush(&t);
	if (t.failed) { db_rollback(s); return siks_fail(e, SIKS_EDB, "", "%s", _("Hasil pemeriksaan tidak dapat disimpan.")) ? -1 : -1; }
	if (db_commit(s, e) != 0) return -1;
	return t.with;
}
