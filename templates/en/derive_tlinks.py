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

A key is judged on the pairs it decides: those that no more specific key
written decides. From the most specific level down, a key's relation is
the one these pairs have most often, and whether it is written is
cross-validated: over five folds of TimeBank's documents, the relation is
chosen on four and scored on the fifth; the key is written when its
held-out precision (right of its pairs, "none" and "unmapped" counting as
wrong, as task C counts them) is at least THETA, about half the task C F1
(a link right more often than that raises the F1), and it has at least
MIN_N pairs. Then a more specific key that is not written, with MIN_N
pairs that a less specific one decides, is written as NONE (not related)
where that one's relation is right for fewer than THETA of them. (Judging
a key on all its pairs instead, the ones a more specific key takes
included, kept keys whose own pairs were seldom right: five-fold
cross-validated on TimeBank, the derivation run on four fifths and
`zeitstrahl eval` on the fifth, task C F1 29.31 -> 29.41.)

Run from the repository root with the built CLI:

    /usr/bin/python3 templates/en/derive_tlinks.py \\
        ../shared/corpora/tempeval3/TBAQ-cleaned/TimeBank > /tmp/tlinks.zt

and put its output in templates/en/tlinks.zt. With --cv before the folder it
derives the table on four fifths of the documents and scores task C with
`zeitstrahl eval` on the fifth, five times, and prints the pooled P, R and
F1: how a change of the derivation (or of the sources it builds on) does on
text the table was not derived from. The environment variables
THETA (default 0.18) and MIN_N (default 20) change the rule.
"""
import collections
import os
import shutil
import subprocess
import sys
import tempfile

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


def held_out(items, fold_of):
    """(relation, items, held-out right, relation of all) for items (doc,
    relation): the relation is chosen on four folds and scored on the fifth."""
    per_fold = [collections.Counter() for _ in range(FOLDS)]
    for doc, rel in items:
        per_fold[fold_of[doc]][rel] += 1
    total = sum(per_fold, collections.Counter())
    right = 0
    for f in range(FOLDS):
        r = best(total - per_fold[f])
        if r:
            right += per_fold[f][r]
    return len(items), right, best(total)


def derive(pairs):
    """The table entries for the items (doc, keys most specific first,
    relation): key -> (relation or None, items, held-out right, best).

    A key is judged on the items it decides: those no more specific key
    that is emitted decides. From the most specific level down, a key with
    MIN_N such items whose held-out precision is at least THETA is emitted
    with its relation. Then a key not emitted, with MIN_N items left, whose
    items a less specific key would decide with a held-out precision below
    THETA, is emitted as NONE."""
    docs = sorted({doc for doc, _, _ in pairs})
    fold_of = {doc: i % FOLDS for i, doc in enumerate(docs)}
    levels = len(pairs[0][1]) if pairs else 0
    table = {}
    decided = [None] * len(pairs)  # the emitted key that decides item i
    for level in range(levels):
        groups = collections.defaultdict(list)
        for i, (doc, ks, rel) in enumerate(pairs):
            if decided[i] is None:
                groups[ks[level]].append(i)
        for k, idx in groups.items():
            n, right, r = held_out([(pairs[i][0], pairs[i][2]) for i in idx], fold_of)
            if n >= MIN_N and r and right >= THETA * n:
                table[k] = (r, n, right, r)
                for i in idx:
                    decided[i] = k
    # keys whose items a less specific key decides too poorly: NONE
    for level in range(levels - 1):
        groups = collections.defaultdict(list)
        for i, (doc, ks, rel) in enumerate(pairs):
            k = decided[i]
            if k is not None and pairs[i][1].index(k) > level:
                groups[(ks[level], k)].append(i)
        for (k, by), idx in groups.items():
            if k in table or len(idx) < MIN_N:
                continue
            scored = collections.Counter(pairs[i][2] for i in idx)
            right = scored[table[by][0]]
            if right < THETA * len(idx):
                table[k] = (None, len(idx), right, table[by][0])
                for i in idx:
                    decided[i] = k
    return table


def write_table(gold, out):
    """Derives the table from the gold folder and writes it to out."""
    pairs, events = read_pairs(gold)
    w = out.write
    w("# Generated by derive_tlinks.py from TimeBank (TBAQ-cleaned); do not edit.\n")
    w("# tlink_pair: the relation of an event to the next one in its sentence\n")
    w("# by the fields of the pair (event.h, zs_pair_fields): gap, then form and\n")
    w("# class of each event; \"any\" stands for every class, \"verb\" for every\n")
    w("# tense. \"dct FORM CLASS TIMED\": the relation to the publication time of\n")
    w("# an event no other source relates to it (TIMED: timed or untimed, whether\n")
    w("# it has a time of its own). NONE: not related. The comment gives the\n")
    w("# items TimeBank has of the key (those no more specific key decides) and\n")
    w("# the held-out (five-fold) right ones of the relation chosen; emitted\n")
    w("# where that is at least %.2f of them (and %d items or more); NONE where\n" % (THETA, MIN_N))
    w("# the relation of a less specific key is right for fewer.\n")
    w("lexicon tlink_pair\n")
    for items in (pairs, events) if DCT else (pairs,):
        table = derive(items)
        for k in sorted(table, key=lambda k: (k[0], k[2] == "any", k[1] in ("verb", "noun"), k)):
            emit, n, right, r = table[k]
            w("  \"%s\" = %s  # %d of %d (%s)\n" % (" ".join(k), emit or "NONE", right, n, r))
    w("end\n")


def cross_validate(gold):
    """Task C of the derivation held out: over five folds of the documents,
    the table derived on four (with the other templates as they are) and
    `zeitstrahl eval` run on the fifth; prints the pooled P, R and F1."""
    docs = sorted(f for f in os.listdir(gold) if f.endswith(".tml"))
    gold_n = sys_n = right = found = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(FOLDS):
            train, test = os.path.join(tmp, "train%d" % fold), os.path.join(tmp, "test%d" % fold)
            os.mkdir(train)
            os.mkdir(test)
            for i, doc in enumerate(docs):
                os.symlink(os.path.abspath(os.path.join(gold, doc)),
                           os.path.join(test if i % FOLDS == fold else train, doc))
            tpl = os.path.join(tmp, "tpl%d" % fold)
            shutil.copytree("templates/en", os.path.join(tpl, "en"))
            with open(os.path.join(tpl, "en", "tlinks.zt"), "w") as out:
                write_table(train, out)
            out = subprocess.run(["./zeitstrahl", "eval", "--templates", tpl, test],
                                 capture_output=True, text=True, check=True).stdout
            row = out.split("\ntask_C ", 1)[1].splitlines()[1].split()
            g, n, p, r = int(row[2]), int(row[3]), float(row[4]), float(row[5])
            gold_n += g
            sys_n += n
            right += n * p / 100
            found += g * r / 100
    p, r = 100 * right / sys_n, 100 * found / gold_n
    print("held-out task C: gold %d sys %d P %.2f R %.2f F1 %.2f"
          % (gold_n, sys_n, p, r, 2 * p * r / (p + r)))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--cv":
        cross_validate(sys.argv[2])
    else:
        write_table(sys.argv[1], sys.stdout)


main()
