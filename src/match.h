/* The match stage: compiled rules run over tokens. Each token's lexicon
 * record (found once, when tokenizing) names the rules that can start there;
 * only those are tried. */
#ifndef ZS_MATCH_H
#define ZS_MATCH_H

#include "doc.h"
#include "template.h"

/* What a capture matched: its token range and the value of the atom that
 * starts it (a number, or a lexicon entry). */
typedef struct zs_capval {
    int32_t t0, t1;         /* -1 if the capture did not take part */
    int32_t num;            /* number token value, or ZS_UNSET */
    const zs_entry *entry;  /* lexicon entry, or NULL */
} zs_capval;

typedef struct zs_match {
    const zs_rule *rule;
    uint32_t t0, t1;        /* tokens of the whole match */
    uint32_t x0, x1;        /* tokens of the mention ([ ] or the whole) */
    size_t caps;            /* index of rule->ncaps capvals in the pool */
} zs_match;

typedef struct zs_matches {
    zs_match *m;
    size_t n, cap;
    zs_capval *pool;
    size_t npool, poolcap;
    /* scratch space reused from call to call (one doc at a time) */
    struct run *run;
    uint32_t *next_start;   /* per rule: first start not yet tried */
    uint8_t *taken;
    size_t taken_cap;
    uint32_t *at;           /* the tokens of a sentence rules are indexed by */
    size_t at_cap;
} zs_matches;

/* Finds the best non-overlapping matches in tokens [t0, t1) of doc, in text
 * order: longer matches win, then higher prio, then the earlier rule.
 * Appends to out (reset it first to reuse). Successive calls with one out
 * must cover ranges of one doc in text order (its scratch space assumes it). */
void zs_match_tokens(const zs_lang *lang, const zs_doc *doc, uint32_t t0,
                     uint32_t t1, zs_matches *out);

void zs_matches_reset(zs_matches *ms);
void zs_matches_free(zs_matches *ms);

#endif
