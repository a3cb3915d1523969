/* platform.c — the POSIX implementation of platform.h (Linux today; a
 * Windows file beside it later). Nothing outside this file calls open(),
 * fsync(), rename(), statfs() or getenv() for paths. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <libgen.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/time.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include "siks/i18n.h"
#include "siks/platform.h"

#ifndef SIKS_DATADIR
#define SIKS_DATADIR "/usr/local/share/siksdesa"
#endif

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int plat_file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

int plat_data_dir(char *out, size_t n)
{
	const char *env = getenv("SIKSDESA_DATA");
	if (env && *env) {
		/* absolute, so a later chdir cannot lose it, and gettext does not
		 * call getcwd() on every message it looks up under a relative one */
		char real[PATH_MAX];
		snprintf(out, n, "%s", realpath(env, real) ? real : env);
		return 0;
	}
	char exe[1024];
	ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (k > 0) {
		exe[k] = '\0';
		char *dir = dirname(exe);
		char cand[1100];
		/* in the source tree: ./siksdesa, build/asan/siksdesa, build/tests/x;
		 * installed anywhere: PREFIX/bin/siksdesa with PREFIX/share/siksdesa */
		const char *ups[] = { "/data", "/../data", "/../../data", "/../share/siksdesa" };
		for (size_t i = 0; i < sizeof ups / sizeof *ups; i++) {
			snprintf(cand, sizeof cand, "%s%s/codes", dir, ups[i]);
			if (is_dir(cand)) {
				char real[PATH_MAX];
				snprintf(cand, sizeof cand, "%s%s", dir, ups[i]);
				snprintf(out, n, "%s", realpath(cand, real) ? real : cand);
				return 0;
			}
		}
	}
	snprintf(out, n, "%s", SIKS_DATADIR);
	return is_dir(out) ? 0 : -1;
}

int plat_mkdirs(const char *path)
{
	char tmp[1024];
	snprintf(tmp, sizeof tmp, "%s", path);
	for (char *p = tmp + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			if (mkdir(tmp, 0700) != 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	}
	if (mkdir(tmp, 0700) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

int plat_default_db(char *out, size_t n)
{
	const char *env = getenv("SIKSDESA_DB");
	if (env && *env) {
		snprintf(out, n, "%s", env);
		return 0;
	}
	char dir[900];
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(dir, sizeof dir, "%s/siksdesa", xdg);
	else if (home && *home)
		snprintf(dir, sizeof dir, "%s/.local/share/siksdesa", home);
	else
		snprintf(dir, sizeof dir, "./siksdesa-data");
	if (plat_mkdirs(dir) != 0)
		return -1;
	snprintf(out, n, "%s/siksdesa.db", dir);
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

int plat_list_dir(const char *dir, const char *suffix, char (*out)[256], int max)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	int k = 0;
	size_t sl = strlen(suffix);
	struct dirent *de;
	while ((de = readdir(d)) && k < max) {
		size_t l = strlen(de->d_name);
		if (de->d_name[0] == '.' || l <= sl || l >= 256 || strcmp(de->d_name + l - sl, suffix) != 0)
			continue;
		memcpy(out[k++], de->d_name, l + 1);
	}
	closedir(d);
	qsort(out, (size_t)k, sizeof *out, cmp_name);
	return k;
}

int plat_read_file(const char *path, char **buf, size_t *len, siks_err *e)
{
	*buf = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return siks_fail(e, errno == ENOENT ? SIKS_ENOTFOUND : SIKS_EIO, "",
				 _("Berkas %s tidak dapat dibuka: %s"), path, strerror(errno));
	size_t cap = 65536, n = 0;
	char *p = malloc(cap + 1);
	while (p) {
		size_t got = fread(p + n, 1, cap - n, f);
		n += got;
		if (n < cap)
			break;
		char *q = realloc(p, cap * 2 + 1);
		if (!q) {
			free(p);
			p = NULL;
			break;
		}
		p = q;
		cap *= 2;
	}
	int bad = ferror(f);
	fclose(f);
	if (!p)
		return siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup untuk membaca %s"), path);
	if (bad) {
		free(p);
		return siks_fail(e, SIKS_EIO, "", _("Berkas %s gagal dibaca"), path);
	}
	p[n] = '\0';
	*buf = p;
	*len = n;
	return 0;
}

struct plat_afile {
	int fd;
	int failed;
	char path[1024];
	char tmp[1100];
};

plat_afile *plat_afile_open(const char *path, siks_err *e)
{
	plat_afile *f = calloc(1, sizeof *f);
	if (!f) {
		siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		return NULL;
	}
	snprintf(f->path, sizeof f->path, "%s", path);
	/* same folder, so rename() is atomic; a name a person reads as temporary */
	snprintf(f->tmp, sizeof f->tmp, "%s.tmp-%ld", path, (long)getpid());
	f->fd = open(f->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (f->fd < 0) {
		siks_fail(e, SIKS_EIO, "", _("Tidak dapat menulis %s: %s"), path, strerror(errno));
		free(f);
		return NULL;
	}
	return f;
}

int plat_afile_write(plat_afile *f, const void *p, size_t n)
{
	const char *c = p;
	while (n > 0 && !f->failed) {
		ssize_t k = write(f->fd, c, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			f->failed = errno;
			break;
		}
		c += k;
		n -= (size_t)k;
	}
	return f->failed ? -1 : 0;
}

static void sync_dir_of(const char *path)
{
	char tmp[1024];
	snprintf(tmp, sizeof tmp, "%s", path);
	int d = open(dirname(tmp), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d >= 0) {
		fsync(d);
		close(d);
	}
}

int plat_afile_commit(plat_afile *f, siks_err *e)
{
	int err = f->failed;
	if (!err && fsync(f->fd) != 0)
		err = errno;
	if (close(f->fd) != 0 && !err)
		err = errno;
	if (!err && rename(f->tmp, f->path) != 0)
		err = errno;
	if (err) {
		unlink(f->tmp);
		siks_fail(e, SIKS_EIO, "", _("Berkas %s gagal ditulis (%s); berkas lama tidak diubah"),
			  f->path, strerror(err));
		free(f);
		return SIKS_EIO;
	}
	sync_dir_of(f->path);
	free(f);
	return 0;
}

void plat_afile_abort(plat_afile *f)
{
	if (!f)
		return;
	close(f->fd);
	unlink(f->tmp);
	free(f);
}

int plat_write_file_atomic(const char *path, const void *p, size_t n, siks_err *e)
{
	plat_afile *f = plat_afile_open(path, e);
	if (!f)
		return e ? e->code : SIKS_EIO;
	plat_afile_write(f, p, n);
	return plat_afile_commit(f, e);
}

int plat_is_network_fs(const char *path, char *fstype, size_t n)
{
	const char *fake = getenv("SIKSDESA_FAKE_FSTYPE");
	if (fake && *fake) {
		if (fstype)
			snprintf(fstype, n, "%s", fake);
		return strcmp(fake, "local") != 0;
	}
	char dir[1024];
	snprintf(dir, sizeof dir, "%s", path);
	struct statfs sf;
	if (statfs(dir, &sf) != 0 && statfs(dirname(dir), &sf) != 0)
		return -1;
	static const struct {
		unsigned long magic;
		const char *name;
	} net[] = {
		{ 0x6969, "nfs" }, { 0xFF534D42, "cifs" }, { 0xFE534D42, "smb2" },
		{ 0x517B, "smb" }, { 0x65735546, "fuse" }, { 0x564c, "ncp" },
		{ 0x01021997, "9p" }, { 0x73757245, "coda" }, { 0x5346414F, "afs" },
	};
	for (size_t i = 0; i < sizeof net / sizeof *net; i++)
		if ((unsigned long)sf.f_type == net[i].magic) {
			if (fstype)
				snprintf(fstype, n, "%s", net[i].name);
			/* FUSE is often sshfs or a share, but also local NTFS (ntfs-3g):
			 * treat as unknown rather than refuse */
			return net[i].magic == 0x65735546 ? -1 : 1;
		}
	if (fstype)
		snprintf(fstype, n, "local");
	return 0;
}

void plat_random(void *buf, size_t n)
{
	unsigned char *p = buf;
	while (n > 0) {
		ssize_t k = getrandom(p, n, 0);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			/* no entropy source: fall back to time and pid, never fail */
			for (size_t i = 0; i < n; i++)
				p[i] = (unsigned char)(rand() ^ (int)getpid() ^ (int)time(NULL));
			return;
		}
		p += k;
		n -= (size_t)k;
	}
}

int64_t plat_now_ms(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

void plat_today(char out[11])
{
	const char *fix = getenv("SIKSDESA_NOW");
	if (fix && strlen(fix) >= 10) {
		memcpy(out, fix, 10);
		out[10] = '\0';
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

void plat_timestamp(char out[20])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

int plat_find_removable(char (*out)[512], int max)
{
	int k = 0;
	char user[128];
	plat_user_name(user, sizeof user);
	char roots[3][300];
	snprintf(roots[0], sizeof roots[0], "/media/%s", user);
	snprintf(roots[1], sizeof roots[1], "/run/media/%s", user);
	snprintf(roots[2], sizeof roots[2], "/media");
	for (int r = 0; r < 3 && k < max; r++) {
		DIR *d = opendir(roots[r]);
		if (!d)
			continue;
		struct dirent *de;
		while ((de = readdir(d)) && k < max) {
			if (de->d_name[0] == '.' || strcmp(de->d_name, user) == 0)
				continue;
			char p[512];
			snprintf(p, sizeof p, "%.300s/%.200s", roots[r], de->d_name);
			if (!is_dir(p))
				continue;
			int dup = 0;
			for (int i = 0; i < k; i++)
				dup |= strcmp(out[i], p) == 0;
			if (!dup)
				snprintf(out[k++], 512, "%.511s", p);
		}
		closedir(d);
	}
	return k;
}

void plat_user_name(char *out, size_t n)
{
	struct passwd *pw = getpwuid(getuid());
	const char *u = pw ? pw->pw_name : getenv("USER");
	snprintf(out, n, "%s", u ? u : "");
}
