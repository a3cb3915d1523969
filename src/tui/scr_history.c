/* scr_history.c — the change history screen and the one-step backup onto a
 * USB stick (scr_auth.h). The history is read from the audit trail through
 * history.h; nothing here writes to it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "action.h"
#include "dialog.h"
#include "scr_auth.h"
#include "text.h"
#include "siks/backup.h"
#include "siks/history.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/privacy.h"
#include "siks/rec.h"

/* The newest HIST_MAX rows are kept (a ring): a district register holds
 * millions of audit rows and an old PC has little memory. */
#define HIST_MAX 5000

struct hist {
	char **line;    /* HIST_MAX slots */
	size_t n;       /* rows kept, <= HIST_MAX */
	size_t start;   /* slot of the oldest row kept */
	long long seen; /* rows read */
	int mask;
};

static const char *hist_line(const struct hist *h, size_t i)
{
	return h->line[(h->start + i) % HIST_MAX];
}

static int add_line(void *ctx, const history_row *r)
{
	struct hist *h = ctx;
	h->seen++;
	char oldv[600], newv[600], what[128], ts[20];
	if (h->mask) {
		siks_mask_text(r->old_value, oldv, sizeof oldv);
		siks_mask_text(r->new_value, newv, sizeof newv);
	} else {
		snprintf(oldv, sizeof oldv, "%s", r->old_value);
		snprintf(newv, sizeof newv, "%s", r->new_value);
	}
	const siks_table *t = siks_table_find(r->table);
	snprintf(what, sizeof what, "%s", r->who[0] ? r->who : t ? _(t->label) : r->table);
	/* shown DD-MM-YYYY HH:MM, as everywhere on screen */
	snprintf(ts, sizeof ts, "%.2s-%.2s-%.4s %.5s", r->ts + 8, r->ts + 5, r->ts, r->ts + 11);
	char buf[1600];
	snprintf(buf, sizeof buf, "%s  %-12.12s %-18.18s %s: %s %s %s", ts, r->operator_name, what,
		 r->field_label, oldv[0] ? oldv : "-", text_utf8() ? "→" : "->", newv[0] ? newv : "-");
	char *copy = strdup(buf);
	if (!copy) return 1;
	if (h->n < HIST_MAX) {
		h->line[h->n++] = copy;
	} else {
		free(h->line[h->start]);
		h->line[h->start] = copy;
		h->start = (h->start + 1) % HIST_MAX;
	}
	return 0;
}

static void save_csv(ui *u, const history_filter *f)
{
	char sticks[4][512], path[1024], today[11];
	plat_today(today);
	int k = plat_find_removable(sticks, 4);
	char dir[1024];
	if (k > 0) snprintf(dir, sizeof dir, "%s", sticks[0]);
	else backup_dir_of(u->s->path, dir, sizeof dir);
	snprintf(path, sizeof path, "%.900s/riwayat-%s.csv", dir, today);
	if (dlg_input(u, _("Simpan riwayat sebagai CSV"), _("Nama berkas:"), path, sizeof path, 0, 0) != 0)
		return;
	siks_err e = { 0 };
	int64_t rows = 0;
	if (history_export_csv(u->s, f, path, &rows, &e) != 0)
		dlg_message(u, _("Riwayat"), e.msg);
	else
		ui_msg(u, R_MSG, _("%lld baris riwayat ditulis ke %s"), (long long)rows, path);
}

void tui_history(ui *u, const char *household_id)
{
	struct hist h = { calloc(HIST_MAX, sizeof(char *)), 0, 0, 0, siks_mask_nik_enabled(u->s) };
	if (!h.line) return;
	history_filter f = { 0 };
	char from[11] = "", title[200];
	if (household_id && *household_id) {
		f.household = household_id;
		snprintf(title, sizeof title, "%s", _("Riwayat perubahan rumah tangga ini"));
	} else {
		time_t t = (time_t)(plat_now_ms() / 1000) - 30 * 86400;
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(from, sizeof from, "%Y-%m-%d", &tm);
		f.from = from;
		snprintf(title, sizeof title, "%s", _("Riwayat perubahan seluruh desa, 30 hari terakhir"));
	}
	siks_err e = { 0 };
	if (history_each(u->s, &f, add_line, &h, &e) != 0) {
		dlg_message(u, _("Riwayat"), e.msg);
		goto out;
	}
	/* newest at the bottom, shown first */
	int top = 0, first = 1;
	for (;;) {
		int y0, y1;
		bkgdset(' ' | ui_attr(R_NORMAL));
		erase();
		ui_frame(u, CX_HELP, &y0, &y1);
		char head[300];
		snprintf(head, sizeof head, _("%s (%lld) — Ctrl-S simpan CSV, Esc kembali"), title, h.seen);
		text_draw(stdscr, y0, 0, head, u->cols, ui_attr(R_TITLE));
		int rows = y1 - y0;
		if (rows < 1) rows = 1;
		if (first) { top = (int)h.n - rows; first = 0; }
		if (top > (int)h.n - rows) top = (int)h.n - rows;
		if (top < 0) top = 0;
		if (h.n == 0)
			text_draw(stdscr, y0 + 1, 1, _("Belum ada perubahan yang tercatat."), u->cols - 1, ui_attr(R_DIM));
		for (int i = 0; i < rows && top + i < (int)h.n; i++)
			text_draw(stdscr, y0 + 1 + i, 0, hist_line(&h, (size_t)(top + i)), u->cols, ui_attr(R_NORMAL));
		refresh();
		int k = ui_getkey(u);
		if (k == KEY_RESIZE || k == ERR) continue;
		u->msg[0] = 0;
		if (k == KEY_ESC || k == 'q' || k == KEY_F(10) || k == '\r' || k == KEY_ENTER) break;
		else if (k == KEY_UP) top--;
		else if (k == KEY_DOWN) top++;
		else if (k == KEY_PPAGE) top -= rows;
		else if (k == KEY_NPAGE) top += rows;
		else if (k == KEY_HOME) top = 0;
		else if (k == KEY_END) top = (int)h.n;
		else if (k == CTRL('S') || k == KEY_F(2)) save_csv(u, &f);
	}
out:
	for (size_t i = 0; i < h.n; i++) free(h.line[i]); /* slots 0..n-1 are all filled */
	free(h.line);
}

void tui_backup_usb(ui *u)
{
	char sticks[8][512], dir[1024] = "";
	for (;;) {
		int k = plat_find_removable(sticks, 8);
		if (k == 1) {
			snprintf(dir, sizeof dir, "%s", sticks[0]);
		} else if (k > 1) {
			const char *items[8];
			for (int i = 0; i < k; i++) items[i] = sticks[i];
			int r = dlg_choose(u, _("Cadangkan ke flashdisk mana?"), items, k, 0);
			if (r < 0) return;
			snprintf(dir, sizeof dir, "%s", sticks[r]);
		} else {
			const char *b[] = { _("Coba lagi"), _("Folder lain"), _("Batal") };
			int r = dlg_ask(u, _("Cadangan ke flashdisk"),
					_("Tidak ada flashdisk yang terpasang. Colokkan flashdisk lalu pilih Coba lagi, "
					  "atau ketik folder tujuan."), b, 3);
			if (r == 0) continue;
			if (r != 1) return;
			if (dlg_input(u, _("Cadangan ke folder"), _("Folder tujuan:"), dir, sizeof dir, 0, 0) != 0 || !dir[0])
				return;
		}
		break;
	}
	/* a large register takes a few seconds: say so before starting */
	int w = u->cols - 8 > 50 ? 50 : u->cols - 8;
	ui_box(u->rows / 2 - 1, (u->cols - w) / 2, 3, w, _("Cadangan"));
	text_draw(stdscr, u->rows / 2, (u->cols - w) / 2 + 2, _("Membuat cadangan..."), w - 4, ui_attr(R_NORMAL));
	refresh();
	siks_err e = { 0 };
	char out[1400], text[1600];
	if (backup_run(u->s, dir, out, sizeof out, &e) != 0) {
		dlg_message(u, _("Cadangan gagal"), e.msg);
		return;
	}
	snprintf(text, sizeof text, _("Cadangan tersimpan di %s. Simpan flashdisk di tempat aman: isinya data pribadi warga."),
		 out);
	dlg_message(u, _("Cadangan"), text);
}
