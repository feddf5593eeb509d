/* regex_first.h — the characters a match of an anchored expression can start
 * with, read from its source (bg_match's prefilter). */
#ifndef BAOGAO_REGEX_FIRST_H
#define BAOGAO_REGEX_FIRST_H

#include <stddef.h>
#include <stdint.h>

#define BG_FIRST_RANGES 12

typedef struct {
    uint32_t lo, hi;        /* code points, inclusive */
} bg_cp_range;

/* For an expression that starts with ^ and has a single top-level
 * alternative: the code points a match can start with, as at most
 * BG_FIRST_RANGES ranges, in first[]; returns how many (>= 1), or 0 when they
 * are not known for certain (any construct but literals, classes of
 * literals, groups, alternation and quantifiers before the first character;
 * an expression that may match an empty string). */
size_t bg_regex_first_chars(const char *pattern, bg_cp_range first[BG_FIRST_RANGES]);

#endif
