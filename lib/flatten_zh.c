/* flatten_zh.c — the flat tables' column names in Chinese, for the header
 * row of a spreadsheet an analyst reads (baogao --headers zh). Each list has
 * the columns of its table in flatten.c, in the same order; a unit test
 * holds them to the same length. Names follow the reports' own words (口径,
 * 所属年度, 指标值, 实际完成值); where an English name has two meanings in
 * Chinese (unit: 单位 the organization, 计量单位 the money unit) they differ. */
#include <stddef.h>

#include "baogao.h"

#define PREFIX "文件", "单位", "年度", "报告类型"

static const char *const documents_zh[] = {
    PREFIX, "标题", "填报日期", "总得分", "满分", "评价等级", "填报人", "联系电话",
    "章节数", "金额数", "指标数", "项目数", "核对数", "不符数", "警告数",
    "编码", "字节数", "行数", "SHA-256", NULL
};
static const char *const sections_zh[] = { PREFIX, "编号", "标题", "层级", "所在章节", "行号", NULL };
static const char *const amounts_zh[] = {
    PREFIX, "名称", "金额(万元)", "原文数值", "计量单位", "单位来源", "限定", "上限数值", "上限(万元)",
    "计价单位", "出处", "所在章节", "表格行", "表格列", "序号", "所属合计序号", "原文", "行号",
    "收支项目", "口径", "所属年度", "同一数据序号", NULL
};
static const char *const indicators_zh[] = {
    PREFIX, "一级指标", "一级指标分值", "二级指标", "二级指标分值", "三级指标", "指标分类",
    "指标值", "指标值比较符", "指标值数值", "指标值单位",
    "实际完成值", "完成值比较符", "完成值数值", "完成值单位", "是否达成",
    "分值", "得分", "指标内容", "评价标准", "偏差原因及改进措施", "行号", "表格行号", NULL
};
static const char *const projects_zh[] = {
    PREFIX, "序号", "项目名称", "计量单位", "预算数", "执行数", "结余交回",
    "预算数(万元)", "执行数(万元)", "结余交回(万元)", "自评得分", "绩效目标", "完成情况", "行号", NULL
};
static const char *const scores_zh[] = {
    PREFIX, "名称", "分值", "得分", "出处", "行号", "序号", "层级", "上级序号", NULL
};
static const char *const checks_zh[] = {
    PREFIX, "规则", "结果", "报告所述", "核算所得", "行号", "说明", NULL
};
static const char *const facts_zh[] = {
    PREFIX, "收支项目", "口径", "所属年度", "金额(万元)", "陈述次数", "首次序号", "首次行号", "首次出处", "首次名称", NULL
};

static const char *const *const zh[BAOGAO_TABLE_COUNT] = {
    [BAOGAO_TABLE_DOCUMENTS] = documents_zh, [BAOGAO_TABLE_SECTIONS] = sections_zh,
    [BAOGAO_TABLE_AMOUNTS] = amounts_zh, [BAOGAO_TABLE_INDICATORS] = indicators_zh,
    [BAOGAO_TABLE_PROJECTS] = projects_zh, [BAOGAO_TABLE_SCORES] = scores_zh,
    [BAOGAO_TABLE_CHECKS] = checks_zh, [BAOGAO_TABLE_FACTS] = facts_zh,
};

const char *const *baogao_table_columns_zh(baogao_table table)
{
    return (unsigned)table < BAOGAO_TABLE_COUNT ? zh[table] : NULL;
}
