/* test_facts.c — which figure each amount is (measure, period, item), each
 * fact counted once (same_as, the facts table), the checks on facts and on
 * score levels, the spreadsheet's Chinese headers and boolean cells
 * (built-in patterns; corpus/README.md, "Facts"). */
#include "check.h"
#include "result.h"

#include <stdlib.h>

static baogao_patterns *P;

static baogao_result *convert(const char *in, size_t n)
{
    baogao_error err;
    baogao_options opt = { "test.txt", NULL, 0 };
    return baogao_convert(P, (const unsigned char *)in, n, &opt, &err);
}

static baogao_result *convert_str(const char *in)
{
    return convert(in, strlen(in));
}

/* The first amount whose text is `text` from amount `from` on, or -1. */
static long find(const baogao_result *r, const char *text, size_t from)
{
    for (size_t i = from; i < r->amounts.n; i++)
        if (strcmp(r->amounts.items[i].text, text) == 0)
            return (long)i;
    return -1;
}

static const bg_amount_fact *fact_of(const baogao_result *r, const char *text)
{
    static const bg_amount_fact none = { NULL, NULL, -1, BG_NO_PARENT };
    long i = find(r, text, 0);
    CHECK(i >= 0);
    return i >= 0 ? &r->facts.of[i] : &none;
}

#define CHECK_FACT(r, text, m_, p_, i_) do { \
    const bg_amount_fact *f_ = fact_of((r), (text)); \
    CHECK_STR(f_->measure, (m_)); \
    CHECK_INT(f_->period, (p_)); \
    CHECK_STR(f_->item, (i_)); \
} while (0)

/* The first amount whose text is `text`: its column, measure and year. */
#define CHECK_CELL(r, text, c_, m_, p_) do { \
    long i_ = find((r), (text), 0); \
    CHECK(i_ >= 0); \
    if (i_ >= 0) { \
        CHECK_STR((r)->amounts.items[i_].column, (c_)); \
        CHECK_STR((r)->facts.of[i_].measure, (m_)); \
        CHECK_INT((r)->facts.of[i_].period, (p_)); \
    } \
} while (0)

/* ---- measure ------------------------------------------------------------------ */

static void test_measure(void)
{
    baogao_result *r = convert_str("青石县图书馆2022年度部门整体支出绩效自评报告\n"
                                   "一、部门收支情况\n"
                                   "(一)部门预算收支情况\n"
                                   "本单位年初预算收入600万元，其中财政拨款收入550万元。\n"
                                   "全年预算支出640万元，实际支出612万元。\n"
                                   "(二)部门决算收支情况\n"
                                   "本年支出611万元，其中项目支出401万元。\n"
                                   "年初预算基本支出210万元。\n"
                                   "(三)资金使用情况\n"
                                   "支付设备款31万元。\n"
                                   "全年预算全年执行金额18万元。\n");
    CHECK(r != NULL);
    CHECK_FACT(r, "600万元", "年初预算数", 2022, "收入合计");
    CHECK_FACT(r, "550万元", "年初预算数", 2022, "财政拨款收入");   /* a part: its total's */
    CHECK_FACT(r, "640万元", "全年预算数", 2022, "支出合计");
    CHECK_FACT(r, "612万元", "执行数", 2022, "支出合计");         /* 实际支出: measure and item */
    CHECK_FACT(r, "210万元", "年初预算数", 2022, "基本支出");     /* its own words before the heading's */
    CHECK_FACT(r, "611万元", "决算数", 2022, "支出合计");         /* the heading: 部门决算收支情况 */
    CHECK_FACT(r, "401万元", "决算数", 2022, "项目支出");
    CHECK_FACT(r, "31万元", NULL, 2022, NULL);                    /* nothing says which figure */
    CHECK_FACT(r, "18万元", NULL, 2022, NULL);                    /* two measures run together: neither */
    baogao_result_free(r);

    /* the words: 决算支出 and 实际执行 in prose */
    r = convert_str("某局2022年度部门整体支出绩效自评报告\n\n本年决算支出120万元，实际执行115万元。\n");
    CHECK_FACT(r, "120万元", "决算数", 2022, "支出合计");
    CHECK_FACT(r, "115万元", "执行数", 2022, NULL);
    baogao_result_free(r);

    /* 预决算 and 一般公共预算 name no measure */
    r = convert_str("一、部门收支预决算情况\n本年一般公共预算收入320万元。\n");
    CHECK_FACT(r, "320万元", NULL, 0, "一般公共预算");
    baogao_result_free(r);
}

/* ---- period --------------------------------------------------------------------- */

static void test_period(void)
{
    baogao_result *r = convert_str("白沙镇卫生院2023年度部门整体支出绩效自评报告\n\n"
                                   "本年支出880万元，较上年减少20万元。\n"
                                   "上年支出900万元，其中人员经费500万元。\n"
                                   "2021年项目支出300万元。\n"
                                   "公用经费比上年下降，公用经费120万元。\n"
                                   "2019年以来累计投入资金3000万元。\n"
                                   "下年度预算安排950万元。\n");
    CHECK_FACT(r, "880万元", NULL, 2023, "支出合计");
    CHECK_FACT(r, "20万元", NULL, 0, NULL);                       /* a change, not a figure */
    CHECK_FACT(r, "900万元", NULL, 2022, "支出合计");
    CHECK_FACT(r, "500万元", NULL, 2022, "人员经费");             /* a part: its total's year */
    CHECK_FACT(r, "300万元", NULL, 2021, "项目支出");
    CHECK_FACT(r, "120万元", NULL, 2023, "公用经费");             /* 比上年 dates the other figure */
    CHECK_FACT(r, "3000万元", NULL, 0, NULL);                     /* summed over years */
    CHECK_FACT(r, "950万元", "预算数", 2024, NULL);
    baogao_result_free(r);

    /* no year of its own and none of the report: null, never guessed */
    r = convert_str("某单位自评报告\n本年支出50万元。\n项目支出40万元。\n");
    CHECK_FACT(r, "50万元", NULL, 0, "支出合计");
    CHECK_FACT(r, "40万元", NULL, 0, "项目支出");
    baogao_result_free(r);
}

/* ---- tables --------------------------------------------------------------------- */

static void test_tables(void)
{
    baogao_result *r = convert_str("蓝田县水务局2023年度部门整体绩效自评表\n"
                                   "单位：万元\n"
                                   "项目\t上年决算数\t本年预算数\t2023年执行数\n"
                                   "人员类项目支出\t10.5\t11.5\t11.0\n"
                                   "项目支出\t20.5\t21.5\t21.0\n"
                                   "\n"
                                   "单位：万元\n"
                                   "\t构成\t金额\n"
                                   "收入\t财政拨款\t31.0\n"
                                   "\t合计\t31.0\n"
                                   "支出\t基本支出\t10.0\n"
                                   "\t项目支出\t21.0\n"
                                   "\t合计\t31.0\n");
    long i = find(r, "10.5", 0);
    CHECK(i >= 0);
    if (i >= 0) {
        const bg_amount_fact *f = &r->facts.of[i];
        CHECK_STR(f->measure, "决算数");
        CHECK_INT(f->period, 2022);
        CHECK_STR(f->item, NULL);                                 /* 人员类项目支出 is not 项目支出 */
        CHECK_STR(f[1].measure, "预算数");
        CHECK_INT(f[1].period, 2023);
        CHECK_STR(f[2].measure, "执行数");
        CHECK_INT(f[2].period, 2023);
        CHECK_STR(f[4].item, "项目支出");
    }
    long in_total = find(r, "31.0", (size_t)find(r, "31.0", 0) + 1), out_total = find(r, "31.0", (size_t)in_total + 1);
    CHECK(in_total > 0 && out_total > in_total);
    if (in_total > 0 && out_total > in_total) {
        CHECK_STR(r->facts.of[in_total].item, "收入合计");       /* a 合计 row totals its group */
        CHECK_STR(r->facts.of[out_total].item, "支出合计");
        CHECK_INT(r->facts.of[out_total].period, 2023);
    }
    baogao_result_free(r);

    /* a row wider than its header is read from the right only when nothing could move
     * its columns: a trailing empty cell does not (read from the right, 18.00 would
     * stand under 2023年预算数); empty cells ending a row do not count, so the row is
     * as wide as its header and read from the left */
    r = convert_str("某局2023年度部门整体支出绩效自评报告\n"
                    "单位：万元\n"
                    "支出项目\t预算数\t执行数\n"
                    "\t2023年预算数\t2023年执行数\n"
                    "办公经费\t20.00\t18.00\t\n"
                    "\n"
                    "单位：万元\n"
                    "资金构成\t本年预算数\t近两年决算数\n"
                    "\t\t2021年\t2022年\n"
                    "收入\t财政拨款\t86.40\t80.10\t83.25\n");
    i = find(r, "18.00", 0);
    CHECK(i >= 0);
    if (i >= 0) {
        CHECK_STR(r->amounts.items[i].column, "执行数2023年执行数");
        CHECK_STR(r->facts.of[i].measure, "执行数");
    }
    /* its left part merged from above: read from the right; the wider row of
     * years joined under the one cell over them, the others under theirs */
    CHECK_CELL(r, "86.40", "本年预算数", "预算数", 2023);
    CHECK_CELL(r, "80.10", "近两年决算数2021年", "决算数", 2021);
    CHECK_CELL(r, "83.25", "近两年决算数2022年", "决算数", 2022);
    baogao_result_free(r);

    /* a table whose header names other years: a figure of an unknown column has no year */
    r = convert_str("某局2024年部门整体绩效目标申报表\n"
                    "单位：万元\n"
                    "\t项目\t当年金额\t近两年金额\n"
                    "\t\t2022年\t2023年\n"
                    "收入\t财政拨款\t40.0\t30.0\t35.0\n");
    i = find(r, "40.0", 0);
    CHECK(i >= 0);
    if (i >= 0) {
        CHECK_STR(r->facts.of[i].item, "财政拨款收入");
        CHECK_INT(r->facts.of[i].period, 0);
        CHECK_INT(r->facts.of[i + 1].period, 0);
    }
    baogao_result_free(r);
}

/* ---- header rows ------------------------------------------------------------------ */

static void test_header_rows(void)
{
    /* 003's shape: 当年金额 over an empty cell, 近两年金额 over the years; the
     * last years' 指标值 are history, no target, the expected one a target */
    baogao_result *r = convert_str("某局2024年部门整体绩效目标申报表\n"
                                   "单位：万元\n"
                                   "资金构成\t当年金额\t占比\t近两年金额\n"
                                   "\t\t\t2022年\t2023年\n"
                                   "收入\t财政拨款\t40.0\t100%\t30.0\t35.0\n"
                                   "\n"
                                   "\t三级指标\t指标值\t\n"
                                   "\t\t近两年指标值\t预期当年实现值\n"
                                   "\t\t2022年\t2023年\t\n"
                                   "\t罚没收入\t≥3万元\t≥4万元\t≥5万元\n");
    CHECK_CELL(r, "40.0", "当年金额", NULL, 2024);
    CHECK_CELL(r, "30.0", "近两年金额2022年", NULL, 2022);
    CHECK_FACT(r, "≥3万元", NULL, 2022, NULL);
    CHECK_FACT(r, "≥5万元", "目标值", 2024, NULL);
    baogao_result_free(r);

    /* a wider row whose places are not certain is not joined: two runs of
     * names (年初数 | 调整数 under 预算数? under 执行数?), or a run under two cells */
    r = convert_str("某局2023年度部门整体支出绩效自评报告\n"
                    "单位：万元\n"
                    "项目\t预算数\t执行数\n"
                    "\t年初数\t调整数\t\t全年数\n"
                    "办公经费\t20.00\t22.00\t\t21.00\n"
                    "\n"
                    "单位：万元\n"
                    "项目\t预算数\t执行数\n"
                    "\t年初数\t调整数\t全年数\n"
                    "印刷经费\t30.00\t32.00\t31.00\n");
    CHECK_CELL(r, "22.00", "调整数", NULL, 2023);
    CHECK_CELL(r, "31.00", "全年数", NULL, 2023);
    baogao_result_free(r);

    /* a header cell merged over a label and its value (预算数: | 120.00): the value
     * stands under it; a label without its colon pairs with nothing. The rate
     * is still checked, its figures named by their rows */
    r = convert_str("某局2023年度部门整体支出绩效自评报告\n"
                    "单位：万元\n"
                    "一、预算执行情况\t\t预算安排情况(调整后)\t\t资金执行情况\t\t执行率\t\n"
                    "\t\t预算数:\t120.00\t执行数:\t110.00\t91.67%\t\n"
                    "\t\t其中:财政资金\t100.00\t其中:财政资金\t95.00\t\t\n"
                    "\t\t办公经费\t20.00\t\t\t\t\n");
    CHECK_CELL(r, "120.00", "预算安排情况(调整后)", "全年预算数", 2023);
    CHECK_CELL(r, "110.00", "资金执行情况", "执行数", 2023);
    CHECK_CELL(r, "100.00", NULL, "全年预算数", 2023);          /* a part: its total's */
    CHECK_CELL(r, "20.00", NULL, NULL, 2023);
    int rate = 0;
    for (size_t k = 0; k < r->checks.n; k++)
        rate += strcmp(r->checks.items[k].rule, "rate_matches") == 0 && r->checks.items[k].ok;
    CHECK_INT(rate, 1);
    baogao_result_free(r);
}

/* ---- each fact once ------------------------------------------------------------------ */

static void test_link(void)
{
    baogao_result *r = convert_str("红河乡政府2022年度部门整体支出绩效自评报告\n"
                                   "一、部门决算收支情况\n"
                                   "本年支出100.00万元，其中基本支出40.00万元，项目支出60.00万元。\n"
                                   "本年支出100.00万元，其中基本支出40.50万元。\n"
                                   "约合项目支出60万元。\n"
                                   "人员经费20万元。人员经费20万元。人员经费25万元。\n");
    long t1 = find(r, "100.00万元", 0), t2 = find(r, "100.00万元", (size_t)t1 + 1);
    long b1 = find(r, "40.00万元", 0), b2 = find(r, "40.50万元", 0), p1 = find(r, "60.00万元", 0), p2 = find(r, "60万元", 0);
    long s1 = find(r, "20万元", 0), s2 = find(r, "20万元", (size_t)s1 + 1), s3 = find(r, "25万元", 0);
    CHECK(t1 >= 0 && t2 > t1 && b1 >= 0 && b2 >= 0 && p1 >= 0 && p2 >= 0 && s3 > s2 && s2 > s1);
    if (t2 > t1 && b2 >= 0 && p2 >= 0 && s3 > s2 && s2 > s1) {
        CHECK_INT(r->facts.of[t1].same_as, BG_NO_PARENT);
        CHECK_INT(r->facts.of[t2].same_as, t1);
        CHECK_INT(r->facts.of[b2].same_as, BG_NO_PARENT);         /* another value: not the same figure */
        CHECK_INT(r->facts.of[p2].same_as, BG_NO_PARENT);         /* 约: not a fact's value */
        CHECK_STR(r->facts.of[s1].measure, "决算数");
        CHECK_INT(r->facts.of[s2].same_as, s1);
        CHECK_INT(r->facts.of[s3].same_as, BG_NO_PARENT);
    }
    /* facts: 支出合计 (twice), 基本支出 (two values: null), 项目支出, 人员经费 (20 twice, 25) */
    CHECK_INT(r->facts.nitems, 4);
    size_t mismatches = 0, same = 0;
    for (size_t i = 0; i < r->checks.n; i++)
        if (strcmp(r->checks.items[i].rule, "same_fact") == 0) {
            same++;
            mismatches += !r->checks.items[i].ok;
        }
    CHECK_INT(same, 3);
    CHECK_INT(mismatches, 2);
    for (size_t i = 0; i < r->facts.nitems; i++) {
        const bg_fact *f = &r->facts.items[i];
        if (strcmp(f->item, "基本支出") == 0) {
            CHECK(f->conflict && !f->has_value);
            CHECK_INT(f->statements, 2);
        }
        if (strcmp(f->item, "支出合计") == 0)
            CHECK(!f->conflict && f->has_value && f->statements == 2);
    }
    baogao_result_free(r);

    /* a measure unknown: only the same value makes the same fact */
    r = convert_str("某单位2022年度自评报告\n基本支出30万元。\n基本支出30万元。\n基本支出31万元。\n");
    CHECK_INT(r->facts.nitems, 2);
    size_t checks = 0;
    for (size_t i = 0; i < r->checks.n; i++)
        checks += strcmp(r->checks.items[i].rule, "same_fact") == 0;
    CHECK_INT(checks, 0);                                         /* nothing says they are one figure */
    baogao_result_free(r);
}

/* ---- seed 001: summing facts finds the stated total and its 0.31 -------------------- */

typedef struct {
    const char *const *cols;
    bg_dec parts, total;
    int nparts, ntotals;
    size_t rows;
} tally;

static int column(const char *const *cols, const char *name)
{
    for (int i = 0; cols[i]; i++)
        if (strcmp(cols[i], name) == 0)
            return i;
    return -1;
}

static int add_fact(void *ctx, const baogao_cell *cells, size_t n)
{
    tally *t = ctx;
    int item = column(t->cols, "item"), measure = column(t->cols, "measure"), value = column(t->cols, "value_wan");
    t->rows++;
    if (item < 0 || measure < 0 || value < 0 || (size_t)value >= n || !cells[measure].text || !cells[value].text
        || strcmp(cells[measure].text, "决算数") != 0)
        return 0;
    bg_dec v, sum;
    if (bg_dec_parse(cells[value].text, strlen(cells[value].text), &v) <= 0)
        return 0;
    if (strcmp(cells[item].text, "基本支出") == 0 || strcmp(cells[item].text, "项目支出") == 0) {
        if (bg_dec_add(&t->parts, &v, &sum) == 0)
            t->parts = sum;
        t->nparts++;
    } else if (strcmp(cells[item].text, "支出合计") == 0) {
        t->total = v;
        t->ntotals++;
    }
    return 0;
}

static void test_seed_001(void)
{
    FILE *f = fopen("corpus/seeds/001.txt", "rb");      /* run from the top of the repository */
    CHECK(f != NULL);
    if (!f)
        return;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    baogao_result *r = convert(buf, n);
    CHECK(r != NULL);
    if (!r)
        return;
    tally t = { baogao_table_columns(BAOGAO_TABLE_FACTS), { 0 }, { 0 }, 0, 0, 0 };
    bg_dec_from_int(&t.parts, 0);
    baogao_table_rows(r, BAOGAO_TABLE_FACTS, add_fact, &t);
    CHECK_INT(t.nparts, 2);                 /* each counted once */
    CHECK_INT(t.ntotals, 1);
    bg_dec want, diff, gap;
    bg_dec_parse("3686.54", 7, &want);
    CHECK(bg_dec_cmp(&t.parts, &want) == 0);            /* 158.08 + 3528.46 */
    bg_dec_parse("3686.23", 7, &want);
    CHECK(bg_dec_cmp(&t.total, &want) == 0);            /* the stated 本年支出 */
    bg_dec_sub(&t.parts, &t.total, &diff);
    bg_dec_parse("0.31", 4, &gap);
    CHECK(bg_dec_cmp(&diff, &gap) == 0);                /* the report's own mismatch */
    /* fewer facts than amounts: nothing counted twice, and no fact without an item */
    CHECK(t.rows > 0 && t.rows < r->amounts.n);
    baogao_result_free(r);
}

/* ---- score levels ------------------------------------------------------------------------ */

static void test_levels(void)
{
    baogao_result *r = convert_str("某项目2022年度项目支出绩效自评报告\n"
                                   "1.一级指标项目决策包含项目立项，项目决策满分20分，经评分本项得分18分。\n"
                                   "（1）二级指标“项目立项”满分10分，评价得分10分。\n"
                                   "（2）二级指标“绩效目标”满分10分，评价得分8分。\n"
                                   "2.项目管理满分30分，经评分本项得分30分。\n"
                                   "（1）二级指标“资金管理”满分30分，评价得分30分。\n");
    const bg_scores *s = &r->findings.scores;
    CHECK_INT(s->nitems, 5);
    if (s->nitems == 5) {
        CHECK_STR(s->items[0].name, "项目决策");
        CHECK_INT(s->items[0].level, 1);
        CHECK_INT(s->items[1].level, 2);
        CHECK_INT(s->items[1].parent, 0);
        CHECK_INT(s->items[2].parent, 0);
        CHECK_INT(s->items[3].level, 1);                          /* numbered like 项目决策 */
        CHECK_INT(s->items[3].parent, BG_NO_PARENT);
        CHECK_INT(s->items[4].parent, 3);
    }
    baogao_result_free(r);

    /* nothing names a level: null */
    r = convert_str("某项目自评报告\n此项满分10分，此项得分8分。\n");
    CHECK_INT(r->findings.scores.nitems, 1);
    if (r->findings.scores.nitems == 1) {
        CHECK_INT(r->findings.scores.items[0].level, 0);
        CHECK_INT(r->findings.scores.items[0].parent, BG_NO_PARENT);
    }
    baogao_result_free(r);
}

/* ---- spreadsheets -------------------------------------------------------------------------- */

static int count_booleans(void *ctx, const baogao_cell *cells, size_t n)
{
    size_t *k = ctx;
    for (size_t i = 0; i < n; i++)
        if (cells[i].is_boolean) {
            k[0]++;
            k[1] += cells[i].text && (strcmp(cells[i].text, "true") == 0 || strcmp(cells[i].text, "false") == 0);
            k[2] += cells[i].is_number;
        }
    return 0;
}

static void test_sheets(void)
{
    for (int t = 0; t < BAOGAO_TABLE_COUNT; t++) {
        const char *const *en = baogao_table_columns((baogao_table)t), *const *zh = baogao_table_columns_zh((baogao_table)t);
        CHECK(en && zh);
        size_t ne = 0, nz = 0;
        while (en && en[ne])
            ne++;
        while (zh && zh[nz])
            nz++;
        CHECK_INT(nz, ne);
        for (size_t i = 0; zh && i < nz; i++)           /* no two columns of a table share a name */
            for (size_t j = i + 1; j < nz; j++)
                CHECK(strcmp(zh[i], zh[j]) != 0);
    }
    CHECK_STR(baogao_table_columns_zh(BAOGAO_TABLE_AMOUNTS)[5], "金额(万元)");
    CHECK(baogao_table_columns_zh(BAOGAO_TABLE_COUNT) == NULL);
    baogao_table t;
    CHECK(baogao_table_from_name("facts", &t) == 0 && t == BAOGAO_TABLE_FACTS);

    baogao_result *r = convert_str("某单位2022年度绩效自评报告\n"
                                   "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分\n"
                                   "产出指标\t数量指标\t培训人次\t≥100人次\t120人次\t10\t10\n"
                                   "产出指标\t质量指标\t合格率\t100%\t95%\t10\t8\n"
                                   "产出指标\t质量指标\t满意度\t较高\t较好\t10\t8\n");
    size_t k[3] = { 0, 0, 0 };
    baogao_table_rows(r, BAOGAO_TABLE_INDICATORS, count_booleans, k);
    CHECK_INT(k[0], 2);         /* achieved: true, false; the third is null */
    CHECK_INT(k[1], 2);
    CHECK_INT(k[2], 0);
    baogao_result_free(r);
}

/* ---- the review page: tooltips carry the new members ------------------------------------- */

static void test_review_page(void)
{
    baogao_result *r = convert_str("红河乡政府2022年度部门整体支出绩效自评报告\n"
                                   "一、部门决算收支情况\n"
                                   "本年支出100.00万元，其中基本支出40.00万元。\n"
                                   "本年支出100.00万元。\n"
                                   "二、评价得分\n"
                                   "1.一级指标项目决策满分20分，经评分本项得分18分。\n"
                                   "（1）二级指标“项目立项”满分10分，评价得分10分。\n");
    char *html = baogao_result_html(r);
    CHECK(html != NULL);
    if (html) {
        CHECK(strstr(html, "item: 支出合计 · measure: 决算数 · period: 2022") != NULL);
        CHECK(strstr(html, "item: 基本支出 · measure: 决算数 · period: 2022") != NULL);
        CHECK(strstr(html, "same figure as: #0 (line 3)") != NULL);     /* the second 本年支出 */
        CHECK(strstr(html, "same figure as: #1") == NULL);              /* 基本支出 is stated once */
        CHECK(strstr(html, "level: 1") != NULL);
        CHECK(strstr(html, "level: 2 · part of: #0 项目决策") != NULL);
    }
    free(html);
    baogao_result_free(r);
}

int main(void)
{
    baogao_error err;
    P = baogao_patterns_load(NULL, &err);
    if (!P) {
        fprintf(stderr, "patterns: %s\n", err.message);
        return 1;
    }
    test_measure();
    test_period();
    test_tables();
    test_header_rows();
    test_link();
    test_seed_001();
    test_levels();
    test_sheets();
    test_review_page();
    baogao_patterns_free(P);
    return CHECK_DONE("facts");
}
