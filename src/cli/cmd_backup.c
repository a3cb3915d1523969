/* cmd_backup.c — `siksdesa backup [FOLDER]`, `backup --list` and
 * `siksdesa restore FILE` (backup.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "siks/backup.h"
#include "siks/i18n.h"

static int list_backups(cli_ctx *c)
{
	backup_info *v;
	size_t n;
	siks_err e = { 0 };
	if (backup_list(c->db_path, &v, &n, &e) != 0)
		return cli_err(c, 1, &e);
	if (n == 0)
		printf(_("Belum ada cadangan untuk %s\n"), c->db_path);
	for (size_t i = 0; i < n; i++)
		printf("%s  %-8s %8.1f MB  %s\n", v[i].when, v[i].kind, (double)v[i].size / 1e6, v[i].path);
	free(v);
	return 0;
}

int cmd_backup(cli_ctx *c, int argc, char **argv)
{
	if (argc > 2)
		return cli_usage(c, "backup");
	if (argc == 2 && strcmp(argv[1], "--list") == 0)
		return list_backups(c);
	if (argc == 2 && argv[1][0] == '-')
		return cli_usage(c, "backup");
	siks *s = cli_open(c, 0);
	if (!s)
		return 1;
	siks_err e = { 0 };
	char out[1400];
	int rc = backup_run(s, argc == 2 ? argv[1] : NULL, out, sizeof out, &e);
	siks_close(s);
	if (rc != 0)
		return cli_err(c, 1, &e);
	printf(_("Cadangan dibuat: %s\n"), out);
	return 0;
}

int cmd_restore(cli_ctx *c, int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-')
		return cli_usage(c, "restore");
	const char *file = argv[1];
	siks *s = NULL;
	siks_err e = { 0 };
	int rc = siks_open(&s, c->db_path, 0, &e);
	if (rc == SIKS_EFORMAT && strcmp(e.field, "integrity") == 0) {
		/* the register itself is damaged: nobody can log in to it, and nothing
		 * in it can be lost by putting it aside; the backup is still checked */
		char aside[1200];
		fprintf(stderr, "%s: %s\n", c->prog, e.msg);
		if (backup_restore_damaged(c->db_path, file, aside, sizeof aside, &e) != 0)
			return cli_err(c, 1, &e);
		printf(_("Berkas rusak disimpan sebagai %s\n"), aside);
		printf(_("Basis data dipulihkan dari %s\n"), file);
		return 0;
	}
	if (rc != 0)
		return cli_err(c, 1, &e);
	if (cli_login(c, s) != 0) {
		siks_close(s);
		return 1;
	}
	backup_info in;
	if (backup_check_file(s, file, &in, &e) != 0) {
		siks_close(s);
		return cli_err(c, 1, &e);
	}
	rc = backup_restore(s, file, &e);
	siks_close(s);
	if (rc != 0)
		return cli_err(c, 1, &e);
	printf(_("Basis data dipulihkan dari %s (%s; %lld rumah tangga, %lld anggota)\n"), file, in.when,
	       (long long)in.households, (long long)in.members);
	printf(_("Keadaan sebelumnya disimpan di folder cadangan (sebelum-pemulihan)\n"));
	return 0;
}
