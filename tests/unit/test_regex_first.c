/* test_regex_first.c — the first characters of an anchored expression read
 * from its source (bg_match's prefilter), and the matches they decide. */
#include "check.h"
#include "patterns.h"
#include "regex_first.h"

/* The first characters as text: "a b 0-9" (one range a character, lo-hi else), or "" when unknown. */
static const char *firsts(const char *pattern)
{
    static char out[256];
    bg_cp_range r[BG_FIRST_RANGES];
    size_t n = bg_regex_first_chars(pattern, r), len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char a[8], b[8];
        a[bg_utf8_put(r[i].lo, a)] = '\0';
        b[bg_utf8_put(r[i].hi, b)] = '\0';
        len += (size_t)snprintf(out + len, sizeof out - len, r[i].lo == r[i].hi ? "%s%s" : "%s%s-%s",
                                i ? " " : "", a, b);
    }
    return out;
}

static void test_known(void)
{
    CHECK_STR(firsts("^一级指标"), "一");
    CHECK_STR(firsts("^(?:三级指标|指标名称|绩效指标名称|具体指标)"), "三 指 绩 具");
    CHECK_STR(firsts("^(?:预算数|预算金额|执行数)$"), "预 执");      /* each once */
    /* an optional part: its characters and those after it */
    CHECK_STR(firsts("^(?:(?:19|20)[0-9]{2}\\s*年度?)?(?:预算数|执行数)"), "1 2 预 执");
    CHECK_STR(firsts("^(?:全年)?实际值"), "全 实");
    CHECK_STR(firsts("^[“\"]?三公"), "“ \" 三");
    CHECK_STR(firsts("^(?<num>[0-9]{1,3})、"), "0-9");
    CHECK_STR(firsts("^-?[0-9]+|"), "");           /* a second alternative, not anchored */
    CHECK_STR(firsts("^\\((?<n>[一二])\\)"), "(");
    CHECK_STR(firsts("^a{0}b"), "a b");
    CHECK_STR(firsts("^a*?b+c"), "a b");
    /* what follows the first character is only skipped, however it is written */
    CHECK_STR(firsts("^(?:a[)|]\\s*(?=x)|c\\)|d(?:e|f)*)$"), "a c d");
}

static void test_unknown(void)
{
    const char *unknown[] = {
        "一级指标", "^\\s*一", "^.一", "^(?=一)一", "^(?<=x)一", "^(?<!x)一", "^(?i)a", "^(?>a)", "^(?|a|b)",
        "^[^a]", "^[\\d]", "^[[:alpha:]]", "^[a-]", "^[]a]", "^a{,2}b", "^a{x}", "^\\d", "^\\x41", "^\\Qa\\E",
        "^(?:a)?", "^a?b*", "^$", "^a|^b", "^(?:a|)", "^a)", "^(*UTF)a", "^\\1", "^(?#x)a",
        "^[一二三四五六七八九十壹贰叁肆]", "",
    };
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        if (strcmp(firsts(unknown[i]), "") != 0)
            fprintf(stderr, "pattern %s\n", unknown[i]);
        CHECK_STR(firsts(unknown[i]), "");
    }
}

/* The prefilter answers as PCRE2 would: a subject starting with another
 * character does not match, one starting with a first character is matched. */
static void test_match(void)
{
    bg_kv kv = { "header", "^(?:(?:19|20)[0-9]{2}\\s*年度?\\s*)?(?:预算数|执行数)", "t.txt", 1 };
    bg_regex re;
    baogao_error err;
    CHECK_INT(bg_regex_compile(&kv, &re, &err), 0);
    bg_warnings w = { 0 };
    bg_matcher m;
    bg_matcher_init(&m, &w);
    size_t ov[2];
    const char *yes[] = { "预算数", "执行数(万元)", "2023年预算数", "2023 年度 执行数" };
    const char *no[] = { "年初预算数", "全年执行数", "指标", "", "(预算数)", "预" };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        CHECK_INT(bg_match(&m, &re, yes[i], strlen(yes[i]), 0, ov, 1, 1), 1);
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        CHECK_INT(bg_match(&m, &re, no[i], strlen(no[i]), 0, ov, 1, 1), 0);
    CHECK_INT(bg_match(&m, &re, "x预算数", 4, 1, ov, 1, 1), 0);     /* ^ is the subject's start */
    CHECK_INT(w.n, 0);
    bg_matcher_free(&m);
    bg_warnings_free(&w);
    bg_regex_free(&re);
}

int main(void)
{
    test_known();
    test_unknown();
    test_match();
    return CHECK_DONE("regex_first");
}
