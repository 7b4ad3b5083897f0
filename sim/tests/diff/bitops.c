// Differential test: bit manipulation (popcount, clz/ctz by hand and via libgcc
// builtins, bit reversal, rotations, Gray code, sign tricks).
#include <stdint.h>
#include <stdio.h>

static int popcount_loop(uint32_t x) {
  int n = 0;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}
static int clz_loop(uint32_t x) {
  int n = 0;
  if (x == 0) return 32;
  while (!(x & 0x80000000u)) {
    x <<= 1;
    n++;
  }
  return n;
}
static uint32_t bitrev(uint32_t x) {
  x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
  x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
  x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
  x = ((x >> 8) & 0x00ff00ffu) | ((x & 0x00ff00ffu) << 8);
  return (x >> 16) | (x << 16);
}
static uint32_t rotl(uint32_t x, unsigned r) {
  return (x << (r & 31)) | (x >> ((32 - r) & 31));
}

int main(void) {
  volatile uint32_t vals[] = {0,           1,           0x80000000u,
                              0xffffffffu, 0x12345678u, 0xdeadbeefu,
                              0x00010000u, 0x7fffffffu};
  for (int i = 0; i < 8; i++) {
    uint32_t x = vals[i];
    printf(
        "%08lx pop=%d/%d clz=%d/%d ctz=%d rev=%08lx rotl7=%08lx gray=%08lx "
        "abs=%ld\n",
        (unsigned long)x, popcount_loop(x), __builtin_popcount(x), clz_loop(x),
        x ? __builtin_clz(x) : 32, x ? __builtin_ctz(x) : 32,
        (unsigned long)bitrev(x), (unsigned long)rotl(x, 7),
        (unsigned long)(x ^ (x >> 1)),
        (long)(((int32_t)x ^ ((int32_t)x >> 31)) - ((int32_t)x >> 31)));
  }
  uint64_t acc = 0;
  for (uint32_t i = 0; i < 5000; i++)
    acc += (uint64_t)popcount_loop(i * 2654435761u) << (i & 7);
  printf("acc=%llu\n", acc);
  return 0;
}
