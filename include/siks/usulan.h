/* usulan.h — proposals (usulan) to add, correct or remove DTKS recipients,
 * and the village deliberations (musdes) that decide them.
 *
 * Owner: src/core/usulan.c (proposals, the status machine, member removal),
 * src/core/musdes.c (musdes records and decisions), src/core/usulan_list.c
 * (lists, counts, history). The UI, the CLI, reports (BNBA) and sync call
 * these; nothing else changes an usulan's status.
 *
 * The status machine (codes of data/codes/status_usulan.csv):
 *
 *   Draf ──musdes──> Disetujui musdes ──packaged──> Dikirim ──dinas──> Diterima dinas
 *        └─musdes──> Ditolak musdes                          └─dinas──> Ditolak dinas
 *
 *  - a proposal is created as Draf (usulan_add, usulan_keluar_member);
 *  - only a musdes record decides a Draf (usulan_decide / musdes_decide);
 *  - Disetujui musdes becomes Dikirim when sync packages it for the district
 *    (usulan_mark_sent);
 *  - only the district decides a Dikirim proposal (usulan_result at a
 *    district site, or usulan_result_apply when a district package says so);
 *  - Ditolak musdes, Diterima dinas and Ditolak dinas are final.
 * Any other step is refused with SIKS_EINVAL (SIKS_EPERM when it is the
 * role or the site that forbids it) and a message naming the rule.
 *
 * Every write goes through rec_save inside one transaction (nests in the
 * caller's), so the audit trail and the change records come along. */
#ifndef SIKS_USULAN_H
#define SIKS_USULAN_H
#include <stddef.h>
#include <stdint.h>
#include "siks/siks.h"

/* status_usulan.csv */
enum usulan_status {
	USULAN_DRAF = 1,
	USULAN_SETUJU_MUSDES = 2,
	USULAN_TOLAK_MUSDES = 3,
	USULAN_DIKIRIM = 4,
	USULAN_DITERIMA = 5,
	USULAN_DITOLAK_DINAS = 6,
	USULAN_STATUS_MAX = 6
};
/* jenis_usulan.csv */
enum usulan_jenis { USULAN_BARU = 1, USULAN_PERBAIKAN = 2, USULAN_KELUAR = 3 };
/* alasan_usulan.csv */
enum usulan_alasan {
	ALASAN_MENINGGAL = 1, ALASAN_PINDAH = 2, ALASAN_MAMPU = 3, ALASAN_GANDA = 4,
	ALASAN_TIDAK_DITEMUKAN = 5, ALASAN_DATA_SALAH = 6, ALASAN_MISKIN_BARU = 7,
	ALASAN_LAINNYA = 8
};
/* keberadaan.csv (member presence) */
enum keberadaan { KEBERADAAN_ADA = 1, KEBERADAAN_MENINGGAL = 2, KEBERADAAN_PINDAH = 3,
		  KEBERADAAN_TIDAK_DITEMUKAN = 4, KEBERADAAN_BARU = 5 };

/* ---- the status machine (pure) ---------------------------------------- */

/* How a step is taken: each transition is allowed only one way. */
enum usulan_via {
	USULAN_VIA_MUSDES = 1,   /* a musdes decision */
	USULAN_VIA_KIRIM = 2,    /* packaged for the district */
	USULAN_VIA_DINAS = 3     /* the district's verdict */
};
/* 0 when a proposal in status from may go to status to by via; otherwise
 * SIKS_EINVAL with a message naming both statuses and the rule. s is only
 * read for the status labels (may be NULL: codes are shown). */
int usulan_transition_check(siks *s, int from, int to, int via, siks_err *e);
/* 1 when status is final (nothing may follow it). */
int usulan_status_final(int status);
/* 1 when status is still open (Draf, Disetujui musdes, Dikirim). */
int usulan_status_open(int status);

/* ---- creating proposals (usulan.c) ------------------------------------ */

typedef struct usulan_input {
	const char *household_id; /* required */
	const char *member_id;    /* NULL or "": about the whole household */
	int jenis;                /* enum usulan_jenis */
	int alasan;               /* enum usulan_alasan */
	const char *keterangan;   /* optional, up to 200 characters */
} usulan_input;

/* Creates a proposal as Draf, dated today; its id is written into out_id
 * (may be NULL). Checks: household (and member: of that household) exist,
 * jenis and alasan are in their code lists and fit each other, no open
 * proposal of the same jenis for the same household/member. A Keluar
 * proposal for a member goes through usulan_keluar_member (presence set in
 * the same transaction). Needs SIKS_ACT_EDIT for the household's village. */
int usulan_add(siks *s, const usulan_input *in, char out_id[33], siks_err *e);

/* Removing a member from a household is never a delete: in ONE transaction
 * sets the member's keberadaan from alasan (usulan_keberadaan_for) and
 * creates the Keluar proposal with that reason. Either both are saved or
 * neither. A member already recorded as died or moved (but not yet
 * proposed) gets the proposal too. Refused when the member already has an
 * open Keluar proposal, or one the district accepted. */
int usulan_keluar_member(siks *s, const char *member_id, int alasan, const char *keterangan,
			 char out_id[33], siks_err *e);
/* The keberadaan a member gets when removed for alasan, or 0 when alasan
 * cannot remove a member (Mampu, Data salah, ... are about a household). */
int usulan_keberadaan_for(int alasan);

/* ---- musdes (musdes.c) ------------------------------------------------ */

typedef struct musdes_input {
	const char *tanggal;      /* DD-MM-YYYY (or YYYY-MM-DD); real, not in the future */
	const char *tempat;       /* required, up to 60 characters */
	const char *nomor_ba;     /* minutes number; required, unique in the village */
	int jumlah_hadir;         /* attendance 0..9999, or -1 when not recorded */
	const char *pimpinan;     /* optional */
	const char *catatan;      /* optional */
} musdes_input;

/* Records a musdes of this village (a desa site). Spaces around the texts
 * are dropped. Needs SIKS_ACT_MUSDES. */
int musdes_add(siks *s, const musdes_input *in, char out_id[33], siks_err *e);
/* The musdes of this village with minutes number nomor_ba (case and the
 * spaces around it ignored): 0 with its id, or SIKS_ENOTFOUND. For a screen
 * that records several decisions of one musdes one after another. */
int musdes_find(siks *s, const char *nomor_ba, char out_id[33], siks_err *e);

/* Decides one Draf proposal at musdes musdes_id: agree 1 -> Disetujui musdes,
 * 0 -> Ditolak musdes; the musdes id is stored on the proposal. The musdes
 * must be of the proposal's village. Only at a village site; needs
 * SIKS_ACT_MUSDES. */
int usulan_decide(siks *s, const char *usulan_id, const char *musdes_id, int agree, siks_err *e);
/* Decides several at once in one transaction: all are saved or none (the
 * first refusal is returned). An id in both lists is refused. */
int musdes_decide(siks *s, const char *musdes_id, const char *const *setuju, size_t nsetuju,
		  const char *const *tolak, size_t ntolak, siks_err *e);

typedef struct musdes_row {
	char id[33];
	char desa[20];
	char tanggal[11];         /* YYYY-MM-DD */
	char tempat[244];
	char nomor_ba[164];
	int jumlah_hadir;         /* -1 when not recorded */
	int64_t setuju, tolak;    /* proposals decided there */
} musdes_row;
/* Every musdes, newest first. *out malloc'd (caller frees), *n its length. */
int musdes_list(siks *s, musdes_row **out, size_t *n, siks_err *e);
/* One musdes: 0, or SIKS_ENOTFOUND. */
int musdes_get(siks *s, const char *id, musdes_row *out, siks_err *e);

/* ---- to and from the district (usulan.c) ------------------------------ */

/* Sync calls this as it packages this village's changes for the district
 * (inside its transaction, before collecting changes): every Disetujui
 * musdes proposal becomes Dikirim. *n (may be NULL) gets how many. */
int usulan_mark_sent(siks *s, int64_t *n, siks_err *e);

/* The district's verdict on a Dikirim proposal: accepted -> Diterima dinas,
 * else Ditolak dinas (alasan_dinas required then; optional when accepted).
 * Only at a district site, by a role with SIKS_ACT_DISTRICT_RESULT for the
 * proposal's village. */
int usulan_result(siks *s, const char *usulan_id, int accepted, const char *alasan_dinas,
		  siks_err *e);
/* The same verdict when it comes from a district package (sync, at the
 * village): no site check, the status machine still holds. */
int usulan_result_apply(siks *s, const char *usulan_id, int accepted, const char *alasan_dinas,
			siks_err *e);

/* ---- reading (usulan_list.c) ------------------------------------------ */

/* Full id of the record of table ("usulan", "musdes", "member",
 * "household") whose id is id or starts with it (at least 4 characters).
 * SIKS_ENOTFOUND when none, SIKS_EINVAL when the prefix is ambiguous. */
int usulan_resolve_id(siks *s, const char *table, const char *id, char out[33], siks_err *e);

typedef struct usulan_filter {
	int status;               /* 0: any */
	const char *household_id; /* NULL: any */
	const char *musdes_id;    /* NULL: any */
	const char *desa;         /* NULL: any village */
} usulan_filter;

/* One proposal as listed. Strings are malloc'd copies (never NULL; "" when
 * empty), freed by usulan_rows_free; labels point into the code lists of s. */
typedef struct usulan_row {
	char id[33], household_id[33], member_id[33], musdes_id[33];
	char desa[20];
	char tanggal[11];         /* YYYY-MM-DD, the day it was proposed */
	char musdes_tanggal[11];  /* "" until decided at a musdes */
	int jenis, alasan, status;
	const char *jenis_label, *alasan_label, *status_label;
	char *kepala;             /* head of the household's name */
	char *nama;               /* the member's name ("" for the household) */
	char *nik;                /* the member's NIK, else the head's (raw: show
				     it through siks_nik_display) */
	char *alamat;             /* "alamat, RT 003/RW 001, Dusun X" */
	char *musdes_nomor;       /* minutes number */
	char *keterangan;
	char *alasan_dinas;
} usulan_row;

/* Proposals matching f (NULL: all), oldest first. *out malloc'd. */
int usulan_list(siks *s, const usulan_filter *f, usulan_row **out, size_t *n, siks_err *e);
void usulan_rows_free(usulan_row *rows, size_t n);
/* One proposal: 0 or SIKS_ENOTFOUND. Free its strings with usulan_row_clear. */
int usulan_get(siks *s, const char *id, usulan_row *out, siks_err *e);
/* Frees the strings of one row (not the row). */
void usulan_row_clear(usulan_row *r);

/* Number of proposals by status: counts[status] for 1..USULAN_STATUS_MAX,
 * counts[0] the total. desa NULL: every village. */
int usulan_counts(siks *s, const char *desa, int64_t counts[USULAN_STATUS_MAX + 1], siks_err *e);

/* A household's proposal history, read from the audit trail: each creation
 * and each status change, oldest first, with who and when. */
typedef struct usulan_event {
	char ts[20];              /* "YYYY-MM-DD HH:MM:SS" */
	char operator_name[64];
	char usulan_id[33];
	int jenis, alasan;
	int old_status;           /* 0 for the creation */
	int new_status;
	const char *jenis_label, *old_label, *new_label;
	char nama[244];           /* the member's name, "" for the household */
	char note[256];           /* musdes minutes number and date, or the
				     district's reason, when the step has one */
} usulan_event;
/* *out malloc'd (caller frees). */
int usulan_history(siks *s, const char *household_id, usulan_event **out, size_t *n, siks_err *e);
#endif
