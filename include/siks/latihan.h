/* latihan.h — training mode (issue 7): a practice copy of a demo village,
 * exercises that check themselves, progress, reset, and results.
 *
 * Owner: src/core/latihan*.c. No curses, no printing: front ends (cli/, tui/)
 * show what these functions return.
 *
 * The practice database: a register built by the demo generator, marked in
 * its site settings (`site.practice`=1, read into s->practice). Only
 * latihan_build() sets that mark; a normal `init` never does. Beside it lives
 * the pristine copy (latihan_pristine_path: "latihan.db" -> "latihan-awal.db")
 * from which latihan_reset() restores the starting state. Every function that
 * overwrites a file first proves that the file is a practice database, so a
 * real register is never taken for a practice one.
 *
 * Exercises: data/latihan/NN-name.txt, one per file, in Indonesian (format in
 * data/latihan/README). Each carries its task, a hint, the answer (for the
 * trainer's guide) and one or more checks: a single read-only SELECT each,
 * over the register, returning 1 when the exercise is done. A check is run
 * with bound parameters only (the file's `param:` lines), under an authorizer
 * that refuses anything but reading, and never holds text typed by a user. */
#ifndef SIKS_LATIHAN_H
#define SIKS_LATIHAN_H
#include <stddef.h>
#include "siks/siks.h"

#define LATIHAN_MAX 64            /* exercises in one set */
#define LATIHAN_MAX_CHECKS 8      /* `periksa:` entries of one exercise */
#define LATIHAN_MAX_PARAMS 16     /* `param:` entries of one exercise */

/* The accounts of every practice database (printed in the trainer's guide):
 * the trainer (admin) and the trainee (operator desa). */
#define LATIHAN_PELATIH "pelatih"
#define LATIHAN_PELATIH_PIN "2468"
#define LATIHAN_PESERTA "peserta"
#define LATIHAN_PESERTA_PIN "1234"

/* A file a practice database exports (CSV) carries this column, with
 * LATIHAN_MARK in every row; importing such a file into a real register is
 * refused (latihan_refuse_import), so practice data never passes for real. */
#define LATIHAN_MARK_COL "latihan"
#define LATIHAN_MARK "LATIHAN"

typedef struct latihan_param {
	char name[32];                /* bound to :name in the checks */
	char *value;
} latihan_param;

typedef struct latihan_ex {
	int no;                       /* 1-based, in file-name order */
	char id[48];                  /* file name without .txt, e.g. "01-rumah-tangga-baru" */
	char *judul;                  /* one line */
	char *tugas;                  /* the task, as shown to the trainee */
	char *petunjuk;               /* the hint, shown on request */
	char *jawaban;                /* the answer (trainer's guide, `latihan jawaban`) */
	char *periksa[LATIHAN_MAX_CHECKS];
	int nperiksa;
	latihan_param param[LATIHAN_MAX_PARAMS];
	int nparam;
} latihan_ex;

/* A loaded exercise set. Owns every string in it; free with latihan_set_free. */
typedef struct latihan_set {
	latihan_ex *v;
	int n;
} latihan_set;

/* Loads every *.txt of dir (NULL: <data folder>/latihan) in name order.
 * SIKS_EFORMAT names the file and line of a malformed exercise. */
int latihan_set_load(latihan_set *set, const char *dir, siks_err *e);
/* Parses one exercise from text (tests, fuzzing); name is the id. */
int latihan_ex_parse(latihan_ex *x, const char *name, const char *text, siks_err *e);
void latihan_ex_free(latihan_ex *x);
void latihan_set_free(latihan_set *set);

/* Runs x's checks on s: *done is 1 when every check returns 1. A check
 * that is not a single read-only SELECT is refused (SIKS_EFORMAT). */
int latihan_check(siks *s, const latihan_ex *x, int *done, siks_err *e);

/* Progress of one exercise as last evaluated. */
typedef struct latihan_state {
	int done;
	char when[20];                /* first seen done "YYYY-MM-DD HH:MM:SS", "" when never */
	long minutes;                 /* from the start of the session to `when`; -1 unknown */
} latihan_state;

/* Evaluates every exercise of set on s into st[set->n] and records the
 * first time each is seen done (site setting latihan.selesai.<id>). Returns
 * the number done, or -1 with e. s must be a practice database. */
int latihan_progress(siks *s, const latihan_set *set, latihan_state *st, siks_err *e);

/* The session: who the trainee is and when they began. latihan_start
 * records the start time when it is not yet set (idempotent). */
int latihan_start(siks *s, siks_err *e);
int latihan_set_name(siks *s, const char *nama, siks_err *e);
void latihan_name(siks *s, char *out, size_t n);

/* "x/latihan.db" -> "x/latihan-awal.db": the pristine copy. */
void latihan_pristine_path(const char *path, char *out, size_t n);
/* 1 when the file at path is a siksdesa database marked as practice, 0 when
 * it is anything else (a real register, another file), -1 when missing. */
int latihan_file_is_practice(const char *path);

/* Builds a new practice database at path (and its pristine copy) from the
 * demo generator, with the practice operator. Refuses when path or the
 * pristine path exists. */
int latihan_build(const char *path, siks_err *e);
/* Restores the practice database at path from its pristine copy. Refuses
 * unless both are practice databases (or path is missing). The database
 * must not be open elsewhere. */
int latihan_reset(const char *path, siks_err *e);

/* The refusal every sync entry point makes: SIKS_EPERM with an Indonesian
 * message when s is a practice database, else 0. */
int latihan_refuse_sync(siks *s, siks_err *e);

/* The refusal of an import into s of a file whose header (n names) holds
 * LATIHAN_MARK_COL, unless s is itself a practice database: SIKS_EPERM
 * naming path, else 0. */
int latihan_refuse_import(siks *s, const char *path, char *const *header, size_t n, siks_err *e);

/* The trainee's results as a CSV file in dir (a USB stick), written
 * atomically under a name of its own (latihan-hasil-<nama>-<time>.csv);
 * the path is copied into out. */
int latihan_result_write(siks *s, const latihan_set *set, const char *dir,
			 char *out, size_t n, siks_err *e);
/* Merges result files (or every latihan-hasil-*.csv in the folders among
 * paths) into one CSV table at out_csv: a row per trainee, a column per
 * exercise. *ntrainees receives the number of rows (may be NULL). */
int latihan_merge(const char *const *paths, int npaths, const char *out_csv,
		  int *ntrainees, siks_err *e);
#endif
