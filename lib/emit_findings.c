/* emit_findings.c — indicators, projects, scores and checks as JSON. Numbers
 * are printed from their exact decimal digits. */
#include "emit.h"

static void parsed(jw *w, const char *key, const bg_parsed *p)
{
    jw_key(w, key);
    if (!p->present) {
        jw_null(w);
        return;
    }
    jw_open(w, '{', 0);
    jw_member_str_or_null(w, "comparator", p->comparator);
    jw_member_dec(w, "value", &p->number, p->has_number, 0);
    jw_member_str_or_null(w, "unit", p->unit);
    jw_member_str_or_null(w, "word", p->word);
    jw_close(w);
}

void bg_emit_indicators(jw *w, const baogao_result *r)
{
    jw_open(w, '[', 1);
    for (size_t i = 0; i < r->findings.nindicators; i++) {
        const bg_indicator *x = &r->findings.indicators[i];
        jw_open(w, '{', 0);
        jw_member_str_or_null(w, "level1", x->level1);
        jw_member_dec(w, "level1_weight", &x->level1_weight, x->has_level1_weight, 0);
        jw_member_str_or_null(w, "level2", x->level2);
        jw_member_dec(w, "level2_weight", &x->level2_weight, x->has_level2_weight, 0);
        jw_member_str_or_null(w, "level3", x->level3);
        jw_member_str_or_null(w, "category", x->category);
        jw_member_str_or_null(w, "description", x->description);
        jw_member_str_or_null(w, "standard", x->standard);
        jw_member_str_or_null(w, "target", x->target);
        parsed(w, "target_parsed", &x->target_parsed);
        jw_member_str_or_null(w, "actual", x->actual);
        parsed(w, "actual_parsed", &x->actual_parsed);
        jw_key(w, "achieved");
        jw_bool_or_null(w, x->achieved);
        jw_member_dec(w, "weight", &x->weight, x->has_weight, 0);
        jw_member_dec(w, "score", &x->score, x->has_score, 0);
        jw_member_str_or_null(w, "note", x->note);
        jw_member_num(w, "line", (double)x->line);
        jw_member_num(w, "table_line", (double)x->table_line);
        bg_emit_span(w, r, "span", x->start, x->end);
        jw_close(w);
    }
    jw_close(w);
}

void bg_emit_projects(jw *w, const baogao_result *r)
{
    jw_open(w, '[', 1);
    for (size_t i = 0; i < r->findings.nprojects; i++) {
        const bg_project *p = &r->findings.projects[i];
        int wan = p->unit != NULL;
        jw_open(w, '{', 0);
        jw_member_str_or_null(w, "number", p->number);
        jw_member_str(w, "name", p->name);
        jw_member_str_or_null(w, "unit", p->unit);
        jw_member_dec(w, "budget", &p->budget, p->has_budget, 0);
        jw_member_dec(w, "budget_wan", &p->budget_wan, p->has_budget && wan, 0);
        jw_member_dec(w, "executed", &p->executed, p->has_executed, 0);
        jw_member_dec(w, "executed_wan", &p->executed_wan, p->has_executed && wan, 0);
        jw_member_dec(w, "returned", &p->returned, p->has_returned, 0);
        jw_member_dec(w, "returned_wan", &p->returned_wan, p->has_returned && wan, 0);
        jw_member_dec(w, "score", &p->score, p->has_score, 0);
        jw_member_str_or_null(w, "goal", p->goal);
        jw_member_str_or_null(w, "result", p->result);
        jw_member_num(w, "line", (double)p->line);
        bg_emit_span(w, r, "span", p->start, p->end);
        jw_close(w);
    }
    jw_close(w);
}

static void stated_totals(jw *w, const baogao_result *r, const bg_scores *s)
{
    jw_key(w, "stated");       /* in document order */
    jw_open(w, '[', 1);
    for (size_t i = 0; i < s->ntotals; i++) {
        const bg_stated_total *t = &s->totals[i];
        jw_open(w, '{', 0);
        jw_member_dec(w, "value", &t->value, 1, 0);
        jw_member_dec(w, "max", &t->max, t->has_max, 0);
        jw_member_str(w, "source", t->source);
        jw_member_num(w, "line", (double)t->line);
        bg_emit_span(w, r, "span", t->start, t->end);
        jw_close(w);
    }
    jw_close(w);
}

static void score_items(jw *w, const baogao_result *r, const bg_scores *s)
{
    jw_key(w, "items");
    jw_open(w, '[', 1);
    for (size_t i = 0; i < s->nitems; i++) {
        const bg_score_item *it = &s->items[i];
        jw_open(w, '{', 0);
        jw_member_str_or_null(w, "name", it->name);
        jw_member_dec(w, "weight", &it->weight, it->has_weight, 0);
        jw_member_dec(w, "score", &it->score, it->has_score, 0);
        jw_member_str(w, "source", it->source);
        jw_member_num(w, "line", (double)it->line);
        bg_emit_span(w, r, "span", it->start, it->end);
        jw_key(w, "level");
        if (it->level)
            jw_number(w, it->level);
        else
            jw_null(w);
        jw_key(w, "parent");
        if (it->parent == BG_NO_PARENT)
            jw_null(w);
        else
            jw_number(w, (double)it->parent);
        jw_close(w);
    }
    jw_close(w);
}

void bg_emit_scores(jw *w, const baogao_result *r)
{
    const bg_scores *s = &r->findings.scores;
    jw_open(w, '{', 0);
    jw_member_dec(w, "total", &s->total, s->has_total, 0);
    jw_member_dec(w, "max", &s->max, s->has_max, 0);
    jw_member_str_or_null(w, "grade", s->grade);
    if (s->grade) {
        jw_member_num(w, "grade_line", (double)s->grade_line);
        bg_emit_span(w, r, "grade_span", s->grade_start, s->grade_end);
    } else {
        jw_member_str_or_null(w, "grade_line", NULL);
        jw_member_str_or_null(w, "grade_span", NULL);
    }
    stated_totals(w, r, s);
    score_items(w, r, s);
    jw_close(w);
}

void bg_emit_checks(jw *w, const baogao_result *r)
{
    jw_open(w, '[', 1);
    for (size_t i = 0; i < r->checks.n; i++) {
        const bg_check *k = &r->checks.items[i];
        jw_open(w, '{', 0);
        jw_member_str(w, "rule", k->rule);
        jw_member_str(w, "status", k->ok ? "ok" : "mismatch");
        jw_member_dec(w, "expected", &k->expected, k->has_expected, 0);
        jw_member_dec(w, "found", &k->found, k->has_found, 0);
        jw_key(w, "lines");
        jw_open(w, '[', 1);
        for (size_t j = 0; j < k->nlines; j++)
            jw_number(w, (double)k->lines[j]);
        jw_close(w);
        jw_member_str(w, "message", k->message ? k->message : "");
        jw_close(w);
    }
    jw_close(w);
}
