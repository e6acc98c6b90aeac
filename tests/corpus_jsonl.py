#!/usr/bin/python3
"""Writes a JSONL corpus for zeitstrahl --input jsonl from article files.

    corpus_jsonl.py [--mb MB] [--no-dct] FILE...  > corpus.jsonl

Each FILE is a TimeML file (TEXT, DCT from the CREATION_TIME timex), an
SGML file with <DATETIME> and <TEXT> (WikiWarsDE in/), or plain text (no
dct: the article's dateline). One line per article: {"id", "dct", "text"};
with --mb the articles are repeated (ids get "#2", "#3", ...) until the
corpus holds at least MB megabytes of text.
"""
import html
import json
import re
import sys


def article(path):
    with open(path, encoding="utf-8") as f:
        s = f.read()
    text = re.search(r"<TEXT>(.*)</TEXT>", s, re.S)
    if not text:
        return s, None
    body = html.unescape(re.sub(r"<[^>]+>", "", text.group(1)))
    m = re.search(r'functionInDocument="CREATION_TIME"', s)
    dct = None
    if m:
        v = re.search(r'value="([^"]+)"', s[s.rfind("<TIMEX3", 0, m.start()):])
        dct = v.group(1) if v else None
    else:
        d = re.search(r"<DATETIME>\s*(\S+)\s*</DATETIME>", s)
        dct = d.group(1)[:10] if d else None
    return body, dct


def main(argv):
    mb, with_dct, files = 0.0, True, []
    i = 0
    while i < len(argv):
        if argv[i] == "--mb":
            mb = float(argv[i + 1])
            i += 1
        elif argv[i] == "--no-dct":
            with_dct = False
        else:
            files.append(argv[i])
        i += 1
    docs = []
    for p in files:
        text, dct = article(p)
        if text.strip():
            docs.append((p, text, dct))
    out = sys.stdout
    total, rep = 0, 1
    while True:
        for p, text, dct in docs:
            rec = {"id": p if rep == 1 else "%s#%d" % (p, rep)}
            if dct and with_dct:
                rec["dct"] = dct
            rec["text"] = text
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            total += len(text.encode("utf-8"))
        rep += 1
        if total >= mb * 1e6 or not docs:
            break


if __name__ == "__main__":
    main(sys.argv[1:])
