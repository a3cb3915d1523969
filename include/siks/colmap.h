/* colmap.h — the columns of a DTKS-style delimited file and the fields they
 * fill, and the cleaning of values as spreadsheets leave them.
 *
 * A file has one row a member (household columns repeated on each row).
 * Header names are matched after folding case and turning spaces, dots and
 * dashes into '_' ("Nomor KK" = nomor_kk). Known names: the DTKS column
 * names (iddtks, nomor_kk, nomor_nik, nama, tanggal_lahir, tempat_lahir,
 * jenis_kelamin, nama_ibu_kandung, hubungan_keluarga, alamat, dusun, rt, rw,
 * kode_desa, ...), common variants (nik, no_kk, jk, shdk, ...), and every
 * field name of the member and household tables. A mapping file adds other
 * names: a CSV of rows "column in the file,siksdesa column" (a first row
 * "kolom_berkas,kolom_siksdesa" is a header). */
#ifndef SIKS_COLMAP_H
#define SIKS_COLMAP_H
#include "siks/siks.h"
#include "siks/rec.h"

#define COLMAP_MAX 256

enum colmap_tbl { COL_NONE = 0, COL_MEMBER = 1, COL_HOUSEHOLD = 2 };

typedef struct colmap_col {
	char header[64];      /* as written in the file */
	int tbl;              /* enum colmap_tbl; COL_NONE: ignored column */
	const siks_field *fd; /* the field it fills (NULL when ignored) */
	int index;            /* field index in its table */
} colmap_col;

typedef struct colmap {
	int n;
	colmap_col c[COLMAP_MAX];
	int col_nik, col_kk;  /* file column of NIK and No KK, -1 when absent */
	/* extra aliases from a mapping file: normalised file name -> target */
	int nalias;
	struct { char from[64]; char to[64]; } alias[64];
} colmap;

/* Reads a mapping file into m (before colmap_header). Errors name the line. */
int colmap_load_aliases(colmap *m, const char *path, siks_err *e);
/* Maps a header row. Fails (SIKS_EFORMAT) when NIK, No KK or nama is missing
 * or two columns fill the same field; unknown columns are ignored (listed
 * with colmap_ignored). */
int colmap_header(colmap *m, char **names, size_t n, siks_err *e);
/* Comma-separated list of ignored columns into out ("" when none). */
void colmap_ignored(const colmap *m, char *out, size_t n);
/* The canonical file column name of table.field (the one export writes). */
const char *colmap_export_name(const char *table, const char *field);
/* Normalises a header name into out (lowercase, '_' for space/./-). */
void colmap_norm(const char *in, char *out, size_t n);

/* Result of cleaning one value. */
enum colmap_clean {
	CLEAN_OK = 0,
	CLEAN_SCIENTIFIC,   /* a number Excel wrote as 3,52806E+15: digits lost */
	CLEAN_EXCEL_DATE    /* a date Excel wrote as a day number: converted (warn) */
};
/* Cleans raw into the stored form for fd into out (size n): trims, turns
 * control characters into spaces, strips a spreadsheet's leading apostrophe
 * and ="..." wrapper on numbers and codes, reads dates (DD-MM-YYYY,
 * DD/MM/YYYY, YYYY-MM-DD, Excel day numbers), codes by their label
 * ("Perempuan", "P", "Kepala Keluarga"), yes/no words, decimal commas,
 * 10-digit region codes. A value it cannot read is left as typed, for the
 * validation to name. Returns enum colmap_clean. */
int colmap_clean(siks *s, const siks_field *fd, const char *raw, char *out, size_t n);
#endif
