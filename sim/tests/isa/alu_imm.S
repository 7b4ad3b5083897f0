// Register-immediate ALU instructions and upper immediates of RV32I: ADDI SLTI
// SLTIU XORI ORI ANDI SLLI SRLI SRAI LUI AUIPC, with sign-extension corners.
#include "sim/tests/support/test_macros.h"
TEST_BEGIN
  TEST_RI(1, addi, 0x00000000, 0x00000000, 0)
  TEST_RI(2, addi, 0x00000800, 0x00000fff, -2047)
  TEST_RI(3, addi, 0xfffff800, 0x00000000, -2048)
  TEST_RI(4, addi, 0x000007ff, 0x00000000, 2047)
  TEST_RI(5, addi, 0x80000000, 0x7fffffff, 1)
  TEST_RI(6, addi, 0x7fffffff, 0x80000000, -1)
  TEST_RI(7, slti, 1, 0xffffffff, 0)
  TEST_RI(8, slti, 0, 0x00000000, -1)
  TEST_RI(9, slti, 1, 0x80000000, -2048)
  TEST_RI(10, slti, 0, 0x7fffffff, 2047)
  TEST_RI(11, sltiu, 1, 0x00000000, 1)
  TEST_RI(12, sltiu, 1, 0xfffffffe, -1)                // imm -1 is 0xffffffff
  TEST_RI(13, sltiu, 0, 0xffffffff, -1)
  TEST_RI(14, sltiu, 0, 0x00000001, 0)
  TEST_RI(15, xori, 0xffffffff, 0x00000000, -1)
  TEST_RI(16, xori, 0xff00f00f, 0x00ff0f0f, -256 + 0)  // 0xffffff00
  TEST_RI(17, xori, 0x00ff0ff0, 0x00ff0f0f, 0x0ff)
  TEST_RI(18, ori, 0xfffff80f, 0x0000000f, -2048)
  TEST_RI(19, ori, 0x123457ff, 0x12345000, 0x7ff)
  TEST_RI(20, andi, 0x00000000, 0xfffff000, 0x7ff)
  TEST_RI(21, andi, 0xfffff800, 0xffffffff, -2048)
  TEST_RI(22, slli, 0x80000000, 0x00000001, 31)
  TEST_RI(23, slli, 0x12345678, 0x12345678, 0)
  TEST_RI(24, slli, 0x45678000, 0x12345678, 12)
  TEST_RI(25, srli, 0x00000001, 0x80000000, 31)
  TEST_RI(26, srli, 0x00012345, 0x12345678, 12)
  TEST_RI(27, srai, 0xffffffff, 0x80000000, 31)
  TEST_RI(28, srai, 0xffff1234, 0xf1234567, 12)
  TEST_RI(29, srai, 0x01234567, 0x01234567, 0)

  li t3, 40
  lui a1, 0xfffff
  li t2, 0xfffff000
  bne a1, t2, fail
  li t3, 41
  lui a1, 0x80000
  srai a1, a1, 12
  li t2, 0xfff80000
  bne a1, t2, fail
  li t3, 42
  lui a1, 0
  bnez a1, fail

  // AUIPC: PC-relative; compare with a label address taken the same way.
  li t3, 43
1:
  auipc a1, 0
  la a2, 1b
  bne a1, a2, fail
  li t3, 44
2:
  auipc a1, 0x1
  la a2, 2b
  sub a1, a1, a2
  li t2, 0x1000
  bne a1, t2, fail
  li t3, 45
3:
  auipc a1, 0xfffff            // PC - 4096
  la a2, 3b
  sub a1, a2, a1
  li t2, 0x1000
  bne a1, t2, fail
TEST_END
