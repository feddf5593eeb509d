/* emit_html.h — the review page (baogao_result_html), shared by its three
 * parts: emit_html.c (the page, its style and script), html_text.c (the
 * report's text with every item marked in place) and html_panels.c (the side
 * panels). Internal to the library; like emit_json.c it reads only a finished
 * result, so the page and the JSON cannot disagree.
 *
 * Every marked element carries data-kind and data-index naming the item in
 * the JSON: amount -> amounts[i], indicator -> indicators[i], project ->
 * projects[i], stated -> scores.stated[i], score -> scores.items[i],
 * section -> the i-th section in document order (the section tree read
 * depth first), field -> document.provenance[KEY] (data-index is the key),
 * grade -> scores.grade (data-index 0). */
#ifndef BAOGAO_EMIT_HTML_H
#define BAOGAO_EMIT_HTML_H

#include "result.h"

/* Kinds of marked item. Where two spans are equal the earlier kind is drawn
 * outside the later one. */
typedef enum {
    BG_HK_SECTION, BG_HK_FIELD, BG_HK_INDICATOR, BG_HK_PROJECT, BG_HK_STATED, BG_HK_SCORE, BG_HK_GRADE,
    BG_HK_AMOUNT, BG_HK_COUNT
} bg_hkind;

typedef struct {
    const char *name;       /* data-kind and the CSS class k-NAME */
    const char *prefix;     /* element id prefix: a3, i0, f-title */
    const char *legend;     /* the legend's words */
} bg_hkind_info;

extern const bg_hkind_info bg_hkinds[BG_HK_COUNT];

/* One marked item: what it is and where, in normalized offsets that start
 * and end on character boundaries. */
typedef struct {
    bg_hkind kind;
    size_t index;           /* in its JSON array; fields: position in bg_html_fields */
    size_t start, end;
} bg_hitem;

typedef struct {
    bg_hitem *items;
    size_t n, cap;
    size_t count[BG_HK_COUNT];
} bg_hitems;

/* The document fields that have a span, in the JSON's provenance order. */
typedef struct {
    const char *key;
    const bg_meta_value *v;
} bg_html_field;

/* Fills fields (room for 6) with the fields the JSON gives a span; returns how many. */
size_t bg_html_fields(const baogao_result *r, bg_html_field fields[6]);

/* The provenance key of field index ("title"), "unknown" past the last. */
const char *bg_html_field_key(const baogao_result *r, size_t index);

/* Every item of the result that has a span. Caller frees items. */
void bg_html_collect(const baogao_result *r, bg_hitems *out);

/* ---- writing -------------------------------------------------------------- */

/* Text as HTML: & < > " ' escaped (so the same call serves text and
 * attribute values), invalid UTF-8 and C1 controls as U+FFFD, other
 * controls but TAB and LF as their visible pictures (U+2400 block). */
void bg_html_esc(bg_buf *b, const char *s, size_t n);
void bg_html_escs(bg_buf *b, const char *s);            /* NULL writes nothing */
/* Formatted text added as is, NOT escaped: for tags, numbers and the plain
 * text of tooltips (escaped as a whole when written). */
void bg_html_printf(bg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A decimal: as written (keeps trailing zeros) or canonical, as the JSON prints it. */
void bg_html_dec(bg_buf *b, const bg_dec *d, int as_written);

/* The element id of an item ("a3", "f-title") — without escaping, ids are ASCII. */
void bg_html_id(bg_buf *b, const baogao_result *r, const bg_hitem *it);
/* What baogao made of an item, as plain text (lines separated by LF). */
void bg_html_tip(bg_buf *b, const baogao_result *r, const bg_hitem *it);
/* "一、部门基本情况 > (一)部门概况" for a line, as emit_json.c's section path; plain text. */
void bg_html_section_path(bg_buf *b, const baogao_result *r, long line);

/* The text, line by line with the original line numbers, items marked. */
void bg_html_text(bg_buf *b, const baogao_result *r, const bg_hitems *items);
/* The side panels, with a list of links to them first: document, checks,
 * warnings, scores, indicators, amounts, projects, outline. */
void bg_html_panels(bg_buf *b, const baogao_result *r);

#endif
