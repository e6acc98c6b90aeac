/* Fuzz target: the record reader of zeitstrahl merge (src/merge.c). The
 * input is a stream of JSONL record lines as --input jsonl writes them; a
 * line holding only the byte 0x1E ends a stream (the next record must start
 * a document), as between the files of a merge run. Every line is accepted
 * or refused with one ZS_ERR_INPUT line naming the file and line; whatever
 * was accepted reduces to a graph that every text writer writes, and the
 * JSONL of that graph merges again to the same JSONL. */
#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "merge.h"
#include "util.h"

/* The graph of m written as format into b (cleared first). */
static void write_to(const zs_graph *g, const char *format, zs_buf *b)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    FUZZ_ASSERT(f != NULL);
    zs_error err = {0};
    int rc = zs_write(g, format, f, &err);
    FUZZ_ASSERT(fclose(f) == 0);
    if (rc != 0) {
        fprintf(stderr, "zs_write %s: %s\n", format, err.msg);
        FUZZ_ASSERT(rc == 0);
    }
    zs_buf_reset(b);
    zs_buf_put(b, data, len);
    free(data);
}

/* Adds the lines of s[0..n) to m; returns how many were refused. */
static size_t add_lines(zs_merge *m, const char *s, size_t n)
{
    size_t refused = 0;
    unsigned long lineno = 0;
    const char *p = s, *e = s + n;
    while (p < e) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(e - p);
        lineno++;
        if (len == 1 && p[0] == 0x1E) {
            zs_merge_end_stream(m);
        } else {
            zs_error err = {0};
            int rc = zs_merge_add_line(m, p, len, "fuzz", lineno, &err);
            FUZZ_ASSERT(rc == 0 || rc == -1);
            if (rc != 0) {
                refused++;
                FUZZ_ASSERT(err.code == ZS_ERR_INPUT);
                FUZZ_ASSERT(strncmp(err.msg, "fuzz:", 5) == 0);
                FUZZ_ASSERT(strchr(err.msg, '\n') == NULL);
            }
        }
        p += len + (nl != NULL);
    }
    zs_merge_end_stream(m);
    return refused;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16) return 0; /* records are short; long lines test nothing more */
    zs_merge *m = zs_merge_new();
    add_lines(m, (const char *)data, size);
    const zs_graph *g = zs_merge_finish(m);
    FUZZ_ASSERT(g != NULL);
    FUZZ_ASSERT(zs_merge_docs_kept(m) <= zs_merge_docs_added(m));
    static const char *const formats[] = {"text", "csv", "ics", "dot"};
    zs_buf out = {0};
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) write_to(g, formats[i], &out);
    /* the merged JSONL is a fixed point of merging */
    zs_buf once = {0};
    write_to(g, "jsonl", &once);
    zs_merge *m2 = zs_merge_new();
    FUZZ_ASSERT(add_lines(m2, once.data ? once.data : "", once.len) == 0);
    write_to(zs_merge_finish(m2), "jsonl", &out);
    FUZZ_ASSERT(out.len == once.len && memcmp(out.data, once.data, once.len) == 0);
    zs_merge_free(m2);
    zs_buf_free(&once);
    zs_buf_free(&out);
    zs_merge_free(m);
    return 0;
}
