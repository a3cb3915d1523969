/* action.h — every action the operator can take, in one table (in the manner
 * of tig's requests). The same table maps keys to actions, draws the key bar
 * (function keys) and the hint line (letter and Ctrl keys, for keyboards and
 * terminals without F-keys), and writes the help screen. */
#ifndef TUI_ACTION_H
#define TUI_ACTION_H
#include <stddef.h>

/* Where an action applies. Letter keys only work in contexts that do not
 * take typed text (list, checklist, usulan, help); Ctrl keys work everywhere. */
enum ui_ctx {
	CX_LIST = 1, CX_FORM = 2, CX_CHECK = 4, CX_USULAN = 8, CX_HELP = 16,
	CX_MEMBER = 32, CX_LATIHAN = 64, CX_ALL = 127
};
#define CX_LETTERS (CX_LIST | CX_CHECK | CX_USULAN | CX_HELP | CX_LATIHAN)
/* or-ed into a context while a text field there takes the typed letters */
#define CX_TYPING 128
#define CX_LETTERS_ON(ctx) (((ctx) & CX_LETTERS) && !((ctx) & CX_TYPING))
/* or-ed into a context on a district register; an action whose ctx has it
 * is offered only there (the district dashboard) */
#define CX_KAB 256

enum act_id {
	A_NONE = 0, A_HELP, A_SAVE, A_SEARCH, A_NEW, A_SORT, A_INDICATOR, A_USULAN,
	A_REMOVE, A_FILTER, A_QUIT, A_NEXT_PANE, A_OPEN, A_BACK, A_TOGGLE,
	A_AGREE, A_REFUSE, A_REDRAW, A_CHECKALL, A_LATIHAN, A_HINT, A_NAME,
	A_HISTORY, A_BACKUP, A_OPERATOR, A_SYNC, A_IMPORT, A_DASH
};

typedef struct action {
	int id;
	int ctx;           /* enum ui_ctx mask */
	int fkey;          /* 1..10, 0 none */
	int ctrl;          /* Ctrl-letter code, 0 none */
	int letter;        /* plain key in CX_LETTERS contexts, 0 none */
	const char *bar;   /* N_(): short key-bar label */
	const char *help;  /* N_(): what it does, for the help screen */
} action;

/* 1 when a applies in ctx (CX_KAB actions only where ctx has CX_KAB). */
int action_in(const action *a, int ctx);
/* The action bound to key in ctx, or A_NONE. */
int action_for_key(int ctx, int key);
/* The table entry for id in ctx, or NULL. */
const action *action_find(int ctx, int id);
/* Entries of the whole table (for the help screen). */
const action *action_table(size_t *n);
/* Keys of a as shown to the operator: "F2 Ctrl-S", in out. */
void action_keys(const action *a, int ctx, char *out, size_t n);
#endif
