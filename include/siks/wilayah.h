/* wilayah.h — Kemendagri region codes (provinsi 35, kabupaten 35.28,
 * kecamatan 35.28.01, desa 35.28.01.2001). The list is data: imported from a
 * CSV `kode,nama` (../shared/data/wilayah/wilayah.csv form); the repository
 * ships only data/wilayah/demo.csv (Jawa Timur, Pamekasan, its kecamatan). */
#ifndef SIKS_WILAYAH_H
#define SIKS_WILAYAH_H
#include "siks/siks.h"

enum { WIL_PROVINSI = 1, WIL_KABUPATEN = 2, WIL_KECAMATAN = 3, WIL_DESA = 4 };

/* Level from the code's form (1..4), 0 when the code is malformed. */
int wilayah_level(const char *kode);
/* Imports a CSV file in one transaction (insert or replace); *count = rows. */
int wilayah_import(siks *s, const char *path, long *count, siks_err *e);
/* Name of kode into out; 0 found, -1 unknown. */
int wilayah_name(siks *s, const char *kode, char *out, size_t n);
/* Number of regions below kode (all levels), 0 when none. */
long wilayah_count_under(siks *s, const char *kode);
/* 1 when any kecamatan is loaded (so a NIK's region part can be checked). */
int wilayah_has_kecamatan(siks *s);
/* "352801" (from a NIK or No KK) -> "35.28.01". */
void wilayah_from_digits(const char *six, char out[9]);
#endif
