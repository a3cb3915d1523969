/* test_tui_widgets.c — the terminal UI's pieces that need no terminal: the
 * UTF-8 field editor (characters and columns, not bytes), transliteration for
 * LANG=C, the keyset list view over a source, and the one action table. */
#include "testutil.h"
#include <curses.h>
#include "../../src/tui/action.h"
#include "../../src/tui/dash.h"
#include "../../src/tui/edit.h"
#include "../../src/tui/keybar.h"
#include "../../src/tui/listview.h"
#include "../../src/tui/term.h"
#include "../../src/tui/text.h"

static int uc(unsigned cp) { return key_from_wch(OK, cp); }

static void type_str(edit *e, const char *s)
{
	uint32_t cp;
	for (size_t i = 0; s[i]; ) {
		i += (size_t)u8_decode(s + i, &cp);
		edit_key(e, uc(cp));
	}
}

static void test_edit_utf8_cursor(void **st)
{
	(void)st;
	edit e;
	text_set_utf8(1);
	edit_set(&e, "Regapu’u", 60, 0);
	assert_int_equal(e.len, strlen("Regapu’u"));          /* 10 bytes */
	assert_int_equal(u8_chars(e.buf), 8);
	assert_int_equal(u8_width(e.buf), 8);
	/* two steps left from the end: over "u" and over the 3-byte ’ */
	edit_key(&e, KEY_LEFT);
	edit_key(&e, KEY_LEFT);
	assert_int_equal(e.cur, strlen("Regapu"));
	edit_key(&e, KEY_BACKSPACE);                            /* deletes the second u */
	assert_string_equal(e.buf, "Regap’u");
	type_str(&e, "é");
	assert_string_equal(e.buf, "Regapé’u");
	edit_key(&e, KEY_DC);                                   /* the ’ as one character */
	assert_string_equal(e.buf, "Regapéu");
	edit_key(&e, KEY_HOME);
	assert_int_equal(e.cur, 0);
	edit_key(&e, KEY_LEFT);                                 /* nothing before the start */
	assert_int_equal(e.cur, 0);
	edit_key(&e, KEY_END);
	assert_int_equal(e.cur, e.len);
	edit_key(&e, CTRL('W'));
	assert_string_equal(e.buf, "");
}

static void test_edit_limits_and_digits(void **st)
{
	(void)st;
	edit e;
	text_set_utf8(1);
	/* a limit counts characters, not bytes */
	edit_set(&e, "", 3, 0);
	type_str(&e, "ÑÑÑÑ");
	assert_string_equal(e.buf, "ÑÑÑ");
	/* digits only; full returns ED_FULL so the form moves on */
	edit_set(&e, "", 4, 1);
	assert_int_equal(edit_key(&e, uc('a')), ED_MOVED);     /* refused */
	assert_int_equal(edit_key(&e, uc('1')), ED_CHANGED);
	edit_key(&e, uc('2'));
	edit_key(&e, uc('3'));
	assert_int_equal(edit_key(&e, uc('4')), ED_FULL);
	assert_string_equal(e.buf, "1234");
	assert_int_equal(edit_key(&e, uc('5')), ED_MOVED);     /* no fifth digit */
	/* a prefilled value longer than the limit keeps whole characters */
	edit_set(&e, "Siti Nur’aini", 10, 0);
	assert_string_equal(e.buf, "Siti Nur’a");
	/* an invalid byte in stored text counts as one character */
	edit_set(&e, "a\xff" "b", 0, 0);
	assert_int_equal(u8_chars(e.buf), 3);
	edit_key(&e, KEY_LEFT);
	edit_key(&e, KEY_BACKSPACE);
	assert_string_equal(e.buf, "ab");
}

static void test_keys_never_collide(void **st)
{
	(void)st;
	/* U+0101..U+01FF are where curses puts KEY_ codes: characters are moved away */
	int k = key_from_wch(OK, 0x0101);   /* ā */
	assert_true(k >= UI_CHAR_BASE);
	assert_int_equal(key_char(k), 0x0101);
	assert_int_equal(key_char(key_from_wch(KEY_CODE_YES, KEY_LEFT)), 0);
	assert_int_equal(key_from_wch(KEY_CODE_YES, KEY_LEFT), KEY_LEFT);
	assert_int_equal(key_char('x'), 'x');
	assert_int_equal(key_char(27), 0);
}

static void test_translit(void **st)
{
	(void)st;
	char out[64];
	translit("Régapu’u Ñoer “Śiti” – ß", out, sizeof out);
	assert_string_equal(out, "Regapu'u Noer \"Siti\" - s");
	translit("e\xcc\x81", out, sizeof out);                /* e + combining acute */
	assert_string_equal(out, "e");
	translit("日本", out, sizeof out);
	assert_string_equal(out, "??");
	/* in a non-UTF-8 terminal every character is one column */
	text_set_utf8(0);
	assert_int_equal(u8_width("Ñoer’s"), 6);
	assert_int_equal(u8_width("e\xcc\x81"), 1);
	text_set_utf8(1);
	assert_int_equal(u8_width("日本"), 4);
	char lines[4][256];
	assert_int_equal(text_wrap("satu dua tiga empat", 9, lines, 4), 3);
	assert_string_equal(lines[0], "satu dua");
	assert_string_equal(lines[2], "empat");
}

/* a source of 0..999 whose fetch counts calls and rows: the list view must
 * never hold or fetch more than a page or two */
typedef struct src_state { int n, calls, rows, maxn; } src_state;

static int fetch(void *ctx, const void *from, int dir, int n, void *out)
{
	src_state *s = ctx;
	int *o = out, k = 0;
	s->calls++;
	if (n > s->maxn) s->maxn = n;
	if (dir > 0) {
		for (int i = from ? *(const int *)from + 1 : 0; i < s->n && k < n; i++) o[k++] = i;
	} else {
		int end = from && *(const int *)from < s->n ? *(const int *)from : s->n, start = end - n < 0 ? 0 : end - n;
		for (int i = start; i < end; i++) o[k++] = i;
	}
	s->rows += k;
	return k;
}

static void nodraw(void *c, const void *r, WINDOW *w, int y, int x, int wd, int sel) {}

static int at(listview *lv) { return *(const int *)lv_selected(lv); }

static void test_listview_keyset(void **st)
{
	(void)st;
	src_state s = { 1000, 0, 0, 0 };
	lv_source src = { sizeof(int), fetch, nodraw, &s };
	listview lv;
	assert_int_equal(lv_init(&lv, &src, 10), 0);
	assert_int_equal(lv.count, 10);
	assert_int_equal(at(&lv), 0);
	lv_move(&lv, -1);
	assert_int_equal(at(&lv), 0);
	for (int i = 0; i < 15; i++) lv_move(&lv, +1);
	assert_int_equal(at(&lv), 15);
	assert_int_equal(*(const int *)lv_row(&lv, 0), 6);    /* scrolled by one per step */
	lv_page(&lv, +1);
	assert_int_equal(at(&lv), 25);
	lv_end(&lv);
	assert_int_equal(at(&lv), 999);
	assert_int_equal(*(const int *)lv_row(&lv, 0), 990);
	lv_page(&lv, +1);                                       /* nothing after the end */
	assert_int_equal(at(&lv), 999);
	lv_page(&lv, -1);
	assert_int_equal(*(const int *)lv_row(&lv, 0), 980);
	assert_int_equal(at(&lv), 989);
	for (int i = 0; i < 200; i++) lv_page(&lv, -1);
	assert_int_equal(at(&lv), 0);
	/* resizing keeps the top row; shrinking keeps the selection visible */
	lv_end(&lv);
	lv_resize(&lv, 4);
	assert_int_equal(at(&lv), 999);
	lv_resize(&lv, 20);
	assert_int_equal(lv.count, 20);               /* filled from above */
	assert_int_equal(at(&lv), 999);
	/* the whole walk never asked for more than a page */
	assert_true(s.maxn <= 20);
	assert_true(lv.cap <= 2 * 20 + 2);
	/* reload: the data changed under the list */
	s.n = 500;
	lv_reload(&lv);
	assert_true(lv.count > 0);
	assert_true(at(&lv) < 500);
	s.n = 0;
	lv_home(&lv);
	assert_null(lv_selected(&lv));
	lv_move(&lv, +1);
	lv_page(&lv, +1);
	assert_null(lv_selected(&lv));
	lv_free(&lv);
}

static void test_action_table(void **st)
{
	(void)st;
	/* every key-bar action has a letter or Ctrl key for keyboards without F-keys,
	 * and a key means one action per context */
	size_t n;
	const action *t = action_table(&n);
	int ctxs[] = { CX_LIST, CX_FORM, CX_CHECK, CX_USULAN, CX_HELP, CX_MEMBER };
	for (size_t i = 0; i < n; i++) {
		if (t[i].fkey) assert_true(t[i].ctrl || t[i].letter);
		for (size_t c = 0; c < 2 * sizeof ctxs / sizeof *ctxs; c++) {
			/* each context at a village, then at a district */
			int cx = ctxs[c % (sizeof ctxs / sizeof *ctxs)] | (c >= sizeof ctxs / sizeof *ctxs ? CX_KAB : 0);
			if (!action_in(&t[i], cx)) continue;
			if (t[i].fkey) assert_int_equal(action_for_key(cx, KEY_F(t[i].fkey)), t[i].id);
			if (t[i].ctrl) assert_int_equal(action_for_key(cx, t[i].ctrl), t[i].id);
		}
	}
	assert_int_equal(action_for_key(CX_LIST, 'q'), A_QUIT);
	assert_int_equal(action_for_key(CX_FORM, 'q'), A_NONE);            /* typed text */
	assert_int_equal(action_for_key(CX_LIST | CX_TYPING, 'q'), A_NONE); /* searching */
	assert_int_equal(action_for_key(CX_FORM, CTRL('S')), A_SAVE);
	assert_int_equal(action_for_key(CX_LIST, CTRL('S')), A_NONE);
	assert_int_equal(action_for_key(CX_FORM, KEY_F(4)), A_NEW);
	char hint[512];
	keybar_set_width(80);
	keybar_hint(CX_FORM, hint, sizeof hint);
	assert_true(u8_width(hint) <= 80);
	assert_non_null(strstr(hint, "^S Simpan"));
	assert_non_null(strstr(hint, "^Q Keluar"));
	keybar_hint(CX_LIST, hint, sizeof hint);
	assert_non_null(strstr(hint, "q Keluar"));
	assert_non_null(strstr(hint, "/ Cari"));
	char keys[64];
	action_keys(action_find(CX_FORM, A_SAVE), CX_FORM, keys, sizeof keys);
	assert_string_equal(keys, "F2 Ctrl-S");
	/* the district dashboard: offered on a district register's list only */
	assert_null(strstr(hint, "Dasbor"));
	assert_int_equal(action_for_key(CX_LIST, 'd'), A_NONE);
	assert_int_equal(action_for_key(CX_LIST, CTRL('Z')), A_NONE);
	assert_null(action_find(CX_LIST, A_DASH));
	assert_int_equal(action_for_key(CX_LIST | CX_KAB, 'd'), A_DASH);
	assert_int_equal(action_for_key(CX_LIST | CX_KAB, CTRL('Z')), A_DASH);
	assert_int_equal(action_for_key(CX_LIST | CX_KAB | CX_TYPING, CTRL('Z')), A_DASH); /* Ctrl keys work while searching */
	assert_int_equal(action_for_key(CX_FORM | CX_KAB, CTRL('Z')), A_NONE);
	assert_int_equal(action_for_key(CX_FORM | CX_KAB, KEY_F(2)), A_SAVE);
	assert_int_equal(action_for_key(CX_LIST | CX_KAB, 'm'), A_IMPORT); /* the district keeps the other keys */
	assert_int_equal(action_for_key(CX_FORM | CX_KAB, CTRL('S')), A_SAVE);
	assert_int_equal(action_for_key(CX_LIST | CX_KAB | CX_TYPING, 'd'), A_NONE); /* searching */
	assert_int_equal(action_for_key(CX_LIST | CX_KAB, 'q'), A_QUIT);
	keybar_hint(CX_LIST | CX_KAB, hint, sizeof hint);
	assert_true(u8_width(hint) <= 80);
	assert_non_null(strstr(hint, "d Dasbor"));
	assert_non_null(strstr(hint, "q Keluar"));
	/* no Ctrl key of the dashboard is taken by another action anywhere */
	for (size_t i = 0; i < n; i++)
		if (t[i].id != A_DASH) assert_int_not_equal(t[i].ctrl, CTRL('Z'));
}

static void test_dash_layout(void **st)
{
	(void)st;
	int w[C_N_MAX];
	for (int width = 60; width <= 200; width += 20) {
		int n = dash_layout(width, w), sum = -1, shown = 0;
		for (int c = 0; c < C_N_MAX; c++)
			if (w[c] > 0) sum += w[c] + 1, shown++;
		assert_int_equal(n, shown);
		assert_int_equal(sum, width); /* the row fills the width exactly */
		assert_int_equal(w[0], 1);    /* the '!' column is always there */
		assert_true(w[1] >= 8);       /* the village */
	}
	int n80 = dash_layout(80, w);
	assert_int_equal(n80, 9); /* ! desa last changes households members proposals conflicts duplicates */
	assert_true(w[1] >= 22);
	int n160 = dash_layout(160, w);
	assert_true(n160 > n80 + 6); /* by status, sent, waiting, the word TERLAMBAT */
	assert_true(w[1] >= 22);
}

int main(void)
{
	tu_env();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit_utf8_cursor),
		cmocka_unit_test(test_edit_limits_and_digits),
		cmocka_unit_test(test_keys_never_collide),
		cmocka_unit_test(test_translit),
		cmocka_unit_test(test_listview_keyset),
		cmocka_unit_test(test_action_table),
		cmocka_unit_test(test_dash_layout),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
