/* plat_files.c — POSIX file, lock and process calls for backups and the
 * open-session lock (platform.h). A Windows file beside it will use
 * MoveFileEx / LockFileEx. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include "siks/i18n.h"
#include "siks/platform.h"

static void sync_folder_of(const char *path)
{
	char tmp[1024];
	snprintf(tmp, sizeof tmp, "%s", path);
	int d = open(dirname(tmp), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d >= 0) {
		fsync(d);
		close(d);
	}
}

int plat_fsync_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc == 0 ? 0 : -1;
}

int plat_rename(const char *from, const char *to, siks_err *e)
{
	if (rename(from, to) != 0)
		return siks_fail(e, SIKS_EIO, "", _("Berkas %s tidak dapat diganti namanya menjadi %s: %s"),
				 from, to, strerror(errno));
	sync_folder_of(to);
	return 0;
}

int plat_remove(const char *path)
{
	if (unlink(path) != 0 && errno != ENOENT)
		return -1;
	return 0;
}

int plat_dir_each(const char *dir, int (*cb)(void *ctx, const char *name), void *ctx)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (cb(ctx, de->d_name) != 0)
			break;
	}
	closedir(d);
	return 0;
}

int64_t plat_file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (int64_t)st.st_size : -1;
}

int64_t plat_file_mtime(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (int64_t)st.st_mtime : -1;
}

int plat_pid_alive(long pid)
{
	if (pid <= 0)
		return 0;
	return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

int plat_read_secret(const char *prompt, char *out, size_t n)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	if (tty) {
		fprintf(stderr, "%s", prompt);
		fflush(stderr);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	char *got = fgets(out, (int)n, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!got) {
		if (n)
			out[0] = '\0';
		return -1;
	}
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

long plat_pid(void)
{
	return (long)getpid();
}

void plat_host_name(char *out, size_t n)
{
	char h[256] = "";
	if (gethostname(h, sizeof h - 1) != 0)
		h[0] = '\0';
	snprintf(out, n, "%s", h);
}

struct plat_lock {
	int fd;
};

/* POSIX record locks (fcntl), not flock: a second open of the same database
 * inside one program (tests, restore) does not lock itself out, and the
 * kernel releases the lock when the process dies. */
static int set_lock(int fd, short type)
{
	struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	return fcntl(fd, F_SETLK, &fl);
}

static void write_note(int fd, const char *note)
{
	if (ftruncate(fd, 0) != 0)
		return;
	size_t n = strlen(note);
	if (pwrite(fd, note, n, 0) != (ssize_t)n)
		return;
}

plat_lock *plat_lock_take(const char *path, const char *note, char *holder, size_t n, siks_err *e)
{
	if (holder && n)
		holder[0] = '\0';
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		siks_fail(e, SIKS_EIO, "", _("Berkas kunci %s tidak dapat dibuat: %s"), path, strerror(errno));
		return NULL;
	}
	if (set_lock(fd, F_WRLCK) != 0) {
		int err = errno;
		if (holder && n) {
			ssize_t k = pread(fd, holder, n - 1, 0);
			holder[k > 0 ? k : 0] = '\0';
		}
		close(fd);
		if (err == EACCES || err == EAGAIN)
			siks_fail(e, SIKS_ECONFLICT, "", _("Basis data sedang dibuka oleh program lain"));
		else
			siks_fail(e, SIKS_EIO, "", _("Berkas kunci %s tidak dapat dikunci: %s"), path, strerror(err));
		return NULL;
	}
	plat_lock *l = malloc(sizeof *l);
	if (!l) {
		close(fd);
		siks_fail(e, SIKS_ENOMEM, "", _("Memori tidak cukup"));
		return NULL;
	}
	l->fd = fd;
	write_note(fd, note ? note : "");
	return l;
}

void plat_lock_note(plat_lock *l, const char *note)
{
	if (l)
		write_note(l->fd, note ? note : "");
}

void plat_lock_release(plat_lock *l)
{
	if (!l)
		return;
	/* empty the note first: a reader after us must not name us */
	if (ftruncate(l->fd, 0) != 0) {
		/* nothing to do: the lock goes with the close anyway */
	}
	set_lock(l->fd, F_UNLCK);
	close(l->fd);
	free(l);
}
