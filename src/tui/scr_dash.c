/* scr_dash.c — the district dashboard: one row per enrolled village (last
 * package received and when, changes in it, households, members, open
 * proposals, open conflicts, cross-village duplicates) with the villages
 * that sent nothing this month marked late by a '!' column and the row's
 * attribute (bold in monochrome), a totals row, sorting late-first or by
 * name, and a village's detail (proposals by status, its open conflicts, its
 * duplicates naming both households). Wider terminals get more columns.
 * Everything comes from sync.h; this file only draws. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "dash.h"
#include "dialog.h"
#include "screens.h"
#include "text.h"
#include "siks/i18n.h"
#include "siks/sync.h"
#include "siks/usulan.h"
#include "siks/validate.h"
#include "siks/wilayah.h"

/* Columns in the order drawn. prio 0 always; the others join, lowest prio
 * first, while the village name keeps NAME_MIN columns. */
enum { C_MARK, C_DESA, C_LAST, C_PKG, C_CHG, C_HH, C_MEM, C_OPEN, C_S1, C_S2, C_S3, C_S4, C_S5, C_S6,
       C_KONF, C_DUP, C_SENT, C_PEND, C_NOTE, C_N };
#define NAME_MIN 22
_Static_assert(C_N <= C_N_MAX, "dash.h: C_N_MAX too small");

static const struct col {
	const char *head; /* N_() */
	int w;            /* at least; the heading may widen it */
	int prio;
} cols[C_N] = {
	[C_MARK] = { "!", 1, 0 },
	[C_DESA] = { N_("Desa"), 0, 0 },
	[C_LAST] = { N_("Terakhir"), 10, 0 },
	[C_PKG] = { N_("Paket"), 5, 2 },
	[C_CHG] = { N_("Ubah"), 6, 0 },
	[C_HH] = { N_("Ruta"), 6, 0 },
	[C_MEM] = { N_("Jiwa"), 7, 0 },
	[C_OPEN] = { N_("Usulan"), 6, 0 },
	/* proposals by status 1..6 (data/codes/status_usulan.csv) */
	[C_S1] = { N_("Draf"), 5, 3 },
	[C_S2] = { N_("MusYa"), 5, 3 },
	[C_S3] = { N_("MusTdk"), 5, 3 },
	[C_S4] = { N_("Dikirim"), 5, 3 },
	[C_S5] = { N_("Diterima"), 5, 3 },
	[C_S6] = { N_("Ditolak"), 5, 3 },
	[C_KONF] = { N_("Konflik"), 7, 0 },
	[C_DUP] = { N_("Ganda"), 5, 0 },
	[C_SENT] = { N_("Terkirim"), 10, 1 },
	[C_PEND] = { N_("Menunggu"), 8, 1 },
	[C_NOTE] = { N_("Keterangan"), 10, 1 },
};

int dash_layout(int width, int w[C_N_MAX])
{
	int used = 0;
	memset(w, 0, C_N_MAX * sizeof *w);
	for (int c = 0; c < C_N; c++) {
		int hw = u8_width(_(cols[c].head));
		w[c] = cols[c].prio == 0 ? (cols[c].w > hw ? cols[c].w : hw) : 0;
		if (c != C_DESA && w[c])
			used += w[c] + (c ? 1 : 0);
	}
	used += 1; /* the gap before the name */
	/* below 80 columns the changes, then the members give way to the name */
	static const int give_way[] = { C_CHG, C_MEM };
	for (size_t i = 0; i < sizeof give_way / sizeof *give_way && width - used < 13; i++) {
		used -= w[give_way[i]] + 1;
		w[give_way[i]] = 0;
	}
	for (int p = 1; p <= 3; p++) {
		int add = 0;
		for (int c = 0; c < C_N; c++)
			if (cols[c].prio == p) {
				int hw = u8_width(_(cols[c].head));
				add += (cols[c].w > hw ? cols[c].w : hw) + 1;
			}
		if (width - used - add < NAME_MIN)
			break;
		for (int c = 0; c < C_N; c++)
			if (cols[c].prio == p) {
				int hw = u8_width(_(cols[c].head));
				w[c] = cols[c].w > hw ? cols[c].w : hw;
			}
		used += add;
	}
	w[C_DESA] = width - used;
	if (w[C_DESA] < 8)
		w[C_DESA] = 8;
	int n = 0;
	for (int c = 0; c < C_N; c++)
		n += w[c] > 0;
	return n;
}

int64_t dash_open_usulan(const sync_peer_status *p)
{
	int64_t n = 0;
	for (int k = 1; k < 8; k++)
		if (usulan_status_open(k))
			n += p->usulan[k];
	return n;
}

typedef struct dash {
	ui *u;
	sync_peer_status *v;
	int n;
	char (*name)[160];  /* "kode nama" as shown */
	int *order;
	int late_first;
	int sel, top;
} dash;

static dash *sort_ctx; /* qsort has no context argument */

static int cmp_rows(const void *a, const void *b)
{
	const dash *d = sort_ctx;
	int i = *(const int *)a, j = *(const int *)b;
	if (d->late_first && d->v[i].late != d->v[j].late)
		return d->v[j].late - d->v[i].late;
	/* by name; a village without one sorts by its kode among the named */
	const char *ni = d->v[i].nama[0] ? d->v[i].nama : d->v[i].kode;
	const char *nj = d->v[j].nama[0] ? d->v[j].nama : d->v[j].kode;
	int r = strcasecmp(ni, nj);
	return r ? r : strcmp(d->v[i].kode, d->v[j].kode);
}

static void dash_sort(dash *d)
{
	for (int i = 0; i < d->n; i++)
		d->order[i] = i;
	sort_ctx = d;
	qsort(d->order, (size_t)d->n, sizeof *d->order, cmp_rows);
	sort_ctx = NULL;
}

static void dash_free(dash *d)
{
	free(d->v);
	free(d->name);
	free(d->order);
	d->v = NULL;
	d->name = NULL;
	d->order = NULL;
	d->n = 0;
}

/* Reads the status again, keeping the selected village selected. */
static int dash_load(dash *d, siks_err *e)
{
	char keep[24] = "";
	if (d->n && d->sel < d->n)
		snprintf(keep, sizeof keep, "%s", d->v[d->order[d->sel]].kode);
	dash_free(d);
	if (sync_status(d->u->s, &d->v, &d->n, e) != 0)
		return -1;
	d->name = calloc((size_t)(d->n ? d->n : 1), sizeof *d->name);
	d->order = calloc((size_t)(d->n ? d->n : 1), sizeof *d->order);
	if (!d->name || !d->order) {
		dash_free(d);
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	}
	for (int i = 0; i < d->n; i++) {
		sync_peer_status *p = &d->v[i];
		if (!p->nama[0])
			wilayah_name(d->u->s, p->kode, p->nama, sizeof p->nama);
		snprintf(d->name[i], sizeof d->name[0], "%s%s%s", p->kode, p->nama[0] ? " " : "", p->nama);
	}
	dash_sort(d);
	d->sel = 0;
	for (int i = 0; i < d->n; i++)
		if (strcmp(d->v[d->order[i]].kode, keep) == 0)
			d->sel = i;
	return 0;
}

static void num(char *out, size_t n, int64_t v)
{
	snprintf(out, n, "%lld", (long long)v);
}

static void day_of(const char *ts, char out[11])
{
	char iso[11];
	snprintf(iso, sizeof iso, "%.10s", ts);
	date_format(iso, out);
}

/* Text of cell c for village p (name: as shown); *right: numbers align right. */
static void cell(const sync_peer_status *p, const char *name, int c, char *out, size_t n, int *right)
{
	*right = 1;
	switch (c) {
	case C_MARK: *right = 0; snprintf(out, n, "%s", p->late ? "!" : " "); return;
	case C_DESA: *right = 0; snprintf(out, n, "%s", name); return;
	case C_LAST:
		*right = 0;
		if (p->last_in_seq) {
			char day[11];
			day_of(p->last_in_at, day);
			snprintf(out, n, "%s", day);
		} else {
			snprintf(out, n, "%s", _("belum"));
		}
		return;
	case C_PKG: num(out, n, p->last_in_seq); return;
	case C_CHG: num(out, n, p->last_in_changes); return;
	case C_HH: num(out, n, p->households); return;
	case C_MEM: num(out, n, p->members); return;
	case C_OPEN: num(out, n, dash_open_usulan(p)); return;
	case C_S1: case C_S2: case C_S3: case C_S4: case C_S5: case C_S6:
		num(out, n, p->usulan[c - C_S1 + 1]);
		return;
	case C_KONF: num(out, n, p->conflicts_open); return;
	case C_DUP: num(out, n, p->duplicates); return;
	case C_SENT:
		*right = 0;
		if (p->last_out_seq) {
			char day[11];
			day_of(p->last_out_at, day);
			snprintf(out, n, "%s", day);
		} else {
			snprintf(out, n, "%s", _("belum"));
		}
		return;
	case C_PEND: num(out, n, p->pending); return;
	case C_NOTE: *right = 0; snprintf(out, n, "%s", p->late ? _("TERLAMBAT") : ""); return;
	}
	out[0] = 0;
}

static void draw_cells(int y, const int w[C_N_MAX], const sync_peer_status *p, const char *name, int attr,
		       int heading)
{
	int x = 0;
	for (int c = 0; c < C_N; c++) {
		if (!w[c])
			continue;
		if (c) {
			text_draw(stdscr, y, x, " ", 1, attr);
			x++;
		}
		char buf[200];
		int right = c != C_DESA && c != C_MARK && c != C_LAST && c != C_SENT && c != C_NOTE;
		if (heading)
			snprintf(buf, sizeof buf, "%s", c == C_MARK ? "!" : _(cols[c].head));
		else
			cell(p, name, c, buf, sizeof buf, &right);
		if (right)
			text_draw_right(stdscr, y, x, buf, w[c], attr);
		else
			text_draw(stdscr, y, x, buf, w[c], attr);
		x += w[c];
	}
}

static void dash_draw(dash *d)
{
	ui *u = d->u;
	int y0, y1, w[C_N_MAX];
	bkgdset(' ' | ui_attr(R_NORMAL));
	erase();
	ui_frame(u, CX_HELP, &y0, &y1);
	dash_layout(u->cols, w);
	if (d->sel >= d->n)
		d->sel = d->n - 1;
	if (d->sel < 0)
		d->sel = 0;
	text_draw(stdscr, y0, 0, _("Dasbor kabupaten — o urut, Enter rincian desa, c konflik, Esc kembali"), u->cols,
		  ui_attr(R_TITLE));
	/* totals, as a row of the table */
	sync_peer_status tot;
	memset(&tot, 0, sizeof tot);
	int late = 0;
	for (int i = 0; i < d->n; i++) {
		const sync_peer_status *p = &d->v[i];
		late += p->late;
		tot.last_in_changes += p->last_in_changes;
		tot.households += p->households;
		tot.members += p->members;
		for (int k = 0; k < 8; k++)
			tot.usulan[k] += p->usulan[k];
		tot.conflicts_open += p->conflicts_open;
		tot.duplicates += p->duplicates;
		tot.pending += p->pending;
	}
	tot.duplicates /= 2; /* a NIK pair counts at both its villages; the total counts it once */
	char line[300], right[80], month[8];
	snprintf(month, sizeof month, "%.2s-%.4s", u->today + 5, u->today);
	snprintf(line, sizeof line, _("%d desa, %d TERLAMBAT (!: tanpa paket bulan %s)"), d->n, late, month);
	snprintf(right, sizeof right, _("urut: %s"), d->late_first ? _("terlambat dulu") : _("nama"));
	if (d->n > 0) {
		/* where the selection is, when the list is longer than the screen */
		size_t o = strlen(right);
		snprintf(right + o, sizeof right - o, "  %d/%d", d->sel + 1, d->n);
	}
	int rw = u8_width(right);
	if (rw > u->cols / 2)
		rw = u->cols / 2;
	text_draw(stdscr, y0 + 1, 0, line, u->cols - rw, ui_attr(late ? R_WARN : R_NORMAL));
	text_draw_right(stdscr, y0 + 1, u->cols - rw, right, rw, ui_attr(R_NORMAL));
	draw_cells(y0 + 2, w, NULL, NULL, ui_attr(R_TITLE), 1);
	char totname[64];
	snprintf(totname, sizeof totname, _("Jumlah %d desa"), d->n);
	tot.last_in_seq = 0;
	snprintf(tot.last_in_at, sizeof tot.last_in_at, "%s", "");
	{
		int x = 0;
		/* the totals row: blank where a sum means nothing (dates, numbers) */
		for (int c = 0; c < C_N; c++) {
			if (!w[c])
				continue;
			if (c) {
				text_draw(stdscr, y0 + 3, x, " ", 1, (int)(ui_attr(R_NORMAL) | A_BOLD));
				x++;
			}
			char buf[200];
			int rgt;
			if (c == C_LAST || c == C_SENT || c == C_PKG || c == C_MARK || c == C_NOTE)
				buf[0] = 0, rgt = 0;
			else
				cell(&tot, totname, c, buf, sizeof buf, &rgt);
			if (rgt)
				text_draw_right(stdscr, y0 + 3, x, buf, w[c], (int)(ui_attr(R_NORMAL) | A_BOLD));
			else
				text_draw(stdscr, y0 + 3, x, buf, w[c], (int)(ui_attr(R_NORMAL) | A_BOLD));
			x += w[c];
		}
	}
	int first = y0 + 4, fit = y1 - first + 1;
	if (fit < 1)
		fit = 1;
	if (d->sel < d->top)
		d->top = d->sel;
	if (d->sel >= d->top + fit)
		d->top = d->sel - fit + 1;
	if (d->top > 0 && d->top + fit > d->n)
		d->top = d->n - fit > 0 ? d->n - fit : 0;
	if (d->n == 0)
		text_draw(stdscr, first, 1, _("Belum ada desa terdaftar (siksdesa site enroll KODE)."), u->cols - 1,
			  ui_attr(R_WARN));
	for (int i = d->top; i < d->n && i < d->top + fit; i++) {
		int k = d->order[i];
		const sync_peer_status *p = &d->v[k];
		int attr = i == d->sel ? (int)(ui_attr(R_SEL) | (p->late ? (int)A_BOLD : 0)) : ui_attr(p->late ? R_WARN : R_NORMAL);
		draw_cells(first + i - d->top, w, p, d->name[k], attr, 0);
	}
	refresh();
}

void tui_dashboard(ui *u)
{
	dash d;
	memset(&d, 0, sizeof d);
	d.u = u;
	d.late_first = 1;
	siks_err e = { 0 };
	if (dash_load(&d, &e) != 0) {
		dlg_message(u, _("Dasbor kabupaten"), e.msg);
		return;
	}
	for (;;) {
		dash_draw(&d);
		int k = ui_getkey(u);
		if (k == KEY_RESIZE || k == ERR)
			continue;
		u->msg[0] = 0;
		int fit = u->rows - 3 - 5 + 1;
		if (fit < 1)
			fit = 1;
		if (k == KEY_ESC || k == 'q' || k == KEY_F(10))
			break;
		else if (k == KEY_UP)
			d.sel--;
		else if (k == KEY_DOWN)
			d.sel++;
		else if (k == KEY_PPAGE)
			d.sel -= fit;
		else if (k == KEY_NPAGE)
			d.sel += fit;
		else if (k == KEY_HOME)
			d.sel = 0;
		else if (k == KEY_END)
			d.sel = d.n - 1;
		else if (k == 'o' || k == CTRL('O') || k == KEY_F(5)) {
			char keep[24] = "";
			if (d.n)
				snprintf(keep, sizeof keep, "%s", d.v[d.order[d.sel]].kode);
			d.late_first = !d.late_first;
			dash_sort(&d);
			for (int i = 0; i < d.n; i++)
				if (strcmp(d.v[d.order[i]].kode, keep) == 0)
					d.sel = i;
		} else if (k == 'c') {
			tui_conflicts(u);
			if (dash_load(&d, &e) != 0)
				break;
		} else if ((k == '\r' || k == '\n' || k == KEY_ENTER) && d.n) {
			const sync_peer_status *p = &d.v[d.order[d.sel]];
			if (dash_detail(u, p, d.name[d.order[d.sel]]) && dash_load(&d, &e) != 0)
				break;
		}
	}
	if (e.msg[0])
		dlg_message(u, _("Dasbor kabupaten"), e.msg);
	dash_free(&d);
}
