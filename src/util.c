/* Aborting allocation, the growable buffer, errors, hashing, file reading. */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

static void *oom(void)
{
    fputs("zeitstrahl: out of memory\n", stderr);
    abort();
}

void *zs_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    return p ? p : oom();
}

void *zs_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    return p ? p : oom();
}

void *zs_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    return q ? q : oom();
}

void *zs_xreallocarray(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) oom();
    return zs_xrealloc(p, n * size);
}

char *zs_xstrndup(const char *s, size_t n)
{
    char *p = zs_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *zs_xstrdup(const char *s)
{
    return zs_xstrndup(s, strlen(s));
}

void zs_buf_grow(zs_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1) oom();
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return;
    size_t nc = b->cap ? b->cap : 64;
    while (nc < need) nc = nc > SIZE_MAX / 2 ? need : nc * 2;
    b->data = zs_xrealloc(b->data, nc);
    b->cap = nc;
}

void zs_buf_put(zs_buf *b, const void *p, size_t n)
{
    zs_buf_grow(b, n);
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void zs_buf_puts(zs_buf *b, const char *s)
{
    zs_buf_put(b, s, strlen(s));
}

void zs_buf_putc(zs_buf *b, char c)
{
    zs_buf_put(b, &c, 1);
}

void zs_buf_printf(zs_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof small) {
        zs_buf_put(b, small, (size_t)n);
        return;
    }
    zs_buf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Whether any of the 8 bytes of v is below 0x20, '"' or '\\' (may say so
 * for a byte after one that is; never misses one). */
static inline bool json_special8(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t q = v ^ (ones * '"'), bs = v ^ (ones * '\\');
    return (((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & highs;
}

void zs_buf_json_str(zs_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t v;
        while (i + 8 <= n && (memcpy(&v, s + i, 8), !json_special8(v))) i += 8;
        if (i == n) break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        zs_buf_put(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': zs_buf_puts(b, "\\\""); break;
        case '\\': zs_buf_puts(b, "\\\\"); break;
        case '\n': zs_buf_puts(b, "\\n"); break;
        case '\r': zs_buf_puts(b, "\\r"); break;
        case '\t': zs_buf_puts(b, "\\t"); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            zs_buf_put(b, e, 6);
        }
        }
    }
    zs_buf_put(b, s + run, n - run);
}

char *zs_put_num(char *p, int v, int width)
{
    char tmp[12];
    int k = 0;
    unsigned u = (unsigned)v;
    do {
        tmp[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (k < width) tmp[k++] = '0';
    while (k) *p++ = tmp[--k];
    *p = '\0';
    return p;
}

void zs_copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strnlen(src, size - 1);
    memmove(dst, src, n);
    dst[n] = '\0';
}

void zs_buf_reset(zs_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void zs_buf_free(zs_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void zs_set_error(zs_error *err, zs_status code, const char *fmt, ...)
{
    if (!err) return;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    /* one line: fold any newline a library put into the message */
    for (char *p = err->msg; *p; p++)
        if (*p == '\n' || *p == '\r') *p = ' ';
}

uint64_t zs_hash64(const void *p, size_t n, uint64_t h)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

char *zs_read_file(const char *path, size_t *len, zs_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        zs_set_error(err, ZS_ERR_IO, "%s: %s", path, strerror(errno));
        return NULL;
    }
    zs_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) zs_buf_put(&b, chunk, n);
    if (ferror(f)) {
        zs_set_error(err, ZS_ERR_IO, "%s: %s", path, strerror(errno));
        fclose(f);
        zs_buf_free(&b);
        return NULL;
    }
    fclose(f);
    zs_buf_grow(&b, 0);
    b.data[b.len] = '\0'; /* an empty file too */
    *len = b.len;
    return b.data;
}

size_t zs_utf8_valid(const char *s, size_t n)
{
    const uint8_t *u = (const uint8_t *)s;
    size_t i = 0;
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (;;) {
        /* ASCII without NUL, eight bytes at a time, then byte by byte */
        for (uint64_t v; i + 8 <= n; i += 8) {
            memcpy(&v, u + i, 8);
            if ((v & highs) || ((v - ones) & highs)) break; /* non-ASCII or NUL */
        }
        while (i < n && u[i] > 0 && u[i] < 0x80) i++;
        if (i >= n || u[i] == 0) return i;
        /* U8_NEXT takes int32_t offsets: decode from a window */
        int32_t k = 0, m = n - i < 4 ? (int32_t)(n - i) : 4;
        UChar32 c;
        U8_NEXT(u + i, k, m, c);
        if (c < 0) return i;
        i += (size_t)k;
    }
}

char *zs_utf8_repair(const char *s, size_t n, size_t *out_len, size_t *replaced)
{
    static const char fffd[] = "\xEF\xBF\xBD";
    zs_buf b = {0};
    zs_buf_grow(&b, n);
    *replaced = 0;
    const uint8_t *u = (const uint8_t *)s;
    size_t i = 0;
    while (i < n) {
        size_t run = i; /* valid bytes copied as one block */
        i += zs_utf8_valid(s + i, n - i);
        zs_buf_put(&b, s + run, i - run);
        if (i >= n) break;
        int32_t k = 1; /* a NUL byte */
        if (u[i] != 0) {
            int32_t m = n - i < 4 ? (int32_t)(n - i) : 4;
            UChar32 c;
            k = 0;
            U8_NEXT(u + i, k, m, c); /* skips the maximal subpart */
            (void)c;
        }
        zs_buf_put(&b, fffd, 3);
        ++*replaced;
        i += (size_t)k;
    }
    zs_buf_grow(&b, 0);
    b.data[b.len] = '\0';
    *out_len = b.len;
    return b.data;
}

bool zs_parse_size(const char *s, size_t max, size_t *out)
{
    if (!s || *s < '0' || *s > '9') return false;
    uint64_t v = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (UINT64_MAX - 9) / 10) return false;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    unsigned shift = 0;
    switch (*p) {
    case 'k': case 'K': shift = 10; p++; break;
    case 'm': case 'M': shift = 20; p++; break;
    case 'g': case 'G': shift = 30; p++; break;
    }
    if (shift && (*p == 'B' || *p == 'b')) p++;
    if (*p || v > (UINT64_MAX >> shift)) return false;
    v <<= shift;
    if (v > max) return false;
    *out = (size_t)v;
    return true;
}
