/* term.h — the terminal: set-up and tear-down, and the colour scheme chosen
 * once at start (a colour one, or the monochrome one for TERM=vt100, for
 * terminals without colours and when NO_COLOR is set). Screens ask for a
 * role's attribute; they never name colours. */
#ifndef TUI_TERM_H
#define TUI_TERM_H
#include <curses.h>

enum ui_role {
	R_NORMAL = 0, R_HEADER, R_TITLE, R_SEL, R_SEL_DIM, R_FIELD, R_FOCUS,
	R_ERROR, R_WARN, R_KEYNUM, R_KEYLABEL, R_MSG, R_DIM, R_MARK, R_FRAME,
	R_PRACTICE, /* the LATIHAN tag of a practice database */
	R_COUNT
};

/* Starts curses (raw keys so Ctrl-S and Ctrl-Q reach the program).
 * Returns 0, or -1 when the terminal cannot be used (message in err). */
int term_start(char *err, size_t n);
void term_end(void);
/* 1 when the colour scheme is in use, 0 monochrome. */
int term_colour(void);
int ui_attr(int role);
/* Control-key code of a letter: CTRL('S') == 19. */
#define CTRL(c) ((c) & 0x1f)
#define KEY_ESC 27
#endif
