/* checklist.c — checkbox list (see checklist.h). */
#include <stdlib.h>
#include <string.h>
#include "checklist.h"
#include "term.h"
#include "text.h"

void cl_init(checklist *c) { memset(c, 0, sizeof *c); }
void cl_free(checklist *c) { free(c->items); memset(c, 0, sizeof *c); }

int cl_resize(checklist *c, int n)
{
	if (n != c->n) {
		cl_item *p = realloc(c->items, (size_t)(n > 0 ? n : 1) * sizeof *p);
		if (!p) return -1;
		c->items = p;
		if (n > c->n) memset(p + c->n, 0, (size_t)(n - c->n) * sizeof *p);
		c->n = n;
	}
	if (c->sel >= n) c->sel = n ? n - 1 : 0;
	return 0;
}

void cl_move(checklist *c, int d)
{
	c->sel += d;
	if (c->sel < 0) c->sel = 0;
	if (c->sel >= c->n) c->sel = c->n - 1;
	if (c->sel < 0) c->sel = 0;
}

int cl_key(checklist *c, int key)
{
	switch (key) {
	case KEY_UP: cl_move(c, -1); return 1;
	case KEY_DOWN: cl_move(c, +1); return 1;
	case KEY_PPAGE: cl_move(c, -10); return 1;
	case KEY_NPAGE: cl_move(c, +10); return 1;
	case KEY_HOME: c->sel = 0; return 1;
	case KEY_END: c->sel = c->n ? c->n - 1 : 0; return 1;
	}
	return 0;
}

void cl_draw(checklist *c, WINDOW *w, int y, int x, int h, int width, int active)
{
	if (c->sel < c->top) c->top = c->sel;
	if (c->sel >= c->top + h) c->top = c->sel - h + 1;
	for (int r = 0; r < h; r++) {
		int i = c->top + r;
		if (i >= c->n) { text_draw(w, y + r, x, "", width, ui_attr(R_NORMAL)); continue; }
		cl_item *it = &c->items[i];
		int sel = i == c->sel;
		int attr = ui_attr(sel ? (active ? R_SEL : R_SEL_DIM) : R_NORMAL);
		const char *box = it->locked ? (it->state == 1 ? "[=x]" : it->state == 0 ? "[= ]" : "[=?]")
					     : (it->state == 1 ? "[x] " : it->state == 0 ? "[ ] " : "[?] ");
		text_draw(w, y + r, x, box, 5, attr | (it->locked ? 0 : A_BOLD));
		char line[400];
		if (it->locked && it->note[0] && width > 60) {
			snprintf(line, sizeof line, "%s  (%s)", it->text, it->note);
			text_draw(w, y + r, x + 5, line, width - 5, attr | (it->locked && !sel ? A_DIM : 0));
		} else {
			text_draw(w, y + r, x + 5, it->text, width - 5, attr | (it->locked && !sel ? A_DIM : 0));
		}
	}
}
