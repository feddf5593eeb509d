/* splice.h — tables read from the text after the layout was built (PDF
 * columns, rows of words, rows run together) take the place of the
 * paragraph bytes they were read from; what is left of each paragraph stays
 * a paragraph (a heading marker stays with its paragraph's start). */
#ifndef BAOGAO_SPLICE_H
#define BAOGAO_SPLICE_H

#include "layout.h"

/* A table and the normalized bytes [from, to) it was read from. */
typedef struct {
    bg_table table;
    size_t from, to;
} bg_found;

/* Replace the bytes of the tables fs[0, nf) (in text order, not
 * overlapping) by the tables, in one pass over the blocks. The tables move
 * into the layout. */
void bg_splice_tables(const bg_text *t, bg_layout *l, const bg_found *fs, size_t nf);

#endif
