/* Language identification for --lang auto: each candidate language counts
 * the words of the text's beginning that its "stopword" lexicon lists (the
 * frequent function words of templates/<lang>/); the language with the most
 * hits wins, the first candidate on a tie. Cheap: one pass over at most
 * ZS_LANGID_BYTES bytes, one hash lookup per word and language. */
#include <stdlib.h>
#include <string.h>

#include "template.h"
#include "text.h"
#include "util.h"
#include "zeitstrahl.h"

/* Bytes looked at: enough for a few hundred words. */
#define ZS_LANGID_BYTES 4096

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '\'';
}

size_t zs_lang_detect(const zs_lang *const *langs, size_t n, const char *text, size_t len)
{
    if (n < 2) return 0;
    if (len > ZS_LANGID_BYTES) {
        len = ZS_LANGID_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--; /* whole characters */
    }
    /* each word is folded once and looked up in every language */
    size_t *hits = zs_xcalloc(n, sizeof *hits);
    zs_buf fold = {0};
    for (size_t i = 0; i < len;) {
        if (!word_byte((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && word_byte((unsigned char)text[j])) j++;
        fold.len = 0;
        zs_fold(text + i, j - i, &fold);
        for (size_t l = 0; l < n; l++) {
            const zs_lang *L = langs[l];
            if (L->lex_stopword == UINT32_MAX) continue;
            const zs_word *w = zs_lang_word(L, fold.data, fold.len);
            if (w && zs_word_in(w, L->lex_stopword, NULL)) hits[l]++;
        }
        i = j;
    }
    size_t best = 0;
    for (size_t l = 1; l < n; l++)
        if (hits[l] > hits[best]) best = l;
    free(hits);
    zs_buf_free(&fold);
    return best;
}
