/* names.c — output names that stay inside their directory, and writes that
 * never leave a truncated file under a final name.
 *
 * An output file is written under a temporary name in the same directory,
 * ".baogao-tmp-HOST-PID-SEQ", then renamed over its final name. An interrupt
 * (SIGINT, SIGTERM, SIGHUP) removes the temporary files being written; a run
 * killed outright leaves them, and the next run on the same host that writes
 * to that directory removes those whose process is gone. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#define TEMP_PREFIX ".baogao-tmp-"
#define NAME_MAX_BYTES 240      /* room for the suffix within the usual 255 */

static void oom(void)
{
    fprintf(stderr, "baogao: out of memory\n");
    exit(EXIT_SOME_FAILED);
}

static void add_escaped(strbuf *b, unsigned char c)
{
    char hex[4];
    snprintf(hex, sizeof hex, "%%%02X", c);
    sb_adds(b, hex);
}

/* 64-bit FNV-1a, to keep long names apart once they are cut. */
static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* The input's path as given, with its "." and empty components dropped and
 * "/" written %2F, so the result is one file name: "2021/局.txt" becomes
 * "2021%2F局.txt", "../x" becomes "%2E.%2Fx", "/srv/a.txt" "srv%2Fa.txt". '%', '\' and control bytes
 * are escaped the same way, which keeps the mapping one-to-one; a leading
 * "." is escaped so no output is hidden; standard input is "stdin". */
char *output_name(const char *name, const char *suffix)
{
    strbuf b = { 0 };
    if (strcmp(name, "-") == 0)
        sb_adds(&b, "stdin");
    const char *p = strcmp(name, "-") == 0 ? "" : name;
    while (*p) {
        while (*p == '/')
            p++;
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.')) {
            p += n;
            continue;
        }
        if (b.len)
            sb_adds(&b, "%2F");
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)p[i];
            if (c == '%' || c == '\\' || c < 0x20 || c == 0x7f || (c == '.' && b.len == 0))
                add_escaped(&b, c);
            else
                sb_addc(&b, (char)c);
        }
        p += n;
    }
    if (b.len == 0)
        sb_adds(&b, "%2E");
    if (b.len > NAME_MAX_BYTES - strlen(suffix) - 17) {
        size_t cut = NAME_MAX_BYTES - strlen(suffix) - 17;
        while (cut > 0 && ((unsigned char)b.s[cut] & 0xC0) == 0x80)    /* not inside a character */
            cut--;
        for (size_t k = cut >= 2 ? cut - 2 : 0; k < cut; k++)           /* nor inside a %XX */
            if (b.s[k] == '%')
                cut = k;
        b.len = cut;
        char tail[20];
        snprintf(tail, sizeof tail, "~%016llx", (unsigned long long)fnv1a(name));
        sb_adds(&b, tail);
    }
    sb_adds(&b, suffix);
    return b.s;
}

static char host[64];

static const char *host_name(void)
{
    if (!host[0]) {
        char h[64] = "host";
        if (gethostname(h, sizeof h - 1) < 0)
            snprintf(h, sizeof h, "host");
        h[sizeof h - 1] = '\0';
        for (char *c = h; *c; c++)
            if (*c == '/' || *c == '-')
                *c = '_';
        memcpy(host, h, sizeof host);
    }
    return host;
}

char *temp_name(const char *dir)
{
    static unsigned long seq;
    unsigned long k = __atomic_add_fetch(&seq, 1, __ATOMIC_RELAXED);
    size_t n = strlen(dir) + strlen(host_name()) + 64;
    char *p = malloc(n);
    if (!p)
        oom();
    snprintf(p, n, "%s%s" TEMP_PREFIX "%s-%ld-%lu", dir, dir[0] && dir[strlen(dir) - 1] != '/' ? "/" : "",
             host_name(), (long)getpid(), k);
    return p;
}

void temp_sweep(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    const char *me = host_name();
    size_t plen = strlen(TEMP_PREFIX), hlen = strlen(me);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *s = e->d_name;
        if (strncmp(s, TEMP_PREFIX, plen) != 0 || strncmp(s + plen, me, hlen) != 0 || s[plen + hlen] != '-')
            continue;
        char *end;
        long pid = strtol(s + plen + hlen + 1, &end, 10);
        if (pid <= 0 || *end != '-' || (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
            continue;
        size_t n = strlen(dir) + strlen(s) + 2;
        char *path = malloc(n);
        if (!path)
            oom();
        snprintf(path, n, "%s/%s", dir, s);
        unlink(path);
        free(path);
    }
    closedir(d);
}

/* ---- removing temporary files on an interrupt ------------------------------ */

typedef struct {
    volatile sig_atomic_t ready;
    char path[PATH_MAX];
} tracked;

static tracked *slots;
static int nslots;

static void on_signal(int sig)
{
    for (int i = 0; i < nslots; i++)
        if (slots[i].ready)
            unlink(slots[i].path);
    signal(sig, SIG_DFL);
    raise(sig);
}

void temp_track_init(int n)
{
    host_name();                /* before any thread reads it */
    slots = calloc((size_t)n, sizeof *slots);
    if (!slots)
        oom();
    nslots = n;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

void temp_track(int slot, const char *path)
{
    if (slot < 0 || slot >= nslots)
        return;
    slots[slot].ready = 0;
    if (path && strlen(path) < sizeof slots[slot].path) {
        memcpy(slots[slot].path, path, strlen(path) + 1);
        slots[slot].ready = 1;
    }
}

/* ---- where a write goes ------------------------------------------------------- */

char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *d = !slash ? strdup(".") : slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));
    if (!d)
        oom();
    return d;
}

/* The descriptor a path names by itself, as /dev/fd/1 or /proc/self/fd/1 do:
 * -1 for any other path. */
static int fd_named(const char *path)
{
    static const char *const dirs[] = { "/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/" };
    const char *p = NULL;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0] && !p; i++)
        if (strncmp(path, dirs[i], strlen(dirs[i])) == 0)
            p = path + strlen(dirs[i]);
    if (!p && strncmp(path, "/proc/", 6) == 0) {
        char *end;
        long pid = strtol(path + 6, &end, 10);
        if (pid == (long)getpid() && strncmp(end, "/fd/", 4) == 0)
            p = end + 4;
    }
    if (!p || *p < '0' || *p > '9')
        return -1;
    char *end;
    long fd = strtol(p, &end, 10);
    return *end == '\0' && fd <= INT_MAX ? (int)fd : -1;
}

/* The descriptor a path names through its chain of links (/dev/stdout ->
 * /proc/self/fd/1), or -1. */
static int fd_behind(const char *path)
{
    char *cur = strdup(path);
    if (!cur)
        oom();
    int fd = -1;
    for (int hops = 0; hops < 40 && (fd = fd_named(cur)) < 0; hops++) {
        struct stat st;
        char link[PATH_MAX];
        ssize_t n;
        if (lstat(cur, &st) < 0 || !S_ISLNK(st.st_mode) || (n = readlink(cur, link, sizeof link - 1)) <= 0)
            break;
        link[n] = '\0';
        char *next;
        if (link[0] == '/') {
            next = strdup(link);
        } else {
            char *dir = dir_of(cur);
            next = malloc(strlen(dir) + (size_t)n + 2);
            if (next)
                sprintf(next, "%s/%s", dir, link);
            free(dir);
        }
        if (!next)
            oom();
        free(cur);
        cur = next;
    }
    free(cur);
    return fd;
}

/* The file to rename onto: a symbolic link is followed, so the link stays
 * and its target gets the new contents. Caller frees. */
static char *rename_target(const char *path)
{
    struct stat st;
    char *p = NULL;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        p = realpath(path, NULL);
        char link[PATH_MAX];
        ssize_t n;
        if (!p && (n = readlink(path, link, sizeof link - 1)) > 0) {     /* a link to a file still to be made */
            link[n] = '\0';
            char *dir = dir_of(path);
            size_t len = strlen(dir) + (size_t)n + 2;
            if ((p = malloc(len)) != NULL)
                snprintf(p, len, "%s/%s", link[0] == '/' ? "" : dir, link[0] == '/' ? link + 1 : link);
            free(dir);
        }
    }
    if (!p)
        p = strdup(path);
    if (!p)
        oom();
    return p;
}

int dest_of(const char *path, dest *d)
{
    memset(d, 0, sizeof *d);
    d->fd = fd_behind(path);
    if (d->fd >= 0) {
        d->kind = DEST_FD;
        return 0;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return -1;
    }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        d->kind = DEST_IN_PLACE;
        return 0;
    }
    d->kind = DEST_RENAME;
    d->final = rename_target(path);
    return 0;
}

/* ---- writing ------------------------------------------------------------------ */

int write_fully(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, data, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += w;
        len -= (size_t)w;
    }
    return 0;
}

/* A device or a pipe: written as it is. */
static int write_in_place(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = write_fully(fd, data, len);
    int saved = errno;
    if (close(fd) < 0 && rc == 0)
        return -1;
    errno = saved;
    return rc;
}

int write_atomically(const char *path, const char *data, size_t len, int slot)
{
    dest d;
    if (dest_of(path, &d) < 0)
        return -1;
    if (d.kind == DEST_FD)
        return write_fully(d.fd, data, len);
    if (d.kind == DEST_IN_PLACE)
        return write_in_place(path, data, len);
    char *dir = dir_of(d.final);
    char *tmp = temp_name(dir);
    free(dir);
    temp_track(slot, tmp);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    int rc = fd < 0 ? -1 : 0;
    if (rc == 0 && write_fully(fd, data, len) < 0)
        rc = -1;
    if (fd >= 0 && close(fd) < 0)
        rc = -1;
    if (rc == 0 && rename(tmp, d.final) < 0)
        rc = -1;
    int saved = errno;
    if (rc < 0 && fd >= 0)
        unlink(tmp);
    temp_track(slot, NULL);
    free(tmp);
    free(d.final);
    errno = saved;
    return rc;
}

int make_dirs(const char *path)
{
    char *p = strdup(path);
    if (!p)
        oom();
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) < 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = mkdir(p, 0777) < 0 && errno != EEXIST ? -1 : 0;
    int saved = errno;
    free(p);
    struct stat st;
    if (rc == 0 && (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))) {
        errno = ENOTDIR;
        return -1;
    }
    errno = saved;
    return rc;
}
