/* fuzz_pipeline.c — the public API end to end: baogao_convert and
 * baogao_result_json, options taken from the first input byte as cmark's
 * fuzz harness does.
 *
 *   byte 0, bit 0      lossy
 *   byte 0, bits 1-3   encoding: 0-4 detect, 5 UTF-8, 6 GB18030, 7 UTF-16LE
 *   byte 0, bit 4      pretty
 *   byte 0, bit 5      differential: the same text as UTF-16LE and UTF-16BE
 *                      with a BOM must give the same JSON (source and spans aside)
 *   byte 0, bit 6      determinism: a second conversion gives the same bytes
 *   byte 0, bit 7      the input is named with a character cut in half, as
 *                      a file name may be (it must reach no output as such)
 *   bytes 1..          the file
 *
 * Checks on every result: every output is well-formed UTF-8 — the JSON,
 * pretty and compact (JSON Lines), the review page, and every cell of every
 * flat table (what CSV, TSV and the workbook are made of) — and a cell
 * holds no character XML 1.0 forbids, which would make the workbook's sheet
 * XML damaged; the JSON parses, has schema "baogao/1", one
 * warning per recorded warning, and every line and span inside the input;
 * a "line" next to a "span" is the line the span starts on (the provenance
 * promise of the README); a failure gives a complete error and a valid JSON
 * error record.
 * Known-fault names for BAOGAO_FUZZ_ALLOW: provenance (line/span pairs),
 * line-past-end (a line number above source.lines). */
#include <cjson/cJSON.h>

#include "fuzz_common.h"

static baogao_patterns *patterns;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    baogao_error err;
    patterns = baogao_patterns_load(NULL, &err);
    if (!patterns) {
        fprintf(stderr, "fuzz_pipeline: built-in patterns do not load: %s:%ld: %s\n", err.file, err.line, err.message);
        abort();
    }
    return 0;
}

typedef struct {
    const unsigned char *in;
    size_t n;
    int utf16, big;     /* how lines are counted in the original */
    double lines, bytes;
} source_info;

static long line_of_offset(const source_info *si, size_t off)
{
    long line = 1;
    size_t step = si->utf16 ? 2 : 1;
    const unsigned char *in = si->in;
    for (size_t i = 0; i + step <= off && i + step <= si->n; i += step) {
        unsigned u = si->utf16 ? (si->big ? (unsigned)(in[i] << 8 | in[i + 1]) : (unsigned)(in[i + 1] << 8 | in[i]))
                               : in[i];
        if (u == '\n')
            line++;
        else if (u == '\r') {
            unsigned v = 0;
            if (i + 2 * step <= si->n)
                v = si->utf16 ? (si->big ? (unsigned)(in[i + 2] << 8 | in[i + 3]) : (unsigned)(in[i + 3] << 8 | in[i + 2]))
                              : in[i + 1];
            if (v != '\n')
                line++;
        }
    }
    return line;
}

static int is_span_key(const char *k)
{
    size_t n = k ? strlen(k) : 0;
    return n >= 4 && strcmp(k + n - 4, "span") == 0;    /* span, grade_span, ... */
}

static void check_span(const cJSON *node, const cJSON *span, const source_info *si, const char *where)
{
    FZ_CHECK(cJSON_IsArray(span) && cJSON_GetArraySize(span) == 2, "%s: %s is not a pair", where, span->string);
    const cJSON *x = cJSON_GetArrayItem(span, 0), *y = cJSON_GetArrayItem(span, 1);
    FZ_CHECK(cJSON_IsNumber(x) && cJSON_IsNumber(y), "%s: %s holds no numbers", where, span->string);
    double a = x->valuedouble, b = y->valuedouble;
    FZ_CHECK(a >= 0 && a <= b && b <= si->bytes, "%s: %s [%g, %g) of %g bytes", where, span->string, a, b, si->bytes);
    /* its line: "line" for "span", "grade_line" for "grade_span" */
    char key[128];
    size_t pre = strlen(span->string) - 4;
    if (pre + 5 > sizeof key)
        return;
    memcpy(key, span->string, pre);
    memcpy(key + pre, "line", 5);
    const cJSON *line = cJSON_GetObjectItemCaseSensitive(node, key);
    if (cJSON_IsNumber(line) && si->in && !fz_allowed("provenance")) {
        long l = line_of_offset(si, (size_t)a);
        FZ_CHECK(l == (long)line->valuedouble, "%s: %s %g but its %s starts at byte %g on line %ld", where, key,
                 line->valuedouble, span->string, a, l);
    }
}

static void check_tree(const cJSON *node, const source_info *si, const char *where)
{
    if (cJSON_IsObject(node)) {
        const cJSON *line = cJSON_GetObjectItemCaseSensitive(node, "line");
        const cJSON *end_line = cJSON_GetObjectItemCaseSensitive(node, "end_line");
        if (cJSON_IsNumber(line))
            FZ_CHECK(line->valuedouble >= 1 && (line->valuedouble <= si->lines || fz_allowed("line-past-end")),
                     "%s: line %g of %g", where, line->valuedouble, si->lines);
        else
            FZ_CHECK(!line || cJSON_IsNull(line), "%s: line is neither a number nor null", where);
        if (cJSON_IsNumber(end_line))
            FZ_CHECK(cJSON_IsNumber(line) && end_line->valuedouble >= line->valuedouble
                         && end_line->valuedouble <= si->lines,
                     "%s: end_line %g", where, end_line->valuedouble);
        for (const cJSON *c = node->child; c; c = c->next)
            if (is_span_key(c->string) && !cJSON_IsNull(c))
                check_span(node, c, si, where);
        for (const cJSON *c = node->child; c; c = c->next)
            check_tree(c, si, c->string ? c->string : where);
    } else if (cJSON_IsArray(node)) {
        for (const cJSON *c = node->child; c; c = c->next)
            check_tree(c, si, where);
    }
}

/* Drop what legitimately differs between encodings of one text. */
static void strip(cJSON *node)
{
    if (cJSON_IsObject(node))
        cJSON_DeleteItemFromObjectCaseSensitive(node, "source");
    for (cJSON *c = node->child, *next; c; c = next) {
        next = c->next;
        if (cJSON_IsObject(node) && is_span_key(c->string))
            cJSON_Delete(cJSON_DetachItemViaPointer(node, c));
        else
            strip(c);
    }
}

/* ---- every output is UTF-8 (issue 13) ---- */

typedef struct {
    baogao_table table;
    size_t ncols;
} table_check;

static int check_row(void *ctx, const baogao_cell *cells, size_t n)
{
    const table_check *tc = ctx;
    const char *name = baogao_table_name(tc->table);
    FZ_CHECK(n == tc->ncols, "table %s: a row of %zu cells under %zu columns", name, n, tc->ncols);
    for (size_t i = 0; i < n; i++) {
        if (!cells[i].text)
            continue;
        fz_check_utf8(name, cells[i].text);
        for (const unsigned char *c = (const unsigned char *)cells[i].text; *c; c++)
            FZ_CHECK(*c >= 0x20 || *c == '\t' || *c == '\n' || *c == '\r',
                     "table %s: control byte 0x%02x in a cell (not allowed in XML 1.0)", name, *c);
        if (cells[i].is_number)
            FZ_CHECK(strspn(cells[i].text, "-0123456789.") == strlen(cells[i].text),
                     "table %s: number cell \"%s\"", name, cells[i].text);
    }
    return 0;
}

static void check_outputs(const baogao_result *r, int pretty)
{
    char *other = baogao_result_json(r, !pretty);
    FZ_CHECK(other != NULL, "baogao_result_json returned NULL");
    fz_check_utf8(pretty ? "compact JSON" : "pretty JSON", other);
    cJSON *root = cJSON_Parse(other);
    FZ_CHECK(root != NULL, "%s JSON does not parse", pretty ? "compact" : "pretty");
    cJSON_Delete(root);
    baogao_free(other);
    char *html = baogao_result_html(r);
    FZ_CHECK(html != NULL, "baogao_result_html returned NULL");
    fz_check_utf8("review page", html);
    baogao_free(html);
    for (int t = 0; t < BAOGAO_TABLE_COUNT; t++) {
        table_check tc = { (baogao_table)t, 0 };
        for (const char *const *c = baogao_table_columns(tc.table); *c; c++)
            tc.ncols++;
        baogao_table_rows(r, tc.table, check_row, &tc);
    }
}

static char *convert(const unsigned char *in, size_t n, const baogao_options *opt, int pretty, baogao_error *err,
                     size_t *nwarn, int all_outputs)
{
    baogao_result *r = baogao_convert(patterns, in, n, opt, err);
    if (!r)
        return NULL;
    *nwarn = baogao_result_warning_count(r);
    char *json = baogao_result_json(r, pretty);
    FZ_CHECK(json != NULL, "baogao_result_json returned NULL");
    fz_check_utf8("JSON", json);
    if (all_outputs)
        check_outputs(r, pretty);
    baogao_result_free(r);
    return json;
}

static cJSON *check_json(const char *json, const unsigned char *in, size_t n, size_t nwarn)
{
    cJSON *root = cJSON_Parse(json);
    FZ_CHECK(root != NULL, "output is not JSON");
    FZ_CHECK(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(root, "schema"))
                 && strcmp(cJSON_GetObjectItemCaseSensitive(root, "schema")->valuestring, "baogao/1") == 0,
             "no schema baogao/1");
    const cJSON *source = cJSON_GetObjectItemCaseSensitive(root, "source");
    const cJSON *enc = cJSON_GetObjectItemCaseSensitive(source, "encoding");
    const cJSON *lines = cJSON_GetObjectItemCaseSensitive(source, "lines");
    const cJSON *bytes = cJSON_GetObjectItemCaseSensitive(source, "bytes");
    FZ_CHECK(cJSON_IsString(enc) && cJSON_IsNumber(lines) && cJSON_IsNumber(bytes), "incomplete source");
    FZ_CHECK(bytes->valuedouble == (double)n, "source.bytes %g for %zu bytes", bytes->valuedouble, n);
    const cJSON *warnings = cJSON_GetObjectItemCaseSensitive(root, "warnings");
    FZ_CHECK(cJSON_IsArray(warnings) && (size_t)cJSON_GetArraySize(warnings) == nwarn, "%d warnings in JSON, %zu recorded",
             cJSON_GetArraySize(warnings), nwarn);
    const char *e = enc->valuestring;
    source_info si = { in, n, strncmp(e, "UTF-16", 6) == 0, strcmp(e, "UTF-16BE") == 0, lines->valuedouble,
                       bytes->valuedouble };
    /* Lines of a generic iconv decoding are not re-counted here. */
    if (strcmp(e, "UTF-8") != 0 && strcmp(e, "GB18030") != 0 && !si.utf16)
        si.in = NULL;
    check_tree(root, &si, "root");
    return root;
}

/* UTF-8 to UTF-16 with a BOM; bytes that are not UTF-8 make it give up. */
static unsigned char *to_utf16(const unsigned char *s, size_t n, int big, size_t *outlen)
{
    unsigned char *out = malloc(2 * n + 8);
    size_t k = 0;
    out[k++] = big ? 0xFE : 0xFF;
    out[k++] = big ? 0xFF : 0xFE;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i], cp;
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + len > n) {
            free(out);
            return NULL;
        }
        cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (size_t j = 1; j < len; j++)
            cp = cp << 6 | (s[i + j] & 0x3F);
        i += len;
        unsigned units[2], nu = 0;
        if (cp >= 0x10000) {
            units[nu++] = 0xD800 + ((cp - 0x10000) >> 10);
            units[nu++] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
        } else
            units[nu++] = cp;
        for (unsigned u = 0; u < nu; u++) {
            out[k++] = (unsigned char)(big ? units[u] >> 8 : units[u] & 0xFF);
            out[k++] = (unsigned char)(big ? units[u] & 0xFF : units[u] >> 8);
        }
    }
    *outlen = k;
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned sel = data[0];
    const unsigned char *in = data + 1;
    size_t n = size - 1;
    static const char *const encodings[8] = { NULL, NULL, NULL, NULL, NULL, "UTF-8", "GB18030", "UTF-16LE" };
    /* 报告 then the first two bytes of 书: a U+FFFD for each in every output */
    const char *path = sel & 0x80 ? "\xe6\x8a\xa5\xe5\x91\x8a\xe4\xb9.txt" : "fuzz.txt";
    const char *path_out = sel & 0x80 ? "\xe6\x8a\xa5\xe5\x91\x8a\xef\xbf\xbd\xef\xbf\xbd.txt" : "fuzz.txt";
    baogao_options opt = { path, encodings[(sel >> 1) & 7], (int)(sel & 1) };
    int pretty = (sel >> 4) & 1;

    baogao_error err;
    size_t nwarn = 0;
    char *json = convert(in, n, &opt, pretty, &err, &nwarn, 1);
    if (!json) {
        fz_check_error(&err, n);
        FZ_CHECK(strcmp(err.file, path_out) == 0, "error names %s", err.file);
        char *ej = baogao_error_json(&err);
        FZ_CHECK(ej != NULL, "no error JSON");
        fz_check_utf8("error record", ej);
        cJSON *e = cJSON_Parse(ej);
        FZ_CHECK(e != NULL, "error record is not JSON: %s", ej);
        cJSON_Delete(e);
        baogao_free(ej);
        return 0;
    }
    cJSON *root = check_json(json, in, n, nwarn);

    if (sel & 0x40) {
        size_t nwarn2 = 0;
        char *again = convert(in, n, &opt, pretty, &err, &nwarn2, 0);
        FZ_CHECK(again && strcmp(again, json) == 0, "a second conversion gave different output");
        baogao_free(again);
    }

    const char *enc = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "source"), "encoding")
                          ->valuestring;
    if ((sel & 0x20) && !opt.encoding && !opt.lossy && strcmp(enc, "UTF-8") == 0) {
        size_t bom = n >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
        strip(root);
        char *want = cJSON_PrintUnformatted(root);
        for (int big = 0; big <= 1; big++) {
            size_t n16;
            unsigned char *u16 = to_utf16(in + bom, n - bom, big, &n16);
            FZ_CHECK(u16 != NULL, "detected UTF-8 is not UTF-8");
            baogao_options o16 = { "fuzz.txt", NULL, 0 };
            size_t nw16 = 0;
            char *j16 = convert(u16, n16, &o16, 0, &err, &nw16, 0);
            FZ_CHECK(j16 != NULL, "UTF-8 text converts, as UTF-16%s it fails: %s", big ? "BE" : "LE", err.message);
            cJSON *r16 = check_json(j16, u16, n16, nw16);
            strip(r16);
            char *got = cJSON_PrintUnformatted(r16);
            size_t k = 0;
            while (want[k] && want[k] == got[k])
                k++;
            FZ_CHECK(strcmp(want, got) == 0, "UTF-16%s gives other JSON than UTF-8, from char %zu: UTF-8 \"%.80s\" "
                     "UTF-16 \"%.80s\"", big ? "BE" : "LE", k, want + k, got + k);
            free(got);
            cJSON_Delete(r16);
            baogao_free(j16);
            free(u16);
        }
        free(want);
    }
    cJSON_Delete(root);
    baogao_free(json);
    return 0;
}
