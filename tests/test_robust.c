/* Hostile input: invalid UTF-8 and NUL bytes (errors, or --lenient
 * repairs), the document size limit, sizes on the command line, impossible
 * dates and huge numbers. Linear time on deeply repetitive text is a
 * measure of speed: tests/linear.c, run by make bench. */
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repair),
        cmocka_unit_test(test_invalid_utf8_and_nul),
        cmocka_unit_test(test_max_size),
        cmocka_unit_test(test_parse_size),
        cmocka_unit_test(test_impossible_dates),
        cmocka_unit_test(test_huge_numbers),
    };
    return cmocka_run_group_tests(tests, fixture_setup_de, fixture_teardown_de);
}
