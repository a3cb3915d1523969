/* keybar.h — the Midnight-Commander key bar ("1Bantuan 2Simpan ... 10Keluar")
 * and the hint line with the same actions on letter / Ctrl keys. Both are
 * generated from the action table for the context shown. */
#ifndef TUI_KEYBAR_H
#define TUI_KEYBAR_H
#include <curses.h>
#include <stddef.h>

/* Draws the bar for ctx on row y of w, cols wide. */
void keybar_draw(WINDOW *w, int y, int cols, int ctx);
/* The hint for ctx ("^S Simpan  / Cari ..."), in out. */
void keybar_hint(int ctx, char *out, size_t n);
/* Columns the hint must fit in (the terminal width). */
void keybar_set_width(int cols);
#endif
