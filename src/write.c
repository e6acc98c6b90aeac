/* Format dispatch and safe file output (temporary file, then rename). */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "closure.h"
#include "template.h"
#include "writers.h"

static const char *const formats[] = {"ics", "svg", "png", "pdf", "dot", "html", "csv",
                                      "jsonl", "text", "timeml", NULL};

const char *zs_format_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash)) return NULL;
    dot++;
    if (strcmp(dot, "txt") == 0) return "text";
    if (strcmp(dot, "json") == 0) return "jsonl";
    if (strcmp(dot, "tml") == 0) return "timeml";
    if (strcmp(dot, "htm") == 0) return "html";
    for (int i = 0; formats[i]; i++)
        if (strcmp(dot, formats[i]) == 0) return formats[i];
    return NULL;
}

const char *zs_format_check(const char *path, const char *format, zs_error *err)
{
    if (format) {
        for (int i = 0; formats[i]; i++)
            if (strcmp(format, formats[i]) == 0) return formats[i];
        zs_set_error(err, ZS_ERR_USAGE,
                     "unknown format '%s' (ics, svg, png, pdf, dot, html, csv, jsonl, text, timeml)", format);
        return NULL;
    }
    const char *f = path ? zs_format_from_path(path) : NULL;
    if (!f)
        zs_set_error(err, ZS_ERR_USAGE,
                     "%s: unknown output format (use .ics .svg .png .pdf .dot .html .csv .jsonl .txt .tml)",
                     path ? path : "");
    return f;
}

/* mkstemp creates 0600; outputs get the usual 0666 less the umask. */
static void fchmod_default(const char *path)
{
    mode_t mask = umask(0);
    umask(mask);
    chmod(path, 0666 & ~mask);
}

const char *zs_label(const zs_graph *g, const char *key, const char *fallback)
{
    const char *t = g->ndocs ? zs_lang_label(g->docs[0]->lang, key) : NULL;
    return t ? t : fallback;
}

const zs_timex *zs_event_bound(const zs_doc *d, const zs_event *e, zs_relkind *rel)
{
    if (e->has_interval) return NULL;
    for (size_t k = 0; k < d->nbase; k++) {
        const zs_tlink *l = &d->tlinks[k];
        if (strcmp(l->source, "closure") == 0) break; /* the implied ones follow the others */
        if ((l->rel != ZS_REL_BEFORE && l->rel != ZS_REL_AFTER && l->rel != ZS_REL_ENDED_BY) ||
            l->contradiction >= 0 ||
            strcmp(l->source, "anchor") != 0 || strcmp(l->from, e->id) != 0)
            continue;
        int n = zs_node_of(d, l->to);
        if (n < 1 || (size_t)n > d->ntimexes) continue;
        const zs_timex *x = &d->timexes[n - 1];
        if (!x->rv.has_interval || x->tv.ref != ZS_REF_NONE || x->rv.gran == ZS_GRAN_NONE) continue;
        *rel = l->rel;
        return x;
    }
    return NULL;
}

const char *zs_bound_word(zs_relkind rel)
{
    return rel == ZS_REL_BEFORE ? "before" : rel == ZS_REL_AFTER ? "after" : "until";
}

size_t zs_event_rep(const zs_doc *d, size_t j)
{
    size_t head = d->events[j].coref >= 0 ? (size_t)d->events[j].coref : j, best = head;
    bool found = false;
    for (size_t k = head; k < d->nevents; k++) {
        const zs_event *e = &d->events[k];
        if ((k != head && e->coref != (int)head) || !e->has_interval) continue;
        const zs_event *b = &d->events[best];
        bool finer = !found || e->gran > b->gran ||
                     (e->gran == b->gran && e->mod == ZS_MOD_NONE && b->mod != ZS_MOD_NONE);
        if (finer) best = k;
        found = true;
    }
    return best;
}

size_t zs_graph_shown(const zs_graph *g, size_t i)
{
    size_t x = i;
    for (int k = 0; k < 8; k++) { /* mentions, then reports: a fixed point */
        const zs_gnode *n = &g->events[x];
        size_t m = zs_event_rep(n->doc, n->index);
        size_t a = m == n->index || !g->slot_of
                       ? x : (size_t)(zs_graph_node_of(g, n->docno, m) - g->events);
        size_t b = g->slot_of ? g->events[a].rep : a;
        if (b == x) return x;
        x = b;
    }
    return x;
}

bool zs_graph_listed(const zs_graph *g, size_t i)
{
    return zs_graph_shown(g, i) == i && !zs_gnode_event(&g->events[i])->negated;
}

void zs_node_reports_init(zs_node_reports *r, const zs_graph *g)
{
    size_t n = g->nevents;
    size_t *root = zs_xmalloc((n ? n : 1) * sizeof *root);
    r->start = zs_xcalloc(n + 1, sizeof *r->start);
    r->idx = zs_xmalloc((n ? n : 1) * sizeof *r->idx);
    for (size_t j = 0; j < n; j++) root[j] = zs_graph_shown(g, j);
    for (size_t j = 0; j < n; j++) /* no fixed point: the event stands alone */
        if (root[root[j]] != root[j]) root[j] = j;
    for (size_t j = 0; j < n; j++) /* a negated event's node is no entry */
        if (zs_gnode_event(&g->events[root[j]])->negated) root[j] = SIZE_MAX;
    for (size_t j = 0; j < n; j++)
        if (root[j] != SIZE_MAX) r->start[root[j] + 1]++;
    for (size_t i = 0; i < n; i++) r->start[i + 1] += r->start[i];
    size_t *fill = zs_xmalloc((n ? n : 1) * sizeof *fill);
    memcpy(fill, r->start, n * sizeof *fill);
    for (size_t j = 0; j < n; j++)
        if (root[j] == j) r->idx[fill[j]++] = j;
    for (size_t j = 0; j < n; j++)
        if (root[j] != j && root[j] != SIZE_MAX) r->idx[fill[root[j]]++] = j;
    free(fill);
    free(root);
}

void zs_node_reports_free(zs_node_reports *r)
{
    free(r->start);
    free(r->idx);
    r->start = r->idx = NULL;
}

int zs_gran_from_name(const char *name)
{
    for (int gr = ZS_GRAN_CENTURY; gr <= ZS_GRAN_SECOND; gr++)
        if (strcmp(zs_gran_name((zs_gran)gr), name) == 0) return gr;
    return -1;
}

int zs_write_options_check(const zs_write_options *o, zs_error *err)
{
    if (!o) return 0;
    if (o->min_precision && zs_gran_from_name(o->min_precision) < 0) {
        zs_set_error(err, ZS_ERR_USAGE,
                     "unknown precision '%s' (year, quarter, month, week, day, hour, minute)",
                     o->min_precision);
        return -1;
    }
    if (o->layout && strcmp(o->layout, "compact") != 0 && strcmp(o->layout, "swimlanes") != 0) {
        zs_set_error(err, ZS_ERR_USAGE, "unknown layout '%s' (compact, swimlanes)", o->layout);
        return -1;
    }
    return zs_ics_check_options(o, err);
}

/* Whether g can be written with options o: finished, o valid. */
static int writable(const zs_graph *g, const zs_write_options *o, zs_error *err)
{
    if (!g->finished) {
        zs_set_error(err, ZS_ERR_INTERNAL, "graph written before zs_graph_finish");
        return -1;
    }
    return zs_write_options_check(o, err);
}

/* The output of g in format into out; JSONL goes to direct as it is made,
 * if direct is not NULL (then only a failed write fails it). */
static int render(const zs_graph *g, const char *format, const zs_write_options *o,
                  zs_buf *out, FILE *direct, zs_error *err)
{
    format = zs_format_check(NULL, format, err);
    if (!format || writable(g, o, err) != 0) return -1;
    static const zs_write_options none = {0};
    if (!o) o = &none;
    if (strcmp(format, "jsonl") == 0)
        return direct ? zs_write_jsonl_file(g, direct, err) : zs_write_jsonl(g, out, err);
    if (strcmp(format, "text") == 0) return zs_write_text(g, out, err);
    if (strcmp(format, "ics") == 0) return zs_write_ics(g, o, out, err);
    if (strcmp(format, "csv") == 0) return zs_write_csv(g, out, err);
    if (strcmp(format, "html") == 0) return zs_write_html(g, o, out, err);
    if (strcmp(format, "timeml") == 0) return zs_write_timeml(g, out, err);
    return zs_write_graphviz(g, format, o, out, err); /* dot, svg, png, pdf */
}

int zs_write(const zs_graph *g, const char *format, FILE *out, zs_error *err)
{
    return zs_write_with(g, format, NULL, out, err);
}

int zs_write_with(const zs_graph *g, const char *format, const zs_write_options *o,
                  FILE *out, zs_error *err)
{
    zs_buf b = {0};
    int rc = render(g, format, o, &b, out, err);
    /* an empty output (JSONL of an empty graph) has no buffer to pass */
    if (rc == 0 && ((b.len && fwrite(b.data, 1, b.len, out) != b.len) || fflush(out) != 0)) {
        zs_set_error(err, ZS_ERR_IO, "cannot write output: %s", strerror(errno));
        rc = -1;
    }
    zs_buf_free(&b);
    return rc;
}

/* The temporary file of the zs_write_file in progress, for the signal
 * handler: set after mkstemp and cleared after the rename, both with the
 * signals blocked, so a signal finds either no file or one to remove. */
static char pending[PATH_MAX + 16];
static volatile sig_atomic_t pending_set;

static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

static void on_signal(int sig)
{
    int e = errno;
    if (pending_set) unlink(pending); /* async-signal-safe */
    pending_set = 0;
    signal(sig, SIG_DFL);
    errno = e;
    raise(sig); /* dies of sig once the handler returns */
}

void zs_write_guard_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGINT);
    sigaddset(&sa.sa_mask, SIGTERM);
    sigaddset(&sa.sa_mask, SIGHUP);
    int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old;
        /* a signal the caller's parent ignores (nohup, &) stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        sigaction(sigs[i], &sa, NULL);
    }
    signal(SIGXFSZ, SIG_IGN);
}

/* ZEITSTRAHL_TEST_RENAME_DELAY=SECONDS: a test hook that waits with the
 * complete temporary file before renaming it, so that a test can kill a run
 * at that moment. */
static void test_delay(void)
{
    const char *s = getenv("ZEITSTRAHL_TEST_RENAME_DELAY");
    if (!s || !*s) return;
    struct timespec ts = {atoi(s), 0};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

int zs_write_file(const zs_graph *g, const char *path, const char *format, zs_error *err)
{
    return zs_write_file_with(g, path, format, NULL, err);
}

int zs_write_file_with(const zs_graph *g, const char *path, const char *format,
                       const zs_write_options *o, zs_error *err)
{
    format = zs_format_check(path, format, err);
    if (!format || writable(g, o, err) != 0) return -1;
    /* JSONL is written as it is made, the others once whole */
    bool stream = strcmp(format, "jsonl") == 0;
    zs_buf b = {0};
    if (!stream && render(g, format, o, &b, NULL, err) != 0) {
        zs_buf_free(&b);
        return -1;
    }
    size_t n = strlen(path);
    char *tmp = zs_xmalloc(n + 16);
    snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
    sigset_t mask;
    block_signals(&mask);
    int fd = mkstemp(tmp);
    int e = errno;
    if (fd >= 0 && n + 16 <= sizeof pending) {
        memcpy(pending, tmp, n + 16);
        pending_set = 1;
    }
    pthread_sigmask(SIG_SETMASK, &mask, NULL);
    int rc = 0;
    if (fd < 0) {
        zs_set_error(err, ZS_ERR_IO, "%s: %s", path, strerror(e));
        rc = -1;
    } else {
        FILE *f = fdopen(fd, "wb");
        /* JSONL as it is made: the graph is writable (above), so only a
           write fails, reported below with the path as any other */
        bool ok = f &&
                  (stream ? render(g, format, o, &b, f, NULL) == 0
                          : !b.len || fwrite(b.data, 1, b.len, f) == b.len) &&
                  fflush(f) == 0 && fsync(fileno(f)) == 0;
        e = errno;
        if (f && fclose(f) != 0 && ok) {
            ok = false;
            e = errno;
        }
        if (!f) close(fd);
        if (ok) {
            fchmod_default(tmp);
            test_delay();
        }
        block_signals(&mask);
        if (!ok || rename(tmp, path) != 0) {
            if (ok) e = errno;
            zs_set_error(err, ZS_ERR_IO, "%s: %s", path, strerror(e));
            unlink(tmp);
            rc = -1;
        }
        pending_set = 0;
        pthread_sigmask(SIG_SETMASK, &mask, NULL);
    }
    free(tmp);
    zs_buf_free(&b);
    return rc;
}
