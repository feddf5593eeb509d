/* amount_value.c — the exact value and unit of an amount the [amounts]
 * expression matched: Arabic, Chinese and 大写 numerals, mixed ones
 * (200亿零四千230元), a sign (负, -), a range, and 角 分 厘 after 元. */
#include "amounts.h"

#include <stdio.h>
#include <string.h>

#include "cnnum.h"

bg_span bg_amount_group(bg_matcher *m, const bg_regex *re, const char *name)
{
    bg_span r = { SIZE_MAX, SIZE_MAX };
    if (!bg_group(m, re, name, &r.a, &r.b) || r.b <= r.a)
        r.a = r.b = SIZE_MAX;
    return r;
}

int bg_span_has(bg_span r)
{
    return r.a != SIZE_MAX && r.b > r.a;
}

static int starts(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && memcmp(s, w, k) == 0;
}

static int ends(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && memcmp(s + n - k, w, k) == 0;
}

/* Bytes of the sign (-, −, 负) at s, 0 if none. */
static size_t sign_length(const char *s, size_t n)
{
    return n && s[0] == '-' ? 1 : starts(s, n, "−") || starts(s, n, "负") ? 3 : 0;
}

/* The value of a number (3千, 五百, 1.2, 200亿零四千230, 负三十六): exact
 * digits for Arabic numbers (200.60 stays 200.60), else the numeral's value. */
static int read_number(const char *s, size_t n, bg_dec *out)
{
    size_t k = sign_length(s, n);
    if (k) {
        if (k == n || sign_length(s + k, n - k) || read_number(s + k, n - k, out) < 0)
            return -1;
        out->neg = !bg_dec_is_zero(out);
        return 0;
    }
    if (n && s[0] >= '0' && s[0] <= '9' && bg_dec_parse(s, n, out) == (int)n)
        return 0;
    return bg_cn_parse(s, n, out);
}

/* Split number+scale ("五百万", "3千万", "1.2亿", "1.23万亿") into the value
 * and the unit: a final 万, 亿 or 万亿 is the unit's, the rest is the number. */
static int read_value(const char *s, size_t n, const char *yuan, bg_dec *value, char *unit, size_t unit_size)
{
    static const char *const big[] = { "万亿", "萬億", "万", "萬", "亿", "億" };
    /* Arabic digits before a scale a numeral takes one digit for: 12千元 is 12 千元 */
    static const char *const small[] = { "千万", "百万", "千" };
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++)
        if (ends(s, n, big[i]) && n > strlen(big[i]) && read_number(s, n - strlen(big[i]), value) == 0) {
            snprintf(unit, unit_size, "%s%s", big[i], yuan);    /* as written: 萬 stays 萬 */
            return 0;
        }
    if (n && read_number(s, n, value) == 0) {
        snprintf(unit, unit_size, "%s", yuan);
        return 0;
    }
    for (size_t i = 0; i < sizeof small / sizeof small[0]; i++) {
        size_t k = strlen(small[i]);
        if (ends(s, n, small[i]) && n > k && s[0] >= '0' && s[0] <= '9'
            && bg_dec_parse(s, n - k, value) == (int)(n - k)) {
            snprintf(unit, unit_size, "%s%s", small[i], yuan);
            return 0;
        }
    }
    return -1;
}

/* 角 分 厘 as places after the point, in that order, each once; 零 stands
 * for a skipped place (壹元零壹分); 毛 is the spoken 角. Adds them to *value
 * (a value in 元). */
static int add_subunits(const char *s, size_t n, bg_dec *value)
{
    static const char *const names[] = { "角", "毛", "分", "厘", "釐" };
    static const int places[] = { 1, 1, 2, 3, 3 };
    const size_t nnames = sizeof names / sizeof names[0];
    bg_dec sum, d;
    int last = 0;
    bg_dec_from_int(&sum, 0);
    for (size_t i = 0; i < n;) {
        size_t k = s[i] >= '0' && s[i] <= '9' ? 1 : 3;
        if (i + k > n)
            return -1;
        size_t u = 0;
        while (u < nnames && !starts(s + i + k, n - i - k, names[u]))
            u++;
        if (u == nnames) {
            if (k == 3 && (starts(s + i, n - i, "零") || starts(s + i, n - i, "〇"))) {
                i += 3;         /* a gap: 零壹分 */
                continue;
            }
            return -1;
        }
        if (bg_cn_parse(s + i, k, &d) < 0 || places[u] <= last)
            return -1;
        last = places[u];
        bg_dec_shift(&d, -places[u]);
        d.neg = value->neg && !bg_dec_is_zero(&d);
        if (bg_dec_add(&sum, &d, &sum) < 0)
            return -1;
        i += k + 3;
    }
    return last ? bg_dec_add(value, &sum, value) : -1;
}

/* The number (num and its scale, or num2) as one text, in buf. */
static size_t join(const char *s, bg_span a, bg_span b, char *buf, size_t size)
{
    size_t na = a.b - a.a, nb = bg_span_has(b) ? b.b - b.a : 0;
    if (na + nb >= size)
        return 0;
    memcpy(buf, s + a.a, na);
    if (nb)
        memcpy(buf + na, s + b.a, nb);
    return na + nb;
}

/* The range's upper end, and the lower end's scale when it wrote none. */
static int read_range(const char *s, bg_span num, bg_span num2, bg_span scale, bg_span scale1, const char *yuan,
                      bg_amount *a, char *unit, size_t unit_size)
{
    char text[160], unit2[32];
    size_t n = join(s, num2, scale, text, sizeof text);
    if (!n || read_value(text, n, yuan, &a->value_max, unit2, sizeof unit2) < 0)
        return -1;
    if (strcmp(unit, unit2) != 0 && !bg_span_has(scale1) && strcmp(unit, yuan) == 0) {
        /* 一千到两千万元: the lower end shares the upper end's scale */
        n = join(s, num, (bg_span){ SIZE_MAX, SIZE_MAX }, text, sizeof text);
        if (!n || read_number(text, n, &a->value) < 0)
            return -1;
        snprintf(unit, unit_size, "%s", unit2);
    } else if (strcmp(unit, unit2) != 0)
        return -1;
    a->has_max = 1;
    a->qualifier = "range";
    return 0;
}

/* 角/分 alone (叁角贰分, 人民币壹分): money only in 大写 digits or after
 * 人民币 / ¥; 五角 and 3分 are not. */
static int read_subunits_alone(const bg_amount_rules *ar, bg_matcher *m, const char *s, bg_span sub, int marked,
                               long line, bg_amount *a, bg_amount_reading *r)
{
    size_t ov[2];
    if (!marked && !bg_match(m, &ar->formal, s, sub.b, sub.a, ov, 1, line))
        return -1;
    bg_dec_from_int(&a->value, 0);
    if (add_subunits(s + sub.a, sub.b - sub.a, &a->value) < 0)
        return -1;
    snprintf(r->unit, sizeof r->unit, "元");
    r->written_yuan = r->subunits_alone = 1;
    return 0;
}

int bg_amount_read(const bg_amount_rules *ar, bg_matcher *m, const char *s, long line, bg_amount *a,
                   bg_amount_reading *r)
{
    const bg_regex *re = &ar->expression;
    bg_span num = bg_amount_group(m, re, "num"), num2 = bg_amount_group(m, re, "num2");
    bg_span scale = bg_amount_group(m, re, "scale"), scale1 = bg_amount_group(m, re, "scale1");
    bg_span yuan = bg_amount_group(m, re, "yuan"), yuan2 = bg_amount_group(m, re, "yuan2");
    bg_span sub = bg_amount_group(m, re, "sub"), sign = bg_amount_group(m, re, "sign");
    bg_span rmb = bg_amount_group(m, re, "rmb"), rmb0 = bg_amount_group(m, re, "rmb0");
    int marked = bg_span_has(sign) || bg_span_has(rmb) || bg_span_has(rmb0);
    bg_span y = bg_span_has(yuan) ? yuan : yuan2;
    char yuan_text[8] = "", text[160];
    memset(r, 0, sizeof *r);
    if (!bg_span_has(num)) {
        bg_span sub0 = bg_amount_group(m, re, "sub0");
        if (!bg_span_has(sub0))
            return -1;      /* an expression of --patterns may leave both unset */
        return read_subunits_alone(ar, m, s, sub0, marked, line, a, r);
    }
    r->written_yuan = bg_span_has(y);
    if (r->written_yuan && y.b - y.a < sizeof yuan_text)
        memcpy(yuan_text, s + y.a, y.b - y.a);      /* 元, or 圆 as written */
    /* the number and its scale, without a range between them; a range's
     * lower end takes the scale it wrote (100万至200万元) or the upper's
     * (一千到两千万元, 100-200万元) */
    size_t n = join(s, num, bg_span_has(num2) ? scale1 : scale, text, sizeof text);
    if (marked) {
        /* ¥300, 人民币300 and 300人民币 are 300 元; ¥5万 is a 万 that is money */
        if (!r->written_yuan && !bg_span_has(scale) && !ends(text, n, "万") && !ends(text, n, "萬")
            && !ends(text, n, "亿") && !ends(text, n, "億"))
            strcpy(yuan_text, "元");
        r->written_yuan = 1;
    }
    if (!n || read_value(text, n, yuan_text, &a->value, r->unit, sizeof r->unit) < 0)
        return -1;
    if (bg_span_has(num2) && read_range(s, num, num2, scale, scale1, yuan_text, a, r->unit, sizeof r->unit) < 0)
        return -1;
    if (bg_span_has(sub) && (a->has_max || strcmp(r->unit, yuan_text) != 0
                             || add_subunits(s + sub.a, sub.b - sub.a, &a->value) < 0))
        return -1;
    return *r->unit ? 0 : -1;
}
