/* cellstream.c — rebuild tables whose cells come one after another with no
 * row breaks (a spreadsheet flattened one cell per line, or saved as one
 * line). The reading is cellstream_plan.c's; here its plan becomes tables.
 *
 * A reader of such a stream first spots the header: a run of cells naming
 * columns ([column] words of patterns/tables.txt), some broken into pieces
 * (年度预 / 算申请 / (万元)). Then the rows, by what ends them:
 * - in a table of figures (年初预算数 … 得分), a row is its label and a run of
 *   figures, in column order from the left; fewer figures than columns are
 *   blank cells at the right (merged in the sheet);
 * - in an indicator table, a row ends with its 分值/得分 numbers; the cells
 *   before them are the values (target, actual) and, before those, the names,
 *   right-aligned (missing names are merged level cells to fill down); an
 *   explanatory cell after the score is the row's note when the header has
 *   a note column.
 * A stretch that fits neither is kept as a raw row (row.raw) with a warning:
 * shown in `tables`, never read as indicators or column amounts.
 * Each rebuilt row has the full width of its header, so the table stages
 * downstream map cells to columns one to one. */
#include "cellstream_plan.h"

#include <stdlib.h>
#include <string.h>

/* ---- rules ---------------------------------------------------------------- */

static int compile_record(const bg_record *r, bg_stream_rules *sr, baogao_error *err)
{
    bg_regex_slot res[] = {
        { "value", &sr->value }, { "score_value", &sr->score_value }, { "header_like", &sr->header_like },
        { "unit_fragment", &sr->unit_fragment }, { "note", &sr->note }, { "level_word", &sr->level_word },
        { "value_text", &sr->value_text }, { "annotation", &sr->annotation },
        { "continues_next", &sr->continues_next }, { "continues_prev", &sr->continues_prev },
        { "weight_piece", &sr->weight_piece }, { "labelled", &sr->labelled }, { "rate_header", &sr->rate_header },
        { "percent", &sr->percent }, { "glued_unit", &sr->glued_unit }, { "glued_rate", &sr->glued_rate },
        { "glued_note", &sr->glued_note }, { "glued_run", &sr->glued_run }, { "glued_total", &sr->glued_total },
        { "glued_levels", &sr->glued_levels },
        { "glued_level1", &sr->glued_level1 }, { "glued_level2", &sr->glued_level2 },
        { "glued_cmp", &sr->glued_cmp }, { "glued_actual", &sr->glued_actual }, { "glued_pair", &sr->glued_pair },
    };
    struct { const char *key; long *v; } ints[] = {
        { "fragment_max_chars", &sr->fragment_max_chars }, { "max_fragments", &sr->max_fragments },
        { "header_max_chars", &sr->header_max_chars }, { "column_slack", &sr->column_slack },
        { "label_max_chars", &sr->label_max_chars }, { "rate_slack", &sr->rate_slack },
    };
    size_t nres = sizeof res / sizeof res[0];
    for (size_t i = 0; i < r->nkv; i++) {
        const bg_kv *kv = &r->kv[i];
        int done = bg_regex_slot_take(kv, res, nres, err);
        if (done < 0)
            return -1;
        for (size_t k = 0; k < sizeof ints / sizeof ints[0] && !done; k++)
            if (strcmp(kv->key, ints[k].key) == 0) {
                if (bg_kv_int(kv, ints[k].v, err) < 0)
                    return -1;
                done = 1;
            }
        if (!done)
            return bg_pattern_error(err, kv->file, kv->line, "unknown key \"%s\" in [cell-stream]", kv->key);
    }
    if (bg_regex_slots_filled(r, res, nres, err) < 0)
        return -1;
    for (size_t k = 0; k < sizeof ints / sizeof ints[0]; k++)
        if (*ints[k].v <= 0)
            return bg_pattern_error(err, r->file, r->line, "[cell-stream] needs a positive %s", ints[k].key);
    return 0;
}

int bg_stream_compile(const bg_records *recs, bg_stream_rules *sr, baogao_error *err)
{
    memset(sr, 0, sizeof *sr);
    int seen = 0;
    for (size_t i = 0; i < recs->n; i++) {
        const bg_record *r = &recs->items[i];
        if (strcmp(r->type, "cell-stream") != 0)
            continue;
        if (seen++)
            return bg_pattern_error(err, r->file, r->line, "[cell-stream] given twice");
        if (compile_record(r, sr, err) < 0)
            return -1;
    }
    if (!seen)
        return bg_pattern_error(err, "patterns", 0, "no [cell-stream] record");
    return 0;
}

void bg_stream_rules_free(bg_stream_rules *sr)
{
    bg_regex *res[] = { &sr->value, &sr->score_value, &sr->header_like, &sr->unit_fragment, &sr->note,
                        &sr->level_word, &sr->value_text, &sr->annotation, &sr->continues_next, &sr->continues_prev,
                        &sr->weight_piece, &sr->labelled, &sr->rate_header, &sr->percent, &sr->glued_unit,
                        &sr->glued_rate, &sr->glued_note, &sr->glued_run, &sr->glued_total,
                        &sr->glued_levels, &sr->glued_level1, &sr->glued_level2, &sr->glued_cmp,
                        &sr->glued_actual, &sr->glued_pair };
    for (size_t i = 0; i < sizeof res / sizeof res[0]; i++)
        bg_regex_free(res[i]);
    memset(sr, 0, sizeof *sr);
}

/* ---- rows of pieces ------------------------------------------------------- */

/* A row of new pieces (the cells stay with their owner). */
static void build_row(const bg_cs_row *pr, const bg_piece **cells, bg_row *out)
{
    memset(out, 0, sizeof *out);
    out->raw = pr->kind == BG_CS_RAW;
    out->header = pr->kind == BG_CS_HEADER;
    out->n = out->cap = pr->n;
    out->cells = bg_xcalloc(pr->n ? pr->n : 1, sizeof *out->cells);
    const bg_piece *at = cells[pr->from];
    for (size_t k = 0; k < pr->n; k++) {
        bg_piece *p = &out->cells[k];
        const bg_cs_slot *s = &pr->slots[k];
        for (size_t j = 0; j < s->count; j++)
            bg_piece_append(p, cells[s->first + j]);
        if (s->count == 0) {        /* a blank cell: where its row starts */
            bg_piece_empty_at(p, bg_piece_pos(at, 0));
            p->line = p->end_line = at->line;
        }
        if (out->line == 0 && p->len)
            out->line = p->line;
    }
    if (out->line == 0)
        out->line = at->line;
}

/* Raw stretches of one table: one warning, at the first. */
typedef struct {
    size_t rows, cells;
    long line;
} raw_count;

static void count_raw(raw_count *rc, const bg_row *row, const bg_cs_row *pr)
{
    if (pr->kind != BG_CS_RAW || !pr->warn)
        return;
    if (rc->rows++ == 0)
        rc->line = row->line;
    rc->cells += pr->n;
}

static void warn_raw(bg_warnings *w, const raw_count *rc)
{
    if (rc->rows)
        bg_warn(w, rc->line, "table: %zu cell%s in %zu stretch%s could not be placed in the columns of the header; "
                "kept as raw rows", rc->cells, rc->cells > 1 ? "s" : "", rc->rows, rc->rows > 1 ? "es" : "");
}

static void free_row(bg_row *row)
{
    for (size_t k = 0; k < row->n; k++)
        bg_piece_free(&row->cells[k]);
    free(row->cells);
}

/* ---- one-line spreadsheets ------------------------------------------------ */

static void rebuild_spaced(const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m, bg_warnings *w,
                           bg_table *tb)
{
    bg_row *old = &tb->rows[0];
    const bg_piece **cells = bg_xcalloc(old->n ? old->n : 1, sizeof *cells);
    for (size_t k = 0; k < old->n; k++)
        cells[k] = &old->cells[k];
    bg_cs_plan pl;
    if (bg_cs_plan_read(sr, tr, m, cells, NULL, old->n, &pl)) {
        bg_row *rows = bg_xcalloc(pl.n, sizeof *rows);
        raw_count rc = { 0, 0, 0 };
        for (size_t i = 0; i < pl.n; i++) {
            build_row(&pl.rows[i], cells, &rows[i]);
            count_raw(&rc, &rows[i], &pl.rows[i]);
        }
        warn_raw(w, &rc);
        free_row(old);
        free(tb->rows);
        tb->rows = rows;
        tb->n = tb->cap = pl.n;
        bg_cs_plan_free(&pl);
    }
    free(cells);
}

/* ---- tables flattened one cell per line ------------------------------------ */

/* Which bg_cs_plan rows become table rows: headers, rows, and raw stretches
 * between rows of one header. A raw stretch before a header or at the end
 * stays paragraphs (prose around the table, the sheet's own fields). */
static void keep_rows(const bg_cs_plan *pl, unsigned char *keep)
{
    for (size_t i = 0; i < pl->n; i++) {
        keep[i] = pl->rows[i].kind != BG_CS_RAW;
        if (keep[i])
            continue;
        size_t a = i, b = i;
        while (a > 0 && pl->rows[a - 1].kind == BG_CS_RAW)
            a--;
        while (b < pl->n && pl->rows[b].kind == BG_CS_RAW)
            b++;
        keep[i] = a > 0 && b < pl->n && pl->rows[b].kind == BG_CS_ROW;
    }
    /* a header with no row under it is not a table */
    for (size_t i = 0; i < pl->n; i++)
        if (pl->rows[i].kind == BG_CS_HEADER && (i + 1 == pl->n || !keep[i + 1] || pl->rows[i + 1].kind == BG_CS_HEADER))
            keep[i] = 0;
}

typedef struct {
    bg_table table;
    size_t first, last;     /* cells it took, then (after region_tables) their blocks */
} region;

static void region_tables(const bg_cs_plan *pl, const bg_piece **cells, bg_warnings *w, region **out, size_t *nout)
{
    unsigned char *keep = bg_xcalloc(pl->n ? pl->n : 1, 1);
    size_t cap = 0;
    keep_rows(pl, keep);
    for (size_t i = 0; i < pl->n;) {
        if (!keep[i]) {
            i++;
            continue;
        }
        region rg = { { 0 }, pl->rows[i].from, 0 };
        rg.table.shape = BG_SHAPE_CELL_LINES;
        raw_count rc = { 0, 0, 0 };
        for (; i < pl->n && keep[i]; i++) {
            bg_row row;
            build_row(&pl->rows[i], cells, &row);
            count_raw(&rc, &row, &pl->rows[i]);
            BG_PUSH(rg.table.rows, rg.table.n, rg.table.cap, row);
            rg.last = pl->rows[i].to - 1;
        }
        warn_raw(w, &rc);
        rg.table.line = cells[rg.first]->line;
        rg.table.end_line = cells[rg.last]->end_line;
        BG_PUSH(*out, *nout, cap, rg);
    }
    free(keep);
}

/* Replace each region's blocks [first, last] (paragraphs, now cells of its
 * table) by the table. */
static void splice(bg_layout *l, region *rg, size_t nrg)
{
    bg_block *blocks = bg_xcalloc(l->n + nrg, sizeof *blocks);
    size_t n = 0, bi = 0;
    for (size_t r = 0; r < nrg; r++) {
        size_t b0 = rg[r].first, b1 = rg[r].last;
        while (bi < b0)
            blocks[n++] = l->blocks[bi++];
        for (; bi <= b1; bi++)
            bg_piece_free(&l->blocks[bi].text);
        bg_block tb = { 0 };
        tb.kind = BG_BLOCK_TABLE;
        tb.table = rg[r].table;
        tb.line = tb.table.line;
        tb.end_line = tb.table.end_line;
        blocks[n++] = tb;
        for (long k = tb.line; k <= tb.end_line && (size_t)k <= l->nlines; k++)
            if (l->line_kind[k - 1] != BG_LINE_NOISE)
                l->line_kind[k - 1] = BG_LINE_TABLE;
    }
    while (bi < l->n)
        blocks[n++] = l->blocks[bi++];
    free(l->blocks);
    l->blocks = blocks;
    l->n = l->cap = n;
}

/* Runs of paragraphs as streams. A numbered paragraph (1、公务用车购置费)
 * may be a row's label: it joins the stream, and stays a paragraph (a
 * heading candidate) unless a table claims it. */
static void rebuild_paragraphs(const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m, bg_warnings *w,
                               bg_layout *l)
{
    const bg_piece **cells = bg_xcalloc(l->n ? l->n : 1, sizeof *cells);
    size_t *block_of = bg_xcalloc(l->n ? l->n : 1, sizeof *block_of);
    unsigned char *marks = bg_xcalloc(l->n ? l->n : 1, 1);
    region *rg = NULL;
    size_t nrg = 0;
    for (size_t b = 0; b < l->n;) {
        size_t n = 0;
        for (; b < l->n && l->blocks[b].kind == BG_BLOCK_PARA; b++) {
            block_of[n] = b;
            marks[n] = (unsigned char)l->blocks[b].has_marker;
            cells[n++] = &l->blocks[b].text;
        }
        bg_cs_plan pl;
        if (n && bg_cs_plan_read(sr, tr, m, cells, marks, n, &pl)) {
            size_t before = nrg;
            region_tables(&pl, cells, w, &rg, &nrg);
            for (size_t r = before; r < nrg; r++) {     /* cell indices to this stream's blocks */
                rg[r].first = block_of[rg[r].first];
                rg[r].last = block_of[rg[r].last];
            }
            bg_cs_plan_free(&pl);
        }
        if (n == 0)
            b++;
    }
    if (nrg)
        splice(l, rg, nrg);
    free(rg);
    free(cells);
    free(block_of);
    free(marks);
}

void bg_cellstream_apply(const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m, bg_warnings *w,
                         bg_layout *l)
{
    for (size_t i = 0; i < l->n; i++) {
        bg_block *b = &l->blocks[i];
        if (b->kind == BG_BLOCK_TABLE && b->table.shape == BG_SHAPE_SPACED && b->table.n == 1)
            rebuild_spaced(sr, tr, m, w, &b->table);
    }
    rebuild_paragraphs(sr, tr, m, w, l);
}
