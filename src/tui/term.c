/* term.c — terminal set-up and the two schemes (see term.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "term.h"
#include "text.h"
#include "siks/i18n.h"

typedef struct scheme_entry { short fg, bg; int attr; } scheme_entry;

/* Colour scheme: blue panes as operators know them from Midnight Commander. */
static const scheme_entry colour_scheme[R_COUNT] = {
	[R_NORMAL]   = { COLOR_WHITE,  COLOR_BLUE,  0 },
	[R_HEADER]   = { COLOR_BLACK,  COLOR_CYAN,  0 },
	[R_TITLE]    = { COLOR_YELLOW, COLOR_BLUE,  A_BOLD },
	[R_SEL]      = { COLOR_BLACK,  COLOR_CYAN,  0 },
	[R_SEL_DIM]  = { COLOR_WHITE,  COLOR_BLACK, 0 },
	[R_FIELD]    = { COLOR_WHITE,  COLOR_BLUE,  A_BOLD },
	[R_FOCUS]    = { COLOR_BLACK,  COLOR_WHITE, 0 },
	[R_ERROR]    = { COLOR_WHITE,  COLOR_RED,   A_BOLD },
	[R_WARN]     = { COLOR_BLACK,  COLOR_YELLOW, 0 },
	[R_KEYNUM]   = { COLOR_WHITE,  COLOR_BLACK, 0 },
	[R_KEYLABEL] = { COLOR_BLACK,  COLOR_CYAN,  0 },
	[R_MSG]      = { COLOR_WHITE,  COLOR_BLACK, 0 },
	[R_DIM]      = { COLOR_CYAN,   COLOR_BLUE,  0 },
	[R_MARK]     = { COLOR_GREEN,  COLOR_BLUE,  A_BOLD },
	[R_FRAME]    = { COLOR_CYAN,   COLOR_BLUE,  0 },
	[R_PRACTICE] = { COLOR_WHITE,  COLOR_MAGENTA, A_BOLD },
};

/* Monochrome: bold, reverse, underline and dim only. Errors are reverse +
 * bold, warnings bold, so they stay distinct on a vt100. */
static const int mono_scheme[R_COUNT] = {
	[R_NORMAL]   = A_NORMAL,
	[R_HEADER]   = A_REVERSE,
	[R_TITLE]    = A_BOLD,
	[R_SEL]      = A_REVERSE,
	[R_SEL_DIM]  = A_UNDERLINE,
	[R_FIELD]    = A_UNDERLINE,
	[R_FOCUS]    = A_REVERSE,
	[R_ERROR]    = A_REVERSE | A_BOLD,
	[R_WARN]     = A_BOLD | A_UNDERLINE,
	[R_KEYNUM]   = A_NORMAL,
	[R_KEYLABEL] = A_REVERSE,
	[R_MSG]      = A_NORMAL,
	[R_DIM]      = A_DIM,
	[R_MARK]     = A_BOLD,
	[R_FRAME]    = A_NORMAL,
	[R_PRACTICE] = A_REVERSE | A_BOLD,
};

static int attrs[R_COUNT];
static int colour_on;
static SCREEN *scr;

static int want_colour(void)
{
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc) return 0; /* no-color.org: present and not empty */
	return has_colors();
}

int term_start(char *err, size_t n)
{
	const char *t = getenv("TERM");
	if (!t || !*t) setenv("TERM", "vt100", 1);
	/* newterm, unlike initscr, returns NULL instead of exiting on an unknown TERM */
	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		snprintf(err, n, _("Terminal \"%s\" tidak dikenal; coba TERM=vt100."), getenv("TERM"));
		return -1;
	}
	set_term(scr);
	text_set_utf8(siks_i18n_utf8());
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	colour_on = want_colour();
	if (colour_on) {
		start_color();
		for (int r = 0; r < R_COUNT; r++) {
			init_pair((short)(r + 1), colour_scheme[r].fg, colour_scheme[r].bg);
			attrs[r] = COLOR_PAIR(r + 1) | colour_scheme[r].attr;
		}
	} else {
		for (int r = 0; r < R_COUNT; r++) attrs[r] = mono_scheme[r];
	}
	bkgdset(' ' | attrs[R_NORMAL]);
	return 0;
}

void term_end(void)
{
	if (!scr) return;
	endwin();
	delscreen(scr);
	scr = NULL;
}

int term_colour(void) { return colour_on; }

int ui_attr(int role)
{
	return (role >= 0 && role < R_COUNT) ? attrs[role] : (int)A_NORMAL;
}
