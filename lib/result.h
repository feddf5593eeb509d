/* result.h — what one conversion produced, shared by the emitters. */
#ifndef BAOGAO_RESULT_H
#define BAOGAO_RESULT_H

#include "amounts.h"
#include "cellstream.h"
#include "budget_rows.h"
#include "glued.h"
#include "pipecells.h"
#include "columns.h"
#include "checks.h"
#include "facts.h"
#include "indicators.h"
#include "meta.h"

struct baogao_patterns {
    bg_records recs;
    bg_layout_rules layout;
    bg_heading_styles headings;
    bg_meta_rules meta;
    bg_amount_rules amounts;
    bg_table_rules tables;
    bg_stream_rules stream;
    bg_score_rules scores;
    bg_check_rules checks;
    bg_fact_rules facts;
};

struct baogao_result {
    char *path;
    char *encoding;
    size_t bytes;
    char sha256[65];
    bg_text text;           /* normalized text and its map to the original */
    bg_layout layout;
    bg_sections sections;
    bg_meta meta;
    bg_amounts amounts;
    bg_facts facts;         /* which figure each amount is; the distinct facts */
    bg_findings findings;   /* indicators, projects, scores */
    bg_checks checks;
    bg_warnings warnings;
};

/* The emitters: each builds its output from a finished result. */
char *bg_emit_json(const baogao_result *r, int pretty);

#endif
