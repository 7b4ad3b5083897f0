// The lower bound of a planning problem, computed from sizes and lifetimes
// alone (no planner involved): no placement can use fewer bytes than are live
// at one step.
#pragma once

#include "compiler/memory/buffer.h"

namespace kiln::memory {

struct Peak {
  int64_t bytes = 0;  // the largest sum of sizes of buffers live at one step
  int step = 0;       // the first step where it is reached
};

Peak PeakLive(const std::vector<Buffer>& buffers);
inline int64_t LowerBound(const std::vector<Buffer>& buffers) {
  return PeakLive(buffers).bytes;
}

}  // namespace kiln::memory
