#!/bin/sh
# The first run: a new, empty register opens on the start screen. A wrong
# kode wilayah is named with its rule; a right one (with the village name
# typed, as the region list is not loaded) sets the site up. From the start
# screen the practice copy opens in its own file, never in this register.
. tests/e2e/lib.sh
db="$T_DIR/baru.db"
tui_start 80 24 "$bin" --db "$db"
wait_for "Selamat datang di siksdesa"
screen_has "Buka latihan"
keys Enter                       # Siapkan untuk desa/kelurahan
wait_for "Kode wilayah desa/kelurahan"
type "35.09.1"; keys Enter
wait_for "Kode desa: harus berbentuk"
keys Enter
keys C-u; type "35.09.01.2001"; keys Enter
wait_for "Nama desa/kelurahan:"
type "Kaliwates"; keys Enter
# the first run makes the admin account
wait_for "Belum ada akun operator"
keys Enter
wait_for "Nama operator:"
type "Rofiqoh"; keys Enter
wait_for "PIN baru untuk Rofiqoh"
type "2468"; keys Enter
wait_for "Ulangi PIN baru"
type "2468"; keys Enter
wait_for "Operator Rofiqoh (admin) dibuat."
screen_has "Kaliwates 35.09.01.2001"
screen_has "Rofiqoh"
sql_is "SELECT name || ' ' || role FROM operator" "Rofiqoh 3"
sql_is "SELECT count(*) FROM operator WHERE pin_hash LIKE '%2468%'" "0"
sql_is "SELECT value FROM setting WHERE key = 'site.kode'" "35.09.01.2001"
sql_is "SELECT value FROM setting WHERE key = 'site.role'" "1"
keys q
wait_for "EXIT=0"
tmux -L "$T_SOCK" kill-server

# a second new register: the practice copy from the start screen
db2="$T_DIR/kosong.db"
tui_start 80 24 "$bin" --db "$db2"
wait_for "Selamat datang di siksdesa"
keys Down Down Enter
wait_for "Siapa yang bekerja?" 30
[ -f "$T_DIR/latihan.db" ] || fail "no latihan.db beside the register"
db="$db2"
sql_is "SELECT count(*) FROM setting WHERE key LIKE 'site.%'" "0"
db="$T_DIR/latihan.db"
sql_is "SELECT value FROM setting WHERE key = 'site.practice'" "1"
exit 0
