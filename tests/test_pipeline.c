/* The library end to end with the German templates: publication time,
 * timexes with code-point offsets, events, errors, safe file output, and the
 * seed article (read from ../shared/seed when present). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "doc.h"
#include "util.h"
#include "writers.h"
#include "fixture.h"
#include "zeitstrahl.h"

#define SEED "../shared/seed/000_2980830859de3c92.txt"

/* The mention at code points [c0, c1) of a UTF-8 text. */
static char *substr_cp(const char *text, uint32_t c0, uint32_t c1)
{
    const char *p = text, *b = NULL;
    uint32_t cp = 0;
    for (;; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80) {
            if (cp == c0) b = p;
            if (cp == c1) break;
            cp++;
        }
        if (!*p) break;
    }
    assert_non_null(b);
    return zs_xstrndup(b, (size_t)(p - b));
}

static const zs_timex *find_timex(const zs_doc *d, const char *mention, int nth)
{
    for (size_t i = 0; i < d->ntimexes; i++) {
        char *m = substr_cp(d->text, d->timexes[i].c0, d->timexes[i].c1);
        bool same = strcmp(m, mention) == 0;
        free(m);
        if (same && nth-- == 0) return &d->timexes[i];
    }
    fail_msg("no timex \"%s\"", mention);
    return NULL;
}

static void expect_timex(const zs_doc *d, const char *mention, const char *type,
                         const char *value, const char *mod)
{
    const zs_timex *x = find_timex(d, mention, 0);
    assert_string_equal(zs_ttype_name(x->rv.type), type);
    assert_string_equal(x->rv.value, value);
    assert_string_equal(zs_mod_name(x->rv.mod), mod);
}

static zs_doc *doc_of(const char *text, const char *dct, zs_error *err)
{
    zs_options o = {.dct = dct};
    return zs_doc_new(fixture_de, "t.txt", text, strlen(text), &o, err);
}

static void test_dateline_and_offsets(void **state)
{
    (void)state;
    const char text[] = "3. Juni 2016, 17:45 Uhr Über Nacht: Die Ärzte streikten Anfang März.";
    zs_error err;
    zs_doc *d = doc_of(text, NULL, &err);
    assert_non_null(d);
    assert_string_equal(zs_doc_dct(d), "2016-06-03T17:45+02:00");
    assert_int_equal(d->dct_timex, 0);
    assert_true(d->timexes[0].is_dct);
    expect_timex(d, "3. Juni 2016, 17:45 Uhr", "TIME", "2016-06-03T17:45", "");
    const zs_timex *x = find_timex(d, "Anfang März", 0);
    assert_string_equal(x->rv.value, "2016-03");
    /* code points, not bytes: "Ü" and "Ä" are two bytes each */
    assert_int_equal(x->c1 - x->c0, 11);
    assert_int_equal(x->b1 - x->b0, 12);
    zs_doc_free(d);
}

static void test_dct_option(void **state)
{
    (void)state;
    zs_error err;
    zs_doc *d = doc_of("Am Freitag soll gewählt werden.", "2017-05-02T19:06Z", &err);
    assert_non_null(d);
    /* 19:06 UTC is 21:06 in Berlin */
    assert_string_equal(zs_doc_dct(d), "2017-05-02T21:06+02:00");
    expect_timex(d, "Freitag", "DATE", "2017-05-05", "");
    zs_doc_free(d);
    d = doc_of("Am Freitag hatte es geregnet.", "2017-05-02", &err);
    assert_non_null(d);
    assert_string_equal(zs_doc_dct(d), "2017-05-02");
    expect_timex(d, "Freitag", "DATE", "2017-04-28", "");
    zs_doc_free(d);
}

/* News: a clock time without a day in its sentence is the publication
 * day's, unless it opens the sentence after one that names a day. */
static void test_clock_time_anchoring(void **state)
{
    (void)state;
    zs_error err;
    zs_doc *d = doc_of("Am Freitag kam es zu einem Unfall. Um 9 Uhr wurde die Straße gesperrt. "
                       "Der Markt in der Altstadt von Bozen ist ab 14 Uhr offen. Das Fest ist am 25. und 26. "
                       "August von 10 bis 18 Uhr. Die Ausstellung ist wochentags ab 9 Uhr und "
                       "am 7. Mai ab 11 Uhr offen.",
                       "2017-05-02", &err);
    assert_non_null(d);
    expect_timex(d, "9 Uhr", "TIME", "2017-04-28T09:00", "");
    expect_timex(d, "14 Uhr", "TIME", "2017-05-02T14:00", "");
    /* after several days, a clock time is each one's */
    expect_timex(d, "10", "TIME", "T10:00", "");
    expect_timex(d, "18 Uhr", "TIME", "T18:00", "");
    const zs_timex *x = find_timex(d, "9 Uhr", 1);
    assert_string_equal(x->rv.value, "T09:00");
    assert_false(x->rv.has_interval);
    expect_timex(d, "11 Uhr", "TIME", "2017-05-07T11:00", "");
    zs_doc_free(d);
}

/* Narratives: a year standing as a heading is the time of its section,
 * each subheading goes back to it; a look back does not move the story. */
static void test_narrative_sections(void **state)
{
    (void)state;
    const char text[] = "1862\n\nOsten\n\nIm Mai siegte der Norden. Am 1. Januar 1863 fiel die "
                        "Stadt.\n\nSeekrieg\n\nIm Juni sank das Schiff, das im letzten Jahr gebaut "
                        "worden war. In der Nacht vom 3. Juli griff er an. Im Juli kam der "
                        "Winter. Im März taute es.\n";
    zs_options o = {.dct = "2011-02-16", .narrative = true};
    zs_error err;
    zs_doc *d = zs_doc_new(fixture_de, "t.txt", text, strlen(text), &o, &err);
    assert_non_null(d);
    expect_timex(d, "Mai", "DATE", "1862-05", "");
    expect_timex(d, "Juni", "DATE", "1862-06", "");
    expect_timex(d, "letzten Jahr", "DATE", "1861", "");
    expect_timex(d, "Juli", "DATE", "1862-07", "");
    /* a part of day with its own day needs only the story's year */
    expect_timex(d, "Nacht vom 3. Juli", "TIME", "1862-07-03TNI", "");
    /* a winter begins the December before, its year is its own */
    expect_timex(d, "März", "DATE", "1862-03", "");
    zs_doc_free(d);
}

static void test_input_errors(void **state)
{
    (void)state;
    zs_error err;
    assert_null(doc_of("", "2017-05-02", &err));
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_string_equal(err.msg, "t.txt: empty input");
    assert_null(doc_of(" \n\t\n", "2017-05-02", &err));
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_null(doc_of("Am 3. M\xc3\xa4rz \xff kam er.", "2017-05-02", &err));
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_string_equal(err.msg, "t.txt: invalid UTF-8 at byte 12");
    assert_null(zs_doc_new(fixture_de, "n.txt", "a\0b", 3, NULL, &err));
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_null(doc_of("Am Montag.", "2017-13-02", &err));
    assert_int_equal(err.code, ZS_ERR_DCT);
    assert_non_null(strstr(err.msg, "t.txt: malformed --dct '2017-13-02'"));
    assert_null(doc_of("Am Montag regnete es.", NULL, &err));
    assert_int_equal(err.code, ZS_ERR_DCT);
    assert_non_null(strstr(err.msg, "--dct"));
    zs_options o = {.dct = "2017-05-02", .tz = "Nowhere/City"};
    assert_null(zs_doc_new(fixture_de, "t.txt", "x", 1, &o, &err));
    assert_int_equal(err.code, ZS_ERR_USAGE);
}

static void test_abbreviations(void **state)
{
    (void)state;
    zs_error err;
    zs_doc *d = doc_of("Dr. Weber kam am 3. Mai. Nr. 5 folgte.", "2017-05-02", &err);
    assert_non_null(d);
    assert_int_equal(d->nsents, 2);
    zs_doc_free(d);
}

static void test_impossible_dates_dropped(void **state)
{
    (void)state;
    zs_error err;
    zs_doc *d = doc_of("Am 31. Februar und am 30. April geschah es.", "2017-05-02", &err);
    assert_non_null(d);
    assert_int_equal(d->ntimexes, 1);
    assert_string_equal(d->timexes[0].rv.value, "2017-04-30");
    zs_doc_free(d);
}

static int count_files(const char *dir, const char *prefix)
{
    DIR *dh = opendir(dir);
    int n = 0;
    struct dirent *de_;
    while ((de_ = readdir(dh)))
        if (strncmp(de_->d_name, prefix, strlen(prefix)) == 0) n++;
    closedir(dh);
    return n;
}

static void test_write_file(void **state)
{
    (void)state;
    zs_error err;
    zs_doc *d = doc_of("Die Messe beginnt am 3. März.", "2017-01-10", &err);
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    char dir[] = "/tmp/zs_out_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/out.jsonl", dir);
    assert_int_equal(zs_write_file(g, path, NULL, &err), 0);
    assert_int_equal(count_files(dir, "out.jsonl"), 1); /* no temporary left */
    assert_int_equal(access(path, R_OK), 0);
    snprintf(path, sizeof path, "%s/out.docx", dir);
    assert_int_equal(zs_write_file(g, path, NULL, &err), -1);
    assert_int_equal(err.code, ZS_ERR_USAGE);
    snprintf(path, sizeof path, "%s/missing/out.ics", dir);
    assert_int_equal(zs_write_file(g, path, NULL, &err), -1);
    assert_int_equal(err.code, ZS_ERR_IO);
    assert_non_null(strstr(err.msg, path));
    assert_string_equal(zs_format_from_path("a/b.svg"), "svg");
    assert_null(zs_format_from_path("a.b/c"));
    zs_graph_free(g);
    zs_doc_free(d);
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* The whole of file f, NUL-terminated, its length in *n. */
static char *slurp(FILE *f, size_t *n)
{
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long len = ftell(f);
    assert_true(len >= 0);
    rewind(f);
    char *s = zs_xmalloc((size_t)len + 1);
    assert_int_equal(fread(s, 1, (size_t)len, f), (size_t)len);
    s[len] = '\0';
    *n = (size_t)len;
    return s;
}

/* A long history's JSONL goes to a stream or a file a chunk at a time, the
 * same bytes as rendered whole; a failed write is an I/O error, a graph
 * not finished leaves no file. */
static void test_write_jsonl_streamed(void **state)
{
    (void)state;
    static const char *const months[] = {"Januar", "Februar", "März", "April", "Mai", "Juni",
                                         "Juli", "August", "September", "Oktober", "November",
                                         "Dezember"};
    zs_buf text = {0};
    for (int i = 0; i < 150; i++)
        zs_buf_printf(&text, "Am %d. %s %d tagte der Rat. ", 1 + i % 28, months[i % 12], 1900 + i);
    zs_error err;
    zs_doc *d = doc_of(text.data, "2011-02-16", &err);
    assert_non_null(d);
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    assert_int_equal(zs_write_file(g, "/tmp/zs_unfinished.jsonl", NULL, &err), -1);
    assert_int_equal(err.code, ZS_ERR_INTERNAL);
    assert_int_equal(access("/tmp/zs_unfinished.jsonl", F_OK), -1);
    zs_graph_finish(g);
    zs_buf whole = {0};
    assert_int_equal(zs_write_jsonl(g, &whole, &err), 0);
    assert_true(whole.len > ((size_t)2 << 20)); /* more than one chunk */
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(zs_write(g, "jsonl", f, &err), 0);
    size_t n;
    char *got = slurp(f, &n);
    assert_int_equal(n, whole.len);
    assert_memory_equal(got, whole.data, n);
    free(got);
    fclose(f);
    char dir[] = "/tmp/zs_out_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/long.jsonl", dir);
    assert_int_equal(zs_write_file(g, path, NULL, &err), 0);
    assert_int_equal(count_files(dir, "long.jsonl"), 1);
    f = fopen(path, "rb");
    assert_non_null(f);
    got = slurp(f, &n);
    assert_int_equal(n, whole.len);
    assert_memory_equal(got, whole.data, n);
    free(got);
    fclose(f);
    f = fopen(path, "rb"); /* a stream that takes no writes */
    assert_non_null(f);
    assert_int_equal(zs_write(g, "jsonl", f, &err), -1);
    assert_int_equal(err.code, ZS_ERR_IO);
    fclose(f);
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    zs_buf_free(&whole);
    zs_buf_free(&text);
    zs_graph_free(g);
    zs_doc_free(d);
}

static zs_doc *seed(void)
{
    size_t len;
    zs_error err;
    char *text = zs_read_file(SEED, &len, &err);
    if (!text) return NULL;
    zs_doc *d = zs_doc_new(fixture_de, "seed", text, len, NULL, &err);
    free(text);
    if (!d) fail_msg("%s", err.msg);
    return d;
}

static void test_seed_timexes(void **state)
{
    (void)state;
    zs_doc *d = seed();
    if (!d) skip();
    assert_string_equal(zs_doc_dct(d), "2017-05-02T21:06+02:00");
    expect_timex(d, "2. Mai 2017, 21:06 Uhr", "TIME", "2017-05-02T21:06", "");
    expect_timex(d, "Juli", "DATE", "2017-07", "");
    expect_timex(d, "7.", "DATE", "2017-07-07", "");
    expect_timex(d, "8. Juli", "DATE", "2017-07-08", "");
    expect_timex(d, "Dienstagabend", "TIME", "2017-05-02TEV", "");
    expect_timex(d, "Januar", "DATE", "2017-01", "");
    expect_timex(d, "Anfang April", "DATE", "2017-04", "START");
    expect_timex(d, "Dienstag", "DATE", "2017-05-02", "");
    expect_timex(d, "derzeit", "DATE", "PRESENT_REF", "");
    expect_timex(d, "zur Zeit", "DATE", "PRESENT_REF", "");
    assert_int_equal(d->ntimexes, 10); /* nothing for "zum ersten Mal", "G20" */
    zs_doc_free(d);
}

/* The VEVENT whose SUMMARY is summary. */
static icalcomponent *vevent(icalcomponent *cal, const char *summary)
{
    for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
         c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
        if (strcmp(icalcomponent_get_summary(c), summary) == 0) return c;
    fail_msg("no VEVENT \"%s\"", summary);
    return NULL;
}

static void test_seed_calendar(void **state)
{
    (void)state;
    zs_doc *d = seed();
    if (!d) skip();
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    zs_buf b = {0};
    FILE *f = open_memstream(&b.data, &b.len);
    zs_error err;
    assert_int_equal(zs_write(g, "ics", f, &err), 0);
    fclose(f);
    assert_non_null(strstr(b.data, "DTSTART;VALUE=DATE:20170707\r\n"));
    assert_non_null(strstr(b.data, "DTEND;VALUE=DATE:20170709\r\n"));
    assert_non_null(strstr(b.data, "DTSTART;TZID=Europe/Berlin:20170502T180000\r\n"));
    assert_null(strstr(b.data, "freeassociation"));
    icalcomponent *cal = icalparser_parse_string(b.data);
    assert_non_null(cal);
    icalcomponent *tz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
    assert_non_null(tz);
    assert_string_equal(icalproperty_get_tzid(icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY)),
                        "Europe/Berlin");
    icalcomponent *call = vevent(cal, "Telefonat Putin – Trump");
    struct icaltimetype s = icalcomponent_get_dtstart(call);
    assert_int_equal(s.year, 2017);
    assert_int_equal(s.month, 5);
    assert_int_equal(s.day, 2);
    assert_int_equal(s.hour, 18);
    icalcomponent *summit = vevent(cal, "G20-Gipfel in Hamburg");
    assert_true(icalcomponent_get_dtstart(summit).is_date);
    assert_int_equal(icalcomponent_get_dtend(summit).day, 9);
    icalcomponent *meeting = vevent(cal, "Treffen Putin – Trump");
    assert_int_equal(icalcomponent_get_dtstart(meeting).month, 7);
    assert_int_equal(icalcomponent_get_dtend(meeting).month, 8);
    icalcomponent *strike = vevent(cal, "US-Angriff");
    assert_int_equal(icalcomponent_get_dtend(strike).day, 11);
    /* open-ended and undated events are left out */
    int n = icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
    size_t dated = 0;
    for (size_t i = 0; i < d->nevents; i++) dated += d->events[i].has_interval;
    assert_true(n > 0 && (size_t)n <= dated);
    icalcomponent_free(cal);
    free(b.data);
    zs_graph_free(g);
    zs_doc_free(d);
}

/* "14 Uhr MEZ" in a Berlin article in July is 15:00 there: the feed's
 * DTSTART, read back by libical against its VTIMEZONE, is 13:00 UTC; a
 * clock time without a zone word stays the article's. */
static void test_zone_calendar(void **state)
{
    (void)state;
    const char *text = "Die Waffenruhe beginnt am 7. Juli 2017 um 14 Uhr MEZ. "
                       "Die Gespräche beginnen am 9. Juli 2017 um 18 Uhr.";
    zs_options o = {.dct = "2017-07-05", .tz = "Europe/Berlin"};
    zs_error err;
    zs_doc *d = zs_doc_new(fixture_de, "t.txt", text, strlen(text), &o, &err);
    assert_non_null(d);
    expect_timex(d, "14 Uhr MEZ", "TIME", "2017-07-07T14:00", "");
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    zs_buf b = {0};
    FILE *f = open_memstream(&b.data, &b.len);
    assert_int_equal(zs_write(g, "ics", f, &err), 0);
    fclose(f);
    icalcomponent *cal = icalparser_parse_string(b.data);
    assert_non_null(cal);
    /* the two beginnings in file order: 2017-07-07T13:00Z, 2017-07-09T16:00Z */
    const time_t want[] = {1499432400, 1499616000};
    int n = 0;
    for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
         c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        if (strcmp(icalcomponent_get_summary(c), "Beginn") != 0) continue;
        struct icaltimetype s = icalcomponent_get_dtstart(c);
        assert_true(n < 2);
        assert_non_null(s.zone);
        assert_string_equal(icaltimezone_get_tzid((icaltimezone *)s.zone), "Europe/Berlin");
        assert_int_equal(icaltime_as_timet_with_zone(s, s.zone), want[n++]);
    }
    assert_int_equal(n, 2);
    icalcomponent_free(cal);
    free(b.data);
    zs_graph_free(g);
    zs_doc_free(d);
}

static const zs_event *event_titled(const zs_doc *d, const char *title, bool dated)
{
    for (size_t i = 0; i < d->nevents; i++)
        if (strcmp(d->events[i].title, title) == 0 && d->events[i].has_interval == dated)
            return &d->events[i];
    fail_msg("no event \"%s\"", title);
    return NULL;
}

/* The public accessors give each event's title and sorted participants:
 * the call's from "Telefonat von Putin und Trump" and "Trump und Putin
 * hatten ... telefoniert", none of the places ("in Moskau"). */
static void test_seed_participants(void **state)
{
    (void)state;
    zs_doc *d = seed();
    if (!d) skip();
    const zs_event *call = event_titled(d, "Telefonat Putin – Trump", true);
    size_t i = (size_t)(call - d->events);
    assert_string_equal(zs_doc_event_title(d, i), "Telefonat Putin – Trump");
    assert_int_equal(zs_doc_event_participant_count(d, i), 2);
    assert_string_equal(zs_doc_event_participant(d, i, 0), "Putin");
    assert_string_equal(zs_doc_event_participant(d, i, 1), "Trump");
    assert_null(zs_doc_event_participant(d, i, 2));
    assert_null(zs_doc_event_title(d, d->nevents));
    assert_int_equal(zs_doc_event_participant_count(d, d->nevents), 0);
    for (size_t k = 0; k < d->nevents; k++)
        for (size_t j = 0; j < zs_doc_event_participant_count(d, k); j++)
            assert_string_not_equal(zs_doc_event_participant(d, k, j), "Moskau");
    zs_doc_free(d);
}

static void test_seed_signal(void **state)
{
    (void)state;
    zs_doc *d = seed();
    if (!d) skip();
    /* "Das teilte der Kreml ... nach einem Telefonat ... am Dienstagabend mit." */
    const zs_event *call = event_titled(d, "Telefonat Putin – Trump", true);
    const zs_event *said = event_titled(d, "Mitteilung Kreml", true);
    assert_int_equal(said->begin, call->begin);
    assert_true(said->rank > call->rank);
    bool linked = false;
    for (size_t i = 0; i < d->ntlinks; i++) {
        const zs_tlink *l = &d->tlinks[i];
        if (!strcmp(l->from, said->id) && !strcmp(l->to, call->id) && l->rel == ZS_REL_AFTER &&
            !strcmp(l->source, "signal:nach"))
            linked = true;
    }
    assert_true(linked);
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    size_t at_call = 0, at_said = 0;
    for (size_t i = 0; i < g->nevents; i++) {
        if (zs_gnode_event(&g->events[i]) == call) at_call = i;
        if (zs_gnode_event(&g->events[i]) == said) at_said = i;
    }
    assert_true(at_call < at_said);
    zs_graph_free(g);
    zs_doc_free(d);
}

/* "am Vorabend" (signal_before in de/events.zt) orders the event before it
 * before the one it names. */
static void test_signal_vorabend(void **state)
{
    const zs_lang *de = *state;
    const char *text = "Die Minister trafen sich am Vorabend des Gipfels.";
    zs_options o = {.dct = "2019-11-12"};
    zs_error err;
    zs_doc *d = zs_doc_new(de, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_int_equal(d->nevents, 2);
    bool linked = false;
    for (size_t i = 0; i < d->nbase; i++) {
        const zs_tlink *l = &d->tlinks[i];
        if (!strcmp(l->from, d->events[0].id) && !strcmp(l->to, d->events[1].id) &&
            l->rel == ZS_REL_BEFORE && !strcmp(l->source, "signal:am vorabend"))
            linked = true;
    }
    assert_true(linked);
    zs_doc_free(d);
}

/* A verb on -ieren the lexicon does not list is an event by its ending
 * (event_suffix in de/events.zt), with the lemma "-ieren"; not the same
 * form after an article, an adjective there, nor an adjective of a state
 * (event_not); no word of event_not nor a compound whose head is one
 * ("Auswahl"; "preise", "kreisen": no "Reise"; "Niederschlag"). */
static void test_ieren_adjectives(void **state)
{
    const zs_lang *de = *state;
    const char *text = "Die renovierte Schule wurde gestern von der Gemeinde prämiert. "
                       "Viele Eltern sind sehr interessiert, die engagierten Lehrer auch. "
                       "Die Verbraucherpreise in den Landkreisen blieben gleich. "
                       "Die Auswahl war groß, der Niederschlag stark.";
    zs_options o = {.dct = "2019-11-12"};
    zs_error err;
    zs_doc *d = zs_doc_new(de, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].lemma, "prämieren");
    assert_int_equal(d->events[0].b0, (size_t)(strstr(text, "prämiert") - text));
    zs_doc_free(d);
}

static void test_seed_order(void **state)
{
    (void)state;
    zs_doc *d = seed();
    if (!d) skip();
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    const char *want[] = {"Amtsantritt Trump", "US-Angriff", "Telefonat Putin – Trump", "G20-Gipfel in Hamburg"};
    size_t k = 0;
    for (size_t i = 0; i < g->nevents && k < 4; i++) {
        const zs_event *e = zs_gnode_event(&g->events[i]);
        if (e->has_interval && strcmp(e->title, want[k]) == 0) k++;
    }
    assert_int_equal(k, 4);
    zs_graph_free(g);
    zs_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dateline_and_offsets),
        cmocka_unit_test(test_dct_option),
        cmocka_unit_test(test_clock_time_anchoring),
        cmocka_unit_test(test_narrative_sections),
        cmocka_unit_test(test_input_errors),
        cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_impossible_dates_dropped),
        cmocka_unit_test(test_write_file),
        cmocka_unit_test(test_write_jsonl_streamed),
        cmocka_unit_test(test_seed_timexes),
        cmocka_unit_test(test_seed_calendar),
        cmocka_unit_test(test_zone_calendar),
        cmocka_unit_test(test_seed_order),
        cmocka_unit_test(test_seed_signal),
        cmocka_unit_test(test_signal_vorabend),
        cmocka_unit_test(test_ieren_adjectives),
        cmocka_unit_test(test_seed_participants),
    };
    return cmocka_run_group_tests(tests, fixture_setup_de, fixture_teardown_de);
}
