/* wholejson.c — is every output whole? For tests/batch/run.sh, on cJSON (a
 * build dependency already), so the test needs neither jq nor python.
 *
 *   wholejson FILE...       each FILE is one baogao/1 object: a result (with
 *                           source.sha256) or an error record
 *   wholejson -l FILE       each line of FILE is one such object (JSON Lines)
 *   wholejson -p FILE       print each line's source.path (JSON Lines)
 *
 * Prints "N results, M errors"; exits 1 naming the first file (and line)
 * that is not whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap + 1);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, (cap *= 2) + 1);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

/* 1 result, 2 error record, 0 not a whole baogao/1 object; with print,
 * its source.path goes to standard output. */
static int kind(const char *text, size_t len, int print)
{
    const char *end = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    int k = 0;
    if (o && cJSON_IsObject(o)) {
        while (end && end < text + len && (*end == '\n' || *end == ' ' || *end == '\r' || *end == '\t'))
            end++;
        const cJSON *schema = cJSON_GetObjectItemCaseSensitive(o, "schema");
        const cJSON *source = cJSON_GetObjectItemCaseSensitive(o, "source");
        const cJSON *sha = cJSON_GetObjectItemCaseSensitive(source, "sha256");
        int tail_ok = end && (size_t)(end - text) == len;
        if (tail_ok && cJSON_IsString(schema) && strcmp(schema->valuestring, "baogao/1") == 0) {
            if (cJSON_GetObjectItemCaseSensitive(o, "error"))
                k = 2;
            else if (cJSON_IsString(sha) && strlen(sha->valuestring) == 64 &&
                     cJSON_GetObjectItemCaseSensitive(o, "document") && cJSON_GetObjectItemCaseSensitive(o, "warnings"))
                k = 1;
        }
        const cJSON *path = cJSON_GetObjectItemCaseSensitive(source, "path");
        if (k && print && cJSON_IsString(path))
            printf("%s\n", path->valuestring);
    }
    cJSON_Delete(o);
    return k;
}

int main(int argc, char **argv)
{
    size_t results = 0, errors = 0;
    int print = argc == 3 && strcmp(argv[1], "-p") == 0;
    if (argc == 3 && (strcmp(argv[1], "-l") == 0 || print)) {
        size_t len;
        char *text = slurp(argv[2], &len);
        if (!text) {
            fprintf(stderr, "wholejson: %s: cannot read\n", argv[2]);
            return 1;
        }
        size_t line = 0;
        for (char *p = text; p < text + len;) {
            char *nl = memchr(p, '\n', (size_t)(text + len - p));
            line++;
            if (!nl) {
                fprintf(stderr, "wholejson: %s:%zu: last line has no newline\n", argv[2], line);
                return 1;
            }
            int k = kind(p, (size_t)(nl - p), print);
            if (!k) {
                fprintf(stderr, "wholejson: %s:%zu: not a whole baogao/1 object\n", argv[2], line);
                return 1;
            }
            results += k == 1;
            errors += k == 2;
            p = nl + 1;
        }
        free(text);
    } else {
        for (int i = 1; i < argc; i++) {
            size_t len;
            char *text = slurp(argv[i], &len);
            int k = text ? kind(text, len, 0) : 0;
            free(text);
            if (!k) {
                fprintf(stderr, "wholejson: %s: missing or not a whole baogao/1 object\n", argv[i]);
                return 1;
            }
            results += k == 1;
            errors += k == 2;
        }
    }
    if (!print)
        printf("%zu results, %zu errors\n", results, errors);
    return 0;
}
