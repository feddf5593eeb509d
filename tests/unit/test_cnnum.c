/* test_cnnum.c — Chinese numerals: values, refusals, spans. */
#include "check.h"
#include "cnnum.h"

#include <stdlib.h>

/* Canonical value of the whole string, or "ERR" if it is refused. */
static const char *cn(const char *s, char *buf, size_t size)
{
    bg_dec d;
    if (bg_cn_parse(s, strlen(s), &d) < 0)
        return "ERR";
    bg_dec_format(&d, buf, size);
    return buf;
}

#define CN(s, want) do { char b_[128]; CHECK_STR(cn((s), b_, sizeof b_), (want)); } while (0)
#define SPAN(s) bg_cn_span((s), strlen(s))

static void test_digits(void)
{
    CN("零", "0");
    CN("〇", "0");
    CN("一", "1");
    CN("幺", "1");
    CN("二", "2");
    CN("两", "2");
    CN("兩", "2");
    CN("三", "3");
    CN("九", "9");
    CN("壹", "1");
    CN("贰", "2");
    CN("貳", "2");
    CN("叁", "3");
    CN("參", "3");
    CN("叄", "3");
    CN("貮", "2");
    CN("肆", "4");
    CN("伍", "5");
    CN("陆", "6");
    CN("陸", "6");
    CN("柒", "7");
    CN("捌", "8");
    CN("玖", "9");
}

static void test_plain(void)
{
    CN("十", "10");
    CN("十五", "15");
    CN("一十五", "15");
    CN("二十", "20");
    CN("一百五十二", "152");
    CN("九百九十九", "999");
    CN("一千二百三十四", "1234");
    CN("四万五千六百二十二", "45622");
    CN("十万", "100000");
    CN("拾万零五十六", "100056");
    CN("肆佰陸拾", "460");
    CN("叄拾陸萬", "360000");
    CN("貮佰零貳", "202");
    CN("壹佰伍拾", "150");
    CN("壹仟贰佰叁拾肆萬伍仟陆佰柒拾捌", "12345678");
    CN("一百零一万一千", "1011000");
    CN("四亿五千六百四十二万零一十五", "456420015");
    CN("十万柒仟捌佰伍拾肆", "107854");
}

static void test_zero_gaps(void)
{
    CN("一万零五", "10005");
    CN("一千零二十", "1020");
    CN("一千零五", "1005");
    CN("三百零五万", "3050000");
    CN("五亿零六", "500000006");
    CN("九百万零四百", "9000400");
    CN("四千万零六千", "40006000");
    CN("一万零十二", "10012");
    CN("一百零十万", "1100000");
    CN("一百零一万零三千零十二", "1013012");
    CN("拾亿零六万零五百零六", "1000060506");
    CN("一〇五", "ERR");
    CN("一千零零五", "ERR");
    CN("一万零", "ERR");
    CN("一千零〇五", "ERR");
    CN("零十", "ERR");
    CN("零五", "ERR");
    CN("零万", "ERR");
    CN("二十零五", "ERR");
    CN("十零", "ERR");
}

static void test_abbreviated(void)
{
    CN("一万二", "12000");
    CN("三千五", "3500");
    CN("两百五", "250");
    CN("九百九", "990");
    CN("一千陆", "1600");
    CN("九十二万四", "924000");
    CN("两千四百五", "2450");
    CN("一亿五", "150000000");
    CN("一万二百五十", "10250");   /* the 零 is often left out */
    CN("十一", "11");
}

static void test_big_scales(void)
{
    CN("一万亿", "1000000000000");
    CN("三千万亿", "3000000000000000");
    CN("一万五千亿", "1500000000000");
    CN("三百五十一万亿", "351000000000000");
    CN("四万万", "400000000");
    CN("10万万", "1000000000");
    CN("一万亿五千万", "1000050000000");
    CN("四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二", "4569831148725382");
    CN("二十一万亿三千亿", "21300000000000");
    CN("二千八百三十七万亿一千六百三十六亿九千八百四十九万零六百八十", "2837163698490680");
    CN("贰仟捌佰叁拾柒萬億壹仟陆佰叁拾陆億", "2837163600000000");
    CN("一万亿零五", "1000000000005");
    CN("一点五万亿", "1500000000000");
    CN("一亿万亿", "ERR");
    CN("一万二千万亿", "ERR");
    CN("万亿", "ERR");
    CN("一万亿亿", "ERR");
    CN("五亿一万亿", "ERR");
    CN("一亿亿", "ERR");
    CN("一万二千万", "ERR");
    CN("一千二千", "ERR");
    CN("二十百", "ERR");
    CN("十百", "ERR");
}

static void test_mixed(void)
{
    CN("3千", "3000");
    CN("5百", "500");
    CN("1.2万", "12000");
    CN("16.4亿", "1640000000");
    CN("1,100万", "11000000");
    CN("1,100.9亿", "110090000000");
    CN("4.78万亿", "4780000000000");
    CN("12,345.67万", "123456700");
    CN("5万4千6百", "54600");
    CN("5亿1万4千6百", "500014600");
    CN("1千零1", "1001");
    CN("1千零20", "1020");
    CN("2千零30万", "20300000");
    CN("3万4000", "34000");
    CN("3万4", "34000");
    CN("25万6千", "256000");
    CN("1.5千", "1500");
    CN("350万亿", "350000000000000");
    CN("123", "123");
    CN("1,234.5", "1234.5");
    CN("12千", "ERR");
    CN("1.5十", "ERR");
    CN("1.5万3", "ERR");
    CN("3万4.5", "ERR");
    CN("3万40000", "ERR");
    CN("0万", "ERR");
    CN("12,34万", "ERR");
    CN("208.万", "ERR");
    CN("1二", "ERR");
    CN("0.5万", "5000");
    CN("0748亿", "ERR");
    CN("3万0400", "ERR");
    CN("01十06", "ERR");
}

static void test_point(void)
{
    char b[64];
    bg_dec d;
    CN("二点五", "2.5");
    CN("两百点两", "200.2");
    CN("零点五", "0.5");
    CN("十点二三三", "10.233");
    CN("十五点七", "15.7");
    CN("两千万点五五四四", "20000000.5544");
    CN("两千三点一", "2300.1");
    CN("一万零十二点一五", "10012.15");
    CN("零点零五", "0.05");
    CN("二点五亿", "250000000");
    CN("十五点七万", "157000");
    CN("一点五万亿", "1500000000000");
    CN("三点五千万", "35000000");
    CN("點五", "ERR");
    CN("点五", "ERR");
    CN("二点", "ERR");
    CN("二点五点六", "ERR");
    CN("二点五十", "ERR");
    CN("两千万点五万", "ERR");
    CN("二点5", "ERR");
    CN("二.五", "ERR");
    CN("十五点七千", "ERR");
    /* Fraction zeros as written survive, for format_as_written. */
    CHECK_INT(bg_cn_parse("两千点零", strlen("两千点零"), &d), 0);
    bg_dec_format_as_written(&d, b, sizeof b);
    CHECK_STR(b, "2000.0");
    CHECK_INT(bg_cn_parse("四百亿点零五零", strlen("四百亿点零五零"), &d), 0);
    bg_dec_format_as_written(&d, b, sizeof b);
    CHECK_STR(b, "40000000000.050");
}

static void test_refused(void)
{
    CN("", "ERR");
    CN("万", "ERR");
    CN("百", "ERR");
    CN("亿", "ERR");
    CN("万万", "ERR");
    CN("百万", "ERR");
    CN("百三", "ERR");
    CN("千三", "ERR");
    CN("万亿", "ERR");
    CN("两两", "ERR");
    CN("二〇二三", "ERR");
    CN("十四五", "ERR");
    CN("负三", "ERR");
    CN("-3", "ERR");
    CN("三个", "ERR");
    CN("三 百", "ERR");
    CN("一\xE4", "ERR");          /* truncated UTF-8 */
    CN("\xE4\xB8", "ERR");
    CN(",", "ERR");
    CN(".5", "ERR");
}

static void test_limits(void)
{
    char b[128];
    /* 40 significant digits fit; the 41st is refused, not rounded. */
    CN("9999999999999999999999999999999999999999", "9999999999999999999999999999999999999999");
    CN("9999999999999999999999999999999999999999亿", "999999999999999999999999999999999999999900000000");
    CN("9999999999999999999999999999999999999999亿1", "ERR");
    CN("99999999999999999999999999999999999999999", "ERR");
    CN("1亿亿", "ERR");
    /* Many tokens: refused after MAX_TOK without reading on. */
    size_t n = 3 * 10000;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i += 3)
        memcpy(s + i, "万", 3);
    s[n] = '\0';
    bg_dec d;
    CHECK_INT(bg_cn_parse(s, n, &d), -1);
    CHECK_INT(bg_cn_span(s, n), n);
    free(s);
    /* Only n bytes are looked at. */
    CHECK_INT(bg_cn_parse("三千万元", 6, &d), 0);
    bg_dec_format(&d, b, sizeof b);
    CHECK_STR(b, "3000");
    CHECK_INT(bg_cn_parse("三千万元", 4, &d), -1);
}

static void test_span(void)
{
    CHECK_INT(SPAN(""), 0);
    CHECK_INT(SPAN("元"), 0);
    CHECK_INT(SPAN("三千万元"), 9);
    CHECK_INT(SPAN("1,100万元"), 8);
    CHECK_INT(SPAN("16.4亿元"), 7);
    CHECK_INT(SPAN("二点五亿"), 12);
    CHECK_INT(SPAN("下午三点"), 0);
    CHECK_INT(SPAN("三点钟"), 3);
    CHECK_INT(SPAN("三点半"), 3);
    CHECK_INT(SPAN("三千,"), 6);
    CHECK_INT(SPAN("208."), 3);
    CHECK_INT(SPAN("208.5元"), 5);
    CHECK_INT(SPAN("1,2"), 1);
    CHECK_INT(SPAN("1,2345"), 1);
    CHECK_INT(SPAN("1,234,567"), 9);
    CHECK_INT(SPAN("壹佰伍拾元整"), 12);
    CHECK_INT(SPAN("百分之五"), 3);
    CHECK_INT(SPAN("负三"), 0);
    CHECK_INT(SPAN("两两"), 6);
    CHECK_INT(SPAN("点五"), 6);
    CHECK_INT(bg_cn_span("三千", 4), 3);
    CHECK_INT(bg_cn_span("三\xE5", 4), 3);
}

int main(void)
{
    test_digits();
    test_plain();
    test_zero_gaps();
    test_abbreviated();
    test_big_scales();
    test_mixed();
    test_point();
    test_refused();
    test_limits();
    test_span();
    return CHECK_DONE("cnnum");
}
