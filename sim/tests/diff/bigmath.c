// Differential test: 64-bit arithmetic through libgcc (multiply,
// signed/unsigned divide and modulo, shifts), gcd, integer square root and
// factorials mod p.
#include <stdint.h>
#include <stdio.h>

static uint64_t gcd(uint64_t a, uint64_t b) {
  while (b) {
    uint64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

static uint32_t isqrt(uint64_t n) {
  uint64_t x = n, y = (x + 1) / 2;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2;
  }
  return (uint32_t)x;
}

int main(void) {
  volatile int64_t a = 0x123456789abcdefll, b = -987654321ll;
  printf("mul %lld div %lld mod %lld\n", a * 3, a / b, a % b);
  printf("udiv %llu umod %llu\n", (uint64_t)a / 12345u, (uint64_t)a % 12345u);
  for (int s = 0; s < 64; s += 9) {
    printf("shift %2d: %016llx %016llx %lld\n", s, (uint64_t)a << s,
           (uint64_t)a >> s, (int64_t)b >> s);
  }
  printf("gcd %llu %llu\n", gcd(1071ull * 1000003ull, 462ull * 1000003ull),
         gcd(0xffffffffffffffffull, 0xfffffffffull));
  const uint64_t sq[] = {
      0, 1, 15, 16, 17, 1000000, 0xffffffffull, 0xfffffffe00000001ull};
  for (int i = 0; i < 8; i++)
    printf("isqrt(%llu)=%lu\n", sq[i], (unsigned long)isqrt(sq[i]));
  uint64_t f = 1;
  const uint64_t p = 1000000007ull;
  for (uint64_t i = 1; i <= 2000; i++) {
    f = f * i % p;
    if (i % 400 == 0) printf("%llu! mod p = %llu\n", i, f);
  }
  int32_t x = -7, y = 2;
  printf("c division: %ld %ld %ld %ld\n", (long)(x / y), (long)(x % y),
         (long)(-x / -y), (long)(x % -y));
  return 0;
}
