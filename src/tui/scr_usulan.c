/* scr_usulan.c — proposals (usulan) by status, and the musdes: mark draft
 * proposals with Space, then F5 (agreed) or F6 (refused) records the village
 * deliberation (minutes number; date, place, attendance when new) and their
 * decision, all in one transaction. Enter shows a proposal's history (who
 * and when, each status). Called for one household, it is that household's history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "dialog.h"
#include "listview.h"
#include "screens.h"
#include "text.h"
#include "siks/codes.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/usulan.h"
#include "siks/validate.h"

#define MAX_US 5000

typedef struct us_row {
	char id[33];
	char hid[33];
	char tanggal[11];
	int jenis, alasan, status;
	char nama[120];
	char ket[120];
	int marked;
} us_row;

typedef struct us_screen {
	ui *u;
	char hid[33];
	int status;           /* 0 all, else only this status */
	us_row *rows;
	int n;
	listview lv;
	lv_array arr;
} us_screen;

static us_screen *cur;

static void copy(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

static void load(us_screen *s)
{
	siks_err e;
	sqlite3_stmt *st = db_stmt(s->u->s,
		"SELECT u.id, coalesce(u.tanggal, ''), coalesce(u.jenis, 0), coalesce(u.alasan, 0),"
		" coalesce(u.status, 0), coalesce(m.nama, l.head, ''), coalesce(u.keterangan, ''),"
		" coalesce(u.household_id, '')"
		" FROM usulan u LEFT JOIN member m ON m.id = u.member_id"
		" LEFT JOIN hhlist l ON l.household_id = u.household_id"
		" WHERE (?1 = '' OR u.household_id = ?1) AND (?2 = 0 OR u.status = ?2)"
		" ORDER BY u.tanggal DESC, u.id DESC LIMIT 5000", &e);
	s->n = 0;
	if (!st) { ui_msg(s->u, R_ERROR, "%s", e.msg); return; }
	sqlite3_bind_text(st, 1, s->hid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, s->status);
	while (s->n < MAX_US && sqlite3_step(st) == SQLITE_ROW) {
		us_row *r = &s->rows[s->n++];
		memset(r, 0, sizeof *r);
		copy(st, 0, r->id, sizeof r->id);
		copy(st, 1, r->tanggal, sizeof r->tanggal);
		r->jenis = sqlite3_column_int(st, 2);
		r->alasan = sqlite3_column_int(st, 3);
		r->status = sqlite3_column_int(st, 4);
		copy(st, 5, r->nama, sizeof r->nama);
		copy(st, 6, r->ket, sizeof r->ket);
		copy(st, 7, r->hid, sizeof r->hid);
	}
	sqlite3_reset(st);
	s->arr.count = s->n;
}

static void draw_row(void *ctx, int i, WINDOW *w, int y, int x, int width, int sel)
{
	us_screen *s = ctx;
	us_row *r = &s->rows[i];
	siks_codes *cs = s->u->s->codes;
	char d[11] = "", line[600];
	if (r->tanggal[0]) date_format(r->tanggal, d);
	const char *j = codes_label(cs, "jenis_usulan", r->jenis), *a = codes_label(cs, "alasan_usulan", r->alasan),
		   *st = codes_label(cs, "status_usulan", r->status);
	snprintf(line, sizeof line, "%s %-10s %-10.10s %-14.14s %-18.18s %s", r->marked ? "*" : " ", d, j ? j : "-",
		 a ? a : "-", st ? st : "-", r->nama);
	int attr = ui_attr(sel ? R_SEL : r->marked ? R_MARK : R_NORMAL);
	text_draw(w, y, x, line, width, attr);
}

static void paint(ui *u)
{
	us_screen *s = cur;
	int top, bottom;
	char t[200];
	bkgdset(' ' | ui_attr(R_NORMAL));
	erase();
	ui_frame(u, CX_USULAN, &top, &bottom);
	const char *st = s->status ? codes_label(u->s->codes, "status_usulan", s->status) : _("semua status");
	snprintf(t, sizeof t, s->hid[0] ? _("Riwayat usulan rumah tangga ini (%d) — %s") : _("Usulan (%d) — %s"), s->n,
		 st ? st : "");
	text_draw(stdscr, top, 0, t, u->cols, ui_attr(R_TITLE));
	snprintf(t, sizeof t, "  %-10s %-10s %-14s %-18s %s", _("Tanggal"), _("Jenis"), _("Alasan"), _("Status"), _("Nama"));
	text_draw(stdscr, top + 1, 0, t, u->cols, ui_attr(R_DIM) | A_UNDERLINE);
	int h = bottom - top - 1;
	if (h < 1) h = 1;
	if (s->lv.height != h) lv_resize(&s->lv, h);
	lv_draw(&s->lv, stdscr, top + 2, 0, u->cols, 1);
	if (s->n == 0) text_draw(stdscr, top + 3, 2, _("Belum ada usulan."), u->cols - 2, ui_attr(R_DIM));
	curs_set(0);
	refresh();
}

/* Asks the musdes the marked draft proposals were decided at: its minutes
 * number first, so the agreed and the refused ones of one meeting land on
 * the same musdes; a new number asks date, place and attendance. The musdes
 * and the decisions are one transaction, through the core (usulan.h), which
 * checks the date and the status rules. */
static void decide(us_screen *s, int status)
{
	ui *u = s->u;
	int n = 0;
	for (int i = 0; i < s->n; i++) if (s->rows[i].marked && s->rows[i].status == 1) n++;
	if (n == 0) {
		int i = lv_array_sel(&s->lv);
		if (i >= 0 && s->rows[i].status == 1) { s->rows[i].marked = 1; n = 1; }
	}
	if (n == 0) { ui_msg(u, R_WARN, "%s", _("Tandai usulan berstatus Draf dengan Spasi dulu.")); return; }
	char date[16], place[64] = "", ba[48] = "", hadir[8] = "", md[33] = "";
	if (dlg_input(u, _("Musyawarah desa"), _("Nomor berita acara:"), ba, sizeof ba, 40, 0) != 0) return;
	siks_err e;
	int known = musdes_find(u->s, ba, md, &e) == 0;
	musdes_input mi = { .jumlah_hadir = -1 };
	if (!known) {
		date_format(u->today, date);
		if (dlg_input(u, _("Musyawarah desa"), _("Tanggal musdes (DD-MM-YYYY):"), date, sizeof date, 10, 0) != 0) return;
		snprintf(place, sizeof place, "%s", _("Balai desa"));
		if (dlg_input(u, _("Musyawarah desa"), _("Tempat:"), place, sizeof place, 60, 0) != 0) return;
		if (dlg_input(u, _("Musyawarah desa"), _("Jumlah hadir (boleh kosong):"), hadir, sizeof hadir, 4, 1) != 0) return;
		mi = (musdes_input){ date, place, ba, hadir[0] ? atoi(hadir) : -1, NULL, NULL };
	}
	const char **ids = calloc((size_t)n, sizeof *ids);
	if (!ids) return;
	int k = 0;
	for (int i = 0; i < s->n && k < n; i++)
		if (s->rows[i].marked && s->rows[i].status == 1) ids[k++] = s->rows[i].id;
	int rc = db_begin(u->s, &e);
	if (rc == 0 && !known) rc = musdes_add(u->s, &mi, md, &e);
	if (rc == 0)
		rc = status == 2 ? musdes_decide(u->s, md, ids, (size_t)k, NULL, 0, &e)
				 : musdes_decide(u->s, md, NULL, 0, ids, (size_t)k, &e);
	if (rc == 0) rc = db_commit(u->s, &e);
	else db_rollback(u->s);
	free(ids);
	if (rc != 0) { ui_msg(u, R_ERROR, _("Gagal mencatat musdes: %s"), e.msg); return; }
	ui_msg(u, R_MSG, status == 2 ? _("%d usulan disetujui musdes (BA %s).") : _("%d usulan ditolak musdes (BA %s)."), k, ba);
	load(s);
	lv_reload(&s->lv);
}

/* Enter: the selected proposal's road so far, from the audit trail (who
 * created it, each status change with who and when, the musdes minutes or
 * the district's reason). */
static void show_history(us_screen *s)
{
	ui *u = s->u;
	int i = lv_array_sel(&s->lv);
	if (i < 0 || i >= s->n) return;
	usulan_event *ev;
	size_t n;
	siks_err e;
	if (usulan_history(u->s, s->rows[i].hid, &ev, &n, &e) != 0) { ui_msg(u, R_ERROR, "%s", e.msg); return; }
	char text[2048] = "";
	size_t o = 0;
	for (size_t k = 0; k < n && o < sizeof text; k++) {
		if (strcmp(ev[k].usulan_id, s->rows[i].id) != 0) continue;
		char day[11], d[11];
		snprintf(day, sizeof day, "%.10s", ev[k].ts);
		date_format(day, d);
		if (ev[k].old_status)
			o += (size_t)snprintf(text + o, sizeof text - o, "%s %.5s %s: %s -> %s", d, ev[k].ts + 11,
					      ev[k].operator_name, ev[k].old_label, ev[k].new_label);
		else
			o += (size_t)snprintf(text + o, sizeof text - o, _("%s %.5s %s: dibuat, %s"), d, ev[k].ts + 11,
					      ev[k].operator_name, ev[k].new_label);
		if (o < sizeof text && ev[k].note[0])
			o += (size_t)snprintf(text + o, sizeof text - o, " (%s)", ev[k].note);
		if (o < sizeof text)
			o += (size_t)snprintf(text + o, sizeof text - o, "\n");
	}
	free(ev);
	if (o > 0 && o < sizeof text && text[o - 1] == '\n')
		text[o - 1] = '\0';
	char title[200];
	const char *j = codes_label(u->s->codes, "jenis_usulan", s->rows[i].jenis);
	snprintf(title, sizeof title, _("Riwayat usulan %s: %s"), j ? j : "", s->rows[i].nama);
	dlg_message(u, title, text[0] ? text : _("Belum ada riwayat."));
}

int usulan_run(ui *u, const char *household_id)
{
	us_screen s;
	memset(&s, 0, sizeof s);
	s.u = u;
	snprintf(s.hid, sizeof s.hid, "%s", household_id ? household_id : "");
	s.rows = calloc(MAX_US, sizeof *s.rows);
	if (!s.rows) return UI_REDRAW;
	s.arr.ctx = &s;
	s.arr.draw = draw_row;
	load(&s);
	lv_source src;
	lv_array_source(&src, &s.arr);
	if (lv_init(&s.lv, &src, 10) != 0) { free(s.rows); return UI_REDRAW; }
	us_screen *outer = cur;
	void (*outer_paint)(ui *) = u->paint;
	cur = &s;
	u->paint = paint;
	for (;;) {
		if (ui_too_small(u) && ui_small_screen(u) == UI_QUIT) break;
		paint(u);
		int k = ui_getkey(u);
		if (k == ERR || k == KEY_RESIZE) continue;
		u->msg[0] = 0;
		int act = action_for_key(CX_USULAN, k);
		if (act == A_BACK || act == A_QUIT || act == A_USULAN) break;
		if (act == A_HELP) { help_run(u, CX_USULAN, ""); continue; }
		if (act == A_TOGGLE) {
			int i = lv_array_sel(&s.lv);
			if (i >= 0) {
				if (s.rows[i].status == 1) s.rows[i].marked = !s.rows[i].marked;
				else ui_msg(u, R_WARN, "%s", _("Hanya usulan berstatus Draf yang dibawa ke musdes."));
				lv_move(&s.lv, +1);
			}
			continue;
		}
		if (act == A_OPEN) { show_history(&s); continue; }
		if (act == A_AGREE) { decide(&s, 2); continue; }
		if (act == A_REFUSE) { decide(&s, 3); continue; }
		if (act == A_FILTER) {
			const char *items[8];
			char lines[8][80];
			int codes[8], n = 0;
			snprintf(lines[n], sizeof lines[n], "%s", _("Semua status"));
			codes[n] = 0; items[n] = lines[n]; n++;
			for (int i = 0; i < codes_count(u->s->codes, "status_usulan") && n < 8; i++) {
				const char *lab;
				codes_item(u->s->codes, "status_usulan", i, &codes[n], &lab);
				snprintf(lines[n], sizeof lines[n], "%s", lab);
				items[n] = lines[n];
				n++;
			}
			int r = dlg_choose(u, _("Saring menurut status"), items, n, 0);
			if (r >= 0) { s.status = codes[r]; load(&s); lv_home(&s.lv); }
			continue;
		}
		lv_key(&s.lv, k);
	}
	u->paint = outer_paint;
	cur = outer;
	lv_free(&s.lv);
	free(s.rows);
	return UI_REDRAW;
}
