/* word_rows.c — tables that Word or a web page saved with a space between
 * cells and a row per line:
 *
 *     一级指标 二级指标 三级指标 指标解释 目标值
 *     产出指标 数量指标 图书采购册数 计划标准 ≥500册
 *     图书编目率 行业标准 100%
 *
 * Chinese puts no space between words, so a line whose space-separated words
 * name at least three columns is a header, and the lines right under it with
 * at least two words and no more words than it has are its rows (merged cells
 * dropped at their left, as in TAB rows). Runs after bg_layout_build(), on
 * the paragraphs it made of those lines. */
#include "word_rows.h"

#include <stdlib.h>
#include <string.h>

/* How many space-separated words line k holds; with cells, adds them to row. */
static size_t line_words(const bg_text *t, size_t k, bg_row *row)
{
    size_t a = t->lines[k], b = k + 1 < t->nlines ? t->lines[k + 1] - 1 : t->len, n = 0;
    for (size_t i = a; i < b;) {
        while (i < b && (t->s[i] == ' ' || t->s[i] == '\t'))
            i++;
        size_t e = i;
        while (e < b && t->s[e] != ' ' && t->s[e] != '\t')
            e++;
        if (e > i) {
            n++;
            if (row)
                bg_piece_add(bg_row_new_cell(row), t, i, e, (long)k + 1);
        }
        i = e;
    }
    return n;
}

/* Are the words of line k one space apart? Columns laid out with runs of
 * spaces are PDF text (lib/columns.c). */
static int single_spaced(const bg_text *t, size_t k)
{
    size_t a = t->lines[k], b = k + 1 < t->nlines ? t->lines[k + 1] - 1 : t->len;
    while (a < b && t->s[a] == ' ')
        a++;
    while (b > a && t->s[b - 1] == ' ')
        b--;
    for (size_t i = a; i + 1 < b; i++)
        if (t->s[i] == '\t' || (t->s[i] == ' ' && t->s[i + 1] == ' '))
            return 0;
    return 1;
}

/* Does line k name at least three columns, word by word? Returns its words. */
static size_t header_words(const bg_text *t, const bg_table_rules *tr, bg_matcher *m, size_t k)
{
    size_t n = line_words(t, k, NULL);
    if (n < 3 || n > 32 || !single_spaced(t, k))
        return 0;
    size_t a = t->lines[k], b = k + 1 < t->nlines ? t->lines[k + 1] - 1 : t->len, named = 0, other = 0;
    /* a header starts with a column's name: most lines stop at their first word */
    for (size_t i = a; i < b && 2 * other <= n && (other == 0 || named > 0);) {
        size_t e = i;
        while (e < b && t->s[e] != ' ')
            e++;
        if (e > i && bg_header_role(tr, m, t->s + i, e - i, (long)k + 1) != BG_R_NONE)
            named++;
        else if (e > i)
            other++;
        i = e + 1;
    }
    return named >= 3 && 2 * other <= n ? n : 0;
}

/* The blocks of a table found: the table, and the lines of its last
 * paragraph that go on past it (a paragraph joining the last row to the
 * prose after it keeps the prose). Frees the paragraphs [first, last]. */
static void table_blocks(const bg_text *t, bg_layout *l, size_t first, size_t last, bg_table *tb, bg_block **out,
                         size_t *n, size_t *cap)
{
    bg_block blk = { 0 };
    blk.kind = BG_BLOCK_TABLE;
    blk.table = *tb;
    blk.line = tb->line;
    blk.end_line = tb->end_line;
    BG_PUSH(*out, *n, *cap, blk);
    long tail_end = l->blocks[last].end_line;
    if (tail_end > tb->end_line) {
        bg_block tail = { 0 };
        tail.kind = BG_BLOCK_PARA;
        for (long line = tb->end_line + 1; line <= tail_end; line++) {
            size_t a = t->lines[line - 1], b = (size_t)line < t->nlines ? t->lines[line] - 1 : t->len;
            bg_piece_add(&tail.text, t, a, b, line);
        }
        bg_piece_finish(&tail.text);
        tail.line = tail.text.line;
        tail.end_line = tail_end;
        BG_PUSH(*out, *n, *cap, tail);
    }
    for (size_t i = first; i <= last; i++)
        bg_piece_free(&l->blocks[i].text);
    for (long k = tb->line; k <= tb->end_line; k++)
        l->line_kind[k - 1] = BG_LINE_TABLE;
}

/* A table whose header is the first line of paragraph i and whose rows are
 * the lines below: fills *tb and the index of its last paragraph. */
static int table_at(const bg_text *t, const bg_table_rules *tr, bg_matcher *m, const bg_layout *l, size_t i,
                    bg_table *tb, size_t *last_out)
{
    const bg_block *b = &l->blocks[i];
    size_t k = (size_t)b->line - 1, width = header_words(t, tr, m, k);
    if (!width)
        return 0;
    /* rows: the text lines below with 2 to `width` words */
    size_t end = k + 1;
    while (end < l->nlines && l->line_kind[end] == BG_LINE_TEXT) {
        size_t n = line_words(t, end, NULL);
        if (n < 2 || n > width)
            break;
        end++;
    }
    if (end == k + 1)
        return 0;               /* no row */
    /* whole paragraphs, none of them a numbered heading, the last maybe cut */
    size_t last = i;
    while (last + 1 < l->n && l->blocks[last + 1].kind == BG_BLOCK_PARA && (size_t)l->blocks[last + 1].line <= end
           && !l->blocks[last + 1].has_marker)
        last++;
    memset(tb, 0, sizeof *tb);
    tb->shape = BG_SHAPE_SPACED;
    tb->line = b->line;
    tb->end_line = l->blocks[last].end_line < (long)end ? l->blocks[last].end_line : (long)end;
    for (long line = tb->line; line <= tb->end_line; line++) {
        bg_row row = { 0 };
        row.line = line;
        line_words(t, (size_t)line - 1, &row);
        bg_table_add_row(tb, &row);
    }
    bg_shrink(&tb->rows, &tb->cap, tb->n, sizeof *tb->rows);
    *last_out = last;
    return 1;
}

void bg_word_rows_apply(const bg_text *t, const bg_table_rules *tr, bg_matcher *m, bg_layout *l)
{
    /* the blocks again, made once the first table is found: one pass */
    bg_block *out = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < l->n;) {
        bg_table tb;
        size_t last;
        if (l->blocks[i].kind == BG_BLOCK_PARA && !l->blocks[i].has_marker && table_at(t, tr, m, l, i, &tb, &last)) {
            if (!out)
                for (size_t j = 0; j < i; j++)
                    BG_PUSH(out, n, cap, l->blocks[j]);
            table_blocks(t, l, i, last, &tb, &out, &n, &cap);
            i = last + 1;
            continue;
        }
        if (out)
            BG_PUSH(out, n, cap, l->blocks[i]);
        i++;
    }
    if (!out)
        return;
    free(l->blocks);
    bg_shrink(&out, &cap, n, sizeof *out);
    l->blocks = out;
    l->n = n;
    l->cap = cap;
}
