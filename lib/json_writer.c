/* json_writer.c — see json_writer.h. */
#include "json_writer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "util.h"


static void jw_reserve(jw *w, size_t n)
{
    if (w->len + n + 1 <= w->cap)
        return;
    size_t cap = w->cap ? w->cap : 4096;
    while (cap < w->len + n + 1)
        cap *= 2;
    w->s = bg_xrealloc(w->s, cap);
    w->cap = cap;
}

static void jw_put(jw *w, const char *s, size_t n)
{
    jw_reserve(w, n);
    memcpy(w->s + w->len, s, n);
    w->len += n;
}

static void jw_putc(jw *w, char c)
{
    jw_reserve(w, 1);
    w->s[w->len++] = c;
}

static void jw_tabs(jw *w, size_t n)
{
    jw_reserve(w, n);
    memset(w->s + w->len, '\t', n);
    w->len += n;
}

/* Bytes that leave the fast path of a string: 1, what cJSON escapes (the C0
 * controls, '"' and '\\'; NUL ends the string); 2, the bytes from 0x80, which
 * must start a well-formed UTF-8 character to go out as they are. */
static const unsigned char escaped[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/* A string as cJSON escapes it: " \ and the C0 controls; well-formed UTF-8
 * as it is. A byte that starts no well-formed character goes out as U+FFFD,
 * so the output is UTF-8 whatever a caller hands in (README: guarantees). */
static void jw_quoted(jw *w, const char *str)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)(str ? str : "");
    jw_putc(w, '"');
    for (;;) {
        const unsigned char *p = s;
        size_t len;
        for (;;) {
            while (!escaped[*p])
                p++;
            if (escaped[*p] != 2 || (len = bg_utf8_valid_len((const char *)p, 4)) == 0)
                break;
            p += len;
        }
        jw_put(w, (const char *)s, (size_t)(p - s));
        unsigned char c = *p;
        if (c == '\0')
            break;
        s = p + 1;
        if (c >= 0x80) {
            jw_put(w, "\xEF\xBF\xBD", 3);
            continue;
        }
        char esc[6] = { '\\', 0, 0, 0, 0, 0 };
        size_t k = 2;
        switch (c) {
        case '\\': esc[1] = '\\'; break;
        case '"': esc[1] = '"'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u'; esc[2] = '0'; esc[3] = '0'; esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
            k = 6;
        }
        jw_put(w, esc, k);
    }
    jw_putc(w, '"');
}

/* Before a value: the separator when it is an item of an array. */
static void jw_value(jw *w)
{
    if (w->depth == 0 || !w->is_array[w->depth - 1])
        return;             /* an object's member: jw_key wrote what comes before */
    if (w->items[w->depth - 1]++ > 0) {
        jw_putc(w, ',');
        if (w->pretty)
            jw_putc(w, ' ');
    }
}

void jw_open(jw *w, char c, int array)
{
    jw_value(w);
    jw_putc(w, c);
    if (!array && w->pretty)
        jw_putc(w, '\n');
    size_t cap = w->levels_cap;
    bg_grow(&w->items, &w->levels_cap, w->depth + 1, sizeof *w->items);
    if (w->levels_cap != cap || !w->is_array)     /* resized with items only when they grow */
        w->is_array = bg_xrealloc(w->is_array, w->levels_cap);
    w->items[w->depth] = 0;
    w->is_array[w->depth] = (unsigned char)array;
    w->depth++;
}

void jw_close(jw *w)
{
    w->depth--;
    if (w->is_array[w->depth]) {
        jw_putc(w, ']');
        return;
    }
    if (w->pretty) {
        if (w->items[w->depth] > 0)
            jw_putc(w, '\n');
        jw_tabs(w, w->depth);
    }
    jw_putc(w, '}');
}

void jw_key(jw *w, const char *key)
{
    if (w->items[w->depth - 1]++ > 0) {
        jw_putc(w, ',');
        if (w->pretty)
            jw_putc(w, '\n');
    }
    if (w->pretty)
        jw_tabs(w, w->depth);
    jw_quoted(w, key);
    jw_putc(w, ':');
    if (w->pretty)
        jw_putc(w, '\t');
}

void jw_string(jw *w, const char *s)
{
    jw_value(w);
    jw_quoted(w, s);
}

void jw_literal(jw *w, const char *s)
{
    jw_value(w);
    jw_put(w, s, strlen(s));
}

/* A number as cJSON 1.7 prints it: "%1.15g", or "%1.17g" when that does not
 * read back. An integer below 10^15 prints as its digits either way. */
void jw_number(jw *w, double d)
{
    jw_value(w);
    if (fabs(d) < 1e15 && d == (double)(long long)d && !(d == 0 && signbit(d))) {
        char buf[24], *p = buf + sizeof buf;
        long long v = (long long)d;
        unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
        do
            *--p = (char)('0' + u % 10);
        while ((u /= 10) > 0);
        if (v < 0)
            *--p = '-';
        jw_put(w, p, (size_t)(buf + sizeof buf - p));
        return;
    }
    cJSON *item = cJSON_CreateNumber(d);     /* rare: leave the format to cJSON itself */
    char *s = item ? cJSON_PrintUnformatted(item) : NULL;
    if (s)
        jw_put(w, s, strlen(s));
    else
        w->failed = 1;
    cJSON_free(s);
    cJSON_Delete(item);
}

void jw_null(jw *w)
{
    jw_literal(w, "null");
}

void jw_str_or_null(jw *w, const char *s)
{
    if (s)
        jw_string(w, s);
    else
        jw_null(w);
}

/* cJSON_AddStringToObject with a NULL string adds nothing: neither do we. */
void jw_member_str(jw *w, const char *key, const char *s)
{
    if (!s)
        return;
    jw_key(w, key);
    jw_string(w, s);
}

void jw_member_num(jw *w, const char *key, double d)
{
    jw_key(w, key);
    jw_number(w, d);
}

void jw_init(jw *w, int pretty, size_t size_hint)
{
    memset(w, 0, sizeof *w);
    w->pretty = pretty != 0;
    jw_reserve(w, size_hint);
}

void jw_bool_or_null(jw *w, int v)
{
    jw_literal(w, v < 0 ? "null" : v ? "true" : "false");
}

void jw_dec_or_null(jw *w, const bg_dec *d, int present, int as_written)
{
    char buf[160];
    if (!present) {
        jw_null(w);
        return;
    }
    if (as_written)
        bg_dec_format_as_written(d, buf, sizeof buf);
    else
        bg_dec_format(d, buf, sizeof buf);
    jw_literal(w, buf);
}

void jw_member_str_or_null(jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    jw_str_or_null(w, s);
}

void jw_member_dec(jw *w, const char *key, const bg_dec *d, int present, int as_written)
{
    jw_key(w, key);
    jw_dec_or_null(w, d, present, as_written);
}

char *jw_finish(jw *w)
{
    free(w->items);
    free(w->is_array);
    char *s = w->s;
    int failed = w->failed;
    size_t len = w->len;
    memset(w, 0, sizeof *w);
    if (failed || !s) {
        free(s);
        return NULL;
    }
    s[len] = '\0';
    return bg_xrealloc(s, len + 1);
}
