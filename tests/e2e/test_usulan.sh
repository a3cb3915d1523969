#!/bin/sh
# Proposals and musdes from the command line, on the demo village: remove a
# member, propose a household, record a musdes, decide, read the history;
# every refusal names its rule and exits 1 (usage errors 2).
set -u
bin=${SIKS_BIN:?}
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
fail() { echo "test_usulan: $*"; exit 1; }
export SIKSDESA_NOW=2026-11-27
db="$d/demo.db"
q() { sqlite3 "$db" "$1"; }

"$bin" usulan --help | grep -q 'usulan keluar --member' || fail "usulan --help"
"$bin" musdes --help | grep -q 'musdes decide' || fail "musdes --help"
"$bin" --db "$db" demo >/dev/null || fail "demo"
"$bin" --db "$db" usulan list >"$d/list" || fail "list"
head -1 "$d/list" | grep -q '^Draf 5, Disetujui musdes 12, Ditolak musdes 1, Dikirim 3, Diterima dinas 0, Ditolak dinas 0 (jumlah 21)' \
	|| fail "counts: $(head -1 "$d/list")"
[ "$(wc -l <"$d/list")" -eq 22 ] || fail "one line a proposal"
[ "$("$bin" --db "$db" usulan list --status draf | wc -l)" -eq 6 ] || fail "filter by status name"
"$bin" --db "$db" usulan list --status bogus 2>"$d/err"; [ $? -eq 2 ] || fail "unknown status is a usage error"
grep -q 'Draf' "$d/err" || fail "unknown status lists the statuses"

# a household with no proposal yet, and one of its members who is not the head
hh=$(q "SELECT household_id FROM member m WHERE shdk<>1 AND keberadaan=1 AND NOT EXISTS
        (SELECT 1 FROM usulan u WHERE u.household_id=m.household_id) ORDER BY id LIMIT 1")
mb=$(q "SELECT id FROM member WHERE household_id='$hh' AND shdk<>1 AND keberadaan=1 ORDER BY id LIMIT 1")
[ -n "$hh" ] && [ -n "$mb" ] || fail "fixture"

"$bin" --db "$db" usulan keluar --member "$mb" --alasan mampu 2>"$d/err"; [ $? -eq 1 ] || fail "mampu cannot remove a member"
grep -q 'tidak dapat dipakai untuk mengeluarkan anggota' "$d/err" || fail "mampu message"
[ "$(q "SELECT keberadaan FROM member WHERE id='$mb'")" = 1 ] || fail "refusal changed nothing"
"$bin" --db "$db" usulan keluar --member "$mb" --alasan meninggal --ket "wafat 2 November" >"$d/out" || fail "keluar"
grep -q 'status Draf' "$d/out" || fail "keluar says Draf"
[ "$(q "SELECT keberadaan FROM member WHERE id='$mb'")" = 2 ] || fail "keberadaan meninggal"
[ "$(q "SELECT count(*) FROM usulan WHERE member_id='$mb' AND jenis=3 AND alasan=1 AND status=1")" = 1 ] || fail "one keluar proposal"
[ "$(q "SELECT count(*) FROM member WHERE id='$mb'")" = 1 ] || fail "member kept"
"$bin" --db "$db" usulan keluar --member "$mb" --alasan pindah 2>"$d/err"; [ $? -eq 1 ] || fail "second removal refused"

"$bin" --db "$db" usulan add --household "$hh" --jenis baru --alasan "miskin baru" >/dev/null || fail "add baru"
"$bin" --db "$db" usulan add --household "$hh" --jenis baru --alasan lainnya 2>"$d/err"; [ $? -eq 1 ] || fail "second open baru"
grep -q 'masih terbuka' "$d/err" || fail "second open message"
"$bin" --db "$db" usulan add --household "$hh" --jenis baru --alasan meninggal 2>"$d/err"; [ $? -eq 1 ] || fail "baru/meninggal"
grep -q 'tidak cocok' "$d/err" || fail "baru/meninggal message"
"$bin" --db "$db" usulan add --household "$hh" --jenis xyz --alasan mampu 2>/dev/null; [ $? -eq 2 ] || fail "bad jenis is a usage error"

"$bin" --db "$db" musdes add --tanggal 28-11-2026 --tempat Balai --nomor BA-X 2>"$d/err"; [ $? -eq 1 ] || fail "future musdes"
grep -q 'masa depan' "$d/err" || fail "future musdes message"
"$bin" --db "$db" musdes add --tanggal 25-11-2026 --tempat "Balai Desa Dabuan" --nomor "140/12/2026" --hadir 41 >/dev/null || fail "musdes add"
md=$(q "SELECT id FROM musdes WHERE nomor_ba='140/12/2026'")
"$bin" --db "$db" musdes add --tanggal 25-11-2026 --tempat "Balai" --nomor "140/12/2026" 2>/dev/null; [ $? -eq 1 ] || fail "same minutes number twice"
keluar=$(q "SELECT id FROM usulan WHERE member_id='$mb'")
baru=$(q "SELECT id FROM usulan WHERE household_id='$hh' AND jenis=1")
# ids shortened to a prefix, as typed
"$bin" --db "$db" musdes decide "$(echo "$md" | cut -c1-20)" --setuju "$keluar" --tolak "$baru" >"$d/out" || fail "decide"
grep -q '1 disetujui, 1 ditolak' "$d/out" || fail "decide says what"
[ "$(q "SELECT status||musdes_id FROM usulan WHERE id='$keluar'")" = "2$md" ] || fail "agreed with musdes id"
[ "$(q "SELECT status||musdes_id FROM usulan WHERE id='$baru'")" = "3$md" ] || fail "refused with musdes id"
"$bin" --db "$db" musdes decide "$md" --setuju "$baru" 2>"$d/err"; [ $? -eq 1 ] || fail "refused stays refused"
grep -q 'sudah final' "$d/err" || fail "final message: $(cat "$d/err")"
"$bin" --db "$db" musdes list | grep -q '140/12/2026.*hadir 41.*disetujui 1, ditolak 1' || fail "musdes list"

"$bin" --db "$db" usulan history "$hh" >"$d/hist" || fail "history"
grep -q 'dibuat: Draf' "$d/hist" || fail "history creation"
grep -q 'Draf -> Disetujui musdes  (berita acara 140/12/2026, 25-11-2026)' "$d/hist" || fail "history decision: $(cat "$d/hist")"
grep -q 'Draf -> Ditolak musdes' "$d/hist" || fail "history refusal"

"$bin" --db "$db" usulan result "$keluar" --diterima 2>"$d/err"; [ $? -eq 1 ] || fail "village cannot record the district's verdict"
grep -q 'kabupaten' "$d/err" || fail "district-only message"
"$bin" --db "$db" usulan list --desa 35.28.01.2002 | grep -q '(jumlah 0)$' || fail "list of another village is empty"
[ "$("$bin" --db "$db" usulan list --desa 35.28.01.2001 | wc -l)" -eq 24 ] || fail "list of this village"
"$bin" --lang en --db "$db" usulan list --status 2 | head -1 | grep -q '^Draft 5, Agreed at musdes 13' || fail "english counts"

k="$d/kab.db"
"$bin" --db "$k" init --kabupaten 35.28 >/dev/null || fail "init kabupaten"
"$bin" --db "$k" usulan result 0123456789abcdef --ditolak --alasan x 2>"$d/err"; [ $? -eq 1 ] || fail "result of unknown proposal"
"$bin" --db "$k" musdes add --tanggal 25-11-2026 --tempat B --nomor N 2>"$d/err"; [ $? -eq 1 ] || fail "no musdes at the district"
exit 0
