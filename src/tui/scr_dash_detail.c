/* scr_dash_detail.c — one village of the district dashboard: its packages,
 * households and members, proposals by status, its open conflicts (both
 * values, who and when; c opens the conflict screen to decide them) and the
 * NIKs it shares with another village, naming both households by their head
 * and No KK. A scrolling page of text lines; nothing here writes. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "dash.h"
#include "dialog.h"
#include "screens.h"
#include "text.h"
#include "siks/codes.h"
#include "siks/i18n.h"
#include "siks/privacy.h"
#include "siks/rec.h"
#include "siks/validate.h"
#include "siks/wilayah.h"

typedef struct page {
	char (*line)[400];
	int *role;
	int n, cap;
} page;

static void add(page *p, int role, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add(page *p, int role, const char *fmt, ...)
{
	if (p->n == p->cap) {
		int cap = p->cap ? p->cap * 2 : 64;
		char (*l)[400] = realloc(p->line, (size_t)cap * sizeof *l);
		if (l)
			p->line = l;
		int *r = realloc(p->role, (size_t)cap * sizeof *r);
		if (r)
			p->role = r;
		if (!l || !r)
			return;
		p->cap = cap;
	}
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->line[p->n], sizeof p->line[0], fmt, ap);
	va_end(ap);
	p->role[p->n++] = role;
}

/* "DD-MM-YYYY HH:MM" of a local "YYYY-MM-DD HH:MM:SS" */
static void when(const char *ts, char out[20])
{
	char iso[11], day[11];
	snprintf(iso, sizeof iso, "%.10s", ts);
	date_format(iso, day);
	snprintf(out, 20, "%s%s%.5s", day, strlen(ts) > 11 ? " " : "", strlen(ts) > 11 ? ts + 11 : "");
}

static void add_conflicts(ui *u, page *pg, const char *kode)
{
	sync_conflict *c = NULL;
	int n = 0, mine = 0;
	siks_err e = { 0 };
	if (sync_conflicts(u->s, 1, &c, &n, &e) != 0) {
		add(pg, R_ERROR, "%s", e.msg);
		return;
	}
	for (int i = 0; i < n; i++)
		mine += strcmp(c[i].desa, kode) == 0;
	add(pg, R_TITLE, _("Konflik terbuka: %d (c: buka layar konflik untuk memutuskan)"), mine);
	for (int i = 0; i < n; i++) {
		if (strcmp(c[i].desa, kode) != 0)
			continue;
		const siks_table *t = siks_table_find(c[i].tbl);
		const siks_field *f = t ? siks_field_find(t, c[i].field) : NULL;
		add(pg, R_NORMAL, _("  %s %.8s… %s: dipakai \"%s\" (%s, %s, %s)"), t ? _(t->label) : c[i].tbl, c[i].rec,
		    f ? _(f->label) : c[i].field, c[i].win_value ? c[i].win_value : "", c[i].win_site, c[i].win_who,
		    c[i].win_when);
		add(pg, R_NORMAL, _("      tersimpan \"%s\" (%s, %s, %s)"), c[i].lose_value ? c[i].lose_value : "",
		    c[i].lose_site, c[i].lose_who, c[i].lose_when);
	}
	sync_conflicts_free(c, n);
}

static void add_duplicates(ui *u, page *pg, const char *kode)
{
	sync_dup *d = NULL;
	int n = 0, mine = 0;
	siks_err e = { 0 };
	if (sync_duplicates(u->s, &d, &n, &e) != 0) {
		add(pg, R_ERROR, "%s", e.msg);
		return;
	}
	for (int i = 0; i < n; i++)
		mine += strcmp(d[i].desa_a, kode) == 0 || strcmp(d[i].desa_b, kode) == 0;
	add(pg, R_TITLE, _("NIK ganda antar desa: %d"), mine);
	for (int i = 0; i < n; i++) {
		if (strcmp(d[i].desa_a, kode) != 0 && strcmp(d[i].desa_b, kode) != 0)
			continue;
		char nik[24], kka[24], kkb[24];
		siks_nik_display(u->s, d[i].nik, nik, sizeof nik);
		siks_nik_display(u->s, d[i].kk_a, kka, sizeof kka);
		siks_nik_display(u->s, d[i].kk_b, kkb, sizeof kkb);
		/* this village first, then the other; each household by its head and No KK */
		int a_here = strcmp(d[i].desa_a, kode) == 0;
		const char *desa[2] = { a_here ? d[i].desa_a : d[i].desa_b, a_here ? d[i].desa_b : d[i].desa_a };
		const char *nama[2] = { a_here ? d[i].nama_a : d[i].nama_b, a_here ? d[i].nama_b : d[i].nama_a };
		const char *kepala[2] = { a_here ? d[i].kepala_a : d[i].kepala_b, a_here ? d[i].kepala_b : d[i].kepala_a };
		const char *kk[2] = { a_here ? kka : kkb, a_here ? kkb : kka };
		add(pg, R_NORMAL, _("  NIK %s"), nik);
		for (int j = 0; j < 2; j++) {
			char label[200], wn[128] = "";
			wilayah_name(u->s, desa[j], wn, sizeof wn);
			snprintf(label, sizeof label, "%s%s%s", desa[j], wn[0] ? " " : "", wn);
			add(pg, R_NORMAL, _("    di %s: %s"), label, nama[j]);
			add(pg, R_NORMAL, _("      rumah tangga %s, No KK %s"), kepala[j], kk[j][0] ? kk[j] : "-");
		}
	}
	free(d);
}

static void build(ui *u, page *pg, const sync_peer_status *p, const char *name)
{
	pg->n = 0;
	char month[8];
	snprintf(month, sizeof month, "%.2s-%.4s", u->today + 5, u->today);
	if (p->late)
		add(pg, R_WARN, _("%s — TERLAMBAT: belum ada paket bulan %s"), name, month);
	else
		add(pg, R_TITLE, "%s", name);
	add(pg, R_NORMAL, "%s", "");
	char w[20];
	if (p->last_in_seq) {
		when(p->last_in_at, w);
		add(pg, R_NORMAL, _("Paket terakhir diterima: no %lld, %s (%lld perubahan)"), (long long)p->last_in_seq, w,
		    (long long)p->last_in_changes);
	} else {
		add(pg, R_NORMAL, "%s", _("Paket terakhir diterima: belum pernah ada paket dari desa ini"));
	}
	if (p->last_out_seq) {
		when(p->last_out_at, w);
		add(pg, R_NORMAL, _("Paket terakhir dikirim ke desa: no %lld, %s; dikonfirmasi sampai no %lld"),
		    (long long)p->last_out_seq, w, (long long)p->acked_out_seq);
	} else {
		add(pg, R_NORMAL, "%s", _("Paket terakhir dikirim ke desa: belum pernah"));
	}
	add(pg, R_NORMAL, _("Perubahan di kabupaten yang belum dikonfirmasi desa: %lld"), (long long)p->pending);
	add(pg, R_NORMAL, _("Rumah tangga %lld, anggota %lld"), (long long)p->households, (long long)p->members);
	add(pg, R_NORMAL, "%s", "");
	add(pg, R_TITLE, _("Usulan menurut status (terbuka: %lld)"), (long long)dash_open_usulan(p));
	int nst = codes_count(u->s->codes, "status_usulan");
	for (int i = 0; i < nst; i++) {
		int code;
		const char *label;
		if (codes_item(u->s->codes, "status_usulan", i, &code, &label) != 0 || code < 0 || code >= 8)
			continue;
		add(pg, R_NORMAL, "  %-28s %8lld", label, (long long)p->usulan[code]);
	}
	if (p->usulan[0])
		add(pg, R_NORMAL, "  %-28s %8lld", _("(tanpa status)"), (long long)p->usulan[0]);
	add(pg, R_NORMAL, "%s", "");
	add_conflicts(u, pg, p->kode);
	add(pg, R_NORMAL, "%s", "");
	add_duplicates(u, pg, p->kode);
}

int dash_detail(ui *u, const sync_peer_status *p, const char *name)
{
	page pg = { 0 };
	int top = 0, changed = 0;
	char kode[24], shown[160];
	snprintf(kode, sizeof kode, "%s", p->kode);
	snprintf(shown, sizeof shown, "%s", name);
	sync_peer_status cur = *p;
	build(u, &pg, &cur, shown);
	for (;;) {
		int y0, y1;
		bkgdset(' ' | ui_attr(R_NORMAL));
		erase();
		ui_frame(u, CX_HELP, &y0, &y1);
		text_draw(stdscr, y0, 0, _("Rincian desa — c konflik, panah/PgUp/PgDn gulir, Esc kembali"), u->cols,
			  ui_attr(R_TITLE));
		int fit = y1 - y0;
		if (fit < 1)
			fit = 1;
		if (top > pg.n - fit)
			top = pg.n - fit;
		if (top < 0)
			top = 0;
		for (int i = top; i < pg.n && i < top + fit; i++)
			text_draw(stdscr, y0 + 1 + i - top, 1, pg.line[i], u->cols - 1, ui_attr(pg.role[i]));
		refresh();
		int k = ui_getkey(u);
		if (k == KEY_RESIZE || k == ERR)
			continue;
		u->msg[0] = 0;
		if (k == KEY_ESC || k == 'q' || k == KEY_F(10) || k == '\r' || k == '\n' || k == KEY_ENTER)
			break;
		else if (k == KEY_UP)
			top--;
		else if (k == KEY_DOWN)
			top++;
		else if (k == KEY_PPAGE)
			top -= fit;
		else if (k == KEY_NPAGE)
			top += fit;
		else if (k == KEY_HOME)
			top = 0;
		else if (k == KEY_END)
			top = pg.n;
		else if (k == 'c') {
			tui_conflicts(u);
			changed = 1;
			/* the decisions change this village's counts: read them again */
			sync_peer_status *v = NULL;
			int n = 0;
			siks_err e = { 0 };
			if (sync_status(u->s, &v, &n, &e) == 0)
				for (int i = 0; i < n; i++)
					if (strcmp(v[i].kode, kode) == 0)
						cur = v[i];
			free(v);
			build(u, &pg, &cur, shown);
		}
	}
	free(pg.line);
	free(pg.role);
	return changed;
}
