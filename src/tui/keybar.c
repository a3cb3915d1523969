/* keybar.c — key bar and hint line from the action table (see keybar.h). */
#include <stdio.h>
#include <string.h>
#include "action.h"
#include "keybar.h"
#include "term.h"
#include "text.h"
#include "siks/i18n.h"

void keybar_draw(WINDOW *w, int y, int cols, int ctx)
{
	int slot = cols / 10, x = 0;
	if (slot < 3) slot = 3;
	for (int k = 1; k <= 10 && x < cols; k++) {
		const action *a = NULL;
		size_t n;
		const action *t = action_table(&n);
		for (size_t i = 0; i < n; i++)
			if ((t[i].ctx & ctx) && t[i].fkey == k) { a = &t[i]; break; }
		char num[4];
		snprintf(num, sizeof num, "%d", k);
		int nw = (int)strlen(num);
		/* the last slot takes what is left so the bar reaches the edge */
		int sw = (k == 10) ? cols - x : slot;
		if (x + sw > cols) sw = cols - x;
		text_draw(w, y, x, num, nw < sw ? nw : sw, ui_attr(R_KEYNUM));
		/* no space between slots, as in Midnight Commander: the colours part them */
		int gap = 0;
		if (sw > nw)
			text_draw(w, y, x + nw, a ? _(a->bar) : "", sw - nw - gap, ui_attr(R_KEYLABEL));
		if (gap) text_draw(w, y, x + sw - 1, " ", 1, ui_attr(R_KEYNUM));
		x += sw;
	}
}

void keybar_hint(int ctx, char *out, size_t n)
{
	size_t cnt, o = 0;
	const action *t = action_table(&cnt);
	out[0] = 0;
	for (size_t i = 0; i < cnt && o + 1 < n; i++) {
		const action *a = &t[i];
		if (!(a->ctx & ctx) || !a->bar) continue;
		char k[16];
		if (a->letter && CX_LETTERS_ON(ctx)) snprintf(k, sizeof k, "%c", a->letter);
		else if (a->ctrl) snprintf(k, sizeof k, "^%c", a->ctrl + '@');
		else continue;
		int w = snprintf(out + o, n - o, "%s%s %s", o ? "  " : "", k, _(a->bar));
		if (w < 0 || (size_t)w >= n - o) { out[o] = 0; break; }
		o += (size_t)w;
	}
}
