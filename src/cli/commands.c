/* commands.c — the subcommand table (one line a command: its usage and help
 * are the one source of --help) and the helpers every command uses. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "siks/i18n.h"

int cmd_init(cli_ctx *c, int argc, char **argv);
int cmd_household(cli_ctx *c, int argc, char **argv);
int cmd_wilayah(cli_ctx *c, int argc, char **argv);
int cmd_rescore(cli_ctx *c, int argc, char **argv);
int cmd_check(cli_ctx *c, int argc, char **argv);
int cmd_demo(cli_ctx *c, int argc, char **argv);

/* One line a command; its usage and help are the one source of --help. */
static const cli_cmd commands[] = {
	{ "init", cmd_init, N_("init --desa KODE | --kabupaten KODE [--nama NAMA]"),
	  N_("Menyiapkan basis data baru untuk satu desa/kelurahan (--desa 35.28.01.2001) "
	     "atau untuk dinas sosial kabupaten (--kabupaten 35.28)."), 0 },
	{ "household", cmd_household, N_("household show ID"),
	  N_("Menampilkan satu rumah tangga dengan anggotanya."), 1 },
	{ "wilayah", cmd_wilayah, N_("wilayah import BERKAS | wilayah show KODE"),
	  N_("import: memuat daftar kode wilayah Kemendagri dari CSV kode,nama (misalnya "
	     "wilayah.csv, 91.599 baris); tingkatnya dibaca dari bentuk kode, baris rusak "
	     "ditolak dengan nomor barisnya dan tidak ada yang dimuat. show: menampilkan "
	     "satu wilayah dengan wilayah di atasnya."), 0 },
	{ "rescore", cmd_rescore, N_("rescore [--set NAMA]"),
	  N_("Menilai ulang semua rumah tangga dengan versi terbaru set indikator "
	     "(bawaan: bps14, 14 kriteria BPS). Skor lama tetap tersimpan."), 1 },
	{ "check", cmd_check, N_("check"),
	  N_("Memeriksa seluruh basis data dengan semua aturan isian: satu baris untuk setiap temuan "
	     "(rumah tangga, anggota, isian, galat atau peringatan, pesan). Status keluar 1 bila ada galat."), 0 },
	{ "demo", cmd_demo, N_("demo"),
	  N_("Membuat basis data demo (harus berkas baru, pakai --db BERKAS): Desa Dabuan, Kecamatan Tlanakan, "
	     "Pamekasan, sekitar 300 rumah tangga dan 1.100 anggota, dengan beberapa kesalahan yang sengaja "
	     "ditanam untuk ditemukan oleh perintah check. Hasilnya selalu sama."), 0 },
};
static const size_t ncommands = sizeof commands / sizeof *commands;

const cli_cmd *cli_find(const char *name)
{
	for (size_t i = 0; i < ncommands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int cli_error(cli_ctx *c, int status, const char *fmt, ...)
{
	fprintf(stderr, "%s: ", c->prog);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

int cli_err(cli_ctx *c, int status, const siks_err *e)
{
	return cli_error(c, status, "%s", e->msg[0] ? e->msg : _("gagal"));
}

siks *cli_open(cli_ctx *c, int create)
{
	siks *s;
	siks_err e = { 0 };
	if (siks_open(&s, c->db_path, create ? SIKS_OPEN_CREATE : 0, &e) != 0) {
		cli_err(c, 1, &e);
		return NULL;
	}
	return s;
}

siks *cli_open_site(cli_ctx *c)
{
	siks *s = cli_open(c, 0);
	if (s && s->site_role == SIKS_SITE_NONE) {
		cli_error(c, 1, _("basis data %s belum disiapkan; jalankan dulu: siksdesa init --desa KODE"), c->db_path);
		siks_close(s);
		return NULL;
	}
	return s;
}

/* Until the full-screen UI (src/tui/) is linked in, say so. */
__attribute__((weak)) int tui_main(cli_ctx *c)
{
	return cli_error(c, 1, _("layar penuh belum tersedia dalam versi ini; lihat siksdesa --help"));
}

static void print_cmd_help(const cli_cmd *k)
{
	printf(_("Pemakaian: siksdesa [--db BERKAS] %s\n"), _(k->usage));
	printf("\n%s\n", _(k->help));
}

int cli_wants_help(cli_ctx *c, int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			const cli_cmd *k = cli_find(argv[0]);
			if (k)
				print_cmd_help(k);
			return 1;
		}
	return 0;
}

int cli_usage(cli_ctx *c, const char *cmd)
{
	const cli_cmd *k = cli_find(cmd);
	if (k)
		fprintf(stderr, _("Pemakaian: siksdesa %s\n"), _(k->usage));
	return 2;
}

void cli_usage_all(FILE *f)
{
	fprintf(f, _("siksdesa %s — register kesejahteraan sosial desa (DTKS)\n\n"), siks_version());
	fprintf(f, _("Pemakaian: siksdesa [--db BERKAS] [--lang id|en] [PERINTAH ...]\n"
		     "Tanpa perintah: membuka layar penuh.\n\nPerintah:\n"));
	for (size_t i = 0; i < ncommands; i++)
		fprintf(f, "  %s\n", _(commands[i].usage));
	fprintf(f, _("\nOpsi umum:\n"
		     "  --db BERKAS    basis data (bawaan: $SIKSDESA_DB atau ~/.local/share/siksdesa/siksdesa.db)\n"
		     "  --lang id|en   bahasa tampilan (bawaan: Indonesia)\n"
		     "  --version      versi program\n"
		     "  --help         bantuan ini; PERINTAH --help untuk satu perintah\n"));
}

