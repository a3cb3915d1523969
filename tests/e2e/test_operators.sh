#!/bin/sh
# Operators, roles, backups, restore, history and a damaged database, from
# the command line as an operator types them.
set -u
bin=${SIKS_BIN:?}
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
fail() { echo "test_operators: $*"; exit 1; }
db="$d/desa.db"
unset SIKSDESA_PIN SIKSDESA_OPERATOR SIKSDESA_NEW_PIN
as_admin() { SIKSDESA_PIN=4321 "$bin" --db "$db" --operator Admin "$@"; }

"$bin" --db "$db" init --desa 35.28.01.2001 --nama Dabuan >/dev/null || fail "init"
# the first account must be an admin, and needs no login
echo 1234 | "$bin" --db "$db" operator add Siti --role desa 2>"$d/err" && fail "first account not admin"
grep -q 'admin' "$d/err" || fail "first-account message"
echo 4321 | "$bin" --db "$db" operator add Admin --role admin >/dev/null || fail "first admin"
# from now on nobody acts without logging in
echo 1234 | "$bin" --db "$db" operator add Siti --role desa 2>"$d/err"; [ $? -eq 1 ] || fail "add without login exits 1"
grep -q 'Masuk dulu' "$d/err" || fail "add without login message"
echo 1234 | as_admin operator add Siti --role desa >/dev/null || fail "admin adds Siti"
# PIN on stdin: first line the login PIN, second the new account's
printf '4321\n5678\n' | "$bin" --db "$db" --operator Admin operator add Budi --role verifikator >/dev/null \
	|| fail "PINs from stdin"
"$bin" --db "$db" operator list >"$d/out" || fail "operator list"
grep -q '^Siti .*operator desa' "$d/out" || fail "list shows Siti's role"
grep -q '^Budi .*verifikator' "$d/out" || fail "list shows Budi"
# the hash is stored, not the PIN
sqlite3 "$db" "SELECT pin_hash FROM operator" 2>/dev/null | grep -q '1234' && fail "PIN stored in clear"

# roles: an operator desa may not restore or manage accounts
echo 9999 | SIKSDESA_PIN=1234 "$bin" --db "$db" --operator Siti operator add X --role desa 2>"$d/err" && fail "desa manages"
grep -q 'operator desa' "$d/err" || fail "role named in refusal"

# five wrong PINs lock; the right one is then refused; admin unlocks
i=0; while [ $i -lt 5 ]; do
	SIKSDESA_PIN=0000 "$bin" --db "$db" --operator Siti operator list 2>"$d/err" >/dev/null && fail "wrong PIN accepted"
	i=$((i + 1))
done
grep -q 'dikunci 15 menit' "$d/err" || fail "lock message: $(cat "$d/err")"
SIKSDESA_PIN=1234 "$bin" --db "$db" --operator Siti operator list 2>"$d/err" >/dev/null && fail "locked account let in"
grep -q 'terkunci' "$d/err" || fail "locked message"
"$bin" --db "$db" operator list | grep -q '^Siti .*terkunci' || fail "list shows the lock"
as_admin operator unlock Siti >/dev/null || fail "unlock"
SIKSDESA_PIN=1234 "$bin" --db "$db" --operator Siti operator list >/dev/null || fail "unlocked"

# backups: to a folder (a USB stick), listed, restored by the admin only
mkdir "$d/usb"
SIKSDESA_PIN=1234 "$bin" --db "$db" --operator Siti backup "$d/usb" >"$d/out" || fail "backup to usb"
bk=$(sed -n 's/^Cadangan dibuat: //p' "$d/out")
[ -f "$bk" ] || fail "backup file $bk"
"$bin" --db "$db" backup --list | grep -q 'harian' || fail "daily backup listed"
echo 1111 | as_admin operator add Tono --role desa >/dev/null || fail "add Tono"
SIKSDESA_PIN=1234 "$bin" --db "$db" --operator Siti restore "$bk" 2>"$d/err" && fail "desa restores"
grep -q 'memulihkan' "$d/err" || fail "restore refusal names the action"
as_admin restore "$bk" >"$d/out" || fail "admin restore"
"$bin" --db "$db" operator list | grep -q '^Tono' && fail "restore brought back the earlier state"
"$bin" --db "$db" backup --list | grep -q 'sebelum-pemulihan' || fail "state before restore kept"
echo 'bukan basis data' >"$d/junk.db"
as_admin restore "$d/junk.db" 2>"$d/err" && fail "junk restored"
grep -q 'rusak atau bukan basis data' "$d/err" || fail "junk message"

# history: who changed what, on screen and as CSV (audited as an export)
as_admin history >"$d/out" || fail "history"
grep -q 'operator' "$d/out" || fail "history shows operator changes"
as_admin history --from 2000-01-01 --to 31-12-2099 --csv "$d/h.csv" >/dev/null || fail "history csv"
head -1 "$d/h.csv" | grep -q '^waktu,operator,tabel' || fail "csv header"
as_admin history --by Admin | grep -q 'export' || fail "csv export audited"
as_admin history --from 2026-13-01 2>"$d/err"; [ $? -eq 1 ] || fail "bad date exits 1"
as_admin history --from 2>/dev/null; [ $? -eq 2 ] || fail "history usage exits 2"

# masking NIK is the admin's setting
SIKSDESA_PIN=1234 "$bin" --db "$db" --operator Siti privacy mask-nik on 2>/dev/null && fail "desa sets privacy"
as_admin privacy mask-nik on >/dev/null || fail "mask on"

# a damaged file: said plainly, with the restore command of the newest good backup
awk 'BEGIN { print "kode,nama"; for (k = 1; k <= 13; k++) for (v = 2001; v <= 2150; v++)
	printf "35.28.%02d.%d,Desa %d %d\n", k, v, k, v }' >"$d/w.csv"
as_admin wilayah import "$d/w.csv" >/dev/null || fail "wilayah import"
as_admin backup >/dev/null || fail "backup"
dd if=/dev/urandom of="$db" bs=4096 seek=3 count=4 conv=notrunc 2>/dev/null
as_admin operator list >/dev/null 2>"$d/err" && fail "damaged database opened"
grep -q 'rusak' "$d/err" || fail "damage message: $(cat "$d/err")"
cmd=$(sed -n 's/^Pulihkan dengan: //p' "$d/err")
[ -n "$cmd" ] || fail "restore command offered"
good=${cmd##* }
"$bin" --db "$db" restore "$good" >"$d/out" 2>"$d/err" || fail "restore over damaged"
grep -q 'rusak disimpan' "$d/out" || fail "damaged file kept"
as_admin operator list | grep -q '^Siti' || fail "works after restore"
ls "$d" | grep -q 'desa.db.rusak-' || fail "damaged copy kept"

# a network share is refused with the reason
SIKSDESA_FAKE_FSTYPE=cifs "$bin" --db "$db" operator list 2>"$d/err" && fail "cifs refused"
grep -q 'folder jaringan' "$d/err" || fail "cifs message"
exit 0
