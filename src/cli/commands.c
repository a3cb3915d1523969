/* commands.c — the subcommand table (one line a command: its usage and help
 * are the one source of --help) and the helpers every command uses. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "siks/auth.h"
#include "siks/backup.h"
#include "siks/i18n.h"
#include "siks/platform.h"

int cmd_init(cli_ctx *c, int argc, char **argv);
int cmd_household(cli_ctx *c, int argc, char **argv);
int cmd_wilayah(cli_ctx *c, int argc, char **argv);
int cmd_rescore(cli_ctx *c, int argc, char **argv);
int cmd_site(cli_ctx *c, int argc, char **argv);
int cmd_sync(cli_ctx *c, int argc, char **argv);
int cmd_digest(cli_ctx *c, int argc, char **argv);
int cmd_check(cli_ctx *c, int argc, char **argv);
int cmd_demo(cli_ctx *c, int argc, char **argv);
int cmd_operator(cli_ctx *c, int argc, char **argv);
int cmd_backup(cli_ctx *c, int argc, char **argv);
int cmd_restore(cli_ctx *c, int argc, char **argv);
int cmd_history(cli_ctx *c, int argc, char **argv);
int cmd_privacy(cli_ctx *c, int argc, char **argv);
int cmd_latihan(cli_ctx *c, int argc, char **argv);
int cmd_import(cli_ctx *c, int argc, char **argv);
int cmd_usulan(cli_ctx *c, int argc, char **argv);
int cmd_musdes(cli_ctx *c, int argc, char **argv);
int cmd_export(cli_ctx *c, int argc, char **argv);
int cmd_report(cli_ctx *c, int argc, char **argv);

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
	{ "site", cmd_site, N_("site enroll KODE-DESA [--out BERKAS] | site join BERKAS [--kode KODE-AKTIVASI] | site list"),
	  N_("enroll (di kabupaten): mendaftarkan satu desa dan menulis berkas pendaftarannya beserta "
	     "kode aktivasi. join (di desa): memasang berkas pendaftaran dari dinas sosial sekali saja; "
	     "basis data kosong menjadi desa itu. list: pasangan yang terdaftar."), 0 },
	{ "sync", cmd_sync, N_("sync export FOLDER | sync import FOLDER|BERKAS | sync status [--csv] | "
			       "sync konflik [--semua] | sync putuskan NO tetap|ganti | sync ganda [--csv]"),
	  N_("export: menulis satu paket untuk setiap pasangan ke FOLDER (flashdisk atau folder bersama). "
	     "import: menerima paket dari FOLDER (semua yang baru, urutan bebas) atau satu BERKAS. "
	     "status: per desa paket terakhir, konfirmasi, jumlah data, usulan, konflik, NIK ganda, dan "
	     "desa yang terlambat. konflik/putuskan: nilai yang kalah saat kolom yang sama diubah di dua "
	     "tempat. ganda: NIK yang tercatat di dua desa."), 1 },
	{ "digest", cmd_digest, N_("digest [--desa KODE]"),
	  N_("Sidik data yang dibagi dengan pasangan (di kabupaten: dengan satu desa). Dua situs yang "
	     "sudah bertukar paket dua arah mencetak sidik yang sama."), 1 },
	{ "check", cmd_check, N_("check"),
	  N_("Memeriksa seluruh basis data dengan semua aturan isian: satu baris untuk setiap temuan "
	     "(rumah tangga, anggota, isian, galat atau peringatan, pesan). Status keluar 1 bila ada galat."), 0 },
	{ "demo", cmd_demo, N_("demo"),
	  N_("Membuat basis data demo (harus berkas baru, pakai --db BERKAS): Desa Dabuan, Kecamatan Tlanakan, "
	     "Pamekasan, sekitar 300 rumah tangga dan 1.100 anggota, dengan beberapa kesalahan yang sengaja "
	     "ditanam untuk ditemukan oleh perintah check. Hasilnya selalu sama."), 0 },
	{ "operator", cmd_operator,
	  N_("operator add NAMA --role desa|verifikator|admin|pelatih | operator list | "
	     "operator pin NAMA | operator unlock NAMA | operator disable NAMA"),
	  N_("Akun operator. Akun pertama harus admin dan dibuat tanpa masuk; sesudah itu "
	     "hanya admin (--operator NAMA) yang mengelola akun. PIN (4-64 karakter) dibaca dari "
	     "masukan, atau diketik tanpa tampil; untuk `pin` milik sendiri PIN lama diminta dulu. "
	     "Lima kali PIN salah mengunci akun 15 menit; admin dapat membukanya (unlock)."), 0 },
	{ "backup", cmd_backup, N_("backup [FOLDER] | backup --list"),
	  N_("Membuat cadangan basis data (SQLite online backup) di FOLDER, misalnya flashdisk, "
	     "atau di folder backup di samping basis data. --list: daftar cadangan yang ada. "
	     "Cadangan harian dibuat otomatis (7 hari terakhir dan satu tiap bulan disimpan)."), 0 },
	{ "restore", cmd_restore, N_("restore BERKAS"),
	  N_("Memulihkan basis data dari cadangan BERKAS (hanya admin). Berkas diperiksa dulu "
	     "(utuh, basis data siksdesa, skema yang dikenal, situs yang sama) dan basis data "
	     "sekarang dicadangkan dulu. Bila basis data sekarang rusak, berkas rusak disimpan "
	     "dengan nama .rusak-... dan cadangan dipasang."), 0 },
	{ "history", cmd_history,
	  N_("history [--household ID | --record ID] [--from TANGGAL] [--to TANGGAL] [--by OPERATOR] [--csv BERKAS]"),
	  N_("Riwayat perubahan dari jejak audit: siapa, kapan, kolom, nilai lama -> baru. "
	     "--household: satu rumah tangga dengan anggotanya; tanpa itu: seluruh situs. "
	     "TANGGAL berbentuk TTTT-BB-HH atau HH-BB-TTTT. --csv menulis berkas CSV (dicatat "
	     "di jejak audit sebagai ekspor)."), 1 },
	{ "privacy", cmd_privacy, N_("privacy mask-nik on|off"),
	  N_("Menyamarkan NIK dan No KK di layar dan daftar cetak (3528********0012), untuk "
	     "layar proyektor dan daftar tempel. Hanya admin."), 0 },
	{ "latihan", cmd_latihan,
	  N_("latihan [--db BERKAS] [--nama NAMA] [--baru] | buat | status | petunjuk N | reset | "
	     "hasil --out FOLDER [--nama NAMA] | gabung FOLDER|BERKAS... --csv KELUAR"),
	  N_("Mode latihan untuk bimtek: membuat (bila belum ada) basis data latihan dari desa contoh, "
	     "bertanda LATIHAN, lalu membukanya (buat: hanya membuat). status: kemajuan tiap latihan; petunjuk N: petunjuk "
	     "latihan N; reset: kembali ke keadaan awal untuk peserta berikutnya; hasil: menulis hasil "
	     "peserta ke flashdisk; gabung: pelatih menggabungkan berkas hasil menjadi satu tabel CSV. "
	     "Tanpa --db dipakai latihan.db di samping basis data biasa; basis data sungguhan tidak "
	     "pernah dipakai atau ditimpa."), 0 },
	{ "import", cmd_import,
	  N_("import BERKAS [--dry-run] [--report BERKAS] [--map BERKAS] [--encoding E] [--separator S]"),
	  N_("Memuat rumah tangga dan anggota dari berkas DTKS (CSV/TSV dari Excel: pemisah "
	     "koma, titik koma, tab atau garis tegak; UTF-8, UTF-16 atau Windows-1252), satu "
	     "baris satu anggota, dikelompokkan per No KK. Setiap baris yang ditolak disebut "
	     "dengan nomor baris, kolom dan alasannya (--report menulisnya sebagai CSV). "
	     "--dry-run hanya memeriksa; tanpa itu baris yang benar disimpan dalam satu "
	     "transaksi. NIK yang sudah ada memperbarui anggota itu; impor ulang berkas yang "
	     "sama tidak mengubah apa pun. --map: CSV \"kolom berkas,kolom siksdesa\" untuk "
	     "nama kolom lain."), 1 },
	{ "usulan", cmd_usulan,
	  N_("usulan list [--status S] [--household ID] [--musdes ID] [--desa KODE] | usulan add --household ID "
	     "[--member ID] --jenis J --alasan A [--ket TEKS] | usulan keluar --member ID --alasan A "
	     "[--ket TEKS] | usulan result ID --diterima|--ditolak [--alasan TEKS] | usulan history ID"),
	  N_("Usulan perubahan penerima bantuan (baru, perbaikan, keluar). list: jumlah per status "
	     "dan daftar usulan dengan kepala rumah tangga, anggota, NIK dan alamat. add: usulan baru "
	     "berstatus Draf. keluar: mengeluarkan anggota (meninggal, pindah, ganda, tidak ditemukan): "
	     "keberadaannya diubah dan usulan keluar dibuat sekaligus; anggota tidak pernah dihapus. "
	     "result: hasil verifikasi dinas (hanya di basis data kabupaten); ditolak wajib dengan "
	     "alasan. history: riwayat usulan satu rumah tangga dari jejak audit. Status dan jenis "
	     "boleh ditulis sebagai kode atau namanya; id boleh disingkat (paling sedikit 4 huruf awal)."), 1 },
	{ "musdes", cmd_musdes,
	  N_("musdes add --tanggal DD-MM-YYYY --tempat T --nomor N [--hadir N] [--pimpinan P] | "
	     "musdes decide MUSDES_ID [--setuju ID...] [--tolak ID...] | musdes list"),
	  N_("Musyawarah desa/kelurahan. add: mencatat musdes (tanggal tidak di masa depan, tempat, "
	     "nomor berita acara, jumlah hadir). decide: usulan Draf disetujui atau ditolak di musdes "
	     "itu; semua tersimpan atau tidak sama sekali. list: musdes yang tercatat."), 1 },
	{ "export", cmd_export, N_("export csv|xlsx BERKAS [--encoding E] [--separator S] [--desa KODE]"),
	  N_("Menulis seluruh register: csv (satu baris satu anggota dengan kolom rumah tangganya, "
	     "bentuk yang dibaca import; bawaan UTF-8 dengan BOM dan koma) atau xlsx (lembar Rumah "
	     "tangga dan Anggota, NIK dan No KK sebagai teks, baris judul dibekukan). Berkas ditulis "
	     "utuh atau tidak sama sekali, dan dicatat di jejak audit."), 1 },
	{ "report", cmd_report,
	  N_("report bnba [MUSDES] | kartu ID | ringkasan | triwulan TAHUN-TRIWULAN [--csv BERKAS] [--html BERKAS]"),
	  N_("Laporan untuk dibaca di layar atau, dengan --html, dicetak A4 dari peramban: bnba (daftar "
	     "usulan by name by address dari musdes terakhir atau MUSDES, dengan berita acara dan tempat "
	     "tanda tangan), kartu (satu rumah tangga untuk kunjungan verifikasi), ringkasan (rumah tangga, "
	     "anggota, miskin/tidak miskin per dusun, program, usulan per status), triwulan (di kabupaten: "
	     "rekap per desa; --csv menulis berkas pengajuan triwulan berisi rumah tangga dengan usulan "
	     "yang diterima dinas)."), 1 },
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

int cli_read_pin(const char *env, const char *prompt, char *out, size_t n)
{
	const char *v = env ? getenv(env) : NULL;
	if (v && *v) {
		snprintf(out, n, "%s", v);
		return 0;
	}
	return plat_read_secret(prompt, out, n);
}

int cli_login(cli_ctx *c, siks *s)
{
	if (!c->operator_name || !*c->operator_name)
		return 0;
	char prompt[160], pin[AUTH_PIN_MAX + 2];
	snprintf(prompt, sizeof prompt, _("PIN untuk %s: "), c->operator_name);
	if (cli_read_pin("SIKSDESA_PIN", prompt, pin, sizeof pin) != 0)
		return cli_error(c, 1, _("PIN tidak diberikan (atur SIKSDESA_PIN atau ketik di masukan)"));
	siks_err e = { 0 };
	int rc = auth_login(s, c->operator_name, pin, &e);
	explicit_bzero(pin, sizeof pin);
	return rc ? cli_err(c, 1, &e) : 0;
}

/* A damaged register: say so, and name the newest good backup and the
 * command that puts it back. */
static void damaged_hint(cli_ctx *c)
{
	char good[1100];
	if (backup_newest_good(c->db_path, good, sizeof good, NULL) == 0) {
		fprintf(stderr, _("Cadangan terbaru yang baik: %s\n"), good);
		fprintf(stderr, _("Pulihkan dengan: siksdesa --db %s restore %s\n"), c->db_path, good);
	} else {
		char dir[1100];
		backup_dir_of(c->db_path, dir, sizeof dir);
		fprintf(stderr, _("Tidak ada cadangan yang baik di %s; minta bantuan dinas sosial.\n"), dir);
	}
}

siks *cli_open(cli_ctx *c, int create)
{
	siks *s;
	siks_err e = { 0 };
	if (siks_open(&s, c->db_path, create ? SIKS_OPEN_CREATE : 0, &e) != 0) {
		cli_err(c, 1, &e);
		if (e.code == SIKS_EFORMAT && strcmp(e.field, "integrity") == 0)
			damaged_hint(c);
		return NULL;
	}
	if (cli_login(c, s) != 0) {
		siks_close(s);
		return NULL;
	}
	/* the daily backup, kept 7 days and one a month (backup.h) */
	if (backup_auto(s, &e) != 0)
		cli_error(c, 0, _("peringatan: %s"), e.msg);
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
	fprintf(f, _("  --operator NAMA  bekerja sebagai operator ini (juga $SIKSDESA_OPERATOR); PIN dari\n"
		     "                 $SIKSDESA_PIN atau diketik (tidak tampil)\n"));
}

