/* Language identification for --lang auto: each candidate language counts
 * the words of the text's beginning that its "stopword" lexicon lists (the
 * frequent function words of templates/<lang>/); the language with the most
 * hits wins, the first candidate on a tie. Cheap: one pass over at most
 * ZS_LANGID_BYTES bytes, one hash lookup per word and language, and it
 * stops as soon as one language leads by ZS_LANGID_LEAD words. */
#include <stdlib.h>
#include <string.h>

#include "template.h"
#include "text.h"
#include "util.h"
#include "zeitstrahl.h"

/* Bytes looked at: enough for a few hundred words. */
#define ZS_LANGID_BYTES 4096

/* Reading stops early once a language has this many hits more than every
 * other: a text in one language gets there within a few dozen words. */
#define ZS_LANGID_LEAD 30

/* Bytes of words: ASCII letters, the apostrophe and every byte of a
 * non-ASCII character. */
static inline bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '\'';
}

/* Whether one language leads every other by ZS_LANGID_LEAD hits. */
static bool decided(const size_t *hits, size_t n)
{
    size_t best = 0, second = 0;
    for (size_t l = 0; l < n; l++) {
        if (hits[l] > best) {
            second = best;
            best = hits[l];
        } else if (hits[l] > second) {
            second = hits[l];
        }
    }
    return best >= second + ZS_LANGID_LEAD;
}

/* Longest ASCII word folded on the stack; longer ones go through zs_fold. */
#define SHORT_WORD 64

size_t zs_lang_detect(const zs_lang *const *langs, size_t n, const char *text, size_t len)
{
    if (n < 2) return 0;
    if (len > ZS_LANGID_BYTES) {
        len = ZS_LANGID_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--; /* whole characters */
    }
    /* each word is folded and hashed once and looked up in every language */
    size_t *hits = zs_xcalloc(n, sizeof *hits);
    zs_buf fold = {0};
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        if (!word_byte(s[i])) {
            i++;
            continue;
        }
        /* ASCII words (most of them) are lower-cased and hashed here, as
         * zs_fold and zs_lang_word would */
        char small[SHORT_WORD];
        uint32_t h = ZS_WORD_HASH_INIT;
        size_t j = i;
        bool ascii = true;
        for (; j < len && word_byte(s[j]); j++) {
            unsigned char c = s[j];
            if (c >= 0x80 || j - i == SHORT_WORD) ascii = false;
            if (!ascii) continue;
            c = c >= 'A' && c <= 'Z' ? c + 32 : c;
            small[j - i] = (char)c;
            h = zs_word_hash_byte(h, c);
        }
        const char *form = small;
        size_t flen = j - i;
        if (!ascii) {
            fold.len = 0;
            zs_fold(text + i, j - i, &fold);
            form = fold.data;
            flen = fold.len;
            h = ZS_WORD_HASH_INIT;
            for (size_t k = 0; k < flen; k++) h = zs_word_hash_byte(h, (unsigned char)form[k]);
        }
        for (size_t l = 0; l < n; l++) {
            const zs_lang *L = langs[l];
            if (L->lex_stopword == UINT32_MAX) continue;
            const zs_word *w = zs_lang_word_hashed(L, form, flen, h);
            if (w && zs_word_in(w, L->lex_stopword, NULL)) hits[l]++;
        }
        i = j;
        if (decided(hits, n)) break;
    }
    size_t best = 0;
    for (size_t l = 1; l < n; l++)
        if (hits[l] > hits[best]) best = l;
    free(hits);
    zs_buf_free(&fold);
    return best;
}
