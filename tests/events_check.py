"""Checks the events and temporal relations of a zeitstrahl JSONL output
against a hand-written expectation file.

    python3 tests/events_check.py OUTPUT.jsonl EXPECTED.spec

Expectation lines (blank lines and # comments ignored):

    event NAME key=value ...   (quote values with spaces: title="G20-Gipfel
                               in Hamburg") the first event whose fields match: title,
                               lemma, text, modality, class, mod,
                               participants (comma-separated), set (the
                               value of the SET timex it recurs at), time
                               (its timex id, empty: none), and
                               begin/until as prefixes of the event's
                               interval, place_begin/place_until of
                               its place in the time order; "-": the
                               event has no such field (begin=-: no
                               interval of its own)
    rel A < B                  a tlink says A ends before B begins (A BEFORE B
                               or B AFTER A), from any source, not one left
                               out as contradicted
    rel A <= B                 as <, or B directly after A (IBEFORE)
    rel A in B                 A is included in B (IS_INCLUDED, DURING, or B
                               INCLUDES A)
    rel A same B               A and B are one event or simultaneous
    rel A sameday B            both intervals lie within the same day
    rel A < dct / A > dct      A before / after the publication time
    rel A ~ dct                A overlaps the publication time
    contradiction SRC, SRC ... a contradiction record involves links from
                               all these sources ("signal:nach, signal:am rande")

Prints one line per check and exits 1 if any fails.
"""
import datetime
import json
import shlex
import sys

ONE_DAY = datetime.timedelta(days=1)
# keys compared as prefixes of the event's value
PREFIX_KEYS = ("begin", "until", "place_begin", "place_until")


def day(iso):
    return datetime.date.fromisoformat(iso[:10])

BEFORE = {("BEFORE", False), ("AFTER", True), ("IBEFORE", False), ("IAFTER", True)}
OVERLAPS = {"OVERLAP", "INCLUDES", "IS_INCLUDED", "SIMULTANEOUS", "DURING", "IDENTITY"}


def main():
    records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    events = [r for r in records if r["kind"] == "event"]
    timexes = {r["id"]: r for r in records if r["kind"] == "timex"}
    links = [r for r in records if r["kind"] == "tlink" and "contradiction" not in r]
    contras = [r for r in records if r["kind"] == "contradiction"]
    names = {}
    failed = 0

    def report(ok, what):
        nonlocal failed
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failed += 1

    def rels(a, b):
        out = set()
        for l in links:
            if l["from"] == a and l["to"] == b:
                out.add((l["rel"], False))
            elif l["from"] == b and l["to"] == a:
                out.add((l["rel"], True))
        return out

    for raw in open(sys.argv[2], encoding="utf-8"):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        f = shlex.split(line)
        if f[0] == "event":
            want = dict(kv.split("=", 1) for kv in f[2:])
            found = None
            for e in events:
                ok = True
                for k, v in want.items():
                    got = e.get(k) or ""
                    if k == "participants":
                        got = ",".join(got)
                    elif k == "set":
                        x = timexes.get(e.get("time"), {})
                        got = x.get("value", "") if x.get("type") == "SET" else ""
                    if v == "-":  # the event has no such field
                        ok = ok and e.get(k) is None
                    else:
                        ok = ok and (got.startswith(v) if k in PREFIX_KEYS else got == v)
                if ok:
                    found = e
                    break
            names[f[1]] = found
            report(found is not None, "event %s (%s)%s" % (
                f[1], " ".join(f[2:]), " = " + found["id"] if found else ""))
        elif f[0] == "rel":
            a, op, b = f[1], f[2], f[3]
            ea = names.get(a)
            eb = names.get(b) if b != "dct" else {"id": "t0"}
            if not ea or not eb:
                report(False, line + " (unknown event)")
                continue
            r = rels(ea["id"], eb["id"])
            if op in ("<", "<="):
                ok = any((rel, inv) in BEFORE for rel, inv in r)
                if op == "<=":
                    ok = ok or ("SIMULTANEOUS", False) in r
            elif op == ">":
                ok = any((rel, not inv) in BEFORE for rel, inv in r)
            elif op == "in":
                ok = bool(r & {("IS_INCLUDED", False), ("DURING", False),
                               ("INCLUDES", True), ("DURING_INV", True)})
            elif op == "same":
                ok = any(rel in ("IDENTITY", "SIMULTANEOUS") for rel, _ in r)
            elif op == "~":
                ok = any(rel in OVERLAPS for rel, _ in r)
            elif op == "sameday":
                ok = all("begin" in e for e in (ea, eb)) and \
                    len({day(e["begin"]) for e in (ea, eb)}) == 1 and \
                    all(day(e["until"]) <= day(e["begin"]) + ONE_DAY for e in (ea, eb))
            else:
                ok = False
            report(ok, "%s (%s %s %s: %s)" % (line, ea["id"], op, eb["id"],
                                              sorted("%s%s" % (rel, "^-1" if inv else "") for rel, inv in r)))
        elif f[0] == "contradiction":
            srcs = line[len("contradiction"):].strip().split(",")
            srcs = [s.strip() for s in srcs]
            ok = False
            for c in contras:
                have = {c["link"]["source"]} | {w["source"] for w in c["with"]}
                ok = ok or all(s in have for s in srcs)
            report(ok, line)
        else:
            report(False, "unknown check: " + line)
    print("%d failed" % failed)
    sys.exit(1 if failed else 0)


main()
