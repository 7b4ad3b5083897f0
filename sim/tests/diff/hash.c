// Differential test: FNV-1a, a murmur-style 32-bit finaliser, xorshift and a
// small open-addressing hash table with deletions.
#include <stdint.h>
#include <stdio.h>

static uint32_t fnv1a(const char *s) {
  uint32_t h = 2166136261u;
  while (*s) h = (h ^ (uint8_t)*s++) * 16777619u;
  return h;
}

static uint32_t fmix(uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

#define CAP 1024
static uint32_t keys[CAP], vals[CAP];
static uint8_t state[CAP];  // 0 empty, 1 full, 2 deleted

static void put(uint32_t k, uint32_t v) {
  uint32_t i = fmix(k) & (CAP - 1);
  while (state[i] == 1 && keys[i] != k) i = (i + 1) & (CAP - 1);
  keys[i] = k;
  vals[i] = v;
  state[i] = 1;
}
static int get(uint32_t k, uint32_t *v) {
  uint32_t i = fmix(k) & (CAP - 1);
  while (state[i] != 0) {
    if (state[i] == 1 && keys[i] == k) {
      *v = vals[i];
      return 1;
    }
    i = (i + 1) & (CAP - 1);
  }
  return 0;
}
static void del(uint32_t k) {
  uint32_t i = fmix(k) & (CAP - 1);
  while (state[i] != 0) {
    if (state[i] == 1 && keys[i] == k) {
      state[i] = 2;
      return;
    }
    i = (i + 1) & (CAP - 1);
  }
}

int main(void) {
  const char *s[] = {"", "a", "kiln", "firmware", "The quick brown fox"};
  for (int i = 0; i < 5; i++)
    printf("fnv1a(\"%s\")=%08lx fmix=%08lx\n", s[i], (unsigned long)fnv1a(s[i]),
           (unsigned long)fmix(fnv1a(s[i])));
  uint32_t x = 2463534242u;
  for (int i = 0; i < 700; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    put(x % 5000, x);
  }
  for (uint32_t k = 0; k < 5000; k += 3) del(k);
  uint32_t found = 0, sum = 0, v;
  for (uint32_t k = 0; k < 5000; k++) {
    if (get(k, &v)) {
      found++;
      sum += v ^ k;
    }
  }
  printf("table: found=%lu sum=%08lx last_x=%08lx\n", (unsigned long)found,
         (unsigned long)sum, (unsigned long)x);
  return 0;
}
