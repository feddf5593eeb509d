/* check.h — the unit tests' only framework: count checks, name the failing line.
 * Each test program ends with CHECK_DONE(), which prints "NAME: N passed, N failed"
 * and returns non-zero if anything failed; tests/run_all.sh adds the counts up. */
#ifndef BAOGAO_CHECK_H
#define BAOGAO_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond) do { \
    if (cond) check_passed++; \
    else { check_failed++; fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_STR(got, want) do { \
    const char *check_g_ = (got), *check_w_ = (want); \
    if (check_g_ && check_w_ && strcmp(check_g_, check_w_) == 0) check_passed++; \
    else if (!check_g_ && !check_w_) check_passed++; \
    else { check_failed++; fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
             #got, check_g_ ? check_g_ : "(null)", check_w_ ? check_w_ : "(null)"); } \
} while (0)

#define CHECK_INT(got, want) do { \
    long long check_g_ = (long long)(got), check_w_ = (long long)(want); \
    if (check_g_ == check_w_) check_passed++; \
    else { check_failed++; fprintf(stderr, "%s:%d: %s: got %lld, want %lld\n", __FILE__, __LINE__, \
             #got, check_g_, check_w_); } \
} while (0)

#define CHECK_DONE(name) ( \
    printf("%s: %d passed, %d failed\n", (name), check_passed, check_failed), \
    check_failed ? 1 : 0)

#endif
