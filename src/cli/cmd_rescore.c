/* cmd_rescore.c — `siksdesa rescore [--set NAME]`: scores every household
 * again with the current version of an indicator set. Old score rows stay. */
#include <stdio.h>
#include <string.h>
#include "siks/i18n.h"
#include "siks/indicator.h"
#include "cli.h"

int cmd_rescore(cli_ctx *c, int argc, char **argv)
{
	if (cli_wants_help(c, argc, argv))
		return 0;
	const char *name = "bps14";
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--set") == 0 && i + 1 < argc)
			name = argv[++i];
		else if (strncmp(argv[i], "--set=", 6) == 0)
			name = argv[i] + 6;
		else
			return cli_usage(c, "rescore");
	}
	siks *s = cli_open_site(c);
	if (!s)
		return 1;
	siks_err e = { 0 };
	siks_indset set;
	int status = 0;
	if (indset_load(&set, s->datadir, name, &e) != 0) {
		status = cli_err(c, 1, &e);
	} else {
		int n = indicator_rescore_all(s, &set, &e);
		if (n < 0)
			status = cli_err(c, 1, &e);
		else
			printf(_("%d rumah tangga dinilai ulang dengan set %s versi %d\n"), n, set.name, set.version);
	}
	siks_close(s);
	return status;
}
