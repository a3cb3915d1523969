/* scr_sync.c — "Kirim / Terima": send and receive packages through a USB
 * stick (found under /media, /run/media) or the configured share folder,
 * with what waits to be sent and what has arrived; and the conflict screen
 * where a person keeps the value in use or takes back the one that lost.
 * Everything it does goes through sync.h; it only draws and asks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "dialog.h"
#include "screens.h"
#include "text.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/sync.h"

#define MAX_DIRS TUI_MAX_PLACES

/* USB sticks, then the share folder (setting sync.share); also the import
 * screen's places (screens.h). */
int tui_places(ui *u, tui_place *p)
{
	char sticks[MAX_DIRS - 1][512];
	int k = plat_find_removable(sticks, MAX_DIRS - 2), n = 0;
	for (int i = 0; i < k; i++, n++) {
		snprintf(p[n].path, sizeof p[n].path, "%.511s", sticks[i]);
		snprintf(p[n].label, sizeof p[n].label, _("Flashdisk %s"), p[n].path);
	}
	char share[1024];
	if (siks_setting_get(u->s, "sync.share", share, sizeof share) == 0 && share[0]) {
		snprintf(p[n].path, sizeof p[n].path, "%s", share);
		snprintf(p[n].label, sizeof p[n].label, _("Folder bersama %s"), share);
		n++;
	}
	return n;
}

/* Packages addressed to this site waiting in dir (by name). */
static int waiting(ui *u, const char *dir)
{
	static char names[512][256];
	int n = plat_list_dir(dir, SYNC_EXT, names, 512), k = 0;
	char want[40];
	snprintf(want, sizeof want, "_ke_%s_", u->s->site_kode);
	for (int i = 0; i < n; i++)
		if (strstr(names[i], want))
			k++;
	return k;
}

static void draw_status(ui *u, int y, int y1, sync_peer_status *v, int n)
{
	char line[512];
	for (int i = 0; i < n && y < y1; i++, y++) {
		sync_peer_status *p = &v[i];
		char in[80], out[120];
		if (p->last_in_seq)
			snprintf(in, sizeof in, _("diterima no %lld (%.10s)"), (long long)p->last_in_seq, p->last_in_at);
		else
			snprintf(in, sizeof in, "%s", _("belum ada yang diterima"));
		if (p->last_out_seq)
			snprintf(out, sizeof out, _("dikirim no %lld, dikonfirmasi no %lld, %lld belum"),
				 (long long)p->last_out_seq, (long long)p->acked_out_seq, (long long)p->pending);
		else
			snprintf(out, sizeof out, _("belum pernah dikirim, %lld menunggu"), (long long)p->pending);
		snprintf(line, sizeof line, "%-13s %s; %s%s", p->kode, in, out, p->late ? _(" TERLAMBAT") : "");
		text_draw(stdscr, y, 1, line, u->cols - 2, ui_attr(p->late ? R_WARN : R_NORMAL));
	}
}

static void do_send(ui *u, const char *dir)
{
	sync_out *o = NULL;
	int n = 0;
	siks_err e = { 0 };
	if (sync_export(u->s, dir, &o, &n, &e) != 0) {
		dlg_message(u, _("Kirim gagal"), e.msg);
	} else {
		long long total = 0;
		for (int i = 0; i < n; i++)
			total += o[i].nchanges;
		ui_msg(u, R_MSG, _("%d paket ditulis ke %s (%lld perubahan)"), n, dir, total);
	}
	free(o);
}

static void do_receive(ui *u, const char *dir)
{
	sync_in *r = NULL;
	int n = 0;
	siks_err e = { 0 };
	int rc = sync_import(u->s, dir, &r, &n, &e);
	int ok = 0, again = 0, bad = 0;
	long long applied = 0, conflicts = 0;
	for (int i = 0; i < n; i++) {
		if (r[i].status == 0) {
			ok++;
			applied += r[i].applied;
			conflicts += r[i].conflicts;
		} else if (r[i].status == 1) {
			again++;
		} else {
			bad++;
		}
	}
	free(r);
	if (rc != 0 && (bad || n == 0)) {
		char text[900];
		snprintf(text, sizeof text, _("%d paket diterima, %d ditolak. %s"), ok, bad, e.msg);
		dlg_message(u, _("Terima paket"), text);
	} else {
		ui_msg(u, conflicts ? R_WARN : R_MSG,
		       _("%d paket diterima (%lld perubahan, %lld konflik baru), %d sudah pernah diterima"), ok, applied,
		       conflicts, again);
	}
}

static void draw_conflict(ui *u, int y, const sync_conflict *c, int sel)
{
	char a[600], b[600];
	int attr = ui_attr(sel ? R_SEL : R_NORMAL);
	snprintf(a, sizeof a, _("%s %.8s… %s: dipakai \"%s\" (%s, %s, %s)"), c->tbl, c->rec, c->field,
		 c->win_value ? c->win_value : "", c->win_site, c->win_who, c->win_when);
	snprintf(b, sizeof b, _("   tersimpan \"%s\" (%s, %s, %s)"), c->lose_value ? c->lose_value : "", c->lose_site,
		 c->lose_who, c->lose_when);
	text_draw(stdscr, y, 0, a, u->cols, attr);
	text_draw(stdscr, y + 1, 0, b, u->cols, attr);
}

void tui_conflicts(ui *u)
{
	int sel = 0, top = 0;
	for (;;) {
		sync_conflict *v = NULL;
		int n = 0;
		siks_err e = { 0 };
		if (sync_conflicts(u->s, 1, &v, &n, &e) != 0) {
			dlg_message(u, _("Konflik"), e.msg);
			return;
		}
		int y0, y1;
		bkgdset(' ' | ui_attr(R_NORMAL));
		erase();
		ui_frame(u, CX_HELP, &y0, &y1);
		text_draw(stdscr, y0, 0, _("Konflik terbuka — t tetap, g ganti dengan nilai tersimpan, Esc kembali"),
			  u->cols, ui_attr(R_TITLE));
		int fit = (y1 - y0 - 1) / 2;
		if (fit < 1)
			fit = 1;
		if (sel >= n)
			sel = n - 1;
		if (sel < 0)
			sel = 0;
		if (sel < top)
			top = sel;
		if (sel >= top + fit)
			top = sel - fit + 1;
		if (n == 0)
			text_draw(stdscr, y0 + 2, 1, _("Tidak ada konflik terbuka."), u->cols - 1, ui_attr(R_DIM));
		for (int i = top; i < n && i < top + fit; i++)
			draw_conflict(u, y0 + 1 + 2 * (i - top), &v[i], i == sel);
		refresh();
		int k = ui_getkey(u);
		int64_t id = n ? v[sel].id : 0;
		sync_conflicts_free(v, n);
		if (k == KEY_RESIZE || k == ERR)
			continue;
		u->msg[0] = 0;
		if (k == KEY_ESC || k == 'q' || k == KEY_F(10))
			return;
		if (k == KEY_UP)
			sel--;
		else if (k == KEY_DOWN)
			sel++;
		else if ((k == 't' || k == 'g') && id) {
			if (sync_conflict_resolve(u->s, id, k == 'g', &e) != 0)
				dlg_message(u, _("Konflik"), e.msg);
			else
				ui_msg(u, R_MSG, "%s", k == 'g' ? _("Nilai yang tersimpan dipakai kembali; keputusan ikut terkirim.")
								: _("Nilai sekarang tetap; keputusan ikut terkirim."));
		}
	}
}

void tui_sync(ui *u)
{
	tui_place p[MAX_DIRS];
	int sel = 0;
	for (;;) {
		int n = tui_places(u, p);
		snprintf(p[n].path, sizeof p[n].path, "%s", "");
		snprintf(p[n].label, sizeof p[n].label, "%s", _("Folder lain…"));
		int count = n + 1;
		if (sel >= count)
			sel = count - 1;
		sync_peer_status *st = NULL;
		int ns = 0;
		siks_err e = { 0 };
		sync_status(u->s, &st, &ns, &e);
		int y0, y1;
		bkgdset(' ' | ui_attr(R_NORMAL));
		erase();
		ui_frame(u, CX_HELP, &y0, &y1);
		int kab = u->s->site_role == SIKS_SITE_KABUPATEN;
		text_draw(stdscr, y0, 0,
			  kab ? _("Kirim / Terima — k kirim, t terima, b folder, c konflik, d dasbor, Esc kembali")
			      : _("Kirim / Terima — k kirim, t terima, b folder bersama, c konflik, Esc kembali"),
			  u->cols, ui_attr(R_TITLE));
		int y = y0 + 2;
		text_draw(stdscr, y++, 1, _("Tempat paket:"), u->cols - 2, ui_attr(R_NORMAL));
		for (int i = 0; i < count && y < y1; i++, y++) {
			char line[1300];
			int w = i < n ? waiting(u, p[i].path) : 0;
			if (i < n && w)
				snprintf(line, sizeof line, _("%s — %d paket untuk situs ini"), p[i].label, w);
			else
				snprintf(line, sizeof line, "%s", p[i].label);
			text_draw(stdscr, y, 2, line, u->cols - 3, ui_attr(i == sel ? R_SEL : R_NORMAL));
		}
		if (n == 0 && y < y1)
			text_draw(stdscr, y++, 2, _("(tidak ada flashdisk terpasang; colokkan flashdisk, atau pilih folder lain)"),
				  u->cols - 3, ui_attr(R_DIM));
		y++;
		if (ns == 0 && y < y1)
			text_draw(stdscr, y++, 1,
				  u->s->site_role == SIKS_SITE_KABUPATEN
				  ? _("Belum ada desa terdaftar (siksdesa site enroll KODE).")
				  : _("Desa ini belum terdaftar di kabupaten (siksdesa site join BERKAS)."),
				  u->cols - 2, ui_attr(R_WARN));
		draw_status(u, y, y1, st, ns);
		long long open = 0;
		for (int i = 0; i < ns; i++)
			open += st[i].conflicts_open;
		free(st);
		if (open && y1 - 1 > y0) {
			char c[120];
			snprintf(c, sizeof c, _("%lld konflik terbuka: tekan c untuk memeriksanya."), open);
			text_draw(stdscr, y1 - 1, 1, c, u->cols - 2, ui_attr(R_WARN));
		}
		refresh();
		int k = ui_getkey(u);
		if (k == KEY_RESIZE || k == ERR)
			continue;
		u->msg[0] = 0;
		if (k == KEY_ESC || k == 'q' || k == KEY_F(10))
			return;
		if (k == KEY_UP && sel > 0)
			sel--;
		else if (k == KEY_DOWN && sel < count - 1)
			sel++;
		else if (k == 'c')
			tui_conflicts(u);
		else if (k == 'd' && u->s->site_role == SIKS_SITE_KABUPATEN)
			tui_dashboard(u); /* scr_dash.c */
		else if (k == 'b') {
			char share[1024] = "";
			siks_setting_get(u->s, "sync.share", share, sizeof share);
			if (dlg_input(u, _("Folder bersama"), _("Folder jaringan untuk paket (kosong: tidak ada):"), share,
				      sizeof share, 0, 0) == 0 &&
			    siks_setting_set(u->s, "sync.share", share, &e) != 0)
				dlg_message(u, _("Folder bersama"), e.msg);
		} else if (k == 'k' || k == 't' || k == '\r' || k == KEY_ENTER) {
			char dir[1024];
			snprintf(dir, sizeof dir, "%s", p[sel].path);
			if (!dir[0] && (dlg_input(u, _("Folder paket"), _("Folder:"), dir, sizeof dir, 0, 0) != 0 || !dir[0]))
				continue;
			if (k == '\r' || k == KEY_ENTER) {
				const char *b[] = { _("Kirim"), _("Terima"), _("Batal") };
				int r = dlg_ask(u, _("Kirim / Terima"), dir, b, 3);
				if (r == 0)
					k = 'k';
				else if (r == 1)
					k = 't';
				else
					continue;
			}
			if (k == 'k')
				do_send(u, dir);
			else
				do_receive(u, dir);
		}
	}
}
