// Register-register ALU instructions of RV32I: ADD SUB SLL SLT SLTU XOR SRL SRA OR
// AND, with overflow, sign and shift-amount corners (shifts use rs2[4:0] only).
#include "sim/tests/support/test_macros.h"
TEST_BEGIN
  TEST_RR(1, add, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, add, 0x00000003, 0x00000001, 0x00000002)
  TEST_RR(3, add, 0x80000000, 0x7fffffff, 0x00000001)  // signed overflow wraps
  TEST_RR(4, add, 0x00000000, 0xffffffff, 0x00000001)
  TEST_RR(5, add, 0xfffffffe, 0xffffffff, 0xffffffff)
  TEST_RR(6, sub, 0x00000000, 0x00000005, 0x00000005)
  TEST_RR(7, sub, 0xffffffff, 0x00000000, 0x00000001)
  TEST_RR(8, sub, 0x7fffffff, 0x80000000, 0x00000001)  // overflow wraps
  TEST_RR(9, sub, 0x80000001, 0x00000000, 0x7fffffff)
  TEST_RR(10, sll, 0x00000001, 0x00000001, 0)
  TEST_RR(11, sll, 0x80000000, 0x00000001, 31)
  TEST_RR(12, sll, 0x00000001, 0x00000001, 32)         // amount 32 -> 0
  TEST_RR(13, sll, 0x00000002, 0x00000001, 33)         // amount 33 -> 1
  TEST_RR(14, sll, 0x80000000, 0xffffffff, 0xffffffff) // amount -1 -> 31
  TEST_RR(15, sll, 0x21212121, 0x21212121, 0xffffffe0) // 0xffffffe0 & 31 = 0
  TEST_RR(16, slt, 0, 0x00000000, 0x00000000)
  TEST_RR(17, slt, 1, 0xffffffff, 0x00000000)
  TEST_RR(18, slt, 0, 0x00000000, 0xffffffff)
  TEST_RR(19, slt, 1, 0x80000000, 0x7fffffff)
  TEST_RR(20, slt, 0, 0x7fffffff, 0x80000000)
  TEST_RR(21, sltu, 0, 0xffffffff, 0x00000000)
  TEST_RR(22, sltu, 1, 0x00000000, 0xffffffff)
  TEST_RR(23, sltu, 0, 0x80000000, 0x7fffffff)
  TEST_RR(24, sltu, 0, 0x12345678, 0x12345678)
  TEST_RR(25, xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(26, xor, 0x00000000, 0xdeadbeef, 0xdeadbeef)
  TEST_RR(27, srl, 0x7fffffff, 0xffffffff, 1)
  TEST_RR(28, srl, 0x00000001, 0x80000000, 31)
  TEST_RR(29, srl, 0x80000000, 0x80000000, 32)         // amount 32 -> 0
  TEST_RR(30, srl, 0x00000001, 0x80000000, 0xffffffff) // amount 31
  TEST_RR(31, srl, 0x40000000, 0x80000000, 33)
  TEST_RR(32, sra, 0xffffffff, 0x80000000, 31)
  TEST_RR(33, sra, 0xc0000000, 0x80000000, 1)
  TEST_RR(34, sra, 0x3fffffff, 0x7fffffff, 1)
  TEST_RR(35, sra, 0x80000000, 0x80000000, 64)         // amount 64 -> 0
  TEST_RR(36, sra, 0xffffffff, 0x80000000, 0xffffffff)
  TEST_RR(37, sra, 0xff0f0f0f, 0xf0f0f0f0, 36)         // amount 4
  TEST_RR(38, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(39, or, 0xffffffff, 0x00000000, 0xffffffff)
  TEST_RR(40, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(41, and, 0x00000000, 0xaaaaaaaa, 0x55555555)

  // Source and destination registers may coincide.
  li t3, 50
  li a1, 13
  add a1, a1, a1
  li t2, 26
  bne a1, t2, fail
  li t3, 51
  li a1, 7
  li a2, 5
  sub a2, a1, a2
  li t2, 2
  bne a2, t2, fail
  li t3, 52
  li a1, 0x1234
  xor a1, a1, a1
  bnez a1, fail
  // x0 as a source reads 0.
  li t3, 53
  li a1, 99
  sub a3, x0, a1
  li t2, -99
  bne a3, t2, fail
  // Back-to-back dependencies forward correctly.
  li t3, 54
  li a1, 1
  add a2, a1, a1
  add a3, a2, a1
  add a4, a3, a2
  sll a5, a4, a3
  li t2, 40
  bne a5, t2, fail
TEST_END
