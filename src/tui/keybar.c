/* keybar.c — key bar and hint line from the action table (see keybar.h). */
#include <stdio.h>
#include <string.h>
#include "action.h"
#include "keybar.h"
#include "term.h"
#include "text.h"
#include "siks/i18n.h"

static size_t hint_width = 80;

void keybar_draw(WINDOW *w, int y, int cols, int ctx)
{
	int slot = cols / 10, x = 0;
	if (slot < 3) slot = 3;
	for (int k = 1; k <= 10 && x < cols; k++) {
		const action *a = NULL;
		size_t n;
		const action *t = action_table(&n);
		for (size_t i = 0; i < n; i++)
			if (action_in(&t[i], ctx) && t[i].fkey == k) { a = &t[i]; break; }
		char num[12];
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

/* The hint has to fit one line: items are joined with two spaces, then one;
 * when still too long, items before the last (Keluar stays) are dropped. */
void keybar_hint(int ctx, char *out, size_t n)
{
	size_t cnt;
	const action *t = action_table(&cnt);
	char items[24][48];
	int k = 0;
	out[0] = 0;
	for (size_t i = 0; i < cnt && k < 24; i++) {
		const action *a = &t[i];
		if (!action_in(a, ctx) || !a->bar) continue;
		if (a->letter && CX_LETTERS_ON(ctx))
			snprintf(items[k++], sizeof items[0], "%c %s", a->letter, _(a->bar));
		else if (a->ctrl)
			snprintf(items[k++], sizeof items[0], "^%c %s", a->ctrl + '@', _(a->bar));
	}
	int keep[24];
	for (int i = 0; i < k; i++) keep[i] = 1;
	for (int pass = 0; pass < 24; pass++) {
		for (int sep = 2; sep >= 1; sep--) {
			size_t o = 0;
			out[0] = 0;
			for (int i = 0; i < k; i++) {
				if (!keep[i]) continue;
				int w = snprintf(out + o, n - o, "%s%s", o ? (sep == 2 ? "  " : " ") : "", items[i]);
				if (w < 0 || (size_t)w >= n - o) break;
				o += (size_t)w;
			}
			if (u8_width(out) <= (int)hint_width) return;
		}
		/* drop the last kept item before the final one */
		int dropped = 0;
		for (int i = k - 2; i >= 0 && !dropped; i--)
			if (keep[i]) { keep[i] = 0; dropped = 1; }
		if (!dropped) return;
	}
}

void keybar_set_width(int cols) { hint_width = cols > 0 ? (size_t)cols : 80; }
