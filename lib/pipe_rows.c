/* pipe_rows.c — the rows of a pipe table (LAYOUTS §3).
 *
 * Most converters print a row per line (`a | b | c |`). Web pages converted
 * cell by cell print every cell followed by `|`, pad each row with empty
 * cells to the width of the widest row (`规划 (15分) | ||||`), and break a
 * line wherever a cell held a line break, so one row runs over several lines
 * (`1 | 规划 (15分) |` / `基础信息 (3分) | … |` / `3 |`). In such a table
 * every `|` ends a cell and every row ends after the same number of them: a
 * reader counts cells up to the row's width. The width is that of the widest
 * line, or of the row a cell-per-line table keeps repeating; a table is read
 * so only when the count lands on line ends everywhere (a row per line
 * otherwise, as before). Lines above the first counted row (a page's
 * metadata, a narrower table) stay a row per line. */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

/* How many leading lines may stand outside the counted rows. */
#define MAX_SKIP 6
/* How many rows of one cell above a table may be its caption. */
#define MAX_CAPTION 3

typedef struct {
    size_t a, b;        /* the line, trimmed */
    size_t bars;        /* its `|` */
    int open;           /* text after its last `|`: a cell that goes on */
} pipe_line;

static void line_of(const bg_text *t, size_t k, pipe_line *pl)
{
    size_t a = t->lines[k], b = bg_line_end(t, k);
    while (a < b && (t->s[a] == ' ' || t->s[a] == '\t'))
        a++;
    while (b > a && (t->s[b - 1] == ' ' || t->s[b - 1] == '\t'))
        b--;
    pl->a = a;
    pl->b = b;
    pl->bars = 0;
    for (size_t i = a; i < b; i++)
        pl->bars += t->s[i] == '|';
    pl->open = b > a && t->s[b - 1] != '|';
}

/* Do lines [from, n) fall into rows of `width` cells, each ending at a line
 * end? (The last row may be cut short: the text ends mid-row.) Counts the
 * rows of several lines in *wrapped and the lines of two `|` or more in
 * *witnesses. */
static int rows_fit(const pipe_line *pl, size_t from, size_t n, size_t width, size_t *wrapped, size_t *witnesses)
{
    size_t cells = 0, lines = 0;
    *wrapped = *witnesses = 0;
    for (size_t i = from; i < n; i++) {
        cells += pl[i].bars;
        lines++;
        *witnesses += pl[i].bars >= 2;
        if (cells > width || (cells == width && pl[i].open))
            return 0;
        if (cells == width) {
            *wrapped += lines > 1;
            cells = lines = 0;
        }
    }
    return 1;
}

/* A line with a border on both sides and text between (`| 48.6 | 46.17 |`):
 * its first `|` opens a row rather than ending an empty cell, which a table
 * printed cell by cell never writes. */
static int bordered(const bg_text *t, const pipe_line *pl)
{
    if (pl->bars < 2 || pl->open || t->s[pl->a] != '|')
        return 0;
    for (size_t i = pl->a + 1; i < pl->b; i++)
        if (t->s[i] != '|' && t->s[i] != ' ')
            return 1;
    return 0;
}

/* The row width and the first counted line; 0 when the table is a row per
 * line: it has a bordered line, or no width makes its counts land on line
 * ends. A count that lands by chance would join one row's figures to the
 * next row's label, every value under its neighbour's column. */
static size_t counted_width(const bg_text *t, const pipe_line *pl, size_t n, size_t *from)
{
    size_t widest = 0;
    for (size_t i = 0; i < n; i++) {
        if (bordered(t, &pl[i]))
            return 0;
        if (pl[i].bars > widest)
            widest = pl[i].bars;
    }
    /* The width is the widest line's, or one more (a cell per line, the
     * other cells of its row empty: `名称 |` / `||||||||`). Lines of one cell
     * each fit any width: lines of several must bear it out. The counted rows
     * are most of the table. */
    for (size_t width = widest; width > 0 && width <= widest + 1; width++)
        for (size_t skip = 0; skip <= MAX_SKIP && 2 * skip < n; skip++) {
            size_t wrapped, witnesses;
            if (rows_fit(pl, skip, n, width, &wrapped, &witnesses) && wrapped > 0 && witnesses >= 2) {
                *from = skip;
                return width;
            }
        }
    return 0;
}

/* The text ended inside a row's last cell: what is left of it is not its value. */
static void drop_last_cell(bg_row *row)
{
    bg_piece_free(&row->cells[row->n - 1]);
    row->n--;
}

/* A row per line: `|` between cells, a leading and a trailing `|` are borders.
 * `cut`: the text ends in this line's last cell. */
static void line_row(const bg_text *t, const pipe_line *pl, size_t k, int cut, bg_table *tb)
{
    const char *s = t->s;
    size_t a = pl->a, b = pl->b;
    /* A separator row of a Markdown table (|---|:--:|) carries no cells. */
    int separator = 1;
    for (size_t i = a; i < b; i++)
        if (!strchr("|-: ", s[i]))
            separator = 0;
    if (separator)
        return;
    if (s[a] == '|')
        a++;
    if (b > a && s[b - 1] == '|')
        b--;
    bg_row row = { 0 };
    row.line = (long)k + 1;
    size_t seg = a;
    for (size_t i = a; i <= b; i++) {
        if (i < b && s[i] != '|')
            continue;
        bg_piece_add(bg_row_new_cell(&row), t, seg, i, row.line);
        seg = i + 1;
    }
    if (cut && row.n > 1)
        drop_last_cell(&row);
    bg_table_add_row(tb, &row);
}

/* Append line k to a counted row: each `|` ends the cell in progress; text
 * after the last one starts a cell the next line goes on with. */
static void counted_line(const bg_text *t, const pipe_line *pl, size_t k, bg_row *row, int *in_cell)
{
    long line = (long)k + 1;
    if (row->line == 0)
        row->line = line;
    size_t seg = pl->a;
    for (size_t i = pl->a; i <= pl->b; i++) {
        if (i < pl->b && t->s[i] != '|')
            continue;
        if (i == pl->b && seg == i)
            break;              /* nothing after the last `|` */
        bg_piece *cell = *in_cell ? &row->cells[row->n - 1] : bg_row_new_cell(row);
        bg_piece_add(cell, t, seg, i, line);
        *in_cell = i == pl->b;  /* the line ended inside this cell */
        seg = i + 1;
    }
}

/* Is row a caption: text in its first cell only? */
static int caption_row(const bg_row *row)
{
    if (row->n == 0 || row->cells[0].len == 0)
        return 0;
    for (size_t i = 1; i < row->n; i++)
        if (row->cells[i].len)
            return 0;
    return 1;
}

/* The table's first rows (at most MAX_CAPTION) that are captions: their
 * cells are dropped, and the lines they take counted. A "table" of one cell
 * per row is text (each line a cell, `|` alone an empty one: LAYOUTS §2). */
static size_t take_captions(bg_table *tb, const size_t *lines, size_t n)
{
    size_t rows = 0, wide = 0;
    for (size_t r = 0; r < tb->n && !wide; r++) {
        size_t filled = 0;
        for (size_t i = 0; i < tb->rows[r].n; i++)
            filled += tb->rows[r].cells[i].len > 0;
        wide = filled > 1;
    }
    if (!wide) {
        bg_table_free(tb);
        return n;
    }
    while (rows < MAX_CAPTION && rows + 1 < tb->n && caption_row(&tb->rows[rows]))
        rows++;
    if (!rows)
        return 0;
    long next = tb->rows[rows].line;
    for (size_t r = 0; r < rows; r++) {
        for (size_t i = 0; i < tb->rows[r].n; i++)
            bg_piece_free(&tb->rows[r].cells[i]);
        free(tb->rows[r].cells);
    }
    memmove(tb->rows, tb->rows + rows, (tb->n - rows) * sizeof *tb->rows);
    tb->n -= rows;
    size_t taken = 0;
    while (taken < n && (long)lines[taken] + 1 < next)
        taken++;
    return taken;
}

size_t bg_pipe_rows(const bg_text *t, const size_t *lines, size_t n, bg_table *tb)
{
    pipe_line *pl = bg_xcalloc(n ? n : 1, sizeof *pl);
    for (size_t i = 0; i < n; i++)
        line_of(t, lines[i], &pl[i]);
    size_t from = n, width = counted_width(t, pl, n, &from);
    if (!width)
        from = n;
    /* Lines that all end with `|` but the last: the text was cut in its last cell. */
    size_t closed = 0;
    for (size_t i = 0; i < n; i++)
        closed += !pl[i].open;
    int cut = n > 1 && pl[n - 1].open && closed == n - 1;
    for (size_t i = 0; i < from; i++)
        line_row(t, &pl[i], lines[i], cut && i == n - 1, tb);
    bg_row row = { 0 };
    size_t cells = 0;
    int in_cell = 0;
    for (size_t i = from; i < n; i++) {
        counted_line(t, &pl[i], lines[i], &row, &in_cell);
        row.padded = 1;
        cells += pl[i].bars;
        if (cells == width) {
            bg_table_add_row(tb, &row);
            cells = 0;
            in_cell = 0;
        }
    }
    if (row.n) {
        if (in_cell)
            drop_last_cell(&row);
        bg_table_add_row(tb, &row);     /* cut short where the text ends */
    }
    free(pl);
    return take_captions(tb, lines, n);
}
