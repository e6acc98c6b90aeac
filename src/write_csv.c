/* CSV (RFC 4180): a header and one row per event of the graph (a node:
 * the mentions of one event in an article and the reports of it in other
 * articles are one row, as they are one VEVENT and one diagram node), in
 * graph order, with its interval and its sources. Lines end in CRLF; a
 * field holding a comma, a double quote, CR or LF is quoted, its quotes
 * doubled.
 *
 * Columns: doc, event, title, lemma, class, modality, begin, until,
 * granularity, mod, value, timex, sentence, dct, url, sources. The first
 * fifteen are those of the mention that stands for the event
 * (zs_graph_shown): begin and until are ISO 8601 (dates for day-level or
 * coarser intervals, else local times with the offset), half-open; empty,
 * like value and timex, for an event without an interval. sources is a
 * JSON array with one object per mention and report of the event, that
 * mention first: {"doc","event","sentence","dct"[,"url"]}. */
#include <string.h>

#include "writers.h"

static const char *const columns[] = {"doc", "event", "title", "lemma", "class",
                                      "modality", "begin", "until", "granularity",
                                      "mod", "value", "timex", "sentence", "dct", "url", "sources"};

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

/* The text of the sentence of e of d (empty if it has no tokens). */
static const char *sentence_of(const zs_doc *d, const zs_event *e, size_t *n)
{
    const zs_sentence *st = &d->sents[e->sent];
    if (st->t1 <= st->t0) {
        *n = 0;
        return "";
    }
    *n = d->toks[st->t1 - 1].b1 - d->toks[st->t0].b0;
    return d->text + d->toks[st->t0].b0;
}

static void json_kv(zs_buf *j, const char *k, const char *v, size_t n)
{
    zs_buf_printf(j, ",\"%s\":\"", k);
    zs_buf_json_str(j, v, n);
    zs_buf_putc(j, '"');
}

/* Appends the sources field of node i: a JSON array of its reports. */
static void sources(zs_buf *b, const zs_graph *g, const zs_node_reports *r, size_t i)
{
    zs_buf j = {0};
    zs_buf_putc(&j, '[');
    for (size_t k = r->start[i]; k < r->start[i + 1]; k++) {
        const zs_gnode *n = &g->events[r->idx[k]];
        const zs_event *e = zs_gnode_event(n);
        zs_buf_puts(&j, k > r->start[i] ? ",{\"doc\":\"" : "{\"doc\":\"");
        zs_buf_json_str(&j, n->doc->name, strlen(n->doc->name));
        zs_buf_putc(&j, '"');
        json_kv(&j, "event", e->id, strlen(e->id));
        size_t len;
        const char *s = sentence_of(n->doc, e, &len);
        json_kv(&j, "sentence", s, len);
        json_kv(&j, "dct", n->doc->dct_iso, strlen(n->doc->dct_iso));
        if (n->doc->url) json_kv(&j, "url", n->doc->url, strlen(n->doc->url));
        zs_buf_putc(&j, '}');
    }
    zs_buf_putc(&j, ']');
    field(b, j.data, j.len, false);
    zs_buf_free(&j);
}

/* Appends the row of event e of d, without its sources and line end. */
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
    size_t len;
    const char *text = sentence_of(d, e, &len);
    field(b, text, len, false);
    cfield(b, d->dct_iso);
    cfield(b, d->url ? d->url : "");
}

int zs_write_csv(const zs_graph *g, zs_buf *out, zs_error *err)
{
    (void)err;
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
        field(out, columns[i], strlen(columns[i]), i == 0);
    zs_buf_puts(out, "\r\n");
    zs_node_reports r;
    zs_node_reports_init(&r, g);
    for (size_t i = 0; i < g->nevents; i++) {
        if (r.start[i] == r.start[i + 1]) continue; /* stands for no event */
        row(out, g->events[i].doc, zs_gnode_event(&g->events[i]));
        sources(out, g, &r, i);
        zs_buf_puts(out, "\r\n");
    }
    zs_node_reports_free(&r);
    return 0;
}
