#!/bin/sh
# `make test`: every suite, then one closing line "N passed, N failed" over all.
# Usage: tests/run-all.sh  (from the repository root, after the binaries are built)
log=build/test-summary
mkdir -p build; : > $log
run() { # name, command...
	name=$1; shift
	echo "### $name"
	"$@" 2>&1 | tee build/test-$name.log
	line=$(grep -E '^[a-z0-9-]*: ?[0-9]+ passed, [0-9]+ failed' build/test-$name.log | tail -1)
	if [ -z "$line" ]; then echo "$name: 0 passed, 1 failed (no summary)" >> $log; else echo "$line" >> $log; fi
}
run warnings make -s -j2 check-warnings
run fuzz sh tests/fuzz/run-short.sh
run e2e sh tests/e2e/run.sh build/asan/siksdesa
for extra in tests/crash/run-short.sh; do [ -f "$extra" ] && run crash sh "$extra"; done
run unit sh tests/run-unit.sh $(ls build/tests/test_* | grep -v '\.' )
echo "### summary"
cat $log
p=$(sed -n 's/.* \([0-9]*\) passed.*/\1/p' $log | awk '{s+=$1} END {print s+0}')
f=$(sed -n 's/.*passed, \([0-9]*\) failed.*/\1/p' $log | awk '{s+=$1} END {print s+0}')
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
