/* csv.c — the flat tables as CSV (RFC 4180) or TSV text. */
#include <string.h>

#include "cli.h"

/* RFC 4180: a field holding a comma, a quote or a line break is quoted, its
 * quotes doubled; records end with CRLF. TSV cannot quote, so a TAB, line
 * break or backslash in a field is written \t, \n, \r or \\. */
static void add_field(strbuf *b, const char *s, int tsv)
{
    if (!s)
        return;
    if (tsv) {
        for (; *s; s++) {
            const char *esc = *s == '\t' ? "\\t" : *s == '\n' ? "\\n" : *s == '\r' ? "\\r" : *s == '\\' ? "\\\\" : NULL;
            if (esc)
                sb_adds(b, esc);
            else
                sb_addc(b, *s);
        }
        return;
    }
    if (!strpbrk(s, ",\"\r\n")) {
        sb_adds(b, s);
        return;
    }
    sb_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            sb_addc(b, '"');
        sb_addc(b, *s);
    }
    sb_addc(b, '"');
}

typedef struct {
    strbuf *b;
    int tsv;
} text_rows;

static int text_row(void *ctx, const baogao_cell *cells, size_t n)
{
    text_rows *t = ctx;
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_addc(t->b, t->tsv ? '\t' : ',');
        add_field(t->b, cells[i].text, t->tsv);
    }
    sb_adds(t->b, t->tsv ? "\n" : "\r\n");
    return 0;
}

void csv_header(strbuf *b, baogao_table table, int tsv, int zh)
{
    const char *const *cols = zh ? baogao_table_columns_zh(table) : baogao_table_columns(table);
    for (size_t i = 0; cols[i]; i++) {
        if (i)
            sb_addc(b, tsv ? '\t' : ',');
        add_field(b, cols[i], tsv);
    }
    sb_adds(b, tsv ? "\n" : "\r\n");
}

void csv_rows(const baogao_result *r, baogao_table table, int tsv, strbuf *b)
{
    text_rows t = { b, tsv };
    baogao_table_rows(r, table, text_row, &t);
}
