#!/bin/sh
# The household list at 80x24: first screen, incremental search by name, NIK,
# No KK and address, open a household and back, sort, filter, help, quit.
. tests/e2e/lib.sh
make_demo
total=$(sql "SELECT count(*) FROM household")
tui_start 80 24 "$bin" --db "$db"
wait_for "Rumah tangga: $total"
screen_has "Dabuan 35.28.01.2001"
screen_has "1Bantuan"
screen_has "10Keluar"
screen_has "q Keluar"

# search by a member's name: any member matches, the count follows each key
name=$(sql "SELECT nama FROM member WHERE shdk <> 1 AND nama NOT LIKE '%''%' ORDER BY id LIMIT 1")
first=$(echo "$name" | cut -d' ' -f1)
want=$(sql "SELECT count(DISTINCT household_id) FROM member WHERE ' ' || lower(nama) LIKE '% ' || lower('$first') || '%'")
keys /
type "$first"
wait_for "Cari: $first"
wait_for "Rumah tangga: $want "
# by NIK: exactly one household
nik=$(sql "SELECT nik FROM member WHERE nik IS NOT NULL ORDER BY id LIMIT 1 OFFSET 7")
head=$(sql "SELECT l.head FROM hhlist l JOIN member m ON m.household_id = l.household_id WHERE m.nik = '$nik' LIMIT 1")
keys C-u
type "$nik"
wait_for "Rumah tangga: 1 "
wait_for "$head"
# by No KK prefix
kk=$(sql "SELECT no_kk FROM member ORDER BY id LIMIT 1")
keys C-u
type "$kk"
wait_for "Rumah tangga: 1 "
# by address words
keys C-u
type "gang mawar"
want=$(sql "SELECT count(*) FROM household WHERE lower(alamat) LIKE '%gang mawar%'")
wait_for "Rumah tangga: $want "
# nothing matches
keys C-u
type "zzqxw"
wait_for "Tidak ada yang cocok."
keys Escape
wait_for "Rumah tangga: $total"

# open the first household and go back
keys Enter
wait_for "Anggota rumah tangga ("
screen_has "Kode desa"
keys Escape
wait_for "Kepala rumah tangga"

# sort by address: the first row is from the first dusun alphabetically
keys o
wait_for "Urutkan menurut"
keys Down Enter
wait_for "urut: alamat"
d1=$(sql "SELECT dusun FROM household ORDER BY lower(dusun), rw, rt LIMIT 1")
screen | sed -n 5p | grep -qF "$d1" || fail "address sort: first row not in $d1"

# filter one dusun
keys f
wait_for "Saring"
type "Dusun: $d1"
keys Enter
n=$(sql "SELECT count(*) FROM household WHERE dusun = '$(echo "$d1" | sed "s/'/''/g")'")
wait_for "Rumah tangga: $n "

# page down to the end and back home
keys End
settle
keys Home
settle

# help, generated from the action table
keys F1
wait_for "Bantuan siksdesa"
screen_has "F4 Ctrl-N n"
keys Escape
wait_for "Kepala rumah tangga"

keys q
wait_for "EXIT=0"
