/* facts.h — which figure each amount is: its measure (年初预算数, 执行数,
 * 决算数 …), the year it belongs to and the budget line it measures, from the
 * vocabulary of patterns/facts.txt; the statements of one fact linked, and
 * the distinct facts listed once each. A stage after amount extraction: it
 * reads amounts, their tables and the text around them, and changes nothing. */
#ifndef BAOGAO_FACTS_H
#define BAOGAO_FACTS_H

#include "amounts.h"
#include "checks.h"
#include "meta.h"

typedef struct {
    char *name;
    bg_regex word;          /* in a column header, a row label, a clause */
    bg_regex heading;       /* optional: a section title over prose amounts */
} bg_measure_rule;

typedef struct {
    char *name;
    bg_regex label;
} bg_item_rule;

typedef struct {
    bg_measure_rule *measures;
    size_t nmeasures, measures_cap;
    bg_item_rule *items;
    size_t nitems, items_cap;
    bg_regex prefix, total, difference, span, period;
    char **anchors;         /* period_anchor: characters every period word holds */
    size_t nanchors, anchors_cap, reach;
    bg_regex clause_end, sentence_end;
} bg_fact_rules;

/* What one amount is a statement of; NULL / 0 where the report does not say. */
typedef struct {
    const char *measure, *item;     /* names owned by bg_facts */
    int period;                     /* a year, or 0 */
    size_t same_as;                 /* index of the first statement of the same figure, or BG_NO_PARENT */
} bg_amount_fact;

/* One distinct fact. Statements whose item, measure and period are all known
 * are one fact whatever their values (value null when they disagree: a check
 * says so); with a measure or period unknown, only statements of the same
 * value are taken for one. */
typedef struct {
    const char *item, *measure;
    int period;
    int has_value;
    bg_dec value_wan;
    size_t statements;
    size_t first;                   /* index into amounts */
    int conflict;                   /* a whole (item, measure, period) stated with different values */
    size_t other;                   /* then: the first statement of another value */
    size_t second;                  /* the second statement, or BG_NO_PARENT */
} bg_fact;

typedef struct {
    bg_amount_fact *of;             /* one per amount, in the amounts' order */
    size_t n;
    bg_fact *items;                 /* in the order of their first statements */
    size_t nitems, items_cap;
    char **names;                   /* the measure and item names in use */
    size_t nnames, names_cap;
} bg_facts;

int bg_facts_compile(const bg_records *recs, bg_fact_rules *fr, baogao_error *err);
void bg_fact_rules_free(bg_fact_rules *fr);

void bg_facts_derive(const bg_layout *l, const bg_sections *secs, const bg_meta *meta,
                     const bg_amounts *amounts, const bg_fact_rules *fr, bg_matcher *m, bg_facts *out);
void bg_facts_free(bg_facts *f);

/* Link the statements of one figure (same_as) and list the distinct facts
 * (facts_link.c); called by bg_facts_derive. */
void bg_facts_link(const bg_amounts *amounts, bg_facts *f);

/* The checks on what this stage and the score levels read (checks_facts.c),
 * after those of checks.c: one fact stated with different values
 * (same_fact), and a level's score stated in prose against the sum of its
 * rows in the indicator table (level_score_matches). */
void bg_facts_check(const bg_amounts *amounts, const bg_facts *facts, const bg_findings *f, bg_checks *out);

#endif
