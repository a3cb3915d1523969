/* indicator_set.c — loading an indicator set (data/indicators/<name>.ind) and
 * its rule language. The format is described at the top of bps14.ind; rules
 * are checked against the tables (src/core/tables.c) and the code lists when
 * the set loads, so a mistake in a data file is reported with its line
 * instead of scoring households wrongly. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/codes.h"
#include "siks/i18n.h"
#include "siks/indicator.h"
#include "siks/rec.h"
#include "indicator_rule.h"

/* ---- the rule language ---------------------------------------------- */

static int op_parse(const char *t)
{
	static const char *const ops[] = { "<", "<=", ">", ">=", "=", "!=" };
	for (int i = 0; i < 6; i++)
		if (strcmp(t, ops[i]) == 0)
			return i + 1;
	return 0;
}

static int op_apply(int op, double a, double b)
{
	switch (op) {
	case IR_LT: return a < b;
	case IR_LE: return a <= b;
	case IR_GT: return a > b;
	case IR_GE: return a >= b;
	case IR_EQ: return a == b;
	default: return a != b;
	}
}

static int number(const char *t, double *out)
{
	char *end;
	errno = 0;
	*out = strtod(t, &end);
	return *t && *end == '\0' && errno == 0;
}

/* One term from tokens tok[0..2]; codes (may be NULL) checks code values. */
static int term_parse(ir_term *t, char **tok, const siks_codes *codes, siks_err *e)
{
	memset(t, 0, sizeof *t);
	const char *lhs = tok[0];
	const siks_table *tab;
	size_t n = strlen(lhs);
	if (strncmp(lhs, "per_orang(", 10) == 0 && n > 11 && lhs[n - 1] == ')') {
		t->scope = IR_PER_PERSON;
		snprintf(t->field, sizeof t->field, "%.*s", (int)(n - 11), lhs + 10);
		tab = siks_table_find("household");
	} else if (strncmp(lhs, "rt.", 3) == 0) {
		t->scope = IR_HOUSEHOLD;
		snprintf(t->field, sizeof t->field, "%s", lhs + 3);
		tab = siks_table_find("household");
	} else if (strncmp(lhs, "kepala.", 7) == 0) {
		t->scope = IR_HEAD;
		snprintf(t->field, sizeof t->field, "%s", lhs + 7);
		tab = siks_table_find("member");
	} else {
		return siks_fail(e, SIKS_EFORMAT, "", _("\"%s\" tidak dikenal: tulis rt.KOLOM, kepala.KOLOM atau per_orang(KOLOM)"), lhs);
	}
	const siks_field *f = tab ? siks_field_find(tab, t->field) : NULL;
	if (!f)
		return siks_fail(e, SIKS_EFORMAT, "", _("kolom \"%s\" tidak ada"), t->field);
	if (strcmp(tok[1], "in") == 0) {
		if (t->scope == IR_PER_PERSON || f->kind != SIKS_K_CHOICE)
			return siks_fail(e, SIKS_EFORMAT, "", _("\"in\" hanya untuk kolom pilihan kode (%s)"), t->field);
		t->op = IR_IN;
		const char *colon = strchr(tok[2], ':');
		if (!colon || (size_t)(colon - tok[2]) >= sizeof t->list)
			return siks_fail(e, SIKS_EFORMAT, "", _("tulis daftar kode sebagai DAFTAR:1,2,3"));
		snprintf(t->list, sizeof t->list, "%.*s", (int)(colon - tok[2]), tok[2]);
		if (strcmp(t->list, f->codelist) != 0)
			return siks_fail(e, SIKS_EFORMAT, "", _("kolom %s memakai daftar kode %s, bukan %s"),
					 t->field, f->codelist, t->list);
		const char *p = colon + 1;
		while (*p) {
			char *end;
			long v = strtol(p, &end, 10);
			if (end == p || (*end && *end != ',') || t->ncodes == IR_MAX_CODES)
				return siks_fail(e, SIKS_EFORMAT, "", _("daftar kode \"%s\" tidak sah"), colon + 1);
			if (codes && !codes_valid(codes, t->list, (int)v))
				return siks_fail(e, SIKS_EFORMAT, "", _("kode %ld tidak ada dalam daftar %s"), v, t->list);
			t->codes[t->ncodes++] = (int)v;
			p = *end ? end + 1 : end;
		}
		if (t->ncodes == 0)
			return siks_fail(e, SIKS_EFORMAT, "", _("daftar kode kosong"));
		return 0;
	}
	t->op = op_parse(tok[1]);
	if (!t->op)
		return siks_fail(e, SIKS_EFORMAT, "", _("pembanding \"%s\" tidak dikenal (in < <= > >= = !=)"), tok[1]);
	if (f->type == SIKS_T_TEXT)
		return siks_fail(e, SIKS_EFORMAT, "", _("kolom %s bukan angka"), t->field);
	if (!number(tok[2], &t->num))
		return siks_fail(e, SIKS_EFORMAT, "", _("\"%s\" bukan angka"), tok[2]);
	return 0;
}

int ir_parse(ir_rule *r, const char *text, const siks_codes *codes, siks_err *e)
{
	memset(r, 0, sizeof *r);
	char buf[sizeof ((siks_criterion *)0)->source];
	if (snprintf(buf, sizeof buf, "%s", text) >= (int)sizeof buf)
		return siks_fail(e, SIKS_EFORMAT, "", _("aturan terlalu panjang"));
	char *tok[IR_MAX_TERMS * 4 + 4], *save = NULL;
	int n = 0;
	for (char *t = strtok_r(buf, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
		if (n == (int)(sizeof tok / sizeof *tok))
			return siks_fail(e, SIKS_EFORMAT, "", _("aturan terlalu panjang"));
		tok[n++] = t;
	}
	if (n == 1 && strcmp(tok[0], "answered") == 0) {
		r->answered = 1;
		return 0;
	}
	/* TERM (and|or TERM)*: three tokens a term, one between terms. */
	int i = 0;
	for (;;) {
		if (i + 3 > n || r->nterms == IR_MAX_TERMS)
			return siks_fail(e, SIKS_EFORMAT, "", _("aturan tidak lengkap: tulis \"answered\" atau KOLOM OP NILAI"));
		ir_term *t = &r->t[r->nterms];
		int rc = term_parse(t, tok + i, codes, e);
		if (rc)
			return rc;
		t->or_before = 0;
		if (r->nterms > 0)
			t->or_before = strcmp(tok[i - 1], "or") == 0;
		r->nterms++;
		i += 3;
		if (i == n)
			return 0;
		if (strcmp(tok[i], "and") != 0 && strcmp(tok[i], "or") != 0)
			return siks_fail(e, SIKS_EFORMAT, "", _("\"%s\": antara dua syarat tulis and atau or"), tok[i]);
		i++;
	}
}

/* Kleene logic: -1 unknown. */
int ir_eval(const ir_rule *r, const ir_ctx *cx)
{
	int any = 0, clause = 1; /* OR of clauses, each an AND of terms */
	for (int i = 0; i < r->nterms; i++) {
		const ir_term *t = &r->t[i];
		if (t->or_before) {
			if (clause == 1)
				return 1;
			if (clause < 0)
				any = -1;
			clause = 1;
		}
		const siks_rec *src = t->scope == IR_HEAD ? cx->head : cx->household;
		const char *v = src ? rec_get(src, t->field) : NULL;
		double x;
		int val;
		if (!v || !number(v, &x))
			val = -1;
		else if (t->scope == IR_PER_PERSON && cx->present <= 0)
			val = -1;
		else if (t->op == IR_IN) {
			val = 0;
			for (int k = 0; k < t->ncodes; k++)
				if (x == t->codes[k])
					val = 1;
		} else {
			if (t->scope == IR_PER_PERSON)
				x /= cx->present;
			val = op_apply(t->op, x, t->num);
		}
		if (val == 0)
			clause = 0;
		else if (val < 0 && clause == 1)
			clause = -1;
	}
	if (clause == 1)
		return 1;
	return (clause < 0 || any < 0) ? -1 : 0;
}

/* ---- the set file ----------------------------------------------------- */

static int name_ok(const char *name)
{
	if (!name || !*name || strlen(name) >= sizeof ((siks_indset *)0)->name)
		return 0;
	for (const char *p = name; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_' || *p == '-'))
			return 0;
	return 1;
}

/* Copies src into dst[n]; 0 when it fits. */
static int put(char *dst, size_t n, const char *src)
{
	return snprintf(dst, n, "%s", src) >= (int)n ? -1 : 0;
}

static int parse_set(siks_indset *set, FILE *fp, const char *path, const char *name,
		     const siks_codes *codes, siks_err *e)
{
	char line[1024];
	int lineno = 0, have_set = 0;
	siks_criterion *cur = NULL;
	unsigned char ruled[SIKS_IND_MAX] = { 0 };
	siks_err sub;
	while (fgets(line, sizeof line, fp)) {
		lineno++;
		size_t len = strlen(line);
		if (len == sizeof line - 1 && line[len - 1] != '\n')
			return siks_fail(e, SIKS_EFORMAT, "", _("%s baris %d: baris terlalu panjang"), path, lineno);
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' '))
			line[--len] = '\0';
		char *key = line;
		while (*key == ' ' || *key == '\t')
			key++;
		if (*key == '\0' || *key == '#')
			continue;
		char *val = key + strcspn(key, " \t");
		if (*val)
			*val++ = '\0';
		while (*val == ' ' || *val == '\t')
			val++;
		int bad = 0;
		if (strcmp(key, "set") == 0) {
			if (strcmp(val, name) != 0)
				return siks_fail(e, SIKS_EFORMAT, "", _("%s baris %d: nama set \"%s\" tidak sama dengan nama berkas"),
						 path, lineno, val);
			put(set->name, sizeof set->name, val);
			have_set = 1;
		} else if (strcmp(key, "version") == 0) {
			set->version = atoi(val);
			bad = set->version < 1;
		} else if (strcmp(key, "title") == 0) {
			bad = put(set->title, sizeof set->title, val);
		} else if (strcmp(key, "threshold") == 0) {
			set->threshold = atoi(val);
			bad = set->threshold < 1;
		} else if (strcmp(key, "criterion") == 0) {
			if (atoi(val) != set->n + 1 || set->n == SIKS_IND_MAX)
				return siks_fail(e, SIKS_EFORMAT, "", _("%s baris %d: kriteria harus bernomor urut (berikutnya %d, paling banyak %d)"),
						 path, lineno, set->n + 1, SIKS_IND_MAX);
			cur = &set->c[set->n++];
			cur->no = set->n;
		} else if (strcmp(key, "text") == 0 && cur) {
			bad = put(cur->text, sizeof cur->text, val);
		} else if (strcmp(key, "rule") == 0 && cur) {
			ir_rule r;
			if (ir_parse(&r, val, codes, &sub) != 0)
				return siks_fail(e, SIKS_EFORMAT, "", _("%s baris %d: %s"), path, lineno, sub.msg);
			put(cur->source, sizeof cur->source, r.answered ? "" : val);
			if (!r.answered)
				put(cur->field, sizeof cur->field, r.t[0].field);
			ruled[cur->no - 1] = 1;
		} else {
			return siks_fail(e, SIKS_EFORMAT, "", _("%s baris %d: \"%s\" tidak dikenal di sini"), path, lineno, key);
		}
		if (bad)
			return siks_fail(e, SIKS_EFORMAT, "", _("%s baris %d: nilai %s tidak sah atau terlalu panjang"), path, lineno, key);
	}
	if (!have_set || set->version < 1 || set->n == 0 || set->threshold < 1 || set->threshold > set->n)
		return siks_fail(e, SIKS_EFORMAT, "", _("%s: set, version, threshold (1 sampai jumlah kriteria) dan kriteria wajib ada"), path);
	for (int i = 0; i < set->n; i++) {
		if (!set->c[i].text[0] || !ruled[i])
			return siks_fail(e, SIKS_EFORMAT, "", _("%s: kriteria %d tanpa text atau rule"), path, i + 1);
	}
	return 0;
}

int indset_load(siks_indset *set, const char *datadir, const char *name, siks_err *e)
{
	memset(set, 0, sizeof *set);
	if (!name_ok(name))
		return siks_fail(e, SIKS_EINVAL, "set", _("Nama set indikator \"%s\" tidak sah (huruf kecil, angka, _ atau -)"),
				 name ? name : "");
	char path[1200];
	snprintf(path, sizeof path, "%s/indicators/%s.ind", datadir, name);
	FILE *fp = fopen(path, "r");
	if (!fp)
		return siks_fail(e, SIKS_ENOTFOUND, "set", _("Set indikator %s tidak ada (%s)"), name, path);
	siks_codes *codes = NULL;
	siks_err ce;
	if (codes_load(&codes, datadir, &ce) != 0)
		codes = NULL; /* rules are still checked against the tables */
	int rc = parse_set(set, fp, path, name, codes, e);
	if (codes)
		codes_free(codes);
	fclose(fp);
	if (rc)
		memset(set, 0, sizeof *set);
	return rc;
}
