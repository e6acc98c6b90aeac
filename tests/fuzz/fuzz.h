/* Shared by the libFuzzer targets (tests/fuzz/fuzz_*.c). Each target defines
 * LLVMFuzzerTestOneInput; built with -fsanitize=fuzzer it is driven by
 * libFuzzer (make fuzz), built with driver.c it replays the seeds and the
 * regression inputs as a test of make check. */
#ifndef ZS_FUZZ_H
#define ZS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "zeitstrahl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The German templates, loaded once: $ZS_FUZZ_TEMPLATES or templates/de
 * (targets run from the repository root). Aborts when they cannot load,
 * since no input could then be tested. */
static inline const zs_lang *fuzz_lang(void)
{
    static zs_lang *lang;
    if (!lang) {
        const char *dir = getenv("ZS_FUZZ_TEMPLATES");
        zs_error err = {0};
        lang = zs_lang_load(dir && *dir ? dir : "templates/de", &err);
        if (!lang) {
            fprintf(stderr, "fuzz: %s\n", err.msg);
            abort();
        }
    }
    return lang;
}

/* A property every input must keep; a failure is a finding. */
#define FUZZ_ASSERT(c)                                                        \
    do {                                                                      \
        if (!(c)) {                                                           \
            fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__,   \
                    __LINE__, #c);                                            \
            abort();                                                          \
        }                                                                     \
    } while (0)

#endif
