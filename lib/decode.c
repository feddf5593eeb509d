/* decode.c — stage 1: raw bytes to UTF-8, remembering where each character
 * came from. Detection order: a byte-order mark; valid UTF-8; UTF-16 whose
 * byte pattern is plain; UTF-8 with a few bad bytes (an error, not a guess);
 * GB18030 (superset of GBK and GB2312). Anything undecodable is an error with
 * its byte offset, unless the caller asked for lossy decoding. */
#include "text.h"

#include <errno.h>
#include <stdarg.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

typedef struct {
    bg_buf out;
    uint32_t *orig;
    size_t orig_cap;
    long line;              /* line of the next character, for warnings */
    int prev_cr;
} writer;

/* Room for k more characters (four bytes at most each) and the NUL after them. */
static void reserve(writer *w, size_t k)
{
    size_t need = w->out.len + 4 * k + 1;
    if (need > w->out.cap)
        bg_grow(&w->out.s, &w->out.cap, need, 1);
    if (need > w->orig_cap)
        bg_grow(&w->orig, &w->orig_cap, need, sizeof *w->orig);
}

/* One character out, as UTF-8 (bg_utf8_put's encoding), every byte mapped to
 * `from`, where reserve() has made room for it. Called once per character of
 * a GB18030 or UTF-16 file: inline. */
static inline void put_reserved(writer *w, uint32_t cp, size_t from)
{
    size_t len = w->out.len;
    unsigned char *o = (unsigned char *)w->out.s + len;
    uint32_t *m = w->orig + len, f = (uint32_t)from;
    size_t n;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        m[0] = f;
        n = 1;
        if (cp == '\r' || (cp == '\n' && !w->prev_cr))
            w->line++;
        w->prev_cr = cp == '\r';
    } else {
        if (cp < 0x800) {
            o[0] = (unsigned char)(0xC0 | (cp >> 6));
            o[1] = (unsigned char)(0x80 | (cp & 0x3F));
            m[0] = m[1] = f;
            n = 2;
        } else if (cp < 0x10000) {
            o[0] = (unsigned char)(0xE0 | (cp >> 12));
            o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            o[2] = (unsigned char)(0x80 | (cp & 0x3F));
            m[0] = m[1] = m[2] = f;
            n = 3;
        } else {
            o[0] = (unsigned char)(0xF0 | (cp >> 18));
            o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
            o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            o[3] = (unsigned char)(0x80 | (cp & 0x3F));
            m[0] = m[1] = m[2] = m[3] = f;
            n = 4;
        }
        w->prev_cr = 0;
    }
    o[n] = '\0';
    w->out.len = len + n;
}

static inline void put(writer *w, uint32_t cp, size_t from)
{
    reserve(w, 1);
    put_reserved(w, cp, from);
}

static void fail(baogao_error *err, baogao_code code, long offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void fail(baogao_error *err, baogao_code code, long offset, const char *fmt, ...)
{
    va_list ap;
    err->code = code;
    err->offset = offset;
    err->line = 0;
    va_start(ap, fmt);
    bg_fixed_vprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

static void bad_byte(writer *w, bg_warnings *warn, size_t at, const char *enc)
{
    bg_warn(warn, w->line, "undecodable %s byte at offset %zu replaced by U+FFFD", enc, at);
    put(w, 0xFFFD, at);
}

/* ---- UTF-8 ---------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at in[i], 0 if invalid, -1 if it is cut
 * off by the end of the input. Rejects overlongs, surrogates, > U+10FFFF. */
static int utf8_seq(const unsigned char *in, size_t n, size_t i)
{
    unsigned char b = in[i];
    if (b < 0x80)
        return 1;
    int len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF)
        len = 2;
    else if (b >= 0xE0 && b <= 0xEF) {
        len = 3;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
    } else
        return 0;
    for (int k = 1; k < len; k++) {
        if (i + (size_t)k >= n)
            return -1;
        unsigned char c = in[i + (size_t)k];
        if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF))
            return 0;
    }
    return len;
}

typedef struct {
    size_t multibyte;       /* valid multi-byte sequences */
    size_t bad;             /* invalid positions */
    size_t nul;
    long first_bad;         /* -1 if none */
    int truncated;          /* the first bad position is a sequence cut by EOF */
} utf8_stats;

static utf8_stats utf8_scan(const unsigned char *in, size_t n)
{
    utf8_stats st = { 0, 0, 0, -1, 0 };
    for (size_t i = 0; i < n;) {
        if (in[i] < 0x80) {
            st.nul += in[i] == 0;
            i++;
            /* then eight bytes at a time while they are ASCII without NUL */
            while (i + 8 <= n) {
                uint64_t v;
                memcpy(&v, in + i, 8);
                if ((v & 0x8080808080808080u) || ((v - 0x0101010101010101u) & ~v & 0x8080808080808080u))
                    break;
                i += 8;
            }
            continue;
        }
        /* the common three-byte sequence (most of CJK), as utf8_seq reads it */
        if (in[i] >= 0xE1 && in[i] <= 0xEF && in[i] != 0xED && i + 2 < n && (in[i + 1] & 0xC0) == 0x80
            && (in[i + 2] & 0xC0) == 0x80) {
            st.multibyte++;
            i += 3;
            continue;
        }
        /* a two-byte sequence, or a lead byte of one before a byte that
         * continues none (a GBK character), as utf8_seq reads them */
        if (in[i] >= 0xC2 && in[i] <= 0xDF && i + 1 < n) {
            if ((in[i + 1] & 0xC0) == 0x80) {
                st.multibyte++;
                i += 2;
                continue;
            }
            if (st.first_bad < 0)
                st.first_bad = (long)i;
            st.bad++;
            i++;
            continue;
        }
        /* a byte no sequence starts with (half the lead bytes of GBK text):
         * bad, as utf8_seq says, without asking it */
        if (in[i] < 0xC2 || in[i] > 0xF4) {
            if (st.first_bad < 0)
                st.first_bad = (long)i;
            st.bad++;
            i++;
            continue;
        }
        int len = utf8_seq(in, n, i);
        if (len > 0) {
            st.multibyte++;
            i += (size_t)len;
            continue;
        }
        if (st.first_bad < 0) {
            st.first_bad = (long)i;
            st.truncated = len < 0;
        }
        st.bad++;
        if (len < 0)
            break;              /* the rest is one sequence cut by the end */
        i++;
    }
    return st;
}

/* At least 8 multi-byte UTF-8 characters and a whole line before the first
 * bad byte: GBK text almost never reads so far as UTF-8 by chance. */
static int utf8_prefix_plain(const unsigned char *in, size_t upto)
{
    size_t multibyte = 0;
    int line = 0;
    for (size_t i = 0; i < upto;) {
        int len = utf8_seq(in, upto, i);
        if (len <= 0)
            return 0;
        multibyte += len > 1;
        line |= in[i] == '\n';
        i += (size_t)len;
    }
    return multibyte >= 8 && line;
}

static void utf8_fail(baogao_error *err, long at, int truncated)
{
    if (truncated)
        fail(err, BAOGAO_ERR_ENCODING, at, "truncated UTF-8 character at byte offset %ld (end of file)", at);
    else
        fail(err, BAOGAO_ERR_ENCODING, at, "invalid UTF-8 byte at byte offset %ld", at);
}

static void decode_utf8(const unsigned char *in, size_t n, size_t start, writer *w, bg_warnings *warn)
{
    for (size_t i = start; i < n;) {
        int len = utf8_seq(in, n, i);
        if (len <= 0) {
            bad_byte(w, warn, i, "UTF-8");
            i++;
            continue;
        }
        uint32_t cp;
        bg_utf8_next((const char *)in + i, (size_t)len, &cp);
        put(w, cp, i);
        i += (size_t)len;
    }
}

/* ---- UTF-16 --------------------------------------------------------------- */

static unsigned unit16(const unsigned char *p, int big)
{
    return big ? (unsigned)(p[0] << 8 | p[1]) : (unsigned)(p[1] << 8 | p[0]);
}

/* ASCII text, general punctuation, CJK, fullwidth forms. Tested from the
 * top: GBK bytes read as UTF-16 (what is asked of every GBK file) are mostly
 * 0x8000 and above. */
static inline int plausible16(unsigned v)
{
    if (v >= 0x3000)
        return v <= 0x9FFF || (v >= 0xFF00 && v <= 0xFFEF);
    if (v >= 0x2000)
        return v <= 0x206F;
    return (v >= 0x20 && v < 0x7F) || v == '\t' || v == '\n' || v == '\r';
}

/* 'L' or 'B' when nearly every 16-bit unit of the first 64 KiB reads as text
 * in one byte order and clearly fewer in the other; 0 otherwise. ASCII read
 * in the wrong order lands among the ideographs (0x3200 for "2"), so when
 * both orders read as text the side the NUL bytes of ASCII fall on decides. */
static int utf16_guess(const unsigned char *in, size_t n)
{
    size_t units = (n < 65536 ? n : 65536) / 2, le = 0, be = 0, nul_odd = 0, nul_even = 0;
    if (units < 2)
        return 0;
    for (size_t i = 0; i < units; i++) {
        le += (size_t)plausible16(unit16(in + 2 * i, 0));
        be += (size_t)plausible16(unit16(in + 2 * i, 1));
        nul_even += in[2 * i] == 0;
        nul_odd += in[2 * i + 1] == 0;
    }
    int le_text = le * 100 >= units * 95, be_text = be * 100 >= units * 95;
    if (le_text && be_text) {
        if (nul_odd > 4 * nul_even && nul_odd * 20 >= units)
            return 'L';
        if (nul_even > 4 * nul_odd && nul_even * 20 >= units)
            return 'B';
        return 0;
    }
    /* one order reads as text: trust it when NULs of ASCII or line breaks
     * agree, or the sample is too long for chance */
    if (le_text && be * 100 < units * 80 && (nul_odd > nul_even || units >= 256))
        return 'L';
    if (be_text && le * 100 < units * 80 && (nul_even > nul_odd || units >= 256))
        return 'B';
    return 0;
}

static int decode_utf16(const unsigned char *in, size_t n, size_t start, int big, int lossy,
                        writer *w, bg_warnings *warn, baogao_error *err)
{
    const char *name = big ? "UTF-16BE" : "UTF-16LE";
    size_t i = start;
    while (i + 1 < n) {
        unsigned u = unit16(in + i, big);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
            unsigned u2 = unit16(in + i + 2, big);
            if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                put(w, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00), i);
                i += 4;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            if (!lossy) {
                fail(err, BAOGAO_ERR_ENCODING, (long)i, "unpaired %s surrogate at byte offset %ld", name, (long)i);
                return -1;
            }
            bad_byte(w, warn, i, name);
        } else
            put(w, u, i);
        i += 2;
    }
    if (i < n) {
        if (!lossy) {
            fail(err, BAOGAO_ERR_ENCODING, (long)i, "truncated %s character at byte offset %ld (end of file)", name, (long)i);
            return -1;
        }
        bad_byte(w, warn, i, name);
    }
    return 0;
}

/* ---- iconv-based: GB18030 and forced encodings ---------------------------- */

/* Byte length of the GB18030 character at in[i] by its structure, 0 if the
 * lead byte is invalid. */
static size_t gb_char_len(const unsigned char *in, size_t n, size_t i)
{
    unsigned char b = in[i];
    if (b < 0x80)
        return 1;
    if (b == 0x80 || b == 0xFF)
        return 0;
    if (i + 1 < n && in[i + 1] >= 0x30 && in[i + 1] <= 0x39)
        return 4;
    return 2;
}

/* Convert with iconv to code points in bulk and pair each output code point
 * with the input character the structure says it came from. glibc's WCHAR_T is
 * its internal UCS-4, so GB18030 to WCHAR_T is one conversion step where
 * GB18030 to UTF-32LE is two; UTF-32LE where WCHAR_T is not known. */
static int decode_gb18030(const unsigned char *in, size_t n, int lossy, writer *w,
                          bg_warnings *warn, baogao_error *err)
{
    int native = 1;
    iconv_t cd = sizeof(wchar_t) == 4 ? iconv_open("WCHAR_T", "GB18030") : (iconv_t)-1;
    if (cd == (iconv_t)-1) {
        native = 0;
        cd = iconv_open("UTF-32LE", "GB18030");
    }
    if (cd == (iconv_t)-1) {
        fail(err, BAOGAO_ERR_USAGE, -1, "iconv cannot convert from GB18030");
        return -1;
    }
    size_t chunk_cap = 65536;
    unsigned char *u32 = bg_xmalloc(chunk_cap * 4);
    size_t pos = 0;
    int rc = 0;
    while (pos < n) {
        char *ip = (char *)in + pos, *op = (char *)u32;
        size_t il = n - pos, ol = chunk_cap * 4;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        int e = r == (size_t)-1 ? errno : 0;
        size_t ncp = (chunk_cap * 4 - ol) / 4, end = (size_t)((unsigned char *)ip - in);
        if (!native)            /* UTF-32LE to the host's order, where WCHAR_T has it already */
            for (size_t k = 0; k < ncp; k++) {
                uint32_t cp = (uint32_t)u32[4 * k] | (uint32_t)u32[4 * k + 1] << 8
                            | (uint32_t)u32[4 * k + 2] << 16 | (uint32_t)u32[4 * k + 3] << 24;
                memcpy(u32 + 4 * k, &cp, sizeof cp);
            }
        reserve(w, ncp);
        for (size_t k = 0; k < ncp; k++) {
            size_t len = gb_char_len(in, n, pos);
            uint32_t cp;
            memcpy(&cp, u32 + 4 * k, sizeof cp);
            put_reserved(w, cp, pos);
            pos += len ? len : 1;
        }
        pos = end;   /* the structure and iconv agree on well-formed input; trust iconv */
        if (e == E2BIG || e == 0)
            continue;
        if (!lossy) {
            if (e == EINVAL)
                fail(err, BAOGAO_ERR_ENCODING, (long)pos, "truncated %s character at byte offset %ld (end of file)", "GB18030", (long)pos);
            else
                fail(err, BAOGAO_ERR_ENCODING, (long)pos, "invalid %s byte sequence at byte offset %ld", "GB18030", (long)pos);
            rc = -1;
            break;
        }
        bad_byte(w, warn, pos, "GB18030");
        pos++;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    free(u32);
    iconv_close(cd);
    return rc;
}

/* Any other encoding iconv knows, one character at a time: slower, but it
 * keeps the exact offset of every character whatever the encoding's shape. */
static int decode_iconv_generic(const unsigned char *in, size_t n, const char *name, int lossy,
                                writer *w, bg_warnings *warn, baogao_error *err)
{
    iconv_t cd = iconv_open("UTF-32LE", name);
    if (cd == (iconv_t)-1) {
        fail(err, BAOGAO_ERR_USAGE, -1, "unknown encoding %s", name);
        return -1;
    }
    size_t pos = 0;
    while (pos < n) {
        size_t k, avail = n - pos;
        int e = EINVAL;
        unsigned char o[16];
        char *op = (char *)o;
        size_t ol = sizeof o;
        for (k = 1; k <= 8 && k <= avail; k++) {
            char *ip = (char *)in + pos;
            size_t il = k;
            op = (char *)o;
            ol = sizeof o;
            if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0) {
                e = 0;
                break;
            }
            e = errno;
            if (e == EILSEQ)
                break;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
        if (e == 0) {
            for (size_t q = 0; q + 4 <= sizeof o - ol; q += 4)
                put(w, (uint32_t)o[q] | (uint32_t)o[q + 1] << 8 | (uint32_t)o[q + 2] << 16
                           | (uint32_t)o[q + 3] << 24, pos);
            pos += k;
            continue;
        }
        if (!lossy) {
            fail(err, BAOGAO_ERR_ENCODING, (long)pos, "invalid %s byte sequence at byte offset %ld", name, (long)pos);
            err->line = w->line;    /* counted in characters: the bytes' shape is unknown */
            iconv_close(cd);
            return -1;
        }
        bad_byte(w, warn, pos, name);
        iconv(cd, NULL, NULL, NULL, NULL);
        pos++;
    }
    iconv_close(cd);
    return 0;
}

/* ---- detection ------------------------------------------------------------ */

static const struct {
    const char *what;
    const char *magic;
    size_t len;
} binary_magic[] = {
    { "PNG image", "\x89PNG\r\n\x1a\n", 8 },
    { "ELF executable", "\x7f" "ELF", 4 },
    { "PDF document (convert it to text first)", "%PDF-", 5 },
    { "ZIP archive or Office document", "PK\x03\x04", 4 },
    { "GIF image", "GIF8", 4 },
    { "JPEG image", "\xff\xd8\xff", 3 },
    { "gzip archive", "\x1f\x8b", 2 },
    { "old Word/Excel document", "\xd0\xcf\x11\xe0", 4 },
};

static const char *binary_kind(const unsigned char *in, size_t n)
{
    for (size_t i = 0; i < sizeof binary_magic / sizeof binary_magic[0]; i++)
        if (n >= binary_magic[i].len && memcmp(in, binary_magic[i].magic, binary_magic[i].len) == 0)
            return binary_magic[i].what;
    return NULL;
}

typedef enum { ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE, ENC_GB18030, ENC_OTHER } enc_id;

static enc_id enc_by_name(const char *name)
{
    static const struct { const char *name; enc_id id; } names[] = {
        { "UTF-8", ENC_UTF8 }, { "UTF8", ENC_UTF8 },
        { "UTF-16LE", ENC_UTF16LE }, { "UTF-16BE", ENC_UTF16BE },
        { "GB18030", ENC_GB18030 }, { "GBK", ENC_GB18030 }, { "GB2312", ENC_GB18030 },
        { "CP936", ENC_GB18030 }, { "EUC-CN", ENC_GB18030 },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].name) == 0)
            return names[i].id;
    return ENC_OTHER;
}

int bg_encoding_known(const char *name)
{
    if (!*name)
        return 0;       /* iconv reads "" as the locale's charset: not a name */
    if (enc_by_name(name) != ENC_OTHER)
        return 1;
    iconv_t cd = iconv_open("UTF-32LE", name);
    if (cd == (iconv_t)-1)
        return 0;
    iconv_close(cd);
    return 1;
}

static const char *enc_label(enc_id id)
{
    switch (id) {
    case ENC_UTF8: return "UTF-8";
    case ENC_UTF16LE: return "UTF-16LE";
    case ENC_UTF16BE: return "UTF-16BE";
    case ENC_GB18030: return "GB18030";
    default: return NULL;
    }
}

/* Choose the encoding of unlabelled bytes; *start is set past a BOM. Returns
 * -1 (with *err filled) for binary data and for UTF-8 with bad bytes when not
 * lossy, since guessing another encoding there would give silent garbage. */
static int detect(const unsigned char *in, size_t n, int lossy, enc_id *id, size_t *start,
                  int *valid_utf8, baogao_error *err)
{
    *start = 0;
    *valid_utf8 = 0;        /* 1: all of in[*start..n) was scanned and is valid UTF-8 */
    if (n >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0) {
        *id = ENC_UTF8;
        *start = 3;
        return 0;
    }
    if (n >= 2 && (memcmp(in, "\xff\xfe", 2) == 0 || memcmp(in, "\xfe\xff", 2) == 0)) {
        *id = in[0] == 0xFF ? ENC_UTF16LE : ENC_UTF16BE;
        *start = 2;
        return 0;
    }
    const char *bin = binary_kind(in, n);
    if (bin) {
        fail(err, BAOGAO_ERR_BINARY, 0, "binary file (%s), not a text report", bin);
        return -1;
    }
    utf8_stats st = utf8_scan(in, n);
    *valid_utf8 = st.bad == 0;
    if (st.bad == 0 && st.nul == 0) {
        *id = ENC_UTF8;
        return 0;
    }
    int guess = utf16_guess(in, n);
    if (guess) {
        *id = guess == 'L' ? ENC_UTF16LE : ENC_UTF16BE;
        return 0;
    }
    if (st.nul * 100 > n || st.nul > 4096) {
        long at = (long)((const unsigned char *)memchr(in, 0, n) - in);
        fail(err, BAOGAO_ERR_BINARY, at, "binary data (NUL bytes) at byte offset %ld, not a text report", at);
        return -1;
    }
    if (st.bad == 0) {
        *id = ENC_UTF8;    /* a few NULs in UTF-8 text: normalization drops them with a warning */
        return 0;
    }
    /* UTF-8 with a few bad bytes, or cut off at the end, is damaged UTF-8:
     * reading it as GB18030 would give silent garbage. So is a file whose
     * first lines are plainly UTF-8 before another encoding takes over (a
     * GBK report with a title typed in UTF-8): its UTF-8 bytes would pair up
     * as GBK characters without a word. */
    int cut_at_end = st.bad == 1 && st.truncated;
    if (!lossy && st.first_bad > 0 && utf8_prefix_plain(in, (size_t)st.first_bad)) {
        *id = ENC_UTF8;
        utf8_fail(err, st.first_bad, st.truncated);
        return -1;
    }
    if (st.multibyte > 0 && (st.multibyte >= 4 * st.bad || cut_at_end)) {
        *id = ENC_UTF8;
        if (lossy)
            return 0;
        utf8_fail(err, st.first_bad, st.truncated);
        return -1;
    }
    *id = ENC_GB18030;
    return 0;
}

/* 1-based line of byte offset `at`: LF, CRLF and lone CR each end a line,
 * read in 16-bit units for UTF-16 and bytewise for the ASCII-compatible rest. */
static long line_at(const unsigned char *in, size_t n, long at, enc_id id)
{
    long line = 1;
    size_t step = (id == ENC_UTF16LE || id == ENC_UTF16BE) ? 2 : 1;
    int big = id == ENC_UTF16BE;
    unsigned prev = 0;
    for (size_t i = 0; i + step <= (size_t)at && i + step <= n; i += step) {
        unsigned u = step == 2 ? unit16(in + i, big) : in[i];
        if (u == '\r' || (u == '\n' && prev != '\r'))
            line++;
        prev = u;
    }
    return line;
}

static int decode(const unsigned char *in, size_t n, const char *force, int lossy,
                  bg_decoded *out, bg_warnings *warn, baogao_error *err, enc_id *idp);

/* Bytes that no text in any encoding baogao reads holds more than a few of:
 * the C0 controls but NUL (counted apart), TAB, LF, VT, FF, CR, SUB (a DOS
 * end of file) and ESC, and DEL. Random data is about one in ten of them. */
static int control_byte(unsigned char c)
{
    return (c >= 0x01 && c <= 0x08) || (c >= 0x0E && c <= 0x19) || (c >= 0x1C && c <= 0x1F) || c == 0x7F;
}

/* Undecodable bytes that are plainly no text at all are binary data: say so,
 * rather than name the first byte sequence the encoding rejected. Asked only
 * once detected UTF-8 or GB18030 failed to decode, so no file that decodes is
 * ever refused by it. */
static void binary_not_encoding(const unsigned char *in, size_t n, baogao_error *err)
{
    size_t controls = 0, first = 0;
    for (size_t i = 0; i < n; i++)
        if (control_byte(in[i]) && controls++ == 0)
            first = i;
    if (controls >= 4 && controls * 50 > n)
        fail(err, BAOGAO_ERR_BINARY, (long)first, "binary data (%zu control bytes in %zu) from byte offset %zu, "
             "not a text report", controls, n, first);
}

int bg_decode(const unsigned char *in, size_t n, const char *force, int lossy,
              bg_decoded *out, bg_warnings *warn, baogao_error *err)
{
    enc_id id = ENC_UTF8;
    int rc = decode(in, n, force, lossy, out, warn, err, &id);
    /* not when the encoding was given (say where it fails), nor for UTF-16, where any byte value is text */
    if (rc < 0 && err->code == BAOGAO_ERR_ENCODING && !force && (id == ENC_UTF8 || id == ENC_GB18030))
        binary_not_encoding(in, n, err);
    if (rc < 0 && err->offset >= 0 && err->line == 0)
        err->line = line_at(in, n, err->offset, id);
    return rc;
}

static int decode(const unsigned char *in, size_t n, const char *force, int lossy,
                  bg_decoded *out, bg_warnings *warn, baogao_error *err, enc_id *idp)
{
    memset(out, 0, sizeof *out);
    out->orig_len = n;
    enc_id id;
    size_t start = 0;
    int valid_utf8 = 0;
    if (force) {
        id = enc_by_name(force);
        if (id == ENC_UTF8 && n >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0)
            start = 3;
    } else if (detect(in, n, lossy, &id, &start, &valid_utf8, err) < 0) {
        *idp = ENC_UTF8;
        return -1;
    }
    *idp = id;

    if (id == ENC_UTF8 && !lossy) {
        utf8_stats st = { 0, 0, 0, -1, 0 };
        if (!valid_utf8)        /* detection has not scanned it already */
            st = utf8_scan(in + start, n - start);
        if (st.bad) {
            utf8_fail(err, st.first_bad + (long)start, st.truncated);
            return -1;
        }
        /* Valid UTF-8 needs no copy of its map: offsets are the identity. */
        out->s = bg_xstrndup((const char *)in + start, n - start);
        out->len = n - start;
        out->base = start;
        out->encoding = "UTF-8";
        return 0;
    }

    writer w = { { 0 }, NULL, 0, 1, 0 };
    int rc = 0;
    switch (id) {
    case ENC_UTF8: decode_utf8(in, n, start, &w, warn); break;
    case ENC_UTF16LE: rc = decode_utf16(in, n, start, 0, lossy, &w, warn, err); break;
    case ENC_UTF16BE: rc = decode_utf16(in, n, start, 1, lossy, &w, warn, err); break;
    case ENC_GB18030: rc = decode_gb18030(in, n, lossy, &w, warn, err); break;
    case ENC_OTHER: rc = decode_iconv_generic(in, n, force, lossy, &w, warn, err); break;
    }
    if (rc < 0) {
        bg_buf_free(&w.out);
        free(w.orig);
        return -1;
    }
    if (!w.out.s)
        bg_buf_add(&w.out, "", 0);
    out->s = w.out.s;
    out->len = w.out.len;
    out->orig = w.orig;
    out->encoding = enc_label(id) ? enc_label(id) : force;
    return 0;
}

void bg_decoded_free(bg_decoded *d)
{
    free(d->s);
    free(d->orig);
    memset(d, 0, sizeof *d);
}
