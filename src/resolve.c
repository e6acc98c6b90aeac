/* The resolve stage: a rule's underspecified value (zs_tv) is built from
 * its captures, then anchored (to the publication time, or narratively to
 * the last date mentioned) into a TIMEX3 value with an interval. */
#include "resolve.h"
#include "event.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* ---- building the value of a match ------------------------------------- */

static void set_field(zs_tv *tv, zs_field f, int32_t v)
{
    switch (f) {
    case ZS_F_YEAR: tv->year = v; break;
    case ZS_F_MONTH: tv->month = v; break;
    case ZS_F_DAY: tv->day = v; break;
    case ZS_F_HOUR: tv->hour = v; break;
    case ZS_F_MINUTE: tv->minute = v; break;
    case ZS_F_SECOND: tv->second = v; break;
    case ZS_F_WEEKDAY: tv->weekday = v; break;
    case ZS_F_OFFSET: tv->offset = v; break;
    case ZS_F_AMOUNT: tv->amount = v; break;
    case ZS_F_UNIT: tv->unit = (zs_unit)v; break;
    case ZS_F_POD: tv->pod = (zs_pod)v; break;
    case ZS_F_MOD: tv->mod = (zs_mod)v; break;
    case ZS_F_REF: tv->ref = (zs_ref)v; break;
    case ZS_F_DIR: tv->dir = (zs_dir)v; break;
    case ZS_F_ANCHOR: tv->anchor = (zs_anchor)v; break;
    case ZS_F_WEEK: tv->week = v; break;
    case ZS_F_QUARTER: tv->quarter = v; break;
    case ZS_F_HALF: tv->half = v; break;
    case ZS_F_DECADE: tv->decade = v; break;
    case ZS_F_CENTURY: tv->century = v; break;
    case ZS_F_EASTER: tv->easter = v; break;
    case ZS_F_SEASON: tv->season = (zs_season)v; break;
    case ZS_F_LEAN: tv->lean = (zs_dir)v; break;
    case ZS_F_NTH: tv->nth = v; break;
    case ZS_F_TO_YEAR: tv->to_year = v; break;
    case ZS_F_TURN: tv->turn = v; break;
    case ZS_F_AND_AMOUNT: tv->and_amount = v; break;
    case ZS_F_AND_UNIT: tv->and_unit = (zs_unit)v; break;
    case ZS_F_KEEP: tv->keep = (zs_unit)v; break;
    case ZS_F_CLOCK: /* "1400 GMT": hour and minute in one number */
        tv->hour = v / 100;
        tv->minute = v % 100;
        break;
    case ZS_F_COUNT: break;
    }
}

/* The value a capture gives field f, or false if it gives none. */
static bool cap_value(const zs_arg *a, const zs_capval *cv, int32_t *out)
{
    if (cv->t0 < 0) return false;
    const char *sym = NULL;
    int32_t num = cv->num;
    if (cv->entry) {
        const zs_attr *at = a->attr ? zs_entry_attr(cv->entry, a->attr)
                                    : (cv->entry->nattrs ? &cv->entry->attrs[0] : NULL);
        if (!at) return false;
        sym = at->sym;
        num = at->num;
    } else if (a->attr) {
        return false;
    }
    if (zs_field_syms(a->field)) {
        if (!sym) return false;
        int v = zs_field_sym(a->field, sym, strlen(sym));
        if (v < 0) return false;
        *out = v;
        return true;
    }
    if (num == ZS_UNSET) return false;
    *out = a->sign * num;
    return true;
}

void zs_build_tv(const zs_value *v, const zs_capval *caps, zs_tv *tv)
{
    zs_tv_init(tv);
    tv->type = v->type;
    for (int i = 0; i < v->nargs; i++) {
        const zs_arg *a = &v->args[i];
        int32_t x;
        if (a->cap < 0) set_field(tv, a->field, a->sign * a->num);
        else if (cap_value(a, &caps[a->cap], &x)) set_field(tv, a->field, x);
        else if (a->has_default) set_field(tv, a->field, a->def);
    }
}

/* ---- tense cues ------------------------------------------------------------ */

/* A tense cue counts only this many tokens away from the date (measured
 * on KRAUTS: nearer cues decide better than the clause's farthest verb). */
#define TENSE_REACH 6
/* Tokens of other dates passed over on each side, at most (a run of dates
 * is no clause to search). */
#define SKIP_REACH 8
/* Auxiliaries ("to", "be") between a verb and the future cue before it. */
#define VERB_GROUP_REACH 3

/* A tense cue's clause ends at ; : and quotation marks (a quote's tense is
 * not the tense of the sentence around it: "``We will go Thursday,'' he
 * said"). */
static bool is_clause_end(const zs_doc *d, uint32_t i)
{
    const zs_token *t = &d->toks[i];
    if (t->kind == ZS_TOK_PUNCT)
        return (t->b1 - t->b0 == 1 && (d->text[t->b0] == ';' || d->text[t->b0] == ':')) ||
               zs_is_quote(d, i);
    /* a conjunction and the next clause's subject ("... on Sept. 30 and
     * it takes effect Nov. 1"): the cues beyond it are that clause's (the
     * list's entries are phrases: only the word's phrases are looked at) */
    uint32_t end;
    return t->word && t->word->nlong &&
           zs_phrase_at(d, i, (uint32_t)d->ntoks, d->lang->lex_clause_open, &end);
}

/* The tense_future entry that opens at token i: a word of it, or the
 * first of the words of one of its phrases ("set to", "is due to"); or
 * NULL. */
static const zs_entry *future_entry(const zs_doc *d, uint32_t i)
{
    uint32_t end;
    return i < d->ntoks ? zs_entry_at(d, i, (uint32_t)d->ntoks, d->lang->lex_future, &end) : NULL;
}

/* Whether tense_future entry en is a cue of its own: not a bound
 * ("bis", "until") nor a phrase for an infinitive clause
 * (clause_infinitive). */
static bool own_cue(const zs_entry *en)
{
    return en && !zs_entry_value_is(en, "bound") && !zs_entry_value_is(en, "infinitive");
}

/* Whether token i is a future cue (future_entry), but for a bound
 * (is_bound) or a phrase for an infinitive clause (clause_infinitive). */
static bool is_future_cue(const zs_doc *d, uint32_t i)
{
    return own_cue(future_entry(d, i));
}

/* Whether token i is a bound of tense_future ("bis"): it looks ahead only
 * where no other cue is found (read_cue). */
static bool is_bound(const zs_doc *d, uint32_t i)
{
    return zs_entry_value_is(future_entry(d, i), "bound");
}

/* The tense_future phrase of several words that ends at token i
 * ("planned for", "set for", "postponed to"), or NULL. */
static const zs_entry *future_phrase_ending(const zs_doc *d, uint32_t i)
{
    uint32_t lex = d->lang->lex_future;
    if (lex == UINT32_MAX) return NULL;
    for (uint32_t k = 1; k < d->lang->lexicons[lex].max_tokens && k <= i; k++) {
        uint32_t end;
        const zs_entry *en = zs_phrase_at(d, i - k, i + 1, lex, &end);
        if (en && end == i + 1) return en;
    }
    return NULL;
}

/* Whether token i ends a tense_future phrase that is a cue of its own:
 * not one for an infinitive clause (clause_infinitive). */
static bool ends_future_phrase(const zs_doc *d, uint32_t i)
{
    const zs_entry *en = future_phrase_ending(d, i);
    return en && !zs_entry_value_is(en, "infinitive");
}

/* Tokens of an infinitive clause from its comma to its infinitive. */
#define INFINITIVE_CLAUSE_REACH 16

/* Whether token i is the zu-infinitive (zs_zu_infinitive) that ends an
 * infinitive clause before a punctuation mark, the clause opened by a
 * comma right after a tense_future phrase ("kündigte an, die Gespräche
 * am Montag fortzusetzen"): a cue that looks ahead for the dates of that
 * clause. */
static bool clause_infinitive(const zs_doc *d, uint32_t i)
{
    const zs_sentence *s = &d->sents[d->toks[i].sent];
    if (i + 1 < s->t1 && d->toks[i + 1].kind != ZS_TOK_PUNCT) return false;
    if (!zs_zu_infinitive(d, i)) return false;
    for (uint32_t j = i; j > s->t0 && i - j < INFINITIVE_CLAUSE_REACH; j--) {
        if (is_clause_end(d, j - 1)) return false;
        if (zs_tok_comma(d, j - 1)) {
            const zs_entry *en = future_phrase_ending(d, j - 1);
            return en && !zs_entry_value_is(en, "bound");
        }
    }
    return false;
}

/* The tense_future phrase of two words whose first is token a and whose
 * second is token b, a date and its preposition between them ("agreed [on
 * Monday] to"), or NULL. */
static const zs_entry *future_pair(const zs_doc *d, uint32_t a, uint32_t b)
{
    const zs_word *w = d->toks[a].word, *v = d->toks[b].word;
    if (!w || !v) return NULL;
    for (uint32_t k = 0; k < w->nstarts; k++) {
        const zs_entry *e = w->starts[k];
        if (e->lex == d->lang->lex_future && e->ntok == 2 && e->words[1] == v->id) return e;
    }
    return NULL;
}

bool zs_planned_infinitive(const zs_doc *d, uint32_t i, bool *clause)
{
    *clause = clause_infinitive(d, i);
    if (*clause) return true;
    /* right after the phrase ("agreed to impose"), or its verb and a date
       ("agreed on Monday to impose"): an event, no cue, whose phrase is the
       cue ("= right") */
    if (i == 0 || d->toks[i - 1].sent != d->toks[i].sent || !zs_zu_infinitive(d, i) ||
        !zs_entry_attr_is(zs_aux_at(d, i - 1), "infinitive", "INFINITIVE"))
        return false;
    const zs_entry *en = future_phrase_ending(d, i - 1);
    /* the date that ends right before the marker: the last one that
       begins before it (the dates are in text order) */
    size_t lo = 0, hi = d->ntimexes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->timexes[mid].t0 < i - 1) lo = mid + 1;
        else hi = mid;
    }
    if (!en && lo > 0 && d->timexes[lo - 1].t1 == i - 1) {
        uint32_t a = d->timexes[lo - 1].t0, s0 = d->sents[d->toks[i].sent].t0;
        if (a > s0 + 1 && d->toks[a - 1].kind == ZS_TOK_WORD && !future_pair(d, a - 1, i - 1))
            a--; /* "on" */
        if (a > s0) en = future_pair(d, a - 1, i - 1);
    }
    return own_cue(en);
}

/* Whether the date that ends at token t1 of sentence s stands in the
 * infinitive clause of a promise, a plan or a call: its infinitive
 * (clause_infinitive) follows it, with no comma or clause end between. */
static bool planned_clause(zs_doc *d, const zs_sentence *s, uint32_t t1)
{
    /* the infinitive stands before the first punctuation mark after the
       date */
    uint32_t j = t1;
    while (j < s->t1 && j - t1 < INFINITIVE_CLAUSE_REACH && d->toks[j].kind != ZS_TOK_PUNCT) j++;
    if (j == t1 || j - t1 >= INFINITIVE_CLAUSE_REACH || d->toks[j - 1].kind != ZS_TOK_WORD)
        return false;
    zs_late_word(d, j - 1); /* an event verb's zu-infinitive */
    return clause_infinitive(d, j - 1);
}

/* Whether tokens i - 1 and i are a noun of planned_event and a
 * modal_planned word marked "date" ("announced a summit for June", "set a
 * vote for Friday"): what is planned for a date lies ahead of the report.
 * Right before the date only ("sales for June", "a record for June" have
 * no such noun). */
static bool planned_event_for(const zs_doc *d, uint32_t i)
{
    const zs_lang *L = d->lang;
    if (i == 0 || L->lex_planned_event == UINT32_MAX || L->lex_modal_planned == UINT32_MAX)
        return false;
    const zs_word *w = d->toks[i].word, *n = d->toks[i - 1].word;
    const zs_entry *en;
    if (!w || !n || !zs_word_in(w, L->lex_modal_planned, &en) ||
        !zs_word_in(n, L->lex_planned_event, NULL))
        return false;
    return zs_entry_value_is(en, "date");
}

/* Whether token i is an infinitive auxiliary of the passive (verb_aux
 * form=infinitive passive=: "werden") right after a lower-case word, its
 * participle ("abgebrochen werden"). */
static bool passive_infinitive(const zs_doc *d, uint32_t i)
{
    if (i == 0) return false;
    const zs_entry *en = zs_aux_at(d, i);
    const zs_token *p = &d->toks[i - 1];
    return en && zs_entry_attr(en, "passive") && zs_entry_attr_is(en, "form", "infinitive") &&
           p->kind == ZS_TOK_WORD && !(p->flags & ZS_TF_UPPER);
}

/* The cue direction of token i, or ZS_DIR_NONE: a future cue, else a past
 * one by the verb group analysis and past_marker (zs_past_cue); its
 * tense_future entry (future_entry) in *fe. */
static zs_dir cue_at(const zs_doc *d, uint32_t i, const zs_entry **fe_out)
{
    *fe_out = NULL;
    if (!d->toks[i].word) return ZS_DIR_NONE;
    const zs_entry *fe = *fe_out = future_entry(d, i);
    if (zs_entry_value_is(fe, "bound")) return ZS_DIR_FUTURE; /* tense_cue marks it CUE_BOUND */
    /* a phrase for an infinitive clause tells nothing of its own: the
       clause's infinitive does (clause_infinitive) */
    if (zs_entry_value_is(fe, "infinitive")) return ZS_DIR_NONE;
    /* the infinitive of the passive after its participle tells nothing:
       the finite verb does ("musste ... abgebrochen werden") */
    if (passive_infinitive(d, i)) return ZS_DIR_NONE;
    /* a modal of a perfect infinitive tells of the past ("soll am Montag
       geflohen sein") */
    if (zs_hearsay_modal(d, i)) return ZS_DIR_PAST;
    /* a future perfect or a state to come ("wird ... abgeschlossen haben",
       "muss ... erledigt sein") */
    if (fe || zs_ahead_infinitive(d, i) || clause_infinitive(d, i)) return ZS_DIR_FUTURE;
    /* a past auxiliary before a future cue looks ahead from then ("were
     * planning", "was expected", "had planned") */
    if (zs_past_cue(d, i))
        return zs_past_aux(d, i) && is_future_cue(d, i + 1) ? ZS_DIR_FUTURE : ZS_DIR_PAST;
    /* a verb after a future cue and auxiliaries looks ahead from as far as
     * the cue ("would be traveling ... Thursday", "were planning to drive
     * ... on Monday") */
    const zs_lang *L = d->lang;
    if (L->lex_event_verb == UINT32_MAX || L->lex_verb_aux == UINT32_MAX ||
        !zs_word_in(d->toks[i].word, L->lex_event_verb, NULL))
        return ZS_DIR_NONE;
    for (uint32_t j = i; j > 0 && i - j < VERB_GROUP_REACH; j--) {
        if (is_future_cue(d, j - 1)) {
            *fe_out = future_entry(d, j - 1); /* its "right" is the verb's */
            return ZS_DIR_FUTURE;
        }
        const zs_word *a = d->toks[j - 1].word;
        if (!a || !zs_word_in(a, L->lex_verb_aux, NULL)) break;
    }
    return ZS_DIR_NONE;
}

/* Whether an auxiliary of the past tense stands before token i in its
 * clause, or, for an attribute before its noun, after it: a plan (a
 * tense_future entry of value "plan": "geplant") told so ("Das Treffen war
 * für Ende Mai geplant (gewesen)", "Ein für September geplantes Treffen
 * war abgesagt worden") may have been for a time on either side of the
 * publication, the nearest. */
static bool preterite_before(const zs_doc *d, uint32_t i)
{
    const zs_sentence *s = &d->sents[d->toks[i].sent];
    for (uint32_t j = i; j > s->t0; j--) {
        if (zs_tok_comma(d, j - 1) || is_clause_end(d, j - 1)) break;
        if (zs_preterite_aux(d, j - 1)) return true;
    }
    /* or after it, where it is an attribute ("Ein für September geplantes
       Treffen war abgesagt worden") */
    const zs_token *t = &d->toks[i];
    if (i + 1 >= s->t1 || !(d->toks[i + 1].flags & ZS_TF_UPPER) || t->kind != ZS_TOK_WORD)
        return false;
    for (uint32_t j = i + 1; j < s->t1; j++) {
        if (zs_tok_comma(d, j) || is_clause_end(d, j)) break;
        if (zs_preterite_aux(d, j)) return true;
    }
    return false;
}

/* A byte of d->tense_cues: looked at, a clause end (is_clause_end), a cue
 * that ends the search with no direction (a plan told in the past:
 * preterite_before), whether the cue counts only for a date after it (a
 * tense_future entry of value "right": "ahead of Tuesday's vote",
 * "postponed to May", not "a rally on Saturday ahead of the vote"), a
 * verb in the present (zs_present_verb, read for weekdays where lang.zt
 * says "present weekdays"), and the cue direction (cue_at) in the low
 * bits. */
#define CUE_KNOWN 0x80
#define CUE_CLAUSE_END 0x40
#define CUE_DIR 0x03
#define CUE_SKIP 0x20
#define CUE_NEUTRAL 0x10
#define CUE_RIGHT 0x08
#define CUE_PRESENT 0x04 /* with no direction: a verb in the present */
/* with the future direction: a bound ("until", "bis"), which looks ahead
   only where no other cue of the clause tells a direction ("is open until
   Friday", not "was open until Friday") */
#define CUE_BOUND (CUE_NEUTRAL | ZS_DIR_FUTURE)

/* What token i says to the tense cue search, worked out on its first
 * visit: dates close together look at the same tokens. */
static uint8_t tense_cue(zs_doc *d, uint32_t i)
{
    uint8_t c = d->tense_cues[i];
    if (!c) {
        zs_late_word(d, i); /* an event verb's tense */
        const zs_entry *fe = NULL;
        c = is_clause_end(d, i) ? CUE_KNOWN | CUE_CLAUSE_END : CUE_KNOWN | (uint8_t)cue_at(d, i, &fe);
        if ((c & CUE_DIR) == ZS_DIR_FUTURE) {
            if (zs_entry_value_is(fe, "plan") && preterite_before(d, i)) c = CUE_KNOWN | CUE_NEUTRAL;
            else if (zs_entry_value_is(fe, "right")) c |= CUE_RIGHT;
            else if (zs_entry_value_is(fe, "bound")) c = CUE_KNOWN | CUE_BOUND;
        } else if (c == CUE_KNOWN && d->lang->present_weekdays && zs_present_verb(d, i)) {
            c |= CUE_PRESENT;
        }
        d->tense_cues[i] = c;
    }
    return c;
}

/* Whether the date at tokens [t0, t1) opens sentence s, after at most a
 * preposition, and a comma follows it that opens no subordinate clause
 * (a word of subordinator: "On Friday, when ..."). Only a language with
 * that lexicon looks past the plain reach for it. */
static bool fronted(const zs_doc *d, const zs_sentence *s, uint32_t t0, uint32_t t1)
{
    uint32_t lex = d->lang->lex_subordinator;
    if (lex == UINT32_MAX || t0 - s->t0 > 1 || t1 + 1 >= s->t1) return false;
    const zs_token *c = &d->toks[t1];
    if (c->kind != ZS_TOK_PUNCT || c->b1 - c->b0 != 1 || d->text[c->b0] != ',') return false;
    const zs_word *w = d->toks[t1 + 1].word;
    return !(w && zs_word_in(w, lex, NULL));
}

/* The token of a verb_last word that opens the clause of the date at
 * token t0, at most VERB_LAST_REACH tokens before it with no punctuation
 * between ("bis zum [1. April] der neue Vertrag ... in Kraft getreten ist"), or
 * UINT32_MAX: the clause's finite verb then stands at its end. */
#define VERB_LAST_REACH 3
static uint32_t verb_last_opener(const zs_doc *d, const zs_sentence *s, uint32_t t0)
{
    uint32_t lex = d->lang->lex_verb_last;
    if (lex == UINT32_MAX) return UINT32_MAX;
    for (uint32_t k = t0; k > s->t0 && t0 - k < VERB_LAST_REACH; k--) {
        const zs_token *t = &d->toks[k - 1];
        if (t->kind == ZS_TOK_PUNCT) break;
        if (t->word && zs_word_in(t->word, lex, NULL)) return k - 1;
    }
    return UINT32_MAX;
}

/* What tense cue c tells a search from a date: go on (CUE_GO), stop on
 * this side (CUE_STOP, a clause end), or the direction *dir (CUE_FOUND).
 * On the right of the date (right) a cue that counts only for a date
 * after it says nothing; a verb in the present looks ahead for a weekday
 * (present); a bound before the date goes on, its direction kept in
 * *bound for a search that finds no other. */
enum { CUE_GO, CUE_STOP, CUE_FOUND };
static int read_cue(uint8_t c, bool right, zs_dir present, zs_dir *dir, zs_dir *bound)
{
    if (c & CUE_CLAUSE_END) return CUE_STOP;
    if ((c & CUE_BOUND) == CUE_BOUND) {
        if (!right) *bound = ZS_DIR_FUTURE;
        return CUE_GO;
    }
    if ((c & CUE_DIR) && !(right && (c & CUE_RIGHT))) *dir = (zs_dir)(c & CUE_DIR);
    else if (c & CUE_NEUTRAL) *dir = ZS_DIR_NONE;
    else if (present != ZS_DIR_NONE && (c & CUE_PRESENT)) *dir = present;
    else return CUE_GO;
    return CUE_FOUND;
}

/* Whether a comma at token i opens a report's frame: a reporting verb
 * right after it, its clause's first word ("Der Streik soll bis Samstag
 * dauern, teilte die Gewerkschaft mit"). The report's tense is the time
 * of the telling, not of what is told before the comma; in English
 * (dates_verb) the comma ends the search anyway. */
static bool report_frame(zs_doc *d, const zs_sentence *s, uint32_t i)
{
    const zs_lang *L = d->lang;
    if (L->lex_event_verb == UINT32_MAX || !zs_tok_comma(d, i) || i + 1 >= s->t1) return false;
    zs_late_word(d, i + 1);
    const zs_word *w = d->toks[i + 1].word;
    const zs_entry *en;
    return w && !(d->toks[i + 1].flags & ZS_TF_UPPER) && zs_word_in(w, L->lex_event_verb, &en) &&
           zs_entry_attr_is(en, "class", "REPORTING");
}

/* Words from a signal to the date of the noun after it ("nach dem
 * langen Spiel am Sonntag"). */
#define SIGNAL_PHRASE_REACH 6

/* Whether the date at token t0 ends the phrase of a signal_after word
 * (not one marked "clause", a conjunction) of sentence s: the signal, a
 * lower-case word (an article), then words up to a noun and at most one
 * lower-case word (a preposition) right before the date ("nach dem Sieg
 * am Sonntag", "seit dem Spiel am Samstag"). The phrase's event lies
 * before the clause's. */
static bool in_after_phrase(const zs_doc *d, const zs_sentence *s, uint32_t t0)
{
    uint32_t lex = d->lang->lex_signal_after;
    if (lex == UINT32_MAX || t0 <= s->t0) return false;
    uint32_t k = t0;
    const zs_token *t = &d->toks[k - 1];
    if (t->kind == ZS_TOK_WORD && !(t->flags & ZS_TF_UPPER)) k--; /* "am" */
    if (k <= s->t0 || d->toks[k - 1].kind != ZS_TOK_WORD || !(d->toks[k - 1].flags & ZS_TF_UPPER))
        return false; /* the noun */
    for (; k > s->t0 + 1 && t0 - k < SIGNAL_PHRASE_REACH; k--) {
        const zs_token *w = &d->toks[k - 1], *sig = &d->toks[k - 2];
        if (w->kind != ZS_TOK_WORD || sig->kind != ZS_TOK_WORD) return false;
        const zs_entry *en;
        if (!(w->flags & ZS_TF_UPPER) && sig->word && zs_word_in(sig->word, lex, &en))
            return !zs_entry_attr(en, "clause");
    }
    return false;
}

bool zs_in_after_phrase(const zs_doc *d, uint32_t t0)
{
    return t0 < d->ntoks && in_after_phrase(d, &d->sents[d->toks[t0].sent], t0);
}

/* Whether the date at tokens [t0, t1) of sentence s follows a bound
 * (is_bound), right before it or before one more word ("until Friday",
 * "bis zum Freitag"), and a verb_aux word of the infinitive
 * (infinitive=INFINITIVE: "to", "zu") follows it: a deadline. */
static bool deadline(zs_doc *d, const zs_sentence *s, uint32_t t0, uint32_t t1)
{
    const zs_lang *L = d->lang;
    if (t1 >= s->t1 || t0 <= s->t0 || L->lex_verb_aux == UINT32_MAX) return false;
    if (!is_bound(d, t0 - 1) && !(t0 >= s->t0 + 2 && is_bound(d, t0 - 2))) return false;
    return zs_entry_attr_is(zs_aux_at(d, t1), "infinitive", "INFINITIVE");
}

zs_dir zs_tense_hint(zs_doc *d, const zs_tv *tv, uint32_t t0, uint32_t t1)
{
    if (!d->lang || t0 >= d->ntoks) return ZS_DIR_NONE;
    /* a weekday of a verb in the present lies ahead, where the language
       says so ("Am Montag trifft sie Macron") */
    bool weekday = d->lang->present_weekdays && tv->weekday != ZS_UNSET && tv->day == ZS_UNSET;
    zs_dir present = weekday ? ZS_DIR_FUTURE : ZS_DIR_NONE;
    if (!d->tense_cues) {
        d->tense_cues = zs_xcalloc(d->ntoks, 1);
        /* the tokens of the dates do not count towards the reach ("will
         * leave at 6 in the morning (6 a.m. EDT Friday)") */
        for (size_t i = 0; i < d->ntimexes; i++)
            for (uint32_t k = d->timexes[i].t0; k < d->timexes[i].t1 && k < d->ntoks; k++)
                d->tense_cues[k] = CUE_SKIP;
    }
    const zs_sentence *s = &d->sents[d->toks[t0].sent];
    /* a weekday of an event that a signal puts before the clause's ("Nach
       dem Sieg am Sonntag folgt das Halbfinale"): a present there tells
       what is now or next, after it */
    if (weekday && in_after_phrase(d, s, t0)) present = ZS_DIR_PAST;
    /* outwards from the date, nearest first (the left side wins a tie),
     * within the clause: the sentence cut at ; and : (commas often separate
     * a date from its verb: "Am Freitag, so der Sprecher, soll ...") */
    bool front = fronted(d, s, t0, t1);
    /* a past marker right before the date is its own cue, nearer than any
       verb: "Seit Montag verhandeln die Parteien", "since Monday" */
    uint32_t marker = d->lang->lex_past_marker;
    if (t0 > s->t0 && marker != UINT32_MAX && d->toks[t0 - 1].word &&
        zs_word_in(d->toks[t0 - 1].word, marker, NULL))
        return ZS_DIR_PAST;
    bool left = !front, right = true;
    zs_dir bound = ZS_DIR_NONE; /* a bound's direction (read_cue) */
    uint32_t l = t0, r = t1; /* the next token to look at: l - 1, r */
    uint32_t lskip = 0, rskip = 0;
    /* a date that opens its sentence before a comma looks to the end of
     * its clause for the main clause's verb, past a subject of any length
     * ("On Tuesday, the National ... League plans to", "In January, two
     * weeks after the end of the strike at ..., a fire killed") */
    uint32_t rreach = front ? s->t1 - t1 : TENSE_REACH;
    /* a date right after the word that opens a clause with its verb last
     * looks for the cue first from there to that clause's end (the next
     * comma), where its verb is, however far; without one there, as any
     * date */
    if (!front && verb_last_opener(d, s, t0) != UINT32_MAX) {
        uint32_t skip = 0;
        uint32_t join = d->lang->lex_clause_join;
        for (uint32_t j = t1; j < s->t1 && !zs_tok_comma(d, j); j++) {
            /* nor past a conjunction and an auxiliary or a future cue
               right after it, another clause's verb ("ist seit Montag
               eingeschränkt und soll ..."; not "bis mit 1. April die
               Partnerschaft zwischen X und Y begonnen hat") */
            if (join != UINT32_MAX && d->toks[j].word && zs_word_in(d->toks[j].word, join, NULL) &&
                j + 1 < s->t1 && (zs_aux_at(d, j + 1) || future_entry(d, j + 1)))
                break;
            if (d->tense_cues[j] & CUE_SKIP) {
                if (++skip > SKIP_REACH) break;
                continue;
            }
            zs_dir dir;
            int got = read_cue(tense_cue(d, j), true, present, &dir, &bound);
            if (got == CUE_FOUND) return dir;
            if (got == CUE_STOP) break;
        }
    }
    /* a date inside the infinitive clause of a promise, a plan or a call
       lies ahead, however near the verb of the clause before it ("kündigte
       an, am Donnerstag nach Moskau zu reisen") */
    if (!front && planned_clause(d, s, t1)) return ZS_DIR_FUTURE;
    /* where a date goes with the verb before it ("dates verb", English),
     * a comma after a date inside its sentence ends its clause to the
     * right: what follows is another clause's ("must report by Jan. 15,
     * the judge ordered") */
    bool comma_ends = !front && d->lang->dates_verb;
    /* a bound before a date that an infinitive follows is a deadline,
       which lies ahead ("gave them until Friday to respond") */
    if (!front && deadline(d, s, t0, t1)) return ZS_DIR_FUTURE;
    /* a future phrase right before the date is its cue, nearer than its
       first word ("a summit planned for April was cancelled": ahead, not
       back as "was" says) */
    if (!front && t0 > s->t0 && !(d->tense_cues[t0 - 1] & CUE_SKIP) &&
        (ends_future_phrase(d, t0 - 1) || (t0 - 1 > s->t0 && planned_event_for(d, t0 - 1))))
        return ZS_DIR_FUTURE;
    bool left_done = false; /* the left search met its clause's end or a comma */
    for (uint32_t k = 1; k <= rreach && (left || right); k++) {
        while (left && l > s->t0 && (d->tense_cues[l - 1] & CUE_SKIP) && lskip < SKIP_REACH) l--, lskip++;
        if (left && (l <= s->t0 || (d->tense_cues[l - 1] & CUE_SKIP))) left = false, left_done = true;
        zs_dir dir;
        if (left) {
            int got = read_cue(tense_cue(d, --l), false, present, &dir, &bound);
            if (got == CUE_FOUND) return dir;
            left = got != CUE_STOP;
            if (got == CUE_STOP || zs_tok_comma(d, l)) left_done = true;
        }
        while (right && r < s->t1 && (d->tense_cues[r] & CUE_SKIP) && rskip < SKIP_REACH) r++, rskip++;
        if (right && (r >= s->t1 || (d->tense_cues[r] & CUE_SKIP))) right = false;
        if (right && comma_ends && zs_tok_comma(d, r)) right = false;
        if (right && !front && report_frame(d, s, r)) right = false;
        if (right) {
            int got = read_cue(tense_cue(d, r++), true, present, &dir, &bound);
            if (got == CUE_FOUND) return dir;
            right = got != CUE_STOP;
        }
    }
    /* where no cue within reach told a way, the first one before the
     * date in its clause, however far: in a language whose main clause has
     * its finite verb second ("finite second") any ("Die Bahn will die
     * Gespräche mit der Gewerkschaft am Freitag fortsetzen"), else a
     * tense_future word of its own that is no timetable present ("He will
     * visit the families of the victims on Friday") */
    for (uint32_t j = l; !front && !left_done && j > s->t0; j--) {
        if (zs_tok_comma(d, j - 1)) break;
        if (d->tense_cues[j - 1] & CUE_SKIP) continue;
        zs_dir dir, far_bound = ZS_DIR_NONE;
        int got = read_cue(tense_cue(d, j - 1), false, present, &dir, &far_bound);
        const zs_entry *fe = NULL; /* a tense_future word, or the one of a verb after it */
        if (got == CUE_FOUND && !d->lang->finite_second) cue_at(d, j - 1, &fe);
        if (got == CUE_FOUND &&
            (d->lang->finite_second || (own_cue(fe) && !zs_entry_value_is(fe, "present"))))
            return dir;
        if (got != CUE_GO) break;
    }
    /* an opening date's own preposition ("Until [Thursday], they had
     * not ...") counts after the main clause */
    if (front && t0 > s->t0) {
        uint8_t c = tense_cue(d, t0 - 1);
        if (!(c & CUE_CLAUSE_END) && (c & CUE_DIR)) return (zs_dir)(c & CUE_DIR);
    }
    return bound;
}

/* ---- resolution ------------------------------------------------------------- */

static const char *const pod_codes[] = {"", "MO", "AF", "EV", "NI", "DT"};

static const char unit_letter[] = {0, 'S', 'M', 'H', 'D', 'W', 'M', 'Q', 'Y', 0, 0};

/* Adds amount a of unit u to the parts of a duration (years, months,
 * days, hours, minutes, seconds); false for a unit without a place. */
static bool add_part(int64_t part[6], zs_unit u, int64_t a)
{
    switch (u) {
    case ZS_U_CENTURY: part[0] += 100 * a; break;
    case ZS_U_DECADE: part[0] += 10 * a; break;
    case ZS_U_YEAR: part[0] += a; break;
    case ZS_U_QUARTER: part[1] += 3 * a; break;
    case ZS_U_MONTH: part[1] += a; break;
    case ZS_U_WEEK: part[2] += 7 * a; break;
    case ZS_U_DAY: part[2] += a; break;
    case ZS_U_HOUR: part[3] += a; break;
    case ZS_U_MINUTE: part[4] += a; break;
    case ZS_U_SECOND: part[5] += a; break;
    default: return false;
    }
    return true;
}

/* The duration of the parts, the zero ones left out ("P5Y3M", "PT2H30M",
 * "P10DT12H"); false when all are zero. */
static bool write_parts(const int64_t part[6], zs_rv *out)
{
    static const char letter[6] = {'Y', 'M', 'D', 'H', 'M', 'S'};
    char buf[sizeof out->value] = "P";
    size_t n = 1;
    for (int i = 0; i < 6 && n < sizeof buf; i++) {
        if (i == 3 && (part[3] || part[4] || part[5])) buf[n++] = 'T';
        if (part[i])
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%lld%c", (long long)part[i], letter[i]);
    }
    if (n == 1 || n >= sizeof buf) return false;
    memcpy(out->value, buf, n + 1);
    return true;
}

/* A known amount and a half ("5 1/2 hours", "half a year"): the half in
 * the next smaller unit, as TimeBank writes it (P2Y6M, PT5H30M). Returns
 * false for units without one. */
static bool half_duration(const zs_tv *tv, zs_rv *out)
{
    int64_t part[6] = {0};
    switch (tv->unit) {
    case ZS_U_YEAR: part[1] = 6; break;
    case ZS_U_DECADE: part[0] = 5; break;
    case ZS_U_CENTURY: part[0] = 50; break;
    case ZS_U_MONTH: part[2] = 15; break;
    case ZS_U_WEEK: part[2] = 3, part[3] = 12; break;
    case ZS_U_DAY: part[3] = 12; break;
    case ZS_U_HOUR: part[4] = 30; break;
    case ZS_U_MINUTE: part[5] = 30; break;
    default: return false;
    }
    return add_part(part, tv->unit, tv->amount) && write_parts(part, out);
}

/* Two known amounts, the second of a finer unit ("five years and three
 * months" P5Y3M, "two hours and 30 minutes" PT2H30M, "two weeks and three
 * days" P17D). Returns false when the second unit is not finer. */
static bool and_duration(const zs_tv *tv, zs_rv *out)
{
    if (tv->and_unit >= tv->unit || tv->amount < 0 || tv->amount > 99999 ||
        tv->and_amount < 0 || tv->and_amount > 99999)
        return false;
    int64_t part[6] = {0};
    return add_part(part, tv->unit, tv->amount) && add_part(part, tv->and_unit, tv->and_amount) &&
           write_parts(part, out);
}

static void duration_value(const zs_tv *tv, zs_rv *out)
{
    if (tv->and_amount != ZS_UNSET && tv->and_unit != ZS_U_NONE && tv->amount != ZS_UNSET &&
        tv->half != 1 && and_duration(tv, out))
        return;
    if (tv->half == 1 && tv->amount != ZS_UNSET && tv->amount >= 0 && tv->amount < 100000 &&
        half_duration(tv, out))
        return;
    char amount[16];
    if (tv->amount == ZS_UNSET) snprintf(amount, sizeof amount, "X");
    else snprintf(amount, sizeof amount, "%d", (int)tv->amount);
    bool clock = tv->unit == ZS_U_SECOND || tv->unit == ZS_U_MINUTE || tv->unit == ZS_U_HOUR;
    /* known decades and centuries in years, as KRAUTS and TimeBank write them */
    if ((tv->unit == ZS_U_DECADE || tv->unit == ZS_U_CENTURY) && tv->amount != ZS_UNSET)
        snprintf(out->value, sizeof out->value, "P%dY",
                 (int)tv->amount * (tv->unit == ZS_U_DECADE ? 10 : 100));
    else if (tv->unit == ZS_U_DECADE)
        snprintf(out->value, sizeof out->value, "P%sDE", amount);
    else if (tv->unit == ZS_U_CENTURY)
        snprintf(out->value, sizeof out->value, "P%sCE", amount);
    else if (tv->unit == ZS_U_NONE)
        snprintf(out->value, sizeof out->value, "PX");
    else if (tv->unit == ZS_U_WEEKEND) /* "ein Wochenende": P1WE, as in KRAUTS */
        snprintf(out->value, sizeof out->value, "P%sWE", amount);
    else if (tv->unit == ZS_U_HALF && tv->amount != ZS_UNSET) /* half years in months */
        snprintf(out->value, sizeof out->value, "P%dM", (int)tv->amount * 6);
    else if (tv->unit >= (int)sizeof unit_letter || !unit_letter[tv->unit])
        snprintf(out->value, sizeof out->value, "P%sX", amount);
    else
        snprintf(out->value, sizeof out->value, "P%s%s%c", clock ? "T" : "", amount,
                 unit_letter[tv->unit]);
}

static void set_value(const zs_tv *tv, zs_rv *out)
{
    if (tv->weekday != ZS_UNSET && tv->hour >= 0 && tv->hour <= 24) /* "jeden Freitagmittag" */
        snprintf(out->value, sizeof out->value, "XXXX-WXX-%dT%02d:%02d", (int)tv->weekday,
                 (int)tv->hour, tv->minute >= 0 && tv->minute <= 59 ? (int)tv->minute : 0);
    else if (tv->weekday != ZS_UNSET)
        snprintf(out->value, sizeof out->value, "XXXX-WXX-%d%s%s", (int)tv->weekday,
                 tv->pod ? "T" : "", pod_codes[tv->pod]);
    else if (tv->pod != ZS_POD_NONE) {
        static const char *pods[] = {"", "MO", "AF", "EV", "NI", "DT"};
        snprintf(out->value, sizeof out->value, "XXXX-XX-XXT%s", pods[tv->pod]);
    } else if (tv->unit == ZS_U_WEEKEND) { /* "on weekends" */
        snprintf(out->value, sizeof out->value, "XXXX-WXX-WE");
    } else if (tv->month >= 1 && tv->month <= 12) /* "every July" */
        snprintf(out->value, sizeof out->value, "XXXX-%02d", (int)tv->month);
    else if (tv->season > ZS_SEASON_NONE && tv->season <= ZS_SEASON_WI) { /* "every summer" */
        static const char *seasons[] = {"", "SP", "SU", "FA", "WI"};
        snprintf(out->value, sizeof out->value, "XXXX-%s", seasons[tv->season]);
    } else {
        zs_tv one = *tv;
        if (one.amount == ZS_UNSET) one.amount = 1;
        else if (one.amount == 0) one.amount = ZS_UNSET; /* "every few days": PXD */
        duration_value(&one, out);
    }
}

/* Adds months to (y, m). */
static void add_months(int *y, int *m, int64_t n)
{
    int64_t t = (int64_t)*y * 12 + (*m - 1) + n;
    *y = (int)(t >= 0 ? t / 12 : -((-t + 11) / 12));
    *m = (int)(t - (int64_t)*y * 12) + 1;
}

/* Cuts [b, u) to its first, middle or last third (months: days 1-10,
 * 11-20, 21-end; years: Jan-Apr, May-Aug, Sep-Dec). */
static void apply_mod(zs_mod mod, zs_gran g, int y, int m, zs_lsec *b, zs_lsec *u)
{
    if (mod != ZS_MOD_START && mod != ZS_MOD_MID && mod != ZS_MOD_END) return;
    int part = mod == ZS_MOD_START ? 0 : mod == ZS_MOD_MID ? 1 : 2;
    if (g == ZS_GRAN_MONTH) {
        static const int first[] = {1, 11, 21};
        *b = zs_lsec_make(zs_days_from_civil(y, m, first[part]), 0, 0, 0);
        if (part < 2) *u = zs_lsec_make(zs_days_from_civil(y, m, first[part + 1]), 0, 0, 0);
    } else if (g == ZS_GRAN_YEAR) {
        *b = zs_lsec_make(zs_days_from_civil(y, 1 + 4 * part, 1), 0, 0, 0);
        if (part < 2) *u = zs_lsec_make(zs_days_from_civil(y, 5 + 4 * part, 1), 0, 0, 0);
    } else {
        int64_t days = (*u - *b) / 86400;
        if (days >= 3) {
            int64_t b0 = zs_lsec_days(*b);
            zs_lsec nb = zs_lsec_make(b0 + days * part / 3, 0, 0, 0);
            zs_lsec nu = zs_lsec_make(b0 + days * (part + 1) / 3, 0, 0, 0);
            *b = nb;
            *u = nu;
        }
    }
}

static const int pod_hours[][2] = {{0, 0}, {6, 12}, {12, 18}, {18, 22}, {22, 30}, {6, 18}};

/* The day of weekday wd nearest to day a in direction dir; strict: not
 * day a itself ("kommenden Dienstag" said on a Tuesday is next week's). */
static int64_t weekday_near(int64_t a, int wd, zs_dir dir, bool strict)
{
    int diff = wd - zs_weekday(a); /* -6..6 */
    if (dir == ZS_DIR_PAST) return a + (diff > 0 || (strict && !diff) ? diff - 7 : diff);
    if (dir == ZS_DIR_FUTURE) return a + (diff < 0 || (strict && !diff) ? diff + 7 : diff);
    if (diff > 3) diff -= 7;
    if (diff < -3) diff += 7;
    return a + diff;
}

/* Days counted from a weekday rather than from the anchor ("the day
 * before last Tuesday": weekday, offset -1, unit day): the weekday
 * resolves as it would alone, with its direction. */
static bool days_from_weekday(const zs_tv *tv)
{
    return tv->weekday != ZS_UNSET && tv->day == ZS_UNSET && tv->offset != ZS_UNSET &&
           tv->unit == ZS_U_DAY;
}

/* The calendar unit a value names, before any time of day. */
typedef struct span {
    zs_gran g;
    int y, m;          /* year and month, for mod thirds */
    zs_lsec b, u;
    char value[48];
} span;

static zs_lsec day_start(int y, int m, int d)
{
    return zs_lsec_make(zs_days_from_civil(y, m, d), 0, 0, 0);
}

/* The year of a unit at position key of a year of period positions (a
 * month 1-12, a season, a quarter), seen from position akey of year ay:
 * leaning into the past or the future, or else the nearest occurrence. */
static int lean_year(int ay, int key, int akey, int period, zs_dir dir)
{
    if (dir == ZS_DIR_SAME) return ay;
    if (dir == ZS_DIR_PAST) return key > akey ? ay - 1 : ay;
    if (dir == ZS_DIR_FUTURE) return key < akey ? ay + 1 : ay;
    if (key - akey > period / 2) return ay - 1;
    if (akey - key > period / 2 || (period == 12 && akey - key == 6))
        return ay + 1; /* half a year either way: ahead */
    return ay;
}

/* A month or season named with its direction ("last March", "next
 * summer") said while it runs is the one a year before or after, not the
 * current one (as "last Friday" said on a Friday): the years to add to
 * lean_year's. */
static int named_turn(int key, int akey, zs_dir named)
{
    if (key != akey) return 0;
    return named == ZS_DIR_PAST ? -1 : named == ZS_DIR_FUTURE ? 1 : 0;
}

/* A range of years written as one mention ("1925/26") spans at most this
 * many years; a longer one is its first year. */
#define MAX_YEAR_RANGE 20

/* A two-digit year: the one of the nearest century not more than 20
 * years after the anchor. */
static int full_year(int y, int ay)
{
    if (y < 0 || y >= 100) return y;
    y += ay / 100 * 100;
    if (y > ay + 20) y -= 100;
    return y;
}

_Static_assert(sizeof ((span *)0)->value == sizeof ((zs_rv *)0)->value, "span and rv values");

/* Writes the TIMEX year of astronomical year y at p: "2017", or "BC0499"
 * for -498 (at most 13 bytes with the NUL); returns the end. */
static char *put_year(char *p, int y)
{
    if (y <= 0) {
        *p++ = 'B';
        *p++ = 'C';
        y = 1 - y;
    }
    return zs_put_num(p, y, 4);
}

/* The TIMEX year of astronomical year y in buf (of at least 16 bytes). */
static const char *year_str(char *buf, size_t n, int y)
{
    if (n >= 16) put_year(buf, y);
    else if (n) buf[0] = '\0';
    return buf;
}

/* A year; y < 0 is the year -y before Christ ("BC0499"), astronomical
 * year y + 1 on the proleptic calendar. */
static void set_year(span *sp, int y)
{
    int astro = y < 0 ? y + 1 : y;
    sp->g = ZS_GRAN_YEAR;
    sp->y = astro;
    sp->m = 1;
    sp->b = day_start(astro, 1, 1);
    sp->u = day_start(astro + 1, 1, 1);
    put_year(sp->value, astro);
}

static void set_month(span *sp, int y, int m)
{
    sp->g = ZS_GRAN_MONTH;
    sp->y = y;
    sp->m = m;
    sp->b = day_start(y, m, 1);
    int ny = y, nm = m;
    add_months(&ny, &nm, 1);
    sp->u = day_start(ny, nm, 1);
    char *p = put_year(sp->value, y);
    *p++ = '-';
    zs_put_num(p, m, 2);
}

static void set_day(span *sp, int64_t day)
{
    int y, m, d;
    zs_civil_from_days(day, &y, &m, &d);
    sp->g = ZS_GRAN_DAY;
    sp->y = y;
    sp->m = m;
    sp->b = zs_lsec_make(day, 0, 0, 0);
    sp->u = zs_lsec_make(day + 1, 0, 0, 0);
    char *p = put_year(sp->value, y);
    *p++ = '-';
    p = zs_put_num(p, m, 2);
    *p++ = '-';
    zs_put_num(p, d, 2);
}

static void set_week(span *sp, int64_t monday, bool weekend)
{
    int iy;
    int w = zs_iso_week(monday, &iy);
    int d;
    sp->g = ZS_GRAN_WEEK;
    zs_civil_from_days(monday, &sp->y, &sp->m, &d);
    sp->b = zs_lsec_make(monday + (weekend ? 5 : 0), 0, 0, 0);
    sp->u = zs_lsec_make(monday + 7, 0, 0, 0);
    char ys[16];
    snprintf(sp->value, sizeof sp->value, "%s-W%02d%s", year_str(ys, sizeof ys, iy), w,
             weekend ? "-WE" : "");
}

/* n-th part (1-based) of a year split into parts of months each. */
static void set_part(span *sp, int y, int n, int months, zs_gran g, char letter)
{
    sp->g = g;
    sp->y = y;
    sp->m = (n - 1) * months + 1;
    sp->b = day_start(y, sp->m, 1);
    int ny = y, nm = sp->m;
    add_months(&ny, &nm, months);
    sp->u = day_start(ny, nm, 1);
    char ys[16];
    snprintf(sp->value, sizeof sp->value, "%s-%c%d", year_str(ys, sizeof ys, y), letter, n);
}

static void set_season(span *sp, int y, zs_season s)
{
    static const char *codes[] = {"", "SP", "SU", "FA", "WI"};
    static const int first[] = {0, 3, 6, 9, 12};
    sp->g = ZS_GRAN_SEASON;
    int by = s == ZS_SEASON_WI ? y - 1 : y; /* winter Y: December Y-1 to February Y */
    sp->y = by;
    sp->m = first[s];
    sp->b = day_start(by, first[s], 1);
    int ny = by, nm = first[s];
    add_months(&ny, &nm, 3);
    sp->u = day_start(ny, nm, 1);
    char ys[16];
    snprintf(sp->value, sizeof sp->value, "%s-%s", year_str(ys, sizeof ys, y), codes[s]);
}

/* Century c (1: the years 0-99; -1: 99-0 BC, astronomical -98..0, "BC00"). */
static void set_century(span *sp, int c)
{
    sp->g = ZS_GRAN_CENTURY;
    sp->y = c > 0 ? (c - 1) * 100 : c * 100 + 1;
    sp->m = 1;
    sp->b = day_start(sp->y, 1, 1);
    sp->u = day_start(sp->y + 100, 1, 1);
    snprintf(sp->value, sizeof sp->value, "%s%02d", c > 0 ? "" : "BC", (c > 0 ? c : -c) - 1);
}

static void set_decade(span *sp, int dec)
{
    sp->g = ZS_GRAN_DECADE;
    sp->y = dec * 10;
    sp->m = 1;
    sp->b = day_start(dec * 10, 1, 1);
    sp->u = day_start(dec * 10 + 10, 1, 1);
    snprintf(sp->value, sizeof sp->value, "%03d", dec);
}

/* Day number day shifted by n units (day, week, month, quarter, half,
 * year) into *out; a day the month it lands in lacks is that month's last
 * (Feb. 29 a year on is Feb. 28). False for other units. */
static bool shift_day(int64_t day, zs_unit u, int64_t n, int64_t *out)
{
    int64_t months;
    switch (u) {
    case ZS_U_DAY: *out = day + n; return true;
    case ZS_U_WEEK: *out = day + 7 * n; return true;
    case ZS_U_MONTH: months = n; break;
    case ZS_U_QUARTER: months = 3 * n; break;
    case ZS_U_HALF: months = 6 * n; break;
    case ZS_U_YEAR: months = 12 * n; break;
    default: return false;
    }
    int y, m, d;
    zs_civil_from_days(day, &y, &m, &d);
    add_months(&y, &m, months);
    int last = zs_days_in_month(y, m);
    *out = zs_days_from_civil(y, m, d < last ? d : last);
    return true;
}

/* Relative to the anchor: offset units. */
static bool relative_span(const zs_tv *tv, int64_t aday, int ay, int am, span *sp)
{
    int64_t monday = aday - (zs_weekday(aday) - 1);
    int64_t kept;
    if (tv->keep == ZS_U_DAY && shift_day(aday, tv->unit, tv->offset, &kept)) {
        set_day(sp, kept); /* the anchor's day shifted by whole units */
        return true;
    }
    switch (tv->unit) {
    case ZS_U_DAY:
        set_day(sp, aday + tv->offset);
        return true;
    case ZS_U_WEEK:
        if (tv->weekday != ZS_UNSET) set_day(sp, monday + 7 * (int64_t)tv->offset + tv->weekday - 1);
        else set_week(sp, monday + 7 * (int64_t)tv->offset, false);
        return true;
    case ZS_U_WEEKEND:
        set_week(sp, monday + 7 * (int64_t)tv->offset, true);
        return true;
    case ZS_U_MONTH: {
        int y = ay, m = am;
        add_months(&y, &m, tv->offset);
        set_month(sp, y, m);
        return true;
    }
    case ZS_U_QUARTER: {
        int y = ay, m = (am - 1) / 3 * 3 + 1;
        add_months(&y, &m, 3 * (int64_t)tv->offset);
        if (tv->year != ZS_UNSET) y = full_year(tv->year, ay); /* "the 1988 quarter" */
        set_part(sp, y, (m - 1) / 3 + 1, 3, ZS_GRAN_QUARTER, 'Q');
        return true;
    }
    case ZS_U_HALF: {
        int y = ay, m = (am - 1) / 6 * 6 + 1;
        add_months(&y, &m, 6 * (int64_t)tv->offset);
        set_part(sp, y, (m - 1) / 6 + 1, 6, ZS_GRAN_HALF, 'H');
        return true;
    }
    case ZS_U_YEAR:
        if (tv->month != ZS_UNSET) {
            if (tv->month < 1 || tv->month > 12) return false;
            if (tv->day != ZS_UNSET) {
                /* "1 January next year": that day of the month */
                int y = ay + tv->offset;
                if (tv->day < 1 || tv->day > zs_days_in_month(y, tv->month)) return false;
                set_day(sp, zs_days_from_civil(y, tv->month, tv->day));
            } else {
                set_month(sp, ay + tv->offset, tv->month);
            }
        } else if (tv->season != ZS_SEASON_NONE) {
            set_season(sp, ay + tv->offset, tv->season);
        } else if (tv->quarter != ZS_UNSET || tv->half != ZS_UNSET) {
            /* "last year's third quarter" */
            bool q = tv->quarter != ZS_UNSET;
            int n = q ? tv->quarter : tv->half;
            if (n < 1 || n > (q ? 4 : 2)) return false;
            set_part(sp, ay + tv->offset, n, q ? 3 : 6, q ? ZS_GRAN_QUARTER : ZS_GRAN_HALF,
                     q ? 'Q' : 'H');
        } else {
            set_year(sp, ay + tv->offset);
        }
        return true;
    case ZS_U_DECADE:
        set_decade(sp, ay / 10 + tv->offset);
        return true;
    case ZS_U_CENTURY: { /* "a century ago": the century of that year ("19") */
        if (tv->offset < -40 || tv->offset > 40) return false;
        int y = ay + 100 * tv->offset;
        if (y < 0) return false;
        set_century(sp, y / 100 + 1);
        return true;
    }
    default:
        return false;
    }
}

static bool date_span(const zs_tv *tv, zs_lsec anchor, zs_dir dir, span *sp)
{
    int64_t aday = zs_lsec_days(anchor);
    int ay, am, ad;
    zs_civil_from_days(aday, &ay, &am, &ad);
    memset(sp, 0, sizeof *sp);
    int y = tv->year != ZS_UNSET ? full_year(tv->year, ay) : ZS_UNSET;

    if (tv->turn != ZS_UNSET) {
        /* "the turn of the century": the boundary of two periods of turn
         * years (a century, a millennium); its value the century it opens,
         * its interval three years either side */
        int n = tv->turn;
        if (n < 100 || n % 100 || n > 10000 || ay < 0) return false;
        int lo = ay / n * n, t;
        if (tv->offset != ZS_UNSET && tv->offset != 0)
            t = (2 * (ay - lo) < n ? lo : lo + n) + n * tv->offset;
        else if (dir == ZS_DIR_PAST || dir == ZS_DIR_FUTURE)
            t = dir == ZS_DIR_PAST || ay == lo ? lo : lo + n;
        else
            t = 2 * (ay - lo) < n ? lo : lo + n;
        if (t < 100 || t > 4000) return false;
        set_century(sp, t / 100 + 1);
        sp->b = day_start(t - 3, 1, 1);
        sp->u = day_start(t + 3, 1, 1);
        return true;
    }
    if (tv->century != ZS_UNSET) {
        /* century -n: the nth before Christ ("6. Jahrhundert v. Chr.", the
         * years 600-501 BC, astronomical -599..-500: "BC05") */
        int c = tv->century;
        if (c == 0 || c < -40 || c > 40) return false;
        set_century(sp, c);
        return true;
    }
    if (tv->decade != ZS_UNSET) {
        int dec = tv->decade;
        if (dec < 0 || dec > 400) return false;
        if (dec < 10) return false;
        if (dec < 100) { /* "90er": the nearest decade that has begun */
            if (dec % 10) return false;
            dec = (ay / 100 * 100 + dec) / 10;
            if (dec * 10 > ay) dec -= 10;
        }
        set_decade(sp, dec);
        return true;
    }
    if (tv->offset != ZS_UNSET && tv->unit != ZS_U_NONE && !days_from_weekday(tv))
        return relative_span(tv, aday, ay, am, sp);
    if (tv->easter != ZS_UNSET) {
        int yy = y;
        bool week = tv->unit == ZS_U_WEEK; /* "Easter week": the week the day is in */
        if (yy == ZS_UNSET) { /* the nearest, in dir where it has one */
            int64_t best = INT64_MAX;
            for (int c = ay - 1; c <= ay + 1; c++) {
                int64_t day = zs_easter(c) + tv->easter, diff = day - aday;
                /* a week leans back once it has begun, ahead until it ends */
                int64_t first = week ? day - (zs_weekday(day) - 1) : day, last = week ? first + 6 : day;
                if ((dir == ZS_DIR_PAST && first > aday) || (dir == ZS_DIR_FUTURE && last < aday)) continue;
                if (llabs(diff) < best) {
                    best = llabs(diff);
                    yy = c;
                }
            }
        }
        int64_t day = zs_easter(yy) + tv->easter;
        if (week) set_week(sp, day - (zs_weekday(day) - 1), false);
        else set_day(sp, day);
        return true;
    }
    if (tv->week != ZS_UNSET) {
        int iy = y;
        if (iy == ZS_UNSET) zs_iso_week(aday, &iy);
        if (tv->week < 1 || tv->week > zs_iso_week(zs_days_from_civil(iy, 12, 28), &(int){0}))
            return false;
        set_week(sp, zs_iso_week_monday(iy, tv->week), false);
        return true;
    }
    if (tv->season != ZS_SEASON_NONE) {
        /* in the order of a year: winter Y (from December Y-1) comes first */
        int key = tv->season == ZS_SEASON_WI ? 0 : (int)tv->season;
        int akey = am == 12 || am <= 2 ? 0 : (am - 3) / 3 + 1;
        int yy = y;
        if (yy == ZS_UNSET) yy = lean_year(am == 12 ? ay + 1 : ay, key, akey, 4, dir) +
                                 named_turn(key, akey, tv->dir);
        else if (yy < 0) yy += 1; /* before Christ: astronomical */
        set_season(sp, yy, tv->season);
        return true;
    }
    if (tv->quarter != ZS_UNSET || tv->half != ZS_UNSET) {
        bool q = tv->quarter != ZS_UNSET;
        int n = q ? tv->quarter : tv->half;
        if (n < 1 || n > (q ? 4 : 2)) return false;
        int yy = y != ZS_UNSET ? y : lean_year(ay, n, q ? (am - 1) / 3 + 1 : (am - 1) / 6 + 1, q ? 4 : 2, dir);
        set_part(sp, yy, n, q ? 3 : 6, q ? ZS_GRAN_QUARTER : ZS_GRAN_HALF,
                 q ? 'Q' : 'H');
        return true;
    }
    if (tv->nth != ZS_UNSET && tv->month != ZS_UNSET && tv->weekday != ZS_UNSET) {
        /* the nth weekday of the month (on or after its day), this year's
         * or the nearest in dir */
        if (tv->month < 1 || tv->month > 12 || tv->weekday < 1 || tv->weekday > 7 ||
            tv->nth == 0 || tv->nth < -5 || tv->nth > 5)
            return false;
        int yy = y != ZS_UNSET ? y : lean_year(ay, tv->month, am, 12, dir);
        int64_t day;
        if (tv->nth > 0) { /* counted from day 1, or from the day given */
            int from = tv->day != ZS_UNSET ? tv->day : 1;
            if (from < 1 || from > zs_days_in_month(yy, tv->month)) return false;
            int64_t first = zs_days_from_civil(yy, tv->month, from);
            day = first + (tv->weekday - zs_weekday(first) + 7) % 7 + 7 * (tv->nth - 1);
        } else {
            int64_t last = zs_days_from_civil(yy, tv->month, zs_days_in_month(yy, tv->month));
            day = last - (zs_weekday(last) - tv->weekday + 7) % 7 + 7 * (tv->nth + 1);
        }
        int cy, cm, cd;
        zs_civil_from_days(day, &cy, &cm, &cd);
        if (cm != tv->month) return false; /* no fifth one this month */
        set_day(sp, day);
        return true;
    }
    if (tv->weekday != ZS_UNSET && tv->day == ZS_UNSET) {
        if (tv->weekday < 1 || tv->weekday > 7) return false;
        set_day(sp, weekday_near(aday, tv->weekday, dir, tv->dir != ZS_DIR_NONE) +
                        (days_from_weekday(tv) ? tv->offset : 0));
        return true;
    }
    if (y > 0 && tv->to_year != ZS_UNSET && tv->month == ZS_UNSET && tv->day == ZS_UNSET) {
        /* "1925/26": both years; the value is the decade holding them
         * (192), else the first year */
        int y2 = tv->to_year;
        if (y2 >= 0 && y2 < 100) {
            y2 += y / 100 * 100;
            if (y2 <= y) y2 += 100;
        }
        set_year(sp, y);
        if (y2 <= y || y2 - y > MAX_YEAR_RANGE) return true;
        sp->u = day_start(y2 + 1, 1, 1);
        if (y / 10 == y2 / 10) snprintf(sp->value, sizeof sp->value, "%03d", y / 10);
        return true;
    }
    if (y != ZS_UNSET || tv->month != ZS_UNSET || tv->day != ZS_UNSET) {
        int m = tv->month != ZS_UNSET ? tv->month : am;
        if (m < 1 || m > 12) return false;
        if (y == ZS_UNSET && tv->month == ZS_UNSET && tv->day != ZS_UNSET) {
            /* a day alone ("on the 15th"): of this month, or of the month
             * before or after it, as the tense or the nearest one says */
            y = ay;
            add_months(&y, &m, lean_year(0, tv->day, ad, 31, dir));
        }
        if (y == ZS_UNSET)
            y = tv->month == ZS_UNSET ? ay
                : lean_year(ay, m, am, 12, dir) + (tv->day == ZS_UNSET ? named_turn(m, am, tv->dir) : 0);
        if (y < 0 && tv->month == ZS_UNSET) { /* before Christ: years only */
            set_year(sp, y);
            return true;
        }
        if (y < 0) y += 1;
        if (tv->day != ZS_UNSET) {
            if (tv->day < 1 || tv->day > zs_days_in_month(y, m)) return false;
            int64_t day = zs_days_from_civil(y, m, tv->day);
            if (tv->unit == ZS_U_WEEK) /* "the week of March 6": the week the day is in */
                set_week(sp, day - (zs_weekday(day) - 1), false);
            else
                set_day(sp, day);
        } else if (tv->month != ZS_UNSET) {
            set_month(sp, y, m);
        } else {
            set_year(sp, y);
        }
        return true;
    }
    if (tv->hour != ZS_UNSET || tv->pod != ZS_POD_NONE) { /* a time of day today */
        set_day(sp, aday);
        return true;
    }
    return false;
}

bool zs_tv_shift(const zs_tv *tv, const zs_rv *from, zs_rv *out)
{
    if (tv->offset == ZS_UNSET || !from->has_interval) return false;
    zs_gran need; /* the coarsest granularity the unit can shift */
    switch (tv->unit) {
    case ZS_U_YEAR: need = ZS_GRAN_YEAR; break;
    case ZS_U_HALF: need = ZS_GRAN_HALF; break;
    case ZS_U_QUARTER: need = ZS_GRAN_QUARTER; break;
    case ZS_U_MONTH: need = ZS_GRAN_MONTH; break;
    case ZS_U_WEEK:
    case ZS_U_DAY: need = ZS_GRAN_DAY; break;
    default: return false;
    }
    zs_gran g = from->gran;
    if (g < need || g == ZS_GRAN_SEASON || g == ZS_GRAN_WEEK || g > ZS_GRAN_DAY) return false;
    int64_t day;
    shift_day(zs_lsec_days(from->begin), tv->unit, tv->offset, &day);
    int y, m, d;
    zs_civil_from_days(day, &y, &m, &d);
    zs_tv n;
    zs_tv_init(&n);
    n.type = ZS_DATE;
    n.mod = tv->mod;
    n.year = y;
    if (g == ZS_GRAN_HALF) n.half = (m - 1) / 6 + 1;
    else if (g == ZS_GRAN_QUARTER) n.quarter = (m - 1) / 3 + 1;
    else if (g >= ZS_GRAN_MONTH) n.month = m;
    if (g == ZS_GRAN_DAY) n.day = d;
    return zs_tv_resolve(&n, from->begin, ZS_DIR_NONE, out);
}

bool zs_tv_uses_hint(const zs_tv *tv)
{
    /* as zs_tv_resolve and date_span go */
    if (tv->ref != ZS_REF_NONE || tv->type == ZS_DURATION || tv->type == ZS_SET) return false;
    if (tv->offset != ZS_UNSET && tv->unit >= ZS_U_SECOND && tv->unit <= ZS_U_HOUR) return false;
    if (tv->dir != ZS_DIR_NONE) return false;
    if (tv->turn != ZS_UNSET) return tv->offset == ZS_UNSET || tv->offset == 0;
    if (tv->century != ZS_UNSET || tv->decade != ZS_UNSET) return false;
    if (tv->offset == 0 && tv->unit == ZS_U_WEEKEND && tv->lean != ZS_DIR_NONE) return true;
    if (tv->offset != ZS_UNSET && tv->unit != ZS_U_NONE && !days_from_weekday(tv)) return false;
    /* the direction picks the year of a date without one, and the day of
     * a weekday */
    return tv->year == ZS_UNSET || (tv->weekday != ZS_UNSET && tv->day == ZS_UNSET);
}

/* A duration with a direction reaches that far back (past) or ahead
 * (future) from the anchor, as "vor zwei Wochen" and "in drei Monaten",
 * whose value is the amount of time (P2W, as KRAUTS writes them): its
 * interval is the date at the far end, the unit that many back or ahead
 * (TimeML's beginPoint or endPoint), so that what happened then has a
 * date. Only known amounts of days or longer. */
static void point_of_duration(const zs_tv *tv, zs_lsec anchor, zs_rv *out)
{
    if ((tv->dir != ZS_DIR_PAST && tv->dir != ZS_DIR_FUTURE) || tv->amount == ZS_UNSET ||
        tv->amount <= 0 || tv->amount > 9999 || tv->unit < ZS_U_DAY || tv->unit > ZS_U_CENTURY ||
        tv->and_amount != ZS_UNSET || tv->half == 1)
        return;
    zs_tv at;
    zs_tv_init(&at);
    at.type = ZS_DATE;
    at.unit = tv->unit;
    at.offset = tv->dir == ZS_DIR_PAST ? -tv->amount : tv->amount;
    span sp;
    if (!date_span(&at, anchor, ZS_DIR_NONE, &sp)) return;
    out->has_interval = true;
    out->begin = sp.b;
    out->until = sp.u;
    out->gran = sp.g;
}

bool zs_tv_point(const zs_tv *tv, const zs_rv *rv, zs_rv *out)
{
    if (rv->type != ZS_DURATION || !rv->has_interval ||
        (tv->dir != ZS_DIR_PAST && tv->dir != ZS_DIR_FUTURE))
        return false;
    /* the unit that holds the interval's first day, named as a date */
    zs_tv at;
    zs_tv_init(&at);
    at.type = ZS_DATE;
    at.unit = tv->unit;
    at.offset = 0;
    span sp;
    if (!date_span(&at, rv->begin, ZS_DIR_NONE, &sp) || sp.b != rv->begin || sp.u != rv->until)
        return false;
    memset(out, 0, sizeof *out);
    out->type = ZS_DATE;
    memcpy(out->value, sp.value, sizeof out->value);
    out->mod = rv->mod == ZS_MOD_APPROX ? ZS_MOD_APPROX : ZS_MOD_NONE;
    out->gran = sp.g;
    out->has_interval = true;
    out->begin = sp.b;
    out->until = sp.u;
    return true;
}

bool zs_tv_resolve(const zs_tv *tv, zs_lsec anchor, zs_dir hint, zs_rv *out)
{
    memset(out, 0, sizeof *out);
    out->type = tv->type;
    out->mod = tv->mod;
    if (tv->ref != ZS_REF_NONE) {
        static const char *refs[] = {"", "PRESENT_REF", "PAST_REF", "FUTURE_REF"};
        out->type = ZS_DATE;
        snprintf(out->value, sizeof out->value, "%s", refs[tv->ref]);
        out->gran = ZS_GRAN_NONE;
        if (tv->ref == ZS_REF_PRESENT) {
            out->has_interval = true;
            out->begin = out->until = anchor;
        }
        return true;
    }
    if (tv->type == ZS_DURATION) {
        duration_value(tv, out);
        point_of_duration(tv, anchor, out);
        return true;
    }
    if (tv->type == ZS_SET) {
        set_value(tv, out);
        return true;
    }
    if (tv->offset != ZS_UNSET && tv->unit >= ZS_U_SECOND && tv->unit <= ZS_U_HOUR) {
        /* "drei Minuten später": a clock time the text does not give */
        out->type = ZS_TIME;
        snprintf(out->value, sizeof out->value, "XXXX-XX-XXTXX:XX");
        out->gran = ZS_GRAN_NONE;
        return true;
    }
    zs_dir dir = tv->dir != ZS_DIR_NONE ? tv->dir
                 : hint == ZS_DIR_SAME ? (tv->weekday != ZS_UNSET ? ZS_DIR_NONE : hint)
                 : hint != ZS_DIR_NONE ? hint : tv->lean;
    /* "the weekend" of a rule leaning back, said from Monday to Thursday
       without a cue ahead, or on a Friday with a cue of the past
       ("reported violations over the weekend"): the one gone by */
    zs_tv prev;
    if (tv->offset == 0 && tv->unit == ZS_U_WEEKEND && tv->lean != ZS_DIR_NONE &&
        dir == ZS_DIR_PAST) {
        int wd = zs_weekday(zs_lsec_days(anchor));
        if (wd <= 4 || (wd == 5 && hint == ZS_DIR_PAST && tv->dir == ZS_DIR_NONE)) {
            prev = *tv;
            prev.offset = -1;
            tv = &prev;
        }
    }
    span sp;
    if (!date_span(tv, anchor, dir, &sp)) return false;
    int y = sp.y, m = sp.m;
    zs_gran g = sp.g;
    zs_lsec b = sp.b, u = sp.u;
    memcpy(out->value, sp.value, sizeof out->value);
    if (g == ZS_GRAN_DAY) {
        int64_t day = zs_lsec_days(b);
        if (tv->hour != ZS_UNSET) {
            int h = tv->hour, mi = tv->minute != ZS_UNSET ? tv->minute : 0;
            if (h < 0 || h > 24 || mi < 0 || mi > 59 || (h == 24 && mi)) return false;
            if (tv->pod == ZS_POD_AF || tv->pod == ZS_POD_EV || tv->pod == ZS_POD_NI)
                if (h < 12 && !(tv->pod == ZS_POD_NI && h < 5)) h += 12;
            if (tv->pod == ZS_POD_MO && h == 12) h = 0; /* "12:30 a.m.": after midnight */
            char *p = out->value + strlen(out->value); /* room: a date is short */
            *p++ = 'T';
            p = zs_put_num(p, h, 2);
            *p++ = ':';
            zs_put_num(p, mi, 2);
            b = zs_lsec_make(day, h, mi, 0);
            if (tv->minute != ZS_UNSET) {
                u = b + 60;
                g = ZS_GRAN_MINUTE;
            } else {
                u = b + 3600;
                g = ZS_GRAN_HOUR;
            }
            out->type = ZS_TIME;
        } else if (tv->pod != ZS_POD_NONE) {
            size_t n = strlen(out->value);
            snprintf(out->value + n, sizeof out->value - n, "T%s", pod_codes[tv->pod]);
            b = zs_lsec_make(day, pod_hours[tv->pod][0], 0, 0);
            u = zs_lsec_make(day, pod_hours[tv->pod][1], 0, 0);
            g = ZS_GRAN_PARTOFDAY;
            out->type = ZS_TIME;
        }
    }
    if (tv->turn == ZS_UNSET) apply_mod(tv->mod, g, y, m, &b, &u);
    out->gran = g;
    out->has_interval = true;
    out->begin = b;
    out->until = u;
    return true;
}
