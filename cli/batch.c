/* batch.c — converting many inputs on N threads, written in input order.
 *
 * Workers take the next input, convert it (each conversion owns its matching
 * state; the compiled patterns are shared read-only) and leave a job in a
 * ring of slots. The main thread takes the jobs in input order, writes them
 * and says what went wrong, so the output and the messages are the same
 * whatever N is. A worker runs at most `window` inputs ahead of the writer,
 * which bounds the memory a slow input can make the others wait in. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct {
    const options *o;
    const baogao_patterns *pat;
    const input_list *in;
    output *out;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    size_t next;            /* next input to hand out */
    size_t written;         /* inputs written so far */
    size_t bytes_done;      /* bytes of the inputs converted so far, in any order */
    size_t window;
    job *ring;              /* slot i % window holds input i */
    int stop;
} batch;

typedef struct {
    batch *b;
    int slot;
} worker_arg;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *worker(void *arg)
{
    worker_arg *w = arg;
    batch *b = w->b;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (!b->stop && b->next < b->in->n && b->next >= b->written + b->window)
            pthread_cond_wait(&b->work, &b->mu);
        if (b->stop || b->next >= b->in->n)
            break;
        size_t i = b->next++;
        pthread_mutex_unlock(&b->mu);
        job j;
        memset(&j, 0, sizeof j);
        output_convert(b->out, b->pat, b->in, i, &j, w->slot);
        j.done = 1;
        pthread_mutex_lock(&b->mu);
        b->bytes_done += j.bytes;
        b->ring[i % b->window] = j;
        pthread_cond_signal(&b->done);
    }
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

/* ---- progress, on a terminal only ------------------------------------------------ */

/* Files done of the total, and the time left estimated from bytes: a few
 * large files among many small ones make a count of files a poor clock. */
typedef struct {
    int on;
    int shown;
    double start, last;
    size_t total_bytes;     /* of the inputs, as stat gave them before the run */
} progress;

static size_t input_bytes(const input_list *in)
{
    size_t total = 0;
    for (size_t i = 0; i < in->n; i++) {
        struct stat st;
        if (strcmp(in->items[i].path, "-") != 0 && stat(in->items[i].path, &st) == 0 && S_ISREG(st.st_mode))
            total += (size_t)st.st_size;
    }
    return total;
}

static void progress_clear(progress *p)
{
    if (p->shown) {
        fputs("\r\033[K", stderr);
        p->shown = 0;
    }
}

static void progress_show(progress *p, size_t done, size_t total, size_t bytes, int force)
{
    double t = now();
    if (!p->on || (!force && t - p->last < 0.2))
        return;
    p->last = t;
    double elapsed = t - p->start;
    double rate = elapsed > 0 ? (double)bytes / 1e6 / elapsed : 0;
    size_t all = p->total_bytes > bytes ? p->total_bytes : bytes;  /* a file may have grown */
    char left[32] = "";
    if (bytes > 0 && bytes < all && done < total) {
        long secs = (long)(elapsed * (double)(all - bytes) / (double)bytes + 0.5);
        snprintf(left, sizeof left, ", %ld:%02ld left", secs / 60, secs % 60);
    }
    int pct = all ? (int)(100.0 * (double)bytes / (double)all) : total ? (int)(100.0 * (double)done / (double)total) : 100;
    fprintf(stderr, "\r\033[Kbaogao: %zu/%zu files, %.1f of %.1f MB (%d%%), %.1f MB/s%s", done, total,
            (double)bytes / 1e6, (double)all / 1e6, pct, rate, left);
    fflush(stderr);
    p->shown = 1;
}

/* ---- the run ----------------------------------------------------------------------- */

static void count(batch_stats *st, const job *j)
{
    st->bytes += j->bytes;
    if (j->failed) {
        st->failed++;
        return;
    }
    if (j->skipped)
        st->skipped++;
    else
        st->converted++;
    st->warnings += j->warnings;
    st->mismatches += j->mismatches;
}

void batch_run(const options *o, const baogao_patterns *pat, const input_list *in, output *out, batch_stats *st)
{
    memset(st, 0, sizeof *st);
    double start = now();
    batch b = { .o = o, .pat = pat, .in = in, .out = out };
    size_t nthreads = (size_t)o->jobs < in->n ? (size_t)o->jobs : in->n;
    b.window = 4 * (size_t)o->jobs + 4;
    b.ring = calloc(b.window, sizeof *b.ring);
    pthread_t *threads = calloc(nthreads + 1, sizeof *threads);
    worker_arg *args = calloc(nthreads + 1, sizeof *args);
    if (!b.ring || !threads || !args) {
        fprintf(stderr, "baogao: out of memory\n");
        exit(EXIT_SOME_FAILED);
    }
    pthread_mutex_init(&b.mu, NULL);
    pthread_cond_init(&b.work, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&b.done, &ca);
    pthread_condattr_destroy(&ca);

    size_t started = 0;
    for (size_t k = 0; k < nthreads; k++) {
        args[k].b = &b;
        args[k].slot = (int)k + 1;
        int rc = pthread_create(&threads[started], NULL, worker, &args[k]);
        if (rc != 0) {
            if (started == 0) {
                fprintf(stderr, "baogao: cannot start a thread: %s\n", strerror(rc));
                exit(EXIT_SOME_FAILED);
            }
            break;      /* fewer threads; the work still gets done */
        }
        started++;
    }

    int on = !o->quiet && in->n > 1 && isatty(STDERR_FILENO) && !output_on_terminal(out);
    progress p = { on, 0, start, start, on ? input_bytes(in) : 0 };
    for (size_t i = 0; i < in->n; i++) {
        job *slot = &b.ring[i % b.window];
        pthread_mutex_lock(&b.mu);
        while (!slot->done) {
            struct timespec ts;
            clock_gettime(CLOCK_MONOTONIC, &ts);
            ts.tv_nsec += 200000000L;
            if (ts.tv_nsec >= 1000000000L) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000L;
            }
            if (pthread_cond_timedwait(&b.done, &b.mu, &ts) == ETIMEDOUT) {
                size_t bytes = b.bytes_done;
                pthread_mutex_unlock(&b.mu);
                progress_show(&p, i, in->n, bytes, 0);
                pthread_mutex_lock(&b.mu);
            }
        }
        job j = *slot;
        memset(slot, 0, sizeof *slot);
        b.written = i + 1;
        size_t bytes_done = b.bytes_done;
        pthread_cond_broadcast(&b.work);
        pthread_mutex_unlock(&b.mu);

        count(st, &j);
        if (j.messages) {
            progress_clear(&p);
            fputs(j.messages, stderr);
        }
        int rc = output_emit(out, &j);
        free(j.text);
        free(j.messages);
        if (rc < 0) {
            st->stopped = 1;
            break;
        }
        progress_show(&p, i + 1, in->n, bytes_done, 0);
    }

    pthread_mutex_lock(&b.mu);
    b.stop = 1;
    pthread_cond_broadcast(&b.work);
    pthread_mutex_unlock(&b.mu);
    for (size_t k = 0; k < started; k++)
        pthread_join(threads[k], NULL);
    for (size_t k = 0; k < b.window; k++) {     /* jobs left when the run stopped early */
        free(b.ring[k].text);
        free(b.ring[k].messages);
    }
    progress_clear(&p);
    st->seconds = now() - start;
    pthread_cond_destroy(&b.work);
    pthread_cond_destroy(&b.done);
    pthread_mutex_destroy(&b.mu);
    free(b.ring);
    free(threads);
    free(args);
}
