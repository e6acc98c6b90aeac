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
#include "fixture.h"
#include "resolve.h"
#include "text.h"
#include "template.h"
#include "writers.h"
#include "zeitstrahl.h"

static zs_lang *en, *de;

static int setup(void **state)
{
    int r = fixture_setup_en_de(state);
    en = fixture_en;
    de = fixture_de;
    return r;
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

/* clause_open: the tense cues of a date stop at a conjunction and the
 * subject of another clause ("and it"); without one the nearer cue wins. */
static void test_clause_open(void **state)
{
    (void)state;
    check_value(en, "The president signed the order on Sept. 30 and it takes effect in full.", 0,
                "2019-09-30");
    check_value(en, "The president signed the order on Sept. 30 that takes effect in full.", 0,
                "2020-09-30");
}

/* clock=: hour and minute in one number of four digits; a minute past 59
 * makes no time (nor a year: the block keeps it). */
static void test_clock_field(void **state)
{
    (void)state;
    check_value(en, "The ceasefire starts at 1400 GMT.", 0, "2019-11-12T14:00");
    check_value(en, "Talks resumed by 0630 GMT.", 0, "2019-11-12T06:30");
    const char *text = "It rose at 1475 GMT.";
    zs_options o = {.dct = "2019-11-12T15:00-05:00"};
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_int_equal(d->ntimexes, 0);
    zs_doc_free(d);
}

/* The first timex of a doc whose text starts with mention. */
static const zs_timex *timex_at(const zs_doc *d, const char *mention)
{
    for (size_t i = 0; i < d->ntimexes; i++)
        if (strncmp(d->text + d->timexes[i].b0, mention, strlen(mention)) == 0)
            return &d->timexes[i];
    fail_msg("no timex \"%s\"", mention);
    return NULL;
}

static zs_lsec wall(int y, int m, int day, int h, int mi)
{
    return zs_lsec_make(zs_days_from_civil(y, m, day), h, mi, 0);
}

/* A clock time with a zone word is that instant: its interval (kept in the
 * article's zone) and the event it dates move, its value does not; JSONL
 * writes it in the word's offset. Without a zone word, or with "local
 * time", the clock is the article's. */
static void test_clock_zone(void **state)
{
    (void)state;
    const char *text = "The ceasefire starts at 1400 GMT on July 7. "
                       "Talks resumed at 9:30 a.m. EST. "
                       "The envoy arrived at 14:30, and the vote began at 2 p.m. local time.";
    zs_options o = {.dct = "2017-07-05", .tz = "Europe/Berlin"};
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    const zs_timex *x = timex_at(d, "1400 GMT");
    assert_string_equal(x->rv.value, "2017-07-07T14:00");
    assert_true(x->has_zone);
    assert_int_equal(x->zone_off, 0);
    assert_true(x->rv.begin == wall(2017, 7, 7, 16, 0)); /* 16:00 in Berlin (CEST) */
    assert_true(x->rv.until == wall(2017, 7, 7, 16, 1));
    x = timex_at(d, "9:30 a.m. EST");
    assert_string_equal(x->rv.value, "2017-07-07T09:30");
    assert_int_equal(x->zone_off, -5 * 3600);
    assert_true(x->rv.begin == wall(2017, 7, 7, 16, 30)); /* 14:30 UTC */
    x = timex_at(d, "14:30");
    assert_false(x->has_zone);
    assert_true(x->rv.begin == wall(2017, 7, 7, 14, 30));
    x = timex_at(d, "2 p.m. local time");
    assert_false(x->has_zone);
    assert_true(x->rv.begin == wall(2017, 7, 7, 14, 0));
    bool dated = false; /* "starts" at the ceasefire's instant */
    for (size_t i = 0; i < d->nevents; i++)
        if (strncmp(d->text + d->events[i].b0, "starts", 6) == 0) {
            dated = true;
            assert_true(d->events[i].begin == wall(2017, 7, 7, 16, 0));
        }
    assert_true(dated);
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    zs_buf out = {0};
    assert_int_equal(zs_write_jsonl(g, &out, &err), 0);
    assert_non_null(strstr(out.data, "\"text\":\"1400 GMT on July 7\""));
    assert_non_null(strstr(out.data, "\"begin\":\"2017-07-07T14:00+00:00\","
                                     "\"until\":\"2017-07-07T14:01+00:00\""));
    assert_non_null(strstr(out.data, "\"begin\":\"2017-07-07T09:30-05:00\""));
    assert_non_null(strstr(out.data, "\"begin\":\"2017-07-07T14:30+02:00\""));
    assert_non_null(strstr(out.data, "\"time\":\"t1\",\"begin\":\"2017-07-07T16:00+02:00\""));
    zs_buf_free(&out);
    zs_graph_free(g);
    zs_doc_free(d);

    /* both ends of a range share the zone written after the second */
    text = "Trading runs from 9:00 to 17:30 GMT.";
    d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    x = timex_at(d, "9:00");
    assert_true(x->has_zone);
    assert_true(x->rv.begin == wall(2017, 7, 5, 11, 0));
    x = timex_at(d, "17:30 GMT");
    assert_true(x->rv.begin == wall(2017, 7, 5, 19, 30));
    zs_doc_free(d);

    /* a named zone gives its offset at that date: EDT in July, EST in January */
    text = "Trading opens at 9:30 a.m. ET on July 7. It closed at 4 p.m. eastern time on Jan. 9.";
    d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    x = timex_at(d, "9:30 a.m. ET");
    assert_int_equal(x->zone_off, -4 * 3600);
    assert_true(x->rv.begin == wall(2017, 7, 7, 15, 30));
    x = timex_at(d, "4 p.m. eastern time");
    assert_int_equal(x->zone_off, -5 * 3600);
    assert_true(x->rv.begin == wall(2017, 1, 9, 22, 0)); /* CET */
    zs_doc_free(d);
    /* every zone= of the lexicons is a zone ICU knows */
    const zs_lang *langs[] = {en, de};
    int named = 0;
    for (int l = 0; l < 2; l++)
        for (uint32_t i = 0; i < langs[l]->nentries; i++) {
            const zs_entry *e = langs[l]->entries[i];
            const zs_attr *a = e->lex == langs[l]->lex_zone_abbr ? zs_entry_attr(e, "zone") : NULL;
            if (!a) continue;
            assert_true(zs_tz_valid(a->sym));
            named++;
        }
    assert_true(named >= 4);

    /* German: "14 Uhr MEZ" in summer is 15:00 in Berlin, "Ortszeit" stays */
    text = "Die Waffenruhe beginnt am 7. Juli um 14 Uhr MEZ. Die Wahl endet um 18 Uhr Ortszeit.";
    d = zs_doc_new(de, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    x = timex_at(d, "14 Uhr MEZ");
    assert_string_equal(x->rv.value, "2017-07-07T14:00");
    assert_int_equal(x->zone_off, 3600);
    assert_true(x->rv.begin == wall(2017, 7, 7, 15, 0));
    x = timex_at(d, "18 Uhr Ortszeit");
    assert_false(x->has_zone);
    assert_true(x->rv.begin == wall(2017, 7, 7, 18, 0));
    zs_doc_free(d);
}

/* A clock time without a zone word takes the instant of its gloss, the
 * same time in another zone in parentheses right after it: "10 a.m.
 * (0700 GMT)" is 07:00 UTC, its value the clock as written. */
static void test_gloss_zone(void **state)
{
    (void)state;
    const char *text = "Talks began at 10 a.m. (0700 GMT). The blast came at 14:30 (1130 UTC). "
                       "Polls open at 2 p.m. local time (1200 GMT). "
                       "Prices fell at 9 a.m. (see table). The vote ended at 8 p.m. (1900 EST).";
    zs_options o = {.dct = "1998-05-05", .tz = "America/New_York"};
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    const zs_timex *x = timex_at(d, "10 a.m.");
    assert_string_equal(x->rv.value, "1998-05-05T10:00");
    assert_true(x->has_zone);
    assert_int_equal(x->zone_off, 3 * 3600);
    assert_true(x->rv.begin == wall(1998, 5, 5, 3, 0)); /* 07:00 UTC is 03:00 EDT */
    x = timex_at(d, "14:30");
    assert_int_equal(x->zone_off, 3 * 3600);
    x = timex_at(d, "2 p.m. local time");
    assert_true(x->has_zone);
    assert_int_equal(x->zone_off, 2 * 3600);
    x = timex_at(d, "9 a.m.");
    assert_false(x->has_zone);
    assert_true(x->rv.begin == wall(1998, 5, 5, 9, 0));
    x = timex_at(d, "8 p.m.");
    assert_int_equal(x->zone_off, -4 * 3600); /* one hour ahead of EST */
    zs_doc_free(d);
}

/* A clock time with a zone word in the dateline is the publication
 * instant, in the article's zone as --dct with an offset is; the dateline
 * timex moves with it, its value stays the clock as written. Without a
 * zone word the clock is the article's. */
static void test_dateline_zone(void **state)
{
    (void)state;
    zs_options o = {.tz = "America/New_York"};
    zs_error err;
    const char *text = "BAGHDAD, May 5, 1998, 14:30 GMT (Reuters) -\nTalks ended today.";
    zs_doc *d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_true(d->dct == wall(1998, 5, 5, 10, 30)); /* 14:30 UTC is 10:30 EDT */
    assert_int_equal(d->dct_gran, ZS_GRAN_MINUTE);
    const zs_timex *x = timex_at(d, "May 5, 1998, 14:30 GMT");
    assert_true(x->is_dct);
    assert_string_equal(x->rv.value, "1998-05-05T14:30");
    assert_true(x->has_zone);
    assert_true(x->rv.begin == wall(1998, 5, 5, 10, 30));
    zs_doc_free(d);
    /* named zone, after the clock and before the date */
    text = "Updated 10:30 a.m. PDT, May 5, 1998\nTalks ended today.";
    d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_true(d->dct == wall(1998, 5, 5, 13, 30));
    zs_doc_free(d);
    /* no zone word: the article's clock */
    text = "May 5, 1998, 14:30\nTalks ended today.";
    d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_true(d->dct == wall(1998, 5, 5, 14, 30));
    assert_false(d->timexes[d->dct_timex].has_zone);
    zs_doc_free(d);
}

/* A day of a month in a year named relative to the publication: the day,
 * not the month ("1 January next year"; 29 February of a leap year). */
static void test_day_month_rel_year(void **state)
{
    (void)state;
    check_value(en, "The treaty takes effect on 1 January next year.", 0, "2020-01-01");
    check_value(en, "It was signed on March 15 last year.", 0, "2018-03-15");
    check_value(en, "The vote is on 29 February next year.", 0, "2020-02-29");
}

/* Quotation marks by their Unicode property: an apostrophe-like mark and
 * the grave accent only doubled. */
static void test_quotes(void **state)
{
    (void)state;
    static const char text[] = "A \"b\" \u201Cc\u201D \u00ABd\u00BB \u2039e\u203A \u201Ef\u201C "
                               "``g'' \u2019\u2019h\u2019\u2019 don't O\u2019Neill 'i' \u2018j\u2019 "
                               "(k) x; y.";
    zs_options o = {.dct = "2019-11-12"};
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    char quotes[128] = "";
    size_t n = 0, marks = 0;
    for (uint32_t i = 0; i < d->ntoks; i++) {
        const zs_token *t = &d->toks[i];
        if (t->kind == ZS_TOK_PUNCT) marks++;
        if (!zs_is_quote(d, i)) continue;
        assert_true(n + (t->b1 - t->b0) < sizeof quotes);
        memcpy(quotes + n, text + t->b0, t->b1 - t->b0);
        n += t->b1 - t->b0;
        quotes[n] = '\0';
    }
    assert_string_equal(quotes, "\"\"\u201C\u201D\u00AB\u00BB\u2039\u203A\u201E\u201C``''"
                                "\u2019\u2019\u2019\u2019");
    assert_true(marks > 20); /* the single marks, brackets, ; and . are tokens too */
    zs_doc_free(d);
    /* a quote ends a tense cue's clause: the future of the sentence around
     * it does not reach into it */
    check_value(en, "\u2039Calm Sunday,\u203A aides will say.", 0, "2019-11-10");
}

/* The relation of event from to t0 among the links found in the text
 * (tlinks[0..nbase), not those of the closure), or -1. */
static int dct_rel(const zs_doc *d, const char *from)
{
    for (size_t i = 0; i < d->nbase; i++)
        if (!strcmp(d->tlinks[i].from, from) && !strcmp(d->tlinks[i].to, "t0"))
            return (int)d->tlinks[i].rel;
    return -1;
}

/* "nouns untensed" (en/lang.zt): the noun takes no relation to the
 * publication time from the past tense of its clause, the verb does; a
 * German noun does ("nouns tense", the default). */
static void test_nouns_untensed(void **state)
{
    (void)state;
    static const char en_text[] = "The attack on the embassy killed ten people.";
    static const char de_text[] = "Der Angriff auf die Botschaft hatte zehn Menschen getötet.";
    zs_options o = {.dct = "2019-11-12"};
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", en_text, strlen(en_text), &o, &err);
    assert_non_null(d);
    assert_int_equal(d->nevents, 2);
    assert_int_equal(dct_rel(d, d->events[0].id), -1);
    assert_int_equal(dct_rel(d, d->events[1].id), ZS_REL_BEFORE);
    zs_doc_free(d);
    d = zs_doc_new(de, "t", de_text, strlen(de_text), &o, &err);
    assert_non_null(d);
    assert_true(d->nevents >= 1);
    assert_string_equal(d->events[0].title, "Angriff");
    assert_int_equal(dct_rel(d, d->events[0].id), ZS_REL_BEFORE);
    zs_doc_free(d);
}

/* A planned event lies after the publication time, but not a perfect,
 * which its tense puts before it, nor ("nouns untensed") a noun. */
static void test_planned(void **state)
{
    (void)state;
    static const char text[] = "The company has agreed to buy it and will announce the deal.";
    zs_options o = {.dct = "2019-11-12"};
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_int_equal(d->nevents, 4);
    for (size_t k = 0; k < 4; k++) assert_int_equal(d->events[k].modality, ZS_MODAL_PLANNED);
    assert_int_equal(dct_rel(d, d->events[0].id), ZS_REL_BEFORE);  /* has agreed */
    assert_int_equal(dct_rel(d, d->events[2].id), ZS_REL_AFTER);   /* will announce */
    assert_int_equal(dct_rel(d, d->events[3].id), -1);             /* the deal */
    zs_doc_free(d);
}

/* The relation of event from to timex to among the links found in the
 * text, or -1. */
static int link_rel(const zs_doc *d, const char *from, const char *to)
{
    for (size_t i = 0; i < d->nbase; i++)
        if (!strcmp(d->tlinks[i].from, from) && !strcmp(d->tlinks[i].to, to))
            return (int)d->tlinks[i].rel;
    return -1;
}

/* The source of the base link from -> to, or NULL. */
static const char *link_source(const zs_doc *d, const char *from, const char *to)
{
    for (size_t i = 0; i < d->nbase; i++)
        if (!strcmp(d->tlinks[i].from, from) && !strcmp(d->tlinks[i].to, to))
            return d->tlinks[i].source;
    return NULL;
}

/* The doc of English text with two events, the first with the only date as
 * its own time, the second without one (free the doc). */
static zs_doc *first_of_two_timed(const char *text, const zs_options *o)
{
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", text, strlen(text), o, &err);
    assert_non_null(d);
    assert_int_equal(d->nevents, 2);
    assert_int_equal(d->events[0].time, 0);
    assert_int_equal(d->events[1].time, -1);
    return d;
}

/* The date right after a report verb ("said on Tuesday") is the report's:
 * the other event of its sentence takes it neither as its clause's date
 * nor as the last date before it; it is told in the past. An event anchored to
 * a date after "since" begins with it (signal_anchor in en/events.zt). */
static void test_report_date(void **state)
{
    (void)state;
    static const char text[] = "Police said on Tuesday the bomb exploded. Inflation has "
                               "risen since March.";
    zs_options o = {.dct = "2019-11-14"};
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_int_equal(d->nevents, 3);
    assert_int_equal(d->ntimexes, 2);
    assert_string_equal(d->timexes[0].rv.value, "2019-11-12");
    assert_int_equal(d->events[0].time, 0);
    assert_int_equal(link_rel(d, d->events[0].id, d->timexes[0].id), ZS_REL_IS_INCLUDED);
    assert_int_equal(d->events[1].time, -1);
    assert_int_equal(link_rel(d, d->events[1].id, d->timexes[0].id), -1);
    assert_int_equal(dct_rel(d, d->events[1].id), ZS_REL_BEFORE);
    assert_int_equal(link_rel(d, d->events[2].id, d->timexes[1].id), ZS_REL_BEGUN_BY);
    zs_doc_free(d);
    /* so is a date right after any verb the verb's */
    d = first_of_two_timed("The rebels who attacked Monday fled to the hills.", &o);
    assert_int_equal(dct_rel(d, d->events[1].id), ZS_REL_BEFORE);
    zs_doc_free(d);
    /* and one right before a verb ("dates verb" in en/lang.zt) */
    zs_doc_free(first_of_two_timed("The company Monday announced that it bought a rival.", &o));
}

/* An adverb of signal_previous ("afterwards") orders the verb of its
 * clause after the event told before it: the last asserted verb that is
 * no report, in the sentence before too, not a report nor a plan between;
 * "previously" is none ("as was previously reported"). */
static void test_previous_event(void **state)
{
    (void)state;
    static const char text[] = "The ministers met in Brussels on Monday, officials said. "
                               "The sanctions were extended afterwards. "
                               "The army attacked the town and subsequently withdrew.";
    zs_doc *d = fixture_read(en, text, "2023-06-14");
    const zs_event *met = fixture_event(d, "met"), *extended = fixture_event(d, "extended"),
                   *attacked = fixture_event(d, "attacked"), *withdrew = fixture_event(d, "withdrew");
    assert_int_equal(link_rel(d, extended->id, met->id), ZS_REL_AFTER);
    assert_string_equal(link_source(d, extended->id, met->id), "signal:afterwards");
    assert_int_equal(link_rel(d, withdrew->id, attacked->id), ZS_REL_AFTER);
    /* placed on the meeting's Monday, after it */
    assert_true(extended->has_interval);
    assert_int_equal(extended->begin, met->begin);
    assert_true(extended->rank > met->rank);
    zs_doc_free(d);
    static const char prev[] = "The team met on Monday. Two suspects remained in detention, as "
                               "was previously reported.";
    d = fixture_read(en, prev, "2023-06-14");
    for (size_t i = 0; i < d->nbase; i++) assert_null(strstr(d->tlinks[i].source, "previously"));
    zs_doc_free(d);
}

/* German "danach" right before what a verb asks or demands ("danach,
 * ob", "danach, dass": the lexicon previous_clause) names that, not a
 * time: no link; before a verb it is the time after the event told
 * before, the demand, not the meeting before it nor the extension the
 * demand plans. */
static void test_previous_clause(void **state)
{
    (void)state;
    static const char text[] = "Die Minister haben sich am Montag getroffen. Die Opposition "
                               "verlangte danach, dass die Sanktionen verlängert werden. "
                               "Die Minister reisten danach ab.";
    zs_doc *d = fixture_read(de, text, "2023-06-14");
    const zs_event *met = fixture_event(d, "getroffen"), *asked = fixture_event(d, "verlangte"),
                   *left = fixture_event(d, "reisten");
    int from_asked = 0;
    for (size_t i = 0; i < d->nbase; i++)
        from_asked += !strcmp(d->tlinks[i].source, "signal:danach") &&
                      !strcmp(d->tlinks[i].from, asked->id);
    assert_int_equal(from_asked, 0);
    assert_int_equal(link_rel(d, left->id, asked->id), ZS_REL_AFTER);
    assert_int_equal(link_rel(d, left->id, met->id), -1);
    zs_doc_free(d);
}

/* An English plan verb's that-clause is its object (tlink_object
 * clause=plan_clause), also after the verb's date: the verb of the
 * clause is planned, after the demand, and takes not the demand's date,
 * nor the demand a date of the clause; "that" after a noun that is no
 * event opens a relative clause, no plan. */
static void test_demanded_clause(void **state)
{
    (void)state;
    static const char text[] = "The senators demanded on Monday that the sanctions be extended. "
                               "The bank demanded the money that he owed.";
    /* published within the end of the year, which a past verb could take */
    static const char deadline[] = "The Commission demanded that Iran readmit inspectors by the "
                                   "end of the year.";
    zs_doc *d = fixture_read(en, deadline, "2023-11-14");
    const zs_event *readmit = fixture_event(d, "readmit");
    assert_int_equal(fixture_event(d, "demanded")->time, -1);
    assert_int_equal(readmit->modality, ZS_MODAL_PLANNED);
    zs_doc_free(d);
    d = fixture_read(en, text, "2023-06-14");
    const zs_event *demand = fixture_event(d, "demanded"), *extended = fixture_event(d, "extended"),
                   *owed = fixture_event(d, "owed");
    assert_int_equal(extended->modality, ZS_MODAL_PLANNED);
    assert_int_equal(extended->time, -1);
    assert_true(demand->time >= 0);
    assert_int_equal(link_rel(d, demand->id, extended->id), ZS_REL_BEFORE);
    assert_string_equal(link_source(d, demand->id, extended->id), "object");
    assert_int_equal(owed->modality, ZS_MODAL_ASSERTED);
    zs_doc_free(d);
}

/* A report's date is none of what it reports, from the verb after it on,
 * but the one its sentence opens with; a date before that verb is the
 * report's ("said in a statement Thursday"). */
static void test_reported_clause_date(void **state)
{
    (void)state;
    static const char text[] = "Last month, she told lawmakers she had resigned from two "
                               "corporate boards in January. The company said in a statement "
                               "on Thursday that it had hired a new auditor.";
    /* each event and the date it takes */
    static const char *const want[][2] = {
        {"told", "Last month"}, {"resigned", "January"}, {"said", "Thursday"}};
    zs_doc *d = fixture_read(en, text, "2026-03-03");
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        const zs_event *e = fixture_event(d, want[k][0]);
        assert_true(e->time >= 0);
        const zs_timex *x = &d->timexes[e->time];
        assert_int_equal(x->b1 - x->b0, strlen(want[k][1]));
        assert_memory_equal(d->text + x->b0, want[k][1], x->b1 - x->b0);
    }
    zs_doc_free(d);
}

/* A verb found only by its event_suffix ending takes its lemma and title
 * from suffix_lemma ("filibustered" -> "filibuster"); one whose ending is
 * not listed there ("-nged": "changed", "belonged") keeps its form. */
static void test_suffix_lemma(void **state)
{
    (void)state;
    static const char text[] = "The senator filibustered, the team played, the fans were "
                               "shouting and the crowd thronged the square. The river flooded "
                               "the plaza. Crews began dismantling the stage. Officials "
                               "labeled the plan a failure.";
    zs_doc *d = fixture_read(en, text, "2023-06-14");
    static const char *const want[][3] = {{"filibustered", "filibuster", "Filibuster"},
                                          {"played", "play", "Play"},
                                          {"shouting", "shout", "Shout"},
                                          {"thronged", "thronged", "Thronged"},
                                          {"flooded", "flood", "Flood"},
                                          {"dismantling", "dismantle", "Dismantle"},
                                          {"labeled", "label", "Label"}};
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        const zs_event *e = fixture_event(d, want[k][0]);
        assert_string_equal(e->lemma, want[k][1]);
        assert_string_equal(e->title, want[k][2]);
    }
    zs_doc_free(d);
}

/* An event whose date follows "before" or "after" (signal_anchor) lies
 * before or after it, not within it: it has no date of its own, and no
 * other event of the sentence takes that date as its clause's. */
static void test_bound_date(void **state)
{
    (void)state;
    static const char text[] = "The talks collapsed before the weekend. Prices rose after "
                               "Easter.";
    zs_options o = {.dct = "2025-10-14"};
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_int_equal(d->ntimexes, 2);
    assert_string_equal(d->timexes[1].rv.value, "2025-04-20");
    const zs_event *collapsed = NULL, *talks = NULL, *rose = NULL;
    for (size_t k = 0; k < d->nevents; k++) {
        const char *w = d->text + d->events[k].b0;
        if (strncmp(w, "collapsed", 9) == 0) collapsed = &d->events[k];
        if (strncmp(w, "talks", 5) == 0) talks = &d->events[k];
        if (strncmp(w, "rose", 4) == 0) rose = &d->events[k];
    }
    assert_non_null(collapsed);
    assert_non_null(talks);
    assert_non_null(rose);
    assert_int_equal(link_rel(d, collapsed->id, d->timexes[0].id), ZS_REL_BEFORE);
    assert_int_equal(collapsed->time, -1);
    assert_false(collapsed->has_interval);
    assert_int_not_equal(link_rel(d, talks->id, d->timexes[0].id), ZS_REL_IS_INCLUDED);
    assert_int_equal(link_rel(d, rose->id, d->timexes[1].id), ZS_REL_AFTER);
    assert_int_equal(rose->time, -1);
    assert_int_equal(d->ncontras, 0);
    zs_doc_free(d);
}

/* The tokenizer looks its words up among the words of the rules and of the
 * lexicons the tagger reads; the words only the events stage's lexicons
 * hold (most of English's: event_verb) are late words, which the tense
 * cues and the events stage look up for themselves. */
static void test_late_words(void **state)
{
    (void)state;
    const zs_word *w = zs_lang_word(en, "abandoned", 9);
    assert_non_null(w);
    assert_true(zs_word_in(w, en->lex_event_verb, NULL));
    assert_non_null(en->late_table);
    static const char padded[16] = "abandoned"; /* followed by 7 readable bytes */
    assert_null(zs_lang_word_padded(en, padded, 9, zs_word_hash_padded(padded, 9)));
    /* an event verb another lexicon lists is the tokenizer's */
    const zs_word *said = zs_lang_word(en, "said", 4);
    assert_non_null(said);
    assert_true(zs_word_in(said, en->lex_event_verb, NULL));
    assert_true(zs_word_in(said, en->lex_verb_ending, NULL));
    static const char said_padded[16] = "said";
    assert_ptr_equal(zs_lang_word_padded(en, said_padded, 4, zs_word_hash_padded(said_padded, 4)),
                     said);

    /* the past tense of a late word still tells a weekday's direction */
    static const char told[] = "The government predicted Wednesday that the ruling would stand.";
    zs_options o = {.dct = "2019-11-14", .timex_only = 1};
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", told, strlen(told), &o, &err);
    assert_non_null(d);
    assert_int_equal(d->ntimexes, 1);
    assert_string_equal(d->timexes[0].rv.value, "2019-11-13");
    zs_doc_free(d);
    /* and the events stage finds a late word with its lexicon class, not
     * by its ending ("-ed": OCCURRENCE) */
    static const char text[] = "They abandoned the plan.";
    o.timex_only = 0;
    d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_ptr_equal(d->toks[1].word, w);
    assert_int_equal(d->nevents, 1);
    assert_int_equal(d->events[0].t0, 1);
    assert_int_equal(d->events[0].cls, ZS_EC_ASPECTUAL);
    zs_doc_free(d);
}

/* The doc of text read in English (published 2019-11-12), which must hold
 * two events. */
static zs_doc *two_events(const char *text)
{
    zs_options o = {.dct = "2019-11-12"};
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_int_equal(d->nevents, 2);
    return d;
}

/* A past verb and the present participle right after it are simultaneous,
 * unless the participle is the object of an aspectual verb. */
static void test_adjacent(void **state)
{
    (void)state;
    zs_doc *d = two_events("The bomb exploded, killing ten people.");
    assert_int_equal(d->events[1].tense, ZS_TENSE_PRESPART);
    assert_int_equal(link_rel(d, d->events[0].id, d->events[1].id), ZS_REL_SIMULTANEOUS);
    zs_doc_free(d);
    d = two_events("The rebels began killing the hostages.");
    assert_int_equal(d->events[1].tense, ZS_TENSE_PRESPART);
    assert_int_not_equal(link_rel(d, d->events[0].id, d->events[1].id), ZS_REL_SIMULTANEOUS);
    zs_doc_free(d);
}

/* A date of the event's clause more than ten tokens away from it is not
 * its time (the verb right before the date still takes it), nor is one of
 * its sentence more than twenty tokens away. */
static void test_far_clause_date(void **state)
{
    (void)state;
    zs_doc *d = two_events("The merger of the two largest regional savings banks in the "
                           "northern part of the country was approved in March.");
    assert_int_equal(d->events[0].time, -1);
    assert_int_equal(link_rel(d, d->events[0].id, d->timexes[0].id), -1);
    assert_int_equal(d->events[1].time, 0);
    zs_doc_free(d);
    d = two_events("The merger of two banks was approved in March.");
    assert_int_equal(d->events[0].time, 0);
    assert_int_equal(link_rel(d, d->events[0].id, d->timexes[0].id), ZS_REL_IS_INCLUDED);
    zs_doc_free(d);
    /* an undated event lies within the last date of its sentence only
       within twenty tokens of it (source "sentence") */
    d = two_events("On Friday, officials from the ministry of finance and the central bank "
                   "of the northern province met with the leaders of the unions about the "
                   "strike.");
    assert_int_equal(d->events[0].time, 0);
    assert_int_equal(link_rel(d, d->events[1].id, d->timexes[0].id), -1);
    zs_doc_free(d);
    d = two_events("On Friday, officials met the unions about the strike.");
    assert_int_equal(link_rel(d, d->events[1].id, d->timexes[0].id), ZS_REL_IS_INCLUDED);
    zs_doc_free(d);
}

/* The doc of English text with nevents events (dct 2019-11-14; free it). */
static zs_doc *en_doc(const char *text, size_t nevents)
{
    zs_doc *d = fixture_read(en, text, "2019-11-14");
    assert_int_equal(d->nevents, nevents);
    return d;
}

/* A verb in the past or the present perfect does not lie within a date of
 * its sentence that begins after the day of the publication time. */
static void test_past_future_date(void **state)
{
    (void)state;
    zs_doc *d = en_doc("The envoys met on Monday to prepare next week's talks, officials said.", 4);
    const zs_event *said = &d->events[3];
    assert_int_equal(said->tense, ZS_TENSE_PAST);
    assert_int_equal(link_rel(d, said->id, d->timexes[1].id), -1);
    assert_int_equal(link_rel(d, said->id, "t0"), ZS_REL_BEFORE);
    assert_int_equal(d->ncontras, 0);
    zs_doc_free(d);
    /* a past date may be the report's; "last week's" is the talks' own,
       so the report takes Monday */
    d = en_doc("The envoys met on Monday to prepare last week's talks, officials said.", 4);
    assert_int_equal(link_rel(d, d->events[2].id, d->timexes[1].id), ZS_REL_IS_INCLUDED);
    assert_int_equal(link_rel(d, d->events[3].id, d->timexes[0].id), ZS_REL_IS_INCLUDED);
    assert_int_equal(link_rel(d, d->events[3].id, d->timexes[1].id), -1);
    zs_doc_free(d);
    /* nor one in the present perfect: "hat ... beschlossen" */
    zs_options o = {.dct = "2019-11-14"};
    zs_error err;
    const char *text = "Die Regierung hat neue Regeln beschlossen, die ab nächster Woche gelten.";
    d = zs_doc_new(de, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_int_equal(d->events[0].aspect, ZS_ASPECT_PERFECTIVE);
    assert_int_equal(link_rel(d, d->events[0].id, d->timexes[0].id), -1);
    assert_int_equal(d->ncontras, 0);
    zs_doc_free(d);
}

/* How far a date reaches: a noun's right before it is its own, also after
 * a signal, and not the noun's before it; a verb whose object noun has a
 * date after it takes it too; a date a possessive follows is not the
 * verb's before it; a timex that opens a sentence and a comma ends is the
 * time of an event after it; a past report, or the first past verb of a
 * sentence, takes the date of the sentence before it. */
static void test_date_reach(void **state)
{
    (void)state;
    zs_doc *d = en_doc("Prices rose after its 2019 merger.", 2);
    assert_true(d->events[1].signal_object);
    assert_int_equal(d->events[1].time, 0);
    zs_doc_free(d);
    d = en_doc("Losses from its 2019 merger hurt.", 3);
    assert_int_equal(d->events[0].time, -1);
    assert_int_equal(d->events[1].time, 0);
    zs_doc_free(d);
    d = en_doc("The firm closed the deal yesterday.", 2);
    assert_int_equal(d->events[0].time, 0);
    assert_int_equal(d->events[1].time, 0);
    zs_doc_free(d);
    d = en_doc("Officials said Friday's vote was close.", 3);
    assert_int_equal(d->events[1].time, 0);
    zs_doc_free(d);
    d = en_doc("In the past two weeks, prices have risen.", 1);
    assert_int_equal(link_rel(d, d->events[0].id, d->timexes[0].id), ZS_REL_IS_INCLUDED);
    zs_doc_free(d);
    d = en_doc("By then, for two weeks, prices had risen.", 1);
    assert_int_equal(link_rel(d, d->events[0].id, d->timexes[0].id), ZS_REL_IS_INCLUDED);
    zs_doc_free(d);
    d = en_doc("Earlier today, the minister resigned.", 1);
    assert_int_equal(d->events[0].time, 0);
    zs_doc_free(d);
    d = en_doc("The rebels attacked the town on Monday. They burned the market. "
               "They then left.", 3);
    assert_int_equal(d->events[0].time, 0);
    assert_int_equal(link_rel(d, d->events[1].id, d->timexes[0].id), ZS_REL_IS_INCLUDED);
    assert_int_equal(link_rel(d, d->events[2].id, d->timexes[0].id), ZS_REL_IS_INCLUDED);
    zs_doc_free(d);
    d = en_doc("The source said Monday the talks failed. The source said the envoy left.", 5);
    assert_int_equal(link_rel(d, d->events[3].id, d->timexes[0].id), ZS_REL_IS_INCLUDED);
    assert_int_equal(link_rel(d, d->events[4].id, d->timexes[0].id), -1);
    zs_doc_free(d);
}

/* A gerund right after an article or a possessive is a noun event, one
 * elsewhere a present participle. */
static void test_det_gerund(void **state)
{
    (void)state;
    zs_doc *d = two_events("The bombing of the embassy killed ten people.");
    assert_true(d->events[0].noun);
    assert_int_equal(d->events[0].tense, ZS_TENSE_NONE);
    assert_false(d->events[1].noun);
    zs_doc_free(d);
    d = two_events("Police began investigating.");
    assert_false(d->events[1].noun);
    assert_int_equal(d->events[1].tense, ZS_TENSE_PRESPART);
    zs_doc_free(d);
}

/* The date of a present report's or intention's clause is that of what
 * it reports or intends, not its own. */
static void test_holds_now(void **state)
{
    (void)state;
    zs_doc *d = two_events("Investors hope to see a recovery by the end of 2020.");
    assert_int_equal(d->events[0].cls, ZS_EC_I_STATE);
    assert_int_equal(d->events[0].time, -1);
    assert_int_equal(link_rel(d, d->events[0].id, d->timexes[0].id), -1);
    assert_int_equal(d->events[1].time, 0);
    zs_doc_free(d);
}

/* Phrases of signal_after (en/events.zt) order the event before them
 * after the one they name. */
static void test_signal_after(void **state)
{
    (void)state;
    static const char *texts[] = {"Prices rose sharply as a result of the strike.",
                                  "Thousands fled in the aftermath of the attack."};
    for (int i = 0; i < 2; i++) {
        zs_doc *d = two_events(texts[i]);
        assert_int_equal(link_rel(d, d->events[0].id, d->events[1].id), ZS_REL_AFTER);
        zs_doc_free(d);
    }
}

/* "on the eve of" (signal_before in en/events.zt) orders the event before
 * it before the one it names. */
static void test_signal_eve(void **state)
{
    (void)state;
    static const char *texts[] = {"Protesters marched on the eve of the summit.",
                                  "The rebels attacked the capital on the eve of the vote."};
    for (int i = 0; i < 2; i++) {
        zs_doc *d = two_events(texts[i]);
        assert_int_equal(link_rel(d, d->events[0].id, d->events[1].id), ZS_REL_BEFORE);
        assert_string_equal(link_source(d, d->events[0].id, d->events[1].id),
                            "signal:on the eve of");
        zs_doc_free(d);
    }
}

/* The event of text's doc d whose trigger is the word form (asserted). */
static const zs_event *event_named(const zs_doc *d, const char *form)
{
    for (size_t k = 0; k < d->nevents; k++)
        if (d->events[k].b1 - d->events[k].b0 == strlen(form) &&
            memcmp(d->text + d->events[k].b0, form, strlen(form)) == 0)
            return &d->events[k];
    fail_msg("no event %s", form);
    return NULL;
}

/* A support verb includes the event its object names, a causative verb
 * comes before it, a verb that responds to it after it (tlink_object); not
 * across a preposition ("caused by"). */
static void test_object(void **state)
{
    (void)state;
    static const struct {
        const char *text, *verb, *noun;
        int rel;
    } cases[] = {
        {"The police conducted a search of the house.", "conducted", "search", ZS_REL_INCLUDES},
        {"The storm caused massive destruction.", "caused", "destruction", ZS_REL_BEFORE},
        {"The dispute led to the deaths of ten people.", "led", "deaths", ZS_REL_BEFORE},
        {"The president condemned the bombing.", "condemned", "bombing", ZS_REL_AFTER},
        {"The damage was caused by the explosion.", "caused", "explosion", -1}};
    zs_options o = {.dct = "2019-11-12"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        zs_error err;
        zs_doc *d = zs_doc_new(en, "t", cases[i].text, strlen(cases[i].text), &o, &err);
        assert_non_null(d);
        const zs_event *v = event_named(d, cases[i].verb), *n = event_named(d, cases[i].noun);
        const char *source = link_source(d, v->id, n->id);
        if (cases[i].rel < 0) {
            assert_true(!source || strcmp(source, "object") != 0);
        } else {
            assert_int_equal(link_rel(d, v->id, n->id), cases[i].rel);
            assert_string_equal(source, "object");
        }
        zs_doc_free(d);
    }
}

/* The i-th timex's value of text read in English. */
static void check_nth(const char *text, const char *dct, size_t i, const char *value)
{
    zs_options o = {.dct = dct};
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_true(d->ntimexes > i);
    assert_string_equal(d->timexes[i].rv.value, value);
    zs_doc_free(d);
}

/* anchor=sentence: "ahead of Friday's report" is the Friday after a date
 * of its sentence written out before the publication day, else the coming
 * Friday from the publication (Wednesday, March 12, 2025). */
static void test_ahead_of_sentence_date(void **state)
{
    (void)state;
    const char *dct = "2025-03-12";
    check_nth("Oil fell on Tuesday ahead of Friday's report.", dct, 1, "2025-03-14");
    check_nth("Oil fell on Monday, March 3, ahead of Friday's report.", dct, 1, "2025-03-07");
    check_nth("Oil fell on March 3 before Friday's vote.", dct, 1, "2025-03-07");
    check_nth("Oil fell on March 3. Traders wait ahead of Friday's report.", dct, 1, "2025-03-14");
    check_nth("On March 20 traders will wait ahead of Friday's report.", dct, 1, "2025-03-14");
    check_nth("In 2024 oil fell ahead of Friday's report.", dct, 1, "2025-03-14");
    /* a day named by its distance from the publication is the day in
     * focus of "later in the day" */
    check_nth("Oil fell yesterday. Later in the day it rose.", dct, 1, "2025-03-11");
    check_nth("The minister quit earlier in the day.", dct, 0, "2025-03-12");
}

/* anchor=mention: "a year earlier" in the granularity of the last date. */
static void test_mention_shift(void **state)
{
    (void)state;
    check_nth("Net rose in the third quarter from a year earlier.", "1989-10-20", 1, "1988-Q3");
    check_nth("Sales on Oct. 26 were up from a year ago.", "1989-10-30", 1, "1988-10-26");
    check_nth("Sales in September rose from a year ago.", "1989-10-30", 1, "1988-09");
    check_nth("Sales in 1988 rose from a year earlier.", "1989-10-30", 1, "1987");
    check_nth("Sales rose from a year ago.", "1989-10-30", 0, "1988"); /* no date before */
    /* Feb. 29 a year later is Feb. 28 */
    zs_tv tv;
    zs_tv_init(&tv);
    tv.offset = 1;
    tv.unit = ZS_U_YEAR;
    tv.anchor = ZS_ANCHOR_MENTION;
    zs_tv leap;
    zs_tv_init(&leap);
    leap.year = 2016;
    leap.month = 2;
    leap.day = 29;
    zs_rv from, out;
    assert_true(zs_tv_resolve(&leap, 0, ZS_DIR_NONE, &from));
    assert_true(zs_tv_shift(&tv, &from, &out));
    assert_string_equal(out.value, "2017-02-28");
    /* a month from a year: too coarse, no shift */
    tv.unit = ZS_U_MONTH;
    zs_tv year;
    zs_tv_init(&year);
    year.year = 2016;
    assert_true(zs_tv_resolve(&year, 0, ZS_DIR_NONE, &from));
    assert_false(zs_tv_shift(&tv, &from, &out));
    /* three days from a day */
    tv.unit = ZS_U_DAY;
    tv.offset = -3;
    assert_true(zs_tv_resolve(&leap, 0, ZS_DIR_NONE, &from));
    assert_true(zs_tv_shift(&tv, &from, &out));
    assert_string_equal(out.value, "2016-02-26");
}

/* News: a month mentioned after a day, and not holding it, is what
 * "two weeks later" or "the next day" count from (its first day), not the
 * older day. */
static void test_month_after_day(void **state)
{
    (void)state;
    const char text[] = "The trial begins on Jan. 6. He fell ill in early October. "
                        "He returned two weeks later.";
    check_nth(text, "2019-11-15", 2, "2019-W42");
    check_nth("He left on Oct. 3. In October he returned. The next day he left.", "2019-11-15", 2,
              "2019-10-04");
    check_nth("He left on Oct. 3 and returned on Oct. 20. The next day he left.", "2019-11-15", 2,
              "2019-10-21");
}

/* "dates verb": a comma after a date inside its sentence ends the tense
 * cue search to the right; a date that opens its sentence still looks
 * past its comma for the main verb. */
static void test_comma_ends_cues(void **state)
{
    (void)state;
    check_nth("He must report to prison by Friday, the judge ordered.", "2019-11-12", 0,
              "2019-11-15");
    check_nth("The vote is scheduled to take place on Friday, officials said.", "2019-11-12", 0,
              "2019-11-15");
    check_nth("On Friday, the judge ordered him to stay.", "2019-11-12", 0, "2019-11-08");
    check_nth("He left for Paris on Friday, officials said.", "2019-11-12", 0, "2019-11-08");
}

/* News: a clock time opening its sentence takes the day named right after
 * it (a weekday or a holiday), not that of the sentences before. */
static void test_time_before_day(void **state)
{
    (void)state;
    const char text[] = "The House will vote by Christmas. Polls close at 8 p.m. Eastern time on "
                        "Thanksgiving Day.";
    check_nth(text, "2019-11-10", 1, "2019-11-28T20:00");
    check_nth("The House will vote by Christmas. Polls close at 8 p.m. sharp.", "2019-11-10", 1,
              "2019-12-25T20:00");
}

/* News: a month after a season named with its direction in the same
 * sentence is of that season's year. */
static void test_month_after_season(void **state)
{
    (void)state;
    const char text[] = "The festival returns next summer, from July 10 to 14.";
    check_nth(text, "2019-11-12", 1, "2020-07-10");
    check_nth(text, "2019-11-12", 2, "2020-07-14");
    check_nth("The festival returns in July.", "2019-11-12", 0, "2019-07");
}

/* nth: holidays on the nth (or last) weekday of a month. */
static void test_nth_weekday(void **state)
{
    (void)state;
    check_nth("They met on Thanksgiving Day 1999.", "2019-11-12", 0, "1999-11-25");
    check_nth("Stores close on Memorial Day 2020.", "2019-11-12", 0, "2020-05-25");
    check_nth("Stores close on Labor Day 2015.", "2019-11-12", 0, "2015-09-07");
    zs_tv tv;
    zs_tv_init(&tv);
    tv.year = 2019;
    tv.month = 2;
    tv.weekday = 5;
    tv.nth = 5; /* February 2019 has four Fridays */
    zs_rv out;
    assert_false(zs_tv_resolve(&tv, 0, ZS_DIR_NONE, &out));
    tv.nth = -1;
    assert_true(zs_tv_resolve(&tv, 0, ZS_DIR_NONE, &out));
    assert_string_equal(out.value, "2019-02-22");
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

/* The event of text (published 2019-11-12) whose trigger is form: its
 * lemma, title and participants joined by ",". */
static void check_event(const char *text, const char *form, const char *lemma, const char *title,
                        const char *participants)
{
    zs_options o = {.dct = "2019-11-12"};
    zs_error err;
    zs_doc *d = zs_doc_new(en, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    const zs_event *e = event_named(d, form);
    assert_string_equal(e->lemma, lemma);
    assert_string_equal(e->title, title);
    char names[256] = "";
    for (uint32_t k = 0; k < e->nparticipants; k++) {
        if (k) strcat(names, ",");
        strcat(names, e->participants[k]);
    }
    assert_string_equal(names, participants);
    zs_doc_free(d);
}

/* A verb's title is the noun of verb_title ("Meeting"), else its lemma;
 * its participants are the names of its own part of the clause, a report's
 * its speaker; "in X" after a verb, and "to X" after a verb marked
 * place=to, is its place, not a participant, but not a date ("in March",
 * "in 2019"), a lower-case word ("in talks"), two words ("in New York"),
 * a possessive ("in Smith's house"), nor "to X" after another verb
 * ("talked to Trudeau"). */
static void test_verb_titles(void **state)
{
    (void)state;
    const char *t1 = "Chancellor Olaf Scholz said on Monday he would travel to Washington "
                     "next week to meet President Joe Biden.";
    check_event(t1, "said", "say", "Statement Scholz", "Scholz");
    check_event(t1, "travel", "travel", "Trip to Washington", "");
    check_event(t1, "meet", "meet", "Meeting Biden", "Biden");
    check_event("Foreign ministers met in Brussels on Friday.", "met", "meet", "Meeting in Brussels", "");
    check_event("Foreign ministers met on Friday in Brussels.", "met", "meet", "Meeting in Brussels", "");
    check_event("The ministers met in March.", "met", "meet", "Meeting", "");
    check_event("The ministers voted in 2019.", "voted", "vote", "Vote", "");
    check_event("The rebels engaged in talks.", "engaged", "engage", "Engage", "");
    check_event("The envoys met in New York on Friday.", "met", "meet", "Meeting", "");
    check_event("Police arrived in Smith's house.", "arrived", "arrive", "Arrival", "");
    check_event("President Joe Biden arrived. Biden talked to Trudeau.", "talked", "talk",
                "Talks Biden \u2013 Trudeau", "Biden,Trudeau");
    check_event("The army swept through the towns.", "swept", "sweep", "Sweep", "");
}

/* A support verb of tlink_object (INCLUDES: "held", "made", "conducted")
 * has the title of the noun event that is its object, its own names
 * before the noun's place, and shares its names with the noun; a causative
 * verb ("caused") or a verb before a preposition keeps its own title. */
static void test_support_titles(void **state)
{
    (void)state;
    const char *t1 = "Iran and the United States held talks in Oman on Monday.";
    check_event(t1, "held", "hold", "Talks Iran \u2013 United States in Oman", "Iran,United States");
    check_event(t1, "talks", "talk", "Talks in Oman", "Iran,United States");
    check_event("Canada made an offer to Kenya.", "made", "make", "Offer Canada \u2013 Kenya",
                "Canada,Kenya");
    check_event("Police conducted a search on Monday.", "conducted", "conduct", "Search", "");
    check_event("Japan held talks with India.", "held", "hold", "Talks India \u2013 Japan", "India,Japan");
    check_event("The storm caused damage in Cuba.", "caused", "cause", "Cause", "");
    check_event("Russia held on to the talks.", "held", "hold", "Hold Russia", "Russia");
}

/* A capital right after the opening quote marks of a quotation makes no
 * name, whatever the marks (`` " \u00AB \u201C), as at the start of a
 * sentence; a quoted name inside the sentence stays one. */
static void test_quote_opens(void **state)
{
    (void)state;
    check_event("The minister said: ``No one met Putin on Monday.''", "met", "meet", "Meeting Putin",
                "Putin");
    check_event("The minister said: \"No one met Putin on Monday.\"", "met", "meet", "Meeting Putin",
                "Putin");
    check_event("The minister said: \u00ABNo one met Putin on Monday.\u00BB", "met", "meet",
                "Meeting Putin", "Putin");
    check_event("The minister said: \u201CNo one met Putin on Monday.\u201D", "met", "meet",
                "Meeting Putin", "Putin");
    check_event("The ministers met Putin in ``Liberty Hall'' on Monday.", "met", "meet",
                "Meeting Liberty Hall \u2013 Putin", "Liberty Hall,Putin");
}

/* The attribute key of event_verb entry form of lang, or NULL. */
static const char *verb_attr(const zs_lang *lang, const char *form, const char *key)
{
    const zs_word *w = zs_lang_word(lang, form, strlen(form));
    const zs_entry *e;
    if (!w || !zs_word_in(w, lang->lex_event_verb, &e)) return NULL;
    const zs_attr *a = zs_entry_attr(e, key);
    return a ? a->sym : NULL;
}

/* A verb form's title (and place= word) comes from the verb_title list at
 * template load, by its lemma: the derived entries name none. */
static void test_verb_title_load(void **state)
{
    (void)state;
    assert_string_equal(verb_attr(en, "met", "lemma"), "meet");
    assert_string_equal(verb_attr(en, "met", "title"), "Meeting");
    assert_string_equal(verb_attr(en, "meets", "title"), "Meeting");
    assert_string_equal(verb_attr(en, "said", "title"), "Statement");
    assert_string_equal(verb_attr(en, "traveled", "title"), "Trip");
    assert_string_equal(verb_attr(en, "traveled", "place"), "to");
    assert_null(verb_attr(en, "met", "place"));
    assert_null(verb_attr(en, "swept", "title"));     /* not listed: its lemma */
    assert_null(verb_attr(en, "meetings", "title"));  /* a noun: its form */
    assert_string_equal(verb_attr(de, "eingetroffen", "title"), "Ankunft"); /* its own */
    /* the file holds no title= of a derived entry */
    FILE *f = fopen("templates/en/events.zt", "r");
    assert_non_null(f);
    char line[512];
    bool derived = false;
    int titled = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "# --- derived", 13) == 0) derived = true;
        if (strncmp(line, "# --- end derived", 17) == 0) derived = false;
        if (derived && strstr(line, " title=")) titled++;
    }
    fclose(f);
    assert_int_equal(titled, 0);
}

/* A clause signal that opens its sentence, its clause ended by a comma,
 * orders the event after that comma, not the verb of its own clause
 * ("Before the talks began, both sides had exchanged proposals"). */
static void test_fronted_signal_clause(void **state)
{
    (void)state;
    zs_doc *d = fixture_read(en, "Before the talks began, both sides had exchanged proposals.",
                             "2023-06-14");
    const zs_event *talks = fixture_event(d, "talks"), *began = fixture_event(d, "began"),
                   *exchanged = fixture_event(d, "exchanged");
    assert_int_equal(link_rel(d, exchanged->id, talks->id), ZS_REL_BEFORE);
    assert_string_equal(link_source(d, exchanged->id, talks->id), "signal:before");
    assert_null(link_source(d, began->id, talks->id));
    zs_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_order),
        cmocka_unit_test(test_date_order_invalid),
        cmocka_unit_test(test_english_basics),
        cmocka_unit_test(test_day_month_rel_year),
        cmocka_unit_test(test_clock_field),
        cmocka_unit_test(test_clock_zone),
        cmocka_unit_test(test_dateline_zone),
        cmocka_unit_test(test_gloss_zone),
        cmocka_unit_test(test_clause_open),
        cmocka_unit_test(test_mention_shift),
        cmocka_unit_test(test_month_after_day),
        cmocka_unit_test(test_comma_ends_cues),
        cmocka_unit_test(test_time_before_day),
        cmocka_unit_test(test_month_after_season),
        cmocka_unit_test(test_nth_weekday),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_nouns_untensed),
        cmocka_unit_test(test_planned),
        cmocka_unit_test(test_report_date),
        cmocka_unit_test(test_bound_date),
        cmocka_unit_test(test_late_words),
        cmocka_unit_test(test_adjacent),
        cmocka_unit_test(test_far_clause_date),
        cmocka_unit_test(test_det_gerund),
        cmocka_unit_test(test_date_reach),
        cmocka_unit_test(test_holds_now),
        cmocka_unit_test(test_signal_after),
        cmocka_unit_test(test_signal_eve),
        cmocka_unit_test(test_object),
        cmocka_unit_test(test_verb_titles),
        cmocka_unit_test(test_verb_title_load),
        cmocka_unit_test(test_support_titles),
        cmocka_unit_test(test_quote_opens),
        cmocka_unit_test(test_past_future_date),
        cmocka_unit_test(test_ahead_of_sentence_date),
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_previous_event),
        cmocka_unit_test(test_previous_clause),
        cmocka_unit_test(test_demanded_clause),
        cmocka_unit_test(test_reported_clause_date),
        cmocka_unit_test(test_suffix_lemma),
        cmocka_unit_test(test_detect_prefix),
        cmocka_unit_test(test_fronted_signal_clause),
    };
    return cmocka_run_group_tests(tests, setup, fixture_teardown_en_de);
}
