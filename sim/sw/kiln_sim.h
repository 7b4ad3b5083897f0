// Memory map and sim-control registers of kiln-sim, for bare-metal programs (C
// and assembly). docs/sim.md describes the same map; sim/tb/memory.h implements
// it.
#ifndef KILN_SIM_SW_KILN_SIM_H_
#define KILN_SIM_SW_KILN_SIM_H_

#define KILN_L1_BASE 0x10000000u /* 64 KiB TCDM (cluster L1) */
#define KILN_L1_SIZE 0x00010000u
#define KILN_CLUSTER_PERIPH_BASE 0x10200000u /* reserved: barrier, DMA */
#define KILN_SIMCTRL_BASE 0x1A000000u        /* sim-control, 4 KiB */
#define KILN_L2_BASE 0x1C000000u             /* 512 KiB, code + data */
#define KILN_L2_SIZE 0x00080000u

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
