/* word_rows.h — tables saved with a space between cells, a row per line
 * (lib/word_rows.c). */
#ifndef BAOGAO_WORD_ROWS_H
#define BAOGAO_WORD_ROWS_H

#include "tables.h"

/* Turn the paragraphs of each such table of l into a table (shape spaced):
 * a line whose words name at least three columns, and the lines under it. */
void bg_word_rows_apply(const bg_text *t, const bg_table_rules *tr, bg_matcher *m, bg_layout *l);

#endif
