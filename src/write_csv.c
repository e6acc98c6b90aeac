/* CSV (RFC 4180): a header and one row per event of the graph, in graph
 * order, with its interval and its source. Lines end in CRLF; a field
 * holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
 *
 * Columns: doc, event, title, lemma, class, modality, begin, until,
 * granularity, mod, value, timex, sentence, dct, url. begin and until are ISO
 * 8601 (dates for day-level or coarser intervals, else local times with
 * the offset), half-open; empty, like value and timex, for an event
 * without an interval. */
#include <string.h>

#include "writers.h"

static const char *const columns[] = {"doc", "event", "title", "lemma", "class",
                                      "modality", "begin", "until", "granularity",
                                      "mod", "value", "timex", "sentence", "dct", "url"};

/* Appends n bytes of s as one field, quoted if needed; first is false for
 * every field after the first of a row. Runs of whitespace inside source
 * text stay as they are: quoting keeps line breaks. */
static void field(zs_buf *b, const char *s, size_t n, bool first)
{
    if (!first) zs_buf_putc(b, ',');
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote) {
        zs_buf_put(b, s, n);
        return;
    }
    zs_buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') zs_buf_putc(b, '"');
        zs_buf_putc(b, s[i]);
    }
    zs_buf_putc(b, '"');
}

static void cfield(zs_buf *b, const char *s)
{
    field(b, s, strlen(s), false);
}

/* Appends the row of event e of d. */
static void row(zs_buf *b, const zs_doc *d, const zs_event *e)
{
    field(b, d->name, strlen(d->name), true);
    cfield(b, e->id);
    cfield(b, e->title ? e->title : e->lemma);
    cfield(b, e->lemma);
    cfield(b, zs_eclass_name(e->cls));
    cfield(b, zs_modality_name(e->modality));
    char s[48];
    bool dated = e->has_interval;
    bool date_only = e->gran <= ZS_GRAN_DAY;
    cfield(b, dated ? zs_format_lsec(s, sizeof s, e->begin, date_only, d->tz) : "");
    cfield(b, dated ? zs_format_lsec(s, sizeof s, e->until, date_only, d->tz) : "");
    cfield(b, dated ? zs_gran_name(e->gran) : "");
    cfield(b, dated ? zs_mod_name(e->mod) : "");
    const zs_timex *x = e->time >= 0 ? &d->timexes[e->time] : NULL;
    cfield(b, x ? x->rv.value : "");
    if (x) field(b, d->text + x->b0, x->b1 - x->b0, false);
    else cfield(b, "");
    const zs_sentence *st = &d->sents[e->sent];
    if (st->t1 > st->t0)
        field(b, d->text + d->toks[st->t0].b0, d->toks[st->t1 - 1].b1 - d->toks[st->t0].b0,
              false);
    else
        cfield(b, "");
    cfield(b, d->dct_iso);
    cfield(b, d->url ? d->url : "");
    zs_buf_puts(b, "\r\n");
}

int zs_write_csv(const zs_graph *g, zs_buf *out, zs_error *err)
{
    (void)err;
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
        field(out, columns[i], strlen(columns[i]), i == 0);
    zs_buf_puts(out, "\r\n");
    for (size_t i = 0; i < g->nevents; i++)
        row(out, g->events[i].doc, zs_gnode_event(&g->events[i]));
    return 0;
}
