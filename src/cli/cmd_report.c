/* cmd_report.c — `siksdesa report bnba [MUSDES] | kartu ID | ringkasan |
 * triwulan TAHUN-TRIWULAN [--csv FILE]`, each with [--html FILE]: the text
 * form on the terminal, or the A4 HTML form written to FILE. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "siks/i18n.h"
#include "siks/report.h"
#include "siks/strbuf.h"

int cmd_report(cli_ctx *c, int argc, char **argv)
{
	const char *kind = NULL, *arg = NULL, *html = NULL, *csv = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--html") == 0 && i + 1 < argc)
			html = argv[++i];
		else if (strcmp(argv[i], "--csv") == 0 && i + 1 < argc)
			csv = argv[++i];
		else if (argv[i][0] == '-')
			return cli_usage(c, "report");
		else if (!kind)
			kind = argv[i];
		else if (!arg)
			arg = argv[i];
		else
			return cli_usage(c, "report");
	}
	if (!kind)
		return cli_usage(c, "report");
	int year = 0, quarter = 0;
	if (strcmp(kind, "triwulan") == 0) {
		if (!arg || sscanf(arg, "%d-%d", &year, &quarter) != 2)
			return cli_error(c, 2, _("triwulan ditulis TAHUN-TRIWULAN, misalnya 2026-3"));
	} else if (csv) {
		return cli_usage(c, "report");
	}
	if (strcmp(kind, "kartu") == 0 && !arg)
		return cli_usage(c, "report");
	if ((strcmp(kind, "ringkasan") == 0 && arg) ||
	    (strcmp(kind, "bnba") && strcmp(kind, "kartu") && strcmp(kind, "ringkasan") &&
	     strcmp(kind, "triwulan")))
		return cli_usage(c, "report");
	siks *s = cli_open_site(c);
	if (!s)
		return 1;
	strbuf text = { 0 };
	rpt_out o = { html ? NULL : &text, html };
	siks_err e = { 0 };
	long rows = 0;
	int rc;
	if (strcmp(kind, "bnba") == 0)
		rc = report_bnba(s, arg, &o, &e);
	else if (strcmp(kind, "kartu") == 0)
		rc = report_kartu(s, arg, &o, &e);
	else if (strcmp(kind, "ringkasan") == 0)
		rc = report_ringkasan(s, &o, &e);
	else
		rc = report_triwulan(s, year, quarter, csv, &rows, &o, &e);
	int status = 0;
	if (rc != 0) {
		status = cli_err(c, 1, &e);
	} else {
		if (text.p)
			fputs(text.p, stdout);
		if (csv)
			printf(_("Berkas pengajuan ditulis ke %s (%ld anggota)\n"), csv, rows);
		if (html)
			printf(_("Laporan ditulis ke %s (buka di peramban, cetak A4)\n"), html);
	}
	sb_free(&text);
	siks_close(s);
	return status;
}
