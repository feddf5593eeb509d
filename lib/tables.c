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
    "goal", "result",
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
        { "date", &tr->date },
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
                        &tr->lower_is_better, &tr->date };
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

bg_role bg_header_role(const bg_table_rules *tr, bg_matcher *m, const char *s, size_t len, long line)
{
    char *t = bg_clean(s, len);
    size_t ov[2], n = strlen(t);
    bg_role role = BG_R_NONE;
    for (size_t i = 0; i < tr->ncolumns && role == BG_R_NONE && n; i++)
        if (bg_match(m, &tr->columns[i].header, t, n, 0, ov, 1, line))
            role = tr->columns[i].role;
    free(t);
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

int bg_header_of(const bg_table_rules *tr, bg_matcher *m, const bg_row *row, bg_header *h)
{
    size_t n = row->n;
    while (n > 0 && row->cells[n - 1].len == 0)
        n--;
    bg_role *roles = bg_xcalloc(n ? n : 1, sizeof *roles);
    int known = 0;
    for (size_t k = 0; k < n; k++) {
        roles[k] = role_of(tr, m, &row->cells[k]);
        known += roles[k] != BG_R_NONE;
    }
    if (known < 3) {
        free(roles);
        return 0;
    }
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
