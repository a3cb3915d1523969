/* scr_member.c — a member's detail form, over the whole screen between the
 * header and the key bar. It edits a copy of the member; Esc keeps what was
 * typed in the household (saved with it), F2 / Ctrl-S keeps it and saves. */
#include <stdio.h>
#include <string.h>
#include "action.h"
#include "form.h"
#include "screens.h"
#include "text.h"
#include "siks/i18n.h"

typedef struct member_screen { form f; const char *title; } member_screen;
static member_screen *cur_ms;
static void (*under)(ui *u);

static void paint(ui *u)
{
	int top, bottom;
	bkgdset(' ' | ui_attr(R_NORMAL));
	erase();
	ui_frame(u, CX_MEMBER, &top, &bottom);
	text_draw(stdscr, top, 0, cur_ms->title, u->cols, ui_attr(R_TITLE));
	form_draw(&cur_ms->f, top + 1, 0, bottom - top, u->cols > 100 ? 100 : u->cols, 1);
	int cy, cx;
	getyx(stdscr, cy, cx);
	if (u->cols > 100)
		for (int r = top + 1; r <= bottom; r++) text_draw(stdscr, r, 100, "", u->cols - 100, ui_attr(R_NORMAL));
	move(cy, cx);
	ui_footer(u, CX_MEMBER);
	refresh();
}

int member_edit(ui *u, siks_rec *m, int is_new, int y, int x, int h, int w)
{
	member_screen ms;
	siks_rec copy;
	int result = 0;
	if (rec_copy(&copy, m) != 0) return 0;
	if (form_init(&ms.f, u, &copy) != 0) { rec_free(&copy); return 0; }
	ms.title = is_new ? _("Anggota baru") : _("Anggota rumah tangga");
	if (!is_new) {
		/* show at once what is wrong with a stored member */
		for (int i = 0; i < ms.f.n; i++) { ms.f.cur = i; form_commit(&ms.f); }
		ms.f.cur = 0;
		ms.f.dirty = 0;
		u->msg[0] = 0;
	} else {
		form_goto(&ms.f, "nik");
	}
	member_screen *outer = cur_ms;
	void (*outer_paint)(ui *) = u->paint;
	cur_ms = &ms;
	under = outer_paint;
	u->paint = paint;
	for (;;) {
		if (ui_too_small(u) && ui_small_screen(u) == UI_QUIT) { result = 0; break; }
		paint(u);
		int k = ui_getkey(u);
		if (k == ERR || k == KEY_RESIZE) continue;
		u->msg[0] = 0;
		int act = action_for_key(CX_MEMBER | CX_TYPING, k);
		if (act == A_SAVE) { form_commit(&ms.f); result = 2; break; }
		if (act == A_BACK) { form_commit(&ms.f); result = ms.f.dirty ? 1 : 0; break; }
		if (act == A_HELP) {
			char rule[512];
			form_help(&ms.f, rule, sizeof rule);
			help_run(u, CX_MEMBER, rule);
			continue;
		}
		if (act == A_QUIT) {
			ui_msg(u, R_WARN, "%s", _("Tutup formulir anggota dulu (Esc), lalu keluar."));
			continue;
		}
		int r = form_key(&ms.f, k);
		if (r == FK_OFF_BOTTOM) ui_msg(u, R_MSG, "%s", _("Isian terakhir. Esc: kembali ke rumah tangga, F2: simpan."));
	}
	u->paint = outer_paint;
	cur_ms = outer;
	if (result >= 1 || ms.f.dirty) {
		if (result == 0) result = 1;
		rec_free(m);
		*m = copy; /* the copy's values become the member's */
	} else {
		rec_free(&copy);
	}
	form_free(&ms.f);
	(void)y; (void)x; (void)h; (void)w;
	return result;
}
