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
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; [ -f "$tmp/err" ] && sed 's/^/     /' "$tmp/err"; }
check() { # name command...
    name=$1
    shift
    if "$@" >"$tmp/out" 2>"$tmp/err"; then ok "$name"; else bad "$name"; fi
}
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
    check "seed ics: summit all-day 7-8 July" sh -c "grep -q 'G20-Gipfel	20170707	20170709	DATE' $tmp/ics.tsv"
    check "seed ics: call in the evening, Berlin" sh -c "grep -q 'Telefonat	20170502T180000	20170502T220000	Europe/Berlin' $tmp/ics.tsv"
    check "seed ics: meeting vague July" sh -c "grep -q 'Treffen	20170701	20170801	DATE' $tmp/ics.tsv"
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

# ---- German articles with hand-checked events and order (tests/events/) ----
for spec in tests/events/*.spec; do
    text=${spec%.spec}.txt
    [ -f "$text" ] || continue
    check "events: $(basename "$text") as in $(basename "$spec")" sh -c \
        "$run -f jsonl $text > $tmp/ev.jsonl && $py tests/events_check.py $tmp/ev.jsonl $spec"
done

# ---- the sample article: golden files ----------------------------------------
check "sample: jsonl equals golden" sh -c "$run -f jsonl $sample | cmp - tests/golden/beispiel.jsonl"
check "sample: ics equals golden" sh -c "$run -f ics $sample | cmp - tests/golden/beispiel.ics"
check "sample: text table equals golden" sh -c "$run $sample | cmp - tests/golden/beispiel.table"
check "sample: offsets are code points" sh -c "$py tests/jsonl_check.py $sample tests/golden/beispiel.jsonl >/dev/null"

# ---- determinism: two runs, byte-identical files ------------------------------
mkdir -p "$tmp/a" "$tmp/b"
for d in a b; do
    $run -o "$tmp/$d/t.ics" -o "$tmp/$d/t.svg" -o "$tmp/$d/t.jsonl" -o "$tmp/$d/t.dot" \
        -o "$tmp/$d/t.png" -o "$tmp/$d/t.pdf" "$sample" 2>"$tmp/err"
done
for f in t.ics t.svg t.jsonl t.dot t.png t.pdf; do
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
check "auto: an English text is read in English" sh -c "$run --dct 2015-06-01 -f jsonl $tmp/en.txt | grep -q '\"lang\":\"en\"'"
check "auto: the German sample is read in German" sh -c "$run -f jsonl $sample | grep -q '\"lang\":\"de\"'"
expect_error "bad template dir" "/nonexistent: cannot open" --templates /nonexistent "$sample"
check "error: unwritable output names the file" sh -c \
    "$run -o $tmp/no/such/dir.ics $sample 2>&1 >/dev/null | grep -q '^zeitstrahl: $tmp/no/such/dir.ics: No such file'"

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
