/* JSONL corpus input: lines of any length from a stream, and one document
 * per line parsed with json-c. */
#include "jsonl.h"

#include <errno.h>
#include <inttypes.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 65536

void zs_jsonl_doc_clear(zs_jsonl_doc *doc)
{
    if (!doc) return;
    free(doc->id);
    free(doc->dct);
    free(doc->lang);
    free(doc->url);
    json_object_put(doc->json);
    memset(doc, 0, sizeof *doc);
}

int zs_jsonl_blank(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') return 0;
    return 1;
}

bool zs_json_cstring(struct json_object *v)
{
    return json_object_is_type(v, json_type_string) &&
           !memchr(json_object_get_string(v), '\0',
                   (size_t)json_object_get_string_len(v));
}

static int nul_error(zs_error *err, const char *line, size_t len)
{
    /* the column of the first \u0000 escape, if it can be found */
    size_t col = 1;
    for (size_t i = 0; i + 6 <= len; i++)
        if (line[i] == '\\') {
            if (memcmp(line + i + 1, "u0000", 5) == 0) {
                col = i + 1;
                break;
            }
            i++; /* the escaped character */
        }
    zs_set_error(err, ZS_ERR_INPUT, "column %zu: NUL character (\\u0000) in a string", col);
    return -1;
}

/* An optional string field: absent or null leaves *out NULL. */
static int opt_string(json_object *obj, const char *key, bool integer_ok, char **out,
                      const char *line, size_t len, zs_error *err)
{
    json_object *v;
    if (!json_object_object_get_ex(obj, key, &v) || !v) return 0; /* absent or null */
    if (json_object_is_type(v, json_type_string)) {
        if (!zs_json_cstring(v)) return nul_error(err, line, len);
        *out = zs_xstrndup(json_object_get_string(v), (size_t)json_object_get_string_len(v));
        return 0;
    }
    if (integer_ok && json_object_is_type(v, json_type_int)) {
        /* json_object_get_string prints the integer as it was read */
        *out = zs_xstrdup(json_object_get_string(v));
        return 0;
    }
    zs_set_error(err, ZS_ERR_INPUT, "column 1: \"%s\" must be a string%s", key,
                 integer_ok ? " or an integer" : "");
    return -1;
}

/* The calling thread's parser, reset after each line. */
static _Thread_local json_tokener *thread_tok;

void zs_json_thread_free(void)
{
    if (thread_tok) json_tokener_free(thread_tok); /* which does not take NULL */
    thread_tok = NULL;
}

/* Parses line (len bytes) into a JSON value; NULL with err filled ("column
 * N: ..."). Strict JSON, UTF-8 checked, nothing after the value but
 * spaces. Shared by the document reader and zeitstrahl merge. */
json_object *zs_json_parse(const char *line, size_t len, zs_error *err)
{
    /* json-c's own UTF-8 check lets overlong forms and 5-byte sequences
     * through: ICU's decoder checks the whole line instead */
    size_t ok = zs_utf8_valid(line, len);
    if (ok < len) {
        zs_set_error(err, ZS_ERR_INPUT, "column %zu: %s", ok + 1,
                     line[ok] ? "invalid UTF-8" : "NUL byte");
        return NULL;
    }
    if (len > INT32_MAX) { /* json-c counts in int */
        zs_set_error(err, ZS_ERR_INPUT, "column 1: line too long for a JSON value");
        return NULL;
    }
    json_tokener *tok = thread_tok;
    if (!tok) {
        tok = thread_tok = json_tokener_new();
        if (!tok) {
            zs_set_error(err, ZS_ERR_INTERNAL, "json-c: out of memory");
            return NULL;
        }
        json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    }
    json_object *root = json_tokener_parse_ex(tok, line, (int)len);
    enum json_tokener_error e = json_tokener_get_error(tok);
    size_t end = json_tokener_get_parse_end(tok);
    json_tokener_reset(tok);
    if (root && e == json_tokener_success) return root;
    json_object_put(root);
    if (e == json_tokener_continue) /* at the line's last byte, as a cut-off value */
        zs_set_error(err, ZS_ERR_INPUT, "column %zu: the line ends inside a JSON value",
                     len ? len : 1);
    else
        zs_set_error(err, ZS_ERR_INPUT, "column %zu: %s", end + 1, json_tokener_error_desc(e));
    return NULL;
}

int zs_jsonl_parse_line(const char *line, size_t len, zs_jsonl_doc *doc, zs_error *err)
{
    memset(doc, 0, sizeof *doc);
    json_object *root = zs_json_parse(line, len, err);
    if (!root) return -1;
    int rc = -1;
    if (!json_object_is_type(root, json_type_object)) {
        zs_set_error(err, ZS_ERR_INPUT, "column 1: a document line must be a JSON object");
        goto out;
    }
    json_object *text;
    if (!json_object_object_get_ex(root, "text", &text) ||
        !json_object_is_type(text, json_type_string)) {
        zs_set_error(err, ZS_ERR_INPUT, "column 1: %s",
                     json_object_object_get_ex(root, "text", NULL) ? "\"text\" must be a string"
                                                                   : "no \"text\" field");
        goto out;
    }
    if (!zs_json_cstring(text)) {
        nul_error(err, line, len);
        goto out;
    }
    if (opt_string(root, "id", true, &doc->id, line, len, err) != 0 ||
        opt_string(root, "dct", false, &doc->dct, line, len, err) != 0 ||
        opt_string(root, "lang", false, &doc->lang, line, len, err) != 0 ||
        opt_string(root, "url", false, &doc->url, line, len, err) != 0)
        goto out;
    doc->text_len = (size_t)json_object_get_string_len(text);
    doc->text = json_object_get_string(text);
    doc->json = root; /* holds the text */
    return 0;
out:
    json_object_put(root);
    zs_jsonl_doc_clear(doc);
    return rc;
}

/* Refills the read-ahead; returns the bytes now available (0 at the end). */
static size_t refill(zs_line_reader *r, zs_error *err, bool *failed)
{
    if (r->chunk_pos < r->chunk_len) return r->chunk_len - r->chunk_pos;
    if (r->eof) return 0;
    if (!r->chunk) r->chunk = zs_xmalloc(CHUNK);
    r->chunk_pos = 0;
    r->chunk_len = fread(r->chunk, 1, CHUNK, r->f);
    if (r->chunk_len == 0) {
        r->eof = 1;
        if (ferror(r->f)) {
            zs_set_error(err, ZS_ERR_IO, "read error: %s", strerror(errno));
            *failed = true;
        }
    }
    return r->chunk_len;
}

int zs_line_read(zs_line_reader *r, zs_error *err)
{
    zs_buf_reset(&r->line);
    r->offset = r->consumed;
    bool any = false, failed = false, toolong = false;
    size_t avail;
    while ((avail = refill(r, err, &failed)) > 0) {
        any = true;
        const char *p = r->chunk + r->chunk_pos;
        const char *nl = memchr(p, '\n', avail);
        size_t n = nl ? (size_t)(nl - p) : avail;
        if (r->max && r->line.len + n > r->max) toolong = true; /* read on to its end */
        else zs_buf_put(&r->line, p, n);
        r->chunk_pos += n + (nl != NULL);
        r->consumed += n + (nl != NULL);
        if (nl) break;
    }
    if (failed) return -1;
    if (!any) return 0;
    r->lineno++;
    if (toolong) {
        zs_buf_reset(&r->line);
        zs_set_error(err, ZS_ERR_INPUT, "line longer than %zu bytes", r->max);
        return -1;
    }
    if (r->line.len && r->line.data[r->line.len - 1] == '\r') r->line.data[--r->line.len] = '\0';
    return 1;
}

void zs_line_reader_free(zs_line_reader *r)
{
    zs_buf_free(&r->line);
    free(r->chunk);
    r->chunk = NULL;
}
