/* html_panels.c — the review page's side panels: document fields, section
 * outline, amounts, indicators (levels filled down, as a reader draws the
 * table), projects, scores, consistency checks and warnings. Every entry
 * links to its mark in the text (#a3) or, for checks and warnings, to its
 * line (#L53); the page's script turns those links into scroll-and-focus. */
#include <stdlib.h>
#include <string.h>

#include "emit_html.h"

#define NO_COUNT ((size_t)-1)

static void panel_open(bg_buf *b, const char *id, const char *title, size_t count)
{
    bg_html_printf(b, "<details open class=\"panel\" id=\"panel-%s\"><summary><h2>%s", id, title);
    if (count != NO_COUNT)
        bg_html_printf(b, " <span class=\"count\">%zu</span>", count);
    bg_buf_adds(b, "</h2></summary>\n");
}

static void panel_close(bg_buf *b)
{
    bg_buf_adds(b, "</details>\n");
}

static void none(bg_buf *b, const char *what)
{
    bg_html_printf(b, "<p class=\"none\">%s</p>\n", what);
}

/* <a class="go" href="#a3"> */
static void go(bg_buf *b, const baogao_result *r, bg_hkind kind, size_t index)
{
    bg_hitem it = { kind, index, 0, 0 };
    bg_buf_adds(b, "<a class=\"go\" href=\"#");
    bg_html_id(b, r, &it);
    bg_buf_adds(b, "\">");
}

static void line_link(bg_buf *b, long line)
{
    if (line > 0)
        bg_html_printf(b, "<a class=\"go ln\" href=\"#L%ld\">%ld</a>", line, line);
    else
        bg_buf_adds(b, "—");
}

static void text_or_dash(bg_buf *b, const char *s)
{
    if (s)
        bg_html_escs(b, s);
    else
        bg_buf_adds(b, "<span class=\"null\">—</span>");
}

static void dec_or_dash(bg_buf *b, const bg_dec *d, int present, int as_written)
{
    if (present)
        bg_html_dec(b, d, as_written);
    else
        bg_buf_adds(b, "<span class=\"null\">—</span>");
}

/* ---- document ------------------------------------------------------------- */

static void field_row(bg_buf *b, const baogao_result *r, const char *name, const bg_meta_value *v)
{
    bg_html_printf(b, "<tr><th scope=\"row\">%s</th><td>", name);
    if (!v->value) {
        bg_buf_adds(b, "<span class=\"null\">not stated</span></td><td></td></tr>\n");
        return;
    }
    bg_html_field fields[6];
    size_t nf = bg_html_fields(r, fields), k = 0;
    while (k < nf && fields[k].v != v)
        k++;
    if (k < nf)
        go(b, r, BG_HK_FIELD, k);
    bg_html_escs(b, v->value);
    if (k < nf)
        bg_buf_adds(b, "</a>");
    bg_buf_adds(b, "</td><td>");
    line_link(b, v->line);
    bg_buf_adds(b, "</td></tr>\n");
}

static void document(bg_buf *b, const baogao_result *r)
{
    const bg_meta *m = &r->meta;
    panel_open(b, "document", "Document 文档信息", NO_COUNT);
    bg_buf_adds(b, "<table class=\"kv\"><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Value</th>"
                   "<th scope=\"col\">Line</th></tr></thead><tbody>\n");
    field_row(b, r, "Title 标题", &m->title);
    field_row(b, r, "Kind 类型", &m->kind);
    field_row(b, r, "Organization 单位", &m->organization);
    bg_buf_adds(b, "<tr><th scope=\"row\">Year 年度</th><td>");
    if (m->year)
        bg_html_printf(b, "%d</td><td>", m->year);
    else
        bg_buf_adds(b, "<span class=\"null\">not stated</span></td><td>");
    if (m->year)
        line_link(b, m->year_line);
    bg_buf_adds(b, "</td></tr>\n");
    field_row(b, r, "Date 日期", &m->date);
    field_row(b, r, "Preparer 填报人", &m->preparer);
    field_row(b, r, "Phone 电话", &m->phone);
    bg_buf_adds(b, "</tbody></table>\n<table class=\"kv src\"><tbody>\n<tr><th scope=\"row\">File</th><td>");
    bg_html_escs(b, r->path);
    bg_buf_adds(b, "</td></tr>\n<tr><th scope=\"row\">Encoding</th><td>");
    bg_html_escs(b, r->encoding);
    bg_html_printf(b, "</td></tr>\n<tr><th scope=\"row\">Size</th><td>%zu bytes, %zu lines</td></tr>\n"
                      "<tr><th scope=\"row\">SHA-256</th><td><code>%s</code></td></tr>\n</tbody></table>\n",
                   r->bytes, bg_text_line_count(&r->text), r->sha256);
    panel_close(b);
}

/* ---- outline: nested lists from the parent links, in one pass ---------------- */

static void outline(bg_buf *b, const baogao_result *r)
{
    const bg_sections *secs = &r->sections;
    panel_open(b, "outline", "Outline 目录", secs->n);
    if (secs->n == 0) {
        none(b, "No numbered headings found.");
        panel_close(b);
        return;
    }
    size_t *stack = bg_xmalloc(secs->n * sizeof *stack), depth = 0;
    unsigned char *has_list = bg_xcalloc(secs->n, 1);
    bg_buf_adds(b, "<nav aria-label=\"Section outline\"><ol class=\"outline\">\n");
    for (size_t i = 0; i < secs->n; i++) {
        size_t parent = secs->items[i].parent;
        while (depth > 0 && stack[depth - 1] != parent) {
            depth--;
            bg_buf_adds(b, has_list[depth] ? "</ol></li>\n" : "</li>\n");
        }
        if (depth > 0 && !has_list[depth - 1]) {
            bg_buf_adds(b, "<ol>\n");
            has_list[depth - 1] = 1;
        }
        bg_buf_adds(b, "<li>");
        go(b, r, BG_HK_SECTION, i);
        bg_html_escs(b, secs->items[i].number);
        bg_html_escs(b, secs->items[i].title);
        bg_html_printf(b, " <span class=\"lnum\">%ld</span></a>", secs->items[i].line);
        has_list[depth] = 0;
        stack[depth++] = i;
    }
    while (depth > 0) {
        depth--;
        bg_buf_adds(b, has_list[depth] ? "</ol></li>\n" : "</li>\n");
    }
    bg_buf_adds(b, "</ol></nav>\n");
    free(has_list);
    free(stack);
    panel_close(b);
}

/* ---- amounts -------------------------------------------------------------- */

static void amounts(bg_buf *b, const baogao_result *r)
{
    panel_open(b, "amounts", "Amounts 金额", r->amounts.n);
    if (r->amounts.n == 0) {
        none(b, "No amounts found.");
        panel_close(b);
        return;
    }
    bg_buf_adds(b, "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Label</th>"
                   "<th scope=\"col\">As written</th><th scope=\"col\">万元</th><th scope=\"col\">Qualifier</th>"
                   "<th scope=\"col\">Where</th><th scope=\"col\">Line</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < r->amounts.n; i++) {
        const bg_amount *a = &r->amounts.items[i];
        bg_html_printf(b, "<tr><td class=\"num\">%zu</td><td>", i);
        go(b, r, BG_HK_AMOUNT, i);
        if (a->parent != BG_NO_PARENT)
            bg_buf_adds(b, "↳ ");
        if (a->label)
            bg_html_escs(b, a->label);
        else
            bg_buf_adds(b, "<span class=\"null\">(no label)</span>");
        bg_buf_adds(b, "</a></td><td class=\"nw\">");
        bg_html_escs(b, a->text);
        bg_buf_adds(b, "</td><td class=\"num\">");
        bg_html_dec(b, &a->value_wan, 0);
        if (a->has_max) {
            bg_buf_adds(b, "–");
            bg_html_dec(b, &a->value_max_wan, 0);
        }
        bg_buf_adds(b, "</td><td>");
        text_or_dash(b, a->qualifier);
        bg_buf_adds(b, "</td><td>");
        if (a->in_table) {
            text_or_dash(b, a->row);
            bg_buf_adds(b, " · ");
            text_or_dash(b, a->column);
        } else {
            bg_buf_adds(b, "prose");
        }
        bg_buf_adds(b, "</td><td>");
        line_link(b, a->line);
        bg_buf_adds(b, "</td></tr>\n");
    }
    bg_buf_adds(b, "</tbody></table></div>\n");
    panel_close(b);
}

/* ---- indicators: one table per indicator table of the report ------------------ */

static void level_cell(bg_buf *b, const char *name, const bg_dec *w, int has_w, const char *prev)
{
    int same = name && prev && strcmp(name, prev) == 0;
    bg_buf_adds(b, same ? "<td class=\"same\">" : "<td>");
    text_or_dash(b, name);
    if (has_w) {
        bg_buf_adds(b, " <span class=\"w\">(");
        bg_html_dec(b, w, 0);
        bg_buf_adds(b, ")</span>");
    }
    bg_buf_adds(b, "</td>");
}

static void indicators(bg_buf *b, const baogao_result *r)
{
    const bg_findings *f = &r->findings;
    panel_open(b, "indicators", "Indicators 绩效指标", f->nindicators);
    if (f->nindicators == 0) {
        none(b, "No indicator tables found.");
        panel_close(b);
        return;
    }
    for (size_t i = 0; i < f->nindicators; i++) {
        const bg_indicator *x = &f->indicators[i], *prev = i ? &f->indicators[i - 1] : NULL;
        if (!prev || prev->table_line != x->table_line) {
            if (prev)
                bg_buf_adds(b, "</tbody></table></div>\n");
            bg_html_printf(b, "<div class=\"scroll\"><table class=\"ind\"><caption>Table at line "
                              "<a class=\"go ln\" href=\"#L%ld\">%ld</a></caption><thead><tr>"
                              "<th scope=\"col\">Level 1 一级</th><th scope=\"col\">Level 2 二级</th>"
                              "<th scope=\"col\">Level 3 三级</th><th scope=\"col\">Target 目标</th>"
                              "<th scope=\"col\">Actual 实际</th><th scope=\"col\">Met</th>"
                              "<th scope=\"col\">Weight</th><th scope=\"col\">Score</th></tr></thead><tbody>\n",
                           x->table_line, x->table_line);
            prev = NULL;
        }
        bg_html_printf(b, "<tr data-row=\"%zu\">", i);
        level_cell(b, x->level1, &x->level1_weight, x->has_level1_weight, prev ? prev->level1 : NULL);
        level_cell(b, x->level2, &x->level2_weight, x->has_level2_weight, prev ? prev->level2 : NULL);
        bg_buf_adds(b, "<td>");
        go(b, r, BG_HK_INDICATOR, i);
        if (x->level3)
            bg_html_escs(b, x->level3);
        else
            bg_html_printf(b, "row at line %ld", x->line);
        bg_buf_adds(b, "</a></td><td>");
        text_or_dash(b, x->target);
        bg_buf_adds(b, "</td><td>");
        text_or_dash(b, x->actual);
        bg_buf_adds(b, x->achieved < 0 ? "</td><td class=\"null\">—" : x->achieved ? "</td><td class=\"yes\">✓ yes"
                                                                                    : "</td><td class=\"no\">✗ no");
        bg_buf_adds(b, "</td><td class=\"num\">");
        dec_or_dash(b, &x->weight, x->has_weight, 0);
        bg_buf_adds(b, "</td><td class=\"num\">");
        dec_or_dash(b, &x->score, x->has_score, 0);
        bg_buf_adds(b, "</td></tr>\n");
    }
    bg_buf_adds(b, "</tbody></table></div>\n");
    panel_close(b);
}

static void projects(bg_buf *b, const baogao_result *r)
{
    const bg_findings *f = &r->findings;
    if (f->nprojects == 0)
        return;             /* only some reports list projects */
    panel_open(b, "projects", "Projects 项目", f->nprojects);
    bg_buf_adds(b, "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Unit</th>"
                   "<th scope=\"col\">Budget</th><th scope=\"col\">Executed</th><th scope=\"col\">Score</th>"
                   "<th scope=\"col\">Line</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < f->nprojects; i++) {
        const bg_project *p = &f->projects[i];
        bg_buf_adds(b, "<tr><td>");
        go(b, r, BG_HK_PROJECT, i);
        bg_html_escs(b, p->name);
        bg_buf_adds(b, "</a></td><td>");
        text_or_dash(b, p->unit);
        bg_buf_adds(b, "</td><td class=\"num\">");
        dec_or_dash(b, &p->budget, p->has_budget, 1);
        bg_buf_adds(b, "</td><td class=\"num\">");
        dec_or_dash(b, &p->executed, p->has_executed, 1);
        bg_buf_adds(b, "</td><td class=\"num\">");
        dec_or_dash(b, &p->score, p->has_score, 0);
        bg_buf_adds(b, "</td><td>");
        line_link(b, p->line);
        bg_buf_adds(b, "</td></tr>\n");
    }
    bg_buf_adds(b, "</tbody></table></div>\n");
    panel_close(b);
}

/* ---- scores ---------------------------------------------------------------- */

static void scores(bg_buf *b, const baogao_result *r)
{
    const bg_scores *s = &r->findings.scores;
    panel_open(b, "scores", "Scores 评分", NO_COUNT);
    bg_buf_adds(b, "<table class=\"kv\"><tbody><tr><th scope=\"row\">Total 总分</th><td>");
    dec_or_dash(b, &s->total, s->has_total, 0);
    if (!s->has_total && s->ntotals)
        bg_buf_adds(b, " <span class=\"no\">(statements disagree)</span>");
    bg_buf_adds(b, "</td></tr>\n<tr><th scope=\"row\">Out of 满分</th><td>");
    dec_or_dash(b, &s->max, s->has_max, 0);
    bg_buf_adds(b, "</td></tr>\n<tr><th scope=\"row\">Grade 等级</th><td>");
    if (s->grade) {
        go(b, r, BG_HK_GRADE, 0);
        bg_html_escs(b, s->grade);
        bg_html_printf(b, "</a> <span class=\"lnum\">line %ld</span>", s->grade_line);
    } else {
        bg_buf_adds(b, "<span class=\"null\">not stated</span>");
    }
    bg_buf_adds(b, "</td></tr>\n</tbody></table>\n");
    if (s->ntotals) {
        bg_buf_adds(b, "<h3>Statements of the total</h3><ul class=\"plain\">\n");
        for (size_t i = 0; i < s->ntotals; i++) {
            const bg_stated_total *t = &s->totals[i];
            bg_buf_adds(b, "<li>");
            go(b, r, BG_HK_STATED, i);
            bg_html_dec(b, &t->value, 0);
            if (t->has_max) {
                bg_buf_adds(b, " / ");
                bg_html_dec(b, &t->max, 0);
            }
            bg_buf_adds(b, "</a> · ");
            bg_html_escs(b, t->source);
            bg_html_printf(b, " · line %ld</li>\n", t->line);
        }
        bg_buf_adds(b, "</ul>\n");
    }
    if (s->nitems) {
        bg_buf_adds(b, "<h3>Scores of parts</h3><div class=\"scroll\"><table><thead><tr><th scope=\"col\">Name</th>"
                       "<th scope=\"col\">Score</th><th scope=\"col\">Weight</th><th scope=\"col\">Line</th>"
                       "</tr></thead><tbody>\n");
        for (size_t i = 0; i < s->nitems; i++) {
            const bg_score_item *it = &s->items[i];
            bg_buf_adds(b, "<tr><td>");
            go(b, r, BG_HK_SCORE, i);
            if (it->name)
                bg_html_escs(b, it->name);
            else
                bg_buf_adds(b, "<span class=\"null\">(no name)</span>");
            bg_buf_adds(b, "</a></td><td class=\"num\">");
            dec_or_dash(b, &it->score, it->has_score, 0);
            bg_buf_adds(b, "</td><td class=\"num\">");
            dec_or_dash(b, &it->weight, it->has_weight, 0);
            bg_html_printf(b, "</td><td>%ld</td></tr>\n", it->line);
        }
        bg_buf_adds(b, "</tbody></table></div>\n");
    }
    panel_close(b);
}

/* ---- checks: mismatches first, each linked to its lines ----------------------- */

static void check_row(bg_buf *b, const bg_check *k, size_t i)
{
    bg_html_printf(b, "<tr class=\"%s\" data-check=\"%zu\"><td>%s</td><td>", k->ok ? "ok" : "bad", i,
                   k->ok ? "✓ ok" : "✗ mismatch");
    bg_html_escs(b, k->rule);
    bg_buf_adds(b, "</td><td class=\"num\">");
    dec_or_dash(b, &k->expected, k->has_expected, 0);
    bg_buf_adds(b, "</td><td class=\"num\">");
    dec_or_dash(b, &k->found, k->has_found, 0);
    bg_buf_adds(b, "</td><td>");
    for (size_t j = 0; j < k->nlines; j++) {
        if (j)
            bg_buf_adds(b, " ");
        line_link(b, k->lines[j]);
    }
    bg_buf_adds(b, "</td><td>");
    bg_html_escs(b, k->message);
    bg_buf_adds(b, "</td></tr>\n");
}

static void checks(bg_buf *b, const baogao_result *r)
{
    size_t bad = bg_checks_mismatches(&r->checks);
    panel_open(b, "checks", "Checks 一致性检查", r->checks.n);
    if (r->checks.n == 0) {
        none(b, "No consistency checks apply to this report.");
        panel_close(b);
        return;
    }
    bg_html_printf(b, "<p class=\"%s\">%zu mismatch%s, %zu ok.</p>\n", bad ? "no" : "yes", bad, bad == 1 ? "" : "es",
                   r->checks.n - bad);
    bg_buf_adds(b, "<div class=\"scroll\"><table class=\"checks\"><thead><tr><th scope=\"col\">Status</th>"
                   "<th scope=\"col\">Rule</th><th scope=\"col\">Expected</th><th scope=\"col\">Found</th>"
                   "<th scope=\"col\">Lines</th><th scope=\"col\">Message</th></tr></thead><tbody>\n");
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < r->checks.n; i++)
            if (r->checks.items[i].ok == pass)
                check_row(b, &r->checks.items[i], i);
    bg_buf_adds(b, "</tbody></table></div>\n");
    panel_close(b);
}

static int by_line(const void *x, const void *y)
{
    const bg_warning *a = *(const bg_warning *const *)x, *b = *(const bg_warning *const *)y;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a < b ? -1 : a > b;
}

static void warnings(bg_buf *b, const baogao_result *r)
{
    size_t n = r->warnings.n;
    panel_open(b, "warnings", "Warnings 警告", n);
    if (n == 0) {
        none(b, "No warnings.");
        panel_close(b);
        return;
    }
    const bg_warning **sorted = bg_xmalloc(n * sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i] = &r->warnings.items[i];
    qsort(sorted, n, sizeof *sorted, by_line);     /* the JSON's order */
    bg_buf_adds(b, "<ul class=\"plain warnings\">\n");
    for (size_t i = 0; i < n; i++) {
        bg_buf_adds(b, "<li>line ");
        line_link(b, sorted[i]->line);
        bg_buf_adds(b, ": ");
        bg_html_escs(b, sorted[i]->message);
        bg_buf_adds(b, "</li>\n");
    }
    bg_buf_adds(b, "</ul>\n");
    free(sorted);
    panel_close(b);
}

void bg_html_panels(bg_buf *b, const baogao_result *r)
{
    const bg_findings *f = &r->findings;
    size_t bad = bg_checks_mismatches(&r->checks);
    bg_buf_adds(b, "<nav class=\"jump\" aria-label=\"Panels\"><a href=\"#panel-document\">Document</a>");
    bg_html_printf(b, "<a href=\"#panel-checks\"%s>Checks %zu%s</a>", bad ? " class=\"no\"" : "", r->checks.n,
                   bad ? " ✗" : "");
    bg_html_printf(b, "<a href=\"#panel-warnings\">Warnings %zu</a>", r->warnings.n);
    bg_buf_adds(b, "<a href=\"#panel-scores\">Scores</a>");
    bg_html_printf(b, "<a href=\"#panel-indicators\">Indicators %zu</a>", f->nindicators);
    bg_html_printf(b, "<a href=\"#panel-amounts\">Amounts %zu</a>", r->amounts.n);
    if (f->nprojects)
        bg_html_printf(b, "<a href=\"#panel-projects\">Projects %zu</a>", f->nprojects);
    bg_html_printf(b, "<a href=\"#panel-outline\">Outline %zu</a></nav>\n", r->sections.n);
    document(b, r);
    checks(b, r);
    warnings(b, r);
    scores(b, r);
    indicators(b, r);
    amounts(b, r);
    projects(b, r);
    outline(b, r);
}
