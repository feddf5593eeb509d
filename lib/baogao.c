/* baogao.c — the public API: load patterns, run the pipeline stages in order. */
#include "baogao.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "result.h"
#include "sha256.h"
#include "text.h"

const char *baogao_version(void)
{
    return BAOGAO_VERSION;
}

const char *baogao_strerror(baogao_code code)
{
    switch (code) {
    case BAOGAO_OK: return "success";
    case BAOGAO_ERR_NOMEM: return "out of memory";
    case BAOGAO_ERR_IO: return "input/output error";
    case BAOGAO_ERR_ENCODING: return "undecodable input";
    case BAOGAO_ERR_BINARY: return "binary data, not text";
    case BAOGAO_ERR_EMPTY: return "empty input";
    case BAOGAO_ERR_PATTERN: return "malformed pattern file";
    case BAOGAO_ERR_USAGE: return "invalid option";
    case BAOGAO_ERR_LIMIT: return "input too large";
    case BAOGAO_ERR_NOT_FOUND: return "no such file";
    case BAOGAO_ERR_IS_DIRECTORY: return "is a directory";
    case BAOGAO_ERR_PERMISSION: return "permission denied";
    }
    return "unknown error";
}

const char *baogao_error_name(baogao_code code)
{
    switch (code) {
    case BAOGAO_OK: return "ok";
    case BAOGAO_ERR_NOMEM: return "out_of_memory";
    case BAOGAO_ERR_IO: return "io";
    case BAOGAO_ERR_ENCODING: return "encoding";
    case BAOGAO_ERR_BINARY: return "binary";
    case BAOGAO_ERR_EMPTY: return "empty";
    case BAOGAO_ERR_PATTERN: return "pattern";
    case BAOGAO_ERR_USAGE: return "usage";
    case BAOGAO_ERR_LIMIT: return "limit";
    case BAOGAO_ERR_NOT_FOUND: return "not_found";
    case BAOGAO_ERR_IS_DIRECTORY: return "is_directory";
    case BAOGAO_ERR_PERMISSION: return "permission";
    }
    return "unknown";
}

int baogao_encoding_supported(const char *name)
{
    return name && bg_encoding_known(name);
}

void baogao_free(void *p)
{
    free(p);
}

void baogao_error_set(baogao_error *err, baogao_code code, const char *file, long line, long offset,
                      const char *fmt, ...)
{
    memset(err, 0, sizeof *err);
    err->code = code;
    err->line = line;
    err->offset = offset;
    bg_fixed_printf(err->file, sizeof err->file, "%s", file ? file : "-");
    va_list ap;
    va_start(ap, fmt);
    bg_fixed_vprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

static void error_init(baogao_error *err, const char *file)
{
    baogao_error_set(err, BAOGAO_OK, file, 0, -1, "%s", "");
}

/* ---- patterns ------------------------------------------------------------- */

/* Record types and the keys each stage reads from them; any other type or
 * key is a typo worth reporting, not a rule to drop silently. A type the
 * pipeline needs (needed = 1) must have a record: without any [kind] the
 * kind would be null for every report, with no word said. */
static const struct {
    const char *type;
    int needed;
    const char *keys;       /* space-separated */
} known_types[] = {
    { "heading", 1, "style regex ordinal repeat run_in top" },
    { "heading-rules", 1, "max_chars sentence_chars clause row_cells next_cells run_on" },
    { "layout", 1, "pagenum residue join_min_chars join_blank_min_chars continues wrap_end wrap_start sheet_min_tokens share_site share_site_lines page_chunk "
                   "sheet_max_avg_chars" },
    { "kind", 1, "name title hint" },
    { "family", 0, "name title" },
    { "field", 1, "name rank label line" },
    { "document", 1, "title_scan_lines title_max_chars title_anchor title_generic title_strip title_not title_end title_year attachment "
                     "org_from_title org_strip org_not org_unit date_format phone_format year_in_title planned_year_kind year_recent "
                     "year_cell year_alone year_prose" },
    { "unit", 1, "name wan_exponent" },
    { "amounts", 1, "expression not_after split_number foreign approx over under unitless formal anchor anchor_reach" },
    { "money-words", 1, "money not_money header_word header_note declaration header_unit cell_number cell_labelled row_mark" },
    { "labels", 1, "clause_end drop_before drop_after part total count_at_end restate after" },
    { "column", 1, "role header" },
    { "indicator-rules", 1, "weighted_name figure placeholder total_row not_applicable same_text_achieved lower_is_better "
                            "date figure_cell level1_word level2_word comparator" },
    { "cell-stream", 1, "value score_value header_like unit_fragment note level_word value_text annotation continues_next "
                        "continues_prev weight_piece labelled rate_header percent glued_unit glued_rate glued_note "
                        "glued_run glued_total glued_levels glued_level1 glued_level2 glued_cmp glued_actual glued_pair "
                        "fragment_max_chars max_fragments header_max_chars column_slack "
                        "label_max_chars rate_slack" },
    { "quality-scale", 0, "words" },
    { "scores", 1, "total grade item item_weight quoted item_name item_level" },
    { "checks", 1, "total_row generic_label" },
    { "rate-rule", 0, "name numerator denominator" },
    { "measure", 1, "name word heading" },
    { "item", 1, "name label" },
    { "fact-rules", 1, "prefix total difference span period period_anchor period_reach clause_end sentence_end" },
};
#define N_KNOWN_TYPES (sizeof known_types / sizeof known_types[0])

static int key_known(const char *keys, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = keys; (p = strstr(p, key)) != NULL; p += n)
        if ((p == keys || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return 1;
    return 0;
}

/* The built-in file that holds records of a type, to say where they are. */
static const char *builtin_file_of(const char *type)
{
    char tag[64];
    snprintf(tag, sizeof tag, "\n[%s]", type);
    for (size_t i = 0; i < bg_builtin_patterns_count; i++)
        if (strstr(bg_builtin_patterns[i].text, tag) || strncmp(bg_builtin_patterns[i].text, tag + 1, strlen(tag + 1)) == 0)
            return bg_builtin_patterns[i].name;
    return "the built-in set";
}

static int check_needed(const bg_records *recs, const char *dir, baogao_error *err)
{
    for (size_t k = 0; k < N_KNOWN_TYPES; k++) {
        size_t i = 0;
        while (i < recs->n && strcmp(recs->items[i].type, known_types[k].type) != 0)
            i++;
        if (known_types[k].needed && i == recs->n)
            return bg_pattern_error(err, dir ? dir : "patterns", 0,
                                    "no [%s] record, which the pipeline needs (the built-in set has them in %s)",
                                    known_types[k].type, builtin_file_of(known_types[k].type));
    }
    return 0;
}

static int check_types(const bg_records *recs, baogao_error *err)
{
    for (size_t i = 0; i < recs->n; i++) {
        const bg_record *r = &recs->items[i];
        size_t k = 0;
        while (k < N_KNOWN_TYPES && strcmp(r->type, known_types[k].type) != 0)
            k++;
        if (k == N_KNOWN_TYPES)
            return bg_pattern_error(err, r->file, r->line, "unknown record type [%s]", r->type);
        for (size_t j = 0; j < r->nkv; j++)
            if (!key_known(known_types[k].keys, r->kv[j].key))
                return bg_pattern_error(err, r->kv[j].file, r->kv[j].line, "unknown key \"%s\" in [%s]",
                                        r->kv[j].key, r->type);
    }
    return 0;
}

static int has_txt_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0 && name[0] != '.';
}

static int select_txt(const struct dirent *d)
{
    return has_txt_suffix(d->d_name);
}

static int read_dir(bg_records *recs, const char *dir, baogao_error *err)
{
    struct dirent **names;
    int n = scandir(dir, &names, select_txt, alphasort);
    if (n < 0) {
        baogao_error_set(err, BAOGAO_ERR_IO, dir, 0, -1, "cannot read pattern directory: %s", strerror(errno));
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        char *path = bg_xasprintf("%s/%s", dir, names[i]->d_name);
        FILE *f = rc == 0 ? fopen(path, "rb") : NULL;
        if (rc == 0 && !f) {
            baogao_error_set(err, BAOGAO_ERR_IO, path, 0, -1, "cannot open pattern file: %s", strerror(errno));
            rc = -1;
        }
        if (f) {
            bg_buf b = { 0 };
            char chunk[8192];
            size_t got;
            while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
                bg_buf_add(&b, chunk, got);
            fclose(f);
            rc = bg_records_parse(recs, path, b.s ? b.s : "", b.len, err);
            bg_buf_free(&b);
        }
        free(path);
        free(names[i]);
    }
    free(names);
    return rc;
}

baogao_patterns *baogao_patterns_load(const char *dir, baogao_error *err)
{
    error_init(err, dir ? dir : "(built-in patterns)");
    baogao_patterns *p = bg_xcalloc(1, sizeof *p);
    int rc = 0;
    if (dir)
        rc = read_dir(&p->recs, dir, err);
    else
        for (size_t i = 0; i < bg_builtin_patterns_count && rc == 0; i++)
            rc = bg_records_parse(&p->recs, bg_builtin_patterns[i].name, bg_builtin_patterns[i].text,
                                  strlen(bg_builtin_patterns[i].text), err);
    if (rc == 0)
        rc = check_types(&p->recs, err);
    if (rc == 0)
        rc = check_needed(&p->recs, dir, err);
    if (rc == 0)
        rc = bg_headings_compile(&p->recs, &p->headings, err);
    if (rc == 0)
        rc = bg_layout_compile(&p->recs, &p->layout, err);
    if (rc == 0)
        rc = bg_meta_compile(&p->recs, &p->meta, err);
    if (rc == 0)
        rc = bg_amounts_compile(&p->recs, &p->amounts, err);
    if (rc == 0)
        rc = bg_tables_compile(&p->recs, &p->tables, err);
    if (rc == 0)
        rc = bg_stream_compile(&p->recs, &p->stream, err);
    if (rc == 0)
        rc = bg_scores_compile(&p->recs, &p->scores, err);
    if (rc == 0)
        rc = bg_checks_compile(&p->recs, &p->checks, err);
    if (rc == 0)
        rc = bg_facts_compile(&p->recs, &p->facts, err);
    if (rc < 0) {
        baogao_patterns_free(p);
        return NULL;
    }
    return p;
}

void baogao_patterns_free(baogao_patterns *p)
{
    if (!p)
        return;
    bg_fact_rules_free(&p->facts);
    bg_check_rules_free(&p->checks);
    bg_score_rules_free(&p->scores);
    bg_stream_rules_free(&p->stream);
    bg_table_rules_free(&p->tables);
    bg_amount_rules_free(&p->amounts);
    bg_meta_rules_free(&p->meta);
    bg_layout_rules_free(&p->layout);
    bg_headings_free(&p->headings);
    bg_records_free(&p->recs);
    free(p);
}

/* ---- conversion ----------------------------------------------------------- */

/* A README, a JSON file found by -r: converted, every field null, and said. */
static const char not_a_report[] = "nothing of a budget-performance report was recognised (no title, kind, "
                                   "organization, amount, indicator, project or score)";

static int only_whitespace(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n')
            return 0;
    return 1;
}

baogao_result *baogao_convert(const baogao_patterns *pat, const unsigned char *bytes, size_t len,
                              const baogao_options *opt, baogao_error *err)
{
    static const baogao_options defaults = { NULL, NULL, 0 };
    if (!opt)
        opt = &defaults;
    error_init(err, opt->path);
    if (len >= BG_MAX_INPUT) {
        baogao_error_set(err, BAOGAO_ERR_LIMIT, opt->path, 0, -1, "input of %zu bytes exceeds the limit of %zu bytes",
                         len, BG_MAX_INPUT - 1);
        return NULL;
    }
    baogao_result *r = bg_xcalloc(1, sizeof *r);
    bg_buf path = { 0 };        /* a file name is bytes; the outputs are UTF-8 */
    bg_buf_add_utf8(&path, opt->path ? opt->path : "-", strlen(opt->path ? opt->path : "-"));
    r->path = path.s;
    r->bytes = len;
    bg_sha256_hex(bytes, len, r->sha256);

    bg_decoded dec;
    if (bg_decode(bytes, len, opt->encoding, opt->lossy, &dec, &r->warnings, err) < 0) {
        bg_fixed_printf(err->file, sizeof err->file, "%s", opt->path ? opt->path : "-");
        baogao_result_free(r);
        return NULL;
    }
    r->encoding = bg_xstrdup(dec.encoding);
    bg_normalize(&dec, &r->text, &r->warnings);
    bg_decoded_free(&dec);
    if (only_whitespace(r->text.s, r->text.len)) {
        baogao_error_set(err, BAOGAO_ERR_EMPTY, opt->path, 1, -1, "%s", len ? "no text, only whitespace" : "empty file");
        baogao_result_free(r);
        return NULL;
    }

    bg_matcher m;
    bg_matcher_init(&m, &r->warnings);
    bg_layout_build(&r->text, &pat->layout, &pat->headings, &m, &r->layout);
    bg_piped_apply(&r->text, &pat->stream, &pat->tables, &m, &r->layout);
    bg_cellstream_apply(&pat->stream, &pat->tables, &m, &r->warnings, &r->layout);
    bg_columns_apply(&r->text, &pat->stream, &pat->tables, &m, &r->layout);
    bg_glued_apply(&r->text, &pat->stream, &pat->tables, &m, &r->warnings, &r->layout);
    bg_budget_rows_apply(&pat->stream, &pat->tables, &m, &r->layout);
    bg_sections_build(&r->layout, &pat->headings, &m, &r->sections);
    bg_meta_extract(&r->text, &r->layout, &r->sections, &pat->headings, &pat->meta, &m, &r->warnings, &r->meta);
    bg_amounts_extract(&r->text, &r->layout, &pat->amounts, &m, &r->warnings, &r->amounts);
    bg_facts_derive(&r->layout, &r->sections, &r->meta, &r->amounts, &pat->facts, &m, &r->facts);
    bg_indicators_extract(&r->text, &r->layout, &pat->tables, &pat->amounts, &m, &r->warnings, &r->findings);
    bg_scores_extract(&r->text, &r->layout, &r->sections, &pat->scores, &m, &r->warnings, &r->findings);
    bg_checks_run(&r->layout, &r->amounts, &r->findings, &pat->checks, &m, &r->checks);
    bg_facts_check(&r->amounts, &r->facts, &r->findings, &r->checks);
    bg_matcher_free(&m);
    if (!baogao_result_recognised(r))
        bg_warn(&r->warnings, 0, "%s", not_a_report);
    return r;
}

int baogao_result_recognised(const baogao_result *r)
{
    const bg_meta *d = &r->meta;
    const bg_findings *f = &r->findings;
    return d->title.value || d->kind.value || d->organization.value || r->amounts.n || f->nindicators
           || f->nprojects || f->scores.ntotals || f->scores.nitems || f->scores.grade;
}

void baogao_sha256_hex(const void *data, size_t len, char hex[65])
{
    bg_sha256_hex(data, len, hex);
}

size_t baogao_result_warning_count(const baogao_result *r)
{
    return r->warnings.n;
}

const char *baogao_result_sha256(const baogao_result *r)
{
    return r->sha256;
}

size_t baogao_result_mismatch_count(const baogao_result *r)
{
    return bg_checks_mismatches(&r->checks);
}

char *baogao_result_json(const baogao_result *r, int pretty)
{
    return bg_emit_json(r, pretty);
}

void baogao_result_free(baogao_result *r)
{
    if (!r)
        return;
    bg_checks_free(&r->checks);
    bg_findings_free(&r->findings);
    bg_facts_free(&r->facts);
    bg_amounts_free(&r->amounts);
    bg_meta_free(&r->meta);
    bg_sections_free(&r->sections);
    bg_layout_free(&r->layout);
    bg_text_free(&r->text);
    bg_warnings_free(&r->warnings);
    free(r->encoding);
    free(r->path);
    free(r);
}
