/* The resolve stage: a rule's underspecified value (zs_tv) is built from
 * its captures, then anchored (to the publication time, or narratively to
 * the last date mentioned) into a TIMEX3 value with an interval. */
#include "resolve.h"

#include <stdio.h>
#include <string.h>

/* ---- building the value of a match ------------------------------------- */

static void set_field(zs_tv *tv, zs_field f, int32_t v)
{
    switch (f) {
    case ZS_F_YEAR: tv->year = v; break;
    case ZS_F_MONTH: tv->month = v; break;
    case ZS_F_DAY: tv->day = v; break;
    case ZS_F_HOUR: tv->hour = v; break;
    case ZS_F_MINUTE: tv->minute = v; break;
    case ZS_F_SECOND: tv->second = v; break;
    case ZS_F_WEEKDAY: tv->weekday = v; break;
    case ZS_F_OFFSET: tv->offset = v; break;
    case ZS_F_AMOUNT: tv->amount = v; break;
    case ZS_F_UNIT: tv->unit = (zs_unit)v; break;
    case ZS_F_POD: tv->pod = (zs_pod)v; break;
    case ZS_F_MOD: tv->mod = (zs_mod)v; break;
    case ZS_F_REF: tv->ref = (zs_ref)v; break;
    case ZS_F_DIR: tv->dir = (zs_dir)v; break;
    case ZS_F_ANCHOR: tv->anchor = (zs_anchor)v; break;
    case ZS_F_COUNT: break;
    }
}

/* The value a capture gives field f, or false if it gives none. */
static bool cap_value(const zs_arg *a, const zs_capval *cv, int32_t *out)
{
    if (cv->t0 < 0) return false;
    const char *sym = NULL;
    int32_t num = cv->num;
    if (cv->entry) {
        const zs_attr *at = a->attr ? zs_entry_attr(cv->entry, a->attr)
                                    : (cv->entry->nattrs ? &cv->entry->attrs[0] : NULL);
        if (!at) return false;
        sym = at->sym;
        num = at->num;
    } else if (a->attr) {
        return false;
    }
    if (zs_field_syms(a->field)) {
        if (!sym) return false;
        int v = zs_field_sym(a->field, sym, strlen(sym));
        if (v < 0) return false;
        *out = v;
        return true;
    }
    if (num == ZS_UNSET) return false;
    *out = a->sign * num;
    return true;
}

void zs_build_tv(const zs_value *v, const zs_capval *caps, zs_tv *tv)
{
    zs_tv_init(tv);
    tv->type = v->type;
    for (int i = 0; i < v->nargs; i++) {
        const zs_arg *a = &v->args[i];
        int32_t x;
        if (a->cap < 0) set_field(tv, a->field, a->sign * a->num);
        else if (cap_value(a, &caps[a->cap], &x)) set_field(tv, a->field, x);
    }
}

/* ---- tense cues ------------------------------------------------------------ */

zs_dir zs_tense_hint(const zs_doc *d, uint32_t t0, uint32_t t1)
{
    const zs_lang *L = d->lang;
    if (!L || t0 >= d->ntoks) return ZS_DIR_NONE;
    const zs_sentence *s = &d->sents[d->toks[t0].sent];
    zs_dir best = ZS_DIR_NONE;
    uint32_t best_dist = UINT32_MAX;
    for (uint32_t i = s->t0; i < s->t1; i++) {
        if (i >= t0 && i < t1) continue;
        const zs_word *w = d->toks[i].word;
        if (!w) continue;
        zs_dir dir = ZS_DIR_NONE;
        if (L->lex_future != UINT32_MAX && zs_word_in(w, L->lex_future, NULL)) dir = ZS_DIR_FUTURE;
        else if (L->lex_past != UINT32_MAX && zs_word_in(w, L->lex_past, NULL)) dir = ZS_DIR_PAST;
        if (dir == ZS_DIR_NONE) continue;
        uint32_t dist = i < t0 ? t0 - i : i - t1;
        if (dist < best_dist) {
            best_dist = dist;
            best = dir;
        }
    }
    return best;
}

/* ---- resolution ------------------------------------------------------------- */

static const char unit_letter[] = {0, 'S', 'M', 'H', 'D', 'W', 'M', 'Q', 'Y', 0, 0};

static void duration_value(const zs_tv *tv, zs_rv *out)
{
    char amount[16];
    if (tv->amount == ZS_UNSET) snprintf(amount, sizeof amount, "X");
    else snprintf(amount, sizeof amount, "%d", (int)tv->amount);
    bool clock = tv->unit == ZS_U_SECOND || tv->unit == ZS_U_MINUTE || tv->unit == ZS_U_HOUR;
    if (tv->unit == ZS_U_DECADE)
        snprintf(out->value, sizeof out->value, "P%sDE", amount);
    else if (tv->unit == ZS_U_CENTURY)
        snprintf(out->value, sizeof out->value, "P%sCE", amount);
    else if (tv->unit == ZS_U_NONE)
        snprintf(out->value, sizeof out->value, "PX");
    else
        snprintf(out->value, sizeof out->value, "P%s%s%c", clock ? "T" : "", amount,
                 unit_letter[tv->unit]);
}

static void set_value(const zs_tv *tv, zs_rv *out)
{
    if (tv->weekday != ZS_UNSET)
        snprintf(out->value, sizeof out->value, "XXXX-WXX-%d", (int)tv->weekday);
    else if (tv->pod != ZS_POD_NONE) {
        static const char *pods[] = {"", "MO", "AF", "EV", "NI", "DT"};
        snprintf(out->value, sizeof out->value, "XXXX-XX-XXT%s", pods[tv->pod]);
    } else {
        zs_tv one = *tv;
        if (one.amount == ZS_UNSET) one.amount = 1;
        duration_value(&one, out);
    }
}

/* Adds months to (y, m). */
static void add_months(int *y, int *m, int64_t n)
{
    int64_t t = (int64_t)*y * 12 + (*m - 1) + n;
    *y = (int)(t >= 0 ? t / 12 : -((-t + 11) / 12));
    *m = (int)(t - (int64_t)*y * 12) + 1;
}

/* Cuts [b, u) to its first, middle or last third (months: days 1-10,
 * 11-20, 21-end; years: Jan-Apr, May-Aug, Sep-Dec). */
static void apply_mod(zs_mod mod, zs_gran g, int y, int m, zs_lsec *b, zs_lsec *u)
{
    if (mod != ZS_MOD_START && mod != ZS_MOD_MID && mod != ZS_MOD_END) return;
    int part = mod == ZS_MOD_START ? 0 : mod == ZS_MOD_MID ? 1 : 2;
    if (g == ZS_GRAN_MONTH) {
        static const int first[] = {1, 11, 21};
        *b = zs_lsec_make(zs_days_from_civil(y, m, first[part]), 0, 0, 0);
        if (part < 2) *u = zs_lsec_make(zs_days_from_civil(y, m, first[part + 1]), 0, 0, 0);
    } else if (g == ZS_GRAN_YEAR) {
        *b = zs_lsec_make(zs_days_from_civil(y, 1 + 4 * part, 1), 0, 0, 0);
        if (part < 2) *u = zs_lsec_make(zs_days_from_civil(y, 5 + 4 * part, 1), 0, 0, 0);
    } else {
        int64_t days = (*u - *b) / 86400;
        if (days >= 3) {
            int64_t b0 = zs_lsec_days(*b);
            zs_lsec nb = zs_lsec_make(b0 + days * part / 3, 0, 0, 0);
            zs_lsec nu = zs_lsec_make(b0 + days * (part + 1) / 3, 0, 0, 0);
            *b = nb;
            *u = nu;
        }
    }
}

static const int pod_hours[][2] = {{0, 0}, {6, 12}, {12, 18}, {18, 22}, {22, 30}, {6, 18}};
static const char *const pod_codes[] = {"", "MO", "AF", "EV", "NI", "DT"};

/* The day of weekday wd nearest to day a in direction dir. */
static int64_t weekday_near(int64_t a, int wd, zs_dir dir)
{
    int diff = wd - zs_weekday(a); /* -6..6 */
    if (dir == ZS_DIR_PAST) return a + (diff > 0 ? diff - 7 : diff);
    if (dir == ZS_DIR_FUTURE) return a + (diff < 0 ? diff + 7 : diff);
    if (diff > 3) diff -= 7;
    if (diff < -3) diff += 7;
    return a + diff;
}

bool zs_tv_resolve(const zs_tv *tv, zs_lsec anchor, zs_gran anchor_gran, zs_dir hint,
                   zs_rv *out)
{
    memset(out, 0, sizeof *out);
    out->type = tv->type;
    out->mod = tv->mod;
    (void)anchor_gran;
    if (tv->ref != ZS_REF_NONE) {
        static const char *refs[] = {"", "PRESENT_REF", "PAST_REF", "FUTURE_REF"};
        out->type = ZS_DATE;
        snprintf(out->value, sizeof out->value, "%s", refs[tv->ref]);
        out->gran = ZS_GRAN_NONE;
        if (tv->ref == ZS_REF_PRESENT) {
            out->has_interval = true;
            out->begin = out->until = anchor;
        }
        return true;
    }
    if (tv->type == ZS_DURATION) {
        duration_value(tv, out);
        return true;
    }
    if (tv->type == ZS_SET) {
        set_value(tv, out);
        return true;
    }
    zs_dir dir = tv->dir != ZS_DIR_NONE ? tv->dir : hint;
    int64_t aday = zs_lsec_days(anchor);
    int ay, am, ad;
    zs_civil_from_days(aday, &ay, &am, &ad);
    int y = ay, m = am;
    int64_t day = aday;
    zs_gran g = ZS_GRAN_NONE;

    if (tv->offset != ZS_UNSET && tv->unit != ZS_U_NONE) {
        switch (tv->unit) {
        case ZS_U_DAY:
            day = aday + tv->offset;
            g = ZS_GRAN_DAY;
            break;
        case ZS_U_WEEK:
            day = aday - (zs_weekday(aday) - 1) + 7 * (int64_t)tv->offset;
            g = ZS_GRAN_WEEK;
            if (tv->weekday != ZS_UNSET) {
                day += tv->weekday - 1;
                g = ZS_GRAN_DAY;
            }
            break;
        case ZS_U_MONTH:
            add_months(&y, &m, tv->offset);
            g = ZS_GRAN_MONTH;
            break;
        case ZS_U_YEAR:
            y = ay + tv->offset;
            g = ZS_GRAN_YEAR;
            if (tv->month != ZS_UNSET) {
                m = tv->month;
                g = ZS_GRAN_MONTH;
            }
            break;
        default:
            return false;
        }
        if (g == ZS_GRAN_DAY) zs_civil_from_days(day, &y, &m, &ad);
    } else if (tv->weekday != ZS_UNSET && tv->day == ZS_UNSET) {
        if (tv->weekday < 1 || tv->weekday > 7) return false;
        day = weekday_near(aday, tv->weekday, dir);
        zs_civil_from_days(day, &y, &m, &ad);
        g = ZS_GRAN_DAY;
    } else if (tv->year != ZS_UNSET || tv->month != ZS_UNSET || tv->day != ZS_UNSET) {
        m = tv->month != ZS_UNSET ? tv->month : am;
        if (m < 1 || m > 12) return false;
        if (tv->year != ZS_UNSET) {
            y = tv->year;
            if (y >= 0 && y < 100) { /* two-digit year: the nearest century */
                y += 2000;
                if (y > ay + 20) y -= 100;
            }
        } else if (tv->month != ZS_UNSET) {
            if (dir == ZS_DIR_PAST && m > am) y = ay - 1;
            else if (dir == ZS_DIR_FUTURE && m < am) y = ay + 1;
            else y = ay;
        }
        if (tv->day != ZS_UNSET) {
            if (tv->day < 1 || tv->day > zs_days_in_month(y, m)) return false;
            day = zs_days_from_civil(y, m, tv->day);
            g = ZS_GRAN_DAY;
        } else {
            g = tv->month != ZS_UNSET ? ZS_GRAN_MONTH : ZS_GRAN_YEAR;
        }
    } else if (tv->hour != ZS_UNSET || tv->pod != ZS_POD_NONE) {
        g = ZS_GRAN_DAY; /* a time of day today */
    } else {
        return false;
    }

    zs_lsec b = 0, u = 0;
    switch (g) {
    case ZS_GRAN_YEAR:
        snprintf(out->value, sizeof out->value, "%04d", y);
        b = zs_lsec_make(zs_days_from_civil(y, 1, 1), 0, 0, 0);
        u = zs_lsec_make(zs_days_from_civil(y + 1, 1, 1), 0, 0, 0);
        break;
    case ZS_GRAN_MONTH: {
        snprintf(out->value, sizeof out->value, "%04d-%02d", y, m);
        b = zs_lsec_make(zs_days_from_civil(y, m, 1), 0, 0, 0);
        int ny = y, nm = m;
        add_months(&ny, &nm, 1);
        u = zs_lsec_make(zs_days_from_civil(ny, nm, 1), 0, 0, 0);
        break;
    }
    case ZS_GRAN_WEEK: {
        int iy;
        int w = zs_iso_week(day, &iy);
        snprintf(out->value, sizeof out->value, "%04d-W%02d", iy, w);
        b = zs_lsec_make(day, 0, 0, 0);
        u = zs_lsec_make(day + 7, 0, 0, 0);
        break;
    }
    default: {
        int dy, dm, dd;
        zs_civil_from_days(day, &dy, &dm, &dd);
        snprintf(out->value, sizeof out->value, "%04d-%02d-%02d", dy, dm, dd);
        b = zs_lsec_make(day, 0, 0, 0);
        u = zs_lsec_make(day + 1, 0, 0, 0);
        if (tv->hour != ZS_UNSET) {
            int h = tv->hour, mi = tv->minute != ZS_UNSET ? tv->minute : 0;
            if (h < 0 || h > 24 || mi < 0 || mi > 59 || (h == 24 && mi)) return false;
            if (tv->pod == ZS_POD_AF || tv->pod == ZS_POD_EV || tv->pod == ZS_POD_NI)
                if (h < 12 && !(tv->pod == ZS_POD_NI && h < 5)) h += 12;
            size_t n = strlen(out->value);
            snprintf(out->value + n, sizeof out->value - n, "T%02d:%02d", h, mi);
            b = zs_lsec_make(day, h, mi, 0);
            if (tv->minute != ZS_UNSET) {
                u = b + 60;
                g = ZS_GRAN_MINUTE;
            } else {
                u = b + 3600;
                g = ZS_GRAN_HOUR;
            }
            out->type = ZS_TIME;
        } else if (tv->pod != ZS_POD_NONE) {
            size_t n = strlen(out->value);
            snprintf(out->value + n, sizeof out->value - n, "T%s", pod_codes[tv->pod]);
            b = zs_lsec_make(day, pod_hours[tv->pod][0], 0, 0);
            u = zs_lsec_make(day, pod_hours[tv->pod][1], 0, 0);
            g = ZS_GRAN_PARTOFDAY;
            out->type = ZS_TIME;
        }
        break;
    }
    }
    apply_mod(tv->mod, g, y, m, &b, &u);
    out->gran = g;
    out->has_interval = true;
    out->begin = b;
    out->until = u;
    return true;
}
