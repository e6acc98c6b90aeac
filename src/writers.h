/* One function per output format. Each renders the whole graph into out
 * (appending) and returns 0, or -1 with err filled. Writers only read the
 * graph; the same graph gives byte-identical output. */
#ifndef ZS_WRITERS_H
#define ZS_WRITERS_H

#include "doc.h"
#include "util.h"

int zs_write_jsonl(const zs_graph *g, zs_buf *out, zs_error *err);
int zs_write_text(const zs_graph *g, zs_buf *out, zs_error *err);
int zs_write_ics(const zs_graph *g, zs_buf *out, zs_error *err);
/* TimeML (write_timeml.c): the graph's one document with inline TIMEX3. */
int zs_write_timeml(const zs_graph *g, zs_buf *out, zs_error *err);
/* format: "dot", "svg", "png" or "pdf" (rendered by libgvc). */
int zs_write_graphviz(const zs_graph *g, const char *format, zs_buf *out,
                      zs_error *err);

#endif
