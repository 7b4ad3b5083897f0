// Differential test: sieve of Eratosthenes, trial division and a primality
// check with modular exponentiation (64-bit intermediate products).
#include <stdint.h>
#include <stdio.h>

#define LIMIT 30000
static uint8_t composite[LIMIT + 1];

static uint32_t powmod(uint32_t b, uint32_t e, uint32_t m) {
  uint64_t r = 1, x = b % m;
  while (e) {
    if (e & 1) r = r * x % m;
    x = x * x % m;
    e >>= 1;
  }
  return (uint32_t)r;
}

static int miller_rabin(uint32_t n) {
  if (n < 2) return 0;
  static const uint32_t bases[] = {2, 3, 5, 7};
  uint32_t d = n - 1;
  int s = 0;
  while ((d & 1) == 0) {
    d >>= 1;
    s++;
  }
  for (int i = 0; i < 4; i++) {
    uint32_t a = bases[i];
    if (a % n == 0) continue;
    uint32_t x = powmod(a, d, n);
    if (x == 1 || x == n - 1) continue;
    int witness = 1;
    for (int r = 1; r < s; r++) {
      x = (uint32_t)((uint64_t)x * x % n);
      if (x == n - 1) {
        witness = 0;
        break;
      }
    }
    if (witness) return 0;
  }
  return 1;
}

int main(void) {
  int count = 0;
  uint32_t sum = 0, last = 0;
  for (uint32_t i = 2; i <= LIMIT; i++) {
    if (composite[i]) continue;
    count++;
    sum += i;
    last = i;
    for (uint32_t j = i * i; j <= LIMIT; j += i) composite[j] = 1;
  }
  printf("primes<=%d: count=%d sum=%lu last=%lu\n", LIMIT, count,
         (unsigned long)sum, (unsigned long)last);
  int agree = 1;
  // 64-bit modular products go through libgcc's __umoddi3: keep this range
  // small.
  for (uint32_t i = 0; i <= 2000; i++) {
    if (miller_rabin(i) != (i >= 2 && !composite[i])) agree = 0;
  }
  printf("miller-rabin agrees: %d\n", agree);
  const uint32_t big[] = {2147483647u, 4294967291u, 4294967295u,
                          1000000007u, 999999937u,  3215031751u};
  for (int i = 0; i < 6; i++)
    printf("%lu prime=%d\n", (unsigned long)big[i], miller_rabin(big[i]));
  return 0;
}
