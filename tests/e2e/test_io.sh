#!/bin/sh
# Import, export and reports as an operator types them: export the demo
# village, dry-run and import it into a new database, re-import (nothing
# changes), a damaged file with its report, XLSX, and the reports.
set -u
bin=${SIKS_BIN:?}
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
fail() { echo "test_io: $*"; exit 1; }

"$bin" --db "$d/demo.db" demo >/dev/null || fail "demo"
"$bin" --db "$d/demo.db" export csv "$d/desa.csv" | grep -q 'anggota ditulis' || fail "export csv"
head -c 3 "$d/desa.csv" | od -An -tx1 | grep -q 'ef bb bf' || fail "export has a BOM"
"$bin" --db "$d/demo.db" export csv "$d/desa1252.csv" --encoding windows-1252 --separator ';' >/dev/null || fail "export 1252"
"$bin" --db "$d/demo.db" export xlsx "$d/desa.xlsx" >/dev/null || fail "export xlsx"
head -c 2 "$d/desa.xlsx" | grep -q PK || fail "xlsx is a zip"
ls "$d" | grep -q 'tmp-' && fail "temporary file left behind"

"$bin" --db "$d/new.db" init --desa 35.28.01.2001 --nama Dabuan >/dev/null || fail "init"
"$bin" --db "$d/new.db" import "$d/desa1252.csv" --dry-run > "$d/dry.txt"
grep -q 'Uji coba impor' "$d/dry.txt" || fail "dry run says so"
grep -q 'pemisah titik koma' "$d/dry.txt" || fail "dry run names charset and separator"
[ "$(sqlite3 "$d/new.db" 'select count(*) from member')" = 0 ] || fail "dry run changed nothing"
"$bin" --db "$d/new.db" import "$d/desa1252.csv" --report "$d/rep.csv" > "$d/imp.txt"
grep -q 'anggota: *[0-9][0-9]* baru' "$d/imp.txt" || fail "import counts"
[ "$(sqlite3 "$d/new.db" 'select count(*) from member')" -gt 1000 ] || fail "members imported"
head -1 "$d/rep.csv" | grep -q 'baris,tingkat,kolom,nilai,alasan' || fail "report header"
"$bin" --db "$d/new.db" import "$d/desa.csv" > "$d/again.txt"
grep -q 'anggota: *0 baru, 0 berubah' "$d/again.txt" || fail "re-import changes nothing"

printf 'nomor_kk;nomor_nik;nama;jenis_kelamin;tanggal_lahir;hubungan_keluarga;alamat;rt;rw\n3528010101990001;3,52806E+15;Budi;1;01-01-1980;1;Jl. A;1;1\n' > "$d/bad.csv"
"$bin" --db "$d/new.db" import "$d/bad.csv" > "$d/bad.txt"; [ $? -eq 1 ] || fail "rejected rows exit 1"
grep -q 'baris 2: DITOLAK: nomor_nik' "$d/bad.txt" || fail "rejected row named with line and column"
grep -q 'notasi ilmiah' "$d/bad.txt" || fail "scientific notation explained"
"$bin" --db "$d/new.db" import "$d/nothing.csv" 2>"$d/err"; [ $? -eq 1 ] || fail "missing file exits 1"
"$bin" --db "$d/new.db" import 2>/dev/null; [ $? -eq 2 ] || fail "usage exits 2"

"$bin" --db "$d/demo.db" report bnba | grep -q 'BERITA ACARA' || fail "bnba"
"$bin" --db "$d/demo.db" report ringkasan | grep -q 'Menurut dusun' || fail "ringkasan"
"$bin" --db "$d/demo.db" report bnba --html "$d/bnba.html" >/dev/null || fail "bnba html"
grep -q 'size:A4' "$d/bnba.html" || fail "html for A4"
h=$(sqlite3 "$d/demo.db" 'select id from household limit 1')
"$bin" --db "$d/demo.db" report kartu "$h" | grep -q 'KARTU RUMAH TANGGA' || fail "kartu"
"$bin" --db "$d/demo.db" report triwulan 2026-3 2>"$d/err"; [ $? -eq 1 ] || fail "triwulan refused at a village"
"$bin" --db "$d/demo.db" report nope 2>/dev/null; [ $? -eq 2 ] || fail "unknown report exits 2"
exit 0
