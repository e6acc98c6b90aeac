/* The reduce step of corpus runs: JSONL record streams (doc, timex, event,
 * tlink records as the jsonl writer writes them) back into documents and one
 * graph. Private to the library. */
#ifndef ZS_MERGE_H
#define ZS_MERGE_H

#include <stdio.h>

#include "zeitstrahl.h"

typedef struct zs_merge zs_merge;

/* A new, empty reducer owned by the caller (free with zs_merge_free). */
zs_merge *zs_merge_new(void);

/* Languages (kept by the caller, outliving m) whose documents get their
 * templates' output words ("label" lines) in the writers, matched by the
 * doc records' "lang" code. Without, the writers use their own words. */
void zs_merge_set_langs(zs_merge *m, const zs_lang *const *langs, size_t n);

/* Adds one record line (len bytes, without its line end). file and lineno
 * name the line in errors. A "doc" record starts a document; the records
 * after it up to the next "doc" record must belong to it. Blank lines are
 * skipped. Returns 0, or -1 with err filled (ZS_ERR_INPUT,
 * "file:line: message"); the document in progress is then dropped. */
int zs_merge_add_line(zs_merge *m, const char *line, size_t len, const char *file,
                      unsigned long lineno, zs_error *err);

/* Ends a stream: the next record must be a "doc" record. */
void zs_merge_end_stream(zs_merge *m);

/* Reduces everything added so far: documents sorted by name, then by their
 * records; a document seen more than once with the same records is kept
 * once. The result does not depend on the order in which the documents were
 * added. Returns the finished graph, owned by m (valid until zs_merge_free;
 * call once). */
const zs_graph *zs_merge_finish(zs_merge *m);

/* Number of documents added, and kept after removing duplicates (after
 * zs_merge_finish). */
size_t zs_merge_docs_added(const zs_merge *m);
size_t zs_merge_docs_kept(const zs_merge *m);

/* Frees the reducer, its documents and graph. Accepts NULL. */
void zs_merge_free(zs_merge *m);

#endif
