/* pkg.c — the package container: plaintext header, authenticated and
 * encrypted body (XChaCha20-Poly1305 with the header as associated data),
 * and the body's entry encoding. Layout: docs/format-paket.md.
 * Everything here works on memory buffers, so the fuzz target and the
 * tests reach the same parser as import. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "siks/sync.h"
#include "siks/i18n.h"

/* header field offsets (format 1) */
enum {
	O_MAGIC = 0, O_FORMAT = 8, O_HLEN = 10, O_ORIGIN_ID = 12, O_DEST_ID = 44,
	O_ORIGIN_KODE = 76, O_DEST_KODE = 100, O_SEQ = 124, O_CREATED = 132,
	O_FROM = 140, O_TO = 148, O_NCHANGES = 156, O_BODYLEN = 160, O_NONCE = 168,
	O_END = 192
};
/* A body larger than this is refused before any allocation. */
#define PKG_MAX_BODY ((uint64_t)1 << 31)

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

static int sodium_ready(siks_err *e)
{
	if (sodium_init() < 0)
		return siks_fail(e, SIKS_EIO, "", _("Pustaka kriptografi (libsodium) tidak dapat dimulai"));
	return 0;
}

/* Copies a fixed-width text field; 0 when it is NUL-terminated, non-empty
 * when required, and holds only the characters allowed. */
static int get_text(const uint8_t *p, size_t w, char *out, const char *allowed, int required)
{
	size_t i = 0;
	while (i < w && p[i])
		i++;
	if (i == w || (required && i == 0))
		return -1;
	for (size_t k = i; k < w; k++)
		if (p[k])
			return -1;
	for (size_t k = 0; k < i; k++)
		if (!strchr(allowed, p[k]))
			return -1;
	memcpy(out, p, i);
	out[i] = '\0';
	return 0;
}

static void put_text(uint8_t *p, size_t w, const char *s)
{
	memset(p, 0, w);
	size_t l = strlen(s);
	memcpy(p, s, l < w - 1 ? l : w - 1);
}

static void header_encode(const pkg_header *h, uint8_t out[PKG_HEADER_LEN])
{
	memset(out, 0, PKG_HEADER_LEN);
	memcpy(out + O_MAGIC, PKG_MAGIC, 8);
	put_le(out + O_FORMAT, (uint64_t)h->format, 2);
	put_le(out + O_HLEN, PKG_HEADER_LEN, 2);
	/* ids are exactly 32 characters: the field is 32 wide, no terminator */
	memcpy(out + O_ORIGIN_ID, h->origin_id, 32);
	memcpy(out + O_DEST_ID, h->dest_id, 32);
	put_text(out + O_ORIGIN_KODE, 24, h->origin_kode);
	put_text(out + O_DEST_KODE, 24, h->dest_kode);
	put_le(out + O_SEQ, (uint64_t)h->seq, 8);
	put_le(out + O_CREATED, (uint64_t)h->created_ms, 8);
	put_le(out + O_FROM, (uint64_t)h->from_change, 8);
	put_le(out + O_TO, (uint64_t)h->to_change, 8);
	put_le(out + O_NCHANGES, h->nchanges, 4);
	put_le(out + O_BODYLEN, h->body_len, 8);
	memcpy(out + O_NONCE, h->nonce, 24);
}

static const char HEX[] = "0123456789abcdef";
static const char KODE[] = "0123456789.";

int pkg_header_parse(const uint8_t *buf, size_t len, pkg_header *h, siks_err *e)
{
	memset(h, 0, sizeof *h);
	if (len < 12 || memcmp(buf, PKG_MAGIC, 8) != 0)
		return siks_fail(e, SIKS_EFORMAT, "", len < 8 && len > 0 && memcmp(buf, PKG_MAGIC, len) == 0
				 ? _("Paket terpotong (berkas tidak lengkap); minta paket dikirim ulang")
				 : _("Berkas ini bukan paket siksdesa"));
	h->format = (int)get_le(buf + O_FORMAT, 2);
	if (h->format > SYNC_FORMAT)
		return siks_fail(e, SIKS_EFORMAT, "",
				 _("Paket ini dibuat oleh siksdesa yang lebih baru (format %d; program ini membaca sampai format %d): perbarui program"),
				 h->format, SYNC_FORMAT);
	if (h->format < 1)
		return siks_fail(e, SIKS_EFORMAT, "", _("Paket rusak: versi format tidak sah"));
	if (len < PKG_HEADER_LEN)
		return siks_fail(e, SIKS_EFORMAT, "", _("Paket terpotong (berkas tidak lengkap); minta paket dikirim ulang"));
	if (get_le(buf + O_HLEN, 2) != PKG_HEADER_LEN ||
	    get_text(buf + O_ORIGIN_KODE, 24, h->origin_kode, KODE, 1) != 0 ||
	    get_text(buf + O_DEST_KODE, 24, h->dest_kode, KODE, 1) != 0)
		return siks_fail(e, SIKS_EFORMAT, "", _("Paket rusak: kepala paket tidak sah"));
	for (int i = 0; i < 32; i++) {
		if (!strchr(HEX, buf[O_ORIGIN_ID + i]) || !buf[O_ORIGIN_ID + i] ||
		    !strchr(HEX, buf[O_DEST_ID + i]) || !buf[O_DEST_ID + i])
			return siks_fail(e, SIKS_EFORMAT, "", _("Paket rusak: kepala paket tidak sah"));
	}
	memcpy(h->origin_id, buf + O_ORIGIN_ID, 32);
	memcpy(h->dest_id, buf + O_DEST_ID, 32);
	h->seq = (int64_t)get_le(buf + O_SEQ, 8);
	h->created_ms = (int64_t)get_le(buf + O_CREATED, 8);
	h->from_change = (int64_t)get_le(buf + O_FROM, 8);
	h->to_change = (int64_t)get_le(buf + O_TO, 8);
	h->nchanges = (uint32_t)get_le(buf + O_NCHANGES, 4);
	h->body_len = get_le(buf + O_BODYLEN, 8);
	memcpy(h->nonce, buf + O_NONCE, 24);
	if (h->seq < 1 || h->from_change < 0 || h->to_change < h->from_change || h->body_len > PKG_MAX_BODY)
		return siks_fail(e, SIKS_EFORMAT, "", _("Paket rusak: kepala paket tidak sah"));
	uint64_t want = PKG_HEADER_LEN + h->body_len + crypto_aead_xchacha20poly1305_ietf_ABYTES;
	if ((uint64_t)len < want)
		return siks_fail(e, SIKS_EFORMAT, "", _("Paket terpotong (berkas tidak lengkap); minta paket dikirim ulang"));
	if ((uint64_t)len > want)
		return siks_fail(e, SIKS_EFORMAT, "", _("Paket rusak: ada data tambahan di akhir berkas"));
	return 0;
}

int pkg_seal(pkg_header *h, const uint8_t *body, size_t blen, const uint8_t key[32],
	     uint8_t **out, size_t *olen, siks_err *e)
{
	*out = NULL;
	*olen = 0;
	if (sodium_ready(e))
		return SIKS_EIO;
	if ((uint64_t)blen > PKG_MAX_BODY)
		return siks_fail(e, SIKS_EINVAL, "", _("Paket terlalu besar"));
	h->format = SYNC_FORMAT;
	h->body_len = blen;
	randombytes_buf(h->nonce, sizeof h->nonce);
	size_t n = PKG_HEADER_LEN + blen + crypto_aead_xchacha20poly1305_ietf_ABYTES;
	uint8_t *f = malloc(n);
	if (!f)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	header_encode(h, f);
	unsigned long long clen = 0;
	crypto_aead_xchacha20poly1305_ietf_encrypt(f + PKG_HEADER_LEN, &clen, body, blen, f, PKG_HEADER_LEN,
						   NULL, h->nonce, key);
	*out = f;
	*olen = n;
	return 0;
}

int pkg_open(const pkg_header *h, const uint8_t *buf, size_t len, const uint8_t key[32],
	     uint8_t **body, siks_err *e)
{
	*body = NULL;
	if (sodium_ready(e))
		return SIKS_EIO;
	size_t clen = len - PKG_HEADER_LEN;
	uint8_t *b = malloc(h->body_len ? h->body_len : 1);
	if (!b)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	unsigned long long mlen = 0;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(b, &mlen, NULL, buf + PKG_HEADER_LEN, clen, buf,
						       PKG_HEADER_LEN, h->nonce, key) != 0 ||
	    mlen != h->body_len) {
		free(b);
		return siks_fail(e, SIKS_EFORMAT, "",
				 _("Paket dari %s ditolak: isinya rusak atau diubah, atau kuncinya bukan kunci pasangan ini"),
				 h->origin_kode);
	}
	*body = b;
	return 0;
}

/* ---- body entries ----
 * 'R' i64 ack_pkg, i64 ack_change
 * 'C' i64 seq, i64 hlc, i64 base_hlc, then 7 strings: origin, tbl, rec,
 *     field, value, operator, base_origin. A string is u32 length + bytes;
 *     length 0xFFFFFFFF is NULL (value and base_origin only).
 * 'Z' u32 number of 'C' entries; nothing may follow. */

static void buf_need(pkg_buf *b, size_t n)
{
	if (b->failed || b->len + n <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + n)
		cap *= 2;
	uint8_t *p = realloc(b->p, cap);
	if (!p) {
		b->failed = 1;
		return;
	}
	b->p = p;
	b->cap = cap;
}

static void buf_put(pkg_buf *b, const void *p, size_t n)
{
	buf_need(b, n);
	if (!b->failed) {
		memcpy(b->p + b->len, p, n);
		b->len += n;
	}
}

static void buf_int(pkg_buf *b, uint64_t v, int n)
{
	uint8_t t[8];
	put_le(t, v, n);
	buf_put(b, t, (size_t)n);
}

static void buf_str(pkg_buf *b, const char *s)
{
	if (!s) {
		buf_int(b, 0xFFFFFFFFu, 4);
		return;
	}
	size_t l = strlen(s);
	buf_int(b, l, 4);
	buf_put(b, s, l);
}

void pkg_put_receipt(pkg_buf *b, const pkg_receipt *rc)
{
	buf_put(b, "R", 1);
	buf_int(b, (uint64_t)rc->ack_pkg, 8);
	buf_int(b, (uint64_t)rc->ack_change, 8);
}

void pkg_put_change(pkg_buf *b, const pkg_change *c)
{
	buf_put(b, "C", 1);
	buf_int(b, (uint64_t)c->seq, 8);
	buf_int(b, (uint64_t)c->hlc, 8);
	buf_int(b, (uint64_t)c->base_hlc, 8);
	buf_str(b, c->origin ? c->origin : "");
	buf_str(b, c->tbl ? c->tbl : "");
	buf_str(b, c->rec ? c->rec : "");
	buf_str(b, c->field ? c->field : "");
	buf_str(b, c->value);
	buf_str(b, c->op ? c->op : "");
	buf_str(b, c->base_origin);
	b->count++;
}

void pkg_put_end(pkg_buf *b)
{
	buf_put(b, "Z", 1);
	buf_int(b, b->count, 4);
}

void pkg_buf_free(pkg_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}

void pkg_reader_init(pkg_reader *r, const uint8_t *body, size_t len)
{
	memset(r, 0, sizeof *r);
	r->p = body;
	r->len = len;
}

void pkg_reader_free(pkg_reader *r)
{
	free(r->scratch);
	r->scratch = NULL;
	r->scap = 0;
}

static int rd_int(pkg_reader *r, int n, uint64_t *v)
{
	if (r->len - r->off < (size_t)n)
		return -1;
	*v = get_le(r->p + r->off, n);
	r->off += (size_t)n;
	return 0;
}

/* Reads one string into the scratch buffer at *pos; *out gets its offset
 * (or SIZE_MAX for NULL). Strings may not hold NUL bytes. */
static int rd_str(pkg_reader *r, size_t *pos, size_t *out, int nullable)
{
	uint64_t l;
	if (rd_int(r, 4, &l) != 0)
		return -1;
	if (l == 0xFFFFFFFFu) {
		if (!nullable)
			return -1;
		*out = SIZE_MAX;
		return 0;
	}
	if (l > r->len - r->off)
		return -1;
	if (memchr(r->p + r->off, 0, l))
		return -1;
	if (*pos + l + 1 > r->scap) {
		size_t cap = r->scap ? r->scap : 256;
		while (cap < *pos + l + 1)
			cap *= 2;
		char *s = realloc(r->scratch, cap);
		if (!s)
			return -1;
		r->scratch = s;
		r->scap = cap;
	}
	memcpy(r->scratch + *pos, r->p + r->off, l);
	r->scratch[*pos + l] = '\0';
	*out = *pos;
	*pos += l + 1;
	r->off += l;
	return 0;
}

int pkg_reader_next(pkg_reader *r, pkg_change *c, pkg_receipt *rc)
{
	if (r->off >= r->len)
		return -1; /* no end mark: damaged */
	uint8_t tag = r->p[r->off++];
	uint64_t a, b, d;
	switch (tag) {
	case 'R':
		if (rd_int(r, 8, &a) || rd_int(r, 8, &b))
			return -1;
		rc->ack_pkg = (int64_t)a;
		rc->ack_change = (int64_t)b;
		return PKG_E_RECEIPT;
	case 'C': {
		if (rd_int(r, 8, &a) || rd_int(r, 8, &b) || rd_int(r, 8, &d))
			return -1;
		size_t pos = 0, at[7];
		static const int nullable[7] = { 0, 0, 0, 0, 1, 0, 1 };
		for (int i = 0; i < 7; i++)
			if (rd_str(r, &pos, &at[i], nullable[i]) != 0)
				return -1;
		const char *f[7];
		for (int i = 0; i < 7; i++)
			f[i] = at[i] == SIZE_MAX ? NULL : r->scratch + at[i];
		memset(c, 0, sizeof *c);
		c->seq = (int64_t)a;
		c->hlc = (int64_t)b;
		c->base_hlc = (int64_t)d;
		c->origin = f[0];
		c->tbl = f[1];
		c->rec = f[2];
		c->field = f[3];
		c->value = f[4];
		c->op = f[5];
		c->base_origin = f[6];
		r->count++;
		return PKG_E_CHANGE;
	}
	case 'Z':
		if (rd_int(r, 4, &a) || a != r->count || r->off != r->len)
			return -1;
		return PKG_E_END;
	default:
		return -1;
	}
}

/* Civil date from days since 1970-01-01 (no OS call needed). */
static void civil(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void sync_fmt_time(int64_t ms, char out[20])
{
	int y, m, d;
	int64_t days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
	int64_t rest = (ms - days * 86400000) / 1000;
	civil(days, &y, &m, &d);
	uint64_t r = (uint64_t)rest;
	snprintf(out, 20, "%04u-%02u-%02u %02u:%02u:%02u", (unsigned)y % 10000u, (unsigned)m % 13u,
		 (unsigned)d % 32u, (unsigned)(r / 3600 % 24), (unsigned)(r / 60 % 60), (unsigned)(r % 60));
}

void pkg_file_name(char *out, size_t n, const char *origin_kode, const char *dest_kode,
		   int64_t seq, int64_t created_ms)
{
	int y, m, d;
	civil(created_ms / 86400000, &y, &m, &d);
	snprintf(out, n, "paket_%s_ke_%s_no%04" PRId64 "_%04d-%02d-%02d" SYNC_EXT, origin_kode, dest_kode, seq,
		 y % 10000, m, d);
}
