#!/bin/sh
# The "Kirim / Terima" screen at 80x24: the demo village, joined to its
# district, sends a package into a typed folder (no USB stick here); the
# district receives it from the command line and the digests agree.
. tests/e2e/lib.sh
make_demo
K="$T_DIR/kab.db"
"$bin" --db "$K" init --kabupaten 35.28 >/dev/null 2>&1 || fail "init kabupaten"
"$bin" --db "$K" site enroll 35.28.01.2001 --out "$T_DIR" >"$T_DIR/enroll" 2>&1 || fail "enroll"
code=$(grep -o '[2-9A-Z]\{4\}-[2-9A-Z]\{4\}-[2-9A-Z]\{4\}' "$T_DIR/enroll")
"$bin" --db "$db" site join "$T_DIR/daftar_35.28.01.2001.daftar" --kode "$code" >/dev/null 2>&1 || fail "join"
mkdir "$T_DIR/usb"
hh=$(sql "SELECT count(*) FROM household")

tui_start 80 24 "$bin" --db "$db"
wait_for "Rumah tangga: $hh"
keys k
wait_for "Kirim / Terima"
screen_has "Folder lain"
screen_has "35.28"
screen_has "belum pernah dikirim"
keys k
wait_for "Folder:"
type "$T_DIR/usb"; keys Enter
wait_for "1 paket ditulis"
ls "$T_DIR/usb"/paket_35.28.01.2001_ke_35.28_no0001_*.siks >/dev/null 2>&1 || fail "package written"
keys Escape
wait_for "Rumah tangga: $hh"
keys q
"$bin" --db "$K" sync import "$T_DIR/usb" >/dev/null 2>&1 || fail "district import"
a=$("$bin" --db "$db" digest 2>/dev/null) b=$("$bin" --db "$K" digest --desa 35.28.01.2001 2>/dev/null)
[ -n "$a" ] && [ "$a" = "$b" ] || fail "digests differ"
exit 0
