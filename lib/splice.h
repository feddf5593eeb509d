/* splice.h — tables read from the text after the layout was built (PDF
 * columns, rows of words, rows run together): built row by row, then put
 * in place of the paragraph bytes they were read from; what is left of each
 * paragraph stays a paragraph (a heading marker stays with its start). */
#ifndef BAOGAO_SPLICE_H
#define BAOGAO_SPLICE_H

#include "layout.h"

/* A table and the normalized bytes [from, to) it was read from. */
typedef struct {
    bg_table table;
    size_t from, to;
} bg_found;

/* A new row of `width` empty cells at the end of tb (it owns the row). */
bg_row *bg_table_new_row(bg_table *tb, size_t width, long line);

/* Replace the bytes of the tables fs[0, nf) (in text order, not
 * overlapping) by the tables, in one pass over the blocks. The tables move
 * into the layout. */
void bg_splice_tables(const bg_text *t, bg_layout *l, const bg_found *fs, size_t nf);

#endif
