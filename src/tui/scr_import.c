/* scr_import.c — "Impor berkas" (issue 5): the operator chooses a DTKS file
 * (.csv, .txt or .tsv on a USB stick, in the share folder, the home folder
 * or the working folder, or a path typed in), reads the dry run's summary
 * and every problem, may write the problems as CSV beside the file, and
 * confirms. The work is import_file() (import.h): the role check, the safety
 * copy before anything is written, the one transaction. This screen only
 * draws and asks; the list reloads after it (tui.c). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "dialog.h"
#include "screens.h"
#include "text.h"
#include "siks/auth.h"
#include "siks/backup.h"
#include "siks/charset.h"
#include "siks/i18n.h"
#include "siks/import.h"
#include "siks/platform.h"

#define MAX_FILES 300
#define DIR_NAMES 1024

typedef struct cand {
	char path[1300];
	char where[1100]; /* the place's label: "Flashdisk /media/..." */
} cand;

typedef struct scr {
	ui *u;
	int summary;        /* 0 choosing a file, 1 reading the dry run */
	int done;           /* r is the real import's result, not the dry run's */
	cand *c;            /* c[0] is "type a path"; files from 1 */
	int nc, sel, top, fit;
	char path[1300];    /* the file checked */
	imp_result r;       /* its dry run; after the import, its result */
} scr;

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* .csv, .txt, .tsv in any case (a stick written on Windows says DATA.CSV) */
static int wanted(const char *name)
{
	size_t l = strlen(name);
	if (l < 5 || name[l - 4] != '.')
		return 0;
	char x[4];
	for (int i = 0; i < 3; i++)
		x[i] = (char)tolower((unsigned char)name[l - 3 + i]);
	x[3] = 0;
	return !strcmp(x, "csv") || !strcmp(x, "txt") || !strcmp(x, "tsv");
}

static void add_dir(scr *s, const char *dir, const char *where)
{
	char (*names)[256] = malloc(DIR_NAMES * sizeof *names);
	int k = names ? plat_list_dir(dir, "", names, DIR_NAMES) : 0;
	for (int i = 0; i < k && s->nc < MAX_FILES; i++) {
		if (!wanted(names[i]))
			continue;
		cand *c = &s->c[s->nc];
		snprintf(c->path, sizeof c->path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		int dup = 0;
		for (int j = 1; j < s->nc && !dup; j++)
			dup = strcmp(s->c[j].path, c->path) == 0;
		if (dup)
			continue;
		snprintf(c->where, sizeof c->where, "%s", where);
		s->nc++;
	}
	free(names);
}

/* Every place again on each draw: a stick plugged in shows up at once. */
static void gather(scr *s)
{
	tui_place p[TUI_MAX_PLACES];
	char where[1100];
	s->nc = 1;
	int n = tui_places(s->u, p);
	for (int i = 0; i < n; i++)
		add_dir(s, p[i].path, p[i].label);
	const char *home = getenv("HOME");
	if (!home || !*home)
		home = getenv("USERPROFILE");
	if (home && *home) {
		snprintf(where, sizeof where, _("Folder rumah %s"), home);
		add_dir(s, home, where);
	}
	const char *pwd = getenv("PWD");
	if (pwd && *pwd && (!home || strcmp(pwd, home) != 0)) {
		snprintf(where, sizeof where, _("Folder kerja %s"), pwd);
		add_dir(s, pwd, where);
	}
}

static const char *sep_name(char sep)
{
	switch (sep) {
	case ',': return _("koma");
	case ';': return _("titik koma");
	case '\t': return _("tab");
	case '|': return _("garis tegak");
	default: return "?";
	}
}

/* The key line above the key bar (unless a message is showing). */
static void hint(ui *u, const char *text)
{
	if (!u->msg[0])
		text_draw(stdscr, u->rows - 2, 0, text, u->cols, ui_attr(R_MSG));
}

static void draw_chooser(scr *s, int y0, int y1)
{
	ui *u = s->u;
	text_draw(stdscr, y0, 0, _("Impor berkas — pilih berkas DTKS (.csv, .txt, .tsv)"), u->cols, ui_attr(R_TITLE));
	text_draw(stdscr, y0 + 1, 1, _("Dicari di flashdisk, folder bersama, folder rumah dan folder kerja."),
		  u->cols - 1, ui_attr(R_DIM));
	int y = y0 + 3;
	s->fit = y1 - y + 1;
	if (s->fit < 1)
		s->fit = 1;
	if (s->sel >= s->nc)
		s->sel = s->nc - 1;
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + s->fit)
		s->top = s->sel - s->fit + 1;
	int nw = u->cols / 2 - 2;
	for (int i = s->top; i < s->nc && y <= y1; i++, y++) {
		int a = ui_attr(i == s->sel ? R_SEL : R_NORMAL);
		if (i == 0) {
			text_draw(stdscr, y, 1, _("Ketik jalur berkas…"), u->cols - 2, a);
			continue;
		}
		text_draw(stdscr, y, 1, base_name(s->c[i].path), nw, a);
		text_draw(stdscr, y, 1 + nw, s->c[i].where, u->cols - 2 - nw, i == s->sel ? a : ui_attr(R_DIM));
	}
	if (s->nc == 1 && y <= y1)
		text_draw(stdscr, y, 1, _("(tidak ada berkas .csv, .txt atau .tsv di sana; ketik jalurnya)"), u->cols - 2,
			  ui_attr(R_DIM));
	hint(u, _("Enter periksa berkas  k ketik jalur  Esc kembali"));
}

static void problem_head(const imp_problem *p, char *out, size_t n)
{
	snprintf(out, n, _("baris %ld: %s: %s%s%s%s"), p->line,
		 p->severity == SIKS_ERROR ? _("DITOLAK") : _("peringatan"), p->column[0] ? p->column : "-",
		 p->value[0] ? " = \"" : "", p->value, p->value[0] ? "\"" : "");
}

static void draw_summary(scr *s, int y0, int y1)
{
	ui *u = s->u;
	const imp_result *r = &s->r;
	char line[1400];
	int y = y0, w = u->cols - 2;
	text_draw(stdscr, y++, 0, s->done ? _("Hasil impor (sudah disimpan)") : _("Uji coba impor (belum ada yang disimpan)"),
		  u->cols, ui_attr(R_TITLE));
	snprintf(line, sizeof line, _("Berkas: %s"), s->path);
	text_draw(stdscr, y++, 1, line, w, ui_attr(R_NORMAL));
	snprintf(line, sizeof line, _("Pengkodean %s, pemisah %s"), r->charset, sep_name(r->sep));
	text_draw(stdscr, y++, 1, line, w, ui_attr(R_NORMAL));
	if (r->ignored[0]) {
		snprintf(line, sizeof line, _("Kolom tidak dipakai: %s"), r->ignored);
		text_draw(stdscr, y++, 1, line, w, ui_attr(R_WARN));
	}
	snprintf(line, sizeof line,
		 s->done ? _("%ld baris data: %ld diimpor, %ld ditolak; %ld peringatan")
			 : _("%ld baris data: %ld akan diimpor, %ld ditolak; %ld peringatan"),
		 r->rows, r->rows - r->rows_rejected, r->rows_rejected, r->warnings);
	text_draw(stdscr, y++, 1, line, w, ui_attr(r->rows_rejected ? R_WARN : R_NORMAL));
	snprintf(line, sizeof line, _("Rumah tangga: %ld baru, %ld berubah, %ld sama"), r->hh_new, r->hh_changed,
		 r->hh_same);
	text_draw(stdscr, y++, 1, line, w, ui_attr(R_NORMAL));
	snprintf(line, sizeof line, _("Anggota:      %ld baru, %ld berubah, %ld sama"), r->mem_new, r->mem_changed,
		 r->mem_same);
	text_draw(stdscr, y++, 1, line, w, ui_attr(R_NORMAL));
	y++;
	/* the problems, two lines each: where, then why (Enter shows it whole) */
	s->fit = (y1 - y) / 2;
	if (s->fit < 1)
		s->fit = 1;
	int n = (int)r->np;
	if (s->sel >= n)
		s->sel = n - 1;
	if (s->sel < 0)
		s->sel = 0;
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + s->fit)
		s->top = s->sel - s->fit + 1;
	if (n == 0) {
		text_draw(stdscr, y, 1, _("Tidak ada masalah."), w, ui_attr(R_NORMAL));
	} else {
		int last = s->top + s->fit < n ? s->top + s->fit : n;
		snprintf(line, sizeof line, _("Masalah: %d (tampil %d-%d)"), n, s->top + 1, last);
		text_draw(stdscr, y++, 1, line, w, ui_attr(R_TITLE));
		for (int i = s->top; i < last && y + 1 <= y1; i++, y += 2) {
			const imp_problem *p = &r->p[i];
			int a = ui_attr(i == s->sel ? R_SEL : p->severity == SIKS_ERROR ? R_WARN : R_NORMAL);
			problem_head(p, line, sizeof line);
			text_draw(stdscr, y, 1, line, w, a);
			text_draw(stdscr, y + 1, 1, "", 3, ui_attr(R_NORMAL));
			text_draw(stdscr, y + 1, 4, p->reason, w - 3, ui_attr(i == s->sel ? R_SEL : R_NORMAL));
		}
	}
	hint(u, _("y impor  l tulis laporan  Enter rincian  panah/PgDn gulir  Esc batal"));
}

/* Also the repaint beneath a dialog (ui->paint). */
static void paint(ui *u)
{
	scr *s = u->paint_ctx;
	int y0, y1;
	curs_set(0);
	bkgdset(' ' | ui_attr(R_NORMAL));
	erase();
	ui_frame(u, CX_HELP, &y0, &y1);
	if (s->summary)
		draw_summary(s, y0, y1);
	else
		draw_chooser(s, y0, y1);
	refresh();
}

static void busy(ui *u, const char *text)
{
	int w = u8_width(text) + 4;
	if (w > u->cols)
		w = u->cols;
	ui_box(u->rows / 2 - 1, (u->cols - w) / 2, 3, w, NULL);
	text_draw(stdscr, u->rows / 2, (u->cols - w) / 2 + 2, text, w - 4, ui_attr(R_NORMAL));
	refresh();
}

/* Name of the newest "before import" safety copy in the backup folder ("" none). */
static void newest_backup(ui *u, char *dir, size_t dn, char *out, size_t n)
{
	char (*names)[256] = malloc(DIR_NAMES * sizeof *names);
	backup_dir_of(u->s->path, dir, dn);
	out[0] = 0;
	int k = names ? plat_list_dir(dir, ".db", names, DIR_NAMES) : 0;
	for (int i = 0; i < k; i++) /* sorted; the name holds the time */
		if (strstr(names[i], "-sebelum-impor-"))
			snprintf(out, n, "%s", names[i]);
	free(names);
}

/* Asks, then imports for real. 1 when imported. */
static int confirm_import(scr *s)
{
	ui *u = s->u;
	char text[2400];
	long ok = s->r.rows - s->r.rows_rejected;
	if (ok <= 0) {
		dlg_message(u, _("Impor berkas"), _("Tidak ada baris yang dapat diimpor: perbaiki berkasnya dulu."));
		return 0;
	}
	snprintf(text, sizeof text,
		 _("Impor %ld baris dari %s? %ld baris yang ditolak tidak ikut. Salinan cadangan dibuat dulu."), ok,
		 base_name(s->path), s->r.rows_rejected);
	const char *b[] = { _("Ya"), _("Tidak") };
	if (dlg_ask(u, _("Impor berkas"), text, b, 2) != 0)
		return 0;
	paint(u);
	busy(u, _("Mengimpor…"));
	char dir[1024], before[256], after[256];
	newest_backup(u, dir, sizeof dir, before, sizeof before);
	imp_opts o = { 0, NULL, CS_AUTO, 0 };
	imp_result r;
	siks_err e = { 0 };
	if (import_file(u->s, s->path, &o, &r, &e) != 0) {
		snprintf(text, sizeof text, _("%s Tidak ada yang disimpan."), e.msg);
		dlg_message(u, _("Impor gagal"), text);
		imp_result_free(&r);
		return 0;
	}
	newest_backup(u, dir, sizeof dir, after, sizeof after);
	/* the screen beneath the result shows what was done, no longer the dry run */
	imp_result_free(&s->r);
	s->r = r;
	s->done = 1;
	int n = snprintf(text, sizeof text,
			 _("%ld baris diimpor, %ld ditolak.\nRumah tangga: %ld baru, %ld berubah, %ld sama.\n"
			   "Anggota: %ld baru, %ld berubah, %ld sama."),
			 r.rows - r.rows_rejected, r.rows_rejected, r.hh_new, r.hh_changed, r.hh_same, r.mem_new,
			 r.mem_changed, r.mem_same);
	if (after[0] && strcmp(after, before) != 0 && n > 0 && (size_t)n < sizeof text)
		snprintf(text + n, sizeof text - (size_t)n, _("\nCadangan sebelum impor: %s/%s"), dir, after);
	dlg_message(u, _("Impor selesai"), text);
	ui_msg(u, R_MSG, _("Impor selesai: %ld baris dari %s; %ld rumah tangga baru"), r.rows - r.rows_rejected,
	       base_name(s->path), r.hh_new);
	return 1;
}

/* Writes the problems as CSV beside the file (the operator may change the name). */
static void write_report(scr *s)
{
	ui *u = s->u;
	if (s->r.np == 0) {
		ui_msg(u, R_MSG, "%s", _("Tidak ada masalah: laporan tidak diperlukan."));
		return;
	}
	char out[1400];
	const char *dot = strrchr(s->path, '.');
	int stem = dot && dot > base_name(s->path) ? (int)(dot - s->path) : (int)strlen(s->path);
	snprintf(out, sizeof out, "%.*s-masalah.csv", stem, s->path);
	if (dlg_input(u, _("Laporan masalah"), _("Tulis daftar masalah (CSV) ke:"), out, sizeof out, 0, 0) != 0 ||
	    !out[0])
		return;
	siks_err e = { 0 };
	if (import_report_write(&s->r, out, &e) != 0)
		dlg_message(u, _("Laporan masalah"), e.msg);
	else
		ui_msg(u, R_MSG, _("Daftar masalah ditulis ke %s"), out);
}

static void screen_help(ui *u, int summary)
{
	dlg_message(u, _("Impor berkas"),
		    summary ? _("Panah atas/bawah, PgUp/PgDn, Home/End: gulir daftar masalah.\nEnter: masalah yang "
				"dipilih selengkapnya.\nl: tulis daftar masalah (CSV) di samping berkas.\ny: impor "
				"(ditanya dulu; salinan cadangan dibuat sebelumnya).\nEsc: batal, pilih berkas lain.")
			    : _("Panah atas/bawah: pilih berkas. Enter: uji coba (belum ada yang disimpan).\nk: ketik "
				"jalur berkas.\nEsc: kembali ke daftar."));
}

/* Keys moving a selection over n items, fit a page. 1 when handled. */
static int move_key(scr *s, int k, int n)
{
	if (k == KEY_UP) s->sel--;
	else if (k == KEY_DOWN) s->sel++;
	else if (k == KEY_PPAGE) s->sel -= s->fit;
	else if (k == KEY_NPAGE) s->sel += s->fit;
	else if (k == KEY_HOME) s->sel = 0;
	else if (k == KEY_END) s->sel = n - 1;
	else return 0;
	if (s->sel >= n) s->sel = n - 1;
	if (s->sel < 0) s->sel = 0;
	return 1;
}

static int is_back(int k)
{
	return k == KEY_ESC || k == 'q' || k == KEY_F(10);
}

static int is_help(int k)
{
	return k == KEY_F(1) || k == CTRL('G') || k == '?';
}

/* The dry run's screen. 1 when the file was imported, 0 back to the files. */
static int summary(scr *s)
{
	ui *u = s->u;
	s->summary = 1;
	s->sel = s->top = 0;
	for (;;) {
		paint(u);
		int k = ui_getkey(u);
		if (k == KEY_RESIZE || k == ERR)
			continue;
		u->msg[0] = 0;
		if (is_back(k))
			break;
		if (move_key(s, k, (int)s->r.np))
			continue;
		if (is_help(k))
			screen_help(u, 1);
		else if ((k == '\r' || k == KEY_ENTER) && s->r.np) {
			char head[600], text[1100];
			problem_head(&s->r.p[s->sel], head, sizeof head);
			snprintf(text, sizeof text, "%s\n%s", head, s->r.p[s->sel].reason);
			dlg_message(u, _("Masalah"), text);
		} else if (k == 'l' || k == 'L')
			write_report(s);
		else if ((k == 'y' || k == 'Y') && confirm_import(s))
			return 1;
	}
	s->summary = 0;
	s->sel = s->top = 0;
	return 0;
}

/* Dry run of s->path; 0 when its summary can be shown. */
static int dry_run(scr *s)
{
	ui *u = s->u;
	char text[1200];
	snprintf(text, sizeof text, _("Memeriksa %s…"), base_name(s->path));
	busy(u, text);
	imp_opts o = { 1, NULL, CS_AUTO, 0 };
	siks_err e = { 0 };
	imp_result_free(&s->r);
	if (import_file(u->s, s->path, &o, &s->r, &e) != 0) {
		dlg_message(u, _("Berkas tidak dapat diimpor"), e.msg);
		imp_result_free(&s->r);
		return -1;
	}
	return 0;
}

void tui_import(ui *u)
{
	siks_err e = { 0 };
	/* the same check import_file makes, before the operator picks anything */
	if (auth_allow(u->s, SIKS_ACT_IMPORT, &e) != 0) {
		ui_msg(u, R_ERROR, "%s", e.msg);
		return;
	}
	scr *s = calloc(1, sizeof *s);
	cand *c = calloc(MAX_FILES, sizeof *c);
	if (!s || !c) {
		free(s);
		free(c);
		ui_msg(u, R_ERROR, "%s", _("Memori tidak cukup"));
		return;
	}
	s->u = u;
	s->c = c;
	void (*old_paint)(ui *) = u->paint;
	void *old_ctx = u->paint_ctx;
	u->paint = paint;
	u->paint_ctx = s;
	for (;;) {
		gather(s);
		paint(u);
		int k = ui_getkey(u);
		if (k == KEY_RESIZE || k == ERR)
			continue;
		u->msg[0] = 0;
		if (is_back(k))
			break;
		if (move_key(s, k, s->nc))
			continue;
		if (is_help(k)) {
			screen_help(u, 0);
			continue;
		}
		int typed = k == 'k' || k == '/' || ((k == '\r' || k == KEY_ENTER) && s->sel == 0);
		if (!typed && k != '\r' && k != KEY_ENTER)
			continue;
		if (typed) {
			if (dlg_input(u, _("Impor berkas"), _("Jalur berkas:"), s->path, sizeof s->path, 0, 0) != 0 ||
			    !s->path[0])
				continue;
		} else {
			snprintf(s->path, sizeof s->path, "%s", s->c[s->sel].path);
		}
		if (dry_run(s) == 0 && summary(s))
			break;
	}
	imp_result_free(&s->r);
	u->paint = old_paint;
	u->paint_ctx = old_ctx;
	free(c);
	free(s);
}
