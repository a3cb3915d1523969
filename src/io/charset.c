/* charset.c — detection and conversion of character sets (see charset.h).
 * The one place iconv is called. Decoding is a stream over a 64 KiB input
 * window, so a file of any size is read in constant memory. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "siks/charset.h"
#include "siks/i18n.h"

#define CS_INBUF 65536

static const char *const names[] = {
	"utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"
};

/* iconv's name for each charset (BOMs are handled here, not by iconv). */
static const char *const iconv_names[] = {
	"UTF-8", "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252"
};

const char *charset_name(int cs)
{
	if (cs < CS_UTF8 || cs > CS_CP1252)
		return "auto";
	return names[cs];
}

int charset_from_name(const char *name)
{
	static const struct { const char *n; int cs; } alias[] = {
		{"utf-8", CS_UTF8}, {"utf8", CS_UTF8},
		{"utf-8-bom", CS_UTF8_BOM}, {"utf8bom", CS_UTF8_BOM}, {"utf8-bom", CS_UTF8_BOM},
		{"utf-8-sig", CS_UTF8_BOM},
		{"utf-16", CS_UTF16LE}, {"utf16", CS_UTF16LE}, {"utf-16le", CS_UTF16LE},
		{"utf16le", CS_UTF16LE}, {"unicode", CS_UTF16LE},
		{"utf-16be", CS_UTF16BE}, {"utf16be", CS_UTF16BE},
		{"windows-1252", CS_CP1252}, {"cp1252", CS_CP1252}, {"win1252", CS_CP1252},
		{"latin1", CS_CP1252}, {"iso-8859-1", CS_CP1252}, {"ansi", CS_CP1252},
	};
	if (!name)
		return -1;
	for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
		if (strcasecmp(name, alias[i].n) == 0)
			return alias[i].cs;
	return -1;
}

int charset_bom(const void *p, size_t n, size_t *bom_len)
{
	const unsigned char *b = p;
	size_t dummy;
	if (!bom_len)
		bom_len = &dummy;
	*bom_len = 0;
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
		*bom_len = 3;
		return CS_UTF8_BOM;
	}
	if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
		*bom_len = 2;
		return CS_UTF16LE;
	}
	if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
		*bom_len = 2;
		return CS_UTF16BE;
	}
	return CS_AUTO;
}

/* Length of the valid UTF-8 character at p: >0 valid, 0 incomplete (valid
 * so far but cut off by n), -1 invalid. Rejects overlongs, surrogates and
 * code points above U+10FFFF, as iconv would. */
static int utf8_char(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	int len;
	unsigned lo = 0x80, hi = 0xBF;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		if (c == 0xE0) lo = 0xA0;
		if (c == 0xED) hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		if (c == 0xF0) lo = 0x90;
		if (c == 0xF4) hi = 0x8F;
	} else
		return -1;
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return 0;
		unsigned d = p[i];
		if (i == 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xBF))
			return -1;
	}
	return len;
}

size_t charset_utf8_valid_prefix(const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i = 0;
	while (i < n) {
		if (b[i] < 0x80) {
			i++;
			continue;
		}
		int l = utf8_char(b + i, n - i);
		if (l <= 0)
			break;
		i += (size_t)l;
	}
	return i;
}

/* UTF-16 without a BOM: text of mostly ASCII letters has a NUL in every
 * other byte. Looks at the first 1 KiB only. */
static int utf16_guess(const unsigned char *b, size_t n)
{
	size_t even = 0, odd = 0, pairs;
	if (n > 1024)
		n = 1024;
	pairs = n / 2;
	if (pairs < 4)
		return CS_AUTO;
	for (size_t i = 0; i + 1 < n; i += 2) {
		even += b[i] == 0;
		odd += b[i + 1] == 0;
	}
	if (odd * 10 >= pairs * 4 && even * 20 < pairs)
		return CS_UTF16LE;
	if (even * 10 >= pairs * 4 && odd * 20 < pairs)
		return CS_UTF16BE;
	return CS_AUTO;
}

int charset_detect(const void *p, size_t n)
{
	size_t bl;
	int cs = charset_bom(p, n, &bl);
	if (cs != CS_AUTO)
		return cs;
	cs = utf16_guess(p, n);
	if (cs != CS_AUTO)
		return cs;
	return charset_utf8_valid_prefix(p, n) == n ? CS_UTF8 : CS_CP1252;
}

/* ---- the decoding stream ---- */

struct cs_reader {
	FILE *fp;                 /* file source, or NULL */
	const unsigned char *mem; /* buffer source */
	size_t mem_len, mem_pos;
	unsigned char *in;        /* input window (file source) */
	size_t in_pos, in_len;
	int eof;
	int cs;
	iconv_t cd;               /* (iconv_t)-1 for UTF-8 */
	long bad;
};

/* Refills the input window, keeping unread bytes. */
static int fill(cs_reader *r, siks_err *e)
{
	if (!r->fp) {
		r->eof = 1;
		return 0;
	}
	if (r->eof)
		return 0;
	if (r->in_pos > 0) {
		memmove(r->in, r->in + r->in_pos, r->in_len - r->in_pos);
		r->in_len -= r->in_pos;
		r->in_pos = 0;
	}
	size_t got = fread(r->in + r->in_len, 1, CS_INBUF - r->in_len, r->fp);
	r->in_len += got;
	if (got == 0) {
		if (ferror(r->fp))
			return siks_fail(e, SIKS_EIO, "", _("Berkas tidak dapat dibaca: %s"),
					 strerror(errno));
		r->eof = 1;
	}
	return 0;
}

static const unsigned char *avail(cs_reader *r, size_t *n)
{
	if (r->fp) {
		*n = r->in_len - r->in_pos;
		return r->in + r->in_pos;
	}
	*n = r->mem_len - r->mem_pos;
	return r->mem + r->mem_pos;
}

static void consume(cs_reader *r, size_t k)
{
	if (r->fp)
		r->in_pos += k;
	else
		r->mem_pos += k;
}

static int setup(cs_reader *r, int cs, siks_err *e)
{
	r->cs = cs;
	r->cd = (iconv_t)-1;
	if (cs == CS_UTF8 || cs == CS_UTF8_BOM)
		return 0;
	r->cd = iconv_open("UTF-8", iconv_names[cs]);
	if (r->cd == (iconv_t)-1)
		return siks_fail(e, SIKS_EINVAL, "", _("Konversi dari %s tidak tersedia di komputer ini"),
				 charset_name(cs));
	return 0;
}

/* Skips a BOM at the start when it matches cs (or decides cs when AUTO). */
static int start(cs_reader *r, int cs, siks_err *e)
{
	size_t n, bl;
	const unsigned char *p = avail(r, &n);
	int bom = charset_bom(p, n, &bl);
	if (cs == CS_AUTO)
		cs = bom;
	if (bom != CS_AUTO && (bom == cs || (bom == CS_UTF8_BOM && cs == CS_UTF8)))
		consume(r, bl);
	if (cs == CS_UTF8 && bom == CS_UTF8_BOM)
		cs = CS_UTF8_BOM;
	return setup(r, cs, e);
}

cs_reader *cs_open_mem(const void *p, size_t n, int cs, siks_err *e)
{
	cs_reader *r = calloc(1, sizeof *r);
	if (!r) {
		siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		return NULL;
	}
	r->mem = p;
	r->mem_len = n;
	if (cs == CS_AUTO)
		cs = charset_detect(p, n);
	if (start(r, cs, e)) {
		free(r);
		return NULL;
	}
	return r;
}

/* Whole-file detection without a BOM: stream the file once checking UTF-8. */
static int detect_file(cs_reader *r, siks_err *e)
{
	size_t n, bl;
	const unsigned char *p = avail(r, &n);
	int cs = charset_bom(p, n, &bl);
	if (cs != CS_AUTO)
		return cs;
	cs = utf16_guess(p, n);
	if (cs != CS_AUTO)
		return cs;
	unsigned char *buf = malloc(CS_INBUF);
	size_t keep = 0;
	long start_pos = ftell(r->fp);
	if (!buf)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup")), -2;
	cs = CS_UTF8;
	for (;;) {
		size_t got = fread(buf + keep, 1, CS_INBUF - keep, r->fp);
		size_t have = keep + got;
		size_t ok = charset_utf8_valid_prefix(buf, have);
		if (got == 0) {
			if (ok != have)
				cs = CS_CP1252;
			break;
		}
		/* an invalid byte (not just a character cut by the window) */
		if (have - ok >= 4 || (ok < have && utf8_char(buf + ok, have - ok) < 0)) {
			cs = CS_CP1252;
			break;
		}
		keep = have - ok;
		memmove(buf, buf + ok, keep);
	}
	free(buf);
	if (fseek(r->fp, start_pos, SEEK_SET) != 0) {
		siks_fail(e, SIKS_EIO, "", _("Berkas tidak dapat dibaca: %s"), strerror(errno));
		return -2;
	}
	return cs;
}

cs_reader *cs_open_file(const char *path, int cs, siks_err *e)
{
	cs_reader *r = calloc(1, sizeof *r);
	if (!r || !(r->in = malloc(CS_INBUF))) {
		free(r);
		siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		return NULL;
	}
	/* Paths are UTF-8; a Windows build maps this through platform.h. */
	r->fp = fopen(path, "rb");
	if (!r->fp) {
		siks_fail(e, errno == ENOENT ? SIKS_ENOTFOUND : SIKS_EIO, "",
			  _("Berkas %s tidak dapat dibuka: %s"), path, strerror(errno));
		goto fail;
	}
	if (fill(r, e))
		goto fail;
	if (cs == CS_AUTO) {
		/* the window holds the first bytes; the scan reads on from there */
		long pos = ftell(r->fp);
		if (pos < 0 || fseek(r->fp, 0, SEEK_SET) != 0) {
			cs = charset_detect(r->in, r->in_len); /* a pipe: judge the start */
		} else {
			cs = detect_file(r, e);
			if (cs == -2 || fseek(r->fp, pos, SEEK_SET) != 0)
				goto fail;
		}
	}
	if (start(r, cs, e))
		goto fail;
	return r;
fail:
	if (r->fp)
		fclose(r->fp);
	free(r->in);
	free(r);
	return NULL;
}

int cs_charset(const cs_reader *r)
{
	return r->cs;
}

long cs_bad_bytes(const cs_reader *r)
{
	return r->bad;
}

static size_t put_fffd(char *out)
{
	memcpy(out, "\xEF\xBF\xBD", 3);
	return 3;
}

/* UTF-8 pass-through that still never lets an invalid byte out. */
static long read_utf8(cs_reader *r, char *buf, size_t n, siks_err *e)
{
	size_t done = 0;
	while (done + 4 <= n) {
		size_t have;
		const unsigned char *p = avail(r, &have);
		if (have < 4 && !r->eof) {
			if (fill(r, e))
				return -1;
			p = avail(r, &have);
		}
		if (have == 0)
			break;
		size_t room = n - done;
		size_t take = have < room ? have : room;
		size_t ok = charset_utf8_valid_prefix(p, take);
		if (ok > 0) {
			memcpy(buf + done, p, ok);
			done += ok;
			consume(r, ok);
			continue;
		}
		int l = utf8_char(p, have);
		if (l == 0 && !r->eof) { /* cut by the window: read on */
			if (fill(r, e))
				return -1;
			continue;
		}
		if (l > 0) /* valid but did not fit */
			break;
		done += put_fffd(buf + done);
		consume(r, 1);
		r->bad++;
	}
	return (long)done;
}

static long read_iconv(cs_reader *r, char *buf, size_t n, siks_err *e)
{
	size_t done = 0;
	size_t unit = (r->cs == CS_UTF16LE || r->cs == CS_UTF16BE) ? 2 : 1;
	while (done + 4 <= n) {
		size_t have;
		const unsigned char *p = avail(r, &have);
		if (have < 4 && !r->eof) {
			if (fill(r, e))
				return -1;
			p = avail(r, &have);
		}
		if (have == 0)
			break;
		char *ip = (char *)p, *op = buf + done;
		size_t il = have, ol = n - done;
		size_t rc = iconv(r->cd, &ip, &il, &op, &ol);
		int err = rc == (size_t)-1 ? errno : 0;
		size_t used = have - il;
		consume(r, used);
		done = (size_t)(op - buf);
		if (!err)
			continue;
		if (err == E2BIG) {
			if (used == 0)
				break;
			continue;
		}
		if (err == EINVAL && !r->eof) { /* a character cut by the window */
			size_t again;
			if (fill(r, e))
				return -1;
			avail(r, &again);
			if (again > il)
				continue;
		}
		/* EILSEQ, or a truncated character at the very end */
		if (n - done < 3)
			break;
		done += put_fffd(buf + done);
		p = avail(r, &have);
		consume(r, have < unit ? have : unit);
		r->bad++;
		iconv(r->cd, NULL, NULL, NULL, NULL);
	}
	return (long)done;
}

long cs_read(cs_reader *r, char *buf, size_t n, siks_err *e)
{
	if (n < 4)
		return siks_fail(e, SIKS_EINVAL, "", "cs_read: buffer too small"), -1;
	if (r->cd == (iconv_t)-1)
		return read_utf8(r, buf, n, e);
	return read_iconv(r, buf, n, e);
}

void cs_close(cs_reader *r)
{
	if (!r)
		return;
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	if (r->fp)
		fclose(r->fp);
	free(r->in);
	free(r);
}

int charset_to_utf8(const void *in, size_t n, int cs, char **out, size_t *outlen, siks_err *e)
{
	cs_reader *r = cs_open_mem(in, n, cs, e);
	size_t len = 0, cap = n + n / 2 + 16;
	char *b;
	*out = NULL;
	if (!r)
		return e ? e->code : SIKS_EINVAL;
	b = malloc(cap);
	for (;;) {
		if (!b) {
			cs_close(r);
			return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		}
		if (cap - len < 64) {
			char *nb = realloc(b, cap * 2);
			if (!nb) {
				free(b);
				b = NULL;
				continue;
			}
			b = nb;
			cap *= 2;
		}
		long got = cs_read(r, b + len, cap - len - 1, e);
		if (got < 0) {
			free(b);
			cs_close(r);
			return e ? e->code : SIKS_EIO;
		}
		if (got == 0)
			break;
		len += (size_t)got;
	}
	cs_close(r);
	b[len] = 0;
	*out = b;
	if (outlen)
		*outlen = len;
	return 0;
}

/* ---- encoding for export ---- */

struct cs_encoder {
	int cs;
	iconv_t cd;
};

cs_encoder *cs_encoder_new(int cs, siks_err *e)
{
	cs_encoder *c;
	if (cs < CS_UTF8 || cs > CS_CP1252) {
		siks_fail(e, SIKS_EINVAL, "encoding", _("Pengkodean karakter tidak dikenal"));
		return NULL;
	}
	c = calloc(1, sizeof *c);
	if (!c) {
		siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		return NULL;
	}
	c->cs = cs;
	c->cd = (iconv_t)-1;
	if (cs == CS_UTF8 || cs == CS_UTF8_BOM)
		return c;
	c->cd = iconv_open(cs == CS_CP1252 ? "WINDOWS-1252//TRANSLIT" : iconv_names[cs], "UTF-8");
	if (c->cd == (iconv_t)-1 && cs == CS_CP1252)
		c->cd = iconv_open("WINDOWS-1252", "UTF-8");
	if (c->cd == (iconv_t)-1) {
		siks_fail(e, SIKS_EINVAL, "encoding", _("Konversi ke %s tidak tersedia di komputer ini"),
			  charset_name(cs));
		free(c);
		return NULL;
	}
	return c;
}

void cs_encoder_free(cs_encoder *c)
{
	if (!c)
		return;
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	free(c);
}

static int grow(char **out, size_t *len, size_t *cap, size_t need, siks_err *e)
{
	if (*cap - *len >= need)
		return 0;
	size_t nc = *cap ? *cap : 256;
	while (nc - *len < need)
		nc *= 2;
	char *nb = realloc(*out, nc);
	if (!nb)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	*out = nb;
	*cap = nc;
	return 0;
}

int cs_encode_bom(cs_encoder *c, char **out, size_t *len, size_t *cap, siks_err *e)
{
	static const char *const bom[] = { "", "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF", "" };
	size_t bl = strlen(bom[c->cs]);
	if (grow(out, len, cap, bl + 1, e))
		return SIKS_ENOMEM;
	memcpy(*out + *len, bom[c->cs], bl);
	*len += bl;
	return 0;
}

int cs_encode(cs_encoder *c, const char *in, size_t n, char **out, size_t *len, size_t *cap,
	      siks_err *e)
{
	if (c->cd == (iconv_t)-1) {
		if (grow(out, len, cap, n + 1, e))
			return SIKS_ENOMEM;
		memcpy(*out + *len, in, n);
		*len += n;
		return 0;
	}
	char *ip = (char *)in;
	size_t il = n;
	while (il > 0) {
		if (grow(out, len, cap, il * 2 + 16, e))
			return SIKS_ENOMEM;
		char *op = *out + *len;
		size_t ol = *cap - *len;
		size_t rc = iconv(c->cd, &ip, &il, &op, &ol);
		*len = (size_t)(op - *out);
		if (rc != (size_t)-1 || errno == E2BIG)
			continue;
		/* a character the target lacks, or invalid UTF-8: '?' in its place */
		int l = utf8_char((const unsigned char *)ip, il);
		size_t skip = l > 0 ? (size_t)l : 1;
		if (skip > il)
			skip = il;
		ip += skip;
		il -= skip;
		iconv(c->cd, NULL, NULL, NULL, NULL);
		if (c->cs == CS_CP1252) {
			(*out)[(*len)++] = '?';
		} else {
			const char *q = c->cs == CS_UTF16LE ? "\xFD\xFF" : "\xFF\xFD";
			memcpy(*out + *len, q, 2);
			*len += 2;
		}
	}
	return 0;
}
