/* json_writer.h — JSON written straight into one growing buffer, in the
 * layout cJSON's printer gives (TAB indentation, ":\t" after keys, ", "
 * between array items when pretty), so the output is byte for byte what
 * cJSON_Print would give for the same tree, without the tree: a tree cost a
 * malloc per key and per value, a printf and a sscanf per number, and several
 * times the output's size in memory. */
#ifndef BAOGAO_JSON_WRITER_H
#define BAOGAO_JSON_WRITER_H

#include <stddef.h>

#include "decimal.h"

typedef struct {
    char *s;
    size_t len, cap;
    int pretty;
    size_t depth;           /* open objects and arrays, as cJSON counts them */
    size_t *items;          /* items written so far in each open container */
    unsigned char *is_array;
    size_t levels_cap;
    int failed;
} jw;

/* An empty writer with room for about size_hint bytes. */
void jw_init(jw *w, int pretty, size_t size_hint);
/* Open an object ('{', array 0) or an array ('[', array 1), as a value. */
void jw_open(jw *w, char c, int array);
void jw_close(jw *w);
/* The key of the next member of the open object. */
void jw_key(jw *w, const char *key);
void jw_string(jw *w, const char *s);
void jw_literal(jw *w, const char *s);      /* true, false, null, raw digits */
void jw_number(jw *w, double d);
void jw_null(jw *w);
void jw_bool_or_null(jw *w, int v);         /* v < 0: null */
void jw_str_or_null(jw *w, const char *s);
/* Exact digits (as written, or canonical), never through a double; null if absent. */
void jw_dec_or_null(jw *w, const bg_dec *d, int present, int as_written);
/* Members, as cJSON_Add...ToObject: a NULL string adds nothing. */
void jw_member_str(jw *w, const char *key, const char *s);
/* Members that are always there: a string or null, exact digits or null. */
void jw_member_str_or_null(jw *w, const char *key, const char *s);
void jw_member_dec(jw *w, const char *key, const bg_dec *d, int present, int as_written);
void jw_member_num(jw *w, const char *key, double d);
/* The text written, NUL-terminated and trimmed to size; NULL if a value could
 * not be written. Caller frees. The writer is reset. */
char *jw_finish(jw *w);

#endif
