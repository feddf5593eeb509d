/* columns.c — tables laid out with spaces, as pdftotext -layout gives them.
 *
 * A reader finds the header line (cells between runs of two or more spaces,
 * at least three of them naming columns) and reads each line below by where
 * its pieces stand: a piece belongs to the column whose header cell starts
 * at or just before it (a Chinese character is two columns wide). A line
 * with a piece under a figure column (分值, 得分, 预算数 …) starts a row;
 * a line without one holds the rest of cells wrapped from the row above.
 * Page-number lines and a header repeated after a page break are skipped. A
 * line whose pieces stand under no column, or run over the next one (prose),
 * ends the table.
 *
 * Rows printed a line each with single spaces between cells (a sheet pasted
 * as text) stand in no columns: there the cells are the words of the line.
 * A header line of short words naming at least three columns takes the
 * lines below holding a figure and no more words than it has (fewer: cells
 * merged, mapped downstream); a header naming fewer columns takes only
 * lines of exactly its width, two of them at least. */
#include "columns.h"
#include "splice.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_SEGS = 64 };

/* A piece of a line: normalized bytes [a, b), display columns [col, col + width). */
typedef struct {
    size_t a, b;
    long col, width;
} seg;

typedef struct {
    const bg_text *t;
    const bg_stream_rules *sr;
    const bg_table_rules *tr;
    bg_matcher *m;
    long starts[MAX_SEGS];      /* the header cells' columns */
    bg_role roles[MAX_SEGS];
    size_t ncols;
} cctx;

static long cp_width(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD) ? 2 : 1;
}

/* Line k (0-based) split at runs of two or more spaces; 0 when it has more
 * pieces than a table has columns. */
static size_t split_line(const bg_text *t, size_t k, seg *out)
{
    size_t a = t->lines[k], b = bg_line_end(t, k), n = 0, spaces = 0;
    long col = 0;
    for (size_t i = a; i < b;) {
        uint32_t cp;
        int len = bg_utf8_step(t->s + i, b - i, &cp);
        long w = cp == '\t' ? 8 : cp_width(cp);
        if (cp == ' ' || cp == '\t') {
            spaces += cp == ' ' ? 1 : 2;
        } else {
            if (n == 0 || spaces >= 2) {
                if (n == MAX_SEGS)
                    return 0;
                out[n++] = (seg){ i, i, col, 0 };
            }
            spaces = 0;
            out[n - 1].b = i + (size_t)len;
            out[n - 1].width = col + w - out[n - 1].col;
        }
        col += w;
        i += (size_t)len;
    }
    return n;
}

static bg_role seg_role(const cctx *c, const seg *s, long line)
{
    return bg_header_role(c->tr, c->m, c->t->s + s->a, s->b - s->a, line);
}

/* Is line k a header: three pieces or more naming columns, no figure among them? */
static int header_line(const cctx *c, const seg *sg, size_t n, long line, bg_role *roles)
{
    size_t named = 0;
    for (size_t i = 0; i < n; i++) {
        roles[i] = seg_role(c, &sg[i], line);
        named += roles[i] != BG_R_NONE;
    }
    return n >= 3 && named >= 3;
}

/* The column of each piece; 0 when a piece stands under no column, shares
 * one with another piece, or runs over the next column (a line of prose). */
static int place(const cctx *c, const seg *sg, size_t n, size_t *col)
{
    long slack = c->sr->column_slack;
    for (size_t i = 0; i < n; i++) {
        if (sg[i].col < c->starts[0] - slack)
            return 0;
        size_t j = 0;
        while (j + 1 < c->ncols && c->starts[j + 1] - slack <= sg[i].col)
            j++;
        if ((i > 0 && j <= col[i - 1]) || (j + 1 < c->ncols && sg[i].col + sg[i].width > c->starts[j + 1] + slack))
            return 0;
        col[i] = j;
    }
    return 1;
}

static int starts_row(const cctx *c, const size_t *col, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (bg_role_is_figure(c->roles[col[i]]))
            return 1;
    return 0;
}

/* A header reprinted after a page break: its pieces name the same columns. */
static int repeated_header(const cctx *c, const seg *sg, const size_t *col, size_t n, long line)
{
    size_t same = 0;
    for (size_t i = 0; i < n; i++)
        same += c->roles[col[i]] != BG_R_NONE && seg_role(c, &sg[i], line) == c->roles[col[i]];
    return same >= 3;
}

static void add_pieces(const cctx *c, bg_row *row, const seg *sg, const size_t *col, size_t n, long line)
{
    for (size_t i = 0; i < n; i++)
        bg_piece_add(&row->cells[col[i]], c->t, sg[i].a, sg[i].b, line);
}

/* Read the table whose header is line k0; returns its last line (0-based),
 * or k0 when no row follows. */
static size_t read_table(cctx *c, const bg_layout *l, size_t k0, bg_table *tb)
{
    seg sg[MAX_SEGS];
    size_t col[MAX_SEGS], n = split_line(c->t, k0, sg), last = k0;
    for (size_t i = 0; i < n; i++)
        c->starts[i] = sg[i].col;
    c->ncols = n;
    for (size_t i = 0; i < n; i++)
        col[i] = i;
    add_pieces(c, bg_table_new_row(tb, n, (long)k0 + 1), sg, col, n, (long)k0 + 1);
    bg_row *cur = &tb->rows[0];
    size_t cur_index = 0;
    int skipping = 0;           /* the lines of a reprinted header */
    for (size_t k = k0 + 1; k < l->nlines; k++) {
        if (l->line_kind[k] == BG_LINE_BLANK || l->line_kind[k] == BG_LINE_NOISE)
            continue;
        size_t m = l->line_kind[k] == BG_LINE_TEXT ? split_line(c->t, k, sg) : 0;
        if (m == 0 || !place(c, sg, m, col))
            break;
        long line = (long)k + 1;
        if (repeated_header(c, sg, col, m, line)) {
            skipping = 1;
        } else if (starts_row(c, col, m)) {
            cur = bg_table_new_row(tb, n, line);
            cur_index = tb->n - 1;
            add_pieces(c, cur, sg, col, m, line);
            skipping = 0;
        } else if (!skipping) {
            cur = &tb->rows[cur_index];
            add_pieces(c, cur, sg, col, m, line);
        }
        last = k;
    }
    for (size_t r = 0; r < tb->n; r++)
        for (size_t i = 0; i < tb->rows[r].n; i++)
            bg_piece_finish(&tb->rows[r].cells[i]);
    tb->shape = BG_SHAPE_COLUMNS;
    tb->line = (long)k0 + 1;
    tb->end_line = (long)last + 1;
    return tb->n > 1 ? last : k0;
}

/* ---- rows of words between single spaces ------------------------------------- */

/* Line k (0-based) split at every run of spaces; 0 when it has more words
 * than a table has columns. */
static size_t split_words(const bg_text *t, size_t k, seg *out)
{
    size_t a = t->lines[k], b = bg_line_end(t, k), n = 0;
    if (!memchr(t->s + a, ' ', b - a) && !memchr(t->s + a, '\t', b - a)) {
        out[0] = (seg){ a, b, 0, 0 };       /* one word: most lines of prose */
        return a < b;
    }
    for (size_t i = a; i < b;) {
        while (i < b && (t->s[i] == ' ' || t->s[i] == '\t'))
            i++;
        if (i == b)
            break;
        if (n == MAX_SEGS)
            return 0;
        out[n] = (seg){ i, i, 0, 0 };
        while (i < b && t->s[i] != ' ' && t->s[i] != '\t')
            i++;
        out[n++].b = i;
    }
    return n;
}

static int word_matches(const cctx *c, const bg_regex *re, const seg *s, long line)
{
    size_t ov[2];
    return bg_match(c->m, re, c->t->s + s->a, s->b - s->a, 0, ov, 1, line);
}

/* Is line k a header of words: three or more, all short, none a figure,
 * some naming columns? *strong: three of them do. */
static int word_header(const cctx *c, const seg *sg, size_t n, long line, int *strong)
{
    size_t named = 0;
    if (n < 3)
        return 0;
    for (size_t i = 0; i < n; i++)      /* the lengths first: prose fails there, before any expression */
        if ((long)bg_utf8_count(c->t->s + sg[i].a, sg[i].b - sg[i].a) > c->sr->header_max_chars)
            return 0;
    for (size_t i = 0; i < n; i++) {
        if (word_matches(c, &c->sr->value_text, &sg[i], line))
            return 0;
        named += seg_role(c, &sg[i], line) != BG_R_NONE;
    }
    *strong = named >= 3;
    return named >= 1;
}

/* Is a line of m words a row under a header of n: at least two words, one
 * of them a figure, no more than the header (exactly as many if it is weak)? */
static int word_row(const cctx *c, const seg *sg, size_t m, size_t n, int strong, long line)
{
    if (m < 2 || m > n || (!strong && m != n))
        return 0;
    for (size_t i = 0; i < m; i++)
        if (word_matches(c, &c->sr->value_text, &sg[i], line))
            return 1;
    return 0;
}

static void add_words(const cctx *c, bg_table *tb, const seg *sg, size_t m, long line)
{
    bg_row *row = bg_table_new_row(tb, m, line);
    for (size_t i = 0; i < m; i++) {
        bg_piece_add(&row->cells[i], c->t, sg[i].a, sg[i].b, line);
        bg_piece_finish(&row->cells[i]);
    }
}

/* Read the table of words whose header is line k0; returns its last line
 * (0-based), or k0 when too few rows follow. */
static size_t read_word_table(cctx *c, const bg_layout *l, size_t k0, bg_table *tb)
{
    seg sg[MAX_SEGS];
    int strong;
    size_t n = split_words(c->t, k0, sg), last = k0;
    if (!word_header(c, sg, n, (long)k0 + 1, &strong))
        return k0;
    add_words(c, tb, sg, n, (long)k0 + 1);
    tb->rows[0].header = 1;
    for (size_t k = k0 + 1; k < l->nlines && l->line_kind[k] == BG_LINE_TEXT; k++) {
        size_t m = split_words(c->t, k, sg);
        if (!word_row(c, sg, m, n, strong, (long)k + 1))
            break;
        add_words(c, tb, sg, m, (long)k + 1);
        last = k;
    }
    tb->shape = BG_SHAPE_SPACED;
    tb->line = (long)k0 + 1;
    tb->end_line = (long)last + 1;
    return tb->n >= (strong ? 2u : 3u) ? last : k0;
}

/* A list of labels and figures under a heading that states their unit, the
 * heading broken over short lines (年度 / 预算 / 安排 / (万元)), each row a
 * label and a figure: a table of two columns, the heading over its labels.
 * Line k0 ends with the unit; returns the table's last line, or k0. */
static size_t read_unit_list(cctx *c, const bg_layout *l, size_t k0, size_t lo, bg_table *tb, size_t *first)
{
    seg sg[MAX_SEGS];
    size_t ov[2], a = c->t->lines[k0], k = k0, last = k0;
    size_t e = k0 + 1 < c->t->nlines ? c->t->lines[k0 + 1] - 1 : c->t->len;
    if (!memchr(c->t->s + a, '(', e - a))          /* the unit's bracket: nothing more on most lines */
        return k0;
    size_t n = split_words(c->t, k0, sg);
    if (n != 1 || !bg_match(c->m, &c->sr->unit_fragment, c->t->s + sg[0].a, sg[0].b - sg[0].a, 0, ov, 1, (long)k0 + 1))
        return k0;
    while (k > lo && k0 - k < (size_t)c->sr->max_fragments && l->line_kind[k - 1] == BG_LINE_TEXT
           && split_words(c->t, k - 1, sg) == 1
           && (long)bg_utf8_count(c->t->s + sg[0].a, sg[0].b - sg[0].a) <= c->sr->fragment_max_chars
           && !word_matches(c, &c->sr->value_text, &sg[0], (long)k))
        k--;
    bg_row *h = bg_table_new_row(tb, 2, (long)k + 1);
    h->header = 1;
    for (size_t j = k; j <= k0; j++) {
        split_words(c->t, j, sg);
        bg_piece_add(&h->cells[0], c->t, sg[0].a, sg[0].b, (long)j + 1);
    }
    bg_piece_finish(&h->cells[0]);
    bg_piece_finish(&h->cells[1]);
    for (size_t j = k0 + 1; j < l->nlines && l->line_kind[j] == BG_LINE_TEXT; j++) {
        if (split_words(c->t, j, sg) != 2 || word_matches(c, &c->sr->value_text, &sg[0], (long)j + 1)
            || !word_matches(c, &c->sr->value, &sg[1], (long)j + 1))
            break;
        add_words(c, tb, sg, 2, (long)j + 1);
        last = j;
    }
    tb->shape = BG_SHAPE_SPACED;
    tb->line = (long)k + 1;
    tb->end_line = (long)last + 1;
    *first = k;
    return tb->n >= 3 ? last : k0;
}

void bg_columns_apply(const bg_text *t, const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m,
                      bg_layout *l)
{
    cctx c = { t, sr, tr, m, { 0 }, { BG_R_NONE }, 0 };
    seg sg[MAX_SEGS];
    bg_found *fs = NULL;
    size_t nf = 0, cap = 0, free_from = 0;     /* lines before it belong to a table found */
    for (size_t k = 0; k < l->nlines && k < t->nlines; k++) {
        size_t n;
        if (l->line_kind[k] != BG_LINE_TEXT)
            continue;
        bg_found f = { { 0 }, t->lines[k], 0 };
        size_t last = k, first = k;
        if ((n = split_line(t, k, sg)) >= 3 && header_line(&c, sg, n, (long)k + 1, c.roles))
            last = read_table(&c, l, k, &f.table);
        else if (n == 1 && (last = read_word_table(&c, l, k, &f.table)) == k) {
            bg_table_free(&f.table);
            last = read_unit_list(&c, l, k, free_from, &f.table, &first);
            f.from = t->lines[first];
        }
        if (last == k) {
            bg_table_free(&f.table);
            continue;
        }
        f.to = last + 1 < t->nlines ? t->lines[last + 1] - 1 : t->len;
        BG_PUSH(fs, nf, cap, f);
        for (size_t j = first; j <= last; j++)
            if (l->line_kind[j] == BG_LINE_TEXT)
                l->line_kind[j] = BG_LINE_TABLE;
        k = last;
        free_from = last + 1;
    }
    if (nf)
        bg_splice_tables(t, l, fs, nf);
    free(fs);
}
