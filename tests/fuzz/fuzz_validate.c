/* fuzz_validate.c — libFuzzer target for the pure validation rules (dates,
 * NIK, No KK). Properties checked on every input:
 *  - no crash or undefined behaviour, whatever the bytes;
 *  - a date that parses gives a real ISO date that parses to itself, and
 *    shown as DD-MM-YYYY parses back to the same date;
 *  - every finding names its field first and carries a rule of its family;
 *  - a NIK or No KK that is 16 digits with a real date part, serial not
 *    0000 and a plausible region has no finding. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/validate.h"

static void expect(int ok)
{
	if (!ok)
		abort();
}

static void findings_ok(const siks_findings *f, const char *family, const char *prefix)
{
	for (size_t i = 0; i < f->n; i++) {
		expect(strncmp(f->v[i].rule, family, strlen(family)) == 0);
		expect(strncmp(f->v[i].msg, prefix, strlen(prefix)) == 0);
		expect(f->v[i].severity == SIKS_ERROR || f->v[i].severity == SIKS_WARN);
	}
}

static int all_digits16(const char *s)
{
	if (strlen(s) != 16)
		return 0;
	for (int i = 0; i < 16; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 64)
		return 0;
	char in[65];
	memcpy(in, data, size);
	in[size] = '\0';
	if (strlen(in) != size)
		return 0;

	char iso[11], shown[11], again[11];
	if (date_parse(in, iso) == 0) {
		expect(strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-');
		expect(date_parse(iso, again) == 0 && strcmp(iso, again) == 0);
		date_format(iso, shown);
		expect(date_parse(shown, again) == 0 && strcmp(iso, again) == 0);
	}

	siks_findings f = { 0 };
	int sex = size ? data[0] % 3 : 0;
	check_nik(&f, "r", in, sex, NULL, "2026-11-27");
	findings_ok(&f, "nik.", "NIK: ");
	siks_findings_clear(&f);
	check_nik(&f, "r", in, 0, NULL, "2026-11-27");
	if (all_digits16(in)) {
		int dd = (in[6] - '0') * 10 + in[7] - '0', mm = (in[8] - '0') * 10 + in[9] - '0';
		if (dd > 40)
			dd -= 40;
		char d[11];
		/* both centuries agree on every real date but 29 Feb 1900/2000 */
		snprintf(d, sizeof d, "%02d-%02d-19%c%c", dd, mm, in[10], in[11]);
		if (date_parse(d, iso) == 0 && strcmp(in + 12, "0000") != 0 &&
		    !(dd == 29 && mm == 2 && in[10] == '0' && in[11] == '0') && !(in[6] == '4' && in[7] == '0'))
			expect(f.n == 0);
	}
	siks_findings_clear(&f);

	check_kk(&f, "r", in);
	findings_ok(&f, "kk.", "No KK: ");
	if (all_digits16(in)) {
		int prov = (in[0] - '0') * 10 + in[1] - '0';
		expect((f.n == 0) == (prov >= 11 && prov <= 96 && !(in[2] == '0' && in[3] == '0')));
	}
	siks_findings_clear(&f);

	check_date(&f, "member", "r", "tanggal_lahir", in, "2026-11-27");
	findings_ok(&f, "date.", "Tanggal lahir: ");
	siks_findings_free(&f);
	return 0;
}
