/* The doc stage: UTF-8 validation, tokens with byte and code-point offsets,
 * folded forms, sentences. */
#ifndef ZS_TEXT_H
#define ZS_TEXT_H

#include "doc.h"

struct zs_lang;

/* Tokenizes doc->text (doc->len bytes) into doc->toks with folded forms in
 * doc->folds, looking each form up in lang (NULL: no lookup). Returns false
 * with err filled (naming doc->name and the byte offset) on invalid UTF-8 or
 * a NUL byte. */
bool zs_tokenize(struct zs_doc *doc, const struct zs_lang *lang, zs_error *err);

/* Gives token i its late word (zs_lang_late_word_padded) if the tokenizer found
 * it no word: the tokenizer leaves the words only the events stage reads
 * out (zs_lang.late_table), and they look them up for the tokens they
 * need. */
void zs_late_word(struct zs_doc *doc, size_t i);

/* zs_late_word for every token: the events stage's first step. */
void zs_late_words(struct zs_doc *doc);

/* Splits the tokens into sentences (doc->sents, token .sent and
 * ZS_TF_SSTART). An ordinal ("am 7. Juli"), a known abbreviation (the
 * language's "abbrev" lexicon) or an initial does not end a sentence; a
 * paragraph break always does. */
void zs_split_sentences(struct zs_doc *doc, const struct zs_lang *lang);

/* Appends the folded (NFKC case-folded) form of s[0..n) to out. Used for
 * tokens and for template words alike, so both meet in the lexicon. */
void zs_fold(const char *s, size_t n, zs_buf *out);

/* Whether token i is a quotation mark, by the Unicode Quotation_Mark
 * property (" “ ” „ « » ‹ 「 ...); a mark that may stand inside a word as
 * an apostrophe (' ’) and the grave accent count only doubled ('' ``
 * ’’). */
bool zs_is_quote(const zs_doc *d, uint32_t i);
/* Whether token i is a quotation mark or a grave accent, single or not
 * (where its place tells an apostrophe apart, as before a word after a
 * space). */
bool zs_is_quote_mark(const zs_doc *d, uint32_t i);

#endif
