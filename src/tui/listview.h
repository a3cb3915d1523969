/* listview.h — a scrolling list with a selection that never holds more rows
 * than fit on the screen. Rows come from a source that answers "the n rows
 * after (or before) this one" — keyset paging, so a list of a million
 * households costs one page of memory and one index seek per move. Small
 * in-memory lists use the same source interface over indices (lv_array_*). */
#ifndef TUI_LISTVIEW_H
#define TUI_LISTVIEW_H
#include <curses.h>
#include <stddef.h>

typedef struct lv_source {
	size_t rowsize;
	/* Up to n rows after (dir = +1) or before (dir = -1) row `from`; from NULL
	 * means from the start (dir +1) or the end (dir -1). Rows are written to out
	 * in display order. Returns the count, or -1 on error. */
	int (*fetch)(void *ctx, const void *from, int dir, int n, void *out);
	/* Draws row in width columns at (y,x). sel: 0 no, 1 selected, 2 selected
	 * in an inactive pane. */
	void (*draw)(void *ctx, const void *row, WINDOW *w, int y, int x, int width, int sel);
	void *ctx;
} lv_source;

typedef struct listview {
	lv_source src;
	unsigned char *rows; /* cap rows of src.rowsize */
	int cap;             /* rows allocated (>= height) */
	int count;           /* rows held, <= height */
	int height;          /* rows shown */
	int sel;             /* selected index in rows, -1 when empty */
	int failed;          /* the source returned an error */
} listview;

int lv_init(listview *lv, const lv_source *src, int height);
void lv_free(listview *lv);
/* Changes the height, keeping the top row. */
int lv_resize(listview *lv, int height);
/* Fetches from the start again (after a search or sort change). */
void lv_home(listview *lv);
void lv_end(listview *lv);
/* Fetches again around the current position (after the data changed). */
void lv_reload(listview *lv);
void lv_move(listview *lv, int delta);   /* +1 / -1 */
void lv_page(listview *lv, int dir);     /* +1 page down / -1 page up */
/* Handles movement keys; 1 when handled. */
int lv_key(listview *lv, int key);
const void *lv_selected(const listview *lv);
const void *lv_row(const listview *lv, int i);
/* Draws the rows at (y,x), width columns; active: this pane has the focus. */
void lv_draw(listview *lv, WINDOW *w, int y, int x, int width, int active);

/* A source over count items of an array: rows are ints (the index). */
typedef struct lv_array { int count; void *ctx;
	void (*draw)(void *ctx, int i, WINDOW *w, int y, int x, int width, int sel); } lv_array;
void lv_array_source(lv_source *src, lv_array *a);
/* Index of the selected item of an array list, -1 when none. */
int lv_array_sel(const listview *lv);
/* Selects item i of an array list (scrolling to it). */
void lv_array_select(listview *lv, int i);
#endif
