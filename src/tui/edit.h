/* edit.h — a one-line field editor over UTF-8 text. The cursor is a byte
 * offset that always sits on a character boundary; limits count characters
 * and the view scrolls by screen columns (calcurse's getstring habit), so
 * "Siti Nur'aini" or "Regapu’u" move one character per key press. */
#ifndef TUI_EDIT_H
#define TUI_EDIT_H
#include <curses.h>
#include <stddef.h>

#define EDIT_MAX 512

typedef struct edit {
	char buf[EDIT_MAX]; /* UTF-8, NUL-terminated */
	size_t len;         /* bytes in buf */
	size_t cur;         /* cursor: byte offset at a character boundary */
	int maxchars;       /* 0: as much as buf holds */
	int digits;         /* 1: only 0-9 accepted */
	int scroll;         /* first column shown */
	int changed;        /* 1 after any edit since edit_set */
} edit;

enum edit_result { ED_UNHANDLED = 0, ED_MOVED, ED_CHANGED, ED_FULL };

/* Keys as the UI reads them: a function key is its curses KEY_ code; a
 * character is its code point, offset by UI_CHAR_BASE when above U+00FF so it
 * can never be mistaken for a KEY_ code. */
#define UI_CHAR_BASE 0x1000000
int key_char(int key);          /* code point of a character key, else 0 */
int key_from_wch(int rc, unsigned wch);

void edit_set(edit *e, const char *s, int maxchars, int digits);
/* Handles editing keys; ED_FULL when a digits field just became full. */
int edit_key(edit *e, int key);
/* Inserts one character (code point); 0 or -1 when refused. */
int edit_insert(edit *e, unsigned cp);
/* Draws in width columns at (y,x); with focus, places the cursor. */
void edit_draw(edit *e, WINDOW *w, int y, int x, int width, int attr, int focus);
#endif
