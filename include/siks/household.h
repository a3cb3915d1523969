/* household.h — a household with its members, as the form edits it and as
 * import builds it: loaded together, checked together, saved together in
 * one transaction through rec_save (so audit and change rows come along).
 * A siks_household owns its records; free with household_free. */
#ifndef SIKS_HOUSEHOLD_H
#define SIKS_HOUSEHOLD_H
#include "siks/rec.h"
#include "siks/siks.h"

typedef struct siks_household {
	siks_rec hh;      /* table "household" */
	siks_rec *m;      /* members, table "member", in display order */
	size_t n, cap;
} siks_household;

/* An empty household (no id yet) with no members. */
int household_new(siks_household *h);
/* Loads household id and all its members (ordered by SHDK, then birth date). */
int household_load(siks *s, const char *id, siks_household *h, siks_err *e);
/* Appends an empty member record (NULL when out of memory). The member's
 * household_id is set at save time. */
siks_rec *household_add_member(siks_household *h);
void household_free(siks_household *h);

/* Checks every field of the household and of each member and the household
 * rules (validate.h) into f (cleared first). Saves only when there is no
 * error, and no warning unless accept_warnings is 1: then in one
 * transaction the household, then each member. Returns 0 when saved,
 * SIKS_EINVAL when findings stopped it (f says why), else the failure. */
int household_save(siks *s, siks_household *h, int accept_warnings, siks_findings *f,
		   siks_err *e);
#endif
