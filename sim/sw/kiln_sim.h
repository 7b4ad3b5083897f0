// Memory map and sim-control registers of kiln-sim, for bare-metal programs (C
// and assembly). docs/sim.md describes the same map; sim/tb/memory.h implements
// it.
#ifndef KILN_SIM_SW_KILN_SIM_H_
#define KILN_SIM_SW_KILN_SIM_H_

#define KILN_L1_BASE 0x10000000u /* 64 KiB TCDM (cluster L1) */
#define KILN_L1_SIZE 0x00010000u
#define KILN_CLUSTER_PERIPH_BASE 0x10200000 /* barrier, fork, perf, DMA */
#define KILN_SIMCTRL_BASE 0x1A000000u      /* sim-control, 4 KiB */
#define KILN_L2_BASE 0x1C000000u           /* 512 KiB by default, code + data */
#define KILN_L2_SIZE 0x00080000u
#define KILN_MAX_CORES 8 /* stacks in link.ld; must match it */

/* Cluster peripheral registers (offsets from KILN_CLUSTER_PERIPH_BASE, 32-bit).
 * Per-core registers answer for the core that accesses them. docs/sim.md has
 * the details; runtime/platform/pulp/cluster.h is the C API on top. */
#define KILN_CLUSTER_CORE_ID 0x000        /* R: this core's id (= mhartid) */
#define KILN_CLUSTER_NUM_CORES 0x004      /* R: cores in the cluster */
#define KILN_CLUSTER_BARRIER 0x008        /* R: answered when all cores wait here */
#define KILN_CLUSTER_FORK_FN 0x010        /* RW: a write dispatches the function */
#define KILN_CLUSTER_FORK_ARG 0x014       /* RW: its argument */
#define KILN_CLUSTER_FORK_WAIT 0x018      /* R: answered (with FORK_FN) at the next dispatch */
#define KILN_CLUSTER_PERF_CONFLICTS 0x020 /* R: this core's TCDM conflict cycles */
#define KILN_CLUSTER_PERF_BARRIER 0x024   /* R: this core's barrier wait cycles */
#define KILN_CLUSTER_PERF_DMA 0x028       /* R: this core's DMA_WAIT cycles */
#define KILN_CLUSTER_DMA_L1 0x100         /* RW per core: L1 address */
#define KILN_CLUSTER_DMA_L2 0x104         /* RW per core: L2 address */
#define KILN_CLUSTER_DMA_LEN 0x108        /* RW per core: bytes per row */
#define KILN_CLUSTER_DMA_ROWS 0x10C       /* RW per core: rows (1 for 1D) */
#define KILN_CLUSTER_DMA_L1_STRIDE 0x110  /* RW per core: bytes between L1 rows */
#define KILN_CLUSTER_DMA_L2_STRIDE 0x114  /* RW per core: bytes between L2 rows */
#define KILN_CLUSTER_DMA_PUSH 0x118       /* W: queue the command; bit 0: 0 L2->L1, 1 L1->L2 */
#define KILN_CLUSTER_DMA_STATUS 0x11C     /* R: this core's commands not yet done */
#define KILN_CLUSTER_DMA_WAIT 0x120       /* R: answered when DMA_STATUS is 0 */

/* Sim-control registers (32-bit, write-only; reads return 0). */
#define KILN_SIMCTRL_PUTCHAR 0x0 /* low byte goes to the harness's stdout */
#define KILN_SIMCTRL_EXIT 0x4    /* ends the run; the value is the exit code */

#ifndef __ASSEMBLER__
#include <stdint.h>

static inline void kiln_putchar(char c) {
  *(volatile uint32_t *)(KILN_SIMCTRL_BASE + KILN_SIMCTRL_PUTCHAR) = (uint8_t)c;
}

static inline void kiln_exit(int code) {
  *(volatile uint32_t *)(KILN_SIMCTRL_BASE + KILN_SIMCTRL_EXIT) =
      (uint32_t)code;
}

static inline uint32_t kiln_mcycle(void) {
  uint32_t v;
  __asm__ volatile("csrr %0, mcycle" : "=r"(v));
  return v;
}

static inline uint32_t kiln_minstret(void) {
  uint32_t v;
  __asm__ volatile("csrr %0, minstret" : "=r"(v));
  return v;
}
#endif

#endif  // KILN_SIM_SW_KILN_SIM_H_
