/* patterns.c — reading pattern files and matching their expressions.
 *
 * A pattern file is UTF-8 text of records:
 *     # comment
 *     [type]
 *     key: value
 * A value runs to the end of its line (surrounding spaces trimmed). The
 * meaning of each type and key belongs to the stage that uses it. */
#include "patterns.h"
#include "regex_first.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Under valgrind the expressions run in PCRE2's interpreter, not its JIT
 * code (jit_first_use): valgrind cannot follow JIT code, whose vector scans
 * read past a subject's end, and it would record every such read under a
 * made-up caller, thousands a file, so that a batch slows down
 * quadratically. The interpreter it checks like any other code.
 * RUNNING_ON_VALGRIND is a few no-op instructions when not under valgrind;
 * without the header (Debian package valgrind) JIT stays on everywhere.
 * BAOGAO_VALGRIND_JIT=1 in the environment keeps JIT on under valgrind for
 * the profiler (bench/profile.sh: callgrind counts what a normal run does). */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

static int no_jit_here(void)
{
    if (!RUNNING_ON_VALGRIND)
        return 0;
    const char *keep = getenv("BAOGAO_VALGRIND_JIT");
    return !(keep && strcmp(keep, "1") == 0);
}

/* Limits that keep a pathological line from hanging a batch: a hit is a
 * warning with the line, never a hang (README: guarantees). */
#define BG_MATCH_LIMIT 2000000
#define BG_DEPTH_LIMIT 5000

int bg_pattern_error(baogao_error *err, const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    err->code = BAOGAO_ERR_PATTERN;
    bg_fixed_printf(err->file, sizeof err->file, "%s", file);
    err->line = line;
    err->offset = -1;
    va_start(ap, fmt);
    bg_fixed_vprintf(err->message, sizeof err->message, fmt, ap);
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

int bg_regex_slot_take(const bg_kv *kv, const bg_regex_slot *slots, size_t n, baogao_error *err)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(kv->key, slots[k].key) == 0) {
            if (slots[k].re->code)
                return bg_pattern_error(err, kv->file, kv->line, "%s given twice", kv->key);
            return bg_regex_compile(kv, slots[k].re, err) < 0 ? -1 : 1;
        }
    return 0;
}

int bg_regex_slots_filled(const bg_record *r, const bg_regex_slot *slots, size_t n, baogao_error *err)
{
    for (size_t k = 0; k < n; k++)
        if (!slots[k].re->code)
            return bg_pattern_error(err, r->file, r->line, "[%s] lacks %s", r->type, slots[k].key);
    return 0;
}

/* ---- prefilters -------------------------------------------------------------
 * Most calls of bg_match cannot match: a column-header expression against a
 * cell that starts with another character, a label expression against a line
 * without its last character. Each is cheap to see from what PCRE2 knows about
 * the pattern (first code unit, required code unit, start bitmap, minimum
 * length), and far cheaper than a call into PCRE2 (about 250 instructions
 * before the first byte is looked at). So every compiled expression carries a
 * prefilter, kept in a header just before its pcre2_code: the code is
 * allocated through a general context whose allocator reserves the room, so
 * the lookup is pointer arithmetic, and the compiled set stays immutable and
 * shareable between threads. The prefilter only rejects where PCRE2's own
 * start-up optimizations would reject before trying any match, so results,
 * and limit warnings, are the same as without it. */

#define BG_HEADER 192
/* PCRE2 looks for the required code unit only within this many bytes of the
 * start (REQ_CU_MAX, 5000 in 10.42, 1000 in older releases). */
#define BG_REQ_CU_MAX 1000

/* JIT compilation is lazy: most of the start-up time of a run over one report
 * was JIT-compiling some 200 expressions, many of which that report never gets
 * to (every call is prefiltered away, or its record type is absent). Each is
 * compiled just before its first real match instead, under a lock, and every
 * match of it is then a JIT match as before. */
enum { BG_JIT_UNTRIED, BG_JIT_OK, BG_JIT_NONE };

static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct {
    uint32_t magic;
    _Atomic unsigned char jit;  /* BG_JIT_*: with BG_JIT_OK, pcre2_jit_match directly */
    uint8_t anchored;
    uint8_t has_first, has_last, has_bitmap;
    uint8_t first, last;
    uint32_t minlen;        /* characters, so a lower bound on bytes too */
    uint8_t bitmap[32];     /* possible first code units (anchored expressions) */
    uint32_t nfirst;        /* ^ expressions: the characters a match starts with (0: unknown) */
    bg_cp_range first_cp[BG_FIRST_RANGES];
} bg_prefilter;

#define BG_PREFILTER_MAGIC 0x62677066u

_Static_assert(sizeof(bg_prefilter) <= BG_HEADER, "the prefilter fits its header");

static void *header_malloc(size_t n, void *data)
{
    (void)data;
    char *p = malloc(n + BG_HEADER);
    if (!p)
        return NULL;
    memset(p, 0, sizeof(bg_prefilter));
    return p + BG_HEADER;
}

static void header_free(void *p, void *data)
{
    (void)data;
    if (p)
        free((char *)p - BG_HEADER);
}

static bg_prefilter *prefilter_of(const pcre2_code *code)
{
    return (bg_prefilter *)(void *)((char *)(uintptr_t)code - BG_HEADER);
}

/* Case does not matter for the unit: not an ASCII letter (the default
 * character tables fold nothing else, and PCRE2 records no first or required
 * unit for a caseless multi-byte character). */
static int caseless_safe(uint32_t unit)
{
    return !((unit | 0x20) >= 'a' && (unit | 0x20) <= 'z');
}

static void prefilter_init(pcre2_code *code, const char *source)
{
    bg_prefilter *pf = prefilter_of(code);
    uint32_t opts = 0, type = 0, unit = 0;
    const uint8_t *bitmap = NULL;
    memset(pf, 0, sizeof *pf);
    pf->magic = BG_PREFILTER_MAGIC;
    atomic_init(&pf->jit, BG_JIT_UNTRIED);
    pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &opts);
    if (opts & PCRE2_NO_START_OPTIMIZE)
        return;             /* (*NO_START_OPT): PCRE2 tries every start; so do we */
    pf->anchored = (opts & PCRE2_ANCHORED) != 0;
    pcre2_pattern_info(code, PCRE2_INFO_MINLENGTH, &pf->minlen);
    if (pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &type) == 0 && type == 1
        && pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0 && caseless_safe(unit)) {
        pf->has_first = 1;
        pf->first = (uint8_t)unit;
    }
    if (pcre2_pattern_info(code, PCRE2_INFO_LASTCODETYPE, &type) == 0 && type == 1
        && pcre2_pattern_info(code, PCRE2_INFO_LASTCODEUNIT, &unit) == 0 && caseless_safe(unit)) {
        pf->has_last = 1;
        pf->last = (uint8_t)unit;
    }
    /* The start bitmap of an anchored expression is one test; scanning a line
     * for any byte of an unanchored one's (the lead bytes of common CJK rows)
     * cost more than the calls it saved, so PCRE2 keeps that. */
    if (pf->anchored && !pf->has_first && pf->minlen > 0
        && pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &bitmap) == 0 && bitmap) {
        pf->has_bitmap = 1;
        memcpy(pf->bitmap, bitmap, sizeof pf->bitmap);
    }
    /* Of CJK text the first byte says little (a few lead bytes start every
     * ideograph): the first character of a match says which cells a column
     * header's expression can name at all. */
    if (pf->anchored)
        pf->nfirst = (uint32_t)bg_regex_first_chars(source, pf->first_cp);
}

/* 0 when the character at u (left bytes, left > 0) starts no match of an
 * expression anchored at the subject's start; 1 when it may, or when it is
 * no whole character (PCRE2 is asked as before). */
static int first_char_fits(const bg_prefilter *pf, const unsigned char *u, size_t left)
{
    uint32_t cp;
    if (u[0] < 0x80)
        cp = u[0];
    else if ((u[0] & 0xF0) == 0xE0 && left >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80
             && (u[0] != 0xE0 || u[1] >= 0xA0))
        cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    else if ((u[0] & 0xE0) == 0xC0 && u[0] >= 0xC2 && left >= 2 && (u[1] & 0xC0) == 0x80)
        cp = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
    else
        return 1;
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 1;
    for (uint32_t i = 0; i < pf->nfirst; i++)
        if (cp >= pf->first_cp[i].lo && cp <= pf->first_cp[i].hi)
            return 1;
    return 0;
}

/* 1 if no match of the expression can start in s[start..n). */
static int prefilter_rejects(const bg_prefilter *pf, const char *s, size_t n, size_t start)
{
    size_t left = n - start;
    const unsigned char *u = (const unsigned char *)s + start;
    if (left < pf->minlen)
        return 1;
    if (pf->has_first) {
        if (pf->anchored ? (left == 0 || u[0] != pf->first) : !memchr(u, pf->first, left))
            return 1;
    } else if (pf->has_bitmap) {    /* anchored */
        if (left == 0 || !(pf->bitmap[u[0] >> 3] & (1u << (u[0] & 7))))
            return 1;
    }
    if (pf->has_last && left < BG_REQ_CU_MAX && !memchr(u, pf->last, left))
        return 1;
    if (pf->nfirst && start == 0 && left > 0 && !first_char_fits(pf, u, left))
        return 1;
    return 0;
}

int bg_regex_compile(const bg_kv *kv, bg_regex *out, baogao_error *err)
{
    int code;
    PCRE2_SIZE at;
    out->file = kv->file;
    out->line = kv->line;
    pcre2_general_context *gc = pcre2_general_context_create(header_malloc, header_free, NULL);
    pcre2_compile_context *cc = gc ? pcre2_compile_context_create(gc) : NULL;
    if (!cc)
        abort();
    out->code = pcre2_compile((PCRE2_SPTR)kv->value, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &code, &at, cc);
    pcre2_compile_context_free(cc);
    pcre2_general_context_free(gc);
    if (!out->code) {
        PCRE2_UCHAR msg[160];
        pcre2_get_error_message(code, msg, sizeof msg);
        return bg_pattern_error(err, kv->file, kv->line, "%s: %s at offset %zu of the expression",
                                kv->key, (const char *)msg, (size_t)at);
    }
    prefilter_init(out->code, kv->value);
    return 0;
}

/* JIT-compile re on its first use. JIT is an optimization: where it is
 * unavailable, or under valgrind, the interpreter runs. No thread matches re before this returns
 * (every match goes through bg_match), so compiling it does not race. */
static unsigned char jit_first_use(const bg_regex *re, bg_prefilter *pf)
{
    unsigned char jit;
    pthread_mutex_lock(&jit_lock);
    jit = atomic_load_explicit(&pf->jit, memory_order_relaxed);
    if (jit == BG_JIT_UNTRIED) {
        jit = !no_jit_here() && pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0 ? BG_JIT_OK : BG_JIT_NONE;
        atomic_store_explicit(&pf->jit, jit, memory_order_release);
    }
    pthread_mutex_unlock(&jit_lock);
    return jit;
}

static inline unsigned char jit_state(const bg_regex *re, bg_prefilter *pf)
{
    unsigned char jit = atomic_load_explicit(&pf->jit, memory_order_acquire);
    return jit != BG_JIT_UNTRIED ? jit : jit_first_use(re, pf);
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
    long bad_line = bg_utf8_invalid_line(text, len);
    if (bad_line)
        return bg_pattern_error(err, file, bad_line, "not valid UTF-8");
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
    m->memo = NULL;
    m->memo_n = m->memo_cap = 0;
}

struct bg_memo_entry {
    uint64_t hash;
    const void *owner;
    char *key;              /* owned; NULL: a free slot */
    size_t n;
    int value;
};

/* Entries a conversion remembers at most, and the longest text remembered
 * (a longer one is no header or label, and rarely asked twice): past them
 * it matches as before. */
#define BG_MEMO_MAX 65536
#define BG_MEMO_KEY_MAX 256

void bg_matcher_free(bg_matcher *m)
{
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mctx);
    m->md = NULL;
    m->mctx = NULL;
    for (size_t i = 0; i < m->memo_cap; i++)
        free(m->memo[i].key);
    free(m->memo);
    m->memo = NULL;
    m->memo_n = m->memo_cap = 0;
}

static uint64_t memo_hash(const void *owner, const char *key, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u ^ (uint64_t)(uintptr_t)owner;     /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)key[i]) * 0x100000001b3u;
    return h;
}

/* The slot of key, or the free slot where it would go; memo_cap > 0. */
static bg_memo_entry *memo_slot(bg_memo_entry *tab, size_t cap, uint64_t h, const void *owner, const char *key,
                                size_t n)
{
    for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1)) {
        bg_memo_entry *e = &tab[i];
        if (!e->key || (e->hash == h && e->owner == owner && e->n == n && memcmp(e->key, key, n) == 0))
            return e;
    }
}

int bg_memo_get(const bg_matcher *m, const void *owner, const char *key, size_t n, int *value)
{
    if (!m->memo_n || n > BG_MEMO_KEY_MAX)
        return 0;
    const bg_memo_entry *e = memo_slot(m->memo, m->memo_cap, memo_hash(owner, key, n), owner, key, n);
    if (!e->key)
        return 0;
    *value = e->value;
    return 1;
}

void bg_memo_put(bg_matcher *m, const void *owner, const char *key, size_t n, int value, size_t limit_hits_before)
{
    if (m->limit_hits != limit_hits_before || m->memo_n >= BG_MEMO_MAX || n > BG_MEMO_KEY_MAX)
        return;
    if (2 * (m->memo_n + 1) > m->memo_cap) {        /* at most half full */
        size_t cap = m->memo_cap ? 2 * m->memo_cap : 256;
        bg_memo_entry *tab = bg_xcalloc(cap, sizeof *tab);
        for (size_t i = 0; i < m->memo_cap; i++)
            if (m->memo[i].key)
                *memo_slot(tab, cap, m->memo[i].hash, m->memo[i].owner, m->memo[i].key, m->memo[i].n) = m->memo[i];
        free(m->memo);
        m->memo = tab;
        m->memo_cap = cap;
    }
    uint64_t h = memo_hash(owner, key, n);
    bg_memo_entry *e = memo_slot(m->memo, m->memo_cap, h, owner, key, n);
    if (e->key)
        return;             /* remembered already */
    *e = (bg_memo_entry){ h, owner, bg_xstrndup(key, n), n, value };
    m->memo_n++;
}

int bg_match(bg_matcher *m, const bg_regex *re, const char *s, size_t n, size_t start,
             size_t *ov, int nov, long line)
{
    bg_prefilter *pf = prefilter_of(re->code);
    int rc;
    if (pf->magic != BG_PREFILTER_MAGIC)
        abort();            /* every bg_regex comes from bg_regex_compile */
    if (s && start <= n && prefilter_rejects(pf, s, n, start))
        return 0;
    if (jit_state(re, pf) == BG_JIT_OK && s && start <= n)  /* what pcre2_match does then, minus its checks */
        rc = pcre2_jit_match(re->code, (PCRE2_SPTR)s, n, start, PCRE2_NO_UTF_CHECK, m->md, m->mctx);
    else
        rc = pcre2_match(re->code, (PCRE2_SPTR)s, n, start, PCRE2_NO_UTF_CHECK, m->md, m->mctx);
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

int bg_match_remembered(bg_matcher *m, const bg_regex *re, const char *s, size_t n, long line)
{
    int yes;
    if (bg_memo_get(m, re, s, n, &yes))
        return yes;
    size_t ov[2], hits = m->limit_hits;
    yes = bg_match(m, re, s, n, 0, ov, 1, line);
    bg_memo_put(m, re, s, n, yes, hits);
    return yes;
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
