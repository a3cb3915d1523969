/* csv.c — the streaming delimited-text reader and the field writer (csv.h).
 * Decoded UTF-8 arrives from charset.c through a 64 KiB window; one row's
 * values are collected in a growing buffer that is reused for every row. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "siks/csv.h"
#include "siks/charset.h"
#include "siks/i18n.h"

#define CSV_WIN 65536

struct csv_reader {
	cs_reader *in;
	char *win;              /* decoded window */
	size_t pos, len;
	int eof;
	int sep;
	long line;              /* physical line of the next character */
	long rec;               /* rows returned so far (the header is row 0) */
	char *data;             /* current row's values, each NUL-terminated */
	size_t dlen, dcap;
	size_t *off;            /* value start offsets in data */
	size_t *vlen;
	char **f;               /* pointers into data handed out in csv_row */
	size_t nf;
};

static int refill(csv_reader *r, siks_err *e)
{
	if (r->eof)
		return 0;
	long got = cs_read(r->in, r->win, CSV_WIN, e);
	if (got < 0)
		return -1;
	r->pos = 0;
	r->len = (size_t)got;
	if (got == 0)
		r->eof = 1;
	return 0;
}

/* Next character (0..255), -1 at the end, -2 on a read error. */
static inline int nextc(csv_reader *r, siks_err *e)
{
	if (r->pos == r->len) {
		if (refill(r, e))
			return -2;
		if (r->len == 0)
			return -1;
	}
	return (unsigned char)r->win[r->pos++];
}

static inline int peekc(csv_reader *r, siks_err *e)
{
	int c = nextc(r, e);
	if (c >= 0)
		r->pos--;
	return c;
}

/* Fills the window with up to CSV_WIN bytes (or the whole input). */
static int prime(csv_reader *r, siks_err *e)
{
	r->pos = r->len = 0;
	while (CSV_WIN - r->len >= 4) { /* cs_read wants room for one character */
		long got = cs_read(r->in, r->win + r->len, CSV_WIN - r->len, e);
		if (got < 0)
			return -1;
		if (got == 0) {
			if (r->len == 0)
				r->eof = 1;
			break;
		}
		r->len += (size_t)got;
	}
	return 0;
}

/* The separator occurring most often outside quotes in the first row. */
static int detect_sep(const char *p, size_t n)
{
	static const char cand[] = { '\t', ';', ',', '|' };
	size_t count[4] = { 0 };
	int inq = 0;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c == '"')
			inq = !inq;
		else if (!inq && (c == '\n' || c == '\r'))
			break;
		else if (!inq)
			for (int k = 0; k < 4; k++)
				count[k] += c == cand[k];
	}
	int best = -1;
	for (int k = 0; k < 4; k++)
		if (count[k] > 0 && (best < 0 || count[k] > count[best]))
			best = k;
	return best < 0 ? ',' : cand[best];
}

static csv_reader *open_common(cs_reader *in, int sep, siks_err *e)
{
	csv_reader *r;
	if (!in)
		return NULL;
	r = calloc(1, sizeof *r);
	if (!r || !(r->win = malloc(CSV_WIN)) || !(r->off = malloc(CSV_MAX_FIELDS * sizeof *r->off)) ||
	    !(r->vlen = malloc(CSV_MAX_FIELDS * sizeof *r->vlen)) ||
	    !(r->f = malloc(CSV_MAX_FIELDS * sizeof *r->f))) {
		siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		goto fail;
	}
	r->in = in;
	r->line = 1;
	if (prime(r, e))
		goto fail;
	r->sep = sep ? sep : detect_sep(r->win, r->len);
	return r;
fail:
	if (r) {
		free(r->win);
		free(r->off);
		free(r->vlen);
		free(r->f);
		free(r);
	}
	cs_close(in);
	return NULL;
}

csv_reader *csv_open_file(const char *path, int cs, int sep, siks_err *e)
{
	return open_common(cs_open_file(path, cs, e), sep, e);
}

csv_reader *csv_open_mem(const void *p, size_t n, int cs, int sep, siks_err *e)
{
	return open_common(cs_open_mem(p, n, cs, e), sep, e);
}

void csv_close(csv_reader *r)
{
	if (!r)
		return;
	cs_close(r->in);
	free(r->win);
	free(r->data);
	free(r->off);
	free(r->vlen);
	free(r->f);
	free(r);
}

int csv_sep(const csv_reader *r)
{
	return r->sep;
}

int csv_charset(const csv_reader *r)
{
	return cs_charset(r->in);
}

long csv_bad_bytes(const csv_reader *r)
{
	return cs_bad_bytes(r->in);
}

static int put(csv_reader *r, const char *p, size_t n, siks_err *e)
{
	if (r->dlen + n + 1 > r->dcap) {
		size_t nc = r->dcap ? r->dcap * 2 : 1024;
		while (nc < r->dlen + n + 1)
			nc *= 2;
		char *nd = realloc(r->data, nc);
		if (!nd)
			return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		r->data = nd;
		r->dcap = nc;
	}
	memcpy(r->data + r->dlen, p, n);
	r->dlen += n;
	return 0;
}

static inline int putc_(csv_reader *r, int c, size_t start, siks_err *e)
{
	if (r->dlen - start >= CSV_MAX_FIELD)
		return siks_fail(e, SIKS_EFORMAT, "",
				 _("Baris %ld: isian lebih panjang dari %d karakter (tanda kutip tidak ditutup?)"),
				 r->line, CSV_MAX_FIELD);
	if (c == 0)
		return put(r, "\xEF\xBF\xBD", 3, e);
	if (r->dlen < r->dcap) {
		r->data[r->dlen++] = (char)c;
		return 0;
	}
	char ch = (char)c;
	return put(r, &ch, 1, e);
}

static int end_field(csv_reader *r, size_t start, siks_err *e)
{
	if (r->nf >= CSV_MAX_FIELDS)
		return siks_fail(e, SIKS_EFORMAT, "", _("Baris %ld: lebih dari %d kolom"),
				 r->line, CSV_MAX_FIELDS);
	r->off[r->nf] = start;
	r->vlen[r->nf] = r->dlen - start;
	r->nf++;
	return put(r, "", 1, e); /* the terminating NUL */
}

/* Consumes a line end starting with c ('\r' or '\n'). */
static int eat_eol(csv_reader *r, int c, siks_err *e)
{
	if (c == '\r') {
		int d = peekc(r, e);
		if (d == -2)
			return -1;
		if (d == '\n')
			r->pos++;
	}
	r->line++;
	return 0;
}

/* Reads one value. *end: 0 more values follow, 1 the row ended, 2 the input ended. */
static int read_field(csv_reader *r, int *flags, int *quoted, int *end, siks_err *e)
{
	size_t start = r->dlen;
	int c = nextc(r, e);
	*quoted = 0;
	if (c == -2)
		return -1;
	if (c == '"') {
		*quoted = 1;
		for (;;) {
			c = nextc(r, e);
			if (c == -2)
				return -1;
			if (c == -1) {
				*flags |= CSV_ROW_OPEN_QUOTE;
				*end = 2;
				return end_field(r, start, e);
			}
			if (c == '"') {
				int d = peekc(r, e);
				if (d == -2)
					return -1;
				if (d == '"') {
					r->pos++;
					if (putc_(r, '"', start, e))
						return -1;
					continue;
				}
				break; /* closing quote */
			}
			if (c == '\n' || (c == '\r' && peekc(r, e) != '\n'))
				r->line++;
			if (putc_(r, c, start, e))
				return -1;
		}
		c = nextc(r, e);
		if (c == -2)
			return -1;
	}
	/* unquoted text, or what follows a closing quote */
	for (;;) {
		if (c == -1) {
			*end = 2;
			break;
		}
		if (c == r->sep) {
			*end = 0;
			break;
		}
		if (c == '\n' || c == '\r') {
			if (eat_eol(r, c, e))
				return -1;
			*end = 1;
			break;
		}
		if (*quoted) /* text after the closing quote: kept, but flagged */
			*flags |= CSV_ROW_BAD_QUOTE;
		if (putc_(r, c, start, e))
			return -1;
		c = nextc(r, e);
		if (c == -2)
			return -1;
	}
	return end_field(r, start, e);
}

int csv_next(csv_reader *r, csv_row *row, siks_err *e)
{
	for (;;) {
		int flags = 0, quoted = 0, any_quoted = 0, end = 0;
		long line = r->line;
		r->dlen = 0;
		r->nf = 0;
		if (r->eof && r->pos == r->len)
			return 0;
		do {
			if (read_field(r, &flags, &quoted, &end, e))
				return -1;
			any_quoted |= quoted;
		} while (end == 0);
		/* a blank line (or the end right after the last line break) */
		if (r->nf == 1 && r->vlen[0] == 0 && !any_quoted) {
			if (end == 2)
				return 0;
			continue;
		}
		for (size_t i = 0; i < r->nf; i++)
			r->f[i] = r->data + r->off[i];
		row->n = r->nf;
		row->f = r->f;
		row->len = r->vlen;
		row->line = line;
		row->rec = r->rec++;
		row->flags = flags;
		return 1;
	}
}

int csv_each(csv_reader *r, csv_row_fn fn, void *arg, siks_err *e)
{
	csv_row row;
	int rc;
	while ((rc = csv_next(r, &row, e)) == 1) {
		int stop = fn(&row, arg);
		if (stop)
			return stop;
	}
	return rc;
}

int csv_sep_from_name(const char *name)
{
	if (!name)
		return 0;
	if (strcmp(name, ",") == 0 || strcasecmp(name, "comma") == 0 || strcasecmp(name, "koma") == 0)
		return ',';
	if (strcmp(name, ";") == 0 || strcasecmp(name, "semicolon") == 0 ||
	    strcasecmp(name, "titik-koma") == 0)
		return ';';
	if (strcmp(name, "\t") == 0 || strcmp(name, "\\t") == 0 || strcasecmp(name, "tab") == 0)
		return '\t';
	if (strcmp(name, "|") == 0 || strcasecmp(name, "pipe") == 0)
		return '|';
	return 0;
}

void csv_add_field(strbuf *b, const char *v, int sep)
{
	size_t n = v ? strlen(v) : 0;
	int quote = n > 0 && (v[0] == ' ' || v[n - 1] == ' ');
	for (size_t i = 0; i < n && !quote; i++)
		quote = v[i] == '"' || v[i] == sep || v[i] == '\n' || v[i] == '\r';
	if (!quote) {
		sb_addn(b, v ? v : "", n);
		return;
	}
	sb_addn(b, "\"", 1);
	for (const char *p = v, *q; *p; p = q + 1) {
		q = strchr(p, '"');
		if (!q) {
			sb_add(b, p);
			break;
		}
		sb_addn(b, p, (size_t)(q - p) + 1);
		sb_addn(b, "\"", 1);
	}
	sb_addn(b, "\"", 1);
}
