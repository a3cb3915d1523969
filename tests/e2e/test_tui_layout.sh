#!/bin/sh
# Widths and resizing: one pane at 80 columns (Tab moves), list + form from
# 120, all three from 160 (at 160x48); a resize keeps what was typed; a
# too-small terminal gets its own screen; quitting with unsaved changes asks.
. tests/e2e/lib.sh
make_demo
hid=$(sql "SELECT household_id FROM hhlist ORDER BY sk_name, household_id LIMIT 1")
alamat=$(sql "SELECT alamat FROM household WHERE id = '$hid'")
tail=$(echo "$alamat" | rev | cut -c1-8 | rev)   # a narrow field scrolls to the cursor

tui_start 160 48 "$bin" --db "$db"
wait_for "Rumah tangga: "
# all three panes: the list, the form (previewing the selection), the checklist
wait_for "Anggota rumah tangga ("
screen_has "Kepala rumah tangga"
screen_has "14 kriteria"
screen_has "$alamat"
# Tab goes to the form; type into the address without leaving the field
keys Tab
keys Down Down Down Down End
type " Blok C"
wait_for "$tail Blok C"

# narrower: 120 columns shows list and form, the typed text is still there
resize 120 40
wait_for "$tail Blok C"
screen_has "Kepala rumah tangga"
screen_lacks "14 kriteria"
# 80 columns: only the form (it has the keys)
resize 80 24
wait_for "$tail Blok C"
screen_lacks "Kepala rumah tangga"
# too small: its own screen, then back with the text intact
resize 50 12
wait_for "Layar terlalu kecil"
resize 80 24
wait_for "$tail Blok C"
# Tab: the checklist, then the list
keys Tab
wait_for "14 kriteria"
keys Tab
wait_for "Kepala rumah tangga"

# quitting with unsaved changes asks; Batal stays
keys F10
wait_for "Perubahan belum disimpan"
keys b
wait_gone "Perubahan belum disimpan"
screen_lacks "EXIT="
# Simpan saves, then quits
keys F10
wait_for "Perubahan belum disimpan"
keys s
wait_for "EXIT=0"
sql_is "SELECT alamat FROM household WHERE id = '$hid'" "$alamat Blok C"
sql_is "SELECT count(*) FROM audit WHERE rec = '$hid' AND field = 'alamat' AND new = '$alamat Blok C'" 1

# and "Jangan simpan" leaves the database as it was
tmux -L "$T_SOCK" kill-server
tui_start 80 24 "$bin" --db "$db"
wait_for "Rumah tangga: "
keys Enter
wait_for "Anggota rumah tangga ("
keys Down Down Down Down End
type " X"
keys C-q
wait_for "Perubahan belum disimpan"
keys j
wait_for "EXIT=0"
sql_is "SELECT alamat FROM household WHERE id = '$hid'" "$alamat Blok C"
