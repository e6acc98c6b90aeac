/* Cancelled and postponed events (event_status, status_date), the scope
 * of planning cues (modal_planned "noun", "adjective", "report"), German
 * and English, and German support verbs and their objects (tlink_object,
 * "objects clause"), and polarity (the negation lexicon). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "fixture.h"
#include "template.h"
#include "tvalue.h"
#include "zeitstrahl.h"

static zs_lang *en, *de;

static int setup(void **state)
{
    int r = fixture_setup_en_de(state);
    en = fixture_en;
    de = fixture_de;
    return r;
}

/* The begin of event e's interval as YYYY-MM-DD, "" without one. */
static const char *begin_day(const zs_event *e, char *buf, size_t size)
{
    if (!e->has_interval) return "";
    int y, m, dd, h, mi, s;
    zs_lsec_split(e->begin, &y, &m, &dd, &h, &mi, &s);
    snprintf(buf, size, "%04d-%02d-%02d", y, m, dd);
    return buf;
}

/* German: the passive subject of "abgesagt" is cancelled and keeps the day
 * it was planned for; the cancelling verb is an event of its own; "auf
 * April verschoben" moves a meeting to the coming April. */
static void test_de_cancel_postpone(void **state)
{
    (void)state;
    char b[16];
    zs_doc *d = fixture_read(de,
                         "Der für Dienstag geplante Gipfel in Paris wurde abgesagt. "
                         "Das Treffen der Außenminister wurde auf April verschoben.",
                         "2025-03-03T10:15+01:00");
    const zs_event *g = fixture_event(d, "Gipfel");
    assert_int_equal(g->modality, ZS_MODAL_CANCELLED);
    assert_string_equal(begin_day(g, b, sizeof b), "2025-03-04");
    const zs_event *a = fixture_event(d, "abgesagt");
    assert_int_equal(a->modality, ZS_MODAL_ASSERTED);
    assert_false(a->has_interval); /* not on the Tuesday it cancels */
    const zs_event *t = fixture_event(d, "Treffen");
    assert_int_equal(t->modality, ZS_MODAL_PLANNED);
    assert_true(t->postponed);
    assert_string_equal(begin_day(t, b, sizeof b), "2025-04-01");
    assert_int_equal(fixture_event(d, "verschoben")->modality, ZS_MODAL_ASSERTED);
    zs_doc_free(d);
}

/* German: the noun "Verschiebung" points its "auf" date ahead as the
 * participle does, so "auf Februar" said in March in a past sentence is
 * the coming February, and the summit it names moves there. */
static void test_de_postpone_noun(void **state)
{
    (void)state;
    char b[16];
    zs_doc *d = fixture_read(de,
                         "Die Regierung kündigte am Montag die Verschiebung des Gipfels auf "
                         "Februar an.",
                         "2025-03-03T10:15+01:00");
    const zs_event *g = fixture_event(d, "Gipfels");
    assert_true(g->postponed);
    assert_string_equal(begin_day(g, b, sizeof b), "2026-02-01");
    zs_doc_free(d);
}

/* German separable and noun forms: "sagte ... ab" names its object,
 * "Absage des Gipfels" the noun after it; a noun a signal names is not the
 * subject ("wegen" is none: "nach dem Streik" is); "empfing" is a
 * reception. */
static void test_de_forms(void **state)
{
    (void)state;
    zs_doc *d = fixture_read(de,
                         "Die Regierung sagte das Treffen mit Frankreich ab. "
                         "Nach dem Streik wurde die Konferenz abgesagt. "
                         "Die Absage des Gipfels überraschte viele. "
                         "Der Kanzler empfing den Präsidenten am Montag.",
                         "2025-03-03");
    assert_int_equal(fixture_event(d, "Treffen")->modality, ZS_MODAL_CANCELLED);
    assert_int_equal(fixture_event(d, "Streik")->modality, ZS_MODAL_ASSERTED);
    assert_int_equal(fixture_event(d, "Konferenz")->modality, ZS_MODAL_CANCELLED);
    assert_int_equal(fixture_event(d, "Gipfels")->modality, ZS_MODAL_CANCELLED);
    assert_int_equal(fixture_event(d, "Absage")->modality, ZS_MODAL_ASSERTED);
    const zs_event *r = fixture_event(d, "empfing"); /* a reception, a diplomatic event */
    assert_string_equal(r->lemma, "empfangen");
    assert_true(strncmp(r->title, "Empfang", 7) == 0);
    assert_true(r->has_interval);
    zs_doc_free(d);
}

/* English: the passive subject, not the talks after "after", is
 * cancelled, and has no date from "on Sunday", the cancellation's; the
 * active object of "called off"; "postponed ... until" dates the vote, and
 * "postponed to Friday" the hearing, not a Friday before the publication;
 * the planning adjective plans its noun only. */
static void test_en_cancel_postpone(void **state)
{
    (void)state;
    char b[16];
    zs_doc *d = fixture_read(en,
                         "The planned summit in Paris was cancelled on Sunday after talks broke down. "
                         "Officials called off the meeting. "
                         "Parliament postponed the vote until March 20. "
                         "The hearing was postponed to Friday. "
                         "The ministers pushed the talks back to Friday.",
                         "2025-03-03");
    const zs_event *s = fixture_event(d, "summit");
    assert_int_equal(s->modality, ZS_MODAL_CANCELLED);
    assert_false(s->has_interval);
    assert_int_equal(fixture_event(d, "cancelled")->modality, ZS_MODAL_ASSERTED);
    assert_int_equal(fixture_event(d, "talks")->modality, ZS_MODAL_ASSERTED);
    assert_int_equal(fixture_event(d, "broke")->modality, ZS_MODAL_ASSERTED);
    assert_int_equal(fixture_event(d, "meeting")->modality, ZS_MODAL_CANCELLED);
    const zs_event *v = fixture_event(d, "vote");
    assert_int_equal(v->modality, ZS_MODAL_PLANNED);
    assert_string_equal(begin_day(v, b, sizeof b), "2025-03-20");
    /* "postponed" leans its date ahead (tense_future): the coming Friday */
    const zs_event *h = fixture_event(d, "hearing");
    assert_true(h->postponed);
    assert_string_equal(begin_day(h, b, sizeof b), "2025-03-07");
    /* a date read as past is no new date ("back to Friday": the last one) */
    assert_false(fixture_event(d, "talks")->postponed);
    zs_doc_free(d);
}

/* The US spelling cancels as the British one does: "canceled" is an event
 * (derive_events.py lists it as "cancelled" is, respell). */
static void test_en_us_spelling(void **state)
{
    (void)state;
    zs_doc *d = fixture_read(en, "Officials canceled the meeting with Mexico on Monday.", "2025-03-03");
    assert_int_equal(fixture_event(d, "meeting")->modality, ZS_MODAL_CANCELLED);
    assert_int_equal(fixture_event(d, "canceled")->modality, ZS_MODAL_ASSERTED);
    zs_doc_free(d);
}

/* "would" after a past report plans what follows it, not the report; "would"
 * alone does not; "planned" without a noun after it plans its clause. */
static void test_en_planned_scope(void **state)
{
    (void)state;
    zs_doc *d = fixture_read(en,
                         "Scholz said he would travel to Washington. "
                         "A strike would hurt exports. "
                         "The talks are planned for Friday.",
                         "2025-03-03");
    assert_int_equal(fixture_event(d, "said")->modality, ZS_MODAL_ASSERTED);
    const zs_event *t = fixture_event(d, "travel");
    assert_int_equal(t->modality, ZS_MODAL_PLANNED);
    assert_true(t->reported_plan);
    assert_int_equal(fixture_event(d, "hurt")->modality, ZS_MODAL_ASSERTED);
    assert_int_equal(fixture_event(d, "talks")->modality, ZS_MODAL_PLANNED);
    zs_doc_free(d);
    /* after its noun and a phrase "planned" plans that noun, not its
       clause; not a verb's "whether they planned to" */
    d = fixture_read(en,
                 "Obama cancelled the summit with Mexico planned for Friday. "
                 "Talks on trade scheduled for next week were confirmed. "
                 "Officials would not comment on whether they planned to appeal.",
                 "2025-03-03");
    char b[16];
    assert_int_equal(fixture_event(d, "cancelled")->modality, ZS_MODAL_ASSERTED);
    const zs_event *s = fixture_event(d, "summit");
    assert_int_equal(s->modality, ZS_MODAL_CANCELLED);
    assert_string_equal(begin_day(s, b, sizeof b), "2025-03-07");
    assert_int_equal(fixture_event(d, "Talks")->modality, ZS_MODAL_PLANNED);
    assert_int_equal(fixture_event(d, "confirmed")->modality, ZS_MODAL_ASSERTED);
    assert_int_equal(fixture_event(d, "appeal")->modality, ZS_MODAL_PLANNED);
    assert_int_equal(fixture_event(d, "comment")->modality, ZS_MODAL_PLANNED);
    zs_doc_free(d);
    /* "for" and a date that does not end before the publication plans the
       noun a reporting verb names; a past date or no date does not */
    d = fixture_read(en,
                 "The ministry announced talks for next week. "
                 "Officials announced a summit with Ukraine for June 12, 2025. "
                 "The agency reported results for 2024. "
                 "The president announced negotiations for peace.",
                 "2025-03-03");
    assert_int_equal(fixture_event(d, "talks")->modality, ZS_MODAL_PLANNED);
    assert_int_equal(fixture_event(d, "summit")->modality, ZS_MODAL_PLANNED);
    assert_int_equal(fixture_event(d, "announced")->modality, ZS_MODAL_ASSERTED);
    assert_int_equal(fixture_event(d, "results")->modality, ZS_MODAL_ASSERTED);
    assert_int_equal(fixture_event(d, "negotiations")->modality, ZS_MODAL_ASSERTED);
    zs_doc_free(d);
    /* German: "geplante" plans its noun only, "soll" its clause; a date
       before "geplante" is its noun's ("der für Freitag geplante Gipfel") */
    d = fixture_read(de,
                 "Die Minister trafen sich vor dem geplanten Gipfel. "
                 "Das Treffen soll am Freitag stattfinden. "
                 "Der Minister sagte den für Freitag geplanten Besuch ab.",
                 "2025-03-03");
    assert_int_equal(fixture_event(d, "trafen")->modality, ZS_MODAL_ASSERTED);
    assert_int_equal(fixture_event(d, "Gipfel")->modality, ZS_MODAL_PLANNED);
    assert_int_equal(fixture_event(d, "Treffen")->modality, ZS_MODAL_PLANNED);
    const zs_event *v = fixture_event(d, "Besuch");
    assert_int_equal(v->modality, ZS_MODAL_CANCELLED);
    assert_string_equal(begin_day(v, b, sizeof b), "2025-03-07");
    assert_int_equal(fixture_event(d, "sagte")->modality, ZS_MODAL_ASSERTED);
    zs_doc_free(d);
    /* a cue of its clause does not plan a verb in the past before it */
    d = fixture_read(en,
                 "The envoys met on Monday to plan the talks. "
                 "Officials said they will meet on Friday.",
                 "2025-03-05");
    assert_int_equal(fixture_event(d, "met")->modality, ZS_MODAL_ASSERTED);
    assert_int_equal(fixture_event(d, "talks")->modality, ZS_MODAL_PLANNED);
    assert_int_equal(fixture_event(d, "said")->modality, ZS_MODAL_ASSERTED);
    assert_int_equal(fixture_event(d, "meet")->modality, ZS_MODAL_PLANNED);
    zs_doc_free(d);
    d = fixture_read(de,
                 "Die Minister trafen sich am Montag und wollen am Freitag erneut beraten. "
                 "Er sagte, das Treffen solle am Freitag stattfinden.",
                 "2025-03-05");
    assert_int_equal(fixture_event(d, "trafen")->modality, ZS_MODAL_ASSERTED);
    const zs_event *r = fixture_event(d, "beraten");
    assert_int_equal(r->modality, ZS_MODAL_PLANNED);
    assert_string_equal(begin_day(r, b, sizeof b), "2025-03-07");
    assert_int_equal(fixture_event(d, "Treffen")->modality, ZS_MODAL_PLANNED);
    zs_doc_free(d);
}

/* A cancelled mention cancels the event's earlier mentions. */
static void test_cancel_spreads(void **state)
{
    (void)state;
    zs_doc *d = fixture_read(de,
                         "Der Gipfel am 7. März in Paris war lange vorbereitet worden. "
                         "Nun wurde der Gipfel abgesagt.",
                         "2025-03-03");
    assert_int_equal(d->events[0].modality, ZS_MODAL_CANCELLED);
    assert_int_equal(fixture_event(d, "abgesagt")->modality, ZS_MODAL_ASSERTED);
    zs_doc_free(d);
}

/* The number of events whose text is text. */
static int events_with_text(const zs_doc *d, const char *text)
{
    size_t n = strlen(text);
    int count = 0;
    for (size_t k = 0; k < d->nevents; k++) {
        const zs_event *e = &d->events[k];
        count += e->b1 - e->b0 == n && memcmp(d->text + e->b0, text, n) == 0;
    }
    return count;
}

/* A mention names an event of the last twenty sentences only. */
static void test_mention_reach(void **state)
{
    (void)state;
    char text[2048];
    for (int gap = 19; gap <= 21; gap += 2) {
        int n = snprintf(text, sizeof text, "Der Angriff auf die Stadt traf die Bewohner. ");
        for (int k = 0; k < gap; k++) n += snprintf(text + n, sizeof text - (size_t)n, "Die Lage blieb ruhig. ");
        snprintf(text + n, sizeof text - (size_t)n, "Der Angriff dauerte an.");
        zs_doc *d = fixture_read(de, text, "2025-03-05");
        assert_int_equal(events_with_text(d, "Angriff"), 2);
        const zs_event *later = &d->events[d->nevents - 1];
        assert_string_equal(later->lemma, "angriff");
        assert_int_equal(later->coref, gap <= 20 ? 0 : -1);
        zs_doc_free(d);
    }
}

/* A mention joins an event only if its date overlaps the dates of all
 * its mentions so far, not only the first one's: an undated mention
 * between two does not join attacks of March and May. */
static void test_mention_span(void **state)
{
    (void)state;
    zs_doc *d = fixture_read(de,
                         "Der Angriff der Rebellen war heftig. "
                         "Im März griffen die Rebellen die Stadt an. "
                         "Im Mai griffen sie die Stadt erneut an.",
                         "2025-06-01");
    assert_int_equal(d->nevents, 3);
    assert_int_equal(d->events[1].coref, 0);
    assert_int_equal(d->events[2].coref, -1);
    assert_int_equal(d->ncontras, 0);
    zs_doc_free(d);
}

/* An event a later mention of which has a date of its own does not lie
 * within a date of its own sentence (source "sentence"): the mention's
 * date is the event's. */
static void test_mention_date(void **state)
{
    (void)state;
    zs_doc *d = fixture_read(de,
                         "Die Kapitulation der Armee in Holland war nach Angaben vieler "
                         "Historiker auch am 14. April noch ungewiss. "
                         "Die Kapitulation am 17. April beendete den Krieg.",
                         "2025-05-01");
    assert_int_equal(events_with_text(d, "Kapitulation"), 2);
    const zs_event *first = &d->events[0], *later = &d->events[1];
    assert_int_equal(later->coref, 0);
    assert_true(later->time >= 0);
    for (size_t i = 0; i < d->ntlinks; i++)
        assert_false(strcmp(d->tlinks[i].from, first->id) == 0 &&
                     strcmp(d->tlinks[i].source, "sentence") == 0);
    assert_int_equal(d->ncontras, 0);
    zs_doc_free(d);
}

/* The relation of the link from a to b of source src, or -1. */
static int link_rel(const zs_doc *d, const zs_event *a, const zs_event *b, const char *src)
{
    for (size_t i = 0; i < d->ntlinks; i++) {
        const zs_tlink *l = &d->tlinks[i];
        if (strcmp(l->from, a->id) == 0 && strcmp(l->to, b->id) == 0 && strcmp(l->source, src) == 0)
            return (int)l->rel;
    }
    return -1;
}

/* German support verbs: the object after the verb with words between
 * ("führten am Montag in Wien Gespräche") or before a verb that ends its
 * clause ("Verhandlungen mit Polen geführt", "eine Entscheidung getroffen
 * hätten"); the verb has the noun's title with its names and place, the
 * later of the two is a mention of the first, the noun keeps its date.
 * Adverbs may stand between an object and its verb ("scharf verurteilt"),
 * another phrase may not ("dass der Angriff die Stadt traf").
 * "führte zu einem Streik" is causative (BEFORE, its own title); "der Weg
 * führt nach Salzburg" and "führten die Delegation zu den Gesprächen"
 * (the noun in a prepositional phrase) make no event of "führen"; "trafen
 * sich am Rande des Gipfels" is a meeting, not the summit. */
static void test_de_support(void **state)
{
    (void)state;
    char b[16];
    zs_doc *d = fixture_read(de,
                         "Die Außenminister Österreichs und Irans führten am Montag in Wien "
                         "Gespräche über das Abkommen. "
                         "Der Präsident hat am Freitag Verhandlungen mit Polen geführt. "
                         "Es hieß, dass die Minister eine Entscheidung getroffen hätten. "
                         "Der Anschlag führte zu einem Streik. Der Weg führt nach Salzburg. "
                         "Die Minister trafen sich am Rande des Gipfels. "
                         "Die Beamten führten die Delegation zu den Gesprächen.",
                         "2026-03-09T10:00+01:00");
    const zs_event *v = fixture_event(d, "führten"), *n = fixture_event(d, "Gespräche");
    assert_string_equal(v->title, "Gespräch Iran \u2013 Österreich in Wien");
    assert_int_equal(n->coref, (int)(v - d->events));
    assert_true(n->time >= 0);
    assert_string_equal(begin_day(n, b, sizeof b), "2026-03-09");
    assert_int_equal(link_rel(d, v, n, "object"), ZS_REL_INCLUDES);
    const zs_event *g = fixture_event(d, "geführt"), *h = fixture_event(d, "Verhandlungen");
    assert_int_equal(g->coref, (int)(h - d->events));
    assert_string_equal(h->title, "Verhandlung Polen");
    assert_string_equal(g->title, "Verhandlung Polen");
    assert_string_equal(begin_day(h, b, sizeof b), "2026-03-06");
    const zs_event *t = fixture_event(d, "getroffen"), *e = fixture_event(d, "Entscheidung");
    assert_string_equal(t->title, "Entscheidung");
    assert_int_equal(t->coref, (int)(e - d->events));
    const zs_event *f = fixture_event(d, "führte"), *s = fixture_event(d, "Streik");
    assert_int_equal(link_rel(d, f, s, "object"), ZS_REL_BEFORE);
    assert_int_equal(f->coref, -1);
    assert_string_equal(s->title, "Streik");
    assert_int_equal(events_with_text(d, "führt"), 0);
    assert_int_equal(events_with_text(d, "führten"), 1);
    assert_string_equal(fixture_event(d, "trafen")->title, "Treffen");
    zs_doc_free(d);
    /* adverbs between an object and its verb are no bar, another phrase is */
    d = fixture_read(de,
                 "Die Regierung hat den Anschlag scharf verurteilt. "
                 "Es hieß, dass der Angriff die Stadt traf.",
                 "2026-03-09T10:00+01:00");
    assert_int_equal(link_rel(d, fixture_event(d, "verurteilt"), fixture_event(d, "Anschlag"), "object"),
                     ZS_REL_AFTER);
    const zs_event *hit = fixture_event(d, "traf");
    assert_string_equal(hit->title, "Treffen");
    assert_int_equal(hit->coref, -1);
    assert_int_equal(link_rel(d, hit, fixture_event(d, "Angriff"), "object"), -1);
    zs_doc_free(d);
    /* a causative's object before it, in the phrase of its result word:
       verb-final, topicalized ("Entscheidung" is its subject), perfect */
    d = fixture_read(de,
                 "Es hieß, dass die neuen Sanktionen zu heftigen Protesten führten. "
                 "Zu Streiks führte am Dienstag die Entscheidung des Ministers. "
                 "Die Wahl hat zu einem Streik geführt.",
                 "2026-03-09T10:00+01:00");
    assert_int_equal(link_rel(d, fixture_event(d, "führten"), fixture_event(d, "Protesten"), "object"),
                     ZS_REL_BEFORE);
    const zs_event *led = fixture_event(d, "führte");
    assert_int_equal(link_rel(d, led, fixture_event(d, "Streiks"), "object"), ZS_REL_BEFORE);
    assert_int_equal(link_rel(d, led, fixture_event(d, "Entscheidung"), "object"), -1);
    assert_string_equal(led->title, "Führen");
    assert_int_equal(link_rel(d, fixture_event(d, "geführt"), fixture_event(d, "Streik"), "object"),
                     ZS_REL_BEFORE);
    zs_doc_free(d);
    /* separable verbs of "führen" by the particle that closes the clause:
       "führte ... ein" is "einführen", no support verb; "führte ... durch"
       "durchführen", a support verb by that lemma; "führte ... an" none */
    d = fixture_read(de,
                 "Die Regierung führte im Januar freie Wahlen ein. "
                 "Die Behörde führte eine Untersuchung durch. "
                 "Der Minister führte die Delegation an.",
                 "2026-03-09T10:00+01:00");
    const zs_event *intro = fixture_event(d, "führte");
    assert_string_equal(intro->lemma, "einführen");
    assert_string_equal(intro->title, "Einführung");
    assert_int_equal(link_rel(d, intro, fixture_event(d, "Wahlen"), "object"), -1);
    assert_int_equal(fixture_event(d, "Wahlen")->coref, -1);
    const zs_event *probe = fixture_event(d, "Untersuchung");
    const zs_event *conduct = &d->events[probe - d->events - 1];
    assert_string_equal(conduct->lemma, "durchführen");
    assert_string_equal(conduct->title, "Untersuchung");
    assert_int_equal(link_rel(d, conduct, probe, "object"), ZS_REL_INCLUDES);
    assert_int_equal(events_with_text(d, "führte"), 2);
    zs_doc_free(d);
    /* a verb that ends its clause has the place before it, or before its
       object; not a phrase that continues a noun's phrase */
    d = fixture_read(de,
                 "Nachdem die Minister in Wien Gespräche geführt hatten, reisten sie ab. "
                 "Die Minister haben am Montag in Genf verhandelt. "
                 "Die Länder haben ein Abkommen über die Hilfe in Krisenfällen unterzeichnet.",
                 "2026-03-09T10:00+01:00");
    assert_string_equal(fixture_event(d, "geführt")->title, "Gespräch in Wien");
    assert_string_equal(fixture_event(d, "verhandelt")->title, "Verhandlung in Genf");
    assert_string_equal(fixture_event(d, "unterzeichnet")->title, "Unterzeichnung");
    zs_doc_free(d);
}

/* Calls and invitations to an event ("zu einem Warnstreik aufgerufen",
 * "rief ... zum Streik auf", "lud ... zu einem Gipfel ein"): the event
 * called for is the verb's object, planned, and takes neither the call's
 * date nor its past; a date ahead in the clause of a call told in the
 * past is the event's ("hat für Donnerstag zu einem Streik aufgerufen");
 * one between a demand and what it demands is the demand's ("forderte am
 * Montag Neuwahlen"). */
static void test_de_call_for(void **state)
{
    (void)state;
    char b[16];
    zs_doc *d = fixture_read(de,
                         "Die Gewerkschaft hat am Montag zu einem Warnstreik aufgerufen. "
                         "Der Verband rief am Dienstag zum Protest auf. "
                         "Der Kanzler lud die Länder am Montag zu einem Gipfel ein. "
                         "Die Partei hat für Donnerstag zu einer Kundgebung aufgerufen. "
                         "Die Opposition forderte am Montag Neuwahlen.",
                         "2026-03-11T10:00+01:00");
    const zs_event *call = fixture_event(d, "aufgerufen"), *strike = fixture_event(d, "Warnstreik");
    assert_string_equal(begin_day(call, b, sizeof b), "2026-03-09");
    assert_int_equal(strike->time, -1);
    assert_int_equal(strike->modality, ZS_MODAL_PLANNED);
    assert_int_equal(link_rel(d, call, strike, "object"), ZS_REL_BEFORE);
    const zs_event *boycott = fixture_event(d, "Protest");
    assert_int_equal(boycott->time, -1);
    assert_int_equal(link_rel(d, fixture_event(d, "rief"), boycott, "object"), ZS_REL_BEFORE);
    assert_int_equal(fixture_event(d, "Gipfel")->time, -1);
    assert_string_equal(begin_day(fixture_event(d, "lud"), b, sizeof b), "2026-03-09");
    assert_string_equal(begin_day(fixture_event(d, "Kundgebung"), b, sizeof b), "2026-03-12");
    /* the date between the demand and the elections is the demand's */
    assert_int_equal(fixture_event(d, "Neuwahlen")->time, -1);
    assert_string_equal(begin_day(fixture_event(d, "forderte"), b, sizeof b), "2026-03-09");
    zs_doc_free(d);
}

/* not_with= matches a noun of the lexicon it names, or a compound ending
 * in one, but an entry marked only=whole as the whole word only: "den
 * Meister ermitteln" determines, a "Bürgermeister" is no champion. */
static void test_de_not_with_whole(void **state)
{
    (void)state;
    zs_doc *d = fixture_read(de,
                         "Der Verband ermittelt den Meister im Elfmeterschießen. "
                         "Im Finale wird der Weltmeister ermittelt. "
                         "Der Tagessieger wird ermittelt. "
                         "Der frühere Bürgermeister ermittelt als Privatdetektiv.",
                         "2026-03-11T10:00+01:00");
    assert_int_equal(events_with_text(d, "ermittelt"), 1);
    const zs_event *e = fixture_event(d, "ermittelt");
    assert_string_equal(e->title, "Ermittlung");
    assert_int_equal(e->sent, 3);
    zs_doc_free(d);
}

/* The zu-infinitive of a separable verb ("vorzustellen", "zurückzutreten")
 * is an infinitive, not a past by its ending "-ten"; after a comma that
 * ends a clause of planning ("plant,"), it is planned. */
static void test_de_zu_infinitive(void **state)
{
    (void)state;
    char b[16];
    zs_doc *d = fixture_read(de,
                         "Der Verein plant, am Freitag einen neuen Trainer vorzustellen. "
                         "Die Ministerin erwägt, zurückzutreten.",
                         "2026-03-11T10:00+01:00");
    const zs_event *p = fixture_event(d, "vorzustellen");
    assert_int_equal(p->tense, ZS_TENSE_INFINITIVE);
    assert_int_equal(p->modality, ZS_MODAL_PLANNED);
    assert_string_equal(begin_day(p, b, sizeof b), "2026-03-13");
    const zs_event *r = fixture_event(d, "zurückzutreten");
    assert_int_equal(r->tense, ZS_TENSE_INFINITIVE);
    assert_false(r->past_form);
    zs_doc_free(d);
}

/* An event's expected modality. */
typedef struct modal_case {
    const char *text;
    zs_modality modality;
} modal_case;

/* Reads text in lang and asserts the modality of each event of cases. */
static void assert_modalities(const zs_lang *lang, const char *text, const char *dct,
                              const modal_case *cases, size_t n)
{
    zs_doc *d = fixture_read(lang, text, dct);
    for (size_t k = 0; k < n; k++)
        assert_int_equal(fixture_event(d, cases[k].text)->modality, cases[k].modality);
    zs_doc_free(d);
}

/* What a promise, a decision or a call names in an infinitive is planned
 * (zs_planned_infinitive): right after a tense_future phrase ("agreed
 * to", "promised to"), or ending the clause after a comma right after one,
 * told in the past too ("beschlossen,", "kündigte an,"); not the
 * infinitive of a verb that tells what happened ("gelang es ihm, ... zu
 * fliehen", "managed to escape"); a date between the promise and the
 * infinitive ("agreed on Monday to impose") is the promise's. */
static void test_planned_infinitive(void **state)
{
    (void)state;
    static const modal_case en_cases[] = {{"readmit", ZS_MODAL_PLANNED},
                                          {"impose", ZS_MODAL_PLANNED},
                                          {"escape", ZS_MODAL_ASSERTED}};
    assert_modalities(en,
                      "Iran promised to readmit inspectors. The ministers agreed to impose "
                      "sanctions. The prisoner managed to escape.",
                      "2026-03-11", en_cases, 3);
    static const modal_case de_cases[] = {{"einzuführen", ZS_MODAL_PLANNED},
                                          {"fortzusetzen", ZS_MODAL_PLANNED},
                                          {"fliehen", ZS_MODAL_ASSERTED}};
    assert_modalities(de,
                      "Die Minister beschlossen, neue Regeln einzuführen. Die Partei kündigte "
                      "an, die Gespräche fortzusetzen. Es gelang ihm, aus dem Gefängnis zu "
                      "fliehen.",
                      "2026-03-11T10:00+01:00", de_cases, 3);
    /* the date between the promise and its infinitive is the promise's */
    zs_doc *d = fixture_read(en, "The ministers agreed on Monday to impose sanctions.", "2026-03-11");
    const zs_event *impose = fixture_event(d, "impose");
    assert_int_equal(impose->modality, ZS_MODAL_PLANNED);
    assert_int_equal(impose->time, -1);
    assert_true(fixture_event(d, "agreed")->time >= 0);
    zs_doc_free(d);
}

/* A duration right before a signal word measures the distance of its
 * two events ("two weeks after a committee hearing"): the one without a
 * date of its own lies that far from the other, whichever is dated, and
 * the duration is no time of either. */
static void test_measured_distance(void **state)
{
    (void)state;
    char b[16];
    zs_doc *d = fixture_read(en, "The Senate voted on Tuesday, two weeks after a committee hearing.",
                             "2026-03-03");
    const zs_event *hearing = fixture_event(d, "hearing");
    assert_int_equal(hearing->time, -1);
    assert_string_equal(begin_day(hearing, b, sizeof b), "2026-02-17");
    for (size_t i = 0; i < d->nbase; i++) /* no link to "two weeks" */
        assert_false(!strcmp(d->tlinks[i].from, hearing->id) && d->tlinks[i].to[0] == 't');
    zs_doc_free(d);
    d = fixture_read(de, "Die Wahl findet drei Tage vor dem Gipfel am 20. März statt.",
                     "2026-03-03T10:00+01:00");
    assert_string_equal(begin_day(fixture_event(d, "findet"), b, sizeof b), "2026-03-17");
    zs_doc_free(d);
}

/* A word of modal_possible inside a date is none: "on May 5" is no "may". */
static void test_possible_outside_dates(void **state)
{
    (void)state;
    static const modal_case cases[] = {{"voted", ZS_MODAL_ASSERTED}, {"vote", ZS_MODAL_POSSIBLE}};
    assert_modalities(en, "The Senate voted on May 5. The House may vote in June.", "2026-03-11",
                      cases, 2);
}

/* German words of a plan besides "geplant": "vorgesehen", "angesetzt". */
static void test_de_plan_words(void **state)
{
    (void)state;
    static const modal_case cases[] = {{"Lesung", ZS_MODAL_PLANNED}, {"Sitzung", ZS_MODAL_PLANNED}};
    assert_modalities(de,
                      "Eine erste Lesung ist für den 10. Dezember vorgesehen. Die Sitzung ist für "
                      "Montag angesetzt.",
                      "2026-03-11T10:00+01:00", cases, 2);
}

/* A German light verb whose subject is no event names that subject's
 * event, not a noun event told before it ("Das Training findet ...
 * statt": "Training", not another mention of the advance sale). */
static void test_de_light_subject(void **state)
{
    (void)state;
    zs_doc *d = fixture_read(de,
                             "Der Vorverkauf beginnt am Mittwoch. Das Training findet jeden "
                             "Dienstag statt. Die Konferenz ist geplant. Sie findet am Montag statt.",
                             "2026-03-11T10:00+01:00");
    const zs_event *e = fixture_event(d, "findet");
    assert_string_equal(e->title, "Training");
    assert_int_equal(e->coref, -1);
    const zs_event *conf = &d->events[d->nevents - 1]; /* the second "findet" */
    assert_string_equal(conf->title, "Konferenz");
    zs_doc_free(d);
}

/* An indefinite article before the attribute phrase of a German noun
 * makes it a new event ("Ein ursprünglich für Anfang Dezember angesetztes
 * Treffen"): not another mention of the meeting told before, which is not
 * cancelled with it. */
static void test_de_indefinite_phrase(void **state)
{
    (void)state;
    zs_doc *d = fixture_read(de,
                             "Am Rande des Gipfels traf der Kanzler den Präsidenten zu einem Treffen. Ein "
                             "ursprünglich für Anfang Dezember angesetztes Treffen der Minister war "
                             "abgesagt worden.",
                             "2025-12-19T18:00+01:00");
    const zs_event *first = fixture_event(d, "Treffen"), *second = NULL;
    for (size_t k = 0; k < d->nevents; k++)
        if (&d->events[k] != first && d->events[k].lemma && strcmp(d->events[k].lemma, first->lemma) == 0)
            second = &d->events[k];
    assert_non_null(second);
    assert_int_equal(second->coref, -1);
    assert_int_equal(second->modality, ZS_MODAL_CANCELLED);
    assert_int_not_equal(first->modality, ZS_MODAL_CANCELLED);
    zs_doc_free(d);
}

/* An event moved or called off, then told again with a date of its own by
 * a light verb, takes place then: postponed and planned at the new date,
 * with no contradiction against its old one; a calendar date of the clause
 * goes before "now" ("will now take place on May 30"). */
static void test_moved_again(void **state)
{
    (void)state;
    char b[16];
    zs_doc *d = fixture_read(de,
                             "Eine für Freitag geplante Demonstration in München wurde verschoben. "
                             "Sie soll nun am Samstag, dem 8. November, stattfinden.",
                             "2025-10-31T10:00+01:00");
    const zs_event *demo = fixture_event(d, "Demonstration");
    assert_string_equal(begin_day(demo, b, sizeof b), "2025-11-08");
    assert_true(demo->postponed);
    assert_int_equal(demo->modality, ZS_MODAL_PLANNED);
    assert_int_equal(d->ncontras, 0);
    zs_doc_free(d);
    d = fixture_read(de,
                     "Die für Donnerstag geplante Abstimmung wurde abgesagt. Sie soll nun Anfang "
                     "Juni stattfinden.",
                     "2025-05-20T10:00+02:00");
    const zs_event *vote = fixture_event(d, "Abstimmung");
    assert_int_equal(vote->modality, ZS_MODAL_PLANNED);
    assert_string_equal(begin_day(vote, b, sizeof b), "2025-06-01");
    zs_doc_free(d);
    /* a calendar date of the clause before "now" */
    d = fixture_read(en, "The vote planned for Thursday was postponed. It will now take place on May 30.",
                     "2025-05-20");
    vote = fixture_event(d, "vote");
    assert_string_equal(begin_day(vote, b, sizeof b), "2025-05-30");
    assert_true(vote->postponed);
    zs_doc_free(d);
}

/* A German range of years or months is one span, and so is an event told
 * with it ("zwischen 2015 und 2018 verschoben": 2015 to the end of 2018,
 * not 2018 alone). */
static void test_de_range_span(void **state)
{
    (void)state;
    zs_doc *d = fixture_read(de,
                             "Der Manager soll zwischen 2015 und 2018 Geld verschoben haben. Die "
                             "Straße bleibt von April bis Juni gesperrt.",
                             "2024-06-04T11:20+02:00");
    const zs_event *e = fixture_event(d, "verschoben");
    int y, m, dd, h, mi, sec;
    assert_true(e->has_interval);
    zs_lsec_split(e->begin, &y, &m, &dd, &h, &mi, &sec);
    assert_int_equal(y, 2015);
    zs_lsec_split(e->until, &y, &m, &dd, &h, &mi, &sec);
    assert_int_equal(y, 2019);
    assert_int_equal(m, 1);
    zs_doc_free(d);
}

/* Polarity (the negation lexicon): "nicht", "never", "did not" negate the
 * verb event of their clause, "keine", "no" the noun right after them; a
 * light verb and its noun are negated as one; not a date ("nicht am
 * Montag"), nor with a contrast ("nicht nur ..., sondern auch", "not ...
 * until"). A negated event is no line of the text timeline. */
static void test_negation(void **state)
{
    (void)state;
    static const struct { const char *text; bool negated; } de_cases[] = {
        {"Gespräche", true},   {"fanden", true},  {"teilgenommen", true}, {"Sitzung", false},
        {"Einigung", true},    {"trafen", false}, {"verhandelten", false}};
    zs_doc *d = fixture_read(de,
                             "Die Gespräche fanden am Montag nicht statt. Der Minister hat nicht "
                             "an der Sitzung teilgenommen. Es gab keine Einigung. Die Minister "
                             "trafen sich nicht nur am Freitag, sondern auch am Samstag. Sie "
                             "verhandelten nicht am Montag.",
                             "2026-03-11T10:00+01:00");
    for (size_t k = 0; k < sizeof de_cases / sizeof *de_cases; k++)
        assert_int_equal(fixture_event(d, de_cases[k].text)->negated, de_cases[k].negated);
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_int_equal(zs_write(g, "text", f, NULL), 0);
    fclose(f);
    assert_null(strstr(text, "Gespräch")); /* neither dated nor undated */
    assert_null(strstr(text, "Einigung"));
    assert_non_null(strstr(text, "Sitzung"));
    free(text);
    zs_graph_free(g);
    zs_doc_free(d);
    static const struct { const char *text; bool negated; } en_cases[] = {
        {"take", true},   {"attended", true}, {"agreement", true},
        {"begin", false}, {"said", false},    {"signed", true},
        {"deal", true},   {"failed", false}};
    d = fixture_read(en,
                     "The talks did not take place. The minister never attended the meeting. "
                     "There was no agreement. The talks did not begin until Thursday. He said "
                     "the vote had not been held. The envoy hasn't signed it. Negotiators "
                     "failed to reach a deal.",
                     "2026-03-11");
    for (size_t k = 0; k < sizeof en_cases / sizeof *en_cases; k++)
        assert_int_equal(fixture_event(d, en_cases[k].text)->negated, en_cases[k].negated);
    zs_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_de_cancel_postpone),
        cmocka_unit_test(test_de_postpone_noun),
        cmocka_unit_test(test_de_forms),
        cmocka_unit_test(test_en_cancel_postpone),
        cmocka_unit_test(test_en_us_spelling),
        cmocka_unit_test(test_en_planned_scope),
        cmocka_unit_test(test_cancel_spreads),
        cmocka_unit_test(test_mention_reach),
        cmocka_unit_test(test_mention_date),
        cmocka_unit_test(test_mention_span),
        cmocka_unit_test(test_de_support),
        cmocka_unit_test(test_de_call_for),
        cmocka_unit_test(test_de_not_with_whole),
        cmocka_unit_test(test_de_zu_infinitive),
        cmocka_unit_test(test_planned_infinitive),
        cmocka_unit_test(test_measured_distance),
        cmocka_unit_test(test_negation),
        cmocka_unit_test(test_possible_outside_dates),
        cmocka_unit_test(test_de_plan_words),
        cmocka_unit_test(test_de_light_subject),
        cmocka_unit_test(test_de_indefinite_phrase),
        cmocka_unit_test(test_moved_again),
        cmocka_unit_test(test_de_range_span),
    };
    return cmocka_run_group_tests(tests, setup, fixture_teardown_en_de);
}
