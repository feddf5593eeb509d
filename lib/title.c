/* title.c — the report's title and kind.
 *
 * Real pages put a lot before the title: breadcrumbs, site names, 发布时间
 * lines, a file name, an 附件N line. The title is the first line (or two) of
 * the opening part that names a report — one of the kinds, a neighbouring
 * family (a 绩效监控表, a 事前绩效评估报告: a title, but none of the kinds), or
 * a report the generic expression recognises — wherever it stands. The kind
 * follows from the title, else from the next line that names one (a table's
 * own heading), else from the headings. Vocabularies: patterns/kinds.txt and
 * the [document] record of patterns/document.txt. */
#include "meta.h"

#include <stdlib.h>
#include <string.h>

typedef enum { NAMES_NONE, NAMES_GENERIC, NAMES_FAMILY, NAMES_KIND } names_what;

typedef struct {
    char *text;             /* cleaned title */
    long line;
    size_t start, end;      /* normalized span of the title */
    names_what what;
    int kind;               /* index into mr->kinds when what == NAMES_KIND */
    size_t kstart, kend;    /* normalized span of the phrase that names it */
    int year;
} candidate;

typedef struct {
    const bg_text *t;
    const bg_layout *l;
    const bg_heading_styles *hs;
    const bg_meta_rules *mr;
    bg_matcher *m;
    candidate *c;
    size_t n, cap;
} tctx;

/* Is s[at] inside brackets? A kind named in brackets (…工作总结(绩效自评结果、
 * 绩效评价报告)) is what the document holds, not what it is. */
static int in_brackets(const char *s, size_t at)
{
    int depth = 0;
    for (size_t i = 0; i < at; i++) {
        if (s[i] == '(')
            depth++;
        else if (s[i] == ')' && depth > 0)
            depth--;
        else if (at - i >= 3 && memcmp(s + i, "【", 3) == 0)
            depth++;
        else if (at - i >= 3 && memcmp(s + i, "】", 3) == 0 && depth > 0)
            depth--;
    }
    return depth > 0;
}

static int match_outside(tctx *c, const bg_regex *re, const char *s, size_t n, long line, size_t *ov)
{
    for (size_t from = 0; from <= n && bg_match(c->m, re, s, n, from, ov, 1, line);) {
        if (!in_brackets(s, ov[0]))
            return 1;
        from = ov[1] > from ? ov[1] : from + 1;
    }
    return 0;
}

/* What s names, with the span of the phrase that says it: the first family,
 * else kind, of the lists that s names — or, in a run-on line (`earliest`),
 * the one named first in s. */
static names_what names_in(tctx *c, const char *s, size_t n, long line, int earliest, int *kind, size_t *a, size_t *b)
{
    size_t ov[2];
    names_what what = NAMES_NONE;
    const bg_kind_rule *lists[2] = { c->mr->families, c->mr->kinds };
    size_t counts[2] = { c->mr->nfamilies, c->mr->nkinds };
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; i < counts[l]; i++) {
            if (what != NAMES_NONE && !earliest)
                return what;
            if (!match_outside(c, &lists[l][i].title, s, n, line, ov) || (what != NAMES_NONE && ov[0] >= *a))
                continue;
            what = l == 0 ? NAMES_FAMILY : NAMES_KIND;
            *kind = l == 0 ? -1 : (int)i;
            *a = ov[0];
            *b = ov[1];
        }
    if (what == NAMES_NONE && bg_match(c->m, &c->mr->title_generic, s, n, 0, ov, 1, line)) {
        *a = ov[0];
        *b = ov[1];
        what = NAMES_GENERIC;
    }
    return what;
}

static names_what names(tctx *c, const char *s, size_t n, long line, int *kind, size_t *a, size_t *b)
{
    return names_in(c, s, n, line, 0, kind, a, b);
}

/* Narrow [*a, *e) of s past what title_strip removes at either end (附件3:,
 * .pdf, _第1页, the bars of a pipe row). */
static void strip(tctx *c, const char *s, size_t *a, size_t *e, long line)
{
    for (int changed = 1, pass = 0; changed && pass < 4; pass++) {
        changed = 0;
        for (size_t i = 0; i < c->mr->title_strip.n; i++) {
            size_t ov[2];
            if (*e <= *a || !bg_match(c->m, &c->mr->title_strip.items[i], s + *a, *e - *a, 0, ov, 1, line)
                || ov[1] == ov[0])
                continue;
            if (ov[0] == 0 && ov[1] < *e - *a) {
                *a += ov[1];
                changed = 1;
            } else if (ov[1] == *e - *a && ov[0] > 0) {
                *e = *a + ov[0];
                changed = 1;
            }
        }
    }
    while (*a < *e && s[*a] == ' ')
        (*a)++;
    while (*e > *a && s[*e - 1] == ' ')
        (*e)--;
}

static int year_in(tctx *c, const bg_regex *re, const char *s, size_t n, long line)
{
    size_t ov[2], a, b;
    if (!bg_match(c->m, re, s, n, 0, ov, 1, line) || !bg_group(c->m, re, "year", &a, &b))
        return 0;
    long y = 0;
    for (size_t i = a; i < b && s[i] >= '0' && s[i] <= '9'; i++)
        y = y * 10 + (s[i] - '0');
    return (int)y;
}

static void add(tctx *c, const bg_piece *q, names_what what, int kind, size_t ka, size_t kb, int year)
{
    candidate cd = { bg_clean(q->s, q->len), q->line, bg_piece_pos(q, 0), bg_piece_pos(q, q->len), what, kind,
                     bg_piece_pos(q, ka), bg_piece_end(q, kb), year };
    if (!cd.year)
        cd.year = year_in(c, &c->mr->year_in_title, q->s, q->len, q->line);
    BG_PUSH(c->c, c->n, c->cap, cd);
}

/* Bytes of the first `chars` characters of s (all of s if it is shorter). */
static size_t prefix_bytes(const char *s, size_t n, size_t chars)
{
    size_t i = 0;
    for (size_t k = 0; i < n && k < chars; k++) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* The line before a title that is only its kind phrase (…中央水利发展资金 /
 * 绩效自评报告): its first half, unless it is prose, a field or a title itself. */
static int first_half(tctx *c, const bg_piece *prev, size_t chars_after)
{
    size_t ov[2], a, b;
    int kind;
    bg_marker mk;
    if (!prev || prev->len == 0 || bg_marker_at(c->m, c->hs, prev->s, prev->len, prev->line, &mk))
        return 0;
    if ((long)(bg_piece_chars(prev) + chars_after) > c->mr->title_max_chars)
        return 0;
    if (bg_match(c->m, &c->mr->title_not, prev->s, prev->len, 0, ov, 1, prev->line))
        return 0;
    return names(c, prev->s, prev->len, prev->line, &kind, &a, &b) == NAMES_NONE;
}

/* Try p (a line, or a table's heading cell) as a title, adding it to the
 * candidates: 1 if it is one. prev is the text line just before it, or NULL.
 * `run_on`: a longer line may start with the title (a table or a page run
 * into one line after it); `kinds_only`: only a line naming a kind counts (a
 * cell of a spreadsheet saved as one line). */
static int try_piece(tctx *c, const bg_piece *p, const bg_piece *prev, int run_on, int kinds_only)
{
    size_t a = 0, e = p->len, ka, kb, ov[2];
    long max = c->mr->title_max_chars;
    /* a title is at most max characters: in a longer line only its start
     * is read (a run-on line may begin with its title) */
    size_t window = p->len <= (size_t)max + 8 ? p->len : prefix_bytes(p->s, p->len, (size_t)max + 8);
    int is_long = window < p->len;
    if (!bg_match(c->m, &c->mr->title_anchor, p->s, window, 0, ov, 1, p->line))
        return 0;           /* one match rules out most lines */
    if (is_long)
        e = window;
    strip(c, p->s, &a, &e, p->line);
    if (e <= a)
        return 0;
    if (!is_long)
        is_long = (long)bg_utf8_count(p->s + a, e - a) > max;
    else
        e = p->len;
    bg_marker mk;
    if (bg_marker_at(c->m, c->hs, p->s + a, e - a, p->line, &mk)) {
        if (!is_long || !run_on)
            return 0;       /* a numbered line is a heading or a list item */
        a += mk.title_start;    /* a site's chunk number before a run-on page */
    }
    int kind = -1, year = 0;
    /* prose or a field is no title: a line holding it is none, and a run-on
     * line's title ends before it */
    size_t upto = is_long ? window : e;
    if (bg_match(c->m, &c->mr->title_not, p->s + a, upto - a, 0, ov, 1, p->line)) {
        if (!is_long && !prev)
            return 0;
        if (is_long)
            upto = a + ov[0];
    }
    names_what what = names_in(c, p->s + a, upto - a, p->line, is_long, &kind, &ka, &kb);
    if (is_long && what != NAMES_NONE) {
        /* a run-on line: the title is what comes before the end of its kind,
         * when a cell or field follows it */
        if (what == NAMES_GENERIC || !run_on || (kinds_only && what != NAMES_KIND) || (long)bg_utf8_count(p->s + a, kb) > max
            || !bg_match(c->m, &c->mr->title_end, p->s + a + kb, e - a - kb, 0, ov, 1, p->line) || ov[0] != 0)
            return 0;
        year = year_in(c, &c->mr->title_year, p->s + a + kb, e - a - kb, p->line);
        e = a + kb;
    }
    bg_piece q = { 0 };
    int joined = 0;
    if ((what == NAMES_NONE || (what != NAMES_GENERIC && ka == 0)) && !is_long && first_half(c, prev, bg_utf8_count(p->s + a, e - a))) {
        /* a title printed over two lines: …中央水利发展资金 / 绩效自评报告 */
        bg_piece_slice(prev, 0, prev->len, &q);
        q.line = prev->line;
        bg_piece cur;
        bg_piece_slice(p, a, e, &cur);
        bg_piece_append(&q, &cur);
        bg_piece_free(&cur);
        int k2 = -1;
        size_t a2, b2;
        names_what w2 = names(c, q.s, q.len, q.line, &k2, &a2, &b2);
        if (w2 != NAMES_NONE && !(kinds_only && w2 != NAMES_KIND)) {
            what = w2;
            kind = k2;
            ka = a2;
            kb = b2;
            joined = 1;
        } else
            bg_piece_free(&q);
    }
    if (what == NAMES_NONE || (kinds_only && what != NAMES_KIND))
        return 0;
    if (!joined && !is_long && bg_match(c->m, &c->mr->title_not, p->s + a, e - a, 0, ov, 1, p->line))
        return 0;           /* a sentence or a field that names a kind is no title */
    if (!joined) {
        bg_piece_slice(p, a, e, &q);
        q.line = p->line;
    }
    add(c, &q, what, kind, ka, kb, year);
    bg_piece_free(&q);
    return 1;
}

static int non_empty_cells(const bg_row *row, const bg_piece **only)
{
    int n = 0;
    for (size_t i = 0; i < row->n; i++)
        if (bg_piece_chars(&row->cells[i]) > 0) {
            *only = &row->cells[i];
            n++;
        }
    return n;
}

/* A table's own heading: a row of one cell, or (a whole spreadsheet on one
 * line) a cell naming a kind. */
static void table_headings(tctx *c, const bg_table *tb, long last_line)
{
    for (size_t r = 0; r < tb->n && tb->rows[r].line <= last_line; r++) {
        const bg_row *row = &tb->rows[r];
        const bg_piece *only = NULL;
        if (non_empty_cells(row, &only) == 1)
            try_piece(c, only, NULL, 0, 0);
        else if (tb->shape == BG_SHAPE_SPACED)
            for (size_t i = 0; i < row->n; i++)
                try_piece(c, &row->cells[i], NULL, 0, 1);
    }
}

/* Has the opening part said all it can: a title that names a kind or a
 * family, or a title and then a line naming the kind? */
static int settled(const tctx *c)
{
    if (c->n == 0)
        return 0;
    const candidate *t = &c->c[0];
    for (size_t i = 1; i < c->n; i++)
        if (c->c[i].line < t->line || (c->c[i].line == t->line && c->c[i].start < t->start))
            t = &c->c[i];
    if (t->what != NAMES_GENERIC)
        return 1;
    for (size_t i = 0; i < c->n; i++)
        if (c->c[i].what == NAMES_KIND)
            return 1;
    return 0;
}

/* The candidates of the opening part (its first title_scan_lines non-blank
 * lines), in order, until it has settled the title and kind. */
static void opening_part(tctx *c)
{
    long seen = 0, last_line = 0;
    for (size_t k = 0; k < c->l->nlines && seen < c->mr->title_scan_lines; k++)
        if (c->l->line_kind[k] != BG_LINE_BLANK) {
            seen++;
            last_line = (long)k + 1;
        }
    size_t prev_k = (size_t)-1, bi = 0;
    bg_piece prev = { 0 };
    int have_prev = 0;
    for (size_t k = 0; (long)k < last_line && !settled(c); k++) {
        unsigned char lk = c->l->line_kind[k];
        if (lk == BG_LINE_BLANK)
            continue;
        int adjacent = have_prev && k - prev_k <= 2;
        if (lk == BG_LINE_TEXT) {
            bg_piece p;
            bg_piece_of_line(c->t, k, &p);
            int took = try_piece(c, &p, adjacent ? &prev : NULL, 1, 0);
            if (have_prev)
                bg_piece_free(&prev);
            have_prev = !took;      /* a title is no first half of the next one */
            if (took)
                bg_piece_free(&p);
            else
                prev = p;
        } else if (have_prev) {
            bg_piece_free(&prev);
            have_prev = 0;
        }
        /* a table's heading rows, when the scan reaches the table */
        while (bi < c->l->n && c->l->blocks[bi].end_line < (long)k + 1)
            bi++;
        if (lk == BG_LINE_TABLE && bi < c->l->n && c->l->blocks[bi].kind == BG_BLOCK_TABLE
            && c->l->blocks[bi].table.line == (long)k + 1)
            table_headings(c, &c->l->blocks[bi].table, last_line);
        prev_k = k;
    }
    if (have_prev)
        bg_piece_free(&prev);
}

/* With nothing in the opening part: the heading of an attachment (附件二 /
 * 2023年度部门整体支出绩效自评表), wherever it stands — read from the lines as
 * printed, whether or not a flattened table took them in. */
static void attachments(tctx *c)
{
    for (size_t k = 0; k < c->l->nlines && k < c->t->nlines && c->n == 0; k++) {
        if (c->l->line_kind[k] == BG_LINE_BLANK || c->l->line_kind[k] == BG_LINE_NOISE)
            continue;
        size_t ov[2], a = c->t->lines[k], b = k + 1 < c->t->nlines ? c->t->lines[k + 1] : c->t->len;
        if (!bg_match(c->m, &c->mr->attachment, c->t->s + a, b - a, 0, ov, 1, (long)k + 1))
            continue;
        size_t j = k + 1;
        while (j < c->l->nlines && c->l->line_kind[j] == BG_LINE_BLANK)
            j++;
        if (j >= c->l->nlines || c->l->line_kind[j] == BG_LINE_NOISE)
            continue;
        bg_piece p;
        bg_piece_of_line(c->t, j, &p);
        try_piece(c, &p, NULL, 0, 0);
        bg_piece_free(&p);
        if (c->n && c->c[0].what == NAMES_GENERIC) {
            free(c->c[0].text);
            c->n = 0;
        }
    }
}

static void kind_from_headings(tctx *c, const bg_sections *secs, bg_warnings *w, bg_meta *out)
{
    for (size_t k = 0; k < c->mr->nkinds; k++)
        for (size_t h = 0; h < c->mr->kinds[k].nhints; h++)
            for (size_t i = 0; i < secs->n; i++) {
                const bg_section *s = &secs->items[i];
                size_t ov[2];
                if (!bg_match(c->m, &c->mr->kinds[k].hints[h], s->title, strlen(s->title), 0, ov, 1, s->line))
                    continue;
                out->kind.value = bg_xstrdup(c->mr->kinds[k].name);
                out->kind.line = s->line;
                out->kind.start = s->start;
                out->kind.end = s->end;
                bg_warn(w, s->line, "no title names the document kind; taken as %s from this heading",
                        c->mr->kinds[k].name);
                return;
            }
}

static const candidate *first(const tctx *c, names_what what)
{
    const candidate *best = NULL;
    for (size_t i = 0; i < c->n; i++)
        if ((what == NAMES_NONE || c->c[i].what == what)
            && (!best || c->c[i].line < best->line || (c->c[i].line == best->line && c->c[i].start < best->start)))
            best = &c->c[i];
    return best;
}

void bg_title_extract(const bg_text *t, const bg_layout *l, const bg_sections *secs, const bg_heading_styles *hs,
                      const bg_meta_rules *mr, bg_matcher *m, bg_warnings *w, bg_meta *out)
{
    tctx c = { t, l, hs, mr, m, NULL, 0, 0 };
    opening_part(&c);
    if (c.n == 0)
        attachments(&c);
    const candidate *title = first(&c, NAMES_NONE);
    const candidate *named = !title ? NULL : title->what == NAMES_KIND ? title
                           : title->what == NAMES_GENERIC ? first(&c, NAMES_KIND) : NULL;
    if (title) {
        out->title = (bg_meta_value){ bg_xstrdup(title->text), title->line, title->start, title->end };
        out->year = named && named->year ? named->year : title->year;
        out->year_line = named && named->year ? named->line : title->line;
        if (!out->year)
            out->year_line = 0;
    }
    if (named)
        /* the phrase's own line: in a title over two lines it is the second */
        out->kind = (bg_meta_value){ bg_xstrdup(mr->kinds[named->kind].name), bg_text_line(t, named->kstart),
                                     named->kstart, named->kend };
    else if (!title || title->what != NAMES_FAMILY)
        kind_from_headings(&c, secs, w, out);
    for (size_t i = 0; i < c.n; i++)
        free(c.c[i].text);
    free(c.c);
}
