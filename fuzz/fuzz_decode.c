/* fuzz_decode.c — stage 1 alone: bg_decode with detection or a forced
 * encoding, lossy or strict, chosen by the first input byte.
 *
 *   byte 0, bit 0    lossy
 *   byte 0, bits 1-7 index into `forced` (0 and most others: detect)
 *   bytes 1..        the file
 *
 * Checks: success gives NUL-terminated, well-formed UTF-8 (every later stage
 * matches it with PCRE2_NO_UTF_CHECK) and an offset map that stays inside the
 * input and never goes backwards; detected valid UTF-8 is returned byte for
 * byte; strict GB18030 round-trips; lossy detection fails only on binary
 * data; a failure fills the error completely. */
#include <iconv.h>

#include "fuzz_common.h"
#include "text.h"

static const char *const forced[] = {
    "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "GBK", "gb2312", "CP936",
    "UTF-16", "UTF-32", "UTF-32BE", "UCS-2", "UCS-4", "UCS-4LE", "WCHAR_T", "UTF-7",
    "BIG5", "BIG5-HKSCS", "ISO-2022-CN", "ISO-2022-CN-EXT", "ISO-2022-JP-2", "SHIFT_JIS",
    "EUC-JP", "EUC-KR", "EUC-TW", "CP1252", "ISO-8859-1", "KOI8-R", "TSCII", "UTF8",
};
#define NFORCED (sizeof forced / sizeof forced[0])

/* Re-encode UTF-8 to GB18030; 0 and the bytes in *out on success. */
static int to_gb18030(const char *s, size_t n, char **out, size_t *outlen)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == (iconv_t)-1)
        return -1;
    size_t cap = n * 4 + 16, ol = cap;
    char *buf = malloc(cap), *op = buf, *ip = (char *)s;
    size_t il = n;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    if (r == (size_t)-1) {
        free(buf);
        return -1;
    }
    *out = buf;
    *outlen = cap - ol;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned sel = data[0];
    const unsigned char *in = data + 1;
    size_t n = size - 1;
    int lossy = sel & 1;
    unsigned idx = sel >> 1;
    /* Half the selector space detects: detection is the common path. */
    const char *force = idx < 64 ? NULL : forced[(idx - 64) % NFORCED];

    bg_decoded d;
    bg_warnings w = { 0 };
    baogao_error err;
    memset(&err, 0, sizeof err);
    err.offset = -1;
    int rc = bg_decode(in, n, force, lossy, &d, &w, &err);
    if (rc < 0) {
        fz_check_error(&err, n);
        if (lossy && !force)
            FZ_CHECK(err.code == BAOGAO_ERR_BINARY, "lossy detection failed with code %d: %s", (int)err.code,
                     err.message);
        if (lossy && force)
            FZ_CHECK(0, "lossy decoding as %s failed: %s", force, err.message);
        if (err.offset >= 0)
            FZ_CHECK(err.line >= 1, "error at offset %ld without a line", err.offset);
        bg_warnings_free(&w);
        return 0;
    }

    FZ_CHECK(d.s != NULL, "no text");
    FZ_CHECK(d.s[d.len] == '\0', "text not NUL-terminated");
    FZ_CHECK(d.encoding != NULL, "no encoding name");
    FZ_CHECK(d.orig_len == n, "orig_len %zu for %zu bytes", d.orig_len, n);
    size_t bad = fz_utf8_invalid_at(d.s, d.len);
    FZ_CHECK(bad == d.len, "decoded text (%s) is not well-formed UTF-8 at byte %zu of %zu: %02x %02x %02x %02x",
             d.encoding, bad, d.len, (unsigned char)d.s[bad], bad + 1 < d.len ? (unsigned char)d.s[bad + 1] : 0,
             bad + 2 < d.len ? (unsigned char)d.s[bad + 2] : 0, bad + 3 < d.len ? (unsigned char)d.s[bad + 3] : 0);
    if (d.orig) {
        for (size_t i = 0; i < d.len; i++) {
            FZ_CHECK(d.orig[i] < n, "orig[%zu] = %u outside the input of %zu bytes (%s)", i, d.orig[i], n, d.encoding);
            FZ_CHECK(i == 0 || d.orig[i] >= d.orig[i - 1], "orig goes backwards at %zu: %u after %u (%s)", i,
                     d.orig[i], d.orig[i - 1], d.encoding);
        }
    } else if (d.len > 0) {     /* an empty text needs no map at all */
        FZ_CHECK(d.base + d.len == n, "identity map: base %zu + len %zu != %zu", d.base, d.len, n);
        FZ_CHECK(memcmp(d.s, in + d.base, d.len) == 0, "identity map but the text differs from the input");
    }
    for (size_t i = 0; i < w.n; i++)
        FZ_CHECK(w.items[i].line >= 0 && w.items[i].message, "bad warning %zu", i);
    if (!lossy)
        FZ_CHECK(w.n == 0, "strict decoding left %zu warnings: %s", w.n, w.items[0].message);

    /* Detected UTF-8 is the input itself (less a BOM). */
    if (!force && !lossy && strcmp(d.encoding, "UTF-8") == 0) {
        size_t bom = n >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
        FZ_CHECK(d.len == n - bom && memcmp(d.s, in + bom, d.len) == 0, "detected UTF-8 was changed");
    }
    /* Strict GB18030 is a bijection with Unicode: the text must encode back
     * to the very bytes it came from, or the decoder invented characters. */
    if (!lossy && strcmp(d.encoding, "GB18030") == 0 && (!force || strcmp(force, "GB18030") == 0)) {
        char *back;
        size_t backlen;
        if (to_gb18030(d.s, d.len, &back, &backlen) == 0) {
            size_t k = 0;
            while (k < backlen && k < n && back[k] == (char)in[k])
                k++;
            FZ_CHECK(backlen == n && k == n, "GB18030 text does not round-trip: first difference at byte %zu of %zu",
                     k, n);
            free(back);
        }
    }
    bg_decoded_free(&d);
    bg_warnings_free(&w);
    return 0;
}
