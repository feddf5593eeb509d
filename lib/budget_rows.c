/* budget_rows.c — rows of a budget table that lost a blank cell (see
 * budget_rows.h): 年度资金总额 | 48.6 | 46.17 | 10 | 95.00% | 9 under a header
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

/* Cells up to the last that holds something (a cell of spaces holds
 * nothing). */
static size_t filled(const bg_row *row)
{
    size_t n = row->n;
    while (n > 0 && (row->cells[n - 1].len == 0 || bg_piece_chars(&row->cells[n - 1]) == 0))
        n--;
    return n;
}

/* Does the cell start like a figure (a digit, after spaces)? */
static int figure_start(const bg_piece *p)
{
    size_t i = 0;
    while (i < p->len && p->s[i] == ' ')
        i++;
    return i < p->len && p->s[i] >= '0' && p->s[i] <= '9';
}

/* The row's labels [0, *labels) and figures after them up to *end, all
 * cells being one or the other (empty cells ending the row left out), one
 * figure at least a percentage (the rate, to confirm a placement): 1 when
 * so. The cheap look at each cell's start comes first: most rows fail there. */
static int label_and_figures(const bg_row *row, size_t *labels, size_t *end, bg_fig *figs)
{
    size_t n = filled(row), k = 0;
    int pct = 0;
    while (k < n && !figure_start(&row->cells[k]))
        k++;
    if (k == 0 || k == n)
        return 0;
    for (size_t i = k; i < n; i++)
        if (!figure_start(&row->cells[i]))
            return 0;
    for (size_t i = k; i < n; i++) {
        if (!bg_fig_parse(row->cells[i].s, row->cells[i].len, &figs[i - k]))
            return 0;
        pct |= figs[i - k].pct;
    }
    *labels = k;
    *end = n;
    return pct;
}

/* Give row (labels [0, labels), figures up to end) the blank cells the
 * rate places, if it is certain. */
static void repair(rctx *c, bg_row *row, size_t labels, size_t end, const bg_fig *figs)
{
    size_t first_fig = 0;
    while (first_fig < c->h.n && !bg_role_is_figure(c->h.roles[first_fig]))
        first_fig++;
    if (first_fig == c->h.n || end >= c->h.n || labels > first_fig)
        return;
    size_t *cols = bg_xcalloc(row->n, sizeof *cols);
    bg_budget_cols bc = { c->h.roles, c->rate, c->h.n, (double)c->sr->rate_slack };
    if (bg_budget_place(&bc, labels, figs, end - labels, cols)) {
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
    free(cols);
}

/* Is row one cell of text and nothing more (a row's first cell alone on its
 * line, the rest of the row on the next)? */
static int text_alone(const bg_row *row)
{
    return !row->raw && filled(row) == 1 && !figure_start(&row->cells[0]);
}

/* Does row, the line after a cell alone, hold the rest of that row: figures
 * only, a rate among them (the repair below places them, or nothing reads
 * them), or a header naming figure columns and no name column (the cell
 * alone names it)? */
static int rest_of_row(rctx *c, const bg_row *row, bg_fig *figs)
{
    size_t n = filled(row);
    if (row->raw || n == 0)
        return 0;
    if (figure_start(&row->cells[0])) {
        int pct = 0;
        for (size_t i = 0; i < n; i++) {
            if (!figure_start(&row->cells[i]) || !bg_fig_parse(row->cells[i].s, row->cells[i].len, &figs[i]))
                return 0;
            pct |= figs[i].pct;
        }
        return pct;
    }
    bg_header h;
    if (!bg_header_of(c->tr, c->m, row, &h))
        return 0;
    size_t figures = 0;
    for (size_t k = 0; k < h.n; k++)
        figures += bg_role_is_figure(h.roles[k]) != 0;
    int nameless = h.split == 0 && figures >= 3;
    for (size_t k = 0; nameless && k < h.n; k++)
        nameless = h.roles[k] == BG_R_NONE || bg_role_is_figure(h.roles[k]);
    bg_header_free(&h);
    return nameless;
}

/* Rows printed over two lines (a cell that held a line break, the empty
 * cell between the lines dropped): 年度资金总额 | / | 48.6 | 46.17 | … |
 * and 项目资金(万元) | / | 年初预算数 | 全年预算数 | … |. The cell alone
 * becomes the first cell of the row after it. */
static void join_wrapped(rctx *c, bg_table *tb, bg_fig *figs)
{
    size_t w = 0;
    for (size_t r = 0; r < tb->n; r++) {
        if (w > 0 && text_alone(&tb->rows[w - 1]) && rest_of_row(c, &tb->rows[r], figs)) {
            bg_row *lab = &tb->rows[w - 1], *row = &tb->rows[r];
            bg_piece *cells = bg_xcalloc(row->n + 1, sizeof *cells);
            cells[0] = lab->cells[0];
            for (size_t k = 1; k < lab->n; k++)
                bg_piece_free(&lab->cells[k]);
            free(lab->cells);
            memcpy(cells + 1, row->cells, row->n * sizeof *cells);
            free(row->cells);
            row->cells = cells;
            row->n = row->cap = row->n + 1;
            row->line = lab->line;
            tb->rows[w - 1] = *row;
            continue;
        }
        tb->rows[w++] = tb->rows[r];
    }
    tb->n = w;
}

enum { UNASKED = -1 };

/* What header_above reads of a table's rows, once: each row's filled
 * width (0 for a raw row, never a header), whether it names columns
 * (known[j]: UNASKED, 0 or 1), and the nearest row above it that is wider
 * (wider[j], SIZE_MAX for none), so that a search upward skips runs of
 * narrower rows: a table of many rows under one header was searched row
 * by row from each of them. */
typedef struct {
    size_t *fill, *wider;
    signed char *known;
    size_t header_at;       /* the header c holds */
} above;

static void above_init(above *a, const bg_table *tb)
{
    a->fill = bg_xcalloc(tb->n, sizeof *a->fill);
    a->wider = bg_xcalloc(tb->n, sizeof *a->wider);
    a->known = bg_xmalloc(tb->n);
    memset(a->known, UNASKED, tb->n);
    a->header_at = SIZE_MAX;
    for (size_t j = 0; j < tb->n; j++) {
        a->fill[j] = tb->rows[j].raw ? 0 : filled(&tb->rows[j]);
        size_t w = j ? j - 1 : SIZE_MAX;
        while (w != SIZE_MAX && a->fill[w] <= a->fill[j])
            w = a->wider[w];
        a->wider[j] = w;
    }
}

static void above_free(above *a)
{
    free(a->fill);
    free(a->wider);
    free(a->known);
}

/* The header over row r: the nearest row above it naming columns and wider
 * than width. Each row of a table is read as a header once at most. */
static int header_above(rctx *c, const bg_table *tb, size_t r, size_t width, above *a)
{
    for (size_t j = r ? r - 1 : SIZE_MAX; j != SIZE_MAX;) {
        if (a->fill[j] <= width) {
            j = a->wider[j];    /* no wider, nor is anything up to the row it names */
            continue;
        }
        if (j == a->header_at)
            return 1;
        if (a->known[j] == UNASKED) {
            bg_header h;
            a->known[j] = (signed char)bg_header_of(c->tr, c->m, &tb->rows[j], &h);
            if (a->known[j]) {
                set_header(c, &tb->rows[j], &h);
                a->header_at = j;
                return 1;
            }
        }
        j = j ? j - 1 : SIZE_MAX;   /* wider, but no header */
    }
    return 0;
}

void bg_budget_rows_apply(const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m, bg_layout *l)
{
    rctx c = { sr, tr, m, { 0 }, NULL };
    for (size_t b = 0; b < l->n; b++) {
        bg_table *tb = &l->blocks[b].table;
        if (l->blocks[b].kind != BG_BLOCK_TABLE)
            continue;
        size_t labels, end, width = 1;
        above a = { NULL, NULL, NULL, SIZE_MAX };
        for (size_t r = 0; r < tb->n; r++)
            width = tb->rows[r].n > width ? tb->rows[r].n : width;
        bg_fig *figs = bg_xcalloc(width, sizeof *figs);
        join_wrapped(&c, tb, figs);
        for (size_t r = 1; r < tb->n; r++) {
            bg_row *row = &tb->rows[r];
            if (!row->raw && label_and_figures(row, &labels, &end, figs)) {
                if (!a.fill)
                    above_init(&a, tb);
                if (header_above(&c, tb, r, end, &a))
                    repair(&c, row, labels, end, figs);
            }
        }
        free(figs);
        above_free(&a);
    }
    bg_header_free(&c.h);
    free(c.rate);
}
