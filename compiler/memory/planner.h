// Static memory planning for one activation arena: given buffers with sizes,
// alignments and lifetimes over execution steps, assign byte offsets so that no
// two buffers live at the same step overlap. A leaf library: no IR types in
// here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiln::memory {

// One buffer to place. Steps are positions in the execution order; the buffer
// is live on [first_step, last_step], both inclusive, so an op's inputs (last
// used at step s) never share bytes with its outputs (first written at step s).
struct Buffer {
  int64_t size = 0;  // bytes; 0-byte buffers get offset 0 and use no space
  int64_t alignment = 16;  // power of two; the offset is a multiple of it
  int first_step = 0;
  int last_step = 0;
};

struct Plan {
  std::vector<int64_t> offsets;  // one per buffer, same order
  int64_t total_bytes = 0;  // arena size: max over buffers of offset + size
};

// Greedy by size with best fit: buffers in order of decreasing size (ties:
// earlier first_step, then index, so the result is deterministic); each goes
// into the smallest gap between already-placed, time-overlapping buffers that
// fits it, else above the highest of them. The classic heuristic of TFLite
// Micro's GreedyMemoryPlanner and of Pisarchyk & Lee, "Efficient Memory
// Management for Deep Neural Net Inference" (2020).
Plan PlanGreedyBySize(const std::vector<Buffer>& buffers);

// A lower bound on any plan's size: the largest sum of sizes of the buffers
// live at one step. (A plan may exceed it: fragmentation and alignment.)
int64_t LowerBound(const std::vector<Buffer>& buffers);

// Checks `plan` against `buffers`: alignment, and no two buffers live at the
// same step with overlapping bytes, and total_bytes covers every buffer.
// Returns an empty string when valid, else what is wrong (for tests and debug
// checks).
std::string CheckPlan(const std::vector<Buffer>& buffers, const Plan& plan);

}  // namespace kiln::memory
