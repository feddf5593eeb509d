/* test_peer_money.c — conformance run of money recognition against the peers'
 * money cases in the directory of argv[1] (tests/peer-cases/):
 *
 *   jionlp-money-parser.json     one expression per case; in scope when its
 *       currency is 元: exactly one amount covering the whole input, with the
 *       peer's value_wan and value_wan_max, and the qualifier the peer's
 *       definition names (accurate: null; blur: range when the peer gives a
 *       maximum, else approx; blur+: over; blur-: under).
 *   jionlp-money-extractor.json  a sentence per case; the set of amount spans,
 *       in code points of the input, must be the peer's set of 元 spans.
 *   recognizers-currency-zh.json a sentence per case; the set of (span, value
 *       in yuan) of the amounts must be the peer's set of CNY results.
 *
 * Each input is converted alone, as a one-line document, through the public
 * API.  A currency other than 元 is outside baogao's scope, but it is still
 * checked: text in 美元, 日元, 港元 … must give no 元 amount at all (in the
 * sentence cases, the foreign spans are simply not in the expected set, so an
 * amount there is an extra one).
 *
 * An in-scope case that fails passes only if tests/unit/peer_money_exceptions.txt
 * (SOURCE<TAB>INPUT<TAB>reason, relative to the repository root) says why it
 * does not apply, or if known_bugs[] below lists it as a baogao bug still to
 * fix: those are printed as "KNOWN BUG" and not failed.  An exception that no
 * longer matches a failing case fails the run, so the list cannot go stale.
 *
 * usage: test_peer_money ANY-FILE-IN-THE-PEER-CASES-DIRECTORY */
#include "check.h"

#include <baogao.h>
#include <cjson/cJSON.h>
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <time.h>

#define EXCEPTIONS "tests/unit/peer_money_exceptions.txt"

/* Cases baogao gets wrong that it should get right; each is a bug to fix, and
 * is removed from here when fixed. */
typedef struct {
    const char *source, *input, *bug;
} known_bug;

/* The list ends with an empty entry so that it may hold no bug at all. */
static const known_bug known_bugs[] = {
    { NULL, NULL, NULL },
};
#define NKNOWN (sizeof known_bugs / sizeof known_bugs[0])

/* Currency names other than 人民币/元: a peer span holding one is not 元. */
static const char *const foreign[] = {
    "美元", "美圆", "美金", "美分", "日元", "日币", "日本銭", "港元", "港币", "欧元", "英镑", "韩元", "泰铢",
    "卢布", "台币", "澳元", "加元", "法郎", "奈拉", "比特币", "$",
};

static int is_foreign(const char *text)
{
    for (size_t i = 0; i < sizeof foreign / sizeof foreign[0]; i++)
        if (strstr(text, foreign[i]))
            return 1;
    return 0;
}

/* ---- files ---------------------------------------------------------------- */

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0
        && (buf = malloc((size_t)size + 1)) != NULL) {
        if (fread(buf, 1, (size_t)size, f) == (size_t)size)
            buf[size] = '\0';
        else {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    return buf;
}

typedef struct {
    const char *source, *input, *reason;
    int used;
} exception;

static exception *exceptions;
static int nexceptions;

/* "SOURCE<TAB>INPUT<TAB>reason" lines; '#' starts a comment. Splits text in place. */
static int load_exceptions(char *text)
{
    int cap = 1, ok = 1;
    for (const char *p = text; *p; p++)
        cap += *p == '\n';
    exceptions = calloc((size_t)cap, sizeof *exceptions);
    if (!exceptions)
        abort();
    for (char *line = text; line && *line;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[n - 1] = '\0';
        if (*line && *line != '#') {
            char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            if (!t1 || !t2 || !t2[1]) {
                fprintf(stderr, "%s: entry without SOURCE<TAB>INPUT<TAB>reason: %s\n", EXCEPTIONS, line);
                ok = 0;
            } else {
                *t1 = *t2 = '\0';
                exceptions[nexceptions++] = (exception){ line, t1 + 1, t2 + 1, 0 };
            }
        }
        line = next;
    }
    return ok;
}

static exception *find_exception(const char *source, const char *input)
{
    for (int i = 0; i < nexceptions; i++)
        if (strcmp(exceptions[i].source, source) == 0 && strcmp(exceptions[i].input, input) == 0)
            return &exceptions[i];
    return NULL;
}

static int known_seen[NKNOWN];

static const known_bug *find_known(const char *source, const char *input)
{
    for (size_t i = 0; known_bugs[i].source; i++)
        if (strcmp(known_bugs[i].source, source) == 0 && strcmp(known_bugs[i].input, input) == 0) {
            known_seen[i] = 1;
            return &known_bugs[i];
        }
    return NULL;
}

/* ---- exact decimals, as text ---------------------------------------------- */

typedef struct {
    int neg;
    char dig[160];          /* significant digits, no leading/trailing zeros; "" is 0 */
    long exp;               /* value = dig * 10^exp */
} dnum;

/* "82225.00", "-1.0", "4.3E+2", "3E+11": 0 if s is such a number. */
static int dparse(const char *s, dnum *d)
{
    size_t n = 0;
    int frac = 0, seen = 0, point = 0;
    memset(d, 0, sizeof *d);
    if (*s == '-' || *s == '+')
        d->neg = *s++ == '-';
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            seen = 1;
            if (n == 0 && *s == '0') {  /* leading zero */
                frac += point;
                continue;
            }
            if (n + 1 >= sizeof d->dig)
                return -1;
            d->dig[n++] = *s;
            frac += point;
        } else if (*s == '.' && !point)
            point = 1;
        else
            break;
    }
    if (!seen)
        return -1;
    long e = 0;
    if (*s == 'e' || *s == 'E') {
        char *end;
        e = strtol(s + 1, &end, 10);
        if (end == s + 1)
            return -1;
        s = end;
    }
    if (*s)
        return -1;
    d->exp = e - frac;
    while (n > 0 && d->dig[n - 1] == '0') {
        n--;
        d->exp++;
    }
    d->dig[n] = '\0';
    if (n == 0)
        d->neg = 0, d->exp = 0;
    return 0;
}

/* Do the decimal texts a and b*10^shift have the same value? */
static int deq(const char *a, const char *b, long shift)
{
    dnum x, y;
    if (!a || !b || dparse(a, &x) < 0 || dparse(b, &y) < 0)
        return 0;
    if (y.dig[0])
        y.exp += shift;
    return x.neg == y.neg && strcmp(x.dig, y.dig) == 0 && x.exp == y.exp;
}

/* ---- running baogao ------------------------------------------------------- */

static baogao_patterns *patterns;

#define MAX_AMOUNTS 32
typedef struct {
    int n;                  /* -1: conversion failed */
    long start[MAX_AMOUNTS], end[MAX_AMOUNTS];      /* code points of the input */
    char wan[MAX_AMOUNTS][96], max_wan[MAX_AMOUNTS][96];    /* raw JSON; "null" */
    char qualifier[MAX_AMOUNTS][16];                /* "null" for null */
    char text[MAX_AMOUNTS][256];
    double seconds;
} got;

#include "rawjson.h"


static void keep_money(void *ctx, int index, const char *key, size_t klen, const char *v, size_t vlen)
{
    got *g = ctx;
    if (rj_key_is(key, klen, "value_wan") && vlen < 96)
        snprintf(g->wan[index], sizeof g->wan[index], "%.*s", (int)vlen, v);
    else if (rj_key_is(key, klen, "value_max_wan") && vlen < 96)
        snprintf(g->max_wan[index], sizeof g->max_wan[index], "%.*s", (int)vlen, v);
}

/* The raw text of value_wan and value_max_wan of each amount. */
static void raw_money(const char *json, got *g)
{
    rj_each_amount_field(json, MAX_AMOUNTS, keep_money, g);
}

/* Code points of input before byte offset off. */
static long cp_at(const char *input, long off)
{
    long n = 0;
    for (long i = 0; i < off && input[i]; i++)
        n += ((unsigned char)input[i] & 0xC0) != 0x80;
    return n;
}

static long cp_len(const char *s)
{
    return cp_at(s, (long)strlen(s));
}

static void run(const char *input, got *g)
{
    memset(g, 0, sizeof *g);
    size_t n = strlen(input);
    char *doc = malloc(n + 2);
    if (!doc)
        abort();
    memcpy(doc, input, n);
    doc[n] = '\n';
    doc[n + 1] = '\0';
    baogao_error err;
    baogao_options opt = { "peer.txt", NULL, 0 };
    clock_t t0 = clock();
    baogao_result *r = baogao_convert(patterns, (const unsigned char *)doc, n + 1, &opt, &err);
    g->seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (!r) {
        g->n = -1;
        snprintf(g->text[0], sizeof g->text[0], "%s", err.message);
        free(doc);
        return;
    }
    char *json = baogao_result_json(r, 0);
    baogao_result_free(r);
    cJSON *root = json ? cJSON_Parse(json) : NULL;
    const cJSON *amounts = cJSON_GetObjectItemCaseSensitive(root, "amounts");
    const cJSON *a;
    cJSON_ArrayForEach(a, amounts) {
        if (g->n == MAX_AMOUNTS)
            break;
        const cJSON *span = cJSON_GetObjectItemCaseSensitive(a, "span");
        const cJSON *q = cJSON_GetObjectItemCaseSensitive(a, "qualifier");
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(a, "text");
        long s = cJSON_GetArraySize(span) == 2 ? (long)cJSON_GetArrayItem(span, 0)->valuedouble : -1;
        long e = cJSON_GetArraySize(span) == 2 ? (long)cJSON_GetArrayItem(span, 1)->valuedouble : -1;
        /* spans are bytes of the document, which is the input and a newline */
        g->start[g->n] = s >= 0 && (size_t)s <= n ? cp_at(input, s) : -1;
        g->end[g->n] = e >= 0 && (size_t)e <= n ? cp_at(input, e) : -1;
        snprintf(g->qualifier[g->n], sizeof g->qualifier[g->n], "%s", cJSON_IsString(q) ? q->valuestring : "null");
        snprintf(g->text[g->n], sizeof g->text[g->n], "%s", cJSON_IsString(text) ? text->valuestring : "?");
        g->n++;
    }
    raw_money(json ? json : "", g);
    cJSON_Delete(root);
    baogao_free(json);
    free(doc);
}

/* What baogao read, for messages. */
static void describe(const got *g, char *buf, size_t size)
{
    size_t k = 0;
    if (g->n < 0) {
        snprintf(buf, size, "conversion failed: %s", g->text[0]);
        return;
    }
    if (g->n == 0) {
        snprintf(buf, size, "no amount");
        return;
    }
    buf[0] = '\0';
    for (int i = 0; i < g->n && k < size; i++) {
        int w = snprintf(buf + k, size - k, "%s%s [%ld,%ld) value_wan %s%s%s qualifier %s", i ? "; " : "", g->text[i],
                         g->start[i], g->end[i], g->wan[i], strcmp(g->max_wan[i], "null") ? "-" : "",
                         strcmp(g->max_wan[i], "null") ? g->max_wan[i] : "", g->qualifier[i]);
        if (w < 0)
            break;
        k += (size_t)w;
    }
}

/* ---- tallies -------------------------------------------------------------- */

typedef struct {
    const char *reason;
    int count, passed, failed, known;
} out_reason;

typedef struct {
    const char *source;
    int cases, in_scope, passed, excepted, known, failed;
    out_reason out[8];
    int nout;
} tally;

static out_reason *out_of_scope(tally *t, const char *reason)
{
    for (int i = 0; i < t->nout; i++)
        if (strcmp(t->out[i].reason, reason) == 0)
            return &t->out[i];
    if (t->nout == 8)
        abort();
    t->out[t->nout].reason = reason;
    return &t->out[t->nout++];
}

/* The verdict on one case: ok, or why not. An in-scope failure may be
 * excepted or a known bug; an out-of-scope one (text baogao must not read as
 * 元) only a known bug. */
static void verdict(tally *t, out_reason *out, const char *input, int ok, const char *why, const got *g)
{
    const known_bug *kb = find_known(t->source, input);
    exception *ex = find_exception(t->source, input);
    char desc[1024];
    describe(g, desc, sizeof desc);
    if (ex && (kb || out)) {
        check_failed++;
        fprintf(stderr, "%s: %s\t%s: an exception for a case that is %s\n", EXCEPTIONS, t->source, input,
                kb ? "a known bug" : "out of scope");
        ex->used = 1;
    }
    if (ok) {
        check_passed++;
        if (out)
            out->passed++;
        else
            t->passed++;
        if (kb)
            printf("  KNOWN BUG NOW PASSES (remove it from known_bugs[]): %s\n", input);
        return;
    }
    if (kb) {
        if (out)
            out->known++;
        else
            t->known++;
        printf("  KNOWN BUG: %s\n      got: %s\n      want: %s\n      bug: %s\n", input, desc, why, kb->bug);
        return;
    }
    if (ex && !out) {
        ex->used = 1;
        t->excepted++;
        printf("  excepted: %s\n      got: %s\n      reason: %s\n", input, desc, ex->reason);
        return;
    }
    check_failed++;
    if (out)
        out->failed++;
    else
        t->failed++;
    fflush(stdout);
    fprintf(stderr, "FAIL %s: %s\n      got: %s\n      want: %s\n", t->source, input, desc, why);
}

/* ---- the three sources ---------------------------------------------------- */

static const char *jstr(const cJSON *o, const char *key)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(f) ? f->valuestring : NULL;
}

static void parser_case(tally *t, const cJSON *c)
{
    const char *input = jstr(c, "input"), *currency = jstr(c, "currency"), *wan = jstr(c, "value_wan");
    const char *max = jstr(c, "value_wan_max"), *def = jstr(c, "definition");
    got g;
    char why[512];
    if (!input || !currency || !wan || !def) {
        check_failed++;
        fprintf(stderr, "%s: malformed case\n", t->source);
        return;
    }
    t->cases++;
    run(input, &g);
    if (strcmp(currency, "元") != 0) {
        out_reason *o = out_of_scope(t, "foreign currency (checked: no amount in 元)");
        o->count++;
        snprintf(why, sizeof why, "no amount (the currency is %s)", currency);
        verdict(t, o, input, g.n == 0, why, &g);
        return;
    }
    t->in_scope++;
    const char *q = strcmp(def, "accurate") == 0 ? "null"
                    : strcmp(def, "blur+") == 0 ? "over"
                    : strcmp(def, "blur-") == 0 ? "under"
                    : max ? "range" : "approx";
    snprintf(why, sizeof why, "one amount [0,%ld) value_wan %s%s%s qualifier %s", cp_len(input), wan, max ? "-" : "",
             max ? max : "", q);
    int ok = g.n == 1 && g.start[0] == 0 && g.end[0] == cp_len(input) && deq(g.wan[0], wan, 0)
             && (max ? deq(g.max_wan[0], max, 0) : strcmp(g.max_wan[0], "null") == 0) && strcmp(g.qualifier[0], q) == 0;
    verdict(t, NULL, input, ok, why, &g);
}

static void extractor_case(tally *t, const cJSON *c)
{
    const char *input = jstr(c, "input");
    const cJSON *expected = cJSON_GetObjectItemCaseSensitive(c, "expected"), *e;
    long ws[MAX_AMOUNTS], we[MAX_AMOUNTS];
    int nw = 0, nforeign = 0;
    char why[1024];
    size_t k = 0;
    got g;
    if (!input || !cJSON_IsArray(expected)) {
        check_failed++;
        fprintf(stderr, "%s: malformed case\n", t->source);
        return;
    }
    t->cases++;
    why[0] = '\0';
    cJSON_ArrayForEach(e, expected) {
        const char *text = jstr(e, "text");
        const cJSON *off = cJSON_GetObjectItemCaseSensitive(e, "offset");
        if (!text || cJSON_GetArraySize(off) != 2 || nw == MAX_AMOUNTS)
            continue;
        if (is_foreign(text)) {
            nforeign++;
            continue;
        }
        ws[nw] = (long)cJSON_GetArrayItem(off, 0)->valuedouble;
        we[nw] = (long)cJSON_GetArrayItem(off, 1)->valuedouble;
        if (k < sizeof why)
            k += (size_t)snprintf(why + k, sizeof why - k, "%s%s [%ld,%ld)", nw ? "; " : "", text, ws[nw], we[nw]);
        nw++;
    }
    if (nw == 0)
        snprintf(why, sizeof why, "no amount");
    run(input, &g);
    out_reason *o = NULL;
    if (nw == 0 && nforeign > 0) {
        o = out_of_scope(t, "foreign currency (checked: no amount in 元)");
        o->count++;
    } else
        t->in_scope++;
    int ok = g.n == nw;
    for (int i = 0; ok && i < nw; i++)
        ok = g.start[i] == ws[i] && g.end[i] == we[i];
    verdict(t, o, input, ok, why, &g);
}

static void recognizers_case(tally *t, const cJSON *c)
{
    const char *input = jstr(c, "Input");
    const cJSON *results = cJSON_GetObjectItemCaseSensitive(c, "Results"), *r;
    long ws[MAX_AMOUNTS], we[MAX_AMOUNTS];
    const char *wv[MAX_AMOUNTS];
    int nw = 0, nother = 0;
    char why[1024];
    size_t k = 0;
    got g;
    if (!input || !cJSON_IsArray(results)) {
        check_failed++;
        fprintf(stderr, "%s: malformed case\n", t->source);
        return;
    }
    t->cases++;
    why[0] = '\0';
    cJSON_ArrayForEach(r, results) {
        const cJSON *res = cJSON_GetObjectItemCaseSensitive(r, "Resolution");
        const char *iso = jstr(res, "isoCurrency"), *value = jstr(res, "value"), *text = jstr(r, "Text");
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(r, "Start"), *e = cJSON_GetObjectItemCaseSensitive(r, "End");
        if (!iso || strcmp(iso, "CNY") != 0 || !value || !cJSON_IsNumber(s) || !cJSON_IsNumber(e) || nw == MAX_AMOUNTS) {
            nother++;       /* another currency, or a currency name without a number */
            continue;
        }
        ws[nw] = (long)s->valuedouble;
        we[nw] = (long)e->valuedouble + 1;      /* End is inclusive */
        wv[nw] = value;
        if (k < sizeof why)
            k += (size_t)snprintf(why + k, sizeof why - k, "%s%s [%ld,%ld) %s yuan", nw ? "; " : "", text ? text : "?",
                                  ws[nw], we[nw], value);
        nw++;
    }
    if (nw == 0)
        snprintf(why, sizeof why, "no amount");
    run(input, &g);
    out_reason *o = NULL;
    if (nw == 0 && nother > 0) {
        o = out_of_scope(t, "not CNY, or a currency name without a number (checked: no amount in 元)");
        o->count++;
    } else
        t->in_scope++;
    int ok = g.n == nw;
    for (int i = 0; ok && i < nw; i++)      /* value_wan * 10^4 is the value in yuan */
        ok = g.start[i] == ws[i] && g.end[i] == we[i] && deq(wv[i], g.wan[i], 4);
    if (g.seconds > 1.0) {
        ok = 0;
        snprintf(why + strlen(why), sizeof why - strlen(why), " (in under a second; took %.1f s)", g.seconds);
    }
    verdict(t, o, input, ok, why, &g);
}

/* Forms the peers themselves fail: separators with a scale, float error, a
 * hang. Each must give exactly this one amount, quickly. */
static void beyond_peers(tally *t)
{
    static const struct {
        const char *input, *text, *wan;
    } cases[] = {
        { "预算资金1,100万，全部到位。", "1,100万", "1100" },
        { "预算资金1,100万元。", "1,100万元", "1100" },
        { "投资1,100.9亿元。", "1,100.9亿元", "11009000" },
        { "项目投资16.4亿元。", "16.4亿元", "164000" },
        { "财政拨款4.78亿元。", "4.78亿元", "47800" },
        { "8亿元人民币", "8亿元人民币", "80000" },
        { "投资8亿元人民币，其中中央资金5亿元人民币。", "8亿元人民币", "80000" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        got g;
        char why[256];
        t->cases++;
        t->in_scope++;
        run(cases[i].input, &g);
        snprintf(why, sizeof why, "first amount %s value_wan %s, exactly, in under a second", cases[i].text, cases[i].wan);
        int ok = g.n >= 1 && strcmp(g.text[0], cases[i].text) == 0 && strcmp(g.wan[0], cases[i].wan) == 0
                 && g.seconds < 1.0;
        verdict(t, NULL, cases[i].input, ok, why, &g);
    }
}

static void report(const tally *t)
{
    int out = 0;
    for (int i = 0; i < t->nout; i++)
        out += t->out[i].count;
    printf("%s: %d cases\n", t->source, t->cases);
    printf("  in scope %d: %d passed, %d excepted, %d known bug, %d failed\n", t->in_scope, t->passed, t->excepted,
           t->known, t->failed);
    printf("  out of scope %d\n", out);
    for (int i = 0; i < t->nout; i++)
        printf("    %3d  %s: %d passed, %d known bug, %d failed\n", t->out[i].count, t->out[i].reason, t->out[i].passed,
               t->out[i].known, t->out[i].failed);
}

typedef void (*case_fn)(tally *, const cJSON *);

static void run_source(const char *dir, const char *source, case_fn fn)
{
    char path[4096];
    tally t = { 0 };
    t.source = source;
    snprintf(path, sizeof path, "%s/%s.json", dir, source);
    char *text = read_file(path);
    if (!text) {
        check_failed++;
        fprintf(stderr, "cannot read %s: %s\n", path, strerror(errno));
        return;
    }
    cJSON *root = cJSON_Parse(text);
    const cJSON *cases = cJSON_GetObjectItemCaseSensitive(root, "cases"), *c;
    if (!cJSON_IsArray(cases) || cJSON_GetArraySize(cases) == 0) {
        check_failed++;
        fprintf(stderr, "%s: no \"cases\" array\n", path);
    } else {
        printf("%s\n", source);
        cJSON_ArrayForEach(c, cases)
            fn(&t, c);
        report(&t);
    }
    cJSON_Delete(root);
    free(text);
}

int main(int argc, char **argv)
{
    const char *any = argc > 1 ? argv[1] : "tests/peer-cases/recognizers-number-zh.json";
    char *copy = strdup(any), *ex_text;
    baogao_error err;
    if (!copy)
        abort();
    const char *dir = dirname(copy);
    if (!(ex_text = read_file(EXCEPTIONS))) {
        fprintf(stderr, "cannot read %s: %s (run from the repository root)\n", EXCEPTIONS, strerror(errno));
        printf("peer_money: 0 passed, 1 failed\n");
        free(copy);
        return 1;
    }
    if (!load_exceptions(ex_text))
        check_failed++;
    if (!(patterns = baogao_patterns_load(NULL, &err))) {
        fprintf(stderr, "patterns: %s:%ld: %s\n", err.file, err.line, err.message);
        printf("peer_money: 0 passed, 1 failed\n");
        return 1;
    }
    run_source(dir, "jionlp-money-parser", parser_case);
    run_source(dir, "jionlp-money-extractor", extractor_case);
    run_source(dir, "recognizers-currency-zh", recognizers_case);
    {
        tally t = { 0 };
        t.source = "beyond-peers";
        printf("%s\n", t.source);
        beyond_peers(&t);
        report(&t);
    }
    for (int i = 0; i < nexceptions; i++)
        if (!exceptions[i].used) {
            check_failed++;
            fprintf(stderr, "stale exception (no failing in-scope case): %s\t%s\n", exceptions[i].source,
                    exceptions[i].input);
        }
    for (size_t i = 0; known_bugs[i].source; i++)
        if (!known_seen[i]) {      /* a typo would mislead the reader of the list */
            check_failed++;
            fprintf(stderr, "known_bugs[] names no case: %s\t%s\n", known_bugs[i].source, known_bugs[i].input);
        }
    baogao_patterns_free(patterns);
    free(exceptions);
    free(ex_text);
    free(copy);
    return CHECK_DONE("peer_money");
}
