/* Tokens and sentences. Characters are classified with ICU's properties and
 * non-ASCII forms folded with ICU's NFKC_Casefold; sentence boundaries are
 * found here rather than with ICU's sentence iterator, which splits German
 * ordinals ("am 7. | Juli") and abbreviations ("z. | B."). */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "template.h"

/* Folds s[0..n) when it holds only ASCII and precomposed Latin-1 letters
 * (German text: ä ö ü ß é ...), where NFKC_Casefold is a table: upper case
 * to lower case, ß to "ss". Returns false for anything else. */
static bool fold_latin1(const char *s, size_t n, zs_buf *out)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < 0x80) continue;
        if (p[i] != 0xC3 || i + 1 == n || p[i + 1] < 0x80 || p[i + 1] > 0xBF) return false;
        i++; /* U+00C0..U+00FF */
    }
    zs_buf_grow(out, 2 * n);
    char *o = out->data + out->len;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c < 0x80) {
            *o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        unsigned char c2 = p[++i];          /* U+00C0 + (c2 - 0x80) */
        if (c2 == 0x9F) {                   /* ß */
            *o++ = 's';
            *o++ = 's';
        } else {
            if (c2 >= 0x80 && c2 <= 0x9E && c2 != 0x97) c2 += 0x20; /* À..Þ but × */
            *o++ = (char)0xC3;
            *o++ = (char)c2;
        }
    }
    out->len = (size_t)(o - out->data);
    out->data[out->len] = '\0';
    return true;
}

void zs_fold(const char *s, size_t n, zs_buf *out)
{
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80) i++;
    if (i < n && fold_latin1(s, n, out)) return;
    if (i == n) { /* ASCII: lower-case in place */
        zs_buf_grow(out, n);
        for (i = 0; i < n; i++) {
            char c = s[i];
            out->data[out->len + i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        out->len += n;
        out->data[out->len] = '\0';
        return;
    }
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nf = unorm2_getNFKCCasefoldInstance(&st);
    UChar small[128], smallf[256];
    UChar *src = small, *dst = smallf;
    int32_t srclen = 0;
    u_strFromUTF8(src, 128, &srclen, s, (int32_t)n, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) {
        st = U_ZERO_ERROR;
        src = zs_xmalloc(((size_t)srclen + 1) * sizeof(UChar));
        u_strFromUTF8(src, srclen + 1, NULL, s, (int32_t)n, &st);
    }
    int32_t cap = 256, dlen = 0;
    if (U_SUCCESS(st)) {
        dlen = unorm2_normalize(nf, src, srclen, dst, cap, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) {
            st = U_ZERO_ERROR;
            cap = dlen + 1;
            dst = zs_xmalloc((size_t)cap * sizeof(UChar));
            dlen = unorm2_normalize(nf, src, srclen, dst, cap, &st);
        }
    }
    if (U_FAILURE(st)) { /* cannot happen for valid UTF-8; keep the bytes */
        zs_buf_put(out, s, n);
    } else {
        int32_t need = 0;
        UErrorCode st2 = U_ZERO_ERROR;
        u_strToUTF8(NULL, 0, &need, dst, dlen, &st2);
        zs_buf_grow(out, (size_t)need);
        st2 = U_ZERO_ERROR;
        u_strToUTF8(out->data + out->len, need + 1, NULL, dst, dlen, &st2);
        out->len += (size_t)need;
        out->data[out->len] = '\0';
    }
    if (src != small) free(src);
    if (dst != smallf) free(dst);
}

enum { C_SPACE, C_LETTER, C_DIGIT, C_OTHER };

/* Character classes of ASCII, by table (the hot path of tokenizing). */
static const uint8_t ascii_class[128] = {
    C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_OTHER, C_OTHER,
    C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
    C_SPACE, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
    C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
    C_OTHER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
    C_OTHER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
};

/* 1 for ASCII letters and digits, by byte (0 for bytes >= 0x80). */
static const uint8_t ascii_alnum[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

/* ASCII letters and digits folded (lower case) in the low byte, by byte,
 * with FOLD_LETTER (and FOLD_UPPER) or FOLD_DIGIT; 0 for the rest (NUL too, which ends
 * every text). */
#define FOLD_LETTER 0x100
#define FOLD_DIGIT 0x200
#define FOLD_UPPER 0x400 /* upper case: FOLD_UPPER >> 7 is ZS_TF_UPPER */
_Static_assert(FOLD_UPPER >> 7 == ZS_TF_UPPER, "FOLD_UPPER is ZS_TF_UPPER shifted");
#define D_(c) [c] = (c) | FOLD_DIGIT
#define L_(c) [c] = (c) | FOLD_LETTER, [(c) - 32] = (c) | FOLD_LETTER | FOLD_UPPER
static const uint16_t ascii_fold[256] = {
    D_('0'), D_('1'), D_('2'), D_('3'), D_('4'), D_('5'), D_('6'), D_('7'), D_('8'), D_('9'),
    L_('a'), L_('b'), L_('c'), L_('d'), L_('e'), L_('f'), L_('g'), L_('h'), L_('i'),
    L_('j'), L_('k'), L_('l'), L_('m'), L_('n'), L_('o'), L_('p'), L_('q'), L_('r'),
    L_('s'), L_('t'), L_('u'), L_('v'), L_('w'), L_('x'), L_('y'), L_('z'),
};
#undef D_
#undef L_

static int classify(UChar32 c)
{
    if (c < 0x80) return ascii_class[c];
    if (c == 0xAD) return C_LETTER; /* soft hyphen stays inside its word */
    if (u_isUWhiteSpace(c) || c == 0xA0 || c == 0x202F) return C_SPACE;
    if (u_isUAlphabetic(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)) return C_LETTER;
    if (u_isdigit(c)) return C_LETTER; /* non-ASCII digits: part of a word */
    return C_OTHER;
}

/* The code point at s[*i] (advancing *i), ASCII without a decoder call;
 * negative for invalid UTF-8. */
static inline UChar32 next_cp(const uint8_t *s, int32_t *i, int32_t len)
{
    if (s[*i] < 0x80) return s[(*i)++];
    UChar32 c;
    U8_NEXT(s, *i, len, c);
    return c;
}

/* The token array while it is filled, in locals: the compiler cannot keep
 * d's fields in registers across the byte stores of folding. */
typedef struct tok_array {
    zs_token *a;
    size_t n, cap;
} tok_array;

static tok_array tok_grow(tok_array ta)
{
    ZS_GROW(ta.a, ta.cap, ta.n + 1);
    return ta;
}

static inline zs_token *new_token(tok_array *ta, uint32_t b0, uint32_t b1, uint32_t c0,
                                  uint32_t c1, int kind, int flags, int32_t num)
{
    if (ta->n >= ta->cap) *ta = tok_grow(*ta);
    zs_token *t = &ta->a[ta->n++];
    t->b0 = b0;
    t->b1 = b1;
    t->c0 = c0;
    t->c1 = c1;
    t->kind = (uint8_t)kind;
    t->flags = (uint8_t)flags;
    t->num = num;
    t->sent = 0;
    return t;
}

/* The fold buffer keeps room for the rest of the text folded byte for byte
 * (as ASCII and Latin-1 letters fold) and FOLD_SLACK bytes more: the fast
 * paths write without checking, and a form at its end can be compared with
 * the lexicon's 8 bytes at a time (zs_lang_word_padded). Only zs_fold's
 * forms can be longer than their text; push_token restores the room after
 * them. */
#define FOLD_SLACK 8

/* Gives t its folded form fold[at..at+n) of hash h and its lexicon word. */
static inline void set_fold(zs_token *t, const zs_lang *lang, const zs_buf *fold, size_t at,
                            size_t n, uint32_t h)
{
    t->fold = (uint32_t)at;
    t->fold_len = (uint16_t)(n > UINT16_MAX ? UINT16_MAX : n);
    t->word = lang ? zs_lang_word_padded(lang, fold->data + at, n, h) : NULL;
}

static void push_token(tok_array *ta, const zs_doc *d, const zs_lang *lang, zs_buf *fold,
                       uint32_t b0, uint32_t b1, uint32_t c0, uint32_t c1, int kind,
                       int flags, int32_t num)
{
    zs_token *t = new_token(ta, b0, b1, c0, c1, kind, flags, num);
    size_t at = fold->len;
    if (b1 - b0 == c1 - c0) { /* ASCII (as many bytes as code points): fold */
        size_t len = b1 - b0;
        const unsigned char *src = (const unsigned char *)d->text + b0;
        char *dst = fold->data + fold->len;
        for (size_t k = 0; k < len; k++)
            dst[k] = (char)(src[k] >= 'A' && src[k] <= 'Z' ? src[k] + 32 : src[k]);
        fold->len += len;
        fold->data[fold->len] = '\0';
    } else {
        zs_fold(d->text + b0, b1 - b0, fold);
        zs_buf_grow(fold, (d->len - b1) + FOLD_SLACK);
    }
    size_t n = fold->len - at;
    set_fold(t, lang, fold, at, n, zs_word_hash_padded(fold->data + at, n));
}

/* A run of letters and digits scanned on the fast path. */
typedef struct fast_run {
    int32_t end;       /* byte after the run */
    uint32_t ncp;      /* code points */
    size_t nfold;      /* its folded length in bytes */
    bool letters, digits;
    int64_t num;
} fast_run;

/* Scans the run of letters and digits at s[start], folding it to o0 (the
 * end of the fold buffer, whose length is left to the caller), when it
 * holds only ASCII and precomposed Latin-1 letters (nearly every word).
 * Returns false, with nothing appended, for a run with any other letter. */
static bool scan_fast(const uint8_t *s, int32_t len, int32_t start, unsigned char *o0,
                      fast_run *r)
{
    unsigned char *o = o0;
    const uint8_t *p = s + start, *e = s + len;
    uint32_t pairs = 0;
    unsigned seen = 0; /* FOLD_LETTER, FOLD_DIGIT */
    for (;;) {
        unsigned v;
        size_t k = 0;
        /* no bound check: the text's NUL ends the loop at e */
        while ((v = ascii_fold[p[k]]) != 0) {
            seen |= v;
            o[k] = (unsigned char)v;
            k++;
        }
        p += k;
        o += k;
        if (p == e || *p < 0x80) break;
        if (p[0] == 0xC3 && p + 1 < e && p[1] >= 0x80 && p[1] <= 0xBF && p[1] != 0x97 &&
            p[1] != 0xB7) { /* U+00C0..U+00FF but × ÷ */
            unsigned char c2 = p[1];
            if (c2 == 0x9F) { /* ß */
                *o++ = 's';
                *o++ = 's';
            } else {
                if (c2 <= 0x9E) c2 += 0x20; /* À..Þ */
                *o++ = 0xC3;
                *o++ = c2;
            }
            seen |= FOLD_LETTER;
            p += 2;
            pairs++;
            continue;
        }
        /* any other character ends the run, unless it is a letter */
        int32_t j = (int32_t)(p - s);
        UChar32 c = next_cp(s, &j, len);
        if (c > 0) {
            int cls = classify(c);
            if (cls == C_LETTER || cls == C_DIGIT) return false;
        }
        break;
    }
    int32_t i = (int32_t)(p - s);
    bool letters = seen & FOLD_LETTER, digits = seen & FOLD_DIGIT;
    int64_t num = 0;
    if (digits && !letters)
        for (int32_t k = start; k < i; k++)
            if (num < 100000000) num = num * 10 + (s[k] - '0');
    r->end = i;
    r->nfold = (size_t)(o - o0);
    r->ncp = (uint32_t)(i - start) - pairs;
    r->letters = letters;
    r->digits = digits;
    r->num = num;
    return true;
}

static void grow_breaks(zs_doc *d)
{
    ZS_GROW(d->breaks, d->breaks_cap, d->nbreaks + 1);
}

/* Notes in d->breaks that a sentence could end before token i after a
 * blank line (v = i << 1) or after the '.', '!' or '?' at token i (v =
 * i << 1 | 1), for zs_split_sentences. Values come in order; one may come
 * twice (blank lines). */
static inline void add_break(zs_doc *d, uint32_t v)
{
    if (d->nbreaks == d->breaks_cap) grow_breaks(d);
    d->breaks[d->nbreaks++] = v;
}

/* What the ASCII lane works on, in locals (see tok_array). */
typedef struct lane {
    zs_token *a;
    size_t n, cap;
    char *fold;          /* the fold buffer, with room for the rest of the
                            text (FOLD_SLACK) */
    size_t fold_len;
    int pending, newlines;
} lane;

/* Tokenizes s from byte i on while the text is ASCII: whitespace,
 * punctuation, and runs of letters and digits (folded and hashed in one
 * tight loop) not followed by a non-ASCII byte. Code-point offsets are
 * byte offsets less adj. Returns the byte where it stopped: the end, a NUL
 * or non-ASCII byte, or the start of a run that goes on with one. */
static int32_t ascii_lane(lane *ln, zs_doc *d, const zs_lang *lang, const uint8_t *s,
                          int32_t i0, int32_t len, uint32_t adj)
{
    zs_token *a = ln->a;
    size_t n = ln->n, cap = ln->cap;
    char *fold = ln->fold;
    size_t fl = ln->fold_len;
    int pending = ln->pending, newlines = ln->newlines;
    const uint8_t *p = s + i0, *e = s + len;
    while (p < e) {
        unsigned b = *p;
        if (b == ' ') { /* the commonest byte first */
            pending |= ZS_TF_SPACE;
            p++;
            continue;
        }
        unsigned v = ascii_fold[b];
        uint32_t b0 = (uint32_t)(p - s);
        size_t k = 0;
        int kind;
        int32_t num = -1;
        if (v) { /* a run of letters and digits; no bound check: the byte at e
                  * is none (the text's NUL) */
            unsigned seen = 0, first = v;
            char *o = fold + fl;
            do {
                seen |= v;
                o[k++] = (char)v;
            } while ((v = ascii_fold[p[k]]) != 0);
            if (p[k] >= 0x80 && p + k < e) break;
            kind = ZS_TOK_WORD;
            if (!(seen & FOLD_LETTER)) {
                kind = ZS_TOK_NUM;
                int64_t x = 0;
                for (size_t m = 0; m < k; m++)
                    if (x < 100000000) x = x * 10 + (p[m] - '0');
                num = (int32_t)x;
            } else if (seen & FOLD_DIGIT) {
                kind = ZS_TOK_ALNUM;
            }
            pending |= (first & FOLD_UPPER) >> 7; /* ZS_TF_UPPER */
        } else if (b - 1 >= 0x7F) { /* NUL or non-ASCII */
            break;
        } else if (ascii_class[b] == C_SPACE) {
            pending |= ZS_TF_SPACE;
            if (b == '\n') {
                pending |= ZS_TF_NL;
                if (++newlines >= 2) {
                    pending |= ZS_TF_PARA;
                    add_break(d, (uint32_t)n << 1);
                }
            }
            p++;
            continue;
        } else { /* one byte of punctuation, its own folded form */
            fold[fl] = (char)b;
            k = 1;
            kind = ZS_TOK_PUNCT;
            if (b == '.' || b == '!' || b == '?') add_break(d, (uint32_t)n << 1 | 1);
        }
        if (n >= cap) ZS_GROW(a, cap, n + 1);
        zs_token *t = &a[n++];
        t->b0 = b0;
        t->b1 = b0 + (uint32_t)k;
        t->c0 = b0 - adj;
        t->c1 = b0 + (uint32_t)k - adj;
        t->fold = (uint32_t)fl;
        t->fold_len = (uint16_t)(k > UINT16_MAX ? UINT16_MAX : k);
        t->kind = (uint8_t)kind;
        t->flags = (uint8_t)pending;
        t->num = num;
        t->sent = 0;
        t->word = !lang ? NULL
                  : k == 1 ? lang->byte_words[(unsigned char)fold[fl]]
                           : zs_lang_word_padded(lang, fold + fl, k, zs_word_hash_padded(fold + fl, k));
        fl += k;
        p += k;
        newlines = 0;
        /* a space after it, the commonest case, without a turn of the loop
         * (p < e: the byte at e is the text's NUL) */
        pending = *p == ' ' ? ZS_TF_SPACE : 0;
        p += *p == ' ';
    }
    ln->a = a;
    ln->n = n;
    ln->cap = cap;
    ln->fold_len = fl;
    ln->pending = pending;
    ln->newlines = newlines;
    return (int32_t)(p - s);
}

bool zs_tokenize(zs_doc *d, const zs_lang *lang, zs_error *err)
{
    const uint8_t *s = (const uint8_t *)d->text;
    int32_t len = (int32_t)d->len;
    zs_buf fold = {0};
    zs_buf_grow(&fold, d->len + FOLD_SLACK);
    /* news text has a token every five bytes or so: room for that (up to
     * a limit) saves growing the array token by token */
    size_t guess = d->len / 4 + 16;
    ZS_GROW(d->toks, d->toks_cap, guess < 65536 ? guess : 65536);
    tok_array ta = {d->toks, d->ntoks, d->toks_cap};
    d->nbreaks = 0;
    /* not NULL: zs_split_sentences uses it; news text has a sentence every
     * 100 bytes or so */
    ZS_GROW(d->breaks, d->breaks_cap, d->len / 64 + 16);
    bool bad = false;
    int32_t i = 0;
    uint32_t cp = 0;
    int pending = 0, newlines = 0;
    while (i < len) {
        /* as far as the text is ASCII, the lane; the rest here */
        int32_t adj = i - (int32_t)cp; /* bytes more than code points so far */
        lane ln = {ta.a, ta.n, ta.cap, fold.data, fold.len, pending, newlines};
        i = ascii_lane(&ln, d, lang, s, i, len, (uint32_t)adj);
        ta = (tok_array){ln.a, ln.n, ln.cap};
        fold.len = ln.fold_len;
        pending = ln.pending;
        newlines = ln.newlines;
        cp = (uint32_t)(i - adj);
        if (i >= len) break;
        if (s[i] == ' ') { /* the commonest character first */
            pending |= ZS_TF_SPACE;
            i++;
            cp++;
            continue;
        }
        int32_t start = i;
        UChar32 c = s[i];
        int k;
        if (c > 0 && c < 0x80) { /* ASCII without a decoder call */
            i++;
            k = ascii_class[c];
        } else {
            c = next_cp(s, &i, len);
            if (c < 0) {
                zs_set_error(err, ZS_ERR_INPUT, "%s: invalid UTF-8 at byte %d", d->name, start);
                bad = true;
                break;
            }
            if (c == 0) {
                zs_set_error(err, ZS_ERR_INPUT, "%s: NUL byte at byte %d", d->name, start);
                bad = true;
                break;
            }
            k = classify(c);
        }
        if (k == C_SPACE) {
            pending |= ZS_TF_SPACE;
            if (c == '\n' || c == 0x2028 || c == 0x2029) {
                pending |= ZS_TF_NL;
                if (++newlines >= 2 || c == 0x2029) {
                    pending |= ZS_TF_PARA;
                    add_break(d, (uint32_t)ta.n << 1);
                }
            }
            cp++;
            continue;
        }
        newlines = 0;
        uint32_t c0 = cp++;
        fast_run fr;
        if (k != C_OTHER && c < 0x100 &&
            scan_fast(s, len, start, (unsigned char *)fold.data + fold.len, &fr)) {
            bool upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c);
            int kind = fr.letters ? (fr.digits ? ZS_TOK_ALNUM : ZS_TOK_WORD) : ZS_TOK_NUM;
            zs_token *t = new_token(&ta, (uint32_t)start, (uint32_t)fr.end, c0, c0 + fr.ncp, kind,
                                    pending | (upper ? ZS_TF_UPPER : 0),
                                    kind == ZS_TOK_NUM ? (int32_t)fr.num : -1);
            size_t at = fold.len;
            fold.len += fr.nfold;
            fold.data[fold.len] = '\0';
            set_fold(t, lang, &fold, at, fr.nfold, zs_word_hash_padded(fold.data + at, fr.nfold));
            i = fr.end;
            cp = c0 + fr.ncp;
            pending = 0;
            continue;
        }
        if (k == C_OTHER) {
            if (c < 0x80) { /* one ASCII byte, its own folded form */
                if (c == '.' || c == '!' || c == '?') add_break(d, (uint32_t)ta.n << 1 | 1);
                zs_token *t = new_token(&ta, (uint32_t)start, (uint32_t)i, c0, cp, ZS_TOK_PUNCT,
                                        pending, -1);
                size_t at = fold.len;
                fold.data[fold.len++] = (char)c;
                fold.data[fold.len] = '\0';
                set_fold(t, lang, &fold, at, 1, zs_word_hash_padded(fold.data + at, 1));
            } else {
                push_token(&ta, d, lang, &fold, (uint32_t)start, (uint32_t)i, c0, cp, ZS_TOK_PUNCT,
                           pending, -1);
            }
            pending = 0;
            continue;
        }
        /* a run of letters and digits */
        bool letters = k == C_LETTER, digits = k == C_DIGIT;
        bool upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c);
        int64_t num = k == C_DIGIT ? c - '0' : 0;
        for (;;) {
            /* ASCII letters and digits in a tight loop */
            while (i < len && ascii_alnum[s[i]]) {
                if (s[i] <= '9') {
                    digits = true;
                    if (num < 100000000) num = num * 10 + (s[i] - '0');
                } else {
                    letters = true;
                }
                i++;
                cp++;
            }
            int32_t j = i;
            if (j >= len || s[j] < 0x80) break;
            UChar32 c2 = next_cp(s, &j, len);
            if (c2 <= 0) break;
            int k2 = classify(c2);
            if (k2 != C_LETTER && k2 != C_DIGIT) break;
            if (k2 == C_DIGIT) {
                digits = true;
                if (num < 100000000) num = num * 10 + (c2 - '0');
            } else {
                letters = true;
            }
            i = j;
            cp++;
        }
        int kind = letters ? (digits ? ZS_TOK_ALNUM : ZS_TOK_WORD) : ZS_TOK_NUM;
        int flags = pending | (upper ? ZS_TF_UPPER : 0);
        push_token(&ta, d, lang, &fold, (uint32_t)start, (uint32_t)i, c0, cp, kind, flags,
                   kind == ZS_TOK_NUM ? (int32_t)num : -1);
        pending = 0;
    }
    d->toks = ta.a;
    d->ntoks = ta.n;
    d->toks_cap = ta.cap;
    if (bad) {
        zs_buf_free(&fold);
        free(d->breaks);
        d->breaks = NULL;
        d->nbreaks = d->breaks_cap = 0;
        return false;
    }
    fold.data[fold.len] = '\0';
    d->folds = fold.data;
    d->folds_len = fold.len;
    d->folds_cap = fold.cap;
    return true;
}

/* The byte of token i if it is one byte of punctuation, PUNCT_LONG for
 * longer punctuation, 0 for any other token. */
#define PUNCT_LONG 256
static int punct_char(const zs_doc *d, size_t i)
{
    const zs_token *t = &d->toks[i];
    if (t->kind != ZS_TOK_PUNCT) return 0;
    return t->b1 - t->b0 == 1 ? (unsigned char)d->text[t->b0] : PUNCT_LONG;
}

/* Whether the '.' at token i ends a sentence. */
static bool period_ends(const zs_doc *d, const zs_lang *lang, size_t i)
{
    if (i == 0) return false;
    const zs_token *prev = &d->toks[i - 1];
    bool glued = !(d->toks[i].flags & ZS_TF_SPACE);
    if (!glued) return true;
    if (!(lang && lang->ordinals_plain) && prev->kind == ZS_TOK_NUM && prev->num >= 1 &&
        prev->num <= 31 && prev->b1 - prev->b0 <= 2)
        return false; /* an ordinal: "am 7. Juli" */
    if (prev->kind == ZS_TOK_WORD && prev->c1 - prev->c0 == 1) return false; /* "z. B." */
    if (lang && prev->word && lang->lex_abbrev != UINT32_MAX &&
        zs_word_in(prev->word, lang->lex_abbrev, NULL))
        return false;
    return true;
}

/* Whether a sentence that began at token start ends before token i
 * (start < i), which follows punctuation or a blank line. */
static bool breaks_before(const zs_doc *d, const zs_lang *lang, size_t start, size_t i)
{
    const zs_token *t = &d->toks[i];
    if (t->flags & ZS_TF_PARA) return true;
    /* this token starts a new sentence if the previous one closes a
     * sentence: . ! ? (plus closing quotes); most tokens after a comma
     * fail the first test */
    bool opener = (t->flags & ZS_TF_SPACE) &&
                  ((t->flags & ZS_TF_UPPER) || t->kind != ZS_TOK_WORD);
    if (!opener) return false;
    size_t j = i - 1;
    int c = punct_char(d, j);
    while (j > start && (c == '"' || c == ')' || c == PUNCT_LONG)) c = punct_char(d, --j);
    return c == '!' || c == '?' || (c == '.' && period_ends(d, lang, j));
}

/* Ends the sentence *start..i (its tokens get its index *sent). */
static void cut(zs_doc *d, size_t *start, uint32_t *sent, size_t i)
{
    ZS_GROW(d->sents, d->sents_cap, d->nsents + 1);
    d->sents[d->nsents++] = (zs_sentence){(uint32_t)*start, (uint32_t)i};
    d->toks[*start].flags |= ZS_TF_SSTART;
    for (size_t k = *start; k < i; k++) d->toks[k].sent = *sent;
    (*sent)++;
    *start = i;
}

void zs_split_sentences(zs_doc *d, const zs_lang *lang)
{
    const size_t ntoks = d->ntoks;
    d->nsents = 0;
    size_t start = 0;
    uint32_t sent = 0;
    if (ntoks && !d->breaks) {
        /* tokens from elsewhere: after each punctuation and blank line */
        for (size_t i = 1; i < ntoks; i++)
            if ((d->toks[i - 1].kind == ZS_TOK_PUNCT || (d->toks[i].flags & ZS_TF_PARA)) &&
                breaks_before(d, lang, start, i))
                cut(d, &start, &sent, i);
    }
    /* where the tokenizer saw a blank line or a '.', '!' or '?': a sentence
     * can only end there, or after closing quotes and brackets that follow
     * the mark (breaks_before looks back over them) */
    for (size_t b = 0; ntoks && d->breaks && b < d->nbreaks; b++) {
        size_t i = d->breaks[b] >> 1;
        if (!(d->breaks[b] & 1)) {
            if (i > start && i < ntoks && breaks_before(d, lang, start, i))
                cut(d, &start, &sent, i);
            continue;
        }
        for (i++; i < ntoks; i++) {
            if (i > start && breaks_before(d, lang, start, i)) {
                cut(d, &start, &sent, i);
                break;
            }
            int c = punct_char(d, i);
            if (c != '"' && c != ')' && c != PUNCT_LONG) break;
        }
    }
    if (ntoks) cut(d, &start, &sent, ntoks);
    free(d->breaks);
    d->breaks = NULL;
    d->nbreaks = d->breaks_cap = 0;
}

void zs_late_word(zs_doc *d, size_t i)
{
    zs_token *t = &d->toks[i];
    if (t->word || !d->lang || !d->lang->late_table || t->fold_len == UINT16_MAX) return;
    /* the fold buffer keeps its FOLD_SLACK bytes after the last form */
    const char *f = zs_tok_fold(d, i);
    t->word = zs_lang_late_word_padded(d->lang, f, t->fold_len, zs_word_hash_padded(f, t->fold_len));
}

void zs_late_words(zs_doc *d)
{
    for (size_t i = 0; i < d->ntoks; i++) zs_late_word(d, i);
}

/* Whether code point c may stand inside a word as an apostrophe (' and
 * U+2019 in "don't", "O’Neill"): by the word-break property. */
static bool in_word_mark(UChar32 c)
{
    int wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
    return wb == U_WB_SINGLE_QUOTE || wb == U_WB_MIDNUMLET || wb == U_WB_MIDLETTER;
}

/* The quotation mark token i is (a punctuation token is one code point),
 * or -1. */
static UChar32 quote_mark(const zs_doc *d, uint32_t i)
{
    const zs_token *t = &d->toks[i];
    if (t->kind != ZS_TOK_PUNCT) return -1;
    int32_t k = 0, n = (int32_t)(t->b1 - t->b0);
    UChar32 c;
    U8_NEXT((const uint8_t *)d->text + t->b0, k, n, c);
    if (c < 0 || k != n) return -1;
    /* the grave accent is no quotation mark to Unicode, but doubled it
     * opens a quote in ASCII news text ("``Calm,'' he said") */
    return c == '`' || u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK) ? c : -1;
}

bool zs_is_quote_mark(const zs_doc *d, uint32_t i)
{
    return quote_mark(d, i) >= 0;
}

bool zs_is_quote(const zs_doc *d, uint32_t i)
{
    const zs_token *t = &d->toks[i];
    UChar32 c = quote_mark(d, i);
    if (c < 0) return false;
    int32_t n = (int32_t)(t->b1 - t->b0);
    if (c != '`' && !in_word_mark(c)) return true;
    /* an apostrophe-like mark is a quote when doubled ('' ``) */
    if (i + 1 < d->ntoks && d->toks[i + 1].b0 == t->b1 &&
        d->toks[i + 1].b1 - d->toks[i + 1].b0 == (uint32_t)n &&
        memcmp(d->text + t->b1, d->text + t->b0, (size_t)n) == 0)
        return true;
    return i > 0 && d->toks[i - 1].b1 == t->b0 && t->b0 >= (uint32_t)n &&
           d->toks[i - 1].b1 - d->toks[i - 1].b0 == (uint32_t)n &&
           memcmp(d->text + t->b0 - n, d->text + t->b0, (size_t)n) == 0;
}
