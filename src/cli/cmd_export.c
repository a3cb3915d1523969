/* cmd_export.c — `siksdesa export csv|xlsx FILE [--encoding E] [--separator S]
 * [--desa KODE]`. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "siks/charset.h"
#include "siks/csv.h"
#include "siks/export.h"
#include "siks/i18n.h"
#include "siks/platform.h"

int cmd_export(cli_ctx *c, int argc, char **argv)
{
	exp_opts o = { -1, 0, NULL, NULL };
	exp_filter f = { 0, NULL, NULL, NULL };
	const char *fmt = NULL, *file = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc) {
			o.charset = charset_from_name(argv[++i]);
			if (o.charset < 0)
				return cli_error(c, 2, _("pengkodean tidak dikenal: %s (utf-8-bom, utf-8, utf-16le, utf-16be, windows-1252)"), argv[i]);
		} else if (strcmp(argv[i], "--separator") == 0 && i + 1 < argc) {
			o.sep = csv_sep_from_name(argv[++i]);
			if (!o.sep)
				return cli_error(c, 2, _("pemisah tidak dikenal: %s (, ; tab |)"), argv[i]);
		} else if (strcmp(argv[i], "--desa") == 0 && i + 1 < argc) {
			f.desa = argv[++i];
			o.filter = &f;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(c, "export");
		} else if (!fmt) {
			fmt = argv[i];
		} else if (!file) {
			file = argv[i];
		} else {
			return cli_usage(c, "export");
		}
	}
	if (!fmt || !file || (strcmp(fmt, "csv") != 0 && strcmp(fmt, "xlsx") != 0))
		return cli_usage(c, "export");
	if (strcmp(fmt, "xlsx") == 0 && (o.charset >= 0 || o.sep))
		return cli_error(c, 2, _("--encoding dan --separator hanya untuk csv"));
	siks *s = cli_open_site(c);
	if (!s)
		return 1;
	siks_err e = { 0 };
	long rows = 0;
	int64_t t0 = plat_now_ms();
	int rc = strcmp(fmt, "csv") == 0 ? export_csv(s, file, &o, &rows, &e)
					 : export_xlsx(s, file, o.filter, &rows, &e);
	int status = 0;
	if (rc != 0)
		status = cli_err(c, 1, &e);
	else
		printf(_("%ld anggota ditulis ke %s (%.1f detik)\n"), rows, file,
		       (double)(plat_now_ms() - t0) / 1000.0);
	siks_close(s);
	return status;
}
