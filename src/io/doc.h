/* doc.h — a printable document described once and rendered twice: as plain
 * text for the terminal (80 columns) and as HTML laid out for A4 paper
 * (tables whose header repeats on each page, page breaks, signature blocks).
 * Internal to src/io (the reports in report.c build these).
 * A doc owns copies of every string given to it. */
#ifndef SIKS_IO_DOC_H
#define SIKS_IO_DOC_H
#include "siks/strbuf.h"

typedef struct doc doc;

doc *doc_new(void);
void doc_free(doc *d);
/* 1 when an allocation failed along the way (render then fails too). */
int doc_oom(const doc *d);

void doc_title(doc *d, const char *text);     /* the document's title, centred */
void doc_subtitle(doc *d, const char *text);  /* a centred line under it */
void doc_heading(doc *d, const char *text);   /* a section */
void doc_para(doc *d, const char *text);      /* a paragraph, wrapped */
void doc_kv(doc *d, const char *label, const char *value); /* "Label : value" */
/* A table: heads and widths (characters in the text form; relative in HTML). */
void doc_table(doc *d, int ncols, const char *const *heads, const int *widths);
void doc_row(doc *d, const char *const *cells);
void doc_pagebreak(doc *d);
/* Signature blocks side by side: a role above, a name (or a dotted line) below. */
void doc_signatures(doc *d, const char *place_date, int n, const char *const *roles,
		    const char *const *names);

/* Renders into out (appended). 0, or -1 when out of memory. */
int doc_text(const doc *d, strbuf *out);
int doc_html(const doc *d, const char *title, strbuf *out);
#endif
