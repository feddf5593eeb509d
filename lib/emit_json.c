/* emit_json.c — the result as JSON, schema "baogao/1" (schema/baogao.schema.json).
 * No timestamps and a fixed key order, so the same input always gives
 * byte-identical output. Written with json_writer.h; indicators, projects,
 * scores and checks are in emit_findings.c. */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

/* ---- the document --------------------------------------------------------- */

void bg_emit_span(jw *w, const baogao_result *r, const char *key, size_t a, size_t b)
{
    size_t oa, ob;
    bg_text_span(&r->text, a, b, &oa, &ob);
    jw_key(w, key);
    jw_open(w, '[', 1);
    jw_number(w, (double)oa);
    jw_number(w, (double)ob);
    jw_close(w);
}

static void add_provenance(jw *w, const baogao_result *r, const char *key, const bg_meta_value *v, long line)
{
    if (!line)
        return;
    jw_key(w, key);
    jw_open(w, '{', 0);
    jw_member_num(w, "line", (double)line);
    if (v)
        bg_emit_span(w, r, "span", v->start, v->end);
    jw_close(w);
}

static void document(jw *w, const baogao_result *r)
{
    const bg_meta *m = &r->meta;
    jw_open(w, '{', 0);
    jw_member_str_or_null(w, "title", m->title.value);
    jw_member_str_or_null(w, "kind", m->kind.value);
    jw_member_str_or_null(w, "organization", m->organization.value);
    jw_key(w, "year");
    if (m->year)
        jw_number(w, m->year);
    else
        jw_null(w);
    jw_member_str_or_null(w, "date", m->date.value);
    jw_member_str_or_null(w, "preparer", m->preparer.value);
    jw_member_str_or_null(w, "phone", m->phone.value);
    jw_key(w, "provenance");
    jw_open(w, '{', 0);
    const struct { const char *key; const bg_meta_value *v; } fields[] = {
        { "title", &m->title }, { "kind", &m->kind }, { "organization", &m->organization },
        { "date", &m->date }, { "preparer", &m->preparer }, { "phone", &m->phone },
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i].v->value)
            add_provenance(w, r, fields[i].key, fields[i].v, fields[i].v->line);
    add_provenance(w, r, "year", NULL, m->year ? m->year_line : 0);
    jw_close(w);
    jw_close(w);
}

/* Sections nest by parent index; next[] links each to its next sibling so
 * the tree is built in one pass whatever its size. */
static void sections(jw *w, const baogao_result *r, size_t first, const size_t *next, const size_t *child)
{
    jw_open(w, '[', 1);
    for (size_t i = first; i != BG_NO_PARENT; i = next[i]) {
        const bg_section *sec = &r->sections.items[i];
        jw_open(w, '{', 0);
        jw_member_str(w, "number", sec->number);
        jw_member_str(w, "title", sec->title);
        jw_member_num(w, "level", sec->level);
        jw_member_num(w, "line", (double)sec->line);
        bg_emit_span(w, r, "span", sec->start, sec->end);
        jw_key(w, "sections");
        sections(w, r, child[i], next, child);
        jw_close(w);
    }
    jw_close(w);
}

static void section_tree(jw *w, const baogao_result *r)
{
    size_t n = r->sections.n;
    size_t *next = bg_xmalloc((n + 1) * sizeof *next), *child = bg_xmalloc((n + 1) * sizeof *child);
    size_t *last = bg_xmalloc((n + 1) * sizeof *last);     /* last child so far; index n = the root */
    for (size_t i = 0; i <= n; i++)
        next[i] = child[i] = last[i] = BG_NO_PARENT;
    for (size_t i = 0; i < n; i++) {
        size_t p = r->sections.items[i].parent == BG_NO_PARENT ? n : r->sections.items[i].parent;
        if (last[p] == BG_NO_PARENT)
            child[p] = i;
        else
            next[last[p]] = i;
        last[p] = i;
    }
    sections(w, r, child[n], next, child);
    free(next);
    free(child);
    free(last);
}

/* "一、部门基本情况 > (一)部门概况": the numbers and titles of the enclosing sections. */
static void section_path(jw *w, const baogao_result *r, long line)
{
    size_t i = bg_section_at(&r->sections, line);
    if (i == BG_NO_PARENT) {
        jw_key(w, "section");
        jw_null(w);
        return;
    }
    bg_buf b = { 0 };
    bg_section_path(&r->sections, i, &b);
    jw_member_str(w, "section", b.s);
    bg_buf_free(&b);
}

static void amounts(jw *w, const baogao_result *r)
{
    jw_open(w, '[', 1);
    for (size_t i = 0; i < r->amounts.n; i++) {
        const bg_amount *a = &r->amounts.items[i];
        jw_open(w, '{', 0);
        jw_member_str_or_null(w, "label", a->label);
        jw_member_dec(w, "value", &a->value, 1, 1);
        jw_member_str(w, "unit", a->unit);
        jw_member_str(w, "unit_source", a->unit_source);
        jw_member_dec(w, "value_wan", &a->value_wan, 1, 0);
        jw_member_str_or_null(w, "qualifier", a->qualifier);
        jw_member_dec(w, "value_max", &a->value_max, a->has_max, 1);
        jw_member_dec(w, "value_max_wan", &a->value_max_wan, a->has_max, 0);
        jw_member_str_or_null(w, "per", a->per);
        jw_member_str(w, "text", a->text);
        jw_member_num(w, "line", (double)a->line);
        section_path(w, r, a->line);
        bg_emit_span(w, r, "span", a->start, a->end);
        jw_key(w, "parent");
        if (a->parent == BG_NO_PARENT)
            jw_null(w);
        else
            jw_number(w, (double)a->parent);
        jw_member_str(w, "context", a->in_table ? "table" : "prose");
        jw_member_str_or_null(w, "row", a->row);
        jw_member_str_or_null(w, "column", a->column);
        jw_close(w);
    }
    jw_close(w);
}

static void row_cells(jw *w, const bg_row *row)
{
    jw_open(w, '[', 1);
    for (size_t i = 0; i < row->n; i++)
        if (row->cells[i].s)        /* cJSON_CreateString(NULL) adds nothing */
            jw_string(w, row->cells[i].s);
    jw_close(w);
}

static const char *shape_name(bg_table_shape s)
{
    switch (s) {
    case BG_SHAPE_TAB_ROWS: return "tab-rows";
    case BG_SHAPE_TAB_CELLS: return "tab-cells";
    case BG_SHAPE_SPACED: return "spaced";
    case BG_SHAPE_CELL_LINES: return "cell-lines";
    case BG_SHAPE_COLUMNS: return "columns";
    default: return "pipe";
    }
}

static void tables(jw *w, const baogao_result *r)
{
    jw_open(w, '[', 1);
    for (size_t i = 0; i < r->layout.n; i++) {
        const bg_block *b = &r->layout.blocks[i];
        if (b->kind != BG_BLOCK_TABLE)
            continue;
        const bg_table *t = &b->table;
        jw_open(w, '{', 0);
        jw_member_num(w, "line", (double)t->line);
        jw_member_num(w, "end_line", (double)t->end_line);
        jw_member_str(w, "shape", shape_name(t->shape));
        jw_key(w, "header");
        row_cells(w, &t->rows[0]);
        jw_key(w, "rows");
        jw_open(w, '[', 1);
        for (size_t k = 1; k < t->n; k++)
            row_cells(w, &t->rows[k]);
        jw_close(w);
        jw_key(w, "row_lines");
        jw_open(w, '[', 1);
        for (size_t k = 1; k < t->n; k++)
            jw_number(w, (double)t->rows[k].line);
        jw_close(w);
        jw_close(w);
    }
    jw_close(w);
}

static int by_line(const void *a, const void *b)
{
    const bg_warning *x = *(const bg_warning *const *)a, *y = *(const bg_warning *const *)b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x < y ? -1 : x > y;      /* stable: keep the order found */
}

static void warnings(jw *w, const baogao_result *r)
{
    size_t n = r->warnings.n;
    const bg_warning **sorted = bg_xcalloc(n ? n : 1, sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i] = &r->warnings.items[i];
    qsort(sorted, n, sizeof *sorted, by_line);
    jw_open(w, '[', 1);
    for (size_t i = 0; i < n; i++) {
        jw_open(w, '{', 0);
        jw_key(w, "line");
        if (sorted[i]->line)
            jw_number(w, (double)sorted[i]->line);
        else
            jw_null(w);
        jw_member_str(w, "message", sorted[i]->message);
        jw_close(w);
    }
    jw_close(w);
    free(sorted);
}

static void producer(jw *w)
{
    jw_key(w, "producer");
    jw_open(w, '{', 0);
    jw_member_str(w, "name", "baogao");
    jw_member_str(w, "version", BAOGAO_VERSION);
    jw_close(w);
}

char *bg_emit_json(const baogao_result *r, int pretty)
{
    jw w;
    /* about three bytes of JSON per byte of text: one allocation for most reports */
    jw_init(&w, pretty, r->text.len * 3 + 4096);
    jw_open(&w, '{', 0);
    jw_member_str(&w, "schema", "baogao/1");
    producer(&w);
    jw_key(&w, "source");
    jw_open(&w, '{', 0);
    jw_member_str(&w, "path", r->path);
    jw_member_str(&w, "encoding", r->encoding);
    jw_member_num(&w, "bytes", (double)r->bytes);
    jw_member_num(&w, "lines", (double)bg_text_line_count(&r->text));
    jw_member_str(&w, "sha256", r->sha256);
    jw_close(&w);
    jw_key(&w, "document");
    document(&w, r);
    jw_key(&w, "sections");
    section_tree(&w, r);
    jw_key(&w, "amounts");
    amounts(&w, r);
    jw_key(&w, "indicators");
    bg_emit_indicators(&w, r);
    jw_key(&w, "projects");
    bg_emit_projects(&w, r);
    jw_key(&w, "scores");
    bg_emit_scores(&w, r);
    jw_key(&w, "checks");
    bg_emit_checks(&w, r);
    jw_key(&w, "tables");
    tables(&w, r);
    jw_key(&w, "warnings");
    warnings(&w, r);
    jw_close(&w);
    return jw_finish(&w);
}

/* Written as a result is, through the same writer: the same producer, and
 * strings made UTF-8 by the same quoting. */
char *baogao_error_json(const baogao_error *e)
{
    jw w;
    jw_init(&w, 0, 512);
    jw_open(&w, '{', 0);
    jw_member_str(&w, "schema", "baogao/1");
    producer(&w);
    jw_key(&w, "source");
    jw_open(&w, '{', 0);
    jw_member_str(&w, "path", e->file);
    jw_close(&w);
    jw_key(&w, "error");
    jw_open(&w, '{', 0);
    jw_member_str(&w, "code", baogao_error_name(e->code));
    jw_member_str(&w, "message", e->message);
    jw_key(&w, "line");
    if (e->line > 0)
        jw_number(&w, (double)e->line);
    else
        jw_null(&w);
    jw_key(&w, "offset");
    if (e->offset >= 0)
        jw_number(&w, (double)e->offset);
    else
        jw_null(&w);
    jw_close(&w);
    jw_close(&w);
    return jw_finish(&w);
}
