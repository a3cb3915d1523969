/* tables.c — every table written through rec_save, described once: its
 * fields, how each is stored, typed and labelled, and the rule shown in help.
 * The form, the checks, import, export and sync all read these tables. */
#include <string.h>
#include "siks/i18n.h"
#include "siks/rec.h"

#define F(name, label, type, kind, len, list, lo, hi, rule, req) \
	{ name, label, type, kind, len, list, lo, hi, rule, req }
#define TXT SIKS_T_TEXT
#define INT SIKS_T_INT
#define REAL SIKS_T_REAL

static const siks_field household_f[] = {
	F("desa", N_("Kode desa"), TXT, SIKS_K_WILAYAH, 13, NULL, 0, 0,
	  N_("kode wilayah desa, misalnya 35.28.01.2001"), 1),
	F("dusun", N_("Dusun"), TXT, SIKS_K_TEXT, 40, NULL, 0, 0, N_("nama dusun/lingkungan"), 0),
	F("rt", N_("RT"), INT, SIKS_K_DIGITS, 3, NULL, 1, 999, N_("1 sampai 3 angka"), 1),
	F("rw", N_("RW"), INT, SIKS_K_DIGITS, 3, NULL, 1, 999, N_("1 sampai 3 angka"), 1),
	F("alamat", N_("Alamat"), TXT, SIKS_K_TEXT, 120, NULL, 0, 0, N_("jalan, gang, nomor rumah"), 1),
	F("luas_lantai", N_("Luas lantai (m2)"), REAL, SIKS_K_NUMBER, 6, NULL, 1, 5000,
	  N_("luas lantai bangunan tempat tinggal dalam m2, 1 sampai 5000"), 0),
	F("lantai", N_("Jenis lantai"), INT, SIKS_K_CHOICE, 0, "lantai", 0, 0, N_("pilih dari daftar"), 0),
	F("dinding", N_("Jenis dinding"), INT, SIKS_K_CHOICE, 0, "dinding", 0, 0, N_("pilih dari daftar"), 0),
	F("atap", N_("Jenis atap"), INT, SIKS_K_CHOICE, 0, "atap", 0, 0, N_("pilih dari daftar"), 0),
	F("air_minum", N_("Sumber air minum"), INT, SIKS_K_CHOICE, 0, "air_minum", 0, 0, N_("pilih dari daftar"), 0),
	F("penerangan", N_("Sumber penerangan"), INT, SIKS_K_CHOICE, 0, "penerangan", 0, 0, N_("pilih dari daftar"), 0),
	F("bahan_bakar", N_("Bahan bakar memasak"), INT, SIKS_K_CHOICE, 0, "bahan_bakar", 0, 0, N_("pilih dari daftar"), 0),
	F("fasilitas_bab", N_("Fasilitas BAB"), INT, SIKS_K_CHOICE, 0, "fasilitas_bab", 0, 0, N_("pilih dari daftar"), 0),
	F("aset_gas", N_("Tabung gas >= 5,5 kg"), INT, SIKS_K_YESNO, 0, NULL, 0, 1, N_("ya atau tidak"), 0),
	F("aset_kulkas", N_("Lemari es"), INT, SIKS_K_YESNO, 0, NULL, 0, 1, N_("ya atau tidak"), 0),
	F("aset_motor", N_("Sepeda motor"), INT, SIKS_K_YESNO, 0, NULL, 0, 1, N_("ya atau tidak"), 0),
	F("aset_lahan", N_("Lahan (m2)"), INT, SIKS_K_NUMBER, 7, NULL, 0, 1000000, N_("luas lahan milik dalam m2, 0 bila tidak ada"), 0),
	F("aset_ternak", N_("Ternak (ekor)"), INT, SIKS_K_NUMBER, 4, NULL, 0, 9999, N_("jumlah sapi/kambing/domba, 0 bila tidak ada"), 0),
	F("iddtks", N_("ID DTKS"), TXT, SIKS_K_TEXT, 40, NULL, 0, 0, N_("nomor dari Kemensos, bila ada"), 0),
	F("desil", N_("Desil kesejahteraan"), INT, SIKS_K_NUMBER, 2, NULL, 1, 10, N_("1 sampai 10, diisi dinas"), 0),
	F("catatan", N_("Catatan"), TXT, SIKS_K_TEXT, 200, NULL, 0, 0, N_("catatan bebas"), 0),
};

static const siks_field member_f[] = {
	F("household_id", N_("Rumah tangga"), TXT, SIKS_K_REF, 32, NULL, 0, 0, N_("rumah tangga anggota ini"), 1),
	F("nik", N_("NIK"), TXT, SIKS_K_DIGITS, 16, NULL, 0, 0,
	  N_("16 angka: 6 kode kecamatan, tanggal lahir DDMMYY (perempuan: tanggal + 40), 4 nomor urut bukan 0000"), 1),
	F("no_kk", N_("No KK"), TXT, SIKS_K_DIGITS, 16, NULL, 0, 0, N_("16 angka nomor Kartu Keluarga"), 1),
	F("nama", N_("Nama lengkap"), TXT, SIKS_K_TEXT, 60, NULL, 0, 0, N_("nama sesuai KTP/KK"), 1),
	F("jenis_kelamin", N_("Jenis kelamin"), INT, SIKS_K_CHOICE, 0, "jenis_kelamin", 0, 0, N_("1 laki-laki, 2 perempuan"), 1),
	F("tempat_lahir", N_("Tempat lahir"), TXT, SIKS_K_TEXT, 40, NULL, 0, 0, N_("kota/kabupaten tempat lahir"), 0),
	F("tanggal_lahir", N_("Tanggal lahir"), TXT, SIKS_K_DATE, 10, NULL, 0, 0,
	  N_("tanggal nyata DD-MM-YYYY, tidak di masa depan"), 1),
	F("shdk", N_("Hubungan keluarga"), INT, SIKS_K_CHOICE, 0, "shdk", 0, 0, N_("status hubungan dalam keluarga (SHDK)"), 1),
	F("status_kawin", N_("Status kawin"), INT, SIKS_K_CHOICE, 0, "status_kawin", 0, 0, N_("pilih dari daftar"), 0),
	F("agama", N_("Agama"), INT, SIKS_K_CHOICE, 0, "agama", 0, 0, N_("pilih dari daftar"), 0),
	F("pendidikan", N_("Pendidikan"), INT, SIKS_K_CHOICE, 0, "pendidikan", 0, 0, N_("pendidikan terakhir"), 0),
	F("pekerjaan", N_("Pekerjaan"), INT, SIKS_K_CHOICE, 0, "pekerjaan", 0, 0, N_("pekerjaan utama"), 0),
	F("disabilitas", N_("Disabilitas"), INT, SIKS_K_CHOICE, 0, "disabilitas", 0, 0, N_("pilih dari daftar"), 0),
	F("hamil", N_("Sedang hamil"), INT, SIKS_K_YESNO, 0, NULL, 0, 1, N_("ya atau tidak; hanya perempuan"), 0),
	F("keberadaan", N_("Keberadaan"), INT, SIKS_K_CHOICE, 0, "keberadaan", 0, 0,
	  N_("ada, meninggal, pindah, tidak ditemukan, baru"), 1),
	F("nama_ibu", N_("Nama ibu kandung"), TXT, SIKS_K_TEXT, 60, NULL, 0, 0, N_("nama ibu kandung"), 0),
};

static const siks_field indicator_answer_f[] = {
	F("household_id", N_("Rumah tangga"), TXT, SIKS_K_REF, 32, NULL, 0, 0, "", 1),
	F("set_name", N_("Set indikator"), TXT, SIKS_K_TEXT, 32, NULL, 0, 0, "", 1),
	F("set_version", N_("Versi set"), INT, SIKS_K_NUMBER, 4, NULL, 1, 9999, "", 1),
	F("criterion", N_("Kriteria"), INT, SIKS_K_NUMBER, 2, NULL, 1, 99, "", 1),
	F("answer", N_("Jawaban"), INT, SIKS_K_YESNO, 0, NULL, 0, 1, N_("ya atau tidak"), 0),
};

static const siks_field indicator_score_f[] = {
	F("household_id", N_("Rumah tangga"), TXT, SIKS_K_REF, 32, NULL, 0, 0, "", 1),
	F("set_name", N_("Set indikator"), TXT, SIKS_K_TEXT, 32, NULL, 0, 0, "", 1),
	F("set_version", N_("Versi set"), INT, SIKS_K_NUMBER, 4, NULL, 1, 9999, "", 1),
	F("met", N_("Kriteria terpenuhi"), INT, SIKS_K_NUMBER, 2, NULL, 0, 99, "", 1),
	F("total", N_("Jumlah kriteria"), INT, SIKS_K_NUMBER, 2, NULL, 0, 99, "", 1),
	F("threshold", N_("Ambang miskin"), INT, SIKS_K_NUMBER, 2, NULL, 0, 99, "", 1),
	F("kelas", N_("Kelas"), TXT, SIKS_K_TEXT, 20, NULL, 0, 0, "", 1),
	F("computed", N_("Kriteria dihitung"), TXT, SIKS_K_TEXT, 100, NULL, 0, 0, "", 0),
	F("answered", N_("Kriteria dijawab"), TXT, SIKS_K_TEXT, 100, NULL, 0, 0, "", 0),
	F("detail", N_("Rincian"), TXT, SIKS_K_TEXT, 100, NULL, 0, 0, "", 0),
	F("scored_at", N_("Waktu penilaian"), TXT, SIKS_K_TEXT, 19, NULL, 0, 0, "", 1),
};

static const siks_field program_f[] = {
	F("household_id", N_("Rumah tangga"), TXT, SIKS_K_REF, 32, NULL, 0, 0, "", 0),
	F("member_id", N_("Anggota"), TXT, SIKS_K_REF, 32, NULL, 0, 0, "", 0),
	F("program", N_("Program"), INT, SIKS_K_CHOICE, 0, "program", 0, 0, N_("PKH, BPNT/Sembako, PBI-JK, BLT-DD, ..."), 1),
	F("aktif", N_("Aktif"), INT, SIKS_K_YESNO, 0, NULL, 0, 1, N_("ya atau tidak"), 0),
	F("sejak", N_("Sejak"), TXT, SIKS_K_DATE, 10, NULL, 0, 0, N_("tanggal DD-MM-YYYY"), 0),
	F("sumber", N_("Sumber"), TXT, SIKS_K_TEXT, 40, NULL, 0, 0, "", 0),
};

static const siks_field musdes_f[] = {
	F("desa", N_("Kode desa"), TXT, SIKS_K_WILAYAH, 13, NULL, 0, 0, "", 1),
	F("tanggal", N_("Tanggal musdes"), TXT, SIKS_K_DATE, 10, NULL, 0, 0, N_("tanggal DD-MM-YYYY, tidak di masa depan"), 1),
	F("tempat", N_("Tempat"), TXT, SIKS_K_TEXT, 60, NULL, 0, 0, "", 1),
	F("nomor_ba", N_("Nomor berita acara"), TXT, SIKS_K_TEXT, 40, NULL, 0, 0, N_("nomor berita acara musdes"), 1),
	F("jumlah_hadir", N_("Jumlah hadir"), INT, SIKS_K_NUMBER, 4, NULL, 0, 9999, N_("0 sampai 9999"), 0),
	F("pimpinan", N_("Pimpinan rapat"), TXT, SIKS_K_TEXT, 60, NULL, 0, 0, "", 0),
	F("catatan", N_("Catatan"), TXT, SIKS_K_TEXT, 200, NULL, 0, 0, "", 0),
};

static const siks_field usulan_f[] = {
	F("household_id", N_("Rumah tangga"), TXT, SIKS_K_REF, 32, NULL, 0, 0, "", 1),
	F("member_id", N_("Anggota"), TXT, SIKS_K_REF, 32, NULL, 0, 0, "", 0),
	F("jenis", N_("Jenis usulan"), INT, SIKS_K_CHOICE, 0, "jenis_usulan", 0, 0, N_("baru, perbaikan, keluar"), 1),
	F("alasan", N_("Alasan"), INT, SIKS_K_CHOICE, 0, "alasan_usulan", 0, 0, N_("meninggal, pindah, mampu, ganda, ..."), 1),
	F("keterangan", N_("Keterangan"), TXT, SIKS_K_TEXT, 200, NULL, 0, 0, "", 0),
	F("status", N_("Status"), INT, SIKS_K_CHOICE, 0, "status_usulan", 0, 0, N_("draf, disetujui/ditolak musdes, dikirim, diterima/ditolak dinas"), 1),
	F("musdes_id", N_("Musdes"), TXT, SIKS_K_REF, 32, NULL, 0, 0, "", 0),
	F("tanggal", N_("Tanggal usulan"), TXT, SIKS_K_DATE, 10, NULL, 0, 0, N_("tanggal DD-MM-YYYY"), 1),
	F("alasan_dinas", N_("Alasan dinas"), TXT, SIKS_K_TEXT, 200, NULL, 0, 0, "", 0),
};

#define T(name, label, f) { name, label, f, (int)(sizeof f / sizeof *f) }
static const siks_table tables[] = {
	T("household", N_("Rumah tangga"), household_f),
	T("member", N_("Anggota rumah tangga"), member_f),
	T("indicator_answer", N_("Jawaban indikator"), indicator_answer_f),
	T("indicator_score", N_("Skor indikator"), indicator_score_f),
	T("program", N_("Program bantuan"), program_f),
	T("musdes", N_("Musyawarah desa"), musdes_f),
	T("usulan", N_("Usulan"), usulan_f),
};
static const siks_table *const table_list[] = {
	&tables[0], &tables[1], &tables[2], &tables[3], &tables[4], &tables[5], &tables[6], NULL
};

const siks_table *const *siks_tables(void)
{
	return table_list;
}

const siks_table *siks_table_find(const char *name)
{
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		if (strcmp(tables[i].name, name) == 0)
			return &tables[i];
	return NULL;
}

int siks_field_index(const siks_table *t, const char *name)
{
	for (int i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].name, name) == 0)
			return i;
	return -1;
}

const siks_field *siks_field_find(const siks_table *t, const char *name)
{
	int i = siks_field_index(t, name);
	return i < 0 ? NULL : &t->fields[i];
}
