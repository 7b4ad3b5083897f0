// Shared pieces of the int8 lowerings (lower/int8_*.cc): quantization
// parameters read from the IR types, the one fixed-point multiplier routine
// (kiln_quantize_multiplier, the runtime's own) and fused clamps in the int8
// domain. Every int8 node maps to a kiln_<op>_s8_ref kernel.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/codegen/kernel_call.h"

namespace kiln::codegen {

// Per-tensor scale and zero point of an s8 value.
struct QParams {
  double scale = 1.0;
  int32_t zero_point = 0;
};
StatusOr<QParams> PerTensor(const ir::Graph& g, const ir::Node& node, ir::TensorId t);

// Q31 multiplier and shift for `real` with the runtime's kiln_quantize_multiplier;
// out of its range is Unimplemented naming the node.
struct Multiplier {
  int32_t mult = 0, shift = 0;
};
StatusOr<Multiplier> QuantizeMultiplier(const ir::Node& node, double real);

// The fused float clamp [lo, hi] in the grid of `q`: QuantizeLinear of each
// bound (half to even, saturating; infinities give -128/127).
void ClampS8(float lo, float hi, const QParams& q, int64_t* qlo, int64_t* qhi);

// The int8 lowerings, called by the op's lowering when IsS8Node.
StatusOr<KernelCall> LowerConvS8(const ir::Graph& g, const ir::Node& node);
StatusOr<KernelCall> LowerFullyConnectedS8(const ir::Graph& g, const ir::Node& node);
StatusOr<KernelCall> LowerPoolS8(const ir::Graph& g, const ir::Node& node, bool is_max);
StatusOr<KernelCall> LowerGlobalAveragePoolS8(const ir::Graph& g,
                                              const ir::Node& node);
StatusOr<KernelCall> LowerAddS8(const ir::Graph& g, const ir::Node& node);
StatusOr<KernelCall> LowerMulS8(const ir::Graph& g, const ir::Node& node);
StatusOr<KernelCall> LowerConcatS8(const ir::Graph& g, const ir::Node& node);
StatusOr<KernelCall> LowerSoftmaxS8(const ir::Graph& g, const ir::Node& node);

}  // namespace kiln::codegen
