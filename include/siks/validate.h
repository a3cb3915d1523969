/* validate.h — every rule an entry is checked against. The UI (as a field is
 * left), the CLI `check`, import and sync call the same functions.
 * Findings carry severity, field and a translated message that names the
 * field and the rule. */
#ifndef SIKS_VALIDATE_H
#define SIKS_VALIDATE_H
#include "siks/siks.h"
#include "siks/rec.h"

/* Parses a date typed as DD-MM-YYYY (also D-M-YYYY, DD/MM/YYYY) or stored as
 * YYYY-MM-DD into iso ("YYYY-MM-DD"). 0 when it is a real calendar date, -1 otherwise. */
int date_parse(const char *in, char iso[11]);
/* "YYYY-MM-DD" -> "DD-MM-YYYY" for display. */
void date_format(const char *iso, char out[11]);
int date_is_leap(int year);

/* Pure checks (no database). today is "YYYY-MM-DD". sex: 1 laki-laki,
 * 2 perempuan, 0 unknown. birth_iso may be NULL. rec: record id for the finding. */
void check_nik(siks_findings *f, const char *rec, const char *nik, int sex,
	       const char *birth_iso, const char *today);
void check_kk(siks_findings *f, const char *rec, const char *kk);
void check_date(siks_findings *f, const char *table, const char *rec, const char *field,
		const char *iso, const char *today);

/* One field of a record, as the form checks it when the field is left:
 * kind rules (digits, length, date, code list, range, required) and the
 * field's own rules (NIK, No KK, ...). Needs s for code lists and the region list. */
void check_field(siks *s, const siks_rec *r, int field_index, siks_findings *f);
/* Every field of r plus its cross-field rules (NIK against sex and birth date). */
void check_record(siks *s, const siks_rec *r, siks_findings *f);
/* A household with its members as they would be saved: exactly one head,
 * spouse of the opposite sex, children younger than parents, the same NIK
 * not present twice here nor elsewhere in the database (naming the other
 * household). members[i].id may be "" for new members. */
void check_household(siks *s, const siks_rec *hh, const siks_rec *members, size_t n,
		     siks_findings *f);

/* Validation over the whole database, calling fn for each finding in a stable
 * order (household, then member). Returns the number of errors found. */
typedef void (*check_fn)(const siks_finding *fd, const char *household_id, void *arg);
int check_database(siks *s, check_fn fn, void *arg, siks_err *e);
#endif
