/* date.h — calendar helpers shared by the validation files (internal to
 * src/core; the public date functions are in include/siks/validate.h). */
#ifndef SIKS_CORE_DATE_H
#define SIKS_CORE_DATE_H

int date_days_in_month(int year, int month);
/* 1 when y-m-d is a real Gregorian date with 1000 <= y <= 9999. */
int date_valid(int y, int m, int d);
/* Splits a typed or stored date (see date_parse); 0 when real, -1 otherwise. */
int date_split(const char *in, int *y, int *m, int *d);
/* <0, 0, >0 as the first date is before, equal to or after the second. */
int date_cmp(int y1, int m1, int d1, int y2, int m2, int d2);
#endif
