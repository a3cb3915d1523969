/* fuzz_indicator_rule.c — libFuzzer target for the indicator rule language
 * (src/core/indicator_set.c). The input is a rule as it would stand after
 * "rule " in a .ind file. Properties checked on every input:
 *  - no crash, overflow or undefined behaviour, whatever the bytes;
 *  - a rule that parses has 1..IR_MAX_TERMS terms (or is "answered"), each
 *    naming a field of its table, with codes only for "in";
 *  - evaluating it gives -1, 0 or 1; with every field empty it is never 1
 *    (an empty field is unknown, never "met"). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "siks/rec.h"
#include "../../src/core/indicator_rule.h"

static int eval_with(const ir_rule *r, const char *value, int present)
{
	siks_rec hh, head;
	if (rec_init(&hh, "household") != 0 || rec_init(&head, "member") != 0)
		abort();
	if (value) {
		for (int i = 0; i < hh.t->nfields; i++)
			rec_set(&hh, hh.t->fields[i].name, value);
		for (int i = 0; i < head.t->nfields; i++)
			rec_set(&head, head.t->fields[i].name, value);
	}
	ir_ctx cx = { &hh, &head, present };
	int v = ir_eval(r, &cx);
	rec_free(&hh);
	rec_free(&head);
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[400];
	if (size >= sizeof text)
		size = sizeof text - 1;
	memcpy(text, data, size);
	text[size] = '\0';
	ir_rule r;
	siks_err e;
	if (ir_parse(&r, text, NULL, &e) != 0) {
		if (!e.msg[0])
			abort(); /* a refusal always says why */
		return 0;
	}
	if (r.answered)
		return r.nterms == 0 ? 0 : (abort(), 0);
	if (r.nterms < 1 || r.nterms > IR_MAX_TERMS)
		abort();
	for (int i = 0; i < r.nterms; i++) {
		const ir_term *t = &r.t[i];
		const siks_table *tab = siks_table_find(t->scope == IR_HEAD ? "member" : "household");
		if (!tab || !siks_field_find(tab, t->field))
			abort();
		if ((t->op == IR_IN) != (t->ncodes > 0) || t->ncodes > IR_MAX_CODES)
			abort();
	}
	int v0 = eval_with(&r, NULL, 4);
	if (v0 == 1 || v0 < -1)
		abort();
	static const char *const values[] = { "0", "1", "7", "8.5", "499", "-3", "1e308", "x" };
	for (size_t i = 0; i < sizeof values / sizeof *values; i++)
		for (int present = 0; present <= 3; present++) {
			int v = eval_with(&r, values[i], present);
			if (v < -1 || v > 1)
				abort();
		}
	return 0;
}
