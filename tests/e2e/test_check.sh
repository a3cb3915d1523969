#!/bin/sh
# `demo` then `check`, as the trainer and the operator type them: the planted
# mistakes are reported one line each, in Indonesian or English, exit 1.
set -u
bin=${SIKS_BIN:?}
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
fail() { echo "test_check: $*"; exit 1; }

"$bin" demo --help | grep -q 'Desa Dabuan' || fail "demo --help"
"$bin" check --help | grep -q 'Status keluar 1' || fail "check --help"
"$bin" --db "$d/x.db" check extra 2>/dev/null; [ $? -eq 2 ] || fail "check with an argument is a usage error"

"$bin" --db "$d/demo.db" demo >"$d/out" || fail "demo"
grep -q '301 rumah tangga' "$d/out" || fail "demo says what it made"
"$bin" --db "$d/demo.db" demo 2>"$d/err"; [ $? -eq 1 ] || fail "second demo into the same file refused"
grep -q 'sudah berisi data' "$d/err" || fail "second demo message"

"$bin" --db "$d/demo.db" check >"$d/check"; [ $? -eq 1 ] || fail "check exits 1 on errors"
[ "$(grep -c ' | ' "$d/check")" -eq 10 ] || fail "ten findings: $(cat "$d/check")"
grep -q 'Diperiksa 301 rumah tangga dan [0-9]* anggota: 9 galat, 1 peringatan' "$d/check" || fail "summary"
grep -q '| NIK | GALAT: NIK: untuk perempuan tanggal lahir di NIK ditambah 40' "$d/check" || fail "woman's NIK"
grep -q '(tanpa kepala keluarga) | - | Hubungan keluarga | GALAT' "$d/check" || fail "no head"
grep -q 'No KK | GALAT: No KK: terlalu pendek, harus 16 angka (tertulis 15)' "$d/check" || fail "15-digit KK"
[ "$(grep -c 'sudah terdaftar atas nama' "$d/check")" -eq 2 ] || fail "duplicate NIK reported in both households"

"$bin" --lang en --db "$d/demo.db" check >"$d/en"; [ $? -eq 1 ] || fail "english check exits 1"
grep -q 'Checked 301 households' "$d/en" || fail "english summary"
grep -q 'Relationship | ERROR: Relationship: this household has 2 heads' "$d/en" || fail "english finding: $(cat "$d/en")"

# fixing the data makes check pass: a database with one correct household
"$bin" --db "$d/ok.db" init --desa 35.28.01.2001 >/dev/null || fail "init"
"$bin" --db "$d/ok.db" check >"$d/okout" || fail "an empty register checks clean"
grep -q '0 galat, 0 peringatan' "$d/okout" || fail "clean summary"
exit 0
