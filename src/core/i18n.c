/* i18n.c — locale and message catalogue set-up.
 * Message ids are Indonesian. English comes from data/locale/en/... built
 * from data/po/en.po. gettext ignores LANGUAGE when LC_MESSAGES is plain "C",
 * so for English under LANG=C we switch LC_MESSAGES to C.UTF-8. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/i18n.h"
#include "siks/platform.h"

static int utf8 = 0;
static char lang_now[3] = "id";

static int wants_english(const char *lang)
{
	if (lang)
		return strncmp(lang, "en", 2) == 0;
	const char *l = getenv("LANGUAGE");
	if (l && *l)
		return strncmp(l, "en", 2) == 0;
	l = getenv("LC_ALL");
	if (!l || !*l)
		l = getenv("LC_MESSAGES");
	if (!l || !*l)
		l = getenv("LANG");
	return l && strncmp(l, "en", 2) == 0;
}

void siks_i18n_init(const char *lang)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	utf8 = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);

	char dir[1024], loc[1100];
	if (plat_data_dir(dir, sizeof dir) == 0) {
		snprintf(loc, sizeof loc, "%s/locale", dir);
		bindtextdomain("siksdesa", loc);
	}
	bind_textdomain_codeset("siksdesa", "UTF-8");
	textdomain("siksdesa");

	if (wants_english(lang)) {
		const char *cur = setlocale(LC_MESSAGES, NULL);
		if (!cur || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
			setlocale(LC_MESSAGES, "C.UTF-8");
		setenv("LANGUAGE", "en", 1);
		strcpy(lang_now, "en");
	} else {
		/* Indonesian is the msgid language: no catalogue needed. */
		setenv("LANGUAGE", "id", 1);
		strcpy(lang_now, "id");
	}
	/* Tell gettext the language changed (its cache). */
	extern int _nl_msg_cat_cntr;
	++_nl_msg_cat_cntr;
}

int siks_i18n_utf8(void)
{
	return utf8;
}

const char *siks_i18n_lang(void)
{
	return lang_now;
}
