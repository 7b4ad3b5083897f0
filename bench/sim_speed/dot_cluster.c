// bench/sim_speed firmware: the 4x2 register-blocked int8 dot-product kernel of
// bench/xpulp (hardware loop, post-increment loads, cv.sdotsp.b), SPMD on every
// core of the cluster: 64 weight rows x 16 activation rows, K = 256, all in L1;
// core c takes the 4x2 output blocks b with b % cores == c. Rows are padded by one
// word so that the rows of a block start on different banks. Prints MAC/cycle
// (mcycle on core 0 from before the fork to after the join, DOT_REPEAT times) and a
// checksum that sim_speed.py compares between the 1-core and 8-core runs; a few
// outputs are checked against a plain C dot product.
#include <stdint.h>
#include <stdio.h>

#include "runtime/platform/pulp/cluster.h"
#include "runtime/platform/pulp/xpulp.h"

enum {
  kK = 256,
  kRow = kK + 4,  // bytes between rows (one word of padding)
  kChannels = 64,
  kPixels = 16,
  kBlocks = (kChannels / 4) * (kPixels / 2),
};
// How often the kernel runs: sim_speed.py measures MAC/cycle with the default and
// simulation speed with a long run, in which the 8 cores are busy most of the time.
#ifndef DOT_REPEAT
#define DOT_REPEAT 8
#endif
enum { kRepeat = DOT_REPEAT };

static int8_t weights[kChannels][kRow] __attribute__((section(".l1"), aligned(4)));
static int8_t acts[kPixels][kRow] __attribute__((section(".l1"), aligned(4)));
static int32_t out[kChannels][kPixels] __attribute__((section(".l1")));

// out[c..c+3][p..p+1] over K: 2 + 4 loads and 8 accumulations per 4 bytes of K.
static void block4x2(const int8_t *w, const int8_t *x, int32_t *o) {
  const int8_t *w0 = w, *w1 = w + kRow, *w2 = w + 2 * kRow, *w3 = w + 3 * kRow;
  const int8_t *x0 = x, *x1 = x + kRow;
  int32_t s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
  int iters = kK / 4;
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
  o[0] = s00;
  o[1] = s01;
  o[kPixels] = s10;
  o[kPixels + 1] = s11;
  o[2 * kPixels] = s20;
  o[2 * kPixels + 1] = s21;
  o[3 * kPixels] = s30;
  o[3 * kPixels + 1] = s31;
}

static void kernel(void *arg) {
  (void)arg;
  uint32_t id = kiln_core_id(), n = kiln_num_cores();
  for (uint32_t b = id; b < kBlocks; b += n) {
    uint32_t c = (b / (kPixels / 2)) * 4, p = (b % (kPixels / 2)) * 2;
    block4x2(weights[c], acts[p], &out[c][p]);
  }
}

static int32_t dot_c(const int8_t *a, const int8_t *b) {
  int32_t s = 0;
  for (int i = 0; i < kK; i++) s += a[i] * b[i];
  return s;
}

int main(void) {
  uint32_t seed = 2024;
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
  kiln_perf_t before, after;
  kiln_perf_read(&before);
  for (int r = 0; r < kRepeat; r++) kiln_fork(kernel, 0);
  kiln_perf_read(&after);
  uint32_t cycles = after.cycles - before.cycles;
  uint32_t macs = (uint32_t)kRepeat * kChannels * kPixels * kK;
  uint32_t checksum = 0;
  for (int c = 0; c < kChannels; c++) {
    for (int p = 0; p < kPixels; p++) checksum = checksum * 31u + (uint32_t)out[c][p];
  }
  int errors = 0;
  for (int c = 0; c < kChannels; c += 7) {
    for (int p = 0; p < kPixels; p += 3) errors += out[c][p] != dot_c(weights[c], acts[p]);
  }
  uint32_t centi = (uint32_t)(((uint64_t)macs * 100 + cycles / 2) / cycles);
  printf("cores %lu macs %lu cycles %lu mac_per_cycle %lu.%02lu conflicts_core0 %lu "
         "checksum %08lx errors %d\n",
         (unsigned long)kiln_num_cores(), (unsigned long)macs, (unsigned long)cycles,
         (unsigned long)(centi / 100), (unsigned long)(centi % 100),
         (unsigned long)(after.tcdm_conflicts - before.tcdm_conflicts),
         (unsigned long)checksum, errors);
  return errors != 0;
}
