/* action.c — the one action table (see action.h). */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include "action.h"
#include "term.h"
#include "siks/i18n.h"

#define L CX_LIST
#define F (CX_FORM | CX_MEMBER)

static const action table[] = {
	{ A_HELP,      CX_ALL,  1, CTRL('G'), '?', N_("Bantuan"),   N_("Bantuan: tombol dan aturan isian di bawah kursor") },
	{ A_SAVE,      F,       2, CTRL('S'), 0,   N_("Simpan"),    N_("Simpan rumah tangga beserta anggotanya") },
	{ A_SEARCH,    L | F,   3, CTRL('F'), '/', N_("Cari"),      N_("Cari nama, NIK, No KK atau alamat (ketik, hasil langsung)") },
	{ A_NEW,       L,       4, CTRL('N'), 'n', N_("Baru"),      N_("Rumah tangga baru") },
	{ A_NEW,       CX_FORM, 4, CTRL('N'), 0,   N_("Anggota"),   N_("Tambah anggota rumah tangga") },
	{ A_IMPORT,    L,       2, CTRL('B'), 'm', N_("Impor"),     N_("Impor berkas DTKS (.csv, .txt, .tsv): pilih berkas, baca uji cobanya, lalu setujui (m, Ctrl-B)") },
	{ A_SORT,      L,       5, CTRL('O'), 'o', N_("Urut"),      N_("Urutkan menurut nama, alamat atau skor") },
	{ A_AGREE,     CX_USULAN, 5, 0,       's', N_("Setuju"),    N_("Usulan yang ditandai disetujui musdes") },
	{ A_INDICATOR, L | F,   6, CTRL('T'), 'i', N_("Indikator"), N_("Daftar indikator kemiskinan rumah tangga ini") },
	{ A_REFUSE,    CX_USULAN, 6, 0,       't', N_("Tolak"),     N_("Usulan yang ditandai ditolak musdes") },
	{ A_USULAN,    L | F,   7, CTRL('P'), 'u', N_("Usulan"),    N_("Daftar usulan dan musdes") },
	{ A_DASH,      L | CX_KAB, 0, CTRL('Z'), 'd', N_("Dasbor"), N_("Dasbor kabupaten: tiap desa, paket terakhir, usulan, konflik, NIK ganda; desa terlambat (d, Ctrl-Z)") },
	{ A_REMOVE,    CX_FORM, 8, CTRL('D'), 0,   N_("Keluarkan"), N_("Keluarkan anggota (dengan alasan; menjadi usulan)") },
	{ A_CHECKALL,  L,       8, CTRL('K'), 'c', N_("Periksa"),   N_("Periksa semua rumah tangga (untuk saringan \"ada kesalahan\")") },
	{ A_FILTER,    L | CX_USULAN, 9, CTRL('R'), 'f', N_("Saring"), N_("Saring menurut status usulan, dusun, miskin, kesalahan") },
	{ A_LATIHAN,   L | CX_LATIHAN, 0, 0,   'l', N_("Latihan"),   N_("Daftar latihan: kemajuan, tugas dan petunjuk (di basis data latihan)") },
	{ A_HINT,      CX_LATIHAN, 3, 0,       'p', N_("Petunjuk"),  N_("Tampilkan atau sembunyikan petunjuk latihan yang dipilih") },
	{ A_NAME,      CX_LATIHAN, 4, 0,       'n', N_("Nama"),      N_("Isi nama peserta (untuk berkas hasil latihan)") },
	{ A_QUIT,      CX_ALL, 10, CTRL('Q'), 'q', N_("Keluar"),    N_("Keluar dari program") },
	{ A_HISTORY,   L | F,   0, CTRL('Y'), 'r', NULL,           N_("Riwayat perubahan: rumah tangga ini, atau seluruh desa dari daftar (r, Ctrl-Y)") },
	{ A_BACKUP,    L,       0, CTRL('X'), 'b', NULL,           N_("Cadangan ke flashdisk dalam satu langkah (b, Ctrl-X)") },
	{ A_OPERATOR,  L,       0, CTRL('V'), 'g', NULL,           N_("Ganti operator, ganti PIN, tambah operator, samarkan NIK (g, Ctrl-V)") },
	{ A_SYNC,      L,       0, CTRL('E'), 'k', NULL,           N_("Kirim / Terima paket ke kabupaten atau desa: flashdisk atau folder bersama; konflik (k, Ctrl-E)") },
	{ A_NEXT_PANE, CX_ALL & ~CX_HELP, 0, '\t', 0, NULL,         N_("Pindah panel (Tab)") },
	{ A_OPEN,      CX_ALL,  0, '\r', 0,        NULL,            N_("Buka / pilih (Enter)") },
	{ A_TOGGLE,    CX_CHECK | CX_USULAN, 0, ' ', 0, NULL,       N_("Centang / tandai (Spasi)") },
	{ A_BACK,      CX_ALL,  0, KEY_ESC, 0,     NULL,            N_("Tutup / kembali (Esc)") },
	{ A_REDRAW,    CX_ALL,  0, CTRL('L'), 0,   NULL,            N_("Gambar ulang layar (Ctrl-L)") },
};

#undef L
#undef F

const action *action_table(size_t *n)
{
	*n = sizeof table / sizeof table[0];
	return table;
}

int action_in(const action *a, int ctx)
{
	return (a->ctx & ctx & CX_ALL) && (!(a->ctx & CX_KAB) || (ctx & CX_KAB));
}

int action_for_key(int ctx, int key)
{
	if (key == '\n' || key == KEY_ENTER) key = '\r';
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		const action *a = &table[i];
		if (!action_in(a, ctx)) continue;
		if ((a->fkey && key == KEY_F(a->fkey)) || (a->ctrl && key == a->ctrl) ||
		    (a->letter && CX_LETTERS_ON(ctx) && key == a->letter))
			return a->id;
	}
	return A_NONE;
}

const action *action_find(int ctx, int id)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (action_in(&table[i], ctx) && table[i].id == id) return &table[i];
	return NULL;
}

static void show_key(int k, char *out, size_t n)
{
	if (k == '\t') snprintf(out, n, "Tab");
	else if (k == '\r') snprintf(out, n, "Enter");
	else if (k == ' ') snprintf(out, n, _("Spasi"));
	else if (k == KEY_ESC) snprintf(out, n, "Esc");
	else if (k > 0 && k < 32) snprintf(out, n, "Ctrl-%c", k + '@');
	else snprintf(out, n, "%c", k);
}

void action_keys(const action *a, int ctx, char *out, size_t n)
{
	char k1[16] = "", k2[16] = "", k3[16] = "";
	if (a->fkey) snprintf(k1, sizeof k1, "F%d", a->fkey);
	if (a->ctrl) show_key(a->ctrl, k2, sizeof k2);
	if (a->letter && CX_LETTERS_ON(ctx)) show_key(a->letter, k3, sizeof k3);
	snprintf(out, n, "%s%s%s%s%s", k1, *k1 && *k2 ? " " : "", k2,
		 (*k1 || *k2) && *k3 ? " " : "", k3);
}
