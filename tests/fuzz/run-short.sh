#!/bin/sh
# A short run of every libFuzzer target (20 s each); `make fuzz` runs long ones.
passed=0 failed=0
for f in build/fuzz/fuzz_*; do
	[ -x "$f" ] || continue
	n=$(basename "$f")
	mkdir -p build/corpus/$n
	seeds=tests/fuzz/corpus/$n; [ -d "$seeds" ] || seeds=
	if ./$f -max_total_time=${FUZZ_SECONDS:-20} -max_len=4096 build/corpus/$n $seeds > build/fuzz-$n.log 2>&1; then
		passed=$((passed + 1)); echo "$n: ok ($(grep -c . build/fuzz-$n.log) log lines)"
	else
		failed=$((failed + 1)); echo "$n: FAILED"; tail -30 build/fuzz-$n.log
	fi
done
echo "fuzz: $passed passed, $failed failed"
