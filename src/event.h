/* The events stage. */
#ifndef ZS_EVENT_H
#define ZS_EVENT_H

#include "doc.h"

/* Finds the event triggers of d (after its timexes are resolved), sets
 * their class, modality and anchoring timex, and adds event-time tlinks. */
void zs_find_events(zs_doc *d);

struct zs_entry;
/* The longest entry of lexicon lex (UINT32_MAX: none) whose words start at
 * token i and end by token lim, with *end its end; NULL if none. */
const struct zs_entry *zs_entry_at(const zs_doc *d, uint32_t i, uint32_t lim, uint32_t lex,
                                   uint32_t *end);
/* The same among its entries of two tokens or more only (a list of
 * phrases: the word's one-token entries are not looked at). */
const struct zs_entry *zs_phrase_at(const zs_doc *d, uint32_t i, uint32_t lim, uint32_t lex,
                                    uint32_t *end);

/* The form of the verb at token i whose lemma is lemma, by the language's
 * verb_ending lexicon: "past", "gerund", "infinitive" or "participle". The
 * one analysis of verb forms, for events' tense and the tense cues of
 * dates. */
const char *zs_verb_form(const zs_doc *d, uint32_t i, const char *lemma);

/* The TimeML tense of the verb group of the verb at token i whose form
 * (zs_verb_form) is form: that form and the auxiliaries of its clause
 * (lang.zt verb_aux). */
zs_tense zs_verb_tense(const zs_doc *d, uint32_t i, const char *form);

/* The auxiliary of verb_aux at token i, or NULL; not one whose entry says
 * possessive= before a noun ("hat sein Buch vorgestellt": the possessive,
 * not the infinitive "sein"). Auxiliaries are never late words
 * (zs_late_word): the dates stage may ask before the events stage. */
const struct zs_entry *zs_aux_at(const zs_doc *d, uint32_t i);

/* Whether token i is an auxiliary of the past by verb_aux: one of the past
 * tense (tense=PAST: "was", "hatten", "wurde") or of the perfect
 * (participle=PERFECTIVE: "has", "ist", "gewesen"), not a copula= one that
 * is the verb of its clause ("Am Samstag ist das Finale"). The one test of
 * a past auxiliary, for the tense of events and the tense cues of dates. */
bool zs_past_aux(const zs_doc *d, uint32_t i);

/* Whether token i is an infinitive auxiliary of the perfect (verb_aux
 * form=infinitive with participle=: "sein", "haben") after a participle or
 * an adjective that looks ahead: under a future auxiliary
 * (infinitive=FUTURE: "wird ... abgeschlossen haben", "wird ...
 * fertiggestellt worden sein"), or, where its entry says state=, a state
 * to come under a modal (infinitive=NONE: "soll ... abgeschlossen sein",
 * "abgeschlossen sein muss"), unless the participle's verb forms its
 * perfect with it (perfect_sein: "soll ... geflohen sein") or it is a
 * passive's ("soll ... festgenommen worden sein"). Such an auxiliary is no
 * past auxiliary (zs_past_aux). */
bool zs_ahead_infinitive(const zs_doc *d, uint32_t i);

/* Whether token i is a modal auxiliary whose verb_aux entry says hearsay=
 * ("soll", "wollen", "könnte", "may") of a perfect infinitive in its clause, a participle
 * (or "worden") and "haben" or "sein" that does not look ahead
 * (zs_ahead_infinitive): hearsay or a guess about the past ("soll ...
 * geflohen sein", "soll ... angezündet haben"), no plan. */
bool zs_hearsay_modal(const zs_doc *d, uint32_t i);

/* Whether token i is an auxiliary of the past tense alone (tense=PAST:
 * "war", "hatte", "wurde"), not of the perfect. */
bool zs_preterite_aux(const zs_doc *d, uint32_t i);

/* Whether token i is a verb told in the past tense: a verb of the form
 * "past" (an event trigger by zs_verb_form, another word by the form
 * verb_ending lists for it whole: "sagte", "took") whose verb group
 * (zs_verb_tense) is PAST: "resigned", not "has resigned". */
bool zs_past_verb(const zs_doc *d, uint32_t i);

/* Whether token i is a zu-infinitive: the zu-infinitive of a separable
 * event verb ("fortzusetzen", "zurückzutreten"), or a lower-case word
 * right after an infinitive marker of verb_aux (infinitive=INFINITIVE:
 * "zu streiken", "to meet"). */
bool zs_zu_infinitive(const zs_doc *d, uint32_t i);

/* Whether token i is an event verb in the present tense, its verb group
 * without a future, modal or perfect auxiliary ("trifft", "findet ...
 * statt"; not "will ... treffen", "hat ... getroffen"). */
bool zs_present_verb(const zs_doc *d, uint32_t i);

/* Whether token i is a cue of the past for a date or a noun event: a past
 * auxiliary or verb (zs_past_aux, zs_past_verb), or a word of past_marker
 * (not a verb: "since", "seit", "damals"). */
bool zs_past_cue(const zs_doc *d, uint32_t i);

/* The fields tlink_pair (tlinks.zt) keys the pair of events k and k + 1
 * by: what stands between them ("none", "coordination", "comma", "punct",
 * "infinitive", "relative", "preposition", "near", "far"), then each
 * event's form ("noun", else its verb's tense in lower case: "past",
 * "infinitive", ...) and class in lower case without '_' ("iaction").
 * Returns false, f untouched, where k + 1 is no event of k's sentence. */
/* An event's form ("noun", "past", ...) and class ("iaction") as
 * tlink_pair's keys name them. */
void zs_event_fields(const zs_event *e, const char **form, const char **cls);

#define ZS_PAIR_FIELDS 5
bool zs_pair_fields(const zs_doc *d, size_t k, const char *f[ZS_PAIR_FIELDS]);

#endif
