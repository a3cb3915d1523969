/* rec.h — records, their field descriptions, and THE write path.
 *
 * Every table the operator's data lives in (household, member, usulan, ...)
 * is described once in src/core/tables.c: its fields, how each is stored,
 * edited and labelled. A siks_rec holds one row as strings (what the form,
 * the CLI, import and sync all speak), in the stored form: dates ISO
 * "YYYY-MM-DD", codes and numbers as decimal text, NULL for empty.
 *
 * rec_save() is the one function that writes a record: in one transaction it
 * writes the row, one audit row per changed field (operator, time, table,
 * record, field, old, new — a new record is one audit row with field "*"
 * and the values as a JSON object) and the matching change record that sync
 * reads. Nothing else writes these tables. */
#ifndef SIKS_REC_H
#define SIKS_REC_H
#include "siks/siks.h"

enum siks_ftype { SIKS_T_TEXT = 0, SIKS_T_INT, SIKS_T_REAL };
enum siks_fkind {
	SIKS_K_TEXT = 0,  /* free text up to len characters */
	SIKS_K_DIGITS,    /* exactly len digits (NIK, No KK) */
	SIKS_K_DATE,      /* a calendar date; typed DD-MM-YYYY */
	SIKS_K_CHOICE,    /* a code from codelist */
	SIKS_K_YESNO,     /* 1 ya / 0 tidak */
	SIKS_K_NUMBER,    /* a number between min and max */
	SIKS_K_REF,       /* id of another record (not edited by hand) */
	SIKS_K_WILAYAH    /* a kode wilayah */
};

typedef struct siks_field {
	const char *name;     /* column name */
	const char *label;    /* N_("Nama lengkap"): translate when shown */
	int type;             /* enum siks_ftype: how it is stored */
	int kind;             /* enum siks_fkind: how it is typed */
	int len;              /* max characters (exact for DIGITS) */
	const char *codelist; /* for CHOICE: name of the code list */
	double min, max;      /* for NUMBER */
	const char *rule;     /* N_("16 angka: ..."): the rule, for help */
	int required;         /* 1: may not be empty */
} siks_field;

typedef struct siks_table {
	const char *name;
	const char *label;    /* N_("Rumah tangga") */
	const siks_field *fields;
	int nfields;
} siks_table;

const siks_table *siks_table_find(const char *name);
/* All tables written through rec_save, NULL-terminated. */
const siks_table *const *siks_tables(void);
/* Index of field in t, or -1. */
int siks_field_index(const siks_table *t, const char *name);
const siks_field *siks_field_find(const siks_table *t, const char *name);

typedef struct siks_rec {
	const siks_table *t;
	char id[33];      /* "" until saved (rec_save assigns one) */
	char **v;         /* t->nfields values, each malloc'd or NULL */
} siks_rec;

/* Makes an empty record of table (all NULL). 0 or SIKS_EINVAL. */
int rec_init(siks_rec *r, const char *table);
void rec_free(siks_rec *r);
/* Copies value (NULL or "" stores NULL). Returns -1 when field is unknown. */
int rec_set(siks_rec *r, const char *field, const char *value);
int rec_set_int(siks_rec *r, const char *field, long long value);
/* The value or NULL. */
const char *rec_get(const siks_rec *r, const char *field);
/* Integer value, or def when NULL / not a number. */
long long rec_get_int(const siks_rec *r, const char *field, long long def);
int rec_copy(siks_rec *dst, const siks_rec *src);

/* Reads record id of table. SIKS_ENOTFOUND when absent. r is initialised. */
int rec_load(siks *s, siks_rec *r, const char *table, const char *id, siks_err *e);

/* THE write path (see top). New record when r->id is "" (an id is assigned
 * and written into r->id) or not yet stored; otherwise only the fields that
 * differ from the stored row are written. Does not validate: front ends
 * call the checks in validate.h first. Nests inside db_begin/db_commit. */
int rec_save(siks *s, siks_rec *r, siks_err *e);
/* rec_save for a record the caller knows is not stored yet, with its id
 * set (sync's new records): the same writes, without looking first. */
int rec_save_new(siks *s, siks_rec *r, siks_err *e);
/* Same path for a single field of a stored record. */
int rec_save_field(siks *s, const char *table, const char *id, const char *field,
		   const char *value, siks_err *e);

/* Change records carry a hybrid logical clock: strictly increasing per site,
 * and moved past any clock seen from another site. */
int64_t rec_clock_next(siks *s);
void rec_clock_seen(siks *s, int64_t remote);
/* Moves the clock past the newest one the open file has seen (at open, and
 * after a restore): db_commit keeps "hlc seq" in setting clock.hlc, so only
 * changes written after that (by anything that bypassed db_commit) are
 * read, not the whole change log. */
void rec_clock_load(siks *s);

/* Sync (src/sync/merge.c) writes a change made at another site through this
 * same path: between rec_remote_begin and rec_remote_end, the audit and change
 * rows rec_save writes carry origin (that site's id), its clock hlc and its
 * operator instead of this site's, so the change is known here by its own
 * version and is never sent back. */
void rec_remote_begin(siks *s, const char *origin, int64_t hlc, const char *op);
void rec_remote_end(siks *s);

/* A fresh record id: 32 lowercase hex characters, time-ordered (48-bit ms)
 * followed by 80 random bits, so ids made offline at two sites never collide.
 * siks_id_seed(nonzero) makes the sequence deterministic (demo, tests). */
void siks_id_new(char out[33]);
void siks_id_seed(uint64_t seed);
#endif
