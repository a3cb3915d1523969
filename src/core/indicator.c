/* indicator.c — scoring a household against an indicator set: computed
 * criteria from the household's and its head's records, answered ones from
 * table indicator_answer; scores appended to indicator_score. Answers and
 * scores are records written only through rec_save (audit + change rows),
 * and a score row is never updated: re-scoring, with the same or a new set
 * version, adds rows, so the history of how a household was classed stays. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/auth.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/indicator.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "indicator_rule.h"

#define PRESENT_SQL "(keberadaan IS NULL OR keberadaan IN (1, 5))" /* Ada, Baru */

/* Members present and the present head's id ("" when none). */
static int household_people(siks *s, const char *hid, int *present, char head[33], siks_err *e)
{
	sqlite3_stmt *st = db_stmt(s, "SELECT count(*) FROM member WHERE household_id = ?1 AND " PRESENT_SQL, e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, hid, -1, SQLITE_TRANSIENT);
	*present = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	head[0] = '\0';
	st = db_stmt(s, "SELECT id FROM member WHERE household_id = ?1 AND shdk = 1 AND " PRESENT_SQL
		     " ORDER BY id LIMIT 1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, hid, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(head, 33, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return 0;
}

/* Stored answers: answer[no-1] = 1/0, or -1. The latest version of the set up
 * to this one wins (a new version keeps questions it did not renumber). */
static int load_answers(siks *s, const siks_indset *set, const char *hid, signed char *answer, siks_err *e)
{
	for (int i = 0; i < SIKS_IND_MAX; i++)
		answer[i] = -1;
	sqlite3_stmt *st = db_stmt(s, "SELECT criterion, answer FROM indicator_answer WHERE household_id = ?1"
				   " AND set_name = ?2 AND set_version <= ?3 ORDER BY set_version, id", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, hid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, set->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, set->version);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int no = sqlite3_column_int(st, 0);
		if (no < 1 || no > set->n)
			continue;
		answer[no - 1] = sqlite3_column_type(st, 1) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(s, e, "indicator_answer");
}

int indicator_evaluate(siks *s, const siks_indset *set, const char *household_id,
		       siks_score *out, siks_err *e)
{
	memset(out, 0, sizeof *out);
	siks_rec hh, head;
	int rc = rec_load(s, &hh, "household", household_id, e);
	if (rc)
		return rc;
	int present = 0, have_head = 0;
	char head_id[33];
	signed char answer[SIKS_IND_MAX];
	rc = household_people(s, household_id, &present, head_id, e);
	if (!rc && head_id[0]) {
		rc = rec_load(s, &head, "member", head_id, e);
		have_head = rc == 0;
	}
	if (!rc)
		rc = load_answers(s, set, household_id, answer, e);
	if (!rc) {
		ir_ctx cx = { &hh, have_head ? &head : NULL, present };
		out->total = set->n;
		out->threshold = set->threshold;
		for (int i = 0; i < set->n; i++) {
			ir_rule r;
			int st;
			if (ir_parse(&r, set->c[i].source[0] ? set->c[i].source : "answered", NULL, e) != 0) {
				rc = SIKS_EFORMAT;
				break;
			}
			if (r.answered) {
				st = answer[i];
			} else {
				st = ir_eval(&r, &cx);
				out->computed[i] = 1;
			}
			out->state[i] = (signed char)st;
			if (st == 1)
				out->met++;
			else if (st < 0)
				out->unknown++;
		}
		if (out->met >= out->threshold)
			out->poor = 1;
		else if (out->met + out->unknown < out->threshold)
			out->poor = 0;
		else
			out->poor = -1;
	}
	if (have_head)
		rec_free(&head);
	rec_free(&hh);
	return rc;
}

int indicator_answer(siks *s, const siks_indset *set, const char *household_id, int no,
		     int yes, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_EDIT, e) != 0)
		return SIKS_EPERM;
	if (no < 1 || no > set->n)
		return siks_fail(e, SIKS_EINVAL, "criterion", _("Kriteria %d tidak ada dalam set %s"), no, set->name);
	if (set->c[no - 1].source[0])
		return siks_fail(e, SIKS_EINVAL, "criterion",
				 _("Kriteria %d dihitung dari data rumah tangga; ubah datanya, bukan jawabannya"), no);
	const char *value = yes < 0 ? NULL : yes ? "1" : "0";
	sqlite3_stmt *st = db_stmt(s, "SELECT id FROM indicator_answer WHERE household_id = ?1 AND set_name = ?2"
				   " AND set_version = ?3 AND criterion = ?4 ORDER BY id DESC LIMIT 1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, household_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, set->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, set->version);
	sqlite3_bind_int(st, 4, no);
	char id[33] = "";
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(id, sizeof id, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (id[0])
		return rec_save_field(s, "indicator_answer", id, "answer", value, e);

	siks_rec r;
	int rc = rec_init(&r, "indicator_answer");
	if (rc)
		return siks_fail(e, rc, "", _("Tabel indicator_answer tidak dikenal"));
	rec_set(&r, "household_id", household_id);
	rec_set(&r, "set_name", set->name);
	rec_set_int(&r, "set_version", set->version);
	rec_set_int(&r, "criterion", no);
	rec_set(&r, "answer", value);
	rc = rec_save(s, &r, e);
	rec_free(&r);
	return rc;
}

/* Stable class names stored in indicator_score.kelas (not translated). */
static const char *kelas_of(const siks_score *sc)
{
	return sc->poor > 0 ? "miskin" : sc->poor == 0 ? "tidak miskin" : "belum lengkap";
}

/* "1,2,3" of the criteria where pick(i) holds. */
static void list_of(char *out, size_t n, const siks_indset *set, const siks_score *sc, int computed)
{
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < set->n && len < n; i++) {
		int take = computed ? sc->computed[i] : (!sc->computed[i] && sc->state[i] >= 0);
		if (take)
			len += (size_t)snprintf(out + len, n - len, "%s%d", len ? "," : "", i + 1);
	}
}

int indicator_score_save(siks *s, const siks_indset *set, const char *household_id,
			 siks_score *out, siks_err *e)
{
	siks_score sc;
	int rc = indicator_evaluate(s, set, household_id, &sc, e);
	if (rc)
		return rc;
	char computed[100], answered[100], detail[SIKS_IND_MAX + 1], now[20];
	list_of(computed, sizeof computed, set, &sc, 1);
	list_of(answered, sizeof answered, set, &sc, 0);
	/* one character a criterion: 1 met, 0 not met, - unknown */
	for (int i = 0; i < set->n; i++)
		detail[i] = sc.state[i] > 0 ? '1' : sc.state[i] == 0 ? '0' : '-';
	detail[set->n] = '\0';
	plat_timestamp(now);

	siks_rec r;
	rc = rec_init(&r, "indicator_score");
	if (rc)
		return siks_fail(e, rc, "", _("Tabel indicator_score tidak dikenal"));
	rec_set(&r, "household_id", household_id);
	rec_set(&r, "set_name", set->name);
	rec_set_int(&r, "set_version", set->version);
	rec_set_int(&r, "met", sc.met);
	rec_set_int(&r, "total", sc.total);
	rec_set_int(&r, "threshold", sc.threshold);
	rec_set(&r, "kelas", kelas_of(&sc));
	rec_set(&r, "computed", computed);
	rec_set(&r, "answered", answered);
	rec_set(&r, "detail", detail);
	rec_set(&r, "scored_at", now);
	rc = rec_save(s, &r, e);
	rec_free(&r);
	if (rc == 0 && out)
		*out = sc;
	return rc;
}

void indicator_class_text(const siks_score *sc, char *out, size_t n)
{
	const char *k = sc->poor > 0 ? _("miskin") : sc->poor == 0 ? _("tidak miskin") : _("belum lengkap");
	if (sc->unknown > 0)
		snprintf(out, n, _("%d dari %d — %s (%d belum diketahui)"), sc->met, sc->total, k, sc->unknown);
	else
		snprintf(out, n, _("%d dari %d — %s"), sc->met, sc->total, k);
}

int indicator_rescore_all(siks *s, const siks_indset *set, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_EDIT, e) != 0)
		return -SIKS_EPERM;
	/* Ids first: scoring writes while the list is read. */
	size_t n = 0, cap = 0;
	char (*ids)[33] = NULL;
	sqlite3_stmt *st = db_stmt(s, "SELECT id FROM household ORDER BY id", e);
	if (!st)
		return -SIKS_EDB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			void *p = realloc(ids, cap * sizeof *ids);
			if (!p) {
				sqlite3_reset(st);
				free(ids);
				siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
				return -SIKS_ENOMEM;
			}
			ids = p;
		}
		snprintf(ids[n++], 33, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(ids);
		db_fail(s, e, "household");
		return -SIKS_EDB;
	}
	/* One transaction: all households re-scored, or none. */
	rc = db_begin(s, e);
	if (rc) {
		free(ids);
		return -rc;
	}
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = indicator_score_save(s, set, ids[i], NULL, e);
	free(ids);
	if (rc) {
		db_rollback(s);
		return -rc;
	}
	rc = db_commit(s, e);
	return rc ? -rc : (int)n;
}
