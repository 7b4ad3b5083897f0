// Greedy by size, first fit: the baseline of TensorFlow Lite Micro's
// GreedyMemoryPlanner, kept so reports can show what kiln's planning gains.
#pragma once

#include "compiler/memory/buffer.h"

namespace kiln::memory {

// Buffers in order of decreasing size (ties: earlier first_step, then index);
// each goes at the lowest aligned offset where it overlaps no already-placed
// buffer that is live at the same time (the first gap that fits).
Plan PlanGreedyBySize(const std::vector<Buffer>& buffers);

}  // namespace kiln::memory
