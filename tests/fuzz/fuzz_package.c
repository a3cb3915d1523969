/* fuzz_package.c — libFuzzer target for everything that reads bytes from
 * another site: the package header, the sealed body (with a fixed key: the
 * fuzzer will not forge a tag, but truncations and lengths are reached),
 * the body's entry reader (as if it had decrypted), and the JSON of a new
 * record. Nothing may crash, leak or read out of bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "siks/sync.h"
#include "../../src/sync/sync_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t key[32] = { 1, 2, 3 };
	pkg_header h;
	siks_err e;
	if (pkg_header_parse(data, size, &h, &e) == 0) {
		uint8_t *body = NULL;
		if (pkg_open(&h, data, size, key, &body, &e) == 0)
			free(body);
	}
	/* the body reader on raw bytes */
	pkg_reader r;
	pkg_change c;
	pkg_receipt rc;
	pkg_reader_init(&r, data, size);
	int t, n = 0;
	while ((t = pkg_reader_next(&r, &c, &rc)) > 0 && n++ < 100000)
		if (t == PKG_E_CHANGE)
			(void)(strlen(c.origin) + strlen(c.tbl) + strlen(c.rec) + strlen(c.field) + strlen(c.op) +
			       (c.value ? strlen(c.value) : 0) + (c.base_origin ? strlen(c.base_origin) : 0));
	pkg_reader_free(&r);
	/* the new-record JSON */
	char *json = malloc(size + 1);
	if (json) {
		memcpy(json, data, size);
		json[size] = '\0';
		siks_rec rec;
		if (rec_init(&rec, "member") == 0) {
			sync_json_to_rec(json, &rec);
			rec_free(&rec);
		}
		free(json);
	}
	return 0;
}
