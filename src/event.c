/* The events stage: triggers from the language's event_noun and event_verb
 * lexicons (nouns also as the head of a compound: "Hackerangriffen",
 * "G20-Gipfel"; separable verbs with their particle: "teilte ... mit"),
 * their modality, and the timex each is anchored to. */
#include "event.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "template.h"

/* Shortest compound modifier before a head ("Giftgas|einsatz"). */
#define MIN_MODIFIER 3
/* Tokens allowed between a noun and its postnominal timex
 * ("Telefonat der beiden am Dienstagabend"). */
#define MAX_POSTNOMINAL_GAP 4

static bool is_punct(const zs_doc *d, uint32_t i, const char *set)
{
    const zs_token *t = &d->toks[i];
    return t->kind == ZS_TOK_PUNCT && t->b1 - t->b0 == 1 && strchr(set, d->text[t->b0]);
}

/* Clause bounds around token i: the sentence cut at , ; : ( ) and dashes. */
static void clause_of(const zs_doc *d, uint32_t i, uint32_t *c0, uint32_t *c1)
{
    const zs_sentence *s = &d->sents[d->toks[i].sent];
    uint32_t a = i, b = i + 1;
    while (a > s->t0 && i - a < ZS_CLAUSE_WINDOW && !is_punct(d, a - 1, ",;:()")) a--;
    while (b < s->t1 && b - i < ZS_CLAUSE_WINDOW && !is_punct(d, b, ",;:()")) b++;
    *c0 = a;
    *c1 = b;
}

/* Which timex starts at, and which covers, each token: built once per doc
 * so that trigger finding and anchoring stay linear in the text. */
typedef struct tok_index {
    int32_t *start; /* timex starting at the token (not the dateline), or -1 */
    int32_t *cover; /* timex covering the token, or -1 */
} tok_index;

static void index_timexes(const zs_doc *d, tok_index *ix)
{
    ix->start = zs_xmalloc((d->ntoks + 1) * sizeof *ix->start);
    ix->cover = zs_xmalloc((d->ntoks + 1) * sizeof *ix->cover);
    for (size_t i = 0; i <= d->ntoks; i++) ix->start[i] = ix->cover[i] = -1;
    for (size_t k = 0; k < d->ntimexes; k++) {
        const zs_timex *x = &d->timexes[k];
        if (!x->is_dct) ix->start[x->t0] = (int32_t)k;
        for (uint32_t i = x->t0; i < x->t1; i++) ix->cover[i] = (int32_t)k;
    }
}

/* The event_noun entry that is the head of folded word w (the word itself or
 * its longest-known ending), with *mod_len the bytes before the head. */
static const zs_entry *noun_head(const zs_lang *L, const char *w, size_t n, size_t *mod_len)
{
    const zs_word *word = zs_lang_word(L, w, n);
    const zs_entry *e;
    if (word && zs_word_in(word, L->lex_event_noun, &e)) {
        *mod_len = 0;
        return e;
    }
    for (size_t k = MIN_MODIFIER; k + 3 <= n; k++) {
        if (((unsigned char)w[k] & 0xC0) == 0x80) continue; /* inside a character */
        word = zs_lang_word(L, w + k, n - k);
        if (word && zs_word_in(word, L->lex_event_noun, &e)) {
            *mod_len = k;
            return e;
        }
    }
    return NULL;
}

static zs_eclass class_of(const zs_entry *e)
{
    static const char *names[] = {"OCCURRENCE", "REPORTING", "STATE", "I_ACTION",
                                  "I_STATE", "ASPECTUAL", "PERCEPTION"};
    const zs_attr *a = zs_entry_attr(e, "class");
    if (!a) a = zs_entry_attr(e, NULL);
    for (int i = 0; a && i < 7; i++)
        if (strcmp(a->sym, names[i]) == 0) return (zs_eclass)i;
    return ZS_EC_OCCURRENCE;
}

static bool has_word_in(const zs_doc *d, uint32_t a, uint32_t b, uint32_t lex)
{
    if (lex == UINT32_MAX) return false;
    for (uint32_t i = a; i < b; i++)
        if (d->toks[i].word && zs_word_in(d->toks[i].word, lex, NULL)) return true;
    return false;
}

static zs_event *new_event(zs_doc *d, uint32_t t0, uint32_t t1, const char *lemma,
                           zs_eclass cls, bool noun)
{
    ZS_GROW(d->events, d->events_cap, d->nevents + 1);
    zs_event *e = &d->events[d->nevents++];
    memset(e, 0, sizeof *e);
    e->t0 = t0;
    e->t1 = t1;
    e->b0 = d->toks[t0].b0;
    e->b1 = d->toks[t1 - 1].b1;
    e->c0 = d->toks[t0].c0;
    e->c1 = d->toks[t1 - 1].c1;
    e->sent = d->toks[t0].sent;
    e->lemma = zs_xstrdup(lemma);
    e->cls = cls;
    e->noun = noun;
    e->time = -1;
    return e;
}

/* Appends lemma with its first letter in upper case ("übergabe" ->
 * "Übergabe"). */
static void put_capitalized(zs_buf *b, const char *lemma)
{
    int32_t i = 0, n = (int32_t)strlen(lemma);
    UChar32 c;
    U8_NEXT((const uint8_t *)lemma, i, n, c);
    uint8_t up[4];
    int32_t k = 0;
    UBool err = c < 0;
    if (!err) U8_APPEND(up, k, 4, u_toupper(c), err);
    if (err) {
        zs_buf_puts(b, lemma);
        return;
    }
    zs_buf_put(b, up, (size_t)k);
    zs_buf_puts(b, lemma + i);
}

/* Title of a noun event: its surface modifiers plus the head's lemma
 * ("G20-Gipfels" -> "G20-Gipfel", "Hackerangriffen" -> "Hackerangriff"). */
static char *noun_title(const zs_doc *d, uint32_t t0, uint32_t head, size_t mod_bytes,
                        const zs_entry *e)
{
    zs_buf b = {0};
    zs_buf_put(&b, d->text + d->toks[t0].b0, d->toks[head].b0 + mod_bytes - d->toks[t0].b0);
    if (mod_bytes) zs_buf_puts(&b, e->lemma); /* inside a compound word */
    else put_capitalized(&b, e->lemma);
    return b.data;
}

/* Extends a noun trigger left over hyphen-joined parts ("G20-" "Gipfel"). */
static uint32_t hyphen_start(const zs_doc *d, uint32_t i, uint32_t s0)
{
    while (i >= s0 + 2 && is_punct(d, i - 1, "-") && !(d->toks[i - 1].flags & ZS_TF_SPACE) &&
           !(d->toks[i].flags & ZS_TF_SPACE) && d->toks[i - 2].kind != ZS_TOK_PUNCT)
        i -= 2;
    return i;
}

/* Title of a verb event: its "title" attribute, else its lemma with the
 * first letter in upper case ("getroffen" -> "Treffen"). */
static char *verb_title(const zs_entry *e, const char *lemma)
{
    const zs_attr *t = zs_entry_attr(e, "title");
    if (t) return zs_xstrdup(t->sym);
    zs_buf b = {0};
    put_capitalized(&b, lemma);
    return b.data;
}

static void find_triggers(zs_doc *d, const tok_index *ix, const zs_sentence *s)
{
    const zs_lang *L = d->lang;
    for (uint32_t i = s->t0; i < s->t1; i++) {
        const zs_token *t = &d->toks[i];
        if (t->kind != ZS_TOK_WORD || ix->cover[i] >= 0) continue;
        const zs_entry *e;
        if (L->lex_event_verb != UINT32_MAX && t->word &&
            zs_word_in(t->word, L->lex_event_verb, &e) && !(t->flags & ZS_TF_UPPER && !(t->flags & ZS_TF_SSTART))) {
            const zs_attr *part = zs_entry_attr(e, "particle");
            if (part) { /* separable: the particle must close the clause */
                uint32_t c0, c1;
                clause_of(d, i, &c0, &c1);
                bool found = false;
                for (uint32_t k = i + 1; k < c1 && !found; k++)
                    found = d->toks[k].fold_len == strlen(part->sym) &&
                            memcmp(zs_tok_fold(d, k), part->sym, strlen(part->sym)) == 0 &&
                            (k + 1 == c1 || d->toks[k + 1].kind == ZS_TOK_PUNCT);
                if (!found) continue;
            }
            const zs_attr *lem = zs_entry_attr(e, "lemma");
            zs_event *ev = new_event(d, i, i + 1, lem ? lem->sym : e->lemma, class_of(e), false);
            ev->title = verb_title(e, ev->lemma);
            continue;
        }
        if (L->lex_event_noun == UINT32_MAX || !(t->flags & ZS_TF_UPPER)) continue;
        size_t mod_bytes;
        e = noun_head(L, zs_tok_fold(d, i), t->fold_len, &mod_bytes);
        if (!e) continue;
        uint32_t t0 = hyphen_start(d, i, s->t0);
        /* the folded and the surface modifier differ only in case here */
        zs_event *ev = new_event(d, t0, i + 1, e->lemma, class_of(e), true);
        ev->title = noun_title(d, t0, i, mod_bytes, e);
    }
}

static void set_modality(zs_doc *d, zs_event *e)
{
    const zs_lang *L = d->lang;
    const zs_sentence *s = &d->sents[e->sent];
    /* the sentence, as far as a clause window reaches */
    uint32_t s0 = e->t0 - s->t0 > ZS_CLAUSE_WINDOW ? e->t0 - ZS_CLAUSE_WINDOW : s->t0;
    uint32_t s1 = s->t1 - e->t1 > ZS_CLAUSE_WINDOW ? e->t1 + ZS_CLAUSE_WINDOW : s->t1;
    uint32_t a = e->noun ? (e->t0 >= s->t0 + 3 ? e->t0 - 3 : s->t0) : s0;
    uint32_t b = e->noun ? e->t0 : s1;
    if (has_word_in(d, a, b, L->lex_modal_possible)) e->modality = ZS_MODAL_POSSIBLE;
    else if (has_word_in(d, s0, s1, L->lex_modal_planned)) e->modality = ZS_MODAL_PLANNED;
}

/* A noun's own timex: one that follows it closely in its clause
 * ("Gipfels am 7. und 8. Juli", "Amtsantritt im Januar"). */
static int postnominal_timex(const zs_doc *d, const tok_index *ix, const zs_event *e)
{
    uint32_t c0, c1;
    clause_of(d, e->t0, &c0, &c1);
    for (uint32_t i = e->t1; i < c1 && i <= e->t1 + MAX_POSTNOMINAL_GAP; i++)
        if (ix->start[i] >= 0) return ix->start[i];
    return -1;
}

/* The unclaimed timex of the event's clause nearest to it. */
static int clause_timex(const zs_doc *d, const tok_index *ix, const zs_event *e)
{
    uint32_t c0, c1;
    clause_of(d, e->t0, &c0, &c1);
    int best = -1;
    uint32_t best_dist = UINT32_MAX;
    for (uint32_t i = c0; i < c1; i++) {
        if (ix->start[i] < 0) continue;
        size_t k = (size_t)ix->start[i];
        const zs_timex *x = &d->timexes[k];
        if (x->claimed || x->t1 > c1) continue;
        if (x->group >= 0 && (size_t)x->group != k) continue;
        uint32_t dist = x->t0 >= e->t1 ? x->t0 - e->t1 : e->t0 - x->t1;
        if (dist < best_dist) {
            best_dist = dist;
            best = (int)k;
        }
    }
    return best;
}

/* Gives e the interval of timex k (and of the rest of its group). */
static void anchor(zs_doc *d, zs_event *e, int k)
{
    const zs_timex *x = &d->timexes[k];
    if (x->group >= 0) x = &d->timexes[x->group];
    e->time = (int)(x - d->timexes);
    if (!x->rv.has_interval || x->tv.ref != ZS_REF_NONE || x->rv.type == ZS_DURATION ||
        x->rv.type == ZS_SET)
        return;
    e->has_interval = true;
    e->begin = x->rv.begin;
    e->until = x->rv.until;
    e->gran = x->rv.gran;
    e->mod = x->rv.mod;
    if (x->group < 0) return;
    for (size_t j = (size_t)x->group; j < d->ntimexes && d->timexes[j].group == x->group; j++) {
        const zs_timex *y = &d->timexes[j];
        if (!y->rv.has_interval) continue;
        if (y->rv.begin < e->begin) e->begin = y->rv.begin;
        if (y->rv.until > e->until) e->until = y->rv.until;
    }
}

static void add_tlink(zs_doc *d, const char *from, const char *to, zs_relkind rel,
                      const char *source)
{
    ZS_GROW(d->tlinks, d->tlinks_cap, d->ntlinks + 1);
    zs_tlink *l = &d->tlinks[d->ntlinks++];
    snprintf(l->from, sizeof l->from, "%s", from);
    snprintf(l->to, sizeof l->to, "%s", to);
    l->rel = rel;
    snprintf(l->source, sizeof l->source, "%s", source);
}

/* The signal entry of lexicon lex that ends right at token end (exclusive),
 * at most MAX_SIGNAL_GAP tokens before it, or NULL; *at gets its start. */
#define MAX_SIGNAL_GAP 3
static const zs_entry *signal_before_token(const zs_doc *d, uint32_t lex, uint32_t lo,
                                           uint32_t end, uint32_t *at)
{
    if (lex == UINT32_MAX) return NULL;
    for (uint32_t i = end; i > lo && end - i < MAX_SIGNAL_GAP + 3; i--) {
        const zs_word *w = d->toks[i - 1].word;
        if (!w) continue;
        for (uint32_t k = 0; k < w->nstarts; k++) {
            const zs_entry *e = w->starts[k];
            if (e->lex != lex || i - 1 + e->ntok > end) continue;
            bool ok = true;
            for (uint32_t j = 1; j < e->ntok && ok; j++) {
                const zs_word *wj = d->toks[i - 1 + j].word;
                ok = wj && wj->id == e->words[j];
            }
            if (ok && end - (i - 1 + e->ntok) <= MAX_SIGNAL_GAP) {
                *at = i - 1;
                return e;
            }
        }
    }
    return NULL;
}

/* "Das teilte der Kreml nach einem Telefonat ... mit": a signal word before
 * a noun event orders the event it depends on, the nearest one before the
 * signal in the clause (else the nearest after the noun), after or before
 * it. An undated event so related takes the other's interval, ranked
 * after or before it. */
static void relate_by_signals(zs_doc *d)
{
    const zs_lang *L = d->lang;
    for (size_t k = 0; k < d->nevents; k++) {
        zs_event *e2 = &d->events[k];
        if (!e2->noun) continue;
        uint32_t c0, c1, at = 0;
        clause_of(d, e2->t0, &c0, &c1);
        const zs_entry *sig = signal_before_token(d, L->lex_signal_after, c0, e2->t0, &at);
        bool after = sig != NULL;
        if (!sig) sig = signal_before_token(d, L->lex_signal_before, c0, e2->t0, &at);
        if (!sig) continue;
        zs_event *e1 = NULL;
        for (size_t j = k; j-- > 0 && !e1;)
            if (d->events[j].t1 <= at && d->events[j].t0 >= c0) e1 = &d->events[j];
        for (size_t j = k + 1; j < d->nevents && !e1; j++)
            if (d->events[j].t0 < c1) e1 = &d->events[j];
        if (!e1) continue;
        char source[32];
        snprintf(source, sizeof source, "signal:%s", sig->lemma);
        add_tlink(d, e1->id, e2->id, after ? ZS_REL_AFTER : ZS_REL_BEFORE, source);
        if (!e1->has_interval && e2->has_interval) {
            e1->has_interval = true;
            e1->begin = e2->begin;
            e1->until = e2->until;
            e1->gran = e2->gran;
            e1->mod = e2->mod;
            e1->rank = e2->rank + (after ? 1 : -1);
        }
    }
}

void zs_find_events(zs_doc *d)
{
    tok_index ix;
    index_timexes(d, &ix);
    for (size_t s = 0; s < d->nsents; s++) find_triggers(d, &ix, &d->sents[s]);
    for (size_t i = 0; i < d->nevents; i++) {
        zs_event *e = &d->events[i];
        snprintf(e->id, sizeof e->id, "e%zu", i + 1);
        set_modality(d, e);
        if (!e->noun) continue;
        int k = postnominal_timex(d, &ix, e);
        if (k < 0) continue;
        d->timexes[k].claimed = true;
        anchor(d, e, k);
    }
    for (size_t i = 0; i < d->nevents; i++) {
        zs_event *e = &d->events[i];
        if (e->time >= 0) continue;
        int k = clause_timex(d, &ix, e);
        if (k >= 0) anchor(d, e, k);
    }
    for (size_t i = 0; i < d->nevents; i++) {
        const zs_event *e = &d->events[i];
        if (e->time < 0) continue;
        const zs_timex *x = &d->timexes[e->time];
        zs_relkind rel = x->tv.ref == ZS_REF_PRESENT ? ZS_REL_OVERLAP : ZS_REL_IS_INCLUDED;
        add_tlink(d, e->id, x->id, rel, "anchor");
    }
    relate_by_signals(d);
    free(ix.start);
    free(ix.cover);
}
