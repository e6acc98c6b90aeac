/* JSONL: one record per line (doc, timex, event, tlink, contradiction) as in
 * ARCHITECTURE.md; offsets are code points, half-open. Corpus mode writes
 * every record of every document, so keys, numbers and times are put
 * without printf. */
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

/* ,"k": */
static inline void key(zs_buf *b, const char *k)
{
    size_t n = strlen(k);
    char *o = room(b, n + 4);
    o[0] = ',';
    o[1] = '"';
    memcpy(o + 2, k, n);
    o[n + 2] = '"';
    o[n + 3] = ':';
    b->len += n + 4;
    b->data[b->len] = '\0';
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
static void kv_uint(zs_buf *b, const char *k, unsigned long long v)
{
    key(b, k);
    put_uint(b, v);
}

/* ,"k":v for a signed v */
static void kv_int(zs_buf *b, const char *k, int v)
{
    key(b, k);
    if (v < 0) put_c(b, '-');
    put_uint(b, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
}

static void kv_str(zs_buf *b, const char *k, const char *v, size_t n)
{
    key(b, k);
    put_c(b, '"');
    zs_buf_json_str(b, v, n);
    put_c(b, '"');
}

/* Whether v's n bytes need no escape in a JSON string. */
static inline bool plain(const char *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)v[i];
        if (c < 0x20 || c == '"' || c == '\\') return false;
    }
    return true;
}

/* ,"k":"v" for a NUL-terminated v: ids, names of kinds, sources, mostly
 * short and plain, put in one piece. */
static void kv_cstr(zs_buf *b, const char *k, const char *v)
{
    size_t n = strlen(v);
    if (n > 64 || !plain(v, n)) {
        kv_str(b, k, v, n);
        return;
    }
    size_t kn = strlen(k);
    char *o = room(b, kn + n + 6);
    o[0] = ',';
    o[1] = '"';
    memcpy(o + 2, k, kn);
    o[kn + 2] = '"';
    o[kn + 3] = ':';
    o[kn + 4] = '"';
    memcpy(o + kn + 5, v, n);
    o[kn + n + 5] = '"';
    b->len += kn + n + 6;
    b->data[b->len] = '\0';
}

/* ,"k":"time" as zs_format_lsec writes it: YYYY-MM-DD, or with the clock
 * time (seconds when there are) and the zone's offset. */
static void kv_time(zs_buf *b, const char *k, const zs_doc *d, zs_lsec t, bool date_only)
{
    int y, m, day, h, mi, sec;
    zs_lsec_split(t, &y, &m, &day, &h, &mi, &sec);
    if (y < 0 || y > 9999) { /* rare: printf's widths and signs */
        char s[48];
        kv_cstr(b, k, zs_format_lsec(s, sizeof s, t, date_only, d->tz));
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
        int off = zs_tz_offset(d->tz, t), a = off < 0 ? -off : off;
        *o++ = off < 0 ? '-' : '+';
        o = zs_put_num(o, a / 3600, 2);
        *o++ = ':';
        o = zs_put_num(o, a / 60 % 60, 2);
    }
    *o++ = '"';
    key(b, k);
    put(b, s, (size_t)(o - s));
}

static void interval(zs_buf *b, const zs_doc *d, zs_lsec begin, zs_lsec until, zs_gran g)
{
    bool date_only = g <= ZS_GRAN_DAY;
    kv_time(b, "begin", d, begin, date_only);
    kv_time(b, "until", d, until, date_only);
    kv_cstr(b, "granularity", zs_gran_name(g));
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
    kv_cstr(b, "id", x->id);
    kv_str(b, "text", d->text + x->b0, x->b1 - x->b0);
    kv_uint(b, "start", x->c0);
    kv_uint(b, "end", x->c1);
    kv_cstr(b, "type", zs_ttype_name(x->rv.type));
    kv_cstr(b, "value", x->rv.value);
    if (x->rv.mod != ZS_MOD_NONE) kv_cstr(b, "mod", zs_mod_name(x->rv.mod));
    if (x->rv.has_interval && x->rv.gran != ZS_GRAN_NONE)
        interval(b, d, x->rv.begin, x->rv.until, x->rv.gran);
    kv_cstr(b, "anchor", anchors[x->anchor]);
    if (x->is_dct) kv_cstr(b, "function", "CREATION_TIME");
    if (x->group >= 0) kv_cstr(b, "group", d->timexes[x->group].id);
    kv_uint(b, "sentence", x->sent);
    kv_cstr(b, "rule", x->rule);
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
    kv_cstr(b, "id", e->id);
    kv_str(b, "text", d->text + e->b0, e->b1 - e->b0);
    kv_uint(b, "start", e->c0);
    kv_uint(b, "end", e->c1);
    kv_cstr(b, "lemma", e->lemma);
    kv_cstr(b, "title", e->title);
    kv_cstr(b, "class", zs_eclass_name(e->cls));
    kv_cstr(b, "modality", zs_modality_name(e->modality));
    if (e->tense != ZS_TENSE_NONE) kv_cstr(b, "tense", zs_tense_name(e->tense));
    if (e->aspect != ZS_ASPECT_NONE) kv_cstr(b, "aspect", zs_aspect_name(e->aspect));
    if (e->nparticipants) {
        zs_buf_puts(b, ",\"participants\":[");
        for (uint32_t k = 0; k < e->nparticipants; k++) {
            zs_buf_puts(b, k ? ",\"" : "\"");
            zs_buf_json_str(b, e->participants[k], strlen(e->participants[k]));
            put_c(b, '"');
        }
        put_c(b, ']');
    }
    if (e->coref >= 0) kv_cstr(b, "same_as", d->events[e->coref].id);
    if (e->time >= 0) kv_cstr(b, "time", d->timexes[e->time].id);
    else put(b, ",\"time\":null", 12);
    if (e->has_interval) {
        interval(b, d, e->begin, e->until, e->gran);
        if (e->mod != ZS_MOD_NONE) kv_cstr(b, "mod", zs_mod_name(e->mod));
    }
    if (!e->has_interval && e->placed) { /* where its relations put it */
        kv_time(b, "place_begin", d, e->place_begin, false);
        kv_time(b, "place_until", d, e->place_until, false);
        if (e->place_rank) kv_int(b, "place_rank", (int)e->place_rank);
    }
    write_node(b, g, docno, (size_t)(e - d->events));
    kv_uint(b, "sentence", e->sent);
    if (e->rank) kv_int(b, "rank", (int)e->rank);
    if (e->sent < d->nsents) { /* the sentence quoted, so merged runs can quote it */
        const zs_sentence *s = &d->sents[e->sent];
        if (s->t1 > s->t0)
            kv_str(b, "context", d->text + d->toks[s->t0].b0,
                   d->toks[s->t1 - 1].b1 - d->toks[s->t0].b0);
    }
    put(b, "}\n", 2);
}

/* "from","to","rel","source" of a link, the first after a comma if comma. */
static void link_fields(zs_buf *b, const zs_tlink *l, bool comma)
{
    size_t at = b->len;
    kv_cstr(b, "from", l->from);
    if (!comma) { /* the first of an object */
        memmove(b->data + at, b->data + at + 1, b->len - at);
        b->len--;
    }
    kv_cstr(b, "to", l->to);
    kv_cstr(b, "rel", zs_rel_name(l->rel));
    kv_cstr(b, "source", l->source);
}

int zs_write_jsonl(const zs_graph *g, zs_buf *out, zs_error *err)
{
    (void)err;
    zs_buf pre = {0};
    for (size_t i = 0; i < g->ndocs; i++) {
        const zs_doc *d = g->docs[i];
        doc_prefix(&pre, d);
        head(out, &pre, "doc");
        kv_cstr(out, "dct", d->dct_iso);
        kv_cstr(out, "tz", d->tz);
        kv_cstr(out, "lang", d->locale);
        if (d->url) kv_cstr(out, "url", d->url);
        if (d->ncontras) zs_buf_printf(out, ",\"contradictions\":%zu", d->ncontras);
        if (d->closure_skipped) zs_buf_puts(out, ",\"closure\":\"skipped\"");
        put(out, "}\n", 2);
        for (size_t k = 0; k < d->ntimexes; k++) write_timex(out, d, &pre, &d->timexes[k]);
        for (size_t k = 0; k < d->nevents; k++) write_event(out, d, &pre, &d->events[k], g, i);
        for (size_t k = 0; k < d->ntlinks; k++) {
            const zs_tlink *l = &d->tlinks[k];
            head(out, &pre, "tlink");
            link_fields(out, l, true);
            if (l->contradiction >= 0) zs_buf_printf(out, ",\"contradiction\":\"c%d\"", l->contradiction + 1);
            put(out, "}\n", 2);
        }
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
    }
    zs_buf_free(&pre);
    return 0;
}
