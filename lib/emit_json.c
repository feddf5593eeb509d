/* emit_json.c — the result as JSON, schema "baogao/1" (schema/baogao.schema.json).
 * No timestamps and a fixed key order, so the same input always gives
 * byte-identical output. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "emit.h"

cJSON *bg_json_str(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

cJSON *bg_json_span(const baogao_result *r, size_t a, size_t b)
{
    size_t oa, ob;
    bg_text_span(&r->text, a, b, &oa, &ob);
    cJSON *arr = cJSON_CreateArray();
    cJSON_AddItemToArray(arr, cJSON_CreateNumber((double)oa));
    cJSON_AddItemToArray(arr, cJSON_CreateNumber((double)ob));
    return arr;
}

static void add_provenance(cJSON *prov, const baogao_result *r, const char *key, const bg_meta_value *v, long line)
{
    if (!line)
        return;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "line", (double)line);
    if (v)
        cJSON_AddItemToObject(o, "span", bg_json_span(r, v->start, v->end));
    cJSON_AddItemToObject(prov, key, o);
}

static cJSON *document(const baogao_result *r)
{
    const bg_meta *m = &r->meta;
    cJSON *d = cJSON_CreateObject();
    cJSON_AddItemToObject(d, "title", bg_json_str(m->title.value));
    cJSON_AddItemToObject(d, "kind", bg_json_str(m->kind.value));
    cJSON_AddItemToObject(d, "organization", bg_json_str(m->organization.value));
    cJSON_AddItemToObject(d, "year", m->year ? cJSON_CreateNumber(m->year) : cJSON_CreateNull());
    cJSON_AddItemToObject(d, "date", bg_json_str(m->date.value));
    cJSON_AddItemToObject(d, "preparer", bg_json_str(m->preparer.value));
    cJSON_AddItemToObject(d, "phone", bg_json_str(m->phone.value));
    cJSON *prov = cJSON_CreateObject();
    const struct { const char *key; const bg_meta_value *v; } fields[] = {
        { "title", &m->title }, { "kind", &m->kind }, { "organization", &m->organization },
        { "date", &m->date }, { "preparer", &m->preparer }, { "phone", &m->phone },
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i].v->value)
            add_provenance(prov, r, fields[i].key, fields[i].v, fields[i].v->line);
    add_provenance(prov, r, "year", NULL, m->year ? m->year_line : 0);
    cJSON_AddItemToObject(d, "provenance", prov);
    return d;
}

/* Sections nest by parent index; next[] links each to its next sibling so
 * the tree is built in one pass whatever its size. */
static cJSON *sections(const baogao_result *r, size_t first, const size_t *next, const size_t *child)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = first; i != BG_NO_PARENT; i = next[i]) {
        const bg_section *sec = &r->sections.items[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "number", sec->number);
        cJSON_AddStringToObject(o, "title", sec->title);
        cJSON_AddNumberToObject(o, "level", sec->level);
        cJSON_AddNumberToObject(o, "line", (double)sec->line);
        cJSON_AddItemToObject(o, "span", bg_json_span(r, sec->start, sec->end));
        cJSON_AddItemToObject(o, "sections", sections(r, child[i], next, child));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *section_tree(const baogao_result *r)
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
    cJSON *tree = sections(r, child[n], next, child);
    free(next);
    free(child);
    free(last);
    return tree;
}

cJSON *bg_json_dec(const bg_dec *d, int present)
{
    char buf[160];
    if (!present)
        return cJSON_CreateNull();
    bg_dec_format(d, buf, sizeof buf);
    return cJSON_CreateRaw(buf);    /* exact digits, never through a double */
}

static cJSON *dec_or_null(const bg_dec *d, int present, int as_written)
{
    char buf[160];
    if (!present)
        return cJSON_CreateNull();
    if (as_written)
        bg_dec_format_as_written(d, buf, sizeof buf);
    else
        bg_dec_format(d, buf, sizeof buf);
    return cJSON_CreateRaw(buf);    /* exact digits, never through a double */
}

/* "一、部门基本情况 > (一)部门概况": the numbers and titles of the enclosing sections. */
static cJSON *section_path(const baogao_result *r, long line)
{
    size_t i = bg_section_at(&r->sections, line);
    if (i == BG_NO_PARENT)
        return cJSON_CreateNull();
    size_t chain[64], n = 0;
    for (; i != BG_NO_PARENT && n < 64; i = r->sections.items[i].parent)
        chain[n++] = i;
    bg_buf b = { 0 };
    while (n-- > 0) {
        const bg_section *s = &r->sections.items[chain[n]];
        bg_buf_adds(&b, s->number);
        bg_buf_adds(&b, s->title);
        if (n)
            bg_buf_adds(&b, " > ");
    }
    cJSON *out = cJSON_CreateString(b.s);
    bg_buf_free(&b);
    return out;
}

static cJSON *amounts(const baogao_result *r)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < r->amounts.n; i++) {
        const bg_amount *a = &r->amounts.items[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "label", bg_json_str(a->label));
        cJSON_AddItemToObject(o, "value", dec_or_null(&a->value, 1, 1));
        cJSON_AddStringToObject(o, "unit", a->unit);
        cJSON_AddStringToObject(o, "unit_source", a->unit_source);
        cJSON_AddItemToObject(o, "value_wan", dec_or_null(&a->value_wan, 1, 0));
        cJSON_AddItemToObject(o, "qualifier", bg_json_str(a->qualifier));
        cJSON_AddItemToObject(o, "value_max", dec_or_null(&a->value_max, a->has_max, 1));
        cJSON_AddItemToObject(o, "value_max_wan", dec_or_null(&a->value_max_wan, a->has_max, 0));
        cJSON_AddItemToObject(o, "per", bg_json_str(a->per));
        cJSON_AddStringToObject(o, "text", a->text);
        cJSON_AddNumberToObject(o, "line", (double)a->line);
        cJSON_AddItemToObject(o, "section", section_path(r, a->line));
        cJSON_AddItemToObject(o, "span", bg_json_span(r, a->start, a->end));
        cJSON_AddItemToObject(o, "parent", a->parent == BG_NO_PARENT ? cJSON_CreateNull()
                                                                      : cJSON_CreateNumber((double)a->parent));
        cJSON_AddStringToObject(o, "context", a->in_table ? "table" : "prose");
        cJSON_AddItemToObject(o, "row", bg_json_str(a->row));
        cJSON_AddItemToObject(o, "column", bg_json_str(a->column));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *row_cells(const bg_row *row)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < row->n; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateString(row->cells[i].s));
    return arr;
}

static const char *shape_name(bg_table_shape s)
{
    switch (s) {
    case BG_SHAPE_TAB_ROWS: return "tab-rows";
    case BG_SHAPE_TAB_CELLS: return "tab-cells";
    case BG_SHAPE_SPACED: return "spaced";
    default: return "pipe";
    }
}

static cJSON *tables(const baogao_result *r)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < r->layout.n; i++) {
        const bg_block *b = &r->layout.blocks[i];
        if (b->kind != BG_BLOCK_TABLE)
            continue;
        const bg_table *t = &b->table;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "line", (double)t->line);
        cJSON_AddNumberToObject(o, "end_line", (double)t->end_line);
        cJSON_AddStringToObject(o, "shape", shape_name(t->shape));
        cJSON_AddItemToObject(o, "header", row_cells(&t->rows[0]));
        cJSON *rows = cJSON_CreateArray(), *lines = cJSON_CreateArray();
        for (size_t k = 1; k < t->n; k++) {
            cJSON_AddItemToArray(rows, row_cells(&t->rows[k]));
            cJSON_AddItemToArray(lines, cJSON_CreateNumber((double)t->rows[k].line));
        }
        cJSON_AddItemToObject(o, "rows", rows);
        cJSON_AddItemToObject(o, "row_lines", lines);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static int by_line(const void *a, const void *b)
{
    const bg_warning *x = *(const bg_warning *const *)a, *y = *(const bg_warning *const *)b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x < y ? -1 : x > y;      /* stable: keep the order found */
}

static cJSON *warnings(const baogao_result *r)
{
    size_t n = r->warnings.n;
    const bg_warning **sorted = bg_xcalloc(n ? n : 1, sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i] = &r->warnings.items[i];
    qsort(sorted, n, sizeof *sorted, by_line);
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "line", sorted[i]->line ? cJSON_CreateNumber((double)sorted[i]->line)
                                                         : cJSON_CreateNull());
        cJSON_AddStringToObject(o, "message", sorted[i]->message);
        cJSON_AddItemToArray(arr, o);
    }
    free(sorted);
    return arr;
}

char *bg_emit_json(const baogao_result *r, int pretty)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", "baogao/1");
    cJSON *producer = cJSON_AddObjectToObject(root, "producer");
    cJSON_AddStringToObject(producer, "name", "baogao");
    cJSON_AddStringToObject(producer, "version", BAOGAO_VERSION);
    cJSON *source = cJSON_AddObjectToObject(root, "source");
    cJSON_AddStringToObject(source, "path", r->path);
    cJSON_AddStringToObject(source, "encoding", r->encoding);
    cJSON_AddNumberToObject(source, "bytes", (double)r->bytes);
    cJSON_AddNumberToObject(source, "lines", (double)r->text.nlines);
    cJSON_AddStringToObject(source, "sha256", r->sha256);
    cJSON_AddItemToObject(root, "document", document(r));
    cJSON_AddItemToObject(root, "sections", section_tree(r));
    cJSON_AddItemToObject(root, "amounts", amounts(r));
    cJSON_AddItemToObject(root, "indicators", bg_json_indicators(r));
    cJSON_AddItemToObject(root, "projects", bg_json_projects(r));
    cJSON_AddItemToObject(root, "scores", bg_json_scores(r));
    cJSON_AddItemToObject(root, "checks", bg_json_checks(r));
    cJSON_AddItemToObject(root, "tables", tables(r));
    cJSON_AddItemToObject(root, "warnings", warnings(r));
    char *out = pretty ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return out;
}

char *baogao_error_json(const baogao_error *e)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "schema", "baogao/1");
    cJSON *src = cJSON_AddObjectToObject(o, "source");
    cJSON_AddStringToObject(src, "path", e->file);
    cJSON *err = cJSON_AddObjectToObject(o, "error");
    cJSON_AddStringToObject(err, "code", baogao_strerror(e->code));
    cJSON_AddStringToObject(err, "message", e->message);
    cJSON_AddItemToObject(err, "line", e->line > 0 ? cJSON_CreateNumber((double)e->line) : cJSON_CreateNull());
    cJSON_AddItemToObject(err, "offset", e->offset >= 0 ? cJSON_CreateNumber((double)e->offset) : cJSON_CreateNull());
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}
