/* cli.h — the command-line front end. Each subcommand is one cli_cmd in the
 * table in commands.c, implemented in src/cli/cmd_<name>.c. The help text is
 * written once, in the table, and is the one source of `--help`.
 * Commands print results to stdout, errors to stderr prefixed "siksdesa: ",
 * and return the exit status (0 ok, 1 findings/failure, 2 usage). */
#ifndef SIKS_CLI_H
#define SIKS_CLI_H
#include <stdio.h>
#include "siks/siks.h"

typedef struct cli_ctx {
	const char *db_path;   /* --db FILE, $SIKSDESA_DB, or the XDG default */
	const char *lang;      /* --lang id|en, or NULL */
	const char *prog;      /* "siksdesa" */
	const char *operator_name; /* --operator NAME or $SIKSDESA_OPERATOR: who is working */
} cli_ctx;

typedef struct cli_cmd {
	const char *name;      /* "check", "wilayah", "sync" ... */
	int (*run)(cli_ctx *c, int argc, char **argv); /* argv[0] is the command name */
	const char *usage;     /* N_("check"), N_("init --desa KODE | --kabupaten KODE") */
	const char *help;      /* N_("one paragraph: what it does") */
	int needs_site;        /* 1: refuse when the database has no site yet */
} cli_cmd;

/* Opens the database for a command (creating it when create is 1). Prints
 * the error and returns NULL on failure. */
siks *cli_open(cli_ctx *c, int create);
/* Opens an existing database that has a site (init was run); else prints why. */
siks *cli_open_site(cli_ctx *c);
/* Logs in c->operator_name on s (PIN from $SIKSDESA_PIN, else a line of
 * stdin, asked without echo on a terminal). 0, or prints why and returns 1.
 * No name: nothing happens (the core then refuses guarded actions once
 * accounts exist). cli_open calls it. */
int cli_login(cli_ctx *c, siks *s);
/* Reads a PIN: $env when set and not empty, else a line of stdin (prompted
 * without echo on a terminal). 0 or -1. */
int cli_read_pin(const char *env, const char *prompt, char *out, size_t n);
/* Prints "siksdesa: <msg>" to stderr; returns status. */
int cli_error(cli_ctx *c, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int cli_err(cli_ctx *c, int status, const siks_err *e);
/* 1 when argv holds -h or --help: prints the command's usage and help. */
int cli_wants_help(cli_ctx *c, int argc, char **argv);
/* Usage error: prints usage and returns 2. */
int cli_usage(cli_ctx *c, const char *cmd);

/* The command named name, or NULL. */
const cli_cmd *cli_find(const char *name);
/* The program's usage: every command's usage line and the general options. */
void cli_usage_all(FILE *f);

/* `siksdesa latihan ...` (cmd_latihan.c), also reached from the start screen. */
int cmd_latihan(cli_ctx *c, int argc, char **argv);

/* The UI (src/tui/); returns the exit status. */
int tui_main(cli_ctx *c);
#endif
