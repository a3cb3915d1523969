/* form.c — the generic record form (see form.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "dialog.h"
#include "form.h"
#include "text.h"
#include "siks/codes.h"
#include "siks/i18n.h"
#include "siks/validate.h"

static const siks_field *fld(const form *f, int i) { return &f->rec->t->fields[f->ff[i].idx]; }

static int uses_edit(const siks_field *d)
{
	return d->kind != SIKS_K_CHOICE && d->kind != SIKS_K_YESNO;
}

void form_value_text(ui *u, const siks_rec *rec, int i, char *out, size_t n)
{
	const siks_field *d = &rec->t->fields[i];
	const char *v = rec->v[i];
	out[0] = 0;
	if (!v) return;
	if (d->kind == SIKS_K_CHOICE) {
		const char *l = codes_label(u->s->codes, d->codelist, atoi(v));
		snprintf(out, n, "%s %s", v, l ? l : "?");
	} else if (d->kind == SIKS_K_YESNO) {
		snprintf(out, n, "%s", atoi(v) ? _("Ya") : _("Tidak"));
	} else if (d->kind == SIKS_K_DATE) {
		char iso[11], shown[11];
		if (strlen(v) == 10 && v[4] == '-' && date_parse(v, iso) == 0) {
			date_format(iso, shown);
			snprintf(out, n, "%s", shown);
		} else {
			snprintf(out, n, "%s", v); /* as typed: still to be corrected */
		}
	} else {
		snprintf(out, n, "%s", v);
	}
}

static void load_field(form *f, int i)
{
	const siks_field *d = fld(f, i);
	char text[EDIT_MAX];
	form_value_text(f->u, f->rec, f->ff[i].idx, text, sizeof text);
	int max = d->len > 0 ? d->len : 0;
	if (d->kind == SIKS_K_DATE) max = 10;
	if (d->kind == SIKS_K_NUMBER && max == 0) max = 12;
	edit_set(&f->ff[i].ed, text, max, d->kind == SIKS_K_DIGITS);
	f->ff[i].typed[0] = 0;
}

int form_init(form *f, ui *u, siks_rec *rec)
{
	memset(f, 0, sizeof *f);
	f->u = u;
	f->rec = rec;
	f->ff = calloc((size_t)rec->t->nfields, sizeof *f->ff);
	if (!f->ff) return -1;
	for (int i = 0; i < rec->t->nfields; i++)
		if (rec->t->fields[i].kind != SIKS_K_REF) f->ff[f->n++].idx = i;
	form_load(f);
	return 0;
}

void form_free(form *f)
{
	free(f->ff);
	f->ff = NULL;
	f->n = 0;
}

void form_load(form *f)
{
	for (int i = 0; i < f->n; i++) {
		load_field(f, i);
		f->ff[i].sev = 0;
		f->ff[i].msg[0] = 0;
	}
	f->dirty = 0;
}

const siks_field *form_field_at(form *f)
{
	return f->n ? fld(f, f->cur) : NULL;
}

void form_help(form *f, char *out, size_t n)
{
	const siks_field *d = form_field_at(f);
	if (!d) { out[0] = 0; return; }
	snprintf(out, n, "%s: %s%s", _(d->label), d->rule && *d->rule ? _(d->rule) : "",
		 d->required ? _(" (wajib diisi)") : "");
}

/* The stored form of what was typed into an edit field. */
static void stored_value(const siks_field *d, const char *typed, char *out, size_t n)
{
	if (d->kind == SIKS_K_DATE && typed[0]) {
		char iso[11];
		if (date_parse(typed, iso) == 0) { snprintf(out, n, "%s", iso); return; }
	}
	if (d->kind == SIKS_K_NUMBER) {
		/* a decimal comma is what an Indonesian operator types */
		snprintf(out, n, "%s", typed);
		for (char *p = out; *p; p++) if (*p == ',') *p = '.';
		return;
	}
	snprintf(out, n, "%s", typed);
}

static void check_one(form *f, int i)
{
	siks_findings fs = { 0 };
	form_field *ff = &f->ff[i];
	check_field(f->u->s, f->rec, ff->idx, &fs);
	ff->sev = 0;
	ff->msg[0] = 0;
	for (size_t k = 0; k < fs.n; k++)
		if (fs.v[k].severity > ff->sev) {
			ff->sev = fs.v[k].severity;
			snprintf(ff->msg, sizeof ff->msg, "%s", fs.v[k].msg);
		}
	siks_findings_free(&fs);
	if (ff->sev) ui_msg(f->u, ff->sev == SIKS_ERROR ? R_ERROR : R_WARN, "%s", ff->msg);
}

int form_commit(form *f)
{
	if (!f->n) return 0;
	form_field *ff = &f->ff[f->cur];
	const siks_field *d = fld(f, f->cur);
	if (uses_edit(d)) {
		char v[EDIT_MAX];
		stored_value(d, ff->ed.buf, v, sizeof v);
		const char *old = f->rec->v[ff->idx];
		if (strcmp(old ? old : "", v) != 0) {
			rec_set(f->rec, d->name, v);
			f->dirty = 1;
		}
	}
	check_one(f, f->cur);
	return ff->sev;
}

int form_mark(form *f, const siks_findings *fs)
{
	int first = -1;
	for (size_t k = 0; k < fs->n; k++) {
		const siks_finding *x = &fs->v[k];
		if (strcmp(x->table, f->rec->t->name) != 0) continue;
		if (f->rec->id[0] && x->record[0] && strcmp(x->record, f->rec->id) != 0) continue;
		for (int i = 0; i < f->n; i++)
			if (strcmp(fld(f, i)->name, x->field) == 0 && x->severity > f->ff[i].sev) {
				f->ff[i].sev = x->severity;
				snprintf(f->ff[i].msg, sizeof f->ff[i].msg, "%s", x->msg);
				if (x->severity == SIKS_ERROR && (first < 0 || i < first)) first = i;
			}
	}
	return first;
}

void form_clear_marks(form *f)
{
	for (int i = 0; i < f->n; i++) { f->ff[i].sev = 0; f->ff[i].msg[0] = 0; }
}

void form_goto(form *f, const char *name)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(fld(f, i)->name, name) == 0) { f->cur = i; return; }
}

static void set_choice(form *f, int code)
{
	const siks_field *d = fld(f, f->cur);
	char v[16] = "";
	if (code >= 0) snprintf(v, sizeof v, "%d", code);
	const char *old = f->rec->v[f->ff[f->cur].idx];
	if (strcmp(old ? old : "", v) != 0) {
		rec_set(f->rec, d->name, v);
		f->dirty = 1;
	}
}

static int choice_key(form *f, int key)
{
	form_field *ff = &f->ff[f->cur];
	const siks_field *d = fld(f, f->cur);
	siks_codes *cs = f->u->s->codes;
	int n = codes_count(cs, d->codelist);
	const char *v = f->rec->v[ff->idx];
	int cur = v ? atoi(v) : -1, pos = -1;
	for (int i = 0; i < n; i++) {
		int code;
		const char *lab;
		if (codes_item(cs, d->codelist, i, &code, &lab) == 0 && code == cur) pos = i;
	}
	if (key == KEY_LEFT || key == KEY_RIGHT) {
		int np = key == KEY_RIGHT ? pos + 1 : pos - 1;
		if (pos < 0) np = 0;
		if (np < 0 || np >= n) return FK_HANDLED;
		int code;
		const char *lab;
		if (codes_item(cs, d->codelist, np, &code, &lab) == 0) set_choice(f, code);
		ff->typed[0] = 0;
		return FK_CHANGED;
	}
	if (key == ' ') {
		const char **items = calloc((size_t)n + 1, sizeof *items);
		char (*lines)[128] = calloc((size_t)n + 1, sizeof *lines);
		int *codes = calloc((size_t)n + 1, sizeof *codes);
		int r = -1;
		if (items && lines && codes) {
			for (int i = 0; i < n; i++) {
				const char *lab = "";
				codes_item(cs, d->codelist, i, &codes[i], &lab);
				snprintf(lines[i], sizeof lines[i], "%d %s", codes[i], lab);
				items[i] = lines[i];
			}
			r = dlg_choose(f->u, _(d->label), items, n, pos < 0 ? 0 : pos);
			if (r >= 0) set_choice(f, codes[r]);
		}
		free(items);
		free(lines);
		free(codes);
		ff->typed[0] = 0;
		return r >= 0 ? FK_CHANGED : FK_HANDLED;
	}
	if (key == KEY_BACKSPACE || key == 127 || key == CTRL('H') || key == KEY_DC) {
		size_t l = strlen(ff->typed);
		if (l) ff->typed[l - 1] = 0;
		if (!ff->typed[0]) set_choice(f, -1);
		return FK_CHANGED;
	}
	int c = key_char(key);
	if (!c || c >= 128) return FK_UNHANDLED;
	size_t l = strlen(ff->typed);
	if (l + 1 >= sizeof ff->typed) return FK_HANDLED;
	/* digits pick a code, letters search the labels; one kind per run */
	if (l && (isdigit((unsigned char)ff->typed[0]) != !!isdigit(c))) l = 0;
	ff->typed[l] = (char)c;
	ff->typed[l + 1] = 0;
	int code = isdigit(c) ? (codes_valid(cs, d->codelist, atoi(ff->typed)) ? atoi(ff->typed) : -1)
			      : codes_find_prefix(cs, d->codelist, ff->typed);
	if (code < 0 && isdigit(c)) { ff->typed[0] = (char)c; ff->typed[1] = 0;
		code = codes_valid(cs, d->codelist, c - '0') ? c - '0' : -1; }
	if (code >= 0) set_choice(f, code);
	else { beep(); ui_msg(f->u, R_WARN, _("Tidak ada pilihan \"%s\" di %s; tekan Spasi untuk daftar."), ff->typed, _(d->label)); }
	return FK_CHANGED;
}

static int yesno_key(form *f, int key)
{
	const siks_field *d = fld(f, f->cur);
	const char *v = f->rec->v[f->ff[f->cur].idx];
	int c = key_char(key), val = -2;
	if (c == 'y' || c == 'Y' || c == '1') val = 1;
	else if (c == 't' || c == 'T' || c == 'n' || c == 'N' || c == '0') val = 0;
	else if (c == ' ' || key == KEY_LEFT || key == KEY_RIGHT) val = v && atoi(v) ? 0 : 1;
	else if (key == KEY_BACKSPACE || key == 127 || key == KEY_DC) val = -1;
	if (val == -2) return FK_UNHANDLED;
	char s[4] = "";
	if (val >= 0) snprintf(s, sizeof s, "%d", val);
	if (strcmp(v ? v : "", s) != 0) { rec_set(f->rec, d->name, s); f->dirty = 1; }
	return FK_CHANGED;
}

static int edit_field_key(form *f, int key)
{
	form_field *ff = &f->ff[f->cur];
	const siks_field *d = fld(f, f->cur);
	int c = key_char(key);
	if (c && d->kind == SIKS_K_DATE) {
		if (!isdigit(c) && c != '-' && c != '/') { beep(); return FK_HANDLED; }
		/* DD-MM-YYYY: the dashes come by themselves after day and month */
		int r = edit_key(&ff->ed, key);
		if (isdigit(c) && ff->ed.cur == ff->ed.len && (ff->ed.len == 2 || ff->ed.len == 5) &&
		    !strchr(ff->ed.buf + (ff->ed.len == 5 ? 3 : 0), '-'))
			edit_insert(&ff->ed, '-');
		return r == ED_UNHANDLED ? FK_UNHANDLED : FK_CHANGED;
	}
	if (c && d->kind == SIKS_K_NUMBER && !isdigit(c) && c != '.' && c != ',' && !(c == '-' && d->min < 0)) {
		beep();
		return FK_HANDLED;
	}
	if (c && d->kind == SIKS_K_WILAYAH && !isdigit(c) && c != '.') { beep(); return FK_HANDLED; }
	int r = edit_key(&ff->ed, key);
	if (r == ED_FULL) return FK_OFF_BOTTOM + 1; /* full: move on */
	if (r == ED_CHANGED) return FK_CHANGED;
	if (r == ED_MOVED) return FK_HANDLED;
	return FK_UNHANDLED;
}

static void ensure_visible(form *f)
{
	int h = f->height > 0 ? f->height : 1;
	if (f->cur < f->top) f->top = f->cur;
	if (f->cur >= f->top + h) f->top = f->cur - h + 1;
}

int form_key(form *f, int key)
{
	if (!f->n) return FK_UNHANDLED;
	const siks_field *d = fld(f, f->cur);
	int r = FK_UNHANDLED;
	switch (key) {
	case KEY_UP: case KEY_BTAB:
		form_commit(f);
		if (f->cur == 0) return FK_OFF_TOP;
		f->cur--;
		ensure_visible(f);
		return FK_HANDLED;
	case KEY_DOWN: case '\r': case '\n': case KEY_ENTER:
		form_commit(f);
		if (f->cur == f->n - 1) return FK_OFF_BOTTOM;
		f->cur++;
		ensure_visible(f);
		return FK_HANDLED;
	case KEY_NPAGE: case KEY_PPAGE: {
		form_commit(f);
		int h = f->height > 1 ? f->height - 1 : 1;
		f->cur += key == KEY_NPAGE ? h : -h;
		if (f->cur < 0) f->cur = 0;
		if (f->cur >= f->n) f->cur = f->n - 1;
		ensure_visible(f);
		return FK_HANDLED;
	}
	}
	if (d->kind == SIKS_K_CHOICE) r = choice_key(f, key);
	else if (d->kind == SIKS_K_YESNO) r = yesno_key(f, key);
	else r = edit_field_key(f, key);
	if (r == FK_OFF_BOTTOM + 1) {
		/* a digits field is full: check it and go on to the next field */
		f->dirty = 1;
		int sev = form_commit(f);
		if (sev != SIKS_ERROR && f->cur < f->n - 1) { f->cur++; ensure_visible(f); }
		return FK_CHANGED;
	}
	if (r == FK_CHANGED) {
		f->dirty = 1;
		f->ff[f->cur].sev = 0;
	}
	return r;
}

void form_draw(form *f, int y, int x, int h, int w, int active)
{
	int lw = 0;
	for (int i = 0; i < f->n; i++) {
		int l = u8_width(_(fld(f, i)->label)) + 2;
		if (l > lw) lw = l;
	}
	if (lw > w / 2) lw = w / 2;
	f->height = h;
	ensure_visible(f);
	int cy = -1, cx = 0;
	for (int r = 0; r < h; r++) {
		int i = f->top + r;
		if (i >= f->n) { text_draw(stdscr, y + r, x, "", w, ui_attr(R_NORMAL)); continue; }
		const siks_field *d = fld(f, i);
		form_field *ff = &f->ff[i];
		char lab[128];
		snprintf(lab, sizeof lab, "%s%s", _(d->label), d->required ? "*" : "");
		int focus = active && i == f->cur;
		text_draw_right(stdscr, y + r, x, lab, lw - 1, ui_attr(focus ? R_TITLE : R_NORMAL));
		text_draw(stdscr, y + r, x + lw - 1, " ", 1, ui_attr(R_NORMAL));
		int role = ff->sev == SIKS_ERROR ? R_ERROR : ff->sev == SIKS_WARN ? R_WARN : focus ? R_FOCUS : R_FIELD;
		if (focus && ff->sev) role = ff->sev == SIKS_ERROR ? R_ERROR : R_WARN;
		int vw = w - lw;
		int fw = d->len > 0 && d->len + 1 < vw && uses_edit(d) ? d->len + 1 : vw;
		if (d->kind == SIKS_K_DATE) fw = 11 < vw ? 11 : vw;
		if (uses_edit(d)) {
			edit_draw(&ff->ed, stdscr, y + r, x + lw, fw, ui_attr(role) | (focus ? A_BOLD : 0), focus);
			if (focus) { cy = y + r; cx = x + lw + u8_col_of(ff->ed.buf, ff->ed.cur) - ff->ed.scroll; }
		} else {
			char v[256];
			form_value_text(f->u, f->rec, ff->idx, v, sizeof v);
			if (!v[0] && focus) snprintf(v, sizeof v, "%s", d->kind == SIKS_K_YESNO ? _("(y/t)") : _("(ketik atau Spasi)"));
			text_draw(stdscr, y + r, x + lw, v, vw, ui_attr(role));
		}
		if (fw < vw) text_draw(stdscr, y + r, x + lw + fw, "", vw - fw, ui_attr(R_NORMAL));
	}
	if (cy >= 0) { curs_set(1); move(cy, cx); }
	else if (active) curs_set(0);
}
