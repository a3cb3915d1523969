#!/bin/sh
# Part of `make test`: the kill -9 crash loop (tests/crash/crashloop.c).
# 500 rounds take under a minute here; CRASH_ROUNDS=N to change.
# Ends with "crash: N passed, N failed".
make -s build/crash/crashloop >/dev/null || { echo "crash: 0 passed, 1 failed (build)"; exit 1; }
./build/crash/crashloop "${CRASH_ROUNDS:-500}"
