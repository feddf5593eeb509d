/* test_decimal.c — exact decimals: parsing, formatting, arithmetic, limits. */
#include "check.h"
#include "decimal.h"

#include <limits.h>
#include <stdlib.h>
#include <time.h>

/* Parse the whole string; a partial parse is a test failure of its own. */
static bg_dec P(const char *s)
{
    bg_dec d;
    int n = bg_dec_parse(s, strlen(s), &d);
    if (n != (int)strlen(s)) {
        fprintf(stderr, "P(\"%s\") consumed %d\n", s, n);
        check_failed++;
        bg_dec_from_int(&d, 0);
    }
    return d;
}

/* Canonical and as-written text; each call site gets its own buffer. */
#define FMT(d, buf) (bg_dec_format(&(d), (buf), sizeof (buf)), (buf))
#define RAW(d, buf) (bg_dec_format_as_written(&(d), (buf), sizeof (buf)), (buf))

static const char *canon(const char *s, char *buf, size_t size)
{
    bg_dec d = P(s);
    bg_dec_format(&d, buf, size);
    return buf;
}

static const char *written(const char *s, char *buf, size_t size)
{
    bg_dec d = P(s);
    bg_dec_format_as_written(&d, buf, size);
    return buf;
}

static int consumed(const char *s)
{
    bg_dec d;
    return bg_dec_parse(s, strlen(s), &d);
}

static void test_parse_basic(void)
{
    char b[128];
    bg_dec d = P("0.31");
    CHECK_STR(d.dig, "31");
    CHECK_INT(d.exp, -2);
    CHECK_INT(d.ndig, 2);
    CHECK_INT(d.neg, 0);
    CHECK_STR(canon("0.31", b, sizeof b), "0.31");
    CHECK_STR(canon("1,234.5", b, sizeof b), "1234.5");
    CHECK_STR(canon("1,100", b, sizeof b), "1100");
    CHECK_STR(canon("233,333,333,434.344", b, sizeof b), "233333333434.344");
    CHECK_STR(canon("-5", b, sizeof b), "-5");
    CHECK_STR(canon("+5", b, sizeof b), "5");
    CHECK_STR(canon("\xE2\x88\x92" "3.5", b, sizeof b), "-3.5");
    CHECK_STR(canon("007", b, sizeof b), "7");
    CHECK_STR(canon("0", b, sizeof b), "0");
    CHECK_STR(canon("0.000", b, sizeof b), "0");
    CHECK_STR(canon("-0", b, sizeof b), "0");
    CHECK_STR(canon("-0.00", b, sizeof b), "0");
    CHECK_STR(canon("0.0031", b, sizeof b), "0.0031");
    CHECK_STR(canon("100", b, sizeof b), "100");

    d = P("200.60");
    CHECK_STR(d.dig, "20060");
    CHECK_INT(d.exp, -2);
    d = P("000.5");
    CHECK_STR(d.dig, "5");
    CHECK_INT(d.exp, -1);
    d = P("0");
    CHECK_STR(d.dig, "0");
    CHECK_INT(d.ndig, 1);
    CHECK_INT(d.exp, 0);
    d = P("-0.00");
    CHECK_INT(d.neg, 0);
    CHECK(bg_dec_is_zero(&d));
    CHECK_INT(bg_dec_scale(&d), 2);
}

static void test_parse_stops(void)
{
    bg_dec d;
    char b[64];
    CHECK_INT(consumed("208."), 3);
    CHECK_INT(consumed("208.元"), 3);
    CHECK_INT(consumed("12,34"), 2);
    CHECK_INT(consumed("1,2345"), 1);
    CHECK_INT(consumed("1234,567"), 4);
    CHECK_INT(consumed("1,234,56"), 5);
    CHECK_INT(consumed("1,234567"), 1);
    CHECK_INT(consumed("1,"), 1);
    CHECK_INT(consumed("1,23"), 1);
    CHECK_INT(consumed("1,234,"), 5);
    CHECK_INT(consumed("1,234.5.6"), 7);
    CHECK_INT(consumed("3.14万元"), 4);
    CHECK_INT(consumed("12%"), 2);
    CHECK_INT(consumed("1e5"), 1);
    CHECK_INT(consumed("1 000"), 1);
    CHECK_INT(consumed(""), -1);
    CHECK_INT(consumed("-"), -1);
    CHECK_INT(consumed("+"), -1);
    CHECK_INT(consumed(".5"), -1);
    CHECK_INT(consumed("-.5"), -1);
    CHECK_INT(consumed(",123"), -1);
    CHECK_INT(consumed("abc"), -1);
    CHECK_INT(consumed("--5"), -1);
    CHECK_INT(consumed("\xE2\x88"), -1);
    CHECK_INT(consumed("\xE2\x88\x92"), -1);

    /* n limits the bytes looked at; s need not be NUL-terminated. */
    CHECK_INT(bg_dec_parse("12345", 3, &d), 3);
    CHECK_STR(FMT(d, b), "123");
    CHECK_INT(bg_dec_parse("1,234", 4, &d), 1);
    CHECK_INT(bg_dec_parse("1.5", 2, &d), 1);
    CHECK_INT(bg_dec_parse("5", 0, &d), -1);
    char raw[3] = {'4', '2', '.'};
    CHECK_INT(bg_dec_parse(raw, sizeof raw, &d), 2);
    CHECK_STR(FMT(d, b), "42");
}

static void test_parse_limits(void)
{
    char b[128], s[128];
    bg_dec d;
    /* Exactly 40 digits is fine, 41 is rejected rather than rounded. */
    memset(s, '9', 40);
    s[40] = '\0';
    CHECK_INT(consumed(s), 40);
    d = P(s);
    CHECK_STR(FMT(d, b), s);
    s[40] = '9';
    s[41] = '\0';
    CHECK_INT(consumed(s), -1);
    CHECK_INT(consumed("0.12345678901234567890123456789012345678901"), -1);
    CHECK_INT(consumed("1234567890123456789012345678901234567.890"), 41);
    CHECK_INT(consumed("1234567890123456789012345678901234567.8901"), -1);
    /* Written fraction zeros are digits too. */
    CHECK_INT(consumed("0.0000000000000000000000000000000000000001"), 42);
    CHECK_INT(consumed("0.00000000000000000000000000000000000000001"), -1);
    /* Leading integer zeros are not significant. */
    CHECK_INT(consumed("0000000000000000000000000000000000000000000000001"), 49);
    CHECK_INT(consumed("1,234,567,890,123,456,789,012,345,678,901,234,567,890"), 53);
    CHECK_INT(consumed("12,345,678,901,234,567,890,123,456,789,012,345,678,901"), -1);
}

static void test_parse_huge(void)
{
    size_t n = 10000;
    char *s = malloc(n + 1);
    bg_dec d;
    for (size_t i = 0; i < n; i++)
        s[i] = (char)('1' + i % 9);
    s[n] = '\0';
    clock_t t0 = clock();
    CHECK_INT(bg_dec_parse(s, n, &d), -1);
    for (size_t i = 0; i < n; i++)
        s[i] = i % 4 == 1 ? ',' : '5';      /* "5,555,555,..." */
    CHECK_INT(bg_dec_parse(s, n, &d), -1);
    s[0] = '0';
    s[1] = '.';
    for (size_t i = 2; i < n; i++)
        s[i] = '0';
    CHECK_INT(bg_dec_parse(s, n, &d), -1);
    /* Ten thousand zeros are one zero: linear scan, no counter overflow. */
    for (size_t i = 0; i < n; i++)
        s[i] = '0';
    CHECK_INT(bg_dec_parse(s, n, &d), (int)n);
    CHECK(bg_dec_is_zero(&d));
    CHECK(clock() - t0 < CLOCKS_PER_SEC / 10);
    free(s);
}

static void test_format(void)
{
    char b[128], small[4];
    CHECK_STR(written("200.60", b, sizeof b), "200.60");
    CHECK_STR(canon("200.60", b, sizeof b), "200.6");
    CHECK_STR(written("0.00", b, sizeof b), "0.00");
    CHECK_STR(written("-0.00", b, sizeof b), "0.00");
    CHECK_STR(written("1.000", b, sizeof b), "1.000");
    CHECK_STR(canon("1.000", b, sizeof b), "1");
    CHECK_STR(canon("10.0", b, sizeof b), "10");
    CHECK_STR(written("0.0500", b, sizeof b), "0.0500");
    CHECK_STR(canon("0.0500", b, sizeof b), "0.05");
    CHECK_STR(written("-12.340", b, sizeof b), "-12.340");

    bg_dec d = P("123456.789");
    CHECK_INT(bg_dec_format(&d, small, sizeof small), 10);
    CHECK_STR(small, "123");
    CHECK_INT(bg_dec_format(&d, NULL, 0), 10);
    CHECK_INT(bg_dec_format_as_written(&d, b, 1), 10);
    CHECK_STR(b, "");

    /* Positive exponents print as plain integers. */
    d = P("12");
    bg_dec_shift(&d, 3);
    CHECK_STR(FMT(d, b), "12000");
    CHECK_STR(RAW(d, b), "12000");
}

static void test_from_int(void)
{
    char b[64];
    bg_dec d;
    bg_dec_from_int(&d, 0);
    CHECK_STR(FMT(d, b), "0");
    CHECK_INT(d.ndig, 1);
    bg_dec_from_int(&d, -42);
    CHECK_STR(FMT(d, b), "-42");
    bg_dec_from_int(&d, LLONG_MAX);
    CHECK_STR(FMT(d, b), "9223372036854775807");
    bg_dec_from_int(&d, LLONG_MIN);
    CHECK_STR(FMT(d, b), "-9223372036854775808");
    bg_dec_from_int(&d, 1000);
    CHECK_STR(d.dig, "1000");
    CHECK_INT(d.exp, 0);
}

static void test_shift(void)
{
    char b[64];
    bg_dec d = P("11122315.04");
    bg_dec_shift(&d, -4);
    CHECK_STR(FMT(d, b), "1112.231504");
    CHECK_INT(bg_dec_scale(&d), 6);
    d = P("16.4");
    bg_dec_shift(&d, 8);
    CHECK_STR(FMT(d, b), "1640000000");
    CHECK_INT(bg_dec_scale(&d), 0);
    d = P("200.60");
    bg_dec_shift(&d, -4);
    CHECK_STR(RAW(d, b), "0.020060");
    d = P("5");
    bg_dec_shift(&d, -3);
    CHECK_STR(FMT(d, b), "0.005");
    d = P("0");
    bg_dec_shift(&d, 5);
    CHECK_STR(RAW(d, b), "0");
    d = P("0");
    bg_dec_shift(&d, -2);
    CHECK_STR(RAW(d, b), "0.00");
    CHECK_STR(FMT(d, b), "0");
    d = P("7");
    bg_dec_shift(&d, INT_MAX);
    CHECK_INT(d.exp, BG_DEC_EXP_MAX);
    bg_dec_shift(&d, INT_MIN);
    CHECK_INT(d.exp, -BG_DEC_EXP_MAX);
}

static const char *op(int (*f)(const bg_dec *, const bg_dec *, bg_dec *),
                      const char *x, const char *y, char *buf, size_t size)
{
    bg_dec a = P(x), b = P(y), r;
    if (f(&a, &b, &r) < 0)
        return "overflow";
    bg_dec_format_as_written(&r, buf, size);
    return buf;
}

static void test_add_sub(void)
{
    char b[128];
    CHECK_STR(op(bg_dec_add, "0.1", "0.2", b, sizeof b), "0.3");
    CHECK_STR(op(bg_dec_add, "200.60", "1", b, sizeof b), "201.60");
    CHECK_STR(op(bg_dec_add, "1.5", "-1.5", b, sizeof b), "0.0");
    CHECK_STR(op(bg_dec_add, "-2", "-3", b, sizeof b), "-5");
    CHECK_STR(op(bg_dec_add, "-2", "3", b, sizeof b), "1");
    CHECK_STR(op(bg_dec_add, "2", "-3", b, sizeof b), "-1");
    CHECK_STR(op(bg_dec_add, "0", "-3.10", b, sizeof b), "-3.10");
    CHECK_STR(op(bg_dec_add, "0.00", "0", b, sizeof b), "0.00");
    CHECK_STR(op(bg_dec_add, "999", "1", b, sizeof b), "1000");
    CHECK_STR(op(bg_dec_add, "0.999", "0.001", b, sizeof b), "1.000");
    CHECK_STR(op(bg_dec_sub, "1000", "0.01", b, sizeof b), "999.99");
    CHECK_STR(op(bg_dec_sub, "5", "5", b, sizeof b), "0");
    CHECK_STR(op(bg_dec_sub, "3", "5.5", b, sizeof b), "-2.5");
    CHECK_STR(op(bg_dec_sub, "-3", "-5", b, sizeof b), "2");
    CHECK_STR(op(bg_dec_sub, "1,112.231504", "1112.23", b, sizeof b), "0.001504");

    /* 40 nines plus 0.1 needs 41 significant digits: refused, never rounded.
     * Plus 1 it is 10^40, one significant digit, which is fine. */
    char nines[48];
    memset(nines, '9', 40);
    nines[40] = '\0';
    CHECK_STR(op(bg_dec_add, nines, "0.1", b, sizeof b), "overflow");
    CHECK_STR(op(bg_dec_sub, nines, "-0.1", b, sizeof b), "overflow");
    CHECK_STR(op(bg_dec_add, nines, "1", b, sizeof b), "10000000000000000000000000000000000000000");
    CHECK_STR(op(bg_dec_sub, nines, "1", b, sizeof b), "9999999999999999999999999999999999999998");
    /* Trailing fraction zeros give way before an exact result is refused. */
    CHECK_STR(op(bg_dec_add, "1.000000000000000000000000000000000000000", "100000", b, sizeof b),
              "100001.0000000000000000000000000000000000");

    /* Far-apart operands: no huge alignment buffer, just an honest refusal. */
    bg_dec big = P("1"), one = P("1"), r;
    bg_dec_shift(&big, 1000);
    CHECK_INT(bg_dec_add(&big, &one, &r), -1);
    CHECK_INT(bg_dec_sub(&big, &one, &r), -1);
    CHECK_INT(bg_dec_add(&big, &big, &r), 0);
    CHECK_INT(r.exp, 1000);
    CHECK_STR(r.dig, "2");

    /* out may alias an operand. */
    bg_dec a = P("1.25");
    CHECK_INT(bg_dec_add(&a, &a, &a), 0);
    CHECK_STR(RAW(a, b), "2.50");
}

static void test_mul(void)
{
    char b[128];
    CHECK_STR(op(bg_dec_mul, "1.1", "1.1", b, sizeof b), "1.21");
    CHECK_STR(op(bg_dec_mul, "200.60", "2", b, sizeof b), "401.20");
    CHECK_STR(op(bg_dec_mul, "-3", "0.5", b, sizeof b), "-1.5");
    CHECK_STR(op(bg_dec_mul, "-3", "-4", b, sizeof b), "12");
    CHECK_STR(op(bg_dec_mul, "-3", "0", b, sizeof b), "0");
    CHECK_STR(op(bg_dec_mul, "0.00", "7.5", b, sizeof b), "0.000");
    CHECK_STR(op(bg_dec_mul, "11122315.04", "0.0001", b, sizeof b), "1112.231504");
    CHECK_STR(op(bg_dec_mul, "12345678901234567890", "98765432109876543210", b, sizeof b),
              "1219326311370217952237463801111263526900");
    CHECK_STR(op(bg_dec_mul, "12345678901234567891", "987654321098765432101", b, sizeof b),
              "overflow");
    /* 41 digits, but the last is a zero: exact in 40 significant digits. */
    CHECK_STR(op(bg_dec_mul, "12345678901234567890", "987654321098765432101", b, sizeof b),
              "12193263113702179522386983690013869836890");
    bg_dec a = P("-2.5");
    CHECK_INT(bg_dec_mul(&a, &a, &a), 0);
    CHECK_STR(RAW(a, b), "6.25");
}

static const char *dv(const char *x, const char *y, int scale, char *buf, size_t size)
{
    bg_dec a = P(x), b = P(y), r;
    if (bg_dec_div(&a, &b, scale, &r) < 0)
        return "error";
    bg_dec_format_as_written(&r, buf, size);
    return buf;
}

static void test_div(void)
{
    char b[128];
    CHECK_STR(dv("1", "3", 4, b, sizeof b), "0.3333");
    CHECK_STR(dv("2", "3", 4, b, sizeof b), "0.6667");
    CHECK_STR(dv("-2", "3", 4, b, sizeof b), "-0.6667");
    CHECK_STR(dv("1", "4", 4, b, sizeof b), "0.2500");
    CHECK_STR(dv("10", "4", 0, b, sizeof b), "3");     /* 2.5 -> 3 */
    CHECK_STR(dv("-10", "4", 0, b, sizeof b), "-3");   /* away from zero */
    CHECK_STR(dv("0.125", "1", 2, b, sizeof b), "0.13");
    CHECK_STR(dv("-0.125", "1", 2, b, sizeof b), "-0.13");
    CHECK_STR(dv("0.124", "1", 2, b, sizeof b), "0.12");
    CHECK_STR(dv("1", "3", 0, b, sizeof b), "0");
    CHECK_STR(dv("-1", "3", 0, b, sizeof b), "0");
    CHECK_STR(dv("11122315.04", "10000", 6, b, sizeof b), "1112.231504");
    CHECK_STR(dv("11122315.04", "10000", 2, b, sizeof b), "1112.23");
    CHECK_STR(dv("98", "100", 2, b, sizeof b), "0.98");
    CHECK_STR(dv("0.31", "0.01", 0, b, sizeof b), "31");
    CHECK_STR(dv("1250", "1", -2, b, sizeof b), "1300");
    CHECK_STR(dv("1249", "1", -2, b, sizeof b), "1200");
    CHECK_STR(dv("0", "7", 3, b, sizeof b), "0.000");
    CHECK_STR(dv("1", "0", 3, b, sizeof b), "error");
    CHECK_STR(dv("1", "0.000", 3, b, sizeof b), "error");
    CHECK_STR(dv("1", "1000000000000000000000000000000", 2, b, sizeof b), "0.00");
    CHECK_STR(dv("5", "1000", 2, b, sizeof b), "0.01");   /* 0.005 rounds up */
    CHECK_STR(dv("4", "1000", 2, b, sizeof b), "0.00");
    /* A terminating quotient fits however large the requested scale is. */
    CHECK_STR(dv("1", "8", 45, b, sizeof b), "0.1250000000000000000000000000000000000000");
    CHECK_STR(dv("1", "3", 50, b, sizeof b), "error");
    CHECK_STR(dv("1", "3", 40, b, sizeof b), "0.3333333333333333333333333333333333333333");
    CHECK_STR(dv("1", "3", 100000, b, sizeof b), "error");
    CHECK_STR(dv("1", "3", INT_MIN, b, sizeof b), "error");
    bg_dec x = P("7"), y = P("2");
    CHECK_INT(bg_dec_div(&x, &y, 1, &x), 0);
    CHECK_STR(RAW(x, b), "3.5");
}

static int cmp(const char *x, const char *y)
{
    bg_dec a = P(x), b = P(y);
    return bg_dec_cmp(&a, &b);
}

static void test_cmp(void)
{
    CHECK_INT(cmp("1", "2"), -1);
    CHECK_INT(cmp("2", "1"), 1);
    CHECK_INT(cmp("1.0", "1"), 0);
    CHECK_INT(cmp("200.60", "200.6"), 0);
    CHECK_INT(cmp("0", "-0.00"), 0);
    CHECK_INT(cmp("-1", "0"), -1);
    CHECK_INT(cmp("-1", "-2"), 1);
    CHECK_INT(cmp("0.31", "0.310000001"), -1);
    CHECK_INT(cmp("100", "99.999"), 1);
    CHECK_INT(cmp("0.001", "0.01"), -1);
    CHECK_INT(cmp("1,000", "1000.000"), 0);
    bg_dec a = P("12"), b = P("1200");
    bg_dec_shift(&a, 2);
    CHECK_INT(bg_dec_cmp(&a, &b), 0);
}

static void test_misc(void)
{
    bg_dec d = P("0.31");
    CHECK(bg_dec_to_double(&d) == 0.31);
    d = P("-1,234.5");
    CHECK(bg_dec_to_double(&d) == -1234.5);
    d = P("0");
    CHECK(bg_dec_to_double(&d) == 0.0);
    CHECK(bg_dec_is_zero(&d));
    d = P("0.001");
    CHECK(!bg_dec_is_zero(&d));
    CHECK_INT(bg_dec_scale(&d), 3);
    d = P("12");
    CHECK_INT(bg_dec_scale(&d), 0);
}

int main(void)
{
    test_parse_basic();
    test_parse_stops();
    test_parse_limits();
    test_parse_huge();
    test_format();
    test_from_int();
    test_shift();
    test_add_sub();
    test_mul();
    test_div();
    test_cmp();
    test_misc();
    return CHECK_DONE("decimal");
}
