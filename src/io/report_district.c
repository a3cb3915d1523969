/* report_district.c — the district's quarterly report (report.h): the
 * submission file, in the delimited form import reads, of every village's
 * households with a proposal the district accepted in the quarter; and the
 * district summary by village. */
#include <stdio.h>
#include <string.h>
#include "siks/auth.h"
#include "siks/charset.h"
#include "siks/db.h"
#include "siks/export.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/report.h"
#include "siks/usulan.h"
#include "siks/wilayah.h"
#include "doc.h"
#include "report_int.h"

int report_triwulan(siks *s, int year, int quarter, const char *csv_path, long *rows,
		    const rpt_out *o, siks_err *e)
{
	if (rows)
		*rows = 0;
	if (s->site_role != SIKS_SITE_KABUPATEN)
		return siks_fail(e, SIKS_EPERM, "", _("Laporan triwulan hanya dibuat di dinas sosial kabupaten"));
	if (quarter < 1 || quarter > 4 || year < 2000 || year > 2999)
		return siks_fail(e, SIKS_EINVAL, "triwulan",
				 _("Triwulan harus 1 sampai 4 dan tahun empat angka, misalnya 2026-3"));
	if (auth_allow(s, SIKS_ACT_VIEW, e) != 0)
		return SIKS_EPERM;
	char from[11], to[11];
	snprintf(from, sizeof from, "%04d-%02d-01", year, (quarter - 1) * 3 + 1);
	snprintf(to, sizeof to, "%04d-%02d-31", year, quarter * 3);
	exp_filter f = { 1, from, to, NULL };
	long n = 0;
	if (csv_path) {
		char what[64];
		snprintf(what, sizeof what, _("Pengajuan triwulan %d-%d"), year, quarter);
		exp_opts eo = { CS_UTF8_BOM, ',', &f, what };
		if (export_csv(s, csv_path, &eo, &n, e) != 0)
			return e ? e->code : SIKS_EIO;
		if (rows)
			*rows = n;
	}

	doc *d = doc_new();
	char region[400], line[400], today[11], when[64];
	rpt_region(s, s->site_kode, region, sizeof region);
	plat_today(today);
	rpt_date_long(today, when, sizeof when);
	snprintf(line, sizeof line, _("REKAPITULASI TRIWULAN %d TAHUN %d"), quarter, year);
	doc_title(d, line);
	doc_subtitle(d, region);
	snprintf(line, sizeof line, _("Usulan diterima dinas %s s.d. %s; keadaan per %s"), from, to, when);
	doc_subtitle(d, line);
	if (csv_path) {
		snprintf(line, sizeof line, _("Berkas pengajuan: %s (%ld anggota)"), csv_path, n);
		doc_para(d, line);
	}

	static const char *const heads[] = { N_("Kode"), N_("Desa"), N_("RT"), N_("Anggota"), N_("Miskin"),
					     N_("Diterima"), N_("Ditolak") };
	static const int widths[] = { 13, 18, 7, 8, 7, 9, 8 };
	const char *th[7];
	for (int k = 0; k < 7; k++)
		th[k] = _(heads[k]);
	doc_table(d, 7, th, widths);
	sqlite3_stmt *st = db_stmt(s, RPT_BY_DESA_SQL, e);
	sqlite3_stmt *us = st ? db_stmt(s,
		"SELECT sum(u.status=5), sum(u.status=6) FROM usulan u JOIN household h ON h.id=u.household_id"
		" WHERE h.desa=?1 AND u.tanggal BETWEEN ?2 AND ?3", e) : NULL;
	if (!us) {
		doc_free(d);
		return SIKS_EDB;
	}
	sqlite3_bind_null(st, 1);
	long tot[5] = { 0 };
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *kode = (const char *)sqlite3_column_text(st, 0);
		char nama[128] = "", c[5][24];
		if (kode)
			wilayah_name(s, kode, nama, sizeof nama);
		long v[5] = { (long)sqlite3_column_int64(st, 1), (long)sqlite3_column_int64(st, 2),
			      (long)sqlite3_column_int64(st, 3), 0, 0 };
		sqlite3_bind_text(us, 1, kode ? kode : "", -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(us, 2, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(us, 3, to, -1, SQLITE_STATIC);
		if (sqlite3_step(us) == SQLITE_ROW) {
			v[3] = (long)sqlite3_column_int64(us, 0);
			v[4] = (long)sqlite3_column_int64(us, 1);
		}
		sqlite3_reset(us);
		for (int k = 0; k < 5; k++) {
			tot[k] += v[k];
			snprintf(c[k], sizeof c[k], "%ld", v[k]);
		}
		const char *cells[7] = { kode ? kode : "-", nama[0] ? nama : "?", c[0], c[1], c[2], c[3], c[4] };
		doc_row(d, cells);
	}
	sqlite3_reset(st);
	char c[5][24];
	for (int k = 0; k < 5; k++)
		snprintf(c[k], sizeof c[k], "%ld", tot[k]);
	const char *total[7] = { "", _("Jumlah"), c[0], c[1], c[2], c[3], c[4] };
	doc_row(d, total);
	char place[200];
	snprintf(place, sizeof place, "%s", when);
	const char *roles[2] = { _("Kepala Dinas Sosial"), _("Operator data dinas") };
	const char *names[2] = { "", s->operator_name };
	doc_signatures(d, place, 2, roles, names);
	snprintf(line, sizeof line, _("Rekapitulasi triwulan %d-%d"), year, quarter);
	int rc = rpt_emit(s, d, line, o, e);
	doc_free(d);
	return rc;
}
