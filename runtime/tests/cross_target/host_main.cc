// Host entry point of the bit probe, used to run the clang++-built runtime next
// to the g++-built one inside runtime_cross_target_bits.
#include <stdio.h>

#include "runtime/tests/cross_target/probe.h"

static void Emit(void*, const char* name, uint32_t hash) {
  printf("%s %08x\n", name, (unsigned)hash);
}

int main() {
  kiln_probe_run(Emit, nullptr);
  return 0;
}
