// Host evaluation of IR nodes and whole float graphs with the runtime's
// reference kernels (runtime/include/kiln/ref): the one implementation of each
// op that constant folding, `kiln validate` and the generated firmware all
// share.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::eval {

// A tensor payload in the IR's constant encoding: little-endian elements of the
// tensor's dtype, row-major in its physical order (NHWC for an "nhwc" tensor).
using Buffer = std::vector<uint8_t>;

// Evaluates `node` of `g`. `inputs` has one entry per node input (nullptr for
// an absent optional input), each sized like the input's type. Returns one
// buffer per output. Unimplemented when the op/dtype combination has no
// reference kernel yet (constant folding then leaves the node alone).
StatusOr<std::vector<Buffer>> EvalNode(
    const ir::Graph& g, const ir::Node& node,
    const std::vector<const Buffer*>& inputs);

struct EvalOptions {
  // Called after each node with its output buffers (per-layer comparison).
  std::function<void(const ir::Node&, const std::vector<Buffer>&)> on_node;
};

// Runs the whole graph a layer at a time: `inputs` in g.inputs order, `outputs`
// receives one buffer per g.outputs. Works on any graph the verifier accepts
// (ONNX-layout or NHWC-converted) for the ops EvalNode supports.
Status EvalGraph(const ir::Graph& g, const std::vector<Buffer>& inputs,
                 std::vector<Buffer>* outputs, const EvalOptions& opts = {});

// Float views of buffers, for callers that hold float data.
Buffer ToBuffer(const std::vector<float>& v);
std::vector<float> ToFloats(const Buffer& b);

// ONNX QuantizeLinear to int8: clamp(round_half_to_even(x / scale) + zp,
// -128, 127), a true division as ONNX Runtime; NaN gives zp. Evaluates the IR's
// `quantize` until the runtime's kiln_quantize_s8_ref lands and replaces it
// (the kernel documents the same formula).
int8_t QuantizeS8(float x, float scale, int32_t zero_point);
// ONNX DequantizeLinear: (float)(q - zp) * scale, one rounding.
float DequantizeS8(int8_t q, float scale, int32_t zero_point);

// The per-channel affine form of an inference BatchNormalization:
// y = x * scale[c] + bias[c] with scale = gamma / sqrt(var + eps) and
// bias = beta - mean * scale. Shared by fold-batchnorm, eval and backends so
// every path rounds the same way.
void BatchNormToScaleBias(const float* gamma, const float* beta,
                          const float* mean, const float* var, float epsilon,
                          int64_t channels, float* scale, float* bias);

}  // namespace kiln::eval
