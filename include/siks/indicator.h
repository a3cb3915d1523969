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
	char source[48];        /* "" when answered; else how it is computed, e.g. "luas_per_orang<8" */
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
 * computed[i]: 1 when derived from data (not toggled by hand). */
typedef struct siks_score {
	int met, total, threshold, poor;
	signed char state[SIKS_IND_MAX];
	unsigned char computed[SIKS_IND_MAX];
} siks_score;

/* Evaluates set for household id from its stored data and stored answers. */
int indicator_evaluate(siks *s, const siks_indset *set, const char *household_id,
		       siks_score *out, siks_err *e);
/* Stores a yes/no answer for criterion no (through the audited write path). */
int indicator_answer(siks *s, const siks_indset *set, const char *household_id, int no,
		     int yes, siks_err *e);
/* Evaluates and records a score row (set, version, met, class, computed and
 * answered criteria). Old score rows are never rewritten. */
int indicator_score_save(siks *s, const siks_indset *set, const char *household_id,
			 siks_score *out, siks_err *e);
/* "10 dari 14 — miskin" in the UI language. */
void indicator_class_text(const siks_score *sc, char *out, size_t n);
/* Re-scores every household with set; returns the count scored. */
int indicator_rescore_all(siks *s, const siks_indset *set, siks_err *e);
#endif
