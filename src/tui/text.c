/* text.c — characters and columns over UTF-8 (see text.h). */
#include <string.h>
#include <wchar.h>
#include "text.h"

static int utf8_term = 1;

void text_set_utf8(int utf8) { utf8_term = utf8; }
int text_utf8(void) { return utf8_term; }

int u8_decode(const char *str, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c = s[0];
	int n, i;
	if (c < 0x80) { *cp = c; return 1; }
	if (c >= 0xC2 && c <= 0xDF) { n = 2; c &= 0x1F; }
	else if (c >= 0xE0 && c <= 0xEF) { n = 3; c &= 0x0F; }
	else if (c >= 0xF0 && c <= 0xF4) { n = 4; c &= 0x07; }
	else { *cp = 0xFFFD; return 1; }
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* overlong forms and surrogates are invalid, so never shown as letters */
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF)) { *cp = 0xFFFD; return 1; }
	*cp = c;
	return n;
}

int u8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
	if (cp < 0x800) { o[0] = 0xC0 | (cp >> 6); o[1] = 0x80 | (cp & 0x3F); return 2; }
	if (cp < 0x10000) {
		o[0] = 0xE0 | (cp >> 12); o[1] = 0x80 | ((cp >> 6) & 0x3F); o[2] = 0x80 | (cp & 0x3F);
		return 3;
	}
	o[0] = 0xF0 | (cp >> 18); o[1] = 0x80 | ((cp >> 12) & 0x3F);
	o[2] = 0x80 | ((cp >> 6) & 0x3F); o[3] = 0x80 | (cp & 0x3F);
	return 4;
}

size_t u8_next(const char *s, size_t i)
{
	uint32_t cp;
	if (!s[i]) return i;
	return i + (size_t)u8_decode(s + i, &cp);
}

size_t u8_prev(const char *s, size_t i)
{
	/* walk forward from a safe point so invalid bytes count as one character */
	size_t p = 0, last = 0;
	if (i == 0) return 0;
	size_t start = i > 8 ? i - 8 : 0;
	while (start > 0 && ((unsigned char)s[start] & 0xC0) == 0x80) start--;
	p = start; last = start;
	while (p < i) { last = p; p = u8_next(s, p); }
	return last;
}

int u8_chars(const char *s)
{
	int n = 0;
	for (size_t i = 0; s[i]; i = u8_next(s, i)) n++;
	return n;
}

static const char latin1[] =
	"AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
static const char latin_ext_a[] =
	"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNn"
	"OoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

char translit_char(uint32_t cp)
{
	if (cp < 0x80) return (cp < 0x20 || cp == 0x7F) ? '?' : (char)cp;
	if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0];
	if (cp >= 0x100 && cp <= 0x17F) return latin_ext_a[cp - 0x100];
	if (cp >= 0x300 && cp <= 0x36F) return 0; /* combining accent: the base letter stays */
	switch (cp) {
	case 0xA0: return ' ';
	case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: case 0x02BB:
	case 0xB4: return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x2033: return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return '-';
	case 0x2026: case 0xB7: case 0x2022: return '.';
	case 0xAB: return '<';
	case 0xBB: return '>';
	}
	return '?';
}

void translit(const char *in, char *out, size_t n)
{
	size_t o = 0;
	uint32_t cp;
	if (!n) return;
	for (size_t i = 0; in[i] && o + 1 < n; ) {
		i += (size_t)u8_decode(in + i, &cp);
		char c = translit_char(cp);
		if (c) out[o++] = c;
	}
	out[o] = 0;
}

int u8_cpwidth(uint32_t cp)
{
	if (!utf8_term) return translit_char(cp) ? 1 : 0;
	if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD) return 1; /* drawn as '?' */
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int u8_width(const char *s)
{
	int w = 0;
	uint32_t cp;
	for (size_t i = 0; s[i]; ) {
		i += (size_t)u8_decode(s + i, &cp);
		w += u8_cpwidth(cp);
	}
	return w;
}

int u8_col_of(const char *s, size_t upto)
{
	int w = 0;
	uint32_t cp;
	for (size_t i = 0; s[i] && i < upto; ) {
		i += (size_t)u8_decode(s + i, &cp);
		w += u8_cpwidth(cp);
	}
	return w;
}

/* Draws the characters of s that fit in width columns; returns columns used. */
static int draw_chars(WINDOW *w, const char *s, int width)
{
	int col = 0;
	uint32_t cp;
	for (size_t i = 0; s && s[i]; ) {
		int len = u8_decode(s + i, &cp);
		int cw = u8_cpwidth(cp);
		if (col + cw > width) break;
		if (!utf8_term) {
			char c = translit_char(cp);
			if (c) waddch(w, (unsigned char)c);
		} else if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD) {
			waddch(w, '?');
		} else {
			waddnstr(w, s + i, len);
		}
		col += cw;
		i += (size_t)len;
	}
	return col;
}

int text_draw(WINDOW *w, int y, int x, const char *s, int width, int attr)
{
	if (width <= 0) return 0;
	wattrset(w, attr);
	wmove(w, y, x);
	int col = draw_chars(w, s, width);
	for (int c = col; c < width; c++) waddch(w, ' ');
	wattrset(w, A_NORMAL);
	return col;
}

int text_draw_right(WINDOW *w, int y, int x, const char *s, int width, int attr)
{
	int tw = u8_width(s ? s : "");
	if (width <= 0) return 0;
	if (tw >= width) return text_draw(w, y, x, s, width, attr);
	wattrset(w, attr);
	wmove(w, y, x);
	for (int c = 0; c < width - tw; c++) waddch(w, ' ');
	draw_chars(w, s, tw);
	wattrset(w, A_NORMAL);
	return tw;
}

int text_wrap(const char *text, int width, char lines[][256], int max)
{
	int n = 0;
	const char *p = text;
	if (width < 1) width = 1;
	while (*p && n < max) {
		size_t i = 0, brk = 0;
		int col = 0;
		uint32_t cp;
		while (p[i] && p[i] != '\n') {
			int len = u8_decode(p + i, &cp);
			int cw = u8_cpwidth(cp);
			if (col + cw > width) break;
			if (p[i] == ' ') brk = i;
			col += cw;
			i += (size_t)len;
		}
		size_t take = i;
		if (p[i] && p[i] != '\n' && brk > 0) take = brk;
		if (take > 255) { take = 255; while (take > 0 && ((unsigned char)p[take] & 0xC0) == 0x80) take--; }
		if (take == 0 && p[0] && p[0] != '\n') take = (size_t)u8_decode(p, &cp); /* one wide character */
		memcpy(lines[n], p, take);
		lines[n][take] = 0;
		n++;
		p += take;
		while (*p == ' ') p++;
		if (*p == '\n') p++;
	}
	return n;
}
