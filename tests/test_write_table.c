/* Tests of the CSV and HTML writers (src/write_csv.c, src/write_html.c) on
 * the hand-built fixture: one row per event of the graph (a node), with
 * every source of it, as the calendar has one VEVENT per node. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "fixture.h"
#include "writers.h"

static const zs_write_options no_options = {0};

/* A parsed CSV: rows of fields (NUL-terminated copies). */
typedef struct csv {
    char ***rows;
    size_t *nfields;
    size_t nrows;
} csv;

/* Parses RFC 4180 text s (CRLF line ends, quoted fields with doubled
 * quotes), failing the test on a bare LF or a malformed quote. */
static csv parse_csv(const char *s)
{
    csv c = {0};
    size_t cap = 0;
    while (*s) {
        if (c.nrows == cap) {
            cap = cap ? 2 * cap : 16;
            c.rows = realloc(c.rows, cap * sizeof *c.rows);
            c.nfields = realloc(c.nfields, cap * sizeof *c.nfields);
        }
        char **f = NULL;
        size_t n = 0;
        for (;;) {
            zs_buf b = {0};
            zs_buf_putc(&b, '\0');
            b.len = 0;
            if (*s == '"') {
                for (s++;; s++) {
                    assert_true(*s != '\0');
                    if (*s == '"' && s[1] == '"') s++;
                    else if (*s == '"') break;
                    zs_buf_putc(&b, *s);
                }
                s++;
            } else {
                for (; *s && *s != ',' && *s != '\r'; s++) {
                    assert_true(*s != '"' && *s != '\n');
                    zs_buf_putc(&b, *s);
                }
            }
            f = realloc(f, (n + 1) * sizeof *f);
            f[n++] = zs_xstrdup(b.data);
            zs_buf_free(&b);
            if (*s == ',') {
                s++;
                continue;
            }
            assert_true(s[0] == '\r' && s[1] == '\n');
            s += 2;
            break;
        }
        c.rows[c.nrows] = f;
        c.nfields[c.nrows++] = n;
    }
    return c;
}

static void csv_free(csv *c)
{
    for (size_t r = 0; r < c->nrows; r++) {
        for (size_t i = 0; i < c->nfields[r]; i++) free(c->rows[r][i]);
        free(c->rows[r]);
    }
    free(c->rows);
    free(c->nfields);
}

/* The column named name of the header row. */
static size_t column(const csv *c, const char *name)
{
    for (size_t i = 0; i < c->nfields[0]; i++)
        if (strcmp(c->rows[0][i], name) == 0) return i;
    fail_msg("no column %s", name);
    return 0;
}

/* The row whose title is title. */
static char **row_titled(const csv *c, const char *title)
{
    size_t t = column(c, "title");
    for (size_t r = 1; r < c->nrows; r++)
        if (strcmp(c->rows[r][t], title) == 0) return c->rows[r];
    fail_msg("no row %s", title);
    return NULL;
}

static char *render(const zs_graph *g, const char *format)
{
    zs_buf out = {0};
    zs_error err = {0};
    int rc = strcmp(format, "csv") == 0    ? zs_write_csv(g, &out, &err)
             : strcmp(format, "text") == 0 ? zs_write_text(g, &out, &err)
                                           : zs_write_html(g, &no_options, &out, &err);
    if (rc != 0) fail_msg("%s: %s", format, err.msg);
    assert_non_null(out.data);
    return out.data;
}

/* The graph of two documents that report the same events: the fixture
 * and a copy named zweiter.txt. */
static zs_graph *two_reports(zs_doc **d, zs_doc **other)
{
    *d = fixture_doc();
    *other = fixture_doc();
    free((*other)->name);
    (*other)->name = zs_xstrdup("zweiter.txt");
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, *d);
    zs_graph_add(g, *other);
    zs_graph_finish(g);
    return g;
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle)) n++;
    return n;
}

/* One document: a row per event, every row with one source, itself. */
/* The string key of the k-th object of array a (SIZE_MAX: of a itself). */
static const char *source_field(json_object *a, size_t k, const char *key)
{
    json_object *o = k == SIZE_MAX ? a : json_object_array_get_idx(a, k);
    return json_object_get_string(json_object_object_get(o, key));
}

static void test_csv_one_doc(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    zs_graph *g = fixture_graph(d);
    char *s = render(g, "csv");
    csv c = parse_csv(s);
    assert_int_equal(c.nrows, 1 + d->nevents);
    assert_string_equal(c.rows[0][0], "doc");
    assert_string_equal(c.rows[0][c.nfields[0] - 1], "sources");
    size_t src = column(&c, "sources"), ev = column(&c, "event");
    for (size_t r = 1; r < c.nrows; r++) {
        assert_int_equal(c.nfields[r], c.nfields[0]);
        json_object *a = json_tokener_parse(c.rows[r][src]);
        if (!a) fail_msg("row %zu: sources: %s", r, c.rows[r][src]);
        assert_true(json_object_is_type(a, json_type_array));
        assert_int_equal(json_object_array_length(a), 1);
        json_object *o = json_object_array_get_idx(a, 0);
        assert_string_equal(source_field(o, SIZE_MAX, "doc"), "fixture.txt");
        assert_string_equal(source_field(o, SIZE_MAX, "event"), c.rows[r][ev]);
        assert_string_equal(source_field(o, SIZE_MAX, "dct"), d->dct_iso);
        assert_false(json_object_object_get_ex(o, "url", NULL));
        json_object_put(a);
    }
    char **gipfel = row_titled(&c, "Gipfel in Hamburg");
    assert_string_equal(gipfel[column(&c, "begin")], "2017-07-07");
    assert_string_equal(gipfel[column(&c, "until")], "2017-07-09");
    assert_string_equal(gipfel[column(&c, "sentence")],
                        "Der Gipfel findet am 7. und 8. Juli in Hamburg statt.");
    csv_free(&c);
    free(s);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* Two documents reporting the same event: one row, two sources, the first
 * the row's own mention; undated events are never joined. */
static void test_csv_two_reports(void **state)
{
    (void)state;
    zs_doc *d, *other;
    zs_graph *g = two_reports(&d, &other);
    size_t shared = 0, undated = 0;
    for (size_t i = 0; i < g->nevents; i++) shared += g->events[i].shared;
    for (size_t k = 0; k < d->nevents; k++) undated += !d->events[k].has_interval;
    assert_int_equal(shared, 2 * (d->nevents - undated));
    char *s = render(g, "csv");
    csv c = parse_csv(s);
    /* every dated event once, the undated one of each document */
    assert_int_equal(c.nrows, 1 + d->nevents + undated);
    char **gipfel = row_titled(&c, "Gipfel in Hamburg");
    json_object *a = json_tokener_parse(gipfel[column(&c, "sources")]);
    assert_non_null(a);
    assert_int_equal(json_object_array_length(a), 2);
    const char *doc0 = source_field(a, 0, "doc");
    const char *doc1 = source_field(a, 1, "doc");
    assert_string_equal(doc0, gipfel[column(&c, "doc")]);
    assert_string_not_equal(doc0, doc1);
    assert_true(strcmp(doc1, "fixture.txt") == 0 || strcmp(doc1, "zweiter.txt") == 0);
    for (size_t k = 0; k < 2; k++)
        assert_string_equal(
            source_field(a, k, "sentence"),
            "Der Gipfel findet am 7. und 8. Juli in Hamburg statt.");
    json_object_put(a);
    /* each event of each document is the source of exactly one row */
    size_t src = column(&c, "sources"), total = 0;
    for (size_t r = 1; r < c.nrows; r++) {
        json_object *x = json_tokener_parse(c.rows[r][src]);
        assert_non_null(x);
        total += json_object_array_length(x);
        json_object_put(x);
    }
    assert_int_equal(total, g->nevents);
    csv_free(&c);
    free(s);
    zs_graph_free(g);
    fixture_doc_free(other);
    fixture_doc_free(d);
}

/* The HTML table: a row per event of the graph, the joined event citing
 * both documents. */
static void test_html_two_reports(void **state)
{
    (void)state;
    zs_doc *d, *other;
    zs_graph *g = two_reports(&d, &other);
    size_t undated = 0;
    for (size_t k = 0; k < d->nevents; k++) undated += !d->events[k].has_interval;
    char *s = render(g, "html");
    const char *body = strstr(s, "<tbody>");
    assert_non_null(body);
    assert_int_equal(count(body, "<tr>"), d->nevents + undated);
    assert_int_equal(count(body, "<cite>"), g->nevents);
    const char *row = strstr(body, "<td>Gipfel in Hamburg</td>");
    assert_non_null(row);
    const char *end = strstr(row, "</tr>");
    char *one = strndup(row, (size_t)(end - row));
    assert_int_equal(count(one, "<cite>fixture.txt</cite>"), 1);
    assert_int_equal(count(one, "<cite>zweiter.txt</cite>"), 1);
    assert_int_equal(count(one, "<q>Der Gipfel findet am 7. und 8. Juli in Hamburg statt.</q>"), 2);
    free(one);
    free(s);
    zs_graph_free(g);
    fixture_doc_free(other);
    fixture_doc_free(d);
}

/* A cancelled event's HTML row has its title struck and the language's
 * word for cancelled after it; the other rows are plain. The readable
 * table says "cancelled" after it. */
static void test_cancelled(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    d->events[2].modality = ZS_MODAL_CANCELLED; /* the summit */
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    char *s = render(g, "html");
    assert_non_null(strstr(s, "<td><s>Gipfel in Hamburg</s> <em class=\"status\">abgesagt</em></td>"));
    assert_null(strstr(s, "<td>Gipfel in Hamburg</td>"));
    assert_non_null(strstr(s, "<td>Telefonat</td>"));
    assert_int_equal(count(s, "<s>"), 1);
    free(s);
    s = render(g, "text"); /* the readable table says so too */
    assert_non_null(strstr(s, "Gipfel in Hamburg  (2017-07-07)  cancelled\n"));
    assert_int_equal(count(s, "cancelled"), 1);
    free(s);
    zs_graph_free(g);
    fixture_doc_free(d);
}

/* Mentions of one event in one document (coreference) are one row, whose
 * sentence is quoted once in the page when both are in it. */
static void test_coref_one_row(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    /* "sich ... treffen" is a later mention of the July meeting: make it
     * one with the summit, in another sentence */
    size_t gipfel = 2, treffen = 1;
    assert_string_equal(d->events[gipfel].lemma, "gipfel");
    d->events[gipfel].coref = (int)treffen;
    zs_graph *g = fixture_graph(d);
    char *s = render(g, "csv");
    csv c = parse_csv(s);
    assert_int_equal(c.nrows, d->nevents); /* header + one fewer */
    char **row = row_titled(&c, "Gipfel in Hamburg"); /* the finer mention stands */
    json_object *a = json_tokener_parse(row[column(&c, "sources")]);
    assert_int_equal(json_object_array_length(a), 2);
    assert_string_equal(source_field(a, 0, "event"),
                        d->events[gipfel].id);
    assert_string_equal(source_field(a, 1, "event"),
                        d->events[treffen].id);
    json_object_put(a);
    csv_free(&c);
    free(s);
    zs_graph_free(g);
    fixture_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_one_doc),
        cmocka_unit_test(test_csv_two_reports),
        cmocka_unit_test(test_html_two_reports),
        cmocka_unit_test(test_cancelled),
        cmocka_unit_test(test_coref_one_row),
    };
    return cmocka_run_group_tests_name("write_table", tests, NULL, NULL);
}
