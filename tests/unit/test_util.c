/* test_util.c — util.c's text helpers. Nothing baogao writes is ever cut
 * inside a character or holds a byte that is not UTF-8 (issue 13, item 2):
 * the fixed-buffer helpers, the error record of baogao.h, and the JSON
 * writer's strings. Names drop the spaces next to CJK characters, free text
 * keeps those the report printed (item 13). */
#include <stdlib.h>
#include <string.h>

#include "baogao.h"
#include "check.h"
#include "json_writer.h"
#include "util.h"

/* Every cut of "a报告b" into every buffer size is whole characters. */
static void test_fit_sizes(void)
{
    const char *s = "a报告b";       /* 1 + 3 + 3 + 1 bytes */
    static const size_t want[] = { 0, 0, 1, 1, 1, 4, 4, 4, 7, 8, 8 };
    for (size_t size = 1; size <= 10; size++) {
        char buf[16];
        memset(buf, 'x', sizeof buf);
        size_t n = bg_utf8_fit(buf, size, s, strlen(s));
        CHECK_INT(n, want[size]);
        CHECK_INT(strlen(buf), n);
        CHECK(bg_utf8_valid(buf, n));
        CHECK(memcmp(buf, s, n) == 0);
    }
}

static void test_fit_bad_bytes(void)
{
    char buf[32];
    /* a lone continuation byte, a cut 3-byte lead, an overlong, a surrogate */
    const char *s = "x\x80y\xe6\x8az\xc0\xaf\xed\xa0\x80";
    bg_utf8_fit(buf, sizeof buf, s, strlen(s));
    CHECK(bg_utf8_valid(buf, strlen(buf)));
    CHECK_STR(buf, "x\xef\xbf\xbdy\xef\xbf\xbd\xef\xbf\xbdz\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    /* U+FFFD takes 3 bytes: it is never cut either */
    bg_utf8_fit(buf, 3, "\x80\x80", 2);
    CHECK_STR(buf, "");
    bg_utf8_fit(buf, 4, "\x80\x80", 2);
    CHECK_STR(buf, "\xef\xbf\xbd");

    bg_buf b = { 0 };
    bg_buf_add_utf8(&b, "报\xb1\xa8告", 8);
    CHECK_STR(b.s, "报\xef\xbf\xbd\xef\xbf\xbd告");
    bg_buf_free(&b);
}

static void test_fixed_printf(void)
{
    char buf[10];
    bg_fixed_printf(buf, sizeof buf, "%s=%d", "合计", 12345);    /* "合计=12345" is 12 bytes: 9 fit */
    CHECK_STR(buf, "合计=12");
    bg_fixed_printf(buf, sizeof buf, "%s", "一二三四");          /* 12 bytes: three characters fit */
    CHECK_STR(buf, "一二三");
}

/* The public error: file and message of any length come out whole. */
static void test_error_set(void)
{
    baogao_error e;
    char path[600], msg[600];
    size_t k = 0;
    while (k + 3 < sizeof path) {
        memcpy(path + k, "报", 3);
        k += 3;
    }
    path[k] = '\0';
    for (size_t off = 0; off < 3; off++) {      /* every alignment against the 256-byte buffers */
        char *p = path + off;
        baogao_error_set(&e, BAOGAO_ERR_IO, p, 3, 7, "cannot read %s", p);
        CHECK(bg_utf8_valid(e.file, strlen(e.file)));
        CHECK(bg_utf8_valid(e.message, strlen(e.message)));
        CHECK(strlen(e.file) > 240);
        CHECK_INT(e.line, 3);
        CHECK_INT(e.offset, 7);
        CHECK_INT(e.code, BAOGAO_ERR_IO);
        char *json = baogao_error_json(&e);
        CHECK(json && bg_utf8_valid(json, strlen(json)));
        free(json);
    }
    snprintf(msg, sizeof msg, "%s", "a.txt");
    baogao_error_set(&e, BAOGAO_ERR_IO, NULL, 0, -1, "%s", msg);
    CHECK_STR(e.file, "-");
    CHECK_STR(e.message, "a.txt");
}

static void test_json_strings(void)
{
    jw w;
    jw_init(&w, 0, 16);
    jw_open(&w, '[', 1);
    jw_string(&w, "报\xe5\x91告\"\x01");        /* 告 cut to two bytes, then a whole 告 */
    jw_string(&w, "\xff");
    jw_close(&w);
    char *s = jw_finish(&w);
    CHECK_STR(s, "[\"报\xef\xbf\xbd\xef\xbf\xbd告\\\"\\u0001\",\"\xef\xbf\xbd\"]");
    free(s);
}

static void check_clean(const char *in, const char *name, const char *text)
{
    char *a = bg_clean(in, strlen(in)), *b = bg_clean_text(in, strlen(in));
    CHECK_STR(a, name);
    CHECK_STR(b, text);
    free(a);
    free(b);
}

static void test_clean(void)
{
    /* a printed space between two goals stays in free text, goes in a name */
    check_clean("目标1:强化管理 目标2:比例达到70%", "目标1:强化管理目标2:比例达到70%", "目标1:强化管理 目标2:比例达到70%");
    check_clean("  高邑县 医疗保障局\t\t部门  ", "高邑县医疗保障局部门", "高邑县 医疗保障局 部门");
    /* a line break inside a cell is a wrap: dropped next to CJK in both */
    check_clean("规范化\n管理", "规范化管理", "规范化管理");
    check_clean("rate of\nreturn", "rate of return", "rate of return");
    check_clean("规范化 \n管理", "规范化管理", "规范化 管理");
    check_clean("", "", "");
    check_clean(" \n ", "", "");
}

int main(void)
{
    test_fit_sizes();
    test_fit_bad_bytes();
    test_fixed_printf();
    test_error_set();
    test_json_strings();
    test_clean();
    return CHECK_DONE("util");
}
