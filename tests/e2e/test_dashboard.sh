#!/bin/sh
# The district dashboard at 80x24: a district with two enrolled villages, of
# which the demo village sent its package and the other never did. Both rows
# show; the silent one is marked late ('!', visible without colour); the
# counts are the database's; sort, detail, conflict screen; more columns at
# 160; offered only on a district register; LANG=C on a monochrome vt100.
. tests/e2e/lib.sh
# the late rule compares with the month the import was stamped (the real
# clock), so "today" is the real date here
SIKSDESA_NOW=$(date +%F)
export SIKSDESA_NOW
make_demo
V=$db
K="$T_DIR/kab.db"
"$bin" --db "$K" init --kabupaten 35.28 >/dev/null 2>&1 || fail "init kabupaten"
"$bin" --db "$K" site enroll 35.28.01.2001 --out "$T_DIR" >"$T_DIR/enroll" 2>&1 || fail "enroll"
"$bin" --db "$K" site enroll 35.28.02.2005 --out "$T_DIR" >/dev/null 2>&1 || fail "enroll second"
code=$(grep -o '[2-9A-Z]\{4\}-[2-9A-Z]\{4\}-[2-9A-Z]\{4\}' "$T_DIR/enroll")
"$bin" --db "$V" site join "$T_DIR/daftar_35.28.01.2001.daftar" --kode "$code" >/dev/null 2>&1 || fail "join"
mkdir "$T_DIR/usb"
"$bin" --db "$V" sync export "$T_DIR/usb" >/dev/null 2>&1 || fail "village export"
"$bin" --db "$K" sync import "$T_DIR/usb" >/dev/null 2>&1 || fail "district import"

# what the rows must say, from the district's database
db=$K
hh=$(sql "SELECT count(*) FROM household")
mem=$(sql "SELECT count(*) FROM member")
chg=$(sql "SELECT nchanges FROM sync_pkg WHERE dir='in' AND peer='35.28.01.2001'")
open=$(sql "SELECT count(*) FROM usulan WHERE status IN (1, 2, 4)")
sent=$(sql "SELECT count(*) FROM usulan WHERE status = 4")
day=$(date +%d-%m-%Y)
[ "$hh" -gt 0 ] && [ "$chg" -gt 0 ] && [ "$open" -gt 0 ] || fail "the demo village's package carried its register"
sql_is "SELECT count(*) FROM sync_pkg WHERE dir='in' AND peer='35.28.02.2005'" 0

# a row of the table as "! name last changes households members proposals conflicts duplicates"
row() { screen | grep -E "^$1 +$2 " | tr -s ' '; }

tui_start 80 24 "$bin" --db "$K"
wait_for "Rumah tangga: $hh"
screen_has "d Dasbor"
keys d
wait_for "Dasbor kabupaten"
screen_has "2 desa, 1 TERLAMBAT"
[ "$(row ' ' 35.28.01.2001)" = " 35.28.01.2001 $day $chg $hh $mem $open 0 0" ] || fail "sent village's row: $(row ' ' 35.28.01.2001)"
[ "$(row '!' 35.28.02.2005)" = "! 35.28.02.2005 belum 0 0 0 0 0 0" ] || fail "late village's row: $(row '!' 35.28.02.2005)"
screen | grep -qE "^ +Jumlah 2 desa +$chg +$hh +$mem +$open +0 +0" || fail "totals row"
# late first: the village that never sent is the first row under the totals
first=$(screen | grep -nE "^[! ] 35\.28\." | head -1)
case $first in *35.28.02.2005*) ;; *) fail "late village not first: $first" ;; esac
# o: by name (no names here, so by kode)
keys o
wait_for "urut: nama"
first=$(screen | grep -nE "^[! ] 35\.28\." | head -1)
case $first in *35.28.01.2001*) ;; *) fail "sorted by name: $first" ;; esac
# Enter on the selected village (it stays selected across the sort)
keys Home Enter
wait_for "Rincian desa"
screen_has "Rumah tangga $hh, anggota $mem"
screen_has "Usulan menurut status (terbuka: $open)"
screen | grep -qE "^ +Dikirim +$sent\$" || fail "proposals sent in the detail"
screen_has "Konflik terbuka: 0"
keys c
wait_for "Tidak ada konflik terbuka."
keys Escape
wait_for "Rincian desa"
keys Escape
wait_for "Dasbor kabupaten"
keys Down Enter
wait_for "TERLAMBAT: belum ada paket bulan"
screen_has "belum pernah ada paket dari desa ini"
keys Escape
wait_for "Dasbor kabupaten"
# wider: proposals by status, the word TERLAMBAT
resize 160 30
wait_for "Keterangan"
screen_has "MusYa"
screen | grep -E "^! 35.28.02.2005" | grep -q "TERLAMBAT" || fail "the late word at 160 columns"
resize 80 24
wait_gone "Keterangan"
keys Escape
wait_for "Rumah tangga: $hh"
# from Kirim / Terima, d
keys k
wait_for "d dasbor"
keys d
wait_for "Dasbor kabupaten"
keys Escape
wait_for "Kirim / Terima"
keys Escape
wait_for "Rumah tangga: $hh"
keys q
wait_for "EXIT=0"
tmux -L "$T_SOCK" kill-server 2>/dev/null; settle 0.5

# LANG=C, monochrome: the mark is a character, not a colour; Ctrl-Z opens it
tui_start 80 24 env LANG=C LC_ALL=C TERM=vt100 NO_COLOR=1 "$bin" --db "$K"
wait_for "Rumah tangga: $hh"
keys C-z
wait_for "Dasbor kabupaten - o urut"
[ "$(row '!' 35.28.02.2005)" = "! 35.28.02.2005 belum 0 0 0 0 0 0" ] || fail "late row under LANG=C"
keys Escape
wait_for "Rumah tangga: $hh"
keys q
wait_for "EXIT=0"
tmux -L "$T_SOCK" kill-server 2>/dev/null; settle 0.5

# a village register offers no dashboard: no hint, d and Ctrl-Z do nothing
tui_start 80 24 "$bin" --db "$V"
wait_for "Rumah tangga: "
screen_lacks "Dasbor"
keys d
settle
keys C-z
settle
screen_lacks "Dasbor kabupaten"
screen_has "Rumah tangga: "
keys q
wait_for "EXIT=0"
exit 0
