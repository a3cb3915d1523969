/* err.c — error values and validation findings. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/err.h"

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

int siks_fail(siks_err *e, int code, const char *field, const char *fmt, ...)
{
	if (!e)
		return code;
	e->code = code;
	copy(e->field, sizeof e->field, field);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

void siks_err_clear(siks_err *e)
{
	if (e) {
		e->code = 0;
		e->field[0] = e->msg[0] = '\0';
	}
}

siks_finding *siks_findings_add(siks_findings *f, int severity, const char *rule,
				const char *table, const char *record, const char *field,
				const char *fmt, ...)
{
	static siks_finding spare;
	siks_finding *d = &spare;
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 8;
		siks_finding *v = realloc(f->v, cap * sizeof *v);
		if (v) {
			f->v = v;
			f->cap = cap;
		}
	}
	if (f->n < f->cap)
		d = &f->v[f->n++];
	d->severity = severity;
	copy(d->rule, sizeof d->rule, rule);
	copy(d->table, sizeof d->table, table);
	copy(d->record, sizeof d->record, record);
	copy(d->field, sizeof d->field, field);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	return d;
}

size_t siks_findings_count(const siks_findings *f, int severity)
{
	size_t k = 0;
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].severity == severity)
			k++;
	return k;
}

void siks_findings_clear(siks_findings *f)
{
	f->n = 0;
}

void siks_findings_free(siks_findings *f)
{
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
}
