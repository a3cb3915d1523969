/* scr_start.c — the start screen of a register that is not set up yet
 * (a first run): set it up for a village or a district, or open the
 * practice copy for a training session. */
#include <stdio.h>
#include <string.h>
#include "siks/i18n.h"
#include "siks/wilayah.h"
#include "dialog.h"
#include "scr_auth.h"
#include "screens.h"

/* Asks the kode wilayah until it is accepted or Esc; 0 when set up. */
static int ask_site(ui *u, int role)
{
	char kode[20] = "";
	const char *prompt = role == SIKS_SITE_DESA
		? _("Kode wilayah desa/kelurahan (contoh 35.28.01.2001):")
		: _("Kode wilayah kabupaten/kota (contoh 35.28):");
	for (;;) {
		if (dlg_input(u, _("Siapkan basis data"), prompt, kode, sizeof kode, 13, 0) != 0)
			return -1;
		char nama[128] = "";
		siks_err e = { 0 };
		/* the name from the region list, else the operator types it */
		if (wilayah_level(kode) == (role == SIKS_SITE_DESA ? WIL_DESA : WIL_KABUPATEN) &&
		    wilayah_name(u->s, kode, nama, sizeof nama) != 0 &&
		    (dlg_input(u, _("Siapkan basis data"), role == SIKS_SITE_DESA ? _("Nama desa/kelurahan:")
				: _("Nama kabupaten/kota:"), nama, sizeof nama, 60, 0) != 0 || !nama[0]))
			continue;
		if (siks_site_init(u->s, role, kode, nama[0] ? nama : NULL, &e) == 0) {
			ui_msg(u, R_MSG, _("Basis data disiapkan untuk %s %s."), u->s->site_kode, u->s->site_nama);
			return 0;
		}
		dlg_message(u, _("Kode wilayah"), e.msg);
	}
}

int scr_start(ui *u)
{
	const char *items[] = {
		_("Siapkan untuk desa/kelurahan (operator desa)"),
		_("Siapkan untuk dinas sosial kabupaten/kota"),
		_("Buka latihan: desa contoh untuk bimtek"),
		_("Keluar"),
	};
	for (;;) {
		int k = dlg_choose(u, _("Selamat datang di siksdesa: basis data ini masih kosong"), items, 4, 0);
		if ((k == 0 && ask_site(u, SIKS_SITE_DESA) == 0) ||
		    (k == 1 && ask_site(u, SIKS_SITE_KABUPATEN) == 0)) {
			/* the first run makes the admin account (the menu offers it
			 * while there is none; it can be declined and made later) */
			tui_operator_menu(u);
			return START_READY;
		}
		if (k == 2)
			return START_LATIHAN;
		if (k == 3)
			return START_QUIT;
		if (k < 0)
			return START_READY; /* Esc: look around an empty register */
	}
}
