/* cmd_wilayah.c — `siksdesa wilayah import FILE` and `wilayah show KODE`. */
#include <stdio.h>
#include <string.h>
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/wilayah.h"
#include "cli.h"

static const char *level_name(int level)
{
	switch (level) {
	case WIL_PROVINSI: return _("provinsi");
	case WIL_KABUPATEN: return _("kabupaten/kota");
	case WIL_KECAMATAN: return _("kecamatan");
	default: return _("desa/kelurahan");
	}
}

static int show(cli_ctx *c, siks *s, const char *kode)
{
	if (wilayah_level(kode) == 0)
		return cli_error(c, 2, _("kode wilayah \"%s\" tidak sah (bentuk 35, 35.28, 35.28.01 atau 35.28.01.2001)"), kode);
	char nama[256];
	if (wilayah_name(s, kode, nama, sizeof nama) != 0)
		return cli_error(c, 1, _("kode wilayah %s tidak ada dalam daftar; impor dulu dengan: wilayah import BERKAS"), kode);
	/* The chain from the province down: each prefix up to a dot. */
	char part[20];
	for (size_t i = 0; i <= strlen(kode); i++) {
		if (kode[i] != '.' && kode[i] != '\0')
			continue;
		snprintf(part, sizeof part, "%.*s", (int)i, kode);
		if (wilayah_name(s, part, nama, sizeof nama) != 0)
			snprintf(nama, sizeof nama, "%s", _("(tidak ada dalam daftar)"));
		printf("%-14s %-16s %s\n", part, level_name(wilayah_level(part)), nama);
	}
	if (wilayah_level(kode) < WIL_DESA)
		printf(_("%ld wilayah di bawahnya\n"), wilayah_count_under(s, kode));
	return 0;
}

int cmd_wilayah(cli_ctx *c, int argc, char **argv)
{
	if (cli_wants_help(c, argc, argv))
		return 0;
	if (argc != 3 || (strcmp(argv[1], "import") != 0 && strcmp(argv[1], "show") != 0))
		return cli_usage(c, "wilayah");
	/* The region list may be loaded before `init` (init checks the code). */
	siks *s = cli_open(c, strcmp(argv[1], "import") == 0);
	if (!s)
		return 1;
	int status = 0;
	if (strcmp(argv[1], "import") == 0) {
		siks_err e = { 0 };
		long n = 0;
		int64_t t0 = plat_now_ms();
		if (wilayah_import(s, argv[2], &n, &e) != 0) {
			status = cli_err(c, 1, &e);
		} else {
			printf(_("%ld wilayah diimpor dari %s (%.1f detik)\n"), n, argv[2],
			       (double)(plat_now_ms() - t0) / 1000.0);
		}
	} else {
		status = show(c, s, argv[2]);
	}
	siks_close(s);
	return status;
}
