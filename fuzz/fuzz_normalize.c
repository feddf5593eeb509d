/* fuzz_normalize.c — stages 1 and 2: lossy decoding with detection, then
 * bg_normalize. The whole input is the file.
 *
 * Checks the contract of bg_text (text.h): NUL-terminated well-formed UTF-8
 * with no NUL, CR or other C0/C1 control but LF and TAB inside; an offset map
 * of len + 1 entries that never goes backwards and ends at the input size;
 * line starts that follow the LFs; and the provenance promise — no line break
 * added or removed, so bg_text_line() of every offset is the line, in the
 * ORIGINAL bytes, of the byte that offset came from. */
#include "fuzz_common.h"
#include "text.h"

/* Line starts of the original input, counted as decode.c does: LF, CRLF and
 * a lone CR end a line; UTF-16 is read in 16-bit units. Returns the count. */
static size_t original_line_starts(const unsigned char *in, size_t n, const char *enc, size_t **out)
{
    int utf16 = strncmp(enc, "UTF-16", 6) == 0, big = strcmp(enc, "UTF-16BE") == 0;
    size_t step = utf16 ? 2 : 1, cap = 64, k = 0;
    size_t *starts = malloc(cap * sizeof *starts);
    starts[k++] = 0;
    unsigned prev = 0;
    for (size_t i = 0; i + step <= n; i += step) {
        unsigned u = utf16 ? (big ? (unsigned)(in[i] << 8 | in[i + 1]) : (unsigned)(in[i + 1] << 8 | in[i])) : in[i];
        /* A CR followed by LF: the line ends after the LF. */
        if (u == '\n' || u == '\r') {
            int crlf = 0;
            if (u == '\r' && i + 2 * step <= n) {
                unsigned v = utf16 ? (big ? (unsigned)(in[i + 2] << 8 | in[i + 3])
                                          : (unsigned)(in[i + 3] << 8 | in[i + 2]))
                                   : in[i + 1];
                crlf = v == '\n';
            }
            if (!crlf) {
                if (k == cap)
                    starts = realloc(starts, (cap *= 2) * sizeof *starts);
                starts[k++] = i + step;
            }
        }
        prev = u;
    }
    (void)prev;
    *out = starts;
    return k;
}

static long line_of(const size_t *starts, size_t nstarts, size_t off)
{
    size_t lo = 0, hi = nstarts;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (long)lo + 1;
}

static int is_iconv_generic(const char *enc)
{
    return strcmp(enc, "UTF-8") != 0 && strcmp(enc, "GB18030") != 0 && strncmp(enc, "UTF-16", 6) != 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bg_decoded d;
    bg_warnings w = { 0 };
    baogao_error err;
    memset(&err, 0, sizeof err);
    if (bg_decode(data, size, NULL, 1, &d, &w, &err) < 0) {
        fz_check_error(&err, size);
        bg_warnings_free(&w);
        return 0;
    }
    bg_text t;
    bg_normalize(&d, &t, &w);

    FZ_CHECK(t.s && t.s[t.len] == '\0', "text not NUL-terminated");
    FZ_CHECK(memchr(t.s, '\0', t.len) == NULL, "NUL inside the normalized text");
    size_t bad = fz_utf8_invalid_at(t.s, t.len);
    FZ_CHECK(bad == t.len, "normalized text is not well-formed UTF-8 at byte %zu of %zu", bad, t.len);
    for (size_t i = 0; i < t.len; i++) {
        unsigned char c = (unsigned char)t.s[i];
        FZ_CHECK(c >= 0x20 || c == '\n' || c == '\t', "control byte %02x at %zu", c, i);
        FZ_CHECK(c != 0x7F, "DEL at %zu", i);
    }
    FZ_CHECK((uint32_t)bg_text_orig(&t, t.len) == d.orig_len, "orig[len] = %u, input %zu bytes", (uint32_t)bg_text_orig(&t, t.len), d.orig_len);
    for (size_t i = 0; i < t.len; i++) {
        FZ_CHECK((uint32_t)bg_text_orig(&t, i) < size, "orig[%zu] = %u outside the input of %zu bytes", i, (uint32_t)bg_text_orig(&t, i), size);
        FZ_CHECK(i == 0 || (uint32_t)bg_text_orig(&t, i) >= (uint32_t)bg_text_orig(&t, i - 1), "orig goes backwards at %zu", i);
    }
    FZ_CHECK(t.nlines >= 1 && t.lines[0] == 0, "no first line");
    size_t lf = 0;
    for (size_t i = 0; i < t.len; i++)
        lf += t.s[i] == '\n';
    FZ_CHECK(t.nlines == lf + 1, "%zu lines for %zu LFs", t.nlines, lf);
    for (size_t k = 1; k < t.nlines; k++)
        FZ_CHECK(t.lines[k] > t.lines[k - 1] && t.lines[k] <= t.len && t.s[t.lines[k] - 1] == '\n',
                 "line %zu does not start after an LF", k + 1);

    /* Provenance: the line of each normalized byte is the original line of
     * the byte it came from. A generic iconv decoding may hide a line break
     * inside a multi-byte character, so only the built-in decoders are held
     * to it. */
    if (!is_iconv_generic(t.encoding)) {
        size_t *starts;
        size_t nstarts = original_line_starts(data, size, t.encoding, &starts);
        FZ_CHECK(t.nlines == nstarts, "%zu lines after normalization, %zu in the original (%s)", t.nlines, nstarts,
                 t.encoding);
        for (size_t i = 0; i < t.len; i++) {
            long a = bg_text_line(&t, i), b = line_of(starts, nstarts, (uint32_t)bg_text_orig(&t, i));
            FZ_CHECK(a == b, "byte %zu is on line %ld, its original byte %u on line %ld (%s)", i, a, (uint32_t)bg_text_orig(&t, i), b,
                     t.encoding);
        }
        free(starts);
    }
    /* Spans stay inside the input and in order. */
    for (size_t i = 0; i + 1 < t.len + 1; i += 1 + i / 4) {
        size_t oa, ob;
        bg_text_span(&t, i, t.len, &oa, &ob);
        FZ_CHECK(oa <= ob && ob <= size, "span [%zu,%zu) -> [%zu,%zu) of %zu", i, t.len, oa, ob, size);
        bg_text_span(&t, i, i + 1, &oa, &ob);
        FZ_CHECK(oa <= ob && ob <= size, "span [%zu,%zu) -> [%zu,%zu) of %zu", i, i + 1, oa, ob, size);
    }
    for (size_t i = 0; i < w.n; i++)
        FZ_CHECK(w.items[i].line >= 0 && (size_t)w.items[i].line <= t.nlines, "warning on line %ld of %zu: %s",
                 w.items[i].line, t.nlines, w.items[i].message);
    bg_text_free(&t);
    bg_decoded_free(&d);
    bg_warnings_free(&w);
    return 0;
}
