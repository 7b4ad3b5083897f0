// Differential test: deep and branchy recursion (Ackermann, Towers of Hanoi,
// n-queens, recursive Fibonacci) to exercise calls, returns and the stack.
#include <stdio.h>

static unsigned ackermann(unsigned m, unsigned n) {
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

static unsigned long moves;
static void hanoi(int n, int from, int to, int via) {
  if (n == 0) return;
  hanoi(n - 1, from, via, to);
  moves++;
  hanoi(n - 1, via, to, from);
}

static int queens(int n, int row, unsigned cols, unsigned d1, unsigned d2) {
  if (row == n) return 1;
  int count = 0;
  for (int c = 0; c < n; c++) {
    unsigned a = 1u << c, b = 1u << (row + c), d = 1u << (row - c + n);
    if ((cols & a) || (d1 & b) || (d2 & d)) continue;
    count += queens(n, row + 1, cols | a, d1 | b, d2 | d);
  }
  return count;
}

static unsigned fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(void) {
  printf("ackermann(2,3)=%u ackermann(3,3)=%u\n", ackermann(2, 3),
         ackermann(3, 3));
  hanoi(12, 1, 3, 2);
  printf("hanoi(12) moves=%lu\n", moves);
  for (int n = 4; n <= 8; n++)
    printf("queens(%d)=%d\n", n, queens(n, 0, 0, 0, 0));
  printf("fib(20)=%u\n", fib(20));
  return 0;
}
