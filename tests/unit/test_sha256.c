/* SHA-256: the FIPS 180-4 / NIST example vectors, and the portable code and
 * the CPU's SHA extensions agreeing on every length around block edges. */
#include "check.h"
#include "sha256.h"

#include <stdlib.h>
#include <string.h>

static void vector(int ext, const char *msg, size_t len, const char *want)
{
    char hex[65];
    if (bg_sha256_hex_with(ext, (const unsigned char *)msg, len, hex) < 0)
        return;                 /* no extensions on this CPU: said in main */
    CHECK_STR(hex, want);
}

static void test_vectors(int ext)
{
    vector(ext, "", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    vector(ext, "abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    vector(ext, m448, strlen(m448), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const char *m896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                       "mnopqrstnopqrstu";
    vector(ext, m896, strlen(m896), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    char *million = malloc(1000000);
    memset(million, 'a', 1000000);
    vector(ext, million, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(million);
}

static void test_agree(void)
{
    unsigned char buf[1100];
    unsigned seed = 12345;
    for (size_t i = 0; i < sizeof buf; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = (unsigned char)(seed >> 16);
    }
    int same = 1;
    for (size_t len = 0; len <= sizeof buf; len++) {
        char a[65], b[65], c[65];
        bg_sha256_hex_with(0, buf, len, a);
        bg_sha256_hex(buf, len, c);
        if (bg_sha256_hex_with(1, buf, len, b) == 0)
            same &= strcmp(a, b) == 0;
        same &= strcmp(a, c) == 0;
    }
    CHECK(same);
}

int main(void)
{
    char hex[65];
    test_vectors(0);
    if (bg_sha256_hex_with(1, (const unsigned char *)"", 0, hex) < 0)
        fprintf(stderr, "sha256: this CPU has no SHA extensions; only the portable code was tested\n");
    else
        test_vectors(1);
    test_agree();
    return CHECK_DONE("sha256");
}
