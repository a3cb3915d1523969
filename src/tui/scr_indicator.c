/* scr_indicator.c — the indicator checklist pane: each criterion of the set
 * with a checkbox, the computed ones marked with the field they come from
 * (and not toggled by hand), and the live score and class. Space toggles an
 * answered criterion (written at once through the audited path), Enter moves
 * on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "checklist.h"
#include "screens.h"
#include "text.h"
#include "siks/i18n.h"
#include "siks/indicator.h"
#include "siks/rec.h"

struct scr_indicator {
	ui *u;
	char hid[33];
	siks_score sc;
	int have;
	checklist cl;
	char err[512];
};

static void fill(scr_indicator *i)
{
	siks_err e;
	i->have = 0;
	i->err[0] = 0;
	if (!i->hid[0]) return;
	if (!i->u->have_set) { snprintf(i->err, sizeof i->err, "%s", _("Set indikator tidak tersedia.")); return; }
	if (indicator_evaluate(i->u->s, &i->u->set, i->hid, &i->sc, &e) != 0) {
		snprintf(i->err, sizeof i->err, "%s", e.msg);
		return;
	}
	i->have = 1;
	const siks_indset *set = &i->u->set;
	cl_resize(&i->cl, set->n);
	for (int k = 0; k < set->n; k++) {
		cl_item *it = &i->cl.items[k];
		it->state = i->sc.state[k];
		it->locked = i->sc.computed[k];
		snprintf(it->text, sizeof it->text, "%d. %s", set->c[k].no, set->c[k].text);
		const siks_field *f = NULL;
		const siks_table *t = siks_table_find("household");
		if (set->c[k].field[0] && t) f = siks_field_find(t, set->c[k].field);
		if (!f && set->c[k].field[0]) {
			t = siks_table_find("member");
			if (t) f = siks_field_find(t, set->c[k].field);
		}
		if (it->locked)
			snprintf(it->note, sizeof it->note, _("dihitung dari: %s"),
				 f ? _(f->label) : set->c[k].field[0] ? set->c[k].field : set->c[k].source);
		else it->note[0] = 0;
	}
}

scr_indicator *ind_new(ui *u)
{
	scr_indicator *i = calloc(1, sizeof *i);
	if (!i) return NULL;
	i->u = u;
	cl_init(&i->cl);
	return i;
}

void ind_free(scr_indicator *i)
{
	if (!i) return;
	cl_free(&i->cl);
	free(i);
}

void ind_open(scr_indicator *i, const char *household_id)
{
	if (strcmp(i->hid, household_id ? household_id : "") != 0) i->cl.sel = 0;
	snprintf(i->hid, sizeof i->hid, "%s", household_id ? household_id : "");
	fill(i);
}

void ind_draw(scr_indicator *i, int y, int x, int h, int w, int active)
{
	char t[300], cls[120];
	const char *name = i->u->have_set ? i->u->set.title : _("Indikator");
	text_draw(stdscr, y, x, name, w, ui_attr(active ? R_TITLE : R_DIM));
	if (!i->hid[0] || !i->have) {
		for (int r = 1; r < h; r++) text_draw(stdscr, y + r, x, "", w, ui_attr(R_NORMAL));
		text_draw(stdscr, y + 2, x + 1, i->err[0] ? i->err : _("Simpan rumah tangga dulu untuk mengisi indikator."),
			  w - 1, ui_attr(i->err[0] ? R_WARN : R_DIM));
		return;
	}
	indicator_class_text(&i->sc, cls, sizeof cls);
	snprintf(t, sizeof t, _("Skor: %s"), cls);
	text_draw(stdscr, y + 1, x, t, w, ui_attr(i->sc.poor ? R_MARK : R_NORMAL) | A_BOLD);
	cl_draw(&i->cl, stdscr, y + 2, x, h - 3, w, active);
	text_draw(stdscr, y + h - 1, x, _("Spasi: centang  Enter: berikut  [=] dihitung dari data"), w, ui_attr(R_DIM));
	if (active) curs_set(0);
}

int ind_key(scr_indicator *i, int key)
{
	if (!i->have) return UI_UNHANDLED;
	int act = action_for_key(CX_CHECK, key);
	if (act == A_TOGGLE) {
		cl_item *it = &i->cl.items[i->cl.sel];
		if (it->locked) {
			ui_msg(i->u, R_WARN, _("Kriteria ini dihitung dari data (%s); ubah datanya di formulir."), it->note);
			return UI_REDRAW;
		}
		siks_err e;
		const siks_criterion *c = &i->u->set.c[i->cl.sel];
		int yes = it->state == 1 ? 0 : 1;
		if (indicator_answer(i->u->s, &i->u->set, i->hid, c->no, yes, &e) != 0 ||
		    indicator_score_save(i->u->s, &i->u->set, i->hid, &i->sc, &e) != 0) {
			ui_msg(i->u, R_ERROR, "%s", e.msg);
			return UI_REDRAW;
		}
		fill(i);
		char cls[120];
		indicator_class_text(&i->sc, cls, sizeof cls);
		ui_msg(i->u, R_MSG, _("Skor sekarang %s"), cls);
		return UI_REDRAW | UI_SCORED;
	}
	if (act == A_OPEN) { cl_move(&i->cl, +1); return UI_REDRAW; }
	if (act == A_BACK) return UI_REDRAW | UI_TOLIST;
	if (cl_key(&i->cl, key)) return UI_REDRAW;
	return UI_UNHANDLED;
}
