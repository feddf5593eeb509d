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

/* A list of expressions given by a repeatable key. */
typedef struct {
    bg_regex *items;
    size_t n, cap;
} bg_regex_list;

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
    bg_kind_rule *families;     /* neighbouring families: a title, but none of the kinds */
    size_t nfamilies, families_cap;
    bg_field_rule *fields;
    size_t nfields, fields_cap;
    bg_regex any_label;         /* built: a text that is wholly one of the labels */
    long title_scan_lines, title_max_chars;
    bg_regex title_anchor;      /* every title holds it: a line without it is not tried */
    bg_regex title_generic;     /* a title that names no kind (the kind may follow from another line) */
    bg_regex_list title_strip;  /* removed from the start or end of a title line (附件3:, .pdf) */
    bg_regex title_not;         /* a line holding this is neither a title's first half nor run into one */
    bg_regex title_end;         /* what may follow a title that starts a longer line */
    bg_regex title_year;        /* group "year": a year printed right after such a title */
    bg_regex attachment;        /* a line announcing an attachment, whose heading follows */
    bg_regex_list org_from_title;   /* group "org"; the first that matches */
    bg_regex org_strip;         /* removed from an organization value (a code, a seal note) */
    bg_regex org_unit;          /* a unit's name: what a value without a colon must look like */
    bg_regex org_not;           /* a value that names no unit (a bare place, a placeholder) */
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

/* The labelled fields (fields.c): each takes a value whose source ranks
 * better than rank[field], and lowers rank[field] to it. */
void bg_fields_extract(const bg_text *t, const bg_layout *l, const bg_meta_rules *mr, bg_matcher *m, bg_meta *out,
                       int rank[BG_FIELD_COUNT]);
/* An organization as a reader names it: without a code or a seal note; NULL
 * (v freed) when it names no unit. Takes ownership of v. */
char *bg_org_clean(const bg_meta_rules *mr, bg_matcher *m, char *v, long line);
/* A year, month or day in Arabic or Chinese digits; -1 if unreadable. */
long bg_date_number(const char *s, size_t n);

/* The title and kind (title.c), and the year they state. */
void bg_title_extract(const bg_text *t, const bg_layout *l, const bg_sections *secs, const bg_heading_styles *hs,
                      const bg_meta_rules *mr, bg_matcher *m, bg_warnings *w, bg_meta *out);

#endif
