/* The reduce step of corpus runs. Each document's records are read back into
 * a document that holds what the writers need: its mentions, the sentences
 * its events quote and its rule names live in one text buffer. A finished
 * document is kept as its canonical records (the jsonl writer's output), so
 * duplicates compare equal however their input was formatted, and the
 * reduction is a sorted set union: associative, commutative, idempotent. */
#include "merge.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "jsonl.h"
#include "writers.h"

/* Sentence indexes beyond this are refused (the sentence table is dense). */
#define MAX_SENTENCE (1u << 24)

typedef struct {
    uint32_t b0, b1; /* of the quoted sentence in the text buffer; b1 == 0: none */
} ctx_span;

typedef struct builder {
    zs_doc *d;
    zs_buf text;
    uint32_t *rule_off; /* per timex: its rule name in text */
    size_t rule_cap;
    ctx_span *ctx;      /* per event */
    size_t ctx_cap;
} builder;

typedef struct doc_group {
    char *name;
    char *bytes; /* canonical records */
    size_t len;
} doc_group;

struct zs_merge {
    builder cur;
    char *skipping; /* the document whose bad record was refused */
    doc_group *groups;
    size_t ngroups, groups_cap;
    zs_doc **docs;
    size_t ndocs;
    zs_graph *g;
    const zs_lang *const *langs; /* for the output words of docs in them */
    size_t nlangs;
};

zs_merge *zs_merge_new(void)
{
    return zs_xcalloc(1, sizeof(zs_merge));
}

void zs_merge_set_langs(zs_merge *m, const zs_lang *const *langs, size_t n)
{
    m->langs = langs;
    m->nlangs = n;
}

static void builder_drop(builder *b)
{
    zs_doc_free(b->d);
    b->d = NULL;
    zs_buf_free(&b->text);
    free(b->rule_off);
    free(b->ctx);
    memset(b, 0, sizeof *b);
}

/* ---- fields ------------------------------------------------------------ */

typedef struct rec {
    json_object *o;
    const char *file;
    unsigned long line;
    zs_error *err;
} rec;

/* Reports the first problem of a record. */
static bool bad(const rec *r, const char *what, const char *key)
{
    if (r->err->code) return false;
    zs_set_error(r->err, ZS_ERR_INPUT, "%s:%lu: \"%s\" %s", r->file, r->line, key, what);
    return false;
}

/* Whether the record has key (with any value, null too). */
static bool has(const rec *r, const char *key)
{
    return json_object_object_get_ex(r->o, key, NULL);
}

/* The value of key (NULL for a JSON null); *present tells whether it is there. */
static json_object *field(const rec *r, const char *key, bool *present)
{
    json_object *v = NULL;
    *present = json_object_object_get_ex(r->o, key, &v);
    return v;
}

/* A string field of at most max bytes (0: any); NULL with err when missing. */
static const char *str(const rec *r, const char *key, size_t max, bool required, bool *ok)
{
    bool present;
    json_object *v = field(r, key, &present);
    if (!present) {
        if (required) *ok = bad(r, "is missing", key);
        return NULL;
    }
    if (!zs_json_cstring(v)) {
        *ok = bad(r, "must be a string", key);
        return NULL;
    }
    if (max && (size_t)json_object_get_string_len(v) >= max) {
        *ok = bad(r, "is too long", key);
        return NULL;
    }
    return json_object_get_string(v);
}

static uint32_t num(const rec *r, const char *key, uint32_t max, bool required, bool *ok)
{
    bool present;
    json_object *v = field(r, key, &present);
    if (!present) {
        if (required) *ok = bad(r, "is missing", key);
        return 0;
    }
    if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) < 0 ||
        json_object_get_int64(v) > max) {
        *ok = bad(r, "must be a small non-negative integer", key);
        return 0;
    }
    return (uint32_t)json_object_get_int64(v);
}

/* An optional integer within a million either side of 0 (0 when absent). */
static int small_int(const rec *r, const char *key, bool *ok)
{
    bool present;
    json_object *v = field(r, key, &present);
    if (!present) return 0;
    if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) < -1000000 ||
        json_object_get_int64(v) > 1000000) {
        *ok = bad(r, "must be a small integer", key);
        return 0;
    }
    return (int)json_object_get_int64(v);
}

/* The index of name in names(0..n) (as printed by name_of), or -1. */
static int lookup(const char *s, const char *(*name_of)(int), int n)
{
    for (int i = 0; s && i < n; i++)
        if (strcmp(s, name_of(i)) == 0) return i;
    return -1;
}
static const char *gran_name(int i) { return zs_gran_name((zs_gran)i); }
static const char *ttype_name(int i) { return zs_ttype_name((zs_ttype)i); }
static const char *mod_name(int i) { return zs_mod_name((zs_mod)i); }
static const char *eclass_name(int i) { return zs_eclass_name((zs_eclass)i); }
static const char *modality_name(int i) { return zs_modality_name((zs_modality)i); }
static const char *rel_name(int i) { return zs_rel_name((zs_relkind)i); }
static const char *tense_name(int i) { return zs_tense_name((zs_tense)i); }
static const char *aspect_name(int i) { return zs_aspect_name((zs_aspect)i); }
static const char *anchor_name(int i)
{
    static const char *names[] = {"none", "dct", "narrative"};
    return names[i];
}

static int enum_field(const rec *r, const char *key, const char *(*name_of)(int), int n,
                      bool *ok)
{
    const char *s = str(r, key, 0, true, ok);
    if (!s) return 0;
    int i = lookup(s, name_of, n);
    if (i < 0) {
        *ok = bad(r, "has an unknown value", key);
        return 0;
    }
    return i;
}

static int two_digits(const char **p)
{
    const char *q = *p;
    if (q[0] < '0' || q[0] > '9' || q[1] < '0' || q[1] > '9') return -1;
    *p += 2;
    return (q[0] - '0') * 10 + (q[1] - '0');
}

/* "2017-05-02", "-043-03-15", "2017-05-02T18:00+02:00", "...T18:00:30Z":
 * the wall-clock time written (the offset is the zone's and not applied). */
static bool parse_time(const char *p, zs_lsec *t, bool *has_time, int *off)
{
    if (off) *off = ZS_UNSET;
    int sign = 1;
    if (*p == '-') {
        sign = -1;
        p++;
    }
    long long y = 0;
    int nd = 0;
    while (*p >= '0' && *p <= '9' && nd < 9) y = y * 10 + (*p++ - '0'), nd++;
    if (nd < 1 || *p++ != '-') return false;
    int mo = two_digits(&p);
    if (mo < 1 || mo > 12 || *p++ != '-') return false;
    int d = two_digits(&p), h = 0, mi = 0, sec = 0;
    y *= sign;
    if (d < 1 || d > zs_days_in_month((int)y, mo)) return false;
    *has_time = *p == 'T';
    if (*has_time) {
        p++;
        h = two_digits(&p);
        if (h < 0 || h > 23 || *p++ != ':') return false;
        mi = two_digits(&p);
        if (mi < 0 || mi > 59) return false;
        if (*p == ':') {
            p++;
            sec = two_digits(&p);
            if (sec < 0 || sec > 59) return false;
        }
        if (*p == 'Z') {
            p++;
        } else if (*p == '+' || *p == '-') {
            int neg = *p++ == '-', oh = two_digits(&p), om;
            if (oh < 0 || *p++ != ':' || (om = two_digits(&p)) < 0) return false;
            if (off) *off = (neg ? -1 : 1) * (oh * 3600 + om * 60);
        }
    }
    if (*p) return false;
    *t = zs_lsec_make(zs_days_from_civil(y, mo, d), h, mi, sec);
    return true;
}

/* A date or date-time field as written; *off (if not NULL) its UTC
 * offset in seconds, or ZS_UNSET. */
static zs_lsec time_field(const rec *r, const char *key, bool *ok, int *off)
{
    const char *s = str(r, key, 64, true, ok);
    zs_lsec t = 0;
    bool has_time;
    if (off) *off = ZS_UNSET;
    if (s && !parse_time(s, &t, &has_time, off)) *ok = bad(r, "is not a date or date-time", key);
    return t;
}

/* begin, until, granularity: all three or none; *off (if not NULL) the
 * UTC offset begin is written with, or ZS_UNSET. */
static bool interval(const rec *r, zs_lsec *begin, zs_lsec *until, zs_gran *gran, bool *ok,
                     int *off)
{
    if (off) *off = ZS_UNSET;
    if (!has(r, "begin") && !has(r, "until") && !has(r, "granularity"))
        return false;
    *begin = time_field(r, "begin", ok, off);
    *until = time_field(r, "until", ok, NULL);
    *gran = (zs_gran)enum_field(r, "granularity", gran_name, ZS_GRAN_SECOND + 1, ok);
    return true;
}

/* Appends s to the text buffer; its span in *b0, *b1. */
static void put_text(builder *b, const char *s, size_t n, uint32_t *b0, uint32_t *b1)
{
    *b0 = (uint32_t)b->text.len;
    zs_buf_put(&b->text, s, n);
    *b1 = (uint32_t)b->text.len;
}

/* id, text, start, end and sentence of a timex or event. */
static void mention(builder *b, const rec *r, char id[ZS_ID_SIZE], uint32_t *b0, uint32_t *b1,
                    uint32_t *c0, uint32_t *c1, uint32_t *sent, bool *ok)
{
    const char *s = str(r, "id", ZS_ID_SIZE, true, ok);
    if (s) snprintf(id, ZS_ID_SIZE, "%s", s);
    s = str(r, "text", 0, true, ok);
    if (s) put_text(b, s, strlen(s), b0, b1);
    *c0 = num(r, "start", UINT32_MAX, true, ok);
    *c1 = num(r, "end", UINT32_MAX, true, ok);
    *sent = num(r, "sentence", MAX_SENTENCE, true, ok);
}

static int timex_index(const zs_doc *d, const char *id)
{
    if (!id) return -1;
    for (size_t i = 0; i < d->ntimexes; i++)
        if (strcmp(d->timexes[i].id, id) == 0) return (int)i;
    return -1;
}

/* ---- records ----------------------------------------------------------- */

static bool doc_record(builder *b, const rec *r, const char *name)
{
    bool ok = true;
    const char *dct = str(r, "dct", 40, true, &ok);
    const char *tz = str(r, "tz", 64, true, &ok);
    const char *lang = str(r, "lang", 16, true, &ok);
    if (!ok) return false;
    zs_lsec t;
    bool has_time;
    if (!parse_time(dct, &t, &has_time, NULL)) return bad(r, "is not a date or date-time", "dct");
    if (!zs_tz_valid(tz)) return bad(r, "is not a known time zone", "tz");
    zs_doc *d = b->d = zs_xcalloc(1, sizeof *d);
    d->name = zs_xstrdup(name);
    d->dct = t;
    d->dct_gran = has_time ? ZS_GRAN_MINUTE : ZS_GRAN_DAY;
    d->dct_timex = -1;
    snprintf(d->dct_iso, sizeof d->dct_iso, "%s", dct);
    snprintf(d->tz, sizeof d->tz, "%s", tz);
    snprintf(d->locale, sizeof d->locale, "%s", lang);
    const char *url = str(r, "url", 0, false, &ok);
    if (url) d->url = zs_xstrdup(url);
    const char *closure = str(r, "closure", 0, false, &ok);
    if (closure && strcmp(closure, "skipped") != 0) return bad(r, "has an unknown value", "closure");
    d->closure_skipped = closure != NULL;
    return ok;
}

static bool timex_record(builder *b, const rec *r)
{
    zs_doc *d = b->d;
    ZS_GROW(d->timexes, d->timexes_cap, d->ntimexes + 1);
    ZS_GROW(b->rule_off, b->rule_cap, d->ntimexes + 1);
    zs_timex *x = &d->timexes[d->ntimexes];
    memset(x, 0, sizeof *x);
    x->group = -1;
    bool ok = true;
    mention(b, r, x->id, &x->b0, &x->b1, &x->c0, &x->c1, &x->sent, &ok);
    x->rv.type = (zs_ttype)enum_field(r, "type", ttype_name, ZS_SET + 1, &ok);
    const char *value = str(r, "value", sizeof x->rv.value, true, &ok);
    if (value) snprintf(x->rv.value, sizeof x->rv.value, "%s", value);
    if (has(r, "mod")) {
        x->rv.mod = (zs_mod)enum_field(r, "mod", mod_name, ZS_MOD_MORE_THAN + 1, &ok);
        if (x->rv.mod == ZS_MOD_NONE) ok = bad(r, "is empty", "mod");
    }
    int off;
    x->rv.has_interval = interval(r, &x->rv.begin, &x->rv.until, &x->rv.gran, &ok, &off);
    if (x->rv.has_interval && x->rv.gran >= ZS_GRAN_HOUR) {
        /* a clock time written in its zone word's offset ("14:00+00:00"
         * in a Berlin article): that instant in the article's zone */
        if (ok && off != ZS_UNSET && off != zs_tz_offset(d->tz, x->rv.begin)) {
            x->has_zone = true;
            x->zone_off = off;
            x->rv.begin = zs_tz_from_offset(d->tz, x->rv.begin, off);
            x->rv.until = zs_tz_from_offset(d->tz, x->rv.until, off);
        }
    }
    if (x->rv.has_interval && x->rv.gran == ZS_GRAN_NONE) ok = bad(r, "is none", "granularity");
    x->anchor = (zs_anchor)enum_field(r, "anchor", anchor_name, 3, &ok);
    const char *fn = str(r, "function", 0, false, &ok);
    if (fn && strcmp(fn, "CREATION_TIME") != 0) ok = bad(r, "has an unknown value", "function");
    if (fn && d->dct_timex >= 0) ok = bad(r, "names a second creation time", "function");
    const char *group = str(r, "group", 0, false, &ok);
    if (group) {
        x->group = timex_index(d, group);
        if (x->group < 0 && strcmp(group, x->id) == 0) x->group = (int)d->ntimexes;
        if (x->group < 0) ok = bad(r, "names no earlier timex", "group");
    }
    const char *rule = str(r, "rule", 0, true, &ok);
    if (!ok) return false;
    if (timex_index(d, x->id) >= 0) return bad(r, "is used twice", "id");
    uint32_t r0, r1;
    put_text(b, rule, strlen(rule) + 1, &r0, &r1);
    b->rule_off[d->ntimexes] = r0;
    if (fn) {
        x->is_dct = true;
        d->dct_timex = (int)d->ntimexes;
    }
    d->ntimexes++;
    return true;
}

/* The "participants" array of an event record (none when missing): names,
 * each a non-empty string. */
static void participants(const rec *r, zs_event *e, bool *ok)
{
    bool present;
    json_object *a = field(r, "participants", &present);
    if (!present) return;
    if (!json_object_is_type(a, json_type_array)) {
        *ok = bad(r, "must be an array of names", "participants");
        return;
    }
    size_t n = json_object_array_length(a);
    for (size_t i = 0; i < n; i++) {
        json_object *v = json_object_array_get_idx(a, i);
        if (!zs_json_cstring(v) || !json_object_get_string_len(v)) {
            *ok = bad(r, "must be an array of names", "participants");
            return;
        }
    }
    e->nparticipants = (uint32_t)n;
    e->participants = zs_xcalloc(e->nparticipants + 1, sizeof *e->participants);
    for (size_t i = 0; i < n; i++)
        e->participants[i] = zs_xstrdup(json_object_get_string(json_object_array_get_idx(a, i)));
}

static bool event_record(builder *b, const rec *r)
{
    zs_doc *d = b->d;
    ZS_GROW(d->events, d->events_cap, d->nevents + 1);
    ZS_GROW(b->ctx, b->ctx_cap, d->nevents + 1);
    zs_event *e = &d->events[d->nevents];
    memset(e, 0, sizeof *e);
    bool ok = true;
    mention(b, r, e->id, &e->b0, &e->b1, &e->c0, &e->c1, &e->sent, &ok);
    const char *lemma = str(r, "lemma", 0, true, &ok);
    const char *title = str(r, "title", 0, true, &ok);
    e->cls = (zs_eclass)enum_field(r, "class", eclass_name, ZS_EC_PERCEPTION + 1, &ok);
    e->modality = (zs_modality)enum_field(r, "modality", modality_name, ZS_NMODAL, &ok);
    if (has(r, "tense")) /* optional: NONE */
        e->tense = (zs_tense)enum_field(r, "tense", tense_name, ZS_TENSE_PASTPART + 1, &ok);
    if (has(r, "aspect"))
        e->aspect = (zs_aspect)enum_field(r, "aspect", aspect_name,
                                          ZS_ASPECT_PERFECTIVE_PROGRESSIVE + 1, &ok);
    bool present;
    json_object *time = field(r, "time", &present);
    e->time = -1;
    if (!present) ok = bad(r, "is missing", "time");
    else if (zs_json_cstring(time)) {
        e->time = timex_index(d, json_object_get_string(time));
        if (e->time < 0) ok = bad(r, "names no timex of the document", "time");
    } else if (time) ok = bad(r, "must be a timex id or null", "time");
    e->coref = -1;
    e->status_by = -1;
    const char *same = str(r, "same_as", 0, false, &ok);
    for (size_t i = 0; same && i < d->nevents && e->coref < 0; i++)
        if (strcmp(d->events[i].id, same) == 0) e->coref = (int)i;
    if (same && e->coref < 0) ok = bad(r, "names no earlier event", "same_as");
    e->has_interval = interval(r, &e->begin, &e->until, &e->gran, &ok, NULL);
    if (has(r, "place_begin") || has(r, "place_until")) {
        e->placed = true;
        e->place_begin = time_field(r, "place_begin", &ok, NULL);
        e->place_until = time_field(r, "place_until", &ok, NULL);
        e->place_rank = (int32_t)small_int(r, "place_rank", &ok);
    }
    if (has(r, "mod")) {
        if (!e->has_interval) ok = bad(r, "needs an interval", "mod");
        e->mod = (zs_mod)enum_field(r, "mod", mod_name, ZS_MOD_MORE_THAN + 1, &ok);
        if (e->mod == ZS_MOD_NONE) ok = bad(r, "is empty", "mod");
    }
    e->rank = (int32_t)small_int(r, "rank", &ok);
    json_object *on = field(r, "ongoing", &present);
    if (present) {
        if (!e->has_interval) ok = bad(r, "needs an interval", "ongoing");
        else if (json_object_is_type(on, json_type_boolean)) e->ongoing = json_object_get_boolean(on);
        else ok = bad(r, "must be true or false", "ongoing");
    }
    json_object *moved = field(r, "postponed", &present);
    if (present) {
        if (json_object_is_type(moved, json_type_boolean)) e->postponed = json_object_get_boolean(moved);
        else ok = bad(r, "must be true or false", "postponed");
    }
    const char *context = str(r, "context", 0, false, &ok);
    if (!ok) return false;
    for (size_t i = 0; i < d->nevents; i++)
        if (strcmp(d->events[i].id, e->id) == 0) return bad(r, "is used twice", "id");
    participants(r, e, &ok); /* allocates only when valid */
    if (!ok) return false;
    b->ctx[d->nevents] = (ctx_span){0, 0};
    if (context)
        put_text(b, context, strlen(context),
                 &b->ctx[d->nevents].b0, &b->ctx[d->nevents].b1);
    e->lemma = zs_xstrdup(lemma);
    e->title = zs_xstrdup(title);
    e->key = e->lemma;
    d->nevents++;
    return true;
}

static bool tlink_record(builder *b, const rec *r)
{
    zs_doc *d = b->d;
    ZS_GROW(d->tlinks, d->tlinks_cap, d->ntlinks + 1);
    zs_tlink *l = &d->tlinks[d->ntlinks];
    memset(l, 0, sizeof *l);
    bool ok = true;
    const char *from = str(r, "from", sizeof l->from, true, &ok);
    const char *to = str(r, "to", sizeof l->to, true, &ok);
    l->rel = (zs_relkind)enum_field(r, "rel", rel_name, ZS_NREL, &ok);
    l->contradiction = -1;
    const char *contra = str(r, "contradiction", 0, false, &ok);
    if (contra) {
        char *end;
        long k = contra[0] == 'c' ? strtol(contra + 1, &end, 10) : 0;
        if (k < 1 || k > INT32_MAX || *end) ok = bad(r, "must name a contradiction, c1, c2, ...", "contradiction");
        else l->contradiction = (int)(k - 1);
    }
    const char *source = str(r, "source", sizeof l->source, true, &ok);
    if (!ok) return false;
    snprintf(l->from, sizeof l->from, "%s", from);
    snprintf(l->to, sizeof l->to, "%s", to);
    snprintf(l->source, sizeof l->source, "%s", source);
    d->ntlinks++;
    return true;
}

/* The index of the tlink that o ({"from","to","rel","source"}) names. */
static bool link_index(const zs_doc *d, const rec *r, json_object *o, const char *key,
                       size_t *at)
{
    if (!json_object_is_type(o, json_type_object))
        return bad(r, "must hold tlinks as objects", key);
    rec sub = {o, r->file, r->line, r->err};
    bool ok = true;
    const char *from = str(&sub, "from", 0, true, &ok), *to = str(&sub, "to", 0, true, &ok);
    const char *rel = str(&sub, "rel", 0, true, &ok), *source = str(&sub, "source", 0, true, &ok);
    if (!ok) return false;
    for (size_t i = 0; i < d->ntlinks; i++) {
        const zs_tlink *l = &d->tlinks[i];
        if (strcmp(l->from, from) == 0 && strcmp(l->to, to) == 0 &&
            strcmp(zs_rel_name(l->rel), rel) == 0 && strcmp(l->source, source) == 0) {
            *at = i;
            return true;
        }
    }
    return bad(r, "names a tlink the document does not have", key);
}

static bool contradiction_record(builder *b, const rec *r)
{
    zs_doc *d = b->d;
    bool ok = true;
    const char *id = str(r, "id", 0, true, &ok);
    char want[32];
    snprintf(want, sizeof want, "c%zu", d->ncontras + 1);
    if (id && strcmp(id, want) != 0) ok = bad(r, "is not the next contradiction's", "id");
    bool present;
    json_object *with = field(r, "with", &present);
    if (!json_object_is_type(with, json_type_array))
        ok = bad(r, "must be an array of tlinks", "with");
    size_t link = 0;
    if (!ok || !link_index(d, r, field(r, "link", &present), "link", &link)) return false;
    size_t n = json_object_array_length(with);
    size_t *idx = zs_xcalloc(n ? n : 1, sizeof *idx);
    for (size_t i = 0; i < n && ok; i++) ok = link_index(d, r, json_object_array_get_idx(with, i), "with", &idx[i]);
    if (!ok) {
        free(idx);
        return false;
    }
    ZS_GROW(d->contras, d->contras_cap, d->ncontras + 1);
    d->contras[d->ncontras++] = (zs_contra){link, idx, n};
    return true;
}

/* Turns the builder into a finished document (owned by the caller). */
static zs_doc *builder_finish(builder *b)
{
    zs_doc *d = b->d;
    zs_buf_grow(&b->text, 0);
    d->text = b->text.data ? b->text.data : zs_xstrdup("");
    d->len = b->text.len;
    b->text = (zs_buf){0};
    for (size_t i = 0; i < d->ntimexes; i++) d->timexes[i].rule = d->text + b->rule_off[i];
    d->nbase = d->ntlinks;
    for (size_t i = 0; i < d->ntlinks; i++) /* a contradiction that never came */
        if (d->tlinks[i].contradiction >= (int)d->ncontras) d->tlinks[i].contradiction = -1;
    /* one token per quoted sentence */
    uint32_t nsents = 0;
    for (size_t i = 0; i < d->nevents; i++)
        if (d->events[i].sent + 1 > nsents) nsents = d->events[i].sent + 1;
    d->sents = zs_xcalloc(nsents ? nsents : 1, sizeof *d->sents);
    d->nsents = d->sents_cap = nsents;
    for (size_t i = 0; i < d->nevents; i++) {
        zs_sentence *s = &d->sents[d->events[i].sent];
        if (s->t1 > s->t0 || b->ctx[i].b1 == 0) continue;
        ZS_GROW(d->toks, d->toks_cap, d->ntoks + 1);
        zs_token *t = &d->toks[d->ntoks];
        memset(t, 0, sizeof *t);
        t->b0 = b->ctx[i].b0;
        t->b1 = b->ctx[i].b1;
        s->t0 = (uint32_t)d->ntoks++;
        s->t1 = s->t0 + 1;
    }
    b->d = NULL;
    builder_drop(b);
    return d;
}

/* Parses one record line; NULL with err filled if it is no JSON object with
 * a string "kind" and "doc". */
static json_object *parse_record(const char *line, size_t len, const char *file,
                            unsigned long lineno, const char **kind, const char **name,
                            zs_error *err)
{
    json_object *o = zs_json_parse(line, len, err);
    if (!o) {
        zs_error e = *err;
        zs_set_error(err, ZS_ERR_INPUT, "%s:%lu: %s", file, lineno, e.msg);
        return NULL;
    }
    rec r = {o, file, lineno, err};
    bool ok = true;
    if (!json_object_is_type(o, json_type_object)) {
        zs_set_error(err, ZS_ERR_INPUT, "%s:%lu: a record must be a JSON object", file, lineno);
        ok = false;
    } else {
        *kind = str(&r, "kind", 0, true, &ok);
        if (ok) *name = str(&r, "doc", 0, true, &ok);
    }
    if (!ok) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

/* Adds a timex, event or tlink record of b's document. */
static bool add_part(builder *b, const rec *r, const char *kind)
{
    if (strcmp(kind, "timex") == 0) return timex_record(b, r);
    if (strcmp(kind, "event") == 0) return event_record(b, r);
    if (strcmp(kind, "tlink") == 0) return tlink_record(b, r);
    if (strcmp(kind, "contradiction") == 0) return contradiction_record(b, r);
    return bad(r, "has an unknown value", "kind");
}

/* ---- the reduction ----------------------------------------------------- */

static void close_doc(zs_merge *m)
{
    if (!m->cur.d) return;
    zs_doc *d = builder_finish(&m->cur);
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    zs_buf out = {0};
    zs_write_jsonl(g, &out, NULL);
    zs_graph_free(g);
    ZS_GROW(m->groups, m->groups_cap, m->ngroups + 1);
    m->groups[m->ngroups++] = (doc_group){zs_xstrdup(d->name), out.data, out.len};
    zs_doc_free(d);
}

int zs_merge_add_line(zs_merge *m, const char *line, size_t len, const char *file,
                      unsigned long lineno, zs_error *err)
{
    if (zs_jsonl_blank(line, len)) return 0;
    err->code = ZS_OK;
    const char *kind, *name;
    json_object *o = parse_record(line, len, file, lineno, &kind, &name, err);
    if (!o) return -1;
    rec r = {o, file, lineno, err};
    bool ok;
    if (strcmp(kind, "doc") == 0) {
        close_doc(m);
        free(m->skipping);
        m->skipping = NULL;
        ok = doc_record(&m->cur, &r, name);
    } else if (m->skipping && strcmp(m->skipping, name) == 0) {
        ok = true; /* the rest of a document already refused */
    } else if (!m->cur.d || strcmp(name, m->cur.d->name) != 0) {
        zs_set_error(err, ZS_ERR_INPUT, "%s:%lu: a %s record of '%s' outside its doc's records",
                     file, lineno, kind, name);
        ok = false;
    } else {
        ok = add_part(&m->cur, &r, kind);
    }
    if (!ok && m->cur.d) {
        free(m->skipping);
        m->skipping = zs_xstrdup(m->cur.d->name);
        builder_drop(&m->cur);
    }
    json_object_put(o);
    return ok ? 0 : -1;
}

void zs_merge_end_stream(zs_merge *m)
{
    close_doc(m);
    free(m->skipping);
    m->skipping = NULL;
}

static int cmp_groups(const void *pa, const void *pb)
{
    const doc_group *a = pa, *b = pb;
    int c = strcmp(a->name, b->name);
    if (c) return c;
    size_t n = a->len < b->len ? a->len : b->len;
    c = memcmp(a->bytes, b->bytes, n);
    if (c) return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

const zs_graph *zs_merge_finish(zs_merge *m)
{
    close_doc(m);
    if (m->ngroups > 1) qsort(m->groups, m->ngroups, sizeof *m->groups, cmp_groups);
    m->g = zs_graph_new();
    m->docs = zs_xcalloc(m->ngroups ? m->ngroups : 1, sizeof *m->docs);
    for (size_t i = 0; i < m->ngroups; i++) {
        if (i > 0 && cmp_groups(&m->groups[i - 1], &m->groups[i]) == 0) continue;
        /* read the canonical records back (they were checked on the way in) */
        builder b = {0};
        const char *p = m->groups[i].bytes, *end = p + m->groups[i].len;
        bool ok = true;
        while (p < end && ok) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            zs_error err = {0};
            const char *kind, *name;
            json_object *o = parse_record(p, n, m->groups[i].name, 0, &kind, &name, &err);
            rec r = {o, m->groups[i].name, 0, &err};
            ok = o && (strcmp(kind, "doc") == 0 ? doc_record(&b, &r, name)
                                                 : b.d && add_part(&b, &r, kind));
            json_object_put(o);
            p += n + 1;
        }
        if (!ok || !b.d) {
            builder_drop(&b);
            continue;
        }
        for (size_t k = 0; k < m->nlangs; k++)
            if (strcmp(zs_lang_code(m->langs[k]), b.d->locale) == 0) b.d->lang = m->langs[k];
        m->docs[m->ndocs] = builder_finish(&b);
        zs_graph_add(m->g, m->docs[m->ndocs++]);
    }
    /* documents are ordered by name, so events tied in time are too */
    zs_graph_finish(m->g);
    return m->g;
}

size_t zs_merge_docs_added(const zs_merge *m)
{
    return m->ngroups + (m->cur.d != NULL);
}

size_t zs_merge_docs_kept(const zs_merge *m)
{
    return m->ndocs;
}

void zs_merge_free(zs_merge *m)
{
    if (!m) return;
    builder_drop(&m->cur);
    free(m->skipping);
    zs_graph_free(m->g);
    for (size_t i = 0; i < m->ndocs; i++) zs_doc_free(m->docs[i]);
    free(m->docs);
    for (size_t i = 0; i < m->ngroups; i++) {
        free(m->groups[i].name);
        free(m->groups[i].bytes);
    }
    free(m->groups);
    free(m);
}
