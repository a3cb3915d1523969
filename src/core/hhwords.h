/* hhwords.h — the typed search words, tokenized by the very tokenizer of
 * the search index hh_fts (FTS5 unicode61, remove_diacritics 2), so that a
 * household's text can be tested here, row by row, with the same answer
 * `hh_fts MATCH '"word"*'` gives: a word is found when some token of the
 * text begins with the word's (folded) token.
 *
 * Used by hhlist.c to walk the list in its sort order and keep the
 * households that hold every word, instead of gathering every match first.
 * Internal to src/core. */
#ifndef SIKS_HHWORDS_H
#define SIKS_HHWORDS_H
#include <stdint.h>
#include <sqlite3.h>
#include "siks/siks.h"

#define HHW_MAX 16   /* more words than this: not simple (left to FTS5) */

typedef struct hh_words {
	int n;              /* words */
	int simple;         /* 1: every word is exactly one token, so hhw_scan
	                     * answers as hh_fts MATCH does; 0: use the FTS query */
	uint32_t all;       /* (1 << n) - 1 */
	char tok[HHW_MAX][128];
	int len[HHW_MAX];
	char word[HHW_MAX][128]; /* each word as its own FTS5 term: "word"* */
	int drv;            /* hhlist.c: the word to gather by, -1 not chosen yet */
	long drv_rows;      /* its index rows, as far as they were counted */
	/* the tokenizer (owned; hhw_close frees it) */
	fts5_tokenizer api;
	Fts5Tokenizer *t;
} hh_words;

/* Splits the FTS expression of hhlist_match_expr ('"nur"* "hasan"*') into
 * words and tokenizes each. 0 with w filled (check w->simple), -1 when the
 * tokenizer is unavailable (then w->simple is 0 and nothing is to be freed). */
int hhw_open(siks *s, const char *expr, hh_words *w);
/* The words found in text (len bytes): bit i set when word i is. */
uint32_t hhw_scan(hh_words *w, const char *text, int len);
void hhw_close(hh_words *w);

/* The search plans' limits (hhlist.c), in rows: how far a walk goes for a
 * page and for a count, how far before it judges, how far at most while
 * gathering would be as slow; how many index rows make a word broad; the
 * count's cap; the plan: both, or only one (for tests); and how many
 * households a filter may keep to be read by its own index (0: never). */
enum { HHW_PLAN_AUTO = 0, HHW_PLAN_WALK = 1, HHW_PLAN_GATHER = 2 };
typedef struct hhw_limits { int page, count, probe, hard, drive, cap, plan, few; } hhw_limits;
/* For tests: sets the limits; NULL restores the defaults. */
void hhlist_tune(const hhw_limits *l);
#endif
