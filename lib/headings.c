/* headings.c — compile [heading] and [heading-rules] records; find markers. */
#include "headings.h"

#include <stdlib.h>
#include <string.h>

#include "cnnum.h"

static int compile_style(const bg_record *r, bg_heading_styles *hs, baogao_error *err)
{
    const bg_kv *style = bg_record_get(r, "style"), *regex = bg_record_get(r, "regex"),
                *ord = bg_record_get(r, "ordinal");
    if (!style || !regex || !ord)
        return bg_pattern_error(err, r->file, r->line, "[heading] needs style, regex and ordinal");
    bg_heading_style hsi = { 0 };
    if (strcmp(ord->value, "cn") == 0)
        hsi.ordinal = BG_ORD_CN;
    else if (strcmp(ord->value, "arabic") == 0)
        hsi.ordinal = BG_ORD_ARABIC;
    else if (strcmp(ord->value, "circled") == 0)
        hsi.ordinal = BG_ORD_CIRCLED;
    else
        return bg_pattern_error(err, ord->file, ord->line, "ordinal must be cn, arabic or circled, not \"%s\"", ord->value);
    if (bg_regex_compile(regex, &hsi.re, err) < 0)
        return -1;
    if (pcre2_substring_number_from_name(hsi.re.code, (PCRE2_SPTR)"num") < 0) {
        bg_regex_free(&hsi.re);
        return bg_pattern_error(err, regex->file, regex->line, "a [heading] regex needs a group named \"num\"");
    }
    const bg_kv *repeat = bg_record_get(r, "repeat"), *run_in = bg_record_get(r, "run_in"),
                *top = bg_record_get(r, "top");
    if ((repeat && bg_regex_compile(repeat, &hsi.repeat, err) < 0)
        || (run_in && bg_regex_compile(run_in, &hsi.run_in, err) < 0)) {
        bg_regex_free(&hsi.re);
        bg_regex_free(&hsi.repeat);
        return -1;
    }
    if (run_in && pcre2_substring_number_from_name(hsi.run_in.code, (PCRE2_SPTR)"title") < 0) {
        bg_regex_free(&hsi.re);
        bg_regex_free(&hsi.repeat);
        bg_regex_free(&hsi.run_in);
        return bg_pattern_error(err, run_in->file, run_in->line, "a run_in expression needs a group named \"title\"");
    }
    if (top && strcmp(top->value, "yes") != 0 && strcmp(top->value, "no") != 0) {
        bg_regex_free(&hsi.re);
        bg_regex_free(&hsi.repeat);
        bg_regex_free(&hsi.run_in);
        return bg_pattern_error(err, top->file, top->line, "top must be yes or no, not \"%s\"", top->value);
    }
    hsi.top = top && strcmp(top->value, "yes") == 0;
    hsi.style = bg_xstrdup(style->value);
    BG_PUSH(hs->items, hs->n, hs->cap, hsi);
    return 0;
}

static int compile_rules(const bg_record *r, bg_heading_styles *hs, baogao_error *err)
{
    const bg_kv *mx = bg_record_get(r, "max_chars"), *sent = bg_record_get(r, "sentence_chars"),
                *clause = bg_record_get(r, "clause"), *row = bg_record_get(r, "row_cells"),
                *next = bg_record_get(r, "next_cells"), *run_on = bg_record_get(r, "run_on");
    if (!mx || !sent || !clause)
        return bg_pattern_error(err, r->file, r->line, "[heading-rules] needs max_chars, sentence_chars and clause");
    if (bg_kv_int(mx, &hs->max_chars, err) < 0 || bg_kv_int(sent, &hs->sentence_chars, err) < 0)
        return -1;
    if (hs->clause.code)
        return bg_pattern_error(err, r->file, r->line, "[heading-rules] given twice");
    if (bg_regex_compile(clause, &hs->clause, err) < 0 || (row && bg_regex_compile(row, &hs->row_cells, err) < 0)
        || (run_on && bg_regex_compile(run_on, &hs->run_on, err) < 0))
        return -1;
    return next ? bg_regex_compile(next, &hs->next_cells, err) : 0;
}

int bg_headings_compile(const bg_records *recs, bg_heading_styles *hs, baogao_error *err)
{
    memset(hs, 0, sizeof *hs);
    for (size_t i = 0; i < recs->n; i++) {
        const bg_record *r = &recs->items[i];
        int rc = 0;
        if (strcmp(r->type, "heading") == 0)
            rc = compile_style(r, hs, err);
        else if (strcmp(r->type, "heading-rules") == 0)
            rc = compile_rules(r, hs, err);
        if (rc < 0)
            return -1;
    }
    if (!hs->clause.code)
        return bg_pattern_error(err, "patterns", 0, "no [heading-rules] record");
    return 0;
}

void bg_headings_free(bg_heading_styles *hs)
{
    for (size_t i = 0; i < hs->n; i++) {
        free(hs->items[i].style);
        bg_regex_free(&hs->items[i].re);
        bg_regex_free(&hs->items[i].repeat);
        bg_regex_free(&hs->items[i].run_in);
    }
    free(hs->items);
    bg_regex_free(&hs->clause);
    bg_regex_free(&hs->row_cells);
    bg_regex_free(&hs->next_cells);
    bg_regex_free(&hs->run_on);
    memset(hs, 0, sizeof *hs);
}

static long read_ordinal(bg_ordinal_kind kind, const char *s, size_t n)
{
    if (kind == BG_ORD_ARABIC) {
        long v = 0;
        for (size_t i = 0; i < n && i < 6; i++)
            if (s[i] >= '0' && s[i] <= '9')
                v = v * 10 + (s[i] - '0');
        return v;
    }
    if (kind == BG_ORD_CIRCLED) {
        uint32_t cp;
        bg_utf8_next(s, n, &cp);
        return cp >= 0x2460 && cp <= 0x2473 ? (long)(cp - 0x2460 + 1) : 0;
    }
    bg_dec d;
    if (bg_cn_parse(s, n, &d) < 0)
        return 0;
    double v = bg_dec_to_double(&d);
    return v >= 1 && v < 10000 ? (long)v : 0;
}

int bg_marker_at(bg_matcher *m, const bg_heading_styles *hs, const char *s, size_t n, long line, bg_marker *mk)
{
    size_t lead = 0;
    while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
        lead++;
    for (size_t i = 0; i < hs->n; i++) {
        size_t ov[2];
        const bg_heading_style *st = &hs->items[i];
        if (!bg_match(m, &st->re, s + lead, n - lead, 0, ov, 1, line))
            continue;
        size_t a, b;
        if (!bg_group(m, &st->re, "num", &a, &b))
            continue;
        size_t end = lead + ov[1], t = end;
        while (t < n && (s[t] == ' ' || s[t] == '\t'))
            t++;
        if (t >= n)
            return 0;           /* a bare number is not a heading */
        mk->style = (int)i;
        mk->ordinal = read_ordinal(st->ordinal, s + lead + a, b - a);
        mk->marker_end = end;
        mk->title_start = t;
        return 1;
    }
    return 0;
}
