/* sha256.h — the input checksum in source.sha256 (FIPS 180-4). Written here
 * rather than linking a crypto library for one function. */
#ifndef BAOGAO_SHA256_H
#define BAOGAO_SHA256_H

#include <stddef.h>

/* Writes 64 lowercase hex digits and a NUL into hex. */
void bg_sha256_hex(const unsigned char *data, size_t len, char hex[65]);

/* The same with the portable code (use_ext 0) or the CPU's SHA extensions
 * (use_ext 1; -1 when the CPU has none), so tests can compare the two. */
int bg_sha256_hex_with(int use_ext, const unsigned char *data, size_t len, char hex[65]);

#endif
