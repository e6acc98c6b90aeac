/* HTML: one self-contained page for people who would rather look than
 * read. It holds the SVG diagram inline (as zs_write_graphviz renders it,
 * with the same layout option) and a table with one row per event of the
 * graph in graph order (the mentions of one event and other documents'
 * reports of it are one row, as they are one node of the diagram): date
 * (localised by ICU, as in the diagram), event, TimeML class and its
 * sources, each quoted sentence with its document's name (a sentence that
 * holds two mentions quoted once). No scripts, no
 * external resources; the words come from the first document's templates
 * (label lines: timeline, date, event, class, source). */
#include <string.h>

#include "template.h"
#include "writers.h"

/* Appends n bytes of s escaped for HTML text and attribute values. */
static void put_html(zs_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': zs_buf_puts(b, "&amp;"); break;
        case '<': zs_buf_puts(b, "&lt;"); break;
        case '>': zs_buf_puts(b, "&gt;"); break;
        case '"': zs_buf_puts(b, "&quot;"); break;
        case '\r': case '\n': case '\t': zs_buf_putc(b, ' '); break;
        default:
            if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7f) zs_buf_putc(b, s[i]);
        }
    }
}

static void put_html_s(zs_buf *b, const char *s)
{
    put_html(b, s, strlen(s));
}

static const char style[] =
    "body{font-family:sans-serif;margin:1.5em;color:#222;background:#fff}"
    "figure{margin:0 0 1.5em 0;overflow-x:auto}"
    "table{border-collapse:collapse;width:100%}"
    "th,td{border-bottom:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
    "th{background:#eee}td.date{white-space:nowrap}q{font-style:italic}"
    "em.status{color:#666}"
    "cite{display:block;color:#666;font-size:.9em}";

/* Appends the quoted sentence of e of d and the document's name. */
static void put_source(zs_buf *out, const zs_doc *d, const zs_event *e)
{
    const zs_sentence *s = &d->sents[e->sent];
    if (s->t1 > s->t0) {
        zs_buf_puts(out, "<q>");
        uint32_t b0 = d->toks[s->t0].b0, b1 = d->toks[s->t1 - 1].b1;
        put_html(out, d->text + b0, b1 - b0);
        zs_buf_puts(out, "</q>");
    }
    zs_buf_puts(out, "<cite>");
    if (d->url) {
        zs_buf_puts(out, "<a href=\"");
        put_html_s(out, d->url);
        zs_buf_puts(out, "\">");
    }
    put_html_s(out, d->name);
    zs_buf_puts(out, d->url ? "</a></cite>" : "</cite>");
}

/* Appends the table row of graph event i, whose reports r lists. */
static bool put_row(const zs_graph *g, const zs_node_reports *r, size_t i,
                    zs_date_labels *lab, zs_buf *out, zs_error *err)
{
    const zs_doc *d = g->events[i].doc;
    const zs_event *e = zs_gnode_event(&g->events[i]);
    zs_buf_puts(out, "<tr><td class=\"date\">");
    zs_relkind rel;
    if (e->has_interval || zs_event_bound(d, e, &rel)) {
        zs_buf date = {0};
        bool ok = zs_date_labels_event(lab, d, e, &date, err);
        if (ok) put_html(out, date.data, date.len);
        zs_buf_free(&date);
        if (!ok) return false;
    }
    zs_buf_puts(out, "</td><td>");
    if (e->modality == ZS_MODAL_CANCELLED) { /* struck, the language's word after it */
        const char *word = zs_lang_label(d->lang, "cancelled");
        zs_buf_puts(out, "<s>");
        put_html_s(out, e->title ? e->title : e->lemma);
        zs_buf_puts(out, "</s> <em class=\"status\">");
        put_html_s(out, word ? word : "cancelled");
        zs_buf_puts(out, "</em>");
    } else {
        put_html_s(out, e->title ? e->title : e->lemma);
    }
    zs_buf_printf(out, "</td><td>%s</td><td>", zs_eclass_name(e->cls));
    for (size_t k = r->start[i]; k < r->start[i + 1]; k++) {
        const zs_gnode *n = &g->events[r->idx[k]];
        bool quoted = false; /* the same sentence of the same document */
        for (size_t m = r->start[i]; m < k && !quoted; m++) {
            const zs_gnode *p = &g->events[r->idx[m]];
            quoted = p->doc == n->doc && zs_gnode_event(p)->sent == zs_gnode_event(n)->sent;
        }
        if (!quoted) put_source(out, n->doc, zs_gnode_event(n));
    }
    zs_buf_puts(out, "</td></tr>\n");
    return true;
}

int zs_write_html(const zs_graph *g, const zs_write_options *o, zs_buf *out, zs_error *err)
{
    zs_buf svg = {0};
    if (zs_write_graphviz(g, "svg", o, &svg, err) != 0) {
        zs_buf_free(&svg);
        return -1;
    }
    const char *lang = g->ndocs ? zs_lang_code(g->docs[0]->lang) : "en";
    const char *title = zs_label(g, "timeline", "Timeline");
    zs_buf page = {0};
    zs_buf_puts(&page, "<!DOCTYPE html>\n<html lang=\"");
    put_html_s(&page, lang ? lang : "en");
    zs_buf_puts(&page, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    put_html_s(&page, title);
    zs_buf_printf(&page, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", style);
    put_html_s(&page, title);
    zs_buf_puts(&page, "</h1>\n<figure>\n");
    const char *start = svg.data ? strstr(svg.data, "<svg") : NULL;
    if (start) zs_buf_puts(&page, start);
    zs_buf_puts(&page, "</figure>\n<table>\n<thead><tr><th>");
    put_html_s(&page, zs_label(g, "date", "Date"));
    zs_buf_puts(&page, "</th><th>");
    put_html_s(&page, zs_label(g, "event", "Event"));
    zs_buf_puts(&page, "</th><th>");
    put_html_s(&page, zs_label(g, "class", "Class"));
    zs_buf_puts(&page, "</th><th>");
    put_html_s(&page, zs_label(g, "source", "Source"));
    zs_buf_puts(&page, "</th></tr></thead>\n<tbody>\n");
    zs_date_labels *lab = zs_date_labels_new();
    zs_node_reports r;
    zs_node_reports_init(&r, g);
    bool ok = true;
    for (size_t i = 0; i < g->nevents && ok; i++)
        if (r.start[i] < r.start[i + 1]) ok = put_row(g, &r, i, lab, &page, err);
    zs_node_reports_free(&r);
    zs_date_labels_free(lab);
    zs_buf_puts(&page, "</tbody>\n</table>\n</body>\n</html>\n");
    if (ok) zs_buf_put(out, page.data, page.len);
    zs_buf_free(&page);
    zs_buf_free(&svg);
    return ok ? 0 : -1;
}
