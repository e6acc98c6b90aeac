/* Language identification for --lang auto: each candidate language counts
 * the words of the text's beginning that its "stopword" lexicon lists (the
 * frequent function words of templates/<lang>/); the language with the most
 * hits wins, the first candidate on a tie. Cheap: one pass over at most
 * ZS_LANGID_BYTES bytes, one lookup per word and language in the small
 * table of its stop words (none for an ASCII word longer than them all),
 * and it stops as soon as one language leads by ZS_LANGID_LEAD words. */
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

/* Longest ASCII word folded on the stack: longer than any stop word. */
#define ZS_LANGID_SHORT 64

/* The lower-case form of the ASCII bytes of words (letters and the
 * apostrophe), 0 for the others. */
static const unsigned char word_lower[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, '\'', 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
    0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
};

/* Bytes of words: ASCII letters, the apostrophe and every byte of a
 * non-ASCII character. */
static inline bool word_byte(unsigned char c)
{
    return c >= 0x80 || word_lower[c];
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

/* Whether the folded form[0..len) of hash h is one of L's stop words. */
static inline bool is_stopword(const zs_lang *L, const char *form, size_t len, uint32_t h)
{
    return len <= L->stop_maxlen &&
           zs_word_table_probe(L, L->stop_table, L->stop_mask, form, len, h, false);
}

size_t zs_lang_detect(const zs_lang *const *langs, size_t n, const char *text, size_t len)
{
    if (n < 2) return 0;
    if (len > ZS_LANGID_BYTES) {
        len = ZS_LANGID_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--; /* whole characters */
    }
    /* the longest stop word of any language */
    size_t maxlen = 0;
    for (size_t l = 0; l < n; l++)
        if (langs[l]->stop_table && langs[l]->stop_maxlen > maxlen) maxlen = langs[l]->stop_maxlen;
    /* each word is folded and hashed once and looked up in every language */
    size_t few[16] = {0};
    size_t *hits = n <= 16 ? few : zs_xcalloc(n, sizeof *hits);
    zs_buf fold = {0};
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        if (!word_byte(s[i])) {
            i++;
            continue;
        }
        /* words of ASCII and Latin-1 letters fold to as many bytes: those
         * longer than every stop word are passed over; ASCII words are
         * lower-cased here as zs_fold would fold them, the
         * others go through zs_fold */
        size_t j = i;
        bool ascii = true, latin1 = true; /* Latin-1 letters fold to as many bytes */
        for (; j < len; j++) {
            unsigned char c = s[j];
            if (c < 0x80) {
                if (!word_lower[c]) break;
                continue;
            }
            ascii = false;
            if (c == 0xC3 && j + 1 < len && s[j + 1] >= 0x80 && s[j + 1] <= 0xBF) j++;
            else latin1 = false;
        }
        size_t flen = j - i;
        char small[ZS_LANGID_SHORT];
        const char *form = small;
        if (latin1 && flen > maxlen) {
            i = j;
            continue;
        }
        if (ascii && flen <= ZS_LANGID_SHORT) {
            for (size_t k = 0; k < flen; k++) {
                unsigned char c = word_lower[s[i + k]];
                small[k] = (char)c;
            }
        } else {
            fold.len = 0;
            zs_fold(text + i, flen, &fold);
            form = fold.data;
            flen = fold.len;
        }
        uint32_t h = zs_word_hash(form, flen);
        i = j;
        bool hit = false;
        for (size_t l = 0; l < n; l++)
            if (is_stopword(langs[l], form, flen, h)) {
                hits[l]++;
                hit = true;
            }
        if (hit && decided(hits, n)) break;
    }
    size_t best = 0;
    for (size_t l = 1; l < n; l++)
        if (hits[l] > hits[best]) best = l;
    if (hits != few) free(hits);
    zs_buf_free(&fold);
    return best;
}
