// Structural and type checks of a Graph; every pass's output must verify.
#pragma once

#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::ir {

// Checks: ids in range, single definition, use after definition (topological
// order), input/output counts from ops.def, attribute struct of the right op,
// constant payload sizes, and output types equal to the op's type rule.
Status Verify(const Graph& g);

}  // namespace kiln::ir
