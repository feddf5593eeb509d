/* glued_ctx.h — what the readers of tables run together (glued.c: budget
 * tables and lists, glued_levels.c: indicator tables) share. Internal. */
#ifndef BAOGAO_GLUED_CTX_H
#define BAOGAO_GLUED_CTX_H

#include "cellstream.h"
#include "splice.h"

enum { MAX_COLS = 12 };

typedef struct {
    const bg_text *t;
    const bg_stream_rules *sr;
    const bg_table_rules *tr;
    bg_matcher *m;
    bg_warnings *w;
    const bg_layout *l;
    /* the header being read: the corner, then its columns */
    size_t col_a[MAX_COLS], col_b[MAX_COLS];
    bg_role roles[MAX_COLS];
    unsigned char rate[MAX_COLS];
    size_t ncols;
} gctx;

/* The length of the longest [column] name starting at s, and its role. */
size_t bg_glued_column_at(gctx *c, const char *s, size_t n, long line, bg_role *role);
/* The length of re's match at s, 0 unless it matches there. */
size_t bg_glued_prefix(gctx *c, const bg_regex *re, const char *s, size_t n, long line);

/* An indicator table run together on line k (glued_levels.c): its rows
 * where each split is certain, into *f; 1 when f holds rows (a warning
 * where a table was found but nothing could be read). Lines of the table
 * after k become table lines of c->l. */
int bg_glued_levels(gctx *c, size_t k, bg_found *f);

#endif
