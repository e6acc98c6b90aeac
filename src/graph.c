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
    static const char *names[] = {"asserted", "planned", "possible"};
    return (unsigned)m < 3 ? names[m] : "asserted";
}

const char *zs_rel_name(zs_relkind r)
{
    static const char *names[] = {"BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED",
                                  "DURING", "SIMULTANEOUS", "OVERLAP"};
    return (unsigned)r < sizeof names / sizeof *names ? names[r] : "OVERLAP";
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
    free(g);
}

void zs_graph_add(zs_graph *g, const zs_doc *doc)
{
    ZS_GROW(g->docs, g->docs_cap, g->ndocs + 1);
    g->docs[g->ndocs++] = doc;
    g->finished = false;
}

/* Dated events first, by begin, then the shorter interval, then the order of
 * documents and of mentions; undated events keep text order at the end. */
static int cmp_nodes(const void *pa, const void *pb)
{
    const zs_gnode *a = pa, *b = pb;
    const zs_event *ea = zs_gnode_event(a), *eb = zs_gnode_event(b);
    if (ea->has_interval != eb->has_interval) return ea->has_interval ? -1 : 1;
    if (ea->has_interval) {
        if (ea->begin != eb->begin) return ea->begin < eb->begin ? -1 : 1;
        if (ea->until != eb->until) return ea->until < eb->until ? -1 : 1;
        if (a->docno == b->docno && ea->rank != eb->rank) return ea->rank < eb->rank ? -1 : 1;
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
    g->finished = true;
}
