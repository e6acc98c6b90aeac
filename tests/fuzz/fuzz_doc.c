/* Fuzz target: the document pipeline, bytes to timexes, events, graph and
 * the text writers. The first byte selects the mode (its low bits: 1
 * narrative, 2 publication time from the dateline instead of --dct, 4 the
 * rest is a TimeML file, 8 --lenient); the rest is the article. Seeds start
 * with a digit or letter so that they stay readable ('0'..'7', '8' and '9'
 * lenient; 'X' = 0x58: lenient, dateline). */
#include <string.h>

#include "doc.h"
#include "fuzz.h"

static void check_doc(const zs_doc *d)
{
    FUZZ_ASSERT(d->ntoks == 0 || d->nsents > 0);
    for (size_t i = 0; i < d->ntimexes; i++) {
        const zs_timex *x = &d->timexes[i];
        FUZZ_ASSERT(x->t0 < x->t1 && x->t1 <= d->ntoks);
        FUZZ_ASSERT(x->b0 < x->b1 && x->b1 <= d->len);
        FUZZ_ASSERT(x->c0 < x->c1);
        FUZZ_ASSERT(i == 0 || d->timexes[i - 1].t0 <= x->t0);
        FUZZ_ASSERT(x->group < (int)d->ntimexes);
    }
    for (size_t i = 0; i < d->nevents; i++) {
        const zs_event *e = &d->events[i];
        FUZZ_ASSERT(e->b0 < e->b1 && e->b1 <= d->len);
        FUZZ_ASSERT(e->time < (int)d->ntimexes);
        FUZZ_ASSERT(!e->has_interval || e->begin < e->until);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const zs_lang *lang = fuzz_lang();
    unsigned mode = data[0];
    zs_options opts = {0};
    opts.narrative = (mode & 1) != 0;
    if (!(mode & 2)) opts.dct = "2017-05-02T21:06+02:00";
    opts.lenient = (mode & 8) != 0;
    zs_error err = {0};
    const char *text = (const char *)data + 1;
    zs_doc *d = mode & 4 ? zs_doc_from_timeml(lang, "fuzz.tml", text, size - 1, &opts, &err)
                         : zs_doc_new(lang, "fuzz.txt", text, size - 1, &opts, &err);
    if (!d) {
        FUZZ_ASSERT(err.code != ZS_OK && err.msg[0] != '\0');
        /* lenient text is repaired: only emptiness or the DCT can fail */
        FUZZ_ASSERT(!opts.lenient || (mode & 4) || err.code == ZS_ERR_DCT ||
                    strstr(err.msg, "empty input"));
        FUZZ_ASSERT(strchr(err.msg, '\n') == NULL);
        return 0;
    }
    check_doc(d);
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    static const char *const formats[] = {"jsonl", "text", "ics", "timeml"};
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        FUZZ_ASSERT(out != NULL);
        int rc = zs_write(g, formats[i], out, &err);
        fclose(out);
        FUZZ_ASSERT(rc == 0);
        free(buf);
    }
    zs_graph_free(g);
    zs_doc_free(d);
    return 0;
}
