/* tui.h — what every screen of the terminal UI shares: the ui context (the
 * open register, the terminal size, the message line), the results a key
 * handler returns (htop's habit: handlers say what should happen next, they
 * never exit or redraw the world themselves), and the frame drawn around
 * every screen: header, message line and key bar. */
#ifndef TUI_TUI_H
#define TUI_TUI_H
#include <curses.h>
#include "siks/siks.h"
#include "siks/indicator.h"
#include "../cli/cli.h"
#include "term.h"

/* What a handler wants next (may be or-ed). */
enum ui_result {
	UI_UNHANDLED = 0, /* not mine: pass the key on */
	UI_HANDLED = 1,   /* done, nothing else to draw */
	UI_REDRAW = 2,    /* draw the screen again */
	UI_CLOSE = 4,     /* close this screen / dialog */
	UI_QUIT = 8       /* leave the program (after asking about unsaved work) */
};

/* Smallest usable terminal; below it the "too small" screen is shown. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 16

typedef struct ui {
	siks *s;
	cli_ctx *c;
	int rows, cols;
	char msg[512];       /* message line ("" shows the key hint) */
	int msg_role;        /* R_MSG, R_WARN, R_ERROR */
	int small_ok;        /* the operator chose to go on in a too-small terminal */
	char today[11];
	siks_indset set;     /* indicator set in use */
	int have_set;
	/* draws the screen beneath a dialog again (after a resize) */
	void (*paint)(struct ui *u);
	void *paint_ctx;
} ui;

/* Reads one key (see edit.h for how characters are coded). A resize updates
 * rows/cols and is returned as KEY_RESIZE for the caller to re-lay out. */
int ui_getkey(ui *u);
/* Sets the message line (printf format, already translated). */
void ui_msg(ui *u, int role, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Header (program, village, operator, date, unsent changes), message line and
 * key bar for ctx; returns the first and last row left for panes. */
void ui_frame(ui *u, int ctx, int *top, int *bottom);
/* Only the message line and key bar (after a message changed). */
void ui_footer(ui *u, int ctx);
/* 1 while the terminal is below the minimum and the too-small screen shows. */
int ui_too_small(ui *u);
/* Runs the too-small screen until resized, ignored or quit; returns UI_QUIT or 0. */
int ui_small_screen(ui *u);
/* Changes not yet sent to the district. */
long ui_unsent(ui *u);
/* Draws a box with a title at (y,x) h by w. */
void ui_box(int y, int x, int h, int w, const char *title);
#endif
