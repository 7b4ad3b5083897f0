// Differential test: integer matrix multiply (int32 and int8 x int8 -> int32
// with requantisation), the kind of loop kiln's kernels run.
#include <stdint.h>
#include <stdio.h>

#define N 20

static int32_t A[N][N], B[N][N], C[N][N];
static int8_t qa[N][N], qb[N][N];
static int8_t qc[N][N];

int main(void) {
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) {
      A[i][j] = (i * 7 - j * 3) % 23 - 11;
      B[i][j] = (i * j + 5) % 17 - 8;
      qa[i][j] = (int8_t)((i * 37 + j * 11) % 256 - 128);
      qb[i][j] = (int8_t)((i * 13 - j * 29) % 256);
    }
  }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      int32_t acc = 0;
      for (int k = 0; k < N; k++) acc += A[i][k] * B[k][j];
      C[i][j] = acc;
    }
  // int8 GEMM with a fixed-point multiplier and rounding shift, then
  // saturation.
  const int32_t mult = 1518500250;  // ~0.7071 in Q31
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      int32_t acc = 0;
      for (int k = 0; k < N; k++) acc += qa[i][k] * qb[k][j];
      int64_t prod = (int64_t)acc * mult;
      int32_t scaled = (int32_t)((prod + (1ll << 37)) >> 38);  // Q31 and >> 7
      if (scaled > 127) scaled = 127;
      if (scaled < -128) scaled = -128;
      qc[i][j] = (int8_t)scaled;
    }
  uint32_t h = 0;
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) h = h * 16777619u ^ (uint32_t)C[i][j];
  }
  printf("int32 checksum %08lx\n", (unsigned long)h);
  for (int i = 0; i < N; i += 4) {
    printf("C[%2d]:", i);
    for (int j = 0; j < N; j += 3) printf(" %6ld", (long)C[i][j]);
    printf("\n");
  }
  for (int i = 0; i < N; i += 5) {
    printf("q[%2d]:", i);
    for (int j = 0; j < N; j++) printf(" %4d", qc[i][j]);
    printf("\n");
  }
  return 0;
}
