/* English: the templates of templates/en end to end, the numeric date
 * order (the language's "order" line and zs_options.date_order). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "template.h"
#include "zeitstrahl.h"

static zs_lang *en, *de;

static int setup(void **state)
{
    (void)state;
    zs_error err;
    en = zs_lang_load("templates/en", &err);
    if (!en) fprintf(stderr, "%s\n", err.msg);
    de = zs_lang_load("templates/de", &err);
    if (!de) fprintf(stderr, "%s\n", err.msg);
    return en && de ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    zs_lang_free(en);
    zs_lang_free(de);
    return 0;
}

/* The value of the only timex of text read with lang in date order order. */
static void check_value(const zs_lang *lang, const char *text, int order, const char *value)
{
    zs_options o = {.dct = "2019-11-12T15:00-05:00", .date_order = order};
    zs_error err;
    zs_doc *d = zs_doc_new(lang, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_int_equal(d->ntimexes, 1);
    assert_string_equal(d->timexes[0].rv.value, value);
    zs_doc_free(d);
}

static void test_date_order(void **state)
{
    (void)state;
    assert_string_equal(zs_lang_code(en), "en");
    assert_int_equal(en->order, ZS_ORDER_MDY);
    assert_int_equal(de->order, ZS_ORDER_DMY); /* the default without an order line */
    check_value(en, "It closed on 3/12/2015.", ZS_ORDER_LANG, "2015-03-12");
    check_value(en, "It closed on 3/12/2015.", ZS_ORDER_MDY, "2015-03-12");
    check_value(en, "It closed on 3/12/2015.", ZS_ORDER_DMY, "2015-12-03");
    check_value(en, "It closed on 25/12/2015.", ZS_ORDER_DMY, "2015-12-25");
}

/* 25/12/2015 is no month-first date: only the year is left. */
static void test_date_order_invalid(void **state)
{
    (void)state;
    check_value(en, "It closed on 25/12/2015.", ZS_ORDER_MDY, "2015");
}

static void test_english_basics(void **state)
{
    (void)state;
    check_value(en, "The company said yesterday that sales rose.", 0, "2019-11-11");
    check_value(en, "The talks resume next Friday.", 0, "2019-11-15");
    check_value(en, "Profit fell in the third quarter.", 0, "2019-Q3");
    check_value(en, "It may be too late now.", 0, "PRESENT_REF");
}

/* --lang auto: the stop words of each language's templates decide. */
static void test_detect(void **state)
{
    (void)state;
    const zs_lang *both[] = {de, en}, *both_rev[] = {en, de};
    const char *en_text = "The council said on Tuesday that it would not vote before the end of the year.";
    const char *de_text = "Der Rat hat am Dienstag mitgeteilt, dass er vor dem Jahresende nicht abstimmen wird.";
    assert_int_equal(zs_lang_detect(both, 2, en_text, strlen(en_text)), 1);
    assert_int_equal(zs_lang_detect(both, 2, de_text, strlen(de_text)), 0);
    assert_int_equal(zs_lang_detect(both_rev, 2, en_text, strlen(en_text)), 0);
    assert_int_equal(zs_lang_detect(both_rev, 2, de_text, strlen(de_text)), 1);
    /* no stop word of either: the first language */
    assert_int_equal(zs_lang_detect(both, 2, "12345 !!", 8), 0);
    assert_int_equal(zs_lang_detect(both_rev, 2, "Paris, London", 13), 0);
    /* one language: always it */
    assert_int_equal(zs_lang_detect(both, 1, en_text, strlen(en_text)), 0);
    /* capitals and non-ASCII words are folded like article text */
    const char *de_caps = "DIE WAHL IST FÜR DEN RAT UND DIE STADT.";
    assert_int_equal(zs_lang_detect(both_rev, 2, de_caps, strlen(de_caps)), 1);
}

/* Only the first 4 KB count: a long English text with German at its end. */
static void test_detect_prefix(void **state)
{
    (void)state;
    const zs_lang *both[] = {de, en};
    size_t n = 0;
    char *text = malloc(20000);
    while (n + 40 < 8000) n += (size_t)sprintf(text + n, "%s", "the house of the people and the city. ");
    while (n + 40 < 19000) n += (size_t)sprintf(text + n, "%s", "der und die das ist nicht mit den dem. ");
    assert_int_equal(zs_lang_detect(both, 2, text, n), 1);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_order),
        cmocka_unit_test(test_date_order_invalid),
        cmocka_unit_test(test_english_basics),
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_detect_prefix),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
