/* checks.h — consistency checks: where a report contradicts itself. */
#ifndef BAOGAO_CHECKS_H
#define BAOGAO_CHECKS_H

#include "indicators.h"

typedef struct {
    char *name;
    bg_regex numerator, denominator;
} bg_rate_rule;

typedef struct {
    bg_regex total_row, generic_label;
    bg_rate_rule *rates;
    size_t nrates, rates_cap;
} bg_check_rules;

typedef struct {
    const char *rule;       /* parts_add_up, column_adds_up, rate_matches, scores_add_up,
                               weights_add_up, score_within_weight, same_total_score, same_amount,
                               same_fact, level_score_matches */
    int ok;
    bg_dec expected, found;
    int has_expected, has_found;
    long lines[8];
    size_t nlines;
    char *message;
} bg_check;

typedef struct {
    bg_check *items;
    size_t n, cap;
} bg_checks;

int bg_checks_compile(const bg_records *recs, bg_check_rules *cr, baogao_error *err);
void bg_check_rules_free(bg_check_rules *cr);

void bg_checks_run(const bg_layout *l, const bg_amounts *amounts, const bg_findings *f, const bg_check_rules *cr,
                   bg_matcher *m, bg_checks *out);
void bg_checks_free(bg_checks *c);
size_t bg_checks_mismatches(const bg_checks *c);

/* For checks written in other files (checks_facts.c): append a check of rule
 * with status ok; note a line it involves; is a within b, allowing half a
 * unit of the digit at `scale` decimals once per figure involved? */
bg_check *bg_check_add(bg_checks *out, const char *rule, int ok);
void bg_check_line(bg_check *k, long line);
int bg_check_within(const bg_dec *a, const bg_dec *b, int scale, size_t figures);

#endif
