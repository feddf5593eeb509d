/* test_amounts.c — money recognition, one small document per form of the
 * rules in corpus/README.md ("Amounts: what a reader takes").
 *
 * Everything goes through the public API (amountdoc.h).
 *
 * Checks that baogao fails today are kept under "#if 0 BUG: ..." with what
 * is expected; remove the #if once the bug is fixed. */
#include "amountdoc.h"

#include <iconv.h>

/* ---- numbers -------------------------------------------------------------- */

static void test_arabic(void)
{
    /* thousands separators: value as written, value_wan exact */
    one_prose("本单位收入1,234,567.89元。\n", "1234567.89", "元", "123.456789", NULL, "收入", "1,234,567.89元", 1);
    one_prose("2021年度收入11,122,315.04元。\n", "11122315.04", "元", "1112.231504", NULL, "收入", "11,122,315.04元", 1);
    /* decimals are kept exactly: 0.31 stays 0.31, 87.70 as written */
    one_prose("资产项目主要为货币资金0.31万元。\n", "0.31", "万元", "0.31", NULL, "货币资金", "0.31万元", 1);
    one_prose("部门的资产合计87.70万元。\n", "87.70", "万元", "87.7", NULL, "资产合计", "87.70万元", 1);
    one_prose("收入0.50元。\n", "0.50", "元", "0.00005", NULL, "收入", "0.50元", 1);
    /* the peers' float errors and separators: 16.4亿 is exactly 164000 万元 */
    one_prose("项目投资16.4亿元。\n", "16.4", "亿元", "164000", NULL, "项目投资", "16.4亿元", 1);
    one_prose("预算资金1,100万元。\n", "1100", "万元", "1100", NULL, "预算资金", "1,100万元", 1);
    one_prose("投资1,100.9亿元。\n", "1100.9", "亿元", "11009000", NULL, "投资", "1,100.9亿元", 1);
    /* scales written in front of 元 */
    one_prose("投资1.2亿元。\n", "1.2", "亿元", "12000", NULL, "投资", "1.2亿元", 1);
    one_prose("投资3千万元。\n", "3000", "万元", "3000", NULL, "投资", "3千万元", 1);
    one_prose("投资2百万元。\n", "200", "万元", "200", NULL, "投资", "2百万元", 1);
    one_prose("投资1.5百万元。\n", "150", "万元", "150", NULL, "投资", "1.5百万元", 1);
    one_prose("经费3千元。\n", "3000", "元", "0.3", NULL, "经费", "3千元", 1);
    one_prose("经费2.5千元。\n", "2500", "元", "0.25", NULL, "经费", "2.5千元", 1);
#if 1 /* Regression (fixed): a number of two or more integer digits before 千 / 百万 / 千万
       * gives no amount: 12千元, 15千万元, 12百万元 (3千元 and 1.5千万元 work).
       * lib/amounts.c read_value() splits off only a final 万/亿 and hands
       * "12千" to bg_cn_parse(), which refuses a multi-digit Arabic number
       * before a scale; 千元 百万元 千万元 are units in patterns/amounts.txt
       * and should be split off like 万元. value/unit may be 12 千元 or
       * 12000 元; value_wan must be 1.2. */
    {
        doc *d = convert("经费12千元。\n");
        N_AMOUNTS(d, 1);
        A_RAW(d, 0, "value_wan", "1.2");
        A_SPAN(d, 0, "12千元");
        doc_free(d);
        d = convert("经费15千万元。\n");
        N_AMOUNTS(d, 1);
        A_RAW(d, 0, "value_wan", "15000");
        doc_free(d);
        d = convert("经费12百万元。\n");
        N_AMOUNTS(d, 1);
        A_RAW(d, 0, "value_wan", "1200");
        doc_free(d);
    }
#endif
    /* 圆 is 元 */
    {
        doc *d = convert("收入100圆。\n");
        N_AMOUNTS(d, 1);
        A_RAW(d, 0, "value_wan", "0.01");
        A_SPAN(d, 0, "100圆");
#if 1   /* Regression (fixed): unit is "元" where 圆 is written (README: unit "as written";
         * patterns/amounts.txt has a [unit] 圆 that is never used): lib/amounts.c
         * build() passes "元" to read_value() for both yuan and yuan2. */
        A_STR(d, 0, "unit", "圆");
#endif
        doc_free(d);
    }
}

static void test_fullwidth(void)
{
    /* NFKC makes １２３ digits; the span still covers the original 9 bytes */
    doc *d = convert("本年收入１２３万元。\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value", "123");
    A_RAW(d, 0, "value_wan", "123");
    A_STR(d, 0, "unit", "万元");
    A_STR(d, 0, "text", "123万元");
    A_SPAN(d, 0, "１２３万元");
    doc_free(d);

    d = convert("收入１，２３４．５元。\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value_wan", "0.12345");
    A_SPAN(d, 0, "１，２３４．５元");
    doc_free(d);
}

static void test_sign(void)
{
    /* A negative balance in a table cell keeps its sign. */
    doc *d = convert("单位：万元\n项目名称\t预算数\t执行数\t差额\n办公经费\t11.6\t12.6\t-1.0\n");
    N_AMOUNTS(d, 3);
    A_RAW(d, 2, "value", "-1.0");
    A_RAW(d, 2, "value_wan", "-1");
    A_SPAN(d, 2, "-1.0");
    A_STR(d, 2, "column", "差额");
    doc_free(d);
#if 1 /* Regression (fixed): the prose expression has no sign: 结余-12.5万元 gives value 12.5
       * (label "结余-"); patterns/amounts.txt [amounts] expression, (?<N>...)
       * starts with [0-9] — a '-' not preceded by a number should be taken. */
    one_prose("年末结余-12.5万元。\n", "-12.5", "万元", "-12.5", NULL, "年末结余", "-12.5万元", 1);
#endif
}

static void test_chinese_numerals(void)
{
    one_prose("投资五百万元。\n", "500", "万元", "500", NULL, "投资", "五百万元", 1);
    one_prose("投资两亿元。\n", "2", "亿元", "20000", NULL, "投资", "两亿元", 1);
    one_prose("资金十二万元。\n", "12", "万元", "12", NULL, "资金", "十二万元", 1);
    one_prose("资金一千万元。\n", "1000", "万元", "1000", NULL, "资金", "一千万元", 1);
    one_prose("收入伍仟元整。\n", "5000", "元", "0.5", NULL, "收入", "伍仟元整", 1);
    /* financial capitals, 整 and 人民币 belong to the amount */
    one_prose("拨款壹佰贰拾万元整。\n", "120", "万元", "120", NULL, "拨款", "壹佰贰拾万元整", 1);
    one_prose("拨款人民币伍万元。\n", "5", "万元", "5", NULL, "拨款", "人民币伍万元", 1);
    {
        doc *d = convert("税额共计壹仟玖佰圆整。\n");
        N_AMOUNTS(d, 1);
        A_RAW(d, 0, "value", "1900");
        A_RAW(d, 0, "value_wan", "0.19");
        A_SPAN(d, 0, "壹仟玖佰圆整");
        doc_free(d);
    }
#if 1 /* Regression (fixed): a Chinese numeral with 千 (or 万) followed by more digits is cut:
       * 一千二百三十四万元 gives 二百三十四万元 = 234 (label "投资一千"),
       * 三千五百元 gives 五百元, 壹万二千三百四十五元 gives 三百四十五元.
       * The lazy numeral (?<N>...[...]+?) stops at the first 千, which the
       * bare scale alternative (?<scale>...|千) accepts without 元; build()
       * refuses "一千" (no unit) and bg_amounts_in_text (lib/amounts.c, the
       * "pos = step" retry) restarts one character later, inside the numeral. */
    one_prose("投资一千二百三十四万元。\n", "1234", "万元", "1234", NULL, "投资", "一千二百三十四万元", 1);
    one_prose("资金三千五百元。\n", "3500", "元", "0.35", NULL, "资金", "三千五百元", 1);
    one_prose("工厂费壹万二千三百四十五元。\n", "12345", "元", "1.2345", NULL, "工厂费", "壹万二千三百四十五元", 1);
    one_prose("赔偿六十四万零一百四十三元。\n", "640143", "元", "64.0143", NULL, "赔偿", "六十四万零一百四十三元", 1);
#endif
#if 1 /* Regression (fixed): 萬/億 (traditional) are not split off like 万/亿: 肆佰叁拾萬圆
       * gives value 4300000 unit 元 (value_wan 430 is right) where 五百万元
       * gives 500 万元; lib/amounts.c read_value() only strips "万" and "亿". */
    {
        doc *d = convert("拨款肆佰叁拾萬圆整。\n");
        A_RAW(d, 0, "value", "430");
        CHECK(strcmp(str(d, 0, "unit"), "萬圆") == 0 || strcmp(str(d, 0, "unit"), "万元") == 0);
        doc_free(d);
    }
#endif
    doc *d = convert("拨款肆佰叁拾萬圆整。\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value_wan", "430");
    A_SPAN(d, 0, "肆佰叁拾萬圆整");
    doc_free(d);
}

/* The expression is tried only near an anchor ([amounts] anchor and
 * anchor_reach): amounts far into a long paragraph, right after a long run of
 * text without one, and a long numeral before its unit are all still found. */
static void test_anchor_window(void)
{
    char in[4096];
    char pad[1201];
    memset(pad, 'x', 1200);
    pad[1200] = '\0';
    snprintf(in, sizeof in, "%s收入100万元，%s支出一千二百三十四万元。\n", pad, pad);
    doc *d = convert(in);
    N_AMOUNTS(d, 2);
    A_RAW(d, 0, "value_wan", "100");
    A_SPAN(d, 0, "100万元");
    A_RAW(d, 1, "value_wan", "1234");
    A_SPAN(d, 1, "一千二百三十四万元");
    doc_free(d);
    /* 31 digits with separators, 人民币 and a qualifier before the unit: the
     * whole amount, not a tail of it */
    snprintf(in, sizeof in, "%s。预算约人民币1,234,567,890,123,456,789,012,345,678,901元。\n", pad);
    d = convert(in);
    N_AMOUNTS(d, 1);
    A_SPAN(d, 0, "约人民币1,234,567,890,123,456,789,012,345,678,901元");
    A_STR(d, 0, "qualifier", "approx");
    doc_free(d);
}

static void test_prefixes(void)
{
    one_prose("收入人民币100万元。\n", "100", "万元", "100", NULL, "收入", "人民币100万元", 1);
    one_prose("收入¥100元。\n", "100", "元", "0.01", NULL, "收入", "¥100元", 1);
    /* ￥ (full-width) is ¥ after NFKC; the span keeps the original 3 bytes */
    doc *d = convert("收入￥100元。\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value_wan", "0.01");
    A_SPAN(d, 0, "￥100元");
    A_STR(d, 0, "text", "¥100元");
    doc_free(d);
    /* 人民币 after the unit, and no hang on it (a peer hangs on 8亿元人民币) */
    one_prose("投资8亿元人民币。\n", "8", "亿元", "80000", NULL, "投资", "8亿元人民币", 1);
    d = convert("人民币  50元\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value_wan", "0.005");
    A_SPAN(d, 0, "人民币  50元");
    doc_free(d);
    /* Regression (fixed): ¥ before a number with no unit after it is 元 */
    one_prose("报销金额¥300，\n", "300", "元", "0.03", NULL, "报销金额", "¥300", 1);
    d = convert("报销金额￥300, ok\n");
    N_AMOUNTS(d, 1);
    A_STR(d, 0, "unit", "元");
    A_RAW(d, 0, "value_wan", "0.03");
    A_SPAN(d, 0, "￥300");          /* not the space after it */
    doc_free(d);
    one_prose("补助标准¥ 1,200.50/人。\n", "1200.50", "元", "0.12005", NULL, "补助标准", "¥ 1,200.50/人", 1);
    /* ¥ makes a bare 万 money even with no money word before it */
    one_prose("共¥5万。\n", "5", "万", "5", NULL, NULL, "¥5万", 1);
    d = convert("单价¥100-200，\n");
    N_AMOUNTS(d, 1);
    A_STR(d, 0, "qualifier", "range");
    A_RAW(d, 0, "value_wan", "0.01");
    A_RAW(d, 0, "value_max", "200");
    A_STR(d, 0, "unit", "元");
    A_SPAN(d, 0, "¥100-200");
    doc_free(d);
    /* without ¥ or a unit a number is still no amount */
    no_amount("报销300，\n");
}

static void test_qualifiers(void)
{
    one_prose("共计560万余元。\n", "560", "万元", "560", "over", "共计", "560万余元", 1);
    one_prose("支出218万余元。\n", "218", "万元", "218", "over", "支出", "218万余元", 1);
    one_prose("资金10余万元。\n", "10", "万元", "10", "over", "资金", "10余万元", 1);
    one_prose("资金10万多元。\n", "10", "万元", "10", "over", "资金", "10万多元", 1);
    one_prose("资金约100万元。\n", "100", "万元", "100", "approx", "资金", "约100万元", 1);
    one_prose("资金大约100万元。\n", "100", "万元", "100", "approx", "资金", "大约100万元", 1);
    one_prose("资金近50万元。\n", "50", "万元", "50", "approx", "资金", "近50万元", 1);
    one_prose("资金100万元左右。\n", "100", "万元", "100", "approx", "资金", "100万元左右", 1);
    one_prose("投资逾30万元。\n", "30", "万元", "30", "over", "投资", "逾30万元", 1);
    one_prose("投资超过20万元。\n", "20", "万元", "20", "over", "投资", "超过20万元", 1);
    one_prose("投资5万元以上。\n", "5", "万元", "5", "over", "投资", "5万元以上", 1);
    one_prose("补助≥30万元。\n", "30", "万元", "30", "over", "补助", "≥30万元", 1);
    one_prose("支出不足10万元。\n", "10", "万元", "10", "under", "支出", "不足10万元", 1);
    one_prose("支出不到10万元。\n", "10", "万元", "10", "under", "支出", "不到10万元", 1);
    one_prose("补助100万元以下。\n", "100", "万元", "100", "under", "补助", "100万元以下", 1);
    one_prose("补助≤100万元。\n", "100", "万元", "100", "under", "补助", "≤100万元", 1);
    /* several in one sentence: each has its own qualifier */
    doc *d = convert("资金约100万元，逾30万元，不足10万元。\n");
    N_AMOUNTS(d, 3);
    A_STR(d, 0, "qualifier", "approx");
    A_STR(d, 1, "qualifier", "over");
    A_STR(d, 2, "qualifier", "under");
    A_SPAN(d, 1, "逾30万元");
    doc_free(d);
#if 1 /* Regression (fixed): 50万元(含)以上 is ≥ 50万: the qualifier is lost (null) because
       * "(含)" stands between the amount and 以上; patterns/amounts.txt
       * (?<post>...) admits nothing before 以上/以下. */
    one_prose("单项投资50万元(含)以上。\n", "50", "万元", "50", "over", "单项投资", "50万元(含)以上", 1);
#endif
}

static void test_ranges(void)
{
    static const struct {
        const char *input, *span;
    } forms[] = {
        { "投资100-200万元。\n", "100-200万元" },
        { "投资100~200万元。\n", "100~200万元" },
        { "投资100至200万元。\n", "100至200万元" },
        { "投资100万至200万元。\n", "100万至200万元" },
        { "投资100万元至200万元。\n", "100万元至200万元" },
        { "投资100到200万元。\n", "100到200万元" },
    };
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        doc *d = convert(forms[k].input);
        N_AMOUNTS(d, 1);
        A_STR(d, 0, "qualifier", "range");
        A_RAW(d, 0, "value", "100");
        A_RAW(d, 0, "value_max", "200");
        A_RAW(d, 0, "value_wan", "100");
        A_RAW(d, 0, "value_max_wan", "200");
        A_STR(d, 0, "unit", "万元");
        A_STR(d, 0, "label", "投资");
        A_SPAN(d, 0, forms[k].span);
        doc_free(d);
    }
    /* a range in 元 is converted on both ends */
    doc *d = convert("补助500-1,500元。\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value_wan", "0.05");
    A_RAW(d, 0, "value_max_wan", "0.15");
    doc_free(d);
    d = convert("投资一百二十到一百五十万元。\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value_wan", "120");
    A_RAW(d, 0, "value_max_wan", "150");
    A_STR(d, 0, "qualifier", "range");
    doc_free(d);
#if 1 /* Regression (fixed): 一千到两千万元 gives one amount 两千万元 = 2000, no range; the
       * lower end loses its shared scale (and is cut at 千, see the numeral
       * bug in test_chinese_numerals); 七千到九千亿元 gives nothing. */
    d = convert("投资一千到两千万元。\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value_wan", "1000");
    A_RAW(d, 0, "value_max_wan", "2000");
    A_STR(d, 0, "qualifier", "range");
    doc_free(d);
#endif
#if 1 /* Regression (fixed): a doubled dash (1万元--5万元, 2——3万元) is not a range separator:
       * two amounts 1万元 and 5万元 come out; patterns/amounts.txt
       * (?:-|~|至|到|—) takes one dash only. */
    d = convert("补助1万元--5万元。\n");
    N_AMOUNTS(d, 1);
    A_STR(d, 0, "qualifier", "range");
    A_RAW(d, 0, "value_max_wan", "5");
    doc_free(d);
    d = convert("补助2——3万元。\n");     /* today: only 3万元, label "补助2——" */
    N_AMOUNTS(d, 1);
    A_STR(d, 0, "qualifier", "range");
    A_RAW(d, 0, "value_wan", "2");
    A_RAW(d, 0, "value_max_wan", "3");
    doc_free(d);
#endif
    /* one em dash is a range separator */
    d = convert("补助2—3万元。\n");
    N_AMOUNTS(d, 1);
    A_STR(d, 0, "qualifier", "range");
    A_RAW(d, 0, "value_max_wan", "3");
    doc_free(d);
}

/* ---- bare 万 / 亿 ----------------------------------------------------------- */

static void test_bare_wan(void)
{
    doc *d = convert("本年收入355.27万，较上年增长。\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value", "355.27");
    A_STR(d, 0, "unit", "万");
    A_RAW(d, 0, "value_wan", "355.27");
    A_SPAN(d, 0, "355.27万");
    CHECK(str(d, 0, "label") && strstr(str(d, 0, "label"), "收入") != NULL);
    doc_free(d);

    d = convert("总投资3.5亿，其中中央资金1亿。\n");
    N_AMOUNTS(d, 2);
    A_STR(d, 0, "unit", "亿");
    A_RAW(d, 0, "value_wan", "35000");
    A_STR(d, 0, "label", "总投资");
    A_RAW(d, 1, "value_wan", "10000");
    A_NUM(d, 1, "parent", 0);
    doc_free(d);

    d = convert("预算资金1,100万，全部到位。\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value_wan", "1100");
    doc_free(d);

    /* counts are never money, even after a money word */
    no_amount("项目资金惠及≥90万人。\n");
    no_amount("补助资金发放10万张。\n");
    no_amount("经费保障接待8万人次。\n");
    no_amount("投资建设3.5万亩。\n");
    no_amount("经费惠及5万余人。\n");
    /* a bare 万 without a money word in its clause */
    no_amount("服务对象90万，覆盖全县。\n");
    no_amount("江苏彩民中大乐透1600万 奖池36.57亿\n");
}

/* ---- rates ---------------------------------------------------------------- */

static void test_rates(void)
{
    doc *d = convert("补助标准530元/人·月，5830元/户。\n");
    N_AMOUNTS(d, 2);
    A_RAW(d, 0, "value", "530");
    A_RAW(d, 0, "value_wan", "0.053");
    A_STR(d, 0, "per", "人·月");
    A_STR(d, 0, "label", "补助标准");
    A_SPAN(d, 0, "530元/人·月");
    A_RAW(d, 1, "value_wan", "0.583");
    A_STR(d, 1, "per", "户");
    A_SPAN(d, 1, "5830元/户");
    doc_free(d);
    d = convert("补助标准3000元/户。\n");
    N_AMOUNTS(d, 1);
    A_STR(d, 0, "per", "户");
    A_RAW(d, 0, "value_wan", "0.3");
    doc_free(d);
    /* not a rate: per stays null */
    d = convert("补助3000元。\n");
    A_STR(d, 0, "per", NULL);
    doc_free(d);
}

/* ---- what is never an amount ---------------------------------------------- */

static void test_not_amounts(void)
{
    no_amount("预算执行率95.5%，资金到位率100%。\n");
    no_amount("2023年预算安排。\n");
    no_amount("于2023年5月20日拨付，2023-05-20完成。\n");
    no_amount("根据〔2022〕15号文件执行。\n");
    no_amount("根据石发〔2019〕8号文件执行。\n");
    no_amount("联系电话：0739-1234567\n");
    no_amount("项目得分97分。\n");
    no_amount("基站总数是10000，其中有9000台是huawei 建的。\n");
    no_amount("美元汇率6.9，港元汇率0.9。\n");

    /* the same forms next to real money: only the money is taken */
    static const struct {
        const char *input, *span, *wan;
    } mixed[] = {
        { "2023年收入100万元。\n", "100万元", "100" },
        { "根据石发〔2019〕8号文件，下达补助资金8万元。\n", "8万元", "8" },
        { "根据〔2022〕15号文件，下达资金15万元。\n", "15万元", "15" },
        { "联系电话0739-1234567，经费5万元。\n", "5万元", "5" },
        { "项目得分97分，资金2万元。\n", "2万元", "2" },
        { "预算执行率95.5%，结余5万元。\n", "5万元", "5" },
        { "于2023年5月20日拨付资金10万元。\n", "10万元", "10" },
    };
    for (size_t k = 0; k < sizeof mixed / sizeof mixed[0]; k++) {
        doc *d = convert(mixed[k].input);
        N_AMOUNTS(d, 1);
        A_SPAN(d, 0, mixed[k].span);
        A_RAW(d, 0, "value_wan", mixed[k].wan);
        doc_free(d);
    }

    /* a money label with no unit: no amount, and the reader must not guess */
    doc *d = convert("救助金额239.45。\n");
    N_AMOUNTS(d, 0);
    CHECK_INT(warnings_with(d, "unit"), 1);
    doc_free(d);

    /* foreign currencies are not 元 */
    no_amount("兑换45564.44美元。\n");
    no_amount("以每股1.95港元收购。\n");
    no_amount("另需1万亿日元。\n");
    no_amount("价值3000多欧元。\n");
#if 1 /* Regression (fixed): a currency name next to the amount is ignored: 港币两千九百六十元
       * gives 九百六十元 (960 元, also cut), 新台币177.1亿元 gives 177.1亿元,
       * 9000元日币 and 三万元欧元 give 元 amounts. None of them is in 元
       * (人民币). The expression has no lookbehind/lookahead for a currency
       * name (patterns/amounts.txt). */
    no_amount("港币两千九百六十元\n");
    no_amount("新台币 177.1 亿元\n");
    no_amount("9000元日币\n");
#endif
}

/* ---- labels and parts ----------------------------------------------------- */

static void test_labels(void)
{
    doc *d = convert("一、情况\n本单位2021年度预算收入2958.92万元，预算支出2958.92万元，"
                     "其中基本支出183.97万元，项目支出2774.95万元。\n");
    N_AMOUNTS(d, 4);
    A_STR(d, 0, "label", "预算收入");
    A_STR(d, 1, "label", "预算支出");
    A_STR(d, 2, "label", "基本支出");
    A_STR(d, 3, "label", "项目支出");
    A_NUM(d, 0, "parent", -1);
    A_NUM(d, 1, "parent", -1);
    A_NUM(d, 2, "parent", 1);
    A_NUM(d, 3, "parent", 1);
    for (int i = 0; i < 4; i++) {
        A_NUM(d, i, "line", 2);
        A_STR(d, i, "section", "一、情况");
        A_STR(d, i, "context", "prose");
    }
    A_SPAN(d, 0, "2958.92万元");
    A_SPAN(d, 2, "183.97万元");
    A_RAW(d, 2, "value_wan", "183.97");
    A_RAW(d, 3, "value", "2774.95");
    doc_free(d);

    /* 其中： parts run through ；, a 。 ends them */
    d = convert("收入100万元。其中：财政拨款收入50万元；其他收入50万元。支出80万元。\n");
    N_AMOUNTS(d, 4);
    A_STR(d, 1, "label", "财政拨款收入");
    A_STR(d, 2, "label", "其他收入");
    A_NUM(d, 1, "parent", 0);
    A_NUM(d, 2, "parent", 0);
    A_NUM(d, 3, "parent", -1);
    A_STR(d, 3, "label", "支出");
    doc_free(d);

    d = convert("支出100万元，其中基本支出60万元。项目支出40万元。\n");
    N_AMOUNTS(d, 3);
    A_NUM(d, 1, "parent", 0);
    A_NUM(d, 2, "parent", -1);
    doc_free(d);

    one_prose("2022年初结转资金10万元。\n", "10", "万元", "10", NULL, "结转资金", "10万元", 1);
    one_prose("我局全年支出12万元。\n", "12", "万元", "12", NULL, "全年支出", "12万元", 1);
    /* a clause that starts with the amount borrows the previous clause */
    d = convert("其中基本医保报销79501人次，5506.53万元。\n");
    N_AMOUNTS(d, 1);
    A_STR(d, 0, "label", "基本医保报销");
    A_RAW(d, 0, "value_wan", "5506.53");
    doc_free(d);
    /* nothing before it at all: null */
    d = convert("16.4亿元投资。\n");
    N_AMOUNTS(d, 1);
    A_STR(d, 0, "label", NULL);
    doc_free(d);
#if 1 /* Regression (fixed): a trailing linking verb empties the label: 部门支出为100万元 and
       * 收入达到100万元 give label null (want 部门支出, 收入), 支出约为100万元
       * gives null and no qualifier (want 支出, approx). lib/amounts.c
       * trim_label() applies drop_before (…|的|为|是|达到, the LAST match) before
       * drop_after, so the verb right before the number cuts everything. */
    one_prose("部门支出为100万元。\n", "100", "万元", "100", NULL, "部门支出", "100万元", 1);
    one_prose("收入达到100万元。\n", "100", "万元", "100", NULL, "收入", "100万元", 1);
    one_prose("按照预算批复执行的支出为208.50万元。\n", "208.50", "万元", "208.5", NULL, "支出", "208.50万元", 1);
    {
        doc *q = convert("支出约为100万元。\n");
        A_STR(q, 0, "label", "支出");
        A_STR(q, 0, "qualifier", "approx");
        doc_free(q);
    }
#endif
}

static void test_glued(void)
{
    /* 2.2 and 2.3 are item numbers glued to the amount */
    doc *d = convert("2.2本计划投资3541.07万元2.3本项目实施。\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value", "3541.07");
    A_RAW(d, 0, "value_wan", "3541.07");
    A_SPAN(d, 0, "3541.07万元");
    doc_free(d);
    /* a code A3 is not a number */
    no_amount("编号A35万元\n");
    /* a number cut at a stray space (OCR, PDF): its tail is no amount of
     * its own, and a reader is told */
    d = convert("本年收入合计1 234.56万元，结余3 6.2万元，项目资金共计2, 345.00 万元。\n");
    N_AMOUNTS(d, 0);
    CHECK_INT(warnings_with(d, "across a space"), 3);
    doc_free(d);
    /* a space after a word, a year or a bracket splits nothing */
    d = convert("2023年 收入 100万元，(二) 50万元，\n");
    N_AMOUNTS(d, 2);
    CHECK_INT(warnings_with(d, "across a space"), 0);
    doc_free(d);
}

static void test_spaces(void)
{
    /* a space between number and unit belongs to the amount */
    doc *d = convert("本年收入 100 万元，\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value_wan", "100");
    CHECK(strstr(span_text(d, 0), "100 万元") != NULL);
#if 1 /* Regression (fixed): the space BEFORE the number is taken into text and span:
       * "收入 100万元" gives text " 100万元", span starting at the space.
       * patterns/amounts.txt: (?<pre>...)?\s*(?:人民币|¥)?\s*(?<num>...) — the
       * \s* run before the number matches even with no pre/人民币. */
    A_SPAN(d, 0, "100 万元");
    A_STR(d, 0, "text", "100 万元");
#endif
    doc_free(d);
}

/* An amount that ends a line of a joined paragraph ends there: its span
 * does not take the line break after it. */
static void test_span_at_line_end(void)
{
    doc *d = convert("本单位全年预算收入合计为一百二十八点三五万元，全年支出共计为128.35万元\n"
                     "结余为零，资金使用规范，未发现违规情况发生。\n");
    N_AMOUNTS(d, 2);
    A_SPAN(d, 1, "128.35万元");
    A_NUM(d, 1, "line", 1);
    doc_free(d);
}

static void test_wrapped(void)
{
    /* a PDF line break inside the number: joined, with a warning */
    const char *in = "一、情况\n本年度部门整体支出合计，按照预算批复执行的支出 208.\n50 万元，主要用于日常运转。\n";
    doc *d = convert(in);
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value", "208.50");
    A_RAW(d, 0, "value_wan", "208.5");
    A_STR(d, 0, "unit", "万元");
    A_NUM(d, 0, "line", 2);
    const char *s = span_text(d, 0);
    size_t n = strlen(s), m = strlen("208.\n50 万元");
    CHECK(n >= m && strcmp(s + n - m, "208.\n50 万元") == 0);
    CHECK(warnings_with(d, "line break") == 1);
#if 1 /* Regression (fixed): leading space in text and span (see test_spaces) */
    A_SPAN(d, 0, "208.\n50 万元");
#endif
    doc_free(d);
}

/* ---- tables --------------------------------------------------------------- */

static void test_tables(void)
{
    /* a declaration above a TAB table */
    const char *in = "单位：万元\n项目名称\t预算数\t执行数\n办公经费\t11.6\t10.20\n";
    doc *d = convert(in);
    N_AMOUNTS(d, 2);
    for (int i = 0; i < 2; i++) {
        A_STR(d, i, "context", "table");
        A_STR(d, i, "row", "办公经费");
        A_STR(d, i, "unit", "万元");
        A_STR(d, i, "unit_source", "declared");
        A_NUM(d, i, "line", 3);
        A_STR(d, i, "qualifier", NULL);
    }
    A_STR(d, 0, "column", "预算数");
    A_STR(d, 1, "column", "执行数");
    A_STR(d, 0, "label", "办公经费 预算数");
    A_STR(d, 1, "label", "办公经费 执行数");
    A_RAW(d, 0, "value_wan", "11.6");
    A_RAW(d, 1, "value", "10.20");
    A_RAW(d, 1, "value_wan", "10.2");
    A_SPAN(d, 0, "11.6");
    A_SPAN(d, 1, "10.20");
    doc_free(d);

    /* 金额单位：元 with separators */
    d = convert("金额单位：元\n项目名称\t预算数\t执行数\n办公经费\t1,234,567.89\t100\n");
    N_AMOUNTS(d, 2);
    A_STR(d, 0, "unit", "元");
    A_RAW(d, 0, "value", "1234567.89");
    A_RAW(d, 0, "value_wan", "123.456789");
    A_SPAN(d, 0, "1,234,567.89");
    A_RAW(d, 1, "value_wan", "0.01");
    doc_free(d);

    /* a (万元) in the row's label cell */
    d = convert("基本支出总额（万元）\t132.59\n项目支出总额（万元）\t20\n");
    N_AMOUNTS(d, 2);
    A_STR(d, 0, "row", "基本支出总额");
    A_STR(d, 0, "unit", "万元");
    A_STR(d, 0, "unit_source", "header");
    A_RAW(d, 0, "value_wan", "132.59");
    A_SPAN(d, 0, "132.59");
    A_NUM(d, 0, "line", 1);
    A_NUM(d, 1, "line", 2);
    A_STR(d, 1, "row", "项目支出总额");
    doc_free(d);

    /* a (万元) in a header cell; a 其中 row lists parts */
    d = convert("项目名称\t金额（万元）\n支出合计\t100\n其中：基本支出\t60\n项目支出\t40\n");
    N_AMOUNTS(d, 3);
    A_STR(d, 0, "unit_source", "header");
    A_STR(d, 0, "row", "支出合计");
    A_STR(d, 1, "row", "基本支出");
    A_NUM(d, 1, "parent", 0);
    A_NUM(d, 2, "parent", -1);
    A_RAW(d, 1, "value_wan", "60");
    A_SPAN(d, 1, "60");
    doc_free(d);

    /* a money column with no unit anywhere: no amount, one warning */
    d = convert("项目名称\t预算数\t执行数\n办公经费\t11.6\t11.6\n");
    N_AMOUNTS(d, 0);
    CHECK_INT(warnings_with(d, "unit"), 1);
    doc_free(d);

    /* score columns under a 万元 declaration are not money */
    d = convert("单位：万元\n指标名称\t分值\t得分\n预算执行率\t10\t9.5\n资金管理\t20\t18\n");
    N_AMOUNTS(d, 0);
    doc_free(d);
    d = convert("单位：万元\n项目名称\t预算数\t执行数\t得分\n办公经费\t11.6\t11.6\t9.5\n");
    N_AMOUNTS(d, 2);
    A_STR(d, 1, "column", "执行数");
    doc_free(d);

    /* the declaration governs its table only */
    d = convert("单位：万元\n项目名称\t预算数\t执行数\n办公经费\t11.6\t11.6\n\n本单位支出100万元。\n");
    N_AMOUNTS(d, 3);
    A_STR(d, 2, "context", "prose");
    A_STR(d, 2, "unit_source", "written");
    A_NUM(d, 2, "line", 5);
    doc_free(d);

    /* a pipe table is read the same way */
    d = convert("单位：万元\n| 项目名称 | 预算数 | 执行数 |\n| 办公经费 | 11.6 | 11.6 |\n");
    N_AMOUNTS(d, 2);
    A_STR(d, 0, "column", "预算数");
    A_SPAN(d, 1, "11.6");
    doc_free(d);

    /* a written unit in a cell is read as in prose, with its row */
    d = convert("项目名称\t指标值\n项目资金\t≥30万元\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value_wan", "30");
    A_STR(d, 0, "qualifier", "over");
    A_STR(d, 0, "context", "table");
    A_SPAN(d, 0, "≥30万元");
    doc_free(d);
}

/* ---- GB18030 -------------------------------------------------------------- */

static unsigned char *to_gb18030(const char *utf8, size_t *n)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    size_t il = strlen(utf8), cap = il * 4 + 16, ol = cap;
    unsigned char *out = malloc(cap);
    char *ip = (char *)utf8, *op = (char *)out;
    if (cd == (iconv_t)-1 || !out || iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
        fprintf(stderr, "iconv to GB18030 failed\n");
        abort();
    }
    iconv_close(cd);
    *n = cap - ol;
    return out;
}

static void test_gb18030(void)
{
    const char *in = "一、情况\n本单位2021年度预算收入2958.92万元，其中基本支出１８３.97万元。\n"
                     "单位：万元\n项目名称\t预算数\t执行数\n办公经费\t11.6\t10.20\n";
    doc *u = convert(in);
    size_t gn;
    unsigned char *gb = to_gb18030(in, &gn);
    doc *g = convert_bytes(gb, gn);
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(g->root, "source");
    const cJSON *enc = cJSON_GetObjectItemCaseSensitive(src, "encoding");
    CHECK_STR(cJSON_IsString(enc) ? enc->valuestring : NULL, "GB18030");
    N_AMOUNTS(u, 4);
    N_AMOUNTS(g, 4);
    static const char *const texts[4] = { "2958.92万元", "１８３.97万元", "11.6", "10.20" };
    for (int i = 0; i < 4 && i < g->n && i < u->n; i++) {
        A_RAW(g, i, "value_wan", raw(u, i, "value_wan"));
        A_STR(g, i, "label", str(u, i, "label"));
        A_STR(g, i, "text", str(u, i, "text"));
        A_NUM(g, i, "line", num(u, i, "line"));
        A_NUM(g, i, "parent", num(u, i, "parent"));
        A_SPAN(u, i, texts[i]);
        size_t wn;
        unsigned char *want = to_gb18030(texts[i], &wn);
        char wbuf[64];
        snprintf(wbuf, sizeof wbuf, "%.*s", (int)wn, (const char *)want);
        A_SPAN(g, i, wbuf);
        free(want);
    }
    A_NUM(g, 1, "parent", 0);
    A_RAW(g, 1, "value_wan", "183.97");
    A_STR(g, 3, "row", "办公经费");
    doc_free(g);
    doc_free(u);
    free(gb);
}

int main(void)
{
    baogao_error err;
    patterns = baogao_patterns_load(NULL, &err);
    if (!patterns) {
        fprintf(stderr, "patterns: %s:%ld: %s\n", err.file, err.line, err.message);
        printf("test_amounts: 0 passed, 1 failed\n");
        return 1;
    }
    test_arabic();
    test_fullwidth();
    test_sign();
    test_chinese_numerals();
    test_prefixes();
    test_anchor_window();
    test_qualifiers();
    test_ranges();
    test_bare_wan();
    test_rates();
    test_not_amounts();
    test_labels();
    test_glued();
    test_spaces();
    test_wrapped();
    test_span_at_line_end();
    test_tables();
    test_gb18030();
    baogao_patterns_free(patterns);
    return CHECK_DONE("test_amounts");
}
