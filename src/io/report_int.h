/* report_int.h — pieces shared by the report files of src/io (report.c,
 * report_district.c). */
#ifndef SIKS_IO_REPORT_INT_H
#define SIKS_IO_REPORT_INT_H
#include <stddef.h>
#include "siks/report.h"
#include "doc.h"

/* "3 Mei 2024" (month in the UI language); dots when iso is empty. */
void rpt_date_long(const char *iso, char *out, size_t n);
/* "Desa/Kelurahan Dabuan, Kecamatan Tlanakan, Kabupaten Pamekasan (35.28.01.2001)". */
void rpt_region(siks *s, const char *kode, char *out, size_t n);
/* Renders d as text into o->text and/or as HTML into o->html_path (atomic,
 * needs SIKS_ACT_EXPORT, audited as title). */
int rpt_emit(siks *s, doc *d, const char *title, const rpt_out *o, siks_err *e);

/* Households by a grouping column g (h.dusun or h.desa): key, households,
 * members present, poor, not poor, not scored (latest score of each).
 * ?1: one village's kode or NULL. */
#define RPT_COUNTS_SQL(g) \
	"SELECT " g ", count(*), sum(n), sum(k='miskin'), sum(k='tidak miskin')," \
	" sum(k IS NULL OR k NOT IN ('miskin','tidak miskin')) FROM (" \
	" SELECT h.dusun, h.desa," \
	"  (SELECT count(*) FROM member m WHERE m.household_id=h.id" \
	"    AND coalesce(m.keberadaan,1) NOT IN (2,3,4)) AS n," \
	"  (SELECT kelas FROM indicator_score x WHERE x.household_id=h.id" \
	"    ORDER BY x.scored_at DESC, x.id DESC LIMIT 1) AS k" \
	" FROM household h WHERE (?1 IS NULL OR h.desa=?1)) h GROUP BY 1 ORDER BY 1"
#define RPT_BY_DUSUN_SQL RPT_COUNTS_SQL("coalesce(h.dusun,'')")
#define RPT_BY_DESA_SQL RPT_COUNTS_SQL("h.desa")
#endif
