// A DMA transfer whose source is not RAM: kiln-sim stops with exit code 125 and
// names the destination of the failing beat.
#include "runtime/platform/pulp/cluster.h"

static unsigned char l1[128] __attribute__((section(".l1"), aligned(64)));

int main(void) {
  kiln_dma_to_l1(l1 + 64, (const void *)0x30000000u, 16);
  kiln_dma_wait();
  return 0;
}
