/* fuzz_common.h — shared by the fuzz harnesses: invariant checks that abort
 * with a message (so libFuzzer files the input as a crash) and small helpers.
 * Harnesses see the library's internal headers: they check the contracts the
 * stages give each other, not only the public API. */
#ifndef BAOGAO_FUZZ_COMMON_H
#define BAOGAO_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baogao.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A broken invariant is a bug: say which and abort, so the fuzzer keeps the
 * input and the replay tool shows the message. */
#define FZ_CHECK(cond, ...) do { \
    if (!(cond)) { \
        fprintf(stderr, "%s:%d: invariant broken: %s | ", __FILE__, __LINE__, #cond); \
        fprintf(stderr, __VA_ARGS__); \
        fputc('\n', stderr); \
        abort(); \
    } \
} while (0)

/* A known, reported fault can be let through while it waits for its fix, so
 * that it does not hide new ones: BAOGAO_FUZZ_ALLOW="empty-paragraph,..."
 * names the checks to skip (each harness says which names it knows; this
 * file's: message-utf8). */
static inline int fz_allowed(const char *what)
{
    const char *a = getenv("BAOGAO_FUZZ_ALLOW");
    return a && strstr(a, what) != NULL;
}

/* Offset of the first byte that is not well-formed UTF-8 (RFC 3629: no
 * overlongs, surrogates or code points above U+10FFFF), or n if all is. */
static inline size_t fz_utf8_invalid_at(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned char b = s[i];
        size_t len;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b < 0x80) {
            i++;
            continue;
        } else if (b >= 0xC2 && b <= 0xDF)
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
            return i;
        if (i + len > n)
            return i;
        for (size_t k = 1; k < len; k++) {
            unsigned char c = s[i + k];
            if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF))
                return i;
        }
        i += len;
    }
    return n;
}

/* A filled error must be usable as the CLI prints it. */
static inline void fz_check_error(const baogao_error *err, size_t input_len)
{
    FZ_CHECK(err->code != BAOGAO_OK, "failure without an error code");
    FZ_CHECK(memchr(err->message, '\0', sizeof err->message) != NULL, "message not terminated");
    FZ_CHECK(err->message[0] != '\0', "failure without a message (code %d)", (int)err->code);
    FZ_CHECK(memchr(err->file, '\0', sizeof err->file) != NULL, "file not terminated");
    FZ_CHECK(err->offset >= -1 && (err->offset < 0 || (size_t)err->offset <= input_len),
             "error offset %ld outside the input of %zu bytes", err->offset, input_len);
    FZ_CHECK(err->line >= 0, "negative error line %ld", err->line);
    if (!fz_allowed("message-utf8")) {
        FZ_CHECK(fz_utf8_invalid_at(err->message, strlen(err->message)) == strlen(err->message),
                 "error message is not UTF-8: %s", err->message);
        FZ_CHECK(fz_utf8_invalid_at(err->file, strlen(err->file)) == strlen(err->file),
                 "error file is not UTF-8: %s", err->file);
    }
}

/* An output (JSON, a page, a table cell) must be UTF-8 through and through. */
static inline void fz_check_utf8(const char *what, const char *s)
{
    size_t n = strlen(s), bad = fz_utf8_invalid_at(s, n);
    FZ_CHECK(bad == n, "%s is not UTF-8 at byte %zu of %zu: \"%.40s\"", what, bad, n, s + (bad > 20 ? bad - 20 : 0));
}

#endif
