# Helpers of the shell test scripts (sourced; $tmp is their scratch folder).
# Each check prints "ok NAME" or "FAIL NAME" with what the command wrote on
# standard error; the script ends with "N passed, N failed".
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; [ -f "$tmp/err" ] && sed 's/^/     /' "$tmp/err"; }
check() { # name command...
    name=$1
    shift
    if "$@" >"$tmp/out" 2>"$tmp/err"; then ok "$name"; else bad "$name"; fi
}
