// bench/xpulp: int8 dot-product throughput of one kiln-sim core (MACs per cycle,
// measured with mcycle): a plain C loop, a hardware loop of post-increment loads and
// cv.sdotsp.b, and a 4x2 register-blocked matrix-matrix kernel (4 output channels x
// 2 pixels: 6 loads + 8 cv.sdotsp.b = 32 MACs per 14 instructions). All three compute
// the same products and are checked against each other. Exit 1 if a result differs
// or a kernel misses its goal (SIMD loop >= 1.2, blocked >= 2.0 MAC/cycle).
#include <stdint.h>
#include <stdio.h>

#include "runtime/platform/pulp/xpulp.h"

enum {
  kK = 256,       // reduction length (bytes per row)
  kChannels = 16, // output channels (weight rows)
  kPixels = 8,    // activation rows
};

static int8_t weights[kChannels][kK] __attribute__((aligned(4)));
static int8_t acts[kPixels][kK] __attribute__((aligned(4)));
static int32_t out_c[kChannels][kPixels];
static int32_t out_simd[kChannels][kPixels];
static int32_t out_blocked[kChannels][kPixels];

static inline uint32_t Cycles(void) {
  uint32_t c;
  __asm__ volatile("csrr %0, mcycle" : "=r"(c));
  return c;
}

__attribute__((noinline)) static int32_t DotC(const int8_t *a, const int8_t *b, int n) {
  int32_t sum = 0;
  for (int i = 0; i < n; i++) sum += a[i] * b[i];
  return sum;
}

// n bytes, a multiple of 8: two words of each operand per iteration, so each
// cv.sdotsp.b is two instructions after its loads (no load-use stall).
__attribute__((noinline)) static int32_t DotSimd(const int8_t *a, const int8_t *b, int n) {
  int32_t sum = 0;
  uint32_t a0, b0, a1, b1;
  int iters = n / 8;
  __asm__ volatile(XPULP_SETUP(0, "%[n]", "1f")
                   XPULP_ASM_LW_PI("%[a0]", "%[pa]", 4)
                   XPULP_ASM_LW_PI("%[b0]", "%[pb]", 4)
                   XPULP_ASM_LW_PI("%[a1]", "%[pa]", 4)
                   XPULP_ASM_LW_PI("%[b1]", "%[pb]", 4)
                   XPULP_ASM_SDOTSP_B("%[s]", "%[a0]", "%[b0]")
                   XPULP_ASM_SDOTSP_B("%[s]", "%[a1]", "%[b1]")
                   "1:\n"
                   : [s] "+r"(sum), [pa] "+r"(a), [pb] "+r"(b), [a0] "=&r"(a0),
                     [b0] "=&r"(b0), [a1] "=&r"(a1), [b1] "=&r"(b1)
                   : [n] "r"(iters)
                   : "memory");
  return sum;
}

// out[c..c+3][p..p+1]: 4 weight rows x 2 activation rows, K / 4 iterations of
// 2 + 4 loads (into t0-t5: an asm statement has at most 30 operands) and 8
// accumulations.
__attribute__((noinline)) static void Block4x2(const int8_t *w, const int8_t *x, int k,
                                               int32_t acc[8]) {
  const int8_t *w0 = w, *w1 = w + kK, *w2 = w + 2 * kK, *w3 = w + 3 * kK;
  const int8_t *x0 = x, *x1 = x + kK;
  int32_t s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
  int iters = k / 4;
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
                   : [s00] "+r"(s00), [s01] "+r"(s01), [s10] "+r"(s10), [s11] "+r"(s11),
                     [s20] "+r"(s20), [s21] "+r"(s21), [s30] "+r"(s30), [s31] "+r"(s31),
                     [w0] "+r"(w0), [w1] "+r"(w1), [w2] "+r"(w2), [w3] "+r"(w3),
                     [x0] "+r"(x0), [x1] "+r"(x1)
                   : [n] "r"(iters)
                   : "t0", "t1", "t2", "t3", "t4", "t5", "memory");
  acc[0] = s00; acc[1] = s01; acc[2] = s10; acc[3] = s11;
  acc[4] = s20; acc[5] = s21; acc[6] = s30; acc[7] = s31;
}

static void PrintRate(const char *name, uint32_t macs, uint32_t cycles) {
  uint32_t centi = (uint32_t)(((uint64_t)macs * 100 + cycles / 2) / cycles);
  printf("| %-40s | %7lu | %7lu | %6lu.%02lu |\n", name, (unsigned long)macs,
         (unsigned long)cycles, (unsigned long)(centi / 100), (unsigned long)(centi % 100));
}

static uint32_t Centi(uint32_t macs, uint32_t cycles) {
  return (uint32_t)((uint64_t)macs * 100 / cycles);
}

int main(void) {
  uint32_t seed = 12345;
  for (int c = 0; c < kChannels; c++) {
    for (int i = 0; i < kK; i++) {
      seed = seed * 1103515245u + 12345u;
      weights[c][i] = (int8_t)(seed >> 16);
    }
  }
  for (int p = 0; p < kPixels; p++) {
    for (int i = 0; i < kK; i++) {
      seed = seed * 1103515245u + 12345u;
      acts[p][i] = (int8_t)(seed >> 16);
    }
  }
  const uint32_t macs = kChannels * kPixels * kK;

  uint32_t t0 = Cycles();
  for (int c = 0; c < kChannels; c++) {
    for (int p = 0; p < kPixels; p++) out_c[c][p] = DotC(weights[c], acts[p], kK);
  }
  uint32_t t_c = Cycles() - t0;

  t0 = Cycles();
  for (int c = 0; c < kChannels; c++) {
    for (int p = 0; p < kPixels; p++) out_simd[c][p] = DotSimd(weights[c], acts[p], kK);
  }
  uint32_t t_simd = Cycles() - t0;

  int32_t acc[8];
  t0 = Cycles();
  for (int c = 0; c < kChannels; c += 4) {
    for (int p = 0; p < kPixels; p += 2) {
      Block4x2(weights[c], acts[p], kK, acc);
      for (int i = 0; i < 4; i++) {
        out_blocked[c + i][p] = acc[2 * i];
        out_blocked[c + i][p + 1] = acc[2 * i + 1];
      }
    }
  }
  uint32_t t_blocked = Cycles() - t0;

  int errors = 0;
  for (int c = 0; c < kChannels; c++) {
    for (int p = 0; p < kPixels; p++) {
      errors += out_simd[c][p] != out_c[c][p];
      errors += out_blocked[c][p] != out_c[c][p];
    }
  }
  printf("int8 dot products, %d x %d outputs, K = %d, one core\n", kChannels, kPixels, kK);
  printf("| %-40s | %7s | %7s | %s |\n", "kernel", "MACs", "cycles", "MAC/cycle");
  printf("|------------------------------------------|---------|---------|-----------|\n");
  PrintRate("plain C loop (-O2, rv32im)", macs, t_c);
  PrintRate("hwloop + cv.lw post-inc + cv.sdotsp.b", macs, t_simd);
  PrintRate("4x2 blocked (hwloop, 6 loads, 8 sdotsp)", macs, t_blocked);
  int ok = errors == 0 && Centi(macs, t_simd) >= 120 && Centi(macs, t_blocked) >= 200;
  printf("results %s, goals (SIMD >= 1.20, blocked >= 2.00) %s\n",
         errors ? "DIFFER" : "match", ok ? "met" : "NOT MET");
  return ok ? 0 : 1;
}
