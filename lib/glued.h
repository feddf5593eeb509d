/* glued.h — budget tables whose cells were run together with no separator
 * at all (a table pasted from an image or a .docx): a header glued after
 * its unit (项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)), then rows
 * of a label and figures glued (年度资金总额194.9194.9100%). */
#ifndef BAOGAO_GLUED_H
#define BAOGAO_GLUED_H

#include "cellstream.h"

/* Read the glued budget tables of the text lines of l into tables. A row's
 * figures are split only when the row's own rate (执行率 = 执行数 / 预算数)
 * confirms exactly one split; the table ends before the first row that
 * cannot be split with certainty, with a warning. */
void bg_glued_apply(const bg_text *t, const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m,
                    bg_warnings *w, bg_layout *l);

#endif
