/* Corpus mode: JSONL documents in, JSONL records out in input order, on any
 * number of threads; and the merge command that reduces record streams.
 * Private to the library; used by the command-line client. */
#ifndef ZS_CORPUS_H
#define ZS_CORPUS_H

#include <stddef.h>

#include "zeitstrahl.h"

typedef struct zs_corpus_opts {
    const char *template_base; /* folder holding one template folder per language */
    const char *lang;          /* language of documents without "lang", or
                                  "auto": the one of langs detected per document */
    const zs_lang *const *langs; /* languages loaded by the caller, at least one
                                    (kept by it); the first is the default */
    size_t nlangs;
    zs_options doc;            /* defaults for every document ("dct" overrides) */
    int jobs;                  /* worker threads; 1 analyses on the calling thread */
    int skip_bad;              /* non-zero: report bad lines, count them, go on */
    size_t max_line;           /* longest input line accepted in bytes; 0: any */
    int progress;              /* 1: a progress line on stderr; 0: none;
                                  -1: only if stderr is a terminal */
    const char *const *outputs; /* -o files (format from the extension) */
    int noutputs;
    const char *format;        /* written to stdout, or NULL */
    const zs_write_options *write; /* options of the writers, or NULL */
} zs_corpus_opts;

/* Analyses every line of files (nfiles paths, "-" for stdin) as a JSONL
 * document ({"id","dct","lang","text","url"}, only "text" required) and
 * writes the outputs: JSONL records stream out in input order as documents
 * finish; other formats get the merged graph (as zs_merge_run) at the end.
 * Without outputs or format, JSONL goes to stdout. Errors and the skipped
 * count go to stderr as one line each ("file:line: message"). Returns the
 * exit status: 0, or a zs_status code. */
int zs_corpus_run(const zs_corpus_opts *o, const char *const *files, int nfiles);

/* Reduces the JSONL record streams in files (as zs_corpus_run or "-f jsonl"
 * write them) into one graph and writes the outputs (default: JSONL to
 * stdout). Uses outputs, noutputs, format, write, skip_bad and langs (for
 * the writers' words) of o. Returns the exit status. */
int zs_merge_run(const zs_corpus_opts *o, const char *const *files, int nfiles);

#endif
