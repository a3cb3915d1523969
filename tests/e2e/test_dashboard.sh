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

# a third village sends a household holding a NIK the demo village has: the
# duplicate counts once in the totals, and the detail names both households
V3="$T_DIR/desa3.db"
"$bin" --db "$K" site enroll 35.28.01.2002 --out "$T_DIR" >"$T_DIR/enroll3" 2>&1 || fail "enroll third"
code3=$(grep -o '[2-9A-Z]\{4\}-[2-9A-Z]\{4\}-[2-9A-Z]\{4\}' "$T_DIR/enroll3")
"$bin" --db "$V3" init --desa 35.28.01.2002 >/dev/null 2>&1 || fail "init third"
"$bin" --db "$V3" site join "$T_DIR/daftar_35.28.01.2002.daftar" --kode "$code3" >/dev/null 2>&1 || fail "join third"
db=$V
nik=$(sql "SELECT nik FROM member WHERE shdk <> 1 AND keberadaan = 1 AND length(nik) = 16 ORDER BY nik LIMIT 1")
nama=$(sql "SELECT nama FROM member WHERE nik = '$nik'")
head1=$(sql "SELECT k.nama FROM member m JOIN member k ON k.household_id = m.household_id AND k.shdk = 1 WHERE m.nik = '$nik'")
kk1=$(sql "SELECT no_kk FROM member WHERE nik = '$nik'")
born=$(sql "SELECT tanggal_lahir FROM member WHERE nik = '$nik'")
sex=$(sql "SELECT jenis_kelamin FROM member WHERE nik = '$nik'")
"$bin" --db "$V" export csv "$T_DIR/v.csv" >/dev/null 2>&1 || fail "export csv"
{
	head -1 "$T_DIR/v.csv"
	echo ",35.28.01.2002,3528021505700003,3528020101200007,Hasan Basri,1,Pamekasan,1970-05-15,1,2,1,3,2,0,,1,,Krajan,1,1,Jl. Terrak 1,40,2,1,2,5,1,3,1,0,0,1,0,0,,"
	echo ",35.28.01.2002,$nik,3528020101200007,$nama,$sex,Pamekasan,$born,3,2,1,3,2,0,0,1,,Krajan,1,1,Jl. Terrak 1,40,2,1,2,5,1,3,1,0,0,1,0,0,,"
} >"$T_DIR/v3.csv"
"$bin" --db "$V3" import "$T_DIR/v3.csv" >"$T_DIR/imp3" 2>&1 || fail "third village import: $(cat "$T_DIR/imp3")"
mkdir "$T_DIR/usb3"
"$bin" --db "$V3" sync export "$T_DIR/usb3" >/dev/null 2>&1 || fail "third village export"
"$bin" --db "$K" sync import "$T_DIR/usb3" >/dev/null 2>&1 || fail "district import third"
db=$K
sql_is "SELECT count(*) FROM member WHERE nik = '$nik'" 2
tui_start 80 24 "$bin" --db "$K"
wait_for "Rumah tangga: "
keys d
wait_for "3 desa, 1 TERLAMBAT"
[ "$(row ' ' 35.28.01.2002)" = " 35.28.01.2002 $day 3 1 2 0 0 1" ] || fail "third village's row: $(row ' ' 35.28.01.2002)"
screen | grep -qE "^ +Jumlah 3 desa .* 0 +1\$" || fail "a duplicate counts once in the totals"
keys o Home Down Enter
wait_for "Rincian desa"
screen_has "35.28.01.2002"
keys End
wait_for "NIK ganda antar desa: 1"
screen_has "NIK $nik"
screen_has "di 35.28.01.2002: $nama"
screen_has "rumah tangga Hasan Basri, No KK 3528020101200007"
screen_has "di 35.28.01.2001: $nama"
screen_has "rumah tangga $head1, No KK $kk1"
keys Escape
wait_for "Dasbor kabupaten"
keys Escape q
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
