// Register-blocked int8 dot products of the PULP conv / fully-connected kernels
// (internal to runtime/kernels/pulp). Operands are in L1, word-aligned, and n4
// words long (the reduction length rounded up to a multiple of 4, with zero
// bytes in the tail of at least one operand). On RISC-V the inner loops are one
// hardware loop each, of post-increment word loads and cv.sdotsp.b; on other
// hosts the same sums come from plain C, so the kernels' tiling logic can be
// built and run natively.
//
// Blocks: 4 output channels x 2 pixels (8 accumulators: 6 loads + 8 sdotsp per 4
// bytes of K, 32 MACs in 14 instructions), 4x1, 1x2 and 1x1 for the remainders.
#ifndef KILN_KERNELS_PULP_DOT_S8_H_
#define KILN_KERNELS_PULP_DOT_S8_H_

#include <stdint.h>

#if defined(__riscv)
#include "runtime/platform/pulp/xpulp.h"
#endif

namespace kiln_pulp {

#define KILN_PULP_INLINE inline __attribute__((always_inline))

// s[c][p] += dot(w + c * ws, x_p) over n4 words, c < 4, p < 2 (s holds the start
// values: the kernels start from their per-channel constant).
KILN_PULP_INLINE void Dot4x2(const int8_t* w, int32_t ws, const int8_t* x0,
                             const int8_t* x1, int32_t n4, int32_t s[4][2]) {
  const int8_t* w0 = w;
  const int8_t* w1 = w + ws;
  const int8_t* w2 = w + 2 * ws;
  const int8_t* w3 = w + 3 * ws;
#if defined(__riscv)
  int32_t s00 = s[0][0], s01 = s[0][1], s10 = s[1][0], s11 = s[1][1], s20 = s[2][0],
          s21 = s[2][1], s30 = s[3][0], s31 = s[3][1];
  // The weight loads are spread so that no sdotsp waits for a load issued by the
  // instruction just before it (one stall cycle each otherwise).
  __asm__ volatile(XPULP_SETUP(0, "%[n]", "1f")
                   XPULP_ASM_LW_PI("t0", "%[x0]", 4)
                   XPULP_ASM_LW_PI("t1", "%[x1]", 4)
                   XPULP_ASM_LW_PI("t2", "%[w0]", 4)
                   XPULP_ASM_LW_PI("t3", "%[w1]", 4)
                   XPULP_ASM_SDOTSP_B("%[s00]", "t2", "t0")
                   XPULP_ASM_SDOTSP_B("%[s01]", "t2", "t1")
                   XPULP_ASM_LW_PI("t4", "%[w2]", 4)
                   XPULP_ASM_SDOTSP_B("%[s10]", "t3", "t0")
                   XPULP_ASM_SDOTSP_B("%[s11]", "t3", "t1")
                   XPULP_ASM_LW_PI("t5", "%[w3]", 4)
                   XPULP_ASM_SDOTSP_B("%[s20]", "t4", "t0")
                   XPULP_ASM_SDOTSP_B("%[s21]", "t4", "t1")
                   XPULP_ASM_SDOTSP_B("%[s30]", "t5", "t0")
                   XPULP_ASM_SDOTSP_B("%[s31]", "t5", "t1")
                   "1:\n"
                   : [s00] "+r"(s00), [s01] "+r"(s01), [s10] "+r"(s10),
                     [s11] "+r"(s11), [s20] "+r"(s20), [s21] "+r"(s21),
                     [s30] "+r"(s30), [s31] "+r"(s31), [w0] "+r"(w0),
                     [w1] "+r"(w1), [w2] "+r"(w2), [w3] "+r"(w3), [x0] "+r"(x0),
                     [x1] "+r"(x1)
                   : [n] "r"(n4)
                   : "t0", "t1", "t2", "t3", "t4", "t5", "memory");
  s[0][0] = s00;
  s[0][1] = s01;
  s[1][0] = s10;
  s[1][1] = s11;
  s[2][0] = s20;
  s[2][1] = s21;
  s[3][0] = s30;
  s[3][1] = s31;
#else
  const int8_t* wr[4] = {w0, w1, w2, w3};
  for (int c = 0; c < 4; ++c) {
    uint32_t a = (uint32_t)s[c][0], b = (uint32_t)s[c][1];
    for (int32_t k = 0; k < 4 * n4; ++k) {
      a += (uint32_t)((int32_t)wr[c][k] * x0[k]);
      b += (uint32_t)((int32_t)wr[c][k] * x1[k]);
    }
    s[c][0] = (int32_t)a;
    s[c][1] = (int32_t)b;
  }
#endif
}

// s[c] += dot(w + c * ws, x), c < 4.
KILN_PULP_INLINE void Dot4x1(const int8_t* w, int32_t ws, const int8_t* x,
                             int32_t n4, int32_t s[4]) {
  const int8_t* w0 = w;
  const int8_t* w1 = w + ws;
  const int8_t* w2 = w + 2 * ws;
  const int8_t* w3 = w + 3 * ws;
#if defined(__riscv)
  int32_t s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
  __asm__ volatile(XPULP_SETUP(0, "%[n]", "1f")
                   XPULP_ASM_LW_PI("t0", "%[x]", 4)
                   XPULP_ASM_LW_PI("t1", "%[w0]", 4)
                   XPULP_ASM_LW_PI("t2", "%[w1]", 4)
                   XPULP_ASM_LW_PI("t3", "%[w2]", 4)
                   XPULP_ASM_SDOTSP_B("%[s0]", "t1", "t0")
                   XPULP_ASM_LW_PI("t4", "%[w3]", 4)
                   XPULP_ASM_SDOTSP_B("%[s1]", "t2", "t0")
                   XPULP_ASM_SDOTSP_B("%[s2]", "t3", "t0")
                   XPULP_ASM_SDOTSP_B("%[s3]", "t4", "t0")
                   "1:\n"
                   : [s0] "+r"(s0), [s1] "+r"(s1), [s2] "+r"(s2), [s3] "+r"(s3),
                     [w0] "+r"(w0), [w1] "+r"(w1), [w2] "+r"(w2), [w3] "+r"(w3),
                     [x] "+r"(x)
                   : [n] "r"(n4)
                   : "t0", "t1", "t2", "t3", "t4", "memory");
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
#else
  const int8_t* wr[4] = {w0, w1, w2, w3};
  for (int c = 0; c < 4; ++c) {
    uint32_t a = (uint32_t)s[c];
    for (int32_t k = 0; k < 4 * n4; ++k) a += (uint32_t)((int32_t)wr[c][k] * x[k]);
    s[c] = (int32_t)a;
  }
#endif
}

// s[p] += dot(w, x_p), p < 2.
KILN_PULP_INLINE void Dot1x2(const int8_t* w, const int8_t* x0, const int8_t* x1,
                             int32_t n4, int32_t s[2]) {
#if defined(__riscv)
  int32_t s0 = s[0], s1 = s[1];
  __asm__ volatile(XPULP_SETUP(0, "%[n]", "1f")
                   XPULP_ASM_LW_PI("t0", "%[w]", 4)
                   XPULP_ASM_LW_PI("t1", "%[x0]", 4)
                   XPULP_ASM_LW_PI("t2", "%[x1]", 4)
                   XPULP_ASM_SDOTSP_B("%[s0]", "t0", "t1")
                   XPULP_ASM_SDOTSP_B("%[s1]", "t0", "t2")
                   "1:\n"
                   : [s0] "+r"(s0), [s1] "+r"(s1), [w] "+r"(w), [x0] "+r"(x0),
                     [x1] "+r"(x1)
                   : [n] "r"(n4)
                   : "t0", "t1", "t2", "memory");
  s[0] = s0;
  s[1] = s1;
#else
  uint32_t a = (uint32_t)s[0], b = (uint32_t)s[1];
  for (int32_t k = 0; k < 4 * n4; ++k) {
    a += (uint32_t)((int32_t)w[k] * x0[k]);
    b += (uint32_t)((int32_t)w[k] * x1[k]);
  }
  s[0] = (int32_t)a;
  s[1] = (int32_t)b;
#endif
}

// s0 + dot(w, x).
KILN_PULP_INLINE int32_t Dot1x1(const int8_t* w, const int8_t* x, int32_t n4,
                                int32_t s0) {
#if defined(__riscv)
  __asm__ volatile(XPULP_SETUP(0, "%[n]", "1f")
                   XPULP_ASM_LW_PI("t0", "%[w]", 4)
                   XPULP_ASM_LW_PI("t1", "%[x]", 4)
                   "nop\n"
                   XPULP_ASM_SDOTSP_B("%[s0]", "t0", "t1")
                   "1:\n"
                   : [s0] "+r"(s0), [w] "+r"(w), [x] "+r"(x)
                   : [n] "r"(n4)
                   : "t0", "t1", "memory");
  return s0;
#else
  uint32_t a = (uint32_t)s0;
  for (int32_t k = 0; k < 4 * n4; ++k) a += (uint32_t)((int32_t)w[k] * x[k]);
  return (int32_t)a;
#endif
}

// Sum of the n4 * 4 signed bytes at x (word-aligned).
KILN_PULP_INLINE int32_t SumBytes(const int8_t* x, int32_t n4) {
#if defined(__riscv)
  int32_t s = 0;
  const uint32_t* p = (const uint32_t*)(const void*)x;
  for (int32_t i = 0; i < n4; ++i) s = xpulp_sdotsp_b(s, p[i], 0x01010101u);
  return s;
#else
  int32_t s = 0;
  for (int32_t k = 0; k < 4 * n4; ++k) s += x[k];
  return s;
#endif
}

}  // namespace kiln_pulp

#endif  // KILN_KERNELS_PULP_DOT_S8_H_
