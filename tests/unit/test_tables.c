/* test_tables.c — table understanding (issue 4): one small made-up document
 * per header variant and table layout the issue names, read through the
 * public API (baogao_convert, baogao_result_json, cJSON), plus a few direct
 * calls of bg_map_row() with hand-made cells.
 *
 * Each document has its own names and figures, so a cell mapped to the wrong
 * column shows as a wrong value: every assertion can fail.  Checks that
 * baogao fails today are kept under "#if 0 BUG: ..." with what is expected;
 * remove the #if once the bug is fixed. */
#include "check.h"

#include <baogao.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>

#include "result.h"
#include "tables.h"

static baogao_patterns *patterns;

/* ---- converting and reading the JSON ---------------------------------------- */

#define TITLE "青禾县测试局2023年度部门整体支出绩效自评报告\n\n"

/* The JSON of a document as cJSON; caller frees with cJSON_Delete. */
static cJSON *convert(const char *text)
{
    baogao_error err;
    baogao_options opt = { "test_tables.txt", NULL, 0 };
    baogao_result *r = baogao_convert(patterns, (const unsigned char *)text, strlen(text), &opt, &err);
    if (!r) {
        fprintf(stderr, "convert failed: %s\n", err.message);
        return cJSON_CreateObject();
    }
    char *json = baogao_result_json(r, 0);
    cJSON *root = json ? cJSON_Parse(json) : NULL;
    baogao_free(json);
    baogao_result_free(r);
    return root ? root : cJSON_CreateObject();
}

static const cJSON *get(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

static int count(const cJSON *root, const char *key)
{
    const cJSON *a = get(root, key);
    return cJSON_IsArray(a) ? cJSON_GetArraySize(a) : -1;
}

/* Element i of root[key] (an empty object when there is none, so the checks
 * on it fail rather than crash). */
static const cJSON *item(const cJSON *root, const char *key, int i)
{
    static cJSON *none;
    if (!none)
        none = cJSON_CreateObject();
    const cJSON *a = get(root, key);
    const cJSON *x = cJSON_IsArray(a) ? cJSON_GetArrayItem(a, i) : NULL;
    return x ? x : none;
}

/* A string member: its text, NULL for JSON null, "(absent)" when missing. */
static const char *S(const cJSON *o, const char *key)
{
    const cJSON *v = get(o, key);
    if (!v)
        return "(absent)";
    if (cJSON_IsNull(v))
        return NULL;
    return cJSON_IsString(v) ? v->valuestring : "(not a string)";
}

/* achieved: 1 true, 0 false, -1 null, -2 missing. */
static int ACH(const cJSON *o)
{
    const cJSON *v = get(o, "achieved");
    return cJSON_IsTrue(v) ? 1 : cJSON_IsFalse(v) ? 0 : cJSON_IsNull(v) ? -1 : -2;
}

#define CHECK_NUM(obj, key, want) do { \
    const cJSON *n_ = get((obj), (key)); \
    if (cJSON_IsNumber(n_) && fabs(n_->valuedouble - (double)(want)) < 1e-9) check_passed++; \
    else { check_failed++; fprintf(stderr, "%s:%d: %s: got %s%g, want %g\n", __FILE__, __LINE__, (key), \
             !n_ ? "(absent) " : cJSON_IsNull(n_) ? "null " : "", cJSON_IsNumber(n_) ? n_->valuedouble : 0.0, \
             (double)(want)); } \
} while (0)

#define CHECK_NULL(obj, key) do { \
    const cJSON *n_ = get((obj), (key)); \
    if (n_ && cJSON_IsNull(n_)) check_passed++; \
    else { check_failed++; fprintf(stderr, "%s:%d: %s: want null, got %s\n", __FILE__, __LINE__, (key), \
             !n_ ? "(absent)" : cJSON_IsString(n_) ? n_->valuestring : "a value"); } \
} while (0)

/* The check of `rule` at index `nth` among the checks of that rule; NULL if none. */
static const cJSON *check_of(const cJSON *root, const char *rule, int nth)
{
    const cJSON *c;
    cJSON_ArrayForEach(c, get(root, "checks"))
        if (strcmp(S(c, "rule") ? S(c, "rule") : "", rule) == 0 && nth-- == 0)
            return c;
    return NULL;
}

static int count_rule(const cJSON *root, const char *rule)
{
    int n = 0;
    while (check_of(root, rule, n))
        n++;
    return n;
}

/* Is any indicator's level3 the given text? (a header row read as data) */
static int has_level3(const cJSON *root, const char *name)
{
    const cJSON *x;
    cJSON_ArrayForEach(x, get(root, "indicators"))
        if (S(x, "level3") && strcmp(S(x, "level3"), name) == 0)
            return 1;
    return 0;
}

/* ---- header cells broken over lines ------------------------------------------ */

/* A cell-per-line table (000): 一级\n指标, 年度\n指标值, 实际\n完成值 read joined;
 * level names broken the same way (运行\n成本) are joined too. */
static void test_header_broken_over_lines(void)
{
    const char *text = TITLE
        "\t年度绩效指标\n"      /* 3 */
        "\t一级\n指标\n"        /* 4-5 */
        "\t二级\n指标\n"        /* 6-7 */
        "\t三级指标\n"          /* 8 */
        "\t指标分类\n"          /* 9 */
        "\t年度\n指标值\n"      /* 10-11 */
        "\t实际\n完成值\n"      /* 12-13 */
        "\n"
        "\t\n"                  /* 15 */
        "\t运行\n成本\n"        /* 16-17 */
        "\t公用经费\n控制\n"    /* 18-19 */
        "\t公用经费控制率\n"    /* 20 */
        "\t绩效基本型\n"
        "\t≥90%\n"
        "\t96%\n"               /* 23 */
        "\n"
        "\t\n"                  /* 25 */
        "\t\n"
        "\t\n"
        "\t会议费控制率\n"      /* 28 */
        "\t绩效基本型\n"
        "\t100%\n"
        "\t97%\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "tables"), 1);
    const cJSON *t = item(root, "tables", 0);
    CHECK_STR(S(t, "shape"), "tab-cells");
    const cJSON *h = get(t, "header");
    CHECK_INT(cJSON_GetArraySize(h), 7);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(h, 1)), "一级指标");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(h, 5)), "年度指标值");
    CHECK_INT(count(root, "indicators"), 2);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1);
    CHECK_STR(S(a, "level1"), "运行成本");
    CHECK_STR(S(a, "level2"), "公用经费控制");
    CHECK_STR(S(a, "level3"), "公用经费控制率");
    CHECK_STR(S(a, "category"), "绩效基本型");
    CHECK_STR(S(a, "target"), "≥90%");
    CHECK_STR(S(a, "actual"), "96%");
    CHECK_NUM(a, "line", 16);          /* the row's first non-empty cell */
    CHECK_STR(S(b, "level1"), "运行成本");  /* filled down */
    CHECK_STR(S(b, "level2"), "公用经费控制");
    CHECK_STR(S(b, "level3"), "会议费控制率");
    CHECK_STR(S(b, "target"), "100%");
    CHECK_STR(S(b, "actual"), "97%");
    CHECK_NUM(b, "line", 28);
    cJSON_Delete(root);
}

/* ---- two-row headers ------------------------------------------------------------ */

/* 003: 指标值 over 近两年指标值 (2022年 | 2023年) and 预期当年实现值; the target is
 * 预期当年实现值, the last years' values are history and not read. */
static void test_two_row_header_cells(void)
{
    const char *text = TITLE
        "\t年度绩效指标\n"
        "\t一级\n指标\n"
        "\t二级指标\n"
        "\t三级指标\n"
        "\t\n"
        "\t指标值\n"
        "\t指标值确定依据\n"
        "\t指标分类\n"
        "\n"
        "\t\n\t\n\t\n\t\n"
        "\t近两年指标值\n"
        "\t预期当年实现值\n"
        "\t\n\t\n"
        "\n"
        "\t\n\t\n\t\n\t\n"
        "\t2022 年\n"
        "\t2023 年\n"
        "\t\n\t\n\t\n"
        "\n"
        "\t\n"                   /* 32 */
        "\t履职\n效能\n"         /* 33-34 */
        "\t核心业务产出\n"
        "\t基本医疗参保人数\n"
        "\t≥80万人\n"
        "\t≥85万人\n"
        "\t≥90万人\n"
        "\t历史标准\n"
        "\t绩效基本型\n"
        "\n"
        "\t\n"
        "\t\n"
        "\t\n"
        "\t联系部门满意度\n"
        "\t≥70%\n"
        "\t≥75%\n"
        "\t≥95%\n"
        "\t历史标准\n"
        "\t绩效基本型\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 2);     /* the header rows give none */
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1);
    CHECK_STR(S(a, "level1"), "履职效能");
    CHECK_STR(S(a, "level2"), "核心业务产出");
    CHECK_STR(S(a, "level3"), "基本医疗参保人数");
    CHECK_STR(S(a, "target"), "≥90万人");
    const cJSON *tp = get(a, "target_parsed");
    CHECK_STR(S(tp, "comparator"), "≥");
    CHECK_NUM(tp, "value", 90);
    CHECK_STR(S(tp, "unit"), "万人");
    CHECK_NULL(a, "actual");
    CHECK_STR(S(a, "category"), "绩效基本型");
    CHECK_NUM(a, "line", 33);
    CHECK_STR(S(b, "level1"), "履职效能");
    CHECK_STR(S(b, "level3"), "联系部门满意度");
    CHECK_STR(S(b, "target"), "≥95%");
    cJSON_Delete(root);
}

/* The same in TAB rows: 近两年指标值 spans two cells, the second header row
 * holds only the years. */
static void test_two_row_header_rows(void)
{
    const char *text = TITLE
        "一级指标\t二级指标\t三级指标\t近两年指标值\t\t预期当年实现值\t指标分类\n"   /* 3 */
        "\t\t\t2022年\t2023年\t\t\n"                                                  /* 4 */
        "产出指标\t数量指标\t档案数字化数量\t≥8000卷\t≥9000卷\t≥10000卷\t绩效基本型\n" /* 5 */
        "\t质量指标\t数字化合格率\t≥95%\t≥96%\t≥98%\t绩效基本型\n";                  /* 6 */
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 2);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1);
    CHECK_STR(S(a, "level3"), "档案数字化数量");
    CHECK_STR(S(a, "target"), "≥10000卷");
    CHECK_STR(S(a, "category"), "绩效基本型");
    CHECK_NUM(a, "line", 5);
    CHECK_STR(S(b, "level1"), "产出指标");
    CHECK_STR(S(b, "level2"), "质量指标");
    CHECK_STR(S(b, "target"), "≥98%");
    CHECK_NUM(get(b, "target_parsed"), "value", 98);
    cJSON_Delete(root);
}

/* ---- a header repeated after a page break ------------------------------------------ */

static void test_header_repeated_after_page_break(void)
{
    const char *text = TITLE
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"   /* 3 */
        "产出指标\t数量指标\t参保人数\t≥90万人\t92万人\t20\t20\n"              /* 4 */
        "\t质量指标\t结算准确率\t100%\t99%\t20\t18\n"                          /* 5 */
        "—5—\n"                                                               /* 6 */
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"   /* 7 */
        "效益指标\t社会效益\t住院报销比例\t≥70%\t72%\t40\t40\n"               /* 8 */
        "满意度指标\t服务对象满意度\t参保群众满意度\t≥90%\t96%\t20\t19\n"      /* 9 */
        "合计\t\t\t\t\t100\t97\n";                                            /* 10 */
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 4);
    CHECK(!has_level3(root, "三级指标"));      /* the repeated header is no indicator */
    const cJSON *c = item(root, "indicators", 2);
    CHECK_STR(S(c, "level1"), "效益指标");
    CHECK_STR(S(c, "level3"), "住院报销比例");
    CHECK_NUM(c, "weight", 40);
    CHECK_NUM(c, "score", 40);
    CHECK_NUM(c, "line", 8);
    CHECK_STR(S(item(root, "indicators", 1), "level2"), "质量指标");
    /* the table's rows on both pages add up to its total: 20+18+40+19 = 97 */
    const cJSON *k = check_of(root, "scores_add_up", 0);
    CHECK(k != NULL);
    if (k) {
        CHECK_STR(S(k, "status"), "ok");
        CHECK_NUM(k, "expected", 97);
        CHECK_NUM(k, "found", 97);
    }
    const cJSON *w = check_of(root, "weights_add_up", 0);
    CHECK(w != NULL);
    if (w)
        CHECK_NUM(w, "found", 100);
    cJSON_Delete(root);
}

/* ---- rows shifted because merged cells were dropped -------------------------------- */

/* TAB rows (001): some rows lack the level cells at their left, one has
 * trailing empty cells; the value columns are read from the right. */
static void test_shifted_rows(void)
{
    const char *text = TITLE
        "一级指标\t二级指标\t三级指标\t指标内容\t评价标准\t分值\t自评得分\n"        /* 3 */
        "投入 (20)\t预算编制(10)\t预算编制完整性\t内容甲\t标准甲\t6\t6\n"           /* 4 */
        "预算执行(10)\t支出进度\t内容乙\t标准乙\t5\t4\n"                            /* 5: no level 1 */
        "资金结余率\t内容丙\t标准丙\t5\t3\n"                                       /* 6: no levels */
        "\t质量指标(4)\t验收合格率\t内容丁\t标准丁\t4\t2\t\t\n"                    /* 7: trailing empties */
        "产出 (30)\t数量指标 (30)\t参保人数\t内容戊\t标准戊\t30\t29\n";            /* 8 */
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 5);
    const cJSON *b = item(root, "indicators", 1);
    CHECK_STR(S(b, "level1"), "投入");
    CHECK_NUM(b, "level1_weight", 20);
    CHECK_STR(S(b, "level2"), "预算执行");
    CHECK_NUM(b, "level2_weight", 10);
    CHECK_STR(S(b, "level3"), "支出进度");
    CHECK_STR(S(b, "description"), "内容乙");
    CHECK_STR(S(b, "standard"), "标准乙");
    CHECK_NUM(b, "weight", 5);
    CHECK_NUM(b, "score", 4);
    const cJSON *c = item(root, "indicators", 2);
    CHECK_STR(S(c, "level1"), "投入");
    CHECK_STR(S(c, "level2"), "预算执行");
    CHECK_STR(S(c, "level3"), "资金结余率");
    CHECK_STR(S(c, "description"), "内容丙");
    CHECK_NUM(c, "weight", 5);
    CHECK_NUM(c, "score", 3);
    CHECK_NUM(c, "line", 6);
    const cJSON *d = item(root, "indicators", 3);
    CHECK_STR(S(d, "level1"), "投入");
    CHECK_STR(S(d, "level2"), "质量指标");
    CHECK_NUM(d, "level2_weight", 4);
    CHECK_STR(S(d, "level3"), "验收合格率");
    CHECK_STR(S(d, "standard"), "标准丁");
    CHECK_NUM(d, "weight", 4);
    CHECK_NUM(d, "score", 2);
    const cJSON *e = item(root, "indicators", 4);
    CHECK_STR(S(e, "level1"), "产出");
    CHECK_STR(S(e, "level2"), "数量指标");
    CHECK_NUM(e, "level2_weight", 30);
    CHECK_NUM(e, "score", 29);
    cJSON_Delete(root);
}

/* ---- a row split in two by a stray blank line ---------------------------------------- */

/* 000, 政策知晓率: the row's first three cells, a blank line, its last four. */
static void test_row_split_by_blank_line(void)
{
    const char *text = TITLE
        "\t年度绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标分类\n\t年初目标值(A)\n\t实际完成值(B)\n"  /* 3-9 */
        "\n"
        "\t\n"                 /* 11 */
        "\t社会\n效益\n"       /* 12-13 */
        "\t宣传效果\n"         /* 14 */
        "\n"
        "\t政策知晓率\n"       /* 16 */
        "\t绩效基本型\n"
        "\t≥90%\n"
        "\t93%\n"
        "\n"
        "\t\n"                 /* 21 */
        "\t\n"
        "\t\n"
        "\t宣传资料发放量\n"   /* 24 */
        "\t绩效基本型\n"
        "\t≥25000份\n"
        "\t26000份\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 2);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1);
    CHECK_STR(S(a, "level1"), "社会效益");
    CHECK_STR(S(a, "level2"), "宣传效果");
    CHECK_STR(S(a, "level3"), "政策知晓率");
    CHECK_STR(S(a, "category"), "绩效基本型");
    CHECK_STR(S(a, "target"), "≥90%");
    CHECK_STR(S(a, "actual"), "93%");
    CHECK_INT(ACH(a), 1);
    CHECK_NUM(a, "line", 12);
    CHECK_STR(S(b, "level1"), "社会效益");
    CHECK_STR(S(b, "level2"), "宣传效果");
    CHECK_STR(S(b, "level3"), "宣传资料发放量");
    CHECK_STR(S(b, "actual"), "26000份");
    CHECK_INT(ACH(b), 1);
    cJSON_Delete(root);
}

/* ---- rows that repeat the indicator name in the next cell ------------------------------- */

/* 003, from 服务体制改革成效 on: the name again in the next cell, the row one
 * cell wider than the header. */
static void test_name_repeated_cells(void)
{
    const char *text = TITLE
        "\t年度绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\t指标值确定依据\n\t指标分类\n"  /* 3-9 */
        "\n"
        "\t\n"                       /* 11 */
        "\t可持续发展能力\n"         /* 12 */
        "\t体制机制改革\n"
        "\t服务体制改革成效\n"
        "\t服务体制改革成效\n"
        "\t稳步推进\n"
        "\t历史标准\n"
        "\t绩效基本型\n"
        "\n"
        "\t\n"                       /* 20 */
        "\t\n"
        "\t人才支撑\n"
        "\t业务培训完成率\n"
        "\t业务培训完成率\n"
        "\t100%\n"
        "\t计划标准\n"
        "\t绩效基本型\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 2);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1);
    CHECK_STR(S(a, "level1"), "可持续发展能力");
    CHECK_STR(S(a, "level2"), "体制机制改革");
    CHECK_STR(S(a, "level3"), "服务体制改革成效");
    CHECK_STR(S(a, "target"), "稳步推进");
    CHECK_STR(S(a, "category"), "绩效基本型");
    CHECK_STR(S(b, "level1"), "可持续发展能力");
    CHECK_STR(S(b, "level2"), "人才支撑");
    CHECK_STR(S(b, "level3"), "业务培训完成率");
    CHECK_STR(S(b, "target"), "100%");
    CHECK_STR(S(b, "category"), "绩效基本型");
    cJSON_Delete(root);
}

/* The same in TAB rows without a title column: full rows, and a row whose
 * merged level cells are kept empty. */
static void test_name_repeated_rows(void)
{
    const char *text = TITLE
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"         /* 3 */
        "产出指标\t数量指标\t培训人次\t培训人次\t≥500人次\t520人次\t10\t10\n"        /* 4 */
        "\t质量指标\t培训合格率\t培训合格率\t≥95%\t97%\t10\t9\n";                    /* 5 */
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 2);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1);
    CHECK_STR(S(a, "level1"), "产出指标");
    CHECK_STR(S(a, "level2"), "数量指标");
    CHECK_STR(S(a, "level3"), "培训人次");
    CHECK_STR(S(a, "target"), "≥500人次");
    CHECK_STR(S(a, "actual"), "520人次");
    CHECK_NUM(a, "weight", 10);
    CHECK_INT(ACH(a), 1);
    CHECK_STR(S(b, "level3"), "培训合格率");
    CHECK_STR(S(b, "target"), "≥95%");
#if 1 /* Regression (fixed): the row "\t质量指标\t培训合格率\t培训合格率\t≥95%\t97%\t10\t9" (one cell wider
       * than its header because the name is repeated; level 1 merged, so its cell is
       * empty) gives level1 "质量指标", level2 "培训合格率": bg_map_row drops the leading
       * empty cell as dropped-merge residue instead of the repeated name, and shifts
       * every level one column left. A reader takes level1 "产出指标" (filled down),
       * level2 "质量指标". (003 escapes it only because its header has a title column,
       * 年度绩效指标, which turns the leading-empty rule off.) */
    CHECK_STR(S(b, "level1"), "产出指标");
    CHECK_STR(S(b, "level2"), "质量指标");
#endif
    CHECK_STR(S(b, "actual"), "97%");
    CHECK_NUM(b, "score", 9);
    cJSON_Delete(root);

    /* both level cells merged (empty) and the name repeated */
    const char *text2 = TITLE
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t培训人次\t≥500人次\t520人次\t10\t10\n"
        "\t\t培训天数\t培训天数\t≥5天\t6天\t10\t10\n";
    root = convert(text2);
    CHECK_INT(count(root, "indicators"), 2);
    b = item(root, "indicators", 1);
    CHECK_STR(S(b, "level3"), "培训天数");
    CHECK_STR(S(b, "target"), "≥5天");
    CHECK_STR(S(b, "actual"), "6天");
    CHECK_NUM(b, "weight", 10);
    CHECK_STR(S(b, "level1"), "产出指标");
#if 1 /* Regression (fixed): the row "\t\t培训天数\t培训天数\t≥5天\t6天\t10\t10" (one cell wider than its
       * header) gives level2 "培训天数": the extra cell is taken to be the first empty
       * one (dropped-merge residue) instead of the repeated name, so the name lands
       * under 二级指标. A reader fills level2 down: "数量指标". */
    CHECK_STR(S(b, "level2"), "数量指标");
#endif
    cJSON_Delete(root);
}

/* ---- a pipe table with || merged cells ------------------------------------------------------ */

static void test_pipe_merged_cells(void)
{
    const char *text = TITLE
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"   /* 3 */
        "| 产出指标 | 数量指标 | 新建管网长度 | ≥18公里 | 18.7公里 | 30 | 30 |\n"        /* 4 */
        "||| 新建蓄水池数量 | 6座 | 5座 | 20 | 15 |\n"                                   /* 5 */
        "|| 质量指标 | 工程验收合格率 | 100% | 100% | 20 | 20 |\n"                        /* 6 */
        "| 效益指标 || 新增受益人口 | ≥1.2万人 | 1.26万人 | 30 | 28 |\n"                 /* 7 */
        "| 总分 ||||| 100 | 93 |\n";                                                     /* 8 */
    cJSON *root = convert(text);
    CHECK_STR(S(item(root, "tables", 0), "shape"), "pipe");
    CHECK_INT(count(root, "indicators"), 4);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1),
                *c = item(root, "indicators", 2), *d = item(root, "indicators", 3);
    CHECK_STR(S(a, "level3"), "新建管网长度");
    CHECK_STR(S(a, "actual"), "18.7公里");
    CHECK_STR(S(b, "level1"), "产出指标");
    CHECK_STR(S(b, "level2"), "数量指标");
    CHECK_STR(S(b, "level3"), "新建蓄水池数量");
    CHECK_STR(S(b, "target"), "6座");
    CHECK_STR(S(b, "actual"), "5座");
    CHECK_NUM(b, "weight", 20);
    CHECK_NUM(b, "score", 15);
    CHECK_INT(ACH(b), 0);                      /* 5座 < 6座 */
    CHECK_STR(S(c, "level1"), "产出指标");
    CHECK_STR(S(c, "level2"), "质量指标");
    CHECK_STR(S(c, "level3"), "工程验收合格率");
    CHECK_STR(S(d, "level1"), "效益指标");
    CHECK_NULL(d, "level2");                   /* a new level 1 with an empty level 2 */
    CHECK_STR(S(d, "level3"), "新增受益人口");
    CHECK_NUM(d, "score", 28);
    CHECK_NUM(d, "line", 7);
    const cJSON *sc = get(root, "scores");
    CHECK_NUM(sc, "total", 93);
    CHECK_NUM(sc, "max", 100);
    const cJSON *k = check_of(root, "scores_add_up", 0);
    CHECK(k != NULL);
    if (k) {
        CHECK_STR(S(k, "status"), "ok");
        CHECK_NUM(k, "found", 93);
    }
    cJSON_Delete(root);
}

/* ---- weights written in level names ----------------------------------------------------------- */

static void test_weight_in_level_name(void)
{
    const char *text = TITLE
        "一级指标\t二级指标\t三级指标\t分值\t得分\n"                      /* 3 */
        "产出指标(50分)\t数量指标（30分）\t档案整理卷数\t30\t30\n"        /* 4 */
        "\t质量指标 (20)\t档案合格率\t20\t19\n"                           /* 5 */
        "投入 (20)\t预算编制(12.5)\t预算完整性\t20\t20\n"                 /* 6 */
        "效益指标\t履职效益\t部门整体效益 (9分)\t\t8\n";                  /* 7: no 分值 cell */
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 4);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1),
                *c = item(root, "indicators", 2), *d = item(root, "indicators", 3);
    CHECK_STR(S(a, "level1"), "产出指标");
    CHECK_NUM(a, "level1_weight", 50);
    CHECK_STR(S(a, "level2"), "数量指标");     /* full-width （30分） */
    CHECK_NUM(a, "level2_weight", 30);
    CHECK_STR(S(b, "level1"), "产出指标");
    CHECK_NUM(b, "level1_weight", 50);         /* filled down with its weight */
    CHECK_STR(S(b, "level2"), "质量指标");
    CHECK_NUM(b, "level2_weight", 20);
    CHECK_STR(S(c, "level1"), "投入");
    CHECK_NUM(c, "level1_weight", 20);
    CHECK_STR(S(c, "level2"), "预算编制");
    CHECK_NUM(c, "level2_weight", 12.5);
    CHECK_STR(S(d, "level1"), "效益指标");
    CHECK_NULL(d, "level1_weight");            /* not the last group's 20 */
    CHECK_STR(S(d, "level3"), "部门整体效益");
    CHECK_NUM(d, "weight", 9);                 /* from the name: the row has no 分值 */
    CHECK_NUM(d, "score", 8);
    cJSON_Delete(root);
}

static int has_warning(const cJSON *root, const char *part);

/* A level is filled down only while its stated weight has room: a row past
 * the end of its group lost the cell naming its own (001, lines 352-353). */
static void test_weights_used_up(void)
{
    const char *text = TITLE
        "一级指标\t二级指标\t三级指标\t分值\t得分\n"      /* 3 */
        "产出(20)\t数量(10)\ta\t6\t6\n"                   /* 4 */
        "\t\tb\t4\t4\n"                                  /* 5: 数量 now full */
        "\t\tc\t2\t2\n"                                  /* 6: past 数量, within 产出 */
        "\t质量(8)\td\t8\t8\n"                            /* 7: 产出 now full */
        "\t\te\t5\t5\n"                                  /* 8: past both */
        "效益\t满意度\tf\t5\t5\n"                         /* 9: no stated weights */
        "\t\tg\t5\t5\n";                                 /* 10 */
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 7);
    const cJSON *b = item(root, "indicators", 1), *c = item(root, "indicators", 2),
                *e = item(root, "indicators", 4), *g = item(root, "indicators", 6);
    CHECK_STR(S(b, "level1"), "产出");
    CHECK_STR(S(b, "level2"), "数量");
    CHECK_STR(S(c, "level1"), "产出");          /* 产出 has room: 16 of 20 */
    CHECK_NULL(c, "level2");                    /* 数量's 10 are used up */
    CHECK_NULL(c, "level2_weight");
    CHECK_STR(S(item(root, "indicators", 3), "level2"), "质量");   /* printed: kept */
    CHECK_NULL(e, "level1");
    CHECK_NULL(e, "level1_weight");
    CHECK_NULL(e, "level2");
    CHECK_STR(S(g, "level1"), "效益");          /* no stated weight: filled down as before */
    CHECK_STR(S(g, "level2"), "满意度");
    CHECK(has_warning(root, "\"c\": the weights under 数量 are used up"));
    CHECK(has_warning(root, "\"e\": the weights under 产出 are used up"));
    cJSON_Delete(root);
}

/* An indicator table broken in two: the rows before the break whose group
 * was used up join the first group after it when the weights add up; the
 * level name printed between the halves is the level 1 after the break when
 * its weight is confirmed (001, lines 340-373). */
static void test_table_break(void)
{
    /* rows of five cells under a header of six: the first (merged) cell lost */
    const char *good = TITLE
        "一级指标\t二级指标\t三级指标\t指标内容\t分值\t得分\n"   /* 3 */
        "投入(10)\t编制(10)\ta\t说明\t6\t6\n"                    /* 4 */
        "\t\tb\t说明\t4\t4\n"                                    /* 5 */
        "\tc\t说明\t2\t2\n"                                       /* 6: lost its group */
        "\n过程\n(12)\n\n"                                         /* 8-9 */
        "执行(5)\td\t说明\t3\t3\n"                                /* 11 */
        "管理(7)\te\t说明\t7\t7\n";                               /* 12 */
    cJSON *root = convert(good);
    CHECK_INT(count(root, "indicators"), 5);
    const cJSON *c = item(root, "indicators", 2), *d = item(root, "indicators", 3), *e = item(root, "indicators", 4);
    CHECK_STR(S(c, "level3"), "c");
    CHECK_STR(S(c, "level1"), "过程");          /* 执行 (5) = 3 + 2 */
    CHECK_NUM(c, "level1_weight", 12);
    CHECK_STR(S(c, "level2"), "执行");
    CHECK_NUM(c, "level2_weight", 5);
    CHECK_STR(S(d, "level1"), "过程");          /* 过程 (12) = 3 + 2 + 7 */
    CHECK_STR(S(d, "level2"), "执行");
    CHECK_STR(S(e, "level1"), "过程");
    CHECK_STR(S(e, "level2"), "管理");
    CHECK(has_warning(root, "\"c\": placed under 执行"));
    cJSON_Delete(root);

    /* the weights do not add up: nothing is moved, the name is not taken */
    const char *bad = TITLE
        "一级指标\t二级指标\t三级指标\t指标内容\t分值\t得分\n"
        "投入(10)\t编制(10)\ta\t说明\t6\t6\n"
        "\t\tb\t说明\t4\t4\n"
        "\tc\t说明\t2\t2\n"
        "\n过程\n(30)\n\n"
        "执行(9)\td\t说明\t3\t3\n"
        "管理(7)\te\t说明\t7\t7\n";
    root = convert(bad);
    CHECK_INT(count(root, "indicators"), 5);
    c = item(root, "indicators", 2);
    d = item(root, "indicators", 3);
    CHECK_NULL(c, "level1");
    CHECK_NULL(c, "level2");
    CHECK_NULL(d, "level1");
    CHECK_STR(S(d, "level2"), "执行");
    CHECK(has_warning(root, "is not taken for its level 1"));
    cJSON_Delete(root);
}

/* ---- achieved ---------------------------------------------------------------------------------- */

static void test_achieved(void)
{
    const char *text = TITLE
        "一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值\n"   /* 3 */
        "产出指标\t质量指标\t政策知晓率\t≥90%\t96%\n"               /* 4: true */
        "\t\t预算执行率\t100%\t97%\n"                               /* 5: false */
        "\t\t预算编制科学性\t科学\t较科学\n"                        /* 6: false */
        "\t\t非税收入预算完成率\t不涉及\t不涉及\n"                  /* 7: null */
        "\t数量指标\t医保缴费人数\t75295人\t7.5万人\n"              /* 8: null, units differ */
        "\t\t“三公经费”变动率\t0%\t-54%\n"                          /* 9: true, lower is better */
        "\t\t结转结余率\t≤5%\t6%\n"                                 /* 10: false */
        "\t\t资产管理制度健全性\t较健全\t健全\n"                    /* 11: true */
        "\t\t中长期规划相符性\t相符\t相符\n"                        /* 12: true */
        "\t\t保障社会和谐稳定\t效果显著\t稳步推进\n";               /* 13: null, no order */
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 10);
    const int want[] = { 1, 0, 0, -1, -1, 1, 0, 1, 1, -1 };
    for (int i = 0; i < 10; i++) {
        const cJSON *x = item(root, "indicators", i);
        if (ACH(x) != want[i])
            fprintf(stderr, "  indicator %d (%s): achieved %d, want %d\n", i, S(x, "level3") ? S(x, "level3") : "-",
                    ACH(x), want[i]);
        CHECK_INT(ACH(x), want[i]);
    }
    const cJSON *e = item(root, "indicators", 4);
    CHECK_STR(S(get(e, "target_parsed"), "unit"), "人");
    CHECK_NUM(get(e, "target_parsed"), "value", 75295);
    CHECK_STR(S(get(e, "actual_parsed"), "unit"), "万人");
    CHECK_NUM(get(e, "actual_parsed"), "value", 7.5);
    const cJSON *c = item(root, "indicators", 2);
    CHECK_STR(S(get(c, "actual_parsed"), "word"), "较科学");
    CHECK_NULL(get(c, "actual_parsed"), "value");
    cJSON_Delete(root);
}

/* ---- a 合计 row states the table's total ------------------------------------------------------- */

static void test_total_row(void)
{
    const char *text = TITLE
        "一级指标\t二级指标\t三级指标\t分值\t得分\n"          /* 3 */
        "产出指标\t数量指标\t参保人数\t40\t38\n"               /* 4 */
        "\t质量指标\t结算准确率\t30\t30\n"                     /* 5 */
        "效益指标\t满意度\t群众满意度\t30\t27.5\n"             /* 6 */
        "合  计\t\t\t100\t95.5\n";                            /* 7 */
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 3);
    CHECK(!has_level3(root, "合计"));
    const cJSON *sc = get(root, "scores");
    CHECK_NUM(sc, "total", 95.5);
    CHECK_NUM(sc, "max", 100);
    CHECK_INT(count_rule(root, "scores_add_up"), 1);
    CHECK_INT(count_rule(root, "weights_add_up"), 1);
    CHECK_INT(count(sc, "stated"), 1);
    const cJSON *st = item(sc, "stated", 0);
    CHECK_NUM(st, "value", 95.5);
    CHECK_NUM(st, "max", 100);
    CHECK_STR(S(st, "source"), "table");
    CHECK_NUM(st, "line", 7);
    const cJSON *k = check_of(root, "scores_add_up", 0), *w = check_of(root, "weights_add_up", 0);
    CHECK(k && w);
    if (k && w) {
        CHECK_STR(S(k, "status"), "ok");
        CHECK_NUM(k, "expected", 95.5);
        CHECK_NUM(k, "found", 95.5);
        CHECK_STR(S(w, "status"), "ok");
        CHECK_NUM(w, "found", 100);
    }
    cJSON_Delete(root);

    /* the same table whose 得分 column does not add up */
    const char *bad = TITLE
        "一级指标\t二级指标\t三级指标\t分值\t得分\n"
        "产出指标\t数量指标\t参保人数\t40\t38\n"
        "\t质量指标\t结算准确率\t30\t30\n"
        "效益指标\t满意度\t群众满意度\t30\t27.5\n"
        "合计\t\t\t100\t96.5\n";
    root = convert(bad);
    k = check_of(root, "scores_add_up", 0);
    CHECK(k != NULL);
    if (k) {
        CHECK_STR(S(k, "status"), "mismatch");
        CHECK_NUM(k, "expected", 96.5);
        CHECK_NUM(k, "found", 95.5);
    }
    CHECK_NUM(get(root, "scores"), "total", 96.5);
    cJSON_Delete(root);

    /* scores each rounded to one decimal (thirds of 25), the total printed
     * with one decimal: 8.3 + 8.3 + 8.3 = 24.9 against 25.0 is within the
     * rounding of four figures (4 x 0.05 = 0.2, corpus/README.md "Checks") */
    const char *thirds = TITLE
        "一级指标\t二级指标\t三级指标\t分值\t得分\n"
        "产出指标\t数量指标\t甲项\t10\t8.3\n"
        "\t\t乙项\t10\t8.3\n"
        "\t\t丙项\t10\t8.3\n"
        "合计\t\t\t30\t25.0\n";
    root = convert(thirds);
    k = check_of(root, "scores_add_up", 0);
    CHECK(k != NULL);
    if (k)
        CHECK_NUM(k, "found", 24.9);
/* Scores are exact and only the total may be rounded (corpus/README.md:
     * Checks): 8.3+8.3+8.3 = 24.9 against a stated 25.0 is a contradiction. */
    if (k)
        CHECK_STR(S(k, "status"), "mismatch");
    cJSON_Delete(root);
}

/* ---- a project list with empty numbered rows --------------------------------------------------- */

static void test_project_list(void)
{
    const char *text = TITLE
        "分项绩效项目清单\n"                                                              /* 3 */
        "单位：元\n"                                                                      /* 4 */
        "序号\t项目名称\t预算数\t执行数\t结余交回财政数\t自评得分\n"                     /* 5 */
        "1\t档案数字化加工\t336000\t330000\t6000\t95\n"                                  /* 6 */
        "2\t档案库房维护费\t12500.50\t12500.50\t\t98\n"                                  /* 7 */
        "3\t\t\t\t\t\n"
        "4\t\t\t\t\t\n"
        "5\t\t\t\t\t\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "projects"), 2);
    const cJSON *a = item(root, "projects", 0), *b = item(root, "projects", 1);
    CHECK_STR(S(a, "number"), "1");
    CHECK_STR(S(a, "name"), "档案数字化加工");
    CHECK_STR(S(a, "unit"), "元");
    CHECK_NUM(a, "budget", 336000);
    CHECK_NUM(a, "budget_wan", 33.6);
    CHECK_NUM(a, "executed_wan", 33);
    CHECK_NUM(a, "returned_wan", 0.6);
    CHECK_NUM(a, "score", 95);
    CHECK_NUM(a, "line", 6);
    CHECK_STR(S(b, "number"), "2");
    CHECK_STR(S(b, "name"), "档案库房维护费");
    CHECK_NUM(b, "executed_wan", 1.25005);
    CHECK_NULL(b, "returned");
    CHECK_NUM(b, "score", 98);
    CHECK_INT(count(root, "indicators"), 0);
    cJSON_Delete(root);
}

/* ---- bg_map_row with hand-made cells ------------------------------------------------------------ */

static bg_piece piece(const char *s)
{
    bg_piece p = { 0 };
    p.s = (char *)s;
    p.len = strlen(s);
    return p;
}

static const char *cell_text(const bg_mapped_row *mr, bg_role r)
{
    return mr->cell[r] ? mr->cell[r]->s : NULL;
}

static void test_map_row_direct(void)
{
    bg_role roles[] = { BG_R_LEVEL1, BG_R_LEVEL2, BG_R_LEVEL3, BG_R_TARGET, BG_R_ACTUAL, BG_R_WEIGHT, BG_R_SCORE };
    bg_header h = { roles, 7, 3, 1 };
    bg_mapped_row mr;

    /* a full row */
    bg_piece full[] = { piece("产出"), piece("数量"), piece("人数"), piece("≥90"), piece("95"), piece("10"), piece("9") };
    bg_map_row(&h, full, 7, &mr);
    CHECK_STR(cell_text(&mr, BG_R_LEVEL1), "产出");
    CHECK_STR(cell_text(&mr, BG_R_LEVEL3), "人数");
    CHECK_STR(cell_text(&mr, BG_R_ACTUAL), "95");
    CHECK_STR(cell_text(&mr, BG_R_SCORE), "9");

    /* the level-1 cell dropped: the name cells are right-aligned, level 1 is a merged parent */
    bg_piece no_l1[] = { piece("质量"), piece("合格率"), piece("100%"), piece("98%"), piece("10"), piece("8") };
    bg_map_row(&h, no_l1, 6, &mr);
    CHECK(mr.cell[BG_R_LEVEL1] == NULL);
    CHECK_STR(cell_text(&mr, BG_R_LEVEL2), "质量");
    CHECK_STR(cell_text(&mr, BG_R_LEVEL3), "合格率");
    CHECK_STR(cell_text(&mr, BG_R_TARGET), "100%");
    CHECK_STR(cell_text(&mr, BG_R_WEIGHT), "10");

    /* only the name left of the values */
    bg_piece only_l3[] = { piece("按时办结率"), piece("100%"), piece("95%"), piece("5"), piece("4") };
    bg_map_row(&h, only_l3, 5, &mr);
    CHECK(mr.cell[BG_R_LEVEL1] == NULL && mr.cell[BG_R_LEVEL2] == NULL);
    CHECK_STR(cell_text(&mr, BG_R_LEVEL3), "按时办结率");
    CHECK_STR(cell_text(&mr, BG_R_ACTUAL), "95%");
    CHECK_STR(cell_text(&mr, BG_R_SCORE), "4");

    /* trailing empty cells: the reading without them puts numbers under 分值/得分 */
    bg_piece trailing[] = { piece(""), piece("质量"), piece("合格率"), piece("100%"), piece("98%"), piece("10"),
                            piece("8"), piece(""), piece("") };
    bg_map_row(&h, trailing, 9, &mr);
    CHECK_STR(cell_text(&mr, BG_R_WEIGHT), "10");
    CHECK_STR(cell_text(&mr, BG_R_SCORE), "8");
    CHECK_STR(cell_text(&mr, BG_R_LEVEL2), "质量");
    CHECK_STR(cell_text(&mr, BG_R_LEVEL3), "合格率");

    /* a leading empty cell of a dropped merge, one cell more than the header */
    bg_piece leading[] = { piece(""), piece("效益"), piece("社会"), piece("满意度"), piece("≥90%"), piece("96%"),
                           piece("10"), piece("10") };
    bg_map_row(&h, leading, 8, &mr);
    CHECK_STR(cell_text(&mr, BG_R_LEVEL1), "效益");
    CHECK_STR(cell_text(&mr, BG_R_LEVEL3), "满意度");
    CHECK_STR(cell_text(&mr, BG_R_TARGET), "≥90%");
}


/* ---- pipe rows counted over lines (LAYOUTS §3, issue 16) ------------------------------------ */

/* The lines of each row of table i, as "3,4,7" (the header's first). */
static void row_lines(const cJSON *root, int i, char *buf, size_t size)
{
    const cJSON *t = item(root, "tables", i), *x;
    size_t used = (size_t)snprintf(buf, size, "%d", (int)cJSON_GetNumberValue(get(t, "line")));
    cJSON_ArrayForEach(x, get(t, "row_lines"))
        if (used < size)
            used += (size_t)snprintf(buf + used, size - used, ",%d", (int)x->valuedouble);
}

/* A web page converted cell by cell: every cell ends with `|`, each row is
 * padded with empty cells to the widest, and a row runs over several lines
 * (a line break inside a cell). Rows whose merged cells were dropped are
 * packed to the left; the text ends inside the last row's score. */
static void test_pipe_rows_counted(void)
{
    const char *text = TITLE
        "单位 | |||||\n"                                   /* 3 */
        "序号 | 一级 指标 |\n"                             /* 4: the header over three lines */
        "二级 指标 |\n"
        "三级 指标 | 分值 | 得分 |\n"
        "1 | 运行 (20分) |\n"                              /* 7 */
        "经费保障 (12分) | 公用经费 保障率 | 6 |\n"
        "6 |\n"
        "2 | 人员经费 保障率 | 6 | 5 | ||\n"               /* 10: levels merged, padded at the end */
        "3 | 制度建设 (8分) | 制度 健全性 | 8 | 8 | |\n"  /* 11 */
        "4 | 履职 (80分) |\n"                              /* 12 */
        "工作完成 (80分) | 任务 完成率 | 80 | 7";          /* cut inside 得分 */
    cJSON *root = convert(text);
    char lines[64];
    row_lines(root, 0, lines, sizeof lines);
    CHECK_STR(lines, "4,7,10,11,12");          /* 单位 | ||||| is a caption above the table */
    CHECK_INT(count(root, "indicators"), 4);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1),
                *c = item(root, "indicators", 2), *d = item(root, "indicators", 3);
    CHECK_STR(S(a, "level1"), "运行");
    CHECK_NUM(a, "level1_weight", 20);
    CHECK_STR(S(a, "level2"), "经费保障");
    CHECK_STR(S(a, "level3"), "公用经费保障率");
    CHECK_NUM(a, "weight", 6);
    CHECK_NUM(a, "score", 6);
    CHECK_NUM(a, "line", 7);
    CHECK_STR(S(b, "level1"), "运行");
    CHECK_STR(S(b, "level2"), "经费保障");
    CHECK_STR(S(b, "level3"), "人员经费保障率");
    CHECK_NUM(b, "weight", 6);
    CHECK_NUM(b, "score", 5);
    CHECK_STR(S(c, "level2"), "制度建设");
    CHECK_STR(S(c, "level3"), "制度健全性");
    CHECK_NUM(c, "score", 8);
    CHECK_STR(S(d, "level1"), "履职");
    CHECK_STR(S(d, "level3"), "任务完成率");
    CHECK_NUM(d, "weight", 80);
    CHECK_NULL(d, "score");                    /* "7" is what was left of a cut cell */
    cJSON_Delete(root);
}

/* Rows a line each whose short rows do not add up to the width (merged cells
 * dropped, nothing padded): not counted, a row per line as before. */
static void test_pipe_rows_not_counted(void)
{
    const char *text = TITLE
        "一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n"   /* 3 */
        "产出指标 | 数量指标 | 培训场次 | 10 | 10 |\n"
        "质量指标 | 培训合格率 | 10 | 9 |\n"                /* 5 */
        "时效指标 | 按时完成率 | 10 | 10 |\n";
    cJSON *root = convert(text);
    char lines[64];
    row_lines(root, 0, lines, sizeof lines);
    CHECK_STR(lines, "3,4,5,6");
    CHECK_INT(count(root, "indicators"), 3);
    const cJSON *b = item(root, "indicators", 1);
    CHECK_STR(S(b, "level1"), "产出指标");
    CHECK_STR(S(b, "level2"), "质量指标");
    CHECK_STR(S(b, "level3"), "培训合格率");
    CHECK_NUM(b, "score", 9);
    cJSON_Delete(root);

    /* a cell per line and no line of several cells: nothing bears a width
     * out to the row counter; the pipe-cells reader (pipecells.c) reads it
     * by its header, a bare pipe ending each row */
    const char *cells = TITLE
        "一级指标 |\n二级指标 |\n三级指标 |\n目标值 |\n|\n"
        "产出指标 |\n数量指标 |\n培训人数 |\n120人 |\n|\n"
        "产出指标 |\n质量指标 |\n合格率 |\n95% |\n";
    root = convert(cells);
    CHECK_INT(count(root, "tables"), 1);
    CHECK_STR(S(item(root, "tables", 0), "shape"), "pipe");
    CHECK_INT(count(root, "indicators"), 2);
    CHECK_STR(S(item(root, "indicators", 0), "level3"), "培训人数");
    CHECK_STR(S(item(root, "indicators", 0), "target"), "120人");
    CHECK_STR(S(item(root, "indicators", 1), "level2"), "质量指标");
    CHECK_STR(S(item(root, "indicators", 1), "target"), "95%");
    cJSON_Delete(root);

    /* bordered rows (| a | b |) under labels on lines of their own: a count of
     * 7 cells lands on line ends by chance (label + 6, figures of a row that
     * lost a blank cell + the next label), which would put each figure under
     * its neighbour's column; bordered lines are a row per line */
    const char *bordered = TITLE
        "资金(万元) |\n"
        "| 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 得分 |\n"
        "年度资金总额 |\n"
        "| 52.4 | 49.78 | 95.00% | 9.5 |\n"
        "其中:财政拨款 |\n"
        "| 44 | 41.8 | 41.8 | 95% | 9.5 |\n"
        "说明 |\n"
        "| 8 | 7.98 | 7.98 |\n"
        "年度目标 | 完成补植 |\n";
    root = convert(bordered);
    const cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(root, "amounts")) {
        const char *col = S(a, "column");
        /* 52.4 is the 全年预算数 of its row: never 年初预算数 */
        if (strcmp(S(a, "text"), "52.4") == 0)
            CHECK(!col || strcmp(col, "年初预算数") != 0);
        /* every figure has its row's label: none is left without one */
        CHECK(S(a, "row") != NULL);
    }
    cJSON_Delete(root);
}

/* The first row of a padded pipe table holding one cell is its caption: text
 * without its `|`, where the title is found. */
static void test_pipe_caption(void)
{
    const char *text =
        "青禾县水利局2023年度渠道维修项目支出绩效自评表 | ||||\n"    /* 1 */
        "(2023年度) | ||||\n"
        "项目名称 | 渠道维修 | 主管部门 | 青禾县水利局 | |\n"          /* 3 */
        "一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n"
        "产出指标 | 数量指标 | 维修渠道长度 | 50 | 48 |\n";
    cJSON *root = convert(text);
    const cJSON *doc = get(root, "document");
    CHECK_STR(S(doc, "title"), "青禾县水利局2023年度渠道维修项目支出绩效自评表");
    CHECK_NUM(item(root, "tables", 0), "line", 3);
    CHECK_INT(count(root, "indicators"), 1);
    CHECK_NUM(item(root, "indicators", 0), "score", 48);
    cJSON_Delete(root);
}

/* ---- rows read by the kinds of their cells ------------------------------------------------- */

static void test_map_row_checked(void)
{
    bg_role roles[] = { BG_R_LABEL, BG_R_LEVEL1, BG_R_LEVEL2, BG_R_LEVEL3, BG_R_WEIGHT, BG_R_TARGET, BG_R_ACTUAL,
                        BG_R_SCORE, BG_R_NOTE };
    bg_header h = { roles, 9, 4, 1 };
    bg_mapped_row mr;
    bg_row padded = { 0 }, plain = { 0 };
    padded.padded = 1;
    const bg_table_rules *tr = &patterns->tables;
    bg_warnings w = { 0 };
    bg_matcher mt;
    bg_matcher *m = &mt;
    bg_matcher_init(m, &w);

    /* a sub-row: its levels and its 分值/得分 merged with the rows above */
    bg_piece sub[] = { piece("其中桃园面积"), piece("1.5亩"), piece("1.6亩"), piece(""), piece(""), piece(""),
                       piece(""), piece(""), piece(""), piece(""), piece("") };
    CHECK_INT(bg_map_row_checked(tr, m, &h, &padded, sub, 11, &mr), 1);
    CHECK_STR(cell_text(&mr, BG_R_LEVEL3), "其中桃园面积");
    CHECK_STR(cell_text(&mr, BG_R_TARGET), "1.5亩");
    CHECK_STR(cell_text(&mr, BG_R_ACTUAL), "1.6亩");
    CHECK(mr.cell[BG_R_WEIGHT] == NULL && mr.cell[BG_R_SCORE] == NULL && mr.cell[BG_R_LABEL] == NULL);

    /* the same cells in a table a row per line: a header reading puts 1.5亩 under a level, read again */
    CHECK_INT(bg_map_row_checked(tr, m, &h, &plain, sub, 11, &mr), 1);
    CHECK_STR(cell_text(&mr, BG_R_LEVEL3), "其中桃园面积");
    CHECK_STR(cell_text(&mr, BG_R_ACTUAL), "1.6亩");

    /* weight, target, actual, score after one name: each has one column only */
    bg_piece row[] = { piece("补助鱼塘面积"), piece("10"), piece("3亩"), piece("3亩"), piece("10"), piece(""),
                       piece("") };
    CHECK_INT(bg_map_row_checked(tr, m, &h, &padded, row, 7, &mr), 1);
    CHECK_STR(cell_text(&mr, BG_R_WEIGHT), "10");
    CHECK_STR(cell_text(&mr, BG_R_TARGET), "3亩");
    CHECK_STR(cell_text(&mr, BG_R_SCORE), "10");

    /* a figure alone after the name: 分值, a target, an actual or 得分 — none is certain */
    bg_piece cut[] = { piece("受益农户满意度"), piece("10") };
    CHECK_INT(bg_map_row_checked(tr, m, &h, &padded, cut, 2, &mr), 1);
    CHECK_STR(cell_text(&mr, BG_R_LEVEL3), "受益农户满意度");
    CHECK(mr.cell[BG_R_WEIGHT] == NULL && mr.cell[BG_R_TARGET] == NULL && mr.cell[BG_R_ACTUAL] == NULL
          && mr.cell[BG_R_SCORE] == NULL);
    CHECK_INT((int)mr.unsure, 1);

    /* a level name is never a 三级指标: the three names are the three levels */
    bg_piece levels[] = { piece("产 出 指 标 (50分)"), piece("数量指标"), piece("补助面积"), piece("20"),
                          piece("29亩"), piece("30亩"), piece("20"), piece(""), piece(""), piece(""), piece("") };
    CHECK_INT(bg_map_row_checked(tr, m, &h, &padded, levels, 11, &mr), 1);
    CHECK_STR(cell_text(&mr, BG_R_LEVEL1), "产 出 指 标 (50分)");
    CHECK_STR(cell_text(&mr, BG_R_LEVEL3), "补助面积");
    CHECK_STR(cell_text(&mr, BG_R_ACTUAL), "30亩");

    /* no name at all: no reading */
    bg_piece nameless[] = { piece("10"), piece("≥90%"), piece("95%"), piece("10") };
    CHECK_INT(bg_map_row_checked(tr, m, &h, &plain, nameless, 4, &mr), 0);
    bg_matcher_free(m);
    bg_warnings_free(&w);
}

/* Rows of level names only set the levels; a name alone is no indicator; a
 * row of placeholders says nothing. */
static void test_group_rows(void)
{
    const char *text = TITLE
        "一级指标\t二级指标\t三级指标\t分值\t得分\n"       /* 3 */
        "产出指标 (30分)\t\t\t\t\n"
        "\t数量指标\t\t\t\n"
        "\t\t培训场次\t10\t10\n"                          /* 6 */
        "\t\t培训人数\t\t\n"
        "……\t\t\t\t\n"
        "\t质量指标\t培训合格率\t20\t18\n";                /* 9 */
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 2);
    CHECK_INT(count(root, "warnings"), 0);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1);
    CHECK_STR(S(a, "level1"), "产出指标");
    CHECK_NUM(a, "level1_weight", 30);
    CHECK_STR(S(a, "level2"), "数量指标");
    CHECK_STR(S(a, "level3"), "培训场次");
    CHECK_STR(S(b, "level1"), "产出指标");
    CHECK_STR(S(b, "level2"), "质量指标");
    CHECK_NUM(b, "score", 18);
    CHECK(!has_level3(root, "培训人数"));
    cJSON_Delete(root);
}

/* ---- comparators and targets over columns ------------------------------------------------------ */

static void test_comparators(void)
{
    const char *text = TITLE
        "一级指标\t二级指标\t三级指标\t年度指标值\t全年实际值\n"
        "产出指标\t质量指标\t低保标准\t>=530元/人*月\t583元/人*月\n"
        "\t成本指标\t户均救助标准\t<=5300元/户\t5830元/户\n";
    cJSON *root = convert(text);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1);
    CHECK_STR(S(get(a, "target_parsed"), "comparator"), "≥");     /* was "=": > then =530 */
    CHECK_NUM(get(a, "target_parsed"), "value", 530);
    CHECK_INT(ACH(a), 1);
    CHECK_STR(S(get(b, "target_parsed"), "comparator"), "≤");
    CHECK_INT(ACH(b), 0);
    cJSON_Delete(root);

    /* 指标性质 that is no comparator (正向) is not put before the value; a value
     * that already ends with the 度量单位 does not get it twice */
    const char *nat = TITLE
        "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t全年实际值\n"
        "产出指标\t数量指标\t巡查次数\t正向\t24\t次\t26\n"
        "\t\t覆盖面积\t≥\t50公顷\t公顷\t52\n";
    root = convert(nat);
    a = item(root, "indicators", 0);
    b = item(root, "indicators", 1);
    CHECK_STR(S(a, "target"), "24次");
    CHECK_INT(ACH(a), 1);
    CHECK_STR(S(b, "target"), "≥50公顷");
    CHECK_STR(S(get(b, "actual_parsed"), "unit"), "公顷");
    cJSON_Delete(root);
}

/* ---- rows of words one space apart (Word, web pages) ------------------------------------------- */

static void test_word_rows(void)
{
    const char *text = TITLE
        "一级指标 二级指标 三级指标 目标值\n"              /* 3 */
        "产出指标 数量指标 巡查次数 ≥24次\n"
        "巡查覆盖率 100%\n"                               /* 5: levels merged */
        "产出指标 质量指标 整改销号率 ≥95% 按季度通报 全年跟踪 年底考核\n"   /* 6: more words than the header */
        "产出指标 时效指标 问题整改时限 30天\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "indicators"), 2);
    const cJSON *t = item(root, "tables", 0);
    CHECK_STR(S(t, "shape"), "spaced");
    CHECK_NUM(t, "end_line", 5);
    const cJSON *b = item(root, "indicators", 1);
    CHECK_STR(S(b, "level1"), "产出指标");
    CHECK_STR(S(b, "level2"), "数量指标");
    CHECK_STR(S(b, "level3"), "巡查覆盖率");
    CHECK_STR(S(b, "target"), "100%");
    CHECK(!has_level3(root, "问题整改时限"));  /* past the line that ended the table */
    cJSON_Delete(root);

    /* two words naming columns are no header; columns laid out with runs of spaces are PDF text */
    const char *two = TITLE
        "指标名称 目标值 说明\n"
        "巡查次数 ≥24次 每月两次\n";
    root = convert(two);
    CHECK_INT(count(root, "tables"), 0);
    CHECK_INT(count(root, "indicators"), 0);
    cJSON_Delete(root);
}

/* ---- tables without row breaks (LAYOUTS §2 and §4) ------------------------------------------- */

/* Does a warning's message contain `part`? */
static int has_warning(const cJSON *root, const char *part)
{
    const cJSON *x;
    cJSON_ArrayForEach(x, get(root, "warnings"))
        if (S(x, "message") && strstr(S(x, "message"), part))
            return 1;
    return 0;
}

/* Cells joined with a blank line between them, as a flattened sheet gives them. */
static char *cell_lines(const char *const *cells)
{
    bg_buf b = { 0 };
    bg_buf_adds(&b, TITLE);
    for (size_t i = 0; cells[i]; i++) {
        bg_buf_adds(&b, cells[i]);
        bg_buf_adds(&b, "\n\n");
    }
    return b.s;
}

/* The same cells on one line between spaces, after the file's own metadata. */
static char *one_line(const char *const *cells)
{
    bg_buf b = { 0 };
    bg_buf_adds(&b, "张某 x0456 3 2021-04-02T03:00:00Z 2022-07-01T08:30:00Z 14.00 2052-11.1.0.9912 "
                    "{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9} 1 Sheet1");
    for (size_t i = 0; cells[i]; i++) {
        bg_buf_addc(&b, ' ');
        bg_buf_adds(&b, cells[i]);
    }
    bg_buf_addc(&b, '\n');
    return b.s;
}

static cJSON *convert_owned(char *text)
{
    cJSON *root = convert(text);
    free(text);
    return root;
}

/* An indicator header broken into pieces, merged level cells, no note
 * column, a 总分 row; the same cells flattened one per line and on one line
 * read the same. */
static const char *const stream_cells[] = {
    "一级", "指标", "二级指标", "三级指", "标", "年度", "指标值", "实际完成", "值", "分", "值", "得分",
    "产出指标", "质量指标", "抽检合格率", "≥98%", "99.2%", "30", "30",
    "时效指标", "按时完成率", "100%", "95%", "20", "18",
    "效益指标", "社会效益指标", "受益人数", "≥5000人", "5230人", "30", "30",
    "服务对象满意度", "≥90%", "88%", "20", "17",
    "总分", "100", "95", NULL,
};

static void check_stream_indicators(const cJSON *root, int lines)
{
    CHECK_INT(count(root, "indicators"), 4);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1);
    const cJSON *c = item(root, "indicators", 2), *d = item(root, "indicators", 3);
    CHECK_STR(S(a, "level1"), "产出指标");
    CHECK_STR(S(a, "level2"), "质量指标");
    CHECK_STR(S(a, "level3"), "抽检合格率");
    CHECK_STR(S(a, "target"), "≥98%");
    CHECK_STR(S(a, "actual"), "99.2%");
    CHECK_NUM(a, "weight", 30);
    CHECK_NUM(a, "score", 30);
    CHECK_STR(S(b, "level1"), "产出指标");     /* filled down: its cell was merged */
    CHECK_STR(S(b, "level2"), "时效指标");
    CHECK_STR(S(b, "level3"), "按时完成率");
    CHECK_INT(ACH(b), 0);
    CHECK_NUM(b, "score", 18);
    CHECK_STR(S(c, "level1"), "效益指标");
    CHECK_STR(S(c, "actual"), "5230人");
    CHECK_STR(S(d, "level2"), "社会效益指标");
    CHECK_STR(S(d, "level3"), "服务对象满意度");
    CHECK_NUM(d, "weight", 20);
    CHECK_NUM(d, "score", 17);
    CHECK_NULL(d, "note");
    if (lines) {
        CHECK_NUM(a, "line", 27);              /* 产出指标: the row's first cell */
        CHECK_NUM(b, "line", 41);
        CHECK_NUM(d, "line", 67);
    }
    const cJSON *sc = get(root, "scores");
    CHECK_NUM(sc, "total", 95);
    CHECK_NUM(sc, "max", 100);
    const cJSON *k = check_of(root, "scores_add_up", 0);
    CHECK(k && S(k, "status") && strcmp(S(k, "status"), "ok") == 0);
}

static void test_stream_indicator_table(void)
{
    cJSON *root = convert_owned(cell_lines(stream_cells));
    CHECK_INT(count(root, "tables"), 1);
    const cJSON *t = item(root, "tables", 0);
    CHECK_STR(S(t, "shape"), "cell-lines");
    const cJSON *h = get(t, "header");
    CHECK_INT(cJSON_GetArraySize(h), 7);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(h, 2)), "三级指标");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(h, 4)), "实际完成值");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(h, 5)), "分值");
    check_stream_indicators(root, 1);
    CHECK_INT(count(root, "warnings"), 0);
    cJSON_Delete(root);

    root = convert_owned(one_line(stream_cells));
    CHECK_STR(S(item(root, "tables", 0), "shape"), "spaced");
    check_stream_indicators(root, 0);
    CHECK_INT(count(root, "amounts"), 0);      /* 14.00, 2052-11.1.0.9912 …: the file's metadata */
    cJSON_Delete(root);
}

/* A note column: the explanation after a row's score is its note; a short
 * name after a score is the next row's. */
static void test_stream_note_column(void)
{
    static const char *const cells[] = {
        "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出指标", "数量指标", "新建泵站数", "4座", "3座", "20", "15",
        "受征地影响一座泵站延期，已于次年一季度完工",
        "维修渠道长度", "≥12公里", "12.6公里", "20", "20",
        "效益指标", "可持续影响指标", "管护制度", "健全", "较健全", "10", "8", "管护人员不足",
        "满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "93%", "10", "10", NULL,
    };
    cJSON *root = convert_owned(one_line(cells));
    CHECK_INT(count(root, "indicators"), 4);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1);
    const cJSON *c = item(root, "indicators", 2), *d = item(root, "indicators", 3);
    CHECK_STR(S(a, "note"), "受征地影响一座泵站延期,已于次年一季度完工");
    CHECK_STR(S(b, "level2"), "数量指标");
    CHECK_STR(S(b, "level3"), "维修渠道长度");
    CHECK_NULL(b, "note");
    /* 管护人员不足 is short and has no clause: a reader cannot tell it from a
     * name, so it is not taken as the note; the row after it has its own
     * names and the stretch goes raw */
    CHECK_STR(S(c, "level3"), "管护制度");
    CHECK_NUM(c, "score", 8);
    CHECK_INT(ACH(c), 0);
    CHECK_STR(S(d, "level1"), "满意度指标");
    CHECK_STR(S(d, "level3"), "农户满意度");
    CHECK(has_warning(root, "raw"));
    CHECK(!has_level3(root, "管护人员不足"));
    cJSON_Delete(root);
}

/* A header of figures only: a label column with the corner (项目资金 (万元))
 * as its header, its unit governing the table; rows with fewer figures have
 * blank cells at the right. */
static void test_stream_figure_table(void)
{
    static const char *const cells[] = {
        "项目名称", "乡村道路养护", "项目资金", "(万元)", "年初", "预算数", "全年预算数", "全年", "执行数",
        "分值", "执行率", "得分",
        "年度资金总额", "120.00", "118.00", "112.10", "10", "95.00%", "9.5",
        "其中:当年财政拨款", "100.00", "98.00", "92.10", "—", "—", "—",
        "上年结转资金", "20.00", "20.00", "20.00",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
        "产出指标", "数量指标", "养护里程", "≥80公里", "82公里", "80", "78.5",
        "成本指标", "每公里养护成本", "≤1.5万元", "1.37万元", "10", "10",
        "总分", "100", "98", NULL,
    };
    for (int shape = 0; shape < 2; shape++) {
        cJSON *root = convert_owned(shape ? one_line(cells) : cell_lines(cells));
        CHECK_INT(count(root, "amounts"), 11);
        const cJSON *a = item(root, "amounts", 0), *p = item(root, "amounts", 4), *r = item(root, "amounts", 8);
        /* under the second header of the same width: its own column names */
        CHECK_STR(S(item(root, "amounts", 9), "column"), "年度指标值");
        CHECK_STR(S(item(root, "amounts", 10), "column"), "实际完成值");
        CHECK_STR(S(item(root, "amounts", 10), "row"), "每公里养护成本");
        CHECK_STR(S(a, "row"), "年度资金总额");
        CHECK_STR(S(a, "column"), "年初预算数");
        CHECK_STR(S(a, "unit"), "万元");
        CHECK_NUM(a, "value_wan", 120);
        CHECK_STR(S(p, "row"), "当年财政拨款");
        CHECK_STR(S(p, "column"), "全年预算数");
        CHECK_NUM(p, "parent", 1);
        CHECK_STR(S(r, "row"), "上年结转资金");
        CHECK_STR(S(r, "column"), "全年执行数");   /* left-aligned: the blank cells are at the right */
        CHECK_NUM(r, "value_wan", 20);
        CHECK_INT(count(root, "indicators"), 2);
        CHECK_NUM(get(root, "scores"), "total", 98);
        const cJSON *k = check_of(root, "scores_add_up", 0);
        CHECK(k != NULL);
        if (k)
            CHECK_NUM(k, "found", 98);           /* 9.5 + 78.5 + 10: one table */
        CHECK_INT(count(root, "warnings"), 0);
        cJSON_Delete(root);
    }
}

/* Rows a reader cannot place: a row that lost its 三级指标 (数量指标 where the
 * name should be), a name that starts with a figure. Raw, with a warning;
 * the rows around them are read. */
static void test_stream_uncertain_rows(void)
{
    static const char *const cells[] = {
        "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
        "产出指标", "数量指标", "培训场次", "≥12场", "14场", "20", "20",
        "质量指标", "≥95%", "97%", "20", "19",
        "效益指标", "社会效益指标", "参训人员合格率", "≥90%", "96%", "30", "30",
        "满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", "30", "29", NULL,
    };
    cJSON *root = convert_owned(one_line(cells));
    CHECK_INT(count(root, "indicators"), 3);
    CHECK(!has_level3(root, "质量指标"));
    CHECK(has_level3(root, "参训人员合格率"));
    CHECK(has_warning(root, "raw"));
    cJSON_Delete(root);

    static const char *const figures[] = {
        "一级指标", "二级指标", "三级指标", "分值", "得分",
        "产出指标", "数量指标", "培训人数", "100人", "98人", "5", "4",
        "产出指标", "数量指标", "培训场次", "12场", "12场", "5", "5",
        "产出指标", "质量指标", "培训合格率", "98%", "99%", "5", "5",
        "效益指标", "社会效益指标", "就业人数", "30人", "32人", "5", "5", NULL,
    };
    root = convert_owned(one_line(figures));
    CHECK_INT(count(root, "tables"), 1);
    CHECK_INT(count(root, "indicators"), 0);   /* 100人 is no level name */
    CHECK(!has_level3(root, "98人"));
    cJSON_Delete(root);
}

/* Not tables: short paragraphs, some of them header words, with no row
 * under them; and a list of short items. */
static void test_stream_not_a_table(void)
{
    const char *text = TITLE
        "一、评价方法\n\n"
        "评分标准\n\n"
        "权重\n\n"
        "得分\n\n"
        "以上三项由评价组逐项确定。\n\n"
        "二、主要做法\n\n"
        "加强预算管理\n\n"
        "规范资金使用\n\n"
        "严格项目验收\n\n"
        "全年支出120万元。\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "tables"), 0);
    CHECK_INT(count(root, "indicators"), 0);
    CHECK_INT(count(root, "sections"), 2);
    CHECK_INT(count(root, "amounts"), 1);
    CHECK_STR(S(item(root, "amounts", 0), "context"), "prose");
    cJSON_Delete(root);
}


/* ---- tables laid out with spaces (PDF text, pdftotext -layout) ------------------------------- */

/* A money table in columns under a unit declaration; a cell wrapped onto the
 * next line; a page number and the header again after the page break. */
static void test_columns_money_table(void)
{
    const char *text = TITLE
        "单位：万元\n"                                                            /* 3 */
        "  资金来源        年初预算数    全年预算数    全年执行数    执行率\n"    /* 4 */
        "  合计            500.00        520.00        510.40        98.15%\n"    /* 5 */
        "  中央补助资金    300.00        300.00        300.00        100.00%\n"   /* 6 */
        "\n"
        "                              —3—\n"                                     /* 8 */
        "  资金来源        年初预算数    全年预算数    全年执行数    执行率\n"
        "  县级配套资金（  200.00        220.00        210.40        95.64%\n"    /* 10 */
        "  含追加）\n"                                                            /* 11 */
        "资金全部到位，按进度拨付。\n";                                           /* 12 */
    cJSON *root = convert(text);
    CHECK_INT(count(root, "tables"), 1);
    const cJSON *t = item(root, "tables", 0);
    CHECK_STR(S(t, "shape"), "columns");
    CHECK_NUM(t, "end_line", 11);
    CHECK_INT(count(t, "rows"), 3);
    CHECK_INT(count(root, "amounts"), 9);
    const cJSON *a = item(root, "amounts", 6);
    CHECK_STR(S(a, "row"), "县级配套资金(含追加)");      /* the wrapped cell joined */
    CHECK_STR(S(a, "column"), "年初预算数");
    CHECK_NUM(a, "value_wan", 200);
    CHECK_NUM(a, "line", 10);
    const cJSON *k = check_of(root, "column_adds_up", 0);
    CHECK(k && S(k, "status") && strcmp(S(k, "status"), "ok") == 0);
    cJSON_Delete(root);
}

/* Not tables: prose with double spaces, a signature line of three fields. */
static void test_columns_not_a_table(void)
{
    const char *text = TITLE
        "一、基本情况\n"
        "本单位  全年支出  120万元，  完成  全部任务。\n"
        "填表人：王某    联系电话：0731-1234567    填报日期：2024年3月1日\n"
        "评分标准    得分    分值\n"
        "以上内容由评价组填写，其中得分以复核结果为准，本表一式两份。\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "tables"), 0);
    CHECK_INT(count(root, "amounts"), 1);
    CHECK_STR(S(get(root, "document"), "preparer"), "王某");
    cJSON_Delete(root);
}


/* A figures table whose corner is one cell with its unit (项目资金(万元)). */
static void test_stream_corner_cell(void)
{
    static const char *const cells[] = {
        "项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", "80.00", "80.00", "76.00", "10", "95.00%", "9.5",
        "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
        "产出指标", "数量指标", "培训场次", "≥12场", "14场", "90", "88", "总分", "100", "97.5", NULL,
    };
    cJSON *root = convert_owned(one_line(cells));
    CHECK_INT(count(root, "amounts"), 3);
    CHECK_STR(S(item(root, "amounts", 2), "column"), "全年执行数");
    CHECK_STR(S(item(root, "amounts", 2), "unit"), "万元");
    CHECK_NUM(get(root, "scores"), "total", 97.5);
    cJSON_Delete(root);
}

/* A header cell broken at a conjunction: the piece after 及 (偏差原因 / 分析及
 * / 改进措施) and a piece starting with one (偏差原因分析 / 及改进措施) go on
 * with the cell; a piece ending a sentence is not joined. */
static void test_stream_header_conjunction(void)
{
    static const char *const cells[] = {
        "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析", "及改进措施",
        "产出指标", "数量指标", "培训场次", "≥12场", "14场", "50", "50",
        "效益指标", "社会效益指标", "参训合格率", "≥90%", "88%", "30", "25", "部分学员缺考，下期加强考勤",
        "满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", "20", "20", NULL,
    };
    cJSON *root = convert_owned(cell_lines(cells));
    CHECK_INT(count(root, "warnings"), 0);
    CHECK_INT(count(item(root, "tables", 0), "header"), 8);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(get(item(root, "tables", 0), "header"), 7)), "偏差原因分析及改进措施");
    CHECK_STR(S(item(root, "indicators", 1), "note"), "部分学员缺考,下期加强考勤");
    cJSON_Delete(root);

    static const char *const three[] = {
        "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因", "分析及", "改进措施",
        "产出指标", "数量指标", "巡查次数", "≥24次", "26次", "60", "60",
        "效益指标", "社会效益指标", "隐患整改率", "100%", "92%", "40", "35", "两处隐患待汛后处理，已列入下年计划", NULL,
    };
    root = convert_owned(cell_lines(three));
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(get(item(root, "tables", 0), "header"), 7)), "偏差原因分析及改进措施");
    CHECK_INT(count(root, "indicators"), 2);
    CHECK_STR(S(item(root, "indicators", 0), "level1"), "产出指标");     /* not 分析及 or 改进措施 */
    CHECK_STR(S(item(root, "indicators", 1), "note"), "两处隐患待汛后处理,已列入下年计划");
    CHECK(!has_level3(root, "改进措施"));
    cJSON_Delete(root);
}

/* Level names broken over lines (数量 / 指标, 社会效 / 益指标) and a level's
 * weight on a line of its own, its bracket perhaps lost ((60), 40分)): one
 * cell each. A placeholder row (……) is no name. Pieces that do not make a
 * level name are not joined: the names beyond the name columns go raw. */
static void test_stream_split_names(void)
{
    static const char *const cells[] = {
        "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
        "产出指标", "(60)", "数量", "指标", "巡河次数", "≥48次", "52次", "30", "30",
        "……",
        "时效", "指标", "巡河记录上报及时率", "100%", "100%", "30", "28",
        "效益指标", "40分)", "社会效", "益指标", "群众满意度", "≥90%", "93%", "40", "38",
        "生态", "效益", "河段", "水质达标率", "≥90%", "95%", "10", "10", NULL,
    };
    for (int shape = 0; shape < 2; shape++) {
        cJSON *root = convert_owned(shape ? one_line(cells) : cell_lines(cells));
        CHECK_INT(count(root, "indicators"), 4);
        const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1), *d = item(root, "indicators", 2);
        CHECK_STR(S(a, "level1"), "产出指标");
        CHECK_NUM(a, "level1_weight", 60);
        CHECK_STR(S(a, "level2"), "数量指标");
        CHECK_STR(S(a, "level3"), "巡河次数");
        CHECK_STR(S(b, "level1"), "产出指标");
        CHECK_STR(S(b, "level2"), "时效指标");
        CHECK_STR(S(b, "level3"), "巡河记录上报及时率");
        CHECK_STR(S(d, "level1"), "效益指标");
        CHECK_NUM(d, "level1_weight", 40);
        CHECK_STR(S(d, "level2"), "社会效益指标");
        CHECK_NUM(d, "score", 38);
        /* 生态 / 效益 / 河段: four names, no level name made; one is left out */
        CHECK(S(item(root, "indicators", 3), "level1") && strcmp(S(item(root, "indicators", 3), "level1"), "生态效益") != 0);
        CHECK(has_warning(root, "raw"));
        cJSON_Delete(root);
    }
}

/* A figures header with no corner before it, its first cell carrying the
 * unit with the closing bracket lost (年度预算申请 / (万元): the rows' 98.64%
 * stands under 执行率 only when that cell is the label column. Cells holding
 * label and figure after the row are rows of their own; the paragraph after
 * them is not. Without a percentage to say so, the first cell stays a column. */
static void test_stream_corner_first_cell(void)
{
    static const char *const cells[] = {
        "预算部门名称", "石枫乡测试站",
        "年度预算申请", "(万元", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", "520.30", "548.70", "541.26", "10", "98.64%", "9.86",
        "按收入性质分:548.70", "其中:一般公共预算:500.70", "政府性基金拨款:", "其他资金:48.00",
        "年度总体目标完成情况良好。", NULL,
    };
    {
        cJSON *root = convert_owned(cell_lines(cells));   /* too few cells for a one-line sheet */
        CHECK_INT(count(root, "amounts"), 6);
        const cJSON *a = item(root, "amounts", 0), *c = item(root, "amounts", 2), *e = item(root, "amounts", 4);
        CHECK_STR(S(a, "label"), "年度资金总额 年初预算数");
        CHECK_NUM(a, "value_wan", 520.30);
        CHECK_STR(S(c, "label"), "年度资金总额 全年执行数");
        CHECK_NUM(c, "value_wan", 541.26);
        CHECK_STR(S(item(root, "amounts", 3), "label"), "按收入性质分");
        CHECK_STR(S(e, "label"), "一般公共预算");
        CHECK_STR(S(e, "unit"), "万元");
        CHECK_NUM(item(root, "amounts", 5), "value_wan", 48);
        CHECK_INT(count(root, "warnings"), 0);
        cJSON_Delete(root);
    }
    static const char *const plain[] = {
        "项目名称", "渠道清淤", "年度预算申请", "(万元)", "全年预算数", "全年执行数",
        "年度资金总额", "60.00", "58.00", "57.50", NULL,
    };
    cJSON *root = convert_owned(cell_lines(plain));
    CHECK_INT(count(root, "amounts"), 3);
    CHECK_STR(S(item(root, "amounts", 0), "column"), "年度预算申请");
    CHECK_STR(S(item(root, "amounts", 2), "column"), "全年执行数");
    cJSON_Delete(root);
}

/* A table of figures whose rows are numbered (1、…, 其中:…): the numbers are
 * row labels, not headings, and not part of the row's name; a label whose
 * figures are blank is a row of its own when a placeholder ends it; the
 * heading after the table is a heading. Columns named with their year. */
static void test_stream_numbered_rows(void)
{
    const char *text = TITLE
        "经费控制情况(万元\n\n2022年决算数\n\n2023年预算数\n\n2023年决算数\n\n"
        "1、公务接待费\n\n1.20\n\n0.80\n\n0.70\n\n"
        "其中:外宾接待\n\n0.20\n\n0.10\n\n0.00\n\n"
        "2、专项业务费\n\n……\n\n"
        "3、办公费\n\n12.40\n\n11.00\n\n10.85\n\n"
        "二、绩效目标完成情况\n\n全年完成各项任务。\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "amounts"), 9);
    const cJSON *a = item(root, "amounts", 0), *p = item(root, "amounts", 4), *z = item(root, "amounts", 8);
    CHECK_STR(S(a, "label"), "公务接待费 2022年决算数");
    CHECK_STR(S(p, "row"), "外宾接待");
    CHECK_NUM(p, "parent", 1);
    CHECK_STR(S(z, "label"), "办公费 2023年决算数");
    CHECK_NUM(z, "value_wan", 10.85);
    CHECK_INT(count(root, "sections"), 1);
    CHECK_STR(S(item(root, "sections", 0), "title"), "绩效目标完成情况");
    CHECK_INT(count(root, "warnings"), 0);
    cJSON_Delete(root);
}

/* ---- rows of words between single spaces ------------------------------------------------------- */

/* A header of words naming three columns or more takes the lines below
 * holding a figure (merged cells: fewer words); one naming fewer takes only
 * lines of its width; a unit heading broken over short lines heads a list of
 * labels and figures. */
static void test_space_rows(void)
{
    const char *text = TITLE
        "一级指标 二级指标 三级指标 目标值\n"                  /* 3 */
        "产出指标 数量指标 巡查里程 ≥120公里\n"
        "巡查次数 ≥24次\n"                                     /* 5: merged levels */
        "效益指标 社会效益指标 群众满意度 ≥90%\n"
        "资金用途 支出科目 预算金额(万元)\n"                   /* 7: names one column */
        "日常办公 办公费 6.50\n"
        "设备维修 维修费 3.20\n"
        "预算\n"
        "(万元)\n"                                              /* 11 */
        "合计 9.70\n"
        "其中财政拨款 9.70\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "tables"), 3);
    CHECK_STR(S(item(root, "tables", 0), "shape"), "spaced");
    CHECK_INT(count(root, "indicators"), 3);
    CHECK_STR(S(item(root, "indicators", 1), "level1"), "产出指标");
    CHECK_STR(S(item(root, "indicators", 1), "level3"), "巡查次数");
    CHECK_STR(S(item(root, "indicators", 1), "target"), "≥24次");
    CHECK_NUM(item(root, "indicators", 1), "line", 5);
    CHECK_INT(count(root, "amounts"), 4);
    CHECK_STR(S(item(root, "amounts", 0), "label"), "办公费 预算金额");
    CHECK_NUM(item(root, "amounts", 1), "value_wan", 3.2);
    CHECK_STR(S(item(root, "amounts", 2), "label"), "合计");
    CHECK_NUM(item(root, "amounts", 3), "line", 13);
    cJSON_Delete(root);
}

/* Not tables of words: a header naming one column over a single row; a
 * header of three names over prose without figures; labels and figures
 * with no unit heading them (they stay prose: a warning, no amount). */
static void test_space_rows_not_tables(void)
{
    const char *text = TITLE
        "支出科目 资金用途 预算金额(万元)\n"
        "办公费 日常办公 6.50\n"
        "\n"
        "一级指标 二级指标 三级指标\n"
        "以上 指标 由 评价组 确定\n"
        "\n"
        "合计 9.70\n"
        "其中财政拨款 9.70\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "tables"), 0);
    CHECK_INT(count(root, "amounts"), 0);
    CHECK_INT(count(root, "indicators"), 0);
    CHECK(has_warning(root, "no unit"));
    cJSON_Delete(root);
}

/* Empty template rows (指标2 / ……) between rows, and a note column holding
 * a number (偏差原因 0): the row after an empty one keeps its own level names
 * (效益指标 / 经济效益 / 指标), the number after the score is the note. */
static void test_stream_template_rows(void)
{
    static const char *const cells[] = {
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出指标", "数量指标", "指标1新增座椅数", "40", "40", "30", "30", "0",
        "指标2", "……",
        "效益指标", "经济效益", "指标", "指标1场馆收入增长率", "5", "6", "30", "30", "0",
        "指标2", "……",
        "社会效益", "指标", "指标1开放天数", "300", "310", "40", "38", "设备检修停馆两周，已调整检修时段", NULL,
    };
    cJSON *root = convert_owned(cell_lines(cells));
    CHECK_INT(count(root, "indicators"), 3);
    const cJSON *a = item(root, "indicators", 0), *b = item(root, "indicators", 1), *d = item(root, "indicators", 2);
    CHECK_STR(S(a, "note"), "0");
    CHECK_NUM(a, "score", 30);
    CHECK_STR(S(b, "level1"), "效益指标");
    CHECK_STR(S(b, "level2"), "经济效益指标");
    CHECK_STR(S(b, "level3"), "指标1场馆收入增长率");
    CHECK_STR(S(b, "target"), "5");
    CHECK_STR(S(d, "level1"), "效益指标");
    CHECK_STR(S(d, "level2"), "社会效益指标");
    CHECK_NUM(d, "score", 38);
    CHECK(!has_level3(root, "指标2"));
    CHECK(!has_warning(root, "raw"));
    cJSON_Delete(root);
}

/* A figures row with a blank cell dropped: five figures under six columns.
 * Left-aligned, its 97.33% would stand under 分值; the one placement the
 * rate confirms (45.26 / 46.5) is taken. A row whose rate confirms no
 * placement stays raw. */
static void test_stream_dropped_figure(void)
{
    static const char *const cells[] = {
        "项目资金", "(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", "46.5", "45.26", "10", "97.33%", "9.7",
        "其中:财政拨款", "40.0", "39.1", "10", "80.00%", "8",
        "上年结转资金", "6.5", "6.5", "6.16", "5", "94.77%", "4.7", NULL,
    };
    cJSON *root = convert_owned(cell_lines(cells));
    CHECK_INT(count(root, "amounts"), 5);
    CHECK_STR(S(item(root, "amounts", 4), "label"), "上年结转资金 全年执行数");
    CHECK_STR(S(item(root, "amounts", 0), "column"), "全年预算数");
    CHECK_NUM(item(root, "amounts", 0), "value_wan", 46.5);
    CHECK_STR(S(item(root, "amounts", 1), "column"), "全年执行数");
    CHECK(has_warning(root, "raw"));
    cJSON_Delete(root);
}

/* ---- rows run together -------------------------------------------------------------------------- */

/* A glued row no split of which the rate confirms ends the table, with a
 * warning; a glued header without a rate column is not read. */
static void test_glued_uncertain(void)
{
    const char *text = TITLE
        "项目资金(万元)全年预算数全年执行数执行率\n"
        "年度资金总额52.450.396.00%\n"                 /* 50.3 / 52.4 = 95.99% */
        "其中:财政拨款1111100%\n"                      /* 11 | 11 | 100%, 1 | 11 | 1100% … */
        "地方资金20.420.2100%\n"
        "\n"
        "项目资金(万元)全年预算数全年执行数\n"
        "年度资金总额52.450.3\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "tables"), 1);
    CHECK_INT(count(item(root, "tables", 0), "rows"), 1);     /* 年度资金总额 only */
    CHECK_INT(count(root, "amounts"), 2);
    CHECK_NUM(item(root, "amounts", 1), "value_wan", 50.3);
    CHECK_STR(S(item(root, "amounts", 1), "column"), "全年执行数");
    CHECK(has_warning(root, "run together"));
    cJSON_Delete(root);
}

/* A list glued after its unit is read only when a total that is its sum
 * closes it, or when every label holds its colon: a total off by one, a
 * list with no total, a single labelled figure are not tables. Under a
 * column headed by its unit alone, a row that counts (人数) is no money. */
static void test_glued_list_uncertain(void)
{
    const char *text = TITLE
        "分配表村组补助经费(万元)备注一组4二组3三组2合计10\n"      /* 4 + 3 + 2 = 9 */
        "分配表村组补助经费(万元)备注一组4二组3三组2\n"             /* no total */
        "资金情况(万元)资金总额:12其他资金总体目标按期完成\n"       /* one figure */
        "分配表村组补助经费(万元)备注一组4二组3三组2合计9\n"       /* the sum: read */
        "资金情况(万元)资金总额:12参训人数:30\n";                    /* colons: read; 人数 is no money */
    cJSON *root = convert(text);
    CHECK_INT(count(root, "tables"), 2);
    CHECK_INT(count(root, "amounts"), 5);
    CHECK_STR(S(item(root, "amounts", 4), "label"), "资金总额");
    CHECK_NUM(item(root, "amounts", 0), "line", 6);
    CHECK_STR(S(item(root, "amounts", 3), "label"), "合计");
    CHECK_NUM(item(root, "amounts", 3), "value_wan", 9);
    cJSON_Delete(root);
}

/* A budget row that lost its blank 年初预算数 (six cells under seven): its
 * figures go where the rate puts them (46.17 / 48.6 = 95.00%), 10 under
 * 分值 and 9 under 得分, no money. A row whose rate places nothing keeps
 * unknown columns, and under a header with non-money columns its numbers
 * are not taken. */
static void test_budget_row_dropped_cell(void)
{
    const char *text = TITLE
        "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "年度资金总额\t48.6\t46.17\t10\t95.00%\t9\n"
        "其中:财政拨款\t30\t29\t10\t50.00%\t5\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "amounts"), 2);
    CHECK_STR(S(item(root, "amounts", 0), "column"), "全年预算数");
    CHECK_NUM(item(root, "amounts", 0), "value_wan", 48.6);
    CHECK_STR(S(item(root, "amounts", 1), "column"), "全年执行数");
    CHECK(has_warning(root, "no certain column"));
    const cJSON *rows = get(item(root, "tables", 0), "rows");
    CHECK_INT(cJSON_GetArraySize(cJSON_GetArrayItem(rows, 0)), 7);
    CHECK_INT(cJSON_GetArraySize(cJSON_GetArrayItem(rows, 1)), 6);
    cJSON_Delete(root);
}

/* A pipe row printed over two lines, its first cell alone on the first
 * (年度资金总额 | then | 48.6 | …): the cell is the row's label, and the
 * header's name cell alone above it names its label column; a row of figures
 * with no rate among them is not joined to the cell above it (nor read). */
static void test_wrapped_budget_rows(void)
{
    const char *text = TITLE
        "项目名称 | 苗木补植 |\n"
        "资金(万元) |\n"                                        /* 4 */
        "| 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 得分 |\n"
        "年度资金总额 |\n"                                     /* 6 */
        "| 48.6 | 46.17 | 95.00% | 9.5 |\n"                     /* 7: 年初预算数 blank */
        "其中:财政拨款 |\n"
        "| 40 | 38 | 38 | 95% | 9.5 |\n"                        /* 9: all its cells */
        "说明 |\n"
        "| 12 | 10 | 9 |\n"                                     /* 11: no rate */
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |\n"
        "产出指标 | 数量指标 | 补植面积 | ≥30亩 | 31亩 | 50 | 50 | 无 |\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "amounts"), 5);
    CHECK_STR(S(item(root, "amounts", 0), "label"), "年度资金总额 全年预算数");
    CHECK_NUM(item(root, "amounts", 0), "value_wan", 48.6);
    CHECK_NUM(item(root, "amounts", 0), "line", 7);
    CHECK_STR(S(item(root, "amounts", 1), "column"), "全年执行数");
    CHECK_STR(S(item(root, "amounts", 2), "label"), "财政拨款 年初预算数");
    CHECK_NUM(item(root, "amounts", 4), "value_wan", 38);
    CHECK_NUM(item(root, "amounts", 4), "line", 9);
    CHECK_INT(count(root, "indicators"), 1);
    cJSON_Delete(root);
}

/* A glued indicator table is read row by row while each boundary is
 * certain: a comparator target before a closed actual, or two percentages.
 * A row whose target has no such end (按时完成已完成: which 完成?) stops the
 * reading with a warning; the rows before it stay. */
static void test_glued_indicators_read(void)
{
    cJSON *root = convert(TITLE "见下表:一级指标二级指标三级指标指标值实际完成值产出指标数量指标培训班次>=6期已完成"
                          "质量指标结业合格率>=95%97%时效指标课程交付=按时完成已完成效益指标社会效益指标技能提升=明显已完成\n");
    CHECK_INT(count(root, "indicators"), 3);
    CHECK_STR(S(item(root, "indicators", 0), "level3"), "培训班次");
    CHECK_STR(S(item(root, "indicators", 0), "target"), ">=6期");
    CHECK_STR(S(item(root, "indicators", 0), "actual"), "已完成");
    CHECK_STR(S(item(root, "indicators", 1), "level2"), "质量指标");
    CHECK_STR(S(item(root, "indicators", 1), "target"), ">=95%");
    CHECK_STR(S(item(root, "indicators", 1), "actual"), "97%");
    /* 按时完成已完成: which 完成 ends the target is not certain; the next
     * group (a level word) is */
    CHECK(has_warning(root, "no certain split"));
    CHECK_STR(S(item(root, "indicators", 2), "level1"), "效益指标");
    CHECK_STR(S(item(root, "indicators", 2), "level2"), "社会效益指标");
    CHECK_STR(S(item(root, "indicators", 2), "level3"), "技能提升");
    CHECK_STR(S(item(root, "indicators", 2), "actual"), "已完成");
    cJSON_Delete(root);
}

/* Two figures ending with the same unit are a target and an actual
 * (50人52人); a unit the figures do not end with (五十人) leaves the row
 * unread, the table said. */
static void test_glued_indicators_warned(void)
{
    cJSON *root = convert(TITLE "一级指标二级指标三级指标年度指标值实际完成值产出指标数量指标培训人数50人52人\n");
    CHECK_INT(count(root, "indicators"), 1);
    CHECK_STR(S(item(root, "indicators", 0), "target"), "50人");
    CHECK_STR(S(item(root, "indicators", 0), "actual"), "52人");
    cJSON_Delete(root);
    root = convert(TITLE "一级指标二级指标三级指标年度指标值实际完成值产出指标数量指标培训人数五十人五十二人\n");
    CHECK_INT(count(root, "indicators"), 0);
    CHECK(has_warning(root, "run together"));
    cJSON_Delete(root);
    root = convert(TITLE "一级指标 二级指标 三级指标 年度指标值 实际完成值\n全年完成各项培训任务。\n");
    CHECK(!has_warning(root, "run together"));
    cJSON_Delete(root);
}

/* A space left in a glued table stands inside a cell (产 出 指 标), and a
 * name never runs over a level word: a row whose end is not certain
 * (00, no unit) is skipped up to the next group, whose level-1 word the
 * rows after it keep. */
static void test_glued_indicators_spaced(void)
{
    cJSON *root = convert(TITLE "一级 指标二级 指标三级指标年度指标 值全年 完成值产 出 指 标数量 指标巡查里 程40公里40公里"
                          "事故起数00质量 指标路灯完 好率98%99%\n");
    CHECK_INT(count(root, "indicators"), 2);
    CHECK_STR(S(item(root, "indicators", 0), "level1"), "产出指标");
    CHECK_STR(S(item(root, "indicators", 0), "level2"), "数量指标");
    CHECK_STR(S(item(root, "indicators", 0), "level3"), "巡查里程");
    CHECK_STR(S(item(root, "indicators", 0), "target"), "40公里");
    CHECK_STR(S(item(root, "indicators", 1), "level1"), "产出指标");
    CHECK_STR(S(item(root, "indicators", 1), "level2"), "质量指标");
    CHECK_STR(S(item(root, "indicators", 1), "level3"), "路灯完好率");
    CHECK_STR(S(item(root, "indicators", 1), "actual"), "99%");
    CHECK(has_warning(root, "事故起数00"));
    cJSON_Delete(root);
}

/* A table printed a row per line: a line break ends a row. The levels of
 * a row that could not be read go on to the row below it; a level word
 * printed twice (a merged cell) is one. */
static void test_glued_indicators_lines(void)
{
    cJSON *root = convert(TITLE "一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施\n"
                          "产出指标数量指标数量指标送餐人次≥3000人次3120人次\n"
                          "时效指标送达时间午间送达已完成\n"
                          "效益指标社会效益指标老人就餐便利明显提升明显提升\n"
                          "可持续影响指标长期运营站点≥5个5个\n"
                          "本项目总体运行良好。\n");
    CHECK_INT(count(root, "indicators"), 2);
    CHECK_STR(S(item(root, "indicators", 0), "level2"), "数量指标");
    CHECK_STR(S(item(root, "indicators", 0), "level3"), "送餐人次");
    CHECK_STR(S(item(root, "indicators", 0), "target"), "≥3000人次");
    CHECK_STR(S(item(root, "indicators", 0), "actual"), "3120人次");
    CHECK_NUM(item(root, "indicators", 0), "line", 4);
    CHECK_STR(S(item(root, "indicators", 1), "level1"), "效益指标");
    CHECK_STR(S(item(root, "indicators", 1), "level2"), "可持续影响指标");
    CHECK_STR(S(item(root, "indicators", 1), "level3"), "长期运营站点");
    CHECK_NUM(item(root, "indicators", 1), "line", 6);   /* its level-1 cell, held from line 6 */
    cJSON_Delete(root);
}

/* Under a note column (未完成原因) a target not met may be followed by its
 * note: what comes before the next level word is not read as a row. */
static void test_glued_indicators_note(void)
{
    cJSON *root = convert(TITLE "一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施产出指标数量指标"
                          "维修水渠12条10条资金未到位设备保有率100%100%质量指标验收合格率100%100%\n");
    CHECK_INT(count(root, "indicators"), 2);
    CHECK_STR(S(item(root, "indicators", 0), "level3"), "维修水渠");
    CHECK_STR(S(item(root, "indicators", 1), "level3"), "验收合格率");
    CHECK(has_warning(root, "资金未到位"));
    cJSON_Delete(root);
}

/* A pipe row padded with empty cells is as wide as its header: its 0.1 is
 * under 执行率 and its 2.9 under 得分, no money; 650 and 94 have columns. */
static void test_padded_budget_row(void)
{
    const char *text = TITLE
        "预算执行情况(万元)(20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |\n"
        "年度财政资金总额 | 650 | 94 | 0.1 | 2.9 | ||\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "amounts"), 2);
    CHECK_STR(S(item(root, "amounts", 0), "column"), "预算数(A)");
    CHECK_STR(S(item(root, "amounts", 1), "column"), "执行数(B)");
    CHECK_NUM(item(root, "amounts", 1), "value_wan", 94);
    cJSON_Delete(root);
}

/* ---- a pipe table printed one cell per line ------------------------------------------------------ */

/* Rows without opening pipes, every cell printed (no merged cells): read
 * by position. A row that does not fit its columns (a figure under 三级指标)
 * ends the table: the rows after it are not read shifted. */
static void test_piped_cells(void)
{
    const char *text = TITLE
        "一级指标 |\n二级指标 |\n三级指标 |\n分值 |\n得分 |\n"
        "产出指标 |\n数量指标 |\n发放补贴户数 |\n40 |\n40 |\n"
        "|\n"
        "产出指标 |\n时效指标 |\n补贴发放及时率 |\n30 |\n27 |\n"
        "效益指标 |\n社会效益指标 |\n受益群众满意度 |\n30 |\n30 |\n"
        "满意度指标 |\n群众满意度 |\n30 |\n30 |\n"           /* a cell lost: 30 under 三级指标 */
        "效益指标 |\n可持续影响指标 |\n设施使用年限 |\n10 |\n10 |\n";
    cJSON *root = convert(text);
    CHECK_INT(count(root, "tables"), 1);
    CHECK_INT(count(root, "indicators"), 3);
    CHECK_STR(S(item(root, "indicators", 1), "level2"), "时效指标");
    CHECK_NUM(item(root, "indicators", 1), "score", 27);
    CHECK_NUM(item(root, "indicators", 2), "line", 19);
    CHECK(!has_level3(root, "30"));
    CHECK(!has_level3(root, "设施使用年限"));
    cJSON_Delete(root);

    /* too few cells naming columns: no table, the lines stay paragraphs */
    root = convert(TITLE "分值 |\n得分 |\n10 |\n9 |\n");
    CHECK_INT(count(root, "tables"), 0);
    cJSON_Delete(root);
}

/* Known gaps, kept visible. */
static void test_known_gaps(void)
{
#if 0 /* BUG: in a table laid out with spaces, a merged level cell printed at
       * the middle of its rows (产出指标 on the second of three lines) is read
       * as the level of that row only: the row above lacks it and the row
       * itself loses its level 2 (lib/columns.c:161 starts a row by its
       * figures; lib/indicators.c:207 resets level 2 under a new level 1). */
    {
    const char *text = TITLE
        "  一级指标  二级指标    三级指标            分值  得分\n"
        "            数量指标    培训场次            10    10\n"
        "  产出指标              培训人数            10    9\n"
        "            质量指标    培训合格率          10    10\n";
    cJSON *root = convert(text);
    CHECK_STR(S(item(root, "indicators", 0), "level1"), "产出指标");
    CHECK_STR(S(item(root, "indicators", 1), "level2"), "数量指标");
    cJSON_Delete(root);
    }
#endif
}

int main(void)
{
    baogao_error err;
    patterns = baogao_patterns_load(NULL, &err);
    if (!patterns) {
        fprintf(stderr, "patterns: %s\n", err.message);
        return 1;
    }
    test_header_broken_over_lines();
    test_two_row_header_cells();
    test_two_row_header_rows();
    test_header_repeated_after_page_break();
    test_shifted_rows();
    test_row_split_by_blank_line();
    test_name_repeated_cells();
    test_name_repeated_rows();
    test_pipe_merged_cells();
    test_weight_in_level_name();
    test_weights_used_up();
    test_table_break();
    test_achieved();
    test_total_row();
    test_project_list();
    test_map_row_direct();
    test_pipe_rows_counted();
    test_pipe_rows_not_counted();
    test_pipe_caption();
    test_map_row_checked();
    test_group_rows();
    test_comparators();
    test_word_rows();
    test_stream_indicator_table();
    test_stream_note_column();
    test_stream_figure_table();
    test_stream_uncertain_rows();
    test_stream_not_a_table();
    test_columns_money_table();
    test_columns_not_a_table();
    test_stream_corner_cell();
    test_stream_header_conjunction();
    test_stream_split_names();
    test_stream_corner_first_cell();
    test_stream_numbered_rows();
    test_space_rows();
    test_space_rows_not_tables();
    test_stream_template_rows();
    test_stream_dropped_figure();
    test_glued_uncertain();
    test_piped_cells();
    test_glued_list_uncertain();
    test_padded_budget_row();
    test_glued_indicators_warned();
    test_glued_indicators_read();
    test_glued_indicators_spaced();
    test_glued_indicators_lines();
    test_glued_indicators_note();
    test_budget_row_dropped_cell();
    test_wrapped_budget_rows();
    test_known_gaps();
    baogao_patterns_free(patterns);
    return CHECK_DONE("test_tables");
}
