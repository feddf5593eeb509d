/* test_layout.c — stage 3: tables of each shape, noise lines, and the joining
 * of hard-wrapped lines into paragraphs (built-in [layout] rules). */
#include "check.h"
#include "result.h"
#include "text.h"

#include <stdlib.h>

static baogao_patterns *P;

typedef struct {
    bg_text t;
    bg_layout l;
    bg_warnings w;
} doc;

static void build(doc *d, const char *in)
{
    bg_decoded dec;
    baogao_error err;
    memset(d, 0, sizeof *d);
    if (bg_decode((const unsigned char *)in, strlen(in), NULL, 0, &dec, &d->w, &err) < 0)
        abort();
    bg_normalize(&dec, &d->t, &d->w);
    bg_decoded_free(&dec);
    bg_matcher m;
    bg_matcher_init(&m, &d->w);
    bg_layout_build(&d->t, &P->layout, &P->headings, &m, &d->l);
    bg_matcher_free(&m);
}

static void done(doc *d)
{
    bg_layout_free(&d->l);
    bg_text_free(&d->t);
    bg_warnings_free(&d->w);
}

static const bg_block *blk(const doc *d, size_t i)
{
    static const bg_block none;
    return i < d->l.n ? &d->l.blocks[i] : &none;
}

/* Cell text, "" when missing, so a wrong shape fails a check, not the run. */
static const char *cell(const bg_block *b, size_t r, size_t c)
{
    if (b->kind != BG_BLOCK_TABLE || r >= b->table.n || c >= b->table.rows[r].n)
        return "<none>";
    return b->table.rows[r].cells[c].s;
}

static size_t ncells(const bg_block *b, size_t r)
{
    return b->kind == BG_BLOCK_TABLE && r < b->table.n ? b->table.rows[r].n : 0;
}

static void test_tab_rows(void)
{
    doc d;
    build(&d, "资金情况表\n项目\t预算数\t执行数\n基本支出\t100\t\n\n合计\t\t98\n说明文字\n");
    CHECK_INT(d.l.n, 3);
    CHECK_STR(blk(&d, 0)->text.s, "资金情况表");
    const bg_block *b = blk(&d, 1);
    CHECK_INT(b->kind, BG_BLOCK_TABLE);
    CHECK_INT(b->table.shape, BG_SHAPE_TAB_ROWS);
    CHECK_INT(b->table.n, 3);
    CHECK_INT(b->line, 2);
    CHECK_INT(b->end_line, 5);
    CHECK_STR(cell(b, 0, 2), "执行数");
    CHECK_INT(ncells(b, 1), 3);
    CHECK_STR(cell(b, 1, 2), "");
    CHECK_STR(cell(b, 2, 0), "合计");
    CHECK_STR(cell(b, 2, 1), "");
    CHECK_STR(cell(b, 2, 2), "98");
    CHECK_INT(b->table.n == 3 ? b->table.rows[2].line : 0, 5);
    /* a text line right after a row ends the table */
    CHECK_STR(blk(&d, 2)->text.s, "说明文字");
    CHECK_INT(blk(&d, 2)->line, 6);
    CHECK_INT(d.l.nlines, 7);
    CHECK_INT(d.l.line_kind[1], BG_LINE_TABLE);
    CHECK_INT(d.l.line_kind[3], BG_LINE_TABLE);     /* the blank inside */
    CHECK_INT(d.l.line_kind[5], BG_LINE_TEXT);
    /* the map of a cell points at its bytes in the normalized text */
    const bg_piece *p = &b->table.rows[1].cells[1];
    CHECK(p->len == 3 && memcmp(d.t.s + bg_piece_pos(p, 0), "100", 3) == 0);
    CHECK_INT(bg_text_line(&d.t, bg_piece_pos(p, 0)), 3);
    done(&d);
}

static void test_tab_cells(void)
{
    doc d;
    build(&d, "报告标题\n"
              "\t单位名称\n\t某某局\n\n"
              "\t基本支出总额（万元）\n\t132.59\n\t项目支出总\n额（万元）\n\t\n\t813.27\n\n"
              "正文段落。\n");
    CHECK_INT(d.l.n, 3);
    const bg_block *b = blk(&d, 1);
    CHECK_INT(b->kind, BG_BLOCK_TABLE);
    CHECK_INT(b->table.shape, BG_SHAPE_TAB_CELLS);
    CHECK_INT(b->line, 2);
    CHECK_INT(b->end_line, 10);
    CHECK_INT(b->table.n, 2);
    CHECK_INT(ncells(b, 0), 2);
    CHECK_STR(cell(b, 0, 0), "单位名称");
    CHECK_STR(cell(b, 0, 1), "某某局");
    CHECK_INT(ncells(b, 1), 5);
    CHECK_STR(cell(b, 1, 0), "基本支出总额(万元)");
    CHECK_STR(cell(b, 1, 2), "项目支出总额(万元)");
    CHECK_STR(cell(b, 1, 3), "");
    CHECK_STR(cell(b, 1, 4), "813.27");
    if (ncells(b, 1) == 5) {
        const bg_piece *c = &b->table.rows[1].cells[2];
        CHECK_INT(c->line, 7);
        CHECK_INT(c->end_line, 8);
        CHECK_INT(bg_text_line(&d.t, bg_piece_pos(c, 0)), 7);
        CHECK_INT(bg_text_line(&d.t, bg_piece_pos(c, 15)), 8);   /* 额 */
        CHECK_INT(b->table.rows[1].line, 5);
    }
    CHECK_INT(d.l.line_kind[7], BG_LINE_TABLE);         /* the continuation line */
    CHECK_STR(blk(&d, 2)->text.s, "正文段落。");
    CHECK_INT(blk(&d, 2)->line, 12);
    done(&d);
}

static void test_pipe(void)
{
    doc d;
    build(&d, "单位:万元\n"
              "一级指标 | 二级指标 | 指标值 |\n"
              "|---|:--:|---|\n"
              "产出指标 | 数量指标 | ≥12公里 |\n"
              "|| 质量指标 | 100% |||\n"
              "| 效益 | 满意度 | 95% |\n"
              "正文。\n");
    CHECK_INT(d.l.n, 3);
    const bg_block *b = blk(&d, 1);
    CHECK_INT(b->kind, BG_BLOCK_TABLE);
    CHECK_INT(b->table.shape, BG_SHAPE_PIPE);
    CHECK_INT(b->line, 2);
    CHECK_INT(b->end_line, 6);
    CHECK_INT(b->table.n, 4);                   /* the separator row carries no cells */
    CHECK_INT(ncells(b, 0), 3);
    CHECK_STR(cell(b, 0, 2), "指标值");
    CHECK_STR(cell(b, 1, 2), "≥12公里");
    CHECK_INT(b->table.n == 4 ? b->table.rows[1].line : 0, 4);
    /* "||" at the start: the border, then one empty cell; the rest empty too */
    CHECK_INT(ncells(b, 2), 5);
    CHECK_STR(cell(b, 2, 0), "");
    CHECK_STR(cell(b, 2, 1), "质量指标");
    CHECK_STR(cell(b, 2, 2), "100%");
    CHECK_STR(cell(b, 2, 3), "");
    /* a leading border is not an empty cell */
    CHECK_INT(ncells(b, 3), 3);
    CHECK_STR(cell(b, 3, 0), "效益");
    CHECK_STR(cell(b, 3, 2), "95%");
    CHECK_INT(d.l.line_kind[2], BG_LINE_TABLE);
    CHECK_STR(blk(&d, 2)->text.s, "正文。");
    done(&d);

    /* one '|' in prose is not a table */
    build(&d, "收入|支出说明\n");
    CHECK_INT(d.l.n, 1);
    CHECK_INT(blk(&d, 0)->kind, BG_BLOCK_PARA);
    done(&d);
}

/* Text after a cell-per-line table. */
static void test_after_cells(void)
{
    doc d;
    build(&d, "\t单位名称\n\t某某局\n\n正文段落说明。\n");
    CHECK_INT(d.l.n, 2);
    CHECK_INT(blk(&d, 1)->kind, BG_BLOCK_PARA);
    CHECK_INT(blk(&d, 0)->end_line, 2);
    done(&d);
#if 1
    /* Regression (fixed): layout.c:331 ends a cell-per-line table at a text line only when
     * the line just before it is blank; a page-number line after the blank
     * hides it, so the paragraph below becomes a row of the table. */
    build(&d, "\t单位名称\n\t某某局\n\n— 7 —\n正文段落说明。\n");
    CHECK_INT(d.l.n, 2);
    CHECK_INT(blk(&d, 1)->kind, BG_BLOCK_PARA);
    done(&d);
    /* BUG: paragraphs indented with one TAB read as a cell-per-line table,
     * and layout.c:330-333 takes the numbered heading under one as a cell
     * continuation: "二、支出情况" is lost inside a cell. */
    build(&d, "一、概况\n\t本单位是区政府工作部门，主要职责是负责全区的财政工作。\n二、支出情况\n\t全年支出100万元。\n");
    CHECK_INT(blk(&d, 2)->kind, BG_BLOCK_PARA);
    CHECK_INT(blk(&d, 2)->has_marker, 1);
    done(&d);
#endif
}

static void test_sheet(void)
{
    char line[2048] = "项目支出绩效自评表 (2022年度) 项目名称 渠道维修 项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分";
    int tokens = 11;
    while (tokens < 44) {
        strcat(line, tokens % 2 ? " 38.5" : " 年度资金总额");
        tokens++;
    }
    char in[2200];
    snprintf(in, sizeof in, "前言\n%s\n后记\n", line);
    doc d;
    build(&d, in);
    CHECK_INT(d.l.n, 3);
    const bg_block *b = blk(&d, 1);
    CHECK_INT(b->kind, BG_BLOCK_TABLE);
    CHECK_INT(b->table.shape, BG_SHAPE_SPACED);
    CHECK_INT(b->table.n, 1);
    CHECK_INT(ncells(b, 0), 44);
    CHECK_STR(cell(b, 0, 0), "项目支出绩效自评表");
    CHECK_STR(cell(b, 0, 1), "(2022年度)");
    CHECK_STR(cell(b, 0, 12), "年度资金总额");
    CHECK_STR(cell(b, 0, 43), "38.5");
    CHECK_INT(b->line, 2);
    CHECK_INT(d.l.line_kind[1], BG_LINE_TABLE);
    done(&d);

    /* 39 tokens are prose with spaces, not a sheet */
    strcpy(line, "a");
    for (int i = 1; i < 39; i++)
        strcat(line, " 12");
    build(&d, line);
    CHECK_INT(blk(&d, 0)->kind, BG_BLOCK_PARA);
    done(&d);
    /* 44 long tokens are not a sheet either (average above 12 characters) */
    line[0] = '\0';
    for (int i = 0; i < 44; i++)
        strcat(line, i ? " 部门整体支出绩效自评报告正文" : "部门整体支出绩效自评报告正文");
    build(&d, line);
    CHECK_INT(blk(&d, 0)->kind, BG_BLOCK_PARA);
    done(&d);
}

static void test_noise(void)
{
    doc d;
    build(&d, "您现在所在的位置：首页 > 政务公开\n"
              "部门整体支出绩效自评报告\n"
              "—7—\n- 8 -\n第9页\n第 3 页 共 10 页\n3/10\n"
              "【字体：大 中 小】 【打印】\n"
              "正文。\n");
    CHECK_INT(d.l.n, 2);
    CHECK_STR(blk(&d, 0)->text.s, "部门整体支出绩效自评报告");
    CHECK_STR(blk(&d, 1)->text.s, "正文。");
    CHECK_INT(blk(&d, 1)->line, 9);
    for (int k = 2; k <= 7; k++)
        CHECK_INT(d.l.line_kind[k], BG_LINE_NOISE);
    CHECK_INT(d.l.line_kind[0], BG_LINE_NOISE);
    done(&d);

    /* numbers that are not page numbers stay */
    build(&d, "7\n2023\n第9页说明\n");
    CHECK_INT(d.l.line_kind[0], BG_LINE_TEXT);
    CHECK_INT(d.l.line_kind[2], BG_LINE_TEXT);
    done(&d);
}

/* A document-sharing site's pages (1、 2、 after its 由会员分享 line) go on
 * from each other: a break inside a figure or a sentence is no paragraph
 * break, and the page numbers are neither headings nor text. Numbered
 * lines anywhere else stay what they are. */
static void test_shared_pages(void)
{
    doc d;
    build(&d, "《某某项目绩效自评报告.docx》由会员分享,可在线阅读,更多相关请在某文库上搜索。\n"
              "1、某某项目绩效自评报告本年度安排项目资金86\n"
              "2、.5万元,用于乡道养护。\n"
              "3、二、项目绩效全年养护里程120公里。\n");
    CHECK_INT(d.l.page_mark[0], 0);
    CHECK_INT(d.l.page_mark[1], 4);     /* 1、 */
    CHECK_INT(d.l.page_mark[2], 4 | BG_PAGE_CONT);
    CHECK_INT(d.l.page_mark[3], 4 | BG_PAGE_CONT);
    CHECK_STR(blk(&d, 1)->text.s, "某某项目绩效自评报告本年度安排项目资金86.5万元,用于乡道养护。");
    CHECK_INT(blk(&d, 1)->line, 2);
    CHECK_INT(blk(&d, 1)->end_line, 3);
    CHECK(blk(&d, 2)->has_marker);      /* a heading at a page's break stays one */
    CHECK_STR(blk(&d, 2)->text.s, "二、项目绩效全年养护里程120公里。");
    done(&d);

    /* no site line: a numbered list is a list */
    build(&d, "1、养护乡道。\n2、修复涵洞。\n");
    CHECK_INT(d.l.page_mark[0], 0);
    CHECK_INT(d.l.page_mark[1], 0);
    CHECK_INT(d.l.n, 2);
    done(&d);
    /* pages out of order are not the site's */
    build(&d, "由会员分享,可在线阅读\n1、第一页\n3、第三页\n");
    CHECK_INT(d.l.page_mark[1], 4);
    CHECK_INT(d.l.page_mark[2], 0);
    done(&d);
}

static void test_join(void)
{
    doc d;
    /* a PDF wrap inside a number and its unit, across a page number */
    build(&d, "2022年部门年初预算收入1486.75万元，其中基本支出 208.\n"
              "—7—\n"
              "50 万元，项目支出12万元。\n"
              "下一段。\n");
    CHECK_INT(d.l.n, 2);
    const bg_block *b = blk(&d, 0);
    CHECK_STR(b->text.s, "2022年部门年初预算收入1486.75万元,其中基本支出 208.50 万元,项目支出12万元。");
    CHECK_INT(b->line, 1);
    CHECK_INT(b->end_line, 3);
    const char *at = strstr(b->text.s, "208.50");
    if (at) {
        size_t i = (size_t)(at - b->text.s);
        CHECK_INT(bg_text_line(&d.t, bg_piece_pos(&b->text, i)), 1);        /* 2 */
        CHECK_INT(bg_text_line(&d.t, bg_piece_pos(&b->text, i + 3)), 1);    /* . */
        CHECK_INT(bg_text_line(&d.t, bg_piece_pos(&b->text, i + 4)), 3);    /* 5 */
        CHECK(memcmp(d.t.s + bg_piece_pos(&b->text, i + 4), "50", 2) == 0);
    } else
        CHECK(at != NULL);
    CHECK_INT(bg_piece_pos(&b->text, b->text.len), d.t.lines[2] + strlen("50 万元,项目支出12万元。"));
    CHECK_STR(blk(&d, 1)->text.s, "下一段。");
    done(&d);

    /* no spaces around the wrap: the number comes out whole */
    build(&d, "本年度部门整体支出执行情况良好，全年支出208.\n50万元。\n");
    CHECK_INT(d.l.n, 1);
    CHECK(strstr(blk(&d, 0)->text.s, "支出208.50万元。") != NULL);
    done(&d);

    /* Latin words meeting at a wrap get a space; digits do not */
    build(&d, "The department reported its annual budget\nperformance for the whole year as 12\n34 units.\n");
    CHECK_STR(blk(&d, 0)->text.s, "The department reported its annual budget performance for the whole year as 1234 units.");
    done(&d);

    /* no join after a sentence end, a colon, or a short line */
    build(&d, "本单位认真贯彻落实各项决策部署，圆满完成全年工作任务。\n下一段开始。\n"
              "现将有关情况报告如下，具体内容包括以下几个方面：\n内容。\n"
              "部门概况\n本部门是区政府工作部门。\n");
    CHECK_INT(d.l.n, 6);
    CHECK_STR(blk(&d, 1)->text.s, "下一段开始。");
    CHECK_STR(blk(&d, 3)->text.s, "内容。");
    CHECK_STR(blk(&d, 4)->text.s, "部门概况");
    done(&d);

    /* a short line ending in 、 or , continues */
    build(&d, "主要包括人员经费、\n公用经费。\n经费包括:工资,\n福利。\n");
    CHECK_INT(d.l.n, 2);
    CHECK_STR(blk(&d, 0)->text.s, "主要包括人员经费、公用经费。");
    CHECK_STR(blk(&d, 1)->text.s, "经费包括:工资,福利。");
    done(&d);

    /* a numbered line starts a paragraph; a short one is never continued */
    build(&d, "本单位认真贯彻落实各项决策部署，圆满完成了全年的工作任务和\n"
              "一、部门基本情况\n本部门内设机构五个。\n");
    CHECK_INT(d.l.n, 3);
    CHECK_INT(blk(&d, 1)->has_marker, 1);
    CHECK_INT(blk(&d, 1)->mk.ordinal, 1);
    CHECK_STR(blk(&d, 1)->text.s + blk(&d, 1)->mk.title_start, "部门基本情况");
    done(&d);
}

static void test_join_blank(void)
{
    doc d;
    /* over a blank line only after a long line (60+ characters) ... */
    build(&d, "为进一步加强财政支出管理，提高财政资金使用效益，根据县财政局关于认真做好二〇二三年度项目支出绩效自评工作的通知要求，我局对本\n"
              "\n"
              "年度项目开展了绩效自评。\n");
    CHECK_INT(d.l.n, 1);
    CHECK(strstr(blk(&d, 0)->text.s, "我局对本年度项目") != NULL);
    CHECK_INT(blk(&d, 0)->end_line, 3);
    CHECK_INT(d.l.line_kind[1], BG_LINE_BLANK);
    done(&d);

    /* ... not after a 30-character one ... */
    build(&d, "本单位认真贯彻落实各项决策部署，全面完成全年各项工作任务和\n\n年度目标。\n");
    CHECK_INT(d.l.n, 2);
    done(&d);

    /* ... or after a line ending in 、 or , */
    build(&d, "资金用于办公设备、\n\n差旅费用。\n资金用于办公设备,\n\n\n差旅。\n");
    CHECK_INT(d.l.n, 2);
    CHECK_STR(blk(&d, 0)->text.s, "资金用于办公设备、差旅费用。");
    CHECK_STR(blk(&d, 1)->text.s, "资金用于办公设备,差旅。");
    done(&d);
}

static void test_pieces(void)
{
    doc d;
    build(&d, "  第一行  \n\xE3\x80\x80一、标题 \n");
    bg_piece p;
    bg_piece_of_line(&d.t, 0, &p);
    CHECK_STR(p.s, "第一行");
    CHECK_INT(p.line, 1);
    CHECK_INT(bg_piece_pos(&p, 0), 2);
    CHECK_INT(bg_piece_pos(&p, p.len), 11);
    CHECK_INT(bg_piece_chars(&p), 3);
    bg_piece_free(&p);
    bg_piece_of_line(&d.t, 1, &p);
    CHECK_STR(p.s, "一、标题");
    CHECK_INT(p.line, 2);
    bg_piece_free(&p);
    bg_piece_of_line(&d.t, 2, &p);          /* the empty last line */
    CHECK_STR(p.s, "");
    CHECK_INT(p.len, 0);
    bg_piece_free(&p);
    done(&d);
}

/* Pieces put together and cut apart keep, byte by byte, the offset of the
 * text each byte came from (cell streams and column tables build their cells
 * so). */
static void test_piece_runs(void)
{
    doc d;
    build(&d, "ab\ncd  ef\n\n");       /* offsets: a0 b1 \n2 c3 d4 . . e7 f8 */
    bg_piece l1, l2, joined = { 0 }, cut, empty = { 0 };
    bg_piece_of_line(&d.t, 0, &l1);
    bg_piece_of_line(&d.t, 1, &l2);
    bg_piece_append(&joined, &l1);
    bg_piece_append(&joined, &l2);
    bg_piece_finish(&joined);
    CHECK_STR(joined.s, "abcd  ef");
    static const size_t want[] = { 0, 1, 3, 4, 5, 6, 7, 8, 9 };
    int ok = 1;
    for (size_t i = 0; i <= joined.len; i++)
        ok &= bg_piece_pos(&joined, i) == want[i];
    CHECK(ok);
    CHECK_INT(joined.line, 1);
    CHECK_INT(joined.end_line, 2);
    bg_piece_slice(&joined, 1, 4, &cut);    /* "bcd" */
    CHECK_STR(cut.s, "bcd");
    CHECK_INT(bg_piece_pos(&cut, 0), 1);
    CHECK_INT(bg_piece_pos(&cut, 1), 3);
    CHECK_INT(bg_piece_pos(&cut, 3), 5);
    bg_piece_free(&cut);
    bg_piece_slice(&joined, 0, 2, &cut);    /* "ab": ends where the next range starts */
    CHECK_INT(bg_piece_pos(&cut, 2), 3);
    bg_piece_free(&cut);
    bg_piece_empty_at(&empty, 7);
    CHECK_STR(empty.s, "");
    CHECK_INT(bg_piece_pos(&empty, 0), 7);
    bg_piece_append(&empty, &l1);           /* the empty piece's place gives way to text */
    CHECK_STR(empty.s, "ab");
    CHECK_INT(bg_piece_pos(&empty, 0), 0);
    CHECK_INT(bg_piece_pos(&empty, 2), 2);
    bg_piece_free(&empty);
    bg_piece_free(&joined);
    bg_piece_free(&l1);
    bg_piece_free(&l2);
    done(&d);
}

/* Headings run into a long line: each heading, and what follows it, a
 * paragraph of its own; enumerations inside sentences stay in the line. */
static void test_run_on(void)
{
    doc d;
    build(&d, "本单位组织开展了自评工作，现将有关情况报告如下： 一、部门基本情况 （一）部门职能 本部门负责全县水利工程建设管理。"
              "（二）人员情况 编制二十人。 二、绩效目标完成情况 1、产出情况 全年完成渠道维修十二公里。\n"
              "下一行。\n");
    CHECK_INT(d.l.n, 6);
    CHECK_STR(blk(&d, 0)->text.s, "本单位组织开展了自评工作,现将有关情况报告如下:");
    CHECK_INT(blk(&d, 0)->has_marker, 0);
    CHECK_STR(blk(&d, 1)->text.s, "一、部门基本情况");
    CHECK_INT(blk(&d, 1)->has_marker, 1);
    CHECK_INT(blk(&d, 1)->line, 1);
    CHECK_INT(blk(&d, 2)->has_marker, 1);
    CHECK(strncmp(blk(&d, 2)->text.s, "(一)部门职能 本部门", strlen("(一)部门职能 本部门")) == 0);
    CHECK_STR(blk(&d, 3)->text.s, "二、绩效目标完成情况");
    CHECK(strncmp(blk(&d, 4)->text.s, "1、产出情况", strlen("1、产出情况")) == 0);
    /* the heading's span points at its own bytes of the line */
    CHECK(memcmp(d.t.s + bg_piece_pos(&blk(&d, 3)->text, 0), "二、", strlen("二、")) == 0);
    CHECK_STR(blk(&d, 5)->text.s, "下一行。");
    done(&d);

    /* no sub-heading right after a short title: a list in a sentence, a
     * marker glued to a word, a heading whose title holds a clause mark */
    build(&d, "评价组主要做了以下工作：一、收集资料；二、现场核查（一）核对账目，项目覆盖南塘一、二、三标段（一）期，"
              "一是资金到位及时，二是管理规范，三、加强管理，规范程序（一）做好资金监管工作。\n");
    CHECK_INT(d.l.n, 1);
    done(&d);

    /* a short line is read as it is */
    build(&d, "一、概况 （一）基本情况\n");
    CHECK_INT(d.l.n, 1);
    done(&d);
}

int main(void)
{
    baogao_error err;
    P = baogao_patterns_load(NULL, &err);
    if (!P) {
        fprintf(stderr, "patterns: %s:%ld: %s\n", err.file, err.line, err.message);
        return 1;
    }
    test_tab_rows();
    test_tab_cells();
    test_after_cells();
    test_pipe();
    test_sheet();
    test_noise();
    test_join();
    test_shared_pages();
    test_join_blank();
    test_run_on();
    test_pieces();
    test_piece_runs();
    baogao_patterns_free(P);
    return CHECK_DONE("layout");
}
