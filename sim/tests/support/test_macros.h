// Assembly helpers of the self-checking ISA and timing tests (included by .S files).
// Register use: t3 (x28) holds the current test number; a test fails by jumping to
// `fail`, which prints the number and exits with 1. Tests never touch ra, sp, gp or
// tp, so `main` can return to crt0 on success.
#ifndef KILN_SIM_TESTS_SUPPORT_TEST_MACROS_H_
#define KILN_SIM_TESTS_SUPPORT_TEST_MACROS_H_

#define TEST_BEGIN \
  .text;           \
  .globl main;     \
  .type main, @function; \
  main:

// Every test file ends with TEST_END: success returns 0 from main.
#define TEST_END     \
  li a0, 0;          \
  ret;               \
  fail:              \
  mv a0, t3;         \
  call kiln_test_fail; \
  .size main, . - main

// rd = op(rs1_val, rs2_val) on a3 <- a1, a2.
#define TEST_RR(n, op, expect, v1, v2) \
  li t3, n;                            \
  li a1, v1;                           \
  li a2, v2;                           \
  op a3, a1, a2;                       \
  li t2, expect;                       \
  bne a3, t2, fail

// rd = op(rs1_val, imm).
#define TEST_RI(n, op, expect, v1, imm) \
  li t3, n;                             \
  li a1, v1;                            \
  op a3, a1, imm;                       \
  li t2, expect;                        \
  bne a3, t2, fail

// Checks that register `reg` holds `expect`.
#define CHECK(n, reg, expect) \
  li t3, n;                   \
  li t2, expect;              \
  bne reg, t2, fail

#endif  // KILN_SIM_TESTS_SUPPORT_TEST_MACROS_H_
