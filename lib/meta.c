/* meta.c — document metadata from labelled fields, the title and the prose.
 * Each field is taken from the best-ranked source that gives a value; the
 * ranks and every label live in patterns/document.txt. */
#include "meta.h"

#include <stdlib.h>
#include <string.h>

#include "cnnum.h"

/* ---- compiling ------------------------------------------------------------ */

static int compile_kind(const bg_record *r, bg_meta_rules *mr, baogao_error *err)
{
    const bg_kv *name = bg_record_get(r, "name"), *title = bg_record_get(r, "title");
    if (!name || !title)
        return bg_pattern_error(err, r->file, r->line, "[kind] needs name and title");
    bg_kind_rule k = { 0 };
    if (bg_regex_compile(title, &k.title, err) < 0)
        return -1;
    k.name = bg_xstrdup(name->value);
    BG_PUSH(mr->kinds, mr->nkinds, mr->kinds_cap, k);
    bg_kind_rule *kp = &mr->kinds[mr->nkinds - 1];
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
    { "org_from_title", offsetof(bg_meta_rules, org_from_title) },
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

int bg_meta_compile(const bg_records *recs, bg_meta_rules *mr, baogao_error *err)
{
    memset(mr, 0, sizeof *mr);
    for (size_t i = 0; i < recs->n; i++) {
        const bg_record *r = &recs->items[i];
        int rc = 0;
        if (strcmp(r->type, "kind") == 0)
            rc = compile_kind(r, mr, err);
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
    if (mr->title_scan_lines <= 0 || mr->title_max_chars <= 0 || !mr->planned_year_kind)
        return bg_pattern_error(err, "patterns", 0, "[document] lacks title_scan_lines, title_max_chars or planned_year_kind");
    return 0;
}

void bg_meta_rules_free(bg_meta_rules *mr)
{
    for (size_t i = 0; i < mr->nkinds; i++) {
        free(mr->kinds[i].name);
        bg_regex_free(&mr->kinds[i].title);
        for (size_t k = 0; k < mr->kinds[i].nhints; k++)
            bg_regex_free(&mr->kinds[i].hints[k]);
        free(mr->kinds[i].hints);
    }
    free(mr->kinds);
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
    const bg_heading_styles *hs;
    const bg_meta_rules *mr;
    bg_matcher *m;
    bg_warnings *w;
    bg_meta *out;
    int rank[BG_FIELD_COUNT];   /* rank of the value held, INT_MAX-ish when none */
} ctx;

static void set_value(bg_meta_value *v, char *value, long line, size_t start, size_t end)
{
    free(v->value);
    v->value = value;
    v->line = line;
    v->start = start;
    v->end = end;
}

static bg_meta_value *field_slot(bg_meta *meta, bg_field_id id)
{
    switch (id) {
    case BG_FIELD_ORG: return &meta->organization;
    case BG_FIELD_PREPARER: return &meta->preparer;
    case BG_FIELD_PHONE: return &meta->phone;
    default: return &meta->date;
    }
}

/* Convert a year, month or day written in Arabic or Chinese digits. */
static long date_number(const char *s, size_t n)
{
    static const char *digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
    long v = 0;
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && s[i] >= '0' && s[i] <= '9') {
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            v = v * 10 + (s[i] - '0');
        return v;
    }
    /* 二〇二三: digit by digit; 十八: a numeral */
    size_t j = i;
    int digitwise = 1;
    long dv = 0;
    while (j < n && digitwise) {
        int found = 0;
        for (int d = 0; d < 10; d++)
            if (n - j >= 3 && memcmp(s + j, digits[d], 3) == 0) {
                dv = dv * 10 + d;
                j += 3;
                found = 1;
                break;
            }
        if (!found && n - j >= 3 && memcmp(s + j, "零", 3) == 0) {
            dv *= 10;
            j += 3;
            found = 1;
        }
        digitwise = found;
    }
    if (digitwise && j - i >= 12)
        return dv;
    bg_dec d;
    if (bg_cn_parse(s + i, n - i, &d) == 0)
        return (long)bg_dec_to_double(&d);
    return -1;
}

static char *parse_date(ctx *c, const char *s, size_t n, long line, size_t *ma, size_t *mb)
{
    size_t ov[2], ya, yb, mo_a, mo_b, da, db;
    const bg_regex *re = &c->mr->date_format;
    if (!bg_match(c->m, re, s, n, 0, ov, 1, line))
        return NULL;
    if (!bg_group(c->m, re, "y", &ya, &yb) || !bg_group(c->m, re, "m", &mo_a, &mo_b)
        || !bg_group(c->m, re, "d", &da, &db))
        return NULL;
    long y = date_number(s + ya, yb - ya), mo = date_number(s + mo_a, mo_b - mo_a),
         d = date_number(s + da, db - da);
    if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > 31)
        return NULL;
    *ma = ov[0];
    *mb = ov[1];
    return bg_xasprintf("%04ld-%02ld-%02ld", y, mo, d);
}

/* Turn the raw text of a field value into the value, or NULL if it is not one. */
static char *field_value(ctx *c, bg_field_id id, const char *s, size_t n, long line, size_t *va, size_t *vb)
{
    size_t ov[2];
    if (id == BG_FIELD_DATE)
        return parse_date(c, s, n, line, va, vb);
    if (id == BG_FIELD_PHONE) {
        if (!bg_match(c->m, &c->mr->phone_format, s, n, 0, ov, 1, line))
            return NULL;
        *va = ov[0];
        *vb = ov[1];
        return bg_xstrndup(s + ov[0], ov[1] - ov[0]);
    }
    char *v = bg_clean(s, n);
    size_t chars = bg_utf8_count(v, strlen(v));
    if (chars == 0 || chars > 60 || (id == BG_FIELD_PREPARER && chars > 12)) {
        free(v);
        return NULL;
    }
    *va = 0;
    *vb = n;
    return v;
}

static void offer(ctx *c, const bg_field_rule *f, const bg_piece *p, size_t a, size_t b, long line)
{
    if (f->rank >= c->rank[f->field])
        return;
    size_t va, vb;
    char *v = field_value(c, f->field, p->s + a, b - a, line, &va, &vb);
    if (!v)
        return;
    c->rank[f->field] = f->rank;
    (void)line;     /* the value's own line: a cell may run over several */
    set_value(field_slot(c->out, f->field), v, bg_text_line(c->t, bg_piece_pos(p, a + va)), bg_piece_pos(p, a + va), bg_piece_pos(p, a + vb));
}

/* Does a field label, with its colon, start at s[i]? Used to stop a value
 * where the next field begins (填表人:    填报日期: …). */
static int label_starts(ctx *c, const char *s, size_t n, size_t i, long line)
{
    size_t ov[2];
    for (size_t k = 0; k < c->mr->nfields; k++) {
        const bg_field_rule *f = &c->mr->fields[k];
        if (!f->label.code || !bg_match(c->m, &f->label, s, n, i, ov, 1, line) || ov[0] != i)
            continue;
        size_t e = ov[1];
        while (e < n && s[e] == ' ')
            e++;
        if (e < n && s[e] == ':')
            return 1;
    }
    return 0;
}

/* Offset of the first field label with its colon at or after `from`, or n:
 * one search per label, so a long value costs its length, not its square. */
static size_t next_label(ctx *c, const char *s, size_t n, size_t from, long line)
{
    size_t best = n, ov[2];
    for (size_t k = 0; k < c->mr->nfields; k++) {
        const bg_field_rule *f = &c->mr->fields[k];
        size_t pos = from;
        while (f->label.code && pos < best && bg_match(c->m, &f->label, s, n, pos, ov, 1, line) && ov[0] < best) {
            size_t e = ov[1];
            while (e < n && s[e] == ' ')
                e++;
            if (e < n && s[e] == ':') {
                best = ov[0];
                break;
            }
            pos = ov[1] > pos ? ov[1] : pos + 1;
        }
    }
    return best;
}

/* "label: value" anywhere in a line; the value ends at a run of spaces, a TAB,
 * the end, or the next label. */
static void inline_fields(ctx *c, const bg_piece *p, long line)
{
    if (!memchr(p->s, ':', p->len))
        return;                 /* every inline field is "label: value" */
    for (size_t k = 0; k < c->mr->nfields; k++) {
        const bg_field_rule *f = &c->mr->fields[k];
        size_t ov[2];
        if (!f->label.code || !bg_match(c->m, &f->label, p->s, p->len, 0, ov, 1, line))
            continue;
        size_t i = ov[1];
        while (i < p->len && p->s[i] == ' ')
            i++;
        if (i >= p->len || p->s[i] != ':')
            continue;
        i++;
        while (i < p->len && p->s[i] == ' ')
            i++;
        if (label_starts(c, p->s, p->len, i, line))
            continue;           /* "填表人:    填报日期:" — an empty field */
        size_t e = i, next = next_label(c, p->s, p->len, i + 1, line);
        while (e < p->len && e < next && p->s[e] != '\t' && !(p->s[e] == ' ' && e + 1 < p->len && p->s[e + 1] == ' '))
            e++;
        if (f->field == BG_FIELD_DATE)
            e = p->len;     /* 2024年7月30  日: a date may hold spaces */
        offer(c, f, p, i, e, line);
    }
}

static int cell_is_label(ctx *c, const bg_field_rule *f, const bg_piece *cell, long line)
{
    size_t ov[2], n = cell->len;
    while (n > 0 && (cell->s[n - 1] == ':' || cell->s[n - 1] == ' '))
        n--;
    size_t a = 0;
    while (a < n && cell->s[a] == ' ')
        a++;
    return bg_match(c->m, &f->label, cell->s, n, a, ov, 1, line) && ov[0] == a && ov[1] == n;
}

static int cell_is_any_label(ctx *c, const bg_piece *cell)
{
    for (size_t k = 0; k < c->mr->nfields; k++)
        if (c->mr->fields[k].label.code && cell_is_label(c, &c->mr->fields[k], cell, cell->line))
            return 1;
    return 0;
}

static void table_fields(ctx *c, const bg_table *tb)
{
    for (size_t r = 0; r < tb->n; r++) {
        const bg_row *row = &tb->rows[r];
        /* whether a cell is a label is asked of it twice, as the next cell
         * and as the cell: asked once */
        int is_label = row->n ? cell_is_any_label(c, &row->cells[0]) : 0;
        for (size_t i = 0; i < row->n; i++) {
            const bg_piece *cell = &row->cells[i];
            inline_fields(c, cell, cell->line);
            if (i + 1 >= row->n)
                continue;
            const bg_piece *next = &row->cells[i + 1];
            int next_is_label = cell_is_any_label(c, next);     /* 联系人 | 联系电话 | …: no value between */
            for (size_t k = 0; k < c->mr->nfields && is_label && !next_is_label; k++) {
                const bg_field_rule *f = &c->mr->fields[k];
                if (f->label.code && cell_is_label(c, f, cell, cell->line))
                    offer(c, f, next, 0, next->len, next->line);
            }
            is_label = next_is_label;
        }
    }
}

static void line_fields(ctx *c, const bg_piece *p, long line)
{
    for (size_t k = 0; k < c->mr->nfields; k++) {
        const bg_field_rule *f = &c->mr->fields[k];
        size_t ov[2], a, b;
        if (!f->line.code || !bg_match(c->m, &f->line, p->s, p->len, 0, ov, 1, line))
            continue;
        if (bg_group(c->m, &f->line, "value", &a, &b))
            offer(c, f, p, a, b, line);
    }
}

/* The title: the first short line near the top, outside tables, that names
 * a kind. Lines, not paragraphs: a title is never continued. */
static void find_title(ctx *c)
{
    long seen = 0;
    for (size_t k = 0; k < c->l->nlines && seen < c->mr->title_scan_lines; k++) {
        if (c->l->line_kind[k] == BG_LINE_BLANK)
            continue;
        seen++;
        if (c->l->line_kind[k] != BG_LINE_TEXT)
            continue;
        bg_piece p;
        bg_marker mk;
        bg_piece_of_line(c->t, k, &p);
        int ok = !bg_marker_at(c->m, c->hs, p.s, p.len, p.line, &mk)
                 && (long)bg_piece_chars(&p) <= c->mr->title_max_chars;
        for (size_t i = 0; ok && i < c->mr->nkinds; i++) {
            size_t ov[2];
            if (!bg_match(c->m, &c->mr->kinds[i].title, p.s, p.len, 0, ov, 1, p.line))
                continue;
            set_value(&c->out->title, bg_clean(p.s, p.len), p.line, bg_piece_pos(&p, 0), bg_piece_pos(&p, p.len));
            set_value(&c->out->kind, bg_xstrdup(c->mr->kinds[i].name), p.line, bg_piece_pos(&p, ov[0]), bg_piece_pos(&p, ov[1]));
            bg_piece_free(&p);
            return;
        }
        bg_piece_free(&p);
    }
}

static void kind_from_headings(ctx *c, const bg_sections *secs)
{
    for (size_t k = 0; k < c->mr->nkinds; k++)
        for (size_t h = 0; h < c->mr->kinds[k].nhints; h++)
            for (size_t i = 0; i < secs->n; i++) {
                const bg_section *s = &secs->items[i];
                size_t ov[2];
                if (!bg_match(c->m, &c->mr->kinds[k].hints[h], s->title, strlen(s->title), 0, ov, 1, s->line))
                    continue;
                set_value(&c->out->kind, bg_xstrdup(c->mr->kinds[k].name), s->line, s->start, s->end);
                bg_warn(c->w, s->line, "no title names the document kind; taken as %s from this heading",
                        c->mr->kinds[k].name);
                return;
            }
}

static void org_from_title(ctx *c)
{
    const bg_meta_value *t = &c->out->title;
    size_t a, b, ov[2];
    if (!t->value || c->rank[BG_FIELD_ORG] <= 2)
        return;
    const bg_regex *re = &c->mr->org_from_title;
    if (!bg_match(c->m, re, t->value, strlen(t->value), 0, ov, 1, t->line) || !bg_group(c->m, re, "org", &a, &b))
        return;
    if (bg_utf8_count(t->value + a, b - a) < 2)
        return;
    c->rank[BG_FIELD_ORG] = 2;
    set_value(&c->out->organization, bg_xstrndup(t->value + a, b - a), t->line, t->start, t->end);
}

static int year_of(ctx *c, const bg_regex *re, const char *s, size_t n, long line, size_t *ov)
{
    size_t a, b, start = ov[1] == SIZE_MAX ? 0 : ov[1] + (ov[0] == ov[1]);   /* an empty match moves on */
    if (start > n || !bg_match(c->m, re, s, n, start, ov, 1, line) || !bg_group(c->m, re, "year", &a, &b))
        return 0;
    return (int)date_number(s + a, b - a);
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
            *line = b->line;
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
                lines[n++] = b->line;
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
    size_t ov[2] = { SIZE_MAX, SIZE_MAX };
    if (o->title.value && (o->year = year_of(c, &c->mr->year_in_title, o->title.value, strlen(o->title.value),
                                             o->title.line, ov)) != 0) {
        o->year_line = o->title.line;
        return;
    }
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
    ctx c = { t, l, hs, mr, m, w, out, { 0 } };
    for (int i = 0; i < BG_FIELD_COUNT; i++)
        c.rank[i] = 1 << 30;
    find_title(&c);
    if (!out->kind.value)
        kind_from_headings(&c, secs);
    for (size_t i = 0; i < l->n; i++)
        if (l->blocks[i].kind == BG_BLOCK_TABLE)
            table_fields(&c, &l->blocks[i].table);
    for (size_t k = 0; k < l->nlines; k++) {
        if (l->line_kind[k] != BG_LINE_TEXT)
            continue;
        bg_piece p;
        bg_piece_of_line(t, k, &p);
        inline_fields(&c, &p, p.line);
        line_fields(&c, &p, p.line);
        bg_piece_free(&p);
    }
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
