/* cellstream.h — tables that lost their row breaks: a spreadsheet flattened
 * one cell per line (LAYOUTS §2) or saved as one line of space-separated
 * cells (§4). Runs after bg_layout_build(): it finds header words among the
 * cells, rebuilds header and rows as a reader would, and replaces the cells
 * with a table every later stage reads as any other. */
#ifndef BAOGAO_CELLSTREAM_H
#define BAOGAO_CELLSTREAM_H

#include "layout.h"
#include "tables.h"

/* [cell-stream] of patterns/tables.txt. */
typedef struct {
    bg_regex value;             /* a cell of a figure column: number, percentage, dash */
    bg_regex score_value;       /* a 分值/得分 cell: a plain number or a dash */
    bg_regex header_like;       /* an unnamed header cell between named ones (执行率) */
    bg_regex unit_fragment;     /* a header cell's unit on its own line: (万元) */
    bg_regex note;              /* a cell that reads as an explanation, not a name */
    bg_regex level_word;        /* a level-1/level-2 name: never a 三级指标 or a value */
    bg_regex value_text;        /* a cell starting with a figure (100人): never a name */
    bg_regex annotation;        /* a bracketed piece after a header cell: (20分*执行率) */
    bg_regex continues_next;    /* a piece ending so goes on in the next one: 分析及 */
    bg_regex continues_prev;    /* a piece starting so goes on from the one before: 及改进措施 */
    bg_regex weight_piece;      /* a level's weight on a line of its own: (50), 30分) */
    bg_regex labelled;          /* a cell holding its label and its figure: 项目支出:12.50 */
    bg_regex rate_header;       /* a column of percentages: 执行率 */
    bg_regex percent;           /* a percentage cell: only under such a column */
    bg_regex glued_unit;        /* the unit a glued header follows: (万元) */
    bg_regex glued_rate;        /* a rate column in a glued header: 执行率(B/A) */
    bg_regex glued_note;        /* a note glued after a column name: (A) */
    bg_regex glued_run;         /* figures run together: 194.9194.9100% */
    bg_regex glued_total;       /* a glued list's total: 全县合计 */
    bg_regex glued_levels;      /* an indicator header run together: 一级指标二级指标 */
    bg_regex glued_level1;      /* its rows: a level-1 word glued before the rest */
    bg_regex glued_level2;      /* a level-2 word */
    bg_regex glued_cmp;         /* the comparator that starts a target */
    bg_regex glued_actual;      /* an actual of the closed vocabulary (search) */
    bg_regex glued_pair;        /* a target and an actual, each with its unit: 100%98%, 0起0起 */
    long fragment_max_chars;    /* header pieces this short may be one broken cell */
    long max_fragments;         /* ... in at most this many pieces */
    long header_max_chars;      /* a longer paragraph is never a header cell */
    long column_slack;          /* columns laid out with spaces: how far a cell may stand off its header */
    long label_max_chars;       /* a glued row's label is no longer */
    long rate_slack;            /* a printed rate may be off its figures by this many percentage points */
} bg_stream_rules;

int bg_stream_compile(const bg_records *recs, bg_stream_rules *sr, baogao_error *err);
void bg_stream_rules_free(bg_stream_rules *sr);

/* Rebuild the cell streams of l in place: one-line spreadsheets (SPACED
 * tables of one row) and runs of one-cell paragraphs around a header. Cells
 * that cannot be placed in columns with certainty stay a raw row (row.raw)
 * with a warning, or, between paragraphs, stay paragraphs. */
void bg_cellstream_apply(const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m, bg_warnings *w,
                         bg_layout *l);

#endif
