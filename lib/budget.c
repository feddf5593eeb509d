/* budget.c — placing a budget row's figures in their columns by the row's own
 * rate (see budget.h). Every placement is tried; one is taken only when no
 * other makes the rate hold: a wrong figure is worse than a missing one. */
#include "budget.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* Is s[0, n) a number as printed: 0 or no leading zero, digits after a point? */
static int number_text(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && digit(s[i]))
        i++;
    if (i == 0 || (s[0] == '0' && i > 1))
        return 0;
    if (i == n)
        return 1;
    if (s[i] != '.' || i + 1 == n)
        return 0;
    for (size_t j = i + 1; j < n; j++)
        if (!digit(s[j]))
            return 0;
    return 1;
}

static double number_value(const char *s, size_t n)
{
    char buf[64];
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return strtod(buf, NULL);
}

int bg_fig_parse(const char *s, size_t n, bg_fig *f)
{
    size_t a = 0, b = n;
    while (a < b && s[a] == ' ')
        a++;
    while (b > a && s[b - 1] == ' ')
        b--;
    int neg = a < b && s[a] == '-';
    size_t e = a + (size_t)neg;
    while (e < b && (digit(s[e]) || s[e] == '.'))
        e++;
    if (!number_text(s + a + neg, e - a - (size_t)neg))
        return 0;
    f->v = number_value(s + a + neg, e - a - (size_t)neg) * (neg ? -1 : 1);
    f->pct = e < b && s[e] == '%';
    f->set = 1;
    for (size_t i = e; i < b; i++)      /* after it only %, or a unit */
        if (digit(s[i]) || s[i] == '.')
            return 0;
    return 1;
}

int bg_budget_rate(const bg_budget_cols *bc, const bg_fig *figs)
{
    size_t r = 0, e, b;
    while (r < bc->n && !bc->rate[r])
        r++;
    if (r == bc->n)
        return -1;
    for (e = r; e > 0 && bc->roles[e - 1] != BG_R_EXECUTED; e--)
        ;
    if (e == 0)
        return -1;
    e--;
    for (b = e; b > 0 && bc->roles[b - 1] != BG_R_BUDGET; b--)
        ;
    if (b == 0)
        return -1;
    b--;
    if (!figs[r].set || !figs[e].set || !figs[b].set || figs[b].v <= 0)
        return -1;
    return fabs(figs[e].v / figs[b].v * 100.0 - figs[r].v) <= bc->slack / 100.0 * fabs(figs[r].v);
}

/* Percentages only under rate columns, and the rate holds. */
static int reading_holds(const bg_budget_cols *bc, const bg_fig *figs)
{
    for (size_t k = 0; k < bc->n; k++)
        if (figs[k].set && figs[k].pct && !bc->rate[k])
            return 0;
    return bg_budget_rate(bc, figs) == 1;
}

/* ---- figures in separate cells ------------------------------------------------ */

typedef struct {
    const bg_budget_cols *bc;
    const bg_fig *figs;
    size_t m, found;
    size_t *try, *best;
    bg_fig *row;
} place_ctx;

static void place_from(place_ctx *p, size_t i, size_t col)
{
    if (p->found > 1)
        return;
    if (i == p->m) {
        for (size_t k = 0; k < p->bc->n; k++)
            p->row[k].set = 0;
        for (size_t j = 0; j < p->m; j++)
            p->row[p->try[j]] = p->figs[j];
        if (reading_holds(p->bc, p->row) && p->found++ == 0)
            memcpy(p->best, p->try, p->m * sizeof *p->try);
        return;
    }
    for (size_t k = col; k + (p->m - i) <= p->bc->n; k++) {
        p->try[i] = k;
        place_from(p, i + 1, k + 1);
    }
}

int bg_budget_place(const bg_budget_cols *bc, size_t from, const bg_fig *figs, size_t m, size_t *cols)
{
    if (m == 0 || from + m > bc->n)
        return 0;
    place_ctx p = { bc, figs, m, 0, bg_xcalloc(m, sizeof(size_t)), cols, bg_xcalloc(bc->n, sizeof(bg_fig)) };
    place_from(&p, 0, from);
    free(p.try);
    free(p.row);
    return p.found == 1;
}

/* ---- figures run together ------------------------------------------------------- */

/* A stretch of digits and points and what ends it (%, a unit, or nothing). */
typedef struct {
    size_t a, b;            /* the digits */
    size_t end;             /* after what ends it */
    int pct;
} stretch;

enum { MAX_STRETCHES = 16 };

static size_t stretches(const char *run, size_t len, stretch *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (!digit(run[i]))
            return 0;       /* a unit with no figure before it */
        if (n == MAX_STRETCHES)
            return 0;
        stretch s = { i, i, i, 0 };
        while (s.b < len && (digit(run[s.b]) || run[s.b] == '.'))
            s.b++;
        s.end = s.b;
        s.pct = s.end < len && run[s.end] == '%';
        while (s.end < len && !digit(run[s.end]))
            s.end++;        /* %, 万元 … */
        out[n++] = s;
        i = s.end;
    }
    return n;
}

typedef struct {
    const bg_budget_cols *bc;
    size_t from, k;         /* columns from..n: k figures */
    const char *run;
    const stretch *st;
    size_t nst, found;
    size_t *start, *best;   /* each figure's first byte */
    bg_fig *row;
} split_ctx;

static void split_from(split_ctx *c, size_t si, size_t pos, size_t fi)
{
    if (c->found > 1)
        return;
    if (si == c->nst) {
        if (fi == c->k && reading_holds(c->bc, c->row) && c->found++ == 0)
            memcpy(c->best, c->start, c->k * sizeof *c->start);
        return;
    }
    const stretch *s = &c->st[si];
    /* figure fi takes digits [pos, e); the stretch's last one its ending too */
    for (size_t e = pos + 1; e <= s->b && fi < c->k; e++) {
        if (!number_text(c->run + pos, e - pos))
            continue;
        bg_fig *f = &c->row[c->from + fi];
        f->v = number_value(c->run + pos, e - pos);
        f->set = 1;
        f->pct = e == s->b && s->pct;
        c->start[fi] = pos;
        if (e == s->b)
            split_from(c, si + 1, s->end, fi + 1);
        else
            split_from(c, si, e, fi + 1);
        f->set = 0;
    }
}

int bg_budget_split(const bg_budget_cols *bc, size_t from, const char *run, size_t len, size_t *cut)
{
    stretch st[MAX_STRETCHES];
    size_t nst = stretches(run, len, st);
    if (nst == 0 || from >= bc->n)
        return 0;
    size_t k = bc->n - from;
    split_ctx c = { bc, from, k, run, st, nst, 0, bg_xcalloc(k, sizeof(size_t)), cut,
                    bg_xcalloc(bc->n, sizeof(bg_fig)) };
    split_from(&c, 0, st[0].a, 0);
    free(c.start);
    free(c.row);
    if (c.found != 1)
        return 0;
    cut[k] = len;
    return 1;
}
