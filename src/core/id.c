/* id.c — record ids unique across sites without a server.
 * 48 bits of milliseconds (so ids made at one site sort by time and insert at
 * the end of the index) then 80 random bits: two villages creating records
 * offline collide with probability ~2^-80 per same-millisecond pair. */
#include <stdio.h>
#include <stdint.h>
#include "siks/platform.h"
#include "siks/rec.h"

static uint64_t seeded;      /* nonzero: deterministic sequence */
static uint64_t seed_clock;

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

void siks_id_seed(uint64_t seed)
{
	seeded = seed;
	seed_clock = 1700000000000u; /* a fixed "time" for deterministic ids */
}

void siks_id_new(char out[33])
{
	unsigned char b[16];
	uint64_t ms;
	if (seeded) {
		ms = seed_clock++;
		uint64_t r1 = splitmix(&seeded), r2 = splitmix(&seeded);
		for (int i = 0; i < 8; i++) {
			b[6 + i] = (unsigned char)(r1 >> (8 * i));
		}
		b[14] = (unsigned char)r2;
		b[15] = (unsigned char)(r2 >> 8);
	} else {
		ms = (uint64_t)plat_now_ms();
		plat_random(b + 6, 10);
	}
	for (int i = 0; i < 6; i++)
		b[i] = (unsigned char)(ms >> (8 * (5 - i)));
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < 16; i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[32] = '\0';
}
