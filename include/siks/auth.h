/* auth.h — operator accounts, PINs and what each role may do.
 *
 * Accounts live in the `operator` table of the register itself (they are
 * local to this site and never synced). A PIN or password is stored only as
 * a yescrypt hash (libcrypt, random salt per account). Five wrong PINs in a
 * row lock the account for AUTH_LOCK_MINUTES.
 *
 * Roles are enforced here, in the core: every core function that records
 * district results, exports, restores, manages operators, ... first calls
 * auth_allow() with its action, so the CLI, the TUI and a test are refused
 * alike. Until the first account exists the database is in set-up mode and
 * the program itself (SIKS_OP_SYSTEM) may do everything; once an account
 * exists, someone must log in (auth_login) before any guarded action. */
#ifndef SIKS_AUTH_H
#define SIKS_AUTH_H
#include <stdint.h>
#include "siks/siks.h"

#define AUTH_MAX_FAILS 5
#define AUTH_LOCK_MINUTES 15
#define AUTH_PIN_MIN 4
#define AUTH_PIN_MAX 64

/* What a core function is about to do. Keep in step with the table in auth_role.c. */
enum siks_action {
	SIKS_ACT_VIEW = 0,        /* read the register, the history */
	SIKS_ACT_EDIT,            /* add or change households, members, answers, usulan drafts */
	SIKS_ACT_MUSDES,          /* record a village deliberation and its decisions */
	SIKS_ACT_DISTRICT_RESULT, /* record the district's verdict on an usulan */
	SIKS_ACT_IMPORT,          /* import files or sync packages into the register */
	SIKS_ACT_EXPORT,          /* write personal data of this site to a file */
	SIKS_ACT_EXPORT_OTHER,    /* export data of a village other than the operator's own */
	SIKS_ACT_BACKUP,          /* take a backup copy */
	SIKS_ACT_RESTORE,         /* replace the register by a backup */
	SIKS_ACT_MANAGE_OPERATORS,/* add, change, unlock or remove accounts */
	SIKS_ACT_SETTINGS,        /* change site settings (e.g. masking NIK) */
	SIKS_ACT_AUDIT_CHANGE,    /* change or delete the audit trail: nobody */
	SIKS_ACT_COUNT
};

/* 0 when the operator now set on s may do action; otherwise SIKS_EPERM with
 * a message naming the role and the action. */
int auth_allow(siks *s, int action, siks_err *e);
/* The same for an action about one village (kode wilayah like 35.28.01.2001):
 * an operator desa may only touch the village of this site; any other kode
 * needs SIKS_ACT_EXPORT_OTHER. */
int auth_allow_village(siks *s, int action, const char *kode, siks_err *e);

/* Translated name of a role ("operator desa") / of an action. */
const char *auth_role_label(int role);
const char *auth_action_label(int action);
/* Role from its short name: desa, verifikator, admin, pelatih (or the
 * Indonesian labels). -1 when unknown. */
int auth_role_parse(const char *name);
/* Short name of a role ("desa", "verifikator", "admin", "pelatih", "sistem"). */
const char *auth_role_name(int role);

/* 1 when at least one operator account exists (login required). */
int auth_has_accounts(siks *s);

/* Creates an account. Name: 2-40 characters, unique (case-insensitive);
 * PIN: AUTH_PIN_MIN..AUTH_PIN_MAX characters. Needs SIKS_ACT_MANAGE_OPERATORS,
 * except for the very first account, which must be an admin. */
int auth_operator_add(siks *s, const char *name, int role, const char *pin, siks_err *e);
/* Sets a new PIN: for one's own account (old_pin required) or, as admin, for
 * any account (old_pin ignored; the lock is cleared too). */
int auth_operator_set_pin(siks *s, const char *name, const char *old_pin,
			  const char *new_pin, siks_err *e);
/* Disables an account (kept for the audit trail). Admin only; the last
 * active admin cannot be disabled. */
int auth_operator_disable(siks *s, const char *name, siks_err *e);
/* Clears failed attempts and the lock (admin). */
int auth_operator_unlock(siks *s, const char *name, siks_err *e);

/* Checks name + PIN. On success sets the operator on s (siks_set_operator)
 * and returns 0. A wrong PIN returns SIKS_EPERM and counts; the fifth in a
 * row locks the account for AUTH_LOCK_MINUTES; a locked account is refused
 * (SIKS_ECONFLICT) even with the right PIN until the lock ends. */
int auth_login(siks *s, const char *name, const char *pin, siks_err *e);
/* The same with the clock given (milliseconds since the epoch), for tests. */
int auth_login_at(siks *s, const char *name, const char *pin, int64_t now_ms, siks_err *e);
/* Back to no operator (SIKS_OP_SYSTEM). */
void auth_logout(siks *s);

typedef struct auth_operator {
	char id[33];
	char name[64];
	int role;
	int active;
	int failed;           /* wrong PINs in a row */
	int64_t locked_until; /* ms since the epoch; 0 when not locked */
	char created[20];
	char last_login[20];  /* "" when never */
} auth_operator;

/* Reads all accounts, by name. *out is malloc'd (caller frees), *n its length. */
int auth_operator_list(siks *s, auth_operator **out, size_t *n, siks_err *e);
/* One account by name: 0, or SIKS_ENOTFOUND. */
int auth_operator_get(siks *s, const char *name, auth_operator *out, siks_err *e);

/* Hashing, exposed for tests: writes a yescrypt hash of pin into out
 * (at least 128 bytes); 0 or SIKS_EINVAL / SIKS_ENOMEM. */
int auth_hash_pin(const char *pin, char *out, size_t n, siks_err *e);
/* 1 when pin matches hash (constant-time compare), 0 otherwise. */
int auth_check_pin(const char *pin, const char *hash);
#endif
