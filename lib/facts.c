/* facts.c — which figure each amount is. For every amount: its measure from
 * the column header, the row label or the clause before it (else, in prose,
 * its 其中 total's, else its section's title); the year it belongs to from a
 * year column or the sentence before it (本年/上年 read against the report's
 * year), else the report's year when nothing in its table names another; its
 * item from its row label or label. The words are patterns/facts.txt; the
 * linking of repeated statements is facts_link.c. */
#include "facts.h"

#include <stdlib.h>
#include <string.h>

/* ---- compiling --------------------------------------------------------------- */

static int compile_measure(const bg_record *r, bg_fact_rules *fr, baogao_error *err)
{
    const bg_kv *name = bg_record_get(r, "name"), *word = bg_record_get(r, "word"), *head = bg_record_get(r, "heading");
    if (!name || !word)
        return bg_pattern_error(err, r->file, r->line, "[measure] needs name and word");
    bg_measure_rule mr = { NULL, { 0 }, { 0 } };
    if (bg_regex_compile(word, &mr.word, err) < 0)
        return -1;
    if (head && bg_regex_compile(head, &mr.heading, err) < 0) {
        bg_regex_free(&mr.word);
        return -1;
    }
    mr.name = bg_xstrdup(name->value);
    BG_PUSH(fr->measures, fr->nmeasures, fr->measures_cap, mr);
    return 0;
}

static int compile_item(const bg_record *r, bg_fact_rules *fr, baogao_error *err)
{
    const bg_kv *name = bg_record_get(r, "name"), *label = bg_record_get(r, "label");
    if (!name || !label)
        return bg_pattern_error(err, r->file, r->line, "[item] needs name and label");
    bg_item_rule ir = { NULL, { 0 } };
    if (bg_regex_compile(label, &ir.label, err) < 0)
        return -1;
    ir.name = bg_xstrdup(name->value);
    BG_PUSH(fr->items, fr->nitems, fr->items_cap, ir);
    return 0;
}

/* period_anchor and period_reach of [fact-rules]: 1 when kv is one of them. */
static int compile_anchor(const bg_kv *kv, bg_fact_rules *fr, baogao_error *err)
{
    if (strcmp(kv->key, "period_reach") == 0) {
        long v;
        if (bg_kv_int(kv, &v, err) < 0)
            return -1;
        if (v < 1)
            return bg_pattern_error(err, kv->file, kv->line, "period_reach must be at least 1");
        fr->reach = (size_t)v;
        return 1;
    }
    if (strcmp(kv->key, "period_anchor") != 0)
        return 0;
    for (const char *p = kv->value; *p;) {
        size_t n = strcspn(p, " \t");
        if (n) {
            char *a = bg_xstrndup(p, n);
            BG_PUSH(fr->anchors, fr->nanchors, fr->anchors_cap, a);
        }
        p += n;
        p += strspn(p, " \t");
    }
    return 1;
}

int bg_facts_compile(const bg_records *recs, bg_fact_rules *fr, baogao_error *err)
{
    memset(fr, 0, sizeof *fr);
    const bg_regex_slot slots[] = {
        { "prefix", &fr->prefix }, { "total", &fr->total }, { "difference", &fr->difference },
        { "period", &fr->period }, { "span", &fr->span }, { "clause_end", &fr->clause_end },
        { "sentence_end", &fr->sentence_end },
    };
    const size_t nslots = sizeof slots / sizeof slots[0];
    const bg_record *rules = NULL;
    for (size_t i = 0; i < recs->n; i++) {
        const bg_record *r = &recs->items[i];
        int rc = 0;
        if (strcmp(r->type, "measure") == 0)
            rc = compile_measure(r, fr, err);
        else if (strcmp(r->type, "item") == 0)
            rc = compile_item(r, fr, err);
        else if (strcmp(r->type, "fact-rules") == 0) {
            rules = r;
            for (size_t k = 0; k < r->nkv && rc == 0; k++) {
                rc = compile_anchor(&r->kv[k], fr, err);
                if (rc == 0)
                    rc = bg_regex_slot_take(&r->kv[k], slots, nslots, err);
                rc = rc < 0 ? -1 : 0;
            }
        }
        if (rc < 0)
            return -1;
    }
    if (!rules)
        return bg_pattern_error(err, "patterns", 0, "no [fact-rules] record");
    if (fr->nanchors && !fr->reach)
        return bg_pattern_error(err, rules->file, rules->line, "period_anchor needs period_reach");
    return bg_regex_slots_filled(rules, slots, nslots, err);
}

void bg_fact_rules_free(bg_fact_rules *fr)
{
    for (size_t i = 0; i < fr->nmeasures; i++) {
        free(fr->measures[i].name);
        bg_regex_free(&fr->measures[i].word);
        bg_regex_free(&fr->measures[i].heading);
    }
    for (size_t i = 0; i < fr->nitems; i++) {
        free(fr->items[i].name);
        bg_regex_free(&fr->items[i].label);
    }
    free(fr->measures);
    free(fr->items);
    for (size_t i = 0; i < fr->nanchors; i++)
        free(fr->anchors[i]);
    free(fr->anchors);
    bg_regex *res[] = { &fr->prefix, &fr->total, &fr->difference, &fr->period, &fr->span, &fr->clause_end,
                        &fr->sentence_end };
    for (size_t i = 0; i < sizeof res / sizeof res[0]; i++)
        bg_regex_free(res[i]);
    memset(fr, 0, sizeof *fr);
}

/* ---- where an amount stands ---------------------------------------------------- */

/* How far before an amount its sentence is read: a bound, so that a
 * paragraph of a million amounts costs linear time. */
#define WINDOW 600
/* The words that describe it: a label's length (40 characters). */
#define CLAUSE_BYTES 120
/* A cell holding an amount and at most this many characters more (≥, 约,
 * 以上) is the amount: its column and row describe it. */
#define FIGURE_SLACK 4
/* Row labels and column headers remembered: a table's amounts come row by
 * row, and a row's cells each under another header. */
#define LABELS_SEEN 16
/* A header cell is a column's name, never this long. */
#define HEADER_CHARS 30

typedef struct {
    const bg_layout *l;
    const bg_sections *secs;
    int year;                   /* the report's, 0 if unknown */
    const bg_amounts *a;
    const bg_fact_rules *fr;
    bg_matcher *m;
    bg_facts *out;
    unsigned char **other_year; /* per table block, per row: a header row at or above names another year */
    size_t *other_done;         /* per table block: the rows read so far */
    size_t at_block, at_row;    /* where the last table amount stood: the next is at or after it */
    size_t heading_sec;         /* the last section whose title was read for a measure */
    const char *heading_measure;
    struct labels {             /* row labels, column headers: what each says, read once */
        struct reading {
            const char *text;
            int difference;
            int read;           /* READ_* bits: what is known below */
            const char *measure, *item;
            int said, year;
        } seen[LABELS_SEEN];
        size_t next;
    } rows, columns;
} fctx;

enum { READ_MEASURE = 1, READ_ITEM = 2, READ_PERIOD = 4 };

/* The paragraph or cell holding an amount, and the amount's offset in it. */
typedef struct {
    const bg_piece *p;
    size_t at;
    const bg_block *block;
    size_t block_index;
    size_t row;                 /* table amounts */
    size_t cell;
} place;

/* What the words before an amount in its paragraph or cell say, read once:
 * each amount reads on from the one before it in the same piece, so a
 * paragraph of a million amounts costs its length, not its length squared. */
typedef struct {
    const bg_piece *p;
    size_t scanned;             /* read up to here (the last amount's start) */
    size_t sentence;            /* where the sentence open at `scanned` starts */
    size_t prev_end;            /* where the last amount ended */
    int said, year;             /* a period word since `sentence`, and its year */
    int spans;                  /* a sum over years (累计) since `sentence` */
} running;

/* The first character boundary at or after i (text before an amount: one is
 * there at the latest). */
static size_t char_start(const char *s, size_t i)
{
    while (((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

/* Offset in p of normalized offset off: the last run starting at or before it. */
static size_t piece_index(const bg_piece *p, size_t off)
{
    if (!p->nruns)
        return 0;
    size_t lo = 0, hi = p->nruns;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        const bg_piece_run *r = mid == 0 ? &p->first : &p->more[mid - 1];
        if (r->from <= off)
            lo = mid;
        else
            hi = mid;
    }
    const bg_piece_run *r = lo == 0 ? &p->first : &p->more[lo - 1];
    size_t i = r->at + (off > r->from ? off - r->from : 0);
    return i < p->len ? i : p->len;
}

/* The block of kind `table` whose lines hold `line` (the last such). */
static size_t block_at(const bg_layout *l, long line, int table)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {           /* first block starting after line */
        size_t mid = lo + (hi - lo) / 2;
        if (l->blocks[mid].line <= line)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k-- > 0;) {
        const bg_block *b = &l->blocks[k];
        if (b->end_line < line && b->line < line)
            break;
        if ((b->kind == BG_BLOCK_TABLE) == table && b->line <= line && line <= b->end_line)
            return k;
    }
    return SIZE_MAX;
}

static int cell_holds(const bg_piece *cell, size_t off)
{
    return cell->len > 0 && bg_piece_pos(cell, 0) <= off && off < bg_piece_pos(cell, cell->len);
}

static int locate(fctx *c, const bg_amount *a, place *w)
{
    memset(w, 0, sizeof *w);
    /* a number cell knows its block, row and cell; a written amount its line */
    int cell_known = a->in_table && a->unit_source && strcmp(a->unit_source, "written") != 0;
    w->block_index = cell_known ? a->block : block_at(c->l, a->line, a->in_table);
    if (w->block_index >= c->l->n)
        return 0;
    w->block = &c->l->blocks[w->block_index];
    if (!a->in_table) {
        w->p = &w->block->text;
        w->at = piece_index(w->p, a->start);
        return 1;
    }
    const bg_table *tb = &w->block->table;
    if (cell_known) {
        if (a->row_index >= tb->n || a->cell >= tb->rows[a->row_index].n)
            return 0;
        w->row = a->row_index;
        w->cell = a->cell;
    } else {
        /* a table's amounts come row by row: search on from the last one's row */
        size_t r = tb->n;
        for (size_t k = c->at_block == w->block_index ? c->at_row : 0; k < tb->n && r == tb->n; k++)
            for (size_t j = 0; j < tb->rows[k].n; j++)
                if (cell_holds(&tb->rows[k].cells[j], a->start)) {
                    r = k;
                    w->cell = j;
                    break;
                }
        if (r == tb->n)
            return 0;
        w->row = r;
    }
    c->at_block = w->block_index;
    c->at_row = w->row;
    w->p = &tb->rows[w->row].cells[w->cell];
    w->at = piece_index(w->p, a->start);
    return 1;
}

/* ---- reading words --------------------------------------------------------------- */

static int has(fctx *c, const bg_regex *re, const char *s, size_t n, size_t from, long line)
{
    size_t ov[2];
    return s && bg_match(c->m, re, s, n, from, ov, 1, line);
}

static int has_str(fctx *c, const bg_regex *re, const char *s)
{
    return s && has(c, re, s, strlen(s), 0, 0);
}

/* Just past the last match of re in s[lo, at), at most WINDOW bytes back; lo if none. */
static size_t back_to(fctx *c, const bg_regex *re, const char *s, size_t lo, size_t at, long line)
{
    size_t from = at - lo > WINDOW ? at - WINDOW : lo, ov[2], last = from;
    while (from > lo && ((unsigned char)s[from] & 0xC0) == 0x80)
        from++;                 /* a whole character */
    last = from;
    for (size_t pos = from; pos < at && bg_match(c->m, re, s, at, pos, ov, 1, line); pos = ov[1] > pos ? ov[1] : pos + 1)
        last = ov[1];
    return last;
}

static const char *intern(bg_facts *f, const char *name)
{
    for (size_t i = 0; i < f->nnames; i++)
        if (strcmp(f->names[i], name) == 0)
            return f->names[i];
    char *copy = bg_xstrdup(name);
    BG_PUSH(f->names, f->nnames, f->names_cap, copy);
    return copy;
}

/* The measure the words of s[from, n) name: the first record matching, unless
 * another matches apart from it (two measures named: neither is sure). */
static const char *measure_in(fctx *c, const char *s, size_t n, size_t from, long line)
{
    size_t chosen = SIZE_MAX, ca = 0, cb = 0, ov[2];
    for (size_t k = 0; s && k < c->fr->nmeasures; k++) {
        if (!bg_match(c->m, &c->fr->measures[k].word, s, n, from, ov, 1, line))
            continue;
        if (chosen == SIZE_MAX) {
            chosen = k;
            ca = ov[0];
            cb = ov[1];
        } else if (ov[1] <= ca || ov[0] >= cb)
            return NULL;
    }
    return chosen == SIZE_MAX ? NULL : intern(c->out, c->fr->measures[chosen].name);
}

static const char *measure_of_heading(fctx *c, long line)
{
    size_t sec = bg_section_at(c->secs, line);
    if (sec == BG_NO_PARENT || !c->secs->items[sec].title)
        return NULL;
    if (sec == c->heading_sec)      /* the amounts of a section come together */
        return c->heading_measure;
    const char *title = c->secs->items[sec].title, *measure = NULL;
    for (size_t k = 0; k < c->fr->nmeasures && !measure; k++)
        if (c->fr->measures[k].heading.code && has_str(c, &c->fr->measures[k].heading, title))
            measure = intern(c->out, c->fr->measures[k].name);
    c->heading_sec = sec;
    c->heading_measure = measure;
    return measure;
}

/* The item a label names: whole, or without the words of measure and year
 * before it (本年收入, 预算安排收入). */
static const char *item_of(fctx *c, const char *label)
{
    if (!label || !*label)
        return NULL;
    size_t n = strlen(label), ov[2];
    for (int pass = 0; pass < 2; pass++) {
        const char *s = label;
        if (pass == 1) {
            if (!bg_match(c->m, &c->fr->prefix, label, n, 0, ov, 1, 0) || ov[1] == 0 || ov[1] >= n)
                return NULL;
            s = label + ov[1];
        }
        for (size_t k = 0; k < c->fr->nitems; k++)
            if (has_str(c, &c->fr->items[k].label, s))
                return intern(c->out, c->fr->items[k].name);
    }
    return NULL;
}

/* The year said by the last period word in s[from, to): 1 and *year (0 when
 * it is relative and the report's year unknown), or 0 when none is said. */
/* The next period anchor in s[pos, to): its offset (SIZE_MAX: none) and length. */
static size_t next_anchor(const bg_fact_rules *fr, const char *s, size_t pos, size_t to, size_t *len)
{
    for (size_t i = pos; i < to; i++)
        for (size_t k = 0; k < fr->nanchors; k++)
            if (s[i] == fr->anchors[k][0] && (*len = strlen(fr->anchors[k])) <= to - i
                && memcmp(s + i, fr->anchors[k], *len) == 0)
                return i;
    return SIZE_MAX;
}

/* The period word matched at ov: 1 and its year. */
static void period_year(fctx *c, const char *s, int *year)
{
    const bg_regex *re = &c->fr->period;
    size_t a, b;
    int shift = bg_group(c->m, re, "last", &a, &b) ? -1 : bg_group(c->m, re, "next", &a, &b) ? 1 : 0;
    if (bg_group(c->m, re, "year", &a, &b))
        *year = atoi(s + a);
    else
        *year = c->year ? c->year + shift : 0;
}

static int period_in(fctx *c, const char *s, size_t from, size_t to, long line, int *year)
{
    const bg_fact_rules *fr = c->fr;
    size_t ov[2], len = 0;
    int said = 0;
    if (!fr->nanchors) {
        for (size_t pos = from; pos < to && bg_match(c->m, &fr->period, s, to, pos, ov, 1, line); pos = ov[1] > pos ? ov[1] : pos + 1) {
            said = 1;
            period_year(c, s, year);
        }
        return said;
    }
    /* tried only within period_reach of an anchor, on either side */
    for (size_t pos = from, at; pos < to && (at = next_anchor(fr, s, pos, to, &len)) != SIZE_MAX;) {
        size_t start = at - pos > fr->reach ? char_start(s, at - fr->reach) : pos;
        size_t end = to - at > len + fr->reach ? char_start(s, at + len + fr->reach) : to;
        if (bg_match(c->m, &fr->period, s, end, start, ov, 1, line)) {
            said = 1;
            period_year(c, s, year);
            pos = ov[1] > at ? ov[1] : at + len;
        } else
            pos = at + len;
    }
    return said;
}

/* A row label or column header (NULL: none) as remembered in `labels`;
 * what it says is read when first asked (label_measure …). A reading stays
 * in place until LABELS_SEEN others of its kind are read. */
static struct reading *read_label(fctx *c, struct labels *labels, const char *s, long line)
{
    static struct reading none = { NULL, 0, READ_MEASURE | READ_ITEM | READ_PERIOD, NULL, NULL, 0, 0 };
    if (!s)
        return &none;
    for (size_t k = 0; k < LABELS_SEEN; k++)
        if (labels->seen[k].text && strcmp(labels->seen[k].text, s) == 0)
            return &labels->seen[k];
    struct reading *r = &labels->seen[labels->next++ % LABELS_SEEN];
    memset(r, 0, sizeof *r);
    r->text = s;
    r->difference = has(c, &c->fr->difference, s, strlen(s), 0, line);
    return r;
}

static const char *label_measure(fctx *c, struct reading *r, long line)
{
    if (!(r->read & READ_MEASURE))
        r->measure = measure_in(c, r->text, strlen(r->text), 0, line);
    r->read |= READ_MEASURE;
    return r->measure;
}

static const char *label_item(fctx *c, struct reading *r)
{
    if (!(r->read & READ_ITEM))
        r->item = item_of(c, r->text);
    r->read |= READ_ITEM;
    return r->item;
}

/* 1 and *year when the label says a period. */
static int label_period(fctx *c, struct reading *r, long line, int *year)
{
    if (!(r->read & READ_PERIOD))
        r->said = period_in(c, r->text, 0, strlen(r->text), line, &r->year);
    r->read |= READ_PERIOD;
    *year = r->year;
    return r->said;
}

/* ---- tables: groups and years in the header rows ------------------------------------ */

/* A cell holding only a figure (47586.57, 100%, ≥30): what data rows have. */
static int figure_cell(const bg_piece *cell)
{
    size_t i = 0, n = cell->len, digits = 0;
    while (i < n && (cell->s[i] == ' ' || strchr("<>=", cell->s[i])))
        i++;
    if (i + 3 <= n && (memcmp(cell->s + i, "≥", 3) == 0 || memcmp(cell->s + i, "≤", 3) == 0))
        i += 3;
    for (; i < n && strchr("0123456789.,-% ", cell->s[i]); i++)
        digits += cell->s[i] >= '0' && cell->s[i] <= '9';
    return digits > 0 && i == n;
}

/* Whether a row of table block b at or above row `upto`, holding no figure
 * (a header row), names a year other than the report's. Rows are read once,
 * and only as far down as asked. */
static int other_year_above(fctx *c, size_t b, size_t upto)
{
    if (!c->other_year) {
        c->other_year = bg_xcalloc(c->l->n, sizeof *c->other_year);
        c->other_done = bg_xcalloc(c->l->n, sizeof *c->other_done);
    }
    const bg_table *tb = &c->l->blocks[b].table;
    if (!c->other_year[b])
        c->other_year[b] = bg_xcalloc(tb->n + 1, 1);
    unsigned char *flags = c->other_year[b];
    for (size_t r = c->other_done[b]; r <= upto && r < tb->n; r++, c->other_done[b] = r) {
        if (r > 0 && flags[r - 1]) {    /* once another year is named, it is for every row below */
            memset(flags + r, 1, tb->n - r);
            c->other_done[b] = tb->n;
            break;
        }
        const bg_row *row = &tb->rows[r];
        int figures = 0, other = 0;     /* a row of figures, or of prose, is no header */
        for (size_t k = 0; k < row->n && !figures; k++)
            figures = figure_cell(&row->cells[k])
                      || (row->cells[k].len > HEADER_CHARS && bg_piece_chars(&row->cells[k]) > HEADER_CHARS);
        for (size_t k = 0; k < row->n && !figures && !other; k++) {
            int y = 0;
            const bg_piece *cell = &row->cells[k];
            other = period_in(c, cell->s, 0, cell->len, cell->line, &y) && y != c->year;
        }
        flags[r] = (unsigned char)((r > 0 && flags[r - 1]) || other);
    }
    return upto < tb->n && flags[upto];
}

/* The group a 合计 row totals: the nearest filled cell left of its label,
 * in its row or, merged, in the rows above. Caller frees. */
static char *group_of(const bg_table *tb, size_t r, size_t label_cell)
{
    for (size_t k = label_cell; k-- > 0;)
        for (size_t up = r + 1; up-- > 0;) {
            const bg_row *row = &tb->rows[up];
            if (row->n != tb->rows[r].n)
                break;
            const bg_piece *cell = &row->cells[k];
            if (cell->len && bg_piece_chars(cell))
                return bg_clean(cell->s, cell->len);
        }
    return NULL;
}

/* The row label cell of cell k: the nearest cell left of it that is not a figure. */
static size_t label_cell(const bg_row *row, size_t k)
{
    while (k-- > 0)
        if (bg_piece_chars(&row->cells[k]) && !figure_cell(&row->cells[k]))
            return k;
    return SIZE_MAX;
}

static const char *item_of_row(fctx *c, const bg_amount *a, const place *w)
{
    const char *item = label_item(c, read_label(c, &c->rows, a->row, a->line));
    if (item || !a->row || !has_str(c, &c->fr->total, a->row))
        return item;
    const bg_table *tb = &w->block->table;
    size_t lc = label_cell(&tb->rows[w->row], w->cell);
    char *group = lc == SIZE_MAX ? NULL : group_of(tb, w->row, lc);
    if (!group)
        return NULL;
    char *joined = bg_xasprintf("%s%s", group, a->row);
    item = item_of(c, joined);
    free(joined);
    free(group);
    return item;
}

/* ---- one amount ------------------------------------------------------------------- */

/* Does the cell hold the amount written as text and little more? A cell of
 * prose is seen by its length alone (a character is at most 4 bytes). */
static int cell_is_figure(const bg_piece *cell, const char *text)
{
    size_t most = bg_utf8_count(text, strlen(text)) + FIGURE_SLACK;
    return cell->len / 4 <= most && bg_piece_chars(cell) <= most;
}


/* Read the words of run->p up to `at`, where the next amount starts. */
static void read_on(fctx *c, running *run, const bg_piece *p, size_t at, long line)
{
    if (run->p != p || at < run->scanned || at - run->scanned > WINDOW) {
        if (run->p != p || at < run->scanned)
            run->prev_end = 0;
        run->p = p;
        run->scanned = run->sentence = at > WINDOW ? char_start(p->s, at - WINDOW) : 0;
        run->said = run->spans = 0;
    }
    size_t from = run->scanned, ov[2];
    for (size_t pos = from; pos < at && bg_match(c->m, &c->fr->sentence_end, p->s, at, pos, ov, 1, line); pos = ov[1])
        run->sentence = from = ov[1];
    if (from != run->scanned)
        run->said = run->spans = 0;         /* a new sentence */
    int year = 0;
    if (period_in(c, p->s, from, at, line, &year)) {
        run->said = 1;
        run->year = year;
    }
    run->spans |= has(c, &c->fr->span, p->s, at, from, line);
    run->scanned = at;
}

/* Amount i at w (placed: w is known); run holds what the words before it say. */
static void derive(fctx *c, size_t i, const place *pw, int placed, const running *run)
{
    const bg_amount *a = &c->a->items[i];
    bg_amount_fact *f = &c->out->of[i];
    const bg_amount_fact *parent = a->parent < i ? &c->out->of[a->parent] : NULL;
    place w = *pw;
    int written = !a->in_table || (a->unit_source && strcmp(a->unit_source, "written") == 0);
    size_t clause = 0;
    if (placed && written) {
        size_t lo = run->prev_end <= w.at ? run->prev_end : 0;
        lo = w.at - lo > CLAUSE_BYTES ? char_start(w.p->s, w.at - CLAUSE_BYTES) : lo;
        clause = back_to(c, &c->fr->clause_end, w.p->s, lo, w.at, a->line);
    }
    const char *ps = placed ? w.p->s : NULL;
    struct reading *row = read_label(c, &c->rows, a->row, a->line), *col = read_label(c, &c->columns, a->column, a->line);
    /* a difference (预、决算差异) or a sum over years (累计) is no year's figure */
    if ((ps && written && has(c, &c->fr->difference, ps, w.at, clause, a->line)) || row->difference || col->difference)
        return;
    int spans_years = ps && written && run->spans;

    /* a written amount's own words first; its cell's row and column only
     * when the cell is the amount (≥30万元), not prose about other things */
    int headed = a->in_table && (!written || (placed && cell_is_figure(w.p, a->text)));
    if (written)
        f->item = item_of(c, a->label);
    if (!f->item && headed && placed)
        f->item = item_of_row(c, a, &w);
    if (!f->item && headed)
        f->item = label_item(c, col);

    if (ps && written)
        f->measure = measure_in(c, ps, w.at, clause, a->line);
    if (!f->measure && headed)
        f->measure = label_measure(c, col, a->line) ? col->measure : label_measure(c, row, a->line);
    if (!f->measure && parent)
        f->measure = parent->measure;
    if (!f->measure && !a->in_table)
        f->measure = measure_of_heading(c, a->line);

    int year = 0, said = 0;
    if (ps && written && run->said) {
        said = 1;
        year = run->year;
    }
    if (!said && headed)
        said = label_period(c, col, a->line, &year);
    if (spans_years)
        return;
    if (!said && parent && parent->period) {
        year = parent->period;
        said = 1;
    }
    if (!said && a->in_table && !a->column && placed && other_year_above(c, w.block_index, w.row))
        return;             /* a column of another year may be this one's */
    f->period = said ? year : c->year;
}

void bg_facts_derive(const bg_layout *l, const bg_sections *secs, const bg_meta *meta,
                     const bg_amounts *amounts, const bg_fact_rules *fr, bg_matcher *m, bg_facts *out)
{
    memset(out, 0, sizeof *out);
    out->n = amounts->n;
    out->of = bg_xcalloc(amounts->n + 1, sizeof *out->of);
    fctx c = { .l = l, .secs = secs, .year = meta->year, .a = amounts, .fr = fr, .m = m, .out = out,
               .at_block = SIZE_MAX, .heading_sec = BG_NO_PARENT };
    running run = { NULL, 0, 0, 0, 0, 0, 0 };
    for (size_t i = 0; i < amounts->n; i++) {
        const bg_amount *a = &amounts->items[i];
        out->of[i].same_as = BG_NO_PARENT;
        place w;
        int placed = locate(&c, a, &w);
        int written = !a->in_table || (a->unit_source && strcmp(a->unit_source, "written") == 0);
        if (placed && written)
            read_on(&c, &run, w.p, w.at, a->line);
        derive(&c, i, &w, placed, &run);
        if (placed && written)
            run.prev_end = piece_index(w.p, a->end);
    }
    if (c.other_year)
        for (size_t b = 0; b < l->n; b++)
            free(c.other_year[b]);
    free(c.other_year);
    free(c.other_done);
    bg_facts_link(amounts, out);
}

void bg_facts_free(bg_facts *f)
{
    for (size_t i = 0; i < f->nnames; i++)
        free(f->names[i]);
    free(f->names);
    free(f->of);
    free(f->items);
    memset(f, 0, sizeof *f);
}
