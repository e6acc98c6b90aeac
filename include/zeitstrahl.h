/*
 * zeitstrahl: temporal expressions, events and timelines from news articles.
 *
 * The one public header. Every exported name starts with zs_. Types are
 * opaque; each function says who owns what it returns.
 *
 * Typical use:
 *
 *     zs_error err;
 *     zs_lang *de = zs_lang_load("/usr/share/zeitstrahl/templates/de", &err);
 *     zs_doc *doc = zs_doc_new(de, "a.txt", text, len, NULL, &err);
 *     zs_graph *g = zs_graph_new();
 *     zs_graph_add(g, doc);
 *     zs_graph_finish(g);
 *     zs_write_file(g, "timeline.ics", NULL, &err);
 *     zs_graph_free(g); zs_doc_free(doc); zs_lang_free(de);
 *
 * Thread safety: a zs_lang is immutable after loading and may be shared by
 * any number of threads; a zs_doc or zs_graph belongs to one thread at a time.
 */
#ifndef ZEITSTRAHL_H
#define ZEITSTRAHL_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ZS_VERSION "0.1.0"

/* Error codes, also the CLI's exit codes. */
typedef enum {
    ZS_OK = 0,
    ZS_ERR_USAGE = 2,    /* bad option or argument */
    ZS_ERR_IO = 3,       /* file cannot be read or written */
    ZS_ERR_INPUT = 4,    /* input is not acceptable (empty, invalid UTF-8, ...) */
    ZS_ERR_DCT = 5,      /* no or malformed publication time */
    ZS_ERR_TEMPLATE = 6, /* language data cannot be loaded */
    ZS_ERR_INTERNAL = 7  /* a library (ICU, libical, Graphviz) failed */
} zs_status;

/* Filled by every function that can fail; msg is one line, naming the file
 * and position where there is one. Owned by the caller (usually on the stack). */
typedef struct zs_error {
    zs_status code;
    char msg[512];
} zs_error;

typedef struct zs_lang zs_lang;   /* compiled templates of one language */
typedef struct zs_doc zs_doc;     /* one analysed article */
typedef struct zs_graph zs_graph; /* events and times of one or more docs */

/* ---- language data ---------------------------------------------------- */

/* Loads and compiles every *.zt file in dir (e.g. "templates/de").
 * Returns a new language owned by the caller (free with zs_lang_free), or
 * NULL with err filled ("file:line:col: message"). */
zs_lang *zs_lang_load(const char *dir, zs_error *err);

/* Loads the languages of dirs[0..n) at the same time, each on a thread of
 * its own: langs[i] gets that of dirs[i]. Returns 0, or -1 with err
 * filled as zs_lang_load fills it for the first dir that failed, and every
 * langs[i] NULL. */
int zs_langs_load(const char *const *dirs, size_t n, zs_lang **langs, zs_error *err);

/* Frees a language. Accepts NULL. Docs made with it must be freed first. */
void zs_lang_free(zs_lang *lang);

/* The language code from the templates' "lang" line, e.g. "de". Owned by lang. */
const char *zs_lang_code(const zs_lang *lang);

/* Which of langs[0..n) text (UTF-8, len bytes) is written in: the index of
 * the language whose "stopword" lexicon lists the most words of the text's
 * first 4 KB (the first language on a tie, or when none has such a list). */
size_t zs_lang_detect(const zs_lang *const *langs, size_t n, const char *text, size_t len);

/* Runs every ex/no example of the language's rule files through the full
 * engine. Writes one line per failure (and, with verbose, per success) to
 * report; adds to *passed and *failed. Returns the number of failures. */
int zs_lang_selftest(const zs_lang *lang, FILE *report, int verbose,
                     int *passed, int *failed);

/* ---- documents -------------------------------------------------------- */

typedef struct zs_options {
    const char *dct; /* ISO 8601 publication time ("2017-05-02",
                        "2017-05-02T21:06+02:00"); NULL: take the dateline */
    const char *tz;  /* IANA zone of the article; NULL: the language default */
    int timex_only;  /* non-zero: temporal expressions only, no events */
    int narrative;   /* non-zero: a narrative (history, biography), where
                        dates without a year or day follow the last date
                        mentioned; zero: news, anchored to the DCT */
    int date_order;  /* numeric dates ("3/12/2015"): ZS_ORDER_MDY or
                        ZS_ORDER_DMY; 0: the language's ("order" line) */
    int lenient;     /* non-zero: each invalid UTF-8 sequence and NUL byte
                        becomes U+FFFD (offsets are then those of the
                        repaired text); zero: they are errors */
    size_t max_size; /* largest text accepted, in bytes (ZS_ERR_INPUT
                        beyond); 0: ZS_MAX_DOC_SIZE */
} zs_options;

/* Orders of numeric dates (zs_options.date_order). */
enum { ZS_ORDER_LANG = 0, ZS_ORDER_MDY = 1, ZS_ORDER_DMY = 2 };

/* The default largest document: 64 MB. */
#define ZS_MAX_DOC_SIZE ((size_t)64 << 20)

/* Analyses text (UTF-8, len bytes; need not be NUL-terminated, is copied).
 * name labels the document in outputs and errors (copied). opts may be NULL.
 * Returns a new doc owned by the caller (free with zs_doc_free), or NULL with
 * err filled (invalid UTF-8 or a NUL byte with its byte offset, unless
 * opts->lenient; empty text; more than opts->max_size bytes; no DCT, ...). */
zs_doc *zs_doc_new(const zs_lang *lang, const char *name, const char *text,
                   size_t len, const zs_options *opts, zs_error *err);

/* Analyses the TEXT of a TimeML document (bytes[0..len), e.g. a TempEval-3
 * input file: a DCT TIMEX3 with functionInDocument="CREATION_TIME" and the
 * raw TEXT; entities are decoded, timex tags already inside TEXT ignored).
 * The publication time is opts->dct if set, else the file's creation time
 * (a date or date-time). The doc keeps the file, so the "timeml" writer
 * writes it back with the doc's timexes as TIMEX3 elements. Returns a new
 * doc owned by the caller (free with zs_doc_free), or NULL with err filled:
 * ZS_ERR_INPUT for malformed XML ("name:line:col: message"), no TEXT, a
 * file not in UTF-8; ZS_ERR_DCT for no usable creation time; else as
 * zs_doc_new. */
zs_doc *zs_doc_from_timeml(const zs_lang *lang, const char *name, const char *bytes,
                           size_t len, const zs_options *opts, zs_error *err);

/* Frees a doc. Accepts NULL. A graph holding the doc must be freed first. */
void zs_doc_free(zs_doc *doc);

/* Counts of what the doc holds. */
size_t zs_doc_timex_count(const zs_doc *doc);
size_t zs_doc_event_count(const zs_doc *doc);
/* Temporal relations of the doc that contradict what its other relations
 * imply (each is in the JSONL output as a "contradiction" record with the
 * links that cause it). */
size_t zs_doc_contradiction_count(const zs_doc *doc);

/* Event i of doc (0 <= i < zs_doc_event_count, in text order): its title
 * ("Telefonat Putin – Trump", "G20-Gipfel in Hamburg"), and the names of
 * its participants, sorted ("Putin", "Trump"; those of every mention of
 * the same event in the doc). Owned by doc; NULL (0) when i or k is out of
 * range. */
const char *zs_doc_event_title(const zs_doc *doc, size_t i);
size_t zs_doc_event_participant_count(const zs_doc *doc, size_t i);
const char *zs_doc_event_participant(const zs_doc *doc, size_t i, size_t k);

/* The publication time as ISO 8601 with offset, e.g. "2017-05-02T21:06+02:00".
 * Owned by doc. */
const char *zs_doc_dct(const zs_doc *doc);

/* ---- graph ------------------------------------------------------------ */

/* A new, empty graph owned by the caller (free with zs_graph_free). */
zs_graph *zs_graph_new(void);

/* Adds a doc's events and times. The graph borrows doc: doc must outlive it. */
void zs_graph_add(zs_graph *g, const zs_doc *doc);

/* Relates and orders everything added so far. Call once before writing. */
void zs_graph_finish(zs_graph *g);

/* Joins events that several documents report into one node: events of
 * different docs with the same lemma (or trigger key) or title, titles that
 * agree apart from the participants they list ("Gipfel" and "G20-Gipfel";
 * equal otherwise), overlapping intervals, and a participant in common
 * where both name any; undated events are never joined. Each joined event names the
 * first report of its node (in time order, then document name) in the
 * JSONL "node" field. zs_graph_finish calls it; a reducer that builds a
 * graph from records (zeitstrahl merge) gets it the same way. Returns the
 * number of events joined to an earlier report. */
size_t zs_graph_merge_events(zs_graph *g);

/* Frees a graph (not its docs). Accepts NULL. */
void zs_graph_free(zs_graph *g);

/* ---- writers ---------------------------------------------------------- */

/* The format a file name implies ("ics", "svg", "png", "pdf", "dot",
 * "html", "csv", "jsonl", "text", "timeml" for .tml), or NULL if the
 * extension is unknown. Static string. */
const char *zs_format_from_path(const char *path);

/* The format to write: format itself if given, else the one path implies.
 * Returns a static string, or NULL with err filled (ZS_ERR_USAGE: an
 * unknown format or extension, named in the message). */
const char *zs_format_check(const char *path, const char *format, zs_error *err);

/* What users of the outputs choose. Zero-initialise; every field is
 * optional (NULL: the default). The strings are borrowed. */
typedef struct zs_write_options {
    const char *calendar_name; /* ics: NAME and X-WR-CALNAME ("zeitstrahl") */
    const char *feed_url;      /* ics: the feed's own URL, as RFC 7986 SOURCE
                                  and URL (none) */
    const char *refresh;       /* ics: REFRESH-INTERVAL, an ISO 8601 duration
                                  such as "PT6H" ("P1D") */
    const char *min_precision; /* ics: the coarsest granularity an event may
                                  have to be included: "year", "month",
                                  "week", "day", "hour", "minute" (all) */
    const char *previous;      /* ics: path of the feed written before (may be
                                  the output itself): its UIDs keep their
                                  SEQUENCE, raised where an event's time
                                  changed; its events of documents not in
                                  the graph are carried over (none) */
    const char *layout;        /* svg, png, pdf, dot, html: "compact" (one
                                  row of events per date) or "swimlanes"
                                  (one row per participant) ("compact") */
    FILE *notes;               /* where writers say what they left out, one
                                  line each ("file: 2 open-ended events left
                                  out") (nowhere) */
} zs_write_options;

/* Checks o (NULL is fine): ZS_ERR_USAGE for an unknown precision, layout or
 * a malformed duration, ZS_ERR_IO if the previous feed cannot be read,
 * ZS_ERR_INPUT if it is no iCalendar file. Returns 0, or -1 with err filled. */
int zs_write_options_check(const zs_write_options *o, zs_error *err);

/* Writes the graph in format to out. Returns 0, or -1 with err filled.
 * "timeml" needs a graph of exactly one doc (ZS_ERR_USAGE otherwise). */
int zs_write(const zs_graph *g, const char *format, FILE *out, zs_error *err);

/* Writes the graph to path (format NULL: from the extension) through a
 * temporary file in the same directory that is renamed into place only when
 * complete, so path holds either its old content or the whole new one.
 * Returns 0, or -1 with err filled. */
int zs_write_file(const zs_graph *g, const char *path, const char *format,
                  zs_error *err);

/* zs_write and zs_write_file with options (o may be NULL). */
int zs_write_with(const zs_graph *g, const char *format, const zs_write_options *o,
                  FILE *out, zs_error *err);
int zs_write_file_with(const zs_graph *g, const char *path, const char *format,
                       const zs_write_options *o, zs_error *err);

/* For programs that write files: makes SIGINT, SIGTERM and SIGHUP first
 * remove the temporary file of a zs_write_file in progress, then end the
 * process as the signal would have; and ignores SIGXFSZ, so that a file
 * over the size limit is a write error (ZS_ERR_IO) rather than a kill.
 * Call once, early in main, before any thread starts. */
void zs_write_guard_signals(void);

#ifdef __cplusplus
}
#endif
#endif
