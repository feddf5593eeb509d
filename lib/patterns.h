/* patterns.h — the pattern files: parsing them into records, compiling their
 * regular expressions once, and matching with limits. Format: patterns/README.md. */
#ifndef BAOGAO_PATTERNS_H
#define BAOGAO_PATTERNS_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "baogao.h"
#include "util.h"

/* One "key: value" line of a record; file points into the patterns' file list. */
typedef struct {
    char *key, *value;
    const char *file;
    long line;
} bg_kv;

/* A "[type]" block and its lines. */
typedef struct {
    char *type;
    const char *file;
    long line;
    bg_kv *kv;
    size_t nkv, cap;
} bg_record;

typedef struct {
    bg_record *items;
    size_t n, cap;
    char **files;           /* file names, owned here */
    size_t nfiles, files_cap;
} bg_records;

/* A compiled regular expression and where it was written. */
typedef struct {
    pcre2_code *code;
    const char *file;
    long line;
} bg_regex;

/* Value of the first `key` in rec, or NULL. */
const bg_kv *bg_record_get(const bg_record *rec, const char *key);
/* Compile kv->value; on failure fill *err with "file:line: message". */
int bg_regex_compile(const bg_kv *kv, bg_regex *out, baogao_error *err);
void bg_regex_free(bg_regex *re);
/* Report a pattern-file error at kv's line. */
int bg_pattern_error(baogao_error *err, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Parse an integer setting; on failure fill *err. */
int bg_kv_int(const bg_kv *kv, long *out, baogao_error *err);

/* A record's regular expressions by key (records such as [indicator-rules]). */
typedef struct {
    const char *key;
    bg_regex *re;
} bg_regex_slot;

/* Compile kv into the slot its key names: 1 when a slot took it, 0 when none
 * has its key, -1 on an error (given twice, or it does not compile). */
int bg_regex_slot_take(const bg_kv *kv, const bg_regex_slot *slots, size_t n, baogao_error *err);
/* -1 with "[type] lacks KEY" when a slot of record r is still empty, else 0. */
int bg_regex_slots_filled(const bg_record *r, const bg_regex_slot *slots, size_t n, baogao_error *err);

/* Parse one file's contents into recs; name is used in messages. */
int bg_records_parse(bg_records *recs, const char *name, const char *text, size_t len, baogao_error *err);
void bg_records_free(bg_records *recs);

/* The built-in copy of patterns/ (generated at build time). */
typedef struct {
    const char *name;
    const char *text;
} bg_builtin_file;
extern const bg_builtin_file bg_builtin_patterns[];
extern const size_t bg_builtin_patterns_count;

typedef struct bg_memo_entry bg_memo_entry;

/* Per-conversion matching state: match data is not shareable between
 * threads, so each conversion owns one, and with it the answers remembered
 * by bg_memo_put. */
typedef struct {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    bg_warnings *warnings;
    size_t limit_hits;
    bg_memo_entry *memo;    /* open addressing, memo_cap a power of two */
    size_t memo_n, memo_cap;
} bg_matcher;

void bg_matcher_init(bg_matcher *m, bg_warnings *w);
void bg_matcher_free(bg_matcher *m);

/* A conversion's memory of answers that depend on nothing but a text and the
 * compiled patterns, asked again of the same text (the role a header cell
 * names: a report repeats its tables' headers and cells). `owner` tells the
 * askers apart. 1 with *value when `key` was answered before. */
int bg_memo_get(const bg_matcher *m, const void *owner, const char *key, size_t n, int *value);
/* Remember value for key. An answer found while a match gave up at its limit
 * (limit_hits moved since limit_hits_before) is not remembered: asked again,
 * the text is matched and warned about again, as if never remembered. */
void bg_memo_put(bg_matcher *m, const void *owner, const char *key, size_t n, int value, size_t limit_hits_before);

/* Match re against s[0..n) from start. Returns 1 and fills ov (2 * nov
 * offsets, unset groups = -1 as SIZE_MAX) on a match, 0 otherwise. A match
 * or depth limit hit counts as no match and records a warning with `line`. */
int bg_match(bg_matcher *m, const bg_regex *re, const char *s, size_t n, size_t start,
             size_t *ov, int nov, long line);
/* Whether re matches s[0..n) (bg_match from 0, no offsets), remembered for
 * the conversion (bg_memo_put): for a text asked about again and again (a
 * row's label and a column's header, for every number under them). */
int bg_match_remembered(bg_matcher *m, const bg_regex *re, const char *s, size_t n, long line);
/* Offsets of a named group after bg_match, or 0 if unset. */
int bg_group(const bg_matcher *m, const bg_regex *re, const char *name, size_t *a, size_t *b);

#endif
