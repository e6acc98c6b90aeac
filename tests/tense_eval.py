#!/usr/bin/python3
"""Scores the tense and aspect zeitstrahl gives verb events against the
MAKEINSTANCEs of TimeML gold files (English TempEval-3: TBAQ-cleaned).

Usage: tense_eval.py ZEITSTRAHL FOLDER [LANG]

Each gold file is read with --input timeml; an event zeitstrahl finds with
exactly the extent of a gold EVENT whose instance is not a noun or an
adjective is scored: tense, aspect and both right, and, for comparison,
how often the gold value is NONE (what every instance said before events
had a tense). Prints one line of counts and shares, then the commonest
tense confusions (gold, zeitstrahl).

    /usr/bin/python3 tests/tense_eval.py ./zeitstrahl \\
        ../shared/corpora/tempeval3/TBAQ-cleaned/AQUAINT
"""
import collections
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET


def gold_events(path):
    """{(start, end): MAKEINSTANCE} in code points of the TEXT content."""
    root = ET.parse(path).getroot()
    spans, pos = {}, 0

    def walk(el):
        nonlocal pos
        pos += len(el.text or "")
        for c in el:
            start = pos
            walk(c)
            if c.tag == "EVENT":
                spans[c.get("eid")] = (start, pos)
            pos += len(c.tail or "")

    walk(root.find("TEXT"))
    inst = {}
    for m in root.iter("MAKEINSTANCE"):
        inst.setdefault(m.get("eventID"), m)
    return {spans[e]: inst[e] for e in spans if e in inst}


def main():
    binary, folder = sys.argv[1], sys.argv[2]
    lang = sys.argv[3] if len(sys.argv) > 3 else "en"
    n = collections.Counter()
    confusions = collections.Counter()
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".tml"):
            continue
        path = os.path.join(folder, name)
        gold = gold_events(path)
        out = subprocess.run([binary, "--lang", lang, "--input", "timeml", "-f", "jsonl", path],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
        for line in out.stdout.decode("utf-8").splitlines():
            r = json.loads(line)
            g = gold.get((r.get("start"), r.get("end"))) if r["kind"] == "event" else None
            if g is None or g.get("pos") in ("NOUN", "ADJECTIVE"):
                continue
            tense, aspect = r.get("tense", "NONE"), r.get("aspect", "NONE")
            n["verbs"] += 1
            n["tense"] += tense == g.get("tense")
            n["aspect"] += aspect == g.get("aspect")
            n["both"] += tense == g.get("tense") and aspect == g.get("aspect")
            n["gold tense NONE"] += g.get("tense") == "NONE"
            n["gold aspect NONE"] += g.get("aspect") == "NONE"
            if tense != g.get("tense"):
                confusions[(g.get("tense"), tense)] += 1
    v = max(n["verbs"], 1)
    print("%d verb events: tense %.3f, aspect %.3f, both %.3f (all NONE: tense %.3f, aspect %.3f)"
          % (n["verbs"], n["tense"] / v, n["aspect"] / v, n["both"] / v,
             n["gold tense NONE"] / v, n["gold aspect NONE"] / v))
    for (g, s), k in confusions.most_common(8):
        print("  gold %s, zeitstrahl %s: %d" % (g, s, k))


main()
