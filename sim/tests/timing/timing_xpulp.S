// Timing of the CORE-V instructions (docs/sim.md, "CORE-V extensions"): each case
// reads mcycle around a sequence and checks the exact count (count - 1 = cycles of
// the sequence, as in timing.S). Encodings are CV32E40P v2, written with .insn/.word.
#include "sim/tests/support/test_macros.h"

#define MEASURE(n, expected, ...) \
  csrr t5, mcycle;                \
  __VA_ARGS__;                    \
  csrr t6, mcycle;                \
  sub a1, t6, t5;                 \
  addi a1, a1, -1;                \
  li a0, n;                       \
  li a2, expected;                \
  call check

#define HW(f4, L) (0x2B | (4 << 12) | ((((f4) << 1) | (L)) << 7))
#define SETUPI(L, count, endlbl) \
  9: .word HW(6, L) | ((((endlbl) - 9b) >> 2) << 15) | ((count) << 20)
#define STARTI(L, lbl) 9: .word HW(0, L) | ((((lbl) - 9b) >> 2) << 20)
#define ENDI(L, lbl) 9: .word HW(2, L) | ((((lbl) - 9b) >> 2) << 20)
#define COUNTI(L, n) .word HW(4, L) | ((n) << 20)

// cv.sdotsp.b rd, rs1, rs2 / cv.add.b / cv.clip rd, rs1, 8 / cv.mac / cv.lw rd, (rs1), 4
#define SDOTSP_B(rd, rs1, rs2) .insn r 0x7B, 1, 0x54, rd, rs1, rs2
#define ADD_B(rd, rs1, rs2) .insn r 0x7B, 1, 0x00, rd, rs1, rs2
#define MAX_SC_H(rd, rs1, rs2) .insn r 0x7B, 4, 0x18, rd, rs1, rs2
#define DOTSP_B(rd, rs1, rs2) .insn r 0x7B, 1, 0x48, rd, rs1, rs2
#define CLIP8(rd, rs1) .insn i 0x2B, 3, rd, rs1, (0x38 << 5) | 8
#define CLIPR(rd, rs1, rs2) .insn r 0x2B, 3, 0x3A, rd, rs1, rs2
#define MAC(rd, rs1, rs2) .insn r 0x2B, 3, 0x48, rd, rs1, rs2
#define LW_PI(rd, rs1, imm) .insn i 0x0B, 2, rd, rs1, imm
#define LW_PR(rd, rs1, rs2) .insn r 0x2B, 3, 0x02, rd, rs1, rs2
#define LW_RR(rd, rs1, rs2) .insn r 0x2B, 3, 0x06, rd, rs1, rs2
#define SW_PI(rs2, rs1, imm) .insn s 0x2B, 2, rs2, imm(rs1)
#define SW_PR(rs2, rs1, rs3) .insn r 0x2B, 3, 0x12, rs3, rs1, rs2

  .data
  .align 4
buf:
  .fill 64, 4, 0x01020304

  .text
  .option norelax
  .globl main
main:
  addi sp, sp, -16
  sw ra, 12(sp)
  sw s0, 8(sp)
  sw s1, 4(sp)
  sw s2, 0(sp)
  li s1, 0
  la s0, buf
  li s2, 4

  // SIMD, dot products, clip, MAC: 1 cycle each, also back to back on one accumulator.
  MEASURE(1, 4, ADD_B(a3, a4, a5); MAX_SC_H(a3, a4, a5); DOTSP_B(a3, a4, a5); CLIP8(a3, a4))
  MEASURE(2, 4, SDOTSP_B(a3, a4, a5); SDOTSP_B(a3, a4, a5); SDOTSP_B(a3, a3, a5);
          MAC(a3, a3, a4))
  MEASURE(3, 2, CLIPR(a3, a4, a5); MAC(a3, a4, a5))

  // Post-increment loads/stores: 1 cycle; the incremented base is ready for the next
  // instruction; the loaded value costs +1 when used right away, like a plain load.
  mv a0, s0
  MEASURE(10, 4, LW_PI(a3, a0, 4); LW_PI(a4, a0, 4); LW_PI(a5, a0, 4); LW_PI(a6, a0, 4))
  mv a0, s0
  MEASURE(11, 3, LW_PI(a3, a0, 4); SDOTSP_B(a4, a3, a3))
  mv a0, s0
  MEASURE(12, 3, LW_PI(a3, a0, 4); LW_PI(a4, a0, 4); SDOTSP_B(a5, a3, a3))
  mv a0, s0
  MEASURE(13, 3, LW_PR(a3, a0, s2); LW_RR(a4, a0, s2); addi a5, a0, 1)
  mv a0, s0
  MEASURE(14, 4, LW_PI(a3, a0, 4); SDOTSP_B(a3, a4, a5); nop)  // rD accumulator is a use
  mv a0, s0
  addi a1, s0, 128
  MEASURE(15, 3, SW_PI(a3, a1, 4); SW_PR(a3, a1, s2); SW_PI(a3, a1, -4))

  // Hardware loops: setup instructions take 1 cycle; the jump back costs nothing.
  MEASURE(20, 31, SETUPI(0, 10, 1f); nop; nop; nop; 1:)
  MEASURE(21, 4, SETUPI(0, 1, 1f); nop; nop; nop; 1:)
  MEASURE(22, 4, SETUPI(0, 0, 1f); nop; nop; nop; 1:)
  MEASURE(23, 3 + 3 * 5, COUNTI(0, 5); ENDI(0, 2f); STARTI(0, 1f); 1: nop; nop; nop; 2:)
  // Nesting: 3 outer iterations of (inner setup + 4 x 3 + 3 instructions).
  MEASURE(24, 1 + 3 * 16, SETUPI(1, 3, 2f); SETUPI(0, 4, 1f); nop; nop; nop; 1: nop;
          nop; nop; 2:)
  // A loop body of post-increment loads and a dot product: 4 cycles per iteration
  // with the load-use cycle hidden, 3 + 1 with it exposed.
  mv a0, s0
  mv a1, s0
  MEASURE(25, 1 + 8 * 4, SETUPI(0, 8, 1f); LW_PI(a3, a0, 4); LW_PI(a4, a1, 4); nop;
          SDOTSP_B(a5, a3, a4); 1:)
  mv a0, s0
  mv a1, s0
  MEASURE(26, 1 + 8 * 4, SETUPI(0, 8, 1f); LW_PI(a3, a0, 4); LW_PI(a4, a1, 4);
          SDOTSP_B(a5, a3, a4); 1:)

  mv a0, s1
  lw s2, 0(sp)
  lw s1, 4(sp)
  lw s0, 8(sp)
  lw ra, 12(sp)
  addi sp, sp, 16
  ret

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
