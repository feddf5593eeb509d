/* headings.h — numbering markers of headings and list items (一、 (一) 1、 (1) ①),
 * from the [heading] records, and the reading of their numbers. */
#ifndef BAOGAO_HEADINGS_H
#define BAOGAO_HEADINGS_H

#include "patterns.h"

typedef enum { BG_ORD_CN, BG_ORD_ARABIC, BG_ORD_CIRCLED } bg_ordinal_kind;

typedef struct {
    char *style;
    bg_regex re;            /* anchored at the start of the (trimmed) line; group "num" */
    bg_regex repeat;        /* optional: a second marker of this style inside a title */
    bg_regex run_in;        /* optional, group "title": a run-in title before the paragraph's text */
    int top;                /* a style that opens a report's outline (一、, 第一部分) */
    bg_ordinal_kind ordinal;
} bg_heading_style;

typedef struct {
    bg_heading_style *items;
    size_t n, cap;
    long max_chars;         /* longer titles are list items */
    long sentence_chars;    /* an interior 。 in a title longer than this: list item */
    bg_regex clause;        /* a clause mark (，；) in a title: list item */
    bg_regex row_cells;     /* optional: figures between spaces in a title: a table row's label and cells */
    bg_regex next_cells;    /* optional: the paragraph after a table row's label: its cells */
    bg_regex run_on;        /* optional: a heading run into a long line, from its marker to its first sub-heading */
} bg_heading_styles;

/* A marker found at the start of a line. */
typedef struct {
    int style;              /* index into items */
    long ordinal;           /* 1-based number; 0 if unreadable */
    size_t marker_end;      /* offset just past the marker, in the line */
    size_t title_start;     /* offset of the title text (spaces skipped) */
} bg_marker;

int bg_headings_compile(const bg_records *recs, bg_heading_styles *hs, baogao_error *err);
void bg_headings_free(bg_heading_styles *hs);

/* Find a numbering marker at the start of s[0..n) (leading spaces skipped).
 * Returns 1 and fills *mk if the line begins with one and has text after it. */
int bg_marker_at(bg_matcher *m, const bg_heading_styles *hs, const char *s, size_t n, long line, bg_marker *mk);

#endif
