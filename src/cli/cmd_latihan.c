/* cmd_latihan.c — `siksdesa latihan ...`: training mode (issue 7).
 *   latihan [--db F] [--nama NAMA] [--baru]   make the practice copy if missing, open the UI on it
 *   latihan buat                              only make it (preparing laptops by script)
 *   latihan status                            each exercise ✓/✗ and "3/8 selesai"
 *   latihan petunjuk|hint N                   the hint of exercise N
 *   latihan jawaban|answer N                  the answer of exercise N (trainer)
 *   latihan reset                             back to the starting state
 *   latihan hasil|result --out DIR [--nama N] the trainee's results onto a USB stick
 *   latihan gabung|merge DIR|FILE... --csv OUT  the trainer merges results into one table
 *
 * Which file: `latihan --db F` or the global --db / SIKSDESA_DB; without
 * either, latihan.db beside the default register (never the register itself).
 * Whatever the path, a file that exists and is not a practice database is
 * refused: training never touches real data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "siks/i18n.h"
#include "siks/latihan.h"
#include "siks/platform.h"

static char practice_path[1100];

/* The practice file for this command (see top). */
static const char *resolve_path(cli_ctx *c, const char *local)
{
	if (local) {
		snprintf(practice_path, sizeof practice_path, "%s", local);
		return practice_path;
	}
	char def[1024];
	const char *env = getenv("SIKSDESA_DB");
	if ((!env || !*env) && plat_default_db(def, sizeof def) == 0 && strcmp(def, c->db_path) == 0) {
		const char *slash = strrchr(def, '/');
		int dl = slash ? (int)(slash - def) : 0;
		snprintf(practice_path, sizeof practice_path, "%.*s%slatihan.db", dl, def, slash ? "/" : "");
		return practice_path;
	}
	snprintf(practice_path, sizeof practice_path, "%s", c->db_path);
	return practice_path;
}

/* Opens the practice database at c->db_path; refuses a real register. */
static siks *open_practice(cli_ctx *c)
{
	int p = latihan_file_is_practice(c->db_path);
	if (p < 0) {
		cli_error(c, 1, _("basis data latihan %s belum ada; buat dengan: siksdesa latihan"), c->db_path);
		return NULL;
	}
	if (p == 0) {
		cli_error(c, 1, _("%s bukan basis data latihan; mode latihan tidak pernah memakai basis data sungguhan"),
			  c->db_path);
		return NULL;
	}
	return cli_open(c, 0);
}

static int load_set(cli_ctx *c, latihan_set *set)
{
	siks_err e = { 0 };
	if (latihan_set_load(set, NULL, &e) != 0)
		return cli_err(c, 1, &e);
	return 0;
}

static int exercise_no(cli_ctx *c, const latihan_set *set, const char *arg)
{
	char *end;
	long n = arg ? strtol(arg, &end, 10) : 0;
	if (!arg || *end || n < 1 || n > set->n) {
		cli_error(c, 2, _("nomor latihan harus 1 sampai %d"), set->n);
		return 0;
	}
	return (int)n;
}

static int do_status(cli_ctx *c)
{
	siks *s = open_practice(c);
	if (!s)
		return 1;
	latihan_set set;
	if (load_set(c, &set)) {
		siks_close(s);
		return 1;
	}
	latihan_state *st = calloc((size_t)set.n, sizeof *st);
	siks_err e = { 0 };
	int done = st ? latihan_progress(s, &set, st, &e) : -1;
	if (done < 0) {
		cli_err(c, 1, &e);
	} else {
		char nama[64];
		latihan_name(s, nama, sizeof nama);
		if (nama[0])
			printf(_("Peserta: %s\n"), nama);
		int utf8 = siks_i18n_utf8();
		for (int i = 0; i < set.n; i++) {
			const char *mark = st[i].done ? (utf8 ? "✓" : "[v]") : (utf8 ? "✗" : "[ ]");
			printf(" %s %2d. %s", mark, set.v[i].no, set.v[i].judul);
			if (st[i].done && st[i].minutes >= 0)
				printf(_(" (%ld menit)"), st[i].minutes);
			printf("\n");
		}
		printf(_("%d/%d selesai\n"), done, set.n);
	}
	free(st);
	latihan_set_free(&set);
	siks_close(s);
	return done < 0 ? 1 : 0;
}

/* hint: what = 0; answer: what = 1 */
static int do_show(cli_ctx *c, const char *arg, int what)
{
	latihan_set set;
	if (load_set(c, &set))
		return 1;
	int n = exercise_no(c, &set, arg);
	if (n) {
		const latihan_ex *x = &set.v[n - 1];
		printf("%d. %s\n\n%s\n\n%s:\n%s\n", x->no, x->judul, x->tugas,
		       what ? _("Jawaban") : _("Petunjuk"), what ? x->jawaban : x->petunjuk);
	}
	latihan_set_free(&set);
	return n ? 0 : 2;
}

static int do_reset(cli_ctx *c)
{
	siks_err e = { 0 };
	int64_t t0 = plat_now_ms();
	if (latihan_reset(c->db_path, &e) != 0)
		return cli_err(c, 1, &e);
	printf(_("Basis data latihan %s dikembalikan ke keadaan awal (%lld ms).\n"), c->db_path,
	       (long long)(plat_now_ms() - t0));
	return 0;
}

static int do_result(cli_ctx *c, const char *dir, const char *nama)
{
	if (!dir)
		return cli_usage(c, "latihan");
	siks *s = open_practice(c);
	if (!s)
		return 1;
	latihan_set set;
	if (load_set(c, &set)) {
		siks_close(s);
		return 1;
	}
	siks_err e = { 0 };
	char out[1400];
	int rc = nama ? latihan_set_name(s, nama, &e) : 0;
	if (rc == 0)
		rc = latihan_result_write(s, &set, dir, out, sizeof out, &e);
	if (rc == 0)
		printf(_("Hasil latihan ditulis ke %s\n"), out);
	else
		cli_err(c, 1, &e);
	latihan_set_free(&set);
	siks_close(s);
	return rc ? 1 : 0;
}

static int do_merge(cli_ctx *c, int argc, char **argv, int first)
{
	const char *out = NULL;
	const char **paths = calloc((size_t)argc, sizeof *paths);
	int n = 0;
	if (!paths)
		return 1;
	for (int i = first; i < argc; i++) {
		if (strcmp(argv[i], "--csv") == 0 && i + 1 < argc)
			out = argv[++i];
		else
			paths[n++] = argv[i];
	}
	if (!out || n == 0) {
		free(paths);
		return cli_usage(c, "latihan");
	}
	siks_err e = { 0 };
	int rows = 0;
	int rc = latihan_merge(paths, n, out, &rows, &e);
	free(paths);
	if (rc)
		return cli_err(c, 1, &e);
	printf(_("%d peserta digabung ke %s\n"), rows, out);
	return 0;
}

/* Makes the practice database when missing (or, with fresh, resets it);
 * start: the trainee begins now (the time results count from). 0 or the
 * exit status. */
static int prepare(cli_ctx *c, const char *nama, int fresh, int start)
{
	siks_err e = { 0 };
	int p = latihan_file_is_practice(c->db_path);
	if (p == 0)
		return cli_error(c, 1, _("%s bukan basis data latihan; mode latihan tidak pernah memakai basis data sungguhan. "
					 "Pakai misalnya: siksdesa latihan --db latihan.db"), c->db_path);
	if (p < 0 || fresh) {
		char awal[1100];
		latihan_pristine_path(c->db_path, awal, sizeof awal);
		if (p < 0 && !plat_file_exists(awal)) {
			printf(_("Membuat basis data latihan %s (desa contoh)...\n"), c->db_path);
			fflush(stdout);
			if (latihan_build(c->db_path, &e) != 0)
				return cli_err(c, 1, &e);
			printf(_("Akun latihan: peserta \"%s\" (PIN %s), pelatih \"%s\" (PIN %s).\n"),
			       LATIHAN_PESERTA, LATIHAN_PESERTA_PIN, LATIHAN_PELATIH, LATIHAN_PELATIH_PIN);
		} else if (latihan_reset(c->db_path, &e) != 0) {
			return cli_err(c, 1, &e);
		}
	}
	siks *s = cli_open(c, 0);
	if (!s)
		return 1;
	int rc = start ? latihan_start(s, &e) : 0;
	if (rc == 0 && nama)
		rc = latihan_set_name(s, nama, &e);
	siks_close(s);
	return rc ? cli_err(c, 1, &e) : 0;
}

static int do_open(cli_ctx *c, const char *nama, int fresh)
{
	int rc = prepare(c, nama, fresh, 1);
	return rc ? rc : tui_main(c);
}

int cmd_latihan(cli_ctx *c, int argc, char **argv)
{
	const char *local = NULL, *nama = NULL, *outdir = NULL, *sub = NULL, *arg = NULL;
	int fresh = 0, i = 1, merge_at = 0;
	for (; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			local = argv[++i];
		} else if (strcmp(argv[i], "--nama") == 0 && i + 1 < argc) {
			nama = argv[++i];
		} else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
			outdir = argv[++i];
		} else if (strcmp(argv[i], "--baru") == 0) {
			fresh = 1;
		} else if (!sub) {
			sub = argv[i];
			if (strcmp(sub, "merge") == 0 || strcmp(sub, "gabung") == 0) {
				merge_at = i + 1;
				break;
			}
		} else if (!arg) {
			arg = argv[i];
		} else {
			return cli_usage(c, "latihan");
		}
	}
	if (sub && merge_at)
		return do_merge(c, argc, argv, merge_at);
	c->db_path = resolve_path(c, local);
	if (!sub)
		return do_open(c, nama, fresh);
	if ((strcmp(sub, "buat") == 0 || strcmp(sub, "create") == 0) && !arg)
		return prepare(c, nama, fresh, 0); /* laptops prepared the day before */
	if (strcmp(sub, "status") == 0 && !arg)
		return do_status(c);
	if ((strcmp(sub, "hint") == 0 || strcmp(sub, "petunjuk") == 0))
		return do_show(c, arg, 0);
	if ((strcmp(sub, "answer") == 0 || strcmp(sub, "jawaban") == 0))
		return do_show(c, arg, 1);
	if (strcmp(sub, "reset") == 0 && !arg)
		return do_reset(c);
	if ((strcmp(sub, "result") == 0 || strcmp(sub, "hasil") == 0) && !arg)
		return do_result(c, outdir, nama);
	cli_error(c, 2, _("perintah latihan tidak dikenal: %s"), sub);
	return cli_usage(c, "latihan");
}
