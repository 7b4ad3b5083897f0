// Multiplications of RV32M: MUL MULH MULHSU MULHU, with sign corners.
#include "sim/tests/support/test_macros.h"
TEST_BEGIN
  TEST_RR(1, mul, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, mul, 0x00000006, 0x00000002, 0x00000003)
  TEST_RR(3, mul, 0xfffffffa, 0xfffffffe, 0x00000003)
  TEST_RR(4, mul, 0x00000001, 0xffffffff, 0xffffffff)
  TEST_RR(5, mul, 0x00000000, 0x80000000, 0x00000002)
  TEST_RR(6, mul, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR(7, mul, 0x366176f8, 0x12345678, 0x9abcdef1)
  TEST_RR(10, mulh, 0x00000000, 0x00000002, 0x00000003)
  TEST_RR(11, mulh, 0xffffffff, 0xfffffffe, 0x00000003)
  TEST_RR(12, mulh, 0x00000000, 0xffffffff, 0xffffffff)
  TEST_RR(13, mulh, 0x40000000, 0x80000000, 0x80000000)
  TEST_RR(14, mulh, 0xc0000000, 0x80000000, 0x7fffffff + 1 - 1)
  TEST_RR(15, mulh, 0x3fffffff, 0x7fffffff, 0x7fffffff)
  TEST_RR(16, mulh, 0x00000000, 0x80000000, 0x00000000)
  TEST_RR(20, mulhu, 0x00000000, 0x00000002, 0x00000003)
  TEST_RR(21, mulhu, 0xfffffffe, 0xffffffff, 0xffffffff)
  TEST_RR(22, mulhu, 0x40000000, 0x80000000, 0x80000000)
  TEST_RR(23, mulhu, 0x00000002, 0xfffffffe, 0x00000003)
  TEST_RR(24, mulhu, 0x0b00ea4e, 0x12345678, 0x9abcdef1)
  TEST_RR(30, mulhsu, 0x00000000, 0x00000002, 0x00000003)
  TEST_RR(31, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff)  // -1 * (2^32-1)
  TEST_RR(32, mulhsu, 0xc0000000, 0x80000000, 0x80000000)
  TEST_RR(33, mulhsu, 0x7ffffffe, 0x7fffffff, 0xffffffff)
  TEST_RR(34, mulhsu, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR(35, mulhsu, 0x00000000, 0x00000000, 0xffffffff)
  TEST_RR(36, mulhsu, 0xffffffff, 0xfffffffe, 0x00000003)

  // Results feed the next instruction, and rd == rs1 == rs2 works.
  li t3, 40
  li a1, 0x10001
  mulhu a2, a1, a1
  mul a3, a1, a1
  add a3, a3, a2
  li t2, 0x00020002
  bne a3, t2, fail
  li t3, 41
  li a1, -3
  mul a1, a1, a1
  li t2, 9
  bne a1, t2, fail
  // x0 destination.
  li t3, 42
  li a1, 7
  mulh x0, a1, a1
  mul x0, a1, a1
  bnez x0, fail
TEST_END
