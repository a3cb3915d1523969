/* latihan_build.c — making a new practice database from the demo village:
 * built under a temporary name, marked as practice, renamed to the pristine
 * copy, then copied to the working practice file. */
#include <stdio.h>
#include "siks/auth.h"
#include "siks/db.h"
#include "siks/demo.h"
#include "siks/i18n.h"
#include "siks/latihan.h"
#include "siks/platform.h"
#include "latihan_int.h"

static int build_into(const char *tmp, siks_err *e)
{
	siks *s = NULL;
	int rc = siks_open(&s, tmp, SIKS_OPEN_CREATE, e);
	if (rc)
		return rc;
	siks_set_operator(s, "", "latihan", SIKS_OP_SYSTEM);
	rc = demo_build(s, NULL, e);
	/* the trainer's account first (the first account must be an admin),
	 * then the trainee's: practising the log-in is part of the training */
	if (rc == 0)
		rc = auth_operator_add(s, LATIHAN_PELATIH, SIKS_OP_ADMIN, LATIHAN_PELATIH_PIN, e);
	if (rc == 0)
		rc = auth_login(s, LATIHAN_PELATIH, LATIHAN_PELATIH_PIN, e);
	if (rc == 0)
		rc = auth_operator_add(s, LATIHAN_PESERTA, SIKS_OP_DESA, LATIHAN_PESERTA_PIN, e);
	auth_logout(s);
	if (rc == 0)
		rc = siks_setting_set(s, "site.practice", "1", e);
	/* self-contained file: no -wal beside it, opens read-only anywhere */
	if (rc == 0)
		rc = db_exec(s, "PRAGMA journal_mode=DELETE", e);
	siks_close(s);
	return rc;
}

int latihan_build(const char *path, siks_err *e)
{
	char awal[1100], tmp[1200];
	latihan_pristine_path(path, awal, sizeof awal);
	if (plat_file_exists(path))
		return siks_fail(e, SIKS_EINVAL, "", _("%s sudah ada"), path);
	if (plat_file_exists(awal))
		return siks_fail(e, SIKS_EINVAL, "", _("%s sudah ada"), awal);
	snprintf(tmp, sizeof tmp, "%s.baru", awal);
	/* a build cut short earlier leaves only this temporary name */
	plat_remove(tmp);
	int rc = build_into(tmp, e);
	if (rc == 0 && plat_fsync_file(tmp) != 0)
		rc = siks_fail(e, SIKS_EIO, "", _("%s tidak dapat ditulis"), tmp);
	if (rc == 0)
		rc = plat_rename(tmp, awal, e);
	char lk[1300];
	snprintf(lk, sizeof lk, "%s.lock", tmp);  /* the session lock siks_open took */
	plat_remove(lk);
	if (rc) {
		plat_remove(tmp);
		return rc;
	}
	return latihan_copy_db(awal, path, e);
}

