/* columns.h — tables a PDF converter laid out with spaces (pdftotext
 * -layout): cells stand in columns under their header cells, a long cell
 * wraps onto lines holding only the rest of it, a page number and a repeated
 * header interrupt the table. Runs after bg_cellstream_apply(). */
#ifndef BAOGAO_COLUMNS_H
#define BAOGAO_COLUMNS_H

#include "cellstream.h"

/* Replace the text lines of each such table (from its header line to its last
 * row) by a table of full-width rows; paragraphs that ran into it are cut. */
void bg_columns_apply(const bg_text *t, const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m,
                      bg_layout *l);

#endif
