/* flatten.c — a result as flat tables, one row per item, for spreadsheets.
 *
 * Every row starts with the document's file, organization, year and kind, so
 * the rows of a whole archive can share one sheet. Numbers are handed out as
 * their exact decimal digits (never through binary floating point), null
 * values as NULL. Which columns each table has, and why, is in the man page
 * (man/baogao.1, TABLES); the CLI only formats what it is given here.
 *
 * No global state: a row is built in a buffer of the call, so any number of
 * threads may flatten their own results at the same time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baogao.h"
#include "result.h"

#define PREFIX "file", "organization", "year", "kind"

static const char *const documents_cols[] = {
    PREFIX, "title", "date", "score_total", "score_max", "grade", "preparer", "phone",
    "sections", "amounts", "indicators", "projects", "checks", "mismatches", "warnings",
    "encoding", "bytes", "lines", "sha256", NULL
};
static const char *const sections_cols[] = { PREFIX, "number", "title", "level", "section", "line", NULL };
static const char *const amounts_cols[] = {
    PREFIX, "label", "value_wan", "value", "unit", "unit_source", "qualifier", "value_max", "value_max_wan",
    "per", "context", "section", "row", "column", "index", "parent", "text", "line", NULL
};
static const char *const indicators_cols[] = {
    PREFIX, "level1", "level1_weight", "level2", "level2_weight", "level3", "category",
    "target", "target_comparator", "target_value", "target_unit",
    "actual", "actual_comparator", "actual_value", "actual_unit", "achieved",
    "weight", "score", "description", "standard", "note", "line", "table_line", NULL
};
static const char *const projects_cols[] = {
    PREFIX, "number", "name", "unit", "budget", "executed", "returned",
    "budget_wan", "executed_wan", "returned_wan", "score", "goal", "result", "line", NULL
};
static const char *const scores_cols[] = { PREFIX, "name", "weight", "score", "source", "line", NULL };
static const char *const checks_cols[] = {
    PREFIX, "rule", "status", "expected", "found", "lines", "message", NULL
};

static const struct {
    const char *name;
    const char *const *cols;
} tables[BAOGAO_TABLE_COUNT] = {
    [BAOGAO_TABLE_DOCUMENTS] = { "documents", documents_cols },
    [BAOGAO_TABLE_SECTIONS] = { "sections", sections_cols },
    [BAOGAO_TABLE_AMOUNTS] = { "amounts", amounts_cols },
    [BAOGAO_TABLE_INDICATORS] = { "indicators", indicators_cols },
    [BAOGAO_TABLE_PROJECTS] = { "projects", projects_cols },
    [BAOGAO_TABLE_SCORES] = { "scores", scores_cols },
    [BAOGAO_TABLE_CHECKS] = { "checks", checks_cols },
};

int baogao_table_from_name(const char *name, baogao_table *table)
{
    for (int i = 0; name && i < BAOGAO_TABLE_COUNT; i++)
        if (strcmp(name, tables[i].name) == 0) {
            *table = (baogao_table)i;
            return 0;
        }
    return -1;
}

const char *baogao_table_name(baogao_table table)
{
    return (unsigned)table < BAOGAO_TABLE_COUNT ? tables[table].name : NULL;
}

const char *const *baogao_table_columns(baogao_table table)
{
    return (unsigned)table < BAOGAO_TABLE_COUNT ? tables[table].cols : NULL;
}

/* ---- building one row ---------------------------------------------------- */

#define MAX_COLS 32

/* Cells whose text is made here (numbers, paths) live in `made`; their
 * offsets are turned into pointers once the row is complete, since the
 * buffer may move while it grows. */
typedef struct {
    baogao_cell cells[MAX_COLS];
    size_t made_at[MAX_COLS];   /* offset into made, or SIZE_MAX */
    size_t n;
    bg_buf made;
    baogao_row_fn fn;
    void *ctx;
} row;

static void put_made(row *r, const char *text, size_t len, int is_number)
{
    if (r->n >= MAX_COLS)
        return;
    r->made_at[r->n] = r->made.len;
    r->cells[r->n++] = (baogao_cell){ NULL, is_number };
    bg_buf_add_utf8(&r->made, text, len);
    bg_buf_addc(&r->made, '\0');
}

/* A cell is UTF-8 whatever the result holds (a spreadsheet with a bad byte
 * is a damaged file): text that is not is copied with U+FFFD in its place. */
static void put(row *r, const char *text, int is_number)
{
    if (r->n >= MAX_COLS)
        return;
    if (text && !bg_utf8_valid(text, strlen(text))) {
        put_made(r, text, strlen(text), is_number);
        return;
    }
    r->cells[r->n] = (baogao_cell){ text, is_number && text };
    r->made_at[r->n++] = SIZE_MAX;
}

static void put_str(row *r, const char *s)
{
    put(r, s, 0);
}

static void put_long(row *r, long v)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%ld", v);
    put_made(r, buf, (size_t)n, 1);
}

/* A line number, or null when the item has none. */
static void put_line(row *r, long line)
{
    if (line > 0)
        put_long(r, line);
    else
        put(r, NULL, 0);
}

static void put_dec(row *r, const bg_dec *d, int present, int as_written)
{
    if (!present) {
        put(r, NULL, 1);
        return;
    }
    char small[160];
    size_t (*format)(const bg_dec *, char *, size_t) = as_written ? bg_dec_format_as_written : bg_dec_format;
    size_t n = format(d, small, sizeof small);
    if (n < sizeof small) {
        put_made(r, small, n, 1);
        return;
    }
    char *big = bg_xmalloc(n + 1);     /* an exponent far from any real figure */
    format(d, big, n + 1);
    put_made(r, big, n, 1);
    free(big);
}

/* The section path "一、… > (一)…" of the innermost section open at line. */
static void put_section_path(row *r, const baogao_result *res, size_t i)
{
    if (i == BG_NO_PARENT) {
        put(r, NULL, 0);
        return;
    }
    bg_buf b = { 0 };
    bg_section_path(&res->sections, i, &b);
    put_made(r, b.s, b.len, 0);
    bg_buf_free(&b);
}

static void put_prefix(row *r, const baogao_result *res)
{
    put_str(r, res->path);
    put_str(r, res->meta.organization.value);
    if (res->meta.year)
        put_long(r, res->meta.year);
    else
        put(r, NULL, 1);
    put_str(r, res->meta.kind.value);
}

/* Hand the row to the caller and start the next one. */
static int emit(row *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->made_at[i] != SIZE_MAX)
            r->cells[i].text = r->made.s + r->made_at[i];
    int rc = r->fn(r->ctx, r->cells, r->n);
    r->n = 0;
    r->made.len = 0;
    return rc;
}

/* ---- the tables ------------------------------------------------------------ */

static int documents(row *r, const baogao_result *res)
{
    const bg_meta *m = &res->meta;
    const bg_scores *s = &res->findings.scores;
    put_prefix(r, res);
    put_str(r, m->title.value);
    put_str(r, m->date.value);
    put_dec(r, &s->total, s->has_total, 0);
    put_dec(r, &s->max, s->has_max, 0);
    put_str(r, s->grade);
    put_str(r, m->preparer.value);
    put_str(r, m->phone.value);
    put_long(r, (long)res->sections.n);
    put_long(r, (long)res->amounts.n);
    put_long(r, (long)res->findings.nindicators);
    put_long(r, (long)res->findings.nprojects);
    put_long(r, (long)res->checks.n);
    put_long(r, (long)bg_checks_mismatches(&res->checks));
    put_long(r, (long)res->warnings.n);
    put_str(r, res->encoding);
    put_long(r, (long)res->bytes);
    put_long(r, (long)res->text.nlines);
    put_str(r, res->sha256);
    return emit(r);
}

static int sections(row *r, const baogao_result *res)
{
    for (size_t i = 0; i < res->sections.n; i++) {
        const bg_section *s = &res->sections.items[i];
        put_prefix(r, res);
        put_str(r, s->number);
        put_str(r, s->title);
        put_long(r, s->level);
        put_section_path(r, res, i);
        put_line(r, s->line);
        int rc = emit(r);
        if (rc)
            return rc;
    }
    return 0;
}

static int amounts(row *r, const baogao_result *res)
{
    for (size_t i = 0; i < res->amounts.n; i++) {
        const bg_amount *a = &res->amounts.items[i];
        put_prefix(r, res);
        put_str(r, a->label);
        put_dec(r, &a->value_wan, 1, 0);
        put_dec(r, &a->value, 1, 1);
        put_str(r, a->unit);
        put_str(r, a->unit_source);
        put_str(r, a->qualifier);
        put_dec(r, &a->value_max, a->has_max, 1);
        put_dec(r, &a->value_max_wan, a->has_max, 0);
        put_str(r, a->per);
        put_str(r, a->in_table ? "table" : "prose");
        put_section_path(r, res, bg_section_at(&res->sections, a->line));
        put_str(r, a->row);
        put_str(r, a->column);
        put_long(r, (long)i);
        if (a->parent == BG_NO_PARENT)
            put(r, NULL, 1);
        else
            put_long(r, (long)a->parent);
        put_str(r, a->text);
        put_line(r, a->line);
        int rc = emit(r);
        if (rc)
            return rc;
    }
    return 0;
}

static void put_parsed(row *r, const char *printed, const bg_parsed *p)
{
    put_str(r, printed);
    put_str(r, p->present ? p->comparator : NULL);
    put_dec(r, &p->number, p->present && p->has_number, 0);
    put_str(r, p->present ? p->unit : NULL);
}

static int indicators(row *r, const baogao_result *res)
{
    for (size_t i = 0; i < res->findings.nindicators; i++) {
        const bg_indicator *x = &res->findings.indicators[i];
        put_prefix(r, res);
        put_str(r, x->level1);
        put_dec(r, &x->level1_weight, x->has_level1_weight, 0);
        put_str(r, x->level2);
        put_dec(r, &x->level2_weight, x->has_level2_weight, 0);
        put_str(r, x->level3);
        put_str(r, x->category);
        put_parsed(r, x->target, &x->target_parsed);
        put_parsed(r, x->actual, &x->actual_parsed);
        put_str(r, x->achieved < 0 ? NULL : x->achieved ? "true" : "false");
        put_dec(r, &x->weight, x->has_weight, 0);
        put_dec(r, &x->score, x->has_score, 0);
        put_str(r, x->description);
        put_str(r, x->standard);
        put_str(r, x->note);
        put_line(r, x->line);
        put_line(r, x->table_line);
        int rc = emit(r);
        if (rc)
            return rc;
    }
    return 0;
}

static int projects(row *r, const baogao_result *res)
{
    for (size_t i = 0; i < res->findings.nprojects; i++) {
        const bg_project *p = &res->findings.projects[i];
        int wan = p->unit != NULL;
        put_prefix(r, res);
        put_str(r, p->number);
        put_str(r, p->name);
        put_str(r, p->unit);
        put_dec(r, &p->budget, p->has_budget, 1);
        put_dec(r, &p->executed, p->has_executed, 1);
        put_dec(r, &p->returned, p->has_returned, 1);
        put_dec(r, &p->budget_wan, p->has_budget && wan, 0);
        put_dec(r, &p->executed_wan, p->has_executed && wan, 0);
        put_dec(r, &p->returned_wan, p->has_returned && wan, 0);
        put_dec(r, &p->score, p->has_score, 0);
        put_str(r, p->goal);
        put_str(r, p->result);
        put_line(r, p->line);
        int rc = emit(r);
        if (rc)
            return rc;
    }
    return 0;
}

static int scores(row *r, const baogao_result *res)
{
    const bg_scores *s = &res->findings.scores;
    for (size_t i = 0; i < s->nitems; i++) {
        const bg_score_item *it = &s->items[i];
        put_prefix(r, res);
        put_str(r, it->name);
        put_dec(r, &it->weight, it->has_weight, 0);
        put_dec(r, &it->score, it->has_score, 0);
        put_str(r, it->source);
        put_line(r, it->line);
        int rc = emit(r);
        if (rc)
            return rc;
    }
    return 0;
}

static int checks(row *r, const baogao_result *res)
{
    for (size_t i = 0; i < res->checks.n; i++) {
        const bg_check *k = &res->checks.items[i];
        put_prefix(r, res);
        put_str(r, k->rule);
        put_str(r, k->ok ? "ok" : "mismatch");
        put_dec(r, &k->expected, k->has_expected, 0);
        put_dec(r, &k->found, k->has_found, 0);
        bg_buf lines = { 0 };         /* "343 344": the lines involved */
        for (size_t j = 0; j < k->nlines; j++) {
            char buf[32];
            int n = snprintf(buf, sizeof buf, "%s%ld", j ? " " : "", k->lines[j]);
            bg_buf_add(&lines, buf, (size_t)n);
        }
        put_made(r, lines.s ? lines.s : "", lines.len, 0);
        bg_buf_free(&lines);
        put_str(r, k->message ? k->message : "");
        int rc = emit(r);
        if (rc)
            return rc;
    }
    return 0;
}

int baogao_table_rows(const baogao_result *res, baogao_table table, baogao_row_fn fn, void *ctx)
{
    static int (*const build[BAOGAO_TABLE_COUNT])(row *, const baogao_result *) = {
        documents, sections, amounts, indicators, projects, scores, checks,
    };
    if (!res || !fn || (unsigned)table >= BAOGAO_TABLE_COUNT)
        return 0;
    row r = { .fn = fn, .ctx = ctx };
    int rc = build[table](&r, res);
    bg_buf_free(&r.made);
    return rc;
}
