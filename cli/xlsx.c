/* xlsx.c — one workbook for a whole run, through libxlsxwriter: a sheet per
 * flat table (documents, sections, amounts, indicators, projects, scores,
 * checks) and one for the inputs that failed (errors). Numbers are written as
 * numbers, text as text, null as an empty cell; the header row is bold,
 * frozen and filtered.
 *
 * Workers serialize a result's rows (workbook_rows) so that the main thread
 * only copies them into the sheets, in input order. Serialized row: a table
 * byte, then per column a kind byte ('n' number, 's' text, '0' null) and the
 * text with its NUL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "cli.h"

#define ERRORS_SHEET BAOGAO_TABLE_COUNT
#define NSHEETS (BAOGAO_TABLE_COUNT + 1)
#define CELL_MAX 32767          /* bytes of text a cell holds */

static const char *const error_cols[] = { "file", "error", "message", "line", "offset", NULL };

typedef struct {
    lxw_worksheet *ws;
    lxw_row_t row;              /* next row to write */
    int part;                   /* 1, then 2... when a sheet reaches the row limit */
} sheet;

struct book {
    lxw_workbook *wb;
    lxw_format *bold;
    sheet sheets[NSHEETS];
};

static const char *sheet_name(int t)
{
    return t == ERRORS_SHEET ? "errors" : baogao_table_name((baogao_table)t);
}

static const char *const *sheet_cols(int t)
{
    return t == ERRORS_SHEET ? error_cols : baogao_table_columns((baogao_table)t);
}

static size_t ncols(int t)
{
    size_t n = 0;
    for (const char *const *c = sheet_cols(t); *c; c++)
        n++;
    return n;
}

/* ---- serializing, in a worker ----------------------------------------------- */

typedef struct {
    strbuf *b;
    int table;
} rows_ctx;

static int add_row(void *ctx, const baogao_cell *cells, size_t n)
{
    rows_ctx *r = ctx;
    sb_addc(r->b, (char)r->table);
    for (size_t i = 0; i < n; i++) {
        sb_addc(r->b, !cells[i].text ? '0' : cells[i].is_number ? 'n' : 's');
        sb_add(r->b, cells[i].text ? cells[i].text : "", cells[i].text ? strlen(cells[i].text) + 1 : 1);
    }
    return 0;
}

void book_rows(const baogao_result *r, strbuf *b)
{
    for (int t = 0; t < BAOGAO_TABLE_COUNT; t++) {
        rows_ctx ctx = { b, t };
        baogao_table_rows(r, (baogao_table)t, add_row, &ctx);
    }
}

void book_error_row(const baogao_error *e, strbuf *b)
{
    char line[32], offset[32];
    snprintf(line, sizeof line, "%ld", e->line);
    snprintf(offset, sizeof offset, "%ld", e->offset);
    baogao_cell cells[] = {
        { e->file, 0 }, { baogao_error_name(e->code), 0 }, { e->message, 0 },
        { e->line > 0 ? line : NULL, 1 }, { e->offset >= 0 ? offset : NULL, 1 },
    };
    rows_ctx ctx = { b, ERRORS_SHEET };
    add_row(&ctx, cells, sizeof cells / sizeof cells[0]);
}

/* ---- the workbook, on the main thread ------------------------------------------ */

static double width_of(const char *col)
{
    static const char *const wide[] = { "title", "label", "name", "section", "message", "text", "description",
                                        "standard", "goal", "result", "level3", "target", "actual", "note", NULL };
    if (strcmp(col, "file") == 0 || strcmp(col, "organization") == 0 || strcmp(col, "kind") == 0)
        return 28;
    for (size_t i = 0; wide[i]; i++)
        if (strcmp(col, wide[i]) == 0)
            return 36;
    return 12;
}

static int new_sheet(book *w, int t)
{
    sheet *s = &w->sheets[t];
    char name[32];
    s->part++;
    if (s->part == 1)
        snprintf(name, sizeof name, "%s", sheet_name(t));
    else
        snprintf(name, sizeof name, "%s (%d)", sheet_name(t), s->part);
    s->ws = workbook_add_worksheet(w->wb, name);
    if (!s->ws)
        return -1;
    const char *const *cols = sheet_cols(t);
    for (lxw_col_t c = 0; cols[c]; c++) {
        worksheet_set_column(s->ws, c, c, width_of(cols[c]), NULL);
        worksheet_write_string(s->ws, 0, c, cols[c], w->bold);
    }
    worksheet_freeze_panes(s->ws, 1, 0);
    s->row = 1;
    return 0;
}

book *book_open(const char *path, char *why, size_t whylen)
{
    book *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(why, whylen, "out of memory");
        return NULL;
    }
    /* Constant memory: each sheet's rows go to a temporary file as they come. */
    lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE };
    w->wb = workbook_new_opt(path, &opt);
    if (!w->wb) {
        snprintf(why, whylen, "cannot create the workbook");
        free(w);
        return NULL;
    }
    w->bold = workbook_add_format(w->wb);
    format_set_bold(w->bold);
    for (int t = 0; t < NSHEETS; t++)
        if (new_sheet(w, t) < 0) {
            snprintf(why, whylen, "cannot add sheet %s", sheet_name(t));
            workbook_close(w->wb);
            free(w);
            return NULL;
        }
    return w;
}

/* Text that a cell can hold: at most CELL_MAX bytes, cut between characters. */
static const char *fit(const char *s, char *cut, size_t *ncut)
{
    size_t n = strlen(s);
    if (n <= CELL_MAX)
        return s;
    n = CELL_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    memcpy(cut, s, n);
    cut[n] = '\0';
    (*ncut)++;
    return cut;
}

size_t book_add(book *w, const char *rows, size_t len)
{
    static char cut[CELL_MAX + 1];      /* main thread only */
    size_t ncut = 0;
    const char *p = rows, *end = rows + len;
    while (p < end) {
        int t = (unsigned char)*p++;
        if (t >= NSHEETS)
            break;
        sheet *s = &w->sheets[t];
        if (s->row >= LXW_ROW_MAX && new_sheet(w, t) < 0)
            break;
        size_t n = ncols(t);
        for (lxw_col_t c = 0; c < n && p < end; c++) {
            char kind = *p++;
            const char *text = p;
            p += strlen(p) + 1;
            if (kind == 'n')
                worksheet_write_number(s->ws, s->row, c, strtod(text, NULL), NULL);
            else if (kind == 's')
                worksheet_write_string(s->ws, s->row, c, fit(text, cut, &ncut), NULL);
        }
        s->row++;
    }
    return ncut;
}

int book_close(book *w, char *why, size_t whylen)
{
    for (int t = 0; t < NSHEETS; t++) {
        sheet *s = &w->sheets[t];
        worksheet_autofilter(s->ws, 0, 0, s->row > 1 ? s->row - 1 : 1, (lxw_col_t)(ncols(t) - 1));
    }
    lxw_error err = workbook_close(w->wb);
    free(w);
    if (err != LXW_NO_ERROR) {
        snprintf(why, whylen, "%s", lxw_strerror(err));
        return -1;
    }
    return 0;
}
