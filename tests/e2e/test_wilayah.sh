#!/bin/sh
# Region list and re-scoring from the command line: import, show, refusals, exit codes.
set -u
bin=${SIKS_BIN:?}
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
fail() { echo "test_wilayah: $*"; exit 1; }

"$bin" wilayah --help | grep -q 'wilayah import BERKAS' || fail "wilayah --help"
"$bin" --db "$d/a.db" wilayah 2>"$d/err"; [ $? -eq 2 ] || fail "wilayah without arguments exits 2"

# a damaged file is refused whole, naming its line
printf 'kode,nama\n35,Jawa Timur\n35.2x,Salah\n' >"$d/bad.csv"
"$bin" --db "$d/a.db" wilayah import "$d/bad.csv" 2>"$d/err"; [ $? -eq 1 ] || fail "damaged file exits 1"
grep -q 'baris 3' "$d/err" || fail "damaged file names line 3"
"$bin" --db "$d/a.db" wilayah show 35 2>"$d/err"; [ $? -eq 1 ] || fail "nothing imported from a damaged file"
"$bin" --db "$d/a.db" wilayah import "$d/none.csv" 2>"$d/err"; [ $? -eq 1 ] || fail "missing file exits 1"

"$bin" --db "$d/a.db" wilayah import data/wilayah/demo.csv >"$d/out" || fail "import demo.csv"
grep -q '^32 wilayah diimpor' "$d/out" || fail "import counts 32 rows: $(cat "$d/out")"
"$bin" --db "$d/a.db" wilayah show 35.28.01.2017 >"$d/out" || fail "show a desa"
grep -q "35.28.01.2017 .*Taro'an" "$d/out" || fail "show prints the desa"
grep -q '35.28 .*Kabupaten Pamekasan' "$d/out" || fail "show prints the kabupaten above it"
"$bin" --db "$d/a.db" wilayah show 35.28 | grep -q '^30 wilayah di bawahnya' || fail "show counts what is below"
"$bin" --lang en --db "$d/a.db" wilayah show 35.28 | grep -q 'regency/city' || fail "show in English"
"$bin" --db "$d/a.db" wilayah show 35.29 2>"$d/err"; [ $? -eq 1 ] || fail "unknown kode exits 1"
"$bin" --db "$d/a.db" wilayah show 35.2 2>"$d/err"; [ $? -eq 2 ] || fail "malformed kode exits 2"

# rescore needs a site, a known set, and takes only --set
"$bin" --db "$d/a.db" rescore 2>"$d/err"; [ $? -eq 1 ] || fail "rescore before init exits 1"
"$bin" --db "$d/a.db" init --desa 35.28.01.2001 >/dev/null || fail "init"
"$bin" --db "$d/a.db" rescore | grep -q '^0 rumah tangga dinilai ulang dengan set bps14 versi 1' || fail "rescore"
"$bin" --db "$d/a.db" rescore --set tidakada 2>"$d/err"; [ $? -eq 1 ] || fail "unknown set exits 1"
"$bin" --db "$d/a.db" rescore --set ../x 2>"$d/err"; [ $? -eq 1 ] || fail "set name with a path refused"
"$bin" --db "$d/a.db" rescore --bogus 2>"$d/err"; [ $? -eq 2 ] || fail "rescore usage error exits 2"
exit 0
