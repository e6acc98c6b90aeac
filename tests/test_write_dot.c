/* Tests of the Graphviz writer (src/write_dot.c) on the hand-built fixture:
 * the DOT it builds, the SVG layout as a timeline, the binary formats, and
 * byte-identical output across renders. */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fixture.h"
#include "writers.h"

static const zs_write_options no_options = {0};

static const char *const formats[] = {"dot", "svg", "png", "pdf"};
#define NFORMATS (sizeof formats / sizeof *formats)

typedef struct state {
    zs_doc *doc;
    zs_graph *graph;
} state;

/* The fixture doc and its graph, shared by all tests (which restore any
 * change they make). */
static int setup(void **st)
{
    state *s = zs_xmalloc(sizeof *s);
    s->doc = fixture_doc();
    s->graph = fixture_graph(s->doc);
    *st = s;
    unsetenv("SOURCE_DATE_EPOCH");
    return 0;
}

static int teardown(void **st)
{
    state *s = *st;
    zs_graph_free(s->graph);
    fixture_doc_free(s->doc);
    free(s);
    return 0;
}

/* Renders g in format into a new buffer (caller frees), asserting success. */
static zs_buf render(const zs_graph *g, const char *format)
{
    zs_buf b = {0};
    zs_error err = {0};
    int rc = zs_write_graphviz(g, format, &no_options, &b, &err);
    if (rc != 0) print_error("%s: %s\n", format, err.msg);
    assert_int_equal(rc, 0);
    assert_true(b.len > 0);
    return b;
}

/* The attribute list (between [ and ]) of the DOT node whose label starts
 * with line title; asserts it is there. Caller frees. */
static char *dot_node_attrs(const char *dot, const char *title)
{
    char key[128];
    snprintf(key, sizeof key, "label=\"%s\\n", title);
    const char *p = strstr(dot, key);
    if (!p) print_error("no node labelled %s\n", title);
    assert_non_null(p);
    const char *open = p, *close = strchr(p, ']');
    while (open > dot && *open != '[') open--;
    assert_true(*open == '[' && close);
    return zs_xstrndup(open, (size_t)(close + 1 - open));
}

/* A cancelled event: grey and dotted, the language's word for it under
 * its title. */
static void test_dot_cancelled(void **st)
{
    state *s = *st;
    s->doc->events[2].modality = ZS_MODAL_CANCELLED;
    zs_buf b = render(s->graph, "dot");
    s->doc->events[2].modality = ZS_MODAL_ASSERTED;
    char *attrs = dot_node_attrs(b.data, "Gipfel in Hamburg");
    assert_non_null(strstr(attrs, "\"Gipfel in Hamburg\\nabgesagt\\nFr., 7."));
    assert_non_null(strstr(attrs, "style=dotted"));
    assert_non_null(strstr(attrs, "color=gray50"));
    free(attrs);
    attrs = dot_node_attrs(b.data, "Telefonat");
    assert_null(strstr(attrs, "dotted"));
    free(attrs);
    zs_buf_free(&b);
}

/* An ongoing event ("ermitteln seit Anfang April", told in the present,
 * runs to the publication): labelled by its beginning, "seit". */
static void test_dot_ongoing(void **st)
{
    state *s = *st;
    zs_event *e = &s->doc->events[3];
    zs_lsec until = e->until;
    e->ongoing = true;
    e->until = zs_lsec_make(zs_days_from_civil(2017, 5, 3), 0, 0, 0);
    zs_buf b = render(s->graph, "dot");
    e->ongoing = false;
    e->until = until;
    char *attrs = dot_node_attrs(b.data, "Angriff");
    assert_non_null(strstr(attrs, "\"Angriff\\nseit Anfang April 2017\""));
    assert_non_null(strstr(attrs, "style=dashed"));
    free(attrs);
    zs_buf_free(&b);
}

/* The DOT: left to right, the four dated events with their date labels,
 * the vague ones dashed, the undated one left out, the publication marked,
 * month clusters and the invisible axis in time order. */
static void test_dot_content(void **st)
{
    state *s = *st;
    zs_buf b = render(s->graph, "dot");
    assert_non_null(strstr(b.data, "digraph zeitstrahl {"));
    assert_non_null(strstr(b.data, "rankdir=LR"));
    assert_null(strstr(b.data, "Untersuchung"));
    static const struct { const char *title, *date; bool dashed; } ev[] = {
        {"Telefonat", "Di., 2. Mai 2017, abends", false},
        {"Treffen", "Juli 2017", true},
        {"Gipfel in Hamburg", "Fr., 7. \u2013 Sa., 8. Juli 2017", false},
        {"Angriff", "Anfang April 2017", true},
    };
    for (size_t i = 0; i < sizeof ev / sizeof *ev; i++) {
        char *attrs = dot_node_attrs(b.data, ev[i].title);
        char label[128];
        snprintf(label, sizeof label, "\"%s\\n%s\"", ev[i].title, ev[i].date);
        if (!strstr(attrs, label)) print_error("%s lacks %s\n", attrs, label);
        assert_non_null(strstr(attrs, label));
        assert_int_equal(strstr(attrs, "style=dashed") != NULL, ev[i].dashed);
        free(attrs);
    }
    char *pub = dot_node_attrs(b.data, "Veröffentlichung");
    assert_non_null(strstr(pub, "Di., 2. Mai 2017, 21:06"));
    assert_non_null(strstr(pub, "shape=note"));
    assert_non_null(strstr(pub, "color=red"));
    free(pub);
    /* the axis: month clusters, day ranks, invisible heavy edges in order */
    const char *apr = strstr(b.data, "subgraph cluster_2017_04 {");
    const char *may = strstr(b.data, "subgraph cluster_2017_05 {");
    const char *jul = strstr(b.data, "subgraph cluster_2017_07 {");
    assert_true(apr && may && jul && apr < may && may < jul);
    assert_non_null(strstr(b.data, "label=\"Juli 2017\""));
    assert_non_null(strstr(b.data, "rank=same"));
    assert_non_null(strstr(b.data, "day_2017_04_01 -> day_2017_05_02\t[style=invis"));
    assert_non_null(strstr(b.data, "day_2017_05_02 -> day_2017_07_01\t[style=invis"));
    assert_non_null(strstr(b.data, "day_2017_07_01 -> day_2017_07_07\t[style=invis"));
    assert_non_null(strstr(b.data, "weight=100"));
    zs_buf_free(&b);
}

/* A node of the rendered SVG. */
typedef struct svg_node {
    char name[64];   /* <title> */
    char line[64];   /* first <text>: the first label line */
    double x;        /* centre */
    int dashed;
} svg_node;

/* Text content of node (a new string, caller xmlFree's). */
static char *text_of(xmlNode *n)
{
    return (char *)xmlNodeGetContent(n);
}

/* Numeric attribute name of n; asserts it is there. */
static double attr_num(xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    assert_non_null(v);
    double d = strtod((const char *)v, NULL);
    xmlFree(v);
    return d;
}

/* Centre x of a polygon: halfway between its extreme x coordinates. */
static double polygon_x(xmlNode *n)
{
    xmlChar *pts = xmlGetProp(n, (const xmlChar *)"points");
    assert_non_null(pts);
    double lo = 1e9, hi = -1e9;
    for (char *p = (char *)pts; *p;) {
        char *end;
        double x = strtod(p, &end);
        if (end == p) break;
        lo = x < lo ? x : lo;
        hi = x > hi ? x : hi;
        p = strchr(end, ' ');
        if (!p) break;
        p++;
    }
    xmlFree(pts);
    return (lo + hi) / 2;
}

/* True if n is an element called name. */
static int is_elem(xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Reads one <g class="node"> into out. */
static void read_svg_node(xmlNode *g, svg_node *out)
{
    memset(out, 0, sizeof *out);
    int have_x = 0;
    for (xmlNode *c = g->children; c; c = c->next) {
        char *dst = is_elem(c, "title") ? out->name
                    : is_elem(c, "text") && !out->line[0] ? out->line : NULL;
        if (dst) {
            char *t = text_of(c);
            snprintf(dst, sizeof out->line, "%s", t);
            xmlFree(t);
        }
        if (is_elem(c, "text") && !have_x) {
            out->x = attr_num(c, "x");
        } else if (is_elem(c, "ellipse")) {
            out->x = attr_num(c, "cx");
            have_x = 1;
        } else if (is_elem(c, "polygon")) {
            out->x = polygon_x(c);
            have_x = 1;
        }
        if ((is_elem(c, "polygon") || is_elem(c, "ellipse")) &&
            xmlHasProp(c, (const xmlChar *)"stroke-dasharray"))
            out->dashed = 1;
    }
}

/* Collects the node groups under n into nodes (at most max); returns the
 * new count. */
static size_t collect_svg_nodes(xmlNode *n, svg_node *nodes, size_t count, size_t max)
{
    for (; n; n = n->next) {
        if (!is_elem(n, "g")) continue;
        xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class");
        int node = cls && strcmp((const char *)cls, "node") == 0;
        xmlFree(cls);
        if (node && count < max) read_svg_node(n, &nodes[count++]);
        else count = collect_svg_nodes(n->children, nodes, count, max);
    }
    return count;
}

/* The node whose first label line is line; asserts there is one. */
static const svg_node *svg_find(const svg_node *nodes, size_t n, const char *line)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(nodes[i].line, line) == 0) return &nodes[i];
    print_error("no svg node %s\n", line);
    fail();
    return NULL;
}

/* The laid-out SVG parses as XML and reads as a timeline: events left to
 * right in time order, the publication on its day's rank, vague ones
 * dashed. */
static void test_svg_timeline(void **st)
{
    state *s = *st;
    zs_buf b = render(s->graph, "svg");
    xmlDoc *doc = xmlReadMemory(b.data, (int)b.len, "fixture.svg", NULL,
                                XML_PARSE_NONET);
    assert_non_null(doc);
    xmlNode *root = xmlDocGetRootElement(doc);
    assert_true(is_elem(root, "svg"));
    svg_node nodes[32];
    size_t n = collect_svg_nodes(root->children, nodes, 0, 32);
    /* four date nodes, four dated events, the publication */
    assert_int_equal(n, 9);
    const svg_node *angriff = svg_find(nodes, n, "Angriff");
    const svg_node *telefonat = svg_find(nodes, n, "Telefonat");
    const svg_node *treffen = svg_find(nodes, n, "Treffen");
    const svg_node *gipfel = svg_find(nodes, n, "Gipfel in Hamburg");
    const svg_node *pub = svg_find(nodes, n, "Veröffentlichung");
    assert_true(angriff->x < telefonat->x);
    assert_true(telefonat->x < treffen->x);
    assert_true(telefonat->x < gipfel->x);
    assert_true(treffen->x < gipfel->x);
    /* same day, same rank */
    assert_true(pub->x > telefonat->x - 0.5 && pub->x < telefonat->x + 0.5);
    assert_true(angriff->dashed && treffen->dashed);
    assert_false(telefonat->dashed || gipfel->dashed);
    assert_string_equal(angriff->name, "e4");
    for (size_t i = 0; i < n; i++) assert_null(strstr(nodes[i].line, "Untersuchung"));
    xmlFreeDoc(doc);
    zs_buf_free(&b);
}

/* PNG output starts with the PNG signature. */
static void test_png(void **st)
{
    state *s = *st;
    zs_buf b = render(s->graph, "png");
    assert_true(b.len > 8);
    assert_memory_equal(b.data, "\x89PNG\r\n\x1a\n", 8);
    zs_buf_free(&b);
}

/* Last occurrence of the C string key in the n bytes of data (which may
 * hold NULs), or NULL. */
static const char *find_last(const char *data, size_t n, const char *key)
{
    size_t k = strlen(key);
    for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
        if (memcmp(data + i, key, k) == 0) return data + i;
    return NULL;
}

/* Asserts that the PDF's startxref and cross-reference entries point at
 * "xref" and at "N 0 obj". */
static void assert_pdf_xref(const zs_buf *b)
{
    const char *sx = find_last(b->data, b->len, "startxref\n");
    assert_non_null(sx);
    size_t xref = strtoul(sx + 10, NULL, 10);
    assert_true(xref < b->len);
    assert_memory_equal(b->data + xref, "xref\n0 ", 7);
    char *end;
    unsigned long count = strtoul(b->data + xref + 7, &end, 10);
    const char *e = end + 1;
    for (unsigned long i = 0; i < count; i++, e += 20) {
        if (e[17] != 'n') continue;
        size_t off = strtoul(e, NULL, 10);
        char obj[24];
        int n = snprintf(obj, sizeof obj, "%lu 0 obj", i);
        assert_true(off + (size_t)n < b->len);
        assert_memory_equal(b->data + off, obj, (size_t)n);
    }
}

/* PDF output: a valid cross-reference table, no creation date unless
 * SOURCE_DATE_EPOCH sets one. */
static void test_pdf(void **st)
{
    state *s = *st;
    zs_buf b = render(s->graph, "pdf");
    assert_memory_equal(b.data, "%PDF-", 5);
    assert_pdf_xref(&b);
    assert_null(find_last(b.data, b.len, "/CreationDate"));
    zs_buf_free(&b);

    setenv("SOURCE_DATE_EPOCH", "1493752000", 1);
    b = render(s->graph, "pdf");
    unsetenv("SOURCE_DATE_EPOCH");
    assert_memory_equal(b.data, "%PDF-", 5);
    assert_pdf_xref(&b);
    assert_non_null(find_last(b.data, b.len, "/CreationDate (D:20170502190640Z)"));
    zs_buf_free(&b);
}

/* Two renders of every format, a second apart and in different time zones
 * (cairo stamps PDFs with the local time), are byte-identical. */
static void test_reproducible(void **st)
{
    state *s = *st;
    zs_buf first[NFORMATS];
    setenv("TZ", "UTC0", 1);
    tzset();
    for (size_t i = 0; i < NFORMATS; i++) first[i] = render(s->graph, formats[i]);
    sleep(1);
    setenv("TZ", "IST-5:30", 1);
    tzset();
    for (size_t i = 0; i < NFORMATS; i++) {
        zs_buf again = render(s->graph, formats[i]);
        if (again.len != first[i].len || memcmp(again.data, first[i].data, again.len))
            print_error("%s differs between renders\n", formats[i]);
        assert_int_equal(again.len, first[i].len);
        assert_memory_equal(again.data, first[i].data, again.len);
        zs_buf_free(&again);
        zs_buf_free(&first[i]);
    }
    unsetenv("TZ");
    tzset();
}

/* The writer appends to what the buffer holds. */
static void test_appends(void **st)
{
    state *s = *st;
    zs_buf b = {0};
    zs_error err = {0};
    zs_buf_puts(&b, "prefix\n");
    assert_int_equal(zs_write_graphviz(s->graph, "dot", &no_options, &b, &err), 0);
    assert_memory_equal(b.data, "prefix\ndigraph zeitstrahl {", 27);
    zs_buf_free(&b);
}

/* Unknown formats fail with ZS_ERR_USAGE and write nothing. */
static void test_unknown_format(void **st)
{
    state *s = *st;
    static const char *const bad[] = {"jpeg", "", "DOT", "svgz"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        zs_buf b = {0};
        zs_error err = {0};
        assert_int_equal(zs_write_graphviz(s->graph, bad[i], &no_options, &b, &err), -1);
        assert_int_equal(err.code, ZS_ERR_USAGE);
        assert_true(err.msg[0] != '\0');
        assert_int_equal(b.len, 0);
        zs_buf_free(&b);
    }
}

/* With several documents, node names carry the document's position and
 * each document gets its own publication marker naming it. */
static void test_several_docs(void **st)
{
    state *s = *st;
    zs_doc *other = fixture_doc();
    free(other->name);
    other->name = zs_xstrdup("zweiter.txt");
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, s->doc);
    zs_graph_add(g, other);
    zs_graph_finish(g);
    zs_buf b = render(g, "dot");
    assert_non_null(strstr(b.data, "d1_e1\t["));
    assert_non_null(strstr(b.data, "d1_e4\t["));
    /* the second document reports the same events: one node each */
    assert_null(strstr(b.data, "d2_e4\t["));
    assert_non_null(strstr(b.data, "d1_pub\t["));
    assert_non_null(strstr(b.data, "d2_pub\t["));
    assert_non_null(strstr(b.data, "\\nzweiter.txt\""));
    assert_null(strstr(b.data, "\te1\t["));
    zs_buf_free(&b);
    b = render(g, "svg");
    zs_buf_free(&b);
    zs_graph_free(g);
    fixture_doc_free(other);
}

/* A mod makes an event vague even at day granularity: dashed, with the
 * mod's word before the date. */
static void test_mod_is_vague(void **st)
{
    state *s = *st;
    zs_event *e = &s->doc->events[2];
    assert_string_equal(e->title, "Gipfel in Hamburg");
    e->mod = ZS_MOD_APPROX;
    zs_buf b = render(s->graph, "dot");
    e->mod = ZS_MOD_NONE;
    char *attrs = dot_node_attrs(b.data, "Gipfel in Hamburg");
    assert_non_null(strstr(attrs, "\\netwa Fr., 7. \u2013 Sa., 8. Juli 2017\""));
    assert_non_null(strstr(attrs, "style=dashed"));
    free(attrs);
    zs_buf_free(&b);
}

/* An event that took its interval from another ("teilte ... nach einem
 * Telefonat ... mit") is labelled with that event's part of day. */
static void test_borrowed_part_of_day(void **st)
{
    state *s = *st;
    zs_event *e = &s->doc->events[4], *call = &s->doc->events[0];
    assert_string_equal(e->title, "Untersuchung");
    assert_string_equal(call->title, "Telefonat");
    assert_int_equal(e->time, -1);
    e->has_interval = true;
    e->begin = call->begin;
    e->until = call->until;
    e->gran = call->gran;
    zs_buf b = render(s->graph, "dot");
    e->has_interval = false;
    char *attrs = dot_node_attrs(b.data, "Untersuchung");
    assert_non_null(strstr(attrs, "\\nDi., 2. Mai 2017, abends\""));
    free(attrs);
    zs_buf_free(&b);
}

/* Puts an anchor link "event BEFORE the timex of mention" into d, as
 * "eine Untersuchung vor dem 8. Juli" has; the caller drops it by
 * d->ntlinks = d->nbase = 0. */
static void bound_link(zs_doc *d, size_t event, const char *mention, zs_relkind rel)
{
    size_t k = 0;
    while (strncmp(d->text + d->timexes[k].b0, mention, strlen(mention)) != 0) k++;
    ZS_GROW(d->tlinks, d->tlinks_cap, d->ntlinks + 1);
    zs_tlink *l = &d->tlinks[d->ntlinks++];
    memset(l, 0, sizeof *l);
    snprintf(l->from, sizeof l->from, "%s", d->events[event].id);
    snprintf(l->to, sizeof l->to, "%s", d->timexes[k].id);
    snprintf(l->source, sizeof l->source, "anchor");
    l->rel = rel;
    l->contradiction = -1;
    d->nbase = d->ntlinks;
}

/* An undated event that lies before or after a date ("vor dem 8. Juli")
 * or lasts until it ("bis zum 8. Juli") stands in that date's column,
 * dashed, its label saying "vor", "nach" or "bis"; the readable table
 * lists it there too, not as undated. */
static void test_bound_event(void **st)
{
    state *s = *st;
    zs_event *e = &s->doc->events[4];
    assert_string_equal(e->title, "Untersuchung");
    assert_false(e->has_interval);
    zs_buf plain = render(s->graph, "dot");
    assert_null(strstr(plain.data, "Untersuchung"));
    zs_buf_free(&plain);
    bound_link(s->doc, 4, "8. Juli", ZS_REL_BEFORE);
    zs_buf b = render(s->graph, "dot");
    zs_buf text = {0};
    zs_error err = {0};
    assert_int_equal(zs_write_text(s->graph, &text, &err), 0);
    s->doc->ntlinks = s->doc->nbase = 0;
    bound_link(s->doc, 4, "8. Juli", ZS_REL_AFTER);
    zs_buf after = render(s->graph, "dot");
    s->doc->ntlinks = s->doc->nbase = 0;
    bound_link(s->doc, 4, "8. Juli", ZS_REL_ENDED_BY); /* "bis zum 8. Juli" */
    zs_buf until = render(s->graph, "dot");
    zs_buf until_text = {0};
    assert_int_equal(zs_write_text(s->graph, &until_text, &err), 0);
    s->doc->ntlinks = s->doc->nbase = 0;
    char *attrs = dot_node_attrs(b.data, "Untersuchung");
    assert_non_null(strstr(attrs, "\"Untersuchung\\nvor Sa., 8. Juli 2017\""));
    assert_non_null(strstr(attrs, "style=dashed"));
    free(attrs);
    assert_non_null(strstr(b.data, "day_2017_07_08 -> e5"));
    attrs = dot_node_attrs(after.data, "Untersuchung");
    assert_non_null(strstr(attrs, "\"Untersuchung\\nnach Sa., 8. Juli 2017\""));
    free(attrs);
    attrs = dot_node_attrs(until.data, "Untersuchung");
    assert_non_null(strstr(attrs, "\"Untersuchung\\nbis Sa., 8. Juli 2017\""));
    free(attrs);
    assert_non_null(strstr(until_text.data, "  until 2017-07-08                        Untersuchung\n"));
    zs_buf_free(&until);
    zs_buf_free(&until_text);
    assert_non_null(strstr(text.data, "  before 2017-07-08                       Untersuchung\n"));
    assert_null(strstr(text.data, "Undated"));
    zs_buf_free(&b);
    zs_buf_free(&after);
    zs_buf_free(&text);
}

/* Titles reach the label verbatim: backslashes do not become Graphviz
 * escapes (\n, \N) and quotes are escaped in DOT. */
static void test_label_escaping(void **st)
{
    state *s = *st;
    zs_event *e = &s->doc->events[0];
    char *saved = e->title;
    e->title = zs_xstrdup("\"Gespräch\" A\\N");
    zs_buf b = render(s->graph, "dot");
    assert_non_null(strstr(b.data, "label=\"\\\"Gespräch\\\" A\\\\N\\n"));
    zs_buf_free(&b);
    b = render(s->graph, "svg");
    assert_non_null(strstr(b.data, ">&quot;Gespräch&quot; A\\N</text>"));
    zs_buf_free(&b);
    free(e->title);
    e->title = saved;
}

/* A contradiction is drawn in red: the contradicted link bold with its
 * relation, the links that imply the opposite dashed, their ends red. */
static void test_contradiction_red(void **st)
{
    (void)st;
    zs_doc *d = fixture_doc();
    d->tlinks = zs_xcalloc(2, sizeof *d->tlinks);
    d->tlinks[0] = (zs_tlink){"e2", "e3", ZS_REL_IS_INCLUDED, "signal:am rande", 0};
    d->tlinks[1] = (zs_tlink){"e2", "e3", ZS_REL_AFTER, "signal:nach", -1};
    d->ntlinks = d->tlinks_cap = 2;
    d->contras = zs_xcalloc(1, sizeof *d->contras);
    d->contras[0].link = 0;
    d->contras[0].with = zs_xcalloc(1, sizeof *d->contras[0].with);
    d->contras[0].with[0] = 1;
    d->contras[0].nwith = 1;
    d->ncontras = d->contras_cap = 1;
    zs_graph *g = fixture_graph(d);
    zs_buf b = render(g, "dot");
    const char *bold = strstr(b.data, "e2 -> e3\t[arrowhead=normal,\n\t\tcolor=red");
    assert_non_null(bold);
    assert_non_null(strstr(bold, "label=IS_INCLUDED,\n\t\tstyle=bold"));
    assert_non_null(strstr(bold, "label=AFTER,\n\t\tstyle=dashed"));
    char *attrs = dot_node_attrs(b.data, "Treffen");
    assert_non_null(strstr(attrs, "color=red"));
    free(attrs);
    attrs = dot_node_attrs(b.data, "Telefonat");
    assert_null(strstr(attrs, "color=red"));
    free(attrs);
    zs_buf_free(&b);
    b = render(g, "svg"); /* and it lays out */
    zs_buf_free(&b);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* Mentions of one event are one node: the first dated mention. */
static void test_mentions_one_node(void **st)
{
    (void)st;
    zs_doc *d = fixture_doc();
    d->events[3].coref = 1; /* "Angriff" is another mention of "Treffen" */
    zs_graph *g = fixture_graph(d);
    zs_buf b = render(g, "dot");
    assert_non_null(strstr(b.data, "label=\"Treffen\\n"));
    assert_null(strstr(b.data, "label=\"Angriff\\n"));
    zs_buf_free(&b);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* A timeline over two years or more has year clusters. */
static void test_year_clusters(void **st)
{
    (void)st;
    zs_doc *d = fixture_doc();
    d->events[3].begin -= 3 * 365 * 86400LL; /* "Angriff" in April 2014 */
    d->events[3].until -= 3 * 365 * 86400LL;
    zs_graph *g = fixture_graph(d);
    zs_buf b = render(g, "dot");
    const char *y14 = strstr(b.data, "subgraph cluster_2014 {");
    const char *y17 = strstr(b.data, "subgraph cluster_2017 {");
    assert_true(y14 && y17 && y14 < y17);
    assert_null(strstr(b.data, "cluster_2017_07"));
    assert_non_null(strstr(b.data, "label=2017"));
    zs_buf_free(&b);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* Gives event i of d the participants names (NULL-terminated). */
static void set_participants(zs_doc *d, size_t i, const char *const *names)
{
    zs_event *e = &d->events[i];
    for (; *names; names++) {
        e->participants = zs_xreallocarray(e->participants, e->nparticipants + 1,
                                           sizeof *e->participants);
        e->participants[e->nparticipants++] = zs_xstrdup(*names);
    }
}

/* The text of the cluster subgraph that starts at s (up to its closing
 * brace at the start of a line), as a new string. */
static char *cluster_text(const char *s)
{
    const char *end = strstr(s, "\n\t}");
    assert_non_null(end);
    return strndup(s, (size_t)(end - s));
}

/* --layout swimlanes: a row per participant, in the order the timeline
 * names them, labelled with the name; an event in the row of its
 * participant named first; events without participants and the
 * publication in the last row; no month clusters; day columns across. */
static void test_swimlanes(void **st)
{
    (void)st;
    zs_doc *d = fixture_doc();
    /* e1 Telefonat (2 May), e2 Treffen (July), e3 Gipfel (7 July) */
    set_participants(d, 0, (const char *const[]){"Putin", "Trump", NULL});
    set_participants(d, 1, (const char *const[]){"Merkel", "Trump", NULL});
    zs_graph *g = fixture_graph(d);
    zs_buf b = {0};
    zs_error err = {0};
    zs_write_options o = {.layout = "swimlanes"};
    assert_int_equal(zs_write_graphviz(g, "dot", &o, &b, &err), 0);
    assert_non_null(strstr(b.data, "newrank=true"));
    assert_null(strstr(b.data, "cluster_2017_07"));
    assert_non_null(strstr(b.data, "label=\"Fr., 7. Juli 2017\"")); /* the axis with years */
    const char *l1 = strstr(b.data, "subgraph cluster_lane_1 {");
    const char *l2 = strstr(b.data, "subgraph cluster_lane_2 {");
    const char *l3 = strstr(b.data, "subgraph cluster_lane_3 {");
    assert_true(l1 && l2 && l3);
    assert_null(strstr(b.data, "cluster_lane_4"));
    char *c1 = cluster_text(l1), *c2 = cluster_text(l2), *c3 = cluster_text(l3);
    /* in time order: the attack (early April, no participants) opens the
     * last row, the call (Putin, Trump) Putin's row, the meeting (Merkel,
     * Trump) finds no row of its participants and opens Merkel's; the
     * summit and the publication join the last row */
    assert_non_null(strstr(c1, "label=Sonstige"));
    assert_non_null(strstr(c1, "\te4")); /* the attack, early April */
    assert_non_null(strstr(c1, "\tpub"));
    assert_non_null(strstr(c2, "label=Putin"));
    assert_non_null(strstr(c2, "\te1"));
    assert_non_null(strstr(c3, "label=Merkel"));
    assert_non_null(strstr(c3, "\te2"));
    assert_null(strstr(b.data, "label=Trump")); /* no event has Trump first */
    /* the nodes keep their own labels, not their lane's */
    assert_non_null(strstr(b.data, "e1\t[label=\"Telefonat\\nDi., 2. Mai 2017, abends\"]"));
    assert_non_null(strstr(b.data, "label=\"Gipfel in Hamburg\\n"));
    free(c1);
    free(c2);
    free(c3);
    zs_buf_free(&b);
    assert_int_equal(zs_write_graphviz(g, "svg", &o, &b, &err), 0);
    assert_non_null(strstr(b.data, "Putin"));
    assert_non_null(strstr(b.data, "Sonstige"));
    zs_buf_free(&b);
    zs_graph_free(g);
    fixture_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dot_content),
        cmocka_unit_test(test_dot_cancelled),
        cmocka_unit_test(test_dot_ongoing),
        cmocka_unit_test(test_bound_event),
        cmocka_unit_test(test_svg_timeline),
        cmocka_unit_test(test_png),
        cmocka_unit_test(test_pdf),
        cmocka_unit_test(test_reproducible),
        cmocka_unit_test(test_appends),
        cmocka_unit_test(test_unknown_format),
        cmocka_unit_test(test_several_docs),
        cmocka_unit_test(test_mod_is_vague),
        cmocka_unit_test(test_borrowed_part_of_day),
        cmocka_unit_test(test_label_escaping),
        cmocka_unit_test(test_contradiction_red),
        cmocka_unit_test(test_mentions_one_node),
        cmocka_unit_test(test_year_clusters),
        cmocka_unit_test(test_swimlanes),
    };
    int rc = cmocka_run_group_tests(tests, setup, teardown);
    xmlCleanupParser();
    return rc;
}
