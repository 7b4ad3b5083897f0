// Timing microbenchmarks: each case reads mcycle around a code sequence and checks
// that it takes exactly the cycles of the timing table in docs/sim.md. The count
// between two `csrr mcycle` is the sequence's cycles plus 1 (the first csrr).
#include "sim/tests/support/test_macros.h"

  .data
  .align 4
buf:
  .word 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
ptr:
  .word 0

// MEASURE(n, expected cycles, instructions...): setup goes before the macro; the
// report call clobbers caller-saved registers, so operands live in s2/s3.
#define MEASURE(n, expected, ...) \
  csrr t5, mcycle;                \
  __VA_ARGS__;                    \
  csrr t6, mcycle;                \
  sub a1, t6, t5;                 \
  addi a1, a1, -1;                \
  li a0, n;                       \
  li a2, expected;                \
  call check

  .text
  .globl main
main:
  addi sp, sp, -16
  sw ra, 12(sp)
  sw s0, 8(sp)
  sw s1, 4(sp)
  sw s2, 0(sp)
  addi sp, sp, -16
  sw s3, 12(sp)
  li s1, 0                      // mismatches
  la s0, buf

  // Straight-line ALU code: 1 cycle each.
  MEASURE(1, 10, nop; nop; nop; nop; nop; nop; nop; nop; nop; nop)
  MEASURE(2, 4, addi a3, a3, 1; addi a3, a3, 1; add a4, a3, a3; sub a5, a4, a3)

  // Loads back to back: 1 cycle each (one per cycle from single-cycle memory).
  MEASURE(10, 8, lw a3, 0(s0); lw a4, 4(s0); lw a5, 8(s0); lw a6, 12(s0);
          lw a3, 16(s0); lw a4, 20(s0); lw a5, 24(s0); lw a6, 28(s0))
  MEASURE(11, 4, lb a3, 0(s0); lbu a4, 1(s0); lh a5, 2(s0); lhu a6, 4(s0))
  // Load-use: +1 cycle when the next instruction reads the loaded register.
  MEASURE(12, 3, lw a3, 0(s0); add a4, a3, a3)
  MEASURE(13, 3, lw a3, 0(s0); sw a3, 32(s0))        // store data is a use
  sw s0, 64(s0)                                        // ptr = &buf
  MEASURE(14, 3, lw a3, 64(s0); lw a4, 0(a3))         // so is an address
  MEASURE(15, 3, lw a3, 0(s0); nop; add a4, a3, a3)   // one instruction between: none
  MEASURE(16, 6, lw a3, 0(s0); add a4, a3, a3; lw a5, 4(s0); add a6, a5, a5)
  MEASURE(17, 2, lw x0, 0(s0); add a4, x0, x0)        // x0 never waits
  // Stores: 1 cycle each; a load right after a store is not delayed.
  MEASURE(18, 4, sw a3, 32(s0); sw a4, 36(s0); sh a3, 40(s0); sb a4, 44(s0))
  MEASURE(19, 2, sw a3, 32(s0); lw a4, 32(s0))

  // Branches: taken 3 cycles, not taken 1.
  MEASURE(20, 3, beq x0, x0, 1f; 1:)
  MEASURE(21, 1, bne x0, x0, 1f; 1:)
  li s2, 5
  li s3, 5
  MEASURE(22, 3, bge s2, s3, 1f; 1:)
  MEASURE(23, 1, blt s2, s3, 1f; 1:)
  MEASURE(24, 4, beq x0, x0, 1f; nop; nop; 1: nop)     // skipped code costs nothing
  // A 10-iteration loop: 10 addi, 9 taken + 1 not-taken branch.
  li s2, 10
  MEASURE(25, 38, 1: addi s2, s2, -1; bnez s2, 1b)
  // Branch on a loaded value: load-use + taken branch.
  MEASURE(26, 5, lw s2, 0(s0); bnez s2, 1f; 1:)

  // Jumps: 2 cycles.
  MEASURE(30, 2, j 1f; 1:)
  MEASURE(31, 2, jal s2, 1f; 1:)
  la s2, 2f
  MEASURE(32, 2, jalr s3, 0(s2); 2:)
  la s2, 3f
  sw s2, 48(s0)
  MEASURE(33, 4, lw s3, 48(s0); jr s3; 3:)             // load-use + jump
  la s2, 4f
  MEASURE(34, 3, addi s3, s2, 0; jr s3; 4:)             // ALU -> JALR: no stall

  // Multiply: MUL 1 cycle, MULH/MULHSU/MULHU 5.
  li s2, 12345
  li s3, -678
  MEASURE(40, 1, mul a5, s2, s3)
  MEASURE(41, 4, mul a5, s2, s3; mul a6, a5, s3; mul a5, a6, a6; mul a6, a5, s2)
  MEASURE(42, 5, mulh a5, s2, s3)
  MEASURE(43, 5, mulhsu a5, s2, s3)
  MEASURE(44, 5, mulhu a5, s2, s3)
  MEASURE(45, 11, mulh a5, s2, s3; add a6, a5, a5; mulhu a5, a6, s2)
  MEASURE(46, 7, lw a5, 0(s0); mulh a6, a5, a5)         // load-use before MULH

  // Divide/remainder: 3 + clz(|divisor|) cycles, clz(0) = 32.
  li s2, 1000000
  li s3, 0
  MEASURE(50, 35, div a5, s2, s3)
  MEASURE(51, 35, remu a5, s2, s3)
  li s3, 1
  MEASURE(52, 34, divu a5, s2, s3)
  li s3, -1
  MEASURE(53, 34, div a5, s2, s3)                       // |-1| = 1
  MEASURE(54, 3, divu a5, s2, s3)                       // 0xffffffff
  li s3, 0x80000000
  MEASURE(55, 3, div a5, s2, s3)
  MEASURE(56, 3, remu a5, s2, s3)
  li s3, 7
  MEASURE(57, 32, rem a5, s2, s3)
  li s3, 0x10000
  MEASURE(58, 18, divu a5, s2, s3)
  li s3, -3
  MEASURE(59, 33, rem a5, s2, s3)
  li s3, 0x100
  MEASURE(60, 26, remu a5, s2, s3)
  MEASURE(61, 52, remu a5, s2, s3; divu a6, a5, s3)     // 26 + 26

  // CSR accesses: 1 cycle. FENCE: 1 cycle; FENCE.I refetches like a taken branch.
  MEASURE(70, 3, csrr a5, mcycle; csrr a6, minstret; csrr a5, mhartid)
  MEASURE(71, 1, fence)
  MEASURE(72, 3, fence.i)

  mv a0, s1
  lw s3, 12(sp)
  addi sp, sp, 16
  lw s2, 0(sp)
  lw s1, 4(sp)
  lw s0, 8(sp)
  lw ra, 12(sp)
  addi sp, sp, 16
  ret

// check(test, measured, expected): reports one case and counts mismatches in s1.
check:
  addi sp, sp, -16
  sw ra, 12(sp)
  sw a1, 8(sp)
  sw a2, 4(sp)
  call kiln_timing_report
  lw a1, 8(sp)
  lw a2, 4(sp)
  beq a1, a2, 1f
  addi s1, s1, 1
1:
  lw ra, 12(sp)
  addi sp, sp, 16
  ret
