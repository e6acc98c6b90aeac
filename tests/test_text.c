/* The doc stage: folding, tokens, sentences. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "doc.h"
#include "template.h"
#include "text.h"

/* NFKC_Casefold of UTF-8 s, straight from ICU. */
static void icu_fold(const char *s, char *out, size_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar src[16], dst[16];
    int32_t n = 0;
    u_strFromUTF8(src, 16, &n, s, -1, &st);
    int32_t m = unorm2_normalize(unorm2_getNFKCCasefoldInstance(&st), src, n, dst, 16, &st);
    u_strToUTF8(out, (int32_t)cap, NULL, dst, m, &st);
    assert_true(U_SUCCESS(st));
}

static void test_fold_matches_icu(void **state)
{
    (void)state;
    /* the Latin-1 fast path must agree with ICU for every letter it takes */
    for (unsigned c = 0xC0; c <= 0xFF; c++) {
        char s[8] = {(char)(0xC0 | (c >> 6)), (char)(0x80 | (c & 0x3F)), 'X', 0};
        char want[32];
        icu_fold(s, want, sizeof want);
        zs_buf got = {0};
        zs_fold(s, strlen(s), &got);
        if (strcmp(got.data, want) != 0) fail_msg("U+%04X: got %s, want %s", c, got.data, want);
        zs_buf_free(&got);
    }
    zs_buf b = {0};
    zs_fold("STRAßE", 7, &b);
    assert_string_equal(b.data, "strasse");
    zs_buf_reset(&b);
    zs_fold("Ja\xcc\x88nner", 8, &b); /* a + combining diaeresis: composed */
    assert_string_equal(b.data, "j\xc3\xa4nner");
    zs_buf_free(&b);
}

static zs_doc *tokenized(const char *text)
{
    zs_doc *d = zs_xcalloc(1, sizeof *d);
    d->name = "t";
    d->text = (char *)text;
    d->len = strlen(text);
    zs_error err;
    assert_true(zs_tokenize(d, NULL, &err));
    return d;
}

static zs_doc *doc_of(const char *text)
{
    zs_doc *d = tokenized(text);
    zs_split_sentences(d, NULL);
    return d;
}

static void free_doc(zs_doc *d)
{
    free(d->toks);
    free(d->sents);
    free(d->folds);
    free(d);
}

static void test_tokens(void **state)
{
    (void)state;
    zs_doc *d = doc_of("Am 7. Juli (G20-Gipfel) um 21:06 Uhr, Über-Nacht.");
    const char *want[] = {"am", "7", ".", "juli", "(", "g20", "-", "gipfel", ")", "um", "21",
                          ":", "06", "uhr", ",", "über", "-", "nacht", "."};
    assert_int_equal(d->ntoks, sizeof want / sizeof *want);
    for (size_t i = 0; i < d->ntoks; i++) {
        assert_int_equal(d->toks[i].fold_len, strlen(want[i]));
        assert_memory_equal(zs_tok_fold(d, i), want[i], strlen(want[i]));
    }
    assert_int_equal(d->toks[1].kind, ZS_TOK_NUM);
    assert_int_equal(d->toks[1].num, 7);
    assert_int_equal(d->toks[5].kind, ZS_TOK_ALNUM);
    assert_int_equal(d->toks[12].num, 6);
    /* "Über" is one code point shorter than its bytes */
    assert_int_equal(d->toks[15].b1 - d->toks[15].b0, 5);
    assert_int_equal(d->toks[15].c1 - d->toks[15].c0, 4);
    assert_true(d->toks[15].flags & ZS_TF_UPPER);
    free_doc(d);
}

static void test_sentences(void **state)
{
    (void)state;
    /* ordinals and initials do not end a sentence (abbreviations such as
     * "Dr." come from the language and are tested with it) */
    zs_doc *d = doc_of("Am 3. Oktober 2016 kam er, z. B. mit dem Rad. Dann ging er.\n\nNeuer Absatz");
    assert_int_equal(d->nsents, 3);
    assert_memory_equal(zs_tok_fold(d, d->sents[1].t0), "dann", 4);
    assert_memory_equal(zs_tok_fold(d, d->sents[2].t0), "neuer", 5);
    free_doc(d);
    d = doc_of("Das geschah 2015. Danach nicht mehr!");
    assert_int_equal(d->nsents, 2);
    free_doc(d);
}

/* The sentences of text as zs_split_sentences finds them from where the
 * tokenizer saw marks and blank lines, and by looking at every token: the
 * same. */
static void same_sentences(const char *text)
{
    zs_doc *a = doc_of(text);
    zs_doc *b = tokenized(text);
    free(b->breaks); /* as tokens made elsewhere */
    b->breaks = NULL;
    zs_split_sentences(b, NULL);
    assert_int_equal(a->ntoks, b->ntoks);
    if (a->nsents != b->nsents)
        fail_msg("%s: %zu sentences, by every token %zu", text, a->nsents, b->nsents);
    for (size_t i = 0; i < a->nsents; i++) {
        assert_int_equal(a->sents[i].t0, b->sents[i].t0);
        assert_int_equal(a->sents[i].t1, b->sents[i].t1);
    }
    for (size_t i = 0; i < a->ntoks; i++) {
        assert_int_equal(a->toks[i].sent, b->toks[i].sent);
        assert_int_equal(a->toks[i].flags, b->toks[i].flags);
    }
    free_doc(a);
    free_doc(b);
}

static void test_sentence_marks(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "He said: \"It is over.\" Then he left.", "(See above.) And so on!", "What? Why?! No.",
        "\n\nA blank line first.\n\n\nThree.\n\n", "Ende \xe2\x80\x9eZitat.\xe2\x80\x9c Neu.",
        "A\xe2\x80\xa9" "B. c. D...", "Am 7. Juli. 8. Mai", "x.\"\")) Y", ".", "", "no mark at all",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) same_sentences(texts[i]);
    /* and texts made of pieces at random */
    static const char *const pieces[] = {
        "Word", "word", " ", " ", "  ", ".", "!", "?", "\"", ")", "(", ",", ";", "\n", "\n\n", "7",
        "2015", "z", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xc3\x9c" "ber", "\xe2\x80\xa9", "...", "-"};
    unsigned seed = 1;
    char buf[512];
    for (int round = 0; round < 3000; round++) {
        size_t n = 0;
        for (int k = 0; k < 30; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
            size_t m = strlen(p);
            if (n + m >= sizeof buf) break;
            memcpy(buf + n, p, m);
            n += m;
        }
        buf[n] = '\0';
        same_sentences(buf);
    }
}

static void test_invalid(void **state)
{
    (void)state;
    zs_doc d = {0};
    d.name = "bad.txt";
    d.text = "ok \xe2\x82 no";
    d.len = strlen(d.text);
    zs_error err;
    assert_false(zs_tokenize(&d, NULL, &err));
    assert_string_equal(err.msg, "bad.txt: invalid UTF-8 at byte 3");
    free(d.toks);
}

/* A form followed by any bytes hashes as the form alone: the tokenizer's
 * hash of a padded form finds the lexicon's word. */
static void test_word_hash_padded(void **state)
{
    (void)state;
    char buf[40];
    unsigned seed = 7;
    for (int round = 0; round < 2000; round++) {
        for (size_t k = 0; k < sizeof buf; k++) {
            seed = seed * 1103515245u + 12345u;
            buf[k] = (char)(seed >> 16);
        }
        size_t n = (size_t)round % 25; /* 0 to 24 bytes, then 8 or more of padding */
        uint32_t want = zs_word_hash(buf, n);
        assert_int_equal(zs_word_hash_padded(buf, n), want);
        char copy[40];
        memcpy(copy, buf, n);
        memset(copy + n, round & 1 ? 0 : 0xA5, sizeof copy - n);
        assert_int_equal(zs_word_hash_padded(copy, n), want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_matches_icu),
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_sentence_marks),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_word_hash_padded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
