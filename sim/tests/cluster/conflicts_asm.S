// Bank-conflict microbenchmark kernels: each waits at the barrier (so that all
// cores start in the same cycle), then issues 16 independent loads, one per
// cycle unless it loses its bank: lw t0, k*STEP(a0) for k = 0..15. a0 = base.
#include "kiln_sim.h"

.macro CONFLICT_RUN name, step
  .text
  .globl \name
  .type \name, @function
\name:
  li a1, KILN_CLUSTER_PERIPH_BASE
  lw t1, KILN_CLUSTER_BARRIER(a1)
  .set off, 0
  .rept 16
  lw t0, off(a0)
  .set off, off + \step
  .endr
  ret
  .size \name, . - \name
.endm

CONFLICT_RUN conflict_step4, 4
CONFLICT_RUN conflict_step64, 64
CONFLICT_RUN conflict_step0, 0
CONFLICT_RUN conflict_step68, 68
