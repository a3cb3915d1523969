/* household.c — load, check and save a household with its members. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/auth.h"
#include "siks/db.h"
#include "siks/household.h"
#include "siks/i18n.h"
#include "siks/validate.h"

int household_new(siks_household *h)
{
	memset(h, 0, sizeof *h);
	return rec_init(&h->hh, "household");
}

/* Room for one more member record. */
static int grow(siks_household *h)
{
	if (h->n < h->cap)
		return 0;
	size_t cap = h->cap ? h->cap * 2 : 8;
	siks_rec *m = realloc(h->m, cap * sizeof *m);
	if (!m)
		return -1;
	h->m = m;
	h->cap = cap;
	return 0;
}

siks_rec *household_add_member(siks_household *h)
{
	if (grow(h) != 0)
		return NULL;
	siks_rec *r = &h->m[h->n];
	if (rec_init(r, "member") != 0)
		return NULL;
	h->n++;
	return r;
}

void household_free(siks_household *h)
{
	rec_free(&h->hh);
	for (size_t i = 0; i < h->n; i++)
		rec_free(&h->m[i]);
	free(h->m);
	memset(h, 0, sizeof *h);
}

int household_load(siks *s, const char *id, siks_household *h, siks_err *e)
{
	memset(h, 0, sizeof *h);
	int rc = rec_load(s, &h->hh, "household", id, e);
	if (rc != 0)
		return rc;
	sqlite3_stmt *st = db_stmt(s, "SELECT id FROM member WHERE household_id=?1 "
				      "ORDER BY shdk, tanggal_lahir, id", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	/* collect ids first: rec_load uses other statements meanwhile */
	char (*ids)[33] = NULL;
	size_t n = 0;
	if ((rc = db_collect(s, st, sizeof *ids, db_read_id, (void **)&ids, &n, "member", e)) != 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (grow(h) != 0) {
			rc = siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
			break;
		}
		rc = rec_load(s, &h->m[h->n], "member", ids[i], e);
		if (rc == 0)
			h->n++;
		else
			rec_free(&h->m[h->n]);
	}
	free(ids);
	return rc;
}

int household_save(siks *s, siks_household *h, int accept_warnings, siks_findings *f,
		   siks_err *e)
{
	siks_findings_clear(f);
	if (auth_allow(s, SIKS_ACT_EDIT, e) != 0)
		return SIKS_EPERM;
	check_record(s, &h->hh, f);
	for (size_t i = 0; i < h->n; i++) {
		/* a new household has no id yet: the member rules must not trip on it */
		if (!rec_get(&h->m[i], "household_id") && h->hh.id[0])
			rec_set(&h->m[i], "household_id", h->hh.id);
		check_record(s, &h->m[i], f);
	}
	check_household(s, &h->hh, h->m, h->n, f);
	/* check_record reports a missing household_id on members of a new
	 * household; that one is ours to fill, so drop it */
	size_t k = 0;
	for (size_t i = 0; i < f->n; i++)
		if (!(strcmp(f->v[i].table, "member") == 0 && strcmp(f->v[i].field, "household_id") == 0))
			f->v[k++] = f->v[i];
	f->n = k;
	if (siks_findings_count(f, SIKS_ERROR) > 0 ||
	    (!accept_warnings && siks_findings_count(f, SIKS_WARN) > 0))
		return siks_fail(e, SIKS_EINVAL, f->n ? f->v[0].field : "", "%s",
				 f->n ? f->v[0].msg : _("Data belum lengkap"));
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	int rc = rec_save(s, &h->hh, e);
	for (size_t i = 0; rc == 0 && i < h->n; i++) {
		rec_set(&h->m[i], "household_id", h->hh.id);
		rc = rec_save(s, &h->m[i], e);
	}
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	return db_commit(s, e);
}
