/* trad.h — the last step of normalization: a page that a mirror site turned
 * into traditional characters is read in simplified characters (OpenCC's
 * t2s), and pinyin glosses printed after characters (績(jī)效) are removed,
 * so that every pattern, written in simplified characters, applies. Each
 * character keeps the original offset of the one it replaces. */
#ifndef BAOGAO_TRAD_H
#define BAOGAO_TRAD_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* 1 for each ideograph of U+3400..U+9FFF that occurs only in traditional
 * text (at cp - BG_TRAD_FIRST), 0 for the others; generated at build time
 * from OpenCC's own tables by tools/trad_only.c. normalize counts them as it
 * goes, at the cost of one load and one add an ideograph (a byte each rather
 * than a bit: twice fewer instructions, on the stage's hottest path), so
 * that a simplified page never loads OpenCC. */
#define BG_TRAD_FIRST 0x3400u
#define BG_TRAD_LAST 0x9FFFu
extern const unsigned char bg_trad_only[BG_TRAD_LAST - BG_TRAD_FIRST + 1];

/* 1 if cp is a vowel with a pinyin tone mark (ā á ǎ à … ǜ). */
int bg_pinyin_toned(uint32_t cp);

/* What normalize counted in the text: traditional-only ideographs, and
 * vowels with a tone mark. */
typedef struct {
    size_t trad, tones;
} bg_script_count;

/* Removes the pinyin glosses of normalize's text (if it counted a tone mark)
 * and converts a page in traditional characters, each with a warning; the
 * text is then replaced by a new one. Returns 1 if it changed the text, 0 if
 * not. */
int bg_trad_rewrite(bg_mapped *text, const bg_script_count *c, bg_warnings *w);

#endif
