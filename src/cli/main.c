/* main.c — siksdesa's entry: global options, then a subcommand from the
 * table in commands.c, or the full-screen UI when there is none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "siks/i18n.h"
#include "siks/platform.h"

static char db_buf[1024];

int main(int argc, char **argv)
{
	cli_ctx c = { NULL, NULL, "siksdesa", NULL };
	int i = 1;
	/* --lang first: messages about the other options are already translated */
	for (int j = 1; j + 1 < argc; j++)
		if (strcmp(argv[j], "--lang") == 0)
			c.lang = argv[j + 1];
	siks_i18n_init(c.lang);

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			c.db_path = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			c.db_path = argv[i] + 5;
		} else if (strcmp(argv[i], "--operator") == 0 && i + 1 < argc) {
			c.operator_name = argv[++i];
		} else if (strncmp(argv[i], "--operator=", 11) == 0) {
			c.operator_name = argv[i] + 11;
		} else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
			i++;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("siksdesa %s\n", siks_version());
			return 0;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_usage_all(stdout);
			return 0;
		} else {
			cli_error(&c, 2, _("opsi tidak dikenal: %s"), argv[i]);
			cli_usage_all(stderr);
			return 2;
		}
	}
	if (!c.operator_name && getenv("SIKSDESA_OPERATOR") && *getenv("SIKSDESA_OPERATOR"))
		c.operator_name = getenv("SIKSDESA_OPERATOR");
	if (!c.db_path) {
		if (plat_default_db(db_buf, sizeof db_buf) != 0)
			return cli_error(&c, 1, _("folder data pengguna tidak dapat dibuat"));
		c.db_path = db_buf;
	}
	if (i >= argc)
		return tui_main(&c);

	const cli_cmd *k = cli_find(argv[i]);
	if (!k) {
		cli_error(&c, 2, _("perintah tidak dikenal: %s"), argv[i]);
		cli_usage_all(stderr);
		return 2;
	}
	if (cli_wants_help(&c, argc - i, argv + i))
		return 0;
	return k->run(&c, argc - i, argv + i);
}
