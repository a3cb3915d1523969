#!/bin/sh
# The indicator checklist: computed criteria are marked and refuse Space,
# answered ones toggle, and the score and class follow at once (on screen
# and in the database); removing a member files a proposal; a musdes
# decides it from the usulan screen.
. tests/e2e/lib.sh
make_demo
tui_start 80 24 "$bin" --db "$db"
wait_for "Rumah tangga: "
keys Enter
wait_for "Anggota rumah tangga ("
hid=$(sql "SELECT household_id FROM hhlist ORDER BY sk_name, household_id LIMIT 1")
keys F6
wait_for "Skor: "
screen_has "14 kriteria"
screen_has "[="
before=$(screen | sed -n 's/.*Skor: \([0-9]*\) dari 14.*/\1/p')
[ -n "$before" ] || fail "no score on screen"
# Space on a computed criterion (the first: floor area per person) is refused
keys Space
wait_for "dihitung dari data"
# the first answered criterion: walk down to it
n=$(grep -n 'rule answered' data/indicators/bps14.ind | head -1 | cut -d: -f1)
no=$(sed -n "1,${n}p" data/indicators/bps14.ind | grep -c '^criterion ')
i=1; while [ $i -lt "$no" ]; do keys Down; i=$((i + 1)); done
settle
state=$(screen | grep -F "$no. " | head -1 | cut -c1-4)
keys Space
wait_for "Skor sekarang"
after=$(screen | sed -n 's/.*Skor: \([0-9]*\) dari 14.*/\1/p')
case $state in
"[x]"*) want=$((before - 1)) ;;
*) want=$((before + 1)) ;;
esac
[ "$after" = "$want" ] || fail "score $before -> $after, expected $want (box was $state)"
sql_is "SELECT answer FROM indicator_answer WHERE household_id = '$hid' AND criterion = $no" \
	"$([ "$want" -gt "$before" ] && echo 1 || echo 0)"
sql_is "SELECT met FROM indicator_score WHERE household_id = '$hid' ORDER BY scored_at DESC, rowid DESC LIMIT 1" "$after"
# the list shows the new score
keys Escape
wait_for "Kepala rumah tangga"
screen | sed -n 5p | grep -q " $after/14" || fail "list row lacks score $after/14"

# remove a member: asks the reason, files a Keluar proposal, marks the member
keys Enter
wait_for "Anggota rumah tangga ("
keys End
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
settle
keys C-d
wait_for "Alasan mengeluarkan"
type "pin"
keys Enter
wait_for "Keterangan"
type "surat pindah 12/2026"; keys Enter
wait_for "Usulan keluar untuk"
sql_is "SELECT count(*) FROM usulan WHERE household_id = '$hid' AND jenis = 3 AND alasan = 2 AND status = 1" 1
sql_is "SELECT count(*) FROM member WHERE household_id = '$hid'" "$(sql "SELECT members FROM hhlist WHERE household_id = '$hid'")"
sql_is "SELECT count(*) FROM member WHERE household_id = '$hid' AND keberadaan = 3" 1
# the household's proposal history, then the musdes
keys F7
wait_for "Riwayat usulan rumah tangga ini"
screen_has "Pindah"
keys Escape
keys Escape
wait_for "Kepala rumah tangga"
keys u
wait_for "Usulan ("
keys f
wait_for "Saring menurut status"
type "draf"; keys Enter
wait_for "Draf"
drafts=$(sql "SELECT count(*) FROM usulan WHERE status = 1")
wait_for "Usulan ($drafts)"
keys Space Space
keys s
wait_for "Nomor berita acara:"
type "BA/12/2026"; keys Enter
wait_for "Tanggal musdes"
keys Enter
wait_for "Tempat:"
keys Enter
wait_for "Jumlah hadir"
type "45"; keys Enter
wait_for "2 usulan disetujui musdes"
sql_is "SELECT count(*) FROM usulan WHERE status = 2 AND musdes_id = (SELECT id FROM musdes WHERE nomor_ba = 'BA/12/2026')" 2
keys Escape
wait_for "Kepala rumah tangga"
keys q
wait_for "EXIT=0"
