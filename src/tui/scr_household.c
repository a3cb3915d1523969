/* scr_household.c — the household pane: the household's fields as a form,
 * then its members as a grid (Enter opens a member's detail form). F2 or
 * Ctrl-S saves the household and its members in one transaction after the
 * core's validation; removing a member asks the reason and files a proposal
 * (usulan, jenis Keluar), never a silent delete. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "dialog.h"
#include "form.h"
#include "listview.h"
#include "screens.h"
#include "text.h"
#include "siks/codes.h"
#include "siks/db.h"
#include "siks/hhlist.h"
#include "siks/i18n.h"
#include "siks/indicator.h"
#include "siks/usulan.h"
#include "siks/validate.h"

#define MAX_MEMBERS 40

struct scr_household {
	ui *u;
	int loaded;
	siks_rec hh;
	siks_rec m[MAX_MEMBERS];
	char msev[MAX_MEMBERS];  /* worst finding per member at the last save */
	int nm;
	int mdirty;              /* members changed (added, edited, removed) */
	form f;
	int zone;                /* 0 household fields, 1 member grid */
	int msel, mtop;
	int new_hh;
};

scr_household *hh_new(ui *u)
{
	scr_household *h = calloc(1, sizeof *h);
	if (h) h->u = u;
	return h;
}

static void hh_clear(scr_household *h)
{
	if (!h->loaded) return;
	form_free(&h->f);
	rec_free(&h->hh);
	for (int i = 0; i < h->nm; i++) rec_free(&h->m[i]);
	h->nm = 0;
	h->loaded = 0;
}

void hh_free(scr_household *h)
{
	if (!h) return;
	hh_clear(h);
	free(h);
}

int hh_loaded(scr_household *h) { return h->loaded; }
const char *hh_id(scr_household *h) { return h->loaded && !h->new_hh ? h->hh.id : ""; }
int hh_dirty(scr_household *h) { return h->loaded && (h->f.dirty || h->mdirty); }

int hh_ctx(scr_household *h)
{
	return h->zone == 1 ? CX_FORM : CX_FORM | CX_TYPING;
}

static int load_members(scr_household *h, siks_err *e)
{
	sqlite3_stmt *st = db_stmt(h->u->s,
		"SELECT id FROM member WHERE household_id = ?1 ORDER BY shdk, tanggal_lahir, id", e);
	if (!st) return -1;
	sqlite3_bind_text(st, 1, h->hh.id, -1, SQLITE_TRANSIENT);
	char ids[MAX_MEMBERS][33];
	int n = 0;
	while (n < MAX_MEMBERS && sqlite3_step(st) == SQLITE_ROW)
		snprintf(ids[n++], 33, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	for (int i = 0; i < n; i++) {
		if (rec_load(h->u->s, &h->m[i], "member", ids[i], e) != 0) {
			h->nm = i;
			return -1;
		}
	}
	h->nm = n;
	return 0;
}

int hh_open(scr_household *h, const char *id)
{
	siks_err e;
	hh_clear(h);
	memset(h->msev, 0, sizeof h->msev);
	h->zone = 0;
	h->msel = h->mtop = 0;
	h->mdirty = 0;
	if (id && id[0]) {
		if (rec_load(h->u->s, &h->hh, "household", id, &e) != 0 || load_members(h, &e) != 0) {
			ui_msg(h->u, R_ERROR, "%s", e.msg);
			rec_free(&h->hh);
			return -1;
		}
		h->new_hh = 0;
	} else {
		rec_init(&h->hh, "household");
		if (h->u->s->site_kode[0]) rec_set(&h->hh, "desa", h->u->s->site_kode);
		/* the id is made now so the members can point at it before the save */
		siks_id_new(h->hh.id);
		h->new_hh = 1;
	}
	if (form_init(&h->f, h->u, &h->hh) != 0) { rec_free(&h->hh); return -1; }
	/* start on the first field an operator fills in: dusun when the desa is known */
	if (h->new_hh && h->u->s->site_kode[0]) form_goto(&h->f, "dusun");
	h->loaded = 1;
	return 0;
}

void hh_field_help(scr_household *h, char *out, size_t n)
{
	if (!h->loaded || h->zone != 0) { out[0] = 0; return; }
	form_help(&h->f, out, n);
}

static const char *head_name(scr_household *h)
{
	for (int i = 0; i < h->nm; i++)
		if (rec_get_int(&h->m[i], "shdk", 0) == 1 && rec_get(&h->m[i], "nama")) return rec_get(&h->m[i], "nama");
	return h->nm && rec_get(&h->m[0], "nama") ? rec_get(&h->m[0], "nama") : "";
}

static void draw_member(scr_household *h, int i, int y, int x, int w, int sel)
{
	siks_rec *m = &h->m[i];
	int attr = ui_attr(sel == 1 ? R_SEL : sel == 2 ? R_SEL_DIM : R_NORMAL);
	if (!sel && h->msev[i]) attr = ui_attr(h->msev[i] == SIKS_ERROR ? R_ERROR : R_WARN);
	char dob[11] = "", line[512];
	const char *d = rec_get(m, "tanggal_lahir");
	if (d && strlen(d) == 10 && d[4] == '-') date_format(d, dob);
	else if (d) snprintf(dob, sizeof dob, "%s", d);
	const char *shdk = codes_label(h->u->s->codes, "shdk", (int)rec_get_int(m, "shdk", 0));
	const char *ada = codes_label(h->u->s->codes, "keberadaan", (int)rec_get_int(m, "keberadaan", 0));
	long long jk = rec_get_int(m, "jenis_kelamin", 0);
	const char *nik = rec_get(m, "nik"), *nama = rec_get(m, "nama");
	int nw = w - 16 - 1 - 2 - 11 - 14 - 10;
	if (nw < 10) nw = 10;
	text_draw(stdscr, y, x, "", w, attr);
	int cx = x;
	text_draw(stdscr, y, cx, nik ? nik : "", 16, attr); cx += 17;
	text_draw(stdscr, y, cx, nama ? nama : "", nw, attr); cx += nw + 1;
	text_draw(stdscr, y, cx, jk == 1 ? "L" : jk == 2 ? "P" : "-", 1, attr); cx += 2;
	if (cx + 10 <= x + w) { text_draw(stdscr, y, cx, dob, 10, attr); cx += 11; }
	if (cx + 13 <= x + w) { text_draw(stdscr, y, cx, shdk ? shdk : "", 13, attr); cx += 14; }
	if (cx < x + w) text_draw(stdscr, y, cx, ada ? ada : "", x + w - cx, attr);
	(void)line;
}

void hh_draw(scr_household *h, int y, int x, int rows, int w, int active)
{
	char title[300];
	if (!h->loaded) {
		text_draw(stdscr, y, x, _("Rumah tangga"), w, ui_attr(R_DIM));
		for (int r = 1; r < rows; r++) text_draw(stdscr, y + r, x, "", w, ui_attr(R_NORMAL));
		text_draw(stdscr, y + 2, x + 2, _("Pilih rumah tangga di daftar (Enter), atau F4 untuk yang baru."), w - 2,
			  ui_attr(R_DIM));
		return;
	}
	const char *head = head_name(h);
	snprintf(title, sizeof title, "%s%s%s%s", h->new_hh ? _("Rumah tangga baru") : _("Rumah tangga"),
		 head[0] ? ": " : "", head, hh_dirty(h) ? _("  [belum disimpan]") : "");
	text_draw(stdscr, y, x, title, w, ui_attr(active ? R_TITLE : R_DIM));
	/* members get up to a third of the pane, at least a header and three rows */
	int gh = h->nm + 2;
	int maxg = rows / 3 > 5 ? rows / 3 : 5;
	if (gh > maxg) gh = maxg;
	if (gh < 5) gh = 5;
	int fh = rows - 1 - gh;
	if (fh < 1) fh = 1;
	int gy = y + 1 + fh;
	char gt[128];
	snprintf(gt, sizeof gt, _("Anggota rumah tangga (%d)  Enter: buka  F4/^N: tambah  F8/^D: keluarkan"), h->nm);
	text_draw(stdscr, gy, x, gt, w, ui_attr(active && h->zone == 1 ? R_TITLE : R_DIM) | A_UNDERLINE);
	int rowsg = gh - 1;
	if (h->msel < h->mtop) h->mtop = h->msel;
	if (h->msel >= h->mtop + rowsg) h->mtop = h->msel - rowsg + 1;
	for (int r = 0; r < rowsg; r++) {
		int i = h->mtop + r;
		if (i < h->nm) draw_member(h, i, gy + 1 + r, x, w, i == h->msel && h->zone == 1 ? (active ? 1 : 2) : 0);
		else text_draw(stdscr, gy + 1 + r, x, i == 0 && r == 0 ? _("  (belum ada anggota: F4 atau Ctrl-N)") : "",
			       w, ui_attr(R_DIM));
	}
	form_draw(&h->f, y + 1, x, fh, w, active && h->zone == 0);
	if (active && h->zone == 1) curs_set(0);
}

/* Worst severity of findings about member i; the first message into msg. */
static int member_sev(scr_household *h, const siks_findings *fs, int i, char *msg, size_t n)
{
	int sev = 0;
	for (size_t k = 0; k < fs->n; k++) {
		const siks_finding *x = &fs->v[k];
		if (strcmp(x->table, "member") != 0 || strcmp(x->record, h->m[i].id) != 0) continue;
		if (x->severity > sev) { sev = x->severity; if (msg) snprintf(msg, n, "%s", x->msg); }
	}
	return sev;
}

int hh_save(scr_household *h)
{
	siks_err e;
	siks_findings fs = { 0 };
	ui *u = h->u;
	if (!h->loaded) return -1;
	if (h->zone == 0) form_commit(&h->f);
	/* members of a new household point at its id; new members get theirs now so
	 * that findings can name them */
	for (int i = 0; i < h->nm; i++) {
		rec_set(&h->m[i], "household_id", h->hh.id);
		if (!h->m[i].id[0]) siks_id_new(h->m[i].id);
	}
	check_record(u->s, &h->hh, &fs);
	for (int i = 0; i < h->nm; i++) check_record(u->s, &h->m[i], &fs);
	check_household(u->s, &h->hh, h->m, (size_t)h->nm, &fs);
	form_clear_marks(&h->f);
	int first = form_mark(&h->f, &fs);
	for (int i = 0; i < h->nm; i++) h->msev[i] = (char)member_sev(h, &fs, i, NULL, 0);
	size_t nerr = siks_findings_count(&fs, SIKS_ERROR), nwarn = siks_findings_count(&fs, SIKS_WARN);
	if (nerr) {
		const siks_finding *x = NULL;
		for (size_t k = 0; k < fs.n && !x; k++) if (fs.v[k].severity == SIKS_ERROR) x = &fs.v[k];
		if (first >= 0) { h->f.cur = first; h->zone = 0; }
		else for (int i = 0; i < h->nm; i++) if (h->msev[i] == SIKS_ERROR) { h->msel = i; h->zone = 1; break; }
		ui_msg(u, R_ERROR, _("Belum disimpan (%zu kesalahan): %s"), nerr, x ? x->msg : "");
		siks_findings_free(&fs);
		return -1;
	}
	if (nwarn) {
		const siks_finding *x = NULL;
		for (size_t k = 0; k < fs.n && !x; k++) if (fs.v[k].severity == SIKS_WARN) x = &fs.v[k];
		char q[700];
		snprintf(q, sizeof q, _("%zu peringatan: %s  Simpan juga?"), nwarn, x ? x->msg : "");
		const char *b[] = { _("Simpan"), _("Batal") };
		if (dlg_ask(u, _("Peringatan"), q, b, 2) != 0) {
			ui_msg(u, R_WARN, "%s", _("Belum disimpan."));
			siks_findings_free(&fs);
			return -1;
		}
	}
	siks_findings_free(&fs);
	if (db_begin(u->s, &e) != 0) goto fail;
	if (rec_save(u->s, &h->hh, &e) != 0) { db_rollback(u->s); goto fail; }
	for (int i = 0; i < h->nm; i++)
		if (rec_save(u->s, &h->m[i], &e) != 0) { db_rollback(u->s); goto fail; }
	if (db_commit(u->s, &e) != 0) goto fail;
	hhlist_set_errors(u->s, h->hh.id, 0, NULL);
	if (u->have_set) {
		siks_score sc;
		siks_err ie;
		indicator_score_save(u->s, &u->set, h->hh.id, &sc, &ie);
	}
	char id[33];
	snprintf(id, sizeof id, "%s", h->hh.id);
	int zone = h->zone, cur = h->f.cur, msel = h->msel;
	hh_open(h, id);
	h->zone = zone; h->f.cur = cur < h->f.n ? cur : 0; h->msel = msel < h->nm ? msel : 0;
	ui_msg(u, R_MSG, "%s", _("Tersimpan."));
	return 0;
fail:
	ui_msg(u, R_ERROR, _("Gagal menyimpan: %s"), e.msg);
	return -1;
}

static void add_member(scr_household *h)
{
	if (h->nm >= MAX_MEMBERS) { ui_msg(h->u, R_ERROR, "%s", _("Terlalu banyak anggota.")); return; }
	siks_rec *m = &h->m[h->nm];
	rec_init(m, "member");
	rec_set(m, "household_id", h->hh.id);
	rec_set(m, "keberadaan", "1");
	/* the family card number is usually the head's */
	for (int i = 0; i < h->nm; i++)
		if (rec_get(&h->m[i], "no_kk")) { rec_set(m, "no_kk", rec_get(&h->m[i], "no_kk")); break; }
	if (h->nm == 0) rec_set(m, "shdk", "1");
	int r = member_edit(h->u, m, 1, 0, 0, 0, 0);
	const char *nama = rec_get(m, "nama"), *nik = rec_get(m, "nik");
	if (r == 0 || (!nama && !nik)) { rec_free(m); return; }
	h->msev[h->nm] = 0;
	h->nm++;
	h->msel = h->nm - 1;
	h->zone = 1;
	h->mdirty = 1;
	if (r == 2) hh_save(h);
}

/* Removal: a proposal with the reason; the member is marked, never deleted. */
static void remove_member(scr_household *h)
{
	ui *u = h->u;
	if (h->msel >= h->nm) return;
	siks_rec *m = &h->m[h->msel];
	char q[300];
	const char *nama = rec_get(m, "nama");
	int stored = 0;
	siks_rec tmp;
	siks_err e;
	if (m->id[0] && rec_load(u->s, &tmp, "member", m->id, &e) == 0) { stored = 1; rec_free(&tmp); }
	if (!stored) {
		/* typed in this session and never saved: nothing to propose */
		snprintf(q, sizeof q, _("Hapus anggota baru \"%s\" yang belum disimpan?"), nama ? nama : "");
		const char *b[] = { _("Hapus"), _("Batal") };
		if (dlg_ask(u, _("Keluarkan anggota"), q, b, 2) != 0) return;
		rec_free(m);
		memmove(&h->m[h->msel], &h->m[h->msel + 1], (size_t)(h->nm - h->msel - 1) * sizeof *m);
		h->nm--;
		if (h->msel >= h->nm && h->msel > 0) h->msel--;
		h->mdirty = 1;
		return;
	}
	if (hh_dirty(h)) {
		ui_msg(u, R_WARN, "%s", _("Simpan perubahan dulu (F2), lalu keluarkan anggota."));
		return;
	}
	/* only the reasons that take a person out of the household */
	int total = codes_count(u->s->codes, "alasan_usulan"), n = 0;
	const char *items[32];
	int codes[32];
	char lines[32][96];
	for (int i = 0; i < total && n < 32; i++) {
		const char *lab = "";
		int code;
		if (codes_item(u->s->codes, "alasan_usulan", i, &code, &lab) != 0 || !usulan_keberadaan_for(code))
			continue;
		codes[n] = code;
		snprintf(lines[n], sizeof lines[n], "%s", lab);
		items[n] = lines[n];
		n++;
	}
	snprintf(q, sizeof q, _("Alasan mengeluarkan %s"), nama ? nama : "");
	int r = dlg_choose(u, q, items, n, 0);
	if (r < 0) return;
	char ket[201] = "";
	if (dlg_input(u, _("Keluarkan anggota"), _("Keterangan (misalnya tanggal dan nomor surat):"), ket, sizeof ket,
		      200, 0) != 0)
		return;
	/* the proposal and the member's presence in one transaction (usulan.h) */
	char id[33];
	if (usulan_keluar_member(u->s, m->id, codes[r], ket, id, &e) != 0) {
		ui_msg(u, R_ERROR, _("Gagal membuat usulan: %s"), e.msg);
		return;
	}
	rec_set_int(m, "keberadaan", usulan_keberadaan_for(codes[r]));
	ui_msg(u, R_MSG, _("Usulan keluar untuk %s dibuat (alasan: %s); menunggu musdes."), nama ? nama : "", items[r]);
}

int hh_key(scr_household *h, int key)
{
	if (!h->loaded) return UI_UNHANDLED;
	int act = action_for_key(hh_ctx(h), key);
	switch (act) {
	case A_SAVE:
		return hh_save(h) == 0 ? UI_REDRAW | UI_SAVED : UI_REDRAW;
	case A_NEW:
		if (h->zone == 0) form_commit(&h->f);
		add_member(h);
		return UI_REDRAW | (h->f.dirty || h->mdirty ? 0 : UI_SAVED);
	case A_REMOVE:
		if (h->zone != 1 || !h->nm) { ui_msg(h->u, R_WARN, "%s", _("Pilih anggota di daftar anggota dulu (panah bawah).")); return UI_REDRAW; }
		remove_member(h);
		return UI_REDRAW | UI_SAVED;
	case A_BACK: {
		if (h->zone == 0) form_commit(&h->f);
		if (hh_dirty(h)) {
			const char *b[] = { _("Simpan"), _("Jangan simpan"), _("Batal") };
			int r = dlg_ask(h->u, _("Perubahan belum disimpan"),
					_("Rumah tangga ini punya perubahan yang belum disimpan. Simpan dulu?"), b, 3);
			if (r == 0) { if (hh_save(h) != 0) return UI_REDRAW; return UI_REDRAW | UI_SAVED | UI_TOLIST; }
			if (r != 1) return UI_REDRAW;
			char id[33];
			snprintf(id, sizeof id, "%s", hh_id(h));
			if (id[0]) hh_open(h, id); else hh_clear(h);
			ui_msg(h->u, R_MSG, "%s", _("Perubahan dibuang."));
		}
		return UI_REDRAW | UI_TOLIST;
	}
	}
	if (h->zone == 0) {
		int r = form_key(&h->f, key);
		if (r == FK_OFF_BOTTOM) { h->zone = 1; return UI_REDRAW; }
		if (r != FK_UNHANDLED && r != FK_OFF_TOP) return UI_REDRAW;
		return r == FK_OFF_TOP ? UI_REDRAW : UI_UNHANDLED;
	}
	switch (key) {
	case KEY_UP:
		if (h->msel == 0) { h->zone = 0; return UI_REDRAW; }
		h->msel--;
		return UI_REDRAW;
	case KEY_DOWN:
		if (h->msel + 1 < h->nm) h->msel++;
		return UI_REDRAW;
	case KEY_HOME: h->msel = 0; return UI_REDRAW;
	case KEY_END: h->msel = h->nm ? h->nm - 1 : 0; return UI_REDRAW;
	case '\r': case '\n': case KEY_ENTER:
		if (h->msel < h->nm) {
			int r = member_edit(h->u, &h->m[h->msel], 0, 0, 0, 0, 0);
			if (r >= 1) h->mdirty = 1;
			if (r == 2) return hh_save(h) == 0 ? UI_REDRAW | UI_SAVED : UI_REDRAW;
		}
		return UI_REDRAW;
	}
	return UI_UNHANDLED;
}
