/* test_amount_fields.c — a labelled field whose unit is declared in brackets
 * right after its label, the figure following at once: the 项目基本信息
 * block of a 绩效评价报告 or a 自评表 run together (计划投资额(万元)110.00…),
 * 年度预算(万元): 35.5. Rules in corpus/README.md ("A field with its unit in
 * brackets"), data in patterns/amounts.txt ([amounts] field, [labels]
 * field_edge and field_value). Made-up sentences. */
#include "amountdoc.h"

typedef struct {
    const char *input;
    int n;                      /* amounts in it */
    const char *text[4];        /* each one's figure, as written */
    const char *wan[4];         /* its value_wan */
    const char *label[4];
} field_case;

static void check_fields(const char *name, const field_case *c, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        doc *d = convert(c[k].input);
        int bad = d->n != c[k].n;
        for (int i = 0; i < c[k].n && !bad; i++) {
            const char *got = str(d, i, "label");
            bad = !got || strcmp(got, c[k].label[i]) != 0 || strcmp(raw(d, i, "value_wan"), c[k].wan[i]) != 0;
        }
        if (bad)
            fprintf(stderr, "%s: %s", name, c[k].input);
        N_AMOUNTS(d, c[k].n);
        for (int i = 0; i < c[k].n; i++) {
            A_SPAN(d, i, c[k].text[i]);
            A_STR(d, i, "text", c[k].text[i]);
            A_RAW(d, i, "value_wan", c[k].wan[i]);
            A_STR(d, i, "label", c[k].label[i]);
            A_STR(d, i, "unit_source", strstr(c[k].text[i], "元") ? "written" : "header");
            A_NUM(d, i, "line", 1);
        }
        doc_free(d);
    }
}

#define FIELDS(name, table) check_fields(name, table, sizeof table / sizeof table[0])

/* The forms of a field: a colon or none, spaces, the end of the line, a
 * unit of 元 scaled to 万元, several fields run together. */
static void test_forms(void)
{
    static const field_case c[] = {
        { "计划投资额(万元):120.00\n", 1, { "120.00" }, { "120" }, { "计划投资额" } },
        { "年度预算（万元）： 35.5\n", 1, { "35.5" }, { "35.5" }, { "年度预算" } },
        { "资金总额(万元)50\n", 1, { "50" }, { "50" }, { "资金总额" } },
        { "项目总预算(元)12,500\n", 1, { "12,500" }, { "1.25" }, { "项目总预算" } },
        { "补助资金(千元)35\n", 1, { "35" }, { "3.5" }, { "补助资金" } },
        /* a block run together: the label starts after the figure (and the
         * check box) of the field before */
        { "项目性质新建(√)续建()计划投资额(万元)230.00实际到位资金(万元)198.40实际支出(万元)150.2\n", 3,
          { "230.00", "198.40", "150.2" }, { "230", "198.4", "150.2" },
          { "计划投资额", "实际到位资金", "实际支出" } },
        /* the money is in the bracket: a label with no money word is one */
        { "到位资金(万元)60实际使用情况(万元)58\n", 2, { "60", "58" }, { "60", "58" }, { "到位资金", "实际使用情况" } },
        /* fields in clauses, among amounts written with their unit */
        { "项目总投资300万元，资金总额(万元)80，其中财政拨款25万元。\n", 3,
          { "300万元", "80", "25万元" }, { "300", "80", "25" }, { "项目总投资", "资金总额", "财政拨款" } },
    };
    FIELDS("forms", c);
    /* 其中 makes the next fields parts of the one before; the 元 line is
     * written in 元 */
    doc *d = convert("资金总额(万元)90其中:财政拨款(万元)70自筹资金(万元)20\n");
    N_AMOUNTS(d, 3);
    A_NUM(d, 0, "parent", -1);
    A_NUM(d, 1, "parent", 0);
    A_NUM(d, 2, "parent", 0);
    A_STR(d, 1, "label", "财政拨款");
    doc_free(d);
    d = convert("资金总额(元)12500\n");
    A_STR(d, 0, "unit", "元");
    A_RAW(d, 0, "value", "12500");
    doc_free(d);
}

/* What the label must not swallow: the value and unit of the field before,
 * a count before it, an organization run into it. */
static void test_labels(void)
{
    static const field_case c[] = {
        { "地址青石路16号预算资金(万元)45\n", 1, { "45" }, { "45" }, { "预算资金" } },
        { "实施地点3个乡镇项目资金(万元)45\n", 1, { "45" }, { "45" }, { "乡镇项目资金" } },
        { "联系电话87654321年度预算(万元)45\n", 1, { "45" }, { "45" }, { "年度预算" } },
        { "某县农机推广站资金总额(万元)45\n", 1, { "45" }, { "45" }, { "资金总额" } },
        { "1、资金总额(万元)45\n", 1, { "45" }, { "45" }, { "资金总额" } },
        /* a label that starts like a count is a label: 人员经费, 个人缴费, 项目 */
        { "资金总额(万元)50人员经费(万元)30个人缴费(万元)2\n", 3, { "50", "30", "2" }, { "50", "30", "2" },
          { "资金总额", "人员经费", "个人缴费" } },
        { "资金总额(万元)50项目支出(万元)40\n", 2, { "50", "40" }, { "50", "40" }, { "资金总额", "项目支出" } },
        /* a place without a unit ending is no organization */
        { "市县财政资金(万元)45\n", 1, { "45" }, { "45" }, { "市县财政资金" } },
    };
    FIELDS("labels", c);
}

/* Not a field: the figure is a year, a date, a count, a score, a rate, a
 * percentage, one of a row of figures; the label is not money; no label. */
static void test_not_fields(void)
{
    no_amount("资金安排(万元)2021年\n");
    no_amount("资金安排(万元) 2021 年度\n");
    no_amount("计划开始时间(万元)2017.01\n");
    no_amount("实施期(万元)2017.01 2017.12\n");
    no_amount("资金总额(万元)2022-03\n");
    no_amount("受益对象(万元)5人\n");
    no_amount("资金总额(万元)3个\n");
    no_amount("资金总额(万元)12项\n");
    no_amount("资金总额(万元)10分\n");
    no_amount("补助标准(元)500/人\n");
    no_amount("资金总额(万元)95%\n");
    no_amount("分值(万元)10\n");
    no_amount("得分(万元)8\n");
    no_amount("服务人数(万元)35\n");
    no_amount("年度资金总额(万元)40 38.5 38.5\n");
    no_amount("(万元)50\n");
    no_amount("资金总额(美元)50\n");
    no_amount("资金总额(万元)\n");
    /* a unit declaration: the figures after it are a table's */
    no_amount("金额单位(万元)2022\n");
    no_amount("编制单位:青石县水务局 金额单位:(万元) 2022\n");
    no_amount("单位(元)1,234.56\n");
    /* a written unit after the figure: the amount is the written one, once */
    doc *d = convert("资金总额(万元)50万元\n");
    N_AMOUNTS(d, 1);
    A_STR(d, 0, "text", "50万元");
    A_STR(d, 0, "unit_source", "written");
    doc_free(d);
}

/* In a table: a cell holding a field is read once, in its own unit, and
 * does not lend its unit to the cells after it. */
static void test_in_tables(void)
{
    doc *d = convert("单位:万元\n项目\t资金\n年度预算(万元): 35.5\t其中:财政拨款(元):1200\n");
    N_AMOUNTS(d, 2);
    A_STR(d, 0, "text", "35.5");
    A_RAW(d, 0, "value_wan", "35.5");
    A_STR(d, 0, "label", "年度预算");
    A_STR(d, 0, "context", "table");
    A_STR(d, 1, "text", "1200");
    A_RAW(d, 1, "value_wan", "0.12");
    A_STR(d, 1, "label", "财政拨款");
    doc_free(d);
    d = convert("项目\t资金\n资金总额(万元)50\t10\n");
    N_AMOUNTS(d, 1);
    A_STR(d, 0, "text", "50");
    A_STR(d, 0, "label", "资金总额");
    doc_free(d);
    /* a label cell and its figure cell: the table reads it, once */
    d = convert("项目名称\t乡村道路维修\n资金总额(万元)\t50\n");
    N_AMOUNTS(d, 1);
    A_STR(d, 0, "text", "50");
    A_STR(d, 0, "row", "资金总额");
    doc_free(d);
}

int main(void)
{
    baogao_error err;
    patterns = baogao_patterns_load(NULL, &err);
    if (!patterns) {
        fprintf(stderr, "patterns: %s:%ld: %s\n", err.file, err.line, err.message);
        printf("amount_fields: 0 passed, 1 failed\n");
        return 1;
    }
    test_forms();
    test_labels();
    test_not_fields();
    test_in_tables();
    baogao_patterns_free(patterns);
    return CHECK_DONE("amount_fields");
}
