/* One function per output format. Each renders the whole graph into out
 * (appending) and returns 0, or -1 with err filled. Writers only read the
 * graph; the same graph gives byte-identical output. */
#ifndef ZS_WRITERS_H
#define ZS_WRITERS_H

#include "doc.h"
#include "util.h"

int zs_write_jsonl(const zs_graph *g, zs_buf *out, zs_error *err);
/* JSONL written to f as it is made, a chunk at a time (a long history's
 * closure makes tens of MB); -1 with err (ZS_ERR_IO) when a write fails. */
int zs_write_jsonl_file(const zs_graph *g, FILE *f, zs_error *err);
int zs_write_text(const zs_graph *g, zs_buf *out, zs_error *err);
/* o is never NULL in the writers below. */
int zs_write_ics(const zs_graph *g, const zs_write_options *o, zs_buf *out, zs_error *err);
/* The iCalendar parts of zs_write_options_check (write_ics.c). */
int zs_ics_check_options(const zs_write_options *o, zs_error *err);
/* CSV (write_csv.c): one row per event, RFC 4180. */
int zs_write_csv(const zs_graph *g, zs_buf *out, zs_error *err);
/* HTML (write_html.c): one self-contained page, the SVG diagram and a table. */
int zs_write_html(const zs_graph *g, const zs_write_options *o, zs_buf *out, zs_error *err);
/* TimeML (write_timeml.c): the graph's one document with inline TIMEX3. */
int zs_write_timeml(const zs_graph *g, zs_buf *out, zs_error *err);
/* format: "dot", "svg", "png" or "pdf" (rendered by libgvc). */
int zs_write_graphviz(const zs_graph *g, const char *format, const zs_write_options *o,
                      zs_buf *out, zs_error *err);

/* The output word key ("source", "pod.EV") in the language of the graph's
 * first document (its templates' label lines), else fallback. */
const char *zs_label(const zs_graph *g, const char *key, const char *fallback);
/* Localised date labels of dated events, "Di., 2. Mai 2017, abends"
 * (write_dot.c, ICU). One labeler per thread. */
typedef struct zs_date_labels zs_date_labels;
zs_date_labels *zs_date_labels_new(void);
void zs_date_labels_free(zs_date_labels *l);
/* Appends the label of e (which has an interval) to out; false with err
 * filled if ICU fails. */
bool zs_date_labels_event(zs_date_labels *l, const zs_doc *d, const zs_event *e,
                          zs_buf *out, zs_error *err);

/* The date that event e of d, which has no interval of its own, lies
 * before or after or lasts until, as its anchor link says ("eine Einigung
 * vor Weihnachten", "a deal before Christmas": BEFORE; "bis Ende Mai
 * verlängert": ENDED_BY), with that relation in *rel; NULL if there is
 * none. Calendars leave such an event out; tables and diagrams show it at
 * that date, marked "before", "after" or "until" (zs_bound_word). */
const zs_timex *zs_event_bound(const zs_doc *d, const zs_event *e, zs_relkind *rel);

/* The label key of a bound relation: "before", "after" or "until". */
const char *zs_bound_word(zs_relkind rel);

/* The mention that stands for event j of d in calendars and diagrams: of
 * the mentions of the same event (the zs_event.coref chain) that have an
 * interval, the most precise (finest granularity, then without a mod, then
 * the first); the first mention if none has one. */
size_t zs_event_rep(const zs_doc *d, size_t j);

/* The graph event (index into g->events) that stands for graph event i in
 * calendars, diagrams and tables: the shown mention (zs_event_rep) of the
 * first report (zs_gnode.rep) of the event, when several documents report
 * it. Event i is shown itself when zs_graph_shown(g, i) == i. */
size_t zs_graph_shown(const zs_graph *g, size_t i);

/* Whether graph event i is an entry of calendars, diagrams and tables:
 * shown itself (zs_graph_shown) and not negated (an event told as not
 * happening, "fanden nicht statt", has no place there; JSONL and TimeML
 * keep it with its polarity). */
bool zs_graph_listed(const zs_graph *g, size_t i);

/* The reports of each graph node: of every graph event i that is listed
 * (zs_graph_listed), the graph events it stands for, itself first, then
 * the other mentions and other documents' reports in graph order:
 * idx[start[i]..start[i + 1]). Empty for events that are not listed.
 * Filled in O(events) once zs_graph_shown is known. */
typedef struct zs_node_reports {
    size_t *start; /* g->nevents + 1 */
    size_t *idx;   /* g->nevents */
} zs_node_reports;
void zs_node_reports_init(zs_node_reports *r, const zs_graph *g);
void zs_node_reports_free(zs_node_reports *r);

/* The zs_gran of name ("day"), or -1. */
int zs_gran_from_name(const char *name);

#endif
