/* scr_auth.h — the screens of issue 6: who is working (login, first admin,
 * operator menu), the damaged-register screen at start, the change
 * history, and a backup onto a USB stick in one step. */
#ifndef TUI_SCR_AUTH_H
#define TUI_SCR_AUTH_H
#include "tui.h"

/* Opens the register for the UI (the terminal is already started): a
 * damaged file gets a screen that offers the newest good backup; a file in
 * use by another program or on a network share is explained. Then the
 * daily backup, and the login when accounts exist (--operator NAME with
 * $SIKSDESA_PIN logs in without asking). 0, or -1 when the UI should end
 * (u->s is then NULL). */
int tui_open_register(ui *u, cli_ctx *c);
/* Asks who is working and their PIN until one logs in. must: Esc ends the
 * program (-1); otherwise Esc keeps the current operator (1). 0 logged in. */
int tui_login(ui *u, int must);
/* The operator menu: change operator, own PIN, add an operator, mask NIK;
 * with no account yet, creates the first admin. */
void tui_operator_menu(ui *u);
/* The change history of one household (id) or, with NULL, of the whole
 * site over the last 30 days; can be saved as CSV. */
void tui_history(ui *u, const char *household_id);
/* A backup onto a USB stick (or a folder typed in) in one step. */
void tui_backup_usb(ui *u);

/* A one-line input that shows * for each character (PINs). 0 accepted,
 * -1 on Esc. */
int dlg_secret(ui *u, const char *title, const char *prompt, char *out, size_t n);
#endif
