/* demo.h — the demo register: one Pamekasan village (Desa Dabuan, kecamatan
 * Tlanakan, 35.28.01.2001) with about 300 households and 1,100 members,
 * built the same way on every run (fixed seeds), through the real write
 * path, with a documented handful of planted mistakes (docs/demo.md) for
 * `siksdesa check` and for training. */
#ifndef SIKS_DEMO_H
#define SIKS_DEMO_H
#include "siks/siks.h"

#define DEMO_KODE "35.28.01.2001"
#define DEMO_NAMA "Dabuan"
#define DEMO_MAX_PLANTED 16

/* One planted mistake, as `check` reports it. */
typedef struct demo_mistake {
	char rule[24];      /* rule id, e.g. "nik.sex" */
	char table[16];     /* "household" or "member" */
	char record[33];    /* record the finding is on */
	int severity;       /* SIKS_ERROR or SIKS_WARN */
} demo_mistake;

typedef struct demo_info {
	long households, members, programs, usulan;
	int nplanted;
	demo_mistake planted[DEMO_MAX_PLANTED];
} demo_info;

/* Builds the demo register into s, a database without a site: makes it a
 * desa site for DEMO_KODE, imports <datadir>/wilayah/demo.csv when present,
 * and writes every record through rec_save in one transaction (nothing is
 * written when anything fails). info (may be NULL) receives the counts and
 * the planted mistakes. Record ids are deterministic; the site id is not. */
int demo_build(siks *s, demo_info *info, siks_err *e);
#endif
