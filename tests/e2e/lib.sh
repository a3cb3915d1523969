# lib.sh — helpers for the screen tests: drive the real binary in tmux (own
# socket per test, so tests never touch the user's tmux), type into it, read
# the screen with capture-pane, and check the database with sqlite3.
#   . tests/e2e/lib.sh
#   tui_start 80 24 [env VAR=...] "$SIKS_BIN" --db "$db"
#   keys / F2 Enter ...        (tmux send-keys names)
#   type "Siti Nur'aini"       (literal text)
#   wait_for "Rumah tangga: 301"  [seconds]
#   screen_has TEXT / screen_lacks TEXT
#   sql_is "SELECT count(*) FROM household" 302
set -u
bin=${SIKS_BIN:?SIKS_BIN must name the program}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
T_NAME=$(basename "$0" .sh)
T_SOCK="siks-e2e-$$"
T_DIR=$(mktemp -d)
export SIKSDESA_DATA="$(pwd)/data"
export SIKSDESA_NOW=2026-11-27
export ASAN_OPTIONS=detect_leaks=0
cleanup() { tmux -L "$T_SOCK" kill-server 2>/dev/null; rm -rf "$T_DIR"; }
trap cleanup EXIT

fail() {
	echo "$T_NAME: $*"
	echo "---- screen ----"
	tmux -L "$T_SOCK" capture-pane -p -t t 2>/dev/null
	echo "----------------"
	exit 1
}

# tui_start COLS ROWS COMMAND...: a detached session running COMMAND; when it
# ends, the pane stays, showing "EXIT=<status>".
tui_start() {
	cols=$1 rows=$2; shift 2
	cmd=""
	for a in "$@"; do cmd="$cmd '$(printf %s "$a" | sed "s/'/'\\\\''/g")'"; done
	tmux -L "$T_SOCK" -f /dev/null new-session -d -s t -x "$cols" -y "$rows" \
		"$cmd; echo EXIT=\$?; sleep 600" || fail "tmux would not start"
	tmux -L "$T_SOCK" set-option -t t -g remain-on-exit on >/dev/null 2>&1
}

keys() { tmux -L "$T_SOCK" send-keys -t t "$@"; }
type() { tmux -L "$T_SOCK" send-keys -t t -l "$1"; }
screen() { tmux -L "$T_SOCK" capture-pane -p -t t; }
resize() { tmux -L "$T_SOCK" resize-window -t t -x "$1" -y "$2"; }

# wait_for TEXT [SECONDS]: until TEXT (fixed string) is on the screen.
wait_for() {
	n=$(( ${2:-15} * 10 ))
	while [ $n -gt 0 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		n=$((n - 1))
	done
	fail "did not see: $1"
}

# wait_gone TEXT [SECONDS]: until TEXT is no longer on the screen.
wait_gone() {
	n=$(( ${2:-15} * 10 ))
	while [ $n -gt 0 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		n=$((n - 1))
	done
	fail "still see: $1"
}

screen_has() { screen | grep -qF -- "$1" || fail "screen lacks: $1"; }
screen_lacks() { screen | grep -qF -- "$1" && fail "screen shows: $1"; return 0; }
# settle: give the program a moment to redraw after keys that change nothing visible
settle() { sleep "${1:-0.3}"; }

sql() { sqlite3 -batch -noheader "$db" "$1"; }
sql_is() {
	got=$(sql "$1")
	[ "$got" = "$2" ] || fail "SQL $1: expected $2, got $got"
}

# A fresh demo village in the test's folder: $db.
make_demo() {
	db="$T_DIR/demo.db"
	"$bin" --db "$db" demo >/dev/null 2>&1 || fail "demo database"
}
