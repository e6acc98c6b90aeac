/* Fuzz target: the publication time given by --dct (and --tz). The input is
 * "ISO[\nZONE]". A DCT the parser accepts must print back to itself; any
 * other must make zs_doc_new fail with ZS_ERR_DCT (or ZS_ERR_USAGE for an
 * unknown zone), never a crash. */
#include <string.h>

#include "doc.h"
#include "fuzz.h"
#include "tvalue.h"

static const char article[] =
    "Am Dienstag wurde gewählt. Vor drei Jahren, am 7. und 8. Juli, im Frühjahr "
    "2016 und morgen um 9 Uhr: Die Konferenz findet nächste Woche statt.";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256) return 0;
    char buf[258];
    memcpy(buf, data, size);
    buf[size] = '\0';
    char *tz = strchr(buf, '\n');
    if (tz) *tz++ = '\0';
    if (strlen(buf) != (tz ? (size_t)(tz - 1 - buf) : size)) return 0; /* a NUL inside */

    zs_lsec t;
    bool has_time, has_offset;
    int off;
    bool parsed = zs_parse_iso(buf, &t, &has_time, &has_offset, &off);
    if (parsed) {
        char again[64];
        zs_format_lsec(again, sizeof again, t, !has_time, NULL);
        zs_lsec t2;
        bool h2, o2;
        int off2;
        FUZZ_ASSERT(zs_parse_iso(again, &t2, &h2, &o2, &off2));
        FUZZ_ASSERT(t2 == t && h2 == has_time && !o2);
        FUZZ_ASSERT(off > -15 * 3600 && off < 15 * 3600);
    }
    zs_options opts = {.dct = buf, .tz = tz, .timex_only = (size & 1) != 0};
    zs_error err = {0};
    zs_doc *d = zs_doc_new(fuzz_lang(), "dct.txt", article, sizeof article - 1, &opts, &err);
    if (!d) {
        FUZZ_ASSERT(err.code == ZS_ERR_DCT || err.code == ZS_ERR_USAGE);
        FUZZ_ASSERT(!parsed || err.code == ZS_ERR_USAGE);
        return 0;
    }
    FUZZ_ASSERT(parsed);
    FUZZ_ASSERT(strlen(zs_doc_dct(d)) >= 10);
    zs_doc_free(d);
    return 0;
}
