/* options.c — the command line: a table of options, the usage text, and the
 * checks that make a contradictory command a usage error (exit 2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: baogao [OPTIONS] [FILE...]\n"
    "Convert Chinese budget-performance reports (预算绩效报告) to JSON,\n"
    "JSON Lines, CSV, TSV, an xlsx workbook or review pages.\n"
    "With no FILE, or FILE '-', read standard input. One file: its JSON on\n"
    "standard output; several: one compact JSON object per line (JSON Lines),\n"
    "in input order, a failed file getting an error record.\n"
    "\n"
    "Conversion:\n"
    "  --encoding NAME    decode input as NAME (UTF-8, UTF-16LE, UTF-16BE, GB18030,\n"
    "                     or any name iconv knows) instead of detecting it\n"
    "  --lossy            replace undecodable bytes with U+FFFD (with a warning)\n"
    "                     instead of failing\n"
    "  --patterns DIR     load pattern files from DIR instead of the built-in set\n"
    "  --fail-on-mismatch exit 3 when a consistency check finds a report\n"
    "                     contradicting itself (all inputs still converted),\n"
    "                     naming each on standard error\n"
    "\n"
    "Inputs:\n"
    "  -r, --recursive DIR  every file under DIR, sorted by name (hidden ones\n"
    "                     skipped); repeatable\n"
    "  --include GLOB     with -r, only files whose name or path below DIR matches\n"
    "                     GLOB, as find -path matches ('2021/*'); repeatable\n"
    "  --files-from FILE  read input names from FILE, one per line ('-': stdin)\n"
    "  -0, --null         names in --files-from end with NUL (find -print0)\n"
    "\n"
    "Outputs:\n"
    "  --format FORMAT    json (default), jsonl, csv, tsv, xlsx or html\n"
    "  --table TABLE      for csv and tsv: documents (default), sections, amounts,\n"
    "                     indicators, projects, scores or checks\n"
    "  --bom              start csv or tsv with a UTF-8 byte order mark (Excel)\n"
    "  -o, --output PATH  json, html: a FILE for one input; a DIRECTORY with one\n"
    "                     NAME.json or NAME.html per input for several inputs, -r,\n"
    "                     --files-from, or an existing directory. jsonl, csv, tsv,\n"
    "                     xlsx: one FILE. Written to a temporary name, then renamed\n"
    "  --resume           with -o DIRECTORY, skip inputs whose output is already\n"
    "                     there for the same input (same SHA-256)\n"
    "  --pretty           indent JSON (default for one document)\n"
    "  --compact          one line of JSON\n"
    "\n"
    "Running:\n"
    "  -j, --jobs N       convert N files at a time (0: one per processor);\n"
    "                     the output order is the input order whatever N is\n"
    "  -q, --quiet        no progress line and no summary on standard error\n"
    "  -h, --help         show this help and exit\n"
    "  --version          show the version and exit\n"
    "\n"
    "Exit status: 0 all inputs converted, 1 some input failed or an output could\n"
    "not be written (the others still converted), 2 usage error, 3 (with\n"
    "--fail-on-mismatch) all converted but a check found a mismatch. Messages go\n"
    "to standard error as 'baogao: FILE:LINE: message'; several inputs end with a\n"
    "'baogao summary:' line. See baogao(1).\n";

int usage_error(const char *fmt, const char *arg)
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

enum {
    O_HELP, O_VERSION, O_PRETTY, O_COMPACT, O_ENCODING, O_LOSSY, O_PATTERNS, O_FAIL_ON_MISMATCH,
    O_JOBS, O_RECURSIVE, O_INCLUDE, O_FILES_FROM, O_NULL, O_OUTPUT, O_RESUME, O_QUIET, O_FORMAT,
    O_TABLE, O_BOM
};

static const opt_def opt_table[] = {
    { "--help", OPT_FLAG, O_HELP }, { "-h", OPT_FLAG, O_HELP }, { "--version", OPT_FLAG, O_VERSION },
    { "--pretty", OPT_FLAG, O_PRETTY }, { "--compact", OPT_FLAG, O_COMPACT },
    { "--encoding", OPT_VALUE, O_ENCODING }, { "--lossy", OPT_FLAG, O_LOSSY },
    { "--patterns", OPT_VALUE, O_PATTERNS }, { "--fail-on-mismatch", OPT_FLAG, O_FAIL_ON_MISMATCH },
    { "--jobs", OPT_VALUE, O_JOBS }, { "-j", OPT_VALUE, O_JOBS },
    { "--recursive", OPT_VALUE, O_RECURSIVE }, { "-r", OPT_VALUE, O_RECURSIVE },
    { "--include", OPT_VALUE, O_INCLUDE }, { "--files-from", OPT_VALUE, O_FILES_FROM },
    { "--null", OPT_FLAG, O_NULL }, { "-0", OPT_FLAG, O_NULL },
    { "--output", OPT_VALUE, O_OUTPUT }, { "-o", OPT_VALUE, O_OUTPUT },
    { "--resume", OPT_FLAG, O_RESUME }, { "--quiet", OPT_FLAG, O_QUIET }, { "-q", OPT_FLAG, O_QUIET },
    { "--format", OPT_VALUE, O_FORMAT }, { "--table", OPT_VALUE, O_TABLE }, { "--bom", OPT_FLAG, O_BOM },
};

static const char *const format_names[] = { "json", "jsonl", "csv", "tsv", "xlsx", "html" };

/* "--name", "--name=value", and for one-letter options "-jVALUE". */
static const opt_def *find_option(const char *a, const char **value)
{
    for (size_t k = 0; k < sizeof opt_table / sizeof opt_table[0]; k++) {
        const opt_def *d = &opt_table[k];
        size_t len = strlen(d->name);
        if (strncmp(a, d->name, len) != 0)
            continue;
        *value = NULL;
        if (a[len] == '\0')
            return d;
        if (d->kind != OPT_VALUE)
            continue;
        if (a[len] == '=' && len > 2) {
            *value = a + len + 1;
            return d;
        }
        if (len == 2) {
            *value = a + len;
            return d;
        }
    }
    return NULL;
}

static int parse_jobs(const char *v, int *jobs)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < 0 || n > 1024)
        return -1;
    if (n == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        n = cpus > 0 ? (cpus > 256 ? 256 : cpus) : 1;
    }
    *jobs = (int)n;
    return 0;
}

static void add_source(options *o, source_kind kind, const char *path)
{
    o->sources[o->nsources].kind = kind;
    o->sources[o->nsources++].path = path;
}

/* One option; returns -1 to go on, or an exit code. */
static int apply(options *o, const opt_def *d, const char *value)
{
    switch (d->id) {
    case O_HELP: fputs(usage_text, stdout); return EXIT_ALL_OK;
    case O_VERSION: printf("baogao %s\n", baogao_version()); return EXIT_ALL_OK;
    case O_PRETTY: o->pretty = 1; break;
    case O_COMPACT: o->pretty = 0; break;
    case O_ENCODING: o->encoding = value; break;
    case O_LOSSY: o->lossy = 1; break;
    case O_PATTERNS: o->patterns_dir = value; break;
    case O_FAIL_ON_MISMATCH: o->fail_on_mismatch = 1; break;
    case O_JOBS:
        if (parse_jobs(value, &o->jobs) < 0)
            return usage_error("-j needs a number of jobs from 0 to 1024, got '%s'", value);
        break;
    case O_RECURSIVE: add_source(o, SRC_DIR, value); break;
    case O_INCLUDE: o->includes[o->nincludes++] = value; break;
    case O_FILES_FROM: add_source(o, SRC_LIST, value); break;
    case O_NULL: o->null_separated = 1; break;
    case O_OUTPUT: o->output = value; break;
    case O_RESUME: o->resume = 1; break;
    case O_QUIET: o->quiet = 1; break;
    case O_FORMAT: {
        size_t k = 0;
        while (k < sizeof format_names / sizeof format_names[0] && strcmp(value, format_names[k]) != 0)
            k++;
        if (k == sizeof format_names / sizeof format_names[0])
            return usage_error("unknown format '%s' (json, jsonl, csv, tsv, xlsx, html)", value);
        o->format = (out_format)k;
        o->format_given = 1;
        break;
    }
    case O_TABLE:
        if (baogao_table_from_name(value, &o->table) < 0)
            return usage_error("unknown table '%s' (documents, sections, amounts, indicators, projects, "
                               "scores, checks)", value);
        o->table_given = 1;
        break;
    case O_BOM: o->bom = 1; break;
    }
    return -1;
}

/* Options that only make sense together. */
static int check(const options *o)
{
    if (o->encoding && !baogao_encoding_supported(o->encoding))
        return usage_error("unknown encoding '%s'", o->encoding);
    int text_table = o->format == FMT_CSV || o->format == FMT_TSV;
    if (o->table_given && !text_table)
        return usage_error("%s", "--table applies to --format csv and tsv (xlsx has a sheet per table)");
    if (o->bom && !text_table)
        return usage_error("%s", "--bom applies to --format csv and tsv");
    int lists = 0, dirs = 0, stdin_used = 0;
    for (size_t i = 0; i < o->nsources; i++) {
        lists += o->sources[i].kind == SRC_LIST;
        dirs += o->sources[i].kind == SRC_DIR;
        stdin_used += (o->sources[i].kind != SRC_DIR && strcmp(o->sources[i].path, "-") == 0);
    }
    if (o->null_separated && !lists)
        return usage_error("%s", "-0 applies to --files-from");
    if (stdin_used > 1)
        return usage_error("%s", "standard input ('-') can be read only once");
    if (o->nincludes && !dirs)
        return usage_error("%s", "--include applies to -r DIR");
    if (o->output && !*o->output)
        return usage_error("%s", "-o needs a file or directory name");
    if (o->resume && !o->output)
        return usage_error("%s", "--resume needs -o DIRECTORY");
    if (o->resume && o->format != FMT_JSON && o->format != FMT_HTML)
        return usage_error("%s", "--resume applies to one output file per input (--format json or html)");
    return -1;
}

int options_parse(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    o->pretty = -1;
    o->jobs = 1;
    o->sources = calloc((size_t)argc + 1, sizeof *o->sources);
    o->includes = calloc((size_t)argc + 1, sizeof *o->includes);
    if (!o->sources || !o->includes) {
        fprintf(stderr, "baogao: out of memory\n");
        return EXIT_SOME_FAILED;
    }
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            add_source(o, SRC_FILE, a);
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = 1;
            continue;
        }
        const char *value = NULL;
        const opt_def *d = find_option(a, &value);
        if (!d)
            return usage_error("unknown option '%s'", a);
        if (d->kind == OPT_VALUE && !value) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a value", a);
            value = argv[++i];
        }
        int rc = apply(o, d, value);
        if (rc >= 0)
            return rc;
    }
    if (o->nsources == 0)
        add_source(o, SRC_FILE, "-");
    return check(o);
}

void options_free(options *o)
{
    free(o->sources);
    free(o->includes);
    o->sources = NULL;
    o->includes = NULL;
}
