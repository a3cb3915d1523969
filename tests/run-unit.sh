#!/bin/sh
# Runs every cmocka test binary given, shows their output, and ends with one
# line "unit: N passed, N failed" summed over all of them.
passed=0 failed=0 crashed=0
for t in "$@"; do
	echo "== $t"
	out=$(./"$t" 2>&1); rc=$?
	printf '%s\n' "$out"
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	# a binary that died (sanitizer, crash) without cmocka's summary counts as a failure
	if [ $rc -ne 0 ] && [ -z "$f" ]; then failed=$((failed + 1)); crashed=$((crashed + 1)); echo "!! $t exited $rc"; fi
done
echo "unit: $passed passed, $failed failed"
[ $failed -eq 0 ]
