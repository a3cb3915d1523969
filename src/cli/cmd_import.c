/* cmd_import.c — `siksdesa import FILE [--dry-run] [--report FILE] [--map FILE]
 * [--encoding E] [--separator S]`: prints the dry-run summary and every
 * problem (line, column, reason); without --dry-run the good rows are saved
 * in one transaction. Exit status 1 when any row was rejected. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "siks/charset.h"
#include "siks/csv.h"
#include "siks/i18n.h"
#include "siks/import.h"
#include "siks/platform.h"

static const char *sep_name(char sep)
{
	switch (sep) {
	case ',': return _("koma");
	case ';': return _("titik koma");
	case '\t': return _("tab");
	case '|': return _("garis tegak");
	default: return "?";
	}
}

static void print_result(const imp_result *r, const char *path)
{
	printf(r->dry_run ? _("Uji coba impor %s (tidak ada yang disimpan)\n")
			  : _("Impor %s\n"), path);
	printf(_("  pengkodean %s, pemisah %s\n"), r->charset, sep_name(r->sep));
	if (r->ignored[0])
		printf(_("  kolom tidak dipakai: %s\n"), r->ignored);
	printf(_("  %ld baris data: %ld diterima, %ld ditolak; %ld peringatan\n"), r->rows,
	       r->rows - r->rows_rejected, r->rows_rejected, r->warnings);
	printf(_("  rumah tangga: %ld baru, %ld berubah, %ld sama\n"), r->hh_new, r->hh_changed,
	       r->hh_same);
	printf(_("  anggota:      %ld baru, %ld berubah, %ld sama\n"), r->mem_new, r->mem_changed,
	       r->mem_same);
	for (size_t i = 0; i < r->np; i++) {
		const imp_problem *p = &r->p[i];
		printf(_("baris %ld: %s: %s%s%s%s\n"), p->line,
		       p->severity == SIKS_ERROR ? _("DITOLAK") : _("peringatan"),
		       p->column[0] ? p->column : "-", p->value[0] ? " = \"" : "", p->value,
		       p->value[0] ? "\"" : "");
		printf("    %s\n", p->reason);
	}
}

int cmd_import(cli_ctx *c, int argc, char **argv)
{
	imp_opts o = { 0, NULL, CS_AUTO, 0 };
	const char *file = NULL, *report = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dry-run") == 0) {
			o.dry_run = 1;
		} else if (strcmp(argv[i], "--report") == 0 && i + 1 < argc) {
			report = argv[++i];
		} else if (strcmp(argv[i], "--map") == 0 && i + 1 < argc) {
			o.map_path = argv[++i];
		} else if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc) {
			o.charset = charset_from_name(argv[++i]);
			if (o.charset < 0)
				return cli_error(c, 2, _("pengkodean tidak dikenal: %s (utf-8, utf-16, windows-1252)"), argv[i]);
		} else if (strcmp(argv[i], "--separator") == 0 && i + 1 < argc) {
			o.sep = csv_sep_from_name(argv[++i]);
			if (!o.sep)
				return cli_error(c, 2, _("pemisah tidak dikenal: %s (, ; tab |)"), argv[i]);
		} else if (argv[i][0] == '-' || file) {
			return cli_usage(c, "import");
		} else {
			file = argv[i];
		}
	}
	if (!file)
		return cli_usage(c, "import");
	siks *s = cli_open_site(c);
	if (!s)
		return 1;
	imp_result r;
	siks_err e = { 0 };
	int64_t t0 = plat_now_ms();
	int rc = import_file(s, file, &o, &r, &e);
	int status = 0;
	if (rc != 0) {
		status = cli_err(c, 1, &e);
		if (!o.dry_run)
			fprintf(stderr, _("%s: tidak ada yang disimpan\n"), c->prog);
	} else {
		print_result(&r, file);
		printf(_("  (%.1f detik)\n"), (double)(plat_now_ms() - t0) / 1000.0);
		if (r.rows_rejected)
			status = 1;
	}
	if (report && rc == 0) {
		if (import_report_write(&r, report, &e) != 0)
			status = cli_err(c, 1, &e);
		else
			printf(_("Daftar masalah ditulis ke %s\n"), report);
	}
	imp_result_free(&r);
	siks_close(s);
	return status;
}
