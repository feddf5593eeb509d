/* checks_facts.c — checks on what facts.c and the score levels read: one
 * fact (item, measure and year all stated) given two values, and a level's
 * score stated in prose against what its rows in the indicator table add up
 * to. Run after the checks of checks.c, whose helpers they share. */
#include "facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *fmt(const bg_dec *d, char *buf, size_t n)
{
    bg_dec_format(d, buf, n);
    return buf;
}

static void same_facts(const bg_amounts *a, const bg_facts *facts, bg_checks *out)
{
    for (size_t i = 0; i < facts->nitems; i++) {
        const bg_fact *x = &facts->items[i];
        if (x->statements < 2 || !x->measure || !x->period)
            continue;
        const bg_amount *first = &a->items[x->first];
        const bg_amount *next = &a->items[x->conflict ? x->other : x->second];
        bg_check *k = bg_check_add(out, "same_fact", !x->conflict);
        k->expected = first->value_wan;
        k->found = next->value_wan;
        k->has_expected = k->has_found = 1;
        bg_check_line(k, first->line);
        bg_check_line(k, next->line);
        char v1[64], v2[64];
        if (x->conflict)
            k->message = bg_xasprintf("%s %s %d is stated as %s 万元 (line %ld) and as %s 万元 (line %ld)", x->item,
                                      x->measure, x->period, fmt(&first->value_wan, v1, sizeof v1), first->line,
                                      fmt(&next->value_wan, v2, sizeof v2), next->line);
        else
            k->message = bg_xasprintf("%s %s %d is stated %zu times, each as %s 万元 (first at lines %ld and %ld)",
                                      x->item, x->measure, x->period, x->statements,
                                      fmt(&first->value_wan, v1, sizeof v1), first->line, next->line);
    }
}

/* What the rows under one level name of the indicator tables add up to. */
typedef struct {
    const char *name;
    int level;
    long table;             /* its rows' table; 0 when they are in several */
    int scored;             /* every row has a score */
    size_t rows;
    bg_dec sum;
} level_rows;

static int by_level(const void *x, const void *y)
{
    const level_rows *a = x, *b = y;
    return a->level != b->level ? (a->level < b->level ? -1 : 1) : strcmp(a->name, b->name);
}

/* The sums of the level-1 and level-2 names, one entry each, sorted. */
static level_rows *level_sums(const bg_findings *f, size_t *n)
{
    level_rows *l = bg_xmalloc((2 * f->nindicators + 1) * sizeof *l);
    size_t k = 0, out = 0;
    for (size_t i = 0; i < f->nindicators; i++) {
        const bg_indicator *x = &f->indicators[i];
        for (int level = 1; level <= 2; level++) {
            const char *name = level == 1 ? x->level1 : x->level2;
            if (name)
                l[k++] = (level_rows){ name, level, x->table_line, x->has_score, 1, x->score };
        }
    }
    qsort(l, k, sizeof *l, by_level);
    for (size_t i = 0; i < k; i++) {
        level_rows *q = out ? &l[out - 1] : NULL;
        if (!q || by_level(q, &l[i]) != 0) {
            if (!l[i].scored)
                bg_dec_from_int(&l[i].sum, 0);
            l[out++] = l[i];
            continue;
        }
        bg_dec tmp;
        if (q->table != l[i].table)
            q->table = 0;
        q->scored &= l[i].scored;
        if (q->scored && bg_dec_add(&q->sum, &l[i].sum, &tmp) == 0)
            q->sum = tmp;
        q->rows++;
    }
    *n = out;
    return l;
}

/* The score of item it against the rows under its level in one indicator
 * table; no check when the rows are in several tables or one has no score. */
static void level_score(const level_rows *sums, size_t n, const bg_score_item *it, bg_checks *out)
{
    level_rows key = { it->name, it->level, 0, 0, 0, { 0 } };
    const level_rows *l = n ? bsearch(&key, sums, n, sizeof *sums, by_level) : NULL;
    if (!l || !l->table || !l->scored)
        return;
    /* scores are awarded exactly; only the stated one may be rounded */
    int ok = bg_check_within(&l->sum, &it->score, bg_dec_scale(&it->score), 1);
    bg_check *k = bg_check_add(out, "level_score_matches", ok);
    k->expected = it->score;
    k->found = l->sum;
    k->has_expected = k->has_found = 1;
    bg_check_line(k, it->line);
    bg_check_line(k, l->table);
    char s1[64], s2[64];
    k->message = bg_xasprintf("%s is scored %s (line %ld); its %zu row%s in the indicator table at line %ld add%s up to %s",
                              it->name, fmt(&it->score, s1, sizeof s1), it->line, l->rows, l->rows > 1 ? "s" : "",
                              l->table, l->rows > 1 ? "" : "s", fmt(&l->sum, s2, sizeof s2));
}

void bg_facts_check(const bg_amounts *amounts, const bg_facts *facts, const bg_findings *f, bg_checks *out)
{
    same_facts(amounts, facts, out);
    if (!f->scores.nitems || !f->nindicators)
        return;
    size_t n;
    level_rows *sums = level_sums(f, &n);
    for (size_t i = 0; i < f->scores.nitems; i++) {
        const bg_score_item *it = &f->scores.items[i];
        if ((it->level == 1 || it->level == 2) && it->has_score && it->name)
            level_score(sums, n, it, out);
    }
    free(sums);
}
