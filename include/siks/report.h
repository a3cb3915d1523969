/* report.h — printable reports, each as plain text (for the terminal) and as
 * HTML laid out for A4 paper (open in a browser, print or save as PDF).
 *
 *  bnba      the musdes list "by name by address": proposals grouped by type
 *            (baru, perbaikan, keluar) with name, NIK, address and reason,
 *            then the berita acara page with signature blocks;
 *  kartu     one household on a card, for a verification visit: housing,
 *            members, the latest indicator score, programs, proposals;
 *  ringkasan the village summary: households and members, poor / not poor
 *            by dusun, programs, proposals by status;
 *  triwulan  at a district site: the quarterly submission file (every
 *            village's households with a proposal the district accepted in
 *            the quarter, in the delimited form import reads) and the
 *            district summary by village.
 * NIK and No KK are shown through siks_nik_display (masked when the site
 * says so). Reading needs SIKS_ACT_VIEW; writing a file needs
 * SIKS_ACT_EXPORT and leaves an export row in the audit trail. */
#ifndef SIKS_REPORT_H
#define SIKS_REPORT_H
#include "siks/siks.h"
#include "siks/strbuf.h"

/* Where a report goes: text appended to text (may be NULL), HTML written
 * atomically to html_path (may be NULL). */
typedef struct rpt_out {
	strbuf *text;
	const char *html_path;
} rpt_out;

/* musdes_id: a musdes id (or a prefix of 4+ characters); NULL for the
 * latest musdes, or the draft proposals when there has been none. */
int report_bnba(siks *s, const char *musdes_id, const rpt_out *o, siks_err *e);
/* household_id: an id or a prefix of 4+ characters. */
int report_kartu(siks *s, const char *household_id, const rpt_out *o, siks_err *e);
int report_ringkasan(siks *s, const rpt_out *o, siks_err *e);
/* District only. year and quarter (1..4); csv_path: the submission file
 * (written atomically, UTF-8 with BOM, comma), or NULL for the summary only.
 * *rows (may be NULL) gets the member rows in the file. */
int report_triwulan(siks *s, int year, int quarter, const char *csv_path, long *rows,
		    const rpt_out *o, siks_err *e);
#endif
