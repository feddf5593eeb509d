/* sections.h — the section tree from numbered headings. */
#ifndef BAOGAO_SECTIONS_H
#define BAOGAO_SECTIONS_H

#include "layout.h"

#define BG_NO_PARENT ((size_t)-1)

typedef struct {
    char *number;           /* marker as printed after normalization: "一、", "(一)", "①" */
    char *title;            /* cleaned, without trailing 。：: */
    long line;
    int level;              /* 1 = top */
    size_t parent;          /* index into the list, or BG_NO_PARENT */
    size_t block;           /* index of the layout block */
    size_t start, end;      /* normalized span of the heading line */
} bg_section;

typedef struct {
    bg_section *items;      /* document order */
    size_t n, cap;
} bg_sections;

void bg_sections_build(const bg_layout *l, const bg_heading_styles *hs, bg_matcher *m, bg_sections *out);
void bg_sections_free(bg_sections *s);

/* Index of the innermost section open at `line`, or BG_NO_PARENT. */
size_t bg_section_at(const bg_sections *s, long line);

/* Append to out the path of section i and its ancestors, "一、… > (一)…";
 * nothing for BG_NO_PARENT. The one writer of section paths (JSON, HTML,
 * spreadsheets). */
void bg_section_path(const bg_sections *s, size_t i, bg_buf *out);

#endif
