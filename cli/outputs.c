/* outputs.c — where results go: a stream (standard output, or one file
 * written under a temporary name and renamed) of JSON, JSON Lines, CSV or TSV
 * rows or a workbook; or one file per input (JSON or a review page).
 *
 * output_convert() runs in the workers and leaves everything in the job;
 * output_emit() runs on the main thread in input order, so what is written
 * and said is the same whatever the number of jobs. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

struct output {
    const options *o;
    out_format format;
    int per_file;           /* one output file per input */
    char *dir;              /* per_file in a directory: the directory */
    const char *single;     /* per_file for one input: its file */
    char **names;           /* per_file in a directory: each input's output path */
    size_t *same_as;        /* index of an earlier input with the same output name, or SIZE_MAX */
    int pretty, lines;      /* JSON: indent; one record per line */
    FILE *fp;               /* the stream */
    const char *fp_name;    /* for messages */
    char *final, *tmp;      /* stream or workbook written to tmp, renamed to final */
    book *wb;
    int copy;               /* workbook: copied from tmp at the end, to a descriptor or a device */
    int copy_fd;            /* the descriptor, or -1: the device copy_to */
    const char *copy_to;
};

static void oom(void)
{
    fprintf(stderr, "baogao: out of memory\n");
    exit(EXIT_SOME_FAILED);
}

/* ---- small strings ---------------------------------------------------------- */

void sb_add(strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p)
            oom();
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* Make b the owner of s, a string from the library (malloc'd, see baogao.h),
 * with a newline appended if asked: a report's JSON is several times its input,
 * and copying it would hold it twice at the peak. */
static void sb_own(strbuf *b, char *s, int newline)
{
    size_t n = strlen(s);
    if (newline) {
        char *p = realloc(s, n + 2);
        if (!p)
            oom();
        s = p;
        s[n++] = '\n';
        s[n] = '\0';
    }
    b->s = s;
    b->len = n;
    b->cap = n + 1;
}

void sb_adds(strbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

void sb_addc(strbuf *b, char c)
{
    sb_add(b, &c, 1);
}

void job_say(job *j, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    size_t have = j->messages ? strlen(j->messages) : 0;
    char *p = realloc(j->messages, have + (size_t)n + 1);      /* whole: a message is never cut */
    if (!p)
        oom();
    va_start(ap, fmt);
    vsnprintf(p + have, (size_t)n + 1, fmt, ap);
    va_end(ap);
    j->messages = p;
}

/* The input's name as given (its bytes, which the error's file may have had
 * to change into UTF-8), then where and what. */
void job_error(job *j, const char *path, const baogao_error *e)
{
    if (e->line > 0)
        job_say(j, "baogao: %s:%ld: %s\n", path, e->line, e->message);
    else
        job_say(j, "baogao: %s: %s\n", path, e->message);
}

static void take(job *j, strbuf *b)
{
    j->text = b->s;
    j->len = b->len;
}

/* ---- opening ------------------------------------------------------------------------ */

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The stream goes to -o FILE through a temporary file renamed at the end; a
 * FILE that is a device, a pipe or a name for a descriptor is written in
 * place (dest_of). */
static int open_stream(output *out, const char *path)
{
    if (!path) {
        out->fp = stdout;
        out->fp_name = "standard output";
        return 0;
    }
    out->fp_name = path;
    dest d;
    if (dest_of(path, &d) < 0) {
        fprintf(stderr, "baogao: %s: is a directory (this format writes one file)\n", path);
        return -1;
    }
    if (d.kind == DEST_FD) {
        int fd = dup(d.fd);
        out->fp = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (fd >= 0 && !out->fp)
            close(fd);
    } else if (d.kind == DEST_IN_PLACE) {
        out->fp = fopen(path, "w");
    } else {
        out->final = d.final;
        char *dir = dir_of(out->final);
        temp_sweep(dir);
        out->tmp = temp_name(dir);
        free(dir);
        temp_track(0, out->tmp);
        int fd = open(out->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        out->fp = fd >= 0 ? fdopen(fd, "w") : NULL;
    }
    if (!out->fp) {
        fprintf(stderr, "baogao: %s: cannot write: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

typedef struct {
    const char *name;
    size_t index;
} named;

static int by_name_then_index(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Each input's output path in the directory; two inputs whose names map to
 * the same file (the same path given twice, "-" and a file named stdin)
 * would overwrite each other, so the later one fails instead. */
static void name_outputs(output *out, const input_list *in)
{
    const char *suffix = out->format == FMT_HTML ? ".html" : ".json";
    out->names = calloc(in->n + 1, sizeof *out->names);
    out->same_as = calloc(in->n + 1, sizeof *out->same_as);
    named *order = calloc(in->n + 1, sizeof *order);
    if (!out->names || !out->same_as || !order)
        oom();
    for (size_t i = 0; i < in->n; i++) {
        char *name = output_name(in->items[i].path, suffix);
        size_t n = strlen(out->dir) + strlen(name) + 2;
        out->names[i] = malloc(n);
        if (!out->names[i])
            oom();
        snprintf(out->names[i], n, "%s/%s", out->dir, name);
        free(name);
        out->same_as[i] = SIZE_MAX;
        order[i] = (named){ out->names[i], i };
    }
    qsort(order, in->n, sizeof *order, by_name_then_index);
    for (size_t k = 1; k < in->n; k++)
        if (strcmp(order[k].name, order[k - 1].name) == 0) {
            size_t first = out->same_as[order[k - 1].index];
            out->same_as[order[k].index] = first != SIZE_MAX ? first : order[k - 1].index;
        }
    free(order);
}

/* The workbook is built in a temporary file: renamed to -o FILE at the end,
 * or copied to standard output or to a FILE written in place (a device, a
 * pipe, a descriptor). */
static int open_workbook(output *out, const char *path, int *usage)
{
    char why[256];
    if (!path && isatty(STDOUT_FILENO)) {
        *usage = 1;
        usage_error("%s", "--format xlsx writes a binary workbook: -o FILE, or redirect standard output");
        return -1;
    }
    dest d = { DEST_FD, STDOUT_FILENO, NULL };
    if (path && dest_of(path, &d) < 0) {
        fprintf(stderr, "baogao: %s: is a directory (--format xlsx writes one workbook)\n", path);
        return -1;
    }
    out->copy = d.kind != DEST_RENAME;
    out->copy_fd = d.kind == DEST_FD ? d.fd : -1;
    out->copy_to = path;
    out->fp_name = path ? path : "standard output";
    out->final = d.final;
    const char *tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char *dir = out->copy ? strdup(tmpdir) : dir_of(out->final);
    if (!dir)
        oom();
    if (!out->copy)
        temp_sweep(dir);
    out->tmp = temp_name(dir);
    free(dir);
    temp_track(0, out->tmp);
    int fd = open(out->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);     /* writable? say so now */
    if (fd < 0) {
        fprintf(stderr, "baogao: %s: cannot write: %s\n", out->copy ? out->tmp : path, strerror(errno));
        return -1;
    }
    close(fd);
    out->wb = book_open(out->tmp, why, sizeof why);
    if (!out->wb) {
        fprintf(stderr, "baogao: %s: cannot write workbook: %s\n", out->fp_name, why);
        return -1;
    }
    return 0;
}

output *output_open(const options *o, const input_list *in, int *usage)
{
    *usage = 0;
    output *out = calloc(1, sizeof *out);
    if (!out)
        oom();
    out->o = o;
    out->format = o->format;
    int batch = in->n != 1;
    for (size_t i = 0; i < o->nsources; i++)
        batch |= o->sources[i].kind != SRC_FILE;
    int rc = 0;
    switch (o->format) {
    case FMT_JSON:
    case FMT_HTML:
        if (!o->output && o->format == FMT_HTML && batch) {
            *usage = 1;
            usage_error("%s", "--format html writes a page per input: -o DIRECTORY for several inputs");
            rc = -1;
        } else if (!o->output) {
            out->lines = batch && o->format == FMT_JSON;
            out->pretty = o->pretty < 0 ? !batch : batch ? 0 : o->pretty;
            rc = open_stream(out, NULL);
        } else if (batch || is_dir(o->output) || o->output[strlen(o->output) - 1] == '/') {
            out->per_file = 1;
            out->pretty = o->pretty != 0;
            out->dir = strdup(o->output);
            if (!out->dir)
                oom();
            while (strlen(out->dir) > 1 && out->dir[strlen(out->dir) - 1] == '/')
                out->dir[strlen(out->dir) - 1] = '\0';
            if (make_dirs(out->dir) < 0) {
                fprintf(stderr, "baogao: %s: cannot create directory: %s\n", out->dir, strerror(errno));
                rc = -1;
            } else {
                temp_sweep(out->dir);
                name_outputs(out, in);
            }
        } else {
            out->per_file = 1;
            out->pretty = o->pretty != 0;
            out->single = o->output;
            dest d;
            if (dest_of(o->output, &d) == 0 && d.kind == DEST_RENAME) {
                char *dir = dir_of(d.final);
                temp_sweep(dir);
                free(dir);
            }
            free(d.final);
        }
        break;
    case FMT_JSONL:
        out->lines = 1;
        rc = open_stream(out, o->output);
        break;
    case FMT_CSV:
    case FMT_TSV: {
        rc = open_stream(out, o->output);
        strbuf b = { 0 };
        if (o->bom)
            sb_adds(&b, "\xEF\xBB\xBF");
        csv_header(&b, o->table_given ? o->table : BAOGAO_TABLE_DOCUMENTS, o->format == FMT_TSV);
        if (rc == 0 && fwrite(b.s, 1, b.len, out->fp) != b.len) {
            fprintf(stderr, "baogao: %s: write error: %s\n", out->fp_name, strerror(errno));
            rc = -1;
        }
        free(b.s);
        break;
    }
    case FMT_XLSX:
        rc = open_workbook(out, o->output, usage);
        break;
    }
    if (rc < 0) {
        output_close(out, 0);
        return NULL;
    }
    return out;
}

/* ---- converting, in a worker ---------------------------------------------------- */

/* Does the output at path already hold the result for an input with this
 * SHA-256 (and this version of baogao, for JSON)? Outputs are renamed into
 * place whole, so an existing one is complete. */
static int up_to_date(const output *out, const char *path, const char *sha)
{
    struct stat st;
    int fd = stat(path, &st) == 0 && S_ISREG(st.st_mode) ? open(path, O_RDONLY | O_CLOEXEC) : -1;
    if (fd < 0)
        return 0;       /* nothing there, or a pipe or a device, which hold no earlier output */
    char buf[65536];
    size_t n = 0;
    ssize_t got;
    while (n < sizeof buf - 1 && (got = read(fd, buf + n, sizeof buf - 1 - n)) > 0)
        n += (size_t)got;
    close(fd);
    buf[n] = '\0';
    if (out->format == FMT_HTML)
        return strstr(buf, sha) != NULL;
    /* "source": {..., "sha256": "HEX"}: the first "sha256" key, before any text of the report */
    const char *k = strstr(buf, "\"sha256\"");
    if (!k)
        return 0;
    k += 8;
    while (*k == ' ' || *k == '\t' || *k == '\n' || *k == '\r' || *k == ':')
        k++;
    if (*k != '"' || strncmp(k + 1, sha, 64) != 0 || k[65] != '"')
        return 0;
    char version[64];
    snprintf(version, sizeof version, "\"%s\"", baogao_version());
    const char *v = strstr(buf, "\"version\"");
    return v && v < k && strstr(v, version) && strstr(v, version) < k;
}

static void write_file(job *j, const input *in, const char *path, const char *text, size_t len, int slot)
{
    if (write_atomically(path, text, len, slot) < 0) {
        job_say(j, "baogao: %s: cannot write %s: %s\n", in->path, path, strerror(errno));
        j->failed = 1;
    }
}

static void error_record(const baogao_error *e, strbuf *b)
{
    char *rec = baogao_error_json(e);
    if (!rec)
        oom();
    sb_adds(b, rec);
    sb_addc(b, '\n');
    baogao_free(rec);
}

/* A failed input: its message, and its error record where the output has
 * a place for one. */
static void convert_failed(output *out, const input *in, const baogao_error *e, job *j, size_t index, int slot)
{
    job_error(j, in->path, e);
    j->failed = 1;
    strbuf b = { 0 };
    if (out->per_file && out->dir) {
        const char *path = out->names[index];
        if (out->same_as[index] != SIZE_MAX)
            return;             /* the file belongs to the earlier input */
        if (out->format == FMT_HTML) {
            if (unlink(path) == 0)
                job_say(j, "baogao: %s: removed %s, the page of an earlier version\n", in->path, path);
            return;
        }
        error_record(e, &b);
        write_file(j, in, path, b.s, b.len, slot);
        free(b.s);
    } else if (out->lines) {
        error_record(e, &b);
        take(j, &b);
    } else if (out->wb) {
        book_error_row(e, &b);
        take(j, &b);
    }
}

/* The file input `index` is written to, or NULL when it goes to a stream. */
static const char *output_path(const output *out, size_t index)
{
    return !out->per_file ? NULL : out->dir ? out->names[index] : out->single;
}

static void render(output *out, const baogao_result *r, const input *in, job *j, size_t index, int slot)
{
    const char *path = output_path(out, index);
    strbuf b = { 0 };
    switch (out->format) {
    case FMT_JSON:
    case FMT_JSONL: {
        char *json = baogao_result_json(r, out->pretty);
        if (!json)
            oom();
        sb_own(&b, json, 1);
        break;
    }
    case FMT_HTML: {
        char *html = baogao_result_html(r);
        if (!html)
            oom();
        sb_own(&b, html, 0);
        break;
    }
    case FMT_CSV:
    case FMT_TSV:
        csv_rows(r, out->o->table_given ? out->o->table : BAOGAO_TABLE_DOCUMENTS, out->format == FMT_TSV, &b);
        break;
    case FMT_XLSX:
        book_rows(r, &b);
        break;
    }
    if (!path) {
        take(j, &b);
        return;
    }
    write_file(j, in, path, b.s ? b.s : "", b.len, slot);
    free(b.s);
}

/* ---- mismatches, named on standard error ----------------------------------------- */

typedef struct {
    job *j;
    const char *path;
    size_t rule, status, lines, message;    /* columns of the checks table */
} mismatch_ctx;

static int say_mismatch(void *ctx, const baogao_cell *cells, size_t n)
{
    const mismatch_ctx *m = ctx;
    if (m->message >= n || !cells[m->status].text || strcmp(cells[m->status].text, "mismatch") != 0)
        return 0;
    const char *lines = cells[m->lines].text;
    long line = lines ? strtol(lines, NULL, 10) : 0;    /* the first line involved: the total's */
    if (line > 0)
        job_say(m->j, "baogao: %s:%ld: check %s: %s\n", m->path, line, cells[m->rule].text,
                cells[m->message].text ? cells[m->message].text : "");
    else
        job_say(m->j, "baogao: %s: check %s: %s\n", m->path, cells[m->rule].text,
                cells[m->message].text ? cells[m->message].text : "");
    return 0;
}

static size_t column(baogao_table t, const char *name)
{
    const char *const *cols = baogao_table_columns(t);
    size_t i = 0;
    while (cols[i] && strcmp(cols[i], name) != 0)
        i++;
    return i;
}

/* --fail-on-mismatch: each contradiction, in the order of the checks. */
static void say_mismatches(job *j, const char *path, const baogao_result *r)
{
    baogao_table t = BAOGAO_TABLE_CHECKS;
    mismatch_ctx m = { j, path, column(t, "rule"), column(t, "status"), column(t, "lines"), column(t, "message") };
    baogao_table_rows(r, t, say_mismatch, &m);
}

void output_convert(output *out, const baogao_patterns *pat, const input_list *list, size_t index, job *j,
                    int slot)
{
    const input *in = &list->items[index];
    unsigned char *data = NULL;
    size_t len = 0;
    char why[256];
    baogao_error e;
    if (out->per_file && out->dir && out->same_as[index] != SIZE_MAX) {
        baogao_error_set(&e, BAOGAO_ERR_USAGE, in->path, 0, -1, "output file %s is already that of %s",
                         out->names[index], list->items[out->same_as[index]].path);
        convert_failed(out, in, &e, j, index, slot);
        return;
    }
    baogao_code code;
    if (read_all(in->path, &data, &len, why, sizeof why, &code) < 0) {
        baogao_error_set(&e, code, in->path, 0, -1, "%s", why);
        convert_failed(out, in, &e, j, index, slot);
        return;
    }
    j->bytes = len;
    const char *path = output_path(out, index);
    if (path && out->o->resume) {
        /* the output names the checksum of its input: an input that has not
         * changed is not converted again */
        char sha[65];
        baogao_sha256_hex(data, len, sha);
        if (up_to_date(out, path, sha)) {
            free(data);
            j->skipped = 1;
            return;
        }
    }
    baogao_options bo = { in->path, out->o->encoding, out->o->lossy };
    baogao_result *r = baogao_convert(pat, data, len, &bo, &e);
    free(data);
    if (!r) {
        convert_failed(out, in, &e, j, index, slot);
        return;
    }
    j->warnings = baogao_result_warning_count(r);
    if (!baogao_result_recognised(r))
        job_say(j, "baogao: %s: nothing of a budget-performance report was recognised: every field is null\n", in->path);
    j->mismatches = baogao_result_mismatch_count(r);
    if (j->mismatches && out->o->fail_on_mismatch)
        say_mismatches(j, in->path, r);
    render(out, r, in, j, index, slot);
    baogao_result_free(r);
}

int output_on_terminal(const output *out)
{
    return (out->fp == stdout || (out->copy && out->copy_fd == STDOUT_FILENO)) && isatty(STDOUT_FILENO);
}

/* ---- writing, in input order ------------------------------------------------------ */

int output_emit(output *out, job *j)
{
    if (!j->text)
        return 0;
    if (out->wb) {
        size_t cut = book_add(out->wb, j->text, j->len);
        if (cut)
            fprintf(stderr, "baogao: %s: %zu cell(s) longer than a spreadsheet cell holds (32767 bytes) were cut\n",
                    out->fp_name, cut);
        return 0;
    }
    if (fwrite(j->text, 1, j->len, out->fp) != j->len || ferror(out->fp)) {
        fprintf(stderr, "baogao: %s: write error: %s\n", out->fp_name, strerror(errno));
        return -1;
    }
    return 0;
}

/* Copy the finished workbook to a descriptor (fd >= 0) or a device. */
static int copy_out(const char *from, int fd_to, const char *to)
{
    int fd = open(from, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int out = fd_to >= 0 ? fd_to : open(to, O_WRONLY | O_CLOEXEC);
    int rc = out < 0 ? -1 : 0;
    char buf[65536];
    ssize_t n = 0;
    while (rc == 0 && (n = read(fd, buf, sizeof buf)) > 0)
        rc = write_fully(out, buf, (size_t)n);
    if (n < 0)
        rc = -1;
    int saved = errno;
    close(fd);
    if (fd_to < 0 && out >= 0 && close(out) < 0 && rc == 0)
        rc = -1;
    else
        errno = saved;
    return rc;
}

int output_close(output *out, int ok)
{
    if (!out)
        return 0;
    int rc = 0;
    if (out->wb) {
        char why[256];
        if (book_close(out->wb, why, sizeof why) < 0) {
            if (ok)
                fprintf(stderr, "baogao: %s: cannot write workbook: %s\n", out->fp_name, why);
            ok = 0;
        }
    }
    if (out->fp) {
        int bad = fflush(out->fp) != 0 || ferror(out->fp);
        if (out->fp != stdout && fclose(out->fp) != 0)
            bad = 1;
        if (bad && ok)
            fprintf(stderr, "baogao: %s: write error: %s\n", out->fp_name, strerror(errno));
        ok &= !bad;
    }
    if (out->tmp) {
        if (ok && out->copy && copy_out(out->tmp, out->copy_fd, out->copy_to) < 0) {
            fprintf(stderr, "baogao: %s: write error: %s\n", out->fp_name, strerror(errno));
            ok = 0;
        }
        if (ok && out->final && rename(out->tmp, out->final) < 0) {
            fprintf(stderr, "baogao: %s: cannot write: %s\n", out->final, strerror(errno));
            ok = 0;
        }
        if (!ok || out->copy)
            unlink(out->tmp);
        temp_track(0, NULL);
    }
    rc = ok ? 0 : -1;
    if (out->names)
        for (size_t i = 0; out->names[i]; i++)
            free(out->names[i]);
    free(out->names);
    free(out->same_as);
    free(out->dir);
    free(out->final);
    free(out->tmp);
    free(out);
    return rc;
}
