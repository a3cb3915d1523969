/* screens.h — the screens of the UI. The main screen is made of panes (the
 * household list, the household form, the indicator checklist) laid out by
 * tui.c according to the width; help and usulan are full-screen modal
 * screens. A pane's key handler returns enum ui_result, or-ed with the
 * requests below for tui.c to carry out between panes. */
#ifndef TUI_SCREENS_H
#define TUI_SCREENS_H
#include "tui.h"

enum pane_request {
	UI_OPEN = 16,       /* list: open the selected household in the form */
	UI_NEWHH = 32,      /* list: start a new household in the form */
	UI_SAVED = 64,      /* form: saved; reload the list and the checklist */
	UI_TOLIST = 128,    /* form: closed; go back to the list */
	UI_SELMOVED = 256,  /* list: selection moved (preview in a wide layout) */
	UI_SCORED = 512     /* checklist: an answer changed the score */
};

typedef struct scr_list scr_list;
scr_list *list_new(ui *u);
void list_free(scr_list *l);
void list_draw(scr_list *l, int y, int x, int h, int w, int active);
int list_key(scr_list *l, int key);
int list_ctx(scr_list *l);
/* Id of the selected household, "" when none. */
const char *list_selected(scr_list *l);
/* Reloads (after a save), selecting household id when given. */
void list_reload(scr_list *l, const char *id);
void list_start_search(scr_list *l);

typedef struct scr_household scr_household;
scr_household *hh_new(ui *u);
void hh_free(scr_household *h);
/* Loads household id (NULL or "": a new one). 0, or -1 with the message set. */
int hh_open(scr_household *h, const char *id);
void hh_draw(scr_household *h, int y, int x, int h_rows, int w, int active);
int hh_key(scr_household *h, int key);
int hh_ctx(scr_household *h);
int hh_dirty(scr_household *h);
/* Id of the household in the form ("" when new or none). */
const char *hh_id(scr_household *h);
int hh_loaded(scr_household *h);
/* Saves (asking about warnings); 0 saved, -1 not saved. */
int hh_save(scr_household *h);
/* Rule of the field under the cursor, for the help screen ("" none). */
void hh_field_help(scr_household *h, char *out, size_t n);

/* The member detail form (modal, over the household form's pane). */
struct siks_rec;
int member_edit(ui *u, struct siks_rec *m, int is_new, int y, int x, int h, int w);

typedef struct scr_indicator scr_indicator;
scr_indicator *ind_new(ui *u);
void ind_free(scr_indicator *i);
void ind_open(scr_indicator *i, const char *household_id);
void ind_draw(scr_indicator *i, int y, int x, int h, int w, int active);
int ind_key(scr_indicator *i, int key);

/* Training mode (scr_latihan.c): the LATIHAN tag with progress, drawn at
 * (y,x) of the header on a practice database; returns the columns used (0 on
 * a real register). The exercise screen. */
int latihan_tag_draw(ui *u, int y, int x);
void latihan_run(ui *u);

/* The start screen of a register with no site yet (scr_start.c): set it up
 * for a village or district, or ask for the practice copy. */
enum { START_READY = 0, START_LATIHAN = 1, START_QUIT = 2 };
int scr_start(ui *u);

/* Full-screen modal screens. */
/* Where files come and go: the USB sticks mounted, then the share folder
 * (setting sync.share). tui_places fills p (TUI_MAX_PLACES entries) and
 * returns how many, at most TUI_MAX_PLACES - 1 (a slot stays free for the
 * caller's "other folder"). scr_sync.c. */
#define TUI_MAX_PLACES 8
typedef struct tui_place {
	char path[1024];
	char label[1100]; /* translated: "Flashdisk /media/..." */
} tui_place;
int tui_places(ui *u, tui_place *p);
/* Kirim / Terima and the conflict screen (scr_sync.c). */
void tui_sync(ui *u);
/* Impor berkas (scr_import.c): choose a file, read the dry run, confirm. */
void tui_import(ui *u);
void tui_conflicts(ui *u);
/* The district dashboard (scr_dash.c): one row per enrolled village. */
void tui_dashboard(ui *u);
void help_run(ui *u, int ctx, const char *field_rule);
/* Proposals (all, or one household's history when household_id is set). */
int usulan_run(ui *u, const char *household_id);
#endif
