/* backup.h — backups with SQLite's online backup API, and restore.
 *
 * Backups of /x/siksdesa.db live in /x/backup/ (the "backup folder") as
 *   siksdesa-harian-YYYY-MM-DD.db            daily (keep 7, and the last of each month)
 *   siksdesa-sebelum-WHY-YYYYMMDD-HHMMSS.db  before an import, migration, restore (keep 5 per WHY)
 *   siksdesa-YYYYMMDD-HHMMSS.db              asked for (`siksdesa backup`, the UI): never removed
 * Every backup file is written under a temporary name, flushed and renamed:
 * a file with a final name is always complete. */
#ifndef SIKS_BACKUP_H
#define SIKS_BACKUP_H
#include <stdint.h>
#include "siks/siks.h"

#define BACKUP_KEEP_DAILY 7
#define BACKUP_KEEP_BEFORE 5

/* The backup folder of the database at dbpath (not created). */
void backup_dir_of(const char *dbpath, char *out, size_t n);

/* Copies the open database into path (atomically, rollback-journal mode,
 * verified with quick_check). The low-level step the others use; no role
 * check, no audit row. */
int backup_to_file(siks *s, const char *path, siks_err *e);

/* A backup asked for by the operator, into dir (NULL or "": the backup
 * folder). Needs SIKS_ACT_BACKUP; a copy outside the backup folder (a USB
 * stick) is an export of personal data and is audited. The file's path is
 * copied into out (may be NULL). */
int backup_run(siks *s, const char *dir, char *out, size_t n, siks_err *e);

/* The safety copy taken before an import, a migration or a restore: why is
 * a short word ("impor", "migrasi", "pemulihan"). Skipped (returns 0) when
 * the register holds nothing yet. The caller needs no role for it. */
int backup_before(siks *s, const char *why, siks_err *e);

/* The daily backup: taken when today's is missing and the register is not
 * empty, then old daily ones are rotated out. Front ends call it at start. */
int backup_auto(siks *s, siks_err *e);
/* Rotation alone (names only), for tests: in dir, of database stem (file
 * name without .db), keeps BACKUP_KEEP_DAILY newest daily files and the
 * newest of each month, and BACKUP_KEEP_BEFORE newest per reason. Returns
 * the number of files removed, or -1. */
int backup_rotate(const char *dir, const char *stem);

/* What a backup file holds. */
typedef struct backup_info {
	char path[1024];
	char kind[16];       /* "harian", "sebelum", "manual" */
	char when[20];       /* "YYYY-MM-DD HH:MM:SS" from the file's time */
	int64_t size;
	int schema;          /* PRAGMA user_version */
	char site_id[33];
	char site_kode[20];
	char site_nama[128];
	int64_t households, members;
} backup_info;

/* Checks that path is a sound siksdesa database (integrity_check), of a
 * schema this program can open, and — when s is not NULL and has a site —
 * of the same site. Fills info (may be NULL). SIKS_EFORMAT with the reason. */
int backup_check_file(siks *s, const char *path, backup_info *info, siks_err *e);

/* Replaces the open register by the backup at path: needs SIKS_ACT_RESTORE,
 * checks the file, takes backup_before(s, "pemulihan"), copies it in with
 * the backup API (one transaction), migrates it to this schema, and writes an
 * audit row. On failure the register is unchanged. */
int backup_restore(siks *s, const char *path, siks_err *e);

/* For a register too damaged to open: moves dbpath (and its -wal/-shm) aside
 * as dbpath.rusak-YYYYMMDD-HHMMSS and puts a checked copy of backup there.
 * The damaged file is kept, never deleted. The moved-aside name goes to
 * aside (may be NULL). */
int backup_restore_damaged(const char *dbpath, const char *backup, char *aside, size_t n,
			   siks_err *e);

/* The backups of dbpath, newest first (by file time). *out malloc'd. Only
 * names are read (no check): fast enough for a menu. */
int backup_list(const char *dbpath, backup_info **out, size_t *n, siks_err *e);
/* The newest backup of dbpath that passes quick_check: 0 and its path in
 * out, or SIKS_ENOTFOUND. */
int backup_newest_good(const char *dbpath, char *out, size_t n, siks_err *e);
#endif
