/* TimeML in and out.
 *
 * Reading (timeml.c). A TimeML file (or an inline TIMEX2 file as in
 * WikiWarsDE) is parsed with libxml2's xmlTextReader. Its text is the
 * character content of the first TEXT element with all tags removed
 * (entities decoded, line ends normalised as XML does); the timexes are the
 * TIMEX3 and TIMEX2 elements inside TEXT, with code-point offsets into that
 * text. The creation time is the value of the TIMEX3 with
 * functionInDocument="CREATION_TIME", else the value of a TIMEX2/TIMEX3
 * inside a DCT, DATETIME or DATE_TIME element, else that element's text. A
 * bare "&" that starts no reference is read as a literal "&" (WikiWarsDE's
 * inline files are SGML-ish). zeitstrahl eval and zs_doc_from_timeml both
 * read with it.
 *
 * With ZS_TIMEML_SOURCE the reader also keeps the file's bytes and, for
 * every byte of the text, the bytes of the file it came from (an entity
 * such as "&amp;" or a CR LF line end is one unit), and every piece of
 * markup inside TEXT. The writer (write_timeml.c) uses them to write the
 * file back unchanged except that the TIMEX3 and TIMEX2 elements inside
 * TEXT (other than a creation-time TIMEX3) lose their tags and new TIMEX3
 * elements are put around the doc's timexes.
 */
#ifndef ZS_TIMEML_H
#define ZS_TIMEML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "util.h"

/* A timex element inside TEXT. */
typedef struct zs_timeml_timex {
    uint32_t c0, c1;   /* code-point extent in the text, half-open */
    char *tid;         /* "tid", or NULL (owned) */
    char *type;        /* "type"; for TIMEX2 (or none given) inferred from
                          the value: DURATION, SET, TIME or DATE (owned) */
    char *value;       /* "value" ("val" for TIMEX2), or NULL (owned) */
    char *mod;         /* "mod", or NULL (owned) */
    bool creation;     /* functionInDocument="CREATION_TIME" */
} zs_timeml_timex;

/* Kinds of markup inside TEXT. */
typedef enum {
    ZS_MK_OPEN = 0,    /* start tag of a kept element */
    ZS_MK_CLOSE,       /* its end tag */
    ZS_MK_EMPTY,       /* empty-element tag of a kept element */
    ZS_MK_OTHER,       /* comment or processing instruction */
    ZS_MK_DROP,        /* tag of a timex element that the writer removes */
    ZS_MK_CDATA_OPEN,  /* "<![CDATA[" */
    ZS_MK_CDATA_CLOSE  /* "]]>" */
} zs_timeml_markkind;

/* One piece of markup: bytes [b, e) of the file. */
typedef struct zs_timeml_mark {
    uint32_t b, e;
    uint8_t kind;      /* zs_timeml_markkind */
} zs_timeml_mark;

/* Where a TimeML document's text came from; owned by the doc read from it
 * (zs_doc.timeml) and freed with zs_timeml_src_free. */
struct zs_timeml_src {
    char *raw;               /* the file's bytes, NUL-terminated (owned) */
    size_t raw_len;
    uint32_t text_b, text_e; /* bytes of the file between <TEXT> and </TEXT> */
    size_t len;              /* bytes of the decoded text */
    uint32_t *cs, *ce;       /* per byte of the text: the file bytes [cs, ce)
                                of the unit (byte, entity, CR LF) it came
                                from; len entries each (owned) */
    zs_timeml_mark *marks;   /* markup inside TEXT in file order (owned) */
    size_t nmarks, marks_cap;
    char **tids;             /* tids of the timex elements the writer keeps
                                (the creation time, those outside TEXT) */
    size_t ntids, tids_cap;
    char *dct_tid;           /* tid of the creation-time timex, or NULL */
    bool dct_from_file;      /* the doc's DCT is the file's: timexes
                                anchored to the DCT get anchorTimeID=dct_tid */
};

/* What zs_timeml_read returns; zero it before the call, free what it holds
 * with zs_timeml_clear. */
typedef struct zs_timeml {
    char *text;              /* TEXT content, UTF-8, NUL-terminated (owned) */
    size_t len;              /* its bytes */
    char *dct;               /* the creation time as written, or NULL (owned) */
    char *dct_tid;           /* tid of the timex dct came from, or NULL (owned) */
    zs_timeml_timex *tx;     /* timex elements inside TEXT, document order,
                                but not empty ones (TimeML's non-consuming
                                TIMEX3: no mention) */
    size_t ntx, tx_cap;
    struct zs_timeml_src *src; /* with ZS_TIMEML_SOURCE, else NULL (owned) */
} zs_timeml;

enum { ZS_TIMEML_SOURCE = 1 /* also fill src */ };

/* Reads the TimeML document bytes[0..len) (need not be NUL-terminated);
 * name labels errors. flags: 0 or ZS_TIMEML_SOURCE. Returns 0 with *out
 * filled, or a zs_status with err filled and *out left empty: ZS_ERR_INPUT
 * for malformed XML ("name:line:col: message"), no TEXT element ("name: no
 * <TEXT> element"), a file over 2 GB, or (with ZS_TIMEML_SOURCE) a TEXT
 * whose bytes cannot be mapped to its content (an encoding other than
 * UTF-8, entities declared in a DTD). */
int zs_timeml_read(const char *name, const char *bytes, size_t len, int flags,
                   zs_timeml *out, zs_error *err);

/* Frees what t holds and zeroes it. Accepts a zeroed struct. */
void zs_timeml_clear(zs_timeml *t);

/* Frees a source. Accepts NULL. */
void zs_timeml_src_free(struct zs_timeml_src *src);

/* The DCT to give zs_options for a file's creation time dct: dct itself if
 * zs_parse_iso accepts it, else its first 10 characters if they are a date
 * (copied into buf of n bytes), else NULL. */
const char *zs_timeml_usable_dct(const char *dct, char *buf, size_t n);

/* Writes doc d as TimeML to out (appending): d's TimeML source with the
 * doc's timexes as TIMEX3 elements if d was read with zs_doc_from_timeml,
 * else a new minimal TimeML document around d's text. A timex is left out
 * if it overlaps an earlier one, or if its tags could only cross the tags
 * of an element of the source or fall inside a CDATA section; *skipped (if
 * not NULL) gets their number. Returns 0 (the writer cannot fail). */
int zs_timeml_write_doc(const zs_doc *d, zs_buf *out, size_t *skipped);

/* Writer of format "timeml": the graph's one document as zs_timeml_write_doc
 * writes it. Returns 0, or -1 with err filled (ZS_ERR_USAGE) when the graph
 * holds more or fewer than one document. */
int zs_write_timeml(const zs_graph *g, zs_buf *out, zs_error *err);

#endif
