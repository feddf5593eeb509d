/* inputs.c — the list of inputs, in a deterministic order: files as given,
 * directories walked with their entries sorted by byte value, lists of names
 * read from a file or standard input. */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static char *xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d) {
        fprintf(stderr, "baogao: out of memory\n");
        exit(EXIT_SOME_FAILED);
    }
    return d;
}

static void add(input_list *l, const char *path)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        input *items = realloc(l->items, cap * sizeof *items);
        if (!items) {
            fprintf(stderr, "baogao: out of memory\n");
            exit(EXIT_SOME_FAILED);
        }
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++].path = xstrdup(path);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* GLOB against the file's name, or against its path below the -r directory
 * as find -path matches: '*' crosses '/', so the glob 2021/'*' takes
 * 2021/a.txt and 2021/q1/b.txt. */
static int included(const options *o, const char *name, const char *below)
{
    if (o->nincludes == 0)
        return 1;
    for (size_t i = 0; i < o->nincludes; i++)
        if (fnmatch(o->includes[i], name, 0) == 0 || fnmatch(o->includes[i], below, 0) == 0)
            return 1;
    return 0;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir), m = strlen(name);
    char *p = malloc(n + m + 2);
    if (!p) {
        fprintf(stderr, "baogao: out of memory\n");
        exit(EXIT_SOME_FAILED);
    }
    memcpy(p, dir, n);
    size_t k = n;
    if (k == 0 || p[k - 1] != '/')
        p[k++] = '/';
    memcpy(p + k, name, m + 1);
    return p;
}

/* Walk dir, root_len bytes of which name the -r directory. Symbolic links to
 * files are followed, links to directories are not (no cycles); hidden
 * entries, devices, pipes and sockets are skipped. */
static void walk(const options *o, size_t root_len, const char *dir, input_list *l)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "baogao: %s: cannot read directory: %s\n", dir, strerror(errno));
        l->failed++;
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                fprintf(stderr, "baogao: out of memory\n");
                exit(EXIT_SOME_FAILED);
            }
            names = nn;
        }
        names[n++] = xstrdup(e->d_name);
    }
    if (errno) {
        fprintf(stderr, "baogao: %s: cannot read directory: %s\n", dir, strerror(errno));
        l->failed++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        char *path = join(dir, names[i]);
        struct stat st;
        if (lstat(path, &st) < 0) {
            fprintf(stderr, "baogao: %s: %s\n", path, strerror(errno));
            l->failed++;
        } else if (S_ISDIR(st.st_mode)) {
            walk(o, root_len, path, l);
        } else {
            int ok = S_ISREG(st.st_mode) || (S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode));
            const char *below = path + root_len;
            while (*below == '/')
                below++;
            if (ok && included(o, names[i], below))
                add(l, path);
            else if (ok)
                l->excluded++;
        }
        free(path);
        free(names[i]);
    }
    free(names);
}

/* Names one per line (LF, or CRLF), or NUL-terminated with -0. */
static void read_list(const options *o, const char *path, input_list *l)
{
    unsigned char *data;
    size_t len;
    char why[256];
    baogao_code code;
    if (read_all(path, &data, &len, why, sizeof why, &code) < 0) {
        fprintf(stderr, "baogao: %s: %s\n", strcmp(path, "-") == 0 ? "standard input" : path, why);
        l->failed++;
        return;
    }
    char sep = o->null_separated ? '\0' : '\n';
    size_t i = 0;
    while (i < len) {
        const unsigned char *end = memchr(data + i, sep, len - i);
        size_t piece = end ? (size_t)(end - (data + i)) : len - i, n = piece;
        if (!o->null_separated && n > 0 && data[i + n - 1] == '\r')
            n--;
        if (n > 0 && memchr(data + i, '\0', n)) {
            fprintf(stderr, "baogao: %s: a name holds a NUL byte (-0 reads find -print0 lists)\n", path);
            l->failed++;
        } else if (n > 0) {
            char *name = malloc(n + 3);
            if (!name) {
                fprintf(stderr, "baogao: out of memory\n");
                exit(EXIT_SOME_FAILED);
            }
            size_t k = 0;
            if (n == 1 && data[i] == '-') {     /* a name in a list is a file, never standard input */
                name[k++] = '.';
                name[k++] = '/';
            }
            memcpy(name + k, data + i, n);
            name[k + n] = '\0';
            add(l, name);
            free(name);
        }
        i += piece + 1;
    }
    free(data);
}

void inputs_collect(const options *o, input_list *l)
{
    memset(l, 0, sizeof *l);
    for (size_t i = 0; i < o->nsources; i++) {
        const source *s = &o->sources[i];
        if (s->kind == SRC_FILE) {
            add(l, s->path);
        } else if (s->kind == SRC_LIST) {
            read_list(o, s->path, l);
        } else {
            struct stat st;
            const char *why = stat(s->path, &st) < 0 ? strerror(errno) : !S_ISDIR(st.st_mode) ? "not a directory" : NULL;
            if (why) {
                fprintf(stderr, "baogao: %s: %s\n", s->path, why);
                l->failed++;
                continue;
            }
            walk(o, strlen(s->path), s->path, l);
        }
    }
}

void inputs_free(input_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].path);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* The error code of a failed open or read. */
static baogao_code code_of(int err)
{
    return err == ENOENT || err == ENOTDIR ? BAOGAO_ERR_NOT_FOUND
           : err == EACCES || err == EPERM ? BAOGAO_ERR_PERMISSION
           : err == EISDIR ? BAOGAO_ERR_IS_DIRECTORY
           : BAOGAO_ERR_IO;
}

int read_all(const char *path, unsigned char **data, size_t *len, char *why, size_t whylen, baogao_code *code)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        *code = code_of(errno);
        snprintf(why, whylen, "cannot open: %s", strerror(errno));
        return -1;
    }
    struct stat st;
    size_t cap = 65536;
    if (fstat(fileno(f), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            *code = BAOGAO_ERR_IS_DIRECTORY;
            snprintf(why, whylen, "is a directory (-r DIR converts the files under it)");
            if (f != stdin)
                fclose(f);
            return -1;
        }
        if (S_ISREG(st.st_mode) && st.st_size > 0 && (unsigned long long)st.st_size < ((size_t)1 << 31))
            cap = (size_t)st.st_size + 1;
    }
    size_t n = 0;
    unsigned char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    int bad = !buf || ferror(f);
    if (bad) {
        *code = buf ? code_of(errno) : BAOGAO_ERR_NOMEM;
        snprintf(why, whylen, "cannot read: %s", buf ? strerror(errno) : "out of memory");
    }
    if (f != stdin)
        fclose(f);
    if (bad) {
        free(buf);
        return -1;
    }
    *data = buf;
    *len = n;
    return 0;
}
