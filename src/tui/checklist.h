/* checklist.h — a list of checkboxes: [x] met, [ ] not met, [?] unknown;
 * locked items (computed from data) show [=]-style marks and cannot be
 * toggled. Owns its items array. */
#ifndef TUI_CHECKLIST_H
#define TUI_CHECKLIST_H
#include <curses.h>

typedef struct cl_item {
	char text[220];
	char note[120];   /* shown under a locked item: where it comes from */
	int state;        /* -1 unknown, 0 no, 1 yes */
	int locked;
} cl_item;

typedef struct checklist {
	cl_item *items;
	int n, sel, top;
} checklist;

void cl_init(checklist *c);
void cl_free(checklist *c);
int cl_resize(checklist *c, int n);
void cl_move(checklist *c, int d);
int cl_key(checklist *c, int key);
void cl_draw(checklist *c, WINDOW *w, int y, int x, int h, int width, int active);
#endif
