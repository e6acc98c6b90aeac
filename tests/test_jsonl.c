/* The JSONL corpus reader (document lines, the line reader) and the merge of
 * record streams back into documents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "fixture.h"
#include "jsonl.h"
#include "merge.h"
#include "writers.h"

static int parse(const char *line, zs_jsonl_doc *d, zs_error *err)
{
    return zs_jsonl_parse_line(line, strlen(line), d, err);
}

static void test_parse_fields(void **state)
{
    (void)state;
    zs_jsonl_doc d;
    zs_error err = {0};
    assert_int_equal(parse("{\"id\":\"a1\",\"dct\":\"2017-05-02\",\"lang\":\"de\",\"url\":\"http://x\","
                           "\"text\":\"Am 3. Mai \\u00e4\\n\",\"extra\":[1,{}]}", &d, &err), 0);
    assert_string_equal(d.id, "a1");
    assert_string_equal(d.dct, "2017-05-02");
    assert_string_equal(d.lang, "de");
    assert_string_equal(d.url, "http://x");
    assert_string_equal(d.text, "Am 3. Mai \xc3\xa4\n");
    assert_int_equal(d.text_len, 13);
    zs_jsonl_doc_clear(&d);
    assert_null(d.text);
    /* only text is required; an integer id; nulls are absent */
    assert_int_equal(parse("{\"text\":\"x\",\"id\":42,\"dct\":null}", &d, &err), 0);
    assert_string_equal(d.id, "42");
    assert_null(d.dct);
    assert_null(d.lang);
    zs_jsonl_doc_clear(&d);
    /* of a repeated key the last one counts */
    assert_int_equal(parse("{\"text\":\"a\",\"text\":\"b\"}", &d, &err), 0);
    assert_string_equal(d.text, "b");
    zs_jsonl_doc_clear(&d);
}

static void expect_bad(const char *line, size_t len, const char *msg)
{
    zs_jsonl_doc d;
    zs_error err = {0};
    assert_int_equal(zs_jsonl_parse_line(line, len ? len : strlen(line), &d, &err), -1);
    assert_int_equal(err.code, ZS_ERR_INPUT);
    if (!strstr(err.msg, msg)) fail_msg("'%s': message '%s' lacks '%s'", line, err.msg, msg);
    assert_null(d.text);
    assert_null(d.id);
}

static void test_parse_errors(void **state)
{
    (void)state;
    expect_bad("{\"text\":\"x\"", 0, "column 11: the line ends inside");
    expect_bad(" ", 0, "column 1: ");
    expect_bad("[\"text\"]", 0, "must be a JSON object");
    expect_bad("{\"id\":\"a\"}", 0, "no \"text\" field");
    expect_bad("{\"text\":3}", 0, "\"text\" must be a string");
    expect_bad("{\"text\":\"x\",\"dct\":5}", 0, "\"dct\" must be a string");
    expect_bad("{\"text\":\"x\",\"id\":[1]}", 0, "\"id\" must be a string or an integer");
    expect_bad("{\"text\":\"a\\u0000b\"}", 0, "NUL character");
    expect_bad("{\"text\":\"a\0b\"}", 14, "column 11: NUL byte");
    expect_bad("{\"text\":\"a\xff\"}", 0, "column 11: invalid UTF-8");
    expect_bad("{\"text\":\"a\xc0\x9a\"}", 0, "column 11: invalid UTF-8");    /* overlong */
    expect_bad("{\"text\":\"a\xfb\xbf\xbf\xbf\xbf\"}", 0, "column 11: invalid UTF-8");
    expect_bad("{\"text\":\"a\xed\xa0\x80\"}", 0, "column 11: invalid UTF-8"); /* surrogate */
    expect_bad("{\"text\":\"x\",\"id\":\"a\\u0000\"}", 0, "column 20: NUL character");
    expect_bad("{\"text\":\"x\",}", 0, "column 13: ");
    expect_bad("{\"text\":\"x\",\"n\":01}", 0, "column");
    expect_bad("{\"text\":'x'}", 0, "column 9: ");
    expect_bad("{\"text\":\"x\"} {}", 0, "column");
}

/* Lines from a memory stream of n bytes. */
static FILE *stream(const char *s, size_t n)
{
    FILE *f = fmemopen((void *)s, n, "rb");
    assert_non_null(f);
    return f;
}

static void test_line_reader(void **state)
{
    (void)state;
    /* a line longer than the read-ahead, CRLF, an empty line, no final LF */
    size_t big = 200000;
    char *s = malloc(big + 32);
    memset(s, 'x', big);
    memcpy(s + big, "\r\n\nab\r\ncd", 9);
    zs_line_reader r = {0};
    zs_error err = {0};
    r.f = stream(s, big + 9);
    assert_int_equal(zs_line_read(&r, &err), 1);
    assert_int_equal(r.line.len, big);
    assert_int_equal(r.lineno, 1);
    assert_int_equal(zs_line_read(&r, &err), 1);
    assert_int_equal(r.line.len, 0);
    assert_int_equal(zs_line_read(&r, &err), 1);
    assert_string_equal(r.line.data, "ab");
    assert_int_equal(r.offset, big + 3);
    assert_int_equal(zs_line_read(&r, &err), 1);
    assert_string_equal(r.line.data, "cd");
    assert_int_equal(r.lineno, 4);
    assert_int_equal(zs_line_read(&r, &err), 0);
    assert_int_equal(r.consumed, big + 9);
    fclose(r.f);
    zs_line_reader_free(&r);
    /* max: a longer line is an error and is passed over */
    zs_line_reader q = {0};
    q.f = stream(s, big + 9);
    q.max = 1000;
    assert_int_equal(zs_line_read(&q, &err), -1);
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_non_null(strstr(err.msg, "longer than 1000 bytes"));
    assert_int_equal(q.lineno, 1);
    assert_int_equal(zs_line_read(&q, &err), 1);
    assert_int_equal(zs_line_read(&q, &err), 1);
    assert_string_equal(q.line.data, "ab");
    assert_int_equal(q.lineno, 3);
    fclose(q.f);
    zs_line_reader_free(&q);
    free(s);
}

/* The fixture's records, merged back, give the same records. */
static void records(const zs_graph *g, zs_buf *out)
{
    zs_error err;
    zs_buf_reset(out);
    assert_int_equal(zs_write_jsonl(g, out, &err), 0);
}

static void add_all(zs_merge *m, const char *s)
{
    unsigned long line = 0;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        zs_error err = {0};
        if (zs_merge_add_line(m, s, n, "mem", ++line, &err) != 0) fail_msg("%s", err.msg);
        s += n + (nl != NULL);
    }
    zs_merge_end_stream(m);
}

static void test_merge_round_trip(void **state)
{
    (void)state;
    zs_doc *d = fixture_doc();
    zs_graph *g = fixture_graph(d);
    zs_buf want = {0}, got = {0}, ics1 = {0}, ics2 = {0};
    zs_error err;
    records(g, &want);
    /* merged documents carry their language's code, not its templates: the
     * calendar of both uses the writers' own words */
    const zs_lang *lang = d->lang;
    d->lang = NULL;
    assert_int_equal(zs_write_ics(g, &(zs_write_options){0}, &ics1, &err), 0);
    d->lang = lang;
    zs_merge *m = zs_merge_new();
    add_all(m, want.data);
    add_all(m, want.data); /* a duplicate */
    assert_int_equal(zs_merge_docs_added(m), 2);
    const zs_graph *mg = zs_merge_finish(m);
    assert_int_equal(zs_merge_docs_kept(m), 1);
    records(mg, &got);
    assert_string_equal(got.data, want.data);
    assert_int_equal(zs_write_ics(mg, &(zs_write_options){0}, &ics2, &err), 0);
    assert_string_equal(ics2.data, ics1.data);
    zs_merge_free(m);
    zs_graph_free(g);
    fixture_doc_free(d);
    zs_buf_free(&want);
    zs_buf_free(&got);
    zs_buf_free(&ics1);
    zs_buf_free(&ics2);
}

static void test_merge_times_bc_and_seconds(void **state)
{
    (void)state;
    /* dates before year 1 and times with seconds read back as written */
    const char *in =
        "{\"doc\":\"r\",\"kind\":\"doc\",\"dct\":\"2017-05-02T21:06+02:00\",\"tz\":\"Europe/Berlin\",\"lang\":\"de\"}\n"
        "{\"doc\":\"r\",\"kind\":\"timex\",\"id\":\"t1\",\"text\":\"44 v. Chr.\",\"start\":0,\"end\":10,\"type\":\"DATE\",\"value\":\"BC0043\",\"begin\":\"-043-01-01\",\"until\":\"-042-01-01\",\"granularity\":\"year\",\"anchor\":\"none\",\"sentence\":0,\"rule\":\"date.bc\"}\n"
        "{\"doc\":\"r\",\"kind\":\"event\",\"id\":\"e1\",\"text\":\"Mord\",\"start\":11,\"end\":15,\"lemma\":\"mord\",\"title\":\"Mord\",\"class\":\"OCCURRENCE\",\"modality\":\"asserted\",\"time\":null,\"begin\":\"2017-05-02T21:06:30+02:00\",\"until\":\"2017-05-02T21:06:31+02:00\",\"granularity\":\"second\",\"sentence\":2,\"rank\":-1,\"context\":\"44 v. Chr. Mord\"}\n";
    zs_merge *m = zs_merge_new();
    add_all(m, in);
    const zs_graph *g = zs_merge_finish(m);
    zs_buf got = {0};
    records(g, &got);
    assert_string_equal(got.data, in);
    zs_buf_free(&got);
    zs_merge_free(m);
}

static void expect_merge_error(const char *lines, const char *msg)
{
    zs_merge *m = zs_merge_new();
    unsigned long line = 0;
    int rc = 0;
    zs_error err = {0};
    for (const char *s = lines; *s && rc == 0;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        rc = zs_merge_add_line(m, s, n, "in.jsonl", ++line, &err);
        s += n + (nl != NULL);
    }
    assert_int_equal(rc, -1);
    assert_int_equal(err.code, ZS_ERR_INPUT);
    if (!strstr(err.msg, msg)) fail_msg("message '%s' lacks '%s'", err.msg, msg);
    zs_merge_free(m);
}

#define DOC "{\"doc\":\"x\",\"kind\":\"doc\",\"dct\":\"2017-05-02\",\"tz\":\"Europe/Berlin\",\"lang\":\"de\"}\n"

static void test_merge_errors(void **state)
{
    (void)state;
    expect_merge_error("{\"doc\":\"x\",\"kind\":\"tlink\"}", "in.jsonl:1: a tlink record of 'x' outside");
    expect_merge_error("{\"doc\":\"x\",", "in.jsonl:1: column");
    expect_merge_error("{\"kind\":\"doc\"}", "in.jsonl:1: \"doc\" is missing");
    expect_merge_error(DOC "{\"doc\":\"x\",\"kind\":\"span\"}", "in.jsonl:2: \"kind\" has an unknown value");
    expect_merge_error("{\"doc\":\"x\",\"kind\":\"doc\",\"dct\":\"2017-02-30\",\"tz\":\"Europe/Berlin\",\"lang\":\"de\"}",
                       "\"dct\" is not a date");
    expect_merge_error("{\"doc\":\"x\",\"kind\":\"doc\",\"dct\":\"2017-02-03\",\"tz\":\"Mars/Olympus\",\"lang\":\"de\"}",
                       "\"tz\" is not a known time zone");
    expect_merge_error(DOC "{\"doc\":\"x\",\"kind\":\"timex\",\"id\":\"t1\",\"text\":\"Mai\",\"start\":0,\"end\":3,"
                           "\"type\":\"DATE\",\"value\":\"2017-05\",\"anchor\":\"dct\",\"sentence\":99999999,\"rule\":\"r\"}",
                       "in.jsonl:2: \"sentence\" must be a small non-negative integer");
    expect_merge_error(DOC "{\"doc\":\"x\",\"kind\":\"timex\",\"id\":\"t1\",\"text\":\"Mai\",\"start\":0,\"end\":3,"
                           "\"type\":\"DAY\",\"value\":\"2017-05\",\"anchor\":\"dct\",\"sentence\":0,\"rule\":\"r\"}",
                       "\"type\" has an unknown value");
    expect_merge_error(DOC "{\"doc\":\"x\",\"kind\":\"timex\",\"id\":\"t1\",\"text\":\"Mai\",\"start\":0,\"end\":3,"
                           "\"type\":\"DATE\",\"value\":\"2017-05\",\"begin\":\"2017-05-01\",\"anchor\":\"dct\",\"sentence\":0,\"rule\":\"r\"}",
                       "\"until\" is missing");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_fields),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_line_reader),
        cmocka_unit_test(test_merge_round_trip),
        cmocka_unit_test(test_merge_times_bc_and_seconds),
        cmocka_unit_test(test_merge_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
