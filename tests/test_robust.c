/* Hostile input: invalid UTF-8 and NUL bytes (errors, or --lenient
 * repairs), the document size limit, sizes on the command line, impossible
 * dates and huge numbers, and linear time on deeply repetitive text. */
#include <setjmp.h>
#include <stdarg.h>
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

static void expect_repair(const char *in, size_t n, const char *want, size_t want_replaced)
{
    size_t len, replaced;
    char *out = zs_utf8_repair(in, n, &len, &replaced);
    assert_int_equal(len, strlen(want));
    assert_memory_equal(out, want, len);
    assert_int_equal(out[len], '\0');
    assert_int_equal(replaced, want_replaced);
    free(out);
}

#define FFFD "\xEF\xBF\xBD"

static void test_repair(void **state)
{
    (void)state;
    expect_repair("", 0, "", 0);
    expect_repair("M\xC3\xA4rz", 5, "M\xC3\xA4rz", 0);
    expect_repair("a\xFF" "b", 3, "a" FFFD "b", 1);
    expect_repair("a\0b", 3, "a" FFFD "b", 1);
    /* a truncated sequence is one maximal subpart, one U+FFFD */
    expect_repair("x\xE2\x80y", 4, "x" FFFD "y", 1);
    expect_repair("\xE2\x80", 2, FFFD, 1);
    /* a surrogate and an overlong form: each byte that cannot start or
     * continue a sequence is its own subpart */
    expect_repair("\xED\xA0\x80", 3, FFFD FFFD FFFD, 3);
    expect_repair("\xC0\xAF", 2, FFFD FFFD, 2);
    expect_repair("\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD, 4);
    expect_repair("\xF0\x9F\x98\x80!", 5, "\xF0\x9F\x98\x80!", 0);
}

static void test_invalid_utf8_and_nul(void **state)
{
    (void)state;
    static const char bad[] = "2. Mai 2017. Am 3. M\xC3\xA4rz \xFF war es.";
    static const char nul[] = "Am 3. Mai\0 war es.";
    zs_error err = {0};
    assert_null(analyse(bad, sizeof bad - 1, NULL, &err));
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_non_null(strstr(err.msg, "t.txt: invalid UTF-8 at byte 25"));
    assert_null(analyse(nul, sizeof nul - 1, NULL, &err));
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_non_null(strstr(err.msg, "t.txt: NUL byte at byte 9"));

    /* lenient: the bad bytes become U+FFFD, the dates around them count */
    zs_options o = {.lenient = 1};
    zs_doc *d = analyse(bad, sizeof bad - 1, &o, &err);
    assert_non_null(d);
    assert_non_null(strstr(d->text, "M\xC3\xA4rz " FFFD " war"));
    assert_int_equal(zs_doc_timex_count(d), 2);
    assert_string_equal(d->timexes[1].rv.value, "2017-03-03");
    zs_doc_free(d);
    d = analyse(nul, sizeof nul - 1, &o, &err);
    assert_non_null(d);
    assert_int_equal(d->len, sizeof nul - 1 + 2);
    assert_int_equal(zs_doc_timex_count(d), 1);
    zs_doc_free(d);
}

static void test_max_size(void **state)
{
    (void)state;
    static const char text[] = "Am 3. Mai 2017 war es.";
    zs_error err = {0};
    zs_options o = {.max_size = 10};
    assert_null(analyse(text, sizeof text - 1, &o, &err));
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_non_null(strstr(err.msg, "t.txt: document of 22 bytes is larger than the limit of 10 bytes"));
    o.max_size = sizeof text - 1;
    zs_doc *d = analyse(text, sizeof text - 1, &o, &err);
    assert_non_null(d);
    zs_doc_free(d);
    assert_int_equal(ZS_MAX_DOC_SIZE, 64u << 20);
}

static void test_parse_size(void **state)
{
    (void)state;
    size_t v = 0;
    assert_true(zs_parse_size("0", 100, &v) && v == 0);
    assert_true(zs_parse_size("4096", SIZE_MAX, &v) && v == 4096);
    assert_true(zs_parse_size("64M", SIZE_MAX, &v) && v == 64u << 20);
    assert_true(zs_parse_size("64MB", SIZE_MAX, &v) && v == 64u << 20);
    assert_true(zs_parse_size("3k", SIZE_MAX, &v) && v == 3072);
    assert_true(zs_parse_size("2G", (size_t)2 << 30, &v) && v == (size_t)2 << 30);
    assert_false(zs_parse_size("3G", (size_t)2 << 30, &v));
    assert_false(zs_parse_size("", SIZE_MAX, &v));
    assert_false(zs_parse_size("-1", SIZE_MAX, &v));
    assert_false(zs_parse_size("12x", SIZE_MAX, &v));
    assert_false(zs_parse_size("M", SIZE_MAX, &v));
    assert_false(zs_parse_size("1MBB", SIZE_MAX, &v));
    assert_false(zs_parse_size("99999999999999999999999", SIZE_MAX, &v));
    assert_false(zs_parse_size("99999999999999G", SIZE_MAX, &v));
}

/* No timex of the text has a mention containing bad, and every day value
 * is a real day of its month. */
static void expect_no_date(const char *text, const char *bad)
{
    zs_error err = {0};
    zs_doc *d = analyse(text, strlen(text), NULL, &err);
    assert_non_null(d);
    for (size_t i = 0; i < d->ntimexes; i++) {
        const zs_timex *x = &d->timexes[i];
        char *m = zs_xstrndup(d->text + x->b0, x->b1 - x->b0);
        if (strstr(m, bad)) fail_msg("'%s' tagged as %s in '%s'", m, x->rv.value, text);
        free(m);
        int y, mo, day;
        if (sscanf(x->rv.value, "%4d-%2d-%2d", &y, &mo, &day) == 3) {
            assert_in_range(mo, 1, 12);
            assert_in_range(day, 1, zs_days_in_month(y, mo));
        }
    }
    zs_doc_free(d);
}

static void test_impossible_dates(void **state)
{
    (void)state;
    expect_no_date("Am 31. Februar geschah nichts.", "31.");
    expect_no_date("Am 30. Februar 2016 geschah nichts.", "30.");
    expect_no_date("Am 29. Februar 2019 geschah nichts.", "29.");
    expect_no_date("Das Treffen ist am 99. Mai.", "99");
    expect_no_date("Am 0. Mai war es.", "0.");
    expect_no_date("Am 31. April war es.", "31.");
    expect_no_date("Datum: 31.02.2019", "31.02");
    expect_no_date("Datum: 12.13.2019", "12.13");
    expect_no_date("Um 25:70 Uhr war es.", "25");
    expect_no_date("Am 31. und 32. Juni war es.", "32");
}

static void test_huge_numbers(void **state)
{
    (void)state;
    expect_no_date("Im Jahr 99999999999999 war es.", "99999999999999");
    expect_no_date("Vor 99999999999999 Jahren war es.", "99999999999999");
    expect_no_date("In 4294967297 Tagen ist es so weit.", "4294967297");
    expect_no_date("Am 99999999999999. Mai war es.", "99999999999999");
    expect_no_date("Es dauerte 2147483648 Stunden.", "2147483648");
    expect_no_date("Im Jahr 100000 war es.", "100000");
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
 * CPU times at two sizes (linear: 4, with allocation costs up to 6, and up
 * to 11 on a machine busy with other work, whose caches the larger text
 * shares; quadratic: 16), not a time limit. A ratio over the bound is
 * measured once more, against a moment of load. */
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
        cmocka_unit_test(test_repair),
        cmocka_unit_test(test_invalid_utf8_and_nul),
        cmocka_unit_test(test_max_size),
        cmocka_unit_test(test_parse_size),
        cmocka_unit_test(test_impossible_dates),
        cmocka_unit_test(test_huge_numbers),
        cmocka_unit_test(test_linear_time),
    };
    return cmocka_run_group_tests(tests, fixture_setup_de, fixture_teardown_de);
}
