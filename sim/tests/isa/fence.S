// FENCE, FENCE.I and WFI: FENCE and WFI change nothing; FENCE.I makes code written
// by stores visible to fetch (self-modifying code). kiln-sim only: QEMU's user mode
// maps data without execute permission.
#include "sim/tests/support/test_macros.h"
  .data
  .align 2
code:
  .space 16
TEST_BEGIN
  li t3, 1
  li a1, 5
  fence
  fence rw, rw
  wfi
  addi a1, a1, 1
  li t2, 6
  bne a1, t2, fail

  // Write "li a0, 42; ret" into `code`, FENCE.I, call it.
  li t3, 2
  la s0, code
  li t0, 0x02a00513        // addi a0, x0, 42
  sw t0, 0(s0)
  li t0, 0x00008067        // jalr x0, 0(ra)
  sw t0, 4(s0)
  fence.i
  mv s1, ra
  jalr ra, 0(s0)
  mv ra, s1
  li t2, 42
  bne a0, t2, fail
  // Patch the immediate to 43 and call again.
  li t3, 3
  li t0, 0x02b00513        // addi a0, x0, 43
  sw t0, 0(s0)
  fence.i
  mv s1, ra
  jalr ra, 0(s0)
  mv ra, s1
  li t2, 43
  bne a0, t2, fail
TEST_END
