/* test_indicator.c — the bps14 set: each computed criterion from recorded
 * data, the answered ones, the threshold, members not present, versions, and
 * set files that are wrong. */
#include <limits.h>
#include <sys/stat.h>
#include "testutil.h"
#include "siks/indicator.h"

static siks_indset set;

static void load_set(siks *s)
{
	siks_err e = { 0 };
	int rc = indset_load(&set, s->datadir, "bps14", &e);
	if (rc)
		fprintf(stderr, "indset_load: %s\n", e.msg);
	assert_int_equal(rc, 0);
}

static void put(siks *s, const char *table, const char *id, const char *field, const char *v)
{
	siks_err e = { 0 };
	int rc = rec_save_field(s, table, id, field, v, &e);
	if (rc)
		fprintf(stderr, "%s.%s: %s\n", table, field, e.msg);
	assert_int_equal(rc, 0);
}

/* A household that meets none of the computed criteria: 100 m² for four
 * people, ceramic floor, plastered wall, own toilet, PLN, borehole water,
 * gas, a head with SLTA working as a private employee. head/other may be NULL. */
static void decent(siks *s, char hh[33], char *head, char *other)
{
	char h[33], m[33];
	tu_household(s, "Krajan", 1, hh);
	put(s, "household", hh, "luas_lantai", "100");
	put(s, "household", hh, "lantai", "2");
	put(s, "household", hh, "dinding", "1");
	put(s, "household", hh, "fasilitas_bab", "1");
	put(s, "household", hh, "penerangan", "1");
	put(s, "household", hh, "air_minum", "5");
	put(s, "household", hh, "bahan_bakar", "3");
	put(s, "household", hh, "aset_lahan", "0");
	tu_member(s, hh, "3528011205800001", "Moh. Hasan", 1, "1980-05-12", 1, h);
	put(s, "member", h, "pendidikan", "5");
	put(s, "member", h, "pekerjaan", "15");
	tu_member(s, hh, "3528015308850002", "Siti Aminah", 2, "1985-08-13", 3, m);
	tu_member(s, hh, "3528010107100003", "Ahmad Fauzi", 1, "2010-07-01", 4, NULL);
	tu_member(s, hh, "3528014903140004", "Nur Hayati", 2, "2014-03-09", 4, NULL);
	if (head)
		strcpy(head, h);
	if (other)
		strcpy(other, m);
}

static siks_score eval(siks *s, const char *hh)
{
	siks_score sc;
	siks_err e = { 0 };
	int rc = indicator_evaluate(s, &set, hh, &sc, &e);
	if (rc)
		fprintf(stderr, "evaluate: %s\n", e.msg);
	assert_int_equal(rc, 0);
	return sc;
}

static const int computed_no[] = { 1, 2, 3, 4, 5, 6, 7, 12, 13 };
static const int answered_no[] = { 8, 9, 10, 11, 14 };

/* Only criterion `only` (0: none) of the computed ones is met. */
static void assert_computed_only(const siks_score *sc, int only)
{
	for (size_t i = 0; i < sizeof computed_no / sizeof *computed_no; i++) {
		int no = computed_no[i];
		if (sc->state[no - 1] != (no == only))
			fprintf(stderr, "criterion %d: state %d (toggled %d)\n", no, sc->state[no - 1], only);
		assert_int_equal(sc->state[no - 1], no == only);
		assert_int_equal(sc->computed[no - 1], 1);
	}
	for (size_t i = 0; i < sizeof answered_no / sizeof *answered_no; i++)
		assert_int_equal(sc->computed[answered_no[i] - 1], 0);
}

static void the_set(void **state)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	load_set(s);
	assert_string_equal(set.name, "bps14");
	assert_int_equal(set.version, 1);
	assert_int_equal(set.threshold, 9);
	assert_int_equal(set.n, 14);
	for (int i = 0; i < set.n; i++) {
		assert_int_equal(set.c[i].no, i + 1);
		assert_true(strlen(set.c[i].text) > 20);
	}
	for (size_t i = 0; i < sizeof answered_no / sizeof *answered_no; i++)
		assert_string_equal(set.c[answered_no[i] - 1].source, "");
	assert_string_equal(set.c[0].field, "luas_lantai");
	assert_string_equal(set.c[1].field, "lantai");
	assert_string_equal(set.c[12].field, "pendidikan");
	siks_close(s);
}

/* Each computed criterion, toggled from recorded data in its own household. */
static void computed_criteria(void **state)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	load_set(s);
	char hh[33], head[33];
	decent(s, hh, head, NULL);
	siks_score sc = eval(s, hh);
	assert_computed_only(&sc, 0);
	assert_int_equal(sc.met, 0);
	assert_int_equal(sc.unknown, 5); /* nothing answered yet */
	assert_int_equal(sc.poor, 0);

	static const struct {
		int no;
		const char *table, *field, *poor_value;
	} t[] = {
		{ 1, "household", "luas_lantai", "31.9" }, /* 7.98 m² each */
		{ 2, "household", "lantai", "9" },         /* tanah */
		{ 2, "household", "lantai", "7" },         /* bambu */
		{ 2, "household", "lantai", "8" },         /* kayu kualitas rendah */
		{ 3, "household", "dinding", "2" },        /* tembok tanpa plester */
		{ 3, "household", "dinding", "8" },        /* bambu */
		{ 3, "household", "dinding", "9" },        /* rumbia */
		{ 4, "household", "fasilitas_bab", "2" },  /* bersama */
		{ 4, "household", "fasilitas_bab", "4" },  /* tidak ada */
		{ 5, "household", "penerangan", "3" },     /* non-PLN */
		{ 5, "household", "penerangan", "4" },     /* bukan listrik */
		{ 6, "household", "air_minum", "7" },      /* sumur tak terlindung */
		{ 6, "household", "air_minum", "10" },     /* sungai */
		{ 6, "household", "air_minum", "11" },     /* air hujan */
		{ 7, "household", "bahan_bakar", "8" },    /* kayu bakar */
		{ 7, "household", "bahan_bakar", "7" },    /* arang */
		{ 7, "household", "bahan_bakar", "5" },    /* minyak tanah */
		{ 12, "member", "pekerjaan", "20" },       /* buruh tani */
		{ 12, "member", "pekerjaan", "19" },       /* buruh harian lepas */
		{ 12, "member", "pekerjaan", "11" },       /* nelayan */
		{ 12, "member", "pekerjaan", "9" },        /* petani, land 0 m² */
		{ 13, "member", "pendidikan", "1" },
		{ 13, "member", "pendidikan", "3" },       /* tamat SD */
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		char d[33], dh[33];
		decent(s, d, dh, NULL);
		const char *id = strcmp(t[i].table, "member") == 0 ? dh : d;
		put(s, t[i].table, id, t[i].field, t[i].poor_value);
		sc = eval(s, d);
		assert_computed_only(&sc, t[i].no);
		assert_int_equal(sc.met, 1);
	}

	/* the edges: exactly 8 m² a person is not below 8; SD not finished is;
	 * SLTP is not; a petani with 500 m² of land is not, with 499 m² is */
	put(s, "household", hh, "luas_lantai", "32");
	assert_int_equal(eval(s, hh).state[0], 0);
	put(s, "member", head, "pendidikan", "4");
	assert_int_equal(eval(s, hh).state[12], 0);
	put(s, "member", head, "pekerjaan", "9");
	put(s, "household", hh, "aset_lahan", "500");
	assert_int_equal(eval(s, hh).state[11], 0);
	put(s, "household", hh, "aset_lahan", "499");
	assert_int_equal(eval(s, hh).state[11], 1);
	/* land unknown: a farmer's criterion is unknown, a labourer's is met */
	put(s, "household", hh, "aset_lahan", NULL);
	assert_int_equal(eval(s, hh).state[11], -1);
	put(s, "member", head, "pekerjaan", "20");
	assert_int_equal(eval(s, hh).state[11], 1);
	put(s, "member", head, "pekerjaan", "88");
	assert_int_equal(eval(s, hh).state[11], 0);
	/* an empty housing field is unknown, not "not met" */
	put(s, "household", hh, "lantai", NULL);
	sc = eval(s, hh);
	assert_int_equal(sc.state[1], -1);
	assert_int_equal(sc.computed[1], 1);
	siks_close(s);
}

/* Members who died, moved or were not found do not count in the floor area
 * per person, and a head who died is no head. */
static void members_present(void **state)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	load_set(s);
	char hh[33], head[33], gone[3][33];
	decent(s, hh, head, NULL);
	put(s, "household", hh, "luas_lantai", "36"); /* 9 m² for four people */
	assert_int_equal(eval(s, hh).state[0], 0);
	tu_member(s, hh, "3528010101400005", "Sumarto", 1, "1940-01-01", 7, gone[0]);
	tu_member(s, hh, "3528014101450006", "Marsiti", 2, "1945-01-01", 7, gone[1]);
	tu_member(s, hh, "3528010202950007", "Rofiq", 1, "1995-02-02", 4, gone[2]);
	/* six present: 6 m² each */
	assert_int_equal(eval(s, hh).state[0], 1);
	put(s, "member", gone[0], "keberadaan", "2"); /* meninggal */
	put(s, "member", gone[1], "keberadaan", "3"); /* pindah */
	put(s, "member", gone[2], "keberadaan", "4"); /* tidak ditemukan */
	assert_int_equal(eval(s, hh).state[0], 0);
	put(s, "member", gone[2], "keberadaan", "5"); /* baru: present */
	assert_int_equal(eval(s, hh).state[0], 1);   /* 7.2 m² each */

	/* the head died: head criteria cannot be decided */
	put(s, "member", head, "pendidikan", "1");
	assert_int_equal(eval(s, hh).state[12], 1);
	put(s, "member", head, "keberadaan", "2");
	siks_score sc = eval(s, hh);
	assert_int_equal(sc.state[11], -1);
	assert_int_equal(sc.state[12], -1);
	assert_int_equal(sc.state[0], 0); /* 36 m² for four now */

	/* nobody present: area per person unknown */
	char empty[33];
	tu_household(s, "Krajan", 2, empty);
	put(s, "household", empty, "luas_lantai", "20");
	assert_int_equal(eval(s, empty).state[0], -1);
	siks_close(s);
}

static int count(siks *s, const char *sql_literal)
{
	return (int)db_int(s, sql_literal, -1);
}

static void answered_criteria(void **state)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	load_set(s);
	char hh[33];
	siks_err e = { 0 };
	decent(s, hh, NULL, NULL);
	int audit0 = count(s, "SELECT count(*) FROM audit WHERE tbl = 'indicator_answer'");
	for (size_t i = 0; i < sizeof answered_no / sizeof *answered_no; i++) {
		int no = answered_no[i];
		assert_int_equal(indicator_answer(s, &set, hh, no, 1, &e), 0);
		siks_score sc = eval(s, hh);
		assert_int_equal(sc.state[no - 1], 1);
		assert_int_equal(sc.computed[no - 1], 0);
		assert_int_equal(sc.met, (int)i + 1);
	}
	/* changing an answer updates it; -1 clears it */
	assert_int_equal(indicator_answer(s, &set, hh, 8, 0, &e), 0);
	assert_int_equal(eval(s, hh).state[7], 0);
	assert_int_equal(indicator_answer(s, &set, hh, 8, -1, &e), 0);
	assert_int_equal(eval(s, hh).state[7], -1);
	assert_int_equal(count(s, "SELECT count(*) FROM indicator_answer"), 5);
	/* written through the audited path: one audit row per new answer, one per change */
	assert_int_equal(count(s, "SELECT count(*) FROM audit WHERE tbl = 'indicator_answer'") - audit0, 7);
	assert_true(count(s, "SELECT count(*) FROM change WHERE tbl = 'indicator_answer'") >= 7);

	/* a computed criterion cannot be answered; numbers outside the set fail */
	assert_int_equal(indicator_answer(s, &set, hh, 2, 1, &e), SIKS_EINVAL);
	assert_string_equal(e.field, "criterion");
	assert_int_equal(indicator_answer(s, &set, hh, 0, 1, &e), SIKS_EINVAL);
	assert_int_equal(indicator_answer(s, &set, hh, 15, 1, &e), SIKS_EINVAL);
	assert_int_equal(count(s, "SELECT count(*) FROM indicator_answer"), 5);
	siks_close(s);
}

/* 8 of 14 is not poor, 9 is; an undecided household says so. */
static void threshold(void **state)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	load_set(s);
	char hh[33], head[33];
	siks_err e = { 0 };
	char text[128];
	decent(s, hh, head, NULL);
	put(s, "household", hh, "lantai", "9");
	put(s, "household", hh, "dinding", "8");
	put(s, "household", hh, "fasilitas_bab", "4");
	put(s, "household", hh, "penerangan", "4");
	put(s, "household", hh, "air_minum", "7");
	put(s, "household", hh, "bahan_bakar", "8");
	put(s, "member", head, "pendidikan", "2"); /* 7 computed met */
	siks_score sc = eval(s, hh);
	assert_int_equal(sc.met, 7);
	assert_int_equal(sc.unknown, 5);
	assert_int_equal(sc.poor, -1); /* the answers still decide */
	indicator_class_text(&sc, text, sizeof text);
	assert_string_equal(text, "7 dari 14 — belum lengkap (5 belum diketahui)");

	assert_int_equal(indicator_answer(s, &set, hh, 8, 1, &e), 0);
	for (int no = 9; no <= 11; no++)
		assert_int_equal(indicator_answer(s, &set, hh, no, 0, &e), 0);
	assert_int_equal(indicator_answer(s, &set, hh, 14, 0, &e), 0);
	sc = eval(s, hh);
	assert_int_equal(sc.met, 8);
	assert_int_equal(sc.unknown, 0);
	assert_int_equal(sc.poor, 0);
	indicator_class_text(&sc, text, sizeof text);
	assert_string_equal(text, "8 dari 14 — tidak miskin");

	assert_int_equal(indicator_answer(s, &set, hh, 14, 1, &e), 0);
	sc = eval(s, hh);
	assert_int_equal(sc.met, 9);
	assert_int_equal(sc.poor, 1);
	indicator_class_text(&sc, text, sizeof text);
	assert_string_equal(text, "9 dari 14 — miskin");

	/* the stored score says the same, with computed and answered criteria */
	assert_int_equal(indicator_score_save(s, &set, hh, &sc, &e), 0);
	sqlite3_stmt *st = db_stmt(s, "SELECT set_name, set_version, met, total, threshold, kelas, computed,"
				   " answered, detail FROM indicator_score WHERE household_id = ?1", &e);
	assert_non_null(st);
	sqlite3_bind_text(st, 1, hh, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "bps14");
	assert_int_equal(sqlite3_column_int(st, 1), 1);
	assert_int_equal(sqlite3_column_int(st, 2), 9);
	assert_int_equal(sqlite3_column_int(st, 3), 14);
	assert_int_equal(sqlite3_column_int(st, 4), 9);
	assert_string_equal((const char *)sqlite3_column_text(st, 5), "miskin");
	assert_string_equal((const char *)sqlite3_column_text(st, 6), "1,2,3,4,5,6,7,12,13");
	assert_string_equal((const char *)sqlite3_column_text(st, 7), "8,9,10,11,14");
	assert_string_equal((const char *)sqlite3_column_text(st, 8), "01111111000011");
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_reset(st);

	siks_i18n_init("en");
	indicator_class_text(&sc, text, sizeof text);
	assert_non_null(strstr(text, "9"));
	siks_i18n_init("id");
	siks_close(s);
}

/* Writes <dir>/indicators/<name>.ind from the repository's bps14.ind with
 * one line replaced, and links <dir>/codes to the repository's lists. */
static void variant(const char *dir, const char *name, const char *from, const char *to)
{
	char path[256], codes[PATH_MAX], link[256];
	snprintf(path, sizeof path, "%s/indicators", dir);
	mkdir(path, 0700);
	snprintf(link, sizeof link, "%s/codes", dir);
	if (access(link, F_OK) != 0) {
		assert_non_null(realpath("data/codes", codes));
		assert_int_equal(symlink(codes, link), 0);
	}
	FILE *in = fopen("data/indicators/bps14.ind", "r");
	assert_non_null(in);
	snprintf(path, sizeof path, "%s/indicators/%s.ind", dir, name);
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	char line[1024];
	int replaced = 0;
	while (fgets(line, sizeof line, in)) {
		if (strncmp(line, "set ", 4) == 0) {
			fprintf(out, "set %s\n", name);
		} else if (!replaced && strncmp(line, from, strlen(from)) == 0) {
			fputs(to, out);
			replaced = 1;
		} else {
			fputs(line, out);
		}
	}
	assert_int_equal(replaced, 1);
	fclose(in);
	fclose(out);
}

/* A new version of the set scores anew; old score rows stay as they were. */
static void versions(void **state)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	load_set(s);
	char hh[33], hh2[33], dir[64];
	siks_err e = { 0 };
	siks_score sc;
	decent(s, hh, NULL, NULL);
	decent(s, hh2, NULL, NULL);
	assert_int_equal(indicator_answer(s, &set, hh, 8, 1, &e), 0);
	assert_int_equal(indicator_score_save(s, &set, hh, &sc, &e), 0);
	assert_int_equal(sc.met, 1);
	assert_int_equal(count(s, "SELECT count(*) FROM indicator_score"), 1);
	int64_t before = db_int(s, "SELECT count(*) FROM audit WHERE tbl = 'indicator_score'", -1);
	assert_true(before >= 1);

	/* version 2: floor area below 10 m² a person, threshold 8 */
	tu_tmpdir(dir);
	variant(dir, "bps14", "version 1", "version 2\n");
	siks_indset v2;
	assert_int_equal(indset_load(&v2, dir, "bps14", &e), 0);
	assert_int_equal(v2.version, 2);
	char path[128];
	snprintf(path, sizeof path, "%s/indicators/bps14.ind", dir);
	/* rewrite rule 1 and the threshold in place */
	FILE *f = fopen(path, "r+");
	assert_non_null(f);
	char buf[16384];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	char *r1 = strstr(buf, "per_orang(luas_lantai) < 8");
	assert_non_null(r1);
	r1[25] = '9';
	char *th = strstr(buf, "threshold 9");
	assert_non_null(th);
	th[10] = '8';
	rewind(f);
	fwrite(buf, 1, n, f);
	fclose(f);
	assert_int_equal(indset_load(&v2, dir, "bps14", &e), 0);
	assert_int_equal(v2.threshold, 8);
	assert_string_equal(v2.c[0].source, "per_orang(luas_lantai) < 9");

	/* 33 m² for four: 8.25 each; met under v2, not under v1 */
	put(s, "household", hh, "luas_lantai", "33");
	assert_int_equal(indicator_rescore_all(s, &v2, &e), 2);
	assert_int_equal(count(s, "SELECT count(*) FROM indicator_score"), 3);
	assert_int_equal(count(s, "SELECT count(*) FROM indicator_score WHERE set_version = 1"), 1);
	/* the old row is untouched: same values, and no audit row changed it */
	assert_int_equal(count(s, "SELECT met FROM indicator_score WHERE set_version = 1"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM audit WHERE tbl = 'indicator_score' AND field <> '*'"), 0);
	/* v2 kept the answer given under v1 (same question number) */
	sqlite3_stmt *st = db_stmt(s, "SELECT met, threshold, detail FROM indicator_score"
				   " WHERE household_id = ?1 AND set_version = 2", &e);
	assert_non_null(st);
	sqlite3_bind_text(st, 1, hh, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 2);
	assert_int_equal(sqlite3_column_int(st, 1), 8);
	assert_string_equal((const char *)sqlite3_column_text(st, 2), "10000001---00-");
	sqlite3_reset(st);
	/* an answer under v2 does not change how v1 scores */
	assert_int_equal(indicator_answer(s, &v2, hh, 9, 1, &e), 0);
	assert_int_equal(eval(s, hh).met, 1);
	siks_close(s);
}

/* Set files with mistakes are refused with the line; names cannot escape. */
static void bad_sets(void **state)
{
	siks *s = tu_open(SIKS_SITE_DESA, NULL);
	char dir[64];
	siks_indset x;
	siks_err e = { 0 };
	tu_tmpdir(dir);
	static const struct {
		const char *from, *to, *says;
	} cases[] = {
		{ "rule rt.lantai in lantai:7,8,9", "rule rt.lantai in lantai:7,8,99\n", "99" },
		{ "rule rt.lantai in lantai:7,8,9", "rule rt.lantai in dinding:7,8,9\n", "dinding" },
		{ "rule rt.lantai in lantai:7,8,9", "rule rt.lantaii in lantai:7\n", "lantaii" },
		{ "rule rt.lantai in lantai:7,8,9", "rule rt.lantai ~ 3\n", "~" },
		{ "rule rt.lantai in lantai:7,8,9", "rule rt.lantai in lantai:7 xor rt.atap = 1\n", "xor" },
		{ "rule rt.lantai in lantai:7,8,9", "rule kepala.nama < 3\n", "nama" },
		{ "rule rt.lantai in lantai:7,8,9", "rule tanah\n", "" },
		{ "threshold 9", "threshold 15\n", "threshold" },
		{ "criterion 3", "criterion 4\n", "" },
		{ "version 1", "version nol\n", "version" },
		{ "rule answered", "teks answered\n", "teks" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char name[16];
		snprintf(name, sizeof name, "bad%zu", i);
		variant(dir, name, cases[i].from, cases[i].to);
		int rc = indset_load(&x, dir, name, &e);
		if (rc != SIKS_EFORMAT || !strstr(e.msg, cases[i].says))
			fprintf(stderr, "case %zu: rc %d: %s\n", i, rc, e.msg);
		assert_int_equal(rc, SIKS_EFORMAT);
		assert_non_null(strstr(e.msg, cases[i].says));
		assert_int_equal(x.n, 0);
	}
	/* the line is named */
	variant(dir, "line", "rule rt.lantai in lantai:7,8,9", "rule rt.lantai in lantai:0\n");
	assert_int_equal(indset_load(&x, dir, "line", &e), SIKS_EFORMAT);
	assert_non_null(strstr(e.msg, "baris"));
	/* a set name from the file must match the file name */
	variant(dir, "other", "title", "set bps14\n");
	assert_int_equal(indset_load(&x, dir, "other", &e), SIKS_EFORMAT);
	assert_int_equal(indset_load(&x, s->datadir, "../indicators/bps14", &e), SIKS_EINVAL);
	assert_int_equal(indset_load(&x, s->datadir, "", &e), SIKS_EINVAL);
	assert_int_equal(indset_load(&x, s->datadir, "tidakada", &e), SIKS_ENOTFOUND);
	siks_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_set),
		cmocka_unit_test(computed_criteria),
		cmocka_unit_test(members_present),
		cmocka_unit_test(answered_criteria),
		cmocka_unit_test(threshold),
		cmocka_unit_test(versions),
		cmocka_unit_test(bad_sets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
