/* JSONL corpus input: a line reader for streams of any size and the parser
 * of one document line ({"id","dct","lang","text","url"}, only "text"
 * required). Private to the library. */
#ifndef ZS_JSONL_H
#define ZS_JSONL_H

#include <stdint.h>
#include <stdio.h>

#include "util.h"

/* One document line. Every string is NUL-terminated, or NULL when the
 * field is absent or null; text is never NULL after a successful parse.
 * The text stays in the parsed line (not copied again), the others are
 * owned copies. */
typedef struct zs_jsonl_doc {
    char *id;         /* "id": a string or an integer */
    char *dct;        /* "dct": ISO 8601 publication time */
    char *lang;       /* "lang": template language code */
    char *url;        /* "url" */
    const char *text; /* "text": the article, UTF-8, in json */
    size_t text_len;  /* bytes of text (may hold no NUL) */
    void *json;       /* the parsed line (a json-c json_object) */
} zs_jsonl_doc;

/* Parses one line (len bytes, without its line end; need not be
 * NUL-terminated) into doc, which must be zeroed or cleared. Returns 0, or
 * -1 with err filled (ZS_ERR_INPUT, "column N: message", N counted in bytes
 * from 1) and doc left empty: malformed JSON, invalid UTF-8, a NUL (also as
 * \u0000 in a string field), a line that is not an object, no "text" or a
 * field of the wrong type. Unknown fields are ignored. Any input is safe. */
int zs_jsonl_parse_line(const char *line, size_t len, zs_jsonl_doc *doc, zs_error *err);

struct json_object;

/* Parses one line of len bytes (need not be NUL-terminated) into a JSON
 * value: strict JSON (RFC 8259), valid UTF-8, no NUL byte, nothing after
 * the value but spaces. Of repeated keys in an object the last one counts.
 * Returns the value (free it with json_object_put), or NULL with err filled
 * (ZS_ERR_INPUT, "column N: message", N in bytes from 1). Used for document
 * lines and for merge's record lines. */
struct json_object *zs_json_parse(const char *line, size_t len, zs_error *err);

/* Frees the parser zs_json_parse keeps for the calling thread (one per
 * thread, reused from line to line); a thread that parsed calls it before
 * it ends. */
void zs_json_thread_free(void);

/* Whether v is a string without a NUL character in it (json-c decodes
 * "\u0000" into its strings; zeitstrahl's strings are C strings). */
bool zs_json_cstring(struct json_object *v);

/* Frees doc's strings and parsed line and zeroes it. Accepts NULL. */
void zs_jsonl_doc_clear(zs_jsonl_doc *doc);

/* True if the line holds only spaces, tabs and CRs (skipped by readers). */
int zs_jsonl_blank(const char *line, size_t len);

/* Reads a stream line by line, each line whole in one buffer, whatever its
 * length. Zero-initialise, then set f (and max, the longest line accepted in
 * bytes; 0: no limit). */
typedef struct zs_line_reader {
    FILE *f;
    size_t max;
    unsigned long lineno; /* number of the line last read, from 1 */
    uint64_t offset;      /* byte offset of the line last read */
    uint64_t consumed;    /* bytes read so far, line ends included */
    zs_buf line;          /* the line last read, without "\n" or "\r\n" */
    char *chunk;          /* read-ahead */
    size_t chunk_pos, chunk_len;
    int eof;
} zs_line_reader;

/* Reads the next line into r->line. Returns 1, 0 at the end of the stream,
 * or -1 with err filled (ZS_ERR_IO for a read error, ZS_ERR_INPUT for a
 * line longer than max, which is then passed over so reading can go on; the
 * message has no file name, the caller adds it). */
int zs_line_read(zs_line_reader *r, zs_error *err);

/* Frees the reader's buffers (not f). */
void zs_line_reader_free(zs_line_reader *r);

#endif
