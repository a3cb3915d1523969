/* cmd_site.c — `siksdesa site enroll KODE [--out BERKAS]`,
 * `site join BERKAS [--kode KODE-AKTIVASI]`, `site list`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "siks/i18n.h"
#include "siks/sync.h"

static int site_enroll(cli_ctx *c, int argc, char **argv)
{
	const char *kode = NULL, *out = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (!kode && argv[i][0] != '-')
			kode = argv[i];
		else
			return cli_usage(c, "site");
	}
	if (!kode)
		return cli_usage(c, "site");
	siks *s = cli_open_site(c);
	if (!s)
		return 1;
	siks_err e = { 0 };
	char code[16], path[1024];
	int rc = sync_enroll(s, kode, out, code, path, sizeof path, &e);
	if (rc == 0) {
		printf(_("Desa %s terdaftar. Berkas pendaftaran: %s\n"), kode, path);
		printf(_("Kode aktivasi: %s\n"), code);
		printf(_("Serahkan berkas itu ke operator desa, dan sampaikan kode aktivasi secara terpisah "
			 "(telepon atau kertas). Di desa: siksdesa site join BERKAS --kode KODE\n"));
	} else {
		cli_err(c, rc == SIKS_EINVAL ? 2 : 1, &e);
	}
	siks_close(s);
	return rc == 0 ? 0 : (rc == SIKS_EINVAL ? 2 : 1);
}

static int site_join(cli_ctx *c, int argc, char **argv)
{
	const char *file = NULL, *code = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--kode") == 0 && i + 1 < argc)
			code = argv[++i];
		else if (!file && argv[i][0] != '-')
			file = argv[i];
		else
			return cli_usage(c, "site");
	}
	if (!file)
		return cli_usage(c, "site");
	char buf[64];
	if (!code) {
		fprintf(stderr, _("Kode aktivasi dari dinas sosial: "));
		if (!fgets(buf, sizeof buf, stdin))
			return cli_error(c, 2, _("kode aktivasi diperlukan (--kode)"));
		buf[strcspn(buf, "\r\n")] = '\0';
		code = buf;
	}
	siks *s = cli_open(c, 1);
	if (!s)
		return 1;
	siks_err e = { 0 };
	int rc = sync_join(s, file, code, &e);
	if (rc == 0)
		printf(_("Desa %s sekarang terdaftar di kabupaten. Kirim paket dengan: siksdesa sync export FOLDER\n"),
		       s->site_kode);
	else
		cli_err(c, rc == SIKS_EINVAL ? 2 : 1, &e);
	siks_close(s);
	return rc == 0 ? 0 : (rc == SIKS_EINVAL ? 2 : 1);
}

static int site_list(cli_ctx *c)
{
	siks *s = cli_open_site(c);
	if (!s)
		return 1;
	siks_err e = { 0 };
	sync_peer_status *v;
	int n;
	int rc = sync_status(s, &v, &n, &e);
	if (rc != 0) {
		cli_err(c, 1, &e);
		siks_close(s);
		return 1;
	}
	printf(_("Situs ini: %s %s\n"), s->site_kode, s->site_nama);
	for (int i = 0; i < n; i++)
		printf("%-15s %s\n", v[i].kode, v[i].nama);
	if (n == 0)
		printf(_("Belum ada pasangan terdaftar.\n"));
	free(v);
	siks_close(s);
	return 0;
}

int cmd_site(cli_ctx *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(c, "site");
	if (strcmp(argv[1], "enroll") == 0)
		return site_enroll(c, argc, argv);
	if (strcmp(argv[1], "join") == 0)
		return site_join(c, argc, argv);
	if (strcmp(argv[1], "list") == 0)
		return site_list(c);
	return cli_usage(c, "site");
}
