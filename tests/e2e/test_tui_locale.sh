#!/bin/sh
# Terminals and languages: a UTF-8 name typed in a UTF-8 terminal, shown
# transliterated (never garbage) and still editable under LANG=C on a
# monochrome vt100, with the stored text kept in UTF-8; NO_COLOR; English
# with --lang en.
. tests/e2e/lib.sh
make_demo
hid=$(sql "SELECT household_id FROM hhlist ORDER BY sk_name, household_id LIMIT 1")
mid=$(sql "SELECT id FROM member WHERE household_id = '$hid' AND shdk = 1")

# 1. UTF-8: the head's name becomes "Régapu’u Ñoer" (cursor moves over the
#    multi-byte characters: the accent is typed last, in the middle)
tui_start 80 24 env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color "$bin" --db "$db"
wait_for "Rumah tangga: "
keys Enter
wait_for "Anggota rumah tangga ("
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
keys Home Enter
wait_for "Anggota rumah tangga"
keys Down Down
keys C-u
type "Rgapu’u Ñoer"
keys Home Right
type "é"
wait_for "Régapu’u Ñoer"
keys End BSpace BSpace BSpace BSpace
type "Noer"
keys Escape F2
wait_for "Tersimpan."
sql_is "SELECT nama FROM member WHERE id = '$mid'" "Régapu’u Noer"
keys F10
wait_for "EXIT=0"

# 2. LANG=C on a vt100: shown as "Regapu'u Noer", searchable, and editing
#    keeps the stored UTF-8
tmux -L "$T_SOCK" kill-server
tui_start 80 24 env LANG=C LC_ALL=C TERM=vt100 "$bin" --db "$db"
wait_for "Rumah tangga: "
keys /
type "regapu"
wait_for "Rumah tangga: 1 "
wait_for "Regapu'u Noer"
screen | grep -q "R.gapu.u Noer" || fail "not transliterated"
screen | LC_ALL=C grep -q "$(printf '[\200-\377]')" && fail "non-ASCII bytes on a LANG=C screen"
keys Enter Enter
wait_for "Anggota rumah tangga ("
screen_has "Regapu'u Noer"
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
keys Enter
wait_for "Anggota rumah tangga"
keys Down Down C-e
type " Jr"
wait_for "Regapu'u Noer Jr"
keys Escape F2
wait_for "Tersimpan."
sql_is "SELECT nama FROM member WHERE id = '$mid'" "Régapu’u Noer Jr"
keys C-q                         # a vt100 has no F10
wait_for "EXIT=0"

# 3. NO_COLOR in a colour terminal still runs (monochrome scheme)
tmux -L "$T_SOCK" kill-server
tui_start 80 24 env NO_COLOR=1 LANG=C.UTF-8 TERM=screen "$bin" --db "$db"
wait_for "Rumah tangga: "
keys q
wait_for "EXIT=0"

# 4. English
tmux -L "$T_SOCK" kill-server
tui_start 80 24 env LANG=C.UTF-8 TERM=linux "$bin" --lang en --db "$db"
wait_for "Households: "
screen_has "1Help"
screen_has "10Quit"
screen_has "Head of household"
keys '?'                         # tmux sends xterm F-keys; the linux console's differ
wait_for "siksdesa help"
keys Escape
keys Enter
wait_for "Household members ("
keys C-q
wait_for "EXIT=0"
