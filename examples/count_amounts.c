/* count_amounts.c — a program using the installed libbaogao: for each report
 * named on the command line, the number of monetary amounts found and of
 * distinct facts, then, for each measure and year the report gives both,
 * its stated 支出合计 against the sum of its parts 基本支出 and 项目支出.
 *
 * Amounts are statements: one figure is often stated twice (prose and
 * table), and a total is stated with its parts, so adding amounts up counts
 * things several times over. The facts table holds each figure once; adding
 * up is done there, one measure and one year at a time, over parts of one
 * total only.
 *
 *   cc -o count_amounts count_amounts.c $(pkg-config --cflags --libs libbaogao)
 *   ./count_amounts report.txt...
 *
 * Output: FILE<TAB>AMOUNTS<TAB>FACTS, then a line per measure and year:
 * FILE<TAB>MEASURE<TAB>YEAR<TAB>支出合计 STATED<TAB>基本支出+项目支出 SUM
 * (万元); or FILE<TAB>error: MESSAGE. Exit status 1 if any file failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <baogao.h>

#define MAX_GROUPS 32

typedef struct {
    char measure[64], period[16];
    double total, parts;    /* a summary for people; exact digits are in the cells */
    int has_total, nparts;
} group;

typedef struct {
    size_t amounts, facts;
    group groups[MAX_GROUPS];
    size_t ngroups;
    int item, measure, period, value;   /* column indexes of the facts table */
} tally;

static int column(baogao_table table, const char *name)
{
    const char *const *cols = baogao_table_columns(table);
    for (int i = 0; cols[i]; i++)
        if (strcmp(cols[i], name) == 0)
            return i;
    return -1;
}

static int count_amount(void *ctx, const baogao_cell *cells, size_t n)
{
    (void)cells;
    (void)n;
    ((tally *)ctx)->amounts++;
    return 0;
}

static group *group_of(tally *t, const char *measure, const char *period)
{
    for (size_t i = 0; i < t->ngroups; i++)
        if (strcmp(t->groups[i].measure, measure) == 0 && strcmp(t->groups[i].period, period) == 0)
            return &t->groups[i];
    if (t->ngroups == MAX_GROUPS)
        return NULL;
    group *g = &t->groups[t->ngroups++];
    memset(g, 0, sizeof *g);
    snprintf(g->measure, sizeof g->measure, "%s", measure);
    snprintf(g->period, sizeof g->period, "%s", period);
    return g;
}

static int add_fact(void *ctx, const baogao_cell *cells, size_t n)
{
    tally *t = ctx;
    t->facts++;
    if ((size_t)t->value >= n || !cells[t->item].text || !cells[t->measure].text || !cells[t->period].text
        || !cells[t->value].text)
        return 0;           /* a figure whose measure or year is unknown cannot be added to others */
    const char *item = cells[t->item].text;
    int part = strcmp(item, "基本支出") == 0 || strcmp(item, "项目支出") == 0, total = strcmp(item, "支出合计") == 0;
    group *g = part || total ? group_of(t, cells[t->measure].text, cells[t->period].text) : NULL;
    if (!g)
        return 0;
    double v = strtod(cells[t->value].text, NULL);
    if (total) {
        g->total = v;
        g->has_total = 1;
    } else {
        g->parts += v;
        g->nparts++;
    }
    return 0;
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
        static tally t;
        memset(&t, 0, sizeof t);
        t.item = column(BAOGAO_TABLE_FACTS, "item");
        t.measure = column(BAOGAO_TABLE_FACTS, "measure");
        t.period = column(BAOGAO_TABLE_FACTS, "period");
        t.value = column(BAOGAO_TABLE_FACTS, "value_wan");
        baogao_table_rows(r, BAOGAO_TABLE_AMOUNTS, count_amount, &t);
        baogao_table_rows(r, BAOGAO_TABLE_FACTS, add_fact, &t);
        printf("%s\t%zu\t%zu\n", argv[i], t.amounts, t.facts);
        for (size_t g = 0; g < t.ngroups; g++)
            if (t.groups[g].has_total && t.groups[g].nparts == 2)
                printf("%s\t%s\t%s\t支出合计 %.2f\t基本支出+项目支出 %.2f\n", argv[i], t.groups[g].measure,
                       t.groups[g].period, t.groups[g].total, t.groups[g].parts);
        baogao_result_free(r);
    }
    baogao_patterns_free(patterns);
    return failed;
}
