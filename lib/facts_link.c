/* facts_link.c — each fact counted once: the statements of one figure
 * linked to the first (same_as), and the distinct facts listed in the order
 * of their first statements. Statements of one item, measure and year are
 * one fact; where the measure or the year is unknown, only statements of the
 * same value are taken for one, since nothing else says they are. */
#include "facts.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t index;
    const bg_amount_fact *f;
    const bg_dec *value;
} key;

static int cmp_str(const char *a, const char *b)
{
    if (!a || !b)
        return a ? 1 : b ? -1 : 0;
    return strcmp(a, b);
}

static int whole(const bg_amount_fact *f)
{
    return f->measure && f->period;
}

/* Same fact: item, measure and year, and the value when those are not whole. */
static int cmp_fact(const key *a, const key *b)
{
    int r = cmp_str(a->f->item, b->f->item);
    if (!r)
        r = cmp_str(a->f->measure, b->f->measure);
    if (!r && a->f->period != b->f->period)
        r = a->f->period < b->f->period ? -1 : 1;
    if (!r && !whole(a->f))
        r = bg_dec_cmp(a->value, b->value);
    return r;
}

/* Facts together, then by value, then in document order. */
static int by_fact(const void *x, const void *y)
{
    const key *a = x, *b = y;
    int r = cmp_fact(a, b);
    if (!r)
        r = bg_dec_cmp(a->value, b->value);
    if (!r)
        r = a->index < b->index ? -1 : a->index > b->index;
    return r;
}

static int by_first(const void *x, const void *y)
{
    const bg_fact *a = x, *b = y;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* Keys [g, e) are one fact: link each value's later statements to its first. */
static void one_fact(const bg_amounts *amounts, bg_facts *f, const key *keys, size_t g, size_t e)
{
    bg_fact fact = { keys[g].f->item, keys[g].f->measure, keys[g].f->period, 1, *keys[g].value, e - g,
                     keys[g].index, 0, BG_NO_PARENT, BG_NO_PARENT };
    size_t run = g;             /* first key of the current value */
    for (size_t k = g; k < e; k++) {
        if (bg_dec_cmp(keys[k].value, keys[run].value) != 0)
            run = k;
        else if (k != run)
            f->of[keys[k].index].same_as = keys[run].index;
        if (keys[k].index < fact.first)
            fact.first = keys[k].index;
    }
    if (run != g) {             /* more than one value: the first statement's is not the fact's */
        fact.conflict = 1;
        fact.has_value = 0;
        size_t first_value = g;
        for (size_t k = g; k < e; k++)
            if (keys[k].index == fact.first)
                first_value = k;
        for (size_t k = g; k < e; k++)
            if (bg_dec_cmp(keys[k].value, keys[first_value].value) != 0
                && (fact.other == BG_NO_PARENT || keys[k].index < fact.other))
                fact.other = keys[k].index;
    } else
        fact.value_wan = amounts->items[fact.first].value_wan;
    for (size_t k = g; k < e; k++)
        if (keys[k].index != fact.first && (fact.second == BG_NO_PARENT || keys[k].index < fact.second))
            fact.second = keys[k].index;
    BG_PUSH(f->items, f->nitems, f->items_cap, fact);
}

void bg_facts_link(const bg_amounts *amounts, bg_facts *f)
{
    key *keys = bg_xmalloc((amounts->n + 1) * sizeof *keys);
    size_t n = 0;
    /* an approximate figure (约, 余, a range) or a rate is not a fact's value */
    for (size_t i = 0; i < amounts->n; i++)
        if (f->of[i].item && !amounts->items[i].qualifier && !amounts->items[i].per)
            keys[n++] = (key){ i, &f->of[i], &amounts->items[i].value_wan };
    qsort(keys, n, sizeof *keys, by_fact);
    for (size_t g = 0, e; g < n; g = e) {
        for (e = g + 1; e < n && cmp_fact(&keys[g], &keys[e]) == 0; e++)
            ;
        one_fact(amounts, f, keys, g, e);
    }
    free(keys);
    if (f->nitems > 1)
        qsort(f->items, f->nitems, sizeof *f->items, by_first);
}
