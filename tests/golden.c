/* golden.c — the corpus through the library API.
 *
 *   golden SCHEMA FILE.txt...   for each FILE: the output contains
 *       FILE.expect.json (subset match, corpus/README.md), is valid against
 *       SCHEMA, every line/span pair points at the same original line, and
 *       the file re-encoded as GB18030, UTF-16LE with BOM and UTF-16BE
 *       without one gives the same JSON apart from source and spans.
 *   golden --emit FILE          print the library's compact JSON (the CLI
 *       must print the same bytes: "one corpus, two doors").
 * A FILE without an expected file is a failure, so no case is skipped. */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baogao.h"
#include "jsoncheck.h"

typedef struct {
    const char *file;
    int failures;
} report_ctx;

static void report(void *vctx, const char *path, const char *message)
{
    report_ctx *c = vctx;
    c->failures++;
    if (c->failures <= 40)
        fprintf(stderr, "  %s: %s: %s\n", c->file, path, message);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap + 1);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static cJSON *convert(const baogao_patterns *p, const char *path, const char *data, size_t len)
{
    baogao_error e;
    baogao_options o = { path, NULL, 0 };
    baogao_result *r = baogao_convert(p, (const unsigned char *)data, len, &o, &e);
    if (!r) {
        fprintf(stderr, "  %s:%ld: conversion failed: %s\n", e.file, e.line, e.message);
        return NULL;
    }
    char *json = baogao_result_json(r, 0);
    baogao_result_free(r);
    cJSON *doc = cJSON_Parse(json);
    baogao_free(json);
    return doc;
}

/* ---- provenance ----------------------------------------------------------- */

static long line_of(const unsigned char *in, size_t n, size_t at, const char *enc)
{
    int wide = strncmp(enc, "UTF-16", 6) == 0, big = strcmp(enc, "UTF-16BE") == 0;
    size_t step = wide ? 2 : 1;
    long line = 1;
    unsigned prev = 0;
    for (size_t i = 0; i + step <= at && i + step <= n; i += step) {
        unsigned u = wide ? (big ? (unsigned)(in[i] << 8 | in[i + 1]) : (unsigned)(in[i + 1] << 8 | in[i])) : in[i];
        if (u == '\r' || (u == '\n' && prev != '\r'))
            line++;
        prev = u;
    }
    return line;
}

static void check_spans(const cJSON *node, const unsigned char *in, size_t n, const char *enc, report_ctx *c)
{
    if (cJSON_IsObject(node)) {
        const cJSON *line = cJSON_GetObjectItemCaseSensitive(node, "line");
        const cJSON *span = cJSON_GetObjectItemCaseSensitive(node, "span");
        if (cJSON_IsNumber(line) && cJSON_IsArray(span) && cJSON_GetArraySize(span) == 2) {
            size_t a = (size_t)cJSON_GetArrayItem(span, 0)->valuedouble, b = (size_t)cJSON_GetArrayItem(span, 1)->valuedouble;
            char msg[160];
            if (a > b || b > n) {
                snprintf(msg, sizeof msg, "span [%zu, %zu) outside the %zu-byte input", a, b, n);
                report(c, "span", msg);
            } else if (line_of(in, n, a, enc) != (long)line->valuedouble) {
                snprintf(msg, sizeof msg, "span starts on line %ld but line says %ld", line_of(in, n, a, enc),
                         (long)line->valuedouble);
                report(c, "span", msg);
            }
        }
    }
    for (const cJSON *ch = node->child; ch; ch = ch->next)
        check_spans(ch, in, n, enc, c);
}

/* ---- encodings ------------------------------------------------------------ */

static char *reencode(const char *data, size_t len, const char *to, int bom, size_t *outlen)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = len * 4 + 16;
    char *out = malloc(cap), *op = out;
    size_t ol = cap;
    if (bom) {
        memcpy(op, "\xff\xfe", 2);
        op += 2;
        ol -= 2;
    }
    char *ip = (char *)data;
    size_t il = len;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    if (r == (size_t)-1) {
        free(out);
        return NULL;
    }
    *outlen = cap - ol;
    return out;
}

/* Spans ("span", "grade_span", …) are offsets into the original bytes and
 * so differ between encodings; everything else must not. */
static void strip_spans_and_source(cJSON *node)
{
    cJSON_DeleteItemFromObjectCaseSensitive(node, "source");
    for (cJSON *ch = node->child, *next; ch; ch = next) {
        next = ch->next;
        size_t n = ch->string ? strlen(ch->string) : 0;
        if (n >= 4 && strcmp(ch->string + n - 4, "span") == 0)
            cJSON_Delete(cJSON_DetachItemViaPointer(node, ch));
        else
            strip_spans_and_source(ch);
    }
}

static void check_variants(const baogao_patterns *p, const char *path, const char *data, size_t len,
                           const cJSON *reference, report_ctx *c)
{
    static const struct { const char *iconv_name, *expect_enc; int bom; } variants[] = {
        { "GB18030", "GB18030", 0 }, { "UTF-16LE", "UTF-16LE", 1 }, { "UTF-16BE", "UTF-16BE", 0 },
    };
    cJSON *ref = cJSON_Duplicate(reference, 1);
    strip_spans_and_source(ref);
    char *want = cJSON_PrintUnformatted(ref);
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        size_t n;
        char *bytes = reencode(data, len, variants[i].iconv_name, variants[i].bom, &n);
        char where[64];
        snprintf(where, sizeof where, "as %s", variants[i].iconv_name);
        if (!bytes) {
            report(c, where, "iconv could not re-encode the file");
            continue;
        }
        cJSON *doc = convert(p, path, bytes, n);
        if (!doc) {
            report(c, where, "conversion failed");
            free(bytes);
            continue;
        }
        const cJSON *enc = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(doc, "source"), "encoding");
        if (!cJSON_IsString(enc) || strcmp(enc->valuestring, variants[i].expect_enc) != 0)
            report(c, where, "encoding not detected");
        check_spans(doc, (const unsigned char *)bytes, n, variants[i].expect_enc, c);
        strip_spans_and_source(doc);
        char *got = cJSON_PrintUnformatted(doc);
        if (strcmp(got, want) != 0)
            report(c, where, "output differs from the UTF-8 original (apart from source and spans)");
        free(got);
        cJSON_Delete(doc);
        free(bytes);
    }
    free(want);
    cJSON_Delete(ref);
}

/* ---- one corpus file ------------------------------------------------------ */

static int check_file(const baogao_patterns *p, const cJSON *schema, const char *path)
{
    report_ctx c = { path, 0 };
    size_t len, elen;
    char *data = read_file(path, &len);
    char *expect_path = malloc(strlen(path) + 16);
    strcpy(expect_path, path);
    char *dot = strrchr(expect_path, '.');
    strcpy(dot ? dot : expect_path + strlen(expect_path), ".expect.json");
    char *expect_text = read_file(expect_path, &elen);
    cJSON *expect = expect_text ? cJSON_Parse(expect_text) : NULL;
    cJSON *doc = data ? convert(p, path, data, len) : NULL;
    if (!data)
        report(&c, "input", "cannot read the file");
    else if (!expect)
        report(&c, expect_path, expect_text ? "expected file is not valid JSON" : "no expected file");
    else if (!doc)
        report(&c, "output", "no output");
    else {
        jc_subset(expect, doc, "$", report, &c);
        jc_validate(schema, schema, doc, "$", report, &c);
        /* the checksum --resume compares, computed without converting */
        char sha[65];
        baogao_sha256_hex(data, len, sha);
        const cJSON *got = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(doc, "source"), "sha256");
        if (!cJSON_IsString(got) || strcmp(got->valuestring, sha) != 0)
            report(&c, "$.source.sha256", "differs from baogao_sha256_hex() of the input");
        const cJSON *enc = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(doc, "source"), "encoding");
        check_spans(doc, (const unsigned char *)data, len, cJSON_IsString(enc) ? enc->valuestring : "UTF-8", &c);
        if (cJSON_IsString(enc) && strcmp(enc->valuestring, "UTF-8") == 0)
            check_variants(p, path, data, len, doc, &c);
    }
    printf("%s %s", c.failures ? "FAIL" : "PASS", path);
    if (c.failures)
        printf(" (%d problem%s)", c.failures, c.failures > 1 ? "s" : "");
    printf("\n");
    cJSON_Delete(doc);
    cJSON_Delete(expect);
    free(expect_text);
    free(expect_path);
    free(data);
    return c.failures ? -1 : 0;
}

/* golden --validate SCHEMA FILE: every line of FILE (JSON Lines) must be
 * valid against SCHEMA. */
static int validate_lines(const char *schema_path, const char *path)
{
    size_t slen, len;
    char *stext = read_file(schema_path, &slen), *data = read_file(path, &len);
    cJSON *schema = stext ? cJSON_Parse(stext) : NULL;
    report_ctx c = { path, 0 };
    if (!schema || !data) {
        fprintf(stderr, "golden: cannot read %s\n", !schema ? schema_path : path);
        c.failures = 1;
    }
    int lines = 0;
    for (char *line = data, *end; schema && line && *line; line = end ? end + 1 : NULL) {
        end = strchr(line, '\n');
        if (end)
            *end = '\0';
        cJSON *doc = cJSON_Parse(line);
        lines++;
        if (!doc)
            report(&c, "$", "a line that is not JSON");
        else
            jc_validate(schema, schema, doc, "$", report, &c);
        cJSON_Delete(doc);
    }
    if (!lines)
        report(&c, path, "no lines");
    cJSON_Delete(schema);
    free(stext);
    free(data);
    return c.failures ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--validate") == 0)
        return validate_lines(argv[2], argv[3]);
    baogao_error e;
    baogao_patterns *p = baogao_patterns_load(NULL, &e);
    if (!p) {
        fprintf(stderr, "golden: %s:%ld: %s\n", e.file, e.line, e.message);
        return 2;
    }
    if (argc == 3 && strcmp(argv[1], "--emit") == 0) {
        size_t len;
        char *data = read_file(argv[2], &len);
        baogao_options o = { argv[2], NULL, 0 };
        baogao_result *r = data ? baogao_convert(p, (unsigned char *)data, len, &o, &e) : NULL;
        char *json = r ? baogao_result_json(r, 0) : NULL;
        if (json)
            printf("%s\n", json);
        baogao_free(json);
        baogao_result_free(r);
        free(data);
        baogao_patterns_free(p);
        return json ? 0 : 1;
    }
    if (argc < 3) {
        fprintf(stderr, "usage: golden SCHEMA FILE.txt... | golden --emit FILE | golden --validate SCHEMA FILE.jsonl\n");
        return 2;
    }
    size_t slen;
    char *stext = read_file(argv[1], &slen);
    cJSON *schema = stext ? cJSON_Parse(stext) : NULL;
    if (!schema) {
        fprintf(stderr, "golden: %s: cannot read the schema\n", argv[1]);
        return 2;
    }
    int passed = 0, failed = 0;
    for (int i = 2; i < argc; i++) {
        if (check_file(p, schema, argv[i]) == 0)
            passed++;
        else
            failed++;
    }
    printf("golden: %d passed, %d failed\n", passed, failed);
    cJSON_Delete(schema);
    free(stext);
    baogao_patterns_free(p);
    return failed ? 1 : 0;
}
