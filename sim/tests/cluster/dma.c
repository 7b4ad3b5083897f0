// Cluster DMA: 1D and 2D copies L2 -> L1 and L1 -> L2 with odd alignments,
// lengths and strides, checked byte for byte against the source (bytes around
// each destination must stay untouched); a full command queue; and every core
// moving its own slice while it computes on other L1 data and polls for
// completion. Runs on kiln-sim and kiln-sim-8.
#include <stdint.h>
#include <stdio.h>

#include "runtime/platform/pulp/cluster.h"

enum { kSrcBytes = 8192, kL1Bytes = 16384, kGuard = 0xA5, kMaxCores = 8 };

static uint8_t src[kSrcBytes];
static uint8_t back[kSrcBytes];
static uint8_t l1[kL1Bytes] __attribute__((section(".l1"), aligned(64)));
static uint32_t work[kMaxCores][256] __attribute__((section(".l1")));
static int errors;

static void fill(uint8_t *p, uint32_t n, uint8_t v) {
  for (uint32_t i = 0; i < n; i++) p[i] = v;
}

static void check(const char *what, const uint8_t *got, const uint8_t *want,
                  uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    if (got[i] != want[i]) {
      printf("%s: byte %lu is %02x, want %02x\n", what, (unsigned long)i, got[i], want[i]);
      errors++;
      return;
    }
  }
}

static void check_guard(const char *what, const uint8_t *p, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    if (p[i] != kGuard) {
      printf("%s: byte %lu outside the copy changed to %02x\n", what, (unsigned long)i,
             p[i]);
      errors++;
      return;
    }
  }
}

// 1D, both directions: src + so -> l1 + lo (len bytes) -> back + bo.
static void test_1d(uint32_t so, uint32_t lo, uint32_t bo, uint32_t len) {
  fill(l1, lo + len + 16, kGuard);
  kiln_dma_to_l1(l1 + lo, src + so, len);
  kiln_dma_wait();
  check("1d to L1", l1 + lo, src + so, len);
  check_guard("1d to L1 before", l1, lo);
  check_guard("1d to L1 after", l1 + lo + len, 16);
  fill(back, bo + len + 16, kGuard);
  kiln_dma_to_l2(back + bo, l1 + lo, len);
  kiln_dma_wait();
  check("1d to L2", back + bo, src + so, len);
  check_guard("1d to L2 before", back, bo);
  check_guard("1d to L2 after", back + bo + len, 16);
}

// 2D: rows x row bytes, L2 rows l2s apart, L1 rows l1s apart (both >= row).
static void test_2d(uint32_t so, uint32_t lo, uint32_t row, uint32_t rows,
                    uint32_t l1s, uint32_t l2s) {
  fill(l1, lo + rows * l1s + 16, kGuard);
  kiln_dma_2d(l1 + lo, src + so, row, rows, l1s, l2s, KILN_DMA_TO_L1);
  kiln_dma_wait();
  check_guard("2d to L1 before", l1, lo);
  for (uint32_t r = 0; r < rows; r++) {
    check("2d to L1 row", l1 + lo + r * l1s, src + so + r * l2s, row);
    check_guard("2d to L1 gap", l1 + lo + r * l1s + row, l1s - row);
  }
  // Back into L2 with the strides swapped: L2 rows l1s apart.
  fill(back, rows * l1s + 16, kGuard);
  kiln_dma_2d(l1 + lo, back, row, rows, l1s, l1s, KILN_DMA_TO_L2);
  kiln_dma_wait();
  for (uint32_t r = 0; r < rows; r++) {
    check("2d to L2 row", back + r * l1s, src + so + r * l2s, row);
    check_guard("2d to L2 gap", back + r * l1s + row, l1s - row);
  }
}

// Every core: queue its slice (2D, 4 rows), compute on its own L1 words while
// polling, then wait and check. The slice and the work words share banks.
static volatile uint32_t overlapped[kMaxCores], sums[kMaxCores];

static void slices(void *arg) {
  (void)arg;
  uint32_t id = kiln_core_id();
  uint8_t *dst = l1 + 8192 + id * 1024;
  const uint8_t *from = src + id * 800;
  kiln_dma_2d(dst, from, 200, 4, 256, 200, KILN_DMA_TO_L1);
  uint32_t sum = 0, polls = 0;
  for (uint32_t round = 0; round < 4; round++) {
    for (uint32_t i = 0; i < 256; i++) {
      work[id][i] = work[id][i] * 3 + i + id;
      sum += work[id][i];
      if ((i & 15) == 0 && kiln_dma_pending() != 0) polls++;
    }
  }
  kiln_dma_wait();
  overlapped[id] = polls;
  sums[id] = sum;
}

static uint32_t expected_sum(uint32_t id) {
  // The same arithmetic on a local copy: the compute must not see DMA bytes.
  static uint32_t w[256];
  uint32_t sum = 0;
  for (uint32_t i = 0; i < 256; i++) w[i] = 0;
  for (uint32_t round = 0; round < 4; round++) {
    for (uint32_t i = 0; i < 256; i++) {
      w[i] = w[i] * 3 + i + id;
      sum += w[i];
    }
  }
  return sum;
}

int main(void) {
  uint32_t seed = 12345;
  for (uint32_t i = 0; i < kSrcBytes; i++) {
    seed = seed * 1103515245u + 12345u;
    src[i] = (uint8_t)(seed >> 16);
  }
  static const uint32_t k1d[][4] = {
      {0, 0, 0, 64},  {1, 0, 0, 63},   {0, 3, 5, 1},    {5, 7, 1, 2},
      {2, 6, 3, 9},   {3, 1, 2, 300},  {0, 8, 4, 1000}, {7, 13, 11, 4097},
      {4, 4, 4, 8},   {6, 2, 0, 15}};
  for (unsigned i = 0; i < sizeof(k1d) / sizeof(k1d[0]); i++) {
    test_1d(k1d[i][0], k1d[i][1], k1d[i][2], k1d[i][3]);
  }
  static const uint32_t k2d[][6] = {
      {0, 0, 16, 4, 16, 32},   {3, 5, 7, 9, 13, 100},  {1, 2, 64, 8, 72, 65},
      {10, 1, 1, 20, 3, 7},    {0, 4, 100, 3, 128, 300}};
  for (unsigned i = 0; i < sizeof(k2d) / sizeof(k2d[0]); i++) {
    test_2d(k2d[i][0], k2d[i][1], k2d[i][2], k2d[i][3], k2d[i][4], k2d[i][5]);
  }

  // More commands than the queue holds (8): pushes wait, none is lost.
  fill(l1, 1024, kGuard);
  for (uint32_t i = 0; i < 12; i++) kiln_dma_to_l1(l1 + i * 80, src + 1000 + i * 80, 80);
  uint32_t pending = kiln_dma_pending();
  kiln_dma_wait();
  check("queued", l1, src + 1000, 960);
  check_guard("queued after", l1 + 960, 64);
  if (pending == 0 || kiln_dma_pending() != 0) {
    printf("pending %lu right after queueing, %lu after the wait\n",
           (unsigned long)pending, (unsigned long)kiln_dma_pending());
    errors++;
  }

  // All cores at once, computing while their transfers run.
  uint32_t n = kiln_num_cores();
  kiln_fork(slices, 0);
  for (uint32_t id = 0; id < n; id++) {
    for (uint32_t r = 0; r < 4; r++) {
      check("slice row", l1 + 8192 + id * 1024 + r * 256, src + id * 800 + r * 200, 200);
    }
    if (sums[id] != expected_sum(id)) {
      printf("core %lu: compute result %08lx, want %08lx\n", (unsigned long)id,
             (unsigned long)sums[id], (unsigned long)expected_sum(id));
      errors++;
    }
    if (overlapped[id] == 0) {
      printf("core %lu: its transfer was done before it computed anything\n",
             (unsigned long)id);
      errors++;
    }
  }
  kiln_perf_t perf;
  kiln_perf_read(&perf);
  printf("DMA test on %lu cores: %d errors, core 0 waited %lu cycles for the DMA\n",
         (unsigned long)n, errors, (unsigned long)perf.dma_waits);
  return errors != 0;
}
