/* iCalendar writer (RFC 5545, RFC 7986) on libical 3.0.
 *
 * One VEVENT per dated event of the graph, in graph order. Day-level or
 * coarser intervals become VALUE=DATE with an exclusive DTEND; finer ones
 * local date-times with TZID and one truncated VTIMEZONE per zone (or UTC
 * times when libical has no VTIMEZONE for the zone). An event anchored to a
 * set ("jeden Montag", "täglich") recurs: an RRULE from its first
 * occurrence on or after the publication day. Events without an interval
 * (undated, or anchored to an open-ended reference such as "derzeit"), sets
 * iCalendar cannot express and events coarser than the minimum precision
 * are left out, counted in the calendar's X-ZEITSTRAHL-UNDATED and
 * reported on o->notes. The mentions of one event (zs_event.coref) are
 * written once, as the first of them that has an interval (zs_event_rep),
 * and counted once if none has; a later event with the identity of an
 * earlier one (same document, lemma and interval) is written once too.
 *
 * UIDs hash the document's name, the lemma, the text of the sentence and
 * the event's place among the mentions of the lemma in that sentence, of
 * the event's first mention: not
 * the time, so that an event whose resolved time changes keeps its UID.
 * With a previous feed (o->previous) an event keeps the SEQUENCE it had
 * there, raised by one if its DTSTART, DTEND, RRULE or STATUS changed, and
 * the previous feed's events of documents the graph does not hold are
 * carried over unchanged: running over new articles with the feed as both
 * previous and output grows the feed. A cancelled event (modality
 * cancelled) has STATUS:CANCELLED; where a carried-over event has its
 * SUMMARY and DTSTART (the event an earlier article announced), it takes
 * that event's UID, with the SEQUENCE raised, in its place, so that a
 * reader sees the event it has cancelled; a postponed event
 * (zs_event.postponed) so takes the place of the only carried-over event
 * with its SUMMARY and an earlier DTSTART: the reader's event moves.
 *
 * libical builds every component; the only text handling here is the final
 * line folding, because libical 3.0.16's folding can split the CRLF that
 * ends a content line (libical PR #1338, fixed in 4.0.3). */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "doc.h"
#include "template.h"
#include "writers.h"

#define ICS_LINE_MAX 75                 /* octets per line, CRLF excluded */
#define ICS_DAY ((zs_lsec)86400)
#define ICS_EPOCH_MAX ((zs_lsec)253402300799) /* 9999-12-31T23:59:59Z */

/* A zone that clock times of the feed use, and the local years they span. */
typedef struct ics_zone {
    const char *tz;
    int y0, y1;
} ics_zone;

/* Why an event is left out. */
enum { OUT_UNDATED, OUT_OPEN, OUT_SET, OUT_COARSE, OUT_N };

typedef struct ics_ctx {
    const zs_graph *g;
    const zs_write_options *o;
    icalcomponent *cal;
    icalcomponent *prev;  /* the previous feed, or NULL */
    ics_zone *zones;
    size_t nzones, zones_cap;
    uint64_t *uid;      /* per graph event: UID hash (kept events only) */
    uint64_t *ident;    /* per graph event: document, lemma and interval */
    bool *keep;         /* per graph event: write it */
    size_t left_out[OUT_N];
    int min_gran;       /* coarsest granularity written (ZS_GRAN_*) */
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

/* The anchoring timex of e if it is a set ("XXXX-WXX-1", "P1D"), else NULL. */
static const zs_timex *set_timex(const zs_doc *d, const zs_event *e)
{
    if (e->has_interval || e->time < 0) return NULL;
    const zs_timex *x = &d->timexes[e->time];
    return x->rv.type == ZS_SET ? x : NULL;
}

/* A recurrence: RRULE text, first day, and the part of day (or none). */
typedef struct ics_recur {
    char rule[64];
    int64_t day;        /* first occurrence, days since 1970 */
    zs_pod pod;
} ics_recur;

/* The recurrence of set value v ("P1W", "P2D", "XXXX-WXX-1TEV") from the
 * publication day dct_day on; false if iCalendar has no RRULE for it. */
static bool parse_set(const char *v, int64_t dct_day, ics_recur *r)
{
    static const char *const days[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    static const char *const pods[] = {"", "MO", "AF", "EV", "NI", "DT"};
    memset(r, 0, sizeof *r);
    r->day = dct_day;
    const char *t = strchr(v, 'T');
    if (t && v[0] != 'P') {
        for (int i = 1; i < 6; i++)
            if (strcmp(t + 1, pods[i]) == 0) r->pod = (zs_pod)i;
        if (!r->pod || r->pod == ZS_POD_DT) return false;
    }
    if (strncmp(v, "XXXX-WXX-", 9) == 0 && v[9] >= '1' && v[9] <= '7' &&
        (v[10] == '\0' || v + 10 == t)) {
        int wd = v[9] - '0';
        while (zs_weekday(r->day) != wd) r->day++;
        snprintf(r->rule, sizeof r->rule, "FREQ=WEEKLY;BYDAY=%s", days[wd - 1]);
        return true;
    }
    if (v[0] != 'P' || v[1] < '1' || v[1] > '9') return false;
    char *end;
    long n = strtol(v + 1, &end, 10);
    const char *freq = NULL;
    if (strcmp(end, "D") == 0) freq = "DAILY";
    else if (strcmp(end, "W") == 0) freq = "WEEKLY";
    else if (strcmp(end, "M") == 0) freq = "MONTHLY";
    else if (strcmp(end, "Y") == 0) freq = "YEARLY";
    if (!freq || n > 1000) return false;
    if (n == 1) snprintf(r->rule, sizeof r->rule, "FREQ=%s", freq);
    else snprintf(r->rule, sizeof r->rule, "FREQ=%s;INTERVAL=%ld", freq, n);
    return true;
}

/* Begin and end of part of day pod on day, as wall-clock seconds. */
static void pod_span(int64_t day, zs_pod pod, zs_lsec *b, zs_lsec *u)
{
    static const int hours[][2] = {{0, 0}, {6, 12}, {12, 18}, {18, 22}, {22, 30}, {6, 18}};
    *b = zs_lsec_make(day, 0, 0, 0) + (zs_lsec)hours[pod][0] * 3600;
    *u = zs_lsec_make(day, 0, 0, 0) + (zs_lsec)hours[pod][1] * 3600;
}

/* libical's built-in VTIMEZONE for tz, or NULL if it has none (unknown
 * zone, or UTC, which needs none). Owned by libical. */
static icalcomponent *builtin_vtimezone(const char *tz)
{
    icaltimezone *z = icaltimezone_get_builtin_timezone(tz);
    return z ? icaltimezone_get_component(z) : NULL;
}

/* ---- identity and stamps -------------------------------------------- */

/* Identity of a mention for duplicates: document name, lemma and interval
 * (or the set's value). */
static uint64_t ident_hash(const zs_doc *d, const zs_event *e)
{
    char iv[80];
    const zs_timex *set = set_timex(d, e);
    int n = set ? snprintf(iv, sizeof iv, "set %s", set->rv.value)
                : snprintf(iv, sizeof iv, "%" PRId64 "/%" PRId64, e->begin, e->until);
    uint64_t h = zs_hash64(d->name, strlen(d->name) + 1, ZS_HASH64_INIT);
    h = zs_hash64(e->lemma, strlen(e->lemma) + 1, h);
    return zs_hash64(iv, (size_t)n, h);
}

/* The UID hash of event j of d: document name, lemma, sentence text and
 * the number of earlier mentions of the lemma in that sentence, so that
 * reruns and merged feeds give the same UID whatever the output order and
 * whatever time the event resolves to. */
static uint64_t uid_hash(const zs_doc *d, size_t j)
{
    const zs_event *e = &d->events[j];
    uint32_t k = 0;
    for (size_t i = 0; i < j; i++)
        if (d->events[i].sent == e->sent && strcmp(d->events[i].lemma, e->lemma) == 0) k++;
    uint64_t h = zs_hash64(d->name, strlen(d->name) + 1, ZS_HASH64_INIT);
    h = zs_hash64(e->lemma, strlen(e->lemma) + 1, h);
    const zs_sentence *s = &d->sents[e->sent];
    if (s->t1 > s->t0) {
        uint32_t b0 = d->toks[s->t0].b0, b1 = d->toks[s->t1 - 1].b1;
        h = zs_hash64(d->text + b0, b1 - b0, h);
    }
    return zs_hash64(&k, sizeof k, h);
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

/* Why event e of d cannot be written, or -1 if it can. */
static int left_out_reason(const ics_ctx *c, const zs_doc *d, const zs_event *e)
{
    const zs_timex *set = set_timex(d, e);
    if (set) {
        ics_recur r;
        return parse_set(set->rv.value, zs_lsec_days(d->dct), &r) ? -1 : OUT_SET;
    }
    if (!e->has_interval) {
        if (e->time < 0) return OUT_UNDATED;
        size_t n = strlen(d->timexes[e->time].rv.value);
        return n > 4 && strcmp(d->timexes[e->time].rv.value + n - 4, "_REF") == 0
                   ? OUT_OPEN : OUT_UNDATED;
    }
    return (int)e->gran < c->min_gran ? OUT_COARSE : -1;
}

/* Fills c->uid and c->keep: every event that can be written is kept except
 * later ones with the identity of an earlier one (the same event mentioned
 * twice); counts the others by reason. */
static void plan_events(ics_ctx *c)
{
    const zs_graph *g = c->g;
    ics_uidref *refs = zs_xreallocarray(NULL, g->nevents ? g->nevents : 1, sizeof *refs);
    size_t n = 0;
    for (size_t i = 0; i < g->nevents; i++) {
        const zs_gnode *gn = &g->events[i];
        const zs_event *e = zs_gnode_event(gn);
        if (!zs_graph_listed(g, i)) continue; /* another mention or report, or negated */
        int why = left_out_reason(c, gn->doc, e);
        if (why >= 0) {
            c->left_out[why]++;
            continue;
        }
        c->uid[i] = uid_hash(gn->doc, e->coref >= 0 ? (size_t)e->coref : gn->index);
        c->ident[i] = ident_hash(gn->doc, e);
        refs[n++] = (ics_uidref){c->ident[i], i};
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

/* What a kept event is written as: its first interval [begin, until), as
 * whole days or clock times, and its RRULE if it recurs. */
typedef struct ics_span {
    zs_lsec begin, until;
    bool all_day;
    bool recurs;
    ics_recur r;
} ics_span;

static void event_span(const zs_doc *d, const zs_event *e, ics_span *sp)
{
    memset(sp, 0, sizeof *sp);
    const zs_timex *set = set_timex(d, e);
    if (set && parse_set(set->rv.value, zs_lsec_days(d->dct), &sp->r)) {
        sp->recurs = true;
        sp->all_day = sp->r.pod == ZS_POD_NONE;
        if (sp->all_day) {
            sp->begin = zs_lsec_make(sp->r.day, 0, 0, 0);
            sp->until = sp->begin + ICS_DAY;
        } else {
            pod_span(sp->r.day, sp->r.pod, &sp->begin, &sp->until);
        }
        return;
    }
    sp->begin = e->begin;
    sp->until = e->until;
    sp->all_day = is_all_day(e);
    if (sp->all_day && sp->until <= sp->begin) sp->until = sp->begin + ICS_DAY;
}

/* The calendar year of the wall-clock time t. */
static int year_of(zs_lsec t)
{
    int y, m, d, h, mi, s;
    zs_lsec_split(t, &y, &m, &d, &h, &mi, &s);
    return y;
}

/* Notes the zones that the previous feed's carried-over event ev uses. */
static void note_prev_zones(ics_ctx *c, icalcomponent *ev)
{
    for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_ANY_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_ANY_PROPERTY)) {
        icalparameter *tz = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
        icalproperty_kind k = icalproperty_isa(p);
        if (!tz || (k != ICAL_DTSTART_PROPERTY && k != ICAL_DTEND_PROPERTY)) continue;
        const char *name = icalparameter_get_tzid(tz);
        int y = icalproperty_get_dtstart(p).year;
        if (k == ICAL_DTEND_PROPERTY) y = icalproperty_get_dtend(p).year;
        if (name && builtin_vtimezone(name)) note_zone(c, name, y, y);
    }
}

/* True if the previous feed's event ev is carried over: it comes from
 * documents the graph does not hold. */
static bool carried_over(const ics_ctx *c, icalcomponent *ev)
{
    bool ours = false;
    for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY)) {
        if (strcmp(icalproperty_get_x_name(p), "X-ZEITSTRAHL-TAKEN") == 0) return false;
        if (strcmp(icalproperty_get_x_name(p), "X-ZEITSTRAHL-DOCUMENT") != 0) continue;
        ours = true;
        const char *name = icalproperty_get_x(p);
        for (size_t i = 0; name && i < c->g->ndocs; i++)
            if (strcmp(c->g->docs[i]->name, name) == 0) return false;
    }
    return ours;
}

/* Collects the zones that kept clock-time events use, sorted by name. */
static void plan_zones(ics_ctx *c)
{
    for (size_t i = 0; i < c->g->nevents; i++) {
        const zs_gnode *n = &c->g->events[i];
        if (!c->keep[i] || !builtin_vtimezone(n->doc->tz)) continue;
        ics_span sp;
        event_span(n->doc, zs_gnode_event(n), &sp);
        if (sp.all_day) continue;
        int y0 = year_of(sp.begin);
        int y1 = year_of(sp.until > sp.begin ? sp.until - 1 : sp.begin);
        note_zone(c, n->doc->tz, y0, sp.recurs ? y1 + 1 : y1);
    }
    if (c->prev)
        for (icalcomponent *ev = icalcomponent_get_first_component(c->prev, ICAL_VEVENT_COMPONENT);
             ev; ev = icalcomponent_get_next_component(c->prev, ICAL_VEVENT_COMPONENT))
            if (carried_over(c, ev)) note_prev_zones(c, ev);
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

/* The precision of a vague event: "month", "month START"; "set" for a
 * recurring one. */
static void put_precision(zs_buf *b, const zs_doc *d, const zs_event *e)
{
    if (set_timex(d, e)) {
        zs_buf_puts(b, "set");
        return;
    }
    zs_buf_puts(b, zs_gran_name(e->gran));
    if (e->mod != ZS_MOD_NONE) zs_buf_printf(b, " %s", zs_mod_name(e->mod));
}

/* True if graph event j is another document's report (its own shown
 * mention) of the event graph event i of d stands for. */
static bool other_report(const zs_graph *g, size_t i, size_t j, const zs_doc *d)
{
    const zs_gnode *n = &g->events[j];
    return n->doc != d && zs_event_rep(n->doc, n->index) == n->index &&
           zs_graph_shown(g, j) == i;
}

/* Appends the quoted sentence of e of d and "Quelle: name". */
static void put_source(zs_buf *b, const zs_doc *d, const zs_event *e)
{
    const zs_sentence *s = &d->sents[e->sent];
    if (s->t1 > s->t0) {
        uint32_t b0 = d->toks[s->t0].b0, b1 = d->toks[s->t1 - 1].b1;
        zs_buf_puts(b, "\xe2\x80\x9e"); /* „ */
        put_collapsed(b, d->text + b0, b1 - b0);
        zs_buf_puts(b, "\xe2\x80\x9c\n"); /* “ */
    }
    const char *src = zs_lang_label(d->lang, "source");
    zs_buf_printf(b, "%s: ", src ? src : "Source");
    put_collapsed(b, d->name, strlen(d->name));
}

/* The precision of a vague event in the words of d's templates (labels
 * gran.month, mod.START, gran.set): "Monat, Anfang", "Tageszeit"; the
 * names of put_precision where a label is missing. */
static void put_precision_words(zs_buf *b, const zs_doc *d, const zs_event *e)
{
    char key[32];
    snprintf(key, sizeof key, "gran.%s", set_timex(d, e) ? "set" : zs_gran_name(e->gran));
    const char *w = zs_lang_label(d->lang, key);
    zs_buf_puts(b, w ? w : key + 5);
    if (set_timex(d, e) || e->mod == ZS_MOD_NONE) return;
    snprintf(key, sizeof key, "mod.%s", zs_mod_name(e->mod));
    w = zs_lang_label(d->lang, key);
    zs_buf_printf(b, ", %s", w ? w : key + 4);
}

/* DESCRIPTION of graph event i, e of d (into b): the quoted source sentence,
 * the document, the same for each other document reporting the event, the
 * TIMEX3 value if the event has a time, and the precision if vague, in
 * words (X-ZEITSTRAHL-PRECISION has it for programs), that of its
 * beginning for an ongoing event, which a line says goes on at the
 * publication (X-ZEITSTRAHL-ONGOING:TRUE). */
static void put_description(zs_buf *b, const zs_graph *g, size_t i, const zs_doc *d,
                            const zs_event *e)
{
    put_source(b, d, e);
    for (size_t j = 0; j < g->nevents; j++) {
        const zs_gnode *n = &g->events[j];
        if (!other_report(g, i, j, d)) continue;
        bool first = true; /* one sentence per other document */
        for (size_t k = 0; k < j && first; k++)
            first = g->events[k].doc != n->doc || !other_report(g, i, k, d);
        if (!first) continue;
        zs_buf_putc(b, '\n');
        put_source(b, n->doc, zs_gnode_event(n));
    }
    if (e->time >= 0) zs_buf_printf(b, "\nTIMEX3: %s", d->timexes[e->time].rv.value);
    if (is_vague(e) || set_timex(d, e)) {
        const char *pr = zs_lang_label(d->lang, "precision");
        zs_buf_printf(b, "\n%s: ", pr ? pr : "Precision");
        put_precision_words(b, d, e);
    }
    if (e->ongoing) { /* its precision is its beginning's */
        const char *on = zs_lang_label(d->lang, "ongoing");
        zs_buf_printf(b, "\n%s", on ? on : "ongoing at publication");
    }
}

/* Adds DTSTART and DTEND of e: dates, local times with TZID where libical
 * has the zone, else UTC times converted with ICU's offsets. */
static void add_interval(ics_ctx *c, icalcomponent *ev, const zs_doc *d, const zs_event *e)
{
    icalproperty *ps, *pe;
    ics_span sp;
    event_span(d, e, &sp);
    if (sp.all_day) {
        ps = icalproperty_new_dtstart(ical_time(sp.begin, true, NULL));
        pe = icalproperty_new_dtend(ical_time(sp.until, true, NULL));
    } else if (builtin_vtimezone(d->tz)) {
        ps = with_tzid(icalproperty_new_dtstart(ical_time(sp.begin, false, NULL)), d->tz);
        pe = with_tzid(icalproperty_new_dtend(ical_time(sp.until, false, NULL)), d->tz);
    } else {
        icaltimezone *utc = icaltimezone_get_utc_timezone();
        ps = icalproperty_new_dtstart(
            ical_time(sp.begin - zs_tz_offset(d->tz, sp.begin), false, utc));
        pe = icalproperty_new_dtend(
            ical_time(sp.until - zs_tz_offset(d->tz, sp.until), false, utc));
    }
    add_prop(c, ev, ps);
    add_prop(c, ev, pe);
    if (sp.recurs) {
        struct icalrecurrencetype r = icalrecurrencetype_from_string(sp.r.rule);
        if (r.freq == ICAL_NO_RECURRENCE) c->failed = true;
        else add_prop(c, ev, icalproperty_new_rrule(r));
    }
}

/* The previous feed's VEVENT with UID uid, or NULL. */
static icalcomponent *previous_event(const ics_ctx *c, const char *uid)
{
    if (!c->prev) return NULL;
    for (icalcomponent *ev = icalcomponent_get_first_component(c->prev, ICAL_VEVENT_COMPONENT);
         ev; ev = icalcomponent_get_next_component(c->prev, ICAL_VEVENT_COMPONENT)) {
        const char *u = icalcomponent_get_uid(ev);
        if (u && strcmp(u, uid) == 0) return ev;
    }
    return NULL;
}

/* True if property kind has the same text (value and parameters) in a and
 * b, or is absent from both. */
static bool same_prop(icalcomponent *a, icalcomponent *b, icalproperty_kind kind)
{
    icalproperty *pa = icalcomponent_get_first_property(a, kind);
    icalproperty *pb = icalcomponent_get_first_property(b, kind);
    if (!pa || !pb) return pa == pb;
    char *sa = icalproperty_as_ical_string_r(pa), *sb = icalproperty_as_ical_string_r(pb);
    bool same = sa && sb && strcmp(sa, sb) == 0;
    icalmemory_free_buffer(sa);
    icalmemory_free_buffer(sb);
    return same;
}

/* The SEQUENCE of ev: the previous feed's for its UID, one more if the
 * time or the status changed; 0 for a new event. */
static int sequence_of(const ics_ctx *c, icalcomponent *ev, const char *uid)
{
    icalcomponent *old = previous_event(c, uid);
    if (!old) return 0;
    int seq = icalcomponent_get_sequence(old);
    if (seq < 0) seq = 0;
    if (!same_prop(ev, old, ICAL_DTSTART_PROPERTY) || !same_prop(ev, old, ICAL_DTEND_PROPERTY) ||
        !same_prop(ev, old, ICAL_RRULE_PROPERTY) || !same_prop(ev, old, ICAL_STATUS_PROPERTY))
        seq++;
    return seq;
}

/* The previous feed's carried-over VEVENT, not cancelled and not taken
 * yet, that event ev with summary summary replaces: for a cancelled event
 * the one with that SUMMARY and ev's DTSTART ("the summit on Tuesday" of
 * an earlier article, "the summit on Tuesday was cancelled" of this one),
 * for a postponed one the only one with that SUMMARY and an earlier
 * DTSTART ("the conference in Geneva on May 20", "postponed until June
 * 20"); else NULL. */
static icalcomponent *replaced_event(const ics_ctx *c, icalcomponent *ev, const char *summary,
                                     bool cancelled)
{
    if (!c->prev) return NULL;
    icalcomponent *found = NULL;
    struct icaltimetype start = icalcomponent_get_dtstart(ev);
    for (icalcomponent *old = icalcomponent_get_first_component(c->prev, ICAL_VEVENT_COMPONENT);
         old; old = icalcomponent_get_next_component(c->prev, ICAL_VEVENT_COMPONENT)) {
        const char *s = icalcomponent_get_summary(old);
        if (!s || strcmp(s, summary) != 0 || icalcomponent_get_status(old) == ICAL_STATUS_CANCELLED ||
            !carried_over(c, old))
            continue;
        if (cancelled) {
            if (same_prop(ev, old, ICAL_DTSTART_PROPERTY)) return old;
        } else if (icaltime_compare(icalcomponent_get_dtstart(old), start) < 0) {
            if (found) return NULL; /* which one moved is not clear */
            found = old;
        }
    }
    return found;
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
    char uid[256];
    snprintf(uid, sizeof uid, "%016" PRIx64 "@zeitstrahl", c->uid[i]);
    icalproperty *uidp = icalproperty_new_uid(uid);
    add_prop(c, ev, uidp);
    add_prop(c, ev, icalproperty_new_dtstamp(
                        ical_time(c->dtstamp, false, icaltimezone_get_utc_timezone())));
    add_interval(c, ev, d, e);
    zs_buf text = {0};
    put_collapsed(&text, e->title, strlen(e->title));
    const char *summary = text.data ? text.data : "";
    bool cancelled = e->modality == ZS_MODAL_CANCELLED;
    icalcomponent *old = cancelled || e->postponed ? replaced_event(c, ev, summary, cancelled) : NULL;
    if (old && uidp && strlen(icalcomponent_get_uid(old)) < sizeof uid) {
        /* the reader's event becomes cancelled, or moves */
        zs_copy_str(uid, sizeof uid, icalcomponent_get_uid(old));
        icalproperty_set_uid(uidp, uid);
        icalproperty *taken = new_x("X-ZEITSTRAHL-TAKEN", "TRUE"); /* not carried over */
        if (taken) icalcomponent_add_property(old, taken);
    }
    if (cancelled) add_prop(c, ev, icalproperty_new_status(ICAL_STATUS_CANCELLED));
    add_prop(c, ev, icalproperty_new_sequence(sequence_of(c, ev, uid)));
    add_prop(c, ev, icalproperty_new_summary(summary));
    zs_buf_reset(&text);
    put_description(&text, c->g, i, d, e);
    add_prop(c, ev, icalproperty_new_description(text.data));

    if (d->url)
        add_prop(c, ev, icalproperty_new_url(d->url));
    else if (strncmp(d->name, "http://", 7) == 0 || strncmp(d->name, "https://", 8) == 0)
        add_prop(c, ev, icalproperty_new_url(d->name));
    bool vague = is_vague(e) || set_timex(d, e);
    add_prop(c, ev, icalproperty_new_transp(vague ? ICAL_TRANSP_TRANSPARENT
                                                  : ICAL_TRANSP_OPAQUE));
    add_prop(c, ev, new_x("X-ZEITSTRAHL-CLASS", zs_eclass_name(e->cls)));
    add_prop(c, ev, new_x("X-ZEITSTRAHL-DOCUMENT", d->name));
    for (size_t j = 0; j < c->g->nevents; j++) { /* the other reports' */
        const zs_gnode *n = &c->g->events[j];
        if (!other_report(c->g, i, j, d)) continue;
        bool first = true;
        for (size_t k = 0; k < j && first; k++)
            first = c->g->events[k].doc != n->doc || !other_report(c->g, i, k, d);
        if (first) add_prop(c, ev, new_x("X-ZEITSTRAHL-DOCUMENT", n->doc->name));
    }
    if (vague) {
        zs_buf_reset(&text);
        put_precision(&text, d, e);
        add_prop(c, ev, new_x("X-ZEITSTRAHL-PRECISION", text.data));
    }
    if (e->ongoing) add_prop(c, ev, new_x("X-ZEITSTRAHL-ONGOING", "TRUE"));
    zs_buf_free(&text);
    icalcomponent_add_component(c->cal, ev);
}

/* ---- the calendar --------------------------------------------------- */

/* The REFRESH-INTERVAL of o, P1D by default. */
static struct icaldurationtype refresh_interval(const zs_write_options *o)
{
    return icaldurationtype_from_string(o->refresh ? o->refresh : "P1D");
}

/* Adds the VCALENDAR's own properties (RFC 5545 and RFC 7986). */
static void add_calendar_props(ics_ctx *c)
{
    char undated[24];
    size_t n = 0;
    for (int i = 0; i < OUT_N; i++) n += c->left_out[i];
    snprintf(undated, sizeof undated, "%zu", n);
    const char *name = c->o->calendar_name ? c->o->calendar_name : "zeitstrahl";
    add_prop(c, c->cal, icalproperty_new_version("2.0"));
    add_prop(c, c->cal, icalproperty_new_prodid("-//zeitstrahl//zeitstrahl " ZS_VERSION "//EN"));
    add_prop(c, c->cal, icalproperty_new_calscale("GREGORIAN"));
    add_prop(c, c->cal, icalproperty_new_name(name));
    add_prop(c, c->cal, new_x("X-WR-CALNAME", name));
    zs_buf desc = {0};
    zs_buf_printf(&desc, "%s: ", zs_label(c->g, "sources", "Sources"));
    for (size_t i = 0; i < c->g->ndocs; i++) {
        if (i) zs_buf_puts(&desc, ", ");
        put_collapsed(&desc, c->g->docs[i]->name, strlen(c->g->docs[i]->name));
    }
    add_prop(c, c->cal, icalproperty_new_description(desc.data));
    zs_buf_free(&desc);
    icalproperty *ri = icalproperty_new_refreshinterval(refresh_interval(c->o));
    if (ri) icalproperty_add_parameter(ri, icalparameter_new_value(ICAL_VALUE_DURATION));
    add_prop(c, c->cal, ri);
    if (c->o->feed_url) {
        add_prop(c, c->cal, icalproperty_new_source(c->o->feed_url));
        add_prop(c, c->cal, icalproperty_new_url(c->o->feed_url));
    }
    add_prop(c, c->cal, new_x("X-ZEITSTRAHL-UNDATED", undated));
}

/* Says on o->notes what was left out, one line. */
static void report_left_out(const ics_ctx *c)
{
    static const char *const why[OUT_N] = {"undated", "open-ended", "recurring without RRULE",
                                           "coarser than the minimum precision"};
    size_t n = 0;
    for (int i = 0; i < OUT_N; i++) n += c->left_out[i];
    if (!c->o->notes || n == 0) return;
    fprintf(c->o->notes, "zeitstrahl: iCalendar: %zu event%s left out (", n, n == 1 ? "" : "s");
    const char *sep = "";
    for (int i = 0; i < OUT_N; i++) {
        if (!c->left_out[i]) continue;
        fprintf(c->o->notes, "%s%zu %s", sep, c->left_out[i], why[i]);
        sep = ", ";
    }
    fprintf(c->o->notes, ")\n");
}

/* Adds the previous feed's carried-over events, in its order. */
static void add_carried_over(ics_ctx *c)
{
    if (!c->prev) return;
    for (icalcomponent *ev = icalcomponent_get_first_component(c->prev, ICAL_VEVENT_COMPONENT);
         ev && !c->failed; ev = icalcomponent_get_next_component(c->prev, ICAL_VEVENT_COMPONENT)) {
        if (!carried_over(c, ev)) continue;
        icalcomponent *copy = icalcomponent_new_clone(ev);
        if (copy) icalcomponent_add_component(c->cal, copy);
        else c->failed = true;
    }
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
    add_carried_over(c);
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

/* Reads the feed at path into *cal (NULL if the file does not exist yet,
 * so that the first run of an update makes the feed). Returns 0, or -1
 * with err filled. */
static int read_previous(const char *path, icalcomponent **cal, zs_error *err)
{
    *cal = NULL;
    FILE *f = fopen(path, "rb");
    if (!f && errno == ENOENT) return 0;
    if (f) fclose(f);
    size_t len;
    char *text = zs_read_file(path, &len, err);
    if (!text) return -1;
    icalcomponent *c = strlen(text) == len ? icalparser_parse_string(text) : NULL;
    free(text);
    if (c && icalcomponent_isa(c) == ICAL_XROOT_COMPONENT) {
        /* several top-level components: take the first calendar */
        icalcomponent *first = icalcomponent_get_first_component(c, ICAL_VCALENDAR_COMPONENT);
        if (first) icalcomponent_remove_component(c, first);
        icalcomponent_free(c);
        c = first;
    }
    if (!c || icalcomponent_isa(c) != ICAL_VCALENDAR_COMPONENT) {
        if (c) icalcomponent_free(c);
        zs_set_error(err, ZS_ERR_INPUT, "%s: not an iCalendar feed (no VCALENDAR)", path);
        return -1;
    }
    *cal = c;
    return 0;
}

int zs_ics_check_options(const zs_write_options *o, zs_error *err)
{
    if (o->refresh && icaldurationtype_is_bad_duration(icaldurationtype_from_string(o->refresh))) {
        zs_set_error(err, ZS_ERR_USAGE, "bad refresh interval '%s' (an ISO 8601 duration: PT6H, P1D)",
                     o->refresh);
        icalerror_clear_errno();
        return -1;
    }
    if (o->previous) {
        icalcomponent *cal;
        if (read_previous(o->previous, &cal, err) != 0) return -1;
        if (cal) icalcomponent_free(cal);
    }
    return 0;
}

/* Appends the iCalendar feed of g to out and returns 0; on a libical
 * failure returns -1 with err filled (ZS_ERR_INTERNAL) and out unchanged;
 * an unreadable previous feed as zs_ics_check_options. */
int zs_write_ics(const zs_graph *g, const zs_write_options *o, zs_buf *out, zs_error *err)
{
    ics_ctx c = {0};
    c.g = g;
    c.o = o;
    c.min_gran = o->min_precision ? zs_gran_from_name(o->min_precision) : 0;
    if (o->previous && read_previous(o->previous, &c.prev, err) != 0) return -1;
    c.cal = icalcomponent_new_vcalendar();
    c.uid = zs_xcalloc(g->nevents ? g->nevents : 1, sizeof *c.uid);
    c.ident = zs_xcalloc(g->nevents ? g->nevents : 1, sizeof *c.ident);
    c.keep = zs_xcalloc(g->nevents ? g->nevents : 1, sizeof *c.keep);
    c.dtstamp = feed_dtstamp(g);
    int rc = 0;
    if (!c.cal || !build_calendar(&c) || !serialise(&c, out)) {
        zs_set_error(err, ZS_ERR_INTERNAL, "libical failed to build the iCalendar feed: %s",
                     icalerror_strerror(icalerrno));
        rc = -1;
    } else {
        report_left_out(&c);
    }
    if (c.cal) icalcomponent_free(c.cal);
    if (c.prev) icalcomponent_free(c.prev);
    free(c.zones);
    free(c.uid);
    free(c.ident);
    free(c.keep);
    return rc;
}
