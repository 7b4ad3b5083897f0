// CORE-V hardware loops (CV32E40P v2 encodings, written as .word/.insn): cv.setupi,
// cv.setup, the long forms cv.starti/endi/counti/start/end/count, nesting of loop 1
// around loop 0, 3-instruction bodies, counts of 0 and 1, loads/stores and
// post-increment loads in bodies, and a loop re-entered by the outer loop.
#include "sim/tests/support/test_macros.h"

// Encodings (custom-1 = 0x2B, funct3 100, rd field = funct4:L).
#define HW(f4, L) (0x2B | (4 << 12) | ((((f4) << 1) | (L)) << 7))
#define SETUPI(L, count, endlbl) \
  9: .word HW(6, L) | ((((endlbl) - 9b) >> 2) << 15) | ((count) << 20)
#define STARTI(L, lbl) 9: .word HW(0, L) | ((((lbl) - 9b) >> 2) << 20)
#define ENDI(L, lbl) 9: .word HW(2, L) | ((((lbl) - 9b) >> 2) << 20)
#define COUNTI(L, n) .word HW(4, L) | ((n) << 20)
// Register forms for loop 0: the rd field funct4:0 is x2 (start), x6 (end), x10 (count).
#define START0(rs1) .insn i 0x2B, 4, x2, rs1, 0
#define END0(rs1) .insn i 0x2B, 4, x6, rs1, 0
#define COUNT0(rs1) .insn i 0x2B, 4, x10, rs1, 0
#define SETUP_W(L, rs1num, endlbl) \
  9: .word HW(7, L) | ((rs1num) << 15) | ((((endlbl) - 9b) >> 2) << 20)

  .data
  .align 4
arr:
  .word 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
  .option norelax

TEST_BEGIN
  // 1: setupi, 3-instruction body, 10 iterations.
  li t3, 1
  li a1, 0
  li a2, 0
  SETUPI(0, 10, 1f)
  addi a1, a1, 1
  addi a2, a2, 2
  addi a1, a1, 1
1:
  CHECK(1, a1, 20)
  CHECK(2, a2, 20)

  // 3: count 1 and count 0 both run the body once.
  li a1, 0
  SETUPI(0, 1, 1f)
  addi a1, a1, 1
  nop
  nop
1:
  CHECK(3, a1, 1)
  li a1, 0
  SETUPI(0, 0, 1f)
  addi a1, a1, 1
  nop
  nop
1:
  CHECK(4, a1, 1)

  // 5: cv.setup with a register count (a5 = x15), loads in the body.
  li a5, 16
  la a0, arr
  li a1, 0
  SETUP_W(0, 15, 1f)
  lw a2, 0(a0)
  addi a0, a0, 4
  add a1, a1, a2
1:
  CHECK(5, a1, 136)

  // 6: post-increment loads in a 3-instruction body (cv.lw a2, (a0), 4).
  la a0, arr
  li a1, 0
  SETUPI(0, 16, 1f)
  .insn i 0x0B, 2, a2, a0, 4
  nop
  add a1, a1, a2
1:
  CHECK(6, a1, 136)

  // 7: nesting: loop 1 (outer, 5 iterations) sets up loop 0 (inner, 4) each time.
  li a1, 0
  li a2, 0
  SETUPI(1, 5, 2f)
  SETUPI(0, 4, 1f)
  addi a1, a1, 1
  nop
  nop
1:
  addi a2, a2, 1
  nop
  nop
2:
  CHECK(7, a1, 20)
  CHECK(8, a2, 5)

  // 9: nesting with inner counts from a register, outer count 1, inner 3.
  li a1, 0
  li t0, 3
  SETUPI(1, 1, 2f)
  SETUP_W(0, 5, 1f)
  addi a1, a1, 1
  addi a1, a1, 1
  addi a1, a1, 1
1:
  nop
  nop
  nop
2:
  CHECK(9, a1, 9)

  // 10: long forms: starti/endi/counti, then start/end/count from registers.
  li a1, 0
  STARTI(0, 3f)
  ENDI(0, 4f)
  COUNTI(0, 7)
  nop
  nop
  nop
3:
  addi a1, a1, 1
  nop
  nop
4:
  CHECK(10, a1, 7)
  li a1, 0
  la t0, 3f
  la t1, 4f
  li t2, 6
  START0(t0)
  END0(t1)
  COUNT0(t2)
  nop
  nop
  nop
3:
  addi a1, a1, 3
  nop
  nop
  nop
4:
  CHECK(11, a1, 18)

  // 12: loop 1 alone (loop 0 exhausted): 4 iterations.
  li a1, 0
  SETUPI(1, 4, 1f)
  addi a1, a1, 1
  addi a1, a1, 1
  addi a1, a1, 1
1:
  CHECK(12, a1, 12)

  // 13: a body that ends with a store and a long body (8 instructions).
  la a0, arr
  li a1, 0
  SETUPI(0, 4, 1f)
  addi a1, a1, 1
  addi a1, a1, 1
  addi a1, a1, 1
  addi a1, a1, 1
  addi a1, a1, 1
  addi a1, a1, 1
  addi a1, a1, 1
  sw a1, 0(a0)
1:
  lw a2, 0(a0)
  CHECK(13, a2, 28)

  // 14: a taken branch inside the body (not the last instruction) and a loop that is
  // left early by a branch: the count is reset by the next setup.
  li a1, 0
  li a2, 0
  SETUPI(0, 6, 1f)
  addi a1, a1, 1
  andi a3, a1, 1
  beqz a3, 5f
  addi a2, a2, 1
5:
  nop
1:
  CHECK(14, a1, 6)
  CHECK(15, a2, 3)
TEST_END
