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
#endif
