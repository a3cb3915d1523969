/* csv.h — delimited text: a streaming reader and the field writer.
 *
 * The reader takes files as districts and Excel write them: comma,
 * semicolon, tab or pipe as separator (detected from the header row),
 * RFC 4180 quoting ("a ""b""", separators and line breaks inside quotes),
 * CRLF, LF or lone CR line ends, any charset that charset.h reads. It holds
 * one row at a time, never the whole file, so a million-row file is read in
 * constant memory. Rows that are empty (a blank line) are skipped.
 *
 * Memory: a csv_row's strings belong to the reader and stay valid until the
 * next csv_next()/csv_close(). */
#ifndef SIKS_CSV_H
#define SIKS_CSV_H
#include <stddef.h>
#include "siks/err.h"
#include "siks/strbuf.h"

/* A value longer than this is refused (most likely an unclosed quote). */
#define CSV_MAX_FIELD (256 * 1024)
#define CSV_MAX_FIELDS 1024

enum csv_row_flags {
	CSV_ROW_OPEN_QUOTE = 1,  /* the file ended inside a quoted value */
	CSV_ROW_BAD_QUOTE = 2    /* text after a closing quote (kept); a quote inside an unquoted value is plain text */
};

typedef struct csv_row {
	size_t n;        /* number of values */
	char **f;        /* the values, NUL-terminated UTF-8 (a NUL byte in the file becomes U+FFFD) */
	size_t *len;     /* their lengths in bytes */
	long line;       /* physical line the row starts on, 1-based (the header is line 1) */
	long rec;        /* row number: the header is 0, the first data row 1 */
	int flags;       /* enum csv_row_flags */
} csv_row;

typedef struct csv_reader csv_reader;

/* sep: ',', ';', '\t', '|' or 0 to detect from the first row (the separator
 * that occurs most often outside quotes; comma when none does).
 * cs: a charset from charset.h or CS_AUTO. NULL + e on failure. */
csv_reader *csv_open_file(const char *path, int cs, int sep, siks_err *e);
/* Same over a caller-owned buffer that must outlive the reader. */
csv_reader *csv_open_mem(const void *p, size_t n, int cs, int sep, siks_err *e);
/* Reads the next row into *row. 1 a row, 0 the end, -1 an error (e says
 * which line: a value over CSV_MAX_FIELD, too many values, a read error). */
int csv_next(csv_reader *r, csv_row *row, siks_err *e);
/* Row callback form: calls fn for each row until it returns nonzero (which
 * is returned) or the end (0); -1 with e on a reading error. */
typedef int (*csv_row_fn)(const csv_row *row, void *arg);
int csv_each(csv_reader *r, csv_row_fn fn, void *arg, siks_err *e);
int csv_sep(const csv_reader *r);
int csv_charset(const csv_reader *r);
/* Bytes the decoder had to replace with U+FFFD so far. */
long csv_bad_bytes(const csv_reader *r);
void csv_close(csv_reader *r);

/* Parses a separator as typed for --separator: "," ";" "tab" "\t" "|"
 * (also "comma", "semicolon", "pipe"); 0 when unknown. */
int csv_sep_from_name(const char *name);
/* Appends value v (NULL = empty) to b, quoted when it must be (it holds
 * sep, a quote, CR or LF, or starts or ends with a space). */
void csv_add_field(strbuf *b, const char *v, int sep);
#endif
