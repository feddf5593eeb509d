/* glued_levels.c — indicator tables whose cells were run together with no
 * separator (一级指标二级指标三级指标年度指标值全年完成值产出指标数量指标…).
 *
 * No split of such a row is certain in general: a reader sees where a cell
 * ends only by what starts the next one. Rows are read where every boundary
 * is certain: a level word (产出指标, 数量指标) starts a group, the name runs
 * up to its target, which starts with a comparator or is the first of two
 * figures ending with the same unit (100%98%, 0起0起), the actual after it
 * being that second figure or one of a closed vocabulary (已完成). A row
 * with no such split is skipped with a warning, and reading goes on at the
 * next level word.
 *
 * A space left in the text stands inside a cell (a cell's wrap: 产 出 指 标,
 * 管理制 度执行率), never between two, and a document-sharing site's page
 * break (layout: page_mark) falls anywhere: the reader reads the text with
 * both taken out, each cell keeping the offsets of its own bytes. A line
 * break that is neither ends a row: the rows of a table printed a line each
 * are read the same way. */
#include "glued_ctx.h"

#include <stdlib.h>
#include <string.h>

/* The text a glued table is read from: its bytes with spaces and page
 * numbers left out, each byte keeping its offset in the normalized text. */
typedef struct {
    bg_piece p;
    size_t last;        /* the last line it takes (0-based) */
} source;

static void add_unspaced(bg_piece *p, const bg_text *t, size_t a, size_t e, long line)
{
    for (size_t i = a; i < e;) {
        while (i < e && t->s[i] == ' ')
            i++;
        size_t j = i;
        while (j < e && t->s[j] != ' ')
            j++;
        if (j > i)
            bg_piece_add(p, t, i, j, line);
        i = j;
    }
}

/* The text from byte a of line k on, through the pages that go on from it. */
static void source_from(const gctx *c, size_t k, size_t a, source *src)
{
    const bg_text *t = c->t;
    memset(src, 0, sizeof *src);
    add_unspaced(&src->p, t, a, bg_line_end(t, k), (long)k + 1);
    src->last = k;
    for (size_t j = k + 1; j < c->l->nlines && j < t->nlines; j++) {
        if (c->l->line_kind[j] == BG_LINE_BLANK)
            continue;
        unsigned char page = c->l->page_mark[j];
        if (!(page & BG_PAGE_CONT) || c->l->line_kind[j] != BG_LINE_TEXT)
            break;
        add_unspaced(&src->p, t, t->lines[j] + (page & BG_PAGE_BYTES), bg_line_end(t, j), (long)j + 1);
        src->last = j;
    }
    bg_piece_finish(&src->p);
}

static long line_at(const gctx *c, const source *src, size_t i)
{
    return bg_text_line(c->t, bg_piece_pos(&src->p, i));
}

static size_t prefix_at(gctx *c, const bg_regex *re, const source *src, size_t pos)
{
    return bg_glued_prefix(c, re, src->p.s + pos, src->p.len - pos, line_at(c, src, pos));
}

/* The end of the source from pos on, or of its first `bytes` when it is
 * longer, on a character's start: an expression not anchored at its start
 * (glued_actual, a vocabulary searched for) is never run to the end of a
 * long table once a row. */
static size_t window(const source *src, size_t pos, size_t bytes)
{
    size_t e = src->p.len - pos > bytes ? pos + bytes : src->p.len;
    while (e > pos && e < src->p.len && ((unsigned char)src->p.s[e] & 0xC0) == 0x80)
        e--;
    return e;
}

/* Does a word of the actual vocabulary start at pos? */
static int actual_at(gctx *c, const source *src, size_t pos)
{
    return bg_glued_prefix(c, &c->sr->glued_actual, src->p.s + pos, window(src, pos, 32) - pos, line_at(c, src, pos)) > 0;
}

/* The header's column names from byte h: returns where they end, or 0
 * unless they are the levels, a name, a target and an actual (a note
 * column last: *note). A weight or a score column no anchor delimits. */
static size_t levels_header(gctx *c, const source *src, size_t h, int *note)
{
    unsigned seen = 0;
    long line = line_at(c, src, h);
    c->ncols = 0;
    *note = 0;
    while (h < src->p.len && c->ncols < MAX_COLS && !*note) {
        bg_role role = BG_R_NONE;
        size_t len = bg_glued_column_at(c, src->p.s + h, src->p.len - h, line, &role);
        if (len == 0)
            break;
        if (role == BG_R_NOTE)
            *note = 1;
        else if (role != BG_R_LEVEL1 && role != BG_R_LEVEL2 && role != BG_R_LEVEL3 && role != BG_R_NATURE
                 && role != BG_R_TARGET && role != BG_R_ACTUAL)
            return 0;
        if (seen & (1u << role))
            return 0;
        seen |= 1u << role;
        c->col_a[c->ncols] = h;
        c->col_b[c->ncols] = h + len;
        c->roles[c->ncols++] = role;
        h += len;
    }
    unsigned need = 1u << BG_R_LEVEL1 | 1u << BG_R_LEVEL2 | 1u << BG_R_LEVEL3 | 1u << BG_R_TARGET | 1u << BG_R_ACTUAL;
    return (seen & need) == need ? h : 0;
}

/* The cells of one glued row: [a, b) of each role in the source, a == b
 * when the text has none. */
typedef struct {
    size_t a[BG_R_COUNT], b[BG_R_COUNT];
} lrow;

static void lrow_set(lrow *r, bg_role role, size_t a, size_t b)
{
    r->a[role] = a;
    r->b[role] = b;
}

static int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* The level words at pos into *r (a level-2 word printed twice, as a merged
 * cell can be, taken once): where the name starts. */
static size_t levels_at(gctx *c, const source *src, size_t pos, lrow *r)
{
    size_t l1 = prefix_at(c, &c->sr->glued_level1, src, pos);
    lrow_set(r, BG_R_LEVEL1, pos, pos + l1);
    pos += l1;
    size_t l2 = prefix_at(c, &c->sr->glued_level2, src, pos);
    lrow_set(r, BG_R_LEVEL2, pos, pos + l2);
    pos += l2;
    if (l2 && prefix_at(c, &c->sr->glued_level2, src, pos) == l2 && memcmp(src->p.s + pos - l2, src->p.s + pos, l2) == 0)
        pos += l2;
    return pos;
}

/* Does a level word start at pos? */
static int levels_start(gctx *c, const source *src, size_t pos)
{
    lrow r;
    return levels_at(c, src, pos, &r) > pos;
}

enum { END_NONE, END_CMP, END_PAIR, END_LEVEL };

/* Where the name from byte pos ends, into *q: at a comparator (END_CMP),
 * or at a pair of figures (100%98%) that no digit runs into (END_PAIR),
 * within label_max_chars characters. END_LEVEL when a level word comes
 * first (a group starts: this row has no certain end), END_NONE when
 * nothing does. */
static int name_end(gctx *c, const source *src, size_t pos, size_t *q)
{
    const char *s = src->p.s;
    size_t e = src->p.len;
    long chars = 0;
    for (*q = pos; *q < e && chars <= c->sr->label_max_chars; chars++) {
        size_t i = *q;
        if (prefix_at(c, &c->sr->glued_cmp, src, i))
            return END_CMP;
        if (is_digit(s[i]) && (i == pos || (!is_digit(s[i - 1]) && s[i - 1] != '.'))
            && prefix_at(c, &c->sr->glued_pair, src, i))
            return END_PAIR;
        if (i > pos && levels_start(c, src, i))
            return END_LEVEL;
        do
            i++;
        while (i < e && ((unsigned char)s[i] & 0xC0) == 0x80);
        *q = i;
    }
    return END_NONE;
}

/* A pair of figures at q into the row's target and actual: where it ends. */
static size_t take_pair(gctx *c, const source *src, size_t q, lrow *r)
{
    size_t len = prefix_at(c, &c->sr->glued_pair, src, q), fa, fb;
    if (!len || !bg_group(c->m, &c->sr->glued_pair, "first", &fa, &fb))
        return 0;
    lrow_set(r, BG_R_TARGET, q, q + fb);
    lrow_set(r, BG_R_ACTUAL, q + fb, q + len);
    return q + len;
}

/* A target from its comparator at q and the actual after it: where the row
 * ends, or 0 when the boundary is not certain. */
static size_t target_actual(gctx *c, const source *src, size_t q, lrow *r)
{
    const char *s = src->p.s;
    size_t e, cl = prefix_at(c, &c->sr->glued_cmp, src, q), v = q + cl, ov[2];
    lrow_set(r, BG_R_NATURE, q, v);
    size_t end = take_pair(c, src, v, r);
    if (end)
        return end;
    /* looked for only as far as a target may reach (four bytes a
     * character, and the word itself): a search to the end of a long table
     * for each row was quadratic */
    e = window(src, v, ((size_t)c->sr->label_max_chars + 8) * 4);
    if (!bg_match(c->m, &c->sr->glued_actual, s + v, e - v, 0, ov, 1, line_at(c, src, v)) || ov[0] == 0
        || (long)bg_utf8_count(s + v, ov[0]) > c->sr->label_max_chars)
        return 0;
    end = v + ov[1];
    if (actual_at(c, src, end))
        return 0;           /* 按时完成已完成: which 完成 ends the target? */
    lrow_set(r, BG_R_TARGET, v, v + ov[0]);
    lrow_set(r, BG_R_ACTUAL, v + ov[0], end);
    return end;
}

enum { ROW_NONE = 0, ROW_UNSURE = -1 };

/* One glued row from byte pos into *r: returns where it ends; ROW_NONE when
 * no row starts here (the table ended), ROW_UNSURE when one does but its
 * cells are not certain. */
static size_t levels_row(gctx *c, const source *src, size_t pos, lrow *r)
{
    const char *s = src->p.s;
    memset(r, 0, sizeof *r);
    size_t start = pos, q, ov[2];
    pos = levels_at(c, src, pos, r);
    int end = name_end(c, src, pos, &q), levels = pos > start;
    if (end == END_NONE || q <= pos)
        return levels ? (size_t)ROW_UNSURE : ROW_NONE;
    if (end == END_LEVEL || bg_match(c->m, &c->sr->note, s + pos, q - pos, 0, ov, 1, line_at(c, src, pos))
        || actual_at(c, src, pos))
        return (size_t)ROW_UNSURE;      /* (the last row's actual may go on here) */
    lrow_set(r, BG_R_LEVEL3, pos, q);
    size_t stop = end == END_PAIR ? take_pair(c, src, q, r) : target_actual(c, src, q, r);
    return stop ? stop : (size_t)ROW_UNSURE;
}

/* The next level word from byte pos on (a new group of rows): where it
 * starts, 0 when there is none. Left to right, so that a level-2 word is
 * found whole before the level-1 word inside it (社会效益指标). */
static size_t next_levels(gctx *c, const source *src, size_t pos)
{
    for (size_t q = pos; q < src->p.len; q++) {
        if (((unsigned char)src->p.s[q] & 0xC0) == 0x80)
            continue;
        if (prefix_at(c, &c->sr->glued_level1, src, q) || prefix_at(c, &c->sr->glued_level2, src, q))
            return q;
    }
    return 0;
}

/* A cell of the source's bytes [a, b). */
static void source_cell(const gctx *c, const source *src, bg_piece *cell, size_t a, size_t b)
{
    if (b > a) {
        bg_piece_slice(&src->p, a, b, cell);
        cell->line = line_at(c, src, a);
        cell->end_line = line_at(c, src, b - 1);
    }
    bg_piece_finish(cell);
}

/* The levels of a row that could not be read: rows after it under the same
 * levels take them (their own cells are empty, the level being merged). */
typedef struct {
    bg_piece level1, level2;
} pending;

static void pending_take(const gctx *c, const source *src, const lrow *r, pending *pd)
{
    if (r->b[BG_R_LEVEL1] > r->a[BG_R_LEVEL1]) {
        bg_piece_free(&pd->level1);
        bg_piece_free(&pd->level2);
        source_cell(c, src, &pd->level1, r->a[BG_R_LEVEL1], r->b[BG_R_LEVEL1]);
    }
    if (r->b[BG_R_LEVEL2] > r->a[BG_R_LEVEL2]) {
        bg_piece_free(&pd->level2);
        source_cell(c, src, &pd->level2, r->a[BG_R_LEVEL2], r->b[BG_R_LEVEL2]);
    }
}

/* A glued row into the table under its header's columns. The comparator
 * stays with its target as printed (>=95%), a 指标性质 column left empty:
 * the text draws no line between them. */
static void add_row(const gctx *c, const source *src, bg_table *tb, const lrow *r, pending *pd)
{
    bg_row *row = bg_table_new_row(tb, c->ncols, line_at(c, src, r->a[BG_R_LEVEL3]));
    int own1 = r->b[BG_R_LEVEL1] > r->a[BG_R_LEVEL1], own2 = r->b[BG_R_LEVEL2] > r->a[BG_R_LEVEL2];
    for (size_t i = 0; i < c->ncols; i++) {
        bg_role role = c->roles[i];
        bg_piece *held = role == BG_R_LEVEL1 && !own1 ? &pd->level1
                         : role == BG_R_LEVEL2 && !own1 && !own2 ? &pd->level2 : NULL;
        if (held && held->s) {
            bg_piece_append(&row->cells[i], held);
            bg_piece_finish(&row->cells[i]);
            continue;
        }
        size_t a = role == BG_R_TARGET && r->b[BG_R_NATURE] > r->a[BG_R_NATURE] ? r->a[BG_R_NATURE] : r->a[role];
        size_t b = role == BG_R_NATURE ? a : r->b[role];
        source_cell(c, src, &row->cells[i], a, b);
    }
    bg_piece_free(&pd->level1);     /* held once: the rows below fill down from this one */
    bg_piece_free(&pd->level2);
}

/* Is the row's actual its target, as printed? */
static int met(const source *src, const lrow *r)
{
    size_t ta = r->a[BG_R_TARGET], tl = r->b[BG_R_TARGET] - ta, aa = r->a[BG_R_ACTUAL];
    return tl > 0 && r->b[BG_R_ACTUAL] - aa == tl && memcmp(src->p.s + ta, src->p.s + aa, tl) == 0;
}

typedef struct {
    bg_table *tb;
    pending pd;
    int note;           /* the header has a note column (未完成原因…) */
    size_t to;          /* where the last row read ends (normalized offset) */
    long end_line;
} reading;

static void unsure(gctx *c, const source *src, size_t pos)
{
    size_t n = src->p.len - pos < 24 ? src->p.len - pos : 24;
    while (n > 0 && n < src->p.len - pos && ((unsigned char)src->p.s[pos + n] & 0xC0) == 0x80)
        n--;
    bg_warn(c->w, line_at(c, src, pos), "table: a row of an indicator table run together (%.*s…) has no certain "
            "split into its cells; not read", (int)n, src->p.s + pos);
}

enum { SRC_NONE, SRC_READ, SRC_ENDED };

/* The rows of src from byte pos on. Returns SRC_NONE when the table ended
 * before (no row and no level word at pos), SRC_ENDED when it ends inside
 * (text after it that is no row), SRC_READ when it may go on after src. */
static int read_rows(gctx *c, const source *src, size_t pos, reading *rd)
{
    lrow r;
    for (int any = 0; pos < src->p.len; any = 1) {
        size_t next = levels_row(c, src, pos, &r);
        if (next == ROW_NONE) {
            if (any)
                unsure(c, src, pos);
            return any ? SRC_ENDED : SRC_NONE;
        }
        if (next != (size_t)ROW_UNSURE) {
            add_row(c, src, rd->tb, &r, &rd->pd);
            rd->to = bg_piece_end(&src->p, next);
            rd->end_line = line_at(c, src, next - 1);
            pos = next;
            /* a note column is filled where the target was not met: what
             * follows such a row may be its note, up to the next group */
            if (!rd->note || met(src, &r) || pos >= src->p.len || levels_start(c, src, pos))
                continue;
        } else
            pending_take(c, src, &r, &rd->pd);
        unsure(c, src, pos);
        pos = next_levels(c, src, next == (size_t)ROW_UNSURE ? levels_at(c, src, pos, &r) : pos);
        if (pos == 0)
            return SRC_READ;
    }
    return SRC_READ;
}

/* An indicator table run together from byte h of line k: its rows while
 * each split is certain, into *f. Returns the number of rows read. */
static size_t read_levels(gctx *c, size_t k, size_t h, bg_found *f)
{
    source src;
    source_from(c, k, h, &src);
    int note;
    size_t pos = levels_header(c, &src, 0, &note);
    if (pos == 0) {
        bg_piece_free(&src.p);
        return 0;
    }
    bg_table *tb = &f->table;
    bg_row *hr = bg_table_new_row(tb, c->ncols, (long)k + 1);
    hr->header = 1;
    for (size_t i = 0; i < c->ncols; i++)
        source_cell(c, &src, &hr->cells[i], c->col_a[i], c->col_b[i]);
    reading rd = { tb, { { 0 }, { 0 } }, note, bg_piece_pos(&src.p, pos), (long)src.last + 1 };
    f->from = h;
    int more = read_rows(c, &src, pos, &rd);
    /* the rows of a table printed a line each (its header's line ended) */
    for (size_t j = src.last + 1; more == SRC_READ && j < c->l->nlines && j < c->t->nlines; j = src.last + 1) {
        if (c->l->line_kind[j] != BG_LINE_TEXT)
            break;
        bg_piece_free(&src.p);
        source_from(c, j, c->t->lines[j], &src);
        more = read_rows(c, &src, 0, &rd);
    }
    bg_piece_free(&src.p);
    bg_piece_free(&rd.pd.level1);
    bg_piece_free(&rd.pd.level2);
    f->to = rd.to;
    tb->shape = BG_SHAPE_GLUED;
    tb->line = (long)k + 1;
    tb->end_line = rd.end_line;
    return tb->n - 1;
}

/* Does s[0, n) hold the bytes of word? */
static int holds(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    for (const char *p = s; (p = memchr(p, word[0], n - (size_t)(p - s))) != NULL; p++)
        if ((size_t)(p - s) + w <= n && memcmp(p, word, w) == 0)
            return 1;
    return 0;
}

int bg_glued_levels(gctx *c, size_t k, bg_found *f)
{
    size_t a = c->t->lines[k], e = bg_line_end(c->t, k), ov[2];
    if (!holds(c->t->s + a, e - a, "二级")     /* the expression only where it may match */
        || !bg_match(c->m, &c->sr->glued_levels, c->t->s + a, e - a, 0, ov, 1, (long)k + 1))
        return 0;
    if (read_levels(c, k, a + ov[0], f) > 0)
        return 1;
    bg_warn(c->w, (long)k + 1, "table: an indicator table whose cells are run together with no separator; "
            "its rows are not read");
    return 0;
}
