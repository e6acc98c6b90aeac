/* Tense and aspect of events (src/event.c, the verb_aux and verb_ending
 * lexicons of templates/<lang>/lang.zt) end to end, a trigger's class in
 * context, and how the TimeML and
 * JSONL writers carry them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "fixture.h"
#include "template.h"
#include "writers.h"
#include "zeitstrahl.h"

/* The German templates in *state (fixture_de), the English ones in en. */
static zs_lang *en;

static int setup(void **state)
{
    int r = fixture_setup_en_de(state);
    en = fixture_en;
    return r;
}

static zs_doc *analyse(const zs_lang *lang, const char *text)
{
    zs_options o = {.dct = "2017-05-02T21:06"};
    zs_error err;
    zs_doc *d = zs_doc_new(lang, "t", text, strlen(text), &o, &err);
    if (!d) fail_msg("%s", err.msg);
    return d;
}

/* The event whose trigger is the word trigger in text has tense and aspect. */
static void check(const zs_lang *lang, const char *text, const char *trigger,
                  const char *tense, const char *aspect)
{
    zs_doc *d = analyse(lang, text);
    const zs_event *e = NULL;
    for (size_t i = 0; i < d->nevents && !e; i++)
        if (d->events[i].b1 - d->events[i].b0 == strlen(trigger) &&
            memcmp(d->text + d->events[i].b0, trigger, strlen(trigger)) == 0)
            e = &d->events[i];
    if (!e) fail_msg("no event '%s' in: %s", trigger, text);
    if (strcmp(zs_tense_name(e->tense), tense) != 0 ||
        strcmp(zs_aspect_name(e->aspect), aspect) != 0)
        fail_msg("%s: %s %s, want %s %s", text, zs_tense_name(e->tense),
                 zs_aspect_name(e->aspect), tense, aspect);
    zs_doc_free(d);
}

static void test_german(void **state)
{
    const zs_lang *de = *state;
    check(de, "Die Minister hatten sich im Januar getroffen.", "getroffen", "PAST", "PERFECTIVE");
    check(de, "Sie haben am Montag telefoniert.", "telefoniert", "PRESENT", "PERFECTIVE");
    check(de, "Er sagte, dass sie sich getroffen hatten.", "getroffen", "PAST", "PERFECTIVE");
    check(de, "Der Fall ist untersucht worden.", "untersucht", "PRESENT", "PERFECTIVE");
    check(de, "Das teilte das Ministerium mit.", "teilte", "PAST", "NONE");
    check(de, "Die Minister berieten lange.", "berieten", "PAST", "NONE");
    check(de, "Die Minister trafen sich.", "trafen", "PAST", "NONE");
    check(de, "Sie werden am Montag beraten.", "beraten", "FUTURE", "NONE");
    check(de, "Der Fall wird untersucht.", "untersucht", "PRESENT", "NONE");
    check(de, "Der Fall wurde untersucht.", "untersucht", "PAST", "NONE");
    check(de, "Die Minister beraten heute.", "beraten", "PRESENT", "NONE");
    check(de, "Sie wollen sich im Juli treffen.", "treffen", "NONE", "NONE");
    check(de, "Sie vereinbarten, sich bald zu treffen.", "treffen", "INFINITIVE", "NONE");
    check(de, "Der Gipfel findet im Juli statt.", "Gipfel", "NONE", "NONE"); /* a noun */
    /* a possessive "sein" is no auxiliary: as with an article */
    check(de, "Er hat das Album am Montag vorgestellt.", "vorgestellt", "PRESENT", "PERFECTIVE");
    check(de, "Er hat sein Album am Montag vorgestellt.", "vorgestellt", "PRESENT", "PERFECTIVE");
    check(de, "Er hat sein erstes Album vorgestellt.", "vorgestellt", "PRESENT", "PERFECTIVE");
    check(de, "Er hatte sein Album vorgestellt.", "vorgestellt", "PAST", "PERFECTIVE");
    check(de, "Das Album soll vorgestellt worden sein.", "vorgestellt", "NONE", "PERFECTIVE");
    /* strong pasts verb_ending lists whole, not presents by their ending */
    check(de, "Am Montag entschied das Gericht.", "entschied", "PAST", "NONE");
    check(de, "Der Minister unterschrieb den Vertrag.", "unterschrieb", "PAST", "NONE");
}

/* Whether text has an event whose trigger is the word trigger. */
static bool has_event(const zs_lang *lang, const char *text, const char *trigger)
{
    zs_doc *d = analyse(lang, text);
    bool found = false;
    for (size_t i = 0; i < d->nevents && !found; i++)
        found = d->events[i].b1 - d->events[i].b0 == strlen(trigger) &&
                memcmp(d->text + d->events[i].b0, trigger, strlen(trigger)) == 0;
    zs_doc_free(d);
    return found;
}

/* A verb whose entry says not_with= is no event where a noun of that
 * lexicon is its subject or object, outside a prepositional phrase. */
static void test_german_senses(void **state)
{
    const zs_lang *de = *state;
    assert_false(has_event(de, "Sie will am Sonntag das Rennen bestreiten.", "bestreiten"));
    assert_true(has_event(de, "Sie will am Sonntag das Rennen bestreiten.", "Rennen"));
    assert_false(has_event(de, "Am Samstag bestreitet das Team sein Heimspiel.", "bestreitet"));
    assert_true(has_event(de, "Der Minister bestreitet die Vorwürfe.", "bestreitet"));
    assert_true(has_event(de, "Er bestritt, vom Rennen gewusst zu haben.", "bestritt"));
    assert_false(has_event(de, "Die Jury wird am Freitag den Sieger ermitteln.", "ermitteln"));
    assert_false(has_event(de, "Die Gesamtsiegerin wird am Abend ermittelt.", "ermittelt"));
    assert_false(has_event(de, "Die Feuerwehr ermittelte die Brandursache.", "ermittelte"));
    assert_true(has_event(de, "Die Polizei ermittelt gegen den Sieger.", "ermittelt"));
    assert_true(has_event(de, "Die Staatsanwaltschaft ermittelt seit Mai.", "ermittelt"));
    /* a verdict spoken is no talks */
    assert_false(has_event(de, "Das Gericht hat am Donnerstag ein Urteil gesprochen.", "gesprochen"));
    assert_true(has_event(de, "Die Minister haben über die Lage gesprochen.", "gesprochen"));
}

static void test_english(void **state)
{
    (void)state;
    check(en, "The ministers had met in January.", "met", "PAST", "PERFECTIVE");
    check(en, "The ministers met in January.", "met", "PAST", "NONE");
    check(en, "The ministers have met twice.", "met", "PRESENT", "PERFECTIVE");
    check(en, "He has not yet resigned.", "resigned", "PRESENT", "PERFECTIVE");
    check(en, "They will meet in July.", "meet", "FUTURE", "NONE");
    check(en, "They will have met by then.", "met", "FUTURE", "PERFECTIVE");
    check(en, "They are meeting today.", "meeting", "PRESENT", "PROGRESSIVE");
    check(en, "They were meeting when it happened.", "meeting", "PAST", "PROGRESSIVE");
    check(en, "They have been meeting for weeks.", "meeting", "PRESENT",
          "PERFECTIVE_PROGRESSIVE");
    check(en, "The man was killed.", "killed", "PAST", "NONE");
    check(en, "They agreed to meet again.", "agreed", "PAST", "NONE");
    check(en, "They agreed to meet again.", "meet", "INFINITIVE", "NONE");
    check(en, "The talks could collapse.", "collapse", "NONE", "NONE");
}

/* The event whose trigger is the word trigger in text. */
static const zs_event *event_of(const zs_doc *d, const char *trigger)
{
    for (size_t i = 0; i < d->nevents; i++)
        if (d->events[i].b1 - d->events[i].b0 == strlen(trigger) &&
            memcmp(d->text + d->events[i].b0, trigger, strlen(trigger)) == 0)
            return &d->events[i];
    fail_msg("no event '%s' in: %s", trigger, d->text);
    return NULL;
}

/* The link from event a to event b in d, or NULL. */
static const zs_tlink *link_of(const zs_doc *d, const zs_event *a, const zs_event *b)
{
    for (size_t i = 0; i < d->nbase; i++)
        if (strcmp(d->tlinks[i].from, a->id) == 0 && strcmp(d->tlinks[i].to, b->id) == 0)
            return &d->tlinks[i];
    return NULL;
}

/* Neighbouring events related by the fields of their pair (tlink_pair in
 * templates/en/tlinks.zt, keyed by what stands between them and the forms
 * and classes of the two): an event before the infinitive after it, two
 * past verbs after a comma in text order; a key whose value is NONE ("said
 * it expects") gets no link, nor a pair another source relates already. */
static void test_pairs(void **state)
{
    (void)state;
    zs_doc *d = analyse(en, "Officials said they agreed to meet again.");
    const zs_event *said = event_of(d, "said"), *agreed = event_of(d, "agreed");
    const zs_tlink *l = link_of(d, agreed, event_of(d, "meet"));
    assert_non_null(l);
    assert_int_equal(l->rel, ZS_REL_BEFORE);
    assert_string_equal(l->source, "pair:infinitive");
    l = link_of(d, agreed, said); /* a past event before its report */
    assert_non_null(l);
    assert_string_equal(l->source, "reporting");
    assert_null(link_of(d, said, agreed));
    zs_doc_free(d);
    d = analyse(en, "The rebels attacked, and the army retreated.");
    l = link_of(d, event_of(d, "attacked"), event_of(d, "retreated"));
    assert_non_null(l);
    assert_int_equal(l->rel, ZS_REL_BEFORE);
    assert_string_equal(l->source, "pair:comma");
    zs_doc_free(d);
    d = analyse(en, "The company said it expects to complete the sale.");
    assert_null(link_of(d, event_of(d, "said"), event_of(d, "expects")));
    l = link_of(d, event_of(d, "expects"), event_of(d, "complete"));
    assert_non_null(l);
    assert_string_equal(l->source, "pair:infinitive");
    zs_doc_free(d);
    /* events of two sentences: no pair */
    d = analyse(en, "They agreed. The rebels attacked.");
    assert_null(link_of(d, event_of(d, "agreed"), event_of(d, "attacked")));
    zs_doc_free(d);
}

/* The link to the publication time of an event no other source relates
 * to it, by tlink_pair's "dct FORM CLASS TIMED" keys: a past verb with a
 * date of its own lies before it; none in German, which has no such
 * table. */
static void test_dct_table(void **state)
{
    zs_doc *d = analyse(en, "Officials said on Monday that the talks failed.");
    const zs_event *said = event_of(d, "said");
    bool found = false;
    for (size_t i = 0; i < d->nbase; i++) {
        const zs_tlink *l = &d->tlinks[i];
        if (strcmp(l->from, said->id) != 0 || strcmp(l->to, "t0") != 0) continue;
        assert_int_equal(l->rel, ZS_REL_BEFORE);
        assert_string_equal(l->source, "dct:past");
        found = true;
    }
    assert_true(found);
    zs_doc_free(d);
    d = analyse(*state, "Die Minister hatten sich am Montag getroffen, sagte er.");
    for (size_t i = 0; i < d->nbase; i++) {
        assert_false(strncmp(d->tlinks[i].source, "dct:", 4) == 0);
        assert_false(strncmp(d->tlinks[i].source, "pair:", 5) == 0);
    }
    zs_doc_free(d);
}

/* The one verb group analysis also tells which verb events lie before the
 * publication time ("hit" is a past form by verb_ending alone), and the
 * class of a trigger may depend on what follows it (class_context). */
static void test_past_and_context(void **state)
{
    (void)state;
    zs_doc *d = analyse(en, "The storm hit the coast.");
    const zs_event *e = event_of(d, "hit");
    assert_string_equal(zs_tense_name(e->tense), "PAST");
    bool before = false;
    for (size_t i = 0; i < d->ntlinks; i++)
        before |= strcmp(d->tlinks[i].from, e->id) == 0 && strcmp(d->tlinks[i].to, "t0") == 0 &&
                  d->tlinks[i].rel == ZS_REL_BEFORE;
    assert_true(before);
    zs_doc_free(d);
    d = analyse(en, "The storm will hit the coast.");
    e = event_of(d, "hit");
    for (size_t i = 0; i < d->ntlinks; i++)
        assert_false(strcmp(d->tlinks[i].from, e->id) == 0 &&
                     strcmp(d->tlinks[i].to, "t0") == 0 && d->tlinks[i].rel == ZS_REL_BEFORE);
    zs_doc_free(d);
    d = analyse(en, "Police blocked the road.");
    assert_int_equal(event_of(d, "blocked")->cls, ZS_EC_OCCURRENCE); /* alone */
    zs_doc_free(d);
    d = analyse(en, "Congress blocked the deal.");
    assert_int_equal(event_of(d, "blocked")->cls, ZS_EC_I_ACTION); /* an event follows */
    zs_doc_free(d);
}

/* The events of English text, as their triggers joined by spaces. */
static char *triggers_of(const char *text)
{
    zs_doc *d = analyse(en, text);
    zs_buf b = {0};
    zs_buf_puts(&b, "");
    for (size_t i = 0; i < d->nevents; i++) {
        if (i) zs_buf_puts(&b, " ");
        zs_buf_put(&b, d->text + d->events[i].b0, d->events[i].b1 - d->events[i].b0);
    }
    zs_doc_free(d);
    return b.data;
}

/* The word before a trigger may change its class, or make it no event
 * (class_before): a past participle after an article or a preposition is
 * an adjective, a part of a hyphenated compound is no event, and a word
 * that is no trigger by itself may be one after "to" or a modal; a noun
 * naming a person is no event after an article or a preposition, nor is a
 * word known by its ending only ("-ed") where the ending's entry says so,
 * and a word inside an idiom ("in charge of", "at stake") is none; a noun
 * trigger right before another noun trigger is a modifier of it, none. */
static void test_before_context(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"The alleged attack came on Monday.", "attack came"},
        {"Police alleged that he fled.", "alleged fled"},
        {"He was charged with attempted murder.", "charged murder"},
        {"They attempted to flee.", "attempted flee"},
        {"The bank took a write-off.", "took"},
        {"They will write a report.", "write report"},
        {"They want to sign the treaty.", "want sign"}, /* an event after "to" only */
        {"It was a sign of hope.", "hope"},
        {"Prices could still fall.", "fall"}, /* never one after a modal */
        /* a word the lexicon knows by its ending only, "-ded" */
        {"The rebranded company grew.", "grew"},
        {"They rebranded the company.", "rebranded"},
        /* a word WordNet knows as no verb form, though of such an ending */
        {"The appellate court ruled.", "ruled"},
        {"They fired from a wooded area.", "fired"},
        /* a noun naming a person (WordNet) after an article is the person */
        {"The suspect fled on Monday.", "fled"},
        {"Police suspect that he fled.", "suspect fled"},
        {"He talked to the witness.", "talked"},
        {"She is the boss.", "boss"}, /* a STATE: a predicate */
        /* a word inside an idiom of event_not is no event there */
        {"He was put in charge of the talks.", "put talks"},
        {"They charge a fee.", "charge"},
        {"Billions are at stake.", ""},
        {"The plan is on hold.", ""},
        /* a noun trigger right before another one is a modifier of it */
        {"The merger agreement was signed.", "agreement signed"},
        {"The merger failed.", "merger failed"},
        {"They won the war, the campaign failed.", "war campaign failed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = triggers_of(cases[i][0]);
        assert_string_equal(got, cases[i][1]);
        free(got);
    }
    zs_doc *d = analyse(en, "Police alleged that he fled.");
    assert_int_equal(event_of(d, "alleged")->cls, ZS_EC_I_ACTION);
    zs_doc_free(d);
}

/* TimeML's MAKEINSTANCE and JSONL's event records carry them; merging the
 * JSONL keeps them. */
static void test_writers(void **state)
{
    const zs_lang *de = *state;
    zs_doc *d = analyse(de, "Die Minister hatten sich im Januar getroffen.");
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    zs_buf t = {0}, j = {0};
    zs_error err;
    assert_int_equal(zs_write_timeml(g, &t, &err), 0);
    assert_non_null(strstr(t.data, "<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"PAST\" "
                                   "aspect=\"PERFECTIVE\" polarity=\"POS\" pos=\"VERB\"/>"));
    assert_int_equal(zs_write_jsonl(g, &j, &err), 0);
    assert_non_null(strstr(j.data, "\"modality\":\"asserted\",\"tense\":\"PAST\","
                                   "\"aspect\":\"PERFECTIVE\""));
    zs_buf_free(&t);
    zs_buf_free(&j);
    zs_graph_free(g);
    zs_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_german),
        cmocka_unit_test(test_german_senses),
        cmocka_unit_test(test_english),
        cmocka_unit_test(test_past_and_context),
        cmocka_unit_test(test_before_context),
        cmocka_unit_test(test_pairs),
        cmocka_unit_test(test_dct_table),
        cmocka_unit_test(test_writers),
    };
    return cmocka_run_group_tests_name("tense", tests, setup, fixture_teardown_en_de);
}
