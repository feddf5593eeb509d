/* page_chunks.c — the pages of a document-sharing site's copy.
 *
 * Such a site (《…》由会员分享,可在线阅读…) shows a report as its pages, each
 * printed as one line that starts with the page's number: `1、…`, `2、…`.
 * A page break falls anywhere, inside a sentence, a figure or a table cell
 * (…真实率100% / 2、100%质量指标…): the numbers are the site's, not the
 * report's, and each page goes on with the text of the one before. This
 * marks them so that paragraphs and glued tables read through the breaks. */
#include "layout.h"

#include <stdlib.h>

/* The site's line names the document and the site: a longer line is the
 * report (a whole report on one line is not searched for it). */
enum { SHARE_LINE_MAX = 2048 };

/* The number at the start of line s[0, n) matched by the page pattern:
 * its value, the marker's length into *len; -1 when there is none. */
static long page_number(bg_matcher *m, const bg_regex *re, const char *s, size_t n, long line, size_t *len)
{
    size_t ov[2];
    if (!bg_match(m, re, s, n, 0, ov, 1, line))
        return -1;
    long v = 0;
    size_t i = 0;
    while (i < ov[1] && (s[i] < '0' || s[i] > '9'))
        i++;
    for (; i < ov[1] && s[i] >= '0' && s[i] <= '9' && v < 100000; i++)
        v = v * 10 + (s[i] - '0');
    *len = ov[1];
    return v;
}

void bg_page_chunks(const bg_text *t, const bg_layout_rules *lr, bg_matcher *m, unsigned char *mark)
{
    if (!lr->share_site.code || !lr->page_chunk.code)
        return;
    size_t k = 0, ov[2];
    for (; k < t->nlines && (long)k < lr->share_site_lines; k++) {
        size_t a = t->lines[k], e = bg_line_end(t, k);
        if (e - a <= SHARE_LINE_MAX && bg_match(m, &lr->share_site, t->s + a, e - a, 0, ov, 1, (long)k + 1))
            break;
    }
    if (k >= t->nlines || (long)k >= lr->share_site_lines)
        return;
    long want = 1;
    for (k++; k < t->nlines; k++) {
        size_t a = t->lines[k], e = bg_line_end(t, k), len = 0;
        if (bg_spaces_only(t->s + a, e - a))
            continue;
        if (page_number(m, &lr->page_chunk, t->s + a, e - a, (long)k + 1, &len) != want
            || len > BG_PAGE_BYTES)
            return;
        mark[k] = (unsigned char)(len | (want > 1 ? BG_PAGE_CONT : 0));
        want++;
    }
}
