/* cli.h — the pieces of the baogao command, shared between its files:
 * options.c (the command line), inputs.c (what to convert), names.c (output
 * names and safe writes), outputs.c (where results go) with csv.c and xlsx.c
 * (the spreadsheet formats), batch.c (threads, order, progress) and main.c.
 * The command uses only baogao.h (and libxlsxwriter in xlsx.c). */
#ifndef BAOGAO_CLI_H
#define BAOGAO_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "baogao.h"

/* Exit codes, in one place. */
enum { EXIT_ALL_OK = 0, EXIT_SOME_FAILED = 1, EXIT_USAGE = 2, EXIT_MISMATCH = 3 };

typedef enum { FMT_JSON, FMT_JSONL, FMT_CSV, FMT_TSV, FMT_XLSX, FMT_HTML } out_format;

/* Where inputs come from, in command-line order. */
typedef enum { SRC_FILE, SRC_DIR, SRC_LIST } source_kind;
typedef struct {
    source_kind kind;
    const char *path;
} source;

typedef struct {
    int pretty;             /* -1: default (pretty for one document, else compact) */
    const char *encoding;
    const char *patterns_dir;
    int lossy;
    int fail_on_mismatch;
    int jobs;               /* worker threads, >= 1 */
    out_format format;
    int format_given;
    baogao_table table;
    int table_given;
    int bom;
    int quiet;
    int resume;
    int null_separated;     /* -0: --files-from names end with NUL */
    const char *output;     /* -o, or NULL for standard output */
    source *sources;
    size_t nsources;
    const char **includes;  /* --include GLOB, for -r */
    size_t nincludes;
} options;

/* Parse the command line. Returns -1 to go on, or an exit code (after
 * printing help, the version or a usage error). Caller frees with
 * options_free(). */
int options_parse(int argc, char **argv, options *o);
void options_free(options *o);
int usage_error(const char *fmt, const char *arg);

/* ---- inputs ---------------------------------------------------------------- */

typedef struct {
    char *path;             /* as given or found; "-" is standard input */
} input;

typedef struct {
    input *items;
    size_t n, cap;
    size_t failed;          /* directories, lists or entries that could not be read (reported) */
    size_t excluded;        /* files under -r that no --include matched */
} input_list;

/* Expand the sources: files as given, directories walked in sorted order,
 * lists read. Problems are reported on stderr and counted in list->failed. */
void inputs_collect(const options *o, input_list *list);
void inputs_free(input_list *list);

/* Read a whole file (or standard input for "-"). Returns 0, or -1 with a
 * reason in why and its error code in *code. Caller frees *data with free(). */
int read_all(const char *path, unsigned char **data, size_t *len, char *why, size_t whylen, baogao_code *code);

/* ---- names and safe writes (names.c) ---------------------------------------- */

/* The file name, inside an output directory, for an input's path: never a
 * path itself (man page: OUTPUT NAMES). Caller frees. */
char *output_name(const char *path, const char *suffix);

/* A temporary name in dir for a file about to be written there. Caller frees. */
char *temp_name(const char *dir);
/* Remove temporary files that a killed run of this host left in dir. */
void temp_sweep(const char *dir);

/* Register path (or NULL to clear) as the temporary file of slot so that an
 * interrupt removes it; slot 0 is the main thread, 1.. the workers. */
void temp_track(int slot, const char *path);
void temp_track_init(int nslots);

/* How a write to a path is made (README: "Nothing lost"). */
typedef enum {
    DEST_RENAME,            /* a file, new or not: a temporary file beside `final`, renamed onto it */
    DEST_IN_PLACE,          /* a device or a pipe: opened and written as it is */
    DEST_FD                 /* a name for one of our descriptors (/dev/stdout, /dev/fd/N): written to `fd` */
} dest_kind;
typedef struct {
    dest_kind kind;
    int fd;
    char *final;            /* DEST_RENAME: the path with a symbolic link followed, so the link stays */
} dest;
/* Returns 0, or -1 with errno (EISDIR for a directory). Caller frees d->final. */
int dest_of(const char *path, dest *d);
/* The directory part of path ("." when none). Caller frees. */
char *dir_of(const char *path);

/* Write data to path as dest_of() says: a file through a temporary file in
 * its directory, then renamed, so the final name holds either the old or the
 * whole new contents. Returns 0, or -1 with errno set. */
int write_atomically(const char *path, const char *data, size_t len, int slot);

/* Write all of data to fd; -1 with errno on failure. */
int write_fully(int fd, const char *data, size_t len);

/* mkdir -p; 0 or -1 with errno. */
int make_dirs(const char *path);

/* ---- outputs ----------------------------------------------------------------- */

/* What one input left for the output, made by a worker and written in
 * input order by the main thread. */
typedef struct {
    int done;
    int failed;             /* could not be converted, or its output not written */
    int skipped;            /* --resume: the output was already up to date */
    size_t mismatches;      /* consistency checks that found a contradiction */
    size_t bytes, warnings;
    char *text;             /* for the stream: JSON, CSV rows, a workbook's rows */
    size_t len;
    char *messages;         /* for standard error, printed in order */
} job;

typedef struct output output;

/* Decide where results go and open it. Returns NULL after reporting a
 * problem; *usage is set when it was a usage error. */
output *output_open(const options *o, const input_list *in, int *usage);
/* In a worker: convert one input's bytes and render its output into j. */
void output_convert(output *out, const baogao_patterns *pat, const input_list *in, size_t index, job *j,
                    int slot);
/* On the main thread, in input order. Returns -1 when the output can take
 * nothing more (the run stops). */
int output_emit(output *out, job *j);
/* 1 when results go to standard output and it is a terminal (then no
 * progress line is drawn between them). */
int output_on_terminal(const output *out);
/* Finish: rename into place or close the workbook. Returns 0, or -1 after
 * reporting a write error. ok == 0 means the run was cut short. */
int output_close(output *out, int ok);

/* Append printf-style text to a job's messages. */
void job_say(job *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append a "baogao: PATH[:LINE]: message" line for a library error. */
void job_error(job *j, const char *path, const baogao_error *e);

/* A growable string. */
typedef struct {
    char *s;
    size_t len, cap;
} strbuf;
void sb_add(strbuf *b, const char *s, size_t n);
void sb_adds(strbuf *b, const char *s);
void sb_addc(strbuf *b, char c);

/* ---- CSV and TSV (csv.c) ------------------------------------------------------- */

/* The column names of table, as a CSV (tsv == 0) or TSV record. */
void csv_header(strbuf *b, baogao_table table, int tsv);
/* The rows of table for one result. */
void csv_rows(const baogao_result *r, baogao_table table, int tsv, strbuf *b);

/* ---- the workbook (xlsx.c) --------------------------------------------------- */

typedef struct book book;
/* Rows of every table of one result, serialized into b for book_add(). */
void book_rows(const baogao_result *r, strbuf *b);
void book_error_row(const baogao_error *e, strbuf *b);
book *book_open(const char *path, char *why, size_t whylen);
/* Add rows made by book_rows(); returns the number of cells it had to cut. */
size_t book_add(book *wb, const char *rows, size_t len);
/* Close and write; 0 or -1 with a reason. */
int book_close(book *wb, char *why, size_t whylen);

/* ---- the batch (batch.c) ------------------------------------------------------ */

typedef struct {
    size_t converted, failed, skipped, mismatches, warnings, bytes;
    double seconds;
    int stopped;            /* the output failed and the run stopped early */
} batch_stats;

void batch_run(const options *o, const baogao_patterns *pat, const input_list *in, output *out,
               batch_stats *st);

#endif
