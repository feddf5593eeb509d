/* indicators.h — indicator rows, project lists and scores. */
#ifndef BAOGAO_INDICATORS_H
#define BAOGAO_INDICATORS_H

#include "amounts.h"
#include "tables.h"

/* A target or actual value read: comparator, number and unit, or a word. */
typedef struct {
    int present;
    const char *comparator;     /* "≥" "≤" ">" "<" "=" or NULL */
    int has_number;
    bg_dec number;
    char *unit;
    char *word;                 /* qualitative value (相符, 健全 …) when no number */
} bg_parsed;

typedef struct {
    char *level1, *level2, *level3;
    bg_dec level1_weight, level2_weight, level3_weight;
    int has_level1_weight, has_level2_weight, has_level3_weight;
    char *category, *description, *standard, *target, *actual, *note;
    bg_parsed target_parsed, actual_parsed;
    int achieved;               /* 1, 0, or -1 for null */
    bg_dec weight, score;
    int has_weight, has_score;
    long line, table_line;
    size_t start, end;
} bg_indicator;

typedef struct {
    char *number, *name, *goal, *result, *unit;
    bg_dec budget, executed, returned, score;
    bg_dec budget_wan, executed_wan, returned_wan;
    int has_budget, has_executed, has_returned, has_score;
    long line;
    size_t start, end;
} bg_project;

typedef struct {
    bg_dec value;
    bg_dec max;
    int has_max;
    const char *source;         /* "prose" or "table" */
    long line;
    size_t start, end;
} bg_stated_total;

typedef struct {
    char *name;
    bg_dec weight, score;
    int has_weight, has_score;
    const char *source;
    long line;
    size_t start, end;
    int level;                  /* 1 一级, 2 二级 …; 0: not said */
    size_t parent;              /* index of the item of the level above, or BG_NO_PARENT */
    int said_level;             /* the level its sentence names (二级指标“…”), 0 if none */
    int marker;                 /* numbering style of its paragraph, -1 if none */
} bg_score_item;

typedef struct {
    bg_stated_total *totals;
    size_t ntotals, totals_cap;
    int has_total, has_max;     /* total: all stated totals agree */
    bg_dec total, max;
    char *grade;
    long grade_line;
    size_t grade_start, grade_end;
    bg_score_item *items;
    size_t nitems, items_cap;
} bg_scores;

/* What a table's scored rows add up to where its total row stands. */
typedef struct {
    bg_dec score_sum, weight_sum;
    size_t scored, weighted;    /* rows that gave a score / a weight */
    size_t total;               /* index in scores.totals of the stated total */
} bg_table_sum;

typedef struct {
    bg_table_sum *sums;
    size_t nsums, sums_cap;
    bg_indicator *indicators;
    size_t nindicators, indicators_cap;
    bg_project *projects;
    size_t nprojects, projects_cap;
    bg_scores scores;
} bg_findings;

typedef struct {
    bg_regex total, grade, item, item_weight, quoted, item_name, item_level;
} bg_score_rules;

int bg_scores_compile(const bg_records *recs, bg_score_rules *sr, baogao_error *err);
void bg_score_rules_free(bg_score_rules *sr);

/* Indicator tables and project lists; stated table totals go to scores. */
void bg_indicators_extract(const bg_text *t, const bg_layout *l, const bg_table_rules *tr,
                           const bg_amount_rules *ar, bg_matcher *m, bg_warnings *w, bg_findings *out);
/* Totals, grade and item scores stated in prose; then settle the total. */
void bg_scores_extract(const bg_text *t, const bg_layout *l, const bg_sections *secs, const bg_score_rules *sr,
                       bg_matcher *m, bg_warnings *w, bg_findings *out);
void bg_findings_free(bg_findings *f);

#endif
