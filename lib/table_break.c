/* table_break.c — see table_break.h. */
#include "table_break.h"

#include <stdlib.h>
#include <string.h>

/* Paragraphs this short, at most this many, make a level name between halves. */
#define NAME_MAX_BYTES 48
#define NAME_MAX_PARAS 2

int bg_break_level_name(const bg_layout *l, size_t after, size_t block, const bg_table_rules *tr, bg_matcher *m,
                        char **name, bg_dec *weight)
{
    /* the last one or two paragraphs before the table, read as one cell */
    for (size_t k = 1; k <= NAME_MAX_PARAS && block >= after + 1 + k; k++) {
        bg_piece joined = { 0 };
        size_t bytes = 0;
        int paras = 1;
        for (size_t b = block - k; b < block; b++) {
            paras &= l->blocks[b].kind == BG_BLOCK_PARA && !l->blocks[b].has_marker;
            if (paras)
                bytes += l->blocks[b].text.len;
        }
        if (!paras || bytes > NAME_MAX_BYTES)
            return 0;
        for (size_t b = block - k; b < block; b++)
            bg_piece_append(&joined, &l->blocks[b].text);
        bg_piece_finish(&joined);
        int has = 0;
        char *n = bg_weighted_name(tr, m, &joined, weight, &has);
        bg_piece_free(&joined);
        if (n && *n && has) {
            *name = n;
            return 1;
        }
        free(n);
    }
    return 0;
}

static int sum_weights(const bg_findings *f, size_t from, size_t to, bg_dec *sum)
{
    bg_dec_from_int(sum, 0);
    for (size_t i = from; i < to; i++) {
        if (!f->indicators[i].has_weight)
            return 0;
        bg_dec_add(sum, &f->indicators[i].weight, sum);
    }
    return 1;
}

static int same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static void set_level(char **level, bg_dec *w, int *has_w, const char *name, const bg_dec *weight, int has_weight)
{
    free(*level);
    *level = name ? bg_xstrdup(name) : NULL;
    *w = *weight;
    *has_w = name && has_weight;
}

/* The orphans join the first group of the second half if the weights say so. */
static int adopt(bg_findings *f, size_t from, size_t to, size_t first, size_t end, bg_warnings *w)
{
    if (from >= to || first >= end)
        return 0;
    const bg_indicator *g = &f->indicators[first];
    if (!g->level2 || !g->has_level2_weight)
        return 0;
    size_t group_end = first;
    while (group_end < end && same(f->indicators[group_end].level2, g->level2))
        group_end++;
    bg_dec in_group, orphans, total;
    if (!sum_weights(f, first, group_end, &in_group) || !sum_weights(f, from, to, &orphans))
        return 0;
    bg_dec_add(&in_group, &orphans, &total);
    if (bg_dec_cmp(&total, &g->level2_weight) != 0)
        return 0;
    for (size_t i = from; i < to; i++) {
        bg_indicator *x = &f->indicators[i];
        set_level(&x->level1, &x->level1_weight, &x->has_level1_weight, g->level1, &g->level1_weight,
                  g->has_level1_weight);
        set_level(&x->level2, &x->level2_weight, &x->has_level2_weight, g->level2, &g->level2_weight, 1);
        bg_warn(w, x->line, "\"%s\": placed under %s, printed after the table break: with it the weights "
                "under %s add up to its stated weight", x->level3, g->level2, g->level2);
    }
    return 1;
}

void bg_break_settle(bg_findings *f, size_t orphan_from, size_t orphan_to, size_t first, size_t end,
                     const char *name, const bg_dec *weight, bg_warnings *w)
{
    int adopted = adopt(f, orphan_from, orphan_to, first, end, w);
    if (!name)
        return;
    bg_dec sum;
    bg_dec_from_int(&sum, 0);
    int all_weighted = 1;
    for (size_t pass = 0; pass < 2; pass++) {
        size_t from = pass == 0 ? first : orphan_from, to = pass == 0 ? end : orphan_to;
        if (pass == 1 && !adopted)
            break;
        for (size_t i = from; i < to; i++)
            if (same(f->indicators[i].level1, name)) {
                all_weighted &= f->indicators[i].has_weight;
                if (f->indicators[i].has_weight)
                    bg_dec_add(&sum, &f->indicators[i].weight, &sum);
            }
    }
    if (all_weighted && bg_dec_cmp(&sum, weight) == 0)
        return;
    /* the weights do not confirm it: the name printed between the halves
     * is not taken for their level 1 */
    for (size_t i = first; i < end; i++) {
        bg_indicator *x = &f->indicators[i];
        if (same(x->level1, name)) {
            bg_warn(w, x->line, "\"%s\": %s, printed between the halves of the table, is not taken for its "
                    "level 1: the weights under it do not add up", x->level3, name);
            set_level(&x->level1, &x->level1_weight, &x->has_level1_weight, NULL, weight, 0);
        }
    }
    if (adopted)
        for (size_t i = orphan_from; i < orphan_to; i++) {
            bg_indicator *x = &f->indicators[i];
            if (same(x->level1, name))
                set_level(&x->level1, &x->level1_weight, &x->has_level1_weight, NULL, weight, 0);
        }
}
