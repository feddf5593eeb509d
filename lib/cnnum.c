/* cnnum.c — Chinese numerals to exact decimals (see cnnum.h).
 *
 * The numeral is cut into tokens (digit, ASCII number, scale, point) and
 * evaluated by splitting at the last occurrence of its largest scale:
 * value = left * scale + right.  万亿 is read as one scale (10^12); splitting
 * at the *last* occurrence lets the old 万万 compose (四万万: left 四万), and
 * the checks on each side reject malformed strings instead of guessing. */
#include "cnnum.h"

#include <string.h>

#define MAX_TOK 128

enum kind { T_DIGIT, T_NUM, T_SCALE, T_POINT };

typedef struct {
    enum kind kind;
    int pow;        /* T_SCALE: power of ten (12 for 万亿) */
    int single;     /* one digit character: may be an abbreviated tail */
    int zero;       /* 零 or 〇: marks a gap, never a leading digit */
    bg_dec val;     /* T_DIGIT, T_NUM */
} token;

typedef struct {
    const char *utf8;
    enum kind kind;
    int val;        /* digit value or power of ten */
} cn_char;

static const cn_char CN_CHARS[] = {
    {"〇", T_DIGIT, 0}, {"零", T_DIGIT, 0}, {"一", T_DIGIT, 1}, {"幺", T_DIGIT, 1},
    {"壹", T_DIGIT, 1}, {"二", T_DIGIT, 2}, {"两", T_DIGIT, 2}, {"兩", T_DIGIT, 2},
    {"贰", T_DIGIT, 2}, {"貳", T_DIGIT, 2}, {"貮", T_DIGIT, 2}, {"三", T_DIGIT, 3},
    {"叁", T_DIGIT, 3}, {"參", T_DIGIT, 3}, {"参", T_DIGIT, 3}, {"叄", T_DIGIT, 3}, {"四", T_DIGIT, 4}, {"肆", T_DIGIT, 4}, {"五", T_DIGIT, 5},
    {"伍", T_DIGIT, 5}, {"六", T_DIGIT, 6}, {"陆", T_DIGIT, 6}, {"陸", T_DIGIT, 6},
    {"七", T_DIGIT, 7}, {"柒", T_DIGIT, 7}, {"八", T_DIGIT, 8}, {"捌", T_DIGIT, 8},
    {"九", T_DIGIT, 9}, {"玖", T_DIGIT, 9},
    {"十", T_SCALE, 1}, {"拾", T_SCALE, 1}, {"百", T_SCALE, 2}, {"佰", T_SCALE, 2},
    {"千", T_SCALE, 3}, {"仟", T_SCALE, 3}, {"万", T_SCALE, 4}, {"萬", T_SCALE, 4},
    {"亿", T_SCALE, 8}, {"億", T_SCALE, 8},
    {"点", T_POINT, 0}, {"點", T_POINT, 0},
};

static int is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

/* Every listed character is three bytes of UTF-8. */
static const cn_char *lookup(const char *s, size_t n)
{
    if (n < 3)
        return NULL;
    for (size_t i = 0; i < sizeof CN_CHARS / sizeof CN_CHARS[0]; i++)
        if (memcmp(s, CN_CHARS[i].utf8, 3) == 0)
            return &CN_CHARS[i];
    return NULL;
}

/* Bytes of the numeral character at s[i], 0 if there is none. */
static size_t numeral_char(const char *s, size_t n, size_t i)
{
    if (is_ascii_digit(s[i]))
        return 1;
    if (s[i] == '.')
        return i + 1 < n && is_ascii_digit(s[i + 1]);
    if (s[i] == ',')
        return i + 3 < n && is_ascii_digit(s[i + 1]) && is_ascii_digit(s[i + 2]) &&
               is_ascii_digit(s[i + 3]) && (i + 4 >= n || !is_ascii_digit(s[i + 4]));
    const cn_char *c = lookup(s + i, n - i);
    if (!c)
        return 0;
    if (c->kind == T_POINT) {
        const cn_char *next = lookup(s + i + 3, n - i - 3);
        return next && next->kind == T_DIGIT ? 3 : 0;
    }
    return 3;
}

size_t bg_cn_span(const char *s, size_t n)
{
    size_t i = 0, k;
    while (i < n && (k = numeral_char(s, n, i)) > 0)
        i += k;
    return i;
}

static int is_yi(const char *s, size_t n)
{
    const cn_char *c = lookup(s, n);
    return c && c->kind == T_SCALE && c->val == 8;
}

static int tokenize(const char *s, size_t n, token *t)
{
    int nt = 0;
    for (size_t i = 0; i < n;) {
        if (nt == MAX_TOK)
            return -1;
        token *k = &t[nt++];
        memset(k, 0, sizeof *k);
        if (is_ascii_digit(s[i])) {
            /* A padded "06" or "0748" is a code or a typo, not an amount. */
            if (s[i] == '0' && i + 1 < n && is_ascii_digit(s[i + 1]))
                return -1;
            /* s[i] is a digit, so bg_dec_parse cannot take a sign here. */
            int len = bg_dec_parse(s + i, n - i, &k->val);
            if (len < 0)
                return -1;
            k->kind = T_NUM;
            k->single = len == 1;
            i += (size_t)len;
            continue;
        }
        const cn_char *c = lookup(s + i, n - i);
        if (!c)
            return -1;
        k->kind = c->kind;
        if (c->kind == T_SCALE)
            k->pow = c->val;
        if (c->val == 4 && c->kind == T_SCALE && is_yi(s + i + 3, n - i - 3)) {
            /* 万亿 is one scale, 10^12: 二千八百万亿一千亿 must split there,
             * not at the later 亿. */
            k->pow = 12;
            i += 3;
        }
        if (c->kind == T_DIGIT) {
            bg_dec_from_int(&k->val, c->val);
            k->single = 1;
            k->zero = c->val == 0;
        }
        i += 3;
    }
    return nt;
}

/* A nonzero digit after the decimal point ("1.50" is; "2.00" is not). */
static int is_fraction(const bg_dec *d)
{
    for (int i = d->ndig + d->exp; i < d->ndig; i++)
        if (i >= 0 && d->dig[i] != '0')
            return 1;
    return 0;
}

static int is_positive(const bg_dec *d) { return !d->neg && !bg_dec_is_zero(d); }

/* d < 10^pow */
static int below_pow(const bg_dec *d, int pow)
{
    bg_dec lim;
    bg_dec_from_int(&lim, 1);
    bg_dec_shift(&lim, pow);
    return bg_dec_cmp(d, &lim) < 0;
}

/* Largest scale in t[lo..hi) and its last position; -1 if none. */
static int max_scale(const token *t, int lo, int hi, int *pos)
{
    int best = -1;
    *pos = -1;
    for (int i = lo; i < hi; i++)
        if (t[i].kind == T_SCALE && t[i].pow >= best) {
            best = t[i].pow;
            *pos = i;
        }
    return best;
}

static int eval_expr(const token *t, int lo, int hi, bg_dec *out);

/* The multiplier in front of a scale. */
static int eval_left(const token *t, int lo, int hi, int pow, bg_dec *out)
{
    int pos, inner;
    if (lo == hi) {
        /* Only 十 may stand alone (十五, 十万); 万 or 百 alone is no number. */
        if (pow != 1)
            return -1;
        bg_dec_from_int(out, 1);
        return 0;
    }
    if (pow < 4) {
        /* 十百千 take one digit: 三千, 3千, 1.5千 — but not 二十百 or 12千. */
        if (hi - lo != 1 || (t[lo].kind != T_DIGIT && t[lo].kind != T_NUM))
            return -1;
        *out = t[lo].val;
        if (pow == 1 && is_fraction(out))
            return -1;
        return is_positive(out) && below_pow(out, 1) ? 0 : -1;
    }
    inner = max_scale(t, lo, hi, &pos);
    /* 万 as the old 万万 (= 亿) only at the end: 四万万, 10万万. */
    int wanwan = pow == 4 && inner == 4 && pos == hi - 1;
    /* Below 亿 may stand 万 (一万五千亿); below 万 and 万亿 no big scale. */
    if (!wanwan && inner >= (pow == 8 ? 8 : 4))
        return -1;
    if (eval_expr(t, lo, hi, out) < 0 || !is_positive(out))
        return -1;
    return wanwan && !below_pow(out, 8) ? -1 : 0;
}

/* What follows a scale, which must stay below it. */
static int eval_right(const token *t, int lo, int hi, int pow, int left_is_fraction, bg_dec *out)
{
    if (lo == hi) {
        bg_dec_from_int(out, 0);
        return 0;
    }
    /* 1.5万 is complete; 1.5万3 has no reading. */
    if (left_is_fraction)
        return -1;
    if (t[lo].zero) {
        /* One 零 bridges a gap: 一万零五, 一千零二十.  After 十 there is no
         * place left to skip, so 二十零五 is malformed. */
        lo++;
        if (lo == hi || t[lo].zero || pow == 1)
            return -1;
    } else if (hi - lo == 1 && t[lo].single && is_positive(&t[lo].val)) {
        /* A lone digit right after a scale fills the next place down:
         * 一万二 is 12000, 两百五 is 250, and 十五 is 15 by the same rule. */
        *out = t[lo].val;
        bg_dec_shift(out, pow - 1);
        return 0;
    }
    if (eval_expr(t, lo, hi, out) < 0)
        return -1;
    return is_positive(out) && !is_fraction(out) && below_pow(out, pow) ? 0 : -1;
}

static int eval_expr(const token *t, int lo, int hi, bg_dec *out)
{
    int pos, pow = max_scale(t, lo, hi, &pos);
    bg_dec left, right;

    if (pow < 0) {
        /* No scale: exactly one digit or ASCII number.  Digit strings such
         * as 二〇二三 are years or codes, not amounts. */
        if (hi - lo != 1 || t[lo].kind == T_POINT)
            return -1;
        *out = t[lo].val;
        return 0;
    }
    if (eval_left(t, lo, pos, pow, &left) < 0 ||
        eval_right(t, pos + 1, hi, pow, is_fraction(&left), &right) < 0)
        return -1;
    bg_dec_shift(&left, pow);
    return bg_dec_add(&left, &right, out);
}

/* The whole part of a numeral: 零 may only stand for zero itself. */
static int eval_whole(const token *t, int lo, int hi, bg_dec *out)
{
    if (lo == hi || (t[lo].zero && hi - lo > 1))
        return -1;
    return eval_expr(t, lo, hi, out);
}

/* 点 digits: each digit spelled out, 零 and 两 included (两百点两 = 200.2). */
static int eval_point_digits(const token *t, int lo, int hi, int *end, bg_dec *out)
{
    char buf[2 + MAX_TOK];
    size_t n = 0;
    int i = lo;

    buf[n++] = '0';
    buf[n++] = '.';
    for (; i < hi && t[i].kind == T_DIGIT; i++)
        buf[n++] = t[i].val.dig[0];
    *end = i;
    if (i == lo)
        return -1;
    return bg_dec_parse(buf, n, out) == (int)n ? 0 : -1;
}

/* X点Y followed by scales (二点五亿, 十五点七万) is the decimal X.Y times
 * them, evaluated exactly like the ASCII 2.5亿. */
static int eval_scaled_decimal(const token *t, int n, int point, int sfx, const bg_dec *coef,
                               bg_dec *out)
{
    token tmp[MAX_TOK];
    int pos;

    for (int i = sfx; i < n; i++)
        if (t[i].kind != T_SCALE)
            return -1;
    if (max_scale(t, 0, point, &pos) >= t[sfx].pow)
        return -1;
    memset(&tmp[0], 0, sizeof tmp[0]);
    tmp[0].kind = T_NUM;
    tmp[0].val = *coef;
    memcpy(&tmp[1], &t[sfx], (size_t)(n - sfx) * sizeof *t);
    return eval_expr(tmp, 0, 1 + n - sfx, out);
}

int bg_cn_parse(const char *s, size_t n, bg_dec *out)
{
    token t[MAX_TOK];
    bg_dec whole, frac, coef;
    int nt = tokenize(s, n, t), point = -1, sfx;

    if (nt <= 0)
        return -1;
    for (int i = 0; i < nt && point < 0; i++)
        if (t[i].kind == T_POINT)
            point = i;
    if (point < 0)
        return eval_whole(t, 0, nt, out);
    if (eval_whole(t, 0, point, &whole) < 0 || is_fraction(&whole) ||
        eval_point_digits(t, point + 1, nt, &sfx, &frac) < 0 ||
        bg_dec_add(&whole, &frac, &coef) < 0)
        return -1;
    if (sfx == nt) {
        *out = coef;
        return 0;
    }
    return eval_scaled_decimal(t, nt, point, sfx, &coef, out);
}
