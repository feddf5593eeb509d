/* page.c — the browser test's driver: for each FILE, write DIR/NAME.html and
 * DIR/NAME.json from ONE conversion through the public API, so the test
 * compares the page with the JSON of the very same result, and DIR/NAME.src,
 * a copy of the input, against which the test checks where the marks are.
 * Usage: page DIR FILE... */
#include <baogao.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int write_file(const char *path, const void *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(s, 1, n, f) != n || fclose(f) != 0) {
        fprintf(stderr, "page: cannot write %s\n", path);
        return -1;
    }
    return 0;
}

static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    unsigned char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: page DIR FILE...\n");
        return 2;
    }
    baogao_error err;
    baogao_patterns *p = baogao_patterns_load(NULL, &err);
    if (!p) {
        fprintf(stderr, "page: %s\n", err.message);
        return 1;
    }
    int rc = 0;
    for (int i = 2; i < argc; i++) {
        size_t len;
        unsigned char *bytes = read_file(argv[i], &len);
        if (!bytes) {
            fprintf(stderr, "page: cannot read %s\n", argv[i]);
            rc = 1;
            continue;
        }
        baogao_options opt = { argv[i], NULL, 0 };
        baogao_result *r = baogao_convert(p, bytes, len, &opt, &err);
        const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        size_t stem = strcspn(base, ".");
        char path[4096];
        snprintf(path, sizeof path, "%s/%.*s.src", argv[1], (int)stem, base);
        if (write_file(path, bytes, len) < 0)
            rc = 1;
        free(bytes);
        if (!r) {
            fprintf(stderr, "page: %s:%ld: %s\n", argv[i], err.line, err.message);
            rc = 1;
            continue;
        }
        char *html = baogao_result_html(r), *json = baogao_result_json(r, 1);
        snprintf(path, sizeof path, "%s/%.*s.html", argv[1], (int)stem, base);
        if (!html || write_file(path, html, strlen(html)) < 0)
            rc = 1;
        snprintf(path, sizeof path, "%s/%.*s.json", argv[1], (int)stem, base);
        if (!json || write_file(path, json, strlen(json)) < 0)
            rc = 1;
        baogao_free(html);
        baogao_free(json);
        baogao_result_free(r);
    }
    baogao_patterns_free(p);
    return rc;
}
