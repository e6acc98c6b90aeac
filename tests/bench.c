/* make bench: throughput and peak memory of the tagger on real German and
 * English text.
 *
 * The German corpus is the raw text of the KRAUTS documents (TEXT of the
 * *_raw-text TimeML files, DCT from CREATION_TIME) and of WikiWarsDE
 * (TEXT of the in/ .sgm files, DCT from DATETIME); the English one the TEXT
 * of the TempEval-3 TBAQ-cleaned files (TimeBank and AQUAINT, tags removed,
 * DCT from CREATION_TIME). Each is read once and analysed over and over
 * until at least --mb megabytes have been processed. Memory therefore does
 * not grow with the corpus size; the peak resident size is reported.
 *
 *     bench [CORPORA [MB [de|en|all [tag]]]]
 *
 * A language and "tag" (the tag-only figure alone) make a short run for
 * profiling, e.g. under valgrind --tool=callgrind; it also prints how many
 * bytes were analysed in all, to divide the count of instructions by. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "util.h"
#include "zeitstrahl.h"

typedef struct doc {
    char *name, *text, *dct;
    size_t len;
} doc;

static doc *docs;
static size_t ndocs, docs_cap;

/* The content of the first <tag>...</tag> of s, or NULL. */
static char *between(const char *s, const char *open, const char *close, size_t *n)
{
    const char *b = strstr(s, open);
    if (!b) return NULL;
    b += strlen(open);
    const char *e = strstr(b, close);
    if (!e) return NULL;
    *n = (size_t)(e - b);
    return (char *)b;
}

/* s[0..n) without tags and with the five XML entities decoded. */
static char *plain(const char *s, size_t n, size_t *out_len)
{
    static const char *ent[][2] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
                                   {"&quot;", "\""}, {"&apos;", "'"}};
    zs_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '<') {
            while (i < n && s[i] != '>') i++;
            continue;
        }
        if (s[i] == '&') {
            size_t k = 0;
            for (; k < 5; k++)
                if (strncmp(s + i, ent[k][0], strlen(ent[k][0])) == 0) break;
            if (k < 5) {
                zs_buf_puts(&b, ent[k][1]);
                i += strlen(ent[k][0]) - 1;
                continue;
            }
        }
        zs_buf_putc(&b, s[i]);
    }
    zs_buf_grow(&b, 0);
    *out_len = b.len;
    return b.data;
}

static void add(const char *path, const char *text, size_t tn, const char *dct, size_t dn)
{
    ZS_GROW(docs, docs_cap, ndocs + 1);
    doc *d = &docs[ndocs++];
    d->name = zs_xstrdup(path);
    d->text = plain(text, tn, &d->len);
    while (dn && (*dct == ' ')) dct++, dn--;
    d->dct = zs_xstrndup(dct, dn < 10 ? dn : 10); /* the date part */
}

/* Loads the documents of the folder corpora/sub. */
static void load_dir(const char *corpora, const char *sub, const char *suffix, bool timeml)
{
    char dir[2048];
    snprintf(dir, sizeof dir, "%s/%s", corpora, sub);
    DIR *dh = opendir(dir);
    if (!dh) {
        fprintf(stderr, "bench: %s: cannot open (the corpora live in ../shared/corpora)\n", dir);
        exit(3);
    }
    struct dirent *e;
    char path[2048 + 256 + 2];
    while ((e = readdir(dh))) {
        size_t n = strlen(e->d_name), sl = strlen(suffix);
        if (n < sl || strcmp(e->d_name + n - sl, suffix) != 0) continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        zs_error err;
        size_t len, tn = 0, dn = 0;
        char *s = zs_read_file(path, &len, &err);
        if (!s) {
            fprintf(stderr, "bench: %s\n", err.msg);
            exit(3);
        }
        char *text = between(s, "<TEXT>", "</TEXT>", &tn);
        char *dct = timeml ? strstr(s, "functionInDocument=\"CREATION_TIME\"") : NULL;
        if (timeml && dct) {
            char *v = strstr(s, "value=\"");
            dct = v ? v + 7 : NULL;
            dn = 10;
        } else if (!timeml) {
            dct = between(s, "<DATETIME>", "</DATETIME>", &dn);
        }
        if (text && dct) add(path, text, tn, dct, dn);
        free(s);
    }
    closedir(dh);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Analyses the corpus repeatedly until min_bytes; returns seconds. */
static double run(const zs_lang *lang, size_t min_bytes, bool timex_only, size_t *bytes,
                  size_t *ndone, size_t *timexes)
{
    *bytes = *ndone = *timexes = 0;
    double t0 = now();
    while (*bytes < min_bytes) {
        for (size_t i = 0; i < ndocs; i++) {
            zs_options o = {.dct = docs[i].dct, .timex_only = timex_only};
            zs_error err;
            zs_doc *d = zs_doc_new(lang, docs[i].name, docs[i].text, docs[i].len, &o, &err);
            if (!d) continue; /* an empty TEXT */
            *timexes += zs_doc_timex_count(d);
            if (!timex_only) {
                zs_graph *g = zs_graph_new();
                zs_graph_add(g, d);
                zs_graph_finish(g);
                FILE *null = fopen("/dev/null", "w");
                zs_write(g, "jsonl", null, &err);
                fclose(null);
                zs_graph_free(g);
            }
            zs_doc_free(d);
            *bytes += docs[i].len;
            (*ndone)++;
        }
    }
    return now() - t0;
}

static bool tag_only_bench; /* argv[4] "tag": leave out tag + events */

static void free_docs(void)
{
    for (size_t i = 0; i < ndocs; i++) {
        free(docs[i].name);
        free(docs[i].text);
        free(docs[i].dct);
    }
    free(docs);
    docs = NULL;
    ndocs = docs_cap = 0;
}

/* Throughput of the loaded corpus with the templates of dir. */
static int bench(const char *dir, const char *what, double mb)
{
    size_t corpus = 0;
    for (size_t i = 0; i < ndocs; i++) corpus += docs[i].len;
    zs_error err;
    zs_lang *lang = zs_lang_load(dir, &err);
    if (!lang) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 6;
    }
    printf("corpus: %zu documents, %.2f MB of %s, analysed repeatedly up to %.0f MB\n", ndocs,
           (double)corpus / 1e6, what, mb);
    size_t bytes, n, tx;
    run(lang, corpus, true, &bytes, &n, &tx); /* warm up */
    size_t total = bytes; /* all text analysed, for instructions per byte */
    /* each figure is the median of five runs: this machine's clock rate
     * varies, a single run can be off by a third */
    const char *names[] = {"tag only", "tag + events + JSONL"};
    for (int k = 0; k < (tag_only_bench ? 1 : 2); k++) {
        double times[5];
        /* tag + events goes once over the corpus: closing the relations of
         * long articles is far slower than tagging */
        size_t volume = k == 0 ? (size_t)(mb * 1e6) : corpus;
        for (int r = 0; r < 5; r++) {
            times[r] = run(lang, volume, k == 0, &bytes, &n, &tx);
            total += bytes;
        }
        qsort(times, 5, sizeof *times, cmp_double);
        double s = times[2];
        printf("%-22s %8.2f MB/s %10.0f docs/s  (median of 5 runs of %.1f MB, %zu docs, %zu timexes; "
               "%.2f-%.2f MB/s)\n", names[k], (double)bytes / 1e6 / s, (double)n / s,
               (double)bytes / 1e6, n, tx, (double)bytes / 1e6 / times[4],
               (double)bytes / 1e6 / times[0]);
    }
    if (tag_only_bench) /* divides a profiler's count of zs_doc_new */
        printf("analysed in all        %zu bytes (warm-up and runs)\n", total);
    zs_lang_free(lang);
    return 0;
}

int main(int argc, char **argv)
{
    const char *corpora = argc > 1 ? argv[1] : "../shared/corpora";
    double mb = argc > 2 ? atof(argv[2]) : 20.0;
    const char *only = argc > 3 ? argv[3] : "all"; /* de, en or all */
    tag_only_bench = argc > 4 && strcmp(argv[4], "tag") == 0;
    int rc = 0;
    if (strcmp(only, "en") != 0) {
        load_dir(corpora, "krauts/KRAUTS_Dolomiten-100_raw-text", ".tml", true);
        load_dir(corpora, "krauts/KRAUTS_Dolomiten-42_raw-text", ".tml", true);
        load_dir(corpora, "wikiwarsde/in", ".sgm", false);
        rc = bench("templates/de", "German text (KRAUTS + WikiWarsDE)", mb);
        free_docs();
    }
    if (rc == 0 && strcmp(only, "de") != 0) {
        load_dir(corpora, "tempeval3/TBAQ-cleaned/TimeBank", ".tml", true);
        load_dir(corpora, "tempeval3/TBAQ-cleaned/AQUAINT", ".tml", true);
        rc = bench("templates/en", "English text (TempEval-3 TimeBank + AQUAINT)", mb);
        free_docs();
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak resident memory   %8.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    return rc;
}
