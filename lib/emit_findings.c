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
    jw_key(w, "comparator");
    jw_str_or_null(w, p->comparator);
    jw_key(w, "value");
    jw_dec_or_null(w, &p->number, p->has_number, 0);
    jw_key(w, "unit");
    jw_str_or_null(w, p->unit);
    jw_key(w, "word");
    jw_str_or_null(w, p->word);
    jw_close(w);
}

static void str_member(jw *w, const char *key, const char *s)     /* string or null */
{
    jw_key(w, key);
    jw_str_or_null(w, s);
}

static void dec_member(jw *w, const char *key, const bg_dec *d, int present)
{
    jw_key(w, key);
    jw_dec_or_null(w, d, present, 0);
}

void bg_emit_indicators(jw *w, const baogao_result *r)
{
    jw_open(w, '[', 1);
    for (size_t i = 0; i < r->findings.nindicators; i++) {
        const bg_indicator *x = &r->findings.indicators[i];
        jw_open(w, '{', 0);
        str_member(w, "level1", x->level1);
        dec_member(w, "level1_weight", &x->level1_weight, x->has_level1_weight);
        str_member(w, "level2", x->level2);
        dec_member(w, "level2_weight", &x->level2_weight, x->has_level2_weight);
        str_member(w, "level3", x->level3);
        str_member(w, "category", x->category);
        str_member(w, "description", x->description);
        str_member(w, "standard", x->standard);
        str_member(w, "target", x->target);
        parsed(w, "target_parsed", &x->target_parsed);
        str_member(w, "actual", x->actual);
        parsed(w, "actual_parsed", &x->actual_parsed);
        jw_key(w, "achieved");
        jw_bool_or_null(w, x->achieved);
        dec_member(w, "weight", &x->weight, x->has_weight);
        dec_member(w, "score", &x->score, x->has_score);
        str_member(w, "note", x->note);
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
        str_member(w, "number", p->number);
        jw_member_str(w, "name", p->name);
        str_member(w, "unit", p->unit);
        dec_member(w, "budget", &p->budget, p->has_budget);
        dec_member(w, "budget_wan", &p->budget_wan, p->has_budget && wan);
        dec_member(w, "executed", &p->executed, p->has_executed);
        dec_member(w, "executed_wan", &p->executed_wan, p->has_executed && wan);
        dec_member(w, "returned", &p->returned, p->has_returned);
        dec_member(w, "returned_wan", &p->returned_wan, p->has_returned && wan);
        dec_member(w, "score", &p->score, p->has_score);
        str_member(w, "goal", p->goal);
        str_member(w, "result", p->result);
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
        dec_member(w, "value", &t->value, 1);
        dec_member(w, "max", &t->max, t->has_max);
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
        str_member(w, "name", it->name);
        dec_member(w, "weight", &it->weight, it->has_weight);
        dec_member(w, "score", &it->score, it->has_score);
        jw_member_str(w, "source", it->source);
        jw_member_num(w, "line", (double)it->line);
        bg_emit_span(w, r, "span", it->start, it->end);
        jw_close(w);
    }
    jw_close(w);
}

void bg_emit_scores(jw *w, const baogao_result *r)
{
    const bg_scores *s = &r->findings.scores;
    jw_open(w, '{', 0);
    dec_member(w, "total", &s->total, s->has_total);
    dec_member(w, "max", &s->max, s->has_max);
    str_member(w, "grade", s->grade);
    if (s->grade) {
        jw_member_num(w, "grade_line", (double)s->grade_line);
        bg_emit_span(w, r, "grade_span", s->grade_start, s->grade_end);
    } else {
        str_member(w, "grade_line", NULL);
        str_member(w, "grade_span", NULL);
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
        dec_member(w, "expected", &k->expected, k->has_expected);
        dec_member(w, "found", &k->found, k->has_found);
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
