/* pipecells.h — a pipe table printed one cell per line: each line a cell
 * followed by its pipe (产出指标 |), an empty cell a bare pipe (|), a row's
 * end perhaps a line of pipes only (||||). Unlike a flattened sheet, the
 * empty cells are still there: rows are read by position, as wide as their
 * header. */
#ifndef BAOGAO_PIPECELLS_H
#define BAOGAO_PIPECELLS_H

#include "cellstream.h"

/* Read the runs of such lines in l into tables (before the cell streams:
 * their paragraphs are no stream of their own). A row is taken while its
 * cells fit its header's columns (figures under 分值 and 得分, a name under
 * 三级指标); the table ends at the first that does not. */
void bg_piped_apply(const bg_text *t, const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m,
                    bg_layout *l);

#endif
