/* cmd_demo.c — `siksdesa --db FILE demo`: a new database holding the demo
 * village (see include/siks/demo.h and docs/demo.md). */
#include <stdio.h>
#include "cli.h"
#include "siks/demo.h"
#include "siks/i18n.h"

int cmd_demo(cli_ctx *c, int argc, char **argv)
{
	if (argc > 1)
		return cli_usage(c, "demo");
	siks *s = cli_open(c, 1);
	if (!s)
		return 1;
	demo_info info;
	siks_err e = { 0 };
	int rc = demo_build(s, &info, &e);
	siks_close(s);
	if (rc != 0)
		return cli_err(c, 1, &e);
	printf(_("Demo dibuat di %s: Desa %s (%s), %ld rumah tangga, %ld anggota, %ld program, %ld usulan.\n"),
	       c->db_path, DEMO_NAMA, DEMO_KODE, info.households, info.members, info.programs, info.usulan);
	printf(_("Ada %d kesalahan yang sengaja ditanam (lihat docs/demo.md); temukan dengan: siksdesa --db %s check\n"),
	       info.nplanted, c->db_path);
	return 0;
}
