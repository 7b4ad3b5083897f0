// Pipeline hazards: results of every producer kind (ALU, load, MUL, MULH, DIV, CSR,
// link register) consumed by the very next instruction of every consumer kind.
#include "sim/tests/support/test_macros.h"
  .data
  .align 2
vals:
  .word 7, 0, 0, 0
TEST_BEGIN
  la s0, vals
  li t3, 1
  lw a1, 0(s0)        // load -> branch
  li t2, 7
  bne a1, t2, fail
  li t3, 2
  lw a1, 0(s0)        // load -> store data and address
  addi a2, s0, 4
  sw a1, 0(a2)
  lw a3, 4(s0)
  bne a3, a1, fail
  li t3, 3
  la a1, 1f
  sw a1, 8(s0)
  lw a2, 8(s0)        // load -> jalr
  jalr x0, 0(a2)
  j fail
1:
  li t3, 4
  lw a1, 0(s0)
  mul a2, a1, a1      // load -> mul
  li t2, 49
  bne a2, t2, fail
  li t3, 5
  li a1, 3
  mulh a2, a1, a1     // mulh -> div -> rem chain
  divu a3, a1, a1
  remu a4, a3, a1
  add a5, a2, a4
  li t2, 1
  bne a5, t2, fail
  li t3, 6
  li a1, 100
  div a2, a1, a1
  lw a3, 0(s0)        // div -> independent load -> use both
  add a4, a2, a3
  li t2, 8
  bne a4, t2, fail
  li t3, 7
  jal a1, 2f          // link -> use
2:
  la a2, 2b
  bne a1, a2, fail
#ifndef KILN_PLATFORM_QEMU  // QEMU's user mode has no machine CSRs
  li t3, 8
  csrr a1, mhartid    // CSR -> use
  addi a1, a1, 3
  li t2, 3
  bne a1, t2, fail
#endif
  li t3, 9
  lw a1, 0(s0)        // two loads to the same register: the younger one wins
  lw a1, 4(s0)
  li t2, 7
  bne a1, t2, fail
  li t3, 10
  li a2, 11
  lw a1, 0(s0)        // load, then an ALU write to the same register
  addi a1, a2, 1
  li t2, 12
  bne a1, t2, fail
TEST_END
