/* The resolve stage: from a match's captures to a TIMEX3 value. */
#ifndef ZS_RESOLVE_H
#define ZS_RESOLVE_H

#include "doc.h"
#include "match.h"
#include "template.h"

/* Builds the underspecified value of value line v from the captures. */
void zs_build_tv(const zs_value *v, const zs_capval *caps, zs_tv *tv);

/* The tense around tokens [t0, t1): the nearest word of the language's
 * tense_future lexicon or cue of the past (zs_past_cue: the verb group
 * analysis and past_marker) in the same clause (up to ; : or a quotation
 * mark) and at most a few tokens away, not counting the tokens of other
 * dates (a few of them at most), or ZS_DIR_NONE; for a weekday tv, where
 * lang.zt says "present weekdays", a verb in the present points ahead
 * (zs_present_verb). What it finds at
 * each token is kept in d->tense_cues, so that a token is looked at once
 * however many dates stand near it. */
zs_dir zs_tense_hint(zs_doc *d, const zs_tv *tv, uint32_t t0, uint32_t t1);

/* Whether token i is the infinitive of a promise, a decision, a plan or a
 * call, whose dates lie ahead of it and which is planned: a zu-infinitive
 * (zs_zu_infinitive) right after a tense_future phrase that ends with its
 * infinitive marker ("agreed to impose"), or one that ends an infinitive
 * clause before a punctuation mark, the clause opened by a comma right
 * after a tense_future phrase ("hat beschlossen, ...", "kündigte an, die
 * Gespräche am Montag fortzusetzen", "rief ... auf, am Freitag zu
 * streiken"), *clause then true; phrases marked "infinitive" ("an ,",
 * "auf ,") count for such a clause only. */
bool zs_planned_infinitive(const zs_doc *d, uint32_t i, bool *clause);

/* Whether the date at token t0 ends the phrase of a signal_after word
 * ("seit dem Amtsantritt im Dezember", "nach dem Sieg am Sonntag"): the
 * time of the event the phrase names, which lies before its clause's. */
bool zs_in_after_phrase(const zs_doc *d, uint32_t t0);

/* False when zs_tv_resolve gives tv the same value whatever the hint (a
 * duration, a set, a reference, a date with its year, a direction of its
 * own ...): its tense hint need not be looked for. */
bool zs_tv_uses_hint(const zs_tv *tv);

/* tv (offset units, anchor=mention) applied to from, the last date
 * mentioned, in from's granularity: a year before a quarter is a quarter,
 * before a day a day. Returns false when from is coarser than tv's unit or
 * not a year, half, quarter, month or day; the caller then resolves tv
 * against the publication time. */
bool zs_tv_shift(const zs_tv *tv, const zs_rv *from, zs_rv *out);

#endif
