/* privacy.h — showing personal numbers on projected screens and printed
 * lists. With the site setting "privacy.mask_nik" on, every NIK / No KK the
 * UI, the CLI and reports show goes through siks_nik_display and appears as
 * 3528********0012 (first and last four digits; the length is kept so
 * columns stay aligned). Stored values are never changed. */
#ifndef SIKS_PRIVACY_H
#define SIKS_PRIVACY_H
#include <stddef.h>
#include "siks/siks.h"

/* Writes the masked form of nik into out (n >= 17 for a 16-digit NIK):
 * first 4 and last 4 characters kept, the rest '*'. Values of 8 characters
 * or fewer are masked whole. NULL becomes "". Returns out. */
char *siks_nik_mask(const char *nik, char *out, size_t n);
/* nik as this site shows it: masked when the setting is on, else as is.
 * Returns out. */
char *siks_nik_display(siks *s, const char *nik, char *out, size_t n);
/* Copies in to out with every run of exactly 16 digits masked as above
 * (NIK and No KK inside history values, JSON, free text). Returns out. */
char *siks_mask_text(const char *in, char *out, size_t n);
/* 1 when masking is on. */
int siks_mask_nik_enabled(siks *s);
/* Turns masking on or off (needs SIKS_ACT_SETTINGS; audited). */
int siks_mask_nik_set(siks *s, int on, siks_err *e);
#endif
