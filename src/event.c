/* The events stage: triggers from the language's event_noun and event_verb
 * lexicons (nouns also as the head of a compound: "Hackerangriffen",
 * "G20-Gipfel"; separable verbs with their particle: "teilte ... mit"),
 * their modality, and the timex each is anchored to. */
#include "event.h"

#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "closure.h"
#include "resolve.h"
#include "template.h"
#include "text.h"

/* Shortest compound modifier before a head ("Giftgas|einsatz"). */
#define MIN_MODIFIER 3
/* Shortest stem before a word ending of event_suffix ("rep|ealed"). */
#define MIN_STEM 3
/* Tokens allowed between a noun and its postnominal timex
 * ("Telefonat der beiden am Dienstagabend"). */
#define MAX_POSTNOMINAL_GAP 4

/* The word of the ending f[0..n) of a token's folded form, looked up as
 * the tokenizer looks tokens up: the endings of verb_ending, event_suffix
 * and participant_title are never late words (zs_late_word), and the fold
 * buffer has readable bytes after every form (zs_lang_word_padded). */
static const zs_word *ending_word(const zs_lang *L, const char *f, size_t n)
{
    return zs_lang_word_padded(L, f, n, zs_word_hash_padded(f, n));
}

/* Whether the folded form of token i is the word w. */
static bool tok_is(const zs_doc *d, uint32_t i, const char *w)
{
    size_t n = strlen(w);
    return d->toks[i].fold_len == n && memcmp(zs_tok_fold(d, i), w, n) == 0;
}

/* Whether w is a word of tense_future that is a cue of its own: not a
 * bound ("until", "bis"), which looks ahead only for a date with no other
 * cue (resolve.c) and tells nothing of an event's tense. */
static bool future_word(const zs_lang *L, const zs_word *w)
{
    const zs_entry *en;
    return w && zs_word_in(w, L->lex_future, &en) && !zs_entry_value_is(en, "bound");
}

static bool is_clause_cut(const zs_doc *d, uint32_t i)
{
    const zs_token *t = &d->toks[i];
    if (t->kind != ZS_TOK_PUNCT || t->b1 - t->b0 != 1) return false;
    char c = d->text[t->b0];
    return c == ',' || c == ';' || c == ':' || c == '(' || c == ')';
}

/* Clause bounds around token i: the sentence cut at , ; : ( ) and dashes,
 * at most ZS_CLAUSE_WINDOW tokens either side. While zs_find_events runs
 * they are kept in d->clauses once found: its first (ntoks + 31) / 32
 * words are a bit per token (bounds known), then come two words per token
 * (start, end). */
static void clause_of(const zs_doc *d, uint32_t i, uint32_t *c0, uint32_t *c1)
{
    uint32_t *known = d->clauses, *bounds = NULL;
    if (known) {
        bounds = known + (d->ntoks + 31) / 32 + 2 * (size_t)i;
        if (known[i / 32] >> (i % 32) & 1) {
            *c0 = bounds[0];
            *c1 = bounds[1];
            return;
        }
    }
    const zs_sentence *s = &d->sents[d->toks[i].sent];
    uint32_t a = i, b = i + 1;
    while (a > s->t0 && i - a < ZS_CLAUSE_WINDOW && !is_clause_cut(d, a - 1)) a--;
    while (b < s->t1 && b - i < ZS_CLAUSE_WINDOW && !is_clause_cut(d, b)) b++;
    *c0 = a;
    *c1 = b;
    if (bounds) {
        known[i / 32] |= (uint32_t)1 << (i % 32);
        bounds[0] = a;
        bounds[1] = b;
    }
}

/* Which timex starts at, and which covers, each token: built once per doc
 * so that trigger finding and anchoring stay linear in the text. */
typedef struct tok_index {
    int32_t *start; /* timex starting at the token (not the dateline), or -1 */
    int32_t *cover; /* timex covering the token, or -1 */
    /* the modal_planned entry (phrase or word) at the token, or NULL, once
       modal_known says it has been looked up (planned_by) */
    const zs_entry **modal;
    bool *modal_known;
    /* per token: 0 not looked up, 1 no modal of hearsay, 2 one
       (zs_hearsay_modal, hearsay_in) */
    uint8_t *hearsay;
} tok_index;

static void index_timexes(const zs_doc *d, tok_index *ix)
{
    ix->start = zs_xmalloc((d->ntoks + 1) * sizeof *ix->start);
    ix->cover = zs_xmalloc((d->ntoks + 1) * sizeof *ix->cover);
    for (size_t i = 0; i <= d->ntoks; i++) ix->start[i] = ix->cover[i] = -1;
    ix->modal = zs_xcalloc(d->ntoks + 1, sizeof *ix->modal);
    ix->modal_known = zs_xcalloc(d->ntoks + 1, sizeof *ix->modal_known);
    ix->hearsay = zs_xcalloc(d->ntoks + 1, sizeof *ix->hearsay);
    for (size_t k = 0; k < d->ntimexes; k++) {
        const zs_timex *x = &d->timexes[k];
        if (!x->is_dct) ix->start[x->t0] = (int32_t)k;
        for (uint32_t i = x->t0; i < x->t1; i++) ix->cover[i] = (int32_t)k;
    }
}

/* The event_noun entry that is the head of folded word w (the word itself,
 * whose lexicon word is word, or its longest-known ending), with *mod_len
 * the bytes before the head; none where the word or a longer ending is an
 * event_not word, a head of its own ("Auswahl"; "Verbraucherpreise":
 * "preise", not "reise"). */
static const zs_entry *noun_head(const zs_lang *L, const zs_word *word, const char *w, size_t n,
                                 size_t *mod_len)
{
    const zs_entry *e;
    if (word && zs_word_in(word, L->lex_event_noun, &e)) {
        *mod_len = 0;
        return e;
    }
    if (word && zs_word_in(word, L->lex_event_not, NULL)) return NULL; /* "Auswahl" */
    if (!zs_lex_tail_maybe(L, L->lex_event_noun, w, n)) return NULL;
    for (size_t k = MIN_MODIFIER; k + 3 <= n; k++) {
        if (((unsigned char)w[k] & 0xC0) == 0x80) continue; /* inside a character */
        word = zs_lang_word(L, w + k, n - k);
        if (word && zs_word_in(word, L->lex_event_not, NULL)) return NULL;
        if (word && zs_word_in(word, L->lex_event_noun, &e)) {
            *mod_len = k;
            return e;
        }
    }
    return NULL;
}

/* The class named name, else def. */
static zs_eclass class_named(const char *name, zs_eclass def)
{
    static const char *names[] = {"OCCURRENCE", "REPORTING", "STATE", "I_ACTION",
                                  "I_STATE", "ASPECTUAL", "PERCEPTION"};
    for (int i = 0; i < 7; i++)
        if (strcmp(name, names[i]) == 0) return (zs_eclass)i;
    return def;
}

static zs_eclass class_of(const zs_entry *e)
{
    const zs_attr *a = zs_entry_attr(e, "class");
    if (!a) a = zs_entry_attr(e, NULL);
    return a ? class_named(a->sym, ZS_EC_OCCURRENCE) : ZS_EC_OCCURRENCE;
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
    e->coref = -1;
    e->status_by = -1;
    e->key = e->lemma;
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
    while (i >= s0 + 2 && zs_tok_punct(d, i - 1, "-") && !(d->toks[i - 1].flags & ZS_TF_SPACE) &&
           !(d->toks[i].flags & ZS_TF_SPACE) && d->toks[i - 2].kind != ZS_TOK_PUNCT)
        i -= 2;
    return i;
}

/* Title of a verb event: its "title" attribute ("getroffen" -> "Treffen",
 * "met" -> "Meeting"), else its lemma with the first letter in upper case
 * ("travel" -> "Travel"). */
static char *verb_title(const zs_entry *e, const char *lemma)
{
    const zs_attr *t = zs_entry_attr(e, "title");
    if (t) return zs_xstrdup(t->sym);
    zs_buf b = {0};
    put_capitalized(&b, lemma);
    return b.data;
}

/* The key mentions of one event share: the entry's "same" attribute
 * ("begegnung" same=treffen), else, for a trigger entry (own), the
 * entry's first form, not its lemma= ("said" and "says" are two events
 * more often than one: with lemmas as keys, AQUAINT coref precision
 * 27.68 -> 21.36), else the lemma; "light" marks a light verb. */
static void set_key(zs_event *ev, const zs_entry *e, bool own)
{
    const zs_attr *same = zs_entry_attr(e, "same");
    if (same) ev->key = same->sym;
    else if (own) ev->key = e->lemma;
    ev->light = zs_entry_attr(e, "light") != NULL;
}

/* Whether entry e says only=whole: the whole word, never an ending. */
static bool whole_only(const zs_entry *e)
{
    return zs_entry_attr_is(e, "only", "whole");
}

/* The entry of lexicon lex that is the longest ending of the folded form
 * f[0, n), of three bytes or more, starting at byte from or later (at a
 * character), its start in *at if not NULL; or NULL. An entry that says
 * only=whole is the whole form only ("meister", not "bürgermeister"). */
static const zs_entry *ending_entry(const zs_lang *L, uint32_t lex, const char *f, size_t n,
                                   size_t from, size_t *at)
{
    if (!zs_lex_tail_maybe(L, lex, f, n)) return NULL;
    for (size_t k = from; k + 3 <= n; k++) {
        if (((unsigned char)f[k] & 0xC0) == 0x80) continue; /* inside a character */
        const zs_word *w = ending_word(L, f + k, n - k);
        const zs_entry *e;
        if (w && zs_word_in(w, lex, &e) && !(k && whole_only(e))) {
            if (at) *at = k;
            return e;
        }
    }
    return NULL;
}

/* The event_suffix entry of the longest ending of token i's word ("-ened",
 * "-ement") when the word is neither an event_verb nor an event_not entry
 * (a word the lexicon's data has not seen as an event), or NULL; its stem's
 * length in bytes in *stem, if not NULL. The stem before the ending keeps
 * at least three bytes; the word is of lowercase letters (a-z, or any
 * letter beyond ASCII: "prämiert"). */
static const zs_entry *suffix_entry(const zs_doc *d, uint32_t i, size_t *stem)
{
    const zs_lang *L = d->lang;
    const zs_token *t = &d->toks[i];
    if (L->lex_event_suffix == UINT32_MAX || t->kind != ZS_TOK_WORD) return NULL;
    if (t->word && (zs_word_in(t->word, L->lex_event_not, NULL) ||
                    zs_word_in(t->word, L->lex_event_verb, NULL)))
        return NULL;
    const char *w = zs_tok_fold(d, i);
    size_t n = t->fold_len;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)w[k];
        if (c < 0x80 && (c < 'a' || c > 'z')) return NULL; /* the data's endings are of letters */
    }
    return ending_entry(L, L->lex_event_suffix, w, n, MIN_STEM, stem);
}

/* The lemma of the folded form f[0, n) that event_suffix entry sx found,
 * its ending at byte stem, into *out: with lemma=, the stem and that ending
 * ("prämierte" -> "prämieren"); else with its longest ending of
 * suffix_lemma replaced by that entry's value ("filibustered" ->
 * "filibuster"); else the form. */
static void suffix_lemma(const zs_lang *L, const zs_entry *sx, const char *f, size_t n, size_t stem,
                         zs_buf *out)
{
    const zs_attr *to = zs_entry_attr(sx, "lemma");
    size_t at = 0;
    const zs_entry *le = !to && L->lex_suffix_lemma != UINT32_MAX
                             ? ending_entry(L, L->lex_suffix_lemma, f, n, 1, &at)
                             : NULL;
    if (!to && le) to = zs_entry_attr(le, NULL), stem = at;
    zs_buf_put(out, f, to && to->sym ? stem : n);
    if (to && to->sym) zs_buf_puts(out, to->sym);
}

/* Whether entry e (of event_suffix or signal_previous) counts at token i
 * of sentence s: not right after a word of the lexicon its not_after=
 * names ("die renovierte Kirche": an adjective after an article; "wie nie
 * zuvor"; the attribute's number is that lexicon's id, set when the
 * templates are loaded). */
static bool not_after_ok(const zs_doc *d, const zs_entry *e, uint32_t i, const zs_sentence *s)
{
    const zs_attr *na = zs_entry_attr(e, "not_after");
    if (!na || i == s->t0) return true;
    const zs_word *w = d->toks[i - 1].word;
    return !w || !zs_word_in(w, (uint32_t)na->num, NULL);
}

/* Whether entry e (of signal_previous) counts at token i of sentence s:
 * not right before a word of the lexicon its not_before= names, a comma
 * between them or not ("fragten danach, ob": what follows is the object,
 * not a time). */
static bool not_before_ok(const zs_doc *d, const zs_entry *e, uint32_t i, const zs_sentence *s)
{
    const zs_attr *nb = zs_entry_attr(e, "not_before");
    if (!nb) return true;
    uint32_t j = i + 1;
    if (j < s->t1 && zs_tok_comma(d, j)) j++;
    const zs_word *w = j < s->t1 ? d->toks[j].word : NULL;
    return !w || !zs_word_in(w, (uint32_t)nb->num, NULL);
}

/* The lexicon word of token i's whole folded form: the tokenizer's lookup,
 * unless the form was too long for fold_len. */
static const zs_word *tok_word(const zs_doc *d, uint32_t i)
{
    const zs_token *t = &d->toks[i];
    return t->fold_len < UINT16_MAX ? t->word : zs_lang_word(d->lang, zs_tok_fold(d, i), t->fold_len);
}

/* The class_before entry of the word right before token i in its sentence
 * s ("the": det), or of a hyphen that joins token i to the word before or
 * after it ("high-yield", "write-offs"), or NULL. */
static const zs_entry *before_entry(const zs_doc *d, uint32_t i, const zs_sentence *s)
{
    const zs_lang *L = d->lang;
    const zs_entry *en;
    if (L->lex_class_before == UINT32_MAX) return NULL;
    const zs_token *t = &d->toks[i];
    if (i + 2 < s->t1 && !(d->toks[i + 1].flags & ZS_TF_SPACE) &&
        !(d->toks[i + 2].flags & ZS_TF_SPACE) && d->toks[i + 2].kind == ZS_TOK_WORD &&
        zs_tok_punct(d, i + 1, "-") && d->toks[i + 1].word &&
        zs_word_in(d->toks[i + 1].word, L->lex_class_before, &en) && en->nattrs)
        return en; /* "write-offs" */
    if (i == s->t0) return NULL;
    const zs_token *p = &d->toks[i - 1];
    if (!p->word || !zs_word_in(p->word, L->lex_class_before, &en) || !en->nattrs) return NULL;
    if (p->kind == ZS_TOK_PUNCT) /* a hyphen joining words: "high-yield" */
        return i >= s->t0 + 2 && !(t->flags & ZS_TF_SPACE) && !(p->flags & ZS_TF_SPACE) &&
                       d->toks[i - 2].kind == ZS_TOK_WORD
                   ? en
                   : NULL;
    return en;
}

/* Whether the verb trigger at token i (of lemma lemma) is a gerund right
 * after a class_before word of context "det", an article or a possessive:
 * then a noun ("the bombing", "his killing"; TimeBank's gold has 32 of
 * 37 such events as nouns). */
static bool det_gerund(const zs_doc *d, uint32_t i, const zs_sentence *s, const char *lemma)
{
    const zs_entry *ctx = before_entry(d, i, s);
    if (!ctx || !ctx->attrs[0].sym || strcmp(ctx->attrs[0].sym, "det") != 0) return false;
    const char *form = zs_verb_form(d, i, lemma);
    return form && strcmp(form, "gerund") == 0;
}

/* Whether word (folded) stands in the clause of token i from token from
 * up to lim (at most to the clause's end), where closing says so as its
 * last word, right before punctuation or before a word of clause_join
 * ("nahm ... teil und kehrte ... zurück"): the particle of a separable verb
 * ("teilte ... mit" closes its clause) or of a phrasal one ("called the
 * meeting off"). */
static bool particle_after(const zs_doc *d, uint32_t i, uint32_t from, uint32_t lim,
                           const char *word, bool closing)
{
    uint32_t c0, c1, n = (uint32_t)strlen(word), join = d->lang->lex_clause_join;
    clause_of(d, i, &c0, &c1);
    if (lim > c1) lim = c1;
    for (uint32_t k = from; k < lim; k++)
        if (d->toks[k].fold_len == n && memcmp(zs_tok_fold(d, k), word, n) == 0 &&
            (!closing || k + 1 == c1 || d->toks[k + 1].kind == ZS_TOK_PUNCT ||
             (join != UINT32_MAX && d->toks[k + 1].word && zs_word_in(d->toks[k + 1].word, join, NULL))))
            return true;
    return false;
}

/* Whether token i is inside an event_not entry of several tokens within
 * sentence s ("in charge of", "at stake": an idiom whose words are no
 * events there, though one of them may be a trigger elsewhere). */
static bool in_idiom(const zs_doc *d, uint32_t i, const zs_sentence *s)
{
    uint32_t lex = d->lang->lex_event_not;
    if (lex == UINT32_MAX || d->lang->lexicons[lex].max_tokens < 2) return false;
    uint32_t back = d->lang->lexicons[lex].max_tokens - 1u; /* the longest idiom's reach */
    for (uint32_t a = i >= s->t0 + back ? i - back : s->t0; a <= i; a++) {
        uint32_t end;
        const zs_entry *e = zs_entry_at(d, a, s->t1, lex, &end);
        if (e && e->ntok > 1 && end > i) return true;
    }
    return false;
}

/* The event_verb entry of token i (a word of the lexicon): of its entries
 * ("sagte" = "sagte ... ab", absagen, and sagen), the first one with a
 * particle that closes the clause, else the first one without a particle,
 * else NULL. */
static const zs_entry *verb_entry(const zs_doc *d, uint32_t i)
{
    const zs_word *w = d->toks[i].word;
    uint32_t lex = d->lang->lex_event_verb;
    const zs_entry *plain = NULL;
    for (uint32_t k = w->nlong; k < w->nstarts; k++) {
        const zs_entry *e = w->starts[k];
        if (e->lex != lex || e->ntok != 1) continue;
        const zs_attr *part = zs_entry_attr(e, "particle");
        if (!part) {
            if (!plain) plain = e;
        } else if (particle_after(d, i, i + 1, UINT32_MAX, part->sym, true)) {
            return e;
        }
    }
    return plain;
}

static void find_triggers(zs_doc *d, const tok_index *ix, const zs_sentence *s)
{
    const zs_lang *L = d->lang;
    for (uint32_t i = s->t0; i < s->t1; i++) {
        const zs_token *t = &d->toks[i];
        if (t->kind != ZS_TOK_WORD || ix->cover[i] >= 0) continue;
        const zs_entry *e;
        if (L->lex_event_verb != UINT32_MAX && t->word &&
            zs_word_in(t->word, L->lex_event_verb, NULL) && !(t->flags & ZS_TF_UPPER && !(t->flags & ZS_TF_SSTART))) {
            /* separable: the particle must close the clause */
            if (!(e = verb_entry(d, i))) continue;
            if (zs_entry_attr_is(e, "class", "NONE")) { /* an event only in a context */
                const zs_entry *ctx = before_entry(d, i, s);
                if (!ctx || !zs_entry_attr(e, ctx->attrs[0].sym)) continue;
            }
            if (in_idiom(d, i, s)) continue;
            const zs_attr *lem = zs_entry_attr(e, "lemma");
            bool as_noun = zs_entry_attr_is(e, "pos", "noun");
            bool noun = as_noun || det_gerund(d, i, s, lem ? lem->sym : e->lemma);
            zs_event *ev = new_event(d, i, i + 1, lem ? lem->sym : e->lemma, class_of(e), noun);
            /* a noun's title is its form ("Sanctions"), a gerund's its
               verb's ("the meeting": "Meeting") */
            ev->title = verb_title(e, as_noun ? e->lemma : ev->lemma);
            ev->bare = !noun || !has_word_in(d, i >= s->t0 + 1 ? i - 1 : i, i, L->lex_article_indef);
            ev->entry = e;
            set_key(ev, e, true);
            uint32_t end;
            if (L->lex_light_verb != UINT32_MAX && zs_entry_at(d, i, s->t1, L->lex_light_verb, &end))
                ev->light = true; /* "took place" */
            continue;
        }
        if (!(t->flags & ZS_TF_UPPER) || (t->flags & ZS_TF_SSTART)) {
            size_t stem = 0;
            const zs_entry *sx = suffix_entry(d, i, &stem);
            if (sx && not_after_ok(d, sx, i, s) && !in_idiom(d, i, s)) {
                bool noun = zs_entry_attr_is(sx, "pos", "noun");
                zs_buf lem = {0};
                suffix_lemma(L, sx, zs_tok_fold(d, i), t->fold_len, stem, &lem);
                zs_event *ev = new_event(d, i, i + 1, lem.data, class_of(sx), noun);
                free(lem.data);
                ev->title = verb_title(sx, ev->lemma);
                ev->bare = !noun || !has_word_in(d, i >= s->t0 + 1 ? i - 1 : i, i, L->lex_article_indef);
                set_key(ev, sx, false);
                continue;
            }
        }
        if (L->lex_event_noun == UINT32_MAX || !(t->flags & ZS_TF_UPPER)) continue;
        size_t mod_bytes;
        e = noun_head(L, tok_word(d, i), zs_tok_fold(d, i), t->fold_len, &mod_bytes);
        if (!e) continue;
        uint32_t t0 = hyphen_start(d, i, s->t0);
        /* the folded and the surface modifier differ only in case here */
        zs_event *ev = new_event(d, t0, i + 1, e->lemma, class_of(e), true);
        ev->title = noun_title(d, t0, i, mod_bytes, e);
        ev->bare = t0 == i && mod_bytes == 0;
        set_key(ev, e, true);
    }
}

/* ---- class in context --------------------------------------------------
 *
 * A verb trigger's class may depend on what follows it: the first of the
 * next CONTEXT_REACH tokens (up to punctuation other than quotes) that is
 * a word of class_context gives its value ("to": a to-infinitive, "that":
 * a that-clause), a gerund by verb_ending gives "gerund", another event
 * trigger "event"; with none of these the context is "alone". The
 * trigger's entry may name a class for a context ("keep = class=ASPECTUAL
 * alone=OCCURRENCE"); else its class holds. */
#define CONTEXT_REACH 4

/* The form of token i's word by its longest ending in verb_ending
 * ("gerund", "past", "infinitive"; the whole form first; an entry with
 * not=lemma only if the word is not the lemma, one with only=whole only
 * as the whole form: "ate", not "terminate"), or NULL. */
static const char *ending_form(const zs_doc *d, uint32_t i, bool lemma)
{
    const zs_lang *L = d->lang;
    const char *f = zs_tok_fold(d, i);
    size_t n = d->toks[i].fold_len;
    if (L->lex_verb_ending == UINT32_MAX) return NULL;
    /* most words have no ending of three bytes or more in the lexicon */
    bool long_ones = zs_lex_tail_maybe(L, L->lex_verb_ending, f, n);
    for (size_t k = 0; k < n; k++) {
        if (((unsigned char)f[k] & 0xC0) == 0x80) continue; /* inside a character */
        if (n - k >= 3 && !long_ones) continue;
        const zs_word *w = ending_word(L, f + k, n - k);
        const zs_entry *en;
        if (!w || !zs_word_in(w, L->lex_verb_ending, &en) || !en->nattrs || en->attrs[0].key)
            continue;
        if (lemma && zs_entry_attr_is(en, "not", "lemma")) continue;
        if (k && whole_only(en)) continue; /* only=whole: not an ending */
        return en->attrs[0].sym;
    }
    return NULL;
}

static const char *class_context(const zs_doc *d, const zs_event *e, const bool *trigger)
{
    const zs_lang *L = d->lang;
    const zs_sentence *s = &d->sents[e->sent];
    for (uint32_t i = e->t1; i < s->t1 && i < e->t1 + CONTEXT_REACH; i++) {
        const zs_token *t = &d->toks[i];
        if (t->kind == ZS_TOK_PUNCT) {
            if (zs_tok_punct(d, i, "\"'`")) continue;
            break;
        }
        const zs_entry *en;
        if (t->word && zs_word_in(t->word, L->lex_class_context, &en) && en->nattrs)
            return en->attrs[0].sym;
        const char *form = t->kind == ZS_TOK_WORD && t->fold_len > 4 ? ending_form(d, i, false) : NULL;
        if (form && strcmp(form, "gerund") == 0) return "gerund";
        if (trigger[i]) return "event";
    }
    return "alone";
}

/* Whether event k is a noun right before a noun trigger, with a space and
 * nothing else between them: a modifier of that noun, no event of its own
 * ("the peace talks", "a takeover bid", "the election campaign"). */
static bool modifier(const zs_doc *d, size_t k)
{
    const zs_event *e = &d->events[k], *n = k + 1 < d->nevents ? &d->events[k + 1] : NULL;
    if (!n || !n->noun || n->t0 != e->t1 || e->t1 != e->t0 + 1 || n->sent != e->sent ||
        !(d->toks[n->t0].flags & ZS_TF_SPACE))
        return false;
    return e->noun;
}

/* Removes the events drop marks, keeping the others in order. */
static void drop_events(zs_doc *d, const bool *drop)
{
    size_t kept = 0;
    for (size_t k = 0; k < d->nevents; k++) {
        zs_event *e = &d->events[k];
        if (drop[k]) {
            free(e->lemma);
            free(e->title);
            continue;
        }
        if (kept != k) d->events[kept] = *e;
        kept++;
    }
    d->nevents = kept;
}

/* Sets each one-word trigger's class by its contexts: an event_verb entry's
 * class for what follows it, then for its class_before context (the
 * entry's, else the context's default=); a trigger whose class there is
 * NONE is no event ("the alleged attack": "alleged" after "the" is an
 * adjective) and is dropped. */
static void set_context_classes(zs_doc *d)
{
    const zs_lang *L = d->lang;
    if (L->lex_class_context == UINT32_MAX || L->lex_event_verb == UINT32_MAX) return;
    bool *trigger = zs_xcalloc(d->ntoks + 1, sizeof *trigger);
    for (size_t k = 0; k < d->nevents; k++) trigger[d->events[k].t0] = true;
    bool *drop = zs_xcalloc(d->nevents + 1, sizeof *drop);
    for (size_t k = 0; k < d->nevents; k++) {
        zs_event *e = &d->events[k];
        const zs_entry *en, *ctx;
        if (e->t1 != e->t0 + 1) en = NULL;
        else if (!(en = e->entry))
            en = suffix_entry(d, e->t0, NULL); /* "the rebranded company": its ending's entry */
        const zs_attr *a = en ? zs_entry_attr(en, class_context(d, e, trigger)) : NULL;
        bool none = false;
        if (a) e->cls = class_named(a->sym, e->cls);
        if (e->t1 == e->t0 + 1 && (ctx = before_entry(d, e->t0, &d->sents[e->sent]))) {
            a = en ? zs_entry_attr(en, ctx->attrs[0].sym) : NULL;
            if (!a) a = zs_entry_attr(ctx, "default");
            none = a && strcmp(a->sym, "NONE") == 0;
            if (a) e->cls = class_named(a->sym, e->cls);
        }
        drop[k] = none || modifier(d, k);
    }
    drop_events(d, drop);
    free(drop);
    free(trigger);
}

/* Whether tokens [a, b) hold a modal_possible entry marked "clause", an
 * adverb that makes every event of its clause possible, nouns too
 * ("Angeblich soll es ein geheimes Treffen gegeben haben"). */
static bool clause_adverb(const zs_doc *d, uint32_t a, uint32_t b)
{
    const zs_entry *en;
    for (uint32_t i = a; i < b; i++) {
        const zs_word *w = d->toks[i].word;
        if (w && zs_word_in(w, d->lang->lex_modal_possible, &en) && zs_entry_value_is(en, "clause"))
            return true;
    }
    return false;
}

/* Tokens from a modal_planned entry marked "noun" to the noun event it
 * modifies ("the planned summit", "planned peace talks": the modifier
 * "peace" is no event). */
#define PLANNED_NOUN_REACH 2

/* The event whose last token is token i, or -1 (events are in text
 * order and do not overlap). */
static int event_ending_at(const zs_doc *d, uint32_t i)
{
    size_t lo = 0, hi = d->nevents; /* the first event ending after i */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->events[mid].t1 <= i) lo = mid + 1;
        else hi = mid;
    }
    return lo < d->nevents && d->events[lo].t1 == i + 1 ? (int)lo : -1;
}

/* The event that the modal_planned word at token i modifies: one ending
 * within PLANNED_NOUN_REACH tokens after it, no punctuation or
 * class_context word ("planned to meet") between; else -1. A noun of the
 * English lexicon may be a verb event ("the planned summit"). */
static int planned_noun(const zs_doc *d, uint32_t i, uint32_t s1)
{
    const zs_lang *L = d->lang;
    for (uint32_t j = i + 1; j < s1 && j <= i + PLANNED_NOUN_REACH; j++) {
        const zs_word *w = d->toks[j].word;
        if (d->toks[j].kind == ZS_TOK_PUNCT ||
            (w && L->lex_class_context != UINT32_MAX && zs_word_in(w, L->lex_class_context, NULL)))
            break;
        int k = event_ending_at(d, j);
        if (k >= 0) return k;
    }
    return -1;
}

/* The event right before the modal_planned word at token i of its clause
 * from s0 ("the talks scheduled for Friday", "the summit is planned for
 * May"): within PLANNED_NOUN_REACH tokens, no punctuation between; else
 * -1. */
static int planned_before(const zs_doc *d, uint32_t i, uint32_t s0)
{
    for (uint32_t j = i; j > s0 && i - j < PLANNED_NOUN_REACH; j--) {
        if (d->toks[j - 1].kind == ZS_TOK_PUNCT) break;
        int k = event_ending_at(d, j - 1);
        if (k >= 0) return k;
    }
    return -1;
}

static const char *pair_word(const zs_doc *d, uint32_t i);
static bool is_kind(const char *kind, const char *name);

/* Tokens from a modal_planned entry marked "noun" back to the preposition
 * of a phrase between it and the noun event it follows ("the summit with
 * the Mexican president planned for Friday"). */
#define PLANNED_PHRASE_REACH 5

/* The event that the modal_planned word at token i of its clause [s0, s1)
 * follows across a prepositional phrase: an event (a noun, or a noun of
 * the English lexicon that is a verb event: "summit"), a preposition of
 * pair_word right after it, then words of no event, no punctuation and
 * no class_context word up to i, at most PLANNED_PHRASE_REACH tokens from
 * the preposition ("the summit with Mexico planned for Friday", "talks on
 * trade scheduled for May"); not when a class_context word follows the
 * word or stands in the phrase, a verb there ("would not comment on
 * whether they planned to appeal"); else -1. */
static int planned_after_phrase(const zs_doc *d, uint32_t i, uint32_t s0, uint32_t s1)
{
    const zs_lang *L = d->lang;
    if (L->lex_pair_word == UINT32_MAX) return -1;
    const zs_word *next = i + 1 < s1 ? d->toks[i + 1].word : NULL;
    if (next && L->lex_class_context != UINT32_MAX && zs_word_in(next, L->lex_class_context, NULL))
        return -1;
    for (uint32_t t = i; t-- > s0 + 1 && i - t <= PLANNED_PHRASE_REACH;) {
        const zs_word *w = d->toks[t].word;
        if (d->toks[t].kind == ZS_TOK_PUNCT || event_ending_at(d, t) >= 0 ||
            (w && L->lex_class_context != UINT32_MAX && zs_word_in(w, L->lex_class_context, NULL)))
            return -1;
        if (is_kind(pair_word(d, t), "preposition")) return event_ending_at(d, t - 1);
    }
    return -1;
}

static bool is_time(const zs_timex *x);

/* Whether the modal_planned word at token i, one marked "date" ("for"),
 * plans event k: k is right before it (planned_before) or before a phrase
 * before it (planned_after_phrase), the object of a reporting verb
 * ending at most PLANNED_NOUN_REACH tokens before it, no punctuation
 * between ("announced talks with Iran for next week"), and a date
 * starts right after the word that does not end before the publication
 * time ("announced results for 1997": no plan, nor "a plan for peace"). */
static bool planned_for_date(const zs_doc *d, const tok_index *ix, size_t k, uint32_t i,
                             uint32_t s0, uint32_t s1)
{
    const zs_event *e = &d->events[k];
    if (k == 0 || i + 1 >= s1 || e->t1 > i ||
        (planned_before(d, i, s0) != (int)k && planned_after_phrase(d, i, s0, s1) != (int)k))
        return false;
    int x = ix->start[i + 1];
    if (x < 0) return false;
    const zs_timex *t = &d->timexes[x];
    if (!is_time(t) || (t->rv.has_interval && t->rv.until <= d->dct)) return false;
    const zs_event *r = &d->events[k - 1];
    if (r->noun || r->cls != ZS_EC_REPORTING || r->t1 < s0 || r->t1 + PLANNED_NOUN_REACH < e->t0)
        return false;
    for (uint32_t j = r->t1; j < e->t0; j++)
        if (d->toks[j].kind == ZS_TOK_PUNCT) return false;
    return true;
}

/* Whether event k is planned by a modal_planned word of its clause
 * [s0, s1): an entry marked "noun" right before an event ("the planned
 * summit") plans that event only, else the one right before it ("the
 * summit planned for May", "the summit is planned for May"), else the noun
 * before a prepositional phrase before it (planned_after_phrase: "the
 * summit with Mexico planned for Friday"), else its clause ("officials
 * planned to meet"); one marked "adjective" plans an event right after it
 * and nothing else ("geplante", "proposed"); one marked "date" ("for") the
 * object of a reporting verb before a date (planned_for_date); one marked
 * "report" ("would") only after a reporting verb in the past before it in
 * the sentence, and for the events after it ("said he would travel": zs_event.reported_plan, as the plan
 * lies after the report, not necessarily after the publication); any
 * other its clause ("soll", "will"), but not a verb in the past before
 * it ("met on Monday to plan the talks", "trafen sich ... und wollen"). */
static bool planned_by(zs_doc *d, const tok_index *ix, size_t k, uint32_t s0, uint32_t s1)
{
    const zs_lang *L = d->lang;
    if (L->lex_modal_planned == UINT32_MAX) return false;
    bool reported = false;
    for (uint32_t i = s0; i < s1; i++) {
        if (!ix->modal_known[i]) { /* a phrase or a word: "is due to", "will" */
            uint32_t end;
            const zs_entry *en = zs_phrase_at(d, i, d->sents[d->toks[i].sent].t1,
                                              L->lex_modal_planned, &end);
            if (!en && d->toks[i].word && !zs_word_in(d->toks[i].word, L->lex_modal_planned, &en))
                en = NULL;
            ix->modal[i] = en;
            ix->modal_known[i] = true;
        }
        const zs_entry *en = ix->modal[i];
        if (!en) continue;
        const zs_attr *a = zs_entry_attr(en, NULL);
        const char *kind = a ? a->sym : "";
        if (strcmp(kind, "date") == 0) {
            if (planned_for_date(d, ix, k, i, s0, s1)) return true;
        } else if (strcmp(kind, "noun") == 0 || strcmp(kind, "adjective") == 0) {
            int n = planned_noun(d, i, s1);
            if (n < 0 && kind[0] == 'n') n = planned_before(d, i, s0);
            if (n < 0 && kind[0] == 'n') n = planned_after_phrase(d, i, s0, s1);
            if (n < 0 ? kind[0] == 'n' : (size_t)n == k) return true;
        } else if (strcmp(kind, "report") == 0) {
            if (d->events[k].t0 < i) continue;
            for (size_t j = k; j-- > 0;) {
                const zs_event *r = &d->events[j];
                if (r->sent != d->events[k].sent) break;
                if (r->t0 < i && r->cls == ZS_EC_REPORTING && r->past_form) {
                    reported = true;
                    break;
                }
            }
        } else if (!(d->events[k].past_form && d->events[k].t1 <= i)) {
            return true;
        }
    }
    d->events[k].reported_plan = reported;
    return reported;
}

/* Whether a word of modal_possible stands in tokens [a, b), outside the
 * dates ("on May 5" is no "may"); for a verb (verb) not one marked
 * "adjective", which makes only the noun after it possible ("nahm den
 * mutmaßlichen Brandstifter fest", "arrested a suspected militant": the
 * arrest happened). */
static bool possible_in(const zs_doc *d, const tok_index *ix, uint32_t a, uint32_t b, bool verb)
{
    uint32_t lex = d->lang->lex_modal_possible;
    if (lex == UINT32_MAX) return false;
    for (uint32_t i = a; i < b; i++) {
        const zs_word *w = d->toks[i].word;
        const zs_entry *en;
        if (!w || ix->cover[i] >= 0 || !zs_word_in(w, lex, &en)) continue;
        if (verb && zs_entry_value_is(en, "adjective")) continue;
        return true;
    }
    return false;
}

/* Whether tokens [a, b) hold a modal of a perfect infinitive
 * (zs_hearsay_modal): every event of the clause is reported as possible
 * ("Er soll die Autos angezündet haben"). */
static bool hearsay_in(const zs_doc *d, const tok_index *ix, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b; i++) {
        if (!ix->hearsay[i]) ix->hearsay[i] = zs_hearsay_modal(d, i) ? 2 : 1;
        if (ix->hearsay[i] == 2) return true;
    }
    return false;
}

static void set_modality(zs_doc *d, const tok_index *ix, size_t k)
{
    const zs_lang *L = d->lang;
    zs_event *e = &d->events[k];
    const zs_sentence *s = &d->sents[e->sent];
    uint32_t s0, s1; /* the clause: "soll ..., teilte ... mit" */
    clause_of(d, e->t0, &s0, &s1);
    uint32_t a = e->noun ? (e->t0 >= s->t0 + 3 ? e->t0 - 3 : s->t0) : s0;
    uint32_t b = e->noun ? e->t0 : s1;
    bool clause;
    if (possible_in(d, ix, a, b, !e->noun) || (e->noun && clause_adverb(d, s0, s1)) ||
        (!e->noun && hearsay_in(d, ix, s0, s1)))
        e->modality = ZS_MODAL_POSSIBLE;
    else if (planned_by(d, ix, k, s0, s1)) e->modality = ZS_MODAL_PLANNED;
    /* what a promise, a decision or a call names in an infinitive
       ("agreed to impose", "kündigte an, die Gespräche fortzusetzen"): the
       event whose dates lie ahead (zs_planned_infinitive) */
    else if (!e->noun && e->tense == ZS_TENSE_INFINITIVE &&
             zs_planned_infinitive(d, e->t1 - 1, &clause))
        e->modality = ZS_MODAL_PLANNED;
    else if (!e->noun && e->tense == ZS_TENSE_INFINITIVE && !L->dates_verb && s0 > s->t0 + 1 &&
             zs_tok_comma(d, s0 - 1) && (e->t1 >= s1 || d->toks[e->t1].kind == ZS_TOK_PUNCT)) {
        /* in a language of verb-last clauses (German, not "dates verb"),
           an infinitive that ends a clause after a comma is the object of
           the clause before it: planned where that one plans ("Der Verein
           plant, am Freitag einen Trainer vorzustellen") */
        uint32_t p0, p1;
        clause_of(d, s0 - 2, &p0, &p1);
        if (planned_by(d, ix, k, p0, p1)) e->modality = ZS_MODAL_PLANNED;
    }
}

/* Whether a word of lexicon lex is one of the two before noun event e. */
static bool before_noun(const zs_doc *d, const zs_event *e, uint32_t lex)
{
    uint32_t s0 = d->sents[e->sent].t0;
    return has_word_in(d, e->t0 >= s0 + 2 ? e->t0 - 2 : s0, e->t0, lex);
}

/* Whether an event can happen at timex x: a date or time, not a duration
 * ("tagelangen") unless it points to a date ("vor zwei Wochen"), nor a
 * set, nor a role ("Ex-Manager"). */
static bool is_time(const zs_timex *x)
{
    if (x->role) return false; /* "Ex-Manager": no event's time */
    return x->rv.type == ZS_DATE || x->rv.type == ZS_TIME ||
           (x->rv.type == ZS_DURATION && x->rv.has_interval); /* "vor zwei Wochen" */
}

static bool in_timex(const zs_doc *d, uint32_t i);

/* Words of an attribute phrase between an article and its noun, at most
 * ("ein ursprünglich für Anfang Dezember angesetztes Treffen"). */
#define ATTRIBUTE_REACH 8

/* Whether noun event e has an indefinite article (article_indefinite)
 * right before it or one of the two words before it, or one marked
 * "phrase" before the attribute phrase before it: lower-case words and
 * dates, no punctuation, no other capitalized word ("Ein ursprünglich
 * für Anfang Dezember angesetztes Treffen"). */
static bool indefinite_phrase(const zs_doc *d, const zs_event *e)
{
    uint32_t lex = d->lang->lex_article_indef, s0 = d->sents[e->sent].t0;
    if (lex == UINT32_MAX) return false;
    if (before_noun(d, e, lex)) return true;
    for (uint32_t i = e->t0; i > s0 && e->t0 - i < ATTRIBUTE_REACH; i--) {
        const zs_token *t = &d->toks[i - 1];
        const zs_entry *en;
        if (t->word && zs_word_in(t->word, lex, &en)) return zs_entry_value_is(en, "phrase");
        bool date = in_timex(d, i - 1);
        if (!date && (t->kind != ZS_TOK_WORD || ((t->flags & ZS_TF_UPPER) && !(t->flags & ZS_TF_SSTART))))
            return false;
    }
    return false;
}

/* Whether noun event k names an event mentioned before ("der Besuch"
 * after "Staatsbesuch"): an earlier event with its key, and no modifier,
 * article or word of its own that makes it a new one. */
static bool anaphoric(const zs_doc *d, size_t k)
{
    const zs_event *e = &d->events[k];
    if (!e->noun || !e->bare || before_noun(d, e, d->lang->lex_article_indef) ||
        before_noun(d, e, d->lang->lex_event_new))
        return false;
    for (size_t i = 0; i < k; i++)
        if (strcmp(d->events[i].key, e->key) == 0) return true;
    return false;
}

static bool in_phrase(const zs_doc *d, uint32_t from, uint32_t n);

/* Whether timex x, after noun event k, stands right before the verb event
 * after it, an infinitive ("vereinbarten, die Gespräche im Herbst
 * fortzusetzen") or one in a clause whose auxiliary comes before the noun, and the
 * noun, after an article, in no prepositional phrase, is the verb's
 * object: the verb ends the clause ("hatte den Gipfel [vor zehn Tagen]
 * einberufen"), and the date is the verb's, not the noun's (but "hatten
 * seit Trumps Amtsantritt [im Januar] telefoniert"). */
static bool before_final_verb(const zs_doc *d, size_t k, const zs_timex *x)
{
    if (k + 1 >= d->nevents) return false;
    const zs_event *e = &d->events[k], *v = &d->events[k + 1];
    if (v->noun || v->t0 != x->t1 || v->sent != e->sent || e->t0 == 0) return false;
    const zs_token *before = &d->toks[e->t0 - 1];
    if (before->kind != ZS_TOK_WORD || (before->flags & ZS_TF_UPPER)) return false;
    uint32_t c0, c1;
    clause_of(d, e->t0, &c0, &c1);
    if (in_phrase(d, c0, e->t0)) return false;
    if (v->tense == ZS_TENSE_INFINITIVE) return true; /* "die Gespräche im Herbst fortzusetzen" */
    for (uint32_t j = c0; j < e->t0; j++)
        if (zs_aux_at(d, j) && !tok_is(d, j, "zu")) return true;
    return false;
}

/* A noun's own timex: one that follows it closely in its clause
 * ("Gipfels am 7. und 8. Juli", "Amtsantritt im Januar"), unless it
 * stands right before the next noun event, whose it is. */
static int postnominal_timex(const zs_doc *d, const tok_index *ix, const zs_event *e)
{
    uint32_t c0, c1;
    clause_of(d, e->t0, &c0, &c1);
    const zs_lang *L = d->lang;
    size_t k = (size_t)(e - d->events);
    for (uint32_t i = e->t1; i < c1 && i <= e->t1 + MAX_POSTNOMINAL_GAP; i++) {
        if (ix->start[i] >= 0 && is_time(&d->timexes[ix->start[i]])) {
            /* the next noun's, right before it: "losses from its 2019
               merger" */
            if (k + 1 < d->nevents && d->events[k + 1].noun &&
                d->events[k + 1].t0 == d->timexes[ix->start[i]].t1)
                return -1;
            if (before_final_verb(d, k, &d->timexes[ix->start[i]])) return -1;
            return ix->start[i];
        }
        /* a verb between: "Der Besuch war im Frühjahr angekündigt worden" */
        const zs_word *w = d->toks[i].word;
        if (zs_past_cue(d, i) || future_word(L, w)) return -1;
    }
    return -1;
}

/* Whether tokens i and i + 1 are a possessive ending: a punctuation mark
 * and, right after it, a word of pair_word's "possessive" ("'s"). */
static bool possessive(const zs_doc *d, uint32_t i);

/* Most words between a date's possessive and the noun it dates ("Friday's
 * jobs report"). */
#define POSSESSIVE_MODIFIERS 2

/* A noun's own date right before it ("its 2019 merger", "the March
 * 2020 election"), or before its possessive and up to
 * POSSESSIVE_MODIFIERS words ("Thursday's rate decision"; only these
 * where possessive_only: a trigger the lexicon leaves open is a noun
 * there, "Friday's jobs report"): its time even where a signal names it
 * or it names an event again, or -1. */
static int prenominal_timex(const zs_doc *d, const tok_index *ix, const zs_event *e,
                            bool possessive_only)
{
    int k = -1;
    for (uint32_t back = 0; back <= POSSESSIVE_MODIFIERS && back < e->t0 && k < 0; back++) {
        uint32_t p = e->t0 - back; /* the noun's first modifier */
        if (back > 0 && d->toks[p].kind != ZS_TOK_WORD) break;
        if (back == 0 && !possessive_only && ix->cover[p - 1] >= 0 && d->timexes[ix->cover[p - 1]].t1 == p)
            k = ix->cover[p - 1];
        else if (p >= 3 && possessive(d, p - 2) && ix->cover[p - 3] >= 0 &&
                 d->timexes[ix->cover[p - 3]].t1 == p - 2)
            k = ix->cover[p - 3];
    }
    if (k < 0) return -1;
    const zs_timex *x = &d->timexes[k];
    if (x->claimed || x->is_dct || !is_time(x) || x->sent != e->sent ||
        (x->group >= 0 && x->group != k))
        return -1;
    return k;
}

/* Whether verb event e is told in the past or the present perfect. */
static bool told_past(const zs_event *e)
{
    return !e->noun && (e->tense == ZS_TENSE_PAST ||
                        (e->tense == ZS_TENSE_PRESENT && (e->aspect & ZS_ASPECT_PERFECTIVE)));
}

/* Whether timex x begins after the day of the publication time: no verb
 * told in the past or the present perfect lies within it ("officials
 * said ... next week"). */
static bool after_dct_day(const zs_doc *d, const zs_timex *x)
{
    zs_lsec day = d->dct / 86400 - (d->dct % 86400 < 0);
    return x->rv.has_interval && x->rv.begin >= (day + 1) * 86400;
}

/* The tokens between event e and timex x. */
static uint32_t timex_gap(const zs_event *e, const zs_timex *x)
{
    return x->t0 >= e->t1 ? x->t0 - e->t1 : e->t0 - x->t1;
}

/* Whether timex x is a reference with no interval to give an event
 * ("derzeit", "früher"): not one to a date told before it ("damals"). */
static bool bare_ref(const zs_timex *x)
{
    return x->tv.ref != ZS_REF_NONE && x->tv.anchor != ZS_ANCHOR_MENTION;
}

/* Whether timex x, which starts before clause end c1 and ends after it,
 * goes on over the comma that ends the clause ("on Monday, March 3, ..."):
 * it is still a date of that clause. */
static bool spans_comma(const zs_doc *d, const zs_timex *x, uint32_t c1)
{
    return x->t0 < c1 && c1 < x->t1 && zs_tok_comma(d, c1);
}

/* The unclaimed timex of tokens [c0, c1) nearest to event e: a date or
 * time, or (sets) a set, a calendar one before a reference (bare_ref:
 * "will now take place on May 30"); for a verb told in the past, not a
 * date that begins after the publication day, which another word of the
 * clause names ("haben sich in der Nacht ... auf den Haushalt für das
 * kommende Jahr geeinigt"). */
static int nearest_timex(const zs_doc *d, const tok_index *ix, const zs_event *e, uint32_t c0,
                         uint32_t c1, bool sets)
{
    int best = -1;
    uint32_t best_dist = UINT32_MAX;
    bool best_ref = true; /* a calendar date before a reference ("will now take place on May 30") */
    for (uint32_t i = c0; i < c1; i++) {
        if (ix->start[i] < 0) continue;
        size_t k = (size_t)ix->start[i];
        const zs_timex *x = &d->timexes[k];
        if (x->claimed || (x->t1 > c1 && !spans_comma(d, x, c1)) ||
            (sets ? x->rv.type != ZS_SET : !is_time(x)))
            continue;
        if (x->group >= 0 && (size_t)x->group != k) continue;
        if (!sets && told_past(e) && after_dct_day(d, x)) continue;
        uint32_t dist = timex_gap(e, x);
        bool ref = bare_ref(x);
        if ((ref == best_ref && dist < best_dist) || (!ref && best_ref)) {
            best_dist = dist;
            best = (int)k;
            best_ref = ref;
        }
    }
    return best;
}


/* How many tokens at most stand between an event without a date of its
 * own and the date of its sentence it lies within: the TimeBank gold
 * closure puts 7 of the 44 events farther away within it. */
#define SENTENCE_DATE_REACH 20

/* How many tokens at most stand between an event and the date of its
 * clause: of the 168 TimeBank events that took a farther one, the gold
 * closure puts 24 within it. */
#define CLAUSE_DATE_REACH 10

/* Whether timex x opens its clause (starts within its first three
 * tokens), a comma ends it, and event e follows it at most
 * CLAUSE_DATE_REACH tokens after it ("Earlier today, the minister
 * resigned", "By then, for two weeks, prices had risen"). */
static bool opening(const zs_doc *d, const zs_timex *x, const zs_event *e)
{
    uint32_t c0, c1;
    clause_of(d, x->t0, &c0, &c1);
    return x->t0 < c0 + 3 && x->t1 < e->t0 && zs_tok_comma(d, x->t1) &&
           e->t0 - x->t1 <= CLAUSE_DATE_REACH;
}

/* The first token of the first verb event after e in its sentence, if
 * before lim, else lim: where e's own part of its clause ends. */
static uint32_t next_verb_at(const zs_doc *d, const zs_event *e, uint32_t lim)
{
    for (size_t j = (size_t)(e - d->events) + 1; j < d->nevents && d->events[j].sent == e->sent; j++)
        if (!d->events[j].noun) return d->events[j].t0 < lim ? d->events[j].t0 : lim;
    return lim;
}

/* The unclaimed timex of the event's clause nearest to it, if at most
 * CLAUSE_DATE_REACH tokens away, else, for a
 * verb other than a report, the nearest one before it in its sentence
 * ("exploded ... Friday, killing dozens"), unless that one is deictic
 * ("now", "derzeit"), which belongs to its own clause, but opens the
 * sentence (opening); not for a verb a signal names, whose time the
 * signal tells ("hatte den Gipfel vor zehn Tagen einberufen, nachdem die
 * Gespräche gescheitert waren"). */
static int clause_timex(const zs_doc *d, const tok_index *ix, const zs_event *e)
{
    uint32_t c0, c1;
    clause_of(d, e->t0, &c0, &c1);
    /* a report's date is none of what it reports, from the verb after it
       on ("told lawmakers she had resigned in January"), but the one it
       opens with ("Last month, she told ...") */
    bool report = !e->noun && e->cls == ZS_EC_REPORTING && d->lang->reports_speaker;
    if (report) c1 = next_verb_at(d, e, c1);
    int k = nearest_timex(d, ix, e, c0, c1, false);
    if (k >= 0 && timex_gap(e, &d->timexes[k]) > CLAUSE_DATE_REACH) k = -1;
    const zs_sentence *s = &d->sents[e->sent];
    if (k < 0 && report) {
        k = nearest_timex(d, ix, e, s->t0, e->t0, false);
        return k >= 0 && opening(d, &d->timexes[k], e) ? k : -1;
    }
    if (k >= 0 || e->noun || e->cls == ZS_EC_REPORTING || e->signal_object) return k;
    k = nearest_timex(d, ix, e, s->t0, e->t0, false);
    return k >= 0 && (d->timexes[k].tv.ref == ZS_REF_NONE || opening(d, &d->timexes[k], e)) ? k : -1;
}


/* Whether tokens i and i + 1 are a possessive ending: a punctuation mark
 * and, right after it, a word of pair_word's "possessive" ("'s"). */
static bool possessive(const zs_doc *d, uint32_t i)
{
    return i + 1 < d->ntoks && d->toks[i].kind == ZS_TOK_PUNCT &&
           !(d->toks[i + 1].flags & ZS_TF_SPACE) && is_kind(pair_word(d, i + 1), "possessive");
}

/* The date or time right after a verb ("exploded Friday"), or, after a
 * report verb, also after a preposition of pair_word ("said on Tuesday"),
 * else, in a language whose lang.zt says "dates verb", the one right
 * before it ("the company Monday announced"): the verb's, not the other
 * events' of its clause ("the attack killed 20, police said Tuesday"), or
 * -1; not one a possessive "'s" follows, which is a noun's ("said
 * Friday's vote was close"). */
static int verb_timex(const zs_doc *d, const tok_index *ix, const zs_event *e)
{
    if (e->noun || e->t1 + 1 >= d->ntoks) return -1;
    uint32_t at = e->t1;
    if (ix->start[at] < 0 && e->cls == ZS_EC_REPORTING && is_kind(pair_word(d, at), "preposition"))
        at++;
    if (ix->start[at] < 0) { /* else one right before it, no reference ("will now take place") */
        if (!d->lang->dates_verb || e->t0 == 0 || ix->cover[e->t0 - 1] < 0 ||
            bare_ref(&d->timexes[ix->cover[e->t0 - 1]]))
            return -1;
        at = d->timexes[ix->cover[e->t0 - 1]].t0;
    }
    int k = ix->start[at];
    const zs_timex *x = &d->timexes[k];
    if (x->claimed || x->sent != e->sent || !is_time(x) || (x->group >= 0 && x->group != k))
        return -1;
    return possessive(d, x->t1) ? -1 : k;
}

/* A recurring time of the event's clause ("Die Minister treffen sich jeden
 * Montag", "every Monday"): the nearest unclaimed set, for an event whose
 * clause has no calendar date and is not told in the past. The event
 * recurs (an RRULE in the calendar); it gets no interval of its own. */
static int clause_set(const zs_doc *d, const tok_index *ix, const zs_event *e)
{
    uint32_t c0, c1;
    clause_of(d, e->t0, &c0, &c1);
    return nearest_timex(d, ix, e, c0, c1, true);
}

/* Gives e the interval of timex k (and of the rest of its group). */
static void anchor(zs_doc *d, zs_event *e, int k)
{
    const zs_timex *x = &d->timexes[k];
    if (x->group >= 0) x = &d->timexes[x->group];
    e->time = (int)(x - d->timexes);
    /* "derzeit" has the publication instant, no time of an event's */
    if (!x->rv.has_interval || bare_ref(x) || x->rv.type == ZS_SET) return;
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
    zs_copy_str(l->from, sizeof l->from, from);
    zs_copy_str(l->to, sizeof l->to, to);
    l->rel = rel;
    zs_copy_str(l->source, sizeof l->source, source);
    l->contradiction = -1;
}

/* The relation of an event to its own time that the word right before the
 * timex states by signal_anchor ("since [1990]" = BEGUN_BY: the event
 * begins with it; "vor [Weihnachten]" = BEFORE), if any, in *rel. A
 * duration is no bound: "vor [zwei Wochen]" is a date in the past, its
 * word "vor" outside the timex (KRAUTS's extents). */
/* The value of the signal_anchor entry of token i ("BEGUN_BY", "not"), or
 * NULL. */
static const char *anchor_word(const zs_doc *d, uint32_t i)
{
    const zs_word *w = d->toks[i].word;
    const zs_entry *en;
    if (!w || !zs_word_in(w, d->lang->lex_signal_anchor, &en)) return NULL;
    const zs_attr *a = zs_entry_attr(en, NULL);
    return a ? a->sym : NULL;
}

/* Whether event e, whose time a signal_anchor word of ENDED_BY precedes
 * ("bis", "until"), lasts until that time: not a plan, whose deadline it
 * is, within its time ("soll bis zum 31. Dezember abgeschlossen sein"),
 * nor an event moved to it ("postponed until June 20"), nor one told in
 * the past, which was done by then ("Bis zum Abend hatten die Helfer
 * alle Dörfer erreicht"); but "wird bis Ende 2027 verlängert", "dauert bis
 * Freitag". */
static bool lasts_until(const zs_event *e)
{
    return !e->postponed && e->modality != ZS_MODAL_PLANNED && !e->past_form && !told_past(e);
}

/* The first of n items in text order (timexes, events: size bytes each,
 * their first token a uint32_t at offset t0_at) that starts at or after
 * token i, or n. */
static size_t first_from(const void *items, size_t n, size_t size, size_t t0_at, uint32_t i)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t t0;
        memcpy(&t0, (const char *)items + mid * size + t0_at, sizeof t0);
        if (t0 < i) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Whether a timex ends right before token i. */
static bool timex_ends_at(const zs_doc *d, uint32_t i)
{
    size_t k = first_from(d->timexes, d->ntimexes, sizeof *d->timexes, offsetof(zs_timex, t0), i);
    return k > 0 && d->timexes[k - 1].t1 == i;
}

/* Whether token i is inside a timex. */
static bool in_timex(const zs_doc *d, uint32_t i)
{
    size_t k = first_from(d->timexes, d->ntimexes, sizeof *d->timexes, offsetof(zs_timex, t0), i + 1);
    return k > 0 && d->timexes[k - 1].t1 > i;
}

/* The relation of event e to its time x that a signal_anchor word (or
 * two) right before x states, into *rel; *rel unchanged where none does. */
static void anchor_signal(const zs_doc *d, const zs_timex *x, const zs_event *e, zs_relkind *rel)
{
    uint32_t s0 = d->sents[x->sent].t0;
    if (d->lang->lex_signal_anchor == UINT32_MAX || x->t0 <= s0) return;
    const char *sym = anchor_word(d, x->t0 - 1);
    uint32_t end; /* or a phrase of two words: "bis zum [5. Mai]" */
    const zs_entry *two = !sym && x->t0 >= s0 + 2
                              ? zs_phrase_at(d, x->t0 - 2, x->t0, d->lang->lex_signal_anchor, &end)
                              : NULL;
    if (two && end == x->t0 && zs_entry_attr(two, NULL)) sym = zs_entry_attr(two, NULL)->sym;
    int r = sym ? zs_rel_from_name(sym) : -1;
    if (r < 0) return;
    /* "vom März bis zum Mai": the range, not its end; nor what does not
       last until it (lasts_until) */
    if (r == ZS_REL_ENDED_BY &&
        (x->group >= 0 || timex_ends_at(d, x->t0 - (two ? 2 : 1)) || !lasts_until(e)))
        return;
    if (r == ZS_REL_BEFORE || r == ZS_REL_AFTER || r == ZS_REL_ENDED_BY) {
        /* not a date of the noun after it: "before Tuesday's vote" is
           the vote's Tuesday, which the signal orders the event by */
        if ((x->rv.type != ZS_DATE && x->rv.type != ZS_TIME) || possessive(d, x->t1)) return;
        /* a word marked "not" right before it turns a bound around: "wird
           nicht vor [Mitte nächsten Jahres] erwartet" is then or later */
        const char *before = x->t0 >= s0 + 2 ? anchor_word(d, x->t0 - 2) : NULL;
        if (before && strcmp(before, "not") == 0) return;
    }
    *rel = (zs_relkind)r;
}

/* An event that its time begins (BEGUN_BY: "ermitteln seit
 * Jahresbeginn", "has been investigating since January"), a verb in the
 * present or the present perfect, still runs when the article is
 * published: its interval goes on from the time's beginning to the end of
 * the publication day (to the publication time, for a time finer than a
 * day), whether the time ends before or after ("seit Jahresbeginn": the
 * first months of the year, where the event began); its granularity and
 * mod stay those of its beginning. */
static void runs_to_dct(const zs_doc *d, zs_event *e)
{
    if (e->noun || !e->has_interval || e->tense != ZS_TENSE_PRESENT || e->begin >= d->dct) return;
    e->until = e->gran <= ZS_GRAN_DAY ? zs_lsec_make(zs_lsec_days(d->dct) + 1, 0, 0, 0) : d->dct;
    e->ongoing = true;
}

/* Whether duration x points back or ahead to a date (zs_tv_point: "vor
 * zehn Tagen", "two years ago"): a date, no span an event lies within. */
static bool points(const zs_timex *x)
{
    zs_rv to;
    return zs_tv_point(&x->tv, &x->rv, &to);
}

/* The duration that opens event e's sentence or the clause before e's
 * (opening: "In the past two weeks, prices have risen"; TimeBank's
 * closure puts 18 of the 20 such events within it), or -1. */
static int opening_duration(const zs_doc *d, const tok_index *ix, const zs_event *e)
{
    const zs_sentence *s = &d->sents[e->sent];
    uint32_t c0, c1, p0 = s->t0, p1;
    clause_of(d, e->t0, &c0, &c1);
    for (int pass = 0; pass < 2; pass++) { /* the sentence's first clause, the one before e's */
        for (uint32_t i = p0; i < p0 + 3 && i < e->t0; i++) {
            if (ix->start[i] < 0) continue;
            const zs_timex *x = &d->timexes[ix->start[i]];
            if (x->rv.type == ZS_DURATION && !points(x) && opening(d, x, e)) return ix->start[i];
            break;
        }
        if (c0 < s->t0 + 2) break;
        clause_of(d, c0 - 2, &p0, &p1);
    }
    return -1;
}

static inline const zs_entry *signal_at(const zs_doc *d, uint32_t i, uint32_t lim, zs_relkind *rel,
                                        uint32_t *end);

/* Whether timex x is a duration without a date ("two weeks", not "vor
 * zwei Wochen") that measures the distance of two events: a signal word
 * of signal_after or signal_before follows it ("two weeks after a
 * hearing", "drei Tage vor der Wahl"; relate_by_signals). */
static bool measures(const zs_doc *d, const zs_timex *x)
{
    zs_relkind rel = ZS_REL_IS_INCLUDED; /* signal_at sets it where it finds one */
    uint32_t end;
    return x->rv.type == ZS_DURATION && !x->rv.has_interval && x->t1 < d->ntoks &&
           signal_at(d, x->t1, (uint32_t)d->ntoks, &rel, &end) &&
           (rel == ZS_REL_AFTER || rel == ZS_REL_BEFORE);
}

/* An event without a date lies within the nearest duration of its clause
 * ("attacked ... for three days", "within a week"), as TimeBank links most
 * events to such a timex (IS_INCLUDED or DURING), else within the one
 * that opens its sentence (opening_duration); not one that points back or
 * ahead to a date (zs_tv_point: "vor zehn Tagen", "two years ago"), which
 * is the date of the event that claims it ("hatte den Gipfel vor zehn
 * Tagen einberufen": the convening's, not the summit's). */
static void relate_durations(zs_doc *d, const tok_index *ix)
{
    for (size_t k = 0; k < d->nevents; k++) {
        const zs_event *e = &d->events[k];
        if (e->time >= 0) continue;
        uint32_t c0, c1;
        clause_of(d, e->t0, &c0, &c1);
        int best = -1;
        uint32_t best_dist = UINT32_MAX;
        for (uint32_t i = c0; i < c1; i++) {
            if (ix->start[i] < 0 || d->timexes[ix->start[i]].rv.type != ZS_DURATION) continue;
            const zs_timex *x = &d->timexes[ix->start[i]];
            if (points(x) || measures(d, x)) continue;
            uint32_t dist = x->t0 >= e->t1 ? x->t0 - e->t1 : e->t0 - x->t1;
            if (dist < best_dist) {
                best_dist = dist;
                best = ix->start[i];
            }
        }
        if (best < 0) best = opening_duration(d, ix, e);
        if (best >= 0) add_tlink(d, e->id, d->timexes[best].id, ZS_REL_IS_INCLUDED, "anchor");
    }
}

static bool comparable(const zs_timex *x);

/* A calendar date of sentence sent, timex x or one after it (the first of
 * its group), or -1; not the dateline. */
static int next_sentence_date(const zs_doc *d, size_t x, uint32_t sent)
{
    for (; x < d->ntimexes && d->timexes[x].sent == sent; x++) {
        const zs_timex *t = &d->timexes[x];
        if (is_time(t) && comparable(t) && !t->is_dct) return t->group >= 0 ? t->group : (int)x;
    }
    return -1;
}

static bool planning_word(const zs_doc *d, uint32_t p);

/* Whether timex k (-1: none) follows verb event e, a report, or an
 * intention or belief, in the present ("says", "hope", "has agreed"): then
 * it is the date of what e reports or intends ("hope to see a recovery by
 * 2020"), not e's own (TimeBank's closure puts 4 of the 58 such verbs that
 * took such a date within it); so too after a planning word or a verb with
 * its infinitive ("is scheduled for", "is due to meet"). */
static bool reported_date(const zs_doc *d, const zs_event *e, int k)
{
    if (k < 0 || d->timexes[k].t0 <= e->t0 || e->noun || e->tense != ZS_TENSE_PRESENT) return false;
    if (e->cls == ZS_EC_REPORTING || e->cls == ZS_EC_I_STATE || e->cls == ZS_EC_I_ACTION)
        return true;
    /* so of a planning word ("The vote is scheduled for Thursday": the
       vote's) */
    if (planning_word(d, e->t0)) return true;
    /* so of any verb whose infinitive comes right after it and before the
       date ("is due to meet union leaders on Tuesday") */
    size_t i = (size_t)(e - d->events);
    const zs_event *n = i + 1 < d->nevents ? &d->events[i + 1] : NULL;
    return n && n->sent == e->sent && !n->noun && n->tense == ZS_TENSE_INFINITIVE &&
           n->t0 <= e->t1 + 1 && n->t1 <= d->timexes[k].t0;
}

/* Whether e is a verb in the past perfect ("had failed", "war gescheitert"):
 * told as before the time the text is at, not within it. */
static bool past_perfect(const zs_event *e)
{
    return !e->noun && e->tense == ZS_TENSE_PAST && (e->aspect & ZS_ASPECT_PERFECTIVE);
}

/* Whether e is a report verb in the past ("said"). */
static bool past_report(const zs_event *e)
{
    return !e->noun && e->cls == ZS_EC_REPORTING && e->tense == ZS_TENSE_PAST;
}

/* The date of event k (-1: none), if it is of sentence sent - 1 and its
 * own (not deictic) or, by chain (if not NULL), one it took from the
 * sentence before it, or -1. */
static int own_date(const zs_doc *d, int k, uint32_t sent, const int *chain)
{
    if (k < 0) return -1;
    const zs_event *r = &d->events[k];
    if (r->sent + 1 != sent) return -1;
    if (r->time < 0) return chain ? chain[k] : -1;
    const zs_timex *x = &d->timexes[r->time];
    return is_time(x) && x->tv.ref == ZS_REF_NONE ? r->time : -1;
}

static bool not_past_verb(const zs_event *e);

/* Whether planned event e is told as lying ahead of the publication time:
 * no past form, no plan of a past report, not a perfect, not a noun of a
 * language whose nouns are untensed. relate_to_dct relates it by its
 * modality alone. */
static bool planned_ahead(const zs_lang *L, const zs_event *e)
{
    return e->modality == ZS_MODAL_PLANNED && !e->past_form && !e->reported_plan &&
           !(e->noun && L->nouns_untensed) && !(e->aspect & ZS_ASPECT_PERFECTIVE);
}

/* Whether relate_to_dct puts planned event e after the publication time
 * (for want of a time of its own). */
static bool planned_after(const zs_lang *L, const zs_event *e)
{
    return planned_ahead(L, e) && !not_past_verb(e);
}

/* An event without a time of its own (a report, a noun, one whose clause
 * date another event claimed) lies within the last calendar date before it
 * in its sentence that no event claimed as its own ("On Friday, officials
 * said ... the attack"), as its clause date would place it, else within
 * the first one after it with no other event between them ("The attack
 * was reported on Friday"); not one a signal names, whose time its signal
 * tells, nor a light verb ("soll ... stattfinden") or another mention of
 * an event, whose time is that event's, nor an event a later mention of
 * which has a date of its own, which is the event's; not the dateline; not a date more
 * than SENTENCE_DATE_REACH tokens away; for a verb in the past or the
 * present perfect, not a date that begins after the publication day
 * ("met ... to prepare next week's talks, officials said"). A report in
 * the past without such a date lies within the date of the last past
 * report before it, if that one is of the sentence right before it and
 * has a date of its own, neither of them in the past perfect ("the
 * source said Monday ... . The source said": TimeBank's closure
 * puts 11 of 40 such reports within it), and the first verb of a sentence,
 * in the past and no report, within the date of the last past verb of the
 * sentence right before it (neither of them in the past perfect, which
 * looks back: "war im Herbst gescheitert"), if that date is the verb's own ("The rebels
 * attacked the town on Monday. They burned the market": 19 of 79) or one
 * it so took ("... They then left": 8 of 23 more), unless a signal marked
 * lasting= orders it, which says it went on from the named event up to
 * later ("Seit dem Gipfel im Dezember war gestritten worden"). Source
 * "sentence". */
static void relate_sentence_dates(zs_doc *d)
{
    int last = -1;
    size_t x = 0;
    /* the last past report and past verb of e's sentence, of those before */
    int report = -1, prev_report = -1, past = -1, prev_past = -1;
    bool first_verb = true; /* e is its sentence's first verb */
    int *chain = zs_xmalloc((d->nevents + 1) * sizeof *chain); /* the date so taken, or -1 */
    for (size_t k = 0; k < d->nevents; k++) chain[k] = -1;
    /* dated[k]: a later mention of event k has a date of its own, which is
       the event's ("Die Kapitulation ... Am 17. April unterschrieben sie die
       Kapitulation") */
    bool *dated = zs_xcalloc(d->nevents + 1, sizeof *dated);
    for (size_t k = 0; k < d->nevents; k++)
        if (d->events[k].coref >= 0 && d->events[k].time >= 0) dated[d->events[k].coref] = true;
    for (size_t k = 0; k < d->nevents; k++) {
        const zs_event *e = &d->events[k];
        if (k > 0 && e->sent != d->events[k - 1].sent) {
            if (report >= 0) prev_report = report;
            if (past >= 0) prev_past = past;
            report = past = -1;
            first_verb = true;
        } else if (k > 0 && !d->events[k - 1].noun)
            first_verb = false;
        if (past_report(e) && !past_perfect(e)) report = (int)k;
        if (!e->noun && e->tense == ZS_TENSE_PAST && !past_perfect(e)) past = (int)k;
        for (; x < d->ntimexes && d->timexes[x].t1 <= e->t0; x++) {
            const zs_timex *t = &d->timexes[x];
            if (is_time(t) && comparable(t) && !t->is_dct && !t->claimed)
                last = t->group >= 0 ? t->group : (int)x;
        }
        if (e->time >= 0 || e->light || e->coref >= 0 || dated[k] || e->answered || e->demanded ||
            e->bounded) /* "Bis zum Abend erreichten sie ...": not the last date */
            continue;
        int at = last >= 0 && d->timexes[last].sent == e->sent ? last : next_sentence_date(d, x, e->sent);
        /* the event a signal names after the verb it orders takes a date
           after it: "unearthed during a search of the area [Thursday]",
           "have died since a bomb ripped through the building [Friday]";
           not one before the signal's phrase is over ("Nach dem Streit
           haben sie sich [am Mittwoch] geeinigt") */
        if (e->signal_object && (!e->signal_last || at < 0 || at == last)) continue;
        /* a date after it belongs to an event between them: "das erste
           Gespräch seit dem Streik ... Anfang Februar" */
        if (at >= 0 && at != last && k + 1 < d->nevents && d->events[k + 1].t0 < d->timexes[at].t0)
            at = -1;
        if (reported_date(d, e, at) || (e->moves && at >= 0 && d->timexes[at].claimed)) at = -1;
        if (at >= 0 && timex_gap(e, &d->timexes[at]) > SENTENCE_DATE_REACH) at = -1;
        if (at >= 0) { /* nor one after "vor", "before" or, but for a plan's
                          deadline, "bis": nothing lies within it */
            zs_relkind rel = ZS_REL_IS_INCLUDED;
            anchor_signal(d, &d->timexes[at], e, &rel);
            if (rel == ZS_REL_BEFORE || rel == ZS_REL_AFTER || rel == ZS_REL_ENDED_BY) at = -1;
        }
        if (at >= 0 && told_past(e) && after_dct_day(d, &d->timexes[at])) at = -1;
        /* nor a planned event one that ends before the publication time,
           which is its plan's ("haben am 8. Juli einen Antrag eingebracht,
           worin sie den Rücktritt fordern") */
        if (at >= 0 && planned_after(d->lang, e) && d->timexes[at].rv.until <= d->dct) at = -1;
        if (at < 0 && past_report(e) && !past_perfect(e))
            at = own_date(d, prev_report, e->sent, NULL);
        if (at < 0 && first_verb && !e->noun && e->tense == ZS_TENSE_PAST && !past_perfect(e) &&
            e->cls != ZS_EC_REPORTING && !e->signal_since)
            at = chain[k] = own_date(d, prev_past, e->sent, chain);
        if (at >= 0) add_tlink(d, e->id, d->timexes[at].id, ZS_REL_IS_INCLUDED, "sentence");
    }
    free(chain);
    free(dated);
}

/* The signal entry (of signal_after, signal_before or signal_during) that
 * starts at token i, or NULL; *rel gets the relation it states of the
 * event it depends on to the event it names, *end its end. */
static inline const zs_entry *signal_at(const zs_doc *d, uint32_t i, uint32_t lim, zs_relkind *rel,
                                        uint32_t *end)
{
    const zs_lang *L = d->lang;
    const zs_word *w = d->toks[i].word;
    if (!w) return NULL;
    for (uint32_t k = 0; k < w->nstarts; k++) {
        const zs_entry *e = w->starts[k];
        if (e->lex == L->lex_signal_after) *rel = ZS_REL_AFTER;
        else if (e->lex == L->lex_signal_before) *rel = ZS_REL_BEFORE;
        else if (e->lex == L->lex_signal_during) *rel = ZS_REL_IS_INCLUDED;
        else continue;
        if (i + e->ntok > lim) continue;
        bool ok = true;
        for (uint32_t j = 1; j < e->ntok && ok; j++) {
            const zs_word *wj = d->toks[i + j].word;
            ok = wj && wj->id == e->words[j];
        }
        if (!ok) continue;
        *end = i + e->ntok;
        return e;
    }
    return NULL;
}

/* Tokens allowed between a signal and the noun event it names ("nach
 * einem langen Telefonat"); a verb event may be anywhere in the signal's
 * clause ("nachdem ... vorgeworfen hatten"). */
#define MAX_SIGNAL_GAP 3

/* A distance a signal measures: the duration right before it ("two weeks
 * after a committee hearing", "drei Tage vor der Wahl"), the event that
 * depends on the signal, the event it names and how they relate. */
typedef struct measured {
    int dep, named, timex;
    zs_relkind rel;
} measured;

typedef struct measured_list {
    measured *m;
    size_t n, cap;
} measured_list;

/* "Das teilte der Kreml nach einem Telefonat ... mit": a signal word
 * ("nach", "vor", "seit", "am Rande", "nachdem", "Vergeltung für") names an
 * event, the first one after it in its clause; it orders the event that
 * depends on it: the nearest one before the signal in the sentence, else the
 * nearest after the named one. An undated event so related takes the
 * other's interval, ranked after or before it. The distances a duration
 * right before the signal measures go to ms (apply_distance). */
static void relate_by_signals(zs_doc *d, const tok_index *ix, measured_list *ms)
{
    if (!d->nevents) return;
    int32_t *ev_at = zs_xmalloc((d->ntoks + 1) * sizeof *ev_at);
    for (size_t i = 0; i <= d->ntoks; i++) ev_at[i] = -1;
    for (size_t k = d->nevents; k-- > 0;) ev_at[d->events[k].t0] = (int32_t)k;
    for (size_t si = 0; si < d->nsents; si++) {
        const zs_sentence *s = &d->sents[si];
        for (uint32_t i = s->t0; i < s->t1; i++) {
            /* most words start no entry at all: no call for them */
            if (ix->cover[i] >= 0 || !d->toks[i].word || !d->toks[i].word->nstarts) continue;
            zs_relkind rel;
            uint32_t end;
            const zs_entry *sig = signal_at(d, i, s->t1, &rel, &end);
            if (!sig) continue;
            uint32_t c0, c1;
            clause_of(d, end < s->t1 ? end : i, &c0, &c1);
            int named = -1;
            bool verb_only = zs_entry_value_is(sig, "verb");
            bool clause = verb_only || zs_entry_value_is(sig, "clause");
            /* a date's possessive before the noun is no gap ("ahead of
               Thursday's rate decision") */
            uint32_t from = end;
            if (end < s->t1 && ix->cover[end] >= 0 && d->timexes[ix->cover[end]].t0 == end &&
                possessive(d, d->timexes[ix->cover[end]].t1))
                from = d->timexes[ix->cover[end]].t1 + 2;
            for (uint32_t j = end; j < c1 && named < 0; j++) {
                if (j > end && (d->toks[j - 1].flags & ZS_TF_UPPER) &&
                    !(d->toks[j - 1].flags & ZS_TF_SSTART) && ev_at[j] < 0 && !clause)
                    break; /* a noun of its own: "vor dem Parlament eine Rede" */
                if (ev_at[j] < 0) continue;
                const zs_event *y = &d->events[ev_at[j]];
                if (y->noun ? !verb_only && j >= from && j - from <= MAX_SIGNAL_GAP : clause)
                    named = ev_at[j];
                else if (y->noun && !verb_only) break;
            }
            if (named < 0) continue;
            zs_event *e2 = &d->events[named];
            zs_event *e1 = NULL;
            for (size_t j = (size_t)named; j-- > 0 && !e1;) {
                const zs_event *x = &d->events[j];
                if (x->t1 <= i && x->t0 >= s->t0 && i - x->t1 <= ZS_CLAUSE_WINDOW) e1 = &d->events[j];
            }
            /* a clause signal opening its sentence, its clause ended by a
               comma: what it orders comes after that comma ("Before the
               talks began, both sides had exchanged ...") */
            bool opens = clause && i == s->t0 && c1 < s->t1 && zs_tok_comma(d, c1);
            zs_event *first = NULL; /* the verb after the named event, else
                                       the nearest event */
            for (size_t j = (size_t)named + 1; j < d->nevents && !e1; j++) {
                zs_event *x = &d->events[j];
                if (x->t0 >= s->t1 || x->t0 - e2->t1 > ZS_CLAUSE_WINDOW) break;
                if (x->t0 < e2->t1 || (opens && x->t0 < c1)) continue;
                if (!first) first = x;
                if (!x->noun) e1 = x;
            }
            if (!e1) e1 = first;
            if (!e1) continue;
            e2->signal_object = true;
            e2->signal_last = !e1->noun && e1->t0 < e2->t0;
            if (zs_entry_attr(sig, "lasting")) e1->signal_since = true;
            char source[32];
            snprintf(source, sizeof source, "signal:%s", sig->lemma);
            add_tlink(d, e1->id, e2->id, rel, source);
            /* a duration right before the signal is their distance */
            int dur = i > s->t0 ? ix->cover[i - 1] : -1;
            if (dur >= 0 && d->timexes[dur].t1 == i && measures(d, &d->timexes[dur])) {
                ZS_GROW(ms->m, ms->cap, ms->n + 1);
                ms->m[ms->n++] = (measured){(int)(e1 - d->events), named, dur, rel};
            }
            i = end - 1;
        }
    }
    free(ev_at);
}

/* Gives the one of the events of m without a time the other's interval
 * moved by the distance m measures ("voted on Tuesday, two weeks after a
 * committee hearing": the hearing two weeks before that Tuesday), where
 * the unit of the distance can move that interval (zs_tv_shift). */
static void apply_distance(zs_doc *d, const measured *m)
{
    zs_event *dep = &d->events[m->dep], *named = &d->events[m->named];
    if (named->time == m->timex) named->time = -1; /* the distance is no time of its */
    zs_event *from, *to;
    int sign; /* of the distance from `from` to `to` */
    if (dep->has_interval && !named->has_interval && named->time < 0) {
        from = dep, to = named;
        sign = m->rel == ZS_REL_AFTER ? -1 : 1;
    } else if (named->has_interval && !dep->has_interval && dep->time < 0) {
        from = named, to = dep;
        sign = m->rel == ZS_REL_AFTER ? 1 : -1;
    } else {
        return;
    }
    const zs_tv *dur = &d->timexes[m->timex].tv;
    if (dur->amount == ZS_UNSET || dur->and_unit != ZS_U_NONE) return;
    zs_tv tv;
    zs_tv_init(&tv);
    tv.offset = sign * dur->amount;
    tv.unit = dur->unit;
    zs_rv at = {.type = ZS_DATE, .gran = from->gran, .has_interval = true, .begin = from->begin,
                .until = from->until};
    zs_rv out;
    if (!zs_tv_shift(&tv, &at, &out) || !out.has_interval) return;
    to->has_interval = true;
    to->begin = out.begin;
    to->until = out.until;
    to->gran = out.gran;
    to->mod = dur->mod;
}

/* Sentences back from a word of signal_previous to the event it refers
 * to: an asserted verb in the main line of the story up to three back, any
 * other up to one. */
#define PREVIOUS_REACH 3
#define PREVIOUS_REACH_ANY 1

/* How well event x fits as the event a word of signal_previous refers
 * back to for event e, 0 best: a verb that is no report and no past
 * perfect (a flashback: "Zuvor hatte der Rat ... geprüft. Anschließend
 * reiste ...": after the meeting told before it), asserted, or planned
 * where e is planned too (a plan goes on from a plan: "Am Dienstag will er
 * mit Macron beraten. Anschließend ist eine Pressekonferenz geplant"); 1
 * any other verb; 2 a noun; 3 a report, which never fits. */
static int previous_fit(const zs_event *x, const zs_event *e)
{
    if (x->cls == ZS_EC_REPORTING) return 3;
    if (x->noun) return 2;
    bool pluperfect = x->tense == ZS_TENSE_PAST && x->aspect == ZS_ASPECT_PERFECTIVE;
    bool line = x->modality == ZS_MODAL_ASSERTED ||
                (x->modality == ZS_MODAL_PLANNED && e->modality == ZS_MODAL_PLANNED);
    return line && !pluperfect ? 0 : 1;
}

/* "Die Außenminister treffen sich am Montag. Die Sanktionen sollen danach
 * verlängert werden": a word of signal_previous ("danach", "zuvor",
 * "afterwards"), in no timex ("zwei Tage danach" is one), nor after a word
 * of the lexicon its not_after= names ("wie nie zuvor"), relates the verb
 * event of its clause nearest to it to the event told before the word,
 * as its value says (AFTER, BEFORE): the last one before it that fits best
 * (previous_fit), in its clause too ("who fled her native land and
 * afterwards became a citizen"). */
static void relate_to_previous(zs_doc *d, const tok_index *ix)
{
    const zs_lang *L = d->lang;
    if (L->lex_signal_previous == UINT32_MAX || !d->nevents) return;
    for (uint32_t i = 0; i < d->ntoks; i++) {
        const zs_entry *sig;
        if (ix->cover[i] >= 0 || !d->toks[i].word ||
            !zs_word_in(d->toks[i].word, L->lex_signal_previous, &sig))
            continue;
        const zs_sentence *s = &d->sents[d->toks[i].sent];
        if (!not_after_ok(d, sig, i, s) || !not_before_ok(d, sig, i, s))
            continue; /* "so viele wie nie zuvor", "fragten danach, ob" */
        const zs_attr *v = zs_entry_attr(sig, NULL);
        int rel = v && v->sym ? zs_rel_from_name(v->sym) : -1;
        if (rel < 0) continue;
        /* the verb of its clause nearest to it, else, in a clause with no
           verb event, its noun nearest to it ("Anschließend ist eine
           Pressekonferenz geplant") */
        uint32_t c0, c1;
        clause_of(d, i, &c0, &c1);
        size_t k = first_from(d->events, d->nevents, sizeof *d->events, offsetof(zs_event, t0), c0);
        int own = -1, noun = -1;
        uint32_t best = UINT32_MAX, best_noun = UINT32_MAX;
        for (; k < d->nevents && d->events[k].t0 < c1; k++) {
            const zs_event *x = &d->events[k];
            uint32_t dist = x->t0 > i ? x->t0 - i : i - x->t0;
            if (!x->noun && dist < best) own = (int)k, best = dist;
            if (x->noun && dist < best_noun) noun = (int)k, best_noun = dist;
        }
        if (own < 0) own = noun;
        if (own < 0) continue;
        zs_event *e1 = &d->events[own];
        int before = -1, fit = 3;
        for (size_t j = (size_t)own; j-- > 0 && fit > 0;) {
            const zs_event *x = &d->events[j];
            if (x->t1 > i) continue;
            if (x->sent + PREVIOUS_REACH < e1->sent) break;
            int f = previous_fit(x, e1);
            if (f > 0 && x->sent + PREVIOUS_REACH_ANY < e1->sent) continue;
            if (f < fit) before = (int)j, fit = f;
        }
        if (before < 0) continue;
        char source[32];
        snprintf(source, sizeof source, "signal:%s", sig->lemma);
        add_tlink(d, e1->id, d->events[before].id, (zs_relkind)rel, source);
    }
}

/* Whether sentence s ends with no punctuation mark: a line of its own,
 * as a headline is ("Polizei nimmt Brandstifter fest"). */
static bool title_line(const zs_doc *d, uint32_t s)
{
    const zs_sentence *x = &d->sents[s];
    return x->t1 > x->t0 && d->toks[x->t1 - 1].kind != ZS_TOK_PUNCT;
}

/* A verb of the headline, the sentence that holds the dateline ("3. März
 * 2021, 14:05 Uhr Berlin: Kanzlerin telefoniert mit US-Präsident") or the
 * line right after it that ends with no punctuation mark, that no later
 * mention names, is the first event of a later sentence with its key
 * ("hat am Dienstagabend ... telefoniert"): the article tells it again. */
static void headline_mentions(zs_doc *d)
{
    int64_t head = -1;
    for (size_t x = 0; x < d->ntimexes && head < 0; x++)
        if (d->timexes[x].is_dct) head = d->timexes[x].sent;
    if (head < 0) return;
    uint32_t last = (uint32_t)head; /* the headline's last sentence */
    if (last + 1 < d->nsents && title_line(d, last + 1)) last++;
    for (size_t k = 0; k < d->nevents && d->events[k].sent <= last; k++) {
        zs_event *e = &d->events[k];
        if (e->sent < (uint32_t)head || e->noun || e->coref >= 0 || e->cls == ZS_EC_REPORTING)
            continue;
        bool named = false;
        for (size_t j = k + 1; j < d->nevents && !named; j++) named = d->events[j].coref == (int)k;
        for (size_t j = k + 1; j < d->nevents && !named; j++) {
            const zs_event *x = &d->events[j];
            if (x->sent == e->sent || x->light || strcmp(x->key, e->key) != 0) continue;
            e->coref = x->coref >= 0 ? x->coref : (int)j;
            add_tlink(d, e->id, d->events[e->coref].id, ZS_REL_IDENTITY, "coref");
            break;
        }
    }
}

/* Mentions of one event: a later mention with the key of an earlier one,
 * not both verbs and not a report, is the same event when it adds no
 * modifier of its own ("der Gipfel" after "G20-Gipfel", "telefoniert"
 * after "Telefonat") or repeats the title, is at most MENTION_REACH
 * sentences after it, and its own date, if any, overlaps the earlier
 * one's and the one all dated mentions of that event share
 * (mention_span). A light verb ("soll ... stattfinden") is the noun event
 * after it in its clause (light_noun_after: "fand ... eine Diskussion
 * statt"), else the nearest event before it that no signal names
 * ("Treffen", not the "G20-Gipfel" of "nach dem G20-Gipfel"). */
typedef struct key_at {
    const char *key;
    size_t k;
} key_at;

static int cmp_key_at(const void *pa, const void *pb)
{
    const key_at *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    return c ? c : (a->k > b->k) - (a->k < b->k);
}

/* prev[k]: the nearest event before event k with its key, prev_noun[k]: the
 * nearest noun event before it with its key; -1 for none. Found by sorting,
 * so that a long text with many mentions stays fast. */
static void same_key_chains(const zs_doc *d, int32_t *prev, int32_t *prev_noun)
{
    key_at *ka = zs_xmalloc((d->nevents + 1) * sizeof *ka);
    for (size_t k = 0; k < d->nevents; k++) ka[k] = (key_at){d->events[k].key, k};
    qsort(ka, d->nevents, sizeof *ka, cmp_key_at);
    int32_t last = -1, last_noun = -1;
    for (size_t i = 0; i < d->nevents; i++) {
        if (i > 0 && strcmp(ka[i].key, ka[i - 1].key) != 0) last = last_noun = -1;
        prev[ka[i].k] = last;
        prev_noun[ka[i].k] = last_noun;
        last = (int32_t)ka[i].k;
        if (d->events[ka[i].k].noun) last_noun = last;
    }
    free(ka);
}

/* Sentences from a mention back to the one it names: a history of
 * hundreds of sentences tells of many attacks, each its own. */
#define MENTION_REACH 20

/* The interval the own dates of an event's mentions share, if any has one:
 * a mention joins only if its date overlaps it (and so each of theirs), so
 * that an undated mention between two does not join attacks of 1941 and
 * 1942. */
typedef struct mention_span {
    zs_lsec b, u;
    bool set;
} mention_span;

static void span_init(mention_span *s, const zs_event *e)
{
    *s = (mention_span){e->begin, e->until, e->has_interval};
}

static bool span_fits(const mention_span *s, const zs_event *e)
{
    return !s->set || !e->has_interval || (e->until > s->b && s->u > e->begin);
}

static void span_add(mention_span *s, const zs_event *e)
{
    if (!e->has_interval) return;
    if (!s->set) {
        span_init(s, e);
        return;
    }
    if (e->begin > s->b) s->b = e->begin;
    if (e->until < s->u) s->u = e->until;
}

/* Whether noun p and verb v are two events though they share a key: p is
 * planned and v told as past, or p demanded and v told as a fact
 * ("verlangte die Eroberung Moskaus ... eroberten"). */
static bool planned_apart(const zs_event *p, const zs_event *v)
{
    return p->noun && p->modality == ZS_MODAL_PLANNED && !v->noun &&
           v->modality == ZS_MODAL_ASSERTED && (v->past_form || p->demanded);
}

/* Whether event x is a noun, or a trigger English leaves open right after
 * a determiner ("the vote"). */
static bool named_noun(const zs_doc *d, const zs_event *x)
{
    if (x->noun) return true;
    const zs_entry *en = before_entry(d, x->t0, &d->sents[x->sent]);
    return en && en->attrs[0].sym && strcmp(en->attrs[0].sym, "det") == 0;
}

/* Lower-case words (adjectives) between a subject's article and its noun,
 * at most ("Ein derartiger runder Tisch"). */
#define SUBJECT_MODIFIERS 3

/* The noun of a subject whose article of lexicon lex stands at token i:
 * the first capitalized word after it and at most SUBJECT_MODIFIERS
 * lower-case words, before token end and no date; or UINT32_MAX. */
static uint32_t subject_noun(const zs_doc *d, uint32_t i, uint32_t end, uint32_t lex)
{
    if (i >= end || !d->toks[i].word || !zs_word_in(d->toks[i].word, lex, NULL)) return UINT32_MAX;
    for (uint32_t j = i + 1; j < end && j <= i + 1 + SUBJECT_MODIFIERS; j++) {
        const zs_token *n = &d->toks[j];
        if (n->kind != ZS_TOK_WORD || in_timex(d, j)) return UINT32_MAX;
        if (n->flags & ZS_TF_UPPER) return j;
    }
    return UINT32_MAX;
}

/* Moves event x, postponed or cancelled at the date it had, to timex k:
 * its anchor link is to k now, it is planned there (postponed), not
 * cancelled. */
static void moved_to(zs_doc *d, zs_event *x, int k)
{
    const char *old = d->timexes[x->time].id;
    for (size_t i = 0; i < d->ntlinks; i++) {
        zs_tlink *l = &d->tlinks[i];
        if (!strcmp(l->from, x->id) && !strcmp(l->to, old) && !strcmp(l->source, "anchor"))
            zs_copy_str(l->to, sizeof l->to, d->timexes[k].id);
    }
    x->has_interval = false;
    anchor(d, x, k);
    x->postponed = true;
    x->modality = ZS_MODAL_PLANNED;
}

/* The noun event light verb k mentions, once mentions are linked: the one
 * it is another mention of, else the noun after it in its sentence that
 * is another mention of it ("fand eine Diskussion statt"), or -1. */
static int light_noun(const zs_doc *d, size_t k)
{
    const zs_event *e = &d->events[k];
    if (e->coref >= 0) return e->coref;
    for (size_t j = k + 1; j < d->nevents && d->events[j].sent == e->sent; j++)
        if (d->events[j].coref == (int)k) return (int)j;
    return -1;
}

/* The subject of light verb e that is no event, in a language with an
 * article_subject lexicon (German): where no noun event stands before the
 * verb in its clause, the noun (subject_noun) of an article that opens the
 * clause ("Das Training findet jeden Dienstag statt", "Ein runder Tisch
 * soll jeden Montag stattfinden") or stands right after the verb ("Am
 * Freitag findet das Training statt"); its token, or UINT32_MAX. The verb
 * then names that thing's event, not a noun event told before. */
static uint32_t light_subject(const zs_doc *d, const zs_event *e)
{
    uint32_t lex = d->lang->lex_article;
    if (lex == UINT32_MAX) return UINT32_MAX;
    uint32_t c0, c1;
    clause_of(d, e->t0, &c0, &c1);
    /* a noun event before it in its clause is what it says takes place */
    size_t k = first_from(d->events, d->nevents, sizeof *d->events, offsetof(zs_event, t0), c0);
    for (; k < d->nevents && d->events[k].t0 < e->t0; k++)
        if (d->events[k].noun) return UINT32_MAX;
    uint32_t n = subject_noun(d, c0, e->t0, lex);
    if (n == UINT32_MAX) n = subject_noun(d, e->t1, c1, lex);
    if (n == UINT32_MAX) return n;
    /* nor one that is a trigger itself */
    k = first_from(d->events, d->nevents, sizeof *d->events, offsetof(zs_event, t0), n + 1);
    return k > 0 && d->events[k - 1].t1 > n ? UINT32_MAX : n;
}

/* The noun event after light verb k in its clause (clause_of) that no
 * signal names, where none stands
 * before it in that clause, or -1: in verb-second order the noun stands
 * between the verb and its particle ("fand am Mittwochabend eine
 * Diskussion statt"). */
static int light_noun_after(const zs_doc *d, size_t k)
{
    const zs_event *e = &d->events[k];
    uint32_t start, end;
    clause_of(d, e->t0, &start, &end);
    for (size_t i = k; i-- > 0 && d->events[i].t0 >= start;) { /* not if one
        stands before it: "The meeting took place in the conference hall" */
        const zs_event *x = &d->events[i];
        if (named_noun(d, x) && !x->signal_object && !x->light) return -1;
    }
    for (size_t i = k + 1; i < d->nevents && d->events[i].t0 < end; i++) {
        const zs_event *x = &d->events[i];
        if (x->light) break;
        if (named_noun(d, x) && !x->signal_object) return (int)i;
    }
    return -1;
}

/* Light verb k and the noun event n after it: n is another mention of k
 * (and so are the later mentions of n), or, where n is one of an earlier
 * event, k is one of that too. A date of the verb's is the noun's ("fand
 * am Mittwochabend ... statt"). */
static void light_join_after(zs_doc *d, size_t k, size_t n)
{
    zs_event *e = &d->events[k], *x = &d->events[n];
    if (x->coref >= 0) {
        e->coref = x->coref;
        add_tlink(d, e->id, d->events[x->coref].id, ZS_REL_IDENTITY, "coref");
    } else {
        for (size_t j = n + 1; j < d->nevents; j++)
            if (d->events[j].coref == (int)n) d->events[j].coref = (int)k;
        x->coref = (int)k;
        add_tlink(d, x->id, e->id, ZS_REL_IDENTITY, "coref");
    }
    if (e->time >= 0 && x->time < 0 && !x->has_interval) {
        anchor(d, x, e->time);
        add_tlink(d, x->id, d->timexes[x->time].id, ZS_REL_IS_INCLUDED, "anchor");
    }
}

static void link_mentions(zs_doc *d, const int *object_rel)
{
    int32_t *prev = zs_xmalloc((d->nevents + 1) * sizeof *prev);
    int32_t *prev_noun = zs_xmalloc((d->nevents + 1) * sizeof *prev_noun);
    same_key_chains(d, prev, prev_noun);
    /* per event named by mentions: the interval all their own dates share */
    mention_span *span = zs_xmalloc((d->nevents + 1) * sizeof *span);
    for (size_t k = 0; k < d->nevents; k++) span_init(&span[k], &d->events[k]);
    int *after = zs_xmalloc((d->nevents + 1) * sizeof *after); /* light_noun_after */
    for (size_t k = 0; k < d->nevents; k++) after[k] = -1;
    for (size_t k = 0; k < d->nevents; k++) {
        zs_event *e = &d->events[k];
        int j = -1;
        /* the noun after it in its clause first ("Am Mittwoch fand eine
           Diskussion statt"), once that noun's own mentions are known */
        if (e->light && (after[k] = light_noun_after(d, k)) >= 0) continue;
        uint32_t subject = e->light ? light_subject(d, e) : UINT32_MAX;
        if (subject != UINT32_MAX) { /* "Das Training findet ... statt": "Training" */
            const zs_token *t = &d->toks[subject];
            free(e->title);
            e->title = zs_xstrndup(d->text + t->b0, t->b1 - t->b0);
            continue;
        }
        if (e->light) {
            for (size_t i = k; i-- > 0 && j < 0;) {
                const zs_event *x = &d->events[i];
                if (e->sent - x->sent > 2) break;
                if (named_noun(d, x) && !x->signal_object && !x->light) j = (int)i;
            }
        } else if (!(e->noun && (indefinite_phrase(d, e) ||
                                 before_noun(d, e, d->lang->lex_event_new))) &&
                   object_rel[k] != ZS_REL_INCLUDES) { /* a support verb is its
                                                         object's mention */
            /* a verb is no other mention of a verb: two "said", two events */
            int32_t *chain = e->noun ? prev : prev_noun;
            for (int32_t i = chain[k]; i >= 0 && j < 0 && e->cls != ZS_EC_REPORTING; i = chain[i]) {
                const zs_event *x = &d->events[i];
                if (e->sent - x->sent > MENTION_REACH) break;
                if (!e->bare && strcmp(x->title, e->title) != 0) continue;
                if (!span_fits(&span[x->coref >= 0 ? x->coref : i], e)) continue;
                if (planned_apart(e, x) || planned_apart(x, e)) continue;
                j = (int)i;
            }
        }
        if (j < 0) continue;
        zs_event *x = &d->events[j];
        e->coref = x->coref >= 0 ? x->coref : j;
        add_tlink(d, e->id, x->id, ZS_REL_IDENTITY, "coref");
        if (e->light && e->time >= 0 && x->time < 0 && !x->has_interval) {
            /* "Der Gipfel findet am 24. Oktober statt": the noun's date */
            anchor(d, x, e->time);
            add_tlink(d, x->id, d->timexes[x->time].id, ZS_REL_IS_INCLUDED, "anchor");
            span_add(&span[e->coref], x);
        } else if (e->light && e->has_interval && x->time >= 0 && x->time != e->time &&
                   x->status_by >= 0 && !x->postponed && e->modality != ZS_MODAL_CANCELLED) {
            /* an event moved or called off, then told again as planned at a
               date of its own, takes place then ("wurde verschoben. Sie
               soll nun am 8. November stattfinden", "was postponed. It
               will now take place on May 30"): its old date was the plan's */
            moved_to(d, x, e->time);
            span_init(&span[e->coref], x);
        }
        span_add(&span[e->coref], e);
    }
    for (size_t k = 0; k < d->nevents; k++)
        if (after[k] >= 0) light_join_after(d, k, (size_t)after[k]);
    free(after);
    free(span);
    free(prev);
    free(prev_noun);
    headline_mentions(d);
}

/* The tense cue nearest to e: a past one (zs_past_cue) or one of
 * tense_future in its clause, else within reach in its sentence. A verb
 * takes only its own form or an auxiliary of the past in its clause
 * ("sagte", "hatten ... telefoniert"), not the tense of another verb near
 * it. Returns +1 future, -1 past, 0 none. */
#define TENSE_REACH 6
static int tense_of(const zs_doc *d, const zs_event *e, uint32_t *cue)
{
    const zs_lang *L = d->lang;
    const zs_sentence *s = &d->sents[e->sent];
    uint32_t c0, c1;
    clause_of(d, e->t0, &c0, &c1);
    for (uint32_t dist = e->noun ? 1 : 0; dist <= ZS_CLAUSE_WINDOW; dist++) {
        for (int side = 0; side < (dist ? 2 : 1); side++) {
            int64_t i = side ? (int64_t)e->t1 - 1 + dist : (int64_t)e->t0 - dist; /* 0: the verb */
            if (i < s->t0 || i >= s->t1) continue;
            bool in_clause = i >= c0 && i < c1;
            if (!in_clause && dist > TENSE_REACH) continue;
            const zs_word *w = d->toks[i].word;
            if (!w) continue;
            int t = 0;
            if (!e->noun && dist > 0 && !(in_clause && zs_past_aux(d, (uint32_t)i)))
                continue; /* a verb's tense is its own or its auxiliary's */
            if (zs_past_cue(d, (uint32_t)i)) t = -1;
            else if (future_word(L, w)) t = 1;
            if (!t) continue;
            *cue = (uint32_t)i;
            return t;
        }
    }
    return 0;
}

/* The relation to the publication time that the trigger's lexicon entry
 * gives ("dct=INCLUDES": "is", "holds"), for an event without a tense cue. */
static bool trigger_dct(const zs_event *e, zs_relkind *rel)
{
    if (!e->entry) return false;
    const zs_attr *a = zs_entry_attr(e->entry, "dct");
    int r = a ? zs_rel_from_name(a->sym) : -1;
    if (r < 0) return false;
    *rel = (zs_relkind)r;
    return true;
}

/* Whether verb event e has a tense of its own that is not a past one: an
 * infinitive or a present participle ("to meet", "killing"), or a simple
 * or progressive present ("says", "is meeting"). Tense cues and modality
 * near such a verb belong to another verb: in TimeBank only 2% of the
 * infinitives and 12% of the present participles are related to the
 * publication time at all, and present verbs mostly as including or
 * included, so a cue's BEFORE or AFTER is rarely right. */
static bool not_past_verb(const zs_event *e)
{
    return !e->noun && (e->tense == ZS_TENSE_INFINITIVE || e->tense == ZS_TENSE_PRESPART ||
                        (e->tense == ZS_TENSE_PRESENT && (e->aspect == ZS_ASPECT_NONE ||
                                                          e->aspect == ZS_ASPECT_PROGRESSIVE)));
}

/* Event - publication time from modality and tense: a planned event lies
 * after it ("soll ... stattfinden"; not a verb in a past form: "said ...
 * will"; nor one a past report plans, "said he would travel"; nor a perfect, which its tense relates: "has agreed to"; nor,
 * where lang.zt says "nouns untensed", a noun: TimeBank's closure puts 13
 * of 119 such nouns and 0 of 19 such perfects after it), one told in the
 * past before it, one in the present progressive includes it; one without
 * a tense cue stands as its trigger's lexicon entry says ("dct=INCLUDES").
 * Only for events without a time of their own; not for a noun with an
 * indefinite article ("für eine Begegnung"), which need not have happened,
 * nor for one named again ("Der Besuch war ... angekündigt worden"), whose
 * time the clause does not tell; for no noun at all in a language whose
 * lang.zt says "nouns untensed". */
static void relate_to_dct(zs_doc *d)
{
    const zs_lang *L = d->lang;
    for (size_t k = 0; k < d->nevents; k++) {
        const zs_event *e = &d->events[k];
        if (e->ongoing) { /* "ermitteln seit Jahresbeginn": still at the publication */
            add_tlink(d, e->id, "t0", ZS_REL_INCLUDES, "ongoing");
            continue;
        }
        if (e->time >= 0 || e->modality == ZS_MODAL_POSSIBLE || e->modality == ZS_MODAL_CANCELLED ||
            e->signal_object)
            continue;
        if (e->modality == ZS_MODAL_PLANNED && e->noun && e->reported_plan) continue;
        if (planned_ahead(L, e)) {
            if (!not_past_verb(e)) add_tlink(d, e->id, "t0", ZS_REL_AFTER, "modality:planned");
            continue;
        }
        if (e->noun && (L->nouns_untensed || before_noun(d, e, L->lex_article_indef) ||
                        anaphoric(d, k)))
            continue;
        uint32_t cue = e->t0;
        int t = tense_of(d, e, &cue);
        if (e->past_form && t >= 0) { /* its verb group is in the past: "said" */
            t = -1;
            cue = e->t0;
        }
        /* as its trigger's entry says, if at all; so too a verb whose group
           has no tense ("did not withdraw", "had to review"): TimeBank
           relates 1 of 26 such verbs as the nearest cue says */
        if (t != 0 && (not_past_verb(e) || (!e->noun && e->tense == ZS_TENSE_NONE))) {
            t = 0;
            cue = e->t0;
        }
        zs_relkind rel = ZS_REL_BEFORE;
        if (t == 0 && !e->noun && e->tense == ZS_TENSE_PRESENT &&
            e->aspect == ZS_ASPECT_PROGRESSIVE) {
            /* "is meeting" goes on: in TimeBank a present progressive
               includes the publication time in most of its links to it */
            add_tlink(d, e->id, "t0", ZS_REL_INCLUDES, "tense:progressive");
            continue;
        }
        if (t == 0 && !e->noun && e->tense == ZS_TENSE_PRESENT && e->aspect == ZS_ASPECT_NONE &&
            e->cls == ZS_EC_I_STATE && !trigger_dct(e, &rel)) {
            /* a belief or wish in the simple present holds at the
               publication time ("believes", "wants"): so TimeBank relates
               32 of the 55 such verbs it relates to it at all (AQUAINT 25
               of 42); STATE verbs as well gain AQUAINT 0.02 and lose
               TimeBank 0.05 in task C F1 */
            add_tlink(d, e->id, "t0", ZS_REL_INCLUDES, "tense:present");
            continue;
        }
        if (t > 0 || (t == 0 && !trigger_dct(e, &rel))) continue;
        /* a state in the simple past ("was", "believed") may hold still:
           TimeBank's closure has 11 of 80 such verbs before the publication
           time; where tlinks.zt has the table, its dct keys decide */
        if (rel == ZS_REL_BEFORE && L->lex_tlink_pair != UINT32_MAX && !e->noun &&
            e->tense == ZS_TENSE_PAST && e->aspect == ZS_ASPECT_NONE &&
            (e->cls == ZS_EC_STATE || e->cls == ZS_EC_I_STATE))
            continue;
        char source[32];
        snprintf(source, sizeof source, "tense:%.*s", (int)d->toks[cue].fold_len, zs_tok_fold(d, cue));
        add_tlink(d, e->id, "t0", rel, source);
    }
}

/* Whether event e is of a class whose object an event is ("began
 * killing", "tried using", "feared losing"). */
static bool takes_argument(const zs_event *e)
{
    return e->cls == ZS_EC_ASPECTUAL || e->cls == ZS_EC_I_ACTION || e->cls == ZS_EC_I_STATE;
}

/* Two verb events one right after the other in a sentence, neither a
 * report: a past one and a present participle happen together ("exploded
 * ..., killing dozens"; not where the participle is the object of an
 * aspectual or intensional verb, "began killing": TimeBank's closure has
 * none of 30 such pairs simultaneous), one before a future one comes first ("agreed ...
 * and will meet"). Only these pairs: for others TimeBank's relations are
 * too mixed (no relation is right for as many as one in seven pairs). */
static void relate_adjacent(zs_doc *d)
{
    for (size_t k = 0; k + 1 < d->nevents; k++) {
        const zs_event *a = &d->events[k], *b = &d->events[k + 1];
        if (a->sent != b->sent || a->noun || b->noun || a->cls == ZS_EC_REPORTING ||
            b->cls == ZS_EC_REPORTING || b->coref == (int)k || /* "the vote will take place" */
            b->signal_object) /* "voted ... after a hearing": the signal's */
            continue;
        if (a->tense == ZS_TENSE_PAST && b->tense == ZS_TENSE_PRESPART && !takes_argument(a))
            add_tlink(d, a->id, b->id, ZS_REL_SIMULTANEOUS, "adjacent");
        else if (b->tense == ZS_TENSE_FUTURE)
            add_tlink(d, a->id, b->id, ZS_REL_BEFORE, "adjacent");
    }
}

/* The fields of a pair of neighbouring events that tlink_pair (tlinks.zt)
 * is keyed by: what stands between them (the gap), then each event's form
 * ("noun", else its verb's tense: "past", "infinitive", ...) and class. */
enum { PAIR_GAP_FIELD, PAIR_A_FORM, PAIR_A_CLASS, PAIR_B_FORM, PAIR_B_CLASS, PAIR_NFIELDS };

/* Gaps longer than this many tokens (without punctuation) are "far". */
#define PAIR_NEAR 3

/* The pair_word kind of token i ("infinitive" for "to"), or NULL. */
static const char *pair_word(const zs_doc *d, uint32_t i)
{
    const zs_word *w = d->toks[i].word;
    const zs_entry *e;
    if (!w || d->lang->lex_pair_word == UINT32_MAX || !zs_word_in(w, d->lang->lex_pair_word, &e) ||
        !e->nattrs || !e->attrs[0].sym)
        return NULL;
    return e->attrs[0].sym;
}

static bool is_kind(const char *kind, const char *name)
{
    return kind && strcmp(kind, name) == 0;
}

/* What stands between events a and b, b the next event after a: nothing
 * ("none": "peace talks"), a word of pair_word's coordination alone or
 * after a comma ("coordination": "talks and meetings"), a comma ("comma")
 * or other punctuation ("punct"), else by pair_word, the word right
 * before b ("infinitive": "agreed to meet") or the one right after a
 * ("relative": "said that", "the attack that killed"; "preposition":
 * "the end of the war"), else a few words ("near": "approved the merger")
 * or more ("far"). */
static const char *pair_gap(const zs_doc *d, const zs_event *a, const zs_event *b)
{
    uint32_t g0 = a->t1, g1 = b->t0;
    if (g1 <= g0) return "none";
    bool comma = false, punct = false;
    for (uint32_t i = g0; i < g1; i++) {
        if (d->toks[i].kind != ZS_TOK_PUNCT) continue;
        if (zs_tok_comma(d, i)) comma = true;
        else punct = true;
    }
    const char *last = pair_word(d, g1 - 1), *first = pair_word(d, g0);
    if (is_kind(last, "coordination") && !punct && (g1 - g0 == 1 || (g1 - g0 == 2 && comma)))
        return "coordination";
    if (punct) return "punct";
    if (comma) return "comma";
    if (is_kind(last, "infinitive")) return "infinitive";
    if (is_kind(first, "relative")) return "relative";
    if (is_kind(first, "preposition")) return "preposition";
    return g1 - g0 <= PAIR_NEAR ? "near" : "far";
}

static const char *const pair_forms[] = {"none", "past", "present", "future", "infinitive",
                                         "prespart", "pastpart"};
static const char *const pair_classes[] = {"occurrence", "reporting", "state", "iaction",
                                           "istate", "aspectual", "perception"};

/* An event's form field: "noun", or its verb's tense ("past"). */
static const char *pair_form(const zs_event *e)
{
    if (e->noun) return "noun";
    return (unsigned)e->tense < sizeof pair_forms / sizeof *pair_forms ? pair_forms[e->tense]
                                                                        : "none";
}

static const char *pair_class(const zs_event *e)
{
    return (unsigned)e->cls < sizeof pair_classes / sizeof *pair_classes ? pair_classes[e->cls]
                                                                          : "occurrence";
}

bool zs_pair_fields(const zs_doc *d, size_t k, const char *f[ZS_PAIR_FIELDS])
{
    if (k + 1 >= d->nevents) return false;
    const zs_event *a = &d->events[k], *b = &d->events[k + 1];
    if (a->sent != b->sent) return false;
    f[PAIR_GAP_FIELD] = pair_gap(d, a, b);
    f[PAIR_A_FORM] = pair_form(a);
    f[PAIR_A_CLASS] = pair_class(a);
    f[PAIR_B_FORM] = pair_form(b);
    f[PAIR_B_CLASS] = pair_class(b);
    return true;
}

/* The id of word s in the language, or UINT32_MAX. */
static uint32_t word_id(const zs_lang *L, const char *s)
{
    const zs_word *w = zs_lang_word(L, s, strlen(s));
    return w ? w->id : UINT32_MAX;
}

/* The word ids of the field values, looked up once per doc. */
#define PAIR_NGAPS 9
static const char *const pair_gaps[PAIR_NGAPS] = {"none", "coordination", "comma", "punct",
                                                  "infinitive", "relative", "preposition",
                                                  "near", "far"};
typedef struct pair_ids {
    const zs_word *gap[PAIR_NGAPS];
    uint32_t form[sizeof pair_forms / sizeof *pair_forms];
    uint32_t cls[sizeof pair_classes / sizeof *pair_classes];
    uint32_t noun, verb, any;
} pair_ids;

static void pair_ids_init(const zs_lang *L, pair_ids *ids)
{
    for (int i = 0; i < PAIR_NGAPS; i++)
        ids->gap[i] = zs_lang_word(L, pair_gaps[i], strlen(pair_gaps[i]));
    for (size_t i = 0; i < sizeof pair_forms / sizeof *pair_forms; i++)
        ids->form[i] = word_id(L, pair_forms[i]);
    for (size_t i = 0; i < sizeof pair_classes / sizeof *pair_classes; i++)
        ids->cls[i] = word_id(L, pair_classes[i]);
    ids->noun = word_id(L, "noun");
    ids->verb = word_id(L, "verb");
    ids->any = word_id(L, "any");
}

/* The id of an event's form field and of its part of speech. */
static uint32_t form_id(const pair_ids *ids, const zs_event *e, bool pos)
{
    if (e->noun) return ids->noun;
    if (pos) return ids->verb;
    return (unsigned)e->tense < sizeof ids->form / sizeof *ids->form ? ids->form[e->tense]
                                                                      : ids->form[0];
}

static uint32_t class_id(const pair_ids *ids, const zs_event *e)
{
    return (unsigned)e->cls < sizeof ids->cls / sizeof *ids->cls ? ids->cls[e->cls] : ids->cls[0];
}

/* The tlink_pair entry for the pair of events a and b with gap gap, from
 * the most specific key to the least: gap, forms and classes; gap and
 * forms ("any" for the classes); gap, "verb" or "noun" for the forms, and
 * classes; gap and "verb" or "noun" alone. The first entry found decides:
 * its relation, or none if its value is no relation ("NONE"). Returns the
 * relation or -1. */
static int pair_rel(const zs_doc *d, const pair_ids *ids, const char *gap, const zs_event *a,
                    const zs_event *b)
{
    const zs_lang *L = d->lang;
    const zs_word *g = NULL;
    for (int i = 0; i < PAIR_NGAPS && !g; i++)
        if (strcmp(pair_gaps[i], gap) == 0) g = ids->gap[i];
    if (!g) return -1;
    uint32_t fa = form_id(ids, a, false), fb = form_id(ids, b, false);
    uint32_t pa = form_id(ids, a, true), pb = form_id(ids, b, true);
    uint32_t ca = class_id(ids, a), cb = class_id(ids, b);
    const uint32_t keys[4][4] = {{fa, ca, fb, cb},
                                 {fa, ids->any, fb, ids->any},
                                 {pa, ca, pb, cb},
                                 {pa, ids->any, pb, ids->any}};
    for (int level = 0; level < 4; level++)
        for (uint32_t i = 0; i < g->nstarts; i++) {
            const zs_entry *e = g->starts[i];
            if (e->lex != L->lex_tlink_pair || e->ntok != 5 ||
                memcmp(e->words + 1, keys[level], sizeof keys[level]) != 0)
                continue;
            return e->nattrs && !e->attrs[0].key && e->attrs[0].sym
                       ? zs_rel_from_name(e->attrs[0].sym)
                       : -1;
        }
    return -1;
}

static int cmp_u64(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return (a > b) - (a < b);
}

/* The relation a tlink_object entry names (INCLUDES, BEFORE, AFTER), or
 * -1. */
static int entry_rel(const zs_entry *en)
{
    return en->nattrs && !en->attrs[0].key && en->attrs[0].sym ? zs_rel_from_name(en->attrs[0].sym)
                                                               : -1;
}

/* The kind object_gap gives token i's word ("preposition", "result",
 * "genitive"), or NULL. */
static const char *gap_kind(const zs_doc *d, uint32_t i)
{
    const zs_word *w = d->toks[i].word;
    const zs_entry *e;
    uint32_t lex = d->lang->lex_object_gap;
    if (!w || lex == UINT32_MAX || !zs_word_in(w, lex, &e) || !e->nattrs || !e->attrs[0].sym)
        return NULL;
    return e->attrs[0].sym;
}

/* The preposition or result word that opens the prepositional phrase
 * the noun at token n stands in, at from or later, or UINT32_MAX: back
 * from it over lower-case words (its articles and adjectives: "zu den
 * Gesprächen") and a capitalized word that a genitive word follows ("am
 * Rande des Gipfels"), a preposition or result word of object_gap; a
 * capitalized word before that ends the search ("in Wien Gespräche", "am
 * Montag Gespräche"). */
static uint32_t phrase_start(const zs_doc *d, uint32_t from, uint32_t n)
{
    for (uint32_t i = n; i-- > from;) {
        const char *kind = gap_kind(d, i);
        if (is_kind(kind, "preposition") || is_kind(kind, "result")) return i;
        const zs_token *t = &d->toks[i];
        if (t->kind == ZS_TOK_PUNCT) return UINT32_MAX;
        if (t->kind == ZS_TOK_WORD && (t->flags & ZS_TF_UPPER) &&
            !is_kind(gap_kind(d, i + 1), "genitive"))
            return UINT32_MAX;
    }
    return UINT32_MAX;
}

/* Whether the noun at token n stands in a prepositional phrase that
 * starts at from or later (phrase_start). */
static bool in_phrase(const zs_doc *d, uint32_t from, uint32_t n)
{
    return phrase_start(d, from, n) != UINT32_MAX;
}

/* Whether verb event a ends its clause [.., c1) or the part of it up to
 * punctuation, but for words of verb_aux after it ("Gespräche geführt
 * hatten", "geführt werden sollen"). */
static bool ends_clause(const zs_doc *d, const zs_event *a, uint32_t c1)
{
    for (uint32_t i = a->t1; i < c1 && d->toks[i].kind != ZS_TOK_PUNCT; i++) {
        const zs_word *w = d->toks[i].word;
        uint32_t lex = d->lang->lex_verb_aux;
        if (!w || lex == UINT32_MAX || !zs_word_in(w, lex, NULL)) return false;
    }
    return true;
}

/* The tlink_object entry that starts at verb event a (up to token lim,
 * *end after it), or NULL; a separable verb's by its joined lemma ("hielt
 * ... ab": "abhalten", "führte ... durch": "durchführen"; "führte ...
 * ein", "einführen", has none: no support verb "führen"). */
static const zs_entry *object_entry(const zs_doc *d, const zs_event *a, uint32_t lim,
                                    uint32_t *end)
{
    const zs_lang *L = d->lang;
    if (!a->entry || !zs_entry_attr(a->entry, "particle"))
        return zs_entry_at(d, a->t0, lim, L->lex_tlink_object, end);
    const zs_word *w = zs_lang_word(L, a->lemma, strlen(a->lemma));
    const zs_entry *en;
    if (!w || !zs_word_in(w, L->lex_tlink_object, &en)) return NULL;
    *end = a->t1;
    return en;
}

/* The tlink_object entry of two tokens that verb event a and the result
 * word of object_gap opening the phrase of the noun event b before it
 * make ("zu Protesten führten", "Zu Streiks führte ...": "führten zu",
 * "führte zu"), or NULL: b is a noun of a's clause from c0, after the
 * result word and lower-case words only ("zu heftigen Protesten"), and
 * between b and a stand lower-case words of no object_gap kind and no
 * coordination, adverbs ("zu Protesten schließlich führten"), only where
 * a ends its clause. */
static const zs_entry *result_entry(const zs_doc *d, const zs_event *a, const zs_event *b,
                                    uint32_t c0, uint32_t c1)
{
    if (!b->noun || b->t0 < c0 || b->sent != a->sent || b->t1 > a->t0) return NULL;
    bool final = b->t1 == a->t0 || ends_clause(d, a, c1);
    for (uint32_t i = b->t1; i < a->t0; i++) {
        const zs_token *t = &d->toks[i];
        if (!final || t->kind != ZS_TOK_WORD || (t->flags & ZS_TF_UPPER) || gap_kind(d, i) ||
            is_kind(pair_word(d, i), "coordination"))
            return NULL;
    }
    uint32_t r = b->t0;
    for (;;) {
        if (r == c0) return NULL;
        const zs_token *t = &d->toks[--r];
        const char *kind = gap_kind(d, r);
        if (is_kind(kind, "result")) break;
        if (t->kind != ZS_TOK_WORD || (t->flags & ZS_TF_UPPER) || is_kind(kind, "preposition"))
            return NULL;
    }
    const zs_word *v = d->toks[a->t0].word, *w = d->toks[r].word;
    if (!v || !w) return NULL;
    for (uint32_t i = 0; i < v->nlong; i++) {
        const zs_entry *en = v->starts[i];
        if (en->lex == d->lang->lex_tlink_object && en->ntok == 2 && en->words[1] == w->id)
            return en;
    }
    return NULL;
}

/* Whether the noun at token n is the genitive attribute of a noun before
 * it: a genitive word of object_gap before it, after lower-case words at
 * most (its adjectives), and a capitalized word right before that ("eine
 * Ausweitung des Krieges gefordert": the object is the widening, not the
 * war). */
static bool genitive_attribute(const zs_doc *d, uint32_t n)
{
    uint32_t i = n;
    while (i > 0 && n - i < 3 && !gap_kind(d, i - 1) && d->toks[i - 1].kind == ZS_TOK_WORD &&
           !(d->toks[i - 1].flags & ZS_TF_UPPER))
        i--;
    return i >= 2 && is_kind(gap_kind(d, i - 1), "genitive") && d->toks[i - 2].kind == ZS_TOK_WORD &&
           (d->toks[i - 2].flags & ZS_TF_UPPER);
}

/* Whether token p is the word the prep= attribute of tlink_object entry
 * en names, or a word of the object_gap kind it names ("prep=result":
 * "zu", "zum", "zur"). */
static bool named_prep(const zs_doc *d, const zs_entry *en, uint32_t p)
{
    const zs_attr *a = zs_entry_attr(en, "prep");
    if (!a || !a->sym) return false;
    return tok_is(d, p, a->sym) || is_kind(gap_kind(d, p), a->sym);
}

/* The object of verb event k in a language whose lang.zt says "objects
 * clause" (German): a noun before it in a phrase of a result word, by the
 * entry of the verb and that word (result_entry: "Zu Protesten führte
 * ...", "zu Protesten führten"); else by the tlink_object entry that
 * starts at the verb (to the clause's end) the next event, a noun of its
 * clause with no punctuation between, in no prepositional phrase
 * (in_phrase) unless the entry names its preposition ("führte zu
 * Protesten"); else, for a verb
 * alone that ends its clause, the event before it, a noun of its clause
 * in no prepositional phrase, with nothing between them, a phrase that
 * starts with a preposition ("Gespräche geführt", "Gespräche mit Polen
 * geführt") or lower-case words of no object_gap kind, adverbs ("den
 * Anschlag scharf verurteilt", not "dass der Angriff die Stadt traf"), and
 * dates ("die Reise Mitte Januar angekündigt"), and
 * no result word but the one right before the verb ("Gespräche zu
 * führen", not "die Gespräche zu nichts führten"); else -1. */
static int clause_object(const zs_doc *d, size_t k, const zs_entry **entry)
{
    const zs_event *a = &d->events[k];
    uint32_t c0, c1, end;
    clause_of(d, a->t0, &c0, &c1);
    const zs_entry *en = object_entry(d, a, c1, &end);
    if (!en || end < a->t1) return -1;
    if (en->ntok == 1 && k > 0 && !zs_entry_attr(a->entry, "particle")) {
        const zs_entry *r = result_entry(d, a, &d->events[k - 1], c0, c1);
        if (r) {
            *entry = r;
            return (int)k - 1;
        }
    }
    *entry = en;
    if (k + 1 < d->nevents) {
        const zs_event *b = &d->events[k + 1];
        bool ok = b->noun && b->t0 < c1 && b->sent == a->sent && b->t0 >= end &&
                  !genitive_attribute(d, b->t0);
        /* no punctuation between, and no conjunction right after the
           verb, which ends its part of the clause there ("war für Mai
           angesetzt und begann mit einer Woche Verspätung") */
        const zs_word *w = end < b->t0 ? d->toks[end].word : NULL;
        if (w && d->lang->lex_clause_join != UINT32_MAX && zs_word_in(w, d->lang->lex_clause_join, NULL))
            ok = false;
        for (uint32_t i = end; i < b->t0 && ok; i++) ok = d->toks[i].kind != ZS_TOK_PUNCT;
        /* a phrase of the preposition the entry names, away from the
           verb ("reagierte am Mittwoch auf die Proteste": prep=auf) */
        uint32_t p = ok ? phrase_start(d, end, b->t0) : UINT32_MAX;
        if (ok && (p == UINT32_MAX || named_prep(d, en, p))) return (int)k + 1;
    }
    if (k == 0 || en->ntok != 1 || !ends_clause(d, a, c1)) return -1;
    const zs_event *b = &d->events[k - 1];
    if (!b->noun || b->t0 < c0 || b->sent != a->sent || in_phrase(d, c0, b->t0) ||
        genitive_attribute(d, b->t0))
        return -1;
    /* a phrase after the noun, or adverbs: lower-case words of no
       object_gap kind ("den Anschlag scharf verurteilt", not "dass der
       Angriff die Stadt traf") */
    bool phrase = b->t1 < a->t0 && is_kind(gap_kind(d, b->t1), "preposition");
    for (uint32_t i = b->t1; i < a->t0; i++) {
        const zs_token *t = &d->toks[i];
        if (in_timex(d, i)) continue; /* "die Reise Mitte Januar angekündigt" */
        const char *kind = gap_kind(d, i);
        if (t->kind == ZS_TOK_PUNCT || (i + 1 < a->t0 && is_kind(kind, "result"))) return -1;
        if (!phrase && i + 1 < a->t0 &&
            (t->kind != ZS_TOK_WORD || (t->flags & ZS_TF_UPPER) || kind ||
             (t->word && zs_word_in(t->word, d->lang->lex_article_indef, NULL))))
            return -1;
        if (!phrase && i + 1 == a->t0 && kind && !is_kind(kind, "result")) return -1;
    }
    return (int)k - 1;
}

/* The object of verb event k, for a tlink_object entry that says clause=
 * (a plan verb, German "fordern ... = BEFORE plan=yes clause=plan_clause"),
 * in the clause right after its own, after a comma: the first verb event
 * of that clause where a word of the lexicon the attribute names opens it
 * ("verlangte am Montag, dass die Sanktionen verlängert werden") or, that
 * verb an infinitive that ends it, an infinitive clause ("kündigte am
 * Montag an, die Sanktionen zu verlängern"); else -1. In a language
 * whose objects follow their verb (no "objects clause" in lang.zt) the
 * word of that lexicon stands right after the verb, or after its date and
 * the word before that ("demanded that the sanctions be extended",
 * "demanded on Monday that ..."; not "demanded the money that he owed"),
 * and opens the clause. *entry is the verb's entry, *from the first token
 * of the clause. */
static int complement_verb(const zs_doc *d, const tok_index *ix, size_t k, const zs_entry **entry,
                           uint32_t *from)
{
    const zs_event *a = &d->events[k];
    uint32_t c0, c1, end;
    clause_of(d, a->t0, &c0, &c1);
    const zs_entry *en = object_entry(d, a, c1, &end);
    const zs_attr *cl = en ? zs_entry_attr(en, "clause") : NULL;
    if (!cl || end < a->t1) return -1;
    uint32_t open; /* the token that opens the named clause */
    if (d->lang->objects_clause) {
        if (c1 + 1 >= d->sents[a->sent].t1 || !zs_tok_comma(d, c1)) return -1;
        open = c1 + 1;
    } else {
        open = end;
        if (open < c1 && !has_word_in(d, open, open + 1, (uint32_t)cl->num)) { /* past "on Monday" */
            if (open + 1 < c1 && ix->cover[open + 1] >= 0) open++;
            if (ix->cover[open] >= 0) open = (uint32_t)d->timexes[ix->cover[open]].t1;
        }
        if (open >= c1) return -1;
    }
    bool opened = has_word_in(d, open, open + 1, (uint32_t)cl->num);
    if (!opened && !d->lang->objects_clause) return -1;
    uint32_t n0, n1;
    clause_of(d, open, &n0, &n1);
    for (size_t j = k + 1; j < d->nevents && d->events[j].t0 < n1; j++) {
        const zs_event *b = &d->events[j];
        if (b->noun || b->t0 < n0) continue;
        if (!opened && (b->tense != ZS_TENSE_INFINITIVE || !ends_clause(d, b, n1))) return -1;
        *entry = en;
        *from = open;
        return (int)j;
    }
    return -1;
}

/* The object of verb event k, a noun event, or -1, and *rel the relation
 * of the verb to it by the tlink_object entry (a verb, or a verb and its
 * particle: "led to") that starts at the verb: the noun event right after
 * it (at most PAIR_NEAR words between them, no punctuation and no
 * preposition first: "made a decision", "led to the deaths", not "caused
 * by the storm"), or in a language whose lang.zt says "objects clause"
 * the one clause_object finds. A support verb includes the event its
 * object names ("conducted a search"), a causative verb comes before it
 * ("provoked violence"), a reaction after it ("condemned the bombing"). */
static int object_of(const zs_doc *d, size_t k, int *rel, bool *plan)
{
    const zs_event *a = &d->events[k];
    if (a->noun || d->lang->lex_tlink_object == UINT32_MAX) return -1;
    const zs_entry *en = NULL;
    int o;
    if (d->lang->objects_clause) {
        o = clause_object(d, k, &en);
    } else {
        if (k + 1 >= d->nevents) return -1;
        const zs_event *b = &d->events[k + 1];
        if (!b->noun || a->sent != b->sent) return -1;
        uint32_t end;
        en = object_entry(d, a, b->t0, &end);
        if (!en || end < a->t1 || b->t0 - end > PAIR_NEAR) return -1;
        if (end < b->t0 && is_kind(pair_word(d, end), "preposition")) return -1;
        for (uint32_t i = end; i < b->t0; i++)
            if (d->toks[i].kind == ZS_TOK_PUNCT) return -1;
        o = (int)k + 1;
    }
    if (o < 0 || (*rel = entry_rel(en)) < 0) return -1;
    if (plan) *plan = zs_entry_attr(en, "plan") != NULL;
    return o;
}

/* Each verb of tlink_object and its object (object[k], object_of; by
 * relation object_rel[k]), unless another source has related them. Source
 * "object". */
static void relate_objects(zs_doc *d, const int *object, const int *object_rel)
{
    if (d->lang->lex_tlink_object == UINT32_MAX) return;
    for (size_t k = 0; k < d->nevents; k++) {
        int rel = object_rel[k], o = object[k];
        if (o < 0) continue;
        const zs_event *a = &d->events[k], *b = &d->events[o];
        /* with words between them, two dates of their own or a noun named
           before may be another event ("unternahm von Juni bis November
           mehrere Großangriffe"): no link */
        bool ok = !d->lang->objects_clause ||
                  ((a->time < 0 || b->time < 0 || a->time == b->time) &&
                   (b->coref < 0 || b->coref == (int)k));
        for (size_t i = 0; i < d->ntlinks && ok; i++) {
            const zs_tlink *l = &d->tlinks[i];
            ok = !((strcmp(l->from, a->id) == 0 && strcmp(l->to, b->id) == 0) ||
                   (strcmp(l->from, b->id) == 0 && strcmp(l->to, a->id) == 0));
        }
        if (ok) add_tlink(d, a->id, b->id, (zs_relkind)rel, "object");
    }
}

/* Two events next to each other in a sentence (no event between them) that
 * no other source has related, by the relation tlink_pair gives the fields
 * of the pair (derive_tlinks.py: the one TimeBank's closed gold gives such
 * pairs most often, where that is right often enough). Source
 * "pair:GAP". */
static void relate_pairs(zs_doc *d)
{
    const zs_lang *L = d->lang;
    if (L->lex_tlink_pair == UINT32_MAX || d->nevents < 2) return;
    /* the event pairs linked already, (lower << 32 | higher), sorted */
    uint64_t *linked = zs_xmalloc((d->ntlinks + 1) * sizeof *linked);
    size_t nl = 0;
    int base = 1 + (int)d->ntimexes;
    for (size_t i = 0; i < d->ntlinks; i++) {
        int a = zs_node_of(d, d->tlinks[i].from), b = zs_node_of(d, d->tlinks[i].to);
        if (a < base || b < base) continue;
        uint64_t x = (uint64_t)(a - base), y = (uint64_t)(b - base);
        linked[nl++] = x < y ? x << 32 | y : y << 32 | x;
    }
    qsort(linked, nl, sizeof *linked, cmp_u64);
    pair_ids ids;
    pair_ids_init(L, &ids);
    for (size_t k = 0; k + 1 < d->nevents; k++) {
        const zs_event *a = &d->events[k], *b = &d->events[k + 1];
        uint64_t key = (uint64_t)k << 32 | (k + 1);
        if (a->sent != b->sent || bsearch(&key, linked, nl, sizeof *linked, cmp_u64)) continue;
        const char *gap = pair_gap(d, a, b);
        int rel = pair_rel(d, &ids, gap, a, b);
        if (rel < 0) continue;
        char source[32];
        snprintf(source, sizeof source, "pair:%s", gap);
        add_tlink(d, d->events[k].id, d->events[k + 1].id, (zs_relkind)rel, source);
    }
    free(linked);
}

void zs_event_fields(const zs_event *e, const char **form, const char **cls)
{
    *form = pair_form(e);
    *cls = pair_class(e);
}

/* Whether an event within a timex may lie before the publication time (or
 * after it), by the timex's relation r to it (relate_times), -1 if none:
 * the timex starts before it (ends after it). */
static bool room_by_dct(int r, bool after)
{
    if (r < 0) return true;
    if (after)
        return r == ZS_REL_AFTER || r == ZS_REL_INCLUDES || r == ZS_REL_IAFTER ||
               r == ZS_REL_BEGUN_BY || r == ZS_REL_OVERLAP;
    return r == ZS_REL_BEFORE || r == ZS_REL_INCLUDES || r == ZS_REL_IBEFORE ||
           r == ZS_REL_ENDED_BY || r == ZS_REL_OVERLAP;
}

/* An event that no other source relates to the publication time, by the
 * relation tlink_pair gives its form, class and whether it has a time of
 * its own ("dct past reporting timed" = BEFORE; else with "any" for the
 * class; derive_tlinks.py, as for pairs). Not where its date, or the
 * relation of its timex to the publication time, leaves no room for the
 * relation (an event of today is not before the publication day). Source
 * "dct:FORM". */
static void relate_dct_table(zs_doc *d)
{
    const zs_lang *L = d->lang;
    const zs_word *dct = zs_lang_word(L, "dct", 3);
    if (L->lex_tlink_pair == UINT32_MAX || !dct || !d->nevents) return;
    bool *linked = zs_xcalloc(d->nevents + 1, sizeof *linked);
    int *xrel = zs_xmalloc((d->ntimexes + 1) * sizeof *xrel); /* timex k's to t0 */
    for (size_t k = 0; k < d->ntimexes; k++) xrel[k] = -1;
    int base = 1 + (int)d->ntimexes;
    for (size_t i = 0; i < d->ntlinks; i++) {
        const zs_tlink *l = &d->tlinks[i];
        bool fwd = strcmp(l->to, "t0") == 0;
        if (!fwd && strcmp(l->from, "t0") != 0) continue;
        int a = zs_node_of(d, fwd ? l->from : l->to);
        if (a >= base) linked[a - base] = true;
        else if (a > 0) xrel[a - 1] = (int)(fwd ? l->rel : zs_rel_inverse(l->rel));
    }
    pair_ids ids;
    pair_ids_init(L, &ids);
    uint32_t timed = word_id(L, "timed"), untimed = word_id(L, "untimed");
    zs_lsec db = d->dct, du = d->dct + (d->dct_gran == ZS_GRAN_DAY ? 86400 : 60);
    for (size_t k = 0; k < d->nevents; k++) {
        const zs_event *e = &d->events[k];
        if (linked[k]) continue;
        uint32_t t = e->time >= 0 ? timed : untimed;
        const uint32_t keys[2][3] = {{form_id(&ids, e, false), class_id(&ids, e), t},
                                     {form_id(&ids, e, false), ids.any, t}};
        int rel = -1;
        for (int level = 0; level < 2 && rel == -1; level++)
            for (uint32_t i = 0; i < dct->nstarts; i++) {
                const zs_entry *en = dct->starts[i];
                if (en->lex != L->lex_tlink_pair || en->ntok != 4 ||
                    memcmp(en->words + 1, keys[level], sizeof keys[level]) != 0)
                    continue;
                rel = en->nattrs && !en->attrs[0].key && en->attrs[0].sym
                          ? zs_rel_from_name(en->attrs[0].sym)
                          : -2;
                break;
            }
        if (rel < 0) continue;
        if (e->has_interval && ((rel == ZS_REL_BEFORE && e->begin >= db) ||
                                (rel == ZS_REL_AFTER && e->until <= du)))
            continue; /* its date leaves no room for that */
        if (e->time >= 0 && !room_by_dct(xrel[e->time], rel == ZS_REL_AFTER)) continue;
        char source[32];
        snprintf(source, sizeof source, "dct:%s", pair_form(e));
        add_tlink(d, e->id, "t0", (zs_relkind)rel, source);
    }
    free(linked);
    free(xrel);
}

/* A past verb event told in the same sentence as a past REPORTING event,
 * the nearest verb event before or after it ("bombs exploded ..., witnesses
 * said"; "said the police had arrested"), happened before the report. Not
 * the other events of the sentence, nor nouns: of the TimeBank pairs so
 * related, 21 of the 36 with a link are BEFORE. */
static void relate_reported(zs_doc *d)
{
    size_t n = d->ntlinks;
    bool *past = zs_xcalloc(d->nevents + 1, sizeof *past);
    for (size_t i = 0; i < n; i++) {
        const zs_tlink *l = &d->tlinks[i];
        if (strcmp(l->to, "t0") != 0 || l->rel != ZS_REL_BEFORE) continue;
        int ev = zs_node_of(d, l->from) - 1 - (int)d->ntimexes; /* constant time */
        if (ev >= 0) past[ev] = true;
    }
    for (size_t r = 0; r < d->nevents; r++) {
        const zs_event *rep = &d->events[r];
        if (rep->cls != ZS_EC_REPORTING || !past[r] || rep->coref >= 0) continue;
        for (int side = -1; side <= 1; side += 2) {
            size_t k = r;
            while (side < 0 ? k-- > 0 : ++k < d->nevents) /* the nearest verb */
                if (d->events[k].sent != rep->sent || !d->events[k].noun) break;
            if (k >= d->nevents) continue; /* also where k-- wrapped */
            const zs_event *e = &d->events[k];
            if (e->noun || e->sent != rep->sent || e->cls == ZS_EC_REPORTING || e->coref >= 0 ||
                !(past[k] || e->tense == ZS_TENSE_PAST))
                continue;
            add_tlink(d, e->id, rep->id, ZS_REL_BEFORE, "reporting");
        }
    }
    free(past);
}

/* Relation of two half-open intervals. */
static zs_relkind interval_rel(zs_lsec b1, zs_lsec u1, zs_lsec b2, zs_lsec u2)
{
    if (u1 <= b2) return ZS_REL_BEFORE;
    if (u2 <= b1) return ZS_REL_AFTER;
    if (b1 == b2 && u1 == u2) return ZS_REL_SIMULTANEOUS;
    if (b1 <= b2 && u2 <= u1) return ZS_REL_INCLUDES;
    if (b2 <= b1 && u1 <= u2) return ZS_REL_IS_INCLUDED;
    return ZS_REL_OVERLAP;
}

/* Whether timex x is a calendar interval the graph can compare. */
static bool comparable(const zs_timex *x)
{
    return x->rv.has_interval && x->tv.ref == ZS_REF_NONE && x->rv.type != ZS_SET &&
           x->rv.gran != ZS_GRAN_NONE;
}

/* An end point of a timex (or of the publication time, node -1) in the
 * sorted order that relate_times links along. */
typedef struct time_point {
    zs_lsec at, begin, until;
    bool start;
    int node;
} time_point;

/* Points by time; at one time ends before starts, starts of longer
 * intervals before those of shorter ones and ends of shorter ones before
 * those of longer ones, so that the relation of two intervals with
 * consecutive points always states the order of those points ("2005"
 * INCLUDES "January 2005": 2005 starts first). */
static int cmp_time_point(const void *pa, const void *pb)
{
    const time_point *a = pa, *b = pb;
    if (a->at != b->at) return a->at < b->at ? -1 : 1;
    if (a->start != b->start) return a->start ? 1 : -1;
    zs_lsec ka = a->start ? -a->until : -a->begin, kb = b->start ? -b->until : -b->begin;
    if (ka != kb) return ka < kb ? -1 : 1;
    return (a->node > b->node) - (a->node < b->node);
}

/* Links found for a node by relate_times, for not linking two twice; a
 * node with more partners may get a link twice, which does no harm. */
#define TIME_PARTNERS 40
/* Reach of the extra links of partly overlapping intervals. */
#define TIME_NEIGHBOURS 16

/* What relate_times works with: the publication time's interval, worked
 * out once per document, and the links found per node. */
typedef struct time_links {
    zs_lsec dct_begin, dct_until;
    int (*partners)[TIME_PARTNERS];
} time_links;

/* Links timex (or publication time, -1) a and b unless linked already;
 * returns their relation. */
static zs_relkind relate_two_times(zs_doc *d, int a, int b, const time_links *tl)
{
    if (b < a) { /* text order; the publication time last */
        int t = a;
        a = b;
        b = t;
    }
    if (a == -1) {
        a = b;
        b = -1;
    }
    const zs_timex *x = &d->timexes[a];
    zs_lsec yb = b < 0 ? tl->dct_begin : d->timexes[b].rv.begin;
    zs_lsec yu = b < 0 ? tl->dct_until : d->timexes[b].rv.until;
    zs_relkind rel = interval_rel(x->rv.begin, x->rv.until, yb, yu);
    int *pa = tl->partners[a + 1], *pb = tl->partners[b + 1];
    for (int j = 0; j < TIME_PARTNERS; j++)
        if (pa[j] == b) return rel;
    for (int j = 0; j < TIME_PARTNERS; j++)
        if (pa[j] == -2) {
            pa[j] = b;
            break;
        }
    for (int j = 0; j < TIME_PARTNERS; j++)
        if (pb[j] == -2) {
            pb[j] = a;
            break;
        }
    add_tlink(d, x->id, b < 0 ? "t0" : d->timexes[b].id, rel, "interval");
    return rel;
}

/* Timex - timex and timex - publication time from their values, for every
 * timex of the text: a date no event is anchored to still orders the events
 * related to it and those of other dates. A deictic timex ("now", "recently")
 * is related to the publication time. The comparable ones and the
 * publication time are related along the order of their start and end
 * points: two intervals are linked where a point of one directly follows a
 * point of the other, so the links state the order of all points, the
 * closure derives every other pair (as comparing each pair would, but for
 * partly overlapping intervals, which get a few more), and the links stay
 * about two per interval, so that a long text (a WikiWarsDE history of several hundred
 * dates) closes quickly. */
static void relate_times(zs_doc *d)
{
    zs_lsec db = d->dct, du = d->dct + (d->dct_gran == ZS_GRAN_DAY ? 86400 : 60);
    time_point *pt = zs_xmalloc((2 * d->ntimexes + 2) * sizeof *pt);
    size_t np = 0;
    pt[np++] = (time_point){db, db, du, true, -1};
    pt[np++] = (time_point){du, db, du, false, -1};
    for (size_t a = 0; a < d->ntimexes; a++) {
        const zs_timex *x = &d->timexes[a];
        if (x->tv.ref != ZS_REF_NONE) {
            zs_relkind r = x->tv.ref == ZS_REF_PRESENT ? ZS_REL_SIMULTANEOUS
                           : x->tv.ref == ZS_REF_PAST  ? ZS_REL_BEFORE
                                                       : ZS_REL_AFTER;
            add_tlink(d, x->id, "t0", r, "interval");
            continue;
        }
        if (!comparable(x)) continue;
        pt[np++] = (time_point){x->rv.begin, x->rv.begin, x->rv.until, true, (int)a};
        pt[np++] = (time_point){x->rv.until, x->rv.begin, x->rv.until, false, (int)a};
    }
    qsort(pt, np, sizeof *pt, cmp_time_point);
    time_links tl = {db, du, zs_xmalloc((d->ntimexes + 1) * sizeof(int[TIME_PARTNERS]))};
    for (size_t a = 0; a <= d->ntimexes; a++)
        for (int j = 0; j < TIME_PARTNERS; j++) tl.partners[a][j] = -2;
    for (size_t i = 0; i + 1 < np; i++) {
        if (pt[i].node == pt[i + 1].node) continue;
        if (relate_two_times(d, pt[i].node, pt[i + 1].node, &tl) != ZS_REL_OVERLAP) continue;
        /* two intervals that partly overlap ("Wednesday night" and
           "Thursday"): their link does not state the order of these two
           points, so each is linked to the nearest nodes on the other's
           side whose relation does */
        for (size_t j = i, n = 0; j-- > 0 && n < TIME_NEIGHBOURS; n++)
            if (pt[j].node != pt[i + 1].node &&
                relate_two_times(d, pt[j].node, pt[i + 1].node, &tl) != ZS_REL_OVERLAP)
                break;
        for (size_t j = i + 2, n = 0; j < np && n < TIME_NEIGHBOURS; j++, n++)
            if (pt[j].node != pt[i].node &&
                relate_two_times(d, pt[i].node, pt[j].node, &tl) != ZS_REL_OVERLAP)
                break;
    }
    free(tl.partners);
    free(pt);
}

/* An undated event that a signal, in a link the closure kept, puts within
 * or right after or before an event of a day or finer ("teilte ... nach
 * einem Telefonat am Dienstagabend mit") takes that event's interval,
 * ranked after or before it. */
static void borrow_intervals(zs_doc *d)
{
    /* one within a date of its sentence only an interval within that
       date ("fell on Monday, March 3, ahead of Friday's report": not
       Friday's) */
    int base = 1 + (int)d->ntimexes;
    int *in_sentence = zs_xmalloc((d->nevents + 1) * sizeof *in_sentence);
    for (size_t k = 0; k < d->nevents; k++) in_sentence[k] = -1;
    for (size_t k = 0; k < d->nbase; k++) {
        const zs_tlink *l = &d->tlinks[k];
        if (l->contradiction < 0 && strcmp(l->source, "sentence") == 0) {
            int n = zs_node_of(d, l->from), x = zs_node_of(d, l->to);
            if (n >= base && x >= 1 && x < base) in_sentence[n - base] = x - 1;
        }
    }
    for (size_t k = 0; k < d->nbase; k++) {
        const zs_tlink *l = &d->tlinks[k];
        if (l->contradiction >= 0 || strncmp(l->source, "signal:", 7) != 0) continue;
        int n1 = zs_node_of(d, l->from), n2 = zs_node_of(d, l->to);
        zs_event *e1 = n1 >= base ? &d->events[n1 - base] : NULL;
        zs_event *e2 = n2 >= base ? &d->events[n2 - base] : NULL;
        /* the named event's, or, told again without a date, its first
           mention's ("Am Rande des Gipfels": the summit's Thursday) */
        if (e2 && !e2->has_interval && e2->coref >= 0) e2 = &d->events[e2->coref];
        if (!e1 || !e2 || e1->has_interval || !e2->has_interval) continue;
        const zs_timex *x = in_sentence[n1 - base] >= 0 ? &d->timexes[in_sentence[n1 - base]] : NULL;
        if (x && x->rv.has_interval && (e2->begin < x->rv.begin || e2->until > x->rv.until))
            continue;
        if (l->rel != ZS_REL_IS_INCLUDED && e2->gran < ZS_GRAN_DAY) continue;
        /* what follows a day gone by is of that day only if told in the
           past: not "Nach dem Sieg am Sonntag folgt nun das Halbfinale" */
        uint32_t cue;
        if (l->rel == ZS_REL_AFTER && e2->until <= d->dct && !e1->past_form &&
            tense_of(d, e1, &cue) >= 0)
            continue;
        e1->has_interval = true;
        e1->begin = e2->begin;
        e1->until = e2->until;
        e1->gran = e2->gran;
        e1->mod = e2->mod;
        e1->rank = e2->rank + (l->rel == ZS_REL_AFTER ? 1 : l->rel == ZS_REL_BEFORE ? -1 : 0);
        e1->placed = true;
        e1->place_begin = e1->begin;
        e1->place_until = e1->until;
        e1->place_rank = e1->rank;
    }
    free(in_sentence);
}

static bool joins(const zs_doc *d, uint32_t i);

/* Whether an event starts at token i. */
static bool event_starting_at(const zs_doc *d, uint32_t i)
{
    size_t k = first_from(d->events, d->nevents, sizeof *d->events, offsetof(zs_event, t0), i);
    return k < d->nevents && d->events[k].t0 == i;
}

/* The word that marks the place of verb event e besides the title_place
 * words: the place= attribute of its event_verb entry ("travel = ...
 * place=to"), or NULL. */
static const char *verb_place_word(const zs_event *e)
{
    const zs_attr *a = e->noun || !e->entry ? NULL : zs_entry_attr(e->entry, "place");
    return a ? a->sym : NULL;
}

/* Whether token i is a word of the title_place lexicon (no value: "nach
 * = where" marks a place, never a title's) or the place= word of verb
 * event e, followed by one capitalized word of e's sentence that no event
 * or timex covers and that ends the phrase (no capitalized word that
 * starts no event, hyphen or possessive after it). */
static bool place_at(const zs_doc *d, const tok_index *ix, const zs_event *e, uint32_t i)
{
    const zs_lang *L = d->lang;
    if (i + 1 >= d->ntoks || d->toks[i].sent != e->sent || d->toks[i + 1].sent != e->sent)
        return false;
    const zs_entry *pe;
    const char *own = verb_place_word(e);
    bool marked = own && tok_is(d, i, own);
    if (!marked && (!d->toks[i].word || !zs_word_in(d->toks[i].word, L->lex_title_place, &pe) ||
                    zs_entry_attr(pe, NULL)))
        return false; /* "nach = where": a place, never a title's */
    const zs_token *p = &d->toks[i + 1];
    if (p->kind != ZS_TOK_WORD || !(p->flags & ZS_TF_UPPER) || ix->cover[i + 1] >= 0) return false;
    const zs_attr *particle = !e->noun && e->entry ? zs_entry_attr(e->entry, "particle") : NULL;
    if (particle && tok_is(d, i + 1, particle->sym))
        return false; /* the verb's own particle: "tritt ... in Kraft" */
    bool event = false;
    for (size_t j = 0; j < d->nevents && !event && d->events[j].t0 <= i + 1; j++)
        event = i + 1 < d->events[j].t1; /* events in text order */
    if (event) return false;
    if (i + 2 < d->ntoks && d->toks[i + 2].sent == e->sent &&
        ((d->toks[i + 2].kind == ZS_TOK_WORD && (d->toks[i + 2].flags & ZS_TF_UPPER) &&
          !event_starting_at(d, i + 2)) ||
         (zs_tok_punct(d, i + 2, "-") && !(d->toks[i + 2].flags & ZS_TF_SPACE))))
        return false; /* "in Hamburg Altona", "in New York", "in Brest-Litowsk": not one
                         word; but "in Wien Gespräche", the name and an event */
    if (i + 2 < d->ntoks && !(d->toks[i + 2].flags & ZS_TF_SPACE) &&
        (d->text[d->toks[i + 2].b0] == '\'' ||
         (d->toks[i + 2].b1 - d->toks[i + 2].b0 >= 3 &&
          memcmp(d->text + d->toks[i + 2].b0, "\u2019", 3) == 0)))
        return false; /* "in Slepian's neighborhood": a possessive */
    return true;
}

/* The place word before verb event k that ends its clause (for a
 * language whose lang.zt says "objects clause", German verb-final
 * clauses: "nachdem die Minister in Wien Gespräche geführt hatten", "in
 * Genf verhandelt"): a place_at phrase right before the verb, or before
 * its object right before it (object[k]), or before a date right before
 * either, not right after a noun in a prepositional phrase (in_phrase);
 * else UINT32_MAX. */
static uint32_t final_place(const zs_doc *d, const tok_index *ix, size_t k, const int *object)
{
    const zs_event *e = &d->events[k];
    uint32_t c0, c1;
    clause_of(d, e->t0, &c0, &c1);
    if (!ends_clause(d, e, c1)) return UINT32_MAX;
    uint32_t j = e->t0;
    if (object[k] >= 0 && object[k] < (int)k && d->events[object[k]].t1 == j)
        j = d->events[object[k]].t0;
    if (j > c0 && ix->cover[j - 1] >= 0) j = d->timexes[ix->cover[j - 1]].t0;
    if (j < c0 + 2 || !place_at(d, ix, e, j - 2)) return UINT32_MAX;
    /* not after a noun in a phrase of its own, whose phrase it continues
       ("eine Vereinbarung für die Zusammenarbeit in Krisenfällen") */
    uint32_t n = j - 3;
    if (j >= c0 + 3 && ix->cover[n] < 0 && (d->toks[n].flags & ZS_TF_UPPER) && in_phrase(d, c0, n))
        return UINT32_MAX;
    return j - 2;
}

/* An event's place joins its title ("G20-Gipfel in Hamburg", "Meeting in
 * Brussels"): a word of the title_place lexicon (or, after a verb, the
 * place= word of its entry, which derive_events.py copies from verb_title:
 * "Trip to Washington") right after the trigger, or after the timex that
 * follows it (not across "and"), then one capitalized word that no event
 * or timex covers and that ends the phrase (place_at), else for a verb at
 * the end of its clause the phrase before it (final_place); place[t]
 * marks that word, a place and no participant. Not for a light verb,
 * whose noun has the title. */
static void add_places(zs_doc *d, const tok_index *ix, const int *object, bool *has_place,
                       bool *place)
{
    const zs_lang *L = d->lang;
    if (L->lex_title_place == UINT32_MAX) return;
    for (size_t k = 0; k < d->nevents; k++) {
        zs_event *e = &d->events[k];
        if (e->light) continue;
        uint32_t i = e->t1;
        if (e->time >= 0) { /* past its date: "Gipfels am 7. und 8. Juli in Hamburg" */
            int x = i < d->ntoks ? ix->start[i] : -1;
            if (x < 0 && i + 1 < d->ntoks && !joins(d, i)) x = ix->start[i + 1]; /* not "und
                                                          eine Woche später", another clause's */
            for (size_t j = x >= 0 ? (size_t)x : d->ntimexes; j < d->ntimexes; j++) {
                const zs_timex *t = &d->timexes[j];
                if (j != (size_t)x && (t->group < 0 || t->group != d->timexes[x].group)) break;
                i = t->t1;
            }
        }
        if (!place_at(d, ix, e, i) &&
            (!L->objects_clause || e->noun || (i = final_place(d, ix, k, object)) == UINT32_MAX))
            continue;
        const zs_token *p = &d->toks[i + 1];
        zs_buf b = {0};
        zs_buf_puts(&b, e->title);
        zs_buf_putc(&b, ' ');
        zs_buf_put(&b, d->text + d->toks[i].b0, p->b1 - d->toks[i].b0);
        free(e->title);
        e->title = b.data;
        has_place[k] = true;
        place[i + 1] = true;
    }
}

/* ---- the verb group ----------------------------------------------------
 *
 * The one analysis of a verb's form (lang.zt verb_aux and verb_ending;
 * the trigger lexicons list no forms): the TimeML tense and aspect of a
 * verb event, and whether it is told in the past tense (past_form), which
 * relates it to the publication time. Both come from its verb group: the
 * auxiliaries of its clause (lexicon verb_aux) and its own form. A form is
 * "gerund", "past" or "infinitive" by its longest ending listed in
 * verb_ending (the whole form first: "traf" = past, "ing" = gerund),
 * "infinitive" if it is the lemma, else a participle or a finite form,
 * which the words around tell apart (a past or base form may be a
 * participle too: "has met"). Auxiliaries are taken nearest first; each
 * one whose attribute named after the form below it ("participle",
 * "gerund", "infinitive") gives an aspect (PERFECTIVE, PROGRESSIVE) adds it, one giving a tense
 * (FUTURE, NONE for a modal, INFINITIVE) sets the tense, else its own tense=
 * does; its form= is then the form the next one looks at, and an
 * auxiliary without form= (a finite one) ends the group. before=N: only
 * up to N tokens before the verb (English), else anywhere in the clause
 * (German: "dass sie sich getroffen hatten"). Nouns have neither. */

static const char *const tense_names[] = {"NONE", "PAST", "PRESENT", "FUTURE",
                                          "INFINITIVE", "PRESPART", "PASTPART"};
static const char *const aspect_names[] = {"NONE", "PROGRESSIVE", "PERFECTIVE",
                                           "PERFECTIVE_PROGRESSIVE"};

const char *zs_tense_name(zs_tense t)
{
    return (unsigned)t < sizeof tense_names / sizeof *tense_names ? tense_names[t] : "NONE";
}

const char *zs_aspect_name(zs_aspect a)
{
    return (unsigned)a < sizeof aspect_names / sizeof *aspect_names ? aspect_names[a] : "NONE";
}

static int name_index(const char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0) return (int)i;
    return -1;
}

/* Whether the word at token i is lemma with an infinitive marker of
 * verb_aux (infinitive=INFINITIVE: "zu") inside it after its particle,
 * the zu-infinitive of a separable verb ("vorzustellen", "teilzunehmen",
 * "zurückzutreten"; not "zurücktreten"). */
static bool zu_infinitive(const zs_doc *d, uint32_t i, const char *lemma)
{
    const zs_lang *L = d->lang;
    const char *f = zs_tok_fold(d, i);
    size_t n = d->toks[i].fold_len, len = strlen(lemma);
    if (L->lex_verb_aux == UINT32_MAX || n <= len || n - len > 3) return false;
    size_t pre = 0, suf = 0, m = n - len; /* m: the marker's bytes */
    while (pre < len && f[pre] == lemma[pre]) pre++;
    while (suf < len && f[n - 1 - suf] == lemma[len - 1 - suf]) suf++;
    for (size_t p = len - (suf < len ? suf : len); p <= pre && p < len; p++) {
        if (p == 0) continue;
        const zs_word *w = zs_lang_word(L, f + p, m);
        const zs_entry *en;
        if (w && zs_word_in(w, L->lex_verb_aux, &en) && zs_entry_attr_is(en, "infinitive", "INFINITIVE"))
            return true;
    }
    return false;
}

bool zs_zu_infinitive(const zs_doc *d, uint32_t i)
{
    const zs_lang *L = d->lang;
    const zs_token *t = &d->toks[i];
    if (t->kind != ZS_TOK_WORD || (t->flags & ZS_TF_UPPER)) return false;
    if (i > 0 && zs_entry_attr_is(zs_aux_at(d, i - 1), "infinitive", "INFINITIVE")) return true;
    const zs_entry *e;
    if (!t->word || L->lex_event_verb == UINT32_MAX || !zs_word_in(t->word, L->lex_event_verb, &e))
        return false;
    const zs_attr *lem = zs_entry_attr(e, "lemma");
    return zu_infinitive(d, i, lem ? lem->sym : e->lemma);
}

/* The form of the verb at token i with the given lemma: by its ending
 * (ending_form), else "infinitive" if it is the lemma, else "participle"
 * (a participle or any other finite form); a zu-infinitive is "infinitive"
 * ("zurückzutreten", not a past by "-ten"). A form that ends the lemma
 * and in "n" is the lemma's without its particle, the plural present of
 * a separable verb ("treten ... zurück", "kommen ... zusammen"), as the
 * lemma ("-ten": no past). */
const char *zs_verb_form(const zs_doc *d, uint32_t i, const char *lemma)
{
    const char *f = zs_tok_fold(d, i);
    size_t n = d->toks[i].fold_len, ln = strlen(lemma);
    if (zu_infinitive(d, i, lemma)) return "infinitive"; /* not "-ten": past */
    bool is_lemma = ln >= n && memcmp(f, lemma + ln - n, n) == 0 &&
                    (ln == n || (n > 2 && f[n - 1] == 'n'));
    const char *form = ending_form(d, i, is_lemma);
    return form ? form : is_lemma ? "infinitive" : "participle";
}

/* Whether the word at token i stands before a noun of its sentence: a
 * capitalized word right after it, or after one lower-case word of an
 * adjective's ending (e, em, en, er, es) that is of no object_gap kind and
 * no auxiliary ("sein Buch", "sein neues Buch"; not "sein bis Ende Mai"). */
static bool possessive_before_noun(const zs_doc *d, uint32_t i)
{
    const zs_sentence *s = &d->sents[d->toks[i].sent];
    uint32_t j = i + 1;
    if (j >= s->t1 || d->toks[j].kind != ZS_TOK_WORD) return false;
    if (d->toks[j].flags & ZS_TF_UPPER) return true;
    if (j + 1 >= s->t1 || d->toks[j + 1].kind != ZS_TOK_WORD || !(d->toks[j + 1].flags & ZS_TF_UPPER))
        return false;
    const char *f = zs_tok_fold(d, j);
    size_t n = d->toks[j].fold_len;
    const zs_word *w = d->toks[j].word;
    if (n < 3 || gap_kind(d, j) || (w && zs_word_in(w, d->lang->lex_verb_aux, NULL))) return false;
    return f[n - 1] == 'e' ||
           (f[n - 2] == 'e' && (f[n - 1] == 'm' || f[n - 1] == 'n' || f[n - 1] == 'r' || f[n - 1] == 's'));
}

const zs_entry *zs_aux_at(const zs_doc *d, uint32_t i)
{
    const zs_word *w = d->toks[i].word;
    const zs_entry *en;
    if (!w || d->lang->lex_verb_aux == UINT32_MAX || !zs_word_in(w, d->lang->lex_verb_aux, &en))
        return NULL;
    return zs_entry_attr(en, "possessive") && possessive_before_noun(d, i) ? NULL : en;
}

/* The tense and aspect of the verb group of the verb at tokens [t0, t1)
 * of form form (zs_verb_form): the auxiliaries of its clause and its own
 * form. */
static void group_tense(const zs_doc *d, uint32_t t0, uint32_t t1, const char *form,
                        zs_tense *out_tense, zs_aspect *out_aspect)
{
    const zs_lang *L = d->lang;
    int tense = -1, aspect = 0;
    bool grouped = false;
    if (L->lex_verb_aux != UINT32_MAX) {
        uint32_t c0, c1;
        clause_of(d, t0, &c0, &c1);
        /* no further than the clause reaches on either side */
        uint32_t reach = t0 - c0;
        if (c1 > t1 && c1 - t1 > reach) reach = c1 - t1;
        for (uint32_t dist = 1; dist <= reach && dist <= ZS_CLAUSE_WINDOW && form; dist++) {
            for (int side = 0; side < 2 && form; side++) {
                int64_t i = side ? (int64_t)t1 - 1 + dist : (int64_t)t0 - dist;
                if (i < c0 || i >= c1) continue;
                const zs_entry *a = zs_aux_at(d, i);
                if (!a) continue;
                const zs_attr *before = zs_entry_attr(a, "before");
                if (before && (side || before->num == ZS_UNSET || dist > (uint32_t)before->num))
                    continue;
                /* a past or base form may be a participle ("has met") */
                const zs_attr *v = strcmp(form, "past") == 0 ? NULL : zs_entry_attr(a, form);
                if (!v && (strcmp(form, "infinitive") == 0 || strcmp(form, "past") == 0))
                    v = zs_entry_attr(a, "participle");
                const zs_attr *own = zs_entry_attr(a, "tense"), *next = zs_entry_attr(a, "form");
                /* one that says nothing of this form is no part of its
                 * group ("to" before a past form: "to Venezuela said") */
                if (!v && !own && !next) continue;
                int as = v ? name_index(aspect_names, 4, v->sym) : -1;
                int t = v && as < 0 ? name_index(tense_names, 7, v->sym) : -1;
                if (as > 0) aspect |= as;
                if (t < 0 && own) t = name_index(tense_names, 7, own->sym);
                if (t >= 0) tense = t;
                grouped = true;
                form = next ? next->sym : NULL;
            }
        }
    }
    if (!grouped) {
        if (strcmp(form, "gerund") == 0) tense = ZS_TENSE_PRESPART;
        else if (strcmp(form, "past") == 0) tense = ZS_TENSE_PAST;
        else tense = ZS_TENSE_PRESENT;
    }
    *out_tense = tense < 0 ? ZS_TENSE_NONE : (zs_tense)tense;
    *out_aspect = (zs_aspect)aspect;
}

zs_tense zs_verb_tense(const zs_doc *d, uint32_t i, const char *form)
{
    zs_tense t;
    zs_aspect a;
    group_tense(d, i, i + 1, form, &t, &a);
    return t;
}

/* Whether the word at token i ends in a participle of perfect_sein, whose
 * verb forms its perfect with the auxiliary of a state ("geflohen",
 * "eingedrungen": "gedrungen"). */
static bool perfect_sein(const zs_doc *d, uint32_t i)
{
    const zs_lang *L = d->lang;
    if (L->lex_perfect_sein == UINT32_MAX || d->toks[i].kind != ZS_TOK_WORD) return false;
    return ending_entry(L, L->lex_perfect_sein, zs_tok_fold(d, i), d->toks[i].fold_len, 0, NULL) !=
           NULL;
}

bool zs_ahead_infinitive(const zs_doc *d, uint32_t i)
{
    const zs_entry *en = zs_aux_at(d, i);
    if (!zs_entry_attr_is(en, "form", "infinitive") || !zs_entry_attr(en, "participle") || i == 0)
        return false;
    /* the word before: a participle or an adjective, not a noun or an
       auxiliary; "worden" one of the passive, before a participle */
    uint32_t p = i - 1;
    const zs_token *pt = &d->toks[p];
    if (pt->kind != ZS_TOK_WORD || (pt->flags & ZS_TF_UPPER)) return false;
    const zs_entry *pe = zs_aux_at(d, p);
    bool passive = false;
    if (pe) {
        if (!zs_entry_attr_is(pe, "form", "participle") || zs_entry_attr(pe, "participle"))
            return false; /* "gewesen sein" stays a perfect */
        passive = true;
    }
    /* the finite auxiliary that governs it: the nearest of its clause
       before it, or the one right after it ("abgeschlossen sein muss") */
    uint32_t c0, c1;
    clause_of(d, i, &c0, &c1);
    const zs_entry *gov = NULL;
    for (uint32_t j = p; j > c0 && !gov; j--) {
        const zs_entry *g = zs_aux_at(d, j - 1);
        if (g && zs_entry_attr(g, "infinitive") && !zs_entry_attr(g, "form")) gov = g;
    }
    if (!gov && i + 1 < c1) {
        const zs_entry *g = zs_aux_at(d, i + 1);
        if (g && zs_entry_attr(g, "infinitive") && !zs_entry_attr(g, "form")) gov = g;
    }
    if (!gov) return false;
    if (zs_entry_attr_is(gov, "tense", "PAST")) return false; /* "musste ... sein" */
    if (zs_entry_attr_is(gov, "infinitive", "FUTURE")) return true;
    /* under a modal: a state to come ("soll ... abgeschlossen sein"), not a
       perfect told as hearsay ("soll ... geflohen sein", "soll ...
       festgenommen worden sein", "soll ... gesagt haben") */
    return zs_entry_attr_is(gov, "infinitive", "NONE") && zs_entry_attr(en, "state") && !passive &&
           !perfect_sein(d, p);
}

/* Whether the auxiliary at token i, whose verb_aux entry en says copula=
 * ("ist", "sind"), is the verb of its clause, not an auxiliary of the
 * perfect: a noun event is its subject (a noun of its part of the clause,
 * up to punctuation, in no prepositional phrase and no genitive), and no
 * lower-case word, a participle, ends that part after it, nor stands
 * right before it where it ends the part ("Am Samstag ist das Finale im
 * Stadion", "weil am Samstag das Finale ist"; not "ist das Finale
 * ausgefallen", "ist das Finale eröffnet worden", "ist er gestorben"). */
#define COPULA_REACH 24

/* The part of the clause of the auxiliary at token i, [*a, *b), cut at
 * punctuation, as far as its participle, and its last word *last: the
 * last one after i, else the word right before it; false where the part
 * reaches farther than COPULA_REACH tokens on either side. */
static bool copula_part(const zs_doc *d, uint32_t i, uint32_t *a, uint32_t *b, uint32_t *last)
{
    const zs_sentence *s = &d->sents[d->toks[i].sent];
    *a = i;
    *b = i + 1;
    while (*a > s->t0 && !is_clause_cut(d, *a - 1))
        if (i - --*a > COPULA_REACH) return false;
    while (*b < s->t1 && !is_clause_cut(d, *b))
        if (++*b - i > COPULA_REACH) return false;
    *last = i;
    for (uint32_t j = i + 1; j < *b; j++)
        if (d->toks[j].kind == ZS_TOK_WORD) *last = j;
    if (*last == i && i > *a) *last = i - 1;
    return true;
}

/* Whether the auxiliary at token i, whose verb_aux entry en says copula=
 * and tense=PRESENT ("ist", "sind"), tells a state, no perfect: the
 * lower-case word that ends its part (copula_part) is no participle of
 * perfect_sein, nor a participle auxiliary ("worden", "gewesen"): "ist bis
 * zum 5. Mai geöffnet", "ist noch offen"; not "ist zurückgetreten", "ist
 * eröffnet worden". */
static bool state_sein(const zs_doc *d, const zs_entry *en, uint32_t i)
{
    if (!zs_entry_attr(en, "copula") || !zs_entry_attr_is(en, "tense", "PRESENT")) return false;
    uint32_t a, b, last;
    if (!copula_part(d, i, &a, &b, &last) || last == i) return false;
    const zs_token *lt = &d->toks[last];
    if (lt->kind != ZS_TOK_WORD || (lt->flags & ZS_TF_UPPER)) return false;
    if (zs_entry_attr_is(zs_aux_at(d, last), "form", "participle")) return false;
    return !perfect_sein(d, last);
}

static bool copula_verb(const zs_doc *d, const zs_entry *en, uint32_t i)
{
    const zs_lang *L = d->lang;
    if (!zs_entry_attr(en, "copula") || L->lex_event_noun == UINT32_MAX) return false;
    uint32_t a, b, last;
    if (!copula_part(d, i, &a, &b, &last)) return false;
    const zs_token *lt = &d->toks[last];
    if (last != i && lt->kind == ZS_TOK_WORD && !(lt->flags & ZS_TF_UPPER)) return false;
    for (uint32_t j = a; j < b; j++) {
        const zs_token *t = &d->toks[j];
        if (j == i || t->kind != ZS_TOK_WORD || !(t->flags & ZS_TF_UPPER)) continue;
        /* dates are resolved before the events are found: the word may
           not be looked up yet (zs_late_word) */
        const char *f = zs_tok_fold(d, j);
        const zs_word *w = t->word ? t->word : zs_lang_word(L, f, t->fold_len);
        size_t mod;
        if (!noun_head(L, w, f, t->fold_len, &mod)) continue;
        if (!in_phrase(d, j < i ? a : i + 1, j) && !genitive_attribute(d, j)) return true;
    }
    return false;
}

bool zs_past_aux(const zs_doc *d, uint32_t i)
{
    const zs_entry *en = zs_aux_at(d, i);
    if (!en || zs_ahead_infinitive(d, i) || copula_verb(d, en, i) || state_sein(d, en, i))
        return false;
    return zs_entry_attr_is(en, "tense", "PAST") || zs_entry_attr_is(en, "participle", "PERFECTIVE");
}

/* Whether token i may be a participle: a lower-case word of event_verb
 * or one verb_ending knows whole ("written"), or an auxiliary's participle
 * ("worden", "been"). */
static bool participle_at(const zs_doc *d, uint32_t i)
{
    const zs_lang *L = d->lang;
    const zs_token *t = &d->toks[i];
    if (t->kind != ZS_TOK_WORD || (t->flags & ZS_TF_UPPER)) return false;
    /* dates are resolved before the events are found: the word may not be
       looked up yet (zs_late_word) */
    const zs_word *w = t->word ? t->word : zs_lang_word(L, zs_tok_fold(d, i), t->fold_len);
    const zs_entry *en;
    if (!w) return false;
    if (L->lex_verb_aux != UINT32_MAX && zs_word_in(w, L->lex_verb_aux, &en))
        return zs_entry_attr_is(en, "form", "participle");
    return (L->lex_event_verb != UINT32_MAX && zs_word_in(w, L->lex_event_verb, NULL)) ||
           (L->lex_verb_ending != UINT32_MAX && zs_word_in(w, L->lex_verb_ending, &en) &&
            en->nattrs && !en->attrs[0].key);
}

bool zs_hearsay_modal(const zs_doc *d, uint32_t i)
{
    const zs_entry *en = zs_aux_at(d, i);
    if (!en || !zs_entry_attr(en, "hearsay")) return false;
    uint32_t c0, c1;
    clause_of(d, i, &c0, &c1);
    for (uint32_t j = i + 2; j < c1; j++) {
        const zs_entry *a = zs_aux_at(d, j);
        if (!zs_entry_attr_is(a, "form", "infinitive") || !zs_entry_attr(a, "participle")) continue;
        if (participle_at(d, j - 1) && !zs_ahead_infinitive(d, j)) return true;
    }
    return false;
}

bool zs_preterite_aux(const zs_doc *d, uint32_t i)
{
    const zs_entry *en = zs_aux_at(d, i);
    return zs_entry_attr_is(en, "tense", "PAST");
}

/* The form verb_ending lists for the whole word at token i ("sagte",
 * "took"), or NULL: a verb form known without the event lexicons. */
static const char *whole_form(const zs_doc *d, uint32_t i)
{
    const zs_lang *L = d->lang;
    const zs_word *w = d->toks[i].word;
    const zs_entry *en;
    if (L->lex_verb_ending == UINT32_MAX || !w || !zs_word_in(w, L->lex_verb_ending, &en) ||
        !en->nattrs || en->attrs[0].key)
        return NULL;
    return en->attrs[0].sym;
}

bool zs_past_verb(const zs_doc *d, uint32_t i)
{
    const zs_lang *L = d->lang;
    const zs_word *w = d->toks[i].word;
    if (!w) return false;
    const char *form = NULL;
    const zs_entry *e;
    if (L->lex_event_verb != UINT32_MAX && zs_word_in(w, L->lex_event_verb, &e)) {
        const zs_attr *lem = zs_entry_attr(e, "lemma");
        form = zs_verb_form(d, i, lem ? lem->sym : e->lemma);
    } else {
        form = whole_form(d, i);
    }
    /* the form first: the clause's auxiliaries only for a past form */
    return form && strcmp(form, "past") == 0 && zs_verb_tense(d, i, form) == ZS_TENSE_PAST;
}

/* Whether the k bytes at s are an entry of present_ending valued sym. */
static bool present_piece(const zs_lang *L, const char *s, size_t k, const char *sym)
{
    const zs_word *w = ending_word(L, s, k);
    const zs_entry *en;
    return w && zs_word_in(w, L->lex_present_ending, &en) && zs_entry_value_is(en, sym);
}

/* Whether the word at token i, a form neither the lemma nor past, ends as
 * the present does by present_ending ("trifft", "reist": "t"), and does not
 * begin as a participle does ("getroffen": "ge"), nor ends otherwise
 * ("beschlossen", a past plural or a participle). */
static bool present_form(const zs_doc *d, uint32_t i)
{
    const zs_lang *L = d->lang;
    const char *f = zs_tok_fold(d, i);
    size_t n = d->toks[i].fold_len;
    bool ending = false;
    for (size_t k = 1; k <= 3 && k < n && !ending; k++)
        ending = present_piece(L, f + n - k, k, "present");
    for (size_t k = 1; k <= 3 && k < n && ending; k++)
        if (present_piece(L, f, k, "prefix")) return false;
    return ending;
}

bool zs_present_verb(const zs_doc *d, uint32_t i)
{
    const zs_lang *L = d->lang;
    const zs_word *w = d->toks[i].word;
    const zs_entry *e;
    if (!w || L->lex_event_verb == UINT32_MAX || L->lex_present_ending == UINT32_MAX)
        return false;
    zs_tense t;
    zs_aspect a;
    /* a copula with a noun event as its subject ("Am Samstag ist das
       Finale"): the present of what is coming */
    const zs_entry *aux = zs_aux_at(d, i);
    if (aux && copula_verb(d, aux, i)) {
        return zs_entry_attr_is(aux, "tense", "PRESENT");
    }
    /* a form verb_ending lists whole as present, of an event verb or not
       ("folgt", "steht ... an": "Am Samstag folgt das Finale") */
    const char *whole = whole_form(d, i);
    if (whole && strcmp(whole, "present") == 0) {
        /* with particle=, only where that particle closes the clause
           ("steht ... an") */
        const zs_entry *en;
        const zs_attr *part =
            zs_word_in(w, L->lex_verb_ending, &en) ? zs_entry_attr(en, "particle") : NULL;
        if (part && part->sym && !particle_after(d, i, i + 1, UINT32_MAX, part->sym, true))
            return false;
        group_tense(d, i, i + 1, whole, &t, &a);
        return t == ZS_TENSE_PRESENT && a == ZS_ASPECT_NONE;
    }
    if (!zs_word_in(w, L->lex_event_verb, &e)) return false;
    const zs_attr *lem = zs_entry_attr(e, "lemma");
    const char *form = zs_verb_form(d, i, lem ? lem->sym : e->lemma);
    if (zu_infinitive(d, i, lem ? lem->sym : e->lemma)) return false; /* "vorzustellen" */
    /* the lemma's form is also the plural present ("treffen"); another one
       neither past nor the lemma's a participle or a present by its ending */
    if (strcmp(form, "infinitive") != 0 &&
        (strcmp(form, "participle") != 0 || !present_form(d, i)))
        return false;
    group_tense(d, i, i + 1, form, &t, &a);
    return t == ZS_TENSE_PRESENT && a == ZS_ASPECT_NONE;
}

bool zs_past_cue(const zs_doc *d, uint32_t i)
{
    const zs_word *w = d->toks[i].word;
    if (!w) return false;
    uint32_t marker = d->lang->lex_past_marker;
    return (marker != UINT32_MAX && zs_word_in(w, marker, NULL)) || zs_past_aux(d, i) ||
           zs_past_verb(d, i);
}

static void verb_group(zs_doc *d, zs_event *e)
{
    e->tense = ZS_TENSE_NONE;
    e->aspect = ZS_ASPECT_NONE;
    e->past_form = false;
    if (e->noun) return;
    if (e->t1 == e->t0 + 1 && zu_infinitive(d, e->t0, e->lemma)) {
        e->tense = ZS_TENSE_INFINITIVE; /* "am Freitag vorzustellen" */
        return;
    }
    group_tense(d, e->t0, e->t1, zs_verb_form(d, e->t0, e->lemma), &e->tense, &e->aspect);
    e->past_form = e->tense == ZS_TENSE_PAST;
}

/* ---- participants ------------------------------------------------------ */

/* Tokens a noun event's phrase may run over after the noun before a name
 * ("Treffen der beiden Staatschefs Putin und Trump"). */
#define MAX_PHRASE 8
/* Tokens between a report verb and the speaker named after it ("said
 * [Foreign Minister] Lavrov"). */
#define REPORT_SPEAKER 3
/* Names a title lists ("Telefonat Putin – Trump"). */
#define MAX_TITLE_NAMES 3

/* A name in the text: tokens [t0, t1), what it is called. */
typedef struct name_mention {
    uint32_t t0, t1;
    char *name;  /* owned */
    bool place;  /* after a title_place word ("in Moskau"): where, not who */
    bool listed; /* its name is from the participant lexicon */
} name_mention;

typedef struct names {
    name_mention *m;
    size_t n, cap;
    int32_t *at;     /* per token: the mention starting there, or -1 */
    int32_t *end_at; /* per token: the mention ending right before it, or -1 */
} names;

/* The first entry of lexicon lex among the first n of word w's starts
 * whose words stand at token i and end by lim: as the starts are longest
 * first (stable_sort_starts), the longest. */
static inline const zs_entry *entry_among(const zs_doc *d, const zs_word *w, uint32_t n, uint32_t i,
                                          uint32_t lim, uint32_t lex, uint32_t *end)
{
    for (uint32_t k = 0; k < n; k++) {
        const zs_entry *e = w->starts[k];
        if (e->lex != lex || i + e->ntok > lim) continue;
        bool ok = true;
        for (uint32_t j = 1; j < e->ntok && ok; j++) {
            const zs_word *wj = d->toks[i + j].word;
            ok = wj && wj->id == e->words[j];
        }
        if (ok) {
            *end = i + e->ntok;
            return e;
        }
    }
    return NULL;
}

const zs_entry *zs_entry_at(const zs_doc *d, uint32_t i, uint32_t lim, uint32_t lex,
                            uint32_t *end)
{
    const zs_word *w = d->toks[i].word;
    if (lex == UINT32_MAX || !w || !zs_word_starts(w, lex)) return NULL;
    return entry_among(d, w, w->nstarts, i, lim, lex, end);
}

const zs_entry *zs_phrase_at(const zs_doc *d, uint32_t i, uint32_t lim, uint32_t lex,
                             uint32_t *end)
{
    const zs_word *w = d->toks[i].word;
    if (lex == UINT32_MAX || !w || !(w->lex_long >> (lex % 64) & 1)) return NULL;
    return entry_among(d, w, w->nlong, i, lim, lex, end);
}

/* Whether token i is a title before a name: a participant_title word or
 * one ending in it ("Bundeskanzlerin", "Kremlchef"; "US-Präsident"). */
static bool name_title(const zs_doc *d, uint32_t i)
{
    const zs_lang *L = d->lang;
    if (L->lex_participant_title == UINT32_MAX || d->toks[i].kind != ZS_TOK_WORD) return false;
    uint32_t end; /* an abbreviation with its period: "Gov." */
    if (d->toks[i].word && d->toks[i].word->nlong && i + 1 < d->ntoks &&
        zs_tok_punct(d, i + 1, ".") &&
        zs_phrase_at(d, i, (uint32_t)d->ntoks, L->lex_participant_title, &end))
        return true;
    const char *w = zs_tok_fold(d, i);
    size_t n = d->toks[i].fold_len;
    if (n < 3) /* "Mr", "Dr": too short for an ending */
        return d->toks[i].word && zs_word_in(d->toks[i].word, L->lex_participant_title, NULL);
    if (!zs_lex_tail_maybe(L, L->lex_participant_title, w, n)) return false;
    for (size_t k = 0; k + 3 <= n; k = k ? k + 1 : MIN_MODIFIER) {
        if (((unsigned char)w[k] & 0xC0) == 0x80) continue;
        const zs_word *word = ending_word(L, w + k, n - k);
        if (word && zs_word_in(word, L->lex_participant_title, NULL)) return true;
    }
    return false;
}

/* A capitalized word that may be (part of) a name: not a timex, not in the
 * language's lists of words that are no names. */
static bool name_word(const zs_doc *d, const tok_index *ix, uint32_t i)
{
    const zs_token *t = &d->toks[i];
    const zs_lang *L = d->lang;
    if (t->kind != ZS_TOK_WORD || !(t->flags & ZS_TF_UPPER) || ix->cover[i] >= 0) return false;
    const zs_entry *no;
    if (t->word && ((zs_word_in(t->word, L->lex_not_name, &no) && !no->nattrs) ||
                    zs_word_in(t->word, L->lex_stopword, NULL)))
        return false;
    return !name_title(d, i);
}

/* Whether token i joins two names: a participant_link entry valued
 * "join" ("und"). */
static bool joins(const zs_doc *d, uint32_t i)
{
    const zs_entry *e;
    const zs_word *w = d->toks[i].word;
    return w && zs_word_in(w, d->lang->lex_participant_link, &e) && zs_entry_value_is(e, "join");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A token's text, compared with a name (bsearch key). */
typedef struct tok_text {
    const char *p;
    size_t n;
} tok_text;

static int cmp_tok_name(const void *a, const void *b)
{
    const tok_text *k = a;
    const char *name = *(char *const *)b;
    int c = strncmp(k->p, name, k->n);
    return c ? c : (name[k->n] ? -1 : 0);
}

/* Whether the name at token t0 is a place: right after a title_place
 * word ("in Moskau"), or after one and a word of the lexicon its entry's
 * between= names ("in der Ukraine"). */
static bool place_name(const zs_doc *d, uint32_t t0)
{
    const zs_lang *L = d->lang;
    uint32_t s0 = d->sents[d->toks[t0].sent].t0;
    if (t0 <= s0 || !d->toks[t0 - 1].word) return false;
    if (zs_word_in(d->toks[t0 - 1].word, L->lex_title_place, NULL)) return true;
    const zs_entry *en;
    if (t0 - 1 <= s0 || !d->toks[t0 - 2].word ||
        !zs_word_in(d->toks[t0 - 2].word, L->lex_title_place, &en))
        return false;
    const zs_attr *b = zs_entry_attr(en, "between");
    return b && zs_word_in(d->toks[t0 - 1].word, (uint32_t)b->num, NULL);
}

static void add_name(names *nm, const zs_doc *d, uint32_t t0, uint32_t t1, char *name, bool listed)
{
    ZS_GROW(nm->m, nm->cap, nm->n + 1);
    bool place = place_name(d, t0);
    nm->m[nm->n] = (name_mention){t0, t1, name, place, listed};
    nm->end_at[t1] = (int32_t)nm->n;
    nm->at[t0] = (int32_t)nm->n++;
}

/* The name a participant entry gives, '_' read as a space
 * ("Weißes_Haus"). */
static char *listed_name(const zs_attr *v)
{
    char *n = zs_xstrdup(v->sym);
    for (char *p = n; *p; p++)
        if (*p == '_') *p = ' ';
    return n;
}

/* The name of tokens [a, b): a participant entry among them gives it
 * ("Wladimir Putin" -> "Putin"), else their text, else (last_only) that
 * of the last token ("Präsident Donald Trump" -> "Trump"). */
static char *name_of(const zs_doc *d, uint32_t a, uint32_t b, bool last_only, bool *listed)
{
    const zs_lang *L = d->lang;
    for (uint32_t i = a; i < b; i++) {
        uint32_t end;
        const zs_entry *e = zs_entry_at(d, i, b, L->lex_participant, &end);
        const zs_attr *v = e ? zs_entry_attr(e, NULL) : NULL;
        if (!v) continue;
        *listed = true;
        return listed_name(v);
    }
    *listed = false;
    if (last_only) a = b - 1;
    return zs_xstrndup(d->text + d->toks[a].b0, d->toks[b - 1].b1 - d->toks[a].b0);
}

/* Whether token i opens its sentence, or a quotation inside it (a word
 * right after the opening quote marks, which follow a space: "He said:
 * ``No one ..."), where a capital makes no name. */
static bool opens_sentence(const zs_doc *d, uint32_t i)
{
    if (d->toks[i].flags & ZS_TF_SSTART) return true;
    if (d->toks[i].flags & ZS_TF_SPACE) return false;
    for (uint32_t j = i; j > 0 && zs_is_quote_mark(d, j - 1); j--)
        if (d->toks[j - 1].flags & (ZS_TF_SSTART | ZS_TF_SPACE)) return true;
    return false;
}

/* Every name of the doc: a participant entry ("Putin", "Kreml"), the words
 * after a title ("Kanzlerin Angela Merkel"), the capitalized word after a
 * name and "und" ("Putin und Lukaschenko"), and, in a language with a
 * not_name list (where only names are capitalized inside a sentence),
 * every run of capitalized words that starts no sentence. A run's last
 * word alone, when the text also uses it alone, names the run
 * ("Vladimir Putin" ... "Putin"). */
static void find_names(const zs_doc *d, const tok_index *ix, names *nm)
{
    const zs_lang *L = d->lang;
    bool caps = L->lex_not_name != UINT32_MAX;
    nm->at = zs_xmalloc((d->ntoks + 1) * sizeof *nm->at);
    nm->end_at = zs_xmalloc((d->ntoks + 1) * sizeof *nm->end_at);
    for (size_t i = 0; i <= d->ntoks; i++) nm->at[i] = nm->end_at[i] = -1;
    for (size_t si = 0; si < d->nsents; si++) {
        const zs_sentence *s = &d->sents[si];
        for (uint32_t i = s->t0; i < s->t1;) {
            uint32_t end = i + 1, b;
            bool listed;
            if (ix->cover[i] >= 0) {
                i++;
                continue;
            }
            if (name_title(d, i)) {
                if (end < s->t1 && zs_tok_punct(d, end, ".") && !(d->toks[end].flags & ZS_TF_SPACE))
                    end++; /* "Dr. Barnett Slepian" */
                for (b = end; b < s->t1 && b - end < 5 && name_word(d, ix, b); b++)
                    if (b + 2 < s->t1 && zs_tok_punct(d, b + 1, "-") && name_word(d, ix, b + 2) &&
                        !(d->toks[b + 1].flags & ZS_TF_SPACE) && !(d->toks[b + 2].flags & ZS_TF_SPACE))
                        b++; /* "Frank-Walter Steinmeier" */
                if (b > end) {
                    char *n = name_of(d, end, b, true, &listed);
                    add_name(nm, d, end, b, n, listed);
                    i = b;
                    continue;
                }
            }
            /* where capitals make names, a listed name is capitalized too:
               "told us", not "the US" */
            const zs_entry *e = caps && !(d->toks[i].flags & ZS_TF_UPPER)
                                    ? NULL
                                    : zs_entry_at(d, i, s->t1, L->lex_participant, &end);
            const zs_attr *v = e ? zs_entry_attr(e, NULL) : NULL;
            if (v && end + 1 < s->t1 && zs_tok_punct(d, end, "-") &&
                !(d->toks[end + 1].flags & ZS_TF_SPACE) && name_title(d, end + 1)) {
                i = end; /* "US-Präsident Donald Trump": Trump */
                continue;
            }
            if (v && ix->cover[end - 1] < 0) {
                add_name(nm, d, i, end, listed_name(v), true);
                i = end;
                continue;
            }
            if (caps && name_word(d, ix, i) &&
                (!opens_sentence(d, i) ||
                 (i + 1 < s->t1 && name_word(d, ix, i + 1)))) { /* "Angela Merkel met" */
                for (b = i + 1; b < s->t1 && b - i < 4 && name_word(d, ix, b); b++) {}
                if (b < s->t1 && name_title(d, b)) {
                    i = b; /* "German Chancellor Angela Merkel", "Czech
                              Foreign Minister Jan Kavan": no name */
                    continue;
                }
                /* not_name "alone" words end no name, and leave no one
                   word before them a name: "the Cuban government",
                   "Mexican officials", "Latin American countries", "All
                   European states" */
                uint32_t b1 = b;
                const zs_entry *no;
                while (b1 > i && d->toks[b1 - 1].word &&
                       zs_word_in(d->toks[b1 - 1].word, L->lex_not_name, &no) && no->nattrs)
                    b1--;
                if (b1 <= i + 1 && (b1 < b || d->toks[i].b1 - d->toks[i].b0 == 1)) {
                    i = b; /* "U.N.": no letter alone either */
                    continue;
                }
                b = b1;
                char *n = name_of(d, i, b, false, &listed);
                add_name(nm, d, i, b, n, listed);
                i = b;
                continue;
            }
            /* "X und Y": Y a capitalized word ending the phrase */
            if (nm->n && nm->m[nm->n - 1].t1 == i && i + 1 < s->t1 && joins(d, i) &&
                name_word(d, ix, i + 1) && nm->at[i + 1] < 0 &&
                (i + 2 >= s->t1 || (!(d->toks[i + 2].flags & ZS_TF_UPPER) &&
                                    !zs_tok_punct(d, i + 2, "-")))) {
                char *n = name_of(d, i + 1, i + 2, false, &listed);
                add_name(nm, d, i + 1, i + 2, n, listed);
                i += 2;
                continue;
            }
            i++;
        }
    }
    /* "Regierungssprecher Steffen Seibert" ... "erklärte Seibert": a word
       the text named after a title is a name alone too (where capitals
       make names, it is one already, but for the first word of a
       sentence: "Joe Biden" ... "Biden talked") */
    size_t nt = 0, ntitled = nm->n;
    const char **titled = zs_xmalloc((ntitled + 1) * sizeof *titled);
    for (size_t k = 0; k < ntitled; k++) {
        const char *sp = strrchr(nm->m[k].name, ' ');
        if (!nm->m[k].listed && (!sp || caps))
            titled[nt++] = sp ? sp + 1 : nm->m[k].name; /* "Joe Biden": "Biden" */
    }
    uint64_t lens = 0; /* the byte lengths of those names, below 64 */
    for (size_t k = 0; k < nt; k++) {
        size_t len = strlen(titled[k]);
        if (len < 64) lens |= UINT64_C(1) << len;
    }
    if (lens) {
        qsort(titled, nt, sizeof *titled, cmp_str);
        bool *inside = zs_xcalloc(d->ntoks + 1, sizeof *inside);
        for (size_t k = 0; k < ntitled; k++)
            for (uint32_t t = nm->m[k].t0; t < nm->m[k].t1; t++) inside[t] = true;
        for (uint32_t i = 0; i < d->ntoks; i++) {
            const zs_token *t = &d->toks[i];
            size_t len = t->b1 - t->b0;
            if (len >= 64 || !(lens >> len & 1) || inside[i] || t->kind != ZS_TOK_WORD ||
                !(t->flags & ZS_TF_UPPER) || (caps && !opens_sentence(d, i)))
                continue;
            tok_text key = {d->text + t->b0, len};
            const char **hit = bsearch(&key, titled, nt, sizeof *titled, cmp_tok_name);
            if (hit && name_word(d, ix, i)) add_name(nm, d, i, i + 1, zs_xstrdup(*hit), false);
        }
        free(inside);
    }
    free(titled);
    /* "Vladimir Putin" is "Putin" where the text says "Putin" alone */
    char **single = zs_xmalloc((nm->n + 1) * sizeof *single);
    size_t ns = 0;
    for (size_t k = 0; k < nm->n; k++)
        if (!strchr(nm->m[k].name, ' ')) single[ns++] = nm->m[k].name;
    qsort(single, ns, sizeof *single, cmp_str);
    for (size_t k = 0; k < nm->n; k++) {
        name_mention *m = &nm->m[k];
        const char *sp = strrchr(m->name, ' ');
        if (!sp || m->listed) continue;
        const char *last = sp + 1;
        if (!bsearch(&last, single, ns, sizeof *single, cmp_str)) continue;
        char *n = zs_xstrdup(last);
        free(m->name);
        m->name = n;
    }
    free(single);
}

/* Adds name to e's participants unless it is there. */
static void add_participant(zs_event *e, const char *name)
{
    for (uint32_t k = 0; k < e->nparticipants; k++)
        if (strcmp(e->participants[k], name) == 0) return;
    e->participants = zs_xrealloc(e->participants, (e->nparticipants + 1) * sizeof *e->participants);
    e->participants[e->nparticipants++] = zs_xstrdup(name);
}

/* Whether token i may stand between a noun and a name of its phrase: a
 * participant_link word ("der", "beiden", "von", "zwischen"), a title, a
 * hyphen. */
static bool phrase_word(const zs_doc *d, uint32_t i)
{
    const zs_token *t = &d->toks[i];
    if (zs_tok_punct(d, i, "-") || (zs_tok_punct(d, i, ".") && i > 0 && name_title(d, i - 1))) return true;
    return (t->word && zs_word_in(t->word, d->lang->lex_participant_link, NULL)) || name_title(d, i);
}

/* Whether the name at token i is the target of a noun before it: a
 * participant_link word valued "target" between them, and up to two plain
 * participant_link words, articles, after that ("sanctions against
 * Moscow", "an embargo on Belarus and Syria", "Sanktionen gegen den
 * Iran"): the noun's, not the verb's. The noun is a noun event, or a
 * capitalized word inside its sentence and no name nor date (a German
 * noun: "Sanktionen"). */
static bool noun_target(const zs_doc *d, const tok_index *ix, const names *nm, const int32_t *ev_at,
                        uint32_t i)
{
    const zs_entry *e;
    while (i >= 2 && joins(d, i - 1) && nm->end_at[i - 1] >= 0)
        i = nm->m[nm->end_at[i - 1]].t0; /* "against Russia and Belarus" */
    uint32_t lex = d->lang->lex_participant_link;
    for (int k = 0; k < 2 && i >= 3 && d->toks[i - 1].word &&
                    zs_word_in(d->toks[i - 1].word, lex, &e) && !e->nattrs;
         k++)
        i--; /* "gegen den Iran", "against the two" */
    if (i < 2 || !d->toks[i - 1].word || !zs_word_in(d->toks[i - 1].word, lex, &e) ||
        !zs_entry_value_is(e, "target"))
        return false;
    const zs_token *n = &d->toks[i - 2];
    if (ev_at[i - 2] >= 0) return d->events[ev_at[i - 2]].noun;
    return n->kind == ZS_TOK_WORD && (n->flags & ZS_TF_UPPER) && !(n->flags & ZS_TF_SSTART) &&
           nm->end_at[i - 1] < 0 && ix->cover[i - 2] < 0; /* not "am Sonntag gegen" */
}

/* The names of e's own mention: for a verb, those of its clause; for a
 * noun, those inside it ("US-Angriff"), right before it ("Trumps
 * Amtsantritt") and in its phrase after it ("Telefonat von Putin und
 * Trump"). Places ("in Moskau") are not participants. */
static void mention_participants(const zs_doc *d, const tok_index *ix, const names *nm,
                                 const int32_t *ev_at, const bool *place, zs_event *e)
{
    uint32_t c0, c1;
    clause_of(d, e->t0, &c0, &c1);
    if (!e->noun) { /* not names inside a noun event ("EU-Gipfel"), nor
                       for a light verb, whose noun has them */
        /* its own part of the clause: from the verb before it to the
           verb after it ("Scholz said he would travel to Washington to
           meet Trump": Scholz said, meet Trump) */
        size_t k = (size_t)(e - d->events);
        for (size_t j = k; j-- > 0 && d->events[j].sent == e->sent;)
            if (!d->events[j].noun) {
                if (d->events[j].t1 > c0) c0 = d->events[j].t1;
                break;
            }
        c1 = next_verb_at(d, e, c1);
        /* "reports speaker": a report's speaker, the names before it,
           else the first one right after it ("said Josefa Gonzalez"), not
           what it reports ("Miranda said Elian's father ...") */
        bool report = e->cls == ZS_EC_REPORTING && d->lang->reports_speaker;
        for (uint32_t i = c0; i < c1 && !e->light; i++) {
            if (report && i >= e->t0 && (e->nparticipants || i > e->t1 + REPORT_SPEAKER)) break;
            int32_t n = nm->at[i];
            if (n >= 0 && !nm->m[n].place && !place[i] && ev_at[i] < 0 &&
                !noun_target(d, ix, nm, ev_at, i))
                add_participant(e, nm->m[n].name);
        }
        return;
    }
    int32_t before = nm->end_at[e->t0]; /* "Trumps Amtsantritt" */
    if (before >= 0 && !nm->m[before].place && nm->m[before].t0 >= c0)
        add_participant(e, nm->m[before].name);
    for (uint32_t i = e->t0; i < e->t1; i++) /* "US-Angriff" */
        if (nm->at[i] >= 0 && nm->m[nm->at[i]].t1 <= e->t1) add_participant(e, nm->m[nm->at[i]].name);
    for (uint32_t i = e->t1; i < c1 && i - e->t1 <= MAX_PHRASE;) {
        int32_t k = nm->at[i];
        if (k >= 0) {
            if (!nm->m[k].place && !place[i]) add_participant(e, nm->m[k].name);
            i = nm->m[k].t1;
            continue;
        }
        if (ev_at[i] >= 0 || !phrase_word(d, i)) break;
        i++;
    }
}


static int cmp_participant(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Participants of every event: those of all mentions of the same event
 * (same_as), sorted; a title without a place or modifier lists up to
 * three of them ("Telefonat Putin – Trump"); a light verb that is another
 * mention has its noun's title ("Die Konferenz soll ... stattfinden"). */
static void add_participants(zs_doc *d, const tok_index *ix, const bool *has_place,
                             const bool *place, const size_t *base_len, const int *object,
                             const int *object_rel)
{
    if (!d->nevents) return;
    names nm = {0};
    find_names(d, ix, &nm);
    int32_t *ev_at = zs_xmalloc((d->ntoks + 1) * sizeof *ev_at);
    for (size_t i = 0; i <= d->ntoks; i++) ev_at[i] = -1;
    for (size_t k = 0; k < d->nevents; k++)
        for (uint32_t i = d->events[k].t0; i < d->events[k].t1; i++) ev_at[i] = (int32_t)k;
    for (size_t k = 0; k < d->nevents; k++)
        mention_participants(d, ix, &nm, ev_at, place, &d->events[k]);
    /* a support verb and its object are one event: they share their names
       ("Iran and the United States held talks with Oman") */
    int *support = zs_xmalloc((d->nevents + 1) * sizeof *support);
    for (size_t k = 0; k < d->nevents; k++) {
        /* the noun event a support verb names as its object (object_of
           by INCLUDES: "held talks", "made a proposal") */
        support[k] = object_rel[k] == ZS_REL_INCLUDES ? object[k] : -1;
        if (support[k] < 0) continue;
        zs_event *e = &d->events[k], *o = &d->events[support[k]];
        for (uint32_t j = 0; j < o->nparticipants; j++) add_participant(e, o->participants[j]);
        for (uint32_t j = 0; j < e->nparticipants; j++) add_participant(o, e->participants[j]);
    }
    /* a mention's names are its first mention's too, and theirs its */
    for (size_t k = 0; k < d->nevents; k++) {
        zs_event *e = &d->events[k];
        if (e->coref < 0) continue;
        zs_event *first = &d->events[e->coref];
        for (uint32_t j = 0; j < e->nparticipants; j++) add_participant(first, e->participants[j]);
    }
    for (size_t k = 0; k < d->nevents; k++) {
        zs_event *e = &d->events[k];
        if (e->coref < 0) continue;
        const zs_event *first = &d->events[e->coref];
        for (uint32_t j = 0; j < first->nparticipants; j++) add_participant(e, first->participants[j]);
    }
    /* support verbs first, whose titles take their objects' own */
    for (size_t n = 0; n < 2 * d->nevents; n++) {
        size_t k = n % d->nevents;
        if ((support[k] >= 0) != (n < d->nevents)) continue;
        zs_event *e = &d->events[k];
        if (e->nparticipants > 1)
            qsort(e->participants, e->nparticipants, sizeof *e->participants, cmp_participant);
        /* a support verb has its object's title, its names before the
           object's place: "held talks in Oman", "Talks Iran \u2013 United
           States in Oman" */
        /* or the verb's place where the noun has none: "führten in Wien
           Gespräche", "Gespräch Iran \u2013 Österreich in Wien" */
        int s = support[k];
        bool own_place = s >= 0 && has_place[k] && !has_place[s];
        const zs_event *o = s >= 0 && (!has_place[k] || own_place) ? &d->events[s] : NULL;
        if (!o && (has_place[k] || !e->nparticipants || e->nparticipants > MAX_TITLE_NAMES ||
                   (e->noun && !e->bare)))
            continue; /* "G20-Gipfel in Hamburg", "US-Angriff" */
        zs_buf b = {0};
        if (o) zs_buf_put(&b, o->title, base_len[s]);
        else zs_buf_puts(&b, e->title);
        for (uint32_t j = 0; j < e->nparticipants && e->nparticipants <= MAX_TITLE_NAMES; j++) {
            zs_buf_puts(&b, j ? " \u2013 " : " ");
            zs_buf_puts(&b, e->participants[j]);
        }
        if (o) zs_buf_puts(&b, own_place ? e->title + base_len[k] : o->title + base_len[s]);
        free(e->title);
        e->title = b.data;
    }
    for (size_t k = 0; k < d->nevents; k++) { /* "soll ... stattfinden": the
                                                 title of its noun */
        zs_event *e = &d->events[k];
        int n = e->light ? light_noun(d, k) : -1;
        if (n < 0) continue;
        free(e->title);
        e->title = zs_xstrdup(d->events[n].title);
    }
    /* a support verb's object is another mention of the verb's event (one
       calendar entry, "Talks Iran \u2013 United States in Oman"; no link
       of its own, so that the relations stay TimeML's) */
    for (size_t k = 0; k < d->nevents; k++) {
        if (support[k] >= 0 && support[k] < (int)k && d->events[k].coref < 0) {
            /* the noun first ("Gespräche mit Polen geführt"): the verb is
               its other mention, and the noun has the verb's title */
            zs_event *o = &d->events[support[k]];
            int head = o->coref >= 0 ? o->coref : support[k];
            for (size_t j = k + 1; j < d->nevents; j++)
                if (d->events[j].coref == (int)k) d->events[j].coref = head;
            d->events[k].coref = head;
            free(o->title);
            o->title = zs_xstrdup(d->events[k].title);
            continue;
        }
        if (support[k] < (int)k || d->events[support[k]].coref >= 0) continue;
        int head = d->events[k].coref >= 0 ? d->events[k].coref : (int)k;
        for (size_t j = (size_t)support[k] + 1; j < d->nevents; j++)
            if (d->events[j].coref == support[k]) d->events[j].coref = head;
        d->events[support[k]].coref = head;
    }
    /* a light or support verb and the noun event it mentions are one
       event, negated as one ("Die Gespräche fanden nicht statt",
       "führten keine Gespräche") */
    for (size_t k = 0; k < d->nevents; k++) {
        zs_event *e = &d->events[k];
        int o = support[k] >= 0 ? support[k] : e->light ? light_noun(d, k) : -1;
        if (o >= 0 && (e->negated || d->events[o].negated)) e->negated = d->events[o].negated = true;
    }
    free(support);
    for (size_t k = 0; k < nm.n; k++) free(nm.m[k].name);
    free(nm.m);
    free(nm.at);
    free(nm.end_at);
    free(ev_at);
}

/* ---- cancelled and postponed events ------------------------------------
 *
 * A trigger of event_status (by its word, else by its lemma: "sagte ...
 * ab" is "absagen", "Gipfelabsage" "absage"; an entry with particle= only
 * where that word follows in its clause: "called off") says that a noun
 * event it names will not take place (cancelled) or is moved (postponed):
 * a noun trigger ("Absage des Gipfels", "cancellation of the summit") the
 * event right after it; a verb its object right after it ("cancelled
 * the summit", "sagte das Treffen ab"), else the first event of its
 * clause after the last coordination before it ("talks broke down and the
 * summit was cancelled"), not a verb in a past form ("the summit planned
 * for May") nor one a signal names (the
 * subject of a passive, "Das Treffen wurde wegen des Streiks abgesagt",
 * or the object of a German perfect, "hat den Gipfel abgesagt"). A
 * cancelled event is CANCELLED, a postponed one PLANNED, and dated by the
 * date its clause gives after a word of status_date ("auf April", "until
 * next week"). The trigger stays an event of its own. */
#define STATUS_REACH 4

/* The event_status entry of event e, or NULL. */
static const zs_entry *status_entry(const zs_doc *d, const zs_event *e)
{
    const zs_lang *L = d->lang;
    const zs_entry *en;
    const zs_word *w = d->toks[e->t1 - 1].word;
    if (!w || !zs_word_in(w, L->lex_event_status, &en)) {
        if (tok_is(d, e->t1 - 1, e->lemma)) return NULL;
        w = zs_lang_word(L, e->lemma, strlen(e->lemma));
        if (!w || !zs_word_in(w, L->lex_event_status, &en)) return NULL;
    }
    const zs_attr *part = zs_entry_attr(en, "particle");
    if (part && !particle_after(d, e->t0, e->t1, e->t1 + STATUS_REACH + 1, part->sym, false))
        return NULL;
    return en;
}

/* Whether a signal (of signal_after, signal_before or signal_during)
 * starts at token i and ends by token lim. */
static bool is_signal(const zs_doc *d, uint32_t i, uint32_t lim)
{
    const zs_lang *L = d->lang;
    uint32_t end;
    return zs_entry_at(d, i, lim, L->lex_signal_after, &end) ||
           zs_entry_at(d, i, lim, L->lex_signal_before, &end) ||
           zs_entry_at(d, i, lim, L->lex_signal_during, &end);
}

/* Whether a signal stands in the MAX_SIGNAL_GAP tokens before token i of
 * its sentence ("nach dem Streik", "after talks"). */
static bool after_signal(const zs_doc *d, uint32_t i, uint32_t s0)
{
    for (uint32_t j = i > s0 + MAX_SIGNAL_GAP ? i - MAX_SIGNAL_GAP : s0; j < i; j++)
        if (is_signal(d, j, i)) return true;
    return false;
}

/* The event that status event k names, or -1; status[j] is the
 * event_status entry of event j, NULL where it is none. */
static int status_target(const zs_doc *d, size_t k, const zs_entry *const *status)
{
    const zs_event *s = &d->events[k];
    uint32_t c0, c1, s0 = d->sents[s->sent].t0;
    clause_of(d, s->t0, &c0, &c1);
    for (size_t j = k + 1; j < d->nevents; j++) { /* the object */
        const zs_event *t = &d->events[j];
        if (t->t0 >= c1 || t->t0 > s->t1 + STATUS_REACH || status[j]) break;
        bool gap = false;
        for (uint32_t i = s->t1; i < t->t0 && !gap; i++)
            gap = d->toks[i].kind == ZS_TOK_PUNCT || is_signal(d, i, t->t0);
        if (gap) break;
        if (!t->past_form) return (int)j;
    }
    if (s->noun) return -1;
    uint32_t from = c0; /* after the last coordination before it */
    for (uint32_t i = s->t0; i > c0 && from == c0; i--)
        if (is_kind(pair_word(d, i - 1), "coordination")) from = i;
    int first = -1;
    for (size_t j = k; j-- > 0;) { /* the subject */
        const zs_event *t = &d->events[j];
        if (t->t0 < from) break;
        if (!status[j] && !t->past_form && !after_signal(d, t->t0, s0)) first = (int)j;
    }
    return first;
}

/* The date of status event s's clause after a word of status_date, or -1;
 * not one that ends before the publication time, where an event cannot be
 * moved to ("pushed the talks back to Friday", Friday read as the last
 * one). */
static int status_date(const zs_doc *d, const tok_index *ix, const zs_event *s)
{
    const zs_lang *L = d->lang;
    uint32_t c0, c1;
    clause_of(d, s->t0, &c0, &c1);
    for (uint32_t i = c0 + 1; i < c1; i++) {
        int k = ix->start[i];
        const zs_word *w = d->toks[i - 1].word;
        if (k < 0 || !w || !zs_word_in(w, L->lex_status_date, NULL)) continue;
        const zs_timex *x = &d->timexes[k];
        if (!x->claimed && is_time(x) && (x->group < 0 || x->group == k) &&
            !(x->rv.has_interval && x->rv.until <= d->dct))
            return k;
    }
    return -1;
}

static void apply_status(zs_doc *d, const tok_index *ix)
{
    const zs_lang *L = d->lang;
    if (L->lex_event_status == UINT32_MAX) return;
    size_t k0 = 0;
    while (k0 < d->nevents && !status_entry(d, &d->events[k0])) k0++;
    if (k0 == d->nevents) return;
    const zs_entry **st = zs_xcalloc(d->nevents, sizeof *st);
    for (size_t k = k0; k < d->nevents; k++) st[k] = status_entry(d, &d->events[k]);
    for (size_t k = k0; k < d->nevents; k++) {
        if (!st[k]) continue;
        int j = status_target(d, k, st);
        if (j < 0) continue;
        zs_event *t = &d->events[j];
        const zs_attr *a = zs_entry_attr(st[k], "status");
        if (!a) a = zs_entry_attr(st[k], NULL);
        if (a && strcmp(a->sym, "cancelled") == 0) {
            t->modality = ZS_MODAL_CANCELLED;
            t->status_by = (int)k;
        } else if (a && strcmp(a->sym, "postponed") == 0) {
            t->modality = ZS_MODAL_PLANNED;
            t->status_by = (int)k;
            int x = status_date(d, ix, &d->events[k]);
            if (x >= 0 && t->time < 0) {
                d->timexes[x].claimed = true;
                anchor(d, t, x);
                t->postponed = true;
                d->events[k].moves = true;
            }
        }
    }
    free(st);
}

/* Whether token p is a modal_planned word other than one marked "date"
 * ("planned", not "for"). */
static bool planning_word(const zs_doc *d, uint32_t p)
{
    const zs_entry *en;
    if (!d->toks[p].word || !zs_word_in(d->toks[p].word, d->lang->lex_modal_planned, &en))
        return false;
    return !zs_entry_value_is(en, "date");
}

/* The date a cancelled event e was planned for: right before it but for
 * up to two words, none of them an auxiliary ("der für Dienstag geplante
 * Gipfel", not "Am Sonntag wurde der Gipfel abgesagt"), or up to two words
 * after a modal_planned word right after it ("the summit planned for
 * Thursday") or after a phrase after it (planned_after_phrase: "the visit
 * of the delegation planned for Friday"); else -1. */
static int planned_date(const zs_doc *d, const tok_index *ix, const zs_event *e)
{
    uint32_t s0 = d->sents[e->sent].t0, s1 = d->sents[e->sent].t1;
    uint32_t p = e->t1; /* the modal_planned word */
    if (d->lang->lex_modal_planned == UINT32_MAX) p = s1;
    while (p < s1 && p <= e->t1 + PLANNED_PHRASE_REACH && !planning_word(d, p)) p++;
    if (p > e->t1 && (p >= s1 || p > e->t1 + PLANNED_PHRASE_REACH ||
                      planned_after_phrase(d, p, s0, s1) != (int)(e - d->events)))
        p = s1;
    if (p < s1)
        for (uint32_t j = p + 1; j < s1 && j <= p + 3; j++) {
            int k = ix->start[j];
            if (d->toks[j].kind == ZS_TOK_PUNCT) break;
            if (k < 0) continue;
            const zs_timex *x = &d->timexes[k];
            return !x->claimed && is_time(x) && (x->group < 0 || x->group == k) ? k : -1;
        }
    for (uint32_t j = e->t0; j > s0 && e->t0 - j <= 2; j--) {
        int k = ix->cover[j - 1];
        if (k >= 0) {
            const zs_timex *x = &d->timexes[k];
            bool ok = !x->claimed && !x->is_dct && is_time(x) && (x->group < 0 || x->group == k);
            return ok ? k : -1;
        }
        const zs_word *w = d->toks[j - 1].word;
        if (d->toks[j - 1].kind == ZS_TOK_PUNCT ||
            (w && d->lang->lex_verb_aux != UINT32_MAX && zs_word_in(w, d->lang->lex_verb_aux, NULL)))
            break;
    }
    return -1;
}

/* A cancelled mention cancels every mention of its event (zs_event.coref). */
static void spread_cancelled(zs_doc *d)
{
    for (size_t k = 0; k < d->nevents; k++) {
        const zs_event *e = &d->events[k];
        if (e->coref >= 0 && e->modality == ZS_MODAL_CANCELLED)
            d->events[e->coref].modality = ZS_MODAL_CANCELLED;
    }
    for (size_t k = 0; k < d->nevents; k++) {
        zs_event *e = &d->events[k];
        if (e->coref >= 0 && d->events[e->coref].modality == ZS_MODAL_CANCELLED)
            e->modality = ZS_MODAL_CANCELLED;
    }
}

/* The date a noun right after verb event i claimed as its own (at most
 * PAIR_NEAR tokens after it, no punctuation between): the verb's too,
 * whose object the noun is ("closed the deal yesterday", "signed
 * the agreement Friday"; TimeBank's closure puts 13 of the 25 such verbs
 * within it), not a cancelled noun's, the date it was planned for
 * ("scrapped the visit ... planned for Friday"), or -1. */
static int object_date(const zs_doc *d, size_t i)
{
    const zs_event *e = &d->events[i];
    if (e->noun || e->cls == ZS_EC_REPORTING || i + 1 >= d->nevents) return -1;
    const zs_event *o = &d->events[i + 1];
    if (!named_noun(d, o) || o->time < 0 || o->modality == ZS_MODAL_CANCELLED || o->sent != e->sent ||
        o->t0 - e->t1 > PAIR_NEAR || d->timexes[o->time].t0 < o->t1)
        return -1;
    for (uint32_t t = e->t1; t < o->t0; t++) {
        const zs_word *w = d->toks[t].word;
        if (d->toks[t].kind == ZS_TOK_PUNCT || future_word(d->lang, w))
            return -1;
    }
    return o->time;
}

/* Whether timex k stands before the marker of the infinitive e that a
 * promise, a decision or a call names right after its phrase
 * (zs_planned_infinitive): the date of the promise ("agreed on Monday to
 * impose"), not of e; not one inside an infinitive clause ("plant, am
 * Freitag einen Trainer vorzustellen"). */
static bool promise_date(const zs_doc *d, const zs_event *e, int k)
{
    bool clause;
    return !e->noun && e->tense == ZS_TENSE_INFINITIVE && d->timexes[k].t1 < e->t0 &&
           zs_planned_infinitive(d, e->t1 - 1, &clause) && !clause;
}

/* Whether timex k of event e's clause is another event's: of the clause
 * e names, from token named on ("demanded that Iran readmit inspectors by
 * the end of the year"; complement_verb), or of the promise that names e
 * (promise_date: "agreed on Monday to impose"). */
static bool others_date(const zs_doc *d, const zs_event *e, int k, uint32_t named)
{
    return d->timexes[k].t0 >= named || promise_date(d, e, k);
}

/* Event e is the object of a verb whose tlink_object entry says plan=, a
 * verb of demanding, announcing or planning ("forderte am Montag
 * Neuwahlen im Herbst", "called for a referendum"), a noun or the verb of
 * a clause it opens (complement_verb: "verlangte, dass die Sanktionen
 * verlängert werden"): e is planned (zs_event.demanded), unless its
 * modality is another than planned already. */
static void plan_object(zs_event *e)
{
    if (e->modality != ZS_MODAL_ASSERTED && e->modality != ZS_MODAL_PLANNED) return;
    e->modality = ZS_MODAL_PLANNED;
    e->demanded = true;
}

/* How many days before the publication time a plan told of the days
 * around it may lie. */
#define RECENT_DAYS 31

/* Whether timex x is a date of the days around the publication: resolved
 * against the publication time ("am Montag", "gestern"), and ending at
 * most RECENT_DAYS days before it (not "im Juni" told in February). */
static bool recent_date(const zs_doc *d, const zs_timex *x)
{
    return x->anchor == ZS_ANCHOR_DCT && x->rv.has_interval &&
           x->rv.until > d->dct - (zs_lsec)RECENT_DAYS * 86400;
}

/* Whether verb event v is told of the days around the publication: its
 * date is one of them (recent_date), or it has none and is in the
 * present, or the last date before it is one of them or there is none
 * (news, not a history told with its years: "verlangte im Juni 1940
 * ..."). */
static bool told_recent(const zs_doc *d, const zs_event *v)
{
    if (v->time >= 0) return recent_date(d, &d->timexes[v->time]);
    if (!v->past_form && v->tense == ZS_TENSE_PRESENT) return true;
    for (size_t k = d->ntimexes; k-- > 0;) {
        const zs_timex *x = &d->timexes[k];
        if (x->t1 > v->t0 || x->is_dct || !is_time(x)) continue;
        return recent_date(d, x);
    }
    return true;
}

/* Planned event e, the object of plan verb v (plan_object): a plan told
 * of the time around the publication (told_recent) lies after it, and a
 * date of its own, a month, a season or a coarser one that the tense of
 * the verb put before the publication time, is the coming one ("forderte
 * am Montag Neuwahlen im Herbst": the autumn after the demand, not the one
 * before; not a day, "forderte Neuwahlen am Montag", which may be the
 * demand's), in news, for a date resolved against the publication time by
 * a tense hint alone in no coordination; one of an earlier time is
 * after v, not said to lie after the publication (zs_event.reported_plan:
 * "verlangte 1940 einen Waffenstillstand"). */
static void plan_date(zs_doc *d, const zs_event *v, zs_event *e)
{
    if (!told_recent(d, v)) {
        e->reported_plan = true;
        return;
    }
    if (e->time < 0 || d->narrative) return;
    zs_timex *x = &d->timexes[e->time];
    zs_rv rv;
    if (x->anchor != ZS_ANCHOR_DCT || x->group >= 0 || !x->rv.has_interval || x->rv.until > d->dct ||
        x->rv.gran > ZS_GRAN_MONTH || !zs_tv_uses_hint(&x->tv) ||
        !zs_tv_resolve(&x->tv, d->dct, ZS_DIR_FUTURE, &rv) || !rv.has_interval || rv.until <= d->dct)
        return;
    x->rv = rv;
    anchor(d, e, e->time);
}

/* Whether reaction verb v has a date before its object o: its own, or an
 * unclaimed date of its clause before o ("The government Saturday
 * strongly condemned the attacks Friday", "Am Montag wies er die Vorwürfe
 * vom Freitag zurück"); then a date after o is o's own. */
static bool reaction_dated(const zs_doc *d, const tok_index *ix, const zs_event *v, const zs_event *o)
{
    if (v->time >= 0) return true;
    uint32_t c0, c1;
    clause_of(d, v->t0, &c0, &c1);
    return o->t0 > c0 && nearest_timex(d, ix, v, c0, o->t0, false) >= 0;
}

/* Whether the part of verb event e's clause around it (up to punctuation)
 * holds a noun that is an entry of lexicon lex or ends as one, in no
 * prepositional phrase and no genitive attribute: its subject or object
 * ("das Rennen bestreiten", "den Tagessieger ermitteln", "Der Sieger wird
 * ermittelt"; not "ermittelt gegen den Sieger"). */
static bool clause_noun_in(const zs_doc *d, const zs_event *e, uint32_t lex)
{
    uint32_t c0, c1;
    clause_of(d, e->t0, &c0, &c1);
    uint32_t a = e->t0, b = e->t1;
    while (a > c0 && d->toks[a - 1].kind != ZS_TOK_PUNCT) a--;
    while (b < c1 && d->toks[b].kind != ZS_TOK_PUNCT) b++;
    for (uint32_t i = a; i < b; i++) {
        const zs_token *t = &d->toks[i];
        if (i >= e->t0 && i < e->t1) continue;
        if (t->kind != ZS_TOK_WORD || !(t->flags & ZS_TF_UPPER)) continue;
        const zs_entry *en = NULL;
        if (!(t->word && zs_word_in(t->word, lex, &en)) &&
            !ending_entry(d->lang, lex, zs_tok_fold(d, i), t->fold_len, 0, NULL))
            continue;
        if (!in_phrase(d, i < e->t0 ? a : e->t1, i) && !genitive_attribute(d, i)) return true;
    }
    return false;
}

/* Tokens from a negation word to the noun event it negates ("keine
 * neuen Gespräche", "no new talks"). */
#define NEGATED_NOUN_REACH 3

/* Sets each event's polarity by the negation lexicon: a word marked
 * "noun" negates the noun event right after it, past at most
 * NEGATED_NOUN_REACH - 1 words ("keine neuen Gespräche", "no agreement");
 * one marked "verb" negates the verb event of its clause, the first after
 * it, else the nearest before it ("hat nicht teilgenommen", "did not
 * attend", "fanden nicht statt"), but not where a date follows it, right
 * after it or after a preposition (the date is what is denied: "nicht am
 * Montag", "not until Monday"), nor where a word marked
 * "contrast" follows later in its sentence ("nicht am Freitag, sondern am
 * Samstag"); a phrase marked "none" negates nothing ("nicht nur", "not
 * only"). Not inside a timex. */
static void set_polarity(zs_doc *d, const tok_index *ix)
{
    uint32_t lex = d->lang->lex_negation;
    if (lex == UINT32_MAX || !d->nevents) return;
    size_t k = 0; /* the first event that does not end before the word */
    for (size_t si = 0; si < d->nsents; si++) {
        const zs_sentence *s = &d->sents[si];
        for (uint32_t i = s->t0; i < s->t1; i++) {
            const zs_word *w = d->toks[i].word; /* most words start no entry: no call */
            if (!w || !zs_word_starts(w, lex)) continue;
            uint32_t end;
            const zs_entry *en = zs_entry_at(d, i, s->t1, lex, &end);
            if (!en || ix->cover[i] >= 0) continue;
            if (zs_entry_value_is(en, "none") || zs_entry_value_is(en, "contrast")) {
                i = end - 1;
                continue;
            }
            while (k < d->nevents && d->events[k].t1 <= i) k++;
            if (zs_entry_value_is(en, "noun")) {
                for (size_t j = k; j < d->nevents && d->events[j].t0 < end + NEGATED_NOUN_REACH; j++)
                    if (d->events[j].t0 >= end && d->events[j].noun) {
                        d->events[j].negated = true;
                        break;
                    }
                continue;
            }
            /* a date right after it, or after one preposition, is what
               it denies ("nicht am Montag", "not until Monday") */
            bool dated = (end < s->t1 && ix->start[end] >= 0) ||
                         (end + 1 < s->t1 && d->toks[end].kind == ZS_TOK_WORD &&
                          !(d->toks[end].flags & ZS_TF_UPPER) && ix->start[end + 1] >= 0);
            if (!zs_entry_value_is(en, "verb") || dated) continue;
            bool contrast = false;
            for (uint32_t j = end; j < s->t1 && !contrast; j++) {
                uint32_t e2;
                const zs_entry *c = zs_entry_at(d, j, s->t1, lex, &e2);
                contrast = c && zs_entry_value_is(c, "contrast");
            }
            if (contrast) continue;
            uint32_t c0, c1;
            clause_of(d, i, &c0, &c1);
            int after = -1, before = -1;
            for (size_t j = k; j < d->nevents && d->events[j].t0 < c1; j++)
                if (!d->events[j].noun && d->events[j].t0 >= end) {
                    after = (int)j;
                    break;
                }
            for (size_t j = k; j-- > 0 && d->events[j].t0 >= c0;)
                if (!d->events[j].noun) {
                    before = (int)j;
                    break;
                }
            int v = after >= 0 ? after : before;
            if (v >= 0) d->events[v].negated = true;
        }
    }
}

/* Drops each verb whose event_verb entry says object=: an event only with
 * an object (object_of: "führten ... Gespräche", not "der Weg führt nach
 * Berlin"); and each one whose entry says not_with= where a noun of the
 * lexicon it names is its subject or object (clause_noun_in: "das Rennen
 * bestreiten" competes, no denial; "den Sieger ermitteln" determines, no
 * investigation). */
static void drop_unfit_verbs(zs_doc *d)
{
    bool *drop = NULL;
    for (size_t k = 0; k < d->nevents; k++) {
        int rel;
        const zs_entry *en = d->events[k].entry;
        if (!en || d->events[k].noun) continue;
        const zs_attr *nw = zs_entry_attr(en, "not_with");
        uint32_t lex = nw ? (uint32_t)nw->num : UINT32_MAX; /* resolved at load */
        bool without = lex != UINT32_MAX && clause_noun_in(d, &d->events[k], lex);
        const zs_attr *obj = zs_entry_attr(en, "object");
        if (!without && (!d->lang->object_verbs || !obj || object_of(d, k, &rel, NULL) >= 0))
            continue;
        if (!drop) drop = zs_xcalloc(d->nevents, sizeof *drop);
        drop[k] = true;
    }
    if (!drop) return;
    drop_events(d, drop);
    free(drop);
}

void zs_find_events(zs_doc *d)
{
    zs_late_words(d);
    tok_index ix;
    index_timexes(d, &ix);
    size_t nknown = (d->ntoks + 31) / 32; /* clause_of's bits, then its bounds */
    d->clauses = zs_xmalloc((nknown + 2 * d->ntoks + 1) * sizeof *d->clauses);
    memset(d->clauses, 0, nknown * sizeof *d->clauses);
    for (size_t s = 0; s < d->nsents; s++) find_triggers(d, &ix, &d->sents[s]);
    set_context_classes(d);
    drop_unfit_verbs(d);
    /* each verb's object (object_of) and its relation, or -1 */
    int *object = zs_xmalloc((d->nevents + 1) * sizeof *object);
    int *object_rel = zs_xmalloc((d->nevents + 1) * sizeof *object_rel);
    bool *plans = zs_xcalloc(d->nevents + 1, sizeof *plans); /* its entry says plan= */
    for (size_t k = 0; k < d->nevents; k++) {
        object_rel[k] = -1;
        object[k] = object_of(d, k, &object_rel[k], &plans[k]);
    }
    for (size_t i = 0; i < d->nevents; i++) {
        zs_event *e = &d->events[i];
        e->id[0] = 'e'; /* "e%zu", without printf */
        zs_put_num(e->id + 1, (int)(i + 1), 1);
        verb_group(d, e);
        set_modality(d, &ix, i);
        if (e->modality == ZS_MODAL_ASSERTED && e->tense == ZS_TENSE_FUTURE)
            e->modality = ZS_MODAL_PLANNED; /* "wird ... treffen" */
    }
    apply_status(d, &ix);
    set_polarity(d, &ix);
    /* a verb with no noun object and the verb of the clause it names
       (complement_verb, once tenses are known: "kündigte an, die
       Sanktionen zu verlängern") */
    /* the first token of the clause each verb so names, or UINT32_MAX */
    uint32_t *clause_from = zs_xmalloc((d->nevents + 1) * sizeof *clause_from);
    for (size_t k = 0; k < d->nevents; k++) clause_from[k] = UINT32_MAX;
    for (size_t k = 0; k < d->nevents; k++) {
        const zs_entry *en;
        if (object[k] >= 0 || d->events[k].noun) continue;
        uint32_t from;
        int o = complement_verb(d, &ix, k, &en, &from), rel = o >= 0 ? entry_rel(en) : -1;
        if (rel < 0) continue;
        clause_from[k] = from;
        object[k] = o;
        object_rel[k] = rel;
        plans[k] = zs_entry_attr(en, "plan") != NULL;
    }
    for (size_t k = 0; k < d->nevents; k++)
        if (object[k] >= 0 && plans[k]) plan_object(&d->events[object[k]]);
    /* the objects of reactions ("wies die Vorwürfe am Dienstag zurück",
       "denied the allegations on Tuesday"): told before the reaction, they
       take neither the date after them nor their clause's, the
       reaction's, unless the reaction has a date before them
       (reaction_dated); one right before them is theirs ("rejected the
       2019 accord") */
    int *reaction = zs_xmalloc((d->nevents + 1) * sizeof *reaction);
    for (size_t k = 0; k < d->nevents; k++) reaction[k] = -1;
    for (size_t k = 0; k < d->nevents; k++)
        if (object[k] >= 0 && object_rel[k] == ZS_REL_AFTER) {
            d->events[object[k]].answered = true;
            reaction[object[k]] = (int)k;
        }
    /* the verb that plans each demanded event, or -1 */
    int *demander = zs_xmalloc((d->nevents + 1) * sizeof *demander);
    for (size_t k = 0; k < d->nevents; k++) demander[k] = -1;
    for (size_t k = 0; k < d->nevents; k++)
        if (object[k] >= 0 && plans[k]) demander[object[k]] = (int)k;
    /* cancelled events first: the date they were planned for is theirs,
       not the cancelling verb's ("scrapped the visit of the delegation
       planned for Friday") */
    for (size_t n = 0; n < 2 * d->nevents; n++) {
        zs_event *e = &d->events[n % d->nevents];
        if (e->time >= 0 || (e->modality == ZS_MODAL_CANCELLED) != (n < d->nevents)) continue;
        /* a cancelled event has only a date of its own, not its clause's
           ("was cancelled on Sunday") */
        bool own = e->noun || e->modality == ZS_MODAL_CANCELLED;
        size_t i = n % d->nevents;
        bool after = !e->answered || reaction_dated(d, &ix, &d->events[reaction[i]], e);
        int k = !own ? verb_timex(d, &ix, e) : after ? postnominal_timex(d, &ix, e) : -1;
        /* not a date of the clause it names nor of the promise that names
           it (others_date) */
        if (k >= 0 && others_date(d, e, k, clause_from[i])) k = -1;
        /* not a date between a plan verb and the event it plans: the
           verb's ("forderte am Montag Neuwahlen") */
        if (k < 0 && !(own && e->demanded && demander[i] >= 0 && d->events[demander[i]].t1 <= e->t0))
            k = prenominal_timex(d, &ix, e, !own);
        if (k < 0 && e->modality == ZS_MODAL_CANCELLED) k = planned_date(d, &ix, e);
        if (k < 0) continue;
        d->timexes[k].claimed = true;
        anchor(d, e, k);
    }
    measured_list ms = {0};
    relate_by_signals(d, &ix, &ms);
    relate_to_previous(d, &ix);
    for (size_t i = 0; i < d->nevents; i++) {
        zs_event *e = &d->events[i];
        /* a date after the publication day in the clause of a plan told in
           the past is the planned event's, not the plan's ("hat für
           Donnerstag zu einem Warnstreik aufgerufen"; not "hat am Montag
           zu einem Warnstreik aufgerufen") */
        if (e->time < 0 && e->demanded && demander[i] >= 0 && told_past(&d->events[demander[i]]) &&
            !e->signal_object && !anaphoric(d, i)) {
            int k = clause_timex(d, &ix, e);
            if (k >= 0 && after_dct_day(d, &d->timexes[k])) anchor(d, e, k);
            continue;
        }
        /* the date of a clause belongs to what the clause says, not to a
           known event it names again ("Der Besuch war im Frühjahr
           angekündigt worden") or one a signal names ("Nach tagelangen
           Gesprächen ... am Mittwochabend geeinigt"), nor to what a
           reaction answers or a demand plans (the verb's: "wies die
           Vorwürfe am Dienstag zurück", "hatte 1990 eine Volksabstimmung
           verlangt") */
        if (e->time >= 0 || (e->signal_object && e->noun) || anaphoric(d, i) ||
            e->modality == ZS_MODAL_CANCELLED || e->answered || e->demanded)
            continue;
        int k = clause_timex(d, &ix, e);
        if (k >= 0 && others_date(d, e, k, clause_from[i])) k = -1;
        if (k < 0 && !(object[i] >= 0 && plans[i])) k = object_date(d, i);
        if (reported_date(d, e, k)) continue;
        /* "wurden unterbrochen und sollen nächste Woche fortgesetzt werden" */
        if (k >= 0 && told_past(e) && after_dct_day(d, &d->timexes[k])) continue;
        if (k < 0 || d->timexes[k].tv.ref != ZS_REF_NONE) { /* "jetzt wöchentlich" */
            uint32_t cue;
            int set = clause_set(d, &ix, e);
            /* not a past habit: "hatten ... einmal im Monat beraten" */
            if (set >= 0 && !e->past_form && tense_of(d, e, &cue) >= 0) k = set;
        }
        if (k >= 0) anchor(d, e, k);
    }
    for (size_t k = 0; k < d->nevents; k++)
        if (object[k] >= 0 && plans[k] && d->events[object[k]].demanded)
            plan_date(d, &d->events[k], &d->events[object[k]]);
    for (size_t k = 0; k < ms.n; k++) apply_distance(d, &ms.m[k]);
    free(ms.m);
    for (size_t i = 0; i < d->nevents; i++) {
        zs_event *e = &d->events[i];
        if (e->time < 0) continue;
        /* within its time; a verb within "now" too ("officials are now
           investigating": so TimeBank has most of them), a noun only
           overlapping it ("prüft derzeit weitere Treffen") */
        const zs_timex *x = &d->timexes[e->time];
        zs_relkind rel = x->tv.ref == ZS_REF_PRESENT && e->noun ? ZS_REL_OVERLAP : ZS_REL_IS_INCLUDED;
        anchor_signal(d, x, e, &rel);
        if (rel == ZS_REL_BEGUN_BY) runs_to_dct(d, e);
        if (rel == ZS_REL_BEFORE || rel == ZS_REL_AFTER || rel == ZS_REL_ENDED_BY) {
            /* before or after its time or lasting until it, not within it
               ("eine Einigung vor Weihnachten", "wird bis Ende 2027
               verlängert"): no date of its own; the closure places it */
            e->time = -1;
            e->has_interval = false;
            e->bounded = true;
        }
        add_tlink(d, e->id, x->id, rel, "anchor");
    }
    relate_durations(d, &ix);
    link_mentions(d, object_rel);
    spread_cancelled(d);
    /* an undated mention before a demanded one is planned too ("Streit um
       Neuwahlen. ... forderte Neuwahlen") */
    for (size_t k = 0; k < d->nevents; k++) {
        const zs_event *e = &d->events[k];
        zs_event *first = e->demanded && e->coref >= 0 ? &d->events[e->coref] : NULL;
        if (first && first->noun && first->modality == ZS_MODAL_ASSERTED && first->time < 0) {
            first->modality = ZS_MODAL_PLANNED;
            first->reported_plan = e->reported_plan;
        }
    }
    relate_sentence_dates(d);
    relate_to_dct(d);
    relate_reported(d);
    relate_adjacent(d);
    relate_objects(d, object, object_rel);
    relate_pairs(d);
    relate_times(d);
    relate_dct_table(d);
    bool *has_place = zs_xcalloc(d->nevents + 1, sizeof *has_place);
    bool *place = zs_xcalloc(d->ntoks + 1, sizeof *place);
    size_t *base_len = zs_xmalloc((d->nevents + 1) * sizeof *base_len);
    for (size_t k = 0; k < d->nevents; k++) base_len[k] = strlen(d->events[k].title);
    add_places(d, &ix, object, has_place, place);
    add_participants(d, &ix, has_place, place, base_len, object, object_rel);
    free(object);
    free(object_rel);
    free(plans);
    free(demander);
    free(clause_from);
    free(reaction);
    free(base_len);
    free(has_place);
    free(place);
    free(ix.start);
    free(ix.cover);
    free(ix.modal);
    free(ix.modal_known);
    free(ix.hearsay);
    free(d->clauses);
    d->clauses = NULL;
    zs_close_doc(d);
    borrow_intervals(d);
}

const char *zs_doc_event_title(const zs_doc *d, size_t i)
{
    return i < d->nevents ? d->events[i].title : NULL;
}

size_t zs_doc_event_participant_count(const zs_doc *d, size_t i)
{
    return i < d->nevents ? d->events[i].nparticipants : 0;
}

const char *zs_doc_event_participant(const zs_doc *d, size_t i, size_t k)
{
    return i < d->nevents && k < d->events[i].nparticipants ? d->events[i].participants[k] : NULL;
}
