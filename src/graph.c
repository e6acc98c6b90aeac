/* The temporal graph: the events of all added documents, related to their
 * times and to each other, in a deterministic time order for the writers. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"

const char *zs_eclass_name(zs_eclass c)
{
    static const char *names[] = {"OCCURRENCE", "REPORTING", "STATE", "I_ACTION",
                                  "I_STATE", "ASPECTUAL", "PERCEPTION"};
    return (unsigned)c < sizeof names / sizeof *names ? names[c] : "OCCURRENCE";
}

const char *zs_modality_name(zs_modality m)
{
    static const char *names[ZS_NMODAL] = {"asserted", "planned", "possible", "cancelled"};
    return (unsigned)m < ZS_NMODAL ? names[m] : "asserted";
}

static const char *rel_names[ZS_NREL] = {
    "BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED", "DURING", "SIMULTANEOUS", "OVERLAP",
    "IDENTITY", "IBEFORE", "IAFTER", "BEGINS", "BEGUN_BY", "ENDS", "ENDED_BY", "DURING_INV"};

const char *zs_rel_name(zs_relkind r)
{
    return (unsigned)r < ZS_NREL ? rel_names[r] : "OVERLAP";
}

int zs_rel_from_name(const char *name)
{
    for (int i = 0; i < ZS_NREL; i++)
        if (strcmp(rel_names[i], name) == 0) return i;
    return -1;
}

zs_relkind zs_rel_inverse(zs_relkind r)
{
    static const zs_relkind inv[ZS_NREL] = {
        ZS_REL_AFTER, ZS_REL_BEFORE, ZS_REL_IS_INCLUDED, ZS_REL_INCLUDES, ZS_REL_DURING_INV,
        ZS_REL_SIMULTANEOUS, ZS_REL_OVERLAP, ZS_REL_IDENTITY, ZS_REL_IAFTER, ZS_REL_IBEFORE,
        ZS_REL_BEGUN_BY, ZS_REL_BEGINS, ZS_REL_ENDED_BY, ZS_REL_ENDS, ZS_REL_DURING};
    return (unsigned)r < ZS_NREL ? inv[r] : r;
}

zs_graph *zs_graph_new(void)
{
    return zs_xcalloc(1, sizeof(zs_graph));
}

void zs_graph_free(zs_graph *g)
{
    if (!g) return;
    free(g->docs);
    free(g->events);
    free(g->doc_base);
    free(g->slot_of);
    free(g);
}

void zs_graph_add(zs_graph *g, const zs_doc *doc)
{
    ZS_GROW(g->docs, g->docs_cap, g->ndocs + 1);
    g->docs[g->ndocs++] = doc;
    g->finished = false;
}

/* Events with a place first (their own interval, or one their relations
 * give them), by begin, then the shorter interval, then rank within a doc,
 * then the order of documents and of mentions; events without a place keep
 * text order at the end. */
static bool place_of(const zs_event *e, zs_lsec *b, zs_lsec *u, int32_t *r)
{
    if (e->has_interval) {
        *b = e->begin;
        *u = e->until;
        *r = e->rank;
        return true;
    }
    *b = e->place_begin;
    *u = e->place_until;
    *r = e->place_rank;
    return e->placed;
}

static int cmp_nodes(const void *pa, const void *pb)
{
    const zs_gnode *a = pa, *b = pb;
    zs_lsec ab, au, bb, bu;
    int32_t ar, br;
    bool pa_ = place_of(zs_gnode_event(a), &ab, &au, &ar);
    bool pb_ = place_of(zs_gnode_event(b), &bb, &bu, &br);
    if (pa_ != pb_) return pa_ ? -1 : 1;
    if (pa_) {
        if (ab != bb) return ab < bb ? -1 : 1;
        if (au != bu) return au < bu ? -1 : 1;
        if (a->docno == b->docno && ar != br) return ar < br ? -1 : 1;
    }
    if (a->docno != b->docno) {
        int c = strcmp(a->doc->name, b->doc->name);
        if (c) return c;
        return a->docno < b->docno ? -1 : 1;
    }
    return a->index < b->index ? -1 : a->index > b->index;
}

void zs_graph_finish(zs_graph *g)
{
    g->nevents = 0;
    for (size_t i = 0; i < g->ndocs; i++) {
        const zs_doc *d = g->docs[i];
        for (size_t j = 0; j < d->nevents; j++) {
            ZS_GROW(g->events, g->events_cap, g->nevents + 1);
            g->events[g->nevents++] = (zs_gnode){d, (uint32_t)i, true, (uint32_t)j};
        }
    }
    if (g->nevents > 1) qsort(g->events, g->nevents, sizeof *g->events, cmp_nodes);
    free(g->doc_base);
    free(g->slot_of);
    g->doc_base = zs_xmalloc((g->ndocs + 1) * sizeof *g->doc_base);
    g->slot_of = zs_xmalloc((g->nevents + 1) * sizeof *g->slot_of);
    for (size_t i = 0, n = 0; i <= g->ndocs; i++) {
        g->doc_base[i] = n;
        if (i < g->ndocs) n += g->docs[i]->nevents;
    }
    for (size_t i = 0; i < g->nevents; i++)
        g->slot_of[g->doc_base[g->events[i].docno] + g->events[i].index] = (uint32_t)i;
    zs_graph_merge_events(g);
    g->finished = true;
}

/* The length of e's title without the participants it lists ("Telefonat
 * Putin – Trump" -> "Telefonat"). */
static size_t base_title_len(const zs_event *e)
{
    size_t n = strlen(e->title);
    for (uint32_t k = e->nparticipants; k-- > 0;) {
        size_t p = strlen(e->participants[k]), sep = k ? strlen(" \u2013 ") : 1;
        if (p + sep > n || memcmp(e->title + n - p, e->participants[k], p) != 0) return strlen(e->title);
        n -= p + sep;
    }
    return n;
}

/* Whether two events name a participant in common, or either names none. */
static bool participants_overlap(const zs_event *a, const zs_event *b)
{
    if (!a->nparticipants || !b->nparticipants) return true;
    for (uint32_t i = 0; i < a->nparticipants; i++)
        for (uint32_t j = 0; j < b->nparticipants; j++)
            if (strcmp(a->participants[i], b->participants[j]) == 0) return true;
    return false;
}

/* Whether two events of different docs report the same event: the same
 * key, lemma or title, titles that agree (equal apart from the
 * participants they list, or one without modifiers: "Gipfel" and
 * "G20-Gipfel"), overlapping intervals, participants in common where
 * both name some, and the same polarity (one told as not happening is no
 * report of one that happened). */
static bool same_event(const zs_event *a, const zs_event *b)
{
    if (!a->has_interval || !b->has_interval || a->negated != b->negated) return false;
    if (a->until <= b->begin || b->until <= a->begin) return false;
    if (!participants_overlap(a, b)) return false;
    size_t na = base_title_len(a), nb = base_title_len(b);
    bool titles = na == nb && memcmp(a->title, b->title, na) == 0;
    bool keys = (a->key && b->key && strcmp(a->key, b->key) == 0) ||
                strcmp(a->lemma, b->lemma) == 0;
    return titles || (keys && (a->bare || b->bare));
}

/* Events ordered by key (lemma) then graph position, for grouping. */
static const zs_graph *sort_graph;
static int cmp_by_lemma(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    int c = strcmp(zs_gnode_event(&sort_graph->events[a])->lemma,
                   zs_gnode_event(&sort_graph->events[b])->lemma);
    if (c) return c;
    return a < b ? -1 : a > b;
}

size_t zs_graph_merge_events(zs_graph *g)
{
    for (size_t i = 0; i < g->nevents; i++) {
        g->events[i].rep = (uint32_t)i;
        g->events[i].shared = false;
    }
    if (g->ndocs < 2) return 0;
    /* candidates share a title or a lemma: compare within lemma groups and
       within title groups */
    uint32_t *ix = zs_xmalloc(g->nevents * sizeof *ix);
    for (size_t i = 0; i < g->nevents; i++) ix[i] = (uint32_t)i;
    sort_graph = g;
    qsort(ix, g->nevents, sizeof *ix, cmp_by_lemma);
    size_t joined = 0;
    for (size_t a = 0; a < g->nevents;) {
        size_t b = a;
        const char *lemma = zs_gnode_event(&g->events[ix[a]])->lemma;
        while (b < g->nevents && strcmp(zs_gnode_event(&g->events[ix[b]])->lemma, lemma) == 0) b++;
        for (size_t i = a + 1; i < b; i++) { /* in graph order within the group */
            zs_gnode *n = &g->events[ix[i]];
            const zs_event *e = zs_gnode_event(n);
            for (size_t j = a; j < i; j++) {
                zs_gnode *m = &g->events[ix[j]];
                if (m->docno == n->docno || !same_event(zs_gnode_event(m), e)) continue;
                n->rep = g->events[m->rep].rep;
                n->shared = m->shared = g->events[n->rep].shared = true;
                joined++;
                break;
            }
        }
        a = b;
    }
    free(ix);
    return joined;
}
