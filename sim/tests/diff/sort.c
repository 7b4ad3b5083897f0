// Differential test: quicksort, insertion sort and picolibc's qsort on the same
// pseudo-random data must agree; prints checksums and a few elements.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N 600

static uint32_t seed = 12345;
static int32_t next_rand(void) {
  seed = seed * 1103515245u + 12345u;
  return (int32_t)(seed >> 1) - 0x20000000;
}

static void quicksort(int32_t *a, int lo, int hi) {
  while (lo < hi) {
    int32_t pivot = a[(lo + hi) / 2];
    int i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        int32_t t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    // Recurse into the smaller half to bound the stack.
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
}

static void insertion_sort(int32_t *a, int n) {
  for (int i = 1; i < n; i++) {
    int32_t v = a[i];
    int j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

static int cmp(const void *x, const void *y) {
  int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
  return (a > b) - (a < b);
}

static int32_t a[N], b[N], c[N];

int main(void) {
  for (int i = 0; i < N; i++) a[i] = b[i] = c[i] = next_rand();
  quicksort(a, 0, N - 1);
  insertion_sort(b, N);
  qsort(c, N, sizeof(c[0]), cmp);
  uint32_t sum = 0;
  int sorted = 1, same = 1;
  for (int i = 0; i < N; i++) {
    sum = sum * 31 + (uint32_t)a[i];
    if (i > 0 && a[i - 1] > a[i]) sorted = 0;
    if (a[i] != b[i] || a[i] != c[i]) same = 0;
  }
  printf("sorted=%d same=%d checksum=%08lx\n", sorted, same,
         (unsigned long)sum);
  printf("min=%ld max=%ld median=%ld\n", (long)a[0], (long)a[N - 1],
         (long)a[N / 2]);
  for (int i = 0; i < N; i += 97) printf("a[%d]=%ld\n", i, (long)a[i]);
  return 0;
}
