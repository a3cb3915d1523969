/* dash.h — the district dashboard's parts shared between its table
 * (scr_dash.c) and a village's detail (scr_dash_detail.c), and the column
 * layout, which the widget tests check at 80 and 160 columns. */
#ifndef TUI_DASH_H
#define TUI_DASH_H
#include <stdint.h>
#include "tui.h"
#include "siks/sync.h"

/* Room for every column of the table. */
#define C_N_MAX 24

/* Widths of the table's columns for a terminal width columns wide (0: the
 * column is left out; the village name takes what the others leave, at
 * least 22 when optional columns joined). Returns the columns shown. */
int dash_layout(int width, int w[C_N_MAX]);
/* Proposals still open (Draf, Disetujui musdes, Dikirim) of a village. */
int64_t dash_open_usulan(const sync_peer_status *p);
/* The detail of village p (name: as the table shows it) until Esc. Returns 1
 * when something may have changed (a conflict was decided). */
int dash_detail(ui *u, const sync_peer_status *p, const char *name);
#endif
