// Writes to x0 from every kind of instruction are discarded; x0 always reads 0.
#include "sim/tests/support/test_macros.h"
  .data
  .align 2
word:
  .word 0x12345678
TEST_BEGIN
  li t3, 1
  li a1, 5
  addi x0, a1, 1
  bnez x0, fail
  add x0, a1, a1
  bnez x0, fail
  lui x0, 0x12345
  bnez x0, fail
  auipc x0, 1
  bnez x0, fail
  li t3, 2
  la a2, word
  lw x0, 0(a2)
  lb x0, 0(a2)
  bnez x0, fail
  li t3, 3
  jal x0, 1f
1:
  bnez x0, fail
  li t3, 4
  mul x0, a1, a1
  mulhu x0, a1, a1
  divu x0, a1, a1
  remu x0, a1, a1
  bnez x0, fail
  li t3, 5
  // x0 as a source after all those writes.
  add a3, x0, x0
  bnez a3, fail
  sub a3, a1, x0
  li t2, 5
  bne a3, t2, fail
  // Stores of x0 write zeros.
  li t3, 6
  sw x0, 0(a2)
  lw a3, 0(a2)
  bnez a3, fail
TEST_END
