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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_order),
        cmocka_unit_test(test_date_order_invalid),
        cmocka_unit_test(test_english_basics),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
