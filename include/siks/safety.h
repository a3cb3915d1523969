/* safety.h — what siks_open does so that power cuts, shared folders and a
 * second copy of the program cannot quietly damage the register.
 *  - a quick integrity check at every open (PRAGMA quick_check);
 *  - the network-file-system refusal (plat_is_network_fs, in siks_open);
 *  - one program at a time on a database: a lock file beside it names who
 *    has it open (operator, program id, computer, since when), and a second
 *    program is refused with that name;
 *  - a backup before a migration of a non-empty register. */
#ifndef SIKS_SAFETY_H
#define SIKS_SAFETY_H
#include <sqlite3.h>
#include "siks/siks.h"

/* Runs PRAGMA quick_check (full: integrity_check) on db. 0 when sound;
 * -1 when damaged or not a database, with the first complaint in why. */
int safety_check_db(sqlite3 *db, int full, char *why, size_t n);

/* The start-up check of an open register: SIKS_EFORMAT with a plain
 * message and e->field "integrity" when damaged (the front end then offers
 * backup_newest_good); siks_open passes it on. PRAGMA quick_check reads the
 * whole file (seconds on a district's 1,000,000 members), so it runs at every
 * start only for files up to SAFETY_CHECK_BYTES (a village's register, a few
 * milliseconds), and for larger ones when the last session did not close
 * cleanly (s->unclean_start: a power cut or kill). $SIKSDESA_CHECK_BYTES
 * overrides the size (tests). `siksdesa check` checks any size. */
#define SAFETY_CHECK_BYTES (16LL << 20)
int safety_check_open(siks *s, siks_err *e);

/* Takes the session lock of s->path (siks_open, unless read-only). When
 * another program holds it: SIKS_ECONFLICT naming that program's operator,
 * process, computer and start time. */
int safety_session_take(siks *s, siks_err *e);
/* Rewrites the lock note with the operator now set on s (after login). */
void safety_session_note(siks *s);
void safety_session_release(siks *s);

/* The migration backup: when the file at version have (> 0) is older than
 * this program's schema and not empty, a backup_before(s, "migrasi"). */
int safety_before_migrate(siks *s, siks_err *e);
#endif
