/* baogao.h — turn loose-text Chinese budget-performance reports into JSON.
 *
 * Ownership, said once: every function that returns a pointer to something it
 * allocated says "caller frees" and names the function to free it with.
 * Strings returned by baogao_result_json() are freed with baogao_free().
 * Every string the library returns comes from malloc(), and baogao_free() is
 * free(): a caller may realloc() or free() it itself (the CLI appends a
 * newline in place rather than copy a report's JSON).
 * A baogao_patterns is immutable after loading and may be shared by any
 * number of threads converting at the same time.
 */
#ifndef BAOGAO_H
#define BAOGAO_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BAOGAO_VERSION "0.1.0"

/* Only baogao_ symbols leave the shared library. */
#if defined(__GNUC__)
#define BAOGAO_API __attribute__((visibility("default")))
#else
#define BAOGAO_API
#endif

/* Error codes; baogao_error_name() gives each its stable token (the "code"
 * of an error record), baogao_strerror() a sentence. */
typedef enum {
    BAOGAO_OK = 0,
    BAOGAO_ERR_NOMEM = 1,        /* out_of_memory */
    BAOGAO_ERR_IO = 2,           /* io: a file could not be read or written */
    BAOGAO_ERR_ENCODING = 3,     /* encoding: bytes that do not decode; see offset */
    BAOGAO_ERR_BINARY = 4,       /* binary: not text at all (a file type, NULs, control bytes) */
    BAOGAO_ERR_EMPTY = 5,        /* empty: nothing but whitespace */
    BAOGAO_ERR_PATTERN = 6,      /* pattern: a pattern file is malformed; see file, line */
    BAOGAO_ERR_USAGE = 7,        /* usage: a bad option value, e.g. unknown encoding */
    BAOGAO_ERR_LIMIT = 8,        /* limit: input larger than the documented limit */
    BAOGAO_ERR_NOT_FOUND = 9,    /* not_found: no such file */
    BAOGAO_ERR_IS_DIRECTORY = 10, /* is_directory: a directory given as an input */
    BAOGAO_ERR_PERMISSION = 11   /* permission: the file may not be read */
} baogao_code;

/* Where and why something failed. line is 1-based (0 when unknown);
 * offset is a byte offset into the input (-1 when unknown). file and message
 * are always well-formed UTF-8 (a byte of a file name that is not becomes
 * U+FFFD), cut between characters when too long, never inside one. */
typedef struct {
    baogao_code code;
    char file[256];
    long line;
    long offset;
    char message[256];
} baogao_error;

/* Fill *err: file (NULL: "-") and a printf-style message, made UTF-8 and cut
 * at whole characters as said above. For a program that reports its own
 * failures in the library's records (baogao_error_json). */
BAOGAO_API void baogao_error_set(baogao_error *err, baogao_code code, const char *file, long line, long offset,
                                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

typedef struct baogao_patterns baogao_patterns;
typedef struct baogao_result baogao_result;

typedef struct {
    const char *path;       /* for source.path and messages; NULL means "-" */
    const char *encoding;   /* NULL: detect; else an iconv name, e.g. "GB18030" */
    int lossy;              /* replace undecodable bytes with U+FFFD, with a warning */
} baogao_options;

/* Load and compile the pattern files of dir, or the built-in copy when dir
 * is NULL. Returns NULL and fills *err on failure. Caller frees with
 * baogao_patterns_free(). */
BAOGAO_API baogao_patterns *baogao_patterns_load(const char *dir, baogao_error *err);
BAOGAO_API void baogao_patterns_free(baogao_patterns *patterns);

/* Convert one report held in memory. Returns NULL and fills *err when the
 * input cannot be converted at all. Caller frees with baogao_result_free(). */
BAOGAO_API baogao_result *baogao_convert(const baogao_patterns *patterns,
                              const unsigned char *bytes, size_t len,
                              const baogao_options *options, baogao_error *err);

/* Number of warnings the conversion recorded. */
BAOGAO_API size_t baogao_result_warning_count(const baogao_result *result);

/* 0 when nothing of a budget-performance report was recognised in the input
 * (no title, kind, organization, amount, indicator, project or score: a
 * README, a JSON file); the result then has a warning saying so. Else 1. */
BAOGAO_API int baogao_result_recognised(const baogao_result *result);

/* Number of consistency checks that found the report contradicting itself. */
BAOGAO_API size_t baogao_result_mismatch_count(const baogao_result *result);

/* The result as JSON (schema "baogao/1"); pretty != 0 indents it.
 * Returns NULL when out of memory. Caller frees with baogao_free(). */
BAOGAO_API char *baogao_result_json(const baogao_result *result, int pretty);

BAOGAO_API void baogao_result_free(baogao_result *result);

/* A failed input as a JSON Lines record ({"schema", "producer": {"name",
 * "version"}, "source": {"path"}, "error": {"code", "message", "line",
 * "offset"}}, code being baogao_error_name()), so a batch loses no file.
 * Caller frees with baogao_free(); NULL when out of memory. */
BAOGAO_API char *baogao_error_json(const baogao_error *err);

/* ---- flat tables, for spreadsheets (CSV, TSV, xlsx) ---------------------
 * One row per item, the document's file, organization, year and kind in
 * front so a whole archive lands in one sheet. Implemented in lib/flatten.c. */
typedef enum {
    BAOGAO_TABLE_DOCUMENTS, BAOGAO_TABLE_SECTIONS, BAOGAO_TABLE_AMOUNTS, BAOGAO_TABLE_INDICATORS,
    BAOGAO_TABLE_PROJECTS, BAOGAO_TABLE_SCORES, BAOGAO_TABLE_CHECKS, BAOGAO_TABLE_COUNT
} baogao_table;

/* One cell: text is NULL for a null value; a number's text is its exact digits. */
typedef struct {
    const char *text;
    int is_number;
} baogao_cell;

/* Called once per row; return non-zero to stop. cells are valid during the call. */
typedef int (*baogao_row_fn)(void *ctx, const baogao_cell *cells, size_t n);

/* "documents", "sections", … to a table; returns 0, or -1 for an unknown name. */
BAOGAO_API int baogao_table_from_name(const char *name, baogao_table *table);
BAOGAO_API const char *baogao_table_name(baogao_table table);
/* The column names of a table, NULL-terminated; static, never freed. */
BAOGAO_API const char *const *baogao_table_columns(baogao_table table);
/* Call fn for each row of the table for one result. Returns what fn returned
 * when it stopped, else 0. */
BAOGAO_API int baogao_table_rows(const baogao_result *result, baogao_table table, baogao_row_fn fn, void *ctx);

/* ---- the review page ---------------------------------------------------------
 * One self-contained HTML page: the report's text, line-numbered, with every
 * extracted item marked in place, and side panels. Implemented in
 * lib/emit_html.c. Caller frees with baogao_free(); NULL when out of memory. */
BAOGAO_API char *baogao_result_html(const baogao_result *result);

/* The SHA-256 of the input bytes, 64 hex digits; owned by the result. */
BAOGAO_API const char *baogao_result_sha256(const baogao_result *result);

/* The same checksum without converting: the SHA-256 of len bytes at data as
 * 64 hex digits and a NUL in hex (e.g. to tell whether an earlier output is
 * still that of its input). */
BAOGAO_API void baogao_sha256_hex(const void *data, size_t len, char hex[65]);

/* 1 if --encoding NAME can be decoded, else 0. */
BAOGAO_API int baogao_encoding_supported(const char *name);
BAOGAO_API void baogao_free(void *p);

BAOGAO_API const char *baogao_version(void);
BAOGAO_API const char *baogao_strerror(baogao_code code);
/* The stable, machine-readable token of a code: "io", "not_found",
 * "is_directory", "permission", "encoding", "binary", "empty", "limit",
 * "pattern", "usage", "out_of_memory" ("ok" for BAOGAO_OK, "unknown" else). */
BAOGAO_API const char *baogao_error_name(baogao_code code);

#ifdef __cplusplus
}
#endif
#endif
