/* iCalendar writer (RFC 5545, RFC 7986) on libical 3.0.
 *
 * One VEVENT per dated event of the graph, in graph order. Day-level or
 * coarser intervals become VALUE=DATE with an exclusive DTEND; finer ones
 * local date-times with TZID and one truncated VTIMEZONE per zone (or UTC
 * times when libical has no VTIMEZONE for the zone). Events without an
 * interval are left out and counted in the calendar's X-ZEITSTRAHL-UNDATED;
 * a later event with the UID of an earlier one (same document, lemma and
 * interval) is the same event mentioned twice and is written once.
 *
 * libical builds every component; the only text handling here is the final
 * line folding, because libical 3.0.16's folding can split the CRLF that
 * ends a content line (libical PR #1338, fixed in 4.0.3). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "doc.h"
#include "writers.h"

#define ICS_LINE_MAX 75                 /* octets per line, CRLF excluded */
#define ICS_DAY ((zs_lsec)86400)
#define ICS_EPOCH_MAX ((zs_lsec)253402300799) /* 9999-12-31T23:59:59Z */

/* A zone that clock times of the feed use, and the local years they span. */
typedef struct ics_zone {
    const char *tz;
    int y0, y1;
} ics_zone;

typedef struct ics_ctx {
    const zs_graph *g;
    icalcomponent *cal;
    ics_zone *zones;
    size_t nzones, zones_cap;
    uint64_t *uid;      /* per graph event: UID hash (dated events only) */
    bool *keep;         /* per graph event: write it */
    size_t undated;     /* events left out for want of an interval */
    zs_lsec dtstamp;    /* UTC seconds */
    bool failed;        /* a libical constructor returned NULL */
} ics_ctx;

/* Pairs a UID hash with its position in graph order, for duplicate search. */
typedef struct ics_uidref {
    uint64_t h;
    size_t i;
} ics_uidref;

/* ---- event classification ------------------------------------------- */

/* True if e is written as whole days: day-level or coarser and both ends
 * at midnight. */
static bool is_all_day(const zs_event *e)
{
    return e->gran <= ZS_GRAN_DAY && e->begin % ICS_DAY == 0 && e->until % ICS_DAY == 0;
}

/* True if e's interval only bounds the event: coarser than a day, modified
 * ("Anfang April"), or a part of day ("am Abend"). */
static bool is_vague(const zs_event *e)
{
    return e->gran < ZS_GRAN_DAY || e->gran == ZS_GRAN_PARTOFDAY || e->mod != ZS_MOD_NONE;
}

/* libical's built-in VTIMEZONE for tz, or NULL if it has none (unknown
 * zone, or UTC, which needs none). Owned by libical. */
static icalcomponent *builtin_vtimezone(const char *tz)
{
    icaltimezone *z = icaltimezone_get_builtin_timezone(tz);
    return z ? icaltimezone_get_component(z) : NULL;
}

/* ---- identity and stamps -------------------------------------------- */

/* Stable identity of an event: document name, lemma and interval, so that
 * reruns and merged feeds give the same UID whatever the output order. */
static uint64_t event_hash(const zs_doc *d, const zs_event *e)
{
    char iv[48];
    int n = snprintf(iv, sizeof iv, "%" PRId64 "/%" PRId64, e->begin, e->until);
    uint64_t h = zs_hash64(d->name, strlen(d->name) + 1, ZS_HASH64_INIT);
    h = zs_hash64(e->lemma, strlen(e->lemma) + 1, h);
    return zs_hash64(iv, (size_t)n, h);
}

/* SOURCE_DATE_EPOCH as UTC seconds into *t; false if unset or not a plain
 * decimal number of seconds up to the year 9999. */
static bool source_date_epoch(zs_lsec *t)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s) return false;
    zs_lsec v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > ICS_EPOCH_MAX / 10) return false;
        v = v * 10 + (*s - '0');
    }
    if (v > ICS_EPOCH_MAX) return false;
    *t = v;
    return true;
}

/* DTSTAMP of every VEVENT, in UTC seconds: SOURCE_DATE_EPOCH if valid, else
 * the newest publication time of the graph's documents (0 without any). */
static zs_lsec feed_dtstamp(const zs_graph *g)
{
    zs_lsec t = 0;
    if (source_date_epoch(&t)) return t;
    for (size_t i = 0; i < g->ndocs; i++) {
        const zs_doc *d = g->docs[i];
        zs_lsec utc = d->dct - zs_tz_offset(d->tz, d->dct);
        if (i == 0 || utc > t) t = utc;
    }
    return t;
}

/* ---- planning: which events, which zones ---------------------------- */

/* qsort order of UID references: by hash, then by graph position. */
static int cmp_uidref(const void *pa, const void *pb)
{
    const ics_uidref *a = pa, *b = pb;
    if (a->h != b->h) return a->h < b->h ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* Fills c->uid and c->keep: every dated event is kept except later ones
 * with the UID of an earlier one (the same event mentioned twice); counts
 * the undated ones. */
static void plan_events(ics_ctx *c)
{
    const zs_graph *g = c->g;
    ics_uidref *refs = zs_xreallocarray(NULL, g->nevents ? g->nevents : 1, sizeof *refs);
    size_t n = 0;
    for (size_t i = 0; i < g->nevents; i++) {
        const zs_event *e = zs_gnode_event(&g->events[i]);
        if (!e->has_interval) {
            c->undated++;
            continue;
        }
        c->uid[i] = event_hash(g->events[i].doc, e);
        refs[n++] = (ics_uidref){c->uid[i], i};
    }
    qsort(refs, n, sizeof *refs, cmp_uidref);
    for (size_t k = 0; k < n; k++)
        c->keep[refs[k].i] = k == 0 || refs[k].h != refs[k - 1].h;
    free(refs);
}

/* Records that a clock time of zone tz spans local years y0..y1. */
static void note_zone(ics_ctx *c, const char *tz, int y0, int y1)
{
    for (size_t i = 0; i < c->nzones; i++) {
        ics_zone *z = &c->zones[i];
        if (strcmp(z->tz, tz) == 0) {
            if (y0 < z->y0) z->y0 = y0;
            if (y1 > z->y1) z->y1 = y1;
            return;
        }
    }
    ZS_GROW(c->zones, c->zones_cap, c->nzones + 1);
    c->zones[c->nzones++] = (ics_zone){tz, y0, y1};
}

/* qsort order of zones: by name. */
static int cmp_zone(const void *pa, const void *pb)
{
    return strcmp(((const ics_zone *)pa)->tz, ((const ics_zone *)pb)->tz);
}

/* Collects the zones that kept clock-time events use, sorted by name. */
static void plan_zones(ics_ctx *c)
{
    for (size_t i = 0; i < c->g->nevents; i++) {
        const zs_gnode *n = &c->g->events[i];
        const zs_event *e = zs_gnode_event(n);
        if (!c->keep[i] || is_all_day(e) || !builtin_vtimezone(n->doc->tz)) continue;
        int y0, y1, m, d, h, mi, s;
        zs_lsec_split(e->begin, &y0, &m, &d, &h, &mi, &s);
        zs_lsec_split(e->until > e->begin ? e->until - 1 : e->begin, &y1, &m, &d, &h, &mi, &s);
        note_zone(c, n->doc->tz, y0, y1);
    }
    if (c->nzones > 1) qsort(c->zones, c->nzones, sizeof *c->zones, cmp_zone);
}

/* ---- libical building blocks ---------------------------------------- */

/* Adds p to comp; a NULL p (libical failed) marks the context failed. */
static void add_prop(ics_ctx *c, icalcomponent *comp, icalproperty *p)
{
    if (p)
        icalcomponent_add_property(comp, p);
    else
        c->failed = true;
}

/* An X- property name:value, or NULL if libical fails. */
static icalproperty *new_x(const char *name, const char *value)
{
    icalproperty *p = icalproperty_new_x(value);
    if (p) icalproperty_set_x_name(p, name);
    return p;
}

/* Adds a TZID=tz parameter to p; returns p, or NULL (p freed) on failure. */
static icalproperty *with_tzid(icalproperty *p, const char *tz)
{
    icalparameter *tzid = p ? icalparameter_new_tzid(tz) : NULL;
    if (!tzid) {
        if (p) icalproperty_free(p);
        return NULL;
    }
    icalproperty_add_parameter(p, tzid);
    return p;
}

/* Wall-clock t as an icaltimetype: a DATE if is_date, else a date-time in
 * zone (NULL: floating, to be labelled with a TZID parameter). */
static icaltimetype ical_time(zs_lsec t, bool is_date, const icaltimezone *zone)
{
    icaltimetype it = icaltime_null_time();
    int h, mi, s;
    zs_lsec_split(t, &it.year, &it.month, &it.day, &h, &mi, &s);
    it.is_date = is_date;
    if (!is_date) {
        it.hour = h;
        it.minute = mi;
        it.second = s;
    }
    it.zone = zone;
    return it;
}

/* A copy of libical's VTIMEZONE for z with the plain IANA name as TZID
 * (libical 3.0 prefixes "/freeassociation.sourceforge.net/" and ignores
 * icaltimezone_set_tzid_prefix("")), truncated to local years y0..y1: the
 * zone's whole history since 1893 is long, and its RRULEs trip strict
 * readers such as python3-icalendar 4.0.3. NULL if libical fails. */
static icalcomponent *make_vtimezone(const ics_zone *z)
{
    icaltimezone *zone = icaltimezone_get_builtin_timezone(z->tz);
    icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(zone));
    icalproperty *tzid = vtz ? icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY) : NULL;
    if (!tzid) {
        if (vtz) icalcomponent_free(vtz);
        return NULL;
    }
    icalproperty_set_tzid(tzid, z->tz);
    icaltimezone *utc = icaltimezone_get_utc_timezone();
    icaltimetype from = ical_time(zs_lsec_make(zs_days_from_civil(z->y0, 1, 1), 0, 0, 0),
                                  false, zone);
    icaltimetype to = ical_time(zs_lsec_make(zs_days_from_civil(z->y1 + 1, 1, 1), 0, 0, 0),
                                false, zone);
    icaltimezone_truncate_vtimezone(vtz, icaltime_convert_to_zone(from, utc),
                                    icaltime_convert_to_zone(to, utc), 0);
    return vtz;
}

/* ---- one event ------------------------------------------------------ */

/* Appends n bytes of s with every run of whitespace or control characters
 * turned into one space, and none at either end. */
static void put_collapsed(zs_buf *b, const char *s, size_t n)
{
    size_t start = b->len;
    bool gap = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch <= ' ' || ch == 0x7f) {
            gap = true;
            continue;
        }
        if (gap && b->len > start) zs_buf_putc(b, ' ');
        gap = false;
        zs_buf_putc(b, (char)ch);
    }
}

/* The precision of a vague event: "month", "month START". */
static void put_precision(zs_buf *b, const zs_event *e)
{
    zs_buf_puts(b, zs_gran_name(e->gran));
    if (e->mod != ZS_MOD_NONE) zs_buf_printf(b, " %s", zs_mod_name(e->mod));
}

/* DESCRIPTION of e (into b): the quoted source sentence, the document, the
 * TIMEX3 value if the event has a time, and the precision if vague. */
static void put_description(zs_buf *b, const zs_doc *d, const zs_event *e)
{
    const zs_sentence *s = &d->sents[e->sent];
    if (s->t1 > s->t0) {
        uint32_t b0 = d->toks[s->t0].b0, b1 = d->toks[s->t1 - 1].b1;
        zs_buf_puts(b, "\xe2\x80\x9e"); /* „ */
        put_collapsed(b, d->text + b0, b1 - b0);
        zs_buf_puts(b, "\xe2\x80\x9c\n"); /* “ */
    }
    zs_buf_puts(b, "Quelle: ");
    put_collapsed(b, d->name, strlen(d->name));
    if (e->time >= 0) zs_buf_printf(b, "\nTIMEX3: %s", d->timexes[e->time].rv.value);
    if (is_vague(e)) {
        zs_buf_puts(b, "\nGenauigkeit: ");
        put_precision(b, e);
    }
}

/* Adds DTSTART and DTEND of e: dates, local times with TZID where libical
 * has the zone, else UTC times converted with ICU's offsets. */
static void add_interval(ics_ctx *c, icalcomponent *ev, const zs_doc *d, const zs_event *e)
{
    icalproperty *ps, *pe;
    if (is_all_day(e)) {
        zs_lsec until = e->until > e->begin ? e->until : e->begin + ICS_DAY;
        ps = icalproperty_new_dtstart(ical_time(e->begin, true, NULL));
        pe = icalproperty_new_dtend(ical_time(until, true, NULL));
    } else if (builtin_vtimezone(d->tz)) {
        ps = with_tzid(icalproperty_new_dtstart(ical_time(e->begin, false, NULL)), d->tz);
        pe = with_tzid(icalproperty_new_dtend(ical_time(e->until, false, NULL)), d->tz);
    } else {
        icaltimezone *utc = icaltimezone_get_utc_timezone();
        ps = icalproperty_new_dtstart(
            ical_time(e->begin - zs_tz_offset(d->tz, e->begin), false, utc));
        pe = icalproperty_new_dtend(
            ical_time(e->until - zs_tz_offset(d->tz, e->until), false, utc));
    }
    add_prop(c, ev, ps);
    add_prop(c, ev, pe);
}

/* Adds the VEVENT of graph event i to the calendar. */
static void add_vevent(ics_ctx *c, size_t i)
{
    const zs_doc *d = c->g->events[i].doc;
    const zs_event *e = zs_gnode_event(&c->g->events[i]);
    icalcomponent *ev = icalcomponent_new_vevent();
    if (!ev) {
        c->failed = true;
        return;
    }
    char uid[40];
    snprintf(uid, sizeof uid, "%016" PRIx64 "@zeitstrahl", c->uid[i]);
    add_prop(c, ev, icalproperty_new_uid(uid));
    add_prop(c, ev, icalproperty_new_dtstamp(
                        ical_time(c->dtstamp, false, icaltimezone_get_utc_timezone())));
    add_prop(c, ev, icalproperty_new_sequence(0));
    add_interval(c, ev, d, e);

    zs_buf text = {0};
    put_collapsed(&text, e->title, strlen(e->title));
    add_prop(c, ev, icalproperty_new_summary(text.data ? text.data : ""));
    zs_buf_reset(&text);
    put_description(&text, d, e);
    add_prop(c, ev, icalproperty_new_description(text.data));

    bool vague = is_vague(e);
    add_prop(c, ev, icalproperty_new_transp(vague ? ICAL_TRANSP_TRANSPARENT
                                                  : ICAL_TRANSP_OPAQUE));
    add_prop(c, ev, new_x("X-ZEITSTRAHL-CLASS", zs_eclass_name(e->cls)));
    if (vague) {
        zs_buf_reset(&text);
        put_precision(&text, e);
        add_prop(c, ev, new_x("X-ZEITSTRAHL-PRECISION", text.data));
    }
    zs_buf_free(&text);
    icalcomponent_add_component(c->cal, ev);
}

/* ---- the calendar --------------------------------------------------- */

/* Adds the VCALENDAR's own properties. */
static void add_calendar_props(ics_ctx *c)
{
    char undated[24];
    snprintf(undated, sizeof undated, "%zu", c->undated);
    add_prop(c, c->cal, icalproperty_new_version("2.0"));
    add_prop(c, c->cal, icalproperty_new_prodid("-//zeitstrahl//zeitstrahl " ZS_VERSION "//EN"));
    add_prop(c, c->cal, icalproperty_new_calscale("GREGORIAN"));
    add_prop(c, c->cal, icalproperty_new_name("zeitstrahl"));
    add_prop(c, c->cal, new_x("X-WR-CALNAME", "zeitstrahl"));
    add_prop(c, c->cal, new_x("X-ZEITSTRAHL-UNDATED", undated));
}

/* Builds the whole VCALENDAR into c->cal; false if libical failed. */
static bool build_calendar(ics_ctx *c)
{
    plan_events(c);
    plan_zones(c);
    add_calendar_props(c);
    for (size_t i = 0; i < c->nzones && !c->failed; i++) {
        icalcomponent *vtz = make_vtimezone(&c->zones[i]);
        if (vtz)
            icalcomponent_add_component(c->cal, vtz);
        else
            c->failed = true;
    }
    for (size_t i = 0; i < c->g->nevents && !c->failed; i++)
        if (c->keep[i]) add_vevent(c, i);
    return !c->failed;
}

/* ---- serialising ---------------------------------------------------- */

/* Removes the folds (CRLF + space or tab) from s in place, leaving one
 * CRLF-terminated logical line per property. */
static void unfold(char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        if (r[0] == '\r' && r[1] == '\n' && (r[2] == ' ' || r[2] == '\t'))
            r += 3;
        else
            *w++ = *r++;
    }
    *w = '\0';
}

/* Largest k <= limit such that s[k] starts a UTF-8 character (limit < the
 * length of s); limit itself if s holds no lead byte there. */
static size_t utf8_cut(const char *s, size_t limit)
{
    size_t k = limit;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    return k ? k : limit;
}

/* Appends the n-byte logical line s with CRLF, folded into lines of at
 * most 75 octets (continuations start with a space) between characters. */
static void put_folded_line(zs_buf *out, const char *s, size_t n)
{
    size_t limit = ICS_LINE_MAX;
    for (;;) {
        size_t k = n <= limit ? n : utf8_cut(s, limit);
        zs_buf_put(out, s, k);
        zs_buf_puts(out, "\r\n");
        s += k;
        n -= k;
        if (n == 0) return;
        zs_buf_putc(out, ' ');
        limit = ICS_LINE_MAX - 1;
    }
}

/* Appends the unfolded iCalendar text s, refolded line by line. */
static void put_folded(zs_buf *out, const char *s)
{
    while (*s) {
        const char *eol = strstr(s, "\r\n");
        size_t n = eol ? (size_t)(eol - s) : strlen(s);
        put_folded_line(out, s, n);
        s += n + (eol ? 2 : 0);
    }
}

/* Serialises c->cal into out; false if libical failed. */
static bool serialise(ics_ctx *c, zs_buf *out)
{
    char *s = icalcomponent_as_ical_string_r(c->cal);
    if (!s) return false;
    unfold(s);
    put_folded(out, s);
    icalmemory_free_buffer(s);
    return true;
}

/* Appends the iCalendar feed of g to out and returns 0; on a libical
 * failure returns -1 with err filled (ZS_ERR_INTERNAL) and out unchanged. */
int zs_write_ics(const zs_graph *g, zs_buf *out, zs_error *err)
{
    ics_ctx c = {0};
    c.g = g;
    c.cal = icalcomponent_new_vcalendar();
    c.uid = zs_xcalloc(g->nevents ? g->nevents : 1, sizeof *c.uid);
    c.keep = zs_xcalloc(g->nevents ? g->nevents : 1, sizeof *c.keep);
    c.dtstamp = feed_dtstamp(g);
    int rc = 0;
    if (!c.cal || !build_calendar(&c) || !serialise(&c, out)) {
        zs_set_error(err, ZS_ERR_INTERNAL, "libical failed to build the iCalendar feed: %s",
                     icalerror_strerror(icalerrno));
        rc = -1;
    }
    if (c.cal) icalcomponent_free(c.cal);
    free(c.zones);
    free(c.uid);
    free(c.keep);
    return rc;
}
