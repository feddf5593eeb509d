/* fields.c — the labelled fields of a report: organization, preparer,
 * phone, date. A label written "label: value" in a line, "label value" in a
 * line of cells, a label cell before its value cell, a label line before its
 * value line, or a whole line matched; each field keeps the value of its
 * best-ranked source (patterns/document.txt). */
#include "meta.h"

#include <stdlib.h>
#include <string.h>

#include "cnnum.h"

/* A label is short: a longer line or cell is not asked whether it is one. */
#define LABEL_MAX_CHARS 16
/* A longer value is text, not a name or a date. */
#define VALUE_MAX_CHARS 60
/* A name run into its label with nothing to end it is believed only when it
 * is a full one (某县某局): 主管部门办公室 names no unit. */
#define GLUED_MIN_CHARS 4
/* Bytes of a line searched for glued fields: a form's header fields open
 * it. A report flattened onto one line (50 MB of it) would otherwise be
 * searched whole for every label. */
#define GLUED_REACH 8192

typedef struct {
    const bg_text *t;
    const bg_layout *l;
    const bg_meta_rules *mr;
    bg_matcher *m;
    bg_meta *out;
    int *rank;              /* of the value held, per field; large when none */
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
long bg_date_number(const char *s, size_t n)
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
    long y = bg_date_number(s + ya, yb - ya), mo = bg_date_number(s + mo_a, mo_b - mo_a),
         d = bg_date_number(s + da, db - da);
    if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > 31)
        return NULL;
    *ma = ov[0];
    *mb = ov[1];
    return bg_xasprintf("%04ld-%02ld-%02ld", y, mo, d);
}

/* An organization as a reader names it: without a budget code or a seal
 * note (org_strip); NULL (v freed) when what is left names no unit — a
 * bare place, a placeholder, or another field's label. */
char *bg_org_clean(const bg_meta_rules *mr, bg_matcher *m, char *v, long line)
{
    size_t ov[2], n = strlen(v);
    for (size_t from = 0; from < n && bg_match(m, &mr->org_strip, v, n, from, ov, 1, line);) {
        if (ov[1] == ov[0]) {
            from = ov[1] + 1;
            continue;
        }
        memmove(v + ov[0], v + ov[1], n - ov[1] + 1);
        n -= ov[1] - ov[0];
        from = ov[0];
    }
    size_t a = 0;
    while (a < n && v[a] == ' ')
        a++;
    while (n > a && v[n - 1] == ' ')
        n--;
    memmove(v, v + a, n - a);
    v[n - a] = '\0';
    n -= a;
    if (bg_utf8_count(v, n) < 2 || memchr(v, ':', n) || bg_match(m, &mr->org_not, v, n, 0, ov, 1, line)) {
        free(v);
        return NULL;
    }
    return v;
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
    if (n > 4 * VALUE_MAX_CHARS + 64)
        return NULL;            /* no value however it is cleaned: not worth cleaning */
    char *v = bg_clean(s, n);
    if (id == BG_FIELD_ORG && !(v = bg_org_clean(c->mr, c->m, v, line)))
        return NULL;
    size_t chars = bg_utf8_count(v, strlen(v));
    if (chars == 0 || chars > VALUE_MAX_CHARS || (id == BG_FIELD_PREPARER && chars > 12)) {
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
        size_t e = i, next = next_label(c, p->s, p->len, i + 1, line), ov2[2];
        while (e < p->len && e < next && p->s[e] != '\t' && !(p->s[e] == ' ' && e + 1 < p->len && p->s[e + 1] == ' ')) {
            /* a unit's name ends at a space once it reads as one: 填报单位(盖章):
             * 某镇人民政府 项目名称… (青岚县 财政局 goes on) */
            if (f->field == BG_FIELD_ORG && e - i > 4 * VALUE_MAX_CHARS)
                break;          /* longer than any name: no value, and no need to look further */
            if (p->s[e] == ' ' && f->field == BG_FIELD_ORG
                && bg_match(c->m, &c->mr->org_unit, p->s + i, e - i, 0, ov2, 1, line))
                break;
            e++;
        }
        if (f->field == BG_FIELD_DATE)
            e = p->len;     /* 2024年7月30  日: a date may hold spaces */
        offer(c, f, p, i, e, line);
    }
}

/* Where a field rule's label next matches in a line (b == 0: not searched
 * yet; a == SIZE_MAX: nowhere further). A rule is searched again only when
 * the reading has moved past its match, so a line costs its length once per
 * rule, however many labels it holds. */
typedef struct {
    size_t a, b;
} label_hit;

/* Can a label of this rule still give a glued value: an organization's,
 * ranked above the one held? */
static int glued_may_win(const ctx *c, const bg_field_rule *f)
{
    return f->field == BG_FIELD_ORG && f->rank < c->rank[BG_FIELD_ORG];
}

static int glued_any_may_win(const ctx *c)
{
    for (size_t k = 0; k < c->mr->nfields; k++)
        if (c->mr->fields[k].label.code && glued_may_win(c, &c->mr->fields[k]))
            return 1;
    return 0;
}

/* The first field label at or after `from` (with its colon or without), of
 * any rule or (`winners`) of those that may still win: 1 with its span and
 * rule, the longest of those that start first. */
static int glued_label(ctx *c, const bg_piece *p, size_t from, label_hit *hit, int winners, size_t *la, size_t *lb,
                       size_t *rule)
{
    int found = 0;
    for (size_t k = 0; k < c->mr->nfields; k++) {
        const bg_field_rule *f = &c->mr->fields[k];
        size_t ov[2];
        if (!f->label.code || (winners && !glued_may_win(c, f)))
            continue;
        if (hit[k].b == 0 || (hit[k].a != SIZE_MAX && hit[k].a < from)) {
            hit[k].a = SIZE_MAX;
            hit[k].b = 1;
            if (from < p->len && bg_match(c->m, &f->label, p->s, p->len, from, ov, 1, p->line) && ov[1] > ov[0]) {
                hit[k].a = ov[0];
                hit[k].b = ov[1];
            }
        }
        if (hit[k].a != SIZE_MAX && (!found || hit[k].a < *la || (hit[k].a == *la && hit[k].b > *lb))) {
            *la = hit[k].a;
            *lb = hit[k].b;
            *rule = k;
            found = 1;
        }
    }
    return found;
}

/* A space, a clause mark, 。 or 、: a value holding one is no name run into its label. */
static int has_break(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] && strchr(" \t,;:", s[i]))
            return 1;
        if (i + 3 <= n && (memcmp(s + i, "。", 3) == 0 || memcmp(s + i, "、", 3) == 0))
            return 1;
    }
    return 0;
}

/* Does a field label stand in s[0..n)? */
static int label_before(ctx *c, const bg_piece *p, size_t n)
{
    size_t ov[2];
    for (size_t k = 0; k < c->mr->nfields; k++)
        if (c->mr->fields[k].label.code && bg_match(c->m, &c->mr->fields[k].label, p->s, n, 0, ov, 1, p->line)
            && ov[1] > ov[0])
            return 1;
    return 0;
}

/* Labelled fields run together with no colon or space (a form whose cells
 * lost their borders: 县级主管部门某县某局实施单位某某股项目资金…): an
 * organization's label, its value running to the next label of any field or
 * the end of the line. Only a label in a run of two labels or more is read
 * so (one label in a line is as likely a word of a sentence or a heading:
 * 实施单位领导小组), and only a value that reads as a unit's full name
 * (org_unit, GLUED_MIN_CHARS) with no break in it. Only the labels that may
 * still win are looked for first: a line without one costs a search of them
 * alone. */
static void glued_fields(ctx *c, const bg_piece *line, label_hit *hit)
{
    /* past GLUED_REACH the line is not searched, and a value can end only
     * at a next label: where the line is cut is no end of a name */
    bg_piece cutp = *line;
    const bg_piece *p = &cutp;
    int cut = line->len > GLUED_REACH;
    if (cut) {
        cutp.len = GLUED_REACH;
        while (cutp.len > 0 && ((unsigned char)cutp.s[cutp.len] & 0xC0) == 0x80)
            cutp.len--;
    }
    size_t from = 0, a = 0, b = 0, k = 0;
    for (size_t i = 0; i < c->mr->nfields; i++)
        hit[i].b = 0;
    while (glued_label(c, p, from, hit, 1, &a, &b, &k)) {
        size_t na = 0, nb = 0, nk = 0, end = p->len, ov[2];
        int next = glued_label(c, p, b, hit, 0, &na, &nb, &nk);
        if (next)
            end = na;
        while (end > b && p->s[end - 1] == ' ')
            end--;
        size_t chars = end > b ? bg_utf8_count(p->s + b, end - b) : 0;
        if (chars >= GLUED_MIN_CHARS && chars <= VALUE_MAX_CHARS && p->s[b] != ':' && p->s[b] != ' '
            && !has_break(p->s + b, end - b) && bg_match(c->m, &c->mr->org_unit, p->s + b, end - b, 0, ov, 1, p->line)
            && (next || (!cut && label_before(c, p, a))))
            offer(c, &c->mr->fields[k], p, b, end, p->line);
        from = b;
    }
}

static int word_is_label(ctx *c, const char *s, size_t n, long line)
{
    size_t ov[2];
    return bg_match(c->m, &c->mr->any_label, s, n, 0, ov, 1, line);
}

/* "label value" in a line of cells between spaces that layout left as text
 * (部门(单位)名称 某某研究室 部门预算编码 901001033): the value is the word
 * after the label, when it is not a label itself. */
static void spaced_fields(ctx *c, const bg_piece *p, long line)
{
    if (!memchr(p->s, ' ', p->len))
        return;
    for (size_t k = 0; k < c->mr->nfields; k++) {
        const bg_field_rule *f = &c->mr->fields[k];
        size_t ov[2];
        for (size_t from = 0; f->label.code && from < p->len && bg_match(c->m, &f->label, p->s, p->len, from, ov, 1, line);
             from = ov[1] > from ? ov[1] : from + 1) {
            size_t i = ov[1], e;
            if ((ov[0] > 0 && p->s[ov[0] - 1] != ' ') || i >= p->len || p->s[i] != ' ')
                continue;
            while (i < p->len && p->s[i] == ' ')
                i++;
            for (e = i; e < p->len && p->s[e] != ' ' && p->s[e] != '\t'; e++)
                ;
            if (e > i && !label_starts(c, p->s, p->len, i, line) && !word_is_label(c, p->s + i, e - i, line)
                && (f->field != BG_FIELD_ORG || bg_match(c->m, &c->mr->org_unit, p->s + i, e - i, 0, ov, 1, line)))
                offer(c, f, p, i, e, line);
            break;
        }
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
    return word_is_label(c, cell->s, cell->len, cell->line);
}

/* The one non-empty cell of a row, or NULL. */
static const bg_piece *only_cell(const bg_row *row)
{
    const bg_piece *only = NULL;
    for (size_t i = 0; i < row->n; i++)
        if (bg_piece_chars(&row->cells[i]) > 0) {
            if (only)
                return NULL;
            only = &row->cells[i];
        }
    return only;
}

/* A label cell, then its value cell: in one row, or (a form flattened one
 * cell per row) a row holding only the label, then a row holding only the
 * value. */
static void table_fields(ctx *c, const bg_table *tb)
{
    for (size_t r = 0; r < tb->n; r++) {
        const bg_row *row = &tb->rows[r];
        const bg_piece *label = only_cell(row), *value = r + 1 < tb->n ? only_cell(&tb->rows[r + 1]) : NULL;
        if (label && (bg_piece_chars(label) > LABEL_MAX_CHARS || !cell_is_any_label(c, label)))
            label = NULL;
        for (size_t k = 0; label && value && k < c->mr->nfields; k++) {
            const bg_field_rule *f = &c->mr->fields[k];
            if (f->label.code && bg_piece_chars(label) <= LABEL_MAX_CHARS && cell_is_label(c, f, label, label->line)
                && !cell_is_any_label(c, value))
                offer(c, f, value, 0, value->len, value->line);
        }
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

/* A line that is only a label, then a line that is its value: a form
 * flattened one cell per line that layout left as text (实施单位 / 某某学校). */
static void label_line(ctx *c, size_t k, const bg_piece *p)
{
    if (bg_piece_chars(p) > LABEL_MAX_CHARS || !cell_is_any_label(c, p))
        return;
    size_t j = k + 1;
    while (j < c->l->nlines && c->l->line_kind[j] == BG_LINE_BLANK && j < k + 3)
        j++;
    if (j >= c->l->nlines || c->l->line_kind[j] != BG_LINE_TEXT)
        return;
    bg_piece q;
    bg_piece_of_line(c->t, j, &q);
    for (size_t i = 0; i < c->mr->nfields && !cell_is_any_label(c, &q); i++) {
        const bg_field_rule *f = &c->mr->fields[i];
        if (f->label.code && cell_is_label(c, f, p, p->line))
            offer(c, f, &q, 0, q.len, q.line);
    }
    bg_piece_free(&q);
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

void bg_fields_extract(const bg_text *t, const bg_layout *l, const bg_meta_rules *mr, bg_matcher *m, bg_meta *out,
                       int rank[BG_FIELD_COUNT])
{
    ctx c = { t, l, mr, m, out, rank };
    label_hit *hit = bg_xcalloc(mr->nfields ? mr->nfields : 1, sizeof *hit);
    for (size_t i = 0; i < l->n; i++)
        if (l->blocks[i].kind == BG_BLOCK_TABLE)
            table_fields(&c, &l->blocks[i].table);
    for (size_t k = 0; k < l->nlines; k++) {
        if (l->line_kind[k] != BG_LINE_TEXT)
            continue;
        bg_piece p;
        bg_piece_of_line(t, k, &p);
        inline_fields(&c, &p, p.line);
        spaced_fields(&c, &p, p.line);
        line_fields(&c, &p, p.line);
        label_line(&c, k, &p);
        bg_piece_free(&p);
    }
    /* fields run together are the least certain reading: asked only when no
     * label written apart gave the best organization, and only of the
     * opening part (the lines a title is looked for in), where a form's
     * header fields stand; a report's prose is not searched for them */
    long opening = 0;
    for (size_t k = 0; k < l->nlines && opening < mr->title_scan_lines && glued_any_may_win(&c); k++) {
        if (l->line_kind[k] == BG_LINE_BLANK)
            continue;
        opening++;
        if (l->line_kind[k] != BG_LINE_TEXT)
            continue;
        bg_piece p;
        bg_piece_of_line(t, k, &p);
        glued_fields(&c, &p, hit);
        bg_piece_free(&p);
    }
    free(hit);
}
