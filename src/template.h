/* The lang stage: the .zt files of templates/<lang>/ parsed and compiled into an immutable
 * lexicon (folded word -> entries, rules that can start there) and rule
 * programs for the token matcher. See templates/README.md for the language. */
#ifndef ZS_TEMPLATE_H
#define ZS_TEMPLATE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "tvalue.h"
#include "util.h"

/* One attribute of a lexicon value: "pod=EV" or the bare value "3". */
typedef struct zs_attr {
    const char *key;   /* NULL for the bare value */
    const char *sym;   /* the text */
    int32_t num;       /* the number, or ZS_UNSET */
} zs_attr;

typedef struct zs_entry {
    uint32_t lex;            /* lexicon id */
    uint16_t ntok;           /* number of tokens of the form */
    const uint32_t *words;   /* word ids of those tokens */
    const char *lemma;       /* first form of its line */
    const zs_attr *attrs;    /* attrs[0] is the bare value if any */
    uint16_t nattrs;
    uint8_t upper;           /* case=upper: only where its first letter is upper case */
    const struct zs_entry *parts[2]; /* a compound's constituents */
} zs_entry;

/* A bit no word's need_bit is: set in every sentence's mask of the words
 * it holds, and in zs_word.rules_need of a word one of whose rules needs no
 * word (then the word's rules are tried in every sentence). */
#define ZS_NEED_ANY (1ull << 63)

typedef struct zs_word {
    const char *form;        /* folded, NUL-terminated */
    uint32_t len;
    uint32_t id;
    const zs_entry **starts;  /* entries whose first token is this word */
    uint32_t nstarts;
    uint32_t nlong;          /* those of several tokens: once loaded, the
                                first ones of starts (longest first) */
    uint64_t lex_one;        /* bit lex % 64 for the lexicon of each of
                                its one-token entries: zs_word_in's quick
                                no (the lexicons numbered by how common
                                their words are: number_lexicons) */
    uint64_t lex_long;       /* the same for the entries of several tokens
                                it starts: zs_phrase_at's quick no */
    uint32_t rid;            /* index in the rules' token sets (from 1), 0
                                if in none */
    uint64_t need_bit;       /* its bit in the rules' need masks, or 0
                                (by how common it is and how many rules
                                need it: rule_needs) */
    uint32_t *rules;         /* rules that can start at this word */
    uint32_t nrules;
    uint64_t rules_need;     /* the need masks of its rules or'ed, or
                                ZS_NEED_ANY if one of them has none */
    const struct zs_tokset *rules_pred, *rules_succ; /* what can precede
                                and follow it in a match of one of its
                                rules (their pred, succ), or NULL: anything */
    uint32_t starts_cap, rules_cap; /* while loading */
} zs_word;

typedef struct zs_lexicon {
    const char *name;
    const char *file;
    int line;
    uint16_t max_tokens; /* the tokens of its longest entry, once loaded */
} zs_lexicon;

/* Matcher instructions. */
typedef enum {
    ZS_OP_LIT,    /* a = first word id index in lit pool, b = count */
    ZS_OP_LEX,    /* a = lexicon id */
    ZS_OP_INT,    /* a..b inclusive range; c = exact digit count or 0 */
    ZS_OP_NOUN,   /* a capitalized word not starting its sentence */
    ZS_OP_SPLIT,  /* try a, then b */
    ZS_OP_JMP,    /* go to a */
    ZS_OP_SAVE,   /* slot a = position */
    ZS_OP_MATCH,
    ZS_OP_SET     /* one token, any of the b words from a in the lit pool */
} zs_opcode;

typedef struct zs_inst {
    uint8_t op;
    int32_t a, b, c;
} zs_inst;

/* Fields a value constructor can set. */
typedef enum {
    ZS_F_YEAR, ZS_F_MONTH, ZS_F_DAY, ZS_F_HOUR, ZS_F_MINUTE, ZS_F_SECOND,
    ZS_F_WEEKDAY, ZS_F_OFFSET, ZS_F_AMOUNT, ZS_F_UNIT, ZS_F_POD, ZS_F_MOD,
    ZS_F_REF, ZS_F_DIR, ZS_F_ANCHOR, ZS_F_WEEK, ZS_F_QUARTER, ZS_F_HALF,
    ZS_F_DECADE, ZS_F_CENTURY, ZS_F_EASTER, ZS_F_SEASON, ZS_F_LEAN, ZS_F_NTH, ZS_F_TO_YEAR,
    ZS_F_AND_AMOUNT, ZS_F_AND_UNIT, ZS_F_KEEP, ZS_F_CLOCK, ZS_F_TURN, ZS_F_COUNT
} zs_field;

/* One "key=expr" of a value constructor. */
typedef struct zs_arg {
    zs_field field;
    int cap;            /* capture index, or -1 for a constant */
    const char *attr;   /* "x.weekday": attribute key, or NULL */
    int32_t num;        /* constant number (cap < 0) */
    int sign;           /* -1 for "-x" */
    bool has_default;   /* "x|0": the value when capture x gives none */
    int32_t def;
} zs_arg;

typedef struct zs_value {
    zs_ttype type;
    int cap;            /* capture giving the extent, or -1: the rule's extent */
    zs_arg *args;
    int nargs;
} zs_value;

/* An example of a rule: text, optional DCT, expected mentions. */
typedef struct zs_expect {
    uint32_t b0, b1;    /* byte extent in the example text */
    char value[48];
    zs_mod mod;
    int type;           /* zs_ttype, or -1 if not stated */
} zs_expect;

typedef struct zs_example {
    bool negative;      /* "no" line */
    char *text;
    char *dct;          /* NULL: the language's "now" */
    zs_expect *expects;
    int nexpects;
    const char *file;
    int line;
} zs_example;

/* An example of the participant lexicons: a text and the participants
 * its events have. */
typedef struct zs_pexample {
    bool negative;      /* "no": no event of the text has a participant */
    char *text;
    char **names;       /* "ex": every participant of the text's events,
                           sorted */
    int nnames;
    const char *file;
    int line;
} zs_pexample;

/* Tokens a rule can have at one position of its matches: words, numbers
 * in [lo, hi] (if num), or any token. */
typedef struct zs_tokset {
    const uint8_t *words;  /* bit per word rid */
    bool num, any;
    int32_t lo, hi;
    uint32_t *list, n, cap; /* word ids while loading */
} zs_tokset;

/* Positions after a match's first token the matcher looks at before
 * running a rule. */
#define ZS_NEXT_TOKENS 2

typedef struct zs_rule {
    uint32_t id;
    const char *name;
    const char *file;
    int line;
    int prio;
    int genre;          /* 0: any text, 1: news only, 2: narratives only */
    int order;          /* 0: any date order, else ZS_ORDER_MDY/DMY only */
    bool role;          /* its mentions mark a person's role ("Ex-",
                           "ehemalige"), not the time of an event */
    zs_inst *prog;
    int nprog;
    int ncaps;          /* named captures, slots 2*i, 2*i+1 */
    char **capnames;
    int ext_slot;       /* slot pair of [ ] extent, or -1 */
    int lead;           /* most tokens optional items can take before the
                           item the rule is indexed by */
    int min_lead;       /* fewest tokens the items before it take */
    /* the tokens a match can start at: words, numbers in a range, or any
     * word ("noun") */
    zs_tokset first;
    /* the tokens after a match's first: a match can only start where the
     * next two are in these sets (most tries at a common first word end
     * so) */
    zs_tokset next[ZS_NEXT_TOKENS];
    /* the token before the item the rule is indexed by, when that item is
     * never a match's first (else .any) */
    zs_tokset pred;
    /* the token after the first of that item in a match (else .any), and
     * the numbers that first token can be (at_lo > at_hi: none) */
    zs_tokset succ;
    int32_t at_lo, at_hi;
    /* need_bit of the words one of which every match holds (ZS_NEED_ANY:
     * none known): a sentence without any of them is not tried */
    uint64_t need;
    zs_value *values;
    int nvalues;
    zs_example *examples;
    int nexamples, examples_cap;
} zs_rule;

struct zs_lang {
    char *code;                 /* "de" */
    char *zone;                 /* default IANA zone */
    char *now;                  /* default DCT for examples */
    char *dir;
    int order;                  /* numeric date order (ZS_ORDER_MDY/DMY) */
    bool decade_units;          /* known decades and centuries as P2DE, P1CE,
                                   not P20Y, P100Y */
    bool nouns_untensed;        /* "nouns untensed": a noun event does not
                                   take its clause's tense as its relation
                                   to the publication time ("nouns tense",
                                   the default, does) */
    bool finite_second;         /* "finite second": a main clause's finite
                                   verb stands second, however far before
                                   a date in its middle field: a date no
                                   cue within reach gives a way takes the
                                   first one before it in its clause
                                   ("finite near", the default: none) */
    bool present_weekdays;      /* "present weekdays": a verb in the present
                                   tense is a cue ahead for a weekday ("Am
                                   Montag trifft sie Macron"; "present
                                   none", the default: no cue) */
    bool particles_join;        /* "particles join": a separable verb's
                                   particle also stands joined before its
                                   form ("wie die Polizei mitteilte") and
                                   before "zu" and the rest of its lemma
                                   ("teilzunehmen"); "particles apart", the
                                   default, has it only after the verb */
    bool dates_verb;            /* "dates verb": a date right before a verb
                                   is the verb's ("the company Monday
                                   announced"; "dates clause", the default,
                                   leaves it to the clause: "Am 7. Juli
                                   beginnt der Gipfel") */
    bool reports_speaker;       /* "reports speaker": a report verb's
                                   participants are its speaker, the names
                                   before it or the first right after it
                                   ("reports clause", the default: all of
                                   its part of the clause) */
    bool object_verbs;          /* some event_verb entry says object=: an
                                   event only with its object */
    bool objects_clause;        /* "objects clause": the object of a
                                   tlink_object verb is the noun event next
                                   to it in its clause, after it or, for a
                                   verb that ends its clause, before it,
                                   with words between ("führten am Montag
                                   in Wien Gespräche", "Gespräche mit Polen
                                   geführt"); "objects next", the default:
                                   the noun event within three words after
                                   it ("held talks") */
    bool ordinals_plain;        /* "ordinals plain": a period after a day
                                   number ends a sentence ("on Nov. 22. The
                                   split"); "ordinals dot", the default,
                                   reads it as an ordinal ("am 7. Juli") */
    /* words */
    zs_word **words;            /* by id */
    uint32_t nwords, words_cap;
    uint64_t *table;            /* open addressing: hash << 32 | (word id + 1),
                                   0 empty: every word but the late ones */
    uint32_t table_mask;
    uint64_t *late_table;       /* the same for the late words: those only
                                   one-token entries of the lexicons the
                                   events stage alone reads (event_verb,
                                   event_noun, event_not) hold, kept out of
                                   the tokenizer's way (zs_late_word),
                                   or NULL */
    uint32_t late_mask;
    /* lexicons */
    zs_lexicon *lexicons;
    uint32_t nlexicons, lexicons_cap;
    zs_entry **entries;
    uint32_t nentries, entries_cap;
    /* examples of the participant lexicons */
    zs_pexample *pexamples;
    uint32_t npexamples, pexamples_cap;
    /* rules */
    zs_rule *rules;
    uint32_t nrules, rules_cap;
    uint32_t *lit_pool;
    uint32_t nlit, lit_cap;
    uint32_t *num_rules;        /* rules that can start at a number */
    uint32_t nnum_rules, num_rules_cap;
    uint64_t num_rules_need;    /* as zs_word.rules_need */
    const struct zs_tokset *num_rules_pred, *num_rules_succ; /* as zs_word's */
    /* well-known lexicons (or UINT32_MAX if absent) */
    uint32_t lex_abbrev, lex_past_marker, lex_future, lex_subordinator, lex_clause_open, lex_event_noun, lex_event_verb,
             lex_modal_planned, lex_modal_possible, lex_aside, lex_signal_after,
             lex_signal_before, lex_stopword, lex_signal_during,
             lex_article_indef, lex_event_new, lex_title_place, lex_verb_aux,
             lex_verb_ending, lex_participant, lex_participant_title,
             lex_participant_link, lex_not_name, lex_event_suffix,
             lex_event_not, lex_class_context, lex_class_before, lex_pair_word, lex_tlink_pair,
             lex_signal_anchor, lex_tlink_object, lex_object_gap, lex_event_status, lex_status_date,
             lex_zone_abbr, lex_clause_join, lex_planned_event, lex_present_ending,
             lex_perfect_sein, lex_verb_last, lex_light_verb, lex_signal_previous, lex_suffix_lemma,
             lex_negation, lex_article;
    uint8_t *lex_common;        /* per lexicon: an entry starts with a stop
                                   word (set before rules are compiled) */
    uint8_t *lex_ruled;         /* per lexicon: a rule matches its entries */
    /* while rules are compiled: the entries of lexicon x in their order,
     * entries[lex_entries[lex_first[x]] .. lex_entries[lex_first[x + 1] - 1]] */
    uint32_t *lex_first, *lex_entries;
    /* the stop words alone, for --lang auto (zs_lang_detect): open
     * addressing as table (0 empty), and the longest one in bytes */
    uint64_t *stop_table;
    uint32_t stop_mask, stop_maxlen;
    const zs_word *byte_words[128]; /* the word of each one-byte ASCII
                                   form, or NULL (a lookup saved per
                                   punctuation mark) */
    uint8_t *tails;             /* bit per (lexicon, last three bytes) of the
                                   one-token entries of three bytes and
                                   (lexicon, last four) of the longer ones:
                                   zs_lex_tail_maybe */
    /* words of the outputs: "label KEY TEXT" lines */
    const char **label_keys, **label_texts;
    uint32_t nlabels, labels_cap;
    /* every allocation of the language, freed together: blocks that the
     * small ones are carved from, and the big ones */
    void **allocs;
    size_t nallocs, allocs_cap;
    char *arena;                /* the rest of the current block */
    size_t arena_left;
};

/* The symbols a symbolic field takes (index = enum value, [0] = "", NULL
 * terminated), or NULL for a numeric field. */
const char *const *zs_field_syms(zs_field f);
/* The enum value of symbol s for field f, or -1. */
int zs_field_sym(zs_field f, const char *s, size_t n);

/* The hash of folded forms: 8 bytes at a time (read as a little-endian
 * number, the last chunk padded with zero bytes), multiplied and xored in,
 * the high 32 bits of the result. The tokenizer hashes a form in one or
 * two steps (zs_word_hash_padded) instead of one per byte. */
#define ZS_WORD_HASH_MUL 0x9E3779B97F4A7C15ull

static inline uint64_t zs_word_hash_chunk(const char *s)
{
    uint64_t c;
    memcpy(&c, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    c = __builtin_bswap64(c);
#endif
    return c;
}

static inline uint32_t zs_word_hash(const char *s, size_t n)
{
    uint64_t h = n;
    size_t k = 0;
    for (; k + 8 <= n; k += 8) h = (h ^ zs_word_hash_chunk(s + k)) * ZS_WORD_HASH_MUL;
    if (k < n) {
        uint64_t c = 0;
        for (size_t m = 0; k + m < n; m++) c |= (uint64_t)(unsigned char)s[k + m] << (8 * m);
        h = (h ^ c) * ZS_WORD_HASH_MUL;
    }
    return (uint32_t)(h >> 32);
}

/* The same for a form followed by at least 7 more readable bytes (of any
 * value: they are masked off). */
static inline uint32_t zs_word_hash_padded(const char *s, size_t n)
{
    /* most forms: one chunk (1 to 8 bytes), masked to its n bytes */
    static const uint64_t first_bytes[8] = {
        0xFFull, 0xFFFFull, 0xFFFFFFull, 0xFFFFFFFFull, 0xFFFFFFFFFFull,
        0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull, ~0ull};
    if (n - 1 < 8)
        return (uint32_t)(((n ^ (zs_word_hash_chunk(s) & first_bytes[n - 1])) * ZS_WORD_HASH_MUL) >>
                          32);
    uint64_t h = n;
    size_t k = 0;
    for (; k + 8 <= n; k += 8) h = (h ^ zs_word_hash_chunk(s + k)) * ZS_WORD_HASH_MUL;
    if (k < n) h = (h ^ (zs_word_hash_chunk(s + k) & (~0ull >> (8 * (8 - (n - k)))))) * ZS_WORD_HASH_MUL;
    return (uint32_t)(h >> 32);
}

/* The word record of a folded form, or NULL (a late word too). */
const zs_word *zs_lang_word(const struct zs_lang *lang, const char *form, size_t len);

/* Whether form[0..len) is w's form (of length len), byte by byte, or, when
 * padded (form is followed by at least 7 more readable bytes, as in the
 * tokenizer's fold buffer), 8 bytes at a time: word forms are padded with
 * NULs to a multiple of 8 bytes, and the bytes after form are masked off,
 * whatever they hold. */
static inline bool zs_word_form_is(const zs_word *w, const char *form, size_t len, bool padded)
{
    size_t k = 0;
    if (!padded) {
        while (k < len && w->form[k] == form[k]) k++;
        return k == len;
    }
    uint64_t a, b;
    for (; k + 8 <= len; k += 8) {
        memcpy(&a, form + k, 8);
        memcpy(&b, w->form + k, 8);
        if (a != b) return false;
    }
    if (k == len) return true;
    memcpy(&a, form + k, 8);
    memcpy(&b, w->form + k, 8);
    unsigned drop = 8 * (unsigned)(8 - (len - k)); /* bits after the form */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return ((a ^ b) >> drop) == 0;
#else
    return ((a ^ b) << drop) == 0;
#endif
}

/* The word of form[0..len) (hash h) in an open-addressing table of words
 * (hash << 32 | word id + 1, 0 empty; mask = size - 1), or NULL: the
 * lookup of zs_lang_word, zs_lang_word_padded and zs_lang_late_word_padded
 * in zs_lang.table and late_table, and of language identification in
 * zs_lang.stop_table. */
static inline const zs_word *zs_word_table_probe(const struct zs_lang *L, const uint64_t *table,
                                                 uint32_t mask, const char *form, size_t len,
                                                 uint32_t h, bool padded)
{
    if (!table) return NULL;
    h |= 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint64_t v = table[i];
        if (!v) return NULL;
        if ((uint32_t)(v >> 32) != h) continue;
        const zs_word *w = L->words[(uint32_t)v - 1];
        if (w->len == len && zs_word_form_is(w, form, len, padded)) return w;
    }
}

/* The tokenizer's lookup (inline: it looks up every token) of a form of
 * hash h followed by at least 7 more readable bytes: its word unless that
 * is a late word (zs_lang.late_table), or NULL. */
static inline const zs_word *zs_lang_word_padded(const struct zs_lang *L, const char *form,
                                                 size_t len, uint32_t h)
{
    return zs_word_table_probe(L, L->table, L->table_mask, form, len, h, true);
}

/* The late word (zs_lang.late_table) of such a form, or NULL: what the
 * events stage and the tense cues look up for a token the tokenizer found
 * no word for (zs_late_word). */
static inline const zs_word *zs_lang_late_word_padded(const struct zs_lang *L, const char *form,
                                                      size_t len, uint32_t h)
{
    return zs_word_table_probe(L, L->late_table, L->late_mask, form, len, h, true);
}

/* The bit in zs_lang.tails of (lexicon, the last k bytes of a form of
 * len >= k bytes), k 3 or 4. */
#define ZS_TAIL_BITS 20
static inline uint32_t zs_tail_bit(uint32_t lex, const char *form, size_t len, size_t k)
{
    const unsigned char *t = (const unsigned char *)form + len - k;
    uint32_t v = (uint32_t)t[0] | (uint32_t)t[1] << 8 | (uint32_t)t[2] << 16 |
                 (k == 4 ? (uint32_t)t[3] << 24 ^ 0x5bd1e995u : 0);
    return ((v ^ lex * 0x9E3779B9u) * 0x85EBCA6Bu) >> (32 - ZS_TAIL_BITS);
}

/* True if word w starts an entry of lexicon lex of one token; *e gets it. */
bool zs_word_in(const zs_word *w, uint32_t lex, const zs_entry **e);

/* Whether w may start an entry of lexicon lex, one token or more (its
 * lex_one and lex_long bits): false means it starts none. */
static inline bool zs_word_starts(const zs_word *w, uint32_t lex)
{
    return ((w->lex_one | w->lex_long) >> (lex % 64)) & 1;
}

/* False if neither form (len >= 3) nor any of its endings of three bytes
 * or more is a one-token entry of lexicon lex: no entry of three bytes has
 * form's last three, none longer its last four. Lets the searches of a
 * word's endings ("Kremlchef", "Giftgaseinsatz") skip most words. True may
 * be a false alarm. */
static inline bool zs_lex_tail_maybe(const struct zs_lang *L, uint32_t lex, const char *form,
                                     size_t len)
{
    if (len < 3) return false;
    if (!L->tails) return true;
    uint32_t b3 = zs_tail_bit(lex, form, len, 3);
    if (L->tails[b3 / 8] >> (b3 % 8) & 1) return true;
    if (len < 4) return false;
    uint32_t b4 = zs_tail_bit(lex, form, len, 4);
    return L->tails[b4 / 8] >> (b4 % 8) & 1;
}

/* The text of output label key ("source", "pod.EV"), or NULL if the
 * language has no such label line. */
const char *zs_lang_label(const struct zs_lang *lang, const char *key);

/* The attribute key of entry e (NULL: the bare value), or NULL. */
const zs_attr *zs_entry_attr(const zs_entry *e, const char *key);

/* Whether entry e (may be NULL) has attribute key (NULL: the bare value)
 * with the text sym: zs_entry_attr_is(en, "form", "participle"). */
bool zs_entry_attr_is(const zs_entry *e, const char *key, const char *sym);

/* Whether entry e (may be NULL) has the bare value sym ("bound" of
 * "bis = bound"). */
static inline bool zs_entry_value_is(const zs_entry *e, const char *sym)
{
    return zs_entry_attr_is(e, NULL, sym);
}

#endif
