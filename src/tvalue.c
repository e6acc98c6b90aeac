/* Calendar core (proleptic Gregorian), zone offsets through ICU, ISO 8601
 * parsing and formatting, names of value enums. */
#include "tvalue.h"

#include <stdio.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

/* Howard Hinnant's days_from_civil / civil_from_days. */
int64_t zs_days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void zs_civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int zs_days_in_month(int y, int m)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && leap(y) ? 29 : dim[m - 1];
}

int zs_weekday(int64_t days)
{
    /* 1970-01-01 was a Thursday (4) */
    int64_t w = (days + 3) % 7;
    if (w < 0) w += 7;
    return (int)w + 1;
}

int64_t zs_iso_week_monday(int iso_year, int w)
{
    int64_t jan4 = zs_days_from_civil(iso_year, 1, 4);
    int64_t week1 = jan4 - (zs_weekday(jan4) - 1);
    return week1 + (int64_t)(w - 1) * 7;
}

int zs_iso_week(int64_t days, int *iso_year)
{
    int64_t thursday = days - zs_weekday(days) + 4;
    int y, m, d;
    zs_civil_from_days(thursday, &y, &m, &d);
    *iso_year = y;
    return (int)((thursday - zs_days_from_civil(y, 1, 1)) / 7) + 1;
}

int64_t zs_easter(int y)
{
    /* Anonymous Gregorian algorithm (Meeus/Jones/Butcher) */
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return zs_days_from_civil(y, month, day);
}

zs_lsec zs_lsec_make(int64_t days, int h, int mi, int s)
{
    return days * 86400 + h * 3600 + mi * 60 + s;
}

int64_t zs_lsec_days(zs_lsec t)
{
    return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

void zs_lsec_split(zs_lsec t, int *y, int *m, int *d, int *h, int *mi, int *s)
{
    int64_t days = zs_lsec_days(t);
    int64_t rest = t - days * 86400;
    zs_civil_from_days(days, y, m, d);
    *h = (int)(rest / 3600);
    *mi = (int)(rest / 60 % 60);
    *s = (int)(rest % 60);
}

/* ICU calendar for a zone; caller closes. */
static UCalendar *open_cal(const char *tz)
{
    UChar zid[128];
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(zid, 128, NULL, tz, -1, &st);
    if (st != U_ZERO_ERROR) return NULL; /* also too long to be terminated */
    UCalendar *cal = ucal_open(zid, -1, "en_US@calendar=gregorian", UCAL_GREGORIAN, &st);
    if (U_FAILURE(st)) return NULL;
    return cal;
}

/* The zone found valid last, per thread: every document asks again. */
static _Thread_local char valid_tz[64];

bool zs_tz_valid(const char *tz)
{
    /* IANA names are short; a doc keeps its zone in 64 bytes */
    if (!tz || !*tz || strlen(tz) >= 64) return false;
    if (strcmp(tz, valid_tz) == 0) return true;
    UChar zid[128], canon[128];
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(zid, 128, NULL, tz, -1, &st);
    if (st != U_ZERO_ERROR) return false;
    UBool sys = 0;
    ucal_getCanonicalTimeZoneID(zid, -1, canon, 128, &sys, &st);
    if (!U_SUCCESS(st) || !sys) return false;
    memcpy(valid_tz, tz, strlen(tz) + 1);
    return true;
}

/* The calendar of the zone asked for last, per thread (opening one costs
 * far more than a query). Kept for the life of the thread. */
static _Thread_local UCalendar *cached_cal;
static _Thread_local char cached_tz[64];

/* Offsets the calendar gave, by local time: a direct-mapped memo for the
 * cached zone, as a corpus's records repeat the same times (an ICU query
 * costs thousands of instructions). */
#define TZ_MEMO_BITS 8
#define TZ_MEMO (1 << TZ_MEMO_BITS)
typedef struct tz_memo_entry {
    zs_lsec t;
    int off;
    bool set;
} tz_memo_entry;
static _Thread_local tz_memo_entry tz_memo[TZ_MEMO];

static tz_memo_entry *tz_memo_at(zs_lsec t)
{
    return &tz_memo[((uint64_t)t * 0x9E3779B97F4A7C15u) >> (64 - TZ_MEMO_BITS)];
}

zs_lsec zs_tz_from_offset(const char *tz, zs_lsec t, int32_t off)
{
    zs_lsec utc = t - off;
    /* the offset at the wall clock it gives, first guessed at utc */
    return utc + zs_tz_offset(tz, utc + zs_tz_offset(tz, utc));
}

int zs_tz_offset(const char *tz, zs_lsec t)
{
    if (!tz || !*tz) return 0;
    if (!cached_cal || strcmp(cached_tz, tz) != 0) {
        if (strlen(tz) >= sizeof cached_tz) return 0;
        if (cached_cal) ucal_close(cached_cal);
        cached_cal = open_cal(tz);
        if (!cached_cal) return 0;
        snprintf(cached_tz, sizeof cached_tz, "%s", tz);
        memset(tz_memo, 0, sizeof tz_memo);
    }
    tz_memo_entry *memo = tz_memo_at(t);
    if (memo->set && memo->t == t) return memo->off;
    UCalendar *cal = cached_cal;
    int y, m, d, h, mi, s;
    zs_lsec_split(t, &y, &m, &d, &h, &mi, &s);
    UErrorCode st = U_ZERO_ERROR;
    ucal_clear(cal);
    ucal_setDateTime(cal, y, m - 1, d, h, mi, s, &st);
    int32_t zo = ucal_get(cal, UCAL_ZONE_OFFSET, &st);
    int32_t dst = ucal_get(cal, UCAL_DST_OFFSET, &st);
    if (U_FAILURE(st)) return 0;
    *memo = (tz_memo_entry){.t = t, .off = (zo + dst) / 1000, .set = true};
    return memo->off;
}

void zs_tz_cache_free(void)
{
    if (cached_cal) ucal_close(cached_cal);
    cached_cal = NULL;
    cached_tz[0] = '\0';
    memset(tz_memo, 0, sizeof tz_memo);
}

static int digits(const char **p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if ((*p)[i] < '0' || (*p)[i] > '9') return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    return v;
}

bool zs_parse_iso(const char *s, zs_lsec *t, bool *has_time, bool *has_offset,
                  int *offset_sec)
{
    const char *p = s;
    int y = digits(&p, 4);
    if (y < 0 || *p++ != '-') return false;
    int m = digits(&p, 2);
    if (m < 1 || m > 12 || *p++ != '-') return false;
    int d = digits(&p, 2);
    if (d < 1 || d > zs_days_in_month(y, m)) return false;
    int h = 0, mi = 0, sec = 0;
    *has_time = *has_offset = false;
    *offset_sec = 0;
    if (*p == 'T' || *p == ' ') {
        p++;
        h = digits(&p, 2);
        if (h < 0 || h > 23 || *p++ != ':') return false;
        mi = digits(&p, 2);
        if (mi < 0 || mi > 59) return false;
        if (*p == ':') {
            p++;
            sec = digits(&p, 2);
            if (sec < 0 || sec > 59) return false;
        }
        *has_time = true;
        if (*p == 'Z') {
            p++;
            *has_offset = true;
        } else if (*p == '+' || *p == '-') {
            int sign = *p++ == '-' ? -1 : 1;
            int oh = digits(&p, 2);
            if (oh < 0 || oh > 14) return false;
            if (*p == ':') p++;
            int om = digits(&p, 2);
            if (om < 0 || om > 59) return false;
            *has_offset = true;
            *offset_sec = sign * (oh * 3600 + om * 60);
        }
    }
    if (*p) return false;
    *t = zs_lsec_make(zs_days_from_civil(y, m, d), h, mi, sec);
    return true;
}

char *zs_format_lsec(char *buf, size_t n, zs_lsec t, bool date_only, const char *tz)
{
    int y, m, d, h, mi, s;
    zs_lsec_split(t, &y, &m, &d, &h, &mi, &s);
    if (date_only) {
        snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
        return buf;
    }
    char off[16] = "";
    if (tz) {
        int o = zs_tz_offset(tz, t);
        int a = o < 0 ? -o : o;
        snprintf(off, sizeof off, "%c%02d:%02d", o < 0 ? '-' : '+', a / 3600, a / 60 % 60);
    }
    if (s)
        snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, m, d, h, mi, s, off);
    else
        snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d%s", y, m, d, h, mi, off);
    return buf;
}

const char *zs_gran_name(zs_gran g)
{
    static const char *names[] = {"none", "century", "decade", "year", "half",
                                  "quarter", "season", "month", "week", "day",
                                  "partofday", "hour", "minute", "second"};
    return (unsigned)g < sizeof names / sizeof *names ? names[g] : "none";
}

const char *zs_ttype_name(zs_ttype t)
{
    static const char *names[] = {"DATE", "TIME", "DURATION", "SET"};
    return (unsigned)t < 4 ? names[t] : "DATE";
}

const char *zs_mod_name(zs_mod m)
{
    static const char *names[] = {"", "START", "MID", "END", "APPROX",
                                  "LESS_THAN", "MORE_THAN"};
    return (unsigned)m < sizeof names / sizeof *names ? names[m] : "";
}

void zs_tv_init(zs_tv *tv)
{
    memset(tv, 0, sizeof *tv);
    tv->year = tv->month = tv->day = ZS_UNSET;
    tv->hour = tv->minute = tv->second = ZS_UNSET;
    tv->weekday = tv->offset = tv->amount = ZS_UNSET;
    tv->week = tv->quarter = tv->half = tv->decade = tv->century = tv->easter = tv->nth = ZS_UNSET;
    tv->to_year = tv->and_amount = tv->turn = ZS_UNSET;
}
