/* test_amount_labels.c — the label of an amount in prose is what it measures
 * (issue 16, "Labels in prose"): the noun, not the subject, the verb that
 * introduces it or the words that restate it. Rules in corpus/README.md
 * ("label"), data in patterns/amounts.txt [labels]. Made-up sentences. */
#include "amountdoc.h"

typedef struct {
    const char *input;
    int n;                      /* amounts in it */
    const char *labels[4];      /* NULL: null */
} case_t;

static void check_cases(const char *name, const case_t *c, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        doc *d = convert(c[k].input);
        int bad = d->n != c[k].n;
        for (int i = 0; i < c[k].n && !bad; i++) {
            const char *got = str(d, i, "label"), *want = c[k].labels[i];
            bad = got && want ? strcmp(got, want) != 0 : got != want;
        }
        if (bad)
            fprintf(stderr, "%s: %s", name, c[k].input);
        N_AMOUNTS(d, c[k].n);
        for (int i = 0; i < c[k].n; i++)
            A_STR(d, i, "label", c[k].labels[i]);
        doc_free(d);
    }
}

#define CASES(name, table) check_cases(name, table, sizeof table / sizeof table[0])

/* The subject and the verb that introduces the noun are not the label. */
static void test_subject_and_verb(void)
{
    static const case_t c[] = {
        { "该项目申请专项补助资金30万元。\n", 1, { "专项补助资金" } },
        { "我校收到奖励经费5万元。\n", 1, { "奖励经费" } },
        { "本中心共计下达转移支付资金100万元。\n", 1, { "转移支付资金" } },
        { "2023年共投入渠道维修经费预算88万元。\n", 1, { "渠道维修经费预算" } },
        { "预算安排共计50万元。\n", 1, { "预算安排" } },
        { "培训经费15万元，已于本年度支出12万元。\n", 2, { "培训经费", "本年度支出" } },
        { "剩余未执行的3.5万元将于明年使用。\n", 1, { "剩余未执行" } },
        /* 审计, 统计, 设计 are nouns, not the verb 计 */
        { "项目审计6万元，方案设计4万元。\n", 2, { "项目审计", "方案设计" } },
        /* a verb with only a short word after it stays: 已拨付使用 */
        { "已拨付使用16万元。\n", 1, { "已拨付使用" } },
        /* a list mark and 包括 go */
        { "1、收入792万元；(2)支出799万元；项目支出包括委员活动经费36.3万元。\n", 3,
          { "收入", "支出", "委员活动经费" } },
        /* a subject or a preposition inside a word is none */
        { "基本项目支出50万元，资本市场融资3亿元。\n", 2, { "基本项目支出", "资本市场融资" } },
        { "于都县财政拨款100万元。\n", 1, { "于都县财政拨款" } },
        { "于本年度支出20万元。\n", 1, { "本年度支出" } },
        /* a verb with nothing after it stays: it is all the clause says */
        { "实际执行90万元。\n", 1, { "实际执行" } },
        /* a total word alone stays */
        { "共计560万余元。\n", 1, { "共计" } },
    };
    CASES("subject and verb", c);
}

/* 即 restates the clause before it: the amount measures that clause's noun. */
static void test_restated(void)
{
    static const case_t c[] = {
        { "一是用于办公设备购置支出，即打印机和计算机购置经费合计12万元，已于本年度支出12万元。\n", 2,
          { "办公设备购置支出", "本年度支出" } },
        { "二是人员培训支出，即岗前培训、业务培训等经费8万元。\n", 1, { "人员培训支出" } },
        /* 即将 is no restatement */
        { "设备已验收，即将拨付设备尾款8万元。\n", 1, { "设备尾款" } },
    };
    CASES("restated", c);
}

/* A clause starting with the amount: the noun after it, else the clause before. */
static void test_label_after(void)
{
    static const case_t c[] = {
        { "本项目共申请预算资金90万元。其中：30万元用于设备购置；60万元用于人员培训。\n", 3,
          { "预算资金", "设备购置", "人员培训" } },
        { "一、资金到位情况。80万元资金全部拨付到位。\n", 1, { "资金" } },
        { "其中基本医保报销2000人次，150.5万元。\n", 1, { "基本医保报销" } },
        { "项目支出100万元，其中30万元用于设备购置。\n", 2, { "项目支出", "设备购置" } },
        /* no noun after it and a sentence ends before it: nothing to borrow */
        { "一、资金到位情况。120万元全部到位。\n", 1, { NULL } },
    };
    CASES("label after", c);
    /* the parts after 其中 keep their parent */
    doc *d = convert("本项目共申请预算资金90万元。其中：30万元用于设备购置；60万元用于人员培训。\n");
    A_NUM(d, 1, "parent", 0);
    A_NUM(d, 2, "parent", 0);
    doc_free(d);
}

/* A comparator before the amount is its qualifier, not its label. */
static void test_comparator(void)
{
    one_prose(">=530元/人*月\n", "530", "元", "0.053", "over", NULL, ">=530元/人*月", 1);
    doc *d = convert("<=5300元/户\n");
    A_STR(d, 0, "qualifier", "under");
    A_STR(d, 0, "per", "户");
    doc_free(d);
    one_prose("补助标准>=530元。\n", "530", "元", "0.053", "over", "补助标准", ">=530元", 1);
}

int main(void)
{
    baogao_error err;
    patterns = baogao_patterns_load(NULL, &err);
    if (!patterns) {
        fprintf(stderr, "patterns: %s:%ld: %s\n", err.file, err.line, err.message);
        printf("amount_labels: 0 passed, 1 failed\n");
        return 1;
    }
    test_subject_and_verb();
    test_restated();
    test_label_after();
    test_comparator();
    baogao_patterns_free(patterns);
    return CHECK_DONE("amount_labels");
}
