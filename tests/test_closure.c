/* The closure of temporal relations over interval end points: implied
 * relations with source "closure", contradictions with the links that
 * cause them, placement of undated events. Docs built by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "closure.h"
#include "fixture.h"

/* A doc with n undated events e1..en and no timexes. */
static zs_doc *bare_doc(size_t n)
{
    zs_doc *d = zs_xcalloc(1, sizeof *d);
    d->events = zs_xcalloc(n, sizeof *d->events);
    d->nevents = d->events_cap = n;
    for (size_t i = 0; i < n; i++) {
        snprintf(d->events[i].id, sizeof d->events[i].id, "e%zu", i + 1);
        d->events[i].time = -1;
        d->events[i].coref = -1;
    }
    d->dct_gran = ZS_GRAN_MINUTE;
    return d;
}

static void free_doc(zs_doc *d)
{
    for (size_t i = 0; i < d->ncontras; i++) free(d->contras[i].with);
    free(d->contras);
    free(d->tlinks);
    free(d->events);
    free(d);
}

static void link(zs_doc *d, const char *from, const char *to, zs_relkind rel, const char *src)
{
    ZS_GROW(d->tlinks, d->tlinks_cap, d->ntlinks + 1);
    zs_tlink *l = &d->tlinks[d->ntlinks++];
    memset(l, 0, sizeof *l);
    snprintf(l->from, sizeof l->from, "%s", from);
    snprintf(l->to, sizeof l->to, "%s", to);
    l->rel = rel;
    snprintf(l->source, sizeof l->source, "%s", src);
    l->contradiction = -1;
}

/* The relation a link states of from to to, or -1. */
static int rel_of(const zs_doc *d, const char *from, const char *to, const char *source)
{
    for (size_t i = 0; i < d->ntlinks; i++) {
        const zs_tlink *l = &d->tlinks[i];
        if (source && strcmp(l->source, source) != 0) continue;
        if (!strcmp(l->from, from) && !strcmp(l->to, to)) return (int)l->rel;
        if (!strcmp(l->from, to) && !strcmp(l->to, from)) return (int)zs_rel_inverse(l->rel);
    }
    return -1;
}

/* before is transitive; includes and before compose */
static void test_implied_relations(void **state)
{
    (void)state;
    zs_doc *d = bare_doc(4);
    link(d, "e1", "e2", ZS_REL_BEFORE, "signal:vor");
    link(d, "e3", "e2", ZS_REL_AFTER, "signal:nach");
    link(d, "e4", "e3", ZS_REL_IS_INCLUDED, "signal:während");
    zs_close_doc(d);
    assert_int_equal(d->nbase, 3);
    assert_int_equal(d->ncontras, 0);
    assert_int_equal(rel_of(d, "e1", "e3", "closure"), ZS_REL_BEFORE);
    assert_int_equal(rel_of(d, "e1", "e4", "closure"), ZS_REL_BEFORE);
    assert_int_equal(rel_of(d, "e4", "e2", "closure"), ZS_REL_AFTER);
    /* nothing is derived twice or for stated pairs */
    for (size_t i = d->nbase; i < d->ntlinks; i++)
        for (size_t j = 0; j < i; j++)
            assert_false(!strcmp(d->tlinks[i].from, d->tlinks[j].from) &&
                         !strcmp(d->tlinks[i].to, d->tlinks[j].to));
    free_doc(d);
}

/* a cycle of BEFORE: the last link is contradicted and names the others;
 * an unrelated link stays out of the explanation */
static void test_contradiction_with_causes(void **state)
{
    (void)state;
    zs_doc *d = bare_doc(5);
    link(d, "e1", "e2", ZS_REL_BEFORE, "signal:vor");
    link(d, "e4", "e5", ZS_REL_BEFORE, "signal:vor");
    link(d, "e2", "e3", ZS_REL_BEFORE, "signal:vor");
    link(d, "e3", "e1", ZS_REL_BEFORE, "signal:bevor");
    zs_close_doc(d);
    assert_int_equal(d->ncontras, 1);
    assert_int_equal(d->contras[0].link, 3);
    assert_int_equal(d->tlinks[3].contradiction, 0);
    assert_int_equal(d->contras[0].nwith, 2);
    assert_int_equal(d->contras[0].with[0], 0);
    assert_int_equal(d->contras[0].with[1], 2);
    /* the contradicted link does not feed the closure */
    assert_int_equal(rel_of(d, "e1", "e3", "closure"), ZS_REL_BEFORE);
    free_doc(d);
}

/* trusted sources win: a tense cue against an anchor is the one reported */
static void test_trust_order(void **state)
{
    (void)state;
    zs_doc *d = bare_doc(2);
    link(d, "e1", "t0", ZS_REL_BEFORE, "tense:war");
    link(d, "e2", "t0", ZS_REL_AFTER, "modality:planned");
    link(d, "e1", "e2", ZS_REL_IDENTITY, "coref");
    zs_close_doc(d);
    assert_int_equal(d->ncontras, 1);
    assert_string_equal(d->tlinks[d->contras[0].link].source, "tense:war");
    assert_int_equal(d->contras[0].nwith, 2);
    free_doc(d);
}

/* overlap and identity; an undated event is placed after a dated one */
static void test_identity_and_place(void **state)
{
    (void)state;
    zs_doc *d = bare_doc(3);
    d->events[0].has_interval = true;
    d->events[0].begin = 1000;
    d->events[0].until = 2000;
    link(d, "e2", "e1", ZS_REL_IDENTITY, "coref");
    link(d, "e3", "e2", ZS_REL_AFTER, "signal:nach");
    zs_close_doc(d);
    assert_int_equal(rel_of(d, "e3", "e1", "closure"), ZS_REL_AFTER);
    assert_true(d->events[2].placed);
    assert_true(d->events[2].place_begin == 1000);
    assert_int_equal(d->events[2].place_rank, 1);
    assert_true(d->events[1].placed);
    assert_int_equal(d->events[1].place_rank, 0);
    free_doc(d);
}

/* links to unknown nodes are kept but ignored */
static void test_unknown_nodes(void **state)
{
    (void)state;
    zs_doc *d = bare_doc(1);
    link(d, "e1", "e9", ZS_REL_BEFORE, "signal:vor");
    link(d, "e9", "e1", ZS_REL_BEFORE, "signal:vor");
    zs_close_doc(d);
    assert_int_equal(d->ncontras, 0);
    assert_int_equal(d->ntlinks, 2);
    free_doc(d);
}

/* The German sample: the seed-like tension becomes one contradiction. */
static void test_german_tension(void **state)
{
    (void)state;
    zs_lang *de = fixture_lang_de();
    assert_non_null(de);
    const char *text = "3. Mai 2017\n\nDas Treffen soll nach dem Gipfel stattfinden. "
                       "Die beiden wollen sich am Rande des Gipfels am 7. Juli treffen.";
    zs_error err;
    zs_doc *doc = zs_doc_new(de, "t.txt", text, strlen(text), NULL, &err);
    assert_non_null(doc);
    assert_int_equal(zs_doc_contradiction_count(doc), 1);
    const zs_tlink *bad = &doc->tlinks[doc->contras[0].link];
    const zs_contra *c = &doc->contras[0];
    bool nach = false;
    for (size_t i = 0; i < c->nwith; i++)
        nach |= strcmp(doc->tlinks[c->with[i]].source, "signal:nach") == 0;
    assert_true(nach);
    assert_string_equal(bad->source, "signal:am rande");
    zs_doc_free(doc);
    zs_lang_free(de);
}

/* Two articles on the same summit: one node with both reports; an event of
 * one article only, and the same title at another time, stay apart. */
static void test_cross_document_merge(void **state)
{
    (void)state;
    zs_lang *de = fixture_lang_de();
    assert_non_null(de);
    const char *a = "2. Mai 2017\n\nDer G20-Gipfel am 7. und 8. Juli soll in Hamburg stattfinden. "
                    "Am Montag gab es ein Telefonat.";
    const char *b = "3. Mai 2017\n\nDie Stadt rüstet sich für den G20-Gipfel am 7. Juli. "
                    "Der G20-Gipfel im Jahr 2016 fand in China statt.";
    zs_error err;
    zs_doc *da = zs_doc_new(de, "a.txt", a, strlen(a), NULL, &err);
    zs_doc *db = zs_doc_new(de, "b.txt", b, strlen(b), NULL, &err);
    assert_non_null(da);
    assert_non_null(db);
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, da);
    zs_graph_add(g, db);
    zs_graph_finish(g);
    size_t shared = 0, joined = 0;
    for (size_t i = 0; i < g->nevents; i++) {
        const zs_gnode *n = &g->events[i];
        const zs_event *e = zs_gnode_event(n);
        if (!n->shared) continue;
        shared++;
        assert_string_equal(e->lemma, "gipfel");
        const zs_gnode *r = &g->events[n->rep];
        assert_true(r->rep == n->rep);
        assert_true(!(e->begin >= zs_gnode_event(r)->until)); /* overlapping */
        if (n->rep != i) {
            joined++;
            assert_int_not_equal(r->docno, n->docno);
        }
    }
    assert_int_equal(shared, 2);
    assert_int_equal(joined, 1);
    assert_int_equal(zs_graph_merge_events(g), 1);
    /* one doc: nothing to join */
    zs_graph *one = zs_graph_new();
    zs_graph_add(one, da);
    zs_graph_finish(one);
    for (size_t i = 0; i < one->nevents; i++) assert_false(one->events[i].shared);
    zs_graph_free(one);
    zs_graph_free(g);
    zs_doc_free(da);
    zs_doc_free(db);
    zs_lang_free(de);
}

/* The closure agrees with path consistency over the same points (zs_pnet)
 * on random link sets: the same links are contradictions, and every
 * relation path consistency implies between two events is stated or
 * derived. */
static void test_same_as_path_consistency(void **state)
{
    (void)state;
    static const zs_relkind rels[] = {ZS_REL_BEFORE, ZS_REL_AFTER, ZS_REL_INCLUDES,
                                      ZS_REL_IS_INCLUDED, ZS_REL_SIMULTANEOUS, ZS_REL_OVERLAP,
                                      ZS_REL_IBEFORE, ZS_REL_BEGINS, ZS_REL_ENDED_BY,
                                      ZS_REL_IDENTITY};
    static const zs_relkind implied[] = {ZS_REL_BEFORE, ZS_REL_AFTER, ZS_REL_SIMULTANEOUS,
                                         ZS_REL_IS_INCLUDED, ZS_REL_INCLUDES};
    uint32_t seed = 12345;
    size_t contras = 0, derived = 0;
    for (int round = 0; round < 300; round++) {
        size_t n = 4 + (size_t)round % 6, nl = n + (size_t)round % 7;
        zs_doc *d = bare_doc(n);
        for (size_t k = 0; k < nl; k++) {
            char a[24], b[24];
            seed = seed * 1103515245u + 12345u;
            size_t i = (seed >> 8) % n, j = (seed >> 16) % n;
            if (i == j) j = (j + 1) % n;
            snprintf(a, sizeof a, "e%zu", i + 1);
            snprintf(b, sizeof b, "e%zu", j + 1);
            link(d, a, b, rels[(seed >> 24) % (sizeof rels / sizeof *rels)], "signal:x");
        }
        zs_close_doc(d);
        zs_pnet *p = zs_pnet_new(n);
        for (size_t k = 0; k < d->nbase; k++) {
            const zs_tlink *l = &d->tlinks[k];
            bool ok = zs_pnet_add(p, (size_t)atoi(l->from + 1) - 1, (size_t)atoi(l->to + 1) - 1, l->rel);
            assert_int_equal(ok, l->contradiction < 0);
            contras += !ok;
        }
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++)
                for (size_t r = 0; r < sizeof implied / sizeof *implied; r++) {
                    if (!zs_pnet_entails(p, i, j, implied[r])) continue;
                    char a[24], b[24];
                    snprintf(a, sizeof a, "e%zu", i + 1);
                    snprintf(b, sizeof b, "e%zu", j + 1);
                    int got = rel_of(d, a, b, "closure");
                    if (got >= 0) {
                        assert_true(zs_pnet_entails(p, i, j, (zs_relkind)got));
                        derived++;
                    } else {
                        assert_true(rel_of(d, a, b, NULL) >= 0);
                    }
                    break;
                }
        zs_pnet_free(p);
        free_doc(d);
    }
    assert_true(contras > 10 && derived > 100); /* the rounds test something */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_implied_relations),
        cmocka_unit_test(test_contradiction_with_causes),
        cmocka_unit_test(test_trust_order),
        cmocka_unit_test(test_identity_and_place),
        cmocka_unit_test(test_unknown_nodes),
        cmocka_unit_test(test_german_tension),
        cmocka_unit_test(test_cross_document_merge),
        cmocka_unit_test(test_same_as_path_consistency),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
