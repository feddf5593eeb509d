/* amounts.c — money written with its unit, in prose and in table cells:
 * compiling the [unit] [amounts] [money-words] [labels] records, finding
 * amounts, reading their values exactly, and taking their labels. */
#include "amounts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnnum.h"


/* ---- compiling ------------------------------------------------------------ */

typedef struct {
    const char *type, *key;
    size_t offset;          /* of a bg_regex in bg_amount_rules */
} regex_slot;

#define SLOT(t, k, f) { t, k, offsetof(bg_amount_rules, f) }
static const regex_slot slots[] = {
    SLOT("amounts", "expression", expression), SLOT("amounts", "not_after", not_after),
    SLOT("amounts", "split_number", split_number),
    SLOT("amounts", "foreign", foreign),
    SLOT("amounts", "approx", approx), SLOT("amounts", "over", over), SLOT("amounts", "under", under),
    SLOT("amounts", "unitless", unitless), SLOT("amounts", "formal", formal), SLOT("amounts", "field", field),
    SLOT("money-words", "money", money), SLOT("money-words", "not_money", not_money),
    SLOT("money-words", "header_word", header_word), SLOT("money-words", "header_note", header_note),
    SLOT("money-words", "declaration", declaration), SLOT("money-words", "header_unit", header_unit),
    SLOT("money-words", "cell_number", cell_number), SLOT("money-words", "cell_labelled", cell_labelled),
    SLOT("money-words", "row_mark", row_mark),
    SLOT("labels", "clause_end", clause_end), SLOT("labels", "drop_after", drop_after),
    SLOT("labels", "part", part), SLOT("labels", "total", total), SLOT("labels", "count_at_end", count_at_end),
    SLOT("labels", "restate", restate), SLOT("labels", "field_edge", field_edge),
    SLOT("labels", "field_value", field_value),
};
#define NSLOTS (sizeof slots / sizeof slots[0])

/* Bytes before an amount that split_number reads: a figure, a separator and
 * a few spaces. */
enum { SPLIT_LOOK = 12 };

static bg_regex *slot_of(bg_amount_rules *ar, size_t k)
{
    return (bg_regex *)((char *)ar + slots[k].offset);
}

static int compile_unit(const bg_record *r, bg_amount_rules *ar, baogao_error *err)
{
    const bg_kv *name = bg_record_get(r, "name"), *exp = bg_record_get(r, "wan_exponent");
    long e;
    if (!name || !exp)
        return bg_pattern_error(err, r->file, r->line, "[unit] needs name and wan_exponent");
    if (bg_kv_int(exp, &e, err) < 0)
        return -1;
    bg_unit u = { bg_xstrdup(name->value), (int)e };
    BG_PUSH(ar->units, ar->nunits, ar->units_cap, u);
    return 0;
}

/* The code point of the character at s[i] when it is in the BMP, else -1
 * (a continuation byte, a four-byte character, a cut one). */
static long bmp_at(const char *s, size_t len, size_t i)
{
    unsigned c = (unsigned char)s[i];
    if (c < 0x80)
        return (long)c;
    if (c >= 0xC2 && c < 0xE0 && i + 1 < len)
        return (long)((c & 0x1Fu) << 6 | ((unsigned char)s[i + 1] & 0x3Fu));
    if (c >= 0xE0 && c < 0xF0 && i + 2 < len)
        return (long)((c & 0x0Fu) << 12 | ((unsigned char)s[i + 1] & 0x3Fu) << 6 | ((unsigned char)s[i + 2] & 0x3Fu));
    return -1;
}

static int anchor_starts_with(const bg_amount_rules *ar, long cp)
{
    return cp >= 0 && ar->anchor_first[cp >> 3] >> (cp & 7) & 1;
}

static int compile_anchors(const bg_kv *kv, bg_amount_rules *ar, baogao_error *err)
{
    if (ar->nanchors)
        return bg_pattern_error(err, kv->file, kv->line, "%s given twice", kv->key);
    for (const char *p = kv->value; *p;) {
        size_t n = strcspn(p, " \t");
        if (n) {
            struct bg_anchor a = { bg_xstrndup(p, n), n };
            BG_PUSH(ar->anchors, ar->nanchors, ar->anchors_cap, a);
            long cp = bmp_at(p, n, 0);
            if (cp < 0)
                return bg_pattern_error(err, kv->file, kv->line, "an anchor starts with a character beyond U+FFFF");
            ar->anchor_first[cp >> 3] |= (unsigned char)(1u << (cp & 7));
        }
        p += n;
        p += strspn(p, " \t");
    }
    if (!ar->nanchors)
        return bg_pattern_error(err, kv->file, kv->line, "anchor lists no characters");
    return 0;
}

static int compile_kv(const bg_record *r, const bg_kv *kv, bg_amount_rules *ar, baogao_error *err)
{
    if (strcmp(r->type, "amounts") == 0 && strcmp(kv->key, "anchor") == 0)
        return compile_anchors(kv, ar, err);
    if (strcmp(r->type, "amounts") == 0 && strcmp(kv->key, "anchor_reach") == 0) {
        long v;
        if (bg_kv_int(kv, &v, err) < 0)
            return -1;
        if (v < 1)
            return bg_pattern_error(err, kv->file, kv->line, "anchor_reach must be at least 1");
        ar->anchor_reach = (size_t)v;
        return 0;
    }
    if (strcmp(r->type, "labels") == 0 && (strcmp(kv->key, "drop_before") == 0 || strcmp(kv->key, "after") == 0)) {
        bg_regex re;
        if (bg_regex_compile(kv, &re, err) < 0)
            return -1;
        if (kv->key[0] == 'a')
            BG_PUSH(ar->after, ar->nafter, ar->after_cap, re);
        else
            BG_PUSH(ar->drop_before, ar->ndrop_before, ar->drop_before_cap, re);
        return 0;
    }
    for (size_t k = 0; k < NSLOTS; k++)
        if (strcmp(r->type, slots[k].type) == 0 && strcmp(kv->key, slots[k].key) == 0) {
            if (slot_of(ar, k)->code)
                return bg_pattern_error(err, kv->file, kv->line, "%s given twice", kv->key);
            return bg_regex_compile(kv, slot_of(ar, k), err);
        }
    return bg_pattern_error(err, kv->file, kv->line, "unknown key \"%s\" in [%s]", kv->key, r->type);
}

int bg_amounts_compile(const bg_records *recs, bg_amount_rules *ar, baogao_error *err)
{
    memset(ar, 0, sizeof *ar);
    for (size_t i = 0; i < recs->n; i++) {
        const bg_record *r = &recs->items[i];
        if (strcmp(r->type, "unit") == 0) {
            if (compile_unit(r, ar, err) < 0)
                return -1;
            continue;
        }
        if (strcmp(r->type, "amounts") != 0 && strcmp(r->type, "money-words") != 0 && strcmp(r->type, "labels") != 0)
            continue;
        for (size_t k = 0; k < r->nkv; k++)
            if (compile_kv(r, &r->kv[k], ar, err) < 0)
                return -1;
    }
    for (size_t k = 0; k < NSLOTS; k++)
        if (!slot_of(ar, k)->code)
            return bg_pattern_error(err, "patterns", 0, "[%s] lacks %s", slots[k].type, slots[k].key);
    if (ar->nunits == 0)
        return bg_pattern_error(err, "patterns", 0, "no [unit] records");
    if (ar->nanchors && !ar->anchor_reach)
        return bg_pattern_error(err, "patterns", 0, "[amounts] anchor needs anchor_reach");
    return 0;
}

void bg_amount_rules_free(bg_amount_rules *ar)
{
    for (size_t i = 0; i < ar->nunits; i++)
        free(ar->units[i].name);
    free(ar->units);
    for (size_t k = 0; k < NSLOTS; k++)
        bg_regex_free(slot_of(ar, k));
    for (size_t i = 0; i < ar->ndrop_before; i++)
        bg_regex_free(&ar->drop_before[i]);
    free(ar->drop_before);
    for (size_t i = 0; i < ar->nafter; i++)
        bg_regex_free(&ar->after[i]);
    free(ar->after);
    for (size_t i = 0; i < ar->nanchors; i++)
        free(ar->anchors[i].s);
    free(ar->anchors);
    memset(ar, 0, sizeof *ar);
}

/* ---- shared helpers ------------------------------------------------------- */

/* Units are looked up with traditional and formal characters folded
 * (萬 万, 億 亿, 圆 圓 块 元); the unit keeps the characters as written. */
const bg_unit *bg_unit_find(const bg_amount_rules *ar, const char *name, size_t n)
{
    static const char *folds[][2] = { { "萬", "万" }, { "億", "亿" }, { "圆", "元" }, { "圓", "元" }, { "块", "元" } };
    const size_t nfolds = sizeof folds / sizeof folds[0];
    char key[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 4 < sizeof key;) {
        size_t f = 0;
        while (f < nfolds && !(n - i >= 3 && memcmp(name + i, folds[f][0], 3) == 0))
            f++;
        const char *src = f < nfolds ? folds[f][1] : name + i;
        size_t len = f < nfolds ? 3 : 1;
        memcpy(key + k, src, len);
        k += len;
        i += len;
    }
    for (size_t i = 0; i < ar->nunits; i++)
        if (strlen(ar->units[i].name) == k && memcmp(ar->units[i].name, key, k) == 0)
            return &ar->units[i];
    return NULL;
}

void bg_amount_set_wan(bg_amount *a, const bg_unit *u)
{
    a->value_wan = a->value;
    bg_dec_shift(&a->value_wan, u->wan_exponent);
    if (a->has_max) {
        a->value_max_wan = a->value_max;
        bg_dec_shift(&a->value_max_wan, u->wan_exponent);
    }
}

int bg_is_money_label(const bg_amount_rules *ar, bg_matcher *m, const char *s, long line)
{
    size_t ov[2], n = strlen(s);
    return bg_match(m, &ar->money, s, n, 0, ov, 1, line) && !bg_match(m, &ar->not_money, s, n, 0, ov, 1, line);
}

void bg_amount_push(bg_amounts *out, bg_amount *a)
{
    BG_PUSH(out->items, out->n, out->cap, *a);
    memset(a, 0, sizeof *a);
}

static void amount_clear(bg_amount *a)
{
    free(a->label);
    free(a->unit);
    free(a->per);
    free(a->text);
    free(a->row);
    free(a->column);
}

void bg_amounts_free(bg_amounts *a)
{
    for (size_t i = 0; i < a->n; i++)
        amount_clear(&a->items[i]);
    free(a->items);
    memset(a, 0, sizeof *a);
}

/* ---- reading a match ------------------------------------------------------ */

static const char *qualifier_of(const bg_amount_rules *ar, bg_matcher *m, const char *s, bg_span r, long line)
{
    size_t ov[2];
    if (!bg_span_has(r))
        return NULL;
    if (bg_match(m, &ar->approx, s + r.a, r.b - r.a, 0, ov, 1, line))
        return "approx";
    if (bg_match(m, &ar->over, s + r.a, r.b - r.a, 0, ov, 1, line))
        return "over";
    if (bg_match(m, &ar->under, s + r.a, r.b - r.a, 0, ov, 1, line))
        return "under";
    return NULL;
}

/* ---- finding amounts in a piece of text ----------------------------------- */

static int next_is_cjk(const char *s, size_t n, size_t at)
{
    uint32_t cp;
    if (at >= n)
        return 0;
    bg_utf8_next(s + at, n - at, &cp);
    return bg_is_cjk(cp) && cp != 0x3002 && cp != 0x3001;   /* 。、 end a phrase */
}

typedef struct {
    size_t last_total;      /* index of the last amount that is not a part */
    size_t parts_of;        /* parent of the parts being listed, or BG_NO_PARENT */
    size_t prev_end;        /* end of the previous amount in this piece */
} part_state;

/* A list of parts runs to the end of its sentence; "；" only separates parts. */
static int sentence_break(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i + 3 <= b; i++)
        if (memcmp(s + i, "。", 3) == 0)
            return 1;
    return 0;
}

/* Is the match at ov next to a foreign currency name (港币两千元, 9000元日币)? */
static int foreign_neighbour(const bg_amount_rules *ar, bg_matcher *m, const bg_piece *p, const size_t *ov)
{
    size_t fv[2], a = ov[0] > 12 ? ov[0] - 12 : 0, b = ov[1] + 12 < p->len ? ov[1] + 12 : p->len;
    while (a > 0 && ((unsigned char)p->s[a] & 0xC0) == 0x80)
        a--;
    size_t pos = a;
    while (pos < ov[0] && bg_match(m, &ar->foreign, p->s, ov[0], pos, fv, 1, p->line)) {
        size_t e = fv[1];
        while (e < ov[0] && p->s[e] == ' ')
            e++;
        if (e == ov[0])
            return 1;
        pos = fv[1] > pos ? fv[1] : pos + 1;
    }
    size_t q = ov[1];
    while (q < b && p->s[q] == ' ')
        q++;
    return bg_match(m, &ar->foreign, p->s, b, q, fv, 1, p->line) && fv[0] == q;
}

/* Build the amount of the match at ov in p; 0 if it is not money after all.
 * The groups of the match are read before the label is taken: its
 * expressions reuse the matcher's match data. */
static int build(const bg_piece *p, const size_t *ov, const bg_cell_ctx *cell, const bg_amount_rules *ar,
                 bg_matcher *m, bg_amount *a, bg_label_info *li, size_t from)
{
    const bg_regex *re = &ar->expression;
    const char *s = p->s;
    long line = p->line;
    bg_amount_reading r;
    size_t fv[2];
    if (bg_amount_read(ar, m, s, line, a, &r) < 0)
        return 0;
    const bg_unit *u = bg_unit_find(ar, r.unit, strlen(r.unit));
    if (!u)
        return 0;
    bg_span qualifiers[] = { bg_amount_group(m, re, "pre"), bg_amount_group(m, re, "mid0"),
                             bg_amount_group(m, re, "mid"), bg_amount_group(m, re, "post"), { 0, 0 } };
    bg_span per = bg_amount_group(m, re, "per");
    *li = bg_amount_label(ar, m, p, from, ov[0], ov[1], line);
    if (!r.written_yuan) {
        /* a bare 万/亿: money only before a non-Chinese character, after a money label */
        const char *lab = li->label ? li->label : cell ? cell->row : NULL;
        if (next_is_cjk(s, p->len, ov[1]) || !lab || !bg_is_money_label(ar, m, lab, line))
            return 0;
    }
    if (r.subunits_alone && li->label && bg_match(m, &ar->not_money, li->label, strlen(li->label), 0, fv, 1, line))
        return 0;               /* 得分叁分 is a score, even in 大写 */
    a->unit = bg_xstrdup(r.unit);
    a->unit_source = "written";
    bg_amount_set_wan(a, u);
    qualifiers[4] = (bg_span){ li->verb_a, li->verb_b };     /* 支出约为100万元 */
    for (size_t i = 0; i < sizeof qualifiers / sizeof qualifiers[0] && !a->qualifier; i++)
        a->qualifier = qualifier_of(ar, m, s, qualifiers[i], line);
    if (bg_span_has(per))
        a->per = bg_xstrndup(s + per.a, per.b - per.a);
    a->text = bg_xstrndup(s + ov[0], ov[1] - ov[0]);
    a->start = bg_piece_pos(p, ov[0]);
    a->end = bg_piece_end(p, ov[1]);
    a->line = line;
    return 1;
}

static void set_context(bg_amount *a, const bg_cell_ctx *cell, bg_label_info *li)
{
    a->label = li->label;
    li->label = NULL;
    if (!cell)
        return;
    a->in_table = 1;
    a->row = cell->row ? bg_xstrdup(cell->row) : NULL;
    a->column = cell->column ? bg_xstrdup(cell->column) : NULL;
    if (!a->label && (a->row || a->column))
        a->label = a->row && a->column ? bg_xasprintf("%s %s", a->row, a->column)
                                       : bg_xstrdup(a->row ? a->row : a->column);
}

static void link_parts(bg_amounts *out, part_state *ps, const char *s, size_t start, size_t end, int part)
{
    bg_amount *a = &out->items[out->n - 1];
    size_t index = out->n - 1;
    if (ps->parts_of != BG_NO_PARENT && sentence_break(s, ps->prev_end, start))
        ps->parts_of = BG_NO_PARENT;
    if (part && ps->last_total != BG_NO_PARENT) {
        a->parent = ps->last_total;
        ps->parts_of = ps->last_total;
    } else if (ps->parts_of != BG_NO_PARENT)
        a->parent = ps->parts_of;
    else
        ps->last_total = index;
    ps->prev_end = end;
}

/* A money figure written without a unit is not an amount; say so, and mark
 * the 其中 list it belongs to as incomplete (its parts cannot add up). */
static void unitless_figures(const bg_text *t, const bg_piece *p, const bg_amount_rules *ar, bg_matcher *m,
                             bg_warnings *w, bg_amounts *out, size_t first)
{
    size_t ov[2], pos = 0, na, nb;
    while (pos < p->len && bg_match(m, &ar->unitless, p->s, p->len, pos, ov, 1, p->line)) {
        pos = ov[1];
        if (!bg_group(m, &ar->unitless, "num", &na, &nb))
            continue;
        int taken = 0;      /* inside an amount already read? */
        for (size_t i = first; i < out->n; i++)
            taken |= out->items[i].start <= bg_piece_pos(p, na) && bg_piece_pos(p, na) < out->items[i].end;
        if (taken)
            continue;
        char *text = bg_xstrndup(p->s + ov[0], ov[1] - ov[0]);
        bg_warn(w, bg_text_line(t, bg_piece_pos(p, ov[0])), "\"%s\": a money figure with no unit; not taken as an amount", text);
        free(text);
        for (size_t i = out->n; i-- > first;) {
            const bg_amount *a = &out->items[i];
            if (a->start >= bg_piece_pos(p, ov[0]))
                continue;
            if (a->parent != BG_NO_PARENT && !sentence_break(t->s, a->end, bg_piece_pos(p, ov[0])))
                out->items[a->parent].parts_incomplete = 1;
            break;
        }
    }
}

/* Where to go on after a rejected match whose number is nr: past it, or to
 * the Arabic number that a word ending in a numeral character runs into
 * (找零50元, 之一100万元: 零50 is no numeral, 50元 is an amount). Such a
 * number is not glued to the character before it, unlike 一千二|百 or 二点|5. */
static size_t arabic_after_numeral(const char *s, bg_span nr)
{
    if ((unsigned char)s[nr.a] < 0x80)
        return nr.b;
    for (size_t i = nr.a; i < nr.b; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return i;
    return nr.b;
}

/* Where to try the expression from pos on: anchor_reach before the next
 * anchor (at a character's first byte), or len when no anchor is left. The
 * expression tried at every byte of every paragraph was the largest cost of
 * a conversion; text between amounts now costs a table lookup a character. */
static size_t search_from(const bg_amount_rules *ar, const char *s, size_t len, size_t pos)
{
    if (!ar->nanchors)
        return pos;
    for (size_t i = pos; i < len; i++) {
        const unsigned char *u = (const unsigned char *)s + i;
        long cp;
        if (u[0] >= 0xE0 && u[0] < 0xF0 && i + 2 < len) {
            /* most of the text: bmp_at's reading, in line, and past its
             * continuation bytes when they are some */
            cp = (long)((u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu));
            if (!anchor_starts_with(ar, cp)) {
                if ((u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
                    i += 2;
                continue;
            }
        } else if ((u[0] & 0xC0) == 0x80 || !anchor_starts_with(ar, bmp_at(s, len, i)))
            continue;
        for (size_t k = 0; k < ar->nanchors; k++) {
            size_t n = ar->anchors[k].n;
            if (n <= len - i && memcmp(s + i, ar->anchors[k].s, n) == 0) {
                size_t start = i - pos > ar->anchor_reach ? i - ar->anchor_reach : pos;
                while (start > pos && ((unsigned char)s[start] & 0xC0) == 0x80)
                    start--;
                return start;
            }
        }
    }
    return len;
}

/* Does a figure end just before the spaces before `at`? Then the amount at
 * `at` may be the tail of a number that OCR or a PDF cut at a space
 * (1 234.56万元 read as 234.56万元): which figure it is cannot be known. */
static int split_number(const bg_piece *p, size_t at, const bg_amount_rules *ar, bg_matcher *m)
{
    size_t from = at > SPLIT_LOOK ? at - SPLIT_LOOK : 0, ov[2];
    while (from > 0 && ((unsigned char)p->s[from] & 0xC0) == 0x80)
        from--;
    return bg_match(m, &ar->split_number, p->s, at, from, ov, 1, p->line);
}

int bg_amount_possible(const bg_amount_rules *ar, const char *s, size_t n)
{
    return search_from(ar, s, n, 0) < n;
}

/* The fields with a declared unit (计划投资额(万元)110.00) in p: the next one
 * found, read in document order among the written amounts. */
typedef struct {
    int have;
    bg_field_hit h;
} field_scan;

/* Take the fields whose figure starts before `until`; *from is the end of
 * the amount before, where a label may start. 1 when one was tried: the
 * matcher no longer holds the match of the caller. */
static int fields_before(const bg_text *t, const bg_piece *p, const bg_cell_ctx *cell, const bg_amount_rules *ar,
                          bg_matcher *m, bg_amounts *out, part_state *ps, size_t *from, field_scan *fs, size_t until)
{
    int tried = 0;
    for (; fs->have && fs->h.num_a < until; fs->have = bg_amount_field_find(ar, m, p, fs->h.end, &fs->h)) {
        tried = 1;
        bg_amount a = { 0 };
        bg_label_info li = { NULL, 0, 0, 0 };
        a.parent = BG_NO_PARENT;
        if (fs->h.bracket < *from || !bg_amount_field_build(ar, m, p, *from, &fs->h, &a, &li)) {
            amount_clear(&a);
            continue;
        }
        set_context(&a, cell, &li);
        a.line = bg_text_line(t, a.start);
        /* a form's 其中 list ends with its row: a field on the next line is
         * none of its parts, though the layout joined the lines */
        if (ps->parts_of != BG_NO_PARENT && ps->prev_end && bg_text_line(t, bg_piece_pos(p, ps->prev_end - 1)) != a.line)
            ps->parts_of = BG_NO_PARENT;
        bg_amount_push(out, &a);
        link_parts(out, ps, p->s, fs->h.num_a, fs->h.num_b, li.part);
        *from = fs->h.end;
    }
    return tried;
}

void bg_amounts_in_text(const bg_text *t, const bg_piece *p, const bg_cell_ctx *cell, const bg_amount_rules *ar,
                        bg_matcher *m, bg_warnings *w, bg_amounts *out)
{
    size_t first = out->n;
    part_state ps = { BG_NO_PARENT, BG_NO_PARENT, 0 };
    size_t pos = 0, from = 0, ov[2];
    field_scan fs = { 0, { 0, 0, 0, 0, 0, 0 } };
    fs.have = bg_amount_field_find(ar, m, p, 0, &fs.h);
    while ((pos = search_from(ar, p->s, p->len, pos)) < p->len
           && bg_match(m, &ar->expression, p->s, p->len, pos, ov, 1, p->line)) {
        if (fields_before(t, p, cell, ar, m, out, &ps, &from, &fs, ov[0])
            && !bg_match(m, &ar->expression, p->s, p->len, pos, ov, 1, p->line))
            break;              /* the same match again: its groups were overwritten */
        size_t step = ov[0] + 1;
        while (step < p->len && ((unsigned char)p->s[step] & 0xC0) == 0x80)
            step++;
        /* A rejected match cannot be followed by one starting inside its
         * number (not_after refuses those), so the scan moves past it: a run
         * of numerals costs its length, not its square. */
        bg_span nr = bg_amount_group(m, &ar->expression, "num");
        if (bg_span_has(nr) && nr.b > step)
            step = arabic_after_numeral(p->s, nr);
        size_t before[2], prev = ov[0];
        while (prev > 0 && ((unsigned char)p->s[--prev] & 0xC0) == 0x80)
            ;                   /* the character before, from its first byte */
        int glued = ov[0] > 0 && bg_match(m, &ar->not_after, p->s, ov[0], prev, before, 1, p->line)
                    && !(prev + 3 == ov[0] && bg_cn_span(p->s + prev, 3) == 3 && p->s[ov[0]] >= '0' && p->s[ov[0]] <= '9');
        int split = !glued && p->s[prev] == ' ' && split_number(p, ov[0], ar, m);
        /* a minus after ")" or a figure is a range dash: (含)-5万元 */
        if (!glued && ov[0] > 0 && (p->s[ov[0]] == '-' || (p->len - ov[0] >= 3 && memcmp(p->s + ov[0], "−", 3) == 0))) {
            uint32_t cp;
            bg_utf8_next(p->s + prev, ov[0] - prev, &cp);
            glued = !(bg_is_cjk(cp) || cp == ' ' || cp == ':');
        }
        bg_amount a = { 0 };
        bg_label_info li = { NULL, 0, 0, 0 };
        a.parent = BG_NO_PARENT;
        int read = !glued && ov[1] > ov[0] && !foreign_neighbour(ar, m, p, ov) && build(p, ov, cell, ar, m, &a, &li, from);
        if (read && split)
            bg_warn(w, bg_text_line(t, a.start), "\"%s\" follows a figure across a space (a number split apart?); "
                    "not taken as an amount", a.text);
        if (!read || split) {
            free(li.label);
            amount_clear(&a);
            pos = step;
            continue;
        }
        /* 其中 anywhere since the previous amount makes this one a part:
         * 535.33万元，其中本级项目5个，支出318.60万元 */
        size_t since = from, pv[2];
        if (!li.part && bg_match(m, &ar->part, p->s, ov[0], since, pv, 1, p->line))
            li.part = 1;
        set_context(&a, cell, &li);
        a.line = bg_text_line(t, a.start);     /* a cell or paragraph may run over lines */
        if (bg_piece_pos(p, ov[1] - 1) - bg_piece_pos(p, ov[0]) != ov[1] - 1 - ov[0])
            bg_warn(w, a.line, "amount \"%s\" joined across a line break", a.text);
        bg_amount_push(out, &a);
        link_parts(out, &ps, p->s, ov[0], ov[1], li.part);
        from = ov[1];
        pos = ov[1];
    }
    fields_before(t, p, cell, ar, m, out, &ps, &from, &fs, SIZE_MAX);
    if (!cell)
        unitless_figures(t, p, ar, m, w, out, first);
}

void bg_amounts_extract(const bg_text *t, const bg_layout *l, const bg_amount_rules *ar, bg_matcher *m,
                        bg_warnings *w, bg_amounts *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < l->n; i++) {
        const bg_block *b = &l->blocks[i];
        if (b->kind == BG_BLOCK_PARA)
            bg_amounts_in_text(t, &b->text, NULL, ar, m, w, out);
        else
            bg_amounts_in_table(t, l, i, ar, m, w, out);
    }
}
