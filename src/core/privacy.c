/* privacy.c — masking NIK and No KK for display (privacy.h). */
#include <stdio.h>
#include <string.h>
#include "siks/auth.h"
#include "siks/db.h"
#include "siks/history.h"
#include "siks/i18n.h"
#include "siks/privacy.h"

char *siks_nik_mask(const char *nik, char *out, size_t n)
{
	if (!out || n == 0)
		return out;
	size_t len = nik ? strlen(nik) : 0;
	size_t k = 0;
	for (size_t i = 0; i < len && k + 1 < n; i++, k++)
		out[k] = len > 8 && (i < 4 || i >= len - 4) ? nik[i] : '*';
	out[k] = '\0';
	return out;
}

char *siks_mask_text(const char *in, char *out, size_t n)
{
	if (!out || n == 0)
		return out;
	size_t k = 0;
	for (size_t i = 0; in && in[i] && k + 1 < n;) {
		size_t j = i;
		while (in[j] >= '0' && in[j] <= '9')
			j++;
		if (j - i == 16) {
			char m[17];
			siks_nik_mask(in + i, m, sizeof m);
			for (int t = 0; t < 16 && k + 1 < n; t++)
				out[k++] = m[t];
			i = j;
		} else if (j > i) {
			while (i < j && k + 1 < n)
				out[k++] = in[i++];
		} else {
			out[k++] = in[i++];
		}
	}
	out[k] = '\0';
	return out;
}

int siks_mask_nik_enabled(siks *s)
{
	char v[8] = "";
	return siks_setting_get(s, "privacy.mask_nik", v, sizeof v) == 0 && strcmp(v, "1") == 0;
}

char *siks_nik_display(siks *s, const char *nik, char *out, size_t n)
{
	if (siks_mask_nik_enabled(s))
		return siks_nik_mask(nik, out, n);
	snprintf(out, n, "%s", nik ? nik : "");
	return out;
}

int siks_mask_nik_set(siks *s, int on, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_SETTINGS, e) != 0)
		return SIKS_EPERM;
	int was = siks_mask_nik_enabled(s);
	if (was == !!on)
		return 0;
	if (db_begin(s, e) != 0)
		return SIKS_EDB;
	if (siks_setting_set(s, "privacy.mask_nik", on ? "1" : "0", e) != 0 ||
	    audit_note(s, "setting", "privacy.mask_nik", "value", was ? "1" : "0", on ? "1" : "0", e) != 0) {
		db_rollback(s);
		return e ? e->code : SIKS_EDB;
	}
	return db_commit(s, e);
}
