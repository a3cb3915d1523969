/* latihan_ex.c — exercises as data: parsing the files of data/latihan and running
 * their checks against the register (see latihan.h, data/latihan/README).
 *
 * A check is text from a file shipped with the program, never typed by the
 * trainee; even so it is held to what a check needs: one statement, read-only
 * (sqlite3_stmt_readonly and an authorizer that allows only reading), its
 * values bound from the exercise's `param:` lines. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/i18n.h"
#include "siks/latihan.h"
#include "siks/platform.h"
#include "siks/strbuf.h"
#include "siks/validate.h"

/* ---- parsing ------------------------------------------------------------ */

enum { K_JUDUL, K_TUGAS, K_PETUNJUK, K_JAWABAN, K_PERIKSA, K_PARAM, K_NONE };
static const char *const keys[] = { "judul", "tugas", "petunjuk", "jawaban", "periksa", "param" };

/* Key of a line "word: ..." starting at column 0; K_NONE when it is not one. */
static int line_key(const char *l, size_t len, size_t *after)
{
	size_t i = 0;
	while (i < len && (islower((unsigned char)l[i]) || l[i] == '_'))
		i++;
	if (i == 0 || i >= len || l[i] != ':')
		return K_NONE;
	for (int k = 0; k < K_NONE; k++)
		if (strlen(keys[k]) == i && memcmp(l, keys[k], i) == 0) {
			*after = i + 1;
			return k;
		}
	return -1; /* a key, but not one we know */
}

/* Ends the value being collected: trailing blank lines and spaces go. */
static char *take_value(strbuf *b)
{
	while (b->n > 0 && (b->p[b->n - 1] == '\n' || b->p[b->n - 1] == ' ' || b->p[b->n - 1] == '\t'))
		b->p[--b->n] = '\0';
	char *v = strdup(b->p ? b->p : "");
	sb_reset(b);
	return v;
}

static int store(latihan_ex *x, int key, strbuf *b, const char *name, int line, siks_err *e)
{
	char *v = take_value(b);
	if (!v)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	char **slot = NULL;
	switch (key) {
	case K_JUDUL: slot = &x->judul; break;
	case K_TUGAS: slot = &x->tugas; break;
	case K_PETUNJUK: slot = &x->petunjuk; break;
	case K_JAWABAN: slot = &x->jawaban; break;
	case K_PERIKSA:
		if (x->nperiksa == LATIHAN_MAX_CHECKS) {
			free(v);
			return siks_fail(e, SIKS_EFORMAT, "", _("Latihan %s baris %d: paling banyak %d pemeriksaan"),
					 name, line, LATIHAN_MAX_CHECKS);
		}
		x->periksa[x->nperiksa++] = v;
		return 0;
	case K_PARAM: {
		/* "nama nilai": the name binds :nama in the checks */
		size_t i = 0;
		while (v[i] && (isalnum((unsigned char)v[i]) || v[i] == '_'))
			i++;
		/* one line: a value is one NIK, one id, one name */
		if (i == 0 || i >= sizeof x->param[0].name || (v[i] != ' ' && v[i] != '\0') ||
		    strchr(v, '\n') || x->nparam == LATIHAN_MAX_PARAMS) {
			free(v);
			return siks_fail(e, SIKS_EFORMAT, "",
					 _("Latihan %s baris %d: param harus berbentuk \"nama nilai\""), name, line);
		}
		latihan_param *p = &x->param[x->nparam];
		memcpy(p->name, v, i);
		p->name[i] = '\0';
		const char *val = v[i] ? v + i + 1 : "";
		p->value = strdup(val);
		free(v);
		if (!p->value)
			return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		x->nparam++;
		return 0;
	}
	default:
		free(v);
		return 0;
	}
	if (*slot) {
		free(v);
		return siks_fail(e, SIKS_EFORMAT, "", _("Latihan %s baris %d: \"%s\" tertulis dua kali"),
				 name, line, keys[key]);
	}
	*slot = v;
	return 0;
}

void latihan_ex_free(latihan_ex *x)
{
	free(x->judul);
	free(x->tugas);
	free(x->petunjuk);
	free(x->jawaban);
	for (int i = 0; i < x->nperiksa; i++)
		free(x->periksa[i]);
	for (int i = 0; i < x->nparam; i++)
		free(x->param[i].value);
	memset(x, 0, sizeof *x);
}

int latihan_ex_parse(latihan_ex *x, const char *name, const char *text, siks_err *e)
{
	memset(x, 0, sizeof *x);
	snprintf(x->id, sizeof x->id, "%s", name);
	strbuf b = { 0 };
	int key = K_NONE, line = 0, rc = 0, key_line = 0;
	const char *p = text;
	while (*p && rc == 0) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *next = end ? end + 1 : p + len;
		if (len > 0 && p[len - 1] == '\r')
			len--;
		line++;
		size_t after = 0;
		int k = (len > 0 && !isspace((unsigned char)p[0])) ? line_key(p, len, &after) : K_NONE;
		if (len > 0 && p[0] == '#') {
			/* a comment */
		} else if (k >= 0 && k != K_NONE) {
			if (key != K_NONE)
				rc = store(x, key, &b, name, key_line, e);
			key = k;
			key_line = line;
			while (after < len && (p[after] == ' ' || p[after] == '\t'))
				after++;
			sb_addn(&b, p + after, len - after);
		} else if (len == 0 || isspace((unsigned char)p[0])) {
			/* a continuation: up to two spaces or one tab of indent go */
			size_t i = 0;
			if (len > 0 && p[0] == '\t')
				i = 1;
			else
				while (i < 2 && i < len && p[i] == ' ')
					i++;
			if (key != K_NONE) {
				if (b.n > 0)
					sb_add(&b, "\n");
				sb_addn(&b, p + i, len - i);
			} else if (len > i) {
				rc = siks_fail(e, SIKS_EFORMAT, "", _("Latihan %s baris %d: teks sebelum kunci pertama"), name, line);
			}
		} else {
			rc = siks_fail(e, SIKS_EFORMAT, "",
				       _("Latihan %s baris %d: kunci tidak dikenal (judul, tugas, petunjuk, jawaban, periksa, param)"),
				       name, line);
		}
		p = next;
	}
	if (rc == 0 && key != K_NONE)
		rc = store(x, key, &b, name, key_line, e);
	if (rc == 0 && b.oom)
		rc = siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	sb_free(&b);
	if (rc == 0 && (!x->judul || !*x->judul || !x->tugas || !x->petunjuk || !x->jawaban || x->nperiksa == 0))
		rc = siks_fail(e, SIKS_EFORMAT, "",
			       _("Latihan %s: judul, tugas, petunjuk, jawaban dan sedikitnya satu periksa harus ada"), name);
	if (rc)
		latihan_ex_free(x);
	return rc;
}

void latihan_set_free(latihan_set *set)
{
	for (int i = 0; i < set->n; i++)
		latihan_ex_free(&set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

int latihan_set_load(latihan_set *set, const char *dir, siks_err *e)
{
	memset(set, 0, sizeof *set);
	char d[1100];
	if (dir) {
		snprintf(d, sizeof d, "%s", dir);
	} else {
		char data[1024];
		if (plat_data_dir(data, sizeof data) != 0)
			return siks_fail(e, SIKS_ENOTFOUND, "", _("Folder data siksdesa tidak ditemukan (atur SIKSDESA_DATA)"));
		snprintf(d, sizeof d, "%s/latihan", data);
	}
	char (*names)[256] = malloc(LATIHAN_MAX * sizeof *names);
	if (!names)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	int n = plat_list_dir(d, ".txt", names, LATIHAN_MAX);
	if (n <= 0) {
		free(names);
		return siks_fail(e, SIKS_ENOTFOUND, "", _("Tidak ada berkas latihan di %s"), d);
	}
	set->v = calloc((size_t)n, sizeof *set->v);
	if (!set->v) {
		free(names);
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	}
	int rc = 0;
	for (int i = 0; i < n; i++) {
		char path[1400], id[48], *buf = NULL;
		size_t len;
		snprintf(path, sizeof path, "%s/%s", d, names[i]);
		snprintf(id, sizeof id, "%.*s", (int)(strlen(names[i]) - 4), names[i]);
		if (plat_read_file(path, &buf, &len, e) != 0) {
			rc = e ? e->code : SIKS_EIO;
			break;
		}
		rc = latihan_ex_parse(&set->v[i], id, buf, e);
		free(buf);
		if (rc)
			break;
		set->v[i].no = i + 1;
		set->n = i + 1;
	}
	free(names);
	if (rc)
		latihan_set_free(set);
	return rc;
}

/* ---- checks ------------------------------------------------------------- */

/* Reading only: no writes, no ATTACH, no PRAGMA, no transaction control. */
static int ro_auth(void *arg, int op, const char *a, const char *b, const char *c, const char *d)
{
	(void)arg; (void)a; (void)b; (void)c; (void)d;
	switch (op) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_FUNCTION:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	default:
		return SQLITE_DENY;
	}
}

/* nik_cocok(nik, tanggal_lahir, jenis_kelamin): 1 when the NIK agrees with
 * the birth date and sex (no error from check_nik), so a check can say
 * "no present member has a mismatching NIK" without repeating the rule. */
static void fn_nik_cocok(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *nik = (const char *)sqlite3_value_text(v[0]);
	const char *birth = (const char *)sqlite3_value_text(v[1]);
	int sex = sqlite3_value_int(v[2]);
	if (!nik) {
		sqlite3_result_int(cx, 0);
		return;
	}
	char today[11];
	plat_today(today);
	siks_findings f = { 0 };
	check_nik(&f, "", nik, sex, birth, today);
	sqlite3_result_int(cx, siks_findings_count(&f, SIKS_ERROR) == 0);
	siks_findings_free(&f);
}

static int only_space(const char *t)
{
	for (; t && *t; t++)
		if (!isspace((unsigned char)*t) && *t != ';')
			return 0;
	return 1;
}

static int run_one(siks *s, const latihan_ex *x, int k, int *ok, siks_err *e)
{
	sqlite3_stmt *st = NULL;
	const char *tail = NULL;
	sqlite3_set_authorizer(s->db, ro_auth, NULL);
	int rc = sqlite3_prepare_v3(s->db, x->periksa[k], -1, 0, &st, &tail);
	sqlite3_set_authorizer(s->db, NULL, NULL);
	if (rc != SQLITE_OK || !st || !sqlite3_stmt_readonly(st) || !only_space(tail)) {
		siks_fail(e, SIKS_EFORMAT, "", _("Latihan %s: pemeriksaan %d bukan satu SELECT baca-saja (%s)"),
			  x->id, k + 1, rc != SQLITE_OK ? sqlite3_errmsg(s->db) : "");
		sqlite3_finalize(st);
		return SIKS_EFORMAT;
	}
	for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++) {
		const char *pn = sqlite3_bind_parameter_name(st, i);
		const latihan_param *p = NULL;
		for (int j = 0; pn && j < x->nparam; j++)
			if (strcmp(pn + 1, x->param[j].name) == 0)
				p = &x->param[j];
		if (!p) {
			siks_fail(e, SIKS_EFORMAT, "", _("Latihan %s: pemeriksaan %d memakai %s yang tidak ada di param"),
				  x->id, k + 1, pn ? pn : "?");
			sqlite3_finalize(st);
			return SIKS_EFORMAT;
		}
		sqlite3_bind_text(st, i, p->value, -1, SQLITE_TRANSIENT);
	}
	rc = sqlite3_step(st);
	*ok = rc == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		siks_fail(e, SIKS_EDB, "", _("Latihan %s: pemeriksaan %d gagal: %s"), x->id, k + 1, sqlite3_errmsg(s->db));
		sqlite3_finalize(st);
		return SIKS_EDB;
	}
	sqlite3_finalize(st);
	return 0;
}

int latihan_check(siks *s, const latihan_ex *x, int *done, siks_err *e)
{
	*done = 0;
	if (sqlite3_create_function_v2(s->db, "nik_cocok", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				       fn_nik_cocok, NULL, NULL, NULL) != SQLITE_OK)
		return siks_fail(e, SIKS_EDB, "", "%s", sqlite3_errmsg(s->db));
	int all = 1;
	for (int k = 0; k < x->nperiksa; k++) {
		int ok = 0;
		int rc = run_one(s, x, k, &ok, e);
		if (rc)
			return rc;
		all = all && ok;
	}
	*done = all;
	return 0;
}
