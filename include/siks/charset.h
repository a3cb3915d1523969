/* charset.h — THE module for character-set conversion (iconv). Nothing else
 * in siksdesa converts between character sets.
 *
 * Files handed out by districts come in whatever Excel or Notepad wrote:
 * UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode text"),
 * or Windows-1252 (Excel's "CSV" on an Indonesian Windows). Inside the
 * program every string is UTF-8. Reading converts to UTF-8 in a stream (the
 * file is never held whole); writing converts UTF-8 back for export.
 *
 * Detection: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); without one, the
 * whole input is checked for valid UTF-8 (pure ASCII counts as UTF-8) and
 * anything else is Windows-1252. Bytes that cannot be decoded become U+FFFD. */
#ifndef SIKS_CHARSET_H
#define SIKS_CHARSET_H
#include <stddef.h>
#include "siks/err.h"

enum siks_charset {
	CS_AUTO = -1,     /* detect (reading only) */
	CS_UTF8 = 0,      /* UTF-8 without BOM */
	CS_UTF8_BOM,      /* UTF-8 with BOM (the export default: Excel opens it right) */
	CS_UTF16LE,       /* UTF-16 little-endian with BOM */
	CS_UTF16BE,       /* UTF-16 big-endian with BOM */
	CS_CP1252         /* Windows-1252 */
};

/* Stable name ("utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"). */
const char *charset_name(int cs);
/* Parses a name as typed for --encoding (case-insensitive; also "utf8",
 * "utf8bom", "utf16", "utf-16", "cp1252", "latin1", "ansi"); -1 unknown. */
int charset_from_name(const char *name);

/* Charset of a BOM at the start of p (CS_UTF8_BOM, CS_UTF16LE, CS_UTF16BE)
 * and its length in *bom_len; CS_AUTO when there is none. */
int charset_bom(const void *p, size_t n, size_t *bom_len);
/* Length of the longest valid UTF-8 prefix of p, not counting an incomplete
 * sequence cut off at the end (so chunks can be checked one after another). */
size_t charset_utf8_valid_prefix(const void *p, size_t n);
/* Detects the charset of a whole buffer (see top). */
int charset_detect(const void *p, size_t n);

/* A stream decoding a file or buffer to UTF-8. */
typedef struct cs_reader cs_reader;
/* Opens path; cs is CS_AUTO or a known charset (a BOM matching it is
 * skipped). Detection without a BOM reads the file once ahead. NULL + e on failure. */
cs_reader *cs_open_file(const char *path, int cs, siks_err *e);
/* Same over a caller-owned buffer that must outlive the reader. */
cs_reader *cs_open_mem(const void *p, size_t n, int cs, siks_err *e);
/* Reads up to n bytes of UTF-8 into buf (never splitting a character when
 * n >= 4). Returns the count, 0 at the end, -1 with e on a read error. */
long cs_read(cs_reader *r, char *buf, size_t n, siks_err *e);
/* The charset read (after detection). */
int cs_charset(const cs_reader *r);
/* Number of bytes that could not be decoded and became U+FFFD so far. */
long cs_bad_bytes(const cs_reader *r);
void cs_close(cs_reader *r);

/* An encoder from UTF-8 into charset cs, for export (one per file: opening
 * iconv per row would be slow). Characters Windows-1252 lacks are
 * transliterated ("ğ" -> "g") or become '?'. */
typedef struct cs_encoder cs_encoder;
cs_encoder *cs_encoder_new(int cs, siks_err *e);
/* Appends the BOM of the encoder's charset (none for CS_UTF8, CS_CP1252). */
int cs_encode_bom(cs_encoder *c, char **out, size_t *len, size_t *cap, siks_err *e);
/* Converts n bytes of UTF-8, appending to *out (malloc'd, grown as needed;
 * *len and *cap track it, start with all zero). 0 or SIKS_ENOMEM. */
int cs_encode(cs_encoder *c, const char *in, size_t n,
	      char **out, size_t *len, size_t *cap, siks_err *e);
void cs_encoder_free(cs_encoder *c);

/* Whole-buffer decode to a malloc'd NUL-terminated UTF-8 string (caller frees). */
int charset_to_utf8(const void *in, size_t n, int cs, char **out, size_t *outlen, siks_err *e);
#endif
