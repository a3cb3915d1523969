/* edit.c — the one-line UTF-8 field editor (see edit.h). */
#include <string.h>
#include "edit.h"
#include "term.h"
#include "text.h"

int key_from_wch(int rc, unsigned wch)
{
	if (rc == KEY_CODE_YES) return (int)wch;
	if (wch > 0xFF) return (int)(wch + UI_CHAR_BASE);
	return (int)wch;
}

int key_char(int key)
{
	if (key >= UI_CHAR_BASE) return key - UI_CHAR_BASE;
	if (key >= 32 && key < 127) return key;
	if (key >= 0xA0 && key <= 0xFF && text_utf8()) return key;
	return 0;
}

void edit_set(edit *e, const char *s, int maxchars, int digits)
{
	memset(e, 0, sizeof *e);
	e->maxchars = maxchars;
	e->digits = digits;
	if (s) {
		/* keep whole characters only */
		size_t i = 0;
		int n = 0;
		while (s[i] && (!maxchars || n < maxchars)) {
			size_t nx = u8_next(s, i);
			if (nx >= EDIT_MAX) break;
			i = nx;
			n++;
		}
		memcpy(e->buf, s, i);
		e->buf[i] = 0;
		e->len = i;
	}
	e->cur = e->len;
}

int edit_insert(edit *e, unsigned cp)
{
	char enc[4];
	if (e->digits && (cp < '0' || cp > '9')) return -1;
	if (cp < 32 || cp == 127) return -1;
	if (!text_utf8() && cp > 127) return -1; /* cannot know what it was */
	if (e->maxchars && u8_chars(e->buf) >= e->maxchars) return -1;
	int n = u8_encode(cp, enc);
	if (e->len + (size_t)n >= EDIT_MAX) return -1;
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, enc, (size_t)n);
	e->len += (size_t)n;
	e->cur += (size_t)n;
	e->changed = 1;
	return 0;
}

static void erase_range(edit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
	e->changed = 1;
}

int edit_key(edit *e, int key)
{
	int cp = key_char(key);
	if (cp) {
		if (edit_insert(e, (unsigned)cp) != 0) { beep(); return ED_MOVED; }
		if (e->digits && e->maxchars && u8_chars(e->buf) == e->maxchars &&
		    e->cur == e->len)
			return ED_FULL;
		return ED_CHANGED;
	}
	switch (key) {
	case KEY_LEFT:
		e->cur = u8_prev(e->buf, e->cur);
		return ED_MOVED;
	case KEY_RIGHT:
		e->cur = u8_next(e->buf, e->cur);
		return ED_MOVED;
	case KEY_HOME: case CTRL('A'):
		e->cur = 0;
		return ED_MOVED;
	case KEY_END: case CTRL('E'):
		e->cur = e->len;
		return ED_MOVED;
	case KEY_BACKSPACE: case 127: case CTRL('H'):
		if (e->cur == 0) return ED_MOVED;
		erase_range(e, u8_prev(e->buf, e->cur), e->cur);
		return ED_CHANGED;
	case KEY_DC:
		if (e->cur >= e->len) return ED_MOVED;
		erase_range(e, e->cur, u8_next(e->buf, e->cur));
		return ED_CHANGED;
	case CTRL('U'):
		erase_range(e, 0, e->len);
		return ED_CHANGED;
	case CTRL('W'): {
		/* delete the word before the cursor */
		size_t p = e->cur;
		while (p > 0 && e->buf[p - 1] == ' ') p--;
		while (p > 0 && e->buf[p - 1] != ' ') p = u8_prev(e->buf, p);
		if (p == e->cur) return ED_MOVED;
		erase_range(e, p, e->cur);
		return ED_CHANGED;
	}
	}
	return ED_UNHANDLED;
}

void edit_draw(edit *e, WINDOW *w, int y, int x, int width, int attr, int focus)
{
	if (width <= 0) return;
	if (!focus) { /* a field without the cursor shows its beginning */
		text_draw(w, y, x, e->buf, width, attr);
		return;
	}
	int curcol = u8_col_of(e->buf, e->cur);
	/* keep the cursor inside the window, with one column to spare at the end */
	if (curcol < e->scroll) e->scroll = curcol;
	if (curcol - e->scroll > width - 1) e->scroll = curcol - width + 1;
	if (e->scroll < 0) e->scroll = 0;
	size_t i = 0;
	int col = 0;
	uint32_t cp;
	while (e->buf[i] && col < e->scroll) {
		int n = u8_decode(e->buf + i, &cp);
		col += u8_cpwidth(cp);
		i += (size_t)n;
	}
	text_draw(w, y, x, e->buf + i, width, attr);
	if (focus) wmove(w, y, x + curcol - e->scroll);
}
