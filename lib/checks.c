/* checks.c — flag where a report contradicts itself: parts against their
 * total, table columns against their 合计 row, rates against their amounts,
 * item scores against the stated total, a score above its weight, and one
 * quantity stated twice with different values. A difference within the
 * report's own rounding (half a unit of the last printed digit per figure
 * added) is not a mismatch. */
#include "checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- rules ---------------------------------------------------------------- */

int bg_checks_compile(const bg_records *recs, bg_check_rules *cr, baogao_error *err)
{
    memset(cr, 0, sizeof *cr);
    for (size_t i = 0; i < recs->n; i++) {
        const bg_record *r = &recs->items[i];
        if (strcmp(r->type, "checks") == 0) {
            const bg_kv *tot = bg_record_get(r, "total_row"), *gen = bg_record_get(r, "generic_label");
            if (!tot || !gen)
                return bg_pattern_error(err, r->file, r->line, "[checks] needs total_row and generic_label");
            if (cr->total_row.code)
                return bg_pattern_error(err, r->file, r->line, "[checks] given twice");
            if (bg_regex_compile(tot, &cr->total_row, err) < 0 || bg_regex_compile(gen, &cr->generic_label, err) < 0)
                return -1;
        } else if (strcmp(r->type, "rate-rule") == 0) {
            const bg_kv *name = bg_record_get(r, "name"), *num = bg_record_get(r, "numerator"),
                        *den = bg_record_get(r, "denominator");
            if (!name || !num || !den)
                return bg_pattern_error(err, r->file, r->line, "[rate-rule] needs name, numerator and denominator");
            bg_rate_rule rr = { NULL, { 0 }, { 0 } };
            if (bg_regex_compile(num, &rr.numerator, err) < 0 || bg_regex_compile(den, &rr.denominator, err) < 0) {
                bg_regex_free(&rr.numerator);
                return -1;
            }
            rr.name = bg_xstrdup(name->value);
            BG_PUSH(cr->rates, cr->nrates, cr->rates_cap, rr);
        }
    }
    if (!cr->total_row.code)
        return bg_pattern_error(err, "patterns", 0, "no [checks] record");
    return 0;
}

void bg_check_rules_free(bg_check_rules *cr)
{
    bg_regex_free(&cr->total_row);
    bg_regex_free(&cr->generic_label);
    for (size_t i = 0; i < cr->nrates; i++) {
        free(cr->rates[i].name);
        bg_regex_free(&cr->rates[i].numerator);
        bg_regex_free(&cr->rates[i].denominator);
    }
    free(cr->rates);
    memset(cr, 0, sizeof *cr);
}

void bg_checks_free(bg_checks *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->items[i].message);
    free(c->items);
    memset(c, 0, sizeof *c);
}

size_t bg_checks_mismatches(const bg_checks *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++)
        n += !c->items[i].ok;
    return n;
}

/* ---- helpers -------------------------------------------------------------- */

typedef struct {
    const bg_layout *l;
    const bg_amounts *a;
    const bg_findings *f;
    const bg_check_rules *cr;
    bg_matcher *m;
    bg_checks *out;
} ctx;

static bg_check *add(ctx *c, const char *rule, int ok)
{
    bg_check k = { 0 };
    k.rule = rule;
    k.ok = ok;
    BG_PUSH(c->out->items, c->out->n, c->out->cap, k);
    return &c->out->items[c->out->n - 1];
}

static void add_line(bg_check *k, long line)
{
    for (size_t i = 0; i < k->nlines; i++)
        if (k->lines[i] == line)
            return;
    if (k->nlines < sizeof k->lines / sizeof k->lines[0])
        k->lines[k->nlines++] = line;
}

static const char *fmt(const bg_dec *d, char *buf, size_t n)
{
    bg_dec_format(d, buf, n);
    return buf;
}

/* Half a unit of the finest printed digit, once per figure involved. */
static void tolerance(int scale, size_t figures, bg_dec *tol)
{
    bg_dec_from_int(tol, 5 * (long long)figures);
    bg_dec_shift(tol, -(scale + 1));
}

static int within(const bg_dec *a, const bg_dec *b, const bg_dec *tol)
{
    bg_dec diff;
    if (bg_dec_sub(a, b, &diff) < 0)
        return 0;
    diff.neg = 0;
    return bg_dec_cmp(&diff, tol) <= 0;
}

static int matches(ctx *c, const bg_regex *re, const char *s)
{
    size_t ov[2];
    return s && bg_match(c->m, re, s, strlen(s), 0, ov, 1, 0);
}

/* ---- parts against their total -------------------------------------------- */

static void parts(ctx *c)
{
    const bg_amounts *a = c->a;
    size_t *first = bg_xmalloc((a->n + 1) * sizeof *first), *next = bg_xmalloc((a->n + 1) * sizeof *next);
    for (size_t i = 0; i < a->n; i++)
        first[i] = next[i] = BG_NO_PARENT;
    for (size_t i = a->n; i-- > 0;)
        if (a->items[i].parent != BG_NO_PARENT) {
            next[i] = first[a->items[i].parent];
            first[a->items[i].parent] = i;
        }
    for (size_t p = 0; p < a->n; p++) {
        if (first[p] == BG_NO_PARENT || a->items[p].parts_incomplete)
            continue;
        const bg_amount *tot = &a->items[p];
        bg_dec sum, tmp;
        bg_dec_from_int(&sum, 0);
        int scale = bg_dec_scale(&tot->value_wan);
        size_t count = 0;
        bg_buf names = { 0 };       /* every part named, however long the list */
        for (size_t i = first[p]; i != BG_NO_PARENT; i = next[i]) {
            if (bg_dec_add(&sum, &a->items[i].value_wan, &tmp) == 0)
                sum = tmp;
            int sc = bg_dec_scale(&a->items[i].value_wan);
            scale = sc > scale ? sc : scale;
            count++;
            char v[64];
            bg_buf_adds(&names, count > 1 ? " + " : "");
            bg_buf_adds(&names, a->items[i].label ? a->items[i].label : "?");
            bg_buf_adds(&names, " ");
            bg_buf_adds(&names, fmt(&a->items[i].value_wan, v, sizeof v));
        }
        bg_dec tol;
        tolerance(scale, count + 1, &tol);
        /* one part can only be checked against its ceiling: a list of one may be partial */
        int ok = count >= 2 ? within(&sum, &tot->value_wan, &tol) : bg_dec_cmp(&sum, &tot->value_wan) <= 0 || within(&sum, &tot->value_wan, &tol);
        bg_check *k = add(c, count >= 2 ? "parts_add_up" : "part_within_total", ok);
        k->expected = tot->value_wan;
        k->found = sum;
        k->has_expected = k->has_found = 1;
        add_line(k, tot->line);
        for (size_t i = first[p]; i != BG_NO_PARENT; i = next[i])
            add_line(k, a->items[i].line);
        char e[64], s[64];
        k->message = bg_xasprintf("%s is %s 万元: %s%s%s", tot->label ? tot->label : "total",
                                  fmt(&tot->value_wan, e, sizeof e), names.s,
                                  count >= 2 ? (ok ? " add up to it" : " add up to ") : (ok ? " within it" : " exceeds it"),
                                  count >= 2 && !ok ? fmt(&sum, s, sizeof s) : "");
        bg_buf_free(&names);
    }
    free(first);
    free(next);
}

/* ---- table columns against their 合计 row --------------------------------- */

/* Sort keys carry what they compare: qsort has no context, and a shared
 * pointer would not survive threads converting at once. */
typedef struct {
    size_t block, cell, index;
    const char *label;
} sort_key;

static int by_cell(const void *x, const void *y)
{
    const sort_key *a = x, *b = y;
    if (a->block != b->block)
        return a->block < b->block ? -1 : 1;
    if (a->cell != b->cell)
        return a->cell < b->cell ? -1 : 1;
    return a->index < b->index ? -1 : 1;
}

/* Check total x against the sum of the column's rows from[..to) (parts of
 * 其中 rows left out). */
static void column_check(ctx *c, const size_t *idx, size_t from, size_t to, const bg_amount *x, const char *where)
{
    const bg_amounts *a = c->a;
    bg_dec sum, tmp;
    bg_dec_from_int(&sum, 0);
    size_t count = 0;
    int scale = bg_dec_scale(&x->value_wan);
    for (size_t q = from; q < to; q++) {
        const bg_amount *y = &a->items[idx[q]];
        if (y->parent != BG_NO_PARENT)
            continue;
        if (bg_dec_add(&sum, &y->value_wan, &tmp) == 0)
            sum = tmp;
        count++;
        int sc = bg_dec_scale(&y->value_wan);
        scale = sc > scale ? sc : scale;
    }
    if (count < 2)
        return;
    bg_dec tol;
    tolerance(scale, count + 1, &tol);
    int ok = within(&sum, &x->value_wan, &tol);
    bg_check *ck = add(c, "column_adds_up", ok);
    ck->expected = x->value_wan;
    ck->found = sum;
    ck->has_expected = ck->has_found = 1;
    add_line(ck, x->line);
    for (size_t q = from; q < to; q++)
        if (a->items[idx[q]].parent == BG_NO_PARENT)
            add_line(ck, a->items[idx[q]].line);
    char ev[64], fv[64];
    ck->message = bg_xasprintf("the %zu rows %s %s (line %ld) add up to %s 万元; it states %s", count, where, x->row,
                               x->line, fmt(&sum, fv, sizeof fv), fmt(&x->value_wan, ev, sizeof ev));
}

/* A 合计 row sums the rows above it — or, standing first, the rows below it. */
static void columns(ctx *c)
{
    const bg_amounts *a = c->a;
    sort_key *keys = bg_xmalloc((a->n + 1) * sizeof *keys);
    size_t *idx = bg_xmalloc((a->n + 1) * sizeof *idx), n = 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->items[i].in_table && a->items[i].unit_source && strcmp(a->items[i].unit_source, "written") != 0)
            keys[n++] = (sort_key){ a->items[i].block, a->items[i].cell, i, NULL };
    qsort(keys, n, sizeof *keys, by_cell);
    for (size_t i = 0; i < n; i++)
        idx[i] = keys[i].index;
    free(keys);
    for (size_t g = 0; g < n;) {
        size_t e = g;
        while (e < n && a->items[idx[e]].block == a->items[idx[g]].block && a->items[idx[e]].cell == a->items[idx[g]].cell)
            e++;
        size_t from = g, top = SIZE_MAX;
        for (size_t k = g; k < e; k++) {
            const bg_amount *x = &a->items[idx[k]];
            if (!matches(c, &c->cr->total_row, x->row))
                continue;
            if (top != SIZE_MAX) {
                column_check(c, idx, top + 1, k, &a->items[idx[top]], "below");
                top = SIZE_MAX;
            } else if (k == from)
                top = k;        /* the total stands above its rows */
            else
                column_check(c, idx, from, k, x, "above");
            if (top == SIZE_MAX || top != k)
                from = k + 1;
        }
        if (top != SIZE_MAX)
            column_check(c, idx, top + 1, e, &a->items[idx[top]], "below");
        g = e;
    }
    free(idx);
}

/* ---- rates in a table row --------------------------------------------------- */

static int percent_of(const bg_piece *cell, bg_dec *pct)
{
    size_t a = 0, b = cell->len;
    while (a < b && cell->s[a] == ' ')
        a++;
    while (b > a && cell->s[b - 1] == ' ')
        b--;
    if (b <= a || cell->s[b - 1] != '%')
        return 0;
    return bg_dec_parse(cell->s + a, b - 1 - a, pct) == (int)(b - 1 - a);
}

/* Does the cell's column name it as re says, or else, when the column names
 * neither side of the rate (资金执行情况), its row (执行数:)? */
static int named(ctx *c, const bg_regex *re, const bg_regex *other, const bg_amount *x)
{
    if (x->column && (matches(c, re, x->column) || matches(c, other, x->column)))
        return matches(c, re, x->column);
    return matches(c, re, x->row ? x->row : x->column ? NULL : x->label);
}

static void rate_in_row(ctx *c, const bg_rate_rule *rr, const bg_amount *num, const bg_amount *den)
{
    const bg_row *row = &c->l->blocks[num->block].table.rows[num->row_index];
    bg_dec pct, q, hundred;
    int found = 0;
    for (size_t k = 0; k < row->n && !found; k++)
        found = percent_of(&row->cells[k], &pct);
    if (!found || bg_dec_is_zero(&den->value_wan))
        return;
    int scale = bg_dec_scale(&pct);
    bg_dec_from_int(&hundred, 100);
    bg_dec prod;
    if (bg_dec_mul(&num->value_wan, &hundred, &prod) < 0 || bg_dec_div(&prod, &den->value_wan, scale + 4, &q) < 0)
        return;
    bg_dec tol;
    tolerance(scale, 1, &tol);
    int ok = within(&q, &pct, &tol);
    bg_check *k = add(c, "rate_matches", ok);
    k->expected = pct;
    bg_dec_div(&prod, &den->value_wan, scale, &k->found);
    k->has_expected = k->has_found = 1;
    add_line(k, den->line);
    add_line(k, num->line);
    char a[64], b[64], e[64], f[64];
    k->message = bg_xasprintf("%s: %s / %s = %s%%; the report states %s%%", rr->name, fmt(&num->value_wan, a, sizeof a),
                              fmt(&den->value_wan, b, sizeof b), fmt(&k->found, f, sizeof f), fmt(&pct, e, sizeof e));
}

static void rates(ctx *c)
{
    const bg_amounts *a = c->a;
    for (size_t i = 0; i < a->n; i++) {
        const bg_amount *num = &a->items[i];
        if (!num->in_table || num->parent != BG_NO_PARENT)
            continue;
        for (size_t r = 0; r < c->cr->nrates; r++) {
            const bg_rate_rule *rr = &c->cr->rates[r];
            if (!named(c, &rr->numerator, &rr->denominator, num))
                continue;
            /* the denominator is the nearest matching cell to the left:
             * 年初预算数 | 全年预算数 | 全年执行数 divides by 全年预算数 */
            const bg_amount *den = NULL;
            for (size_t j = 0; j < a->n; j++) {
                const bg_amount *d = &a->items[j];
                if (j != i && d->in_table && d->block == num->block && d->row_index == num->row_index
                    && d->parent == BG_NO_PARENT && d->cell < num->cell && (!den || d->cell > den->cell)
                    && named(c, &rr->denominator, &rr->numerator, d))
                    den = d;
            }
            if (den)
                rate_in_row(c, rr, num, den);
        }
    }
}

/* ---- scores ----------------------------------------------------------------- */

/* Scores are awarded, not measured: the items are exact and only the total
 * may be rounded, so the allowance is half a unit of the total's last digit
 * (money figures, each rounded, get half a unit per figure instead). */
static void score_sums(ctx *c)
{
    const bg_scores *s = &c->f->scores;
    for (size_t i = 0; i < c->f->nsums; i++) {
        const bg_table_sum *sum = &c->f->sums[i];
        const bg_stated_total *t = &s->totals[sum->total];
        char a[64], b[64];
        if (sum->scored >= 2) {
            bg_dec tol;
            tolerance(bg_dec_scale(&t->value), 1, &tol);
            bg_check *k = add(c, "scores_add_up", within(&sum->score_sum, &t->value, &tol));
            k->expected = t->value;
            k->found = sum->score_sum;
            k->has_expected = k->has_found = 1;
            add_line(k, t->line);
            k->message = bg_xasprintf("the %zu scores of the table add up to %s; its total row states %s", sum->scored,
                                      fmt(&sum->score_sum, a, sizeof a), fmt(&t->value, b, sizeof b));
        }
        if (sum->weighted >= 2 && t->has_max) {
            bg_dec tol;
            tolerance(bg_dec_scale(&t->max), 1, &tol);
            bg_check *k = add(c, "weights_add_up", within(&sum->weight_sum, &t->max, &tol));
            k->expected = t->max;
            k->found = sum->weight_sum;
            k->has_expected = k->has_found = 1;
            add_line(k, t->line);
            k->message = bg_xasprintf("the %zu weights of the table add up to %s; its total row states %s", sum->weighted,
                                      fmt(&sum->weight_sum, a, sizeof a), fmt(&t->max, b, sizeof b));
        }
    }
}

static void within_weights(ctx *c)
{
    size_t checked = 0, over = 0;
    long first_line = 0;
    for (size_t i = 0; i < c->f->nindicators; i++) {
        const bg_indicator *x = &c->f->indicators[i];
        if (!x->has_weight || !x->has_score)
            continue;
        checked++;
        first_line = first_line ? first_line : x->line;
        if (bg_dec_cmp(&x->score, &x->weight) <= 0)
            continue;
        over++;
        bg_check *k = add(c, "score_within_weight", 0);
        k->expected = x->weight;
        k->found = x->score;
        k->has_expected = k->has_found = 1;
        add_line(k, x->line);
        char a[64], b[64];
        k->message = bg_xasprintf("%s scores %s, above its weight %s", x->level3, fmt(&x->score, a, sizeof a),
                                  fmt(&x->weight, b, sizeof b));
    }
    for (size_t i = 0; i < c->f->scores.nitems; i++) {
        const bg_score_item *it = &c->f->scores.items[i];
        if (!it->has_weight || !it->has_score)
            continue;
        checked++;
        first_line = first_line ? first_line : it->line;
        if (bg_dec_cmp(&it->score, &it->weight) <= 0)
            continue;
        over++;
        bg_check *k = add(c, "score_within_weight", 0);
        k->expected = it->weight;
        k->found = it->score;
        k->has_expected = k->has_found = 1;
        add_line(k, it->line);
        char a[64], b[64];
        k->message = bg_xasprintf("%s scores %s, above its maximum %s", it->name ? it->name : "an item",
                                  fmt(&it->score, a, sizeof a), fmt(&it->weight, b, sizeof b));
    }
    if (checked && !over) {
        bg_check *k = add(c, "score_within_weight", 1);
        add_line(k, first_line);
        k->message = bg_xasprintf("none of the %zu scores with a weight exceeds it", checked);
    }
}

static void same_total(ctx *c)
{
    const bg_scores *s = &c->f->scores;
    if (s->ntotals < 2)
        return;
    for (size_t i = 1; i < s->ntotals; i++) {
        int ok = bg_dec_cmp(&s->totals[i].value, &s->totals[0].value) == 0;
        bg_check *k = add(c, "same_total_score", ok);
        k->expected = s->totals[0].value;
        k->found = s->totals[i].value;
        k->has_expected = k->has_found = 1;
        add_line(k, s->totals[0].line);
        add_line(k, s->totals[i].line);
        char a[64], b[64];
        k->message = bg_xasprintf("the total score is stated as %s (line %ld, %s) and as %s (line %ld, %s)",
                                  fmt(&s->totals[0].value, a, sizeof a), s->totals[0].line, s->totals[0].source,
                                  fmt(&s->totals[i].value, b, sizeof b), s->totals[i].line, s->totals[i].source);
    }
}

/* ---- one quantity stated twice ---------------------------------------------- */

static int by_label(const void *x, const void *y)
{
    const sort_key *a = x, *b = y;
    int r = strcmp(a->label, b->label);
    if (r)
        return r;
    return a->index < b->index ? -1 : 1;
}

static void same_amounts(ctx *c)
{
    const bg_amounts *a = c->a;
    sort_key *keys = bg_xmalloc((a->n + 1) * sizeof *keys);
    size_t *idx = bg_xmalloc((a->n + 1) * sizeof *idx), n = 0;
    for (size_t i = 0; i < a->n; i++) {
        const bg_amount *x = &a->items[i];
        if (!x->in_table && x->parent == BG_NO_PARENT && x->label && !x->qualifier
            && bg_utf8_count(x->label, strlen(x->label)) >= 3 && !matches(c, &c->cr->generic_label, x->label))
            keys[n++] = (sort_key){ 0, 0, i, x->label };
    }
    qsort(keys, n, sizeof *keys, by_label);
    for (size_t i = 0; i < n; i++)
        idx[i] = keys[i].index;
    free(keys);
    for (size_t g = 0; g < n;) {
        size_t e = g + 1;
        while (e < n && strcmp(a->items[idx[e]].label, a->items[idx[g]].label) == 0)
            e++;
        const bg_amount *first = &a->items[idx[g]];
        for (size_t k = g + 1; k < e; k++) {
            const bg_amount *x = &a->items[idx[k]];
            int ok = bg_dec_cmp(&x->value_wan, &first->value_wan) == 0;
            bg_check *ck = add(c, "same_amount", ok);
            ck->expected = first->value_wan;
            ck->found = x->value_wan;
            ck->has_expected = ck->has_found = 1;
            add_line(ck, first->line);
            add_line(ck, x->line);
            char v1[64], v2[64];
            ck->message = bg_xasprintf("%s is stated as %s 万元 (line %ld) and as %s 万元 (line %ld)", first->label,
                                       fmt(&first->value_wan, v1, sizeof v1), first->line,
                                       fmt(&x->value_wan, v2, sizeof v2), x->line);
        }
        g = e;
    }
    free(idx);
}

void bg_checks_run(const bg_layout *l, const bg_amounts *amounts, const bg_findings *f, const bg_check_rules *cr,
                   bg_matcher *m, bg_checks *out)
{
    memset(out, 0, sizeof *out);
    ctx c = { l, amounts, f, cr, m, out };
    parts(&c);
    columns(&c);
    rates(&c);
    score_sums(&c);
    within_weights(&c);
    same_total(&c);
    same_amounts(&c);
}

/* ---- for checks kept in other files --------------------------------------------- */

bg_check *bg_check_add(bg_checks *out, const char *rule, int ok)
{
    ctx c = { NULL, NULL, NULL, NULL, NULL, out };
    return add(&c, rule, ok);
}

void bg_check_line(bg_check *k, long line)
{
    add_line(k, line);
}

int bg_check_within(const bg_dec *a, const bg_dec *b, int scale, size_t figures)
{
    bg_dec tol;
    tolerance(scale, figures, &tol);
    return within(a, b, &tol);
}
