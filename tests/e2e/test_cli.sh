#!/bin/sh
# The command-line front end as a person types it: init, errors, help, exit codes.
set -u
bin=${SIKS_BIN:?}
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
fail() { echo "test_cli: $*"; exit 1; }

"$bin" --version | grep -q '^siksdesa ' || fail "--version"
"$bin" --help | grep -q 'init --desa KODE' || fail "--help lists init"
"$bin" --lang en --help | grep -q 'Usage: siksdesa' || fail "--lang en help"
"$bin" bogus >/dev/null 2>"$d/err"; [ $? -eq 2 ] || fail "unknown command exits 2"
grep -q '^siksdesa: perintah tidak dikenal: bogus' "$d/err" || fail "unknown command message"
"$bin" --db "$d/a.db" init --desa 35.28.1 2>"$d/err"; [ $? -eq 2 ] || fail "bad kode exits 2"
grep -q 'Kode desa: harus berbentuk' "$d/err" || fail "bad kode message names the field and rule"
"$bin" --db "$d/a.db" init --desa 35.28.01.2001 --nama Dabuan >/dev/null || fail "init"
"$bin" --db "$d/a.db" init --desa 35.28.01.2001 2>"$d/err"; [ $? -ne 0 ] || fail "second init refused"
"$bin" --db "$d/a.db" household show nope 2>"$d/err"; [ $? -eq 1 ] || fail "missing household exits 1"
"$bin" --db "$d/none.db" household show x 2>"$d/err"; [ $? -eq 1 ] || fail "missing database exits 1"
grep -q 'tidak ada' "$d/err" || fail "missing database says so"
SIKSDESA_FAKE_FSTYPE=nfs "$bin" --db "$d/n.db" init --desa 35.28.01.2001 2>"$d/err" && fail "nfs refused"
grep -q 'folder jaringan' "$d/err" || fail "nfs message"
exit 0
