/* latihan_hasil.c — a trainee's results as a file on a USB stick, and the
 * trainer's merge of many such files into one table.
 *
 * A result file is CSV (opens in a spreadsheet as it is), one row an
 * exercise:  nama,mulai,ditulis,no,latihan,judul,selesai,waktu,menit
 * Its name is latihan-hasil-<nama>-<YYYYMMDD-HHMMSS>.csv, so fifty trainees
 * can write to the same stick without overwriting each other; it is written
 * atomically (a pulled stick leaves the whole file or none). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/charset.h"
#include "siks/csv.h"
#include "siks/i18n.h"
#include "siks/latihan.h"
#include "siks/platform.h"
#include "siks/strbuf.h"

#define RESULT_PREFIX "latihan-hasil-"
/* Excel reads a CSV as UTF-8 only with it; csv.h skips it when reading */
#define UTF8_BOM "\xEF\xBB\xBF"
static const char *const result_cols[] = {
	"nama", "mulai", "ditulis", "no", "latihan", "judul", "selesai", "waktu", "menit"
};
enum { C_NAMA, C_MULAI, C_DITULIS, C_NO, C_ID, C_JUDUL, C_SELESAI, C_WAKTU, C_MENIT, C_N };

static void slug(const char *in, char *out, size_t n)
{
	size_t k = 0;
	int dash = 0;
	for (; *in && k + 1 < n && k < 30; in++) {
		unsigned char c = (unsigned char)*in;
		if (isalnum(c) && c < 128) {
			out[k++] = (char)tolower(c);
			dash = 0;
		} else if (!dash && k > 0) {
			out[k++] = '-';
			dash = 1;
		}
	}
	while (k > 0 && out[k - 1] == '-')
		k--;
	if (k == 0 && n > 7)
		k = (size_t)snprintf(out, n, "peserta");
	out[k] = '\0';
}

static void add_row(strbuf *b, const char *const *v, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			sb_add(b, ",");
		csv_add_field(b, v[i], ',');
	}
	sb_add(b, "\r\n");
}

int latihan_result_write(siks *s, const latihan_set *set, const char *dir,
			 char *out, size_t n, siks_err *e)
{
	latihan_state *st = calloc((size_t)(set->n ? set->n : 1), sizeof *st);
	if (!st)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	int rc = 0;
	if (latihan_progress(s, set, st, e) < 0) {
		free(st);
		return e ? e->code : SIKS_EDB;
	}
	char nama[64], mulai[32] = "", now[20], stamp[20], sl[40], path[1400];
	latihan_name(s, nama, sizeof nama);
	if (!nama[0]) {
		free(st);
		return siks_fail(e, SIKS_EINVAL, "nama",
				 _("Nama peserta belum diisi; isi dulu dengan: siksdesa latihan --nama \"NAMA\""));
	}
	siks_setting_get(s, "latihan.mulai", mulai, sizeof mulai);
	plat_timestamp(now);
	/* 2026-11-27 09:05:01 -> 20261127-090501 */
	snprintf(stamp, sizeof stamp, "%.4s%.2s%.2s-%.2s%.2s%.2s", now, now + 5, now + 8, now + 11, now + 14, now + 17);
	slug(nama, sl, sizeof sl);
	snprintf(path, sizeof path, "%s/" RESULT_PREFIX "%s-%s.csv", dir, sl, stamp);

	strbuf b = { 0 };
	sb_add(&b, UTF8_BOM);
	add_row(&b, result_cols, C_N);
	for (int i = 0; i < set->n; i++) {
		char no[12], menit[24] = "";
		snprintf(no, sizeof no, "%d", set->v[i].no);
		if (st[i].minutes >= 0)
			snprintf(menit, sizeof menit, "%ld", st[i].minutes);
		const char *v[C_N] = { nama, mulai, now, no, set->v[i].id, set->v[i].judul,
				       st[i].done ? "ya" : "tidak", st[i].when, menit };
		add_row(&b, v, C_N);
	}
	if (b.oom)
		rc = siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	else
		rc = plat_write_file_atomic(path, b.p, b.n, e);
	if (rc == 0 && out)
		snprintf(out, n, "%s", path);
	sb_free(&b);
	free(st);
	return rc;
}

/* ---- merge -------------------------------------------------------------- */

typedef struct mex {        /* an exercise seen in some file */
	int no;
	char id[48];
	char judul[160];
} mex;

typedef struct mrow {       /* one trainee */
	char nama[64], mulai[20], ditulis[20];
	char file[256];
	char done[LATIHAN_MAX];  /* by index into the exercise list: 0 unknown, 'y', 't' */
	long menit[LATIHAN_MAX];
} mrow;

typedef struct merge {
	mex ex[LATIHAN_MAX];
	int nex;
	mrow *rows;
	int nrows, cap;
} merge;

static int ex_index(merge *m, int no, const char *id, const char *judul)
{
	for (int i = 0; i < m->nex; i++)
		if (strcmp(m->ex[i].id, id) == 0)
			return i;
	if (m->nex == LATIHAN_MAX)
		return -1;
	mex *x = &m->ex[m->nex];
	x->no = no;
	snprintf(x->id, sizeof x->id, "%s", id);
	snprintf(x->judul, sizeof x->judul, "%s", judul);
	return m->nex++;
}

static int is_result_name(const char *name)
{
	size_t l = strlen(name);
	return strncmp(name, RESULT_PREFIX, strlen(RESULT_PREFIX)) == 0 && l > 4 &&
	       strcmp(name + l - 4, ".csv") == 0;
}

static int read_one(merge *m, const char *path, siks_err *e)
{
	csv_reader *r = csv_open_file(path, CS_AUTO, ',', e);
	if (!r)
		return e ? e->code : SIKS_EIO;
	csv_row row;
	int rc, line = 0;
	mrow cur;
	memset(&cur, 0, sizeof cur);
	const char *base = strrchr(path, '/');
	snprintf(cur.file, sizeof cur.file, "%s", base ? base + 1 : path);
	while ((rc = csv_next(r, &row, e)) == 1) {
		if (line++ == 0) {
			int ok = row.n == C_N;
			for (int i = 0; ok && i < C_N; i++)
				ok = strcmp(row.f[i], result_cols[i]) == 0;
			if (!ok) {
				csv_close(r);
				return siks_fail(e, SIKS_EFORMAT, "", _("%s bukan berkas hasil latihan (kolom tidak sesuai)"), path);
			}
			continue;
		}
		if (row.n != C_N) {
			csv_close(r);
			return siks_fail(e, SIKS_EFORMAT, "", _("%s baris %ld: jumlah kolom salah"), path, row.line);
		}
		snprintf(cur.nama, sizeof cur.nama, "%s", row.f[C_NAMA]);
		snprintf(cur.mulai, sizeof cur.mulai, "%s", row.f[C_MULAI]);
		snprintf(cur.ditulis, sizeof cur.ditulis, "%s", row.f[C_DITULIS]);
		int k = ex_index(m, atoi(row.f[C_NO]), row.f[C_ID], row.f[C_JUDUL]);
		if (k < 0)
			continue;
		cur.done[k] = strcmp(row.f[C_SELESAI], "ya") == 0 ? 'y' : 't';
		cur.menit[k] = row.f[C_MENIT][0] ? atol(row.f[C_MENIT]) : -1;
	}
	csv_close(r);
	if (rc < 0)
		return e ? e->code : SIKS_EIO;
	if (line < 2 || !cur.nama[0])
		return siks_fail(e, SIKS_EFORMAT, "", _("%s tidak berisi hasil latihan"), path);
	/* the same trainee and session written twice: the later file wins */
	for (int i = 0; i < m->nrows; i++)
		if (strcmp(m->rows[i].nama, cur.nama) == 0 && strcmp(m->rows[i].mulai, cur.mulai) == 0) {
			if (strcmp(cur.ditulis, m->rows[i].ditulis) >= 0)
				m->rows[i] = cur;
			return 0;
		}
	if (m->nrows == m->cap) {
		int nc = m->cap ? m->cap * 2 : 64;
		mrow *nr = realloc(m->rows, (size_t)nc * sizeof *nr);
		if (!nr)
			return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		m->rows = nr;
		m->cap = nc;
	}
	m->rows[m->nrows++] = cur;
	return 0;
}

static int cmp_row(const void *a, const void *b)
{
	const mrow *x = a, *y = b;
	int c = strcasecmp(x->nama, y->nama);
	return c ? c : strcmp(x->mulai, y->mulai);
}

static int write_merged(merge *m, const char *out_csv, siks_err *e)
{
	/* exercises in their number order; the rows' columns follow */
	int order[LATIHAN_MAX];
	for (int i = 0; i < m->nex; i++)
		order[i] = i;
	for (int i = 1; i < m->nex; i++)
		for (int j = i; j > 0 && m->ex[order[j]].no < m->ex[order[j - 1]].no; j--) {
			int t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	qsort(m->rows, (size_t)m->nrows, sizeof *m->rows, cmp_row);
	strbuf b = { 0 };
	char cell[200];
	sb_add(&b, UTF8_BOM);
	sb_add(&b, "nama,mulai,selesai,menit_total");
	for (int i = 0; i < m->nex; i++) {
		const mex *x = &m->ex[order[i]];
		snprintf(cell, sizeof cell, "%d. %s", x->no, x->judul);
		sb_add(&b, ",");
		csv_add_field(&b, cell, ',');
		snprintf(cell, sizeof cell, "%d menit", x->no);
		sb_add(&b, ",");
		csv_add_field(&b, cell, ',');
	}
	sb_add(&b, ",berkas\r\n");
	for (int r = 0; r < m->nrows; r++) {
		const mrow *w = &m->rows[r];
		int done = 0;
		long total = -1;
		for (int i = 0; i < m->nex; i++)
			if (w->done[i] == 'y') {
				done++;
				if (w->menit[i] > total)
					total = w->menit[i];
			}
		csv_add_field(&b, w->nama, ',');
		sb_add(&b, ",");
		csv_add_field(&b, w->mulai, ',');
		sb_addf(&b, ",%d/%d,", done, m->nex);
		if (total >= 0)
			sb_addf(&b, "%ld", total);
		for (int i = 0; i < m->nex; i++) {
			int k = order[i];
			sb_add(&b, w->done[k] == 'y' ? ",ya," : w->done[k] == 't' ? ",tidak," : ",-,");
			if (w->done[k] == 'y' && w->menit[k] >= 0)
				sb_addf(&b, "%ld", w->menit[k]);
		}
		sb_add(&b, ",");
		csv_add_field(&b, w->file, ',');
		sb_add(&b, "\r\n");
	}
	int rc = b.oom ? siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"))
		       : plat_write_file_atomic(out_csv, b.p, b.n, e);
	sb_free(&b);
	return rc;
}

int latihan_merge(const char *const *paths, int npaths, const char *out_csv,
		  int *ntrainees, siks_err *e)
{
	merge *m = calloc(1, sizeof *m);
	if (!m)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	int rc = 0;
	for (int p = 0; rc == 0 && p < npaths; p++) {
		char (*names)[256] = malloc(1024 * sizeof *names);
		if (!names) {
			rc = siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
			break;
		}
		int n = plat_list_dir(paths[p], ".csv", names, 1024);
		if (n < 0) { /* not a folder: one result file */
			rc = read_one(m, paths[p], e);
		} else {
			for (int i = 0; rc == 0 && i < n; i++) {
				if (!is_result_name(names[i]))
					continue;
				char f[1400];
				snprintf(f, sizeof f, "%s/%s", paths[p], names[i]);
				rc = read_one(m, f, e);
			}
		}
		free(names);
	}
	if (rc == 0 && m->nrows == 0)
		rc = siks_fail(e, SIKS_ENOTFOUND, "", _("Tidak ada berkas hasil latihan (latihan-hasil-*.csv) ditemukan"));
	if (rc == 0)
		rc = write_merged(m, out_csv, e);
	if (rc == 0 && ntrainees)
		*ntrainees = m->nrows;
	free(m->rows);
	free(m);
	return rc;
}
