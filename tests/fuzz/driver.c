/* Replays fuzz inputs without libFuzzer: runs LLVMFuzzerTestOneInput on
 * every file of the folders tests/fuzz/seeds/NAME and
 * tests/fuzz/regressions/NAME (or of the paths given as arguments) and
 * prints a cmocka-style summary for tests/run.sh. A finding aborts. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "util.h"

#ifndef FUZZ_NAME
#error "FUZZ_NAME: the target's name, e.g. \"doc\""
#endif

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_file(const char *path)
{
    zs_error err = {0};
    size_t len;
    char *data = zs_read_file(path, &len, &err);
    if (!data) {
        fprintf(stderr, "%s\n", err.msg);
        return 0;
    }
    fprintf(stderr, "[ RUN      ] %s\n", path);
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    free(data);
    return 1;
}

/* Runs every file of dir in name order; returns how many. */
static int run_dir(const char *dir)
{
    DIR *dh = opendir(dir);
    if (!dh) return 0;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dh))) {
        if (de->d_name[0] == '.') continue;
        ZS_GROW(names, cap, n + 1);
        names[n++] = zs_xstrdup(de->d_name);
    }
    closedir(dh);
    qsort(names, n, sizeof *names, cmp);
    int count = 0;
    zs_buf path = {0};
    for (size_t i = 0; i < n; i++) {
        zs_buf_reset(&path);
        zs_buf_printf(&path, "%s/%s", dir, names[i]);
        count += run_file(path.data);
        free(names[i]);
    }
    zs_buf_free(&path);
    free(names);
    return count;
}

int main(int argc, char **argv)
{
    int count = 0;
    if (argc > 1) {
        for (int i = 1; i < argc; i++) {
            struct stat st;
            count += stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) ? run_dir(argv[i])
                                                                     : run_file(argv[i]);
        }
    } else {
        count += run_dir("tests/fuzz/seeds/" FUZZ_NAME);
        count += run_dir("tests/fuzz/regressions/" FUZZ_NAME);
    }
    if (count == 0) {
        fprintf(stderr, "no inputs for fuzz target " FUZZ_NAME "\n");
        printf("[  FAILED  ] 1 test(s).\n");
        return 1;
    }
    /* every input returned: none crashed, tripped a sanitizer or an invariant */
    printf("[  PASSED  ] %d test(s).\n", count);
    return 0;
}
