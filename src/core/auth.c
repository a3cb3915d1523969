/* auth.c — operator accounts: yescrypt PIN hashes, login, lockout.
 * The operator table is local to this site (not synced, not written through
 * rec_save); changes to it are still written to the audit trail, never with
 * a PIN or a hash in them. Roles and actions: auth_role.c. */
#include <crypt.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "siks/auth.h"
#include "siks/db.h"
#include "siks/history.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/rec.h"
#include "siks/safety.h"

int auth_hash_pin(const char *pin, char *out, size_t n, siks_err *e)
{
	unsigned char rnd[32];
	plat_random(rnd, sizeof rnd);
	/* count 0: libcrypt's default cost for yescrypt */
	char *salt = crypt_gensalt_ra("$y$", 0, (const char *)rnd, (int)sizeof rnd);
	if (!salt)
		return siks_fail(e, SIKS_ENOMEM, "", _("Tidak dapat membuat garam sandi"));
	struct crypt_data *cd = calloc(1, sizeof *cd);
	if (!cd) {
		free(salt);
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	}
	const char *h = crypt_r(pin, salt, cd);
	free(salt);
	int rc = 0;
	if (!h || h[0] == '*' || strlen(h) + 1 > n)
		rc = siks_fail(e, SIKS_EINVAL, "pin", _("PIN tidak dapat disandikan"));
	else
		snprintf(out, n, "%s", h);
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return rc;
}

int auth_check_pin(const char *pin, const char *hash)
{
	if (!pin || !hash || strncmp(hash, "$y$", 3) != 0)
		return 0;
	struct crypt_data *cd = calloc(1, sizeof *cd);
	if (!cd)
		return 0;
	const char *h = crypt_r(pin, hash, cd);
	int ok = 0;
	if (h && h[0] != '*') {
		size_t a = strlen(h), b = strlen(hash);
		unsigned char d = (unsigned char)(a != b);
		for (size_t i = 0; i < a && i < b; i++)
			d |= (unsigned char)(h[i] ^ hash[i]);
		ok = d == 0;
	}
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return ok;
}

int auth_has_accounts(siks *s)
{
	return db_int(s, "SELECT EXISTS(SELECT 1 FROM operator WHERE active=1)", 0) != 0;
}

static int check_name(const char *name, siks_err *e)
{
	size_t n = name ? strlen(name) : 0;
	if (n < 2 || n > 40)
		return siks_fail(e, SIKS_EINVAL, "nama", _("Nama operator harus 2 sampai 40 huruf"));
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return siks_fail(e, SIKS_EINVAL, "nama", _("Nama operator memuat karakter kendali"));
	if (isspace((unsigned char)name[0]) || isspace((unsigned char)name[n - 1]))
		return siks_fail(e, SIKS_EINVAL, "nama", _("Nama operator tidak boleh diawali atau diakhiri spasi"));
	return 0;
}

static int check_pin(const char *pin, siks_err *e)
{
	size_t n = pin ? strlen(pin) : 0;
	if (n < AUTH_PIN_MIN || n > AUTH_PIN_MAX)
		return siks_fail(e, SIKS_EINVAL, "pin", _("PIN harus %d sampai %d karakter"),
				 AUTH_PIN_MIN, AUTH_PIN_MAX);
	return 0;
}

static void row_to_op(sqlite3_stmt *st, auth_operator *o)
{
	memset(o, 0, sizeof *o);
	const char *t;
	snprintf(o->id, sizeof o->id, "%s", (t = (const char *)sqlite3_column_text(st, 0)) ? t : "");
	snprintf(o->name, sizeof o->name, "%s", (t = (const char *)sqlite3_column_text(st, 1)) ? t : "");
	o->role = sqlite3_column_int(st, 2);
	o->active = sqlite3_column_int(st, 3);
	o->failed = sqlite3_column_int(st, 4);
	o->locked_until = sqlite3_column_int64(st, 5);
	snprintf(o->created, sizeof o->created, "%s", (t = (const char *)sqlite3_column_text(st, 6)) ? t : "");
	snprintf(o->last_login, sizeof o->last_login, "%s", (t = (const char *)sqlite3_column_text(st, 7)) ? t : "");
}

int auth_operator_get(siks *s, const char *name, auth_operator *out, siks_err *e)
{
	sqlite3_stmt *st = db_stmt(s,
		"SELECT id,name,role,active,failed,locked_until,created,last_login"
		" FROM operator WHERE name=?1 COLLATE NOCASE", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, name ? name : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		row_to_op(st, out);
		sqlite3_reset(st);
		return 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, e, "operator");
	return siks_fail(e, SIKS_ENOTFOUND, "nama", _("Operator \"%s\" tidak ada"), name ? name : "");
}

/* row_to_op in db_collect's shape */
static void read_op(sqlite3_stmt *st, void *row)
{
	row_to_op(st, row);
}

int auth_operator_list(siks *s, auth_operator **out, size_t *n, siks_err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(s,
		"SELECT id,name,role,active,failed,locked_until,created,last_login"
		" FROM operator ORDER BY name COLLATE NOCASE", e);
	if (!st)
		return SIKS_EDB;
	return db_collect(s, st, sizeof **out, read_op, (void **)out, n, "operator", e);
}

int auth_operator_add(siks *s, const char *name, int role, const char *pin, siks_err *e)
{
	if (check_name(name, e) || check_pin(pin, e))
		return SIKS_EINVAL;
	if (role < SIKS_OP_DESA || role > SIKS_OP_PELATIH)
		return siks_fail(e, SIKS_EINVAL, "role", _("Peran operator tidak dikenal"));
	int first = !auth_has_accounts(s);
	if (first && role != SIKS_OP_ADMIN)
		return siks_fail(e, SIKS_EPERM, "role",
				 _("Akun pertama harus admin: buat dulu akun admin"));
	if (!first && auth_allow(s, SIKS_ACT_MANAGE_OPERATORS, e) != 0)
		return SIKS_EPERM;
	auth_operator old;
	if (auth_operator_get(s, name, &old, NULL) == 0)
		return siks_fail(e, SIKS_ECONFLICT, "nama", _("Operator \"%s\" sudah ada"), old.name);
	char hash[CRYPT_OUTPUT_SIZE];
	if (auth_hash_pin(pin, hash, sizeof hash, e) != 0)
		return e ? e->code : SIKS_EINVAL;
	char id[33], now[20];
	siks_id_new(id);
	plat_timestamp(now);
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	sqlite3_stmt *st = db_stmt(s,
		"INSERT INTO operator(id,name,role,pin_hash,active,failed,locked_until,created)"
		" VALUES(?1,?2,?3,?4,1,0,0,?5)", e);
	int rc = SIKS_EDB;
	if (st) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 3, role);
		sqlite3_bind_text(st, 4, hash, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "operator");
		sqlite3_reset(st);
	}
	explicit_bzero(hash, sizeof hash);
	if (rc == 0) {
		char what[128];
		snprintf(what, sizeof what, "%s (%s)", name, auth_role_name(role));
		rc = audit_note(s, "operator", id, "*", NULL, what, e);
	}
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	return db_commit(s, e);
}

/* Writes one column of one account and its audit row, in one transaction. */
static int op_update(siks *s, const auth_operator *o, const char *what, const char *audit_old,
		     const char *audit_new, const char *hash, int active, int failed,
		     int64_t locked_until, siks_err *e)
{
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	sqlite3_stmt *st = db_stmt(s,
		"UPDATE operator SET pin_hash=coalesce(?2,pin_hash), active=?3, failed=?4,"
		" locked_until=?5 WHERE id=?1", e);
	int rc = SIKS_EDB;
	if (st) {
		sqlite3_bind_text(st, 1, o->id, -1, SQLITE_TRANSIENT);
		db_bind_text_or_null(st, 2, hash);
		sqlite3_bind_int(st, 3, active);
		sqlite3_bind_int(st, 4, failed);
		sqlite3_bind_int64(st, 5, locked_until);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "operator");
		sqlite3_reset(st);
	}
	if (rc == 0 && what)
		rc = audit_note(s, "operator", o->id, what, audit_old, audit_new, e);
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	return db_commit(s, e);
}

int auth_operator_set_pin(siks *s, const char *name, const char *old_pin,
			  const char *new_pin, siks_err *e)
{
	auth_operator o;
	if (auth_operator_get(s, name, &o, e) != 0)
		return e ? e->code : SIKS_ENOTFOUND;
	if (check_pin(new_pin, e))
		return SIKS_EINVAL;
	int own = strcmp(o.id, s->operator_id) == 0;
	if (!own || s->operator_role != SIKS_OP_ADMIN) {
		if (!own) {
			if (auth_allow(s, SIKS_ACT_MANAGE_OPERATORS, e) != 0)
				return SIKS_EPERM;
		} else {
			sqlite3_stmt *st = db_stmt(s, "SELECT pin_hash FROM operator WHERE id=?1", e);
			if (!st)
				return SIKS_EDB;
			sqlite3_bind_text(st, 1, o.id, -1, SQLITE_TRANSIENT);
			int ok = sqlite3_step(st) == SQLITE_ROW &&
				 auth_check_pin(old_pin, (const char *)sqlite3_column_text(st, 0));
			sqlite3_reset(st);
			if (!ok)
				return siks_fail(e, SIKS_EPERM, "pin", _("PIN lama salah"));
		}
	}
	char hash[CRYPT_OUTPUT_SIZE];
	if (auth_hash_pin(new_pin, hash, sizeof hash, e) != 0)
		return e ? e->code : SIKS_EINVAL;
	int rc = op_update(s, &o, "pin", NULL, _("(PIN diganti)"), hash, o.active, 0, 0, e);
	explicit_bzero(hash, sizeof hash);
	return rc;
}

int auth_operator_disable(siks *s, const char *name, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_MANAGE_OPERATORS, e) != 0)
		return SIKS_EPERM;
	auth_operator o;
	if (auth_operator_get(s, name, &o, e) != 0)
		return e ? e->code : SIKS_ENOTFOUND;
	if (!o.active)
		return 0;
	if (o.role == SIKS_OP_ADMIN &&
	    db_int(s, "SELECT count(*) FROM operator WHERE active=1 AND role=3", 0) <= 1)
		return siks_fail(e, SIKS_EPERM, "nama",
				 _("Admin terakhir tidak dapat dinonaktifkan; buat admin lain dulu"));
	return op_update(s, &o, "active", "1", "0", NULL, 0, o.failed, o.locked_until, e);
}

int auth_operator_unlock(siks *s, const char *name, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_MANAGE_OPERATORS, e) != 0)
		return SIKS_EPERM;
	auth_operator o;
	if (auth_operator_get(s, name, &o, e) != 0)
		return e ? e->code : SIKS_ENOTFOUND;
	return op_update(s, &o, "locked", NULL, "0", NULL, o.active, 0, 0, e);
}

/* A hash of a PIN nobody has, checked when the name is unknown so that a
 * wrong name takes as long as a wrong PIN. */
static const char *dummy_hash(void)
{
	static char h[CRYPT_OUTPUT_SIZE];
	if (!h[0] && auth_hash_pin("tidak-ada-operator", h, sizeof h, NULL) != 0)
		h[0] = '\0';
	return h;
}

static void fmt_time(int64_t ms, char out[20])
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 20, "%H:%M", &tm);
}

int auth_login_at(siks *s, const char *name, const char *pin, int64_t now_ms, siks_err *e)
{
	auth_operator o;
	char hash[CRYPT_OUTPUT_SIZE] = "";
	int found = auth_operator_get(s, name, &o, NULL) == 0 && o.active;
	if (found) {
		sqlite3_stmt *st = db_stmt(s, "SELECT pin_hash FROM operator WHERE id=?1", e);
		if (!st)
			return SIKS_EDB;
		sqlite3_bind_text(st, 1, o.id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(hash, sizeof hash, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
	}
	if (found && o.locked_until > now_ms) {
		char until[20];
		fmt_time(o.locked_until, until);
		return siks_fail(e, SIKS_ECONFLICT, "pin",
				 _("Akun \"%s\" terkunci karena %d kali PIN salah; coba lagi setelah pukul %s atau minta admin membukanya"),
				 o.name, AUTH_MAX_FAILS, until);
	}
	int ok = auth_check_pin(pin ? pin : "", found ? hash : dummy_hash());
	explicit_bzero(hash, sizeof hash);
	if (!found)
		return siks_fail(e, SIKS_EPERM, "nama", _("Nama operator atau PIN salah"));
	if (!ok) {
		int failed = o.failed + 1;
		int64_t until = 0;
		const char *what = NULL;
		char note[64] = "";
		if (failed >= AUTH_MAX_FAILS) {
			until = now_ms + (int64_t)AUTH_LOCK_MINUTES * 60 * 1000;
			failed = 0;
			what = "locked";
			fmt_time(until, note);
		}
		/* the lock is audited (who tried is worth knowing); single misses are not */
		int rc = op_update(s, &o, what, NULL, note, NULL, o.active, failed, until, e);
		if (rc != 0)
			return rc;
		if (until)
			return siks_fail(e, SIKS_EPERM, "pin",
					 _("PIN salah %d kali: akun \"%s\" dikunci %d menit"),
					 AUTH_MAX_FAILS, o.name, AUTH_LOCK_MINUTES);
		return siks_fail(e, SIKS_EPERM, "pin",
				 _("Nama operator atau PIN salah (sisa %d percobaan sebelum akun dikunci)"),
				 AUTH_MAX_FAILS - failed);
	}
	char now[20];
	plat_timestamp(now);
	sqlite3_stmt *st = db_stmt(s,
		"UPDATE operator SET failed=0, locked_until=0, last_login=?2 WHERE id=?1", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, o.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, e, "operator");
	siks_set_operator(s, o.id, o.name, o.role);
	safety_session_note(s);
	return 0;
}

int auth_login(siks *s, const char *name, const char *pin, siks_err *e)
{
	return auth_login_at(s, name, pin, plat_now_ms(), e);
}

void auth_logout(siks *s)
{
	siks_set_operator(s, "", "", SIKS_OP_SYSTEM);
}
