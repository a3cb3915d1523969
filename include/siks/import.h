/* import.h — loading households and members from a DTKS-style delimited
 * file (one row a member; see colmap.h for the columns, csv.h for the forms
 * of file read).
 *
 * The import reads the file twice in constant memory: pass 1 cleans and
 * checks each row (validate.h) and stages the good ones in a temporary
 * table; pass 2 groups them by No KK into households, checks each household
 * as a whole, and saves through rec_save (the audited write path), all in
 * ONE transaction. A row whose NIK is already in the database updates that
 * member (only the columns the file has) instead of adding a second one, so
 * importing the same file twice changes nothing the second time.
 *
 * A dry run does exactly the same and rolls the transaction back: its
 * counts and its list of rejected rows are what the import would do.
 * Rows that are rejected are skipped; the rest is imported. */
#ifndef SIKS_IMPORT_H
#define SIKS_IMPORT_H
#include "siks/siks.h"

typedef struct imp_opts {
	int dry_run;          /* 1: check and count, change nothing */
	const char *map_path; /* mapping file of other column names, or NULL */
	int charset;          /* CS_AUTO or a charset.h value */
	int sep;              /* 0 detect, or ',' ';' '\t' '|' */
} imp_opts;

/* One problem with one row. */
typedef struct imp_problem {
	long line;            /* physical line of the row in the file */
	int severity;         /* SIKS_ERROR: the row is not imported; SIKS_WARN: imported */
	char column[64];      /* the file's column header (or the field name) */
	char value[64];       /* the value as written (cut) */
	char reason[400];     /* translated sentence */
	long seq;             /* order found (rows keep their problems in order) */
} imp_problem;

typedef struct imp_result {
	long rows;                      /* data rows read (not counting the header) */
	long rows_rejected;             /* rows not imported */
	long hh_new, hh_changed, hh_same;
	long mem_new, mem_changed, mem_same;
	long errors, warnings;          /* problems by severity */
	imp_problem *p;                 /* every problem, in file order per pass */
	size_t np, capp;
	char charset[16];               /* detected */
	char sep;                       /* detected */
	char ignored[512];              /* columns of the file that were not used */
	int dry_run;
} imp_result;

/* Imports path (see top). Returns 0 when the file could be read (even with
 * rejected rows: see r); an error (and nothing changed) when the file cannot
 * be read, its header lacks a required column, or saving failed. r is
 * filled either way and must be freed with imp_result_free. */
int import_file(siks *s, const char *path, const imp_opts *o, imp_result *r, siks_err *e);
void imp_result_free(imp_result *r);
/* Writes r's problems as CSV (baris,tingkat,kolom,nilai,alasan; UTF-8 with
 * BOM) to path atomically. */
int import_report_write(const imp_result *r, const char *path, siks_err *e);
#endif
