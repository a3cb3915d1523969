#!/bin/sh
# A scripted trainee (logged in as peserta) in the real program at 80x24: the LATIHAN tag on every
# screen (its own colour; bold reverse without colours), the exercise screen
# with the hint only on request, two exercises done through the screens — one
# first done wrong, which stays red — turning green, and the progress the
# trainer sees from the command line afterwards.
. tests/e2e/lib.sh
L="$T_DIR/latihan.db"
db=$L
"$bin" latihan --db "$L" buat >/dev/null 2>&1 || fail "latihan buat"
top() { screen | head -1; }

tui_start 80 24 "$bin" latihan --db "$L" --nama "Siti Aminah"
# logging in is part of the practice: choose the trainee's account, type its PIN
wait_for "Siapa yang bekerja?"
keys Down Enter
wait_for "PIN untuk peserta"
type "1234"
keys Enter
wait_for "LATIHAN 0/9"
top | grep -qF "peserta" || fail "operator peserta not in the header"
# its own colour: bold white on magenta, apart from the cyan header
tmux -L "$T_SOCK" capture-pane -e -p -t t | head -1 | grep -q "$(printf '\033')\[1m$(printf '\033')\[37m$(printf '\033')\[45m LATIHAN 0/9 " \
	|| fail "LATIHAN tag not in its own colour"
keys F1
wait_for "Bantuan siksdesa"
top | grep -qF "LATIHAN 0/9" || fail "no tag on the help screen"
screen_has "Daftar latihan"
keys Escape

# the exercise screen: progress, task, hint on request
keys l
wait_for "0/9 selesai"
screen_has "peserta: Siti Aminah"
screen_has "1. Daftarkan rumah tangga baru Bapak Moh. Rasyid"
screen_has "9. Catat keputusan musdes"
keys Down Down
wait_for "Tugas latihan 3"
screen_has "hanya 15 angka"
screen_lacks "Putri Ayu Lestari"
keys p
wait_for "Petunjuk latihan 3"
screen_has "Putri Ayu Lestari"
keys p
wait_for "Tugas latihan 3"
keys Escape
wait_for "Kepala rumah tangga"

# exercise 2: the birth date in 2033. Saving shows the error and selects the
# member; the tag and the message line follow the fix at once.
keys /
type "3528104512338503"
wait_for "Rumah tangga: 1 "
keys Enter Enter
wait_for "Niswati"
keys F2
wait_for "tidak boleh di masa depan"
keys Enter
wait_for "Anggota rumah tangga"
top | grep -qF "LATIHAN 0/9" || fail "no tag on the member screen"
keys Down Down Down Down Down C-u
type "05121933"
keys F2
wait_for "Latihan 2 selesai"
wait_for "LATIHAN 1/9"
sql_is "SELECT tanggal_lahir FROM member WHERE nik = '3528104512338503'" "1933-12-05"
keys Escape
wait_for "Kepala rumah tangga"

# exercise 3: the short No KK, first mended with a wrong number (saved, red)
keys /
keys C-u
type "3528015408971106"
wait_for "Rumah tangga: 1 "
keys Enter Enter
wait_for "Putri Ayu Lestari"
keys F2
wait_for "terlalu pendek"
keys Enter
wait_for "Anggota rumah tangga"
keys Down C-u
type "3528012402218770"
keys F2
wait_for "Tersimpan."
settle
top | grep -qF "LATIHAN 1/9" || fail "a wrong No KK counted as done"
sql_is "SELECT no_kk FROM member WHERE nik = '3528015408971106'" "3528012402218770"
keys Enter
wait_for "Anggota rumah tangga"
keys Down C-u
type "3528012402218773"
keys F2
wait_for "Latihan 3 selesai"
wait_for "LATIHAN 2/9"
keys Escape
wait_for "Kepala rumah tangga"

# both ticked on the exercise screen
keys l
wait_for "2/9 selesai"
keys q
wait_for "Kepala rumah tangga"
keys F10
wait_for "EXIT=0"

# what the trainer sees, and a reset for the next trainee
out=$("$bin" latihan --db "$L" status) || fail "status"
echo "$out" | grep -q '^2/9 selesai' || fail "status: $out"
echo "$out" | grep -q '✓  2\.' || fail "status: 2 not ticked"
echo "$out" | grep -q '✓  3\.' || fail "status: 3 not ticked"
"$bin" latihan --db "$L" reset >/dev/null || fail "reset"
"$bin" latihan --db "$L" status | grep -q '^0/9 selesai' || fail "reset: not back to 0/9"

# without colours the tag is bold reverse video, parted from the reverse header
tmux -L "$T_SOCK" kill-server
tui_start 80 24 env NO_COLOR=1 SIKSDESA_PIN=1234 "$bin" --operator peserta latihan --db "$L"
wait_for "LATIHAN 0/9"
tmux -L "$T_SOCK" capture-pane -e -p -t t | head -1 | grep -q "$(printf '\033')\[1;7m LATIHAN 0/9 " \
	|| fail "monochrome tag is not bold reverse"
keys F10
wait_for "EXIT=0"

# a real register shows no tag and has no exercises
tmux -L "$T_SOCK" kill-server
make_demo
tui_start 80 24 "$bin" --db "$db"
wait_for "Kepala rumah tangga"
screen_lacks "LATIHAN"
keys l
wait_for "hanya ada di basis data latihan"
keys F10
wait_for "EXIT=0"
exit 0
