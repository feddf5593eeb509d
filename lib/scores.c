/* scores.c — total score, grade and item scores stated in prose, and the
 * settling of the total: every stated total is kept with its line; when they
 * disagree none is chosen and a warning names them all. */
#include "indicators.h"

#include "cnnum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int bg_scores_compile(const bg_records *recs, bg_score_rules *sr, baogao_error *err)
{
    memset(sr, 0, sizeof *sr);
    struct { const char *key; bg_regex *re; } slots[] = {
        { "total", &sr->total }, { "grade", &sr->grade }, { "item", &sr->item },
        { "item_weight", &sr->item_weight }, { "quoted", &sr->quoted }, { "item_name", &sr->item_name },
        { "item_level", &sr->item_level },
    };
    for (size_t i = 0; i < recs->n; i++) {
        const bg_record *r = &recs->items[i];
        if (strcmp(r->type, "scores") != 0)
            continue;
        for (size_t k = 0; k < r->nkv; k++) {
            const bg_kv *kv = &r->kv[k];
            size_t s = 0;
            while (s < sizeof slots / sizeof slots[0] && strcmp(kv->key, slots[s].key) != 0)
                s++;
            if (s == sizeof slots / sizeof slots[0])
                return bg_pattern_error(err, kv->file, kv->line, "unknown key \"%s\" in [scores]", kv->key);
            if (slots[s].re->code)
                return bg_pattern_error(err, kv->file, kv->line, "%s given twice", kv->key);
            if (bg_regex_compile(kv, slots[s].re, err) < 0)
                return -1;
        }
    }
    for (size_t s = 0; s < sizeof slots / sizeof slots[0]; s++)
        if (!slots[s].re->code)
            return bg_pattern_error(err, "patterns", 0, "[scores] lacks %s", slots[s].key);
    return 0;
}

void bg_score_rules_free(bg_score_rules *sr)
{
    bg_regex *res[] = { &sr->total, &sr->grade, &sr->item, &sr->item_weight, &sr->quoted, &sr->item_name,
                        &sr->item_level };
    for (size_t i = 0; i < sizeof res / sizeof res[0]; i++)
        bg_regex_free(res[i]);
}

typedef struct {
    const bg_text *t;
    const bg_sections *secs;
    const bg_score_rules *sr;
    bg_matcher *m;
    bg_scores *out;
} ctx;

/* Start of the sentence holding offset `at`: past the last 。 before it. */
static size_t sentence_start(const char *s, size_t at)
{
    for (size_t i = at; i >= 3; i--)
        if (memcmp(s + i - 3, "。", 3) == 0)
            return i;
    return 0;
}

static size_t clause_start(const char *s, size_t from, size_t at)
{
    size_t start = from;
    for (size_t i = from; i < at; i++)
        if (s[i] == ',' || s[i] == ';' || s[i] == ':')
            start = i + 1;
    return start;
}

/* The name an item score belongs to: quoted in its sentence, else written
 * before its weight in the same clause, else the heading it stands under. */
static char *item_name(ctx *c, const bg_piece *p, size_t sent, size_t weight_at, size_t score_at)
{
    size_t ov[2], a, b;
    if (bg_match(c->m, &c->sr->quoted, p->s, score_at, sent, ov, 1, p->line) && bg_group(c->m, &c->sr->quoted, "name", &a, &b))
        return bg_xstrndup(p->s + a, b - a);
    if (weight_at != SIZE_MAX) {
        size_t cs = clause_start(p->s, sent, weight_at);
        if (bg_match(c->m, &c->sr->item_name, p->s, weight_at, cs, ov, 1, p->line) && ov[0] == cs)
            cs = ov[1];
        if (weight_at > cs) {
            char *name = bg_clean(p->s + cs, weight_at - cs);
            if (*name)
                return name;
            free(name);
        }
    }
    size_t sec = bg_section_at(c->secs, bg_text_line(c->t, bg_piece_pos(p, score_at)));
    return sec == BG_NO_PARENT ? NULL : bg_xstrdup(c->secs->items[sec].title);
}

/* The level that the digit of a level word at s[a, b) says (一 is 1), or 0. */
static int level_number(const char *s, size_t a, size_t b)
{
    bg_dec v, k;
    for (int level = 1; bg_cn_parse(s + a, b - a, &v) == 0 && level < 10; level++) {
        bg_dec_from_int(&k, level);
        if (bg_dec_cmp(&v, &k) == 0)
            return level;
    }
    return 0;
}

/* The level named right before the item's name in its sentence (一级指标项目决策,
 * 二级指标“项目立项”), or 0. */
static int said_level(ctx *c, const bg_piece *p, size_t sent, size_t end, const char *name)
{
    size_t ov[2], a, b, n = name ? strlen(name) : 0;
    for (size_t pos = sent; n && pos < end && bg_match(c->m, &c->sr->item_level, p->s, end, pos, ov, 1, p->line);
         pos = ov[1] > pos ? ov[1] : pos + 1)
        if (ov[1] + n <= end && memcmp(p->s + ov[1], name, n) == 0 && bg_group(c->m, &c->sr->item_level, "level", &a, &b))
            return level_number(p->s, a, b);
    return 0;
}

/* A name that starts with its level word (一级指标项目决策满分20分) is the
 * name after it, at that level. */
static void level_in_name(ctx *c, bg_score_item *it, long line)
{
    size_t ov[2], a, b, n = strlen(it->name);
    if (!bg_match(c->m, &c->sr->item_level, it->name, n, 0, ov, 1, line) || ov[0] != 0 || ov[1] >= n
        || !bg_group(c->m, &c->sr->item_level, "level", &a, &b))
        return;
    it->said_level = level_number(it->name, a, b);
    memmove(it->name, it->name + ov[1], n - ov[1] + 1);
}

static void add_item(ctx *c, const bg_piece *p, int marker, size_t sa, size_t sb, size_t match_end)
{
    bg_score_item it = { 0 };
    if (bg_dec_parse(p->s + sa, sb - sa, &it.score) != (int)(sb - sa))
        return;
    it.has_score = 1;
    size_t sent = sentence_start(p->s, sa), ov[2], weight_at = SIZE_MAX, wa, wb;
    if (bg_match(c->m, &c->sr->item_weight, p->s, sa, sent, ov, 1, p->line)
        && bg_group(c->m, &c->sr->item_weight, "weight", &wa, &wb)
        && bg_dec_parse(p->s + wa, wb - wa, &it.weight) == (int)(wb - wa)) {
        it.has_weight = 1;
        weight_at = ov[0];
    }
    it.name = item_name(c, p, sent, weight_at, sa);
    it.said_level = said_level(c, p, sent, sa, it.name);
    if (!it.said_level && it.name)
        level_in_name(c, &it, p->line);
    it.marker = marker;
    it.parent = BG_NO_PARENT;
    it.source = "prose";
    it.start = bg_piece_pos(p, sa);
    it.end = bg_piece_end(p, match_end);
    it.line = bg_text_line(c->t, it.start);
    BG_PUSH(c->out->items, c->out->nitems, c->out->items_cap, it);
}

static void scan_paragraph(ctx *c, const bg_block *blk)
{
    const bg_piece *p = &blk->text;
    size_t ov[2], a, b, pos = 0, taken_end = 0;
    /* totals first, so their words are not read again as items */
    size_t spans[16][2], nspans = 0;
    while (pos < p->len && bg_match(c->m, &c->sr->total, p->s, p->len, pos, ov, 1, p->line)) {
        bg_stated_total st = { 0 };
        if (bg_group(c->m, &c->sr->total, "score", &a, &b) && bg_dec_parse(p->s + a, b - a, &st.value) == (int)(b - a)) {
            st.source = "prose";
            st.start = bg_piece_pos(p, a);
            st.end = bg_piece_end(p, ov[1]);
            st.line = bg_text_line(c->t, st.start);
            BG_PUSH(c->out->totals, c->out->ntotals, c->out->totals_cap, st);
            if (nspans < 16) {
                spans[nspans][0] = ov[0];
                spans[nspans++][1] = ov[1];
            }
        }
        pos = ov[1] > pos ? ov[1] : pos + 1;
    }
    if (!c->out->grade && bg_match(c->m, &c->sr->grade, p->s, p->len, 0, ov, 1, p->line)
        && bg_group(c->m, &c->sr->grade, "grade", &a, &b)) {
        c->out->grade = bg_xstrndup(p->s + a, b - a);
        c->out->grade_start = bg_piece_pos(p, a);
        c->out->grade_end = bg_piece_end(p, b);
        c->out->grade_line = bg_text_line(c->t, c->out->grade_start);
    }
    pos = 0;
    while (pos < p->len && bg_match(c->m, &c->sr->item, p->s, p->len, pos, ov, 1, p->line)) {
        int inside_total = 0;
        for (size_t i = 0; i < nspans; i++)
            inside_total |= ov[0] < spans[i][1] && ov[1] > spans[i][0];
        if (!inside_total && ov[0] >= taken_end && bg_group(c->m, &c->sr->item, "score", &a, &b))
            add_item(c, p, blk->has_marker ? blk->mk.style : -1, a, b, ov[1]);
        taken_end = ov[1];
        pos = ov[1] > pos ? ov[1] : pos + 1;
    }
}

static int by_position(const void *x, const void *y)
{
    const bg_stated_total *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* One total when every statement agrees; else none, and a warning. The
 * statements are put in document order first (tables were read before prose). */
static void settle(ctx *c, bg_warnings *w, bg_findings *f)
{
    bg_scores *s = c->out;
    if (s->ntotals == 0)
        return;
    size_t *old_at = bg_xmalloc(s->ntotals * sizeof *old_at);
    bg_stated_total *copy = bg_xmalloc(s->ntotals * sizeof *copy);
    memcpy(copy, s->totals, s->ntotals * sizeof *copy);
    qsort(s->totals, s->ntotals, sizeof *s->totals, by_position);
    for (size_t i = 0; i < s->ntotals; i++)
        for (size_t k = 0; k < s->ntotals; k++)
            if (copy[i].start == s->totals[k].start && copy[i].source == s->totals[k].source)
                old_at[i] = k;
    for (size_t i = 0; i < f->nsums; i++)       /* the sums point at their total */
        f->sums[i].total = old_at[f->sums[i].total];
    free(copy);
    free(old_at);
    int agree = 1;
    for (size_t i = 1; i < s->ntotals; i++)
        agree &= bg_dec_cmp(&s->totals[i].value, &s->totals[0].value) == 0;
    for (size_t i = 0; i < s->ntotals; i++)
        if (s->totals[i].has_max && !s->has_max) {
            s->max = s->totals[i].max;
            s->has_max = 1;
        }
    if (agree) {
        s->total = s->totals[0].value;
        s->has_total = 1;
        return;
    }
    bg_buf b = { 0 };
    for (size_t i = 0; i < s->ntotals; i++) {
        char num[64], part[128];
        bg_dec_format(&s->totals[i].value, num, sizeof num);
        snprintf(part, sizeof part, "%s%s (line %ld, %s)", i ? ", " : "", num, s->totals[i].line, s->totals[i].source);
        bg_buf_adds(&b, part);
    }
    bg_warn(w, s->totals[0].line, "the report states different total scores: %s; total left null", b.s);
    bg_buf_free(&b);
}

/* ---- the place of each item ------------------------------------------------------ */

/* Where the indicator tables place a name: its level (1, 2, 3) and the name
 * of the level over it; level 0 when it stands at two places. */
typedef struct {
    const char *name, *above;
    int level;
} placed;

static int by_name(const void *x, const void *y)
{
    return strcmp(((const placed *)x)->name, ((const placed *)y)->name);
}

/* Every level name of the indicator tables once, sorted by name. */
static placed *table_names(const bg_findings *f, size_t *n)
{
    placed *p = bg_xmalloc((3 * f->nindicators + 1) * sizeof *p);
    size_t k = 0;
    for (size_t i = 0; i < f->nindicators; i++) {
        const bg_indicator *x = &f->indicators[i];
        if (x->level1)
            p[k++] = (placed){ x->level1, NULL, 1 };
        if (x->level2)
            p[k++] = (placed){ x->level2, x->level1, 2 };
        if (x->level3)
            p[k++] = (placed){ x->level3, x->level2 ? x->level2 : x->level1, 3 };
    }
    qsort(p, k, sizeof *p, by_name);
    size_t out = 0;
    for (size_t i = 0; i < k; i++) {
        if (out && strcmp(p[out - 1].name, p[i].name) == 0) {
            placed *q = &p[out - 1];
            int same_above = (!q->above && !p[i].above) || (q->above && p[i].above && strcmp(q->above, p[i].above) == 0);
            if (q->level != p[i].level || (q->level > 1 && !same_above))
                q->level = 0;       /* the name stands at two places: neither is sure */
            continue;
        }
        p[out++] = p[i];
    }
    *n = out;
    return p;
}

/* How far an item looks for another to take its level or parent from: a
 * list of scores stands together. */
#define PLACE_REACH 256

/* Each item's level: as its sentence names it (二级指标“…”), else as the
 * indicator table places its name, else that of the nearest item numbered
 * in the same style (1. … 2. … 3.); its parent: the item of the level above
 * that the table names, else (levels read from the prose) the nearest such
 * item before it. */
static void place_items(bg_findings *f)
{
    bg_scores *s = &f->scores;
    if (!s->nitems)
        return;
    const char **above = bg_xcalloc(s->nitems + 1, sizeof *above);
    int *from_table = bg_xcalloc(s->nitems + 1, sizeof *from_table);
    size_t nnames;
    placed *names = table_names(f, &nnames);
    for (size_t i = 0; i < s->nitems; i++) {
        bg_score_item *it = &s->items[i];
        placed key = { it->name, NULL, 0 };
        const placed *t = it->name && nnames ? bsearch(&key, names, nnames, sizeof *names, by_name) : NULL;
        int tl = t ? t->level : 0;
        above[i] = tl ? t->above : NULL;
        it->level = it->said_level ? it->said_level : tl;
        from_table[i] = !it->said_level && tl;
    }
    free(names);
    for (size_t i = 0; i < s->nitems; i++) {
        bg_score_item *it = &s->items[i];
        for (size_t d = 1; !it->level && it->marker >= 0 && d < s->nitems && d <= PLACE_REACH; d++) {
            const bg_score_item *before = d <= i ? &s->items[i - d] : NULL, *after = i + d < s->nitems ? &s->items[i + d] : NULL;
            if (before && before->marker == it->marker && before->level)
                it->level = before->level;
            else if (after && after->marker == it->marker && after->level)
                it->level = after->level;
        }
    }
    for (size_t i = 0; i < s->nitems; i++) {
        bg_score_item *it = &s->items[i];
        for (size_t j = i; it->level > 1 && j-- > 0 && i - j <= PLACE_REACH;) {
            const bg_score_item *up = &s->items[j];
            if (up->level != it->level - 1 || (from_table[i] && (!above[i] || !up->name || strcmp(up->name, above[i]) != 0)))
                continue;
            it->parent = j;
            break;
        }
    }
    free(above);
    free(from_table);
}

/* A total labelled in a form: a cell 自评总分 (with or without its colon),
 * then a cell that holds only the score — read as the prose "自评总分: 95". */
static void scan_table(ctx *c, const bg_table *tb)
{
    bg_buf b = { 0 };
    for (size_t r = 0; r < tb->n; r++)
        for (size_t i = 0; i + 1 < tb->rows[r].n; i++) {
            const bg_piece *label = &tb->rows[r].cells[i], *value = &tb->rows[r].cells[i + 1];
            size_t ov[2], a, e, n = label->len;
            while (n > 0 && (label->s[n - 1] == ':' || label->s[n - 1] == ' '))
                n--;
            if (n == 0 || n > 24 || (label->s[0] >= '0' && label->s[0] <= '9') || value->len == 0 || value->len > 12
                || value->s[0] < '0' || value->s[0] > '9')
                continue;       /* a row of figures: no label */
            b.len = 0;
            bg_buf_add(&b, label->s, n);
            bg_buf_adds(&b, ": ");
            size_t at = b.len;
            bg_buf_add(&b, value->s, value->len);
            bg_stated_total st = { 0 };
            if (!bg_match(c->m, &c->sr->total, b.s, b.len, 0, ov, 1, label->line) || ov[0] != 0 || ov[1] != b.len
                || !bg_group(c->m, &c->sr->total, "score", &a, &e) || a < at
                || bg_dec_parse(b.s + a, e - a, &st.value) != (int)(e - a))
                continue;
            st.source = "table";
            st.start = bg_piece_pos(value, a - at);
            st.end = bg_piece_pos(value, e - at);
            st.line = bg_text_line(c->t, st.start);
            BG_PUSH(c->out->totals, c->out->ntotals, c->out->totals_cap, st);
        }
    bg_buf_free(&b);
}

void bg_scores_extract(const bg_text *t, const bg_layout *l, const bg_sections *secs, const bg_score_rules *sr,
                       bg_matcher *m, bg_warnings *w, bg_findings *out)
{
    ctx c = { t, secs, sr, m, &out->scores };
    for (size_t i = 0; i < l->n; i++)
        if (l->blocks[i].kind == BG_BLOCK_PARA)
            scan_paragraph(&c, &l->blocks[i]);
        else
            scan_table(&c, &l->blocks[i].table);
    settle(&c, w, out);
    place_items(out);
}
