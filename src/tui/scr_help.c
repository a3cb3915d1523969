/* scr_help.c — the help screen (F1): the rule of the field under the cursor,
 * then every key of the screen it was called from, generated from the action
 * table, then the editing keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "listview.h"
#include "screens.h"
#include "text.h"
#include "siks/i18n.h"

#define HELP_LINES 80

typedef struct help { char lines[HELP_LINES][300]; int n; } help;

static void add(help *h, const char *fmt, const char *a, const char *b)
{
	if (h->n >= HELP_LINES) return;
	snprintf(h->lines[h->n++], sizeof h->lines[0], fmt, a ? a : "", b ? b : "");
}

static void draw_line(void *ctx, int i, WINDOW *w, int y, int x, int width, int sel)
{
	help *h = ctx;
	const char *s = h->lines[i];
	int title = s[0] && s[0] != ' ';
	text_draw(w, y, x, s, width, ui_attr(title ? R_TITLE : R_NORMAL) | (sel ? A_BOLD : 0));
}

static help *cur_help;
static listview *cur_lv;

static void paint(ui *u)
{
	int top, bottom;
	bkgdset(' ' | ui_attr(R_NORMAL));
	erase();
	ui_frame(u, CX_HELP, &top, &bottom);
	if (cur_lv->height != bottom - top + 1) lv_resize(cur_lv, bottom - top + 1);
	lv_draw(cur_lv, stdscr, top, 1, u->cols - 2, 0);
	curs_set(0);
	refresh();
}

void help_run(ui *u, int ctx, const char *field_rule)
{
	help *h = calloc(1, sizeof *h);
	if (!h) return;
	add(h, "%s%s", _("Bantuan siksdesa"), "");
	add(h, "%s%s", "", "");
	if (field_rule && *field_rule) {
		add(h, "%s%s", _("Isian di bawah kursor"), "");
		add(h, "  %s%s", field_rule, "");
		add(h, "%s%s", "", "");
	}
	add(h, "%s%s", _("Tombol di layar ini (tombol F, atau huruf/Ctrl bila tidak ada tombol F)"), "");
	size_t n;
	const action *t = action_table(&n);
	for (size_t i = 0; i < n; i++) {
		char keys[64];
		if (!action_in(&t[i], ctx)) continue;
		action_keys(&t[i], ctx, keys, sizeof keys);
		add(h, "  %-22s %s", keys, _(t[i].help));
	}
	add(h, "%s%s", "", "");
	add(h, "%s%s", _("Mengetik di isian"), "");
	add(h, "  %-22s %s", _("Panah atas/bawah, Enter"), _("isian sebelumnya / berikutnya (isian diperiksa saat ditinggalkan)"));
	add(h, "  %-22s %s", _("Panah kiri/kanan"), _("gerakkan kursor per huruf; di pilihan: pilihan sebelumnya/berikutnya"));
	add(h, "  %-22s %s", "Home End Ctrl-A Ctrl-E", _("awal / akhir isian"));
	add(h, "  %-22s %s", "Backspace Delete", _("hapus huruf"));
	add(h, "  %-22s %s", "Ctrl-U Ctrl-W", _("kosongkan isian / hapus kata terakhir"));
	add(h, "  %-22s %s", _("Pilihan"), _("ketik awal nama (\"pet\" untuk Petani) atau kodenya; Spasi membuka daftar"));
	add(h, "  %-22s %s", _("Ya/tidak"), _("y = ya, t = tidak; Spasi membalik"));
	add(h, "  %-22s %s", _("Tanggal"), _("ketik DDMMYYYY, tanda - muncul sendiri"));
	add(h, "  %-22s %s", "NIK, No KK", _("16 angka; kursor pindah sendiri bila sudah penuh"));
	add(h, "%s%s", "", "");
	add(h, "%s%s", _("Tekan Esc, F10 atau q untuk menutup bantuan."), "");

	lv_array arr = { h->n, h, draw_line };
	lv_source src;
	listview lv;
	lv_array_source(&src, &arr);
	if (lv_init(&lv, &src, 10) != 0) { free(h); return; }
	help *outer_h = cur_help;
	listview *outer_lv = cur_lv;
	void (*outer_paint)(ui *) = u->paint;
	cur_help = h;
	cur_lv = &lv;
	u->paint = paint;
	for (;;) {
		if (ui_too_small(u) && ui_small_screen(u) == UI_QUIT) break;
		paint(u);
		int k = ui_getkey(u);
		if (k == ERR || k == KEY_RESIZE) continue;
		int act = action_for_key(CX_HELP, k);
		if (act == A_BACK || act == A_QUIT || act == A_HELP || act == A_OPEN) break;
		if (k == KEY_DOWN) { lv_page(&lv, +1); continue; } /* scroll the text, not a selection */
		lv_key(&lv, k);
	}
	u->paint = outer_paint;
	cur_help = outer_h;
	cur_lv = outer_lv;
	lv_free(&lv);
	free(h);
}
