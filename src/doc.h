/* The analysed document and the temporal graph, as the stages fill them and
 * the writers read them. Private to the library. */
#ifndef ZS_DOC_H
#define ZS_DOC_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "tvalue.h"
#include "util.h"

struct zs_word; /* lexicon record of a folded token (template.h) */
struct zs_rule;
struct zs_entry; /* lexicon entry (template.h) */
struct zs_timeml_src; /* the TimeML file a doc was read from (timeml.h) */

typedef enum { ZS_TOK_WORD = 0, ZS_TOK_NUM, ZS_TOK_ALNUM, ZS_TOK_PUNCT } zs_tokkind;

enum {
    ZS_TF_SPACE = 1,   /* whitespace before the token */
    ZS_TF_NL = 2,      /* a line break before the token */
    ZS_TF_PARA = 4,    /* a blank line (paragraph break) before the token */
    ZS_TF_UPPER = 8,   /* first letter is upper case */
    ZS_TF_SSTART = 16  /* first token of a sentence */
};

typedef struct zs_token {
    uint32_t b0, b1;    /* byte offsets in doc->text, half-open */
    uint32_t c0, c1;    /* code-point offsets, half-open */
    uint32_t fold;      /* offset of the folded form in doc->folds */
    uint16_t fold_len;
    uint8_t kind;       /* zs_tokkind */
    uint8_t flags;      /* ZS_TF_* */
    int32_t num;        /* value of a ZS_TOK_NUM token (digits only), else -1 */
    uint32_t sent;      /* sentence index */
    const struct zs_word *word; /* lexicon record, NULL if the form is unknown */
} zs_token;

typedef struct zs_sentence {
    uint32_t t0, t1;    /* token range, half-open */
} zs_sentence;

/* The size of an id ("t1", "e12", "t0" for the DCT) with its NUL. */
#define ZS_ID_SIZE 24

/* A temporal expression. */
typedef struct zs_timex {
    char id[ZS_ID_SIZE];         /* "t1", "t2", ... in text order */
    uint32_t t0, t1;             /* token range */
    uint32_t b0, b1, c0, c1;     /* byte / code-point extent */
    uint32_t sent;
    const char *rule;            /* name of the rule that found it */
    zs_tv tv;                    /* underspecified value from the rule */
    zs_rv rv;                    /* resolved value and interval */
    zs_anchor anchor;            /* what it was resolved against */
    int group;                   /* coordination group (index of its first
                                    member), or -1 */
    bool is_dct;                 /* the dateline: the creation time */
    bool claimed;                /* an event's postnominal modifier */
    bool role;                   /* of a rule marked role: a person's
                                    role ("Ex-Manager"), no event's time */
    bool has_zone;               /* its clock is of a zone word's offset
                                    ("1400 GMT"): rv's interval is that
                                    instant in the article's zone */
    int32_t zone_off;            /* that offset from UTC in seconds */
} zs_timex;

typedef enum {
    ZS_EC_OCCURRENCE = 0, ZS_EC_REPORTING, ZS_EC_STATE, ZS_EC_I_ACTION,
    ZS_EC_I_STATE, ZS_EC_ASPECTUAL, ZS_EC_PERCEPTION
} zs_eclass;
const char *zs_eclass_name(zs_eclass c);

/* CANCELLED: an event said not to take place ("der geplante Gipfel wurde
 * abgesagt"); one moved to a later date stays PLANNED, at the new date. */
typedef enum {
    ZS_MODAL_ASSERTED = 0, ZS_MODAL_PLANNED, ZS_MODAL_POSSIBLE, ZS_MODAL_CANCELLED, ZS_NMODAL
} zs_modality;
const char *zs_modality_name(zs_modality m);

/* TimeML tense and aspect of a verb event (MAKEINSTANCE); NONE for nouns. */
typedef enum {
    ZS_TENSE_NONE = 0, ZS_TENSE_PAST, ZS_TENSE_PRESENT, ZS_TENSE_FUTURE,
    ZS_TENSE_INFINITIVE, ZS_TENSE_PRESPART, ZS_TENSE_PASTPART
} zs_tense;
/* PERFECTIVE_PROGRESSIVE is PROGRESSIVE | PERFECTIVE. */
typedef enum {
    ZS_ASPECT_NONE = 0, ZS_ASPECT_PROGRESSIVE, ZS_ASPECT_PERFECTIVE,
    ZS_ASPECT_PERFECTIVE_PROGRESSIVE
} zs_aspect;
const char *zs_tense_name(zs_tense t);
const char *zs_aspect_name(zs_aspect a);

typedef struct zs_event {
    char id[ZS_ID_SIZE];         /* "e1", ... in text order */
    uint32_t t0, t1;
    uint32_t b0, b1, c0, c1;
    uint32_t sent;
    char *lemma;                 /* "gipfel", "mitteilen" (owned) */
    char *title;                 /* human-readable, "G20-Gipfel", with its
                                    participants: "Telefonat Putin – Trump"
                                    (owned) */
    char **participants;         /* names of who takes part, sorted
                                    ("Putin", "Trump"; owned) */
    uint32_t nparticipants;
    zs_eclass cls;
    zs_modality modality;
    zs_tense tense;              /* from the verb group (event.c) */
    zs_aspect aspect;
    bool noun;                   /* trigger is a noun (else a verb) */
    int time;                    /* index into doc->timexes, or -1 */
    bool has_interval;           /* begin/until/gran are set */
    zs_lsec begin, until;
    zs_gran gran;
    zs_mod mod;                  /* vagueness of the anchoring timex */
    int32_t rank;                /* order among events of the same interval:
                                    one said to come after another ranks
                                    above it */
    const char *key;             /* what mentions of the same event share:
                                    the entry's "same" attribute or lemma
                                    (owned by the lang or the event) */
    bool bare;                   /* a verb, or a noun without modifiers */
    bool signal_object;          /* named right after a signal word */
    bool bounded;                /* before, after or until its anchor's
                                    time, not within it (zs_event_bound) */
    bool signal_last;            /* so named after the verb the signal
                                    orders ("unearthed during a search") */
    bool signal_since;           /* ordered by a lasting= signal ("seit
                                    dem Gipfel ... gestritten") */
    bool past_form;              /* its verb group is in the past tense */
    bool ongoing;                /* begun by its time and told in the
                                    present: its interval runs from that
                                    time's beginning to the publication
                                    ("ermitteln seit Jahresbeginn") */
    bool postponed;              /* moved to the date it has ("Das Treffen
                                    wurde auf April verschoben") */
    int status_by;               /* the event that cancels or postpones it
                                    ("sagte das Treffen ab": "sagte"), or
                                    -1 */
    bool moves;                  /* postpones an event to a date that event
                                    took ("auf April verschoben"): not its
                                    own */
    bool answered;               /* the object of a reaction ("wies die
                                    Vorwürfe ... zurück"): told before it,
                                    its clause's dates are the reaction's */
    bool demanded;               /* the object of a verb that plans it
                                    ("forderte Neuwahlen"): its clause's and
                                    sentence's dates are the verb's */
    bool negated;                /* told as not happening (TimeML polarity
                                    NEG): "fanden nicht statt", "did not
                                    attend", "keine Einigung" (event.c,
                                    set_polarity) */
    bool reported_plan;          /* planned by a past report ("said he
                                    would travel"): after the report, not
                                    told to lie after the publication */
    const struct zs_entry *entry; /* the event_verb entry of a one-word
                                    verb trigger, or NULL */
    bool light;                  /* a light verb ("stattfinden"): the same
                                    event as a noun before it */
    int coref;                   /* index of the first mention of the same
                                    event in the doc, or -1 */
    bool placed;                 /* place_* set: where the graph sorts it */
    zs_lsec place_begin, place_until;
    int32_t place_rank;
} zs_event;

typedef enum {
    ZS_REL_BEFORE = 0, ZS_REL_AFTER, ZS_REL_INCLUDES, ZS_REL_IS_INCLUDED,
    ZS_REL_DURING, ZS_REL_SIMULTANEOUS, ZS_REL_OVERLAP, ZS_REL_IDENTITY,
    ZS_REL_IBEFORE, ZS_REL_IAFTER, ZS_REL_BEGINS, ZS_REL_BEGUN_BY, ZS_REL_ENDS,
    ZS_REL_ENDED_BY, ZS_REL_DURING_INV
} zs_relkind;
#define ZS_NREL 15
/* The relation of a name ("BEFORE"), or -1. */
int zs_rel_from_name(const char *name);
/* The relation seen from the other end (BEFORE <-> AFTER). */
zs_relkind zs_rel_inverse(zs_relkind r);
const char *zs_rel_name(zs_relkind r);

typedef struct zs_tlink {
    char from[ZS_ID_SIZE], to[ZS_ID_SIZE]; /* event, timex or "t0" (the DCT) ids */
    zs_relkind rel;
    char source[32];             /* "anchor", "signal:nach", "interval",
                                    "coref", "tense:hatte", "modality",
                                    "closure" */
    int contradiction;           /* index into doc->contras of the
                                    contradiction this link was left out
                                    of the closure for, or -1 */
} zs_tlink;

/* A link that contradicts what the doc's other links imply, with a smallest
 * set of those links that imply the opposite. */
typedef struct zs_contra {
    size_t link;                 /* the contradicted link (into doc->tlinks) */
    size_t *with; size_t nwith;  /* the links it contradicts (owned) */
} zs_contra;

struct zs_doc {
    const struct zs_lang *lang;
    char *name;                  /* label in outputs */
    char *url;                   /* the article's URL if the input gave one
                                    (corpus mode), else NULL (owned) */
    char *text;                  /* the UTF-8 input, NUL-terminated */
    size_t len;
    char *folds;                 /* folded token forms, back to back */
    size_t folds_len, folds_cap;
    zs_token *toks;  size_t ntoks, toks_cap;
    uint32_t *breaks; size_t nbreaks, breaks_cap; /* where zs_tokenize saw a
                                    sentence end could be, for
                                    zs_split_sentences (text.c; owned, freed
                                    by it) */
    zs_sentence *sents; size_t nsents, sents_cap;
    zs_timex *timexes; size_t ntimexes, timexes_cap;
    zs_event *events; size_t nevents, events_cap;
    zs_tlink *tlinks; size_t ntlinks, tlinks_cap;
    size_t nbase;                /* tlinks[0..nbase) found in the text, the
                                    rest derived by closure */
    zs_contra *contras; size_t ncontras, contras_cap;
    uint8_t *tense_cues;         /* per token, what the tense cue search of
                                    dates found there (resolve.c), 0 where
                                    not yet looked at, a skip mark on the
                                    tokens of dates; NULL until the first
                                    search (owned) */
    uint32_t *clauses;           /* the clause bounds clause_of (event.c)
                                    found so far, while zs_find_events runs;
                                    NULL otherwise (owned) */
    bool closure_skipped;        /* too many linked nodes to close */
    /* publication time */
    zs_lsec dct;                 /* wall clock in tz */
    zs_gran dct_gran;            /* ZS_GRAN_DAY or ZS_GRAN_MINUTE */
    char dct_iso[40];            /* "2017-05-02T21:06+02:00" */
    char tz[64];                 /* "Europe/Berlin" */
    char locale[16];             /* ICU locale for labels, "de" */
    int dct_timex;               /* index of the dateline timex, or -1 */
    bool narrative;              /* anchor relative values narratively */
    int order;                   /* numeric date order: ZS_ORDER_MDY/DMY */
    struct zs_timeml_src *timeml; /* the TimeML file the text is the TEXT of
                                    (zs_doc_from_timeml), or NULL (owned) */
};

/* Clauses are looked at no further than this many tokens either side of a
 * word, so that a text without punctuation stays linear to analyse. */
#define ZS_CLAUSE_WINDOW 40

/* Folded form of token i (not NUL-terminated; length toks[i].fold_len). */
static inline const char *zs_tok_fold(const struct zs_doc *d, size_t i)
{
    return d->folds + d->toks[i].fold;
}

/* Whether token i is a punctuation mark of one byte out of set (";:"). */
static inline bool zs_tok_punct(const struct zs_doc *d, size_t i, const char *set)
{
    const zs_token *t = &d->toks[i];
    return t->kind == ZS_TOK_PUNCT && t->b1 - t->b0 == 1 && strchr(set, d->text[t->b0]);
}

/* Whether token i is a comma. */
static inline bool zs_tok_comma(const struct zs_doc *d, size_t i)
{
    return d->toks[i].fold_len == 1 && d->folds[d->toks[i].fold] == ',';
}

/* A node of the graph: an event or a timex of one document. */
typedef struct zs_gnode {
    const struct zs_doc *doc;
    uint32_t docno;              /* position of doc in the graph */
    bool is_event;
    uint32_t index;              /* into doc->events or doc->timexes */
    uint32_t rep;                /* the node (index into graph->events) of
                                    the same event's first report, itself
                                    if none came before (zs_graph_merge_events) */
    bool shared;                 /* its event is reported by another doc too */
} zs_gnode;

struct zs_graph {
    const struct zs_doc **docs; size_t ndocs, docs_cap;
    zs_gnode *events;  size_t nevents, events_cap;  /* in time order */
    size_t *doc_base;            /* first slot of each doc in slot_of */
    uint32_t *slot_of;           /* doc's event k -> index into events */
    bool finished;
};

/* The graph node of event k of doc number docno (after zs_graph_finish). */
static inline const zs_gnode *zs_graph_node_of(const struct zs_graph *g, size_t docno, size_t k)
{
    return &g->events[g->slot_of[g->doc_base[docno] + k]];
}

static inline const zs_event *zs_gnode_event(const zs_gnode *n)
{
    return &n->doc->events[n->index];
}

#endif
