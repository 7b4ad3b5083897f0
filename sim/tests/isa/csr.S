// Zicsr on kiln-sim's CSRs: mhartid, misa, mcycle/minstret and their high halves
// and user aliases; CSRRW/RS/RC and the immediate forms. kiln-sim only (QEMU's user
// mode has no machine CSRs).
#include "sim/tests/support/test_macros.h"
TEST_BEGIN
  li t3, 1
  csrr a1, mhartid
  bnez a1, fail
  li t3, 2
  csrr a1, misa
  li t2, 0x40001100
  bne a1, t2, fail

  // mcycle counts every cycle: two adjacent reads differ by 1.
  li t3, 3
  csrr a1, mcycle
  csrr a2, mcycle
  sub a3, a2, a1
  li t2, 1
  bne a3, t2, fail
  // minstret counts retired instructions; the user aliases read the same counters.
  li t3, 4
  csrr a1, minstret
  nop
  nop
  csrr a2, instret
  sub a3, a2, a1
  li t2, 3
  bne a3, t2, fail
  li t3, 5
  csrr a1, cycle
  csrr a2, mcycle
  sub a3, a2, a1
  li t2, 1
  bne a3, t2, fail

  // A counter written by an instruction does not count that instruction's cycle or
  // retirement: the next instruction reads exactly the written value.
  li t3, 6
  li a1, 1000
  csrw mcycle, a1
  csrr a2, mcycle
  li t2, 1000
  bne a2, t2, fail
  li t3, 7
  li a1, 0xfffffffe
  csrw mcycle, a1
  csrw mcycleh, zero
  nop
  csrr a2, mcycleh         // low word wrapped once
  li t2, 1
  bne a2, t2, fail
  li t3, 8
  csrwi minstret, 5
  csrr a2, minstret
  li t2, 5
  bne a2, t2, fail
  li t3, 9
  li a1, 0x12
  csrw minstreth, a1
  csrr a2, minstreth
  li t2, 0x12
  bne a2, t2, fail
  csrr a2, instreth
  bne a2, t2, fail

  // CSRRS/CSRRC return the old value; set/clear use the mask.
  li t3, 10
  li a1, 0x100
  csrw minstret, a1        // then +1 for the li
  li a2, 0xf000
  csrrs a3, minstret, a2   // a3 = old (0x101), new = 0x101 | 0xf000
  csrr a4, minstret
  li t2, 0x101
  bne a3, t2, fail
  li t2, 0xf101
  bne a4, t2, fail
  li t3, 11
  li a1, 0xffff
  csrw minstret, a1
  csrrci a3, minstret, 0x1f // returns the old value
  li t2, 0xffff
  bne a3, t2, fail
  li t3, 12
  li a1, 0xff
  csrw minstret, a1
  csrrc a3, minstret, zero // rs1 = x0: read only, no write
  li t2, 0xff
  bne a3, t2, fail
  li t3, 13
  li a1, 0xf0
  csrw minstret, a1
  csrrsi a3, minstret, 0x7 // new value 0xf0 | 7
  csrr a4, minstret
  li t2, 0xf7
  bne a4, t2, fail
  li t3, 14
  li a1, 0x55
  csrrw a3, mcycle, a1     // returns old mcycle, writes 0x55
  csrr a4, mcycle
  li t2, 0x55
  bne a4, t2, fail
  li t3, 15
  csrrwi x0, mcycle, 9     // rd = x0 still writes
  csrr a4, mcycle
  li t2, 9
  bne a4, t2, fail
  // Reading a read-only CSR with CSRRS rs1 = x0 is legal.
  li t3, 16
  csrrs a1, mhartid, x0
  bnez a1, fail
TEST_END
