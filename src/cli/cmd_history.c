/* cmd_history.c — `siksdesa history`: the change history (history.h) as
 * lines on the terminal, or a CSV file. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "siks/history.h"
#include "siks/i18n.h"
#include "siks/privacy.h"

struct show {
	siks *s;
	int mask;
	long n;
};

static int show_row(void *ctx, const history_row *r)
{
	struct show *sh = ctx;
	char oldv[1024], newv[1024];
	if (sh->mask) {
		siks_mask_text(r->old_value, oldv, sizeof oldv);
		siks_mask_text(r->new_value, newv, sizeof newv);
	} else {
		snprintf(oldv, sizeof oldv, "%s", r->old_value);
		snprintf(newv, sizeof newv, "%s", r->new_value);
	}
	const char *arrow = siks_i18n_utf8() ? "→" : "->";
	printf("%s  %-16s %-10s %s  %s: %s %s %s\n", r->ts, r->operator_name, r->table,
	       r->who[0] ? r->who : r->rec, r->field_label, oldv[0] ? oldv : "-", arrow,
	       newv[0] ? newv : "-");
	sh->n++;
	return 0;
}

int cmd_history(cli_ctx *c, int argc, char **argv)
{
	history_filter f = { 0 };
	const char *csv = NULL;
	for (int i = 1; i < argc; i++) {
		const char **dst = NULL;
		if (strcmp(argv[i], "--household") == 0)
			dst = &f.household;
		else if (strcmp(argv[i], "--record") == 0)
			dst = &f.record;
		else if (strcmp(argv[i], "--from") == 0)
			dst = &f.from;
		else if (strcmp(argv[i], "--to") == 0)
			dst = &f.to;
		else if (strcmp(argv[i], "--by") == 0)
			dst = &f.operator_name;
		else if (strcmp(argv[i], "--csv") == 0)
			dst = &csv;
		if (!dst || i + 1 >= argc)
			return cli_usage(c, "history");
		*dst = argv[++i];
	}
	siks *s = cli_open_site(c);
	if (!s)
		return 1;
	siks_err e = { 0 };
	int rc = 0;
	if (csv) {
		int64_t rows = 0;
		if (history_export_csv(s, &f, csv, &rows, &e) != 0)
			rc = cli_err(c, 1, &e);
		else
			printf(_("%lld baris riwayat ditulis ke %s\n"), (long long)rows, csv);
	} else {
		struct show sh = { s, siks_mask_nik_enabled(s), 0 };
		if (history_each(s, &f, show_row, &sh, &e) != 0)
			rc = cli_err(c, 1, &e);
		else if (sh.n == 0)
			printf(_("Tidak ada perubahan yang cocok\n"));
	}
	siks_close(s);
	return rc;
}
