/* tables.h — table understanding: the role of each column from its header
 * (patterns/tables.txt) and the mapping of each row's cells onto the roles,
 * as a reader does when merged cells were dropped. */
#ifndef BAOGAO_TABLES_H
#define BAOGAO_TABLES_H

#include "decimal.h"
#include "layout.h"

typedef enum {
    BG_R_NONE = -1,
    BG_R_LABEL, BG_R_LEVEL1, BG_R_LEVEL2, BG_R_LEVEL3, BG_R_DESCRIPTION, BG_R_STANDARD,
    BG_R_CATEGORY, BG_R_BASIS, BG_R_HISTORY, BG_R_TARGET, BG_R_ACTUAL, BG_R_WEIGHT, BG_R_SCORE,
    BG_R_NOTE, BG_R_SEQ, BG_R_NAME, BG_R_BUDGET, BG_R_EXECUTED, BG_R_RETURNED, BG_R_GOAL, BG_R_RESULT,
    BG_R_NATURE, BG_R_UNIT,     /* a target spread over 指标性质 | 指标值 | 度量单位 */
    BG_R_COUNT
} bg_role;

typedef struct {
    bg_role role;
    bg_regex header;
} bg_column_rule;

typedef struct {
    char **words;           /* best first */
    size_t n;
} bg_scale;

typedef struct {
    bg_column_rule *columns;
    size_t ncolumns, columns_cap;
    bg_regex weighted_name, figure, placeholder, total_row, not_applicable, lower_is_better, date;
    bg_regex figure_cell, level1_word, level2_word;     /* cell kinds of a row read by its cells */
    bg_regex comparator;        /* a 指标性质 cell that is a comparator (≥, >=, ═) */
    int same_text_achieved;
    bg_scale *scales;
    size_t nscales, scales_cap;
} bg_table_rules;

/* The roles of a header row, trailing empty cells dropped. */
typedef struct {
    bg_role *roles;
    size_t n;
    size_t split;           /* columns [0, split) are the left (name) columns */
    long line;
} bg_header;

/* One row's cells by role (NULL: none). */
typedef struct {
    const bg_piece *cell[BG_R_COUNT];
    size_t unsure;          /* cells left out: more than one column could be theirs */
} bg_mapped_row;

int bg_tables_compile(const bg_records *recs, bg_table_rules *tr, baogao_error *err);
void bg_table_rules_free(bg_table_rules *tr);

/* The role a header cell's text names (BG_R_NONE: none). */
bg_role bg_header_role(const bg_table_rules *tr, bg_matcher *m, const char *s, size_t n, long line);
/* Is a column of this role a name column (left of the values)? */
int bg_role_is_left(bg_role r);
/* Does a column of this role hold figures (分值, 得分, 预算数 …)? */
int bg_role_is_figure(bg_role r);

/* If row is a header (at least three cells with a role), fill *h and return 1. */
int bg_header_of(const bg_table_rules *tr, bg_matcher *m, const bg_row *row, bg_header *h);
int bg_header_has(const bg_header *h, bg_role role);
void bg_header_free(bg_header *h);

/* Map cells[0, n) of a row onto the header's roles. */
void bg_map_row(const bg_header *h, const bg_piece *cells, size_t n, bg_mapped_row *out);

/* Map cells as bg_map_row() does, then check the reading against what the
 * cells are: a figure (10, 1.5亩) is never a name, a level name (数量指标) never
 * a 三级指标, a target or an actual, a figure with a unit never a 分值 or 得分.
 * A reading that breaks this is dropped for one made from the cells' order and
 * kinds, keeping only the cells whose column is certain; so is a padded row
 * whose cells were packed to the left (LAYOUTS §3: merged cells dropped, empty
 * ones added at the end). Returns 0 (nothing mapped)
 * when no reading fits. */
int bg_map_row_checked(const bg_table_rules *tr, bg_matcher *m, const bg_header *h, const bg_row *row,
                       const bg_piece *cells, size_t n, bg_mapped_row *out);
/* 1 or 2 for a cell naming a level of that rank (产出指标, 数量指标), else 0. */
int bg_level_word(const bg_table_rules *tr, bg_matcher *m, const bg_piece *cell);

/* Is the cell empty or a placeholder of an empty template row (……)? */
int bg_cell_blank(const bg_table_rules *tr, bg_matcher *m, const bg_piece *cell);
/* Is the cell only a number? Fills *d with it. */
int bg_cell_decimal(const bg_piece *cell, bg_dec *d);

/* The comparator a printed one stands for: ≥ ≤ > < or = (">=" is ≥, "═" is =). */
const char *bg_comparator(const char *s, size_t n);

/* A cleaned name and the weight written after it ("投入 (20)"). Caller frees. */
char *bg_weighted_name(const bg_table_rules *tr, bg_matcher *m, const bg_piece *cell, bg_dec *weight, int *has_weight);

#endif
