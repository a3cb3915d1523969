/* cmd_household.c — `siksdesa household show ID`: one household and its
 * members, every field with its label, for a terminal or a script. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "siks/codes.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/privacy.h"
#include "siks/rec.h"

static void print_rec(siks *s, const siks_rec *r, const char *indent)
{
	for (int k = 0; k < r->t->nfields; k++) {
		const siks_field *f = &r->t->fields[k];
		const char *v = r->v[k];
		if (!v || f->kind == SIKS_K_REF)
			continue;
		printf("%s%-22s ", indent, _(f->label));
		if (f->kind == SIKS_K_CHOICE) {
			const char *l = codes_label(s->codes, f->codelist, atoi(v));
			printf("%s%s%s\n", v, l ? " " : "", l ? l : "");
		} else if (f->kind == SIKS_K_YESNO) {
			printf("%s\n", strcmp(v, "0") ? _("ya") : _("tidak"));
		} else if (f->kind == SIKS_K_DATE) {
			/* stored YYYY-MM-DD, shown DD-MM-YYYY */
			if (strlen(v) == 10)
				printf("%.2s-%.2s-%.4s\n", v + 8, v + 5, v);
			else
				printf("%s\n", v);
		} else if (f->kind == SIKS_K_DIGITS) {
			char m[64]; /* NIK, No KK: masked when the site says so (privacy.h) */
			printf("%s\n", siks_nik_display(s, v, m, sizeof m));
		} else {
			printf("%s\n", v);
		}
	}
}

int cmd_household(cli_ctx *c, int argc, char **argv)
{
	if (argc != 3 || strcmp(argv[1], "show") != 0)
		return cli_usage(c, "household");
	siks *s = cli_open_site(c);
	if (!s)
		return 1;
	siks_err e = { 0 };
	siks_rec hh;
	int rc = rec_load(s, &hh, "household", argv[2], &e);
	if (rc != 0) {
		rec_free(&hh);
		siks_close(s);
		return cli_err(c, 1, &e);
	}
	printf("%s %s\n", _("Rumah tangga"), hh.id);
	print_rec(s, &hh, "  ");
	rec_free(&hh);
	sqlite3_stmt *st = db_stmt(s, "SELECT id FROM member WHERE household_id=? ORDER BY shdk, tanggal_lahir, id", &e);
	if (!st) {
		siks_close(s);
		return cli_err(c, 1, &e);
	}
	sqlite3_bind_text(st, 1, argv[2], -1, SQLITE_TRANSIENT);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char id[33];
		snprintf(id, sizeof id, "%s", (const char *)sqlite3_column_text(st, 0));
		siks_rec m;
		if (rec_load(s, &m, "member", id, &e) == 0) {
			printf("\n  %s %d (%s)\n", _("Anggota"), ++n, m.id);
			print_rec(s, &m, "    ");
		}
		rec_free(&m);
	}
	sqlite3_reset(st);
	siks_close(s);
	return 0;
}
