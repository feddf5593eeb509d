/* text.h — the first two stages: raw bytes to UTF-8 (decode), UTF-8 to the
 * normalized text every later stage reads (normalize), and the map that takes
 * any normalized offset back to the ORIGINAL bytes and line. */
#ifndef BAOGAO_TEXT_H
#define BAOGAO_TEXT_H

#include <string.h>

#include "baogao.h"
#include "util.h"

/* Inputs are limited so that a uint32_t offset map suffices (README: limits). */
#define BG_MAX_INPUT ((size_t)1 << 30)

/* Decoded UTF-8 and, per byte, the original offset of the character it came
 * from. orig == NULL means the identity shifted by `base` (plain UTF-8). */
typedef struct {
    char *s;
    size_t len;
    uint32_t *orig;
    size_t base;
    size_t orig_len;        /* size of the original input */
    const char *encoding;   /* static string: "UTF-8", "UTF-16LE", "GB18030", or the forced name */
} bg_decoded;

/* Detect (or take `force`) the encoding and decode. On failure returns -1 and
 * fills *err with the byte offset. Caller frees with bg_decoded_free(). */
int bg_decode(const unsigned char *in, size_t n, const char *force, int lossy,
              bg_decoded *out, bg_warnings *w, baogao_error *err);
void bg_decoded_free(bg_decoded *d);
/* 1 if `name` can be decoded (a built-in decoder or one iconv knows). */
int bg_encoding_known(const char *name);

/* The normalized text. Line k (1-based) starts at lines[k - 1]; normalization
 * keeps every line break of the original (LF, CRLF and CR each count once), so
 * line numbers here ARE original line numbers. */
typedef struct {
    char *s;                /* NUL-terminated */
    size_t len;
    /* The original offset of every byte (len + 1 entries, the last being the
     * original size), read with bg_text_orig(): for each 64 bytes the offset
     * of the first (orig_block), and for each byte how far past it its own
     * lies (orig_delta, one byte). A block whose offsets spread further (text
     * dropped inside it: NULs, bookmarks, zero-width runs) is kept whole in
     * orig_wide, and its orig_block entry is BG_ORIG_WIDE | its index there.
     * A plain map was four bytes per byte, the largest memory of a conversion. */
    uint32_t *orig_block;
    uint8_t *orig_delta;
    uint32_t *orig_wide;
    size_t *lines;
    size_t nlines;
    const char *encoding;
} bg_text;

#define BG_ORIG_BLOCK 64
#define BG_ORIG_WIDE ((uint32_t)1 << 31)    /* offsets are below BG_MAX_INPUT */

void bg_normalize(const bg_decoded *d, bg_text *t, bg_warnings *w);

/* A text being built with the original offset of each byte (normalize, and
 * the rewrite of trad.c): room for cap bytes in both arrays. */
typedef struct {
    char *s;
    uint32_t *orig;
    size_t len, cap;
} bg_mapped;

/* Room for n more bytes, and a final NUL. Inline: normalize calls it for
 * every ideograph. */
static inline void bg_mapped_room(bg_mapped *m, size_t n)
{
    if (m->len + n + 1 <= m->cap)
        return;
    size_t cap = m->cap ? m->cap : 64;
    while (cap < m->len + n + 1)
        cap *= 2;
    m->s = bg_xrealloc(m->s, cap);
    m->orig = bg_xrealloc(m->orig, cap * sizeof *m->orig);
    m->cap = cap;
}

/* The n bytes of one character, each mapped to `from`. */
static inline void bg_mapped_put(bg_mapped *m, const char *p, size_t n, uint32_t from)
{
    bg_mapped_room(m, n);
    memcpy(m->s + m->len, p, n);
    for (size_t i = 0; i < n; i++)
        m->orig[m->len + i] = from;
    m->len += n;
}

/* The original byte offset of normalized byte i (0 <= i <= len). */
size_t bg_text_orig(const bg_text *t, size_t i);
void bg_text_free(bg_text *t);

/* Lines as a reader counts them: a final line break ends the last line
 * rather than starting an empty one (as wc -l counts). */
size_t bg_text_line_count(const bg_text *t);

/* Where line k (0-based) ends: its last byte before the line break, or the
 * text's end. */
static inline size_t bg_line_end(const bg_text *t, size_t k)
{
    return k + 1 < t->nlines ? t->lines[k + 1] - 1 : t->len;
}

/* 1-based original line of normalized offset off. */
long bg_text_line(const bg_text *t, size_t off);
/* Original byte span [*oa, *ob) of normalized span [a, b). */
void bg_text_span(const bg_text *t, size_t a, size_t b, size_t *oa, size_t *ob);

#endif
