/* check_household.c — the rules of a household as a whole: exactly one head
 * among the members present, the head's spouse of the opposite sex,
 * children younger than their parents, and the same NIK never present twice
 * (here, or in another household of the database: the message names it).
 * A member who died, moved away or was not found (keberadaan 2, 3, 4) is
 * not present: the same reading as the indicator scoring (indicator.c). */
#include <stdio.h>
#include <string.h>
#include "siks/db.h"
#include "siks/i18n.h"
#include "siks/validate.h"
#include "check.h"
#include "date.h"

enum { SHDK_KEPALA = 1, SHDK_SUAMI = 2, SHDK_ISTRI = 3, SHDK_ANAK = 4 };
enum { ADA_MENINGGAL = 2, ADA_PINDAH = 3, ADA_TIDAK_DITEMUKAN = 4 };

int member_present(const siks_rec *m)
{
	long long k = rec_get_int(m, "keberadaan", 1);
	return k != ADA_MENINGGAL && k != ADA_PINDAH && k != ADA_TIDAK_DITEMUKAN;
}

static const char *name_of(const siks_rec *m)
{
	const char *n = rec_get(m, "nama");
	return n ? n : "?";
}

static long long sex_of(const siks_rec *m)
{
	long long x = rec_get_int(m, "jenis_kelamin", 0);
	return x == 1 || x == 2 ? x : 0;
}

/* Birth date as yyyymmdd, 0 when unknown. */
static long birth_of(const siks_rec *m)
{
	int y, mo, d;
	const char *b = rec_get(m, "tanggal_lahir");
	if (!b || date_split(b, &y, &mo, &d) != 0)
		return 0;
	return y * 10000L + mo * 100 + d;
}

static void heads(const siks_rec *hh, const siks_rec *members, size_t n, size_t *head,
		  siks_findings *f)
{
	size_t k = 0, first = n, second = n;
	for (size_t i = 0; i < n; i++)
		if (member_present(&members[i]) && rec_get_int(&members[i], "shdk", 0) == SHDK_KEPALA) {
			if (k == 0)
				first = i;
			else if (k == 1)
				second = i;
			k++;
		}
	*head = k == 1 ? first : n;
	if (k == 0)
		siks_findings_add(f, SIKS_ERROR, "hh.head_none", "household", hh->id, "shdk",
				  _("Hubungan keluarga: rumah tangga ini tidak punya kepala keluarga di antara anggota yang ada; harus tepat satu"));
	else if (k > 1)
		siks_findings_add(f, SIKS_ERROR, "hh.head_many", "household", hh->id, "shdk",
				  _("Hubungan keluarga: rumah tangga ini punya %d kepala keluarga (%s, %s); harus tepat satu"),
				  (int)k, name_of(&members[first]), name_of(&members[second]));
}

static void child_vs(const siks_rec *child, const siks_rec *parent, siks_findings *f)
{
	long c = birth_of(child), p = birth_of(parent);
	if (!c || !p || c > p)
		return;
	char cs[11], ps[11];
	date_format(rec_get(child, "tanggal_lahir"), cs);
	date_format(rec_get(parent, "tanggal_lahir"), ps);
	siks_findings_add(f, SIKS_ERROR, "hh.child_age", "member", child->id, "tanggal_lahir",
			  _("Tanggal lahir: anak %s (lahir %s) harus lebih muda dari orang tuanya %s (lahir %s)"),
			  name_of(child), cs, name_of(parent), ps);
}

static void family(const siks_rec *members, size_t n, size_t head, siks_findings *f)
{
	const siks_rec *h = &members[head];
	long long hsex = sex_of(h);
	for (size_t i = 0; i < n; i++) {
		const siks_rec *m = &members[i];
		long long shdk = rec_get_int(m, "shdk", 0);
		if (i == head || !member_present(m) || (shdk != SHDK_SUAMI && shdk != SHDK_ISTRI))
			continue;
		if (hsex && sex_of(m) == hsex)
			siks_findings_add(f, SIKS_ERROR, "hh.spouse_sex", "member", m->id, "jenis_kelamin",
					  _("Jenis kelamin: %s (suami/istri kepala keluarga) harus berlawanan jenis kelamin dengan kepala keluarga %s"),
					  name_of(m), name_of(h));
	}
	for (size_t i = 0; i < n; i++) {
		const siks_rec *c = &members[i];
		if (!member_present(c) || rec_get_int(c, "shdk", 0) != SHDK_ANAK)
			continue;
		child_vs(c, h, f);
		for (size_t j = 0; j < n; j++) {
			long long shdk = rec_get_int(&members[j], "shdk", 0);
			if (j != head && member_present(&members[j]) &&
			    (shdk == SHDK_SUAMI || shdk == SHDK_ISTRI))
				child_vs(c, &members[j], f);
		}
	}
}

/* Another present member with this NIK in a different household. */
static void nik_elsewhere(siks *s, const siks_rec *hh, const siks_rec *m, const char *nik,
			  siks_findings *f)
{
	sqlite3_stmt *st = db_stmt(s,
		"SELECT m.nama, h.alamat, h.dusun, h.rt, h.rw,"
		" (SELECT k.nama FROM member k WHERE k.household_id = m.household_id AND k.shdk = 1"
		"   AND coalesce(k.keberadaan, 1) NOT IN (2, 3, 4) ORDER BY k.id LIMIT 1)"
		" FROM member m JOIN household h ON h.id = m.household_id"
		" WHERE m.nik = ?1 AND m.household_id <> ?2 AND m.id <> ?3"
		"   AND coalesce(m.keberadaan, 1) NOT IN (2, 3, 4)"
		" ORDER BY m.household_id, m.id LIMIT 1", NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, nik, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hh->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *who = (const char *)sqlite3_column_text(st, 0);
		const char *alamat = (const char *)sqlite3_column_text(st, 1);
		const char *dusun = (const char *)sqlite3_column_text(st, 2);
		const char *head = (const char *)sqlite3_column_text(st, 5);
		char where[200], dus[100] = "";
		if (dusun && *dusun)
			snprintf(dus, sizeof dus, _(", Dusun %s"), dusun);
		snprintf(where, sizeof where, "%s%s, RT %03d/RW %03d", alamat ? alamat : "", dus,
			 sqlite3_column_int(st, 3), sqlite3_column_int(st, 4));
		siks_findings_add(f, SIKS_ERROR, "nik.duplicate", "member", m->id, "nik",
				  _("NIK: %s sudah terdaftar atas nama %s di rumah tangga lain (kepala keluarga %s, %s)"),
				  nik, who ? who : "?", head ? head : _("(tanpa kepala keluarga)"), where);
	}
	sqlite3_reset(st);
}

static void niks(siks *s, const siks_rec *hh, const siks_rec *members, size_t n, siks_findings *f)
{
	for (size_t i = 0; i < n; i++) {
		const char *nik = rec_get(&members[i], "nik");
		if (!nik || !*nik || !member_present(&members[i]))
			continue;
		int twice = 0;
		for (size_t j = 0; j < i && !twice; j++) {
			const char *o = rec_get(&members[j], "nik");
			if (o && strcmp(o, nik) == 0 && member_present(&members[j])) {
				siks_findings_add(f, SIKS_ERROR, "hh.nik_twice", "member", members[i].id, "nik",
						  _("NIK: %s dipakai dua kali di rumah tangga ini (%s dan %s)"),
						  nik, name_of(&members[j]), name_of(&members[i]));
				twice = 1;
			}
		}
		if (!twice && s)
			nik_elsewhere(s, hh, &members[i], nik, f);
	}
}

void check_household(siks *s, const siks_rec *hh, const siks_rec *members, size_t n,
		     siks_findings *f)
{
	if (!hh)
		return;
	size_t head;
	heads(hh, members, n, &head, f);
	if (head < n)
		family(members, n, head, f);
	niks(s, hh, members, n, f);
}
