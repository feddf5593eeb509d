/* run_on.c — headings run into a line of text.
 *
 * A report flattened onto one line (PDF text whose line breaks became
 * spaces, a page re-posted as one paragraph) holds its headings inside the
 * line: …报告如下: 一、部门基本情况 (一)部门职能 我局负责…. A reader sees the
 * heading because its short title is followed at once by its first
 * sub-heading; an enumeration inside a sentence (一是…二是…, 以下工作:一、
 * 加强…;二、…) has no such thing. The expression that says so is the
 * run_on key of [heading-rules] (patterns/headings.txt); the layout stage
 * makes each match a line of its own. */
#include "layout.h"

int bg_run_on_next(bg_matcher *m, const bg_heading_styles *hs, const char *s, size_t n, size_t from, long line,
                   size_t *h, size_t *e)
{
    size_t ov[2];
    if (!hs->run_on.code || from >= n || !bg_match(m, &hs->run_on, s, n, from, ov, 1, line) || ov[1] <= ov[0])
        return 0;
    *h = ov[0];
    *e = ov[1];
    return 1;
}
