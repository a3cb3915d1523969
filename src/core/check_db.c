/* check_db.c — validation over the whole database: every household (in id
 * order, so the report is stable) with its members (in id order), through
 * the same rules the form uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/validate.h"

struct members {
	siks_rec *v;
	size_t n, cap;
};

static void members_free(struct members *ms)
{
	for (size_t i = 0; i < ms->n; i++)
		rec_free(&ms->v[i]);
	free(ms->v);
	ms->v = NULL;
	ms->n = ms->cap = 0;
}

/* Loads the members of household hid into ms (emptied first). */
static int members_load(siks *s, const char *hid, struct members *ms, siks_err *e)
{
	members_free(ms);
	sqlite3_stmt *st = db_stmt(s, "SELECT id FROM member WHERE household_id = ?1 ORDER BY id", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, hid, -1, SQLITE_TRANSIENT);
	/* Ids first: rec_load uses other statements, and the list is small. */
	char (*ids)[33] = NULL;
	size_t n = 0;
	int rc = db_collect(s, st, sizeof *ids, db_read_id, (void **)&ids, &n, "member", e);
	if (rc != 0)
		return rc;
	ms->v = calloc(n ? n : 1, sizeof *ms->v);
	if (!ms->v) {
		free(ids);
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	}
	ms->cap = n;
	for (size_t i = 0; i < n; i++) {
		if ((rc = rec_load(s, &ms->v[i], "member", ids[i], e)) != 0) {
			rec_free(&ms->v[i]);
			break;
		}
		ms->n++;
	}
	free(ids);
	return rc;
}

static int emit(const siks_findings *f, const char *hid, check_fn fn, void *arg)
{
	int errors = 0;
	for (size_t i = 0; i < f->n; i++) {
		if (f->v[i].severity == SIKS_ERROR)
			errors++;
		if (fn)
			fn(&f->v[i], hid, arg);
	}
	return errors;
}

/* Returns the error count, or -1 with e filled when the database failed. */
int check_database(siks *s, check_fn fn, void *arg, siks_err *e)
{
	sqlite3_stmt *hs = db_stmt(s, "SELECT id FROM household ORDER BY id", e);
	if (!hs)
		return -1;
	struct members ms = { 0 };
	siks_findings f = { 0 };
	int errors = 0, rc;
	while ((rc = sqlite3_step(hs)) == SQLITE_ROW) {
		char hid[33];
		snprintf(hid, sizeof hid, "%s", (const char *)sqlite3_column_text(hs, 0));
		siks_rec hh;
		if (rec_load(s, &hh, "household", hid, e) != 0 || members_load(s, hid, &ms, e) != 0) {
			rec_free(&hh);
			errors = -1;
			break;
		}
		siks_findings_clear(&f);
		check_record(s, &hh, &f);
		for (size_t i = 0; i < ms.n; i++)
			check_record(s, &ms.v[i], &f);
		check_household(s, &hh, ms.v, ms.n, &f);
		errors += emit(&f, hid, fn, arg);
		rec_free(&hh);
	}
	if (errors >= 0 && rc != SQLITE_DONE) {
		db_fail(s, e, "household");
		errors = -1;
	}
	sqlite3_reset(hs);
	members_free(&ms);
	siks_findings_free(&f);
	return errors;
}
