/* TempEval-3 tasks B and C (eval_events.h). */
#include "eval_events.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "closure.h"
#include "doc.h"
#include "event.h"
#include "timeml.h"
#include "util.h"

typedef struct gnode {
    uint32_t c0, c1;
    char id[32];
    char cls[24];
    bool neg; /* an event an instance of which has polarity NEG */
} gnode;

typedef struct glink {
    char a[32], b[32];
    zs_relkind rel;
} glink;

typedef struct gdoc {
    zs_buf text;
    uint32_t ncp;
    gnode *ev; size_t nev, ev_cap;
    gnode *tx; size_t ntx, tx_cap;   /* [0] is the creation time once known */
    glink *ln; size_t nln, ln_cap;
    glink *sub; size_t nsub, sub_cap; /* SLINK and ALINK, rel unused */
    char (*sub_type)[24];             /* their relType */
    char (*inst)[2][32]; size_t ninst, inst_cap; /* eiid, eventID */
    char dct_tid[32];
    char dct_value[64];
} gdoc;

static void gdoc_free(gdoc *g)
{
    zs_buf_free(&g->text);
    free(g->ev);
    free(g->tx);
    free(g->ln);
    free(g->sub);
    free(g->sub_type);
    free(g->inst);
}

static void get_attr(xmlTextReaderPtr r, const char *name, char *out, size_t n)
{
    xmlChar *v = xmlTextReaderGetAttribute(r, BAD_CAST name);
    snprintf(out, n, "%s", v ? (const char *)v : "");
    xmlFree(v);
}

static uint32_t count_cp(const char *s)
{
    uint32_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

/* Maps a TimeML relType; IDENTITY, DURING and DURING_INV to SIMULTANEOUS.
 * Returns -1 if unknown. */
static int map_rel(int rel)
{
    if (rel == ZS_REL_IDENTITY || rel == ZS_REL_DURING || rel == ZS_REL_DURING_INV)
        return ZS_REL_SIMULTANEOUS;
    return rel;
}

static void on_start(gdoc *g, xmlTextReaderPtr r, const char *name, bool in_text, bool empty)
{
    if (strcmp(name, "EVENT") == 0 && in_text && !empty) {
        ZS_GROW(g->ev, g->ev_cap, g->nev + 1);
        gnode *e = &g->ev[g->nev++];
        memset(e, 0, sizeof *e);
        e->c0 = e->c1 = g->ncp;
        get_attr(r, "eid", e->id, sizeof e->id);
        get_attr(r, "class", e->cls, sizeof e->cls);
    } else if (strcmp(name, "TIMEX3") == 0) {
        char fn[32];
        get_attr(r, "functionInDocument", fn, sizeof fn);
        if (strcmp(fn, "CREATION_TIME") == 0) {
            get_attr(r, "tid", g->dct_tid, sizeof g->dct_tid);
            get_attr(r, "value", g->dct_value, sizeof g->dct_value);
        }
        if (!in_text || empty) return;
        ZS_GROW(g->tx, g->tx_cap, g->ntx + 1);
        gnode *x = &g->tx[g->ntx++];
        memset(x, 0, sizeof *x);
        x->c0 = x->c1 = g->ncp;
        get_attr(r, "tid", x->id, sizeof x->id);
        x->c1 = UINT32_MAX; /* open */
    } else if (strcmp(name, "MAKEINSTANCE") == 0) {
        ZS_GROW(g->inst, g->inst_cap, g->ninst + 1);
        get_attr(r, "eiid", g->inst[g->ninst][0], 32);
        get_attr(r, "eventID", g->inst[g->ninst][1], 32);
        char pol[8];
        get_attr(r, "polarity", pol, sizeof pol);
        for (size_t i = 0; strcmp(pol, "NEG") == 0 && i < g->nev; i++)
            if (strcmp(g->ev[i].id, g->inst[g->ninst][1]) == 0) g->ev[i].neg = true;
        g->ninst++;
    } else if (strcmp(name, "TLINK") == 0) {
        glink l;
        char type[32], x[32];
        get_attr(r, "relType", type, sizeof type);
        int rel = zs_rel_from_name(type);
        if (rel < 0) return;
        l.rel = (zs_relkind)map_rel(rel);
        get_attr(r, "eventInstanceID", l.a, sizeof l.a);
        if (!l.a[0]) get_attr(r, "timeID", l.a, sizeof l.a);
        get_attr(r, "relatedToEventInstance", l.b, sizeof l.b);
        if (!l.b[0]) get_attr(r, "relatedToTime", l.b, sizeof l.b);
        (void)x;
        if (!l.a[0] || !l.b[0]) return;
        ZS_GROW(g->ln, g->ln_cap, g->nln + 1);
        g->ln[g->nln++] = l;
    } else if (strcmp(name, "SLINK") == 0 || strcmp(name, "ALINK") == 0) {
        glink l = {.rel = ZS_REL_OVERLAP};
        char type[24];
        get_attr(r, "relType", type, sizeof type);
        get_attr(r, "eventInstanceID", l.a, sizeof l.a);
        get_attr(r, "subordinatedEventInstance", l.b, sizeof l.b);
        if (!l.b[0]) get_attr(r, "relatedToEventInstance", l.b, sizeof l.b);
        if (!l.a[0] || !l.b[0] || !type[0]) return;
        size_t cap = g->sub_cap;
        ZS_GROW(g->sub, g->sub_cap, g->nsub + 1);
        if (g->sub_cap != cap) g->sub_type = zs_xreallocarray(g->sub_type, g->sub_cap, sizeof *g->sub_type);
        zs_copy_str(g->sub_type[g->nsub], sizeof *g->sub_type, type);
        g->sub[g->nsub++] = l;
    }
}

static int read_gold(const char *path, const char *raw, size_t len, gdoc *g, zs_error *err)
{
    xmlTextReaderPtr r = xmlReaderForMemory(raw, (int)len, path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    if (!r) {
        zs_set_error(err, ZS_ERR_INPUT, "%s: cannot be parsed as XML", path);
        return ZS_ERR_INPUT;
    }
    int ret, text_depth = -1;
    bool done_text = false;
    while ((ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        const char *name = (const char *)xmlTextReaderConstName(r);
        int depth = xmlTextReaderDepth(r);
        bool in_text = text_depth >= 0 && depth > text_depth;
        if (type == XML_READER_TYPE_ELEMENT) {
            bool empty = xmlTextReaderIsEmptyElement(r) == 1;
            if (strcmp(name, "TEXT") == 0 && !done_text && !empty) text_depth = depth;
            else on_start(g, r, name, in_text, empty);
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (text_depth >= 0 && depth == text_depth && strcmp(name, "TEXT") == 0) {
                text_depth = -1;
                done_text = true;
            } else if (in_text && strcmp(name, "EVENT") == 0 && g->nev) {
                g->ev[g->nev - 1].c1 = g->ncp;
            } else if (in_text && strcmp(name, "TIMEX3") == 0) {
                for (size_t i = g->ntx; i-- > 0;)
                    if (g->tx[i].c1 == UINT32_MAX) {
                        g->tx[i].c1 = g->ncp;
                        break;
                    }
            }
        } else if (in_text && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                               type == XML_READER_TYPE_WHITESPACE ||
                               type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            if (v) {
                zs_buf_puts(&g->text, v);
                g->ncp += count_cp(v);
            }
        }
    }
    xmlFreeTextReader(r);
    if (ret != 0) {
        zs_set_error(err, ZS_ERR_INPUT, "%s: malformed XML", path);
        return ZS_ERR_INPUT;
    }
    for (size_t i = 0; i < g->ntx; i++)
        if (g->tx[i].c1 == UINT32_MAX) g->tx[i].c1 = g->ncp;
    return 0;
}

/* ---- scoring ------------------------------------------------------------- */

/* Pairs system spans with gold spans one to one: identical extents first,
 * then each remaining gold span with the first remaining overlapping one.
 * pair[k] = gold index of system span k, or -1; *strict counts identical. */
static void pair_spans(const gnode *gold, size_t ng, const uint32_t (*sys)[2], size_t ns,
                       int *pair, size_t *strict)
{
    bool *used = zs_xcalloc(ng + 1, 1);
    for (size_t k = 0; k < ns; k++) pair[k] = -1;
    *strict = 0;
    for (size_t k = 0; k < ns; k++)
        for (size_t j = 0; j < ng; j++)
            if (!used[j] && gold[j].c0 == sys[k][0] && gold[j].c1 == sys[k][1]) {
                used[j] = true;
                pair[k] = (int)j;
                ++*strict;
                break;
            }
    for (size_t j = 0; j < ng; j++) {
        if (used[j]) continue;
        for (size_t k = 0; k < ns; k++)
            if (pair[k] < 0 && sys[k][0] < gold[j].c1 && gold[j].c0 < sys[k][1]) {
                used[j] = true;
                pair[k] = (int)j;
                break;
            }
    }
    free(used);
}

/* Node number of a gold id: events 0.., then timexes, then the DCT. */
static int gold_node(const gdoc *g, const char *id)
{
    for (size_t i = 0; i < g->ninst; i++)
        if (strcmp(g->inst[i][0], id) == 0) {
            id = g->inst[i][1];
            break;
        }
    for (size_t i = 0; i < g->nev; i++)
        if (strcmp(g->ev[i].id, id) == 0) return (int)i;
    for (size_t i = 0; i < g->ntx; i++)
        if (strcmp(g->tx[i].id, id) == 0) return (int)(g->nev + i);
    if (g->dct_tid[0] && strcmp(g->dct_tid, id) == 0) return (int)(g->nev + g->ntx);
    return -1;
}

/* Gold node of a system node id (event, timex or "t0"), or -1. */
static int sys_node(const zs_doc *d, const gdoc *g, const char *id, const int *epair,
                    const int *tpair)
{
    if (strcmp(id, "t0") == 0) return g->dct_tid[0] ? (int)(g->nev + g->ntx) : -1;
    for (size_t k = 0; k < d->nevents; k++)
        if (strcmp(d->events[k].id, id) == 0) return epair[k];
    for (size_t k = 0; k < d->ntimexes; k++)
        if (strcmp(d->timexes[k].id, id) == 0) return tpair[k] < 0 ? -1 : (int)g->nev + tpair[k];
    return -1;
}

static const char *const src_names[ZS_EVBC_SOURCES] = {
    "anchor", "sentence", "signal", "tense", "modality", "coref", "reporting", "adjacent", "pair",
    "object", "interval", "dct", "closure", "other"};
static const char *const ends_names[ZS_EVBC_ENDS] = {"event-event", "event-timex", "event-DCT",
                                                     "timex-timex", "timex-DCT"};

/* The source family of a link source ("signal:after" -> signal). */
static int src_family(const char *source)
{
    size_t n = strcspn(source, ":");
    for (int i = 0; i + 1 < ZS_EVBC_SOURCES; i++)
        if (strlen(src_names[i]) == n && strncmp(src_names[i], source, n) == 0) return i;
    return ZS_EVBC_SOURCES - 1;
}

/* Kind of two ends, each 0 event, 1 timex, 2 DCT. */
static int ends_kind(int a, int b)
{
    if (a > b) {
        int t = a;
        a = b;
        b = t;
    }
    return a == 0 ? b : a == 1 ? 2 + b : 4;
}

static int sys_end(const char *id)
{
    return strcmp(id, "t0") == 0 ? 2 : id[0] == 't';
}

static int gold_end(const gdoc *g, int node)
{
    return node < (int)g->nev ? 0 : node < (int)(g->nev + g->ntx) ? 1 : 2;
}

/* The relations eval --pairs names, in the order it tries them. */
static const zs_relkind gold_rels[] = {ZS_REL_BEFORE, ZS_REL_AFTER, ZS_REL_INCLUDES,
                                       ZS_REL_IS_INCLUDED, ZS_REL_SIMULTANEOUS, ZS_REL_BEGINS,
                                       ZS_REL_BEGUN_BY, ZS_REL_ENDS, ZS_REL_ENDED_BY};
#define GOLD_RELS (sizeof gold_rels / sizeof *gold_rels)

/* The first relation of a to b the gold closure implies, or -1. */
static int gold_relation(const zs_pnet *gold, size_t a, size_t b)
{
    for (size_t i = 0; i < GOLD_RELS; i++)
        if (zs_pnet_entails(gold, a, b, gold_rels[i])) return (int)gold_rels[i];
    return -1;
}

/* Whether the gold closure relates a and b at all. */
static bool gold_related(const zs_pnet *gold, size_t a, size_t b)
{
    return gold_relation(gold, a, b) >= 0;
}

/* eval --pairs: the lines zs_eval_events_file describes. */
static void write_pairs(FILE *out, const zs_doc *d, const gdoc *g, const zs_pnet *gold,
                        const int *epair, const int *tpair)
{
    for (size_t k = 0; k + 1 < d->nevents; k++) {
        const char *f[ZS_PAIR_FIELDS];
        if (!zs_pair_fields(d, k, f)) continue;
        const char *source = "-";
        for (size_t i = 0; i < d->nbase; i++) {
            const zs_tlink *l = &d->tlinks[i];
            const char *a = d->events[k].id, *b = d->events[k + 1].id;
            if ((strcmp(l->from, a) == 0 && strcmp(l->to, b) == 0) ||
                (strcmp(l->from, b) == 0 && strcmp(l->to, a) == 0)) {
                source = l->source;
                break;
            }
        }
        int rel = epair[k] < 0 || epair[k + 1] < 0
                      ? -2
                      : gold_relation(gold, (size_t)epair[k], (size_t)epair[k + 1]);
        fprintf(out, "pair\t%s\t%zu", d->name, k);
        for (int i = 0; i < ZS_PAIR_FIELDS; i++) fprintf(out, "\t%s", f[i]);
        fprintf(out, "\t%s\t%s", source,
                rel == -2 ? "unmapped" : rel < 0 ? "none" : zs_rel_name((zs_relkind)rel));
        const char *sub = "-", *dir = "";
        for (size_t i = 0; rel != -2 && i < g->nsub; i++) {
            int a = gold_node(g, g->sub[i].a), b = gold_node(g, g->sub[i].b);
            if (a == epair[k] && b == epair[k + 1]) sub = g->sub_type[i];
            else if (a == epair[k + 1] && b == epair[k]) sub = g->sub_type[i], dir = "^";
            else continue;
            break;
        }
        fprintf(out, "\t%s%s\n", sub, dir);
    }
    for (size_t i = 0; i < d->nbase; i++) {
        const zs_tlink *l = &d->tlinks[i];
        if (l->contradiction >= 0 || l->rel == ZS_REL_OVERLAP) continue;
        int a = sys_node(d, g, l->from, epair, tpair), b = sys_node(d, g, l->to, epair, tpair);
        int rel = a < 0 || b < 0 ? -2 : gold_relation(gold, (size_t)a, (size_t)b);
        fprintf(out, "link\t%s\t%s\t%s", d->name, l->source, zs_rel_name(l->rel));
        for (int end = 0; end < 2; end++) {
            int n = zs_node_of(d, end ? l->to : l->from), base = 1 + (int)d->ntimexes;
            const char *form = "dct", *cls = "dct", *word = "-";
            int wlen = 1;
            if (n >= base) {
                const zs_event *e = &d->events[n - base];
                zs_event_fields(e, &form, &cls);
                word = zs_aspect_name(e->aspect);
                wlen = (int)strlen(word);
            } else if (n > 0) {
                const zs_timex *x = &d->timexes[n - 1];
                form = "timex";
                cls = zs_ttype_name(x->tv.type);
                if (x->t0 > d->sents[x->sent].t0 && d->toks[x->t0 - 1].word) {
                    word = zs_tok_fold(d, x->t0 - 1); /* not NUL-terminated */
                    wlen = d->toks[x->t0 - 1].fold_len;
                }
            }
            fprintf(out, "\t%s\t%s\t%.*s", form, cls, wlen, word);
        }
        if (rel < 0) {
            fprintf(out, "\t%s\n", rel == -2 ? "unmapped" : "none");
            continue;
        }
        const char *sep = "\t"; /* every relation the gold closure implies */
        for (size_t r = 0; r < GOLD_RELS; r++)
            if (zs_pnet_entails(gold, (size_t)a, (size_t)b, gold_rels[r])) {
                fprintf(out, "%s%s", sep, zs_rel_name(gold_rels[r]));
                sep = "|";
            }
        fputc('\n', out);
    }
    int dct = g->dct_tid[0] ? (int)(g->nev + g->ntx) : -1;
    for (size_t k = 0; k < d->nevents; k++) {
        const zs_event *e = &d->events[k];
        const char *source = "-";
        for (size_t j = 0; j < d->nbase; j++)
            if (strcmp(d->tlinks[j].from, e->id) == 0 && strcmp(d->tlinks[j].to, "t0") == 0) {
                source = d->tlinks[j].source;
                break;
            }
        int rel = epair[k] < 0 || dct < 0 ? -2 : gold_relation(gold, (size_t)epair[k], (size_t)dct);
        const char *form, *cls;
        zs_event_fields(e, &form, &cls);
        fprintf(out, "dct\t%s\t%zu\t%s\t%s\t%s\t%s\t%s\n", d->name, k, form, cls,
                e->time >= 0 ? "timed" : "untimed", source,
                rel == -2 ? "unmapped" : rel < 0 ? "none" : zs_rel_name((zs_relkind)rel));
    }
}

/* Writes bytes [b0, b1) of d's text with tabs and line breaks as spaces. */
static void write_words(FILE *out, const zs_doc *d, uint32_t b0, uint32_t b1)
{
    for (uint32_t i = b0; i < b1; i++) {
        char ch = d->text[i];
        fputc(ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch, out);
    }
}

/* eval --pairs: an end of a gold link, gold node n, as FORM CLASS TEXT:
 * zeitstrahl's event paired with it (its form, class and words), its timex
 * ("timex", its type and words), "dct dct -", or "unmapped - -" where
 * zeitstrahl has none; *sent gets the sentence of an event or timex, or -1. */
static void write_gold_end(FILE *out, const zs_doc *d, const gdoc *g, int n, const int *epair,
                           const int *tpair, long *sent)
{
    *sent = -1;
    if (gold_end(g, n) == 2) {
        fputs("\tdct\tdct\t-", out);
        return;
    }
    for (size_t k = 0; k < d->nevents; k++)
        if (epair[k] == n) {
            const zs_event *e = &d->events[k];
            const char *form, *cls;
            zs_event_fields(e, &form, &cls);
            fprintf(out, "\t%s\t%s\t", form, cls);
            write_words(out, d, e->b0, e->b1);
            *sent = e->sent;
            return;
        }
    for (size_t k = 0; k < d->ntimexes; k++)
        if (tpair[k] >= 0 && (int)g->nev + tpair[k] == n) {
            const zs_timex *x = &d->timexes[k];
            fprintf(out, "\ttimex\t%s\t", zs_ttype_name(x->tv.type));
            write_words(out, d, x->b0, x->b1);
            *sent = x->sent;
            return;
        }
    fputs("\tunmapped\t-\t-", out);
}

/* eval --pairs: a gold link of the reduced graph, gold nodes a and b,
 * relation rel (zs_eval_events_file). */
static void write_gold_link(FILE *out, const zs_doc *d, const gdoc *g, const zs_pnet *sys, int a,
                            int b, zs_relkind rel, bool found, const int *epair, const int *tpair)
{
    fprintf(out, "gold\t%s\t%s\t%s\t%s", d->name, found ? "found" : "missed",
            ends_names[ends_kind(gold_end(g, a), gold_end(g, b))], zs_rel_name(rel));
    const char *sep = "\t"; /* every relation zeitstrahl's closure implies */
    for (size_t r = 0; r < GOLD_RELS; r++)
        if (zs_pnet_entails(sys, (size_t)a, (size_t)b, gold_rels[r])) {
            fprintf(out, "%s%s", sep, zs_rel_name(gold_rels[r]));
            sep = "|";
        }
    if (*sep == '\t') fputs("\tnone", out);
    long sa, sb;
    write_gold_end(out, d, g, a, epair, tpair, &sa);
    write_gold_end(out, d, g, b, epair, tpair, &sb);
    if (sa >= 0 && sb >= 0) fprintf(out, "\t%ld\n", sb - sa);
    else fputs("\t-\n", out);
}

static void score(const zs_doc *d, const gdoc *g, zs_evbc_counts *c)
{
    c->docs++;
    c->gold += g->nev;
    c->sys += d->nevents;
    uint32_t (*spans)[2] = zs_xmalloc((d->nevents + d->ntimexes + 1) * sizeof *spans);
    int *epair = zs_xmalloc((d->nevents + 1) * sizeof *epair);
    int *tpair = zs_xmalloc((d->ntimexes + 1) * sizeof *tpair);
    for (size_t k = 0; k < d->nevents; k++) {
        spans[k][0] = d->events[k].c0;
        spans[k][1] = d->events[k].c1;
    }
    size_t strict;
    pair_spans(g->ev, g->nev, (const uint32_t(*)[2])spans, d->nevents, epair, &strict);
    c->strict += strict;
    for (size_t k = 0; k < d->nevents; k++) {
        if (epair[k] < 0) continue;
        c->relaxed++;
        size_t gc = 0, sc = (size_t)d->events[k].cls;
        while (gc + 1 < ZS_EVBC_CLASSES && strcmp(g->ev[epair[k]].cls, zs_eclass_name((zs_eclass)gc)) != 0)
            gc++;
        c->cls_conf[gc][sc]++;
        c->cls_pos[d->events[k].noun][gc == sc]++;
        c->neg[g->ev[epair[k]].neg][d->events[k].negated]++;
        if (gc == sc) c->cls++;
    }
    for (size_t k = 0; k < d->ntimexes; k++) {
        spans[k][0] = d->timexes[k].c0;
        spans[k][1] = d->timexes[k].c1;
    }
    pair_spans(g->tx, g->ntx, (const uint32_t(*)[2])spans, d->ntimexes, tpair, &strict);

    /* task C, on the reduced graphs as TempEval-3's scorer has them: a
     * link that the links before it already imply is left out, of the
     * gold links for recall and of zeitstrahl's (in its own nodes,
     * paired with gold ones or not) for precision; of zeitstrahl's, those
     * closure derives come last, and those left are the ones its TimeML
     * output writes */
    size_t nodes = g->nev + g->ntx + 1;
    zs_pnet *gold = zs_pnet_new(nodes), *sys = zs_pnet_new(nodes);
    zs_pnet *own = zs_pnet_new(d->nevents + d->ntimexes + 1);
    int (*gl)[2] = zs_xmalloc((g->nln + 1) * sizeof *gl);
    bool *implied = zs_xmalloc((g->nln + 1) * sizeof *implied);
    for (size_t i = 0; i < g->nln; i++) {
        gl[i][0] = gold_node(g, g->ln[i].a);
        gl[i][1] = gold_node(g, g->ln[i].b);
        implied[i] = false;
        if (gl[i][0] >= 0 && gl[i][1] >= 0 && gl[i][0] != gl[i][1]) {
            implied[i] = zs_pnet_entails(gold, (size_t)gl[i][0], (size_t)gl[i][1], g->ln[i].rel);
            zs_pnet_add(gold, (size_t)gl[i][0], (size_t)gl[i][1], g->ln[i].rel);
        }
    }
    for (size_t i = 0; i < d->ntlinks; i++) {
        const zs_tlink *l = &d->tlinks[i];
        if (l->contradiction >= 0 || l->rel == ZS_REL_OVERLAP) continue;
        int a = sys_node(d, g, l->from, epair, tpair), b = sys_node(d, g, l->to, epair, tpair);
        zs_relkind rel = (zs_relkind)map_rel(l->rel);
        if (a >= 0 && b >= 0 && a != b) zs_pnet_add(sys, (size_t)a, (size_t)b, rel);
        int oa = zs_node_of(d, l->from), ob = zs_node_of(d, l->to);
        if (oa < 0 || ob < 0 || oa == ob) continue;
        if (zs_pnet_entails(own, (size_t)oa, (size_t)ob, rel)) continue;
        zs_pnet_add(own, (size_t)oa, (size_t)ob, rel);
        c->sys_links++;
        int sf = src_family(l->source), ek = ends_kind(sys_end(l->from), sys_end(l->to));
        c->src_sys[sf][ek]++;
        if (a < 0 || b < 0) c->src_unmapped[sf][ek]++;
        else if (zs_pnet_entails(gold, (size_t)a, (size_t)b, (zs_relkind)map_rel(l->rel))) {
            c->correct++;
            c->src_correct[sf][ek]++;
        } else if (!gold_related(gold, (size_t)a, (size_t)b))
            c->src_unrelated[sf][ek]++;
    }
    if (c->pairs) write_pairs(c->pairs, d, g, gold, epair, tpair);
    for (size_t i = 0; i < g->nln; i++) {
        if (gl[i][0] < 0 || gl[i][1] < 0 || implied[i]) continue;
        c->gold_links++;
        int ek = ends_kind(gold_end(g, gl[i][0]), gold_end(g, gl[i][1]));
        c->ends_gold[ek]++;
        bool found = zs_pnet_entails(sys, (size_t)gl[i][0], (size_t)gl[i][1], g->ln[i].rel);
        if (found) {
            c->found++;
            c->ends_found[ek]++;
        }
        if (c->pairs)
            write_gold_link(c->pairs, d, g, sys, gl[i][0], gl[i][1], g->ln[i].rel, found, epair,
                            tpair);
    }
    free(gl);
    free(implied);
    zs_pnet_free(gold);
    zs_pnet_free(sys);
    zs_pnet_free(own);
    free(spans);
    free(epair);
    free(tpair);
}

static bool has_events(const char *raw, size_t len)
{
    for (size_t i = 0; i + 6 <= len; i++)
        if (raw[i] == '<' && memcmp(raw + i, "<EVENT", 6) == 0) return true;
    return false;
}

int zs_eval_events_file(const zs_lang *lang, const char *path, const char *raw, size_t len,
                        zs_evbc_counts *c, zs_error *err)
{
    gdoc g = {0};
    if (!has_events(raw, len)) return 0;
    int rc = read_gold(path, raw, len, &g, err);
    if (rc == 0 && g.nev > 0 && g.text.len > 0) {
        char buf[16];
        zs_options opts = {.dct = zs_timeml_usable_dct(g.dct_value[0] ? g.dct_value : NULL, buf,
                                                       sizeof buf)};
        zs_doc *d = zs_doc_new(lang, path, g.text.data, g.text.len, &opts, err);
        if (d) {
            score(d, &g, c);
            zs_doc_free(d);
        } else {
            rc = err->code ? (int)err->code : ZS_ERR_INTERNAL;
        }
    }
    gdoc_free(&g);
    return rc;
}

void zs_evbc_add(zs_evbc_counts *a, const zs_evbc_counts *b)
{
    a->docs += b->docs;
    a->gold += b->gold;
    a->sys += b->sys;
    a->strict += b->strict;
    a->relaxed += b->relaxed;
    a->cls += b->cls;
    a->gold_links += b->gold_links;
    a->sys_links += b->sys_links;
    a->found += b->found;
    a->correct += b->correct;
    for (int i = 0; i < ZS_EVBC_SOURCES; i++)
        for (int j = 0; j < ZS_EVBC_ENDS; j++) {
            a->src_sys[i][j] += b->src_sys[i][j];
            a->src_correct[i][j] += b->src_correct[i][j];
            a->src_unmapped[i][j] += b->src_unmapped[i][j];
            a->src_unrelated[i][j] += b->src_unrelated[i][j];
        }
    for (int j = 0; j < ZS_EVBC_ENDS; j++) {
        a->ends_gold[j] += b->ends_gold[j];
        a->ends_found[j] += b->ends_found[j];
    }
    for (int i = 0; i < ZS_EVBC_CLASSES; i++)
        for (int j = 0; j < ZS_EVBC_CLASSES; j++) a->cls_conf[i][j] += b->cls_conf[i][j];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            a->cls_pos[i][j] += b->cls_pos[i][j];
            a->neg[i][j] += b->neg[i][j];
        }
}

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : 0.0;
}

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void zs_evbc_print(FILE *out, int w, const char *label, const zs_evbc_counts *c, bool task_c)
{
    if (!label && !task_c) {
        fprintf(out, "%-*s %5s %6s %6s %8s %8s %9s %9s %9s %10s %8s\n", w, "task_B", "docs",
                "gold", "sys", "strict_P", "strict_R", "strict_F1", "relaxed_P", "relaxed_R",
                "relaxed_F1", "class_F1");
        return;
    }
    if (!label) {
        fprintf(out, "%-*s %5s %6s %6s %8s %8s %8s\n", w, "task_C", "docs", "gold", "sys",
                "P", "R", "F1");
        return;
    }
    if (!task_c) {
        double sp = ratio(c->strict, c->sys), sr = ratio(c->strict, c->gold);
        double rp = ratio(c->relaxed, c->sys), rr = ratio(c->relaxed, c->gold);
        double rf = f1(rp, rr);
        fprintf(out, "%-*s %5zu %6zu %6zu %8.2f %8.2f %9.2f %9.2f %9.2f %10.2f %8.2f\n", w, label,
                c->docs, c->gold, c->sys, 100 * sp, 100 * sr, 100 * f1(sp, sr), 100 * rp,
                100 * rr, 100 * rf, 100 * rf * ratio(c->cls, c->relaxed));
        return;
    }
    double p = ratio(c->correct, c->sys_links), r = ratio(c->found, c->gold_links);
    fprintf(out, "%-*s %5zu %6zu %6zu %8.2f %8.2f %8.2f\n", w, label, c->docs, c->gold_links,
            c->sys_links, 100 * p, 100 * r, 100 * f1(p, r));
}

void zs_evbc_print_classes(FILE *out, const char *label, const zs_evbc_counts *c)
{
    fprintf(out, "\ntask_B %s: pairs by gold class (rows) and zeitstrahl's\n%-11s", label,
            "gold");
    for (int j = 0; j + 1 < ZS_EVBC_CLASSES; j++)
        fprintf(out, " %10.10s", zs_eclass_name((zs_eclass)j));
    fprintf(out, " %8s\n", "right");
    for (int i = 0; i < ZS_EVBC_CLASSES; i++) {
        size_t n = 0;
        for (int j = 0; j + 1 < ZS_EVBC_CLASSES; j++) n += c->cls_conf[i][j];
        if (i + 1 == ZS_EVBC_CLASSES && !n) break;
        fprintf(out, "%-11.11s", i + 1 < ZS_EVBC_CLASSES ? zs_eclass_name((zs_eclass)i) : "other");
        for (int j = 0; j + 1 < ZS_EVBC_CLASSES; j++) fprintf(out, " %10zu", c->cls_conf[i][j]);
        fprintf(out, " %8.2f\n", 100 * ratio(i + 1 < ZS_EVBC_CLASSES ? c->cls_conf[i][i] : 0, n));
    }
    static const char *const pos_names[] = {"verb", "noun"};
    for (int p = 0; p < 2; p++)
        fprintf(out, "task_B %s: %s events %zu, class right %zu (%.2f)\n", label, pos_names[p],
                c->cls_pos[p][0] + c->cls_pos[p][1], c->cls_pos[p][1],
                100 * ratio(c->cls_pos[p][1], c->cls_pos[p][0] + c->cls_pos[p][1]));
    size_t gneg = c->neg[1][0] + c->neg[1][1], sneg = c->neg[0][1] + c->neg[1][1];
    double p = ratio(c->neg[1][1], sneg), r = ratio(c->neg[1][1], gneg);
    fprintf(out, "task_B %s: negated (polarity NEG) of the matched events: gold %zu, zeitstrahl %zu, "
                 "both %zu, P %.2f R %.2f F1 %.2f\n",
            label, gneg, sneg, c->neg[1][1], 100 * p, 100 * r, 100 * f1(p, r));
}

void zs_evbc_print_links(FILE *out, const char *label, const zs_evbc_counts *c)
{
    fprintf(out, "\ntask_C %s: links by source\n%-10s %-12s %6s %6s %8s %9s %8s\n", label,
            "source", "ends", "sys", "right", "unmapped", "unrelated", "P");
    for (int i = 0; i < ZS_EVBC_SOURCES; i++)
        for (int j = 0; j < ZS_EVBC_ENDS; j++)
            if (c->src_sys[i][j])
                fprintf(out, "%-10s %-12s %6zu %6zu %8zu %9zu %8.2f\n", src_names[i],
                        ends_names[j], c->src_sys[i][j], c->src_correct[i][j],
                        c->src_unmapped[i][j], c->src_unrelated[i][j],
                        100 * ratio(c->src_correct[i][j], c->src_sys[i][j]));
    fprintf(out, "task_C %s: gold links by ends\n%-23s %6s %6s %8s\n", label, "ends", "gold",
            "found", "R");
    for (int j = 0; j < ZS_EVBC_ENDS; j++)
        fprintf(out, "%-23s %6zu %6zu %8.2f\n", ends_names[j], c->ends_gold[j], c->ends_found[j],
                100 * ratio(c->ends_found[j], c->ends_gold[j]));
}
