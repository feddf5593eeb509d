/* regex_first.c — the first characters of an anchored expression.
 *
 * PCRE2 knows the first byte a match can start with; in CJK text that is one
 * of a few lead bytes, so an expression such as ^(?:三级指标|指标名称) runs
 * on every cell that starts with any ideograph. The characters themselves are
 * read here from the expression's source, for the plain shape nearly every
 * anchored pattern has: literals, classes of literals, groups, alternation
 * and quantifiers up to the first character. Anything else there (an escape
 * of a class, a dot, a lookaround, an option, a verb) leaves them unknown, and
 * the expression is matched as before: the reading is exact or it is
 * nothing. What follows the first character is only skipped over. */
#include "regex_first.h"

#include "util.h"

typedef struct {
    bg_cp_range *r;
    size_t n;
} cp_set;

static int add_range(cp_set *s, uint32_t lo, uint32_t hi)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->r[i].lo <= lo && hi <= s->r[i].hi)
            return 0;       /* 预算数|预算金额: 预 once */
    if (s->n >= BG_FIRST_RANGES)
        return -1;
    s->r[s->n].lo = lo;
    s->r[s->n].hi = hi;
    s->n++;
    return 0;
}

/* The code point at *p (patterns are valid UTF-8: checked when read). */
static uint32_t take_char(const char **p)
{
    uint32_t cp;
    size_t n = 0;
    while (n < 4 && (*p)[n])
        n++;
    int len = bg_utf8_next(*p, n, &cp);
    *p += len > 0 ? len : 1;
    return cp;
}

/* Past a class that starts at p ('['), or NULL where it is not closed. */
static const char *skip_class(const char *p)
{
    p++;
    if (*p == '^')
        p++;
    if (*p == ']')
        p++;                /* a ']' first is a member */
    while (*p) {
        if (*p == '\\') {
            if (!p[1])
                return NULL;
            p += 2;
        } else if (p[0] == '[' && p[1] == ':') {
            const char *e = p + 2;
            while (*e && !(e[0] == ':' && e[1] == ']'))
                e++;
            if (!*e)
                return NULL;
            p = e + 2;
        } else if (*p == ']')
            return p + 1;
        else
            p++;
    }
    return NULL;
}

/* The '|' or ')' that ends the alternative p is in, or the end; NULL where
 * the source hides its structure (\Q…\E, a comment). */
static const char *skip_rest(const char *p)
{
    int depth = 0;
    while (*p) {
        if (*p == '\\') {
            if (!p[1] || p[1] == 'Q')
                return NULL;
            p += 2;
        } else if (*p == '[') {
            if (!(p = skip_class(p)))
                return NULL;
        } else if (*p == '(') {
            if (p[1] == '?' && p[2] == '#')
                return NULL;
            depth++;
            p++;
        } else if (*p == ')') {
            if (depth == 0)
                return p;
            depth--;
            p++;
        } else if (*p == '|' && depth == 0)
            return p;
        else
            p++;
    }
    return p;
}

/* A class of literal characters and ranges: [两二三], [0-9], [①-⑳]. */
static int read_class(const char **pp, cp_set *s)
{
    const char *p = *pp + 1;
    if (*p == '^' || *p == ']' || *p == '-')
        return -1;
    while (*p != ']') {
        if (!*p || *p == '\\' || *p == '[')
            return -1;
        uint32_t lo = take_char(&p), hi = lo;
        if (p[0] == '-' && p[1] != ']') {
            p++;
            if (!*p || *p == '\\' || *p == '[')
                return -1;
            hi = take_char(&p);
            if (hi < lo)
                return -1;
        } else if (p[0] == '-')
            return -1;
        if (add_range(s, lo, hi) < 0)
            return -1;
    }
    *pp = p + 1;
    return 0;
}

static int read_alternatives(const char **pp, cp_set *s, int *nullable);

/* A quantifier after an atom: its minimum (0 or more), or -1 where none can
 * be read for certain. No quantifier: 1. */
static long read_quantifier(const char **pp)
{
    const char *p = *pp;
    long min = 1;
    if (*p == '?' || *p == '*') {
        min = 0;
        p++;
    } else if (*p == '+')
        p++;
    else if (*p == '{') {
        p++;
        if (*p < '0' || *p > '9')
            return -1;      /* {,n} reads differently in PCRE2 releases */
        min = 0;
        while (*p >= '0' && *p <= '9' && min < 100000)
            min = min * 10 + (*p++ - '0');
        if (*p == ',') {
            p++;
            while (*p >= '0' && *p <= '9')
                p++;
        }
        if (*p != '}')
            return -1;
        p++;
    } else
        return 1;
    if (*p == '?' || *p == '+')
        p++;                /* lazy or possessive: the same characters */
    *pp = p;
    return min;
}

/* One atom and its quantifier at *pp: its first characters into s, and
 * whether it may match nothing. */
static int read_item(const char **pp, cp_set *s, int *nullable)
{
    const char *p = *pp;
    int empty = 0;
    if (*p == '(') {
        p++;
        if (p[0] == '?' && p[1] == ':')
            p += 2;
        else if (p[0] == '?' && (p[1] == '<' || (p[1] == 'P' && p[2] == '<'))) {
            p += p[1] == 'P' ? 3 : 2;
            if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '_'))
                return -1;  /* (?<= (?<! are lookbehinds */
            while (*p && *p != '>')
                p++;
            if (!*p)
                return -1;
            p++;
        } else if (*p == '?' || *p == '*')
            return -1;      /* lookarounds, options, conditions, verbs */
        if (read_alternatives(&p, s, &empty) < 0 || *p != ')')
            return -1;
        p++;
    } else if (*p == '[') {
        if (read_class(&p, s) < 0)
            return -1;
    } else if (*p == '\\') {
        unsigned char c = (unsigned char)p[1];
        if (!(c > 0x20 && c < 0x7F) || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            return -1;      /* \d \s \b \x… \1: not one literal */
        if (add_range(s, c, c) < 0)
            return -1;
        p += 2;
    } else if (*p && !(*p == '.' || *p == '^' || *p == '$' || *p == '|' || *p == ')' || *p == '?' || *p == '*'
                       || *p == '+' || *p == '{' || *p == ' ' || *p == '#')) {
        uint32_t cp = take_char(&p);
        if (add_range(s, cp, cp) < 0)
            return -1;
    } else
        return -1;
    long min = read_quantifier(&p);
    if (min < 0)
        return -1;
    *nullable = empty || min == 0;
    *pp = p;
    return 0;
}

/* One alternative: the first characters of its items up to the first that
 * cannot match nothing, then past the rest. */
static int read_sequence(const char **pp, cp_set *s, int *nullable)
{
    const char *p = *pp;
    int empty = 1;
    while (*p && *p != '|' && *p != ')') {
        if (read_item(&p, s, &empty) < 0)
            return -1;
        if (!empty) {
            if (!(p = skip_rest(p)))
                return -1;
            break;
        }
    }
    *nullable = empty;
    *pp = p;
    return 0;
}

static int read_alternatives(const char **pp, cp_set *s, int *nullable)
{
    const char *p = *pp;
    int any_empty = 0;
    for (;;) {
        int empty;
        if (read_sequence(&p, s, &empty) < 0)
            return -1;
        any_empty |= empty;
        if (*p != '|')
            break;
        p++;
    }
    *nullable = any_empty;
    *pp = p;
    return 0;
}

size_t bg_regex_first_chars(const char *pattern, bg_cp_range first[BG_FIRST_RANGES])
{
    cp_set s = { first, 0 };
    const char *p = pattern;
    int empty;
    if (*p != '^')
        return 0;
    p++;
    if (read_sequence(&p, &s, &empty) < 0 || empty || *p != '\0')
        return 0;           /* ^a|b: the second alternative is not anchored */
    return s.n;
}
