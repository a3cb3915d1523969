/* scr_auth.c — opening the register in the UI (damaged file, file in use),
 * the login, the first admin and the operator menu (scr_auth.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dialog.h"
#include "edit.h"
#include "scr_auth.h"
#include "text.h"
#include "siks/auth.h"
#include "siks/backup.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/privacy.h"

int dlg_secret(ui *u, const char *title, const char *prompt, char *out, size_t n)
{
	char buf[AUTH_PIN_MAX + 1] = "";
	size_t len = 0;
	int repaint = 0;
	for (;;) {
		if (repaint && u->paint) u->paint(u);
		repaint = 0;
		int w = u->cols - 8 > 60 ? 60 : u->cols - 8;
		if (w < 20) w = u->cols;
		int h = 5, y = (u->rows - h) / 2, x = (u->cols - w) / 2;
		ui_box(y, x, h, w, title);
		text_draw(stdscr, y + 1, x + 2, prompt, w - 4, ui_attr(R_NORMAL));
		char stars[AUTH_PIN_MAX + 1];
		memset(stars, '*', len);
		stars[len] = '\0';
		text_draw(stdscr, y + 2, x + 2, stars, w - 4, ui_attr(R_FOCUS));
		curs_set(1);
		move(y + 2, x + 2 + (int)len < x + w - 2 ? x + 2 + (int)len : x + w - 3);
		refresh();
		int k = ui_getkey(u);
		if (k == KEY_RESIZE) { repaint = 1; continue; }
		if (k == KEY_ESC) { explicit_bzero(buf, sizeof buf); curs_set(0); return -1; }
		if (k == '\r' || k == '\n' || k == KEY_ENTER) {
			snprintf(out, n, "%s", buf);
			explicit_bzero(buf, sizeof buf);
			curs_set(0);
			return 0;
		}
		if ((k == KEY_BACKSPACE || k == 127 || k == CTRL('H')) && len > 0) {
			buf[--len] = '\0';
			continue;
		}
		if (k == CTRL('U')) { len = 0; buf[0] = '\0'; continue; }
		int cp = key_char(k);
		if (cp >= 32 && cp < 127 && len < AUTH_PIN_MAX) {
			buf[len++] = (char)cp;
			buf[len] = '\0';
		}
	}
}

/* Under a dialog shown before the main screen exists: a blank screen. */
static void paint_blank(ui *u)
{
	(void)u;
	bkgdset(' ' | ui_attr(R_NORMAL));
	erase();
	refresh();
}

int tui_login(ui *u, int must)
{
	auth_operator *ops = NULL;
	size_t n = 0;
	siks_err e = { 0 };
	if (auth_operator_list(u->s, &ops, &n, &e) != 0) {
		dlg_message(u, _("Tidak dapat masuk"), e.msg);
		return must ? -1 : 1;
	}
	const char **items = calloc(n ? n : 1, sizeof *items);
	char (*labels)[128] = calloc(n ? n : 1, sizeof *labels);
	size_t *idx = calloc(n ? n : 1, sizeof *idx);
	int k = 0, rc = must ? -1 : 1, sel = 0;
	if (!items || !labels || !idx) goto out;
	for (size_t i = 0; i < n; i++) {
		if (!ops[i].active) continue;
		snprintf(labels[k], sizeof labels[k], "%s — %s", ops[i].name, auth_role_label(ops[i].role));
		items[k] = labels[k];
		idx[k++] = i;
	}
	for (;;) {
		sel = dlg_choose(u, _("Siapa yang bekerja?"), items, k, sel);
		if (sel < 0) break;
		const auth_operator *o = &ops[idx[sel]];
		char prompt[160], pin[AUTH_PIN_MAX + 2];
		snprintf(prompt, sizeof prompt, _("PIN untuk %s:"), o->name);
		if (dlg_secret(u, _("Masuk"), prompt, pin, sizeof pin) != 0) continue;
		int r = auth_login(u->s, o->name, pin, &e);
		explicit_bzero(pin, sizeof pin);
		if (r == 0) {
			ui_msg(u, R_MSG, _("Selamat bekerja, %s (%s)."), u->s->operator_name,
			       auth_role_label(u->s->operator_role));
			rc = 0;
			break;
		}
		dlg_message(u, _("Tidak dapat masuk"), e.msg);
	}
out:
	free(items);
	free(labels);
	free(idx);
	free(ops);
	return rc;
}

/* The damaged-register screen: what happened, the newest good backup, and
 * one key to put it in place (the damaged file is kept beside it). */
static int damaged_screen(ui *u, cli_ctx *c, const char *why)
{
	char good[1100], text[2400];
	if (backup_newest_good(c->db_path, good, sizeof good, NULL) != 0) {
		char dir[1100];
		backup_dir_of(c->db_path, dir, sizeof dir);
		snprintf(text, sizeof text, _("%s\n\nTidak ada cadangan yang baik di %s. Jangan hapus berkas "
					      "yang rusak; minta bantuan dinas sosial."), why, dir);
		dlg_message(u, _("Basis data rusak"), text);
		return -1;
	}
	backup_info in;
	backup_check_file(NULL, good, &in, NULL);
	snprintf(text, sizeof text,
		 _("%s\n\nCadangan terbaru yang baik: %s (%s, %lld rumah tangga). Perubahan sesudah "
		   "waktu itu harus diisi lagi. Berkas yang rusak disimpan, tidak dihapus."),
		 why, good, in.when, (long long)in.households);
	const char *b[] = { _("Pulihkan dari cadangan"), _("Keluar") };
	if (dlg_ask(u, _("Basis data rusak"), text, b, 2) != 0)
		return -1;
	siks_err e = { 0 };
	char aside[1200];
	if (backup_restore_damaged(c->db_path, good, aside, sizeof aside, &e) != 0) {
		dlg_message(u, _("Pemulihan gagal"), e.msg);
		return -1;
	}
	snprintf(text, sizeof text, _("Basis data dipulihkan dari %s. Berkas yang rusak disimpan sebagai %s."),
		 good, aside);
	dlg_message(u, _("Dipulihkan"), text);
	return 0;
}

int tui_open_register(ui *u, cli_ctx *c)
{
	void (*paint)(ui *) = u->paint;
	u->paint = paint_blank;
	getmaxyx(stdscr, u->rows, u->cols);
	siks_err e = { 0 };
	int rc;
	for (int tries = 0;; tries++) {
		rc = siks_open(&u->s, c->db_path, SIKS_OPEN_CREATE, &e);
		if (rc == 0) break;
		paint_blank(u);
		if (rc == SIKS_EFORMAT && strcmp(e.field, "integrity") == 0 && tries == 0) {
			if (damaged_screen(u, c, e.msg) != 0) goto fail;
			continue;
		}
		dlg_message(u, _("Basis data tidak dapat dibuka"), e.msg);
		goto fail;
	}
	if (backup_auto(u->s, &e) != 0)
		ui_msg(u, R_WARN, _("Cadangan harian gagal: %s"), e.msg);
	if (auth_has_accounts(u->s)) {
		const char *pin = getenv("SIKSDESA_PIN");
		int done = 0;
		if (c->operator_name && pin && *pin) {
			done = auth_login(u->s, c->operator_name, pin, &e) == 0;
			if (!done) dlg_message(u, _("Tidak dapat masuk"), e.msg);
		}
		if (!done && tui_login(u, 1) != 0) {
			siks_close(u->s);
			u->s = NULL;
			goto fail;
		}
	}
	u->paint = paint;
	return 0;
fail:
	u->paint = paint;
	return -1;
}

/* ---- the operator menu -------------------------------------------------- */

static int new_pin(ui *u, const char *name, char *pin, size_t n)
{
	char prompt[160], again[AUTH_PIN_MAX + 2];
	snprintf(prompt, sizeof prompt, _("PIN baru untuk %s (4-64 karakter):"), name);
	if (dlg_secret(u, _("PIN baru"), prompt, pin, n) != 0) return -1;
	if (dlg_secret(u, _("PIN baru"), _("Ulangi PIN baru:"), again, sizeof again) != 0) return -1;
	int same = strcmp(pin, again) == 0;
	explicit_bzero(again, sizeof again);
	if (!same) {
		dlg_message(u, _("PIN baru"), _("Kedua PIN tidak sama; tidak ada yang diubah."));
		return -1;
	}
	return 0;
}

static void add_operator(ui *u, int first)
{
	char name[64] = "", pin[AUTH_PIN_MAX + 2];
	siks_err e = { 0 };
	if (dlg_input(u, first ? _("Akun admin pertama") : _("Tambah operator"), _("Nama operator:"),
		      name, sizeof name, 40, 0) != 0)
		return;
	int role = SIKS_OP_ADMIN;
	if (!first) {
		const char *roles[] = { _("operator desa"), _("verifikator"), _("admin"), _("pelatih") };
		int r = dlg_choose(u, _("Peran"), roles, 4, 0);
		if (r < 0) return;
		role = SIKS_OP_DESA + r;
	}
	if (new_pin(u, name, pin, sizeof pin) != 0) return;
	int rc = auth_operator_add(u->s, name, role, pin, &e);
	if (rc == 0 && first)
		rc = auth_login(u->s, name, pin, &e);
	explicit_bzero(pin, sizeof pin);
	if (rc != 0) {
		dlg_message(u, _("Operator"), e.msg);
		return;
	}
	ui_msg(u, R_MSG, _("Operator %s (%s) dibuat."), name, auth_role_label(role));
}

void tui_operator_menu(ui *u)
{
	if (!auth_has_accounts(u->s)) {
		const char *b[] = { _("Buat admin"), _("Batal") };
		if (dlg_ask(u, _("Operator"),
			    _("Belum ada akun operator: siapa pun dapat mengubah data. Buat akun admin "
			      "sekarang? Sesudah itu setiap orang masuk dengan nama dan PIN-nya."), b, 2) == 0)
			add_operator(u, 1);
		return;
	}
	int mask = siks_mask_nik_enabled(u->s);
	const char *items[] = { _("Ganti operator"), _("Ganti PIN saya"), _("Tambah operator"),
				mask ? _("Tampilkan NIK utuh") : _("Samarkan NIK (layar proyektor)") };
	int r = dlg_choose(u, _("Operator"), items, 4, 0);
	siks_err e = { 0 };
	if (r == 0) {
		tui_login(u, 0);
	} else if (r == 1) {
		char old[AUTH_PIN_MAX + 2] = "", pin[AUTH_PIN_MAX + 2];
		if (!u->s->operator_id[0]) {
			dlg_message(u, _("Operator"), _("Masuk dulu sebagai operator."));
			return;
		}
		if (dlg_secret(u, _("Ganti PIN"), _("PIN lama:"), old, sizeof old) != 0) return;
		if (new_pin(u, u->s->operator_name, pin, sizeof pin) == 0) {
			if (auth_operator_set_pin(u->s, u->s->operator_name, old, pin, &e) != 0)
				dlg_message(u, _("Ganti PIN"), e.msg);
			else
				ui_msg(u, R_MSG, "%s", _("PIN diganti."));
		}
		explicit_bzero(old, sizeof old);
		explicit_bzero(pin, sizeof pin);
	} else if (r == 2) {
		if (auth_allow(u->s, SIKS_ACT_MANAGE_OPERATORS, &e) != 0)
			dlg_message(u, _("Operator"), e.msg);
		else
			add_operator(u, 0);
	} else if (r == 3) {
		if (siks_mask_nik_set(u->s, !mask, &e) != 0)
			dlg_message(u, _("Operator"), e.msg);
		else
			ui_msg(u, R_MSG, "%s", !mask ? _("NIK dan No KK kini disamarkan.") : _("NIK dan No KK kini ditampilkan utuh."));
	}
}
