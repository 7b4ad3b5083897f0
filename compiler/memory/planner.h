// Static memory planning for one activation arena: the planners of
// compiler/memory side by side and kiln's choice among them. A leaf library:
// no IR types in here.
//
//   buffer.h          Buffer (size, alignment, lifetime), Plan (offsets)
//   greedy_by_size.h  TFLite Micro's baseline (first fit, largest first)
//   best_fit.h        best fit under several buffer orders
//   exact.h           branch and bound with a node budget
//   lower_bound.h     peak live bytes: what no plan can beat
//   check.h           the independent overlap checker
//   order.h           execution order of a DAG minimizing peak live bytes
#pragma once

#include <string>

#include "compiler/memory/best_fit.h"
#include "compiler/memory/buffer.h"
#include "compiler/memory/check.h"
#include "compiler/memory/exact.h"
#include "compiler/memory/greedy_by_size.h"
#include "compiler/memory/lower_bound.h"

namespace kiln::memory {

enum class Planner {
  kGreedyBySize,  // the TFLM baseline only
  kKiln,          // the best of best fit and the exact search
  kNone,          // no reuse: every buffer at its own offset
};

struct PlanSummary {
  Plan plan;                      // the chosen planner's plan
  int64_t greedy_by_size_bytes = 0;
  int64_t best_fit_bytes = 0;
  int64_t kiln_bytes = 0;         // best fit improved by the exact search
  int64_t lower_bound_bytes = 0;  // peak live bytes
  int peak_step = 0;
  bool exact_optimal = false;     // kiln_bytes proven optimal
  bool exact_searched = false;
  int64_t exact_nodes = 0;
};

// Runs every planner (the exact one within `exact`'s budget) and returns the
// plan of `choice` with all totals, for reports. Deterministic.
PlanSummary PlanArena(const std::vector<Buffer>& buffers, Planner choice,
                      const ExactOptions& exact = {});

// No reuse: buffers stacked one after another in index order (aligned).
Plan PlanNoReuse(const std::vector<Buffer>& buffers);

}  // namespace kiln::memory
