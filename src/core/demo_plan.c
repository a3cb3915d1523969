/* demo_plan.c — the demo village in memory: households with a head, a wife,
 * children born to the mother's 19th to 40th year, sometimes a married child
 * with spouse and grandchildren, sometimes an old parent; housing and assets
 * that follow a household's poverty; NIKs and No KK consistent with birth
 * dates and sex. Everything comes from one seeded generator, so the plan is
 * the same on every run. Then the planted mistakes (docs/demo.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "siks/err.h"
#include "date.h"
#include "demo_data.h"

uint64_t demo_next(demo_rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

int demo_int(demo_rng *r, int lo, int hi)
{
	return lo + (int)(demo_next(r) % (uint64_t)(hi - lo + 1));
}

int demo_pct(demo_rng *r, int p)
{
	return demo_int(r, 0, 99) < p;
}

int demo_pick(demo_rng *r, const int *codes, const int *w, int n)
{
	int total = 0;
	for (int i = 0; i < n; i++)
		total += w[i];
	int x = demo_int(r, 0, total - 1);
	for (int i = 0; i < n; i++) {
		if (x < w[i])
			return codes[i];
		x -= w[i];
	}
	return codes[n - 1];
}

#define PICK(p, c, w) demo_pick(&(p)->r, c, w, (int)(sizeof c / sizeof *c))
#define RI(p, lo, hi) demo_int(&(p)->r, lo, hi)
#define PCT(p, x) demo_pct(&(p)->r, x)
#define M(i) (&p->m[i])

int demo_age(const dmem *m)
{
	return DEMO_REF_Y - m->y - (m->m > DEMO_REF_M || (m->m == DEMO_REF_M && m->d > DEMO_REF_D));
}

static int new_mem(dplan *p)
{
	if (p->nm == p->capm) {
		int cap = p->capm ? p->capm * 2 : 1024;
		dmem *v = realloc(p->m, (size_t)cap * sizeof *v);
		if (!v)
			return -1;
		p->m = v;
		p->capm = cap;
	}
	dmem *m = &p->m[p->nm];
	memset(m, 0, sizeof *m);
	m->ada = 1;
	m->agama = 1;
	m->hamil = -1;
	return p->nm++;
}

/* A birth date at which the person is age years old on the reference date
 * (30 June: a birthday in January..June has passed). */
static void born_aged(dplan *p, dmem *m, int age)
{
	m->m = RI(p, 1, 12);
	m->y = DEMO_REF_Y - age - (m->m > DEMO_REF_M);
	m->d = RI(p, 1, date_days_in_month(m->y, m->m));
}

/* A birth date in year y, not after the reference date. */
static void born_in(dplan *p, dmem *m, int y)
{
	m->y = y;
	m->m = RI(p, 1, y == DEMO_REF_Y ? DEMO_REF_M : 12);
	m->d = RI(p, 1, date_days_in_month(y, m->m));
}

static int nik_taken(const dplan *p, const dmem *self, const char *nik)
{
	for (int i = 0; i < p->nm; i++)
		if (&p->m[i] != self && strcmp(p->m[i].nik, nik) == 0)
			return 1;
	return 0;
}

/* NIK from kecamatan code kec (6 digits), the birth date (+40 for women)
 * and a serial not yet used. */
static void make_nik(dplan *p, dmem *m, const char *kec)
{
	do {
		char b[48];
		snprintf(b, sizeof b, "%.6s%02d%02d%02d%04d", kec,
			 m->d + (m->sex == 2 ? 40 : 0), m->m, m->y % 100, RI(p, 1, 9999));
		snprintf(m->nik, sizeof m->nik, "%.16s", b);
	} while (nik_taken(p, m, m->nik));
}

/* Most were first registered in Tlanakan, some elsewhere in Pamekasan. */
static void home_kec(dplan *p, char kec[7])
{
	snprintf(kec, 7, "3528%02d", PCT(p, 82) ? 1 : RI(p, 2, 13));
}

static void make_kk(dplan *p, char kk[17])
{
	for (;;) {
		int y = RI(p, 2008, 2023), mo = RI(p, 1, 12), d = RI(p, 1, 28);
		char b[48];
		snprintf(b, sizeof b, "352801%02d%02d%02d%04d", d, mo, y % 100, RI(p, 1, 9999));
		snprintf(kk, 17, "%.16s", b);
		int taken = 0;
		for (int i = 0; i < p->nh && !taken; i++)
			taken = p->h[i].n > 0 && strcmp(p->m[p->h[i].first].kk, kk) == 0;
		if (!taken)
			return;
	}
}

/* A given name not yet used in this household (from member first on). */
static void pick_name(dplan *p, dmem *m, int first)
{
	int young = m->y >= 1990;
	int n = demo_name_count(m->sex, young);
	for (int tries = 0; tries < 12; tries++) {
		const char *nm = demo_name(m->sex, young, (unsigned)RI(p, 0, n - 1));
		int used = 0;
		for (int i = first; i < p->nm && !used; i++)
			used = &p->m[i] != m && strstr(p->m[i].nama, nm) != NULL;
		snprintf(m->nama, sizeof m->nama, "%s", nm);
		if (!used)
			return;
	}
}

static int education(dplan *p, const dmem *m)
{
	int age = demo_age(m);
	if (age < 7)
		return 1;
	if (age <= 12)
		return 2;
	if (age <= 15)
		return 3;
	if (age <= 18)
		return 4;
	static const int c1[] = { 1, 2, 3, 4 }, w1[] = { 45, 30, 20, 5 };
	static const int c2[] = { 1, 2, 3, 4, 5, 8 }, w2[] = { 15, 20, 40, 15, 8, 2 };
	static const int c3[] = { 2, 3, 4, 5, 8 }, w3[] = { 8, 35, 27, 25, 5 };
	static const int c4[] = { 3, 4, 5, 7, 8 }, w4[] = { 15, 25, 45, 5, 10 };
	if (m->y < 1960)
		return PICK(p, c1, w1);
	if (m->y < 1980)
		return PICK(p, c2, w2);
	if (m->y < 1995)
		return PICK(p, c3, w3);
	return PICK(p, c4, w4);
}

static int occupation(dplan *p, const dmem *m)
{
	int age = demo_age(m);
	if (age < 5)
		return 1;
	if (age <= 18 || (age <= 22 && PCT(p, 30)))
		return 3;
	if (age >= 76)
		return PCT(p, 70) ? 1 : 9;
	static const int cm[] = { 9, 20, 19, 11, 84, 88, 10, 26, 81, 15, 65, 45, 85, 1 };
	static const int wm[] = { 30, 14, 12, 6, 8, 7, 5, 4, 3, 4, 2, 2, 1, 2 };
	static const int cf[] = { 2, 9, 84, 20, 30, 65, 19, 1, 73, 88 };
	static const int wf[] = { 50, 12, 10, 8, 3, 3, 4, 5, 1, 4 };
	return m->sex == 1 ? PICK(p, cm, wm) : PICK(p, cf, wf);
}

/* Fills what follows from age and sex, and the NIK. */
static void finish(dplan *p, dmem *m, int first, const char *kk)
{
	char kec[7];
	home_kec(p, kec);
	make_nik(p, m, kec);
	snprintf(m->kk, sizeof m->kk, "%s", kk);
	if (!m->nama[0])
		pick_name(p, m, first);
	snprintf(m->tempat, sizeof m->tempat, "%s", demo_place((unsigned)RI(p, 0, 99)));
	m->pend = education(p, m);
	m->kerja = occupation(p, m);
	m->dis = PCT(p, 3) ? RI(p, 1, 6) : 0;
	if (!m->kawin)
		m->kawin = 1;
}

static int add(dplan *p, int sex, int shdk, int first)
{
	int i = new_mem(p);
	if (i >= 0) {
		M(i)->sex = sex;
		M(i)->shdk = shdk;
	}
	(void)first;
	return i;
}

static void housing(dplan *p, dhh *h)
{
	static const int lp[] = { 9, 6, 7, 8, 4 }, lpw[] = { 30, 45, 8, 7, 10 };
	static const int ln[] = { 2, 4, 6, 1 }, lnw[] = { 55, 20, 22, 3 };
	static const int dp[] = { 1, 2, 6, 5, 8 }, dpw[] = { 20, 30, 30, 12, 8 };
	static const int dn[] = { 1, 2, 4 }, dnw[] = { 85, 12, 3 };
	static const int ap[] = { 4, 5, 6, 9 }, apw[] = { 60, 15, 20, 5 };
	static const int an[] = { 4, 1, 5, 2 }, anw[] = { 65, 15, 10, 10 };
	static const int wp[] = { 7, 6, 5, 2, 9 }, wpw[] = { 20, 35, 20, 20, 5 };
	static const int wn[] = { 2, 5, 6, 3, 1 }, wnw[] = { 35, 30, 15, 10, 10 };
	static const int tp[] = { 1, 2, 3 }, tpw[] = { 55, 35, 10 };
	static const int tn[] = { 1, 2 }, tnw[] = { 97, 3 };
	static const int bp[] = { 8, 3 }, bpw[] = { 55, 45 };
	static const int bn[] = { 3, 2, 1 }, bnw[] = { 75, 20, 5 };
	static const int xp[] = { 1, 2, 3, 4 }, xpw[] = { 35, 30, 15, 20 };
	static const int xn[] = { 1, 2 }, xnw[] = { 95, 5 };
	int poor = h->poor;
	h->luas = poor ? RI(p, 18, 48) : RI(p, 36, 140);
	h->lantai = poor ? PICK(p, lp, lpw) : PICK(p, ln, lnw);
	h->dinding = poor ? PICK(p, dp, dpw) : PICK(p, dn, dnw);
	h->atap = poor ? PICK(p, ap, apw) : PICK(p, an, anw);
	h->air = poor ? PICK(p, wp, wpw) : PICK(p, wn, wnw);
	h->terang = poor ? PICK(p, tp, tpw) : PICK(p, tn, tnw);
	h->bakar = poor ? PICK(p, bp, bpw) : PICK(p, bn, bnw);
	h->bab = poor ? PICK(p, xp, xpw) : PICK(p, xn, xnw);
	h->gas = !poor && PCT(p, 25);
	h->kulkas = PCT(p, poor ? 8 : 60);
	h->motor = PCT(p, poor ? 35 : 85);
	h->lahan = PCT(p, poor ? 30 : 60) ? (poor ? RI(p, 100, 1500) : RI(p, 500, 10000)) : 0;
	h->ternak = PCT(p, poor ? 30 : 50) ? (poor ? RI(p, 1, 2) : RI(p, 1, 5)) : 0;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Children of mother (or, without one, of a mother born in base_y). */
static void children(dplan *p, int first, int father, int mother, int base_y, const char *kk)
{
	static const int kc[] = { 0, 1, 2, 3, 4, 5 }, kw[] = { 5, 13, 27, 28, 17, 10 };
	int nk = PICK(p, kc, kw), mab[5];
	for (int i = 0; i < nk; i++)
		mab[i] = RI(p, 19, 40);
	qsort(mab, (size_t)nk, sizeof *mab, cmp_int);
	for (int i = 0; i < nk; i++) {
		int cy = base_y + mab[i];
		if (cy > DEMO_REF_Y || (father >= 0 && cy < M(father)->y + 18))
			continue;
		if (DEMO_REF_Y - cy >= 24 && PCT(p, 50))
			continue;   /* grown up and living elsewhere */
		int c = add(p, PCT(p, 50) ? 1 : 2, 4, first);
		if (c < 0)
			return;
		born_in(p, M(c), cy);
		if (mother >= 0)
			snprintf(M(c)->ibu, sizeof M(c)->ibu, "%s", M(mother)->nama);
		else
			snprintf(M(c)->ibu, sizeof M(c)->ibu, "%s", demo_name(2, 0, (unsigned)RI(p, 0, 40)));
		finish(p, M(c), first, kk);
	}
}

/* The eldest child at home, 22 or older, sometimes married with spouse
 * (menantu) and grandchildren (cucu) in the household. */
static void married_child(dplan *p, int first, const char *kk)
{
	int c = -1;
	for (int i = first; i < p->nm; i++)
		if (M(i)->shdk == 4 && demo_age(M(i)) >= 22) {
			c = i;
			break;
		}
	if (c < 0 || !PCT(p, 35))
		return;
	M(c)->kawin = 2;
	int sp = add(p, M(c)->sex == 1 ? 2 : 1, 5, first);
	if (sp < 0)
		return;
	int age = demo_age(M(c)) + (M(sp)->sex == 1 ? RI(p, 0, 5) : -RI(p, 0, 4));
	born_aged(p, M(sp), age < 19 ? 19 : age);
	M(sp)->kawin = 2;
	finish(p, M(sp), first, kk);
	int mother = M(c)->sex == 2 ? c : sp;
	int base = (M(c)->y > M(sp)->y ? M(c)->y : M(sp)->y) + RI(p, 20, 26);
	int ncucu = RI(p, 0, 2);
	for (int k = 0; k < ncucu; k++) {
		int cy = base + k * RI(p, 2, 4);
		if (cy > DEMO_REF_Y)
			break;
		int g = add(p, PCT(p, 50) ? 1 : 2, 6, first);
		if (g < 0)
			return;
		born_in(p, M(g), cy);
		snprintf(M(g)->ibu, sizeof M(g)->ibu, "%s", M(mother)->nama);
		finish(p, M(g), first, kk);
	}
}

static void presence(dplan *p, int first, int head)
{
	for (int i = first; i < p->nm; i++) {
		dmem *m = M(i);
		int age = demo_age(m);
		if (i == head || m->ada != 1)
			continue;
		if (m->shdk == 4 && age >= 17 && age <= 35 && PCT(p, 5))
			m->ada = 3;                       /* moved away */
		else if (age >= 65 && PCT(p, 10))
			m->ada = 2;                       /* died */
		else if (age == 0 && PCT(p, 60))
			m->ada = 5;                       /* newborn, new to the register */
		else if (m->shdk == 4 && age >= 18 && PCT(p, 2))
			m->ada = 4;                       /* not found at the visit */
		if (m->sex == 2)
			m->hamil = m->ada != 2 && m->kawin == 2 && age >= 19 && age <= 40 && PCT(p, 7);
	}
}

static int new_household(dplan *p)
{
	if (p->nh == p->caph) {
		int cap = p->caph ? p->caph * 2 : 512;
		dhh *v = realloc(p->h, (size_t)cap * sizeof *v);
		if (!v)
			return -1;
		p->h = v;
		p->caph = cap;
	}
	dhh *h = &p->h[p->nh];
	memset(h, 0, sizeof *h);
	h->first = p->nm;
	h->dusun = RI(p, 0, DEMO_DUSUN - 1);
	h->rw = h->dusun + 1;
	h->rt = h->dusun * 3 + RI(p, 1, 3);
	h->poor = PCT(p, 38);
	int numbered;
	const char *st = demo_street((unsigned)RI(p, 0, 99), &numbered);
	if (numbered)
		snprintf(h->alamat, sizeof h->alamat, "%s No. %d", st, RI(p, 1, 120));
	else
		snprintf(h->alamat, sizeof h->alamat, "%s", st);
	housing(p, h);
	return p->nh++;
}

static void hajj(dplan *p, dmem *m)
{
	char b[80];
	snprintf(b, sizeof b, "%s %s", m->sex == 1 ? "H." : "Hj.", m->nama);
	snprintf(m->nama, sizeof m->nama, "%.59s", b);
}

static int household(dplan *p)
{
	int hi = new_household(p);
	if (hi < 0)
		return -1;
	int first = p->nm, wealthy = !p->h[hi].poor;
	char kk[17];
	make_kk(p, kk);
	int head = add(p, PCT(p, 84) ? 1 : 2, 1, first);
	if (head < 0)
		return -1;
	born_aged(p, M(head), M(head)->sex == 1 ? RI(p, 22, 76) : RI(p, 33, 82));
	finish(p, M(head), first, kk);
	int hage = demo_age(M(head)), wife = -1, father = -1, mother = -1, base_y;
	if (M(head)->sex == 1) {
		father = head;
		if (PCT(p, hage > 65 ? 70 : 92)) {
			M(head)->kawin = 2;
			wife = add(p, 2, 3, first);
			if (wife < 0)
				return -1;
			int age = hage - RI(p, 0, 9);
			born_aged(p, M(wife), age < 18 ? 18 : age);
			M(wife)->kawin = 2;
			finish(p, M(wife), first, kk);
			mother = wife;
		} else {
			M(head)->kawin = hage < 30 ? 1 : 4;
		}
		base_y = mother >= 0 ? M(mother)->y : M(head)->y + RI(p, 2, 8);
	} else {
		M(head)->kawin = PCT(p, 70) ? 4 : 3;
		mother = head;
		base_y = M(head)->y;
	}
	if (M(head)->kawin != 1)
		children(p, first, father, mother, base_y, kk);
	married_child(p, first, kk);
	if (hage <= 62 && PCT(p, 14)) {
		int sex = PCT(p, 75) ? 2 : 1;
		int age = hage + RI(p, 20, 30);
		if (age <= 95) {
			int o = add(p, sex, wife >= 0 && PCT(p, 40) ? 8 : 7, first);
			if (o < 0)
				return -1;
			born_aged(p, M(o), age);
			M(o)->kawin = 4;
			finish(p, M(o), first, kk);
		}
	}
	/* the head's wife died during the period: the head is now widowed */
	if (wife >= 0 && PCT(p, 3)) {
		M(wife)->ada = 2;
		M(head)->kawin = 4;
	}
	presence(p, first, head);
	if (wealthy && hage > 50 && PCT(p, 15)) {
		hajj(p, M(head));
		if (wife >= 0)
			hajj(p, M(wife));
	}
	p->h[hi].n = p->nm - first;
	return hi;
}

/* ---- planted mistakes (each is described in docs/demo.md) ---- */

static void plant(dplan *p, const char *rule, int severity, int h, int m)
{
	if (p->nplant < (int)(sizeof p->plant / sizeof *p->plant))
		p->plant[p->nplant++] = (dplant){ rule, severity, h, m };
}

static int used_by_plant(const dplan *p, int h)
{
	for (int i = 0; i < p->nplant; i++)
		if (p->plant[i].h == h)
			return 1;
	return 0;
}

/* First member of a household from start on (wrapping) that pred accepts;
 * its household is written into *hh. -1 when none. */
typedef int (*mem_pred)(const dplan *p, const dhh *h, const dmem *m);

static int find_member(dplan *p, int start, mem_pred pred, int *hh)
{
	for (int k = 0; k < p->nh; k++) {
		int hi = (start + k) % p->nh;
		const dhh *h = &p->h[hi];
		if (used_by_plant(p, hi))
			continue;
		for (int i = h->first; i < h->first + h->n; i++)
			if (pred(p, h, &p->m[i])) {
				*hh = hi;
				return i;
			}
	}
	return -1;
}

static int count_in(const dplan *p, const dhh *h, int shdk)
{
	int n = 0;
	for (int i = h->first; i < h->first + h->n; i++)
		n += p->m[i].shdk == shdk && (p->m[i].ada == 1 || p->m[i].ada == 5);
	return n;
}

static int is_male_head(const dplan *p, const dhh *h, const dmem *m)
{
	return m->shdk == 1 && m->sex == 1 && m->ada == 1 && m->d <= 27;
}

static int is_wife(const dplan *p, const dhh *h, const dmem *m)
{
	return m->shdk == 3 && m->ada == 1;
}

static int is_single_daughter(const dplan *p, const dhh *h, const dmem *m)
{
	int age = demo_age(m);
	return m->shdk == 4 && m->sex == 2 && m->ada == 1 && m->kawin == 1 && age >= 19 && age <= 28;
}

static int is_married_child(const dplan *p, const dhh *h, const dmem *m)
{
	return m->shdk == 4 && m->ada == 1 && m->kawin == 2;
}

static int is_old_head_with_wife(const dplan *p, const dhh *h, const dmem *m)
{
	return m->shdk == 1 && m->sex == 1 && m->ada == 1 && demo_age(m) >= 55 && count_in(p, h, 3) == 1;
}

/* The only child at home, 20 or older, of a head with a wife present. */
static int is_only_adult_child(const dplan *p, const dhh *h, const dmem *m)
{
	return m->shdk == 4 && m->ada == 1 && demo_age(m) >= 20 && count_in(p, h, 4) == 1 &&
	       count_in(p, h, 3) == 1 && p->m[h->first].sex == 1 && p->m[h->first].ada == 1 &&
	       !(m->m == 2 && m->d == 29);
}

static int is_present_non_head(const dplan *p, const dhh *h, const dmem *m)
{
	return m->shdk != 1 && m->ada == 1;
}

static int is_old_parent(const dplan *p, const dhh *h, const dmem *m)
{
	return (m->shdk == 7 || m->shdk == 8) && m->ada == 1;
}

static int plant_all(dplan *p)
{
	int h, i;
	/* 1. NIK birth date differs from the recorded birth date (a typo in the day) */
	if ((i = find_member(p, 7, is_male_head, &h)) < 0)
		return -1;
	dmem *m = M(i);
	char b[48];
	snprintf(b, sizeof b, "%.6s%02d%02d%02d%.4s", m->nik, m->d + 1, m->m, m->y % 100, m->nik + 12);
	snprintf(m->nik, sizeof m->nik, "%.16s", b);
	plant(p, "nik.birth", SIKS_ERROR, h, i);

	/* 2. a woman's NIK without the +40 */
	if ((i = find_member(p, 23, is_wife, &h)) < 0)
		return -1;
	m = M(i);
	m->nik[6] = (char)('0' + (m->nik[6] - '0' - 4));
	plant(p, "nik.sex", SIKS_ERROR, h, i);

	/* 3. the same NIK in two households: a daughter who married out is
	 * still present at her parents' and is the wife in a new household */
	if ((i = find_member(p, 41, is_single_daughter, &h)) < 0)
		return -1;
	plant(p, "nik.duplicate", SIKS_ERROR, h, i);
	dmem daughter = *M(i);
	int nh = new_household(p);
	if (nh < 0)
		return -1;
	int first = p->nm;
	char kk[17];
	make_kk(p, kk);
	int hd = add(p, 1, 1, first);
	if (hd < 0)
		return -1;
	born_aged(p, M(hd), demo_age(&daughter) + RI(p, 2, 6));
	M(hd)->kawin = 2;
	finish(p, M(hd), first, kk);
	int w = add(p, 2, 3, first);
	if (w < 0)
		return -1;
	*M(w) = daughter;
	M(w)->shdk = 3;
	M(w)->kawin = 2;
	snprintf(M(w)->kk, sizeof M(w)->kk, "%s", kk);
	p->h[nh].n = p->nm - first;
	plant(p, "nik.duplicate", SIKS_ERROR, nh, w);

	/* 4. two heads: a married child entered as Kepala Keluarga of his parents' household */
	if ((i = find_member(p, 67, is_married_child, &h)) < 0)
		return -1;
	M(i)->shdk = 1;
	plant(p, "hh.head_many", SIKS_ERROR, h, -1);

	/* 5. no head: the head died and nobody was made head */
	if ((i = find_member(p, 97, is_old_head_with_wife, &h)) < 0)
		return -1;
	M(i)->ada = 2;
	for (int k = p->h[h].first; k < p->h[h].first + p->h[h].n; k++)
		if (M(k)->shdk == 3)
			M(k)->kawin = 4;
	plant(p, "hh.head_none", SIKS_ERROR, h, -1);

	/* 6. a child older than the head (the head's birth year typed wrong) */
	if ((i = find_member(p, 131, is_only_adult_child, &h)) < 0)
		return -1;
	dmem *head = M(p->h[h].first);
	head->y = M(i)->y + 2;
	head->m = M(i)->m;
	head->d = M(i)->d;
	char kec[7];
	snprintf(kec, sizeof kec, "%.6s", head->nik);
	make_nik(p, head, kec);
	plant(p, "hh.child_age", SIKS_ERROR, h, i);

	/* 7. a No KK with a digit left out (15 digits) */
	if ((i = find_member(p, 163, is_present_non_head, &h)) < 0)
		return -1;
	M(i)->kk[15] = '\0';
	plant(p, "kk.short", SIKS_ERROR, h, i);

	/* 8. a birth date in the future: 20xx typed for 19xx */
	if ((i = find_member(p, 181, is_old_parent, &h)) < 0)
		return -1;
	M(i)->y += 100;
	plant(p, "date.future", SIKS_ERROR, h, i);

	/* 9. (warning) a wife whose NIK comes from a kecamatan outside the list (Sampang) */
	if ((i = find_member(p, 211, is_wife, &h)) < 0)
		return -1;
	memcpy(M(i)->nik, "352705", 6);
	snprintf(M(i)->tempat, sizeof M(i)->tempat, "Sampang");
	plant(p, "nik.region", SIKS_WARN, h, i);
	return 0;
}

int demo_plan_build(dplan *p, int households)
{
	memset(p, 0, sizeof *p);
	p->r.s = 0x5153444553413238u;   /* fixed: the demo is the same on every run */
	for (int k = 0; k < households; k++)
		if (household(p) < 0)
			return -1;
	/* a Christian family (a teacher from Surabaya) among the Muslim majority */
	const dhh *h = &p->h[households / 2];
	for (int i = h->first; i < h->first + h->n; i++)
		p->m[i].agama = 2;
	return plant_all(p);
}

void demo_plan_free(dplan *p)
{
	free(p->h);
	free(p->m);
	memset(p, 0, sizeof *p);
}
