/* amounts.h — every monetary figure: its value in 万元, its label, where it stands. */
#ifndef BAOGAO_AMOUNTS_H
#define BAOGAO_AMOUNTS_H

#include "decimal.h"
#include "sections.h"

typedef struct {
    char *name;
    int wan_exponent;       /* 1 unit = 10^wan_exponent 万元 */
} bg_unit;

typedef struct {
    bg_unit *units;
    size_t nunits, units_cap;
    bg_regex expression, not_after, split_number, foreign, approx, over, under, unitless, formal, field;
    bg_regex money, not_money, header_word, header_note, declaration, header_unit, cell_number, cell_labelled, row_mark;
    bg_regex clause_end, drop_after, part, total, count_at_end, restate, field_edge, field_value;
    bg_regex *drop_before;
    size_t ndrop_before, drop_before_cap;
    bg_regex *after;            /* [labels] after: a label written after the amount */
    size_t nafter, after_cap;
    /* [amounts] anchor: characters one of which every amount holds, and
     * anchor_reach: how far before the first of them an amount may start.
     * The expression is tried only that near an anchor (none: everywhere). */
    struct bg_anchor { char *s; size_t n; } *anchors;
    size_t nanchors, anchors_cap;
    size_t anchor_reach;
    unsigned char anchor_first[65536 / 8];  /* bit c: an anchor starts with the character U+c */
} bg_amount_rules;

typedef struct {
    char *label;            /* NULL: the text does not say */
    char *unit;             /* as written or declared */
    const char *unit_source;    /* "written", "declared", "header" */
    bg_dec value, value_wan;
    int has_max;
    bg_dec value_max, value_max_wan;
    const char *qualifier;  /* NULL, "approx", "over", "under", "range" */
    char *per;
    char *text;
    char *row, *column;     /* table amounts */
    int in_table;
    long line;
    size_t start, end;      /* normalized span */
    size_t parent;          /* index, or BG_NO_PARENT */
    int parts_incomplete;   /* its 其中 list holds a figure with no unit */
    size_t block, row_index, cell;  /* table amounts: where, for column sums and row rates */
} bg_amount;

typedef struct {
    bg_amount *items;
    size_t n, cap;
} bg_amounts;

int bg_amounts_compile(const bg_records *recs, bg_amount_rules *ar, baogao_error *err);
void bg_amount_rules_free(bg_amount_rules *ar);

void bg_amounts_extract(const bg_text *t, const bg_layout *l, const bg_amount_rules *ar, bg_matcher *m,
                        bg_warnings *w, bg_amounts *out);
void bg_amounts_free(bg_amounts *a);

/* ---- shared between the prose and table parts (amounts.c, amount_tables.c) ---- */

/* Context of a table cell: its row label and column header, or NULLs in prose. */
typedef struct {
    const char *row, *column;
    const char *unit;           /* unit governing bare numbers, or NULL */
    const char *unit_source;
} bg_cell_ctx;

/* Can s hold an amount written with its unit (has it an anchor)? */
int bg_amount_possible(const bg_amount_rules *ar, const char *s, size_t n);
/* Find the amounts written with a unit in piece p of text t, appending to out. */
void bg_amounts_in_text(const bg_text *t, const bg_piece *p, const bg_cell_ctx *cell, const bg_amount_rules *ar,
                        bg_matcher *m, bg_warnings *w, bg_amounts *out);
/* Does s mention money (a money word and no non-money word)? */
int bg_is_money_label(const bg_amount_rules *ar, bg_matcher *m, const char *s, long line);
/* The unit named by name, or NULL. */
const bg_unit *bg_unit_find(const bg_amount_rules *ar, const char *name, size_t n);
/* Fill value_wan (and value_max_wan) from value and unit. */
void bg_amount_set_wan(bg_amount *a, const bg_unit *u);
void bg_amount_push(bg_amounts *out, bg_amount *a);

/* A named group of the last match of an expression: {SIZE_MAX, SIZE_MAX}
 * when it is unset or empty. */
typedef struct {
    size_t a, b;
} bg_span;
bg_span bg_amount_group(bg_matcher *m, const bg_regex *re, const char *name);
int bg_span_has(bg_span r);

/* What reading a match of the [amounts] expression gives besides the value. */
typedef struct {
    char unit[32];          /* as written: 万元, 萬圆, 元 … */
    int written_yuan;       /* 元 written, or ¥ / 人民币 standing for it: not a bare 万 */
    int subunits_alone;     /* 角/分 with no 元 before them (叁角贰分) */
} bg_amount_reading;
/* Fill a->value (and a range's value_max and qualifier) from the groups of
 * the match of ar->expression in s that m holds. -1: no value can be read
 * with certainty (a malformed numeral, 角分 out of order, 五角 …). */
int bg_amount_read(const bg_amount_rules *ar, bg_matcher *m, const char *s, long line, bg_amount *a,
                   bg_amount_reading *r);

/* The label of the amount starting at amount_start in p, from its clause
 * (text after `from`, the end of the amount before). The caller owns label. */
typedef struct {
    char *label;
    int part;               /* introduced by 其中 */
    size_t verb_a, verb_b;  /* the verb phrase dropped before the number (约为) */
} bg_label_info;
bg_label_info bg_amount_label(const bg_amount_rules *ar, bg_matcher *m, const bg_piece *p, size_t from,
                              size_t amount_start, size_t amount_end, long line);

/* A labelled field with its unit in brackets after the label, the figure
 * right after it (计划投资额(万元)110.00): where the [amounts] field
 * expression matched, from the bracket to the end of the figure. */
typedef struct {
    size_t bracket, end;    /* the match: ( … figure */
    size_t unit_a, unit_b, num_a, num_b;
} bg_field_hit;
/* The first field in p whose bracket is at or after pos: 1 and *h. Lines
 * with no "元)" cost a memchr. */
int bg_amount_field_find(const bg_amount_rules *ar, bg_matcher *m, const bg_piece *p, size_t pos, bg_field_hit *h);
/* The amount of field h, its label from the text after `from` (the end of
 * the amount before): 0 when it has no label or its label is not money. */
int bg_amount_field_build(const bg_amount_rules *ar, bg_matcher *m, const bg_piece *p, size_t from,
                          const bg_field_hit *h, bg_amount *a, bg_label_info *li);
/* The label of field h: the clause before its bracket from the last
 * [labels] field_edge on, less an earlier field's value (field_value); then
 * as bg_amount_label. */
bg_label_info bg_amount_field_label(const bg_amount_rules *ar, bg_matcher *m, const bg_piece *p, size_t from,
                                    size_t bracket, long line);

/* The tables' part: money cells under a declared or header unit. */
void bg_amounts_in_table(const bg_text *t, const bg_layout *l, size_t block, const bg_amount_rules *ar,
                         bg_matcher *m, bg_warnings *w, bg_amounts *out);

#endif
