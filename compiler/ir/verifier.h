// Structural and type checks of a Graph; every pass's output must verify.
#pragma once

#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::ir {

// Checks: ids in range, single definition, use after definition (topological
// order), input/output counts from ops.def, attribute struct of the right op,
// constant payload sizes, and output types equal to the op's type rule.
// When `where` is given and verification fails, it says which node (index in
// g.nodes) or tensor the error is about (-1 / kNoTensor if neither), so a tool
// can point at the source (parser.h SourceMap).
struct VerifyLocation {
  int node = -1;
  TensorId tensor = kNoTensor;
};
Status Verify(const Graph& g, VerifyLocation* where = nullptr);

}  // namespace kiln::ir
