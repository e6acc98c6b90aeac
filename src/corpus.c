/* Corpus mode. The calling thread reads batches of lines into a ring,
 * analyses batches when the ring is full and writes finished batches in
 * input order; workers analyse batches as they come. Memory is the ring: a
 * few batches per thread, whatever the corpus size. */
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

/* ---- batches of documents ------------------------------------------------ */

/* One line of the input. */
typedef struct item {
    const char *file;
    unsigned long lineno;
    size_t off, len;         /* the line in its batch's lines */
    size_t out_off, out_len; /* its records in its batch's out */
    zs_error *err;           /* NULL, or why the line failed (reader or analysis) */
} item;

/* Consecutive lines, analysed by one thread at a time. With -j N > 1 the
 * first batches are small so that every thread has work at once; the later
 * ones hold BATCH_MAX bytes of input (or BATCH_ITEMS lines) so that the
 * threads meet once per batch, not once per document, and a thread sleeps
 * only at the start and the end of the input. With -j 1 a batch is a line. */
#define BATCH_MIN 4096
#define BATCH_MAX 16384
#define BATCH_ITEMS 512
#define RING_PER_JOB 4 /* batches in the ring per thread */

typedef struct batch {
    zs_buf lines;
    item *items;
    size_t n, cap;
    zs_buf out; /* the records of its documents, in order */
    bool done;
} batch;

/* The calling thread reads batches into a ring, analyses batches itself
 * when the ring is full, and writes finished batches in input order; jobs-1
 * workers analyse batches as they come. Memory is the ring: a few batches
 * per thread, whatever the corpus size. */
typedef struct run {
    const zs_corpus_opts *o;
    langset langs;     /* the caller's, and those documents ask for */
    bool auto_lang;    /* detect the language of documents without "lang" */
    pthread_mutex_t mu;
    pthread_cond_t work; /* a batch to analyse, or stop */
    pthread_cond_t done; /* a batch is done */
    batch *ring;
    size_t nring;
    /* batches next_write..next_read-1 are in the ring, of which
     * next_work..next_read-1 wait for a thread */
    unsigned long long next_read, next_work, next_write;
    int idle;          /* workers asleep on work */
    bool reader_waits; /* the calling thread sleeps on done */
    bool stop;
} run;

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

static void item_fail(item *it, const zs_error *err)
{
    it->err = zs_xmalloc(sizeof *it->err);
    *it->err = *err;
}

/* Appends the records of the document on line (it's) to out, or fails it. */
static void analyse(run *r, const char *line, item *it, zs_buf *out)
{
    zs_error err = {0};
    zs_jsonl_doc jd;
    if (zs_jsonl_parse_line(line, it->len, &jd, &err) != 0) {
        item_fail(it, &err);
        return;
    }
    zs_options opts = r->o->doc;
    if (jd.dct) opts.dct = jd.dct;
    const zs_lang *lang = jd.lang ? lang_get(&r->langs, jd.lang, &err)
                        : r->auto_lang ? r->o->langs[zs_lang_detect(r->o->langs, r->o->nlangs,
                                                                    jd.text, jd.text_len)]
                                       : r->o->langs[0];
    zs_doc *d = NULL;
    if (lang) {
        zs_buf name = {0};
        doc_name(&jd, &name);
        d = zs_doc_new(lang, name.data, jd.text, jd.text_len, &opts, &err);
        zs_buf_free(&name);
        if (d && jd.url) d->url = zs_xstrdup(jd.url);
    }
    zs_jsonl_doc_clear(&jd);
    if (!d) {
        item_fail(it, &err);
        return;
    }
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    zs_write_jsonl(g, out, &err);
    zs_graph_free(g);
    zs_doc_free(d);
}

static void analyse_batch(run *r, batch *b)
{
    zs_buf_reset(&b->out);
    for (size_t i = 0; i < b->n; i++) {
        item *it = &b->items[i];
        it->out_off = b->out.len;
        if (!it->err) analyse(r, b->lines.data + it->off, it, &b->out);
        it->out_len = b->out.len - it->out_off;
    }
}

static void *worker(void *arg)
{
    run *r = arg;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (r->next_work == r->next_read && !r->stop) {
            r->idle++;
            pthread_cond_wait(&r->work, &r->mu);
            r->idle--;
        }
        if (r->next_work == r->next_read) break; /* stopped, nothing left */
        batch *b = &r->ring[r->next_work++ % r->nring];
        pthread_mutex_unlock(&r->mu);
        analyse_batch(r, b);
        pthread_mutex_lock(&r->mu);
        b->done = true;
        if (r->reader_waits) pthread_cond_signal(&r->done);
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

/* Writes records to the streamed outputs. */
static int outputs_stream(outputs *out, const char *data, size_t len)
{
    for (int i = 0; i < out->n; i++) {
        sink *s = &out->v[i];
        if (s->f && fwrite(data, 1, len, s->f) != len) {
            fprintf(stderr, "zeitstrahl: %s: %s\n", s->path ? s->path : "<stdout>",
                    strerror(errno));
            return ZS_ERR_IO;
        }
    }
    return 0;
}

/* Adds the records of one document to the merge, if there is one. */
static int outputs_merge(outputs *out, const char *data, size_t len)
{
    if (!out->merge) return 0;
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

/* Writes the records of batch b (finished) in order and reports its bad
 * lines; consecutive documents go to the streamed outputs in one write. */
static void emit(const zs_corpus_opts *o, outputs *out, const batch *b, tally *t)
{
    size_t from = 0, to = 0; /* records not yet streamed */
    for (size_t i = 0; i < b->n && !t->rc; i++) {
        const item *it = &b->items[i];
        if (!it->err) {
            t->docs++;
            if (to == from) from = it->out_off;
            to = it->out_off + it->out_len;
            t->rc = outputs_merge(out, b->out.data + it->out_off, it->out_len);
            continue;
        }
        if (to > from) t->rc = outputs_stream(out, b->out.data + from, to - from);
        from = to;
        if (t->rc) break;
        if (!o->skip_bad || t->bad < REPORT_BAD)
            fprintf(stderr, "zeitstrahl: %s:%lu: %s\n", it->file, it->lineno, it->err->msg);
        t->bad++;
        if (!o->skip_bad) t->rc = it->err->code ? (int)it->err->code : ZS_ERR_INPUT;
    }
    if (!t->rc && to > from) t->rc = outputs_stream(out, b->out.data + from, to - from);
}

/* The input files, read line by line. */
typedef struct input {
    const char *const *files;
    int nfiles, next; /* the file to open next */
    FILE *f;          /* the file being read, or NULL */
    const char *label;
    zs_line_reader lr;
    unsigned long long bytes_done; /* of the files read to their end */
    bool more;        /* lines may follow */
} input;

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

static void input_close(input *in)
{
    in->bytes_done += in->lr.consumed;
    in->lr.consumed = 0;
    if (in->f != stdin) fclose(in->f);
    in->f = NULL;
}

static item *batch_add(batch *b, const char *file, unsigned long lineno)
{
    ZS_GROW(b->items, b->cap, b->n + 1);
    item *it = &b->items[b->n++];
    memset(it, 0, sizeof *it);
    it->file = file;
    it->lineno = lineno;
    it->off = b->lines.len;
    return it;
}

static void batch_clear(batch *b)
{
    for (size_t i = 0; i < b->n; i++) free(b->items[i].err);
    b->n = 0;
    zs_buf_reset(&b->lines);
}

/* Reads the next lines, about size bytes of them (fewer when the next
 * line is not read in yet), into b (emptied first).
 * Stops reading (in->more false) at the end of the input, at a read error
 * (reported, t->rc set) and after a bad line unless skip_bad. */
static void batch_read(input *in, batch *b, size_t size, bool skip_bad, tally *t)
{
    batch_clear(b);
    zs_error err = {0};
    while (in->more && b->lines.len < size && b->n < BATCH_ITEMS) {
        /* lines already read are not held back to wait for more input */
        if (b->n && in->f && in->lr.chunk_pos == in->lr.chunk_len) break;
        if (!in->f) {
            if (in->next == in->nfiles) {
                in->more = false;
                break;
            }
            if (!(in->f = open_input(in->files[in->next++], &in->label, &in->lr))) {
                t->rc = ZS_ERR_IO;
                in->more = false;
                break;
            }
        }
        int got = zs_line_read(&in->lr, &err);
        if (got == 0) {
            input_close(in);
            continue;
        }
        if (got < 0) {
            if (err.code == ZS_ERR_IO) {
                fprintf(stderr, "zeitstrahl: %s: %s\n", in->label, err.msg);
                t->rc = ZS_ERR_IO;
                in->more = false;
                break;
            }
            item_fail(batch_add(b, in->label, in->lr.lineno), &err); /* in order */
            if (!skip_bad) in->more = false;
            continue;
        }
        if (zs_jsonl_blank(in->lr.line.data, in->lr.line.len)) continue;
        item *it = batch_add(b, in->label, in->lr.lineno);
        it->len = in->lr.line.len;
        zs_buf_put(&b->lines, in->lr.line.data, in->lr.line.len);
    }
}

int zs_corpus_run(const zs_corpus_opts *o, const char *const *files, int nfiles)
{
    outputs out;
    int rc = outputs_open(&out, o, true);
    if (rc) return outputs_close(&out, rc);
    run r = {.o = o};
    pthread_mutex_init(&r.langs.mu, NULL);
    r.langs.base = o->template_base;
    for (size_t i = 0; i < o->nlangs; i++) {
        ZS_GROW(r.langs.v, r.langs.cap, r.langs.n + 1);
        lang_entry *e = &r.langs.v[r.langs.n++];
        memset(e, 0, sizeof *e);
        snprintf(e->code, sizeof e->code, "%s", zs_lang_code(o->langs[i]));
        e->lang = o->langs[i];
    }
    r.auto_lang = o->lang && strcmp(o->lang, "auto") == 0 && o->nlangs > 0;
    int jobs = o->jobs < 1 ? 1 : o->jobs;
    r.nring = jobs == 1 ? 1 : (size_t)jobs * RING_PER_JOB;
    r.ring = zs_xcalloc(r.nring, sizeof *r.ring);
    pthread_mutex_init(&r.mu, NULL);
    pthread_cond_init(&r.work, NULL);
    pthread_cond_init(&r.done, NULL);
    pthread_t *threads = zs_xcalloc((size_t)jobs, sizeof *threads);
    int nthreads = 0; /* besides this one */
    for (; nthreads < jobs - 1; nthreads++)
        if (pthread_create(&threads[nthreads], NULL, worker, &r) != 0) break;
    progress prog;
    progress_init(&prog, o->progress, files, nfiles);
    tally t = {0};
    input in = {.files = files, .nfiles = nfiles, .more = true};
    in.lr.max = o->max_line;
    pthread_mutex_lock(&r.mu);
    for (;;) {
        /* write what is finished, in order */
        while (r.next_write < r.next_read && r.ring[r.next_write % r.nring].done) {
            batch *b = &r.ring[r.next_write % r.nring];
            pthread_mutex_unlock(&r.mu);
            emit(o, &out, b, &t);
            pthread_mutex_lock(&r.mu);
            b->done = false;
            r.next_write++;
        }
        if (t.rc) { /* no more reading, and what no thread has begun is dropped */
            in.more = false;
            r.next_read = r.next_work;
        }
        if (in.more && r.next_read - r.next_write < r.nring) {
            batch *b = &r.ring[r.next_read % r.nring];
            size_t size = BATCH_MAX;
            if (nthreads == 0) size = 1; /* a line at a time */
            else if (r.next_read < 8 && BATCH_MIN << r.next_read < BATCH_MAX)
                size = BATCH_MIN << r.next_read;
            pthread_mutex_unlock(&r.mu);
            batch_read(&in, b, size, o->skip_bad, &t);
            progress_show(&prog, t.docs + t.bad, in.bytes_done + in.lr.consumed, false);
            pthread_mutex_lock(&r.mu);
            if (b->n && !t.rc) {
                r.next_read++;
                if (r.idle) pthread_cond_signal(&r.work);
            }
            continue;
        }
        if (r.next_work < r.next_read) { /* the ring is full (or all read): lend a hand */
            batch *b = &r.ring[r.next_work++ % r.nring];
            pthread_mutex_unlock(&r.mu);
            analyse_batch(&r, b);
            pthread_mutex_lock(&r.mu);
            b->done = true;
            continue;
        }
        if (r.next_write == r.next_read) break; /* all read and written */
        r.reader_waits = true;
        pthread_cond_wait(&r.done, &r.mu);
        r.reader_waits = false;
    }
    r.stop = true;
    pthread_cond_broadcast(&r.work);
    pthread_mutex_unlock(&r.mu);
    for (int i = 0; i < nthreads; i++) pthread_join(threads[i], NULL);
    free(threads);
    if (in.f) input_close(&in);
    progress_show(&prog, t.docs + t.bad, in.bytes_done, true);
    if (t.bad && o->skip_bad && !t.rc)
        fprintf(stderr, "zeitstrahl: %llu bad line%s skipped, %llu documents analysed\n", t.bad,
                t.bad == 1 ? "" : "s", t.docs);
    rc = outputs_close(&out, t.rc);
    zs_line_reader_free(&in.lr);
    for (size_t i = 0; i < r.nring; i++) {
        batch_clear(&r.ring[i]);
        free(r.ring[i].items);
        zs_buf_free(&r.ring[i].lines);
        zs_buf_free(&r.ring[i].out);
    }
    free(r.ring);
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
