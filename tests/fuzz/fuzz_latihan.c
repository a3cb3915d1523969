/* fuzz_latihan.c — libFuzzer target for the exercise file parser
 * (latihan_ex.c). Exercise files come with the program, but a trainer may
 * write new ones, so whatever the bytes:
 *  - no crash, leak or undefined behaviour;
 *  - a refusal leaves nothing allocated and a message naming the file;
 *  - an accepted exercise has every required part, 1..LATIHAN_MAX_CHECKS
 *    checks, at most LATIHAN_MAX_PARAMS params with non-empty names of
 *    letters, digits and '_', and values without a line break;
 *  - parsing is deterministic (the same input twice gives the same result). */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "siks/latihan.h"

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	latihan_ex x, y;
	siks_err e = { 0 }, e2 = { 0 };
	int rc = latihan_ex_parse(&x, "fuzz", text, &e);
	int rc2 = latihan_ex_parse(&y, "fuzz", text, &e2);
	if (rc != rc2)
		abort();
	if (rc != 0) {
		if (!e.msg[0] || strcmp(e.msg, e2.msg) != 0)
			abort();
		/* a refusal frees what it had (the leak checker sees the rest) */
		if (x.judul || x.nperiksa || x.nparam)
			abort();
		free(text);
		return 0;
	}
	if (!x.judul || !*x.judul || !x.tugas || !x.petunjuk || !x.jawaban)
		abort();
	if (x.nperiksa < 1 || x.nperiksa > LATIHAN_MAX_CHECKS || x.nparam > LATIHAN_MAX_PARAMS)
		abort();
	for (int i = 0; i < x.nperiksa; i++)
		if (!x.periksa[i] || !same(x.periksa[i], y.periksa[i]))
			abort();
	for (int i = 0; i < x.nparam; i++) {
		const latihan_param *p = &x.param[i];
		if (!p->name[0] || !p->value || strchr(p->value, '\n'))
			abort();
		for (const char *c = p->name; *c; c++)
			if (!isalnum((unsigned char)*c) && *c != '_')
				abort();
		if (strcmp(p->name, y.param[i].name) != 0 || !same(p->value, y.param[i].value))
			abort();
	}
	if (!same(x.judul, y.judul) || !same(x.tugas, y.tugas) || !same(x.petunjuk, y.petunjuk) ||
	    !same(x.jawaban, y.jawaban))
		abort();
	latihan_ex_free(&x);
	latihan_ex_free(&y);
	free(text);
	return 0;
}
