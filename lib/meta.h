/* meta.h — document metadata: title, kind, organization, year, date,
 * preparer, phone. Every value is taken from text, with its line; what the
 * text does not say stays NULL. */
#ifndef BAOGAO_META_H
#define BAOGAO_META_H

#include "sections.h"

typedef struct {
    char *name;
    bg_regex title;
    bg_regex *hints;
    size_t nhints, hints_cap;
} bg_kind_rule;

typedef enum { BG_FIELD_ORG, BG_FIELD_PREPARER, BG_FIELD_PHONE, BG_FIELD_DATE, BG_FIELD_COUNT } bg_field_id;

typedef struct {
    bg_field_id field;
    int rank;               /* lower wins; the title's organization has rank 2 */
    bg_regex label;         /* a label: "label: value" in a line, or a cell then its value cell */
    bg_regex line;          /* or a whole line whose group "value" is the value */
} bg_field_rule;

typedef struct {
    bg_kind_rule *kinds;
    size_t nkinds, kinds_cap;
    bg_field_rule *fields;
    size_t nfields, fields_cap;
    long title_scan_lines, title_max_chars;
    bg_regex org_from_title;    /* group "org" */
    bg_regex date_format;       /* groups y, m, d */
    bg_regex phone_format;
    bg_regex year_in_title;     /* group "year" */
    bg_regex year_recent;       /* a header cell over the last years' columns */
    bg_regex year_cell;         /* group "year": a cell naming one year */
    bg_regex year_alone;        /* group "year": a cell or line stating only the year */
    bg_regex year_prose;        /* group "year" */
    char *planned_year_kind;    /* the kind whose year is planned (绩效目标申报表) */
} bg_meta_rules;

typedef struct {
    char *value;
    long line;
    size_t start, end;      /* normalized span */
} bg_meta_value;

typedef struct {
    bg_meta_value title, kind, organization, date, preparer, phone;
    int year;               /* 0: unknown */
    long year_line;
} bg_meta;

int bg_meta_compile(const bg_records *recs, bg_meta_rules *mr, baogao_error *err);
void bg_meta_rules_free(bg_meta_rules *mr);

void bg_meta_extract(const bg_text *t, const bg_layout *l, const bg_sections *secs,
                     const bg_heading_styles *hs, const bg_meta_rules *mr, bg_matcher *m,
                     bg_warnings *w, bg_meta *out);
void bg_meta_free(bg_meta *meta);

#endif
