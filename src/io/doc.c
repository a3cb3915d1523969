/* doc.c — printable documents (doc.h): a list of elements rendered as text
 * or as A4 HTML. Widths are counted in characters, not bytes, so names with
 * accents keep the columns straight. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doc.h"

enum { E_TITLE, E_SUBTITLE, E_HEADING, E_PARA, E_KV, E_TABLE, E_ROW, E_BREAK, E_SIGN };

typedef struct elem {
	int type;
	int n;          /* cells */
	char **s;       /* strings: text / label+value / cells / place + roles + names */
	int *w;         /* widths (E_TABLE) */
} elem;

struct doc {
	elem *v;
	size_t n, cap;
	int oom;
};

#define TEXT_WIDTH 78

doc *doc_new(void)
{
	return calloc(1, sizeof(doc));
}

void doc_free(doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		for (int k = 0; k < d->v[i].n; k++)
			free(d->v[i].s[k]);
		free(d->v[i].s);
		free(d->v[i].w);
	}
	free(d->v);
	free(d);
}

int doc_oom(const doc *d)
{
	return !d || d->oom;
}

static elem *add(doc *d, int type, int n, const char *const *s)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 64;
		elem *v = realloc(d->v, cap * sizeof *v);
		if (!v) {
			d->oom = 1;
			return NULL;
		}
		d->v = v;
		d->cap = cap;
	}
	elem *e = &d->v[d->n];
	memset(e, 0, sizeof *e);
	e->type = type;
	e->s = calloc((size_t)(n ? n : 1), sizeof *e->s);
	if (!e->s) {
		d->oom = 1;
		return NULL;
	}
	e->n = n;
	for (int k = 0; k < n; k++)
		if (!(e->s[k] = strdup(s[k] ? s[k] : "")))
			d->oom = 1;
	d->n++;
	return e;
}

void doc_title(doc *d, const char *t) { add(d, E_TITLE, 1, &t); }
void doc_subtitle(doc *d, const char *t) { add(d, E_SUBTITLE, 1, &t); }
void doc_heading(doc *d, const char *t) { add(d, E_HEADING, 1, &t); }
void doc_para(doc *d, const char *t) { add(d, E_PARA, 1, &t); }
void doc_pagebreak(doc *d) { add(d, E_BREAK, 0, NULL); }

void doc_kv(doc *d, const char *label, const char *value)
{
	const char *s[2] = { label, value };
	add(d, E_KV, 2, s);
}

void doc_table(doc *d, int ncols, const char *const *heads, const int *widths)
{
	elem *e = add(d, E_TABLE, ncols, heads);
	if (!e)
		return;
	e->w = malloc((size_t)ncols * sizeof *e->w);
	if (!e->w) {
		d->oom = 1;
		return;
	}
	memcpy(e->w, widths, (size_t)ncols * sizeof *e->w);
}

void doc_row(doc *d, const char *const *cells)
{
	/* as many cells as the last table has columns */
	for (size_t i = d->n; i-- > 0;)
		if (d->v[i].type == E_TABLE) {
			add(d, E_ROW, d->v[i].n, cells);
			return;
		}
}

void doc_signatures(doc *d, const char *place_date, int n, const char *const *roles,
		    const char *const *names)
{
	const char *s[1 + 2 * 8];
	if (n > 8)
		n = 8;
	s[0] = place_date;
	for (int i = 0; i < n; i++) {
		s[1 + i] = roles[i];
		s[1 + n + i] = names && names[i] ? names[i] : "";
	}
	add(d, E_SIGN, 1 + 2 * n, s);
}

/* ---- text ------------------------------------------------------------------ */

static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Byte length of the first w characters of s. */
static size_t prefix_bytes(const char *s, size_t w)
{
	size_t i = 0, c = 0;
	while (s[i] && c < w) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		c++;
	}
	return i;
}

/* s cut or padded to exactly w characters. */
static void cell_text(strbuf *b, const char *s, int w)
{
	size_t n = chars(s);
	if (n > (size_t)w) {
		sb_addn(b, s, prefix_bytes(s, (size_t)(w > 1 ? w - 1 : w)));
		if (w > 1)
			sb_add(b, "~");
		return;
	}
	sb_add(b, s);
	for (size_t k = n; k < (size_t)w; k++)
		sb_add(b, " ");
}

static void wrap(strbuf *b, const char *s, size_t indent, size_t width);

static void centred(strbuf *b, const char *s)
{
	size_t n = chars(s);
	if (n > TEXT_WIDTH) {
		wrap(b, s, 0, TEXT_WIDTH);
		return;
	}
	for (size_t k = n < TEXT_WIDTH ? (TEXT_WIDTH - n) / 2 : 0; k > 0; k--)
		sb_add(b, " ");
	sb_add(b, s);
	sb_add(b, "\n");
}

static void wrap(strbuf *b, const char *s, size_t indent, size_t width)
{
	size_t col = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		const char *w = s;
		while (*s && *s != ' ')
			s++;
		size_t len = (size_t)(s - w);
		char word[512];
		if (len >= sizeof word)
			len = sizeof word - 1;
		memcpy(word, w, len);
		word[len] = 0;
		size_t wc = chars(word);
		if (col > 0 && col + 1 + wc > width) {
			sb_add(b, "\n");
			col = 0;
		}
		if (col == 0)
			for (size_t k = 0; k < indent; k++)
				sb_add(b, " ");
		else
			sb_add(b, " "), col++;
		sb_add(b, word);
		col += wc;
	}
	sb_add(b, "\n");
}

static void line_of(strbuf *b, char c, size_t n)
{
	for (size_t k = 0; k < n; k++)
		sb_addn(b, &c, 1);
	sb_add(b, "\n");
}

static const int *table_widths(const doc *d, size_t i)
{
	while (i-- > 0)
		if (d->v[i].type == E_TABLE)
			return d->v[i].w;
	return NULL;
}

static void signs_text(strbuf *b, const elem *e)
{
	int n = (e->n - 1) / 2;
	int w = n ? TEXT_WIDTH / n : TEXT_WIDTH;
	sb_add(b, "\n");
	if (e->s[0][0]) {
		for (int k = 0; k < TEXT_WIDTH - w + 2; k++)
			sb_add(b, " ");
		sb_add(b, e->s[0]);
		sb_add(b, "\n");
	}
	for (int i = 0; i < n; i++) {
		cell_text(b, e->s[1 + i], w - 1);
		sb_add(b, " ");
	}
	sb_add(b, "\n\n\n\n");
	for (int i = 0; i < n; i++) {
		char name[200];
		const char *nm = e->s[1 + n + i];
		snprintf(name, sizeof name, "(%s)", nm[0] ? nm : "......................");
		cell_text(b, name, w - 1);
		sb_add(b, " ");
	}
	sb_add(b, "\n");
}

/* Drops the spaces padding the last column of each line from start on. */
static void trim_lines(strbuf *b, size_t start)
{
	if (!b->p)
		return;
	size_t k = start;
	for (size_t i = start; i < b->n; i++) {
		if (b->p[i] == '\n')
			while (k > start && b->p[k - 1] == ' ')
				k--;
		b->p[k++] = b->p[i];
	}
	b->n = k;
	b->p[k] = 0;
}

int doc_text(const doc *d, strbuf *b)
{
	size_t start = b->n;
	if (doc_oom(d))
		return -1;
	for (size_t i = 0; i < d->n; i++) {
		const elem *e = &d->v[i];
		switch (e->type) {
		case E_TITLE:
			centred(b, e->s[0]);
			break;
		case E_SUBTITLE:
			centred(b, e->s[0]);
			break;
		case E_HEADING:
			sb_add(b, "\n");
			sb_add(b, e->s[0]);
			sb_add(b, "\n");
			line_of(b, '-', chars(e->s[0]));
			break;
		case E_PARA:
			sb_add(b, "\n");
			wrap(b, e->s[0], 0, TEXT_WIDTH);
			break;
		case E_KV:
			cell_text(b, e->s[0], 24);
			sb_add(b, ": ");
			sb_add(b, e->s[1]);
			sb_add(b, "\n");
			break;
		case E_TABLE:
		case E_ROW: {
			const int *w = e->type == E_TABLE ? e->w : table_widths(d, i);
			size_t total = 0;
			for (int k = 0; k < e->n && w; k++) {
				if (k)
					sb_add(b, " ");
				cell_text(b, e->s[k], w[k]);
				total += (size_t)w[k] + (k ? 1 : 0);
			}
			sb_add(b, "\n");
			if (e->type == E_TABLE)
				line_of(b, '-', total);
			break;
		}
		case E_BREAK:
			sb_add(b, "\n");
			line_of(b, '=', TEXT_WIDTH);
			break;
		case E_SIGN:
			signs_text(b, e);
			break;
		}
	}
	trim_lines(b, start);
	return b->oom ? -1 : 0;
}

/* ---- HTML ------------------------------------------------------------------- */

static void esc(strbuf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': sb_add(b, "&amp;"); break;
		case '<': sb_add(b, "&lt;"); break;
		case '>': sb_add(b, "&gt;"); break;
		case '"': sb_add(b, "&quot;"); break;
		default: sb_addn(b, s, 1);
		}
	}
}

static const char css[] =
	"@page{size:A4;margin:15mm 15mm 18mm 15mm}\n"
	"body{font-family:'Times New Roman',serif;font-size:11pt;color:#000;max-width:180mm;margin:auto}\n"
	"h1{font-size:14pt;text-align:center;margin:0 0 2pt}\n"
	".sub{text-align:center;margin:0}\n"
	"h2{font-size:12pt;margin:12pt 0 4pt}\n"
	"p{text-align:justify;line-height:1.4}\n"
	"table.t{border-collapse:collapse;width:100%;margin:4pt 0;font-size:10pt}\n"
	"table.t th,table.t td{border:1px solid #000;padding:2pt 4pt;vertical-align:top}\n"
	"table.t th{background:#eee}\n"
	"thead{display:table-header-group}\n"
	"tr{page-break-inside:avoid}\n"
	"table.kv td{padding:1pt 6pt 1pt 0;vertical-align:top}\n"
	".pb{page-break-before:always}\n"
	".sign{display:flex;justify-content:space-around;margin-top:18pt;page-break-inside:avoid}\n"
	".sign div{text-align:center;min-width:45mm}\n"
	".sign .space{height:22mm}\n"
	".place{text-align:right;margin-top:14pt}\n"
	"@media screen{body{padding:10mm}}\n";

int doc_html(const doc *d, const char *title, strbuf *b)
{
	if (doc_oom(d))
		return -1;
	sb_add(b, "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>");
	esc(b, title);
	sb_add(b, "</title>\n<style>\n");
	sb_add(b, css);
	sb_add(b, "</style></head><body>\n");
	int in_table = 0, in_kv = 0;
	for (size_t i = 0; i < d->n; i++) {
		const elem *e = &d->v[i];
		if (in_table && e->type != E_ROW) {
			sb_add(b, "</tbody></table>\n");
			in_table = 0;
		}
		if (in_kv && e->type != E_KV) {
			sb_add(b, "</table>\n");
			in_kv = 0;
		}
		switch (e->type) {
		case E_TITLE:
			sb_add(b, "<h1>");
			esc(b, e->s[0]);
			sb_add(b, "</h1>\n");
			break;
		case E_SUBTITLE:
			sb_add(b, "<p class=\"sub\">");
			esc(b, e->s[0]);
			sb_add(b, "</p>\n");
			break;
		case E_HEADING:
			sb_add(b, "<h2>");
			esc(b, e->s[0]);
			sb_add(b, "</h2>\n");
			break;
		case E_PARA:
			sb_add(b, "<p>");
			esc(b, e->s[0]);
			sb_add(b, "</p>\n");
			break;
		case E_KV:
			if (!in_kv)
				sb_add(b, "<table class=\"kv\">\n");
			in_kv = 1;
			sb_add(b, "<tr><td>");
			esc(b, e->s[0]);
			sb_add(b, "</td><td>:</td><td>");
			esc(b, e->s[1]);
			sb_add(b, "</td></tr>\n");
			break;
		case E_TABLE: {
			int total = 0;
			for (int k = 0; k < e->n; k++)
				total += e->w[k];
			sb_add(b, "<table class=\"t\"><colgroup>");
			for (int k = 0; k < e->n; k++)
				sb_addf(b, "<col style=\"width:%d%%\">", total ? e->w[k] * 100 / total : 0);
			sb_add(b, "</colgroup><thead><tr>");
			for (int k = 0; k < e->n; k++) {
				sb_add(b, "<th>");
				esc(b, e->s[k]);
				sb_add(b, "</th>");
			}
			sb_add(b, "</tr></thead><tbody>\n");
			in_table = 1;
			break;
		}
		case E_ROW:
			sb_add(b, "<tr>");
			for (int k = 0; k < e->n; k++) {
				sb_add(b, "<td>");
				esc(b, e->s[k]);
				sb_add(b, "</td>");
			}
			sb_add(b, "</tr>\n");
			break;
		case E_BREAK:
			sb_add(b, "<div class=\"pb\"></div>\n");
			break;
		case E_SIGN: {
			int n = (e->n - 1) / 2;
			if (e->s[0][0]) {
				sb_add(b, "<p class=\"place\">");
				esc(b, e->s[0]);
				sb_add(b, "</p>\n");
			}
			sb_add(b, "<div class=\"sign\">");
			for (int k = 0; k < n; k++) {
				sb_add(b, "<div>");
				esc(b, e->s[1 + k]);
				sb_add(b, "<div class=\"space\"></div>(");
				esc(b, e->s[1 + n + k][0] ? e->s[1 + n + k] : "..............................");
				sb_add(b, ")</div>");
			}
			sb_add(b, "</div>\n");
			break;
		}
		}
	}
	if (in_table)
		sb_add(b, "</tbody></table>\n");
	if (in_kv)
		sb_add(b, "</table>\n");
	sb_add(b, "</body></html>\n");
	return b->oom ? -1 : 0;
}
