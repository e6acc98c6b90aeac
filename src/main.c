/* zeitstrahl: the command-line client of the library. Options and I/O only. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "eval.h"
#include "util.h"
#include "zeitstrahl.h"

#ifndef ZS_TEMPLATE_DIR
#define ZS_TEMPLATE_DIR "/usr/local/share/zeitstrahl/templates"
#endif

static const char usage[] =
    "Usage: zeitstrahl [OPTIONS] [FILE...]\n"
    "       zeitstrahl eval [--errors] [--classes] [--links] [--pairs] [--system DIR|FILE | --narrative | --news] GOLD...\n"
    "       zeitstrahl merge [-o FILE]... [-f FORMAT] [--skip-bad] [OPTIONS] [FILE...]\n"
    "Finds the temporal expressions and events of news articles (stdin when no\n"
    "FILE) and writes their timeline.\n"
    "\n"
    "  --dct ISO          publication time, e.g. 2017-05-02 or 2017-05-02T21:06+02:00\n"
    "                     (default: the article's dateline in its first lines)\n"
    "  --lang CODE        language of the templates, or auto (the default): each\n"
    "                     FILE in the language of templates/*/ whose stop words\n"
    "                     it uses most (another one that reads its dateline\n"
    "                     where that one reads none)\n"
    "  --tz ZONE          IANA time zone of the articles (default: the language's)\n"
    "  --date-order ORDER numeric dates like 3/12/2015: mdy or dmy (default: the\n"
    "                     language's, mdy for en, dmy for de)\n"
    "  --narrative        the texts are narratives (history, biography): dates\n"
    "                     without a year follow the last date mentioned, not the\n"
    "                     publication time\n"
    "  --templates DIR    folder holding one template folder per language\n"
    "  --input FORMAT     the FILEs are 'text' (default), 'timeml' (TimeML with\n"
    "                     the DCT and the TEXT, as TempEval-3 input files) or\n"
    "                     'jsonl' (a corpus: one JSON document a line, fields\n"
    "                     id dct lang text url; JSONL records out, in order)\n"
    "  -j N               analyse a jsonl corpus on N threads (default 1)\n"
    "  --skip-bad         jsonl: report and count bad lines, go on\n"
    "  --lenient          replace invalid UTF-8 and NUL bytes with U+FFFD\n"
    "                     instead of stopping\n"
    "  --max-doc-size N   largest input file in bytes, or with k, M, G\n"
    "                     (default: 64M)\n"
    "  -o FILE            write FILE; the format follows the extension: .ics\n"
    "                     .svg .png .pdf .dot .html .csv .jsonl .txt .tml\n"
    "                     (repeatable)\n"
    "  -f FORMAT          write FORMAT to stdout (ics svg png pdf dot html csv\n"
    "                     jsonl text timeml); timeml writes one FILE back with\n"
    "                     TIMEX3 tags\n"
    "  --calendar-name NAME  the feed's name (default: zeitstrahl)\n"
    "  --feed-url URL     where the feed is published (SOURCE and URL)\n"
    "  --refresh DURATION how often feed readers reload it (default: P1D)\n"
    "  --min-precision G  leave events coarser than G out of the feed: year,\n"
    "                     quarter, month, week, day, hour, minute\n"
    "  --previous FEED    the feed written before (may be the -o file itself):\n"
    "                     its UIDs keep their SEQUENCE, raised where a time\n"
    "                     changed; its events of other articles stay\n"
    "  --layout L         diagrams: compact (default) or swimlanes (a row per\n"
    "                     participant)\n"
    "  --check-templates  run the examples of the language's rule files and exit\n"
    "  -h, --help         show this help\n"
    "  --version          show the version\n"
    "\n"
    "Without -o or -f a readable table is written to stdout.\n"
    "\n"
    "eval scores zeitstrahl (or, with --system, another tagger's TimeML) against\n"
    "annotated TimeML or TIMEX2 files or folders with the TempEval-3 task A\n"
    "measures; --narrative and --news set the genre of the GOLD paths after it.\n"
    "\n"
    "merge reduces JSONL records (of --input jsonl runs over shards of a corpus)\n"
    "to one timeline, the same whatever the order of its inputs (default -f jsonl).\n"
    "Exit codes: 0 ok, 2 usage, 3 file i/o, 4 bad input, 5 no or bad publication\n"
    "time, 6 template error, 7 internal error.\n";

static int fail(const zs_error *err)
{
    fprintf(stderr, "zeitstrahl: %s\n", err->msg);
    return err->code ? (int)err->code : 1;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder holding per-language template folders. */
static void template_base(const char *opt, char *out, size_t n)
{
    if (opt) {
        snprintf(out, n, "%s", opt);
        return;
    }
    const char *env = getenv("ZEITSTRAHL_TEMPLATES");
    if (env && *env) {
        snprintf(out, n, "%s", env);
        return;
    }
    char exe[PATH_MAX - 64];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(out, n, "%s/templates", exe);
            if (is_dir(out)) return;
            snprintf(out, n, "%s/../share/zeitstrahl/templates", exe);
            if (is_dir(out)) return;
        }
    }
    snprintf(out, n, "%s", ZS_TEMPLATE_DIR);
}

/* Reads f up to max + 1 bytes (more is an error the caller reports). */
static char *read_stream(FILE *f, size_t *len, size_t max)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && n <= max && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap && n <= max) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (buf && ferror(f)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static char *read_input(const char *path, size_t *len, size_t max, zs_error *err)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(err->msg, sizeof err->msg, "%s: %s", path, strerror(errno));
        err->code = ZS_ERR_IO;
        return NULL;
    }
    struct stat st;
    if (f != stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        snprintf(err->msg, sizeof err->msg, "%s: is a directory", path);
        err->code = ZS_ERR_IO;
        return NULL;
    }
    char *text = read_stream(f, len, max);
    int e = errno;
    if (f != stdin) fclose(f);
    if (!text) {
        snprintf(err->msg, sizeof err->msg, "%s: %s", path, strerror(e));
        err->code = ZS_ERR_IO;
    } else if (*len > max) {
        snprintf(err->msg, sizeof err->msg,
                 "%s: document larger than the limit of %zu bytes (--max-doc-size)",
                 strcmp(path, "-") == 0 ? "<stdin>" : path, max);
        err->code = ZS_ERR_INPUT;
        free(text);
        text = NULL;
    }
    return text;
}

/* The languages to read with: the one folder base/code, or with code
 * "auto" every folder of base (in name order) holding a language. Returns
 * the number loaded (> 0) into *out (free with free_langs), or 0 with err
 * filled. */
static size_t load_langs(const char *base, const char *code, zs_lang ***out, zs_error *err)
{
    char dir[PATH_MAX + 64];
    *out = NULL;
    if (strcmp(code, "auto") != 0) {
        if (strchr(code, '/') || strstr(code, "..")) {
            snprintf(err->msg, sizeof err->msg, "bad language code '%s'", code);
            err->code = ZS_ERR_USAGE;
            return 0;
        }
        snprintf(dir, sizeof dir, "%s/%s", base, code);
        zs_lang *l = zs_lang_load(dir, err);
        if (!l) return 0;
        *out = malloc(sizeof **out);
        (*out)[0] = l;
        return 1;
    }
    struct dirent **names;
    int nn = scandir(base, &names, NULL, alphasort);
    if (nn < 0) {
        snprintf(err->msg, sizeof err->msg, "%s: cannot open: %s", base, strerror(errno));
        err->code = ZS_ERR_TEMPLATE;
        return 0;
    }
    size_t n = 0;
    zs_lang **langs = calloc((size_t)nn + 1, sizeof *langs);
    char **dirs = calloc((size_t)nn + 1, sizeof *dirs);
    for (int i = 0; i < nn; i++) {
        snprintf(dir, sizeof dir, "%s/%s", base, names[i]->d_name);
        if (names[i]->d_name[0] != '.' && is_dir(dir)) dirs[n++] = strdup(dir);
        free(names[i]);
    }
    free(names);
    /* the languages load side by side */
    bool ok = zs_langs_load((const char *const *)dirs, n, langs, err) == 0;
    for (size_t i = 0; i < n; i++) free(dirs[i]);
    free(dirs);
    if (!ok) n = 0;
    if (ok && n == 0) {
        snprintf(err->msg, sizeof err->msg, "%s: no language folder", base);
        err->code = ZS_ERR_TEMPLATE;
    }
    if (!ok || n == 0) {
        for (size_t i = 0; i < n; i++) zs_lang_free(langs[i]);
        free(langs);
        return 0;
    }
    *out = langs;
    return n;
}

static void free_langs(zs_lang **langs, size_t n)
{
    for (size_t i = 0; i < n; i++) zs_lang_free(langs[i]);
    free(langs);
}

enum { OPT_DCT = 256, OPT_LANG, OPT_TZ, OPT_TEMPLATES, OPT_CHECK, OPT_VERSION, OPT_NARRATIVE,
       OPT_INPUT, OPT_DATE_ORDER, OPT_SKIP_BAD, OPT_CALNAME, OPT_FEEDURL, OPT_REFRESH,
       OPT_MINPREC, OPT_PREVIOUS, OPT_LAYOUT, OPT_LENIENT,
       OPT_MAX_SIZE };

/* zeitstrahl eval ...: every language, picked per file, unless
 * --templates/--lang say otherwise (both must come right after "eval"). */
static int eval_command(int argc, char **argv)
{
    const char *templates = NULL, *lang_code = "auto";
    int i = 1;
    for (; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--templates") == 0) templates = argv[i + 1];
        else if (strcmp(argv[i], "--lang") == 0) lang_code = argv[i + 1];
        else break;
    }
    char base[PATH_MAX];
    template_base(templates, base, sizeof base);
    zs_error err = {0};
    zs_lang **langs;
    size_t nlangs = load_langs(base, lang_code, &langs, &err);
    if (!nlangs) return fail(&err);
    argv[i - 1] = argv[0]; /* "eval" stays argv[0] of the subcommand */
    int rc = zs_eval_main(argc - (i - 1), argv + (i - 1), (const zs_lang *const *)langs, nlangs);
    free_langs(langs, nlangs);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "eval") == 0) return eval_command(argc - 1, argv + 1);
    zs_write_guard_signals();
    /* zeitstrahl merge [OPTIONS] [FILE...]: the options of the outputs apply */
    bool merge = argc > 1 && strcmp(argv[1], "merge") == 0;
    if (merge) argc--, argv++;
    static const struct option longopts[] = {
        {"dct", required_argument, NULL, OPT_DCT},
        {"lang", required_argument, NULL, OPT_LANG},
        {"tz", required_argument, NULL, OPT_TZ},
        {"date-order", required_argument, NULL, OPT_DATE_ORDER},
        {"narrative", no_argument, NULL, OPT_NARRATIVE},
        {"templates", required_argument, NULL, OPT_TEMPLATES},
        {"input", required_argument, NULL, OPT_INPUT},
        {"skip-bad", no_argument, NULL, OPT_SKIP_BAD},
        {"check-templates", no_argument, NULL, OPT_CHECK},
        {"calendar-name", required_argument, NULL, OPT_CALNAME},
        {"feed-url", required_argument, NULL, OPT_FEEDURL},
        {"refresh", required_argument, NULL, OPT_REFRESH},
        {"min-precision", required_argument, NULL, OPT_MINPREC},
        {"previous", required_argument, NULL, OPT_PREVIOUS},
        {"layout", required_argument, NULL, OPT_LAYOUT},
        {"lenient", no_argument, NULL, OPT_LENIENT},
        {"max-doc-size", required_argument, NULL, OPT_MAX_SIZE},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0}};
    const char *lang_code = "auto", *templates = NULL, *format = NULL;
    zs_options opts = {0};
    zs_write_options wopts = {.notes = stderr};
    const char **outputs = calloc((size_t)argc, sizeof *outputs);
    int noutputs = 0;
    bool check = false, timeml_input = false, jsonl_input = false, skip_bad = false;
    long jobs = 1;
    int c;
    while ((c = getopt_long(argc, argv, "o:f:j:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DCT: opts.dct = optarg; break;
        case OPT_LANG: lang_code = optarg; break;
        case OPT_TZ: opts.tz = optarg; break;
        case OPT_DATE_ORDER:
            if (strcmp(optarg, "mdy") != 0 && strcmp(optarg, "dmy") != 0) {
                fprintf(stderr, "zeitstrahl: unknown date order '%s' (mdy, dmy)\n", optarg);
                free(outputs);
                return ZS_ERR_USAGE;
            }
            opts.date_order = strcmp(optarg, "mdy") == 0 ? ZS_ORDER_MDY : ZS_ORDER_DMY;
            break;
        case OPT_NARRATIVE: opts.narrative = 1; break;
        case OPT_TEMPLATES: templates = optarg; break;
        case OPT_INPUT:
            if (strcmp(optarg, "timeml") != 0 && strcmp(optarg, "text") != 0 &&
                strcmp(optarg, "jsonl") != 0) {
                fprintf(stderr, "zeitstrahl: unknown input format '%s' (text, timeml, jsonl)\n",
                        optarg);
                free(outputs);
                return ZS_ERR_USAGE;
            }
            timeml_input = strcmp(optarg, "timeml") == 0;
            jsonl_input = strcmp(optarg, "jsonl") == 0;
            break;
        case 'j': {
            char *end;
            jobs = strtol(optarg, &end, 10);
            if (*end || jobs < 1 || jobs > 256) {
                fprintf(stderr, "zeitstrahl: -j wants a number of threads from 1 to 256\n");
                free(outputs);
                return ZS_ERR_USAGE;
            }
            break;
        }
        case OPT_SKIP_BAD: skip_bad = true; break;
        case OPT_CHECK: check = true; break;
        case OPT_CALNAME: wopts.calendar_name = optarg; break;
        case OPT_FEEDURL: wopts.feed_url = optarg; break;
        case OPT_REFRESH: wopts.refresh = optarg; break;
        case OPT_MINPREC: wopts.min_precision = optarg; break;
        case OPT_PREVIOUS: wopts.previous = optarg; break;
        case OPT_LAYOUT: wopts.layout = optarg; break;
        case OPT_LENIENT: opts.lenient = 1; break;
        case OPT_MAX_SIZE:
            if (!zs_parse_size(optarg, UINT32_MAX / 2, &opts.max_size) || opts.max_size == 0) {
                fprintf(stderr, "zeitstrahl: bad --max-doc-size '%s' (bytes, or with k, M, G; at most 2G)\n",
                        optarg);
                free(outputs);
                return ZS_ERR_USAGE;
            }
            break;
        case 'o': outputs[noutputs++] = optarg; break;
        case 'f': format = optarg; break;
        case 'h': fputs(usage, stdout); free(outputs); return 0;
        case OPT_VERSION: printf("zeitstrahl %s\n", ZS_VERSION); free(outputs); return 0;
        default:
            fputs("Try 'zeitstrahl --help'.\n", stderr);
            free(outputs);
            return ZS_ERR_USAGE;
        }
    }
    zs_error err = {0};
    /* every format is checked before anything is read or written */
    bool timeml_out = false;
    for (int i = 0; i <= noutputs; i++) {
        const char *f = i < noutputs ? zs_format_check(outputs[i], NULL, &err)
                                     : format ? zs_format_check(NULL, format, &err) : "text";
        if (!f) {
            free(outputs);
            return fail(&err);
        }
        timeml_out |= strcmp(f, "timeml") == 0;
    }
    if (zs_write_options_check(&wopts, &err) != 0) {
        free(outputs);
        return fail(&err);
    }
    if (timeml_out && argc - optind > 1) {
        fprintf(stderr, "zeitstrahl: TimeML output holds one document: give one input file\n");
        free(outputs);
        return ZS_ERR_USAGE;
    }
    char base[PATH_MAX];
    template_base(templates, base, sizeof base);
    zs_lang **langs;
    size_t nlangs = load_langs(base, lang_code, &langs, &err);
    if (!nlangs) {
        free(outputs);
        return fail(&err);
    }
    if ((jsonl_input || merge) && !check) {
        zs_corpus_opts co = {.template_base = base, .lang = lang_code,
                             .langs = (const zs_lang *const *)langs, .nlangs = nlangs,
                             .doc = opts, .jobs = (int)jobs, .skip_bad = skip_bad,
                             .progress = -1, .outputs = outputs, .noutputs = noutputs,
                             .format = format, .write = &wopts,
                             /* a line holds a document escaped: at most 6 bytes a byte */
                             .max_line = 6 * (opts.max_size ? opts.max_size : ZS_MAX_DOC_SIZE) + 65536};
        const char *stdin_only[] = {"-"};
        const char *const *files = optind < argc ? (const char *const *)argv + optind : stdin_only;
        int nfiles = optind < argc ? argc - optind : 1;
        int rc = merge ? zs_merge_run(&co, files, nfiles) : zs_corpus_run(&co, files, nfiles);
        free_langs(langs, nlangs);
        free(outputs);
        return rc;
    }
    if (check) {
        int passed = 0, failed = 0;
        for (size_t i = 0; i < nlangs; i++) zs_lang_selftest(langs[i], stdout, 0, &passed, &failed);
        printf("%d passed, %d failed\n", passed, failed);
        free_langs(langs, nlangs);
        free(outputs);
        return failed ? 1 : 0;
    }

    int nfiles = argc - optind;
    const char *stdin_only[] = {"-"};
    const char **files = nfiles ? (const char **)argv + optind : stdin_only;
    if (!nfiles) nfiles = 1;
    zs_doc **docs = calloc((size_t)nfiles, sizeof *docs);
    zs_graph *g = zs_graph_new();
    int rc = 0;
    for (int i = 0; i < nfiles && rc == 0; i++) {
        size_t len;
        char *text = read_input(files[i], &len, opts.max_size ? opts.max_size : ZS_MAX_DOC_SIZE, &err);
        if (!text) {
            rc = fail(&err);
            break;
        }
        const char *name = strcmp(files[i], "-") == 0 ? "<stdin>" : files[i];
        size_t li = zs_lang_detect((const zs_lang *const *)langs, nlangs, text, len);
        docs[i] = timeml_input ? zs_doc_from_timeml(langs[li], name, text, len, &opts, &err)
                               : zs_doc_new(langs[li], name, text, len, &opts, &err);
        /* a few words tell the language poorly ("Stocks fell on Monday."):
           where the one found reads no dateline, the first other one
           that reads it is taken */
        for (size_t l = 0; !docs[i] && !timeml_input && err.code == ZS_ERR_DCT && l < nlangs; l++) {
            if (l == li) continue;
            zs_error other = {0};
            docs[i] = zs_doc_new(langs[l], name, text, len, &opts, &other);
        }
        free(text);
        if (!docs[i]) {
            rc = fail(&err);
            break;
        }
        zs_graph_add(g, docs[i]);
        size_t nc = zs_doc_contradiction_count(docs[i]);
        if (nc)
            fprintf(stderr, "zeitstrahl: %s: %zu contradictory temporal relation%s (JSONL kind \"contradiction\")\n",
                    name, nc, nc == 1 ? "" : "s");
    }
    if (rc == 0) {
        zs_graph_finish(g);
        for (int i = 0; i < noutputs && rc == 0; i++)
            if (zs_write_file_with(g, outputs[i], NULL, &wopts, &err) != 0) rc = fail(&err);
        if (rc == 0 && (format || noutputs == 0))
            if (zs_write_with(g, format ? format : "text", &wopts, stdout, &err) != 0)
                rc = fail(&err);
    }
    zs_graph_free(g);
    for (int i = 0; i < nfiles; i++) zs_doc_free(docs[i]);
    free(docs);
    free_langs(langs, nlangs);
    free(outputs);
    return rc;
}
