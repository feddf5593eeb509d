/* patterns.c — reading pattern files and matching their expressions.
 *
 * A pattern file is UTF-8 text of records:
 *     # comment
 *     [type]
 *     key: value
 * A value runs to the end of its line (surrounding spaces trimmed). The
 * meaning of each type and key belongs to the stage that uses it. */
#include "patterns.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Limits that keep a pathological line from hanging a batch: a hit is a
 * warning with the line, never a hang (README: guarantees). */
#define BG_MATCH_LIMIT 2000000
#define BG_DEPTH_LIMIT 5000

int bg_pattern_error(baogao_error *err, const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    err->code = BAOGAO_ERR_PATTERN;
    snprintf(err->file, sizeof err->file, "%s", file);
    err->line = line;
    err->offset = -1;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

const bg_kv *bg_record_get(const bg_record *rec, const char *key)
{
    for (size_t i = 0; i < rec->nkv; i++)
        if (strcmp(rec->kv[i].key, key) == 0)
            return &rec->kv[i];
    return NULL;
}

int bg_kv_int(const bg_kv *kv, long *out, baogao_error *err)
{
    char *end;
    long v = strtol(kv->value, &end, 10);
    if (end == kv->value || *end)
        return bg_pattern_error(err, kv->file, kv->line, "%s: expected an integer, got \"%s\"", kv->key, kv->value);
    *out = v;
    return 0;
}

int bg_regex_compile(const bg_kv *kv, bg_regex *out, baogao_error *err)
{
    int code;
    PCRE2_SIZE at;
    out->file = kv->file;
    out->line = kv->line;
    out->code = pcre2_compile((PCRE2_SPTR)kv->value, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &code, &at, NULL);
    if (!out->code) {
        PCRE2_UCHAR msg[160];
        pcre2_get_error_message(code, msg, sizeof msg);
        return bg_pattern_error(err, kv->file, kv->line, "%s: %s at offset %zu of the expression",
                                kv->key, (const char *)msg, (size_t)at);
    }
    /* JIT is an optimization: where it is unavailable the interpreter runs. */
    pcre2_jit_compile(out->code, PCRE2_JIT_COMPLETE);
    return 0;
}

void bg_regex_free(bg_regex *re)
{
    pcre2_code_free(re->code);
    re->code = NULL;
}

static char *trim(char *s, char **end)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    *e = '\0';
    if (end)
        *end = e;
    return s;
}

static int parse_line(bg_records *recs, size_t file_first, const char *file, long lineno, char *line,
                      baogao_error *err)
{
    char *end;
    char *s = trim(line, &end);
    if (*s == '\0' || *s == '#')
        return 0;
    if (*s == '[') {
        if (end[-1] != ']' || end - s < 3)
            return bg_pattern_error(err, file, lineno, "a record header is \"[type]\", got \"%s\"", s);
        bg_record rec = { bg_xstrndup(s + 1, (size_t)(end - s - 2)), file, lineno, NULL, 0, 0 };
        BG_PUSH(recs->items, recs->n, recs->cap, rec);
        return 0;
    }
    char *colon = strchr(s, ':');
    if (!colon || colon == s)
        return bg_pattern_error(err, file, lineno, "expected \"key: value\" or \"[type]\", got \"%s\"", s);
    if (recs->n == file_first)     /* each file starts its own records */
        return bg_pattern_error(err, file, lineno, "\"%s\" comes before any [type] header", s);
    *colon = '\0';
    char *key = trim(s, NULL), *value = trim(colon + 1, NULL);
    if (*value == '\0')
        return bg_pattern_error(err, file, lineno, "key \"%s\" has an empty value", key);
    bg_record *rec = &recs->items[recs->n - 1];
    bg_kv kv = { bg_xstrdup(key), bg_xstrdup(value), file, lineno };
    BG_PUSH(rec->kv, rec->nkv, rec->cap, kv);
    return 0;
}

int bg_records_parse(bg_records *recs, const char *name, const char *text, size_t len, baogao_error *err)
{
    char *file = bg_xstrdup(name);
    BG_PUSH(recs->files, recs->nfiles, recs->files_cap, file);
    if (memchr(text, '\0', len))
        return bg_pattern_error(err, file, 0, "pattern file holds a NUL byte");
    long lineno = 0;
    size_t first = recs->n;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        char *line = bg_xstrndup(text + i, n);
        int rc = parse_line(recs, first, file, ++lineno, line, err);
        free(line);
        if (rc < 0)
            return -1;
        i += n + 1;
    }
    return 0;
}

void bg_records_free(bg_records *recs)
{
    for (size_t i = 0; i < recs->n; i++) {
        bg_record *r = &recs->items[i];
        for (size_t k = 0; k < r->nkv; k++) {
            free(r->kv[k].key);
            free(r->kv[k].value);
        }
        free(r->kv);
        free(r->type);
    }
    free(recs->items);
    for (size_t i = 0; i < recs->nfiles; i++)
        free(recs->files[i]);
    free(recs->files);
    memset(recs, 0, sizeof *recs);
}

void bg_matcher_init(bg_matcher *m, bg_warnings *w)
{
    m->md = pcre2_match_data_create(32, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    if (!m->md || !m->mctx)
        abort();
    pcre2_set_match_limit(m->mctx, BG_MATCH_LIMIT);
    pcre2_set_depth_limit(m->mctx, BG_DEPTH_LIMIT);
    m->warnings = w;
    m->limit_hits = 0;
}

void bg_matcher_free(bg_matcher *m)
{
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mctx);
    m->md = NULL;
    m->mctx = NULL;
}

int bg_match(bg_matcher *m, const bg_regex *re, const char *s, size_t n, size_t start,
             size_t *ov, int nov, long line)
{
    int rc = pcre2_match(re->code, (PCRE2_SPTR)s, n, start, PCRE2_NO_UTF_CHECK, m->md, m->mctx);
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT) {
        if (m->limit_hits++ < 20)
            bg_warn(m->warnings, line, "pattern %s:%ld gave up on this line (match limit reached)", re->file, re->line);
        return 0;
    }
    if (rc < 0)
        return 0;
    PCRE2_SIZE *v = pcre2_get_ovector_pointer(m->md);
    uint32_t count = pcre2_get_ovector_count(m->md);
    for (int i = 0; i < nov; i++) {
        int used = i < rc && (uint32_t)i < count;
        ov[2 * i] = used ? v[2 * i] : SIZE_MAX;
        ov[2 * i + 1] = used ? v[2 * i + 1] : SIZE_MAX;
    }
    return 1;
}

int bg_group(const bg_matcher *m, const bg_regex *re, const char *name, size_t *a, size_t *b)
{
    int num = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);
    if (num < 0)
        return 0;
    PCRE2_SIZE *v = pcre2_get_ovector_pointer(m->md);
    if ((uint32_t)num >= pcre2_get_ovector_count(m->md) || v[2 * num] == PCRE2_UNSET)
        return 0;
    *a = v[2 * num];
    *b = v[2 * num + 1];
    return 1;
}
