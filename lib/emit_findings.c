/* emit_findings.c — indicators, projects and scores as JSON. Numbers are
 * printed from their exact decimal digits. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "emit.h"

static cJSON *parsed(const bg_parsed *p)
{
    if (!p->present)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "comparator", bg_json_str(p->comparator));
    cJSON_AddItemToObject(o, "value", bg_json_dec(&p->number, p->has_number));
    cJSON_AddItemToObject(o, "unit", bg_json_str(p->unit));
    cJSON_AddItemToObject(o, "word", bg_json_str(p->word));
    return o;
}

static cJSON *tri(int v)
{
    return v < 0 ? cJSON_CreateNull() : cJSON_CreateBool(v);
}

cJSON *bg_json_indicators(const baogao_result *r)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < r->findings.nindicators; i++) {
        const bg_indicator *x = &r->findings.indicators[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "level1", bg_json_str(x->level1));
        cJSON_AddItemToObject(o, "level1_weight", bg_json_dec(&x->level1_weight, x->has_level1_weight));
        cJSON_AddItemToObject(o, "level2", bg_json_str(x->level2));
        cJSON_AddItemToObject(o, "level2_weight", bg_json_dec(&x->level2_weight, x->has_level2_weight));
        cJSON_AddItemToObject(o, "level3", bg_json_str(x->level3));
        cJSON_AddItemToObject(o, "category", bg_json_str(x->category));
        cJSON_AddItemToObject(o, "description", bg_json_str(x->description));
        cJSON_AddItemToObject(o, "standard", bg_json_str(x->standard));
        cJSON_AddItemToObject(o, "target", bg_json_str(x->target));
        cJSON_AddItemToObject(o, "target_parsed", parsed(&x->target_parsed));
        cJSON_AddItemToObject(o, "actual", bg_json_str(x->actual));
        cJSON_AddItemToObject(o, "actual_parsed", parsed(&x->actual_parsed));
        cJSON_AddItemToObject(o, "achieved", tri(x->achieved));
        cJSON_AddItemToObject(o, "weight", bg_json_dec(&x->weight, x->has_weight));
        cJSON_AddItemToObject(o, "score", bg_json_dec(&x->score, x->has_score));
        cJSON_AddItemToObject(o, "note", bg_json_str(x->note));
        cJSON_AddNumberToObject(o, "line", (double)x->line);
        cJSON_AddNumberToObject(o, "table_line", (double)x->table_line);
        cJSON_AddItemToObject(o, "span", bg_json_span(r, x->start, x->end));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

cJSON *bg_json_projects(const baogao_result *r)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < r->findings.nprojects; i++) {
        const bg_project *p = &r->findings.projects[i];
        int wan = p->unit != NULL;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "number", bg_json_str(p->number));
        cJSON_AddStringToObject(o, "name", p->name);
        cJSON_AddItemToObject(o, "unit", bg_json_str(p->unit));
        cJSON_AddItemToObject(o, "budget", bg_json_dec(&p->budget, p->has_budget));
        cJSON_AddItemToObject(o, "budget_wan", bg_json_dec(&p->budget_wan, p->has_budget && wan));
        cJSON_AddItemToObject(o, "executed", bg_json_dec(&p->executed, p->has_executed));
        cJSON_AddItemToObject(o, "executed_wan", bg_json_dec(&p->executed_wan, p->has_executed && wan));
        cJSON_AddItemToObject(o, "returned", bg_json_dec(&p->returned, p->has_returned));
        cJSON_AddItemToObject(o, "returned_wan", bg_json_dec(&p->returned_wan, p->has_returned && wan));
        cJSON_AddItemToObject(o, "score", bg_json_dec(&p->score, p->has_score));
        cJSON_AddItemToObject(o, "goal", bg_json_str(p->goal));
        cJSON_AddItemToObject(o, "result", bg_json_str(p->result));
        cJSON_AddNumberToObject(o, "line", (double)p->line);
        cJSON_AddItemToObject(o, "span", bg_json_span(r, p->start, p->end));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

cJSON *bg_json_scores(const baogao_result *r)
{
    const bg_scores *s = &r->findings.scores;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "total", bg_json_dec(&s->total, s->has_total));
    cJSON_AddItemToObject(o, "max", bg_json_dec(&s->max, s->has_max));
    cJSON_AddItemToObject(o, "grade", bg_json_str(s->grade));
    if (s->grade) {
        cJSON_AddNumberToObject(o, "grade_line", (double)s->grade_line);
        cJSON_AddItemToObject(o, "grade_span", bg_json_span(r, s->grade_start, s->grade_end));
    } else {
        cJSON_AddNullToObject(o, "grade_line");
        cJSON_AddNullToObject(o, "grade_span");
    }
    cJSON *stated = cJSON_AddArrayToObject(o, "stated");   /* in document order */
    for (size_t i = 0; i < s->ntotals; i++) {
        const bg_stated_total *t = &s->totals[i];
        cJSON *e = cJSON_CreateObject();
        cJSON_AddItemToObject(e, "value", bg_json_dec(&t->value, 1));
        cJSON_AddItemToObject(e, "max", bg_json_dec(&t->max, t->has_max));
        cJSON_AddStringToObject(e, "source", t->source);
        cJSON_AddNumberToObject(e, "line", (double)t->line);
        cJSON_AddItemToObject(e, "span", bg_json_span(r, t->start, t->end));
        cJSON_AddItemToArray(stated, e);
    }
    cJSON *items = cJSON_AddArrayToObject(o, "items");
    for (size_t i = 0; i < s->nitems; i++) {
        const bg_score_item *it = &s->items[i];
        cJSON *e = cJSON_CreateObject();
        cJSON_AddItemToObject(e, "name", bg_json_str(it->name));
        cJSON_AddItemToObject(e, "weight", bg_json_dec(&it->weight, it->has_weight));
        cJSON_AddItemToObject(e, "score", bg_json_dec(&it->score, it->has_score));
        cJSON_AddStringToObject(e, "source", it->source);
        cJSON_AddNumberToObject(e, "line", (double)it->line);
        cJSON_AddItemToObject(e, "span", bg_json_span(r, it->start, it->end));
        cJSON_AddItemToArray(items, e);
    }
    return o;
}

cJSON *bg_json_checks(const baogao_result *r)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < r->checks.n; i++) {
        const bg_check *k = &r->checks.items[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "rule", k->rule);
        cJSON_AddStringToObject(o, "status", k->ok ? "ok" : "mismatch");
        cJSON_AddItemToObject(o, "expected", bg_json_dec(&k->expected, k->has_expected));
        cJSON_AddItemToObject(o, "found", bg_json_dec(&k->found, k->has_found));
        cJSON *lines = cJSON_AddArrayToObject(o, "lines");
        for (size_t j = 0; j < k->nlines; j++)
            cJSON_AddItemToArray(lines, cJSON_CreateNumber((double)k->lines[j]));
        cJSON_AddStringToObject(o, "message", k->message ? k->message : "");
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}
