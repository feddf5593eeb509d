/* main.c — the baogao command: a thin layer over baogao.h.
 * options.c reads the command line, inputs.c lists what to convert,
 * outputs.c (with csv.c and xlsx.c) says where results go, batch.c runs
 * the conversions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void print_error(const baogao_error *e)
{
    if (e->line > 0)
        fprintf(stderr, "baogao: %s:%ld: %s\n", e->file, e->line, e->message);
    else
        fprintf(stderr, "baogao: %s: %s\n", e->file, e->message);
}

/* The closing line of a run with several inputs. */
static void print_summary(const options *o, const batch_stats *st, size_t unread)
{
    double mb = (double)st->bytes / 1e6;
    double rate = st->seconds > 0 ? mb / st->seconds : 0;
    fprintf(stderr, "baogao summary: %zu converted, %zu failed", st->converted, st->failed + unread);
    if (o->resume)
        fprintf(stderr, ", %zu up to date", st->skipped);
    fprintf(stderr, ", %zu warnings, %zu mismatches, %zu bytes in %.2f s (%.1f MB/s)%s\n", st->warnings,
            st->mismatches, st->bytes, st->seconds, rate,
            st->stopped ? "; stopped: the output could not be written" : "");
}

int main(int argc, char **argv)
{
    options o;
    int rc = options_parse(argc, argv, &o);
    if (rc >= 0) {
        options_free(&o);
        return rc;
    }
    baogao_error e;
    baogao_patterns *pat = baogao_patterns_load(o.patterns_dir, &e);
    if (!pat) {
        print_error(&e);
        options_free(&o);
        return e.code == BAOGAO_ERR_PATTERN || e.code == BAOGAO_ERR_IO ? EXIT_USAGE : EXIT_SOME_FAILED;
    }
    input_list in;
    inputs_collect(&o, &in);
    if (in.n == 0) {            /* nothing to run: no output is made, and no summary of a run */
        if (in.excluded)
            fprintf(stderr, "baogao: no input files: --include matched none of the %zu files found\n", in.excluded);
        else
            fprintf(stderr, "baogao: no input files\n");
        inputs_free(&in);
        baogao_patterns_free(pat);
        options_free(&o);
        return EXIT_SOME_FAILED;
    }
    temp_track_init(o.jobs + 1);
    int usage = 0;
    output *out = output_open(&o, &in, &usage);
    if (!out) {
        inputs_free(&in);
        baogao_patterns_free(pat);
        options_free(&o);
        return usage ? EXIT_USAGE : EXIT_SOME_FAILED;
    }
    batch_stats st;
    batch_run(&o, pat, &in, out, &st);
    int closed = output_close(out, !st.stopped);
    int several = in.n != 1;
    for (size_t i = 0; i < o.nsources; i++)
        several |= o.sources[i].kind != SRC_FILE;
    if (several && !o.quiet)
        print_summary(&o, &st, in.failed);
    int failed = st.failed || st.stopped || in.failed || closed < 0;
    inputs_free(&in);
    baogao_patterns_free(pat);
    options_free(&o);
    if (failed)
        return EXIT_SOME_FAILED;
    return o.fail_on_mismatch && st.mismatches ? EXIT_MISMATCH : EXIT_ALL_OK;
}
