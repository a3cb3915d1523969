#!/bin/sh
# The "Impor berkas" screen at 80x24, keyboard only: a DTKS file with three
# good rows of one household (a non-ASCII name), one of another, and a row
# with a short NIK. The dry run names the bad row's line and reason and
# changes nothing; the problem report is written; cancelling (Esc, or No at
# the question) changes nothing; confirming imports the good rows after a
# safety copy, and the list shows them. LANG=C on a vt100 draws the summary
# in ASCII; an operator whose role may not import is refused with the
# core's message.
. tests/e2e/lib.sh
make_demo
mkdir "$T_DIR/home"
f="$T_DIR/home/warga.csv"
cat >"$f" <<'EOF'
nomor_kk;nomor_nik;nama;jenis_kelamin;tanggal_lahir;hubungan_keluarga;alamat;rt;rw;nama_petugas
3528010202260001;3528010505800001;Renée Sinaga;1;05-05-1980;1;Jl. Mawar 7;1;1;x
3528010202260001;3528014707820002;Sulastri Sinaga;2;07-07-1982;3;Jl. Mawar 7;1;1;
3528010202260001;3528011203100003;Budi Sinaga;1;12-03-2010;4;Jl. Mawar 7;1;1;
3528010303260002;3528010101750004;Ahmad Dahlan;1;01-01-1975;1;Jl. Melati 3;2;1;
3528010404260003;35280101017;Siti Salah;2;01-01-1979;1;Jl. Kenanga 1;3;1;
EOF
hh=$(sql "SELECT count(*) FROM household")
mem=$(sql "SELECT count(*) FROM member")
unchanged() {
	sql_is "SELECT count(*) FROM household" "$hh"
	sql_is "SELECT count(*) FROM member" "$mem"
	sql_is "SELECT count(*) FROM member WHERE nik LIKE '35280%000_' AND nama LIKE '%Sinaga%'" 0
}

tui_start 80 24 env LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$T_DIR/home" "$bin" --db "$db"
wait_for "Rumah tangga: $hh"
screen_has "m Impor"
screen_has "2Impor"

# 1. type the path; the dry run's summary and the bad row's line and reason
keys m
wait_for "Impor berkas"
screen_has "Ketik jalur berkas"
screen_has "warga.csv"                       # found in the home folder
screen_has "Folder rumah $T_DIR/home"
keys k
wait_for "Jalur berkas:"
type "$f"; keys Enter
wait_for "Uji coba impor (belum ada yang disimpan)"
screen_has "Berkas: $f"
screen_has "Pengkodean utf-8, pemisah titik koma"
screen_has "Kolom tidak dipakai: nama_petugas"
screen_has "5 baris data: 4 akan diimpor, 1 ditolak; 0 peringatan"
screen_has "Rumah tangga: 2 baru, 0 berubah, 0 sama"
screen_has "Anggota:      4 baru, 0 berubah, 0 sama"
screen_has 'baris 6: DITOLAK: nomor_nik = "35280101017"'
screen_has "NIK: terlalu pendek, harus 16 angka"
unchanged

# the whole problem, then the report (to another name than the one offered)
keys Enter
wait_for "[ OK ]"
keys Enter
wait_gone "[ OK ]"
keys l
wait_for "Tulis daftar masalah (CSV) ke:"
screen_has "$T_DIR/home/warga-masalah.csv"
keys C-u; type "$T_DIR/laporan.csv"; keys Enter
wait_for "Daftar masalah ditulis ke $T_DIR/laporan.csv"
grep -q '^6,ditolak,nomor_nik,35280101017,' "$T_DIR/laporan.csv" || fail "report names line 6"

# 2. cancelling: No at the question, then Esc twice, leaves the register alone
keys y
wait_for "Impor 4 baris dari warga.csv?"
keys t
wait_gone "Impor 4 baris dari"
screen_has "Uji coba impor"
unchanged
keys Escape
wait_for "Ketik jalur berkas"
keys Escape
wait_for "Rumah tangga: $hh"
unchanged
ls "$T_DIR"/backup/demo-sebelum-impor-*.db >/dev/null 2>&1 && fail "a dry run took a pre-import backup"

# 3. confirming, the file chosen from the list (Ctrl-B this time)
keys C-b
wait_for "Ketik jalur berkas"
keys Down Enter
wait_for "Uji coba impor"
keys y
wait_for "Impor 4 baris dari warga.csv?"
keys y
wait_for "Impor selesai"
screen_has "4 baris diimpor, 1 ditolak."
screen_has "Cadangan sebelum impor:"
keys Enter
wait_for "Rumah tangga: $((hh + 2))"
screen_has "Impor selesai: 4 baris dari warga.csv"
sql_is "SELECT count(*) FROM household" $((hh + 2))
sql_is "SELECT count(*) FROM member" $((mem + 4))
sql_is "SELECT nama FROM member WHERE nik = '3528010505800001'" "Renée Sinaga"
sql_is "SELECT count(*) FROM member WHERE nama = 'Siti Salah'" 0
ls "$T_DIR"/backup/demo-sebelum-impor-*.db >/dev/null 2>&1 || fail "no backup before the import"
b=$(ls "$T_DIR"/backup/demo-sebelum-impor-*.db | head -1)
[ "$(sqlite3 "$b" 'SELECT count(*) FROM member')" = "$mem" ] || fail "backup holds the register before the import"
keys /
type "Sinaga"
wait_for "Rumah tangga: 1 "
screen_has "Renée Sinaga"
keys Escape q
wait_for "EXIT=0"

# 4. LANG=C on a vt100 (no colour): the same screen in ASCII; re-importing
#    the file changes nothing
tmux -L "$T_SOCK" kill-server
tui_start 80 24 env LANG=C LC_ALL=C TERM=vt100 HOME="$T_DIR/home" "$bin" --db "$db"
wait_for "Rumah tangga: "
keys C-b
wait_for "Ketik jalur berkas"
keys Down Enter
wait_for "Uji coba impor"
screen_has "Rumah tangga: 0 baru, 0 berubah, 2 sama"
screen_has "baris 6: DITOLAK"
screen | LC_ALL=C grep -q "$(printf '[\200-\377]')" && fail "non-ASCII bytes on a LANG=C screen"
keys Escape Escape
wait_for "Rumah tangga: "
keys C-q
wait_for "EXIT=0"

# 5. a trainer on real data may not import: the core's refusal, no screen
echo 4321 | "$bin" --db "$db" operator add Admin --role admin >/dev/null 2>&1 || fail "admin"
echo 1234 | SIKSDESA_PIN=4321 "$bin" --db "$db" --operator Admin operator add Tina --role pelatih >/dev/null 2>&1 \
	|| fail "trainer account"
tmux -L "$T_SOCK" kill-server
tui_start 80 24 env LANG=C.UTF-8 SIKSDESA_PIN=1234 HOME="$T_DIR/home" "$bin" --db "$db" --operator Tina
wait_for "Rumah tangga: "
keys m
wait_for "Pelatih hanya boleh melihat data asli; mengimpor data hanya di salinan latihan"
screen_lacks "Ketik jalur berkas"
keys q
wait_for "EXIT=0"
exit 0
