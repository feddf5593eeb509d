/* util.c — allocation, buffers, warnings, UTF-8 stepping. */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t n)
{
    fprintf(stderr, "baogao: out of memory (%zu bytes)\n", n);
    abort();
}

void *bg_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *bg_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *bg_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *bg_xstrndup(const char *s, size_t n)
{
    char *p = bg_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *bg_xstrdup(const char *s)
{
    return bg_xstrndup(s, strlen(s));
}

char *bg_xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = bg_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void bg_grow(void *items_ptr, size_t *cap, size_t need, size_t size)
{
    void **items = items_ptr;
    if (need <= *cap)
        return;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need)
        ncap *= 2;
    *items = bg_xrealloc(*items, ncap * size);
    *cap = ncap;
}

void bg_shrink(void *items_ptr, size_t *cap, size_t n, size_t size)
{
    void **items = items_ptr;
    if (n == 0 || n >= *cap)
        return;
    *items = bg_xrealloc(*items, n * size);
    *cap = n;
}

void bg_buf_add(bg_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap)
        bg_grow(&b->s, &b->cap, b->len + n + 1, 1);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void bg_buf_addc(bg_buf *b, char c)
{
    bg_buf_add(b, &c, 1);
}

void bg_buf_adds(bg_buf *b, const char *s)
{
    bg_buf_add(b, s, strlen(s));
}

void bg_buf_free(bg_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void bg_warn(bg_warnings *w, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = bg_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    bg_warning item = { line, msg };
    BG_PUSH(w->items, w->n, w->cap, item);
}

void bg_warnings_free(bg_warnings *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->items[i].message);
    free(w->items);
    w->items = NULL;
    w->n = w->cap = 0;
}

/* bg_utf8_next, inlined into the loops of this file. */
static inline int utf8_next(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0) {
        *cp = 0;
        return 0;
    }
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    int len = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 0;
    if (len == 0 || (size_t)len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    uint32_t c = u[0] & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    *cp = c;
    return len;
}

int bg_utf8_next(const char *s, size_t n, uint32_t *cp)
{
    return utf8_next(s, n, cp);
}

int bg_utf8_put(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Characters are the bytes that are not continuation bytes (10xxxxxx),
 * counted eight at a time: lines and cells are counted often (every line
 * against a heading's or a label's length), and bytewise this was 3% of a
 * run. */
size_t bg_utf8_count(const char *s, size_t n)
{
    const uint64_t high = 0x8080808080808080u;
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        uint64_t c = v & ~(v << 1) & high;     /* bit 7 set, bit 6 clear */
        cont += (size_t)(((c >> 7) * 0x0101010101010101u) >> 56);
    }
    for (; i < n; i++)
        cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return n - cont;
}

int bg_is_cjk(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF)      /* radicals, CJK punctuation, kana, ideographs */
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0x20000 && cp <= 0x3FFFF)
        || cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D   /* quotes used in Chinese text */
        || cp == 0x2014 || cp == 0x2026;                                   /* — … */
}

static int space_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* keep_spaces 0: a name or title (bg_clean); 1: free text (bg_clean_text). */
static inline char *clean(const char *s, size_t n, int keep_spaces)
{
    /* Every space written stands for at least one space byte read: the
     * result is never longer than s, so it is written in place, unchecked. */
    char *out = bg_xmalloc(n + 1);
    size_t len = 0;
    uint32_t prev = 0;          /* last character written, 0 at the start */
    int pending = 0;            /* 1: whitespace before the next character; 2: a space the report printed */
    for (size_t i = 0; i < n;) {
        if (space_byte(s[i])) {
            if (prev != 0 && pending < 2)
                pending = keep_spaces && s[i] != '\n' ? 2 : 1;
            i++;
            continue;
        }
        const unsigned char *u = (const unsigned char *)s + i;
        uint32_t cp;
        size_t clen = (size_t)bg_utf8_step(s + i, n - i, &cp);
        if (pending == 2 || (pending == 1 && !bg_is_cjk(prev) && !bg_is_cjk(cp)))
            out[len++] = ' ';
        pending = 0;
        out[len] = (char)u[0];
        for (size_t k = 1; k < clen; k++)
            out[len + k] = (char)u[k];
        len += clen;
        prev = cp;
        i += clen;
    }
    out[len] = '\0';
    return out;
}

char *bg_clean(const char *s, size_t n)
{
    return clean(s, n, 0);
}

char *bg_clean_text(const char *s, size_t n)
{
    return clean(s, n, 1);
}

int bg_utf8_valid(const char *s, size_t n)
{
    for (size_t i = 0, len; i < n; i += len)
        if ((len = bg_utf8_valid_len(s + i, n - i)) == 0)
            return 0;
    return 1;
}

void bg_buf_add_utf8(bg_buf *b, const char *s, size_t n)
{
    size_t from = 0, i = 0;
    while (i < n) {
        size_t len = bg_utf8_valid_len(s + i, n - i);
        if (len) {
            i += len;
            continue;
        }
        bg_buf_add(b, s + from, i - from);
        bg_buf_adds(b, "\xEF\xBF\xBD");
        from = ++i;
    }
    bg_buf_add(b, s + from, n - from);
}

size_t bg_utf8_fit(char *buf, size_t size, const char *s, size_t n)
{
    if (size == 0)
        return 0;
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t len = bg_utf8_valid_len(s + i, n - i);
        const char *c = len ? s + i : "\xEF\xBF\xBD";
        size_t clen = len ? len : 3;
        if (out + clen >= size)
            break;
        memcpy(buf + out, c, clen);
        out += clen;
        i += len ? len : 1;
    }
    buf[out] = '\0';
    return out;
}

void bg_fixed_vprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    size_t len = n > 0 ? (size_t)n : 0;
    char *p = bg_xmalloc(len + 1);
    vsnprintf(p, len + 1, fmt, again);
    va_end(again);
    bg_utf8_fit(buf, size, p, len);
    free(p);
}

void bg_fixed_printf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bg_fixed_vprintf(buf, size, fmt, ap);
    va_end(ap);
}

long bg_utf8_invalid_line(const char *s, size_t n)
{
    long line = 1;
    for (size_t i = 0; i < n;) {
        size_t len = bg_utf8_valid_len(s + i, n - i);
        if (!len)
            return line;
        line += s[i] == '\n';
        i += len;
    }
    return 0;
}
