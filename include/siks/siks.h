/* siks.h — the open register: one SQLite file and who is working on it.
 * A siks handle is made by siks_open() and owned by the caller until
 * siks_close(). Front ends (tui/, cli/) hold one; the core takes it first. */
#ifndef SIKS_SIKS_H
#define SIKS_SIKS_H
#include <stdint.h>
#include <sqlite3.h>
#include "siks/err.h"

enum siks_site_role { SIKS_SITE_NONE = 0, SIKS_SITE_DESA = 1, SIKS_SITE_KABUPATEN = 2 };

/* Roles of an operator account (issue "Operators and roles"). */
enum siks_op_role {
	SIKS_OP_SYSTEM = 0,    /* the program itself (demo, migrations) */
	SIKS_OP_DESA = 1,      /* operator desa */
	SIKS_OP_VERIFIKATOR = 2, /* district verifier */
	SIKS_OP_ADMIN = 3,     /* district or site admin */
	SIKS_OP_PELATIH = 4    /* trainer */
};

struct siks_codes;
struct stmt_cache;
struct plat_lock;

typedef struct siks {
	sqlite3 *db;
	char path[1024];
	char datadir[1024];
	/* the site this database belongs to (empty until `init`) */
	char site_id[33];      /* random, unique across all sites */
	char site_kode[20];    /* kode wilayah: 35.28.01.2001 or 35.28 */
	char site_nama[128];
	int site_role;         /* enum siks_site_role */
	int practice;          /* 1: a practice (latihan) copy */
	/* who is working: written into every audit row */
	char operator_id[33];
	char operator_name[64];
	int operator_role;     /* enum siks_op_role */
	/* internal */
	int tx_depth;
	int tx_failed;
	int search_queue;      /* schema has hh_fts_queue: db_commit indexes it (db.h) */
	int64_t hlc_last;
	int64_t hlc_saved;     /* the clock as setting clock.hlc holds it; -1 before open ends */
	struct stmt_cache *stmts;
	struct siks_codes *codes;
	struct plat_lock *session; /* safety.h: the one-program lock, NULL when read-only */
	int unclean_start;     /* the last session did not close (power cut, kill -9) */
} siks;

enum siks_open_flags {
	SIKS_OPEN_CREATE = 1,   /* create the file when missing */
	SIKS_OPEN_READONLY = 2,
	SIKS_OPEN_NO_FSCHECK = 4 /* skip the network-file-system refusal */
};

/* Opens (and creates / migrates) the database at path; loads code lists from
 * the data folder. On failure *out is NULL and e says why. */
int siks_open(siks **out, const char *path, int flags, siks_err *e);
void siks_close(siks *s);

/* Sets the operator written into audit rows from now on. */
void siks_set_operator(siks *s, const char *id, const char *name, int role);

/* Makes this database a village (role SIKS_SITE_DESA, kode like 35.28.01.2001)
 * or district (SIKS_SITE_KABUPATEN, kode like 35.28) site. Once only. */
int siks_site_init(siks *s, int role, const char *kode, const char *nama, siks_err *e);
/* Site settings (key/value, small): returns 0 and copies into out, or -1. */
int siks_setting_get(siks *s, const char *key, char *out, size_t n);
int siks_setting_set(siks *s, const char *key, const char *value, siks_err *e);

/* Schema version this program writes. */
int siks_schema_version(void);
const char *siks_version(void);
#endif
