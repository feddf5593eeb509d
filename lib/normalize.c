/* normalize.c — stage 2: the decoded text as every later stage reads it.
 * NFKC through utf8proc (full-width digits, letters and punctuation become
 * ASCII) plus the folds reports need and NFKC lacks. Every output byte keeps
 * the original offset of the character it came from, and no line break is
 * added or removed, so lines stay the original lines. A page in traditional
 * characters and pinyin glosses are counted on the way and rewritten at the
 * end (trad.c). */
#include "text.h"
#include "trad.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef struct {
    bg_text *t;             /* its lines; text and length are m's until the end */
    bg_mapped m;            /* the text with the plain map while it is built */
    size_t lines_cap;
} out_state;

static void emit(out_state *o, uint32_t cp, uint32_t from)
{
    char tmp[4];
    int n = bg_utf8_put(cp, tmp);
    bg_mapped_put(&o->m, tmp, (size_t)n, from);
    if (cp == '\n')
        BG_PUSH(o->t->lines, o->t->nlines, o->lines_cap, o->m.len);
}

/* Folds NFKC lacks, or that NFKC would do wrong for reports. Returns the
 * replacement, 0 to drop the character, or UINT32_MAX for "no fold". */
static uint32_t report_fold(uint32_t cp)
{
    switch (cp) {
    case 0x2266: case 0x2A7D: return 0x2264;   /* ≦ ⩽ -> ≤ */
    case 0x2267: case 0x2A7E: return 0x2265;   /* ≧ ⩾ -> ≥ */
    case 0x3000: case 0x00A0: case 0x202F: case 0x205F:
    case 0x2028: case 0x2029: case 0x0085: case 0x1680:
        return ' ';
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
        return 0;
    case 0x2026:                                /* … stays one character */
        return cp;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return ' ';
    if (cp >= 0x2460 && cp <= 0x2473)           /* ①..⑳ are heading markers, NFKC would make them digits */
        return cp;
    return UINT32_MAX;
}

static void emit_nfkc(out_state *o, uint32_t cp, uint32_t from)
{
    const utf8proc_property_t *prop = utf8proc_get_property((utf8proc_int32_t)cp);
    if (prop->decomp_seqindex == UINT16_MAX) {
        emit(o, cp, from);
        return;
    }
    utf8proc_int32_t buf[32];
    int last_boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, buf, 32,
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last_boundclass);
    if (n <= 0 || n > 32) {
        emit(o, cp, from);
        return;
    }
    if (n > 1)
        n = utf8proc_normalize_utf32(buf, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    for (utf8proc_ssize_t i = 0; i < n; i++)
        emit(o, (uint32_t)buf[i], from);
}

/* Length of a Word-conversion bookmark such as "[bookmark: _GoBack]" at s, or 0. */
static size_t bookmark_len(const char *s, size_t n)
{
    static const char tag[] = "[bookmark:";
    if (n < sizeof tag - 1 || memcmp(s, tag, sizeof tag - 1) != 0)
        return 0;
    for (size_t i = sizeof tag - 1; i < n && i < 120; i++) {
        if (s[i] == ']')
            return i + 1;
        if (s[i] == '\n' || s[i] == '\r')
            return 0;
    }
    return 0;
}

static uint32_t orig_of(const bg_decoded *d, size_t i)
{
    return (uint32_t)(d->orig ? d->orig[i] : d->base + i);
}

/* The plain map orig (len + 1 entries) in the packed form of bg_text. */
static void pack_orig(bg_text *t, const uint32_t *orig)
{
    size_t n = t->len + 1, nblocks = (n + BG_ORIG_BLOCK - 1) / BG_ORIG_BLOCK, nwide = 0, wide_cap = 0;
    t->orig_block = bg_xmalloc(nblocks * sizeof *t->orig_block);
    t->orig_delta = bg_xmalloc(n);
    for (size_t b = 0; b < nblocks; b++) {
        size_t at = b * BG_ORIG_BLOCK, end = at + BG_ORIG_BLOCK < n ? at + BG_ORIG_BLOCK : n;
        uint32_t first = orig[at];
        int fits = 1;
        for (size_t i = at; i < end && fits; i++)
            fits = orig[i] >= first && orig[i] - first <= UINT8_MAX;
        if (fits) {
            t->orig_block[b] = first;
            for (size_t i = at; i < end; i++)
                t->orig_delta[i] = (uint8_t)(orig[i] - first);
            continue;
        }
        bg_grow(&t->orig_wide, &wide_cap, (nwide + 1) * BG_ORIG_BLOCK, sizeof *t->orig_wide);
        memcpy(t->orig_wide + nwide * BG_ORIG_BLOCK, orig + at, (end - at) * sizeof *orig);
        t->orig_block[b] = BG_ORIG_WIDE | (uint32_t)nwide++;
    }
    bg_shrink(&t->orig_wide, &wide_cap, nwide * BG_ORIG_BLOCK, sizeof *t->orig_wide);
}

/* The line starts again, after a rewrite that kept every line break. */
static void find_lines(out_state *o)
{
    bg_text *t = o->t;
    t->nlines = 1;
    for (const char *p = o->m.s, *end = o->m.s + o->m.len; p < end && (p = memchr(p, '\n', (size_t)(end - p)));) {
        p++;
        BG_PUSH(t->lines, t->nlines, o->lines_cap, (size_t)(p - o->m.s));
    }
}

void bg_normalize(const bg_decoded *d, bg_text *t, bg_warnings *w)
{
    memset(t, 0, sizeof *t);
    out_state o = { t, { NULL, NULL, 0, 0 }, 0 };
    BG_PUSH(t->lines, t->nlines, o.lines_cap, 0);
    size_t nul_count = 0;
    long nul_line = 0;
    bg_script_count script = { 0, 0 };
    bg_mapped_room(&o.m, d->len);   /* NFKC rarely lengthens report text */
    for (size_t i = 0; i < d->len;) {
        const char *p = d->s + i;
        const unsigned char *u = (const unsigned char *)p;
        /* Fast paths for what NFKC and the folds leave alone: runs of printable
         * ASCII and TAB (not '[', which may start a bookmark), and the CJK
         * ideographs U+3400..U+9FFF, none of which has a decomposition. */
        if ((u[0] >= 0x20 && u[0] < 0x7F && u[0] != '[') || u[0] == '\t') {
            size_t j = i + 1;
            while (j < d->len && ((d->s[j] >= 0x20 && d->s[j] < 0x7F && d->s[j] != '[') || d->s[j] == '\t'))
                j++;
            bg_mapped_room(&o.m, j - i);
            memcpy(o.m.s + o.m.len, p, j - i);
            for (size_t k = i; k < j; k++)
                o.m.orig[o.m.len + (k - i)] = orig_of(d, k);
            o.m.len += j - i;
            i = j;
            continue;
        }
        if (u[0] >= 0xE3 && u[0] <= 0xE9 && d->len - i >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
            uint32_t c3 = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
            if (c3 >= 0x3400 && c3 <= 0x9FFF) {
                script.trad += bg_trad_only[c3 - BG_TRAD_FIRST];
                bg_mapped_put(&o.m, p, 3, orig_of(d, i));
                i += 3;
                continue;
            }
        }
        uint32_t from = orig_of(d, i), cp;
        size_t skip = *p == '[' ? bookmark_len(p, d->len - i) : 0;
        if (skip) {
            i += skip;
            continue;
        }
        int len = bg_utf8_next(p, d->len - i, &cp);
        i += (size_t)len;
        if (cp >= 0xE0 && cp <= 0x30C)
            script.tones += (size_t)bg_pinyin_toned(cp);
        if (cp == '\r') {
            if (i < d->len && d->s[i] == '\n')
                continue;           /* CRLF: the LF ends the line */
            emit(&o, '\n', from);
            continue;
        }
        if (cp == '\n' || cp == '\t' || (cp >= 0x20 && cp < 0x7F)) {
            emit(&o, cp, from);
            continue;
        }
        uint32_t f = report_fold(cp);     /* before dropping controls: NEL is a space */
        if (f == UINT32_MAX && (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))) {
            if (cp == 0 && nul_count++ == 0)
                nul_line = (long)t->nlines;
            continue;               /* controls, form feeds of PDF page breaks */
        }
        if (f == 0)
            continue;
        if (f != UINT32_MAX)
            emit(&o, f, from);
        else
            emit_nfkc(&o, cp, from);
    }
    if (nul_count)
        bg_warn(w, nul_line, "%zu NUL byte%s removed from the text", nul_count, nul_count > 1 ? "s" : "");
    if (bg_trad_rewrite(&o.m, &script, w))
        find_lines(&o);
    t->len = o.m.len;
    t->s = bg_xrealloc(o.m.s, t->len + 1);
    t->s[t->len] = '\0';
    o.m.orig[t->len] = (uint32_t)d->orig_len;
    pack_orig(t, o.m.orig);
    free(o.m.orig);
    t->encoding = d->encoding;
}

size_t bg_text_orig(const bg_text *t, size_t i)
{
    uint32_t first = t->orig_block[i / BG_ORIG_BLOCK];
    if (first & BG_ORIG_WIDE)
        return t->orig_wide[(size_t)(first & ~BG_ORIG_WIDE) * BG_ORIG_BLOCK + i % BG_ORIG_BLOCK];
    return first + t->orig_delta[i];
}

void bg_text_free(bg_text *t)
{
    free(t->s);
    free(t->orig_block);
    free(t->orig_delta);
    free(t->orig_wide);
    free(t->lines);
    memset(t, 0, sizeof *t);
}

size_t bg_text_line_count(const bg_text *t)
{
    /* The line after a final line break counts only if the original has
     * bytes there that normalization dropped (a NUL, a bad byte). */
    if (t->nlines > 1 && t->len && t->s[t->len - 1] == '\n'
        && bg_text_orig(t, t->len) - bg_text_orig(t, t->len - 1) <= (strncmp(t->encoding ? t->encoding : "", "UTF-16", 6) == 0 ? 2u : 1u))
        return t->nlines - 1;
    return t->nlines;
}

long bg_text_line(const bg_text *t, size_t off)
{
    size_t lo = 0, hi = t->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (long)lo + 1;
}

void bg_text_span(const bg_text *t, size_t a, size_t b, size_t *oa, size_t *ob)
{
    if (a > t->len) a = t->len;
    if (b > t->len) b = t->len;
    *oa = bg_text_orig(t, a);
    /* Bytes of one original character expanded by NFKC share its offset;
     * the span ends where the next original character begins. */
    while (b < t->len && b > a && bg_text_orig(t, b) == bg_text_orig(t, b - 1))
        b++;
    *ob = bg_text_orig(t, b);
    if (*ob < *oa)
        *ob = *oa;
}
