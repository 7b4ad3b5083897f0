// Conditional branches of RV32I: BEQ BNE BLT BGE BLTU BGEU, taken and not taken,
// forward and backward, with signed/unsigned corners.
#include "sim/tests/support/test_macros.h"

// Branch `op a1, a2` must be taken (taken=1) or not (taken=0).
#define TEST_BR(n, op, taken, v1, v2) \
  li t3, n;                           \
  li a1, v1;                          \
  li a2, v2;                          \
  li a4, 0;                           \
  op a1, a2, 1f;                      \
  li a4, 1;                           \
1:;                                   \
  li t2, 1 - taken;                   \
  bne a4, t2, fail

TEST_BEGIN
  TEST_BR(1, beq, 1, 0, 0)
  TEST_BR(2, beq, 0, 0, 1)
  TEST_BR(3, beq, 1, 0xffffffff, 0xffffffff)
  TEST_BR(4, bne, 0, 5, 5)
  TEST_BR(5, bne, 1, 5, 6)
  TEST_BR(6, blt, 1, 0xffffffff, 0)
  TEST_BR(7, blt, 0, 0, 0xffffffff)
  TEST_BR(8, blt, 0, 7, 7)
  TEST_BR(9, blt, 1, 0x80000000, 0x7fffffff)
  TEST_BR(10, bge, 1, 7, 7)
  TEST_BR(11, bge, 1, 0, 0xffffffff)
  TEST_BR(12, bge, 0, 0xffffffff, 0)
  TEST_BR(13, bge, 0, 0x80000000, 0x7fffffff)
  TEST_BR(14, bltu, 0, 0xffffffff, 0)
  TEST_BR(15, bltu, 1, 0, 0xffffffff)
  TEST_BR(16, bltu, 0, 3, 3)
  TEST_BR(17, bltu, 0, 0x80000000, 0x7fffffff)
  TEST_BR(18, bgeu, 1, 0xffffffff, 0)
  TEST_BR(19, bgeu, 0, 0, 0xffffffff)
  TEST_BR(20, bgeu, 1, 3, 3)
  TEST_BR(21, bgeu, 1, 0x80000000, 0x7fffffff)

  // Backward branch: a loop of 10 iterations.
  li t3, 30
  li a1, 10
  li a2, 0
1:
  addi a2, a2, 3
  addi a1, a1, -1
  bnez a1, 1b
  li t2, 30
  bne a2, t2, fail

  // A branch right after the instruction that produces its operand.
  li t3, 31
  li a1, 4
  addi a1, a1, -4
  beqz a1, 2f
  j fail
2:
  // Wrong-path instructions after a taken branch must not execute.
  li t3, 32
  li a3, 0
  beq x0, x0, 3f
  li a3, 1
  li a3, 2
3:
  bnez a3, fail
TEST_END
