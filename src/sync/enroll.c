/* enroll.c — pairing a village with its district.
 *
 * The district draws a 32-byte key for the pair and writes it, with both
 * sites' names, into an enrollment file sealed (XChaCha20-Poly1305) under a
 * key derived with Argon2id from a 12-character activation code. The file
 * can travel on the same USB stick as the packages: without the code, which
 * the district gives the operator by phone or on paper, it opens nothing.
 * Layout: docs/format-paket.md, "Berkas pendaftaran". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "siks/auth.h"
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "sync_int.h"

#define ENR_MAGIC "SIKSDAFT"
#define ENR_FORMAT 1
#define ENR_HLEN 68
/* no confusable characters (0/O, 1/I/L) */
static const char CODE_ALPHA[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

static void put_le(uint8_t *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_le(const uint8_t *p, int n)
{
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

/* "ab3d-EF7h-..." → "AB3DEF7H..." (12 characters) or -1. */
static int code_norm(const char *in, char out[13])
{
	int k = 0;
	for (const char *p = in; *p; p++) {
		char c = *p;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!strchr(CODE_ALPHA, c) || k == 12)
			return -1;
		out[k++] = c;
	}
	out[k] = '\0';
	return k == 12 ? 0 : -1;
}

static int derive(uint8_t key[32], const char *code12, const uint8_t salt[16], uint64_t ops, uint64_t mem)
{
	return crypto_pwhash(key, 32, code12, 12, salt, ops, (size_t)mem, crypto_pwhash_ALG_ARGON2ID13);
}

static int kode_desa_ok(const char *k)
{
	/* NN.NN.NN.NNNN */
	static const char pat[] = "99.99.99.9999";
	if (strlen(k) != sizeof pat - 1)
		return 0;
	for (size_t i = 0; pat[i]; i++)
		if (pat[i] == '.' ? k[i] != '.' : (k[i] < '0' || k[i] > '9'))
			return 0;
	return 1;
}

static void wilayah_nama(siks *s, const char *kode, char *out, size_t n)
{
	out[0] = '\0';
	sqlite3_stmt *st = db_stmt(s, "SELECT nama FROM wilayah WHERE kode=?", NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
}

/* Inserts or replaces the pair; a new key starts the exchange afresh. */
static int peer_put(siks *s, const char *kode, const char *site_id, const char *nama, int role,
		    const uint8_t key[32], siks_err *e)
{
	char ts[20];
	plat_timestamp(ts);
	sqlite3_stmt *st = db_stmt(s,
		"INSERT INTO sync_peer(kode, site_id, nama, role, key, enrolled_at) VALUES(?1,?2,?3,?4,?5,?6)"
		" ON CONFLICT(kode) DO UPDATE SET site_id=?2, nama=?3, role=?4, key=?5, enrolled_at=?6,"
		" acked_change=0, acked_pkg=0, in_max_seq=0, their_change=0", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 2, site_id);
	db_bind_text_or_null(st, 3, nama);
	sqlite3_bind_int(st, 4, role);
	sqlite3_bind_blob(st, 5, key, 32, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, ts, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(s, e, "sync_peer");
	/* a re-enrolled site starts numbering its packages again */
	st = db_stmt(s, "DELETE FROM sync_pkg WHERE dir='in' AND peer=?", e);
	if (!st)
		return SIKS_EDB;
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_STATIC);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "sync_pkg");
}

int sync_enroll(siks *s, const char *desa_kode, const char *out_path, char code[16],
		char *path_out, size_t n, siks_err *e)
{
	if (sync_check_site(s, e))
		return e ? e->code : SIKS_EPERM;
	if (auth_allow(s, SIKS_ACT_SETTINGS, e) != 0)
		return SIKS_EPERM;
	if (s->site_role != SIKS_SITE_KABUPATEN)
		return siks_fail(e, SIKS_EPERM, "", _("Hanya basis data kabupaten (dinas sosial) yang dapat mendaftarkan desa"));
	size_t kl = strlen(s->site_kode);
	if (!kode_desa_ok(desa_kode))
		return siks_fail(e, SIKS_EINVAL, "kode", _("Kode desa %s tidak sah: tulis seperti 35.28.01.2001"), desa_kode);
	if (strncmp(desa_kode, s->site_kode, kl) != 0 || desa_kode[kl] != '.')
		return siks_fail(e, SIKS_EINVAL, "kode", _("Desa %s tidak berada di kabupaten %s"), desa_kode, s->site_kode);
	if (sodium_init() < 0)
		return siks_fail(e, SIKS_EIO, "", _("Pustaka kriptografi (libsodium) tidak dapat dimulai"));

	char nama[128], fname[64], path[1024];
	wilayah_nama(s, desa_kode, nama, sizeof nama);
	snprintf(fname, sizeof fname, "daftar_%s" SYNC_ENROLL_EXT, desa_kode);
	if (!out_path || !*out_path)
		snprintf(path, sizeof path, "%s", fname);
	else if (sync_is_dir(out_path)) /* a folder */
		snprintf(path, sizeof path, "%s/%s", out_path, fname);
	else
		snprintf(path, sizeof path, "%s", out_path);

	uint8_t pair[32], salt[16], kek[32], hdr[ENR_HLEN], nonce[24];
	randombytes_buf(pair, sizeof pair);
	randombytes_buf(salt, sizeof salt);
	randombytes_buf(nonce, sizeof nonce);
	char c12[13];
	for (int i = 0; i < 12; i++)
		c12[i] = CODE_ALPHA[randombytes_uniform(sizeof CODE_ALPHA - 1)];
	c12[12] = '\0';
	snprintf(code, 16, "%.4s-%.4s-%.4s", c12, c12 + 4, c12 + 8);
	uint64_t ops = crypto_pwhash_OPSLIMIT_INTERACTIVE, mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	if (derive(kek, c12, salt, ops, mem) != 0)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup untuk membuat kunci"));

	memcpy(hdr, ENR_MAGIC, 8);
	put_le(hdr + 8, ENR_FORMAT, 2);
	put_le(hdr + 10, 0, 2);
	memcpy(hdr + 12, salt, 16);
	put_le(hdr + 28, ops, 8);
	put_le(hdr + 36, mem, 8);
	memcpy(hdr + 44, nonce, 24);

	char keyhex[65], body[1024];
	sodium_bin2hex(keyhex, sizeof keyhex, pair, sizeof pair);
	int bl = snprintf(body, sizeof body,
			  "district_id=%s\ndistrict_kode=%s\ndistrict_nama=%s\ndesa_kode=%s\ndesa_nama=%s\nkey=%s\n",
			  s->site_id, s->site_kode, s->site_nama, desa_kode, nama, keyhex);
	size_t flen = ENR_HLEN + (size_t)bl + crypto_aead_xchacha20poly1305_ietf_ABYTES;
	uint8_t *file = malloc(flen);
	if (!file)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	memcpy(file, hdr, ENR_HLEN);
	crypto_aead_xchacha20poly1305_ietf_encrypt(file + ENR_HLEN, NULL, (const uint8_t *)body, (size_t)bl, hdr,
						   ENR_HLEN, NULL, nonce, kek);
	sodium_memzero(body, sizeof body);
	sodium_memzero(kek, sizeof kek);

	int rc = db_begin(s, e);
	if (rc == 0)
		rc = peer_put(s, desa_kode, NULL, nama, SIKS_SITE_DESA, pair, e);
	if (rc == 0)
		rc = plat_write_file_atomic(path, file, flen, e);
	free(file);
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	if (path_out)
		snprintf(path_out, n, "%s", path);
	return db_commit(s, e);
}

/* Value of "key=" in the body lines into out. */
static int body_get(const char *body, const char *key, char *out, size_t n)
{
	size_t kl = strlen(key);
	for (const char *p = body; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t ll = nl ? (size_t)(nl - p) : strlen(p);
		if (ll > kl && strncmp(p, key, kl) == 0 && p[kl] == '=') {
			size_t vl = ll - kl - 1;
			if (vl >= n)
				return -1;
			memcpy(out, p + kl + 1, vl);
			out[vl] = '\0';
			return 0;
		}
		p = nl ? nl + 1 : NULL;
	}
	out[0] = '\0';
	return -1;
}

int sync_join(siks *s, const char *path, const char *code, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_SETTINGS, e) != 0)
		return SIKS_EPERM;
	if (s->practice)
		return sync_check_site(s, e);
	if (s->site_role == SIKS_SITE_KABUPATEN)
		return siks_fail(e, SIKS_EPERM, "", _("Basis data kabupaten tidak bergabung ke kabupaten lain; berkas pendaftaran untuk desa"));
	char c12[13];
	if (!code || code_norm(code, c12) != 0)
		return siks_fail(e, SIKS_EINVAL, "kode", _("Kode aktivasi harus 12 huruf/angka, seperti AB3D-EF7H-K9MN"));
	if (sodium_init() < 0)
		return siks_fail(e, SIKS_EIO, "", _("Pustaka kriptografi (libsodium) tidak dapat dimulai"));
	char *buf;
	size_t len;
	if (plat_read_file(path, &buf, &len, e) != 0)
		return e ? e->code : SIKS_EIO;
	const uint8_t *f = (const uint8_t *)buf;
	if (len < 10 || memcmp(f, ENR_MAGIC, 8) != 0) {
		free(buf);
		return siks_fail(e, SIKS_EFORMAT, "", _("%s bukan berkas pendaftaran siksdesa"), path);
	}
	if (get_le(f + 8, 2) > ENR_FORMAT) {
		free(buf);
		return siks_fail(e, SIKS_EFORMAT, "", _("Berkas pendaftaran ini dibuat oleh siksdesa yang lebih baru: perbarui program"));
	}
	size_t ab = crypto_aead_xchacha20poly1305_ietf_ABYTES;
	uint64_t ops = len >= ENR_HLEN ? get_le(f + 28, 8) : 0, mem = len >= ENR_HLEN ? get_le(f + 36, 8) : 0;
	if (len < ENR_HLEN + ab || len > ENR_HLEN + ab + 1000 || ops < crypto_pwhash_OPSLIMIT_MIN || ops > 16 ||
	    mem < crypto_pwhash_MEMLIMIT_MIN || mem > ((uint64_t)512 << 20)) {
		free(buf);
		return siks_fail(e, SIKS_EFORMAT, "", _("Berkas pendaftaran rusak atau terpotong"));
	}
	uint8_t kek[32];
	char body[1024];
	unsigned long long bl = 0;
	int bad = derive(kek, c12, f + 12, ops, mem) != 0 ||
		  crypto_aead_xchacha20poly1305_ietf_decrypt((uint8_t *)body, &bl, NULL, f + ENR_HLEN, len - ENR_HLEN,
							     f, ENR_HLEN, f + 44, kek) != 0;
	free(buf);
	sodium_memzero(kek, sizeof kek);
	if (bad)
		return siks_fail(e, SIKS_EFORMAT, "kode",
				 _("Kode aktivasi salah, atau berkas pendaftaran rusak. Periksa kode dari dinas sosial."));
	body[bl] = '\0';
	char did[64], dkode[32], dnama[128], kode[32], nama[128], keyhex[80];
	uint8_t pair[32];
	size_t kb = 0;
	if (body_get(body, "district_id", did, sizeof did) || body_get(body, "district_kode", dkode, sizeof dkode) ||
	    body_get(body, "desa_kode", kode, sizeof kode) || body_get(body, "key", keyhex, sizeof keyhex) ||
	    sodium_hex2bin(pair, 32, keyhex, strlen(keyhex), NULL, &kb, NULL) != 0 || kb != 32 ||
	    !sync_is_id(did) || !kode_desa_ok(kode)) {
		sodium_memzero(body, sizeof body);
		return siks_fail(e, SIKS_EFORMAT, "", _("Berkas pendaftaran rusak atau terpotong"));
	}
	body_get(body, "district_nama", dnama, sizeof dnama);
	body_get(body, "desa_nama", nama, sizeof nama);
	sodium_memzero(body, sizeof body);
	if (s->site_role == SIKS_SITE_DESA && strcmp(s->site_kode, kode) != 0)
		return siks_fail(e, SIKS_EINVAL, "", _("Berkas pendaftaran ini untuk desa %s, sedangkan basis data ini desa %s"),
				 kode, s->site_kode);
	int rc = db_begin(s, e);
	if (rc == 0 && s->site_role == SIKS_SITE_NONE)
		rc = siks_site_init(s, SIKS_SITE_DESA, kode, nama[0] ? nama : NULL, e);
	if (rc == 0)
		rc = peer_put(s, dkode, did, dnama, SIKS_SITE_KABUPATEN, pair, e);
	sodium_memzero(pair, sizeof pair);
	if (rc != 0) {
		db_rollback(s);
		return rc;
	}
	return db_commit(s, e);
}
