/* Closure of a doc's temporal relations over interval end points. */
#ifndef ZS_CLOSURE_H
#define ZS_CLOSURE_H

#include "doc.h"

/* More linked nodes than this (events, timexes, the DCT) and a doc's links
 * are not closed (doc->closure_skipped), so that time stays bounded. */
#define ZS_CLOSURE_MAX_NODES 1000

/* Takes doc->tlinks as found in the text (anchor, interval, coref, signal,
 * tense, in that order of trust), adds them one by one to a graph of "<="
 * and "<" constraints between interval starts and ends, and records each
 * link the earlier ones contradict (a cycle with a "<" edge) in
 * doc->contras together with a small set of earlier links that imply the
 * opposite; such a link stays in doc->tlinks but not in the graph. Then
 * appends every relation the graph implies (the minimal network that path
 * consistency gives) between two events, an event and a timex, or a node
 * and the DCT ("t0") that no link states, with source "closure", and gives
 * each undated event a place in the time order from its relations. */
void zs_close_doc(zs_doc *d);

/* Of the relations zs_close_doc derived (d->tlinks[nbase..ntlinks)), which
 * the links found in the text for which keep[k] (k < nbase) is true do not
 * imply (contradicted ones never count): needed[k - nbase]. A writer that
 * keeps only some links (TimeML lacks OVERLAP) writes these derived ones as
 * well, so that what it writes implies all the doc knows. One pass over a
 * point graph of the kept links. */
void zs_close_needed(const zs_doc *d, const bool *keep, bool *needed);

/* The node an id names: 0 for "t0" (the DCT), 1 + i for timex i, 1 +
 * ntimexes + i for event i; -1 for none. Constant time for the ids the
 * pipeline gives ("t3", "e7"). */
int zs_node_of(const zs_doc *d, const char *id);

/* A point-algebra network over the start and end points of nodes numbered
 * 0..n-1, for comparing relation sets (eval's task C). */
typedef struct zs_pnet zs_pnet;
zs_pnet *zs_pnet_new(size_t nodes);
void zs_pnet_free(zs_pnet *p);
/* Adds "a rel b" and closes the network; if that contradicts what it holds,
 * leaves the network as it was and returns false. */
bool zs_pnet_add(zs_pnet *p, size_t a, size_t b, zs_relkind rel);
/* Whether the network implies "a rel b". */
bool zs_pnet_entails(const zs_pnet *p, size_t a, size_t b, zs_relkind rel);

#endif
