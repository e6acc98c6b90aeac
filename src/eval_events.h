/* TempEval-3 tasks B (events) and C (temporal links) for zeitstrahl eval.
 *
 * Gold: the EVENT elements inside TEXT (extent, eid, class), MAKEINSTANCE
 * (eiid -> eventID), TIMEX3 (tid, extent; the creation-time one is the
 * DCT) and TLINK elements of a TimeML file (TempEval-3, TBAQ-cleaned).
 *
 * Task B: zeitstrahl's events are paired one to one with the gold events as
 * in task A (identical extents first, then the first overlapping one);
 * strict and relaxed extent P/R/F1, and class F1 = relaxed F1 times the
 * share of pairs with the same class.
 *
 * Task C: zeitstrahl's events and timexes are mapped to the gold ones they
 * are paired with (the DCT "t0" to the gold creation time). Precision is
 * the share of zeitstrahl's own relations (of an event or a timex to an
 * event, a timex or the DCT, found in the text or derived by closure;
 * contradicted ones and OVERLAP, which TimeML has no relation type for,
 * left out) that the closure of the gold relations implies; a relation
 * with an end that maps to no gold node counts as wrong. Recall is the
 * share of gold relations that the closure of zeitstrahl's mapped
 * relations implies. Closure is path consistency over interval end points
 * (closure.h). As in the official scorer's temporal awareness measure,
 * both sides are reduced graphs: a relation that the ones before it
 * already imply (gold ones in file order; zeitstrahl's in its own nodes,
 * found ones first, as its TimeML output writes them) is not counted.
 * IDENTITY, DURING and DURING_INV count as SIMULTANEOUS. Counts are summed
 * over documents. */
#ifndef ZS_EVAL_EVENTS_H
#define ZS_EVAL_EVENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "zeitstrahl.h"

/* Task C by kind of link: the source family of zeitstrahl's links
 * ("anchor", "signal", "tense", ...) and the kinds of their two ends. */
#define ZS_EVBC_SOURCES 14
#define ZS_EVBC_ENDS 5 /* event-event, event-timex, event-DCT, timex-timex, timex-DCT */
/* Task B classes: the seven TimeML classes in zs_eclass order, then any
 * other gold class. */
#define ZS_EVBC_CLASSES 8

typedef struct zs_evbc_counts {
    size_t docs;                       /* documents with gold events */
    size_t gold, sys, strict, relaxed, cls;   /* task B */
    size_t gold_links, sys_links, found, correct; /* task C */
    /* task C by source and ends: links scored, right, with an end that maps
     * to no gold node, between gold nodes the gold closure does not relate */
    size_t src_sys[ZS_EVBC_SOURCES][ZS_EVBC_ENDS], src_correct[ZS_EVBC_SOURCES][ZS_EVBC_ENDS];
    size_t src_unmapped[ZS_EVBC_SOURCES][ZS_EVBC_ENDS], src_unrelated[ZS_EVBC_SOURCES][ZS_EVBC_ENDS];
    size_t ends_gold[ZS_EVBC_ENDS], ends_found[ZS_EVBC_ENDS]; /* gold links by ends */
    /* task B pairs by gold class and zeitstrahl's; by zeitstrahl's part of
     * speech (0 verb, 1 noun) and whether the class is right */
    size_t cls_conf[ZS_EVBC_CLASSES][ZS_EVBC_CLASSES], cls_pos[2][2];
    /* of the matched events, by gold polarity NEG and zeitstrahl's negated */
    size_t neg[2][2];
    FILE *pairs; /* if set (eval --pairs), one line per pair of neighbouring
                    events of a sentence: see zs_eval_events_file */
} zs_evbc_counts;

/* Scores zeitstrahl in lang on the TimeML gold file path (bytes raw[0..len))
 * into c. With c->pairs set, writes there for each pair of events k, k + 1
 * of one sentence a line "pair", the file, k, the pair's fields
 * (zs_pair_fields), the source of zeitstrahl's link between them or "-",
 * and the relation of the first to the second that the gold closure
 * implies (BEFORE, AFTER, INCLUDES, IS_INCLUDED, SIMULTANEOUS, BEGINS,
 * BEGUN_BY, ENDS, ENDED_BY), "none" or, where either maps to no gold
 * event, "unmapped", and the relType of a gold SLINK or ALINK joining
 * them ("MODAL", "MODAL^" where it runs from the second to the first) or
 * "-", separated by tabs; then for each event a line "dct", the file, its
 * index, its form and class (zs_event_fields), "timed" or "untimed"
 * (whether it has a time of its own), the source of zeitstrahl's link of
 * it to the DCT or "-", and the relation to the DCT the gold closure
 * implies, "none" or "unmapped" (templates/en/derive_tlinks.py reads
 * them); then for each gold TLINK of the reduced graph a line "gold", the
 * file, "found" or "missed", the kind of its ends (event-event, ...), its
 * relation, every relation of the same order zeitstrahl's closure implies
 * between its ends, joined by "|", or "none", per end its form, class and
 * words (zeitstrahl's event paired with it; "timex", its type and words;
 * "dct dct -"; "unmapped - -" where zeitstrahl has none) and the number
 * of sentences from the first end to the second or "-". A file without
 * EVENT elements adds nothing; one with them must be well-formed XML.
 * Returns 0, or a
 * zs_status with err filled. */
int zs_eval_events_file(const zs_lang *lang, const char *path, const char *raw, size_t len,
                        zs_evbc_counts *c, zs_error *err);

void zs_evbc_add(zs_evbc_counts *a, const zs_evbc_counts *b);

/* Writes the task B and task C rows of one corpus (label padded to w), or
 * their header lines with label NULL. */
void zs_evbc_print(FILE *out, int w, const char *label, const zs_evbc_counts *c, bool task_c);

/* Writes task B by class (eval --classes): the pairs of events by gold
 * class (rows) and zeitstrahl's (columns), and the share of right classes
 * of zeitstrahl's verb and noun events. */
void zs_evbc_print_classes(FILE *out, const char *label, const zs_evbc_counts *c);

/* Writes task C by kind of link (eval --links): per source and kind of
 * ends, zeitstrahl's links (sys), the right ones, those with an unmapped
 * end or between nodes the gold leaves unrelated, and precision; per kind
 * of ends the gold links and those found (recall). */
void zs_evbc_print_links(FILE *out, const char *label, const zs_evbc_counts *c);

#endif
