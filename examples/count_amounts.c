/* count_amounts.c — a program using the installed libbaogao: for each report
 * named on the command line, the number of monetary amounts found and the
 * sum of those that are not parts of another (each part's total is already
 * counted), in 万元.
 *
 *   cc -o count_amounts count_amounts.c $(pkg-config --cflags --libs libbaogao)
 *   ./count_amounts report.txt...
 *
 * Output, one line per file: FILE<TAB>AMOUNTS<TAB>TOP-LEVEL SUM (万元), or
 * FILE<TAB>error: MESSAGE. Exit status 1 if any file failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <baogao.h>

typedef struct {
    size_t count;
    double top_level_wan;   /* a summary for people; exact digits are in the cells */
    int value_wan, parent;  /* column indexes */
} tally;

static int add_amount(void *ctx, const baogao_cell *cells, size_t n)
{
    tally *t = ctx;
    t->count++;
    if ((size_t)t->value_wan < n && (size_t)t->parent < n && cells[t->value_wan].text && !cells[t->parent].text)
        t->top_level_wan += strtod(cells[t->value_wan].text, NULL);
    return 0;
}

static int column(baogao_table table, const char *name)
{
    const char *const *cols = baogao_table_columns(table);
    for (int i = 0; cols[i]; i++)
        if (strcmp(cols[i], name) == 0)
            return i;
    return -1;
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    unsigned char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    baogao_error err;
    baogao_patterns *patterns = baogao_patterns_load(NULL, &err);     /* the built-in patterns */
    if (!patterns) {
        fprintf(stderr, "count_amounts: %s\n", err.message);
        return 2;
    }
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        size_t len = 0;
        unsigned char *bytes = slurp(argv[i], &len);
        if (!bytes) {
            printf("%s\terror: cannot read\n", argv[i]);
            failed = 1;
            continue;
        }
        baogao_options opt = { argv[i], NULL, 0 };
        baogao_result *r = baogao_convert(patterns, bytes, len, &opt, &err);
        free(bytes);
        if (!r) {
            printf("%s\terror: %s\n", argv[i], err.message);
            failed = 1;
            continue;
        }
        tally t = { 0, 0, column(BAOGAO_TABLE_AMOUNTS, "value_wan"), column(BAOGAO_TABLE_AMOUNTS, "parent") };
        baogao_table_rows(r, BAOGAO_TABLE_AMOUNTS, add_amount, &t);
        printf("%s\t%zu\t%.2f\n", argv[i], t.count, t.top_level_wan);
        baogao_result_free(r);
    }
    baogao_patterns_free(patterns);
    return failed;
}
