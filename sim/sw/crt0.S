// Start-up code of kiln-sim programs, for one core or a cluster. Every core
// starts here. Core 0 (and the only core under QEMU) sets gp, sp and tp, clears
// .bss, runs the C constructors and calls main, then exit(). The other cores
// set up their own stack and TLS block and sleep in the fork loop: each waits
// in a FORK_WAIT load until a core writes FORK_FN, calls the function with
// FORK_ARG, meets the others at the barrier and waits again (docs/sim.md,
// "Cluster"; runtime/platform/pulp/cluster.h is the C side).
#include "kiln_sim.h"

  .section .text.init, "ax"
  .globl _start
  .type _start, @function
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  la sp, __stack_top
  // QEMU (user mode) has no mhartid and one core; the code stays the same size
  // so that both builds of a program have the same addresses.
#ifdef KILN_PLATFORM_QEMU
  li a0, 0
#else
  csrr a0, mhartid
#endif
  bnez a0, .Lworker
  // picolibc keeps errno etc. in TLS; core 0's block is the template itself.
  la tp, __tls_base

  // .bss (not .noinit, which --load may have filled) is cleared by core 0.
  la t0, __bss_start
  la t1, __bss_end
1:
  bgeu t0, t1, 2f
  sw zero, 0(t0)
  addi t0, t0, 4
  j 1b
2:
  call __libc_init_array
  li a0, 0
  li a1, 0
  call main
  call exit
3:
  j 3b

.Lworker:
  // Cores beyond the linker script's stacks park for good.
  li t0, KILN_MAX_CORES
  bgeu a0, t0, 3b
  // Core k's stack: below core 0's and those of cores 1..k-1.
  lui t0, %hi(__stack_size)
  addi t0, t0, %lo(__stack_size)
  sub sp, sp, t0
  lui t0, %hi(__worker_stack_size)
  addi t0, t0, %lo(__worker_stack_size)
  addi t1, a0, -1
  mul t1, t1, t0
  sub sp, sp, t1
  // TLS block at the top of the stack: a copy of .tdata, then zeroed .tbss.
  la t0, __tdata_start
  la t1, __tbss_start
  sub t2, t1, t0            // bytes to copy (.tdata and padding)
  lui t3, %hi(__tbss_size)
  addi t3, t3, %lo(__tbss_size)
  add t4, t2, t3
  addi t4, t4, 15
  andi t4, t4, -16
  sub sp, sp, t4
  mv tp, sp
  mv t4, tp
4:
  beqz t2, 5f
  lbu t5, 0(t0)
  sb t5, 0(t4)
  addi t0, t0, 1
  addi t4, t4, 1
  addi t2, t2, -1
  j 4b
5:
  beqz t3, 6f
  sb zero, 0(t4)
  addi t4, t4, 1
  addi t3, t3, -1
  j 5b
6:
  // The fork loop. The barrier load's value is never used: the next FORK_WAIT
  // load cannot start before it is answered.
  li s0, KILN_CLUSTER_PERIPH_BASE
7:
  lw t0, KILN_CLUSTER_FORK_WAIT(s0)
  lw a0, KILN_CLUSTER_FORK_ARG(s0)
  jalr t0
  lw t0, KILN_CLUSTER_BARRIER(s0)
  j 7b
  .size _start, . - _start
