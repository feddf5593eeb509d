/* cnnum.h — Chinese numerals, exact.
 *
 * Reports write amounts as 一千零二十万, 壹佰伍拾, 16.4亿 or 1,100万; all of
 * them must come out as exact decimals.  Accepted characters:
 *   digits   〇零一二两兩三四五六七八九幺 壹贰貳貮叁參叄肆伍陆陸柒捌玖, ASCII 0-9
 *   scales   十拾 百佰 千仟 万萬 亿億
 *   point    点點 (and '.' or ',' inside an ASCII number)
 * Input is expected NFKC-normalized (full-width digits already ASCII).
 * Signs (负) and units are the caller's business.  Reentrant, no allocation. */
#ifndef BAOGAO_CNNUM_H
#define BAOGAO_CNNUM_H

#include <stddef.h>

#include "decimal.h"

/* Parse exactly n bytes of UTF-8 as one numeral.  Returns 0, or -1 if the
 * bytes are not one well-formed numeral.  Accepted shapes include 一万零五,
 * 十五, 一万二 (12000), 两百五 (250), 三千万亿, 二点五, 两千万点五五,
 * 3千, 1.2万, 1,100万, 3万4000 and a decimal before scales (二点五亿).
 * 万亿 is one scale (10^12), so 二十一万亿三千亿 reads as 21.3 trillion.
 * Refused: a scale other than 十 with no digit before it (万, 百万, 百三),
 * bare digit strings without scales (二〇二三, 两两: years and codes are
 * not amounts), a leading 零 before more digits (零十; 零 and 零点五 are
 * fine), 零 right after 十 (二十零五), zero-padded ASCII parts (0748亿),
 * and numerals of more than 128 tokens. */
int bg_cn_parse(const char *s, size_t n, bg_dec *out);

/* Length in bytes of the longest prefix of s made only of numeral
 * characters, 0 if none.  A point (点, '.') counts only when a digit of its
 * kind follows, and ',' only when exactly three ASCII digits follow, so
 * sentence punctuation after a number ("三千万，" once NFKC turns "，"
 * into ',') is not swallowed. */
size_t bg_cn_span(const char *s, size_t n);

#endif
