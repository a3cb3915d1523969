/* codes.c — reference code lists from data/codes/<list>.csv. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/codes.h"
#include "siks/i18n.h"
#include "siks/platform.h"

struct item {
	int code;
	char *label, *label_en;
};
struct list {
	char name[48];
	int n;
	struct item *v;
};
struct siks_codes {
	int n;
	struct list *l;
};

/* Next CSV field of line at *p (quotes allowed); returns a malloc'd copy. */
static char *field(const char **p)
{
	const char *c = *p;
	size_t cap = strlen(c) + 1, n = 0;
	char *out = malloc(cap);
	if (!out)
		return NULL;
	if (*c == '"') {
		c++;
		while (*c) {
			if (*c == '"' && c[1] == '"') {
				out[n++] = '"';
				c += 2;
			} else if (*c == '"') {
				c++;
				break;
			} else {
				out[n++] = *c++;
			}
		}
	}
	while (*c && *c != ',' && *c != '\n' && *c != '\r')
		out[n++] = *c++;
	out[n] = '\0';
	if (*c == ',')
		c++;
	*p = c;
	return out;
}

static int load_list(struct list *l, const char *path, siks_err *e)
{
	char *buf;
	size_t len;
	if (plat_read_file(path, &buf, &len, e) != 0)
		return e ? e->code : SIKS_EIO;
	int lineno = 0;
	for (char *line = buf; line && *line;) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		const char *p = line;
		if (lineno == 1 && (unsigned char)p[0] == 0xEF)
			p += 3; /* BOM */
		if (lineno == 1 || !*p || *p == '#' || *p == '\r') {
			line = next;
			continue;
		}
		char *code = field(&p), *label = field(&p), *en = *p ? field(&p) : NULL;
		char *end = NULL;
		long v = code ? strtol(code, &end, 10) : 0;
		if (!code || !label || !end || end == code || *end) {
			free(code);
			free(label);
			free(en);
			free(buf);
			return siks_fail(e, SIKS_EFORMAT, "", _("Daftar kode %s baris %d rusak"), path, lineno);
		}
		struct item *nv = realloc(l->v, (size_t)(l->n + 1) * sizeof *nv);
		if (!nv) {
			free(code);
			free(label);
			free(en);
			free(buf);
			return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		}
		l->v = nv;
		l->v[l->n++] = (struct item){ (int)v, label, (en && *en) ? en : NULL };
		if (en && !*en)
			free(en);
		free(code);
		line = next;
	}
	free(buf);
	return 0;
}

int codes_load(siks_codes **out, const char *datadir, siks_err *e)
{
	*out = NULL;
	char dir[1100];
	snprintf(dir, sizeof dir, "%s/codes", datadir);
	char names[64][256];
	int k = plat_list_dir(dir, ".csv", names, 64);
	if (k <= 0)
		return siks_fail(e, SIKS_ENOTFOUND, "", _("Daftar kode tidak ditemukan di %s"), dir);
	siks_codes *c = calloc(1, sizeof *c);
	if (c)
		c->l = calloc((size_t)k, sizeof *c->l);
	if (!c || !c->l) {
		free(c);
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	}
	for (int i = 0; i < k; i++) {
		struct list *l = &c->l[c->n++];
		snprintf(l->name, sizeof l->name, "%.*s", (int)(strlen(names[i]) - 4), names[i]);
		char path[1400];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (load_list(l, path, e) != 0) {
			codes_free(c);
			return e ? e->code : SIKS_EFORMAT;
		}
	}
	*out = c;
	return 0;
}

void codes_free(siks_codes *c)
{
	if (!c)
		return;
	for (int i = 0; i < c->n; i++) {
		for (int j = 0; j < c->l[i].n; j++) {
			free(c->l[i].v[j].label);
			free(c->l[i].v[j].label_en);
		}
		free(c->l[i].v);
	}
	free(c->l);
	free(c);
}

static const struct list *find(const siks_codes *c, const char *list)
{
	if (!c || !list)
		return NULL;
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->l[i].name, list) == 0)
			return &c->l[i];
	return NULL;
}

static const char *label_of(const struct item *it)
{
	if (it->label_en && strcmp(siks_i18n_lang(), "en") == 0)
		return it->label_en;
	return it->label;
}

const char *codes_label(const siks_codes *c, const char *list, int code)
{
	const struct list *l = find(c, list);
	for (int j = 0; l && j < l->n; j++)
		if (l->v[j].code == code)
			return label_of(&l->v[j]);
	return NULL;
}

int codes_valid(const siks_codes *c, const char *list, int code)
{
	return codes_label(c, list, code) != NULL;
}

int codes_count(const siks_codes *c, const char *list)
{
	const struct list *l = find(c, list);
	return l ? l->n : 0;
}

int codes_item(const siks_codes *c, const char *list, int i, int *code, const char **label)
{
	const struct list *l = find(c, list);
	if (!l || i < 0 || i >= l->n)
		return -1;
	if (code)
		*code = l->v[i].code;
	if (label)
		*label = label_of(&l->v[i]);
	return 0;
}

static int starts_ci(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if (tolower((unsigned char)*s) != tolower((unsigned char)*prefix))
			return 0;
	return 1;
}

int codes_find_prefix(const siks_codes *c, const char *list, const char *prefix)
{
	const struct list *l = find(c, list);
	if (!l || !prefix || !*prefix)
		return -1;
	/* a label that starts with it wins over one with a later word that does */
	for (int j = 0; j < l->n; j++)
		if (starts_ci(label_of(&l->v[j]), prefix))
			return l->v[j].code;
	for (int j = 0; j < l->n; j++)
		for (const char *p = label_of(&l->v[j]); *p; p++)
			if ((*p == ' ' || *p == '/' || *p == '(' || *p == '-') && starts_ci(p + 1, prefix))
				return l->v[j].code;
	return -1;
}
