// Loads and stores of RV32I: LB LH LW LBU LHU SB SH SW at every legal byte offset,
// sign and zero extension, store-to-load ordering and a load into x0.
#include "sim/tests/support/test_macros.h"

  .data
  .align 4
buf:
  .word 0x80ff7f01, 0x8001fffe, 0x00000000, 0x00000000
  .word 0, 0, 0, 0

#define TEST_LD(n, op, expect, off) \
  li t3, n;                         \
  op a3, off(s0);                   \
  li t2, expect;                    \
  bne a3, t2, fail

TEST_BEGIN
  la s0, buf
  // bytes: 01 7f ff 80 | fe ff 01 80
  TEST_LD(1, lb, 0x00000001, 0)
  TEST_LD(2, lb, 0x0000007f, 1)
  TEST_LD(3, lb, 0xffffffff, 2)
  TEST_LD(4, lb, 0xffffff80, 3)
  TEST_LD(5, lbu, 0x000000ff, 2)
  TEST_LD(6, lbu, 0x00000080, 3)
  TEST_LD(7, lh, 0x00007f01, 0)
  TEST_LD(8, lh, 0xffff80ff, 2)
  TEST_LD(9, lhu, 0x000080ff, 2)
  TEST_LD(10, lh, 0xfffffffe, 4)
  TEST_LD(11, lhu, 0x00008001, 6)
  TEST_LD(12, lw, 0x80ff7f01, 0)
  TEST_LD(13, lw, 0x8001fffe, 4)

  // Negative offsets.
  li t3, 14
  addi s1, s0, 8
  lw a3, -4(s1)
  li t2, 0x8001fffe
  bne a3, t2, fail
  li t3, 15
  lbu a3, -1(s1)
  li t2, 0x80
  bne a3, t2, fail

  // SB at each offset only writes its byte.
  li t3, 20
  li a1, 0x11223344
  sw a1, 8(s0)
  li a2, 0xaa
  sb a2, 9(s0)
  lw a3, 8(s0)
  li t2, 0x1122aa44
  bne a3, t2, fail
  li t3, 21
  li a2, 0x1bb         // only the low byte is stored
  sb a2, 11(s0)
  lw a3, 8(s0)
  li t2, 0xbb22aa44
  bne a3, t2, fail
  li t3, 22
  sb a2, 8(s0)
  sb a2, 10(s0)
  lw a3, 8(s0)
  li t2, 0xbbbbaabb
  bne a3, t2, fail

  // SH at both halves.
  li t3, 23
  li a2, 0x12345678
  sh a2, 12(s0)
  li a2, 0xcafe
  sh a2, 14(s0)
  lw a3, 12(s0)
  li t2, 0xcafe5678
  bne a3, t2, fail

  // SW then reads back through every width.
  li t3, 24
  li a2, 0xfedcba98
  sw a2, 16(s0)
  lhu a3, 18(s0)
  li t2, 0xfedc
  bne a3, t2, fail
  li t3, 25
  lb a3, 17(s0)
  li t2, 0xffffffba
  bne a3, t2, fail

  // A load right after a store to the same address sees the stored value.
  li t3, 26
  li a2, 0x5a5a5a5a
  sw a2, 20(s0)
  lw a3, 20(s0)
  bne a3, a2, fail

  // Back-to-back loads, then a use of each.
  li t3, 27
  lw a1, 0(s0)
  lw a2, 4(s0)
  lw a4, 8(s0)
  add a5, a1, a2
  add a5, a5, a4
  li t2, 0x80ff7f01 + 0x8001fffe + 0xbbbbaabb
  bne a5, t2, fail

  // Loads into x0 are discarded.
  li t3, 28
  lw x0, 0(s0)
  bnez x0, fail
  // The base register may be the destination.
  li t3, 29
  mv a1, s0
  lw a1, 4(a1)
  li t2, 0x8001fffe
  bne a1, t2, fail
  // Store data that was just loaded (load-use into a store).
  li t3, 30
  lw a1, 0(s0)
  sw a1, 24(s0)
  lw a2, 24(s0)
  bne a1, a2, fail
  // Address computed by the instruction just before the load.
  li t3, 31
  addi a1, s0, 4
  lw a2, 0(a1)
  li t2, 0x8001fffe
  bne a2, t2, fail
TEST_END
