"""Derives tlink_pair (templates/en/tlinks.zt) from the TimeBank part of
TBAQ-cleaned: the relation of an event to the next one in its sentence (no
event between them), keyed by the fields of the pair (event.h,
zs_pair_fields): what stands between them, each event's form (noun, or its
verb's tense) and class.

`zeitstrahl eval --pairs` lists, for every such pair of the engine's events
on raw text, its fields, whether another source links the pair already and
the relation the closure of the gold TLINKs gives it ("none" where the gold
does not relate the two, "unmapped" where one is no gold event). Only pairs
no other source links count. A key is counted at four levels, the most
specific first (as event.c's pair_rel looks them up): gap forms classes;
gap forms with "any" for the classes; gap, "verb" or "noun", classes; gap
and "verb" or "noun" alone.

A key's relation is the one its pairs have most often. Whether it is
emitted is cross-validated: over five folds of TimeBank's documents, the
relation is chosen on four and scored on the fifth; the key is emitted when
its held-out precision (right of all its pairs, "none" and "unmapped"
counting as wrong, as task C counts them) is at least THETA, about half the
task C F1 (a link right more often than that raises the F1), and it has at
least MIN_N pairs. A key is written only where its decision (its relation,
or NONE: not related) differs from what the less specific keys decide for
its pairs.

Run from the repository root with the built CLI:

    /usr/bin/python3 templates/en/derive_tlinks.py \\
        ../shared/corpora/tempeval3/TBAQ-cleaned/TimeBank > /tmp/tlinks.zt

and put its output in templates/en/tlinks.zt. The environment variables
THETA (default 0.14) and MIN_N (default 20) change the rule.
"""
import collections
import os
import subprocess
import sys

THETA = float(os.environ.get("THETA", "0.18"))
MIN_N = int(os.environ.get("MIN_N", "20"))
SUBORD = os.environ.get("SUBORD", "1") == "1"
DCT = os.environ.get("DCT", "1") == "1"
FOLDS = 5
RELATIONS = ["BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED", "SIMULTANEOUS", "BEGINS",
             "BEGUN_BY", "ENDS", "ENDED_BY"]


def keys(gap, af, ac, bf, bc):
    """The pair's keys, the most specific first (event.c, pair_rel)."""
    ap = "noun" if af == "noun" else "verb"
    bp = "noun" if bf == "noun" else "verb"
    return [(gap, af, ac, bf, bc), (gap, af, "any", bf, "any"), (gap, ap, ac, bp, bc),
            (gap, ap, "any", bp, "any")]


def dct_keys(form, cls, timed):
    """An event's keys for its relation to the publication time (event.c,
    relate_dct_table)."""
    return [("dct", form, cls, timed), ("dct", form, "any", timed)]


def read_pairs(gold):
    """The pairs and the events (with their keys and gold relation) that no
    other source relates."""
    out = subprocess.run(["./zeitstrahl", "eval", "--pairs", gold], capture_output=True,
                         text=True, check=True).stdout
    pairs, events = [], []
    for line in out.splitlines():
        f = line.split("\t")
        if f[0] == "dct":
            if f[6] == "-" or f[6].startswith("dct:"):
                events.append((f[1], dct_keys(*f[3:6]), f[7]))
            continue
        if f[0] != "pair" or (f[8] != "-" and not f[8].startswith("pair:")):
            continue  # related by another source
        rel = f[9]
        if rel == "none" and SUBORD and f[10] in ("MODAL", "MODAL^"):
            rel = "BEFORE" if f[10] == "MODAL" else "AFTER"
        pairs.append((f[1], keys(*f[3:8]), rel))
    return pairs, events


def best(counts):
    """The most frequent relation of counts (ties by RELATIONS order), or None."""
    top = None
    for r in RELATIONS:
        if counts[r] and (top is None or counts[r] > counts[top]):
            top = r
    return top


def derive(pairs):
    """The table entries for the items (doc, keys most specific first,
    relation): key -> (relation or None, items, held-out right, best)."""
    docs = sorted({doc for doc, _, _ in pairs})
    fold_of = {doc: i % FOLDS for i, doc in enumerate(docs)}
    # counts[key][fold][relation], "#" the number of items
    counts = collections.defaultdict(lambda: [collections.Counter() for _ in range(FOLDS)])
    for doc, ks, rel in pairs:
        for k in ks:
            c = counts[k][fold_of[doc]]
            c["#"] += 1
            c[rel] += 1
    decision = {}  # key -> (relation or None, n, held-out right, best relation)
    for k, per_fold in counts.items():
        total = sum(per_fold, collections.Counter())
        right = 0
        for f in range(FOLDS):
            r = best(total - per_fold[f])
            if r:
                right += per_fold[f][r]
        n = total["#"]
        r = best(total)
        emit = r if n >= MIN_N and right >= THETA * n else None
        decision[k] = (emit, n, right, r)
    # keep a key only where it changes what the less specific ones decide
    table = {}

    def decide(ks, upto):
        for k in ks[upto:]:
            if k in table:
                return table[k][0]
        return None

    levels = len(pairs[0][1]) if pairs else 0
    for level in reversed(range(levels)):
        for doc, ks, rel in pairs:
            k = ks[level]
            if k in table or decision[k][1] < MIN_N:
                continue
            if decision[k][0] != decide(ks, level + 1):
                table[k] = decision[k]
    return table


def main():
    pairs, events = read_pairs(sys.argv[1])
    print("# Generated by derive_tlinks.py from TimeBank (TBAQ-cleaned); do not edit.")
    print("# tlink_pair: the relation of an event to the next one in its sentence")
    print("# by the fields of the pair (event.h, zs_pair_fields): gap, then form and")
    print("# class of each event; \"any\" stands for every class, \"verb\" for every")
    print("# tense. \"dct FORM CLASS TIMED\": the relation to the publication time of")
    print("# an event no other source relates to it (TIMED: timed or untimed, whether")
    print("# it has a time of its own). NONE: not related. The comment gives the")
    print("# items TimeBank has of the key and the held-out (five-fold) right ones of")
    print("# the relation chosen; emitted where that is at least %.2f of them (and" % THETA)
    print("# %d items or more)." % MIN_N)
    print("lexicon tlink_pair")
    for items in (pairs, events) if DCT else (pairs,):
        table = derive(items)
        for k in sorted(table, key=lambda k: (k[0], k[2] == "any", k[1] in ("verb", "noun"), k)):
            emit, n, right, r = table[k]
            print("  \"%s\" = %s  # %d of %d (%s)" % (" ".join(k), emit or "NONE", right, n, r))
    print("end")


main()
