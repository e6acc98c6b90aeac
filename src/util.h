/* Small shared helpers: aborting allocation, a growable byte buffer, errors. */
#ifndef ZS_UTIL_H
#define ZS_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zeitstrahl.h"

/* Allocation never returns NULL: running out of memory prints a message and
 * aborts, so callers need no NULL checks (sizes are checked for overflow). */
void *zs_xmalloc(size_t n);
void *zs_xcalloc(size_t n, size_t size);
void *zs_xrealloc(void *p, size_t n);
void *zs_xreallocarray(void *p, size_t n, size_t size);
char *zs_xstrdup(const char *s);
char *zs_xstrndup(const char *s, size_t n);

/* Grows *arr (element size sz) so that it holds at least need elements. */
#define ZS_GROW(arr, cap, need)                                               \
    do {                                                                      \
        if ((size_t)(need) > (size_t)(cap)) {                                 \
            size_t zs_nc_ = (cap) ? (size_t)(cap) * 2 : 16;                   \
            while (zs_nc_ < (size_t)(need)) zs_nc_ *= 2;                      \
            (arr) = zs_xreallocarray((arr), zs_nc_, sizeof *(arr));           \
            (cap) = zs_nc_;                                                   \
        }                                                                     \
    } while (0)

/* A growable byte buffer, always NUL-terminated. Zero-initialise to start. */
typedef struct zs_buf {
    char *data;
    size_t len, cap;
} zs_buf;

void zs_buf_grow(zs_buf *b, size_t extra);
void zs_buf_put(zs_buf *b, const void *p, size_t n);
void zs_buf_puts(zs_buf *b, const char *s);
void zs_buf_putc(zs_buf *b, char c);
void zs_buf_printf(zs_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends s as the body of a JSON string (no quotes), escaping as RFC 8259. */
void zs_buf_json_str(zs_buf *b, const char *s, size_t n);
void zs_buf_reset(zs_buf *b);
/* Writes v >= 0 in decimal, zero-padded to width digits, at p (and a NUL
 * after); returns the end. Values formatted for every timex or record
 * are put so rather than with printf. */
char *zs_put_num(char *p, int v, int width);
/* src into dst[size] as snprintf(dst, size, "%s", src) puts it: cut to
 * size - 1 bytes (size > 0), NUL-terminated; for ids and link sources. */
void zs_copy_str(char *dst, size_t size, const char *src);
void zs_buf_free(zs_buf *b);

/* Fills err (may be NULL) with code and a formatted one-line message. */
void zs_set_error(zs_error *err, zs_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* 64-bit FNV-1a, for stable identifiers. */
uint64_t zs_hash64(const void *p, size_t n, uint64_t h);
#define ZS_HASH64_INIT 0xcbf29ce484222325ULL

/* The length of the longest prefix of s[0..n) that is valid UTF-8 (as
 * ICU's U8_NEXT reads it: no overlong forms, surrogates or code points past
 * U+10FFFF) without a NUL byte; n if all of it is. */
size_t zs_utf8_valid(const char *s, size_t n);

/* A copy of s[0..n) in which every invalid UTF-8 sequence (each maximal
 * subpart, as ICU's U8_NEXT reads them) and every NUL byte is U+FFFD,
 * NUL-terminated, its length in *out_len; *replaced counts the
 * replacements. Caller frees. */
char *zs_utf8_repair(const char *s, size_t n, size_t *out_len, size_t *replaced);

/* Parses a size: bytes, or a number with k, M or G (powers of 1024, an
 * optional B after them). False for anything else or more than max. */
bool zs_parse_size(const char *s, size_t max, size_t *out);

/* Reads a whole file into a new NUL-terminated buffer (caller frees).
 * Returns NULL with err filled, naming path. */
char *zs_read_file(const char *path, size_t *len, zs_error *err);

#endif
