/* latihan_int.h — shared inside src/core/latihan*.c only. */
#ifndef SIKS_LATIHAN_INT_H
#define SIKS_LATIHAN_INT_H
#include "siks/err.h"

/* Copies the SQLite database src into dst (created when missing) with the
 * online backup API, in one transaction of dst. */
int latihan_copy_db(const char *src, const char *dst, siks_err *e);
#endif
