/* layout.h — stage 3: lines into blocks (paragraphs and tables) and tables
 * into rows and cells. Every piece of text keeps, byte by byte, its offset in
 * the normalized text, so extractors can report spans of the original. */
#ifndef BAOGAO_LAYOUT_H
#define BAOGAO_LAYOUT_H

#include "headings.h"
#include "text.h"

/* Text assembled from one or more ranges of the normalized text (a cell
 * continued over lines, a paragraph hard-wrapped by a PDF converter). */
typedef struct {
    char *s;
    size_t len, cap;        /* cap: room in s and map, grown by doubling */
    size_t *map;            /* len + 1 entries: normalized offset of each byte */
    long line, end_line;
} bg_piece;

typedef struct {
    bg_piece *cells;
    size_t n, cap;
    long line;
    int raw;                /* cells not placed in columns with certainty: shown, not read */
} bg_row;

typedef enum {
    BG_SHAPE_TAB_ROWS,      /* a row per line, TAB between cells (001) */
    BG_SHAPE_TAB_CELLS,     /* a cell per line starting with TAB, blank line between rows (000) */
    BG_SHAPE_PIPE,          /* a | b | c */
    BG_SHAPE_SPACED,        /* a whole spreadsheet on one line, cells between spaces */
    BG_SHAPE_CELL_LINES,    /* a spreadsheet flattened one cell per line, no TABs */
    BG_SHAPE_COLUMNS        /* cells laid out in columns with spaces (PDF text), cells wrapped */
} bg_table_shape;

typedef struct {
    bg_row *rows;
    size_t n, cap;
    long line, end_line;
    bg_table_shape shape;
} bg_table;

typedef enum { BG_BLOCK_PARA, BG_BLOCK_TABLE } bg_block_kind;

typedef struct {
    bg_block_kind kind;
    bg_piece text;          /* PARA: the joined paragraph */
    bg_table table;         /* TABLE */
    int has_marker;         /* PARA that starts with a numbering marker */
    bg_marker mk;           /* offsets relative to text.s */
    long line, end_line;
} bg_block;

typedef enum { BG_LINE_BLANK, BG_LINE_TEXT, BG_LINE_TABLE, BG_LINE_NOISE } bg_line_kind;

/* Lines dropped from the text flow: page numbers, web-page residue. */
typedef struct {
    bg_regex *pagenum;
    size_t npagenum, pagenum_cap;
    bg_regex *residue;
    size_t nresidue, residue_cap;
    long join_min_chars;        /* a shorter line is a label or title: never continued */
    long join_blank_min_chars;  /* continue over a blank line only after a line this long */
    bg_regex continues;         /* a paragraph ending so (、 ,) continues over a blank line */
    bg_regex wrap_end, wrap_start;  /* a figure broken over two lines */
    long sheet_min_tokens;      /* a line of this many space-separated tokens ... */
    long sheet_max_avg_chars;   /* ... this short on average is a flattened spreadsheet */
} bg_layout_rules;

typedef struct {
    bg_block *blocks;
    size_t n, cap;
    unsigned char *line_kind;   /* bg_line_kind of line k at index k - 1 */
    size_t nlines;
} bg_layout;

int bg_layout_compile(const bg_records *recs, bg_layout_rules *lr, baogao_error *err);
void bg_layout_rules_free(bg_layout_rules *lr);

void bg_layout_build(const bg_text *t, const bg_layout_rules *lr, const bg_heading_styles *hs,
                     bg_matcher *m, bg_layout *out);
void bg_layout_free(bg_layout *l);

/* The piece of line k (0-based), trimmed. Caller frees with bg_piece_free(). */
void bg_piece_of_line(const bg_text *t, size_t k, bg_piece *p);
void bg_piece_free(bg_piece *p);
/* Free a table's rows and cells; the table is left empty. */
void bg_table_free(bg_table *tb);
/* Append normalized range [a, b) of t (trimmed) to p, from line `line`. */
void bg_piece_add(bg_piece *p, const bg_text *t, size_t a, size_t b, long line);
/* Give a piece that got nothing an empty string; trim the room a finished one keeps. */
void bg_piece_finish(bg_piece *p);

/* Character count of a piece's text without surrounding spaces. */
size_t bg_piece_chars(const bg_piece *p);

#endif
