/* test_sections.c — which numbered lines are headings and how they nest
 * (built-in [heading] rules; README "sections"). */
#include "check.h"
#include "result.h"
#include "text.h"

#include <stdlib.h>

static baogao_patterns *P;

typedef struct {
    bg_text t;
    bg_layout l;
    bg_sections s;
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
    bg_sections_build(&d->l, &P->headings, &m, &d->s);
    bg_matcher_free(&m);
}

static void done(doc *d)
{
    bg_sections_free(&d->s);
    bg_layout_free(&d->l);
    bg_text_free(&d->t);
    bg_warnings_free(&d->w);
}

/* "number|title|level|line|parent" of section i, parent -1 for none. */
static const char *S(const doc *d, size_t i, char *buf, size_t size)
{
    if (i >= d->s.n)
        return "<none>";
    const bg_section *s = &d->s.items[i];
    snprintf(buf, size, "%s|%s|%d|%ld|%ld", s->number, s->title, s->level, s->line,
             s->parent == BG_NO_PARENT ? -1L : (long)s->parent);
    return buf;
}

#define CHECK_SEC(d, i, want) do { char b_[256]; CHECK_STR(S((d), (i), b_, sizeof b_), (want)); } while (0)

static void test_nesting(void)
{
    doc d;
    build(&d, "第一部分 总体情况\n"
              "一、部门基本情况：\n"
              "（一）部门概况\n"
              "1、职能\n"
              "（1）具体职责\n"
              "①细项\n"
              "②细项二\n"
              "2. 人员\n"
              "（二）机构 设置。\n"
              "二、 支出 情况\n"
              "第二部分 绩效情况\n"
              "一、绩效目标\n");
    CHECK_INT(d.s.n, 12);
    CHECK_SEC(&d, 0, "第一部分|总体情况|1|1|-1");
    CHECK_SEC(&d, 1, "一、|部门基本情况|2|2|0");
    CHECK_SEC(&d, 2, "(一)|部门概况|3|3|1");
    CHECK_SEC(&d, 3, "1、|职能|4|4|2");
    CHECK_SEC(&d, 4, "(1)|具体职责|5|5|3");
    CHECK_SEC(&d, 5, "①|细项|6|6|4");
    CHECK_SEC(&d, 6, "②|细项二|6|7|4");
    CHECK_SEC(&d, 7, "2.|人员|4|8|2");            /* 1、 and 1. are one style */
    CHECK_SEC(&d, 8, "(二)|机构设置|3|9|1");
    CHECK_SEC(&d, 9, "二、|支出情况|2|10|0");
    CHECK_SEC(&d, 10, "第二部分|绩效情况|1|11|-1");
    /* a new part: 一、 opens again under it, numbering restarts */
    CHECK_SEC(&d, 11, "一、|绩效目标|2|12|10");
    /* the span of a heading is its line in the normalized text */
    if (d.s.n > 2) {
        CHECK_INT(d.s.items[2].start, d.t.lines[2]);
        CHECK_INT(d.s.items[2].end, d.t.lines[3] - 1);
        CHECK_INT(d.s.items[2].block, 2);
    }
    done(&d);
}

static void test_list_items(void)
{
    doc d;
    /* longer than 40 characters */
    build(&d, "一、概况\n正文。\n"
              "二、本单位认真贯彻落实各项决策部署圆满完成全年各项工作任务确保了各项工作顺利推进取得实效\n"
              "\n说明。\n"
              "三、问题\n");
    CHECK_INT(d.s.n, 2);
    CHECK_SEC(&d, 0, "一、|概况|1|1|-1");
    CHECK_SEC(&d, 1, "三、|问题|1|6|-1");
    done(&d);
    /* exactly 40 characters is still a heading */
    build(&d, "一、本单位认真贯彻落实各项决策部署圆满完成全年各项工作任务确保了各项工作顺利推进取得\n");
    CHECK_INT(d.s.n, 1);
    done(&d);

    /* a clause mark (，；), an interior 。 in a long title, a second marker */
    build(&d, "1、完成了预算编制，按时报送\n\n正文。\n");
    CHECK_INT(d.s.n, 0);
    done(&d);
    build(&d, "1、完成预算编制；按时报送\n\n正文。\n");
    CHECK_INT(d.s.n, 0);
    done(&d);
    build(&d, "1、完成预算编制工作。按时报送了全部的决算报表材料\n\n正文。\n");
    CHECK_INT(d.s.n, 0);
    done(&d);
    build(&d, "1、编制。报送\n\n正文。\n");            /* interior 。 but short: heading */
    CHECK_SEC(&d, 0, "1、|编制。报送|1|1|-1");
    done(&d);
    build(&d, "1、预算编制。\n\n正文。\n");            /* a final 。 is dropped, not a sentence */
    CHECK_SEC(&d, 0, "1、|预算编制|1|1|-1");
    done(&d);
    build(&d, "一、主要工作二、存在问题\n\n正文。\n");
    CHECK_INT(d.s.n, 0);
    done(&d);
    build(&d, "（一）工作（二）问题\n\n正文。\n");
    CHECK_INT(d.s.n, 0);
    done(&d);

    /* in a table: never a heading */
    build(&d, "一、概况\n序号\t内容\n二、项目\t说明\n三、结论\n");
    CHECK_INT(d.s.n, 2);
    CHECK_SEC(&d, 1, "三、|结论|1|4|-1");
    done(&d);

    /* a bare number is no heading */
    build(&d, "一、\n二、概况\n");
    CHECK_INT(d.s.n, 1);
    CHECK_SEC(&d, 0, "二、|概况|1|2|-1");
    done(&d);
}

static void test_runs(void)
{
    doc d;
    /* one sentence in a run of one style makes the whole run a list */
    build(&d, "一、概况\n1、预算编制\n2、完成了资金拨付，按时报送\n3、绩效监控\n\n说明文字。\n");
    CHECK_INT(d.s.n, 1);
    done(&d);
    /* blank lines do not break a run */
    build(&d, "一、概况\n1、预算编制\n\n2、完成了资金拨付，按时报送\n");
    CHECK_INT(d.s.n, 1);
    done(&d);
    /* text between them does */
    build(&d, "一、概况\n1、预算编制\n本项工作按时完成。\n2、完成了资金拨付，按时报送\n");
    CHECK_INT(d.s.n, 2);
    CHECK_SEC(&d, 1, "1、|预算编制|2|2|0");
    done(&d);
    /* a marker of another style ends the run */
    build(&d, "一、概况\n（一）预算编制\n1、完成了资金拨付，按时报送\n（二）绩效监控\n");
    CHECK_INT(d.s.n, 3);
    CHECK_SEC(&d, 2, "(二)|绩效监控|2|4|0");
    done(&d);
}

static void test_repair(void)
{
    doc d;
    /* (2) right after (一) is its sibling; the list goes on with (三) */
    build(&d, "一、A\n（一）B\n（2）C\n（三）D\n二、E\n");
    CHECK_INT(d.s.n, 5);
    CHECK_SEC(&d, 2, "(2)|C|2|3|0");
    CHECK_SEC(&d, 3, "(三)|D|2|4|0");
    CHECK_SEC(&d, 4, "二、|E|1|5|-1");
    done(&d);
    /* 4、 right after 三、, then 六、 */
    build(&d, "一、A\n二、B\n三、C\n4、D\n六、F\n（一）G\n");
    CHECK_INT(d.s.n, 6);
    CHECK_SEC(&d, 3, "4、|D|1|4|-1");
    CHECK_SEC(&d, 4, "六、|F|1|5|-1");
    CHECK_SEC(&d, 5, "(一)|G|2|6|4");
    done(&d);
    /* a new style starting at 2 with no open 1 opens a level as usual */
    build(&d, "一、A\n（3）B\n");
    CHECK_SEC(&d, 1, "(3)|B|2|2|0");
    done(&d);
#if 1
    /* Regression (fixed): sections.c:137-142 (bg_sections_build) lends the repaired
     * heading's style (arabic, from "4、") to level 1 for the rest of the
     * document, so every later
     * "1、" is taken as a level-1 number going back and dropped: under
     * "五、" the reader's subsections 1、 2、 vanish from the tree. */
    build(&d, "一、A\n二、B\n三、C\n4、D\n五、E\n1、F\n2、G\n");
    CHECK_INT(d.s.n, 7);
    CHECK_SEC(&d, 5, "1、|F|2|6|4");
    done(&d);
#endif
}

static void test_demotion(void)
{
    doc d;
    /* 二、 after 六、 belongs to an attached form; what follows nests under 六、 */
    build(&d, "一、A\n二、B\n三、C\n四、D\n五、E\n六、F\n附表\n二、G\n（一）H\n三、I\n七、J\n");
    CHECK_INT(d.s.n, 8);
    CHECK_SEC(&d, 5, "六、|F|1|6|-1");
    CHECK_SEC(&d, 6, "(一)|H|2|9|5");
    CHECK_SEC(&d, 7, "七、|J|1|11|-1");
    done(&d);
    /* the same number again is no heading either */
    build(&d, "一、A\n（一）B\n说明。\n（一）C\n（二）D\n");
    CHECK_INT(d.s.n, 3);
    CHECK_SEC(&d, 2, "(二)|D|2|5|0");
    done(&d);
}

/* Issue 16: numbered lines that are no headings in real pages, run-in
 * headings, and excerpts that begin inside a section. */
static void test_rows_run_in_excerpts(void)
{
    doc d;
    /* the row labels of a table flattened one cell per line: figures follow */
    build(&d, "一、经费情况\n\n三公经费:\n\n0\n\n1、公务用车购置和维护经费\n\n0\n\n0\n\n2、公务接待\n\n12.5\n\n"
              "1、业务工作经费\n\n2、运行维护经费\n\n……\n\n二、结论\n");
    CHECK_INT(d.s.n, 2);
    CHECK_SEC(&d, 0, "一、|经费情况|1|1|-1");
    CHECK_SEC(&d, 1, "二、|结论|1|23|-1");
    done(&d);
    /* ... or a row's cells on its own line: figures between spaces */
    build(&d, "一、实施计划\n1、免疫抗体效果评估2017.03 2017.05\n2、动物卫生监督\n2017.01 2017.12 执法\n");
    CHECK_INT(d.s.n, 1);
    done(&d);
    /* but a heading followed by prose that starts with a year stays one */
    build(&d, "一、基本情况\n2021 年，本单位完成了全部工作。\n");
    CHECK_SEC(&d, 0, "一、|基本情况|1|1|-1");
    done(&d);
    /* a form's choices on one line */
    build(&d, "项目类别\n1、部门预算项目 □ 2、县直专项 ☑ 3、转移支付项目 □\n");
    CHECK_INT(d.s.n, 0);
    done(&d);
    /* run-in headings of a letter: the title ends at its 。 or colon */
    build(&d, "一、科目列报:功能科目列“2210105—某某改造”。\n\n"
              "二、强化资金管理，确保财政资金安全有效。围绕政策目标，加强动态监测，发现一户、改造一户。\n");
    CHECK_INT(d.s.n, 2);
    CHECK_SEC(&d, 0, "一、|科目列报|1|1|-1");
    CHECK_SEC(&d, 1, "二、|强化资金管理,确保财政资金安全有效|1|3|-1");
    done(&d);
    /* ... but a plain sentence among them makes the run a list */
    build(&d, "一、科目列报:功能科目列“2210105”。\n\n二、强化资金管理，确保资金安全。加强监测。\n\n"
              "三、按照全面实施预算绩效管理的要求，做好绩效运行监控，确保年度绩效目标实现。\n");
    CHECK_INT(d.s.n, 0);
    done(&d);
    /* a run-in title holds no figure: 一、2021年收入792万元。… stays a list item */
    build(&d, "一、2021年收入792万元，较上年增长。支出情况良好，预算执行率较高。\n");
    CHECK_INT(d.s.n, 0);
    done(&d);
    /* an excerpt that begins inside a section: (三) or 7. first, no 一、 above */
    build(&d, "(三)实施项目情况\n1、河道治理\n正文。\n2、护岸工程\n");
    CHECK_INT(d.s.n, 0);
    done(&d);
    build(&d, "7.满意度指标:满意度达到99%。\n(二)项目支出绩效自评结果\n1.总体情况\n二、问题\n(一)资金\n");
    CHECK_INT(d.s.n, 2);
    CHECK_SEC(&d, 0, "二、|问题|1|4|-1");
    CHECK_SEC(&d, 1, "(一)|资金|2|5|0");
    done(&d);
    /* a top style may start past 1: 二、 opens an outline */
    build(&d, "二、绩效再评价结论\n(一)综合评分\n三、存在问题\n");
    CHECK_INT(d.s.n, 3);
    CHECK_SEC(&d, 0, "二、|绩效再评价结论|1|1|-1");
    done(&d);
    /* a lower style numbered 1 opens an outline as before */
    build(&d, "(一)项目概况\n(二)绩效目标\n");
    CHECK_INT(d.s.n, 2);
    CHECK_SEC(&d, 0, "(一)|项目概况|1|1|-1");
    done(&d);
}

static void test_section_at(void)
{
    doc d;
    build(&d, "标题\n\n一、A\n正文。\n（一）B\n正文。\n\n二、C\n正文。\n");
    CHECK_INT(d.s.n, 3);
    CHECK(bg_section_at(&d.s, 1) == BG_NO_PARENT);
    CHECK(bg_section_at(&d.s, 2) == BG_NO_PARENT);
    CHECK_INT(bg_section_at(&d.s, 3), 0);
    CHECK_INT(bg_section_at(&d.s, 4), 0);
    CHECK_INT(bg_section_at(&d.s, 5), 1);
    CHECK_INT(bg_section_at(&d.s, 7), 1);
    CHECK_INT(bg_section_at(&d.s, 8), 2);
    CHECK_INT(bg_section_at(&d.s, 1000), 2);
    done(&d);
    build(&d, "没有标题的正文。\n");
    CHECK_INT(d.s.n, 0);
    CHECK(bg_section_at(&d.s, 1) == BG_NO_PARENT);
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
    test_nesting();
    test_list_items();
    test_runs();
    test_repair();
    test_demotion();
    test_rows_run_in_excerpts();
    test_section_at();
    baogao_patterns_free(P);
    return CHECK_DONE("sections");
}
