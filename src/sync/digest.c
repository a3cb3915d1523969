/* digest.c — a fingerprint of the shared records (BLAKE2b-256 over every
 * record of every synced table, in id order, every field by name). Two sites
 * that have exchanged everything print the same digest; it depends on the
 * values only, never on the order in which changes arrived. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/strbuf.h"
#include "sync_int.h"

static void hash_str(crypto_generichash_state *h, const char *s)
{
	/* length-prefixed, so field boundaries cannot shift */
	uint8_t l[5] = { 0 };
	size_t n = s ? strlen(s) : 0;
	l[0] = s ? 1 : 0;
	for (int i = 0; i < 4; i++)
		l[1 + i] = (uint8_t)(n >> (8 * i));
	crypto_generichash_update(h, l, sizeof l);
	if (n)
		crypto_generichash_update(h, (const uint8_t *)s, n);
}

static int hash_table(siks *s, const siks_table *t, const char *peer, crypto_generichash_state *h, siks_err *e)
{
	strbuf q = { 0 };
	sb_add(&q, "SELECT t.id");
	for (int k = 0; k < t->nfields; k++)
		sb_addf(&q, ", t.%s", t->fields[k].name);
	/* the SQL is built from the table descriptors only, never user text */
	if (peer)
		sb_addf(&q, " FROM %s t JOIN sync_home h ON h.rec = t.id WHERE h.peer = ?1 ORDER BY t.id", t->name);
	else
		sb_addf(&q, " FROM %s t ORDER BY t.id", t->name);
	if (q.oom) {
		sb_free(&q);
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, q.p, -1, &st, NULL);
	sb_free(&q);
	if (rc != SQLITE_OK)
		return db_fail(s, e, t->name);
	if (peer)
		sqlite3_bind_text(st, 1, peer, -1, SQLITE_STATIC);
	hash_str(h, t->name);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		hash_str(h, (const char *)sqlite3_column_text(st, 0));
		for (int k = 0; k < t->nfields; k++) {
			char b[40];
			const char *v = NULL;
			switch (sqlite3_column_type(st, k + 1)) {
			case SQLITE_NULL:
				break;
			case SQLITE_FLOAT:
				snprintf(b, sizeof b, "%.15g", sqlite3_column_double(st, k + 1));
				v = b;
				break;
			default:
				v = (const char *)sqlite3_column_text(st, k + 1);
			}
			hash_str(h, t->fields[k].name);
			hash_str(h, v);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(s, e, t->name);
}

int sync_digest(siks *s, const char *peer_kode, char out[65], siks_err *e)
{
	out[0] = '\0';
	if (sodium_init() < 0)
		return siks_fail(e, SIKS_EIO, "", _("Pustaka kriptografi (libsodium) tidak dapat dimulai"));
	/* a village shares every record with its district */
	const char *peer = s->site_role == SIKS_SITE_KABUPATEN && peer_kode && *peer_kode ? peer_kode : NULL;
	if (peer) {
		sync_peer p;
		int rc = sync_peer_load(s, peer, &p, e);
		if (rc == SIKS_ENOTFOUND)
			return siks_fail(e, SIKS_ENOTFOUND, "", _("Desa %s belum terdaftar di kabupaten ini"), peer);
		if (rc != 0)
			return rc;
		if (sync_home_assign(s, e) != 0)
			return e ? e->code : SIKS_EDB;
	}
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, 32);
	for (const siks_table *const *t = siks_tables(); *t; t++)
		if (hash_table(s, *t, peer, &h, e) != 0)
			return e ? e->code : SIKS_EDB;
	uint8_t d[32];
	crypto_generichash_final(&h, d, sizeof d);
	sodium_bin2hex(out, 65, d, sizeof d);
	return 0;
}
