/* cmd_operator.c — `siksdesa operator ...`: operator accounts (auth.h) and
 * `siksdesa privacy mask-nik on|off` (privacy.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "siks/auth.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/privacy.h"

/* The new PIN: $SIKSDESA_NEW_PIN, else stdin; typed twice on a terminal. */
static int read_new_pin(cli_ctx *c, const char *name, char *pin, size_t n)
{
	char prompt[160], again[AUTH_PIN_MAX + 2];
	snprintf(prompt, sizeof prompt, _("PIN baru untuk %s: "), name);
	if (cli_read_pin("SIKSDESA_NEW_PIN", prompt, pin, n) != 0)
		return cli_error(c, 1, _("PIN baru tidak diberikan"));
	if (isatty(0) && !getenv("SIKSDESA_NEW_PIN")) {
		if (cli_read_pin(NULL, _("Ulangi PIN baru: "), again, sizeof again) != 0 ||
		    strcmp(pin, again) != 0)
			return cli_error(c, 1, _("kedua PIN tidak sama; tidak ada yang diubah"));
	}
	return 0;
}

static int op_add(cli_ctx *c, siks *s, int argc, char **argv)
{
	const char *name = NULL, *role = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
			role = argv[++i];
		else if (strncmp(argv[i], "--role=", 7) == 0)
			role = argv[i] + 7;
		else if (!name && argv[i][0] != '-')
			name = argv[i];
		else
			return cli_usage(c, "operator");
	}
	if (!name || !role)
		return cli_usage(c, "operator");
	int r = auth_role_parse(role);
	if (r < 0)
		return cli_error(c, 2, _("peran tidak dikenal: %s (desa, verifikator, admin, pelatih)"), role);
	siks_err e = { 0 };
	/* refuse before asking for a PIN that would not be used */
	if (auth_has_accounts(s) && auth_allow(s, SIKS_ACT_MANAGE_OPERATORS, &e) != 0)
		return cli_err(c, 1, &e);
	char pin[AUTH_PIN_MAX + 2];
	if (read_new_pin(c, name, pin, sizeof pin) != 0)
		return 1;
	int rc = auth_operator_add(s, name, r, pin, &e);
	explicit_bzero(pin, sizeof pin);
	if (rc != 0)
		return cli_err(c, 1, &e);
	printf(_("Operator %s (%s) dibuat\n"), name, auth_role_label(r));
	return 0;
}

static int op_list(cli_ctx *c, siks *s)
{
	auth_operator *v;
	size_t n;
	siks_err e = { 0 };
	if (auth_operator_list(s, &v, &n, &e) != 0)
		return cli_err(c, 1, &e);
	if (n == 0)
		printf(_("Belum ada akun operator. Buat admin: siksdesa operator add NAMA --role admin\n"));
	int64_t now = plat_now_ms();
	for (size_t i = 0; i < n; i++) {
		char state[64];
		if (!v[i].active)
			snprintf(state, sizeof state, "%s", _("nonaktif"));
		else if (v[i].locked_until > now)
			snprintf(state, sizeof state, "%s", _("terkunci"));
		else
			snprintf(state, sizeof state, "%s", _("aktif"));
		printf("%-24s %-16s %-10s %s\n", v[i].name, auth_role_label(v[i].role), state,
		       v[i].last_login[0] ? v[i].last_login : "-");
	}
	free(v);
	return 0;
}

int cmd_operator(cli_ctx *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(c, "operator");
	const char *sub = argv[1];
	if (strcmp(sub, "add") != 0 && strcmp(sub, "list") != 0 && strcmp(sub, "pin") != 0 &&
	    strcmp(sub, "unlock") != 0 && strcmp(sub, "disable") != 0)
		return cli_usage(c, "operator");
	if (strcmp(sub, "list") != 0 && strcmp(sub, "add") != 0 && argc != 3)
		return cli_usage(c, "operator");
	siks *s = cli_open(c, strcmp(sub, "add") == 0);
	if (!s)
		return 1;
	siks_err e = { 0 };
	int rc = 0;
	if (strcmp(sub, "add") == 0) {
		rc = op_add(c, s, argc, argv);
	} else if (strcmp(sub, "list") == 0) {
		rc = op_list(c, s);
	} else if (strcmp(sub, "pin") == 0) {
		char old[AUTH_PIN_MAX + 2] = "", pin[AUTH_PIN_MAX + 2];
		int own = strcasecmp(argv[2], s->operator_name) == 0;
		if (!own && s->operator_role != SIKS_OP_ADMIN && auth_allow(s, SIKS_ACT_MANAGE_OPERATORS, &e) != 0)
			rc = cli_err(c, 1, &e);
		else if (own && s->operator_role != SIKS_OP_ADMIN &&
			 cli_read_pin("SIKSDESA_OLD_PIN", _("PIN lama: "), old, sizeof old) != 0)
			rc = cli_error(c, 1, _("PIN lama tidak diberikan"));
		else if (read_new_pin(c, argv[2], pin, sizeof pin) != 0)
			rc = 1;
		else if (auth_operator_set_pin(s, argv[2], old, pin, &e) != 0)
			rc = cli_err(c, 1, &e);
		else
			printf(_("PIN %s diganti\n"), argv[2]);
		explicit_bzero(old, sizeof old);
		explicit_bzero(pin, sizeof pin);
	} else if (strcmp(sub, "unlock") == 0) {
		if (auth_operator_unlock(s, argv[2], &e) != 0)
			rc = cli_err(c, 1, &e);
		else
			printf(_("Akun %s dibuka\n"), argv[2]);
	} else {
		if (auth_operator_disable(s, argv[2], &e) != 0)
			rc = cli_err(c, 1, &e);
		else
			printf(_("Akun %s dinonaktifkan\n"), argv[2]);
	}
	siks_close(s);
	return rc;
}

int cmd_privacy(cli_ctx *c, int argc, char **argv)
{
	if (argc != 3 || strcmp(argv[1], "mask-nik") != 0 ||
	    (strcmp(argv[2], "on") != 0 && strcmp(argv[2], "off") != 0))
		return cli_usage(c, "privacy");
	siks *s = cli_open(c, 0);
	if (!s)
		return 1;
	siks_err e = { 0 };
	int on = strcmp(argv[2], "on") == 0;
	int rc = siks_mask_nik_set(s, on, &e) != 0 ? cli_err(c, 1, &e) : 0;
	if (rc == 0)
		printf(on ? _("NIK dan No KK kini disamarkan di layar dan daftar\n")
			  : _("NIK dan No KK kini ditampilkan utuh\n"));
	siks_close(s);
	return rc;
}
