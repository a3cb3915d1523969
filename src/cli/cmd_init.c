/* cmd_init.c — `siksdesa init --desa KODE | --kabupaten KODE`. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "siks/i18n.h"
#include "siks/wilayah.h"

int cmd_init(cli_ctx *c, int argc, char **argv)
{
	const char *kode = NULL, *nama = NULL;
	int role = SIKS_SITE_NONE;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--desa") == 0 && i + 1 < argc) {
			role = SIKS_SITE_DESA;
			kode = argv[++i];
		} else if (strcmp(argv[i], "--kabupaten") == 0 && i + 1 < argc) {
			role = SIKS_SITE_KABUPATEN;
			kode = argv[++i];
		} else if (strcmp(argv[i], "--nama") == 0 && i + 1 < argc) {
			nama = argv[++i];
		} else {
			return cli_usage(c, "init");
		}
	}
	if (!kode)
		return cli_usage(c, "init");
	siks *s = cli_open(c, 1);
	if (!s)
		return 1;
	siks_err e = { 0 };
	/* the name from the region list when it is loaded and none was given */
	char known[128] = "";
	if (!nama && wilayah_name(s, kode, known, sizeof known) == 0)
		nama = known;
	int rc = siks_site_init(s, role, kode, nama, &e);
	if (rc == 0)
		printf(_("Basis data %s disiapkan untuk %s %s.\n"), c->db_path, s->site_kode,
		       s->site_nama[0] ? s->site_nama : _("(nama belum diisi; impor daftar wilayah)"));
	else
		cli_err(c, rc == SIKS_EINVAL ? 2 : 1, &e);
	siks_close(s);
	return rc == 0 ? 0 : (rc == SIKS_EINVAL ? 2 : 1);
}
