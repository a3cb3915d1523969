/* sync.h — sync between a village (desa) and its district (kabupaten) by
 * package files carried on a USB stick or dropped in a share folder.
 *
 * Owner: src/sync/. The format is documented in docs/format-paket.md.
 *
 *  - Enrollment: the district makes one enrollment file per village
 *    (sync_enroll); the village imports it once (sync_join). It carries the
 *    secret key of that pair, itself sealed with an activation code that the
 *    district reads out to the village operator.
 *  - Packages: sync_export writes one file per enrolled peer with every own
 *    change the peer is not known to have, plus a receipt of what arrived
 *    from it; sync_import applies packages (any order, any number of times).
 *  - Merge: per-field last-writer-wins by (hlc, origin); a field changed at
 *    both sites since they last exchanged keeps its losing value in the
 *    conflict list (sync_conflict_*).
 *
 * A practice (latihan) database refuses every one of these operations. */
#ifndef SIKS_SYNC_H
#define SIKS_SYNC_H
#include <stddef.h>
#include <stdint.h>
#include "siks/siks.h"

/* The package format this program writes and the newest it reads. */
#define SYNC_FORMAT 1
#define SYNC_EXT ".siks"
#define SYNC_ENROLL_EXT ".daftar"

/* ---- enrollment (src/sync/enroll.c) ---- */

/* District only: enrolls the village desa_kode (35.28.01.2001, inside the
 * district) and writes its enrollment file to out_path (when NULL or a
 * folder: "daftar_<kode>.daftar" in that folder or the current one). The
 * activation code (XXXX-XXXX-XXXX) is written into code; the path into
 * path_out. Enrolling again makes a new key (the old file stops working). */
int sync_enroll(siks *s, const char *desa_kode, const char *out_path, char code[16],
		char *path_out, size_t n, siks_err *e);
/* Village: imports an enrollment file with its activation code. A database
 * without a site becomes that village; one of another village refuses. */
int sync_join(siks *s, const char *path, const char *code, siks_err *e);

/* ---- packages (src/sync/export.c, import.c) ---- */

typedef struct sync_out {
	char path[1024];     /* the package written */
	char peer_kode[24];
	int64_t seq;         /* its number for that peer */
	int64_t nchanges;
} sync_out;

/* Writes one package per enrolled peer into dir. *out (malloc'd, caller
 * frees) holds *nout entries. */
int sync_export(siks *s, const char *dir, sync_out **out, int *nout, siks_err *e);

typedef struct sync_in {
	char path[1024];
	char peer_kode[24];
	int64_t seq;
	int status;          /* 0 applied, 1 already received (nothing done), -1 refused */
	int64_t applied;     /* changes that changed this database */
	int64_t conflicts;   /* new conflicts recorded */
	siks_err err;        /* why, when refused */
} sync_in;

/* Imports one package file, or every package addressed to this site in a
 * folder (in order of origin and number). Each package is verified whole and
 * applied in one transaction, or refused whole. *res (malloc'd) has one entry
 * a file seen. Returns 0 when nothing was refused, else the code of the first
 * refusal (e says why). */
int sync_import(siks *s, const char *path, sync_in **res, int *nres, siks_err *e);
/* Imports one package held in memory (tests, fuzzing). */
int sync_import_buf(siks *s, const uint8_t *buf, size_t len, sync_in *r, siks_err *e);

/* ---- status, conflicts, duplicates, digest (src/sync/status.c, ...) ---- */

typedef struct sync_peer_status {
	char kode[24];
	char nama[128];
	int64_t last_in_seq;      /* last package received from it (0: none) */
	char last_in_at[20];      /* when it was imported */
	int64_t last_in_changes;  /* changes in it */
	int64_t last_out_seq;     /* last package sent to it */
	char last_out_at[20];
	int64_t acked_out_seq;    /* highest of our packages it confirmed */
	int64_t pending;          /* own changes it has not confirmed */
	int64_t households, members;
	int64_t usulan[8];        /* by status code 0..7 (see usulan status list) */
	int64_t conflicts_open;
	int64_t duplicates;
	int late;                 /* 1: no package this month (sync_late) */
} sync_peer_status;

/* One entry per enrolled peer, by kode. *out malloc'd. */
int sync_status(siks *s, sync_peer_status **out, int *n, siks_err *e);
/* The monthly rule: 1 when last_in_at ("YYYY-MM-DD..." local, "" or NULL
 * for never) is not in the calendar month of today ("YYYY-MM-DD", from
 * plat_today, which SIKSDESA_NOW fixes). A date after today's month (a
 * clock set wrong) is not late. */
int sync_late(const char *last_in_at, const char *today);

/* Changes made here that the partner(s) have not confirmed yet (at the
 * district: counted from the least advanced village). Cheap: for the header. */
int64_t sync_unsent(siks *s);

typedef struct sync_conflict {
	int64_t id;
	char tbl[32], rec[33], field[32];
	char *win_value, *lose_value;      /* malloc'd, may be NULL */
	char win_site[24], lose_site[24];  /* kode of the site of each value */
	char win_who[64], lose_who[64];
	char win_when[20], lose_when[20];  /* from the clocks, local time */
	char status[12];                   /* "terbuka", "tetap", "ganti" */
	char desa[24];                     /* district: village the record belongs to ("" unknown) */
} sync_conflict;

/* Conflicts (open only when open_only). Free with sync_conflicts_free. */
int sync_conflicts(siks *s, int open_only, sync_conflict **out, int *n, siks_err *e);
void sync_conflicts_free(sync_conflict *c, int n);
/* Resolves a conflict: take_loser 0 keeps the winning value, 1 writes the
 * losing value back (a new change that syncs). The choice syncs too. */
int sync_conflict_resolve(siks *s, int64_t id, int take_loser, siks_err *e);

typedef struct sync_dup {
	char nik[17];
	char rec_a[33], rec_b[33];      /* member ids */
	char desa_a[24], desa_b[24];    /* village kode of each */
	char nama_a[64], nama_b[64];
	char hh_a[33], hh_b[33];        /* household ids */
	char kepala_a[64], kepala_b[64]; /* each household's head (else first member) */
	char kk_a[17], kk_b[17];        /* No KK of each member */
} sync_dup;

/* District: NIKs present in more than one village. *out malloc'd. */
int sync_duplicates(siks *s, sync_dup **out, int *n, siks_err *e);

/* Digest of the records shared with peer_kode (NULL: every record), in hex
 * (65 bytes). Independent of the order in which changes arrived. */
int sync_digest(siks *s, const char *peer_kode, char out[65], siks_err *e);

/* ---- the package container (src/sync/pkg.c), for tests and fuzzing ---- */

#define PKG_MAGIC "SIKSPAKT"
#define PKG_HEADER_LEN 192

typedef struct pkg_header {
	int format;
	char origin_id[33], dest_id[33];   /* site ids */
	char origin_kode[24], dest_kode[24];
	int64_t seq;
	int64_t created_ms;
	int64_t from_change, to_change;    /* own change seqs covered: (from, to] */
	uint32_t nchanges;
	uint64_t body_len;                 /* plaintext length */
	uint8_t nonce[24];
} pkg_header;

/* Parses and checks the plaintext header of a package of len bytes (the
 * whole file: its length must match). SIKS_EFORMAT with a message when the
 * file is not a package, damaged, truncated or of a newer format. */
int pkg_header_parse(const uint8_t *buf, size_t len, pkg_header *h, siks_err *e);

/* Seals body with key (32 bytes) under header h (its nonce is drawn here):
 * *out (malloc'd) is the whole file. */
int pkg_seal(pkg_header *h, const uint8_t *body, size_t blen, const uint8_t key[32],
	     uint8_t **out, size_t *olen, siks_err *e);
/* Verifies and decrypts: *body malloc'd (body_len bytes). Any changed byte
 * fails with SIKS_EFORMAT. */
int pkg_open(const pkg_header *h, const uint8_t *buf, size_t len, const uint8_t key[32],
	     uint8_t **body, siks_err *e);

/* One change as carried in a package. Strings point into the body buffer
 * that pkg_body_next decoded (NUL-terminated copies owned by the reader). */
typedef struct pkg_change {
	int64_t seq, hlc, base_hlc;
	const char *origin, *tbl, *rec, *field, *value, *op, *base_origin;
} pkg_change;

typedef struct pkg_receipt {
	int64_t ack_pkg;      /* highest package number received from the reader */
	int64_t ack_change;   /* reader's own changes received up to this seq */
} pkg_receipt;

/* Body reader: the body is a sequence of entries ending with an end mark. */
typedef struct pkg_reader {
	const uint8_t *p;
	size_t len, off;
	uint32_t count;
	char *scratch;        /* strings of the current change */
	size_t scap;
} pkg_reader;

enum { PKG_E_END = 0, PKG_E_RECEIPT = 1, PKG_E_CHANGE = 2 };
void pkg_reader_init(pkg_reader *r, const uint8_t *body, size_t len);
/* Next entry: PKG_E_CHANGE (c filled), PKG_E_RECEIPT (rc filled), PKG_E_END
 * (after a valid end mark holding the change count), or -1 on damage. */
int pkg_reader_next(pkg_reader *r, pkg_change *c, pkg_receipt *rc);
void pkg_reader_free(pkg_reader *r);

/* Body writer. */
typedef struct pkg_buf {
	uint8_t *p;
	size_t len, cap;
	int failed;
	uint32_t count;
} pkg_buf;
void pkg_put_receipt(pkg_buf *b, const pkg_receipt *rc);
void pkg_put_change(pkg_buf *b, const pkg_change *c);
void pkg_put_end(pkg_buf *b);
void pkg_buf_free(pkg_buf *b);

/* "paket_<origin>_ke_<dest>_no<seq>_<YYYY-MM-DD>.siks" */
void pkg_file_name(char *out, size_t n, const char *origin_kode, const char *dest_kode,
		   int64_t seq, int64_t created_ms);
#endif
