/* budget_rows.h — rows of a budget table (年度资金总额 | 预算数 | 执行数 |
 * 执行率 …) that lost a blank cell, whatever their layout: the figures are
 * put back under their columns where the row's own rate confirms one
 * placement (budget.c), so that no figure is read under its neighbour's
 * column. Runs after the tables are built, before anything reads them. */
#ifndef BAOGAO_BUDGET_ROWS_H
#define BAOGAO_BUDGET_ROWS_H

#include "cellstream.h"

void bg_budget_rows_apply(const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m, bg_layout *l);

#endif
