/* pipecells.c — pipe tables printed one cell per line (see pipecells.h).
 *
 * Each line is a token: a cell (text and its pipe), an empty cell (a bare
 * pipe) or a row's end (pipes only). A reader finds the header (cells naming
 * three columns or more; when a row's end closes it, the whole row between
 * the ends, its empty cells included), then reads rows as wide as it: a row
 * closed by a row's end must have exactly that many cells; a row not closed
 * so takes the next cells, a bare pipe at its start being the row's opening
 * pipe when, and only when, the row then fits the columns. */
#include "pipecells.h"

#include <stdlib.h>
#include <string.h>

#include "splice.h"

typedef enum { T_CELL, T_EMPTY, T_END } tkind;

typedef struct {
    tkind kind;
    size_t a, b;            /* T_CELL: its text in the normalized text */
    long line;
} token;

typedef struct {
    const bg_text *t;
    const bg_stream_rules *sr;
    const bg_table_rules *tr;
    bg_matcher *m;
    token *tok;
    size_t n;
    bg_role *roles;         /* of the header being read */
    size_t width;
} pctx;

/* Line k as a token: 1 when it is one, 0 when blank, -1 when it is no line
 * of such a table. */
static int line_token(const bg_text *t, size_t k, token *out)
{
    size_t a = t->lines[k], b = bg_line_end(t, k), pipes = 0;
    if (!memchr(t->s + a, '|', b - a))     /* most lines: no pipe at all */
        return bg_spaces_only(t->s + a, b - a) ? 0 : -1;
    while (a < b && t->s[a] == ' ')
        a++;
    while (b > a && t->s[b - 1] == ' ')
        b--;
    if (a == b)
        return 0;
    for (size_t i = a; i < b; i++)
        pipes += t->s[i] == '|';
    out->line = (long)k + 1;
    if (pipes == b - a) {
        out->kind = pipes == 1 ? T_EMPTY : T_END;
        return 1;
    }
    if (pipes != 1 || t->s[b - 1] != '|')
        return -1;
    out->kind = T_CELL;
    out->a = a;
    out->b = b - 1;
    while (out->b > a && t->s[out->b - 1] == ' ')
        out->b--;
    return 1;
}

static int cell_matches(pctx *c, const bg_regex *re, const token *k)
{
    size_t ov[2];
    return k->kind == T_CELL && bg_match(c->m, re, c->t->s + k->a, k->b - k->a, 0, ov, 1, k->line);
}

static bg_role cell_role(pctx *c, const token *k)
{
    return k->kind == T_CELL ? bg_header_role(c->tr, c->m, c->t->s + k->a, k->b - k->a, k->line) : BG_R_NONE;
}

/* The header from token i: cells naming three columns or more (an unnamed
 * one between them looking like a column name). [*h0, *h1): its tokens,
 * widened to its whole row when row ends close it. */
static int header_at(pctx *c, size_t i, size_t *h0, size_t *h1)
{
    size_t named = 0, e = i, last = i;
    for (; e < c->n && c->tok[e].kind == T_CELL; e++) {
        bg_role r = cell_role(c, &c->tok[e]);
        if (r == BG_R_NONE && !cell_matches(c, &c->sr->header_like, &c->tok[e]))
            break;
        if (r != BG_R_NONE) {
            named++;
            last = e + 1;
        }
    }
    if (named < 3)
        return 0;
    *h0 = i;
    *h1 = last;
    if (last < c->n && c->tok[last].kind == T_END) {
        while (*h0 > 0 && c->tok[*h0 - 1].kind != T_END)
            (*h0)--;
    }
    return 1;
}

static const token empty_token = { T_EMPTY, 0, 0, 0 };

/* The token in column k of the row starting at token p: past the run's
 * end, an empty cell (a row cut off where the text was cut). */
static const token *at(const pctx *c, size_t p, size_t k)
{
    return p + k < c->n ? &c->tok[p + k] : &empty_token;
}

/* Do the cells of the row starting at token p fit the header's columns? */
static int row_fits(pctx *c, size_t p)
{
    size_t cells = 0;
    for (size_t k = 0; k < c->width; k++) {
        const token *x = at(c, p, k);
        bg_role r = c->roles[k];
        if (x->kind == T_END)
            return 0;
        if (x->kind == T_EMPTY)
            continue;
        cells++;
        int figure = cell_matches(c, &c->sr->value_text, x), level = cell_matches(c, &c->sr->level_word, x);
        if ((bg_role_is_figure(r) && !cell_matches(c, &c->sr->value, x) && !cell_matches(c, &c->tr->placeholder, x))
            || ((r == BG_R_LEVEL1 || r == BG_R_LEVEL2 || r == BG_R_LEVEL3) && figure)
            || ((r == BG_R_LEVEL3 || r == BG_R_TARGET || r == BG_R_ACTUAL) && level))
            return 0;
    }
    for (size_t k = 0; k < c->width; k++)
        if (c->roles[k] == BG_R_LEVEL3 && at(c, p, k)->kind != T_CELL)
            return 0;       /* an indicator row names its indicator */
    return cells > 0;
}

static void add_row(pctx *c, bg_table *tb, size_t p, int header)
{
    bg_row *row = bg_table_new_row(tb, c->width, c->tok[p].line);
    row->header = header;
    for (size_t k = 0; k < c->width; k++) {
        const token *x = at(c, p, k);
        if (x->kind == T_CELL)
            bg_piece_add(&row->cells[k], c->t, x->a, x->b, x->line);
        bg_piece_finish(&row->cells[k]);
    }
}

/* A row the text cut off after `have` cells: taken when they reach past its
 * name (三级指标 and one more, or a label and a figure). */
static int cut_row_ok(const pctx *c, size_t have)
{
    for (size_t k = 0; k < c->width; k++)
        if (c->roles[k] == BG_R_LEVEL3)
            return have >= k + 2;
    return have >= 2;
}

/* The row starting at token *p, if it fits: its tokens from *first to
 * *last (a row the text cut off ends at the run's end); *p moves past it. */
static int next_row(pctx *c, size_t *p, size_t *first, size_t *last)
{
    size_t q = *p;
    if (q < c->n && c->tok[q].kind == T_END) {
        size_t e = ++q;
        while (e < c->n && c->tok[e].kind != T_END)
            e++;
        if (e - q != c->width || !row_fits(c, q))
            return 0;
        *first = q;
        *last = e - 1;
        *p = e;
        return 1;
    }
    for (int opener = 1; opener >= 0; opener--) {
        size_t s = q + (size_t)(opener && q < c->n && c->tok[q].kind == T_EMPTY);
        if ((opener && s == q) || s >= c->n || (c->n - s < c->width && !cut_row_ok(c, c->n - s)) || !row_fits(c, s))
            continue;
        *first = s;
        *p = s + c->width;
        *last = (*p < c->n ? *p : c->n) - 1;
        return 1;
    }
    return 0;
}

/* The tables of tokens [0, n): each header and the rows that fit under it. */
static void read_run(pctx *c, bg_found **fs, size_t *nf, size_t *cap)
{
    size_t i = 0, h0, h1;
    while (i < c->n) {
        if (!header_at(c, i, &h0, &h1)) {
            i++;
            continue;
        }
        c->width = h1 - h0;
        c->roles = bg_xcalloc(c->width, sizeof *c->roles);
        for (size_t k = 0; k < c->width; k++)
            c->roles[k] = cell_role(c, &c->tok[h0 + k]);
        bg_found f = { { 0 }, c->t->lines[c->tok[h0].line - 1], 0 };
        add_row(c, &f.table, h0, 1);
        size_t p = h1, first, last = h1 - 1;
        while (p < c->n && next_row(c, &p, &first, &last))
            add_row(c, &f.table, first, 0);
        free(c->roles);
        if (f.table.n < 2) {
            bg_table_free(&f.table);
            i = h1;
            continue;
        }
        f.table.shape = BG_SHAPE_PIPE;
        f.table.line = c->tok[h0].line;
        f.table.end_line = c->tok[last].line;
        f.to = c->tok[last].line < (long)c->t->nlines ? c->t->lines[c->tok[last].line] - 1 : c->t->len;
        BG_PUSH(*fs, *nf, *cap, f);
        i = last + 1;
    }
}

void bg_piped_apply(const bg_text *t, const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m,
                    bg_layout *l)
{
    pctx c = { t, sr, tr, m, NULL, 0, NULL, 0 };
    size_t cap = 0, nf = 0, fcap = 0;
    bg_found *fs = NULL;
    for (size_t k = 0; k <= l->nlines && k <= t->nlines; k++) {
        token x;
        int got = k < l->nlines && k < t->nlines && l->line_kind[k] == BG_LINE_TEXT ? line_token(t, k, &x)
                  : k < l->nlines && l->line_kind[k] == BG_LINE_BLANK ? 0 : -1;
        if (got > 0)
            BG_PUSH(c.tok, c.n, cap, x);
        if (got >= 0)
            continue;
        size_t before = nf;
        if (c.n >= 4)
            read_run(&c, &fs, &nf, &fcap);
        for (size_t f = before; f < nf; f++)
            for (long j = fs[f].table.line; j <= fs[f].table.end_line; j++)
                l->line_kind[j - 1] = BG_LINE_TABLE;
        c.n = 0;
    }
    if (nf)
        bg_splice_tables(t, l, fs, nf);
    free(fs);
    free(c.tok);
}
