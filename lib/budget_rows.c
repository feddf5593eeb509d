/* budget_rows.c — rows of a budget table that lost a blank cell (see
 * budget_rows.h): 年度资金总额 | 32.4 | 31.69 | 10 | 97.80% | 9 under a header
 * of seven cells. The row is given back its blank cells where the one
 * placement its rate confirms puts them; otherwise it stays as it is, its
 * columns unknown. */
#include "budget_rows.h"

#include <stdlib.h>
#include <string.h>

#include "budget.h"

typedef struct {
    const bg_stream_rules *sr;
    const bg_table_rules *tr;
    bg_matcher *m;
    bg_header h;
    unsigned char *rate;        /* per header column: a rate (执行率) */
} rctx;

static int piece_matches(rctx *c, const bg_regex *re, const bg_piece *p)
{
    size_t ov[2];
    return p->len && bg_match(c->m, re, p->s, p->len, 0, ov, 1, p->line);
}

static void set_header(rctx *c, const bg_row *row, const bg_header *h)
{
    bg_header_free(&c->h);
    free(c->rate);
    c->h = *h;
    c->rate = bg_xcalloc(h->n ? h->n : 1, 1);
    for (size_t k = 0; k < h->n; k++)
        c->rate[k] = (unsigned char)piece_matches(c, &c->sr->rate_header, &row->cells[k]);
}

/* The row's labels [0, *labels) and figures after them, all cells being one
 * or the other (empty cells ending the row left out): 1 when it has both. */
static int label_and_figures(const bg_row *row, size_t *labels, size_t *end, bg_fig *figs)
{
    size_t n = row->n, k = 0;
    while (n > 0 && bg_piece_chars(&row->cells[n - 1]) == 0)
        n--;
    while (k < n && !bg_fig_parse(row->cells[k].s, row->cells[k].len, &figs[0]))
        k++;
    if (k == 0 || k == n)
        return 0;
    for (size_t i = k; i < n; i++)
        if (!bg_fig_parse(row->cells[i].s, row->cells[i].len, &figs[i - k]))
            return 0;
    *labels = k;
    *end = n;
    return 1;
}

/* Give row the blank cells the rate places, if it is certain. */
static void repair(rctx *c, bg_row *row)
{
    size_t labels, end, first_fig = 0;
    while (first_fig < c->h.n && !bg_role_is_figure(c->h.roles[first_fig]))
        first_fig++;
    if (row->raw || row->n == 0 || first_fig == c->h.n)
        return;
    bg_fig *figs = bg_xcalloc(row->n, sizeof *figs);
    size_t *cols = bg_xcalloc(row->n, sizeof *cols);
    bg_budget_cols bc = { c->h.roles, c->rate, c->h.n, (double)c->sr->rate_slack };
    if (label_and_figures(row, &labels, &end, figs) && end < c->h.n && labels <= first_fig
        && bg_budget_place(&bc, labels, figs, end - labels, cols)) {
        bg_piece *cells = bg_xcalloc(c->h.n, sizeof *cells);
        size_t at = bg_piece_pos(&row->cells[0], 0);
        for (size_t k = 0; k < c->h.n; k++) {
            bg_piece_empty_at(&cells[k], at);
            cells[k].line = cells[k].end_line = row->line;
        }
        for (size_t k = 0; k < labels; k++) {
            bg_piece_free(&cells[k]);
            cells[k] = row->cells[k];
        }
        for (size_t i = 0; i < end - labels; i++) {
            bg_piece_free(&cells[cols[i]]);
            cells[cols[i]] = row->cells[labels + i];
        }
        for (size_t k = end; k < row->n; k++)
            bg_piece_free(&row->cells[k]);
        free(row->cells);
        row->cells = cells;
        row->n = row->cap = c->h.n;
    }
    free(figs);
    free(cols);
}

void bg_budget_rows_apply(const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m, bg_layout *l)
{
    rctx c = { sr, tr, m, { 0 }, NULL };
    for (size_t b = 0; b < l->n; b++) {
        bg_table *tb = &l->blocks[b].table;
        if (l->blocks[b].kind != BG_BLOCK_TABLE)
            continue;
        int have = 0;
        for (size_t r = 0; r < tb->n; r++) {
            bg_header h;
            if (bg_header_of(tr, m, &tb->rows[r], &h)) {
                set_header(&c, &tb->rows[r], &h);
                have = 1;
            } else if (have && tb->rows[r].n < c.h.n + 1) {
                repair(&c, &tb->rows[r]);
            }
        }
    }
    bg_header_free(&c.h);
    free(c.rate);
}
