/* Time values: proleptic-Gregorian calendar core, the underspecified value a
 * rule produces (zs_tv), and the resolved TIMEX3 value with its interval. */
#ifndef ZS_TVALUE_H
#define ZS_TVALUE_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

#define ZS_UNSET INT32_MIN

/* "Local seconds": seconds since 1970-01-01T00:00 of the article's wall
 * clock (no zone applied). Intervals are half-open [begin, until). */
typedef int64_t zs_lsec;

/* Days since 1970-01-01 for a proleptic-Gregorian date (month 1-12). */
int64_t zs_days_from_civil(int64_t y, int m, int d);
void zs_civil_from_days(int64_t days, int *y, int *m, int *d);
int zs_days_in_month(int y, int m);
/* ISO weekday, 1 = Monday .. 7 = Sunday. */
int zs_weekday(int64_t days);
/* ISO 8601 week of a date: *iso_year and return value 1..53. */
int zs_iso_week(int64_t days, int *iso_year);
/* Days of the Monday of ISO week w of iso_year. */
int64_t zs_iso_week_monday(int iso_year, int w);
/* Days of Easter Sunday (Gregorian computus). */
int64_t zs_easter(int y);

zs_lsec zs_lsec_make(int64_t days, int h, int mi, int s);
int64_t zs_lsec_days(zs_lsec t);
/* Breaks t into fields. */
void zs_lsec_split(zs_lsec t, int *y, int *m, int *d, int *h, int *mi, int *s);

/* UTC offset in seconds of zone tz (IANA name) at wall-clock time t, via ICU.
 * Returns 0 for an unknown zone. */
int zs_tz_offset(const char *tz, zs_lsec t);
/* The wall clock in tz of the instant that clock time t shows at UTC
 * offset off (seconds): "14:00" at +00:00 is 16:00 in Europe/Berlin in
 * summer. */
zs_lsec zs_tz_from_offset(const char *tz, zs_lsec t, int32_t off);
/* Frees the calling thread's cached ICU calendar of zs_tz_offset; for
 * threads to call before they end. */
void zs_tz_cache_free(void);
/* True if tz names a zone ICU knows. */
bool zs_tz_valid(const char *tz);

/* Granularity of a resolved value, coarse to fine. */
typedef enum {
    ZS_GRAN_NONE = 0,
    ZS_GRAN_CENTURY,
    ZS_GRAN_DECADE,
    ZS_GRAN_YEAR,
    ZS_GRAN_HALF,
    ZS_GRAN_QUARTER,
    ZS_GRAN_SEASON,
    ZS_GRAN_MONTH,
    ZS_GRAN_WEEK,
    ZS_GRAN_DAY,
    ZS_GRAN_PARTOFDAY,
    ZS_GRAN_HOUR,
    ZS_GRAN_MINUTE,
    ZS_GRAN_SECOND
} zs_gran;
const char *zs_gran_name(zs_gran g); /* "day", "month", ... */

typedef enum { ZS_DATE = 0, ZS_TIME, ZS_DURATION, ZS_SET } zs_ttype;
const char *zs_ttype_name(zs_ttype t); /* "DATE", ... */

/* Time units for relative values and durations. */
typedef enum {
    ZS_U_NONE = 0, ZS_U_SECOND, ZS_U_MINUTE, ZS_U_HOUR, ZS_U_DAY, ZS_U_WEEK,
    ZS_U_MONTH, ZS_U_QUARTER, ZS_U_YEAR, ZS_U_DECADE, ZS_U_CENTURY,
    ZS_U_WEEKEND, ZS_U_HALF
} zs_unit;

/* Seasons, meteorological, northern hemisphere. */
typedef enum { ZS_SEASON_NONE = 0, ZS_SEASON_SP, ZS_SEASON_SU, ZS_SEASON_FA, ZS_SEASON_WI } zs_season;

/* Parts of day: MO 06-12, AF 12-18, EV 18-22, NI 22-06 (next day). */
typedef enum { ZS_POD_NONE = 0, ZS_POD_MO, ZS_POD_AF, ZS_POD_EV, ZS_POD_NI, ZS_POD_DT } zs_pod;
typedef enum { ZS_MOD_NONE = 0, ZS_MOD_START, ZS_MOD_MID, ZS_MOD_END,
               ZS_MOD_APPROX, ZS_MOD_LESS_THAN, ZS_MOD_MORE_THAN } zs_mod;
typedef enum { ZS_REF_NONE = 0, ZS_REF_PRESENT, ZS_REF_PAST, ZS_REF_FUTURE } zs_ref;
/* Which way an underspecified value leans ("im Januar" in the past). */
typedef enum { ZS_DIR_NONE = 0, ZS_DIR_PAST, ZS_DIR_FUTURE,
               ZS_DIR_SAME /* the anchor's own year or week (narratives) */ } zs_dir;
/* mention: the last date mentioned, shifted in its own granularity ("a year
 * earlier" after "the third quarter" is that quarter a year before).
 * sentence: the day of a date written out with its day and month earlier
 * in the sentence that lies before the publication day, else as NONE. */
typedef enum {
    ZS_ANCHOR_NONE = 0, ZS_ANCHOR_DCT, ZS_ANCHOR_NARRATIVE, ZS_ANCHOR_MENTION, ZS_ANCHOR_AGO,
    ZS_ANCHOR_SENTENCE
} zs_anchor;

/* The value a rule builds: every field ZS_UNSET (or 0 for enums) unless the
 * rule set it. Absolute fields (year..minute) and relative ones (offset in
 * unit from the anchor) combine: "gestern Abend" = offset -1 day, pod EV. */
typedef struct zs_tv {
    zs_ttype type;
    int32_t year, month, day, hour, minute, second;
    int32_t weekday;  /* 1..7 */
    int32_t offset;   /* with unit: relative to the anchor */
    zs_unit unit;     /* unit of offset, or of a duration */
    int32_t amount;   /* duration amount (with unit) */
    int32_t week;     /* ISO week number */
    int32_t quarter;  /* 1..4 */
    int32_t half;     /* 1..2 */
    int32_t decade;   /* 199 (1990s), or 90 (two digits: the nearest past) */
    int32_t century;  /* ordinal: 20 = 1900-1999 */
    int32_t easter;   /* days from Easter Sunday (Karfreitag = -2) */
    int32_t nth;      /* with month and weekday: the nth such weekday of the
                         month (-1: the last; Thanksgiving: 4th Thursday) */
    int32_t to_year;  /* with year alone: the last year of a range written as
                         one mention ("1925/26": 26) */
    int32_t and_amount; /* with and_unit: a duration's second, finer part
                           ("two hours and 30 minutes": 30 minute) */
    zs_unit and_unit;
    int32_t turn;     /* the turn of periods of this many years ("the turn of
                         the century": 100), nearest the anchor, or the next
                         or last one as the direction says; offset: that many
                         turns from the nearest */
    zs_unit keep;     /* with offset and unit: the anchor's own unit (day)
                         shifted by them ("this time last year": that day a
                         year before), not the unit's */
    zs_season season;
    zs_pod pod;
    zs_mod mod;
    zs_ref ref;
    zs_dir dir;       /* forced direction ("vergangenen Freitag") */
    zs_dir lean;      /* direction when the sentence gives no tense cue */
    zs_anchor anchor;
} zs_tv;

void zs_tv_init(zs_tv *tv);

/* A resolved value. */
typedef struct zs_rv {
    zs_ttype type;
    char value[48];   /* TIMEX3 value: "2017-05-02TEV", "P3D", "PRESENT_REF" */
    zs_mod mod;       /* TIMEX3 mod (START, MID, END, APPROX...) */
    zs_gran gran;
    bool has_interval; /* false for durations, sets, PAST_REF, FUTURE_REF */
    zs_lsec begin, until;
} zs_rv;
const char *zs_mod_name(zs_mod m); /* "START", ...; "" for none */

/* Resolves tv against anchor (a wall-clock instant). dir_hint comes from
 * tense cues when tv->dir is unset. Returns false if the value is
 * impossible (31 February, hour 25). */
bool zs_tv_resolve(const zs_tv *tv, zs_lsec anchor, zs_dir dir_hint, zs_rv *out);

/* The date that a duration pointing back or ahead reaches ("vor zwei
 * Wochen", "in drei Monaten": tv with its direction, rv as zs_tv_resolve
 * gave it, with that date's interval): a DATE named in the duration's unit
 * ("2026-W10", "2026-06"), the interval rv's, into *out; TimeML's
 * beginPoint of a duration that points back, endPoint of one that points
 * ahead. False for any other value. */
bool zs_tv_point(const zs_tv *tv, const zs_rv *rv, zs_rv *out);

/* Parses an ISO 8601 date or date-time ("2017-05-02", "2017-05-02T21:06",
 * "2017-05-02T21:06:00+02:00", "...Z"). *has_time, *has_offset tell what was
 * there; *offset_sec is the UTC offset if given. Returns false if malformed
 * or impossible. */
bool zs_parse_iso(const char *s, zs_lsec *t, bool *has_time, bool *has_offset,
                  int *offset_sec);

/* Formats t as "2017-05-02" (date_only) or "2017-05-02T18:00+02:00" (with the
 * offset of tz at t; tz NULL: no offset). Returns buf. */
char *zs_format_lsec(char *buf, size_t n, zs_lsec t, bool date_only, const char *tz);

#endif
