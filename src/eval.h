/* zeitstrahl eval: TempEval-3 task-A scores (TIMEX3 extent, value, type)
 * of zeitstrahl, or of another system's TimeML output, against annotated
 * gold files (TimeML with inline TIMEX3, or inline TIMEX2 as in WikiWarsDE).
 *
 *     zeitstrahl eval [--errors] [--links] [--system DIR|FILE | --narrative | --news] PATH...
 *
 * Each PATH is a gold file or a folder of them (its *.tml, *.xml and
 * *.timeml files, in name order); the files of one folder form a corpus
 * named by the folder. A "--system" applies to the PATHs after it: the
 * system file of a gold file is the one of the same base name in DIR (or
 * FILE itself for a single gold file). PATHs before any "--system" are
 * scored with zeitstrahl, given the gold document's creation time, as news;
 * "--narrative" runs zeitstrahl in its narrative mode (zs_options.narrative:
 * history, biography, e.g. WikiWarsDE) and "--news" in news mode again.
 * --system, --narrative and --news each choose the system for the PATHs
 * after them, so one run can score several corpora each its own way.
 *
 * Output: with --errors, one line per mismatch,
 *     FILE: "mention" gold=TYPE:VALUE[:MOD] sys=TYPE:VALUE[:MOD] KIND
 * (KIND missing, spurious, value, type or extent; "-" for the absent side;
 * a relaxed match with another extent adds sys_text="..."), then a table
 * of whitespace-separated columns with this header line:
 *     corpus docs gold sys strict_P strict_R strict_F1 relaxed_P relaxed_R
 *     relaxed_F1 value_F1 type_F1
 * one row per corpus and a last row "overall"; figures are percentages with
 * two decimals. Nothing is written unless every file was read. */
#ifndef ZS_EVAL_H
#define ZS_EVAL_H

#include <stdio.h>

#include "zeitstrahl.h"

/* Runs "eval" with argv[0] = "eval". lang runs zeitstrahl on gold files
 * that have no --system; it may be NULL when every PATH has one. Writes the
 * report to out. Returns 0 (also for --help, whose text goes to out), or a
 * zs_status with err filled: one line naming the file (ZS_ERR_IO unreadable,
 * ZS_ERR_INPUT malformed XML or no TEXT, ZS_ERR_USAGE bad arguments, or the
 * library's code when zeitstrahl rejects a document). */
int zs_eval_run(int argc, char **argv, const zs_lang *lang, FILE *out,
                zs_error *err);

/* The same with several languages: each gold file is read in the one
 * zs_lang_detect picks among langs[0..nlangs). */
int zs_eval_run_langs(int argc, char **argv, const zs_lang *const *langs, size_t nlangs,
                      FILE *out, zs_error *err);

/* The command: zs_eval_run_langs to standard output; an error goes to
 * standard error as "zeitstrahl: message". Returns the exit code (a zs_status). */
int zs_eval_main(int argc, char **argv, const zs_lang *const *langs, size_t nlangs);

#endif
