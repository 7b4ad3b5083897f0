// Divisions of RV32M: DIV DIVU REM REMU, including division by zero (quotient all
// ones, remainder = dividend) and the signed overflow INT_MIN / -1.
#include "sim/tests/support/test_macros.h"
TEST_BEGIN
  TEST_RR(1, div, 3, 20, 6)
  TEST_RR(2, div, -3, -20, 6)
  TEST_RR(3, div, -3, 20, -6)
  TEST_RR(4, div, 3, -20, -6)
  TEST_RR(5, div, 0, 5, 7)
  TEST_RR(6, div, 0x80000000, 0x80000000, 1)
  TEST_RR(7, div, 0x80000000, 0x80000000, -1)  // overflow
  TEST_RR(8, div, -1, 0, 0)                    // by zero
  TEST_RR(9, div, -1, -5, 0)
  TEST_RR(10, div, -1, 0x80000000, 0)
  TEST_RR(11, div, 1, 0x80000000, 0x80000000)
  TEST_RR(12, div, -0x7fffffff, 0x7fffffff, -1)
  TEST_RR(20, divu, 3, 20, 6)
  TEST_RR(21, divu, 0x2aaaaaa7, 0xffffffec, 6)
  TEST_RR(22, divu, 0, 20, 0xfffffffa)
  TEST_RR(23, divu, 0xffffffff, 0, 0)          // by zero
  TEST_RR(24, divu, 0xffffffff, 0x12345, 0)
  TEST_RR(25, divu, 1, 0xffffffff, 0xffffffff)
  TEST_RR(26, divu, 0xffffffff, 0xffffffff, 1)
  TEST_RR(27, divu, 0, 0x7fffffff, 0x80000000)
  TEST_RR(30, rem, 2, 20, 6)
  TEST_RR(31, rem, -2, -20, 6)
  TEST_RR(32, rem, 2, 20, -6)
  TEST_RR(33, rem, -2, -20, -6)
  TEST_RR(34, rem, 0, 0x80000000, -1)          // overflow: remainder 0
  TEST_RR(35, rem, 7, 7, 0)                    // by zero: dividend
  TEST_RR(36, rem, -7, -7, 0)
  TEST_RR(37, rem, 0, 0x80000000, 0x80000000)
  TEST_RR(38, rem, 0x80000001, 0x80000001, 0x80000000) // |a| < |b|: a
  TEST_RR(40, remu, 2, 20, 6)
  TEST_RR(41, remu, 2, 0xffffffec, 6)
  TEST_RR(42, remu, 20, 20, 0xfffffffa)
  TEST_RR(43, remu, 0x12345, 0x12345, 0)       // by zero
  TEST_RR(44, remu, 0, 0xffffffff, 0xffffffff)
  TEST_RR(45, remu, 0x7fffffff, 0xffffffff, 0x80000000)
  TEST_RR(46, remu, 0, 0xffffffff, 1)

  // A chain of dependent divides, and rd == rs1.
  li t3, 50
  li a1, 1000000
  li a2, 10
  divu a1, a1, a2
  divu a1, a1, a2
  rem a3, a1, a2
  li t2, 10000
  bne a1, t2, fail
  bnez a3, fail
  li t3, 51
  div x0, a1, a2
  bnez x0, fail
TEST_END
