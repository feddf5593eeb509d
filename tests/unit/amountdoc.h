/* amountdoc.h — the amount tests' view of a converted document: one small
 * text through the public API (baogao_convert, baogao_result_json, cJSON),
 * its amounts read back field by field. Money is emitted as raw exact
 * decimals, which cJSON would read back as doubles, so the raw JSON text of
 * value / value_wan / value_max / value_max_wan is taken from the JSON string
 * itself (json_raw below) and compared as text: 0.31 must be "0.31". A span
 * is checked by slicing the ORIGINAL input bytes at it. Shared by
 * the amount tests (static inline: each uses what it needs); the includer
 * sets `patterns`. */
#ifndef BAOGAO_AMOUNTDOC_H
#define BAOGAO_AMOUNTDOC_H

#include "check.h"

#include <baogao.h>
#include <cjson/cJSON.h>
#include <stdlib.h>

/* ---- a converted document ------------------------------------------------- */

#define MAX_AMOUNTS 64
#define NRAW 4
static const char *const raw_keys[NRAW] = { "value", "value_wan", "value_max", "value_max_wan" };

typedef struct {
    const unsigned char *in;    /* the original bytes */
    size_t len;
    char *json;                 /* compact JSON, baogao_free */
    cJSON *root;
    const cJSON *amounts, *warnings;
    int n;                      /* amounts */
    char raw[MAX_AMOUNTS][NRAW][96];
} doc;

static baogao_patterns *patterns;

/* ---- a tiny JSON scanner: the raw text of the money fields ---------------- */

#include "rawjson.h"


/* Keep the raw text of the money fields of amount `index`. */
static inline void keep_raw(void *ctx, int index, const char *key, size_t klen, const char *v, size_t vlen)
{
    doc *d = ctx;
    for (int r = 0; r < NRAW; r++)
        if (rj_key_is(key, klen, raw_keys[r]) && vlen < sizeof d->raw[index][r])
            snprintf(d->raw[index][r], sizeof d->raw[index][r], "%.*s", (int)vlen, v);
}

/* Fill d->raw from the "amounts" array of the JSON text. */
static inline void json_raw(doc *d)
{
    rj_each_amount_field(d->json, MAX_AMOUNTS, keep_raw, d);
}

static inline doc *convert_bytes(const unsigned char *in, size_t len)
{
    baogao_error err;
    baogao_options opt = { "test.txt", NULL, 0 };
    doc *d = calloc(1, sizeof *d);
    if (!d)
        abort();
    d->in = in;
    d->len = len;
    baogao_result *r = baogao_convert(patterns, in, len, &opt, &err);
    if (!r) {
        fprintf(stderr, "convert failed: %s\n", err.message);
        check_failed++;
        return d;
    }
    d->json = baogao_result_json(r, 0);
    baogao_result_free(r);
    d->root = d->json ? cJSON_Parse(d->json) : NULL;
    if (!d->root) {
        fprintf(stderr, "result JSON does not parse\n");
        check_failed++;
        return d;
    }
    d->amounts = cJSON_GetObjectItemCaseSensitive(d->root, "amounts");
    d->warnings = cJSON_GetObjectItemCaseSensitive(d->root, "warnings");
    d->n = cJSON_GetArraySize(d->amounts);
    json_raw(d);
    return d;
}

static inline doc *convert(const char *utf8)
{
    return convert_bytes((const unsigned char *)utf8, strlen(utf8));
}

static inline void doc_free(doc *d)
{
    cJSON_Delete(d->root);
    baogao_free(d->json);
    free(d);
}

/* ---- reading an amount ---------------------------------------------------- */

static const char *const MISSING = "(no such amount)";

static inline const cJSON *field(const doc *d, int i, const char *key)
{
    const cJSON *a = i >= 0 && i < d->n ? cJSON_GetArrayItem(d->amounts, i) : NULL;
    return a ? cJSON_GetObjectItemCaseSensitive(a, key) : NULL;
}

/* A string field; NULL for JSON null; MISSING when absent or not a string. */
static inline const char *str(const doc *d, int i, const char *key)
{
    const cJSON *f = field(d, i, key);
    if (cJSON_IsNull(f))
        return NULL;
    return cJSON_IsString(f) ? f->valuestring : MISSING;
}

/* A money field as its raw JSON text ("null" for null). */
static inline const char *raw(const doc *d, int i, const char *key)
{
    if (i < 0 || i >= d->n || i >= MAX_AMOUNTS)
        return MISSING;
    for (int r = 0; r < NRAW; r++)
        if (strcmp(raw_keys[r], key) == 0)
            return d->raw[i][r][0] ? d->raw[i][r] : MISSING;
    return MISSING;
}

/* An integer field (line, parent); -1 for null, -2 when absent. */
static inline long num(const doc *d, int i, const char *key)
{
    const cJSON *f = field(d, i, key);
    if (cJSON_IsNull(f))
        return -1;
    return cJSON_IsNumber(f) ? (long)f->valuedouble : -2;
}

/* The original bytes at the amount's span. */
static inline const char *span_text(const doc *d, int i)
{
    static char buf[512];
    const cJSON *s = field(d, i, "span");
    if (cJSON_GetArraySize(s) != 2)
        return MISSING;
    double a = cJSON_GetArrayItem(s, 0)->valuedouble, b = cJSON_GetArrayItem(s, 1)->valuedouble;
    if (a < 0 || b < a || b > (double)d->len || b - a >= sizeof buf)
        return "(span out of range)";
    memcpy(buf, d->in + (size_t)a, (size_t)(b - a));
    buf[(size_t)(b - a)] = '\0';
    return buf;
}

/* Warnings whose message contains needle. */
static inline int warnings_with(const doc *d, const char *needle)
{
    int k = 0;
    const cJSON *w;
    cJSON_ArrayForEach(w, d->warnings) {
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(w, "message");
        k += cJSON_IsString(m) && strstr(m->valuestring, needle) != NULL;
    }
    return k;
}

#define N_AMOUNTS(d, want) CHECK_INT((d)->n, want)
#define A_STR(d, i, key, want) CHECK_STR(str(d, i, key), want)
#define A_RAW(d, i, key, want) CHECK_STR(raw(d, i, key), want)
#define A_NUM(d, i, key, want) CHECK_INT(num(d, i, key), want)
#define A_SPAN(d, i, want) CHECK_STR(span_text(d, i), want)

/* The common case: one prose amount, its value as written, unit, value_wan,
 * label (NULL: not checked here) and original text at its span. */
static inline void one_prose(const char *input, const char *value, const char *unit, const char *wan,
                      const char *qualifier, const char *label, const char *span, int line)
{
    doc *d = convert(input);
    if (d->n != 1)
        fprintf(stderr, "input: %s", input);
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value", value);
    A_STR(d, 0, "unit", unit);
    A_STR(d, 0, "unit_source", "written");
    A_RAW(d, 0, "value_wan", wan);
    A_STR(d, 0, "qualifier", qualifier);
    A_RAW(d, 0, "value_max", "null");
    if (label)
        A_STR(d, 0, "label", label);
    A_SPAN(d, 0, span);
    A_STR(d, 0, "text", span);      /* nothing here is changed by NFKC */
    A_NUM(d, 0, "line", line);
    A_STR(d, 0, "context", "prose");
    A_STR(d, 0, "row", NULL);
    A_STR(d, 0, "column", NULL);
    A_NUM(d, 0, "parent", -1);
    doc_free(d);
}

/* A document with no amount at all. */
static inline void no_amount(const char *input)
{
    doc *d = convert(input);
    if (d->n != 0)
        fprintf(stderr, "input: %s", input);
    N_AMOUNTS(d, 0);
    doc_free(d);
}

#endif
