/* strbuf.h — a growable, always NUL-terminated string. The caller owns p
 * (free with sb_free). On allocation failure the buffer keeps what fit and
 * sets oom, so callers check once at the end. */
#ifndef SIKS_STRBUF_H
#define SIKS_STRBUF_H
#include <stddef.h>

typedef struct strbuf {
	char *p;
	size_t n, cap;
	int oom;
} strbuf;

void sb_add(strbuf *b, const char *s);
void sb_addn(strbuf *b, const char *s, size_t n);
void sb_addf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string literal (quotes and escapes included). */
void sb_add_json(strbuf *b, const char *s);
void sb_reset(strbuf *b);
void sb_free(strbuf *b);
#endif
