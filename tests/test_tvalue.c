/* Calendar core, ISO 8601 parsing, zone offsets and value resolution. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "resolve.h"
#include "tvalue.h"

static void test_civil_roundtrip(void **state)
{
    (void)state;
    assert_int_equal(zs_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(zs_days_from_civil(2000, 3, 1), 11017);
    for (int64_t d = -800000; d < 800000; d += 997) {
        int y, m, dd;
        zs_civil_from_days(d, &y, &m, &dd);
        assert_int_equal(zs_days_from_civil(y, m, dd), d);
    }
    assert_int_equal(zs_days_in_month(2016, 2), 29);
    assert_int_equal(zs_days_in_month(1900, 2), 28);
    assert_int_equal(zs_days_in_month(2000, 2), 29);
}

static void test_weekday_and_week(void **state)
{
    (void)state;
    int64_t d = zs_days_from_civil(2017, 5, 2);
    assert_int_equal(zs_weekday(d), 2); /* a Tuesday */
    int iy;
    assert_int_equal(zs_iso_week(d, &iy), 18);
    assert_int_equal(iy, 2017);
    /* 2021-01-03 belongs to ISO week 53 of 2020 */
    assert_int_equal(zs_iso_week(zs_days_from_civil(2021, 1, 3), &iy), 53);
    assert_int_equal(iy, 2020);
    assert_int_equal(zs_iso_week_monday(2017, 18), zs_days_from_civil(2017, 5, 1));
}

static void test_easter(void **state)
{
    (void)state;
    assert_int_equal(zs_easter(2017), zs_days_from_civil(2017, 4, 16));
    assert_int_equal(zs_easter(2019), zs_days_from_civil(2019, 4, 21));
    assert_int_equal(zs_easter(2038), zs_days_from_civil(2038, 4, 25));
}

static void test_parse_iso(void **state)
{
    (void)state;
    zs_lsec t;
    bool ht, ho;
    int off;
    assert_true(zs_parse_iso("2017-05-02T21:06+02:00", &t, &ht, &ho, &off));
    assert_true(ht && ho);
    assert_int_equal(off, 7200);
    assert_int_equal(t, zs_lsec_make(zs_days_from_civil(2017, 5, 2), 21, 6, 0));
    assert_true(zs_parse_iso("2017-05-02", &t, &ht, &ho, &off));
    assert_false(ht);
    assert_true(zs_parse_iso("2016-02-29T00:00Z", &t, &ht, &ho, &off));
    assert_false(zs_parse_iso("2017-02-29", &t, &ht, &ho, &off));
    assert_false(zs_parse_iso("2017-5-2", &t, &ht, &ho, &off));
    assert_false(zs_parse_iso("2017-05-02T25:00", &t, &ht, &ho, &off));
    assert_false(zs_parse_iso("gestern", &t, &ht, &ho, &off));
    assert_false(zs_parse_iso("2017-05-02x", &t, &ht, &ho, &off));
}

static void test_tz_offset(void **state)
{
    (void)state;
    zs_lsec summer = zs_lsec_make(zs_days_from_civil(2017, 5, 2), 21, 6, 0);
    zs_lsec winter = zs_lsec_make(zs_days_from_civil(2017, 12, 2), 12, 0, 0);
    assert_int_equal(zs_tz_offset("Europe/Berlin", summer), 7200);
    assert_int_equal(zs_tz_offset("Europe/Berlin", winter), 3600);
    assert_true(zs_tz_valid("Europe/Vienna"));
    assert_false(zs_tz_valid("Mars/Olympus"));
    char buf[48];
    assert_string_equal(zs_format_lsec(buf, sizeof buf, summer, false, "Europe/Berlin"),
                        "2017-05-02T21:06+02:00");
    assert_string_equal(zs_format_lsec(buf, sizeof buf, winter, true, NULL), "2017-12-02");
}

static zs_lsec dct(void)
{
    return zs_lsec_make(zs_days_from_civil(2017, 5, 2), 21, 6, 0);
}

static void test_resolve_month_tense(void **state)
{
    (void)state;
    zs_tv tv;
    zs_rv rv;
    zs_tv_init(&tv);
    tv.month = 1;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_PAST, &rv));
    assert_string_equal(rv.value, "2017-01");
    assert_int_equal(rv.gran, ZS_GRAN_MONTH);
    tv.month = 7;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_PAST, &rv));
    assert_string_equal(rv.value, "2016-07");
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_FUTURE, &rv));
    assert_string_equal(rv.value, "2017-07");
    tv.month = 3;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_FUTURE, &rv));
    assert_string_equal(rv.value, "2018-03");
    /* said in May: May by the tense alone is this one, "last May" and
     * "next May" (a rule's dir) the ones a year away */
    tv.month = 5;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_PAST, &rv));
    assert_string_equal(rv.value, "2017-05");
    tv.dir = ZS_DIR_PAST;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_PAST, &rv));
    assert_string_equal(rv.value, "2016-05");
    tv.dir = ZS_DIR_FUTURE;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_FUTURE, &rv));
    assert_string_equal(rv.value, "2018-05");
    /* so is a season said while it runs ("last spring" in May) */
    zs_tv_init(&tv);
    tv.season = ZS_SEASON_SP;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_PAST, &rv));
    assert_string_equal(rv.value, "2017-SP");
    tv.dir = ZS_DIR_PAST;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_PAST, &rv));
    assert_string_equal(rv.value, "2016-SP");
    tv.season = ZS_SEASON_SU; /* "last summer" in May: the one before */
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_PAST, &rv));
    assert_string_equal(rv.value, "2016-SU");
    tv.dir = ZS_DIR_FUTURE;
    tv.season = ZS_SEASON_SP;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_FUTURE, &rv));
    assert_string_equal(rv.value, "2018-SP");
}

static void test_resolve_mod_and_pod(void **state)
{
    (void)state;
    zs_tv tv;
    zs_rv rv;
    zs_tv_init(&tv);
    tv.month = 4;
    tv.mod = ZS_MOD_START;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "2017-04");
    assert_int_equal(rv.mod, ZS_MOD_START);
    assert_int_equal(rv.begin, zs_lsec_make(zs_days_from_civil(2017, 4, 1), 0, 0, 0));
    assert_int_equal(rv.until, zs_lsec_make(zs_days_from_civil(2017, 4, 11), 0, 0, 0));
    tv.mod = ZS_MOD_END;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_int_equal(rv.begin, zs_lsec_make(zs_days_from_civil(2017, 4, 21), 0, 0, 0));
    assert_int_equal(rv.until, zs_lsec_make(zs_days_from_civil(2017, 5, 1), 0, 0, 0));

    zs_tv_init(&tv);
    tv.weekday = 2;
    tv.pod = ZS_POD_NI;
    tv.type = ZS_TIME;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "2017-05-02TNI");
    assert_int_equal(rv.type, ZS_TIME);
    assert_int_equal(rv.until - rv.begin, 8 * 3600); /* 22:00 to 06:00 */
}

static void test_resolve_relative_and_impossible(void **state)
{
    (void)state;
    zs_tv tv;
    zs_rv rv;
    zs_tv_init(&tv);
    tv.offset = -1;
    tv.unit = ZS_U_DAY;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "2017-05-01");
    tv.offset = 1;
    tv.unit = ZS_U_WEEK;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "2017-W19");
    tv.offset = -5;
    tv.unit = ZS_U_MONTH;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "2016-12");
    tv.offset = -1; /* "this time last year": keep=day, the day a year back */
    tv.unit = ZS_U_YEAR;
    tv.keep = ZS_U_DAY;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "2016-05-02");
    assert_int_equal(rv.gran, ZS_GRAN_DAY);
    tv.offset = 1;
    tv.unit = ZS_U_WEEK;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "2017-05-09");
    tv.unit = ZS_U_YEAR; /* from Feb. 29: the last day of February */
    assert_true(zs_tv_resolve(&tv, zs_lsec_make(zs_days_from_civil(2016, 2, 29), 12, 0, 0),
                              ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "2017-02-28");
    tv.keep = ZS_U_NONE;
    tv.offset = -1; /* "a century ago" */
    tv.unit = ZS_U_CENTURY;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "19");
    assert_int_equal(rv.gran, ZS_GRAN_CENTURY);
    /* "the turn of the century": the nearest boundary, or the one the
     * direction says; three years either side of it */
    zs_tv_init(&tv);
    tv.turn = 100;
    tv.mod = ZS_MOD_START;
    zs_lsec y1998 = zs_lsec_make(zs_days_from_civil(1998, 5, 5), 10, 0, 0);
    assert_true(zs_tv_resolve(&tv, y1998, ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "20");
    assert_int_equal(rv.mod, ZS_MOD_START);
    assert_true(rv.begin == zs_lsec_make(zs_days_from_civil(1997, 1, 1), 0, 0, 0));
    assert_true(rv.until == zs_lsec_make(zs_days_from_civil(2003, 1, 1), 0, 0, 0));
    assert_true(zs_tv_resolve(&tv, y1998, ZS_DIR_PAST, &rv));
    assert_string_equal(rv.value, "19");
    assert_true(rv.begin == zs_lsec_make(zs_days_from_civil(1897, 1, 1), 0, 0, 0));
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_FUTURE, &rv)); /* 2017: 2100 */
    assert_string_equal(rv.value, "21");
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "20");
    tv.offset = -1; /* "the turn of the last century": before the nearest */
    assert_true(zs_tv_resolve(&tv, y1998, ZS_DIR_PAST, &rv));
    assert_string_equal(rv.value, "19");
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "19");
    assert_false(zs_tv_uses_hint(&tv));
    tv.offset = ZS_UNSET;
    assert_true(zs_tv_uses_hint(&tv));
    tv.turn = 1000; /* the millennium: 2000, also said in 1600 */
    assert_true(zs_tv_resolve(&tv, y1998, ZS_DIR_PAST, &rv));
    assert_string_equal(rv.value, "10");
    assert_true(zs_tv_resolve(&tv, y1998, ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "20");
    tv.turn = 150; /* no period of whole centuries */
    assert_false(zs_tv_resolve(&tv, y1998, ZS_DIR_NONE, &rv));

    zs_tv_init(&tv);
    tv.day = 31;
    tv.month = 2;
    tv.year = 2019;
    assert_false(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    tv.day = 29;
    tv.year = 2016;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "2016-02-29");

    zs_tv_init(&tv);
    tv.type = ZS_DURATION;
    tv.amount = 3;
    tv.unit = ZS_U_DAY;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "P3D");
    assert_false(rv.has_interval);
    tv.unit = ZS_U_HOUR;
    tv.amount = 2;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "PT2H");

    /* a second, finer part: "two hours and 30 minutes", "two weeks and
     * three days"; a part not finer is left out */
    tv.and_amount = 30;
    tv.and_unit = ZS_U_MINUTE;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "PT2H30M");
    tv.unit = ZS_U_WEEK;
    tv.and_amount = 3;
    tv.and_unit = ZS_U_DAY;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "P17D");
    tv.unit = ZS_U_YEAR;
    tv.and_unit = ZS_U_HOUR;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "P2YT3H");
    tv.unit = ZS_U_MONTH;
    tv.and_unit = ZS_U_YEAR;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "P2M");

    /* sets: one unit by default, amount 0 an unknown number of them */
    zs_tv_init(&tv);
    tv.type = ZS_SET;
    tv.unit = ZS_U_DAY;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "P1D");
    tv.amount = 0;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "PXD");
    tv.amount = 3;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "P3D");
}

/* zs_tv_uses_hint says when the tense hint cannot change a value, so that
 * the hint is not looked for: for values made of random field choices, a
 * value it clears resolves the same under every hint. */
/* A set of a weekday at a clock time: "jeden Freitagmittag". */
/* "vor zwei Wochen" (duration, dir=past): the value is the amount of
 * time, the interval the week that far back; "in drei Monaten" the month
 * ahead; an amount not known ("vor wenigen Tagen") or of hours has none. */
static void test_resolve_pointed_duration(void **state)
{
    (void)state;
    zs_tv tv;
    zs_rv rv;
    zs_tv_init(&tv);
    tv.type = ZS_DURATION;
    tv.amount = 2;
    tv.unit = ZS_U_WEEK;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "P2W");
    assert_false(rv.has_interval);
    tv.dir = ZS_DIR_PAST;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "P2W");
    assert_int_equal(rv.type, ZS_DURATION);
    assert_true(rv.has_interval);
    assert_int_equal(rv.gran, ZS_GRAN_WEEK);
    assert_int_equal(rv.begin, zs_lsec_make(zs_days_from_civil(2017, 4, 17), 0, 0, 0));
    assert_int_equal(rv.until, zs_lsec_make(zs_days_from_civil(2017, 4, 24), 0, 0, 0));
    tv.amount = 3;
    tv.unit = ZS_U_MONTH;
    tv.dir = ZS_DIR_FUTURE;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "P3M");
    assert_true(rv.has_interval);
    assert_int_equal(rv.begin, zs_lsec_make(zs_days_from_civil(2017, 8, 1), 0, 0, 0));
    tv.amount = ZS_UNSET;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "PXM");
    assert_false(rv.has_interval);
    tv.amount = 2;
    tv.unit = ZS_U_HOUR;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_false(rv.has_interval);
}

static void test_resolve_set_weekday_hour(void **state)
{
    (void)state;
    zs_tv tv;
    zs_rv rv;
    zs_tv_init(&tv);
    tv.type = ZS_SET;
    tv.weekday = 5;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "XXXX-WXX-5");
    tv.hour = 12;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "XXXX-WXX-5T12:00");
    tv.minute = 30;
    assert_true(zs_tv_resolve(&tv, dct(), ZS_DIR_NONE, &rv));
    assert_string_equal(rv.value, "XXXX-WXX-5T12:30");
}

static void test_uses_hint_agrees_with_resolve(void **state)
{
    (void)state;
    static const int32_t years[] = {ZS_UNSET, 2016, 2017, 2018};
    static const int32_t months[] = {ZS_UNSET, 1, 5, 7, 12};
    static const int32_t days[] = {ZS_UNSET, 1, 2, 15, 31};
    static const int32_t weekdays[] = {ZS_UNSET, 1, 2, 5, 7};
    static const int32_t hours[] = {ZS_UNSET, 9, 21};
    static const int32_t offsets[] = {ZS_UNSET, -1, 0, 1, 2};
    static const int32_t small[] = {ZS_UNSET, 1, 2};
    static const int32_t decades[] = {ZS_UNSET, 199, 90};
    static const int32_t centuries[] = {ZS_UNSET, 20, 21};
    static const zs_dir hints[] = {ZS_DIR_NONE, ZS_DIR_PAST, ZS_DIR_FUTURE, ZS_DIR_SAME};
#define PICK(a) ((a)[next() % (sizeof(a) / sizeof *(a))])
    uint64_t x = 0x9E3779B97F4A7C15ull;
#define next() (x ^= x << 13, x ^= x >> 7, x ^= x << 17, x >> 11)
    int cleared = 0;
    for (int n = 0; n < 200000; n++) {
        zs_tv tv;
        zs_tv_init(&tv);
        tv.type = (zs_ttype)(next() % 8 < 6 ? next() % 2 : next() % 4);
        tv.year = PICK(years);
        tv.month = PICK(months);
        tv.day = PICK(days);
        tv.weekday = next() % 3 ? ZS_UNSET : PICK(weekdays);
        tv.hour = next() % 3 ? ZS_UNSET : PICK(hours);
        tv.offset = next() % 2 ? ZS_UNSET : PICK(offsets);
        tv.unit = (zs_unit)(next() % 2 ? ZS_U_NONE : next() % (ZS_U_HALF + 1));
        tv.amount = tv.type == ZS_DURATION ? 3 : ZS_UNSET;
        tv.week = next() % 6 ? ZS_UNSET : PICK(small);
        tv.quarter = next() % 6 ? ZS_UNSET : PICK(small);
        tv.half = next() % 8 ? ZS_UNSET : PICK(small);
        tv.decade = next() % 6 ? ZS_UNSET : PICK(decades);
        tv.century = next() % 8 ? ZS_UNSET : PICK(centuries);
        tv.season = (zs_season)(next() % 6 ? ZS_SEASON_NONE : next() % 5);
        tv.pod = (zs_pod)(next() % 6 ? ZS_POD_NONE : next() % 6);
        tv.ref = (zs_ref)(next() % 10 ? ZS_REF_NONE : next() % 4);
        tv.dir = (zs_dir)(next() % 4 ? ZS_DIR_NONE : 1 + next() % 2);
        tv.lean = (zs_dir)(next() % 3 ? ZS_DIR_NONE : 1 + next() % 2);
        tv.anchor = (zs_anchor)(next() % 2);
        if (zs_tv_uses_hint(&tv)) continue;
        cleared++;
        zs_rv first;
        bool ok = zs_tv_resolve(&tv, dct(), hints[0], &first);
        for (size_t h = 1; h < sizeof hints / sizeof *hints; h++) {
            zs_rv rv;
            assert_int_equal(zs_tv_resolve(&tv, dct(), hints[h], &rv), ok);
            if (!ok) continue;
            assert_string_equal(rv.value, first.value);
            assert_int_equal(rv.type, first.type);
            assert_int_equal(rv.mod, first.mod);
            assert_int_equal(rv.gran, first.gran);
            assert_int_equal(rv.has_interval, first.has_interval);
            if (rv.has_interval) {
                assert_true(rv.begin == first.begin);
                assert_true(rv.until == first.until);
            }
        }
    }
#undef next
#undef PICK
    assert_true(cleared > 10000); /* the test looks at many such values */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_civil_roundtrip),
        cmocka_unit_test(test_weekday_and_week),
        cmocka_unit_test(test_easter),
        cmocka_unit_test(test_parse_iso),
        cmocka_unit_test(test_tz_offset),
        cmocka_unit_test(test_resolve_month_tense),
        cmocka_unit_test(test_resolve_mod_and_pod),
        cmocka_unit_test(test_resolve_relative_and_impossible),
        cmocka_unit_test(test_resolve_pointed_duration),
        cmocka_unit_test(test_resolve_set_weekday_hour),
        cmocka_unit_test(test_uses_hint_agrees_with_resolve),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
