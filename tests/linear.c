/* make bench: linear time on deeply repetitive text. Each unit of text
 * ("Montag ", "am 3. und ", ...) is analysed repeated n and 4n times and
 * the ratio of the CPU times printed; a ratio over LINEAR_RATIO_MAX fails.
 * A measure of time, so it runs with the other measures of speed in
 * make bench, on an otherwise idle machine, not in make check. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "doc.h"
#include "fixture.h"
#include "util.h"
#include "zeitstrahl.h"

static zs_doc *analyse(const char *text, size_t len, const zs_options *o, zs_error *err)
{
    zs_options opts = o ? *o : (zs_options){0};
    if (!opts.dct) opts.dct = "2017-05-02";
    return zs_doc_new(fixture_de, "t.txt", text, len, &opts, err);
}

/* CPU seconds zs_doc_new takes for unit repeated n times (best of three). */
static double cpu_seconds(const char *unit, size_t n, size_t *ntimexes)
{
    size_t ul = strlen(unit);
    char *text = zs_xmalloc(ul * n + 1);
    for (size_t i = 0; i < n; i++) memcpy(text + i * ul, unit, ul);
    double best = 1e9;
    int runs = getenv("ZS_VALGRIND") ? 1 : 3;
    for (int run = 0; run < runs; run++) {
        struct timespec a, b;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
        zs_error err = {0};
        zs_doc *d = analyse(text, ul * n, NULL, &err);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
        assert_non_null(d);
        *ntimexes = zs_doc_timex_count(d);
        zs_doc_free(d);
        double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
        if (s < best) best = s;
    }
    free(text);
    return best;
}

/* Four times the text takes at most about four times as long: the ratio of
 * CPU times at two sizes (linear: 4 in instructions, up to about 10 in time
 * on an idle 2-core virtual machine, where the larger text's memory costs
 * more per byte, and more on a busy one; quadratic: 16 in instructions
 * alone). A ratio over the bound is measured once more. */
#define LINEAR_RATIO_MAX 12.0
static void test_linear_time(void **state)
{
    (void)state;
    static const char *const units[] = {
        "Montag ",                  /* a timex per word */
        "am 3. und ",               /* an open coordination */
        "vor drei Tagen, ",         /* relative values */
        "Gipfel Treffen ",          /* events without punctuation */
        "Montag Dienstag 2017 Mai ", /* overlapping candidates */
        "1. 2. ",                   /* ordinals that are no dates */
        "a ",                       /* nothing at all */
        "nach dem Gipfel ",         /* signals without events to relate */
        "Am Montag traf er sie, nach dem Gipfel. ",            /* dated events */
        "Am 3. Mai 2017 war der Gipfel, danach das Treffen. ", /* related events */
    };
    /* under valgrind (make leakcheck) everything is 50 times slower */
    bool slow = getenv("ZS_VALGRIND") && strcmp(getenv("ZS_VALGRIND"), "1") == 0;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        size_t n = (slow ? 10000 : 60000) / strlen(units[i]), t1, t4; /* bytes */
        double small = cpu_seconds(units[i], n, &t1);
        /* long enough to measure: at least 40 ms */
        for (int k = 0; k < 6 && small < 0.04; k++) small = cpu_seconds(units[i], n *= 2, &t1);
        double large = cpu_seconds(units[i], 4 * n, &t4);
        /* the same work per repetition */
        assert_true(t4 + 4 >= 4 * t1 && t4 <= 4 * t1 + 4);
        if (small < 0.005) small = 0.005; /* below the noise */
        double ratio = large / small;
        if (ratio > LINEAR_RATIO_MAX) {
            double again = cpu_seconds(units[i], 4 * n, &t4) / small;
            if (again < ratio) ratio = again;
        }
        printf("'%s' x %zu: %.3f s, x %zu: %.3f s, ratio %.2f\n", units[i], n, small, 4 * n,
               large, ratio);
        if (ratio > LINEAR_RATIO_MAX)
            fail_msg("'%s': 4x the text took %.1fx the time", units[i], ratio);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_linear_time),
    };
    return cmocka_run_group_tests(tests, fixture_setup_de, fixture_teardown_de);
}
