#!/usr/bin/python3
"""Runs the Python examples of README.md as a reader would.

Usage: readme_python.py README ZEITSTRAHL LIBDIR TEMPLATES ARTICLE

In a temporary folder: writes timeline.jsonl and events.csv of ARTICLE
with the ZEITSTRAHL binary, then runs each ```python block of README that
imports pandas or ctypes, in turn, with
/usr/bin/python3 (LD_LIBRARY_PATH=LIBDIR, ZEITSTRAHL_TEMPLATES=TEMPLATES).
Every block must exit 0 and print something; the pandas block reading the
JSONL must list an event of ARTICLE, the one reading the CSV the article's
name, the ctypes block must report timexes and events and leave
gipfel.ics with a VEVENT. Prints each block's output; exits 1 otherwise.
"""
import os
import re
import subprocess
import sys
import tempfile


def main():
    readme, binary, libdir, templates, article = map(os.path.abspath, sys.argv[1:6])
    blocks = [b for b in re.findall(r"```python\n(.*?)```", open(readme, encoding="utf-8").read(), re.S)
              if "import pandas" in b or "import ctypes" in b]
    if len(blocks) < 3:
        sys.exit("readme_python: no pandas and ctypes blocks in %s" % readme)
    env = dict(os.environ, LD_LIBRARY_PATH=libdir, ZEITSTRAHL_TEMPLATES=templates)
    # a library built with sanitizers (make asan) needs their runtimes first
    ldd = subprocess.run(["ldd", os.path.join(libdir, "libzeitstrahl.so")],
                         stdout=subprocess.PIPE).stdout.decode()
    pre = [l.split("=>")[1].split()[0] for l in ldd.splitlines()
           if "=>" in l and ("libasan" in l or "libubsan" in l)]
    if pre:
        env["LD_PRELOAD"] = " ".join(pre)
        env["ASAN_OPTIONS"] = "detect_leaks=0"  # Python's own allocations
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([binary, "-o", "timeline.jsonl", "-o", "events.csv", article], cwd=tmp,
                       check=True, stderr=subprocess.DEVNULL)
        outs = []
        for code in blocks:
            r = subprocess.run(["/usr/bin/python3", "-c", code], cwd=tmp, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            out = r.stdout.decode("utf-8")
            if r.returncode != 0 or not out.strip():
                sys.exit("readme_python: block failed (%d):\n%s%s" % (r.returncode, code,
                                                                     r.stderr.decode()))
            print(out, end="")
            outs.append((code, out))
        for code, out in outs:
            if "timeline.jsonl" in code and not re.search(r"\d{4}-\d\d-\d\d", out):
                sys.exit("readme_python: the pandas block lists no dated event")
            if "events.csv" in code and os.path.basename(article) not in out:
                sys.exit("readme_python: the CSV block names no article")
            if "import ctypes" in code and not re.search(r"\d+ timexes, \d+ events", out):
                sys.exit("readme_python: the ctypes block reports no counts")
        ics = open(os.path.join(tmp, "gipfel.ics"), encoding="utf-8").read()
        if "BEGIN:VEVENT" not in ics:
            sys.exit("readme_python: gipfel.ics has no VEVENT")


main()
