/* test_charset.c — detection and conversion of every charset import meets,
 * in memory and streamed from files larger than the decoder's window. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "siks/charset.h"

/* "Siti Nur'aini, José Núñez, Müller 5€" in UTF-8 */
static const char NAME_UTF8[] = "Siti Nur'aini, Jos\xC3\xA9 N\xC3\xBA\xC3\xB1" "ez, M\xC3\xBCller 5\xE2\x82\xAC";
/* the same in Windows-1252 */
static const char NAME_1252[] = "Siti Nur'aini, Jos\xE9 N\xFA\xF1" "ez, M\xFCller 5\x80";

static char *encode(int cs, const char *utf8, size_t *len, int bom)
{
	siks_err e;
	char *out = NULL;
	size_t cap = 0;
	*len = 0;
	cs_encoder *c = cs_encoder_new(cs, &e);
	assert_non_null(c);
	if (bom)
		assert_int_equal(cs_encode_bom(c, &out, len, &cap, &e), 0);
	assert_int_equal(cs_encode(c, utf8, strlen(utf8), &out, len, &cap, &e), 0);
	cs_encoder_free(c);
	return out;
}

static char *decode(const void *p, size_t n, int cs, int *detected)
{
	siks_err e;
	char *out;
	size_t len;
	cs_reader *r = cs_open_mem(p, n, cs, &e);
	assert_non_null(r);
	if (detected)
		*detected = cs_charset(r);
	cs_close(r);
	assert_int_equal(charset_to_utf8(p, n, cs, &out, &len, &e), 0);
	assert_int_equal(strlen(out), len);
	return out;
}

static void test_names(void **state)
{
	(void)state;
	assert_int_equal(charset_from_name("UTF-8"), CS_UTF8);
	assert_int_equal(charset_from_name("utf8bom"), CS_UTF8_BOM);
	assert_int_equal(charset_from_name("utf-16"), CS_UTF16LE);
	assert_int_equal(charset_from_name("UTF-16BE"), CS_UTF16BE);
	assert_int_equal(charset_from_name("cp1252"), CS_CP1252);
	assert_int_equal(charset_from_name("ebcdic"), -1);
	assert_int_equal(charset_from_name(NULL), -1);
	for (int cs = CS_UTF8; cs <= CS_CP1252; cs++)
		assert_int_equal(charset_from_name(charset_name(cs)), cs);
}

static void test_detect(void **state)
{
	(void)state;
	size_t bl;
	assert_int_equal(charset_detect("nama,nik\n", 9), CS_UTF8);
	assert_int_equal(charset_detect(NAME_UTF8, strlen(NAME_UTF8)), CS_UTF8);
	assert_int_equal(charset_detect(NAME_1252, strlen(NAME_1252)), CS_CP1252);
	assert_int_equal(charset_bom("\xEF\xBB\xBFx", 4, &bl), CS_UTF8_BOM);
	assert_int_equal(bl, 3);
	assert_int_equal(charset_bom("\xFF\xFEx\0", 4, &bl), CS_UTF16LE);
	assert_int_equal(bl, 2);
	assert_int_equal(charset_bom("\xFE\xFF\0x", 4, &bl), CS_UTF16BE);
	assert_int_equal(charset_bom("ab", 2, &bl), CS_AUTO);
	assert_int_equal(bl, 0);
	/* overlong, surrogate and cut sequences are not UTF-8 */
	assert_int_equal(charset_detect("a\xC0\xAF", 3), CS_CP1252);
	assert_int_equal(charset_detect("a\xED\xA0\x80", 4), CS_CP1252);
	assert_int_equal(charset_detect("abc\xC3", 4), CS_CP1252);
	assert_int_equal(charset_utf8_valid_prefix("abc\xC3", 4), 3);
	/* UTF-16 without a BOM, recognised by its zero bytes */
	assert_int_equal(charset_detect("n\0a\0m\0a\0,\0n\0i\0k\0", 16), CS_UTF16LE);
	assert_int_equal(charset_detect("\0n\0a\0m\0a\0,\0n\0i\0k", 16), CS_UTF16BE);
}

/* Every charset, with and without BOM, decodes to the same UTF-8. */
static void test_round_trip_every_charset(void **state)
{
	(void)state;
	for (int cs = CS_UTF8; cs <= CS_CP1252; cs++) {
		size_t n;
		char *enc = encode(cs, NAME_UTF8, &n, 1);
		int det;
		char *dec = decode(enc, n, CS_AUTO, &det);
		assert_string_equal(dec, NAME_UTF8);
		assert_int_equal(det, cs);
		free(dec);
		/* told the charset explicitly: same result */
		dec = decode(enc, n, cs, NULL);
		assert_string_equal(dec, NAME_UTF8);
		free(dec);
		free(enc);
	}
	size_t n;
	char *enc = encode(CS_CP1252, NAME_UTF8, &n, 0);
	assert_memory_equal(enc, NAME_1252, strlen(NAME_1252));
	assert_int_equal(n, strlen(NAME_1252));
	free(enc);
}

static void test_bad_bytes(void **state)
{
	(void)state;
	siks_err e;
	/* 0x81 has no character in Windows-1252 */
	char *s = decode("a\x81" "b\xE9", 4, CS_CP1252, NULL);
	assert_string_equal(s, "a\xEF\xBF\xBD" "b\xC3\xA9");
	free(s);
	/* invalid UTF-8 in a file declared UTF-8 never passes through */
	s = decode("a\xFF" "b", 3, CS_UTF8, NULL);
	assert_string_equal(s, "a\xEF\xBF\xBD" "b");
	free(s);
	/* a lone surrogate in UTF-16 */
	s = decode("\xFF\xFE" "a\0\x00\xD8" "b\0", 8, CS_AUTO, NULL);
	assert_string_equal(s, "a\xEF\xBF\xBD" "b");
	free(s);
	/* an odd byte at the end of UTF-16 */
	s = decode("\xFF\xFE" "a\0b", 5, CS_AUTO, NULL);
	assert_string_equal(s, "a\xEF\xBF\xBD");
	free(s);
	cs_reader *r = cs_open_mem("x\x81\x81", 3, CS_CP1252, &e);
	char buf[16];
	assert_true(cs_read(r, buf, sizeof buf, &e) > 0);
	assert_int_equal(cs_bad_bytes(r), 2);
	cs_close(r);
}

static void test_encode_missing_chars(void **state)
{
	(void)state;
	size_t n;
	/* "Erdoğan ☺": ğ transliterates or becomes '?', never disappears */
	char *enc = encode(CS_CP1252, "Erdo\xC4\x9F" "an \xE2\x98\xBA", &n, 0);
	assert_true(n == 9);
	assert_memory_equal(enc, "Erdo", 4);
	assert_true(enc[4] == 'g' || enc[4] == '?');
	assert_memory_equal(enc + 5, "an ", 3);
	free(enc);
	/* bad UTF-8 into UTF-16 becomes U+FFFD */
	enc = encode(CS_UTF16LE, "a\xFF", &n, 0);
	assert_int_equal(n, 4);
	assert_memory_equal(enc, "a\0\xFD\xFF", 4);
	free(enc);
	siks_err e;
	assert_null(cs_encoder_new(99, &e));
	assert_int_equal(e.code, SIKS_EINVAL);
}

static char *tmpfile_with(const void *p, size_t n)
{
	const char *dir = getenv("TMPDIR");
	char *path = malloc(512);
	snprintf(path, 512, "%s/siks_cs_XXXXXX", dir ? dir : "/tmp");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, p, n), (ssize_t)n);
	close(fd);
	return path;
}

/* Reads a whole file through cs_read with a given buffer size. */
static char *read_all(const char *path, int cs, size_t bufsz, int *detected)
{
	siks_err e;
	cs_reader *r = cs_open_file(path, cs, &e);
	assert_non_null(r);
	*detected = cs_charset(r);
	size_t len = 0, cap = 1 << 16;
	char *out = malloc(cap);
	char *buf = malloc(bufsz);
	long got;
	while ((got = cs_read(r, buf, bufsz, &e)) > 0) {
		assert_true((size_t)got <= bufsz);
		/* never a character cut in two */
		assert_int_equal(charset_utf8_valid_prefix(buf, (size_t)got), (size_t)got);
		if (len + (size_t)got + 1 > cap) {
			cap = (len + (size_t)got + 1) * 2;
			out = realloc(out, cap);
		}
		memcpy(out + len, buf, (size_t)got);
		len += (size_t)got;
	}
	assert_int_equal(got, 0);
	out[len] = 0;
	free(buf);
	cs_close(r);
	return out;
}

/* 200 KiB of names, so characters straddle the 64 KiB windows everywhere. */
static void test_stream_large_files(void **state)
{
	(void)state;
	size_t one = strlen(NAME_UTF8) + 1, reps = 200000 / one;
	char *text = malloc(one * reps + 1);
	for (size_t i = 0; i < reps; i++) {
		memcpy(text + i * one, NAME_UTF8, one - 1);
		text[i * one + one - 1] = '\n';
	}
	text[one * reps] = 0;
	static const size_t bufs[] = { 4, 5, 7, 4096, 100000 };
	for (int cs = CS_UTF8; cs <= CS_CP1252; cs++) {
		size_t n;
		char *enc = encode(cs, text, &n, 1);
		char *path = tmpfile_with(enc, n);
		for (size_t b = 0; b < sizeof bufs / sizeof bufs[0]; b++) {
			int det;
			if (cs != CS_UTF8 && bufs[b] < 7)
				continue; /* tiny buffers: once is enough */
			char *back = read_all(path, CS_AUTO, bufs[b], &det);
			assert_int_equal(det, cs);
			assert_string_equal(back, text);
			free(back);
		}
		unlink(path);
		free(path);
		free(enc);
	}
	free(text);
}

/* A file that is ASCII for 100 KiB and has one Windows-1252 byte after:
 * detection reads the whole file, not just the start. */
static void test_detect_late_byte(void **state)
{
	(void)state;
	size_t n = 100000;
	char *p = malloc(n + 8);
	memset(p, 'a', n);
	memcpy(p + n, "Jos\xE9\n", 5);
	char *path = tmpfile_with(p, n + 5);
	int det;
	char *back = read_all(path, CS_AUTO, 4096, &det);
	assert_int_equal(det, CS_CP1252);
	assert_string_equal(back + n, "Jos\xC3\xA9\n");
	free(back);
	unlink(path);
	free(path);
	free(p);

	siks_err e;
	assert_null(cs_open_file("/nonexistent/siks.csv", CS_AUTO, &e));
	assert_int_equal(e.code, SIKS_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_round_trip_every_charset),
		cmocka_unit_test(test_bad_bytes),
		cmocka_unit_test(test_encode_missing_chars),
		cmocka_unit_test(test_stream_large_files),
		cmocka_unit_test(test_detect_late_byte),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
