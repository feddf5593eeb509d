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
                               weights_add_up, score_within_weight, same_total_score, same_amount */
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

#endif
