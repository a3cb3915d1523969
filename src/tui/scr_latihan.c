/* scr_latihan.c — training mode in the UI (issue 7):
 *  - the LATIHAN tag at the left of the header of every screen, in its own
 *    colour (reverse video and bold in monochrome), with the progress "3/9";
 *  - a message on the message line the moment an exercise turns green;
 *  - the exercise screen (l in the list): each exercise ✓/✗, its task, and
 *    its hint on request (p / F3); n sets the trainee's name.
 * Progress is evaluated again only when the register changed (the highest
 * change number moved), so drawing the header stays cheap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "dialog.h"
#include "screens.h"
#include "text.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/latihan.h"

/* One register open at a time in the UI: its progress, cached. */
static struct {
	const siks *s;
	latihan_set set;
	int loaded;          /* 1 set loaded, -1 loading failed */
	latihan_state st[LATIHAN_MAX];
	int done;            /* -1 not yet evaluated */
	int64_t seen;        /* max(change.seq) at the last evaluation */
} lt;

static void forget(void)
{
	if (lt.loaded == 1)
		latihan_set_free(&lt.set);
	memset(&lt, 0, sizeof lt);
	lt.done = -1;
}

/* Evaluates the exercises when the register changed; announces the ones
 * that just turned green. Returns the number done, -1 when not available. */
static int progress(ui *u)
{
	if (!u->s->practice)
		return -1;
	if (lt.s != u->s) {
		forget();
		lt.s = u->s;
	}
	siks_err e = { 0 };
	if (lt.loaded == 0)
		lt.loaded = latihan_set_load(&lt.set, NULL, &e) == 0 ? 1 : -1;
	if (lt.loaded < 0)
		return -1;
	int64_t seq = db_int(u->s, "SELECT coalesce(max(seq), 0) FROM change", 0);
	if (lt.done >= 0 && seq == lt.seen)
		return lt.done;
	int was[LATIHAN_MAX];
	for (int i = 0; i < lt.set.n; i++)
		was[i] = lt.st[i].done;
	int first = lt.done < 0;
	int n = latihan_progress(u->s, &lt.set, lt.st, &e);
	if (n < 0) {
		ui_msg(u, R_ERROR, "%s", e.msg);
		return lt.done;
	}
	for (int i = 0; !first && i < lt.set.n; i++)
		if (lt.st[i].done && !was[i]) {
			/* after "Tersimpan." when the save did it */
			char before[128] = "";
			if (u->msg[0] && u->msg_role == R_MSG)
				snprintf(before, sizeof before, "%.100s  ", u->msg);
			ui_msg(u, R_MARK, _("%sLatihan %d selesai: %s (%d/%d selesai)"), before, lt.set.v[i].no,
			       lt.set.v[i].judul, n, lt.set.n);
		}
	lt.done = n;
	lt.seen = seq;
	return n;
}

int latihan_tag_draw(ui *u, int y, int x)
{
	if (!u->s->practice)
		return 0;
	char tag[64];
	int n = progress(u);
	if (n >= 0)
		snprintf(tag, sizeof tag, " %s %d/%d ", _("LATIHAN"), n, lt.set.n);
	else
		snprintf(tag, sizeof tag, " %s ", _("LATIHAN"));
	int w = u8_width(tag);
	if (w > u->cols / 2)
		w = u->cols / 2;
	text_draw(stdscr, y, x, tag, w, ui_attr(R_PRACTICE));
	/* one plain cell parts the tag from the header (both are reverse in monochrome) */
	text_draw(stdscr, y, x + w, " ", 1, ui_attr(R_NORMAL));
	return w + 1;
}

/* ---- the exercise screen ---------------------------------------------- */

static struct {
	int sel;
	int hint;            /* the selected exercise's hint is shown */
} scr;

/* Draws text wrapped at spaces to w columns from row y, at most rows rows. */
static void draw_wrapped(const char *text, int y, int x, int w, int rows, int attr)
{
	int r = 0;
	const char *p = text;
	while (r < rows) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		size_t off = 0;
		do { /* one line of the text, in as many rows as it needs */
			size_t i = off, brk = 0;
			int col = 0;
			while (i < len) {
				uint32_t cp;
				int bl = u8_decode(p + i, &cp);
				int cw = u8_cpwidth(cp);
				if (col + cw > w)
					break;
				if (cp == ' ')
					brk = i;
				col += cw;
				i += (size_t)bl;
			}
			size_t cut = (i >= len || brk <= off) ? i : brk;
			if (cut == off && off < len) { /* wider than the pane: one character */
				uint32_t cp;
				cut = off + (size_t)u8_decode(p + off, &cp);
			}
			char part[1024];
			size_t pl = cut - off < sizeof part ? cut - off : sizeof part - 1;
			memcpy(part, p + off, pl);
			part[pl] = '\0';
			text_draw(stdscr, y + r++, x, part, w, attr);
			off = cut;
			while (off < len && p[off] == ' ')
				off++;
		} while (off < len && r < rows);
		if (!nl)
			break;
		p = nl + 1;
	}
}

static void paint(ui *u)
{
	int top, bottom;
	curs_set(0);
	bkgdset(' ' | ui_attr(R_NORMAL));
	erase();
	ui_frame(u, CX_LATIHAN, &top, &bottom);
	int n = progress(u);
	int w = u->cols - 2;
	char line[512], nama[64];
	latihan_name(u->s, nama, sizeof nama);
	snprintf(line, sizeof line, _("Latihan — peserta: %s — %d/%d selesai"),
		 nama[0] ? nama : _("(nama belum diisi: tekan n)"), n < 0 ? 0 : n, lt.set.n);
	text_draw(stdscr, top, 1, line, w, ui_attr(R_TITLE));
	int y = top + 1;
	int utf8 = text_utf8();
	for (int i = 0; i < lt.set.n && y <= bottom; i++, y++) {
		const latihan_ex *x = &lt.set.v[i];
		const char *mark = lt.st[i].done ? (utf8 ? "✓" : "v") : (utf8 ? "✗" : "-");
		snprintf(line, sizeof line, " %s %d. %s", mark, x->no, x->judul);
		int attr = i == scr.sel ? ui_attr(R_SEL) : ui_attr(lt.st[i].done ? R_MARK : R_NORMAL);
		text_draw(stdscr, y, 1, line, w, attr);
	}
	if (lt.set.n == 0 || y + 2 > bottom) {
		refresh();
		return;
	}
	const latihan_ex *x = &lt.set.v[scr.sel];
	y++;
	snprintf(line, sizeof line, scr.hint ? _("Petunjuk latihan %d") : _("Tugas latihan %d (p: petunjuk)"), x->no);
	text_draw(stdscr, y++, 1, line, w, ui_attr(R_TITLE));
	draw_wrapped(scr.hint ? x->petunjuk : x->tugas, y, 1, w, bottom - y + 1, ui_attr(R_NORMAL));
	refresh();
}

static void ask_name(ui *u)
{
	char nama[64];
	latihan_name(u->s, nama, sizeof nama);
	if (dlg_input(u, _("Nama peserta"), _("Nama Anda (untuk hasil latihan):"), nama, sizeof nama, 60, 0) != 0)
		return;
	siks_err e = { 0 };
	if (latihan_set_name(u->s, nama, &e) != 0)
		ui_msg(u, R_ERROR, "%s", e.msg);
}

void latihan_run(ui *u)
{
	if (!u->s->practice) {
		ui_msg(u, R_WARN, "%s", _("Daftar latihan hanya ada di basis data latihan: jalankan siksdesa latihan"));
		return;
	}
	if (progress(u) < 0) {
		if (!u->msg[0])
			ui_msg(u, R_ERROR, "%s", _("Berkas latihan (data/latihan) tidak dapat dibaca"));
		return;
	}
	void (*outer)(ui *) = u->paint;
	u->paint = paint;
	if (scr.sel >= lt.set.n)
		scr.sel = 0;
	for (;;) {
		if (ui_too_small(u) && ui_small_screen(u) == UI_QUIT)
			break;
		paint(u);
		int k = ui_getkey(u);
		if (k == ERR || k == KEY_RESIZE)
			continue;
		u->msg[0] = '\0';
		int act = action_for_key(CX_LATIHAN, k);
		if (act == A_BACK || act == A_QUIT || act == A_LATIHAN)
			break;
		if (act == A_HINT) {
			scr.hint = !scr.hint;
		} else if (act == A_HELP) {
			help_run(u, CX_LATIHAN, "");
		} else if (act == A_NAME) {
			ask_name(u);
		} else if (k == KEY_UP || k == 'k') {
			if (scr.sel > 0)
				scr.sel--, scr.hint = 0;
		} else if (k == KEY_DOWN || k == 'j') {
			if (scr.sel + 1 < lt.set.n)
				scr.sel++, scr.hint = 0;
		} else if (k == KEY_HOME) {
			scr.sel = 0, scr.hint = 0;
		} else if (k == KEY_END) {
			scr.sel = lt.set.n - 1, scr.hint = 0;
		}
	}
	u->paint = outer;
}
