/* test_money_forms.c — money in every form a financial document writes it
 * (issue 14): 角 分 厘 after 元 in Arabic, Chinese and 大写 digits, 整/正, 零
 * gaps, traditional and variant 大写, negatives, 人民币 after the number,
 * mixed numerals, ranges in these forms; and what stays not money.
 *
 * One table per form; each row is a made-up sentence and the one amount it
 * holds: the text as written (the span of the original bytes and the
 * amount's text), its value as written, its unit and its exact value in 万元. */
#include "amountdoc.h"

typedef struct {
    const char *input, *span, *value, *unit, *wan;
} form;

static void check_forms(const char *name, const form *f, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        doc *d = convert(f[k].input);
        if (d->n != 1 || strcmp(raw(d, 0, "value_wan"), f[k].wan) != 0)
            fprintf(stderr, "%s: %s", name, f[k].input);
        N_AMOUNTS(d, 1);
        A_SPAN(d, 0, f[k].span);
        A_STR(d, 0, "text", f[k].span);
        A_RAW(d, 0, "value", f[k].value);
        A_STR(d, 0, "unit", f[k].unit);
        A_RAW(d, 0, "value_wan", f[k].wan);
        A_STR(d, 0, "unit_source", "written");
        A_NUM(d, 0, "line", 1);
        doc_free(d);
    }
}

#define FORMS(name, table) check_forms(name, table, sizeof table / sizeof table[0])

/* 角 分 厘 after 元: exact places after the point, 零 for a skipped one. */
static void test_subunits(void)
{
    static const form arabic[] = {
        { "报销差旅费123元4角5分。\n", "123元4角5分", "123.45", "元", "0.012345" },
        { "收取工本费8元5角。\n", "8元5角", "8.5", "元", "0.00085" },
        { "邮寄费3元零5分。\n", "3元零5分", "3.05", "元", "0.000305" },
        { "找零50元6角三分。\n", "50元6角三分", "50.63", "元", "0.005063" },
        { "利息0元0角2分7厘。\n", "0元0角2分7厘", "0.027", "元", "0.0000027" },
        { "单价五元三毛。\n", "五元三毛", "5.3", "元", "0.00053" },      /* 毛 is the spoken 角 */
    };
    static const form chinese[] = {
        { "退回资金五十二万零三百零六元四角八分。\n", "五十二万零三百零六元四角八分", "520306.48", "元", "52.030648" },
        { "收到捐款一百零五元三角。\n", "一百零五元三角", "105.3", "元", "0.01053" },
        { "尾款一千元零七分。\n", "一千元零七分", "1000.07", "元", "0.100007" },
    };
    static const form formal[] = {
        { "合同价款人民币捌仟叁佰贰拾柒圆伍角陆分整。\n", "人民币捌仟叁佰贰拾柒圆伍角陆分整", "8327.56", "圆", "0.832756" },
        { "手续费贰元零叁分。\n", "贰元零叁分", "2.03", "元", "0.000203" },
        { "押金人民币零元柒角零分。\n", "人民币零元柒角零分", "0.70", "元", "0.00007" },
        { "差额¥零元零角贰分伍厘。\n", "¥零元零角贰分伍厘", "0.025", "元", "0.0000025" },
        { "尾差叁角贰分。\n", "叁角贰分", "0.32", "元", "0.000032" },
        { "找补人民币伍分。\n", "人民币伍分", "0.05", "元", "0.000005" },
    };
    FORMS("arabic 角分", arabic);
    /* a word ending in a numeral character does not swallow the number */
    one_prose("找零50元6角。\n", "50.6", "元", "0.00506", NULL, "找零", "50元6角", 1);
    one_prose("占总数之一100万元。\n", "100", "万元", "100", NULL, NULL, "100万元", 1);
    FORMS("chinese 角分", chinese);
    FORMS("大写 角分", formal);
}

/* 整 and 正 close a 大写 amount; 零 bridges a gap of places. */
static void test_closing_and_gaps(void)
{
    static const form f[] = {
        { "合计人民币壹拾壹元正。\n", "人民币壹拾壹元正", "11", "元", "0.0011" },
        { "计人民币叁拾元贰角整。\n", "人民币叁拾元贰角整", "30.2", "元", "0.00302" },
        { "总价壹亿零贰万零叁元零肆分。\n", "壹亿零贰万零叁元零肆分", "100020003.04", "元", "10002.000304" },
        { "中标价玖拾万零捌仟元整。\n", "玖拾万零捌仟元整", "908000", "元", "90.8" },
        { "拨款伍仟元正，\n", "伍仟元正", "5000", "元", "0.5" },
    };
    FORMS("整 正 零", f);
    /* 正 starting a word is not the amount's: 100元 正常 */
    doc *d = convert("补助100元正常发放。\n");
    N_AMOUNTS(d, 1);
    A_SPAN(d, 0, "100元");
    doc_free(d);
}

/* The spoken 块 is 元 where it cannot be a count: before 钱 or 角/毛/分. */
static void test_spoken(void)
{
    static const form f[] = {
        { "打印费十块钱。\n", "十块钱", "10", "块", "0.001" },
        { "单价十块三毛。\n", "十块三毛", "10.3", "块", "0.00103" },
        { "合计一百零五块六角七分钱。\n", "一百零五块六角七分钱", "105.67", "块", "0.010567" },
        { "奖励5万块钱。\n", "5万块钱", "5", "万块", "5" },
    };
    FORMS("spoken", f);
    one_prose("补助至少九千块钱以上。\n", "9000", "块", "0.9", "over", "补助", "至少九千块钱以上", 1);
    one_prose("单项支出不超过5万元。\n", "5", "万元", "5", "under", "单项支出", "不超过5万元", 1);
    no_amount("制作三块牌匾，平整两块地，涉及三大板块。\n");
    no_amount("奖励几十万块，十几块钱。\n");
}

/* Traditional and variant 大写 digits and units, in a simplified sentence (a
 * page with few traditional characters is not converted: see test_normalize). */
static void test_traditional(void)
{
    static const form f[] = {
        { "拨款肆佰叁拾萬元。\n", "肆佰叁拾萬元", "430", "萬元", "430" },
        { "价款貳仟參佰圓整。\n", "貳仟參佰圓整", "2300", "圓", "0.23" },
        { "投资叄拾陸萬元。\n", "叄拾陸萬元", "36", "萬元", "36" },
        { "投资伍億元。\n", "伍億元", "5", "億元", "50000" },
        { "款項貮佰陸拾圓伍角。\n", "貮佰陸拾圓伍角", "260.5", "圓", "0.02605" },
        { "总价壹萬兩千元。\n", "壹萬兩千元", "12000", "元", "1.2" },
    };
    FORMS("traditional", f);
}

/* A page in traditional characters is read in simplified ones (OpenCC t2s):
 * the amount's text and unit are simplified, its span is the original bytes,
 * and the value is the same. t2s writes 參 as 参, still 大写 3 before a unit. */
static void test_traditional_page(void)
{
    static const struct {
        const char *input, *span, *text, *value, *unit, *wan;
    } f[] = {
        { "價款貳仟參佰圓整。\n", "貳仟參佰圓整", "贰仟参佰圆整", "2300", "圆", "0.23" },
        { "投資叄拾陸萬元。\n", "叄拾陸萬元", "叁拾陆万元", "36", "万元", "36" },
        { "總價壹萬兩千元。\n", "壹萬兩千元", "壹万两千元", "12000", "元", "1.2" },
        { "項目參拾萬元，參加人員參佰名。\n", "參拾萬元", "参拾万元", "30", "万元", "30" },
    };
    for (size_t k = 0; k < sizeof f / sizeof f[0]; k++) {
        doc *d = convert(f[k].input);
        N_AMOUNTS(d, 1);
        A_SPAN(d, 0, f[k].span);
        A_STR(d, 0, "text", f[k].text);
        A_RAW(d, 0, "value", f[k].value);
        A_STR(d, 0, "unit", f[k].unit);
        A_RAW(d, 0, "value_wan", f[k].wan);
        doc_free(d);
    }
    no_amount("党参三千株，参加人员参与。\n");
}

/* A value can be negative: 结余 and 差额 are. */
static void test_negatives(void)
{
    static const form f[] = {
        { "年末结余负14.60元。\n", "负14.60元", "-14.60", "元", "-0.00146" },
        { "差额负三十六元。\n", "负三十六元", "-36", "元", "-0.0036" },
        { "差额人民币负壹元。\n", "人民币负壹元", "-1", "元", "-0.0001" },
        { "结余-3.5万元。\n", "-3.5万元", "-3.5", "万元", "-3.5" },
        { "差额负1元5角。\n", "负1元5角", "-1.5", "元", "-0.00015" },
    };
    FORMS("negatives", f);
    one_prose("本年收支结余负3.25万元。\n", "-3.25", "万元", "-3.25", NULL, "本年收支结余", "负3.25万元", 1);
    /* 负 before a word is not a sign: 负债 */
    doc *d = convert("负债总额50万元。\n");
    N_AMOUNTS(d, 1);
    A_RAW(d, 0, "value_wan", "50");
    A_STR(d, 0, "label", "负债总额");
    doc_free(d);
}

/* 人民币 (RMB, CNY) after a number is its unit when no other currency
 * follows; before a number with no unit, it stands for 元 as ¥ does. */
static void test_rmb_after(void)
{
    static const form f[] = {
        { "单价3.14人民币。\n", "3.14人民币", "3.14", "元", "0.000314" },
        { "奖励100人民币，\n", "100人民币", "100", "元", "0.01" },
        { "赞助2万人民币。\n", "2万人民币", "2", "万", "2" },
        { "投资8亿元人民币。\n", "8亿元人民币", "8", "亿元", "80000" },
        { "报价100 RMB，\n", "100 RMB", "100", "元", "0.01" },
        { "合同金额RMB 1,200元。\n", "RMB 1,200元", "1200", "元", "0.12" },
        { "补助人民币500，\n", "人民币500", "500", "元", "0.05" },
        { "补助CNY5万，\n", "CNY5万", "5", "万", "5" },
    };
    FORMS("人民币 after", f);
    /* the other currency is not: 4人民币 5美元 is one amount */
    doc *d = convert("兑换4人民币 5美元。\n");
    N_AMOUNTS(d, 1);
    A_SPAN(d, 0, "4人民币");
    doc_free(d);
}

/* Arabic and Chinese digits in one numeral, and every scale before 元. */
static void test_mixed(void)
{
    static const form f[] = {
        { "规模1.23万亿元。\n", "1.23万亿元", "1.23", "万亿元", "123000000" },
        { "资金200亿零四千230元。\n", "200亿零四千230元", "20000004230", "元", "2000000.423" },
        { "投资12.550万元。\n", "12.550万元", "12.550", "万元", "12.55" },
        { "投资3.1千万元。\n", "3.1千万元", "3100", "万元", "3100" },
        { "经费12千元。\n", "12千元", "12", "千元", "1.2" },
        { "补助3万4000元。\n", "3万4000元", "34000", "元", "3.4" },
        { "投资二点五亿元。\n", "二点五亿元", "2.5", "亿元", "25000" },
    };
    FORMS("mixed", f);
}

/* Ranges in these forms. */
static void test_ranges(void)
{
    static const struct {
        const char *input, *span, *wan, *max_wan;
    } f[] = {
        { "补助壹仟至贰仟元。\n", "壹仟至贰仟元", "0.1", "0.2" },
        { "差额负5至负3万元。\n", "负5至负3万元", "-5", "-3" },
        { "投资叁拾萬至伍拾萬元。\n", "叁拾萬至伍拾萬元", "30", "50" },
        { "赞助3万至3.5万人民币。\n", "3万至3.5万人民币", "3", "3.5" },
    };
    for (size_t k = 0; k < sizeof f / sizeof f[0]; k++) {
        doc *d = convert(f[k].input);
        N_AMOUNTS(d, 1);
        A_SPAN(d, 0, f[k].span);
        A_STR(d, 0, "qualifier", "range");
        A_RAW(d, 0, "value_wan", f[k].wan);
        A_RAW(d, 0, "value_max_wan", f[k].max_wan);
        doc_free(d);
    }
}

/* The whole amount, 角分 included, even when a PDF wraps it. */
static void test_wrapped(void)
{
    doc *d = convert("一、情况\n本年度项目完工后共退回结余资金人民币壹仟贰佰元叁\n角伍分，已全部上缴国库，另有存款利息收入12元4角\n5分。\n");
    N_AMOUNTS(d, 2);
    A_SPAN(d, 0, "人民币壹仟贰佰元叁\n角伍分");
    A_STR(d, 0, "text", "人民币壹仟贰佰元叁角伍分");
    A_RAW(d, 0, "value", "1200.35");
    A_NUM(d, 0, "line", 2);
    A_SPAN(d, 1, "12元4角\n5分");
    A_RAW(d, 1, "value_wan", "0.001245");
    A_NUM(d, 1, "line", 3);
    CHECK_INT(warnings_with(d, "line break"), 2);
    doc_free(d);
}

/* What stays not money. */
static void test_not_money(void)
{
    static const char *const none[] = {
        "五角大楼宣布了计划。\n",                /* 五角 in lowercase digits is no money */
        "本项得分8分，满分10分。\n",            /* a bare N分 is a score */
        "本项得分叁分。\n",                     /* even in 大写, after a score word */
        "时长3分钟，占三分之一。\n",
        "支付500美元。\n", "汇入3.5港元。\n", "折合100加元。\n", "合计60日元。\n",
        "一万韩元。\n", "二十澳元。\n",
        "接待游客12万人次。\n", "种植3.5万亩。\n", "惠及2万人。\n",
        "投入数十亿元。\n", "筹集几百万元。\n", "约十几万元。\n",
        "报销300，\n",
        "以人民币2022年度预算为准。\n",     /* 人民币 before a year */
        "人民币5%的汇率波动。\n",
    };
    for (size_t k = 0; k < sizeof none / sizeof none[0]; k++)
        no_amount(none[k]);
    /* 角/分 right after a 万元 are not its places: only the 万元 is read */
    doc *d = convert("资金10万元5分。\n");
    N_AMOUNTS(d, 1);
    A_SPAN(d, 0, "10万元");
    A_RAW(d, 0, "value_wan", "10");
    doc_free(d);
    /* minutes after 元 are not 分 of it */
    d = convert("每100元5分钟。\n");
    N_AMOUNTS(d, 1);
    A_SPAN(d, 0, "100元");
    doc_free(d);
    /* 角分 out of order is no reading at all, not a guess */
    no_amount("金额12元5分3角。\n");
}

int main(void)
{
    baogao_error err;
    patterns = baogao_patterns_load(NULL, &err);
    if (!patterns) {
        fprintf(stderr, "patterns: %s:%ld: %s\n", err.file, err.line, err.message);
        printf("money_forms: 0 passed, 1 failed\n");
        return 1;
    }
    test_subunits();
    test_closing_and_gaps();
    test_spoken();
    test_traditional();
    test_traditional_page();
    test_negatives();
    test_rmb_after();
    test_mixed();
    test_ranges();
    test_wrapped();
    test_not_money();
    baogao_patterns_free(patterns);
    return CHECK_DONE("money_forms");
}
