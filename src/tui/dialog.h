/* dialog.h — modal dialogs drawn over the current screen: a question with
 * buttons, a message, a choice from a list, a one-line input. Each runs its
 * own key loop, survives a resize (the screen beneath is repainted through
 * ui->paint), and returns the operator's answer; none exits. */
#ifndef TUI_DIALOG_H
#define TUI_DIALOG_H
#include <stddef.h>
#include "tui.h"

/* Buttons are translated labels; each is chosen by its first letter, by
 * Left/Right and Enter. Returns the button's index, -1 on Esc. */
int dlg_ask(ui *u, const char *title, const char *text, const char *const *buttons, int n);
void dlg_message(ui *u, const char *title, const char *text);
/* A list to choose from (type-ahead on the first letters); -1 on Esc. */
int dlg_choose(ui *u, const char *title, const char *const *items, int n, int sel);
/* A one-line input prefilled with out; 0 when accepted (out holds the text),
 * -1 on Esc. digits: only 0-9. */
int dlg_input(ui *u, const char *title, const char *prompt, char *out, size_t n,
	      int maxchars, int digits);
#endif
