/* report.c — the village reports (report.h): BNBA with its berita acara,
 * the household card and the village summary. The district's quarterly
 * report is in report_district.c; shared pieces in report_int.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/auth.h"
#include "siks/codes.h"
#include "siks/db.h"
#include "siks/history.h"
#include "siks/i18n.h"
#include "siks/platform.h"
#include "siks/privacy.h"
#include "siks/rec.h"
#include "siks/report.h"
#include "siks/usulan.h"
#include "siks/validate.h"
#include "siks/wilayah.h"
#include "doc.h"
#include "report_int.h"

/* ---- shared pieces ------------------------------------------------------- */

void rpt_date_long(const char *iso, char *out, size_t n)
{
	static const char *const months[] = {
		N_("Januari"), N_("Februari"), N_("Maret"), N_("April"), N_("Mei"), N_("Juni"),
		N_("Juli"), N_("Agustus"), N_("September"), N_("Oktober"), N_("November"),
		N_("Desember"),
	};
	int y, m, d;
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12) {
		snprintf(out, n, "%s", iso && *iso ? iso : "..........");
		return;
	}
	snprintf(out, n, "%d %s %d", d, _(months[m - 1]), y);
}

void rpt_region(siks *s, const char *kode, char *out, size_t n)
{
	char desa[128] = "", kec[128] = "", kab[128] = "", part[20];
	out[0] = 0;
	if (!kode || !*kode)
		return;
	wilayah_name(s, kode, desa, sizeof desa);
	snprintf(part, sizeof part, "%.8s", kode);
	if (strlen(kode) > 8)
		wilayah_name(s, part, kec, sizeof kec);
	snprintf(part, sizeof part, "%.5s", kode);
	wilayah_name(s, part, kab, sizeof kab);
	if (wilayah_level(kode) == WIL_DESA)
		snprintf(out, n, _("Desa/Kelurahan %s, Kecamatan %s, %s (%s)"), desa[0] ? desa : "?",
			 kec[0] ? kec : "?", kab[0] ? kab : "?", kode);
	else
		snprintf(out, n, "%s (%s)", desa[0] ? desa : "?", kode);
}

/* Writes the document where o says. */
int rpt_emit(siks *s, doc *d, const char *title, const rpt_out *o, siks_err *e)
{
	if (doc_oom(d))
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (o && o->text && doc_text(d, o->text) != 0)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
	if (!o || !o->html_path)
		return 0;
	if (auth_allow(s, SIKS_ACT_EXPORT, e) != 0)
		return SIKS_EPERM;
	strbuf b = { 0 };
	int rc = doc_html(d, title, &b) != 0 ? siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"))
					     : plat_write_file_atomic(o->html_path, b.p, b.n, e);
	sb_free(&b);
	if (rc == 0) {
		char what[1200];
		snprintf(what, sizeof what, "%s -> %s", title, o->html_path);
		audit_note_export(s, what, NULL);
	}
	return rc;
}

/* A stored value as people read it: code labels, Ya/Tidak, DD-MM-YYYY. */
static void shown(siks *s, const siks_field *fd, const char *v, char *out, size_t n)
{
	if (!v || !*v) {
		snprintf(out, n, "-");
		return;
	}
	if (fd->kind == SIKS_K_CHOICE) {
		const char *l = codes_label(s->codes, fd->codelist, atoi(v));
		snprintf(out, n, "%s", l ? l : v);
	} else if (fd->kind == SIKS_K_YESNO) {
		snprintf(out, n, "%s", strcmp(v, "1") == 0 ? _("Ya") : _("Tidak"));
	} else if (fd->kind == SIKS_K_DATE) {
		char d[11];
		date_format(v, d);
		snprintf(out, n, "%s", d);
	} else if (fd->kind == SIKS_K_DIGITS && fd->type == SIKS_T_TEXT) {
		siks_nik_display(s, v, out, n);
	} else {
		snprintf(out, n, "%s", v);
	}
}

static const char *label(siks *s, const char *list, int code)
{
	const char *l = codes_label(s->codes, list, code);
	return l ? l : "?";
}

/* ---- BNBA ------------------------------------------------------------------- */

int report_bnba(siks *s, const char *musdes_id, const rpt_out *o, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_VIEW, e) != 0)
		return SIKS_EPERM;
	siks_rec md;
	int have = 0;
	char id[33] = "";
	memset(&md, 0, sizeof md);
	if (musdes_id) {
		if (usulan_resolve_id(s, "musdes", musdes_id, id, e) != 0)
			return e ? e->code : SIKS_ENOTFOUND;
	} else {
		musdes_row *ml;
		size_t nm;
		if (musdes_list(s, &ml, &nm, e) != 0)
			return e ? e->code : SIKS_EDB;
		if (nm > 0)
			snprintf(id, sizeof id, "%s", ml[0].id);
		free(ml);
	}
	if (id[0]) {
		if (rec_load(s, &md, "musdes", id, e) != 0)
			return e ? e->code : SIKS_ENOTFOUND;
		have = 1;
	}
	usulan_filter f = { 0 };
	if (have)
		f.musdes_id = id;
	else
		f.status = USULAN_DRAF;
	usulan_row *rows;
	size_t n;
	if (usulan_list(s, &f, &rows, &n, e) != 0) {
		if (have)
			rec_free(&md);
		return e ? e->code : SIKS_EDB;
	}
	doc *d = doc_new();
	char region[400], when[64], line[600];
	const char *desa = have && rec_get(&md, "desa") ? rec_get(&md, "desa") : s->site_kode;
	rpt_region(s, desa, region, sizeof region);
	rpt_date_long(have ? rec_get(&md, "tanggal") : NULL, when, sizeof when);
	doc_title(d, _("DAFTAR USULAN PERUBAHAN DATA DTKS (BY NAME BY ADDRESS)"));
	doc_subtitle(d, region);
	if (have)
		snprintf(line, sizeof line, _("Musyawarah Desa/Kelurahan %s, %s, Nomor BA %s"), when,
			 rec_get(&md, "tempat") ? rec_get(&md, "tempat") : "-",
			 rec_get(&md, "nomor_ba") ? rec_get(&md, "nomor_ba") : "-");
	else
		snprintf(line, sizeof line, "%s", _("Rancangan untuk musyawarah desa: usulan berstatus Draf"));
	doc_subtitle(d, line);

	long setuju = 0, tolak = 0, per[4] = { 0 };
	static const char *const heads[] = { N_("No"), N_("Nama"), N_("NIK"), N_("Alamat"),
					     N_("Alasan"), N_("Hasil") };
	static const int widths[] = { 3, 18, 16, 19, 11, 6 };
	const char *th[6];
	for (int k = 0; k < 6; k++)
		th[k] = _(heads[k]);
	for (int jenis = USULAN_BARU; jenis <= USULAN_KELUAR; jenis++) {
		long count = 0;
		for (size_t i = 0; i < n; i++)
			count += rows[i].jenis == jenis;
		snprintf(line, sizeof line, "%c. %s %s (%ld)", 'A' + jenis - 1, _("Usulan"),
			 label(s, "jenis_usulan", jenis), count);
		doc_heading(d, line);
		if (!count) {
			doc_para(d, _("Tidak ada."));
			continue;
		}
		doc_table(d, 6, th, widths);
		long no = 0, whole = 0;
		for (size_t i = 0; i < n; i++) {
			usulan_row *r = &rows[i];
			if (r->jenis != jenis)
				continue;
			char nos[24], nama[200], nik[40];
			snprintf(nos, sizeof nos, "%ld", ++no);
			if (r->nama[0])
				snprintf(nama, sizeof nama, "%s", r->nama);
			else
				snprintf(nama, sizeof nama, "%s *", r->kepala);
			siks_nik_display(s, r->nik, nik, sizeof nik);
			whole += !r->nama[0];
			const char *kep = r->status == USULAN_TOLAK_MUSDES ? _("Tolak")
					: r->status == USULAN_DRAF ? "-" : _("Setuju");
			setuju += r->status != USULAN_TOLAK_MUSDES && r->status != USULAN_DRAF;
			tolak += r->status == USULAN_TOLAK_MUSDES;
			per[jenis]++;
			const char *cells[6] = { nos, nama, nik, r->alamat, r->alasan_label, kep };
			doc_row(d, cells);
		}
		if (whole)
			doc_para(d, _("* usulan untuk seluruh rumah tangga; nama dan NIK kepala keluarga."));
	}

	/* the berita acara */
	doc_pagebreak(d);
	doc_title(d, _("BERITA ACARA MUSYAWARAH DESA/KELURAHAN"));
	snprintf(line, sizeof line, _("Nomor: %s"), have && rec_get(&md, "nomor_ba") ? rec_get(&md, "nomor_ba")
										  : "....................");
	doc_subtitle(d, line);
	char desa_name[128] = "";
	wilayah_name(s, desa, desa_name, sizeof desa_name);
	char hadir[64] = "....";
	if (have && rec_get(&md, "jumlah_hadir"))
		snprintf(hadir, sizeof hadir, "%s", rec_get(&md, "jumlah_hadir"));
	const char *pimpinan = have ? rec_get(&md, "pimpinan") : NULL;
	strbuf p = { 0 };
	sb_addf(&p, _("Pada tanggal %s bertempat di %s telah dilaksanakan Musyawarah Desa/Kelurahan %s "
		      "untuk membahas usulan perubahan Data Terpadu Kesejahteraan Sosial (DTKS), dihadiri "
		      "oleh %s orang"), when,
		have && rec_get(&md, "tempat") ? rec_get(&md, "tempat") : "....................",
		desa_name[0] ? desa_name : desa, hadir);
	if (pimpinan)
		sb_addf(&p, _(" dan dipimpin oleh %s"), pimpinan);
	sb_add(&p, ".");
	doc_para(d, p.p ? p.p : "");
	sb_free(&p);
	snprintf(line, sizeof line,
		 _("Musyawarah memutuskan menyetujui %ld usulan dan menolak %ld usulan (usulan baru %ld, "
		   "perbaikan %ld, keluar %ld) sebagaimana tercantum dalam daftar terlampir."),
		 setuju, tolak, per[1], per[2], per[3]);
	doc_para(d, line);
	doc_para(d, _("Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya."));
	char place[200];
	snprintf(place, sizeof place, "%s, %s", desa_name[0] ? desa_name : "..........", when);
	const char *roles[3] = { _("Pimpinan Musyawarah"), _("Kepala Desa/Lurah"), _("Operator SIKS-NG Desa") };
	const char *names[3] = { pimpinan ? pimpinan : "", "", s->operator_name };
	doc_signatures(d, place, 3, roles, names);

	usulan_rows_free(rows, n);
	if (have)
		rec_free(&md);
	int rc = rpt_emit(s, d, _("BNBA usulan"), o, e);
	doc_free(d);
	return rc;
}

/* ---- the household card --------------------------------------------------------- */

static void card_members(siks *s, doc *d, const char *hid, char *head, size_t nhead)
{
	static const char *const heads[] = { N_("No"), N_("NIK"), N_("Nama"), N_("JK"),
					     N_("Tgl lahir"), N_("Hubungan"), N_("Keberadaan") };
	static const int widths[] = { 3, 16, 20, 2, 10, 11, 10 };
	const char *th[7];
	for (int k = 0; k < 7; k++)
		th[k] = _(heads[k]);
	doc_table(d, 7, th, widths);
	sqlite3_stmt *st = db_stmt(s, "SELECT id FROM member WHERE household_id=?1"
				      " ORDER BY shdk, tanggal_lahir, nik", NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, hid, -1, SQLITE_TRANSIENT);
	int no = 0;
	char ids[200][33];
	int nid = 0;
	while (nid < 200 && sqlite3_step(st) == SQLITE_ROW)
		snprintf(ids[nid++], 33, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	for (int i = 0; i < nid; i++) {
		siks_rec m;
		if (rec_load(s, &m, "member", ids[i], NULL) != 0)
			continue;
		char nos[16], nik[40], lahir[11] = "-";
		snprintf(nos, sizeof nos, "%d", ++no);
		siks_nik_display(s, rec_get(&m, "nik"), nik, sizeof nik);
		if (rec_get(&m, "tanggal_lahir"))
			date_format(rec_get(&m, "tanggal_lahir"), lahir);
		long long sex = rec_get_int(&m, "jenis_kelamin", 0);
		const char *shdk = label(s, "shdk", (int)rec_get_int(&m, "shdk", 0));
		const char *ada = label(s, "keberadaan", (int)rec_get_int(&m, "keberadaan", 1));
		const char *nama = rec_get(&m, "nama") ? rec_get(&m, "nama") : "";
		if (rec_get_int(&m, "shdk", 0) == 1 && !head[0])
			snprintf(head, nhead, "%s", nama);
		const char *cells[7] = { nos, nik, nama, sex == 1 ? "L" : sex == 2 ? "P" : "-", lahir,
					 shdk, ada };
		doc_row(d, cells);
		rec_free(&m);
	}
}

static void card_score(siks *s, doc *d, const char *hid)
{
	sqlite3_stmt *st = db_stmt(s, "SELECT set_name, set_version, met, total, threshold, kelas, scored_at"
				      " FROM indicator_score WHERE household_id=?1"
				      " ORDER BY scored_at DESC, id DESC LIMIT 1", NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, hid, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		char line[300];
		snprintf(line, sizeof line, _("%s versi %d: %d dari %d kriteria terpenuhi (ambang %d): %s; dinilai %s"),
			 (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
			 sqlite3_column_int(st, 2), sqlite3_column_int(st, 3), sqlite3_column_int(st, 4),
			 _((const char *)sqlite3_column_text(st, 5)), (const char *)sqlite3_column_text(st, 6));
		doc_para(d, line);
	} else {
		doc_para(d, _("Belum pernah dinilai."));
	}
	sqlite3_reset(st);
}

static void card_programs(siks *s, doc *d, const char *hid)
{
	sqlite3_stmt *st = db_stmt(s,
		"SELECT p.program, coalesce(m.nama,''), p.aktif, coalesce(p.sejak,'') FROM program p"
		" LEFT JOIN member m ON m.id=p.member_id"
		" WHERE p.household_id=?1 OR m.household_id=?1 ORDER BY p.program, m.nama", NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, hid, -1, SQLITE_TRANSIENT);
	static const char *const heads[] = { N_("Program"), N_("Penerima"), N_("Aktif"), N_("Sejak") };
	static const int widths[] = { 16, 30, 6, 10 };
	const char *th[4];
	for (int k = 0; k < 4; k++)
		th[k] = _(heads[k]);
	int any = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (!any++)
			doc_table(d, 4, th, widths);
		char sejak[11] = "-";
		const char *sj = (const char *)sqlite3_column_text(st, 3);
		if (sj && *sj)
			date_format(sj, sejak);
		const char *who = (const char *)sqlite3_column_text(st, 1);
		const char *cells[4] = { label(s, "program", sqlite3_column_int(st, 0)),
					 who && *who ? who : _("rumah tangga"),
					 sqlite3_column_int(st, 2) ? _("Ya") : _("Tidak"), sejak };
		doc_row(d, cells);
	}
	sqlite3_reset(st);
	if (!any)
		doc_para(d, _("Tidak ada."));
}

int report_kartu(siks *s, const char *household_id, const rpt_out *o, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_VIEW, e) != 0)
		return SIKS_EPERM;
	char id[33];
	if (usulan_resolve_id(s, "household", household_id, id, e) != 0)
		return e ? e->code : SIKS_ENOTFOUND;
	siks_rec h;
	if (rec_load(s, &h, "household", id, e) != 0)
		return e ? e->code : SIKS_ENOTFOUND;
	doc *d = doc_new();
	char region[400], v[300], head[200] = "";
	rpt_region(s, rec_get(&h, "desa"), region, sizeof region);
	doc_title(d, _("KARTU RUMAH TANGGA"));
	doc_subtitle(d, region);
	doc_heading(d, _("Rumah tangga"));
	doc_kv(d, _("ID"), id);
	for (int i = 0; i < h.t->nfields; i++) {
		const siks_field *fd = &h.t->fields[i];
		if (strcmp(fd->name, "desa") == 0)
			continue;
		shown(s, fd, h.v[i], v, sizeof v);
		doc_kv(d, _(fd->label), v);
	}
	doc_heading(d, _("Anggota rumah tangga"));
	card_members(s, d, id, head, sizeof head);
	doc_heading(d, _("Penilaian kesejahteraan"));
	card_score(s, d, id);
	doc_heading(d, _("Program bantuan"));
	card_programs(s, d, id);
	doc_heading(d, _("Usulan"));
	usulan_filter f = { 0 };
	f.household_id = id;
	usulan_row *rows;
	size_t n = 0;
	if (usulan_list(s, &f, &rows, &n, NULL) == 0) {
		static const char *const heads[] = { N_("Tanggal"), N_("Jenis"), N_("Nama"), N_("Alasan"), N_("Status") };
		static const int widths[] = { 10, 9, 20, 14, 20 };
		const char *th[5];
		for (int k = 0; k < 5; k++)
			th[k] = _(heads[k]);
		if (n)
			doc_table(d, 5, th, widths);
		for (size_t i = 0; i < n; i++) {
			char tgl[11];
			date_format(rows[i].tanggal, tgl);
			const char *cells[5] = { tgl, rows[i].jenis_label, rows[i].nama[0] ? rows[i].nama : _("rumah tangga"),
						 rows[i].alasan_label, rows[i].status_label };
			doc_row(d, cells);
		}
		usulan_rows_free(rows, n);
	}
	if (!n)
		doc_para(d, _("Tidak ada."));
	doc_heading(d, _("Hasil kunjungan verifikasi"));
	doc_para(d, _("Tanggal kunjungan: ....................   Hasil: sesuai / tidak sesuai / tidak ditemukan"));
	doc_para(d, _("Catatan: ..............................................................................."));
	const char *roles[2] = { _("Petugas verifikasi"), _("Kepala rumah tangga") };
	const char *names[2] = { "", head };
	doc_signatures(d, "", 2, roles, names);
	rec_free(&h);
	int rc = rpt_emit(s, d, _("Kartu rumah tangga"), o, e);
	doc_free(d);
	return rc;
}

/* ---- the village summary --------------------------------------------------------- */

int report_ringkasan(siks *s, const rpt_out *o, siks_err *e)
{
	if (auth_allow(s, SIKS_ACT_VIEW, e) != 0)
		return SIKS_EPERM;
	const char *desa = s->site_role == SIKS_SITE_DESA ? s->site_kode : NULL;
	doc *d = doc_new();
	char region[400], today[11], when[64], line[200];
	rpt_region(s, s->site_kode, region, sizeof region);
	plat_today(today);
	rpt_date_long(today, when, sizeof when);
	doc_title(d, _("RINGKASAN DATA DTKS"));
	doc_subtitle(d, region);
	snprintf(line, sizeof line, _("Keadaan per %s"), when);
	doc_subtitle(d, line);

	sqlite3_stmt *st = db_stmt(s, RPT_BY_DUSUN_SQL, e);
	if (!st) {
		doc_free(d);
		return SIKS_EDB;
	}
	db_bind_text_or_null(st, 1, desa);
	static const char *const heads[] = { N_("Dusun"), N_("Rumah tangga"), N_("Anggota"), N_("Miskin"),
					     N_("Tidak miskin"), N_("Belum dinilai") };
	static const int widths[] = { 18, 12, 8, 8, 12, 13 };
	const char *th[6];
	for (int k = 0; k < 6; k++)
		th[k] = _(heads[k]);
	long tot[5] = { 0 };
	doc_heading(d, _("Menurut dusun"));
	doc_table(d, 6, th, widths);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char c[5][24];
		for (int k = 0; k < 5; k++) {
			long x = (long)sqlite3_column_int64(st, k + 1);
			tot[k] += x;
			snprintf(c[k], sizeof c[k], "%ld", x);
		}
		const char *dusun = (const char *)sqlite3_column_text(st, 0);
		const char *cells[6] = { dusun && *dusun ? dusun : _("(tanpa dusun)"), c[0], c[1], c[2], c[3], c[4] };
		doc_row(d, cells);
	}
	sqlite3_reset(st);
	char c[5][24];
	for (int k = 0; k < 5; k++)
		snprintf(c[k], sizeof c[k], "%ld", tot[k]);
	const char *total[6] = { _("Jumlah"), c[0], c[1], c[2], c[3], c[4] };
	doc_row(d, total);

	doc_heading(d, _("Program bantuan (aktif)"));
	st = db_stmt(s, "SELECT p.program, count(DISTINCT coalesce(p.household_id, m.household_id)),"
			" count(p.member_id) FROM program p LEFT JOIN member m ON m.id=p.member_id"
			" LEFT JOIN household h ON h.id=coalesce(p.household_id, m.household_id)"
			" WHERE coalesce(p.aktif,1)=1 AND (?1 IS NULL OR h.desa=?1)"
			" GROUP BY p.program ORDER BY p.program", e);
	if (!st) {
		doc_free(d);
		return SIKS_EDB;
	}
	db_bind_text_or_null(st, 1, desa);
	static const char *const ph[] = { N_("Program"), N_("Rumah tangga"), N_("Anggota") };
	static const int pw[] = { 30, 14, 10 };
	const char *pth[3] = { _(ph[0]), _(ph[1]), _(ph[2]) };
	int any = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (!any++)
			doc_table(d, 3, pth, pw);
		char a[24], b[24];
		snprintf(a, sizeof a, "%lld", (long long)sqlite3_column_int64(st, 1));
		snprintf(b, sizeof b, "%lld", (long long)sqlite3_column_int64(st, 2));
		const char *cells[3] = { label(s, "program", sqlite3_column_int(st, 0)), a, b };
		doc_row(d, cells);
	}
	sqlite3_reset(st);
	if (!any)
		doc_para(d, _("Tidak ada."));

	doc_heading(d, _("Usulan menurut status"));
	int64_t counts[USULAN_STATUS_MAX + 1];
	if (usulan_counts(s, desa, counts, e) != 0) {
		doc_free(d);
		return e ? e->code : SIKS_EDB;
	}
	static const char *const uh[] = { N_("Status"), N_("Jumlah") };
	static const int uw[] = { 30, 10 };
	const char *uth[2] = { _(uh[0]), _(uh[1]) };
	doc_table(d, 2, uth, uw);
	for (int k = 1; k <= USULAN_STATUS_MAX; k++) {
		char a[24];
		snprintf(a, sizeof a, "%lld", (long long)counts[k]);
		const char *cells[2] = { label(s, "status_usulan", k), a };
		doc_row(d, cells);
	}
	char a[24];
	snprintf(a, sizeof a, "%lld", (long long)counts[0]);
	const char *cells[2] = { _("Jumlah"), a };
	doc_row(d, cells);
	int rc = rpt_emit(s, d, _("Ringkasan data DTKS"), o, e);
	doc_free(d);
	return rc;
}
