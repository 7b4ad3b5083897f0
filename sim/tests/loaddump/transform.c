// --load/--dump round trip: the harness writes `input` (in L2, .noinit: crt0
// clears .bss) and `key` (in L1) before the run; the program transforms them
// into `output`, which the harness dumps after the run. run_loaddump.py checks
// the bytes.
#include <stdint.h>
#include <stdio.h>

#define N 1024

uint8_t input[N] __attribute__((section(".noinit")));
uint8_t key[16] __attribute__((section(".l1")));
uint32_t output[N / 4];

int main(void) {
  uint32_t sum = 0;
  for (int i = 0; i < N / 4; i++) {
    uint32_t w = (uint32_t)input[4 * i] | (uint32_t)input[4 * i + 1] << 8 |
                 (uint32_t)input[4 * i + 2] << 16 |
                 (uint32_t)input[4 * i + 3] << 24;
    output[i] = (w ^ key[i % 16]) * 2654435761u + (uint32_t)i;
    sum += output[i];
  }
  printf("transformed %d bytes, sum %08lx\n", N, (unsigned long)sum);
  return 0;
}
