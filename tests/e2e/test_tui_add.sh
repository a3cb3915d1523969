#!/bin/sh
# A new household with three members at 80x24, typing into every kind of
# field (text, fixed digits, number, date, choice by type-ahead and by list,
# yes/no), meeting each validation error once, saving, and finding the
# record again after reopening the program.
. tests/e2e/lib.sh
make_demo
before=$(sql "SELECT count(*) FROM household")
# the message lines (up to three above the key bar at 80x24), joined
msg() { screen | sed -n 20,23p | tr '\n' ' ' | tr -s ' '; }
msg_has() {
	n=50
	while [ $n -gt 0 ]; do msg | grep -qF -- "$1" && return 0; sleep 0.1; n=$((n - 1)); done
	fail "message lacks: $1 (has: $(msg))"
}

tui_start 80 24 "$bin" --db "$db"
wait_for "Rumah tangga: $before"
keys F4
wait_for "Rumah tangga baru"
# the cursor starts on Dusun (the desa code is the site's)
screen_has "35.28.01.2001"
type "Krajan"; keys Enter
type "7"; keys Enter
type "2"; keys Enter
# required field left empty
keys Enter
msg_has "Alamat: wajib diisi"
keys Up
type "Jl. Raya Dabuan No. 12"; keys Enter
# number out of range, then a good one with a decimal comma
type "99999"; keys Enter
msg_has "harus antara 1 dan 5000"
keys Up C-u
type "36,5"; keys Enter
# choice by type-ahead
type "tan"
wait_for "9 Tanah"
keys Enter
# choice from the list (Space), by type-ahead in the list
keys Space
wait_for "Jenis dinding"
type "bambu"
keys Enter
wait_for "Bambu"
keys Enter
# the rest of the housing choices by code digits
type "6"; keys Enter   # atap
type "8"; keys Enter   # air minum
type "1"; keys Enter   # penerangan
type "5"; keys Enter   # bahan bakar
type "4"; keys Enter   # fasilitas bab
# yes/no
type "y"; keys Enter
type "t"; keys Enter
wait_for "Tidak"
keys C-n
wait_for "Anggota baru"

# member 1: the head. NIK with an impossible month first
type "3528011213800001"
msg_has "bulan lahir"
keys Up C-u
type "352801120380000"; keys Enter
msg_has "terlalu pendek"
keys Up C-u
type "3528011203800001"          # 16 digits: on to No KK by itself
type "3528012702260001"          # on to Nama
type "Regapu’u Hasan"; keys Enter
type "l"; keys Enter
type "Pamekasan"; keys Enter
type "31022020"; keys Enter       # not a real date
msg_has "bukan tanggal yang ada"
keys Up C-u
type "01012030"; keys Enter       # in the future
msg_has "tidak boleh di masa depan"
keys Up C-u
type "12031980"; keys Enter
wait_for "12-03-1980"
type "kep"; keys Enter
type "kaw"; keys Enter
type "isl"; keys Enter
type "3"; keys Enter
type "pet"
wait_for "Petani/pekebun"
keys Escape
wait_for "Regapu’u Hasan"

# member 2: the wife (NIK day + 40), with a name edited in the middle
keys C-n
wait_for "Anggota baru"
type "3528014507850002"
keys Enter
type "Siti Nuraini"
keys Left Left Left Left
type "'"
wait_for "Siti Nur'aini"
keys Enter
type "p"; keys Enter; keys Enter
type "05071985"; keys Enter
type "ist"; keys Enter
keys Escape
wait_for "Siti Nur'aini"

# member 3: a child, first entered as a second head
keys C-n
wait_for "Anggota baru"
type "3528012001150003"
keys Enter
type "Ahmad Fauzi"; keys Enter
type "l"; keys Enter; keys Enter
type "20012015"; keys Enter
type "kep"; keys Enter
keys Escape
wait_for "Ahmad Fauzi"
keys F2
msg_has "kepala keluarga"
sql_is "SELECT count(*) FROM household" "$before"
# the grid is on the last member added: open it and fix its relationship
keys Enter
wait_for "Anggota rumah tangga"
keys Down Down Down Down Down Down
type "anak"
wait_for "4 Anak"
keys Escape
keys C-s
wait_for "Tersimpan."
sql_is "SELECT count(*) FROM household" "$((before + 1))"
hid=$(sql "SELECT household_id FROM member WHERE nik = '3528011203800001'")
sql_is "SELECT count(*) FROM member WHERE household_id = '$hid'" 3
sql_is "SELECT nama FROM member WHERE nik = '3528014507850002'" "Siti Nur'aini"
sql_is "SELECT tanggal_lahir || ' ' || shdk FROM member WHERE nik = '3528012001150003'" "2015-01-20 4"
sql_is "SELECT alamat || '|' || luas_lantai || '|' || lantai || '|' || dinding || '|' || aset_gas || '|' || aset_kulkas FROM household WHERE id = '$hid'" "Jl. Raya Dabuan No. 12|36.5|9|8|1|0"
sql_is "SELECT pekerjaan FROM member WHERE nik = '3528011203800001'" 9
# one audit row for each new record
sql_is "SELECT count(*) FROM audit WHERE rec = '$hid' AND field = '*'" 1

# a NIK already registered elsewhere is refused, naming the other household
other=$(sql "SELECT nik FROM member m WHERE household_id <> '$hid' AND jenis_kelamin = 1
	AND substr(nik, 7, 2) BETWEEN '01' AND '28' AND substr(nik, 9, 2) BETWEEN '01' AND '12'
	AND substr(nik, 13, 4) <> '0000' AND (SELECT count(*) FROM member x WHERE x.nik = m.nik) = 1
	ORDER BY id LIMIT 1")
keys C-n
wait_for "Anggota baru"
type "$other"
keys Enter                       # No KK comes from the household
type "Orang Ganda"; keys Enter
type "l"; keys Enter; keys Enter
dob=$(echo "$other" | sed 's/^......\(..\)\(..\)\(..\).*/\1\219\3/')
type "$dob"; keys Enter
type "fam"
keys Escape
keys F2
msg_has "sudah terdaftar"
sql_is "SELECT count(*) FROM member WHERE household_id = '$hid'" 3
# leave without saving: asked first
keys Escape
wait_for "Perubahan belum disimpan"
keys j
wait_for "Perubahan dibuang."
keys F10
wait_for "EXIT=0"

# reopen and find the household by the wife's name
tmux -L "$T_SOCK" kill-server
tui_start 80 24 "$bin" --db "$db"
wait_for "Rumah tangga: $((before + 1))"
keys /
type "nur'aini hasan"
wait_for "Rumah tangga: 1 "
wait_for "Regapu’u Hasan"
keys Enter Enter
wait_for "Siti Nur'aini"
screen_has "Ahmad Fauzi"
screen_has "Jl. Raya Dabuan No. 12"
keys F10
wait_for "EXIT=0"
