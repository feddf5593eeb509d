/* jsonq.c — the little JSON querying tests/hostile/run.sh needs, on cJSON
 * (a build dependency already), so the catalogue needs neither jq nor python.
 *
 *   jsonq check FILE          exit 0 if FILE is one baogao/1 result object
 *   jsonq get FILE PATH       print the value at PATH (a.b.0.c; "#" as the last
 *                             step prints an array's length); strings raw,
 *                             other values as compact JSON; exit 1 if absent
 *   jsonq warnings FILE       one "LINE<TAB>MESSAGE" per warning (LINE "null")
 *   jsonq sections FILE       "COUNT DEPTH" of the whole section tree
 *   jsonq strip FILE          the JSON without "source" and any "span" or
 *                             "*_span" (to compare one text in two encodings)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap + 1);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static cJSON *load(const char *path)
{
    size_t n;
    char *s = slurp(path, &n);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(s, n, &end, 0);
    if (!root) {
        fprintf(stderr, "jsonq: %s: not JSON (near byte %ld)\n", path, end ? (long)(end - s) : -1L);
        exit(1);
    }
    /* Only whitespace may follow the value. */
    for (const char *p = end; p && p < s + n; p++)
        if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') {
            fprintf(stderr, "jsonq: %s: trailing data at byte %ld\n", path, (long)(p - s));
            exit(1);
        }
    free(s);
    return root;
}

static const cJSON *walk(const cJSON *node, const char *path, int *want_len)
{
    char *copy = strdup(path), *save = NULL;
    *want_len = 0;
    for (char *step = strtok_r(copy, ".", &save); step && node; step = strtok_r(NULL, ".", &save)) {
        if (strcmp(step, "#") == 0) {
            *want_len = 1;
            break;
        }
        if (cJSON_IsArray(node)) {
            char *e;
            long i = strtol(step, &e, 10);
            node = *e ? NULL : cJSON_GetArrayItem(node, (int)i);
        } else
            node = cJSON_GetObjectItemCaseSensitive(node, step);
    }
    free(copy);
    return node;
}

static void tree(const cJSON *arr, int depth, long *count, int *maxdepth)
{
    for (const cJSON *s = arr ? arr->child : NULL; s; s = s->next) {
        (*count)++;
        if (depth > *maxdepth)
            *maxdepth = depth;
        tree(cJSON_GetObjectItemCaseSensitive(s, "sections"), depth + 1, count, maxdepth);
    }
}

static int is_span_key(const char *k)
{
    size_t n = k ? strlen(k) : 0;
    return n >= 4 && strcmp(k + n - 4, "span") == 0;    /* span, grade_span, ... */
}

static void strip(cJSON *node)
{
    if (cJSON_IsObject(node))
        cJSON_DeleteItemFromObjectCaseSensitive(node, "source");
    for (cJSON *c = node->child, *next; c; c = next) {
        next = c->next;
        if (cJSON_IsObject(node) && is_span_key(c->string))
            cJSON_Delete(cJSON_DetachItemViaPointer(node, c));
        else
            strip(c);
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: jsonq check|get|warnings|sections|strip FILE [PATH]\n");
        return 2;
    }
    const char *cmd = argv[1];
    cJSON *root = load(argv[2]);
    int rc = 0;
    if (strcmp(cmd, "check") == 0) {
        static const char *keys[] = { "schema", "producer", "source", "document", "sections", "amounts",
                                      "indicators", "projects", "scores", "tables", "warnings" };
        const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
        if (!cJSON_IsObject(root) || !cJSON_IsString(schema) || strcmp(schema->valuestring, "baogao/1") != 0) {
            fprintf(stderr, "jsonq: %s: not a baogao/1 object\n", argv[2]);
            rc = 1;
        }
        for (size_t i = 0; rc == 0 && i < sizeof keys / sizeof keys[0]; i++)
            if (!cJSON_GetObjectItemCaseSensitive(root, keys[i])) {
                fprintf(stderr, "jsonq: %s: no \"%s\"\n", argv[2], keys[i]);
                rc = 1;
            }
    } else if (strcmp(cmd, "get") == 0 && argc == 4) {
        int want_len;
        const cJSON *v = walk(root, argv[3], &want_len);
        if (!v)
            rc = 1;
        else if (want_len)
            printf("%d\n", cJSON_GetArraySize(v));
        else if (cJSON_IsString(v))
            printf("%s\n", v->valuestring);
        else {
            char *s = cJSON_PrintUnformatted(v);
            printf("%s\n", s);
            free(s);
        }
    } else if (strcmp(cmd, "warnings") == 0) {
        const cJSON *w;
        cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(root, "warnings")) {
            const cJSON *line = cJSON_GetObjectItemCaseSensitive(w, "line");
            const cJSON *msg = cJSON_GetObjectItemCaseSensitive(w, "message");
            if (cJSON_IsNumber(line))
                printf("%.0f\t%s\n", line->valuedouble, cJSON_IsString(msg) ? msg->valuestring : "");
            else
                printf("null\t%s\n", cJSON_IsString(msg) ? msg->valuestring : "");
        }
    } else if (strcmp(cmd, "sections") == 0) {
        long count = 0;
        int depth = 0;
        tree(cJSON_GetObjectItemCaseSensitive(root, "sections"), 1, &count, &depth);
        printf("%ld %d\n", count, depth);
    } else if (strcmp(cmd, "strip") == 0) {
        strip(root);
        char *s = cJSON_PrintUnformatted(root);
        printf("%s\n", s);
        free(s);
    } else {
        fprintf(stderr, "jsonq: unknown command %s\n", cmd);
        rc = 2;
    }
    cJSON_Delete(root);
    return rc;
}
