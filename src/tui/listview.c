/* listview.c — the keyset-paged scrolling list (see listview.h). */
#include <stdlib.h>
#include <string.h>
#include "listview.h"
#include "term.h"

#define ROW(lv, i) ((lv)->rows + (size_t)(i) * (lv)->src.rowsize)

int lv_init(listview *lv, const lv_source *src, int height)
{
	memset(lv, 0, sizeof *lv);
	lv->src = *src;
	lv->sel = -1;
	return lv_resize(lv, height);
}

void lv_free(listview *lv)
{
	free(lv->rows);
	lv->rows = NULL;
	lv->count = lv->cap = 0;
}

/* scratch space for up to n rows after the held ones */
static int ensure(listview *lv, int n)
{
	if (n <= lv->cap) return 0;
	unsigned char *p = realloc(lv->rows, (size_t)n * lv->src.rowsize);
	if (!p) return -1;
	lv->rows = p;
	lv->cap = n;
	return 0;
}

static int fetch(listview *lv, const void *from, int dir, int n, void *out)
{
	int k = lv->src.fetch(lv->src.ctx, from, dir, n, out);
	if (k < 0) { lv->failed = 1; return 0; }
	lv->failed = 0;
	return k;
}

int lv_resize(listview *lv, int height)
{
	if (height < 1) height = 1;
	if (ensure(lv, 2 * height + 2) != 0) return -1;
	lv->height = height;
	if (lv->count == 0) { lv_home(lv); return 0; }
	if (lv->count > height) {
		/* keep the selection visible */
		int drop = lv->sel >= height ? lv->sel - height + 1 : 0;
		memmove(lv->rows, ROW(lv, drop), (size_t)(height) * lv->src.rowsize);
		lv->sel -= drop;
		lv->count = height;
	} else if (lv->count < height) {
		int k = fetch(lv, ROW(lv, lv->count - 1), +1, height - lv->count, ROW(lv, lv->count));
		lv->count += k;
		if (lv->count < height) {
			/* at the end of the list: fill the taller page from above */
			int want = height - lv->count;
			int b = fetch(lv, ROW(lv, 0), -1, want, ROW(lv, height));
			if (b > 0) {
				memmove(ROW(lv, b), ROW(lv, 0), (size_t)lv->count * lv->src.rowsize);
				memmove(ROW(lv, 0), ROW(lv, height), (size_t)b * lv->src.rowsize);
				lv->count += b;
				lv->sel += b;
			}
		}
	}
	return 0;
}

void lv_home(listview *lv)
{
	lv->count = fetch(lv, NULL, +1, lv->height, lv->rows);
	lv->sel = lv->count ? 0 : -1;
}

void lv_end(listview *lv)
{
	lv->count = fetch(lv, NULL, -1, lv->height, lv->rows);
	lv->sel = lv->count - 1;
}

void lv_reload(listview *lv)
{
	if (lv->count == 0) { lv_home(lv); return; }
	int sel = lv->sel;
	/* the row before the top, then a page after it: the top row comes back
	 * when it still exists, and the list closes over it when it does not */
	unsigned char *prev = ROW(lv, lv->height + 1);
	int k = fetch(lv, ROW(lv, 0), -1, 1, prev);
	if (k == 1) {
		memcpy(ROW(lv, lv->height), prev, lv->src.rowsize);
		lv->count = fetch(lv, ROW(lv, lv->height), +1, lv->height, lv->rows);
	} else {
		lv->count = fetch(lv, NULL, +1, lv->height, lv->rows);
	}
	if (lv->count == 0) { /* everything from here on went away: show the end */
		lv_end(lv);
		return;
	}
	lv->sel = sel < lv->count ? sel : lv->count - 1;
}

void lv_move(listview *lv, int delta)
{
	if (lv->count == 0) return;
	if (delta > 0) {
		if (lv->sel + 1 < lv->count) { lv->sel++; return; }
		if (fetch(lv, ROW(lv, lv->count - 1), +1, 1, ROW(lv, lv->count)) == 1) {
			if (lv->count == lv->height) {
				memmove(lv->rows, ROW(lv, 1), (size_t)lv->count * lv->src.rowsize);
			} else {
				lv->count++;
			}
			lv->sel = lv->count - 1;
		}
	} else {
		if (lv->sel > 0) { lv->sel--; return; }
		unsigned char *tmp = ROW(lv, lv->height + 1);
		if (fetch(lv, ROW(lv, 0), -1, 1, tmp) == 1) {
			int keep = lv->count < lv->height ? lv->count : lv->height - 1;
			memmove(ROW(lv, 1), ROW(lv, 0), (size_t)keep * lv->src.rowsize);
			memcpy(ROW(lv, 0), tmp, lv->src.rowsize);
			lv->count = keep + 1;
			lv->sel = 0;
		}
	}
}

void lv_page(listview *lv, int dir)
{
	if (lv->count == 0) return;
	int h = lv->height;
	size_t rs = lv->src.rowsize;
	if (dir > 0) {
		int k = fetch(lv, ROW(lv, lv->count - 1), +1, h, ROW(lv, lv->count));
		if (k < h) { /* fewer than a page left: show them, select the last */
			int total = lv->count + k, drop = total > h ? total - h : 0;
			memmove(lv->rows, ROW(lv, drop), (size_t)(total - drop) * rs);
			lv->count = total - drop;
			lv->sel = lv->count - 1;
			return;
		}
		memmove(lv->rows, ROW(lv, lv->count), (size_t)h * rs);
		lv->count = h; /* selection keeps its place on the screen */
	} else {
		/* rows before the top land after the window (scratch), then move in */
		int k = fetch(lv, ROW(lv, 0), -1, h, ROW(lv, h));
		if (k == 0) { lv->sel = 0; return; }
		int keep = h - k < lv->count ? h - k : lv->count;
		memmove(ROW(lv, k), ROW(lv, 0), (size_t)keep * rs);
		memmove(ROW(lv, 0), ROW(lv, h), (size_t)k * rs);
		lv->count = k + keep;
		if (k < h) lv->sel = 0;
	}
	if (lv->sel >= lv->count) lv->sel = lv->count - 1;
}

int lv_key(listview *lv, int key)
{
	switch (key) {
	case KEY_DOWN: lv_move(lv, +1); return 1;
	case KEY_UP: lv_move(lv, -1); return 1;
	case KEY_NPAGE: lv_page(lv, +1); return 1;
	case KEY_PPAGE: lv_page(lv, -1); return 1;
	case KEY_HOME: lv_home(lv); return 1;
	case KEY_END: lv_end(lv); return 1;
	}
	return 0;
}

const void *lv_selected(const listview *lv)
{
	return lv->sel >= 0 && lv->sel < lv->count ? ROW(lv, lv->sel) : NULL;
}

const void *lv_row(const listview *lv, int i)
{
	return i >= 0 && i < lv->count ? ROW(lv, i) : NULL;
}

void lv_draw(listview *lv, WINDOW *w, int y, int x, int width, int active)
{
	for (int i = 0; i < lv->height; i++) {
		if (i < lv->count) {
			int sel = i == lv->sel ? (active ? 1 : 2) : 0;
			lv->src.draw(lv->src.ctx, ROW(lv, i), w, y + i, x, width, sel);
		} else {
			wattrset(w, ui_attr(R_NORMAL));
			mvwhline(w, y + i, x, ' ', width);
		}
	}
}

/* --- array source ------------------------------------------------------ */

static int array_fetch(void *ctx, const void *from, int dir, int n, void *out)
{
	lv_array *a = ctx;
	int *o = out, start, k = 0;
	if (dir > 0) {
		start = from ? *(const int *)from + 1 : 0;
		for (int i = start; i < a->count && k < n; i++) o[k++] = i;
	} else {
		int end = from ? *(const int *)from : a->count; /* exclusive */
		start = end - n < 0 ? 0 : end - n;
		for (int i = start; i < end; i++) o[k++] = i;
	}
	return k;
}

static void array_draw(void *ctx, const void *row, WINDOW *w, int y, int x, int width, int sel)
{
	lv_array *a = ctx;
	a->draw(a->ctx, *(const int *)row, w, y, x, width, sel);
}

void lv_array_source(lv_source *src, lv_array *a)
{
	src->rowsize = sizeof(int);
	src->fetch = array_fetch;
	src->draw = array_draw;
	src->ctx = a;
}

int lv_array_sel(const listview *lv)
{
	const int *p = lv_selected(lv);
	return p ? *p : -1;
}

void lv_array_select(listview *lv, int i)
{
	lv_home(lv);
	while (lv_array_sel(lv) >= 0 && lv_array_sel(lv) < i) {
		int before = lv_array_sel(lv);
		lv_move(lv, +1);
		if (lv_array_sel(lv) == before) break;
	}
}
