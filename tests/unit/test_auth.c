/* test_auth.c — operator accounts, PIN hashes, lockout, and the role table:
 * every forbidden action for every role is refused by the core. */
#include "testutil.h"
#include "siks/auth.h"
#include "siks/history.h"
#include "siks/privacy.h"

#define T0 ((int64_t)1795000000000) /* a fixed "now" in ms */

static siks *with_admin(int site_role)
{
	siks *s = tu_open(site_role, NULL);
	siks_err e = { 0 };
	assert_int_equal(auth_operator_add(s, "Admin Desa", SIKS_OP_ADMIN, "4321", &e), 0);
	return s;
}

static void test_hash_is_not_pin_and_salted(void **st)
{
	(void)st;
	siks *s = with_admin(SIKS_SITE_DESA);
	siks_err e = { 0 };
	assert_int_equal(auth_login(s, "admin desa", "4321", &e), 0);
	assert_int_equal(auth_operator_add(s, "Siti", SIKS_OP_DESA, "123456", &e), 0);
	assert_int_equal(auth_operator_add(s, "Bambang", SIKS_OP_DESA, "123456", &e), 0);
	char *a = NULL, *b = NULL;
	sqlite3_stmt *q = db_stmt(s, "SELECT pin_hash FROM operator WHERE name=?", &e);
	sqlite3_bind_text(q, 1, "Siti", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	a = strdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	sqlite3_bind_text(q, 1, "Bambang", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	b = strdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	assert_null(strstr(a, "123456"));
	assert_true(strncmp(a, "$y$", 3) == 0); /* yescrypt */
	assert_string_not_equal(a, b);           /* a salt per account */
	assert_true(auth_check_pin("123456", a));
	assert_true(auth_check_pin("123456", b));
	assert_false(auth_check_pin("123457", a));
	assert_false(auth_check_pin("123456", "123456"));
	/* no audit row holds the PIN or the hash */
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE old LIKE '%123456%' OR new LIKE '%123456%'"
				" OR new LIKE '%$y$%'", -1), 0);
	free(a);
	free(b);
	siks_close(s);
}

static void test_first_account_must_be_admin(void **st)
{
	(void)st;
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	siks_err e = { 0 };
	assert_false(auth_has_accounts(s));
	assert_int_equal(auth_operator_add(s, "Siti", SIKS_OP_DESA, "1234", &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "admin"));
	assert_int_equal(auth_operator_add(s, "A", SIKS_OP_ADMIN, "1234", &e), SIKS_EINVAL);
	assert_int_equal(auth_operator_add(s, "Admin", SIKS_OP_ADMIN, "12", &e), SIKS_EINVAL);
	assert_string_equal(e.field, "pin");
	assert_int_equal(auth_operator_add(s, "Admin", SIKS_OP_ADMIN, "1234", &e), 0);
	assert_true(auth_has_accounts(s));
	/* now nobody is logged in: adding another is refused */
	assert_int_equal(auth_operator_add(s, "Siti", SIKS_OP_DESA, "1234", &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "Masuk dulu"));
	assert_int_equal(auth_login(s, "Admin", "1234", &e), 0);
	assert_int_equal(auth_operator_add(s, "ADMIN", SIKS_OP_DESA, "1234", &e), SIKS_ECONFLICT);
	siks_close(s);
}

static void test_wrong_pins_lock(void **st)
{
	(void)st;
	siks *s = with_admin(SIKS_SITE_DESA);
	siks_err e = { 0 };
	assert_int_equal(auth_login_at(s, "Admin Desa", "4321", T0, &e), 0);
	assert_int_equal(auth_operator_add(s, "Siti", SIKS_OP_DESA, "2468", &e), 0);
	auth_logout(s);
	/* four misses, then the right PIN: fine, and the count starts again */
	for (int i = 0; i < 4; i++) {
		assert_int_equal(auth_login_at(s, "Siti", "0000", T0, &e), SIKS_EPERM);
		assert_string_equal(s->operator_name, "");
	}
	assert_non_null(strstr(e.msg, "sisa 1"));
	assert_int_equal(auth_login_at(s, "Siti", "2468", T0, &e), 0);
	assert_string_equal(s->operator_name, "Siti");
	assert_int_equal(s->operator_role, SIKS_OP_DESA);
	auth_logout(s);
	/* five misses lock it */
	for (int i = 0; i < 5; i++)
		assert_int_equal(auth_login_at(s, "Siti", "1111", T0 + i, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "dikunci 15 menit"));
	/* locked: even the right PIN is refused until 15 minutes have passed */
	assert_int_equal(auth_login_at(s, "Siti", "2468", T0 + 60 * 1000, &e), SIKS_ECONFLICT);
	assert_non_null(strstr(e.msg, "terkunci"));
	assert_int_equal(auth_login_at(s, "Siti", "2468", T0 + 14 * 60 * 1000, &e), SIKS_ECONFLICT);
	auth_operator o;
	assert_int_equal(auth_operator_get(s, "siti", &o, &e), 0);
	assert_true(o.locked_until > T0);
	assert_int_equal(auth_login_at(s, "Siti", "2468", T0 + 16 * 60 * 1000, &e), 0);
	assert_int_equal(auth_operator_get(s, "siti", &o, &e), 0);
	assert_int_equal(o.failed, 0);
	assert_int_equal(o.locked_until, 0);
	/* the lock is in the audit trail */
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE tbl='operator' AND field='locked'", 0), 1);
	/* an unknown name is refused like a wrong PIN */
	assert_int_equal(auth_login_at(s, "Tidak Ada", "2468", T0, &e), SIKS_EPERM);
	siks_close(s);
}

static void test_admin_unlocks_and_resets_pin(void **st)
{
	(void)st;
	siks *s = with_admin(SIKS_SITE_DESA);
	siks_err e = { 0 };
	assert_int_equal(auth_login(s, "Admin Desa", "4321", &e), 0);
	assert_int_equal(auth_operator_add(s, "Siti", SIKS_OP_DESA, "2468", &e), 0);
	auth_logout(s);
	for (int i = 0; i < 5; i++)
		auth_login(s, "Siti", "9999", &e);
	assert_int_equal(auth_login(s, "Siti", "2468", &e), SIKS_ECONFLICT);
	assert_int_equal(auth_operator_unlock(s, "Siti", &e), SIKS_EPERM);
	assert_int_equal(auth_login(s, "Admin Desa", "4321", &e), 0);
	assert_int_equal(auth_operator_unlock(s, "Siti", &e), 0);
	assert_int_equal(auth_operator_set_pin(s, "Siti", NULL, "8642", &e), 0);
	assert_int_equal(auth_login(s, "Siti", "2468", &e), SIKS_EPERM);
	assert_int_equal(auth_login(s, "Siti", "8642", &e), 0);
	/* her own PIN: the old one is asked */
	assert_int_equal(auth_operator_set_pin(s, "Siti", "0000", "1357", &e), SIKS_EPERM);
	assert_int_equal(auth_operator_set_pin(s, "Siti", "8642", "1357", &e), 0);
	/* not someone else's */
	assert_int_equal(auth_operator_set_pin(s, "Admin Desa", "4321", "1111", &e), SIKS_EPERM);
	/* the last admin stays */
	assert_int_equal(auth_login(s, "Admin Desa", "4321", &e), 0);
	assert_int_equal(auth_operator_disable(s, "Admin Desa", &e), SIKS_EPERM);
	assert_int_equal(auth_operator_disable(s, "Siti", &e), 0);
	assert_int_equal(auth_login(s, "Siti", "1357", &e), SIKS_EPERM);
	siks_close(s);
}

static void test_audit_rows_name_operator(void **st)
{
	(void)st;
	siks *s = with_admin(SIKS_SITE_DESA);
	siks_err e = { 0 };
	assert_int_equal(auth_login(s, "Admin Desa", "4321", &e), 0);
	assert_int_equal(auth_operator_add(s, "Siti", SIKS_OP_DESA, "2468", &e), 0);
	assert_int_equal(auth_login(s, "Siti", "2468", &e), 0);
	char hh[33];
	tu_household(s, "Krajan", 3, hh);
	assert_int_equal(rec_save_field(s, "household", hh, "rt", "4", &e), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE tbl='household'", 0), 2);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE tbl='household' AND operator='Siti'", 0), 2);
	assert_int_equal(audit_note_export(s, "BNBA -> /tmp/x.csv", &e), 0);
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE tbl='export' AND operator='Siti'", 0), 1);
	siks_close(s);
}

/* Logs in a fresh account of role on s (admin creates it). */
static void become(siks *s, int role)
{
	siks_err e = { 0 };
	char name[32];
	snprintf(name, sizeof name, "akun-%s", auth_role_name(role));
	auth_operator o;
	if (auth_operator_get(s, name, &o, NULL) != 0) {
		assert_int_equal(auth_login(s, "Admin Desa", "4321", &e), 0);
		assert_int_equal(auth_operator_add(s, name, role, "5555", &e), 0);
	}
	assert_int_equal(auth_login(s, name, "5555", &e), 0);
	assert_int_equal(s->operator_role, role);
}

/* The expected policy, written out again by hand. */
static int expect(int role, int action, int practice)
{
	if (action == SIKS_ACT_AUDIT_CHANGE)
		return 0;
	if (action == SIKS_ACT_VIEW)
		return 1;
	switch (role) {
	case SIKS_OP_ADMIN:
		return 1;
	case SIKS_OP_PELATIH:
		return practice;
	case SIKS_OP_DESA:
		return action == SIKS_ACT_EDIT || action == SIKS_ACT_MUSDES || action == SIKS_ACT_IMPORT ||
		       action == SIKS_ACT_EXPORT || action == SIKS_ACT_BACKUP;
	case SIKS_OP_VERIFIKATOR:
		return action == SIKS_ACT_DISTRICT_RESULT || action == SIKS_ACT_IMPORT ||
		       action == SIKS_ACT_EXPORT || action == SIKS_ACT_EXPORT_OTHER || action == SIKS_ACT_BACKUP;
	}
	return 0;
}

static void check_roles(int practice)
{
	siks *s = with_admin(SIKS_SITE_KABUPATEN);
	s->practice = practice;
	int refused = 0;
	for (int role = SIKS_OP_DESA; role <= SIKS_OP_PELATIH; role++) {
		become(s, role);
		for (int a = 0; a < SIKS_ACT_COUNT; a++) {
			siks_err e = { 0 };
			int rc = auth_allow(s, a, &e);
			if (expect(role, a, practice)) {
				if (rc != 0)
					fail_msg("role %d action %d refused: %s", role, a, e.msg);
			} else {
				assert_int_equal(rc, SIKS_EPERM);
				assert_true(strlen(e.msg) > 10);
				refused++;
			}
		}
	}
	assert_true(refused > 10);
	/* nobody logged in while accounts exist: only viewing */
	auth_logout(s);
	for (int a = 0; a < SIKS_ACT_COUNT; a++) {
		siks_err e = { 0 };
		assert_int_equal(auth_allow(s, a, &e) == 0, a == SIKS_ACT_VIEW);
	}
	siks_close(s);
}

static void test_roles_real(void **st)
{
	(void)st;
	check_roles(0);
}

static void test_roles_practice(void **st)
{
	(void)st;
	check_roles(1);
}

static void test_role_messages(void **st)
{
	(void)st;
	siks *s = with_admin(SIKS_SITE_DESA);
	siks_err e = { 0 };
	become(s, SIKS_OP_DESA);
	assert_int_equal(auth_allow(s, SIKS_ACT_DISTRICT_RESULT, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "operator desa"));
	assert_non_null(strstr(e.msg, "hasil verifikasi dinas"));
	assert_int_equal(auth_allow(s, SIKS_ACT_AUDIT_CHANGE, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "audit"));
	/* own village yes, another no */
	assert_int_equal(auth_allow_village(s, SIKS_ACT_EXPORT, "35.28.01.2001", &e), 0);
	assert_int_equal(auth_allow_village(s, SIKS_ACT_EXPORT, "35.28.01.2002", &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "35.28.01.2002"));
	/* the pelatih on real data only looks */
	become(s, SIKS_OP_PELATIH);
	assert_int_equal(auth_allow(s, SIKS_ACT_EDIT, &e), SIKS_EPERM);
	assert_non_null(strstr(e.msg, "latihan"));
	/* management functions refuse by themselves */
	become(s, SIKS_OP_DESA);
	assert_int_equal(auth_operator_add(s, "Baru", SIKS_OP_DESA, "1234", &e), SIKS_EPERM);
	assert_int_equal(auth_operator_unlock(s, "Admin Desa", &e), SIKS_EPERM);
	assert_int_equal(siks_mask_nik_set(s, 1, &e), SIKS_EPERM);
	siks_close(s);
}

static void test_district_villages(void **st)
{
	(void)st;
	siks *s = with_admin(SIKS_SITE_KABUPATEN);
	siks_err e = { 0 };
	become(s, SIKS_OP_VERIFIKATOR);
	assert_int_equal(auth_allow_village(s, SIKS_ACT_EXPORT, "35.28.01.2001", &e), 0);
	assert_int_equal(auth_allow_village(s, SIKS_ACT_EXPORT, "35.28.13.2005", &e), 0);
	become(s, SIKS_OP_DESA);
	assert_int_equal(auth_allow_village(s, SIKS_ACT_EXPORT, "35.28.01.2001", &e), SIKS_EPERM);
	siks_close(s);
}

static void test_role_names(void **st)
{
	(void)st;
	tu_env();
	assert_int_equal(auth_role_parse("desa"), SIKS_OP_DESA);
	assert_int_equal(auth_role_parse("Verifikator"), SIKS_OP_VERIFIKATOR);
	assert_int_equal(auth_role_parse("admin"), SIKS_OP_ADMIN);
	assert_int_equal(auth_role_parse("pelatih"), SIKS_OP_PELATIH);
	assert_int_equal(auth_role_parse("operator desa"), SIKS_OP_DESA);
	assert_int_equal(auth_role_parse("raja"), -1);
	assert_int_equal(auth_role_parse("sistem"), -1);
}

static void test_mask_nik(void **st)
{
	(void)st;
	char b[32];
	assert_string_equal(siks_nik_mask("3528014501900012", b, sizeof b), "3528********0012");
	assert_string_equal(siks_nik_mask("12345678", b, sizeof b), "********");
	assert_string_equal(siks_nik_mask(NULL, b, sizeof b), "");
	siks *s = with_admin(SIKS_SITE_DESA);
	siks_err e = { 0 };
	assert_string_equal(siks_nik_display(s, "3528014501900012", b, sizeof b), "3528014501900012");
	assert_int_equal(auth_login(s, "Admin Desa", "4321", &e), 0);
	assert_int_equal(siks_mask_nik_set(s, 1, &e), 0);
	assert_string_equal(siks_nik_display(s, "3528014501900012", b, sizeof b), "3528********0012");
	assert_int_equal(db_int(s, "SELECT count(*) FROM audit WHERE tbl='setting'", 0), 1);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_is_not_pin_and_salted),
		cmocka_unit_test(test_first_account_must_be_admin),
		cmocka_unit_test(test_wrong_pins_lock),
		cmocka_unit_test(test_admin_unlocks_and_resets_pin),
		cmocka_unit_test(test_audit_rows_name_operator),
		cmocka_unit_test(test_roles_real),
		cmocka_unit_test(test_roles_practice),
		cmocka_unit_test(test_role_messages),
		cmocka_unit_test(test_district_villages),
		cmocka_unit_test(test_role_names),
		cmocka_unit_test(test_mask_nik),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
