/* text.h — UTF-8 text as the screen sees it: characters and columns, never
 * bytes. In a non-UTF-8 locale (LANG=C) every non-ASCII character is shown
 * as one ASCII letter (transliterated), so names never turn into garbage and
 * the column arithmetic stays the same. Stored text is always UTF-8. */
#ifndef TUI_TEXT_H
#define TUI_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include <curses.h>

/* Call once after the locale is set: 1 when the terminal speaks UTF-8. */
void text_set_utf8(int utf8);
int text_utf8(void);

/* Decodes one character at s (not at the NUL): returns its byte length
 * (1 for an invalid byte, whose code point is U+FFFD). */
int u8_decode(const char *s, uint32_t *cp);
/* Encodes cp into out (at least 4 bytes); returns the byte length. */
int u8_encode(uint32_t cp, char *out);
/* Byte offset of the character after / before byte offset i. */
size_t u8_next(const char *s, size_t i);
size_t u8_prev(const char *s, size_t i);
/* Number of characters; number of screen columns. */
int u8_chars(const char *s);
int u8_cpwidth(uint32_t cp);
int u8_width(const char *s);

/* The ASCII letter shown for cp in a non-UTF-8 terminal ('?' when none,
 * 0 for a combining mark that is dropped). */
char translit_char(uint32_t cp);
/* Whole string into out (NUL-terminated, cropped to n-1 bytes). */
void translit(const char *in, char *out, size_t n);

/* Draws s at (y,x) in exactly width columns: cropped at a character
 * boundary, padded with spaces. Returns the columns of text drawn. */
int text_draw(WINDOW *w, int y, int x, const char *s, int width, int attr);
/* Same, text right-aligned in width. */
int text_draw_right(WINDOW *w, int y, int x, const char *s, int width, int attr);
/* Splits text into at most max lines of width columns, breaking at spaces
 * and at newlines; returns the count. */
int text_wrap(const char *text, int width, char lines[][256], int max);
/* Column of byte offset i inside s. */
int u8_col_of(const char *s, size_t i);
#endif
