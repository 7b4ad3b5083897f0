// C side of the assembly test framework: failure and timing reports, printed
// with picolibc so the same code runs on kiln-sim and under QEMU.
#include <stdio.h>
#include <stdlib.h>

void kiln_test_fail(int test) {
  printf("FAIL: test %d\n", test);
  exit(1);
}

// Timing tests: print one measurement, fail if it differs from the expectation.
void kiln_timing_report(int test, int measured, int expected) {
  printf("timing %3d: %3d cycles (expected %3d)%s\n", test, measured, expected,
         measured == expected ? "" : "  MISMATCH");
}
