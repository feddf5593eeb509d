/* meta.c — document metadata: the compiled rules, and the assembly of the
 * title and kind (title.c), the labelled fields (fields.c), the unit a title
 * names and the year. Each field is taken from the best-ranked source that
 * gives a value; the ranks and every label live in patterns/document.txt. */
#include "meta.h"

#include <stdlib.h>
#include <string.h>


/* ---- compiling ------------------------------------------------------------ */

/* A [kind] (name, title, hints) or a [family] (name, title): a family is a
 * neighbouring report whose title is a title but names none of the kinds. */
static int compile_kind(const bg_record *r, bg_kind_rule **list, size_t *n, size_t *cap, baogao_error *err)
{
    const bg_kv *name = bg_record_get(r, "name"), *title = bg_record_get(r, "title");
    if (!name || !title)
        return bg_pattern_error(err, r->file, r->line, "[%s] needs name and title", r->type);
    bg_kind_rule k = { 0 };
    if (bg_regex_compile(title, &k.title, err) < 0)
        return -1;
    k.name = bg_xstrdup(name->value);
    BG_PUSH(*list, *n, *cap, k);
    bg_kind_rule *kp = &(*list)[*n - 1];
    for (size_t i = 0; i < r->nkv; i++) {
        if (strcmp(r->kv[i].key, "hint") != 0)
            continue;
        bg_regex re;
        if (bg_regex_compile(&r->kv[i], &re, err) < 0)
            return -1;
        BG_PUSH(kp->hints, kp->nhints, kp->hints_cap, re);
    }
    return 0;
}

static void kinds_free(bg_kind_rule *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].name);
        bg_regex_free(&list[i].title);
        for (size_t k = 0; k < list[i].nhints; k++)
            bg_regex_free(&list[i].hints[k]);
        free(list[i].hints);
    }
    free(list);
}

static int field_id(const char *s, bg_field_id *id)
{
    static const char *names[BG_FIELD_COUNT] = { "organization", "preparer", "phone", "date" };
    for (int i = 0; i < BG_FIELD_COUNT; i++)
        if (strcmp(s, names[i]) == 0) {
            *id = (bg_field_id)i;
            return 0;
        }
    return -1;
}

static int compile_field(const bg_record *r, bg_meta_rules *mr, baogao_error *err)
{
    const bg_kv *name = bg_record_get(r, "name"), *rank = bg_record_get(r, "rank"),
                *label = bg_record_get(r, "label"), *line = bg_record_get(r, "line");
    bg_field_rule f = { 0 };
    long rk;
    if (!name || !rank || (!label == !line))
        return bg_pattern_error(err, r->file, r->line, "[field] needs name, rank, and one of label or line");
    if (field_id(name->value, &f.field) < 0)
        return bg_pattern_error(err, name->file, name->line, "unknown field \"%s\"", name->value);
    if (bg_kv_int(rank, &rk, err) < 0)
        return -1;
    f.rank = (int)rk;
    if (bg_regex_compile(label ? label : line, label ? &f.label : &f.line, err) < 0)
        return -1;
    BG_PUSH(mr->fields, mr->nfields, mr->fields_cap, f);
    return 0;
}

typedef struct {
    const char *key;
    size_t offset;          /* of a bg_regex in bg_meta_rules */
} regex_slot;

static const regex_slot document_regexes[] = {
    { "title_anchor", offsetof(bg_meta_rules, title_anchor) },
    { "title_generic", offsetof(bg_meta_rules, title_generic) },
    { "title_not", offsetof(bg_meta_rules, title_not) },
    { "title_end", offsetof(bg_meta_rules, title_end) },
    { "title_year", offsetof(bg_meta_rules, title_year) },
    { "attachment", offsetof(bg_meta_rules, attachment) },
    { "org_strip", offsetof(bg_meta_rules, org_strip) },
    { "org_not", offsetof(bg_meta_rules, org_not) },
    { "org_unit", offsetof(bg_meta_rules, org_unit) },
    { "date_format", offsetof(bg_meta_rules, date_format) },
    { "phone_format", offsetof(bg_meta_rules, phone_format) },
    { "year_in_title", offsetof(bg_meta_rules, year_in_title) },
    { "year_recent", offsetof(bg_meta_rules, year_recent) },
    { "year_cell", offsetof(bg_meta_rules, year_cell) },
    { "year_alone", offsetof(bg_meta_rules, year_alone) },
    { "year_prose", offsetof(bg_meta_rules, year_prose) },
};
#define N_DOCUMENT_REGEXES (sizeof document_regexes / sizeof document_regexes[0])

static int compile_document(const bg_record *r, bg_meta_rules *mr, baogao_error *err)
{
    for (size_t i = 0; i < r->nkv; i++) {
        const bg_kv *kv = &r->kv[i];
        int rc = -2;
        for (size_t k = 0; k < N_DOCUMENT_REGEXES; k++)
            if (strcmp(kv->key, document_regexes[k].key) == 0) {
                bg_regex *re = (bg_regex *)((char *)mr + document_regexes[k].offset);
                if (re->code)
                    return bg_pattern_error(err, kv->file, kv->line, "%s given twice", kv->key);
                rc = bg_regex_compile(kv, re, err);
            }
        bg_regex_list *list = strcmp(kv->key, "title_strip") == 0 ? &mr->title_strip
                            : strcmp(kv->key, "org_from_title") == 0 ? &mr->org_from_title : NULL;
        if (list) {
            bg_regex re;
            if (bg_regex_compile(kv, &re, err) < 0)
                return -1;
            BG_PUSH(list->items, list->n, list->cap, re);
            rc = 0;
        }
        if (strcmp(kv->key, "title_scan_lines") == 0)
            rc = bg_kv_int(kv, &mr->title_scan_lines, err);
        else if (strcmp(kv->key, "title_max_chars") == 0)
            rc = bg_kv_int(kv, &mr->title_max_chars, err);
        else if (strcmp(kv->key, "planned_year_kind") == 0) {
            free(mr->planned_year_kind);
            mr->planned_year_kind = bg_xstrdup(kv->value);
            rc = 0;
        }
        if (rc == -2)
            return bg_pattern_error(err, kv->file, kv->line, "unknown key \"%s\" in [document]", kv->key);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Every label in one anchored expression, compiled once: asking whether a
 * cell is a label is one match, not one per field. */
static int compile_any_label(const bg_records *recs, bg_meta_rules *mr, baogao_error *err)
{
    bg_buf u = { 0 };
    const bg_kv *first = NULL;
    for (size_t i = 0; i < recs->n; i++) {
        const bg_kv *label = strcmp(recs->items[i].type, "field") == 0 ? bg_record_get(&recs->items[i], "label") : NULL;
        if (!label)
            continue;
        bg_buf_adds(&u, first ? "|(?:" : "(?:");
        bg_buf_adds(&u, label->value);
        bg_buf_addc(&u, ')');
        if (!first)
            first = label;
    }
    if (!first) {
        bg_buf_free(&u);
        return bg_pattern_error(err, "patterns", 0, "no [field] has a label");
    }
    bg_buf whole = { 0 };
    bg_buf_adds(&whole, "^\\s*(?:");
    bg_buf_add(&whole, u.s, u.len);
    bg_buf_adds(&whole, ")[\\s:]*$");
    bg_kv all = { (char *)"label", whole.s, first->file, first->line };
    int rc = bg_regex_compile(&all, &mr->any_label, err);
    bg_buf_free(&u);
    bg_buf_free(&whole);
    return rc;
}

int bg_meta_compile(const bg_records *recs, bg_meta_rules *mr, baogao_error *err)
{
    memset(mr, 0, sizeof *mr);
    for (size_t i = 0; i < recs->n; i++) {
        const bg_record *r = &recs->items[i];
        int rc = 0;
        if (strcmp(r->type, "kind") == 0)
            rc = compile_kind(r, &mr->kinds, &mr->nkinds, &mr->kinds_cap, err);
        else if (strcmp(r->type, "family") == 0)
            rc = compile_kind(r, &mr->families, &mr->nfamilies, &mr->families_cap, err);
        else if (strcmp(r->type, "field") == 0)
            rc = compile_field(r, mr, err);
        else if (strcmp(r->type, "document") == 0)
            rc = compile_document(r, mr, err);
        if (rc < 0)
            return -1;
    }
    for (size_t k = 0; k < N_DOCUMENT_REGEXES; k++)
        if (!((bg_regex *)((char *)mr + document_regexes[k].offset))->code)
            return bg_pattern_error(err, "patterns", 0, "[document] lacks %s", document_regexes[k].key);
    if (compile_any_label(recs, mr, err) < 0)
        return -1;
    if (mr->title_scan_lines <= 0 || mr->title_max_chars <= 0 || !mr->planned_year_kind || !mr->org_from_title.n)
        return bg_pattern_error(err, "patterns", 0,
                                "[document] lacks title_scan_lines, title_max_chars, planned_year_kind or org_from_title");
    return 0;
}

void bg_meta_rules_free(bg_meta_rules *mr)
{
    bg_regex_free(&mr->any_label);
    kinds_free(mr->kinds, mr->nkinds);
    kinds_free(mr->families, mr->nfamilies);
    bg_regex_list *lists[] = { &mr->title_strip, &mr->org_from_title };
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        for (size_t i = 0; i < lists[l]->n; i++)
            bg_regex_free(&lists[l]->items[i]);
        free(lists[l]->items);
    }
    for (size_t i = 0; i < mr->nfields; i++) {
        bg_regex_free(&mr->fields[i].label);
        bg_regex_free(&mr->fields[i].line);
    }
    free(mr->fields);
    for (size_t k = 0; k < N_DOCUMENT_REGEXES; k++)
        bg_regex_free((bg_regex *)((char *)mr + document_regexes[k].offset));
    free(mr->planned_year_kind);
    memset(mr, 0, sizeof *mr);
}
/* ---- extraction ----------------------------------------------------------- */

typedef struct {
    const bg_text *t;
    const bg_layout *l;
    const bg_meta_rules *mr;
    bg_matcher *m;
    bg_meta *out;
    int rank[BG_FIELD_COUNT];   /* rank of the value held, large when none */
} ctx;

/* The unit a title names: before its year, after it, or before 整体 (the
 * first expression of org_from_title that matches). */
static void org_from_title(ctx *c)
{
    const bg_meta_value *t = &c->out->title;
    size_t a, b, ov[2];
    if (!t->value || c->rank[BG_FIELD_ORG] <= 2)
        return;
    const char *held = c->out->organization.value;
    for (size_t i = 0; i < c->mr->org_from_title.n; i++) {
        const bg_regex *re = &c->mr->org_from_title.items[i];
        if (!bg_match(c->m, re, t->value, strlen(t->value), 0, ov, 1, t->line) || !bg_group(c->m, re, "org", &a, &b))
            continue;
        char *v = bg_org_clean(c->mr, c->m, bg_xstrndup(t->value + a, b - a), t->line);
        size_t hn = held ? strlen(held) : 0, vn = v ? strlen(v) : 0;
        if (v && hn > vn && memcmp(held + hn - vn, v, vn) == 0) {
            free(v);        /* 林业局 in the title, 零陵区林业局 published it: the fuller name */
            return;
        }
        if (!v)
            return;
        c->rank[BG_FIELD_ORG] = 2;
        free(c->out->organization.value);
        c->out->organization = (bg_meta_value){ v, t->line, t->start, t->end };
        return;
    }
}

static int year_of(ctx *c, const bg_regex *re, const char *s, size_t n, long line, size_t *ov)
{
    size_t a, b, start = ov[1] == SIZE_MAX ? 0 : ov[1] + (ov[0] == ov[1]);   /* an empty match moves on */
    if (start > n || !bg_match(c->m, re, s, n, start, ov, 1, line) || !bg_group(c->m, re, "year", &a, &b))
        return 0;
    return (int)bg_date_number(s + a, b - a);
}

/* The line of byte i of a paragraph, which may join several lines. */
static long para_line(const ctx *c, const bg_block *b, size_t i)
{
    return bg_text_line(c->t, bg_piece_pos(&b->text, i));
}

/* A target-setting form plans the year after its "last two years" columns. */
static int planned_year(ctx *c, long *line)
{
    int best = 0;
    for (size_t i = 0; i < c->l->n; i++) {
        const bg_block *b = &c->l->blocks[i];
        int after_recent = 0;
        for (size_t r = 0; b->kind == BG_BLOCK_TABLE && r < b->table.n; r++)
            for (size_t k = 0; k < b->table.rows[r].n; k++) {
                const bg_piece *cell = &b->table.rows[r].cells[k];
                size_t ov[2] = { SIZE_MAX, SIZE_MAX };
                if (bg_match(c->m, &c->mr->year_recent, cell->s, cell->len, 0, ov, 1, cell->line))
                    after_recent = 1;
                else if (after_recent) {
                    ov[1] = SIZE_MAX;
                    int y = year_of(c, &c->mr->year_cell, cell->s, cell->len, cell->line, ov);
                    if (y > best) {
                        best = y;
                        *line = cell->line;
                    }
                }
            }
    }
    return best ? best + 1 : 0;
}

/* A form states its year alone in a line or cell, "(2022年度)": the first such. */
static int alone_year(ctx *c, long *line)
{
    for (size_t i = 0; i < c->l->n; i++) {
        const bg_block *b = &c->l->blocks[i];
        for (size_t r = 0; b->kind == BG_BLOCK_TABLE && r < b->table.n; r++)
            for (size_t k = 0; k < b->table.rows[r].n; k++) {
                const bg_piece *cell = &b->table.rows[r].cells[k];
                size_t ov[2] = { SIZE_MAX, SIZE_MAX };
                int y = year_of(c, &c->mr->year_alone, cell->s, cell->len, cell->line, ov);
                if (y) {
                    *line = cell->line;
                    return y;
                }
            }
        size_t ov[2] = { SIZE_MAX, SIZE_MAX };
        int y = b->kind == BG_BLOCK_PARA ? year_of(c, &c->mr->year_alone, b->text.s, b->text.len, b->line, ov) : 0;
        if (y) {
            *line = para_line(c, b, ov[0]);
            return y;
        }
    }
    return 0;
}

/* The most frequent "YYYY年度" of the prose; on a tie, the first seen. */
static int prose_year(ctx *c, long *line)
{
    int years[64], counts[64];
    long lines[64];
    int n = 0;
    for (size_t i = 0; i < c->l->n; i++) {
        const bg_block *b = &c->l->blocks[i];
        if (b->kind != BG_BLOCK_PARA)
            continue;
        size_t ov[2] = { SIZE_MAX, SIZE_MAX };
        int y;
        while ((y = year_of(c, &c->mr->year_prose, b->text.s, b->text.len, b->line, ov)) != 0) {
            int k = 0;
            while (k < n && years[k] != y)
                k++;
            if (k == n && n < 64) {
                years[n] = y;
                counts[n] = 0;
                lines[n++] = para_line(c, b, ov[0]);
            }
            if (k < n)
                counts[k]++;
        }
    }
    int best = -1;
    for (int k = 0; k < n; k++)
        if (best < 0 || counts[k] > counts[best])
            best = k;
    if (best < 0)
        return 0;
    *line = lines[best];
    return years[best];
}

static void find_year(ctx *c)
{
    bg_meta *o = c->out;
    if (o->year)
        return;             /* the title's, or its kind line's (title.c) */
    if (o->kind.value && strcmp(o->kind.value, c->mr->planned_year_kind) == 0
        && (o->year = planned_year(c, &o->year_line)) != 0)
        return;
    if ((o->year = alone_year(c, &o->year_line)) != 0)
        return;
    o->year = prose_year(c, &o->year_line);
}

void bg_meta_extract(const bg_text *t, const bg_layout *l, const bg_sections *secs,
                     const bg_heading_styles *hs, const bg_meta_rules *mr, bg_matcher *m,
                     bg_warnings *w, bg_meta *out)
{
    memset(out, 0, sizeof *out);
    ctx c = { t, l, mr, m, out, { 0 } };
    for (int i = 0; i < BG_FIELD_COUNT; i++)
        c.rank[i] = 1 << 30;
    bg_title_extract(t, l, secs, hs, mr, m, w, out);
    bg_fields_extract(t, l, mr, m, out, c.rank);
    org_from_title(&c);
    find_year(&c);
}

void bg_meta_free(bg_meta *meta)
{
    bg_meta_value *v[] = { &meta->title, &meta->kind, &meta->organization, &meta->date, &meta->preparer, &meta->phone };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        free(v[i]->value);
    memset(meta, 0, sizeof *meta);
}
