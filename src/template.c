/* Loading templates/<lang>: parsing .zt files (errors as file:line:col),
 * interning folded words, building lexicons and compounds, compiling rule
 * patterns into matcher programs and indexing rules by the words they can
 * start with. The language is immutable once zs_lang_load returns. */
#include "template.h"

#include <dirent.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "text.h"

/* ---- allocation owned by the language ---------------------------------- */

/* Zeroed memory freed with L: small pieces are carved from blocks of
 * ARENA_BLOCK bytes (a language makes some 100000 of them), except under
 * AddressSanitizer, which then checks each piece's bounds. */
#define ARENA_BLOCK 65536
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_PIECES 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_PIECES 0
#endif
#endif
#ifndef ARENA_PIECES
#define ARENA_PIECES 1
#endif

static void *lalloc_own(zs_lang *L, size_t n)
{
    void *p = zs_xcalloc(1, n);
    ZS_GROW(L->allocs, L->allocs_cap, L->nallocs + 1);
    L->allocs[L->nallocs++] = p;
    return p;
}

static void *lalloc(zs_lang *L, size_t n)
{
    const size_t align = _Alignof(max_align_t);
    n = n ? (n + align - 1) / align * align : align;
    if (!ARENA_PIECES || n > ARENA_BLOCK / 8) return lalloc_own(L, n);
    if (L->arena_left < n) {
        L->arena = lalloc_own(L, ARENA_BLOCK);
        L->arena_left = ARENA_BLOCK;
    }
    void *p = L->arena;
    L->arena += n;
    L->arena_left -= n;
    return p;
}

static char *lstrndup(zs_lang *L, const char *s, size_t n)
{
    char *p = lalloc(L, n + 1);
    memcpy(p, s, n);
    return p;
}

static char *lstrdup(zs_lang *L, const char *s)
{
    return lstrndup(L, s, strlen(s));
}

/* ---- words -------------------------------------------------------------- */

static uint32_t hash_form(const char *s, size_t n)
{
    return zs_word_hash(s, n) | 1; /* never 0, so that a table entry is never 0 */
}

const zs_word *zs_lang_word(const zs_lang *L, const char *form, size_t len)
{
    uint32_t h = hash_form(form, len);
    const zs_word *w = zs_word_table_probe(L, L->table, L->table_mask, form, len, h, false);
    return w ? w : zs_word_table_probe(L, L->late_table, L->late_mask, form, len, h, false);
}

/* Puts word id into an open-addressing table of words (zs_word_table_probe). */
static void table_insert(const zs_lang *L, uint64_t *table, uint32_t mask, uint32_t id)
{
    const zs_word *w = L->words[id];
    uint32_t h = hash_form(w->form, w->len);
    uint32_t i = h & mask;
    while (table[i]) i = (i + 1) & mask;
    table[i] = (uint64_t)h << 32 | (id + 1);
}

static zs_word *intern(zs_lang *L, const char *form, size_t len)
{
    const zs_word *w = zs_lang_word(L, form, len);
    if (w) return (zs_word *)w;
    if (!L->table || (L->nwords + 1) * 4 > L->table_mask + 1) { /* load <= 1/4 */
        uint32_t size = L->table ? (L->table_mask + 1) * 2 : 1024;
        free(L->table);
        L->table = zs_xcalloc(size, sizeof *L->table);
        L->table_mask = size - 1;
        for (uint32_t i = 0; i < L->nwords; i++) table_insert(L, L->table, L->table_mask, i);
    }
    zs_word *nw = lalloc(L, sizeof *nw);
    /* NUL-padded to a multiple of 8 bytes for zs_lang_word_padded */
    char *padded = lalloc(L, (len + 8) & ~(size_t)7);
    memcpy(padded, form, len);
    nw->form = padded;
    nw->len = (uint32_t)len;
    nw->id = L->nwords;
    ZS_GROW(L->words, L->words_cap, L->nwords + 1);
    L->words[L->nwords++] = nw;
    table_insert(L, L->table, L->table_mask, nw->id);
    return nw;
}

/* Tokenizes s as a document would be and interns each token's folded form.
 * Returns the number of tokens (0 if s has none or is not valid UTF-8). */
static int intern_tokens(zs_lang *L, const char *s, size_t n, uint32_t **ids)
{
    zs_doc d = {0};
    d.name = "template";
    d.text = (char *)s;
    d.len = n;
    zs_error e;
    int count = 0;
    *ids = NULL;
    if (zs_tokenize(&d, NULL, &e) && d.ntoks) {
        *ids = lalloc(L, d.ntoks * sizeof **ids);
        for (size_t i = 0; i < d.ntoks; i++)
            (*ids)[i] = intern(L, zs_tok_fold(&d, i), d.toks[i].fold_len)->id;
        count = (int)d.ntoks;
    }
    free(d.toks);
    free(d.breaks);
    free(d.folds);
    return count;
}

/* The one-token entries follow the longer ones in starts (stable_sort_starts),
 * so the search skips the phrases a word begins ("in", "in the wake of"). */
bool zs_word_in(const zs_word *w, uint32_t lex, const zs_entry **e)
{
    if (!(w->lex_one >> (lex % 64) & 1)) return false;
    for (uint32_t i = w->nlong; i < w->nstarts; i++)
        if (w->starts[i]->lex == lex && w->starts[i]->ntok == 1) {
            if (e) *e = w->starts[i];
            return true;
        }
    return false;
}

static void build_tails(zs_lang *L)
{
    L->tails = lalloc(L, (1u << ZS_TAIL_BITS) / 8);
    for (uint32_t i = 0; i < L->nwords; i++) {
        const zs_word *w = L->words[i];
        if (w->len < 3) continue;
        for (uint32_t k = 0; k < w->nstarts; k++)
            if (w->starts[k]->ntok == 1) {
                uint32_t bit = zs_tail_bit(w->starts[k]->lex, w->form, w->len, w->len == 3 ? 3 : 4);
                L->tails[bit / 8] |= (uint8_t)(1u << (bit % 8));
            }
    }
}

/* The stop words' own small table (zs_lang.stop_table), which language
 * identification probes for every short word of a text. */
static void build_stop_table(zs_lang *L)
{
    if (L->lex_stopword == UINT32_MAX) return;
    uint32_t n = 0;
    for (uint32_t i = 0; i < L->nwords; i++)
        if (zs_word_in(L->words[i], L->lex_stopword, NULL)) n++;
    uint32_t size = 16;
    while (size < 4 * n) size *= 2;
    L->stop_table = lalloc(L, size * sizeof *L->stop_table);
    L->stop_mask = size - 1;
    for (uint32_t id = 0; id < L->nwords; id++) {
        const zs_word *w = L->words[id];
        if (!zs_word_in(w, L->lex_stopword, NULL)) continue;
        if (w->len > L->stop_maxlen) L->stop_maxlen = w->len;
        table_insert(L, L->stop_table, L->stop_mask, id);
    }
}

/* Whether lexicon lex is one only the events stage reads (and the tense
 * cues, which look their words up themselves: zs_late_word): a derived
 * event lexicon no rule matches. */
static bool late_lexicon(const zs_lang *L, uint32_t lex)
{
    return (lex == L->lex_event_verb || lex == L->lex_event_noun || lex == L->lex_event_not) &&
           !L->lex_ruled[lex];
}

/* An open-addressing table (load <= 1/4) of the words whose late[id] is
 * want; *mask gets its size - 1. */
static uint64_t *words_table(const zs_lang *L, const uint8_t *late, uint8_t want, uint32_t n,
                             uint32_t *mask)
{
    uint32_t size = 1024;
    while (size < 4 * n) size *= 2;
    uint64_t *table = zs_xcalloc(size, sizeof *table);
    *mask = size - 1;
    for (uint32_t id = 0; id < L->nwords; id++)
        if (late[id] == want) table_insert(L, table, *mask, id);
    return table;
}

/* Moves the late words (zs_lang.late_table) out of the tokenizer's table:
 * the event lexicons of a language hold most of its words (English: 22,400
 * of 23,400), and a token looked up among them all leaves the processor's
 * cache far more often than one looked up among the rest. A word stays if
 * anything but a late lexicon's one-token entry needs it: a rule (as a
 * literal or a first, next or neighbouring word), an entry of any other
 * lexicon, or a later token of an entry. */
static void split_late_words(zs_lang *L)
{
    if (!L->nwords) return;
    uint8_t *late = zs_xcalloc(L->nwords, 1); /* 1 late, 2 kept */
    for (uint32_t i = 0; i < L->nentries; i++) {
        const zs_entry *e = L->entries[i];
        bool in_late = e->ntok == 1 && late_lexicon(L, e->lex);
        for (uint16_t k = 0; k < e->ntok; k++)
            if (!in_late) late[e->words[k]] = 2;
            else if (!late[e->words[k]]) late[e->words[k]] = 1;
    }
    for (uint32_t i = 0; i < L->nlit; i++) late[L->lit_pool[i]] = 2;
    uint32_t nlate = 0;
    for (uint32_t id = 0; id < L->nwords; id++) {
        const zs_word *w = L->words[id];
        if (w->rid || w->nrules || w->need_bit || late[id] != 1) late[id] = 2;
        else nlate++;
    }
    if (nlate) {
        free(L->table);
        L->table = words_table(L, late, 2, L->nwords - nlate, &L->table_mask);
        L->late_table = words_table(L, late, 1, nlate, &L->late_mask);
    }
    free(late);
}

const zs_attr *zs_entry_attr(const zs_entry *e, const char *key)
{
    for (uint16_t i = 0; i < e->nattrs; i++) {
        const char *k = e->attrs[i].key;
        if ((!key && !k) || (key && k && k[0] == key[0] && strcmp(key, k) == 0)) return &e->attrs[i];
    }
    return NULL;
}

bool zs_entry_attr_is(const zs_entry *e, const char *key, const char *sym)
{
    const zs_attr *a = e ? zs_entry_attr(e, key) : NULL;
    return a && a->sym && strcmp(a->sym, sym) == 0;
}

/* ---- line scanner --------------------------------------------------------- */

typedef struct scan {
    const char *file;
    int line;
    const char *start; /* line start, for columns */
    const char *p;
    zs_error *err;
    bool failed;
} scan;

/* Reports the first error of a scan at position at: "file:line:col: msg". */
static bool fail(scan *S, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool fail(scan *S, const char *at, const char *fmt, ...)
{
    if (S->failed) return false;
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    zs_set_error(S->err, ZS_ERR_TEMPLATE, "%s:%d:%d: %s", S->file, S->line,
                 (int)(at - S->start) + 1, msg);
    S->failed = true;
    return false;
}

static void skip_ws(scan *S)
{
    while (*S->p == ' ' || *S->p == '\t') S->p++;
    if (*S->p == '#') S->p += strlen(S->p);
}

static bool at_end(scan *S)
{
    skip_ws(S);
    return *S->p == '\0';
}

static bool is_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '-' || (unsigned char)c >= 0x80;
}

/* An identifier-like word (letters, digits, _ . - and non-ASCII). */
static bool word(scan *S, const char **w, size_t *n)
{
    skip_ws(S);
    const char *b = S->p;
    while (is_ident_char(*S->p)) S->p++;
    *w = b;
    *n = (size_t)(S->p - b);
    return *n > 0;
}

static bool accept(scan *S, char c)
{
    skip_ws(S);
    if (*S->p != c) return false;
    S->p++;
    return true;
}

/* A quoted string into out (unescaping \" and \\). */
static bool quoted(scan *S, zs_buf *out)
{
    skip_ws(S);
    const char *at = S->p;
    if (*S->p != '"') return fail(S, at, "expected a quoted string");
    S->p++;
    zs_buf_reset(out);
    while (*S->p && *S->p != '"') {
        if (*S->p == '\\' && (S->p[1] == '"' || S->p[1] == '\\')) S->p++;
        zs_buf_putc(out, *S->p++);
    }
    if (*S->p != '"') return fail(S, at, "unterminated string");
    S->p++;
    zs_buf_grow(out, 0);
    return true;
}

static bool parse_int(const char *w, size_t n, int32_t *v)
{
    size_t i = 0;
    bool neg = false;
    if (n && w[0] == '-') {
        neg = true;
        i = 1;
    }
    if (i == n || n - i > 9) return false;
    int32_t x = 0;
    for (; i < n; i++) {
        if (w[i] < '0' || w[i] > '9') return false;
        x = x * 10 + (w[i] - '0');
    }
    *v = neg ? -x : x;
    return true;
}

/* ---- lexicons ------------------------------------------------------------- */

static uint32_t find_lexicon(const zs_lang *L, const char *name, size_t n)
{
    for (uint32_t i = 0; i < L->nlexicons; i++)
        if (strlen(L->lexicons[i].name) == n && memcmp(L->lexicons[i].name, name, n) == 0)
            return i;
    return UINT32_MAX;
}

static void add_entry(zs_lang *L, zs_entry *e)
{
    ZS_GROW(L->entries, L->entries_cap, L->nentries + 1);
    L->entries[L->nentries++] = e;
    zs_word *w = L->words[e->words[0]];
    ZS_GROW(w->starts, w->starts_cap, w->nstarts + 1);
    w->starts[w->nstarts++] = e;
    /* until number_lexicons */
    if (e->ntok == 1) w->lex_one |= (uint64_t)1 << (e->lex % 64);
    else w->lex_long |= (uint64_t)1 << (e->lex % 64);
}

/* "key=val key=val" or one bare value after '='. */
static bool parse_attrs(zs_lang *L, scan *S, zs_attr **attrs, uint16_t *n)
{
    zs_attr tmp[16];
    int k = 0;
    while (!at_end(S)) {
        if (k == 16) return fail(S, S->p, "too many attributes");
        const char *w;
        size_t wn;
        const char *at = S->p;
        if (!word(S, &w, &wn)) return fail(S, at, "expected a value");
        tmp[k].key = NULL;
        if (accept(S, '=')) {
            tmp[k].key = lstrndup(L, w, wn);
            skip_ws(S);
            at = S->p;
            /* a value may also hold '/' (a zone: zone=America/New_York) */
            while (is_ident_char(*S->p) || *S->p == '/') S->p++;
            w = at;
            wn = (size_t)(S->p - at);
            if (!wn) return fail(S, at, "expected a value after '='");
        } else if (k > 0) {
            return fail(S, at, "expected key=value");
        }
        tmp[k].sym = lstrndup(L, w, wn);
        if (!parse_int(w, wn, &tmp[k].num)) tmp[k].num = ZS_UNSET;
        k++;
    }
    if (k == 0) return fail(S, S->p, "expected a value after '='");
    *attrs = lalloc(L, (size_t)k * sizeof **attrs);
    memcpy(*attrs, tmp, (size_t)k * sizeof **attrs);
    *n = (uint16_t)k;
    return true;
}

/* One lexicon line: forms "= value". */
static bool lexicon_line(zs_lang *L, scan *S, uint32_t lex)
{
    const char *forms[64];
    size_t lens[64];
    int nf = 0;
    zs_buf q = {0};
    for (;;) {
        skip_ws(S);
        if (*S->p == '=' || *S->p == '\0') break;
        if (nf == 64) {
            zs_buf_free(&q);
            return fail(S, S->p, "too many forms on one line");
        }
        const char *at = S->p;
        if (*S->p == '"') {
            if (!quoted(S, &q)) break;
            forms[nf] = lstrndup(L, q.data, q.len);
            lens[nf++] = q.len;
        } else {
            while (*S->p && *S->p != ' ' && *S->p != '\t' && *S->p != '=' && *S->p != '#')
                S->p++;
            forms[nf] = at;
            lens[nf++] = (size_t)(S->p - at);
        }
    }
    zs_buf_free(&q);
    if (S->failed) return false;
    if (nf == 0) return fail(S, S->p, "expected a form");
    zs_attr *attrs = NULL;
    uint16_t nattrs = 0;
    if (accept(S, '=') && !parse_attrs(L, S, &attrs, &nattrs)) return false;
    const char *lemma = lstrndup(L, forms[0], lens[0]);
    uint8_t upper = 0; /* "may = 5 case=upper": the month, not the verb */
    for (uint16_t k = 0; k < nattrs; k++)
        if (attrs[k].key && strcmp(attrs[k].key, "case") == 0) {
            if (strcmp(attrs[k].sym, "upper") != 0) return fail(S, S->p, "case= takes only 'upper'");
            upper = 1;
        }
    for (int i = 0; i < nf; i++) {
        zs_entry *e = lalloc(L, sizeof *e);
        uint32_t *ids;
        int n = intern_tokens(L, forms[i], lens[i], &ids);
        if (n == 0) return fail(S, forms[i], "form has no word");
        e->lex = lex;
        e->ntok = (uint16_t)n;
        e->words = ids;
        e->lemma = lemma;
        e->attrs = attrs;
        e->nattrs = nattrs;
        e->upper = upper;
        add_entry(L, e);
    }
    return true;
}

/* label KEY TEXT: a word of the outputs; TEXT is one bare word or a quoted
 * string (which may hold spaces). */
static bool label_line(zs_lang *L, scan *S)
{
    const char *k, *t;
    size_t kn, tn;
    if (!word(S, &k, &kn)) return fail(S, S->p, "expected 'label KEY TEXT'");
    const char *key = lstrndup(L, k, kn);
    if (zs_lang_label(L, key)) return fail(S, k, "label '%s' defined twice", key);
    skip_ws(S);
    const char *text;
    if (*S->p == '"') {
        zs_buf q = {0};
        bool ok = quoted(S, &q);
        text = ok ? lstrndup(L, q.data, q.len) : NULL;
        zs_buf_free(&q);
        if (!ok) return false;
    } else {
        t = S->p;
        while (*S->p && *S->p != ' ' && *S->p != '\t' && *S->p != '#') S->p++;
        tn = (size_t)(S->p - t);
        if (tn == 0) return fail(S, t, "expected the label's text");
        text = lstrndup(L, t, tn);
    }
    if (!at_end(S)) return fail(S, S->p, "expected one text (quote text with spaces)");
    ZS_GROW(L->label_keys, L->labels_cap, L->nlabels + 1);
    L->label_texts = zs_xreallocarray(L->label_texts, L->labels_cap, sizeof *L->label_texts);
    L->label_keys[L->nlabels] = key;
    L->label_texts[L->nlabels++] = text;
    return true;
}

const char *zs_lang_label(const zs_lang *L, const char *key)
{
    for (uint32_t i = 0; L && i < L->nlabels; i++)
        if (strcmp(L->label_keys[i], key) == 0) return L->label_texts[i];
    return NULL;
}

/* compound NAME = A B: every one-token entry of A joined with one of B. */
static void build_compound(zs_lang *L, uint32_t lex, uint32_t a, uint32_t b)
{
    zs_buf form = {0};
    uint32_t n = L->nentries;
    for (uint32_t i = 0; i < n; i++) {
        const zs_entry *ea = L->entries[i];
        if (ea->lex != a || ea->ntok != 1) continue;
        for (uint32_t j = 0; j < n; j++) {
            const zs_entry *eb = L->entries[j];
            if (eb->lex != b || eb->ntok != 1) continue;
            zs_buf_reset(&form);
            zs_buf_puts(&form, L->words[ea->words[0]]->form);
            zs_buf_puts(&form, L->words[eb->words[0]]->form);
            zs_entry *e = lalloc(L, sizeof *e);
            uint32_t *ids = lalloc(L, sizeof *ids);
            ids[0] = intern(L, form.data, form.len)->id;
            zs_attr *attrs = lalloc(L, 2 * sizeof *attrs);
            const zs_entry *part[2] = {ea, eb};
            for (int k = 0; k < 2; k++) {
                const zs_attr *v = part[k]->nattrs ? &part[k]->attrs[0] : NULL;
                attrs[k].key = L->lexicons[part[k]->lex].name;
                attrs[k].sym = v ? v->sym : part[k]->lemma;
                attrs[k].num = v ? v->num : ZS_UNSET;
            }
            e->lex = lex;
            e->ntok = 1;
            e->words = ids;
            e->lemma = lstrndup(L, form.data, form.len);
            e->attrs = attrs;
            e->nattrs = 2;
            e->parts[0] = ea;
            e->parts[1] = eb;
            add_entry(L, e);
        }
    }
    zs_buf_free(&form);
}

/* An event_verb entry of the word form[0, n) with attributes attrs. */
static void add_verb_form(zs_lang *L, uint32_t lex, const char *form, size_t n, const char *lemma,
                          zs_attr *attrs, uint16_t nattrs)
{
    zs_entry *e = lalloc(L, sizeof *e);
    uint32_t *ids = lalloc(L, sizeof *ids);
    ids[0] = intern(L, form, n)->id;
    e->lex = lex;
    e->ntok = 1;
    e->words = ids;
    e->lemma = lemma;
    e->attrs = attrs;
    e->nattrs = nattrs;
    add_entry(L, e);
}

/* Whether the word form[0, n) is one of lexicon lex's. */
static bool word_of(const zs_lang *L, const char *form, size_t n, uint32_t lex)
{
    const zs_word *w = zs_lang_word(L, form, n);
    for (uint32_t k = 0; w && k < w->nstarts; k++)
        if (w->starts[k]->lex == lex) return true;
    return false;
}

/* "particles join" (lang.zt): each event_verb entry with particle= also
 * holds its form with the particle joined before it, as a subordinate
 * clause ends ("wie die Polizei gestern mitteilte"), and, for the first
 * form of its line, the particle, "zu" and the rest of its lemma=
 * ("teilnehmen": "um am Treffen teilzunehmen"); with its attributes but
 * the particle. Not a joined form that is an event noun too ("griff ...
 * an": "Angriff"). */
static void join_particles(zs_lang *L)
{
    uint32_t lex = find_lexicon(L, "event_verb", 10), nouns = find_lexicon(L, "event_noun", 10);
    if (lex == UINT32_MAX) return;
    zs_buf form = {0};
    uint32_t n = L->nentries;
    for (uint32_t i = 0; i < n; i++) {
        const zs_entry *e = L->entries[i];
        const zs_attr *part = e->lex == lex && e->ntok == 1 ? zs_entry_attr(e, "particle") : NULL;
        if (!part) continue;
        zs_attr *attrs = lalloc(L, e->nattrs * sizeof *attrs);
        uint16_t na = 0;
        for (uint16_t k = 0; k < e->nattrs; k++)
            if (&e->attrs[k] != part) attrs[na++] = e->attrs[k];
        const char *w = L->words[e->words[0]]->form;
        zs_buf_reset(&form);
        zs_buf_puts(&form, part->sym);
        zs_buf_puts(&form, w);
        if (!word_of(L, form.data, form.len, nouns))
            add_verb_form(L, lex, form.data, form.len, e->lemma, attrs, na);
        const zs_attr *lem = zs_entry_attr(e, "lemma");
        size_t pn = strlen(part->sym);
        if (!lem || strcmp(w, e->lemma) != 0 || strncmp(lem->sym, part->sym, pn) != 0 ||
            !lem->sym[pn])
            continue;
        zs_buf_reset(&form);
        zs_buf_puts(&form, part->sym);
        zs_buf_puts(&form, "zu");
        zs_buf_puts(&form, lem->sym + pn);
        add_verb_form(L, lex, form.data, form.len, e->lemma, attrs, na);
    }
    zs_buf_free(&form);
}

/* ---- rule patterns ------------------------------------------------------- */

typedef enum { N_SEQ, N_ALT, N_OPT, N_CAP, N_EXT, N_LIT, N_LEX, N_INT, N_NOUN } nkind;

typedef struct node {
    nkind kind;
    struct node **kids;
    int nkids, kids_cap;
    int cap;          /* N_CAP: capture index */
    uint32_t *words;  /* N_LIT */
    int nwords;
    uint32_t lex;     /* N_LEX */
    int32_t lo, hi, digits; /* N_INT */
    const char *at;   /* source position, for errors */
} node;

typedef struct rparse {
    zs_lang *L;
    scan *S;
    char *capnames[32];
    int ncaps;
    bool has_ext;
    node **all; /* every node, freed after compiling */
    int nall, all_cap;
} rparse;

static node *new_node(rparse *R, nkind k)
{
    node *n = zs_xcalloc(1, sizeof *n);
    n->kind = k;
    n->at = R->S->p;
    ZS_GROW(R->all, R->all_cap, R->nall + 1);
    R->all[R->nall++] = n;
    return n;
}

static void add_kid(node *p, node *k)
{
    ZS_GROW(p->kids, p->kids_cap, p->nkids + 1);
    p->kids[p->nkids++] = k;
}

static node *parse_alt(rparse *R, char close);

static int cap_index(rparse *R, const char *name, size_t n)
{
    for (int i = 0; i < R->ncaps; i++)
        if (strlen(R->capnames[i]) == n && memcmp(R->capnames[i], name, n) == 0) return i;
    return -1;
}

static node *parse_atom(rparse *R)
{
    scan *S = R->S;
    skip_ws(S);
    const char *at = S->p;
    if (*S->p == '(' || *S->p == '[') {
        char close = *S->p == '(' ? ')' : ']';
        bool ext = *S->p == '[';
        S->p++;
        if (ext) {
            if (R->has_ext) {
                fail(S, at, "only one [ ] extent per rule");
                return NULL;
            }
            R->has_ext = true;
        }
        node *inner = parse_alt(R, close);
        if (!inner) return NULL;
        if (!accept(S, close)) {
            fail(S, S->p, "expected '%c'", close);
            return NULL;
        }
        if (!ext) return inner;
        node *e = new_node(R, N_EXT);
        add_kid(e, inner);
        return e;
    }
    if (*S->p == '"') {
        zs_buf q = {0};
        if (!quoted(S, &q)) {
            zs_buf_free(&q);
            return NULL;
        }
        node *n = new_node(R, N_LIT);
        n->at = at;
        n->nwords = intern_tokens(R->L, q.data, q.len, &n->words);
        zs_buf_free(&q);
        if (n->nwords == 0) {
            fail(S, at, "literal has no word");
            return NULL;
        }
        return n;
    }
    if (*S->p == '@') {
        S->p++;
        const char *w;
        size_t wn;
        if (!word(S, &w, &wn)) {
            fail(S, S->p, "expected a lexicon name after '@'");
            return NULL;
        }
        uint32_t lex = find_lexicon(R->L, w, wn);
        if (lex == UINT32_MAX) {
            fail(S, at, "unknown lexicon '%.*s'", (int)(wn < 60 ? wn : 60), w);
            return NULL;
        }
        node *n = new_node(R, N_LEX);
        n->at = at;
        n->lex = lex;
        return n;
    }
    const char *w;
    size_t wn;
    if (!word(S, &w, &wn)) {
        fail(S, at, "expected a pattern item");
        return NULL;
    }
    if ((wn == 3 && memcmp(w, "int", 3) == 0) || (wn == 6 && memcmp(w, "digits", 6) == 0)) {
        bool is_int = wn == 3;
        node *n = new_node(R, N_INT);
        n->at = at;
        if (!accept(S, '(')) {
            fail(S, S->p, "expected '('");
            return NULL;
        }
        const char *a;
        size_t an;
        int32_t lo = 0, hi = 0;
        skip_ws(S);
        const char *numat = S->p;
        while ((*S->p >= '0' && *S->p <= '9')) S->p++;
        a = numat;
        an = (size_t)(S->p - numat);
        if (!parse_int(a, an, &lo)) {
            fail(S, numat, "expected a number");
            return NULL;
        }
        if (is_int) {
            if (!(S->p[0] == '.' && S->p[1] == '.')) {
                fail(S, S->p, "expected '..' in int(lo..hi)");
                return NULL;
            }
            S->p += 2;
            numat = S->p;
            while ((*S->p >= '0' && *S->p <= '9')) S->p++;
            if (!parse_int(numat, (size_t)(S->p - numat), &hi) || hi < lo) {
                fail(S, numat, "expected an upper bound >= the lower one");
                return NULL;
            }
            n->lo = lo;
            n->hi = hi;
        } else {
            if (lo < 1 || lo > 9) {
                fail(S, numat, "digits(n) needs 1 <= n <= 9");
                return NULL;
            }
            n->lo = 0;
            n->hi = 999999999;
            n->digits = lo;
        }
        if (!accept(S, ')')) {
            fail(S, S->p, "expected ')'");
            return NULL;
        }
        return n;
    }
    if (wn == 4 && memcmp(w, "noun", 4) == 0) { /* a capitalized word inside a sentence */
        node *n = new_node(R, N_NOUN);
        n->at = at;
        return n;
    }
    fail(S, at, "unknown item '%.*s' (literals are quoted, lexicons start with @)", (int)(wn < 60 ? wn : 60), w);
    return NULL;
}

static node *parse_item(rparse *R)
{
    scan *S = R->S;
    skip_ws(S);
    const char *at = S->p;
    /* name ':' prefix */
    const char *w = S->p;
    while ((*w >= 'a' && *w <= 'z') || (*w >= '0' && *w <= '9') || *w == '_') w++;
    int cap = -1;
    if (w > S->p && *w == ':') {
        size_t n = (size_t)(w - S->p);
        if (cap_index(R, S->p, n) >= 0) {
            /* the same name in two alternatives is allowed */
            cap = cap_index(R, S->p, n);
        } else {
            if (R->ncaps == 32) {
                fail(S, at, "too many captures");
                return NULL;
            }
            cap = R->ncaps;
            R->capnames[R->ncaps++] = lstrndup(R->L, S->p, n);
        }
        S->p = w + 1;
    }
    node *a = parse_atom(R);
    if (!a) return NULL;
    if (cap >= 0) {
        node *c = new_node(R, N_CAP);
        c->cap = cap;
        add_kid(c, a);
        a = c;
    }
    if (accept(S, '?')) {
        node *o = new_node(R, N_OPT);
        add_kid(o, a);
        a = o;
    }
    return a;
}

static node *parse_seq(rparse *R, char close)
{
    node *seq = new_node(R, N_SEQ);
    for (;;) {
        skip_ws(R->S);
        char c = *R->S->p;
        if (c == '\0' || c == '|' || (close && c == close)) break;
        if (c == ')' || c == ']') {
            fail(R->S, R->S->p, "unbalanced '%s'", c == ')' ? ")" : "]");
            return NULL;
        }
        node *it = parse_item(R);
        if (!it) return NULL;
        add_kid(seq, it);
    }
    if (seq->nkids == 0) {
        fail(R->S, R->S->p, "empty pattern");
        return NULL;
    }
    return seq;
}

static node *parse_alt(rparse *R, char close)
{
    node *first = parse_seq(R, close);
    if (!first) return NULL;
    skip_ws(R->S);
    if (*R->S->p != '|') return first;
    node *alt = new_node(R, N_ALT);
    add_kid(alt, first);
    while (accept(R->S, '|')) {
        node *s = parse_seq(R, close);
        if (!s) return NULL;
        add_kid(alt, s);
    }
    return alt;
}

/* ---- compiling ----------------------------------------------------------- */

typedef struct prog {
    zs_inst *code;
    int n, cap;
} prog;

static int emit(prog *P, zs_opcode op, int32_t a, int32_t b, int32_t c)
{
    ZS_GROW(P->code, P->cap, P->n + 1);
    P->code[P->n] = (zs_inst){(uint8_t)op, a, b, c};
    return P->n++;
}

/* n if it is one literal word (in sequences of one item), else NULL. */
static const node *one_word(const node *n)
{
    while (n->kind == N_SEQ && n->nkids == 1) n = n->kids[0];
    return n->kind == N_LIT && n->nwords == 1 ? n : NULL;
}

static void compile(zs_lang *L, const node *n, prog *P, int ext_slot)
{
    switch (n->kind) {
    case N_SEQ:
        for (int i = 0; i < n->nkids; i++) compile(L, n->kids[i], P, ext_slot);
        break;
    case N_ALT: {
        int words = 0; /* alternatives of one word each: one SET */
        while (words < n->nkids && one_word(n->kids[words])) words++;
        if (words == n->nkids) {
            ZS_GROW(L->lit_pool, L->lit_cap, L->nlit + (uint32_t)n->nkids);
            for (int i = 0; i < n->nkids; i++)
                L->lit_pool[L->nlit + (uint32_t)i] = one_word(n->kids[i])->words[0];
            emit(P, ZS_OP_SET, (int32_t)L->nlit, n->nkids, 0);
            L->nlit += (uint32_t)n->nkids;
            break;
        }
        int jumps[64], nj = 0;
        for (int i = 0; i < n->nkids; i++) {
            int split = -1;
            if (i + 1 < n->nkids) split = emit(P, ZS_OP_SPLIT, 0, 0, 0);
            if (split >= 0) P->code[split].a = P->n;
            compile(L, n->kids[i], P, ext_slot);
            if (i + 1 < n->nkids) {
                if (nj < 64) jumps[nj++] = emit(P, ZS_OP_JMP, 0, 0, 0);
                P->code[split].b = P->n;
            }
        }
        for (int i = 0; i < nj; i++) P->code[jumps[i]].a = P->n;
        break;
    }
    case N_OPT: {
        int split = emit(P, ZS_OP_SPLIT, 0, 0, 0);
        P->code[split].a = P->n;
        compile(L, n->kids[0], P, ext_slot);
        P->code[split].b = P->n;
        break;
    }
    case N_CAP:
        emit(P, ZS_OP_SAVE, 2 * n->cap, 0, 0);
        compile(L, n->kids[0], P, ext_slot);
        emit(P, ZS_OP_SAVE, 2 * n->cap + 1, 0, 0);
        break;
    case N_EXT:
        emit(P, ZS_OP_SAVE, ext_slot, 0, 0);
        compile(L, n->kids[0], P, ext_slot);
        emit(P, ZS_OP_SAVE, ext_slot + 1, 0, 0);
        break;
    case N_LIT:
        ZS_GROW(L->lit_pool, L->lit_cap, L->nlit + (uint32_t)n->nwords);
        memcpy(L->lit_pool + L->nlit, n->words, (size_t)n->nwords * sizeof *n->words);
        emit(P, ZS_OP_LIT, (int32_t)L->nlit, n->nwords, 0);
        L->nlit += (uint32_t)n->nwords;
        break;
    case N_LEX:
        L->lex_ruled[n->lex] = 1;
        emit(P, ZS_OP_LEX, (int32_t)n->lex, 0, 0);
        break;
    case N_INT:
        emit(P, ZS_OP_INT, n->lo, n->hi, n->digits);
        break;
    case N_NOUN:
        emit(P, ZS_OP_NOUN, 0, 0, 0);
        break;
    }
}

static void add_rule_to(uint32_t **arr, uint32_t *n, uint32_t *cap, uint32_t rule)
{
    if (*n && (*arr)[*n - 1] == rule) return;
    ZS_GROW(*arr, *cap, *n + 1);
    (*arr)[(*n)++] = rule;
}

/* Registers rule as a candidate at every token n can start with: in the
 * index of words (r NULL) or in r's list of possible first words. Returns
 * true if n can match no token at all (then the caller goes on to the next
 * item of a sequence). */
static bool index_first_in(zs_lang *L, const node *n, uint32_t rule, zs_rule *r);

static void tokset_add(zs_tokset *ts, uint32_t word)
{
    ZS_GROW(ts->list, ts->cap, ts->n + 1);
    ts->list[ts->n++] = word;
}

static void add_first(zs_lang *L, uint32_t word, uint32_t rule, zs_rule *r)
{
    if (r) {
        tokset_add(&r->first, word);
    } else {
        zs_word *w = L->words[word];
        add_rule_to(&w->rules, &w->nrules, &w->rules_cap, rule);
    }
}

/* Adds the range of number item n to the numbers of ts. */
static void widen_num(zs_tokset *ts, const node *n)
{
    if (!ts->num || n->lo < ts->lo) ts->lo = n->lo;
    if (!ts->num || n->hi > ts->hi) ts->hi = n->hi;
    ts->num = true;
}

/* Lists each lexicon's entries (zs_lang.lex_first, lex_entries), so that
 * compiling an item of lexicon x looks at x's entries alone. */
static void index_lexicon_entries(zs_lang *L)
{
    L->lex_first = zs_xcalloc(L->nlexicons + 2, sizeof *L->lex_first);
    L->lex_entries = zs_xcalloc(L->nentries + 1, sizeof *L->lex_entries);
    for (uint32_t i = 0; i < L->nentries; i++) L->lex_first[L->entries[i]->lex + 2]++;
    for (uint32_t x = 0; x <= L->nlexicons; x++) L->lex_first[x + 1] += L->lex_first[x];
    for (uint32_t i = 0; i < L->nentries; i++) /* lex_first[x + 1]: x's next place */
        L->lex_entries[L->lex_first[L->entries[i]->lex + 1]++] = i;
}

static void free_lexicon_entries(zs_lang *L)
{
    free(L->lex_first);
    free(L->lex_entries);
    L->lex_first = L->lex_entries = NULL;
}

static bool index_first(zs_lang *L, const node *n, uint32_t rule)
{
    return index_first_in(L, n, rule, NULL);
}

static bool index_first_in(zs_lang *L, const node *n, uint32_t rule, zs_rule *r)
{
    switch (n->kind) {
    case N_SEQ:
        for (int i = 0; i < n->nkids; i++)
            if (!index_first_in(L, n->kids[i], rule, r)) return false;
        return true;
    case N_ALT: {
        bool nullable = false;
        for (int i = 0; i < n->nkids; i++) nullable |= index_first_in(L, n->kids[i], rule, r);
        return nullable;
    }
    case N_OPT:
        index_first_in(L, n->kids[0], rule, r);
        return true;
    case N_CAP:
    case N_EXT:
        return index_first_in(L, n->kids[0], rule, r);
    case N_LIT:
        add_first(L, n->words[0], rule, r);
        return false;
    case N_LEX:
        for (uint32_t k = L->lex_first[n->lex]; k < L->lex_first[n->lex + 1]; k++)
            add_first(L, L->entries[L->lex_entries[k]]->words[0], rule, r);
        return false;
    case N_INT:
        if (r) widen_num(&r->first, n);
        else add_rule_to(&L->num_rules, &L->nnum_rules, &L->num_rules_cap, rule);
        return false;
    case N_NOUN: /* any capitalized word: cannot be indexed */
        if (r) r->first.any = true;
        return false;
    }
    return false;
}

/* The offsets in tokens from a match's start (bit k: k tokens, bit
 * ZS_NEXT_TOKENS + 1: more) at which n can end when it can start at those
 * of in. */
static unsigned shift_offsets(unsigned in, int k)
{
    unsigned out = 0;
    for (int b = 0; b <= ZS_NEXT_TOKENS + 1; b++)
        if (in & (1u << b)) out |= 1u << (b + k < ZS_NEXT_TOKENS + 1 ? b + k : ZS_NEXT_TOKENS + 1);
    return out;
}

/* Collects in r->next what a match can have at offsets 1..ZS_NEXT_TOKENS
 * from its start for n starting at the offsets of in (bits as
 * shift_offsets); returns the offsets at which n can end. */
static unsigned index_next_in(const zs_lang *L, const node *n, unsigned in, zs_rule *r)
{
    unsigned out = 0;
    switch (n->kind) {
    case N_SEQ:
        out = in;
        for (int i = 0; i < n->nkids && out; i++) out = index_next_in(L, n->kids[i], out, r);
        return out;
    case N_ALT:
        for (int i = 0; i < n->nkids; i++) out |= index_next_in(L, n->kids[i], in, r);
        return out;
    case N_OPT:
        return in | index_next_in(L, n->kids[0], in, r);
    case N_CAP:
    case N_EXT:
        return index_next_in(L, n->kids[0], in, r);
    case N_LIT:
        for (int o = 0; o <= ZS_NEXT_TOKENS; o++)
            for (int k = 0; (in >> o & 1) && k < n->nwords && o + k <= ZS_NEXT_TOKENS; k++)
                if (o + k > 0) tokset_add(&r->next[o + k - 1], n->words[k]);
        return shift_offsets(in, n->nwords);
    case N_LEX:
        for (uint32_t x = L->lex_first[n->lex]; x < L->lex_first[n->lex + 1]; x++) {
            const zs_entry *e = L->entries[L->lex_entries[x]];
            for (int o = 0; o <= ZS_NEXT_TOKENS; o++)
                for (int k = 0; (in >> o & 1) && k < e->ntok && o + k <= ZS_NEXT_TOKENS; k++)
                    if (o + k > 0) tokset_add(&r->next[o + k - 1], e->words[k]);
            out |= shift_offsets(in, e->ntok);
        }
        return out;
    case N_INT:
        for (int o = 1; o <= ZS_NEXT_TOKENS; o++)
            if (in >> o & 1) widen_num(&r->next[o - 1], n);
        return shift_offsets(in, 1);
    case N_NOUN:
        for (int o = 1; o <= ZS_NEXT_TOKENS; o++)
            if (in >> o & 1) r->next[o - 1].any = true;
        return shift_offsets(in, 1);
    }
    return out;
}

/* What a match of rule r (pattern root) can have after its first token;
 * after a match's end, anything. */
static void index_next(const zs_lang *L, const node *root, zs_rule *r)
{
    unsigned ends = index_next_in(L, root, 1, r);
    for (int o = 1; o <= ZS_NEXT_TOKENS; o++)
        if (ends >> o & 1)
            for (int k = o; k <= ZS_NEXT_TOKENS; k++) r->next[k - 1].any = true;
}

static bool nullable(const node *n);

/* Collects in r the tokens a non-empty match of n can end with. */
static void index_last(const zs_lang *L, const node *n, zs_rule *r)
{
    switch (n->kind) {
    case N_SEQ:
        for (int i = n->nkids - 1; i >= 0; i--) {
            index_last(L, n->kids[i], r);
            if (!nullable(n->kids[i])) break;
        }
        return;
    case N_ALT:
        for (int i = 0; i < n->nkids; i++) index_last(L, n->kids[i], r);
        return;
    case N_OPT:
    case N_CAP:
    case N_EXT:
        index_last(L, n->kids[0], r);
        return;
    case N_LIT:
        if (n->nwords == 0) return;
        tokset_add(&r->pred, n->words[n->nwords - 1]);
        return;
    case N_LEX:
        for (uint32_t k = L->lex_first[n->lex]; k < L->lex_first[n->lex + 1]; k++) {
            const zs_entry *e = L->entries[L->lex_entries[k]];
            tokset_add(&r->pred, e->words[e->ntok - 1]);
        }
        return;
    case N_INT:
        widen_num(&r->pred, n);
        return;
    case N_NOUN:
        r->pred.any = true;
        return;
    }
}

static bool nullable(const node *n)
{
    switch (n->kind) {
    case N_SEQ:
        for (int i = 0; i < n->nkids; i++)
            if (!nullable(n->kids[i])) return false;
        return true;
    case N_ALT:
        for (int i = 0; i < n->nkids; i++)
            if (nullable(n->kids[i])) return true;
        return false;
    case N_OPT: return true;
    case N_CAP:
    case N_EXT: return nullable(n->kids[0]);
    default: return false;
    }
}

/* The fewest (*lo) and most (*hi) tokens n can match. */
static void len_range(const zs_lang *L, const node *n, int *lo, int *hi)
{
    int a, b;
    *lo = *hi = 0;
    switch (n->kind) {
    case N_SEQ:
        for (int i = 0; i < n->nkids; i++) {
            len_range(L, n->kids[i], &a, &b);
            *lo += a;
            *hi += b;
        }
        return;
    case N_ALT:
        for (int i = 0; i < n->nkids; i++) {
            len_range(L, n->kids[i], &a, &b);
            if (i == 0 || a < *lo) *lo = a;
            if (b > *hi) *hi = b;
        }
        return;
    case N_OPT:
        len_range(L, n->kids[0], &a, hi);
        return;
    case N_CAP:
    case N_EXT:
        len_range(L, n->kids[0], lo, hi);
        return;
    case N_LIT:
        *lo = *hi = n->nwords;
        return;
    case N_LEX:
        for (uint32_t k = L->lex_first[n->lex]; k < L->lex_first[n->lex + 1]; k++) {
            int t = L->entries[L->lex_entries[k]]->ntok;
            if (k == L->lex_first[n->lex] || t < *lo) *lo = t;
            if (t > *hi) *hi = t;
        }
        return;
    case N_INT:
    case N_NOUN:
        *lo = *hi = 1;
        return;
    }
}

/* Appends the items of the top-level sequence of n to items, looking
 * through captures and [ ] that wrap a sequence. */
static void flatten(const node *n, const node **items, int *count)
{
    if ((n->kind == N_CAP || n->kind == N_EXT) && n->kids[0]->kind == N_SEQ) {
        flatten(n->kids[0], items, count);
    } else if (n->kind == N_SEQ) {
        for (int i = 0; i < n->nkids; i++) flatten(n->kids[i], items, count);
    } else if (*count < 64) {
        items[(*count)++] = n;
    }
}

static const node *unwrap(const node *n)
{
    while (n->kind == N_CAP || n->kind == N_EXT) n = n->kids[0];
    return n;
}

/* A literal word (not punctuation) or alternatives of them. */
static bool wordish(const zs_lang *L, const node *n)
{
    n = unwrap(n);
    if (n->kind == N_LIT) {
        const char *f = L->words[n->words[0]]->form;
        return (unsigned char)f[0] >= 0x80 || (f[0] >= 'a' && f[0] <= 'z');
    }
    if (n->kind != N_ALT && n->kind != N_SEQ) return false;
    if (n->kind == N_SEQ) return n->nkids > 0 && wordish(L, n->kids[0]);
    for (int i = 0; i < n->nkids; i++)
        if (!wordish(L, n->kids[i])) return false;
    return true;
}

/* Whether word id w is in the language's "stopword" lexicon (its most
 * frequent words). */
static bool stop_word(const zs_lang *L, uint32_t w)
{
    return L->lex_stopword != UINT32_MAX && zs_word_in(L->words[w], L->lex_stopword, NULL);
}

/* Before rules are compiled: finds the stopword lexicon and marks the
 * lexicons that have an entry starting with a stop word; makes room for
 * the marks of the lexicons rules match (lex_ruled, set as they compile). */
static void mark_common_lexicons(zs_lang *L)
{
    L->lex_stopword = find_lexicon(L, "stopword", 8);
    L->lex_common = lalloc(L, L->nlexicons + 1);
    L->lex_ruled = lalloc(L, L->nlexicons + 1);
    for (uint32_t i = 0; i < L->nentries; i++)
        if (stop_word(L, L->entries[i]->words[0])) L->lex_common[L->entries[i]->lex] = 1;
}

/* Whether an item can start with a stop word ("the", "der"). */
static bool starts_common(const zs_lang *L, const node *n)
{
    n = unwrap(n);
    switch (n->kind) {
    case N_LIT: return stop_word(L, n->words[0]);
    case N_LEX: return L->lex_common && L->lex_common[n->lex];
    case N_SEQ: return n->nkids > 0 && starts_common(L, n->kids[0]);
    case N_ALT:
        for (int i = 0; i < n->nkids; i++)
            if (starts_common(L, n->kids[i])) return true;
        return false;
    default: return false;
    }
}

/* A punctuation mark rarer than a number ("/", ":", "-"), or
 * alternatives of them; not , . quotes or brackets. */
static bool rare_punct(const zs_lang *L, const node *n)
{
    n = unwrap(n);
    if (n->kind == N_LIT) {
        const char *f = L->words[n->words[0]]->form;
        return n->nwords == 1 && f[0] && !f[1] && strchr("/:-", f[0]);
    }
    if (n->kind != N_ALT) return false;
    for (int i = 0; i < n->nkids; i++)
        if (!rare_punct(L, n->kids[i])) return false;
    return true;
}

/* How often an item is expected to occur in text, roughly: a word list
 * entry is rare, a literal word common, a number more so, punctuation and
 * stop words most, but "/", ":" and "-" less than numbers. */
static int frequency(const zs_lang *L, const node *n)
{
    nkind k = unwrap(n)->kind;
    if (k == N_NOUN) return 1000; /* not indexable: only if nothing else is */
    if (starts_common(L, n)) return 40;
    if (k == N_LEX) return 1;
    if (rare_punct(L, n)) return 8;
    return k == N_INT ? 20 : wordish(L, n) ? 4 : 40;
}

/* The item a rule is indexed by: one that every match contains, chosen so
 * that (expected frequency) x (starts to try) is least; *lead gets the most
 * tokens the items before it can take and *min_lead the fewest, and a match
 * is tried at each start from *lead to *min_lead tokens before the item.
 * Indexing so keeps "der", "im" or "vor" from starting the matcher at every
 * article and preposition of a text. */
static const node *anchor_of(const zs_lang *L, const node *n, int *lead, int *min_lead)
{
    const node *items[64];
    int count = 0;
    flatten(n, items, &count);
    int pick = -1, best = 0, before = 0, before_min = 0, pick_lead = 0, pick_min = 0;
    for (int i = 0; i < count; i++) {
        if (!nullable(items[i])) {
            int cost = frequency(L, items[i]) * (before + 1);
            if (pick < 0 || cost < best) {
                pick = i;
                best = cost;
                pick_lead = before;
                pick_min = before_min;
            }
        }
        int lo, hi;
        len_range(L, items[i], &lo, &hi);
        before += hi;
        before_min += lo;
    }
    if (pick < 0) return n; /* everything optional: the caller reports it */
    *lead += pick_lead;
    *min_lead += pick_min;
    return items[pick];
}

/* Collects in r the tokens that can come just before anchor (an item of
 * root's top-level sequence, as anchor_of chose it) in a match; pred.any
 * if the anchor can be a match's first item. */
static void index_pred(const zs_lang *L, const node *root, const node *anchor, zs_rule *r)
{
    const node *items[64];
    int count = 0, pick = -1;
    flatten(root, items, &count);
    for (int i = 0; i < count; i++)
        if (items[i] == anchor) pick = i;
    int j = pick - 1;
    for (; j >= 0; j--) {
        index_last(L, items[j], r);
        if (!nullable(items[j])) break;
    }
    if (j < 0) r->pred.any = true; /* no item or only optional ones before */
}

/* Collects in r->succ the tokens that can come just after the first token
 * of anchor (as anchor_of chose it) in a match, and in r->at_lo..at_hi the
 * numbers that first token can be. */
static void index_succ(zs_lang *L, const node *root, const node *anchor, zs_rule *r)
{
    const node *items[64];
    int count = 0, pick = -1;
    flatten(root, items, &count);
    for (int i = 0; i < count; i++)
        if (items[i] == anchor) pick = i;
    zs_rule tmp = {0};
    index_first_in(L, anchor, r->id, &tmp);
    r->at_lo = tmp.first.num ? tmp.first.lo : 1;
    r->at_hi = tmp.first.num ? tmp.first.hi : 0;
    free(tmp.first.list);
    if (pick < 0 || count == 64) { /* items may be missing: anything */
        r->succ.any = true;
        return;
    }
    node seq = {.kind = N_SEQ, .kids = (node **)(items + pick), .nkids = count - pick};
    memset(&tmp, 0, sizeof tmp);
    index_next(L, &seq, &tmp);
    r->succ = tmp.next[0];
    for (int k = 1; k < ZS_NEXT_TOKENS; k++) free(tmp.next[k].list);
}

/* ---- values ---------------------------------------------------------------- */

static const struct { const char *name; zs_field f; } field_names[] = {
    {"year", ZS_F_YEAR},     {"month", ZS_F_MONTH},   {"day", ZS_F_DAY},
    {"hour", ZS_F_HOUR},     {"minute", ZS_F_MINUTE}, {"second", ZS_F_SECOND},
    {"weekday", ZS_F_WEEKDAY}, {"offset", ZS_F_OFFSET}, {"amount", ZS_F_AMOUNT},
    {"unit", ZS_F_UNIT},     {"pod", ZS_F_POD},       {"mod", ZS_F_MOD},
    {"ref", ZS_F_REF},       {"dir", ZS_F_DIR},       {"anchor", ZS_F_ANCHOR},
    {"week", ZS_F_WEEK},     {"quarter", ZS_F_QUARTER}, {"half", ZS_F_HALF},
    {"decade", ZS_F_DECADE}, {"century", ZS_F_CENTURY}, {"easter", ZS_F_EASTER},
    {"season", ZS_F_SEASON}, {"lean", ZS_F_LEAN}, {"nth", ZS_F_NTH},
    {"to_year", ZS_F_TO_YEAR}, {"and_amount", ZS_F_AND_AMOUNT}, {"and_unit", ZS_F_AND_UNIT},
    {"keep", ZS_F_KEEP},     {"clock", ZS_F_CLOCK},   {"turn", ZS_F_TURN},
};

/* Symbol tables of the symbolic fields; index = enum value. */
static const char *const unit_syms[] = {"", "second", "minute", "hour", "day", "week",
                                        "month", "quarter", "year", "decade", "century",
                                        "weekend", "half", NULL};
static const char *const season_syms[] = {"", "SP", "SU", "FA", "WI", NULL};
static const char *const pod_syms[] = {"", "MO", "AF", "EV", "NI", "DT", NULL};
static const char *const mod_syms[] = {"", "START", "MID", "END", "APPROX",
                                       "LESS_THAN", "MORE_THAN", NULL};
static const char *const ref_syms[] = {"", "PRESENT", "PAST", "FUTURE", NULL};
static const char *const dir_syms[] = {"", "past", "future", NULL};
static const char *const anchor_syms[] = {"", "dct", "narrative", "mention", "ago", "sentence", NULL};

const char *const *zs_field_syms(zs_field f)
{
    switch (f) {
    case ZS_F_UNIT: return unit_syms;
    case ZS_F_AND_UNIT: return unit_syms;
    case ZS_F_KEEP: return unit_syms;
    case ZS_F_POD: return pod_syms;
    case ZS_F_MOD: return mod_syms;
    case ZS_F_REF: return ref_syms;
    case ZS_F_DIR: return dir_syms;
    case ZS_F_LEAN: return dir_syms;
    case ZS_F_ANCHOR: return anchor_syms;
    case ZS_F_SEASON: return season_syms;
    default: return NULL;
    }
}

int zs_field_sym(zs_field f, const char *s, size_t n)
{
    const char *const *t = zs_field_syms(f);
    if (!t) return -1;
    for (int i = 1; t[i]; i++)
        if (strlen(t[i]) == n && memcmp(t[i], s, n) == 0) return i;
    return -1;
}

static bool parse_value(rparse *R, zs_value *v)
{
    scan *S = R->S;
    const char *w;
    size_t wn;
    v->cap = -1;
    const char *at = S->p;
    skip_ws(S);
    /* optional "cap:" */
    const char *q = S->p;
    while ((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '_') q++;
    if (q > S->p && *q == ':') {
        int c = cap_index(R, S->p, (size_t)(q - S->p));
        if (c < 0) return fail(S, S->p, "unknown capture before ':'");
        v->cap = c;
        S->p = q + 1;
    }
    at = S->p;
    if (!word(S, &w, &wn)) return fail(S, at, "expected a constructor");
    bool ref_sugar = false;
    if (wn == 4 && memcmp(w, "date", 4) == 0) v->type = ZS_DATE;
    else if (wn == 4 && memcmp(w, "time", 4) == 0) v->type = ZS_TIME;
    else if (wn == 8 && memcmp(w, "duration", 8) == 0) v->type = ZS_DURATION;
    else if (wn == 3 && memcmp(w, "set", 3) == 0) v->type = ZS_SET;
    else if (wn == 3 && memcmp(w, "ref", 3) == 0) { v->type = ZS_DATE; ref_sugar = true; }
    else return fail(S, at, "unknown constructor (date, time, duration, set, ref)");
    if (!accept(S, '(')) return fail(S, S->p, "expected '('");
    zs_arg args[ZS_F_COUNT];
    int nargs = 0;
    while (!accept(S, ')')) {
        if (nargs && !accept(S, ',')) return fail(S, S->p, "expected ',' or ')'");
        if (nargs == ZS_F_COUNT) return fail(S, S->p, "too many arguments");
        zs_arg *a = &args[nargs];
        memset(a, 0, sizeof *a);
        a->cap = -1;
        a->sign = 1;
        at = S->p;
        if (ref_sugar) {
            a->field = ZS_F_REF;
        } else {
            if (!word(S, &w, &wn)) return fail(S, at, "expected field=value");
            size_t k = 0;
            for (; k < sizeof field_names / sizeof *field_names; k++)
                if (strlen(field_names[k].name) == wn && memcmp(field_names[k].name, w, wn) == 0)
                    break;
            if (k == sizeof field_names / sizeof *field_names)
                return fail(S, at, "unknown field (year, month, day, hour, minute, second, weekday, week, quarter, half, season, decade, century, easter, offset, amount, unit, and_amount, and_unit, pod, mod, ref, dir, lean, anchor, nth, to_year, keep, clock, turn)");
            a->field = field_names[k].f;
            if (!accept(S, '=')) return fail(S, S->p, "expected '='");
        }
        skip_ws(S);
        if (*S->p == '-' && !(S->p[1] >= '0' && S->p[1] <= '9')) {
            a->sign = -1;
            S->p++;
        }
        at = S->p;
        if (!word(S, &w, &wn)) return fail(S, at, "expected a value");
        const char *dot = memchr(w, '.', wn);
        size_t base = dot ? (size_t)(dot - w) : wn;
        int c = cap_index(R, w, base);
        if (c >= 0) {
            a->cap = c;
            if (dot) a->attr = lstrndup(R->L, dot + 1, wn - base - 1);
            if (accept(S, '|')) { /* a default: "o|0", "p|MO" */
                at = S->p;
                skip_ws(S);
                at = S->p;
                if (!word(S, &w, &wn)) return fail(S, at, "expected a default value after '|'");
                int sym = zs_field_sym(a->field, w, wn);
                if (zs_field_syms(a->field) ? sym < 0 : !parse_int(w, wn, &a->def))
                    return fail(S, at, "bad default for this field");
                if (sym >= 0) a->def = sym;
                a->has_default = true;
            }
        } else if (parse_int(w, wn, &a->num)) {
            if (zs_field_syms(a->field)) return fail(S, at, "this field takes a symbol, not a number");
        } else {
            int sym = zs_field_sym(a->field, w, wn);
            if (sym < 0) {
                return fail(S, at, "'%.*s' is neither a capture nor a value of this field", (int)(wn < 60 ? wn : 60), w);
            }
            a->num = sym;
        }
        nargs++;
    }
    if (!at_end(S)) return fail(S, S->p, "unexpected text after value");
    v->args = lalloc(R->L, (size_t)(nargs ? nargs : 1) * sizeof *v->args);
    memcpy(v->args, args, (size_t)nargs * sizeof *args);
    v->nargs = nargs;
    return true;
}

/* ---- examples ---------------------------------------------------------------- */

static bool parse_expect(scan *S, zs_expect *e)
{
    const char *w;
    size_t wn;
    const char *at = S->p;
    skip_ws(S);
    at = S->p;
    /* values may hold ':' and '+' ("2017-05-02T21:06") */
    while (*S->p && *S->p != ' ' && *S->p != '\t' && *S->p != ',' && *S->p != '#') S->p++;
    wn = (size_t)(S->p - at);
    if (wn == 0 || wn >= sizeof e->value) return fail(S, at, "expected a TIMEX3 value");
    memcpy(e->value, at, wn);
    e->value[wn] = '\0';
    e->mod = ZS_MOD_NONE;
    e->type = -1;
    for (;;) {
        skip_ws(S);
        if (*S->p == ',' || *S->p == '\0') break;
        at = S->p;
        if (!word(S, &w, &wn)) return fail(S, at, "expected a mod or type");
        int m = zs_field_sym(ZS_F_MOD, w, wn);
        if (m > 0) {
            e->mod = (zs_mod)m;
            continue;
        }
        int t = -1;
        for (int k = 0; k < 4; k++)
            if (strlen(zs_ttype_name((zs_ttype)k)) == wn && memcmp(zs_ttype_name((zs_ttype)k), w, wn) == 0)
                t = k;
        if (t < 0) return fail(S, at, "expected a mod (START, MID, ...) or a type (DATE, TIME, DURATION, SET)");
        e->type = t;
    }
    return true;
}

/* After an example's text: the end of the line for 'no', else '=>' before
 * the values (what names them in errors). */
static bool example_arrow(scan *S, bool negative, const char *what)
{
    if (negative) return at_end(S) || fail(S, S->p, "a 'no' example takes no value");
    skip_ws(S);
    if (!(S->p[0] == '=' && S->p[1] == '>')) return fail(S, S->p, "expected '=>' and the %s", what);
    S->p += 2;
    return true;
}

static bool parse_example(zs_lang *L, scan *S, zs_rule *rule, bool negative)
{
    zs_buf raw = {0};
    skip_ws(S);
    const char *text_at = S->p;
    if (!quoted(S, &raw)) {
        zs_buf_free(&raw);
        return false;
    }
    zs_example ex = {0}, *x = &ex;
    x->negative = negative;
    x->file = rule->file;
    x->line = S->line;
    /* strip the [ ] that mark expected mentions */
    zs_buf text = {0};
    zs_expect spans[16];
    int nspans = 0;
    int open = -1;
    for (size_t i = 0; i < raw.len; i++) {
        char c = raw.data[i];
        if (c == '[' && open < 0 && nspans < 16) {
            open = (int)text.len;
        } else if (c == ']' && open >= 0) {
            spans[nspans].b0 = (uint32_t)open;
            spans[nspans++].b1 = (uint32_t)text.len;
            open = -1;
        } else {
            zs_buf_putc(&text, c);
        }
    }
    zs_buf_grow(&text, 0);
    zs_buf_free(&raw);
    x->text = lstrndup(L, text.data, text.len);
    size_t tlen = text.len;
    zs_buf_free(&text);
    if (open >= 0) return fail(S, S->p, "unclosed '[' in example");
    skip_ws(S);
    if (*S->p == '@') {
        S->p++;
        const char *b = S->p;
        while (*S->p && *S->p != ' ' && *S->p != '\t') S->p++;
        x->dct = lstrndup(L, b, (size_t)(S->p - b));
        zs_lsec t;
        bool ht, ho;
        int off;
        if (!zs_parse_iso(x->dct, &t, &ht, &ho, &off))
            return fail(S, b, "malformed example DCT (ISO 8601 expected)");
    }
    if (!example_arrow(S, negative, "value")) return false;
    if (!negative) {
        zs_expect tmp[16];
        int n = 0;
        do {
            if (n == 16) return fail(S, S->p, "too many values");
            if (!parse_expect(S, &tmp[n])) return false;
            n++;
        } while (accept(S, ','));
        if (!at_end(S)) return fail(S, S->p, "unexpected text after the values");
        if (nspans == 0) {
            size_t b = 0, e = tlen;
            while (b < e && (x->text[b] == ' ')) b++;
            while (e > b && (x->text[e - 1] == ' ')) e--;
            spans[0].b0 = (uint32_t)b;
            spans[0].b1 = (uint32_t)e;
            nspans = 1;
        }
        if (n != nspans) return fail(S, text_at, "the number of values differs from the number of [ ] mentions");
        for (int i = 0; i < n; i++) {
            tmp[i].b0 = spans[i].b0;
            tmp[i].b1 = spans[i].b1;
        }
        x->expects = lalloc(L, (size_t)n * sizeof *x->expects);
        memcpy(x->expects, tmp, (size_t)n * sizeof *tmp);
        x->nexpects = n;
    }
    ZS_GROW(rule->examples, rule->examples_cap, rule->nexamples + 1);
    rule->examples[rule->nexamples++] = *x;
    return true;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether lexicon lex is one of the participant lists, whose examples
 * name the participants of a text's events. */
static bool participant_lexicon(const zs_lang *L, uint32_t lex)
{
    return strncmp(L->lexicons[lex].name, "participant", 11) == 0;
}

/* 'ex "TEXT" => Name, Name' or 'no "TEXT"' in a participant lexicon. */
static bool parse_pexample(zs_lang *L, scan *S, const char *file, bool negative)
{
    zs_buf raw = {0};
    if (!quoted(S, &raw)) {
        zs_buf_free(&raw);
        return false;
    }
    zs_pexample x = {.negative = negative, .file = file, .line = S->line};
    x.text = lstrndup(L, raw.data, raw.len);
    zs_buf_free(&raw);
    if (!example_arrow(S, negative, "participants")) return false;
    if (!negative) {
        char *names[16];
        int n = 0;
        do {
            skip_ws(S);
            const char *b = S->p, *e;
            while (*S->p && *S->p != ',' && *S->p != '#') S->p++;
            for (e = S->p; e > b && (e[-1] == ' ' || e[-1] == '\t'); e--) {}
            if (e == b) return fail(S, b, "expected a participant name");
            if (n == 16) return fail(S, b, "too many participants");
            names[n++] = lstrndup(L, b, (size_t)(e - b));
        } while (accept(S, ','));
        if (!at_end(S)) return fail(S, S->p, "unexpected text after the participants");
        qsort(names, (size_t)n, sizeof *names, cmp_name);
        x.names = lalloc(L, (size_t)n * sizeof *names);
        memcpy(x.names, names, (size_t)n * sizeof *names);
        x.nnames = n;
    }
    ZS_GROW(L->pexamples, L->pexamples_cap, L->npexamples + 1);
    L->pexamples[L->npexamples++] = x;
    return true;
}

/* ---- files ---------------------------------------------------------------- */

/* A rule as read, compiled once every lexicon is known. Lines are kept
 * whole (owned by the language) with the offset of the part to parse, so
 * errors get true columns. */
typedef struct src_line {
    const char *text;
    size_t col;
    int line;
} src_line;

typedef struct pending_rule {
    zs_rule rule;
    src_line match;
    bool has_match;
    src_line *values;
    int nvalues, values_cap;
} pending_rule;

static bool keyword(const char *w, size_t n, const char *k)
{
    return strlen(k) == n && memcmp(w, k, n) == 0;
}

/* The rest of a setting line of two choices, "NAME A" or "NAME B"
 * ("decades units", "decades years"): *is_b is whether it says B. */
static bool two_choices(scan *S, const char *name, const char *a, const char *b, bool *is_b)
{
    const char *w = NULL;
    size_t wn = 0;
    bool got = word(S, &w, &wn) && at_end(S);
    if (got && (keyword(w, wn, a) || keyword(w, wn, b))) {
        *is_b = keyword(w, wn, b);
        return true;
    }
    return fail(S, w ? w : S->p, "expected '%s %s' or '%s %s'", name, a, name, b);
}

/* ZS_ORDER_MDY for "mdy", ZS_ORDER_DMY for "dmy", else 0. */
static int order_code(const char *w, size_t n)
{
    return keyword(w, n, "mdy") ? ZS_ORDER_MDY : keyword(w, n, "dmy") ? ZS_ORDER_DMY : 0;
}

typedef struct loader {
    zs_lang *L;
    pending_rule *rules;
    uint32_t nrules, cap;
    struct { uint32_t lex, a, b; const char *file; int line; } *compounds;
    uint32_t ncompounds, compounds_cap;
} loader;

static bool load_file(loader *ld, const char *path, const char *fname, zs_error *err)
{
    zs_lang *L = ld->L;
    size_t len;
    char *text = zs_read_file(path, &len, err);
    if (!text) {
        err->code = ZS_ERR_TEMPLATE;
        return false;
    }
    const char *file = lstrdup(L, fname);
    scan S = {.file = file, .err = err};
    enum { TOP, LEXICON, RULE } state = TOP;
    uint32_t lex = 0;
    int block_line = 0; /* where the open lexicon or rule began */
    pending_rule *pr = NULL;
    char *line = text;
    int lineno = 0;
    bool ok = true;
    while (ok && line && (line < text + len || lineno == 0)) {
        char *nl = memchr(line, '\n', (size_t)(text + len - line));
        if (nl) *nl = '\0';
        lineno++;
        if (memchr(line, '\r', strlen(line))) *strchr(line, '\r') = '\0';
        S.line = lineno;
        S.start = S.p = line;
        const char *w;
        size_t wn;
        if (at_end(&S)) goto next;
        {
            const char *at = S.p;
            word(&S, &w, &wn);
            if (state == LEXICON) {
                if (keyword(w, wn, "end") && at_end(&S)) {
                    state = TOP;
                } else if ((keyword(w, wn, "ex") || keyword(w, wn, "no")) &&
                           (skip_ws(&S), *S.p == '"')) {
                    if (!participant_lexicon(L, lex))
                        ok = fail(&S, at, "examples belong in rules and participant lexicons");
                    else
                        ok = parse_pexample(L, &S, file, keyword(w, wn, "no"));
                } else {
                    S.p = at;
                    ok = lexicon_line(L, &S, lex);
                }
            } else if (state == RULE) {
                if (keyword(w, wn, "end") && at_end(&S)) {
                    if (!pr->has_match) ok = fail(&S, at, "rule has no match line");
                    state = TOP;
                } else if (keyword(w, wn, "match")) {
                    if (pr->has_match) ok = fail(&S, at, "a rule has one match line");
                    skip_ws(&S);
                    pr->match = (src_line){lstrdup(L, line), (size_t)(S.p - line), lineno};
                    pr->has_match = true;
                } else if (keyword(w, wn, "value")) {
                    skip_ws(&S);
                    ZS_GROW(pr->values, pr->values_cap, pr->nvalues + 1);
                    pr->values[pr->nvalues++] = (src_line){lstrdup(L, line), (size_t)(S.p - line), lineno};
                } else if (keyword(w, wn, "ex") || keyword(w, wn, "no")) {
                    ok = parse_example(L, &S, &pr->rule, keyword(w, wn, "no"));
                } else if (keyword(w, wn, "genre")) {
                    const char *b;
                    size_t bn;
                    if (!word(&S, &b, &bn) || !at_end(&S) ||
                        !(keyword(b, bn, "news") || keyword(b, bn, "narrative")))
                        ok = fail(&S, S.p, "expected 'genre news' or 'genre narrative'");
                    else
                        pr->rule.genre = keyword(b, bn, "news") ? 1 : 2;
                } else if (keyword(w, wn, "role")) {
                    if (!at_end(&S)) ok = fail(&S, S.p, "expected nothing after 'role'");
                    else pr->rule.role = true;
                } else if (keyword(w, wn, "order")) {
                    const char *b;
                    size_t bn;
                    int o = word(&S, &b, &bn) && at_end(&S) ? order_code(b, bn) : 0;
                    if (!o) ok = fail(&S, S.p, "expected 'order mdy' or 'order dmy'");
                    else pr->rule.order = o;
                } else if (keyword(w, wn, "prio")) {
                    const char *b;
                    size_t bn;
                    if (!word(&S, &b, &bn) || !parse_int(b, bn, &pr->rule.prio) || !at_end(&S))
                        ok = fail(&S, S.p, "expected 'prio N'");
                } else {
                    ok = fail(&S, at, "expected match, value, ex, no, prio, genre, order or end");
                }
            } else if (keyword(w, wn, "lexicon")) {
                const char *name;
                size_t nn;
                if (!word(&S, &name, &nn) || !at_end(&S)) {
                    ok = fail(&S, S.p, "expected 'lexicon NAME'");
                } else if (find_lexicon(L, name, nn) != UINT32_MAX) {
                    ok = fail(&S, name, "lexicon defined twice");
                } else {
                    ZS_GROW(L->lexicons, L->lexicons_cap, L->nlexicons + 1);
                    lex = L->nlexicons++;
                    L->lexicons[lex] = (zs_lexicon){lstrndup(L, name, nn), file, lineno};
                    state = LEXICON;
                    block_line = lineno;
                }
            } else if (keyword(w, wn, "compound")) {
                const char *name, *a, *b;
                size_t nn, an, bn;
                if (!word(&S, &name, &nn) || !accept(&S, '=') || !accept(&S, '@') ||
                    !word(&S, &a, &an) || !accept(&S, '@') || !word(&S, &b, &bn) || !at_end(&S)) {
                    ok = fail(&S, S.p, "expected 'compound NAME = @A @B'");
                } else {
                    uint32_t la = find_lexicon(L, a, an), lb = find_lexicon(L, b, bn);
                    if (la == UINT32_MAX) ok = fail(&S, a, "unknown lexicon (define it before the compound)");
                    else if (lb == UINT32_MAX) ok = fail(&S, b, "unknown lexicon (define it before the compound)");
                    else if (find_lexicon(L, name, nn) != UINT32_MAX) ok = fail(&S, name, "lexicon defined twice");
                    else {
                        ZS_GROW(L->lexicons, L->lexicons_cap, L->nlexicons + 1);
                        uint32_t id = L->nlexicons++;
                        L->lexicons[id] = (zs_lexicon){lstrndup(L, name, nn), file, lineno};
                        ZS_GROW(ld->compounds, ld->compounds_cap, ld->ncompounds + 1);
                        ld->compounds[ld->ncompounds].lex = id;
                        ld->compounds[ld->ncompounds].a = la;
                        ld->compounds[ld->ncompounds].b = lb;
                        ld->compounds[ld->ncompounds].file = file;
                        ld->compounds[ld->ncompounds++].line = lineno;
                    }
                }
            } else if (keyword(w, wn, "rule")) {
                const char *name;
                size_t nn;
                if (!word(&S, &name, &nn) || !at_end(&S)) {
                    ok = fail(&S, S.p, "expected 'rule NAME'");
                } else {
                    ZS_GROW(ld->rules, ld->cap, ld->nrules + 1);
                    pr = &ld->rules[ld->nrules++];
                    memset(pr, 0, sizeof *pr);
                    pr->rule.name = lstrndup(L, name, nn);
                    pr->rule.file = file;
                    pr->rule.line = lineno;
                    state = RULE;
                    block_line = lineno;
                }
            } else if (keyword(w, wn, "order")) {
                const char *b;
                size_t bn;
                int o = word(&S, &b, &bn) && at_end(&S) ? order_code(b, bn) : 0;
                if (!o) ok = fail(&S, S.p, "expected 'order mdy' or 'order dmy'");
                else L->order = o;
            } else if (keyword(w, wn, "decades")) {
                bool years = false;
                ok = two_choices(&S, "decades", "units", "years", &years);
                if (ok) L->decade_units = !years;
            } else if (keyword(w, wn, "nouns")) {
                ok = two_choices(&S, "nouns", "tense", "untensed", &L->nouns_untensed);
            } else if (keyword(w, wn, "finite")) {
                ok = two_choices(&S, "finite", "near", "second", &L->finite_second);
            } else if (keyword(w, wn, "present")) {
                ok = two_choices(&S, "present", "none", "weekdays", &L->present_weekdays);
            } else if (keyword(w, wn, "particles")) {
                ok = two_choices(&S, "particles", "apart", "join", &L->particles_join);
            } else if (keyword(w, wn, "dates")) {
                ok = two_choices(&S, "dates", "clause", "verb", &L->dates_verb);
            } else if (keyword(w, wn, "reports")) {
                ok = two_choices(&S, "reports", "clause", "speaker", &L->reports_speaker);
            } else if (keyword(w, wn, "objects")) {
                ok = two_choices(&S, "objects", "next", "clause", &L->objects_clause);
            } else if (keyword(w, wn, "ordinals")) {
                ok = two_choices(&S, "ordinals", "dot", "plain", &L->ordinals_plain);
            } else if (keyword(w, wn, "label")) {
                ok = label_line(L, &S);
            } else if (keyword(w, wn, "lang") || keyword(w, wn, "zone") || keyword(w, wn, "now")) {
                skip_ws(&S);
                const char *b = S.p;
                while (*S.p && *S.p != ' ' && *S.p != '\t' && *S.p != '#') S.p++;
                char *val = lstrndup(L, b, (size_t)(S.p - b));
                if (!*val || !at_end(&S)) ok = fail(&S, b, "expected one value");
                else if (keyword(w, wn, "lang")) L->code = val;
                else if (keyword(w, wn, "zone")) {
                    if (!zs_tz_valid(val)) ok = fail(&S, b, "unknown time zone");
                    L->zone = val;
                } else {
                    zs_lsec t;
                    bool ht, ho;
                    int off;
                    if (!zs_parse_iso(val, &t, &ht, &ho, &off)) ok = fail(&S, b, "malformed date (ISO 8601 expected)");
                    L->now = val;
                }
            } else {
                ok = fail(&S, at, "expected lexicon, compound, rule, label, lang, zone, now, order, "
                                  "decades, nouns, present, particles, dates, reports, objects or "
                                  "ordinals");
            }
        }
    next:
        line = nl ? nl + 1 : NULL;
    }
    if (ok && state != TOP) {
        S.line = block_line;
        S.start = S.p = "";
        ok = fail(&S, S.p, "%s has no 'end'", state == RULE ? "rule" : "lexicon");
    }
    free(text);
    return ok;
}

static bool compile_rule(loader *ld, pending_rule *pr, uint32_t id, zs_error *err)
{
    zs_lang *L = ld->L;
    scan S = {.file = pr->rule.file, .line = pr->match.line, .err = err};
    S.start = pr->match.text;
    S.p = S.start + pr->match.col;
    rparse R = {.L = L, .S = &S};
    node *root = parse_alt(&R, 0);
    bool ok = root != NULL && !S.failed;
    if (ok && !at_end(&S)) ok = fail(&S, S.p, "unexpected '%c'", *S.p);
    zs_rule *r = &pr->rule;
    if (ok) {
        r->id = id;
        r->ncaps = R.ncaps;
        r->capnames = lalloc(L, (size_t)(R.ncaps ? R.ncaps : 1) * sizeof(char *));
        memcpy(r->capnames, R.capnames, (size_t)R.ncaps * sizeof(char *));
        r->ext_slot = R.has_ext ? 2 * R.ncaps : -1;
        prog P = {0};
        compile(L, root, &P, r->ext_slot);
        emit(&P, ZS_OP_MATCH, 0, 0, 0);
        r->prog = lalloc(L, (size_t)P.n * sizeof *P.code);
        memcpy(r->prog, P.code, (size_t)P.n * sizeof *P.code);
        r->nprog = P.n;
        free(P.code);
        S.p = S.start + pr->match.col;
        int lead = 0, min_lead = 0;
        const node *anchor = anchor_of(L, root, &lead, &min_lead);
        r->lead = lead;
        r->min_lead = min_lead;
        if (nullable(root) || index_first(L, anchor, id))
            ok = fail(&S, S.p, "pattern can match no token at all");
        else if (unwrap(anchor)->kind == N_NOUN)
            ok = fail(&S, S.p, "a pattern needs an item besides 'noun'");
        else
        {
            index_first_in(L, root, id, r); /* where a match can start */
            index_next(L, root, r);
            index_pred(L, root, anchor, r);
            index_succ(L, root, anchor, r);
        }
    }
    if (ok) {
        r->values = lalloc(L, (size_t)(pr->nvalues ? pr->nvalues : 1) * sizeof *r->values);
        for (int i = 0; ok && i < pr->nvalues; i++) {
            S.line = pr->values[i].line;
            S.start = pr->values[i].text;
            S.p = S.start + pr->values[i].col;
            ok = parse_value(&R, &r->values[i]);
        }
        r->nvalues = pr->nvalues;
    }
    for (int i = 0; i < R.nall; i++) {
        free(R.all[i]->kids);
        free(R.all[i]);
    }
    free(R.all);
    return ok;
}

/* Longer entries first; among equals, the order of the files. */
static int cmp_entry_len(const void *a, const void *b)
{
    const zs_entry *x = *(const zs_entry *const *)a, *y = *(const zs_entry *const *)b;
    return x->ntok != y->ntok ? (x->ntok > y->ntok ? -1 : 1) : 0;
}

/* Sorts w's entries longest first, keeping file order among equals. */
static void stable_sort_starts(zs_word *w)
{
    for (uint32_t i = 1; i < w->nstarts; i++) { /* insertion sort: lists are short */
        const zs_entry *e = w->starts[i];
        uint32_t j = i;
        while (j > 0 && cmp_entry_len(&w->starts[j - 1], &e) > 0) {
            w->starts[j] = w->starts[j - 1];
            j--;
        }
        w->starts[j] = e;
    }
    w->nlong = 0;
    while (w->nlong < w->nstarts && w->starts[w->nlong]->ntok > 1) w->nlong++;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Numbers the words of list[0..n) among those of the rules' token sets. */
static void number_rule_words(zs_lang *L, const uint32_t *list, uint32_t n, uint32_t *nrid)
{
    for (uint32_t k = 0; k < n; k++)
        if (!L->words[list[k]]->rid) L->words[list[k]]->rid = ++*nrid;
}

/* A list of word ids to a bitmap by rid (of nrid words; bit 0, of words in
 * no set, stays clear). */
static const uint8_t *rid_bits(zs_lang *L, uint32_t **list, uint32_t n, uint32_t nrid)
{
    uint8_t *bits = lalloc(L, nrid / 8 + 1);
    for (uint32_t k = 0; k < n; k++) {
        uint32_t rid = L->words[(*list)[k]]->rid;
        bits[rid / 8] |= (uint8_t)(1u << (rid % 8));
    }
    free(*list);
    *list = NULL;
    return bits;
}

/* What can follow (or, pred, precede) the item rules ids[0..n) are indexed
 * by, over all of them (the union of their zs_rule.succ or pred, numbers as
 * one range), in bitmaps of nrid words; NULL if one of them takes any token
 * there. */
static const zs_tokset *rules_union(zs_lang *L, const uint32_t *ids, uint32_t n, uint32_t nrid,
                                    bool pred)
{
    if (!n) return NULL;
    for (uint32_t k = 0; k < n; k++)
        if (pred ? L->rules[ids[k]].pred.any : L->rules[ids[k]].succ.any) return NULL;
    zs_tokset *ts = lalloc(L, sizeof *ts);
    uint8_t *bits = lalloc(L, nrid / 8 + 1);
    for (uint32_t k = 0; k < n; k++) {
        const zs_tokset *r = pred ? &L->rules[ids[k]].pred : &L->rules[ids[k]].succ;
        for (uint32_t b = 0; b < nrid / 8 + 1; b++) bits[b] |= r->words[b];
        if (r->num && (!ts->num || r->lo < ts->lo)) ts->lo = r->lo;
        if (r->num && (!ts->num || r->hi > ts->hi)) ts->hi = r->hi;
        ts->num |= r->num;
    }
    ts->words = bits;
    return ts;
}

/* The rules' word lists to bitmaps. They are indexed by rid, a number only
 * the words in some list have: the bitmaps stay small (the language's
 * words include every event word) and most tokens fail at rid 0. */
static void rule_bitmaps(zs_lang *L)
{
    uint32_t nrid = 0;
    for (uint32_t i = 0; i < L->nrules; i++) {
        zs_rule *r = &L->rules[i];
        number_rule_words(L, r->first.list, r->first.n, &nrid);
        for (int k = 0; k < ZS_NEXT_TOKENS; k++)
            number_rule_words(L, r->next[k].list, r->next[k].n, &nrid);
        number_rule_words(L, r->pred.list, r->pred.n, &nrid);
        number_rule_words(L, r->succ.list, r->succ.n, &nrid);
    }
    for (uint32_t i = 0; i < L->nrules; i++) {
        zs_rule *r = &L->rules[i];
        r->first.words = rid_bits(L, &r->first.list, r->first.n, nrid);
        for (int k = 0; k < ZS_NEXT_TOKENS; k++)
            r->next[k].words = rid_bits(L, &r->next[k].list, r->next[k].n, nrid);
        r->pred.words = rid_bits(L, &r->pred.list, r->pred.n, nrid);
        r->succ.words = rid_bits(L, &r->succ.list, r->succ.n, nrid);
    }
    for (uint32_t i = 0; i < L->nwords; i++) {
        zs_word *w = L->words[i];
        w->rules_pred = rules_union(L, w->rules, w->nrules, nrid, true);
        w->rules_succ = rules_union(L, w->rules, w->nrules, nrid, false);
    }
    L->num_rules_pred = rules_union(L, L->num_rules, L->nnum_rules, nrid, true);
    L->num_rules_succ = rules_union(L, L->num_rules, L->nnum_rules, nrid, false);
}

/* ---- words a match needs --------------------------------------------- */

/* Whether a path of code from pc reaches MATCH without a literal that holds
 * one of need[0..n) (seen: the instructions already searched). */
static bool passes_without(const zs_lang *L, const zs_inst *code, int pc, const uint32_t *need,
                           int n, uint8_t *seen)
{
    for (;;) {
        if (seen[pc]) return false;
        seen[pc] = 1;
        const zs_inst *in = &code[pc];
        switch ((zs_opcode)in->op) {
        case ZS_OP_MATCH:
            return true;
        case ZS_OP_LIT:
            for (int i = 0; i < in->b; i++)
                for (int k = 0; k < n; k++)
                    if (L->lit_pool[in->a + i] == need[k]) return false;
            pc++;
            break;
        case ZS_OP_SET: { /* passes if one of its words is not needed */
            int i = 0;
            for (; i < in->b; i++) {
                int k = 0;
                while (k < n && L->lit_pool[in->a + i] != need[k]) k++;
                if (k == n) break;
            }
            if (i == in->b) return false;
            pc++;
            break;
        }
        case ZS_OP_SPLIT:
            if (passes_without(L, code, in->a, need, n, seen)) return true;
            pc = in->b;
            break;
        case ZS_OP_JMP:
            pc = in->a;
            break;
        default:
            pc++;
        }
    }
}

/* Whether every match of r holds one of need[0..n). */
static bool needs_one_of(const zs_lang *L, const zs_rule *r, const uint32_t *need, int n,
                         uint8_t *seen)
{
    memset(seen, 0, (size_t)r->nprog);
    return !passes_without(L, r->prog, 0, need, n, seen);
}

/* How common word w is expected to be in text, roughly (as frequency()
 * rates items): stop words and punctuation most, then numbers. */
static int need_cost(const zs_lang *L, uint32_t w)
{
    const char *f = L->words[w]->form;
    if (stop_word(L, w)) return 40;
    if (f[0] >= '0' && f[0] <= '9') return 20;
    if ((unsigned char)f[0] < 0x80 && !(f[0] >= 'a' && f[0] <= 'z'))
        return f[1] == 0 && strchr("/:", f[0]) ? 8 : 60;
    return 4;
}

/* A word or lexicon to give a bit of a mask: how common its words are in
 * text (freq) and how many rules or lookups test it (uses). */
typedef struct bit_item {
    uint32_t id;
    uint64_t freq, uses;
    const char *name; /* ties: the order of names, not of the templates */
} bit_item;

static int cmp_bit_item(const void *a, const void *b)
{
    const bit_item *x = a, *y = b;
    if (x->freq != y->freq) return x->freq > y->freq ? -1 : 1;
    if (x->uses != y->uses) return x->uses > y->uses ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Gives items[0..n) bits 0..nbits-1 (bit[id]): the most common first, each
 * a bit of its own while there are, then each to the bit where it costs
 * least. An item that shares a bit with others is tested in vain where
 * they occur and it does not, and they where it does: the cost of adding
 * it to a bit is its uses times their frequency plus its frequency times
 * their uses. Depends on the items' counts and names only, not on where
 * the templates define them, so a new list or rule moves no other's bit. */
static void assign_bits(bit_item *items, uint32_t n, uint32_t nbits, uint8_t *bit)
{
    qsort(items, n, sizeof *items, cmp_bit_item);
    uint64_t freq[64] = {0}, uses[64] = {0};
    for (uint32_t i = 0; i < n; i++) {
        uint32_t best = 0;
        uint64_t best_cost = UINT64_MAX;
        for (uint32_t b = 0; b < nbits && best_cost; b++) {
            uint64_t cost = items[i].uses * freq[b] + items[i].freq * uses[b];
            if (!freq[b] && !uses[b]) cost = 0;
            if (cost < best_cost) {
                best = b;
                best_cost = cost;
            }
        }
        bit[items[i].id] = (uint8_t)best;
        freq[best] += items[i].freq;
        uses[best] += items[i].uses;
    }
}

/* For each rule, the rarest word, or pair of words, of its literals one of
 * which every match holds (r->need); the matcher skips the rule in a
 * sentence that has none of them. Most rules that start at a common word
 * ("a", "the", a number) need a rarer one later ("half", "year", ":").
 * The words get their bits by assign_bits (frequency: need_cost; uses: the
 * rules that need them). */
static void rule_needs(zs_lang *L)
{
    uint32_t (*needs)[2] = zs_xcalloc(L->nrules ? L->nrules : 1, sizeof *needs);
    uint32_t *uses = zs_xcalloc(L->nwords ? L->nwords : 1, sizeof *uses);
    bit_item *items = zs_xmalloc((2 * (size_t)L->nrules + 1) * sizeof *items);
    uint32_t n = 0;
    for (uint32_t ri = 0; ri < L->nrules; ri++) {
        zs_rule *r = &L->rules[ri];
        uint32_t words[32];
        int nw = 0;
        for (int pc = 0; pc < r->nprog; pc++) {
            const zs_inst *in = &r->prog[pc];
            if (in->op != ZS_OP_LIT && in->op != ZS_OP_SET) continue;
            for (int i = 0; i < in->b; i++) {
                uint32_t w = L->lit_pool[in->a + i];
                int k = 0;
                while (k < nw && words[k] != w) k++;
                if (k == nw && nw < 32) words[nw++] = w;
            }
        }
        uint8_t *seen = zs_xmalloc((size_t)r->nprog + 1);
        uint32_t best[2];
        int nbest = 0, best_cost = 0;
        for (int a = 0; a < nw; a++) {
            int cost = need_cost(L, words[a]);
            if ((!nbest || cost < best_cost) && needs_one_of(L, r, &words[a], 1, seen)) {
                best[0] = words[a];
                nbest = 1;
                best_cost = cost;
            }
        }
        for (int a = 0; !nbest && a < nw; a++)
            for (int b = a + 1; b < nw; b++) {
                uint32_t pair[2] = {words[a], words[b]};
                int cost = need_cost(L, pair[0]) + need_cost(L, pair[1]);
                if ((nbest < 2 || cost < best_cost) && needs_one_of(L, r, pair, 2, seen)) {
                    best[0] = pair[0];
                    best[1] = pair[1];
                    nbest = 2;
                    best_cost = cost;
                }
            }
        free(seen);
        for (int k = 0; k < 2; k++) needs[ri][k] = k < nbest ? best[k] + 1 : 0;
        for (int k = 0; k < nbest; k++)
            if (!uses[best[k]]++) items[n++] = (bit_item){best[k], 0, 0, L->words[best[k]]->form};
    }
    for (uint32_t i = 0; i < n; i++) {
        items[i].freq = (uint64_t)need_cost(L, items[i].id);
        items[i].uses = uses[items[i].id];
    }
    uint8_t *bit = zs_xcalloc(L->nwords ? L->nwords : 1, 1);
    assign_bits(items, n, 63, bit); /* not ZS_NEED_ANY */
    for (uint32_t i = 0; i < n; i++)
        L->words[items[i].id]->need_bit = 1ull << bit[items[i].id];
    for (uint32_t ri = 0; ri < L->nrules; ri++) {
        zs_rule *r = &L->rules[ri];
        r->need = needs[ri][0] ? 0 : ZS_NEED_ANY;
        for (int k = 0; k < 2; k++)
            if (needs[ri][k]) r->need |= L->words[needs[ri][k] - 1]->need_bit;
    }
    free(bit);
    free(items);
    free(uses);
    free(needs);
}

/* Numbers the lexicons, once all their entries are in, so that the ones
 * whose words are common in text (their one-token entries, each word as
 * common as need_cost rates it) have a bit of zs_word.lex_one of their own
 * (lex % 64) and the rarest share one, two to a bit when there are up to
 * 128: from the most common lexicon down (ties: by name), each takes the
 * free number whose bit's lexicons are rarest. The numbers depend on the
 * lexicons' entries and names, not on where the templates define them.
 * Sets each word's lex_one and lex_long. */
static void number_lexicons(zs_lang *L)
{
    uint32_t n = L->nlexicons;
    if (!n) return;
    L->lex_stopword = find_lexicon(L, "stopword", 8); /* for need_cost */
    /* on the stack when there are few (as there are): what a load leaves on
     * the heap changes the cost of the documents' allocations */
    bit_item items_few[256];
    uint32_t to_few[256];
    zs_lexicon lex_few[256];
    bit_item *items = n <= 256 ? items_few : zs_xmalloc(n * sizeof *items);
    uint32_t *to = n <= 256 ? to_few : zs_xmalloc(n * sizeof *to);
    zs_lexicon *lex = n <= 256 ? lex_few : zs_xmalloc(n * sizeof *lex);
    for (uint32_t x = 0; x < n; x++) items[x] = (bit_item){x, 0, 1, L->lexicons[x].name};
    for (uint32_t i = 0; i < L->nentries; i++)
        if (L->entries[i]->ntok == 1)
            items[L->entries[i]->lex].freq += (uint64_t)need_cost(L, L->entries[i]->words[0]);
    qsort(items, n, sizeof *items, cmp_bit_item);
    uint64_t freq[64] = {0};
    uint32_t used[64] = {0}; /* numbers b, b + 64, ... taken */
    for (uint32_t i = 0; i < n; i++) {
        uint32_t best = UINT32_MAX;
        for (uint32_t b = 64; b-- > 0;) {
            if (b + 64 * used[b] >= n) continue; /* no free number */
            if (best == UINT32_MAX || used[b] < used[best] ||
                (used[b] == used[best] && freq[b] < freq[best]))
                best = b;
        }
        to[items[i].id] = best + 64 * used[best]++;
        freq[best] += items[i].freq;
    }
    for (uint32_t x = 0; x < n; x++) lex[to[x]] = L->lexicons[x];
    memcpy(L->lexicons, lex, n * sizeof *lex);
    for (uint32_t i = 0; i < L->nentries; i++) L->entries[i]->lex = to[L->entries[i]->lex];
    for (uint32_t i = 0; i < L->nentries; i++) {
        zs_word *w = L->words[L->entries[i]->words[0]];
        w->lex_one = w->lex_long = 0;
    }
    for (uint32_t i = 0; i < L->nentries; i++) {
        zs_word *w = L->words[L->entries[i]->words[0]];
        uint64_t bit = 1ull << (L->entries[i]->lex % 64);
        if (L->entries[i]->ntok == 1) w->lex_one |= bit;
        else w->lex_long |= bit;
    }
    if (n > 256) {
        free(items);
        free(to);
        free(lex);
    }
}

/* The need masks of rules ids[0..n) or'ed (ZS_NEED_ANY among them if one
 * rule needs no word): a sentence without any of them tries none of the
 * rules. */
static uint64_t rules_need(const zs_lang *L, const uint32_t *ids, uint32_t n)
{
    uint64_t need = 0;
    for (uint32_t k = 0; k < n; k++) {
        need |= L->rules[ids[k]].need;
    }
    return need;
}

static uint32_t well_known(zs_lang *L, const char *name)
{
    return find_lexicon(L, name, strlen(name));
}

/* The verb_title lexicon ("meet = Meeting", "travel = Trip place=to"): each
 * event_verb entry that is no noun (pos=noun) and has no title= of its own
 * gets, by its lemma (its lemma= or its form: "met" -> "meet"), the title of
 * the lemma's line and the attributes after it (place=), so that a title is
 * a line of data and the derived verb forms need not repeat it. */
static void add_verb_titles(zs_lang *L)
{
    uint32_t vt = well_known(L, "verb_title");
    if (vt == UINT32_MAX || L->lex_event_verb == UINT32_MAX) return;
    for (uint32_t i = 0; i < L->nentries; i++) {
        zs_entry *e = L->entries[i];
        if (e->lex != L->lex_event_verb || e->ntok != 1 || zs_entry_attr(e, "title")) continue;
        if (zs_entry_attr_is(e, "pos", "noun")) continue;
        const zs_attr *lem = zs_entry_attr(e, "lemma");
        const char *l = lem ? lem->sym : e->lemma;
        const zs_word *w = zs_lang_word(L, l, strlen(l));
        const zs_entry *t;
        if (!w || !zs_word_in(w, vt, &t) || !t->nattrs || t->attrs[0].key) continue;
        zs_attr *a = lalloc(L, (size_t)(e->nattrs + t->nattrs) * sizeof *a);
        memcpy(a, e->attrs, e->nattrs * sizeof *a);
        memcpy(a + e->nattrs, t->attrs, t->nattrs * sizeof *a);
        a[e->nattrs].key = "title";
        e->attrs = a;
        e->nattrs = (uint16_t)(e->nattrs + t->nattrs);
    }
}

/* Attributes that name a lexicon: an event_suffix or signal_previous
 * entry's not_after= ("die renovierte Kirche": not after an article; "wie
 * nie zuvor": no reference back), a signal_previous entry's not_before=
 * ("fragten danach, ob": no reference back), a tlink_object entry's
 * clause= ("verlangte, dass ...": the clause its word opens names the
 * object), a title_place entry's between= ("in der Ukraine": an article
 * between it and the place) and an event_verb
 * entry's not_with= ("das Rennen bestreiten": no denial with a contest).
 * Each attribute's number becomes that lexicon's id, looked up once here
 * rather than per matched word. False, with err, for a name of no
 * lexicon. */
static bool resolve_lexicon_attrs(zs_lang *L, zs_error *err)
{
    const struct { uint32_t lex; const char *key; } named[] = {
        {L->lex_event_suffix, "not_after"},
        {L->lex_event_verb, "not_with"},
        {L->lex_signal_previous, "not_after"},
        {L->lex_signal_previous, "not_before"},
        {L->lex_tlink_object, "clause"},
        {L->lex_title_place, "between"},
    };
    for (uint32_t i = 0; i < L->nentries; i++) {
        zs_entry *e = L->entries[i];
        for (size_t k = 0; k < sizeof named / sizeof *named; k++) {
            const zs_attr *na = named[k].lex != UINT32_MAX && e->lex == named[k].lex
                                    ? zs_entry_attr(e, named[k].key)
                                    : NULL;
            if (!na) continue;
            uint32_t lex = na->sym ? find_lexicon(L, na->sym, strlen(na->sym)) : UINT32_MAX;
            if (lex == UINT32_MAX) {
                const zs_lexicon *x = &L->lexicons[e->lex];
                zs_set_error(err, ZS_ERR_TEMPLATE, "%s:%d: lexicon %s, '%s': %s=%s names no lexicon",
                             x->file, x->line, x->name, e->lemma, named[k].key,
                             na->sym ? na->sym : "");
                return false;
            }
            zs_attr *a = lalloc(L, e->nattrs * sizeof *a);
            memcpy(a, e->attrs, e->nattrs * sizeof *a);
            a[na - e->attrs].num = (int32_t)lex;
            e->attrs = a;
        }
    }
    return true;
}

zs_lang *zs_lang_load(const char *dir, zs_error *err)
{
    DIR *dh = opendir(dir);
    if (!dh) {
        zs_set_error(err, ZS_ERR_TEMPLATE, "%s: cannot open template directory", dir);
        return NULL;
    }
    char **names = NULL;
    size_t nnames = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dh))) {
        size_t n = strlen(de->d_name);
        if (n > 3 && strcmp(de->d_name + n - 3, ".zt") == 0 && de->d_name[0] != '.') {
            ZS_GROW(names, cap, nnames + 1);
            names[nnames++] = zs_xstrdup(de->d_name);
        }
    }
    closedir(dh);
    qsort(names, nnames, sizeof *names, cmp_names);

    zs_lang *L = zs_xcalloc(1, sizeof *L);
    L->dir = zs_xstrdup(dir);
    loader ld = {.L = L};
    bool ok = nnames > 0;
    if (!ok) zs_set_error(err, ZS_ERR_TEMPLATE, "%s: no .zt template files", dir);
    zs_buf path = {0};
    for (size_t i = 0; ok && i < nnames; i++) {
        zs_buf_reset(&path);
        zs_buf_printf(&path, "%s/%s", dir, names[i]);
        ok = load_file(&ld, path.data, path.data, err);
    }
    zs_buf_free(&path);
    for (uint32_t i = 0; ok && i < ld.ncompounds; i++)
        build_compound(L, ld.compounds[i].lex, ld.compounds[i].a, ld.compounds[i].b);
    if (ok && L->particles_join) join_particles(L);
    if (ok) {
        number_lexicons(L);
        mark_common_lexicons(L);
        index_lexicon_entries(L);
        L->rules = zs_xcalloc(ld.nrules ? ld.nrules : 1, sizeof *L->rules);
        for (uint32_t i = 0; ok && i < ld.nrules; i++) {
            ok = compile_rule(&ld, &ld.rules[i], i, err);
            L->rules[i] = ld.rules[i].rule;
            L->nrules = i + 1;
        }
        free_lexicon_entries(L);
    }
    for (uint32_t i = 0; i < ld.nrules; i++) {
        free(ld.rules[i].values);
        if (i >= L->nrules) free(ld.rules[i].rule.examples);
    }
    free(ld.rules);
    free(ld.compounds);
    for (size_t i = 0; i < nnames; i++) free(names[i]);
    free(names);
    if (ok && !L->code) {
        ok = false;
        zs_set_error(err, ZS_ERR_TEMPLATE, "%s: no 'lang' line in any template file", dir);
    }
    if (!ok) {
        zs_lang_free(L);
        return NULL;
    }
    if (!L->zone) L->zone = lstrdup(L, "UTC");
    if (!L->order) L->order = ZS_ORDER_DMY;
    for (uint32_t i = 0; i < L->nwords; i++)
        stable_sort_starts(L->words[i]);
    for (uint32_t i = 0; i < L->nentries; i++) {
        zs_lexicon *x = &L->lexicons[L->entries[i]->lex];
        if (L->entries[i]->ntok > x->max_tokens) x->max_tokens = L->entries[i]->ntok;
    }
    rule_bitmaps(L);
    rule_needs(L);
    for (uint32_t i = 0; i < L->nwords; i++)
        L->words[i]->rules_need = rules_need(L, L->words[i]->rules, L->words[i]->nrules);
    L->num_rules_need = rules_need(L, L->num_rules, L->nnum_rules);
    L->lex_abbrev = well_known(L, "abbrev");
    L->lex_past_marker = well_known(L, "past_marker");
    L->lex_future = well_known(L, "tense_future");
    L->lex_subordinator = well_known(L, "subordinator");
    L->lex_verb_last = well_known(L, "verb_last");
    L->lex_light_verb = well_known(L, "light_verb");
    L->lex_clause_open = well_known(L, "clause_open");
    L->lex_event_noun = well_known(L, "event_noun");
    L->lex_event_verb = well_known(L, "event_verb");
    L->lex_modal_planned = well_known(L, "modal_planned");
    L->lex_modal_possible = well_known(L, "modal_possible");
    L->lex_aside = well_known(L, "narrative_aside");
    L->lex_stopword = well_known(L, "stopword");
    L->lex_signal_after = well_known(L, "signal_after");
    L->lex_signal_before = well_known(L, "signal_before");
    L->lex_signal_during = well_known(L, "signal_during");
    L->lex_signal_previous = well_known(L, "signal_previous");
    L->lex_negation = well_known(L, "negation");
    L->lex_article = well_known(L, "article_subject");
    L->lex_suffix_lemma = well_known(L, "suffix_lemma");
    L->lex_article_indef = well_known(L, "article_indefinite");
    L->lex_event_new = well_known(L, "event_new");
    L->lex_title_place = well_known(L, "title_place");
    L->lex_clause_join = well_known(L, "clause_join");
    L->lex_verb_aux = well_known(L, "verb_aux");
    L->lex_verb_ending = well_known(L, "verb_ending");
    L->lex_present_ending = well_known(L, "present_ending");
    L->lex_perfect_sein = well_known(L, "perfect_sein");
    L->lex_participant = well_known(L, "participant");
    L->lex_participant_title = well_known(L, "participant_title");
    L->lex_participant_link = well_known(L, "participant_link");
    L->lex_not_name = well_known(L, "not_name");
    L->lex_event_suffix = well_known(L, "event_suffix");
    L->lex_event_not = well_known(L, "event_not");
    L->lex_class_context = well_known(L, "class_context");
    L->lex_class_before = well_known(L, "class_before");
    L->lex_pair_word = well_known(L, "pair_word");
    L->lex_tlink_pair = well_known(L, "tlink_pair");
    L->lex_signal_anchor = well_known(L, "signal_anchor");
    L->lex_tlink_object = well_known(L, "tlink_object");
    L->lex_object_gap = well_known(L, "object_gap");
    for (uint32_t i = 0; i < L->nentries && L->lex_event_verb != UINT32_MAX; i++)
        if (L->entries[i]->lex == L->lex_event_verb && zs_entry_attr(L->entries[i], "object"))
            L->object_verbs = true;
    L->lex_event_status = well_known(L, "event_status");
    L->lex_status_date = well_known(L, "status_date");
    L->lex_zone_abbr = well_known(L, "zone_abbr");
    L->lex_planned_event = well_known(L, "planned_event");
    if (!resolve_lexicon_attrs(L, err)) {
        zs_lang_free(L);
        return NULL;
    }
    add_verb_titles(L);
    build_tails(L);
    build_stop_table(L);
    split_late_words(L);
    for (int b = 1; b < 128; b++) {
        char c = (char)b;
        L->byte_words[b] = zs_lang_word(L, &c, 1);
    }
    return L;
}

typedef struct load_job {
    const char *dir;
    zs_lang *lang;
    zs_error err;
} load_job;

static void *load_thread(void *arg)
{
    load_job *job = arg;
    job->lang = zs_lang_load(job->dir, &job->err);
    return NULL;
}

/* load_thread on a thread of its own, which ends here. */
static void *load_own_thread(void *arg)
{
    load_thread(arg);
    zs_tz_cache_free(); /* the thread's ICU calendar, if it opened one */
    return NULL;
}

int zs_langs_load(const char *const *dirs, size_t n, zs_lang **langs, zs_error *err)
{
    load_job *jobs = zs_xcalloc(n + 1, sizeof *jobs);
    pthread_t *threads = zs_xcalloc(n + 1, sizeof *threads);
    bool *started = zs_xcalloc(n + 1, sizeof *started);
    for (size_t i = 0; i < n; i++) {
        jobs[i].dir = dirs[i];
        /* the first on this thread, the others each on its own (or here,
           when a thread cannot be had) */
        started[i] = i > 0 && pthread_create(&threads[i], NULL, load_own_thread, &jobs[i]) == 0;
    }
    if (n) load_thread(&jobs[0]);
    for (size_t i = 1; i < n; i++) {
        if (started[i]) pthread_join(threads[i], NULL);
        else load_thread(&jobs[i]);
    }
    bool ok = true;
    for (size_t i = 0; i < n; i++)
        if (ok && !jobs[i].lang) {
            ok = false;
            if (err) *err = jobs[i].err;
        }
    for (size_t i = 0; i < n; i++) {
        if (!ok) zs_lang_free(jobs[i].lang);
        langs[i] = ok ? jobs[i].lang : NULL;
    }
    free(jobs);
    free(threads);
    free(started);
    return ok ? 0 : -1;
}

void zs_lang_free(zs_lang *L)
{
    if (!L) return;
    for (uint32_t i = 0; i < L->nwords; i++) { /* the words themselves are L's pieces */
        free(L->words[i]->starts);
        free(L->words[i]->rules);
    }
    free(L->words);
    free(L->table);
    free(L->late_table);
    free(L->lexicons);
    free(L->entries);
    free(L->label_keys);
    free(L->label_texts);
    for (uint32_t i = 0; i < L->nrules; i++) {
        free(L->rules[i].examples);
        free(L->rules[i].first.list);
        for (int k = 0; k < ZS_NEXT_TOKENS; k++) free(L->rules[i].next[k].list);
        free(L->rules[i].pred.list);
        free(L->rules[i].succ.list);
    }
    free(L->rules);
    free(L->pexamples);
    free(L->lit_pool);
    free(L->num_rules);
    for (size_t i = 0; i < L->nallocs; i++) free(L->allocs[i]);
    free(L->allocs);
    free(L->dir);
    free(L);
}

const char *zs_lang_code(const zs_lang *L)
{
    return L->code;
}
