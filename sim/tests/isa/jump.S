// Jumps of RV32I: JAL and JALR, their link values, JALR's cleared bit 0 and rd == rs1.
#include "sim/tests/support/test_macros.h"
TEST_BEGIN
  // JAL links PC + 4 and skips the next instruction.
  li t3, 1
  li a3, 0
1:
  jal a1, 2f
  li a3, 1
2:
  bnez a3, fail
  la a2, 1b
  addi a2, a2, 4
  bne a1, a2, fail

  // JAL with rd = x0 (J) does not write anything.
  li t3, 2
  j 3f
  j fail
3:
  // JALR to a register target plus offset.
  li t3, 3
  la a1, 4f
  jalr a2, 8(a1)
4:
  j fail
  j fail
  la a4, 4b
  bne a2, a4, fail     // link = address after the jalr = label 4

  // JALR clears bit 0 of the target.
  li t3, 4
  la a1, 5f
  addi a1, a1, 1
  jalr x0, 0(a1)
  j fail
5:
  // JALR with rd == rs1: the target uses the old value.
  li t3, 5
  la a1, 6f
  jalr a1, 0(a1)
6:
  la a2, 6b
  bne a1, a2, fail

  // JALR backwards, with a negative offset.
  li t3, 6
  la a1, 8f
  j 7f
  j fail
8:
  j 9f
7:
  addi a1, a1, 8
  jalr x0, -8(a1)
  j fail
9:
  // Call and return through ra-like register (t0).
  li t3, 7
  li a3, 0
  jal t0, 10f
  li t2, 5
  bne a3, t2, fail
  j 11f
10:
  li a3, 5
  jr t0
11:
TEST_END
