// runtime/platform/pulp/cluster.h off RISC-V: compiles as freestanding C++ with
// the host compiler and behaves as one core (id 0 of 1, fork runs the function,
// the DMA copies at once in both directions and in 2D, counters read 0).
#include "runtime/platform/pulp/cluster.h"

#include <stdio.h>

namespace {

int calls = 0;
void Task(void* arg) { calls += *static_cast<int*>(arg); }

}  // namespace

int main() {
  int errors = 0;
  int arg = 5;
  kiln_fork(Task, &arg);
  kiln_barrier();
  errors += calls != 5 || kiln_core_id() != 0 || kiln_num_cores() != 1;

  unsigned char l2[64], l1[64], back[64];
  for (int i = 0; i < 64; i++) {
    l2[i] = static_cast<unsigned char>(i * 7 + 1);
    l1[i] = back[i] = 0;
  }
  kiln_dma_to_l1(l1, l2 + 3, 20);
  kiln_dma_wait();
  for (int i = 0; i < 64; i++) errors += l1[i] != (i < 20 ? l2[i + 3] : 0);
  kiln_dma_to_l2(back, l1, 20);
  for (int i = 0; i < 20; i++) errors += back[i] != l2[i + 3];
  // 2D: 3 rows of 4 bytes, L2 rows 10 apart, L1 rows 6 apart.
  for (int i = 0; i < 64; i++) l1[i] = 0;
  kiln_dma_2d(l1, l2, 4, 3, 6, 10, KILN_DMA_TO_L1);
  for (int r = 0; r < 3; r++) {
    for (int i = 0; i < 6; i++) errors += l1[r * 6 + i] != (i < 4 ? l2[r * 10 + i] : 0);
  }
  kiln_perf_t perf;
  kiln_perf_read(&perf);
  errors += kiln_dma_pending() != 0 || perf.cycles != 0 || perf.tcdm_conflicts != 0;
  printf("cluster.h host fallback: %d errors\n", errors);
  return errors != 0;
}
