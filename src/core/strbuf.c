/* strbuf.c — growable strings. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/strbuf.h"

static int reserve(strbuf *b, size_t more)
{
	if (b->oom)
		return -1;
	if (b->n + more + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->n + more + 1)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p) {
		b->oom = 1;
		return -1;
	}
	b->p = p;
	b->cap = cap;
	return 0;
}

void sb_addn(strbuf *b, const char *s, size_t n)
{
	if (reserve(b, n) != 0)
		return;
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void sb_add(strbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

void sb_addf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (k < 0 || reserve(b, (size_t)k) != 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)k;
}

void sb_add_json(strbuf *b, const char *s)
{
	sb_addn(b, "\"", 1);
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		switch (*c) {
		case '"': sb_addn(b, "\\\"", 2); break;
		case '\\': sb_addn(b, "\\\\", 2); break;
		case '\n': sb_addn(b, "\\n", 2); break;
		case '\r': sb_addn(b, "\\r", 2); break;
		case '\t': sb_addn(b, "\\t", 2); break;
		default:
			if (*c < 0x20)
				sb_addf(b, "\\u%04x", *c);
			else
				sb_addn(b, (const char *)c, 1);
		}
	}
	sb_addn(b, "\"", 1);
}

void sb_reset(strbuf *b)
{
	b->n = 0;
	if (b->p)
		b->p[0] = '\0';
}

void sb_free(strbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
	b->oom = 0;
}
