#!/bin/sh
# Sync as the district and a village operator type it: enroll, join with the
# activation code, send the demo village, receive it twice, refuse a damaged
# package and a foreign one, status, digest on both sides.
set -u
bin=${SIKS_BIN:?}
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
fail() { echo "test_sync: $*"; exit 1; }
K="$d/kab.db" V="$d/desa.db"
mkdir "$d/usb" "$d/usb2" "$d/bad"

"$bin" --db "$K" init --kabupaten 35.28 >/dev/null || fail "init kabupaten"
"$bin" --db "$K" site enroll 35.29.01.2001 --out "$d" 2>"$d/err"; [ $? -eq 2 ] || fail "village of another regency refused"
"$bin" --db "$K" site enroll 35.28.01.2001 --out "$d" >"$d/enroll" || fail "enroll"
code=$(grep -o '[2-9A-Z]\{4\}-[2-9A-Z]\{4\}-[2-9A-Z]\{4\}' "$d/enroll")
[ -n "$code" ] || fail "activation code printed"
f="$d/daftar_35.28.01.2001.daftar"
[ -f "$f" ] || fail "enrollment file written"

"$bin" --db "$V" demo >/dev/null || fail "demo village"
"$bin" --db "$V" site join "$f" --kode 2222-3333-4444 2>"$d/err"; [ $? -eq 1 ] || fail "wrong code exits 1"
grep -q 'Kode aktivasi salah' "$d/err" || fail "wrong code message"
"$bin" --db "$V" sync export "$d/usb" 2>"$d/err"; [ $? -eq 1 ] || fail "export before join refused"
grep -q 'site join' "$d/err" || fail "export before join says what to do"
"$bin" --db "$V" site join "$f" --kode "$code" >/dev/null || fail "join"

"$bin" --db "$V" sync export "$d/usb" >"$d/out" || fail "export"
grep -q 'paket no 1' "$d/out" || fail "first package numbered 1"
pkg=$(ls "$d/usb"/paket_35.28.01.2001_ke_35.28_no0001_*.siks) || fail "package name tells origin, destination, number"
grep -q 'Rofiq\|3528' "$pkg" && fail "names or NIKs readable in the package"

# damaged copies are refused whole and change nothing
before=$("$bin" --db "$K" digest --desa 35.28.01.2001) || fail "digest before"
head -c 1000 "$pkg" >"$d/bad/paket_35.28.01.2001_ke_35.28_no0001_x.siks"
"$bin" --db "$K" sync import "$d/bad" 2>"$d/err"; [ $? -eq 1 ] || fail "truncated package exits 1"
grep -q 'terpotong' "$d/err" || fail "truncated package message"
[ "$("$bin" --db "$K" digest --desa 35.28.01.2001)" = "$before" ] || fail "refused package changed nothing"

"$bin" --db "$K" sync import "$d/usb" >"$d/out" || fail "import"
grep -q 'Diterima dari 35.28.01.2001: paket no 1' "$d/out" || fail "import report"
"$bin" --db "$K" sync import "$d/usb" >"$d/out" || fail "import twice"
grep -q 'Sudah diterima' "$d/out" || fail "second import changes nothing"
a=$("$bin" --db "$V" digest) b=$("$bin" --db "$K" digest --desa 35.28.01.2001)
[ "$a" = "$b" ] || fail "digests differ after the exchange"

"$bin" --db "$K" sync status --csv >"$d/st" || fail "status"
grep -q '^35.28.01.2001,.*,1,20' "$d/st" || fail "status names the last package"
tail -1 "$d/st" | grep -q ',0$' || fail "a village that sent this month is not late"
"$bin" --db "$K" sync ganda >/dev/null || fail "duplicates"

# district -> village: the receipt comes back, nothing is sent twice
"$bin" --db "$K" sync export "$d/usb2" >/dev/null || fail "district export"
"$bin" --db "$V" sync import "$d/usb2" >/dev/null || fail "village import"
"$bin" --db "$V" sync export "$d/usb2" >"$d/out" || fail "second village export"
grep -q 'paket no 2, 0 perubahan' "$d/out" || fail "confirmed changes are not sent again"

# another regency's village is refused by name
O="$d/other.db"
"$bin" --db "$O" init --desa 35.28.02.2005 >/dev/null || fail "init other"
"$bin" --db "$O" site join "$f" --kode "$code" 2>"$d/err"; [ $? -eq 2 ] || fail "another village cannot use the file"
exit 0
