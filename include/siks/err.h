/* err.h — the small error value every core function returns through.
 * The core never prints: it fills a siks_err (code, field, message already in
 * the user's language) and the front end decides how to show it. */
#ifndef SIKS_ERR_H
#define SIKS_ERR_H
#include <stddef.h>

enum siks_code {
	SIKS_OK = 0,
	SIKS_EINVAL,    /* bad input: field and rule named in msg */
	SIKS_ENOTFOUND, /* no such record / file */
	SIKS_EDB,       /* SQLite said no */
	SIKS_EIO,       /* file system */
	SIKS_EPERM,     /* role or mode forbids it */
	SIKS_EFORMAT,   /* a file is damaged, foreign or of a newer format */
	SIKS_ECONFLICT, /* a concurrent change or a lock */
	SIKS_ENOMEM
};

typedef struct siks_err {
	int code;
	char field[32];  /* field the error is about, "" when none */
	char msg[512];   /* complete sentence in the UI language */
} siks_err;

/* Fills e (when not NULL) and returns code. fmt is a translated format. */
int siks_fail(siks_err *e, int code, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void siks_err_clear(siks_err *e);

/* Finding of a validation rule. Errors block saving; warnings ask once. */
enum siks_severity { SIKS_WARN = 1, SIKS_ERROR = 2 };

typedef struct siks_finding {
	int severity;
	char rule[24];       /* stable rule id, e.g. "nik.length" */
	char table[16];      /* "household" / "member" / "" */
	char record[33];     /* record id, "" when not yet saved */
	char field[32];      /* field name, e.g. "nik" */
	char msg[400];       /* translated message naming field and rule */
} siks_finding;

typedef struct siks_findings {
	siks_finding *v;
	size_t n, cap;
} siks_findings;

/* Appends a finding; returns the new entry (never NULL: aborts on OOM is not
 * allowed, so on OOM the finding is dropped and a static spare is returned). */
siks_finding *siks_findings_add(siks_findings *f, int severity, const char *rule,
				const char *table, const char *record, const char *field,
				const char *fmt, ...) __attribute__((format(printf, 7, 8)));
size_t siks_findings_count(const siks_findings *f, int severity);
void siks_findings_clear(siks_findings *f);
void siks_findings_free(siks_findings *f);
#endif
