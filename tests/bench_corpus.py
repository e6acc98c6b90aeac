#!/usr/bin/python3
"""make bench, corpus mode: JSONL in, tag + events + graph, JSONL out.

    bench_corpus.py ZEITSTRAHL CORPORA MB...

Writes a JSONL corpus of each size (the KRAUTS news articles repeated under
new ids, tests/corpus_jsonl.py) to a temporary folder and runs `zeitstrahl
--input jsonl` on it with -j 1 and -j 2, output to /dev/null, RUNS times
each (3), alternating. Prints input MB/s (of the JSONL bytes) of the
fastest run by the wall clock and by the CPU time it used (the second is
steadier on a busy machine; only the first shows the speed-up of -j 2),
and the peak resident memory of the runs: streaming keeps the peak the
same for every corpus size. A third line times two `-j 1` processes at
once, each on one half of the corpus (its first and its last lines): the
speed-up two independent processes get on this machine, which -j 2 can at
best match.
"""
import glob
import os
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
RUNS = 3


def run(*cmds):
    """Wall seconds until all of cmds (run at once) end, their CPU seconds
    and the largest peak resident MB of them; stdout to /dev/null."""
    t0 = time.monotonic()
    cpu, peak = 0.0, 0.0
    with open(os.devnull, "wb") as null:
        procs = [subprocess.Popen(cmd, stdout=null) for cmd in cmds]
        for cmd, p in zip(cmds, procs):
            _, status, ru = os.wait4(p.pid, 0)
            if status != 0:
                sys.exit("bench: %s failed (status %d)" % (" ".join(cmd), status))
            cpu += ru.ru_utime + ru.ru_stime
            peak = max(peak, ru.ru_maxrss / 1024.0)
    return time.monotonic() - t0, cpu, peak


def main(argv):
    zs, corpora, sizes = argv[0], argv[1], [float(a) for a in argv[2:]] or [20, 200]
    files = sorted(glob.glob(corpora + "/krauts/KRAUTS_Dolomiten-*_raw-text/*.tml"))
    if not files:
        sys.exit("bench: no articles in %s" % corpora)
    print("corpus mode: --input jsonl, tag + events + graph, JSONL out to /dev/null "
          "(KRAUTS news articles, repeated)")
    with tempfile.TemporaryDirectory() as tmp:
        base = {}
        for mb in sizes:
            path = os.path.join(tmp, "c%g.jsonl" % mb)
            with open(path, "w", encoding="utf-8") as out:
                subprocess.run([sys.executable, os.path.join(here, "corpus_jsonl.py"),
                                "--mb", str(mb)] + files, stdout=out, check=True)
            size = os.path.getsize(path) / 1e6
            with open(path, "rb") as f:
                docs = sum(1 for _ in f)
            # (line by line: the memory of this process would count in
            # the peak of the processes it starts)
            halves = [os.path.join(tmp, "c%g.%d.jsonl" % (mb, h)) for h in (1, 2)]
            with open(path, "rb") as f, open(halves[0], "wb") as h1, open(halves[1], "wb") as h2:
                for i, line in enumerate(f):
                    (h1 if i < docs // 2 else h2).write(line)
            cmd = [zs, "--input", "jsonl", "-j"]
            runs = {1: [], 2: [], "1+1": []}
            for _ in range(RUNS):
                for j in (1, 2):
                    runs[j].append(run(cmd + [str(j), path]))
                runs["1+1"].append(run(*(cmd + ["1", h] for h in halves)))
            for j in (1, 2, "1+1"):
                secs, cpu, _ = min(runs[j])
                peak = max(r[2] for r in runs[j])
                rate = size / secs
                note = ""
                if j == 1:
                    base[mb] = rate
                else:
                    note = "  speed-up %.2fx" % (rate / base[mb])
                print("%7.1f MB %7d docs  %-7s %7.2f MB/s  (%6.2f MB per CPU second)  "
                      "peak %6.1f MB%s" % (size, docs, "-j %s" % j if j != "1+1" else "2x -j 1",
                                           rate, size / cpu, peak, note))
            for h in halves + [path]:
                os.unlink(h)


if __name__ == "__main__":
    main(sys.argv[1:])
