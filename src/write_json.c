/* JSONL: one record per line (doc, timex, event, tlink, contradiction) as in
 * ARCHITECTURE.md; offsets are code points, half-open. Corpus mode writes
 * every record of every document, so keys, numbers and times are put
 * without printf. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "writers.h"

/* Room for n more bytes and the NUL at the end of b; the put functions
 * below write there without a call per piece. */
static inline char *room(zs_buf *b, size_t n)
{
    if (b->cap - b->len < n + 1) zs_buf_grow(b, n);
    return b->data + b->len;
}

static inline void put(zs_buf *b, const char *s, size_t n)
{
    memcpy(room(b, n), s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void put_c(zs_buf *b, char c)
{
    char *o = room(b, 1);
    o[0] = c;
    o[1] = '\0';
    b->len++;
}

/* The piece ,"k": before a value, with its length, for a literal k: the
 * put functions below take a key so, copied without looking for its end. */
#define K(k) ",\"" k "\":", sizeof(",\"" k "\":") - 1

static inline void key(zs_buf *b, const char *kq, size_t kn)
{
    put(b, kq, kn);
}

/* The decimal digits of v. */
static void put_uint(zs_buf *b, unsigned long long v)
{
    char s[24];
    int i = sizeof s;
    do {
        s[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(b, s + i, sizeof s - (size_t)i);
}

/* ,"k":v */
static void kv_uint(zs_buf *b, const char *kq, size_t kn, unsigned long long v)
{
    key(b, kq, kn);
    put_uint(b, v);
}

/* ,"k":v for a signed v */
static void kv_int(zs_buf *b, const char *kq, size_t kn, int v)
{
    key(b, kq, kn);
    if (v < 0) put_c(b, '-');
    put_uint(b, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
}

static void kv_str(zs_buf *b, const char *kq, size_t kn, const char *v, size_t n)
{
    key(b, kq, kn);
    put_c(b, '"');
    zs_buf_json_str(b, v, n);
    put_c(b, '"');
}

/* Bytes a JSON string holds as they are: not the NUL, another control
 * character, '"' or '\\'. */
static const unsigned char plain_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Longest value kv_cstr copies in one pass; longer ones are escaped. */
#define SHORT_VALUE 64

/* ,"k":"v" for a NUL-terminated v: ids, names of kinds, sources, mostly
 * short and plain, copied in one pass that stops at a byte to escape. */
static void kv_cstr(zs_buf *b, const char *kq, size_t kn, const char *v)
{
    char *o = room(b, kn + SHORT_VALUE + 2);
    memcpy(o, kq, kn);
    o[kn] = '"';
    char *p = o + kn + 1;
    size_t n = 0;
    while (n < SHORT_VALUE && plain_byte[(unsigned char)v[n]]) {
        p[n] = v[n];
        n++;
    }
    if (v[n] == '\0') { /* all plain */
        p[n] = '"';
        b->len += kn + n + 2;
        b->data[b->len] = '\0';
        return;
    }
    b->data[b->len] = '\0'; /* as it was */
    kv_str(b, kq, kn, v, strlen(v));
}

/* ,"k":"time" as zs_format_lsec writes it: YYYY-MM-DD, or with the clock
 * time (seconds when there are) and the zone's offset; zone, if not NULL,
 * the UTC offset in seconds to write the instant t (in the article's zone)
 * in ("1400 GMT": 14:00+00:00). */
static void kv_time(zs_buf *b, const char *kq, size_t kn, const zs_doc *d, zs_lsec t,
                    bool date_only, const int32_t *zone)
{
    int off = 0;
    if (!date_only) {
        off = zs_tz_offset(d->tz, t);
        if (zone) {
            t += *zone - off;
            off = *zone;
        }
    }
    int y, m, day, h, mi, sec;
    zs_lsec_split(t, &y, &m, &day, &h, &mi, &sec);
    if (y < 0 || y > 9999) { /* rare: printf's widths and signs */
        char s[48];
        kv_cstr(b, kq, kn, zs_format_lsec(s, sizeof s, t, date_only, d->tz));
        return;
    }
    char s[48], *o = s;
    *o++ = '"';
    o = zs_put_num(o, y, 4);
    *o++ = '-';
    o = zs_put_num(o, m, 2);
    *o++ = '-';
    o = zs_put_num(o, day, 2);
    if (!date_only) {
        *o++ = 'T';
        o = zs_put_num(o, h, 2);
        *o++ = ':';
        o = zs_put_num(o, mi, 2);
        if (sec) {
            *o++ = ':';
            o = zs_put_num(o, sec, 2);
        }
        int a = off < 0 ? -off : off;
        *o++ = off < 0 ? '-' : '+';
        o = zs_put_num(o, a / 3600, 2);
        *o++ = ':';
        o = zs_put_num(o, a / 60 % 60, 2);
    }
    *o++ = '"';
    key(b, kq, kn);
    put(b, s, (size_t)(o - s));
}

static void interval(zs_buf *b, const zs_doc *d, zs_lsec begin, zs_lsec until, zs_gran g,
                     const int32_t *zone)
{
    bool date_only = g <= ZS_GRAN_DAY;
    kv_time(b, K("begin"), d, begin, date_only, zone);
    kv_time(b, K("until"), d, until, date_only, zone);
    kv_cstr(b, K("granularity"), zs_gran_name(g));
}

/* {"doc":"NAME","kind":" that begins each record of d: its name escaped
 * once for all its records. */
static void doc_prefix(zs_buf *pre, const zs_doc *d)
{
    zs_buf_reset(pre);
    zs_buf_puts(pre, "{\"doc\":\"");
    zs_buf_json_str(pre, d->name, strlen(d->name));
    zs_buf_puts(pre, "\",\"kind\":\"");
}

/* The record's start: the doc's prefix, then its kind (of plain letters). */
static void head(zs_buf *b, const zs_buf *pre, const char *kind)
{
    size_t n = strlen(kind);
    char *o = room(b, pre->len + n + 1);
    memcpy(o, pre->data, pre->len);
    memcpy(o + pre->len, kind, n);
    o[pre->len + n] = '"';
    b->len += pre->len + n + 1;
    b->data[b->len] = '\0';
}

static void write_timex(zs_buf *b, const zs_doc *d, const zs_buf *pre, const zs_timex *x)
{
    static const char *anchors[] = {"none", "dct", "narrative"};
    head(b, pre, "timex");
    kv_cstr(b, K("id"), x->id);
    kv_str(b, K("text"), d->text + x->b0, x->b1 - x->b0);
    kv_uint(b, K("start"), x->c0);
    kv_uint(b, K("end"), x->c1);
    kv_cstr(b, K("type"), zs_ttype_name(x->rv.type));
    kv_cstr(b, K("value"), x->rv.value);
    if (x->rv.mod != ZS_MOD_NONE) kv_cstr(b, K("mod"), zs_mod_name(x->rv.mod));
    if (x->rv.has_interval && x->rv.gran != ZS_GRAN_NONE)
        interval(b, d, x->rv.begin, x->rv.until, x->rv.gran, x->has_zone ? &x->zone_off : NULL);
    kv_cstr(b, K("anchor"), anchors[x->anchor]);
    if (x->is_dct) kv_cstr(b, K("function"), "CREATION_TIME");
    if (x->group >= 0) kv_cstr(b, K("group"), d->timexes[x->group].id);
    kv_uint(b, K("sentence"), x->sent);
    kv_cstr(b, K("rule"), x->rule);
    put(b, "}\n", 2);
}

/* "node": the first report of an event several docs report ("doc#e3"). */
static void write_node(zs_buf *b, const zs_graph *g, size_t docno, size_t k)
{
    if (!g->finished || !g->slot_of) return;
    const zs_gnode *n = zs_graph_node_of(g, docno, k);
    if (!n->shared) return;
    const zs_gnode *r = &g->events[n->rep];
    const char *id = zs_gnode_event(r)->id;
    zs_buf_puts(b, ",\"node\":\"");
    zs_buf_json_str(b, r->doc->name, strlen(r->doc->name));
    put_c(b, '#');
    zs_buf_json_str(b, id, strlen(id));
    put_c(b, '"');
}

static void write_event(zs_buf *b, const zs_doc *d, const zs_buf *pre, const zs_event *e,
                        const zs_graph *g, size_t docno)
{
    head(b, pre, "event");
    kv_cstr(b, K("id"), e->id);
    kv_str(b, K("text"), d->text + e->b0, e->b1 - e->b0);
    kv_uint(b, K("start"), e->c0);
    kv_uint(b, K("end"), e->c1);
    kv_cstr(b, K("lemma"), e->lemma);
    kv_cstr(b, K("title"), e->title);
    kv_cstr(b, K("class"), zs_eclass_name(e->cls));
    kv_cstr(b, K("modality"), zs_modality_name(e->modality));
    if (e->negated) put(b, ",\"polarity\":\"NEG\"", 17);
    if (e->postponed) put(b, ",\"postponed\":true", 17);
    if (e->ongoing) put(b, ",\"ongoing\":true", 15);
    if (e->tense != ZS_TENSE_NONE) kv_cstr(b, K("tense"), zs_tense_name(e->tense));
    if (e->aspect != ZS_ASPECT_NONE) kv_cstr(b, K("aspect"), zs_aspect_name(e->aspect));
    if (e->nparticipants) {
        zs_buf_puts(b, ",\"participants\":[");
        for (uint32_t k = 0; k < e->nparticipants; k++) {
            zs_buf_puts(b, k ? ",\"" : "\"");
            zs_buf_json_str(b, e->participants[k], strlen(e->participants[k]));
            put_c(b, '"');
        }
        put_c(b, ']');
    }
    if (e->coref >= 0) kv_cstr(b, K("same_as"), d->events[e->coref].id);
    if (e->time >= 0) kv_cstr(b, K("time"), d->timexes[e->time].id);
    else put(b, ",\"time\":null", 12);
    if (e->has_interval) {
        interval(b, d, e->begin, e->until, e->gran, NULL);
        if (e->mod != ZS_MOD_NONE) kv_cstr(b, K("mod"), zs_mod_name(e->mod));
    }
    if (!e->has_interval && e->placed) { /* where its relations put it */
        kv_time(b, K("place_begin"), d, e->place_begin, false, NULL);
        kv_time(b, K("place_until"), d, e->place_until, false, NULL);
        if (e->place_rank) kv_int(b, K("place_rank"), (int)e->place_rank);
    }
    write_node(b, g, docno, (size_t)(e - d->events));
    kv_uint(b, K("sentence"), e->sent);
    if (e->rank) kv_int(b, K("rank"), (int)e->rank);
    if (e->sent < d->nsents) { /* the sentence quoted, so merged runs can quote it */
        const zs_sentence *s = &d->sents[e->sent];
        if (s->t1 > s->t0)
            kv_str(b, K("context"), d->text + d->toks[s->t0].b0,
                   d->toks[s->t1 - 1].b1 - d->toks[s->t0].b0);
    }
    put(b, "}\n", 2);
}

/* "from","to","rel","source" of a link, the first after a comma if comma. */
static void link_fields(zs_buf *b, const zs_tlink *l, bool comma)
{
    if (comma) kv_cstr(b, K("from"), l->from);
    else kv_cstr(b, "\"from\":", sizeof "\"from\":" - 1, l->from); /* the first of an object */
    kv_cstr(b, K("to"), l->to);
    kv_cstr(b, K("rel"), zs_rel_name(l->rel));
    kv_cstr(b, K("source"), l->source);
}

/* Output passed on to the sink, if any, once a record ends with this many
 * bytes or more: the closure of a long history makes tens of MB of records,
 * which one buffer of the whole would copy again each time it grew. */
#define JSONL_CHUNK ((size_t)1 << 20)

/* Writes b to f and empties it, if f and b holds a chunk; -1 on a failed
 * write. */
static int drain(zs_buf *b, FILE *f)
{
    if (!f || b->len < JSONL_CHUNK) return 0;
    if (fwrite(b->data, 1, b->len, f) != b->len) return -1;
    zs_buf_reset(b);
    return 0;
}

/* The records of g appended to out; with a sink f, a chunk at a time is
 * moved on to f. -1 when a write to f failed. */
static int jsonl(const zs_graph *g, zs_buf *out, FILE *f)
{
    zs_buf pre = {0};
    int rc = 0;
    for (size_t i = 0; i < g->ndocs; i++) {
        const zs_doc *d = g->docs[i];
        doc_prefix(&pre, d);
        head(out, &pre, "doc");
        kv_cstr(out, K("dct"), d->dct_iso);
        kv_cstr(out, K("tz"), d->tz);
        kv_cstr(out, K("lang"), d->locale);
        if (d->url) kv_cstr(out, K("url"), d->url);
        if (d->ncontras) zs_buf_printf(out, ",\"contradictions\":%zu", d->ncontras);
        if (d->closure_skipped) zs_buf_puts(out, ",\"closure\":\"skipped\"");
        put(out, "}\n", 2);
        for (size_t k = 0; k < d->ntimexes; k++) write_timex(out, d, &pre, &d->timexes[k]);
        for (size_t k = 0; k < d->nevents; k++) write_event(out, d, &pre, &d->events[k], g, i);
        for (size_t k = 0; k < d->ntlinks && rc == 0; k++) {
            const zs_tlink *l = &d->tlinks[k];
            head(out, &pre, "tlink");
            link_fields(out, l, true);
            if (l->contradiction >= 0) zs_buf_printf(out, ",\"contradiction\":\"c%d\"", l->contradiction + 1);
            put(out, "}\n", 2);
            rc = drain(out, f);
        }
        if (rc != 0) break;
        for (size_t k = 0; k < d->ncontras; k++) {
            const zs_contra *c = &d->contras[k];
            head(out, &pre, "contradiction");
            zs_buf_printf(out, ",\"id\":\"c%zu\",\"link\":{", k + 1);
            link_fields(out, &d->tlinks[c->link], false);
            zs_buf_puts(out, "},\"with\":[");
            for (size_t j = 0; j < c->nwith; j++) {
                zs_buf_puts(out, j ? ",{" : "{");
                link_fields(out, &d->tlinks[c->with[j]], false);
                zs_buf_putc(out, '}');
            }
            zs_buf_puts(out, "]}\n");
        }
        if (rc == 0) rc = drain(out, f);
        if (rc != 0) break;
    }
    zs_buf_free(&pre);
    return rc;
}

int zs_write_jsonl(const zs_graph *g, zs_buf *out, zs_error *err)
{
    (void)err;
    return jsonl(g, out, NULL);
}

int zs_write_jsonl_file(const zs_graph *g, FILE *f, zs_error *err)
{
    zs_buf b = {0};
    int rc = jsonl(g, &b, f);
    if (rc == 0 && b.len && fwrite(b.data, 1, b.len, f) != b.len) rc = -1;
    zs_buf_free(&b);
    if (rc != 0) {
        int e = errno; /* for a caller that names the file */
        zs_set_error(err, ZS_ERR_IO, "cannot write output: %s", strerror(e));
        errno = e;
    }
    return rc;
}
