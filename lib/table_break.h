/* table_break.h — an indicator table broken in two (a page, a heading or a
 * stray paragraph between its halves) loses the merged cells that spanned the
 * break: the rows before it lose the group they belong to, and the rows after
 * it the level-1 name, which the converter printed as a paragraph between the
 * halves. A reader puts them back by the weights; so does this, and only
 * where the weights add up exactly. */
#ifndef BAOGAO_TABLE_BREAK_H
#define BAOGAO_TABLE_BREAK_H

#include "indicators.h"
#include "layout.h"
#include "tables.h"

/* A level name with its weight printed as paragraphs just before table block
 * `block` (after block `after`): "过程(执行)" + "(40)". 1 and *name (caller
 * frees) and *weight if so. */
int bg_break_level_name(const bg_layout *l, size_t after, size_t block, const bg_table_rules *tr, bg_matcher *m,
                        char **name, bg_dec *weight);

/* After the second half (indicators [first, end) of f) is read:
 * - the rows [orphan_from, orphan_to) at the end of the first half, whose
 *   levels were not filled down, join the first group of the second half when
 *   that group's rows and theirs add up to its stated weight;
 * - rows given the level-1 name found between the halves (name, weight)
 *   keep it only if their weights, the joined rows' included, add up to it.
 * Each decision is said in a warning. */
void bg_break_settle(bg_findings *f, size_t orphan_from, size_t orphan_to, size_t first, size_t end,
                     const char *name, const bg_dec *weight, bg_warnings *w);

#endif
