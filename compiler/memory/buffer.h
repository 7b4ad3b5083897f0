// The problem every arena planner of compiler/memory solves: buffers with
// sizes, alignments and lifetimes over execution steps in, byte offsets out.
// A leaf: no IR types in here.
#pragma once

#include <cstdint>
#include <vector>

namespace kiln::memory {

// One buffer to place. Steps are positions in the execution order; the buffer
// is live on [first_step, last_step], both inclusive, so an op's inputs (last
// used at step s) never share bytes with its outputs (first written at step s).
struct Buffer {
  int64_t size = 0;        // bytes; 0-byte buffers get offset 0, use no space
  int64_t alignment = 16;  // power of two; the offset is a multiple of it
  int first_step = 0;
  int last_step = 0;
};

struct Plan {
  std::vector<int64_t> offsets;  // one per buffer, same order
  int64_t total_bytes = 0;  // arena size: max over buffers of offset + size
};

inline int64_t AlignUp(int64_t v, int64_t a) {
  return a <= 1 ? v : (v + a - 1) / a * a;
}

// Whether two buffers are live at a common step.
inline bool LiveTogether(const Buffer& a, const Buffer& b) {
  return a.first_step <= b.last_step && b.first_step <= a.last_step;
}

}  // namespace kiln::memory
