/* cmd_check.c — `siksdesa check`: every validation rule over the whole
 * database, one line a finding:
 *   <household id, last 8> <head's name> | <member NIK name> | <field> | <severity>: <message>
 * then a count. Exit status 1 when any error was found. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/safety.h"
#include "siks/rec.h"
#include "siks/validate.h"

struct report {
	siks *s;
	long errors, warnings;
	char hid[33];      /* household whose head is in head[] */
	char head[64];
};

/* Name of the household's present head, or "(tanpa kepala)". */
static void head_name(struct report *r, const char *hid)
{
	if (strcmp(r->hid, hid) == 0)
		return;
	snprintf(r->hid, sizeof r->hid, "%s", hid);
	snprintf(r->head, sizeof r->head, "%s", _("(tanpa kepala keluarga)"));
	sqlite3_stmt *st = db_stmt(r->s,
		"SELECT nama FROM member WHERE household_id = ?1 AND shdk = 1"
		" AND coalesce(keberadaan, 1) NOT IN (2, 3, 4) ORDER BY id LIMIT 1", NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, hid, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(r->head, sizeof r->head, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
}

static void member_text(struct report *r, const siks_finding *fd, char *out, size_t n)
{
	snprintf(out, n, "-");
	if (strcmp(fd->table, "member") != 0 || !fd->record[0])
		return;
	sqlite3_stmt *st = db_stmt(r->s, "SELECT nik, nama FROM member WHERE id = ?1", NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, fd->record, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *nik = (const char *)sqlite3_column_text(st, 0);
		const char *nama = (const char *)sqlite3_column_text(st, 1);
		snprintf(out, n, "%s %s", nik ? nik : _("(tanpa NIK)"), nama ? nama : "");
	}
	sqlite3_reset(st);
}

static void print_finding(const siks_finding *fd, const char *hid, void *arg)
{
	struct report *r = arg;
	char member[128];
	head_name(r, hid);
	member_text(r, fd, member, sizeof member);
	const siks_table *t = siks_table_find(fd->table);
	const siks_field *f = t ? siks_field_find(t, fd->field) : NULL;
	if (!f)   /* household rules are about its members' fields (shdk) */
		f = siks_field_find(siks_table_find("member"), fd->field);
	size_t len = strlen(hid);
	printf("%s %s | %s | %s | %s: %s\n", len > 8 ? hid + len - 8 : hid, r->head, member,
	       f ? _(f->label) : fd->field,
	       fd->severity == SIKS_ERROR ? _("GALAT") : _("PERINGATAN"), fd->msg);
	if (fd->severity == SIKS_ERROR)
		r->errors++;
	else
		r->warnings++;
}

int cmd_check(cli_ctx *c, int argc, char **argv)
{
	if (argc > 1)
		return cli_usage(c, "check");
	siks *s = cli_open(c, 0);
	if (!s)
		return 1;
	/* the file itself first: siks_open skips this on large registers */
	char why[256] = "";
	if (safety_check_db(s->db, 0, why, sizeof why) != 0) {
		siks_close(s);
		return cli_error(c, 1, _("Berkas basis data rusak (%s); pulihkan dari cadangan: siksdesa restore BERKAS"), why);
	}
	struct report r = { .s = s };
	siks_err e = { 0 };
	int n = check_database(s, print_finding, &r, &e);
	long long hh = db_int(s, "SELECT count(*) FROM household", 0);
	long long mm = db_int(s, "SELECT count(*) FROM member", 0);
	siks_close(s);
	if (n < 0)
		return cli_err(c, 1, &e);
	printf(_("Diperiksa %lld rumah tangga dan %lld anggota: %ld galat, %ld peringatan.\n"),
	       hh, mm, r.errors, r.warnings);
	return r.errors > 0 ? 1 : 0;
}
