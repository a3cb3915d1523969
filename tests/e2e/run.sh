#!/bin/sh
# Runs every tests/e2e/test_*.sh with the program given as $1.
bin=${1:?usage: run.sh BINARY}
passed=0 failed=0
for t in tests/e2e/test_*.sh; do
	[ -f "$t" ] || continue
	if SIKS_BIN=$bin sh "$t"; then passed=$((passed + 1)); echo "ok   $t"; else failed=$((failed + 1)); echo "FAIL $t"; fi
done
echo "e2e: $passed passed, $failed failed"
[ $failed -eq 0 ]
