/* dialog.c — modal dialogs (see dialog.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dialog.h"
#include "edit.h"
#include "listview.h"
#include "text.h"
#include "siks/i18n.h"

#define MAXLINES 12

static int hotkey(const char *label)
{
	uint32_t cp;
	u8_decode(label, &cp);
	return cp < 128 ? tolower((int)cp) : 0;
}

int dlg_ask(ui *u, const char *title, const char *text, const char *const *buttons, int n)
{
	int sel = 0, repaint = 1; /* an earlier dialog may still be on the screen */
	char lines[MAXLINES][256];
	for (;;) {
		if (repaint && u->paint) u->paint(u);
		repaint = 0;
		int w = u->cols - 8 > 60 ? 60 : u->cols - 8;
		if (w < 20) w = u->cols;
		int nl = text_wrap(text, w - 4, lines, MAXLINES);
		int h = nl + 4, y = (u->rows - h) / 2, x = (u->cols - w) / 2;
		if (y < 0) y = 0;
		ui_box(y, x, h, w, title);
		for (int i = 0; i < nl; i++)
			text_draw(stdscr, y + 1 + i, x + 2, lines[i], w - 4, ui_attr(R_NORMAL));
		/* buttons centred on the last inner row */
		int bw = 0;
		for (int i = 0; i < n; i++) bw += u8_width(buttons[i]) + 5;
		int bx = x + (w - bw) / 2;
		if (bx < x + 1) bx = x + 1;
		for (int i = 0; i < n; i++) {
			char b[128];
			snprintf(b, sizeof b, "[ %s ]", buttons[i]);
			int bwid = u8_width(b);
			if (bx + bwid >= x + w) break;
			text_draw(stdscr, y + h - 2, bx, b, bwid, ui_attr(i == sel ? R_FOCUS : R_NORMAL));
			bx += bwid + 1;
		}
		curs_set(0);
		refresh();
		int k = ui_getkey(u);
		if (k == KEY_RESIZE) { repaint = 1; continue; }
		if (k == KEY_ESC) return -1;
		if (k == KEY_LEFT || k == KEY_BTAB) sel = (sel + n - 1) % n;
		else if (k == KEY_RIGHT || k == '\t') sel = (sel + 1) % n;
		else if (k == '\r' || k == '\n' || k == KEY_ENTER) return sel;
		else {
			int c = key_char(k);
			for (int i = 0; c && i < n; i++)
				if (hotkey(buttons[i]) == tolower(c)) return i;
		}
	}
}

void dlg_message(ui *u, const char *title, const char *text)
{
	const char *ok[] = { _("OK") };
	dlg_ask(u, title, text, ok, 1);
}

typedef struct choose_ctx { const char *const *items; } choose_ctx;

static void choose_draw(void *ctx, int i, WINDOW *w, int y, int x, int width, int sel)
{
	choose_ctx *c = ctx;
	text_draw(w, y, x, c->items[i], width, ui_attr(sel ? R_SEL : R_NORMAL));
}

int dlg_choose(ui *u, const char *title, const char *const *items, int n, int sel)
{
	choose_ctx cc = { items };
	lv_array arr = { n, &cc, choose_draw };
	lv_source src;
	listview lv;
	char typed[32] = "";
	int repaint = 1, result = -1;
	lv_array_source(&src, &arr);
	if (lv_init(&lv, &src, 1) != 0) return -1;
	for (;;) {
		if (repaint && u->paint) u->paint(u);
		repaint = 0;
		int w = 8;
		for (int i = 0; i < n; i++)
			if (u8_width(items[i]) + 4 > w) w = u8_width(items[i]) + 4;
		if (u8_width(title) + 6 > w) w = u8_width(title) + 6;
		if (w > u->cols - 2) w = u->cols - 2;
		int h = n + 2;
		if (h > u->rows - 4) h = u->rows - 4;
		if (h < 3) h = 3;
		int y = (u->rows - h) / 2, x = (u->cols - w) / 2;
		if (lv.height != h - 2) {
			lv_resize(&lv, h - 2);
			if (sel >= 0) { lv_array_select(&lv, sel); sel = -1; }
		}
		ui_box(y, x, h, w, title);
		lv_draw(&lv, stdscr, y + 1, x + 1, w - 2, 1);
		curs_set(0);
		refresh();
		int k = ui_getkey(u);
		if (k == KEY_RESIZE) { repaint = 1; sel = lv_array_sel(&lv); lv.height = 0; continue; }
		if (k == KEY_ESC) break;
		if (k == '\r' || k == '\n' || k == KEY_ENTER) { result = lv_array_sel(&lv); break; }
		if (lv_key(&lv, k)) { typed[0] = 0; continue; }
		int c = key_char(k);
		if (c && c < 128 && strlen(typed) + 1 < sizeof typed) {
			/* type-ahead: the first item whose label starts with what was typed */
			size_t l = strlen(typed);
			typed[l] = (char)c;
			typed[l + 1] = 0;
			/* first an item that starts with it (after its code), then any
			 * word of an item: "bam" reaches "8 Bambu" before "3 ... bambu" */
			int found = -1;
			for (int pass = 0; pass < 2 && found < 0; pass++)
				for (int i = 0; i < n && found < 0; i++) {
					char t[256];
					translit(items[i], t, sizeof t);
					char *p = t;
					if (pass == 0) {
						while (*p >= '0' && *p <= '9') p++;
						while (*p == ' ') p++;
						if (strncasecmp(p, typed, strlen(typed)) == 0) found = i;
						continue;
					}
					for (; *p && found < 0; p++)
						if ((p == t || p[-1] == ' ' || p[-1] == '/') &&
						    strncasecmp(p, typed, strlen(typed)) == 0)
							found = i;
				}
			if (found >= 0) lv_array_select(&lv, found);
			else beep();
		}
	}
	lv_free(&lv);
	return result;
}

int dlg_input(ui *u, const char *title, const char *prompt, char *out, size_t n,
	      int maxchars, int digits)
{
	edit e;
	int repaint = 1;
	edit_set(&e, out, maxchars, digits);
	for (;;) {
		if (repaint && u->paint) u->paint(u);
		repaint = 0;
		int w = u->cols - 8 > 60 ? 60 : u->cols - 8;
		int h = 5, y = (u->rows - h) / 2, x = (u->cols - w) / 2;
		ui_box(y, x, h, w, title);
		text_draw(stdscr, y + 1, x + 2, prompt, w - 4, ui_attr(R_NORMAL));
		curs_set(1);
		edit_draw(&e, stdscr, y + 2, x + 2, w - 4, ui_attr(R_FOCUS), 1);
		refresh();
		int k = ui_getkey(u);
		if (k == KEY_RESIZE) { repaint = 1; continue; }
		if (k == KEY_ESC) { curs_set(0); return -1; }
		if (k == '\r' || k == '\n' || k == KEY_ENTER) {
			snprintf(out, n, "%s", e.buf);
			curs_set(0);
			return 0;
		}
		edit_key(&e, k);
	}
}
