/* demo_names.c — the names the demo village is made of: Madurese and
 * Indonesian given names as they appear on KTP/KK in Pamekasan (the
 * abbreviations Moh., Abd., Ach. are how the civil registry writes them),
 * older and younger generations apart, and the village's dusun and streets. */
#include "demo_data.h"

/* Born before about 1990. */
static const char *const male_old[] = {
	"Moh. Holis", "Abd. Rahem", "Ach. Fauzi", "Moh. Sahri", "Abd. Rasyid", "Ach. Baidowi",
	"Matrawi", "Sunardi", "Hasan Basri", "Moh. Kholil", "Abd. Gani", "Fathorrahman",
	"Sukri", "Ruslan", "Mohammad Tohir", "Syamsul Arifin", "Moh. Hanafi", "Ach. Jailani",
	"Abd. Latif", "Sahrawi", "Busiri", "Ja'far Shodiq", "Ma'ruf", "Moh. Ridwan", "Hosnan",
	"Misnadin", "Sulaiman", "Slamet Riyadi", "Hairul Anam", "Abd. Muiz", "Rofi'i",
	"Mahfud", "Samsuri", "Marsuki", "Moh. Tayyib", "Abd. Wahid", "Ach. Mukhlis",
	"Sanawi", "Juhri", "Mat Sare", "Bahrawi", "Mursyidi", "Moh. Arif", "Supandi",
	"Abd. Karim", "Nurul Huda", "Saiful Bahri", "Mohammad Yasin",
};
/* Born about 1990 or later. */
static const char *const male_young[] = {
	"Imam Wahyudi", "Ahmad Dani", "Rizky Ramadhan", "Moh. Ilham", "Muhammad Fikri",
	"Akbar Maulana", "Ach. Faisol", "Moh. Rifqi", "Abd. Hamid", "Fajar Shodiq",
	"Moh. Zainul Arifin", "Ahmad Rofiqi", "Dimas Prasetyo", "Moh. Syaiful", "Naufal Hakim",
	"Rian Hidayat", "Ach. Ubaidillah", "Moh. Farhan", "Alif Ramadhani", "Muhammad Aziz",
	"Bagus Setiawan", "Moh. Haikal", "Rafi Ardiansyah", "Ahmad Zaki", "Moh. Nizar",
	"Faris Maulana", "Abdullah Faqih", "Moh. Alfan", "Ilham Akbar", "Rehan Saputra",
	"Muhammad Rizal", "Ahmad Khoirul Umam", "Moh. Wildan", "Hasbullah", "Ach. Sholeh",
};
static const char *const female_old[] = {
	"Siti Nur'aini", "Sumarni", "Hosnawiyah", "Rofiqoh", "Busyro", "Siti Aminah",
	"Nur Hasanah", "Khotijah", "Halimah", "Maimunah", "Sittiyah", "Munawwaroh", "Hamidah",
	"Siti Fatimah", "Ummi Kulsum", "Rohmah", "Su'adah", "Mardiyah", "Sa'diyah",
	"Juwairiyah", "Jamilah", "Holifah", "Musyarofah", "Wasilah", "Zulaikha", "Fitriyah",
	"Nuriyah", "Anisah", "Suhartini", "Siti Romlah", "Atikah", "Marfu'ah", "Hotimah",
	"Saniyeh", "Misriyah", "Sumiyati", "Rukayyah", "Masrurah", "Siti Zubaidah", "Hafsah",
	"Niswati", "Musyayyadah", "Asiyah", "Romlah", "Sulastri",
};
static const char *const female_young[] = {
	"Putri Ayu Lestari", "Nabila Azzahra", "Aisyah Putri", "Intan Permatasari",
	"Lailatul Qodriyah", "Nurul Hidayah", "Zahrotul Jannah", "Nayla Safitri", "Alya Rahmawati",
	"Siti Nur Halizah", "Dewi Masithoh", "Ainun Jariyah", "Fatimatuz Zahro", "Ummul Khoiroh",
	"Nur Laila", "Nadia Rahmah", "Syarifah", "Lutfiyah", "Khoirun Nisa'", "Rizka Amelia",
	"Salsabila", "Anis Fuadah", "Wardatul Hasanah", "Naila Fitri", "Qurrotul A'yun",
	"Silvi Nur Aini", "Maulidatul Husna", "Dinda Ayu", "Novi Indah Sari", "Hilyatul Auliya",
	"Jihan Nur Fadilah", "Mufidatul Ulfa", "Riska Wulandari", "Zakiyah",
};

#define N(a) (int)(sizeof a / sizeof *a)

const char *demo_name(int sex, int young, unsigned k)
{
	if (sex == 1)
		return young ? male_young[k % N(male_young)] : male_old[k % N(male_old)];
	return young ? female_young[k % N(female_young)] : female_old[k % N(female_old)];
}

int demo_name_count(int sex, int young)
{
	if (sex == 1)
		return young ? N(male_young) : N(male_old);
	return young ? N(female_young) : N(female_old);
}

/* Madurese for centre, north, south, east, west: the usual dusun names. */
static const char *const dusun[DEMO_DUSUN] = { "Krajan", "Dajah", "Laok", "Temor", "Bara'" };

const char *demo_dusun(int i)
{
	return dusun[i % DEMO_DUSUN];
}

static const char *const street[] = {
	"Jl. Raya Tlanakan", "Jl. Raya Dabuan", "Jl. Pesantren", "Jl. Masjid Al-Ikhlas",
	"Jl. Balai Desa", "Gang Mawar", "Gang Melati", "Jl. Makam Agung",
};
static const char *const kampung[] = {
	"Kampung Lembung", "Kampung Tengginah", "Kampung Polay", "Kampung Bunut", "Kampung Lao' Songai",
};

const char *demo_street(unsigned k, int *numbered)
{
	unsigned n = N(street) + N(kampung);
	k %= n;
	*numbered = k < (unsigned)N(street);
	return *numbered ? street[k] : kampung[k - N(street)];
}

static const char *const place[] = { "Pamekasan", "Sumenep", "Sampang", "Surabaya", "Bangkalan", "Jember" };
static const int place_w[] = { 85, 5, 4, 3, 2, 1 };

const char *demo_place(unsigned roll100)
{
	for (int i = 0; i < N(place); i++) {
		if (roll100 < (unsigned)place_w[i])
			return place[i];
		roll100 -= (unsigned)place_w[i];
	}
	return place[0];
}
