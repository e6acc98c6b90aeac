/* Format dispatch and safe file output (temporary file, then rename). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static int render(const zs_graph *g, const char *format, const zs_write_options *o,
                  zs_buf *out, zs_error *err)
{
    if (!g->finished) {
        zs_set_error(err, ZS_ERR_INTERNAL, "graph written before zs_graph_finish");
        return -1;
    }
    format = zs_format_check(NULL, format, err);
    if (!format || zs_write_options_check(o, err) != 0) return -1;
    static const zs_write_options none = {0};
    if (!o) o = &none;
    if (strcmp(format, "jsonl") == 0) return zs_write_jsonl(g, out, err);
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
    int rc = render(g, format, o, &b, err);
    if (rc == 0 && (fwrite(b.data, 1, b.len, out) != b.len || fflush(out) != 0)) {
        zs_set_error(err, ZS_ERR_IO, "cannot write output: %s", strerror(errno));
        rc = -1;
    }
    zs_buf_free(&b);
    return rc;
}

int zs_write_file(const zs_graph *g, const char *path, const char *format, zs_error *err)
{
    return zs_write_file_with(g, path, format, NULL, err);
}

int zs_write_file_with(const zs_graph *g, const char *path, const char *format,
                       const zs_write_options *o, zs_error *err)
{
    format = zs_format_check(path, format, err);
    if (!format) return -1;
    zs_buf b = {0};
    if (render(g, format, o, &b, err) != 0) {
        zs_buf_free(&b);
        return -1;
    }
    size_t n = strlen(path);
    char *tmp = zs_xmalloc(n + 16);
    snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    int rc = 0;
    if (fd < 0) {
        zs_set_error(err, ZS_ERR_IO, "%s: %s", path, strerror(errno));
        rc = -1;
    } else {
        FILE *f = fdopen(fd, "wb");
        bool ok = f && fwrite(b.data, 1, b.len, f) == b.len && fflush(f) == 0 &&
                  fsync(fileno(f)) == 0;
        int e = errno;
        if (f) ok = fclose(f) == 0 && ok;
        else close(fd);
        if (ok) fchmod_default(tmp);
        if (!ok || rename(tmp, path) != 0) {
            if (ok) e = errno;
            zs_set_error(err, ZS_ERR_IO, "%s: %s", path, strerror(e));
            unlink(tmp);
            rc = -1;
        }
    }
    free(tmp);
    zs_buf_free(&b);
    return rc;
}
