/* Fuzz target: the template language. The input is one .zt file, loaded
 * (parsed, compiled, indexed) as a language of its own; when it loads, the
 * examples of its rules run through the engine as --check-templates runs
 * them. Errors must be one line "file:line:col: message" or name the folder. */
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static char dir[64], path[96];

static void make_dir(void)
{
    if (dir[0]) return;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/zsfuzzXXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    FUZZ_ASSERT(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/fuzz.zt", dir);
}

static void cleanup(void)
{
    unlink(path);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        make_dir();
        atexit(cleanup);
    }
    FILE *f = fopen(path, "wb");
    FUZZ_ASSERT(f != NULL);
    FUZZ_ASSERT(fwrite(data, 1, size, f) == size && fclose(f) == 0);
    zs_error err = {0};
    zs_lang *lang = zs_lang_load(dir, &err);
    if (!lang) {
        FUZZ_ASSERT(err.code == ZS_ERR_TEMPLATE);
        FUZZ_ASSERT(strchr(err.msg, '\n') == NULL);
        /* "DIR/fuzz.zt:LINE:COL: ..." or "DIR: ..." */
        FUZZ_ASSERT(strncmp(err.msg, dir, strlen(dir)) == 0);
        return 0;
    }
    FILE *devnull = fopen("/dev/null", "w");
    FUZZ_ASSERT(devnull != NULL);
    int passed = 0, failed = 0;
    zs_lang_selftest(lang, devnull, 1, &passed, &failed);
    fclose(devnull);
    zs_lang_free(lang);
    return 0;
}
