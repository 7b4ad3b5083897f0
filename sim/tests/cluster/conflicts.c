// Bank-conflict microbenchmark: for each pattern (per-core base offset, access
// stride), every core runs 16 loads from an L1 buffer starting in the same cycle.
// run_conflicts.py predicts each core's conflict cycles with a model of the
// arbitration written from docs/sim.md and compares with --stats. Nothing else
// in this program touches L1, so the model sees every L1 access.
#include <stdint.h>
#include <stdio.h>

#include "runtime/platform/pulp/cluster.h"

// The patterns; run_conflicts.py has the same table.
typedef void (*run_fn)(const volatile void *base);
void conflict_step4(const volatile void *base);
void conflict_step64(const volatile void *base);
void conflict_step0(const volatile void *base);
void conflict_step68(const volatile void *base);

struct Pattern {
  uint32_t core_offset;  // bytes between the cores' bases
  run_fn run;
};
static const struct Pattern kPatterns[] = {
    {4, conflict_step64},   // core c always on bank c: no conflicts
    {0, conflict_step4},    // all cores read the same words together
    {64, conflict_step4},   // same banks, different words
    {8, conflict_step4},    // two banks apart, moving together
    {32, conflict_step4},   // half the cores on each of two banks
    {12, conflict_step68},  // 3 banks apart, each access one bank further
    {4, conflict_step0},    // one word per core, banks 0..7
    {0, conflict_step64},   // everyone on bank 0, all the time
};

uint32_t l1_buf[4096] __attribute__((section(".l1"), aligned(64)));

static void run_pattern(void *arg) {
  const struct Pattern *p = (const struct Pattern *)arg;
  p->run((const volatile uint8_t *)l1_buf + kiln_core_id() * p->core_offset);
}

int main(void) {
  for (unsigned i = 0; i < sizeof(kPatterns) / sizeof(kPatterns[0]); i++) {
    kiln_fork(run_pattern, (void *)&kPatterns[i]);
  }
  kiln_perf_t perf;
  kiln_perf_read(&perf);
  printf("core 0: %lu conflict cycles\n", (unsigned long)perf.tcdm_conflicts);
  return 0;
}
