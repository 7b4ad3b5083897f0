// Host evaluation of a node through its lowering: runs the runtime kernel the
// code generator names, with the params struct filled from the very
// KernelCall the emitter prints, so host results (per-layer validation,
// constant folding) and the generated firmware cannot disagree on a field.
// Used for the int8 nodes and quantize/dequantize.
#pragma once

#include <vector>

#include "compiler/eval/eval.h"

namespace kiln::eval {

// Lowers `node` for the reference kernels and runs that call on `inputs` (one
// per node input, nullptr when absent). Unimplemented when the kernel is not
// in the host table (run_lowered.cc).
StatusOr<std::vector<Buffer>> EvalLowered(const ir::Graph& g, const ir::Node& node,
                                          const std::vector<const Buffer*>& inputs);

}  // namespace kiln::eval
