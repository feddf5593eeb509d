/* html_text.c — the report's normalized text, one element per line with the
 * original line number (normalization keeps every line break), and every
 * item marked in place by its span.
 *
 * Marks must nest, and a line is one element, so an item is drawn as one or
 * more <mark> fragments: the first carries the id, data-kind, data-index,
 * tabindex and tooltip; the others (where the item goes on over a line break
 * or crosses another item's span) carry class "c" and data-ref, the id of the
 * first. One sweep over the text with a stack of open items does it: an item
 * opens where it starts (sorted: earlier start, then longer, then by kind,
 * outermost first); where an item ends that is not on top, the items above
 * it are closed and reopened after it. Work is linear in the text plus the
 * items times the nesting depth. */
#include <stdlib.h>
#include <string.h>

#include "emit_html.h"

typedef struct {
    bg_buf *b;
    const baogao_result *r;
    const bg_hitem *items;  /* sorted by position */
    size_t *stack;          /* indices into items, outermost first */
    size_t depth;
    size_t open;            /* stack[0, open) have their <mark> open in the output */
    unsigned char *drawn;   /* the first fragment of item i was written */
} sweep;

static int by_position(const void *x, const void *y)
{
    const bg_hitem *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;    /* longer outside */
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Open the <mark> of every stacked item not yet open: the item's first
 * fragment, or a continuation. */
static void sync(sweep *s)
{
    for (; s->open < s->depth; s->open++) {
        size_t i = s->stack[s->open];
        const bg_hitem *it = &s->items[i];
        const char *kind = bg_hkinds[it->kind].name;
        if (s->drawn[i]) {
            bg_html_printf(s->b, "<mark class=\"hl k-%s c\" data-ref=\"", kind);
            bg_html_id(s->b, s->r, it);
            bg_buf_adds(s->b, "\">");
            continue;
        }
        s->drawn[i] = 1;
        bg_html_printf(s->b, "<mark class=\"hl k-%s\" id=\"", kind);
        bg_html_id(s->b, s->r, it);
        bg_html_printf(s->b, "\" data-kind=\"%s\" data-index=\"", kind);
        if (it->kind == BG_HK_FIELD) {
            bg_buf_adds(s->b, bg_html_field_key(s->r, it->index));
        } else {
            bg_html_printf(s->b, "%zu", it->index);
        }
        bg_buf_adds(s->b, "\" tabindex=\"0\" data-tip=\"");
        bg_buf tip = { 0 };
        bg_html_tip(&tip, s->r, it);
        bg_html_esc(s->b, tip.s ? tip.s : "", tip.len);
        bg_buf_free(&tip);
        bg_buf_adds(s->b, "\">");
    }
}

/* Close the items that end at or before pos; items above them on the stack
 * that go on are reopened (lazily, by sync) as continuations. */
static void close_ended(sweep *s, size_t pos)
{
    size_t k = 0;
    while (k < s->depth && s->items[s->stack[k]].end > pos)
        k++;
    if (k == s->depth)
        return;
    for (size_t j = s->depth; j-- > k;)
        if (j < s->open)
            bg_buf_adds(s->b, "</mark>");
    if (s->open > k)
        s->open = k;
    size_t n = k;
    for (size_t j = k + 1; j < s->depth; j++)
        if (s->items[s->stack[j]].end > pos)
            s->stack[n++] = s->stack[j];
    s->depth = n;
}

/* Text between marks: escaped, a TAB as an element the style sheet shows as
 * a cell border. */
static void text(sweep *s, const char *p, size_t n)
{
    if (n == 0)
        return;
    sync(s);
    size_t from = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] == '\t') {
            bg_html_esc(s->b, p + from, i - from);
            bg_buf_adds(s->b, "<span class=\"tb\">\t</span>");
            from = i + 1;
        }
    bg_html_esc(s->b, p + from, n - from);
}

/* Per-line notes: warnings and the lines of mismatched checks, sorted by line. */
typedef struct {
    long line;
    int bad;                /* a mismatch, else a warning */
    size_t seq;
    const char *message;
} note;

static int by_line(const void *x, const void *y)
{
    const note *a = x, *b = y;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static note *collect_notes(const baogao_result *r, size_t *count)
{
    size_t n = 0, cap = 0;
    note *notes = NULL;
    for (size_t i = 0; i < r->warnings.n; i++)
        if (r->warnings.items[i].line > 0) {
            note x = { r->warnings.items[i].line, 0, n, r->warnings.items[i].message };
            BG_PUSH(notes, n, cap, x);
        }
    for (size_t i = 0; i < r->checks.n; i++) {
        const bg_check *k = &r->checks.items[i];
        for (size_t j = 0; !k->ok && j < k->nlines; j++) {
            note x = { k->lines[j], 1, n, k->message ? k->message : k->rule };
            BG_PUSH(notes, n, cap, x);
        }
    }
    if (n)
        qsort(notes, n, sizeof *notes, by_line);
    *count = n;
    return notes;
}

/* <div class="l" id="L12"><span class="n" …>12</span><span class="x">…</span></div> */
static void line_open(bg_buf *b, long line, const note *notes, size_t n)
{
    int bad = 0, warn = 0;
    for (size_t i = 0; i < n; i++) {
        bad |= notes[i].bad;
        warn |= !notes[i].bad;
    }
    bg_html_printf(b, "<div class=\"l%s%s\" id=\"L%ld\"><span class=\"n\"", bad ? " bad" : "", warn ? " warn" : "",
                   line);
    if (n) {
        bg_buf_adds(b, " title=\"");
        for (size_t i = 0; i < n; i++) {
            if (i)
                bg_buf_addc(b, '\n');
            bg_buf_adds(b, notes[i].bad ? "check mismatch: " : "warning: ");
            bg_html_escs(b, notes[i].message);
        }
        bg_buf_addc(b, '"');
    }
    bg_html_printf(b, ">%ld</span><span class=\"x\">", line);
}

void bg_html_text(bg_buf *b, const baogao_result *r, const bg_hitems *hi)
{
    const bg_text *t = &r->text;
    size_t n = hi->n;
    bg_hitem *items = bg_xmalloc((n + 1) * sizeof *items);
    if (n) {
        memcpy(items, hi->items, n * sizeof *items);
        qsort(items, n, sizeof *items, by_position);
    }
    sweep s = { b, r, items, bg_xmalloc((n + 1) * sizeof *s.stack), 0, 0, bg_xcalloc(n + 1, 1) };
    size_t nnotes, nx = 0, next = 0;
    note *notes = collect_notes(r, &nnotes);

    size_t shown = bg_text_line_count(t);
    for (size_t k = 0; k < shown; k++) {
        size_t ls = t->lines[k], le = bg_line_end(t, k);
        long line = (long)k + 1;
        while (nx < nnotes && notes[nx].line < line)
            nx++;
        size_t nn = 0;
        while (nx + nn < nnotes && notes[nx + nn].line == line)
            nn++;
        line_open(b, line, nn ? notes + nx : NULL, nn);      /* no notes: notes may be NULL */
        nx += nn;
        size_t cur = ls;
        for (;;) {
            close_ended(&s, cur);
            while (next < n && items[next].start <= cur) {
                s.stack[s.depth++] = next++;
                sync(&s);                   /* an item's first fragment is written even if empty */
                close_ended(&s, cur);
            }
            if (cur >= le)
                break;
            size_t nb = le;
            if (next < n && items[next].start < nb)
                nb = items[next].start;
            for (size_t j = 0; j < s.depth; j++)
                if (items[s.stack[j]].end < nb)
                    nb = items[s.stack[j]].end;
            text(&s, t->s + cur, nb - cur);
            cur = nb;
        }
        for (; s.open > 0; s.open--)
            bg_buf_adds(b, "</mark>");
        bg_buf_adds(b, "</span></div>\n");
    }
    free(notes);
    free(s.drawn);
    free(s.stack);
    free(items);
}
