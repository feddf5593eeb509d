/* fuzz_layout.c — stages 1 to 3 and the section tree: lossy decoding with
 * detection, normalization, bg_layout_build and bg_sections_build with the
 * built-in patterns. The whole input is the file.
 *
 * Checks: every line gets a kind; blocks are in order and inside the text;
 * every piece (paragraph, cell) is NUL-terminated well-formed UTF-8 — the
 * extractors match it with PCRE2_NO_UTF_CHECK — with a map into the
 * normalized text; markers point inside their paragraph; tables have rows;
 * sections nest one level under their parent, in document order.
 * Known-fault names for BAOGAO_FUZZ_ALLOW: empty-paragraph. */
#include "fuzz_common.h"
#include "result.h"

static baogao_patterns *patterns;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    baogao_error err;
    patterns = baogao_patterns_load(NULL, &err);
    if (!patterns) {
        fprintf(stderr, "fuzz_layout: built-in patterns do not load: %s:%ld: %s\n", err.file, err.line, err.message);
        abort();
    }
    return 0;
}

static void check_piece(const bg_piece *p, const bg_text *t, long nlines, const char *what)
{
    FZ_CHECK(p->s, "%s without text", what);
    FZ_CHECK(p->s[p->len] == '\0', "%s not NUL-terminated", what);
    FZ_CHECK(strlen(p->s) == p->len, "%s holds a NUL", what);
    size_t bad = fz_utf8_invalid_at(p->s, p->len);
    FZ_CHECK(bad == p->len, "%s is not well-formed UTF-8 at byte %zu of %zu (line %ld)", what, bad, p->len, p->line);
    for (size_t i = 0; i <= p->len; i++)
        FZ_CHECK(bg_piece_pos(p, i) <= t->len, "%s map[%zu] = %zu past the text (%zu)", what, i, bg_piece_pos(p, i), t->len);
    for (size_t i = 0; i < p->len; i++)
        FZ_CHECK(p->s[i] == ' ' || p->s[i] == t->s[bg_piece_pos(p, i)], "%s byte %zu is not the text byte it maps to", what, i);
    if (p->len)
        FZ_CHECK(p->line >= 1 && p->line <= p->end_line && p->end_line <= nlines, "%s lines %ld-%ld of %ld", what,
                 p->line, p->end_line, nlines);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bg_decoded d;
    bg_warnings w = { 0 };
    baogao_error err;
    memset(&err, 0, sizeof err);
    if (bg_decode(data, size, NULL, 1, &d, &w, &err) < 0) {
        bg_warnings_free(&w);
        return 0;
    }
    bg_text t;
    bg_normalize(&d, &t, &w);
    bg_decoded_free(&d);

    bg_matcher m;
    bg_matcher_init(&m, &w);
    bg_layout l;
    bg_layout_build(&t, &patterns->layout, &patterns->headings, &m, &l);
    long nlines = (long)t.nlines;
    FZ_CHECK(l.nlines == t.nlines, "layout has %zu lines, text %zu", l.nlines, t.nlines);
    for (size_t k = 0; k < l.nlines; k++)
        FZ_CHECK(l.line_kind[k] <= BG_LINE_NOISE, "line %zu has kind %u", k + 1, l.line_kind[k]);
    long prev_line = 0;
    for (size_t i = 0; i < l.n; i++) {
        const bg_block *b = &l.blocks[i];
        FZ_CHECK(b->line >= 1 && b->line <= b->end_line && b->end_line <= nlines, "block %zu lines %ld-%ld of %ld", i,
                 b->line, b->end_line, nlines);
        /* a line may hold several blocks: headings run into a report
         * flattened onto one line are split off it (run_on in headings.txt) */
        FZ_CHECK(b->line >= prev_line, "block %zu starts on line %ld, after a block on line %ld", i, b->line,
                 prev_line);
        prev_line = b->line;
        if (b->kind == BG_BLOCK_PARA) {
            check_piece(&b->text, &t, nlines, "paragraph");
            if (!fz_allowed("empty-paragraph"))
                FZ_CHECK(b->text.len > 0, "empty paragraph at line %ld", b->line);
            FZ_CHECK(l.line_kind[b->line - 1] == BG_LINE_TEXT, "paragraph on a line of kind %u",
                     l.line_kind[b->line - 1]);
            if (b->has_marker) {
                FZ_CHECK(b->mk.style >= 0 && (size_t)b->mk.style < patterns->headings.n, "marker style %d",
                         b->mk.style);
                FZ_CHECK(b->mk.marker_end <= b->mk.title_start && b->mk.title_start < b->text.len,
                         "marker end %zu, title at %zu, paragraph of %zu bytes", b->mk.marker_end, b->mk.title_start,
                         b->text.len);
                FZ_CHECK(fz_utf8_invalid_at(b->text.s, b->mk.title_start) == b->mk.title_start,
                         "title starts inside a character");
            }
        } else {
            FZ_CHECK(b->kind == BG_BLOCK_TABLE, "block kind %d", (int)b->kind);
            FZ_CHECK(b->table.n > 0, "table without rows at line %ld", b->line);
            for (size_t r = 0; r < b->table.n; r++) {
                const bg_row *row = &b->table.rows[r];
                FZ_CHECK(row->n > 0, "row without cells at line %ld", row->line);
                FZ_CHECK(row->line >= b->line && row->line <= b->end_line, "row line %ld outside table %ld-%ld",
                         row->line, b->line, b->end_line);
                for (size_t c = 0; c < row->n; c++)
                    check_piece(&row->cells[c], &t, nlines, "cell");
            }
        }
    }

    bg_sections s;
    bg_sections_build(&l, &patterns->headings, &m, &s);
    for (size_t i = 0; i < s.n; i++) {
        const bg_section *sec = &s.items[i];
        FZ_CHECK(sec->block < l.n && l.blocks[sec->block].kind == BG_BLOCK_PARA && l.blocks[sec->block].has_marker,
                 "section %zu on block %zu", i, sec->block);
        FZ_CHECK(i == 0 || sec->block > s.items[i - 1].block, "sections out of order at %zu", i);
        FZ_CHECK(sec->level >= 1, "section level %d", sec->level);
        if (sec->parent == BG_NO_PARENT)
            FZ_CHECK(sec->level == 1, "root section at level %d", sec->level);
        else
            FZ_CHECK(sec->parent < i && s.items[sec->parent].level == sec->level - 1,
                     "section %zu (level %d) under %zu", i, sec->level, sec->parent);
        FZ_CHECK(sec->number && sec->title, "section without number or title");
        FZ_CHECK(fz_utf8_invalid_at(sec->title, strlen(sec->title)) == strlen(sec->title), "title not UTF-8");
        FZ_CHECK(fz_utf8_invalid_at(sec->number, strlen(sec->number)) == strlen(sec->number), "number not UTF-8");
        FZ_CHECK(sec->start <= sec->end && sec->end <= t.len, "section span %zu-%zu of %zu", sec->start, sec->end,
                 t.len);
        FZ_CHECK(bg_section_at(&s, sec->line) != BG_NO_PARENT, "section_at its own line");
    }
    bg_sections_free(&s);
    bg_layout_free(&l);
    bg_matcher_free(&m);
    bg_text_free(&t);
    bg_warnings_free(&w);
    return 0;
}
