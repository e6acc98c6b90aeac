/* TimeML in and out: KRAUTS raw-text files read, tagged and written back
 * byte for byte but for the TIMEX3 tags (../shared/corpora, skipped when
 * absent); TempEval-3 files whose markup (EVENT, SIGNAL, old TIMEX3) meets
 * the new tags; entities, CR LF, comments, CDATA and crossing tags in
 * hand-written TimeML; errors; plain text as a new TimeML document; and
 * eval scoring the TimeML output exactly as it scores zeitstrahl itself. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "doc.h"
#include "eval.h"
#include "timeml.h"
#include "fixture.h"
#include "zeitstrahl.h"

#define CORPORA "../shared/corpora"
#define KRAUTS CORPORA "/krauts"
#define TBAQ CORPORA "/tempeval3/TBAQ-cleaned"

/* ---- helpers ------------------------------------------------------------ */

/* The *.tml files of dir, sorted, as new strings (free with free_names);
 * NULL (and *n = 0) if dir cannot be read. */
static char **tml_files(const char *dir, size_t *n)
{
    *n = 0;
    DIR *dh = opendir(dir);
    if (!dh) return NULL;
    char **names = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".tml") != 0) continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            assert_non_null(names);
        }
        names[(*n)++] = strdup(e->d_name);
    }
    closedir(dh);
    for (size_t i = 1; i < *n; i++) /* insertion sort: a few hundred names */
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    return names;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
}

/* The bytes of a file (NUL-terminated; free it). Fails the test if absent. */
static char *slurp(const char *path, size_t *len)
{
    zs_error err;
    char *s = zs_read_file(path, len, &err);
    if (!s) fail_msg("%s", err.msg);
    return s;
}

/* s[0..n) with every TIMEX3 tag (start, end, empty) between the first
 * <TEXT ...> and the last </TEXT> removed, and the empty TIMEX3 elements of
 * dates (temporalFunction="true") that the writer puts right after
 * </TEXT>, each after a newline (their number in *points if not NULL);
 * new string, length in *out_n. */
static char *strip_timex3(const char *s, size_t n, size_t *out_n, size_t *points)
{
    char *o = malloc(n + 1);
    assert_non_null(o);
    const char *tb = strstr(s, "<TEXT");
    assert_non_null(tb);
    tb = strchr(tb, '>');
    assert_non_null(tb);
    const char *te = NULL;
    for (const char *p = tb; (p = strstr(p, "</TEXT>")) != NULL; p++) te = p;
    assert_non_null(te);
    size_t k = 0;
    const char *after = te + strlen("</TEXT>");
    if (points) *points = 0;
    for (size_t i = 0; i < n;) {
        const char *p = s + i;
        if (p == after && strncmp(p, "\n<TIMEX3 ", 9) == 0) {
            const char *gt = strchr(p, '>');
            assert_non_null(gt);
            const char *fn = strstr(p, " temporalFunction=\"true\"");
            if (gt[-1] == '/' && fn && fn < gt) {
                i = (size_t)(gt - s) + 1;
                after = gt + 1;
                if (points) ++*points;
                continue;
            }
        }
        bool inside = p > tb && p < te;
        bool open = inside && strncmp(p, "<TIMEX3", 7) == 0 && strchr(" \t\n/>", p[7]);
        bool close = inside && strncmp(p, "</TIMEX3>", 9) == 0;
        if (open || close) {
            const char *gt = strchr(p, '>');
            assert_non_null(gt);
            i = (size_t)(gt - s) + 1;
            continue;
        }
        o[k++] = s[i++];
    }
    o[k] = '\0';
    *out_n = k;
    return o;
}

/* The first element named name below (or at) node, or NULL. */
static xmlNodePtr find_element(xmlNodePtr node, const char *name)
{
    for (xmlNodePtr c = node; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (xmlStrcmp(c->name, BAD_CAST name) == 0) return c;
        xmlNodePtr r = find_element(c->children, name);
        if (r) return r;
    }
    return NULL;
}

/* Appends the TIMEX3 elements below node, in document order, to *v. */
static void collect_timex3(xmlNodePtr node, xmlNodePtr **v, size_t *n, size_t *cap)
{
    for (xmlNodePtr c = node; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (xmlStrcmp(c->name, BAD_CAST "TIMEX3") == 0) {
            if (*n == *cap) {
                *cap = *cap ? *cap * 2 : 32;
                *v = realloc(*v, *cap * sizeof **v);
                assert_non_null(*v);
            }
            (*v)[(*n)++] = c;
        }
        collect_timex3(c->children, v, n, cap);
    }
}

/* The value of attribute name of node as a new string, or NULL. */
static char *get_attr(xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetProp(node, BAD_CAST name);
    if (!v) return NULL;
    char *s = strdup((const char *)v);
    xmlFree(v);
    return s;
}

/* Asserts the attribute name of node is want (NULL: absent). */
static void expect_attr(xmlNodePtr node, const char *name, const char *want)
{
    char *v = get_attr(node, name);
    if (!want && v) fail_msg("unexpected %s=\"%s\"", name, v);
    if (want && !v) fail_msg("no %s (want \"%s\")", name, want);
    if (want) assert_string_equal(v, want);
    free(v);
}

/* Indices of d's timexes ordered by extent (new array). */
static size_t *timex_order(const zs_doc *d)
{
    size_t *ord = malloc((d->ntimexes + 1) * sizeof *ord);
    assert_non_null(ord);
    for (size_t i = 0; i < d->ntimexes; i++) ord[i] = i;
    for (size_t i = 1; i < d->ntimexes; i++)
        for (size_t j = i; j > 0; j--) {
            const zs_timex *a = &d->timexes[ord[j - 1]], *b = &d->timexes[ord[j]];
            if (a->b0 < b->b0 || (a->b0 == b->b0 && a->b1 <= b->b1)) break;
            size_t t = ord[j];
            ord[j] = ord[j - 1];
            ord[j - 1] = t;
        }
    return ord;
}

/* Checks the date that duration t, written as the TIMEX3 element el,
 * points to (pt): el's beginPoint (pointing back) or endPoint (ahead)
 * names an empty TIMEX3 that is a child of root after TEXT, a DATE of
 * pt's value whose value a temporal function gives from anchor
 * (anchorTimeID; NULL: none), and el's other point is anchor. */
static void check_point(xmlNodePtr root, xmlNodePtr el, const zs_timex *t, const zs_rv *pt,
                        const char *anchor)
{
    bool back = t->tv.dir == ZS_DIR_PAST;
    char *pid = get_attr(el, back ? "beginPoint" : "endPoint");
    if (!pid) fail_msg("duration %s: no %s", t->rv.value, back ? "beginPoint" : "endPoint");
    expect_attr(el, back ? "endPoint" : "beginPoint", anchor);
    bool after_text = false;
    xmlNodePtr found = NULL;
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (xmlStrcmp(c->name, BAD_CAST "TEXT") == 0) after_text = true;
        if (xmlStrcmp(c->name, BAD_CAST "TIMEX3") != 0) continue;
        char *tid = get_attr(c, "tid");
        if (tid && strcmp(tid, pid) == 0) {
            assert_true(after_text);
            assert_null(found);
            found = c;
        }
        free(tid);
    }
    if (!found) fail_msg("no TIMEX3 %s after TEXT", pid);
    assert_null(found->children);
    expect_attr(found, "type", "DATE");
    expect_attr(found, "value", pt->value);
    expect_attr(found, "temporalFunction", "true");
    expect_attr(found, "anchorTimeID", anchor);
    expect_attr(found, "beginPoint", NULL);
    expect_attr(found, "endPoint", NULL);
    free(pid);
}

/* Checks the TimeML out (written for d, none left out) as a TimeML tool
 * would read it: well-formed; TEXT's content is d's text; its TIMEX3
 * elements are d's timexes in text order, each around its mention, with
 * type, value, mod and anchorTimeID (anchor_tid for values anchored to the
 * DCT), but a duration that points back or ahead with beginPoint and
 * endPoint instead (check_point); tids unique in the whole document and
 * none "t0" but the DCT's; the creation-time TIMEX3 has tid t0 and value
 * dct (if not NULL). Returns the number of durations that point. */
static size_t check_output(const zs_doc *d, const char *out, size_t len, const char *anchor_tid,
                           const char *dct)
{
    size_t npoints = 0;
    xmlDocPtr x = xmlReadMemory(out, (int)len, "out.tml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                XML_PARSE_NOWARNING);
    if (!x) fail_msg("%s: output is not well-formed XML", d->name);
    xmlNodePtr root = xmlDocGetRootElement(x);
    assert_non_null(root);
    xmlNodePtr text = find_element(root, "TEXT");
    assert_non_null(text);
    xmlChar *content = xmlNodeGetContent(text);
    assert_non_null(content);
    assert_int_equal(strlen((const char *)content), d->len);
    assert_memory_equal(content, d->text, d->len);
    xmlFree(content);

    xmlNodePtr *all = NULL, *in = NULL;
    size_t nall = 0, call = 0, nin = 0, cin = 0;
    collect_timex3(root, &all, &nall, &call);
    collect_timex3(text->children, &in, &nin, &cin);
    for (size_t i = 0; i < nall; i++) {
        char *ti = get_attr(all[i], "tid");
        for (size_t j = i + 1; ti && j < nall; j++) {
            char *tj = get_attr(all[j], "tid");
            if (tj && strcmp(ti, tj) == 0) fail_msg("%s: tid %s twice", d->name, ti);
            free(tj);
        }
        char *fn = get_attr(all[i], "functionInDocument");
        if (fn && strcmp(fn, "CREATION_TIME") == 0) {
            assert_non_null(ti);
            assert_string_equal(ti, "t0");
            if (dct) expect_attr(all[i], "value", dct);
        }
        free(fn);
        free(ti);
    }
    assert_int_equal(nin, d->ntimexes);
    size_t *ord = timex_order(d);
    for (size_t i = 0; i < nin; i++) {
        const zs_timex *t = &d->timexes[ord[i]];
        xmlChar *m = xmlNodeGetContent(in[i]);
        assert_non_null(m);
        if (strlen((const char *)m) != t->b1 - t->b0 ||
            memcmp(m, d->text + t->b0, t->b1 - t->b0) != 0)
            fail_msg("%s: TIMEX3 holds \"%s\", mention is \"%.*s\"", d->name, (const char *)m,
                     (int)(t->b1 - t->b0), d->text + t->b0);
        xmlFree(m);
        char *tid = get_attr(in[i], "tid");
        assert_non_null(tid);
        assert_true(tid[0] == 't' && atoi(tid + 1) > 0);
        free(tid);
        expect_attr(in[i], "type", zs_ttype_name(t->rv.type));
        expect_attr(in[i], "value", t->rv.value);
        const char *mod = zs_mod_name(t->rv.mod);
        expect_attr(in[i], "mod", *mod ? mod : NULL);
        const char *anchor = anchor_tid && t->anchor == ZS_ANCHOR_DCT ? anchor_tid : NULL;
        zs_rv pt;
        bool point = zs_tv_point(&t->tv, &t->rv, &pt);
        expect_attr(in[i], "anchorTimeID", point ? NULL : anchor);
        if (point) {
            check_point(root, in[i], t, &pt, anchor);
            npoints++;
        } else {
            expect_attr(in[i], "beginPoint", NULL);
            expect_attr(in[i], "endPoint", NULL);
        }
    }
    free(ord);
    free(all);
    free(in);
    xmlFreeDoc(x);
    return npoints;
}

/* Reads TimeML text (NUL-terminated) as doc name with opts; fails the test
 * on error. */
static zs_doc *doc_from(const char *name, const char *text, const zs_options *opts)
{
    zs_error err = {0};
    zs_doc *d = zs_doc_from_timeml(fixture_de, name, text, strlen(text), opts, &err);
    if (!d) fail_msg("%s", err.msg);
    return d;
}

/* d written as TimeML (new string, length in *len); *skipped gets the
 * timexes left out. */
static char *write_doc(const zs_doc *d, size_t *len, size_t *skipped)
{
    zs_buf b = {0};
    assert_int_equal(zs_timeml_write_doc(d, &b, skipped), 0);
    zs_buf_grow(&b, 0);
    *len = b.len;
    return b.data;
}

/* ---- KRAUTS raw text ---------------------------------------------------- */

/* Every raw-text file of one KRAUTS subset: read, tagged, written; without
 * the new tags (and the dates after TEXT that durations point to) the
 * output is the input; TimeML tools see the timexes. */
static void round_trip_dir(const char *dir, size_t *docs, size_t *timexes, size_t *points)
{
    size_t n;
    char **names = tml_files(dir, &n);
    for (size_t i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *in = slurp(path, &len);
        zs_error err = {0};
        zs_doc *d = zs_doc_from_timeml(fixture_de, path, in, len, NULL, &err);
        if (!d) fail_msg("%s", err.msg);
        /* the DCT is the file's CREATION_TIME value, a date */
        const char *v = strstr(in, "functionInDocument=\"CREATION_TIME\">");
        assert_non_null(v);
        v += strlen("functionInDocument=\"CREATION_TIME\">");
        assert_memory_equal(d->dct_iso, v, 10);
        size_t olen, skipped;
        char *out = write_doc(d, &olen, &skipped);
        assert_int_equal(skipped, 0);
        size_t slen, np;
        char *back = strip_timex3(out, olen, &slen, &np);
        if (slen != len || memcmp(back, in, len) != 0)
            fail_msg("%s: output without the new TIMEX3 tags differs from the input", path);
        /* the DCT element is untouched, and so is everything up to TEXT */
        const char *text_in = strstr(in, "<TEXT>"), *text_out = strstr(out, "<TEXT>");
        assert_non_null(text_in);
        assert_true(text_out - out == text_in - in);
        assert_memory_equal(out, in, (size_t)(text_in - in));
        assert_int_equal(check_output(d, out, olen, "t0", NULL), np);
        *points += np;
        *timexes += d->ntimexes;
        (*docs)++;
        free(back);
        free(out);
        zs_doc_free(d);
        free(in);
    }
    free_names(names, n);
}

static void test_krauts_round_trip(void **state)
{
    (void)state;
    struct stat st;
    if (stat(KRAUTS "/KRAUTS_Dolomiten-42_raw-text", &st) != 0) skip();
    size_t docs = 0, timexes = 0, points = 0;
    round_trip_dir(KRAUTS "/KRAUTS_Dolomiten-42_raw-text", &docs, &timexes, &points);
    assert_int_equal(docs, 42);
    round_trip_dir(KRAUTS "/KRAUTS_Dolomiten-100_raw-text", &docs, &timexes, &points);
    assert_true(timexes > 300); /* the tagger found the dates it finds */
    assert_true(points > 0);    /* "vor zwei Jahren", "in einem Jahr" */
}

/* Through the format's writer function: one doc, or an error. */
static void test_writer_entry(void **state)
{
    (void)state;
    const char *src = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-05-02\" "
                      "functionInDocument=\"CREATION_TIME\">2017-05-02</TIMEX3></DCT>"
                      "<TEXT>Am Mittwoch kam er.</TEXT></TimeML>";
    zs_doc *d = doc_from("a.tml", src, NULL);
    zs_doc *d2 = doc_from("b.tml", src, NULL);
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    zs_buf b = {0}, b1 = {0};
    zs_error err = {0};
    assert_int_equal(zs_write_timeml(g, &b, &err), 0);
    size_t skipped = 99;
    assert_int_equal(zs_timeml_write_doc(d, &b1, &skipped), 0);
    assert_int_equal(skipped, 0);
    assert_string_equal(b.data, b1.data);
    assert_string_equal(b.data,
                        "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-05-02\" "
                        "functionInDocument=\"CREATION_TIME\">2017-05-02</TIMEX3></DCT>"
                        "<TEXT>Am <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-04-26\" "
                        "anchorTimeID=\"t0\">Mittwoch</TIMEX3> kam er.</TEXT></TimeML>");
    zs_graph_free(g);
    g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_add(g, d2);
    zs_graph_finish(g);
    zs_buf_reset(&b);
    assert_int_equal(zs_write_timeml(g, &b, &err), -1);
    assert_int_equal(err.code, ZS_ERR_USAGE);
    assert_non_null(strstr(err.msg, "one document"));
    zs_graph_free(g);
    zs_buf_free(&b);
    zs_buf_free(&b1);
    zs_doc_free(d);
    zs_doc_free(d2);
}

/* ---- entities, markup, line ends ------------------------------------------ */

static const char hand[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
    "<TimeML>\r\n"
    "<DOCID>hand &amp; made</DOCID>\r\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-05-02\" temporalFunction=\"false\" "
    "functionInDocument=\"CREATION_TIME\">2017-05-02</TIMEX3></DCT>\r\n"
    "<TEXT>\r\n"
    "M&#xFC;ller &amp; S&#246;hne &lt;GmbH&gt; <!-- a note --> teilten am "
    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"XXXX-WXX-3\">Mittwoch</TIMEX3> mit, dass "
    "&#8222;Anfang April&#8220; ein <EVENT eid=\"e1\" class=\"OCCURRENCE\">Treffen</EVENT> "
    "stattfand.<TIMEX3 tid=\"t9\" type=\"DATE\" value=\"2017\" temporalFunction=\"false\" />\r\n"
    "Am <EVENT eid=\"e2\" class=\"OCCURRENCE\">3. Mai</EVENT> &quot;tagen&quot; sie.\r\n"
    "</TEXT>\r\n"
    "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2017\" temporalFunction=\"false\" />\r\n"
    "<TLINK lid=\"l1\" relType=\"BEFORE\" timeID=\"t1\" relatedToTime=\"t0\"/>\r\n"
    "</TimeML>\r\n";

/* Offsets count decoded bytes: entities, character references and CR LF
 * line ends are mapped back to the file; the old TIMEX3 tags in TEXT go,
 * the EVENT tags, the comment, the TLINK and the timex after TEXT stay,
 * and the new tids skip that timex's t2. */
static void test_entities_and_markup(void **state)
{
    (void)state;
    zs_doc *d = doc_from("hand.tml", hand, NULL);
    const char *want_text = "\nM\xc3\xbcller & S\xc3\xb6hne <GmbH>  teilten am Mittwoch mit, dass "
                            "\xe2\x80\x9e" "Anfang April\xe2\x80\x9c ein Treffen stattfand.\n"
                            "Am 3. Mai \"tagen\" sie.\n";
    assert_string_equal(d->text, want_text);
    assert_string_equal(d->dct_iso, "2017-05-02");
    /* the tagger finds the three dates */
    const char *mentions[] = {"Mittwoch", "Anfang April", "3. Mai"};
    assert_int_equal(d->ntimexes, 3);
    for (size_t i = 0; i < 3; i++) {
        const zs_timex *t = &d->timexes[i];
        assert_int_equal(t->b1 - t->b0, strlen(mentions[i]));
        assert_memory_equal(d->text + t->b0, mentions[i], strlen(mentions[i]));
    }
    size_t len, skipped;
    char *out = write_doc(d, &len, &skipped);
    assert_int_equal(skipped, 0);
    check_output(d, out, len, "t0", "2017-05-02");
    /* the new tags sit around the entities' source; the EVENT keeps its tags
     * and takes the TIMEX3 inside */
    assert_non_null(strstr(out, "&#8222;<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2017-04\" "
                                "mod=\"START\" anchorTimeID=\"t0\">Anfang April</TIMEX3>&#8220;"));
    assert_non_null(strstr(out, "<EVENT eid=\"e2\" class=\"OCCURRENCE\"><TIMEX3 tid=\"t4\" "
                                "type=\"DATE\" value=\"2017-05-03\" anchorTimeID=\"t0\">3. Mai"
                                "</TIMEX3></EVENT> &quot;tagen&quot;"));
    assert_non_null(strstr(out, "teilten am <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-04-26\" "
                                "anchorTimeID=\"t0\">Mittwoch</TIMEX3> mit"));
    assert_non_null(strstr(out, "M&#xFC;ller &amp; S&#246;hne &lt;GmbH&gt; <!-- a note --> "));
    assert_null(strstr(out, "XXXX-WXX-3"));
    assert_null(strstr(out, "tid=\"t9\""));
    assert_non_null(strstr(out, "</TEXT>\r\n<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2017\" "
                                "temporalFunction=\"false\" />\r\n<TLINK"));
    /* everything else is the input: CR LF, the TLINK, the DCT */
    size_t n1, n2;
    char *a = strip_timex3(out, len, &n1, NULL), *b = strip_timex3(hand, strlen(hand), &n2, NULL);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
    free(out);
    zs_doc_free(d);
}

/* Replaces d's timexes by n hand-made ones over the byte ranges
 * r[0..2n) with value "2017" (so the writer can be tested apart from the
 * tagger). */
static void set_timexes(zs_doc *d, const uint32_t *r, size_t n)
{
    free(d->timexes);
    d->timexes = calloc(n ? n : 1, sizeof *d->timexes);
    assert_non_null(d->timexes);
    d->ntimexes = d->timexes_cap = n;
    for (size_t i = 0; i < n; i++) {
        zs_timex *t = &d->timexes[i];
        snprintf(t->id, sizeof t->id, "t%zu", i + 1);
        t->b0 = r[2 * i];
        t->b1 = r[2 * i + 1];
        t->rv.type = ZS_DATE;
        snprintf(t->rv.value, sizeof t->rv.value, "2017");
        t->anchor = ZS_ANCHOR_NONE;
        t->group = -1;
    }
}

/* Byte range of the first occurrence of s in d's text. */
static void range_of(const zs_doc *d, const char *s, uint32_t *r)
{
    const char *p = strstr(d->text, s);
    assert_non_null(p);
    r[0] = (uint32_t)(p - d->text);
    r[1] = r[0] + (uint32_t)strlen(s);
}

/* The writer alone: tags nest with the source's (inside an element when
 * that nests, around it otherwise), crossing ones and ones inside CDATA are
 * left out, as are overlapping timexes; adjacent ones close before they
 * open. */
static void test_placement(void **state)
{
    (void)state;
    const char *src = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-05-02\" "
                      "functionInDocument=\"CREATION_TIME\">2017-05-02</TIMEX3></DCT><TEXT>"
                      "Das <EVENT eid=\"e1\">Treffen am Mittwoch</EVENT> Abend; "
                      "<![CDATA[1999 & 2000]]> und <![CDATA[Mai]]> 2001<SIGNAL>2002</SIGNAL>."
                      "</TEXT></TimeML>";
    zs_doc *d = doc_from("p.tml", src, NULL);
    assert_string_equal(d->text, "Das Treffen am Mittwoch Abend; 1999 & 2000 und Mai 20012002.");
    size_t len, skipped;
    char *out;
    uint32_t r[16];

    /* inside the EVENT when the mention is its content */
    range_of(d, "Treffen am Mittwoch", r);
    set_timexes(d, r, 1);
    out = write_doc(d, &len, &skipped);
    assert_int_equal(skipped, 0);
    assert_non_null(strstr(out, "<EVENT eid=\"e1\"><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017\">"
                                "Treffen am Mittwoch</TIMEX3></EVENT>"));
    check_output(d, out, len, "t0", "2017-05-02");
    free(out);

    /* around it when the mention is larger */
    range_of(d, "Das Treffen am Mittwoch Abend", r);
    set_timexes(d, r, 1);
    out = write_doc(d, &len, &skipped);
    assert_int_equal(skipped, 0);
    assert_non_null(strstr(out, "<TEXT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017\">Das "
                                "<EVENT eid=\"e1\">Treffen am Mittwoch</EVENT> Abend</TIMEX3>;"));
    check_output(d, out, len, "t0", "2017-05-02");
    free(out);

    /* crossing the EVENT's end tag, inside a CDATA section, or overlapping
     * an earlier timex: left out; the rest is written */
    range_of(d, "Mittwoch Abend", r);       /* crosses </EVENT> */
    range_of(d, "2000", r + 2);             /* inside CDATA */
    range_of(d, "Mai", r + 4);              /* a whole CDATA section */
    range_of(d, "Mai 2001", r + 6);         /* overlaps "Mai" */
    range_of(d, "2001", r + 8);             /* adjacent to the next */
    range_of(d, "2002", r + 10);            /* a SIGNAL's content */
    set_timexes(d, r, 6);
    out = write_doc(d, &len, &skipped);
    assert_int_equal(skipped, 3);
    assert_non_null(strstr(out, "<EVENT eid=\"e1\">Treffen am Mittwoch</EVENT> Abend; "
                                "<![CDATA[1999 & 2000]]> und <TIMEX3 tid=\"t1\" type=\"DATE\" "
                                "value=\"2017\"><![CDATA[Mai]]></TIMEX3> "
                                "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2017\">2001</TIMEX3>"
                                "<SIGNAL><TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2017\">2002"
                                "</TIMEX3></SIGNAL>."));
    xmlDocPtr x = xmlReadMemory(out, (int)len, "out.tml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
    assert_non_null(x);
    xmlFreeDoc(x);
    free(out);
    zs_doc_free(d);
}

/* Timexes already in TEXT of a TempEval-3 file (TimeBank, AQUAINT) are
 * replaced: with the gold timexes put back as the doc's, the output reads
 * as the input does (same text, same extents, values and types), keeps
 * every EVENT and SIGNAL, and differs from it only in TIMEX3 tags. */
static void tempeval_dir(const char *dir, size_t *docs)
{
    size_t n;
    char **names = tml_files(dir, &n);
    for (size_t i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *in = slurp(path, &len);
        zs_error err = {0};
        zs_timeml gold;
        if (zs_timeml_read(path, in, len, 0, &gold, &err) != 0) fail_msg("%s", err.msg);
        zs_options opts = {.timex_only = 1};
        zs_doc *d = zs_doc_from_timeml(fixture_de, path, in, len, &opts, &err);
        if (!d) fail_msg("%s", err.msg);
        /* code points to bytes */
        uint32_t *cpb = malloc((d->len + 1) * sizeof *cpb);
        assert_non_null(cpb);
        uint32_t ncp = 0;
        for (size_t b = 0; b < d->len; b++)
            if (((unsigned char)d->text[b] & 0xC0) != 0x80) cpb[ncp++] = (uint32_t)b;
        cpb[ncp] = (uint32_t)d->len;
        free(d->timexes);
        d->timexes = calloc(gold.ntx + 1, sizeof *d->timexes);
        assert_non_null(d->timexes);
        d->ntimexes = 0;
        d->timexes_cap = gold.ntx + 1;
        for (size_t k = 0; k < gold.ntx; k++) {
            const zs_timeml_timex *g = &gold.tx[k];
            if (g->creation || g->c1 <= g->c0) continue;
            zs_timex *t = &d->timexes[d->ntimexes++];
            t->b0 = cpb[g->c0];
            t->b1 = cpb[g->c1];
            t->group = -1;
            t->rv.type = strcmp(g->type, "TIME") == 0       ? ZS_TIME
                         : strcmp(g->type, "DURATION") == 0 ? ZS_DURATION
                         : strcmp(g->type, "SET") == 0      ? ZS_SET
                                                            : ZS_DATE;
            snprintf(t->rv.value, sizeof t->rv.value, "%s", g->value ? g->value : "");
            t->anchor = k % 2 ? ZS_ANCHOR_DCT : ZS_ANCHOR_NONE;
        }
        size_t olen, skipped;
        char *out = write_doc(d, &olen, &skipped);
        if (skipped) fail_msg("%s: %zu timexes left out", path, skipped);
        check_output(d, out, olen, gold.dct_tid, NULL);
        zs_timeml again;
        if (zs_timeml_read(path, out, olen, 0, &again, &err) != 0) fail_msg("%s", err.msg);
        assert_int_equal(again.len, gold.len);
        assert_memory_equal(again.text, gold.text, gold.len);
        size_t k = 0;
        for (size_t j = 0; j < gold.ntx; j++) {
            const zs_timeml_timex *g = &gold.tx[j];
            if (g->creation || g->c1 <= g->c0) continue;
            while (k < again.ntx && again.tx[k].creation) k++;
            assert_true(k < again.ntx);
            assert_int_equal(again.tx[k].c0, g->c0);
            assert_int_equal(again.tx[k].c1, g->c1);
            assert_string_equal(again.tx[k].type, g->type);
            assert_string_equal(again.tx[k].value ? again.tx[k].value : "", g->value ? g->value : "");
            k++;
        }
        size_t n1, n2;
        char *a = strip_timex3(out, olen, &n1, NULL), *b = strip_timex3(in, len, &n2, NULL);
        if (n1 != n2 || memcmp(a, b, n1) != 0)
            fail_msg("%s: output differs from the input in more than TIMEX3 tags", path);
        free(a);
        free(b);
        zs_timeml_clear(&again);
        free(out);
        free(cpb);
        zs_doc_free(d);
        zs_timeml_clear(&gold);
        free(in);
        (*docs)++;
    }
    free_names(names, n);
}

static void test_tempeval_markup(void **state)
{
    (void)state;
    struct stat st;
    if (stat(TBAQ "/TimeBank", &st) != 0) skip();
    size_t docs = 0;
    tempeval_dir(TBAQ "/TimeBank", &docs);
    tempeval_dir(TBAQ "/AQUAINT", &docs);
    assert_int_equal(docs, 256);
}

/* ---- errors --------------------------------------------------------------- */

static void test_errors(void **state)
{
    (void)state;
    zs_error err = {0};
    /* malformed: the file and the line */
    const char *bad = "<TimeML>\n<DCT><TIMEX3 tid=\"t0\" value=\"2017-05-02\" "
                      "functionInDocument=\"CREATION_TIME\"/></DCT>\n<TEXT>\nAm Mittwoch</TIMEX3>\n"
                      "</TEXT>\n</TimeML>\n";
    assert_null(zs_doc_from_timeml(fixture_de, "dir/bad.tml", bad, strlen(bad), NULL, &err));
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_true(strncmp(err.msg, "dir/bad.tml:4:", 14) == 0);
    assert_null(strchr(err.msg, '\n'));
    /* no TEXT */
    const char *notext = "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"2017-05-02\" "
                         "functionInDocument=\"CREATION_TIME\"/></DCT></TimeML>";
    assert_null(zs_doc_from_timeml(fixture_de, "nt.tml", notext, strlen(notext), NULL, &err));
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_string_equal(err.msg, "nt.tml: no <TEXT> element");
    /* no DCT: an error, unless --dct gives one (then no anchorTimeID) */
    const char *nodct = "<TimeML><TEXT>Am Mittwoch kam er.</TEXT></TimeML>";
    assert_null(zs_doc_from_timeml(fixture_de, "nd.tml", nodct, strlen(nodct), NULL, &err));
    assert_int_equal(err.code, ZS_ERR_DCT);
    assert_non_null(strstr(err.msg, "nd.tml: "));
    zs_options opts = {.dct = "2017-05-02"};
    zs_doc *d = doc_from("nd.tml", nodct, &opts);
    size_t len, skipped;
    char *out = write_doc(d, &len, &skipped);
    assert_string_equal(out, "<TimeML><TEXT>Am <TIMEX3 tid=\"t1\" type=\"DATE\" "
                             "value=\"2017-04-26\">Mittwoch</TIMEX3> kam er.</TEXT></TimeML>");
    free(out);
    zs_doc_free(d);
    /* a creation time that is no date */
    const char *baddct = "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"PRESENT_REF\" "
                         "functionInDocument=\"CREATION_TIME\"/></DCT><TEXT>Heute.</TEXT></TimeML>";
    assert_null(zs_doc_from_timeml(fixture_de, "bd.tml", baddct, strlen(baddct), NULL, &err));
    assert_int_equal(err.code, ZS_ERR_DCT);
    assert_non_null(strstr(err.msg, "PRESENT_REF"));
    /* a DCT with a clock time is taken with it */
    const char *timed = "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"1998-08-07T06:18:00\" "
                        "functionInDocument=\"CREATION_TIME\"/></DCT><TEXT>Heute.</TEXT></TimeML>";
    d = doc_from("timed.tml", timed, NULL);
    assert_int_equal(strncmp(d->dct_iso, "1998-08-07T06:18", 16), 0);
    zs_doc_free(d);
    /* not UTF-8: libxml2 decodes it, but the bytes cannot be written back */
    const char *latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<TimeML><DCT><TIMEX3 "
                         "tid=\"t0\" value=\"2017-05-02\" functionInDocument=\"CREATION_TIME\"/>"
                         "</DCT><TEXT>F\xfcr Mittwoch.</TEXT></TimeML>";
    assert_null(zs_doc_from_timeml(fixture_de, "l1.tml", latin1, strlen(latin1), NULL, &err));
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_non_null(strstr(err.msg, "l1.tml: "));
    assert_non_null(strstr(err.msg, "UTF-8"));
    /* empty TEXT */
    const char *empty = "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"2017-05-02\" "
                        "functionInDocument=\"CREATION_TIME\"/></DCT><TEXT/></TimeML>";
    assert_null(zs_doc_from_timeml(fixture_de, "e.tml", empty, strlen(empty), NULL, &err));
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_non_null(strstr(err.msg, "e.tml: empty input"));
}

/* ---- plain text ----------------------------------------------------------- */

/* A plain-text doc becomes a new TimeML document: well-formed, its DCT as
 * t0, its text exactly (a CR kept as a reference, a control character as a
 * space), its timexes anchored to t0. */
static void test_plain_text(void **state)
{
    (void)state;
    const char *text = "Bozen, 2. Mai 2017\r\n"
                       "M\xc3\xbcller & S\xc3\xb6hne <GmbH> \"tagen\" am Mittwoch\x01 und "
                       "Anfang April. ]]> Ende.\n";
    zs_error err = {0};
    zs_doc *d = zs_doc_new(fixture_de, "a <b>.txt", text, strlen(text), NULL, &err);
    if (!d) fail_msg("%s", err.msg);
    assert_true(d->ntimexes >= 3);
    size_t len, skipped;
    char *out = write_doc(d, &len, &skipped);
    assert_int_equal(skipped, 0);
    assert_true(strncmp(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML ", 46) == 0);
    assert_non_null(strstr(out, "<DOCID>a &lt;b&gt;.txt</DOCID>"));
    assert_non_null(strstr(out, "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-05-02\" "
                                "temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">"
                                "2017-05-02</TIMEX3></DCT>"));
    assert_non_null(strstr(out, "<TEXT>Bozen, <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-05-02\">"
                                "2. Mai 2017</TIMEX3>&#13;\n"));
    assert_non_null(strstr(out, "&lt;GmbH&gt; \"<EVENT eid=\"e1\" class=\"OCCURRENCE\">tagen</EVENT>\" am "));
    assert_non_null(strstr(out, "Mittwoch</TIMEX3>  und "));
    assert_non_null(strstr(out, ". ]]&gt; Ende.\n</TEXT>\n"));
    /* the event's instance, and its link to its time */
    assert_non_null(strstr(out, "</TEXT>\n<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"PRESENT\" "
                                "aspect=\"NONE\" polarity=\"POS\" pos=\"VERB\"/>\n"));
    assert_non_null(strstr(out, "<TLINK lid=\"l1\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" "
                                "relatedToTime=\"t2\" origin=\"anchor\"/>\n"));
    assert_non_null(strstr(out, "/>\n</TimeML>\n"));
    /* TimeML tools see the text with the control character as a space */
    char *want = strdup(d->text);
    assert_non_null(want);
    *strchr(want, '\x01') = ' ';
    char *saved = d->text;
    d->text = want;
    check_output(d, out, len, "t0", "2017-05-02");
    d->text = saved;
    free(want);
    free(out);
    zs_doc_free(d);
}

/* Of the relations closure derives, the TLINKs hold those the ones before
 * them do not imply: here the shooting on Friday night before the waking
 * and the death on Sunday, which rest on Saturday night overlapping
 * Sunday (OVERLAP, not written); not the shooting before Saturday night,
 * which the shooting's anchor and Friday night before Saturday night
 * imply. */
static void test_plain_closure_links(void **state)
{
    (void)state;
    const char *text = "A man was shot on Friday night. On Saturday he was stable. "
                       "On Saturday night he woke. On Sunday he died.\n";
    zs_error err = {0};
    zs_lang *en = zs_lang_load("templates/en", &err);
    if (!en) fail_msg("%s", err.msg);
    zs_options o = {.dct = "1998-10-26"};
    zs_doc *d = zs_doc_new(en, "a.txt", text, strlen(text), &o, &err);
    if (!d) fail_msg("%s", err.msg);
    size_t len, skipped;
    char *out = write_doc(d, &len, &skipped);
    assert_non_null(strstr(out, "<TLINK lid=\"l4\" relType=\"BEFORE\" timeID=\"t1\" "
                                "relatedToTime=\"t3\" origin=\"interval\"/>\n"));
    const char *c = strstr(out, "\n<TLINK lid=\"l8\" relType=\"BEFORE\" eventInstanceID=\"ei1\" "
                    "relatedToEventInstance=\"ei3\" origin=\"closure\"/>\n"
                    "<TLINK lid=\"l9\" relType=\"BEFORE\" eventInstanceID=\"ei1\" "
                    "relatedToTime=\"t4\" origin=\"closure\"/>\n"
                    "<TLINK lid=\"l10\" relType=\"AFTER\" eventInstanceID=\"ei3\" "
                    "relatedToTime=\"t1\" origin=\"closure\"/>\n</TimeML>\n");
    assert_non_null(c);
    /* the doc holds more derived relations than the TLINKs need */
    assert_true(d->ntlinks > d->nbase + 3);
    free(out);
    zs_doc_free(d);
    zs_lang_free(en);
}

/* A dateline is written as a TIMEX3 of its own in TEXT, and its links
 * keep its tid: "t1 SIMULTANEOUS t0", not a link from t0 to itself, and
 * a weekday of the publication day is SIMULTANEOUS with t1 once. */
static void test_plain_dateline_links(void **state)
{
    (void)state;
    const char *text = "Bonn, 4. Juni 2025\n\nDer Rat tagte am Mittwoch.\n";
    zs_error err = {0};
    zs_doc *d = zs_doc_new(fixture_de, "d.txt", text, strlen(text), NULL, &err);
    if (!d) fail_msg("%s", err.msg);
    size_t len, skipped;
    char *out = write_doc(d, &len, &skipped);
    assert_non_null(strstr(out, "Bonn, <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-06-04\">"
                                "4. Juni 2025</TIMEX3>"));
    assert_non_null(strstr(out, "relType=\"SIMULTANEOUS\" timeID=\"t1\" relatedToTime=\"t0\""));
    xmlDocPtr x = xmlReadMemory(out, (int)len, "d.tml", NULL, XML_PARSE_NONET);
    assert_non_null(x);
    size_t links = 0, with_t1 = 0;
    for (xmlNodePtr c = xmlDocGetRootElement(x)->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, BAD_CAST "TLINK") != 0) continue;
        char *a = get_attr(c, "timeID"), *b = get_attr(c, "relatedToTime");
        if (a && b) {
            assert_string_not_equal(a, b);
            with_t1 += strcmp(a, "t1") == 0 || strcmp(b, "t1") == 0;
        }
        links++;
        free(a);
        free(b);
    }
    assert_true(links >= 3);
    assert_int_equal(with_t1, 2); /* with t0 and with "Mittwoch" */
    xmlFreeDoc(x);
    free(out);
    zs_doc_free(d);
}

/* A cancelled event is the subordinated instance of an SLINK of type
 * COUNTER_FACTIVE from the event that cancels it, a postponed one of an
 * SLINK of type MODAL from the one that moves it; the links' lids go on
 * from the TLINKs'. */
static void test_plain_status_links(void **state)
{
    (void)state;
    const char *text = "Bozen, 2. Mai 2017\n"
                       "Die Regierung sagte das Treffen der Minister ab. "
                       "Die Konferenz wurde auf Juni verschoben.\n";
    zs_error err = {0};
    zs_doc *d = zs_doc_new(fixture_de, "s.txt", text, strlen(text), NULL, &err);
    if (!d) fail_msg("%s", err.msg);
    assert_int_equal(d->nevents, 4);
    assert_int_equal(d->events[1].modality, ZS_MODAL_CANCELLED);
    assert_int_equal(d->events[2].modality, ZS_MODAL_PLANNED);
    size_t len, skipped;
    char *out = write_doc(d, &len, &skipped);
    const char *c = strstr(out, "\" relType=\"COUNTER_FACTIVE\" eventInstanceID=\"ei1\" "
                                "subordinatedEventInstance=\"ei2\"/>\n");
    const char *m = strstr(out, "\" relType=\"MODAL\" eventInstanceID=\"ei4\" "
                                "subordinatedEventInstance=\"ei3\"/>\n");
    assert_non_null(c);
    assert_non_null(m);
    assert_true(c < m);
    assert_null(strstr(c, "<TLINK"));
    assert_non_null(strstr(out, "/>\n</TimeML>\n"));
    check_output(d, out, len, "t0", "2017-05-02");
    free(out);
    zs_doc_free(d);
}

/* The TIMEX3 element with tid (new string of attribute name, NULL if
 * absent) anywhere in the document; fails if there is none. */
static char *timex_attr(xmlNodePtr root, const char *tid, const char *name)
{
    xmlNodePtr *all = NULL;
    size_t n = 0, cap = 0;
    collect_timex3(root, &all, &n, &cap);
    char *v = NULL;
    bool found = false;
    for (size_t i = 0; i < n && !found; i++) {
        char *t = get_attr(all[i], "tid");
        if (t && strcmp(t, tid) == 0) {
            found = true;
            v = get_attr(all[i], name);
        }
        free(t);
    }
    free(all);
    if (!found) fail_msg("no TIMEX3 %s", tid);
    return v;
}

/* Durations that point back or ahead ("vor zwei Wochen", "in drei
 * Monaten"): beginPoint and endPoint, in time order, naming an empty
 * TIMEX3 after TEXT (the date, temporalFunction, anchored to the DCT) and
 * the DCT, no anchorTimeID of their own; tids go on after the mentions';
 * the events anchored to them and their relations to the DCT are TLINKs
 * with the dates, none with the durations. */
static void test_plain_points(void **state)
{
    (void)state;
    const char *text = "Vor zwei Wochen hatten sich die Minister getroffen. "
                       "In drei Monaten soll gew\xc3\xa4hlt werden. Am Montag tagt der Rat.\n";
    zs_options o = {.dct = "2026-03-20"};
    zs_error err = {0};
    zs_doc *d = zs_doc_new(fixture_de, "p.txt", text, strlen(text), &o, &err);
    if (!d) fail_msg("%s", err.msg);
    assert_int_equal(d->ntimexes, 3);
    assert_string_equal(d->timexes[0].rv.value, "P2W");
    assert_string_equal(d->timexes[1].rv.value, "P3M");
    zs_rv pt;
    assert_true(zs_tv_point(&d->timexes[0].tv, &d->timexes[0].rv, &pt));
    assert_string_equal(pt.value, "2026-W10");
    assert_int_equal(pt.type, ZS_DATE);
    assert_true(zs_tv_point(&d->timexes[1].tv, &d->timexes[1].rv, &pt));
    assert_string_equal(pt.value, "2026-06");
    assert_false(zs_tv_point(&d->timexes[2].tv, &d->timexes[2].rv, &pt)); /* a date */
    size_t len, skipped;
    char *out = write_doc(d, &len, &skipped);
    assert_int_equal(skipped, 0);
    assert_int_equal(check_output(d, out, len, "t0", "2026-03-20"), 2);
    assert_non_null(strstr(out, "Vor <TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P2W\" "
                                "beginPoint=\"t4\" endPoint=\"t0\">zwei Wochen</TIMEX3>"));
    assert_non_null(strstr(out, "In <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3M\" "
                                "beginPoint=\"t0\" endPoint=\"t5\">drei Monaten</TIMEX3>"));
    assert_non_null(strstr(out, "<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2026-03-23\" "
                                "anchorTimeID=\"t0\">Montag</TIMEX3>"));
    assert_non_null(strstr(out, "</TEXT>\n"
                                "<TIMEX3 tid=\"t4\" type=\"DATE\" value=\"2026-W10\" "
                                "temporalFunction=\"true\" anchorTimeID=\"t0\"/>\n"
                                "<TIMEX3 tid=\"t5\" type=\"DATE\" value=\"2026-06\" "
                                "temporalFunction=\"true\" anchorTimeID=\"t0\"/>\n<MAKEINSTANCE "));
    /* the links: with the dates, not with the durations */
    xmlDocPtr x = xmlReadMemory(out, (int)len, "out.tml", NULL, XML_PARSE_NONET);
    assert_non_null(x);
    xmlNodePtr root = xmlDocGetRootElement(x);
    size_t to_t4 = 0, to_t5 = 0;
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, BAD_CAST "TLINK") != 0) continue;
        char *a = get_attr(c, "eventInstanceID"), *t = get_attr(c, "timeID"),
             *b = get_attr(c, "relatedToTime"), *rel = get_attr(c, "relType");
        assert_non_null(rel);
        for (int k = 0; k < 2; k++) {
            const char *e = k ? b : t;
            if (e) assert_true(strcmp(e, "t1") != 0 && strcmp(e, "t2") != 0);
        }
        if (a && b && strcmp(a, "ei1") == 0 && strcmp(b, "t4") == 0) {
            assert_string_equal(rel, "IS_INCLUDED");
            to_t4++;
        }
        if (a && b && strcmp(a, "ei2") == 0 && strcmp(b, "t5") == 0) {
            assert_string_equal(rel, "IS_INCLUDED");
            to_t5++;
        }
        if (t && b && strcmp(b, "t0") == 0) {
            if (strcmp(t, "t4") == 0) assert_string_equal(rel, "BEFORE");
            else if (strcmp(t, "t5") == 0) assert_string_equal(rel, "AFTER");
        }
        free(a);
        free(t);
        free(b);
        free(rel);
    }
    assert_int_equal(to_t4, 1);
    assert_int_equal(to_t5, 1);
    xmlFreeDoc(x);

    /* read back (--input timeml): the same text and mentions, the empty
     * TIMEX3 elements no mentions; written back, the durations point to
     * the file's own dates, which are not written a second time: the
     * output is the input, byte for byte */
    zs_timeml t = {0};
    if (zs_timeml_read("p.tml", out, len, 0, &t, &err) != 0) fail_msg("%s", err.msg);
    assert_int_equal(t.ntx, 3);
    assert_string_equal(t.tx[0].value, "P2W");
    zs_timeml_clear(&t);
    zs_doc *r = zs_doc_from_timeml(fixture_de, "p.tml", out, len, NULL, &err);
    if (!r) fail_msg("%s", err.msg);
    assert_int_equal(r->len, d->len);
    assert_memory_equal(r->text, d->text, d->len);
    assert_int_equal(r->ntimexes, d->ntimexes);
    for (size_t i = 0; i < d->ntimexes; i++) {
        assert_int_equal(r->timexes[i].b0, d->timexes[i].b0);
        assert_string_equal(r->timexes[i].rv.value, d->timexes[i].rv.value);
    }
    size_t len2;
    char *out2 = write_doc(r, &len2, &skipped);
    assert_int_equal(check_output(r, out2, len2, "t0", "2026-03-20"), 2);
    x = xmlReadMemory(out2, (int)len2, "out2.tml", NULL, XML_PARSE_NONET);
    assert_non_null(x);
    char *bp = timex_attr(xmlDocGetRootElement(x), "t1", "beginPoint");
    char *ep = timex_attr(xmlDocGetRootElement(x), "t2", "endPoint");
    assert_string_equal(bp, "t4");
    assert_string_equal(ep, "t5");
    free(bp);
    free(ep);
    xmlFreeDoc(x);
    assert_int_equal(len2, len);
    assert_memory_equal(out2, out, len);
    free(out2);
    zs_doc_free(r);
    free(out);
    zs_doc_free(d);
}

/* English "in two years" points ahead to the year two years on; a
 * narrative's "vor zwei Jahren" back from the last date mentioned, not
 * from the DCT: its date has no anchorTimeID and the duration only the
 * beginPoint; a TimeML source whose DCT --dct replaces is written back
 * likewise without the anchor side. */
static void test_points_anchors(void **state)
{
    (void)state;
    zs_error err = {0};
    zs_lang *en = zs_lang_load("templates/en", &err);
    if (!en) fail_msg("%s", err.msg);
    const char *etext = "The bridge will open in two years.\n";
    zs_options o = {.dct = "2026-03-20"};
    zs_doc *d = zs_doc_new(en, "e.txt", etext, strlen(etext), &o, &err);
    if (!d) fail_msg("%s", err.msg);
    size_t len, skipped;
    char *out = write_doc(d, &len, &skipped);
    assert_int_equal(check_output(d, out, len, "t0", "2026-03-20"), 1);
    assert_non_null(strstr(out, "in <TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P2Y\" "
                                "beginPoint=\"t0\" endPoint=\"t2\">two years</TIMEX3>"));
    assert_non_null(strstr(out, "</TEXT>\n<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2028\" "
                                "temporalFunction=\"true\" anchorTimeID=\"t0\"/>\n"));
    assert_non_null(strstr(out, "relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t2\""));
    free(out);
    zs_doc_free(d);
    zs_lang_free(en);

    const char *ntext = "Im Jahr 1990 zog er nach Wien. Vor zwei Jahren hatte er geheiratet.\n";
    zs_options n = {.dct = "2026-03-20", .narrative = 1};
    d = zs_doc_new(fixture_de, "n.txt", ntext, strlen(ntext), &n, &err);
    if (!d) fail_msg("%s", err.msg);
    out = write_doc(d, &len, &skipped);
    assert_int_equal(check_output(d, out, len, "t0", "2026-03-20"), 1);
    assert_non_null(strstr(out, "<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P2Y\" "
                                "beginPoint=\"t3\">zwei Jahren</TIMEX3>"));
    assert_non_null(strstr(out, "</TEXT>\n<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"1988\" "
                                "temporalFunction=\"true\"/>\n"));
    free(out);
    zs_doc_free(d);

    const char *src = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2026-03-20\" "
                      "functionInDocument=\"CREATION_TIME\">2026-03-20</TIMEX3></DCT>"
                      "<TEXT>In drei Monaten wird gew\xc3\xa4hlt.</TEXT>"
                      "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2020\"/></TimeML>";
    d = doc_from("s.tml", src, NULL);
    out = write_doc(d, &len, &skipped);
    assert_int_equal(check_output(d, out, len, "t0", "2026-03-20"), 1);
    assert_non_null(strstr(out, "<TEXT>In <TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P3M\" "
                                "beginPoint=\"t0\" endPoint=\"t3\">drei Monaten</TIMEX3> wird "
                                "gew\xc3\xa4hlt.</TEXT>\n<TIMEX3 tid=\"t3\" type=\"DATE\" "
                                "value=\"2026-06\" temporalFunction=\"true\" anchorTimeID=\"t0\"/>"
                                "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2020\"/></TimeML>"));
    free(out);
    zs_doc_free(d);
    zs_options dct = {.dct = "2026-04-20"};
    d = doc_from("s.tml", src, &dct);
    out = write_doc(d, &len, &skipped);
    assert_int_equal(check_output(d, out, len, NULL, NULL), 1);
    assert_non_null(strstr(out, "value=\"P3M\" endPoint=\"t3\">drei Monaten</TIMEX3>"));
    assert_non_null(strstr(out, "</TEXT>\n<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2026-07\" "
                                "temporalFunction=\"true\"/><TIMEX3 tid=\"t2\""));
    free(out);
    zs_doc_free(d);
}

/* Empty TIMEX3 elements in TEXT (non-consuming, "<TIMEX3 .../>" or
 * "<TIMEX3 ...></TIMEX3>") are no mentions to the reader, and the writer
 * drops them with the other timex elements of TEXT. */
static void test_empty_timex_in_text(void **state)
{
    (void)state;
    const char *src = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-05-02\" "
                      "functionInDocument=\"CREATION_TIME\">2017-05-02</TIMEX3></DCT>"
                      "<TEXT>Am <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-05-03\">Mittwoch"
                      "</TIMEX3><TIMEX3 tid=\"t5\" type=\"DATE\" value=\"2017-04\"/> kam er"
                      "<TIMEX3 tid=\"t6\" type=\"DATE\" value=\"2017\"></TIMEX3>.</TEXT></TimeML>";
    zs_timeml t = {0};
    zs_error err = {0};
    if (zs_timeml_read("e.tml", src, strlen(src), 0, &t, &err) != 0) fail_msg("%s", err.msg);
    assert_string_equal(t.text, "Am Mittwoch kam er.");
    size_t in_text = 0;
    for (size_t i = 0; i < t.ntx; i++) {
        assert_true(t.tx[i].c1 > t.tx[i].c0);
        in_text++;
    }
    assert_int_equal(in_text, 1);
    assert_string_equal(t.tx[0].tid, "t1");
    zs_timeml_clear(&t);
    zs_doc *d = doc_from("e.tml", src, NULL);
    size_t len, skipped;
    char *out = write_doc(d, &len, &skipped);
    assert_non_null(strstr(out, "<TEXT>Am <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-04-26\" "
                                "anchorTimeID=\"t0\">Mittwoch</TIMEX3> kam er.</TEXT>"));
    check_output(d, out, len, "t0", "2017-05-02");
    free(out);
    zs_doc_free(d);
}

/* ---- eval ----------------------------------------------------------------- */

/* Scoring the TimeML written for KRAUTS-42 (eval --system) gives exactly the
 * table that scoring zeitstrahl directly gives. */
static void test_eval_same_figures(void **state)
{
    (void)state;
    const char *raw = KRAUTS "/KRAUTS_Dolomiten-42_raw-text", *gold = KRAUTS "/KRAUTS_Dolomiten-42";
    struct stat st;
    if (stat(raw, &st) != 0 || stat(gold, &st) != 0) skip();
    char tmp[] = "/tmp/zs_timeml_XXXXXX";
    assert_non_null(mkdtemp(tmp));
    size_t n;
    char **names = tml_files(raw, &n);
    assert_int_equal(n, 42);
    for (size_t i = 0; i < n; i++) {
        char path[1024], outp[1024];
        snprintf(path, sizeof path, "%s/%s", raw, names[i]);
        snprintf(outp, sizeof outp, "%s/%s", tmp, names[i]);
        size_t len;
        char *in = slurp(path, &len);
        zs_options opts = {.timex_only = 1};
        zs_error err = {0};
        zs_doc *d = zs_doc_from_timeml(fixture_de, path, in, len, &opts, &err);
        if (!d) fail_msg("%s", err.msg);
        size_t olen, skipped;
        char *out = write_doc(d, &olen, &skipped);
        FILE *f = fopen(outp, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(out, 1, olen, f), olen);
        fclose(f);
        free(out);
        zs_doc_free(d);
        free(in);
    }
    char *direct = NULL, *viafile = NULL;
    size_t dl, vl;
    zs_error err = {0};
    FILE *f = open_memstream(&direct, &dl);
    char *argv1[] = {"eval", (char *)gold};
    assert_int_equal(zs_eval_run(2, argv1, fixture_de, f, &err), 0);
    fclose(f);
    f = open_memstream(&viafile, &vl);
    char *argv2[] = {"eval", "--system", tmp, (char *)gold};
    int rc = zs_eval_run(4, argv2, fixture_de, f, &err);
    fclose(f);
    if (rc != 0) fail_msg("%s", err.msg);
    assert_string_equal(viafile, direct);
    assert_non_null(strstr(direct, "KRAUTS_Dolomiten-42 "));
    free(direct);
    free(viafile);
    for (size_t i = 0; i < n; i++) {
        char outp[1024];
        snprintf(outp, sizeof outp, "%s/%s", tmp, names[i]);
        unlink(outp);
    }
    rmdir(tmp);
    free_names(names, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_krauts_round_trip),
        cmocka_unit_test(test_writer_entry),
        cmocka_unit_test(test_entities_and_markup),
        cmocka_unit_test(test_placement),
        cmocka_unit_test(test_tempeval_markup),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_plain_text),
        cmocka_unit_test(test_plain_closure_links),
        cmocka_unit_test(test_plain_dateline_links),
        cmocka_unit_test(test_plain_status_links),
        cmocka_unit_test(test_plain_points),
        cmocka_unit_test(test_points_anchors),
        cmocka_unit_test(test_empty_timex_in_text),
        cmocka_unit_test(test_eval_same_figures),
    };
    return cmocka_run_group_tests(tests, fixture_setup_de, fixture_teardown_de);
}
