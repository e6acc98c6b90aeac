#!/usr/bin/python3
"""timex_golden.py input SPEC: writes the documents of SPEC as a zeitstrahl
jsonl corpus (one document per '>' line, the DCT of the last '# dct' line).
timex_golden.py check SPEC OUT: checks that OUT (zeitstrahl --input jsonl
-f jsonl on that corpus) holds, per document, exactly the timexes listed under
its '>' line (text TAB type TAB value [TAB mod], in text order) and that each
timex text is the document's text at its offsets; a document listing none must
have none. Prints one line per difference; exit 1 when there is any."""
import json
import sys


def parse(path):
    docs, dct = [], None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.startswith("# dct "):
            dct = line[6:].strip()
        elif not line.strip() or line.startswith("#"):
            continue
        elif line.startswith("> "):
            if dct is None:
                sys.exit(f"{path}:{n}: a document before any '# dct' line")
            docs.append({"id": f"s{n}", "dct": dct, "text": line[2:], "want": []})
        else:
            if not docs:
                sys.exit(f"{path}:{n}: a timex before any '>' line")
            f = line.split("\t")
            if len(f) not in (3, 4):
                sys.exit(f"{path}:{n}: want text TAB type TAB value [TAB mod]")
            docs[-1]["want"].append(tuple(f + [""] * (4 - len(f))))
    return docs


def main():
    mode, docs = sys.argv[1], parse(sys.argv[2])
    if mode == "input":
        for d in docs:
            print(json.dumps({"id": d["id"], "dct": d["dct"], "lang": "de",
                              "text": d["text"]}, ensure_ascii=False))
        return 0
    got = {d["id"]: [] for d in docs}
    text = {d["id"]: d["text"] for d in docs}
    bad = 0
    for line in open(sys.argv[3], encoding="utf-8"):
        rec = json.loads(line)
        if rec["kind"] != "timex":
            continue
        doc = rec["doc"]
        if text[doc][rec["start"]:rec["end"]] != rec["text"]:
            print(f"{doc}: offsets of {rec['text']!r} are wrong")
            bad += 1
        got[doc].append((rec["text"], rec["type"], rec["value"], rec.get("mod", "")))
    for d in docs:
        if got[d["id"]] != d["want"]:
            print(f"{sys.argv[2]}: {d['text']}\n  want {d['want']}\n  got  {got[d['id']]}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
