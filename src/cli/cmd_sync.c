/* cmd_sync.c — `siksdesa sync export FOLDER | import FOLDER|BERKAS |
 * status [--csv] | konflik [--semua] | putuskan NO tetap|ganti | ganda [--csv]`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "siks/i18n.h"
#include "siks/sync.h"

static int do_export(cli_ctx *c, siks *s, const char *dir)
{
	sync_out *o;
	int n;
	siks_err e = { 0 };
	int rc = sync_export(s, dir, &o, &n, &e);
	for (int i = 0; i < n; i++)
		printf(_("Terkirim ke %s: paket no %lld, %lld perubahan: %s\n"), o[i].peer_kode, (long long)o[i].seq,
		       (long long)o[i].nchanges, o[i].path);
	free(o);
	if (rc != 0)
		return cli_err(c, 1, &e);
	return 0;
}

static int do_import(cli_ctx *c, siks *s, const char *path)
{
	sync_in *r;
	int n;
	siks_err e = { 0 };
	int rc = sync_import(s, path, &r, &n, &e);
	for (int i = 0; i < n; i++) {
		if (r[i].status == 0)
			printf(_("Diterima dari %s: paket no %lld, %lld perubahan dipakai, %lld konflik baru\n"),
			       r[i].peer_kode, (long long)r[i].seq, (long long)r[i].applied, (long long)r[i].conflicts);
		else if (r[i].status == 1)
			printf(_("Sudah diterima sebelumnya: paket no %lld dari %s (tidak ada yang berubah)\n"),
			       (long long)r[i].seq, r[i].peer_kode);
		else
			cli_error(c, 1, _("%s ditolak: %s"), r[i].path, r[i].err.msg);
	}
	if (n == 0 && rc == 0)
		printf(_("Tidak ada paket untuk situs ini di %s\n"), path);
	if (n == 0 && rc != 0)
		cli_err(c, 1, &e);
	free(r);
	return rc == 0 ? 0 : 1;
}

static void csv_field(const char *v)
{
	if (strpbrk(v, ",\"\n")) {
		putchar('"');
		for (; *v; v++) {
			if (*v == '"')
				putchar('"');
			putchar(*v);
		}
		putchar('"');
	} else {
		fputs(v, stdout);
	}
}

static int do_status(cli_ctx *c, siks *s, int csv)
{
	sync_peer_status *v;
	int n;
	siks_err e = { 0 };
	if (sync_status(s, &v, &n, &e) != 0)
		return cli_err(c, 1, &e);
	if (csv) {
		printf("kode,nama,paket_terakhir,diterima,perubahan,terkirim_terakhir,dikirim,dikonfirmasi,"
		       "belum_dikonfirmasi,rumah_tangga,anggota,usulan_draf,usulan_setuju_musdes,usulan_tolak_musdes,"
		       "usulan_dikirim,usulan_diterima,usulan_ditolak,konflik,ganda,terlambat\n");
		for (int i = 0; i < n; i++) {
			sync_peer_status *p = &v[i];
			csv_field(p->kode);
			putchar(',');
			csv_field(p->nama);
			printf(",%lld,%s,%lld,%lld,%s,%lld,%lld,%lld,%lld", (long long)p->last_in_seq, p->last_in_at,
			       (long long)p->last_in_changes, (long long)p->last_out_seq, p->last_out_at,
			       (long long)p->acked_out_seq, (long long)p->pending, (long long)p->households,
			       (long long)p->members);
			for (int k = 1; k <= 6; k++)
				printf(",%lld", (long long)p->usulan[k]);
			printf(",%lld,%lld,%d\n", (long long)p->conflicts_open, (long long)p->duplicates, p->late);
		}
		free(v);
		return 0;
	}
	printf(_("Situs ini: %s %s\n"), s->site_kode, s->site_nama);
	if (n == 0)
		printf(_("Belum ada pasangan terdaftar.\n"));
	for (int i = 0; i < n; i++) {
		sync_peer_status *p = &v[i];
		printf("\n%s %s%s\n", p->kode, p->nama, p->late ? _("  [TERLAMBAT: belum ada paket bulan ini]") : "");
		if (p->last_in_seq)
			printf(_("  Terakhir diterima: paket no %lld pada %s (%lld perubahan)\n"), (long long)p->last_in_seq,
			       p->last_in_at, (long long)p->last_in_changes);
		else
			printf(_("  Terakhir diterima: belum pernah\n"));
		if (p->last_out_seq)
			printf(_("  Terakhir dikirim: paket no %lld pada %s; dikonfirmasi sampai no %lld; %lld perubahan belum dikonfirmasi\n"),
			       (long long)p->last_out_seq, p->last_out_at, (long long)p->acked_out_seq, (long long)p->pending);
		else
			printf(_("  Terakhir dikirim: belum pernah; %lld perubahan menunggu\n"), (long long)p->pending);
		printf(_("  Rumah tangga %lld, anggota %lld\n"), (long long)p->households, (long long)p->members);
		printf(_("  Usulan: draf %lld, disetujui musdes %lld, ditolak musdes %lld, dikirim %lld, diterima %lld, ditolak dinas %lld\n"),
		       (long long)p->usulan[1], (long long)p->usulan[2], (long long)p->usulan[3], (long long)p->usulan[4],
		       (long long)p->usulan[5], (long long)p->usulan[6]);
		printf(_("  Konflik terbuka %lld, NIK ganda antar desa %lld\n"), (long long)p->conflicts_open,
		       (long long)p->duplicates);
	}
	free(v);
	return 0;
}

static int do_conflicts(cli_ctx *c, siks *s, int all)
{
	sync_conflict *v;
	int n;
	siks_err e = { 0 };
	if (sync_conflicts(s, !all, &v, &n, &e) != 0)
		return cli_err(c, 1, &e);
	if (n == 0)
		printf(all ? _("Tidak ada konflik.\n") : _("Tidak ada konflik terbuka.\n"));
	for (int i = 0; i < n; i++) {
		sync_conflict *k = &v[i];
		printf(_("Konflik no %lld [%s] %s %s, kolom %s\n"), (long long)k->id, k->status, k->tbl, k->rec, k->field);
		printf(_("  dipakai   : %s  (%s, %s, %s)\n"), k->win_value ? k->win_value : _("(kosong)"), k->win_site,
		       k->win_who, k->win_when);
		printf(_("  tersimpan : %s  (%s, %s, %s)\n"), k->lose_value ? k->lose_value : _("(kosong)"), k->lose_site,
		       k->lose_who, k->lose_when);
	}
	if (n && !all)
		printf(_("Putuskan dengan: siksdesa sync putuskan NO tetap|ganti\n"));
	sync_conflicts_free(v, n);
	return 0;
}

static int do_resolve(cli_ctx *c, siks *s, const char *no, const char *choice)
{
	char *end;
	long long id = strtoll(no, &end, 10);
	int take;
	if (*end || id <= 0)
		return cli_usage(c, "sync");
	if (strcmp(choice, "tetap") == 0)
		take = 0;
	else if (strcmp(choice, "ganti") == 0)
		take = 1;
	else
		return cli_usage(c, "sync");
	siks_err e = { 0 };
	if (sync_conflict_resolve(s, id, take, &e) != 0)
		return cli_err(c, 1, &e);
	printf(take ? _("Konflik no %lld: nilai yang tersimpan dipakai kembali; keputusan ikut terkirim.\n")
		    : _("Konflik no %lld: nilai yang dipakai tetap; keputusan ikut terkirim.\n"), id);
	return 0;
}

static int do_dups(cli_ctx *c, siks *s, int csv)
{
	sync_dup *v;
	int n;
	siks_err e = { 0 };
	if (sync_duplicates(s, &v, &n, &e) != 0)
		return cli_err(c, 1, &e);
	if (csv)
		printf("nik,desa_a,rumah_tangga_a,nama_a,desa_b,rumah_tangga_b,nama_b\n");
	else if (n == 0)
		printf(_("Tidak ada NIK yang tercatat di dua desa.\n"));
	for (int i = 0; i < n; i++) {
		if (csv) {
			printf("%s,%s,%s,", v[i].nik, v[i].desa_a, v[i].hh_a);
			csv_field(v[i].nama_a);
			printf(",%s,%s,", v[i].desa_b, v[i].hh_b);
			csv_field(v[i].nama_b);
			putchar('\n');
		} else {
			printf(_("NIK %s: %s (desa %s, rumah tangga %s) dan %s (desa %s, rumah tangga %s)\n"), v[i].nik,
			       v[i].nama_a, v[i].desa_a, v[i].hh_a, v[i].nama_b, v[i].desa_b, v[i].hh_b);
		}
	}
	free(v);
	return 0;
}

int cmd_sync(cli_ctx *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(c, "sync");
	const char *sub = argv[1];
	int csv = argc == 3 && strcmp(argv[2], "--csv") == 0;
	int all = argc == 3 && strcmp(argv[2], "--semua") == 0;
	int ok = (strcmp(sub, "export") == 0 && argc == 3) || (strcmp(sub, "import") == 0 && argc == 3) ||
		 ((strcmp(sub, "status") == 0 || strcmp(sub, "ganda") == 0) && (argc == 2 || csv)) ||
		 (strcmp(sub, "konflik") == 0 && (argc == 2 || all)) || (strcmp(sub, "putuskan") == 0 && argc == 4);
	if (!ok)
		return cli_usage(c, "sync");
	siks *s = cli_open_site(c);
	if (!s)
		return 1;
	int rc;
	if (strcmp(sub, "export") == 0)
		rc = do_export(c, s, argv[2]);
	else if (strcmp(sub, "import") == 0)
		rc = do_import(c, s, argv[2]);
	else if (strcmp(sub, "status") == 0)
		rc = do_status(c, s, csv);
	else if (strcmp(sub, "konflik") == 0)
		rc = do_conflicts(c, s, all);
	else if (strcmp(sub, "putuskan") == 0)
		rc = do_resolve(c, s, argv[2], argv[3]);
	else
		rc = do_dups(c, s, csv);
	siks_close(s);
	return rc;
}
