/* The default output: a readable table of times and of the timeline. */
#include <string.h>

#include "writers.h"

/* Appends s padded with spaces to width code points. */
static void pad(zs_buf *b, const char *s, size_t n, int width)
{
    zs_buf_put(b, s, n);
    int cps = 0;
    for (size_t i = 0; i < n; i++) cps += ((unsigned char)s[i] & 0xC0) != 0x80;
    for (; cps < width; cps++) zs_buf_putc(b, ' ');
}

static void span(zs_buf *b, zs_lsec begin, zs_lsec until, zs_gran g)
{
    char s1[48], s2[48];
    bool date_only = g <= ZS_GRAN_DAY;
    zs_format_lsec(s1, sizeof s1, begin, date_only, NULL);
    zs_format_lsec(s2, sizeof s2, until, date_only, NULL);
    zs_buf_printf(b, "%s .. %s", s1, s2);
}

int zs_write_text(const zs_graph *g, zs_buf *out, zs_error *err)
{
    (void)err;
    for (size_t i = 0; i < g->ndocs; i++) {
        const zs_doc *d = g->docs[i];
        zs_buf_printf(out, "%s: published %s (%s)\n\n", d->name, d->dct_iso,
                      d->dct_timex >= 0 ? "dateline" : "given");
        zs_buf_puts(out, "  id    type      value                 mention\n");
        for (size_t k = 0; k < d->ntimexes; k++) {
            const zs_timex *x = &d->timexes[k];
            char v[64];
            snprintf(v, sizeof v, "%s%s%s", x->rv.value, x->rv.mod ? " " : "",
                     zs_mod_name(x->rv.mod));
            zs_buf_puts(out, "  ");
            pad(out, x->id, strlen(x->id), 6);
            pad(out, zs_ttype_name(x->rv.type), strlen(zs_ttype_name(x->rv.type)), 10);
            pad(out, v, strlen(v), 22);
            zs_buf_putc(out, '"');
            zs_buf_put(out, d->text + x->b0, x->b1 - x->b0);
            zs_buf_puts(out, "\"\n");
        }
        zs_buf_putc(out, '\n');
    }
    zs_buf_puts(out, "Timeline\n");
    size_t undated = 0;
    for (size_t i = 0; i < g->nevents; i++) {
        const zs_event *e = zs_gnode_event(&g->events[i]);
        const zs_doc *d = g->events[i].doc;
        if (!zs_graph_listed(g, i)) continue; /* another mention or report, or negated */
        zs_relkind rel;
        const zs_timex *bound = zs_event_bound(d, e, &rel);
        if (!e->has_interval && !bound) {
            undated++;
            continue;
        }
        zs_buf_puts(out, "  ");
        size_t at = out->len;
        if (bound) /* "before 2025-12-25" */
            zs_buf_printf(out, "%s %s", zs_bound_word(rel), bound->rv.value);
        else
            span(out, e->begin, e->until, e->gran);
        pad(out, "", 0, 40 - (int)(out->len - at));
        zs_buf_printf(out, "%s", e->title);
        if (e->time >= 0)
            zs_buf_printf(out, "  (%s)", d->timexes[e->time].rv.value);
        if (e->modality == ZS_MODAL_CANCELLED) zs_buf_puts(out, "  cancelled");
        if (g->ndocs > 1) zs_buf_printf(out, "  [%s]", d->name);
        zs_buf_putc(out, '\n');
    }
    if (undated) {
        zs_buf_puts(out, "Undated\n ");
        for (size_t i = 0; i < g->nevents; i++) {
            const zs_event *e = zs_gnode_event(&g->events[i]);
            zs_relkind rel;
            if (zs_graph_listed(g, i) && !e->has_interval &&
                !zs_event_bound(g->events[i].doc, e, &rel))
                zs_buf_printf(out, " %s;", e->title);
        }
        out->len--;
        zs_buf_puts(out, "\n");
    }
    return 0;
}
