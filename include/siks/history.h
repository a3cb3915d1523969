/* history.h — the change history read from the audit trail, and the audit
 * rows that are not record writes (operator accounts, exports, restores).
 * Record writes are audited by rec_save (rec.h); nothing here can change or
 * remove an audit row. */
#ifndef SIKS_HISTORY_H
#define SIKS_HISTORY_H
#include <stdint.h>
#include "siks/siks.h"

/* Appends one audit row (operator and time from s), e.g. table "operator",
 * record = the account id, field "pin". old/new may be NULL. No change
 * record is written: these rows are local and not synced. */
int audit_note(siks *s, const char *table, const char *rec, const char *field,
	       const char *old, const char *new_value, siks_err *e);

/* Every export of personal data calls this (CSV, XLSX, reports, packages,
 * backups copied away): one audit row "export" naming the operator and
 * what (e.g. "BNBA usulan 2026-11 -> /media/usb/bnba.xlsx"). */
int audit_note_export(siks *s, const char *what, siks_err *e);

/* Which part of the history. All members may be empty/NULL. */
typedef struct history_filter {
	const char *household;  /* a household id: its own rows and those of its
				   members, answers, scores, programs, usulan */
	const char *record;     /* one record id (any table) */
	const char *from, *to;  /* dates YYYY-MM-DD or DD-MM-YYYY, both inclusive */
	const char *operator_name;
} history_filter;

/* One audit row as shown. Strings point into the statement: valid only
 * during the callback. */
typedef struct history_row {
	int64_t id;
	const char *ts;        /* "YYYY-MM-DD HH:MM:SS" */
	const char *operator_name;
	const char *table;     /* "household", "member", "operator", "export" ... */
	const char *rec;
	const char *who;       /* the member's name for member rows, else "" */
	const char *field;     /* column name, "*" for a new record */
	const char *field_label; /* translated label from tables.c, or field */
	const char *old_value; /* "" when none */
	const char *new_value;
} history_row;

/* Calls cb for each row in time order (oldest first); cb returns non-zero
 * to stop. Returns 0, SIKS_EINVAL for a bad date, or SIKS_EDB. */
int history_each(siks *s, const history_filter *f,
		 int (*cb)(void *ctx, const history_row *r), void *ctx, siks_err *e);
/* Number of rows that history_each would give. */
int64_t history_count(siks *s, const history_filter *f, siks_err *e);

/* Writes the rows as CSV (UTF-8, header row, RFC 4180 quoting; cells that a
 * spreadsheet would run as a formula are prefixed with '), atomically.
 * Needs SIKS_ACT_EXPORT and writes an export audit row. *rows (may be NULL)
 * gets the number of rows written. */
int history_export_csv(siks *s, const history_filter *f, const char *path,
		       int64_t *rows, siks_err *e);
#endif
