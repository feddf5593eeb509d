/* decimal.c — exact decimal arithmetic on digit strings (see decimal.h). */
#include "decimal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Working magnitude: little-endian decimal digits (d[0] is the units digit),
 * n == 0 means zero.  The capacity holds a full 40x40-digit product plus a
 * carry, and every intermediate of add/sub/div, so nothing here allocates. */
#define MAG_CAP (2 * BG_DEC_DIGITS + 8)

typedef struct {
    int n;
    unsigned char d[MAG_CAP];
} mag;

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static void mag_trim(mag *m)
{
    while (m->n > 0 && m->d[m->n - 1] == 0)
        m->n--;
}

/* Load |x| with its trailing zeros moved into the exponent, so that digit
 * counts reflect only what has to be stored. */
static void mag_load(const bg_dec *x, mag *m, long long *exp)
{
    int end = x->ndig;
    while (end > 0 && x->dig[end - 1] == '0')
        end--;
    m->n = end;
    for (int i = 0; i < end; i++)
        m->d[i] = (unsigned char)(x->dig[end - 1 - i] - '0');
    *exp = (long long)x->exp + (x->ndig - end);
    mag_trim(m);
}

static int mag_cmp(const mag *a, const mag *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

/* Multiply by 10^k; the caller guarantees the room. */
static void mag_shl(mag *m, int k)
{
    if (m->n == 0 || k <= 0)
        return;
    memmove(m->d + k, m->d, (size_t)m->n);
    memset(m->d, 0, (size_t)k);
    m->n += k;
}

static int mag_add(const mag *a, const mag *b, mag *out)
{
    int n = a->n > b->n ? a->n : b->n, carry = 0;
    mag r;
    for (int i = 0; i < n; i++) {
        int s = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
        r.d[i] = (unsigned char)(s % 10);
        carry = s / 10;
    }
    if (carry) {
        if (n == MAG_CAP)
            return -1;
        r.d[n++] = (unsigned char)carry;
    }
    r.n = n;
    *out = r;
    return 0;
}

/* a - b with a >= b. */
static void mag_sub(const mag *a, const mag *b, mag *out)
{
    int borrow = 0;
    mag r;
    for (int i = 0; i < a->n; i++) {
        int s = a->d[i] - borrow - (i < b->n ? b->d[i] : 0);
        borrow = s < 0;
        r.d[i] = (unsigned char)(s < 0 ? s + 10 : s);
    }
    r.n = a->n;
    mag_trim(&r);
    *out = r;
}

static void mag_mul(const mag *a, const mag *b, mag *out)
{
    int acc[MAG_CAP] = {0};
    mag r;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++)
            acc[i + j] += a->d[i] * b->d[j];
    r.n = a->n + b->n;
    for (int i = 0, carry = 0; i < r.n; i++) {
        int s = acc[i] + carry;
        r.d[i] = (unsigned char)(s % 10);
        carry = s / 10;
    }
    mag_trim(&r);
    *out = r;
}

static void set_zero(bg_dec *out, long long exp)
{
    out->neg = 0;
    out->ndig = 1;
    out->dig[0] = '0';
    out->dig[1] = '\0';
    if (exp > 0)
        exp = 0;
    out->exp = exp < -BG_DEC_EXP_MAX ? -BG_DEC_EXP_MAX : (int)exp;
}

/* Store m * 10^exp.  Trailing zeros are re-added down to want_exp as far as
 * they fit, so a result keeps the scale its operands were written with. */
static int store(int neg, mag m, long long exp, long long want_exp, bg_dec *out)
{
    int tz = 0;
    mag_trim(&m);
    if (m.n == 0) {
        set_zero(out, want_exp);
        return 0;
    }
    while (m.d[tz] == 0)
        tz++;
    if (m.n - tz > BG_DEC_DIGITS)
        return -1;
    exp += tz;
    long long pad = exp - want_exp;
    if (pad < 0)
        pad = 0;
    if (pad > BG_DEC_DIGITS - (m.n - tz))
        pad = BG_DEC_DIGITS - (m.n - tz);
    exp -= pad;
    if (exp < -BG_DEC_EXP_MAX || exp > BG_DEC_EXP_MAX)
        return -1;
    out->neg = neg;
    out->ndig = 0;
    for (int i = m.n - 1; i >= tz; i--)
        out->dig[out->ndig++] = (char)('0' + m.d[i]);
    while (pad-- > 0)
        out->dig[out->ndig++] = '0';
    out->dig[out->ndig] = '\0';
    out->exp = (int)exp;
    return 0;
}

/* Accept a ',' at s[i] only between groups of exactly three digits; the
 * first group may be shorter because it is the leftmost one. */
static int group_sep_ok(const char *s, size_t n, size_t i, size_t group, int grouped)
{
    if (grouped ? group != 3 : (group < 1 || group > 3))
        return 0;
    if (i + 3 >= n || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3]))
        return 0;
    return i + 4 >= n || !is_digit(s[i + 4]);
}

/* Digit sink for the parser: drops leading zeros, counts every other written
 * digit so an over-long number is refused as soon as digit 41 appears. */
typedef struct {
    char dig[BG_DEC_DIGITS];
    int nd, written;
} digit_sink;

static int sink_push(digit_sink *k, char c, int in_fraction)
{
    if (k->nd == 0 && c == '0' && !in_fraction)
        return 0;
    if (++k->written > BG_DEC_DIGITS)
        return -1;
    if (k->nd > 0 || c != '0')
        k->dig[k->nd++] = c;
    return 0;
}

static size_t parse_sign(const char *s, size_t n, int *neg)
{
    *neg = 0;
    if (n >= 1 && (s[0] == '+' || s[0] == '-')) {
        *neg = s[0] == '-';
        return 1;
    }
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x88 &&
        (unsigned char)s[2] == 0x92) {
        *neg = 1;
        return 3;
    }
    return 0;
}

int bg_dec_parse(const char *s, size_t n, bg_dec *out)
{
    digit_sink k = {.nd = 0, .written = 0};
    int neg, grouped = 0, frac = 0;
    size_t i = parse_sign(s, n, &neg), group = 0;

    if (i >= n || !is_digit(s[i]))
        return -1;
    for (;;) {
        for (; i < n && is_digit(s[i]); i++, group++)
            if (sink_push(&k, s[i], 0) < 0)
                return -1;
        if (i < n && s[i] == ',' && group_sep_ok(s, n, i, group, grouped)) {
            i++;
            group = 0;
            grouped = 1;
            continue;
        }
        break;
    }
    if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1]))
        for (i++; i < n && is_digit(s[i]); i++, frac++)
            if (sink_push(&k, s[i], 1) < 0)
                return -1;
    if (i > INT_MAX)
        return -1;
    if (k.nd == 0) {
        set_zero(out, -frac);
        return (int)i;
    }
    out->neg = neg;
    out->ndig = k.nd;
    memcpy(out->dig, k.dig, (size_t)k.nd);
    out->dig[k.nd] = '\0';
    out->exp = -frac;
    return (int)i;
}

void bg_dec_from_int(bg_dec *d, long long v)
{
    /* Through unsigned so that LLONG_MIN has a magnitude. */
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    d->neg = v < 0;
    d->ndig = n;
    for (int i = 0; i < n; i++)
        d->dig[i] = tmp[n - 1 - i];
    d->dig[n] = '\0';
    d->exp = 0;
}

int bg_dec_is_zero(const bg_dec *d)
{
    for (int i = 0; i < d->ndig; i++)
        if (d->dig[i] != '0')
            return 0;
    return 1;
}

void bg_dec_shift(bg_dec *d, int k)
{
    long long e = (long long)d->exp + k;
    if (e > BG_DEC_EXP_MAX)
        e = BG_DEC_EXP_MAX;
    if (e < -BG_DEC_EXP_MAX)
        e = -BG_DEC_EXP_MAX;
    if (bg_dec_is_zero(d))
        set_zero(d, e);
    else
        d->exp = (int)e;
}

int bg_dec_scale(const bg_dec *d) { return d->exp < 0 ? -d->exp : 0; }

int bg_dec_add(const bg_dec *a, const bg_dec *b, bg_dec *out)
{
    mag ma, mb, r;
    long long ea, eb;
    long long want = a->exp < b->exp ? a->exp : b->exp;
    int aneg = a->neg, bneg = b->neg;

    mag_load(a, &ma, &ea);
    mag_load(b, &mb, &eb);
    if (ma.n == 0)
        return store(bneg, mb, eb, want, out);
    if (mb.n == 0)
        return store(aneg, ma, ea, want, out);
    long long lo = ea < eb ? ea : eb;
    long long hi_a = ea + ma.n, hi_b = eb + mb.n;
    /* Operands this far apart cannot overlap, so no cancellation can bring
     * the exact result back under BG_DEC_DIGITS digits. */
    if ((hi_a > hi_b ? hi_a : hi_b) - lo > MAG_CAP - 1)
        return -1;
    mag_shl(&ma, (int)(ea - lo));
    mag_shl(&mb, (int)(eb - lo));
    if (aneg == bneg) {
        if (mag_add(&ma, &mb, &r) < 0)
            return -1;
        return store(aneg, r, lo, want, out);
    }
    if (mag_cmp(&ma, &mb) >= 0) {
        mag_sub(&ma, &mb, &r);
        return store(aneg, r, lo, want, out);
    }
    mag_sub(&mb, &ma, &r);
    return store(bneg, r, lo, want, out);
}

int bg_dec_sub(const bg_dec *a, const bg_dec *b, bg_dec *out)
{
    bg_dec nb = *b;
    nb.neg = !nb.neg;
    return bg_dec_add(a, &nb, out);
}

int bg_dec_mul(const bg_dec *a, const bg_dec *b, bg_dec *out)
{
    mag ma, mb, r;
    long long ea, eb;
    long long want = (long long)a->exp + b->exp;
    int neg = a->neg != b->neg;

    mag_load(a, &ma, &ea);
    mag_load(b, &mb, &eb);
    mag_mul(&ma, &mb, &r);
    return store(r.n ? neg : 0, r, ea + eb, want, out);
}

/* One step of long division: bring down digit c, emit the quotient digit. */
static int div_step(mag *rem, const mag *den, int c)
{
    int q = 0;
    mag_shl(rem, 1);
    if (rem->n == 0 && c)
        rem->n = 1;
    rem->d[0] = (unsigned char)c;
    mag_trim(rem);
    while (mag_cmp(rem, den) >= 0) {
        mag_sub(rem, den, rem);
        q++;
    }
    return q;
}

/* q = round_half_up(num * 10^k / den) streamed digit by digit: num's digits,
 * then k zeros.  Once the remainder is zero the rest of the quotient is
 * zeros, which go into *zeros instead of being produced one by one.  A
 * nonzero remainder makes a nonzero quotient digit appear within den->n
 * steps, so a quotient that outgrows MAG_CAP cannot fit BG_DEC_DIGITS. */
static int long_divide(const mag *num, long long k, const mag *den, mag *q, long long *zeros)
{
    unsigned char buf[MAG_CAP];
    int qn = 0;
    long long pos, total = num->n + k;
    mag rem = {.n = 0};

    for (pos = 0; pos < total; pos++) {
        if (pos >= num->n && rem.n == 0)
            break;
        int c = pos < num->n ? num->d[num->n - 1 - pos] : 0;
        int digit = div_step(&rem, den, c);
        if (qn == 0 && digit == 0)
            continue;
        if (qn == MAG_CAP)
            return -1;
        buf[qn++] = (unsigned char)digit;
    }
    *zeros = total - pos;
    q->n = qn;
    for (int i = 0; i < qn; i++)
        q->d[i] = buf[qn - 1 - i];
    if (rem.n) {
        mag twice, one = {.n = 1, .d = {1}};
        if (mag_add(&rem, &rem, &twice) < 0)
            return -1;
        if (mag_cmp(&twice, den) >= 0 && mag_add(q, &one, q) < 0)
            return -1;
    }
    return 0;
}

int bg_dec_div(const bg_dec *a, const bg_dec *b, int scale, bg_dec *out)
{
    mag ma, mb, q;
    long long ea, eb, zeros;
    int neg = a->neg != b->neg;

    mag_load(a, &ma, &ea);
    mag_load(b, &mb, &eb);
    if (mb.n == 0 || scale > BG_DEC_EXP_MAX || scale < -BG_DEC_EXP_MAX)
        return -1;
    if (ma.n == 0) {
        set_zero(out, -(long long)scale);
        return 0;
    }
    long long k = ea - eb + scale;
    if (k < 0) {
        /* The quotient is below 0.1, so it rounds to zero. */
        if (-k >= ma.n - mb.n + 2) {
            set_zero(out, -(long long)scale);
            return 0;
        }
        mag_shl(&mb, (int)-k);
        k = 0;
    }
    if (long_divide(&ma, k, &mb, &q, &zeros) < 0)
        return -1;
    return store(q.n ? neg : 0, q, zeros - scale, -(long long)scale, out);
}

static int cmp_magnitude(const bg_dec *a, const bg_dec *b)
{
    mag ma, mb;
    long long ea, eb;
    mag_load(a, &ma, &ea);
    mag_load(b, &mb, &eb);
    long long ta = ea + ma.n, tb = eb + mb.n;
    if (ta != tb)
        return ta < tb ? -1 : 1;
    /* Same leading position: compare digit by digit from the top. */
    for (long long p = ta - 1; p >= (ea < eb ? ea : eb); p--) {
        int da = p >= ea ? ma.d[p - ea] : 0;
        int db = p >= eb ? mb.d[p - eb] : 0;
        if (da != db)
            return da < db ? -1 : 1;
    }
    return 0;
}

int bg_dec_cmp(const bg_dec *a, const bg_dec *b)
{
    int sa = bg_dec_is_zero(a) ? 0 : a->neg ? -1 : 1;
    int sb = bg_dec_is_zero(b) ? 0 : b->neg ? -1 : 1;
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0)
        return 0;
    return sa * cmp_magnitude(a, b);
}

/* snprintf-style sink: counts everything, stores what fits. */
typedef struct {
    char *buf;
    size_t size, len;
} text_out;

static void put(text_out *o, char c)
{
    if (o->len + 1 < o->size)
        o->buf[o->len] = c;
    o->len++;
}

static size_t format_digits(const bg_dec *d, int keep_zeros, char *buf, size_t size)
{
    text_out o = {buf, size, 0};
    int nd = d->ndig, exp = d->exp;

    if (bg_dec_is_zero(d)) {
        nd = 1;
        if (!keep_zeros)
            exp = 0;
    } else {
        while (!keep_zeros && exp < 0 && nd > 1 && d->dig[nd - 1] == '0') {
            nd--;
            exp++;
        }
        if (d->neg)
            put(&o, '-');
    }
    if (exp >= 0) {
        for (int i = 0; i < nd; i++)
            put(&o, d->dig[i]);
        for (int i = 0; i < exp; i++)
            put(&o, '0');
    } else if (nd > -exp) {
        for (int i = 0; i < nd; i++) {
            if (i == nd + exp)
                put(&o, '.');
            put(&o, d->dig[i]);
        }
    } else {
        put(&o, '0');
        put(&o, '.');
        for (int i = 0; i < -exp - nd; i++)
            put(&o, '0');
        for (int i = 0; i < nd; i++)
            put(&o, d->dig[i]);
    }
    if (size > 0)
        buf[o.len < size ? o.len : size - 1] = '\0';
    return o.len;
}

size_t bg_dec_format(const bg_dec *d, char *buf, size_t size)
{
    return format_digits(d, 0, buf, size);
}

size_t bg_dec_format_as_written(const bg_dec *d, char *buf, size_t size)
{
    return format_digits(d, 1, buf, size);
}

double bg_dec_to_double(const bg_dec *d)
{
    /* Exponent notation keeps strtod away from the locale's decimal point. */
    char buf[BG_DEC_DIGITS + 32];
    snprintf(buf, sizeof buf, "%s%se%d", d->neg ? "-" : "", d->dig, d->exp);
    return strtod(buf, NULL);
}
