/* Closure of a doc's temporal relations: every node (event, timex, the DCT)
 * is an interval with a start and an end point; every relation is a set of
 * constraints between those points in the point algebra {<, =, >}; what
 * they imply is made explicit and the links that cannot all hold are found.
 *
 * A relation's constraints are all convex (<, <=, =, >=, >), so a doc's
 * points form a graph of "<=" and "<" edges: a set of constraints holds iff
 * no cycle has a "<" edge, and a point lies before another (<=, or < with a
 * "<" edge on the way) iff a path leads there. That is what path
 * consistency computes on the convex point algebra (its minimal network),
 * found here by search in time linear in the links per query instead of
 * cubic in the points; the path-consistency network (zs_pnet) remains for
 * comparing relation sets. */
#include "closure.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { LT = 1, EQ = 2, GT = 4, LE = LT | EQ, GE = GT | EQ, ALL = 7 };

/* compose[a][b]: the relation of x to z given x a y and y b z; filled once
 * per process (docs are closed on any number of threads) */
static uint8_t compose[8][8];
static pthread_once_t compose_once = PTHREAD_ONCE_INIT;

static void init_compose(void)
{
    static const uint8_t basic[3][3] = {
        /* <      =   > */
        {LT, LT, ALL}, /* < */
        {LT, EQ, GT},  /* = */
        {ALL, GT, GT}  /* > */
    };
    for (int a = 0; a < 8; a++)
        for (int b = 0; b < 8; b++) {
            uint8_t r = 0;
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    if ((a >> i & 1) && (b >> j & 1)) r |= basic[i][j];
            compose[a][b] = r;
        }
}

static uint8_t inverse(uint8_t m)
{
    return (uint8_t)((m & LT ? GT : 0) | (m & EQ) | (m & GT ? LT : 0));
}

/* The point constraints of a relation of a to b: start/end of a (0/1),
 * start/end of b, allowed relations; at most two. */
typedef struct pcon { uint8_t pa, pb, mask; } pcon;

static int constraints(zs_relkind r, pcon c[2])
{
    switch (r) {
    case ZS_REL_BEFORE: c[0] = (pcon){1, 0, LE}; return 1;
    case ZS_REL_AFTER: c[0] = (pcon){0, 1, GE}; return 1;
    case ZS_REL_IBEFORE: c[0] = (pcon){1, 0, EQ}; return 1;
    case ZS_REL_IAFTER: c[0] = (pcon){0, 1, EQ}; return 1;
    case ZS_REL_INCLUDES:
    case ZS_REL_DURING_INV: c[0] = (pcon){0, 0, LE}; c[1] = (pcon){1, 1, GE}; return 2;
    case ZS_REL_IS_INCLUDED:
    case ZS_REL_DURING: c[0] = (pcon){0, 0, GE}; c[1] = (pcon){1, 1, LE}; return 2;
    case ZS_REL_SIMULTANEOUS:
    case ZS_REL_IDENTITY: c[0] = (pcon){0, 0, EQ}; c[1] = (pcon){1, 1, EQ}; return 2;
    case ZS_REL_BEGINS: c[0] = (pcon){0, 0, EQ}; c[1] = (pcon){1, 1, LT}; return 2;
    case ZS_REL_BEGUN_BY: c[0] = (pcon){0, 0, EQ}; c[1] = (pcon){1, 1, GT}; return 2;
    case ZS_REL_ENDS: c[0] = (pcon){1, 1, EQ}; c[1] = (pcon){0, 0, GT}; return 2;
    case ZS_REL_ENDED_BY: c[0] = (pcon){1, 1, EQ}; c[1] = (pcon){0, 0, LT}; return 2;
    case ZS_REL_OVERLAP: c[0] = (pcon){0, 1, LT}; c[1] = (pcon){1, 0, GT}; return 2;
    }
    return 0;
}

/* ---- the point network ------------------------------------------------ */

typedef struct net {
    size_t n;          /* points: node i has start 2i and end 2i+1 */
    uint8_t *m;        /* n x n relation masks */
    uint8_t *inq;      /* pair queued */
    uint32_t *q;       /* circular queue of pairs i*n+j */
    size_t qh, qlen;
} net;

static void net_init(net *t, size_t nodes)
{
    size_t n = 2 * nodes;
    t->n = n;
    t->m = zs_xmalloc(n * n);
    t->inq = zs_xcalloc(n * n, 1);
    t->q = zs_xmalloc(n * n * sizeof *t->q);
    t->qh = t->qlen = 0;
}

static void net_reset(net *t)
{
    size_t n = t->n;
    memset(t->m, ALL, n * n);
    memset(t->inq, 0, n * n);
    t->qh = t->qlen = 0;
    for (size_t i = 0; i < n; i++) t->m[i * n + i] = EQ;
    for (size_t i = 0; i < n; i += 2) { /* a start lies before its end */
        t->m[i * n + i + 1] = LT;
        t->m[(i + 1) * n + i] = GT;
    }
}

static void net_free(net *t)
{
    free(t->m);
    free(t->inq);
    free(t->q);
}

/* Narrows the relation of points i, j to mask; false if nothing is left. */
static bool narrow(net *t, size_t i, size_t j, uint8_t mask)
{
    size_t n = t->n;
    uint8_t old = t->m[i * n + j], now = old & mask;
    if (now == old) return true;
    t->m[i * n + j] = now;
    t->m[j * n + i] = inverse(now);
    if (!now) return false;
    size_t p = i < j ? i * n + j : j * n + i;
    if (!t->inq[p]) {
        t->inq[p] = 1;
        t->q[(t->qh + t->qlen++) % (n * n)] = (uint32_t)p;
    }
    return true;
}

/* Path consistency from the queued pairs; false on a contradiction. */
static bool propagate(net *t)
{
    size_t n = t->n;
    while (t->qlen) {
        uint32_t p = t->q[t->qh];
        t->qh = (t->qh + 1) % (n * n);
        t->qlen--;
        t->inq[p] = 0;
        size_t i = p / n, j = p % n;
        uint8_t ij = t->m[i * n + j], ji = t->m[j * n + i];
        for (size_t k = 0; k < n; k++) {
            if (k == i || k == j) continue;
            if (!narrow(t, i, k, compose[ij][t->m[j * n + k]])) return false;
            if (!narrow(t, k, j, compose[t->m[k * n + i]][ij])) return false;
            if (!narrow(t, j, k, compose[ji][t->m[i * n + k]])) return false;
            if (!narrow(t, k, i, compose[t->m[k * n + j]][ji])) return false;
        }
    }
    return true;
}

/* ---- the point graph ------------------------------------------------------ */

/* Points as in the network; edge u -> v says u <= v, or u < v if strict. */
typedef struct pgraph {
    size_t n;           /* points */
    int32_t *head;      /* per point: its last edge out, or -1 */
    int32_t *next;      /* per edge: the point's edge before it, or -1 */
    uint32_t *from, *to;
    uint8_t *strict;
    size_t ne, cap, base; /* edges; the first base are start < end */
    uint8_t *seen;      /* per point: 1 reached, 2 reached over a "<" edge */
    uint32_t *stack;    /* (point << 1 | strict) states to visit */
    uint32_t *touched;  /* points seen, to clear */
    size_t ntouched;
} pgraph;

static void pg_edge(pgraph *g, uint32_t u, uint32_t v, bool strict)
{
    if (g->ne == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 64;
        g->next = zs_xreallocarray(g->next, g->cap, sizeof *g->next);
        g->from = zs_xreallocarray(g->from, g->cap, sizeof *g->from);
        g->to = zs_xreallocarray(g->to, g->cap, sizeof *g->to);
        g->strict = zs_xreallocarray(g->strict, g->cap, sizeof *g->strict);
    }
    g->next[g->ne] = g->head[u];
    g->from[g->ne] = u;
    g->to[g->ne] = v;
    g->strict[g->ne] = strict;
    g->head[u] = (int32_t)g->ne++;
}

/* Back to the first ne edges. */
static void pg_pop(pgraph *g, size_t ne)
{
    while (g->ne > ne) {
        g->ne--;
        g->head[g->from[g->ne]] = g->next[g->ne];
    }
}

static void pg_init(pgraph *g, size_t nodes)
{
    memset(g, 0, sizeof *g);
    g->n = 2 * nodes;
    g->head = zs_xmalloc((g->n + 1) * sizeof *g->head);
    for (size_t i = 0; i < g->n; i++) g->head[i] = -1;
    g->seen = zs_xcalloc(g->n + 1, 1);
    g->stack = zs_xmalloc((2 * g->n + 1) * sizeof *g->stack);
    g->touched = zs_xmalloc((g->n + 1) * sizeof *g->touched);
    for (size_t i = 0; i < g->n; i += 2) pg_edge(g, (uint32_t)i, (uint32_t)i + 1, true);
    g->base = g->ne;
}

static void pg_free(pgraph *g)
{
    free(g->head);
    free(g->next);
    free(g->from);
    free(g->to);
    free(g->strict);
    free(g->seen);
    free(g->stack);
    free(g->touched);
}

/* Marks in g->seen every point src reaches, 2 where some path has a "<"
 * edge; stops early once dst (if not SIZE_MAX) is reached as need_strict
 * asks, returning true. The caller clears with pg_clear. */
static bool pg_search(pgraph *g, size_t src, size_t dst, bool need_strict)
{
    size_t sp = 0;
    g->stack[sp++] = (uint32_t)src << 1;
    while (sp) {
        uint32_t st = g->stack[--sp], u = st >> 1, s = st & 1;
        for (int32_t e = g->head[u]; e >= 0; e = g->next[e]) {
            uint32_t v = g->to[e], s2 = s | g->strict[e];
            uint8_t bit = s2 ? 2 : 1;
            if (g->seen[v] >= bit) continue; /* 2 covers 1 */
            if (!g->seen[v]) g->touched[g->ntouched++] = v;
            g->seen[v] = bit;
            if (v == dst && (s2 || !need_strict)) return true;
            g->stack[sp++] = v << 1 | s2;
        }
    }
    return false;
}

static void pg_clear(pgraph *g)
{
    for (size_t i = 0; i < g->ntouched; i++) g->seen[g->touched[i]] = 0;
    g->ntouched = 0;
}

/* Adds u <= v (u < v if strict); false if the graph then has a cycle with
 * a "<" edge: v already reaches u (over a "<" edge, unless strict). */
static bool pg_add(pgraph *g, size_t u, size_t v, bool strict)
{
    bool bad;
    if (u == v) bad = strict;
    else {
        bad = pg_search(g, v, u, !strict);
        pg_clear(g);
    }
    if (bad) return false;
    pg_edge(g, (uint32_t)u, (uint32_t)v, strict);
    return true;
}

/* Adds "p mask q" (mask one of <, <=, =, >=, >). */
static bool pg_constrain(pgraph *g, size_t p, size_t q, uint8_t mask)
{
    switch (mask) {
    case LT: return pg_add(g, p, q, true);
    case LE: return pg_add(g, p, q, false);
    case GT: return pg_add(g, q, p, true);
    case GE: return pg_add(g, q, p, false);
    case EQ: return pg_add(g, p, q, false) && pg_add(g, q, p, false);
    }
    return true;
}

/* The strongly connected components of the graph's points (Tarjan, without
 * recursion) into comp[n]; they are numbered so that every edge leads to
 * the same component or a lower-numbered one. Returns their number. */
static size_t pg_scc(const pgraph *g, int32_t *comp)
{
    size_t n = g->n;
    int32_t *index = zs_xmalloc((n + 1) * sizeof *index), *low = zs_xmalloc((n + 1) * sizeof *low);
    int32_t *it = zs_xmalloc((n + 1) * sizeof *it);
    uint32_t *stk = zs_xmalloc((n + 1) * sizeof *stk), *calls = zs_xmalloc((n + 1) * sizeof *calls);
    uint8_t *on = zs_xcalloc(n + 1, 1);
    for (size_t i = 0; i < n; i++) index[i] = -1;
    int32_t next_index = 0, ncomp = 0;
    size_t sp = 0, cp = 0;
    for (size_t r = 0; r < n; r++) {
        if (index[r] >= 0) continue;
        index[r] = low[r] = next_index++;
        stk[sp++] = (uint32_t)r;
        on[r] = 1;
        it[r] = g->head[r];
        calls[cp++] = (uint32_t)r;
        while (cp) {
            uint32_t u = calls[cp - 1];
            int32_t e = it[u];
            if (e >= 0) {
                it[u] = g->next[e];
                uint32_t v = g->to[e];
                if (index[v] < 0) {
                    index[v] = low[v] = next_index++;
                    stk[sp++] = v;
                    on[v] = 1;
                    it[v] = g->head[v];
                    calls[cp++] = v;
                } else if (on[v] && index[v] < low[u]) {
                    low[u] = index[v];
                }
                continue;
            }
            cp--;
            if (low[u] == index[u]) {
                uint32_t w;
                do {
                    w = stk[--sp];
                    on[w] = 0;
                    comp[w] = ncomp;
                } while (w != u);
                ncomp++;
            }
            if (cp && low[u] < low[calls[cp - 1]]) low[calls[cp - 1]] = low[u];
        }
    }
    free(index);
    free(low);
    free(it);
    free(stk);
    free(calls);
    free(on);
    return (size_t)ncomp;
}

/* Whether the graph's constraints can all hold: no strongly connected
 * component holds a "<" edge. */
static bool pg_consistent(const pgraph *g)
{
    int32_t *comp = zs_xmalloc((g->n + 1) * sizeof *comp);
    pg_scc(g, comp);
    bool ok = true;
    for (size_t e = 0; e < g->ne && ok; e++)
        ok = !(g->strict[e] && comp[g->from[e]] == comp[g->to[e]]);
    free(comp);
    return ok;
}

/* The minimal network of a graph's constraints, for a graph whose
 * constraints hold, as bit sets of the points each strongly connected
 * component reaches over at least one edge (fwd) and over a path with a
 * "<" edge (lt): point p is <= q where q is in fwd of p's component, < where
 * it is in lt too. A network of n x n relation masks would be the same, but
 * filling it costs a write per related pair of points, and a timeline of a
 * few hundred dates relates most pairs. */
typedef struct reach {
    size_t n, w;     /* points; 64-bit words per set */
    int32_t *comp;   /* per point: its component */
    uint64_t *fwd, *lt; /* per component: w words each */
    uint64_t *rev;   /* per component: the points that reach it */
} reach;

/* Builds r from g, component by component from the sinks up. */
static void reach_build(const pgraph *g, reach *r)
{
    size_t n = g->n, w = (n + 63) / 64;
    r->n = n;
    r->w = w;
    r->comp = zs_xmalloc((n + 1) * sizeof *r->comp);
    size_t nc = pg_scc(g, r->comp);
    /* points of each component, in point order */
    size_t *first = zs_xcalloc(nc + 1, sizeof *first);
    uint32_t *members = zs_xmalloc((n + 1) * sizeof *members);
    for (size_t p = 0; p < n; p++) first[r->comp[p] + 1]++;
    for (size_t c = 0; c < nc; c++) first[c + 1] += first[c];
    size_t *fill = zs_xmalloc((nc + 1) * sizeof *fill);
    memcpy(fill, first, (nc + 1) * sizeof *fill);
    for (size_t p = 0; p < n; p++) members[fill[r->comp[p]]++] = (uint32_t)p;
    free(fill);
    r->fwd = zs_xcalloc(nc * w + 1, sizeof *r->fwd);
    r->lt = zs_xcalloc(nc * w + 1, sizeof *r->lt);
    for (size_t c = 0; c < nc; c++) {
        uint64_t *rc = r->fwd + c * w, *sc = r->lt + c * w;
        bool cycle = first[c + 1] - first[c] > 1;
        for (size_t m = first[c]; m < first[c + 1]; m++) {
            uint32_t u = members[m];
            if (cycle) rc[u / 64] |= (uint64_t)1 << (u % 64);
            for (int32_t e = g->head[u]; e >= 0; e = g->next[e]) {
                uint32_t v = g->to[e];
                size_t d = (size_t)r->comp[v];
                rc[v / 64] |= (uint64_t)1 << (v % 64);
                if (d == c) continue; /* only "<=" edges inside: a point reaches itself */
                const uint64_t *rd = r->fwd + d * w, *sd = r->lt + d * w;
                if (g->strict[e]) {
                    sc[v / 64] |= (uint64_t)1 << (v % 64);
                    for (size_t k = 0; k < w; k++) {
                        rc[k] |= rd[k];
                        sc[k] |= rd[k];
                    }
                } else
                    for (size_t k = 0; k < w; k++) {
                        rc[k] |= rd[k];
                        sc[k] |= sd[k];
                    }
            }
        }
    }
    /* rev, from the sources down: the edges by the component they lead to */
    r->rev = zs_xcalloc(nc * w + 1, sizeof *r->rev);
    size_t *into = zs_xcalloc(nc + 1, sizeof *into);
    uint32_t *edges = zs_xmalloc((g->ne + 1) * sizeof *edges);
    for (size_t e = 0; e < g->ne; e++) into[r->comp[g->to[e]] + 1]++;
    for (size_t c = 0; c < nc; c++) into[c + 1] += into[c];
    fill = zs_xmalloc((nc + 1) * sizeof *fill);
    memcpy(fill, into, (nc + 1) * sizeof *fill);
    for (size_t e = 0; e < g->ne; e++) edges[fill[r->comp[g->to[e]]]++] = (uint32_t)e;
    free(fill);
    for (size_t c = nc; c-- > 0;) {
        uint64_t *vc = r->rev + c * w;
        if (first[c + 1] - first[c] > 1)
            for (size_t m = first[c]; m < first[c + 1]; m++)
                vc[members[m] / 64] |= (uint64_t)1 << (members[m] % 64);
        for (size_t i = into[c]; i < into[c + 1]; i++) {
            uint32_t u = g->from[edges[i]];
            size_t d = (size_t)r->comp[u];
            vc[u / 64] |= (uint64_t)1 << (u % 64);
            if (d == c) continue;
            const uint64_t *vd = r->rev + d * w;
            for (size_t k = 0; k < w; k++) vc[k] |= vd[k];
        }
    }
    free(into);
    free(edges);
    free(first);
    free(members);
}

static void reach_free(reach *r)
{
    free(r->comp);
    free(r->fwd);
    free(r->lt);
    free(r->rev);
}

/* Into set (r->w words): the points node a's points reach or are reached
 * from, those of the nodes the network relates a to. */
static void reach_partners(const reach *r, size_t a, uint64_t *set)
{
    size_t w = r->w, cs = (size_t)r->comp[2 * a] * w, ce = (size_t)r->comp[2 * a + 1] * w;
    for (size_t k = 0; k < w; k++)
        set[k] = r->fwd[cs + k] | r->fwd[ce + k] | r->rev[cs + k] | r->rev[ce + k];
}

/* The relation mask of points p and q. */
static inline uint8_t reach_mask(const reach *r, size_t p, size_t q)
{
    if (p == q) return EQ;
    size_t w = r->w, cp = (size_t)r->comp[p] * w, cq = (size_t)r->comp[q] * w;
    uint64_t qb = (uint64_t)1 << (q % 64), pb = (uint64_t)1 << (p % 64);
    uint8_t m = ALL;
    if (r->fwd[cp + q / 64] & qb) m &= r->lt[cp + q / 64] & qb ? LT : LE;
    if (r->fwd[cq + p / 64] & pb) m &= r->lt[cq + p / 64] & pb ? GT : GE;
    return m;
}

/* ---- nodes and links ---------------------------------------------------- */

/* Node numbers: 0 the DCT, 1 + k timex k, 1 + ntimexes + k event k. */
int zs_node_of(const zs_doc *d, const char *id)
{
    if (strcmp(id, "t0") == 0) return 0;
    /* ids are "t<i+1>" and "e<i+1>": look there first, so that a doc's
     * links are mapped in linear time */
    const char *end = id[0] ? id + 1 : id;
    size_t i = 0;
    while (*end >= '0' && *end <= '9' && i < SIZE_MAX / 16) i = 10 * i + (size_t)(*end++ - '0');
    if (i > 0 && *end == '\0' && end > id + 1) {
        if (id[0] == 't' && i <= d->ntimexes && strcmp(d->timexes[i - 1].id, id) == 0)
            return (int)i;
        if (id[0] == 'e' && i <= d->nevents && strcmp(d->events[i - 1].id, id) == 0)
            return (int)(d->ntimexes + i);
    }
    for (size_t k = 0; k < d->ntimexes; k++)
        if (strcmp(d->timexes[k].id, id) == 0) return (int)(1 + k);
    for (size_t k = 0; k < d->nevents; k++)
        if (strcmp(d->events[k].id, id) == 0) return (int)(1 + d->ntimexes + k);
    return -1;
}

typedef struct ctx {
    zs_doc *d;
    int *dense;       /* node number -> network node, or -1 */
    int *from, *to;   /* per base link: network nodes, or -1 */
    reach t;          /* the minimal network of the accepted links */
} ctx;

/* Numbers the nodes the doc's links name densely from 0, in the order of
 * the links: c->dense (allocated) maps node numbers to these, sparse (if
 * not NULL, room for every node) back, c->from and c->to (allocated) give
 * each link's ends (-1 for an id that names no node). Returns how many. */
static size_t map_nodes(ctx *c, int *sparse)
{
    const zs_doc *d = c->d;
    size_t nall = 1 + d->ntimexes + d->nevents, nl = d->ntlinks, nn = 0;
    c->dense = zs_xmalloc(nall * sizeof *c->dense);
    for (size_t i = 0; i < nall; i++) c->dense[i] = -1;
    c->from = zs_xmalloc((nl + 1) * sizeof *c->from);
    c->to = zs_xmalloc((nl + 1) * sizeof *c->to);
    for (size_t k = 0; k < nl; k++) {
        int ab[2] = {zs_node_of(d, d->tlinks[k].from), zs_node_of(d, d->tlinks[k].to)};
        for (int j = 0; j < 2; j++)
            if (ab[j] >= 0 && c->dense[ab[j]] < 0) {
                if (sparse) sparse[nn] = ab[j];
                c->dense[ab[j]] = (int)nn++;
            }
        c->from[k] = ab[0] >= 0 ? c->dense[ab[0]] : -1;
        c->to[k] = ab[1] >= 0 ? c->dense[ab[1]] : -1;
    }
    return nn;
}

/* Adds base link k to g; false on a contradiction (g then holds part of
 * it: pop back). */
static bool add_link(const ctx *c, pgraph *g, size_t k)
{
    if (c->from[k] < 0 || c->to[k] < 0) return true;
    pcon pc[2];
    int nc = constraints(c->d->tlinks[k].rel, pc);
    for (int i = 0; i < nc; i++)
        if (!pg_constrain(g, 2 * (size_t)c->from[k] + pc[i].pa, 2 * (size_t)c->to[k] + pc[i].pb,
                          pc[i].mask))
            return false;
    return true;
}

/* Adds base link k to g without checking it. */
static void put_link(const ctx *c, pgraph *g, size_t k)
{
    if (c->from[k] < 0 || c->to[k] < 0) return;
    pcon pc[2];
    int nc = constraints(c->d->tlinks[k].rel, pc);
    for (int i = 0; i < nc; i++) {
        uint32_t p = 2 * (uint32_t)c->from[k] + pc[i].pa, q = 2 * (uint32_t)c->to[k] + pc[i].pb;
        uint8_t m = pc[i].mask;
        if (m == LT || m == LE || m == EQ) pg_edge(g, p, q, m == LT);
        if (m == GT || m == GE || m == EQ) pg_edge(g, q, p, m == GT);
    }
}

/* A binary heap of (bottleneck << 32 | state) keys, smallest first. */
typedef struct heap { uint64_t *a; size_t n, cap; } heap;

static void heap_push(heap *h, uint64_t x)
{
    ZS_GROW(h->a, h->cap, h->n + 1);
    size_t i = h->n++;
    while (i > 0 && h->a[(i - 1) / 2] > x) {
        h->a[i] = h->a[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->a[i] = x;
}

static uint64_t heap_pop(heap *h)
{
    uint64_t top = h->a[0], x = h->a[--h->n];
    size_t i = 0;
    for (;;) {
        size_t k = 2 * i + 1;
        if (k >= h->n) break;
        if (k + 1 < h->n && h->a[k + 1] < h->a[k]) k++;
        if (h->a[k] >= x) break;
        h->a[i] = h->a[k];
        i = k;
    }
    if (h->n) h->a[i] = x;
    return top;
}

/* Scratch of pg_bottleneck: per state its best bottleneck so far
 * (UINT32_MAX: not reached; reset after each search by the list of the
 * states reached), the heap of the states to visit by bottleneck and a
 * stack of those to visit at the current one. */
typedef struct bneck {
    uint32_t *best, *reached, *stack;
    size_t nreached;
    heap h;
} bneck;

/* The least t < limit such that the edges of g tagged at most t (tag[e];
 * 0: always there) lead from point src to point dst over a "<" edge (or
 * over any path if strict: src is reached over one), or UINT32_MAX if
 * none do: a search by the largest tag on the way (the bottleneck), least
 * first, of the states (point, "<" edge on the way) = point << 1 | strict.
 * A state reached at the bottleneck being visited goes on the stack, not
 * the heap: it is visited before any later one. */
static uint32_t pg_bottleneck(const pgraph *g, const uint32_t *tag, uint32_t src, uint32_t dst,
                              bool strict, uint32_t limit, bneck *z)
{
    uint32_t s0 = src << 1 | strict, goal = dst << 1 | 1, found = UINT32_MAX;
    z->best[s0] = 0;
    z->reached[z->nreached++] = s0;
    z->h.n = 0;
    heap_push(&z->h, s0);
    while (z->h.n && found == UINT32_MAX) {
        uint64_t x = heap_pop(&z->h);
        uint32_t b = (uint32_t)(x >> 32);
        if (b > z->best[(uint32_t)x]) continue; /* a better way was found meanwhile */
        size_t sp = 0;
        z->stack[sp++] = (uint32_t)x;
        while (sp) {
            uint32_t st = z->stack[--sp];
            if (st == goal) {
                found = b;
                break;
            }
            for (int32_t e = g->head[st >> 1]; e >= 0; e = g->next[e]) {
                uint32_t to = g->to[e] << 1 | (st & 1) | g->strict[e];
                uint32_t nb = tag[e] > b ? tag[e] : b;
                if (nb >= z->best[to] || nb >= limit) continue;
                if (z->best[to] == UINT32_MAX) z->reached[z->nreached++] = to;
                z->best[to] = nb;
                if (nb == b) z->stack[sp++] = to;
                else heap_push(&z->h, (uint64_t)nb << 32 | to);
            }
        }
    }
    for (size_t i = 0; i < z->nreached; i++) z->best[z->reached[i]] = UINT32_MAX;
    z->nreached = 0;
    return found;
}

/* A small set of accepted links that, with link bad, cannot hold: grown
 * link by link, each time adding the accepted link at which the network
 * first fails (the shortest prefix of acc that fails with bad and the
 * links so far). The core links are accepted ones, and the accepted links
 * hold together, so a cycle that breaks them runs over an edge of bad
 * x -> y: that prefix is the least t such that acc's first t links, the
 * core and bad lead from y back to x (over a "<" edge unless x -> y is
 * one). g holds bad and all of acc at once, each edge tagged with the
 * position of its link in acc plus one (0: always there), so one search
 * (pg_bottleneck) per edge of bad finds t; a link that joins the core
 * has its tags set to 0. */
static void explain(const ctx *c, pgraph *g, size_t bad, const size_t *acc, size_t nacc,
                    zs_contra *out)
{
    size_t *core = zs_xmalloc((nacc + 1) * sizeof *core), ncore = 0;
    size_t *mark = zs_xmalloc((nacc + 2) * sizeof *mark); /* acc[p]'s edges: mark[p] on */
    pg_pop(g, g->base);
    put_link(c, g, bad);
    size_t nbad = g->ne;
    for (size_t p = 0; p < nacc; p++) {
        mark[p] = g->ne;
        put_link(c, g, acc[p]);
    }
    mark[nacc] = g->ne;
    uint32_t *tag = zs_xmalloc((g->ne + 1) * sizeof *tag);
    for (size_t e = 0; e < nbad; e++) tag[e] = 0;
    for (size_t p = 0; p < nacc; p++)
        for (size_t e = mark[p]; e < mark[p + 1]; e++) tag[e] = (uint32_t)p + 1;
    bneck z = {.best = zs_xmalloc((2 * g->n + 1) * sizeof *z.best),
               .reached = zs_xmalloc((2 * g->n + 1) * sizeof *z.reached),
               .stack = zs_xmalloc((2 * g->n + 1) * sizeof *z.stack)};
    for (size_t i = 0; i < 2 * g->n; i++) z.best[i] = UINT32_MAX;
    while (ncore < nacc) {
        uint32_t t = UINT32_MAX;
        for (size_t e = g->base; e < nbad; e++) {
            uint32_t b = pg_bottleneck(g, tag, g->to[e], g->from[e], g->strict[e], t, &z);
            if (b < t) t = b;
        }
        if (t == 0 || t == UINT32_MAX) break; /* bad fails with the core alone */
        core[ncore++] = acc[t - 1];
        for (size_t e = mark[t - 1]; e < mark[t]; e++) tag[e] = 0;
    }
    free(z.h.a);
    free(z.best);
    free(z.reached);
    free(z.stack);
    free(tag);
    free(mark);
    /* in link order */
    for (size_t i = 1; i < ncore; i++)
        for (size_t j = i; j > 0 && core[j - 1] > core[j]; j--) {
            size_t x = core[j];
            core[j] = core[j - 1];
            core[j - 1] = x;
        }
    out->link = bad;
    out->with = core;
    out->nwith = ncore;
}

/* Trust of a link's source: anchors first; the date of an event's sentence
 * before its tense cue ("exploded ... Friday": within Friday, though its
 * tense puts it before a publication on Friday); tense cues and the
 * sources after them last. */
/* source prefixes and their lengths, most trusted first */
static const struct { const char *s; size_t n; } trust_levels[] = {
    {"anchor", 6},   {"interval", 8}, {"coref", 5}, {"signal", 6},
    {"modality", 8}, {"sentence", 8}, {"tense", 5}, {"reporting", 9}};
/* the level of every other source */
#define TRUST_LAST (int)(sizeof trust_levels / sizeof *trust_levels)

static int trust(const zs_tlink *l)
{
    for (int i = 0; i < TRUST_LAST; i++)
        if (l->source[0] == trust_levels[i].s[0] &&
            strncmp(l->source, trust_levels[i].s, trust_levels[i].n) == 0)
            return i;
    return TRUST_LAST;
}

/* The links' indexes in order of trust, then of the text (a counting sort). */
static void trust_order(const zs_doc *d, size_t *order)
{
    size_t count[TRUST_LAST + 2] = {0};
    unsigned char *level = zs_xmalloc(d->ntlinks + 1);
    for (size_t k = 0; k < d->ntlinks; k++) {
        level[k] = (unsigned char)trust(&d->tlinks[k]);
        count[level[k] + 1]++;
    }
    for (int i = 1; i < TRUST_LAST + 2; i++) count[i] += count[i - 1];
    for (size_t k = 0; k < d->ntlinks; k++) order[count[level[k]]++] = k;
    free(level);
}

/* Whether network t implies "a rel b" (nodes). */
static bool net_entails(const net *t, size_t a, size_t b, zs_relkind rel)
{
    if (2 * a >= t->n || 2 * b >= t->n) return false;
    if (a == b) return rel == ZS_REL_SIMULTANEOUS || rel == ZS_REL_IDENTITY;
    pcon pc[2];
    int nc = constraints(rel, pc);
    size_t n = t->n;
    for (int i = 0; i < nc; i++) {
        uint8_t m = t->m[(2 * a + pc[i].pa) * n + 2 * b + pc[i].pb];
        if (m & ~pc[i].mask) return false;
    }
    return nc > 0;
}

/* Whether reach r implies "a rel b" (nodes). */
static bool reach_entails(const reach *r, size_t a, size_t b, zs_relkind rel)
{
    if (2 * a >= r->n || 2 * b >= r->n) return false;
    if (a == b) return rel == ZS_REL_SIMULTANEOUS || rel == ZS_REL_IDENTITY;
    pcon pc[2];
    int nc = constraints(rel, pc);
    for (int i = 0; i < nc; i++)
        if (reach_mask(r, 2 * a + pc[i].pa, 2 * b + pc[i].pb) & ~pc[i].mask) return false;
    return nc > 0;
}

/* The relation reach r implies between nodes a and b, or -1. */
static inline int derived(const reach *r, size_t a, size_t b)
{
    /* the commonest relations first: a's end reaches b's start (the
       only way to know a's end is not after b's start), or b's end a's */
    size_t w = r->w, pa = 2 * a, pb = 2 * b;
    if (r->fwd[(size_t)r->comp[pa + 1] * w + pb / 64] >> (pb % 64) & 1) return ZS_REL_BEFORE;
    if (r->fwd[(size_t)r->comp[pb + 1] * w + pa / 64] >> (pa % 64) & 1) return ZS_REL_AFTER;
    uint8_t ss = reach_mask(r, 2 * a, 2 * b), se = reach_mask(r, 2 * a, 2 * b + 1);
    uint8_t es = reach_mask(r, 2 * a + 1, 2 * b), ee = reach_mask(r, 2 * a + 1, 2 * b + 1);
    if ((ss & se & es & ee) == ALL) return -1; /* nothing known */
    if (ss == EQ && ee == EQ) return ZS_REL_SIMULTANEOUS;
    if (!(ss & LT) && !(ee & GT)) return ZS_REL_IS_INCLUDED;
    if (!(ss & GT) && !(ee & LT)) return ZS_REL_INCLUDES;
    if (se == LT && es == GT) return ZS_REL_OVERLAP;
    return -1;
}

static void node_name(const zs_doc *d, size_t node, char out[ZS_ID_SIZE])
{
    if (node == 0) zs_copy_str(out, ZS_ID_SIZE, "t0");
    else if (node <= d->ntimexes) zs_copy_str(out, ZS_ID_SIZE, d->timexes[node - 1].id);
    else zs_copy_str(out, ZS_ID_SIZE, d->events[node - 1 - d->ntimexes].id);
}

/* Interval of node (number), if it has a calendar one. */
static bool node_interval(const zs_doc *d, size_t node, zs_lsec *b, zs_lsec *u, int32_t *rank)
{
    *rank = 0;
    if (node == 0) return false;
    if (node <= d->ntimexes) {
        const zs_timex *x = &d->timexes[node - 1];
        if (!x->rv.has_interval || x->tv.ref != ZS_REF_NONE || x->rv.type == ZS_SET ||
            x->rv.gran == ZS_GRAN_NONE)
            return false;
        *b = x->rv.begin;
        *u = x->rv.until;
        return true;
    }
    const zs_event *e = &d->events[node - 1 - d->ntimexes];
    if (!e->has_interval) return false;
    *b = e->begin;
    *u = e->until;
    *rank = e->rank;
    return true;
}

/* An undated event takes its place in the time order from the dated node
 * it is most tightly related to: one it is part of or the same as, else the
 * latest one it follows, else the earliest one it precedes. */
static void place(zs_doc *d, const ctx *c, const int *sparse, size_t nn)
{
    /* the calendar intervals of the network's nodes, once */
    typedef struct span { zs_lsec b, u; int32_t r; bool has; } span;
    span *at = zs_xmalloc((nn + 1) * sizeof *at);
    for (size_t j = 0; j < nn; j++)
        at[j].has = node_interval(d, (size_t)sparse[j], &at[j].b, &at[j].u, &at[j].r);
    uint64_t *set = zs_xmalloc((c->t.w + 1) * sizeof *set);
    for (size_t k = 0; k < d->nevents; k++) {
        zs_event *e = &d->events[k];
        if (e->has_interval) {
            e->placed = true;
            e->place_begin = e->begin;
            e->place_until = e->until;
            e->place_rank = e->rank;
            continue;
        }
        int me = c->dense[1 + d->ntimexes + k];
        if (me < 0) continue;
        int best_kind = 3;
        zs_lsec bb = 0, bu = 0;
        int32_t br = 0;
        reach_partners(&c->t, (size_t)me, set);
        size_t j = SIZE_MAX;
        for (size_t w = 0; w < c->t.w; w++)
            for (uint64_t bits = set[w]; bits; bits &= bits - 1) {
                size_t p = w * 64 + (size_t)__builtin_ctzll(bits);
                if (p / 2 == j) continue;
                j = p / 2;
                if ((int)j == me || !at[j].has) continue;
                zs_lsec b = at[j].b, u = at[j].u;
                int32_t r = at[j].r;
                int rel = derived(&c->t, (size_t)me, j), kind;
                if (rel == ZS_REL_SIMULTANEOUS || rel == ZS_REL_IS_INCLUDED) kind = 0;
                else if (rel == ZS_REL_AFTER) kind = 1;
                else if (rel == ZS_REL_BEFORE) kind = 2;
                else continue;
                bool better = kind < best_kind ||
                              (kind == best_kind &&
                               (kind == 0 ? u - b < bu - bb : kind == 1 ? b > bb : b < bb));
                if (!better) continue;
                best_kind = kind;
                bb = b;
                bu = u;
                br = r + (kind == 1 ? 1 : kind == 2 ? -1 : 0);
            }
        if (best_kind == 3) continue;
        e->placed = true;
        e->place_begin = bb;
        e->place_until = bu;
        e->place_rank = br;
    }
    free(set);
    free(at);
}

/* Links tried one by one by search, rather than together by one cycle
 * test, in a range of at most this many. */
#define ACCEPT_ONE_BY_ONE 8

/* What the acceptance of a doc's links in trust order works with. */
typedef struct accepting {
    const ctx *c;
    pgraph g, scratch; /* the accepted links; explain's */
    bool have_scratch;
    const size_t *order;
    size_t *acc, nacc; /* the accepted links, in order */
} accepting;

/* Accepts links order[lo, hi) in turn, each if it holds with those
 * accepted before it, else marks it a contradiction and explains it.
 * Usually all links hold together: a range that holds as a whole is
 * accepted at once (a set that holds holds without some of its links),
 * by one cycle test rather than a search per link; one that does not is
 * tried half by half, the fewest links one by one. */
static void accept_links(accepting *a, size_t lo, size_t hi)
{
    zs_doc *d = a->c->d;
    size_t ne = a->g.ne;
    if (hi - lo > ACCEPT_ONE_BY_ONE) {
        for (size_t j = lo; j < hi; j++) put_link(a->c, &a->g, a->order[j]);
        if (pg_consistent(&a->g)) {
            for (size_t j = lo; j < hi; j++) a->acc[a->nacc++] = a->order[j];
            return;
        }
        pg_pop(&a->g, ne);
        size_t mid = lo + (hi - lo) / 2;
        accept_links(a, lo, mid);
        accept_links(a, mid, hi);
        return;
    }
    for (size_t i = lo; i < hi; i++) {
        size_t k = a->order[i];
        ne = a->g.ne;
        if (add_link(a->c, &a->g, k)) {
            a->acc[a->nacc++] = k;
            continue;
        }
        pg_pop(&a->g, ne); /* back to the accepted links alone */
        ZS_GROW(d->contras, d->contras_cap, d->ncontras + 1);
        zs_contra *x = &d->contras[d->ncontras];
        d->tlinks[k].contradiction = (int)d->ncontras++;
        if (!a->have_scratch) pg_init(&a->scratch, a->g.n / 2);
        a->have_scratch = true;
        explain(a->c, &a->scratch, k, a->acc, a->nacc, x);
    }
}

void zs_close_doc(zs_doc *d)
{
    pthread_once(&compose_once, init_compose);
    d->nbase = d->ntlinks;
    size_t nl = d->ntlinks;
    for (size_t k = 0; k < nl; k++) d->tlinks[k].contradiction = -1;
    ctx c = {.d = d};
    int *sparse = zs_xmalloc((1 + d->ntimexes + d->nevents) * sizeof *sparse);
    size_t nn = map_nodes(&c, sparse);
    if (nn > ZS_CLOSURE_MAX_NODES) {
        d->closure_skipped = true;
        goto done;
    }
    /* links in order of trust, then of the text */
    size_t *order = zs_xmalloc((nl + 1) * sizeof *order), *acc = zs_xmalloc((nl + 1) * sizeof *acc);
    trust_order(d, order);
    accepting links = {.c = &c, .order = order, .acc = acc};
    pg_init(&links.g, nn);
    accept_links(&links, 0, nl);
    pgraph g = links.g;
    if (links.have_scratch) pg_free(&links.scratch);
    free(order);
    free(acc);
    reach_build(&g, &c.t);
    pg_free(&g);

    /* what the links imply and no link states: event to event (one way),
       event to timex, event or timex to the DCT */
    uint8_t *stated = zs_xcalloc(nn * nn, 1);
    for (size_t k = 0; k < nl; k++)
        if (d->tlinks[k].contradiction < 0 && c.from[k] >= 0 && c.to[k] >= 0) {
            stated[(size_t)c.from[k] * nn + (size_t)c.to[k]] = 1;
            stated[(size_t)c.to[k] * nn + (size_t)c.from[k]] = 1;
        }
    /* the ids of the network's nodes, once (NUL-padded as a link's are) */
    char (*name)[ZS_ID_SIZE] = zs_xcalloc(nn + 1, sizeof *name);
    int dct = -1; /* the DCT's network node, if a link names it */
    for (size_t a = 0; a < nn; a++) {
        node_name(d, (size_t)sparse[a], name[a]);
        if (sparse[a] == 0) dct = (int)a;
    }
    /* the implied relations first, then the links in one go */
    typedef struct implied { uint32_t a, b; int rel; } implied;
    uint64_t *set = zs_xmalloc((c.t.w + 1) * sizeof *set);
    implied *imp = NULL;
    size_t nimp = 0, imp_cap = 0;
    for (size_t a = 0; a < nn; a++) {
        size_t na = (size_t)sparse[a];
        if (na > d->ntimexes) { /* an event: to timexes, the DCT and later events */
            reach_partners(&c.t, a, set);
            size_t b = SIZE_MAX;
            for (size_t w = 0; w < c.t.w; w++)
                for (uint64_t bits = set[w]; bits; bits &= bits - 1) {
                    size_t p = w * 64 + (size_t)__builtin_ctzll(bits);
                    if (p / 2 == b) continue;
                    b = p / 2;
                    size_t nb = (size_t)sparse[b];
                    if (nb > d->ntimexes && nb <= na) continue;
                    if (stated[a * nn + b]) continue;
                    int rel = derived(&c.t, a, b);
                    if (rel < 0) continue;
                    ZS_GROW(imp, imp_cap, nimp + 1);
                    imp[nimp++] = (implied){(uint32_t)a, (uint32_t)b, rel};
                }
        } else if (na > 0 && dct >= 0 && !stated[a * nn + (size_t)dct]) { /* a timex: to the DCT */
            int rel = derived(&c.t, a, (size_t)dct);
            if (rel >= 0) {
                ZS_GROW(imp, imp_cap, nimp + 1);
                imp[nimp++] = (implied){(uint32_t)a, (uint32_t)dct, rel};
            }
        }
    }
    ZS_GROW(d->tlinks, d->tlinks_cap, d->ntlinks + nimp);
    zs_tlink proto;
    memset(&proto, 0, sizeof proto);
    zs_copy_str(proto.source, sizeof proto.source, "closure");
    proto.contradiction = -1;
    for (size_t i = 0; i < nimp; i++) {
        zs_tlink *l = &d->tlinks[d->ntlinks++];
        *l = proto;
        memcpy(l->from, name[imp[i].a], sizeof l->from);
        memcpy(l->to, name[imp[i].b], sizeof l->to);
        l->rel = (zs_relkind)imp[i].rel;
    }
    free(set);
    free(imp);
    free(name);
    free(stated);
    place(d, &c, sparse, nn);
    reach_free(&c.t);
done:
    free(c.dense);
    free(c.from);
    free(c.to);
    free(sparse);
}

void zs_close_needed(const zs_doc *d, const bool *keep, bool *needed)
{
    if (d->ntlinks <= d->nbase) return;
    size_t nl = d->ntlinks;
    ctx c = {.d = (zs_doc *)d};
    size_t nn = map_nodes(&c, NULL);
    pgraph g;
    pg_init(&g, nn);
    for (size_t k = 0; k < d->nbase; k++)
        if (keep[k] && d->tlinks[k].contradiction < 0) put_link(&c, &g, k);
    reach t;
    reach_build(&g, &t);
    pg_free(&g);
    for (size_t k = d->nbase; k < nl; k++)
        needed[k - d->nbase] = c.from[k] < 0 || c.to[k] < 0 ||
                               !reach_entails(&t, (size_t)c.from[k], (size_t)c.to[k], d->tlinks[k].rel);
    reach_free(&t);
    free(c.dense);
    free(c.from);
    free(c.to);
}

/* ---- a network on its own ------------------------------------------------ */

struct zs_pnet {
    net t;
    uint8_t *saved;
};

zs_pnet *zs_pnet_new(size_t nodes)
{
    init_compose();
    zs_pnet *p = zs_xcalloc(1, sizeof *p);
    net_init(&p->t, nodes ? nodes : 1);
    net_reset(&p->t);
    p->saved = zs_xmalloc(p->t.n * p->t.n);
    return p;
}

void zs_pnet_free(zs_pnet *p)
{
    if (!p) return;
    net_free(&p->t);
    free(p->saved);
    free(p);
}

bool zs_pnet_add(zs_pnet *p, size_t a, size_t b, zs_relkind rel)
{
    size_t bytes = p->t.n * p->t.n;
    if (2 * a >= p->t.n || 2 * b >= p->t.n || a == b) return false;
    memcpy(p->saved, p->t.m, bytes);
    pcon pc[2];
    int nc = constraints(rel, pc);
    bool ok = true;
    for (int i = 0; i < nc && ok; i++)
        ok = narrow(&p->t, 2 * a + pc[i].pa, 2 * b + pc[i].pb, pc[i].mask);
    if (ok) ok = propagate(&p->t);
    if (!ok) {
        memcpy(p->t.m, p->saved, bytes);
        memset(p->t.inq, 0, bytes);
        p->t.qh = p->t.qlen = 0;
    }
    return ok;
}

bool zs_pnet_entails(const zs_pnet *p, size_t a, size_t b, zs_relkind rel)
{
    return net_entails(&p->t, a, b, rel);
}
