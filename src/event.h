/* The events stage. */
#ifndef ZS_EVENT_H
#define ZS_EVENT_H

#include "doc.h"

/* Finds the event triggers of d (after its timexes are resolved), sets
 * their class, modality and anchoring timex, and adds event-time tlinks. */
void zs_find_events(zs_doc *d);

/* The form of the verb at token i whose lemma is lemma, by the language's
 * verb_ending lexicon: "past", "gerund", "infinitive" or "participle". The
 * one analysis of verb forms, for events' tense and the tense cues of
 * dates. */
const char *zs_verb_form(const zs_doc *d, uint32_t i, const char *lemma);

/* The TimeML tense of the verb group of the verb at token i whose form
 * (zs_verb_form) is form: that form and the auxiliaries of its clause
 * (lang.zt verb_aux). */
zs_tense zs_verb_tense(const zs_doc *d, uint32_t i, const char *form);

#endif
