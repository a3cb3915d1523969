/* io_fixture.h — fixtures for the import/export tests: a deterministic set
 * of households written as a DTKS-style file in any charset and separator,
 * and a digest of a database's register content (ids left out, so two
 * databases holding the same people compare equal). Include after testutil.h. */
#ifndef SIKS_IO_FIXTURE_H
#define SIKS_IO_FIXTURE_H
#include "siks/charset.h"
#include "siks/csv.h"
#include "siks/strbuf.h"

#define FX_COLS "iddtks,nomor_kk,nomor_nik,nama,tanggal_lahir,tempat_lahir,jenis_kelamin," \
		"nama_ibu_kandung,hubungan_keluarga,alamat,dusun,rt,rw"
#define FX_NCOLS 13

/* Names with apostrophes and letters outside ASCII (all in Windows-1252). */
static const char *const fx_men[] = {
	"Moh. Ma'ruf", "Abd. Qodir", "Andr\xC3\xA9 Sebasti\xC3\xA1n", "Slamet Riyadi",
	"Hasan Bisri", "Ach. Fauzi", "J\xC3\xBCrgen M\xC3\xBCller", "Sukarno",
};
static const char *const fx_women[] = {
	"Nur'aini", "Siti Zul\xC3\xA8ikha", "Chusnul Chotimah", "Zaenab",
	"Ni\xC3\xB1" "a Ros\xC3\xA1lia", "Fatimah", "Ummi Kultsum", "Halimah",
};

/* Row r (0-based) of a file of nhh households of 4: head, wife, two children.
 * vals[FX_NCOLS] point into buf. */
static inline void fx_row(int r, char buf[FX_NCOLS][64], const char *vals[FX_NCOLS])
{
	int h = r / 4, k = r % 4;
	int sex = k == 1 || k == 3 ? 2 : 1;
	int year = k < 2 ? 1960 + h % 25 : 1995 + h % 20 + k;
	int month = 1 + (h + k) % 12, day = 1 + (h * 7 + k) % 28;
	snprintf(buf[0], 64, "DTKS-%05d", h + 1);
	snprintf(buf[1], 64, "3528010101%06d", h + 1);
	snprintf(buf[2], 64, "352801%02d%02d%02d%04d", day + (sex == 2 ? 40 : 0), month, year % 100,
		 (r % 9999) + 1);
	snprintf(buf[3], 64, "%s", sex == 1 ? fx_men[(h + k) % 8] : fx_women[(h + k) % 8]);
	snprintf(buf[4], 64, "%02d-%02d-%04d", day, month, year);
	snprintf(buf[5], 64, "%s", h % 2 ? "Pamekasan" : "Sumenep");
	snprintf(buf[6], 64, "%d", sex);
	snprintf(buf[7], 64, "%s", fx_women[(h + k + 3) % 8]);
	snprintf(buf[8], 64, "%d", k == 0 ? 1 : k == 1 ? 3 : 4);
	snprintf(buf[9], 64, "Jl. Raya Tlanakan No. %d, Gg. \"Melati\"", h + 1);
	snprintf(buf[10], 64, "%s", h % 3 == 0 ? "Dusun Barat" : h % 3 == 1 ? "Dusun Timur" : "Kra'jan");
	snprintf(buf[11], 64, "%03d", 1 + h % 5);
	snprintf(buf[12], 64, "%03d", 1 + h % 2);
	for (int i = 0; i < FX_NCOLS; i++)
		vals[i] = buf[i];
}

/* Appends one row of values (UTF-8) to b. */
static inline void fx_add_row(strbuf *b, const char *const *vals, int n, int sep)
{
	char s = (char)sep;
	for (int i = 0; i < n; i++) {
		if (i)
			sb_addn(b, &s, 1);
		csv_add_field(b, vals[i], sep);
	}
	sb_add(b, "\r\n");
}

/* The header plus nrows rows in UTF-8; sep given. Caller frees b. */
static inline void fx_text(strbuf *b, int nrows, int sep)
{
	char buf[FX_NCOLS][64];
	const char *vals[FX_NCOLS];
	char head[] = FX_COLS;
	const char *hv[FX_NCOLS];
	int n = 0;
	for (char *p = strtok(head, ","); p; p = strtok(NULL, ","))
		hv[n++] = p;
	fx_add_row(b, hv, n, sep);
	for (int r = 0; r < nrows; r++) {
		fx_row(r, buf, vals);
		fx_add_row(b, vals, FX_NCOLS, sep);
	}
}

/* Writes UTF-8 text to path in charset cs (with its BOM when it has one). */
static inline void fx_write(const char *path, const char *text, size_t n, int cs)
{
	siks_err e;
	char *out = NULL;
	size_t len = 0, cap = 0;
	cs_encoder *c = cs_encoder_new(cs, &e);
	assert_non_null(c);
	assert_int_equal(cs_encode_bom(c, &out, &len, &cap, &e), 0);
	assert_int_equal(cs_encode(c, text, n, &out, &len, &cap, &e), 0);
	cs_encoder_free(c);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(out, 1, len, f), len);
	fclose(f);
	free(out);
}

/* Every member (by NIK) with every field, and its household's fields, and
 * which members share a household (by the smallest NIK in it). */
static inline char *fx_digest(siks *s)
{
	strbuf b = { 0 };
	siks_err e;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db,
		"SELECT m.id, m.household_id, (SELECT min(nik) FROM member k WHERE k.household_id=m.household_id)"
		" FROM member m ORDER BY m.nik, m.id", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		siks_rec m, h;
		assert_int_equal(rec_load(s, &m, "member", (const char *)sqlite3_column_text(st, 0), &e), 0);
		assert_int_equal(rec_load(s, &h, "household", (const char *)sqlite3_column_text(st, 1), &e), 0);
		sb_addf(&b, "[%s]", (const char *)sqlite3_column_text(st, 2));
		for (int i = 0; i < m.t->nfields; i++)
			if (strcmp(m.t->fields[i].name, "household_id") != 0)
				sb_addf(&b, "|%s", m.v[i] ? m.v[i] : "");
		sb_add(&b, " //");
		for (int i = 0; i < h.t->nfields; i++)
			sb_addf(&b, "|%s", h.v[i] ? h.v[i] : "");
		sb_add(&b, "\n");
		rec_free(&m);
		rec_free(&h);
	}
	sqlite3_finalize(st);
	assert_false(b.oom);
	return b.p ? b.p : strdup("");
}

static inline long fx_count(siks *s, const char *sql)
{
	return (long)db_int(s, sql, -1);
}
#endif
