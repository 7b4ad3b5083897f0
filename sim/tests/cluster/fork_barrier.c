// Fork/join and the hardware barrier, on any number of cores (run on kiln-sim
// and kiln-sim-8). Also checks that the C API (runtime/platform/pulp/cluster.h)
// and the simulator's register map (sim/sw/kiln_sim.h) agree.
#include <stdint.h>
#include <stdio.h>

#include "kiln_sim.h"
#include "runtime/platform/pulp/cluster.h"

_Static_assert(KILN_CL_PERIPH == KILN_CLUSTER_PERIPH_BASE, "base");
_Static_assert(KILN_CL_NUM_CORES == KILN_CLUSTER_NUM_CORES, "num cores");
_Static_assert(KILN_CL_BARRIER == KILN_CLUSTER_BARRIER, "barrier");
_Static_assert(KILN_CL_FORK_FN == KILN_CLUSTER_FORK_FN, "fork fn");
_Static_assert(KILN_CL_FORK_ARG == KILN_CLUSTER_FORK_ARG, "fork arg");
_Static_assert(KILN_CL_PERF_CONFLICTS == KILN_CLUSTER_PERF_CONFLICTS, "perf");
_Static_assert(KILN_CL_PERF_BARRIER == KILN_CLUSTER_PERF_BARRIER, "perf");
_Static_assert(KILN_CL_PERF_DMA == KILN_CLUSTER_PERF_DMA, "perf");
_Static_assert(KILN_CL_DMA_L1 == KILN_CLUSTER_DMA_L1, "dma");
_Static_assert(KILN_CL_DMA_L2 == KILN_CLUSTER_DMA_L2, "dma");
_Static_assert(KILN_CL_DMA_LEN == KILN_CLUSTER_DMA_LEN, "dma");
_Static_assert(KILN_CL_DMA_ROWS == KILN_CLUSTER_DMA_ROWS, "dma");
_Static_assert(KILN_CL_DMA_L1_STRIDE == KILN_CLUSTER_DMA_L1_STRIDE, "dma");
_Static_assert(KILN_CL_DMA_L2_STRIDE == KILN_CLUSTER_DMA_L2_STRIDE, "dma");
_Static_assert(KILN_CL_DMA_PUSH == KILN_CLUSTER_DMA_PUSH, "dma");
_Static_assert(KILN_CL_DMA_STATUS == KILN_CLUSTER_DMA_STATUS, "dma");
_Static_assert(KILN_CL_DMA_WAIT == KILN_CLUSTER_DMA_WAIT, "dma");

enum { kRounds = 20, kMaxCores = 8 };

static volatile uint32_t seen_id[kMaxCores];
static volatile uint32_t seen_arg[kMaxCores];
static volatile uint32_t seen_reg_id[kMaxCores];
static volatile uint32_t slots[kRounds][kMaxCores];
static volatile uint32_t errors[kMaxCores];
static volatile uint32_t waits[kMaxCores];

static void record(void *arg) {
  uint32_t id = kiln_core_id();
  seen_id[id] = id + 1;
  seen_arg[id] = (uint32_t)(uintptr_t)arg;
  seen_reg_id[id] = *(volatile uint32_t *)(KILN_CLUSTER_PERIPH_BASE + KILN_CLUSTER_CORE_ID);
}

// Each round, every core writes its slot after a core-dependent delay, meets
// the others at the barrier and then checks every core's slot of the round: a
// missing barrier (or one that lets a core through early) shows as a stale slot.
static void rounds(void *arg) {
  (void)arg;
  uint32_t id = kiln_core_id(), n = kiln_num_cores();
  for (uint32_t r = 0; r < kRounds; r++) {
    // The slowest core changes every round.
    uint32_t spin = ((id + r) % n) * 40;
    for (volatile uint32_t i = 0; i < spin; i++) {
    }
    slots[r][id] = r * 100 + id + 1;
    kiln_barrier();
    for (uint32_t c = 0; c < n; c++) {
      if (slots[r][c] != r * 100 + c + 1) errors[id]++;
    }
    kiln_barrier();
  }
  kiln_perf_t perf;
  kiln_perf_read(&perf);
  waits[id] = perf.barrier_waits;
}

int main(void) {
  uint32_t n = kiln_num_cores();
  printf("%lu cores\n", (unsigned long)n);
  if (n < 1 || n > kMaxCores) return 2;
  int bad = 0;
  for (uint32_t f = 0; f < 3; f++) {
    for (uint32_t c = 0; c < kMaxCores; c++) seen_id[c] = seen_arg[c] = 0;
    kiln_fork(record, (void *)(uintptr_t)(0x1000 + f));
    for (uint32_t c = 0; c < kMaxCores; c++) {
      uint32_t want_id = c < n ? c + 1 : 0, want_arg = c < n ? 0x1000 + f : 0;
      if (seen_id[c] != want_id || seen_arg[c] != want_arg ||
          (c < n && seen_reg_id[c] != c)) {
        printf("fork %lu: core %lu saw id %lu arg %lx\n", (unsigned long)f,
               (unsigned long)c, (unsigned long)seen_id[c], (unsigned long)seen_arg[c]);
        bad = 1;
      }
    }
  }
  kiln_fork(rounds, 0);
  uint32_t max_wait = 0;
  for (uint32_t c = 0; c < n; c++) {
    if (errors[c] != 0) {
      printf("core %lu: %lu stale slots after a barrier\n", (unsigned long)c,
             (unsigned long)errors[c]);
      bad = 1;
    }
    if (waits[c] > max_wait) max_wait = waits[c];
  }
  // With more than one core someone waits at a barrier; with one, nobody does.
  if ((n > 1) != (max_wait > 0)) {
    printf("barrier wait counters: max %lu with %lu cores\n", (unsigned long)max_wait,
           (unsigned long)n);
    bad = 1;
  }
  printf("fork/join and %d barrier rounds %s\n", kRounds, bad ? "FAILED" : "ok");
  return bad;
}
