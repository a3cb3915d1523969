/* sync_int.h — what the files of src/sync/ share among themselves. */
#ifndef SIKS_SYNC_INT_H
#define SIKS_SYNC_INT_H
#include <stdint.h>
#include "siks/rec.h"
#include "siks/sync.h"

/* One row of sync_peer: the other side of an enrolled pair. */
typedef struct sync_peer {
	char kode[24];
	char site_id[33];       /* "" until its first package */
	char nama[128];
	int role;
	uint8_t key[32];
	int64_t next_out;       /* number of the next package to it */
	int64_t acked_change;   /* own change seq it holds up to (its receipt) */
	int64_t acked_pkg;      /* highest own package it confirmed */
	int64_t in_max_seq;     /* highest package number received from it */
	int64_t their_change;   /* its change seq we hold up to */
} sync_peer;

/* Loads the peer with kode; SIKS_ENOTFOUND when not enrolled. */
int sync_peer_load(siks *s, const char *kode, sync_peer *p, siks_err *e);
/* Refuses (SIKS_EPERM) a practice database, or one without a site. */
int sync_check_site(siks *s, siks_err *e);

/* Parses a new-record change's JSON object into r (fields must exist). */
int sync_json_to_rec(const char *json, siks_rec *r);

/* Applies one remote change (merge.c). *applied is 1 when the database
 * changed; *conflicts counts new conflict entries. from_peer is the kode of
 * the sending site (the home of records it creates, at the district). */
int sync_apply_change(siks *s, const pkg_change *c, const char *from_peer, int *applied,
		      int *conflicts, siks_err *e);

/* District: gives every record without a home (made here) the village it
 * belongs to, from its references or its kode desa (home.c). */
int sync_home_assign(siks *s, siks_err *e);
/* Home (peer kode) of record id into out ("" when none). */
int sync_home_of(siks *s, const char *rec, char out[24]);

/* The pseudo-table whose changes carry conflict decisions. */
#define SYNC_CONFLICT_TBL "_konflik"

/* 1 when path is a folder that can be listed. */
int sync_is_dir(const char *path);

/* "YYYY-MM-DD HH:MM:SS" (UTC) of milliseconds since the epoch. */
void sync_fmt_time(int64_t ms, char out[20]);

/* Hex of 32 lowercase characters? */
int sync_is_id(const char *s);
#endif
