// Declarations of every pass function of passes.def, for the pass manager and
// for tests that call a pass directly. Each is defined in its own file.
#pragma once

#include "compiler/ir/graph.h"
#include "compiler/passes/pipeline.h"
#include "compiler/support/status.h"

namespace kiln::passes {

#define KILN_PASS(fn, name, desc) \
  Status fn(ir::Graph& g, const PassOptions& opts);
#define KILN_OPT_IN_PASS(fn, name, desc) KILN_PASS(fn, name, desc)
#include "compiler/passes/passes.def"
#undef KILN_OPT_IN_PASS
#undef KILN_PASS

}  // namespace kiln::passes
