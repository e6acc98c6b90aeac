/* Fuzz target: the JSONL corpus reader. The input is a stream read line by
 * line (lines over 4 kB are errors that reading goes on after); each line
 * is parsed as a document; a parsed document has valid UTF-8 text without
 * NUL and goes through the pipeline with its own publication time. */
#include <string.h>

#include "doc.h"
#include "fuzz.h"
#include "jsonl.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    FILE *f = fmemopen((void *)data, size, "rb");
    FUZZ_ASSERT(f != NULL);
    zs_line_reader r = {.f = f, .max = 4096};
    zs_error err = {0};
    int got, docs = 0;
    unsigned long last = 0;
    while ((got = zs_line_read(&r, &err)) != 0) {
        FUZZ_ASSERT(r.lineno == last + 1);
        last = r.lineno;
        FUZZ_ASSERT(r.consumed <= size);
        if (got < 0) {
            FUZZ_ASSERT(err.code == ZS_ERR_INPUT && r.line.len == 0);
            continue;
        }
        FUZZ_ASSERT(r.line.len <= r.max && memchr(r.line.data, '\n', r.line.len) == NULL);
        if (zs_jsonl_blank(r.line.data, r.line.len)) continue;
        zs_jsonl_doc jd = {0};
        if (zs_jsonl_parse_line(r.line.data, r.line.len, &jd, &err) != 0) {
            FUZZ_ASSERT(err.code == ZS_ERR_INPUT && strchr(err.msg, '\n') == NULL);
            FUZZ_ASSERT(jd.text == NULL && jd.id == NULL && jd.dct == NULL);
            continue;
        }
        FUZZ_ASSERT(jd.text != NULL && strlen(jd.text) == jd.text_len);
        size_t n, replaced;
        free(zs_utf8_repair(jd.text, jd.text_len, &n, &replaced));
        FUZZ_ASSERT(replaced == 0);
        if (docs++ < 4) { /* the pipeline is the slow part */
            zs_options opts = {.dct = jd.dct ? jd.dct : "2017-05-02", .max_size = 1 << 16};
            zs_doc *d = zs_doc_new(fuzz_lang(), jd.id ? jd.id : "line", jd.text, jd.text_len, &opts, &err);
            FUZZ_ASSERT(d || err.code == ZS_ERR_DCT || err.code == ZS_ERR_INPUT || err.code == ZS_ERR_USAGE);
            zs_doc_free(d);
        }
        zs_jsonl_doc_clear(&jd);
    }
    zs_line_reader_free(&r);
    fclose(f);
    return 0;
}
