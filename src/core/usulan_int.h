/* usulan_int.h — pieces shared by usulan.c, musdes.c and usulan_list.c
 * (internal to src/core; the interface is include/siks/usulan.h). */
#ifndef SIKS_CORE_USULAN_INT_H
#define SIKS_CORE_USULAN_INT_H
#include <stddef.h>
#include "siks/usulan.h"

/* Characters (not bytes) of a UTF-8 string; NULL counts 0. */
size_t usulan_chars(const char *p);
/* Refuses text longer than max characters, naming the field. */
int usulan_check_len(const char *table, const char *field, const char *v, size_t max, siks_err *e);
/* Translated label of a code of list, or the code as text (into buf). */
const char *usulan_code_label(siks *s, const char *list, int code, char *buf, size_t n);
/* The village (kode desa) of household id into desa; SIKS_ENOTFOUND names it. */
int usulan_household_desa(siks *s, const char *household_id, char desa[20], siks_err *e);
/* The musdes step of one proposal (checks done by the caller but the
 * status machine's): Draf -> Disetujui / Ditolak musdes with musdes_id. */
int usulan_step_musdes(siks *s, const char *id, const char *musdes_id, int agree, siks_err *e);
#endif
