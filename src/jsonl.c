/* JSONL corpus input: lines of any length from a stream, and one document
 * per line parsed with jansson. */
#include "jsonl.h"

#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
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
    json_decref(doc->json);
    memset(doc, 0, sizeof *doc);
}

int zs_jsonl_blank(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') return 0;
    return 1;
}

/* An optional string field: absent or null leaves *out NULL. */
static int opt_string(json_t *obj, const char *key, bool integer_ok, char **out,
                      zs_error *err)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) return 0;
    if (json_is_string(v)) {
        *out = zs_xstrndup(json_string_value(v), json_string_length(v));
        return 0;
    }
    if (integer_ok && json_is_integer(v)) {
        char s[32];
        snprintf(s, sizeof s, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        *out = zs_xstrdup(s);
        return 0;
    }
    zs_set_error(err, ZS_ERR_INPUT, "column 1: \"%s\" must be a string%s", key,
                 integer_ok ? " or an integer" : "");
    return -1;
}

int zs_jsonl_parse_line(const char *line, size_t len, zs_jsonl_doc *doc, zs_error *err)
{
    memset(doc, 0, sizeof *doc);
    json_error_t je;
    /* no JSON_ALLOW_NUL: "\u0000" is refused like a raw NUL byte */
    json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        bool nul = strstr(je.text, "\\u0000") != NULL;
        zs_set_error(err, ZS_ERR_INPUT, "column %d: %s", je.position > 0 ? je.position : 1,
                     nul ? "NUL character (\\u0000) in a string" : je.text);
        return -1;
    }
    int rc = -1;
    if (!json_is_object(root)) {
        zs_set_error(err, ZS_ERR_INPUT, "column 1: a document line must be a JSON object");
        goto out;
    }
    json_t *text = json_object_get(root, "text");
    if (!text || !json_is_string(text)) {
        zs_set_error(err, ZS_ERR_INPUT, "column 1: %s", text ? "\"text\" must be a string"
                                                             : "no \"text\" field");
        goto out;
    }
    if (opt_string(root, "id", true, &doc->id, err) != 0 ||
        opt_string(root, "dct", false, &doc->dct, err) != 0 ||
        opt_string(root, "lang", false, &doc->lang, err) != 0 ||
        opt_string(root, "url", false, &doc->url, err) != 0)
        goto out;
    doc->text_len = json_string_length(text);
    doc->text = json_string_value(text);
    doc->json = root; /* holds the text */
    return 0;
out:
    json_decref(root);
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
