// An exact arena planner: branch and bound with a budget counted in search
// nodes (not seconds, so a compile gives the same plan on any machine).
#pragma once

#include <cstddef>

#include "compiler/memory/buffer.h"

namespace kiln::memory {

struct ExactOptions {
  int64_t node_budget = 20000;  // placements tried before giving up
  std::size_t max_buffers = 256;      // larger problems are not searched at all
};

struct ExactResult {
  Plan plan;               // the best plan found (the incumbent if no better)
  bool optimal = false;    // proven: no plan is smaller
  bool searched = false;   // false: over max_buffers, no search
  int64_t nodes = 0;       // search nodes used
  int64_t lower_bound = 0; // the root bound (peak live bytes)
};

// Searches for a plan smaller than `incumbent` (a valid plan of `buffers`,
// e.g. the best heuristic one). Every buffer is stacked on the highest
// time-overlapping buffer placed before it (aligned up); some order of
// stacking reaches an optimal plan (order an optimal plan's buffers by
// offset), so the search is over orders. Pruned by the bound "at every step,
// the current top plus the bytes of the unplaced buffers live then", by
// commuting buffers that are never live together, and by ordering identical
// buffers. Deterministic.
ExactResult PlanExact(const std::vector<Buffer>& buffers, const Plan& incumbent,
                      const ExactOptions& options = {});

}  // namespace kiln::memory
