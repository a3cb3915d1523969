#!/bin/sh
# The screens of issue 6 in the real program under tmux: the login at start
# (wrong PIN, right PIN), the history, a backup in one step, a second program
# told who has the database, and the damaged-database screen.
set -u
bin=${SIKS_BIN:?}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
command -v tmux >/dev/null || { echo "test_tui_safety: tmux missing"; exit 1; }
d=$(mktemp -d)
sock="siks-safety-$$"
export SIKSDESA_DATA="$(pwd)/data" ASAN_OPTIONS=detect_leaks=0
unset SIKSDESA_PIN SIKSDESA_OPERATOR
T() { tmux -L "$sock" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$d"' EXIT
fail() { echo "test_tui_safety: $*"; echo "---- screen ----"; T capture-pane -p -t t 2>/dev/null; exit 1; }
start() { T -f /dev/null new-session -d -s t -x 80 -y 24 "'$bin' --db '$db'; echo EXIT=\$?; sleep 600" || fail "tmux"; }
stop() { T kill-server 2>/dev/null; sleep 0.2; }
keys() { T send-keys -t t "$@"; }
type() { T send-keys -t t -l "$1"; }
wait_for() {
	n=$(( ${2:-10} * 10 ))
	while [ $n -gt 0 ]; do
		T capture-pane -p -t t | grep -qF -- "$1" && return 0
		sleep 0.1; n=$((n - 1))
	done
	fail "did not see: $1"
}
db="$d/desa.db"
"$bin" --db "$db" demo >/dev/null 2>&1 || fail "demo"
echo 4321 | "$bin" --db "$db" operator add Admin --role admin >/dev/null || fail "admin"
echo 1234 | SIKSDESA_PIN=4321 "$bin" --db "$db" --operator Admin operator add Siti --role desa >/dev/null || fail "Siti"

# who is working: a wrong PIN is refused and counted, the right one lets in
start
wait_for "Siapa yang bekerja?"
keys Down Enter
wait_for "PIN untuk Siti"
type 9999; keys Enter
wait_for "sisa 4 percobaan"
keys Enter
wait_for "Siapa yang bekerja?"
keys Down Enter
wait_for "PIN untuk Siti"
type 1234
T capture-pane -p -t t | grep -q 1234 && fail "PIN shown on screen"
keys Enter
wait_for "Selamat bekerja, Siti"
wait_for "Rumah tangga: 301"

# a second program on the same database is told who has it
"$bin" --db "$db" operator list >/dev/null 2>"$d/err" && fail "second program let in"
grep -q "sedang dibuka oleh program lain: operator Siti" "$d/err" || fail "second program message: $(cat "$d/err")"

# the history of the whole village, then of one household
keys r
wait_for "Riwayat perubahan seluruh desa"
keys Escape
wait_for "Rumah tangga: 301"
keys Enter
wait_for "Anggota rumah tangga ("
keys C-y
wait_for "Riwayat perubahan rumah tangga ini"
wait_for "(rekaman baru)"
keys Escape Escape
wait_for "Rumah tangga: 301"

# a backup in one step (only where no USB stick is mounted: never write to a real one)
if [ -z "$(ls -A "/media/$(id -un)" "/run/media/$(id -un)" 2>/dev/null)" ] && [ -z "$(ls -A /media 2>/dev/null)" ]; then
	mkdir "$d/usb"
	keys b
	wait_for "Tidak ada flashdisk"
	keys f
	wait_for "Folder tujuan"
	type "$d/usb"; keys Enter
	wait_for "Cadangan tersimpan di"
	keys Enter
	ls "$d/usb" | grep -q '^desa-.*\.db$' || fail "backup file on the stick"
	sqlite3 "$db" "SELECT count(*) FROM audit WHERE tbl='export' AND operator='Siti'" | grep -q '^1$' \
		|| fail "backup to the stick audited with its operator"
fi
keys q
wait_for "EXIT=0"
stop

# the damaged-database screen offers the newest good backup and puts it back
# (the day's automatic one predates the accounts: take a fresh one)
SIKSDESA_PIN=4321 "$bin" --db "$db" --operator Admin backup >/dev/null || fail "backup"
dd if=/dev/urandom of="$db" bs=4096 seek=5 count=8 conv=notrunc 2>/dev/null
start
wait_for "Basis data rusak"
wait_for "Cadangan terbaru yang baik"
keys p
wait_for "Dipulihkan"
keys Enter
wait_for "Siapa yang bekerja?"
keys Enter
type 4321; keys Enter
wait_for "Rumah tangga: 301"
# the admin masks NIK / No KK for a projected screen
keys g
wait_for "Samarkan NIK"
keys Down Down Down Enter
wait_for "kini disamarkan"
wait_for "3528********"
keys q
wait_for "EXIT=0"
stop
ls "$d" | grep -q 'desa.db.rusak-' || fail "damaged file kept"
exit 0
