/* demo_data.h — the name tables of the demo village (internal to src/core). */
#ifndef SIKS_CORE_DEMO_DATA_H
#define SIKS_CORE_DEMO_DATA_H

#define DEMO_DUSUN 5

/* sex 1 male / 2 female; young: born about 1990 or later; k picks one. */
const char *demo_name(int sex, int young, unsigned k);
int demo_name_count(int sex, int young);
const char *demo_dusun(int i);
/* A street (numbered = 1: add a house number) or a kampung. */
const char *demo_street(unsigned k, int *numbered);
/* Place of birth for a roll 0..99 (mostly Pamekasan). */
const char *demo_place(unsigned roll100);

/* ---- the plan: the village in memory before it is written ---- */
#include <stdint.h>

typedef struct demo_rng {
	uint64_t s;
} demo_rng;
uint64_t demo_next(demo_rng *r);
/* Uniform in lo..hi (inclusive). */
int demo_int(demo_rng *r, int lo, int hi);
/* 1 with probability p percent. */
int demo_pct(demo_rng *r, int p);
/* Picks codes[i] with weight w[i]. */
int demo_pick(demo_rng *r, const int *codes, const int *w, int n);

typedef struct dmem {
	char nik[17], kk[17], nama[64], tempat[24], ibu[64];
	int y, m, d;            /* birth date */
	int sex, shdk, kawin, pend, kerja, dis, hamil, ada, agama;
	char id[33];            /* after it is written */
} dmem;

typedef struct dhh {
	int dusun, rt, rw, poor;
	char alamat[80];
	int luas, lantai, dinding, atap, air, terang, bakar, bab;
	int gas, kulkas, motor, lahan, ternak;
	int first, n;           /* members first .. first+n-1 */
	char id[33];
} dhh;

/* A planted mistake before ids exist: on household h, or member m (-1: none). */
typedef struct dplant {
	const char *rule;
	int severity, h, m;
} dplant;

typedef struct dplan {
	demo_rng r;
	dhh *h;
	int nh, caph;
	dmem *m;
	int nm, capm;
	dplant plant[16];
	int nplant;
} dplan;

/* Reference date of the demo data ("as of" the June 2024 update). */
#define DEMO_REF_Y 2024
#define DEMO_REF_M 6
#define DEMO_REF_D 30

/* Builds the households, members and planted mistakes; 0, or -1 on OOM. */
int demo_plan_build(dplan *p, int households);
void demo_plan_free(dplan *p);
int demo_age(const dmem *m);
#endif
