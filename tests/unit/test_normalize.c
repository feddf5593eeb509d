/* test_normalize.c — stage 2: NFKC and the report folds, line breaks and the
 * map from normalized offsets back to original lines and byte spans. */
#include "check.h"
#include "text.h"

#include <stdlib.h>

/* Decode (UTF-8) and normalize `in`; warnings go to *w. */
static void norm(const char *in, size_t n, bg_text *t, bg_warnings *w)
{
    bg_decoded d;
    baogao_error err;
    if (bg_decode((const unsigned char *)in, n, NULL, 0, &d, w, &err) < 0) {
        fprintf(stderr, "decode failed: %s\n", err.message);
        abort();
    }
    bg_normalize(&d, t, w);
    bg_decoded_free(&d);
}

/* Normalized text of a NUL-free string. */
static char *N(const char *in)
{
    bg_text t;
    bg_warnings w = { 0 };
    norm(in, strlen(in), &t, &w);
    char *s = strdup(t.s);
    bg_text_free(&t);
    bg_warnings_free(&w);
    return s;
}

#define CHECK_N(in, want) do { char *n_ = N(in); CHECK_STR(n_, (want)); free(n_); } while (0)

static void test_nfkc(void)
{
    CHECK_N("（１）：，", "(1):,");
    CHECK_N("ＡＢｃ１２３．５％", "ABc123.5%");
    CHECK_N("（一）部门概况；完成率≥９５％！", "(一)部门概况;完成率≥95%!");
    CHECK_N("①②⑩⑳", "①②⑩⑳");
    CHECK_N("一、……完成", "一、……完成");
    CHECK_N("≦≧⩽⩾", "≤≥≤≥");
    CHECK_N("a\xE3\x80\x80" "b\xC2\xA0" "c", "a b c");
    CHECK_N("\xE3\x80\x80\xE3\x80\x80一、概况", "  一、概况");
    /* zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen */
    CHECK_N("部\xE2\x80\x8B门\xE2\x80\x8C整\xE2\x80\x8D体\xE2\x81\xA0支\xEF\xBB\xBF出\xC2\xAD绩", "部门整体支出绩");
    CHECK_N("㎡ ㎏ ﹙二﹚ ｶ", "m2 kg (二) カ");
    /* CJK stays as it is: 。、and ideographs are not folded */
    CHECK_N("报告。部门、单位", "报告。部门、单位");
    /* a form feed (PDF page break) and other controls vanish; TAB stays */
    CHECK_N("a\fb\x01" "c\td", "abc\td");
    CHECK_N("[bookmark: _GoBack]一、部门基本情况", "一、部门基本情况");
    CHECK_N("概况[bookmark: _GoBack]。", "概况。");
    /* not a bookmark: no closing bracket on the line */
    CHECK_N("[bookmark: x\n]", "[bookmark: x\n]");
    CHECK_N("[注]说明", "[注]说明");
}

static void test_bookmark_map(void)
{
    bg_text t;
    bg_warnings w = { 0 };
    const char in[] = "[bookmark: _GoBack]一、x";
    norm(in, sizeof in - 1, &t, &w);
    CHECK_STR(t.s, "一、x");
    CHECK_INT(bg_text_orig(&t, 0), 19);
    CHECK_INT(bg_text_orig(&t, 6), 25);
    CHECK_INT(bg_text_orig(&t, t.len), sizeof in - 1);
    bg_text_free(&t);
    bg_warnings_free(&w);
}

/* The packed map: offsets that spread over more than 255 bytes inside one
 * 64-byte block (a long run of dropped characters) are kept whole, and every
 * byte on both sides of the run and of every block edge maps exactly. */
static void test_packed_map(void)
{
    bg_warnings w = { 0 };
    for (size_t drop = 0; drop <= 400; drop += 100) {
        for (size_t lead = 60; lead <= 66; lead++) {
            size_t n = lead + drop * 3 + 70;
            char *in = malloc(n + 1);
            memset(in, 'a', lead);
            for (size_t k = 0; k < drop; k++)
                memcpy(in + lead + 3 * k, "\xE2\x80\x8B", 3);     /* U+200B, dropped */
            memset(in + lead + drop * 3, 'b', 70);
            in[n] = '\0';
            bg_text t;
            norm(in, n, &t, &w);
            CHECK_INT(t.len, lead + 70);
            int ok = 1;
            for (size_t i = 0; i <= t.len; i++) {
                size_t want = i < lead ? i : i == t.len ? n : i + drop * 3;
                ok &= bg_text_orig(&t, i) == want;
            }
            CHECK(ok);
            size_t oa, ob;
            bg_text_span(&t, lead - 1, lead + 1, &oa, &ob);     /* "ab" around the run */
            CHECK_INT(oa, lead - 1);
            CHECK_INT(ob, lead + drop * 3 + 1);
            bg_text_free(&t);
            free(in);
        }
    }
    bg_warnings_free(&w);
}

static void test_lines(void)
{
    bg_text t;
    bg_warnings w = { 0 };
    const char in[] = "ab\r\ncd\ref\n\ngh\r";
    norm(in, sizeof in - 1, &t, &w);
    CHECK_STR(t.s, "ab\ncd\nef\n\ngh\n");
    CHECK_INT(t.nlines, 6);
    CHECK_INT(bg_text_line(&t, 0), 1);
    CHECK_INT(bg_text_line(&t, 2), 1);      /* the LF of line 1 */
    CHECK_INT(bg_text_line(&t, 3), 2);      /* c */
    CHECK_INT(bg_text_line(&t, 6), 3);      /* e */
    CHECK_INT(bg_text_line(&t, 9), 4);      /* the empty line */
    CHECK_INT(bg_text_line(&t, 10), 5);     /* g */
    CHECK_INT(bg_text_line(&t, t.len), 6);
    /* the LF of a CRLF maps to the LF, a lone CR's LF to the CR */
    CHECK_INT(bg_text_orig(&t, 2), 3);
    CHECK_INT(bg_text_orig(&t, 3), 4);
    CHECK_INT(bg_text_orig(&t, 5), 6);
    CHECK_INT(bg_text_orig(&t, 6), 7);
    CHECK_INT(bg_text_orig(&t, 12), 13);
    size_t oa, ob;
    bg_text_span(&t, 3, 5, &oa, &ob);       /* "cd" */
    CHECK_INT(oa, 4);
    CHECK_INT(ob, 6);
    bg_text_free(&t);

    /* U+2028/U+2029 and NEL are not line breaks here: the lines stay the original lines */
    const char sep[] = "a\xE2\x80\xA8" "b\xE2\x80\xA9" "c\nd";
    norm(sep, sizeof sep - 1, &t, &w);
    CHECK_STR(t.s, "a b c\nd");
    CHECK_INT(t.nlines, 2);
    CHECK_INT(bg_text_line(&t, 6), 2);
    bg_text_free(&t);
    bg_warnings_free(&w);
#if 1
    /* Regression (fixed): normalize.c:125 drops every C1 control (U+0080..U+009F) before
     * report_fold runs, so the fold of NEL (U+0085) to a space at
     * normalize.c:43 is dead code: "a<NEL>b" gives "ab", gluing two words. */
    CHECK_N("a\xC2\x85" "b", "a b");
#endif
}

static void test_span(void)
{
    bg_text t;
    bg_warnings w = { 0 };
    /* 面积 100 ㎡ 。: ㎡ (3 bytes at 9) becomes "m2" (2 bytes at 9) */
    const char in[] = "面积100㎡。";
    norm(in, sizeof in - 1, &t, &w);
    CHECK_STR(t.s, "面积100m2。");
    size_t oa, ob;
    bg_text_span(&t, 9, 10, &oa, &ob);      /* "m" alone: still the whole ㎡ */
    CHECK_INT(oa, 9);
    CHECK_INT(ob, 12);
    bg_text_span(&t, 9, 11, &oa, &ob);      /* "m2" */
    CHECK_INT(oa, 9);
    CHECK_INT(ob, 12);
    bg_text_span(&t, 6, 10, &oa, &ob);      /* "100m" */
    CHECK_INT(oa, 6);
    CHECK_INT(ob, 12);
    bg_text_span(&t, 0, t.len, &oa, &ob);
    CHECK_INT(oa, 0);
    CHECK_INT(ob, sizeof in - 1);
    bg_text_span(&t, 11, 11, &oa, &ob);     /* empty */
    CHECK_INT(oa, 12);
    CHECK_INT(ob, 12);
    bg_text_span(&t, 0, 999, &oa, &ob);     /* clamped */
    CHECK_INT(ob, sizeof in - 1);
    CHECK_INT(bg_text_line(&t, 10), 1);
    bg_text_free(&t);

    /* full-width digits: 3 bytes each in, 1 byte out */
    const char fw[] = "合计１２万元";
    norm(fw, sizeof fw - 1, &t, &w);
    CHECK_STR(t.s, "合计12万元");
    bg_text_span(&t, 6, 8, &oa, &ob);
    CHECK_INT(oa, 6);
    CHECK_INT(ob, 12);
    bg_text_free(&t);
    bg_warnings_free(&w);

#if 0
    /* BUG: normalize.c:177 ends a span at the original offset of the next
     * KEPT character, so it swallows whatever normalization dropped after
     * it: the CR of a CRLF line, a zero-width space, a bookmark. "标题\r\n":
     * the span of 标题 is [0, 7) (CR included), a reader expects [0, 6). */
    const char crlf[] = "标题\r\n正文";
    norm(crlf, sizeof crlf - 1, &t, &w);
    bg_text_span(&t, 0, 6, &oa, &ob);
    CHECK_INT(ob, 6);
    bg_text_free(&t);
#endif
}

static void test_nul(void)
{
    bg_text t;
    bg_warnings w = { 0 };
    bg_decoded d = { 0 };
    /* bg_normalize on a decoded buffer holding NULs on line 2 */
    const char in[] = "ab\nc\0d\0e\n\0";
    d.s = (char *)in;
    d.len = sizeof in - 1;
    d.orig_len = d.len;
    d.encoding = "UTF-8";
    bg_normalize(&d, &t, &w);
    CHECK_STR(t.s, "ab\ncde\n");
    CHECK_INT(t.len, 7);
    CHECK_INT(bg_text_orig(&t, 4), 5);                /* d */
    CHECK_INT(bg_text_orig(&t, 5), 7);                /* e */
    CHECK_INT(w.n, 1);
    CHECK_INT(w.n ? w.items[0].line : 0, 2);
    CHECK(w.n && strstr(w.items[0].message, "3 NUL bytes") != NULL);
    CHECK_STR(t.encoding, "UTF-8");
    bg_text_free(&t);
    bg_warnings_free(&w);

    /* none: no warning */
    norm("abc", 3, &t, &w);
    CHECK_INT(w.n, 0);
    CHECK_INT(t.nlines, 1);
    bg_text_free(&t);
}

/* UTF-16 input: spans and lines are of the original bytes. */
static void test_utf16_map(void)
{
    bg_text t;
    bg_warnings w = { 0 };
    bg_decoded d;
    baogao_error err;
    /* BOM, （ １ ） \r\n 中 */
    const unsigned char in[] = { 0xFF, 0xFE, 0x08, 0xFF, 0x11, 0xFF, 0x09, 0xFF, 0x0D, 0x00, 0x0A, 0x00, 0x2D, 0x4E };
    CHECK_INT(bg_decode(in, sizeof in, NULL, 0, &d, &w, &err), 0);
    bg_normalize(&d, &t, &w);
    bg_decoded_free(&d);
    CHECK_STR(t.s, "(1)\n中");
    CHECK_INT(bg_text_orig(&t, 0), 2);
    CHECK_INT(bg_text_orig(&t, 1), 4);
    CHECK_INT(bg_text_orig(&t, 2), 6);
    CHECK_INT(bg_text_orig(&t, 3), 10);
    CHECK_INT(bg_text_orig(&t, 4), 12);
    CHECK_INT(bg_text_orig(&t, t.len), 14);
    CHECK_INT(bg_text_line(&t, 4), 2);
    size_t oa, ob;
    bg_text_span(&t, 1, 2, &oa, &ob);
    CHECK_INT(oa, 4);
    CHECK_INT(ob, 6);
    bg_text_free(&t);
    bg_warnings_free(&w);
}

/* 1 if some warning's message contains `part`. */
static int warned(const bg_warnings *w, const char *part)
{
    for (size_t i = 0; i < w->n; i++)
        if (strstr(w->items[i].message, part))
            return 1;
    return 0;
}

/* A page in traditional characters is read in simplified characters, every
 * character keeping its original offset; OpenCC's phrases apply (乾淨 is
 * 干净, 乾隆 stays). */
static void test_traditional(void)
{
    CHECK_N("績效自評報告\n項目支出:萬元", "绩效自评报告\n项目支出:万元");
    CHECK_N("項目績效報告 乾淨 乾隆", "项目绩效报告 干净 乾隆");

    bg_text t;
    bg_warnings w = { 0 };
    const char in[] = "一、項目績效\r\n資金12萬元";
    norm(in, sizeof in - 1, &t, &w);
    CHECK_STR(t.s, "一、项目绩效\n资金12万元");
    CHECK(warned(&w, "traditional characters (4 of its 9 ideographs)"));
    CHECK_INT(t.nlines, 2);
    CHECK_INT(bg_text_line(&t, 19), 2);                 /* 资 */
    CHECK_INT(bg_text_orig(&t, 19), 20);                /* after the CRLF */
    size_t oa, ob;
    bg_text_span(&t, 6, 15, &oa, &ob);                  /* 项目绩: 項目績 */
    CHECK_INT(oa, 6);
    CHECK_INT(ob, 15);
    bg_text_span(&t, 25, 30, &oa, &ob);                 /* 12万: 12萬 */
    CHECK_INT(oa, 26);
    CHECK_INT(ob, 31);
    CHECK_INT(bg_text_orig(&t, t.len), sizeof in - 1);
    bg_text_free(&t);
    bg_warnings_free(&w);

    /* GB18030 bytes: two per character, and the map still points at them */
    const char gb[] = "\xED\x97\xC4\xBF\xBF\x83\xD0\xA7\xD7\xD4\xD4\x75\x88\xF3\xB8\xE6\x0A\xC8\x66\xD4\xAA";
    bg_decoded d;
    baogao_error err;
    CHECK_INT(bg_decode((const unsigned char *)gb, sizeof gb - 1, "GB18030", 0, &d, &w, &err), 0);
    bg_normalize(&d, &t, &w);
    bg_decoded_free(&d);
    CHECK_STR(t.s, "项目绩效自评报告\n万元");
    bg_text_span(&t, 6, 12, &oa, &ob);                  /* 绩效 */
    CHECK_INT(oa, 4);
    CHECK_INT(ob, 8);
    CHECK_INT(bg_text_orig(&t, 25), 17);                /* 万 */
    CHECK_INT(bg_text_line(&t, 25), 2);
    bg_text_free(&t);
    bg_warnings_free(&w);
}

/* Simplified text is left alone, and so is a simplified page quoting a few
 * traditional characters (below one ideograph in eight), with no warning. */
static void test_not_traditional(void)
{
    CHECK_N("项目支出绩效自评报告", "项目支出绩效自评报告");
    CHECK_N("乾隆年间", "乾隆年间");
    bg_text t;
    bg_warnings w = { 0 };
    const char quote[] = "本单位与台湾某某發展基金會签订的合作协议,资金总额为一百二十万元,已全部支付完毕并通过验收。";
    norm(quote, sizeof quote - 1, &t, &w);
    CHECK_STR(t.s, quote);
    CHECK_INT(w.n, 0);
    bg_text_free(&t);
    /* three traditional characters alone do not make a page */
    norm("報告書", strlen("報告書"), &t, &w);
    CHECK_STR(t.s, "報告書");
    CHECK_INT(w.n, 0);
    bg_text_free(&t);
    bg_warnings_free(&w);
}

/* Pinyin glosses after characters (績(jī)效) are removed; what only looks
 * like one stays. */
static void test_pinyin_glosses(void)
{
    CHECK_N("项(xiàng)目", "项目");
    CHECK_N("績(jī)效報(bào)告與項(xiàng)目", "绩效报告与项目");   /* and then converted */
    CHECK_N("绿(lǜ)化率(lǜ)", "绿化率");
    CHECK_N("重(zhòng)要(yào)", "重要");
    CHECK_N("项(xia\xCC\x80ng)目", "项目");                /* a decomposed tone mark */
    CHECK_N("长度(m)宽度(km)", "长度(m)宽度(km)");          /* units: no tone mark */
    CHECK_N("们(men)", "们(men)");                         /* neutral tone: left */
    CHECK_N("咖啡(café)", "咖啡(café)");                   /* no syllable */
    CHECK_N("a(hào)", "a(hào)");                           /* not after a character */
    CHECK_N("号(hàohào)", "号(hàohào)");                   /* two tone marks */
    CHECK_N("名称(Lǜ)", "名称(Lǜ)");                       /* capitals: a name */

    bg_text t;
    bg_warnings w = { 0 };
    const char in[] = "第一行\n資(zī)金(jīn)為";
    norm(in, sizeof in - 1, &t, &w);
    CHECK_STR(t.s, "第一行\n資金為");         /* two traditional characters: not a page of them */
    CHECK_INT(w.n, 1);
    CHECK(warned(&w, "2 pinyin glosses printed after characters removed, such as \"(zī)\""));
    CHECK_INT(w.n ? w.items[0].line : 0, 2);
    CHECK_INT(bg_text_orig(&t, 10), 10);                /* 資 */
    CHECK_INT(bg_text_orig(&t, 13), 18);                /* 金, after (zī) */
    CHECK_INT(bg_text_orig(&t, 16), 27);                /* 為, after (jīn) */
    size_t oa, ob;
    bg_text_span(&t, 16, 19, &oa, &ob);                 /* 為 */
    CHECK_INT(oa, 27);
    CHECK_INT(ob, 30);
    CHECK_INT(bg_text_orig(&t, t.len), sizeof in - 1);
    bg_text_free(&t);
    bg_warnings_free(&w);
}

int main(void)
{
    test_nfkc();
    test_bookmark_map();
    test_packed_map();
    test_lines();
    test_span();
    test_nul();
    test_utf16_map();
    test_traditional();
    test_not_traditional();
    test_pinyin_glosses();
#if 0
    /* BUG: normalize.c:57 (emit_nfkc) normalizes one code point at a time,
     * so nothing composes across characters: "e" + U+0301 stays two code
     * points where NFKC gives U+00E9, and half-width ｶﾞ gives カ + U+3099
     * instead of ガ. The README promises NFKC. */
    CHECK_N("e\xCC\x81", "\xC3\xA9");
    CHECK_N("ｶﾞ", "ガ");
#endif
    return CHECK_DONE("normalize");
}
