/* splice.c — put tables found in the text in place of the paragraph bytes
 * they were read from (see splice.h). */
#include "splice.h"

#include <stdlib.h>

bg_row *bg_table_new_row(bg_table *tb, size_t width, long line)
{
    bg_row row = { 0 };
    row.n = row.cap = width;
    row.cells = bg_xcalloc(width ? width : 1, sizeof *row.cells);
    row.line = line;
    BG_PUSH(tb->rows, tb->n, tb->cap, row);
    return &tb->rows[tb->n - 1];
}

/* Bytes [i, j) of p as a paragraph of their own. */
static bg_block cut_para(const bg_text *t, const bg_piece *p, size_t i, size_t j)
{
    bg_block b = { 0 };
    b.kind = BG_BLOCK_PARA;
    bg_piece_slice(p, i, j, &b.text);
    b.line = b.text.line = bg_text_line(t, bg_piece_pos(p, i));
    b.end_line = b.text.end_line = bg_text_line(t, bg_piece_pos(p, j - 1));
    return b;
}

typedef struct {
    bg_block *blocks;
    size_t n, cap;
} block_list;

static void put_table(block_list *bl, const bg_found *f)
{
    bg_block b = { 0 };
    b.kind = BG_BLOCK_TABLE;
    b.table = f->table;
    b.line = f->table.line;
    b.end_line = f->table.end_line;
    BG_PUSH(bl->blocks, bl->n, bl->cap, b);
}

static void put_text(block_list *bl, const bg_text *t, const bg_block *para, size_t i, size_t j)
{
    const bg_piece *p = &para->text;
    if (j <= i || bg_spaces_only(p->s + i, j - i))
        return;
    bg_block b = cut_para(t, p, i, j);
    if (i == 0) {               /* the paragraph's start: its heading marker */
        b.has_marker = para->has_marker;
        b.mk = para->mk;
    }
    BG_PUSH(bl->blocks, bl->n, bl->cap, b);
}

/* Cut paragraph b around the tables (from *next on, in text order): its text
 * outside them stays paragraphs, each table takes the place of its bytes.
 * *covered: where the last table put ends (a table may span paragraphs). */
static void cut_around(block_list *bl, const bg_text *t, const bg_block *b, const bg_found *fs, size_t nf,
                       size_t *next, size_t *covered)
{
    const bg_piece *p = &b->text;
    size_t pos = 0;
    while (pos < p->len) {
        size_t r = *next;
        if (bg_piece_pos(p, pos) < *covered) {
            pos++;
            continue;
        }
        if (r < nf && bg_piece_pos(p, pos) >= fs[r].from) {     /* inside table r */
            put_table(bl, &fs[r]);
            *covered = fs[r].to;
            (*next)++;
            continue;
        }
        size_t end = pos;
        while (end < p->len && (r >= nf || bg_piece_pos(p, end) < fs[r].from))
            end++;
        put_text(bl, t, b, pos, end);
        pos = end;
    }
}

void bg_splice_tables(const bg_text *t, bg_layout *l, const bg_found *fs, size_t nf)
{
    block_list bl = { NULL, 0, 0 };
    size_t next = 0, covered = 0;
    for (size_t i = 0; i < l->n; i++) {
        bg_block *b = &l->blocks[i];
        const bg_piece *p = &b->text;
        if (b->kind != BG_BLOCK_PARA
            || ((next >= nf || bg_piece_pos(p, p->len) <= fs[next].from) && bg_piece_pos(p, 0) >= covered)) {
            BG_PUSH(bl.blocks, bl.n, bl.cap, *b);
            continue;
        }
        cut_around(&bl, t, b, fs, nf, &next, &covered);
        bg_piece_free(&b->text);
    }
    for (; next < nf; next++)
        put_table(&bl, &fs[next]);
    free(l->blocks);
    l->blocks = bl.blocks;
    l->n = bl.n;
    l->cap = bl.cap;
}
