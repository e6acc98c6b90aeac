/* Tests of the iCalendar writer against the hand-built fixture: the output
 * is parsed back with libical and its bytes are checked line by line. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "fixture.h"
#include "writers.h"

static const zs_write_options no_options = {0};

/* Renders g as iCalendar into a new NUL-terminated string (caller frees),
 * failing the test if the writer fails. */
static char *render(const zs_graph *g)
{
    zs_buf out = {0};
    zs_error err = {0};
    int rc = zs_write_ics(g, &no_options, &out, &err);
    if (rc != 0) fail_msg("zs_write_ics: %s", err.msg);
    assert_non_null(out.data);
    return out.data;
}

/* Renders the graph of doc d. */
static char *render_doc(const zs_doc *d)
{
    zs_graph *g = fixture_graph(d);
    char *s = render(g);
    zs_graph_free(g);
    return s;
}

/* Renders the untouched fixture. */
static char *render_fixture(void)
{
    zs_doc *d = fixture_doc();
    char *s = render_doc(d);
    fixture_doc_free(d);
    return s;
}

/* Parses s with libical into a VCALENDAR (caller frees). */
static icalcomponent *parse(const char *s)
{
    icalcomponent *cal = icalparser_parse_string(s);
    assert_non_null(cal);
    assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
    return cal;
}

/* Number of direct subcomponents of cal of the given kind. */
static int count_components(icalcomponent *cal, icalcomponent_kind kind)
{
    int n = 0;
    for (icalcomponent *c = icalcomponent_get_first_component(cal, kind); c;
         c = icalcomponent_get_next_component(cal, kind))
        n++;
    return n;
}

/* The VEVENT of cal whose SUMMARY is summary; fails if there is none. */
static icalcomponent *find_event(icalcomponent *cal, const char *summary)
{
    for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
         c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
        if (strcmp(icalcomponent_get_summary(c), summary) == 0) return c;
    fail_msg("no VEVENT with SUMMARY %s", summary);
    return NULL;
}

/* Value of the X- property name of comp, or NULL. */
static const char *x_prop(icalcomponent *comp, const char *name)
{
    for (icalproperty *p = icalcomponent_get_first_property(comp, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(comp, ICAL_X_PROPERTY))
        if (strcmp(icalproperty_get_x_name(p), name) == 0) return icalproperty_get_x(p);
    return NULL;
}

/* Asserts the physical lines of s: each ends with CRLF, has no other CR or
 * LF, is at most 75 octets, and neither it nor its content after a fold's
 * leading space starts inside a UTF-8 sequence. */
static void assert_lines_ok(const char *s)
{
    size_t len = strlen(s);
    assert_true(len >= 2);
    assert_memory_equal(s + len - 2, "\r\n", 2);
    for (const char *l = s; *l;) {
        const char *eol = strstr(l, "\r\n");
        assert_non_null(eol);
        size_t n = (size_t)(eol - l);
        assert_true(n <= 75);
        assert_null(memchr(l, '\r', n));
        assert_null(memchr(l, '\n', n));
        if (n > 0) assert_int_not_equal((unsigned char)l[0] & 0xC0, 0x80);
        if (n > 1 && l[0] == ' ') assert_int_not_equal((unsigned char)l[1] & 0xC0, 0x80);
        l = eol + 2;
    }
}

/* Asserts that the raw text s holds the content line line (CRLF added). */
static void assert_has_line(const char *s, const char *line)
{
    char buf[256];
    snprintf(buf, sizeof buf, "\r\n%s\r\n", line);
    if (!strstr(s, buf)) fail_msg("missing line: %s", line);
}

/* Four dated events become VEVENTs; the undated one is counted; the calendar
 * properties are there. */
static void test_four_vevents(void **state)
{
    (void)state;
    char *s = render_fixture();
    icalcomponent *cal = parse(s);
    assert_int_equal(count_components(cal, ICAL_VEVENT_COMPONENT), 4);
    assert_null(strstr(s, "Untersuchung"));
    assert_string_equal(x_prop(cal, "X-ZEITSTRAHL-UNDATED"), "1");
    assert_string_equal(icalproperty_get_version(
                            icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY)),
                        "2.0");
    assert_has_line(s, "PRODID:-//zeitstrahl//zeitstrahl " ZS_VERSION "//EN");
    assert_has_line(s, "CALSCALE:GREGORIAN");
    assert_has_line(s, "NAME:zeitstrahl");
    assert_has_line(s, "X-WR-CALNAME:zeitstrahl");
    icalcomponent_free(cal);
    free(s);
}

/* VEVENTs follow the graph's time order. */
static void test_events_in_time_order(void **state)
{
    (void)state;
    char *s = render_fixture();
    const char *a = strstr(s, "SUMMARY:Angriff"), *t = strstr(s, "SUMMARY:Telefonat");
    const char *m = strstr(s, "SUMMARY:Treffen"), *g = strstr(s, "SUMMARY:Gipfel in Hamburg");
    assert_true(a && t && m && g);
    assert_true(a < t && t < m && m < g);
    free(s);
}

/* Whole days: VALUE=DATE with an exclusive DTEND. */
static void test_summit_is_all_day(void **state)
{
    (void)state;
    char *s = render_fixture();
    assert_has_line(s, "DTSTART;VALUE=DATE:20170707");
    assert_has_line(s, "DTEND;VALUE=DATE:20170709");
    icalcomponent *cal = parse(s);
    icalcomponent *ev = find_event(cal, "Gipfel in Hamburg");
    icaltimetype b = icalcomponent_get_dtstart(ev), e = icalcomponent_get_dtend(ev);
    assert_true(b.is_date && e.is_date);
    assert_int_equal(b.year * 10000 + b.month * 100 + b.day, 20170707);
    assert_int_equal(e.year * 10000 + e.month * 100 + e.day, 20170709);
    icalcomponent_free(cal);
    free(s);
}

/* Clock times: local date-times with a plain TZID. */
static void test_telefonat_has_tzid(void **state)
{
    (void)state;
    char *s = render_fixture();
    assert_has_line(s, "DTSTART;TZID=Europe/Berlin:20170502T180000");
    assert_has_line(s, "DTEND;TZID=Europe/Berlin:20170502T220000");
    icalcomponent *cal = parse(s);
    icalcomponent *ev = find_event(cal, "Telefonat");
    icalproperty *p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    icalparameter *tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    assert_non_null(tzid);
    assert_string_equal(icalparameter_get_tzid(tzid), "Europe/Berlin");
    icaltimetype b = icalproperty_get_dtstart(p);
    assert_false(b.is_date);
    assert_int_equal(b.hour, 18);
    assert_int_equal(b.minute, 0);
    icaltimetype e = icalcomponent_get_dtend(ev);
    assert_int_equal(e.hour, 22);
    icalcomponent_free(cal);
    free(s);
}

/* One VTIMEZONE, plain TZID, no libical prefix, no pre-feed history. */
static void test_one_plain_vtimezone(void **state)
{
    (void)state;
    char *s = render_fixture();
    assert_null(strstr(s, "freeassociation"));
    icalcomponent *cal = parse(s);
    assert_int_equal(count_components(cal, ICAL_VTIMEZONE_COMPONENT), 1);
    icalcomponent *vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
    icalproperty *p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
    assert_string_equal(icalproperty_get_tzid(p), "Europe/Berlin");
    /* truncated: no observance from before the feed's year */
    assert_null(strstr(s, "DTSTART:1"));
    icalcomponent_free(cal);
    free(s);
}

/* UTC hour of the DTSTART of event summary in s, computed with the
 * VTIMEZONE that s itself carries. */
static int utc_hour_via_feed_zone(const char *s, const char *summary)
{
    icalcomponent *cal = parse(s);
    icalcomponent *vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
    assert_non_null(vtz);
    icaltimezone *zone = icaltimezone_new();
    assert_true(icaltimezone_set_component(zone, icalcomponent_new_clone(vtz)));
    icaltimetype t = icalproperty_get_dtstart(icalcomponent_get_first_property(
        find_event(cal, summary), ICAL_DTSTART_PROPERTY));
    t.zone = zone;
    icaltimetype u = icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone());
    icaltimezone_free(zone, 1);
    icalcomponent_free(cal);
    return u.hour;
}

/* Appends to d a copy of event i with lemma and title replaced. */
static void copy_event(zs_doc *d, size_t i, const char *lemma, const char *title)
{
    ZS_GROW(d->events, d->events_cap, d->nevents + 1);
    zs_event *e = &d->events[d->nevents];
    *e = d->events[i];
    snprintf(e->id, sizeof e->id, "e%zu", d->nevents + 1);
    e->lemma = zs_xstrdup(lemma);
    e->title = zs_xstrdup(title);
    d->nevents++;
}

/* The truncated VTIMEZONE converts the feed's times correctly, across years. */
static void test_vtimezone_gives_right_offsets(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    char *s = render_doc(d);
    assert_int_equal(utc_hour_via_feed_zone(s, "Telefonat"), 16); /* CEST */
    free(s);
    /* another call at the same time, and the first one moved to a winter two
     * years earlier: the one zone must now cover 2015 to 2017 */
    copy_event(d, 0, "anruf", "Anruf");
    d->events[0].begin = zs_lsec_make(zs_days_from_civil(2015, 1, 20), 18, 0, 0);
    d->events[0].until = d->events[0].begin + 4 * 3600;
    s = render_doc(d);
    assert_has_line(s, "DTSTART;TZID=Europe/Berlin:20150120T180000");
    assert_has_line(s, "DTSTART;TZID=Europe/Berlin:20170502T180000");
    assert_int_equal(utc_hour_via_feed_zone(s, "Telefonat"), 17); /* CET */
    assert_int_equal(utc_hour_via_feed_zone(s, "Anruf"), 16);
    icalcomponent *cal = parse(s);
    assert_int_equal(count_components(cal, ICAL_VTIMEZONE_COMPONENT), 1);
    icalcomponent_free(cal);
    assert_lines_ok(s);
    free(s);
    fixture_doc_free(d);
}

/* CRLF line ends, at most 75 octets, no line starting inside a character. */
static void test_lines_crlf_and_short(void **state)
{
    (void)state;
    char *s = render_fixture();
    assert_lines_ok(s);
    free(s);
}

/* Vague events are TRANSPARENT and state their precision twice: for
 * programs, and in the description in the templates' words. */
static void test_vague_events_transparent(void **state)
{
    (void)state;
    char *s = render_fixture();
    icalcomponent *cal = parse(s);
    struct {
        const char *summary;
        icalproperty_transp transp;
        const char *precision, *words; /* X-ZEITSTRAHL-PRECISION, DESCRIPTION */
    } want[] = {
        {"Treffen", ICAL_TRANSP_TRANSPARENT, "month", "Monat"},
        {"Angriff", ICAL_TRANSP_TRANSPARENT, "month START", "Monat, Anfang"},
        {"Telefonat", ICAL_TRANSP_TRANSPARENT, "partofday", "Tageszeit"},
        {"Gipfel in Hamburg", ICAL_TRANSP_OPAQUE, NULL, NULL},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        icalcomponent *ev = find_event(cal, want[i].summary);
        icalproperty *p = icalcomponent_get_first_property(ev, ICAL_TRANSP_PROPERTY);
        assert_non_null(p);
        assert_int_equal(icalproperty_get_transp(p), want[i].transp);
        const char *prec = x_prop(ev, "X-ZEITSTRAHL-PRECISION");
        if (want[i].precision) {
            assert_non_null(prec);
            assert_string_equal(prec, want[i].precision);
            char line[64];
            snprintf(line, sizeof line, "\nGenauigkeit: %s", want[i].words);
            assert_non_null(strstr(icalcomponent_get_description(ev), line));
        } else {
            assert_null(prec);
            assert_null(strstr(icalcomponent_get_description(ev), "Genauigkeit"));
        }
        assert_string_equal(x_prop(ev, "X-ZEITSTRAHL-CLASS"), "OCCURRENCE");
    }
    icalcomponent_free(cal);
    free(s);
}

/* An ongoing event (begun "Anfang April", told in the present): whole days
 * from its beginning to the end of the publication day, transparent, the
 * precision its beginning's, and a line and a property that it goes on. */
static void test_ongoing(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    zs_event *e = &d->events[3];
    e->ongoing = true;
    e->until = zs_lsec_make(zs_days_from_civil(2017, 5, 3), 0, 0, 0);
    char *s = render_doc(d);
    assert_non_null(strstr(s, "DTSTART;VALUE=DATE:20170401\r\nDTEND;VALUE=DATE:20170503\r\n"));
    icalcomponent *cal = parse(s);
    icalcomponent *ev = find_event(cal, "Angriff");
    assert_string_equal(x_prop(ev, "X-ZEITSTRAHL-ONGOING"), "TRUE");
    assert_string_equal(x_prop(ev, "X-ZEITSTRAHL-PRECISION"), "month START");
    assert_non_null(strstr(icalcomponent_get_description(ev),
                           "\nGenauigkeit: Monat, Anfang\ndauert bei Ver\xc3\xb6" "ffentlichung an"));
    assert_null(x_prop(find_event(cal, "Treffen"), "X-ZEITSTRAHL-ONGOING"));
    icalcomponent_free(cal);
    free(s);
    fixture_doc_free(d);
}

/* DESCRIPTION: quoted sentence with collapsed whitespace, source, TIMEX3. */
static void test_description(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    /* whitespace and whitespace runs inside the sentence become one space */
    char *p = strstr(d->text, "Der Gipfel findet");
    p[3] = '\n';
    memcpy(strstr(d->text, " in Hamburg"), "\n\t\r ", 4);
    char *s = render_doc(d);
    icalcomponent *cal = parse(s);
    assert_string_equal(icalcomponent_get_description(find_event(cal, "Gipfel in Hamburg")),
                        "\xe2\x80\x9e" "Der Gipfel findet am 7. und 8. Juli Hamburg statt."
                        "\xe2\x80\x9c\nQuelle: fixture.txt\nTIMEX3: 2017-07-07");
    assert_string_equal(icalcomponent_get_description(find_event(cal, "Telefonat")),
                        "\xe2\x80\x9e" "Nach einem Telefonat am Dienstagabend wollen die "
                        "Minister sich im Juli treffen.\xe2\x80\x9c\nQuelle: fixture.txt\n"
                        "TIMEX3: 2017-05-02TEV\nGenauigkeit: Tageszeit");
    icalcomponent_free(cal);
    free(s);
    fixture_doc_free(d);
}

/* UIDs are 16 hex digits @zeitstrahl, distinct; SEQUENCE is 0. */
static void test_uids(void **state)
{
    (void)state;
    char *s = render_fixture();
    icalcomponent *cal = parse(s);
    const char *seen[4];
    int n = 0;
    for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
         c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        const char *uid = icalcomponent_get_uid(c);
        assert_int_equal(strlen(uid), 16 + strlen("@zeitstrahl"));
        assert_int_equal(strspn(uid, "0123456789abcdef"), 16);
        assert_string_equal(uid + 16, "@zeitstrahl");
        for (int i = 0; i < n; i++) assert_string_not_equal(seen[i], uid);
        seen[n++] = uid;
        assert_int_equal(icalproperty_get_sequence(
                             icalcomponent_get_first_property(c, ICAL_SEQUENCE_PROPERTY)),
                         0);
    }
    assert_int_equal(n, 4);
    icalcomponent_free(cal);
    free(s);
}

/* Same graph, same bytes; storage order of events does not matter. */
static void test_deterministic(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    zs_graph *g = fixture_graph(d);
    char *a = render(g), *b = render(g);
    assert_string_equal(a, b);
    free(b);
    /* the same events stored in another order: same bytes, same UIDs */
    zs_event tmp = d->events[0];
    d->events[0] = d->events[3];
    d->events[3] = tmp;
    b = render_doc(d);
    assert_string_equal(a, b);
    free(a);
    free(b);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* DTSTAMP from SOURCE_DATE_EPOCH, else from the DCT in UTC. */
static void test_dtstamp(void **state)
{
    (void)state;
    setenv("SOURCE_DATE_EPOCH", "0", 1);
    char *s = render_fixture();
    assert_has_line(s, "DTSTAMP:19700101T000000Z");
    free(s);
    setenv("SOURCE_DATE_EPOCH", "1500000000", 1);
    s = render_fixture();
    assert_has_line(s, "DTSTAMP:20170714T024000Z");
    free(s);
    /* invalid: fall back to the publication time in UTC */
    setenv("SOURCE_DATE_EPOCH", "12ab", 1);
    s = render_fixture();
    assert_has_line(s, "DTSTAMP:20170502T190600Z");
    free(s);
    unsetenv("SOURCE_DATE_EPOCH");
    s = render_fixture();
    assert_has_line(s, "DTSTAMP:20170502T190600Z");
    free(s);
}

/* Sets event i's title to a copy of title. */
static void set_title(zs_doc *d, size_t i, const char *title)
{
    free(d->events[i].title);
    d->events[i].title = zs_xstrdup(title);
}

/* A long SUMMARY of multi-byte characters folds and round-trips. */
static void test_long_non_ascii_folds(void **state)
{
    (void)state;
    static const char word[] = "Gr\xc3\xb6\xc3\x9f" "enwahn \xe2\x80\x9e" "Stra\xc3\x9f"
                               "enbahn\xe2\x80\x9c \xe2\x82\xac\xf0\x9f\x98\x80 ";
    zs_doc *d = fixture_doc();
    char title[1024] = "";
    for (int i = 0; i < 12; i++) strcat(title, word);
    title[strlen(title) - 1] = '\0'; /* no trailing space */
    set_title(d, 2, title);
    char *s = render_doc(d);
    assert_lines_ok(s);
    icalcomponent *cal = parse(s);
    assert_string_equal(icalcomponent_get_summary(find_event(cal, title)), title);
    icalcomponent_free(cal);
    free(s);
    fixture_doc_free(d);
}

/* Folding at every offset keeps lines valid and text intact. */
static void test_every_fold_position(void **state)
{
    (void)state;
    /* titles of every length from 1 to 160 octets, of mixed character widths
     * and of ASCII only, put a fold at every position; the ASCII title of 73
     * octets hits libical 3.0.16's CRLF split */
    static const char *pieces[] = {"a", "\xc3\xa4", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "b"};
    zs_doc *d = fixture_doc();
    for (size_t len = 1; len <= 160; len++) {
        for (size_t shift = 0; shift <= 5; shift++) {
            char title[256] = "";
            size_t n = 0;
            for (size_t k = shift; n < len; k++) {
                const char *p = shift == 5 ? "a" : pieces[k % 5];
                if (n + strlen(p) > len) p = "x";
                strcat(title, p);
                n += strlen(p);
            }
            set_title(d, 3, title);
            char *s = render_doc(d);
            assert_lines_ok(s);
            icalcomponent *cal = parse(s);
            find_event(cal, title);
            icalcomponent_free(cal);
            free(s);
        }
    }
    fixture_doc_free(d);
}

/* An event with the UID of an earlier one is written once. */
static void test_same_event_twice_written_once(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    copy_event(d, 2, "gipfel", "Gipfel");        /* same lemma and interval */
    copy_event(d, 2, "konferenz", "Konferenz");  /* same interval only */
    char *s = render_doc(d);
    icalcomponent *cal = parse(s);
    assert_int_equal(count_components(cal, ICAL_VEVENT_COMPONENT), 5);
    find_event(cal, "Gipfel in Hamburg"); /* the first mention wins */
    find_event(cal, "Konferenz");
    icalcomponent_free(cal);
    free(s);
    fixture_doc_free(d);
}

/* A zone without a libical VTIMEZONE (UTC) gives UTC times. */
static void test_utc_zone_needs_no_vtimezone(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    snprintf(d->tz, sizeof d->tz, "UTC");
    char *s = render_doc(d);
    assert_has_line(s, "DTSTART:20170502T180000Z");
    assert_has_line(s, "DTEND:20170502T220000Z");
    assert_has_line(s, "DTSTAMP:20170502T210600Z");
    icalcomponent *cal = parse(s);
    assert_int_equal(count_components(cal, ICAL_VTIMEZONE_COMPONENT), 0);
    icalcomponent_free(cal);
    free(s);
    fixture_doc_free(d);
}

/* An empty graph gives an empty but valid calendar. */
static void test_empty_graph(void **state)
{
    (void)state;
    zs_graph *g = zs_graph_new();
    char *s = render(g);
    assert_lines_ok(s);
    icalcomponent *cal = parse(s);
    assert_int_equal(count_components(cal, ICAL_ANY_COMPONENT), 0);
    assert_string_equal(x_prop(cal, "X-ZEITSTRAHL-UNDATED"), "0");
    icalcomponent_free(cal);
    free(s);
    zs_graph_free(g);
}

/* The writer appends to what out already holds. */
static void test_appends_to_buffer(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    zs_graph *g = fixture_graph(d);
    zs_buf out = {0};
    zs_buf_puts(&out, "prefix");
    zs_error err = {0};
    assert_int_equal(zs_write_ics(g, &no_options, &out, &err), 0);
    assert_memory_equal(out.data, "prefixBEGIN:VCALENDAR\r\n", 23);
    zs_buf_free(&out);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* Renders g with options o into a new string (caller frees); the writer's
 * notes go into *notes (caller frees) if notes is not NULL. */
static char *render_with(const zs_graph *g, zs_write_options o, char **notes)
{
    size_t nlen = 0;
    char *nbuf = NULL;
    FILE *nf = notes ? open_memstream(&nbuf, &nlen) : NULL;
    o.notes = nf;
    zs_buf out = {0};
    zs_error err = {0};
    int rc = zs_write_ics(g, &o, &out, &err);
    if (nf) fclose(nf);
    if (notes) *notes = nbuf;
    if (rc != 0) fail_msg("zs_write_ics: %s", err.msg);
    return out.data;
}

/* Writes s to a new temporary file; returns its path (static buffer). */
static const char *temp_feed(const char *s)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/zs_test_feedXXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    fputs(s, f);
    fclose(f);
    return path;
}

/* The feed of d's graph, written to a new temporary file, whose path goes
 * to prev; uid gets the UID of its summit ("Gipfel in Hamburg"). */
static char *summit_feed(const zs_doc *d, char uid[64], char prev[64])
{
    zs_graph *g = fixture_graph(d);
    char *s = render(g);
    zs_graph_free(g);
    icalcomponent *cal = parse(s);
    snprintf(uid, 64, "%s", icalcomponent_get_uid(find_event(cal, "Gipfel in Hamburg")));
    icalcomponent_free(cal);
    snprintf(prev, 64, "%s", temp_feed(s));
    return s;
}

/* The feed's name, refresh interval and URL come from the options; its
 * description names the documents. */
static void test_calendar_properties(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    zs_graph *g = fixture_graph(d);
    char *s = render_with(g, (zs_write_options){.calendar_name = "Nahost, Woche 18",
                                                .feed_url = "https://example.org/n.ics",
                                                .refresh = "PT6H"}, NULL);
    assert_has_line(s, "NAME:Nahost\\, Woche 18");
    /* libical 3.0 escapes only backslashes and line breaks in X- values */
    assert_has_line(s, "X-WR-CALNAME:Nahost, Woche 18");
    assert_has_line(s, "REFRESH-INTERVAL;VALUE=DURATION:PT6H");
    assert_has_line(s, "SOURCE;VALUE=URI:https://example.org/n.ics");
    assert_has_line(s, "URL:https://example.org/n.ics");
    assert_has_line(s, "DESCRIPTION:Quellen: fixture.txt");
    icalcomponent *cal = parse(s);
    assert_string_equal(icalproperty_get_name(
                            icalcomponent_get_first_property(cal, ICAL_NAME_PROPERTY)),
                        "Nahost, Woche 18");
    icalcomponent_free(cal);
    free(s);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* --min-precision day leaves the month-level events out and says so. */
static void test_min_precision(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    zs_graph *g = fixture_graph(d);
    char *notes = NULL;
    char *s = render_with(g, (zs_write_options){.min_precision = "day"}, &notes);
    icalcomponent *cal = parse(s);
    assert_int_equal(count_components(cal, ICAL_VEVENT_COMPONENT), 2);
    find_event(cal, "Telefonat");
    find_event(cal, "Gipfel in Hamburg");
    assert_string_equal(x_prop(cal, "X-ZEITSTRAHL-UNDATED"), "3");
    assert_string_equal(notes, "zeitstrahl: iCalendar: 3 events left out (1 undated, "
                               "2 coarser than the minimum precision)\n");
    icalcomponent_free(cal);
    free(s);
    free(notes);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* An event anchored to an open-ended reference is left out and counted. */
static void test_open_ended_left_out(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    d->events[4].time = 6; /* "derzeit": PRESENT_REF */
    zs_graph *g = fixture_graph(d);
    char *notes = NULL;
    char *s = render_with(g, (zs_write_options){0}, &notes);
    assert_string_equal(notes, "zeitstrahl: iCalendar: 1 event left out (1 open-ended)\n");
    free(s);
    free(notes);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* The SEQUENCE of an event from the previous feed: kept while its time
 * stays, raised when it changes; its UID stays. */
static void test_previous_sequence(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    char uid[64], prev1[64];
    char *first = summit_feed(d, uid, prev1);
    zs_graph *g;
    icalcomponent *cal;

    d->events[2].until += 86400; /* the summit now lasts three days */
    g = fixture_graph(d);
    char *second = render_with(g, (zs_write_options){.previous = prev1}, NULL);
    cal = parse(second);
    icalcomponent *ev = find_event(cal, "Gipfel in Hamburg");
    assert_string_equal(icalcomponent_get_uid(ev), uid);
    assert_int_equal(icalcomponent_get_sequence(ev), 1);
    assert_int_equal(icalcomponent_get_sequence(find_event(cal, "Treffen")), 0);
    assert_int_equal(count_components(cal, ICAL_VEVENT_COMPONENT), 4);
    icalcomponent_free(cal);

    /* rerun against the second feed: nothing changed, SEQUENCE stays 1 */
    const char *prev2 = temp_feed(second);
    char *third = render_with(g, (zs_write_options){.previous = prev2}, NULL);
    assert_string_equal(third, second);
    unlink(prev1);
    unlink(prev2);
    free(first);
    free(second);
    free(third);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* Events of other documents in the previous feed are carried over as they
 * were, with their zones; events of the graph's documents are replaced. */
static void test_previous_carried_over(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    zs_graph *g = fixture_graph(d);
    char *old = render(g);
    zs_graph_free(g);
    const char *prev = temp_feed(old);
    free(d->name);
    d->name = zs_xstrdup("zweiter.txt");
    g = fixture_graph(d);
    char *merged = render_with(g, (zs_write_options){.previous = prev}, NULL);
    icalcomponent *cal = parse(merged);
    assert_int_equal(count_components(cal, ICAL_VEVENT_COMPONENT), 8);
    assert_int_equal(count_components(cal, ICAL_VTIMEZONE_COMPONENT), 1);
    icalcomponent_free(cal);
    /* the merged feed as previous of the same graph: the same feed */
    const char *prev2 = temp_feed(merged);
    char *again = render_with(g, (zs_write_options){.previous = prev2}, NULL);
    assert_string_equal(again, merged);
    unlink(prev);
    unlink(prev2);
    free(old);
    free(merged);
    free(again);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* A cancelled event has STATUS:CANCELLED, and a new SEQUENCE where the
 * previous feed had it; one from another document takes the UID of the
 * carried-over event with its SUMMARY and DTSTART, which is not carried
 * over then: the reader sees the event it has cancelled. */
static void test_previous_cancelled(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    char uid[64], prev[64];
    char *old = summit_feed(d, uid, prev);
    icalcomponent *cal = parse(old);
    assert_null(icalcomponent_get_first_property(find_event(cal, "Gipfel in Hamburg"),
                                                 ICAL_STATUS_PROPERTY));
    icalcomponent_free(cal);
    zs_graph *g;

    d->events[2].modality = ZS_MODAL_CANCELLED; /* the same article, updated */
    g = fixture_graph(d);
    char *same = render_with(g, (zs_write_options){.previous = prev}, NULL);
    zs_graph_free(g);
    cal = parse(same);
    icalcomponent *ev = find_event(cal, "Gipfel in Hamburg");
    assert_string_equal(icalcomponent_get_uid(ev), uid);
    assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
    assert_int_equal(icalcomponent_get_sequence(ev), 1);
    assert_null(icalcomponent_get_first_property(find_event(cal, "Treffen"), ICAL_STATUS_PROPERTY));
    icalcomponent_free(cal);

    free(d->name); /* another article tells the cancellation */
    d->name = zs_xstrdup("zweiter.txt");
    g = fixture_graph(d);
    char *other = render_with(g, (zs_write_options){.previous = prev}, NULL);
    cal = parse(other);
    assert_int_equal(count_components(cal, ICAL_VEVENT_COMPONENT), 7); /* 4 + 4 - 1 */
    int summits = 0;
    for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
         c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        if (strcmp(icalcomponent_get_summary(c), "Gipfel in Hamburg") != 0) continue;
        summits++;
        assert_string_equal(icalcomponent_get_uid(c), uid);
        assert_int_equal(icalcomponent_get_status(c), ICAL_STATUS_CANCELLED);
        assert_int_equal(icalcomponent_get_sequence(c), 1);
    }
    assert_int_equal(summits, 1);
    icalcomponent_free(cal);
    unlink(prev);
    free(old);
    free(same);
    free(other);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* A postponed event of another article takes the place of the only
 * carried-over event with its SUMMARY and an earlier start: the reader's
 * event moves, with a new SEQUENCE. */
static void test_previous_postponed(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    char uid[64], prev[64];
    char *old = summit_feed(d, uid, prev);
    zs_graph *g;
    icalcomponent *cal;

    free(d->name);
    d->name = zs_xstrdup("zweiter.txt");
    d->events[2].begin += 28 * 86400; /* four weeks later */
    d->events[2].until += 28 * 86400;
    d->events[2].postponed = true;
    g = fixture_graph(d);
    char *moved = render_with(g, (zs_write_options){.previous = prev}, NULL);
    cal = parse(moved);
    assert_int_equal(count_components(cal, ICAL_VEVENT_COMPONENT), 7); /* 4 + 4 - 1 */
    icalcomponent *ev = find_event(cal, "Gipfel in Hamburg");
    assert_string_equal(icalcomponent_get_uid(ev), uid);
    assert_int_equal(icalcomponent_get_sequence(ev), 1);
    assert_int_equal(icalcomponent_get_dtstart(ev).day, 4); /* 2017-08-04 */
    assert_int_equal(icalcomponent_get_dtstart(ev).month, 8);
    assert_null(icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY));
    icalcomponent_free(cal);
    unlink(prev);
    free(old);
    free(moved);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* A previous feed that does not exist yet is an empty one; one that is no
 * iCalendar is an input error. */
static void test_previous_missing_or_bad(void **state)
{
    (void)state;
    zs_error err = {0};
    zs_write_options o = {.previous = "/nonexistent-dir-zs/feed.ics"};
    assert_int_equal(zs_write_options_check(&o, &err), 0);
    const char *bad = temp_feed("kein Kalender\n");
    o.previous = bad;
    assert_int_equal(zs_write_options_check(&o, &err), -1);
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_non_null(strstr(err.msg, "not an iCalendar feed"));
    unlink(bad);
    o = (zs_write_options){.refresh = "jeden Tag"};
    assert_int_equal(zs_write_options_check(&o, &err), -1);
    assert_int_equal(err.code, ZS_ERR_USAGE);
    o = (zs_write_options){.min_precision = "fortnight"};
    assert_int_equal(zs_write_options_check(&o, &err), -1);
    assert_int_equal(err.code, ZS_ERR_USAGE);
}

/* An event anchored to a set recurs: RRULE from its first occurrence on or
 * after the publication day, in the part of day the set names. */
static void test_set_as_rrule(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    ZS_GROW(d->timexes, d->timexes_cap, d->ntimexes + 1);
    zs_timex *x = &d->timexes[d->ntimexes];
    *x = d->timexes[6];
    x->rv.type = ZS_SET;
    snprintf(x->rv.value, sizeof x->rv.value, "XXXX-WXX-1TEV");
    x->rv.has_interval = false;
    d->events[4].time = (int)d->ntimexes++;
    zs_graph *g = fixture_graph(d);
    char *s = render(g);
    icalcomponent *cal = parse(s);
    icalcomponent *ev = find_event(cal, "Untersuchung");
    assert_has_line(s, "RRULE:FREQ=WEEKLY;BYDAY=MO");
    assert_has_line(s, "DTSTART;TZID=Europe/Berlin:20170508T180000");
    assert_has_line(s, "DTEND;TZID=Europe/Berlin:20170508T220000");
    assert_int_equal(icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY) != NULL, 1);
    assert_string_equal(x_prop(cal, "X-ZEITSTRAHL-UNDATED"), "0");
    icalcomponent_free(cal);
    free(s);
    /* daily, as whole days from the publication day */
    snprintf(d->timexes[d->events[4].time].rv.value, sizeof x->rv.value, "P2D");
    zs_graph_free(g);
    g = fixture_graph(d);
    s = render(g);
    assert_has_line(s, "RRULE:FREQ=DAILY;INTERVAL=2");
    assert_has_line(s, "DTSTART;VALUE=DATE:20170502");
    free(s);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* An event two documents report is one VEVENT quoting both, naming both
 * documents; its UID is the first report's. */
static void test_two_reports(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    zs_doc *other = fixture_doc();
    free(other->name);
    other->name = zs_xstrdup("zweiter.txt");
    zs_graph *g = fixture_graph(d);
    char *one = render(g);
    zs_graph_free(g);
    g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_add(g, other);
    zs_graph_finish(g);
    char *s = render(g);
    icalcomponent *cal = parse(s), *cal1 = parse(one);
    assert_int_equal(count_components(cal, ICAL_VEVENT_COMPONENT), 4);
    icalcomponent *ev = find_event(cal, "Gipfel in Hamburg");
    assert_string_equal(icalcomponent_get_uid(ev),
                        icalcomponent_get_uid(find_event(cal1, "Gipfel in Hamburg")));
    const char *desc = icalcomponent_get_description(ev);
    assert_non_null(strstr(desc, "Quelle: fixture.txt"));
    assert_non_null(strstr(desc, "Quelle: zweiter.txt"));
    int docs = 0;
    for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY))
        docs += strcmp(icalproperty_get_x_name(p), "X-ZEITSTRAHL-DOCUMENT") == 0;
    assert_int_equal(docs, 2);
    icalcomponent_free(cal);
    icalcomponent_free(cal1);
    free(s);
    free(one);
    zs_graph_free(g);
    fixture_doc_free(other);
    fixture_doc_free(d);
}

/* Starts the group without SOURCE_DATE_EPOCH. */
static int setup(void **state)
{
    (void)state;
    unsetenv("SOURCE_DATE_EPOCH");
    return 0;
}

/* Frees libical's global caches, for clean leak reports. */
static int teardown(void **state)
{
    (void)state;
    icaltimezone_free_builtin_timezones();
    icalmemory_free_ring();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_four_vevents),
        cmocka_unit_test(test_events_in_time_order),
        cmocka_unit_test(test_summit_is_all_day),
        cmocka_unit_test(test_telefonat_has_tzid),
        cmocka_unit_test(test_one_plain_vtimezone),
        cmocka_unit_test(test_vtimezone_gives_right_offsets),
        cmocka_unit_test(test_lines_crlf_and_short),
        cmocka_unit_test(test_vague_events_transparent),
        cmocka_unit_test(test_description),
        cmocka_unit_test(test_ongoing),
        cmocka_unit_test(test_uids),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_dtstamp),
        cmocka_unit_test(test_long_non_ascii_folds),
        cmocka_unit_test(test_every_fold_position),
        cmocka_unit_test(test_same_event_twice_written_once),
        cmocka_unit_test(test_utc_zone_needs_no_vtimezone),
        cmocka_unit_test(test_empty_graph),
        cmocka_unit_test(test_appends_to_buffer),
        cmocka_unit_test(test_calendar_properties),
        cmocka_unit_test(test_min_precision),
        cmocka_unit_test(test_open_ended_left_out),
        cmocka_unit_test(test_previous_sequence),
        cmocka_unit_test(test_previous_carried_over),
        cmocka_unit_test(test_previous_cancelled),
        cmocka_unit_test(test_previous_postponed),
        cmocka_unit_test(test_previous_missing_or_bad),
        cmocka_unit_test(test_set_as_rrule),
        cmocka_unit_test(test_two_reports),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
