/* export.h — the register written out for spreadsheets and for the district.
 *
 * CSV: one row a member, with its household's columns repeated, under the
 * column names import reads (colmap.h), so an exported file imports back
 * into an empty database as the same content. UTF-8 with a BOM by default
 * (Excel then shows names right); any charset.h charset and separator.
 * Cells a spreadsheet would run as a formula (=, +, -, @ first) get a
 * leading apostrophe, which import strips again.
 * XLSX (libxlsxwriter): a sheet "Rumah tangga" (one row a household) and a
 * sheet "Anggota" (one row a member), NIK and No KK stored as text so a
 * spreadsheet never turns them into 3,52806E+15, the header row frozen.
 * Both are written atomically (a temporary name in the same folder, flushed,
 * renamed) and noted in the audit trail (audit_note_export); both need
 * SIKS_ACT_EXPORT. */
#ifndef SIKS_EXPORT_H
#define SIKS_EXPORT_H
#include "siks/siks.h"

/* Which members: all, or only the households with an usulan the district
 * accepted (status 5) dated from..to (YYYY-MM-DD, inclusive) — the
 * quarterly submission. */
typedef struct exp_filter {
	int accepted_only;
	const char *from, *to;
	const char *desa;     /* one village's kode, or NULL for all */
} exp_filter;

typedef struct exp_opts {
	int charset;          /* charset.h value; CS_UTF8_BOM by default (-1) */
	int sep;              /* ',' by default (0) */
	const exp_filter *filter; /* NULL: everything */
	const char *what;     /* what the audit row calls it ("CSV"), NULL for default */
} exp_opts;

/* Writes the CSV; *rows (may be NULL) gets the member rows written. */
int export_csv(siks *s, const char *path, const exp_opts *o, long *rows, siks_err *e);
/* Writes the XLSX; *rows gets the member rows written. */
int export_xlsx(siks *s, const char *path, const exp_filter *f, long *rows, siks_err *e);

/* ---- shared by the writers (and reports): members with their household ---- */
typedef struct exp_iter exp_iter;
/* Starts a walk over members (ordered by village, dusun, RT, RW, No KK,
 * relationship, NIK). NULL + e on failure. */
exp_iter *exp_iter_new(siks *s, const exp_filter *f, siks_err *e);
/* Number of columns and the name of column i (the import name). */
int exp_ncols(void);
const char *exp_col_name(int i);
/* 1 when column i is a NIK or No KK (text, never a number); 2 when it is a
 * number (a code, RT, area); 0 text. */
int exp_col_kind(int i);
/* Next row: 1 (values in v[0..ncols-1], "" for empty, valid until the next
 * call), 0 at the end, -1 on error. */
int exp_iter_next(exp_iter *it, const char ***v, siks_err *e);
void exp_iter_free(exp_iter *it);
#endif
