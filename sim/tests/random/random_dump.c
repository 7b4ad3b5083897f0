// Final state report of generated random programs (gen_random.py): registers
// x1..x30 and a checksum of the scratch memory, printed the same way on
// kiln-sim and QEMU so their outputs can be compared line by line.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

void kiln_random_dump(const uint32_t *regs, const uint8_t *scratch, size_t n) {
  for (int r = 1; r <= 30; r++) {
    printf("x%-2d = %08lx\n", r, (unsigned long)regs[r - 1]);
  }
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ scratch[i]) * 16777619u;
  printf("scratch fnv1a = %08lx\n", (unsigned long)h);
}
