/* tui.c — the full-screen program: opens the register, lays out the panes
 * for the terminal's width (one at 80 columns, list + form from 120, all
 * three from 160), runs the key loop and hands each key to the pane in focus
 * or to the action it is bound to. Nothing below this loop exits. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "dialog.h"
#include "edit.h"
#include "keybar.h"
#include "scr_auth.h"
#include "screens.h"
#include "text.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/sync.h"
#include "siks/platform.h"
#include "siks/validate.h"

int ui_getkey(ui *u)
{
	wint_t wch;
	int rc = get_wch(&wch);
	if (rc == ERR) return ERR;
	int k = key_from_wch(rc, (unsigned)wch);
	if (k == KEY_RESIZE) getmaxyx(stdscr, u->rows, u->cols);
	if (k == KEY_ESC) {
		/* An escape sequence the terminal description does not know (a key
		 * of another terminal type) must not act as Esc and close a form:
		 * when more arrives at once, swallow the sequence. */
		wint_t c2;
		nodelay(stdscr, TRUE);
		int r2 = get_wch(&c2);
		if (r2 == OK && (c2 == '[' || c2 == 'O')) {
			int n = 0;
			while (n++ < 16 && get_wch(&c2) == OK && !(c2 >= 0x40 && c2 <= 0x7E)) {}
			k = ERR;
		} else if (r2 == KEY_CODE_YES) {
			ungetch((int)c2);
		} else if (r2 == OK) {
			unget_wch((wchar_t)c2);
		}
		nodelay(stdscr, FALSE);
	}
	return k;
}

void ui_msg(ui *u, int role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_role = role;
}

long ui_unsent(ui *u)
{
	return (long)sync_unsent(u->s); /* not yet confirmed by the partner (sync.h) */
}

void ui_box(int y, int x, int h, int w, const char *title)
{
	int a = ui_attr(R_NORMAL);
	for (int r = 0; r < h; r++) {
		wattrset(stdscr, a);
		mvhline(y + r, x, ' ', w);
	}
	wattrset(stdscr, ui_attr(R_FRAME));
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	if (title && *title) {
		char t[256];
		snprintf(t, sizeof t, " %s ", title);
		int tw = u8_width(t);
		if (tw > w - 4) tw = w - 4;
		text_draw(stdscr, y, x + (w - tw) / 2, t, tw, ui_attr(R_TITLE));
	}
	wattrset(stdscr, A_NORMAL);
}

void ui_footer(ui *u, int ctx)
{
	char hint[512];
	int cy, cx;
	getyx(stdscr, cy, cx); /* a pane may have placed the cursor */
	if (u->msg[0]) {
		/* a long message takes up to three lines above the key bar, so a
		 * finding is always read whole */
		char lines[3][256];
		int n = text_wrap(u->msg, u->cols, lines, 3);
		if (n < 1) n = 1;
		for (int i = 0; i < n; i++)
			text_draw(stdscr, u->rows - 1 - n + i, 0, lines[i], u->cols,
				  ui_attr(u->msg_role ? u->msg_role : R_MSG));
	} else {
		keybar_set_width(u->cols);
		keybar_hint(ctx, hint, sizeof hint);
		text_draw(stdscr, u->rows - 2, 0, hint, u->cols, ui_attr(R_MSG));
	}
	keybar_draw(stdscr, u->rows - 1, u->cols, ctx);
	move(cy, cx);
}

void ui_frame(ui *u, int ctx, int *top, int *bottom)
{
	char left[256], right[256], date[11];
	date_format(u->today, date);
	snprintf(left, sizeof left, "siksdesa  %s %s", u->s->site_nama[0] || u->s->site_kode[0] ? u->s->site_nama : _("(desa belum diatur)"),
		 u->s->site_kode);
	snprintf(right, sizeof right, _("%s  %s  belum terkirim: %ld "),
		 u->s->operator_name[0] ? u->s->operator_name : "-", date, ui_unsent(u));
	int rw = u8_width(right);
	if (rw > u->cols / 2) rw = u->cols / 2;
	int tag = latihan_tag_draw(u, 0, 0); /* 0 columns on a real register */
	text_draw(stdscr, 0, tag, left, u->cols - rw - tag, ui_attr(R_HEADER));
	text_draw_right(stdscr, 0, u->cols - rw, right, rw, ui_attr(R_HEADER));
	ui_footer(u, ctx);
	*top = 1;
	*bottom = u->rows - 3;
}

int ui_too_small(ui *u)
{
	return !u->small_ok && (u->cols < UI_MIN_COLS || u->rows < UI_MIN_ROWS);
}

int ui_small_screen(ui *u)
{
	while (ui_too_small(u)) {
		char line[256];
		erase();
		bkgdset(' ' | ui_attr(R_NORMAL));
		erase();
		snprintf(line, sizeof line, _("Layar terlalu kecil: %dx%d, perlu paling sedikit %dx%d."),
			 u->cols, u->rows, UI_MIN_COLS, UI_MIN_ROWS);
		int y = u->rows / 2 - 1;
		if (y < 0) y = 0;
		text_draw(stdscr, y, 0, line, u->cols, ui_attr(R_NORMAL));
		if (y + 1 < u->rows)
			text_draw(stdscr, y + 1, 0, _("Perbesar jendela, tekan i untuk tetap lanjut, atau q untuk keluar."),
				  u->cols, ui_attr(R_NORMAL));
		refresh();
		int k = ui_getkey(u);
		if (k == 'i' || k == 'I') u->small_ok = 1;
		else if (k == 'q' || k == 'Q' || k == KEY_F(10) || k == CTRL('Q')) return UI_QUIT;
	}
	return 0;
}

/* ---- the main screen -------------------------------------------------- */

enum { P_LIST = 0, P_FORM = 1, P_IND = 2 };

typedef struct app {
	ui u;
	scr_list *list;
	scr_household *hh;
	scr_indicator *ind;
	int focus;      /* pane with the keys */
	int second;     /* P_FORM or P_IND: which one shares the screen at 120 columns */
} app;

static app *the_app; /* for the dialog repaint callback */

static int pane_ctx(app *a, int p)
{
	int kab = a->u.s->site_role == SIKS_SITE_KABUPATEN ? CX_KAB : 0;
	if (p == P_LIST) return list_ctx(a->list) | kab;
	if (p == P_FORM) return hh_ctx(a->hh) | kab;
	return CX_CHECK | kab;
}

static void draw_pane(app *a, int p, int y, int x, int h, int w)
{
	int active = a->focus == p;
	if (p == P_LIST) list_draw(a->list, y, x, h, w, active);
	else if (p == P_FORM) hh_draw(a->hh, y, x, h, w, active);
	else ind_draw(a->ind, y, x, h, w, active);
}

static void separator(int top, int h, int x)
{
	wattrset(stdscr, ui_attr(R_FRAME));
	mvvline(top, x, ACS_VLINE, h);
	wattrset(stdscr, A_NORMAL);
}

static void paint(ui *u)
{
	app *a = the_app;
	int top, bottom;
	curs_set(0);
	bkgdset(' ' | ui_attr(R_NORMAL));
	erase();
	ui_frame(u, pane_ctx(a, a->focus), &top, &bottom);
	int h = bottom - top + 1, cols = u->cols;
	/* side by side, panes are parted by a line; the form is drawn last
	 * because it places the cursor */
	if (cols >= 160) {
		int wl = cols * 2 / 5, wf = (cols - wl) / 2;
		draw_pane(a, P_LIST, top, 0, h, wl - 1);
		draw_pane(a, P_IND, top, wl + wf, h, cols - wl - wf);
		separator(top, h, wl - 1);
		separator(top, h, wl + wf - 1);
		draw_pane(a, P_FORM, top, wl, h, wf - 1);
	} else if (cols >= 120) {
		int wl = cols / 2;
		draw_pane(a, P_LIST, top, 0, h, wl - 1);
		separator(top, h, wl - 1);
		draw_pane(a, a->second, top, wl, h, cols - wl);
	} else {
		draw_pane(a, a->focus, top, 0, h, cols);
	}
	ui_footer(u, pane_ctx(a, a->focus)); /* over the panes: a long message may need three lines */
	refresh();
}

static int visible(app *a, int p)
{
	if (a->u.cols >= 160) return 1;
	if (a->u.cols >= 120) return p == P_LIST || p == a->second;
	return p == a->focus;
}

static void focus(app *a, int p)
{
	a->focus = p;
	if (p != P_LIST) a->second = p;
}

/* Asks about unsaved work; 1 when it is fine to leave the form. */
static int leave_form_ok(app *a)
{
	if (!hh_dirty(a->hh)) return 1;
	const char *b[] = { _("Simpan"), _("Jangan simpan"), _("Batal") };
	int r = dlg_ask(&a->u, _("Perubahan belum disimpan"),
			_("Rumah tangga ini punya perubahan yang belum disimpan. Simpan dulu?"), b, 3);
	if (r == 0) return hh_save(a->hh) == 0;
	return r == 1;
}

static void open_household(app *a, const char *id)
{
	if (hh_open(a->hh, id) == 0) ind_open(a->ind, hh_id(a->hh));
}

static int handle(app *a, int key)
{
	int ctx = pane_ctx(a, a->focus);
	int act = action_for_key(ctx, key);
	int r = UI_UNHANDLED;

	switch (act) {
	case A_QUIT:
		if (!leave_form_ok(a)) return UI_REDRAW;
		return UI_QUIT;
	case A_HELP: {
		char rule[512] = "";
		if (a->focus == P_FORM) hh_field_help(a->hh, rule, sizeof rule);
		help_run(&a->u, ctx, rule);
		return UI_REDRAW;
	}
	case A_NEXT_PANE: {
		int p;
		if (a->u.cols >= 120 && a->u.cols < 160) p = a->focus == P_LIST ? a->second : P_LIST;
		else p = (a->focus + 1) % 3;
		if (p != P_LIST && !hh_loaded(a->hh)) p = P_LIST;
		focus(a, p);
		return UI_REDRAW;
	}
	case A_INDICATOR:
		if (!hh_loaded(a->hh) || !hh_id(a->hh)[0]) {
			if (a->focus == P_LIST && list_selected(a->list)[0]) open_household(a, list_selected(a->list));
			else { ui_msg(&a->u, R_WARN, "%s", _("Simpan rumah tangga dulu, lalu isi indikatornya.")); return UI_REDRAW; }
		}
		focus(a, P_IND);
		return UI_REDRAW;
	case A_USULAN: {
		const char *hid = a->focus == P_LIST ? "" : hh_id(a->hh);
		usulan_run(&a->u, hid);
		list_reload(a->list, NULL);
		return UI_REDRAW;
	}
	case A_SEARCH:
		if (a->focus != P_LIST && !leave_form_ok(a)) return UI_REDRAW;
		focus(a, P_LIST);
		list_start_search(a->list);
		return UI_REDRAW;
	case A_REDRAW:
		clearok(curscr, TRUE);
		return UI_REDRAW;
	case A_LATIHAN:
		if (a->focus != P_LIST && !leave_form_ok(a)) return UI_REDRAW;
		latihan_run(&a->u);
		return UI_REDRAW;
	case A_HISTORY: /* scr_history.c */
		tui_history(&a->u, a->focus == P_LIST ? "" : hh_id(a->hh));
		return UI_REDRAW;
	case A_SYNC: /* scr_sync.c */
		if (a->focus != P_LIST && !leave_form_ok(a)) return UI_REDRAW;
		tui_sync(&a->u);
		list_reload(a->list, NULL);
		return UI_REDRAW;
	case A_IMPORT: /* scr_import.c */
		if (a->focus != P_LIST && !leave_form_ok(a)) return UI_REDRAW;
		tui_import(&a->u);
		list_reload(a->list, NULL);
		return UI_REDRAW;
	case A_DASH: /* scr_dash.c */
		tui_dashboard(&a->u);
		list_reload(a->list, NULL);
		return UI_REDRAW;
	case A_BACKUP:
		tui_backup_usb(&a->u);
		return UI_REDRAW;
	case A_OPERATOR:
		tui_operator_menu(&a->u);
		return UI_REDRAW;
	}

	if (a->focus == P_LIST) r = list_key(a->list, key);
	else if (a->focus == P_FORM) r = hh_key(a->hh, key);
	else r = ind_key(a->ind, key);

	if (r & UI_OPEN) {
		const char *id = list_selected(a->list);
		if (id[0] && (strcmp(id, hh_id(a->hh)) == 0 || leave_form_ok(a))) {
			if (strcmp(id, hh_id(a->hh)) != 0 || !hh_loaded(a->hh)) open_household(a, id);
			focus(a, P_FORM);
		}
	}
	if (r & UI_NEWHH) {
		if (leave_form_ok(a)) {
			open_household(a, NULL);
			focus(a, P_FORM);
		}
	}
	if (r & UI_SELMOVED) {
		/* a wide screen previews the selected household, unless it is being edited */
		if (a->u.cols >= 120 && !hh_dirty(a->hh) && list_selected(a->list)[0])
			open_household(a, list_selected(a->list));
	}
	if (r & UI_SAVED) {
		list_reload(a->list, hh_id(a->hh));
		ind_open(a->ind, hh_id(a->hh));
	}
	if (r & UI_SCORED) list_reload(a->list, NULL);
	if (r & UI_TOLIST) focus(a, P_LIST);
	if (r == UI_UNHANDLED && act == A_BACK && a->focus != P_LIST) { focus(a, P_LIST); r = UI_REDRAW; }
	if (!visible(a, a->focus)) focus(a, P_LIST);
	return r;
}

int tui_main(cli_ctx *c)
{
	app a;
	siks_err e;
	char err[256];
	int start = START_READY;
	memset(&a, 0, sizeof a);
	a.u.c = c;
	(void)e;
	if (term_start(err, sizeof err) != 0)
		return cli_error(c, 1, "%s", err);
	/* scr_auth.c: a damaged or busy file, the daily backup, the login */
	if (tui_open_register(&a.u, c) != 0) {
		term_end();
		return 1;
	}
	plat_today(a.u.today);
	siks_err ie;
	a.u.have_set = indset_load(&a.u.set, a.u.s->datadir, "bps14", &ie) == 0;
	getmaxyx(stdscr, a.u.rows, a.u.cols);
	the_app = &a;
	a.u.paint = paint;
	a.list = list_new(&a.u);
	a.hh = hh_new(&a.u);
	a.ind = ind_new(&a.u);
	a.second = P_FORM;
	int status = 0;
	if (!a.list || !a.hh || !a.ind) {
		status = 1;
		goto out;
	}
	if (a.u.s->site_role == SIKS_SITE_NONE) {
		paint(&a.u);
		start = scr_start(&a.u);
		if (start != START_READY)
			goto out;
		if (a.u.s->site_role == SIKS_SITE_NONE)
			ui_msg(&a.u, R_WARN, "%s", _("Basis data ini belum diatur: jalankan siksdesa init --desa KODE."));
	}
	for (;;) {
		if (ui_too_small(&a.u) && ui_small_screen(&a.u) == UI_QUIT) break;
		/* a wide screen always shows a household beside the list */
		if (a.u.cols >= 120 && !hh_loaded(a.hh) && list_selected(a.list)[0])
			open_household(&a, list_selected(a.list));
		paint(&a.u);
		int k = ui_getkey(&a.u);
		if (k == ERR) continue;
		if (k == KEY_RESIZE) continue; /* the next paint lays out for the new size */
		a.u.msg[0] = 0;
		int r = handle(&a, k);
		if (r & UI_QUIT) break;
	}
out:
	list_free(a.list);
	hh_free(a.hh);
	ind_free(a.ind);
	term_end();
	siks_close(a.u.s);
	if (start == START_LATIHAN) {
		/* the practice copy lives in its own file, never this register */
		char path[1100];
		const char *slash = strrchr(c->db_path, '/');
		snprintf(path, sizeof path, "%.*s%slatihan.db", slash ? (int)(slash - c->db_path) : 0,
			 c->db_path, slash ? "/" : "");
		char *argv[] = { "latihan", "--db", path, NULL };
		return cmd_latihan(c, 3, argv);
	}
	return status;
}
