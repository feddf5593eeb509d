/* indicators.c — indicator rows and project lists from tables whose header
 * names their columns; the totals such tables state go to the scores. */
#include "indicators.h"
#include "table_break.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    bg_header h;
    int is_ind, is_proj;
    long end_line;              /* where the table that had it ended */
    size_t block;               /* and its block */
    size_t orphan_from, orphan_to;  /* its last rows, if their levels were not filled down */
} carried_header;

typedef struct {
    const bg_text *t;
    const bg_table_rules *tr;
    const bg_amount_rules *ar;
    bg_matcher *m;
    bg_warnings *w;
    bg_findings *out;
    /* levels filled down from merged cells, within one table */
    char *level1, *level2;
    bg_dec level1_weight, level2_weight;
    int has_level1_weight, has_level2_weight;
    bg_dec used1, used2;        /* weights of the rows already under them */
    size_t orphan_from, orphan_to;  /* the last rows whose levels were not filled down */
    const bg_unit *unit;        /* of a project list's money */
    char unit_name[16];
    carried_header carry;       /* the last table's header, for a table broken by a page */
    bg_dec score_sum, weight_sum;   /* of the scored rows since the last total row */
    size_t scored, weighted;
} ctx;

static char *clean_cell(const ctx *c, const bg_piece *p)
{
    if (!p || bg_cell_blank(c->tr, c->m, p))
        return NULL;
    return bg_clean(p->s, p->len);
}

/* Free text (a goal, a description, a note) keeps the spaces it printed. */
static char *text_cell(const ctx *c, const bg_piece *p)
{
    if (!p || bg_cell_blank(c->tr, c->m, p))
        return NULL;
    return bg_clean_text(p->s, p->len);
}

/* ---- parsed values and achievement ---------------------------------------- */

/* Read a target or actual: its first figure, or the text as a word. A unit
 * printed in a column of its own (度量单位) is the figure's unit. */
static void parse_value(const ctx *c, const char *s, long line, const char *unit_column, bg_parsed *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return;
    out->present = 1;
    size_t ov[2], a, b, n = strlen(s);
    const bg_regex *re = &c->tr->figure;
    if (bg_match(c->m, re, s, n, 0, ov, 1, line) && bg_group(c->m, re, "num", &a, &b)
        && bg_dec_parse(s + a, b - a, &out->number) == (int)(b - a)) {
        out->has_number = 1;
        if (bg_group(c->m, re, "cmp", &a, &b))
            out->comparator = bg_comparator(s + a, b - a);
        if (bg_group(c->m, re, "unit", &a, &b))
            out->unit = bg_xstrndup(s + a, b - a);
        else if (unit_column)
            out->unit = bg_xstrdup(unit_column);
        return;
    }
    out->word = bg_xstrdup(s);
}

/* The target as a reader says it: 指标性质 | 指标值 | 度量单位 read together
 * (≥ | 735 | 人次 is ≥735人次; 定性 | 提高 | is 提高). */
static char *target_text(const ctx *c, const bg_mapped_row *mr, const char *unit)
{
    char *value = clean_cell(c, mr->cell[BG_R_TARGET]);
    const bg_piece *nature = mr->cell[BG_R_NATURE];
    if (!value || (!nature && !unit))
        return value;
    const char *cmp = "";
    char *n = clean_cell(c, nature);
    size_t ov[2], vlen = strlen(value), ulen = unit ? strlen(unit) : 0;
    if (n && bg_match(c->m, &c->tr->comparator, n, strlen(n), 0, ov, 1, nature->line))
        cmp = bg_comparator(n, strlen(n));
    int has_unit = !unit || (vlen >= ulen && strcmp(value + vlen - ulen, unit) == 0);
    char *t = bg_xasprintf("%s%s%s", cmp, value, has_unit ? "" : unit);
    free(n);
    free(value);
    return t;
}

static int scale_rank(const bg_scale *sc, const char *w)
{
    for (size_t i = 0; i < sc->n; i++)
        if (strcmp(sc->words[i], w) == 0)
            return (int)i;
    return -1;
}

static int words_achieved(const ctx *c, const char *target, const char *actual, long line)
{
    size_t ov[2];
    if (bg_match(c->m, &c->tr->not_applicable, target, strlen(target), 0, ov, 1, line)
        || bg_match(c->m, &c->tr->not_applicable, actual, strlen(actual), 0, ov, 1, line))
        return -1;
    if (strcmp(target, actual) == 0)
        return c->tr->same_text_achieved ? 1 : -1;
    for (size_t i = 0; i < c->tr->nscales; i++) {
        int rt = scale_rank(&c->tr->scales[i], target), ra = scale_rank(&c->tr->scales[i], actual);
        if (rt >= 0 && ra >= 0)
            return ra <= rt;
    }
    return -1;
}

/* A date cell as yyyymmdd, a missing day or month at the end of its period; 0 if not a date. */
static long date_key(const ctx *c, const char *s, long line)
{
    size_t ov[2], a, b;
    const bg_regex *re = &c->tr->date;
    if (!s || !bg_match(c->m, re, s, strlen(s), 0, ov, 1, line) || !bg_group(c->m, re, "y", &a, &b))
        return 0;
    long y = strtol(s + a, NULL, 10), mo = 12, d = 31;
    if (bg_group(c->m, re, "m", &a, &b))
        mo = strtol(s + a, NULL, 10);
    if (bg_group(c->m, re, "d", &a, &b))
        d = strtol(s + a, NULL, 10);
    return y * 10000 + mo * 100 + d;
}

/* Defined where both sides are numbers in the same unit, or words the
 * pattern files order; a target without comparator is a floor (100% vs 97%
 * is not achieved), or a ceiling for an indicator better the lower it is. */
static int achieved(const ctx *c, const char *name, const bg_parsed *t, const bg_parsed *a, long line)
{
    if (!t->present || !a->present)
        return -1;
    if (t->word && a->word)
        return words_achieved(c, t->word, a->word, line);
    if (!t->has_number || !a->has_number)
        return -1;
    if ((t->unit == NULL) != (a->unit == NULL) || (t->unit && strcmp(t->unit, a->unit) != 0))
        return -1;
    int cmp = bg_dec_cmp(&a->number, &t->number);
    size_t ov[2];
    int lower = name && bg_match(c->m, &c->tr->lower_is_better, name, strlen(name), 0, ov, 1, line);
    const char *op = t->comparator ? t->comparator : lower ? "≤" : "≥";
    if (strcmp(op, "≥") == 0) return cmp >= 0;
    if (strcmp(op, ">") == 0) return cmp > 0;
    if (strcmp(op, "≤") == 0) return cmp <= 0;
    if (strcmp(op, "<") == 0) return cmp < 0;
    return cmp == 0;
}

/* ---- rows ----------------------------------------------------------------- */

/* From the first to the last cell that holds text: an empty cell has no place. */
static void row_span(const bg_piece *cells, size_t n, size_t *a, size_t *b)
{
    size_t first = 0, last = n;
    while (first < n && cells[first].len == 0)
        first++;
    while (last > first && cells[last - 1].len == 0)
        last--;
    *a = first < n ? bg_piece_pos(&cells[first], 0) : 0;
    *b = last > first ? bg_piece_pos(&cells[last - 1], cells[last - 1].len) : *a;
}

static void reset_sums(ctx *c)
{
    bg_dec_from_int(&c->score_sum, 0);
    bg_dec_from_int(&c->weight_sum, 0);
    c->scored = c->weighted = 0;
}

/* Add a scored row (an indicator, or a budget row with 分值/得分) to the sums. */
static void add_to_sums(ctx *c, const bg_mapped_row *mr)
{
    bg_dec d, sum;
    if (mr->cell[BG_R_SCORE] && bg_cell_decimal(mr->cell[BG_R_SCORE], &d) && bg_dec_add(&c->score_sum, &d, &sum) == 0) {
        c->score_sum = sum;
        c->scored++;
    }
    if (mr->cell[BG_R_WEIGHT] && bg_cell_decimal(mr->cell[BG_R_WEIGHT], &d) && bg_dec_add(&c->weight_sum, &d, &sum) == 0) {
        c->weight_sum = sum;
        c->weighted++;
    }
}

/* A row that totals the table: one of its text cells says 合计 or 总分. */
static int is_total_row(const ctx *c, const bg_piece *cells, size_t n)
{
    size_t ov[2];
    for (size_t i = 0; i < n; i++) {
        if (!cells[i].len)
            continue;
        char *t = bg_clean(cells[i].s, cells[i].len);
        int hit = bg_match(c->m, &c->tr->total_row, t, strlen(t), 0, ov, 1, cells[i].line);
        free(t);
        if (hit)
            return 1;
    }
    return 0;
}

/* 合计 … 100 97: the total of the 得分 column, with the 分值 total as its maximum.
 * A template's total row with an empty 得分 states no total. */
static void total_row(ctx *c, const bg_mapped_row *mr, const bg_piece *cells, size_t n)
{
    bg_stated_total st = { 0 };
    if (!mr->cell[BG_R_SCORE] || !bg_cell_decimal(mr->cell[BG_R_SCORE], &st.value))
        return;
    st.has_max = mr->cell[BG_R_WEIGHT] && bg_cell_decimal(mr->cell[BG_R_WEIGHT], &st.max);
    st.source = "table";
    row_span(cells, n, &st.start, &st.end);
    st.line = bg_text_line(c->t, st.start);
    bg_scores *s = &c->out->scores;
    BG_PUSH(s->totals, s->ntotals, s->totals_cap, st);
    bg_table_sum sum = { c->score_sum, c->weight_sum, c->scored, c->weighted, s->ntotals - 1 };
    BG_PUSH(c->out->sums, c->out->nsums, c->out->sums_cap, sum);
    reset_sums(c);
}

static void set_level(ctx *c, const bg_piece *p, char **level, bg_dec *weight, int *has_weight, bg_dec *used)
{
    if (!p || bg_cell_blank(c->tr, c->m, p))
        return;
    free(*level);
    *level = bg_weighted_name(c->tr, c->m, p, weight, has_weight);
    bg_dec_from_int(used, 0);
}

/* A level filled down from a merged cell holds a row only while its stated
 * weight has room for it: rows past the end of the group (its weight used up
 * by the rows above) lost the cell that named their own group, and a reader
 * cannot take the group above for theirs. */
static int level_has_room(const char *level, int has_weight, const bg_dec *weight, const bg_dec *used,
                          const bg_indicator *ind)
{
    return !level || !has_weight || !ind->has_weight || bg_dec_is_zero(&ind->weight) || bg_dec_cmp(used, weight) < 0;
}

/* Give the row its levels, filled down where its own cells are blank; 0 if
 * they could not be. */
static int fill_levels(ctx *c, bg_indicator *ind, int printed1, int printed2)
{
    int keep1 = printed1 || level_has_room(c->level1, c->has_level1_weight, &c->level1_weight, &c->used1, ind);
    int keep2 = printed2 || (keep1 && level_has_room(c->level2, c->has_level2_weight, &c->level2_weight, &c->used2, ind));
    if (!keep1 || !keep2)
        bg_warn(c->w, ind->line, "\"%s\": the weights under %s are used up by the rows above; %s not filled down",
                ind->level3, !keep1 ? c->level1 : c->level2, !keep1 ? "its levels 1 and 2 are" : "its level 2 is");
    if (keep1 && c->level1) {
        ind->level1 = bg_xstrdup(c->level1);
        ind->level1_weight = c->level1_weight;
        ind->has_level1_weight = c->has_level1_weight;
        if (ind->has_weight)
            bg_dec_add(&c->used1, &ind->weight, &c->used1);
    }
    if (keep2 && c->level2) {
        ind->level2 = bg_xstrdup(c->level2);
        ind->level2_weight = c->level2_weight;
        ind->has_level2_weight = c->has_level2_weight;
        if (ind->has_weight)
            bg_dec_add(&c->used2, &ind->weight, &c->used2);
    }
    return keep1 && keep2;
}

/* A row of level names only (质量指标 | || … |, 效 益 指 标 (30分) | 经济效益 指标):
 * the group of the rows below, whatever columns its cells stand in. A row of
 * placeholders (…… | ||) says nothing. Returns 1 for both. */
static int group_row(ctx *c, const bg_piece *cells, size_t n)
{
    const bg_piece *names[2];
    int rank[2];
    size_t count = 0, printed = 0;
    for (size_t i = 0; i < n; i++)
        printed += cells[i].len > 0;
    if (printed > 2)
        return 0;               /* most rows: no need to look closer */
    for (size_t i = 0; i < n; i++) {
        if (bg_cell_blank(c->tr, c->m, &cells[i]))
            continue;
        names[count++] = &cells[i];
    }
    for (size_t i = 0; i < count; i++)
        if (!(rank[i] = bg_level_word(c->tr, c->m, names[i])))
            return 0;
    for (size_t i = 0; i < count; i++) {
        if (rank[i] == 1) {
            set_level(c, names[i], &c->level1, &c->level1_weight, &c->has_level1_weight, &c->used1);
            free(c->level2);    /* a new group: its level 2 is not the last group's */
            c->level2 = NULL;
            c->has_level2_weight = 0;
        } else
            set_level(c, names[i], &c->level2, &c->level2_weight, &c->has_level2_weight, &c->used2);
    }
    return 1;
}

/* Does the row say anything beyond its names (even in cells whose column is
 * unsure)? A name alone is a template row left empty, or a group heading. */
static int has_values(const ctx *c, const bg_mapped_row *mr, const bg_piece *cells, size_t n)
{
    static const bg_role values[] = { BG_R_TARGET, BG_R_ACTUAL, BG_R_WEIGHT, BG_R_SCORE };
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        if (mr->cell[values[i]] && !bg_cell_blank(c->tr, c->m, mr->cell[values[i]]))
            return 1;
    size_t filled = 0, names = 0;
    for (size_t i = 0; i < n; i++)
        filled += !bg_cell_blank(c->tr, c->m, &cells[i]);
    for (int r = 0; r < BG_R_COUNT; r++)
        names += bg_role_is_left((bg_role)r) && mr->cell[r] && !bg_cell_blank(c->tr, c->m, mr->cell[r]);
    return filled > names;
}

static void indicator_row(ctx *c, const bg_mapped_row *mr, const bg_piece *cells, size_t n, long table_line)
{
    const bg_piece *l1 = mr->cell[BG_R_LEVEL1], *l2 = mr->cell[BG_R_LEVEL2], *l3 = mr->cell[BG_R_LEVEL3];
    int new_l1 = l1 && !bg_cell_blank(c->tr, c->m, l1);
    int new_l2 = l2 && !bg_cell_blank(c->tr, c->m, l2);
    set_level(c, l1, &c->level1, &c->level1_weight, &c->has_level1_weight, &c->used1);
    if (new_l1 && !new_l2) {
        free(c->level2);        /* a new group: its level 2 is not the last group's */
        c->level2 = NULL;
        c->has_level2_weight = 0;
    }
    set_level(c, l2, &c->level2, &c->level2_weight, &c->has_level2_weight, &c->used2);
    if (!l3 || bg_cell_blank(c->tr, c->m, l3) || !has_values(c, mr, cells, n))
        return;
    bg_indicator ind = { 0 };
    ind.level3 = bg_weighted_name(c->tr, c->m, l3, &ind.level3_weight, &ind.has_level3_weight);
    ind.category = clean_cell(c, mr->cell[BG_R_CATEGORY]);
    ind.description = text_cell(c, mr->cell[BG_R_DESCRIPTION]);
    ind.standard = text_cell(c, mr->cell[BG_R_STANDARD]);
    char *unit = clean_cell(c, mr->cell[BG_R_UNIT]);
    ind.target = target_text(c, mr, unit);
    ind.actual = clean_cell(c, mr->cell[BG_R_ACTUAL]);
    ind.note = text_cell(c, mr->cell[BG_R_NOTE]);
    parse_value(c, ind.target, l3->line, unit, &ind.target_parsed);
    parse_value(c, ind.actual, l3->line, unit, &ind.actual_parsed);
    free(unit);
    row_span(cells, n, &ind.start, &ind.end);
    ind.line = bg_text_line(c->t, ind.start);  /* where the row starts */
    long due = date_key(c, ind.target, ind.line), done = date_key(c, ind.actual, ind.line);
    ind.achieved = due && done ? done <= due      /* a deadline: 2022年10月底前 */
                               : achieved(c, ind.level3, &ind.target_parsed, &ind.actual_parsed, ind.line);
    ind.has_weight = mr->cell[BG_R_WEIGHT] && bg_cell_decimal(mr->cell[BG_R_WEIGHT], &ind.weight);
    ind.has_score = mr->cell[BG_R_SCORE] && bg_cell_decimal(mr->cell[BG_R_SCORE], &ind.score);
    if (!ind.has_weight && ind.has_level3_weight) {
        ind.weight = ind.level3_weight;     /* 部门整体效益 (9分) */
        ind.has_weight = 1;
    }
    int filled = fill_levels(c, &ind, new_l1, new_l2);
    ind.table_line = table_line;
    BG_PUSH(c->out->indicators, c->out->nindicators, c->out->indicators_cap, ind);
    if (!filled) {
        if (c->orphan_to != c->out->nindicators - 1)
            c->orphan_from = c->out->nindicators - 1;
        c->orphan_to = c->out->nindicators;
    }
}

static int money_cell(ctx *c, const bg_piece *p, bg_dec *value, bg_dec *wan)
{
    if (!p || !bg_cell_decimal(p, value))
        return 0;
    *wan = *value;
    if (c->unit)
        bg_dec_shift(wan, c->unit->wan_exponent);
    return 1;
}

static void project_row(ctx *c, const bg_mapped_row *mr, const bg_piece *cells, size_t n)
{
    const bg_piece *name = mr->cell[BG_R_NAME];
    if (!name || bg_cell_blank(c->tr, c->m, name))
        return;
    bg_project p = { 0 };
    p.name = bg_clean(name->s, name->len);
    p.number = clean_cell(c, mr->cell[BG_R_SEQ]);
    p.goal = text_cell(c, mr->cell[BG_R_GOAL]);
    p.result = text_cell(c, mr->cell[BG_R_RESULT]);
    p.unit = c->unit ? bg_xstrdup(c->unit_name) : NULL;
    p.has_budget = money_cell(c, mr->cell[BG_R_BUDGET], &p.budget, &p.budget_wan);
    p.has_executed = money_cell(c, mr->cell[BG_R_EXECUTED], &p.executed, &p.executed_wan);
    p.has_returned = money_cell(c, mr->cell[BG_R_RETURNED], &p.returned, &p.returned_wan);
    p.has_score = mr->cell[BG_R_SCORE] && bg_cell_decimal(mr->cell[BG_R_SCORE], &p.score);
    row_span(cells, n, &p.start, &p.end);
    p.line = bg_text_line(c->t, p.start);
    BG_PUSH(c->out->projects, c->out->nprojects, c->out->projects_cap, p);
}

/* ---- tables --------------------------------------------------------------- */

/* The unit of a project list: a 单位:万元 just before the table, or in it. */
static void find_unit(ctx *c, const bg_layout *l, size_t block)
{
    const bg_block *tb = &l->blocks[block];
    size_t ov[2], a, b;
    c->unit = NULL;
    for (size_t i = block; i-- > 0;) {
        const bg_block *p = &l->blocks[i];
        if (p->kind != BG_BLOCK_PARA || p->end_line < tb->line - 3)
            break;
        if (bg_match(c->m, &c->ar->declaration, p->text.s, p->text.len, 0, ov, 1, p->line)
            && bg_group(c->m, &c->ar->declaration, "unit", &a, &b) && b - a < sizeof c->unit_name) {
            memcpy(c->unit_name, p->text.s + a, b - a);
            c->unit_name[b - a] = '\0';
            c->unit = bg_unit_find(c->ar, c->unit_name, b - a);
            return;
        }
    }
}

static void reset_levels(ctx *c)
{
    free(c->level1);
    free(c->level2);
    c->level1 = c->level2 = NULL;
    c->has_level1_weight = c->has_level2_weight = 0;
}

static size_t trimmed_count(const bg_row *row)
{
    size_t n = row->n;
    while (n > 0 && row->cells[n - 1].len == 0)
        n--;
    return n;
}

static void copy_header(bg_header *dst, const bg_header *src)
{
    *dst = *src;
    dst->roles = bg_xmalloc((src->n ? src->n : 1) * sizeof *dst->roles);
    memcpy(dst->roles, src->roles, src->n * sizeof *dst->roles);
}

/* How many lines may separate a table from the one it continues. */
#define CONTINUATION_LINES 8

static void walk_table(ctx *c, const bg_layout *l, size_t block)
{
    const bg_table *tb = &l->blocks[block].table;
    bg_header h = { 0 };
    int have = 0, is_ind = 0, is_proj = 0;
    size_t unplaced = 0, unsure = 0;    /* rows no reading fits, cells of no certain column */
    long unplaced_line = 0, unsure_line = 0;
    find_unit(c, l, block);
    reset_levels(c);
    /* A table with no header of its own, right after one that had: the same
     * table broken by a page or a stray line. Its levels start afresh. */
    int continued = 0;
    char *break_name = NULL;    /* a level-1 name printed between the halves */
    bg_dec break_weight;
    size_t first = c->out->nindicators;
    if (c->carry.h.roles && tb->line - c->carry.end_line <= CONTINUATION_LINES
        && (tb->n == 0 || !bg_header_of(c->tr, c->m, &tb->rows[0], &h))) {
        copy_header(&h, &c->carry.h);
        have = continued = 1;
        is_ind = c->carry.is_ind;
        is_proj = c->carry.is_proj;
        if (is_ind && bg_break_level_name(l, c->carry.block, block, c->tr, c->m, &break_name, &break_weight)) {
            c->level1 = bg_xstrdup(break_name);
            c->level1_weight = break_weight;
            c->has_level1_weight = 1;
            bg_dec_from_int(&c->used1, 0);
        }
    }
    c->orphan_from = c->orphan_to = 0;
    if (!have) {
        bg_header_free(&h);     /* the probe of the first row, read again below */
        reset_sums(c);
    }
    for (size_t r = 0; r < tb->n; r++) {
        const bg_row *row = &tb->rows[r];
        bg_header nh;
        if (row->raw)
            continue;           /* cells not placed in columns: no reading is certain */
        if (bg_header_of(c->tr, c->m, row, &nh)) {
            bg_header_free(&h);
            h = nh;
            have = 1;
            is_ind = (bg_header_has(&h, BG_R_LEVEL3) || (bg_header_has(&h, BG_R_LEVEL1) && bg_header_has(&h, BG_R_LEVEL2)))
                     && (bg_header_has(&h, BG_R_TARGET) || bg_header_has(&h, BG_R_ACTUAL)
                         || bg_header_has(&h, BG_R_WEIGHT) || bg_header_has(&h, BG_R_SCORE));
            is_proj = bg_header_has(&h, BG_R_NAME) && (bg_header_has(&h, BG_R_BUDGET) || bg_header_has(&h, BG_R_EXECUTED));
            reset_levels(c);
            continue;
        }
        if (!have)
            continue;
        if (!is_ind && !is_proj) {
            if (bg_header_has(&h, BG_R_SCORE)) {     /* 年度资金总额 … 分值 10 得分 10 */
                bg_mapped_row sr;
                bg_map_row(&h, row->cells, row->n, &sr);
                if (is_total_row(c, row->cells, row->n))
                    total_row(c, &sr, row->cells, row->n);
                else
                    add_to_sums(c, &sr);
            }
            continue;
        }
        /* A row split in two by a stray blank line: the halves make one row.
         * (Pipe rows that wrap were counted to their width by layout.) */
        const bg_piece *cells = row->cells;
        size_t n = row->n;
        bg_piece *joined = NULL;
        if (r + 1 < tb->n && tb->shape != BG_SHAPE_PIPE && trimmed_count(row) < h.n && tb->rows[r + 1].n < h.n
            && trimmed_count(row) + tb->rows[r + 1].n == h.n) {
            const bg_row *next = &tb->rows[r + 1];
            n = trimmed_count(row) + next->n;
            joined = bg_xmalloc(n * sizeof *joined);
            memcpy(joined, row->cells, trimmed_count(row) * sizeof *joined);
            memcpy(joined + trimmed_count(row), next->cells, next->n * sizeof *joined);
            cells = joined;
            r++;
        }
        bg_mapped_row mr;
        bg_map_row(&h, cells, n, &mr);
        if (is_total_row(c, cells, n))
            total_row(c, &mr, cells, n);
        else if (is_ind && !group_row(c, cells, n)) {
            if (bg_map_row_checked(c->tr, c->m, &h, row, cells, n, &mr)) {
                indicator_row(c, &mr, cells, n, tb->line);
                add_to_sums(c, &mr);
                if (mr.unsure && !unsure)
                    unsure_line = row->line;
                unsure += mr.unsure;
            } else if (!unplaced++)
                unplaced_line = row->line;
        }
        else if (!is_ind)
            project_row(c, &mr, cells, n);
        free(joined);
    }
    if (unplaced)
        bg_warn(c->w, unplaced_line, "indicator table: %zu row%s whose cells fit no reading of the header; not read",
                unplaced, unplaced > 1 ? "s" : "");
    if (unsure)
        bg_warn(c->w, unsure_line, "indicator table: %zu cell%s that more than one column could hold; not read",
                unsure, unsure > 1 ? "s" : "");
    if (continued && is_ind)
        bg_break_settle(c->out, c->carry.orphan_from, c->carry.orphan_to, first, c->out->nindicators, break_name,
                        &break_weight, c->w);
    free(break_name);
    bg_header_free(&c->carry.h);
    if (have && (is_ind || is_proj)) {
        c->carry.h = h;         /* the carry owns it now */
        c->carry.is_ind = is_ind;
        c->carry.is_proj = is_proj;
        c->carry.end_line = tb->end_line;
        c->carry.block = block;
        int trailing = c->orphan_to == c->out->nindicators && c->orphan_to > c->orphan_from;
        c->carry.orphan_from = trailing ? c->orphan_from : 0;
        c->carry.orphan_to = trailing ? c->orphan_to : 0;
    } else
        bg_header_free(&h);
    reset_levels(c);
}

void bg_indicators_extract(const bg_text *t, const bg_layout *l, const bg_table_rules *tr,
                           const bg_amount_rules *ar, bg_matcher *m, bg_warnings *w, bg_findings *out)
{
    memset(out, 0, sizeof *out);
    ctx c = { 0 };
    c.t = t;
    c.tr = tr;
    c.ar = ar;
    c.m = m;
    c.w = w;
    c.out = out;
    for (size_t i = 0; i < l->n; i++)
        if (l->blocks[i].kind == BG_BLOCK_TABLE)
            walk_table(&c, l, i);
    bg_header_free(&c.carry.h);
}

static void parsed_free(bg_parsed *p)
{
    free(p->unit);
    free(p->word);
}

void bg_findings_free(bg_findings *f)
{
    for (size_t i = 0; i < f->nindicators; i++) {
        bg_indicator *x = &f->indicators[i];
        char *s[] = { x->level1, x->level2, x->level3, x->category, x->description, x->standard,
                      x->target, x->actual, x->note };
        for (size_t k = 0; k < sizeof s / sizeof s[0]; k++)
            free(s[k]);
        parsed_free(&x->target_parsed);
        parsed_free(&x->actual_parsed);
    }
    free(f->indicators);
    for (size_t i = 0; i < f->nprojects; i++) {
        bg_project *p = &f->projects[i];
        free(p->number);
        free(p->name);
        free(p->goal);
        free(p->result);
        free(p->unit);
    }
    free(f->projects);
    free(f->sums);
    free(f->scores.totals);
    free(f->scores.grade);
    for (size_t i = 0; i < f->scores.nitems; i++)
        free(f->scores.items[i].name);
    free(f->scores.items);
    memset(f, 0, sizeof *f);
}
