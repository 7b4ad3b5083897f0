// Differential test: picolibc printf of integers with widths, flags, bases and
// 64-bit values, plus snprintf truncation. Exits with 7 to check exit codes.
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

int main(void) {
  const long vals[] = {0, 1, -1, 42, -42, 1000000, -999999, INT_MAX, INT_MIN};
  for (unsigned i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
    long v = vals[i];
    printf(
        "[%ld] [%5ld] [%-8ld] [%+ld] [%08ld] [%lx] [%lX] [%lo] [%#lx] [%lu]\n",
        v, v, v, v, v, (unsigned long)v, (unsigned long)v, (unsigned long)v,
        (unsigned long)v, (unsigned long)v);
  }
  const long long big[] = {0,         1ll << 40, -(1ll << 40),
                           LLONG_MAX, LLONG_MIN, 123456789012345ll};
  for (unsigned i = 0; i < sizeof(big) / sizeof(big[0]); i++) {
    printf("%lld %llx %20lld|\n", big[i], (unsigned long long)big[i], big[i]);
  }
  printf("%u %hu %hhu %d\n", 4000000000u, (unsigned short)70000,
         (unsigned char)300, (short)-32768);
  printf("[%c%c%c] [%s] [%10s] [%-6s] [%.3s]\n", 'k', 'i', 'l', "string",
         "right", "left", "truncate");
  char buf[16];
  volatile size_t cap =
      sizeof(buf);  // hides the intended truncation from -Wformat
  int n = snprintf(buf, cap, "%d-%d-%d-%d", 11111, 22222, 33333, 44444);
  printf("snprintf=%d \"%s\"\n", n, buf);
  printf("%%done\n");
  return 7;
}
