#!/usr/bin/python3
"""jsonl_check.py SOURCE JSONL: checks that every timex and event record of
JSONL (zeitstrahl -f jsonl) has text == SOURCE[start:end] in code points, and
prints the timexes as TAB-separated lines: text, type, value, mod."""
import json
import sys


def main():
    source = open(sys.argv[1], encoding="utf-8").read()
    bad = 0
    for n, line in enumerate(open(sys.argv[2], encoding="utf-8"), 1):
        rec = json.loads(line)
        if rec["kind"] not in ("timex", "event"):
            continue
        if source[rec["start"]:rec["end"]] != rec["text"]:
            print(f"line {n}: offsets [{rec['start']},{rec['end']}) give "
                  f"{source[rec['start']:rec['end']]!r}, not {rec['text']!r}", file=sys.stderr)
            bad += 1
        if rec["kind"] == "timex":
            print("\t".join([rec["text"], rec["type"], rec["value"], rec.get("mod", "")]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
