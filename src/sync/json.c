/* json.c — reads the flat JSON object a new-record change carries
 * ({"field":"value",...}, as rec.c writes it with sb_add_json). Only what
 * that writer produces is needed, but the reader is strict and bounded
 * because the text arrives from another site. */
#include <stdlib.h>
#include <string.h>
#include "sync_int.h"

static void skip_ws(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
		(*p)++;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads a string literal at *p into a malloc'd text. */
static char *read_str(const char **p)
{
	if (**p != '"')
		return NULL;
	const char *q = ++*p;
	size_t cap = strlen(q) + 1;
	char *out = malloc(cap), *o = out;
	if (!out)
		return NULL;
	while (*q && *q != '"') {
		if (*q != '\\') {
			*o++ = *q++;
			continue;
		}
		q++;
		switch (*q) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'u': {
			int v = 0;
			for (int i = 1; i <= 4; i++) {
				int h = hexval(q[i]);
				if (h < 0) {
					free(out);
					return NULL;
				}
				v = v * 16 + h;
			}
			q += 4;
			if (v == 0 || (v >= 0xD800 && v <= 0xDFFF)) { /* no NUL, no lone surrogates */
				free(out);
				return NULL;
			}
			if (v < 0x80) {
				*o++ = (char)v;
			} else if (v < 0x800) {
				*o++ = (char)(0xC0 | (v >> 6));
				*o++ = (char)(0x80 | (v & 0x3F));
			} else {
				*o++ = (char)(0xE0 | (v >> 12));
				*o++ = (char)(0x80 | ((v >> 6) & 0x3F));
				*o++ = (char)(0x80 | (v & 0x3F));
			}
			break;
		}
		default:
			free(out);
			return NULL;
		}
		q++;
	}
	if (*q != '"') {
		free(out);
		return NULL;
	}
	*o = '\0';
	*p = q + 1;
	return out;
}

/* Reads a bare number / null as text (NULL value for null). */
static int read_bare(const char **p, char **out)
{
	*out = NULL;
	if (strncmp(*p, "null", 4) == 0) {
		*p += 4;
		return 0;
	}
	const char *q = *p;
	while (*q == '-' || *q == '+' || *q == '.' || *q == 'e' || *q == 'E' || (*q >= '0' && *q <= '9'))
		q++;
	if (q == *p)
		return -1;
	*out = malloc((size_t)(q - *p) + 1);
	if (!*out)
		return -1;
	memcpy(*out, *p, (size_t)(q - *p));
	(*out)[q - *p] = '\0';
	*p = q;
	return 0;
}

int sync_json_to_rec(const char *json, siks_rec *r)
{
	const char *p = json;
	skip_ws(&p);
	if (*p++ != '{')
		return -1;
	skip_ws(&p);
	if (*p == '}')
		goto end;
	for (;;) {
		skip_ws(&p);
		char *k = read_str(&p);
		if (!k)
			return -1;
		skip_ws(&p);
		char *v = NULL;
		int bad = *p++ != ':';
		if (!bad) {
			skip_ws(&p);
			if (*p == '"')
				bad = !(v = read_str(&p));
			else
				bad = read_bare(&p, &v) != 0;
		}
		/* an unknown field means a newer sender: refuse rather than drop it */
		if (!bad && rec_set(r, k, v) != 0)
			bad = 1;
		free(k);
		free(v);
		if (bad)
			return -1;
		skip_ws(&p);
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == '}')
			break;
		return -1;
	}
end:
	p++;
	skip_ws(&p);
	return *p ? -1 : 0;
}
