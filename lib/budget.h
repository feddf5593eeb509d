/* budget.h — the figures of a budget row (年度资金总额 | 预算数 | 执行数 |
 * 执行率) placed in their columns when the text lost what placed them: a
 * blank cell dropped (five figures under six columns), or no separator at
 * all (194.9194.9100%). A placement is taken only when it is the one reading
 * the row's own rate confirms: 执行率 = 执行数 / 预算数 (the budget column
 * nearest before the executed one), within a slack for the source's rounding.
 * Used by the layout stage (cellstream, glued rows, budget row repair). */
#ifndef BAOGAO_BUDGET_H
#define BAOGAO_BUDGET_H

#include "tables.h"

/* The columns of a budget header, left to right. */
typedef struct {
    const bg_role *roles;       /* BG_R_BUDGET, BG_R_EXECUTED, anything else */
    const unsigned char *rate;  /* nonzero: a column of rates (执行率) */
    size_t n;
    double slack;               /* how far a printed rate may be off, in percent of itself */
} bg_budget_cols;

/* A figure read from text: its value and whether it was printed with %. */
typedef struct {
    double v;
    int pct;
    int set;                    /* 0: a blank cell */
} bg_fig;

/* Read s[0, n) (spaces around allowed) as a figure: a number, perhaps
 * followed by % or a money unit (万元 元 亿元 千元). 1 on success. */
int bg_fig_parse(const char *s, size_t n, bg_fig *f);

/* Does the rate hold with figs[k] under column k? 1 holds, 0 contradicted,
 * -1 cannot be told (no rate column, or a figure it needs is blank). */
int bg_budget_rate(const bg_budget_cols *bc, const bg_fig *figs);

/* Place figures figs[0, m) in increasing columns from `from` on, percentages
 * only under rate columns; 1 when exactly one placement makes the rate hold,
 * its columns in cols[0, m); else 0. */
int bg_budget_place(const bg_budget_cols *bc, size_t from, const bg_fig *figs, size_t m, size_t *cols);

/* Split a run of figures printed with no separator (194.9194.9100%,
 * 50万元47.6895.00%) into one figure for each column from `from` to the
 * end; 1 when exactly one split makes the rate hold: the figures' byte
 * ranges in run are [cut[k], cut[k + 1]) for k = 0 … n - from - 1 (a unit
 * or % stays with its figure). */
int bg_budget_split(const bg_budget_cols *bc, size_t from, const char *run, size_t len, size_t *cut);

#endif
