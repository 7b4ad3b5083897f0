// Helpers of the PULP kernel tests (runtime/tests/pulp/<base>_test.cc): each
// test is a kiln-sim firmware that runs a kernel's reference twin and its PULP
// version on the same seeded random data, compares the outputs byte for byte,
// prints the first mismatch (case, index, values) and a summary, and returns
// non-zero on any mismatch. Built with -DKILN_PULP_TEST_INJECT=1 (the
// `.selfcheck` ctest), the comparison first sees one deliberately corrupted
// output byte, which it must report.
#ifndef KILN_RUNTIME_TESTS_PULP_PULP_TEST_H_
#define KILN_RUNTIME_TESTS_PULP_PULP_TEST_H_

#include <stdint.h>
#include <stdio.h>

#include "runtime/platform/pulp/cluster.h"

#ifndef KILN_PULP_TEST_INJECT
#define KILN_PULP_TEST_INJECT 0
#endif

namespace kiln_pulp_test {

// xorshift32, seeded per test: the same cases on every run and platform.
struct Rng {
  uint32_t s;
  explicit Rng(uint32_t seed) : s(seed ? seed : 0x9E3779B9u) {}
  uint32_t Next() {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
  }
  // Uniform in [lo, hi] (inclusive).
  int32_t Range(int32_t lo, int32_t hi) {
    return lo + (int32_t)(Next() % (uint32_t)(hi - lo + 1));
  }
  bool Chance(int32_t percent) { return Range(0, 99) < percent; }
  void FillS8(int8_t* p, int32_t n, int32_t lo = -128, int32_t hi = 127) {
    for (int32_t i = 0; i < n; ++i) p[i] = (int8_t)Range(lo, hi);
  }
};

inline uint32_t Cycles() {
  kiln_perf_t p;
  kiln_perf_read(&p);
  return p.cycles;
}

// Totals of a test run.
struct Summary {
  int32_t cases = 0;
  int32_t failed = 0;
  uint64_t bytes = 0;
  uint64_t ref_cycles = 0;
  uint64_t pulp_cycles = 0;
};

// Compares n output bytes of case `index` (described by `what`, printed on the
// first mismatch of the run); returns true when identical. The first case of
// an INJECT build gets one byte flipped in `got` before the comparison.
inline bool Compare(Summary* s, int32_t index, const char* what, const int8_t* want,
                    int8_t* got, int32_t n) {
  if (KILN_PULP_TEST_INJECT && s->cases == 0 && n > 0) got[n / 2] ^= 0x5A;
  s->cases++;
  s->bytes += (uint64_t)n;
  for (int32_t i = 0; i < n; ++i) {
    if (want[i] != got[i]) {
      if (s->failed == 0) {
        printf("first mismatch: case %ld (%s) index %ld: ref %d pulp %d\n", (long)index,
               what, (long)i, want[i], got[i]);
      }
      s->failed++;
      return false;
    }
  }
  return true;
}

// Prints the summary line and gives main's return value.
inline int Finish(const char* kernel, const Summary& s) {
  printf("%s: %ld cases, %lu output bytes, %ld failed on %lu cores (ref %lu cycles, "
         "pulp %lu cycles)\n",
         kernel, (long)s.cases, (unsigned long)s.bytes, (long)s.failed,
         (unsigned long)kiln_num_cores(), (unsigned long)s.ref_cycles,
         (unsigned long)s.pulp_cycles);
  return s.failed == 0 && s.cases > 0 ? 0 : 1;
}

}  // namespace kiln_pulp_test

#endif  // KILN_RUNTIME_TESTS_PULP_PULP_TEST_H_
