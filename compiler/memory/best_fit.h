// Best-fit placement under several buffer orders; the smallest plan wins.
#pragma once

#include <cstddef>

#include "compiler/memory/buffer.h"

namespace kiln::memory {

// Places buffers one at a time, each into the smallest gap between
// already-placed, time-overlapping buffers that fits it (else on top), under
// each of these orders: decreasing size; decreasing lifetime length; decreasing
// size x length; decreasing "breadth" (the most bytes live at any step of the
// buffer's lifetime, as in Pisarchyk & Lee 2020, "greedy by breadth"); and
// increasing first step (what a malloc at run time would see). Returns the
// smallest (ties: the earlier order in that list). Deterministic.
Plan PlanBestFit(const std::vector<Buffer>& buffers);

// One placement pass in the given order (indices into `buffers`), best fit.
Plan PlaceBestFit(const std::vector<Buffer>& buffers,
                  const std::vector<size_t>& order);

}  // namespace kiln::memory
