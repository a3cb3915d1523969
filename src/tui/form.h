/* form.h — a form over one record, driven by the table's field descriptions
 * (src/core/tables.c): a label and a value per field, by kind —
 *   digits   fixed length (NIK, No KK): the cursor moves on when full
 *   text     free text, counted in characters
 *   date     typed DD-MM-YYYY (the dashes come by themselves)
 *   choice   a code list: type-ahead on the label ("pet" reaches Petani),
 *            or the code's digits; Space opens the list; Left/Right step
 *   yes/no   y / t (or 1 / 0); Space toggles
 *   number   digits within the field's range
 * A field is checked with check_field() as it is left; its finding colours it
 * (error / warning) and its message goes to the message line. The record is
 * owned by the caller; the form writes the stored form of each value into it. */
#ifndef TUI_FORM_H
#define TUI_FORM_H
#include "edit.h"
#include "tui.h"
#include "siks/err.h"
#include "siks/rec.h"

typedef struct form_field {
	int idx;          /* index in the table's fields */
	edit ed;          /* the value as typed (text, digits, date, number) */
	char typed[24];   /* type-ahead of a choice */
	int sev;          /* 0, SIKS_WARN or SIKS_ERROR from the last check */
	char msg[400];
} form_field;

typedef struct form {
	ui *u;
	siks_rec *rec;
	form_field *ff;
	int n, cur, top;
	int dirty;        /* a value changed since form_load */
	int height;       /* rows of the last draw */
} form;

enum form_key_result { FK_UNHANDLED = 0, FK_HANDLED, FK_CHANGED, FK_OFF_TOP, FK_OFF_BOTTOM };

int form_init(form *f, ui *u, siks_rec *rec);
void form_free(form *f);
/* Shows the record's values again (after it was loaded or replaced). */
void form_load(form *f);
void form_draw(form *f, int y, int x, int h, int w, int active);
int form_key(form *f, int key);
/* Writes the current field into the record and checks it; returns its severity. */
int form_commit(form *f);
/* Marks fields from findings about this record (others ignored); returns the
 * index of the first field with an error, else -1. */
int form_mark(form *f, const siks_findings *fs);
void form_clear_marks(form *f);
/* Moves to field name (for an error found at save). */
void form_goto(form *f, const char *name);
const siks_field *form_field_at(form *f);
/* "Label: rule" of the field under the cursor. */
void form_help(form *f, char *out, size_t n);
/* Text shown for the stored value of field i of rec (codes with labels, dates DD-MM-YYYY). */
void form_value_text(ui *u, const siks_rec *rec, int i, char *out, size_t n);
#endif
