/* date.c — calendar dates as the operator types them and as they are stored.
 * Stored form is ISO "YYYY-MM-DD"; typed form is DD-MM-YYYY (also D-M-YYYY,
 * DD/MM/YYYY, DD.MM.YYYY). Only the Gregorian calendar from year 1000 on. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "siks/validate.h"
#include "date.h"

int date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return month == 2 && date_is_leap(year) ? 29 : dm[month - 1];
}

int date_valid(int y, int m, int d)
{
	return y >= 1000 && y <= 9999 && d >= 1 && d <= date_days_in_month(y, m);
}

/* Reads 1..maxd digits at *p into *v; advances *p. Returns the digit count. */
static int read_num(const char **p, int maxd, int *v)
{
	int k = 0, x = 0;
	while (k < maxd && isdigit((unsigned char)**p)) {
		x = x * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	*v = x;
	return k;
}

static int is_sep(char c)
{
	return c == '-' || c == '/' || c == '.';
}

int date_split(const char *in, int *y, int *m, int *d)
{
	if (!in)
		return -1;
	while (*in == ' ')
		in++;
	const char *p = in;
	int a, b, c, na, nb, nc;
	na = read_num(&p, 4, &a);
	if (na == 0 || !is_sep(*p))
		return -1;
	char sep = *p++;
	nb = read_num(&p, 2, &b);
	if (nb == 0 || *p != sep)
		return -1;
	p++;
	nc = read_num(&p, 4, &c);
	while (*p == ' ')
		p++;
	if (*p)
		return -1;
	if (na == 4 && sep == '-' && nb == 2 && nc == 2) { /* stored ISO */
		*y = a, *m = b, *d = c;
	} else if (na <= 2 && nc == 4) {                  /* typed D-M-YYYY */
		*d = a, *m = b, *y = c;
	} else {
		return -1;
	}
	return date_valid(*y, *m, *d) ? 0 : -1;
}

int date_parse(const char *in, char iso[11])
{
	int y, m, d;
	if (date_split(in, &y, &m, &d) != 0)
		return -1;
	snprintf(iso, 11, "%04d-%02d-%02d", y, m, d);
	return 0;
}

void date_format(const char *iso, char out[11])
{
	int y, m, d;
	if (iso && strlen(iso) == 10 && iso[4] == '-' && date_split(iso, &y, &m, &d) == 0)
		snprintf(out, 11, "%02d-%02d-%04d", d, m, y);
	else
		snprintf(out, 11, "%s", iso ? iso : "");
}

int date_cmp(int y1, int m1, int d1, int y2, int m2, int d2)
{
	long a = y1 * 10000L + m1 * 100 + d1, b = y2 * 10000L + m2 * 100 + d2;
	return (a > b) - (a < b);
}
