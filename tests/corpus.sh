# Corpus mode (--input jsonl, -j N, --skip-bad, progress) and zeitstrahl
# merge. Sourced by tests/e2e.sh: uses its run, py, tmp, sample, check, has,
# ok and bad.
krauts_dir=../shared/corpora/krauts/KRAUTS_Dolomiten-42_raw-text
c=$tmp/corpus
mkdir -p "$c"
if [ -d "$krauts_dir" ]; then
    $py tests/corpus_jsonl.py "$krauts_dir"/*.tml >"$c/k.jsonl"
else
    echo "note: $krauts_dir not found; corpus checks use the sample only"
    $py tests/corpus_jsonl.py "$sample" >"$c/k.jsonl"
fi
ndocs=$(wc -l <"$c/k.jsonl")

# ---- --input jsonl -------------------------------------------------------------
$py -c 'import json,sys; print(json.dumps({"id": sys.argv[1], "text": open(sys.argv[1]).read()}))' \
    "$sample" >"$c/sample.jsonl"
check "jsonl: a document line gives the records of the file" sh -c \
    "$run --input jsonl $c/sample.jsonl | cmp - tests/golden/beispiel.jsonl"
check "jsonl: stdin" sh -c "$run --input jsonl < $c/sample.jsonl | cmp - tests/golden/beispiel.jsonl"
check "jsonl: corpus" sh -c "$run --input jsonl $c/k.jsonl > $c/k1.out"
check "jsonl: one doc record per line, in input order" sh -c \
    "$py -c 'import json,sys; print(\"\\n\".join(json.loads(l)[\"id\"] for l in open(sys.argv[1])))' $c/k.jsonl > $c/ids.in &&
     grep '\"kind\":\"doc\"' $c/k1.out | sed 's/^{\"doc\":\"\\([^\"]*\\)\".*/\\1/' | cmp - $c/ids.in"
check "jsonl: -j 2 writes the same bytes as -j 1" sh -c "$run --input jsonl -j 2 $c/k.jsonl | cmp - $c/k1.out"
check "jsonl: -j 3 writes the same bytes as -j 1" sh -c "$run --input jsonl -j 3 $c/k.jsonl $c/sample.jsonl > $c/k3.out &&
     cat $c/k1.out tests/golden/beispiel.jsonl | cmp - $c/k3.out"
check "jsonl: -o FILE.jsonl" sh -c "$run --input jsonl -j 2 -o $c/k.out.jsonl $c/k.jsonl && cmp $c/k.out.jsonl $c/k1.out"
check "jsonl: no progress line when stderr is no terminal" sh -c \
    "$run --input jsonl $c/k.jsonl 2>$c/progress >/dev/null && test ! -s $c/progress"
if command -v script >/dev/null 2>&1; then
    check "jsonl: progress line on a terminal" sh -c \
        "script -qec '$run --input jsonl -o $c/p.jsonl $c/k.jsonl' /dev/null | tr '\\r' '\\n' | grep -q '^$ndocs documents, [0-9.]* MB, [0-9.]* MB/s'"
fi
printf '{"id":"a","dct":"2017-05-02","text":"Am Freitag soll gewählt werden."}\n\n{"id":"b","text":"Am Freitag soll gewählt werden.","lang":"de"}\r\n{"url":"http://x/1","dct":"2018-01-01T10:00+01:00","text":"Gestern regnete es."}\n{"text":"Gestern regnete es.","dct":"2018-01-01"}\n' >"$c/fields.jsonl"
check "jsonl: fields dct, lang, url; blank lines and CRLF" sh -c "$run --input jsonl --dct 2020-06-01 $c/fields.jsonl > $c/fields.out"
check "jsonl: a line's dct" has "$c/fields.out" '{"doc":"a","kind":"timex","id":"t1","text":"Freitag","start":3,"end":10,"type":"DATE","value":"2017-05-05"'
check "jsonl: --dct for lines without one" has "$c/fields.out" '{"doc":"b","kind":"timex","id":"t1","text":"Freitag","start":3,"end":10,"type":"DATE","value":"2020-06-05"'
check "jsonl: url names a doc without id" has "$c/fields.out" '{"doc":"http://x/1","kind":"doc","dct":"2018-01-01T10:00+01:00"'
check "jsonl: a hash of the text names a doc without id or url" sh -c \
    "grep -q '^{\"doc\":\"text:[0-9a-f]\\{16\\}\",\"kind\":\"timex\",\"id\":\"t1\",\"text\":\"Gestern\".*\"value\":\"2017-12-31\"' $c/fields.out"

if [ -d templates/en ]; then
    printf '{"id":"en1","dct":"2017-05-02","text":"The ministers met yesterday."}\n{"id":"de1","dct":"2017-05-02","text":"Die Minister trafen sich gestern."}\n{"id":"en2","dct":"2017-05-02","lang":"en","text":"Gestern."}\n' >"$c/mixed.jsonl"
    printf '%s\n' '{"doc":"en1","lang":"en"}' '{"doc":"de1","lang":"de"}' '{"doc":"en2","lang":"en"}' >"$c/mixed.want"
    check "jsonl: each line in its detected language, or its lang" sh -c \
        "$run --input jsonl -j 2 $c/mixed.jsonl | grep '\"kind\":\"doc\"' | cut -d, -f1,5 | cmp - $c/mixed.want"
fi

# ---- bad lines -------------------------------------------------------------------
printf '{"id":"a","text":"Am 3. Mai 2017 kam er."}\n{"id":"b","text":"Am 3. Mai 2017 kam er."\n{"id":"c"}\n{"id":"d","text":"Am 3. Mai 2017 kam\\u0000 er."}\n["x"]\n{"id":"e","text":"Heute nicht."}\n{"id":"f","text":"Am 4. Mai 2017 ging er.","lang":"../x"}\n{"id":"g","text":"Am 5. Mai 2017 blieb er."}\n' >"$c/bad.jsonl"
printf '{"id":"u","text":"Am 3. Mai 2017 \377 kam er."}\n' >"$c/badutf.jsonl"
# expect_corpus_error NAME EXIT EXPECTED-TEXT ARGS...: that exit code, the first
# stderr line contains EXPECTED-TEXT, and $c/e.jsonl neither created nor changed.
expect_corpus_error() {
    name=$1
    want_rc=$2
    want=$3
    shift 3
    printf 'old\n' >"$c/e.jsonl"
    $run --input jsonl -o "$c/e.jsonl" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq "$want_rc" ] && head -n 1 "$tmp/err" | grep -qF -- "$want" &&
        [ "$(cat "$c/e.jsonl")" = old ] && [ -z "$(ls "$c" | grep 'e.jsonl.tmp')" ]; then
        ok "jsonl error: $name"
    else
        bad "jsonl error: $name (exit $rc)"
    fi
}
printf '{"id":"c"}\n' >"$c/notext.jsonl"
expect_corpus_error "malformed JSON names file, line, column" 4 "$c/bad.jsonl:2: column 41: the line ends inside a JSON value" "$c/bad.jsonl"
expect_corpus_error "malformed JSON with -j 2" 4 "$c/bad.jsonl:2: column 41: the line ends inside a JSON value" -j 2 "$c/bad.jsonl"
expect_corpus_error "no text" 4 "$c/notext.jsonl:1: column 1: no \"text\" field" "$c/notext.jsonl"
expect_corpus_error "invalid UTF-8" 4 "$c/badutf.jsonl:1: column" "$c/badutf.jsonl"
expect_corpus_error "missing file" 3 "$c/none.jsonl: No such file" "$c/none.jsonl"
expect_corpus_error "unknown default language" 6 "cannot open" --lang xx "$c/bad.jsonl"
printf '{"id":"a","text":"Am 3. Mai 2017 kam er, sagte er am Montag."}\n{"id":"b","text":"Am 3. Mai 2017 kam er."}\n' >"$c/sizes.jsonl"
check "jsonl: --max-doc-size refuses a larger document, names its line" sh -c \
    "$run --input jsonl --max-doc-size 30 --skip-bad $c/sizes.jsonl 2>$c/sizes.err | grep -q '^{\"doc\":\"b\",\"kind\":\"doc\"' &&
     grep -q 'sizes.jsonl:1: a: document of 42 bytes is larger than the limit of 30 bytes' $c/sizes.err"
check "jsonl: --skip-bad goes on and counts" sh -c \
    "$run --input jsonl --skip-bad -j 2 $c/bad.jsonl > $c/skip.out 2> $c/skip.err"
check "jsonl: --skip-bad keeps the good documents in order" sh -c \
    "grep '\"kind\":\"doc\"' $c/skip.out | cut -c1-12 | tr -d '\\n' | grep -qx '{\"doc\":\"a\",\"{\"doc\":\"g\",\"'"
check "jsonl: --skip-bad reports each line" sh -c \
    "grep -c '^zeitstrahl: $c/bad.jsonl:[2-7]: ' $c/skip.err | grep -qx 6"
check "jsonl: --skip-bad: \\u0000 refused" grep -q "bad.jsonl:4: column 37: NUL character" "$c/skip.err"
check "jsonl: --skip-bad: no dateline" grep -q "bad.jsonl:6: e: no publication time" "$c/skip.err"
check "jsonl: --skip-bad: bad language code" grep -q "bad.jsonl:7: bad language code '../x'" "$c/skip.err"
check "jsonl: --skip-bad: the count" grep -qx "zeitstrahl: 6 bad lines skipped, 2 documents analysed" "$c/skip.err"
# bad lines among the corpus, so that they fall in the batches of several
# threads: the same records, messages and count as one thread, in order;
# the corpus is repeated under new ids up to 40 documents (the sample alone
# is one)
awk -v n="$ndocs" 'BEGIN { r = n < 40 ? int((39 + n) / n) : 1 }
    { line[NR] = $0 }
    END { for (k = 0; k < r; k++) for (i = 1; i <= NR; i++) {
              l = line[i]; if (k) sub(/"id": "/, "\"id\": \"copy" k "/", l); print l } }' \
    "$c/k.jsonl" >"$c/kmany.jsonl"
nmany=$(wc -l <"$c/kmany.jsonl")
awk '{ print } NR % 4 == 2 { print "{\"id\":\"x" NR "\"" } NR % 9 == 0 { print "" }' "$c/kmany.jsonl" >"$c/kbad.jsonl"
$run --input jsonl --skip-bad "$c/kbad.jsonl" >"$c/kbad1.out" 2>"$c/kbad1.err"
for j in 2 3; do
    check "jsonl: --skip-bad -j $j: records, messages and count of -j 1" sh -c \
        "$run --input jsonl --skip-bad -j $j $c/kbad.jsonl 2>$c/kbad.err | cmp - $c/kbad1.out && cmp $c/kbad.err $c/kbad1.err"
    check "jsonl: -j $j stops at the first bad line as -j 1 does" sh -c \
        "$run --input jsonl -j $j $c/kbad.jsonl >$c/kstop.out 2>$c/kstop.err; test \$? -eq 4 &&
         grep -qx 'zeitstrahl: $c/kbad.jsonl:3: column 10: the line ends inside a JSON value' $c/kstop.err &&
         test \$(wc -l < $c/kstop.err) -eq 1 && head -c \$(wc -c < $c/kstop.out) $c/kbad1.out | cmp - $c/kstop.out"
done
check "jsonl: --skip-bad: every bad line among the corpus counted" sh -c \
    "test \$(grep -c '^zeitstrahl: $c/kbad.jsonl:[0-9]*: ' $c/kbad1.err) -eq 10 &&
     grep -qx \"zeitstrahl: \$(grep -c '\"id\":\"x' $c/kbad.jsonl) bad lines skipped, $nmany documents analysed\" $c/kbad1.err"

# ---- merge ---------------------------------------------------------------------
head -n 15 "$c/k.jsonl" >"$c/p1.jsonl"
sed -n '16,30p' "$c/k.jsonl" >"$c/p2.jsonl"
tail -n +31 "$c/k.jsonl" >"$c/p3.jsonl"
for p in p1 p2 p3; do $run --input jsonl "$c/$p.jsonl" >"$c/$p.out"; done
$run merge "$c/k1.out" >"$c/all.merged" 2>"$tmp/err"
check "merge: shards in any order" sh -c "$run merge $c/p3.out $c/p1.out $c/p2.out | cmp - $c/all.merged"
check "merge: from stdin" sh -c "cat $c/p2.out $c/p3.out $c/p1.out | $run merge | cmp - $c/all.merged"
check "merge: associative" sh -c "$run merge $c/p1.out $c/p2.out > $c/m12 && $run merge $c/p2.out $c/p3.out > $c/m23 &&
     $run merge $c/m12 $c/p3.out > $c/a && $run merge $c/p1.out $c/m23 > $c/b && cmp $c/a $c/b && cmp $c/a $c/all.merged"
check "merge: duplicates kept once" sh -c "$run merge $c/p1.out $c/k1.out $c/p1.out $c/all.merged | cmp - $c/all.merged"
check "merge: idempotent" sh -c "$run merge $c/all.merged | cmp - $c/all.merged"
check "merge: documents sorted by name" sh -c \
    "grep '\"kind\":\"doc\"' $c/all.merged | cut -d'\"' -f4 > $c/names && LC_ALL=C sort -c $c/names && test \$(wc -l < $c/names) -eq $ndocs"
for f in ics text dot; do
    check "merge -f $f equals one run's -f $f" sh -c \
        "$run --input jsonl -f $f $c/k.jsonl > $c/one.$f && $run merge -f $f $c/p2.out $c/p3.out $c/p1.out | cmp - $c/one.$f"
    check "merge -f $f of a file's records equals the file's -f $f" sh -c \
        "$run -f jsonl $sample | $run merge -f $f | cmp - $c/sample.$f.want 2>/dev/null ||
         { $run -f $f $sample > $c/sample.$f.want && $run -f jsonl $sample | $run merge -f $f | cmp - $c/sample.$f.want; }"
done
check "merge: writer options (--calendar-name)" sh -c \
    "$run merge -f ics --calendar-name Korpus $c/p1.out $c/p2.out $c/p3.out | grep -q '^X-WR-CALNAME:Korpus'"
check "jsonl: writer options as merge's" sh -c \
    "$run --input jsonl -f ics --calendar-name Korpus $c/k.jsonl > $c/kn.ics &&
     $run merge -f ics --calendar-name Korpus $c/p3.out $c/p1.out $c/p2.out | cmp - $c/kn.ics"
check "merge -o FILE.ics" sh -c "$run merge -o $c/m.ics $c/p1.out $c/p2.out $c/p3.out && cmp $c/m.ics $c/one.ics"
printf '{"doc":"x","kind":"timex","id":"t1"}\n' >"$c/orphan.jsonl"
printf '{"doc":"x","kind":"doc","dct":"2017-05-02","tz":"Europe/Berlin","lang":"de"}\n{"doc":"x","kind":"event","id":"e1","text":"Gipfel","start":0,"end":6,"lemma":"gipfel","title":"Gipfel","class":"OCCURRENCE","modality":"asserted","time":"t9","sentence":0}\n' >"$c/badref.jsonl"
printf '{"doc":"x","kind":"doc",\n' >"$c/broken.jsonl"
check "merge error: a record before its doc record" sh -c \
    "$run merge $c/orphan.jsonl 2>&1 >/dev/null | grep -q '^zeitstrahl: $c/orphan.jsonl:1: a timex record of .x. outside its doc.s records'; test \$? -eq 0"
check "merge error: exit 4" sh -c "$run merge $c/orphan.jsonl >/dev/null 2>&1; test \$? -eq 4"
check "merge error: an unknown timex" sh -c \
    "$run merge $c/badref.jsonl 2>&1 >/dev/null | grep -q '^zeitstrahl: $c/badref.jsonl:2: \"time\" names no timex of the document'"
check "merge error: malformed JSON" sh -c \
    "$run merge $c/broken.jsonl 2>&1 >/dev/null | grep -q '^zeitstrahl: $c/broken.jsonl:1: column'"
check "merge --skip-bad" sh -c \
    "$run merge --skip-bad $c/badref.jsonl $c/p1.out 2>$c/merr | cmp - $c/p1.merged 2>/dev/null ||
     { $run merge $c/p1.out > $c/p1.merged && $run merge --skip-bad $c/badref.jsonl $c/p1.out 2>$c/merr | cmp - $c/p1.merged && grep -q '1 bad record skipped' $c/merr; }"
check "merge error: -f timeml" sh -c "$run merge -f timeml $c/p1.out >/dev/null 2>&1; test \$? -eq 2"

# ---- the GNU parallel recipe of the README -----------------------------------------
if command -v parallel >/dev/null 2>&1; then
    check "GNU parallel: parallel --pipe shards, merge equals one run (jsonl)" sh -c \
        "cat $c/k.jsonl | parallel --will-cite --pipe -N 5 -j 2 $bin --input jsonl | $run merge > $c/par.jsonl &&
         cmp $c/par.jsonl $c/all.merged"
    check "GNU parallel: parallel --pipe shards, merge equals one run (ics)" sh -c \
        "cat $c/k.jsonl | parallel --will-cite --pipe -N 7 -j 2 $bin --input jsonl | $run merge -f ics > $c/par.ics &&
         cmp $c/par.ics $c/one.ics"
else
    bad "GNU parallel is not installed (Debian package parallel)"
fi
