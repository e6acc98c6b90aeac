/* TimeML output: the doc's timexes as inline TIMEX3 elements, as TempEval-3
 * tools read them.
 *
 * A doc read with zs_doc_from_timeml is written as its source file, byte
 * for byte, except that the timex elements inside TEXT lose their tags (a
 * creation-time TIMEX3 stays) and each timex of the doc gets
 *     <TIMEX3 tid="tN" type=".." value=".." [mod=".."] [anchorTimeID=".."]>
 * around its mention. tids count from t1 and skip the tids the file keeps
 * (its DCT's, usually t0, and any timex element outside TEXT);
 * anchorTimeID names the file's DCT timex for values anchored to the DCT,
 * when the doc's DCT is the file's. A duration that points back or ahead
 * ("vor zwei Wochen": zs_tv_point) has beginPoint and endPoint instead:
 * the date it reaches, an empty TIMEX3 right after TEXT's end tag (tids
 * after the mentions'; one the file holds there already is named, not
 * written again), and that anchor. A doc's byte offsets are offsets into
 * the decoded TEXT content; the source (timeml.h) maps them back to the
 * file. Where markup of the source (an EVENT's tags, say) meets a mention's
 * edge, the TIMEX3 goes inside it if the tags then nest, else outside.
 *
 * Any other doc becomes a minimal TimeML document: XML declaration, TimeML,
 * DOCID (the doc's name), DCT (the doc's publication time as TIMEX3 t0,
 * CREATION_TIME) and TEXT holding the doc's text exactly (escaped; a CR as
 * "&#13;" so that parsers keep it), with the TIMEX3 elements inserted,
 * the dates that durations point to after it. */
#include <stdlib.h>
#include <string.h>

#include "closure.h"
#include "timeml.h"

/* Appends s[0..n) escaped for XML character data, or with attr for an
 * attribute value in double quotes. Characters XML 1.0 cannot hold (C0
 * controls other than tab, line feed and CR) become spaces, U+FFFE and
 * U+FFFF become U+FFFD, so that the byte offsets stay. */
static void put_escaped(zs_buf *b, const char *s, size_t n, bool attr)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        size_t skip = 1;
        if (c == '&') rep = "&amp;";
        else if (c == '<') rep = "&lt;";
        else if (c == '>') rep = "&gt;";
        else if (c == '"' && attr) rep = "&quot;";
        else if (c == '\r') rep = "&#13;";
        else if (c == '\t' && attr) rep = "&#9;";
        else if (c == '\n' && attr) rep = "&#10;";
        else if (c < 0x20 && c != '\t' && c != '\n') rep = " ";
        else if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF &&
                 ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF)) {
            rep = "\xEF\xBF\xBD";
            skip = 3;
        }
        if (!rep) continue;
        zs_buf_put(b, s + run, i - run);
        zs_buf_puts(b, rep);
        run = i + skip;
        i += skip - 1;
    }
    zs_buf_put(b, s + run, n - run);
}

/* Whether tid is one of the tids the source keeps (src may be NULL). */
static bool tid_taken(const struct zs_timeml_src *src, const char *tid)
{
    for (size_t i = 0; src && i < src->ntids; i++)
        if (strcmp(src->tids[i], tid) == 0) return true;
    return false;
}

/* Writes the next free tid ("t1", "t2", ...) after *k into buf. */
static void next_tid(const struct zs_timeml_src *src, size_t *k, char *buf, size_t n)
{
    do snprintf(buf, n, "t%zu", ++*k);
    while (tid_taken(src, buf));
}

/* The date duration x points back or ahead to (zs_tv_point), or false. */
static bool point_of(const zs_timex *x, zs_rv *pt)
{
    return !x->is_dct && zs_tv_point(&x->tv, &x->rv, pt);
}

/* Appends the attribute name="value" (escaped), if value is not NULL. */
static void put_attr(zs_buf *b, const char *name, const char *value)
{
    if (!value) return;
    zs_buf_printf(b, " %s=\"", name);
    put_escaped(b, value, strlen(value), true);
    zs_buf_putc(b, '"');
}

/* Appends the start tag of timex x with id tid; anchor_tid (or NULL) is
 * the anchorTimeID of values anchored to the DCT. A duration that points
 * back or ahead (point_tid, the tid of its date, not NULL) has no
 * anchorTimeID (its value is an amount of time, not relative to the
 * anchor) but TimeML's beginPoint and endPoint: its date and the anchor,
 * in time order; the anchor only when it is anchor_tid. */
static void put_start(zs_buf *b, const char *tid, const zs_timex *x, const char *anchor_tid,
                      const char *point_tid)
{
    zs_buf_printf(b, "<TIMEX3 tid=\"%s\" type=\"%s\"", tid, zs_ttype_name(x->rv.type));
    put_attr(b, "value", x->rv.value);
    const char *mod = zs_mod_name(x->rv.mod);
    if (*mod) zs_buf_printf(b, " mod=\"%s\"", mod);
    const char *anchor = anchor_tid && x->anchor == ZS_ANCHOR_DCT ? anchor_tid : NULL;
    if (point_tid) {
        bool back = x->tv.dir == ZS_DIR_PAST;
        put_attr(b, "beginPoint", back ? point_tid : anchor);
        put_attr(b, "endPoint", back ? anchor : point_tid);
    } else {
        put_attr(b, "anchorTimeID", anchor);
    }
    zs_buf_putc(b, '>');
}

/* Appends, on a line of its own after a newline, the empty TIMEX3 with id
 * tid of the date pt that duration x points to: TimeML's non-consuming
 * TIMEX3, a DATE whose value a temporal function gives, from the anchor
 * (anchorTimeID, as put_start writes it) and the duration. */
static void put_point(zs_buf *b, const char *tid, const zs_timex *x, const zs_rv *pt,
                      const char *anchor_tid)
{
    zs_buf_printf(b, "\n<TIMEX3 tid=\"%s\" type=\"DATE\"", tid);
    put_attr(b, "value", pt->value);
    const char *mod = zs_mod_name(pt->mod);
    if (*mod) zs_buf_printf(b, " mod=\"%s\"", mod);
    zs_buf_puts(b, " temporalFunction=\"true\"");
    put_attr(b, "anchorTimeID", anchor_tid && x->anchor == ZS_ANCHOR_DCT ? anchor_tid : NULL);
    zs_buf_puts(b, "/>");
}

/* Whether needle[0..m) occurs in hay[0..n). */
static bool contains(const char *hay, size_t n, const char *needle, size_t m)
{
    for (const char *p = hay; m && (size_t)(hay + n - p) >= m; p++) {
        p = memchr(p, needle[0], (size_t)(hay + n - p) - m + 1);
        if (!p) return false;
        if (memcmp(p, needle, m) == 0) return true;
    }
    return false;
}

/* The tid of an empty TIMEX3 after TEXT that source s keeps and that is
 * the very element put_point writes for the date pt of duration x (a file
 * zeitstrahl wrote, read again), or NULL: the date is then written once,
 * not a second time under a new tid. tmp is scratch space. */
static const char *kept_point(const struct zs_timeml_src *s, const zs_timex *x, const zs_rv *pt,
                              const char *anchor_tid, zs_buf *tmp)
{
    if (s->text_e >= s->raw_len) return NULL;
    for (size_t k = 0; k < s->ntids; k++) {
        zs_buf_reset(tmp);
        put_point(tmp, s->tids[k], x, pt, anchor_tid);
        /* without the newline put_point starts with */
        if (contains(s->raw + s->text_e, s->raw_len - s->text_e, tmp->data + 1, tmp->len - 1))
            return s->tids[k];
    }
    return NULL;
}

/* A timex to write: its extent in the text, and where its tags go. */
typedef struct tw_item {
    uint32_t b0, b1;
    size_t x;           /* index into doc->timexes */
    uint32_t s, e;      /* file positions of the tags (source docs) */
} tw_item;

/* Orders items by extent, then by timex index. */
static int cmp_item(const void *a, const void *b)
{
    const tw_item *p = a, *q = b;
    if (p->b0 != q->b0) return p->b0 < q->b0 ? -1 : 1;
    if (p->b1 != q->b1) return p->b1 < q->b1 ? -1 : 1;
    return p->x < q->x ? -1 : p->x > q->x;
}

/* The doc's timexes to write, in text order, without empty ones and those
 * overlapping an earlier one. Returns a new array (free it) of *n items;
 * adds the left-out ones to *skipped. */
static tw_item *pick_timexes(const zs_doc *d, size_t *n, size_t *skipped)
{
    tw_item *it = zs_xreallocarray(NULL, d->ntimexes ? d->ntimexes : 1, sizeof *it);
    for (size_t i = 0; i < d->ntimexes; i++)
        it[i] = (tw_item){.b0 = d->timexes[i].b0, .b1 = d->timexes[i].b1, .x = i};
    if (d->ntimexes > 1) qsort(it, d->ntimexes, sizeof *it, cmp_item);
    size_t k = 0;
    uint32_t end = 0;
    for (size_t i = 0; i < d->ntimexes; i++) {
        if (it[i].b1 <= it[i].b0 || it[i].b1 > d->len || it[i].b0 < end) {
            (*skipped)++;
            continue;
        }
        end = it[i].b1;
        it[k++] = it[i];
    }
    *n = k;
    return it;
}

/* ---- written back into the source ------------------------------------------ */

/* The marks of a source with what the writer needs to know about them. */
typedef struct tw_src {
    const struct zs_timeml_src *s;
    bool *cdata_after;  /* per mark: inside a CDATA section after it */
    uint32_t *cand;     /* scratch: candidate positions */
    size_t cand_cap;
} tw_src;

/* Index of the first mark with b >= p (nmarks if none). */
static size_t first_mark_from(const struct zs_timeml_src *s, uint32_t p)
{
    size_t lo = 0, hi = s->nmarks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->marks[mid].b < p) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Whether file position p lies inside a CDATA section (a tag put there
 * would be text). */
static bool in_cdata(const tw_src *w, uint32_t p)
{
    const struct zs_timeml_src *s = w->s;
    /* the last mark ending at or before p */
    size_t lo = 0, hi = s->nmarks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->marks[mid].e <= p) lo = mid + 1;
        else hi = mid;
    }
    return lo > 0 && w->cdata_after[lo - 1];
}

/* Fills w->cand with the positions where a tag may go at text boundary x:
 * after the file bytes of the text before x, after each piece of markup
 * there, up to the bytes of the text from x. Returns their number (0 if x
 * lies inside one unit such as an entity). */
static size_t candidates(tw_src *w, uint32_t x)
{
    const struct zs_timeml_src *s = w->s;
    uint32_t lo = x > 0 ? s->ce[x - 1] : s->text_b;
    uint32_t hi = x < s->len ? s->cs[x] : s->text_e;
    if (lo > hi) return 0;
    size_t n = 0;
    ZS_GROW(w->cand, w->cand_cap, n + 1);
    w->cand[n++] = lo;
    for (size_t k = first_mark_from(s, lo); k < s->nmarks && s->marks[k].e <= hi; k++) {
        ZS_GROW(w->cand, w->cand_cap, n + 1);
        w->cand[n++] = s->marks[k].e;
    }
    return n;
}

/* Whether the kept markup between file positions a <= b is balanced: every
 * element opened there closes there and none closes that opened before. */
static bool balanced(const struct zs_timeml_src *s, uint32_t a, uint32_t b)
{
    size_t depth = 0;
    for (size_t k = first_mark_from(s, a); k < s->nmarks && s->marks[k].e <= b; k++) {
        if (s->marks[k].kind == ZS_MK_OPEN) depth++;
        else if (s->marks[k].kind == ZS_MK_CLOSE && depth-- == 0) return false;
    }
    return depth == 0;
}

/* Chooses the file positions it->s, it->e of the tags of one mention, not
 * before min: the start as late and the end as early as the markup there
 * allows while the markup between them stays balanced and neither is in a
 * CDATA section. Returns false if there are none. */
static bool place(tw_src *w, tw_item *it, uint32_t min)
{
    size_t ns = candidates(w, it->b0);
    if (ns == 0) return false;
    uint32_t *starts = zs_xreallocarray(NULL, ns, sizeof *starts);
    memcpy(starts, w->cand, ns * sizeof *starts);
    size_t ne = candidates(w, it->b1);
    bool found = false;
    for (size_t i = ns; i-- > 0 && !found;) {
        uint32_t s = starts[i];
        if (s < min || in_cdata(w, s)) continue;
        for (size_t j = 0; j < ne && !found; j++) {
            uint32_t e = w->cand[j];
            if (e < s || in_cdata(w, e) || !balanced(w->s, s, e)) continue;
            it->s = s;
            it->e = e;
            found = true;
        }
    }
    free(starts);
    return found;
}

/* Appends the file bytes [p, q) without the dropped tags among them; *k is
 * the first mark not yet passed. */
static void copy_source(zs_buf *out, const struct zs_timeml_src *s, size_t *k, uint32_t p,
                        uint32_t q)
{
    for (; *k < s->nmarks && s->marks[*k].b < q; (*k)++) {
        const zs_timeml_mark *m = &s->marks[*k];
        if (m->kind != ZS_MK_DROP || m->b < p) continue;
        zs_buf_put(out, s->raw + p, m->b - p);
        p = m->e;
    }
    if (q > p) zs_buf_put(out, s->raw + p, q - p);
}

/* The source doc d back with its timexes. */
static void write_source(const zs_doc *d, zs_buf *out, size_t *skipped)
{
    const struct zs_timeml_src *s = d->timeml;
    tw_src w = {.s = s, .cdata_after = zs_xcalloc(s->nmarks ? s->nmarks : 1, sizeof (bool))};
    bool in = false;
    for (size_t k = 0; k < s->nmarks; k++) {
        if (s->marks[k].kind == ZS_MK_CDATA_OPEN) in = true;
        else if (s->marks[k].kind == ZS_MK_CDATA_CLOSE) in = false;
        w.cdata_after[k] = in;
    }
    size_t n;
    tw_item *it = pick_timexes(d, &n, skipped);
    size_t kept = 0;
    uint32_t min = s->text_b;
    for (size_t i = 0; i < n; i++) {
        if (!place(&w, &it[i], min)) {
            (*skipped)++;
            continue;
        }
        min = it[i].e;
        it[kept++] = it[i];
    }
    const char *anchor = s->dct_from_file ? s->dct_tid : NULL;
    /* tids: the mentions' in text order, then those of the dates that
     * durations among them point to */
    char (*tids)[32] = zs_xcalloc(kept ? kept : 1, sizeof *tids);
    char (*ptids)[32] = zs_xcalloc(kept ? kept : 1, sizeof *ptids);
    zs_rv *pts = zs_xcalloc(kept ? kept : 1, sizeof *pts);
    size_t mk = 0, tidn = 0, npts = 0;
    for (size_t i = 0; i < kept; i++) next_tid(s, &tidn, tids[i], sizeof tids[i]);
    bool *fresh = zs_xcalloc(kept ? kept : 1, sizeof *fresh); /* a point not in the file */
    zs_buf tmp = {0};
    for (size_t i = 0; i < kept; i++) {
        if (!point_of(&d->timexes[it[i].x], &pts[i])) continue;
        const char *tid = kept_point(s, &d->timexes[it[i].x], &pts[i], anchor, &tmp);
        if (tid) {
            snprintf(ptids[i], sizeof ptids[i], "%s", tid);
            continue;
        }
        next_tid(s, &tidn, ptids[i], sizeof ptids[i]);
        fresh[i] = true;
        npts++;
    }
    zs_buf_free(&tmp);
    uint32_t p = 0;
    for (size_t i = 0; i < kept; i++) {
        copy_source(out, s, &mk, p, it[i].s);
        put_start(out, tids[i], &d->timexes[it[i].x], anchor, ptids[i][0] ? ptids[i] : NULL);
        copy_source(out, s, &mk, it[i].s, it[i].e);
        zs_buf_puts(out, "</TIMEX3>");
        p = it[i].e;
    }
    /* the dates as empty TIMEX3 elements right after TEXT's end tag, where
     * TempEval-3 tools, which read the content of TEXT, do not take them
     * for mentions (KRAUTS keeps its own there too) */
    uint32_t q = (uint32_t)s->raw_len;
    const char *gt = NULL;
    if (npts && s->text_e + 2 < s->raw_len && s->raw[s->text_e] == '<' &&
        s->raw[s->text_e + 1] == '/')
        gt = memchr(s->raw + s->text_e, '>', s->raw_len - s->text_e);
    if (gt) {
        q = (uint32_t)(gt - s->raw) + 1;
        copy_source(out, s, &mk, p, q);
        p = q;
        for (size_t i = 0; i < kept; i++)
            if (fresh[i]) put_point(out, ptids[i], &d->timexes[it[i].x], &pts[i], anchor);
    }
    copy_source(out, s, &mk, p, (uint32_t)s->raw_len);
    free(fresh);
    free(pts);
    free(ptids);
    free(tids);
    free(it);
    free(w.cand);
    free(w.cdata_after);
}

/* ---- a new document ------------------------------------------------------- */

/* A tag of a plain document: a timex (ev false) or an event, by index. */
typedef struct tw_tag {
    uint32_t b0, b1;
    bool ev;
    size_t i;
} tw_tag;

static int cmp_tag(const void *a, const void *b)
{
    const tw_tag *p = a, *q = b;
    if (p->b0 != q->b0) return p->b0 < q->b0 ? -1 : 1;
    if (p->ev != q->ev) return p->ev ? 1 : -1; /* a timex first */
    return p->i < q->i ? -1 : p->i > q->i;
}

/* The TimeML 1.2.1 relType of r, or NULL for OVERLAP, which it lacks. */
static const char *rel_type(zs_relkind r)
{
    return r == ZS_REL_OVERLAP ? NULL : zs_rel_name(r);
}

/* The written id of the doc object id ("e3", "t2", "t0"): the event
 * instance "ei3" or the tid from tids (per timex, "" if not written), or
 * for a duration that points back or ahead that of its date from ptids
 * (the doc's relations with it are with its interval, that date's: "vor
 * zwei Wochen" verhandelt is IS_INCLUDED in the week two weeks back, not
 * in the two weeks up to now); false if it was not written. */
static bool written_id(const zs_doc *d, const char *id, char (*tids)[32], char (*ptids)[32],
                       const bool *evw, char *out, size_t n, bool *is_event)
{
    *is_event = id[0] == 'e';
    if (strcmp(id, "t0") == 0) {
        snprintf(out, n, "t0");
        return true;
    }
    for (size_t i = 0; *is_event && i < d->nevents; i++)
        if (strcmp(d->events[i].id, id) == 0) {
            snprintf(out, n, "ei%s", id + 1);
            return evw[i];
        }
    for (size_t i = 0; !*is_event && i < d->ntimexes; i++)
        if (strcmp(d->timexes[i].id, id) == 0) {
            if (d->timexes[i].is_dct && !tids[i][0]) {
                snprintf(out, n, "t0");
                return true;
            }
            snprintf(out, n, "%s", ptids[i][0] ? ptids[i] : tids[i]);
            return tids[i][0] != '\0';
        }
    return false;
}

/* The event that cancels or postpones event i (zs_event.status_by), or
 * that of another mention of its event (a cancelled headline: "Gipfel in
 * Rom abgesagt" ... "Der Gipfel ... ist abgesagt worden"), or -1. */
static int status_of(const zs_doc *d, size_t i)
{
    const zs_event *e = &d->events[i];
    if (e->status_by >= 0) return e->status_by;
    if (e->modality != ZS_MODAL_CANCELLED) return -1;
    int first = e->coref >= 0 ? e->coref : (int)i;
    for (size_t m = (size_t)first; m < d->nevents; m++)
        if ((m == (size_t)first || d->events[m].coref == first) && d->events[m].status_by >= 0 &&
            d->events[m].modality == ZS_MODAL_CANCELLED)
            return d->events[m].status_by;
    return -1;
}

/* An SLINK from the event that cancels or postpones another (status_of)
 * to it, both written (evw): TimeML 1.2.1's COUNTER_FACTIVE for a
 * cancelled one (the cancelling event presupposes that it does not take
 * place, as "prevent" and "cancel" do), MODAL for a postponed one (it
 * is intended, at the new date); lids go on from *lid. */
static void put_status_links(const zs_doc *d, const bool *evw, zs_buf *out, size_t *lid)
{
    for (size_t i = 0; i < d->nevents; i++) {
        const zs_event *e = &d->events[i];
        int by = evw[i] ? status_of(d, i) : -1;
        if (by < 0 || !evw[by] || (size_t)by == i) continue;
        const char *rel = e->modality == ZS_MODAL_CANCELLED ? "COUNTER_FACTIVE"
                          : e->modality == ZS_MODAL_PLANNED ? "MODAL"
                                                            : NULL;
        if (!rel) continue;
        zs_buf_printf(out, "<SLINK lid=\"l%zu\" relType=\"%s\" eventInstanceID=\"ei%s\" "
                      "subordinatedEventInstance=\"ei%s\"/>\n",
                      ++*lid, rel, d->events[by].id + 1, e->id + 1);
    }
}

/* Plain doc d as a minimal TimeML document: TIMEX3 and EVENT elements in
 * TEXT (an event whose trigger meets a timex is left untagged), then a
 * MAKEINSTANCE per event and a TLINK per relation of the doc between
 * written ends, except those left out of the closure for a contradiction
 * and OVERLAP (no TimeML 1.2.1 relType). Of the relations closure derives,
 * only those the TLINKs before them do not imply are written (they rest on
 * an OVERLAP or on a relation with an end not written), so the TLINKs
 * imply every relation of the doc between written ends and hold no more
 * links than that needs; then an SLINK per cancelled or postponed event
 * (put_status_links). */
static void write_plain(const zs_doc *d, zs_buf *out, size_t *skipped)
{
    char dct[48];
    zs_format_lsec(dct, sizeof dct, d->dct, d->dct_gran == ZS_GRAN_DAY, NULL);
    zs_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                     "xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n"
                     "<DOCID>");
    put_escaped(out, d->name, strlen(d->name), false);
    zs_buf_printf(out, "</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"%s\" value=\"%s\" "
                  "temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">%s</TIMEX3>"
                  "</DCT>\n<TEXT>",
                  d->dct_gran == ZS_GRAN_DAY ? "DATE" : "TIME", dct, dct);
    size_t n, tidn = 0;
    tw_item *it = pick_timexes(d, &n, skipped);
    tw_tag *tags = zs_xreallocarray(NULL, n + d->nevents + 1, sizeof *tags);
    size_t nt = 0;
    for (size_t i = 0; i < n; i++) tags[nt++] = (tw_tag){it[i].b0, it[i].b1, false, it[i].x};
    for (size_t i = 0; i < d->nevents; i++)
        if (d->events[i].b1 > d->events[i].b0 && d->events[i].b1 <= d->len)
            tags[nt++] = (tw_tag){d->events[i].b0, d->events[i].b1, true, i};
    if (nt > 1) qsort(tags, nt, sizeof *tags, cmp_tag);
    /* tids: the timexes' in text order, then those of the dates that
     * durations among them point to (ptids, pts) */
    char (*tids)[32] = zs_xcalloc(d->ntimexes ? d->ntimexes : 1, sizeof *tids);
    char (*ptids)[32] = zs_xcalloc(d->ntimexes ? d->ntimexes : 1, sizeof *ptids);
    zs_rv *pts = zs_xcalloc(d->ntimexes ? d->ntimexes : 1, sizeof *pts);
    bool *evw = zs_xcalloc(d->nevents ? d->nevents : 1, sizeof *evw);
    bool *tw = zs_xcalloc(nt ? nt : 1, sizeof *tw); /* per tag: written */
    uint32_t p = 0;
    for (size_t i = 0; i < nt; i++) {
        if (tags[i].b0 < p) continue; /* an event meeting a timex or another event */
        tw[i] = true;
        if (!tags[i].ev) next_tid(NULL, &tidn, tids[tags[i].i], sizeof tids[tags[i].i]);
        p = tags[i].b1;
    }
    for (size_t i = 0; i < nt; i++)
        if (tw[i] && !tags[i].ev && point_of(&d->timexes[tags[i].i], &pts[tags[i].i]))
            next_tid(NULL, &tidn, ptids[tags[i].i], sizeof ptids[tags[i].i]);
    p = 0;
    for (size_t i = 0; i < nt; i++) {
        const tw_tag *t = &tags[i];
        if (!tw[i]) continue;
        put_escaped(out, d->text + p, t->b0 - p, false);
        if (t->ev) {
            const zs_event *e = &d->events[t->i];
            zs_buf_printf(out, "<EVENT eid=\"%s\" class=\"%s\">", e->id, zs_eclass_name(e->cls));
            evw[t->i] = true;
        } else {
            put_start(out, tids[t->i], &d->timexes[t->i], "t0",
                      ptids[t->i][0] ? ptids[t->i] : NULL);
        }
        put_escaped(out, d->text + t->b0, t->b1 - t->b0, false);
        zs_buf_puts(out, t->ev ? "</EVENT>" : "</TIMEX3>");
        p = t->b1;
    }
    put_escaped(out, d->text + p, d->len - p, false);
    zs_buf_puts(out, "</TEXT>");
    /* the dates as empty TIMEX3 elements after TEXT (see write_source) */
    for (size_t i = 0; i < nt; i++)
        if (tw[i] && !tags[i].ev && ptids[tags[i].i][0])
            put_point(out, ptids[tags[i].i], &d->timexes[tags[i].i], &pts[tags[i].i], "t0");
    zs_buf_putc(out, '\n');
    for (size_t i = 0; i < d->nevents; i++)
        if (evw[i])
            zs_buf_printf(out, "<MAKEINSTANCE eventID=\"%s\" eiid=\"ei%s\" tense=\"%s\" "
                          "aspect=\"%s\" polarity=\"%s\" pos=\"%s\"/>\n",
                          d->events[i].id, d->events[i].id + 1,
                          zs_tense_name(d->events[i].tense), zs_aspect_name(d->events[i].aspect),
                          d->events[i].negated ? "NEG" : "POS", d->events[i].noun ? "NOUN" : "VERB");
    size_t lid = 0;
    /* the links written, and of the derived ones those they do not imply */
    bool *keep = zs_xmalloc((d->ntlinks + 1) * sizeof *keep);
    for (size_t i = 0; i < d->ntlinks; i++) {
        const zs_tlink *l = &d->tlinks[i];
        char a[40], b[40];
        bool ae, be;
        keep[i] = rel_type(l->rel) && l->contradiction < 0 &&
                  written_id(d, l->from, tids, ptids, evw, a, sizeof a, &ae) &&
                  written_id(d, l->to, tids, ptids, evw, b, sizeof b, &be);
    }
    if (d->ntlinks > d->nbase) {
        bool *needed = zs_xmalloc((d->ntlinks - d->nbase) * sizeof *needed);
        zs_close_needed(d, keep, needed);
        for (size_t i = d->nbase; i < d->ntlinks; i++) keep[i] = keep[i] && needed[i - d->nbase];
        free(needed);
    }
    for (size_t i = 0; i < d->ntlinks; i++) {
        const zs_tlink *l = &d->tlinks[i];
        const char *rel = rel_type(l->rel);
        char a[40], b[40];
        bool ae, be;
        if (!keep[i] || !written_id(d, l->from, tids, ptids, evw, a, sizeof a, &ae) ||
            !written_id(d, l->to, tids, ptids, evw, b, sizeof b, &be))
            continue;
        if (!ae && !be) {
            zs_buf_printf(out, "<TLINK lid=\"l%zu\" relType=\"%s\" timeID=\"%s\" "
                          "relatedToTime=\"%s\" origin=\"", ++lid, rel, a, b);
            put_escaped(out, l->source, strlen(l->source), true);
            zs_buf_puts(out, "\"/>\n");
            continue;
        }
        if (!ae) { /* TimeML links start at an event when one end is one */
            char tmp[40];
            memcpy(tmp, a, sizeof tmp);
            memcpy(a, b, sizeof a);
            memcpy(b, tmp, sizeof b);
            ae = true;
            be = false;
            rel = zs_rel_name(zs_rel_inverse(l->rel));
        }
        zs_buf_printf(out, "<TLINK lid=\"l%zu\" relType=\"%s\" eventInstanceID=\"%s\" %s=\"%s\" origin=\"",
                      ++lid, rel, a, be ? "relatedToEventInstance" : "relatedToTime", b);
        put_escaped(out, l->source, strlen(l->source), true);
        zs_buf_puts(out, "\"/>\n");
    }
    free(keep);
    put_status_links(d, evw, out, &lid);
    zs_buf_puts(out, "</TimeML>\n");
    free(tw);
    free(pts);
    free(ptids);
    free(tids);
    free(evw);
    free(tags);
    free(it);
}

int zs_timeml_write_doc(const zs_doc *d, zs_buf *out, size_t *skipped)
{
    size_t sk = 0;
    if (d->timeml && d->timeml->len == d->len) write_source(d, out, &sk);
    else write_plain(d, out, &sk);
    if (skipped) *skipped = sk;
    return 0;
}

int zs_write_timeml(const zs_graph *g, zs_buf *out, zs_error *err)
{
    if (g->ndocs != 1) {
        zs_set_error(err, ZS_ERR_USAGE,
                     "TimeML output holds one document, not %zu: give one input file per run",
                     g->ndocs);
        return -1;
    }
    return zs_timeml_write_doc(g->docs[0], out, NULL);
}
