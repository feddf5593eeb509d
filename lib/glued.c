/* glued.c — budget tables run together with no separator (see glued.h).
 *
 * A reader spots the header by its unit and the column names glued after
 * it: 项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A). Each row is then a
 * label (the text up to the first figure) and its figures run together; the
 * header says how many figures a row has and the row's own rate says where
 * one ends and the next begins (budget.c). Rows follow on the same line or
 * on the lines below; the table ends at a label with no figures after it
 * (其他资金 with its cells blank, or the prose after the table), or at a run
 * no split of which is certain. */
#include "glued.h"
#include "glued_ctx.h"

#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "splice.h"

size_t bg_glued_column_at(gctx *c, const char *s, size_t n, long line, bg_role *role)
{
    size_t best = 0, ov[2];
    for (size_t i = 0; i < c->tr->ncolumns; i++) {
        const bg_column_rule *r = &c->tr->columns[i];
        if (bg_match(c->m, &r->header, s, n, 0, ov, 1, line) && ov[0] == 0 && ov[1] > best) {
            best = ov[1];
            *role = r->role;
        }
    }
    return best;
}

size_t bg_glued_prefix(gctx *c, const bg_regex *re, const char *s, size_t n, long line)
{
    size_t ov[2];
    return bg_match(c->m, re, s, n, 0, ov, 1, line) && ov[0] == 0 ? ov[1] : 0;
}

/* The column names glued from byte h on (line ends at e): returns where
 * they end, or 0 unless they make a budget header (a budget column, an
 * executed one and a rate). */
static size_t header_from(gctx *c, size_t h, size_t e, long line)
{
    const char *s = c->t->s;
    int budget = 0, executed = 0, rate = 0;
    size_t pos = h;
    c->ncols = 1;           /* the corner */
    while (pos < e && c->ncols < MAX_COLS) {
        bg_role role = BG_R_NONE;
        size_t len = bg_glued_column_at(c, s + pos, e - pos, line, &role);
        int is_rate = len == 0 && (len = bg_glued_prefix(c, &c->sr->glued_rate, s + pos, e - pos, line)) > 0;
        if (len == 0)
            break;
        len += bg_glued_prefix(c, &c->sr->glued_note, s + pos + len, e - pos - len, line);
        c->col_a[c->ncols] = pos;
        c->col_b[c->ncols] = pos + len;
        c->roles[c->ncols] = role;
        c->rate[c->ncols++] = (unsigned char)is_rate;
        budget |= role == BG_R_BUDGET;
        executed |= role == BG_R_EXECUTED;
        rate |= is_rate;
        pos += len;
    }
    return budget && executed && rate ? pos : 0;
}

static void cell(gctx *c, bg_row *row, size_t k, size_t a, size_t b, long line)
{
    bg_piece_add(&row->cells[k], c->t, a, b, line);
    bg_piece_finish(&row->cells[k]);
}

/* A row's label from byte pos of line k, up to the first figure at *d,
 * and the run of figures there, *run bytes long: 1 when both are there. */
static int label_here(gctx *c, size_t k, size_t pos, size_t *d, size_t *run)
{
    const char *s = c->t->s;
    size_t e = bg_line_end(c->t, k);
    long line = (long)k + 1;
    for (*d = pos; *d < e && !(s[*d] >= '0' && s[*d] <= '9'); (*d)++)
        ;
    size_t chars = bg_utf8_count(s + pos, *d - pos);
    *run = *d < e ? bg_glued_prefix(c, &c->sr->glued_run, s + *d, e - *d, line) : 0;
    size_t ov[2];
    return *run > 0 && chars > 0 && (long)chars <= c->sr->label_max_chars
           && !bg_match(c->m, &c->sr->note, s + pos, *d - pos, 0, ov, 1, line);     /* a clause is prose, not a label */
}

/* One row of a budget table from byte pos of line k: its label, then the
 * run of figures, split. Returns where it ends, or 0 (no row here). */
static size_t budget_row(gctx *c, size_t k, size_t pos, bg_table *tb)
{
    const char *s = c->t->s;
    size_t d, run;
    long line = (long)k + 1;
    if (!label_here(c, k, pos, &d, &run))
        return 0;
    bg_budget_cols bc = { c->roles, c->rate, c->ncols, (double)c->sr->rate_slack };
    size_t cut[MAX_COLS + 1];
    if (!bg_budget_split(&bc, 1, s + d, run, cut)) {
        bg_warn(c->w, line, "table: figures run together (%.*s) could not be split into their columns with "
                "certainty; not read", (int)run, s + d);
        return 0;
    }
    bg_row *row = bg_table_new_row(tb, c->ncols, line);
    cell(c, row, 0, pos, d, line);
    for (size_t i = 1; i < c->ncols; i++)
        cell(c, row, i, d + cut[i - 1], d + cut[i], line);
    return d + run;
}

/* One row of a list from byte pos of line k: a label and one figure. */
static size_t list_row(gctx *c, size_t k, size_t pos, bg_table *tb)
{
    size_t d, run;
    bg_fig f;
    long line = (long)k + 1;
    if (!label_here(c, k, pos, &d, &run) || !bg_fig_parse(c->t->s + d, run, &f) || f.pct)
        return 0;
    bg_row *row = bg_table_new_row(tb, 2, line);
    cell(c, row, 0, pos, d, line);
    cell(c, row, 1, d, d + run, line);
    return d + run;
}

/* Rows from byte pos of line k on, on this line and the next, each read by
 * `row`, while they are there; their ends into *ends. Returns the last
 * line read. */
static size_t read_rows(gctx *c, size_t k, size_t pos, bg_table *tb, size_t (*row)(gctx *, size_t, size_t, bg_table *),
                        size_t **ends)
{
    const bg_text *t = c->t;
    size_t last = k, n = 0, cap = 0;
    for (size_t j = k; j < c->l->nlines && (j == k || c->l->line_kind[j] == BG_LINE_TEXT);) {
        size_t end = bg_line_end(t, j);
        while (pos < end && t->s[pos] == ' ')
            pos++;
        if (pos == end) {
            if (++j < t->nlines)
                pos = t->lines[j];
            continue;
        }
        size_t next = row(c, j, pos, tb);
        if (next == 0)
            break;
        BG_PUSH(*ends, n, cap, next);
        pos = next;
        last = j;
    }
    return last;
}

/* How many rows of a list are certain: those up to a total (全县合计) that
 * is their sum, or all of them when each holds its label's colon (资金总额:
 * 35 其中:财政拨款 35). */
static size_t list_certain(gctx *c, const bg_table *tb)
{
    bg_dec sum, v;
    int colons = tb->n > 2;
    bg_dec_from_int(&sum, 0);
    for (size_t r = 1; r < tb->n; r++) {
        const bg_piece *label = &tb->rows[r].cells[0], *fig = &tb->rows[r].cells[1];
        if (bg_dec_parse(fig->s, fig->len, &v) <= 0)
            return 0;
        size_t ov[2];
        if (r > 2 && bg_match(c->m, &c->sr->glued_total, label->s, label->len, 0, ov, 1, label->line)
            && bg_dec_cmp(&v, &sum) == 0)
            return r;
        if (bg_dec_add(&sum, &v, &sum) < 0)
            return 0;
        colons &= memchr(label->s, ':', label->len) != NULL;
    }
    return colons ? tb->n - 1 : 0;
}

/* Keep the header and the first `keep` rows of tb. */
static void keep_rows(bg_table *tb, size_t keep)
{
    while (tb->n > keep + 1) {
        bg_row *row = &tb->rows[--tb->n];
        for (size_t i = 0; i < row->n; i++)
            bg_piece_free(&row->cells[i]);
        free(row->cells);
    }
}

/* Past the column names glued after a list's unit (…(万元)备注): where its
 * rows start. */
static size_t past_names(gctx *c, size_t h, size_t e, long line)
{
    bg_role role;
    size_t len;
    while (h < e && (len = bg_glued_column_at(c, c->t->s + h, e - h, line, &role)) > 0)
        h += len;
    return h;
}

/* The glued table whose unit is bytes [u0, u1) of line k: a budget table
 * (the unit, its columns, rows split by their rate), else a list (the
 * unit, rows of a label and one figure, taken when certain). Its header and
 * rows into *f; returns its last line, or k when there is none. */
static size_t read_glued(gctx *c, size_t k, size_t u0, size_t u1, bg_found *f)
{
    const bg_text *t = c->t;
    size_t a = t->lines[k], e = bg_line_end(t, k), h = u1, *ends = NULL, keep;
    long line = (long)k + 1;
    while (h < e && t->s[h] == ' ')
        h++;
    size_t pos = header_from(c, h, e, line);
    int list = pos == 0;
    size_t corner = (long)bg_utf8_count(t->s + a, u0 - a) <= c->sr->header_max_chars ? a : u0;
    bg_table *tb = &f->table;
    bg_row *hr = bg_table_new_row(tb, list ? 2 : c->ncols, line);
    hr->header = 1;
    if (list) {             /* its header: what stood before the unit, the unit over the figures */
        cell(c, hr, 0, corner, corner < u0 ? u0 : corner, line);
        cell(c, hr, 1, u0, u1, line);
        pos = past_names(c, h, e, line);
    } else {
        cell(c, hr, 0, corner, u1, line);
        for (size_t i = 1; i < c->ncols; i++)
            cell(c, hr, i, c->col_a[i], c->col_b[i], line);
    }
    f->from = corner;
    size_t last = read_rows(c, k, pos, tb, list ? list_row : budget_row, &ends);
    keep = list ? list_certain(c, tb) : tb->n - 1;
    keep_rows(tb, keep);
    if (keep > 0) {
        f->to = ends[keep - 1];
        last = (size_t)tb->rows[keep].line - 1;
    }
    free(ends);
    tb->shape = BG_SHAPE_GLUED;
    tb->line = line;
    tb->end_line = (long)last + 1;
    return keep > 0 ? last : k;
}

static void mark_table_lines(bg_layout *l, size_t k, size_t last)
{
    for (size_t j = k + 1; j <= last && j < l->nlines; j++)
        if (l->line_kind[j] == BG_LINE_TEXT)
            l->line_kind[j] = BG_LINE_TABLE;
}

/* The glued budget tables and lists of line k before byte stop, into fs
 * (each ending before stop when stop is not the line's end). Returns the
 * last line they take. */
static size_t budget_tables(gctx *c, size_t k, size_t stop, bg_found **fs, size_t *nf, size_t *cap)
{
    const bg_text *t = c->t;
    size_t a = t->lines[k], e = bg_line_end(t, k), ov[2];
    if (!memchr(t->s + a, '(', stop - a))
        return k;           /* a glued header follows its unit's bracket */
    for (size_t from = a; from < stop
         && bg_match(c->m, &c->sr->glued_unit, t->s + a, stop - a, from - a, ov, 1, (long)k + 1);) {
        bg_found f = { { 0 }, 0, 0 };
        size_t last = read_glued(c, k, a + ov[0], a + ov[1], &f);
        if (f.table.n < 2 || (stop < e && (last != k || f.to > stop))) {
            bg_table_free(&f.table);
            from = a + ov[1];
            continue;
        }
        BG_PUSH(*fs, *nf, *cap, f);
        if (last != k)
            return last;
        from = f.to;        /* more may follow on this line */
    }
    return k;
}

void bg_glued_apply(const bg_text *t, const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m,
                    bg_warnings *w, bg_layout *l)
{
    gctx c = { t, sr, tr, m, w, l, { 0 }, { 0 }, { BG_R_NONE }, { 0 }, 0 };
    bg_found *fs = NULL;
    size_t nf = 0, cap = 0;
    for (size_t k = 0; k < l->nlines && k < t->nlines; k++) {
        if (l->line_kind[k] != BG_LINE_TEXT)
            continue;
        /* an indicator table first: a budget table glued before it on its
         * line ends where it starts */
        bg_found lv = { { 0 }, 0, 0 };
        int levels = bg_glued_levels(&c, k, &lv);
        size_t last = budget_tables(&c, k, levels ? lv.from : bg_line_end(t, k), &fs, &nf, &cap);
        if (levels) {
            BG_PUSH(fs, nf, cap, lv);
            if ((size_t)lv.table.end_line - 1 > last)
                last = (size_t)lv.table.end_line - 1;
        } else
            bg_table_free(&lv.table);
        mark_table_lines(l, k, last);
        k = last;
    }
    if (nf)
        bg_splice_tables(t, l, fs, nf);
    free(fs);
}
