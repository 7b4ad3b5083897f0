/* runtime/platform/pulp/cluster.h: the PULP cluster API of kiln firmware -
 * core ids, fork/join, barrier, DMA between L2 and the L1 TCDM, performance
 * counters. Freestanding C (only <stdint.h>), usable from C and C++; every
 * function is static inline.
 *
 * Programming model (SPMD): the program starts on core 0; the other cores sleep
 * in crt0 until kiln_fork(fn, arg) makes every core run fn(arg); kiln_fork
 * returns on core 0 when all cores have returned from fn. Inside fn a core takes
 * its slice by kiln_core_id() / kiln_num_cores(), stages data into L1 with the
 * DMA, and synchronises with kiln_barrier(). Memory map and timing: docs/sim.md
 * ("Cluster"); the registers are those of sim/sw/kiln_sim.h (the cluster tests
 * check that both agree).
 *
 * Off RISC-V (host builds of kernels) the same API runs as one core: the id is
 * 0, the barrier does nothing, the DMA copies at once, the counters read 0. */
#ifndef KILN_RUNTIME_PLATFORM_PULP_CLUSTER_H_
#define KILN_RUNTIME_PLATFORM_PULP_CLUSTER_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KILN_CL_PERIPH 0x10200000u
#define KILN_CL_NUM_CORES 0x004u
#define KILN_CL_BARRIER 0x008u
#define KILN_CL_FORK_FN 0x010u
#define KILN_CL_FORK_ARG 0x014u
#define KILN_CL_PERF_CONFLICTS 0x020u
#define KILN_CL_PERF_BARRIER 0x024u
#define KILN_CL_PERF_DMA 0x028u
#define KILN_CL_DMA_L1 0x100u
#define KILN_CL_DMA_L2 0x104u
#define KILN_CL_DMA_LEN 0x108u
#define KILN_CL_DMA_ROWS 0x10Cu
#define KILN_CL_DMA_L1_STRIDE 0x110u
#define KILN_CL_DMA_L2_STRIDE 0x114u
#define KILN_CL_DMA_PUSH 0x118u
#define KILN_CL_DMA_STATUS 0x11Cu
#define KILN_CL_DMA_WAIT 0x120u

/* DMA directions (KILN_CL_DMA_PUSH bit 0). */
#define KILN_DMA_TO_L1 0u
#define KILN_DMA_TO_L2 1u

typedef void (*kiln_task_fn)(void *arg);

/* Counters of the calling core since reset (32 bits, wrapping). */
typedef struct {
  uint32_t cycles;          /* mcycle */
  uint32_t instructions;    /* minstret */
  uint32_t tcdm_conflicts;  /* cycles an L1 access lost its bank */
  uint32_t barrier_waits;   /* cycles spent waiting in kiln_barrier */
  uint32_t dma_waits;       /* cycles spent waiting in kiln_dma_wait */
} kiln_perf_t;

#if defined(__riscv)

static inline volatile uint32_t *kiln_cl_reg(uint32_t offset) {
  return (volatile uint32_t *)(uintptr_t)(KILN_CL_PERIPH + offset);
}

static inline uint32_t kiln_core_id(void) {
  uint32_t id;
  __asm__ volatile("csrr %0, mhartid" : "=r"(id));
  return id;
}

static inline uint32_t kiln_num_cores(void) { return *kiln_cl_reg(KILN_CL_NUM_CORES); }

/* Returns when every core of the cluster has called it. The loaded value is used
 * (mv) so that nothing after the barrier, not even a CSR read, runs early. */
static inline void kiln_barrier(void) {
  uint32_t v;
  __asm__ volatile("lw %0, %1(%2)\n\tmv %0, %0"
                   : "=r"(v)
                   : "i"(KILN_CL_BARRIER), "r"(KILN_CL_PERIPH)
                   : "memory");
  (void)v;
}

/* Core 0: runs fn(arg) on every core and returns when all have finished (the
 * join is a barrier, which the sleeping cores' loop in crt0 also meets). Not
 * nestable; call it from core 0 outside any forked function. */
static inline void kiln_fork(kiln_task_fn fn, void *arg) {
  *kiln_cl_reg(KILN_CL_FORK_ARG) = (uint32_t)(uintptr_t)arg;
  *kiln_cl_reg(KILN_CL_FORK_FN) = (uint32_t)(uintptr_t)fn;
  fn(arg);
  kiln_barrier();
}

/* Queues a 2D transfer: rows x row_bytes, row starts l1_stride / l2_stride bytes
 * apart; dir is KILN_DMA_TO_L1 or KILN_DMA_TO_L2. Stalls while the cluster's
 * command queue (8 entries) is full. Any alignment and length. */
static inline void kiln_dma_2d(void *l1, const void *l2, uint32_t row_bytes,
                               uint32_t rows, uint32_t l1_stride,
                               uint32_t l2_stride, uint32_t dir) {
  *kiln_cl_reg(KILN_CL_DMA_L1) = (uint32_t)(uintptr_t)l1;
  *kiln_cl_reg(KILN_CL_DMA_L2) = (uint32_t)(uintptr_t)l2;
  *kiln_cl_reg(KILN_CL_DMA_LEN) = row_bytes;
  *kiln_cl_reg(KILN_CL_DMA_ROWS) = rows;
  *kiln_cl_reg(KILN_CL_DMA_L1_STRIDE) = l1_stride;
  *kiln_cl_reg(KILN_CL_DMA_L2_STRIDE) = l2_stride;
  __asm__ volatile("" ::: "memory");
  *kiln_cl_reg(KILN_CL_DMA_PUSH) = dir;
}

/* Number of this core's transfers not yet complete (0: all done). */
static inline uint32_t kiln_dma_pending(void) { return *kiln_cl_reg(KILN_CL_DMA_STATUS); }

/* Returns when all of this core's transfers are complete. */
static inline void kiln_dma_wait(void) {
  uint32_t v;
  __asm__ volatile("lw %0, %1(%2)\n\tmv %0, %0"
                   : "=r"(v)
                   : "i"(KILN_CL_DMA_WAIT), "r"(KILN_CL_PERIPH)
                   : "memory");
  (void)v;
}

static inline void kiln_perf_read(kiln_perf_t *p) {
  __asm__ volatile("csrr %0, mcycle" : "=r"(p->cycles));
  __asm__ volatile("csrr %0, minstret" : "=r"(p->instructions));
  p->tcdm_conflicts = *kiln_cl_reg(KILN_CL_PERF_CONFLICTS);
  p->barrier_waits = *kiln_cl_reg(KILN_CL_PERF_BARRIER);
  p->dma_waits = *kiln_cl_reg(KILN_CL_PERF_DMA);
}

#else /* one-core fallback for host builds */

static inline uint32_t kiln_core_id(void) { return 0; }
static inline uint32_t kiln_num_cores(void) { return 1; }
static inline void kiln_barrier(void) {}
static inline void kiln_fork(kiln_task_fn fn, void *arg) { fn(arg); }

static inline void kiln_dma_2d(void *l1, const void *l2, uint32_t row_bytes,
                               uint32_t rows, uint32_t l1_stride,
                               uint32_t l2_stride, uint32_t dir) {
  for (uint32_t r = 0; r < rows; r++) {
    unsigned char *a = (unsigned char *)l1 + (uintptr_t)r * l1_stride;
    unsigned char *b = (unsigned char *)(uintptr_t)l2 + (uintptr_t)r * l2_stride;
    for (uint32_t i = 0; i < row_bytes; i++) {
      if (dir == KILN_DMA_TO_L1) {
        a[i] = b[i];
      } else {
        b[i] = a[i];
      }
    }
  }
}

static inline uint32_t kiln_dma_pending(void) { return 0; }
static inline void kiln_dma_wait(void) {}

static inline void kiln_perf_read(kiln_perf_t *p) {
  p->cycles = p->instructions = p->tcdm_conflicts = 0;
  p->barrier_waits = p->dma_waits = 0;
}

#endif

/* 1D transfers: bytes from l2 to l1, or from l1 to l2. */
static inline void kiln_dma_to_l1(void *l1, const void *l2, uint32_t bytes) {
  kiln_dma_2d(l1, l2, bytes, 1, 0, 0, KILN_DMA_TO_L1);
}
static inline void kiln_dma_to_l2(void *l2, const void *l1, uint32_t bytes) {
  kiln_dma_2d((void *)(uintptr_t)l1, l2, bytes, 1, 0, 0, KILN_DMA_TO_L2);
}

#ifdef __cplusplus
}
#endif

#endif /* KILN_RUNTIME_PLATFORM_PULP_CLUSTER_H_ */
