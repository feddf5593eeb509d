/* cellstream_plan.h — reading a stream of cells (lib/cellstream.c): where
 * its headers are and which cells make each row. Internal to cellstream.c
 * and cellstream_plan.c. */
#ifndef BAOGAO_CELLSTREAM_PLAN_H
#define BAOGAO_CELLSTREAM_PLAN_H

#include "cellstream.h"

typedef struct {
    size_t first, count;    /* cells [first, first + count) read as one; count 0: a blank cell */
} bg_cs_slot;

typedef enum { BG_CS_HEADER, BG_CS_ROW, BG_CS_RAW } bg_cs_kind;

typedef struct {
    bg_cs_kind kind;
    bg_cs_slot *slots;
    size_t n;
    size_t from, to;        /* the cells it covers */
    int warn;               /* raw cells after a header: a reader could not place them */
} bg_cs_row;

typedef struct {
    bg_cs_row *rows;
    size_t n, cap;
} bg_cs_plan;

/* Read cells[0, n) as a stream into *pl; 1 when a header with a row under
 * it was found (free *pl with bg_cs_plan_free), else 0 and *pl is empty.
 * marks[k] (marks may be NULL): cell k is a numbered paragraph. The cells
 * stay with their owner. */
int bg_cs_plan_read(const bg_stream_rules *sr, const bg_table_rules *tr, bg_matcher *m, const bg_piece **cells,
                    const unsigned char *marks, size_t n, bg_cs_plan *pl);
void bg_cs_plan_free(bg_cs_plan *pl);

#endif
