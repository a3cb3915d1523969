/* i18n.h — gettext for every user-visible string.
 * Message ids are written in Indonesian (the default UI language); data/po/en.po
 * holds the English translation. Mark strings with _() where used and N_() in
 * static tables (translated when shown). */
#ifndef SIKS_I18N_H
#define SIKS_I18N_H
#include <libintl.h>
#define _(s) gettext(s)
#define N_(s) (s)

/* Sets up the locale and the message catalogue. lang: NULL (from the
 * environment: LANGUAGE / LANG), "id" or "en". Safe to call more than once. */
void siks_i18n_init(const char *lang);
/* 1 when the terminal's character set is UTF-8 (after siks_i18n_init). */
int siks_i18n_utf8(void);
/* "id" or "en": the language messages are shown in. */
const char *siks_i18n_lang(void);
#endif
