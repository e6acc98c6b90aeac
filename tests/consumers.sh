#!/bin/sh
# The outputs checked by the programs people read them with. Prints "ok ..."
# or "FAIL ..." per check and ends with "N passed, N failed". Run from the
# repository root; needs the Debian packages in DEBS (khal, radicale,
# chromium, python3-icalendar, libxml2-utils).
#
# For each set of inputs (the sample article; the seed article; two articles
# in one feed, drawn in swimlanes; a text with open-ended times; an English
# text; a German and an English article, two zones) every format is written
# twice and must be byte-identical, and then:
#   .ics   parsed by libical (tests/ics_libical.py) and python3-icalendar
#          (tests/ics_check.py), imported by khal with its dates and zones
#          checked (tests/khal_check.py), and stored on a Radicale CalDAV
#          server started here on 127.0.0.1 and read back unchanged
#          (tests/caldav_roundtrip.py);
#   .svg .tml   well-formed XML (xmllint); TimeML's EVENT, MAKEINSTANCE,
#          TLINK and TIMEX3 ids refer to each other (tests/timeml_check.py);
#   .png   decodes (tests/png_check.py); .pdf starts as a PDF;
#   .html  rendered by headless Chromium to a screenshot that is not blank;
#   .csv   read by Python's csv module: a header and one row per event of
#          the graph, whose sources are the mentions and reports that
#          JSONL joins by same_as and node, each in one row;
#   .jsonl one JSON object per line;
# and a feed grown article by article with --previous, an article's URL from
# a corpus line, and the README's Python examples (pandas, ctypes), which
# must run (tests/readme_python.py). Radicale runs once, for every feed.
set -u
bin=${ZS_BIN:-./zeitstrahl}
run="${ZS_VG:-} $bin"
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
formats="ics svg png pdf dot html csv jsonl"
feeds="" # every .ics, stored on one Radicale server at the end

. tests/lib.sh

# Chromium renders FILE.html to FILE.html.png (a fresh profile each time).
screenshot() {
    rm -rf "$tmp/chromium"
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --no-first-run --disable-sync --disable-dev-shm-usage \
        --user-data-dir="$tmp/chromium" --window-size=1024,768 \
        --screenshot="$1.png" "file://$1" >"$tmp/chromium.log" 2>&1 && test -s "$1.png"
}

# consume NAME ARGS...: writes every format of zeitstrahl ARGS twice and
# checks each file with its consumers.
consume() {
    set_=$1
    shift
    mkdir -p "$tmp/$set_/a" "$tmp/$set_/b"
    fmts=$formats
    case $set_ in two|zones) ;; *) fmts="$formats tml" ;; esac # TimeML holds one document
    for d in a b; do
        outs=""
        for f in $fmts; do outs="$outs -o $tmp/$set_/$d/t.$f"; done
        # shellcheck disable=SC2086
        if ! $run $outs "$@" >"$tmp/out" 2>"$tmp/err"; then
            bad "$set_: zeitstrahl $*"
            return
        fi
    done
    same=0
    for f in $fmts; do cmp -s "$tmp/$set_/a/t.$f" "$tmp/$set_/b/t.$f" || same=1; done
    check "$set_: two runs byte-identical ($fmts)" test "$same" -eq 0
    o=$tmp/$set_/a
    check "$set_ ics: libical parses it" $py tests/ics_libical.py "$o/t.ics"
    check "$set_ ics: python3-icalendar parses it" $py tests/ics_check.py "$o/t.ics"
    check "$set_ ics: khal imports it, dates and zones kept" $py tests/khal_check.py "$o/t.ics"
    feeds="$feeds $o/t.ics"
    check "$set_ svg: well-formed" xmllint --noout "$o/t.svg"
    check "$set_ png: decodes" $py tests/png_check.py "$o/t.png"
    check "$set_ pdf: a PDF" sh -c "head -c 5 '$o/t.pdf' | grep -q '%PDF-' && tail -c 6 '$o/t.pdf' | grep -q '%%EOF'"
    check "$set_ html: Chromium renders a page" screenshot "$o/t.html"
    check "$set_ html: the screenshot is not blank" $py tests/png_check.py --nonblank "$o/t.html.png"
    if [ -f "$o/t.tml" ]; then
        check "$set_ tml: well-formed" xmllint --noout "$o/t.tml"
        check "$set_ tml: EVENT, MAKEINSTANCE, TLINK and TIMEX3 refer to each other" \
            $py tests/timeml_check.py "$o/t.tml"
    fi
    check "$set_ csv+jsonl: one row per event of the graph, every mention a source of one" $py -c '
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
events = [r for r in map(json.loads, open(sys.argv[2], encoding="utf-8")) if r["kind"] == "event"]
assert rows[0][:3] == ["doc", "event", "title"] and rows[0][-1] == "sources", rows[0]
assert all(len(r) == len(rows[0]) for r in rows), "ragged rows"
sources = [[(s["doc"], s["event"]) for s in json.loads(r[-1])] for r in rows[1:]]
assert all(s[0] == (r[0], r[1]) for s, r in zip(sources, rows[1:])), "a row is not its first source"
listed = sorted(x for s in sources for x in s)
assert len(listed) == len(set(listed)), "a mention in two rows"
up = {}  # mentions (same_as) and reports (node) of one event: one row
def find(x):
    while up.get(x, x) != x: x = up[x]
    return x
for e in events:
    for o in ([(e["doc"], e["same_as"])] if "same_as" in e else []) + \
             ([tuple(e["node"].rsplit("#", 1))] if "node" in e else []):
        up[find((e["doc"], e["id"]))] = find(o)
assert all(len({find(x) for x in s}) == 1 for s in sources), "a row joins unrelated events"
# an event told as not happening (polarity NEG) is no row, nor are the
# other mentions of the event it stands for
negated = {find((e["doc"], e["id"])) for e in events if e.get("polarity") == "NEG"}
rowless = {(e["doc"], e["id"]) for e in events} - set(listed)
assert all(find(x) in negated for x in rowless), "an event in no row"
assert len(rows) - 1 == len({find(x) for s in sources for x in s}), "an event in two rows"
' "$o/t.csv" "$o/t.jsonl"
}

seed=../shared/seed/000_2980830859de3c92.txt
sample=tests/golden/beispiel.txt
consume sample "$sample"
if [ -f "$seed" ]; then
    consume seed "$seed"
    consume two --layout swimlanes "$seed" "$sample"
else
    echo "note: $seed not found; seed checks skipped"
fi

# recurring and open-ended times ("findet täglich statt" recurs: a daily
# RRULE; tests/test_write_ics.c and tests/e2e.sh check the RRULEs)
printf 'Berlin, 2. Mai 2017, 21:06 Uhr\n\nDer Markt findet t\303\244glich statt. Die Konferenz soll derzeit laufen. Am 7. Juli 2017 um 14 Uhr beginnt der G20-Gipfel.\n' >"$tmp/sets.txt"
consume sets "$tmp/sets.txt"
check "sets: the open-ended event counted on stderr" sh -c \
    "$run -o $tmp/x.ics $tmp/sets.txt 2>&1 | grep -q '^zeitstrahl: iCalendar: .* left out (.*1 open-ended'"

printf 'WASHINGTON, May 2, 2017\n\nThe ministers met on Monday evening. The summit will take place on July 7 at 3 p.m.\n' >"$tmp/en.txt"
consume english --lang en "$tmp/en.txt"
check "english html: English words" grep -q '<th>Event</th>' "$tmp/english/a/t.html"
# a German and an American article: one VTIMEZONE per zone, khal checks both
consume zones "$sample" "$tmp/en.txt"
check "zones ics: Europe/Berlin and America/New_York" sh -c \
    "test \$(grep -c '^BEGIN:VTIMEZONE' $tmp/zones/a/t.ics) -eq 2 &&
     grep -q '^DTSTART;TZID=America/New_York:' $tmp/zones/a/t.ics &&
     grep -q '^DTSTART;TZID=Europe/Berlin:' $tmp/zones/a/t.ics"

# a feed grown article by article: --previous with the output itself
if [ -f "$seed" ]; then
    rm -f "$tmp/feed.ics"
    $run --previous "$tmp/feed.ics" -o "$tmp/feed.ics" "$sample" 2>/dev/null
    n1=$(grep -c '^BEGIN:VEVENT' "$tmp/feed.ics")
    $run --previous "$tmp/feed.ics" -o "$tmp/feed.ics" "$seed" 2>/dev/null
    n2=$(grep -c '^BEGIN:VEVENT' "$tmp/feed.ics")
    $run -o "$tmp/both.ics" "$sample" "$seed" 2>/dev/null
    n3=$(grep -c '^BEGIN:VEVENT' "$tmp/both.ics")
    check "feed: grows by the second article ($n1 + ... = $n3)" test "$n2" -eq "$n3" -a "$n1" -lt "$n2"
    grep '^UID' "$tmp/feed.ics" | sort >"$tmp/uids1"
    grep '^UID' "$tmp/both.ics" | sort >"$tmp/uids2"
    check "feed: same UIDs as both articles at once" cmp "$tmp/uids1" "$tmp/uids2"
    cp "$tmp/feed.ics" "$tmp/feed0.ics"
    $run --previous "$tmp/feed.ics" -o "$tmp/feed.ics" "$seed" 2>/dev/null
    check "feed: rerunning an article changes nothing" cmp "$tmp/feed0.ics" "$tmp/feed.ics"
    check "feed: khal imports the grown feed" $py tests/khal_check.py "$tmp/feed.ics"
    feeds="$feeds $tmp/feed.ics"
    check "feed: --calendar-name and --min-precision" sh -c \
        "$run --calendar-name 'Nahost 2017' --min-precision day -f ics $seed 2>$tmp/notes > $tmp/named.ics &&
         grep -q '^NAME:Nahost 2017' $tmp/named.ics && ! grep -q '^X-ZEITSTRAHL-PRECISION:month' $tmp/named.ics &&
         grep -q 'coarser than the minimum precision' $tmp/notes"
fi

# an article's URL from a corpus line, through merge, into the feed, page and table
printf '{"id":"a1","url":"https://example.org/a?b=1&c=2","dct":"2017-05-02","text":"Der Gipfel findet am 7. Juli in Hamburg statt."}\n' >"$tmp/c.jsonl"
check "corpus: the article's URL in the feed, the page and the table" sh -c \
    "$run --input jsonl $tmp/c.jsonl | $run merge -o $tmp/c.ics -o $tmp/c.html -o $tmp/c.csv 2>/dev/null &&
     grep -q '^URL:https://example.org/a?b=1&c=2' $tmp/c.ics &&
     grep -q '<a href=\"https://example.org/a?b=1&amp;c=2\">a1</a>' $tmp/c.html &&
     grep -q ',https://example.org/a?b=1&c=2,' $tmp/c.csv &&
     grep -qF '\"\"url\"\":\"\"https://example.org/a?b=1&c=2\"\"' $tmp/c.csv"

# two articles reporting one event, merged: one row of the table with both
printf '{"id":"a1","dct":"2017-05-02","text":"Der G20-Gipfel findet am 7. Juli in Hamburg statt."}\n{"id":"a2","dct":"2017-05-03","text":"Am 7. Juli beginnt in Hamburg der G20-Gipfel."}\n' >"$tmp/m.jsonl"
$run --input jsonl "$tmp/m.jsonl" | $run merge -o "$tmp/m.csv" -o "$tmp/m.html" -o "$tmp/m.ics" 2>/dev/null
check "merge: an event two articles report is one CSV row with both sources" $py -c '
import csv, json, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))
        if r["lemma"] == "gipfel"]
assert len(rows) == 1, rows
src = json.loads(rows[0]["sources"])
assert sorted({s["doc"] for s in src}) == ["a1", "a2"], src
assert {s["sentence"] for s in src} == {"Der G20-Gipfel findet am 7. Juli in Hamburg statt.",
                                         "Am 7. Juli beginnt in Hamburg der G20-Gipfel."}, src
' "$tmp/m.csv"
check "merge: ... one HTML row citing both, one VEVENT naming both" sh -c \
    "test \$(grep -c '<td>G20-Gipfel</td>' $tmp/m.html) -eq 1 &&
     grep '<td>G20-Gipfel</td>' $tmp/m.html | grep -q '<cite>a1</cite>.*<cite>a2</cite>' &&
     test \$(grep -c '^SUMMARY:G20-Gipfel' $tmp/m.ics) -eq 1 &&
     test \$(grep -c '^X-ZEITSTRAHL-DOCUMENT:a[12]' $tmp/m.ics) -eq 3"

check "README: the pandas and ctypes examples run" \
    $py tests/readme_python.py README.md "$bin" . templates "$sample"

# shellcheck disable=SC2086
check "Radicale stores every feed, read back unchanged" $py tests/caldav_roundtrip.py $feeds

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
