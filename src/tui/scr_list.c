/* scr_list.c — the household list pane: a search line, the column header
 * and the keyset-paged rows (include/siks/hhlist.h). Typing after "/" (or F3)
 * searches as you type; F5 sorts, F9 filters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "dialog.h"
#include "edit.h"
#include "listview.h"
#include "screens.h"
#include "text.h"
#include "siks/privacy.h"
#include "siks/codes.h"
#include "siks/hhlist.h"
#include "siks/i18n.h"

struct scr_list {
	ui *u;
	hh_filter f;
	listview lv;
	edit search;
	int searching;     /* the search line has the keys */
	long count;        /* households matching, -1 unknown */
	int width;         /* of the last draw, for the columns */
	char sel_id[33];
};

static int fetch(void *ctx, const void *from, int dir, int n, void *out)
{
	scr_list *l = ctx;
	siks_err e;
	int k = hhlist_fetch(l->u->s, &l->f, from, dir, n, out, &e);
	if (k < 0) ui_msg(l->u, R_ERROR, "%s", e.msg);
	return k;
}

/* Column widths for width w: name takes what is left. */
typedef struct cols { int name, kk, dusun, rtrw, ada, skor, usul; } cols;

static cols layout(int w)
{
	cols c = { 0, 16, 12, 7, 4, 5, 9 };
	if (w < 90) c.dusun = 9;
	if (w < 76) c.usul = 0;
	if (w < 66) c.dusun = 0;
	if (w < 56) c.kk = 0;
	int fixed = c.kk + c.dusun + c.rtrw + c.ada + c.skor + c.usul;
	int gaps = (c.kk > 0) + (c.dusun > 0) + 1 + 1 + 1 + (c.usul > 0);
	c.name = w - fixed - gaps - 1;
	if (c.name < 8) c.name = 8;
	return c;
}

static int put(WINDOW *w, int y, int x, const char *s, int width, int attr, int right)
{
	if (width <= 0) return x;
	if (right) text_draw_right(w, y, x, s, width, attr);
	else text_draw(w, y, x, s, width, attr);
	text_draw(w, y, x + width, " ", 1, attr);
	return x + width + 1;
}

static void draw_row(void *ctx, const void *row, WINDOW *w, int y, int x, int width, int sel)
{
	scr_list *l = ctx;
	const hh_row *r = row;
	cols c = layout(width);
	int attr = ui_attr(sel == 1 ? R_SEL : sel == 2 ? R_SEL_DIM : R_NORMAL);
	char b[64];
	int end = x + width;
	text_draw(w, y, x, "", width, attr);
	int mark = r->errors > 0;
	text_draw(w, y, x, mark ? "!" : " ", 1, mark && !sel ? ui_attr(R_ERROR) : attr);
	x = put(w, y, x + 1, r->head[0] ? r->head : _("(tanpa anggota)"), c.name, attr, 0);
	char kk[32]; /* masked on a projected screen when the site says so (privacy.h) */
	x = put(w, y, x, siks_nik_display(l->u->s, r->no_kk, kk, sizeof kk), c.kk, attr, 0);
	x = put(w, y, x, r->dusun, c.dusun, attr, 0);
	snprintf(b, sizeof b, "%03d/%03d", r->rt, r->rw);
	x = put(w, y, x, b, c.rtrw, attr, 0);
	snprintf(b, sizeof b, "%d", r->present);
	x = put(w, y, x, b, c.ada, attr, 1);
	if (r->score >= 0) snprintf(b, sizeof b, "%d/%d", r->score, r->total);
	else snprintf(b, sizeof b, "-");
	x = put(w, y, x, b, c.skor, r->poor == 1 && !sel ? ui_attr(R_MARK) : attr, 1);
	if (c.usul && x < end) {
		const char *st = r->usulan_status ? codes_label(l->u->s->codes, "status_usulan", r->usulan_status) : "";
		text_draw(w, y, x, st ? st : "", end - x < c.usul ? end - x : c.usul, attr);
	}
}

scr_list *list_new(ui *u)
{
	scr_list *l = calloc(1, sizeof *l);
	if (!l) return NULL;
	l->u = u;
	hh_filter_default(&l->f);
	edit_set(&l->search, "", 60, 0);
	lv_source src = { sizeof(hh_row), fetch, draw_row, l };
	if (lv_init(&l->lv, &src, 10) != 0) { free(l); return NULL; }
	l->count = hhlist_count(u->s, &l->f);
	return l;
}

void list_free(scr_list *l)
{
	if (!l) return;
	lv_free(&l->lv);
	free(l);
}

int list_ctx(scr_list *l)
{
	return CX_LIST | (l->searching ? CX_TYPING : 0);
}

const char *list_selected(scr_list *l)
{
	const hh_row *r = lv_selected(&l->lv);
	snprintf(l->sel_id, sizeof l->sel_id, "%s", r ? r->id : "");
	return l->sel_id;
}

void list_reload(scr_list *l, const char *id)
{
	hh_row r;
	l->count = hhlist_count(l->u->s, &l->f);
	if (id && id[0] && hhlist_get(l->u->s, &l->f, id, &r) == 0) {
		/* put the household at the top of the page, then fill the page */
		hh_row *rows = (hh_row *)l->lv.rows;
		rows[0] = r;
		l->lv.count = 1;
		l->lv.sel = 0;
		int h = l->lv.height;
		l->lv.height = 1;
		lv_resize(&l->lv, h);
		return;
	}
	lv_reload(&l->lv);
}

void list_start_search(scr_list *l)
{
	l->searching = 1;
	l->search.cur = l->search.len;
}

static void filter_text(scr_list *l, char *out, size_t n)
{
	const hh_filter *f = &l->f;
	static const char *const sorts[] = { N_("nama"), N_("alamat"), N_("skor") };
	size_t o = (size_t)snprintf(out, n, _("urut: %s"), _(sorts[f->sort]));
	if (f->poor == 1 && o < n) o += (size_t)snprintf(out + o, n - o, ", %s", _("miskin"));
	if (f->poor == 0 && o < n) o += (size_t)snprintf(out + o, n - o, ", %s", _("tidak miskin"));
	if (f->errors && o < n) o += (size_t)snprintf(out + o, n - o, ", %s", _("ada kesalahan"));
	if (f->dusun[0] && o < n) o += (size_t)snprintf(out + o, n - o, ", %s", f->dusun);
	if (f->usulan == 0 && o < n) o += (size_t)snprintf(out + o, n - o, ", %s", _("tanpa usulan"));
	if (f->usulan > 0 && o < n) {
		const char *st = codes_label(l->u->s->codes, "status_usulan", f->usulan);
		o += (size_t)snprintf(out + o, n - o, ", %s %s", _("usulan"), st ? st : "");
	}
}

/* 1 when another key is already waiting (a fast typist, a paste). */
static int key_pending(void)
{
	wint_t c;
	nodelay(stdscr, TRUE);
	int rc = get_wch(&c);
	nodelay(stdscr, FALSE);
	if (rc == ERR) return 0;
	if (rc == KEY_CODE_YES) ungetch((int)c);
	else unget_wch((wchar_t)c);
	return 1;
}

static void apply_search(scr_list *l, int force)
{
	/* while keys keep coming, only the last one searches: a broad prefix
	 * ("s") costs more than a keystroke's time on a large register */
	if (!force && key_pending()) return;
	snprintf(l->f.search, sizeof l->f.search, "%.127s", l->search.buf);
	l->count = hhlist_count(l->u->s, &l->f);
	lv_home(&l->lv);
}

void list_draw(scr_list *l, int y, int x, int h, int w, int active)
{
	char title[256], ft[200];
	l->width = w;
	/* a search skipped while keys were coming is done once they stop */
	if (strncmp(l->f.search, l->search.buf, sizeof l->f.search - 1) != 0 && !key_pending())
		apply_search(l, 1);
	filter_text(l, ft, sizeof ft);
	if (l->f.search[0] && l->count > HH_COUNT_CAP) /* a search counts only so far (hhlist.h) */
		snprintf(title, sizeof title, _("Rumah tangga: %d+  (%s)"), HH_COUNT_CAP, ft);
	else if (l->count >= 0) snprintf(title, sizeof title, _("Rumah tangga: %ld  (%s)"), l->count, ft);
	else snprintf(title, sizeof title, _("Rumah tangga  (%s)"), ft);
	text_draw(stdscr, y, x, title, w, ui_attr(active ? R_TITLE : R_DIM));
	/* the search line */
	const char *lab = _("Cari: ");
	int lw = u8_width(lab);
	text_draw(stdscr, y + 1, x, lab, lw, ui_attr(R_NORMAL));
	if (!l->searching && !l->search.buf[0])
		text_draw(stdscr, y + 1, x + lw, _("(tekan / untuk mencari nama, NIK, No KK, alamat)"), w - lw,
			  ui_attr(R_DIM));
	else
		edit_draw(&l->search, stdscr, y + 1, x + lw, w - lw,
			  ui_attr(l->searching && active ? R_FOCUS : R_FIELD), 0);
	/* the column header */
	cols c = layout(w);
	int hx = x + 1, a = ui_attr(R_DIM) | A_UNDERLINE;
	text_draw(stdscr, y + 2, x, "", w, a);
	hx = put(stdscr, y + 2, hx, _("Kepala rumah tangga"), c.name, a, 0);
	hx = put(stdscr, y + 2, hx, _("No KK"), c.kk, a, 0);
	hx = put(stdscr, y + 2, hx, _("Dusun"), c.dusun, a, 0);
	hx = put(stdscr, y + 2, hx, _("RT/RW"), c.rtrw, a, 0);
	hx = put(stdscr, y + 2, hx, _("Ada"), c.ada, a, 1);
	hx = put(stdscr, y + 2, hx, _("Skor"), c.skor, a, 1);
	if (c.usul && hx < x + w) text_draw(stdscr, y + 2, hx, _("Usulan"), x + w - hx, a);
	if (h - 3 != l->lv.height) lv_resize(&l->lv, h - 3);
	lv_draw(&l->lv, stdscr, y + 3, x, w, active);
	if (l->lv.count == 0 && h > 4)
		text_draw(stdscr, y + 4, x + 2, l->search.buf[0] ? _("Tidak ada yang cocok.")
				  : _("Belum ada rumah tangga: tekan F4 atau n untuk menambah."), w - 2, ui_attr(R_DIM));
	if (l->searching && active) {
		curs_set(1);
		edit_draw(&l->search, stdscr, y + 1, x + lw, w - lw, ui_attr(R_FOCUS), 1);
	}
}

static void choose_sort(scr_list *l)
{
	const char *items[] = { _("Nama kepala rumah tangga"), _("Alamat (dusun, RW, RT)"), _("Skor indikator (tertinggi dulu)") };
	int r = dlg_choose(l->u, _("Urutkan menurut"), items, 3, l->f.sort);
	if (r >= 0) { l->f.sort = r; lv_home(&l->lv); }
}

static void choose_filter(scr_list *l)
{
	char dusun[40][48];
	char labels[60][96];
	const char *items[60];
	int kind[60], val[60], n = 0;
#define ADD(k, v, ...) do { snprintf(labels[n], sizeof labels[n], __VA_ARGS__); kind[n] = k; val[n] = v; \
	items[n] = labels[n]; n++; } while (0)
	ADD(0, 0, "%s", _("Semua (hapus saringan)"));
	ADD(1, 1, "%s", _("Miskin"));
	ADD(1, 0, "%s", _("Tidak miskin"));
	ADD(2, 1, "%s", _("Ada kesalahan (setelah Periksa)"));
	ADD(3, 0, "%s", _("Tanpa usulan terbuka"));
	static const int open_status[] = { 1, 2, 4 };
	for (int i = 0; i < 3; i++) {
		const char *st = codes_label(l->u->s->codes, "status_usulan", open_status[i]);
		ADD(3, open_status[i], _("Usulan: %s"), st ? st : "?");
	}
	int nd = hhlist_dusun(l->u->s, dusun, 40);
	for (int i = 0; i < nd && n < 60; i++) ADD(4, i, _("Dusun: %s"), dusun[i]);
#undef ADD
	int r = dlg_choose(l->u, _("Saring"), items, n, 0);
	if (r < 0) return;
	switch (kind[r]) {
	case 0: { int sort = l->f.sort; char s[128]; snprintf(s, sizeof s, "%s", l->f.search);
		hh_filter_default(&l->f); l->f.sort = sort; snprintf(l->f.search, sizeof l->f.search, "%s", s); break; }
	case 1: l->f.poor = val[r]; break;
	case 2: l->f.errors = 1; break;
	case 3: l->f.usulan = val[r]; break;
	case 4: snprintf(l->f.dusun, sizeof l->f.dusun, "%s", dusun[val[r]]); break;
	}
	l->count = hhlist_count(l->u->s, &l->f);
	lv_home(&l->lv);
}

int list_key(scr_list *l, int key)
{
	if (l->searching) {
		if (key == KEY_ESC) {
			l->searching = 0;
			if (l->search.buf[0]) { edit_set(&l->search, "", 60, 0); apply_search(l, 1); }
			return UI_REDRAW;
		}
		if (key == '\r' || key == KEY_DOWN || key == '\t' || key == KEY_NPAGE) {
			l->searching = 0;
			if (strcmp(l->f.search, l->search.buf) != 0) apply_search(l, 1); /* one was skipped */
			if (key == KEY_NPAGE) lv_page(&l->lv, +1);
			return UI_REDRAW | UI_SELMOVED;
		}
		int r = edit_key(&l->search, key);
		if (r == ED_CHANGED) apply_search(l, 0);
		if (r != ED_UNHANDLED) return UI_REDRAW | UI_SELMOVED;
	}
	int act = action_for_key(list_ctx(l), key);
	switch (act) {
	case A_OPEN: return lv_selected(&l->lv) ? UI_OPEN | UI_REDRAW : UI_HANDLED;
	case A_NEW: return UI_NEWHH | UI_REDRAW;
	case A_SORT: choose_sort(l); return UI_REDRAW | UI_SELMOVED;
	case A_FILTER: choose_filter(l); return UI_REDRAW | UI_SELMOVED;
	case A_CHECKALL: {
		siks_err e;
		ui_msg(l->u, R_MSG, "%s", _("Memeriksa semua rumah tangga..."));
		l->u->paint(l->u);
		long n = hhlist_check_all(l->u->s, &e);
		if (n < 0) ui_msg(l->u, R_ERROR, "%s", e.msg);
		else ui_msg(l->u, n ? R_WARN : R_MSG, _("Pemeriksaan selesai: %ld rumah tangga ada kesalahan."), n);
		lv_reload(&l->lv);
		return UI_REDRAW;
	}
	case A_BACK:
		if (l->search.buf[0]) { edit_set(&l->search, "", 60, 0); apply_search(l, 1); return UI_REDRAW; }
		return UI_HANDLED;
	}
	if (lv_key(&l->lv, key)) return UI_REDRAW | UI_SELMOVED;
	return UI_UNHANDLED;
}
