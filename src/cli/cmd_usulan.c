/* cmd_usulan.c — `siksdesa usulan ...` (proposals) and `siksdesa musdes ...`
 * (village deliberations): thin front ends over include/siks/usulan.h.
 * Ids may be written whole or as their first characters (at least 4). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "cli.h"
#include "siks/codes.h"
#include "siks/i18n.h"
#include "siks/privacy.h"
#include "siks/usulan.h"
#include "siks/validate.h"

/* A code given as its number or its label ("keluar", "Disetujui musdes"),
 * or a unique beginning of the label ("dikirim", "tidak"). -1 when none. */
static int parse_code(siks *s, const char *list, const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (*v && *end == '\0')
		return codes_valid(s->codes, list, (int)n) ? (int)n : -1;
	int cnt = codes_count(s->codes, list), found = -1, hits = 0;
	size_t len = strlen(v);
	for (int i = 0; i < cnt; i++) {
		int code;
		const char *label;
		if (codes_item(s->codes, list, i, &code, &label) != 0)
			continue;
		if (strcasecmp(label, v) == 0)
			return code;
		if (len && strncasecmp(label, v, len) == 0) {
			found = code;
			hits++;
		}
	}
	return hits == 1 ? found : -1;
}

static int bad_code(cli_ctx *c, siks *s, const char *what, const char *list, const char *v)
{
	char all[400] = "";
	size_t o = 0;
	int cnt = codes_count(s->codes, list);
	for (int i = 0; i < cnt && o < sizeof all; i++) {
		int code;
		const char *label;
		if (codes_item(s->codes, list, i, &code, &label) == 0)
			o += (size_t)snprintf(all + o, sizeof all - o, "%s%d %s", i ? ", " : "", code, label);
	}
	return cli_error(c, 2, _("%s \"%s\" tidak dikenal; pilih salah satu dari: %s"), what, v, all);
}

/* Resolves an id prefix of table, printing the error. 0 or the exit status. */
static int resolve(cli_ctx *c, siks *s, const char *table, const char *id, char out[33])
{
	siks_err e = { 0 };
	if (usulan_resolve_id(s, table, id, out, &e) != 0)
		return cli_err(c, 1, &e);
	return 0;
}

/* ---- usulan list / history ------------------------------------------------- */

static void print_counts(siks *s, const char *desa)
{
	int64_t k[USULAN_STATUS_MAX + 1];
	siks_err e = { 0 };
	if (usulan_counts(s, desa, k, &e) != 0)
		return;
	for (int st = 1; st <= USULAN_STATUS_MAX; st++) {
		const char *l = codes_label(s->codes, "status_usulan", st);
		printf("%s%s %lld", st > 1 ? ", " : "", l ? l : "?", (long long)k[st]);
	}
	printf(_(" (jumlah %lld)\n"), (long long)k[0]);
}

static int usulan_ls(cli_ctx *c, siks *s, int argc, char **argv)
{
	usulan_filter f = { 0 };
	char hh[33], md[33];
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--status") == 0 && i + 1 < argc) {
			f.status = parse_code(s, "status_usulan", argv[++i]);
			if (f.status < 0)
				return bad_code(c, s, _("Status"), "status_usulan", argv[i]);
		} else if (strcmp(argv[i], "--household") == 0 && i + 1 < argc) {
			if (resolve(c, s, "household", argv[++i], hh))
				return 1;
			f.household_id = hh;
		} else if (strcmp(argv[i], "--musdes") == 0 && i + 1 < argc) {
			if (resolve(c, s, "musdes", argv[++i], md))
				return 1;
			f.musdes_id = md;
		} else if (strcmp(argv[i], "--desa") == 0 && i + 1 < argc) {
			f.desa = argv[++i];
		} else {
			return cli_usage(c, "usulan");
		}
	}
	usulan_row *rows;
	size_t n;
	siks_err e = { 0 };
	if (usulan_list(s, &f, &rows, &n, &e) != 0)
		return cli_err(c, 1, &e);
	print_counts(s, f.desa);
	for (size_t i = 0; i < n; i++) {
		const usulan_row *r = &rows[i];
		char tgl[11], nik[24];
		date_format(r->tanggal, tgl);
		siks_nik_display(s, r->nik, nik, sizeof nik);
		printf("%s  %s  %s/%s  %s  %s: %s", r->id, r->status_label, r->jenis_label,
		       r->alasan_label, tgl, _("Kepala"), r->kepala[0] ? r->kepala : "-");
		if (r->nama[0])
			printf("  %s: %s", _("Anggota"), r->nama);
		printf("  NIK %s  %s", nik[0] ? nik : "-", r->alamat);
		if (r->musdes_nomor[0]) {
			char mt[11];
			date_format(r->musdes_tanggal, mt);
			printf(_("  musdes %s (%s)"), r->musdes_nomor, mt);
		}
		if (r->alasan_dinas[0])
			printf(_("  dinas: %s"), r->alasan_dinas);
		putchar('\n');
	}
	usulan_rows_free(rows, n);
	return 0;
}

static int usulan_hist(cli_ctx *c, siks *s, int argc, char **argv)
{
	char hh[33];
	if (argc != 3)
		return cli_usage(c, "usulan");
	if (resolve(c, s, "household", argv[2], hh))
		return 1;
	usulan_event *ev;
	size_t n;
	siks_err e = { 0 };
	if (usulan_history(s, hh, &ev, &n, &e) != 0)
		return cli_err(c, 1, &e);
	for (size_t i = 0; i < n; i++) {
		printf("%s  %s  %.8s  %s%s%s  ", ev[i].ts, ev[i].operator_name, ev[i].usulan_id,
		       ev[i].jenis_label, ev[i].nama[0] ? " " : "", ev[i].nama);
		if (ev[i].old_status)
			printf("%s -> %s", ev[i].old_label, ev[i].new_label);
		else
			printf(_("dibuat: %s"), ev[i].new_label);
		if (ev[i].note[0])
			printf("  (%s)", ev[i].note);
		putchar('\n');
	}
	if (n == 0)
		printf("%s\n", _("Belum ada usulan untuk rumah tangga ini."));
	free(ev);
	return 0;
}

/* ---- usulan add / keluar / result ------------------------------------------ */

static int usulan_new(cli_ctx *c, siks *s, int argc, char **argv, int keluar)
{
	char hh[33] = "", mb[33] = "";
	const char *jenis = keluar ? "3" : NULL, *alasan = NULL, *ket = NULL;
	for (int i = 2; i < argc; i++) {
		if (!keluar && strcmp(argv[i], "--household") == 0 && i + 1 < argc) {
			if (resolve(c, s, "household", argv[++i], hh))
				return 1;
		} else if (strcmp(argv[i], "--member") == 0 && i + 1 < argc) {
			if (resolve(c, s, "member", argv[++i], mb))
				return 1;
		} else if (!keluar && strcmp(argv[i], "--jenis") == 0 && i + 1 < argc) {
			jenis = argv[++i];
		} else if (strcmp(argv[i], "--alasan") == 0 && i + 1 < argc) {
			alasan = argv[++i];
		} else if (strcmp(argv[i], "--ket") == 0 && i + 1 < argc) {
			ket = argv[++i];
		} else {
			return cli_usage(c, "usulan");
		}
	}
	if ((keluar ? !mb[0] : !hh[0]) || !jenis || !alasan)
		return cli_usage(c, "usulan");
	int j = parse_code(s, "jenis_usulan", jenis), a = parse_code(s, "alasan_usulan", alasan);
	if (j < 0)
		return bad_code(c, s, _("Jenis usulan"), "jenis_usulan", jenis);
	if (a < 0)
		return bad_code(c, s, _("Alasan"), "alasan_usulan", alasan);
	siks_err e = { 0 };
	char id[33];
	int rc;
	if (keluar) {
		rc = usulan_keluar_member(s, mb, a, ket, id, &e);
	} else {
		usulan_input in = { hh, mb[0] ? mb : NULL, j, a, ket };
		rc = usulan_add(s, &in, id, &e);
	}
	if (rc != 0)
		return cli_err(c, 1, &e);
	printf(_("Usulan %s dibuat dengan status Draf; menunggu keputusan musdes.\n"), id);
	return 0;
}

static int usulan_res(cli_ctx *c, siks *s, int argc, char **argv)
{
	int verdict = -1;
	const char *why = NULL, *idarg = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--diterima") == 0)
			verdict = verdict == -1 ? 1 : -2;
		else if (strcmp(argv[i], "--ditolak") == 0)
			verdict = verdict == -1 ? 0 : -2;
		else if (strcmp(argv[i], "--alasan") == 0 && i + 1 < argc)
			why = argv[++i];
		else if (argv[i][0] != '-' && !idarg)
			idarg = argv[i];
		else
			return cli_usage(c, "usulan");
	}
	if (!idarg || verdict < 0)
		return cli_usage(c, "usulan");
	char id[33];
	if (resolve(c, s, "usulan", idarg, id))
		return 1;
	siks_err e = { 0 };
	if (usulan_result(s, id, verdict, why, &e) != 0)
		return cli_err(c, 1, &e);
	printf(verdict ? _("Usulan %s diterima dinas.\n") : _("Usulan %s ditolak dinas.\n"), id);
	return 0;
}

int cmd_usulan(cli_ctx *c, int argc, char **argv)
{
	if (cli_wants_help(c, argc, argv))
		return 0;
	if (argc < 2)
		return cli_usage(c, "usulan");
	const char *sub = argv[1];
	if (strcmp(sub, "list") && strcmp(sub, "add") && strcmp(sub, "keluar") &&
	    strcmp(sub, "result") && strcmp(sub, "history"))
		return cli_usage(c, "usulan");
	siks *s = cli_open_site(c);
	if (!s)
		return 1;
	int status;
	if (strcmp(sub, "list") == 0)
		status = usulan_ls(c, s, argc, argv);
	else if (strcmp(sub, "history") == 0)
		status = usulan_hist(c, s, argc, argv);
	else if (strcmp(sub, "result") == 0)
		status = usulan_res(c, s, argc, argv);
	else
		status = usulan_new(c, s, argc, argv, strcmp(sub, "keluar") == 0);
	siks_close(s);
	return status;
}

/* ---- musdes ------------------------------------------------------------------ */

static int musdes_new(cli_ctx *c, siks *s, int argc, char **argv)
{
	musdes_input in = { .jumlah_hadir = -1 };
	/* options come in pairs: --name value */
	for (int i = 2; i < argc; i += 2) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!v)
			return cli_usage(c, "musdes");
		if (strcmp(argv[i], "--tanggal") == 0)
			in.tanggal = v;
		else if (strcmp(argv[i], "--tempat") == 0)
			in.tempat = v;
		else if (strcmp(argv[i], "--nomor") == 0)
			in.nomor_ba = v;
		else if (strcmp(argv[i], "--pimpinan") == 0)
			in.pimpinan = v;
		else if (strcmp(argv[i], "--catatan") == 0)
			in.catatan = v;
		else if (strcmp(argv[i], "--hadir") == 0) {
			char *end;
			long n = strtol(v, &end, 10);
			if (!*v || *end || n < 0 || n > 9999)
				return cli_error(c, 2, _("Jumlah hadir: 0 sampai 9999 (tertulis %s)"), v);
			in.jumlah_hadir = (int)n;
		} else
			return cli_usage(c, "musdes");
	}
	if (!in.tanggal || !in.tempat || !in.nomor_ba)
		return cli_usage(c, "musdes");
	siks_err e = { 0 };
	char id[33];
	if (musdes_add(s, &in, id, &e) != 0)
		return cli_err(c, 1, &e);
	printf(_("Musdes %s dicatat (berita acara %s).\n"), id, in.nomor_ba);
	return 0;
}

static int musdes_dec(cli_ctx *c, siks *s, int argc, char **argv)
{
	if (argc < 4)
		return cli_usage(c, "musdes");
	char md[33];
	if (resolve(c, s, "musdes", argv[2], md))
		return 1;
	/* ids after --setuju or --tolak, until the next option */
	size_t max = (size_t)argc, ns = 0, nt = 0;
	char (*ids)[33] = calloc(max, sizeof *ids);
	const char **setuju = calloc(max, sizeof *setuju), **tolak = calloc(max, sizeof *tolak);
	int status = 0, mode = 0;
	if (!ids || !setuju || !tolak) {
		status = cli_error(c, 1, "%s", _("Memori tidak cukup"));
		goto out;
	}
	for (int i = 3; i < argc && !status; i++) {
		if (strcmp(argv[i], "--setuju") == 0) {
			mode = 1;
		} else if (strcmp(argv[i], "--tolak") == 0) {
			mode = 2;
		} else if (mode && argv[i][0] != '-') {
			char *slot = ids[ns + nt];
			if (resolve(c, s, "usulan", argv[i], slot))
				status = 1;
			else if (mode == 1)
				setuju[ns++] = slot;
			else
				tolak[nt++] = slot;
		} else {
			status = cli_usage(c, "musdes");
		}
	}
	if (!status && ns + nt == 0)
		status = cli_usage(c, "musdes");
	if (!status) {
		siks_err e = { 0 };
		if (musdes_decide(s, md, setuju, ns, tolak, nt, &e) != 0)
			status = cli_err(c, 1, &e);
		else
			printf(_("Keputusan musdes dicatat: %zu disetujui, %zu ditolak.\n"), ns, nt);
	}
out:
	free(ids);
	free(setuju);
	free(tolak);
	return status;
}

static int musdes_ls(cli_ctx *c, siks *s)
{
	musdes_row *m;
	size_t n;
	siks_err e = { 0 };
	if (musdes_list(s, &m, &n, &e) != 0)
		return cli_err(c, 1, &e);
	for (size_t i = 0; i < n; i++) {
		char tgl[11];
		date_format(m[i].tanggal, tgl);
		printf("%s  %s  %s  %s", m[i].id, tgl, m[i].nomor_ba, m[i].tempat);
		if (m[i].jumlah_hadir >= 0)
			printf(_("  hadir %d"), m[i].jumlah_hadir);
		printf(_("  disetujui %lld, ditolak %lld\n"), (long long)m[i].setuju, (long long)m[i].tolak);
	}
	free(m);
	return 0;
}

int cmd_musdes(cli_ctx *c, int argc, char **argv)
{
	if (cli_wants_help(c, argc, argv))
		return 0;
	if (argc < 2 || (strcmp(argv[1], "add") && strcmp(argv[1], "decide") && strcmp(argv[1], "list")))
		return cli_usage(c, "musdes");
	siks *s = cli_open_site(c);
	if (!s)
		return 1;
	int status;
	if (strcmp(argv[1], "add") == 0)
		status = musdes_new(c, s, argc, argv);
	else if (strcmp(argv[1], "decide") == 0)
		status = musdes_dec(c, s, argc, argv);
	else
		status = argc == 2 ? musdes_ls(c, s) : cli_usage(c, "musdes");
	siks_close(s);
	return status;
}
