/* check.h — pieces shared by the validation files of src/core (internal;
 * the public rules are in include/siks/validate.h). */
#ifndef SIKS_CORE_CHECK_H
#define SIKS_CORE_CHECK_H
#include "siks/validate.h"

/* Translated label of table.field, or the field name when unknown. The
 * returned string is static (a catalogue entry or the argument). */
const char *check_label(const char *table, const char *field);
/* Birth date encoded in a 16-digit NIK, century resolved against today;
 * female is 1 when 40 was added to the day. 0 when it is a real date. */
int nik_birth(const char *nik, const char *today, int *y, int *m, int *d, int *female);
/* The NIK's own shape (digits, length, date part, serial); 1 when well formed. */
int nik_basic(siks_findings *f, const char *rec, const char *nik, const char *today);
/* A well-formed NIK against the member's sex (0 unknown) and birth date (NULL unknown). */
void nik_cross(siks_findings *f, const char *rec, const char *nik, int sex,
	       const char *birth_iso, const char *today);
/* 1 unless the member died, moved away or was not found (keberadaan 2, 3, 4). */
int member_present(const siks_rec *m);
#endif
