/* A hand-built document and graph for writer tests, independent of the
 * tagger: four dated events (part of day, two days, vague month, early
 * month) and one undated event, publication time 2017-05-02T21:06 in
 * Europe/Berlin. */
#ifndef ZS_TEST_FIXTURE_H
#define ZS_TEST_FIXTURE_H

#include "doc.h"

/* New doc (free with fixture_doc_free) and a finished graph over it
 * (free with zs_graph_free before the doc). */
zs_doc *fixture_doc(void);
void fixture_doc_free(zs_doc *d);
zs_graph *fixture_graph(const zs_doc *d);

/* The doc of text in lang published at dct, failing the test where it
 * cannot be made (free it with zs_doc_free). */
zs_doc *fixture_read(const zs_lang *lang, const char *text, const char *dct);

/* The first event of d whose text is text, failing the test where there
 * is none. */
const zs_event *fixture_event(const zs_doc *d, const char *text);

/* The German templates (tests run from the repository root), or NULL after
 * printing why. Free with zs_lang_free. */
zs_lang *fixture_lang_de(void);

/* cmocka group setup and teardown that keep the German templates in the
 * group's *state and in fixture_de. The teardown also releases what
 * libxml2 and libical keep for the process (parser state, built-in time
 * zones), so that valgrind sees every block freed. */
extern zs_lang *fixture_de;
int fixture_setup_de(void **state);
int fixture_teardown_de(void **state);

/* The same for the English and German templates, the English ones in
 * fixture_en. */
extern zs_lang *fixture_en;
int fixture_setup_en_de(void **state);
int fixture_teardown_en_de(void **state);

#endif
