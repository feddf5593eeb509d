/* amount_fields.c — a labelled field whose unit is declared in brackets
 * right after its label, the figure following at once: the 项目基本信息
 * block of a 绩效评价报告 or a 自评表 run together (计划投资额(万元)110.00
 * 实际到位资金(万元)84.74), or 年度预算(万元): 35.5. The shape is the [amounts]
 * field expression, its label the [labels] field_edge and field_value
 * records; here only where to try them and how the amount is made. */
#include "amounts.h"

#include <stdlib.h>
#include <string.h>

/* Does a figure (a digit or a minus) follow at i, after spaces and a colon?
 * Most units in brackets head a column or a row, and are passed by here. */
static int figure_after(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == ':'))
        i++;
    return i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '-');
}

int bg_amount_field_find(const bg_amount_rules *ar, bg_matcher *m, const bg_piece *p, size_t pos, bg_field_hit *h)
{
    const char *s = p->s;
    size_t ov[2];
    /* A field unit ends with 元) and opens 4 (元) or 7 bytes (万元 千元 亿元)
     * before its ), a figure after it: the expression is tried only there. */
    for (const char *q; pos < p->len && (q = memchr(s + pos, ')', p->len - pos)) != NULL;) {
        size_t c = (size_t)(q - s);
        pos = c + 1;
        if (c < 4 || memcmp(s + c - 3, "元", 3) != 0 || !figure_after(s, p->len, c + 1))
            continue;
        for (size_t back = 4; back <= 7; back += 3) {
            if (c < back || s[c - back] != '(')
                continue;
            if (!bg_match(m, &ar->field, s, p->len, c - back, ov, 1, p->line) || ov[0] != c - back)
                break;
            h->bracket = ov[0];
            h->end = ov[1];
            bg_group(m, &ar->field, "unit", &h->unit_a, &h->unit_b);
            bg_group(m, &ar->field, "num", &h->num_a, &h->num_b);
            return 1;
        }
    }
    return 0;
}

int bg_amount_field_build(const bg_amount_rules *ar, bg_matcher *m, const bg_piece *p, size_t from,
                          const bg_field_hit *h, bg_amount *a, bg_label_info *li)
{
    const char *s = p->s;
    size_t ov[2], n = h->num_b - h->num_a;
    const bg_unit *u = bg_unit_find(ar, s + h->unit_a, h->unit_b - h->unit_a);
    if (!u || bg_dec_parse(s + h->num_a, n, &a->value) != (int)n)
        return 0;
    *li = bg_amount_field_label(ar, m, p, from, h->bracket, p->line);
    /* the (万元) says money; a label that says otherwise (分值, 人数) wins */
    if (!li->label || bg_match(m, &ar->not_money, li->label, strlen(li->label), 0, ov, 1, p->line)) {
        free(li->label);
        li->label = NULL;
        return 0;
    }
    a->unit = bg_xstrndup(s + h->unit_a, h->unit_b - h->unit_a);
    a->unit_source = "header";
    bg_amount_set_wan(a, u);
    a->text = bg_xstrndup(s + h->num_a, n);
    a->start = bg_piece_pos(p, h->num_a);
    a->end = bg_piece_end(p, h->num_b);    /* not where the next line starts */
    a->line = p->line;
    return 1;
}
