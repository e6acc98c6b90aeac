/* zs_doc_new: the pipeline for one article, from bytes to timexes (matched,
 * anchored to the publication time) and events. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "event.h"
#include "match.h"
#include "resolve.h"
#include "template.h"
#include "text.h"
#include "timeml.h"

/* A time within this many tokens of its sentence's start opens it. */
#define OPENING_TOKENS 8
/* ... and goes on with a day named at most this many sentences before */
#define DAY_SENTENCES 2
/* A weekday this many tokens after a clock time at most (not counting a
 * parenthesis right after it) is its day. */
#define WEEKDAY_AFTER_TIME 5

/* Where the words after a clock time ending at token t1 go on, up to
 * token lim: after the parentheses opening right after it ("10 a.m. EDT
 * (1400 GMT) Friday": the time in another zone), else t1. */
static uint32_t after_gloss(const zs_doc *d, uint32_t t1, uint32_t lim)
{
    if (t1 >= lim || !zs_tok_punct(d, t1, "(")) return t1;
    for (uint32_t k = t1 + 1; k < lim; k++)
        if (zs_tok_punct(d, k, ")")) return k + 1;
    return t1;
}

/* Whether tv names a day a clock time before it may be on: a weekday (also
 * with its own time, "4 a.m. EDT Thursday"), or a day of the year without
 * a year or a time (a holiday, "Election Day"). */
static bool day_after_time(const zs_tv *tv)
{
    if (tv->offset != ZS_UNSET) return false;
    if (tv->weekday != ZS_UNSET && tv->day == ZS_UNSET) return true;
    return tv->hour == ZS_UNSET && tv->pod == ZS_POD_NONE && tv->month != ZS_UNSET &&
           tv->year == ZS_UNSET && (tv->day != ZS_UNSET || tv->nth != ZS_UNSET);
}

/* The dateline is looked for in this many first lines. */
#define DATELINE_LINES 5

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') return false;
    return true;
}

static void add_timex(zs_doc *d, const zs_match *m, const zs_value *v,
                      const zs_capval *caps, int group)
{
    uint32_t t0 = m->x0, t1 = m->x1;
    if (v->cap >= 0 && caps[v->cap].t0 >= 0) {
        t0 = (uint32_t)caps[v->cap].t0;
        t1 = (uint32_t)caps[v->cap].t1;
    }
    if (t1 <= t0) return;
    ZS_GROW(d->timexes, d->timexes_cap, d->ntimexes + 1);
    zs_timex *x = &d->timexes[d->ntimexes++];
    memset(x, 0, sizeof *x);
    x->t0 = t0;
    x->t1 = t1;
    x->b0 = d->toks[t0].b0;
    x->b1 = d->toks[t1 - 1].b1;
    x->c0 = d->toks[t0].c0;
    x->c1 = d->toks[t1 - 1].c1;
    x->sent = d->toks[t0].sent;
    x->rule = m->rule->name;
    x->role = m->rule->role;
    x->group = group;
    zs_build_tv(v, caps, &x->tv);
}

/* Matches sentence by sentence and turns every value line of every match
 * into a timex; a match with several values makes a coordination group. */
static void find_timexes(zs_doc *d)
{
    zs_matches ms = {0};
    for (size_t s = 0; s < d->nsents; s++) {
        zs_matches_reset(&ms);
        zs_match_tokens(d->lang, d, d->sents[s].t0, d->sents[s].t1, &ms);
        for (size_t i = 0; i < ms.n; i++) {
            const zs_match *m = &ms.m[i];
            const zs_capval *caps = ms.pool ? ms.pool + m->caps : NULL; /* no rule captured yet */
            int group = m->rule->nvalues > 1 ? (int)d->ntimexes : -1;
            for (int v = 0; v < m->rule->nvalues; v++)
                add_timex(d, m, &m->rule->values[v], caps, group);
        }
    }
    zs_matches_free(&ms);
}

static bool dct_from_option(zs_doc *d, const char *iso, zs_error *err)
{
    zs_lsec t;
    bool has_time, has_offset;
    int off;
    if (!zs_parse_iso(iso, &t, &has_time, &has_offset, &off)) {
        zs_set_error(err, ZS_ERR_DCT,
                     "%s: malformed --dct '%s' (expected ISO 8601, e.g. 2017-05-02 or "
                     "2017-05-02T21:06+02:00)", d->name, iso);
        return false;
    }
    if (has_offset) { /* to the article's wall clock */
        zs_lsec utc = t - off;
        t = utc + zs_tz_offset(d->tz, utc + zs_tz_offset(d->tz, utc));
    }
    d->dct = t;
    d->dct_gran = has_time ? ZS_GRAN_MINUTE : ZS_GRAN_DAY;
    return true;
}

static bool zone_in(const zs_doc *d, uint32_t t0, uint32_t t1, zs_lsec at, int32_t *off);

/* The UTC offset zone_abbr entry e gives at clock time at: its offset=
 * (-0500: hours and minutes), or that of its IANA zone= then (EST or
 * EDT); false for one with neither ("local time"). */
static bool zone_offset(const zs_entry *e, zs_lsec at, int32_t *off)
{
    const zs_attr *a = zs_entry_attr(e, "offset");
    if (a && a->num != ZS_UNSET) {
        *off = a->num / 100 * 3600 + a->num % 100 * 60;
        return true;
    }
    a = zs_entry_attr(e, "zone");
    if (!a || !zs_tz_valid(a->sym)) return false;
    *off = zs_tz_offset(a->sym, at);
    return true;
}

/* The dateline: the first timex in the first lines with a full date. A
 * clock time there with a zone word ("May 5, 1998, 14:30 GMT") is that
 * instant, moved into the article's zone as --dct with an offset is. */
static bool dct_from_dateline(zs_doc *d, zs_error *err)
{
    int line = 0;
    uint32_t limit = 0;
    for (; limit < d->ntoks; limit++) {
        if (limit > 0 && (d->toks[limit].flags & ZS_TF_NL) && ++line >= DATELINE_LINES) break;
    }
    for (size_t i = 0; i < d->ntimexes; i++) {
        zs_timex *x = &d->timexes[i];
        if (x->t0 >= limit) break;
        const zs_tv *tv = &x->tv;
        if (tv->year == ZS_UNSET || tv->month == ZS_UNSET || tv->day == ZS_UNSET ||
            tv->offset != ZS_UNSET || tv->ref != ZS_REF_NONE || tv->type == ZS_DURATION ||
            tv->type == ZS_SET)
            continue;
        zs_rv rv;
        if (!zs_tv_resolve(tv, 0, ZS_DIR_NONE, &rv) || tv->year < 1000) continue;
        x->is_dct = true;
        d->dct_timex = (int)i;
        d->dct = rv.begin;
        int32_t off;
        if (tv->hour != ZS_UNSET && zone_in(d, x->t0, x->t1, rv.begin, &off))
            d->dct = zs_tz_from_offset(d->tz, rv.begin, off);
        d->dct_gran = tv->hour != ZS_UNSET ? ZS_GRAN_MINUTE : ZS_GRAN_DAY;
        return true;
    }
    zs_set_error(err, ZS_ERR_DCT,
                 "%s: no publication time: no dateline in the first %d lines; give it with --dct",
                 d->name, DATELINE_LINES);
    return false;
}

/* Whether the word before token t makes a year an aside in a narrative
 * ("bis 1915", "seit 1870": a bound, not the story's time). */
static bool aside(const zs_doc *d, uint32_t t)
{
    const zs_lang *L = d->lang;
    if (t == 0 || L->lex_aside == UINT32_MAX) return false;
    const zs_word *w = d->toks[t - 1].word;
    return w && zs_word_in(w, L->lex_aside, NULL);
}

/* Whether tv needs a day to be anchored to (a clock time, a part of day, a
 * weekday, or an offset in days or weeks) rather than any date; one with
 * its own day ("in der Nacht vom 8. Februar") needs only a year. */
static bool needs_day(const zs_tv *tv)
{
    if (tv->day != ZS_UNSET && tv->month != ZS_UNSET) return false;
    return tv->hour != ZS_UNSET || tv->pod != ZS_POD_NONE || tv->weekday != ZS_UNSET ||
           (tv->offset != ZS_UNSET && tv->unit != ZS_U_NONE &&
            (tv->unit <= ZS_U_WEEK || tv->unit == ZS_U_WEEKEND));
}

/* Whether tv is a day counted from a narrative anchor ("tags darauf",
 * "zwei Tage später"), by at most a quarter of the days of span (if it has
 * an interval): anchored to the first day of span (a month, a week), it
 * lies in span. */
static bool in_coarse_span(const zs_tv *tv, const zs_rv *span)
{
    if (tv->anchor != ZS_ANCHOR_NARRATIVE || tv->unit != ZS_U_DAY || tv->offset == ZS_UNSET ||
        tv->offset == 0 || tv->weekday != ZS_UNSET || tv->hour != ZS_UNSET ||
        tv->pod != ZS_POD_NONE || !span->has_interval)
        return false;
    int64_t days = zs_lsec_days(span->until) - zs_lsec_days(span->begin);
    return 4 * (int64_t)llabs(tv->offset) <= days;
}

/* A heading: a paragraph of at most this many tokens, without final
 * punctuation ("Östlicher Kriegsschauplatz", "1862"). */
#define HEADING_TOKENS 8

static bool is_heading(const zs_doc *d, uint32_t s)
{
    const zs_sentence *se = &d->sents[s];
    if (se->t1 - se->t0 > HEADING_TOKENS) return false;
    if (se->t0 > 0 && !(d->toks[se->t0].flags & ZS_TF_PARA)) return false;
    if (se->t1 < d->ntoks && !(d->toks[se->t1].flags & ZS_TF_PARA)) return false;
    int kind = d->toks[se->t1 - 1].kind;
    return kind == ZS_TOK_WORD || kind == ZS_TOK_NUM || kind == ZS_TOK_ALNUM;
}

/* Whether tv is a clock time alone ("20 Uhr", "19.15 Uhr"): no date, no
 * weekday, no offset. */
static bool bare_clock(const zs_tv *tv)
{
    return tv->hour != ZS_UNSET && tv->year == ZS_UNSET && tv->month == ZS_UNSET &&
           tv->day == ZS_UNSET && tv->weekday == ZS_UNSET && tv->offset == ZS_UNSET &&
           tv->easter == ZS_UNSET && tv->ref == ZS_REF_NONE;
}

/* Drops the date of a resolved clock time: "2012-10-07T20:00" becomes
 * "T20:00", a time of no one day. */
static void unanchor_clock(zs_rv *rv)
{
    char *t = strchr(rv->value, 'T');
    if (!t) return;
    memmove(rv->value, t, strlen(t) + 1);
    rv->gran = ZS_GRAN_NONE;
    rv->has_interval = false;
}

/* A duration of known decades or centuries in the TimeML units ("zwei
 * Jahrzehnte" P2DE, "ein halbes Jahrhundert" P5DE, "10 Jahrhunderte"
 * P10CE), for languages whose annotation writes them so; the resolver
 * writes years (P20Y). Half decades stay in years. */
static void decade_units(const zs_tv *tv, zs_rv *rv)
{
    if (tv->type != ZS_DURATION || tv->amount == ZS_UNSET || tv->amount < 0 ||
        tv->amount > 99999 || (tv->unit != ZS_U_DECADE && tv->unit != ZS_U_CENTURY) ||
        tv->and_amount != ZS_UNSET)
        return;
    bool half = tv->half == 1;
    if (half && tv->unit == ZS_U_DECADE) return;
    if (half) /* half a century: five decades */
        snprintf(rv->value, sizeof rv->value, "P%dDE", (int)tv->amount * 10 + 5);
    else
        snprintf(rv->value, sizeof rv->value, "P%d%s", (int)tv->amount,
                 tv->unit == ZS_U_DECADE ? "DE" : "CE");
}

/* anchor=ago in news: a year back from now, from a date that already lies
 * in the year before the publication, is that date ("the 1988 period ...
 * the year-ago results", said in 1989). */
static bool last_year_back(const zs_doc *d, const zs_tv *tv, const zs_rv *mention)
{
    if (tv->unit != ZS_U_YEAR || tv->offset != -1 || !mention->has_interval) return false;
    int my, dy, m, dd;
    zs_civil_from_days(zs_lsec_days(mention->begin), &my, &m, &dd);
    zs_civil_from_days(zs_lsec_days(d->dct), &dy, &m, &dd);
    return my == dy - 1 && mention->gran >= ZS_GRAN_YEAR && mention->gran <= ZS_GRAN_DAY;
}

/* Whether a tense cue may decide tv's direction: not where its rule
 * anchors it to the publication time itself (anchor=dct: "Wednesday's
 * ruling" leans back whatever the clause's tense). */
static bool uses_hint(const zs_tv *tv)
{
    return tv->anchor != ZS_ANCHOR_DCT && zs_tv_uses_hint(tv);
}

/* Whether timex x, a bare weekday ("Mittwoch", "Mittwochvormittag"), is
 * the day of p, the timex before it in its sentence with no ; or : between
 * them, a day anchored to the narrative that falls on that weekday ("Tags
 * darauf, am Mittwochvormittag"): in apposition to it or in its clause,
 * not the publication week's. */
static bool weekday_of_narrative(const zs_doc *d, const zs_timex *p, const zs_timex *x)
{
    const zs_tv *tv = &x->tv;
    if ((tv->type != ZS_DATE && tv->type != ZS_TIME) || tv->weekday == ZS_UNSET || tv->day != ZS_UNSET ||
        tv->month != ZS_UNSET || tv->year != ZS_UNSET || tv->offset != ZS_UNSET ||
        tv->dir != ZS_DIR_NONE || tv->hour != ZS_UNSET)
        return false;
    if (p->is_dct || p->sent != x->sent || p->anchor != ZS_ANCHOR_NARRATIVE ||
        !p->rv.has_interval || p->rv.gran < ZS_GRAN_DAY || p->t1 > x->t0 ||
        zs_weekday(zs_lsec_days(p->rv.begin)) != tv->weekday)
        return false;
    for (uint32_t k = p->t1; k < x->t0; k++)
        if (zs_tok_punct(d, k, ";:")) return false;
    return true;
}

/* Anchors every timex; drops impossible ones ("31. Februar"). Narrative
 * values are anchored to the last date mentioned before them (the last day,
 * for values that need one), else to the publication time. */
static void resolve_timexes(zs_doc *d)
{
    size_t kept = 0;
    zs_lsec last = d->dct, last_day = d->dct;
    bool narrated = false; /* last is a date of the text, not the DCT */
    zs_lsec sent_day = d->dct;
    zs_rv mention = {0}; /* the last date of the text, for anchor=mention */
    /* news: the month or week last_day is the first day of, while it is
     * (else no interval); a day a few days from it lies in that span, not
     * on the day counted from its first ("im Dezember ... Tags darauf":
     * December, not December 2) */
    zs_rv coarse = {0};
    uint32_t sent_day_of = UINT32_MAX; /* sentence of sent_day */
    bool sent_night = false; /* sent_day is the evening of a night's date */
    /* narratives: a year standing as a heading ("1862") is the time of
     * its section; each subheading ("Seekrieg") goes back to it */
    zs_lsec section = 0;
    bool has_section = false;
    uint32_t seen_sent = 0; /* sentences before this are looked at */
    /* the sentence whose last date names several days ("am 25. und 26.
     * August", "von April bis Juni", "wochentags"): a clock time after it
     * is each day's; not after a span of years ("zwischen 1943 und 1945
     * ..., 15-18 Uhr") */
    uint32_t several_of = UINT32_MAX;
    /* the day of the last member of a coordination group ("von Montag bis
     * Mittwoch": the second day is on or after the first) */
    int group_of = -1;
    zs_lsec group_day = 0;
    /* news: the sentence of the last month or day with its year written
     * out ("im März 1992"); a month after it in that sentence, in a tense
     * that does not point away, is of that year */
    uint32_t year_of = UINT32_MAX;
    zs_lsec year_at = 0;
    /* the sentence of the last date written out with its day and month,
     * and its day, for anchor=sentence */
    uint32_t told_of = UINT32_MAX;
    zs_lsec told_day = 0;
    for (size_t i = 0; i < d->ntimexes; i++) {
        zs_timex *x = &d->timexes[i];
        bool ok;
        if (x->is_dct) {
            ok = zs_tv_resolve(&x->tv, d->dct, ZS_DIR_NONE, &x->rv);
            x->anchor = ZS_ANCHOR_NONE;
        } else {
            if (d->narrative) {
                for (; seen_sent < x->sent; seen_sent++)
                    if (has_section && is_heading(d, seen_sent)) {
                        last = last_day = section;
                        coarse.has_interval = false;
                    }
                seen_sent = x->sent;
            }
            bool narrative = x->tv.anchor == ZS_ANCHOR_NARRATIVE || d->narrative;
            bool day = needs_day(&x->tv);
            /* a day mentioned earlier in the same sentence comes first */
            bool here = day && sent_day_of == x->sent;
            zs_lsec a = !narrative ? d->dct : here ? sent_day : day ? last_day : last;
            /* a clock time of the morning after a night ("in der Nacht zum
               Dienstag gegen 2.30 Uhr") is the next day's */
            if (here && sent_night && x->tv.hour != ZS_UNSET && x->tv.hour < 12 &&
                x->tv.pod == ZS_POD_NONE)
                a = sent_day + 86400;
            bool clock = (x->tv.hour != ZS_UNSET || x->tv.pod != ZS_POD_NONE) &&
                         (x->tv.offset == ZS_UNSET || x->tv.offset == 0);
            if (narrative && !d->narrative && clock && !here) {
                /* news: a time opening its sentence ("Um 9 Uhr startet
                 * ...", "Über Nacht ...") goes on with the day of one of
                 * the sentences just before; any other is the
                 * publication day's */
                bool opening = x->t0 - d->sents[x->sent].t0 < OPENING_TOKENS;
                a = opening && sent_day_of != UINT32_MAX &&
                            x->sent - sent_day_of <= DAY_SENTENCES
                        ? sent_day : d->dct;
                /* a weekday or a day of the year (a holiday: "8 p.m. on
                 * Election Day") right after the time is its day, written
                 * after the time in another zone ("11:20 a.m. (0820 GMT)
                 * Friday", "at 6 in the morning (6 a.m. EDT Friday)") */
                const zs_timex *n = i + 1 < d->ntimexes ? &d->timexes[i + 1] : NULL;
                zs_rv nv;
                if (n && !n->is_dct && n->sent == x->sent && n->t0 >= x->t1 &&
                    n->t0 - after_gloss(d, x->t1, n->t0) <= WEEKDAY_AFTER_TIME &&
                    day_after_time(&n->tv) &&
                    zs_tv_resolve(&n->tv, d->dct,
                                  uses_hint(&n->tv) ? zs_tense_hint(d, &n->tv, n->t0, n->t1) : ZS_DIR_NONE,
                                  &nv) && nv.has_interval && nv.gran >= ZS_GRAN_DAY)
                    a = nv.begin;
            }
            /* in a narrative the tense is past throughout and says nothing */
            bool year_before = !d->narrative && year_of == x->sent && x->tv.month != ZS_UNSET &&
                               x->tv.year == ZS_UNSET && x->tv.offset == ZS_UNSET &&
                               (x->tv.anchor == ZS_ANCHOR_NONE ||
                                x->tv.anchor == ZS_ANCHOR_DCT);
            /* looked for only where it can make a difference */
            zs_dir hint = d->narrative ? ZS_DIR_SAME
                          : year_before || uses_hint(&x->tv) ? zs_tense_hint(d, &x->tv, x->t0, x->t1)
                                                                   : ZS_DIR_NONE;
            if (year_before && hint != (year_at < d->dct ? ZS_DIR_FUTURE : ZS_DIR_PAST)) {
                a = year_at;
                hint = ZS_DIR_SAME;
                narrative = true;
            }
            /* a later member of a coordination without its own year
             * ("zwischen dem 3. und dem 5. Mai", "vom 30. Dezember bis 2.
             * Januar", "from April to October") is the first such day or
             * month on or after the one before */
            bool member = (x->tv.weekday != ZS_UNSET && x->tv.day == ZS_UNSET) ||
                          (x->tv.day != ZS_UNSET && x->tv.month != ZS_UNSET) ||
                          (x->tv.month != ZS_UNSET && x->tv.day == ZS_UNSET &&
                           x->tv.weekday == ZS_UNSET && x->tv.hour == ZS_UNSET);
            if (x->group >= 0 && x->group == group_of && member && x->tv.year == ZS_UNSET &&
                x->tv.offset == ZS_UNSET && x->tv.dir == ZS_DIR_NONE) {
                a = group_day;
                hint = ZS_DIR_FUTURE;
            }
            if (!d->narrative && kept > 0 && weekday_of_narrative(d, &d->timexes[kept - 1], x)) {
                a = zs_lsec_make(zs_lsec_days(d->timexes[kept - 1].rv.begin), 0, 0, 0);
                hint = ZS_DIR_SAME;
                narrative = true;
            }
            /* anchor=sentence: a date written out earlier in the sentence
             * that lies before the publication day is the day the clause
             * tells of ("fell on Monday, March 3, ahead of Friday's
             * report": the Friday after it); its own lean decides */
            if (x->tv.anchor == ZS_ANCHOR_SENTENCE && !d->narrative && told_of == x->sent &&
                zs_lsec_days(told_day) < zs_lsec_days(d->dct)) {
                a = told_day;
                hint = ZS_DIR_NONE;
                narrative = true;
            }
            bool by_mention = x->tv.anchor == ZS_ANCHOR_MENTION || x->tv.anchor == ZS_ANCHOR_AGO;
            bool shifted = x->tv.anchor == ZS_ANCHOR_AGO && !d->narrative &&
                           last_year_back(d, &x->tv, &mention);
            if (shifted) {
                x->rv = mention;
                x->rv.mod = x->tv.mod;
            } else {
                shifted = by_mention && zs_tv_shift(&x->tv, &mention, &x->rv);
            }
            ok = shifted || zs_tv_resolve(&x->tv, a, hint, &x->rv);
            if (shifted) narrative = true;
            /* "damals": PAST_REF, the interval of the date told before it
               where that lies in the past */
            if (ok && x->tv.ref == ZS_REF_PAST && x->tv.anchor == ZS_ANCHOR_MENTION &&
                mention.has_interval && mention.until <= d->dct) {
                x->rv.has_interval = true;
                x->rv.begin = mention.begin;
                x->rv.until = mention.until;
                x->rv.gran = mention.gran;
                narrative = true;
            }
            if (ok && !shifted && a == last_day && !d->narrative && in_coarse_span(&x->tv, &coarse)) {
                x->rv = coarse; /* "Anfang Dezember ... Tags darauf": early December */
                if (x->tv.mod != ZS_MOD_NONE) x->rv.mod = x->tv.mod;
            }
            bool absolute = x->tv.year != ZS_UNSET && x->tv.offset == ZS_UNSET;
            x->anchor = absolute ? ZS_ANCHOR_NONE : narrative ? ZS_ANCHOR_NARRATIVE : ZS_ANCHOR_DCT;
        }
        if (!ok) continue;
        if (d->lang->decade_units) decade_units(&x->tv, &x->rv);
        group_of = x->group >= 0 && x->rv.has_interval &&
                           (x->rv.gran == ZS_GRAN_DAY || x->rv.gran == ZS_GRAN_MONTH)
                       ? x->group
                       : -1;
        if (group_of >= 0) group_day = x->rv.begin;
        if (!x->is_dct && several_of == x->sent && bare_clock(&x->tv)) {
            unanchor_clock(&x->rv);
            x->anchor = ZS_ANCHOR_NONE;
        }
        if (x->tv.year != ZS_UNSET && x->tv.offset == ZS_UNSET && x->rv.has_interval &&
            x->rv.gran >= ZS_GRAN_MONTH && x->rv.gran <= ZS_GRAN_DAY && !x->is_dct) {
            year_of = x->sent;
            year_at = x->rv.begin;
        }
        /* so does a season named with its direction ("next summer, from
         * July 10 to 14") */
        if (x->tv.season != ZS_SEASON_NONE && x->tv.dir != ZS_DIR_NONE && x->rv.has_interval &&
            x->rv.gran == ZS_GRAN_SEASON && !x->is_dct) {
            year_of = x->sent;
            year_at = x->rv.begin;
        }
        if (x->tv.type == ZS_SET ||
            (x->group >= 0 && x->rv.has_interval && x->tv.hour == ZS_UNSET &&
             x->rv.gran >= ZS_GRAN_MONTH && x->rv.gran <= ZS_GRAN_DAY))
            several_of = x->sent;
        else if (x->rv.has_interval && x->tv.hour == ZS_UNSET && x->rv.gran == ZS_GRAN_DAY)
            several_of = UINT32_MAX;
        if (x->rv.has_interval && x->tv.ref == ZS_REF_NONE && !x->is_dct) {
            /* a year named in passing ("wie 1870/71") does not move a
             * narrative more than a generation away */
            bool passing = d->narrative && narrated &&
                           ((x->rv.gran == ZS_GRAN_YEAR &&
                             llabs(zs_lsec_days(x->rv.begin) - zs_lsec_days(last)) > 20 * 366) ||
                            aside(d, x->t0));
            /* a shifted mention does not move on ("a year ago ... a year
             * earlier" are the same date) */
            if (x->rv.gran >= ZS_GRAN_YEAR && x->rv.gran <= ZS_GRAN_DAY &&
                x->tv.anchor != ZS_ANCHOR_MENTION && x->tv.anchor != ZS_ANCHOR_AGO)
                mention = x->rv;
            /* a look back ("des letzten Jahres", "zwei Jahre zuvor")
             * does not move the story */
            bool look_back = x->tv.offset != ZS_UNSET && x->tv.offset < 0 &&
                             x->anchor == ZS_ANCHOR_NARRATIVE;
            if (look_back) passing = true;
            if (x->rv.gran >= ZS_GRAN_YEAR && !passing) {
                /* a winter begins in December of the year before its own */
                bool winter = x->rv.gran == ZS_GRAN_SEASON && x->tv.season == ZS_SEASON_WI;
                last = winter ? x->rv.until - 86400 : x->rv.begin;
                narrated = true;
                /* the first day of a month, or of the week of "vor zwei
                   Wochen" or "last week", for a day that needs one ("tags
                   darauf", "two days later"); not of a week counted from a
                   day ("in der dritten Woche") */
                bool ago_week = x->rv.gran == ZS_GRAN_WEEK &&
                                ((x->tv.type == ZS_DURATION && x->tv.dir != ZS_DIR_NONE) ||
                                 (x->anchor == ZS_ANCHOR_DCT && x->tv.offset != ZS_UNSET));
                /* not a month of the phrase of a signal_after word, the
                   time of an event before the story's ("Es ist der erste
                   Besuch seit dem Amtsantritt im Dezember. Tags darauf
                   ...": after the visit) */
                if (!d->narrative && (x->rv.gran == ZS_GRAN_MONTH || ago_week) &&
                    (last_day < x->rv.begin || last_day >= x->rv.until) &&
                    !zs_in_after_phrase(d, x->t0)) {
                    last_day = x->rv.begin;
                    if (x->tv.type != ZS_DURATION) coarse = x->rv;
                    else if (!zs_tv_point(&x->tv, &x->rv, &coarse)) coarse.has_interval = false;
                }
            }
            if (d->narrative && x->rv.gran == ZS_GRAN_YEAR && is_heading(d, x->sent) &&
                x->t0 == d->sents[x->sent].t0 && x->t1 == d->sents[x->sent].t1) {
                section = last = last_day = x->rv.begin;
                has_section = true;
            }
            if (x->rv.gran >= ZS_GRAN_DAY && !look_back) { /* nor the sentence's day */
                zs_lsec day = zs_lsec_make(zs_lsec_days(x->rv.begin), 0, 0, 0);
                sent_day = day;
                sent_day_of = x->sent;
                sent_night = x->tv.pod == ZS_POD_NI && x->tv.hour == ZS_UNSET;
                if (x->tv.day != ZS_UNSET && x->tv.month != ZS_UNSET && x->tv.offset == ZS_UNSET) {
                    told_of = x->sent;
                    told_day = day;
                }
                /* a date or a weekday written out, or a day named by its
                 * distance from the publication ("yesterday", "heute";
                 * not "tags darauf") */
                if (x->tv.day != ZS_UNSET || x->tv.weekday != ZS_UNSET ||
                    (x->anchor == ZS_ANCHOR_DCT && x->tv.offset != ZS_UNSET && x->tv.unit == ZS_U_DAY &&
                     x->tv.hour == ZS_UNSET && x->tv.pod == ZS_POD_NONE) ||
                    (x->tv.type == ZS_DURATION && x->tv.dir != ZS_DIR_NONE)) { /* "vor drei Tagen" */
                    last_day = day;
                    coarse.has_interval = false;
                }
            }
        }
        if (kept != i) {
            if (d->dct_timex == (int)i) d->dct_timex = (int)kept;
            d->timexes[kept] = *x;
        }
        kept++;
    }
    d->ntimexes = kept;
    /* groups point at their first member; renumber after dropping */
    for (size_t i = 0; i < d->ntimexes; i++) {
        zs_timex *x = &d->timexes[i];
        if (x->group < 0) continue;
        size_t j = i;
        while (j > 0 && d->timexes[j - 1].group == x->group) j--;
        x->group = (int)j;
    }
    for (size_t i = 0; i < d->ntimexes; i++) { /* "t%zu", without printf */
        d->timexes[i].id[0] = 't';
        zs_put_num(d->timexes[i].id + 1, (int)(i + 1), 1);
    }
}

/* The zone word in tokens [t0, t1) ("GMT", "9:30 a.m. EST", "eastern
 * time"): the first entry of the zone_abbr lexicon there, *off its offset
 * at clock time at (zone_offset); one with none ("local time") gives
 * none. */
static bool zone_in(const zs_doc *d, uint32_t t0, uint32_t t1, zs_lsec at, int32_t *off)
{
    uint32_t lex = d->lang->lex_zone_abbr;
    if (lex == UINT32_MAX) return false;
    for (uint32_t i = t0; i < t1; i++) {
        uint32_t end;
        const zs_entry *e = zs_entry_at(d, i, t1, lex, &end);
        if (e) return zone_offset(e, at, off);
    }
    return false;
}

/* The offset of a clock time without a zone word from its gloss, the same
 * instant in another zone in parentheses right after it ("10 a.m. (0700
 * GMT)": +03:00): four digits or hour ":" minute, then a zone word with an
 * offset or a named zone. The two clocks differ by whole quarter hours,
 * the difference taken between -12 and +14 hours. */
static bool gloss_zone(const zs_doc *d, const zs_timex *x, int32_t *off)
{
    uint32_t lim = d->sents[x->sent].t1;
    uint32_t close = after_gloss(d, x->t1, lim);
    if (close == x->t1 || close - x->t1 < 4) return false;
    close--; /* the ")" */
    const zs_token *t = &d->toks[x->t1 + 1];
    int h, mi;
    uint32_t k = x->t1 + 2; /* after the clock */
    if (t->kind == ZS_TOK_NUM && t->b1 - t->b0 == 4) {
        h = t->num / 100;
        mi = t->num % 100;
    } else if (t->kind == ZS_TOK_NUM && t->num >= 0 && k + 1 < close && zs_tok_punct(d, k, ":") &&
               d->toks[k + 1].kind == ZS_TOK_NUM && d->toks[k + 1].b1 - d->toks[k + 1].b0 == 2) {
        h = t->num;
        mi = d->toks[k + 1].num;
        k += 2;
    } else {
        return false;
    }
    if (h > 24 || mi > 59 || k >= close) return false;
    int32_t zoff;
    uint32_t end;
    const zs_entry *e = zs_entry_at(d, k, close, d->lang->lex_zone_abbr, &end);
    if (!e || end != close || !zone_offset(e, x->rv.begin, &zoff)) return false;
    int64_t day = zs_lsec_days(x->rv.begin);
    int32_t diff = (int32_t)((x->rv.begin - zs_lsec_make(day, h, mi, 0)) / 60) % 1440;
    if (diff > 14 * 60) diff -= 1440;
    if (diff < -12 * 60) diff += 1440;
    if (diff % 15) return false;
    *off = zoff + diff * 60;
    return true;
}

static bool zoned(const zs_timex *x)
{
    return x->rv.has_interval && x->rv.gran >= ZS_GRAN_HOUR;
}

/* A clock time with a zone word ("at 1400 GMT") is that instant: its
 * interval, kept in the article's zone like every other, moves there once
 * all values are resolved (the value stays the clock as written). The
 * other clock times of its coordination group share the zone ("von 10 bis
 * 12 Uhr MESZ"). */
static void zone_timexes(zs_doc *d)
{
    for (size_t i = 0; i < d->ntimexes; i++) {
        zs_timex *x = &d->timexes[i];
        if (!zoned(x)) continue;
        /* else the zone its gloss gives ("10 a.m. (0700 GMT)") */
        x->has_zone = zone_in(d, x->t0, x->t1, x->rv.begin, &x->zone_off) ||
                      (x->tv.hour != ZS_UNSET && gloss_zone(d, x, &x->zone_off));
    }
    for (size_t i = 0; i < d->ntimexes; i++) {
        zs_timex *x = &d->timexes[i];
        for (size_t j = i + 1; !x->has_zone && zoned(x) && x->group >= 0 && j < d->ntimexes &&
                               d->timexes[j].group == x->group; j++)
            if (d->timexes[j].has_zone) {
                x->has_zone = true;
                x->zone_off = d->timexes[j].zone_off;
            }
        if (!x->has_zone) continue;
        x->rv.begin = zs_tz_from_offset(d->tz, x->rv.begin, x->zone_off);
        x->rv.until = zs_tz_from_offset(d->tz, x->rv.until, x->zone_off);
    }
}

static void set_dct_iso(zs_doc *d)
{
    zs_format_lsec(d->dct_iso, sizeof d->dct_iso, d->dct, d->dct_gran == ZS_GRAN_DAY, d->tz);
}

zs_doc *zs_doc_new(const zs_lang *lang, const char *name, const char *text, size_t len,
                   const zs_options *opts, zs_error *err)
{
    if (!name) name = "<input>";
    size_t max = opts && opts->max_size ? opts->max_size : ZS_MAX_DOC_SIZE;
    if (max > UINT32_MAX / 2) max = UINT32_MAX / 2; /* offsets are 32-bit */
    if (len > max) {
        zs_set_error(err, ZS_ERR_INPUT, "%s: document of %zu bytes is larger than the limit of %zu bytes",
                     name, len, max);
        return NULL;
    }
    if (len == 0 || blank(text, len)) {
        zs_set_error(err, ZS_ERR_INPUT, "%s: empty input", name);
        return NULL;
    }
    zs_doc *d = zs_xcalloc(1, sizeof *d);
    d->lang = lang;
    d->name = zs_xstrdup(name);
    if (opts && opts->lenient) {
        size_t replaced;
        d->text = zs_utf8_repair(text, len, &d->len, &replaced);
        if (d->len > UINT32_MAX / 2) { /* each bad byte can become three */
            zs_set_error(err, ZS_ERR_INPUT, "%s: repaired document larger than 2 GB", name);
            zs_doc_free(d);
            return NULL;
        }
    } else {
        d->text = zs_xstrndup(text, len);
        d->len = len;
    }
    d->dct_timex = -1;
    d->narrative = opts && opts->narrative;
    d->order = opts && opts->date_order ? opts->date_order : lang->order;
    const char *tz = opts && opts->tz ? opts->tz : lang->zone;
    if (!zs_tz_valid(tz)) {
        zs_set_error(err, ZS_ERR_USAGE, "%s: unknown time zone '%s'", name, tz);
        zs_doc_free(d);
        return NULL;
    }
    zs_copy_str(d->tz, sizeof d->tz, tz);
    zs_copy_str(d->locale, sizeof d->locale, lang->code);
    if (opts && opts->dct && !dct_from_option(d, opts->dct, err)) {
        zs_doc_free(d);
        return NULL;
    }
    if (!zs_tokenize(d, lang, err)) {
        zs_doc_free(d);
        return NULL;
    }
    zs_split_sentences(d, lang);
    find_timexes(d);
    if (!(opts && opts->dct) && !dct_from_dateline(d, err)) {
        zs_doc_free(d);
        return NULL;
    }
    set_dct_iso(d);
    resolve_timexes(d);
    zone_timexes(d);
    if (!(opts && opts->timex_only)) zs_find_events(d);
    return d;
}

void zs_doc_free(zs_doc *d)
{
    if (!d) return;
    free(d->url);
    for (size_t i = 0; i < d->nevents; i++) {
        free(d->events[i].lemma);
        free(d->events[i].title);
        for (uint32_t k = 0; k < d->events[i].nparticipants; k++)
            free(d->events[i].participants[k]);
        free(d->events[i].participants);
    }
    free(d->events);
    free(d->timexes);
    free(d->tlinks);
    for (size_t i = 0; i < d->ncontras; i++) free(d->contras[i].with);
    free(d->contras);
    free(d->tense_cues);
    free(d->toks);
    free(d->breaks);
    free(d->sents);
    free(d->folds);
    free(d->text);
    free(d->name);
    zs_timeml_src_free(d->timeml);
    free(d);
}

size_t zs_doc_timex_count(const zs_doc *d)
{
    return d->ntimexes;
}

size_t zs_doc_event_count(const zs_doc *d)
{
    return d->nevents;
}

const char *zs_doc_dct(const zs_doc *d)
{
    return d->dct_iso;
}

size_t zs_doc_contradiction_count(const zs_doc *d)
{
    return d->ncontras;
}
