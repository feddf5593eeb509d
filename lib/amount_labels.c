/* amount_labels.c — the label of an amount in prose: the noun phrase it
 * measures, cut from its clause by the [labels] records. */
#include "amounts.h"

#include <stdlib.h>
#include <string.h>

/* Start of the clause that ends at `end`: just past the last clause mark. */
static size_t clause_start(const bg_amount_rules *ar, bg_matcher *m, const char *s, size_t from, size_t end, long line)
{
    size_t ov[2], start = from, pos = from;
    while (pos < end && bg_match(m, &ar->clause_end, s, end, pos, ov, 1, line)) {
        start = ov[1];
        pos = ov[1] > pos ? ov[1] : pos + 1;
    }
    return start;
}

static void drop_trailing_verbs(const bg_amount_rules *ar, bg_matcher *m, const char *s, size_t a, size_t *b, long line)
{
    size_t ov[2];
    while (*b > a && s[*b - 1] == ' ')
        (*b)--;
    if (*b > a && bg_match(m, &ar->drop_after, s, *b, a, ov, 1, line))
        *b = ov[0];
}

/* Cut label s[*a, *b) down to its noun phrase (rules in [labels]). The verb
 * before the number goes first, so 支出为 keeps 支出 while 主要为货币资金
 * keeps 货币资金. */
static void trim_label_rest(const bg_amount_rules *ar, bg_matcher *m, const char *s, size_t *a, size_t *b, long line);

static void trim_label(const bg_amount_rules *ar, bg_matcher *m, const char *s, size_t *a, size_t *b, long line)
{
    drop_trailing_verbs(ar, m, s, *a, b, line);
    trim_label_rest(ar, m, s, a, b, line);
}

/* trim_label once its trailing verbs are dropped. */
static void trim_label_rest(const bg_amount_rules *ar, bg_matcher *m, const char *s, size_t *a, size_t *b, long line)
{
    size_t ov[2];
    for (size_t i = 0; i < ar->ndrop_before; i++) {
        size_t pos = *a, cut = *a;
        while (pos < *b && bg_match(m, &ar->drop_before[i], s, *b, pos, ov, 1, line) && ov[1] > ov[0]) {
            cut = ov[1];
            pos = ov[1];
        }
        if (cut > *a)
            *a = cut;
    }
    while (*a < *b && s[*a] == ' ')
        (*a)++;
    if (bg_match(m, &ar->part, s, *b, *a, ov, 1, line) && ov[0] == *a)
        *a = ov[1];
    drop_trailing_verbs(ar, m, s, *a, b, line);
}

static char *clean_or_null(const char *s, size_t a, size_t b)
{
    char *c = bg_clean(s + a, b - a);
    if (*c)
        return c;
    free(c);
    return NULL;
}

/* The label written after an amount that starts its clause (30万元用于设备购置,
 * 100万元资金全部到位): the group "label" of the first [labels] after
 * expression that matches right after the amount. */
static char *label_after(const bg_amount_rules *ar, bg_matcher *m, const bg_piece *p, size_t amount_end, long line)
{
    size_t ov[2], a, b;
    for (size_t i = 0; i < ar->nafter; i++)
        if (bg_match(m, &ar->after[i], p->s, p->len, amount_end, ov, 1, line) && ov[0] == amount_end
            && bg_group(m, &ar->after[i], "label", &a, &b) && b > a) {
            trim_label(ar, m, p->s, &a, &b, line);
            if (b > a)
                return clean_or_null(p->s, a, b);
        }
    return NULL;
}

/* The noun of the clause before the one starting at cs, when they are in the
 * same sentence: 其中基本医保报销79501人次，5506.53万元 (minus the count at its
 * end), 一是教育支出，即……合计75万元. */
static char *borrowed(const bg_amount_rules *ar, bg_matcher *m, const char *s, size_t from, size_t cs, long line,
                      int *part)
{
    size_t ov[2], pend = cs;
    do
        pend--;
    while (pend > from && ((unsigned char)s[pend] & 0xC0) == 0x80);
    if (s[pend] != ',' && s[pend] != ';' && s[pend] != ':')
        return NULL;        /* a sentence ends between them */
    size_t a = clause_start(ar, m, s, from, pend, line), b = pend;
    if (bg_match(m, &ar->count_at_end, s, b, a, ov, 1, line))
        b = ov[0];
    *part |= bg_match(m, &ar->part, s, b, a, ov, 1, line) && ov[0] == a;
    trim_label(ar, m, s, &a, &b, line);
    return b > a ? clean_or_null(s, a, b) : NULL;
}

bg_label_info bg_amount_label(const bg_amount_rules *ar, bg_matcher *m, const bg_piece *p, size_t from,
                              size_t amount_start, size_t amount_end, long line)
{
    bg_label_info li = { NULL, 0, 0, 0 };
    const char *s = p->s;
    size_t cs = clause_start(ar, m, s, from, amount_start, line), a = cs, b = amount_start, ov[2];
    size_t verb_end = amount_start, hits = m->limit_hits;
    drop_trailing_verbs(ar, m, s, cs, &verb_end, line);
    int verbs_read = m->limit_hits == hits;     /* else read again below, to warn as before */
    li.verb_a = verb_end;
    li.verb_b = amount_start;
    /* "其中:" stands as a clause of its own before the part it introduces */
    size_t q = cs;
    while (q > from && (s[q - 1] == ':' || s[q - 1] == ' '))
        q--;
    li.part = (q >= from + 6 && memcmp(s + q - 6, "其中", 6) == 0)
              || (bg_match(m, &ar->part, s, b, a, ov, 1, line) && ov[0] == a);
    /* 即…: the clause restates the one before, whose noun the amount measures */
    if (cs > from && bg_match(m, &ar->restate, s, amount_start, cs, ov, 1, line) && ov[0] == cs
        && (li.label = borrowed(ar, m, s, from, cs, line, &li.part)) != NULL)
        return li;
    if (verbs_read) {           /* trim_label's first step is the one taken above */
        b = verb_end;
        trim_label_rest(ar, m, s, &a, &b, line);
    } else
        trim_label(ar, m, s, &a, &b, line);
    if (b > a) {
        li.label = clean_or_null(s, a, b);
        return li;
    }
    if (bg_match(m, &ar->total, s, amount_start, cs, ov, 1, line)) {
        li.label = bg_xstrndup(s + ov[0], ov[1] - ov[0]);
        return li;
    }
    size_t rest = cs;       /* the clause holds nothing but 其中? */
    if (bg_match(m, &ar->part, s, amount_start, cs, ov, 1, line) && ov[0] == cs)
        rest = ov[1];
    for (size_t i = rest; i < amount_start; i++)
        if (s[i] != ' ')
            return li;
    /* The clause starts with the amount: its noun follows it, or it is the
     * noun of the clause before. */
    li.label = label_after(ar, m, p, amount_end, line);
    if (!li.label && cs > from)
        li.label = borrowed(ar, m, s, from, cs, line, &li.part);
    return li;
}

/* Bytes before a field's bracket its label is looked for in: a label
 * longer than this has no edge a reader would see either. */
enum { FIELD_LOOK = 120 };

bg_label_info bg_amount_field_label(const bg_amount_rules *ar, bg_matcher *m, const bg_piece *p, size_t from,
                                    size_t bracket, long line)
{
    const char *s = p->s;
    size_t ov[2], cut = bracket - from > FIELD_LOOK ? bracket - FIELD_LOOK : from;
    while (cut > from && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    for (size_t pos = cut; pos < bracket && bg_match(m, &ar->field_edge, s, bracket, pos, ov, 1, line);) {
        if (ov[1] <= ov[0])
            break;              /* every edge is a character at least */
        cut = pos = ov[1];
    }
    size_t cs = clause_start(ar, m, s, cut, bracket, line);
    if (bg_match(m, &ar->field_value, s, bracket, cs, ov, 1, line) && ov[0] == cs)
        cut = ov[1];
    return bg_amount_label(ar, m, p, cut, bracket, bracket, line);
}
