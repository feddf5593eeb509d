/* util.h — small pieces every stage uses: growable arrays, the warning list,
 * UTF-8 stepping. Internal to the library. */
#ifndef BAOGAO_UTIL_H
#define BAOGAO_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Allocation failure aborts the process, as jq's allocator does: the input
 * size limit (BG_MAX_INPUT) keeps normal use far from it, and it spares every
 * caller an error path that could never be tested. */
void *bg_xmalloc(size_t n);
void *bg_xcalloc(size_t count, size_t size);
void *bg_xrealloc(void *p, size_t n);
char *bg_xstrndup(const char *s, size_t n);
char *bg_xstrdup(const char *s);
char *bg_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *items (each `size` bytes) so that index `need - 1` is valid. */
void bg_grow(void *items_ptr, size_t *cap, size_t need, size_t size);
/* Give back the room growth left unused once an array is complete (doubling
 * leaves up to half of it). */
void bg_shrink(void *items_ptr, size_t *cap, size_t n, size_t size);

#define BG_PUSH(arr, n, cap, value) do { \
    bg_grow(&(arr), &(cap), (n) + 1, sizeof *(arr)); \
    (arr)[(n)++] = (value); \
} while (0)

/* A growable byte string; s is always NUL-terminated once anything is added. */
typedef struct {
    char *s;
    size_t len, cap;
} bg_buf;

void bg_buf_add(bg_buf *b, const char *s, size_t n);
void bg_buf_addc(bg_buf *b, char c);
void bg_buf_adds(bg_buf *b, const char *s);
void bg_buf_free(bg_buf *b);

/* Warnings, in the order they were found. Owned by the result. */
typedef struct {
    long line;          /* original line, 0 if none */
    char *message;
} bg_warning;

typedef struct {
    bg_warning *items;
    size_t n, cap;
} bg_warnings;

void bg_warn(bg_warnings *w, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void bg_warnings_free(bg_warnings *w);

/* Does s[0, n) hold nothing but spaces? */
static inline int bg_spaces_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ')
            return 0;
    return 1;
}

/* Decode one UTF-8 character of already-validated text at s (n bytes left).
 * Returns its length (1 for a stray byte, which yields cp = 0xFFFD). */
int bg_utf8_next(const char *s, size_t n, uint32_t *cp);
/* bg_utf8_next with its common cases in line (ASCII, and the three-byte
 * characters most of CJK is), for the loops that read every character. */
static inline int bg_utf8_step(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n > 0 && u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (n >= 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        *cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
        return 3;
    }
    return bg_utf8_next(s, n, cp);
}
/* Encode cp into out (4 bytes room); returns the length. */
int bg_utf8_put(uint32_t cp, char *out);
/* Number of characters (code points) in s[0..n). */
size_t bg_utf8_count(const char *s, size_t n);

/* Length of the well-formed UTF-8 character at s (n bytes left), 0 when the
 * bytes there are not one. Strict: no overlongs, no surrogates, nothing
 * above U+10FFFF. Reads the bytes in order and stops at the first that does
 * not belong, so a NUL ends a string safely whatever n says. Inline: the
 * JSON writer asks it for every character it writes. */
static inline size_t bg_utf8_valid_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0)
        return 0;
    if (u[0] < 0x80)
        return 1;
    if ((u[0] >= 0xE1 && u[0] <= 0xEC) || u[0] >= 0xEE) {     /* most of CJK: no overlong, no surrogate to rule out */
        if (u[0] <= 0xEF)
            return n >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 ? 3 : 0;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (u[0] >= 0xC2 && u[0] <= 0xDF)
        len = 2;
    else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
        len = 3;
        lo = u[0] == 0xE0 ? 0xA0 : 0x80;
        hi = u[0] == 0xED ? 0x9F : 0xBF;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        len = 4;
        lo = u[0] == 0xF0 ? 0x90 : 0x80;
        hi = u[0] == 0xF4 ? 0x8F : 0xBF;
    } else
        return 0;
    if (len > n || u[1] < lo || u[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if (u[k] < 0x80 || u[k] > 0xBF)
            return 0;
    return len;
}
/* 1 if s[0..n) is well-formed UTF-8. */
int bg_utf8_valid(const char *s, size_t n);
/* Append s[0..n) to b, each byte that starts no well-formed character
 * written as U+FFFD: what goes out is UTF-8 whatever came in. */
void bg_buf_add_utf8(bg_buf *b, const char *s, size_t n);

/* The one way text goes into a fixed-size buffer (an error's file and
 * message): s[0..n) copied as well-formed UTF-8 (bad bytes as U+FFFD), cut
 * before the first character that would not fit whole, NUL-terminated.
 * Returns the length written. Nothing is ever cut inside a character. */
size_t bg_utf8_fit(char *buf, size_t size, const char *s, size_t n);
/* printf into a fixed-size buffer through bg_utf8_fit. */
void bg_fixed_vprintf(char *buf, size_t size, const char *fmt, va_list ap);
void bg_fixed_printf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* 1-based line of the first invalid UTF-8 sequence in s[0..n), or 0. */
long bg_utf8_invalid_line(const char *s, size_t n);

/* True for Han ideographs and CJK punctuation, the characters next to which
 * a space is layout residue rather than a word separator. */
int bg_is_cjk(uint32_t cp);


/* A name or title as a reader writes it down: whitespace runs become one
 * space, and a space next to a CJK character is dropped (layout residue:
 * "高邑县医疗保障局 部门 2021 年度" -> "高邑县医疗保障局部门2021年度").
 * Caller frees. */
char *bg_clean(const char *s, size_t n);
/* Free text as a reader copies it (a goal, a description, a note): the
 * spaces the report printed stay, as one space each run, even between CJK
 * characters ("…管理目标1 目标2…"); a line break is a wrap, dropped next to a CJK
 * character as bg_clean drops it. Caller frees. */
char *bg_clean_text(const char *s, size_t n);

#endif
