/* tables.c — column roles from headers, and rows mapped onto them.
 *
 * Word tables lose merged cells when they become text, and a row then has
 * fewer cells than its header. A reader sees the name columns at the left
 * (levels, merged downwards) and the value columns at the right, so a row is
 * mapped in two halves: the value columns aligned from the row's end, the
 * name columns from the rest. Rows whose trailing cells are empty are tried
 * with and without them, and the reading whose cell types fit the columns
 * (numbers under 分值/得分, names under 三级指标) wins. */
#include "tables.h"

#include <stdlib.h>
#include <string.h>

static const char *role_names[BG_R_COUNT] = {
    "label", "level1", "level2", "level3", "description", "standard", "category", "basis", "history",
    "target", "actual", "weight", "score", "note", "seq", "name", "budget", "executed", "returned",
    "goal", "result", "nature", "unit",
};

/* ---- compiling ------------------------------------------------------------ */

static int compile_column(const bg_record *r, bg_table_rules *tr, baogao_error *err)
{
    const bg_kv *role = bg_record_get(r, "role"), *header = bg_record_get(r, "header");
    if (!role || !header)
        return bg_pattern_error(err, r->file, r->line, "[column] needs role and header");
    bg_column_rule c = { BG_R_NONE, { 0 } };
    for (int i = 0; i < BG_R_COUNT; i++)
        if (strcmp(role->value, role_names[i]) == 0)
            c.role = (bg_role)i;
    if (c.role == BG_R_NONE)
        return bg_pattern_error(err, role->file, role->line, "unknown column role \"%s\"", role->value);
    if (bg_regex_compile(header, &c.header, err) < 0)
        return -1;
    BG_PUSH(tr->columns, tr->ncolumns, tr->columns_cap, c);
    return 0;
}

static int compile_scale(const bg_record *r, bg_table_rules *tr, baogao_error *err)
{
    const bg_kv *words = bg_record_get(r, "words");
    if (!words)
        return bg_pattern_error(err, r->file, r->line, "[quality-scale] needs words");
    bg_scale sc = { NULL, 0 };
    size_t cap = 0;
    const char *s = words->value;
    while (*s) {
        const char *bar = strchr(s, '|');
        size_t n = bar ? (size_t)(bar - s) : strlen(s);
        char *w = bg_xstrndup(s, n);
        BG_PUSH(sc.words, sc.n, cap, w);
        s += n + (bar != NULL);
    }
    BG_PUSH(tr->scales, tr->nscales, tr->scales_cap, sc);
    return 0;
}

static int compile_rules(const bg_record *r, bg_table_rules *tr, baogao_error *err)
{
    bg_regex_slot slots[] = {
        { "weighted_name", &tr->weighted_name }, { "figure", &tr->figure },
        { "placeholder", &tr->placeholder }, { "total_row", &tr->total_row },
        { "not_applicable", &tr->not_applicable }, { "lower_is_better", &tr->lower_is_better },
        { "date", &tr->date }, { "figure_cell", &tr->figure_cell }, { "level1_word", &tr->level1_word },
        { "level2_word", &tr->level2_word }, { "comparator", &tr->comparator },
    };
    size_t nslots = sizeof slots / sizeof slots[0];
    for (size_t i = 0; i < r->nkv; i++) {
        const bg_kv *kv = &r->kv[i];
        int done = bg_regex_slot_take(kv, slots, nslots, err);
        if (done < 0)
            return -1;
        if (!done && strcmp(kv->key, "same_text_achieved") == 0) {
            tr->same_text_achieved = strcmp(kv->value, "yes") == 0;
            done = 1;
        }
        if (!done)
            return bg_pattern_error(err, kv->file, kv->line, "unknown key \"%s\" in [indicator-rules]", kv->key);
    }
    return bg_regex_slots_filled(r, slots, nslots, err);
}

int bg_tables_compile(const bg_records *recs, bg_table_rules *tr, baogao_error *err)
{
    memset(tr, 0, sizeof *tr);
    int have_rules = 0;
    for (size_t i = 0; i < recs->n; i++) {
        const bg_record *r = &recs->items[i];
        int rc = 0;
        if (strcmp(r->type, "column") == 0)
            rc = compile_column(r, tr, err);
        else if (strcmp(r->type, "quality-scale") == 0)
            rc = compile_scale(r, tr, err);
        else if (strcmp(r->type, "indicator-rules") == 0) {
            rc = have_rules ? bg_pattern_error(err, r->file, r->line, "[indicator-rules] given twice")
                            : compile_rules(r, tr, err);
            have_rules = 1;
        }
        if (rc < 0)
            return -1;
    }
    if (!have_rules)
        return bg_pattern_error(err, "patterns", 0, "no [indicator-rules] record");
    return 0;
}

void bg_table_rules_free(bg_table_rules *tr)
{
    for (size_t i = 0; i < tr->ncolumns; i++)
        bg_regex_free(&tr->columns[i].header);
    free(tr->columns);
    bg_regex *res[] = { &tr->weighted_name, &tr->figure, &tr->placeholder, &tr->total_row, &tr->not_applicable,
                        &tr->lower_is_better, &tr->date, &tr->figure_cell, &tr->level1_word, &tr->level2_word,
                        &tr->comparator };
    for (size_t i = 0; i < sizeof res / sizeof res[0]; i++)
        bg_regex_free(res[i]);
    for (size_t i = 0; i < tr->nscales; i++) {
        for (size_t k = 0; k < tr->scales[i].n; k++)
            free(tr->scales[i].words[k]);
        free(tr->scales[i].words);
    }
    free(tr->scales);
    memset(tr, 0, sizeof *tr);
}

/* ---- headers -------------------------------------------------------------- */

/* Every stage that reads a table asks its cells' roles, and a report repeats
 * its headers and cells: each text is matched against the column headers
 * once a conversion. */
bg_role bg_header_role(const bg_table_rules *tr, bg_matcher *m, const char *s, size_t len, long line)
{
    int known;
    if (bg_memo_get(m, tr, s, len, &known))
        return (bg_role)known;
    size_t hits = m->limit_hits;
    char *t = bg_clean(s, len);
    size_t ov[2], n = strlen(t);
    bg_role role = BG_R_NONE;
    for (size_t i = 0; i < tr->ncolumns && role == BG_R_NONE && n; i++)
        if (bg_match(m, &tr->columns[i].header, t, n, 0, ov, 1, line))
            role = tr->columns[i].role;
    free(t);
    bg_memo_put(m, tr, s, len, (int)role, hits);
    return role;
}

static bg_role role_of(const bg_table_rules *tr, bg_matcher *m, const bg_piece *cell)
{
    return bg_header_role(tr, m, cell->s, cell->len, cell->line);
}

int bg_role_is_figure(bg_role r)
{
    return r == BG_R_WEIGHT || r == BG_R_SCORE || r == BG_R_BUDGET || r == BG_R_EXECUTED || r == BG_R_RETURNED;
}

int bg_role_is_left(bg_role r)
{
    return r == BG_R_LABEL || r == BG_R_LEVEL1 || r == BG_R_LEVEL2 || r == BG_R_LEVEL3
        || r == BG_R_SEQ || r == BG_R_NAME;
}

/* Bytes of the longest header cell looked at, in characters (a cell of prose is longer). */
#define HEADER_CELL_MAX 30

int bg_header_of(const bg_table_rules *tr, bg_matcher *m, const bg_row *row, bg_header *h)
{
    size_t n = row->n;
    while (n > 0 && row->cells[n - 1].len == 0)
        n--;
    bg_role *roles = bg_xcalloc(n ? n : 1, sizeof *roles);
    size_t known = 0;
    bg_dec d;
    for (size_t k = 0; k < n; k++) {
        /* a number or a long text names no column: most rows end here */
        const bg_piece *cell = &row->cells[k];
        int text = cell->len > 0 && cell->len <= 4 * HEADER_CELL_MAX && !bg_cell_decimal(cell, &d);
        roles[k] = text ? role_of(tr, m, cell) : BG_R_NONE;
        known += roles[k] != BG_R_NONE;
        if (known + (n - k - 1) < 3)
            break;
    }
    if (known < 3) {
        free(roles);
        return 0;
    }
    /* Levels without a 三级指标 (一级指标 | 分值 | 得分): the finest level
     * printed names the indicators. */
    size_t finest = n;
    for (size_t k = 0; k < n; k++) {
        if (roles[k] == BG_R_LEVEL3)
            finest = n + 1;
        else if ((roles[k] == BG_R_LEVEL1 || roles[k] == BG_R_LEVEL2) && finest <= n)
            finest = k;
    }
    if (finest < n)
        roles[finest] = BG_R_LEVEL3;
    h->roles = roles;
    h->n = n;
    h->split = 0;
    for (size_t k = 0; k < n; k++)
        if (bg_role_is_left(roles[k]))
            h->split = k + 1;
    h->line = row->line;
    return 1;
}

int bg_header_has(const bg_header *h, bg_role role)
{
    for (size_t k = 0; k < h->n; k++)
        if (h->roles[k] == role)
            return 1;
    return 0;
}

void bg_header_free(bg_header *h)
{
    free(h->roles);
    memset(h, 0, sizeof *h);
}

/* ---- cells ---------------------------------------------------------------- */

int bg_cell_decimal(const bg_piece *cell, bg_dec *d)
{
    size_t a = 0, b = cell->len;
    while (a < b && cell->s[a] == ' ')
        a++;
    while (b > a && cell->s[b - 1] == ' ')
        b--;
    return b > a && bg_dec_parse(cell->s + a, b - a, d) == (int)(b - a);
}

int bg_cell_blank(const bg_table_rules *tr, bg_matcher *m, const bg_piece *cell)
{
    size_t ov[2], a = 0, b = cell->len;
    while (a < b && cell->s[a] == ' ')
        a++;
    while (b > a && cell->s[b - 1] == ' ')
        b--;
    return a == b || bg_match(m, &tr->placeholder, cell->s + a, b - a, 0, ov, 1, cell->line);
}

const char *bg_comparator(const char *s, size_t n)
{
    int eq = memchr(s, '=', n) != NULL;
    if (memchr(s, '>', n))
        return eq ? "≥" : ">";
    if (memchr(s, '<', n))
        return eq ? "≤" : "<";
    if (n >= 3 && memcmp(s, "≥", 3) == 0)
        return "≥";
    if (n >= 3 && memcmp(s, "≤", 3) == 0)
        return "≤";
    return "=";                 /* =, ═ */
}

char *bg_weighted_name(const bg_table_rules *tr, bg_matcher *m, const bg_piece *cell, bg_dec *weight, int *has_weight)
{
    char *t = bg_clean(cell->s, cell->len);
    size_t ov[2], a, b, n = strlen(t);
    *has_weight = 0;
    if (bg_match(m, &tr->weighted_name, t, n, 0, ov, 1, cell->line) && bg_group(m, &tr->weighted_name, "weight", &a, &b)
        && bg_dec_parse(t + a, b - a, weight) == (int)(b - a)) {
        size_t na, nb;
        if (bg_group(m, &tr->weighted_name, "name", &na, &nb) && nb > na) {
            *has_weight = 1;
            char *name = bg_xstrndup(t + na, nb - na);
            free(t);
            return name;
        }
    }
    return t;
}

/* ---- mapping rows ----------------------------------------------------------- */

/* How well cells fit the roles they were given: numbers under 分值/得分, names
 * under the levels. */
static int fit(const bg_mapped_row *mr)
{
    int score = 0;
    bg_dec d;
    static const bg_role numeric[] = { BG_R_WEIGHT, BG_R_SCORE, BG_R_BUDGET, BG_R_EXECUTED };
    for (size_t i = 0; i < sizeof numeric / sizeof numeric[0]; i++) {
        const bg_piece *c = mr->cell[numeric[i]];
        if (c && c->len)
            score += bg_cell_decimal(c, &d) ? 2 : -2;
    }
    const bg_piece *l3 = mr->cell[BG_R_LEVEL3];
    if (l3 && l3->len)
        score += bg_cell_decimal(l3, &d) ? -1 : 1;
    return score;
}

static int same_text(const bg_piece *a, const bg_piece *b)
{
    return a->len && a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static void map_candidate(const bg_header *h, const bg_piece *cells, size_t n, bg_mapped_row *out)
{
    memset(out, 0, sizeof *out);
    size_t right = h->n - h->split;
    size_t used = n < right ? n : right;
    for (size_t i = 0; i < used; i++) {
        bg_role r = h->roles[h->n - 1 - i];
        if (r != BG_R_NONE)
            out->cell[r] = &cells[n - 1 - i];
    }
    /* The name cells: more of them than name columns means an extra cell —
     * a name repeated in the next cell (服务体制改革成效 | 服务体制改革成效),
     * or else a leading empty cell left by a dropped merge. */
    size_t rest = n - used, keep[64], count = 0;
    int label_first = h->split > 0 && h->roles[0] == BG_R_LABEL;
    for (size_t i = 0; i < rest && count < 64; i++)
        keep[count++] = i;
    for (size_t i = count; count > h->split && i-- > 1;)
        if (same_text(&cells[keep[i]], &cells[keep[i - 1]])) {
            memmove(keep + i, keep + i + 1, (count - i - 1) * sizeof *keep);
            count--;
        }
    size_t first = 0;
    if (!label_first)
        while (count - first > h->split && cells[keep[first]].len == 0)
            first++;
    count -= first;
    for (size_t i = 0; i < h->split && i < count; i++) {
        /* fewer cells than name columns: the missing ones are merged parents on the left */
        size_t col = count <= h->split ? h->split - count + i : i;
        bg_role r = h->roles[col];
        if (r != BG_R_NONE)
            out->cell[r] = &cells[keep[first + i]];
    }
}

void bg_map_row(const bg_header *h, const bg_piece *cells, size_t n, bg_mapped_row *out)
{
    size_t trimmed = n;
    while (trimmed > 0 && cells[trimmed - 1].len == 0)
        trimmed--;
    map_candidate(h, cells, n, out);
    if (trimmed == n)
        return;
    bg_mapped_row alt;
    map_candidate(h, cells, trimmed, &alt);
    if (fit(&alt) > fit(out))
        *out = alt;
}

/* ---- reading a row by its cells ------------------------------------------- */

/* What a cell holds, as far as the columns it may stand in go. */
typedef enum { K_BLANK, K_NUMBER, K_FIGURE, K_LEVEL, K_HEADER, K_TEXT } cell_kind;

int bg_level_word(const bg_table_rules *tr, bg_matcher *m, const bg_piece *cell)
{
    bg_dec w;
    int has_w;
    char *t = bg_weighted_name(tr, m, cell, &w, &has_w);
    size_t ov[2], n = strlen(t);
    int one = n && bg_match(m, &tr->level1_word, t, n, 0, ov, 1, cell->line);
    int two = n && bg_match(m, &tr->level2_word, t, n, 0, ov, 1, cell->line);
    free(t);
    return one && !two ? 1 : two && !one ? 2 : 0;
}

/* Is the whole cell a column's name (偏差原因分析)? It heads a row of the
 * form's trailer, never an indicator (结转结余率 only starts like 结转结余). */
static int names_column(const bg_table_rules *tr, bg_matcher *m, const bg_piece *cell)
{
    char *t = bg_clean(cell->s, cell->len);
    size_t ov[2], n = strlen(t);
    int whole = 0;
    for (size_t i = 0; i < tr->ncolumns && !whole && n; i++)
        whole = bg_match(m, &tr->columns[i].header, t, n, 0, ov, 1, cell->line) && ov[0] == 0 && ov[1] == n;
    free(t);
    return whole;
}

/* The kind of a cell, looked for no further than `last` (the checks cost
 * more down the list): a cell none of them fits is K_TEXT. */
static cell_kind kind_upto(const bg_table_rules *tr, bg_matcher *m, const bg_piece *cell, cell_kind last)
{
    bg_dec d;
    if (bg_cell_blank(tr, m, cell))
        return K_BLANK;
    if (bg_cell_decimal(cell, &d))
        return K_NUMBER;
    if (last == K_NUMBER)
        return K_TEXT;
    char *t = bg_clean(cell->s, cell->len);
    size_t ov[2];
    int figure = bg_match(m, &tr->figure_cell, t, strlen(t), 0, ov, 1, cell->line);
    free(t);
    if (figure)
        return K_FIGURE;
    if (last == K_FIGURE)
        return K_TEXT;
    if (bg_level_word(tr, m, cell))
        return K_LEVEL;
    if (last == K_LEVEL)
        return K_TEXT;
    return names_column(tr, m, cell) ? K_HEADER : K_TEXT;
}

static cell_kind kind_of(const bg_table_rules *tr, bg_matcher *m, const bg_piece *cell)
{
    return kind_upto(tr, m, cell, K_HEADER);
}

/* The last kind a column of role r tells apart from the rest (K_BLANK: it takes anything). */
static cell_kind kind_needed(bg_role r)
{
    switch (r) {
    case BG_R_LEVEL3:
        return K_HEADER;
    case BG_R_TARGET: case BG_R_ACTUAL:
        return K_LEVEL;
    case BG_R_SEQ: case BG_R_WEIGHT: case BG_R_SCORE: case BG_R_DESCRIPTION: case BG_R_STANDARD: case BG_R_BASIS:
        return K_NUMBER;
    case BG_R_HISTORY: case BG_R_NONE:
        return K_BLANK;
    default:
        return K_FIGURE;
    }
}

/* May a cell of kind k stand in a column of role r? */
static int accepts(bg_role r, cell_kind k)
{
    switch (r) {
    case BG_R_LABEL: case BG_R_LEVEL1: case BG_R_LEVEL2: case BG_R_NAME:
        return k == K_TEXT || k == K_LEVEL || k == K_HEADER;
    case BG_R_LEVEL3:
        return k == K_TEXT;     /* not a figure, a level name or a column's name */
    case BG_R_SEQ:
        return k == K_NUMBER;
    case BG_R_TARGET: case BG_R_ACTUAL:
        return k != K_LEVEL;
    case BG_R_WEIGHT: case BG_R_SCORE:
        return k == K_NUMBER;
    case BG_R_BUDGET: case BG_R_EXECUTED: case BG_R_RETURNED:
        return k == K_NUMBER || k == K_FIGURE;
    case BG_R_NOTE: case BG_R_GOAL: case BG_R_RESULT: case BG_R_CATEGORY: case BG_R_NATURE: case BG_R_UNIT:
        return k == K_TEXT || k == K_LEVEL || k == K_HEADER;
    case BG_R_DESCRIPTION: case BG_R_STANDARD: case BG_R_BASIS:
        return k != K_NUMBER;
    default:                /* history, unnamed */
        return 1;
    }
}

/* Does the reading fit the cells? (A column's name under 三级指标 is looked
 * for only in rows read by their kinds: a header reading keeps its names.) */
static int mapping_fits(const bg_table_rules *tr, bg_matcher *m, const bg_mapped_row *mr)
{
    for (int r = 0; r < BG_R_COUNT; r++) {
        cell_kind need = r == BG_R_LEVEL3 ? K_LEVEL : kind_needed((bg_role)r);
        cell_kind k = mr->cell[r] && need != K_BLANK ? kind_upto(tr, m, mr->cell[r], need) : K_BLANK;
        if (k != K_BLANK && !accepts((bg_role)r, k))
            return 0;
    }
    return 1;
}

/* Bit j of the result: the column j may hold cell kind k. */
static uint64_t columns_for(const bg_header *h, size_t from, cell_kind k)
{
    uint64_t mask = 0;
    for (size_t j = from; j < h->n; j++)
        if (h->roles[j] == BG_R_NONE || accepts(h->roles[j], k))
            mask |= (uint64_t)1 << j;
    return mask;
}

/* The value cells kinds[0, nv) placed in order in columns [h->split, h->n):
 * for each, the columns some complete placement puts it in. 0 if none. */
static int place_values(const bg_header *h, const cell_kind *kinds, size_t nv, uint64_t *possible)
{
    uint64_t after = 0;         /* columns above the lowest place of the cell before */
    for (size_t i = 0; i < nv; i++) {
        possible[i] = columns_for(h, h->split, kinds[i]) & (i ? after : ~(uint64_t)0);
        if (!possible[i])
            return 0;
        after = ~(((uint64_t)2 << __builtin_ctzll(possible[i])) - 1);
    }
    uint64_t before = ~(uint64_t)0; /* columns below the highest place of the cell after */
    for (size_t i = nv; i-- > 0;) {
        possible[i] &= before;
        if (!possible[i])
            return 0;
        before = ((uint64_t)1 << (63 - __builtin_clzll(possible[i]))) - 1;
    }
    return 1;
}

/* Do value cells kinds[0, nv) fit the value columns from the first one on? */
static int values_in_place(const bg_header *h, const cell_kind *kinds, size_t nv)
{
    if (h->split + nv > h->n)
        return 0;
    for (size_t i = 0; i < nv; i++)
        if (h->roles[h->split + i] != BG_R_NONE && !accepts(h->roles[h->split + i], kinds[i]))
            return 0;
    return 1;
}

/* The row read by its non-blank cells: a number at the start is the 序号,
 * then the fewest names that let the rest stand in the value columns in
 * order (the names right-aligned: missing levels are merged parents), then
 * each value in the column every such placement gives it. A row that lost
 * no name cell lost none before its values either: they stand in place. */
static int map_by_kinds(const bg_table_rules *tr, bg_matcher *m, const bg_header *h, const bg_piece *cells, size_t n,
                        bg_mapped_row *out)
{
    memset(out, 0, sizeof *out);
    if (h->n > 64 || n > 64)
        return 0;
    const bg_piece *c[64];
    cell_kind kinds[64];
    uint64_t possible[64];
    size_t nc = 0, first = 0;
    for (size_t i = 0; i < n; i++) {
        cell_kind k = kind_of(tr, m, &cells[i]);
        if (k != K_BLANK) {
            c[nc] = &cells[i];
            kinds[nc++] = k;
        }
    }
    size_t names_from = 0;
    if (h->split > 0 && h->roles[0] == BG_R_SEQ && nc && kinds[0] == K_NUMBER) {
        out->cell[BG_R_SEQ] = c[0];
        first = names_from = 1;
    }
    for (size_t k = 1; first + k <= nc && names_from + k <= h->split; k++) {
        int names_fit = 1;
        for (size_t i = 0; i < k && names_fit; i++) {
            bg_role r = h->roles[h->split - k + i];
            names_fit = r == BG_R_NONE || accepts(r, kinds[first + i]);
        }
        if (!names_fit || !place_values(h, kinds + first + k, nc - first - k, possible))
            continue;
        for (size_t i = 0; i < k; i++)
            if (h->roles[h->split - k + i] != BG_R_NONE)
                out->cell[h->roles[h->split - k + i]] = c[first + i];
        if (names_from + k == h->split && values_in_place(h, kinds + first + k, nc - first - k)) {
            /* no name cell was dropped: the values follow from the first value column */
            for (size_t i = first + k; i < nc; i++)
                if (h->roles[h->split + i - first - k] != BG_R_NONE)
                    out->cell[h->roles[h->split + i - first - k]] = c[i];
            return 1;
        }
        for (size_t i = first + k; i < nc; i++) {
            uint64_t p = possible[i - first - k];
            if ((p & (p - 1)) == 0) {       /* one column only: certain */
                bg_role r = h->roles[__builtin_ctzll(p)];
                if (r != BG_R_NONE)
                    out->cell[r] = c[i];
            } else
                out->unsure++;
        }
        return 1;
    }
    return 0;
}

/* A padded row whose empty cells all come after its text: its cells were
 * packed to the left, so their places say nothing of their columns. */
static int left_packed(const bg_table_rules *tr, bg_matcher *m, const bg_header *h, const bg_piece *cells, size_t n)
{
    size_t last = n;
    while (last > 0 && bg_cell_blank(tr, m, &cells[last - 1]))
        last--;
    if (last >= h->n)
        return 0;               /* as wide as the header: nothing was dropped */
    for (size_t i = 0; i < last; i++)
        if (bg_cell_blank(tr, m, &cells[i]))
            return 0;           /* an empty cell inside: cells kept their places */
    return 1;
}

/* Each cell in the column at its place (a padded row whose empty cells kept
 * their places, or one cut short where the text ends). */
static void map_in_place(const bg_header *h, const bg_piece *cells, size_t n, bg_mapped_row *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n && i < h->n; i++)
        if (h->roles[i] != BG_R_NONE && !out->cell[h->roles[i]])
            out->cell[h->roles[i]] = &cells[i];     /* two columns of one role: the first */
}

int bg_map_row_checked(const bg_table_rules *tr, bg_matcher *m, const bg_header *h, const bg_row *row,
                       const bg_piece *cells, size_t n, bg_mapped_row *out)
{
    size_t filled = n;
    while (filled > 0 && cells[filled - 1].len == 0)
        filled--;
    if (!row->padded && filled == h->n) {
        map_in_place(h, cells, n, out);
        return 1;               /* as wide as the header: each cell in its column */
    }
    if (!row->padded)
        bg_map_row(h, cells, n, out);
    else if (!left_packed(tr, m, h, cells, n))
        map_in_place(h, cells, n, out);
    else
        return map_by_kinds(tr, m, h, cells, n, out);
    return mapping_fits(tr, m, out) || map_by_kinds(tr, m, h, cells, n, out);
}
