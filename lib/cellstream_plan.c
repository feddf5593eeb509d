/* cellstream_plan.c — reading a stream of cells as a reader does (see
 * lib/cellstream.c): spotting each header among the cells, then the rows
 * under it, by what ends them. */
#include "cellstream_plan.h"
#include "budget.h"

#include <stdlib.h>
#include <string.h>

/* ---- the stream ----------------------------------------------------------- */

enum { C_TEXT, C_VALUE, C_SCORE };     /* C_SCORE: a 分值/得分 cell, also a value */

typedef struct {
    const bg_stream_rules *sr;
    const bg_table_rules *tr;
    bg_matcher *m;
    const bg_piece **cells;
    size_t n;
    unsigned char *cls;
    const unsigned char *marked;    /* numbered paragraphs, or NULL */
    signed char *role;      /* the role each cell names alone, once asked (ROLE_UNKNOWN before) */
    long *nchars;           /* its characters, once counted (-1 before) */
} sctx;

enum { ROLE_UNKNOWN = -2 };

/* A header found in the stream: its cells and their roles. */
typedef struct {
    bg_cs_slot *slots;
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
    size_t ov[2], i = 0;
    const bg_piece *p = c->cells[k];
    while (i < p->len && p->s[i] == ' ')
        i++;
    return i < p->len && p->s[i] == '('        /* its bracket first: no expression on every cell */
           && bg_match(c->m, &c->sr->unit_fragment, p->s, p->len, 0, ov, 1, p->line) && ov[0] <= i;
}

static long chars(sctx *c, size_t k)
{
    if (c->nchars[k] < 0)
        c->nchars[k] = (long)bg_piece_chars(c->cells[k]);
    return c->nchars[k];
}

/* A numbered paragraph (1、公务接待费) may be a row's label, never a piece
 * of a header cell. */
static int marked(const sctx *c, size_t k)
{
    return c->marked && c->marked[k];
}

static bg_role joined_role(sctx *c, size_t first, size_t count)
{
    if (count == 1 && c->role[first] != ROLE_UNKNOWN)
        return (bg_role)c->role[first];     /* a cell is asked again from every header start near it */
    bg_buf b = { 0 };
    for (size_t k = 0; k < count; k++)
        bg_buf_add(&b, c->cells[first + k]->s, c->cells[first + k]->len);
    bg_role r = b.len ? bg_header_role(c->tr, c->m, b.s, b.len, c->cells[first]->line) : BG_R_NONE;
    bg_buf_free(&b);
    if (count == 1)
        c->role[first] = (signed char)r;
    return r;
}

static int fragment(sctx *c, size_t k)
{
    return k < c->n && c->cls[k] == C_TEXT && !marked(c, k) && chars(c, k) <= c->sr->fragment_max_chars;
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

/* Does piece e go on with the header cell whose last piece is e - 1: its
 * unit, a bracketed note (得分 / (20分*执行率)), a last character (实际完成 /
 * 值, unless it starts the next cell: 分 / 值), or a piece a conjunction
 * ties to it (偏差原因 / 分析及 / 改进措施, 偏差原因分析 / 及改进措施)? */
static int header_goes_on(sctx *c, size_t e)
{
    size_t next;
    if (unit_only(c, e) || matches(c, &c->sr->annotation, e) || matches(c, &c->sr->continues_next, e - 1))
        return 1;
    if (!fragment(c, e))
        return 0;
    if (matches(c, &c->sr->continues_prev, e))
        return 1;
    if (chars(c, e) != 1 && !matches(c, &c->sr->continues_next, e))
        return 0;
    return named_from(c, e, &next) == BG_R_NONE;
}

/* The header cell starting at cell k: alone, or joined with the pieces it
 * was broken into (the shortest join that names a column), then with the
 * pieces that go on with it. An unnamed cell counts when it looks like a
 * column name (执行率); the caller keeps it only between named ones. */
static int header_cell(sctx *c, size_t k, bg_cs_slot *s, bg_role *role)
{
    if (c->cls[k] != C_TEXT || marked(c, k) || chars(c, k) > c->sr->header_max_chars || unit_only(c, k))
        return 0;
    s->first = k;
    *role = named_from(c, k, &s->count);
    if (*role == BG_R_NONE && !matches(c, &c->sr->header_like, k))
        return 0;
    for (size_t e = k + s->count; e < c->n && c->cls[e] == C_TEXT && header_goes_on(c, e); e++)
        s->count++;
    return 1;
}

static void header_push(header *h, bg_cs_slot s, bg_role role)
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
    bg_cs_slot s;
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

/* Does bg_cs_slot s, its pieces read joined, match re? */
static int slot_matches(sctx *c, const bg_regex *re, const bg_cs_slot *s)
{
    size_t ov[2];
    bg_buf b = { 0 };
    for (size_t k = 0; k < s->count; k++)
        bg_buf_add(&b, c->cells[s->first + k]->s, c->cells[s->first + k]->len);
    int yes = b.len && bg_match(c->m, re, b.s, b.len, 0, ov, 1, c->cells[s->first]->line);
    bg_buf_free(&b);
    return yes;
}

/* Can figures [t, v) stand in columns col, col + 1 … of h? Not when a
 * percentage would stand under a column that is not a rate (分值 100%). */
static int figures_fit(sctx *c, const header *h, size_t col, size_t t, size_t v)
{
    if (col + (v - t) > h->n)
        return 0;
    for (size_t i = t; i < v; i++)
        if (matches(c, &c->sr->percent, i) && !slot_matches(c, &c->sr->rate_header, &h->slots[col + i - t]))
            return 0;
    return 1;
}

/* A header of figures only, no corner before it, its first cell carrying
 * the unit (年度预算申请(万元) 年初预算数 … 得分): is that first cell the
 * corner? Yes when the first row's figures fit under the cells after it and
 * not under all of them (its 100% would stand under 分值). */
static int first_is_corner(sctx *c, const header *h)
{
    size_t t = h->end, v;
    if (h->n < 2 || !slot_matches(c, &c->sr->unit_fragment, &h->slots[0]))
        return 0;
    while (t < c->n && c->cls[t] == C_TEXT)
        t++;
    for (v = t; v < c->n && c->cls[v] != C_TEXT; v++)
        ;
    return v > t && figures_fit(c, h, 1, t, v) && !figures_fit(c, h, 0, t, v);
}

/* A header of figures only has no name column, yet its rows start with a
 * label (年度资金总额): give it one. Its header is the corner cell before the
 * header when it states the unit (项目资金 / (万元), 项目资金(万元)), else its
 * own first cell when the rows say so, else blank. */
static void add_corner(sctx *c, header *h, size_t lo)
{
    size_t k = h->start;
    while (k > lo && matches(c, &c->sr->annotation, k - 1) && !unit_only(c, k - 1))
        k--;                /* 预算执行情况(万元) / (20分) */
    if (k > lo && unit_only(c, k - 1)) {
        k--;
        if (k > lo && corner_name(c, k - 1))
            k--;
    } else if (k > lo && corner_name(c, k - 1) && matches(c, &c->sr->unit_fragment, k - 1)) {
        k--;
    } else {
        k = h->start;
        if (first_is_corner(c, h)) {
            h->roles[0] = BG_R_LABEL;
            h->split = 1;
            return;
        }
    }
    bg_cs_slot corner = { k, h->start - k };
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

static bg_cs_row *new_row(bg_cs_plan *pl, bg_cs_kind kind, size_t width, size_t from, size_t to)
{
    bg_cs_row r = { kind, bg_xcalloc(width ? width : 1, sizeof(bg_cs_slot)), width, from, to, 0 };
    for (size_t k = 0; k < width; k++)
        r.slots[k].first = from;
    BG_PUSH(pl->rows, pl->n, pl->cap, r);
    return &pl->rows[pl->n - 1];
}

static void raw_row(bg_cs_plan *pl, size_t from, size_t to, int warn)
{
    if (to <= from)
        return;
    bg_cs_row *r = new_row(pl, BG_CS_RAW, to - from, from, to);
    for (size_t k = 0; k < to - from; k++)
        r->slots[k] = (bg_cs_slot){ from + k, 1 };
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

/* A row of one cell in the label column: a label with its figure in the
 * same cell (项目支出:12.50), or a label whose figures are all blank. */
static void label_row(const header *h, bg_cs_plan *pl, size_t k)
{
    bg_cs_row *r = new_row(pl, BG_CS_ROW, h->n, k, k + 1);
    r->slots[h->split ? h->split - 1 : 0] = (bg_cs_slot){ k, 1 };
}

/* Does a row's label start at cell k for certain: the cell before it ends
 * one (a placeholder ……, a label ending in a colon)? */
static int label_starts(sctx *c, size_t k)
{
    size_t ov[2];
    const bg_piece *p = c->cells[k - 1];
    return bg_match(c->m, &c->tr->placeholder, p->s, p->len, 0, ov, 1, p->line)
           || matches(c, &c->sr->labelled, k - 1);
}

/* The columns of figures [t, v): from the left (blank cells at the right);
 * when that puts a percentage under 分值, the one placement the row's rate
 * confirms (执行率 = 执行数 / 预算数, budget.c). 0 when there is none. */
static int figures_at(sctx *c, const header *h, size_t t, size_t v, size_t *cols)
{
    if (figures_fit(c, h, h->split, t, v)) {
        for (size_t i = 0; i < v - t; i++)
            cols[i] = h->split + i;
        return 1;
    }
    bg_fig *figs = bg_xcalloc(v - t, sizeof *figs);
    unsigned char *rate = bg_xcalloc(h->n, 1);
    int ok = 1;
    for (size_t i = t; i < v && ok; i++)
        ok = bg_fig_parse(c->cells[i]->s, c->cells[i]->len, &figs[i - t]);
    for (size_t k = 0; k < h->n; k++)
        rate[k] = (unsigned char)slot_matches(c, &c->sr->rate_header, &h->slots[k]);
    bg_budget_cols bc = { h->roles, rate, h->n, (double)c->sr->rate_slack };
    ok = ok && bg_budget_place(&bc, h->split, figs, v - t, cols);
    free(figs);
    free(rate);
    return ok;
}

/* Rows of a table of figures: a label, then figures from the left. Labels
 * standing alone before a row's label are rows with blank figures when the
 * row's label starts for certain; cells holding label and figure
 * (按支出性质分:1925.67) right after a row are rows of their own. */
static void figure_rows(sctx *c, const header *h, size_t a, size_t b, bg_cs_plan *pl)
{
    size_t nv = h->n - h->split;
    int after_row = 0;
    for (size_t p = a; p < b;) {
        if (after_row && c->cls[p] == C_TEXT && matches(c, &c->sr->labelled, p) && (p + 1 == b || c->cls[p + 1] == C_TEXT)) {
            label_row(h, pl, p++);
            continue;
        }
        size_t t = p, v;
        while (t < b && c->cls[t] == C_TEXT)
            t++;
        for (v = t; v < b && c->cls[v] != C_TEXT; v++)
            ;
        size_t names = t - p, vals = v - t;
        if (names > h->split && vals > 0 && h->split == 1 && label_starts(c, t - 1)) {
            while (p < t - 1)
                label_row(h, pl, p++);
            names = 1;
        }
        after_row = !(names == 0 || names > h->split || vals == 0 || vals > nv || !names_at(c, p, names));
        size_t *cols = bg_xcalloc(vals ? vals : 1, sizeof *cols);
        after_row = after_row && figures_at(c, h, t, v, cols);
        if (!after_row) {
            free(cols);
            raw_row(pl, p, v, 1);
            p = v;
            continue;
        }
        bg_cs_row *r = new_row(pl, BG_CS_ROW, h->n, p, v);
        for (size_t i = 0; i < names; i++)
            r->slots[h->split - names + i] = (bg_cs_slot){ p + i, 1 };
        for (size_t i = 0; i < vals; i++)
            r->slots[cols[i]] = (bg_cs_slot){ t + i, 1 };
        free(cols);
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

static int level_word_at(sctx *c, const bg_cs_slot *s)
{
    return s->count == 1 && matches(c, &c->sr->level_word, s->first);
}

/* A level name (数量指标) read as a 三级指标, a target or an actual means a
 * cell vanished somewhere in the row: no certain reading. */
static int row_doubtful(sctx *c, const header *h, const ind_shape *sh, const bg_cs_row *r)
{
    for (size_t k = 0; k < h->split; k++)
        if (r->slots[k].count && !names_at(c, r->slots[k].first, 1))     /* 产出指标 / 30分): its weight */
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

static int placeholder_at(sctx *c, size_t k)
{
    size_t ov[2];
    return bg_match(c->m, &c->tr->placeholder, c->cells[k]->s, c->cells[k]->len, 0, ov, 1, c->cells[k]->line);
}

/* The names [p, p + n) of a row as cells: a piece goes on with the name
 * before it when it is that name's weight ((50), 30分)) or completes a level
 * name (数量 / 指标, 经济效 / 益指标). A placeholder (……) ends an empty
 * template row (指标2 / ……): it and the names before it are set apart as a
 * raw row. Returns the count; the first name starts at *from. */
static size_t name_cells(sctx *c, bg_cs_plan *pl, size_t p, size_t n, bg_cs_slot *out, size_t *from)
{
    size_t k = 0;
    for (size_t i = p + n; i-- > p;)
        if (placeholder_at(c, i)) {
            raw_row(pl, p, i + 1, 0);
            n -= i + 1 - p;
            p = i + 1;
            break;
        }
    *from = p;
    for (size_t i = p; i < p + n; i++) {
        if (k > 0) {
            bg_cs_slot longer = { out[k - 1].first, out[k - 1].count + 1 };
            if (matches(c, &c->sr->weight_piece, i) || slot_matches(c, &c->sr->level_word, &longer)) {
                out[k - 1] = longer;
                continue;
            }
        }
        out[k++] = (bg_cs_slot){ i, 1 };
    }
    return k;
}

/* Does the row [p, r) end with a number in its note column (分值 10 得分 10
 * 偏差原因 0)? Yes when with it among the values a figure would stand among
 * the names, and without it not. */
static int number_note(sctx *c, const ind_shape *sh, size_t p, size_t q, size_t r)
{
    if (!sh->has_tail || r - q <= sh->f || r - p < sh->nc + 2)
        return 0;
    return !names_at(c, p, r - p - sh->nc) && names_at(c, p, r - 1 - p - sh->nc);
}

/* One indicator row ending at cell r (exclusive), starting at p. Returns
 * where the next row starts. */
static size_t indicator_row(sctx *c, const header *h, const ind_shape *sh, size_t p, size_t q, size_t r,
                            size_t b, bg_cs_plan *pl)
{
    int note = number_note(c, sh, p, q, r);
    r -= (size_t)note;
    size_t k = r - p;
    if (k < sh->nc + 1) {
        /* 总分 100 97.72: a label and the figures of the last columns */
        if (q - p != 1 || r - q > sh->f) {
            raw_row(pl, p, r, 1);
            return r;
        }
        bg_cs_row *row = new_row(pl, BG_CS_ROW, h->n, p, r);
        row->slots[0] = (bg_cs_slot){ p, 1 };
        for (size_t i = 0; i < r - q; i++)
            row->slots[sh->lastfig + 1 - (r - q) + i] = (bg_cs_slot){ q + i, 1 };
        return r;
    }
    bg_cs_slot *nm = bg_xcalloc(k - sh->nc, sizeof *nm);
    size_t names = name_cells(c, pl, p, k - sh->nc, nm, &p), skip = 0;
    if (names > h->split) {
        skip = names - h->split;
        raw_row(pl, p, nm[skip].first, 1);
        p = nm[skip].first;
        names = h->split;
    }
    size_t end = r + (size_t)(note || note_at(c, sh, r, b));
    bg_cs_row *row = new_row(pl, BG_CS_ROW, h->n, p, end);
    for (size_t i = 0; i < names; i++)
        row->slots[h->split - names + i] = nm[skip + i];
    free(nm);
    for (size_t i = 0; i < sh->nc; i++)
        row->slots[h->split + i] = (bg_cs_slot){ r - sh->nc + i, 1 };
    if (end > r)
        row->slots[sh->lastfig + 1] = (bg_cs_slot){ r, 1 };
    if (row_doubtful(c, h, sh, row)) {
        free(row->slots);
        pl->n--;
        raw_row(pl, p, end, 1);
    }
    return end;
}

static void indicator_rows(sctx *c, const header *h, size_t a, size_t b, bg_cs_plan *pl)
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

static void header_row(const header *h, bg_cs_plan *pl)
{
    bg_cs_row *r = new_row(pl, BG_CS_HEADER, h->n, h->start, h->end);
    memcpy(r->slots, h->slots, h->n * sizeof *h->slots);
}

static void read_stream(sctx *c, bg_cs_plan *pl)
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

void bg_cs_plan_free(bg_cs_plan *pl)
{
    for (size_t i = 0; i < pl->n; i++)
        free(pl->rows[i].slots);
    free(pl->rows);
    memset(pl, 0, sizeof *pl);
}

int bg_cs_plan_read(const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m, const bg_piece **cells,
                    const unsigned char *marks, size_t n, bg_cs_plan *pl)
{
    sctx c = { sr, tr, m, cells, n, bg_xcalloc(n ? n : 1, 1), marks, bg_xmalloc(n ? n : 1),
               bg_xmalloc((n ? n : 1) * sizeof(long)) };
    memset(c.role, ROLE_UNKNOWN, n ? n : 1);
    for (size_t k = 0; k < n; k++)
        c.nchars[k] = -1;
    for (size_t k = 0; k < n; k++)
        c.cls[k] = matches(&c, &sr->score_value, k) ? C_SCORE : matches(&c, &sr->value, k) ? C_VALUE : C_TEXT;
    memset(pl, 0, sizeof *pl);
    read_stream(&c, pl);
    free(c.cls);
    free(c.role);
    free(c.nchars);
    for (size_t i = 0; i < pl->n; i++)
        if (pl->rows[i].kind == BG_CS_ROW)
            return 1;
    bg_cs_plan_free(pl);
    return 0;
}
