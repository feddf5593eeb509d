/* html_items.c — the review page's marked items: which items of a result
 * have a span, their element ids, and the text a tooltip shows for each. */
#include <stdlib.h>
#include <string.h>

#include "emit_html.h"

const bg_hkind_info bg_hkinds[BG_HK_COUNT] = {
    [BG_HK_SECTION] = { "section", "h", "Heading 标题" },
    [BG_HK_FIELD] = { "field", "f-", "Document field 文档信息" },
    [BG_HK_INDICATOR] = { "indicator", "i", "Indicator row 绩效指标" },
    [BG_HK_PROJECT] = { "project", "p", "Project row 项目" },
    [BG_HK_STATED] = { "stated", "t", "Total score 总分" },
    [BG_HK_SCORE] = { "score", "s", "Item score 分项得分" },
    [BG_HK_GRADE] = { "grade", "g", "Grade 等级" },
    [BG_HK_AMOUNT] = { "amount", "a", "Amount 金额" },
};

/* The same fields, in the same order, as emit_json.c's provenance: those
 * with a value and a line. The year has only a line, so it is not marked. */
size_t bg_html_fields(const baogao_result *r, bg_html_field fields[6])
{
    const bg_meta *m = &r->meta;
    const bg_html_field all[6] = {
        { "title", &m->title }, { "kind", &m->kind }, { "organization", &m->organization },
        { "date", &m->date }, { "preparer", &m->preparer }, { "phone", &m->phone },
    };
    size_t n = 0;
    for (size_t i = 0; i < 6; i++)
        if (all[i].v->value && all[i].v->line)
            fields[n++] = all[i];
    return n;
}

/* Move a span onto character boundaries (outwards) and inside the shown
 * text (a final line break starts no line of its own). */
static void snap(const bg_text *t, size_t *a, size_t *b)
{
    size_t end = t->len && t->s[t->len - 1] == '\n' && t->nlines > 1 ? t->len - 1 : t->len;
    if (*a > end)
        *a = end;
    if (*b > end)
        *b = end;
    if (*b < *a)
        *b = *a;
    while (*a > 0 && *a < t->len && ((unsigned char)t->s[*a] & 0xC0) == 0x80)
        (*a)--;
    while (*b < t->len && ((unsigned char)t->s[*b] & 0xC0) == 0x80)
        (*b)++;
}

static void add(bg_hitems *out, const baogao_result *r, bg_hkind kind, size_t index, size_t a, size_t b)
{
    bg_hitem it = { kind, index, a, b };
    snap(&r->text, &it.start, &it.end);
    BG_PUSH(out->items, out->n, out->cap, it);
    out->count[kind]++;
}

void bg_html_collect(const baogao_result *r, bg_hitems *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < r->sections.n; i++)
        add(out, r, BG_HK_SECTION, i, r->sections.items[i].start, r->sections.items[i].end);
    bg_html_field fields[6];
    size_t nf = bg_html_fields(r, fields);
    for (size_t i = 0; i < nf; i++)
        add(out, r, BG_HK_FIELD, i, fields[i].v->start, fields[i].v->end);
    const bg_findings *f = &r->findings;
    for (size_t i = 0; i < f->nindicators; i++)
        add(out, r, BG_HK_INDICATOR, i, f->indicators[i].start, f->indicators[i].end);
    for (size_t i = 0; i < f->nprojects; i++)
        add(out, r, BG_HK_PROJECT, i, f->projects[i].start, f->projects[i].end);
    for (size_t i = 0; i < f->scores.ntotals; i++)
        add(out, r, BG_HK_STATED, i, f->scores.totals[i].start, f->scores.totals[i].end);
    for (size_t i = 0; i < f->scores.nitems; i++)
        add(out, r, BG_HK_SCORE, i, f->scores.items[i].start, f->scores.items[i].end);
    if (f->scores.grade)
        add(out, r, BG_HK_GRADE, 0, f->scores.grade_start, f->scores.grade_end);
    for (size_t i = 0; i < r->amounts.n; i++)
        add(out, r, BG_HK_AMOUNT, i, r->amounts.items[i].start, r->amounts.items[i].end);
}

const char *bg_html_field_key(const baogao_result *r, size_t index)
{
    bg_html_field fields[6];
    size_t nf = bg_html_fields(r, fields);
    return index < nf ? fields[index].key : "unknown";
}

void bg_html_id(bg_buf *b, const baogao_result *r, const bg_hitem *it)
{
    bg_buf_adds(b, bg_hkinds[it->kind].prefix);
    if (it->kind == BG_HK_FIELD) {
        bg_buf_adds(b, bg_html_field_key(r, it->index));
    } else {
        bg_html_printf(b, "%zu", it->index);
    }
}

void bg_html_section_path(bg_buf *b, const baogao_result *r, long line)
{
    bg_section_path(&r->sections, bg_section_at(&r->sections, line), b);
}

/* ---- tooltips: plain text, one fact a line ---------------------------------- */

static void dec(bg_buf *b, const bg_dec *d, int present, int as_written)
{
    if (present)
        bg_html_dec(b, d, as_written);
    else
        bg_buf_adds(b, "—");
}

static void str(bg_buf *b, const char *s)
{
    bg_buf_adds(b, s ? s : "—");
}

static const char *nz(const char *s)
{
    return s ? s : "";
}

static void where(bg_buf *b, const baogao_result *r, long line, size_t a, size_t z)
{
    size_t oa, ob;
    bg_text_span(&r->text, a, z, &oa, &ob);
    bg_html_printf(b, "\nline %ld · bytes %zu–%zu", line, oa, ob);
}

static void parsed(bg_buf *b, const char *label, const char *as_printed, const bg_parsed *p)
{
    if (!as_printed && !p->present)
        return;
    bg_html_printf(b, "\n%s: ", label);
    str(b, as_printed);
    if (!p->present)
        return;
    bg_buf read = { 0 };
    if (p->comparator)
        bg_buf_adds(&read, p->comparator);
    if (p->has_number)
        bg_html_dec(&read, &p->number, 0);
    if (p->unit)
        bg_buf_adds(&read, p->unit);
    if (p->word)
        bg_buf_adds(&read, p->word);
    if (read.s && (!as_printed || strcmp(read.s, as_printed) != 0)) {   /* what was read, when it differs */
        bg_buf_adds(b, " → ");
        bg_buf_adds(b, read.s);
    }
    bg_buf_free(&read);
}

static void amount_tip(bg_buf *b, const baogao_result *r, size_t i)
{
    const bg_amount *a = &r->amounts.items[i];
    bg_html_printf(b, "Amount #%zu · ", i);
    bg_buf_adds(b, a->label ? a->label : "(no label)");
    bg_buf_adds(b, "\nvalue: ");
    bg_html_dec(b, &a->value, 1);
    if (a->has_max) {
        bg_buf_adds(b, "–");
        bg_html_dec(b, &a->value_max, 1);
    }
    bg_html_printf(b, " %s (unit %s) = ", nz(a->unit), nz(a->unit_source));
    bg_html_dec(b, &a->value_wan, 0);
    if (a->has_max) {
        bg_buf_adds(b, "–");
        bg_html_dec(b, &a->value_max_wan, 0);
    }
    bg_buf_adds(b, " 万元");
    if (a->qualifier)
        bg_html_printf(b, "\nqualifier: %s", a->qualifier);
    if (a->per)
        bg_html_printf(b, "\nper: %s", a->per);
    if (a->in_table) {
        bg_buf_adds(b, "\ntable row: ");
        str(b, a->row);
        bg_buf_adds(b, " · column: ");
        str(b, a->column);
    }
    if (a->parent != BG_NO_PARENT && a->parent < r->amounts.n) {
        const bg_amount *p = &r->amounts.items[a->parent];
        bg_html_printf(b, "\npart of: #%zu ", a->parent);
        bg_buf_adds(b, p->label ? p->label : "");
        bg_buf_addc(b, ' ');
        bg_buf_adds(b, p->text);
    }
    const bg_amount_fact *f = &r->facts.of[i];
    if (f->item || f->measure || f->period) {     /* which figure it is (facts.c) */
        bg_buf_adds(b, "\nitem: ");
        str(b, f->item);
        bg_buf_adds(b, " · measure: ");
        str(b, f->measure);
        bg_buf_adds(b, " · period: ");
        if (f->period)
            bg_html_printf(b, "%d", f->period);
        else
            str(b, NULL);
    }
    if (f->same_as != BG_NO_PARENT && f->same_as < r->amounts.n)
        bg_html_printf(b, "\nsame figure as: #%zu (line %ld)", f->same_as, r->amounts.items[f->same_as].line);
    if (bg_section_at(&r->sections, a->line) != BG_NO_PARENT) {
        bg_buf_adds(b, "\nsection: ");
        bg_html_section_path(b, r, a->line);
    }
    where(b, r, a->line, a->start, a->end);
}

static void level(bg_buf *b, const char *name, const bg_dec *w, int has_w)
{
    str(b, name);
    if (has_w) {
        bg_buf_adds(b, " (");
        bg_html_dec(b, w, 0);
        bg_buf_adds(b, ")");
    }
}

static void indicator_tip(bg_buf *b, const baogao_result *r, size_t i)
{
    const bg_indicator *x = &r->findings.indicators[i];
    bg_html_printf(b, "Indicator #%zu · table at line %ld\n", i, x->table_line);
    level(b, x->level1, &x->level1_weight, x->has_level1_weight);
    bg_buf_adds(b, " > ");
    level(b, x->level2, &x->level2_weight, x->has_level2_weight);
    bg_buf_adds(b, " > ");
    str(b, x->level3);
    if (x->category)
        bg_html_printf(b, "\ncategory: %s", x->category);
    parsed(b, "target", x->target, &x->target_parsed);
    parsed(b, "actual", x->actual, &x->actual_parsed);
    if (x->target || x->actual)
        bg_html_printf(b, "\nachieved: %s", x->achieved < 0 ? "not defined" : x->achieved ? "yes" : "no");
    bg_buf_adds(b, "\nweight: ");
    dec(b, &x->weight, x->has_weight, 0);
    bg_buf_adds(b, " · score: ");
    dec(b, &x->score, x->has_score, 0);
    if (x->note)
        bg_html_printf(b, "\nnote: %s", x->note);
    where(b, r, x->line, x->start, x->end);
}

static void money(bg_buf *b, const char *label, const bg_dec *d, int has, const bg_dec *wan, const char *unit)
{
    bg_html_printf(b, "%s: ", label);
    dec(b, d, has, 1);
    if (has && unit) {
        bg_html_printf(b, " %s = ", unit);
        bg_html_dec(b, wan, 0);
        bg_buf_adds(b, " 万元");
    }
}

static void project_tip(bg_buf *b, const baogao_result *r, size_t i)
{
    const bg_project *p = &r->findings.projects[i];
    bg_html_printf(b, "Project #%zu · %s", i, nz(p->name));
    if (p->number)
        bg_html_printf(b, " (no. %s)", p->number);
    bg_buf_addc(b, '\n');
    money(b, "budget", &p->budget, p->has_budget, &p->budget_wan, p->unit);
    bg_buf_addc(b, '\n');
    money(b, "executed", &p->executed, p->has_executed, &p->executed_wan, p->unit);
    if (p->has_returned) {
        bg_buf_addc(b, '\n');
        money(b, "returned", &p->returned, p->has_returned, &p->returned_wan, p->unit);
    }
    bg_buf_adds(b, "\nscore: ");
    dec(b, &p->score, p->has_score, 0);
    if (p->goal)
        bg_html_printf(b, "\ngoal: %s", p->goal);
    if (p->result)
        bg_html_printf(b, "\nresult: %s", p->result);
    where(b, r, p->line, p->start, p->end);
}

static void scores_tip(bg_buf *b, const baogao_result *r, const bg_hitem *it)
{
    const bg_scores *s = &r->findings.scores;
    if (it->kind == BG_HK_STATED) {
        const bg_stated_total *t = &s->totals[it->index];
        bg_html_printf(b, "Total score stated #%zu (%s): ", it->index, nz(t->source));
        bg_html_dec(b, &t->value, 0);
        if (t->has_max) {
            bg_buf_adds(b, " of ");
            bg_html_dec(b, &t->max, 0);
        }
        bg_buf_adds(b, s->has_total ? "\nevery statement of the total agrees"
                                    : "\nthe statements of the total disagree: total is null");
        where(b, r, t->line, t->start, t->end);
    } else if (it->kind == BG_HK_SCORE) {
        const bg_score_item *x = &s->items[it->index];
        bg_html_printf(b, "Item score #%zu (%s) · ", it->index, nz(x->source));
        str(b, x->name);
        bg_buf_adds(b, "\nscore: ");
        dec(b, &x->score, x->has_score, 0);
        bg_buf_adds(b, " · weight: ");
        dec(b, &x->weight, x->has_weight, 0);
        if (x->level)
            bg_html_printf(b, "\nlevel: %d", x->level);
        if (x->parent != BG_NO_PARENT && x->parent < s->nitems)
            bg_html_printf(b, " · part of: #%zu %s", x->parent, nz(s->items[x->parent].name));
        where(b, r, x->line, x->start, x->end);
    } else {
        bg_html_printf(b, "Grade · %s\ntotal: ", s->grade);
        dec(b, &s->total, s->has_total, 0);
        bg_buf_adds(b, " of ");
        dec(b, &s->max, s->has_max, 0);
        where(b, r, s->grade_line, s->grade_start, s->grade_end);
    }
}

void bg_html_tip(bg_buf *b, const baogao_result *r, const bg_hitem *it)
{
    switch (it->kind) {
    case BG_HK_SECTION: {
        const bg_section *s = &r->sections.items[it->index];
        bg_html_printf(b, "Heading #%zu · level %d · %s%s\n", it->index, s->level, nz(s->number), nz(s->title));
        bg_html_section_path(b, r, s->line);
        where(b, r, s->line, s->start, s->end);
        break;
    }
    case BG_HK_FIELD: {
        bg_html_field fields[6];
        size_t nf = bg_html_fields(r, fields);
        if (it->index >= nf)
            break;
        const bg_meta_value *v = fields[it->index].v;
        bg_html_printf(b, "Document field · %s\n%s", fields[it->index].key, v->value);
        where(b, r, v->line, v->start, v->end);
        break;
    }
    case BG_HK_INDICATOR:
        indicator_tip(b, r, it->index);
        break;
    case BG_HK_PROJECT:
        project_tip(b, r, it->index);
        break;
    case BG_HK_STATED:
    case BG_HK_SCORE:
    case BG_HK_GRADE:
        scores_tip(b, r, it);
        break;
    case BG_HK_AMOUNT:
        amount_tip(b, r, it->index);
        break;
    case BG_HK_COUNT:
        break;
    }
}
