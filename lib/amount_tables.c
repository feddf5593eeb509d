/* amount_tables.c — money in tables: bare numbers that a unit governs (a
 * 单位:万元 declaration, a (万元) header or label cell) in money cells (a money
 * word in the row label or column header, no non-money word in either). */
#include "amounts.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const bg_text *t;
    const bg_amount_rules *ar;
    bg_matcher *m;
    bg_warnings *w;
    bg_amounts *out;
    char unit[16];              /* unit governing bare numbers, "" if none */
    const char *unit_source;
    const bg_row *header;       /* last header row, or NULL */
    char **header_text;         /* its cells, cleaned, merged with a header row above */
    unsigned char *unit_only;   /* its cells that are only a unit, (万元): money columns */
    size_t header_n;
    size_t header_filled;       /* its cells up to the last that holds something */
    size_t unitless;            /* money cells no unit governs */
    size_t unplaced;            /* numbers of rows narrower than a header with non-money columns */
    size_t *total_at;           /* per column: last amount of a row not introduced by 其中 */
    size_t ncols;
    int part_row;               /* the current row's label starts with 其中 */
    size_t block, row_index;    /* where we are */
    size_t shift;               /* the current row's cell k is under header cell k - shift; NO_COLUMN: none */
    int header_joined;          /* header_text joins two rows of one width: spans unsure */
    int left_open;              /* the header's lowest row starts with an empty cell: merged from above */
    size_t header_rows;         /* the rows header_text joins */
} tctx;

/* A header is printed over a few rows at most (a name, its note, its unit):
 * a longer run of header-like rows (the level names of an indicator table
 * read as one) starts a new header at each, rather than joining names
 * without end. */
enum { HEADER_ROWS_MAX = 3 };

static int unit_in(tctx *c, const bg_regex *re, const char *s, size_t n, long line, char *unit, size_t size)
{
    size_t ov[2], a, b;
    if (!bg_match(c->m, re, s, n, 0, ov, 1, line) || !bg_group(c->m, re, "unit", &a, &b) || b - a >= size)
        return 0;
    memcpy(unit, s + a, b - a);
    unit[b - a] = '\0';
    return 1;
}

/* A 单位:万元 in the paragraph just before the table governs it. */
static void declared_before(tctx *c, const bg_layout *l, size_t block)
{
    const bg_block *t = &l->blocks[block];
    for (size_t i = block; i-- > 0;) {
        const bg_block *b = &l->blocks[i];
        if (b->kind != BG_BLOCK_PARA || b->end_line < t->line - 3)
            return;
        if (unit_in(c, &c->ar->declaration, b->text.s, b->text.len, b->line, c->unit, sizeof c->unit)) {
            c->unit_source = "declared";
            return;
        }
    }
}

static int matches(tctx *c, const bg_regex *re, const bg_piece *cell)
{
    size_t ov[2];
    return bg_match(c->m, re, cell->s, cell->len, 0, ov, 1, cell->line);
}

static int has_cjk(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)bg_utf8_next(s + i, n - i, &cp);
        if (cp >= 0x4E00 && cp <= 0x9FFF)
            return 1;
    }
    return 0;
}

/* Can s start with a list number (1、, 二、, (3))? Its 、 or bracket is
 * near the start: most labels are passed by without an expression. */
static int may_be_marked(const char *s, size_t n)
{
    size_t lim = n < 16 ? n : 16;
    if (memchr(s, '(', lim))
        return 1;
    for (size_t i = 0; i + 3 <= lim; i++)
        if (memcmp(s + i, "、", 3) == 0)
            return 1;
    return 0;
}

/* A row label or header as a reader names it: cleaned, without its list
 * number, 其中, a final colon or its (万元). */
static char *label_text(tctx *c, const bg_piece *cell)
{
    char *s = bg_clean(cell->s, cell->len);
    size_t n = strlen(s), ov[2];
    if (bg_match(c->m, &c->ar->header_unit, s, n, 0, ov, 1, cell->line)) {
        memmove(s + ov[0], s + ov[1], n - ov[1] + 1);
        n -= ov[1] - ov[0];
    }
    if (may_be_marked(s, n) && bg_match(c->m, &c->ar->row_mark, s, n, 0, ov, 1, cell->line) && ov[0] == 0) {
        memmove(s, s + ov[1], n - ov[1] + 1);
        n -= ov[1];
    }
    if (bg_match(c->m, &c->ar->part, s, n, 0, ov, 1, cell->line) && ov[0] == 0) {
        memmove(s, s + ov[1], n - ov[1] + 1);
        n -= ov[1];
    }
    while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ' '))
        s[--n] = '\0';
    return s;
}

static void free_header(tctx *c)
{
    for (size_t i = 0; i < c->header_n; i++)
        free(c->header_text[i]);
    free(c->header_text);
    free(c->unit_only);
    c->header_text = NULL;
    c->unit_only = NULL;
    c->header_n = 0;
}

/* Cells up to the last that holds something: a pipe row padded with empty
 * cells (年度资金总额 | 650 | 94 | 0.1 | 2.9 | ||) is as wide as its header. */
static size_t filled_width(const bg_row *row)
{
    size_t n = row->n;
    while (n > 0 && bg_piece_chars(&row->cells[n - 1]) == 0)
        n--;
    return n;
}

/* A header row: no number cells, short cells, most of them column names.
 * A row of bracketed notes only is a header's second line: right under a
 * header row of its width, else no header (it would replace the names). */
static int is_header(tctx *c, const bg_row *row, int numbers)
{
    size_t ov[2], named = 0, notes = 0, filled = 0;
    if (numbers)
        return 0;
    for (size_t k = 0; k < row->n; k++) {
        const bg_piece *cell = &row->cells[k];
        if (bg_utf8_count(cell->s, cell->len) > 30)
            return 0;           /* prose, not a column name */
        if (cell->len == 0)
            continue;
        filled++;
        if (bg_match(c->m, &c->ar->header_note, cell->s, cell->len, 0, ov, 1, cell->line))
            notes++;
        else
            named += (size_t)bg_match(c->m, &c->ar->header_word, cell->s, cell->len, 0, ov, 1, cell->line);
    }
    if (filled > 0 && notes == filled)
        return c->header && c->header_n == row->n && c->header + 1 == row;
    return filled > 0 && (named + notes) * 2 > filled;
}

/* Where a header row one cell or more wider than the header row right above
 * it stands under that row: certain when its filled cells are one run under
 * a single top cell (近两年收支金额 over 2022年 | 2023年) and each of its other
 * cells is empty, merged down from the one top cell over it, which the
 * widths then place (the top row has a cell for each, before and after the
 * run). 1 and the run [*s, *e); 0 when any placement is a guess. */
static int spread_under(const tctx *c, const bg_row *row, size_t *s, size_t *e)
{
    size_t a = 0, b;
    while (a < row->n && bg_piece_chars(&row->cells[a]) == 0)
        a++;
    for (b = a; b < row->n && bg_piece_chars(&row->cells[b]) > 0; b++)
        ;
    for (size_t k = b; k < row->n; k++)
        if (bg_piece_chars(&row->cells[k]) > 0)
            return 0;           /* two runs: which top cell spans which is unsure */
    if (b - a < 2 || c->header_n != a + 1 + (row->n - b) || !c->header_text[a] || !*c->header_text[a])
        return 0;
    *s = a;
    *e = b;
    return 1;
}

/* The header cells of row joined with those of the top cells over them
 * (spread_under): the run's cells take the spanning cell's name before
 * their own (近两年收支金额2022年), the empty cells their top cell's. */
static void spread_header(tctx *c, const bg_row *row, size_t s, size_t e)
{
    char **text = bg_xcalloc(row->n, sizeof *text);
    unsigned char *unit_only = bg_xcalloc(row->n, 1);
    size_t filled = 0;
    for (size_t k = 0; k < row->n; k++) {
        size_t top = k < s ? k : k < e ? s : k - (e - s - 1);
        const char *above = c->header_text[top] ? c->header_text[top] : "";
        char *t = label_text(c, &row->cells[k]), unit[16];
        unit_only[k] = c->unit_only[top]
                       || (!*t && unit_in(c, &c->ar->header_unit, row->cells[k].s, row->cells[k].len,
                                          row->cells[k].line, unit, sizeof unit));
        if (k == 0)
            c->left_open = !*t;
        text[k] = *t ? bg_xasprintf("%s%s", above, t) : bg_xstrdup(above);
        free(t);
        if (*text[k])
            filled = k + 1;
    }
    int joined = c->header_joined;     /* joined one by one above: as unsure as before */
    free_header(c);
    c->header_text = text;
    c->unit_only = unit_only;
    c->header_n = row->n;
    c->header_filled = filled;
    c->header = row;
    c->header_joined = joined;
}

/* Make row the header of the rows below. Two header rows in a row of the
 * same width merge (预算数 over (调整后) reads 预算数(调整后)), a wider one
 * under a narrower where its cells' places are certain (spread_under); a
 * (万元) in a header cell governs the rest of the table. */
static void install_header(tctx *c, const bg_row *row)
{
    /* only a header row right above: a table may hold several headers (a
     * spreadsheet rebuilt from a cell stream), and a later one is new */
    int above = c->header && c->header + 1 == row && c->header_rows < HEADER_ROWS_MAX;
    int merge = above && c->header_n == row->n;
    size_t s = 0, e = 0;
    for (size_t k = 0; k < row->n; k++) {
        char unit[16];
        if (unit_in(c, &c->ar->header_unit, row->cells[k].s, row->cells[k].len, row->cells[k].line, unit, sizeof unit)) {
            memcpy(c->unit, unit, sizeof unit);
            c->unit_source = "header";
        }
    }
    if (above && row->n > c->header_n && spread_under(c, row, &s, &e)) {
        spread_header(c, row, s, e);
        c->header_rows++;
        return;
    }
    if (!merge) {
        free_header(c);
        c->header_text = bg_xcalloc(row->n ? row->n : 1, sizeof *c->header_text);
        c->unit_only = bg_xcalloc(row->n ? row->n : 1, 1);
    }
    for (size_t k = 0; k < row->n; k++) {
        char *t = label_text(c, &row->cells[k]);    /* 年度预算申请(万元): its unit is not its name */
        char unit[16];
        c->unit_only[k] |= !*t && unit_in(c, &c->ar->header_unit, row->cells[k].s, row->cells[k].len, row->cells[k].line,
                                         unit, sizeof unit);
        if (k == 0)
            c->left_open = !*t;
        if (merge && c->header_text[k] && *t) {
            char *joined = bg_xasprintf("%s%s", c->header_text[k], t);
            free(t);
            t = joined;
        }
        if (merge && !*t) {
            free(t);
            continue;
        }
        free(c->header_text[k]);
        c->header_text[k] = t;
    }
    c->header_n = row->n;
    c->header_filled = filled_width(row);
    c->header = row;
    c->header_joined = merge;
    c->header_rows = merge ? c->header_rows + 1 : 1;
}

/* A figure such as ≥30万元 or 95.93%: a number and at most a short unit. A
 * label may start with digits too (2020年医疗救助补助资金), but goes on, or
 * with its list number (2、出国经费). */
static int is_figure(tctx *c, const bg_piece *cell)
{
    size_t ov[2];
    if (may_be_marked(cell->s, cell->len) && bg_match(c->m, &c->ar->row_mark, cell->s, cell->len, 0, ov, 1, cell->line))
        return 0;
    size_t i = 0;
    while (i < cell->len && cell->s[i] == ' ')
        i++;
    if (i + 3 <= cell->len && (memcmp(cell->s + i, "≥", 3) == 0 || memcmp(cell->s + i, "≤", 3) == 0))
        i += 3;
    while (i < cell->len && strchr("<>= ", cell->s[i]))
        i++;
    if (i >= cell->len || cell->s[i] < '0' || cell->s[i] > '9')
        return 0;
    while (i < cell->len && strchr("0123456789.,", cell->s[i]))
        i++;
    return bg_utf8_count(cell->s + i, cell->len - i) <= 8;     /* 万元/公里 */
}

static int not_money(tctx *c, const char *s, long line)
{
    return bg_match_remembered(c->m, &c->ar->not_money, s, strlen(s), line);
}

/* Does a column of the header hold no money (分值, 执行率, 得分)? */
static int header_not_money(tctx *c)
{
    for (size_t k = 0; k < c->header_n; k++)
        if (c->header_text[k] && *c->header_text[k] && not_money(c, c->header_text[k], c->header->line))
            return 1;
    return 0;
}

/* Asked of every number: its row's label and its column's header are asked
 * about once each. */
static int is_money(tctx *c, const char *row, const char *column, long line)
{
    const bg_regex *money = &c->ar->money, *not_money = &c->ar->not_money;
    int yes = (row && bg_match_remembered(c->m, money, row, strlen(row), line))
              || (column && bg_match_remembered(c->m, money, column, strlen(column), line));
    int no = (row && bg_match_remembered(c->m, not_money, row, strlen(row), line))
             || (column && bg_match_remembered(c->m, not_money, column, strlen(column), line));
    return yes && !no;
}

/* A row "其中:…" lists parts of the amounts in the same columns above it. */
static void link_column(tctx *c, size_t k)
{
    if (k >= c->ncols) {
        c->total_at = bg_xrealloc(c->total_at, (k + 1) * sizeof *c->total_at);
        while (c->ncols <= k)
            c->total_at[c->ncols++] = BG_NO_PARENT;
    }
    size_t index = c->out->n - 1;
    if (c->part_row)
        c->out->items[index].parent = c->total_at[k];
    else
        c->total_at[k] = index;
}

static void push_number(tctx *c, const bg_piece *cell, size_t na, size_t nb, const char *cmp_qual,
                        char *row, char *column, const char *unit, const char *source)
{
    bg_amount a = { 0 };
    a.parent = BG_NO_PARENT;
    if (bg_dec_parse(cell->s + na, nb - na, &a.value) != (int)(nb - na)) {
        free(row);
        free(column);
        return;
    }
    const bg_unit *u = bg_unit_find(c->ar, unit, strlen(unit));
    if (!u) {
        free(row);
        free(column);
        return;
    }
    a.unit = bg_xstrdup(unit);
    a.unit_source = source;
    bg_amount_set_wan(&a, u);
    a.qualifier = cmp_qual;
    a.row = row && *row ? row : NULL;
    a.column = column && *column ? column : NULL;
    if (!a.row)
        free(row);
    if (!a.column)
        free(column);
    a.label = a.row && a.column ? bg_xasprintf("%s %s", a.row, a.column)
              : a.row || a.column ? bg_xstrdup(a.row ? a.row : a.column) : NULL;
    size_t ta = 0, tb = cell->len;
    while (ta < tb && cell->s[ta] == ' ')
        ta++;
    while (tb > ta && cell->s[tb - 1] == ' ')
        tb--;
    a.text = bg_xstrndup(cell->s + ta, tb - ta);
    a.start = bg_piece_pos(cell, ta);
    a.end = bg_piece_end(cell, tb);
    a.line = bg_text_line(c->t, a.start);
    a.in_table = 1;
    a.block = c->block;
    a.row_index = c->row_index;
    bg_amount_push(c->out, &a);
}

static const char *comparator_qualifier(const char *s, size_t a, size_t b)
{
    if (a == SIZE_MAX || b <= a)
        return NULL;
    return (s[a] == '>' || memcmp(s + a, "≥", 3) == 0) ? "over" : "under";
}

#define NO_COLUMN SIZE_MAX

/* Which header cell stands over the cells of a row: the same position in a
 * row as wide as the header, counting or not the empty cells that end them
 * (a pipe row padded with ||). A row wider than its header is read against
 * it from the right only where the header's left part is merged from the
 * rows above (the first cell of its lowest row empty: 2022年 | 2023年 under
 * 近两年收支金额; not two rows joined cell by cell) and the extra cells on the left are
 * row labels: no figure among them, and a last cell that is filled (a
 * trailing empty cell would move every column). */
static size_t header_shift(tctx *c, const bg_row *row)
{
    if (row->raw || !c->header || !c->header_n)
        return NO_COLUMN;
    if (c->header_n == row->n || c->header_filled == filled_width(row))
        return 0;
    if (row->n < c->header_n)
        return NO_COLUMN;
    size_t off = row->n - c->header_n;
    if (!c->left_open || c->header_joined || row->cells[row->n - 1].len == 0)
        return NO_COLUMN;       /* two rows joined cell by cell: their spans are unsure already */
    for (size_t k = 0; k < off; k++)
        if (is_figure(c, &row->cells[k]) || matches(c, &c->ar->cell_number, &row->cells[k]))
            return NO_COLUMN;
    return off;
}

/* Does the cell end with a colon (预算数:): a label whose value follows? */
static int ends_with_colon(const bg_piece *cell)
{
    size_t n = cell->len;
    while (n > 0 && cell->s[n - 1] == ' ')
        n--;
    return n > 0 && cell->s[n - 1] == ':';
}

/* The header cell over the current row's cell k, or NO_COLUMN. A cell under
 * an empty header cell, right after its own label ending with a colon
 * (预算数: | 3686.55 under 预算安排情况(调整后) | ""), is that label's value:
 * label and value are one field, under the header cell over the label (a
 * header cell merged over both, its empty half printed). A cell holding
 * only the unit, (万元), is no empty half: it heads a column of money. */
static size_t column_of(const tctx *c, const bg_row *row, size_t k)
{
    if (c->shift == NO_COLUMN || k < c->shift || k - c->shift >= c->header_n)
        return NO_COLUMN;
    size_t h = k - c->shift;
    const char *over = c->header_text[h], *left = h > 0 ? c->header_text[h - 1] : NULL;
    if ((!over || !*over) && !c->unit_only[h] && left && *left && ends_with_colon(&row->cells[k - 1]))
        return h - 1;
    return h;
}

static const char *column_at(const tctx *c, const bg_row *row, size_t k)
{
    size_t h = column_of(c, row, k);
    return h == NO_COLUMN ? NULL : c->header_text[h];
}

/* A cell that is only a number, or "label: number". */
static void number_cell(tctx *c, const bg_row *row, size_t k, const bg_piece *lab, const char *row_unit)
{
    const bg_piece *cell = &row->cells[k];
    size_t ov[2], na, nb, ca, cb, la, lb;
    const char *unit = row_unit ? row_unit : c->unit;
    const char *source = row_unit ? "header" : c->unit_source;
    if (bg_match(c->m, &c->ar->cell_number, cell->s, cell->len, 0, ov, 1, cell->line)) {
        bg_group(c->m, &c->ar->cell_number, "num", &na, &nb);
        const char *q = bg_group(c->m, &c->ar->cell_number, "cmp", &ca, &cb) ? comparator_qualifier(cell->s, ca, cb) : NULL;
        char *rl = lab ? label_text(c, lab) : NULL;
        size_t h = column_of(c, row, k);
        int known = h != NO_COLUMN;
        char *col = known && c->header_text[h] ? bg_xstrdup(c->header_text[h]) : NULL;
        /* a column headed by its unit alone (万元) holds money, whatever its rows */
        int unit_col = known && c->unit_only[h] && !(rl && not_money(c, rl, cell->line));
        if (!unit_col && !is_money(c, rl, col, cell->line)) {
            free(rl);
            free(col);
        } else if (!known && c->header && header_not_money(c)) {
            c->unplaced++;      /* it may stand under 分值 or 执行率: its row's label does not make it money */
            free(rl);
            free(col);
        } else if (!*unit) {
            c->unitless++;
            free(rl);
            free(col);
        } else {
            push_number(c, cell, na, nb, q, rl, col, unit, source);
            c->out->items[c->out->n - 1].cell = k;
            link_column(c, k);
        }
        return;
    }
    bg_field_hit fh;
    if (!bg_match(c->m, &c->ar->cell_labelled, cell->s, cell->len, 0, ov, 1, cell->line)
        || bg_amount_field_find(c->ar, c->m, cell, 0, &fh))
        return;                 /* 年度预算(万元):35.5 has its own unit: read as prose */
    bg_group(c->m, &c->ar->cell_labelled, "num", &na, &nb);
    bg_group(c->m, &c->ar->cell_labelled, "label", &la, &lb);
    char *label = bg_clean(cell->s + la, lb - la);
    if (!bg_is_money_label(c->ar, c->m, label, cell->line))
        free(label);
    else if (!*unit) {
        c->unitless++;
        free(label);
    } else {
        push_number(c, cell, na, nb, NULL, label, NULL, unit, source);
        c->out->items[c->out->n - 1].cell = k;
    }
}

static int part_label(tctx *c, const bg_row *row)
{
    size_t ov[2];
    for (size_t k = 0; k < row->n; k++) {
        const bg_piece *cell = &row->cells[k];
        if (has_cjk(cell->s, cell->len))
            return bg_match(c->m, &c->ar->part, cell->s, cell->len, 0, ov, 1, cell->line) && ov[0] <= 1;
    }
    return 0;
}

static void table_row(tctx *c, const bg_row *row)
{
    int numbers = 0;
    c->part_row = part_label(c, row);
    for (size_t k = 0; k < row->n; k++) {
        const bg_piece *cell = &row->cells[k];
        if (unit_in(c, &c->ar->declaration, cell->s, cell->len, cell->line, c->unit, sizeof c->unit))
            c->unit_source = "declared";
        numbers |= matches(c, &c->ar->cell_number, cell) || matches(c, &c->ar->cell_labelled, cell);
    }
    /* A raw row's cells have no certain column: only their written amounts count. */
    int header = !row->raw && (row->header || is_header(c, row, numbers));
    c->shift = header_shift(c, row);
    const bg_piece *lab = NULL;         /* the nearest label left of cell k, carried along */
    for (size_t k = 0; k < row->n; k++) {
        bg_field_hit fh;    /* a field (资金总额(万元)50) labels its own figure, not the cells after it */
        if (k > 0 && has_cjk(row->cells[k - 1].s, row->cells[k - 1].len) && !is_figure(c, &row->cells[k - 1])
            && !bg_amount_field_find(c->ar, c->m, &row->cells[k - 1], 0, &fh))
            lab = &row->cells[k - 1];
        char row_unit[16];
        int has_row_unit = lab && unit_in(c, &c->ar->header_unit, lab->s, lab->len, lab->line, row_unit, sizeof row_unit);
        if (bg_amount_possible(c->ar, row->cells[k].s, row->cells[k].len)) {
            char *rl = lab ? label_text(c, lab) : NULL;
            const char *col = column_at(c, row, k);
            bg_cell_ctx ctx = { rl, col && *col ? col : NULL, NULL, NULL };
            bg_amounts_in_text(c->t, &row->cells[k], &ctx, c->ar, c->m, c->w, c->out);
            free(rl);
        }
        if (!header && !row->raw)
            number_cell(c, row, k, lab, has_row_unit ? row_unit : NULL);
    }
    if (header)
        install_header(c, row);
}

void bg_amounts_in_table(const bg_text *t, const bg_layout *l, size_t block, const bg_amount_rules *ar,
                         bg_matcher *m, bg_warnings *w, bg_amounts *out)
{
    const bg_table *tb = &l->blocks[block].table;
    tctx c = { t, ar, m, w, out, "", NULL, NULL, NULL, NULL, 0, 0, 0, 0, NULL, 0, 0, block, 0, NO_COLUMN, 0, 0, 0 };
    declared_before(&c, l, block);
    for (size_t r = 0; r < tb->n; r++) {
        c.row_index = r;
        table_row(&c, &tb->rows[r]);
    }
    if (c.unplaced)
        bg_warn(w, tb->line, "table: %zu number%s in rows narrower than their header have no certain column, and "
                "some columns hold no money; not taken as amounts", c.unplaced, c.unplaced > 1 ? "s" : "");
    if (c.unitless)
        bg_warn(w, tb->line, "table: %zu number%s in money cells with no unit declared; not taken as amounts",
                c.unitless, c.unitless > 1 ? "s" : "");
    free_header(&c);
    free(c.total_at);
}
