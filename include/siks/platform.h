/* platform.h — every call that depends on the operating system lives behind
 * this interface (a Windows build is planned; nothing else may assume POSIX).
 * Paths are UTF-8. Returned strings are written into caller buffers. */
#ifndef SIKS_PLATFORM_H
#define SIKS_PLATFORM_H
#include <stddef.h>
#include <stdint.h>
#include "siks/err.h"

/* Folder holding data/ files (code lists, indicator sets, translations):
 * $SIKSDESA_DATA, else <folder of the executable>/data, else the installed
 * SIKS_DATADIR. Returns 0 on success. */
int plat_data_dir(char *out, size_t n);
/* Default database path: $SIKSDESA_DB, else $XDG_DATA_HOME/siksdesa/siksdesa.db
 * (~/.local/share/...). Creates the folder. */
int plat_default_db(char *out, size_t n);
/* mkdir -p */
int plat_mkdirs(const char *path);
int plat_file_exists(const char *path);
/* Names of the files in dir ending in suffix (sorted); fills up to max;
 * returns how many, or -1 when dir cannot be read. */
int plat_list_dir(const char *dir, const char *suffix, char (*out)[256], int max);
/* Reads a whole file into a malloc'd, NUL-terminated buffer (caller frees). */
int plat_read_file(const char *path, char **buf, size_t *len, siks_err *e);

/* Atomic file write: data lands in a temporary name in the same folder, is
 * flushed (fsync) and renamed over path, and the folder is synced. A reader
 * sees the old file or the new one, never a part. */
typedef struct plat_afile plat_afile;
plat_afile *plat_afile_open(const char *path, siks_err *e);
int plat_afile_write(plat_afile *f, const void *p, size_t n);
/* 0 on success; on failure the temporary file is removed and path untouched. */
int plat_afile_commit(plat_afile *f, siks_err *e);
void plat_afile_abort(plat_afile *f);
int plat_write_file_atomic(const char *path, const void *p, size_t n, siks_err *e);

/* 1 when path is on a network file system (NFS, SMB/CIFS, ...), 0 local,
 * -1 unknown. SIKSDESA_FAKE_FSTYPE=nfs|cifs|local overrides (for tests). */
int plat_is_network_fs(const char *path, char *fstype, size_t n);

/* Cryptographically random bytes. */
void plat_random(void *buf, size_t n);
/* Milliseconds since the Unix epoch (UTC). SIKSDESA_NOW=YYYY-MM-DD fixes "today" for tests. */
int64_t plat_now_ms(void);
/* Today's date as "YYYY-MM-DD" (local time, or SIKSDESA_NOW). */
void plat_today(char out[11]);
/* Local time as "YYYY-MM-DD HH:MM:SS". */
void plat_timestamp(char out[20]);

/* Folders where USB sticks are mounted (/media/<user>/<name>, /run/media/...):
 * fills up to max paths; returns how many. */
int plat_find_removable(char (*out)[512], int max);
/* Name of the user logged in to the computer ("" when unknown). */
void plat_user_name(char *out, size_t n);
/* ---- files, locks and processes for backups and sessions (plat_files.c) ---- */
/* Renames from over to (same folder) and syncs the folder, so the new name
 * survives a power cut. from must already be flushed. */
int plat_rename(const char *from, const char *to, siks_err *e);
/* Flushes a finished file to disk (fsync). 0 or -1. */
int plat_fsync_file(const char *path);
/* Removes a file; 0, or -1 (a missing file is not an error). */
int plat_remove(const char *path);
/* Calls cb with each entry name of dir (not "." or ".."), in no order;
 * cb returns non-zero to stop. -1 when dir cannot be read. */
int plat_dir_each(const char *dir, int (*cb)(void *ctx, const char *name), void *ctx);
/* Size in bytes, or -1. */
int64_t plat_file_size(const char *path);
/* Last modification, seconds since the epoch, or -1. */
int64_t plat_file_mtime(const char *path);
/* 1 when a process with this id runs on this computer, 0 when not. */
int plat_pid_alive(long pid);
/* Reads one line (a PIN) from standard input without the newline. On a
 * terminal the prompt is shown on stderr and the typing is not echoed.
 * 0, or -1 at end of input. */
int plat_read_secret(const char *prompt, char *out, size_t n);
/* Process id of this program, and the computer's name ("" when unknown). */
long plat_pid(void);
void plat_host_name(char *out, size_t n);

/* An advisory lock held on a small file beside the database while this
 * program has it open. The kernel drops it when the program dies (kill -9,
 * power cut), so no stale lock survives. Taking it when another program
 * holds it fails with SIKS_ECONFLICT and copies that program's note (who,
 * pid, host, since when) into holder. */
typedef struct plat_lock plat_lock;
plat_lock *plat_lock_take(const char *path, const char *note, char *holder, size_t n, siks_err *e);
/* Replaces the note (e.g. once the operator has logged in). */
void plat_lock_note(plat_lock *l, const char *note);
void plat_lock_release(plat_lock *l);
#endif
