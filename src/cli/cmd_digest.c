/* cmd_digest.c — `siksdesa digest [--desa KODE]`: the fingerprint of the
 * records this site shares (at the district: with one village). */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "siks/i18n.h"
#include "siks/sync.h"

int cmd_digest(cli_ctx *c, int argc, char **argv)
{
	const char *desa = NULL;
	if (argc == 3 && strcmp(argv[1], "--desa") == 0)
		desa = argv[2];
	else if (argc != 1)
		return cli_usage(c, "digest");
	siks *s = cli_open_site(c);
	if (!s)
		return 1;
	siks_err e = { 0 };
	char d[65];
	int rc = sync_digest(s, desa, d, &e);
	if (rc == 0)
		printf("%s\n", d);
	else
		cli_err(c, 1, &e);
	siks_close(s);
	return rc == 0 ? 0 : 1;
}
