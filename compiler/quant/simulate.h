// Float simulation of a quantized graph ("fake quant"): what the int8 firmware
// computes, up to the int8 kernels' integer rounding, for measuring accuracy
// before the int8 lowering exists. The int8 lowering's reference kernels will
// replace it as the oracle of `kiln validate --quantize int8`.
#pragma once

#include <vector>

#include "compiler/eval/eval.h"
#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::quant {

// Runs `g` (the output of QuantizeGraph) on f32 inputs: every int8 node runs
// its float reference kernel on dequantized operands (s8 weights and s32 bias
// dequantized per channel), and every s8 value it writes is replaced by
// dequantize(quantize(value)) with that tensor's parameters; quantize nodes do
// the same, dequantize nodes pass values through. `opts.on_node` sees every
// node's outputs as f32 (s8 values dequantized), for per-layer comparison.
Status SimulateQuantized(const ir::Graph& g,
                         const std::vector<eval::Buffer>& inputs,
                         std::vector<eval::Buffer>* outputs,
                         const eval::EvalOptions& opts = {});

// Real values of a quantized constant (s8, u8 or s32; per tensor or per
// channel along quant.axis), for simulation and reports.
StatusOr<std::vector<float>> DequantizeConstant(const ir::Tensor& t);

}  // namespace kiln::quant
