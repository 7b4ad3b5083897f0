// An overlap checker written independently of every planner, so tests and the
// plan-memory pass can validate any plan.
#pragma once

#include <string>

#include "compiler/memory/buffer.h"

namespace kiln::memory {

// Checks `plan` against `buffers`: one offset per buffer, every offset aligned
// and non-negative, total_bytes covers every buffer, and no two buffers live
// at a common step share a byte. Returns "" when valid, else what is wrong.
std::string CheckPlan(const std::vector<Buffer>& buffers, const Plan& plan);

}  // namespace kiln::memory
