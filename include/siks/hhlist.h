/* hhlist.h — the household list as the operator browses it: one row per
 * household (head's name, No KK, dusun, RT/RW, members present, indicator
 * score, open proposal), sorted by name, address or score, searched by name,
 * NIK, No KK or address of any member, and filtered. Pages are fetched by
 * keyset (the n rows after or before a row), never by OFFSET, so a page near
 * the end of a million members costs the same as the first.
 *
 * The rows come from table `hhlist` and the FTS5 table `hh_fts`, kept up to
 * date by triggers on household, member, indicator_score and usulan (schema
 * migration "household list"; the members' text beside each row, v10); only
 * the `errors` column is written here. A search answers in a keystroke's
 * time on a million members however broad its words: a broad one walks the
 * list in order, a narrow one gathers its few matches (src/core/hhlist.c),
 * with the same rows in the same order either way.
 * No curses: the TUI and tests call the same functions. */
#ifndef SIKS_HHLIST_H
#define SIKS_HHLIST_H
#include "siks/siks.h"

enum hh_sort { HH_SORT_NAME = 0, HH_SORT_ADDRESS = 1, HH_SORT_SCORE = 2 };

typedef struct hh_filter {
	int sort;           /* enum hh_sort */
	char search[128];   /* words typed; "" none. Each word is a prefix. */
	char dusun[48];     /* "" any */
	int poor;           /* -1 any, 0 not poor, 1 poor (by the latest score) */
	int errors;         /* 1: only households with validation errors */
	int usulan;         /* -1 any, 0 without an open proposal, else that status */
} hh_filter;

typedef struct hh_row {
	char id[33];
	char key[200];      /* the sort key: with id, the keyset position */
	char head[200];     /* head's name (UTF-8), else first member's */
	char no_kk[17];
	char dusun[48];
	int rt, rw;
	int present, members;
	int score, total;   /* score -1 when never scored */
	int poor;           /* 1 poor, 0 not, -1 unknown */
	int usulan_status;  /* status of the open proposal, 0 none */
	int errors;         /* -1 not checked yet */
} hh_row;

void hh_filter_default(hh_filter *f);
/* Up to n rows after (dir +1) or before (dir -1) `from` (NULL: from the start
 * or the end), in display order, into out. Returns the count, -1 with e. */
int hhlist_fetch(siks *s, const hh_filter *f, const hh_row *from, int dir, int n,
		 hh_row *out, siks_err *e);
/* The row of household id (to keep a selection after saving); 0 or -1. */
int hhlist_get(siks *s, const hh_filter *f, const char *id, hh_row *out);
/* While searching, households are counted only up to this many: a broad
 * word ("s") matches most of a large register, and the count must not read
 * them all at every keystroke. (Two words spread over two members, "slamet
 * siti", are counted by testing household after household: on 1M members
 * 500 takes half the 30 ms a keystroke may take, 1000 all of it.) */
#define HH_COUNT_CAP 500
/* Households matching the filter (for the pane title). While searching the
 * count stops past HH_COUNT_CAP: HH_COUNT_CAP + 1 means "more than that"
 * (shown "500+"). -1 on error. */
long hhlist_count(siks *s, const hh_filter *f);
/* Distinct dusun names, sorted; returns how many were written (max). */
int hhlist_dusun(siks *s, char (*out)[48], int max);
/* Stores the number of validation errors of a household (after a save). */
int hhlist_set_errors(siks *s, const char *household_id, int errors, siks_err *e);
/* Runs the whole-database check and stores each household's error count;
 * returns the number of households with errors, -1 with e. */
long hhlist_check_all(siks *s, siks_err *e);
/* Builds the FTS5 query for typed words into out ("" when none): each word
 * quoted and made a prefix, so no typed character has query meaning. */
void hhlist_match_expr(const char *typed, char *out, size_t n);
#endif
