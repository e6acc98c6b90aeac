#!/bin/sh
# End-to-end tests of the command-line tool. Prints "ok ..." or "FAIL ..." per
# check and ends with "N passed, N failed". Run from the repository root.
set -u
bin=${ZS_BIN:-./zeitstrahl}
run="${ZS_VG:-} $bin"
py=/usr/bin/python3
seed=../shared/seed/000_2980830859de3c92.txt
sample=tests/golden/beispiel.txt
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. tests/lib.sh
has() { grep -qF -- "$2" "$1"; }

# ---- the seed article: timexes, calendar, diagram ----------------------------
if [ -f "$seed" ]; then
    check "seed: jsonl without --dct" sh -c "$run -f jsonl $seed > $tmp/seed.jsonl"
    check "seed: offsets are code points" sh -c "$py tests/jsonl_check.py $seed $tmp/seed.jsonl > $tmp/seed.tsv"
    while IFS='|' read -r text type value mod; do
        check "seed: $text = $value $mod" grep -qxF "$(printf '%s\t%s\t%s\t%s' "$text" "$type" "$value" "$mod")" "$tmp/seed.tsv"
    done <<'LIST'
2. Mai 2017, 21:06 Uhr|TIME|2017-05-02T21:06|
Juli|DATE|2017-07|
7.|DATE|2017-07-07|
8. Juli|DATE|2017-07-08|
Dienstagabend|TIME|2017-05-02TEV|
Januar|DATE|2017-01|
Anfang April|DATE|2017-04|START
Dienstag|DATE|2017-05-02|
derzeit|DATE|PRESENT_REF|
zur Zeit|DATE|PRESENT_REF|
LIST
    check "seed: no timex for 'zum ersten Mal' or 'G20'" sh -c "! grep -qE '^(zum|ersten|Mal|G20)' $tmp/seed.tsv"
    check "seed: dct in the doc record" has "$tmp/seed.jsonl" '"kind":"doc","dct":"2017-05-02T21:06+02:00"'

    check "seed: -o t.ics -o t.svg" $run -o "$tmp/t.ics" -o "$tmp/t.svg" "$seed"
    check "seed ics: python3-icalendar parses it" sh -c "$py tests/ics_check.py $tmp/t.ics > $tmp/ics.tsv"
    check "seed ics: summit all-day 7-8 July" sh -c "grep -q 'G20-Gipfel in Hamburg	20170707	20170709	DATE' $tmp/ics.tsv"
    check "seed ics: call in the evening, Berlin" sh -c "grep -q 'Telefonat Putin – Trump	20170502T180000	20170502T220000	Europe/Berlin' $tmp/ics.tsv"
    check "seed ics: meeting vague July" sh -c "grep -q 'Treffen Putin – Trump	20170701	20170801	DATE' $tmp/ics.tsv"
    check "seed ics: strike early April" sh -c "grep -q 'US-Angriff	20170401	20170411	DATE' $tmp/ics.tsv"
    check "seed ics: VTIMEZONE Europe/Berlin" has "$tmp/t.ics" "TZID:Europe/Berlin"
    check "seed ics: no libical tzid prefix" sh -c "! grep -q freeassociation $tmp/t.ics"
    check "seed ics: DTSTART;VALUE=DATE:20170707" has "$tmp/t.ics" "DTSTART;VALUE=DATE:20170707"
    check "seed ics: DTEND;VALUE=DATE:20170709" has "$tmp/t.ics" "DTEND;VALUE=DATE:20170709"
    check "seed svg: well-formed" xmllint --noout "$tmp/t.svg"
    check "seed svg: events left to right in time order" \
        $py tests/svg_order.py "$tmp/t.svg" Amtsantritt US-Angriff Telefonat G20-Gipfel
    check "seed events: rows and order of EXPECTED.md, the tension reported" \
        $py tests/events_check.py "$tmp/seed.jsonl" tests/events/seed.spec
    check "seed events: contradictions counted on stderr" sh -c \
        "$run -f jsonl $seed 2>&1 >/dev/null | grep -q ': 1 contradictory temporal relation '"
else
    echo "note: $seed not found; seed checks skipped"
fi

# ---- articles with hand-checked events and order (tests/events/) ----
for spec in tests/events/*.spec; do
    text=${spec%.spec}.txt
    [ -f "$text" ] || continue
    check "events: $(basename "$text") as in $(basename "$spec")" sh -c \
        "$run -f jsonl $text > $tmp/ev.jsonl && $py tests/events_check.py $tmp/ev.jsonl $spec"
done
# events at a set recur: "jeden Montag", "täglich", "every Monday", "daily"
for text in tests/events/sitzungen.txt tests/events/meetings_en.txt; do
    n=$(basename "$text" .txt)
    check "rrule: $n.ics parses" sh -c "$run -o $tmp/$n.ics $text 2>/dev/null && $py tests/ics_check.py $tmp/$n.ics >/dev/null"
    check "rrule: $n weekly on Mondays from 2019-03-18" sh -c \
        "tr -d '\r' < $tmp/$n.ics | grep -A12 '^DTSTART;VALUE=DATE:20190318' | grep -qx 'RRULE:FREQ=WEEKLY;BYDAY=MO'"
    check "rrule: $n daily from 2019-03-14" sh -c \
        "tr -d '\r' < $tmp/$n.ics | grep -A12 '^DTSTART;VALUE=DATE:20190314' | grep -qx 'RRULE:FREQ=DAILY'"
done

# ---- the sample article: golden files ----------------------------------------
check "sample: jsonl equals golden" sh -c "$run -f jsonl $sample | cmp - tests/golden/beispiel.jsonl"
check "sample: ics equals golden" sh -c "$run -f ics $sample | cmp - tests/golden/beispiel.ics"
check "sample: text table equals golden" sh -c "$run $sample | cmp - tests/golden/beispiel.table"
check "sample: offsets are code points" sh -c "$py tests/jsonl_check.py $sample tests/golden/beispiel.jsonl >/dev/null"

# ---- German news sentences, every timex checked by hand ------------------------
news=tests/golden/nachrichten.spec
check "news: the sentences as a jsonl corpus" sh -c \
    "$py tests/timex_golden.py input $news > $tmp/news.in.jsonl && $run --input jsonl -f jsonl $tmp/news.in.jsonl > $tmp/news.jsonl"
check "news: every timex as in $(basename $news)" $py tests/timex_golden.py check $news "$tmp/news.jsonl"

# ---- clock times with a zone word: the feed holds that instant ---------------
# "at 1400 GMT" in a Berlin article is 14:00 UTC (16:00 there); "at 6 p.m."
# without a zone is the article's 18:00 (16:00 UTC). python3-icalendar reads
# the TZID through the feed's VTIMEZONE; libical parses the same file.
printf 'The ceasefire starts at 1400 GMT on July 7.\nThe vote ends at 6 p.m. on July 9.\n' > "$tmp/zone.txt"
check "zone: the feed is written" sh -c \
    "$run --lang en --tz Europe/Berlin --dct 2017-07-05 -o $tmp/zone.ics -o $tmp/zone.jsonl $tmp/zone.txt 2>/dev/null"
check "zone: libical parses it" $py tests/ics_libical.py "$tmp/zone.ics"
check "zone: 1400 GMT is 14:00 UTC in the feed" sh -c \
    "$py tests/ics_check.py --utc $tmp/zone.ics | grep -qx 'Start	20170707T140000Z	20170707T140100Z	Europe/Berlin'"
check "zone: 6 p.m. without a zone is the article's" sh -c \
    "$py tests/ics_check.py --utc $tmp/zone.ics | grep -qx 'End	20170709T160000Z	20170709T170000Z	Europe/Berlin'"
check "zone: jsonl begin in the zone's offset" grep -q \
    '"text":"1400 GMT on July 7",.*"value":"2017-07-07T14:00","begin":"2017-07-07T14:00+00:00"' "$tmp/zone.jsonl"
check "zone: merge reads the offset back (JSONL unchanged)" sh -c \
    "$run merge -f jsonl $tmp/zone.jsonl 2>/dev/null | cmp - $tmp/zone.jsonl"

# ---- determinism: two runs, byte-identical files ------------------------------
mkdir -p "$tmp/a" "$tmp/b"
for d in a b; do
    $run -o "$tmp/$d/t.ics" -o "$tmp/$d/t.svg" -o "$tmp/$d/t.jsonl" -o "$tmp/$d/t.dot" \
        -o "$tmp/$d/t.png" -o "$tmp/$d/t.pdf" -o "$tmp/$d/t.html" -o "$tmp/$d/t.csv" \
        --layout swimlanes --previous "$tmp/$d/t.ics" "$sample" 2>"$tmp/err"
done
for f in t.ics t.svg t.jsonl t.dot t.png t.pdf t.html t.csv; do
    check "deterministic: $f" cmp "$tmp/a/$f" "$tmp/b/$f"
done
check "png output is a PNG" sh -c "head -c 8 $tmp/a/t.png | od -An -c | grep -q 'P   N   G'"
check "pdf output is a PDF" sh -c "head -c 5 $tmp/a/t.pdf | grep -q '%PDF-'"

# ---- input: stdin, --dct ---------------------------------------------------------
check "stdin with --dct" sh -c "printf 'Am Freitag soll gewählt werden.' | $run --dct 2017-05-02 -f jsonl | grep -q '\"value\":\"2017-05-05\"'"
check "--help" sh -c "$run --help | grep -q 'Usage: zeitstrahl'"
check "--version" sh -c "$run --version | grep -q '^zeitstrahl [0-9]'"

# ---- TimeML in and out ---------------------------------------------------------
krauts=../shared/corpora/krauts/KRAUTS_Dolomiten-42_raw-text/34487_text.txt.tml
if [ -f "$krauts" ]; then
    check "timeml: --input timeml -f timeml" sh -c "$run --input timeml -f timeml $krauts > $tmp/k.tml"
    check "timeml: well-formed" xmllint --noout "$tmp/k.tml"
    check "timeml: TIMEX3 with anchorTimeID" has "$tmp/k.tml" '<TIMEX3 tid="t1" type="DATE" value="2010-02-25" anchorTimeID="t0">Donnerstag, 25. Februar</TIMEX3>'
    check "timeml: the input without the new tags" sh -c \
        "sed -e '/<TEXT>/,/<\\/TEXT>/s#<TIMEX3 [^>]*>##g' -e '/<TEXT>/,/<\\/TEXT>/s#</TIMEX3>##g' $tmp/k.tml | cmp -s - $krauts"
    check "timeml: -o FILE.tml" sh -c "$run --input timeml -o $tmp/k2.tml $krauts && cmp -s $tmp/k.tml $tmp/k2.tml"
else
    echo "note: $krauts not found; TimeML checks skipped"
fi
check "timeml: plain text as TimeML is well-formed" sh -c "$run -f timeml $sample | xmllint --noout -"
# cancelled and postponed events: an SLINK from the event that cancels
# (COUNTER_FACTIVE) or moves (MODAL) them
check "timeml: SLINKs of cancelled and postponed events" sh -c \
    "$run -f timeml tests/events/absage.txt > $tmp/st.tml && $py tests/timeml_check.py $tmp/st.tml >/dev/null &&
     grep -q 'relType=\"COUNTER_FACTIVE\" eventInstanceID=' $tmp/st.tml &&
     grep -q 'relType=\"MODAL\" eventInstanceID=' $tmp/st.tml"
# durations that point back or ahead ("vor zwei Wochen", "in drei
# Monaten"): beginPoint and endPoint naming the DCT and an empty TIMEX3
# after TEXT, the date, with which the events' TLINKs are; read back and
# written again, the references still hold
points=tests/golden/punkte.txt
check "timeml: durations that point, as golden" sh -c \
    "$run --dct 2026-03-20 -f timeml $points > $tmp/p.tml && cmp $tmp/p.tml tests/golden/punkte.tml"
check "timeml: durations that point, references" sh -c \
    "xmllint --noout $tmp/p.tml && $py tests/timeml_check.py $tmp/p.tml >/dev/null"
check "timeml: durations that point, read back and written again: the same file" sh -c \
    "$run --input timeml -f timeml $tmp/p.tml > $tmp/p2.tml && $py tests/timeml_check.py $tmp/p2.tml >/dev/null &&
     cmp $tmp/p.tml $tmp/p2.tml"
printf '<TimeML><TEXT>Am 3. Mai.</TEXT>\n' >"$tmp/broken.tml"
printf '<TimeML><TEXT>Am 3. Mai.</TEXT></TimeML>\n' >"$tmp/nodct.tml"

# ---- errors: one line naming the file, non-zero exit, no output left ---------
# expect_error NAME EXPECTED-TEXT ARGS...: exit non-zero, one stderr line
# containing EXPECTED-TEXT, and $tmp/e.ics neither created nor changed.
expect_error() {
    name=$1
    want=$2
    shift 2
    printf 'old\n' >"$tmp/e.ics"
    $run -o "$tmp/e.ics" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    lines=$(wc -l <"$tmp/err")
    if [ "$rc" -ne 0 ] && [ "$rc" -lt 128 ] && [ "$lines" -eq 1 ] && has "$tmp/err" "$want" &&
        [ "$(cat "$tmp/e.ics")" = old ] && [ -z "$(ls "$tmp" | grep 'e.ics.tmp')" ]; then
        ok "error: $name"
    else
        bad "error: $name (exit $rc, $lines lines)"
    fi
}
: >"$tmp/empty.txt"
printf 'Am 3. M\303\244rz \377 geschah es.\n' >"$tmp/bad.txt"
printf 'Am Montag regnete es.\n' >"$tmp/nodate.txt"
expect_error "missing file" "$tmp/missing.txt: No such file" "$tmp/missing.txt"
expect_error "empty file" "$tmp/empty.txt: empty input" "$tmp/empty.txt"
expect_error "invalid UTF-8" "$tmp/bad.txt: invalid UTF-8 at byte 12" "$tmp/bad.txt"
expect_error "malformed --dct" "malformed --dct '2017-02-30'" --dct 2017-02-30 "$sample"
expect_error "no dateline" "$tmp/nodate.txt: no publication time" "$tmp/nodate.txt"
expect_error "unknown format" "unknown format 'docx'" -f docx "$sample"
expect_error "a directory" "$tmp: is a directory" "$tmp"
expect_error "malformed TimeML" "$tmp/broken.tml:1:" --input timeml "$tmp/broken.tml"
expect_error "TimeML without DCT" "$tmp/nodct.tml: no publication time" --input timeml "$tmp/nodct.tml"
expect_error "unknown input format" "unknown input format 'xml'" --input xml "$sample"
expect_error "TimeML of two documents" "TimeML output holds one document" -f timeml "$sample" "$sample"
expect_error "unknown date order" "unknown date order 'ymd'" --date-order ymd "$sample"
printf 'Sales rose on 3/12/2015, the company said.\n' > "$tmp/en.txt"
check "en: 3/12/2015 is March 12 by default" sh -c "$run --lang en --dct 2015-06-01 -f jsonl $tmp/en.txt | grep -q '\"value\":\"2015-03-12\"'"
check "en: --date-order dmy reads 3 December" sh -c "$run --lang en --dct 2015-06-01 --date-order dmy -f jsonl $tmp/en.txt | grep -q '\"value\":\"2015-12-03\"'"
printf 'WASHINGTON, May 2, 2017, 9:06 p.m.\n\nThe president spoke with Putin on Tuesday evening.\n' > "$tmp/en_dateline.txt"
check "en: a dateline's clock time is the publication time" sh -c "$run -f jsonl $tmp/en_dateline.txt | head -1 | grep -q '\"dct\":\"2017-05-02T21:06-04:00\"'"
check "en: the publication label has its time" sh -c "$run -f dot $tmp/en_dateline.txt | grep -q 'Published.nTue, May 2, 2017, 21:06'"
check "auto: an English text is read in English" sh -c "$run --dct 2015-06-01 -f jsonl $tmp/en.txt | grep -q '\"lang\":\"en\"'"
check "auto: the German sample is read in German" sh -c "$run -f jsonl $sample | grep -q '\"lang\":\"de\"'"
printf 'NEW YORK, March 12, 2025\n\nStocks fell on Monday.\n' > "$tmp/en_short.txt"
check "auto: a short text is read in the language that finds its dateline" sh -c \
    "$run -f jsonl $tmp/en_short.txt | head -1 | grep -q '\"dct\":\"2025-03-12\",.*\"lang\":\"en\"'"
expect_error "bad template dir" "/nonexistent: cannot open" --templates /nonexistent "$sample"
check "error: unwritable output names the file" sh -c \
    "$run -o $tmp/no/such/dir.ics $sample 2>&1 >/dev/null | grep -q '^zeitstrahl: $tmp/no/such/dir.ics: No such file'"

# ---- hostile input ------------------------------------------------------------------
printf '2. Mai 2017\nAm 3. M\303\244rz \377 geschah es \000 und am \355\240\200 4. Mai, \342\200 am 5. Mai.\n' >"$tmp/mixed.txt"
printf 'Am 3. Mai\000 geschah es.\n' >"$tmp/nul.txt"
expect_error "NUL byte" "$tmp/nul.txt: NUL byte at byte 9" --dct 2017-05-02 "$tmp/nul.txt"
check "--lenient: invalid UTF-8 and NUL become U+FFFD" sh -c \
    "$run --lenient -f jsonl $tmp/mixed.txt > $tmp/mixed.jsonl && grep -q '\"value\":\"2017-05-05\"' $tmp/mixed.jsonl"
$py -c "import sys; t = open(sys.argv[1], 'rb').read().decode('utf-8', 'replace').replace('\0', '\ufffd'); \
open(sys.argv[2], 'w', encoding='utf-8').write(t)" "$tmp/mixed.txt" "$tmp/mixed.fixed"
check "--lenient: offsets are code points of the repaired text" \
    sh -c "$py tests/jsonl_check.py $tmp/mixed.fixed $tmp/mixed.jsonl | grep -c . | grep -qx 4"
# a 100 MB line (10 MB under valgrind): over the default limit of 64 MB, read
# no further than the limit; within a higher one, analysed
big=100000000
[ "${ZS_VALGRIND:-0}" = 1 ] && big=10000000
head -c "$big" /dev/zero | tr '\0' x >"$tmp/line.txt"
if [ "$big" -gt 67108864 ]; then
    expect_error "100 MB line over the 64 MB default" "$tmp/line.txt: document larger than the limit of 67108864 bytes" \
        --dct 2017-05-02 "$tmp/line.txt"
    check "100 MB line on stdin over the default" sh -c \
        "cat $tmp/line.txt | $run --dct 2017-05-02 2>&1 >/dev/null | grep -q '<stdin>: document larger than the limit'"
fi
check "long line within --max-doc-size 128M" sh -c "$run --max-doc-size 128M --dct 2017-05-02 -f jsonl $tmp/line.txt | grep -c . | grep -qx 1"
rm -f "$tmp/line.txt"
expect_error "--max-doc-size exceeded" "$sample: document larger than the limit of 800 bytes" --max-doc-size 800 "$sample"
expect_error "bad --max-doc-size" "bad --max-doc-size '12x'" --max-doc-size 12x "$sample"
check "--max-doc-size 1k, 900 bytes" sh -c "$run --max-doc-size 1k $sample >/dev/null"
x1500=$(head -c 1500 /dev/zero | tr '\0' x)
x80000=$(head -c 80000 /dev/zero | tr '\0' x)
printf '{"id":"ok","dct":"2017-05-02","text":"Am 3. Mai war es."}\n{"id":"big","dct":"2017-05-02","text":"%s"}\n{"id":"huge","text":"%s"}\n' \
    "$x1500" "$x80000" >"$tmp/lim.jsonl"
check "jsonl: a text over --max-doc-size is a bad line, exit 4" sh -c \
    "$run --input jsonl --max-doc-size 1k $tmp/lim.jsonl 2>$tmp/lim.err >/dev/null; [ \$? -eq 4 ] && \
     grep -q '^zeitstrahl: $tmp/lim.jsonl:2: big: document of 1500 bytes is larger than the limit of 1024 bytes' $tmp/lim.err"
check "jsonl: a line over six times --max-doc-size and 64 kB is a bad line, --skip-bad goes on" sh -c \
    "$run --input jsonl --skip-bad --max-doc-size 1k $tmp/lim.jsonl 2>$tmp/lim.err >$tmp/lim.out && \
     grep -q '$tmp/lim.jsonl:3: line longer than 71680 bytes' $tmp/lim.err && grep -q '2 bad lines skipped' $tmp/lim.err && \
     grep -q '\"doc\":\"ok\"' $tmp/lim.out"
for dct in 2017-13-01 2017-05-32 2017-05-02T24:00 17-05-02 2017-05-02T21:06+15:00 2017-05-02x "" \
    99999-01-01 "2017-05-02T21:06 "; do
    expect_error "malformed --dct '$dct'" "malformed --dct '$dct'" --dct "$dct" "$sample"
done
printf '<?xml version="1.0" encoding="Shift_JIS"?><TimeML><TEXT>Am \377\376 Montag</TEXT></TimeML>' >"$tmp/enc.tml"
expect_error "TimeML not in its declared encoding: one line" "$tmp/enc.tml: malformed XML" --input timeml "$tmp/enc.tml"
mkdir -p "$tmp/tpl/de"
cp templates/de/*.zt "$tmp/tpl/de/"
printf 'rule broken\n  match d:int(1..31) "." (m:@month\n  value date(day=d)\nend\n' >"$tmp/tpl/de/zz.zt"
expect_error "malformed template: file:line:col" "$tmp/tpl/de/zz.zt:2:" --templates "$tmp/tpl" "$sample"
printf 'rule broken\n  match @nosuchlist\n  value date(day=1)\nend\n' >"$tmp/tpl/de/zz.zt"
expect_error "template with an unknown list" "$tmp/tpl/de/zz.zt:2:" --templates "$tmp/tpl" "$sample"

# ---- killed runs and full disks: the old file or the new one, no temporary -----
# ZEITSTRAHL_TEST_RENAME_DELAY holds the complete temporary file before the
# rename; a signal then must remove it and leave the old file. A signal the
# caller ignores stays ignored (as under nohup), so the run resets them.
kill_during_write() { # NAME SIGNAL
    printf 'old\n' >"$tmp/k.ics"
    ZEITSTRAHL_TEST_RENAME_DELAY=60 env --default-signal=INT,HUP,TERM $run -o "$tmp/k.ics" "$sample" 2>/dev/null &
    pid=$!
    i=0
    while [ -z "$(ls "$tmp" | grep 'k.ics.tmp')" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
    kill "-$2" "$pid"
    wait "$pid"
    rc=$?
    if [ "$rc" -ne 0 ] && [ "$(cat "$tmp/k.ics")" = old ] && [ -z "$(ls "$tmp" | grep 'k.ics.tmp')" ] && [ $i -lt 600 ]; then
        ok "$1"
    else
        bad "$1 (exit $rc)"
    fi
}
kill_during_write "SIGTERM before the rename: old file, no temporary" TERM
kill_during_write "SIGINT before the rename: old file, no temporary" INT
kill_during_write "SIGHUP before the rename: old file, no temporary" HUP
# a run killed at some moment of its work: the target is untouched or complete
$run -o "$tmp/full.jsonl" -o "$tmp/full.svg" "$sample" 2>/dev/null
for delay in 0.05 0.2 0.5; do
    printf 'old\n' >"$tmp/r.jsonl"
    printf 'old\n' >"$tmp/r.svg"
    env --default-signal=INT $run -o "$tmp/r.jsonl" -o "$tmp/r.svg" "$sample" 2>/dev/null &
    pid=$!
    sleep "$delay"
    kill -TERM "$pid" 2>/dev/null
    wait "$pid"
    whole=yes
    for f in r.jsonl r.svg; do
        [ "$(cat "$tmp/$f")" = old ] || cmp -s "$tmp/$f" "$tmp/full.${f#r.}" || whole=no
    done
    if [ $whole = yes ] && [ -z "$(ls "$tmp" | grep '^r\..*tmp')" ]; then
        ok "SIGTERM after ${delay}s: each file old or complete"
    else
        bad "SIGTERM after ${delay}s: each file old or complete"
    fi
done
check "stdout on a full disk: exit 3, one line" sh -c \
    "$run -f jsonl $sample 2>$tmp/full.err >/dev/full; [ \$? -eq 3 ] && grep -q 'No space left on device' $tmp/full.err && [ \$(wc -l <$tmp/full.err) -eq 1 ]"
printf 'old\n' >"$tmp/z.svg"
check "file over the size limit: exit 3, old file, no temporary" sh -c \
    "(ulimit -f 8; $run -o $tmp/z.svg $sample 2>$tmp/z.err); [ \$? -eq 3 ] && grep -q 'z.svg: File too large' $tmp/z.err && \
     [ \"\$(cat $tmp/z.svg)\" = old ] && ! ls $tmp | grep -q 'z.svg.tmp'"

# ---- install ---------------------------------------------------------------------
check "make install with DESTDIR and PREFIX" make -s install DESTDIR="$tmp/root" PREFIX=/usr
check "installed tree" test -f "$tmp/root/usr/include/zeitstrahl.h" -a -f "$tmp/root/usr/lib/libzeitstrahl.a" \
    -a -f "$tmp/root/usr/lib/libzeitstrahl.so" -a -f "$tmp/root/usr/lib/pkgconfig/zeitstrahl.pc" \
    -a -f "$tmp/root/usr/share/zeitstrahl/templates/de/date.zt"
check "installed binary finds its templates" sh -c "cd / && $tmp/root/usr/bin/zeitstrahl --dct 2017-05-02 $top/$sample >/dev/null"
check "pkg-config file" sh -c "PKG_CONFIG_PATH=$tmp/root/usr/lib/pkgconfig pkg-config --libs zeitstrahl | grep -q -- -lzeitstrahl"

# ---- corpus mode and merge ------------------------------------------------------
. tests/corpus.sh

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
