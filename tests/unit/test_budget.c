/* test_budget.c — placing a budget row's figures by its own rate
 * (lib/budget.c): made-up rows whose cells were dropped or run together,
 * each with the one reading the rate allows, and rows where no reading is
 * certain. */
#include "check.h"

#include "budget.h"

/* 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 */
static const bg_role six_roles[] = { BG_R_BUDGET, BG_R_BUDGET, BG_R_EXECUTED, BG_R_WEIGHT, BG_R_NONE, BG_R_SCORE };
static const unsigned char six_rate[] = { 0, 0, 0, 0, 1, 0 };
static const bg_budget_cols six = { six_roles, six_rate, 6, 1.0 };

/* 全年预算数(A) | 全年执行数(B) | 执行率(B/A), after a label column */
static const bg_role three_roles[] = { BG_R_LABEL, BG_R_BUDGET, BG_R_EXECUTED, BG_R_NONE };
static const unsigned char three_rate[] = { 0, 0, 0, 1 };
static const bg_budget_cols three = { three_roles, three_rate, 4, 1.0 };

static size_t figs_of(const char *const *cells, bg_fig *out)
{
    size_t n = 0;
    for (; cells[n]; n++)
        if (!bg_fig_parse(cells[n], strlen(cells[n]), &out[n]))
            return 0;
    return n;
}

static void test_fig_parse(void)
{
    bg_fig f;
    CHECK(bg_fig_parse(" 95.30% ", 8, &f) && f.pct && f.v > 95.29 && f.v < 95.31);
    CHECK(bg_fig_parse("50万元", strlen("50万元"), &f) && !f.pct && f.v == 50);
    CHECK(bg_fig_parse("-3.5", 4, &f) && f.v == -3.5);
    CHECK(!bg_fig_parse("05", 2, &f));          /* no leading zero */
    CHECK(!bg_fig_parse("1.2.3", 5, &f));
    CHECK(!bg_fig_parse("合计", strlen("合计"), &f));
    CHECK(!bg_fig_parse("12万3", strlen("12万3"), &f));
}

/* Five figures under six columns: 年初预算数 left blank. Only the reading
 * with the blank first makes 执行率 = 执行数 / 全年预算数. */
static void test_place_dropped_cell(void)
{
    static const char *const cells[] = { "46.5", "45.26", "10", "97.33%", "9.7", NULL };
    bg_fig f[8];
    size_t cols[8], m = figs_of(cells, f);
    CHECK_INT(m, 5);
    CHECK(bg_budget_place(&six, 0, f, m, cols));
    CHECK_INT(cols[0], 1);
    CHECK_INT(cols[1], 2);
    CHECK_INT(cols[3], 4);
    /* the rate contradicts every reading: nothing placed */
    static const char *const wrong[] = { "46.5", "45.26", "10", "80.00%", "9.7", NULL };
    m = figs_of(wrong, f);
    CHECK(!bg_budget_place(&six, 0, f, m, cols));
    /* no rate to confirm a reading: nothing placed */
    static const char *const norate[] = { "46.5", "45.26", "10", "9.7", NULL };
    m = figs_of(norate, f);
    CHECK(!bg_budget_place(&six, 0, f, m, cols));
}

/* Figures run together after a label: 208.4203.6597.72% is 208.4 | 203.65 |
 * 97.72%, the only split whose rate holds. */
static void test_split_run(void)
{
    const char *run = "208.4203.6597.72%";
    size_t cut[8];
    CHECK(bg_budget_split(&three, 1, run, strlen(run), cut));
    CHECK_INT(cut[0], 0);
    CHECK_INT(cut[1], 5);       /* 208.4 */
    CHECK_INT(cut[2], 11);      /* 203.65 */
    CHECK_INT(cut[3], strlen(run));
    /* a unit ends a figure: 60万元58.296.67% is 60万元 | 58.2 | 96.67% (rounding off by 0.33) */
    const char *unit = "60万元58.296.67%";
    CHECK(bg_budget_split(&three, 1, unit, strlen(unit), cut));
    CHECK_INT(cut[1], strlen("60万元"));
    CHECK_INT(cut[2], strlen("60万元58.2"));
    /* 0 | 0 | 0%: the rate cannot be told, no split taken */
    CHECK(!bg_budget_split(&three, 1, "000%", 4, cut));
    /* 1111100%: 11 | 11 | 100% holds, and so do 1 | 11 | 1100% and
     * 11111 | 0 | 0%: no split is certain */
    CHECK(!bg_budget_split(&three, 1, "1111100%", 8, cut));
    /* no split of 1212 makes the rate hold (1 | 2 | 12, 1 | 21 | 2, 12 | 1 | 2) */
    CHECK(!bg_budget_split(&three, 1, "1212", 4, cut));
}

int main(void)
{
    test_fig_parse();
    test_place_dropped_cell();
    test_split_run();
    return CHECK_DONE("test_budget");
}
