/* auth_role.c — which role may do what: one table, one check.
 * The table is the whole policy; the tests walk every cell of it. */
#include <stdio.h>
#include <string.h>
#include "siks/auth.h"
#include "siks/i18n.h"

/* allowed[role][action]. A trainer (pelatih) works on practice copies: there
 * the role counts as admin (see auth_allow); on real data it may only look. */
static const unsigned char allowed[SIKS_OP_PELATIH + 1][SIKS_ACT_COUNT] = {
	/*                 VIEW EDIT MUSD DIST IMP  EXP  EXPO BAK  REST MAN  SET  AUD */
	[SIKS_OP_SYSTEM]      = { 1,  1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   0 },
	[SIKS_OP_DESA]        = { 1,  1,   1,   0,   1,   1,   0,   1,   0,   0,   0,   0 },
	[SIKS_OP_VERIFIKATOR] = { 1,  0,   0,   1,   1,   1,   1,   1,   0,   0,   0,   0 },
	[SIKS_OP_ADMIN]       = { 1,  1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   0 },
	[SIKS_OP_PELATIH]     = { 1,  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0 },
};

static const struct {
	const char *name;
	const char *label;
} roles[] = {
	[SIKS_OP_SYSTEM] = { "sistem", N_("sistem (belum masuk)") },
	[SIKS_OP_DESA] = { "desa", N_("operator desa") },
	[SIKS_OP_VERIFIKATOR] = { "verifikator", N_("verifikator") },
	[SIKS_OP_ADMIN] = { "admin", N_("admin") },
	[SIKS_OP_PELATIH] = { "pelatih", N_("pelatih") },
};

static const char *const actions[SIKS_ACT_COUNT] = {
	[SIKS_ACT_VIEW] = N_("melihat data"),
	[SIKS_ACT_EDIT] = N_("mengubah data rumah tangga dan anggota"),
	[SIKS_ACT_MUSDES] = N_("mencatat musyawarah desa"),
	[SIKS_ACT_DISTRICT_RESULT] = N_("mencatat hasil verifikasi dinas"),
	[SIKS_ACT_IMPORT] = N_("mengimpor data"),
	[SIKS_ACT_EXPORT] = N_("mengekspor data pribadi"),
	[SIKS_ACT_EXPORT_OTHER] = N_("mengekspor data desa lain"),
	[SIKS_ACT_BACKUP] = N_("membuat cadangan"),
	[SIKS_ACT_RESTORE] = N_("memulihkan dari cadangan"),
	[SIKS_ACT_MANAGE_OPERATORS] = N_("mengelola akun operator"),
	[SIKS_ACT_SETTINGS] = N_("mengubah pengaturan"),
	[SIKS_ACT_AUDIT_CHANGE] = N_("mengubah jejak audit"),
};

const char *auth_role_label(int role)
{
	if (role < 0 || role > SIKS_OP_PELATIH)
		return "?";
	return _(roles[role].label);
}

const char *auth_role_name(int role)
{
	if (role < 0 || role > SIKS_OP_PELATIH)
		return "?";
	return roles[role].name;
}

int auth_role_parse(const char *name)
{
	if (!name)
		return -1;
	for (int r = SIKS_OP_DESA; r <= SIKS_OP_PELATIH; r++)
		if (strcasecmp(name, roles[r].name) == 0 || strcasecmp(name, roles[r].label) == 0 ||
		    strcasecmp(name, _(roles[r].label)) == 0)
			return r;
	if (strcasecmp(name, "operator") == 0 || strcasecmp(name, "operator-desa") == 0)
		return SIKS_OP_DESA;
	return -1;
}

const char *auth_action_label(int action)
{
	if (action < 0 || action >= SIKS_ACT_COUNT)
		return "?";
	return _(actions[action]);
}

int auth_allow(siks *s, int action, siks_err *e)
{
	if (action < 0 || action >= SIKS_ACT_COUNT)
		return siks_fail(e, SIKS_EPERM, "", _("Tindakan tidak dikenal"));
	if (action == SIKS_ACT_AUDIT_CHANGE)
		return siks_fail(e, SIKS_EPERM, "",
				 _("Jejak audit tidak dapat diubah atau dihapus oleh siapa pun"));
	int role = s->operator_role;
	if (role < SIKS_OP_SYSTEM || role > SIKS_OP_PELATIH)
		return siks_fail(e, SIKS_EPERM, "", _("Peran operator tidak dikenal"));
	if (role == SIKS_OP_SYSTEM) {
		/* set-up mode: no account yet, the program itself does everything */
		if (!auth_has_accounts(s) || action == SIKS_ACT_VIEW)
			return 0;
		return siks_fail(e, SIKS_EPERM, "",
				 _("Masuk dulu sebagai operator untuk %s"), auth_action_label(action));
	}
	if (role == SIKS_OP_PELATIH && s->practice)
		role = SIKS_OP_ADMIN;
	if (allowed[role][action])
		return 0;
	if (s->operator_role == SIKS_OP_PELATIH)
		return siks_fail(e, SIKS_EPERM, "",
				 _("Pelatih hanya boleh melihat data asli; %s hanya di salinan latihan"),
				 auth_action_label(action));
	return siks_fail(e, SIKS_EPERM, "", _("Peran %s (%s) tidak boleh %s"),
			 auth_role_label(role), s->operator_name, auth_action_label(action));
}

/* The village of an operator desa is the village of this site: anything else
 * is "another village". District roles cover every village of their site. */
int auth_allow_village(siks *s, int action, const char *kode, siks_err *e)
{
	if (auth_allow(s, action, e) != 0)
		return SIKS_EPERM;
	if (!kode || !*kode)
		return 0;
	int own = s->site_role == SIKS_SITE_DESA && strcmp(kode, s->site_kode) == 0;
	if (!own && s->site_role == SIKS_SITE_KABUPATEN && s->operator_role != SIKS_OP_DESA) {
		size_t n = strlen(s->site_kode);
		own = strncmp(kode, s->site_kode, n) == 0 && (kode[n] == '\0' || kode[n] == '.');
	}
	if (own || s->site_role == SIKS_SITE_NONE)
		return 0;
	if (auth_allow(s, SIKS_ACT_EXPORT_OTHER, NULL) == 0)
		return 0;
	return siks_fail(e, SIKS_EPERM, "",
			 _("Peran %s (%s) tidak boleh mengakses data desa lain (%s)"),
			 auth_role_label(s->operator_role), s->operator_name, kode);
}
