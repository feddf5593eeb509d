/* layout.c — classify lines, gather tables, join hard-wrapped paragraphs. */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

/* ---- rules ---------------------------------------------------------------- */

static int add_regex(const bg_kv *kv, bg_regex **arr, size_t *n, size_t *cap, baogao_error *err)
{
    bg_regex re;
    if (bg_regex_compile(kv, &re, err) < 0)
        return -1;
    BG_PUSH(*arr, *n, *cap, re);
    return 0;
}

int bg_layout_compile(const bg_records *recs, bg_layout_rules *lr, baogao_error *err)
{
    memset(lr, 0, sizeof *lr);
    lr->join_min_chars = -1;
    lr->join_blank_min_chars = -1;
    for (size_t i = 0; i < recs->n; i++) {
        const bg_record *r = &recs->items[i];
        if (strcmp(r->type, "layout") != 0)
            continue;
        for (size_t k = 0; k < r->nkv; k++) {
            const bg_kv *kv = &r->kv[k];
            int rc;
            if (strcmp(kv->key, "pagenum") == 0)
                rc = add_regex(kv, &lr->pagenum, &lr->npagenum, &lr->pagenum_cap, err);
            else if (strcmp(kv->key, "residue") == 0)
                rc = add_regex(kv, &lr->residue, &lr->nresidue, &lr->residue_cap, err);
            else if (strcmp(kv->key, "join_min_chars") == 0)
                rc = bg_kv_int(kv, &lr->join_min_chars, err);
            else if (strcmp(kv->key, "join_blank_min_chars") == 0)
                rc = bg_kv_int(kv, &lr->join_blank_min_chars, err);
            else if (strcmp(kv->key, "sheet_min_tokens") == 0)
                rc = bg_kv_int(kv, &lr->sheet_min_tokens, err);
            else if (strcmp(kv->key, "sheet_max_avg_chars") == 0)
                rc = bg_kv_int(kv, &lr->sheet_max_avg_chars, err);
            else if (strcmp(kv->key, "continues") == 0)
                rc = lr->continues.code ? bg_pattern_error(err, kv->file, kv->line, "continues given twice")
                                        : bg_regex_compile(kv, &lr->continues, err);
            else if (strcmp(kv->key, "share_site_lines") == 0)
                rc = bg_kv_int(kv, &lr->share_site_lines, err);
            else if (strcmp(kv->key, "share_site") == 0 && !lr->share_site.code)
                rc = bg_regex_compile(kv, &lr->share_site, err);
            else if (strcmp(kv->key, "page_chunk") == 0 && !lr->page_chunk.code)
                rc = bg_regex_compile(kv, &lr->page_chunk, err);
            else if (strcmp(kv->key, "wrap_end") == 0 && !lr->wrap_end.code)
                rc = bg_regex_compile(kv, &lr->wrap_end, err);
            else if (strcmp(kv->key, "wrap_start") == 0 && !lr->wrap_start.code)
                rc = bg_regex_compile(kv, &lr->wrap_start, err);
            else
                rc = bg_pattern_error(err, kv->file, kv->line, "unknown key \"%s\" in [layout]", kv->key);
            if (rc < 0)
                return -1;
        }
    }
    if (lr->join_min_chars < 0 || lr->join_blank_min_chars <= 0 || !lr->continues.code || !lr->wrap_end.code
        || !lr->wrap_start.code || lr->sheet_min_tokens <= 0
        || lr->sheet_max_avg_chars <= 0)
        return bg_pattern_error(err, "patterns", 0,
                                "[layout] needs join_min_chars, join_blank_min_chars, continues, sheet_min_tokens and sheet_max_avg_chars");
    return 0;
}

void bg_layout_rules_free(bg_layout_rules *lr)
{
    for (size_t i = 0; i < lr->npagenum; i++)
        bg_regex_free(&lr->pagenum[i]);
    for (size_t i = 0; i < lr->nresidue; i++)
        bg_regex_free(&lr->residue[i]);
    free(lr->pagenum);
    free(lr->residue);
    bg_regex_free(&lr->continues);
    bg_regex_free(&lr->wrap_end);
    bg_regex_free(&lr->wrap_start);
    bg_regex_free(&lr->share_site);
    bg_regex_free(&lr->page_chunk);
    memset(lr, 0, sizeof *lr);
}

/* ---- pieces --------------------------------------------------------------- */

typedef struct {
    const bg_text *t;
    const bg_layout_rules *lr;
    const bg_heading_styles *hs;
    bg_matcher *m;
    bg_layout *out;
} ctx;

static int is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void trim_range(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && (s[*a] == ' ' || s[*a] == '\t'))
        (*a)++;
    while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '\t'))
        (*b)--;
}

static const bg_piece_run *run_at(const bg_piece *p, size_t k)
{
    return k == 0 ? &p->first : &p->more[k - 1];
}

static void push_run(bg_piece *p, size_t at, size_t from)
{
    bg_piece_run r = { (uint32_t)at, (uint32_t)from };
    if (p->nruns == 0) {
        p->first = r;
        p->nruns = 1;
        return;
    }
    bg_grow(&p->more, &p->more_cap, p->nruns, sizeof *p->more);
    p->more[p->nruns++ - 1] = r;
}

/* Byte `at` onward comes from normalized offset `from`. */
static void piece_run_at(bg_piece *p, size_t at, size_t from)
{
    if (p->nruns) {
        const bg_piece_run *last = run_at(p, p->nruns - 1);
        if (last->from + (at - last->at) == from)
            return;         /* continues the run before it */
    }
    push_run(p, at, from);
}

static void piece_run(bg_piece *p, size_t from)
{
    piece_run_at(p, p->len, from);
}

static void piece_reserve(bg_piece *p, size_t add)
{
    if (p->len + add + 1 <= p->cap)
        return;
    size_t cap = p->cap ? p->cap : 16;
    while (cap < p->len + add + 1)
        cap *= 2;
    p->s = bg_xrealloc(p->s, cap);
    p->cap = cap;
}

void bg_piece_append(bg_piece *dst, const bg_piece *src)
{
    if (dst->line == 0 || (dst->len == 0 && src->len))
        dst->line = src->line;
    dst->end_line = src->end_line;
    if (src->len == 0 && dst->nruns)
        return;
    piece_reserve(dst, src->len);
    for (size_t k = 0; k < src->nruns; k++) {
        const bg_piece_run *r = run_at(src, k);
        piece_run_at(dst, dst->len + r->at, r->from);
    }
    memcpy(dst->s + dst->len, src->s, src->len);
    dst->len += src->len;
    dst->s[dst->len] = '\0';
}

void bg_piece_empty_at(bg_piece *p, size_t at)
{
    p->s = bg_xstrdup("");
    p->len = 0;
    p->cap = 1;
    push_run(p, 0, at);
}

void bg_piece_slice(const bg_piece *p, size_t i, size_t j, bg_piece *out)
{
    memset(out, 0, sizeof *out);
    out->s = bg_xstrndup(p->s + i, j - i);
    out->len = j - i;
    out->cap = j - i + 1;
    push_run(out, 0, bg_piece_pos(p, i));
    for (size_t k = 0; k < p->nruns; k++) {
        const bg_piece_run *r = run_at(p, k);
        if (r->at > i && r->at <= j)    /* a run at j: where the slice ends */
            push_run(out, r->at - i, r->from);
    }
}

/* Append normalized range [a, b) (trimmed) to p. Two Latin words meeting at
 * a join get a space; Chinese text and numbers join with nothing, which is
 * what mends "208.\n50" and "万\n元". */
void bg_piece_add(bg_piece *p, const bg_text *t, size_t a, size_t b, long line)
{
    trim_range(t->s, &a, &b);
    if (p->line == 0 || (p->len == 0 && a < b))
        p->line = line;     /* the line of its first text: a cell may start empty */
    p->end_line = line;
    if (a == b)
        return;
    int space = p->len > 0 && is_alnum(p->s[p->len - 1]) && is_alnum(t->s[a])
                && !(p->s[p->len - 1] >= '0' && p->s[p->len - 1] <= '9' && t->s[a] >= '0' && t->s[a] <= '9');
    /* by doubling: a paragraph of a million wrapped lines grows in log steps */
    piece_reserve(p, (b - a) + (size_t)space);
    if (space) {
        /* the space stands where the next range starts */
        piece_run(p, a);
        p->s[p->len++] = ' ';
        push_run(p, p->len, a);
    } else
        piece_run(p, a);
    memcpy(p->s + p->len, t->s + a, b - a);
    p->len += b - a;
    p->s[p->len] = '\0';
}

void bg_piece_finish(bg_piece *p)
{
    if (!p->s)
        p->s = bg_xstrdup("");
    else if (p->cap - (p->len + 1) >= 32) {
        /* growth by doubling leaves up to half of s unused: a finished
         * piece keeps what it holds */
        p->s = bg_xrealloc(p->s, p->len + 1);
        p->cap = p->len + 1;
    }
    if (p->nruns > 1)
        bg_shrink(&p->more, &p->more_cap, p->nruns - 1, sizeof *p->more);
}

size_t bg_piece_pos(const bg_piece *p, size_t i)
{
    if (!p->nruns)
        return 0;
    size_t lo = 0, hi = p->nruns;       /* the last run with at <= i */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (run_at(p, mid)->at <= i)
            lo = mid;
        else
            hi = mid;
    }
    const bg_piece_run *r = run_at(p, lo);
    return r->from + (i - r->at);
}

size_t bg_piece_end(const bg_piece *p, size_t i)
{
    return i == 0 ? bg_piece_pos(p, 0) : bg_piece_pos(p, i - 1) + 1;
}

void bg_piece_free(bg_piece *p)
{
    free(p->s);
    free(p->more);
    memset(p, 0, sizeof *p);
}

size_t bg_piece_chars(const bg_piece *p)
{
    size_t a = 0, b = p->len;
    trim_range(p->s, &a, &b);
    return bg_utf8_count(p->s + a, b - a);
}

/* ---- lines ---------------------------------------------------------------- */

static void line_range(const bg_text *t, size_t k, size_t *a, size_t *b)
{
    *a = t->lines[k];
    *b = bg_line_end(t, k);
}

/* The text of line k: a text line ending in `|` is a table's caption
 * (`绩效目标自评表 | ||||`), whose `|` end its cell and are not its text. */
static void text_range(const bg_text *t, size_t k, size_t *a, size_t *b)
{
    line_range(t, k, a, b);
    while (*b > *a && (t->s[*b - 1] == '|' || t->s[*b - 1] == ' '))
        (*b)--;
}

void bg_piece_of_line(const bg_text *t, size_t k, bg_piece *p)
{
    size_t a, b;
    memset(p, 0, sizeof *p);
    text_range(t, k, &a, &b);
    bg_piece_add(p, t, a, b, (long)k + 1);
    bg_piece_finish(p);
}

static int any_match(ctx *c, const bg_regex *res, size_t n, const char *s, size_t len, long line)
{
    size_t ov[2];
    for (size_t i = 0; i < n; i++)
        if (bg_match(c->m, &res[i], s, len, 0, ov, 1, line))
            return 1;
    return 0;
}

static size_t count_char(const char *s, size_t n, char ch)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == ch;
    return k;
}

enum { L_BLANK, L_TEXT, L_TAB, L_PIPE, L_NOISE, L_SHEET };

/* A whole spreadsheet saved as one line: many short tokens between spaces. */
static int is_sheet_line(const bg_layout_rules *lr, const char *s, size_t n)
{
    size_t tokens = 0, chars = 0;
    int in_token = 0;
    for (size_t i = 0; i < n; i++) {
        int space = s[i] == ' ';
        if (!space && !in_token)
            tokens++;
        if (!space && ((unsigned char)s[i] & 0xC0) != 0x80)
            chars++;
        in_token = !space;
    }
    return (long)tokens >= lr->sheet_min_tokens && (long)chars <= lr->sheet_max_avg_chars * (long)tokens;
}

static int classify(ctx *c, size_t k)
{
    size_t a, b;
    line_range(c->t, k, &a, &b);
    const char *s = c->t->s + a;
    size_t n = b - a;
    if (memchr(s, '\t', n))
        return L_TAB;
    size_t x = 0, y = n;
    trim_range(s, &x, &y);
    if (x == y)
        return L_BLANK;
    long line = (long)k + 1;
    /* page numbers and web-page residue are short lines: a long one is text */
    if (n <= 400 && (any_match(c, c->lr->pagenum, c->lr->npagenum, s, n, line)
                     || any_match(c, c->lr->residue, c->lr->nresidue, s, n, line)))
        return L_NOISE;
    /* a cell per line ends with its `|` (LAYOUTS §3, cells of a web page) */
    if (count_char(s, n, '|') >= 2 || s[y - 1] == '|')
        return L_PIPE;
    if ((long)n >= c->lr->sheet_min_tokens * 2 && is_sheet_line(c->lr, s, n))
        return L_SHEET;
    return L_TEXT;
}

/* ---- tables --------------------------------------------------------------- */

bg_piece *bg_row_new_cell(bg_row *row)
{
    bg_piece empty = { 0 };
    BG_PUSH(row->cells, row->n, row->cap, empty);
    return &row->cells[row->n - 1];
}

void bg_table_add_row(bg_table *tb, bg_row *row)
{
    int any = 0;
    bg_shrink(&row->cells, &row->cap, row->n, sizeof *row->cells);
    for (size_t i = 0; i < row->n; i++) {
        bg_piece_finish(&row->cells[i]);
        any |= row->cells[i].len > 0;
    }
    if (!any) {
        for (size_t i = 0; i < row->n; i++)
            bg_piece_free(&row->cells[i]);
        free(row->cells);
    } else
        BG_PUSH(tb->rows, tb->n, tb->cap, *row);
    memset(row, 0, sizeof *row);
}

/* Split line k at TABs; the text before the first TAB continues the last
 * cell when `continue_first` (cell-per-line shape) or starts a cell. */
static void add_tab_cells(ctx *c, bg_row *row, size_t k, int continue_first)
{
    size_t a, b;
    line_range(c->t, k, &a, &b);
    long line = (long)k + 1;
    if (row->line == 0)
        row->line = line;
    size_t seg = a;
    int first = 1;
    for (size_t i = a; i <= b; i++) {
        if (i < b && c->t->s[i] != '\t')
            continue;
        if (first && continue_first) {
            if (i > seg && row->n > 0)
                bg_piece_add(&row->cells[row->n - 1], c->t, seg, i, line);
            else if (i > seg)
                bg_piece_add(bg_row_new_cell(row), c->t, seg, i, line);
        } else
            bg_piece_add(bg_row_new_cell(row), c->t, seg, i, line);
        first = 0;
        seg = i + 1;
    }
}

static void add_continuation(ctx *c, bg_row *row, size_t k)
{
    size_t a, b;
    line_range(c->t, k, &a, &b);
    if (row->line == 0)
        row->line = (long)k + 1;
    bg_piece *cell = row->n ? &row->cells[row->n - 1] : bg_row_new_cell(row);
    bg_piece_add(cell, c->t, a, b, (long)k + 1);
}

static int is_cell_line(const bg_text *t, size_t k)
{
    size_t a, b;
    line_range(t, k, &a, &b);
    return b > a && t->s[a] == '\t' && count_char(t->s + a, b - a, '\t') == 1;
}

/* The shape of the TAB table in lines [k0, k1): cell per line when at least
 * half its TAB lines are a single leading TAB. */
static bg_table_shape tab_shape(ctx *c, const int *kind, size_t k0, size_t k1)
{
    size_t tab_lines = 0, cell_lines = 0;
    for (size_t k = k0; k < k1; k++)
        if (kind[k] == L_TAB) {
            tab_lines++;
            cell_lines += (size_t)is_cell_line(c->t, k);
        }
    return cell_lines * 2 >= tab_lines ? BG_SHAPE_TAB_CELLS : BG_SHAPE_TAB_ROWS;
}

/* Build the TAB table of lines [k0, k1). */
static void build_tab_table(ctx *c, const int *kind, size_t k0, size_t k1, bg_table_shape shape, bg_table *tb)
{
    tb->shape = shape;
    tb->line = (long)k0 + 1;
    tb->end_line = (long)k1;
    bg_row row = { 0 };
    for (size_t k = k0; k < k1; k++) {
        if (kind[k] == L_BLANK || kind[k] == L_NOISE) {
            if (tb->shape == BG_SHAPE_TAB_CELLS && kind[k] == L_BLANK)
                bg_table_add_row(tb, &row);
            continue;
        }
        if (kind[k] == L_TAB) {
            if (tb->shape == BG_SHAPE_TAB_ROWS)
                bg_table_add_row(tb, &row);
            add_tab_cells(c, &row, k, tb->shape == BG_SHAPE_TAB_CELLS);
        } else
            add_continuation(c, &row, k);
    }
    bg_table_add_row(tb, &row);
}

/* End (exclusive) of the TAB table starting at line k0. It runs through TAB
 * lines and blank lines; in the cell-per-line shape also through text lines
 * that directly continue a cell (a text line after a blank line ends it).
 * Trailing blank lines are not part of it. */
static size_t tab_table_end(const int *kind, size_t k0, size_t nlines, int continuations)
{
    size_t k = k0, last = k0;
    while (k < nlines) {
        int kd = kind[k];
        if (kd == L_TAB)
            last = k;
        else if (kd == L_TEXT) {
            size_t before = k - 1;
            while (before > k0 && kind[before] == L_NOISE)
                before--;           /* a page number between does not join them */
            if (!continuations || kind[before] == L_BLANK)
                break;
            last = k;
        } else if (kd == L_PIPE)
            break;
        k++;
    }
    return last + 1;
}

static void add_sheet_row(ctx *c, bg_table *tb, size_t k)
{
    size_t a, b;
    line_range(c->t, k, &a, &b);
    bg_row row = { 0 };
    row.line = (long)k + 1;
    for (size_t i = a; i < b;) {
        while (i < b && c->t->s[i] == ' ')
            i++;
        size_t e = i;
        while (e < b && c->t->s[e] != ' ')
            e++;
        if (e > i)
            bg_piece_add(bg_row_new_cell(&row), c->t, i, e, row.line);
        i = e;
    }
    bg_table_add_row(tb, &row);
}

/* Indented text, not a cell-per-line table: rows of one cell, or lines with
 * no blank line between them where a numbered heading stands among the
 * "continuations" (一、概况 / \t本单位… / 二、支出情况 / \t全年…). */
static int indented_text(ctx *c, const int *kind, size_t k0, size_t k1)
{
    int blank = 0, heading = 0;
    for (size_t k = k0; k < k1; k++) {
        blank |= kind[k] == L_BLANK;
        if (kind[k] == L_TEXT) {
            size_t a, b;
            bg_marker mk;
            line_range(c->t, k, &a, &b);
            heading |= bg_marker_at(c->m, c->hs, c->t->s + a, b - a, (long)k + 1, &mk);
        }
    }
    return !blank && heading;
}

static int blank_line(const bg_text *t, size_t k)
{
    size_t a, b;
    line_range(t, k, &a, &b);
    trim_range(t->s, &a, &b);
    return a == b;
}

/* Lines indented with a TAB read as one cell per row: that is text, not a table. */
static int single_cells(const bg_table *tb)
{
    for (size_t r = 0; r < tb->n; r++) {
        size_t filled = 0;
        for (size_t k = 0; k < tb->rows[r].n; k++)
            filled += tb->rows[r].cells[k].len > 0;
        if (filled > 1)
            return 0;
    }
    return 1;
}

void bg_table_free(bg_table *tb)
{
    for (size_t r = 0; r < tb->n; r++) {
        for (size_t k = 0; k < tb->rows[r].n; k++)
            bg_piece_free(&tb->rows[r].cells[k]);
        free(tb->rows[r].cells);
    }
    free(tb->rows);
    memset(tb, 0, sizeof *tb);
}

static void push_table(ctx *c, bg_table *tb)
{
    if (tb->n == 0) {
        free(tb->rows);
        return;
    }
    bg_shrink(&tb->rows, &tb->cap, tb->n, sizeof *tb->rows);
    bg_block blk = { 0 };
    blk.kind = BG_BLOCK_TABLE;
    blk.table = *tb;
    blk.line = tb->line;
    blk.end_line = tb->end_line;
    BG_PUSH(c->out->blocks, c->out->n, c->out->cap, blk);
}

/* ---- paragraphs ----------------------------------------------------------- */

static int ends_sentence(const bg_piece *p)
{
    size_t b = p->len;
    while (b > 0 && p->s[b - 1] == ' ')
        b--;
    if (b == 0)
        return 1;
    if (strchr("!?;:", p->s[b - 1]))
        return 1;
    return (b >= 3 && (memcmp(p->s + b - 3, "。", 3) == 0 || memcmp(p->s + b - 3, "…", 3) == 0));
}

typedef struct {
    int open;                   /* the last paragraph may still be continued */
    size_t open_index;
    size_t last_line_chars;     /* characters of the open paragraph's last line */
    int blank_since;            /* blank lines since that line */
    int page_cont;              /* the next segment goes on from the page before */
} para_state;

/* Text [a, b) of line k: it continues the open paragraph or starts one. */
static void text_segment(ctx *c, para_state *ps, size_t k, size_t a, size_t b)
{
    long line = (long)k + 1;
    bg_marker mk;
    int marked = bg_marker_at(c->m, c->hs, c->t->s + a, b - a, line, &mk);
    size_t x = a, y = b;
    trim_range(c->t->s, &x, &y);
    size_t chars = bg_utf8_count(c->t->s + x, y - x);

    if (!marked && ps->open && ps->page_cont) {
        /* a page break is no paragraph break: the page goes on from where
         * the one before stopped, mid-word as often as not */
        bg_block *open = &c->out->blocks[ps->open_index];
        bg_piece_add(&open->text, c->t, a, b, line);
        open->end_line = line;
        ps->last_line_chars = chars;
        ps->blank_since = 0;
        ps->page_cont = 0;
        return;
    }
    ps->page_cont = 0;
    if (!marked && ps->open) {
        bg_block *open = &c->out->blocks[ps->open_index];
        long need = ps->blank_since ? c->lr->join_blank_min_chars : c->lr->join_min_chars;
        size_t ov[2], tail = open->text.len > 8 ? open->text.len - 8 : 0;
        while (tail > 0 && ((unsigned char)open->text.s[tail] & 0xC0) == 0x80)
            tail--;             /* only the end matters; start on a character */
        int continues = bg_match(c->m, &c->lr->continues, open->text.s, open->text.len, tail, ov, 1, line);
        int mid_figure = !ps->blank_since && bg_match(c->m, &c->lr->wrap_end, open->text.s, open->text.len, tail, ov, 1, line)
                         && bg_match(c->m, &c->lr->wrap_start, c->t->s + a, b - a, 0, ov, 1, line);
        if (((long)ps->last_line_chars >= need || continues || mid_figure) && !ends_sentence(&open->text)) {
            bg_piece_add(&open->text, c->t, a, b, line);
            open->end_line = line;
            ps->last_line_chars = chars;
            ps->blank_since = 0;
            return;
        }
    }
    bg_block blk = { 0 };
    blk.kind = BG_BLOCK_PARA;
    blk.line = blk.end_line = line;
    bg_piece_add(&blk.text, c->t, a, b, line);
    if (marked) {
        blk.has_marker = 1;
        blk.mk = mk;
        /* offsets were relative to the untrimmed line */
        size_t cut = x - a;
        blk.mk.marker_end -= cut;
        blk.mk.title_start -= cut;
    }
    BG_PUSH(c->out->blocks, c->out->n, c->out->cap, blk);
    /* A short numbered line is a heading candidate: nothing continues it. */
    int closed = marked && (long)chars <= c->hs->max_chars;
    ps->open = !closed;
    ps->open_index = c->out->n - 1;
    ps->last_line_chars = chars;
    ps->blank_since = 0;
}

/* A text line; a long one whose headings run into it (run_on.c) is read as
 * its pieces, each heading and what follows it starting a paragraph. */
static void text_line(ctx *c, para_state *ps, size_t k)
{
    size_t a, b, h, e;
    text_range(c->t, k, &a, &b);
    unsigned char page = c->out->page_mark[k];
    if (page) {         /* a shared page's number is the site's, not the report's */
        a += page & BG_PAGE_BYTES;
        ps->page_cont = (page & BG_PAGE_CONT) != 0;
    }
    const char *s = c->t->s + a;
    size_t n = b - a, seg = 0;
    if (c->hs->run_on.code && (long)bg_utf8_count(s, n) > c->hs->max_chars)
        for (size_t from = 0; bg_run_on_next(c->m, c->hs, s, n, from, (long)k + 1, &h, &e); from = e) {
            if (h > seg)
                text_segment(c, ps, k, a + seg, a + h);
            ps->open = 0;
            text_segment(c, ps, k, a + h, a + e);
            ps->open = 0;
            seg = e;
        }
    if (seg < n || seg == 0)
        text_segment(c, ps, k, a + seg, b);
}

void bg_layout_build(const bg_text *t, const bg_layout_rules *lr, const bg_heading_styles *hs,
                     bg_matcher *m, bg_layout *out)
{
    memset(out, 0, sizeof *out);
    ctx c = { t, lr, hs, m, out };
    size_t nl = t->nlines;
    int *kind = bg_xcalloc(nl, sizeof *kind);
    for (size_t k = 0; k < nl; k++)
        kind[k] = classify(&c, k);
    out->line_kind = bg_xcalloc(nl, 1);
    out->page_mark = bg_xcalloc(nl ? nl : 1, 1);
    out->nlines = nl;
    bg_page_chunks(t, lr, m, out->page_mark);

    para_state ps = { 0 };
    for (size_t k = 0; k < nl;) {
        if (kind[k] == L_TAB) {
            size_t end = tab_table_end(kind, k, nl, 1);
            bg_table_shape shape = tab_shape(&c, kind, k, end);
            if (shape == BG_SHAPE_TAB_ROWS)
                end = tab_table_end(kind, k, nl, 0);
            bg_table tb = { 0 };
            build_tab_table(&c, kind, k, end, shape, &tb);
            if (shape == BG_SHAPE_TAB_CELLS && (single_cells(&tb) || indented_text(&c, kind, k, end))) {
                bg_table_free(&tb);
                for (size_t j = k; j < end && j < nl; j++)
                    if (kind[j] == L_TAB)
                        kind[j] = blank_line(t, j) ? L_BLANK : L_TEXT;   /* read again below as paragraphs */
                goto flow;
            }
            for (size_t j = k; j < end; j++)
                out->line_kind[j] = kind[j] == L_NOISE ? BG_LINE_NOISE : BG_LINE_TABLE;
            push_table(&c, &tb);
            ps.open = 0;
            k = end;
            continue;
        }
        if (kind[k] == L_PIPE) {
            bg_table tb = { 0 };
            tb.shape = BG_SHAPE_PIPE;
            tb.line = (long)k + 1;
            size_t *lines = NULL, nlines = 0, cap = 0;
            while (k < nl && (kind[k] == L_PIPE || kind[k] == L_NOISE)) {
                if (kind[k] == L_PIPE)
                    BG_PUSH(lines, nlines, cap, k);
                out->line_kind[k] = kind[k] == L_NOISE ? BG_LINE_NOISE : BG_LINE_TABLE;
                tb.end_line = (long)k + 1;
                k++;
            }
            size_t captions = bg_pipe_rows(t, lines, nlines, &tb);
            /* a caption above the table (its first rows of one cell) is text */
            ps.open = 0;
            for (size_t i = 0; i < captions; i++) {
                size_t a, b;
                text_range(t, lines[i], &a, &b);
                out->line_kind[lines[i]] = a < b ? BG_LINE_TEXT : BG_LINE_BLANK;
                if (a < b)
                    text_line(&c, &ps, lines[i]);
            }
            ps.open = 0;
            if (captions < nlines)
                tb.line = (long)lines[captions] + 1;
            free(lines);
            push_table(&c, &tb);
            ps.open = 0;
            continue;
        }
        if (kind[k] == L_SHEET) {
            bg_table tb = { 0 };
            tb.shape = BG_SHAPE_SPACED;
            tb.line = tb.end_line = (long)k + 1;
            add_sheet_row(&c, &tb, k);
            out->line_kind[k] = BG_LINE_TABLE;
            push_table(&c, &tb);
            ps.open = 0;
            k++;
            continue;
        }
    flow:
        if (kind[k] == L_BLANK) {
            out->line_kind[k] = BG_LINE_BLANK;
            ps.blank_since++;
        } else if (kind[k] == L_NOISE)
            out->line_kind[k] = BG_LINE_NOISE;
        else {
            out->line_kind[k] = BG_LINE_TEXT;
            text_line(&c, &ps, k);
        }
        k++;
    }
    for (size_t i = 0; i < out->n; i++)
        if (out->blocks[i].kind == BG_BLOCK_PARA)
            bg_piece_finish(&out->blocks[i].text);
    bg_shrink(&out->blocks, &out->cap, out->n, sizeof *out->blocks);
    free(kind);
}

void bg_layout_free(bg_layout *l)
{
    for (size_t i = 0; i < l->n; i++) {
        bg_block *b = &l->blocks[i];
        if (b->kind == BG_BLOCK_PARA)
            bg_piece_free(&b->text);
        for (size_t r = 0; r < b->table.n; r++) {
            for (size_t j = 0; j < b->table.rows[r].n; j++)
                bg_piece_free(&b->table.rows[r].cells[j]);
            free(b->table.rows[r].cells);
        }
        free(b->table.rows);
    }
    free(l->blocks);
    free(l->line_kind);
    free(l->page_mark);
    memset(l, 0, sizeof *l);
}
