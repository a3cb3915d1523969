/* indicator.h — poverty indicator sets (data, with a version) and scoring.
 * A set is data/indicators/<name>.ind; the 14 BPS criteria ship as bps14.
 * Criteria are either computed from recorded data (floor area per person,
 * floor, wall, toilet, lighting, water, cooking fuel, head's education and
 * occupation, ...) or answered yes/no. */
#ifndef SIKS_INDICATOR_H
#define SIKS_INDICATOR_H
#include "siks/siks.h"

#define SIKS_IND_MAX 32

typedef struct siks_criterion {
	int no;                 /* 1..n */
	char text[200];         /* the criterion, in Indonesian */
	char source[256];       /* "" when answered; else the rule it is computed by,
	                         * e.g. "per_orang(luas_lantai) < 8" (format: bps14.ind) */
	char field[32];         /* field it comes from, for the screen ("luas_lantai") */
} siks_criterion;

typedef struct siks_indset {
	char name[32];          /* "bps14" */
	int version;
	char title[120];
	int threshold;          /* poor when met >= threshold */
	int n;
	siks_criterion c[SIKS_IND_MAX];
} siks_indset;

/* Loads <datadir>/indicators/<name>.ind. */
int indset_load(siks_indset *set, const char *datadir, const char *name, siks_err *e);

/* One household's evaluation. state[i]: -1 unknown, 0 not met, 1 met;
 * computed[i]: 1 when derived from data (not toggled by hand).
 * poor: 1 when met >= threshold, 0 when even the unknown criteria could not
 * reach it, -1 while unknown ones still decide (kelas "belum lengkap"). */
typedef struct siks_score {
	int met, total, threshold, poor;
	int unknown;            /* criteria with state -1 */
	signed char state[SIKS_IND_MAX];
	unsigned char computed[SIKS_IND_MAX];
} siks_score;

/* Evaluates set for household id from its stored data and stored answers. */
int indicator_evaluate(siks *s, const siks_indset *set, const char *household_id,
		       siks_score *out, siks_err *e);
/* Stores a yes/no answer (yes: 1 ya, 0 tidak, -1 clears it) for criterion no
 * (through the audited write path). SIKS_EINVAL when no is a computed one. */
int indicator_answer(siks *s, const siks_indset *set, const char *household_id, int no,
		     int yes, siks_err *e);
/* Evaluates and records a score row (set, version, met, class, computed and
 * answered criteria). Old score rows are never rewritten. */
int indicator_score_save(siks *s, const siks_indset *set, const char *household_id,
			 siks_score *out, siks_err *e);
/* "10 dari 14 — miskin" in the UI language. */
void indicator_class_text(const siks_score *sc, char *out, size_t n);
/* Re-scores every household with set, in one transaction (all or none);
 * returns the count scored, or minus a siks code with e filled. */
int indicator_rescore_all(siks *s, const siks_indset *set, siks_err *e);
#endif
