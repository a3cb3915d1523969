/* hhwords.c — typed search words tested in C as hh_fts would (hhwords.h). */
#include <stdio.h>
#include <string.h>
#include "siks/db.h"
#include "hhwords.h"

/* The search index's tokenizer and its arguments (schema v6: hh_fts). */
static const char *tok_args[] = { "remove_diacritics", "2" };

static fts5_api *fts5_of(siks *s)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = db_stmt(s, "SELECT fts5(?1)", NULL);
	if (!st) return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_reset(st);
	return api;
}

typedef struct qtok { hh_words *w; int i; int count; } qtok;

static int on_query_token(void *ctx, int tflags, const char *tok, int n, int start, int end)
{
	(void)tflags; (void)start; (void)end;
	qtok *q = ctx;
	if (q->count++ == 0 && n > 0 && (size_t)n < sizeof q->w->tok[0]) {
		memcpy(q->w->tok[q->i], tok, (size_t)n);
		q->w->len[q->i] = n;
	}
	return SQLITE_OK;
}

int hhw_open(siks *s, const char *expr, hh_words *w)
{
	memset(w, 0, sizeof *w);
	w->drv = -1;
	fts5_api *api = fts5_of(s);
	void *ud = NULL;
	if (!api || api->xFindTokenizer(api, "unicode61", &ud, &w->api) != SQLITE_OK
	    || w->api.xCreate(ud, tok_args, 2, &w->t) != SQLITE_OK) {
		w->t = NULL;
		return -1;
	}
	w->simple = 1;
	/* expr is '"a"* "b"*': words quoted, holding no quote themselves */
	for (const char *p = expr; (p = strchr(p, '"')) != NULL;) {
		const char *q = strchr(p + 1, '"');
		if (!q) break;
		if (w->n == HHW_MAX) { w->simple = 0; break; }
		int i = w->n++;
		size_t len = (size_t)(q - p - 1);
		snprintf(w->word[i], sizeof w->word[i], "%.*s*", (int)(len + 2), p);
		qtok qt = { w, i, 0 };
		w->api.xTokenize(w->t, &qt, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, p + 1, (int)len, on_query_token);
		/* no token, or a phrase of several: FTS5's own rules decide */
		if (qt.count != 1 || w->len[i] == 0 || len + 4 > sizeof w->word[i]) w->simple = 0;
		p = q + 1;
	}
	if (w->n == 0) w->simple = 0;
	w->all = w->n >= 32 ? 0xffffffffu : (1u << w->n) - 1;
	return 0;
}

typedef struct dscan { hh_words *w; uint32_t found; } dscan;

static int on_doc_token(void *ctx, int tflags, const char *tok, int n, int start, int end)
{
	(void)tflags; (void)start; (void)end;
	dscan *d = ctx;
	for (int i = 0; i < d->w->n; i++)
		if (!(d->found >> i & 1) && n >= d->w->len[i] && memcmp(tok, d->w->tok[i], (size_t)d->w->len[i]) == 0)
			d->found |= 1u << i;
	/* every word found: stop tokenizing */
	return d->found == d->w->all ? SQLITE_DONE : SQLITE_OK;
}

uint32_t hhw_scan(hh_words *w, const char *text, int len)
{
	dscan d = { w, 0 };
	if (w->t && text && len > 0)
		w->api.xTokenize(w->t, &d, FTS5_TOKENIZE_DOCUMENT, text, len, on_doc_token);
	return d.found;
}

void hhw_close(hh_words *w)
{
	if (w->t) w->api.xDelete(w->t);
	w->t = NULL;
}
