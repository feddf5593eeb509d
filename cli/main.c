/* main.c — the baogao command: a thin layer over baogao.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baogao.h"

/* Exit codes, in one place. */
enum { EXIT_ALL_OK = 0, EXIT_SOME_FAILED = 1, EXIT_USAGE = 2, EXIT_MISMATCH = 3 };

typedef struct {
    int pretty;             /* -1: default (pretty for one file, JSON Lines for several) */
    const char *encoding;
    const char *patterns_dir;
    int lossy;
    int fail_on_mismatch;
} options;

static const char usage_text[] =
    "Usage: baogao [OPTIONS] [FILE...]\n"
    "Convert Chinese budget-performance reports (预算绩效报告) to JSON.\n"
    "With no FILE, or FILE '-', read standard input. One file: its JSON on\n"
    "standard output; several: one compact JSON object per line (JSON Lines).\n"
    "\n"
    "Options:\n"
    "  --pretty           indent the JSON (default for one file)\n"
    "  --compact          one line of JSON (default for several files)\n"
    "  --encoding NAME    decode input as NAME (UTF-8, UTF-16LE, UTF-16BE, GB18030,\n"
    "                     or any name iconv knows) instead of detecting it\n"
    "  --lossy            replace undecodable bytes with U+FFFD (with a warning)\n"
    "                     instead of failing\n"
    "  --patterns DIR     load pattern files from DIR instead of the built-in set\n"
    "  --fail-on-mismatch exit 3 when a consistency check finds a report\n"
    "                     contradicting itself (all inputs still converted)\n"
    "  -h, --help         show this help and exit\n"
    "  --version          show the version and exit\n"
    "\n"
    "Exit status: 0 all inputs converted, 1 some input failed (the others still\n"
    "converted), 2 usage error, 3 (with --fail-on-mismatch) all converted but a\n"
    "check found a mismatch. Messages go to standard error as\n"
    "'baogao: FILE:LINE: message'.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "baogao: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'baogao --help' for more information.\n");
    return EXIT_USAGE;
}

typedef enum { OPT_FLAG, OPT_VALUE } opt_kind;

typedef struct {
    const char *name;
    opt_kind kind;
    int id;
} opt_def;

enum { O_HELP, O_VERSION, O_PRETTY, O_COMPACT, O_ENCODING, O_LOSSY, O_PATTERNS, O_FAIL_ON_MISMATCH };

static const opt_def opt_table[] = {
    { "--help", OPT_FLAG, O_HELP }, { "-h", OPT_FLAG, O_HELP }, { "--version", OPT_FLAG, O_VERSION },
    { "--pretty", OPT_FLAG, O_PRETTY }, { "--compact", OPT_FLAG, O_COMPACT },
    { "--encoding", OPT_VALUE, O_ENCODING }, { "--lossy", OPT_FLAG, O_LOSSY },
    { "--patterns", OPT_VALUE, O_PATTERNS }, { "--fail-on-mismatch", OPT_FLAG, O_FAIL_ON_MISMATCH },
};

/* Parse options; files are collected into files[]. Returns -1 to continue,
 * or an exit code. */
static int parse_args(int argc, char **argv, options *o, const char ***files, int *nfiles)
{
    *files = calloc((size_t)argc + 1, sizeof **files);
    if (!*files)
        return EXIT_SOME_FAILED;
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            (*files)[(*nfiles)++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = 1;
            continue;
        }
        const opt_def *d = NULL;
        const char *value = NULL;
        for (size_t k = 0; k < sizeof opt_table / sizeof opt_table[0]; k++) {
            size_t len = strlen(opt_table[k].name);
            if (strncmp(a, opt_table[k].name, len) == 0 && (a[len] == '\0' || (a[len] == '=' && opt_table[k].kind == OPT_VALUE))) {
                d = &opt_table[k];
                value = a[len] == '=' ? a + len + 1 : NULL;
                break;
            }
        }
        if (!d)
            return usage_error("unknown option '%s'", a);
        if (d->kind == OPT_VALUE && !value) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a value", a);
            value = argv[++i];
        }
        switch (d->id) {
        case O_HELP: fputs(usage_text, stdout); return EXIT_ALL_OK;
        case O_VERSION: printf("baogao %s\n", baogao_version()); return EXIT_ALL_OK;
        case O_PRETTY: o->pretty = 1; break;
        case O_COMPACT: o->pretty = 0; break;
        case O_ENCODING: o->encoding = value; break;
        case O_LOSSY: o->lossy = 1; break;
        case O_PATTERNS: o->patterns_dir = value; break;
        case O_FAIL_ON_MISMATCH: o->fail_on_mismatch = 1; break;
        }
    }
    if (o->encoding && !baogao_encoding_supported(o->encoding))
        return usage_error("unknown encoding '%s'", o->encoding);
    if (*nfiles == 0)
        (*files)[(*nfiles)++] = "-";
    return -1;
}

/* Read a whole file (or standard input for "-"). Caller frees *data. */
static int read_all(const char *path, unsigned char **data, size_t *len, char *why, size_t whylen)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(why, whylen, "cannot open: %s", strerror(errno));
        return -1;
    }
    size_t cap = 65536, n = 0;
    unsigned char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    int bad = !buf || ferror(f);
    if (bad)
        snprintf(why, whylen, "cannot read: %s", buf ? strerror(errno) : "out of memory");
    if (f != stdin)
        fclose(f);
    if (bad) {
        free(buf);
        return -1;
    }
    *data = buf;
    *len = n;
    return 0;
}

static void print_error(const baogao_error *e)
{
    if (e->line > 0)
        fprintf(stderr, "baogao: %s:%ld: %s\n", e->file, e->line, e->message);
    else
        fprintf(stderr, "baogao: %s: %s\n", e->file, e->message);
}

/* In JSON Lines mode a failed input still gets its line, so nothing is lost. */
static void print_error_record(const baogao_error *e)
{
    char *s = baogao_error_json(e);
    if (s)
        printf("%s\n", s);
    baogao_free(s);
}

/* 0 converted, 1 converted with a check mismatch, -1 failed. */
static int convert_one(const baogao_patterns *pat, const options *o, const char *path, int jsonl)
{
    unsigned char *data = NULL;
    size_t len = 0;
    char why[256];
    baogao_error e;
    if (read_all(path, &data, &len, why, sizeof why) < 0) {
        memset(&e, 0, sizeof e);
        e.code = BAOGAO_ERR_IO;
        e.offset = -1;
        snprintf(e.file, sizeof e.file, "%s", path);
        snprintf(e.message, sizeof e.message, "%s", why);
        print_error(&e);
        if (jsonl)
            print_error_record(&e);
        return -1;
    }
    baogao_options bo = { path, o->encoding, o->lossy };
    baogao_result *r = baogao_convert(pat, data, len, &bo, &e);
    free(data);
    if (!r) {
        print_error(&e);
        if (jsonl)
            print_error_record(&e);
        return -1;
    }
    char *json = baogao_result_json(r, jsonl ? 0 : o->pretty != 0);
    int mismatch = baogao_result_mismatch_count(r) > 0;
    baogao_result_free(r);
    if (!json) {
        fprintf(stderr, "baogao: %s: out of memory printing JSON\n", path);
        return -1;
    }
    printf("%s\n", json);
    baogao_free(json);
    return mismatch;
}

int main(int argc, char **argv)
{
    options o = { -1, NULL, NULL, 0, 0 };
    const char **files = NULL;
    int nfiles = 0;
    int rc = parse_args(argc, argv, &o, &files, &nfiles);
    if (rc >= 0) {
        free(files);
        return rc;
    }
    baogao_error e;
    baogao_patterns *pat = baogao_patterns_load(o.patterns_dir, &e);
    if (!pat) {
        print_error(&e);
        free(files);
        return e.code == BAOGAO_ERR_PATTERN || e.code == BAOGAO_ERR_IO ? EXIT_USAGE : EXIT_SOME_FAILED;
    }
    int jsonl = nfiles > 1, failed = 0, mismatched = 0;
    if (o.pretty < 0)
        o.pretty = !jsonl;
    for (int i = 0; i < nfiles; i++) {
        int rc1 = convert_one(pat, &o, files[i], jsonl);
        failed |= rc1 < 0;
        mismatched |= rc1 > 0;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "baogao: standard output: write error: %s\n", strerror(errno));
        failed = 1;
    }
    baogao_patterns_free(pat);
    free(files);
    if (failed)
        return EXIT_SOME_FAILED;
    return o.fail_on_mismatch && mismatched ? EXIT_MISMATCH : EXIT_ALL_OK;
}
