/* sections.c — which numbered lines are headings, and how they nest.
 *
 * A numbered line is a list item, not a heading, when it reads as a sentence
 * (rules in the [heading-rules] record); a run of numbered lines of one style
 * with nothing between them is one list, so one sentence among them makes
 * them all items. Headings nest by the order their styles appear, and broken
 * numbering is repaired as a reader would (README: sections). */
#include "sections.h"

#include <stdlib.h>
#include <string.h>

static int has_interior_period(const char *s, size_t n)
{
    for (size_t i = 0; i + 3 < n; i++)
        if (memcmp(s + i, "。", 3) == 0)
            return 1;
    return 0;
}

static int reads_as_sentence(const bg_heading_styles *hs, bg_matcher *m, const bg_block *b)
{
    const char *title = b->text.s + b->mk.title_start;
    size_t n = b->text.len - b->mk.title_start;
    size_t chars = bg_utf8_count(title, n), ov[2];
    const bg_heading_style *st = &hs->items[b->mk.style];
    if ((long)chars > hs->max_chars)
        return 1;
    if (bg_match(m, &hs->clause, title, n, 0, ov, 1, b->line))
        return 1;
    while (n >= 3 && memcmp(title + n - 3, "。", 3) == 0)
        n -= 3;
    if ((long)chars > hs->sentence_chars && has_interior_period(title, n))
        return 1;
    if (st->repeat.code && bg_match(m, &st->repeat, title, n, 0, ov, 1, b->line))
        return 1;
    return 0;
}

/* A numbered line that labels a row of a table the text flattened (三公经费
 * rows: 1、公务接待 then 0 / 0 / 0; 3、免疫抗体效果评估2017.03 2017.05): its
 * title holds cells, or the paragraph after it is cells. */
static int labels_row(const bg_heading_styles *hs, bg_matcher *m, const bg_layout *l, size_t i)
{
    const bg_block *b = &l->blocks[i];
    size_t ov[2];
    if (hs->row_cells.code && bg_match(m, &hs->row_cells, b->text.s + b->mk.title_start, b->text.len - b->mk.title_start, 0, ov, 1, b->line))
        return 1;
    const bg_block *next = i + 1 < l->n ? &l->blocks[i + 1] : NULL;
    return hs->next_cells.code && next && next->kind == BG_BLOCK_PARA && !next->has_marker
           && bg_match(m, &hs->next_cells, next->text.s, next->text.len, 0, ov, 1, next->line);
}

/* The end (in the block's text) of a run-in title — 一、强化资金管理，确保资金
 * 安全。围绕…, 一、科目列报:功能科目… — a heading whose paragraph follows on its
 * line; or 0. */
static size_t run_in_end(const bg_heading_styles *hs, bg_matcher *m, const bg_block *b)
{
    const bg_heading_style *st = &hs->items[b->mk.style];
    size_t ov[2], a, e, t = b->mk.title_start;
    if (!st->run_in.code || !bg_match(m, &st->run_in, b->text.s + t, b->text.len - t, 0, ov, 1, b->line)
        || ov[0] != 0 || ov[1] >= b->text.len - t || !bg_group(m, &st->run_in, "title", &a, &e))
        return 0;
    if (st->repeat.code && bg_match(m, &st->repeat, b->text.s + t, b->text.len - t, 0, ov, 1, b->line))
        return 0;           /* 一、……二、…… on one line: a list */
    return t + e;
}

/* Mark the heading candidates: numbered paragraphs that are not list items
 * (cand[i] = 1), with the end of a run-in title where there is one. */
static unsigned char *find_candidates(const bg_layout *l, const bg_heading_styles *hs, bg_matcher *m, size_t *run_in)
{
    unsigned char *cand = bg_xcalloc(l->n, 1);
    for (size_t i = 0; i < l->n;) {
        const bg_block *b = &l->blocks[i];
        if (b->kind != BG_BLOCK_PARA || !b->has_marker) {
            i++;
            continue;
        }
        size_t j = i;
        int sentence = 0;
        while (j < l->n && l->blocks[j].kind == BG_BLOCK_PARA && l->blocks[j].has_marker
               && l->blocks[j].mk.style == b->mk.style) {
            run_in[j] = run_in_end(hs, m, &l->blocks[j]);
            if (labels_row(hs, m, l, j) || (!run_in[j] && reads_as_sentence(hs, m, &l->blocks[j])))
                sentence = 1;
            j++;
        }
        for (size_t k = i; k < j; k++)
            cand[k] = !sentence;
        i = j;
    }
    return cand;
}

/* An open level of the tree: the styles that have stood at it (a repaired
 * heading lends its style to the level it joined) and its last number. */
typedef struct {
    unsigned long long styles;
    int primary;            /* the style the level opened with */
    long ordinal;
    size_t section;
} level;

static char *title_of(const bg_block *b, size_t run_in)
{
    size_t end = run_in ? run_in : b->text.len;
    char *t = bg_clean(b->text.s + b->mk.title_start, end - b->mk.title_start);
    size_t n = strlen(t);
    for (;;) {
        if (n >= 3 && (memcmp(t + n - 3, "。", 3) == 0))
            n -= 3;
        else if (n >= 1 && t[n - 1] == ':')
            n -= 1;
        else
            break;
    }
    t[n] = '\0';
    return t;
}

static void add_section(bg_sections *out, const bg_block *b, size_t block, int depth, size_t parent, size_t run_in)
{
    bg_section s = { 0 };
    size_t a = 0, e = b->mk.marker_end;
    while (e > a && b->text.s[e - 1] == ' ')
        e--;
    s.number = bg_xstrndup(b->text.s + a, e);
    s.title = title_of(b, run_in);
    s.line = b->line;
    s.level = depth + 1;
    s.parent = parent;
    s.block = block;
    s.start = bg_piece_pos(&b->text, 0);
    s.end = bg_piece_pos(&b->text, b->text.len);
    BG_PUSH(out->items, out->n, out->cap, s);
}

static int find_style(const level *stack, int depth, int style)
{
    for (int d = depth - 1; d >= 0; d--)
        if (stack[d].styles & (1ULL << style))
            return d;
    return -1;
}

static int find_ordinal(const level *stack, int depth, long ordinal)
{
    for (int d = depth - 1; d >= 0; d--)
        if (stack[d].ordinal == ordinal)
            return d;
    return -1;
}

#define MAX_DEPTH 64

/* An excerpt that begins inside a section: its first heading is of a style
 * that never opens an outline, numbered past 1 ((三)实施项目情况, 7.…). The
 * heading of the section it is in is not in the text, so nothing before the
 * first heading of a top style (一、) can be placed in the outline: the block
 * where the outline starts. */
static size_t excerpt_start(const bg_layout *l, const bg_heading_styles *hs, const unsigned char *cand)
{
    size_t i = 0;
    while (i < l->n && !cand[i])
        i++;
    if (i == l->n || hs->items[l->blocks[i].mk.style].top || l->blocks[i].mk.ordinal <= 1)
        return 0;
    while (i < l->n && !(cand[i] && hs->items[l->blocks[i].mk.style].top))
        i++;
    return i;
}

void bg_sections_build(const bg_layout *l, const bg_heading_styles *hs, bg_matcher *m, bg_sections *out)
{
    memset(out, 0, sizeof *out);
    size_t *run_in = bg_xcalloc(l->n ? l->n : 1, sizeof *run_in);
    unsigned char *cand = find_candidates(l, hs, m, run_in);
    size_t from = excerpt_start(l, hs, cand);
    level stack[MAX_DEPTH];
    int depth = 0;
    for (size_t i = from; i < l->n; i++) {
        if (!cand[i])
            continue;
        const bg_block *b = &l->blocks[i];
        int style = b->mk.style < 64 ? b->mk.style : 63;
        long n = b->mk.ordinal;
        int d = find_style(stack, depth, style);
        if (d >= 0 && stack[d].primary != style && n == 1)
            d = -1;             /* a style lent by a repair, starting over at 1: a new list below */
        level lv = { 1ULL << style, style, n, 0 };
        if (d >= 0) {
            if (n > 0 && n <= stack[d].ordinal)
                continue;       /* numbering went back: an attached form's, not the report's */
            lv.styles = stack[d].styles;
            lv.primary = stack[d].primary;
        } else if (n > 1 && (d = find_ordinal(stack, depth, n - 1)) >= 0) {
            lv.styles |= stack[d].styles;
            lv.primary = stack[d].primary;
        } else if (depth < MAX_DEPTH)
            d = depth;
        else
            continue;
        size_t parent = d > 0 ? stack[d - 1].section : BG_NO_PARENT;
        add_section(out, b, i, d, parent, run_in[i]);
        lv.section = out->n - 1;
        stack[d] = lv;
        depth = d + 1;
    }
    free(cand);
    free(run_in);
}

void bg_sections_free(bg_sections *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->items[i].number);
        free(s->items[i].title);
    }
    free(s->items);
    memset(s, 0, sizeof *s);
}

size_t bg_section_at(const bg_sections *s, long line)
{
    size_t lo = 0, hi = s->n, found = BG_NO_PARENT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->items[mid].line <= line) {
            found = mid;
            lo = mid + 1;
        } else
            hi = mid;
    }
    return found;
}

void bg_section_path(const bg_sections *s, size_t i, bg_buf *out)
{
    size_t chain[64], n = 0;
    for (; i != BG_NO_PARENT && n < 64; i = s->items[i].parent)
        chain[n++] = i;
    while (n-- > 0) {
        const bg_section *sec = &s->items[chain[n]];
        bg_buf_adds(out, sec->number);
        bg_buf_adds(out, sec->title);
        if (n)
            bg_buf_adds(out, " > ");
    }
}
