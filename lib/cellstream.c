/* cellstream.c — rebuild tables whose cells come one after another with no
 * row breaks (a spreadsheet flattened one cell per line, or saved as one
 * line).
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
#include "cellstream.h"

#include <stdlib.h>
#include <string.h>

/* ---- rules ---------------------------------------------------------------- */

static int compile_record(const bg_record *r, bg_stream_rules *sr, baogao_error *err)
{
    bg_regex_slot res[] = {
        { "value", &sr->value }, { "score_value", &sr->score_value }, { "header_like", &sr->header_like },
        { "unit_fragment", &sr->unit_fragment }, { "note", &sr->note }, { "level_word", &sr->level_word },
        { "value_text", &sr->value_text },
    };
    struct { const char *key; long *v; } ints[] = {
        { "fragment_max_chars", &sr->fragment_max_chars }, { "max_fragments", &sr->max_fragments },
        { "header_max_chars", &sr->header_max_chars }, { "column_slack", &sr->column_slack },
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
                        &sr->level_word, &sr->value_text };
    for (size_t i = 0; i < sizeof res / sizeof res[0]; i++)
        bg_regex_free(res[i]);
    memset(sr, 0, sizeof *sr);
}

/* ---- the stream ----------------------------------------------------------- */

enum { C_TEXT, C_VALUE, C_SCORE };     /* C_SCORE: a 分值/得分 cell, also a value */

typedef struct {
    size_t first, count;    /* cells [first, first + count) read as one; count 0: a blank cell */
} slot;

typedef enum { P_HEADER, P_ROW, P_RAW } plan_kind;

typedef struct {
    plan_kind kind;
    slot *slots;
    size_t n;
    size_t from, to;        /* the cells it covers */
    int warn;               /* raw cells after a header: a reader could not place them */
} plan_row;

typedef struct {
    plan_row *rows;
    size_t n, cap;
} plan;

typedef struct {
    const bg_stream_rules *sr;
    const bg_table_rules *tr;
    bg_matcher *m;
    const bg_piece **cells;
    size_t n;
    unsigned char *cls;
} sctx;

/* A header found in the stream: its cells and their roles. */
typedef struct {
    slot *slots;
    bg_role *roles;
    size_t n, slots_cap, roles_cap;
    size_t split;           /* name columns [0, split) */
    size_t start, end;      /* the cells it covers, its corner included */
} header;

static int matches(sctx *c, const bg_regex *re, size_t k)
{
    size_t ov[2];
    const bg_piece *p = c->cells[k];
    return p->len && bg_match(c->m, re, p->s, p->len, 0, ov, 1, p->line);
}

/* Is cell k only a unit, (万元)? A longer cell may end with one (项目资金(万元)). */
static int unit_only(sctx *c, size_t k)
{
    size_t ov[2];
    const bg_piece *p = c->cells[k];
    return p->len && bg_match(c->m, &c->sr->unit_fragment, p->s, p->len, 0, ov, 1, p->line) && ov[0] == 0;
}

static long chars(sctx *c, size_t k)
{
    return (long)bg_piece_chars(c->cells[k]);
}

static bg_role joined_role(sctx *c, size_t first, size_t count)
{
    bg_buf b = { 0 };
    for (size_t k = 0; k < count; k++)
        bg_buf_add(&b, c->cells[first + k]->s, c->cells[first + k]->len);
    bg_role r = b.len ? bg_header_role(c->tr, c->m, b.s, b.len, c->cells[first]->line) : BG_R_NONE;
    bg_buf_free(&b);
    return r;
}

static int fragment(sctx *c, size_t k)
{
    return k < c->n && c->cls[k] == C_TEXT && chars(c, k) <= c->sr->fragment_max_chars;
}

/* The role named by cell k alone or joined with the pieces after it. */
static bg_role named_from(sctx *c, size_t k, size_t *count)
{
    *count = 1;
    bg_role role = joined_role(c, k, 1);
    for (size_t j = 2; role == BG_R_NONE && fragment(c, k) && j <= (size_t)c->sr->max_fragments; j++) {
        if (!fragment(c, k + j - 1))
            break;
        role = joined_role(c, k, j);
        *count = role == BG_R_NONE ? 1 : j;
    }
    return role;
}

/* The header cell starting at cell k: alone, or joined with the pieces it
 * was broken into (the shortest join that names a column), then with its
 * unit or last character on a line of its own. An unnamed cell counts when
 * it looks like a column name (执行率); the caller keeps it only between
 * named ones. */
static int header_cell(sctx *c, size_t k, slot *s, bg_role *role)
{
    if (c->cls[k] != C_TEXT || unit_only(c, k) || chars(c, k) > c->sr->header_max_chars)
        return 0;
    s->first = k;
    *role = named_from(c, k, &s->count);
    if (*role == BG_R_NONE && !matches(c, &c->sr->header_like, k))
        return 0;
    /* a last character (实际完成 / 值), unless it starts the next cell (分 / 值) */
    size_t next;
    for (size_t e = k + s->count; e < c->n && c->cls[e] == C_TEXT; e++) {
        if (!unit_only(c, e) && (chars(c, e) != 1 || named_from(c, e, &next) != BG_R_NONE))
            break;
        s->count++;
    }
    return 1;
}

static void header_push(header *h, slot s, bg_role role)
{
    size_t n = h->n;
    BG_PUSH(h->slots, h->n, h->slots_cap, s);
    BG_PUSH(h->roles, n, h->roles_cap, role);
}

/* A header whose first cell is cell i: at least three cells naming columns.
 * *stop: where its run of header-like cells ended (a header starting inside
 * the run has no more named cells: the search resumes there, in linear time). */
static int header_at(sctx *c, size_t i, header *h, size_t *stop)
{
    slot s;
    bg_role role;
    size_t k = i, keep = 0, named = 0;
    h->n = 0;
    h->end = i;
    while (k < c->n && header_cell(c, k, &s, &role)) {
        header_push(h, s, role);
        k = s.first + s.count;
        if (role != BG_R_NONE) {
            named++;
            keep = h->n;
            h->end = k;
        }
    }
    *stop = k;
    h->n = keep;            /* unnamed cells after the last named one are the rows' */
    if (named < 3)
        return 0;
    h->start = i;
    h->split = 0;
    for (size_t j = 0; j < h->n; j++)
        if (bg_role_is_left(h->roles[j]))
            h->split = j + 1;
    return 1;
}

static int corner_name(sctx *c, size_t k)
{
    return c->cls[k] == C_TEXT && chars(c, k) <= c->sr->header_max_chars && joined_role(c, k, 1) == BG_R_NONE;
}

/* A header of figures only has no name column, yet its rows start with a
 * label (年度资金总额): give it one. Its header is the corner cell before the
 * header when it states the unit (项目资金 / (万元), 项目资金(万元)), else blank. */
static void add_corner(sctx *c, header *h, size_t lo)
{
    size_t k = h->start;
    if (k > lo && unit_only(c, k - 1)) {
        k--;
        if (k > lo && corner_name(c, k - 1))
            k--;
    } else if (k > lo && corner_name(c, k - 1) && matches(c, &c->sr->unit_fragment, k - 1))
        k--;
    slot corner = { k, h->start - k };
    header_push(h, corner, BG_R_LABEL);
    memmove(h->slots + 1, h->slots, (h->n - 1) * sizeof *h->slots);
    memmove(h->roles + 1, h->roles, (h->n - 1) * sizeof *h->roles);
    h->slots[0] = corner;
    h->roles[0] = BG_R_LABEL;
    h->split = 1;
    h->start = k;
}

static int next_header(sctx *c, size_t from, header *h)
{
    size_t stop;
    for (size_t i = from; i < c->n; i = stop > i + 1 ? stop : i + 1)
        if (header_at(c, i, h, &stop)) {
            if (h->split == 0)
                add_corner(c, h, from);
            return 1;
        }
    return 0;
}

/* ---- rows ----------------------------------------------------------------- */

static plan_row *new_row(plan *pl, plan_kind kind, size_t width, size_t from, size_t to)
{
    plan_row r = { kind, bg_xcalloc(width ? width : 1, sizeof(slot)), width, from, to, 0 };
    for (size_t k = 0; k < width; k++)
        r.slots[k].first = from;
    BG_PUSH(pl->rows, pl->n, pl->cap, r);
    return &pl->rows[pl->n - 1];
}

static void raw_row(plan *pl, size_t from, size_t to, int warn)
{
    if (to <= from)
        return;
    plan_row *r = new_row(pl, P_RAW, to - from, from, to);
    for (size_t k = 0; k < to - from; k++)
        r->slots[k] = (slot){ from + k, 1 };
    r->warn = warn;
}

/* Are cells [p, p + n) names? A cell that starts with a figure (100人, ≥90%)
 * is a value whose row lost a cell, never a name. */
static int names_at(sctx *c, size_t p, size_t n)
{
    for (size_t k = p; k < p + n; k++)
        if (matches(c, &c->sr->value_text, k))
            return 0;
    return 1;
}

/* Rows of a table of figures: a label, then figures from the left. */
static void figure_rows(sctx *c, const header *h, size_t a, size_t b, plan *pl)
{
    size_t nv = h->n - h->split;
    for (size_t p = a; p < b;) {
        size_t t = p, v;
        while (t < b && c->cls[t] == C_TEXT)
            t++;
        for (v = t; v < b && c->cls[v] != C_TEXT; v++)
            ;
        size_t names = t - p, vals = v - t;
        if (names == 0 || names > h->split || vals == 0 || vals > nv || !names_at(c, p, names)) {
            raw_row(pl, p, v, 1);
            p = v;
            continue;
        }
        plan_row *r = new_row(pl, P_ROW, h->n, p, v);
        for (size_t i = 0; i < names; i++)
            r->slots[h->split - names + i] = (slot){ p + i, 1 };
        for (size_t i = 0; i < vals; i++)
            r->slots[h->split + i] = (slot){ t + i, 1 };
        p = v;
    }
}

/* The first run of at least f score cells in [p, b): [*q, *r). */
static int score_run(sctx *c, size_t p, size_t b, size_t f, size_t *q, size_t *r)
{
    for (size_t i = p; i + f <= b; i++) {
        size_t k = 0;
        while (k < f && c->cls[i + k] == C_SCORE)
            k++;
        if (k < f)
            continue;
        size_t e = i + f;
        while (e < b && c->cls[e] == C_SCORE)
            e++;
        *q = i;
        *r = e;
        return 1;
    }
    return 0;
}

/* The shape of an indicator header's values: the core runs from the first
 * value column to the last figure column, which ends f figure columns. */
typedef struct {
    size_t lastfig, f, nc;
    int has_tail;           /* a column after the figures: the note */
} ind_shape;

static int level_word_at(sctx *c, const slot *s)
{
    return s->count == 1 && matches(c, &c->sr->level_word, s->first);
}

/* A level name (数量指标) read as a 三级指标, a target or an actual means a
 * cell vanished somewhere in the row: no certain reading. */
static int row_doubtful(sctx *c, const header *h, const ind_shape *sh, const plan_row *r)
{
    for (size_t k = 0; k < h->split; k++)
        if (r->slots[k].count && !names_at(c, r->slots[k].first, r->slots[k].count))
            return 1;
    if (h->split > 0 && h->roles[h->split - 1] == BG_R_LEVEL3 && level_word_at(c, &r->slots[h->split - 1]))
        return 1;
    for (size_t k = h->split; k < sh->lastfig; k++)
        if (!bg_role_is_figure(h->roles[k]) && level_word_at(c, &r->slots[k]))
            return 1;
    return 0;
}

/* Is cell k the note of the row before (and not the name the next row needs)? */
static int note_at(sctx *c, const ind_shape *sh, size_t k, size_t b)
{
    if (!sh->has_tail || k >= b || c->cls[k] != C_TEXT || !matches(c, &c->sr->note, k)
        || matches(c, &c->sr->level_word, k))
        return 0;
    size_t q, r;
    if (score_run(c, k + 1, b, sh->f, &q, &r) && r - (k + 1) < sh->nc + 1 && r - k >= sh->nc + 1)
        return 0;           /* without it the next row would lack its name */
    return 1;
}

/* One indicator row ending at cell r (exclusive), starting at p. Returns
 * where the next row starts. */
static size_t indicator_row(sctx *c, const header *h, const ind_shape *sh, size_t p, size_t q, size_t r,
                            size_t b, plan *pl)
{
    size_t k = r - p;
    if (k < sh->nc + 1) {
        /* 总分 100 97.72: a label and the figures of the last columns */
        if (q - p != 1 || r - q > sh->f) {
            raw_row(pl, p, r, 1);
            return r;
        }
        plan_row *row = new_row(pl, P_ROW, h->n, p, r);
        row->slots[0] = (slot){ p, 1 };
        for (size_t i = 0; i < r - q; i++)
            row->slots[sh->lastfig + 1 - (r - q) + i] = (slot){ q + i, 1 };
        return r;
    }
    size_t names = k - sh->nc;
    if (names > h->split) {
        raw_row(pl, p, p + names - h->split, 1);
        p += names - h->split;
        names = h->split;
    }
    size_t end = r + (size_t)note_at(c, sh, r, b);
    plan_row *row = new_row(pl, P_ROW, h->n, p, end);
    for (size_t i = 0; i < names; i++)
        row->slots[h->split - names + i] = (slot){ p + i, 1 };
    for (size_t i = 0; i < sh->nc; i++)
        row->slots[h->split + i] = (slot){ r - sh->nc + i, 1 };
    if (end > r)
        row->slots[sh->lastfig + 1] = (slot){ r, 1 };
    if (row_doubtful(c, h, sh, row)) {
        free(row->slots);
        pl->n--;
        raw_row(pl, p, end, 1);
    }
    return end;
}

static void indicator_rows(sctx *c, const header *h, size_t a, size_t b, plan *pl)
{
    ind_shape sh = { 0, 0, 0, 0 };
    int found = 0;
    for (size_t k = h->split; k < h->n; k++)
        if (bg_role_is_figure(h->roles[k])) {
            sh.lastfig = k;
            found = 1;
        }
    if (!found) {           /* no figures end its rows: no certain row breaks */
        raw_row(pl, a, b, 1);
        return;
    }
    for (size_t k = sh.lastfig + 1; k-- > h->split && bg_role_is_figure(h->roles[k]);)
        sh.f++;
    sh.nc = sh.lastfig + 1 - h->split;
    sh.has_tail = sh.lastfig + 1 < h->n;
    for (size_t p = a; p < b;) {
        size_t q, r;
        if (!score_run(c, p, b, sh.f, &q, &r)) {
            raw_row(pl, p, b, 1);
            return;
        }
        p = indicator_row(c, h, &sh, p, q, r, b, pl);
    }
}

static int figures_only(const header *h)
{
    for (size_t k = h->split; k < h->n; k++)
        if (!bg_role_is_figure(h->roles[k]) && h->roles[k] != BG_R_NONE)
            return 0;
    return 1;
}

static void header_row(const header *h, plan *pl)
{
    plan_row *r = new_row(pl, P_HEADER, h->n, h->start, h->end);
    memcpy(r->slots, h->slots, h->n * sizeof *h->slots);
}

static void read_stream(sctx *c, plan *pl)
{
    header h = { 0 }, next = { 0 };
    int have = next_header(c, 0, &h), after = 0;
    size_t i = 0;
    while (have) {
        raw_row(pl, i, h.start, after);     /* before the first header: the sheet's own fields */
        header_row(&h, pl);
        int more = next_header(c, h.end, &next);
        size_t b = more ? next.start : c->n;
        if (figures_only(&h))
            figure_rows(c, &h, h.end, b, pl);
        else
            indicator_rows(c, &h, h.end, b, pl);
        i = b;
        after = 1;
        header tmp = h;
        h = next;
        next = tmp;
        have = more;
    }
    raw_row(pl, i, c->n, after);
    free(h.slots);
    free(h.roles);
    free(next.slots);
    free(next.roles);
}

static void plan_free(plan *pl)
{
    for (size_t i = 0; i < pl->n; i++)
        free(pl->rows[i].slots);
    free(pl->rows);
    memset(pl, 0, sizeof *pl);
}

/* Read cells as a stream; returns 1 when a header with a row was found. */
static int stream_plan(const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m,
                       const bg_piece **cells, size_t n, plan *pl)
{
    sctx c = { sr, tr, m, cells, n, bg_xcalloc(n ? n : 1, 1) };
    for (size_t k = 0; k < n; k++)
        c.cls[k] = matches(&c, &sr->score_value, k) ? C_SCORE : matches(&c, &sr->value, k) ? C_VALUE : C_TEXT;
    memset(pl, 0, sizeof *pl);
    read_stream(&c, pl);
    free(c.cls);
    for (size_t i = 0; i < pl->n; i++)
        if (pl->rows[i].kind == P_ROW)
            return 1;
    plan_free(pl);
    return 0;
}

/* ---- rows of pieces ------------------------------------------------------- */

/* A row of new pieces (the cells stay with their owner). */
static void build_row(const plan_row *pr, const bg_piece **cells, bg_row *out)
{
    memset(out, 0, sizeof *out);
    out->raw = pr->kind == P_RAW;
    out->n = out->cap = pr->n;
    out->cells = bg_xcalloc(pr->n ? pr->n : 1, sizeof *out->cells);
    const bg_piece *at = cells[pr->from];
    for (size_t k = 0; k < pr->n; k++) {
        bg_piece *p = &out->cells[k];
        const slot *s = &pr->slots[k];
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

static void count_raw(raw_count *rc, const bg_row *row, const plan_row *pr)
{
    if (pr->kind != P_RAW || !pr->warn)
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
    plan pl;
    if (stream_plan(sr, tr, m, cells, old->n, &pl)) {
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
        plan_free(&pl);
    }
    free(cells);
}

/* ---- tables flattened one cell per line ------------------------------------ */

/* Which plan rows become table rows: headers, rows, and raw stretches
 * between rows of one header. A raw stretch before a header or at the end
 * stays paragraphs (prose around the table, the sheet's own fields). */
static void keep_rows(const plan *pl, unsigned char *keep)
{
    for (size_t i = 0; i < pl->n; i++) {
        keep[i] = pl->rows[i].kind != P_RAW;
        if (keep[i])
            continue;
        size_t a = i, b = i;
        while (a > 0 && pl->rows[a - 1].kind == P_RAW)
            a--;
        while (b < pl->n && pl->rows[b].kind == P_RAW)
            b++;
        keep[i] = a > 0 && b < pl->n && pl->rows[b].kind == P_ROW;
    }
    /* a header with no row under it is not a table */
    for (size_t i = 0; i < pl->n; i++)
        if (pl->rows[i].kind == P_HEADER && (i + 1 == pl->n || !keep[i + 1] || pl->rows[i + 1].kind == P_HEADER))
            keep[i] = 0;
}

typedef struct {
    bg_table table;
    size_t first, last;     /* cells it took, then (after region_tables) their blocks */
} region;

static void region_tables(const plan *pl, const bg_piece **cells, bg_warnings *w, region **out, size_t *nout)
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

/* Paragraphs [b0, b1) as one stream; numbered headings end a stream. */
static void rebuild_paragraphs(const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m, bg_warnings *w,
                               bg_layout *l)
{
    const bg_piece **cells = bg_xcalloc(l->n ? l->n : 1, sizeof *cells);
    size_t *block_of = bg_xcalloc(l->n ? l->n : 1, sizeof *block_of);
    region *rg = NULL;
    size_t nrg = 0;
    for (size_t b = 0; b < l->n;) {
        size_t n = 0;
        for (; b < l->n && l->blocks[b].kind == BG_BLOCK_PARA && !l->blocks[b].has_marker; b++) {
            block_of[n] = b;
            cells[n++] = &l->blocks[b].text;
        }
        plan pl;
        if (n && stream_plan(sr, tr, m, cells, n, &pl)) {
            size_t before = nrg;
            region_tables(&pl, cells, w, &rg, &nrg);
            for (size_t r = before; r < nrg; r++) {     /* cell indices to this stream's blocks */
                rg[r].first = block_of[rg[r].first];
                rg[r].last = block_of[rg[r].last];
            }
            plan_free(&pl);
        }
        if (n == 0)
            b++;
    }
    if (nrg)
        splice(l, rg, nrg);
    free(rg);
    free(cells);
    free(block_of);
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
