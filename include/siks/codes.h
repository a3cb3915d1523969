/* codes.h — reference code lists (Dukcapil/SIAK, housing lists, proposals),
 * loaded from data/codes/<list>.csv: a header "kode,label,label_en" and one row
 * a code. Never hard-coded: a new list version is a new data file.
 * A siks_codes is owned by whoever loaded it (siks_open loads one into s->codes). */
#ifndef SIKS_CODES_H
#define SIKS_CODES_H
#include "siks/err.h"

typedef struct siks_codes siks_codes;

/* Loads every *.csv in <datadir>/codes. */
int codes_load(siks_codes **out, const char *datadir, siks_err *e);
void codes_free(siks_codes *c);

/* Label of code in list, in the UI language; NULL when list or code unknown. */
const char *codes_label(const siks_codes *c, const char *list, int code);
/* 1 when code is in list. */
int codes_valid(const siks_codes *c, const char *list, int code);
/* Number of entries of list (0 when unknown) and the i-th entry. */
int codes_count(const siks_codes *c, const char *list);
int codes_item(const siks_codes *c, const char *list, int i, int *code, const char **label);
/* Type-ahead: first code whose label, or a word of it, starts with prefix
 * (case-insensitive; "pet" finds "Petani/Pekebun"); -1 when none. */
int codes_find_prefix(const siks_codes *c, const char *list, const char *prefix);
#endif
