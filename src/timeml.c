/* Reading TimeML: the TEXT content, its timexes and the creation time with
 * libxml2 (shared by zeitstrahl eval and zs_doc_from_timeml), and, for
 * writing the file back, the file bytes behind every byte of the content.
 *
 * The positions come from a second, plain scan of the file's bytes after
 * libxml2 has accepted them: it walks the same elements in the same order
 * (so libxml2's view of each one, e.g. whether it is a timex to drop, can be
 * looked up by its number), decodes the character data inside TEXT itself
 * and records the markup there. Its decoded text must equal libxml2's byte
 * for byte, or the file is refused for writing back (an encoding other than
 * UTF-8, entities declared in a DTD). */
#include "timeml.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlversion.h>

#include "tvalue.h"

/* ---- parsing with libxml2 ------------------------------------------------ */

/* True if s[i..n) starts a well-formed entity or character reference. */
static bool is_reference(const char *s, size_t i, size_t n)
{
    size_t j = i + 1;
    if (j < n && s[j] == '#') {
        j++;
        bool hex = j < n && s[j] == 'x';
        if (hex) j++;
        size_t d0 = j;
        while (j < n && (hex ? strchr("0123456789abcdefABCDEF", s[j]) && s[j]
                             : (s[j] >= '0' && s[j] <= '9')))
            j++;
        return j > d0 && j < n && s[j] == ';';
    }
    if (j >= n || !((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z') ||
                    s[j] == '_' || s[j] == ':'))
        return false;
    while (j < n && ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z') ||
                     (s[j] >= '0' && s[j] <= '9') || s[j] == '_' || s[j] == ':' ||
                     s[j] == '.' || s[j] == '-'))
        j++;
    return j < n && s[j] == ';';
}

/* If s[0..n) holds a bare "&" (one that starts no reference, outside CDATA
 * sections and comments), returns a new copy with each one written "&amp;"
 * and its length in *out_n; else NULL. */
static char *escape_bare_amps(const char *s, size_t n, size_t *out_n)
{
    zs_buf b = {0};
    size_t done = 0; /* s[0..done) is in b */
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '<' && n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
            const char *e = NULL;
            for (size_t j = i + 9; j + 3 <= n; j++)
                if (memcmp(s + j, "]]>", 3) == 0) {
                    e = s + j;
                    break;
                }
            if (!e) break;
            i = (size_t)(e - s) + 2;
        } else if (s[i] == '<' && n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            const char *e = NULL;
            for (size_t j = i + 4; j + 3 <= n; j++)
                if (memcmp(s + j, "-->", 3) == 0) {
                    e = s + j;
                    break;
                }
            if (!e) break;
            i = (size_t)(e - s) + 2;
        } else if (s[i] == '&' && !is_reference(s, i, n)) {
            zs_buf_put(&b, s + done, i + 1 - done);
            zs_buf_puts(&b, "amp;");
            done = i + 1;
            any = true;
        }
    }
    if (!any) {
        zs_buf_free(&b);
        return NULL;
    }
    zs_buf_put(&b, s + done, n - done);
    *out_n = b.len;
    return b.data;
}

/* State of one parse. */
typedef struct tm_parse {
    zs_timeml *t;
    zs_buf text;
    uint32_t cp;              /* code points in text so far */
    bool in_text, text_seen;
    int text_depth;
    int dct_depth;            /* depth of the open DCT/DATETIME element, or -1 */
    bool dct_elem_seen;
    zs_buf dct_text;          /* its character content */
    char *dct_creation;       /* value of a CREATION_TIME TIMEX3 (owned) */
    char *dct_creation_tid;   /* its tid (owned) */
    char *dct_timex;          /* value of a timex inside DCT/DATETIME (owned) */
    char *dct_timex_tid;      /* its tid (owned) */
    size_t *open;             /* indices into t->tx of unclosed timexes */
    size_t nopen, open_cap;
    bool source;              /* record what scan_source needs */
    uint8_t *drop;            /* per element in document order: a timex
                                 inside TEXT that the writer removes */
    size_t nelem, elem_cap;
    char **kept_tids;         /* tids of the other timex elements (owned) */
    size_t nkept, kept_cap;
    bool failed;              /* the first error is in msg */
    char msg[400];
} tm_parse;

/* libxml2 structured error handler: keeps the first error's position and
 * message (warnings are ignored). */
#if LIBXML_VERSION >= 21200
static void on_xml_error(void *ctx, const xmlError *e)
#else
static void on_xml_error(void *ctx, xmlErrorPtr e)
#endif
{
    tm_parse *p = ctx;
    if (!e || e->level < XML_ERR_ERROR || p->failed) return;
    p->failed = true;
    snprintf(p->msg, sizeof p->msg, "%d:%d: %s", e->line, e->int2,
             e->message ? e->message : "malformed XML");
    size_t n = strlen(p->msg);
    while (n && (p->msg[n - 1] == '\n' || p->msg[n - 1] == ' ')) p->msg[--n] = '\0';
}

/* Whether an element name is one of the timex tags. */
static bool is_timex_name(const xmlChar *name)
{
    return name && (xmlStrcasecmp(name, BAD_CAST "TIMEX3") == 0 ||
                    xmlStrcasecmp(name, BAD_CAST "TIMEX2") == 0);
}

/* An attribute of the current element as a new string (free with free), or
 * NULL when absent. */
static char *attr(xmlTextReaderPtr r, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(r, BAD_CAST name);
    if (!v) return NULL;
    char *s = zs_xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

/* The TIMEX3 type a TIMEX2 value (and its set/periodicity attributes)
 * implies. Static string. */
static const char *timex2_type(const char *val, bool set)
{
    if (set) return "SET";
    if (!val || !*val) return "DATE";
    if (val[0] == 'P' && (val[1] == 'T' || val[1] == 'X' || (val[1] >= '0' && val[1] <= '9')))
        return "DURATION";
    const char *t = strchr(val, 'T');
    if (t && t > val && (t[-1] == 'X' || (t[-1] >= '0' && t[-1] <= '9')) && t[1] &&
        strchr("0123456789XMAEND", t[1]))
        return "TIME";
    return "DATE";
}

/* Appends a timex starting at code point c0 (its end is set when it
 * closes); takes ownership of the strings. Returns its index. */
/* Frees what timex element x owns. */
static void timex_free(zs_timeml_timex *x)
{
    free(x->tid);
    free(x->type);
    free(x->value);
    free(x->mod);
}

static size_t add_timex(zs_timeml *t, uint32_t c0, char *tid, char *type, char *value,
                        char *mod, bool creation)
{
    ZS_GROW(t->tx, t->tx_cap, t->ntx + 1);
    t->tx[t->ntx] = (zs_timeml_timex){.c0 = c0, .c1 = c0, .tid = tid, .type = type,
                                      .value = value, .mod = mod, .creation = creation};
    return t->ntx++;
}

/* Records, for the writer, element number p->nelem: whether it is dropped,
 * and the tid of a kept timex element. Takes ownership of tid. */
static void note_element(tm_parse *p, bool timex, bool drop, char *tid)
{
    ZS_GROW(p->drop, p->elem_cap, p->nelem + 1);
    p->drop[p->nelem++] = drop;
    if (timex && !drop && tid) {
        ZS_GROW(p->kept_tids, p->kept_cap, p->nkept + 1);
        p->kept_tids[p->nkept++] = tid;
    } else {
        free(tid);
    }
}

/* Handles an element start at depth. */
static void on_element(tm_parse *p, xmlTextReaderPtr r, const xmlChar *name, int depth)
{
    bool empty = xmlTextReaderIsEmptyElement(r) == 1;
    if (!p->in_text && !p->text_seen && xmlStrcasecmp(name, BAD_CAST "TEXT") == 0) {
        p->text_seen = true;
        if (!empty) {
            p->in_text = true;
            p->text_depth = depth;
        }
        if (p->source) note_element(p, false, false, NULL);
        return;
    }
    if (!p->in_text && p->dct_depth < 0 && !p->dct_elem_seen &&
        (xmlStrcasecmp(name, BAD_CAST "DCT") == 0 ||
         xmlStrcasecmp(name, BAD_CAST "DATETIME") == 0 ||
         xmlStrcasecmp(name, BAD_CAST "DATE_TIME") == 0)) {
        p->dct_elem_seen = true;
        if (!empty) p->dct_depth = depth;
        if (p->source) note_element(p, false, false, NULL);
        return;
    }
    if (!is_timex_name(name)) {
        if (p->source) note_element(p, false, false, NULL);
        return;
    }
    bool t2 = xmlStrcasecmp(name, BAD_CAST "TIMEX2") == 0;
    char *value = attr(r, t2 ? "val" : "value");
    if (!value && t2) value = attr(r, "value");
    if (!value && !t2) value = attr(r, "val");
    char *fn = attr(r, "functionInDocument");
    bool creation = fn && strcmp(fn, "CREATION_TIME") == 0;
    free(fn);
    char *tid = attr(r, "tid");
    if (creation && !p->dct_creation && value) {
        p->dct_creation = zs_xstrdup(value);
        p->dct_creation_tid = tid ? zs_xstrdup(tid) : NULL;
    }
    if (p->dct_depth >= 0 && !p->dct_timex && value) {
        p->dct_timex = zs_xstrdup(value);
        p->dct_timex_tid = tid ? zs_xstrdup(tid) : NULL;
    }
    if (p->source) note_element(p, true, p->in_text && !creation, tid ? zs_xstrdup(tid) : NULL);
    if (p->in_text && !empty) {
        char *type = attr(r, "type");
        if (!type || !*type) {
            char *set = attr(r, "set"), *per = attr(r, "periodicity");
            bool is_set = (set && strcasecmp(set, "YES") == 0) || (per && *per);
            free(type);
            type = zs_xstrdup(timex2_type(value, is_set));
            free(set);
            free(per);
        }
        size_t k = add_timex(p->t, p->cp, tid, type, value, attr(r, "mod"), creation);
        ZS_GROW(p->open, p->open_cap, p->nopen + 1);
        p->open[p->nopen++] = k;
        return;
    }
    free(tid);
    free(value);
}

/* Handles an element end at depth. */
static void on_end(tm_parse *p, const xmlChar *name, int depth)
{
    if (p->in_text && depth == p->text_depth && xmlStrcasecmp(name, BAD_CAST "TEXT") == 0) {
        p->in_text = false;
        return;
    }
    if (p->dct_depth >= 0 && depth == p->dct_depth) {
        p->dct_depth = -1;
        return;
    }
    if (p->in_text && is_timex_name(name) && p->nopen > 0) {
        size_t k = p->open[--p->nopen];
        p->t->tx[k].c1 = p->cp;
        if (p->t->tx[k].c0 == p->cp && k + 1 == p->t->ntx) {
            /* "<TIMEX3 ...></TIMEX3>": a non-consuming timex, as one
             * written "<TIMEX3 .../>", names no mention */
            timex_free(&p->t->tx[--p->t->ntx]);
        }
    }
}

/* Appends character content s to the text (inside TEXT) or the DCT text. */
static void on_chars(tm_parse *p, const char *s)
{
    if (!s) return;
    size_t n = strlen(s);
    if (p->in_text) {
        zs_buf_put(&p->text, s, n);
        for (size_t i = 0; i < n; i++)
            if (((unsigned char)s[i] & 0xC0) != 0x80) p->cp++;
    } else if (p->dct_depth >= 0) {
        zs_buf_put(&p->dct_text, s, n);
    }
}

/* The trimmed copy of s (NULL if s is NULL or blank). */
static char *trimmed(const char *s)
{
    if (!s) return NULL;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    return n ? zs_xstrndup(s, n) : NULL;
}

/* Frees what the parse state owns (not the result). */
static void parse_free(tm_parse *p)
{
    zs_buf_free(&p->text);
    zs_buf_free(&p->dct_text);
    free(p->dct_creation);
    free(p->dct_creation_tid);
    free(p->dct_timex);
    free(p->dct_timex_tid);
    free(p->open);
    free(p->drop);
    for (size_t i = 0; i < p->nkept; i++) free(p->kept_tids[i]);
    free(p->kept_tids);
}

/* ---- the file bytes behind the text -------------------------------------- */

void zs_timeml_src_free(struct zs_timeml_src *s)
{
    if (!s) return;
    free(s->raw);
    free(s->cs);
    free(s->ce);
    free(s->marks);
    for (size_t i = 0; i < s->ntids; i++) free(s->tids[i]);
    free(s->tids);
    free(s->dct_tid);
    free(s);
}

/* State of the scan of the file bytes. */
typedef struct tm_scan {
    struct zs_timeml_src *s;
    zs_buf dec;                 /* the text as the scan decodes it */
    size_t cap;                 /* entries of s->cs, s->ce */
} tm_scan;

/* Adds a mark [b, e) of kind. */
static void add_mark(tm_scan *sc, size_t b, size_t e, zs_timeml_markkind kind)
{
    struct zs_timeml_src *s = sc->s;
    ZS_GROW(s->marks, s->marks_cap, s->nmarks + 1);
    s->marks[s->nmarks++] = (zs_timeml_mark){(uint32_t)b, (uint32_t)e, (uint8_t)kind};
}

/* Appends decoded bytes d[0..n) that came from file bytes [b, e). */
static void add_unit(tm_scan *sc, const char *d, size_t n, size_t b, size_t e)
{
    size_t at = sc->dec.len;
    zs_buf_put(&sc->dec, d, n);
    if (sc->dec.len > sc->cap) {
        size_t nc = sc->cap ? sc->cap * 2 : 4096;
        while (nc < sc->dec.len) nc *= 2;
        sc->s->cs = zs_xreallocarray(sc->s->cs, nc, sizeof *sc->s->cs);
        sc->s->ce = zs_xreallocarray(sc->s->ce, nc, sizeof *sc->s->ce);
        sc->cap = nc;
    }
    for (size_t i = at; i < sc->dec.len; i++) {
        sc->s->cs[i] = (uint32_t)b;
        sc->s->ce[i] = (uint32_t)e;
    }
}

/* Offset of the first occurrence of pat at or after i in r[0..n), or n. */
static size_t find(const char *r, size_t n, size_t i, const char *pat)
{
    size_t m = strlen(pat);
    for (; i + m <= n; i++)
        if (r[i] == pat[0] && memcmp(r + i, pat, m) == 0) return i;
    return n;
}

/* Whether r[i..n) starts with pat. */
static bool starts(const char *r, size_t n, size_t i, const char *pat)
{
    size_t m = strlen(pat);
    return n - i >= m && memcmp(r + i, pat, m) == 0;
}

/* Writes code point c as UTF-8 into out (4 bytes); returns the length, 0 if
 * c is no Unicode scalar value. */
static size_t utf8_encode(unsigned long c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return 0;
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Decodes the reference at r[i] (is_reference holds) as a unit. Returns the
 * offset after it, or 0 for an entity the scan does not know. */
static size_t decode_reference(tm_scan *sc, const char *r, size_t n, size_t i)
{
    size_t semi = find(r, n, i, ";");
    char buf[4];
    size_t k = 0;
    if (r[i + 1] == '#') {
        bool hex = r[i + 2] == 'x';
        unsigned long c = strtoul(r + i + (hex ? 3 : 2), NULL, hex ? 16 : 10);
        k = c ? utf8_encode(c, buf) : 0;
    } else {
        static const struct { const char *name; char c; } predefined[] = {
            {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
        for (size_t j = 0; j < sizeof predefined / sizeof *predefined; j++) {
            size_t m = strlen(predefined[j].name);
            if (semi - i - 1 == m && memcmp(r + i + 1, predefined[j].name, m) == 0) {
                buf[0] = predefined[j].c;
                k = 1;
            }
        }
    }
    if (k == 0) return 0;
    add_unit(sc, buf, k, i, semi + 1);
    return semi + 1;
}

/* Decodes character data r[b..e) inside TEXT (references only when refs,
 * i.e. outside CDATA). Returns false on an unknown reference. */
static bool decode_chars(tm_scan *sc, const char *r, size_t n, size_t b, size_t e, bool refs)
{
    size_t i = b;
    while (i < e) {
        if (refs && r[i] == '&' && is_reference(r, i, n)) {
            i = decode_reference(sc, r, n, i);
            if (i == 0) return false;
        } else if (r[i] == '\r') {
            size_t j = i + 1 < e && r[i + 1] == '\n' ? i + 2 : i + 1;
            add_unit(sc, "\n", 1, i, j);
            i = j;
        } else {
            add_unit(sc, r + i, 1, i, i + 1);
            i++;
        }
    }
    return true;
}

/* Offset after the markup declaration (DOCTYPE) at r[i], quotes and an
 * internal subset in brackets skipped; n if unterminated. */
static size_t skip_declaration(const char *r, size_t n, size_t i)
{
    int brackets = 0;
    char quote = 0;
    for (i += 2; i < n; i++) {
        char c = r[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[') {
            brackets++;
        } else if (c == ']') {
            brackets--;
        } else if (c == '>' && brackets <= 0) {
            return i + 1;
        } else if (brackets > 0 && c == '<' && starts(r, n, i, "<!--")) {
            size_t e = find(r, n, i + 4, "-->");
            if (e == n) return n;
            i = e + 2;
        }
    }
    return n;
}

/* Scans the file bytes s->raw for the TEXT element libxml2 read, with
 * drop[k] telling whether element k (in document order, nelem in all) is a
 * timex the writer removes. Fills s->text_b, text_e, cs, ce, marks and
 * s->len. Returns false if the scan does not reproduce text[0..len) (or
 * does not meet the same elements). */
static bool scan_source(struct zs_timeml_src *s, const uint8_t *drop, size_t nelem,
                        const char *text, size_t len)
{
    const char *r = s->raw;
    size_t n = s->raw_len;
    tm_scan sc = {.s = s};
    size_t elem = 0;
    int depth = 0, text_depth = -1;
    bool in_text = false, seen = false, ok = true;
    uint8_t *stack = NULL; /* drop flags of the elements open inside TEXT */
    size_t nstack = 0, stack_cap = 0;
    size_t i = 0;
    while (ok && i < n) {
        if (r[i] != '<') {
            size_t j = i;
            while (j < n && r[j] != '<') j++;
            if (in_text) ok = decode_chars(&sc, r, n, i, j, true);
            i = j;
            continue;
        }
        if (starts(r, n, i, "<!--") || starts(r, n, i, "<?")) {
            bool comment = r[i + 1] == '!';
            size_t e = find(r, n, i + 2, comment ? "-->" : "?>");
            if (e == n) break;
            e += comment ? 3 : 2;
            if (in_text) add_mark(&sc, i, e, ZS_MK_OTHER);
            i = e;
        } else if (starts(r, n, i, "<![CDATA[")) {
            size_t cb = i + 9, ce = find(r, n, cb, "]]>");
            if (ce == n) break;
            if (in_text) {
                add_mark(&sc, i, cb, ZS_MK_CDATA_OPEN);
                decode_chars(&sc, r, n, cb, ce, false);
                add_mark(&sc, ce, ce + 3, ZS_MK_CDATA_CLOSE);
            }
            i = ce + 3;
        } else if (starts(r, n, i, "<!")) {
            i = skip_declaration(r, n, i);
        } else if (starts(r, n, i, "</")) {
            size_t e = find(r, n, i, ">");
            if (e == n) break;
            depth--;
            if (in_text && depth == text_depth) {
                s->text_e = (uint32_t)i;
                in_text = false;
            } else if (in_text) {
                if (nstack == 0) break;
                add_mark(&sc, i, e + 1, stack[--nstack] ? ZS_MK_DROP : ZS_MK_CLOSE);
            }
            i = e + 1;
        } else {
            size_t j = i + 1;
            while (j < n && r[j] != '>' && r[j] != '/' && r[j] != ' ' && r[j] != '\t' &&
                   r[j] != '\n' && r[j] != '\r')
                j++;
            bool is_text = j - i - 1 == 4 && strncasecmp(r + i + 1, "TEXT", 4) == 0;
            char quote = 0;
            for (; j < n; j++) {
                if (quote) {
                    if (r[j] == quote) quote = 0;
                } else if (r[j] == '"' || r[j] == '\'') {
                    quote = r[j];
                } else if (r[j] == '>') {
                    break;
                }
            }
            if (j == n || elem >= nelem) break;
            bool empty = r[j - 1] == '/';
            bool dropped = drop[elem++];
            if (!in_text && !seen && is_text) {
                seen = true;
                s->text_b = s->text_e = (uint32_t)(j + 1);
                if (!empty) {
                    in_text = true;
                    text_depth = depth;
                }
            } else if (in_text) {
                add_mark(&sc, i, j + 1, dropped ? ZS_MK_DROP : empty ? ZS_MK_EMPTY : ZS_MK_OPEN);
                if (!empty) {
                    ZS_GROW(stack, stack_cap, nstack + 1);
                    stack[nstack++] = dropped;
                }
            }
            if (!empty) depth++;
            i = j + 1;
        }
    }
    free(stack);
    ok = ok && i >= n && seen && !in_text && elem == nelem && sc.dec.len == len &&
         (len == 0 || memcmp(sc.dec.data, text, len) == 0);
    s->len = sc.dec.len;
    zs_buf_free(&sc.dec);
    return ok;
}

/* ---- the reader ---------------------------------------------------------- */

void zs_timeml_clear(zs_timeml *t)
{
    for (size_t i = 0; i < t->ntx; i++) timex_free(&t->tx[i]);
    free(t->tx);
    free(t->text);
    free(t->dct);
    free(t->dct_tid);
    zs_timeml_src_free(t->src);
    memset(t, 0, sizeof *t);
}

/* libxml2's generic errors (an encoding it cannot convert: "encoding
 * error", "I/O error") would go to stderr besides the one error line the
 * reader's structured handler makes. */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int zs_timeml_read(const char *name, const char *bytes, size_t len, int flags,
                   zs_timeml *out, zs_error *err)
{
    memset(out, 0, sizeof *out);
    if (!name) name = "<input>";
    if (len > INT_MAX) {
        zs_set_error(err, ZS_ERR_INPUT, "%s: file larger than 2 GB", name);
        return ZS_ERR_INPUT;
    }
    size_t fixed_len = len;
    char *fixed = escape_bare_amps(bytes, len, &fixed_len);
    const char *xml = fixed ? fixed : bytes;
    if (fixed_len > INT_MAX) {
        free(fixed);
        zs_set_error(err, ZS_ERR_INPUT, "%s: file larger than 2 GB", name);
        return ZS_ERR_INPUT;
    }
    tm_parse p = {.t = out, .dct_depth = -1, .source = (flags & ZS_TIMEML_SOURCE) != 0};
    xmlSetGenericErrorFunc(NULL, quiet); /* per thread */
    xmlTextReaderPtr r = xmlReaderForMemory(xml, (int)fixed_len, name, NULL, XML_PARSE_NONET);
    int ret = -1;
    if (r) {
        xmlTextReaderSetStructuredErrorHandler(r, on_xml_error, &p);
        while ((ret = xmlTextReaderRead(r)) == 1) {
            int type = xmlTextReaderNodeType(r);
            const xmlChar *ename = xmlTextReaderConstName(r);
            int depth = xmlTextReaderDepth(r);
            switch (type) {
            case XML_READER_TYPE_ELEMENT:
                on_element(&p, r, ename, depth);
                break;
            case XML_READER_TYPE_END_ELEMENT:
                on_end(&p, ename, depth);
                break;
            case XML_READER_TYPE_TEXT:
            case XML_READER_TYPE_CDATA:
            case XML_READER_TYPE_WHITESPACE:
            case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
                on_chars(&p, (const char *)xmlTextReaderConstValue(r));
                break;
            default:
                break;
            }
        }
        xmlFreeTextReader(r);
    }
    free(fixed);
    int rc = 0;
    if (ret != 0 || p.failed) {
        if (p.failed) zs_set_error(err, ZS_ERR_INPUT, "%s:%s", name, p.msg);
        else zs_set_error(err, ZS_ERR_INPUT, "%s: malformed XML", name);
        rc = ZS_ERR_INPUT;
    } else if (!p.text_seen) {
        zs_set_error(err, ZS_ERR_INPUT, "%s: no <TEXT> element", name);
        rc = ZS_ERR_INPUT;
    }
    if (rc == 0) {
        zs_buf_put(&p.text, "", 0); /* allocated and NUL-terminated even when empty */
        out->text = p.text.data;
        out->len = p.text.len;
        p.text.data = NULL;
        zs_buf_put(&p.dct_text, "", 0);
        if (p.dct_creation) {
            out->dct = p.dct_creation;
            out->dct_tid = p.dct_creation_tid;
            p.dct_creation = p.dct_creation_tid = NULL;
        } else if (p.dct_timex) {
            out->dct = p.dct_timex;
            out->dct_tid = p.dct_timex_tid;
            p.dct_timex = p.dct_timex_tid = NULL;
        } else {
            out->dct = trimmed(p.dct_text.data);
        }
    }
    if (rc == 0 && p.source) {
        struct zs_timeml_src *s = zs_xcalloc(1, sizeof *s);
        s->raw = zs_xstrndup(bytes, len);
        s->raw_len = len;
        s->tids = p.kept_tids;
        s->ntids = p.nkept;
        s->tids_cap = p.kept_cap;
        p.kept_tids = NULL;
        p.nkept = 0;
        s->dct_tid = out->dct_tid ? zs_xstrdup(out->dct_tid) : NULL;
        out->src = s;
        if (!scan_source(s, p.drop, p.nelem, out->text, out->len)) {
            zs_set_error(err, ZS_ERR_INPUT,
                         "%s: cannot locate the TEXT content in the file's bytes "
                         "(TimeML to be written back must be UTF-8, without DTD entities)",
                         name);
            rc = ZS_ERR_INPUT;
        }
    }
    parse_free(&p);
    if (rc != 0) zs_timeml_clear(out);
    return rc;
}

const char *zs_timeml_usable_dct(const char *dct, char *buf, size_t n)
{
    if (!dct) return NULL;
    zs_lsec t;
    bool has_time, has_off;
    int off;
    if (zs_parse_iso(dct, &t, &has_time, &has_off, &off)) return dct;
    if (strlen(dct) >= 10 && n > 10) {
        memcpy(buf, dct, 10);
        buf[10] = '\0';
        if (zs_parse_iso(buf, &t, &has_time, &has_off, &off)) return buf;
    }
    return NULL;
}

/* ---- documents ----------------------------------------------------------- */

zs_doc *zs_doc_from_timeml(const zs_lang *lang, const char *name, const char *bytes,
                           size_t len, const zs_options *opts, zs_error *err)
{
    if (!name) name = "<input>";
    zs_timeml t;
    if (zs_timeml_read(name, bytes, len, ZS_TIMEML_SOURCE, &t, err) != 0) return NULL;
    zs_options o = opts ? *opts : (zs_options){0};
    char buf[16];
    bool from_file = !o.dct;
    if (from_file) {
        o.dct = zs_timeml_usable_dct(t.dct, buf, sizeof buf);
        if (!o.dct) {
            if (t.dct)
                zs_set_error(err, ZS_ERR_DCT,
                             "%s: creation time '%s' is not an ISO 8601 date; give it with --dct",
                             name, t.dct);
            else
                zs_set_error(err, ZS_ERR_DCT,
                             "%s: no publication time: no CREATION_TIME TIMEX3 in the file; "
                             "give it with --dct", name);
            zs_timeml_clear(&t);
            return NULL;
        }
    }
    zs_doc *d = zs_doc_new(lang, name, t.text, t.len, &o, err);
    if (d) {
        t.src->dct_from_file = from_file && t.src->dct_tid;
        d->timeml = t.src;
        t.src = NULL;
    }
    zs_timeml_clear(&t);
    return d;
}
