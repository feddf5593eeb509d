/* test_peer_numbers.c — conformance run against Microsoft Recognizers-Text's
 * Chinese number cases (tests/peer-cases/recognizers-number-zh.json).
 *
 * A case is in scope when its whole input is one numeral by bg_cn_span and
 * the peer reports exactly one number covering all of it; bg_cn_parse must
 * then give the same value.  Inputs that are all numeral characters but in
 * which the peer finds no number (万, 两两) must be refused.  Everything
 * else is counted by reason and printed, never silently dropped.  A failing
 * case passes only if peer_numbers_exceptions.txt lists it with a reason;
 * an exception that no longer matches a failure fails the run, so the list
 * cannot go stale.
 *
 * usage: test_peer_numbers CASES.json [EXCEPTIONS.txt] */
#include "check.h"
#include "cnnum.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>

#define DEFAULT_EXCEPTIONS "tests/unit/peer_numbers_exceptions.txt"

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)size + 1)) != NULL) {
        if (fread(buf, 1, (size_t)size, f) == (size_t)size) {
            buf[size] = '\0';
        } else {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    return buf;
}

typedef struct {
    const char *input, *reason;
    int used;
} exception;

typedef struct {
    exception *items;
    int n;
} exception_list;

/* Lines are "INPUT<TAB>reason"; '#' starts a comment line.  The list points
 * into text, which it splits in place. */
static int load_exceptions(char *text, exception_list *list)
{
    int cap = 1, ok = 1;
    for (const char *p = text; *p; p++)
        cap += *p == '\n';
    list->items = calloc((size_t)cap, sizeof *list->items);
    list->n = 0;
    if (!list->items)
        return 0;
    for (char *line = text; line && *line;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (*line && *line != '#') {
            char *tab = strchr(line, '\t');
            if (!tab || !tab[1]) {
                fprintf(stderr, "exceptions: entry without a reason: %s\n", line);
                ok = 0;
            } else {
                *tab = '\0';
                list->items[list->n++] = (exception){line, tab + 1, 0};
            }
        }
        line = next;
    }
    return ok;
}

static exception *find_exception(exception_list *list, const char *input)
{
    for (int i = 0; i < list->n; i++)
        if (strcmp(list->items[i].input, input) == 0)
            return &list->items[i];
    return NULL;
}

/* Why a case is out of scope, judged by the first character the numeral
 * span does not cover. */
static const char *span_reason(const char *rest)
{
    static const struct {
        const char *prefix, *reason;
    } table[] = {
        {"负", "sign 负/-: the caller handles signs"},
        {"負", "sign 负/-: the caller handles signs"},
        {"-", "sign 负/-: the caller handles signs"},
        {" ", "spaces inside the numeral"},
        {"\xEF\xBC", "full-width characters: NFKC runs before the parser"},
        {"\xEF\xBD", "full-width characters: NFKC runs before the parser"},
        {"分", "fraction (分之, 又, /)"},
        {"又", "fraction (分之, 又, /)"},
        {"/", "fraction (分之, 又, /)"},
        {"余", "approximation (余, 多, 几)"},
        {"多", "approximation (余, 多, 几)"},
        {"几", "approximation (余, 多, 几)"},
        {"幾", "approximation (余, 多, 几)"},
        {"兆", "兆 scale (not used in budget reports)"},
        {"打", "counting word (打 dozen, 双/对 pair, 半 half)"},
        {"双", "counting word (打 dozen, 双/对 pair, 半 half)"},
        {"雙", "counting word (打 dozen, 双/对 pair, 半 half)"},
        {"对", "counting word (打 dozen, 双/对 pair, 半 half)"},
        {"對", "counting word (打 dozen, 双/对 pair, 半 half)"},
        {"半", "counting word (打 dozen, 双/对 pair, 半 half)"},
        {"e", "exponent or suffix notation (e, ^, k, M)"},
        {"^", "exponent or suffix notation (e, ^, k, M)"},
        {"E", "exponent or suffix notation (e, ^, k, M)"},
        {"k", "exponent or suffix notation (e, ^, k, M)"},
        {",", "',' not between three-digit groups (a list)"},
        {".", "'.' without a digit on both sides"},
        {"倆", "倆 (liǎ, 'the two of') is not a digit"},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strncmp(rest, table[i].prefix, strlen(table[i].prefix)) == 0)
            return table[i].reason;
    return "words or units around the numeral (sentence context)";
}

typedef struct {
    const char *reason;
    int count;
} tally;

static void count_reason(tally *t, int *nt, int cap, const char *reason)
{
    for (int i = 0; i < *nt; i++)
        if (strcmp(t[i].reason, reason) == 0) {
            t[i].count++;
            return;
        }
    if (*nt < cap)
        t[(*nt)++] = (tally){reason, 1};
}

static long utf8_chars(const char *s)
{
    long n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* "" when the case is in scope with *want set, NULL when it is in scope and
 * no number is expected, otherwise the reason it is out of scope. */
static const char *scope(const cJSON *c, const char *input, bg_dec *want)
{
    const cJSON *results = cJSON_GetObjectItemCaseSensitive(c, "Results");
    size_t len = strlen(input);
    size_t span = bg_cn_span(input, len);

    if (len == 0)
        return "empty input";
    if (span < len)
        return span_reason(input + span);
    if (!cJSON_IsArray(results))
        return "no Results array";
    int nres = cJSON_GetArraySize(results);
    if (nres == 0)
        return NULL;  /* all numeral characters, yet no number: must be refused */
    if (nres > 1)
        return "peer reads several numbers in it";
    const cJSON *r = cJSON_GetArrayItem(results, 0);
    const cJSON *start = cJSON_GetObjectItemCaseSensitive(r, "Start");
    const cJSON *end = cJSON_GetObjectItemCaseSensitive(r, "End");
    const cJSON *res = cJSON_GetObjectItemCaseSensitive(r, "Resolution");
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(res, "value");
    if (!cJSON_IsNumber(start) || !cJSON_IsNumber(end) || start->valueint != 0 ||
        end->valueint != utf8_chars(input) - 1)
        return "peer's number covers only part of the input";
    if (!cJSON_IsString(value) ||
        bg_dec_parse(value->valuestring, strlen(value->valuestring), want) !=
            (int)strlen(value->valuestring))
        return "expected value is not a plain decimal";
    return "";
}

typedef struct {
    int cases, in_scope, passed, excepted, no_number, refused_ok, out;
    tally reasons[32];
    int nreasons;
} summary;

/* A mismatch is a failure unless the exceptions list explains it. */
static void mismatch(exception_list *ex, summary *sum, const char *input, const char *got,
                     const char *want)
{
    exception *e = find_exception(ex, input);
    if (e) {
        e->used = 1;
        sum->excepted++;
        printf("  excepted: %s (got %s, peer %s): %s\n", input, got, want, e->reason);
        return;
    }
    check_failed++;
    fprintf(stderr, "peer case \"%s\": got %s, want %s\n", input, got, want);
}

static void run_case(const cJSON *c, exception_list *ex, summary *sum)
{
    const cJSON *in = cJSON_GetObjectItemCaseSensitive(c, "Input");
    bg_dec want, got;
    char gs[128] = "refused", ws[128] = "no number";

    sum->cases++;
    if (!cJSON_IsString(in)) {
        check_failed++;
        fprintf(stderr, "peer case %d has no Input string\n", sum->cases);
        return;
    }
    const char *input = in->valuestring;
    const char *why = scope(c, input, &want);
    int rc = bg_cn_parse(input, strlen(input), &got);
    if (rc == 0)
        bg_dec_format(&got, gs, sizeof gs);
    if (!why) {
        sum->no_number++;
        if (rc < 0) {
            check_passed++;
            sum->refused_ok++;
        } else {
            mismatch(ex, sum, input, gs, ws);
        }
    } else if (!*why) {
        sum->in_scope++;
        bg_dec_format(&want, ws, sizeof ws);
        if (rc == 0 && bg_dec_cmp(&got, &want) == 0) {
            check_passed++;
            sum->passed++;
        } else {
            mismatch(ex, sum, input, gs, ws);
        }
    } else {
        sum->out++;
        count_reason(sum->reasons, &sum->nreasons, 32, why);
    }
}

static void report(const summary *sum, const exception_list *ex)
{
    printf("peer numbers: %d cases\n", sum->cases);
    printf("  in scope %d (one peer number covering the whole numeral input): %d match, "
           "%d excepted\n", sum->in_scope, sum->passed, sum->excepted);
    printf("  numeral-only inputs where the peer finds no number: %d, %d refused\n",
           sum->no_number, sum->refused_ok);
    printf("  out of scope %d:\n", sum->out);
    for (int i = 0; i < sum->nreasons; i++)
        printf("    %3d  %s\n", sum->reasons[i].count, sum->reasons[i].reason);
    for (int i = 0; i < ex->n; i++)
        if (!ex->items[i].used) {
            check_failed++;
            fprintf(stderr, "stale exception (no failing in-scope case): %s\n", ex->items[i].input);
        }
}

int main(int argc, char **argv)
{
    const char *ex_path = argc > 2 ? argv[2] : DEFAULT_EXCEPTIONS;
    char *json, *ex_text;
    exception_list ex = {NULL, 0};
    summary sum = {0};

    if (argc < 2) {
        fprintf(stderr, "usage: %s CASES.json [EXCEPTIONS.txt]\n", argv[0]);
        return 1;
    }
    if (!(json = read_file(argv[1]))) {
        fprintf(stderr, "cannot read peer cases %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    if (!(ex_text = read_file(ex_path))) {
        fprintf(stderr, "cannot read exceptions %s: %s\n", ex_path, strerror(errno));
        free(json);
        return 1;
    }
    if (!load_exceptions(ex_text, &ex))
        check_failed++;
    cJSON *root = cJSON_Parse(json);
    const cJSON *cases = cJSON_GetObjectItemCaseSensitive(root, "cases");
    if (!cJSON_IsArray(cases) || cJSON_GetArraySize(cases) == 0) {
        fprintf(stderr, "%s: not a JSON object with a non-empty \"cases\" array\n", argv[1]);
        check_failed++;
    } else {
        const cJSON *c;
        cJSON_ArrayForEach(c, cases)
            run_case(c, &ex, &sum);
        report(&sum, &ex);
    }
    cJSON_Delete(root);
    free(ex.items);
    free(ex_text);
    free(json);
    return CHECK_DONE("peer_numbers");
}
