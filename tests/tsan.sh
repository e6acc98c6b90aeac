#!/bin/sh
# make tsan: corpus mode on several threads under ThreadSanitizer. ZS_BIN is
# a zeitstrahl built with -fsanitize=thread; any data race ends the run with
# a report. Ends with "N passed, N failed".
set -u
bin=${ZS_BIN:?a ThreadSanitizer build of zeitstrahl}
py=/usr/bin/python3
corpora=${CORPORA:-../shared/corpora}
export ZEITSTRAHL_TEMPLATES=templates
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 suppressions=$(pwd)/tests/tsan.supp ${TSAN_OPTIONS:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() { # name command...
    name=$1
    shift
    if "$@" >"$tmp/out" 2>"$tmp/err"; then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        head -n 40 "$tmp/err" | sed 's/^/     /'
    fi
}
set -- tests/golden/beispiel.txt
for d in "$corpora/krauts/KRAUTS_Dolomiten-42_raw-text" "$corpora/krauts/KRAUTS_Dolomiten-100_raw-text"; do
    [ -d "$d" ] && set -- "$@" "$d"/*.tml
done
$py tests/corpus_jsonl.py "$@" >"$tmp/c.jsonl"
# a second language and bad lines, so languages load and errors pass while
# threads run
printf '{"id":"en","lang":"en","dct":"2017-05-02","text":"The summit is on Friday."}\n{"id":"bad"\n' >>"$tmp/c.jsonl"
[ -d templates/en ] || sed -i '/"lang":"en"/d' "$tmp/c.jsonl"
check "tsan: -j 1" sh -c "$bin --input jsonl --skip-bad $tmp/c.jsonl > $tmp/j1 2>/dev/null"
for j in 2 4; do
    check "tsan: -j $j, no race, same output as -j 1" sh -c \
        "$bin --input jsonl --skip-bad -j $j $tmp/c.jsonl 2>$tmp/err.$j | cmp - $tmp/j1 && ! grep -q ThreadSanitizer $tmp/err.$j"
done
check "tsan: -j 3 with a calendar and a timeline, no race" sh -c \
    "$bin --input jsonl --skip-bad -j 3 -o $tmp/c.ics -o $tmp/c.svg -f jsonl $tmp/c.jsonl 2>$tmp/err.3 | cmp - $tmp/j1 && ! grep -q ThreadSanitizer $tmp/err.3"
check "tsan: -j 2 stopped by a bad line, no race" sh -c \
    "$bin --input jsonl -j 2 $tmp/c.jsonl >/dev/null 2>$tmp/err.s; test \$? -eq 4 && ! grep -q ThreadSanitizer $tmp/err.s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
