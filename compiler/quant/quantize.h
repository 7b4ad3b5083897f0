// Post-training int8 quantization of a float graph (design brief §5): turns
// the ops that have int8 kernels into s8 nodes with quantization parameters in
// their tensor types, and leaves the rest in float between explicit
// dequantize/quantize nodes (float islands).
#pragma once

#include <string>
#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/quant/calibrate.h"
#include "compiler/support/status.h"

namespace kiln::quant {

struct QuantOptions {
  // Nodes (by name) kept in float even if their op has int8 kernels, e.g. to
  // fix a layer that `kiln validate` shows losing accuracy.
  std::vector<std::string> float_nodes;
};

// Ops quantize-int8 turns into int8 nodes (the runtime's kiln_<op>_s8_ref).
// Everything else (transpose, unfused relu/clip, batchnorm, matmul,
// gemm, ...) runs in float.
bool HasInt8Kernel(ir::OpKind op);

// s8 per-tensor parameters for real values in `r`: the range is widened to
// contain 0 and zero_point is an integer in [-128, 127], so real 0 (padding,
// ReLU's floor) is exactly representable; scale = (max - min) / 255.
ir::QuantParams ActivationParams(TensorRange r);

// Rewrites `g` (float; fused and laid out: the graph that was calibrated):
// - conv, fully_connected, add, avgpool, maxpool, global_avgpool, concat,
//   softmax and reshape become int8 when every activation they read or write has
//   a range (a reshape only when its input is int8 already; softmax's output
//   grid is fixed to [0, 1]: scale 1/255, zero point -128):
//   activations s8 per tensor from the ranges (maxpool, avgpool and reshape
//   outputs share their input's parameters, as their kernels require);
//   conv/fully_connected weights s8 symmetric per output channel (axis 0 of
//   OIHW/OHWI/[out,in], scale = max|w|/127, zero point 0); their bias s32 with
//   scale = input scale x weight scale per channel, zero point 0; other
//   constant operands s8 per tensor from their own min/max.
// - other nodes stay float; a `dequantize` is inserted where a float node reads
//   an int8 value and a `quantize` where an int8 node reads a float one (each
//   inserted once per tensor, before its first reader).
// - graph inputs and outputs stay f32 with their names (the user API is
//   float): a quantize follows each input an int8 node reads, a dequantize
//   writes each output an int8 node produces.
// Fails (InvalidArgument) when the graph is already quantized.
Status QuantizeGraph(ir::Graph& g, const CalibrationResult& calibration,
                     const QuantOptions& opts = {});

}  // namespace kiln::quant
