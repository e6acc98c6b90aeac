#!/bin/sh
# Runs every kind of test and ends with one line "N passed, N failed":
#   - the cmocka unit test programs given as arguments,
#   - the ex/no examples of every templates/<lang>/ (zeitstrahl --check-templates),
#   - the end-to-end tests of the command-line tool (tests/e2e.sh),
#   - the outputs read by their consumers: libical, python3-icalendar, khal,
#     Radicale, xmllint, Chromium (tests/consumers.sh).
# ZS_BIN is the zeitstrahl binary; ZS_VALGRIND=1 runs everything under
# valgrind, ZS_WRAP=COMMAND everything through COMMAND (make asan:
# tests/asan_unwind.sh).
set -u
bin=${ZS_BIN:-./zeitstrahl}
passed=0
failed=0
vg=${ZS_WRAP:-}
if [ "${ZS_VALGRIND:-0}" = 1 ]; then
    vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=tests/graphviz.supp"
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT

add() { # passed failed label
    passed=$((passed + $1))
    failed=$((failed + $2))
    printf '%-28s %4d passed, %d failed\n' "$3" "$1" "$2"
}

# add_log RC LABEL: counts a run whose last line in $log is
# "N passed, N failed"; a non-zero RC without failures counts as one
add_log() {
    line=$(tail -n 1 "$log")
    p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    p=${p:-0}
    f=${f:-1}
    if [ "$1" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    if [ "$f" -ne 0 ]; then grep -v '^ok ' "$log"; fi
    add "$p" "$f" "$2"
}

for t in "$@"; do
    $vg "$t" >"$log" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\./\1/p' "$log" | tail -n 1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s).*/\1/p' "$log" | tail -n 1)
    p=${p:-0}
    f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi # crashed or leaked
    if [ "$f" -ne 0 ]; then grep -v '^\[ *\(RUN\|OK\) *\]' "$log"; fi
    add "$p" "$f" "$(basename "$t")"
done

for dir in templates/*/; do
    lang=$(basename "$dir")
    $vg "$bin" --templates templates --lang "$lang" --check-templates >"$log" 2>&1
    add_log $? "templates/$lang examples"
done

ZS_BIN=$bin ZS_VG="$vg" sh tests/e2e.sh >"$log" 2>&1
add_log $? "end-to-end"

# the consumers, not our memory, are checked here: outside valgrind, and
# not at all with ZS_CONSUMERS=0 (make asan: the e2e tests run the same
# writers under the sanitizers)
if [ "${ZS_CONSUMERS:-1}" != 0 ]; then
    ZS_BIN=$bin sh tests/consumers.sh >"$log" 2>&1
    add_log $? "consumers"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
