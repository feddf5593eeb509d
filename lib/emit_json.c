/* emit_json.c — the result as JSON, schema "baogao/1" (schema/baogao.schema.json).
 * No timestamps and a fixed key order, so the same input always gives
 * byte-identical output.
 *
 * The JSON is written straight into one growing buffer, in the layout cJSON's
 * printer gives (TAB indentation, ":\t" after keys, ", " between array items
 * when pretty), rather than built as a cJSON tree first: the tree cost a
 * malloc per key and per value, a printf and a sscanf per number, and several
 * times the output's size in memory. The parts emit_findings.c builds as cJSON
 * are printed by the same writer one at a time and freed at once. */
#include <math.h>
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

cJSON *bg_json_dec(const bg_dec *d, int present)
{
    char buf[160];
    if (!present)
        return cJSON_CreateNull();
    bg_dec_format(d, buf, sizeof buf);
    return cJSON_CreateRaw(buf);    /* exact digits, never through a double */
}

/* ---- the writer ----------------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
    int pretty;
    size_t depth;           /* open objects and arrays, as cJSON counts them */
    size_t *items;          /* items written so far in each open container */
    unsigned char *is_array;
    size_t levels_cap;
    int failed;
} jw;

static void jw_reserve(jw *w, size_t n)
{
    if (w->len + n + 1 <= w->cap)
        return;
    size_t cap = w->cap ? w->cap : 4096;
    while (cap < w->len + n + 1)
        cap *= 2;
    w->s = bg_xrealloc(w->s, cap);
    w->cap = cap;
}

static void jw_put(jw *w, const char *s, size_t n)
{
    jw_reserve(w, n);
    memcpy(w->s + w->len, s, n);
    w->len += n;
}

static void jw_putc(jw *w, char c)
{
    jw_reserve(w, 1);
    w->s[w->len++] = c;
}

static void jw_tabs(jw *w, size_t n)
{
    jw_reserve(w, n);
    memset(w->s + w->len, '\t', n);
    w->len += n;
}

/* Bytes cJSON escapes in a string: the C0 controls, '"' and '\\'. NUL ends it. */
static const unsigned char escaped[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

/* A string as cJSON escapes it: " \ and the C0 controls; bytes from 0x80 as they are. */
static void jw_quoted(jw *w, const char *str)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)(str ? str : "");
    jw_putc(w, '"');
    for (;;) {
        const unsigned char *p = s;
        while (!escaped[*p])
            p++;
        jw_put(w, (const char *)s, (size_t)(p - s));
        unsigned char c = *p;
        if (c == '\0')
            break;
        s = p + 1;
        char esc[6] = { '\\', 0, 0, 0, 0, 0 };
        size_t k = 2;
        switch (c) {
        case '\\': esc[1] = '\\'; break;
        case '"': esc[1] = '"'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u'; esc[2] = '0'; esc[3] = '0'; esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
            k = 6;
        }
        jw_put(w, esc, k);
    }
    jw_putc(w, '"');
}

/* Before a value: the separator when it is an item of an array. */
static void jw_value(jw *w)
{
    if (w->depth == 0 || !w->is_array[w->depth - 1])
        return;             /* an object's member: jw_key wrote what comes before */
    if (w->items[w->depth - 1]++ > 0) {
        jw_putc(w, ',');
        if (w->pretty)
            jw_putc(w, ' ');
    }
}

static void jw_open(jw *w, char c, int array)
{
    jw_value(w);
    jw_putc(w, c);
    if (!array && w->pretty)
        jw_putc(w, '\n');
    bg_grow(&w->items, &w->levels_cap, w->depth + 1, sizeof *w->items);
    w->is_array = bg_xrealloc(w->is_array, w->levels_cap);
    w->items[w->depth] = 0;
    w->is_array[w->depth] = (unsigned char)array;
    w->depth++;
}

static void jw_close(jw *w)
{
    w->depth--;
    if (w->is_array[w->depth]) {
        jw_putc(w, ']');
        return;
    }
    if (w->pretty) {
        if (w->items[w->depth] > 0)
            jw_putc(w, '\n');
        jw_tabs(w, w->depth);
    }
    jw_putc(w, '}');
}

static void jw_key(jw *w, const char *key)
{
    if (w->items[w->depth - 1]++ > 0) {
        jw_putc(w, ',');
        if (w->pretty)
            jw_putc(w, '\n');
    }
    if (w->pretty)
        jw_tabs(w, w->depth);
    jw_quoted(w, key);
    jw_putc(w, ':');
    if (w->pretty)
        jw_putc(w, '\t');
}

static void jw_string(jw *w, const char *s)
{
    jw_value(w);
    jw_quoted(w, s);
}

static void jw_literal(jw *w, const char *s)
{
    jw_value(w);
    jw_put(w, s, strlen(s));
}

/* A number as cJSON 1.7 prints it: "%1.15g", or "%1.17g" when that does not
 * read back. An integer below 10^15 prints as its digits either way. */
static void jw_number(jw *w, double d)
{
    jw_value(w);
    if (fabs(d) < 1e15 && d == (double)(long long)d && !(d == 0 && signbit(d))) {
        char buf[24], *p = buf + sizeof buf;
        long long v = (long long)d;
        unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
        do
            *--p = (char)('0' + u % 10);
        while ((u /= 10) > 0);
        if (v < 0)
            *--p = '-';
        jw_put(w, p, (size_t)(buf + sizeof buf - p));
        return;
    }
    cJSON *item = cJSON_CreateNumber(d);     /* rare: leave the format to cJSON itself */
    char *s = item ? cJSON_PrintUnformatted(item) : NULL;
    if (s)
        jw_put(w, s, strlen(s));
    else
        w->failed = 1;
    cJSON_free(s);
    cJSON_Delete(item);
}

static void jw_null(jw *w)
{
    jw_literal(w, "null");
}

static void jw_str_or_null(jw *w, const char *s)
{
    if (s)
        jw_string(w, s);
    else
        jw_null(w);
}

/* cJSON_AddStringToObject with a NULL string adds nothing: neither do we. */
static void jw_member_str(jw *w, const char *key, const char *s)
{
    if (!s)
        return;
    jw_key(w, key);
    jw_string(w, s);
}

static void jw_member_num(jw *w, const char *key, double d)
{
    jw_key(w, key);
    jw_number(w, d);
}

/* A cJSON value (from emit_findings.c), laid out as cJSON_Print would. */
static void jw_cjson(jw *w, const cJSON *item)
{
    switch (item->type & 0xFF) {
    case cJSON_NULL: jw_null(w); return;
    case cJSON_False: jw_literal(w, "false"); return;
    case cJSON_True: jw_literal(w, "true"); return;
    case cJSON_Number: jw_number(w, item->valuedouble); return;
    case cJSON_Raw:
        if (!item->valuestring) {
            w->failed = 1;
            return;
        }
        jw_literal(w, item->valuestring);
        return;
    case cJSON_String: jw_string(w, item->valuestring); return;
    case cJSON_Array:
    case cJSON_Object: {
        int array = (item->type & 0xFF) == cJSON_Array;
        jw_open(w, array ? '[' : '{', array);
        for (const cJSON *c = item->child; c; c = c->next) {
            if (!array)
                jw_key(w, c->string);
            jw_cjson(w, c);
        }
        jw_close(w);
        return;
    }
    default:
        w->failed = 1;      /* cJSON would refuse to print it */
    }
}

/* A member whose value emit_findings.c builds as cJSON: printed, then freed. */
static void jw_member_cjson(jw *w, const char *key, cJSON *item)
{
    if (!item)
        return;             /* cJSON_AddItemToObject(o, key, NULL) adds nothing */
    jw_key(w, key);
    jw_cjson(w, item);
    cJSON_Delete(item);
}

/* ---- the document --------------------------------------------------------- */

static void span(jw *w, const baogao_result *r, size_t a, size_t b)
{
    size_t oa, ob;
    bg_text_span(&r->text, a, b, &oa, &ob);
    jw_key(w, "span");
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
        span(w, r, v->start, v->end);
    jw_close(w);
}

static void document(jw *w, const baogao_result *r)
{
    const bg_meta *m = &r->meta;
    jw_open(w, '{', 0);
    jw_key(w, "title");
    jw_str_or_null(w, m->title.value);
    jw_key(w, "kind");
    jw_str_or_null(w, m->kind.value);
    jw_key(w, "organization");
    jw_str_or_null(w, m->organization.value);
    jw_key(w, "year");
    if (m->year)
        jw_number(w, m->year);
    else
        jw_null(w);
    jw_key(w, "date");
    jw_str_or_null(w, m->date.value);
    jw_key(w, "preparer");
    jw_str_or_null(w, m->preparer.value);
    jw_key(w, "phone");
    jw_str_or_null(w, m->phone.value);
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
        span(w, r, sec->start, sec->end);
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

static void dec_or_null(jw *w, const bg_dec *d, int present, int as_written)
{
    char buf[160];
    if (!present) {
        jw_null(w);
        return;
    }
    if (as_written)
        bg_dec_format_as_written(d, buf, sizeof buf);
    else
        bg_dec_format(d, buf, sizeof buf);
    jw_literal(w, buf);     /* exact digits, never through a double */
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
        jw_key(w, "label");
        jw_str_or_null(w, a->label);
        jw_key(w, "value");
        dec_or_null(w, &a->value, 1, 1);
        jw_member_str(w, "unit", a->unit);
        jw_member_str(w, "unit_source", a->unit_source);
        jw_key(w, "value_wan");
        dec_or_null(w, &a->value_wan, 1, 0);
        jw_key(w, "qualifier");
        jw_str_or_null(w, a->qualifier);
        jw_key(w, "value_max");
        dec_or_null(w, &a->value_max, a->has_max, 1);
        jw_key(w, "value_max_wan");
        dec_or_null(w, &a->value_max_wan, a->has_max, 0);
        jw_key(w, "per");
        jw_str_or_null(w, a->per);
        jw_member_str(w, "text", a->text);
        jw_member_num(w, "line", (double)a->line);
        section_path(w, r, a->line);
        span(w, r, a->start, a->end);
        jw_key(w, "parent");
        if (a->parent == BG_NO_PARENT)
            jw_null(w);
        else
            jw_number(w, (double)a->parent);
        jw_member_str(w, "context", a->in_table ? "table" : "prose");
        jw_key(w, "row");
        jw_str_or_null(w, a->row);
        jw_key(w, "column");
        jw_str_or_null(w, a->column);
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

char *bg_emit_json(const baogao_result *r, int pretty)
{
    jw w = { 0 };
    w.pretty = pretty != 0;
    /* about three bytes of JSON per byte of text: one allocation for most reports */
    jw_reserve(&w, r->text.len * 3 + 4096);
    jw_open(&w, '{', 0);
    jw_member_str(&w, "schema", "baogao/1");
    jw_key(&w, "producer");
    jw_open(&w, '{', 0);
    jw_member_str(&w, "name", "baogao");
    jw_member_str(&w, "version", BAOGAO_VERSION);
    jw_close(&w);
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
    jw_member_cjson(&w, "indicators", bg_json_indicators(r));
    jw_member_cjson(&w, "projects", bg_json_projects(r));
    jw_member_cjson(&w, "scores", bg_json_scores(r));
    jw_member_cjson(&w, "checks", bg_json_checks(r));
    jw_key(&w, "tables");
    tables(&w, r);
    jw_key(&w, "warnings");
    warnings(&w, r);
    jw_close(&w);
    free(w.items);
    free(w.is_array);
    if (w.failed) {
        free(w.s);
        return NULL;
    }
    w.s[w.len] = '\0';
    return bg_xrealloc(w.s, w.len + 1);
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
