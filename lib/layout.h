/* layout.h — stage 3: lines into blocks (paragraphs and tables) and tables
 * into rows and cells. Every piece of text keeps, byte by byte, its offset in
 * the normalized text, so extractors can report spans of the original. */
#ifndef BAOGAO_LAYOUT_H
#define BAOGAO_LAYOUT_H

#include <stdint.h>

#include "headings.h"
#include "text.h"

/* Where a run of a piece's bytes comes from: byte `at` of the piece onward
 * is byte `from` onward of the normalized text, until the next run. */
typedef struct {
    uint32_t at, from;
} bg_piece_run;

/* Text assembled from one or more ranges of the normalized text (a cell
 * continued over lines, a paragraph hard-wrapped by a PDF converter). Its
 * offsets are kept as runs, one for each range joined (and one for each
 * space put between two Latin words): a byte-by-byte map cost four to eight
 * times the text, the largest memory of a conversion. */
typedef struct {
    char *s;
    size_t len, cap;        /* cap: room in s, grown by doubling */
    bg_piece_run first;     /* most pieces are one range: its run needs no allocation */
    bg_piece_run *more;     /* the runs after the first */
    size_t nruns, more_cap; /* nruns counts the first */
    long line, end_line;
} bg_piece;

typedef struct {
    bg_piece *cells;
    size_t n, cap;
    long line;
    int raw;                /* cells not placed in columns with certainty: shown, not read */
    int header;             /* the layout stage found it to be its table's header */
    int padded;             /* counted to the table's width: empty cells at its end are padding */
} bg_row;

typedef enum {
    BG_SHAPE_TAB_ROWS,      /* a row per line, TAB between cells (001) */
    BG_SHAPE_TAB_CELLS,     /* a cell per line starting with TAB, blank line between rows (000) */
    BG_SHAPE_PIPE,          /* a | b | c */
    BG_SHAPE_SPACED,        /* a whole spreadsheet on one line, or a row per line, cells between spaces */
    BG_SHAPE_CELL_LINES,    /* a spreadsheet flattened one cell per line, no TABs */
    BG_SHAPE_COLUMNS,       /* cells laid out in columns with spaces (PDF text), cells wrapped */
    BG_SHAPE_GLUED          /* cells run together with no separator */
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
    bg_regex share_site;        /* a document-sharing site's line, within share_site_lines ... */
    long share_site_lines;
    bg_regex page_chunk;        /* ... then its pages, each a line starting 1、 2、 … */
} bg_layout_rules;

typedef struct {
    bg_block *blocks;
    size_t n, cap;
    unsigned char *line_kind;   /* bg_line_kind of line k at index k - 1 */
    /* Line k starting a page of a document-sharing site (page_chunks.c):
     * the bytes of its page number (BG_PAGE_BYTES bits), and BG_PAGE_CONT
     * when the page goes on with the text of the one before; 0 for a line
     * of any other text. */
    unsigned char *page_mark;
    size_t nlines;
} bg_layout;

#define BG_PAGE_BYTES 0x7F
#define BG_PAGE_CONT 0x80

/* Mark the pages of a document-sharing site's copy into mark[0, nlines). */
void bg_page_chunks(const bg_text *t, const bg_layout_rules *lr, bg_matcher *m, unsigned char *mark);

int bg_layout_compile(const bg_records *recs, bg_layout_rules *lr, baogao_error *err);
void bg_layout_rules_free(bg_layout_rules *lr);

void bg_layout_build(const bg_text *t, const bg_layout_rules *lr, const bg_heading_styles *hs,
                     bg_matcher *m, bg_layout *out);
void bg_layout_free(bg_layout *l);

/* The next heading run into a long line s[0, n), at or after `from`
 * (run_on.c): 1 with its span [*h, *e), *e being where its first
 * sub-heading starts; 0 when there is none. */
int bg_run_on_next(bg_matcher *m, const bg_heading_styles *hs, const char *s, size_t n, size_t from, long line,
                   size_t *h, size_t *e);

/* The piece of line k (0-based), trimmed. Caller frees with bg_piece_free(). */
void bg_piece_of_line(const bg_text *t, size_t k, bg_piece *p);
void bg_piece_free(bg_piece *p);
/* A new empty cell at the end of row (owned by the row). */
bg_piece *bg_row_new_cell(bg_row *row);
/* Finish row and append it to tb (which takes its cells); a row with no text
 * is dropped. *row is left empty. */
void bg_table_add_row(bg_table *tb, bg_row *row);
/* The rows of the pipe table on lines[0, n) (0-based, page-number lines left
 * out): a row per line, or rows counted over lines (lib/pipe_rows.c). Its
 * first rows that hold one cell, at their start, are its caption: they are
 * not rows; returns how many of the lines they take. */
size_t bg_pipe_rows(const bg_text *t, const size_t *lines, size_t n, bg_table *tb);
/* Free a table's rows and cells; the table is left empty. */
void bg_table_free(bg_table *tb);
/* Append normalized range [a, b) of t (trimmed) to p, from line `line`. */
void bg_piece_add(bg_piece *p, const bg_text *t, size_t a, size_t b, long line);
/* Give a piece that got nothing an empty string; trim the room a finished one keeps. */
void bg_piece_finish(bg_piece *p);

/* The normalized-text offset of byte i of p (0 <= i <= p->len; i == len is
 * where its last range ends). */
size_t bg_piece_pos(const bg_piece *p, size_t i);
/* The normalized-text offset just past byte i - 1 of p: where a span of
 * p ending at i ends (bg_piece_pos(p, i) would be where the next range
 * starts, the line break between included). */
size_t bg_piece_end(const bg_piece *p, size_t i);
/* Append the text of src, with its offsets, to dst. */
void bg_piece_append(bg_piece *dst, const bg_piece *src);
/* Make p (empty) an empty piece standing at normalized offset `at`. */
void bg_piece_empty_at(bg_piece *p, size_t at);
/* Bytes [i, j) of p, with their offsets, as a new piece (caller frees). */
void bg_piece_slice(const bg_piece *p, size_t i, size_t j, bg_piece *out);

/* Character count of a piece's text without surrounding spaces. */
size_t bg_piece_chars(const bg_piece *p);

#endif
