/* decimal.h — exact decimal numbers for money and scores.
 *
 * Budget figures must survive extraction digit for digit: 0.31 must never
 * become 0.30999999999999999, and 11,122,315.04 元 must be exactly
 * 1112.231504 万元.  So every value is kept as a string of decimal digits and
 * a power of ten, and arithmetic is done on those digits.
 *
 * Everything here is reentrant: no global state, no allocation. */
#ifndef BAOGAO_DECIMAL_H
#define BAOGAO_DECIMAL_H

#include <stddef.h>

/* Maximum number of significant digits.  Longer numbers are rejected, never
 * rounded: a silently rounded amount is worse than a missing one. */
#define BG_DEC_DIGITS 40

/* Exponents are kept within ±BG_DEC_EXP_MAX so that formatting stays bounded
 * and exponent arithmetic cannot overflow.  Real figures never come close. */
#define BG_DEC_EXP_MAX 100000

/* value = (neg ? -1 : 1) * (integer formed by dig[0..ndig-1]) * 10^exp
 * dig holds ASCII digits, NUL-terminated, without leading zeros; zero is
 * "0" with ndig == 1, neg == 0 and exp <= 0.  Trailing zeros are kept on
 * purpose: they remember how many fraction digits were written ("200.60"
 * is dig "20060", exp -2). */
typedef struct {
    int neg;
    int ndig;
    char dig[BG_DEC_DIGITS + 1];
    int exp;
} bg_dec;

/* Parse a number at the start of s (n bytes available, no NUL needed):
 * optional sign '+', '-' or U+2212; digits, optionally grouped with ','
 * between groups of exactly three digits; optional '.' plus at least one
 * digit.  Stops at the first byte that cannot continue the number ("208."
 * consumes 3 bytes, "12,34" consumes 2).  At least one integer digit is
 * required (".5" is not accepted).  Returns the number of bytes consumed,
 * or -1 if there is no number or it has more than BG_DEC_DIGITS digits
 * once leading integer zeros are dropped (fraction zeros are written digits
 * and count).  Runs in time linear in the bytes examined. */
int bg_dec_parse(const char *s, size_t n, bg_dec *out);

void bg_dec_from_int(bg_dec *d, long long v);

/* Multiply by 10^k (moves the decimal point; the digits are unchanged, so
 * "11122315.04" shifted by -4 is "1112.231504").  The exponent saturates
 * at ±BG_DEC_EXP_MAX. */
void bg_dec_shift(bg_dec *d, int k);

/* Arithmetic returns 0 on success, -1 if the exact result needs more than
 * BG_DEC_DIGITS significant digits or leaves the exponent range.  out may
 * alias an operand.  Sums and products keep the operands' written scale
 * (200.60 + 1 = 201.60, like pencil arithmetic) as far as it fits; trailing
 * fraction zeros are dropped before an exact result is refused. */
int bg_dec_add(const bg_dec *a, const bg_dec *b, bg_dec *out);
int bg_dec_sub(const bg_dec *a, const bg_dec *b, bg_dec *out);
int bg_dec_mul(const bg_dec *a, const bg_dec *b, bg_dec *out);

/* a / b rounded half away from zero to `scale` fraction digits (a negative
 * scale rounds to tens, hundreds...).  The result is written with exactly
 * `scale` fraction digits when they fit.  -1 if b is zero or on overflow. */
int bg_dec_div(const bg_dec *a, const bg_dec *b, int scale, bg_dec *out);

int bg_dec_cmp(const bg_dec *a, const bg_dec *b);   /* -1, 0, 1 by value */
int bg_dec_is_zero(const bg_dec *d);
int bg_dec_scale(const bg_dec *d);                  /* max(0, -exp) */

/* Canonical text: no exponent, no trailing fraction zeros, no "-0";
 * e.g. "1112.231504", "0.31", "-5", "0".  snprintf-like: writes at most
 * size bytes including the NUL and returns the full length. */
size_t bg_dec_format(const bg_dec *d, char *buf, size_t size);

/* Like bg_dec_format but keeps the trailing fraction zeros the value
 * carries: "200.60" stays "200.60". */
size_t bg_dec_format_as_written(const bg_dec *d, char *buf, size_t size);

/* Nearest double.  Convenience for heuristics only; never use it to
 * produce output. */
double bg_dec_to_double(const bg_dec *d);

#endif
