/* Corpus mode. The calling thread reads lines into a ring of slots and
 * writes finished slots in input order; workers analyse slots as they come.
 * Memory is the ring: a few documents per worker, whatever the corpus size. */
#include "corpus.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "doc.h"
#include "jsonl.h"
#include "merge.h"
#include "tvalue.h"
#include "writers.h"

/* Bad lines reported one by one before only counting them. */
#define REPORT_BAD 10

/* ---- languages, loaded on first use and then shared read-only ---------- */

typedef struct lang_entry {
    char code[16];
    const zs_lang *lang; /* NULL: loading failed with err */
    bool owned;
    zs_error err;
} lang_entry;

typedef struct langset {
    pthread_mutex_t mu;
    const char *base;
    lang_entry *v;
    size_t n, cap;
} langset;

static const zs_lang *lang_get(langset *ls, const char *code, zs_error *err)
{
    if (!*code || strlen(code) >= sizeof ls->v->code || strchr(code, '/') || code[0] == '.') {
        zs_set_error(err, ZS_ERR_INPUT, "bad language code '%s'", code);
        return NULL;
    }
    pthread_mutex_lock(&ls->mu);
    lang_entry *e = NULL;
    for (size_t i = 0; i < ls->n && !e; i++)
        if (strcmp(ls->v[i].code, code) == 0) e = &ls->v[i];
    if (!e) {
        ZS_GROW(ls->v, ls->cap, ls->n + 1);
        e = &ls->v[ls->n++];
        memset(e, 0, sizeof *e);
        snprintf(e->code, sizeof e->code, "%s", code);
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s/%s", ls->base, code);
        e->lang = zs_lang_load(dir, &e->err);
        e->owned = true;
    }
    const zs_lang *lang = e->lang;
    if (!lang && err) *err = e->err;
    pthread_mutex_unlock(&ls->mu);
    return lang;
}

static void langset_free(langset *ls)
{
    for (size_t i = 0; i < ls->n; i++)
        if (ls->v[i].owned) zs_lang_free((zs_lang *)ls->v[i].lang);
    free(ls->v);
    pthread_mutex_destroy(&ls->mu);
}

/* ---- one document ------------------------------------------------------- */

typedef struct slot {
    unsigned long long seq; /* its line's place in the input */
    zs_buf line;
    const char *file;
    unsigned long lineno;
    zs_buf out;    /* its JSONL records */
    zs_error err;  /* when failed */
    bool failed;
    bool done;
} slot;

typedef struct run {
    const zs_corpus_opts *o;
    langset langs;     /* the caller's, and those documents ask for */
    bool auto_lang;    /* detect the language of documents without "lang" */
    /* the ring */
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    slot *slots;
    size_t nslots;
    unsigned long long next_read, next_work, next_write;
    /* the writer sleeps until the slot it waits for is done (NO_WAIT:
     * it does not wait): a batch of slots ahead, so that it wakes once
     * per batch rather than once per document */
    unsigned long long wait_for;
    size_t batch;
    bool stop;
} run;

#define NO_WAIT (~0ull)

/* The name of a document: its id, else its url, else a hash of its text, so
 * that the same document gets the same name in any shard of a corpus. */
static void doc_name(const zs_jsonl_doc *jd, zs_buf *name)
{
    zs_buf_reset(name);
    if (jd->id) zs_buf_puts(name, jd->id);
    else if (jd->url) zs_buf_puts(name, jd->url);
    else
        zs_buf_printf(name, "text:%016llx",
                      (unsigned long long)zs_hash64(jd->text, jd->text_len, ZS_HASH64_INIT));
}

static void analyse(run *r, slot *s)
{
    s->failed = false;
    zs_buf_reset(&s->out);
    zs_jsonl_doc jd;
    if (zs_jsonl_parse_line(s->line.data, s->line.len, &jd, &s->err) != 0) {
        s->failed = true;
        return;
    }
    zs_options opts = r->o->doc;
    if (jd.dct) opts.dct = jd.dct;
    const zs_lang *lang = jd.lang ? lang_get(&r->langs, jd.lang, &s->err)
                        : r->auto_lang ? r->o->langs[zs_lang_detect(r->o->langs, r->o->nlangs,
                                                                    jd.text, jd.text_len)]
                                       : r->o->langs[0];
    zs_doc *d = NULL;
    if (lang) {
        zs_buf name = {0};
        doc_name(&jd, &name);
        d = zs_doc_new(lang, name.data, jd.text, jd.text_len, &opts, &s->err);
        zs_buf_free(&name);
        if (d && jd.url) d->url = zs_xstrdup(jd.url);
    }
    zs_jsonl_doc_clear(&jd);
    if (!d) {
        s->failed = true;
        return;
    }
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    zs_write_jsonl(g, &s->out, &s->err);
    zs_graph_free(g);
    zs_doc_free(d);
}

static void *worker(void *arg)
{
    run *r = arg;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (r->next_work == r->next_read && !r->stop) pthread_cond_wait(&r->work, &r->mu);
        if (r->next_work == r->next_read) break; /* stopped, nothing left */
        slot *s = &r->slots[r->next_work++ % r->nslots];
        pthread_mutex_unlock(&r->mu);
        analyse(r, s);
        pthread_mutex_lock(&r->mu);
        s->done = true;
        if (s->seq == r->wait_for) pthread_cond_signal(&r->done);
    }
    pthread_mutex_unlock(&r->mu);
    zs_tz_cache_free(); /* this thread's ICU calendar */
    zs_json_thread_free();
    return NULL;
}

/* ---- outputs -------------------------------------------------------------- */

typedef struct sink {
    const char *path; /* NULL: stdout */
    const char *format;
    char *tmp;        /* temporary file of a streamed output */
    FILE *f;
} sink;

typedef struct outputs {
    sink *v;
    int n;
    bool stream_any, graph_any; /* some output streams JSONL / needs the graph */
    zs_merge *merge;
    const zs_write_options *write;
} outputs;

static int outputs_open(outputs *out, const zs_corpus_opts *o, bool stream_jsonl)
{
    memset(out, 0, sizeof *out);
    out->write = o->write;
    out->v = zs_xcalloc((size_t)o->noutputs + 1, sizeof *out->v);
    zs_error err = {0};
    for (int i = 0; i <= o->noutputs; i++) {
        if (i == o->noutputs && !o->format && o->noutputs) break;
        sink *s = &out->v[out->n++];
        s->path = i < o->noutputs ? o->outputs[i] : NULL;
        s->format = s->path ? zs_format_check(s->path, NULL, &err)
                            : zs_format_check(NULL, o->format ? o->format : "jsonl", &err);
        if (!s->format) {
            fprintf(stderr, "zeitstrahl: %s\n", err.msg);
            return err.code;
        }
        if (strcmp(s->format, "timeml") == 0) {
            fprintf(stderr, "zeitstrahl: TimeML output holds one document with its text; "
                            "corpus mode and merge do not write it\n");
            return ZS_ERR_USAGE;
        }
        bool stream = stream_jsonl && strcmp(s->format, "jsonl") == 0;
        out->stream_any |= stream;
        out->graph_any |= !stream;
        if (!stream) continue;
        if (!s->path) {
            s->f = stdout;
            continue;
        }
        size_t n = strlen(s->path) + 16;
        s->tmp = zs_xmalloc(n);
        snprintf(s->tmp, n, "%s.tmpXXXXXX", s->path);
        int fd = mkstemp(s->tmp);
        if (fd < 0 || !(s->f = fdopen(fd, "wb"))) {
            fprintf(stderr, "zeitstrahl: %s: %s\n", s->path, strerror(errno));
            if (fd >= 0) {
                close(fd);
                unlink(s->tmp);
            }
            free(s->tmp);
            s->tmp = NULL;
            return ZS_ERR_IO;
        }
    }
    if (out->graph_any) {
        out->merge = zs_merge_new();
        zs_merge_set_langs(out->merge, o->langs, o->nlangs);
    }
    return 0;
}

/* Writes a slot's records to the streamed outputs and the merge. */
static int outputs_put(outputs *out, const char *data, size_t len)
{
    for (int i = 0; i < out->n; i++) {
        sink *s = &out->v[i];
        if (s->f && fwrite(data, 1, len, s->f) != len) {
            fprintf(stderr, "zeitstrahl: %s: %s\n", s->path ? s->path : "<stdout>",
                    strerror(errno));
            return ZS_ERR_IO;
        }
    }
    if (out->merge) {
        const char *p = data, *end = data + len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            zs_error err;
            if (zs_merge_add_line(out->merge, p, n, "<records>", 0, &err) != 0) {
                fprintf(stderr, "zeitstrahl: internal error: %s\n", err.msg);
                return ZS_ERR_INTERNAL;
            }
            p += n + 1;
        }
        zs_merge_end_stream(out->merge);
    }
    return 0;
}

/* Completes the outputs (rc 0) or removes what was begun (rc != 0). */
static int outputs_close(outputs *out, int rc)
{
    zs_error err = {0};
    if (rc == 0 && out->merge) {
        const zs_graph *g = zs_merge_finish(out->merge);
        for (int i = 0; i < out->n && rc == 0; i++) {
            sink *s = &out->v[i];
            if (s->f) continue;
            int w = s->path ? zs_write_file_with(g, s->path, s->format, out->write, &err)
                            : zs_write_with(g, s->format, out->write, stdout, &err);
            if (w != 0) {
                fprintf(stderr, "zeitstrahl: %s\n", err.msg);
                rc = err.code;
            }
        }
    }
    for (int i = 0; i < out->n; i++) {
        sink *s = &out->v[i];
        if (!s->f) continue;
        if (!s->tmp) {
            if (fflush(s->f) != 0 && rc == 0) {
                fprintf(stderr, "zeitstrahl: <stdout>: %s\n", strerror(errno));
                rc = ZS_ERR_IO;
            }
            continue;
        }
        bool ok = rc == 0 && fflush(s->f) == 0 && fsync(fileno(s->f)) == 0;
        ok = fclose(s->f) == 0 && ok;
        if (ok) {
            mode_t mask = umask(0);
            umask(mask);
            chmod(s->tmp, 0666 & ~mask);
            ok = rename(s->tmp, s->path) == 0;
        }
        if (!ok) {
            if (rc == 0) {
                fprintf(stderr, "zeitstrahl: %s: %s\n", s->path, strerror(errno));
                rc = ZS_ERR_IO;
            }
            unlink(s->tmp);
        }
        free(s->tmp);
    }
    free(out->v);
    zs_merge_free(out->merge);
    return rc;
}

/* ---- progress ------------------------------------------------------------- */

typedef struct progress {
    bool on;
    double start, last;
    unsigned long long total; /* bytes of the input files, 0 if unknown */
} progress;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress_init(progress *p, int mode, const char *const *files, int nfiles)
{
    memset(p, 0, sizeof *p);
    p->on = mode > 0 || (mode < 0 && isatty(STDERR_FILENO));
    p->start = p->last = now();
    for (int i = 0; i < nfiles; i++) {
        struct stat st;
        bool in = strcmp(files[i], "-") == 0;
        if ((in ? fstat(STDIN_FILENO, &st) : stat(files[i], &st)) != 0 || !S_ISREG(st.st_mode)) {
            p->total = 0;
            return;
        }
        p->total += (unsigned long long)st.st_size;
    }
}

static void progress_show(progress *p, unsigned long long docs, unsigned long long bytes,
                          bool final)
{
    if (!p->on) return;
    double t = now();
    if (!final && t - p->last < 0.5) return;
    p->last = t;
    double secs = t - p->start, mb = bytes / 1e6, rate = secs > 0 ? mb / secs : 0;
    char eta[32] = "";
    if (p->total && rate > 0 && bytes <= p->total && !final) {
        long s = (long)((p->total - bytes) / 1e6 / rate + 0.5);
        snprintf(eta, sizeof eta, ", ETA %ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    }
    fprintf(stderr, "\r%llu documents, %.1f MB, %.1f MB/s%s\033[K%s", docs, mb, rate, eta,
            final ? "\n" : "");
}

/* ---- the corpus run ------------------------------------------------------ */

typedef struct tally {
    unsigned long long docs, bad;
    int rc;
} tally;

/* Writes slot s (finished) or reports its error. */
static void emit(const zs_corpus_opts *o, outputs *out, slot *s, tally *t)
{
    if (t->rc) return;
    if (s->failed) {
        if (!o->skip_bad || t->bad < REPORT_BAD)
            fprintf(stderr, "zeitstrahl: %s:%lu: %s\n", s->file, s->lineno, s->err.msg);
        t->bad++;
        if (!o->skip_bad) t->rc = s->err.code ? (int)s->err.code : ZS_ERR_INPUT;
        return;
    }
    t->docs++;
    t->rc = outputs_put(out, s->out.data, s->out.len);
}

/* Writes the slots finished in order; with wait, blocks until the next
 * one in order is done, and then until the batch after it is (or the
 * last slot read). Called with r->mu held. */
static void drain(run *r, outputs *out, tally *t, bool wait)
{
    while (r->next_write < r->next_read) {
        slot *s = &r->slots[r->next_write % r->nslots];
        if (!s->done) {
            if (!wait) return;
            /* the last slot of the batch not done yet (s itself at worst) */
            unsigned long long q = r->next_write + r->batch;
            if (q > r->next_read) q = r->next_read;
            while (r->slots[--q % r->nslots].done) {}
            slot *last = &r->slots[q % r->nslots];
            r->wait_for = q;
            while (!last->done) pthread_cond_wait(&r->done, &r->mu);
            r->wait_for = NO_WAIT;
            continue;
        }
        pthread_mutex_unlock(&r->mu);
        emit(r->o, out, s, t);
        pthread_mutex_lock(&r->mu);
        s->done = false;
        r->next_write++;
        wait = false;
    }
}

/* Opens path ("-": stdin) for lr, which starts counting lines afresh;
 * NULL after reporting the error. */
static FILE *open_input(const char *path, const char **label, zs_line_reader *lr)
{
    FILE *f = stdin;
    *label = "<stdin>";
    if (strcmp(path, "-") != 0) {
        *label = path;
        struct stat st;
        f = fopen(path, "rb");
        if (f && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
            fclose(f);
            f = NULL;
            errno = EISDIR;
        }
    }
    if (!f) {
        fprintf(stderr, "zeitstrahl: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    lr->f = f;
    lr->lineno = 0;
    lr->consumed = 0;
    lr->eof = 0;
    lr->chunk_pos = lr->chunk_len = 0;
    return f;
}

int zs_corpus_run(const zs_corpus_opts *o, const char *const *files, int nfiles)
{
    outputs out;
    int rc = outputs_open(&out, o, true);
    if (rc) return outputs_close(&out, rc);
    run r = {.o = o};
    pthread_mutex_init(&r.langs.mu, NULL);
    r.langs.base = o->template_base;
    zs_error err = {0};
    for (size_t i = 0; i < o->nlangs; i++) {
        ZS_GROW(r.langs.v, r.langs.cap, r.langs.n + 1);
        lang_entry *e = &r.langs.v[r.langs.n++];
        memset(e, 0, sizeof *e);
        snprintf(e->code, sizeof e->code, "%s", zs_lang_code(o->langs[i]));
        e->lang = o->langs[i];
    }
    r.auto_lang = o->lang && strcmp(o->lang, "auto") == 0 && o->nlangs > 0;
    int jobs = o->jobs < 1 ? 1 : o->jobs;
    r.nslots = jobs == 1 ? 1 : (size_t)jobs * 8;
    r.batch = r.nslots / 2 ? r.nslots / 2 : 1;
    r.wait_for = NO_WAIT;
    r.slots = zs_xcalloc(r.nslots, sizeof *r.slots);
    pthread_mutex_init(&r.mu, NULL);
    pthread_cond_init(&r.work, NULL);
    pthread_cond_init(&r.done, NULL);
    pthread_t *threads = zs_xcalloc((size_t)jobs, sizeof *threads);
    int nthreads = 0;
    if (jobs > 1)
        for (; nthreads < jobs; nthreads++)
            if (pthread_create(&threads[nthreads], NULL, worker, &r) != 0) break;
    progress prog;
    progress_init(&prog, o->progress, files, nfiles);
    tally t = {0};
    unsigned long long bytes_done = 0;
    zs_line_reader lr = {0};
    lr.max = o->max_line;
    for (int i = 0; i < nfiles && !t.rc; i++) {
        const char *label;
        FILE *f = open_input(files[i], &label, &lr);
        if (!f) {
            t.rc = ZS_ERR_IO;
            break;
        }
        for (;;) {
            int got = zs_line_read(&lr, &err);
            if (got == 0) break;
            if (got < 0) {
                slot bad = {.file = label, .lineno = lr.lineno, .err = err, .failed = true};
                if (err.code == ZS_ERR_IO) {
                    fprintf(stderr, "zeitstrahl: %s: %s\n", label, err.msg);
                    t.rc = ZS_ERR_IO;
                } else {
                    pthread_mutex_lock(&r.mu); /* in order: after the lines before it */
                    drain(&r, &out, &t, true);
                    while (r.next_write < r.next_read) drain(&r, &out, &t, true);
                    pthread_mutex_unlock(&r.mu);
                    emit(o, &out, &bad, &t);
                }
                if (t.rc || err.code == ZS_ERR_IO) break;
                continue;
            }
            if (zs_jsonl_blank(lr.line.data, lr.line.len)) continue;
            pthread_mutex_lock(&r.mu);
            while (r.next_read - r.next_write >= r.nslots && !t.rc) drain(&r, &out, &t, true);
            if (t.rc) {
                pthread_mutex_unlock(&r.mu);
                break;
            }
            slot *s = &r.slots[r.next_read % r.nslots];
            zs_buf tmp = s->line; /* the slot takes the line, the reader its old buffer */
            s->line = lr.line;
            lr.line = tmp;
            s->file = label;
            s->lineno = lr.lineno;
            s->seq = r.next_read;
            s->done = false;
            if (nthreads == 0) {
                r.next_read++;
                r.next_work++;
                pthread_mutex_unlock(&r.mu);
                analyse(&r, s);
                pthread_mutex_lock(&r.mu);
                s->done = true;
            } else {
                r.next_read++;
                pthread_cond_signal(&r.work);
            }
            drain(&r, &out, &t, false);
            pthread_mutex_unlock(&r.mu);
            progress_show(&prog, t.docs + t.bad, bytes_done + lr.consumed, false);
        }
        bytes_done += lr.consumed;
        if (f != stdin) fclose(f);
    }
    pthread_mutex_lock(&r.mu);
    while (r.next_write < r.next_read) drain(&r, &out, &t, true);
    r.stop = true;
    pthread_cond_broadcast(&r.work);
    pthread_mutex_unlock(&r.mu);
    for (int i = 0; i < nthreads; i++) pthread_join(threads[i], NULL);
    free(threads);
    progress_show(&prog, t.docs + t.bad, bytes_done, true);
    if (t.bad && o->skip_bad && !t.rc)
        fprintf(stderr, "zeitstrahl: %llu bad line%s skipped, %llu documents analysed\n", t.bad,
                t.bad == 1 ? "" : "s", t.docs);
    rc = outputs_close(&out, t.rc);
    zs_line_reader_free(&lr);
    for (size_t i = 0; i < r.nslots; i++) {
        zs_buf_free(&r.slots[i].line);
        zs_buf_free(&r.slots[i].out);
    }
    free(r.slots);
    pthread_mutex_destroy(&r.mu);
    pthread_cond_destroy(&r.work);
    pthread_cond_destroy(&r.done);
    langset_free(&r.langs);
    zs_json_thread_free();
    return rc;
}

/* ---- merge ---------------------------------------------------------------- */

int zs_merge_run(const zs_corpus_opts *o, const char *const *files, int nfiles)
{
    outputs out;
    int rc = outputs_open(&out, o, false);
    if (rc) return outputs_close(&out, rc);
    zs_line_reader lr = {0};
    lr.max = o->max_line;
    unsigned long long bad = 0;
    for (int i = 0; i < nfiles && !rc; i++) {
        const char *label;
        FILE *f = open_input(files[i], &label, &lr);
        if (!f) {
            rc = ZS_ERR_IO;
            break;
        }
        zs_error err = {0};
        int got;
        while ((got = zs_line_read(&lr, &err)) != 0) {
            if (got > 0 && zs_merge_add_line(out.merge, lr.line.data, lr.line.len, label,
                                             lr.lineno, &err) == 0)
                continue;
            /* the reader's messages lack the place, the merge's have it */
            if (err.code == ZS_ERR_IO)
                fprintf(stderr, "zeitstrahl: %s: %s\n", label, err.msg);
            else if (got < 0 && (!o->skip_bad || bad < REPORT_BAD))
                fprintf(stderr, "zeitstrahl: %s:%lu: %s\n", label, lr.lineno, err.msg);
            else if (!o->skip_bad || bad < REPORT_BAD)
                fprintf(stderr, "zeitstrahl: %s\n", err.msg);
            bad++;
            if (err.code == ZS_ERR_IO || !o->skip_bad) {
                rc = err.code ? (int)err.code : ZS_ERR_INPUT;
                break;
            }
        }
        zs_merge_end_stream(out.merge);
        if (f != stdin) fclose(f);
    }
    zs_line_reader_free(&lr);
    if (bad && o->skip_bad && !rc)
        fprintf(stderr, "zeitstrahl: %llu bad record%s skipped\n", bad, bad == 1 ? "" : "s");
    rc = outputs_close(&out, rc);
    zs_json_thread_free();
    return rc;
}
